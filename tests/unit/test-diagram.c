/* test-diagram.c: layouts (Graphviz, pins, geo, files), diagram scenes against golden dumps, images
 * against references. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>
#include "../../src/internal.h"
#include "pngdiff.h"

/* Every file a test writes goes into this folder; main removes it. */
static char *tmp_dir;
/* CLOUT_UPDATE_GOLDEN=1 rewrites the golden files (then review them). */
static bool update_golden;

/* ---- helpers ---- */

static char *tmp_path(const char *name)
{
    return g_build_filename(tmp_dir, name, NULL);
}

static char *render_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "tests", "render", name, NULL);
}

/* The tiny example at a year; paths are relative to the source root (main
 * changes there), so that the source line in the scene is the same anywhere. */
static clout_network_t *tiny(int year, clout_dataset_t **ds)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_snapshot_opts_t so;
    clout_snapshot_opts_init(&so);
    so.year = year;
    char *input = g_strdup_printf("graphs/examples/tiny@%d", year);
    if (clout_input_open(&net, ds, input, &so, err))
        g_error("cannot open %s: %s", input, clout_error_message(err, 0));
    g_free(input);
    clout_error_free(err);
    return net;
}

static clout_layout_t *layout_of(clout_network_t **nets, int n, clout_layout_engine_t engine,
                                 const clout_layout_t *pin, const clout_dataset_t *ds)
{
    clout_error_t *err = clout_error_new(0);
    clout_layout_opts_t lo;
    clout_layout_opts_init(&lo);
    lo.engine = engine;
    lo.pin = pin;
    lo.ds = ds;
    clout_layout_t *l = NULL;
    if (clout_layout_compute(nets, n, &l, &lo, err))
        g_error("layout: %s", clout_error_message(err, 0));
    clout_error_free(err);
    return l;
}

static char *scene_text(const clout_scene_t *s)
{
    char *path = tmp_path("scene.dump"), *text = NULL;
    FILE *f = fopen(path, "w");
    g_assert_nonnull(f);
    clout_scene_dump(s, f);
    g_assert_cmpint(fclose(f), ==, 0);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    return text;
}

/* Builds the diagram of tiny@2022 with a fill and a size measure. */
static clout_scene_t *tiny_diagram(clout_fill_t fill, const char *size, clout_labels_t labels)
{
    clout_dataset_t *ds;
    clout_network_t *net = tiny(2022, &ds);
    clout_layout_t *l = layout_of(&net, 1, CLOUT_LAYOUT_NEATO, NULL, NULL);
    clout_diagram_opts_t o;
    clout_diagram_opts_init(&o);
    o.fill = fill;
    o.size = size;
    o.labels = labels;
    clout_error_t *err = clout_error_new(0);
    clout_scene_t *s = NULL;
    if (clout_diagram(&net, 1, ds, l, &s, &o, err))
        g_error("diagram: %s", clout_error_message(err, 0));
    clout_error_free(err);
    clout_layout_free(l);
    clout_network_free(net);
    clout_dataset_free(ds);
    return s;
}

/* ---- layouts ---- */

