/* communities.c: community detection, consensus over seeded runs, stability, comparison. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The choices doc/methods.md ("Communities") documents; change both together. */
#define CONSENSUS_MAX_VERTICES 5000 /* D is dense: O(n^2) time and, at worst, memory */
#define CONSENSUS_MAX_ROUNDS 10
#define LEIDEN_BETA 0.01
#define LEIDEN_MAX_ITERATIONS 1000
#define INFOMAP_TRIALS 10
#define WALKTRAP_STEPS 4
#define SPINGLASS_SPINS 25
#define LABELPROP_BITS 30 /* see run_once */

static const char *const method_names[] = {"leiden",     "leiden-cpm", "louvain",
                                           "infomap",    "walktrap",   "labelprop",
                                           "fastgreedy", "spinglass",  NULL};

int clout_cmethod_from_name(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; method_names[i]; i++)
        if (strcmp(name, method_names[i]) == 0)
            return i;
    return -1;
}

static bool uses_resolution(clout_cmethod_t m)
{
    return m == CLOUT_CM_LEIDEN || m == CLOUT_CM_LEIDEN_CPM || m == CLOUT_CM_LOUVAIN ||
           m == CLOUT_CM_SPINGLASS;
}

/* ---- partitions as label vectors ---- */

/* Relabels memb in place: communities 0..k-1 by decreasing size, ties by
 * smallest vertex index.  Any non-negative labels are accepted.  Returns k. */
static igraph_integer_t relabel(igraph_vector_int_t *memb)
{
    igraph_integer_t n = igraph_vector_int_size(memb);
    if (n == 0)
        return 0;
    igraph_integer_t max = igraph_vector_int_max(memb);
    igraph_integer_t *seen = g_new(igraph_integer_t, max + 1);
    for (igraph_integer_t i = 0; i <= max; i++)
        seen[i] = -1;
    igraph_integer_t *size = g_new0(igraph_integer_t, n);
    igraph_integer_t k = 0;
    /* First by order of first appearance, which is the order of the smallest member. */
    for (igraph_integer_t v = 0; v < n; v++) {
        igraph_integer_t old = VECTOR(*memb)[v];
        if (seen[old] < 0)
            seen[old] = k++;
        VECTOR(*memb)[v] = seen[old];
        size[seen[old]]++;
    }
    /* Then a stable counting sort by size, largest first. */
    igraph_integer_t *count = g_new0(igraph_integer_t, n + 2);
    for (igraph_integer_t c = 0; c < k; c++)
        count[n - size[c] + 1]++;
    for (igraph_integer_t s = 1; s <= n + 1; s++)
        count[s] += count[s - 1];
    igraph_integer_t *rank = g_new(igraph_integer_t, k);
    for (igraph_integer_t c = 0; c < k; c++)
        rank[c] = count[n - size[c]]++;
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*memb)[v] = rank[VECTOR(*memb)[v]];
    g_free(rank);
    g_free(count);
    g_free(size);
    g_free(seen);
    return k;
}

/* ---- the network a method runs on ---- */

/* A graph with a numeric "weight" edge attribute and the same weights in w.
 * Every method but Infomap sees the network with edge directions dropped and
 * the weights of the ties between one pair summed (igraph_to_undirected with
 * IGRAPH_TO_UNDIRECTED_COLLAPSE); Infomap's map equation follows directions. */
typedef struct {
    igraph_t g;
    igraph_vector_t w;
} wgraph_t;

static void wgraph_destroy(wgraph_t *wg)
{
    igraph_destroy(&wg->g);
    igraph_vector_destroy(&wg->w);
}

/* The "weight" of every edge (1 where the network has none) into w, resized:
 * one attribute lookup, not one per edge (1 M edges: 3 M lookups by name). */
static igraph_error_t edge_weights(const igraph_t *g, igraph_vector_t *w)
{
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        return igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), w);
    IGRAPH_CHECK(igraph_vector_resize(w, igraph_ecount(g)));
    igraph_vector_fill(w, 1.0);
    return IGRAPH_SUCCESS;
}

