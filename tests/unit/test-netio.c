/* test-netio.c: network files in and out (round trips, foreign and bad files), INPUT parsing. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>
#include "internal.h"

/* Every file a test writes goes into this folder; main removes it. */
static char *tmp_dir;

/* ---- helpers ---- */

/* Fails the current test with a message (where an assertion macro cannot say
 * enough about what was read). */
static void fail_because(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void fail_because(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_test_fail_printf("%s", msg);
    g_free(msg);
}

static char *tmp_path(const char *name)
{
    return g_build_filename(tmp_dir, name, NULL);
}

/* Writes text to a new file in the temp folder; returns its path. */
static char *write_tmp(const char *name, const char *text)
{
    char *path = tmp_path(name);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static char *tiny_dir(void)
{
    return g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
}

/* The snapshot of graphs/examples/tiny at year, keeping only the named
 * relations (NULL: all). */
static clout_network_t *tiny_snapshot(int year, const char *relations)
{
    char *dir = tiny_dir();
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds = NULL;
    if (clout_dataset_load(&ds, dir, err))
        g_error("cannot load %s: %s", dir, clout_error_message(err, 0));
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.year = year;
    char **rels = relations ? clout_split_list(relations, ',') : NULL;
    o.relations = rels;
    clout_network_t *net = NULL;
    if (clout_snapshot(ds, &net, &o, err))
        g_error("snapshot: %s", clout_error_message(err, 0));
    if (rels)
        g_strfreev(rels);
    clout_dataset_free(ds);
    clout_error_free(err);
    g_free(dir);
    return net;
}

/* Reads path, which must succeed. */
static clout_network_t *read_ok(const char *path, bool directed)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_status_t st = clout_network_read(&net, path, directed, err);
    if (st != CLOUT_OK)
        g_error("reading %s: status %d: %s", path, st,
                clout_error_count(err) ? clout_error_message(err, 0) : "(no message)");
    g_assert_cmpint(clout_error_count(err), ==, 0);
    g_assert_nonnull(net);
    clout_error_free(err);
    return net;
}

/* Reads path, which must fail with want; returns the error (caller frees). */
static clout_error_t *read_fails(const char *path, bool directed, clout_status_t want)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = (clout_network_t *)&err; /* must be reset to NULL */
    clout_status_t st = clout_network_read(&net, path, directed, err);
    g_assert_cmpint(st, ==, want);
    g_assert_cmpint(clout_error_status(err), ==, want);
    g_assert_null(net);
    g_assert_cmpint(clout_error_count(err), >=, 1);
    return err;
}

/* The diagnostics of a failed read must say something, and the first must
 * name the file. */
static void check_messages(const clout_error_t *err, const char *path)
{
    const char *first = clout_error_message(err, 0);
    g_assert_nonnull(first);
    g_assert_nonnull(strstr(first, path));
    for (int i = 0; i < clout_error_count(err); i++) {
        const char *m = clout_error_message(err, i);
        if (!m || !*m)
            fail_because(
                "clout_network_read leaves an empty diagnostic #%d after '%s' "
                "(src/netio.c: clout_error_set(err, CLOUT_EDATA, NULL, 0, 0, \"%%s\", \"\"))",
                i, first);
    }
}

/* Writes net in fmt to a temp file named name; returns the path. */
static char *write_net(const clout_network_t *net, clout_netformat_t fmt, const char *name)
{
    char *path = tmp_path(name);
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_network_write(net, f, fmt, err);
    if (st)
        g_error("writing %s: %s", path, clout_error_message(err, 0));
    g_assert_cmpint(fclose(f), ==, 0);
    clout_error_free(err);
    return path;
}

static igraph_integer_t find_vertex(const clout_network_t *net, const char *id)
{
    const igraph_t *g = &net->graph;
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        if (strcmp(cl_vstr(g, "id", v), id) == 0)
            return v;
    return -1;
}

/* The edge from id a to id b (either way round when undirected), or -1. */
static igraph_integer_t find_edge(const clout_network_t *net, const char *a, const char *b)
{
    igraph_integer_t va = find_vertex(net, a), vb = find_vertex(net, b);
    if (va < 0 || vb < 0)
        return -1;
    igraph_integer_t e = -1;
    igraph_get_eid(&net->graph, &e, va, vb, IGRAPH_DIRECTED, false);
    return e;
}

static double weight_of(const clout_network_t *net, const char *a, const char *b)
{
    igraph_integer_t e = find_edge(net, a, b);
    return e < 0 ? -1 : cl_enum(&net->graph, "weight", e, NAN);
}

