/* cmd-robustness.c: clout robustness: does each balance hold under other weights, windows,
 * scales and without each relation or source, and which findings survive. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_POLES,     OPT_FOCUS,  OPT_BOOTSTRAP, OPT_NOISE,         OPT_JOBS,      OPT_SEED,
    OPT_TABLE,     OPT_AT,     OPT_WINDOW,    OPT_CARRY_FORWARD, OPT_HALF_LIFE, OPT_LAYERS,
    OPT_RELATIONS, OPT_FORMAT, OPT_DIGITS,    OPT_RAW_NAMES,     OPT_CAPTION,   OPT_LABEL,
    OPT_SAFE_CSV,  OPT_OUTPUT, OPT_QUIET,     OPT_PROGRESS,      OPT_HELP,      OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    (void)cmd;
    (void)argc;
    static const char *const tables[] = {"robustness", "variants", NULL};
    if (!cli_check_table(o, tables))
        return 2;
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_dataset_t *ds;
    int code =
        cli_dataset_open(o, &ds, argv[0], &so, "robustness", "whose relations it varies", err);
    if (code)
        return code;
    clout_robustness_opts_t ro;
    cli_robustness_opts(o, &ro);
    if (cli_show_progress(o))
        ro.on_progress = cli_progress_variant;
    clout_table_t *t[2] = {NULL, NULL};
    if (clout_robustness(ds, &t[0], &t[1], &so, &ro, err) != CLOUT_OK)
        code = cli_report(err);
    else
        code =
            cli_write_tables(o, o->table && strcmp(o->table, "variants") == 0 ? &t[1] : &t[0], 1);
    clout_table_free(t[0]);
    clout_table_free(t[1]);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_robustness = {
    .name = "robustness",
    .usage = "robustness INPUT [--bootstrap N] [--table robustness|variants]",
    .summary = "does each balance hold without each relation, with other weights, windows?",
    .description = "Recomputes the balance of every focus actor and layer (clout influence) under\n"
                   "a documented set of variants: each relation with data left out, each source\n"
                   "(relations.csv's source) left out, each relation's weight halved and doubled,\n"
                   "each flow or event relation under the other scales, windows of 3, 5 and 7\n"
                   "years, and the alternative values (ties.csv's alt_value, such as the other\n"
                   "side's report of a trade flow) where the dataset has them.  The table\n"
                   "robustness gives, per focus actor and layer, the estimate, its min and max\n"
                   "over the variants, the variant that moves it most, and whether its sign holds\n"
                   "in every variant; with --bootstrap N also the bootstrap interval and the\n"
                   "finding: robust (the sign holds in the whole interval and in every variant),\n"
                   "fragile (in most replicates and most variants) or not supported.  --table\n"
                   "variants lists every variant's balance.  doc/methods.md gives every rule.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