static igraph_error_t wgraph_from_network(wgraph_t *wg, const clout_network_t *net, bool collapse)
{
    const igraph_t *src = &net->graph;
    igraph_integer_t m = igraph_ecount(src);
    igraph_vector_int_t el;
    IGRAPH_CHECK(igraph_vector_int_init(&el, 0));
    igraph_error_t e = igraph_get_edgelist(src, &el, false);
    if (!e)
        e = igraph_create(&wg->g, &el, igraph_vcount(src), igraph_is_directed(src));
    igraph_vector_int_destroy(&el);
    if (e)
        return e;
    e = igraph_vector_init(&wg->w, m);
    if (e) {
        igraph_destroy(&wg->g);
        return e;
    }
    e = edge_weights(src, &wg->w);
    if (!e)
        e = igraph_cattribute_EAN_setv(&wg->g, "weight", &wg->w);
    bool directed = igraph_is_directed(&wg->g);
    igraph_bool_t multiple = false;
    if (!e && collapse && !directed)
        e = igraph_has_multiple(&wg->g, &multiple);
    if (!e && collapse && (directed || multiple)) {
        igraph_attribute_combination_t comb;
        e = igraph_attribute_combination(&comb, "weight", IGRAPH_ATTRIBUTE_COMBINE_SUM,
                                         IGRAPH_NO_MORE_ATTRIBUTES);
        if (!e) {
            /* Loops stay: they count in the modularity of the network as given. */
            e = directed ? igraph_to_undirected(&wg->g, IGRAPH_TO_UNDIRECTED_COLLAPSE, &comb)
                         : igraph_simplify(&wg->g, true, false, &comb);
            igraph_attribute_combination_destroy(&comb);
        }
        if (!e)
            e = igraph_cattribute_EANV(&wg->g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID),
                                       &wg->w);
    }
    if (e)
        wgraph_destroy(wg);
    return e;
}

/* ---- one run of one method ---- */

/* Whether two memberships are the same partition (labels may differ). */
static igraph_error_t same_partition(const igraph_vector_int_t *x, const igraph_vector_int_t *y,
                                     bool *same)
{
    igraph_vector_int_t a, b;
    *same = false;
    IGRAPH_CHECK(igraph_vector_int_init_copy(&a, x));
    igraph_error_t e = igraph_vector_int_init_copy(&b, y);
    if (!e) {
        relabel(&a);
        relabel(&b);
        *same = igraph_vector_int_all_e(&a, &b);
        igraph_vector_int_destroy(&b);
    }
    igraph_vector_int_destroy(&a);
    return e;
}