/* Key of an edge as an id pair; an undirected edge has its ids in order. */
static char *edge_key(const clout_network_t *net, igraph_integer_t e)
{
    const igraph_t *g = &net->graph;
    const char *a = cl_vstr(g, "id", IGRAPH_FROM(g, e));
    const char *b = cl_vstr(g, "id", IGRAPH_TO(g, e));
    if (!igraph_is_directed(g) && strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    return g_strconcat(a, "\x1f", b, NULL);
}

/* Edge key -> edge index + 1. */
static GHashTable *edge_index(const clout_network_t *net)
{
    GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (igraph_integer_t e = 0; e < igraph_ecount(&net->graph); e++) {
        char *k = edge_key(net, e);
        g_assert_false(g_hash_table_contains(h, k)); /* one edge per pair and direction */
        g_hash_table_insert(h, k, GINT_TO_POINTER((int)e + 1));
    }
    return h;
}

typedef enum { SAME_ALL, SAME_IDS_WEIGHTS } same_t;

/* b is a as read back from a file: same directedness, vertices (ids, and
 * with SAME_ALL names, kinds and roles), edges as id pairs with the same
 * weights (exactly with SAME_ALL, since graphml and gml carry %.17g; edge-list
 * CSV carries 12 significant digits), layers and relations.  With
 * SAME_IDS_WEIGHTS, a's isolated vertices must be absent from b. */
static void assert_same_network(const clout_network_t *a, const clout_network_t *b, same_t how)
{
    const igraph_t *ga = &a->graph, *gb = &b->graph;
    g_assert_cmpint(igraph_is_directed(ga), ==, igraph_is_directed(gb));
    g_assert_cmpint(igraph_ecount(ga), ==, igraph_ecount(gb));
    /* An edge list cannot carry isolated vertices. */
    igraph_integer_t n_kept = 0;
    for (igraph_integer_t v = 0; v < igraph_vcount(ga); v++) {
        igraph_integer_t deg;
        igraph_degree_1(ga, &deg, v, IGRAPH_ALL, true);
        bool kept = how == SAME_ALL || deg > 0;
        n_kept += kept;
        if (!kept) {
            g_assert_cmpint(find_vertex(b, cl_vstr(ga, "id", v)), ==, -1);
            continue;
        }
        const char *id = cl_vstr(ga, "id", v);
        igraph_integer_t w = find_vertex(b, id);
        if (w < 0)
            g_error("vertex '%s' is missing after the round trip", id);
        if (how == SAME_ALL) {
            static const char *attrs[] = {"name", "kind", "role"};
            for (int k = 0; k < 3; k++)
                g_assert_cmpstr(cl_vstr(ga, attrs[k], v), ==, cl_vstr(gb, attrs[k], w));
        }
    }
    g_assert_cmpint(igraph_vcount(gb), ==, n_kept);
    GHashTable *hb = edge_index(b);
    for (igraph_integer_t e = 0; e < igraph_ecount(ga); e++) {
        char *k = edge_key(a, e);
        int f = GPOINTER_TO_INT(g_hash_table_lookup(hb, k));
        if (!f)
            g_error("edge '%s' is missing after the round trip", k);
        double wa = cl_enum(ga, "weight", e, NAN), wb = cl_enum(gb, "weight", f - 1, NAN);
        if (how == SAME_ALL) {
            g_assert_cmpfloat(wa, ==, wb);
            g_assert_cmpstr(cl_estr(ga, "layer", e), ==, cl_estr(gb, "layer", f - 1));
            g_assert_cmpstr(cl_estr(ga, "relations", e), ==, cl_estr(gb, "relations", f - 1));
        } else {
            g_assert_cmpfloat_with_epsilon(wa, wb, 1e-10 * fmax(1, fabs(wa)));
        }
        g_free(k);
    }
    g_hash_table_destroy(hb);
}

/* ---- round trips ---- */

/* Writes each tiny snapshot in fmt and reads it back.  tiny@2022 is directed
 * (10 vertices, 38 edges), tiny@2020 directed (28 edges), and tiny@2022 with
 * only `member` undirected (10 member edges): graphs/examples/tiny/README.md. */
static void roundtrip_tiny(clout_netformat_t fmt, const char *ext, same_t how)
{
    struct {
        int year;
        const char *relations;
        bool directed;
        int n, m;
    } cases[] = {
        {2022, NULL, true, 10, 38},
        {2020, NULL, true, 10, 28},
        {2022, "member", false, 10, 10},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        clout_network_t *a = tiny_snapshot(cases[i].year, cases[i].relations);
        g_assert_cmpint(igraph_is_directed(&a->graph), ==, cases[i].directed);
        g_assert_cmpint(igraph_vcount(&a->graph), ==, cases[i].n);
        g_assert_cmpint(igraph_ecount(&a->graph), ==, cases[i].m);
        char *name = g_strdup_printf("tiny-%d-%zu.%s", cases[i].year, i, ext);
        char *path = write_net(a, fmt, name);
        clout_network_t *b = read_ok(path, cases[i].directed);
        assert_same_network(a, b, how);
        g_assert_cmpstr(b->source, ==, path);
        g_assert_cmpint(b->year, ==, CLOUT_NO_YEAR);
        clout_network_free(a);
        clout_network_free(b);
        g_free(name);
        g_free(path);
    }
}

static void test_roundtrip_graphml(void)
{
    roundtrip_tiny(CLOUT_NET_GRAPHML, "graphml", SAME_ALL);
}

static void test_roundtrip_gml(void)
{
    roundtrip_tiny(CLOUT_NET_GML, "gml", SAME_ALL);
}

static void test_roundtrip_edgelist(void)
{
    /* Isolates (RVL in 2020, SUDSEC with only `member`) are not in an edge
     * list; assert_same_network expects them to be missing. */
    roundtrip_tiny(CLOUT_NET_EDGELIST, "csv", SAME_IDS_WEIGHTS);
}

/* The weights of tiny@2022 survive exactly: README.md's hand-worked table
 * gives NRL->ELD 4.225806 and SDL->MDL 1.5. */
static void test_roundtrip_weights(void)
{
    clout_network_t *a = tiny_snapshot(2022, NULL);
    char *path = write_net(a, CLOUT_NET_GRAPHML, "w.graphml");
    clout_network_t *b = read_ok(path, true);
    g_assert_cmpfloat_with_epsilon(weight_of(b, "NRL", "ELD"), 1 + 2 + 0.5 + 70.0 / 310 + 0.5,
                                   1e-12);
    g_assert_cmpfloat_with_epsilon(weight_of(b, "SDL", "MDL"), 1.5, 1e-12);
    g_assert_cmpfloat(weight_of(b, "NRL", "ELD"), ==, weight_of(a, "NRL", "ELD"));
    g_assert_cmpfloat_with_epsilon(weight_of(b, "MDL", "SDL"), 75.0 / 195, 1e-12); /* trade */
    clout_network_free(a);
    clout_network_free(b);
    g_free(path);
}

/* Hostile labels: each actor id below is written to an edge-list CSV with
 * RFC 4180 quoting, read, written as graphml or gml and read back. */
static const char *const hostile[] = {
    "dq\"x",
    "amp&x",
    "lt<x",
    "gt>x",
    "apos'x",
    "bs\\x",
    "tab\tx",
    "nl\nx",
    "Привет",
    "中文",
    "&amp;lit",
    "&#38;lit",
    "q\"a&b<c>d'e\\f\tg\nh Привет 中文",
};

static char *csv_quote(const char *s)
{
    GString *q = g_string_new("\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            g_string_append_c(q, '"');
        g_string_append_c(q, *p);
    }
    g_string_append_c(q, '"');
    return g_string_free(q, FALSE);
}

/* A star from "hub" to every hostile id, weights 1/(i+3) in %.17g. */
static clout_network_t *hostile_network(void)
{
    GString *s = g_string_new("source,target,weight\n");
    for (size_t i = 0; i < G_N_ELEMENTS(hostile); i++) {
        char *q = csv_quote(hostile[i]);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf(s, "hub,%s,%s\n", q,
                               g_ascii_formatd(buf, sizeof buf, "%.17g", 1.0 / (double)(i + 3)));
        g_free(q);
    }
    char *path = write_tmp("hostile.csv", s->str);
    g_string_free(s, TRUE);
    clout_network_t *net = read_ok(path, true);
    g_free(path);
    /* The edge-list reader itself must get the ids right (the input). */
    g_assert_cmpint(igraph_vcount(&net->graph), ==, G_N_ELEMENTS(hostile) + 1);
    for (size_t i = 0; i < G_N_ELEMENTS(hostile); i++) {
        igraph_integer_t v = find_vertex(net, hostile[i]);
        g_assert_cmpint(v, ==, (igraph_integer_t)i + 1);
        g_assert_cmpstr(cl_vstr(&net->graph, "name", v), ==, hostile[i]); /* name = id */
        g_assert_cmpfloat(weight_of(net, "hub", hostile[i]), ==, 1.0 / (double)(i + 3));
    }
    return net;
}

/* Checks b (read back) against a, vertex by vertex in file order. */
static void check_hostile(const clout_network_t *a, const clout_network_t *b)
{
    const igraph_t *ga = &a->graph, *gb = &b->graph;
    g_assert_cmpint(igraph_vcount(ga), ==, igraph_vcount(gb));
    g_assert_cmpint(igraph_ecount(ga), ==, igraph_ecount(gb));
    g_assert_cmpint(igraph_is_directed(gb), ==, igraph_is_directed(ga));
    for (igraph_integer_t v = 0; v < igraph_vcount(ga); v++) {
        static const char *attrs[] = {"id", "name", "kind", "role"};
        for (int k = 0; k < 4; k++) {
            const char *want = cl_vstr(ga, attrs[k], v), *got = cl_vstr(gb, attrs[k], v);
            if (strcmp(want, got) != 0) {
                char *ew = g_strescape(want, NULL), *eg = g_strescape(got, NULL);
                fail_because("%s '%s' reads back as '%s'", attrs[k], ew, eg);
                g_free(ew);
                g_free(eg);
            }
        }
    }
    /* Edges by index: both readers keep the file's edge order. */
    for (igraph_integer_t e = 0; e < igraph_ecount(ga); e++) {
        g_assert_cmpint(IGRAPH_FROM(ga, e), ==, IGRAPH_FROM(gb, e));
        g_assert_cmpint(IGRAPH_TO(ga, e), ==, IGRAPH_TO(gb, e));
        g_assert_cmpfloat(cl_enum(ga, "weight", e, NAN), ==, cl_enum(gb, "weight", e, NAN));
    }
}

static void test_hostile_graphml(void)
{
    clout_network_t *a = hostile_network();
    char *path = write_net(a, CLOUT_NET_GRAPHML, "hostile.graphml");
    clout_network_t *b = read_ok(path, true);
    /* igraph 0.10's GraphML reader (libxml2 SAX) returns '&' in an attribute
     * value, such as a node id, as the text "&#38;"; clout undoes that. */
    check_hostile(a, b);
    clout_network_free(a);
    clout_network_free(b);
    g_free(path);
}

static void test_hostile_gml(void)
{
    clout_network_t *a = hostile_network();
    char *path = write_net(a, CLOUT_NET_GML, "hostile.gml");
    clout_network_t *b = read_ok(path, true);
    /* clout writes control characters, '"', '&' and non-ASCII as &#N;, which
     * igraph 0.10's GML reader keeps as text and clout then decodes. */
    check_hostile(a, b);
    clout_network_free(a);
    clout_network_free(b);
    g_free(path);
}

/* An id that starts with '#' is a comment line to the CSV reader unless the
 * writer quotes it (spec: `#` at the start of a record outside quotes). */
static void test_edgelist_hash_id(void)
{
    char *in = write_tmp("hash-in.csv", "source,target,weight\n\"#x\",y,2\ny,\"#x\",3\n");
    clout_network_t *a = read_ok(in, true);
    g_assert_cmpint(igraph_vcount(&a->graph), ==, 2);
    g_assert_cmpint(igraph_ecount(&a->graph), ==, 2);
    g_assert_cmpfloat(weight_of(a, "#x", "y"), ==, 2);
    char *path = write_net(a, CLOUT_NET_EDGELIST, "hash-out.csv");
    clout_network_t *b = read_ok(path, true);
    if (igraph_ecount(&b->graph) != 2) {
        char *text = NULL;
        g_file_get_contents(path, &text, NULL, NULL);
        char *esc = g_strescape(text ? text : "", NULL);
        fail_because("edge list with an id starting with '#' loses %d of 2 edges: written as '%s' "
                     "(src/table.c write_csv_cell does not quote a leading '#')",
                     2 - (int)igraph_ecount(&b->graph), esc);
        g_free(esc);
        g_free(text);
    } else {
        assert_same_network(a, b, SAME_IDS_WEIGHTS);
    }
    clout_network_free(a);
    clout_network_free(b);
    g_free(in);
    g_free(path);
}

/* ---- reading foreign and hand-written files ---- */

static void test_edgelist_header(void)
{
    char *path = write_tmp("h.csv", "source,target,weight\na,b,2.5\nb,c,0.125\n");
    clout_network_t *net = read_ok(path, false);
    g_assert_false(igraph_is_directed(&net->graph));
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 3);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 2);
    /* ids in order of first appearance; name = id, kind and role empty */
    static const char *ids[] = {"a", "b", "c"};
    for (int v = 0; v < 3; v++) {
        g_assert_cmpstr(cl_vstr(&net->graph, "id", v), ==, ids[v]);
        g_assert_cmpstr(cl_vstr(&net->graph, "name", v), ==, ids[v]);
        g_assert_cmpstr(cl_vstr(&net->graph, "kind", v), ==, "");
        g_assert_cmpstr(cl_vstr(&net->graph, "role", v), ==, "");
    }
    g_assert_cmpfloat(weight_of(net, "a", "b"), ==, 2.5);
    g_assert_cmpfloat(weight_of(net, "c", "b"), ==, 0.125); /* undirected: either way */
    g_assert_cmpstr(cl_estr(&net->graph, "layer", 0), ==, "");
    g_assert_cmpstr(cl_estr(&net->graph, "relations", 0), ==, "");
    clout_network_free(net);
    g_free(path);
}

