/* test-communities.c: detection, consensus and stability, comparison, tables. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>
#include "internal.h"

/* ---- helpers ---- */

static char *data_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "tests", "data", "communities", name, NULL);
}

static clout_network_t *read_net(const char *name, bool directed)
{
    char *path = data_path(name);
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    if (clout_network_read(&net, path, directed, err))
        g_error("reading %s: %s", path, clout_error_message(err, 0));
    clout_error_free(err);
    g_free(path);
    return net;
}

static clout_community_opts_t opts_for(const char *method, double resolution, int runs,
                                       unsigned long seed)
{
    clout_community_opts_t o;
    clout_community_opts_init(&o);
    int m = clout_cmethod_from_name(method);
    g_assert_cmpint(m, >=, 0);
    o.method = (clout_cmethod_t)m;
    o.resolution = resolution;
    o.runs = runs;
    o.seed = seed;
    return o;
}

/* Runs the detection, which must succeed. */
static void detect(const clout_network_t *net, const clout_community_opts_t *o,
                   clout_partition_t *p)
{
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_communities(net, p, o, err);
    if (st)
        g_error("communities (method %d): status %d: %s", (int)o->method, st,
                clout_error_count(err) ? clout_error_message(err, 0) : "(no message)");
    g_assert_cmpint(igraph_vector_int_size(&p->membership), ==, igraph_vcount(&net->graph));
    g_assert_cmpint(igraph_vector_size(&p->stability), ==, igraph_vcount(&net->graph));
    g_assert_cmpint(p->runs, ==, o->runs);
    clout_error_free(err);
}

/* Runs the detection, which must fail with want; returns the first message (caller frees). */
static char *detect_fails(const clout_network_t *net, const clout_community_opts_t *o,
                          clout_status_t want)
{
    clout_error_t *err = clout_error_new(0);
    clout_partition_t p;
    memset(&p, 0xAB, sizeof p); /* must be reset */
    clout_status_t st = clout_communities(net, &p, o, err);
    g_assert_cmpint(st, ==, want);
    g_assert_cmpint(clout_error_count(err), >=, 1);
    g_assert_null(p.membership.stor_begin);
    clout_partition_destroy(&p); /* safe on what a failure leaves */
    char *msg = g_strdup(clout_error_message(err, 0));
    clout_error_free(err);
    return msg;
}

/* Modularity from its definition, written independently of igraph:
 * undirected Q = sum_c [ W_c / m - (S_c / 2m)^2 ], W_c the weight inside c,
 * S_c the total strength of c, m the total weight (Newman & Girvan 2004);
 * directed Q = sum_c [ W_c / m - Sout_c Sin_c / m^2 ] (Leicht & Newman 2008). */
static double hand_modularity(const clout_network_t *net, const igraph_vector_int_t *memb)
{
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g), k = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        k = MAX(k, VECTOR(*memb)[v] + 1);
    double *in = g_new0(double, k), *out = g_new0(double, k), *inside = g_new0(double, k);
    double m = 0;
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        double w = cl_enum(g, "weight", e, 1);
        igraph_integer_t a = VECTOR(*memb)[IGRAPH_FROM(g, e)], b = VECTOR(*memb)[IGRAPH_TO(g, e)];
        m += w;
        out[a] += w;
        in[b] += w;
        if (a == b)
            inside[a] += w;
    }
    double q = 0;
    for (igraph_integer_t c = 0; c < k; c++)
        q += igraph_is_directed(g) ? inside[c] / m - out[c] * in[c] / (m * m)
                                   : inside[c] / m - pow((out[c] + in[c]) / (2 * m), 2);
    g_free(in);
    g_free(out);
    g_free(inside);
    return q;
}

/* Communities are numbered 0..k-1 by decreasing size, ties by smallest vertex. */
static void check_canonical(const igraph_vector_int_t *memb)
{
    igraph_integer_t n = igraph_vector_int_size(memb), k = 0;
    for (igraph_integer_t v = 0; v < n; v++)
        k = MAX(k, VECTOR(*memb)[v] + 1);
    igraph_integer_t *size = g_new0(igraph_integer_t, k), *first = g_new(igraph_integer_t, k);
    for (igraph_integer_t c = 0; c < k; c++)
        first[c] = -1;
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t c = VECTOR(*memb)[v];
        g_assert_cmpint(c, >=, 0);
        size[c]++;
        if (first[c] < 0)
            first[c] = v;
    }
    for (igraph_integer_t c = 0; c < k; c++) {
        g_assert_cmpint(size[c], >, 0); /* no gaps */
        if (c > 0) {
            g_assert_cmpint(size[c - 1], >=, size[c]);
            if (size[c - 1] == size[c])
                g_assert_cmpint(first[c - 1], <, first[c]);
        }
    }
    g_free(size);
    g_free(first);
}

static igraph_integer_t n_communities(const igraph_vector_int_t *memb)
{
    return igraph_vector_int_size(memb) ? igraph_vector_int_max(memb) + 1 : 0;
}

/* ---- method names ---- */