/* tolerance > 0: also stop when an iteration gains less quality than that. */
static igraph_error_t run_leiden(const igraph_t *g, const igraph_vector_t *w, bool modularity,
                                 double resolution, double tolerance, igraph_vector_int_t *memb)
{
    igraph_vector_t strength;
    igraph_vector_int_t prev;
    const igraph_vector_t *node_weights = NULL;
    double gamma = resolution;
    IGRAPH_CHECK(igraph_vector_init(&strength, 0));
    igraph_error_t e = igraph_vector_int_init(&prev, 0);
    if (e) {
        igraph_vector_destroy(&strength);
        return e;
    }
    if (modularity) {
        /* igraph's Leiden optimises sum_ij (A_ij - gamma n_i n_j) d(s_i, s_j): with
         * n_i the strength of i and gamma = resolution / 2m this is modularity
         * (igraph 0.10 documentation of igraph_community_leiden). */
        e = igraph_strength(g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
        node_weights = &strength;
        gamma = resolution / (2.0 * igraph_vector_sum(w));
    }
    /* n_iterations < 0 should iterate until an iteration changes nothing, but
     * igraph 0.10.2 stops after the first iteration that does change something
     * (igraph issue #2798, fixed in 2025).  So iterate here, one at a time.
     * The quality igraph reports is that objective divided by 2m: modularity
     * itself for modularity, so the tolerance is in modularity units.  Late
     * iterations move a few vertices for gains of 1e-5 and less (doc/
     * methods.md, "Communities"), and on large graphs each costs as much as
     * the first. */
    igraph_real_t q = 0, q_prev = 0;
    if (!e)
        e = igraph_community_leiden(g, w, node_weights, gamma, LEIDEN_BETA, false, 1, memb, NULL,
                                    &q);
    for (int it = 0; !e && it < LEIDEN_MAX_ITERATIONS; it++) {
        q_prev = q;
        e = igraph_vector_int_update(&prev, memb);
        if (!e)
            e = igraph_community_leiden(g, w, node_weights, gamma, LEIDEN_BETA, true, 1, memb, NULL,
                                        &q);
        bool same = false;
        if (!e)
            e = same_partition(&prev, memb, &same);
        /* The last partition stands even when its gain is small: it is the
         * best one seen (Leiden never lowers the quality from a start). */
        if (e || same || (tolerance > 0 && q - q_prev < tolerance))
            break;
    }
    igraph_vector_int_destroy(&prev);
    igraph_vector_destroy(&strength);
    return e;
}

/* Runs method once on g with weights w (positive, except for spinglass);
 * memb receives labels, not yet in clout's order.  The caller seeds the RNG. */
static igraph_error_t run_once(const igraph_t *g, const igraph_vector_t *w, clout_cmethod_t method,
                               double resolution, double tolerance, igraph_vector_int_t *memb)
{
    igraph_integer_t n = igraph_vcount(g);
    if (igraph_ecount(g) == 0) /* nothing joins anyone: every vertex alone */
        return igraph_vector_int_range(memb, 0, n);
    igraph_error_t e = IGRAPH_SUCCESS;
    igraph_matrix_int_t merges;
    igraph_vector_t q;
    switch (method) {
    case CLOUT_CM_LEIDEN:
    case CLOUT_CM_LEIDEN_CPM:
        return run_leiden(g, w, method == CLOUT_CM_LEIDEN, resolution, tolerance, memb);
    case CLOUT_CM_LOUVAIN: return igraph_community_multilevel(g, w, resolution, memb, NULL, NULL);
    case CLOUT_CM_INFOMAP: {
        igraph_real_t codelength;
        return igraph_community_infomap(g, w, NULL, INFOMAP_TRIALS, memb, &codelength);
    }
    case CLOUT_CM_LABELPROP: {
        /* igraph 0.10.2 adds each weight to an integer counter, so weights
         * below 1 count as 0 and 0.85 + 0.85 as 0.  Scaled by a power of two
         * that puts the largest weight near 2^30, integer weights stay exact
         * and others lose less than 2^-30 of the largest per edge. */
        int exp2;
        frexp(igraph_vector_max(w), &exp2);
        igraph_vector_t scaled;
        IGRAPH_CHECK(igraph_vector_init_copy(&scaled, w));
        for (igraph_integer_t i = 0; i < igraph_vector_size(&scaled); i++)
            VECTOR(scaled)[i] = ldexp(VECTOR(scaled)[i], LABELPROP_BITS - exp2);
        e = igraph_community_label_propagation(g, memb, IGRAPH_ALL, &scaled, NULL, NULL);
        igraph_vector_destroy(&scaled);
        return e;
    }
    case CLOUT_CM_WALKTRAP:
    case CLOUT_CM_FASTGREEDY:
        /* Both build a dendrogram; with membership given, igraph cuts it where
         * modularity is highest. */
        IGRAPH_CHECK(igraph_matrix_int_init(&merges, 0, 0));
        e = igraph_vector_init(&q, 0);
        if (!e) {
            e = method == CLOUT_CM_WALKTRAP
                    ? igraph_community_walktrap(g, w, WALKTRAP_STEPS, &merges, &q, memb)
                    : igraph_community_fastgreedy(g, w, &merges, &q, memb);
            igraph_vector_destroy(&q);
        }
        igraph_matrix_int_destroy(&merges);
        return e;
    case CLOUT_CM_SPINGLASS: {
        igraph_real_t modularity, temperature;
        bool negative = igraph_vector_size(w) > 0 && igraph_vector_min(w) < 0;
        return igraph_community_spinglass(
            g, w, &modularity, &temperature, memb, NULL, SPINGLASS_SPINS, false, 1.0, 0.01, 0.99,
            IGRAPH_SPINCOMM_UPDATE_CONFIG, resolution,
            negative ? IGRAPH_SPINCOMM_IMP_NEG : IGRAPH_SPINCOMM_IMP_ORIG, 1.0);
    }
    }
    return IGRAPH_EINVAL;
}

/* Spinglass needs a connected graph; the consensus graph D need not be one,
 * so there it runs on each component (a community never spans two). */
static clout_status_t run_by_component(const igraph_t *g, clout_cmethod_t method, double resolution,
                                       double tolerance, igraph_vector_int_t *memb,
                                       clout_error_t *err)
{
    const char *what = method_names[method];
    clout_status_t st = CLOUT_OK;
    igraph_integer_t n = igraph_vcount(g), nc = 0;
    igraph_vector_int_t comp = {0}, csize = {0}, verts = {0}, invmap = {0}, sm = {0};
    igraph_vector_t sw = {0};
    igraph_t sub;
    bool have_sub = false;
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&comp, 0), what);
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&csize, 0), what);
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&verts, 0), what);
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&invmap, 0), what);
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&sm, 0), what);
    CLOUT_IGRAPH_TRY(igraph_vector_init(&sw, 0), what);
    CLOUT_IGRAPH_TRY(igraph_connected_components(g, &comp, &csize, &nc, IGRAPH_WEAK), what);
    CLOUT_IGRAPH_TRY(igraph_vector_int_resize(memb, n), what);
    igraph_integer_t next = 0; /* first unused label */
    for (igraph_integer_t c = 0; c < nc; c++) {
        igraph_vector_int_clear(&verts);
        for (igraph_integer_t v = 0; v < n; v++)
            if (VECTOR(comp)[v] == c)
                CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&verts, v), what);
        if (VECTOR(csize)[c] == 1) {
            VECTOR(*memb)[VECTOR(verts)[0]] = next++;
            continue;
        }
        CLOUT_IGRAPH_TRY(igraph_induced_subgraph_map(g, &sub, igraph_vss_vector(&verts),
                                                     IGRAPH_SUBGRAPH_AUTO, NULL, &invmap),
                         what);
        have_sub = true;
        CLOUT_IGRAPH_TRY(
            igraph_cattribute_EANV(&sub, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &sw), what);
        CLOUT_IGRAPH_TRY(run_once(&sub, &sw, method, resolution, tolerance, &sm), what);
        igraph_integer_t k = relabel(&sm);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&sm); i++)
            VECTOR(*memb)[VECTOR(invmap)[i]] = next + VECTOR(sm)[i];
        next += k;
        igraph_destroy(&sub);
        have_sub = false;
    }
