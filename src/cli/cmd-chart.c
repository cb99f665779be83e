/* cmd-chart.c: clout chart: influence and centrality charts of snapshots, as PDF, SVG or PNG. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_LAYER,     OPT_OF,       OPT_AT,        OPT_BOOTSTRAP,     OPT_POLES,    OPT_FOCUS,
    OPT_NOISE,     OPT_INTERVAL, OPT_JOBS,      OPT_SEED,          OPT_WINDOW,   OPT_CARRY_FORWARD,
    OPT_HALF_LIFE, OPT_LAYERS,   OPT_RELATIONS, OPT_ALL_RELATIONS, OPT_DISTANCE, OPT_NORMALIZED,
    OPT_TITLE,     OPT_NO_TITLE, OPT_FONT,      OPT_NO_SOURCE,     OPT_WIDTH,    OPT_HEIGHT,
    OPT_DPI,       OPT_OUTPUT,   OPT_QUIET,     OPT_PROGRESS,      OPT_HELP,     OPT_NONE};

/* The balance chart shows intervals: without --bootstrap, from this many replicates. */
#define BALANCE_BOOTSTRAP 200

typedef enum { K_SHARES, K_BALANCE, K_TREND, K_SLOPE, K_HEATMAP, K_ROBUSTNESS } kind_t;
static const char *const KINDS[] = {"shares",  "balance",    "trend", "slope",
                                    "heatmap", "robustness", NULL};

/* One snapshot the chart needs: what it was opened from, and its tables. */
typedef struct {
    const char *input;
    int year;     /* asked for (--at), or CLOUT_NO_YEAR */
    int got_year; /* the snapshot's year, CLOUT_NO_YEAR for files */
    char *label;  /* "2023", or the file's name */
    char *shown;  /* the input without @YEAR, for the source line */
    clout_table_t *shares, *balance, *measures;
    clout_table_t *robustness; /* the robustness chart: clout_robustness's summary */
} snap_t;

/* The robustness chart's table: what `clout robustness INPUT` computes,
 * with the same options (its bootstrap: bootstrap replicates). */
static int compute_robustness(snap_t *sn, const clout_dataset_t *ds, clout_snapshot_opts_t *so,
                              int bootstrap, const cli_opts_t *o, clout_error_t *err)
{
    clout_robustness_opts_t ro;
    cli_robustness_opts(o, &ro);
    ro.influence.bootstrap = bootstrap;
    if (cli_show_progress(o))
        ro.on_progress = cli_progress_variant;
    clout_table_t *variants = NULL;
    int code = 0;
    if (clout_robustness(ds, &sn->robustness, &variants, so, &ro, err) != CLOUT_OK)
        code = cli_report(err);
    clout_table_free(variants);
    return code;
}

/* The dataset's poles (role pole, in actors.csv order) unless --poles. */
static char **poles_of(const cli_opts_t *o, const clout_dataset_t *ds)
{
    if (cli_given(o, OPT_POLES))
        return g_strdupv(o->poles);
    GPtrArray *v = g_ptr_array_new();
    for (int i = 0; ds && i < clout_dataset_n_actors(ds); i++) {
        const clout_actor_t *a = clout_dataset_actor(ds, i);
        if (a->role == CLOUT_ROLE_POLE)
            g_ptr_array_add(v, g_strdup(a->id));
    }
    g_ptr_array_add(v, NULL);
    return (char **)g_ptr_array_free(v, FALSE);
}

/* id, name pairs of every actor of the dataset. */
static char **names_of(const clout_dataset_t *ds)
{
    GPtrArray *v = g_ptr_array_new();
    for (int i = 0; ds && i < clout_dataset_n_actors(ds); i++) {
        const clout_actor_t *a = clout_dataset_actor(ds, i);
        g_ptr_array_add(v, g_strdup(a->id));
        g_ptr_array_add(v, g_strdup(a->name && *a->name ? a->name : a->id));
    }
    g_ptr_array_add(v, NULL);
    return (char **)g_ptr_array_free(v, FALSE);
}