static void test_method_names(void)
{
    static const char *names[] = {"leiden",   "leiden-cpm", "louvain",    "infomap",
                                  "walktrap", "labelprop",  "fastgreedy", "spinglass"};
    static const clout_cmethod_t ids[] = {
        CLOUT_CM_LEIDEN,   CLOUT_CM_LEIDEN_CPM, CLOUT_CM_LOUVAIN,    CLOUT_CM_INFOMAP,
        CLOUT_CM_WALKTRAP, CLOUT_CM_LABELPROP,  CLOUT_CM_FASTGREEDY, CLOUT_CM_SPINGLASS};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        g_assert_cmpint(clout_cmethod_from_name(names[i]), ==, ids[i]);
    g_assert_cmpint(clout_cmethod_from_name("Leiden"), ==, -1);
    g_assert_cmpint(clout_cmethod_from_name("leid"), ==, -1);
    g_assert_cmpint(clout_cmethod_from_name(""), ==, -1);
    g_assert_cmpint(clout_cmethod_from_name(NULL), ==, -1);
}

/* ---- Zachary's karate club ---- */

/* The largest modularity any partition of the karate club reaches is 0.4198
 * (0.41979, four communities: Brandes et al. 2008, "On modularity
 * clustering", IEEE TKDE 20(2), found by integer programming).  Leiden,
 * iterated until an iteration changes nothing, should get within 0.001 of it
 * with the default seed; nothing can exceed it. */
static void test_karate_leiden(void)
{
    clout_network_t *net = read_net("karate.graphml", false);
    g_assert_cmpint(igraph_vcount(&net->graph), ==, 34);
    g_assert_cmpint(igraph_ecount(&net->graph), ==, 78);
    clout_community_opts_t o = opts_for("leiden", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    g_test_message("leiden on karate: modularity %.6f, %" IGRAPH_PRId " communities", p.modularity,
                   n_communities(&p.membership));
    g_assert_cmpfloat(p.modularity, >=, 0.4188);
    g_assert_cmpfloat(p.modularity, <=, 0.41979 + 1e-5);
    g_assert_cmpfloat_with_epsilon(p.modularity, hand_modularity(net, &p.membership), 1e-12);
    check_canonical(&p.membership);
    for (igraph_integer_t v = 0; v < 34; v++)
        g_assert_cmpfloat(VECTOR(p.stability)[v], ==, 1.0); /* one run: stable by definition */
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* --tolerance on the karate club.  (1) The default (1e-4) changes nothing on
 * small networks: for seeds 1..40 it gives the partition of the old rule
 * (tolerance < 0: iterate until the partition stops changing), each within
 * 0.001 of the optimum 0.41979 (Brandes et al. 2008).  (2) With a tolerance
 * no iteration can reach (10), clout stops after its second call of
 * igraph_community_leiden: the reference is those two calls made here
 * directly, as doc/methods.md describes them (node weights = strengths,
 * resolution 1/2m, beta 0.01, the second from the first's partition, the
 * default generator seeded with the seed). */
static void test_leiden_tolerance(void)
{
    clout_network_t *net = read_net("karate.graphml", false);
    const igraph_t *g = &net->graph;
    igraph_vector_t w, strength;
    igraph_vector_init(&w, 0);
    igraph_vector_init(&strength, 0);
    igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &w);
    igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w);
    double gamma = 1.0 / (2.0 * igraph_vector_sum(&w));
    int two_differs = 0;
    for (unsigned long seed = 1; seed <= 40; seed++) {
        clout_community_opts_t o = opts_for("leiden", 1, 1, seed);
        clout_partition_t dflt, old, big;
        detect(net, &o, &dflt);
        o.tolerance = -1;
        detect(net, &o, &old);
        o.tolerance = 10;
        detect(net, &o, &big);
        g_assert_true(igraph_vector_int_all_e(&dflt.membership, &old.membership));
        g_assert_cmpfloat(old.modularity, >=, 0.41979 - 0.001);

        igraph_vector_int_t m;
        igraph_vector_int_init(&m, 0);
        igraph_rng_seed(igraph_rng_default(), seed);
        igraph_community_leiden(g, &w, &strength, gamma, 0.01, false, 1, &m, NULL, NULL);
        igraph_community_leiden(g, &w, &strength, gamma, 0.01, true, 1, &m, NULL, NULL);
        igraph_real_t vi = -1, vi_old = -1;
        igraph_compare_communities(&m, &big.membership, &vi, IGRAPH_COMMCMP_VI);
        igraph_compare_communities(&m, &old.membership, &vi_old, IGRAPH_COMMCMP_VI);
        if (vi != 0)
            g_test_fail_printf("seed %lu: tolerance 10 is not the partition of two Leiden "
                               "iterations (VI %g)",
                               seed, vi);
        two_differs += vi_old != 0;
        igraph_vector_int_destroy(&m);
        clout_partition_destroy(&dflt);
        clout_partition_destroy(&old);
        clout_partition_destroy(&big);
    }
    g_test_message("two iterations differ from the stable partition for %d of 40 seeds",
                   two_differs);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&strength);
    clout_network_free(net);
}

