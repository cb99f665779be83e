/* cmd-import.c: clout import: turns COW, ATOP, SIPRI, IMF DOTS, AidData and UN votes files into (or
 * into more of) a dataset. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_OUTPUT,     OPT_ACTORS, OPT_FROM,   OPT_UNTIL,    OPT_IGOS,  OPT_PREFER, OPT_CLASSES,
    OPT_UNADJUSTED, OPT_ISSUES, OPT_FORMAT, OPT_SAFE_CSV, OPT_QUIET, OPT_HELP,   OPT_NONE};

/* The options that only one source reads: given with another, they would
 * do nothing, so they are an error. */
static const struct {
    cli_opt_id_t id;
    const char *name, *source;
} ONLY[] = {{OPT_IGOS, "--igos", "cow-igo"},
            {OPT_PREFER, "--prefer", "imf-dots"},
            {OPT_CLASSES, "--classes", "gcdf"},
            {OPT_UNADJUSTED, "--unadjusted", "gcdf"},
            {OPT_ISSUES, "--issues", "unga"}};

static const char *const PREFER[] = {"importer", "exporter", "max", "mean", NULL};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return cli_fail(2, "import: name the dataset folder to write with -o DATASET");
    bool known = false;
    for (int i = 0; clout_import_sources[i]; i++)
        known |= strcmp(clout_import_sources[i], argv[0]) == 0;
    if (!known) {
        return cli_unknown("import: ", "source", argv[0],
                           (const char *const *)clout_import_sources);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(ONLY); i++)
        if (cli_given(o, ONLY[i].id) && strcmp(argv[0], ONLY[i].source) != 0)
            return cli_fail(2, "import: %s is an option of %s only, not of %s", ONLY[i].name,
                            ONLY[i].source, argv[0]);
    int prefer = CLOUT_PREFER_IMPORTER;
    if (cli_given(o, OPT_PREFER)) {
        for (prefer = 0; PREFER[prefer] && strcmp(PREFER[prefer], o->prefer) != 0; prefer++)
            ;
        if (!PREFER[prefer])
            return cli_unknown("--prefer: ", "value", o->prefer, PREFER);
    }
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
        io.prefer = prefer;
        io.unadjusted = o->unadjusted;
        if (cli_given(o, OPT_CLASSES))
            io.classes = o->classes;
        if (cli_given(o, OPT_ISSUES))
            io.issues = o->issues;
        st = clout_import(ds, argv[0], argv + 1, argc - 1, &report, &io, err);
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
             "[--igos LIST] [--prefer WHOSE] [--classes LIST] [--unadjusted] [--issues LIST]",
    .summary = "turn COW, ATOP, SIPRI, IMF DOTS, AidData or UN votes files into a dataset",
    .description =
        "Reads standard datasets as their maintainers publish them (plain or gzip) and\n"
        "writes (or adds to) the dataset folder DATASET.  SOURCE is cow-igo (state-year\n"
        "format), atop (directed dyad-year), cow-alliance (dyad-year), cow-trade (dyadic\n"
        "or national), sipri (the trade register as SIPRI's website exports it), imf-dots\n"
        "(IMF Direction of Trade Statistics, bilateral), gcdf (AidData's Chinese\n"
        "development finance by recipient and year), unga (the UN votes, roll calls and\n"
        "issues files: agreement of every pair of --actors), unga-agreement (Voeten's\n"
        "agreement scores) or clout (another dataset folder, merged).  Every tie's\n"
        "source_ref names the dataset and its version.  Prints a table of the rows read,\n"
        "kept and dropped (and why) and the ties added.  An --actors code that is neither\n"
        "in the files nor in the code tables is an error, with the nearest codes.",
    .options = OPTS,
    .min_args = 2,
    .max_args = 1000,
    .run = run,
};
