/* cmd-influence.c: clout influence: each pole's weight on each focus actor, with intervals. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_POLES,     OPT_FOCUS,  OPT_ALL_POLES, OPT_BOOTSTRAP, OPT_NOISE,  OPT_INTERVAL,
    OPT_JOBS,      OPT_SEED,   OPT_TABLE,     OPT_AT,        OPT_WINDOW, OPT_CARRY_FORWARD,
    OPT_HALF_LIFE, OPT_LAYERS, OPT_RELATIONS, OPT_FORMAT,    OPT_DIGITS, OPT_RAW_NAMES,
    OPT_CAPTION,   OPT_LABEL,  OPT_SAFE_CSV,  OPT_OUTPUT,    OPT_QUIET,  OPT_PROGRESS,
    OPT_HELP,      OPT_NONE};

/* The influence tables of one snapshot: shares and balance, or contributions. */
static int influence_year(const cli_opts_t *o, const char *input, const clout_snapshot_opts_t *in,
                          clout_table_t **t, int *n, void *data)
{
    (void)data;
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = *in;
    clout_dataset_t *ds;
    int code = cli_dataset_open(o, &ds, input, &so, "influence",
                                "whose roles, leads and relations it uses", err);
    if (code)
        return code;
    clout_influence_opts_t io;
    cli_influence_opts(o, &io);
    /* Progress on a terminal by default, or when asked for. */
    if (cli_show_progress(o) && io.bootstrap > 0)
        io.on_progress = cli_progress_bootstrap;
    clout_status_t st;
    if (o->table && strcmp(o->table, "contributions") == 0)
        st = clout_influence_contributions(ds, &t[0], &so, &io, err);
    else
        st = clout_influence(ds, &t[0], &t[1], &so, &io, err);
    if (st)
        code = cli_report(err);
    else
        *n = t[1] ? 2 : 1;
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    static const char *const tables[] = {"shares", "balance", "contributions", NULL};
    if (!cli_check_table(o, tables))
        return 2;
    return cli_years_write(o, argv[0], influence_year, NULL);
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
    .at_list = true,
};