static void test_edgelist_no_header(void)
{
    /* Without a header the first row is an edge. */
    char *path = write_tmp("nh.csv", "a,b,2.5\nb,c,0.125\n");
    clout_network_t *net = read_ok(path, true);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 3);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 2);
    g_assert_cmpfloat(weight_of(net, "a", "b"), ==, 2.5);
    clout_network_free(net);
    g_free(path);
}

static void test_edgelist_two_columns(void)
{
    /* Two columns (with and without a header): every weight is 1. */
    const char *texts[] = {"source,target\nx,y\ny,z\nz,x\n", "x,y\ny,z\nz,x\n"};
    for (int i = 0; i < 2; i++) {
        char *name = g_strdup_printf("two%d.csv", i);
        char *path = write_tmp(name, texts[i]);
        clout_network_t *net = read_ok(path, true);
        g_assert_cmpint(igraph_vcount(&net->graph), ==, 3);
        g_assert_cmpint(igraph_ecount(&net->graph), ==, 3);
        for (igraph_integer_t e = 0; e < 3; e++)
            g_assert_cmpfloat(cl_enum(&net->graph, "weight", e, NAN), ==, 1);
        clout_network_free(net);
        g_free(path);
        g_free(name);
    }
}

static void test_edgelist_directed(void)
{
    /* a->b and b->a: two edges of the directed graph; one of the undirected
     * graph, whose weight is their sum (parallel edges are merged,
     * doc/data-format.md section 11.4). */
    char *path = write_tmp("d.csv", "source,target,weight\na,b,1\nb,a,2\n");
    clout_network_t *d = read_ok(path, true);
    clout_network_t *u = read_ok(path, false);
    g_assert_true(igraph_is_directed(&d->graph));
    g_assert_false(igraph_is_directed(&u->graph));
    g_assert_cmpint(igraph_ecount(&d->graph), ==, 2);
    g_assert_cmpint(igraph_ecount(&u->graph), ==, 1);
    g_assert_cmpfloat(cl_enum(&u->graph, "weight", 0, NAN), ==, 3);
    g_assert_cmpfloat(weight_of(d, "a", "b"), ==, 1);
    g_assert_cmpfloat(weight_of(d, "b", "a"), ==, 2);
    clout_network_free(d);
    clout_network_free(u);
    g_free(path);
}