/* Opens one snapshot and computes the tables the chart needs.  ds_keep
 * receives the first dataset (for names and poles). */
static int compute(snap_t *sn, kind_t kind, const char *measure, int bootstrap, const cli_opts_t *o,
                   char **exclude, clout_dataset_t **ds_keep, clout_error_t *err)
{
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    so.exclude = exclude;
    if (sn->year != CLOUT_NO_YEAR)
        so.year = sn->year;
    clout_network_t *net;
    clout_dataset_t *ds;
    if (clout_input_open(&net, &ds, sn->input, &so, err) != CLOUT_OK)
        return cli_report(err);
    sn->got_year = net->year;
    /* The data's name, never a path of this machine: the dataset's title
     * (metadata.csv), else its folder's or the file's name. */
    sn->shown = ds ? g_strdup(clout_dataset_title(ds)) : g_path_get_basename(net->source);
    sn->label = net->year != CLOUT_NO_YEAR ? g_strdup_printf("%d", net->year)
                                           : g_path_get_basename(sn->input);
    int code = 0;
    if (measure) {
        char *only[2] = {(char *)measure, NULL};
        clout_measure_opts_t mo;
        clout_measure_opts_init(&mo);
        mo.measures = only;
        if (cli_given(o, OPT_DISTANCE))
            mo.distance = (clout_distance_t)o->distance;
        if (cli_given(o, OPT_NORMALIZED))
            mo.normalized = o->normalized;
        if (clout_measures(net, &sn->measures, &mo, err) != CLOUT_OK)
            code = cli_report(err);
    } else if (!ds) {
        code = cli_fail(2,
                        "chart %s: '%s' is a network file; influence charts need a dataset "
                        "(DATASET@YEAR), whose roles, leads and relations they use",
                        KINDS[kind], sn->input);
    } else if (kind == K_ROBUSTNESS) {
        so.year = net->year;
        code = compute_robustness(sn, ds, &so, bootstrap, o, err);
    } else {
        so.year = net->year;
        clout_influence_opts_t io;
        cli_influence_opts(o, &io);
        io.bootstrap = bootstrap;
        if (cli_show_progress(o) && bootstrap > 0) {
            io.on_progress = cli_progress_bootstrap;
            io.progress_data = sn->label;
        }
        if (clout_influence(ds, &sn->shares, &sn->balance, &so, &io, err) != CLOUT_OK)
            code = cli_report(err);
    }
    clout_network_free(net);
    if (ds && !*ds_keep)
        *ds_keep = ds;
    else
        clout_dataset_free(ds);
    return code;
}

/* The chart's source line: the datasets by title, the years, what computed it. */
static char *source_line(const snap_t *sn, int n, kind_t kind, const char *measure, int bootstrap,
                         const cli_opts_t *o)
{
    clout_influence_opts_t io;
    cli_influence_opts(o, &io);
    int window = cli_snapshot_opts(o).window;
    char **titles = g_new0(char *, n + 1);
    int *years = g_new(int, n), ny = 0;
    for (int i = 0; i < n; i++) {
        titles[i] = sn[i].shown;
        if (sn[i].got_year != CLOUT_NO_YEAR)
            years[ny++] = sn[i].got_year;
    }
    char *what = measure                ? g_strdup_printf("measure (%s)", measure)
                 : kind == K_ROBUSTNESS ? g_strdup("robustness")
                                        : g_strdup("influence");
    bool intervals =
        bootstrap > 0 && (kind == K_BALANCE || kind == K_TREND || kind == K_ROBUSTNESS);
    char *s = clout_chart_source_line(titles, n, years, ny == n ? ny : 0, window, what,
                                      intervals ? bootstrap : 0, io.seed);
    g_free(what);
    g_free(years);
    g_free(titles);
    return s;
}

