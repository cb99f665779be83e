/* test-snapshot.c: snapshots against hand computations (window, scales, combination, filters). */
#include <config.h>

#include <math.h>
#include <string.h>

#include <glib.h>

#include <clout.h>
#include "testutil.h"

/* Weight of the edge from id a to id b, or -1 if there is none. */
static double edge_weight(const clout_network_t *net, const char *a, const char *b)
{
    const igraph_t *g = &net->graph;
    igraph_integer_t va = -1, vb = -1;
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        if (strcmp(VAS(g, "id", v), a) == 0)
            va = v;
        if (strcmp(VAS(g, "id", v), b) == 0)
            vb = v;
    }
    if (va < 0 || vb < 0)
        return -1;
    igraph_integer_t e;
    igraph_get_eid(g, &e, va, vb, IGRAPH_DIRECTED, false);
    return e < 0 ? -1 : EAN(g, "weight", e);
}

static const char *edge_str(const clout_network_t *net, const char *attr, const char *a,
                            const char *b)
{
    const igraph_t *g = &net->graph;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        if (strcmp(VAS(g, "id", IGRAPH_FROM(g, e)), a) == 0 &&
            strcmp(VAS(g, "id", IGRAPH_TO(g, e)), b) == 0)
            return EAS(g, attr, e);
    return NULL;
}

static clout_network_t *snap(const char *dir, int year, int window, char **layers, char **relations)
{
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    if (clout_dataset_load(&ds, dir, err))
        g_error("load: %s", clout_error_message(err, 0));
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.year = year;
    if (window > 0) /* else the default */
        o.window = window;
    o.layers = layers;
    o.relations = relations;
    clout_network_t *net;
    if (clout_snapshot(ds, &net, &o, err))
        g_error("snapshot: %s", clout_error_message(err, 0));
    clout_dataset_free(ds);
    clout_error_free(err);
    return net;
}

#define ASSERT_W(net, a, b, w) g_assert_cmpfloat_with_epsilon(edge_weight(net, a, b), (w), 1e-12)

/* The worked example of graphs/examples/tiny/README.md, computed by hand there. */
static void test_tiny_2022(void)
{
    char *dir = g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
    clout_network_t *net = snap(dir, 2022, 0, NULL, NULL);
    g_assert_true(igraph_is_directed(&net->graph));
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 10); /* every actor but WORLD */
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 38);
    /* alliance 1 + base 2 + arms ln 10 / ln 100 + trade 70/310 + summit 1/2 */
    ASSERT_W(net, "NRL", "ELD", 1 + 2 + log(10) / log(100) + 70.0 / 310 + 0.5);
    ASSERT_W(net, "ELD", "NRL", 1 + 0.5 + 70.0 / 135); /* alliance, summit, trade */
    ASSERT_W(net, "SDL", "ELD", 1 + 60.0 / 310);       /* summit, trade */
    ASSERT_W(net, "ELD", "SDL", 1 + 60.0 / 195);
    ASSERT_W(net, "SDL", "WSL", 3);
    ASSERT_W(net, "NRL", "WSL", 0.5); /* a summit in the window */
    ASSERT_W(net, "SDL", "MDL", 1.5);
    ASSERT_W(net, "MDL", "SDL", 75.0 / 195);
    ASSERT_W(net, "NRL", "MDL", 25.0 / 150);
    ASSERT_W(net, "RVL", "MDL", 50.0 / 150);
    ASSERT_W(net, "SUDSEC", "MDL", 1);
    ASSERT_W(net, "SUDSEC", "RVL", 1);
    ASSERT_W(net, "RVL", "CMKT", 1);
    ASSERT_W(net, "CMKT", "RVL", 1);
    g_assert_cmpfloat(edge_weight(net, "SDL", "SUDSEC"), ==, -1);
    g_assert_cmpstr(edge_str(net, "layer", "NRL", "ELD"), ==, "diplomatic;economic;security");
    g_assert_cmpstr(edge_str(net, "relations", "NRL", "ELD"), ==,
                    "alliance;arms_transfer;military_base;summit;trade");
    g_assert_cmpint(net->year, ==, 2022);
    g_assert_cmpint(net->window, ==, 5);
    clout_network_free(net);
    g_free(dir);
}