static void test_edgelist_bad(void)
{
    /* The spec: a weight must be a finite number (exit 3 with PATH:LINE:COL);
     * rows with fewer than 2 or more than 3 fields are bad data. */
    struct {
        const char *text, *where;
    } cases[] = {
        {"source,target,weight\na,b,heavy\n", ":2:5:"},
        {"source,target,weight\na,b,nan\n", ":2:5:"},
        {"source,target,weight\na,b,inf\n", ":2:5:"},
        {"a,b,1\nlonely\n", ":2:"},
        {"a,b,1,2\n", ":1:"},
        {"a,\"\",1\n", ":1:3:"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *name = g_strdup_printf("bad%zu.csv", i);
        char *path = write_tmp(name, cases[i].text);
        clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
        char *want = g_strconcat(path, cases[i].where, NULL);
        g_assert_true(g_str_has_prefix(clout_error_message(err, 0), want));
        g_free(want);
        clout_error_free(err);
        g_free(path);
        g_free(name);
    }
}

/* What NetworkX 2.8's write_graphml writes for an undirected graph with a
 * node attribute 'name' and a float edge attribute 'weight' (copied from its
 * output). */
static const char networkx_graphml[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\" />\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"name\" attr.type=\"string\" />\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"kaz\">\n      <data key=\"d0\">Kazakhstan</data>\n    </node>\n"
    "    <node id=\"uzb\">\n      <data key=\"d0\">Uzbekistan</data>\n    </node>\n"
    "    <node id=\"tjk\">\n      <data key=\"d0\">Tajikistan</data>\n    </node>\n"
    "    <node id=\"lone\" />\n"
    "    <edge source=\"kaz\" target=\"uzb\">\n      <data key=\"d1\">2.5</data>\n    </edge>\n"
    "    <edge source=\"uzb\" target=\"tjk\">\n      <data key=\"d1\">0.1</data>\n    </edge>\n"
    "  </graph>\n</graphml>\n";

static void test_read_networkx_graphml(void)
{
    char *path = write_tmp("nx.graphml", networkx_graphml);
    clout_network_t *net = read_ok(path, true); /* directed applies to CSV only */
    const igraph_t *g = &net->graph;
    g_assert_false(igraph_is_directed(g));
    g_assert_cmpint(igraph_vcount(g), ==, 4);
    g_assert_cmpint(igraph_ecount(g), ==, 2);
    static const char *ids[] = {"kaz", "uzb", "tjk", "lone"};
    static const char *names[] = {"Kazakhstan", "Uzbekistan", "Tajikistan", "lone"};
    for (int v = 0; v < 4; v++) {
        g_assert_cmpstr(cl_vstr(g, "id", v), ==, ids[v]);
        g_assert_cmpstr(cl_vstr(g, "name", v), ==, names[v]); /* missing name = id */
        g_assert_cmpstr(cl_vstr(g, "kind", v), ==, "");
        g_assert_cmpstr(cl_vstr(g, "role", v), ==, "");
    }
    g_assert_cmpfloat(weight_of(net, "kaz", "uzb"), ==, 2.5);
    g_assert_cmpfloat(weight_of(net, "tjk", "uzb"), ==, 0.1);
    for (igraph_integer_t e = 0; e < 2; e++) {
        g_assert_cmpstr(cl_estr(g, "layer", e), ==, "");
        g_assert_cmpstr(cl_estr(g, "relations", e), ==, "");
    }
    clout_network_free(net);
    g_free(path);
}

static void test_read_graphml_no_weight(void)
{
    /* No weight key: every weight is 1 (clout/network.h). */
    char *path =
        write_tmp("nw.graphml", "<?xml version=\"1.0\"?>\n"
                                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                                "<graph edgedefault=\"directed\"><node id=\"p\"/><node id=\"q\"/>\n"
                                "<edge source=\"p\" target=\"q\"/></graph></graphml>\n");
    clout_network_t *net = read_ok(path, false);
    g_assert_true(igraph_is_directed(&net->graph));
    g_assert_cmpfloat(weight_of(net, "p", "q"), ==, 1);
    g_assert_cmpfloat(weight_of(net, "q", "p"), ==, -1);
    clout_network_free(net);
    g_free(path);
}

static void test_read_gml_labels(void)
{
    /* Numeric GML ids with labels: the labels become the ids. */
    char *path = write_tmp("l.gml", "graph [\n  directed 1\n"
                                    "  node [ id 10 label \"alpha\" ]\n"
                                    "  node [ id 20 label \"beta\" name \"Beta B\" ]\n"
                                    "  edge [ source 10 target 20 weight 2.5 ]\n]\n");
    clout_network_t *net = read_ok(path, false);
    const igraph_t *g = &net->graph;
    g_assert_true(igraph_is_directed(g));
    g_assert_cmpint(igraph_vcount(g), ==, 2);
    g_assert_cmpstr(cl_vstr(g, "id", 0), ==, "alpha");
    g_assert_cmpstr(cl_vstr(g, "id", 1), ==, "beta");
    g_assert_cmpstr(cl_vstr(g, "name", 0), ==, "alpha"); /* no name: the label */
    g_assert_cmpstr(cl_vstr(g, "name", 1), ==, "Beta B");
    g_assert_cmpfloat(weight_of(net, "alpha", "beta"), ==, 2.5);
    g_assert_cmpfloat(weight_of(net, "beta", "alpha"), ==, -1);
    clout_network_free(net);
    g_free(path);
}

/* An edge without a weight in a file whose other edges have one: igraph
 * gives it NaN, as it does for a weight written "NaN".  clout cannot tell the
 * two apart, so it rejects the file rather than guess (doc/data-format.md). */
static void test_read_partial_weight(void)
{
    const char *names[] = {"pw.gml", "pw.graphml"};
    const char *texts[] = {
        "graph [\n  directed 1\n  node [ id 1 label \"a\" ]\n  node [ id 2 label \"b\" ]\n"
        "  edge [ source 1 target 2 weight 2.5 ]\n  edge [ source 2 target 1 ]\n]\n",
        "<?xml version=\"1.0\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "<graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"b\"/>\n"
        "<edge source=\"a\" target=\"b\"><data key=\"w\">2.5</data></edge>\n"
        "<edge source=\"b\" target=\"a\"/>\n</graph></graphml>\n",
    };
    for (int i = 0; i < 2; i++) {
        char *path = write_tmp(names[i], texts[i]);
        clout_error_t *err = clout_error_new(0);
        clout_network_t *net = NULL;
        g_assert_cmpint(clout_network_read(&net, path, true, err), ==, CLOUT_EDATA);
        g_assert_null(net);
        /* The second edge, b -> a, is named. */
        g_assert_nonnull(
            strstr(clout_error_message(err, 0), "edge 2 (b -> a): its 'weight' is missing"));
        clout_error_free(err);
        g_free(path);
    }
}

static void test_read_gml_ids(void)
{
    /* Numeric GML ids without labels: clout/network.h says "id from the file's node
     * ids", so 10 and 20, not the vertex indices. */
    char *path = write_tmp("n.gml", "graph [\n  directed 0\n  node [ id 10 ]\n  node [ id 20 ]\n"
                                    "  edge [ source 10 target 20 ]\n]\n");
    clout_network_t *net = read_ok(path, false);
    const igraph_t *g = &net->graph;
    g_assert_cmpint(igraph_vcount(g), ==, 2);
    g_assert_cmpint(igraph_ecount(g), ==, 1);
    if (strcmp(cl_vstr(g, "id", 0), "10") != 0 || strcmp(cl_vstr(g, "id", 1), "20") != 0)
        fail_because("GML node ids 10, 20 without labels read as ids '%s', '%s' "
                     "(src/netio.c normalise ignores numeric ids)",
                     cl_vstr(g, "id", 0), cl_vstr(g, "id", 1));
    g_assert_cmpfloat(cl_enum(g, "weight", 0, NAN), ==, 1);
    clout_network_free(net);
    g_free(path);
}

static void test_read_malformed(void)
{
    struct {
        const char *name, *text;
    } cases[] = {
        /* unclosed <node> */
        {"unclosed.graphml", "<?xml version=\"1.0\"?>\n"
                             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                             "<graph edgedefault=\"directed\"><node id=\"a\">\n"
                             "</graph></graphml>\n"},
        /* not XML at all */
        {"text.graphml", "source,target\na,b\n"},
        /* unclosed [ */
        {"unclosed.gml", "graph [\n  node [ id 1 label \"a\" ]\n  node [ id 2\n"},
        /* an edge to a node that does not exist */
        {"dangling.gml", "graph [\n  node [ id 1 ]\n  edge [ source 1 target 7 ]\n]\n"},
        /* not GML */
        {"xml.gml", "<graphml/>\n"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *path = write_tmp(cases[i].name, cases[i].text);
        clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
        check_messages(err, path);
        clout_error_free(err);
        g_free(path);
    }
}

static void test_read_bad_weight(void)
{
    /* A weight that is not a finite number is bad data, whatever the key's
     * declared type. */
    const char *cases[][2] = {
        {"double", "heavy"}, {"string", "heavy"}, {"double", "nan"}, {"double", "inf"}};
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *text =
            g_strdup_printf("<?xml version=\"1.0\"?>\n"
                            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                            "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"%s\"/>\n"
                            "<graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"b\"/>\n"
                            "<edge source=\"a\" target=\"b\"><data key=\"w\">%s</data></edge>\n"
                            "</graph></graphml>\n",
                            cases[i][0], cases[i][1]);
        char *name = g_strdup_printf("weight%zu.graphml", i);
        char *path = write_tmp(name, text);
        clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
        check_messages(err, path);
        clout_error_free(err);
        g_free(path);
        g_free(name);
        g_free(text);
    }
}

static void test_read_missing_and_unknown(void)
{
    /* An unknown extension is a usage error, whether the file exists or not. */
    char *dot = write_tmp("g.dot", "digraph { a -> b }\n");
    const char *paths[] = {dot, "no-such-file.foo", "noext"};
    for (size_t i = 0; i < G_N_ELEMENTS(paths); i++) {
        clout_error_t *err = read_fails(paths[i], false, CLOUT_EUSAGE);
        clout_error_free(err);
    }
    /* A missing file with a known extension is bad input. */
    char *missing = tmp_path("missing.graphml");
    clout_error_t *err = read_fails(missing, false, CLOUT_EDATA);
    g_assert_nonnull(strstr(clout_error_message(err, 0), missing));
    clout_error_free(err);
    char *missing_csv = tmp_path("missing.csv");
    err = read_fails(missing_csv, false, CLOUT_EDATA);
    clout_error_free(err);
    g_free(missing_csv);
    g_free(missing);
    g_free(dot);
}

/* ---- format names ---- */

static void test_format_names(void)
{
    /* clout/network.h: the order of clout_netformat_t; the spec's `build --to` names. */
    g_assert_cmpint(clout_netformat_from_name("graphml"), ==, CLOUT_NET_GRAPHML);
    g_assert_cmpint(clout_netformat_from_name("gml"), ==, CLOUT_NET_GML);
    g_assert_cmpint(clout_netformat_from_name("dot"), ==, CLOUT_NET_DOT);
    g_assert_cmpint(clout_netformat_from_name("pajek"), ==, CLOUT_NET_PAJEK);
    g_assert_cmpint(clout_netformat_from_name("edgelist"), ==, CLOUT_NET_EDGELIST);
    g_assert_cmpint(clout_netformat_from_name("csv"), ==, CLOUT_NET_CSV);
    g_assert_cmpint(clout_netformat_from_name(""), ==, -1);
    g_assert_cmpint(clout_netformat_from_name("xml"), ==, -1);
    g_assert_cmpint(clout_netformat_from_name("graphmlx"), ==, -1);
    g_assert_cmpint(clout_netformat_from_name("gm"), ==, -1);
}

static void test_format_paths(void)
{
    struct {
        const char *path;
        int fmt;
    } cases[] = {
        {"x.graphml", CLOUT_NET_GRAPHML},
        {"X.GRAPHML", CLOUT_NET_GRAPHML},
        {"d/x.GraphML", CLOUT_NET_GRAPHML},
        {"x.gml", CLOUT_NET_GML},
        {"x.GML", CLOUT_NET_GML},
        {"x.dot", CLOUT_NET_DOT},
        {"x.DOT", CLOUT_NET_DOT},
        {"x.gv", CLOUT_NET_DOT},
        {"x.Gv", CLOUT_NET_DOT},
        {"x.net", CLOUT_NET_PAJEK},
        {"x.NET", CLOUT_NET_PAJEK},
        {"x.csv", CLOUT_NET_CSV},
        {"x.CSV", CLOUT_NET_CSV},
        {"a.b/x.csv", CLOUT_NET_CSV},
        {"x.graphml.bak", -1},
        {"graphml", -1},
        {"x.txt", CLOUT_NET_EDGELIST_TEXT},
        {"x.TXT", CLOUT_NET_EDGELIST_TEXT},
        {"x", -1},
        {"", -1},
        {"x.pajek", CLOUT_NET_PAJEK},
        {"x.gexf", CLOUT_NET_GEXF},
        {"x.GEXF", CLOUT_NET_GEXF},
        {"x.edgelist", CLOUT_NET_EDGELIST_TEXT},
        {"x.xlsx", -1},
        {"x.tsv", -1},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        int got = clout_netformat_from_path(cases[i].path);
        if (got != cases[i].fmt)
            g_error("clout_netformat_from_path(\"%s\") = %d, want %d", cases[i].path, got,
                    cases[i].fmt);
    }
    g_assert_cmpint(clout_netformat_from_path(NULL), ==, -1);
    /* --to edgelist: the dialect the reader takes for the output's name. */
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST, "x.edgelist"), ==,
                    CLOUT_NET_EDGELIST_TEXT);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST, "d/x.TXT"), ==,
                    CLOUT_NET_EDGELIST_TEXT);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST, "x.csv"), ==, CLOUT_NET_EDGELIST);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST, "x.dat"), ==, CLOUT_NET_EDGELIST);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST, NULL), ==, CLOUT_NET_EDGELIST);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_EDGELIST_TEXT, "x.csv"), ==,
                    CLOUT_NET_EDGELIST);
    g_assert_cmpint(clout_netformat_for_path(CLOUT_NET_GML, "x.edgelist"), ==, CLOUT_NET_GML);
    g_assert_cmpstr(clout_netformat_name(CLOUT_NET_EDGELIST_TEXT), ==, "edgelist");
}

