/* cmd-import.c: clout import: turns COW, ATOP and SIPRI files into (or into more of) a dataset. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {OPT_OUTPUT, OPT_ACTORS,   OPT_FROM,  OPT_UNTIL, OPT_IGOS,
                                    OPT_FORMAT, OPT_SAFE_CSV, OPT_QUIET, OPT_HELP,  OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return cli_fail(2, "import: name the dataset folder to write with -o DATASET");
    bool known = false;
    for (int i = 0; clout_import_sources[i]; i++)
        known |= strcmp(clout_import_sources[i], argv[0]) == 0;
    if (!known)
        return cli_fail(2,
                        "import: '%s' is not a source (cow-igo, atop, cow-alliance, cow-trade, "
                        "sipri, clout)",
                        argv[0]);
    if (cli_given(o, OPT_FROM) && cli_given(o, OPT_UNTIL) && o->until < o->from)
        return cli_fail(2, "import: --until %d is before --from %d", o->until, o->from);
    clout_error_t *err = clout_error_new(100);
    clout_dataset_t *ds = NULL;
    clout_status_t st = CLOUT_OK;
    /* An existing dataset is merged into, so that several imports build one. */
    char *probe = g_build_filename(o->output, "actors.csv", NULL);
    if (g_file_test(probe, G_FILE_TEST_EXISTS))
        st = clout_dataset_load(&ds, o->output, err);
    else
        ds = clout_dataset_new(o->output);
    g_free(probe);
    clout_table_t *report = NULL;
    if (!st) {
        clout_import_opts_t io;
        clout_import_opts_init(&io);
        if (cli_given(o, OPT_ACTORS))
            io.actors = o->actors;
        if (cli_given(o, OPT_IGOS))
            io.igos = o->igos;
        if (cli_given(o, OPT_FROM))
            io.from = o->from;
        if (cli_given(o, OPT_UNTIL))
            io.to = o->until;
        st = clout_import(ds, argv[0], argv + 1, argc - 1, &io, &report, err);
    }
    if (!st)
        st = clout_dataset_write(ds, o->output, err);
    int code = st ? cli_report(err) : 0;
    if (!st && !o->quiet) {
        cli_opts_t out = *o;
        out.output = NULL; /* the report goes to standard output */
        code = cli_write_tables(&out, &report, 1);
    }
    clout_table_free(report);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_import = {
    .name = "import",
    .usage = "import SOURCE FILE... -o DATASET [--actors LIST] [--from YEAR] [--until YEAR] "
             "[--igos LIST]",
    .summary = "turn COW IGO, ATOP, COW alliance, COW trade or SIPRI files into a dataset",
    .description =
        "Reads standard datasets as their maintainers publish them and writes (or adds to)\n"
        "the dataset folder DATASET.  SOURCE is cow-igo (state-year format, plain or gzip),\n"
        "atop (directed dyad-year), cow-alliance (dyad-year), cow-trade (dyadic), sipri\n"
        "(the trade register as SIPRI's website exports it) or clout (another dataset\n"
        "folder, merged).  Every tie's source_ref names the dataset and its version.\n"
        "Prints a table of what was read, added and skipped, and why.",
    .options = OPTS,
    .min_args = 2,
    .max_args = 1000,
    .run = run,
};
