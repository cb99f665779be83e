/* cmd-influence.c: clout influence: each pole's weight on each focus actor, with intervals. */
#include <config.h>

#include <string.h>
#include <unistd.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_POLES,     OPT_FOCUS,    OPT_ALL_POLES, OPT_BOOTSTRAP, OPT_NOISE,    OPT_INTERVAL,
    OPT_JOBS,      OPT_SEED,     OPT_TABLE,     OPT_AT,        OPT_WINDOW,   OPT_CARRY_FORWARD,
    OPT_HALF_LIFE, OPT_LAYERS,   OPT_RELATIONS, OPT_FORMAT,    OPT_SAFE_CSV, OPT_OUTPUT,
    OPT_QUIET,     OPT_PROGRESS, OPT_HELP,      OPT_NONE};

static void progress(int done, int total, void *data)
{
    (void)data;
    fprintf(stderr, "\rclout: bootstrap %d/%d", done, total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    static const char *tables[] = {"shares", "balance", "contributions", NULL};
    if (o->table && !g_strv_contains(tables, o->table))
        return cli_fail(2, "--table: '%s' is not shares, balance or contributions", o->table);
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    clout_dataset_t *ds;
    int code;
    if (clout_input_open(&net, &ds, argv[0], &so, err) != CLOUT_OK) {
        code = cli_report(err);
        cli_error_done(o, err);
        return code;
    }
    if (!ds) {
        clout_network_free(net);
        cli_error_done(o, err);
        return cli_fail(2,
                        "influence: '%s' is a network file; influence needs a dataset "
                        "(DATASET@YEAR), whose roles, leads and relations it uses",
                        argv[0]);
    }
    so.year = net->year; /* the year INPUT named, @YEAR or latest */
    clout_network_free(net);
    clout_influence_opts_t io;
    cli_influence_opts(o, &io);
    /* Progress on a terminal by default, or when asked for. */
    if (!o->quiet && (o->progress || isatty(STDERR_FILENO)) && io.bootstrap > 0)
        io.on_progress = progress;
    clout_table_t *t[2] = {NULL, NULL};
    if (o->table && strcmp(o->table, "contributions") == 0) {
        if (clout_influence_contributions(ds, &t[0], &so, &io, err) != CLOUT_OK)
            code = cli_report(err);
        else
            code = cli_write_tables(o, &t[0], 1);
    } else if (clout_influence(ds, &t[0], &t[1], &so, &io, err) != CLOUT_OK)
        code = cli_report(err);
    else if (o->table)
        code = cli_write_tables(o, strcmp(o->table, "balance") == 0 ? &t[1] : &t[0], 1);
    else
        code = cli_write_tables(o, t, 2);
    clout_table_free(t[0]);
    clout_table_free(t[1]);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_influence = {
    .name = "influence",
    .usage = "influence INPUT [--poles a,b] [--focus LIST] [--bootstrap N] [-j N] [--table "
             "shares|balance|contributions]",
    .summary = "each pole's influence on each focus actor, per layer, with 95% intervals",
    .description =
        "Quantifies how much each pole weighs on each focus actor of a dataset snapshot,\n"
        "per layer and over all layers: direct share (of what the focus actor depends on,\n"
        "the part that comes from the pole, its blocs and companies), reach (the same\n"
        "plus one step through intermediaries), brokerage, alignment (shared\n"
        "communities), their index, and the balance between the first two poles (-1 all\n"
        "the first, +1 all the second).  Every row says which relations had no data in\n"
        "the snapshot's years.  --table contributions shows what each relation adds.\n"
        "--bootstrap N resamples, per flow or event relation, the years of the window\n"
        "with replacement (state ties held as they are; noise on flow values) for 95%\n"
        "intervals (--interval percentile or bca), in -j processes; the result is the\n"
        "same for any -j.  Each interval says how many replicates it used and flags one\n"
        "that is degenerate or leaves out its estimate.  doc/methods.md gives every\n"
        "formula.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