out:
    if (have_sub)
        igraph_destroy(&sub);
    igraph_vector_destroy(&sw);
    igraph_vector_int_destroy(&sm);
    igraph_vector_int_destroy(&invmap);
    igraph_vector_int_destroy(&verts);
    igraph_vector_int_destroy(&csize);
    igraph_vector_int_destroy(&comp);
    return st;
}

/* ---- consensus (Lancichinetti & Fortunato 2012) ---- */

/* Partitions of n vertices from k runs, as labels in clout's order:
 * lab[v * k + r] is the community of v in run r (the pairs loop reads rows). */
typedef struct {
    gint32 *lab;
    int k;
    igraph_integer_t n;
} runs_t;

static bool runs_agree(const runs_t *R)
{
    for (igraph_integer_t v = 0; v < R->n; v++)
        for (int r = 1; r < R->k; r++)
            if (R->lab[v * R->k + r] != R->lab[v * R->k])
                return false;
    return true;
}

/* Runs method k times on g with seeds seed, seed+1, ...; into R.  The
 * methods draw from igraph's default generator, which each run seeds. */
static clout_status_t run_many(const igraph_t *g, const igraph_vector_t *w, clout_cmethod_t method,
                               double resolution, double tolerance, bool by_component,
                               unsigned long seed, runs_t *R, clout_error_t *err)
{
    const char *what = method_names[method];
    clout_status_t st = CLOUT_OK;
    igraph_vector_int_t memb = {0};
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&memb, 0), what);
    for (int r = 0; r < R->k; r++) {
        CLOUT_IGRAPH_TRY(
            igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)(seed + (unsigned long)r)), what);
        if (by_component) {
            st = run_by_component(g, method, resolution, tolerance, &memb, err);
            if (st)
                goto out;
        } else {
            CLOUT_IGRAPH_TRY(run_once(g, w, method, resolution, tolerance, &memb), what);
        }
        relabel(&memb);
        for (igraph_integer_t v = 0; v < R->n; v++)
            R->lab[v * R->k + r] = (gint32)VECTOR(memb)[v];
    }
out:
    igraph_vector_int_destroy(&memb);
    return st;
}

/* The co-classification graph: an edge i-j of weight D_ij, the share of runs
 * that put i and j together, wherever D_ij >= 1/2. */
static igraph_error_t consensus_graph(const runs_t *R, igraph_t *d, igraph_vector_t *dw)
{
    igraph_vector_int_t el;
    IGRAPH_CHECK(igraph_vector_int_init(&el, 0));
    igraph_vector_clear(dw);
    igraph_error_t e = IGRAPH_SUCCESS;
    int k = R->k;
    for (igraph_integer_t i = 0; i < R->n && !e; i++) {
        const gint32 *a = R->lab + i * k;
        for (igraph_integer_t j = i + 1; j < R->n && !e; j++) {
            const gint32 *b = R->lab + j * k;
            int same = 0;
            for (int r = 0; r < k; r++)
                same += a[r] == b[r];
            if (2 * same >= k) { /* tau = 0.5, exactly, in integers */
                e = igraph_vector_int_push_back(&el, i);
                if (!e)
                    e = igraph_vector_int_push_back(&el, j);
                if (!e)
                    e = igraph_vector_push_back(dw, (double)same / k);
            }
        }
    }
    if (!e)
        e = igraph_create(d, &el, R->n, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&el);
    if (!e) {
        e = igraph_cattribute_EAN_setv(d, "weight", dw);
        if (e)
            igraph_destroy(d);
    }
    return e;
}

/* Stability of v: the share of runs in which v's community, mapped to the
 * consensus community that holds most of its members (ties: the lowest
 * consensus label), is v's consensus community. */