static void test_layout_roundtrip(void)
{
    clout_layout_t *l = clout_layout_new();
    clout_layout_set(l, "RUS", 12.345, -7.5);
    clout_layout_set(l, "A,B \"q\"", 0, 100);
    clout_layout_set(l, "=SUM", -0.001, 3);
    clout_layout_set(l, "RUS", 1.5, 2.25); /* moves, does not add */
    g_assert_cmpint(clout_layout_count(l), ==, 3);
    char *path = tmp_path("layout.csv");
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_layout_write(l, path, err), ==, CLOUT_OK);
    clout_layout_t *back = NULL;
    g_assert_cmpint(clout_layout_read(&back, path, err), ==, CLOUT_OK);
    g_assert_cmpint(clout_layout_count(back), ==, 3);
    double x, y;
    g_assert_true(clout_layout_get(back, "RUS", &x, &y));
    g_assert_cmpfloat(x, ==, 1.5);
    g_assert_cmpfloat(y, ==, 2.25);
    g_assert_true(clout_layout_get(back, "A,B \"q\"", &x, &y));
    g_assert_cmpfloat(y, ==, 100);
    /* A cell a spreadsheet would run is written with a leading quote, which
     * the reader takes off again. */
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, "\n\"'=SUM\",0.00,3.00\n"));
    g_free(text);
    g_assert_true(clout_layout_get(back, "=SUM", &x, &y));
    g_assert_cmpfloat(x, ==, 0); /* -0.001 rounds to 0.00, never "-0.00" */
    g_assert_false(clout_layout_get(back, "CHN", &x, &y));
    clout_layout_free(back);
    clout_layout_free(l);
    clout_error_free(err);
    g_free(path);
}

static void expect_read_error(const char *text, const char *want)
{
    char *path = tmp_path("bad-layout.csv");
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    clout_error_t *err = clout_error_new(0);
    clout_layout_t *l = NULL;
    g_assert_cmpint(clout_layout_read(&l, path, err), ==, CLOUT_EDATA);
    g_assert_null(l);
    const char *msg = clout_error_message(err, 0);
    if (!strstr(msg, want))
        g_error("message '%s' lacks '%s'", msg, want);
    clout_error_free(err);
    g_free(path);
}

static void test_layout_read_errors(void)
{
    expect_read_error("", "empty file");
    expect_read_error("id,x\nA,1\n", "no column 'y'");
    expect_read_error("id,x,y\nA,1,2\nB,1,zz\n",
                      "bad-layout.csv:3:5: column 'y': 'zz' is not a number");
    expect_read_error("id,x,y\nA,1,2\nA,3,4\n",
                      ":3:1: column 'id': 'A' appears twice (first on line 2)");
    expect_read_error("id,x,y\nA,1\n", "row has 2 fields");
}

static void test_layout_repeatable(void)
{
    clout_network_t *net = tiny(2022, NULL);
    for (int e = CLOUT_LAYOUT_NEATO; e <= CLOUT_LAYOUT_TWOPI; e++) {
        clout_layout_t *a = layout_of(&net, 1, e, NULL, NULL);
        clout_layout_t *b = layout_of(&net, 1, e, NULL, NULL);
        g_assert_cmpint(clout_layout_count(a), ==, igraph_vcount(&net->graph));
        for (int i = 0; i < clout_layout_count(a); i++) {
            double x1, y1, x2, y2;
            g_assert_true(clout_layout_get(a, clout_layout_id(a, i), &x1, &y1));
            g_assert_true(clout_layout_get(b, clout_layout_id(a, i), &x2, &y2));
            g_assert_true(isfinite(x1) && isfinite(y1));
            g_assert_cmpfloat(x1, ==, x2);
            g_assert_cmpfloat(y1, ==, y2);
        }
        clout_layout_free(a);
        clout_layout_free(b);
    }
    clout_network_free(net);
}

/* Graphviz draws from the C library's generators; the caller's go on as if
 * no layout had run, with every engine. */
static void test_layout_keeps_random_state(void)
{
    clout_network_t *net = tiny(2022, NULL);
    for (int e = CLOUT_LAYOUT_NEATO; e <= CLOUT_LAYOUT_TWOPI; e++) {
        long want[6];
        srand48(12345);
        srandom(678);
        for (int k = 0; k < 6; k += 3) {
            want[k] = lrand48();
            want[k + 1] = random();
            want[k + 2] = rand();
        }
        srand48(12345);
        srandom(678);
        g_assert_cmpint(lrand48(), ==, want[0]);
        g_assert_cmpint(random(), ==, want[1]);
        g_assert_cmpint(rand(), ==, want[2]);
        clout_layout_t *l = layout_of(&net, 1, e, NULL, NULL);
        g_assert_cmpint(lrand48(), ==, want[3]);
        g_assert_cmpint(random(), ==, want[4]);
        g_assert_cmpint(rand(), ==, want[5]);
        clout_layout_free(l);
    }
    clout_network_free(net);
}