static bool is_measure(const char *name)
{
    for (int i = 0; clout_measure_names[i]; i++)
        if (strcmp(clout_measure_names[i], name) == 0)
            return true;
    return false;
}

/* What the chart shows, from the command line. */
typedef struct {
    kind_t kind;
    const char *measure; /* slope --of MEASURE; NULL: influence */
    int bootstrap;       /* replicates for the intervals */
    bool per_year;       /* one INPUT, one snapshot per --at year */
    int n;               /* snapshots */
    char **layers;       /* --layer's list (owned), or NULL */
    bool facets;         /* small multiples: clout_chart_facets */
} plan_t;

/* --of: what each kind can show. */
static int check_of(plan_t *p, const cli_opts_t *o)
{
    if (!cli_given(o, OPT_OF))
        return 0;
    const char *of = o->of;
    if (p->kind == K_SLOPE) {
        if (strcmp(of, "balance") == 0)
            return 0;
        if (!is_measure(of)) {
            GPtrArray *v = g_ptr_array_new();
            g_ptr_array_add(v, (gpointer) "balance");
            for (int i = 0; clout_measure_names[i]; i++)
                g_ptr_array_add(v, (gpointer)clout_measure_names[i]);
            g_ptr_array_add(v, NULL);
            int code =
                cli_unknown("chart slope --of: ", "measure", of, (const char *const *)v->pdata);
            g_ptr_array_free(v, TRUE);
            return code;
        }
        p->measure = of;
    } else if (p->kind == K_SHARES || p->kind == K_BALANCE || p->kind == K_ROBUSTNESS) {
        return cli_fail(2, "chart %s: --of is for trend, slope and heatmap", KINDS[p->kind]);
    } else if (p->kind == K_HEATMAP && strcmp(of, "layers") != 0 && strcmp(of, "index") != 0 &&
               strcmp(of, "direct") != 0 && strcmp(of, "reach") != 0 &&
               strcmp(of, "alignment") != 0) {
        static const char *const valid[] = {"index",     "direct", "reach",
                                            "alignment", "layers", NULL};
        return cli_unknown("chart heatmap --of: ", "value", of, valid);
    }
    return 0;
}

/* What p->kind shows and its snapshots: one per --at year of a single
 * INPUT, else one per INPUT.  Returns 0, else an exit code. */
static int plan_chart(plan_t *p, const cli_command_t *cmd, const cli_opts_t *o, int argc,
                      char **argv)
{
    kind_t kind = p->kind;
    int code = check_of(p, o);
    if (code)
        return code;
    int n_in = argc - 1, n_at = cli_given(o, OPT_AT) ? o->at.n : 0;
    if (n_in < 1)
        return cli_fail(2, "usage: clout %s", cmd->usage);
    p->per_year = n_in == 1 && n_at > 1;
    if (p->per_year && strchr(argv[1], '@') && !g_file_test(argv[1], G_FILE_TEST_EXISTS))
        return cli_fail(2, "chart %s: give the years either as %s or with --at, not both",
                        KINDS[kind], argv[1]);
    if (n_in > 1 && n_at > 1)
        return cli_fail(2, "chart %s: --at takes a list only with one INPUT", KINDS[kind]);
    p->n = p->per_year ? n_at : n_in;
    if (cli_given(o, OPT_LAYER) && strchr(o->layer, ',')) {
        p->layers = g_strsplit(o->layer, ",", -1);
        for (int i = 0; p->layers[i]; i++)
            if (!*p->layers[i])
                return cli_fail(2, "chart %s: --layer '%s': an empty layer name", KINDS[kind],
                                o->layer);
        if (kind != K_BALANCE && !(kind == K_HEATMAP && o->of && strcmp(o->of, "layers") == 0))
            return cli_fail(2,
                            "chart %s: --layer takes one layer (a list is for balance and "
                            "heatmap --of layers)",
                            KINDS[kind]);
    }
    /* Small multiples: balance of several layers or years; heatmaps of layers by year. */
    p->facets = (kind == K_BALANCE && (p->n > 1 || p->layers)) ||
                (kind == K_HEATMAP && cli_given(o, OPT_OF) && strcmp(o->of, "layers") == 0 &&
                 (p->n > 1 || p->layers));
    if (!p->facets &&
        (kind == K_SHARES || kind == K_BALANCE || kind == K_HEATMAP || kind == K_ROBUSTNESS) &&
        p->n != 1)
        return cli_fail(2, "chart %s: takes one INPUT and one year", KINDS[kind]);
    if (kind == K_SLOPE && p->n != 2)
        return cli_fail(2, "chart slope: takes two snapshots: INPUT_A INPUT_B, or one DATASET "
                           "with --at YEAR_A,YEAR_B");
    /* The balance chart shows intervals unless --bootstrap 0; the trend's are asked for. */
    clout_influence_opts_t io;
    cli_influence_opts(o, &io);
    if (kind == K_BALANCE)
        p->bootstrap = cli_given(o, OPT_BOOTSTRAP) ? io.bootstrap : BALANCE_BOOTSTRAP;
    else if (kind == K_TREND)
        p->bootstrap = io.bootstrap;
    else if (kind == K_ROBUSTNESS) { /* clout robustness's default, unless given */
        clout_robustness_opts_t ro;
        cli_robustness_opts(o, &ro);
        p->bootstrap = ro.influence.bootstrap;
    }
    return 0;
}