/* ---- the other writers: the shape of their output ---- */

static char *write_to_string(const clout_network_t *net, clout_netformat_t fmt, const char *name)
{
    char *path = write_net(net, fmt, name);
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_free(path);
    return text;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_write_other_formats(void)
{
    /* tiny@2022: 10 vertices, 38 directed edges (README.md). */
    clout_network_t *net = tiny_snapshot(2022, NULL);
    char *dot = write_to_string(net, CLOUT_NET_DOT, "t.dot");
    g_assert_true(g_str_has_prefix(dot, "digraph clout {\n"));
    g_assert_nonnull(strstr(dot, "\"NRL\" -> \"ELD\" [weight="));
    g_assert_cmpint(count_lines(dot), ==, 1 + 10 + 38 + 1);
    char *net_text = write_to_string(net, CLOUT_NET_PAJEK, "t.net");
    g_assert_true(g_str_has_prefix(net_text, "*Vertices 10\n1 \"NRL\"\n"));
    g_assert_nonnull(strstr(net_text, "*Arcs\n"));
    g_assert_cmpint(count_lines(net_text), ==, 1 + 10 + 1 + 38);
    char *csv = write_to_string(net, CLOUT_NET_CSV, "t.csv");
    g_assert_true(g_str_has_prefix(csv, "source,target,weight,layer,relations\n"));
    /* README.md: NRL->ELD = alliance + base + arms + trade + summit = 4.225806 */
    g_assert_nonnull(strstr(csv, "\nNRL,ELD,4.22580645161,diplomatic;economic;security,"
                                 "alliance;arms_transfer;military_base;summit;trade\n"));
    g_assert_cmpint(count_lines(csv), ==, 1 + 38);
    char *el = write_to_string(net, CLOUT_NET_EDGELIST, "t-el.csv");
    g_assert_true(g_str_has_prefix(el, "source,target,weight\n"));
    g_assert_nonnull(strstr(el, "\nSDL,MDL,1.5\n"));
    g_assert_cmpint(count_lines(el), ==, 1 + 38);
    g_free(dot);
    g_free(net_text);
    g_free(csv);
    g_free(el);
    clout_network_free(net);
}

/* ---- why clout keeps its own writers: igraph 0.10.2's, on clout's networks ---- */

/* Three actors whose ids hold what breaks formats (a quote, '&', '<', a
 * newline, Cyrillic) and two weights that printf's %g shortens or writes
 * with an exponent. */
static clout_network_t *awkward_network(void)
{
    char *path = write_tmp("awkward.csv", "source,target,weight\n"
                                          "hub,\"dq\"\"x&<y\",1.5e-05\n"
                                          "hub,\"Привет\nnl\",1234567\n");
    clout_network_t *net = read_ok(path, true);
    g_free(path);
    return net;
}

typedef enum { IG_GRAPHML, IG_GML, IG_DOT, IG_PAJEK, IG_EDGELIST, IG_NCOL } igraph_writer_t;

/* What igraph's own writer makes of net. */
static char *igraph_text(const clout_network_t *net, igraph_writer_t w)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    g_assert_nonnull(f);
    const igraph_t *g = &net->graph;
    igraph_error_t e = IGRAPH_SUCCESS;
    switch (w) {
    case IG_GRAPHML: e = igraph_write_graph_graphml(g, f, true); break;
    case IG_GML:
        e = igraph_write_graph_gml(g, f, IGRAPH_WRITE_GML_DEFAULT_SW, NULL, "clout");
        break;
    case IG_DOT: e = igraph_write_graph_dot(g, f); break;
    case IG_PAJEK: e = igraph_write_graph_pajek(g, f); break;
    case IG_EDGELIST: e = igraph_write_graph_edgelist(g, f); break;
    case IG_NCOL: e = igraph_write_graph_ncol(g, f, "id", "weight"); break;
    }
    g_assert_cmpint(e, ==, IGRAPH_SUCCESS);
    g_assert_cmpint(fclose(f), ==, 0);
    return buf;
}

/* The ids of a network read back, in vertex order, joined by '|'. */
static char *ids_of(const clout_network_t *net)
{
    GString *s = g_string_new(NULL);
    for (igraph_integer_t v = 0; v < igraph_vcount(&net->graph); v++)
        g_string_append_printf(s, "%s%s", v ? "|" : "", cl_vstr(&net->graph, "id", v));
    return g_string_free(s, FALSE);
}

/* Reads text as a network file named name. */
static clout_network_t *read_text(const char *name, const char *text)
{
    char *path = write_tmp(name, text);
    clout_network_t *net = read_ok(path, true);
    g_free(path);
    return net;
}

/* GraphML: igraph names its nodes n0, n1, ... and keeps the ids as data.
 * igraph's reader (and so clout's) takes the ids from that data, but
 * NetworkX keys nodes by node id: it reads nodes called n0, n1, and
 * tests/cli/python-compat.sh, which checks NetworkX's edges by id, would
 * fail (it shows this with python-igraph's write_graphml, the same C
 * writer).  clout writes the ids as node ids. */
static void test_igraph_graphml(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_GRAPHML);
    char *ours = write_to_string(net, CLOUT_NET_GRAPHML, "a.graphml");
    g_assert_nonnull(strstr(theirs, "<node id=\"n0\">"));
    g_assert_null(strstr(theirs, "<node id=\"hub\">"));
    g_assert_nonnull(strstr(ours, "<node id=\"hub\">"));
    g_assert_nonnull(strstr(ours, "<edge source=\"hub\" target=\"dq&quot;x&amp;&lt;y\">"));
    clout_network_t *back = read_text("clout.graphml", ours);
    char *want = ids_of(net), *got = ids_of(back);
    g_assert_cmpstr(got, ==, want);
    g_free(want);
    g_free(got);
    clout_network_free(back);
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

/* GML: igraph drops a string "id" attribute (GML ids are numbers) and
 * writes other characters than ASCII as they are, where GML is 7-bit ASCII
 * and NetworkX's read_gml refuses anything else.  clout writes the ids as
 * labels and every character outside ASCII as &#N;. */
static void test_igraph_gml(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_GML), *ours = write_to_string(net, CLOUT_NET_GML, "a.gml");
    bool theirs_ascii = true, ours_ascii = true;
    for (const char *p = theirs; *p; p++)
        theirs_ascii &= (unsigned char)*p < 0x80;
    for (const char *p = ours; *p; p++)
        ours_ascii &= (unsigned char)*p < 0x80;
    g_assert_false(theirs_ascii);
    g_assert_true(ours_ascii);
    g_assert_null(strstr(theirs, "label"));
    clout_network_t *back_theirs = read_text("igraph.gml", theirs),
                    *back_ours = read_text("clout.gml", ours);
    char *want = ids_of(net), *got_theirs = ids_of(back_theirs), *got_ours = ids_of(back_ours);
    g_assert_cmpstr(got_ours, ==, want);
    g_assert_cmpstr(got_theirs, !=, want);
    g_free(want);
    g_free(got_theirs);
    g_free(got_ours);
    clout_network_free(back_theirs);
    clout_network_free(back_ours);
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