static void test_karate_louvain(void)
{
    clout_network_t *net = read_net("karate.graphml", false);
    clout_community_opts_t o = opts_for("louvain", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    g_test_message("louvain on karate: modularity %.6f", p.modularity);
    g_assert_cmpfloat(p.modularity, >=, 0.41);
    g_assert_cmpfloat(p.modularity, <=, 0.41979 + 1e-5);
    g_assert_cmpfloat_with_epsilon(p.modularity, hand_modularity(net, &p.membership), 1e-12);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* Every method finds real structure in the karate club: modularity above 0.3
 * (the split into two clubs that Zachary observed has 0.3582). */
static void test_karate_every_method(void)
{
    static const char *names[] = {"leiden",   "leiden-cpm", "louvain",    "infomap",
                                  "walktrap", "labelprop",  "fastgreedy", "spinglass"};
    clout_network_t *net = read_net("karate.graphml", false);
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        /* CPM's resolution is a density: 0.05 sits below karate's 0.139. */
        double res = strcmp(names[i], "leiden-cpm") == 0 ? 0.05 : 1;
        clout_community_opts_t o = opts_for(names[i], res, 1, 1);
        clout_partition_t p;
        detect(net, &o, &p);
        g_test_message("%s on karate: modularity %.6f, %" IGRAPH_PRId " communities", names[i],
                       p.modularity, n_communities(&p.membership));
        if (!(p.modularity > 0.3))
            g_test_fail_printf("%s: modularity %g is not above 0.3", names[i], p.modularity);
        g_assert_cmpfloat_with_epsilon(p.modularity, hand_modularity(net, &p.membership), 1e-12);
        check_canonical(&p.membership);
        clout_partition_destroy(&p);
    }
    clout_network_free(net);
}

/* The same seed gives the same partition and stabilities, for every method,
 * with one run and with a consensus of several. */
static void test_determinism(void)
{
    static const char *names[] = {"leiden",   "leiden-cpm", "louvain",    "infomap",
                                  "walktrap", "labelprop",  "fastgreedy", "spinglass"};
    clout_network_t *net = read_net("karate.graphml", false);
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        double res = strcmp(names[i], "leiden-cpm") == 0 ? 0.05 : 1;
        /* spinglass is slow (simulated annealing): fewer runs */
        int runs = strcmp(names[i], "spinglass") == 0 ? 2 : 5;
        for (int k = 0; k < 2; k++) {
            clout_community_opts_t o = opts_for(names[i], res, k ? runs : 1, 7);
            clout_partition_t a, b;
            detect(net, &o, &a);
            detect(net, &o, &b);
            g_assert_true(igraph_vector_int_all_e(&a.membership, &b.membership));
            g_assert_true(igraph_vector_all_e(&a.stability, &b.stability));
            g_assert_cmpfloat(a.modularity, ==, b.modularity);
            for (igraph_integer_t v = 0; v < 34; v++) {
                g_assert_cmpfloat(VECTOR(a.stability)[v], >=, 0);
                g_assert_cmpfloat(VECTOR(a.stability)[v], <=, 1);
            }
            check_canonical(&a.membership);
            clout_partition_destroy(&a);
            clout_partition_destroy(&b);
        }
    }
    clout_network_free(net);
}

/* ---- consensus and stability ---- */

/* Two 5-cliques a1..a5 and b1..b5 joined by the edge a5-b1: m = 21.
 * The split into the two cliques has modularity
 *   2 (10/21 - (21/42)^2) = 20/21 - 1/2 = 0.452381,
 * (each clique holds 10 edges; its strength is 2*10 + 1 = 21).  Moving any
 * vertex to the other side, splitting a clique, or merging both (Q = 0) all
 * lower it, so every Leiden run, iterated until nothing changes, returns the
 * two cliques.  Then D_ij is 1 inside a clique and 0 across: the runs already
 * agree, the consensus is the two cliques, and in every run each vertex's
 * community maps to its own consensus community: stability 1 for all. */
