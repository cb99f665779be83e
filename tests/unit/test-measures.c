/* test-measures.c: centrality against NetworkX and python-igraph, cutoffs, sampled betweenness,
 * tolerant ties, brokerage, errors.
 */
#include <config.h>

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>
#include "internal.h"

/* Every file a test writes goes into this folder; main removes it. */
static char *tmp_dir;

/* ---- helpers ---- */

static char *data_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "tests", "data", "measures", name, NULL);
}

static char *write_tmp(const char *name, const char *text)
{
    char *path = g_build_filename(tmp_dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static clout_network_t *read_path(const char *path, bool directed)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    if (clout_network_read(&net, path, directed, err))
        g_error("cannot read %s: %s", path, clout_error_message(err, 0));
    clout_error_free(err);
    return net;
}

/* A graph of tests/data/measures by file name. */
static clout_network_t *read_data(const char *name)
{
    char *path = data_path(name);
    clout_network_t *net = read_path(path, false);
    g_free(path);
    return net;
}

/* Runs clout_measures and fails the test if it fails. */
static clout_table_t *measure(const clout_network_t *net, const clout_measure_opts_t *o)
{
    clout_error_t *err = clout_error_new(0);
    clout_table_t *t = NULL;
    if (clout_measures(net, &t, o, err))
        g_error("clout_measures: %s", clout_error_message(err, 0));
    clout_error_free(err);
    g_assert_nonnull(t);
    return t;
}

/* Runs clout_measures expecting it to fail with status want and a first
 * message containing needle. */
static void expect_failure(const clout_network_t *net, const clout_measure_opts_t *o,
                           clout_status_t want, const char *needle)
{
    clout_error_t *err = clout_error_new(0);
    clout_table_t *t = (clout_table_t *)&t; /* must become NULL */
    clout_status_t st = clout_measures(net, &t, o, err);
    g_assert_cmpint(st, ==, want);
    g_assert_null(t);
    const char *msg = clout_error_message(err, 0);
    g_assert_nonnull(msg);
    if (!strstr(msg, needle))
        g_test_fail_printf("message '%s' does not contain '%s'", msg, needle);
    clout_error_free(err);
}

static int column_of(const clout_table_t *t, const char *name)
{
    for (int c = 0; c < clout_table_n_cols(t); c++)
        if (strcmp(clout_table_column_name(t, c), name) == 0)
            return c;
    return -1;
}

static int row_of(const clout_table_t *t, const char *id)
{
    for (int r = 0; r < clout_table_n_rows(t); r++)
        if (strcmp(clout_table_get_str(t, r, 0), id) == 0)
            return r;
    return -1;
}

/* The value of a measure for one actor. */
static double value(const clout_table_t *t, const char *id, const char *col)
{
    int r = row_of(t, id), c = column_of(t, col);
    if (r < 0 || c < 0)
        g_error("no %s for %s", col, id);
    return clout_table_get_num(t, r, c);
}

/* Equal to 1e-6, relatively, or to 1e-9 absolutely near 0; NaN only as NaN. */
static bool close_to(double got, double want)
{
    if (isnan(want))
        return isnan(got);
    return fabs(got - want) <= 1e-6 * fabs(want) + 1e-9;
}

#define assert_close(got, want)                                                                    \
    do {                                                                                           \
        double g_ = (got), w_ = (want);                                                            \
        if (!close_to(g_, w_))                                                                     \
            g_test_fail_printf("%s = %.17g, want %.17g (%s)", #got, g_, w_, #want);                \
    } while (0)

/* ---- reference files: tests/data/measures/NAME.{networkx,igraph}.csv ----
 *
 * make-references.py writes them with NetworkX and python-igraph, never with
 * clout; each file's header names the function behind every column.  A
 * column is named MEASURE[:OPTION...] and its options say how to run clout
 * for a comparable value (see the script).  One test per graph, library and
 * column: /measures/networkx/karate/betweenness:inverse is clout's
 * betweenness on karate.graphml with --distance inverse, against
 * nx.betweenness_centrality(G, weight=1/w) as written in karate.networkx.csv. */

typedef struct {
    char *graph, *csv, *column;
} ref_case_t;

typedef struct {
    GPtrArray *names; /* column names, [0] = "id" */
    GPtrArray *ids;
    GArray *values; /* row-major, (names->len - 1) per row */
} ref_t;

static void ref_free(ref_t *r)
{
    g_ptr_array_free(r->names, TRUE);
    g_ptr_array_free(r->ids, TRUE);
    g_array_free(r->values, TRUE);
}

static void ref_read(ref_t *r, const char *path)
{
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *csv;
    if (cl_csv_open(&csv, path, path, err))
        g_error("%s", clout_error_message(err, 0));
    r->names = g_ptr_array_new_with_free_func(g_free);
    r->ids = g_ptr_array_new_with_free_func(g_free);
    r->values = g_array_new(FALSE, FALSE, sizeof(double));
    int k;
    while ((k = cl_csv_next(csv, err)) > 0) {
        int nf = cl_csv_n_fields(csv);
        if (r->names->len == 0) {
            for (int i = 0; i < nf; i++)
                g_ptr_array_add(r->names, g_strdup(cl_csv_field(csv, i)));
            continue;
        }
        g_assert_cmpint(nf, ==, (int)r->names->len);
        g_ptr_array_add(r->ids, g_strdup(cl_csv_field(csv, 0)));
        for (int i = 1; i < nf; i++) {
            const char *s = cl_csv_field(csv, i);
            double v = NAN;
            if (*s && !cl_parse_double(s, &v))
                g_error("%s: '%s' is not a number", path, s);
            g_array_append_val(r->values, v);
        }
    }
    if (k < 0)
        g_error("%s", clout_error_message(err, 0));
    cl_csv_close(csv);
    clout_error_free(err);
}

/* Options from a column name such as "betweenness:inverse:normalized". */
static char *column_opts(const char *column, clout_measure_opts_t *o)
{
    memset(o, 0, sizeof *o);
    char **parts = g_strsplit(column, ":", -1);
    char *name = g_strdup(parts[0]);
    for (char **p = parts + 1; *p; p++) {
        if (strcmp(*p, "inverse") == 0)
            o->distance = CLOUT_DIST_INVERSE;
        else if (strcmp(*p, "log") == 0)
            o->distance = CLOUT_DIST_LOG;
        else if (strcmp(*p, "none") == 0)
            o->distance = CLOUT_DIST_NONE;
        else if (strcmp(*p, "normalized") == 0)
            o->normalized = true;
        else if (strcmp(*p, "unweighted") == 0)
            o->unweighted = true;
        else if (g_str_has_prefix(*p, "alpha="))
            g_assert_true(cl_parse_double(*p + 6, &o->katz_alpha));
        else if (g_str_has_prefix(*p, "cutoff="))
            g_assert_true(cl_parse_double(*p + 7, &o->cutoff));
        else
            g_error("column '%s': unknown option '%s'", column, *p);
    }
    g_strfreev(parts);
    return name;
}

static void test_reference(gconstpointer data)
{
    const ref_case_t *rc = data;
    ref_t ref;
    ref_read(&ref, rc->csv);
    int col = -1;
    for (guint i = 1; i < ref.names->len; i++)
        if (strcmp(g_ptr_array_index(ref.names, i), rc->column) == 0)
            col = (int)i - 1;
    g_assert_cmpint(col, >=, 0);
    int width = (int)ref.names->len - 1;

    clout_measure_opts_t o;
    char *mname = column_opts(rc->column, &o);
    char *list[] = {mname, NULL};
    o.measures = list;
    clout_network_t *net = read_path(rc->graph, false);
    clout_table_t *t = measure(net, &o);
    int tc = column_of(t, mname);
    g_assert_cmpint(tc, >=, 0);
    g_assert_cmpint(clout_table_n_rows(t), ==, (int)ref.ids->len);
    for (guint i = 0; i < ref.ids->len; i++) {
        const char *id = g_ptr_array_index(ref.ids, i);
        int r = row_of(t, id);
        if (r < 0) {
            g_test_fail_printf("no row for '%s'", id);
            continue;
        }
        double got = clout_table_get_num(t, r, tc);
        double want = g_array_index(ref.values, double, (size_t)i *width + col);
        if (!close_to(got, want))
            g_test_fail_printf("%s of '%s': clout %.17g, reference %.17g", rc->column, id, got,
                               want);
    }
    clout_table_free(t);
    clout_network_free(net);
    g_free(mname);
    ref_free(&ref);
}

/* ---- shortest paths that tie only up to rounding ---- */

/* ties-lengths.graphml is the 4-cycle s-a-t-b-s with lengths
 *
 *     s-a 0.1   a-t 0.2   s-b 0.25   b-t 0.05      (clout --distance none)
 *
 * and ties.graphml the same cycle with strengths 10, 5, 4, 20, whose inverses
 * are those lengths (--distance inverse).  Reference, by hand: of the six
 * pairs of vertices, five have one shortest path, the edge between them,
 * or a-t-b (0.25, against 0.35 through s) for the pair a, b.  The pair s, t
 * has two shortest paths of length 0.3: s-a-t and s-b-t.  So betweenness
 * (each unordered pair once) is t = 1 (for a, b), a = 1/2 and b = 1/2 (for
 * s, t), s = 0.  In doubles, though, 0.1 + 0.2 = 0.30000000000000004 while
 * 0.25 + 0.05 = 0.3, so code that compares lengths exactly sees one shortest
 * path, s-b-t, and gives a = 0, b = 1: NetworkX 2.8 does, with float weights
 * (make-references.py therefore gives NetworkX exact fractions). */
static void test_tied_paths(void)
{
    volatile double x1 = 0.1, x2 = 0.2, y1 = 0.25, y2 = 0.05;
    g_assert_true(x1 + x2 != y1 + y2); /* the premise: the doubles differ */
    const char *files[] = {"ties-lengths.graphml", "ties.graphml"};
    clout_distance_t how[] = {CLOUT_DIST_NONE, CLOUT_DIST_INVERSE};
    for (int k = 0; k < 2; k++) {
        clout_network_t *net = read_data(files[k]);
        char *list[] = {"betweenness", NULL};
        clout_measure_opts_t o;
        clout_measure_opts_init(&o);
        o.measures = list;
        o.distance = how[k];
        clout_table_t *t = measure(net, &o);
        assert_close(value(t, "s", "betweenness"), 0);
        assert_close(value(t, "a", "betweenness"), 0.5);
        assert_close(value(t, "b", "betweenness"), 0.5);
        assert_close(value(t, "t", "betweenness"), 1);
        clout_table_free(t);
        /* Normalised: divided by the (n-1)(n-2)/2 = 3 pairs without v. */
        o.normalized = true;
        t = measure(net, &o);
        assert_close(value(t, "a", "betweenness"), 0.5 / 3);
        assert_close(value(t, "t", "betweenness"), 1.0 / 3);
        clout_table_free(t);
        clout_network_free(net);
    }
}

/* ---- brokerage roles ---- */

/* brokerage.graphml (made by make-references.py), groups X = {x1, x2, x3},
 * Y = {y1, y2}, Z = {z1}; ties
 *
 *   x1->x2 x2->x3 x1->x3 x3->y1 y1->y2 y2->z1 z1->x1 x2->y1 y1->x1 y2->y1
 *   x3->x1 z1->z1 (a self-loop)
 *
 * Reference, by hand: every two-path a->b->c with a, b, c distinct and no
 * tie a->c (sna::brokerage's open two-paths), by broker b; groups of a b c:
 *
 *   x1: z1->x1->x2  Z X X gatekeeper      x2: x1->x2->x3  closed (x1->x3)
 *       z1->x1->x3  Z X X gatekeeper          x1->x2->y1  X X Y representative
 *       y1->x1->x2  Y X X gatekeeper      x3: x2->x3->y1  closed (x2->y1)
 *       y1->x1->x3  Y X X gatekeeper          x2->x3->x1  X X X coordinator
 *       x3->x1->x2  X X X coordinator         x1->x3->y1  X X Y representative
 *       (x3->x1->x3: a = c)                   (x1->x3->x1: a = c)
 *   y1: x3->y1->y2  X Y Y gatekeeper      y2: y1->y2->z1  Y Y Z representative
 *       x3->y1->x1  closed (x3->x1)           (y1->y2->y1: a = c)
 *       x2->y1->y2  X Y Y gatekeeper      z1: y2->z1->x1  Y Z X liaison
 *       x2->y1->x1  X Y X itinerant           (the loop z1->z1 makes no path)
 *       y2->y1->x1  Y Y X representative
 *       (y2->y1->y2: a = c)
 *
 * Totals (coordinator, itinerant, representative, gatekeeper, liaison):
 *   x1 1 0 0 4 0   x2 0 0 1 0 0   x3 1 0 1 0 0   y1 0 1 1 2 0
 *   y2 0 0 1 0 0   z1 0 0 0 0 1 */
static void test_brokerage(void)
{
    static const struct {
        const char *id;
        double n[5];
    } want[] = {{"x1", {1, 0, 0, 4, 0}}, {"x2", {0, 0, 1, 0, 0}}, {"x3", {1, 0, 1, 0, 0}},
                {"y1", {0, 1, 1, 2, 0}}, {"y2", {0, 0, 1, 0, 0}}, {"z1", {0, 0, 0, 0, 1}}};
    static const char *roles[] = {"coordinator", "itinerant", "representative", "gatekeeper",
                                  "liaison"};
    clout_network_t *net = read_data("brokerage.graphml");
    g_assert_true(igraph_is_directed(&net->graph));
    char *list[] = {"degree", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    o.groups = "group";
    clout_table_t *t = measure(net, &o);
    /* The roles come after the measures, in sna::brokerage's order. */
    g_assert_cmpint(clout_table_n_cols(t), ==, 4 + 1 + 5);
    for (int r = 0; r < 5; r++)
        g_assert_cmpstr(clout_table_column_name(t, 5 + r), ==, roles[r]);
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        for (int r = 0; r < 5; r++)
            if (value(t, want[i].id, roles[r]) != want[i].n[r])
                g_test_fail_printf("%s of %s: %g, want %g", roles[r], want[i].id,
                                   value(t, want[i].id, roles[r]), want[i].n[r]);
    clout_table_free(t);
    clout_network_free(net);
}

static void test_brokerage_errors(void)
{
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.groups = "club";
    clout_network_t *net = read_data("karate.graphml");
    expect_failure(net, &o, CLOUT_EUSAGE, "need a directed network");
    clout_network_free(net);
    net = read_data("brokerage.graphml");
    o.groups = "nosuch";
    expect_failure(net, &o, CLOUT_EUSAGE, "no attribute 'nosuch'");
    clout_network_free(net);
    char *path = write_tmp("numeric-group.graphml",
                           "<?xml version='1.0' encoding='utf-8'?>\n"
                           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                           "<key id=\"d0\" for=\"node\" attr.name=\"size\" attr.type=\"int\"/>\n"
                           "<graph edgedefault=\"directed\">\n"
                           "<node id=\"a\"><data key=\"d0\">1</data></node>\n"
                           "<node id=\"b\"><data key=\"d0\">2</data></node>\n"
                           "<edge source=\"a\" target=\"b\"/>\n"
                           "</graph></graphml>\n");
    net = read_path(path, false);
    o.groups = "size";
    expect_failure(net, &o, CLOUT_EUSAGE, "'size' is not text");
    clout_network_free(net);
    g_free(path);
}

/* ---- Katz ---- */

/* The largest eigenvalue of karate's (unweighted) adjacency matrix is
 * 6.7256977276317542 (numpy.linalg.eigvals, in karate-unweighted.networkx.csv),
 * so alpha must stay below 1/6.7257 = 0.14868. */
static void test_katz_bound(void)
{
    clout_network_t *net = read_data("karate-unweighted.graphml");
    char *list[] = {"katz", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    o.katz_alpha = 0.15;
    expect_failure(net, &o, CLOUT_EUSAGE, "below 1 / 6.725697728");
    o.katz_alpha = 0.148;
    clout_table_free(measure(net, &o));
    clout_network_free(net);
}

/* Reference, by hand: on the path a->b->c (a directed acyclic graph, so the
 * largest eigenvalue is 0 and the default alpha is 0.9 / the largest weight,
 * 1), x = alpha A^T x + 1 gives x_a = 1, x_b = 1 + 0.9 = 1.9,
 * x_c = 1 + 0.9 * 1.9 = 2.71, then divided by its norm sqrt(11.9541).  The
 * eigenvector centralities of a directed acyclic graph are all 0 (igraph's
 * convention: the eigenvalue is 0). */
static void test_katz_dag(void)
{
    char *path = write_tmp("dag.csv", "source,target\na,b\nb,c\n");
    clout_network_t *net = read_path(path, true);
    clout_table_t *t = measure(net, NULL);
    double norm = sqrt(1 + 1.9 * 1.9 + 2.71 * 2.71);
    assert_close(value(t, "a", "katz"), 1 / norm);
    assert_close(value(t, "b", "katz"), 1.9 / norm);
    assert_close(value(t, "c", "katz"), 2.71 / norm);
    assert_close(value(t, "b", "betweenness"), 1);
    for (int i = 0; i < 3; i++)
        assert_close(clout_table_get_num(t, i, column_of(t, "eigenvector")), 0);
    clout_table_free(t);
    clout_network_free(net);
    g_free(path);
}

/* ---- columns, options and errors ---- */

/* Reference: the column contract of DESIGN.md section 5 and clout/measures.h
 * (id, name, kind, role, then the measures in clout_measure_names order). */
static void test_columns(void)
{
    clout_network_t *net = read_data("kite.graphml");
    clout_table_t *t = measure(net, NULL);
    g_assert_cmpstr(clout_table_name(t), ==, "measures");
    static const char *id_cols[] = {"id", "name", "kind", "role"};
    g_assert_cmpint(clout_table_n_cols(t), ==, 4 + 12);
    for (int c = 0; c < 4; c++)
        g_assert_cmpstr(clout_table_column_name(t, c), ==, id_cols[c]);
    for (int c = 0; clout_measure_names[c]; c++)
        g_assert_cmpstr(clout_table_column_name(t, 4 + c), ==, clout_measure_names[c]);
    g_assert_cmpint(clout_table_n_rows(t), ==, 10);
    g_assert_cmpint(clout_table_column_type(t, column_of(t, "degree")), ==, CLOUT_COL_INT);
    g_assert_cmpint(clout_table_column_type(t, column_of(t, "pagerank")), ==, CLOUT_COL_NUM);
    clout_table_free(t);

    /* Asked for out of order and twice: the standard order, once each. */
    char *list[] = {"pagerank", "degree", "pagerank", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    t = measure(net, &o);
    g_assert_cmpint(clout_table_n_cols(t), ==, 6);
    g_assert_cmpstr(clout_table_column_name(t, 4), ==, "degree");
    g_assert_cmpstr(clout_table_column_name(t, 5), ==, "pagerank");
    clout_table_free(t);
    clout_network_free(net);
}

/* Reference: clout/measures.h, an unknown name is a usage error listing the valid ones. */
static void test_unknown_measure(void)
{
    clout_network_t *net = read_data("kite.graphml");
    char *list[] = {"degree", "centrality", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    expect_failure(net, &o, CLOUT_EUSAGE, "unknown measure 'centrality'");
    expect_failure(net, &o, CLOUT_EUSAGE, "degree, strength, betweenness");
    clout_network_free(net);
}

/* A weight of 0 (or below) cannot be a strength: a data error naming the edge. */
static void test_bad_weights(void)
{
    char *path = write_tmp("zero.csv", "source,target,weight\nRUS,KAZ,1\nKAZ,UZB,0\n");
    clout_network_t *net = read_path(path, false);
    expect_failure(net, NULL, CLOUT_EDATA,
                   "edge 2 (KAZ -- UZB) has weight 0; weights must be above 0");
    /* --unweighted ignores the weights, and so the bad one. */
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.unweighted = true;
    clout_table_t *t = measure(net, &o);
    assert_close(value(t, "KAZ", "strength"), 2);
    assert_close(value(t, "KAZ", "betweenness"), 1);
    clout_table_free(t);
    clout_network_free(net);
    g_free(path);

    path = write_tmp("negative.csv", "source,target,weight\nRUS,KAZ,-0.5\n");
    net = read_path(path, true);
    expect_failure(net, NULL, CLOUT_EDATA, "edge 1 (RUS -> KAZ) has weight -0.5");
    clout_network_free(net);
    g_free(path);
}

/* --distance log needs weights below 1; karate's are counts from 1 to 7. */
static void test_log_distance(void)
{
    clout_network_t *net = read_data("karate.graphml");
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.distance = CLOUT_DIST_LOG;
    expect_failure(net, &o, CLOUT_EUSAGE, "edge 1 (0 -- 1) has weight 4, but --distance log");
    /* Measures that walk no shortest path do not use the lengths. */
    char *list[] = {"pagerank", NULL};
    o.measures = list;
    clout_table_free(measure(net, &o));
    clout_network_free(net);
    /* A weight of exactly 1 would be a path of length 0. */
    char *path = write_tmp("one.csv", "source,target,weight\na,b,0.5\nb,c,1\n");
    net = read_path(path, false);
    o.measures = NULL;
    expect_failure(net, &o, CLOUT_EUSAGE, "edge 2 (b -- c) has weight 1");
    clout_network_free(net);
    g_free(path);
}

/* A graph without edges: every measure runs.  Reference, by hand: degree,
 * betweenness, harmonic and coreness 0; closeness undefined (no vertex is
 * reachable); PageRank 1/3 each (every vertex dangles); Katz x = 1 for each,
 * normalised to 1/sqrt(3). */
static void test_edgeless(void)
{
    char *path =
        write_tmp("edgeless.graphml", "<?xml version='1.0' encoding='utf-8'?>\n"
                                      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                                      "<graph edgedefault=\"undirected\">\n"
                                      "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/>\n"
                                      "</graph></graphml>\n");
    clout_network_t *net = read_path(path, false);
    clout_table_t *t = measure(net, NULL);
    for (int r = 0; r < 3; r++) {
        const char *id = clout_table_get_str(t, r, 0);
        assert_close(value(t, id, "degree"), 0);
        assert_close(value(t, id, "betweenness"), 0);
        assert_close(value(t, id, "harmonic"), 0);
        assert_close(value(t, id, "coreness"), 0);
        g_assert_true(isnan(value(t, id, "closeness")));
        assert_close(value(t, id, "pagerank"), 1.0 / 3);
        assert_close(value(t, id, "katz"), 1 / sqrt(3));
    }
    clout_table_free(t);
    clout_network_free(net);
    g_free(path);
}

/* The eigenvector, hub and authority scores start from a vector that igraph
 * perturbs at random: the same input must still give the same numbers, and
 * the caller's random generator must be left as it was. */
static void test_repeatable(void)
{
    clout_network_t *net = read_data("directed.graphml");
    igraph_rng_seed(igraph_rng_default(), 12345);
    igraph_integer_t want = RNG_INTEGER(0, 1000000000);
    igraph_rng_seed(igraph_rng_default(), 12345);
    clout_table_t *a = measure(net, NULL);
    g_assert_cmpint(RNG_INTEGER(0, 1000000000), ==, want); /* the caller's stream goes on */
    igraph_rng_seed(igraph_rng_default(), 54321);          /* a different state */
    clout_table_t *b = measure(net, NULL);
    for (int c = 4; c < clout_table_n_cols(a); c++)
        for (int r = 0; r < clout_table_n_rows(a); r++) {
            double x = clout_table_get_num(a, r, c), y = clout_table_get_num(b, r, c);
            if (memcmp(&x, &y, sizeof x) != 0)
                g_test_fail_printf("%s of %s: %.17g, then %.17g", clout_table_column_name(a, c),
                                   clout_table_get_str(a, r, 0), x, y);
        }
    clout_table_free(a);
    clout_table_free(b);
    clout_network_free(net);
}

/* ---- PageRank repeats byte for byte ---- */

/* OpenMP's thread count, through libgomp when the process has it (igraph
 * brings it), else -1. */
static int openmp_threads(void)
{
    int (*get)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "omp_get_max_threads");
    return get ? get() : -1;
}

/* A random directed network of n actors and m weighted ties, drawn from a
 * seeded generator. */
static clout_network_t *random_network(igraph_integer_t n, igraph_integer_t m)
{
    clout_network_t *net = cl_network_new("random");
    igraph_rng_seed(igraph_rng_default(), 20240611);
    g_assert_cmpint(
        igraph_erdos_renyi_game_gnm(&net->graph, n, m, IGRAPH_DIRECTED, IGRAPH_NO_LOOPS), ==,
        IGRAPH_SUCCESS);
    igraph_vector_t w;
    g_assert_cmpint(igraph_vector_init(&w, m), ==, IGRAPH_SUCCESS);
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(w)[e] = RNG_UNIF(0.05, 3.0);
    g_assert_cmpint(igraph_cattribute_EAN_setv(&net->graph, "weight", &w), ==, IGRAPH_SUCCESS);
    igraph_vector_destroy(&w);
    return net;
}

/* PRPACK sums under OpenMP in an order that follows the thread schedule:
 * with more than one thread, igraph's PageRank of this network differed
 * from run to run in the 12th digit.  A library caller (not only the
 * program, which once set one thread at start-up) gets the same doubles
 * every time, and its own OpenMP thread count back.  main runs this with
 * OMP_NUM_THREADS unset, so OpenMP uses every core. */
static void test_pagerank_repeats(void)
{
    clout_network_t *net = random_network(5000, 50000);
    char *list[] = {"pagerank", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    int threads = openmp_threads();
    clout_table_t *first = measure(net, &o);
    g_assert_cmpint(openmp_threads(), ==, threads);
    int c = clout_table_column(first, "pagerank");
    g_assert_cmpint(c, >=, 0);
    for (int run = 0; run < 10; run++) {
        clout_table_t *t = measure(net, &o);
        for (int r = 0; r < clout_table_n_rows(t); r++) {
            double x = clout_table_get_num(first, r, c), y = clout_table_get_num(t, r, c);
            if (memcmp(&x, &y, sizeof x) != 0) {
                g_test_fail_printf("run %d, vertex %d: %.17g, then %.17g (%d OpenMP threads)",
                                   run + 1, r, x, y, threads);
                break;
            }
        }
        clout_table_free(t);
    }
    clout_table_free(first);
    clout_network_free(net);
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

/* ---- sampled betweenness (--sample) ---- */

/* The reference column `col` of tests/data/measures/NAME.networkx.csv (NetworkX's
 * exact betweenness), by the ids of t's rows. */
static double *reference_column(const char *name, const char *col, const clout_table_t *t)
{
    char *f = g_strdup_printf("%s.networkx.csv", name), *path = data_path(f);
    ref_t ref;
    ref_read(&ref, path);
    int c = -1, width = (int)ref.names->len - 1;
    for (guint i = 1; i < ref.names->len; i++)
        if (strcmp(g_ptr_array_index(ref.names, i), col) == 0)
            c = (int)i - 1;
    g_assert_cmpint(c, >=, 0);
    double *out = g_new(double, clout_table_n_rows(t));
    for (guint i = 0; i < ref.ids->len; i++) {
        int r = row_of(t, g_ptr_array_index(ref.ids, i));
        g_assert_cmpint(r, >=, 0);
        out[r] = g_array_index(ref.values, double, (size_t)i *width + c);
    }
    ref_free(&ref);
    g_free(path);
    g_free(f);
    return out;
}

static clout_table_t *sampled(const clout_network_t *net, int k, unsigned long seed)
{
    char *list[] = {"betweenness", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    o.sample = k;
    o.seed = seed;
    return measure(net, &o);
}

/* With as many sources as vertices (or more) the sample is every vertex:
 * the exact values, NetworkX's (karate.networkx.csv, betweenness:inverse). */
static void test_sample_all(void)
{
    clout_network_t *net = read_data("karate.graphml");
    int n = (int)igraph_vcount(&net->graph);
    int ks[] = {n, n + 5};
    for (size_t i = 0; i < G_N_ELEMENTS(ks); i++) {
        clout_table_t *t = sampled(net, ks[i], 7);
        double *want = reference_column("karate", "betweenness:inverse", t);
        int c = column_of(t, "betweenness");
        for (int r = 0; r < clout_table_n_rows(t); r++)
            assert_close(clout_table_get_num(t, r, c), want[r]);
        g_free(want);
        clout_table_free(t);
    }
    clout_network_free(net);
}

/* With k < n sources the estimate is unbiased (Brandes & Pich 2007): its mean
 * over many seeds approaches the exact value.  Reference: NetworkX's exact
 * betweenness (NAME.networkx.csv).  Karate is undirected, where clout counts
 * each unordered pair once; directed.graphml is directed: a wrong halving or
 * scale (n/k) would be off by a factor of 2 or more.  Bound: the summed
 * absolute error of the mean, over the summed exact values, below 10%; with
 * 300 seeds the standard error is about 2% here. */
static void test_sample_unbiased(void)
{
    static const struct {
        const char *name;
        int k;
    } cases[] = {{"karate", 6}, {"directed", 3}};
    const int seeds = 300;
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *f = g_strdup_printf("%s.graphml", cases[i].name);
        clout_network_t *net = read_data(f);
        int n = (int)igraph_vcount(&net->graph);
        double *mean = g_new0(double, n), *want = NULL;
        bool differ = false;
        double first = NAN;
        for (int s = 1; s <= seeds; s++) {
            clout_table_t *t = sampled(net, cases[i].k, (unsigned long)s);
            if (!want)
                want = reference_column(cases[i].name, "betweenness:inverse", t);
            int c = column_of(t, "betweenness");
            for (int r = 0; r < n; r++)
                mean[r] += clout_table_get_num(t, r, c) / seeds;
            /* Different seeds draw different samples. */
            double v = clout_table_get_num(t, 0, c) + 3 * clout_table_get_num(t, 1, c);
            if (s == 1)
                first = v;
            else if (v != first)
                differ = true;
            clout_table_free(t);
        }
        double err = 0, tot = 0;
        for (int r = 0; r < n; r++) {
            err += fabs(mean[r] - want[r]);
            tot += want[r];
        }
        g_assert_cmpfloat(tot, >, 0);
        if (err / tot > 0.10)
            g_test_fail_printf("%s, %d sources: the mean of %d estimates is %.1f%% off the exact "
                               "betweenness",
                               cases[i].name, cases[i].k, seeds, 100 * err / tot);
        g_assert_true(differ);
        g_free(mean);
        g_free(want);
        clout_network_free(net);
        g_free(f);
    }
}

/* The same seed gives the same values, to the last bit. */
static void test_sample_repeatable(void)
{
    clout_network_t *net = read_data("karate.graphml");
    clout_table_t *a = sampled(net, 5, 42), *b = sampled(net, 5, 42);
    int c = column_of(a, "betweenness");
    for (int r = 0; r < clout_table_n_rows(a); r++)
        g_assert_true(clout_table_get_num(a, r, c) == clout_table_get_num(b, r, c));
    clout_table_free(a);
    clout_table_free(b);
    /* A sample and a cutoff together are a usage error. */
    char *list[] = {"betweenness", NULL};
    clout_measure_opts_t o;
    clout_measure_opts_init(&o);
    o.measures = list;
    o.sample = 5;
    o.cutoff = 1;
    expect_failure(net, &o, CLOUT_EUSAGE, "not both");
    clout_network_free(net);
}

static void ref_case_free(gpointer p)
{
    ref_case_t *rc = p;
    g_free(rc->graph);
    g_free(rc->csv);
    g_free(rc->column);
    g_free(rc);
}

/* One test per column of every reference file. */
static void add_reference_tests(GPtrArray *cases)
{
    static const char *graphs[] = {"karate", "karate-unweighted", "florentine", "kite", "directed",
                                   "ties",   "ties-lengths"};
    static const char *libs[] = {"networkx", "igraph"};
    for (size_t i = 0; i < G_N_ELEMENTS(graphs); i++)
        for (size_t l = 0; l < G_N_ELEMENTS(libs); l++) {
            char *gname = g_strdup_printf("%s.graphml", graphs[i]);
            char *cname = g_strdup_printf("%s.%s.csv", graphs[i], libs[l]);
            char *gpath = data_path(gname), *cpath = data_path(cname);
            ref_t ref;
            ref_read(&ref, cpath);
            for (guint c = 1; c < ref.names->len; c++) {
                ref_case_t *rc = g_new0(ref_case_t, 1);
                rc->graph = g_strdup(gpath);
                rc->csv = g_strdup(cpath);
                rc->column = g_strdup(g_ptr_array_index(ref.names, c));
                g_ptr_array_add(cases, rc);
                char *name = g_strdup_printf("/measures/%s/%s/%s", libs[l], graphs[i], rc->column);
                g_test_add_data_func(name, rc, test_reference);
                g_free(name);
            }
            ref_free(&ref);
            g_free(gname);
            g_free(cname);
            g_free(gpath);
            g_free(cpath);
        }
}

int main(int argc, char **argv)
{
    /* libgomp reads OMP_NUM_THREADS when it loads, before main: without
     * it, PageRank's test runs with OpenMP's default, every core. */
    if (g_getenv("OMP_NUM_THREADS")) {
        g_unsetenv("OMP_NUM_THREADS");
        execv("/proc/self/exe", argv);
        g_error("cannot run again without OMP_NUM_THREADS: %s", g_strerror(errno));
    }
    g_test_init(&argc, &argv, NULL);
    clout_init();
    tmp_dir = g_dir_make_tmp("clout-measures-XXXXXX", NULL);
    g_assert_nonnull(tmp_dir);

    GPtrArray *cases = g_ptr_array_new_with_free_func(ref_case_free);
    add_reference_tests(cases);
    g_test_add_func("/measures/ties/tolerance", test_tied_paths);
    g_test_add_func("/measures/brokerage/hand-count", test_brokerage);
    g_test_add_func("/measures/brokerage/errors", test_brokerage_errors);
    g_test_add_func("/measures/katz/alpha-bound", test_katz_bound);
    g_test_add_func("/measures/katz/acyclic", test_katz_dag);
    g_test_add_func("/measures/columns", test_columns);
    g_test_add_func("/measures/errors/unknown-measure", test_unknown_measure);
    g_test_add_func("/measures/errors/bad-weights", test_bad_weights);
    g_test_add_func("/measures/errors/log-distance", test_log_distance);
    g_test_add_func("/measures/edgeless", test_edgeless);
    g_test_add_func("/measures/repeatable", test_repeatable);
    g_test_add_func("/measures/sample/all-sources", test_sample_all);
    g_test_add_func("/measures/sample/unbiased", test_sample_unbiased);
    g_test_add_func("/measures/sample/repeatable", test_sample_repeatable);
    g_test_add_func("/measures/pagerank/repeats", test_pagerank_repeats);

    int rc = g_test_run();
    g_ptr_array_free(cases, TRUE);
    remove_tmp_dir();
    return rc;
}