/* DOT: igraph names nodes by index without a label, so Graphviz draws 0, 1,
 * 2; and prints weights with %g: 1234567 becomes 1.23457e+06 (digits lost)
 * and both are written unquoted, where an exponent is not a DOT numeral
 * (Graphviz stops at it).  clout names nodes by id, labels them by name and
 * quotes weights written to 17 digits. */
static void test_igraph_dot(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_DOT), *ours = write_to_string(net, CLOUT_NET_DOT, "a.dot");
    g_assert_nonnull(strstr(theirs, "  0 [\n"));
    g_assert_null(strstr(theirs, "label="));
    g_assert_nonnull(strstr(theirs, "weight=1.23457e+06\n"));
    g_assert_nonnull(strstr(theirs, "weight=1.5e-05\n"));
    g_assert_nonnull(strstr(ours, "\"hub\" [label=\"hub\""));
    g_assert_nonnull(strstr(ours, "weight=\"1234567\""));
    g_assert_nonnull(strstr(ours, "weight=\"1.5e-05\""));
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

static int count_lines_until(const char *s, const char *stop)
{
    const char *end = strstr(s, stop);
    int n = 0;
    for (; *s && s != end; s++)
        n += *s == '\n';
    return n;
}

/* Pajek: igraph writes a newline in a label as it is, which breaks the
 * vertex line in two (NetworkX reads Pajek line by line), and a quote as
 * \", which Pajek's format has no escape for: igraph's own reader gets the
 * label wrong.  clout writes control characters as spaces and '"' as an
 * apostrophe, which every reader takes as written. */
static void test_igraph_pajek(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_PAJEK),
         *ours = write_to_string(net, CLOUT_NET_PAJEK, "a.net");
    /* "*Vertices 3" and one line per vertex before "*Arcs". */
    g_assert_cmpint(count_lines_until(ours, "*Arcs"), ==, 1 + 3);
    g_assert_cmpint(count_lines_until(theirs, "*Arcs"), >, 1 + 3);
    igraph_t back;
    FILE *f = fmemopen(ours, strlen(ours), "r");
    g_assert_cmpint(igraph_read_graph_pajek(&back, f), ==, IGRAPH_SUCCESS);
    fclose(f);
    g_assert_cmpint(igraph_vcount(&back), ==, 3);
    g_assert_cmpint(igraph_ecount(&back), ==, 2);
    g_assert_cmpstr(VAS(&back, "id", 1), ==, "dq'x&<y");
    g_assert_cmpfloat(EAN(&back, "weight", 1), ==, 1234567);
    igraph_destroy(&back);
    /* igraph's reader takes the label of igraph's own file with its quotes
     * and backslash: "dq\"x&<y" arrives as the 10 characters "dq\"x&<y". */
    f = fmemopen(theirs, strlen(theirs), "r");
    g_assert_cmpint(igraph_read_graph_pajek(&back, f), ==, IGRAPH_SUCCESS);
    fclose(f);
    g_assert_cmpint(igraph_vcount(&back), ==, 3);
    g_assert_cmpstr(VAS(&back, "id", 1), ==, "\"dq\\\"x&<y\"");
    igraph_destroy(&back);
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

/* Edge lists: igraph writes vertex indices ("0 1"), without ids or weights;
 * clout's edge list is CSV: source,target,weight by id. */
static void test_igraph_edgelist(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_EDGELIST);
    char *ours = write_to_string(net, CLOUT_NET_EDGELIST, "a-el.csv");
    g_assert_cmpstr(theirs, ==, "0 1\n0 2\n");
    g_assert_true(g_str_has_prefix(ours, "source,target,weight\nhub,\"dq\"\"x&<y\",1.5e-05\n"));
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

/* CSV: igraph has no CSV writer.  Its nearest, NCOL (names and weights
 * separated by spaces), writes names unquoted, so a name with a space or a
 * newline breaks its line.  clout's CSV cells are quoted where they must
 * be, and read back as they were. */
static void test_igraph_ncol(void)
{
    clout_network_t *net = awkward_network();
    char *theirs = igraph_text(net, IG_NCOL),
         *ours = write_to_string(net, CLOUT_NET_EDGELIST, "b.csv");
    g_assert_cmpint(count_lines(theirs), >, 2);
    g_assert_cmpint(count_lines(ours), >, 1 + 2); /* a quoted newline */
    clout_network_t *back = read_text("back.csv", ours);
    char *want = ids_of(net), *got = ids_of(back);
    g_assert_cmpstr(got, ==, want);
    g_assert_cmpfloat(weight_of(back, "hub", "Привет\nnl"), ==, 1234567);
    g_free(want);
    g_free(got);
    clout_network_free(back);
    g_free(theirs);
    g_free(ours);
    clout_network_free(net);
}

/* ---- whitespace-separated edge lists (.edgelist, .txt) ---- */

/* Reads path, which must succeed with a warning that says want. */
static clout_network_t *read_ok_warned(const char *path, bool directed, const char *want)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    if (clout_network_read(&net, path, directed, err) != CLOUT_OK)
        g_error("reading %s: %s", path, clout_error_message(err, 0));
    g_assert_cmpint(clout_error_n_warnings(err), ==, 1);
    g_assert_nonnull(strstr(clout_error_warning(err, 0), want));
    clout_error_free(err);
    return net;
}

/* Reads path with options o (directed, weight, unweighted, multi_keep),
 * which must succeed with no diagnostic. */
static clout_network_t *read_opts_ok(const char *path, const clout_snapshot_opts_t *o)
{
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_status_t st = clout_network_read_opts(&net, path, o, err);
    if (st != CLOUT_OK)
        g_error("reading %s: status %d: %s", path, st,
                clout_error_count(err) ? clout_error_message(err, 0) : "(no message)");
    g_assert_cmpint(clout_error_count(err), ==, 0);
    clout_error_free(err);
    return net;
}

static void test_text_read(void)
{
    /* By hand: comments of NetworkX/SNAP ('#') and KONECT ('%'), blank
     * lines, runs of spaces and tabs, a CRLF line end, no final newline.
     * Four edges among a, b, c, d, ids in order of first appearance. */
    const char *text = "% sym positive\n"
                       "% 4 4 4\n"
                       "# FromNodeId\tToNodeId\n"
                       "a b 2.5\n"
                       "\n"
                       "   \t\n"
                       "b\t\tc   0.125\r\n"
                       "  c d -1\n"
                       "d a 1e3";
    const char *names[] = {"w.edgelist", "w.txt"};
    for (int i = 0; i < 2; i++) {
        char *path = write_tmp(names[i], text);
        clout_network_t *net = read_ok(path, true);
        g_assert_true(igraph_is_directed(&net->graph));
        char *ids = ids_of(net);
        g_assert_cmpstr(ids, ==, "a|b|c|d");
        g_free(ids);
        g_assert_cmpint(igraph_ecount(&net->graph), ==, 4);
        g_assert_cmpfloat(weight_of(net, "a", "b"), ==, 2.5);
        g_assert_cmpfloat(weight_of(net, "b", "c"), ==, 0.125);
        g_assert_cmpfloat(weight_of(net, "c", "d"), ==, -1);
        g_assert_cmpfloat(weight_of(net, "d", "a"), ==, 1000);
        g_assert_cmpint(find_edge(net, "b", "a"), ==, -1); /* directed: no such edge */
        g_assert_cmpstr(cl_vstr(&net->graph, "name", 2), ==, "c");
        g_assert_cmpstr(cl_estr(&net->graph, "layer", 0), ==, "");
        clout_network_free(net);
        g_free(path);
    }
}

static void test_text_long_lines(void)
{
    /* Lines that cross the reader's 64 KiB buffer: a 100000-byte id,
     * thousands of short lines around it, the last without a newline. */
    GString *t = g_string_new(NULL);
    char *big = g_strnfill(100000, 'x');
    for (int i = 0; i < 5000; i++)
        g_string_append_printf(t, "v%d v%d %d\n", i, i + 1, i % 7);
    g_string_append_printf(t, "v0 %s 0.5\n", big);
    for (int i = 0; i < 5000; i++)
        g_string_append_printf(t, "w%d w%d 1\n", i, i + 1);
    g_string_append(t, "v0 w0 2");
    char *path = write_tmp("long.txt", t->str);
    clout_network_t *net = read_ok(path, true);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 10002);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 5001 + 1 + 5001);
    g_assert_cmpfloat(weight_of(net, "v0", big), ==, 0.5);
    g_assert_cmpfloat(weight_of(net, "v4999", "v5000"), ==, 4999 % 7);
    g_assert_cmpfloat(weight_of(net, "v0", "w0"), ==, 2);
    clout_network_free(net);
    g_free(path);
    /* A line over the record limit (16 MiB) is refused with its line. */
    GString *huge = g_string_new("a b 1\n");
    g_string_set_size(huge, 6 + (16 << 20) + 10);
    memset(huge->str + 6, 'y', huge->len - 6);
    path = tmp_path("huge.txt");
    g_assert_true(g_file_set_contents(path, huge->str, (gssize)huge->len, NULL));
    clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
    char *want = g_strconcat(path, ":2:1: a line longer than", NULL);
    g_assert_true(g_str_has_prefix(clout_error_message(err, 0), want));
    g_free(want);
    clout_error_free(err);
    g_string_free(huge, TRUE);
    g_free(path);
    g_free(big);
    g_string_free(t, TRUE);
}

