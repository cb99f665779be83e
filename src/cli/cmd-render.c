/* cmd-render.c: clout render: a network diagram (one panel per year) as PDF, SVG or PNG. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_OUTPUT,        OPT_LAYOUT,     OPT_COLOR,    OPT_SIZE,      OPT_LABELS,    OPT_PIN,
    OPT_SAVE_LAYOUT,   OPT_TITLE,      OPT_NO_TITLE, OPT_FONT,      OPT_NO_SOURCE, OPT_WIDTH,
    OPT_HEIGHT,        OPT_DPI,        OPT_AT,       OPT_SEED,      OPT_POLES,     OPT_WINDOW,
    OPT_CARRY_FORWARD, OPT_HALF_LIFE,  OPT_LAYERS,   OPT_RELATIONS, OPT_DIRECTED,  OPT_WEIGHT,
    OPT_MULTI,         OPT_UNWEIGHTED, OPT_QUIET,    OPT_HELP,      OPT_NONE};

/* CLOUT_SCENE_DUMP=FILE: the scene as text too (tests, debugging). */
static clout_status_t dump_scene(const clout_scene_t *s, const char *path, clout_error_t *err)
{
    clout_output_t *out;
    clout_status_t st = clout_output_open(&out, path, err);
    if (st)
        return st;
    clout_scene_dump(s, clout_output_file(out));
    return clout_output_commit(out, err);
}

/* The layout of the networks: the library's defaults, and the options given. */
static clout_status_t lay_out(clout_layout_t **out, clout_network_t *const *nets, int n_nets,
                              const clout_dataset_t *ds, const clout_layout_t *pin,
                              const cli_opts_t *o, clout_error_t *err)
{
    clout_layout_opts_t lo;
    clout_layout_opts_init(&lo);
    if (cli_given(o, OPT_LAYOUT))
        lo.engine = (clout_layout_engine_t)o->layout;
    if (cli_given(o, OPT_SEED))
        lo.seed = (unsigned long)o->seed;
    lo.pin = pin;
    lo.ds = ds;
    return clout_layout_compute(nets, n_nets, out, &lo, err);
}

/* The diagram's scene: the library's defaults, and the options given. */
static clout_status_t draw(clout_scene_t **out, clout_network_t *const *nets, int n_nets,
                           const clout_dataset_t *ds, const clout_layout_t *layout,
                           const clout_snapshot_opts_t *so, const cli_opts_t *o, clout_error_t *err)
{
    clout_diagram_opts_t d;
    clout_diagram_opts_init(&d);
    if (cli_given(o, OPT_COLOR))
        d.fill = (clout_fill_t)o->color;
    if (cli_given(o, OPT_SIZE))
        d.size = o->size;
    if (cli_given(o, OPT_LABELS))
        d.labels = (clout_labels_t)o->labels;
    if (cli_given(o, OPT_TITLE))
        d.title = o->title;
    if (cli_given(o, OPT_NO_TITLE))
        d.title = "";
    if (cli_given(o, OPT_FONT))
        d.font = o->font;
    if (cli_given(o, OPT_NO_SOURCE))
        d.no_source = o->no_source;
    if (cli_given(o, OPT_WIDTH))
        d.width = o->width;
    if (cli_given(o, OPT_HEIGHT))
        d.height = o->height;
    if (cli_given(o, OPT_SEED))
        d.communities.seed = d.influence.seed = (unsigned long)o->seed;
    if (cli_given(o, OPT_POLES))
        d.influence.poles = o->poles;
    d.snap = so;
    return clout_diagram(nets, n_nets, ds, layout, out, &d, err);
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return cli_fail(2, "render: give the figure's file with -o FIGURE.pdf, .svg or .png");
    if (cli_given(o, OPT_TITLE) && cli_given(o, OPT_NO_TITLE))
        return cli_fail(2, "render: give --title or --no-title, not both");
    int fmt = clout_imgformat_from_path(o->output);
    if (fmt < 0)
        return cli_fail(2,
                        "-o: '%s': the format comes from the extension, which must be .pdf, "
                        ".svg or .png",
                        o->output);

    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    int n_nets = cli_given(o, OPT_AT) ? o->at.n : 1;
    clout_network_t **nets = g_new0(clout_network_t *, n_nets);
    clout_dataset_t *ds = NULL;
    clout_layout_t *pin = NULL, *layout = NULL;
    clout_scene_t *scene = NULL;
    int code = 0;
    if (clout_input_open(&nets[0], &ds, argv[0], &so, err) != CLOUT_OK)
        goto report;
    if (n_nets > 1) {
        if (!ds) {
            code = cli_fail(2,
                            "render: --at with several years needs a dataset folder, and "
                            "'%s' is a network file",
                            argv[0]);
            goto done;
        }
        if (nets[0]->year != o->at.years[0]) {
            code = cli_fail(2, "render: give the years either as DATASET@YEAR or with --at, "
                               "not both");
            goto done;
        }
        for (int k = 1; k < n_nets; k++) {
            so.year = o->at.years[k];
            if (clout_snapshot(ds, &nets[k], &so, err) != CLOUT_OK)
                goto report;
        }
        so.year = o->at.years[0];
    }
    if (cli_given(o, OPT_PIN) && clout_layout_read(&pin, o->pin, err) != CLOUT_OK)
        goto report;
    if (lay_out(&layout, nets, n_nets, ds, pin, o, err) != CLOUT_OK)
        goto report;
    if (cli_given(o, OPT_SAVE_LAYOUT) &&
        clout_layout_write(layout, o->save_layout, err) != CLOUT_OK)
        goto report;
    if (draw(&scene, nets, n_nets, ds, layout, &so, o, err) != CLOUT_OK)
        goto report;
    const char *dump = getenv("CLOUT_SCENE_DUMP");
    if (dump && *dump && dump_scene(scene, dump, err) != CLOUT_OK)
        goto report;
    double dpi = cli_given(o, OPT_DPI) ? o->dpi : CLI_PNG_DPI;
    if (clout_render_paint(scene, o->output, (clout_imgformat_t)fmt, dpi, err) != CLOUT_OK)
        goto report;
    goto done;
report:
    code = cli_report(err);
done:
    clout_scene_free(scene);
    clout_layout_free(layout);
    clout_layout_free(pin);
    for (int k = 0; k < n_nets; k++)
        if (nets[k])
            clout_network_free(nets[k]);
    g_free(nets);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_render = {
    .name = "render",
    .usage =
        "render INPUT -o FIGURE [--layout NAME] [--color BY] [--size MEASURE] [--at Y1,Y2,...] "
        "[--pin FILE]",
    .summary = "draw a network diagram as PDF, SVG or PNG",
    .description =
        "Draws the network of INPUT: node shape by kind (state circle, bloc square,\n"
        "company diamond, others triangle), fill by --color (the balance of influence\n"
        "between the first two poles, by default), area by --size, tie width by weight\n"
        "and colour by layer, with a legend, a title and a source line.  Graphviz\n"
        "places the actors (neato by default, start=SEED, so a seed gives one layout);\n"
        "--layout geo uses lat/lon from actors.csv.  --at Y1,Y2,... draws one panel per\n"
        "year side by side, all in one layout, so every actor keeps its place.  The\n"
        "format comes from -o's extension; the same command gives the same bytes.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .at_list = true,
};