static void test_layout_pin(void)
{
    clout_network_t *net = tiny(2022, NULL);
    clout_layout_t *pin = clout_layout_new();
    clout_layout_set(pin, "NRL", 100, 200);
    clout_layout_set(pin, "SDL", 400, 50);
    clout_layout_set(pin, "GONE", -5, -5); /* not in the network: kept */
    clout_layout_t *l = layout_of(&net, 1, CLOUT_LAYOUT_NEATO, pin, NULL);
    double x, y;
    g_assert_true(clout_layout_get(l, "NRL", &x, &y));
    g_assert_cmpfloat(x, ==, 100);
    g_assert_cmpfloat(y, ==, 200);
    g_assert_true(clout_layout_get(l, "SDL", &x, &y));
    g_assert_cmpfloat(x, ==, 400);
    g_assert_cmpfloat(y, ==, 50);
    g_assert_true(clout_layout_get(l, "GONE", &x, &y));
    /* The others are placed around the pinned ones, not somewhere else. */
    g_assert_true(clout_layout_get(l, "ELD", &x, &y));
    g_assert_cmpfloat(fabs(x - 250), <, 600);
    g_assert_cmpfloat(fabs(y - 125), <, 600);
    /* Every actor pinned: the layout is the pins, Graphviz is not asked. */
    clout_layout_t *again = layout_of(&net, 1, CLOUT_LAYOUT_DOT, l, NULL);
    for (int i = 0; i < clout_layout_count(l); i++) {
        double x2, y2;
        g_assert_true(clout_layout_get(l, clout_layout_id(l, i), &x, &y));
        g_assert_true(clout_layout_get(again, clout_layout_id(l, i), &x2, &y2));
        g_assert_cmpfloat(x, ==, x2);
        g_assert_cmpfloat(y, ==, y2);
    }
    clout_layout_free(again);
    clout_layout_free(l);
    clout_layout_free(pin);
    clout_network_free(net);
}

static void test_layout_union(void)
{
    clout_network_t *nets[2] = {tiny(2016, NULL), tiny(2022, NULL)};
    /* CMKT (2018) and SUDSEC (2019) are not in the 2016 snapshot. */
    bool has_cmkt = false;
    for (igraph_integer_t v = 0; v < igraph_vcount(&nets[0]->graph); v++)
        has_cmkt |= strcmp(VAS(&nets[0]->graph, "id", v), "CMKT") == 0;
    g_assert_false(has_cmkt);
    clout_layout_t *l = layout_of(nets, 2, CLOUT_LAYOUT_NEATO, NULL, NULL);
    double x, y;
    for (int k = 0; k < 2; k++)
        for (igraph_integer_t v = 0; v < igraph_vcount(&nets[k]->graph); v++)
            g_assert_true(clout_layout_get(l, VAS(&nets[k]->graph, "id", v), &x, &y));
    g_assert_true(clout_layout_get(l, "CMKT", &x, &y));
    clout_layout_free(l);
    clout_network_free(nets[0]);
    clout_network_free(nets[1]);
}