static void test_text_two_columns(void)
{
    /* SNAP's form: two columns, every weight 1; undirected by default, so
     * a b and b a are parallel and merged into one edge of weight 2
     * (doc/data-format.md 11.4); a BOM and a header line are skipped. */
    char *path = write_tmp("two.txt", "\xEF\xBB\xBF"
                                      "source target\n1 2\n2 1\n2 3\n");
    clout_network_t *u = read_ok_warned(path, false, "3 edges, 2 once parallel ones are merged");
    g_assert_false(igraph_is_directed(&u->graph));
    g_assert_cmpint(igraph_vcount(&u->graph), ==, 3);
    g_assert_cmpint(igraph_ecount(&u->graph), ==, 2);
    g_assert_cmpfloat(weight_of(u, "1", "2"), ==, 2);
    g_assert_cmpfloat(weight_of(u, "3", "2"), ==, 1);
    clout_network_t *d = read_ok(path, true);
    g_assert_cmpint(igraph_ecount(&d->graph), ==, 3);
    g_assert_cmpfloat(weight_of(d, "2", "1"), ==, 1);
    clout_network_free(u);
    clout_network_free(d);
    g_free(path);
}

static void test_text_options(void)
{
    /* --unweighted: every edge 1, the third column not read (even text),
     * and lines with and without it may mix; --multi keep keeps the two
     * a b edges; --weight names an attribute an edge list does not have. */
    char *path = write_tmp("opts.edgelist", "a b heavy\na b\nb c 2\n");
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.directed = true;
    o.unweighted = true;
    o.multi_keep = true;
    clout_network_t *net = read_opts_ok(path, &o);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 3);
    for (igraph_integer_t e = 0; e < 3; e++)
        g_assert_cmpfloat(cl_enum(&net->graph, "weight", e, NAN), ==, 1);
    clout_network_free(net);
    char *path2 = write_tmp("opts2.edgelist", "a b 1.5\nb c 2\n");
    clout_snapshot_opts_init(&o);
    o.weight = "value";
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_network_read_opts(&net, path2, &o, err), ==, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "--weight value"));
    clout_error_free(err);
    o.weight = "weight";
    net = read_opts_ok(path2, &o);
    g_assert_cmpfloat(weight_of(net, "b", "c"), ==, 2);
    clout_network_free(net);
    g_free(path);
    g_free(path2);
}

static void test_text_bad(void)
{
    /* Bad input names file, line and column (counted by hand, 1-based
     * bytes) and is CLOUT_EDATA. */
    struct {
        const char *text, *where, *says;
    } cases[] = {
        {"# w\na b 1\nb c heavy\n", ":3:5:", "weight 'heavy' is not a finite number"},
        {"a b nan\n", ":1:5:", "not a finite number"},
        {"a  b\tinf\n", ":1:6:", "not a finite number"},
        {"a b 1 1970\n", ":1:7:", "a fourth column ('1970')"},
        {"a b 1\n  lonely\n", ":2:3:", "one column"},
        {"a b 1\nb c\n", ":2:5:", "no weight, but line 1 has one"},
        {"a b\nb c 2\n", ":2:5:", "a weight, but line 1 has none"},
        {"a b 1\nb \xC3\x28 2\n", ":2:3:", "invalid UTF-8"},
        {"\xEF\xBB\xBF"
         "a \xFF 2\n",
         ":1:6:", "invalid UTF-8"},
        {"source target weight\na b x\n", ":2:5:", "not a finite number"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *name = g_strdup_printf("bad%zu.txt", i);
        char *path = write_tmp(name, cases[i].text);
        clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
        const char *msg = clout_error_message(err, 0);
        char *want = g_strconcat(path, cases[i].where, NULL);
        if (!g_str_has_prefix(msg, want) || !strstr(msg, cases[i].says))
            fail_because("case %zu: '%s', want '%s ... %s'", i, msg, want, cases[i].says);
        g_free(want);
        clout_error_free(err);
        g_free(path);
        g_free(name);
    }
    /* A NUL byte: written with its length, as text cannot hold it. */
    char *path = tmp_path("nul.edgelist");
    g_assert_true(g_file_set_contents(path, "a b 1\nb\0c 2\n", 12, NULL));
    clout_error_t *err = read_fails(path, false, CLOUT_EDATA);
    char *want = g_strconcat(path, ":2:2: NUL byte", NULL);
    g_assert_true(g_str_has_prefix(clout_error_message(err, 0), want));
    g_free(want);
    clout_error_free(err);
    g_free(path);
}

static void test_roundtrip_text(void)
{
    /* Written as text and read back: the same edges, and weights exact
     * (the shortest text that reads back, as Python's repr writes them). */
    roundtrip_tiny(CLOUT_NET_EDGELIST_TEXT, "edgelist", SAME_IDS_WEIGHTS);
    clout_network_t *a = tiny_snapshot(2022, NULL);
    char *path = write_net(a, CLOUT_NET_EDGELIST_TEXT, "exact.txt");
    char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_true(g_str_has_prefix(text, "# source target weight\n"));
    /* README.md's hand-worked NRL->ELD, 1 + 2 + 0.5 + 70/310 + 0.5 */
    g_assert_nonnull(strstr(text, "\nNRL ELD 4.225806451612903\n"));
    clout_network_t *b = read_ok(path, true);
    for (igraph_integer_t e = 0; e < igraph_ecount(&a->graph); e++) {
        const char *s = cl_vstr(&a->graph, "id", IGRAPH_FROM(&a->graph, e));
        const char *t = cl_vstr(&a->graph, "id", IGRAPH_TO(&a->graph, e));
        g_assert_cmpfloat(weight_of(b, s, t), ==, cl_enum(&a->graph, "weight", e, NAN));
    }
    clout_network_free(a);
    clout_network_free(b);
    g_free(text);
    g_free(path);
}

static void test_text_unwritable(void)
{
    /* An id with a space, a newline or a leading '#' cannot be a word of a
     * line: a usage error before anything is written (the CSV can hold it). */
    const char *texts[] = {"source,target\nhub,\"two words\"\n", "source,target\nhub,\"a\nb\"\n",
                           "source,target\n\"#x\",hub\n", "source,target\nhub,%x\n"};
    for (size_t i = 0; i < G_N_ELEMENTS(texts); i++) {
        char *name = g_strdup_printf("unwritable%zu.csv", i);
        clout_network_t *net = read_text(name, texts[i]);
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        clout_error_t *err = clout_error_new(0);
        g_assert_cmpint(clout_network_write(net, f, CLOUT_NET_EDGELIST_TEXT, err), ==,
                        CLOUT_EUSAGE);
        fclose(f);
        g_assert_cmpuint(len, ==, 0);
        g_assert_nonnull(strstr(clout_error_message(err, 0), "--to edgelist -o FILE.csv"));
        clout_error_free(err);
        free(buf);
        clout_network_free(net);
        g_free(name);
    }
}

/* ---- INPUT ---- */

/* Opens input with opts->year = opts_year and no filters. */
static clout_status_t open_input(const char *input, int opts_year, clout_network_t **net,
                                 clout_dataset_t **ds, clout_error_t *err)
{
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.year = opts_year;
    return clout_input_open(net, ds, input, &o, err);
}

static void test_input_dir_at_year(void)
{
    /* README.md: tiny@2022 has 10 vertices and 38 edges, NRL->ELD 4.225806. */
    char *dir = tiny_dir();
    char *input = g_strconcat(dir, "@2022", NULL);
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_dataset_t *ds = NULL;
    /* the @YEAR suffix overrides opts->year */
    g_assert_cmpint(open_input(input, 2020, &net, &ds, err), ==, CLOUT_OK);
    g_assert_nonnull(ds);
    g_assert_cmpint(clout_dataset_n_actors(ds), ==, 11);
    g_assert_cmpint(net->year, ==, 2022);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 10);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 38);
    g_assert_cmpfloat_with_epsilon(weight_of(net, "NRL", "ELD"), 1 + 2 + 0.5 + 70.0 / 310 + 0.5,
                                   1e-12);
    g_assert_cmpfloat_with_epsilon(weight_of(net, "SDL", "MDL"), 1.5, 1e-12);
    clout_network_free(net);
    clout_dataset_free(ds);
    g_free(input);

    /* README.md: tiny@2020 has 28 edges and NRL->ELD 5.12; ds_out may be NULL. */
    input = g_strconcat(dir, "@2020", NULL);
    g_assert_cmpint(open_input(input, 0, &net, NULL, err), ==, CLOUT_OK);
    g_assert_cmpint(net->year, ==, 2020);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 28);
    g_assert_cmpfloat_with_epsilon(weight_of(net, "NRL", "ELD"), 1 + 2 + 1 + 30.0 / 250 + 1, 1e-12);
    clout_network_free(net);
    g_free(input);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    clout_error_free(err);
    g_free(dir);
}