static void stability(const runs_t *R, const igraph_vector_int_t *cons, igraph_integer_t kc,
                      igraph_vector_t *stab)
{
    igraph_integer_t n = R->n;
    int *hits = g_new0(int, n);
    igraph_integer_t *cnt = g_new0(igraph_integer_t, kc > 0 ? kc : 1);
    igraph_integer_t *start = g_new(igraph_integer_t, n + 1);
    igraph_integer_t *order = g_new(igraph_integer_t, n > 0 ? n : 1);
    for (int r = 0; r < R->k; r++) {
        /* Vertices grouped by their community in run r (counting sort). */
        memset(start, 0, sizeof *start * (size_t)(n + 1));
        for (igraph_integer_t v = 0; v < n; v++)
            start[R->lab[v * R->k + r] + 1]++;
        for (igraph_integer_t c = 0; c < n; c++)
            start[c + 1] += start[c];
        for (igraph_integer_t v = 0; v < n; v++)
            order[start[R->lab[v * R->k + r]]++] = v;
        igraph_integer_t lo = 0;
        while (lo < n) {
            igraph_integer_t x = R->lab[order[lo] * R->k + r], hi = lo;
            while (hi < n && R->lab[order[hi] * R->k + r] == x)
                hi++;
            igraph_integer_t best = -1;
            for (igraph_integer_t i = lo; i < hi; i++) {
                igraph_integer_t c = VECTOR(*cons)[order[i]];
                cnt[c]++;
                if (best < 0 || cnt[c] > cnt[best] || (cnt[c] == cnt[best] && c < best))
                    best = c;
            }
            for (igraph_integer_t i = lo; i < hi; i++) {
                igraph_integer_t c = VECTOR(*cons)[order[i]];
                if (c == best)
                    hits[order[i]]++;
                cnt[c] = 0;
            }
            lo = hi;
        }
    }
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(*stab)[v] = (double)hits[v] / R->k;
    g_free(order);
    g_free(start);
    g_free(cnt);
    g_free(hits);
}

/* ---- the entry point ---- */

static clout_status_t check_input(const clout_network_t *net, const clout_community_opts_t *opts,
                                  clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    if ((int)opts->method < 0 || opts->method > CLOUT_CM_SPINGLASS)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "unknown community method %d",
                               (int)opts->method);
    if (opts->runs < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "runs must be 1 or more, not %d",
                               opts->runs);
    if (isnan(opts->tolerance) || isinf(opts->tolerance))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "tolerance must be a number, not %g",
                               opts->tolerance);
    if (uses_resolution(opts->method) && !(isfinite(opts->resolution) && opts->resolution > 0))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "resolution must be a positive number, not %g", opts->resolution);
    igraph_integer_t n = igraph_vcount(g);
    if (opts->runs > 1 && n > CONSENSUS_MAX_VERTICES)
        return clout_error_set(
            err, CLOUT_EUSAGE, NULL, 0, 0,
            "the consensus of %d runs compares every pair of vertices (memory and time grow "
            "with the square of their number); %" IGRAPH_PRId " vertices is more than %d: "
            "use one run (--runs 1)",
            opts->runs, n, CONSENSUS_MAX_VERTICES);
    bool signed_ok = opts->method == CLOUT_CM_SPINGLASS;
    igraph_vector_t wv;
    if (igraph_vector_init(&wv, 0))
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    if (edge_weights(g, &wv)) {
        igraph_vector_destroy(&wv);
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    }
    for (igraph_integer_t i = 0; i < igraph_ecount(g); i++) {
        double w = VECTOR(wv)[i];
        if (!isfinite(w) || (!signed_ok && w <= 0)) {
            igraph_vector_destroy(&wv);
            return clout_error_set(
                err, CLOUT_EDATA, net->source, 0, 0,
                "edge %" IGRAPH_PRId " (%s %s %s) has weight %g; %s needs positive weights "
                "(only spinglass takes signed ones)",
                i + 1, cl_vstr(g, "id", IGRAPH_FROM(g, i)), igraph_is_directed(g) ? "->" : "--",
                cl_vstr(g, "id", IGRAPH_TO(g, i)), w, method_names[opts->method]);
        }
    }
    igraph_vector_destroy(&wv);
    if (opts->method == CLOUT_CM_SPINGLASS && n > 1) {
        igraph_bool_t connected = false;
        igraph_error_t e = igraph_is_connected(g, &connected, IGRAPH_WEAK);
        if (e)
            return cl_igraph_error(err, e, "spinglass");
        if (!connected)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "spinglass needs a connected network, and '%s' falls apart "
                                   "into several components; choose another --method, or keep "
                                   "one component",
                                   net->source ? net->source : "the network");
    }
    return CLOUT_OK;
}

/* Modularity of memb on the network as given (weights as they are, directed
 * modularity for a directed network); NaN where it is not defined. */