static void test_layout_geo(void)
{
    clout_dataset_t *ds;
    clout_network_t *net = tiny(2022, &ds);
    clout_layout_t *l = layout_of(&net, 1, CLOUT_LAYOUT_GEO, NULL, ds);
    double x, y;
    /* Equirectangular, 7.2 pt per degree, y down, true within the focus
     * actors' extent widened by half of it, 10 degrees at least: ELD (45,
     * 30), WSL (45, -10), MDL (45, 10) span lon -10..30 and lat 45, so the
     * true map is lon -30..50, lat 35..55; beyond, distances shrink 4
     * times.  Norland (lat 60, lon 10): lat 55 + 5 / 4 = 56.25, y = -405. */
    g_assert_true(clout_layout_get(l, "NRL", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, 72, 1e-9);
    g_assert_cmpfloat_with_epsilon(y, -56.25 * 7.2, 1e-9);
    g_assert_true(clout_layout_get(l, "WSL", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, -72, 1e-9);
    /* Blocs without coordinates sit at the centroid of their members in
     * the networks drawn (by hand, from actors.csv and ties.csv): in 2022
     * NPACT's are NRL (60, 10) and ELD (45, 30), WSL having left in 2019:
     * lat 52.5, lon 20. */
    g_assert_true(clout_layout_get(l, "NPACT", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, 20 * 7.2, 1e-9);
    g_assert_cmpfloat_with_epsilon(y, -52.5 * 7.2, 1e-9);
    /* CMKT: NRL (60, 10), SDL (30, 10), MDL (45, 10), WSL (45, -10) since
     * 2020-07, RVL (40, 20) since 2021: lat 44, lon 8. */
    g_assert_true(clout_layout_get(l, "CMKT", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, 8 * 7.2, 1e-9);
    g_assert_cmpfloat_with_epsilon(y, -44 * 7.2, 1e-9);
    /* The company SUDSEC goes to its lead SDL (30, 10), drawn at lat 35 -
     * 5 / 4 = 33.75, a point taken: on the ring around it, first place
     * straight above, 14 pt out (3% of the map, 288 pt wide from WSL to
     * ELD, is less than 14). */
    g_assert_true(clout_layout_get(l, "SDL", &x, &y));
    g_assert_cmpfloat_with_epsilon(y, -33.75 * 7.2, 1e-9);
    g_assert_true(clout_layout_get(l, "SUDSEC", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, 72, 1e-9);
    g_assert_cmpfloat_with_epsilon(y, -33.75 * 7.2 - 14, 1e-9);
    clout_layout_free(l);
    /* Over 2016 and 2022, NPACT's members are NRL, ELD and WSL (45, -10):
     * lat 50, lon 10. */
    clout_dataset_t *ds16;
    clout_network_t *nets[2] = {tiny(2016, &ds16), net};
    l = layout_of(nets, 2, CLOUT_LAYOUT_GEO, NULL, ds);
    g_assert_true(clout_layout_get(l, "NPACT", &x, &y));
    g_assert_cmpfloat_with_epsilon(x, 10 * 7.2, 1e-9);
    g_assert_cmpfloat_with_epsilon(y, -50 * 7.2, 1e-9);
    clout_layout_free(l);
    clout_network_free(nets[0]);
    clout_dataset_free(ds16);
    /* No dataset, no geo. */
    clout_error_t *err = clout_error_new(0);
    clout_layout_opts_t lo;
    clout_layout_opts_init(&lo);
    lo.engine = CLOUT_LAYOUT_GEO;
    g_assert_cmpint(clout_layout_compute(&net, 1, &l, &lo, err), ==, CLOUT_EUSAGE);
    g_assert_null(l);
    clout_error_free(err);
    clout_network_free(net);
    clout_dataset_free(ds);
}

static void test_layout_engine_names(void)
{
    g_assert_cmpint(clout_layout_engine_from_name("neato"), ==, CLOUT_LAYOUT_NEATO);
    g_assert_cmpint(clout_layout_engine_from_name("geo"), ==, CLOUT_LAYOUT_GEO);
    g_assert_cmpint(clout_layout_engine_from_name("spring"), ==, -1);
    g_assert_cmpint(clout_fill_from_name("community"), ==, CLOUT_FILL_COMMUNITY);
    g_assert_cmpint(clout_fill_from_name("pink"), ==, -1);
    g_assert_cmpint(clout_labels_from_name("poles"), ==, CLOUT_LABELS_POLES);
    g_assert_cmpint(clout_labels_from_name("some"), ==, -1);
}

/* ---- scenes against golden dumps ---- */

/* Compares two dumps line by line; numbers may differ by tol (Graphviz's
 * floating point), everything else must be equal. */
static bool dumps_match(const char *got, const char *want, double tol, GString *why)
{
    char **a = g_strsplit(got, "\n", -1), **b = g_strsplit(want, "\n", -1);
    bool ok = g_strv_length(a) == g_strv_length(b);
    if (!ok)
        g_string_append_printf(why, "%u lines, want %u\n", g_strv_length(a), g_strv_length(b));
    for (guint i = 0; ok && a[i]; i++) {
        char **ta = g_strsplit(a[i], " ", -1), **tb = g_strsplit(b[i], " ", -1);
        bool line_ok = g_strv_length(ta) == g_strv_length(tb);
        for (guint k = 0; line_ok && ta[k]; k++) {
            char *ea, *eb;
            double va = g_ascii_strtod(ta[k], &ea), vb = g_ascii_strtod(tb[k], &eb);
            if (*ta[k] && !*ea && *tb[k] && !*eb)
                line_ok = fabs(va - vb) <= tol;
            else
                line_ok = strcmp(ta[k], tb[k]) == 0;
        }
        if (!line_ok) {
            g_string_append_printf(why, "line %u:\n  got:  %s\n  want: %s\n", i + 1, a[i], b[i]);
            ok = false;
        }
        g_strfreev(ta);
        g_strfreev(tb);
    }
    g_strfreev(a);
    g_strfreev(b);
    return ok;
}

static void check_golden(const clout_scene_t *s, const char *name)
{
    char *got = scene_text(s);
    char *path = render_path(name);
    if (update_golden) {
        g_assert_true(g_file_set_contents(path, got, -1, NULL));
        g_test_message("rewrote %s: review it", path);
    }
    char *want = NULL;
    if (!g_file_get_contents(path, &want, NULL, NULL))
        g_error("cannot read %s (CLOUT_UPDATE_GOLDEN=1 makes it)", path);
    GString *why = g_string_new(NULL);
    if (!dumps_match(got, want, 0.5, why)) {
        char *out = tmp_path(name);
        g_file_set_contents(out, got, -1, NULL);
        g_error("%s differs from the golden file:\n%s", name, why->str);
    }
    g_string_free(why, TRUE);
    g_free(want);
    g_free(path);
    g_free(got);
}

static void test_golden_balance(void)
{
    clout_scene_t *s = tiny_diagram(CLOUT_FILL_BALANCE, NULL, CLOUT_LABELS_ALL);
    check_golden(s, "tiny-2022.dump");
    clout_scene_free(s);
}

static void test_golden_community(void)
{
    clout_scene_t *s = tiny_diagram(CLOUT_FILL_COMMUNITY, "pagerank", CLOUT_LABELS_ALL);
    check_golden(s, "tiny-2022-community-pagerank.dump");
    clout_scene_free(s);
}

/* The first item after "group node ID" in a dump. */
static char *node_line(const char *dump, const char *id)
{
    char *key = g_strdup_printf("group node %s\n", id);
    const char *at = strstr(dump, key);
    g_free(key);
    if (!at)
        return NULL;
    at = strchr(at, '\n') + 1;
    return g_strndup(at, strcspn(at, "\n"));
}

static void color_of(const char *line, int *r, int *g, int *b)
{
    const char *f = strstr(line, "fill=#");
    g_assert_nonnull(f);
    g_assert_cmpint(sscanf(f, "fill=#%2x%2x%2x", r, g, b), ==, 3);
}

/* What the golden files were reviewed for, checked on every run. */
static void test_scene_encodings(void)
{
    clout_scene_t *s = tiny_diagram(CLOUT_FILL_BALANCE, NULL, CLOUT_LABELS_ALL);
    char *d = scene_text(s);
    struct {
        const char *id, *shape;
    } shapes[] = {{"NRL", "  circle"},
                  {"ELD", "  circle"},
                  {"CMKT", "  rect"},
                  {"NPACT", "  rect"},
                  {"SUDSEC", "  polygon 4"}};
    for (size_t i = 0; i < G_N_ELEMENTS(shapes); i++) {
        char *l = node_line(d, shapes[i].id);
        g_assert_nonnull(l);
        g_assert_true(g_str_has_prefix(l, shapes[i].shape));
        g_free(l);
    }
    /* ELD leans to the first pole (balance -0.61): blue; WSL (+0.68) and
     * MDL (+0.52) to the second: red; the poles take the scale's ends. */
    int r, g, b;
    char *l = node_line(d, "ELD");
    color_of(l, &r, &g, &b);
    g_assert_cmpint(b, >, r);
    g_free(l);
    const char *to_second[] = {"WSL", "MDL"};
    for (int i = 0; i < 2; i++) {
        l = node_line(d, to_second[i]);
        color_of(l, &r, &g, &b);
        g_assert_cmpint(r, >, b);
        g_free(l);
    }
    l = node_line(d, "NRL");
    g_assert_nonnull(strstr(l, "fill=#053061ff"));
    g_free(l);
    l = node_line(d, "SDL");
    g_assert_nonnull(strstr(l, "fill=#67001fff"));
    g_free(l);
    l = node_line(d, "RVL");
    g_assert_nonnull(strstr(l, "fill=#bdbdbdff"));
    g_free(l);
    const char *want[] = {"group title",
                          "\"tiny, 2022\"",
                          "group edges",
                          "group labels",
                          "group legend",
                          "\"Actor kind\"",
                          "\"company\"",
                          "\"Balance of influence (focus actors)\"",
                          "\"\xe2\x88\x92"
                          "1 Norland\"",
                          "\"Sudland +1\"",
                          "\"Tie layer (colour)\"",
                          "\"security\"",
                          "\"Tie weight (width)\"",
                          "\"directed tie\"",
                          "group source",
                          "Data: tiny, snapshot 2022",
                          "Sources: fictional example"};
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        if (!strstr(d, want[i]))
            g_error("the scene lacks %s", want[i]);
    /* Arrows on directed ties (trade, bases), none on memberships. */
    g_assert_nonnull(strstr(d, " arrow stroke="));
    g_free(d);
    clout_scene_free(s);
}

static void test_scene_no_labels(void)
{
    clout_scene_t *s = tiny_diagram(CLOUT_FILL_KIND, NULL, CLOUT_LABELS_NONE);
    char *d = scene_text(s);
    const char *labels = strstr(d, "group labels\n");
    g_assert_nonnull(labels);
    g_assert_true(g_str_has_prefix(labels + strlen("group labels\n"), "group legend"));
    g_assert_nonnull(strstr(d, "\"Actor kind (shape, fill)\""));
    g_free(d);
    clout_scene_free(s);
}

static void test_diagram_errors(void)
{
    clout_dataset_t *ds;
    clout_network_t *net = tiny(2022, &ds);
    clout_layout_t *l = layout_of(&net, 1, CLOUT_LAYOUT_NEATO, NULL, NULL);
    clout_error_t *err = clout_error_new(0);
    clout_scene_t *s = NULL;
    clout_diagram_opts_t o;
    clout_diagram_opts_init(&o);
    o.size = "fame";
    g_assert_cmpint(clout_diagram(&net, 1, ds, l, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "unknown measure 'fame'"));
    g_assert_null(s);
    clout_error_clear(err);
    o.size = NULL;
    o.height = 60;
    g_assert_cmpint(clout_diagram(&net, 1, ds, l, &s, &o, err), ==, CLOUT_EUSAGE);
    clout_error_clear(err);
    o.height = 0;
    clout_layout_t *partial = clout_layout_new();
    clout_layout_set(partial, "NRL", 0, 0);
    g_assert_cmpint(clout_diagram(&net, 1, ds, partial, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "does not place"));
    clout_layout_free(partial);
    clout_error_free(err);
    clout_layout_free(l);
    clout_network_free(net);
    clout_dataset_free(ds);
}

/* ---- images against references (cairo's way) ---- */

static void check_image(const clout_scene_t *s, const char *name, double dpi, int threshold,
                        double max_fraction)
{
    char *out = tmp_path(name), *ref = render_path(name);
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_render_paint(s, out, CLOUT_IMG_PNG, dpi, err), ==, CLOUT_OK);
    clout_error_free(err);
    if (update_golden) {
        char *bytes;
        gsize len;
        g_assert_true(g_file_get_contents(out, &bytes, &len, NULL));
        g_assert_true(g_file_set_contents(ref, bytes, (gssize)len, NULL));
        g_free(bytes);
    }
    char *diff_name = g_strdup_printf("%.*s-diff.png", (int)strlen(name) - 4, name);
    char *diff = tmp_path(diff_name);
    GString *why = g_string_new(NULL);
    long bad = test_png_diff(out, ref, diff, threshold, why);
    double w = ceil(clout_scene_width(s) * dpi / 72), h = ceil(clout_scene_height(s) * dpi / 72);
    if (bad < 0 || bad > max_fraction * w * h) {
        /* Keep the evidence where a developer finds it. */
        char *keep = g_strdup_printf("%s/%s", g_get_tmp_dir(), name);
        char *keep_diff = g_strdup_printf("%s/%s", g_get_tmp_dir(), diff_name);
        char *bytes;
        gsize len;
        if (g_file_get_contents(out, &bytes, &len, NULL)) {
            g_file_set_contents(keep, bytes, (gssize)len, NULL);
            g_free(bytes);
        }
        if (g_file_get_contents(diff, &bytes, &len, NULL)) {
            g_file_set_contents(keep_diff, bytes, (gssize)len, NULL);
            g_free(bytes);
        }
        g_error("%s: %ld pixels differ by more than %d (allowed %.0f); %s; see %s and %s", name,
                bad, threshold, max_fraction * w * h, why->str, keep, keep_diff);
    }
    g_string_free(why, TRUE);
    g_free(diff);
    g_free(diff_name);
    g_free(out);
    g_free(ref);
}

/* Every item kind of the painter, without text: the strict comparison. */
/* SOURCE_DATE_EPOCH: digits only, up to 9999-12-31T23:59:59Z. */
static void test_source_date(void)
{
    static const struct {
        const char *v;
        bool ok;
        gint64 t;
    } cases[] = {{"1700000000", true, 1700000000},
                 {"0", true, 0},
                 {"253402300799", true, G_GINT64_CONSTANT(253402300799)},
                 {"253402300800", false, 0},
                 {"99999999999999999999999", false, 0},
                 {"", false, 0},
                 {"-1", false, 0},
                 {"+5", false, 0},
                 {" 5", false, 0},
                 {"5 ", false, 0},
                 {"12a", false, 0},
                 {"1e9", false, 0}};
    char *saved = g_strdup(g_getenv("SOURCE_DATE_EPOCH"));
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_setenv("SOURCE_DATE_EPOCH", cases[i].v, TRUE);
        gint64 t = -7;
        g_assert_cmpint(cl_source_date(&t), ==, cases[i].ok);
        g_assert_cmpint(t, ==, cases[i].ok ? cases[i].t : -7);
    }
    g_unsetenv("SOURCE_DATE_EPOCH");
    gint64 t = -7;
    g_assert_false(cl_source_date(&t));
    g_assert_cmpint(t, ==, -7);
    if (saved)
        g_setenv("SOURCE_DATE_EPOCH", saved, TRUE);
    g_free(saved);
}

static void test_image_shapes(void)
{
    clout_scene_t *s = clout_scene_new(120, 80);
    clout_rgba_t blue = clout_color_balance(-1), red = clout_color_balance(1),
                 grey = clout_color_balance(NAN), ink = cl_color_hex("#404040"),
                 orange = clout_color_category(0), green = clout_color_category(2);
    clout_scene_group(s, "shapes");
    clout_scene_circle(s, 15, 15, 9, &blue, &ink, 0.5);
    clout_scene_rect(s, 32, 6, 18, 18, &red, &ink, 0.5);
    double diamond[8] = {70, 5, 80, 15, 70, 25, 60, 15};
    clout_scene_polygon(s, diamond, 4, &grey, &ink, 0.5);
    double tri[6] = {100, 4, 111, 24, 89, 24};
    clout_scene_polygon(s, tri, 3, &orange, NULL, 0);
    double line[4] = {10, 40, 110, 40}, arrow[4] = {10, 52, 100, 70};
    double dash[2] = {4, 2}, bent[6] = {10, 75, 50, 60, 110, 75};
    clout_scene_line(s, line, 2, &green, 3, NULL, 0, false);
    clout_scene_line(s, arrow, 2, &ink, 1, NULL, 0, true);
    clout_scene_line(s, bent, 3, &orange, 0.8, dash, 2, false);
    check_image(s, "shapes.png", 144, 2, 0.001);
    clout_scene_free(s);
}

/* A whole diagram, text included (DejaVu Sans, unhinted): a looser
 * tolerance for the font rasteriser. */
static void test_image_diagram(void)
{
    clout_scene_t *s = tiny_diagram(CLOUT_FILL_BALANCE, NULL, CLOUT_LABELS_ALL);
    check_image(s, "tiny-2022.png", 72, 24, 0.01);
    clout_scene_free(s);
}

/* ---- main ---- */

static void remove_tmp_dir(void)
{
    GDir *d = g_dir_open(tmp_dir, 0, NULL);
    if (d) {
        const char *n;
        while ((n = g_dir_read_name(d))) {
            char *p = g_build_filename(tmp_dir, n, NULL);
            g_remove(p);
            g_free(p);
        }
        g_dir_close(d);
    }
    g_rmdir(tmp_dir);
    g_free(tmp_dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    clout_init();
    update_golden = g_strcmp0(g_getenv("CLOUT_UPDATE_GOLDEN"), "1") == 0;
    tmp_dir = g_dir_make_tmp("clout-diagram-XXXXXX", NULL);
    g_assert_nonnull(tmp_dir);
    /* Datasets are named relative to the source root, as in the golden files. */
    if (g_chdir(g_test_get_dir(G_TEST_DIST)) != 0)
        g_error("cannot change to the source folder");

    g_test_add_func("/diagram/layout/names", test_layout_engine_names);
    g_test_add_func("/diagram/layout/file-roundtrip", test_layout_roundtrip);
    g_test_add_func("/diagram/layout/file-errors", test_layout_read_errors);
    g_test_add_func("/diagram/layout/repeatable", test_layout_repeatable);
    g_test_add_func("/diagram/layout/keeps-random-state", test_layout_keeps_random_state);
    g_test_add_func("/diagram/layout/pin", test_layout_pin);
    g_test_add_func("/diagram/layout/union", test_layout_union);
    g_test_add_func("/diagram/layout/geo", test_layout_geo);
    g_test_add_func("/diagram/scene/golden-balance", test_golden_balance);
    g_test_add_func("/diagram/scene/golden-community-pagerank", test_golden_community);
    g_test_add_func("/diagram/scene/encodings", test_scene_encodings);
    g_test_add_func("/diagram/scene/no-labels", test_scene_no_labels);
    g_test_add_func("/diagram/scene/errors", test_diagram_errors);
    g_test_add_func("/diagram/paint/source-date", test_source_date);
    g_test_add_func("/diagram/image/shapes", test_image_shapes);
    g_test_add_func("/diagram/image/diagram", test_image_diagram);

    int rc = g_test_run();
    remove_tmp_dir();
    return rc;
}