static void test_input_dir_latest(void)
{
    /* README.md: tiny's latest year is 2022, but its default snapshot is 2017,
     * the latest year every flow relation covers (aid ends in 2017); and the
     * choice is said (a warning). */
    char *dir = tiny_dir();
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_dataset_t *ds = NULL;
    g_assert_cmpint(open_input(dir, CLOUT_NO_YEAR, &net, &ds, err), ==, CLOUT_OK);
    g_assert_cmpint(clout_dataset_latest_year(ds), ==, 2022);
    g_assert_cmpint(net->year, ==, 2017);
    bool said = false;
    for (int i = 0; i < clout_error_n_warnings(err); i++)
        said |= strstr(clout_error_warning(err, i), "no @YEAR given: the 2017 snapshot") != NULL;
    g_assert_true(said);
    clout_network_free(net);
    clout_dataset_free(ds);
    /* Without @YEAR, opts->year is the year (28 edges in 2020, README.md). */
    g_assert_cmpint(open_input(dir, 2020, &net, NULL, err), ==, CLOUT_OK);
    g_assert_cmpint(net->year, ==, 2020);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 28);
    clout_network_free(net);
    clout_error_free(err);
    g_free(dir);
}

static void test_input_errors(void)
{
    char *dir = tiny_dir();
    char *file = write_tmp("in.csv", "a,b,2\n");
    struct {
        char *input;
        clout_status_t want;
    } cases[] = {
        {g_strconcat(dir, "@20x4", NULL), CLOUT_EUSAGE},
        {g_strconcat(dir, "@22", NULL), CLOUT_EUSAGE},
        {g_strconcat(dir, "@2022-01-01", NULL), CLOUT_EUSAGE},
        {g_strconcat(dir, "@0999", NULL), CLOUT_EUSAGE},
        {g_strconcat(dir, "@", NULL), CLOUT_EUSAGE},
        {g_strdup("missing-dir@2020"), CLOUT_EDATA},
        {g_strdup("missing-dir"), CLOUT_EDATA},
        {g_strconcat(file, "@2020", NULL), CLOUT_EUSAGE},
        {g_strconcat(dir, "/actors.csv@2020", NULL), CLOUT_EUSAGE},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        clout_error_t *err = clout_error_new(0);
        clout_network_t *net = (clout_network_t *)&err;
        clout_dataset_t *ds = (clout_dataset_t *)&err;
        clout_status_t st = open_input(cases[i].input, 0, &net, &ds, err);
        if (st != cases[i].want)
            g_error("'%s': status %d, want %d (%s)", cases[i].input, st, cases[i].want,
                    clout_error_count(err) ? clout_error_message(err, 0) : "no message");
        g_assert_null(net);
        g_assert_null(ds);
        g_assert_cmpint(clout_error_count(err), >=, 1);
        g_assert_cmpstr(clout_error_message(err, 0), !=, "");
        clout_error_free(err);
        g_free(cases[i].input);
    }
    g_free(file);
    g_free(dir);
}

static void test_input_file(void)
{
    /* A network file: no dataset; --directed applies to edge-list CSV. */
    char *file = write_tmp("in2.csv", "source,target,weight\na,b,2\n");
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_dataset_t *ds = (clout_dataset_t *)&err;
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.directed = true;
    g_assert_cmpint(clout_input_open(&net, &ds, file, &o, err), ==, CLOUT_OK);
    g_assert_null(ds);
    g_assert_true(igraph_is_directed(&net->graph));
    g_assert_cmpint(net->year, ==, CLOUT_NO_YEAR);
    g_assert_cmpfloat(weight_of(net, "a", "b"), ==, 2);
    clout_network_free(net);
    o.directed = false;
    g_assert_cmpint(clout_input_open(&net, NULL, file, &o, err), ==, CLOUT_OK);
    g_assert_false(igraph_is_directed(&net->graph));
    clout_network_free(net);
    clout_error_free(err);
    g_free(file);
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
    tmp_dir = g_dir_make_tmp("clout-netio-XXXXXX", NULL);
    g_assert_nonnull(tmp_dir);

    g_test_add_func("/netio/roundtrip/graphml", test_roundtrip_graphml);
    g_test_add_func("/netio/roundtrip/gml", test_roundtrip_gml);
    g_test_add_func("/netio/roundtrip/edgelist", test_roundtrip_edgelist);
    g_test_add_func("/netio/roundtrip/weights", test_roundtrip_weights);
    g_test_add_func("/netio/roundtrip/hostile-graphml", test_hostile_graphml);
    g_test_add_func("/netio/roundtrip/hostile-gml", test_hostile_gml);
    g_test_add_func("/netio/roundtrip/edgelist-hash-id", test_edgelist_hash_id);
    g_test_add_func("/netio/read/edgelist-header", test_edgelist_header);
    g_test_add_func("/netio/read/edgelist-no-header", test_edgelist_no_header);
    g_test_add_func("/netio/read/edgelist-two-columns", test_edgelist_two_columns);
    g_test_add_func("/netio/read/edgelist-directed", test_edgelist_directed);
    g_test_add_func("/netio/read/edgelist-bad", test_edgelist_bad);
    g_test_add_func("/netio/read/text", test_text_read);
    g_test_add_func("/netio/read/text-long-lines", test_text_long_lines);
    g_test_add_func("/netio/read/text-two-columns", test_text_two_columns);
    g_test_add_func("/netio/read/text-options", test_text_options);
    g_test_add_func("/netio/read/text-bad", test_text_bad);
    g_test_add_func("/netio/roundtrip/text", test_roundtrip_text);
    g_test_add_func("/netio/write/text-unwritable", test_text_unwritable);
    g_test_add_func("/netio/read/networkx-graphml", test_read_networkx_graphml);
    g_test_add_func("/netio/read/graphml-no-weight", test_read_graphml_no_weight);
    g_test_add_func("/netio/read/gml-labels", test_read_gml_labels);
    g_test_add_func("/netio/read/gml-ids", test_read_gml_ids);
    g_test_add_func("/netio/read/partial-weight", test_read_partial_weight);
    g_test_add_func("/netio/read/malformed", test_read_malformed);
    g_test_add_func("/netio/read/bad-weight", test_read_bad_weight);
    g_test_add_func("/netio/read/unknown-extension", test_read_missing_and_unknown);
    g_test_add_func("/netio/format/from-name", test_format_names);
    g_test_add_func("/netio/format/from-path", test_format_paths);
    g_test_add_func("/netio/write/other-formats", test_write_other_formats);
    g_test_add_func("/netio/write/igraph-graphml", test_igraph_graphml);
    g_test_add_func("/netio/write/igraph-gml", test_igraph_gml);
    g_test_add_func("/netio/write/igraph-dot", test_igraph_dot);
    g_test_add_func("/netio/write/igraph-pajek", test_igraph_pajek);
    g_test_add_func("/netio/write/igraph-edgelist", test_igraph_edgelist);
    g_test_add_func("/netio/write/igraph-ncol", test_igraph_ncol);
    g_test_add_func("/netio/input/dir-at-year", test_input_dir_at_year);
    g_test_add_func("/netio/input/dir-latest", test_input_dir_latest);
    g_test_add_func("/netio/input/errors", test_input_errors);
    g_test_add_func("/netio/input/file", test_input_file);

    int rc = g_test_run();
    remove_tmp_dir();
    return rc;
}