static clout_status_t network_modularity(const clout_network_t *net,
                                         const igraph_vector_int_t *memb, double *q,
                                         clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    igraph_integer_t m = igraph_ecount(g);
    *q = NAN;
    igraph_vector_t w;
    if (igraph_vector_init(&w, m))
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    if (edge_weights(g, &w)) {
        igraph_vector_destroy(&w);
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    }
    bool negative = false;
    for (igraph_integer_t i = 0; i < m; i++)
        negative |= VECTOR(w)[i] < 0;
    igraph_error_t e = IGRAPH_SUCCESS;
    /* Modularity is not defined with negative weights, nor without edges. */
    if (!negative && m > 0 && igraph_vector_sum(&w) > 0)
        e = igraph_modularity(g, memb, &w, 1.0, igraph_is_directed(g), q);
    igraph_vector_destroy(&w);
    return e ? cl_igraph_error(err, e, "modularity") : CLOUT_OK;
}

void clout_community_opts_init(clout_community_opts_t *o)
{
    *o = (clout_community_opts_t){.method = CLOUT_CM_LEIDEN,
                                  .resolution = 1.0,
                                  .runs = 1,
                                  .seed = 1,
                                  .tolerance = CLOUT_LEIDEN_TOLERANCE};
}

clout_status_t clout_communities(const clout_network_t *net, clout_partition_t *out,
                                 const clout_community_opts_t *opts, clout_error_t *err)
{
    clout_init();
    memset(out, 0, sizeof *out);
    clout_status_t st = check_input(net, opts, err);
    if (st)
        return st;
    igraph_integer_t n = igraph_vcount(&net->graph);
    clout_cmethod_t method = opts->method;
    int runs = opts->runs;
    double tol = opts->tolerance;
    wgraph_t wg;
    igraph_error_t e = wgraph_from_network(&wg, net, method != CLOUT_CM_INFOMAP);
    if (e)
        return cl_igraph_error(err, e, "preparing the network");

    size_t lab_size = sizeof(gint32) * (size_t)MAX(n, 1) * (size_t)runs;
    runs_t R = {g_try_malloc0(lab_size), runs, n};
    runs_t cur = {g_try_malloc(lab_size), runs, n};
    unsigned long seed = opts->seed + (unsigned long)runs; /* of the rounds on D */
    bool singletons = false;
    if (!R.lab || !cur.lab)
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                             "out of memory for %d runs of %" IGRAPH_PRId " vertices", runs, n);
    if (!st)
        st = run_many(&wg.g, &wg.w, method, opts->resolution, tol, false, opts->seed, &R, err);
    if (!st &&
        (igraph_vector_int_init(&out->membership, n) || igraph_vector_init(&out->stability, n)))
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    if (st)
        goto done;

    /* Consensus: D from the runs, the method on D, until the runs on D agree. */
    memcpy(cur.lab, R.lab, lab_size);
    for (int round = 0; runs > 1 && !runs_agree(&cur) && round < CONSENSUS_MAX_ROUNDS; round++) {
        igraph_t d;
        igraph_vector_t dw;
        if (igraph_vector_init(&dw, 0)) {
            st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
            break;
        }
        e = consensus_graph(&cur, &d, &dw);
        if (e) {
            igraph_vector_destroy(&dw);
            st = cl_igraph_error(err, e, "consensus");
            break;
        }
        if (igraph_ecount(&d) == 0) {
            singletons = true;
        } else {
            st = run_many(&d, &dw, method, opts->resolution, tol, method == CLOUT_CM_SPINGLASS,
                          seed, &cur, err);
            seed += (unsigned long)runs;
        }
        igraph_destroy(&d);
        igraph_vector_destroy(&dw);
        if (st || singletons)
            break;
    }
    if (st)
        goto done;
    /* Without agreement after the last round, the first run of that round stands. */
    for (igraph_integer_t v = 0; v < n; v++)
        VECTOR(out->membership)[v] = singletons ? v : cur.lab[v * runs];
    igraph_integer_t kc = relabel(&out->membership);
    if (runs == 1)
        igraph_vector_fill(&out->stability, 1.0);
    else
        stability(&R, &out->membership, kc, &out->stability);
    out->runs = runs;
    st = network_modularity(net, &out->membership, &out->modularity, err);

done:
    g_free(cur.lab);
    g_free(R.lab);
    wgraph_destroy(&wg);
    if (st)
        clout_partition_destroy(out);
    return st;
}

void clout_partition_destroy(clout_partition_t *p)
{
    if (!p)
        return;
    if (p->membership.stor_begin)
        igraph_vector_int_destroy(&p->membership);
    if (p->stability.stor_begin)
        igraph_vector_destroy(&p->stability);
    memset(p, 0, sizeof *p);
}

/* ---- comparing partitions ---- */

