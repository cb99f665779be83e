/* cmd-report.c: clout report: the main job: tables, figures and a page for a dataset. */
#include <config.h>

#include <unistd.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_AT,   OPT_WINDOW, OPT_CARRY_FORWARD, OPT_HALF_LIFE, OPT_BOOTSTRAP, OPT_JOBS, OPT_FONT,
    OPT_SEED, OPT_OUTPUT, OPT_QUIET,         OPT_PROGRESS,  OPT_HELP,      OPT_NONE};

static void say(const char *what, void *data)
{
    (void)data;
    fprintf(stderr, "clout: report: %s\n", what);
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    const char *dataset = argc > 0 ? argv[0] : "graphs/central-asia";
    const char *dir = o->output ? o->output : "out";
    clout_report_opts_t ro;
    clout_report_opts_init(&ro);
    if (cli_given(o, OPT_AT)) {
        ro.years = o->at.years;
        ro.n_years = o->at.n;
    }
    if (cli_given(o, OPT_WINDOW))
        ro.window = o->window;
    if (cli_given(o, OPT_CARRY_FORWARD))
        ro.carry_forward = o->carry_forward;
    if (cli_given(o, OPT_HALF_LIFE))
        ro.half_life = o->half_life;
    if (cli_given(o, OPT_BOOTSTRAP))
        ro.bootstrap = o->bootstrap;
    if (cli_given(o, OPT_JOBS))
        ro.jobs = o->jobs;
    if (cli_given(o, OPT_SEED))
        ro.seed = (unsigned long)o->seed;
    if (cli_given(o, OPT_FONT))
        ro.font = o->font;
    ro.command = cli_command_line;
    /* As for render and chart: the scene dumps tests read (here one per figure). */
    const char *dump = g_getenv("CLOUT_SCENE_DUMP");
    ro.scenes = dump && *dump;
    /* A report takes seconds to minutes: progress by default, -q for none. */
    if (!o->quiet)
        ro.on_progress = say;
    clout_error_t *err = clout_error_new(100);
    int code = 0;
    if (clout_report(dataset, dir, &ro, err) != CLOUT_OK)
        code = cli_report(err);
    else if (!o->quiet)
        fprintf(stderr, "clout: report written to %s/index.html\n", dir);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_report = {
    .name = "report",
    .usage = "report [DATASET] [--at Y1,Y2,...] [-o DIR]",
    .summary = "the main job: every table and figure of a dataset, and one page that shows them",
    .description =
        "Writes DIR (default out/): index.html, one page (its images are the files of\n"
        "figures/, so keep the folder together) with the dataset's\n"
        "coverage and sources, per snapshot the network diagram, the shares and balance\n"
        "charts and the top actors, across snapshots the small multiples, the trend, the\n"
        "diffs of consecutive snapshots with their significance, the communities and their\n"
        "stability, and the methods; figures/ (PDF, SVG, PNG); tables/ (CSV); and\n"
        "provenance.json.  DATASET defaults to graphs/central-asia; the snapshots to the\n"
        "dataset's metadata.csv, else its latest year.",
    .options = OPTS,
    .min_args = 0,
    .max_args = 1,
    .run = run,
    .at_list = true,
};