static void test_consensus_two_cliques(void)
{
    clout_network_t *net = read_net("two-cliques.csv", false);
    clout_community_opts_t o = opts_for("leiden", 1, 10, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    for (igraph_integer_t v = 0; v < 10; v++) {
        g_assert_cmpint(VECTOR(p.membership)[v], ==, v < 5 ? 0 : 1); /* a1 is the smaller */
        g_assert_cmpfloat(VECTOR(p.stability)[v], ==, 1.0);
    }
    g_assert_cmpfloat_with_epsilon(p.modularity, 20.0 / 21 - 0.5, 1e-12);
    g_assert_cmpint(p.runs, ==, 10);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* Stability as doc/methods.md defines it, computed here from the single runs
 * (run r of a consensus uses seed + r, the same as a lone run with that
 * seed): v is stable in run r when the consensus community sharing the most
 * members with v's community of run r (ties: the lowest label) is v's own. */
static void check_stability(const clout_network_t *net, const char *method, int runs,
                            unsigned long seed)
{
    igraph_integer_t n = igraph_vcount(&net->graph);
    clout_community_opts_t o = opts_for(method, 1, runs, seed);
    clout_partition_t cons;
    detect(net, &o, &cons);
    igraph_integer_t kc = n_communities(&cons.membership);
    int *stable = g_new0(int, n);
    bool any_unstable = false;
    for (int r = 0; r < runs; r++) {
        clout_community_opts_t o1 = opts_for(method, 1, 1, seed + (unsigned long)r);
        clout_partition_t one;
        detect(net, &o1, &one);
        for (igraph_integer_t v = 0; v < n; v++) {
            igraph_integer_t *overlap = g_new0(igraph_integer_t, kc);
            for (igraph_integer_t u = 0; u < n; u++)
                if (VECTOR(one.membership)[u] == VECTOR(one.membership)[v])
                    overlap[VECTOR(cons.membership)[u]]++;
            igraph_integer_t best = 0;
            for (igraph_integer_t c = 1; c < kc; c++)
                if (overlap[c] > overlap[best])
                    best = c;
            if (best == VECTOR(cons.membership)[v])
                stable[v]++;
            g_free(overlap);
        }
        clout_partition_destroy(&one);
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        g_assert_cmpfloat_with_epsilon(VECTOR(cons.stability)[v], (double)stable[v] / runs, 1e-12);
        any_unstable |= stable[v] < runs;
    }
    g_test_message("%s, %d runs: consensus of %" IGRAPH_PRId " communities, modularity %.6f, %s",
                   method, runs, kc, cons.modularity,
                   any_unstable ? "some vertices unstable" : "all stable");
    g_free(stable);
    clout_partition_destroy(&cons);
}

static void test_stability_definition(void)
{
    clout_network_t *karate = read_net("karate.graphml", false);
    /* Louvain's runs on karate disagree about a few vertices. */
    check_stability(karate, "louvain", 10, 1);
    check_stability(karate, "labelprop", 10, 3);
    check_stability(karate, "infomap", 4, 1);
    clout_network_free(karate);
}

/* The runs of label propagation on karate disagree, so the stabilities are
 * not all 1; the consensus still has the canonical numbering and a
 * modularity that matches its definition. */
static void test_consensus_disagreeing_runs(void)
{
    clout_network_t *net = read_net("karate.graphml", false);
    clout_community_opts_t o = opts_for("labelprop", 1, 20, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    double min = 1;
    for (igraph_integer_t v = 0; v < 34; v++)
        min = MIN(min, VECTOR(p.stability)[v]);
    g_assert_cmpfloat(min, <, 1);
    check_canonical(&p.membership);
    g_assert_cmpfloat_with_epsilon(p.modularity, hand_modularity(net, &p.membership), 1e-12);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* Spinglass needs a connected graph; the consensus graph D of the tiny
 * dataset falls into two components, which clout partitions one by one. */
static void test_consensus_spinglass_components(void)
{
    char *dir = g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
    char *input = g_strdup_printf("%s@2022", dir);
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_snapshot_opts_t so;
    clout_snapshot_opts_init(&so);
    if (clout_input_open(&net, NULL, input, &so, err))
        g_error("%s: %s", input, clout_error_message(err, 0));
    clout_community_opts_t o = opts_for("spinglass", 1, 7, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    check_canonical(&p.membership);
    /* Spinglass reaches the modularity Leiden finds on the same network. */
    clout_community_opts_t lo = opts_for("leiden", 1, 7, 1);
    clout_partition_t q;
    detect(net, &lo, &q);
    g_assert_cmpfloat(q.modularity, >, 0.2);
    g_assert_cmpfloat(p.modularity, >=, q.modularity - 1e-9);
    clout_partition_destroy(&q);
    clout_partition_destroy(&p);
    clout_network_free(net);
    clout_error_free(err);
    g_free(input);
    g_free(dir);
}

/* D is dense: the consensus refuses more than 5000 vertices, one run does not. */
static void test_consensus_too_large(void)
{
    clout_network_t *net = cl_network_new("ring");
    g_assert_cmpint(igraph_ring(&net->graph, 5001, IGRAPH_UNDIRECTED, false, true), ==, 0);
    for (igraph_integer_t v = 0; v < 5001; v++) {
        char id[16];
        g_snprintf(id, sizeof id, "r%d", (int)v);
        igraph_cattribute_VAS_set(&net->graph, "id", v, id);
    }
    clout_community_opts_t o = opts_for("leiden", 1, 2, 1);
    char *msg = detect_fails(net, &o, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(msg, "5000"));
    g_assert_nonnull(strstr(msg, "--runs 1"));
    g_free(msg);
    o.runs = 1;
    clout_partition_t p;
    detect(net, &o, &p);
    g_assert_cmpfloat(p.modularity, >, 0.9); /* a long ring falls into many arcs */
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* ---- networks of other shapes ---- */

/* a<->b, c<->d and b->c: m = 5.  For {a,b}, {c,d}:
 * directed Q = (2 + 2)/5 - (3*2 + 2*3)/25 = 0.8 - 0.48 = 0.32
 * (out-strengths 3 and 2, in-strengths 2 and 3), whereas the undirected
 * modularity of the collapsed graph would be 0.8 - (0.5^2 + 0.5^2) = 0.30. */
static void test_directed_modularity(void)
{
    clout_network_t *net = read_net("directed.csv", true);
    g_assert_true(igraph_is_directed(&net->graph));
    clout_community_opts_t o = opts_for("leiden", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    igraph_integer_t want[] = {0, 0, 1, 1};
    for (int v = 0; v < 4; v++)
        g_assert_cmpint(VECTOR(p.membership)[v], ==, want[v]);
    g_assert_cmpfloat_with_epsilon(p.modularity, 0.32, 1e-12);
    clout_partition_destroy(&p);
    /* Infomap follows the directions; it finds the same two pairs. */
    o = opts_for("infomap", 1, 1, 1);
    detect(net, &o, &p);
    for (int v = 0; v < 4; v++)
        g_assert_cmpint(VECTOR(p.membership)[v], ==, want[v]);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

static void test_spinglass_disconnected(void)
{
    clout_network_t *net = read_net("two-parts.csv", false);
    clout_community_opts_t o = opts_for("spinglass", 1, 1, 1);
    char *msg = detect_fails(net, &o, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(msg, "connected"));
    g_free(msg);
    /* The other methods take it: each triangle is a community. */
    o = opts_for("leiden", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    igraph_integer_t want[] = {0, 0, 0, 1, 1, 1};
    for (int v = 0; v < 6; v++)
        g_assert_cmpint(VECTOR(p.membership)[v], ==, want[v]);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* Two triangles with weight +1 inside and -1 edges between them.  Spinglass
 * (Traag & Bruggeman's signed model) separates them; modularity is not
 * defined for signed weights (NaN).  Every other method refuses the data. */
static void test_signed(void)
{
    clout_network_t *net = read_net("signed.csv", false);
    clout_community_opts_t o = opts_for("spinglass", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    igraph_integer_t want[] = {0, 0, 0, 1, 1, 1};
    for (int v = 0; v < 6; v++)
        g_assert_cmpint(VECTOR(p.membership)[v], ==, want[v]);
    g_assert_true(isnan(p.modularity));
    clout_partition_destroy(&p);
    o = opts_for("louvain", 1, 1, 1);
    char *msg = detect_fails(net, &o, CLOUT_EDATA);
    g_assert_nonnull(strstr(msg, "signed.csv"));
    g_assert_nonnull(strstr(msg, "weight -1"));
    g_free(msg);
    clout_network_free(net);
}

/* No edges: every vertex alone, modularity undefined; no vertices: empty. */
static void test_edgeless(void)
{
    clout_network_t *net = cl_network_new("edgeless");
    g_assert_cmpint(igraph_empty(&net->graph, 3, IGRAPH_UNDIRECTED), ==, 0);
    for (igraph_integer_t v = 0; v < 3; v++)
        igraph_cattribute_VAS_set(&net->graph, "id", v, v == 0 ? "x" : v == 1 ? "y" : "z");
    static const char *names[] = {"leiden", "infomap", "walktrap", "fastgreedy"};
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        clout_community_opts_t o = opts_for(names[i], 1, 3, 1);
        clout_partition_t p;
        detect(net, &o, &p);
        for (igraph_integer_t v = 0; v < 3; v++) {
            g_assert_cmpint(VECTOR(p.membership)[v], ==, v);
            g_assert_cmpfloat(VECTOR(p.stability)[v], ==, 1);
        }
        g_assert_true(isnan(p.modularity));
        clout_partition_destroy(&p);
    }
    clout_network_free(net);

    net = cl_network_new("empty");
    g_assert_cmpint(igraph_empty(&net->graph, 0, IGRAPH_UNDIRECTED), ==, 0);
    clout_community_opts_t o = opts_for("leiden", 1, 2, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    g_assert_true(isnan(p.modularity));
    clout_partition_destroy(&p);
    clout_network_free(net);
}

static void test_bad_options(void)
{
    clout_network_t *net = read_net("six.csv", false);
    clout_community_opts_t o = opts_for("leiden", 1, 0, 1);
    g_free(detect_fails(net, &o, CLOUT_EUSAGE));
    o = opts_for("louvain", 0, 1, 1);
    g_free(detect_fails(net, &o, CLOUT_EUSAGE));
    o = opts_for("leiden", NAN, 1, 1);
    g_free(detect_fails(net, &o, CLOUT_EUSAGE));
    o = opts_for("leiden", 1, 1, 1);
    o.tolerance = NAN;
    g_free(detect_fails(net, &o, CLOUT_EUSAGE));
    o.method = (clout_cmethod_t)42;
    g_free(detect_fails(net, &o, CLOUT_EUSAGE));
    /* Methods without a resolution ignore it. */
    o = opts_for("walktrap", 0, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

static void test_destroy_zeroed(void)
{
    clout_partition_t p;
    memset(&p, 0, sizeof p);
    clout_partition_destroy(&p);
    clout_partition_destroy(&p);
    clout_partition_destroy(NULL);
}

/* ---- comparing partitions ---- */

static void compare_ok(const igraph_integer_t *a, const igraph_integer_t *b, int n,
                       clout_partition_distance_t *d)
{
    igraph_vector_int_t va = {0}, vb = {0};
    igraph_vector_int_view(&va, a, n);
    igraph_vector_int_view(&vb, b, n);
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_partition_compare(&va, &vb, d, err);
    if (st)
        g_error("compare: %s", clout_error_message(err, 0));
    clout_error_free(err);
}

static void test_compare_identical(void)
{
    igraph_integer_t a[] = {0, 0, 1, 1, 2, 2, 2};
    igraph_integer_t relabelled[] = {5, 5, 0, 0, 3, 3, 3};
    clout_partition_distance_t d;
    for (int k = 0; k < 2; k++) {
        compare_ok(a, k ? relabelled : a, 7, &d);
        g_assert_cmpfloat_with_epsilon(d.nmi, 1, 1e-12);
        g_assert_cmpfloat_with_epsilon(d.vi, 0, 1e-12);
        g_assert_cmpfloat_with_epsilon(d.ari, 1, 1e-12);
        g_assert_cmpint(d.split_join_a, ==, 0);
        g_assert_cmpint(d.split_join_b, ==, 0);
    }
}

/* A = {0,0,0,1,1,1}, B = {0,0,1,1,2,2} on n = 6 vertices, by hand.
 *
 * Contingency table n_ij (rows A, columns B) and margins:
 *            B0  B1  B2 | a_i
 *     A0      2   1   0 |  3
 *     A1      0   1   2 |  3
 *     b_j     2   2   2 |  6
 *
 * Entropies (natural log, as igraph):
 *   H(A) = -2 (3/6) ln(3/6) = ln 2                       = 0.693147
 *   H(B) = -3 (2/6) ln(2/6) = ln 3                       = 1.098612
 * Mutual information I = sum p_ij ln(p_ij / (p_i p_j)), p_i = a_i/6, p_j = b_j/6:
 *   (A0,B0): 2/6 ln((2/6) / (3/6 * 2/6)) = (1/3) ln 2
 *   (A0,B1): 1/6 ln((1/6) / (3/6 * 2/6)) = (1/6) ln 1 = 0
 *   (A1,B1): 0;  (A1,B2): (1/3) ln 2;  empty cells: 0
 *   I = (2/3) ln 2                                       = 0.462098
 * NMI (Danon et al. 2005) = 2 I / (H(A) + H(B)) = (4/3) ln 2 / ln 6 = 0.515804
 * VI (Meila 2007) = H(A) + H(B) - 2 I = ln 3 - (1/3) ln 2     = 0.867563
 * ARI (Hubert & Arabie 1985), with C(x) = x(x-1)/2:
 *   index    = sum_ij C(n_ij) = C(2) + C(1) + C(1) + C(2) = 1 + 0 + 0 + 1 = 2
 *   sum_i C(a_i) = 3 + 3 = 6;  sum_j C(b_j) = 1 + 1 + 1 = 3;  C(6) = 15
 *   expected = 6 * 3 / 15 = 1.2;  max = (6 + 3) / 2 = 4.5
 *   ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3               = 0.242424
 * Split-join (van Dongen 2000): the projection distance of A from B is
 *   sum_i (a_i - max_j n_ij) = (3 - 2) + (3 - 2) = 2, of B from A
 *   sum_j (b_j - max_i n_ij) = (2 - 2) + (2 - 1) + (2 - 2) = 1.
 * In plain Python: from math import log; (4/3*log(2))/log(6) -> 0.5158037429793888,
 * log(3)-log(2)/3 -> 0.8675632284814612, 0.8/3.3 -> 0.24242424242424243. */
static void test_compare_hand(void)
{
    igraph_integer_t a[] = {0, 0, 0, 1, 1, 1};
    igraph_integer_t b[] = {0, 0, 1, 1, 2, 2};
    clout_partition_distance_t d;
    compare_ok(a, b, 6, &d);
    g_assert_cmpfloat_with_epsilon(d.nmi, (4.0 / 3 * log(2)) / log(6), 1e-12);
    g_assert_cmpfloat_with_epsilon(d.nmi, 0.515803742979389, 1e-12);
    g_assert_cmpfloat_with_epsilon(d.vi, log(3) - log(2) / 3, 1e-12);
    g_assert_cmpfloat_with_epsilon(d.vi, 0.867563228481461, 1e-12);
    g_assert_cmpfloat_with_epsilon(d.ari, 0.8 / 3.3, 1e-12);
    g_assert_cmpint(d.split_join_a, ==, 2);
    g_assert_cmpint(d.split_join_b, ==, 1);
    /* NMI, VI and ARI are symmetric; the split-join pair swaps. */
    clout_partition_distance_t r;
    compare_ok(b, a, 6, &r);
    g_assert_cmpfloat_with_epsilon(r.nmi, d.nmi, 1e-12);
    g_assert_cmpfloat_with_epsilon(r.vi, d.vi, 1e-12);
    g_assert_cmpfloat_with_epsilon(r.ari, d.ari, 1e-12);
    g_assert_cmpint(r.split_join_a, ==, 1);
    g_assert_cmpint(r.split_join_b, ==, 2);
}

static void test_compare_bad(void)
{
    igraph_vector_int_t a = {0}, b = {0};
    igraph_integer_t x[] = {0, 1, 1}, y[] = {0, 1};
    igraph_vector_int_view(&a, x, 3);
    igraph_vector_int_view(&b, y, 2);
    clout_error_t *err = clout_error_new(0);
    clout_partition_distance_t d;
    g_assert_cmpint(clout_partition_compare(&a, &b, &d, err), ==, CLOUT_EUSAGE);
    clout_error_free(err);
    /* One vertex: NMI 1 and VI 0, but no pairs for the Rand index. */
    err = clout_error_new(0);
    igraph_vector_int_view(&b, x, 1);
    g_assert_cmpint(clout_partition_compare(&b, &b, &d, err), ==, CLOUT_OK);
    g_assert_cmpfloat_with_epsilon(d.vi, 0, 1e-12);
    g_assert_true(isnan(d.ari));
    clout_error_free(err);
}

/* ---- tables and --compare files ---- */

static double summary_num(const clout_table_t *t, const char *col)
{
    for (int c = 0; c < clout_table_n_cols(t); c++)
        if (strcmp(clout_table_column_name(t, c), col) == 0)
            return clout_table_get_num(t, 0, c);
    g_error("no column %s in summary", col);
    return NAN;
}

/* The hand computation of test_compare_hand, end to end: six.csv is two
 * triangles v0v1v2, v3v4v5 joined by v2-v3, so Leiden finds A, and
 * six-b.csv holds B.  modularity = 2 (3/7 - (7/14)^2) = 6/7 - 1/2. */
static void test_tables_compare(void)
{
    clout_network_t *net = read_net("six.csv", false);
    clout_community_opts_t o = opts_for("leiden", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    char *cmp = data_path("six-b.csv");
    clout_error_t *err = clout_error_new(0);
    clout_table_t *members = NULL, *summary = NULL;
    clout_status_t st = clout_partition_tables(net, &p, &members, &summary, &o, cmp, err);
    if (st)
        g_error("tables: %s", clout_error_message(err, 0));
    g_assert_cmpstr(clout_table_name(members), ==, "communities");
    g_assert_cmpint(clout_table_n_cols(members), ==, 4);
    static const char *mcols[] = {"id", "name", "community", "stability"};
    for (int c = 0; c < 4; c++)
        g_assert_cmpstr(clout_table_column_name(members, c), ==, mcols[c]);
    g_assert_cmpint(clout_table_n_rows(members), ==, 6);
    for (int r = 0; r < 6; r++) {
        char id[4];
        g_snprintf(id, sizeof id, "v%d", r);
        g_assert_cmpstr(clout_table_get_str(members, r, 0), ==, id);
        g_assert_cmpfloat(clout_table_get_num(members, r, 2), ==, r < 3 ? 0 : 1);
        g_assert_cmpfloat(clout_table_get_num(members, r, 3), ==, 1);
    }
    g_assert_cmpstr(clout_table_name(summary), ==, "summary");
    static const char *scols[] = {"method", "resolution", "runs", "communities",  "modularity",
                                  "nmi",    "vi",         "ari",  "split_join_a", "split_join_b"};
    g_assert_cmpint(clout_table_n_cols(summary), ==, 10);
    for (int c = 0; c < 10; c++)
        g_assert_cmpstr(clout_table_column_name(summary, c), ==, scols[c]);
    g_assert_cmpstr(clout_table_get_str(summary, 0, 0), ==, "leiden");
    g_assert_cmpfloat(summary_num(summary, "resolution"), ==, 1);
    g_assert_cmpfloat(summary_num(summary, "runs"), ==, 1);
    g_assert_cmpfloat(summary_num(summary, "communities"), ==, 2);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "modularity"), 6.0 / 7 - 0.5, 1e-12);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "nmi"), 0.515803742979389, 1e-12);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "vi"), 0.867563228481461, 1e-12);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "ari"), 0.242424242424242, 1e-12);
    g_assert_cmpfloat(summary_num(summary, "split_join_a"), ==, 2);
    g_assert_cmpfloat(summary_num(summary, "split_join_b"), ==, 1);
    clout_table_free(members);
    clout_table_free(summary);

    /* Without --compare: five columns; a method without a resolution leaves it empty. */
    clout_partition_destroy(&p);
    o = opts_for("walktrap", 1, 1, 1);
    detect(net, &o, &p);
    st = clout_partition_tables(net, &p, &members, &summary, &o, NULL, err);
    g_assert_cmpint(st, ==, CLOUT_OK);
    g_assert_cmpint(clout_table_n_cols(summary), ==, 5);
    g_assert_cmpstr(clout_table_get_str(summary, 0, 0), ==, "walktrap");
    g_assert_true(isnan(summary_num(summary, "resolution")));
    clout_table_free(members);
    clout_table_free(summary);
    clout_partition_destroy(&p);
    clout_error_free(err);
    g_free(cmp);
    clout_network_free(net);
}

/* Feeding the communities table back (as clout writes it) gives NMI 1. */
static void test_tables_roundtrip(void)
{
    clout_network_t *net = read_net("karate.graphml", false);
    clout_community_opts_t o = opts_for("louvain", 1, 3, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    clout_error_t *err = clout_error_new(0);
    clout_table_t *members, *summary;
    g_assert_cmpint(clout_partition_tables(net, &p, &members, &summary, &o, NULL, err), ==, 0);
    char *path = NULL;
    int fd = g_file_open_tmp("clout-communities-XXXXXX.csv", &path, NULL);
    g_assert_cmpint(fd, >=, 0);
    FILE *f = fdopen(fd, "w");
    g_assert_cmpint(clout_tables_write(&members, 1, f, CLOUT_FMT_CSV, err), ==, 0);
    fclose(f);
    clout_table_free(members);
    clout_table_free(summary);
    g_assert_cmpint(clout_partition_tables(net, &p, &members, &summary, &o, path, err), ==, 0);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "nmi"), 1, 1e-12);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "vi"), 0, 1e-12);
    g_assert_cmpfloat_with_epsilon(summary_num(summary, "ari"), 1, 1e-12);
    g_assert_cmpfloat(summary_num(summary, "split_join_a"), ==, 0);
    clout_table_free(members);
    clout_table_free(summary);
    g_remove(path);
    g_free(path);
    clout_error_free(err);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

/* A bad --compare file: CLOUT_EDATA naming file:line(:col). */
static void compare_file_fails(const char *name, const char *where, const char *what)
{
    clout_network_t *net = read_net("six.csv", false);
    clout_community_opts_t o = opts_for("leiden", 1, 1, 1);
    clout_partition_t p;
    detect(net, &o, &p);
    char *path = data_path(name);
    clout_error_t *err = clout_error_new(0);
    clout_table_t *members = (clout_table_t *)&err, *summary = (clout_table_t *)&err;
    clout_status_t st = clout_partition_tables(net, &p, &members, &summary, &o, path, err);
    g_assert_cmpint(st, ==, CLOUT_EDATA);
    g_assert_null(members);
    g_assert_null(summary);
    const char *msg = clout_error_message(err, 0);
    char *want = *where ? g_strdup_printf("%s:%s: ", path, where) : g_strdup_printf("%s: ", path);
    if (!g_str_has_prefix(msg, want) || !strstr(msg, what))
        g_test_fail_printf("%s: got '%s', want '%s...%s'", name, msg, want, what);
    g_free(want);
    g_free(path);
    clout_error_free(err);
    clout_partition_destroy(&p);
    clout_network_free(net);
}

static void test_compare_file_missing(void)
{
    /* No row for v3: reported at the header's id column. */
    compare_file_fails("six-missing.csv", "1:1", "no row for 'v3'");
}

static void test_compare_file_bad(void)
{
    compare_file_fails("six-duplicate.csv", "6:1", "'v2' appears twice (first on line 4)");
    compare_file_fails("six-unknown.csv", "6:1", "'v9' is not a vertex");
    compare_file_fails("six-noninteger.csv", "3:4", "'0.5' is not an integer");
    compare_file_fails("six-noheader.csv", "1", "no column 'id'");
    compare_file_fails("no-such-file.csv", "", "cannot open");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    clout_init();
    g_test_add_func("/communities/method-names", test_method_names);
    g_test_add_func("/communities/karate/leiden", test_karate_leiden);
    g_test_add_func("/communities/karate/leiden-tolerance", test_leiden_tolerance);
    g_test_add_func("/communities/karate/louvain", test_karate_louvain);
    g_test_add_func("/communities/karate/every-method", test_karate_every_method);
    g_test_add_func("/communities/determinism", test_determinism);
    g_test_add_func("/communities/consensus/two-cliques", test_consensus_two_cliques);
    g_test_add_func("/communities/consensus/stability-definition", test_stability_definition);
    g_test_add_func("/communities/consensus/disagreeing-runs", test_consensus_disagreeing_runs);
    g_test_add_func("/communities/consensus/spinglass-components",
                    test_consensus_spinglass_components);
    g_test_add_func("/communities/consensus/too-large", test_consensus_too_large);
    g_test_add_func("/communities/directed-modularity", test_directed_modularity);
    g_test_add_func("/communities/spinglass/disconnected", test_spinglass_disconnected);
    g_test_add_func("/communities/spinglass/signed", test_signed);
    g_test_add_func("/communities/edgeless", test_edgeless);
    g_test_add_func("/communities/bad-options", test_bad_options);
    g_test_add_func("/communities/destroy-zeroed", test_destroy_zeroed);
    g_test_add_func("/communities/compare/identical", test_compare_identical);
    g_test_add_func("/communities/compare/hand", test_compare_hand);
    g_test_add_func("/communities/compare/bad", test_compare_bad);
    g_test_add_func("/communities/tables/compare", test_tables_compare);
    g_test_add_func("/communities/tables/roundtrip", test_tables_roundtrip);
    g_test_add_func("/communities/compare-file/missing", test_compare_file_missing);
    g_test_add_func("/communities/compare-file/bad", test_compare_file_bad);
    return g_test_run();
}