/* The chart's scene from the snapshots' tables. */
static clout_status_t draw(const plan_t *p, const snap_t *sn, const clout_chart_opts_t *co,
                           clout_scene_t **scene, clout_error_t *err)
{
    if (p->facets) {
        char **labels = g_new0(char *, p->n + 1);
        clout_table_t **t = g_new(clout_table_t *, p->n);
        for (int i = 0; i < p->n; i++) {
            labels[i] = sn[i].label;
            t[i] = sn[i].balance;
        }
        clout_status_t st = clout_chart_facets(t, labels, p->n, p->layers, scene, co, err);
        g_free(labels);
        g_free(t);
        return st;
    }
    switch (p->kind) {
    case K_SHARES: return clout_chart_shares(sn[0].shares, scene, co, err);
    case K_BALANCE: return clout_chart_balance(sn[0].balance, scene, co, err);
    case K_ROBUSTNESS: return clout_chart_robustness(sn[0].robustness, scene, co, err);
    case K_HEATMAP:
        return clout_chart_heatmap(
            co->of && strcmp(co->of, "layers") == 0 ? sn[0].balance : sn[0].shares, scene, co, err);
    case K_SLOPE:
        return p->measure ? clout_chart_slope(sn[0].measures, sn[1].measures, sn[0].label,
                                              sn[1].label, scene, co, err)
                          : clout_chart_slope(sn[0].balance, sn[1].balance, sn[0].label,
                                              sn[1].label, scene, co, err);
    case K_TREND: break;
    }
    bool bal = !co->of || strcmp(co->of, "balance") == 0;
    clout_table_t **t = g_new(clout_table_t *, p->n);
    int *years = g_new(int, p->n);
    for (int i = 0; i < p->n; i++) {
        t[i] = bal ? sn[i].balance : sn[i].shares;
        years[i] = sn[i].got_year;
    }
    clout_status_t st = clout_chart_trend(t, years, p->n, scene, co, err);
    g_free(t);
    g_free(years);
    return st;
}

/* CLOUT_SCENE_DUMP=FILE: the scene as text too (tests, debugging). */
static int dump_scene(const clout_scene_t *scene)
{
    const char *dump = g_getenv("CLOUT_SCENE_DUMP");
    if (!dump || !*dump)
        return 0;
    FILE *f = fopen(dump, "w");
    if (!f)
        return cli_fail(1, "cannot open '%s': %s", dump, g_strerror(errno));
    clout_scene_dump(scene, f);
    if (fclose(f) != 0)
        return cli_fail(1, "cannot write '%s': %s", dump, g_strerror(errno));
    return 0;
}