clout_status_t clout_partition_compare(const igraph_vector_int_t *a, const igraph_vector_int_t *b,
                                       clout_partition_distance_t *out, clout_error_t *err)
{
    clout_init();
    out->nmi = out->vi = out->ari = NAN;
    out->split_join_a = out->split_join_b = 0;
    igraph_integer_t n = igraph_vector_int_size(a);
    if (igraph_vector_int_size(b) != n)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "cannot compare partitions of %" IGRAPH_PRId " and %" IGRAPH_PRId
                               " vertices",
                               n, igraph_vector_int_size(b));
    if (n == 0)
        return CLOUT_OK;
    if (igraph_vector_int_min(a) < 0 || igraph_vector_int_min(b) < 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "community labels must not be negative");
    igraph_error_t e = igraph_compare_communities(a, b, &out->nmi, IGRAPH_COMMCMP_NMI);
    if (!e)
        e = igraph_compare_communities(a, b, &out->vi, IGRAPH_COMMCMP_VI);
    /* The Rand indices need two vertices; igraph's ARI is NaN when both
     * partitions are a single community. */
    if (!e && n > 1)
        e = igraph_compare_communities(a, b, &out->ari, IGRAPH_COMMCMP_ADJUSTED_RAND);
    if (!e)
        e = igraph_split_join_distance(a, b, &out->split_join_a, &out->split_join_b);
    return e ? cl_igraph_error(err, e, "comparing partitions") : CLOUT_OK;
}

static int cmp_long(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    return (a > b) - (a < b);
}

/* Reads a partition of net's vertices from a CSV file with columns id and
 * community (others are ignored).  Every vertex must appear exactly once. */
static clout_status_t read_partition(const clout_network_t *net, const char *path,
                                     igraph_vector_int_t *memb, clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    cl_csv_t *csv;
    clout_status_t st = cl_csv_open(&csv, path, path, err);
    if (st)
        return st;
    GHashTable *ix = g_hash_table_new(g_str_hash, g_str_equal);
    for (igraph_integer_t v = 0; v < n; v++)
        g_hash_table_insert(ix, (gpointer)cl_vstr(g, "id", v), GINT_TO_POINTER(v + 1));
    long *line_of = g_new0(long, MAX(n, 1));
    long *comm = g_new0(long, MAX(n, 1));
    int id_col = -1, comm_col = -1, width = 0;
    long hdr_line = 0, id_hdr_col = 0;
    int r = cl_csv_next(csv, err);
    if (r == 0)
        st = clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                             "empty file; a partition is a CSV with the columns id and community");
    else if (r < 0)
        st = clout_error_status(err);
    if (!st) {
        width = cl_csv_n_fields(csv);
        hdr_line = cl_csv_line(csv);
        for (int i = 0; i < width; i++) {
            const char *h = cl_csv_field(csv, i);
            if (strcmp(h, "id") == 0 && id_col < 0) {
                id_col = i;
                id_hdr_col = cl_csv_field_col(csv, i);
            } else if (strcmp(h, "community") == 0 && comm_col < 0) {
                comm_col = i;
            }
        }
        if (id_col < 0 || comm_col < 0)
            st = clout_error_set(err, CLOUT_EDATA, path, hdr_line, 0,
                                 "the header has no column '%s' (a partition has the columns "
                                 "id and community)",
                                 id_col < 0 ? "id" : "community");
    }
    while (!st && (r = cl_csv_next(csv, err)) > 0) {
        int nf = cl_csv_n_fields(csv);
        if (nf <= MAX(id_col, comm_col)) {
            st = clout_error_set(err, CLOUT_EDATA, path, cl_csv_line(csv), 0,
                                 "row has %d fields; the header has %d", nf, width);
            break;
        }
        const char *id = cl_csv_field(csv, id_col);
        long line = cl_csv_field_line(csv, id_col), col = cl_csv_field_col(csv, id_col);
        gpointer hit = g_hash_table_lookup(ix, id);
        if (!hit) {
            st = clout_error_set(err, CLOUT_EDATA, path, line, col,
                                 "column 'id': '%s' is not a vertex of the network", id);
            break;
        }
        igraph_integer_t v = GPOINTER_TO_INT(hit) - 1;
        if (line_of[v]) {
            st = clout_error_set(err, CLOUT_EDATA, path, line, col,
                                 "column 'id': '%s' appears twice (first on line %ld)", id,
                                 line_of[v]);
            break;
        }
        line_of[v] = line;
        const char *c = cl_csv_field(csv, comm_col);
        if (!cl_parse_long(c, &comm[v])) {
            st = clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, comm_col),
                                 cl_csv_field_col(csv, comm_col),
                                 "column 'community': '%s' is not an integer", c);
            break;
        }
    }
    if (!st && r < 0)
        st = clout_error_status(err);
    if (!st) {
        igraph_integer_t listed = 0, first_missing = -1;
        for (igraph_integer_t v = 0; v < n; v++) {
            if (line_of[v])
                listed++;
            else if (first_missing < 0)
                first_missing = v;
        }
        if (first_missing >= 0)
            st = clout_error_set(err, CLOUT_EDATA, path, hdr_line, id_hdr_col,
                                 "column 'id': no row for '%s' (%" IGRAPH_PRId " of %" IGRAPH_PRId
                                 " vertices listed); every vertex of the network must appear "
                                 "exactly once",
                                 cl_vstr(g, "id", first_missing), listed, n);
    }
    if (!st) {
        /* Any integers name the communities: map them to 0..k-1. */
        long *sorted = g_memdup2(comm, sizeof(long) * (size_t)MAX(n, 1));
        qsort(sorted, (size_t)n, sizeof(long), cmp_long);
        if (igraph_vector_int_resize(memb, n))
            st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
        for (igraph_integer_t v = 0; v < n && !st; v++) {
            long *at = bsearch(&comm[v], sorted, (size_t)n, sizeof(long), cmp_long);
            /* bsearch may land on any of equal entries: step to the first. */
            while (at > sorted && at[-1] == *at)
                at--;
            VECTOR(*memb)[v] = at - sorted;
        }
        g_free(sorted);
    }
    g_free(comm);
    g_free(line_of);
    g_hash_table_destroy(ix);
    cl_csv_close(csv);
    return st;
}

