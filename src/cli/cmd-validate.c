/* cmd-validate.c: clout validate: checks a dataset and reports every problem. */
#include <config.h>

#include <stdio.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {OPT_QUIET, OPT_HELP, OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    clout_error_t *err = clout_error_new(100);
    clout_dataset_t *ds;
    int code = 0;
    if (clout_dataset_load(&ds, argv[0], err) != CLOUT_OK) {
        code = cli_report(err);
    } else {
        if (!o->quiet)
            printf("%s: ok: %d actors, %d relations, %ld ties, latest year %d\n", argv[0],
                   clout_dataset_n_actors(ds), clout_dataset_n_relations(ds),
                   clout_dataset_n_ties(ds), clout_dataset_latest_year(ds));
        clout_dataset_free(ds);
    }
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_validate = {
    .name = "validate",
    .usage = "validate DATASET",
    .summary = "check a dataset folder and report every problem",
    .description =
        "Checks actors.csv, relations.csv and ties.csv in DATASET against the data format\n"
        "(man clout-validate, doc/data-format.md) and reports every problem found, up to 100,\n"
        "as FILE:LINE:COL: message.  Exit status 3 when there is any.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