/* The chart's options: the library's defaults, the options given, and
 * what the data say (poles, names, the source line). */
static void chart_opts(clout_chart_opts_t *co, const plan_t *p, const snap_t *sn,
                       const clout_dataset_t *ds, const cli_opts_t *o)
{
    clout_chart_opts_init(co);
    if (cli_given(o, OPT_WIDTH))
        co->width = o->width;
    if (cli_given(o, OPT_HEIGHT))
        co->height = o->height;
    co->poles = poles_of(o, ds);
    co->names = names_of(ds);
    if (p->measure && cli_given(o, OPT_FOCUS))
        co->actors = o->focus;
    if (cli_given(o, OPT_LAYER) && !p->layers)
        co->layer = o->layer;
    if (cli_given(o, OPT_OF))
        co->of = o->of;
    if (cli_given(o, OPT_TITLE))
        co->title = o->title;
    if (cli_given(o, OPT_NO_TITLE))
        co->title = "";
    if (cli_given(o, OPT_FONT))
        co->font = o->font;
    if (!cli_given(o, OPT_NO_SOURCE))
        co->source = source_line(sn, p->n, p->kind, p->measure, p->bootstrap, o);
    co->snapshot = sn[0].label;
}

/* A chart over years compares like with like: the relations that some of
 * the years have no data for are left out of all (unless --all-relations),
 * and a warning names them.  Only for one dataset over --at years. */