clout_status_t clout_partition_tables(const clout_network_t *net, const clout_partition_t *p,
                                      clout_table_t **members, clout_table_t **summary,
                                      const clout_community_opts_t *opts, const char *compare_path,
                                      clout_error_t *err)
{
    clout_init();
    *members = *summary = NULL;
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    if (igraph_vector_int_size(&p->membership) != n)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "the partition is not one of this network");
    clout_partition_distance_t d;
    bool compare = compare_path != NULL;
    if (compare) {
        igraph_vector_int_t other;
        if (igraph_vector_int_init(&other, 0))
            return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
        clout_status_t st = read_partition(net, compare_path, &other, err);
        if (!st)
            st = clout_partition_compare(&p->membership, &other, &d, err);
        igraph_vector_int_destroy(&other);
        if (st)
            return st;
    }

    clout_table_t *t = clout_table_new("communities");
    clout_table_add_column(t, "id", CLOUT_COL_STR);
    clout_table_add_column(t, "name", CLOUT_COL_STR);
    clout_table_add_column(t, "community", CLOUT_COL_INT);
    clout_table_add_column(t, "stability", CLOUT_COL_NUM);
    for (igraph_integer_t v = 0; v < n; v++) {
        int r = clout_table_add_row(t);
        clout_table_set_str(t, r, 0, cl_vstr(g, "id", v));
        clout_table_set_str(t, r, 1, cl_vstr(g, "name", v));
        clout_table_set_int(t, r, 2, (long)VECTOR(p->membership)[v]);
        clout_table_set_num(t, r, 3, VECTOR(p->stability)[v]);
    }

    clout_table_t *s = clout_table_new("summary");
    clout_table_add_column(s, "method", CLOUT_COL_STR);
    clout_table_add_column(s, "resolution", CLOUT_COL_NUM);
    clout_table_add_column(s, "runs", CLOUT_COL_INT);
    clout_table_add_column(s, "communities", CLOUT_COL_INT);
    clout_table_add_column(s, "modularity", CLOUT_COL_NUM);
    if (compare) {
        clout_table_add_column(s, "nmi", CLOUT_COL_NUM);
        clout_table_add_column(s, "vi", CLOUT_COL_NUM);
        clout_table_add_column(s, "ari", CLOUT_COL_NUM);
        clout_table_add_column(s, "split_join_a", CLOUT_COL_INT);
        clout_table_add_column(s, "split_join_b", CLOUT_COL_INT);
    }
    int r = clout_table_add_row(s);
    bool known = (int)opts->method >= 0 && opts->method <= CLOUT_CM_SPINGLASS;
    clout_table_set_str(s, r, 0, known ? method_names[opts->method] : "");
    /* A method without a resolution leaves the cell empty. */
    if (known && uses_resolution(opts->method))
        clout_table_set_num(s, r, 1, opts->resolution);
    clout_table_set_int(s, r, 2, p->runs);
    clout_table_set_int(s, r, 3, n ? (long)igraph_vector_int_max(&p->membership) + 1 : 0);
    clout_table_set_num(s, r, 4, p->modularity);
    if (compare) {
        clout_table_set_num(s, r, 5, d.nmi);
        clout_table_set_num(s, r, 6, d.vi);
        clout_table_set_num(s, r, 7, d.ari);
        clout_table_set_int(s, r, 8, (long)d.split_join_a);
        clout_table_set_int(s, r, 9, (long)d.split_join_b);
    }
    *members = t;
    *summary = s;
    return CLOUT_OK;
}