static void test_tiny_2020(void)
{
    char *dir = g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
    clout_network_t *net = snap(dir, 2020, 0, NULL, NULL);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 10);
    /* README: the alliance group counts NRL-ELD once; arms NRL->ELD and SDL->ELD are both
     * the window's maximum (1); trade 30/250; the 2019 summit is the largest (1). */
    ASSERT_W(net, "NRL", "ELD", 1 + 2 + 1 + 30.0 / 250 + 1);
    ASSERT_W(net, "SDL", "ELD", 1 + 20.0 / 250);
    ASSERT_W(net, "SDL", "WSL", 2 + 1 + 0.5); /* base, pact_registry, trade 40/80 */
    ASSERT_W(net, "NRL", "WSL", 0.5);
    ASSERT_W(net, "SDL", "MDL", 1 + 1 + 10.0 / 40); /* summit 2017, pact, aid */
    ASSERT_W(net, "MDL", "SDL", 2);
    ASSERT_W(net, "WSL", "CMKT", 1);                             /* joined 2020-07-01 */
    g_assert_cmpfloat(edge_weight(net, "RVL", "CMKT"), ==, -1);  /* joined 2021 */
    g_assert_cmpfloat(edge_weight(net, "WSL", "NPACT"), ==, -1); /* left after 2019 */
    clout_network_free(net);
    g_free(dir);
}

static const char *THREE = "id,name,kind,start,end\nA,A,state,,\nB,B,state,,\nC,C,state,,\n"
                           "GONE,Gone,state,1990,2010\n";

/* scale max over state ties; overlapping ties of one pair count once, at the larger value. */
static void test_scale_max_and_overlap(void)
{
    /* The source covers 2000-2020: in 2015 a tie that ended in 2014 is "no tie". */
    char *dir = write_dataset(THREE,
                              "relation,layer,directed,mode,scale,coverage\n"
                              "m,dip,no,state,max,2000-2020\n",
                              "source,target,relation,value,start,end\n"
                              "A,B,m,1,2000,\n"
                              "B,A,m,0.5,2010,\n"
                              "A,C,m,0.5,2000,\n"
                              "B,C,m,0.25,2000,2014\n");
    clout_network_t *net = snap(dir, 2015, 0, NULL, NULL);
    g_assert_false(igraph_is_directed(&net->graph));
    /* A-B: max(1, 0.5) = 1, over the relation's max 1; A-C 0.5; B-C ended 2014. */
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 2);
    ASSERT_W(net, "A", "B", 1);
    ASSERT_W(net, "A", "C", 0.5);
    /* GONE ended in 2010 and has no tie: not a vertex. */
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 3);
    clout_network_free(net);
    rm_tree(dir);
    g_free(dir);
}

/* An undirected flow with scale share: T(A) = 40, T(B) = 30, T(C) = 10. */
static const char *SHARE_REL = "relation,layer,directed,mode,scale\nf,econ,no,flow,share\n";
static const char *SHARE_TIES =
    "source,target,relation,value,start\nA,B,f,30,2015\nC,A,f,10,2015\n";

static void test_share_undirected(void)
{
    char *dir = write_dataset(THREE, SHARE_REL, SHARE_TIES);
    clout_network_t *net = snap(dir, 2015, 0, NULL, NULL);
    /* In an undirected network the two directions' shares are averaged:
     * A-B (30/30 + 30/40) / 2 = 0.875, A-C (10/10 + 10/40) / 2 = 0.625. */
    ASSERT_W(net, "A", "B", 0.875);
    ASSERT_W(net, "A", "C", 0.625);
    clout_network_free(net);
    rm_tree(dir);
    g_free(dir);
}

static void test_share_in_directed_network(void)
{
    char *dir = write_dataset(THREE,
                              "relation,layer,directed,mode,scale,weight\n"
                              "f,econ,no,flow,share,1\nb,sec,yes,state,binary,2\n",
                              "source,target,relation,value,start\nA,B,f,30,2015\nC,A,f,10,2015\n"
                              "B,C,b,,2000\n");
    clout_network_t *net = snap(dir, 2015, 0, NULL, NULL);
    /* One directed relation makes the network directed; the undirected flow
     * adds both directions, each with the receiver's share. */
    g_assert_true(igraph_is_directed(&net->graph));
    ASSERT_W(net, "A", "B", 1);    /* 30 / T(B) = 30/30 */
    ASSERT_W(net, "B", "A", 0.75); /* 30 / T(A) = 30/40 */
    ASSERT_W(net, "C", "A", 0.25); /* 10 / 40 */
    ASSERT_W(net, "A", "C", 1);    /* 10 / 10 */
    ASSERT_W(net, "B", "C", 2);    /* weight 2 x binary 1 */
    g_assert_cmpfloat(edge_weight(net, "C", "B"), ==, -1);
    clout_network_free(net);
    rm_tree(dir);
    g_free(dir);
}