static int like_with_like(const plan_t *p, const cli_opts_t *o, const char *input, char ***exclude,
                          clout_error_t *err)
{
    *exclude = NULL;
    if (!p->per_year || cli_given(o, OPT_ALL_RELATIONS))
        return 0;
    clout_dataset_t *ds;
    if (clout_dataset_load(&ds, input, err) != CLOUT_OK)
        return cli_report(err);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    *exclude = clout_snapshots_like_with_like(ds, o->at.years, p->n, &so);
    if (**exclude) {
        char *l = g_strjoinv(", ", *exclude);
        clout_error_warn(err,
                         "like with like: %s left out of every year, for want of data in some "
                         "(--all-relations keeps them)",
                         l);
        g_free(l);
    }
    clout_dataset_free(ds);
    return 0;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    plan_t p = {0};
    int kind = -1;
    for (int i = 0; KINDS[i]; i++)
        if (strcmp(argv[0], KINDS[i]) == 0)
            kind = i;
    if (kind < 0)
        return cli_unknown("chart: ", "chart kind", argv[0], KINDS);
    p.kind = (kind_t)kind;
    if (!cli_given(o, OPT_OUTPUT) || strcmp(o->output, "-") == 0)
        return cli_fail(2, "chart: give the figure's file with -o FIGURE.pdf, .svg or .png");
    if (cli_given(o, OPT_TITLE) && cli_given(o, OPT_NO_TITLE))
        return cli_fail(2, "chart: give --title or --no-title, not both");
    int fmt = clout_imgformat_from_path(o->output);
    if (fmt < 0)
        return cli_fail(2, "chart: -o '%s': the figure's name must end in .pdf, .svg or .png",
                        o->output);
    int code = plan_chart(&p, cmd, o, argc, argv);
    if (code) {
        g_strfreev(p.layers);
        return code;
    }

    clout_error_t *err = clout_error_new(100);
    snap_t *sn = g_new0(snap_t, p.n);
    clout_dataset_t *ds = NULL;
    clout_scene_t *scene = NULL;
    clout_chart_opts_t co = {0};
    char **exclude = NULL;
    if (!p.measure && (p.kind == K_TREND || p.kind == K_SLOPE || p.facets))
        code = like_with_like(&p, o, argv[1], &exclude, err);
    for (int i = 0; i < p.n && !code; i++) {
        sn[i].input = p.per_year ? argv[1] : argv[1 + i];
        sn[i].year = p.per_year ? o->at.years[i] : CLOUT_NO_YEAR;
        code = compute(&sn[i], p.kind, p.measure, p.bootstrap, o, exclude, &ds, err);
    }
    if (!code) {
        chart_opts(&co, &p, sn, ds, o);
        if (co.source && exclude && *exclude) { /* the figure says what it left out */
            char *l = g_strjoinv(", ", exclude), *s = (char *)co.source;
            s[strlen(s) - 1] = 0; /* its full stop */
            co.source =
                g_strdup_printf("%s; like with like, without %s (no data in some years).", s, l);
            g_free(s);
            g_free(l);
        }
        double dpi = cli_given(o, OPT_DPI) ? o->dpi : CLI_PNG_DPI;
        if (draw(&p, sn, &co, &scene, err) != CLOUT_OK)
            code = cli_report(err);
        else if (!(code = dump_scene(scene)) &&
                 clout_render_paint(scene, o->output, (clout_imgformat_t)fmt, dpi, err) != CLOUT_OK)
            code = cli_report(err);
    }
    g_strfreev(exclude);
    g_strfreev(p.layers);
    clout_scene_free(scene);
    g_free((char *)co.source);
    g_strfreev(co.poles);
    g_strfreev(co.names);
    for (int i = 0; i < p.n; i++) {
        g_free(sn[i].label);
        g_free(sn[i].shown);
        clout_table_free(sn[i].shares);
        clout_table_free(sn[i].balance);
        clout_table_free(sn[i].measures);
        clout_table_free(sn[i].robustness);
    }
    g_free(sn);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_chart = {
    .name = "chart",
    .usage =
        "chart KIND INPUT... -o FIGURE [--layer L] [--of WHAT] [--at Y1,Y2,...] [--bootstrap N]",
    .summary = "charts of influence and centrality: shares, balance, trend, slope, heatmap, "
               "robustness",
    .description =
        "Draws a chart of a dataset's influence tables (clout influence) or of a\n"
        "centrality measure (clout measure) as PDF, SVG or PNG (from -o's extension).\n"
        "KIND is one of:\n"
        "  shares   INPUT: a stacked bar per focus actor of its direct shares by pole\n"
        "  balance  INPUT: each focus actor's balance between the first two poles, with\n"
        "           95% bootstrap intervals (--bootstrap N, default 200), sorted; with\n"
        "           --layer L1,L2,... or DATASET --at Y1,Y2,...: a panel per layer (rows)\n"
        "           and year (columns), on one scale, the actors in one order\n"
        "  trend    DATASET --at Y1,Y2,...: balance (or --of POLE: that pole's index)\n"
        "           over the snapshots; ribbons with --bootstrap N\n"
        "  slope    INPUT_A INPUT_B: the change of balance (--of balance, the default)\n"
        "           or of each actor's rank by a measure (--of pagerank, betweenness, ...)\n"
        "  heatmap  INPUT: focus actors by poles of the index (--of index, direct, reach\n"
        "           or alignment), or by layers of the balance (--of layers; with\n"
        "           DATASET --at Y1,Y2,...: a heatmap per year, one colour bar)\n"
        "  robustness INPUT: each balance with its 95% bootstrap interval and its range\n"
        "           over the variants of clout robustness (--bootstrap N, default 200)\n"
        "--layer picks the layer shown (default all).  The figure is 180 mm wide unless\n"
        "--width says otherwise, and as tall as its content.  CLOUT_SCENE_DUMP=FILE also\n"
        "writes the figure's scene as text.  doc/methods.md gives every formula.",
    .options = OPTS,
    .min_args = 2,
    .max_args = 1000,
    .run = run,
    .at_list = true,
};