/* Flows in YEAR-w+1..YEAR count; YEAR-w does not.  log: log1p(v)/log1p(max). */
static void test_window_and_log(void)
{
    char *dir = write_dataset(THREE, "relation,layer,directed,mode,scale\nf,sec,yes,flow,log\n",
                              "source,target,relation,value,start\n"
                              "A,B,f,4,2011\n" /* outside a 2-year window at 2013 (2012-2013) */
                              "A,B,f,3,2012\n"
                              "A,B,f,6,2013\n"
                              "A,C,f,2,2013\n"
                              "A,C,f,100,2014\n"); /* after the snapshot year */
    clout_network_t *net = snap(dir, 2013, 2, NULL, NULL);
    ASSERT_W(net, "A", "B", 1);                /* 3 + 6 = 9 is the max */
    ASSERT_W(net, "A", "C", log(3) / log(10)); /* log1p(2) / log1p(9) */
    clout_network_free(net);
    net = snap(dir, 2013, 3, NULL, NULL); /* 2011-2013: 2011 is in, A-B 13 */
    ASSERT_W(net, "A", "C", log(3) / log(14));
    clout_network_free(net);
    rm_tree(dir);
    g_free(dir);
}

/* Filters by layer and relation; weight 0 leaves no edge; a vertex outside its
 * lifetime is kept when a tie needs it. */
static void test_filters_and_zero_weight(void)
{
    char *dir = write_dataset(THREE,
                              "relation,layer,directed,mode,scale,weight,coverage\n"
                              "p,sec,no,state,binary,1,2000-2020\n"
                              "q,dip,no,state,binary,0,2000-2020\n"
                              "r,dip,no,state,binary,1,2000-2020\n",
                              "source,target,relation,start\nA,B,p,2000\nA,C,q,2000\n"
                              "B,C,r,2000\nGONE,A,r,2000\n");
    clout_network_t *net = snap(dir, 2015, 0, NULL, NULL);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 3); /* A-B, B-C, GONE-A; not A-C */
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 4);
    clout_network_free(net);
    char *layers[] = {"sec", NULL};
    net = snap(dir, 2015, 0, layers, NULL);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 1);
    ASSERT_W(net, "A", "B", 1);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 3); /* GONE is gone again */
    clout_network_free(net);
    char *rels[] = {"r", NULL};
    net = snap(dir, 2015, 0, NULL, rels);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 2);
    clout_network_free(net);

    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, dir, err), ==, CLOUT_OK);
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    char *bad[] = {"nosuch", NULL};
    o.layers = bad;
    g_assert_cmpint(clout_snapshot(ds, &net, &o, err), ==, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "unknown layer 'nosuch'"));
    o.layers = NULL;
    o.relations = bad;
    g_assert_cmpint(clout_snapshot(ds, &net, &o, err), ==, CLOUT_EUSAGE);
    clout_dataset_free(ds);
    clout_error_free(err);
    rm_tree(dir);
    g_free(dir);
}

/* No ties: without a coverage there is no year at all (no data); with one,
 * a covered year is an empty network (no tie). */
static void test_no_ties(void)
{
    char *dir = write_dataset(THREE, SHARE_REL, "source,target,relation,start\n");
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, dir, err), ==, CLOUT_OK);
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    clout_network_t *net;
    g_assert_cmpint(clout_snapshot(ds, &net, &o, err), ==, CLOUT_EDATA);
    o.year = 2000;
    g_assert_cmpint(clout_snapshot(ds, &net, &o, err), ==, CLOUT_EDATA);
    clout_dataset_free(ds);
    rm_tree(dir);
    g_free(dir);
    dir = write_dataset(
        THREE, "relation,layer,directed,mode,scale,coverage\nf,econ,no,flow,share,1990-2010\n",
        "source,target,relation,start\n");
    g_assert_cmpint(clout_dataset_load(&ds, dir, err), ==, CLOUT_OK);
    g_assert_cmpint(clout_snapshot(ds, &net, &o, err), ==, CLOUT_OK);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 4); /* GONE lived in 2000 */
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 0);
    clout_network_free(net);
    clout_dataset_free(ds);
    clout_error_free(err);
    rm_tree(dir);
    g_free(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/snapshot/tiny-2022", test_tiny_2022);
    g_test_add_func("/snapshot/tiny-2020", test_tiny_2020);
    g_test_add_func("/snapshot/scale-max-and-overlap", test_scale_max_and_overlap);
    g_test_add_func("/snapshot/share-undirected", test_share_undirected);
    g_test_add_func("/snapshot/share-in-directed-network", test_share_in_directed_network);
    g_test_add_func("/snapshot/window-and-log", test_window_and_log);
    g_test_add_func("/snapshot/filters-and-zero-weight", test_filters_and_zero_weight);
    g_test_add_func("/snapshot/no-ties", test_no_ties);
    return g_test_run();
}
