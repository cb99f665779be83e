/* measures.c: centrality of every actor (degree ... katz) and Gould-Fernandez brokerage roles. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* doc/methods.md ("Centrality") gives the formula, default and source of
 * every measure; the comments here say only why the code is as it is. */

const char *const clout_measure_names[] = {
    "degree", "strength",  "betweenness", "closeness",  "harmonic", "eigenvector", "pagerank",
    "hub",    "authority", "coreness",    "constraint", "katz",     NULL};

enum {
    M_DEGREE = 0,
    M_STRENGTH,
    M_BETWEENNESS,
    M_CLOSENESS,
    M_HARMONIC,
    M_EIGENVECTOR,
    M_PAGERANK,
    M_HUB,
    M_AUTHORITY,
    M_CORENESS,
    M_CONSTRAINT,
    M_KATZ,
    M_COUNT
};

/* In sna::brokerage's column order (Gould & Fernandez 1989). */
static const char *const role_names[] = {"coordinator", "itinerant", "representative", "gatekeeper",
                                         "liaison"};
enum { R_COORDINATOR = 0, R_ITINERANT, R_REPRESENTATIVE, R_GATEKEEPER, R_LIAISON, R_COUNT };

#define PAGERANK_DAMPING 0.85
#define KATZ_DEFAULT_FACTOR 0.9 /* default alpha = this / largest eigenvalue */
#define KATZ_TOL 1e-12          /* stop when no value changes by more than this, relatively */
#define KATZ_MAX_ITER 100000
/* Eigenvector, hub and authority scores start ARPACK from a vector that
 * igraph perturbs with its random generator; a private generator with a
 * fixed seed makes the output repeatable and leaves the caller's stream alone. */
#define ARPACK_SEED 20231129

typedef struct {
    const clout_network_t *net;
    const igraph_t *g;
    const clout_measure_opts_t *o;
    igraph_integer_t n, m;
    bool directed;
    const igraph_vector_t *w;   /* strengths, NULL when unweighted */
    const igraph_vector_t *len; /* path lengths, NULL when unweighted */
    igraph_vector_t wv, lv;     /* the storage of w and len */
    clout_error_t *err;
} ctx_t;

static const char *arrow(const igraph_t *g)
{
    return igraph_is_directed(g) ? "->" : "--";
}

/* The ids of an edge's ends for messages.  igraph stores an undirected edge
 * with its larger vertex first; the smaller first is usually the order the
 * file gave. */
static const char *end_id(const igraph_t *g, igraph_integer_t e, int which)
{
    igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    if (!igraph_is_directed(g) && a > b) {
        igraph_integer_t t = a;
        a = b;
        b = t;
    }
    return cl_vstr(g, "id", which == 0 ? a : b);
}

/* ---- options ---- */

static clout_status_t parse_measures(char **names, bool want[M_COUNT], clout_error_t *err)
{
    for (int k = 0; k < M_COUNT; k++)
        want[k] = names == NULL;
    for (char **p = names; p && *p; p++) {
        int hit = -1;
        for (int k = 0; k < M_COUNT; k++)
            if (strcmp(*p, clout_measure_names[k]) == 0)
                hit = k;
        if (hit < 0) {
            char *m = cl_unknown("measure", *p, (char *const *)clout_measure_names);
            clout_status_t st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "%s", m);
            g_free(m);
            return st;
        }
        want[hit] = true;
    }
    return CLOUT_OK;
}

/* ---- weights and lengths ---- */

/* Strengths from the "weight" attribute: above 0 and finite, or an error
 * naming the first edge that is not. */
static clout_status_t read_weights(ctx_t *c)
{
    const igraph_t *g = c->g;
    /* One attribute lookup for all edges, not one per edge. */
    igraph_error_t ie;
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        ie = igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &c->wv);
    else if (!(ie = igraph_vector_resize(&c->wv, c->m)))
        igraph_vector_fill(&c->wv, 1.0);
    if (ie)
        return clout_error_set(c->err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    for (igraph_integer_t e = 0; e < c->m; e++) {
        double w = VECTOR(c->wv)[e];
        if (!(w > 0) || !isfinite(w))
            return clout_error_set(c->err, CLOUT_EDATA, c->net->source, 0, 0,
                                   "edge %" IGRAPH_PRId " (%s %s %s) has weight %g; weights "
                                   "must be above 0 (or use --unweighted)",
                                   e + 1, end_id(g, e, 0), arrow(g), end_id(g, e, 1), w);
    }
    c->w = &c->wv;
    return CLOUT_OK;
}

/* Path lengths from strengths, per opts->distance. */
static clout_status_t make_lengths(ctx_t *c)
{
    const igraph_t *g = c->g;
    if (igraph_vector_resize(&c->lv, c->m))
        return clout_error_set(c->err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    for (igraph_integer_t e = 0; e < c->m; e++) {
        double w = VECTOR(c->wv)[e], l;
        switch (c->o->distance) {
        case CLOUT_DIST_LOG:
            /* -log w is a length only for 0 < w < 1: w = 1 would give a
             * zero-length edge, which shortest-path counting cannot use, and
             * w > 1 a negative one. */
            if (w >= 1)
                return clout_error_set(
                    c->err, CLOUT_EUSAGE, c->net->source, 0, 0,
                    "edge %" IGRAPH_PRId " (%s %s %s) has weight %g, but --distance log needs "
                    "weights below 1 (-log w must be a length above 0); use --distance inverse",
                    e + 1, end_id(g, e, 0), arrow(g), end_id(g, e, 1), w);
            l = -log(w);
            break;
        case CLOUT_DIST_NONE: l = w; break;
        case CLOUT_DIST_INVERSE:
        default: l = 1.0 / w; break;
        }
        if (!(l > 0) || !isfinite(l))
            return clout_error_set(c->err, CLOUT_EDATA, c->net->source, 0, 0,
                                   "edge %" IGRAPH_PRId " (%s %s %s): weight %g gives the path "
                                   "length %g, which is not a finite number above 0",
                                   e + 1, end_id(g, e, 0), arrow(g), end_id(g, e, 1), w, l);
        VECTOR(c->lv)[e] = l;
    }
    c->len = &c->lv;
    return CLOUT_OK;
}

/* ---- the measures igraph has ---- */

static igraph_error_t m_degree(ctx_t *c, igraph_vector_t *res)
{
    igraph_vector_int_t d;
    IGRAPH_CHECK(igraph_vector_int_init(&d, 0));
    igraph_error_t e = igraph_degree(c->g, &d, igraph_vss_all(), IGRAPH_ALL, true);
    if (!e)
        for (igraph_integer_t v = 0; v < c->n; v++)
            VECTOR(*res)[v] = (double)VECTOR(d)[v];
    igraph_vector_int_destroy(&d);
    return e;
}

/* Whether opts->cutoff limits path lengths. */
static bool has_cutoff(const ctx_t *c)
{
    return c->o->cutoff > 0;
}

/* The sources of sampled betweenness: k distinct vertices drawn uniformly
 * and sorted (igraph_random_sample), so that the sums run in vertex order.
 * The draw comes from a generator seeded by opts->seed alone, whatever
 * else used igraph's default one. */
static igraph_error_t draw_sources(ctx_t *c, igraph_integer_t k, igraph_vector_int_t *src)
{
    cl_rng_scope_t sc;
    IGRAPH_CHECK(cl_rng_scope_begin(&sc, c->o->seed));
    igraph_error_t e = igraph_random_sample(src, 0, c->n - 1, k);
    cl_rng_scope_end(&sc);
    return e;
}

/* Betweenness from k sources S drawn at random (Brandes & Pich 2007):
 * igraph_betweenness_subset with sources S and every vertex a target gives
 * sum over s in S of delta_s(v), the dependency of s on v, halved on
 * undirected graphs exactly as igraph_betweenness halves the sum over every
 * s (so that each unordered pair counts once).  Each vertex is in S with
 * probability k / n, so n / k times that sum is an unbiased estimate of the
 * exact value, on directed and undirected graphs alike. */
static igraph_error_t sampled_betweenness(ctx_t *c, igraph_vector_t *res)
{
    igraph_integer_t k = c->o->sample;
    igraph_vector_int_t src;
    IGRAPH_CHECK(igraph_vector_int_init(&src, 0));
    igraph_error_t e = draw_sources(c, k, &src);
    if (!e)
        e = igraph_betweenness_subset(c->g, res, igraph_vss_all(), true, igraph_vss_vector(&src),
                                      igraph_vss_all(), c->len);
    if (!e)
        igraph_vector_scale(res, (double)c->n / (double)k);
    igraph_vector_int_destroy(&src);
    return e;
}

static igraph_error_t m_betweenness(ctx_t *c, igraph_vector_t *res)
{
    if (c->o->sample > 0 && c->o->sample < c->n)
        IGRAPH_CHECK(sampled_betweenness(c, res));
    else if (has_cutoff(c))
        IGRAPH_CHECK(
            igraph_betweenness_cutoff(c->g, res, igraph_vss_all(), true, c->len, c->o->cutoff));
    else
        IGRAPH_CHECK(igraph_betweenness(c->g, res, igraph_vss_all(), true, c->len));
    /* igraph counts each unordered pair once on undirected graphs, so the
     * number of pairs that can pass through a vertex is (n-1)(n-2)/2 there
     * and (n-1)(n-2) on directed ones: NetworkX's normalized=True. */
    if (c->o->normalized && c->n > 2) {
        double pairs = (double)(c->n - 1) * (double)(c->n - 2);
        if (!c->directed)
            pairs /= 2;
        igraph_vector_scale(res, 1.0 / pairs);
    }
    return IGRAPH_SUCCESS;
}

/* Closeness and harmonic centrality read incoming distances on directed
 * graphs (how near the others are to v), as NetworkX does. */
static igraph_neimode_t path_mode(const ctx_t *c)
{
    return c->directed ? IGRAPH_IN : IGRAPH_ALL;
}

static igraph_error_t m_closeness(ctx_t *c, igraph_vector_t *res)
{
    /* igraph_closeness_cutoff with a negative cutoff is igraph_closeness. */
    return igraph_closeness_cutoff(c->g, res, NULL, NULL, igraph_vss_all(), path_mode(c), c->len,
                                   c->o->normalized, has_cutoff(c) ? c->o->cutoff : -1);
}

static igraph_error_t m_harmonic(ctx_t *c, igraph_vector_t *res)
{
    return igraph_harmonic_centrality_cutoff(c->g, res, igraph_vss_all(), path_mode(c), c->len,
                                             c->o->normalized, has_cutoff(c) ? c->o->cutoff : -1);
}

static igraph_error_t m_eigenvector(ctx_t *c, igraph_vector_t *res)
{
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    return igraph_eigenvector_centrality(c->g, res, NULL, true, true, c->w, &ao);
}

static igraph_error_t m_pagerank(ctx_t *c, igraph_vector_t *res)
{
    int threads = cl_openmp_serial_begin(); /* internal.h says why */
    igraph_error_t e = igraph_pagerank(c->g, IGRAPH_PAGERANK_ALGO_PRPACK, res, NULL,
                                       igraph_vss_all(), true, PAGERANK_DAMPING, c->w, NULL);
    cl_openmp_serial_end(threads);
    return e;
}

static igraph_error_t m_hits(ctx_t *c, igraph_vector_t *hub, igraph_vector_t *auth)
{
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    return igraph_hub_and_authority_scores(c->g, hub, auth, NULL, true, c->w, &ao);
}

static igraph_error_t m_coreness(ctx_t *c, igraph_vector_t *res)
{
    igraph_vector_int_t k;
    IGRAPH_CHECK(igraph_vector_int_init(&k, 0));
    igraph_error_t e = igraph_coreness(c->g, &k, IGRAPH_ALL);
    if (!e)
        for (igraph_integer_t v = 0; v < c->n; v++)
            VECTOR(*res)[v] = (double)VECTOR(k)[v];
    igraph_vector_int_destroy(&k);
    return e;
}

static igraph_error_t m_strength(ctx_t *c, igraph_vector_t *res)
{
    return igraph_strength(c->g, res, igraph_vss_all(), IGRAPH_ALL, true, c->w);
}

static igraph_error_t m_constraint(ctx_t *c, igraph_vector_t *res)
{
    return igraph_constraint(c->g, res, igraph_vss_all(), c->w);
}

/* ---- Katz centrality (not in igraph's C API) ---- */

/* The largest eigenvalue of the (weighted) adjacency matrix.  For a
 * non-negative matrix it is real and equals the spectral radius
 * (Perron-Frobenius); igraph's eigenvector centrality computes it with
 * ARPACK (largest algebraic on undirected graphs, largest real part on
 * directed ones, 0 for a directed acyclic graph).  Undirected self-loops
 * count twice there, and so they do in katz_solve. */
static igraph_error_t largest_eigenvalue(ctx_t *c, double *lambda)
{
    igraph_arpack_options_t ao;
    igraph_arpack_options_init(&ao);
    *lambda = 0;
    if (c->m == 0)
        return IGRAPH_SUCCESS;
    return igraph_eigenvector_centrality(c->g, NULL, lambda, true, false, c->w, &ao);
}

/* x = alpha A^T x + 1 by fixed-point iteration on a sparse matrix: x_i
 * collects alpha times the scores of the vertices with ties to i.  It
 * converges because alpha * lambda < 1, geometrically at that rate. */
static clout_status_t katz_solve(ctx_t *c, double alpha, igraph_vector_t *res)
{
    const igraph_t *g = c->g;
    clout_error_t *err = c->err;
    clout_status_t st = CLOUT_OK;
    igraph_sparsemat_t trip, mat;
    bool have_trip = false, have_mat = false;
    igraph_vector_t next = {0};
    CLOUT_IGRAPH_TRY(igraph_sparsemat_init(&trip, c->n, c->n, c->directed ? c->m : 2 * c->m),
                     "katz");
    have_trip = true;
    for (igraph_integer_t i = 0; i < c->m; i++) {
        igraph_integer_t from = IGRAPH_FROM(g, i), to = IGRAPH_TO(g, i);
        double a = alpha * (c->w ? VECTOR(*c->w)[i] : 1.0);
        CLOUT_IGRAPH_TRY(igraph_sparsemat_entry(&trip, to, from, a), "katz");
        if (!c->directed)
            CLOUT_IGRAPH_TRY(igraph_sparsemat_entry(&trip, from, to, a), "katz");
    }
    CLOUT_IGRAPH_TRY(igraph_sparsemat_compress(&trip, &mat), "katz");
    have_mat = true;
    CLOUT_IGRAPH_TRY(igraph_vector_init(&next, c->n), "katz");
    igraph_vector_fill(res, 1.0);
    bool done = c->n == 0;
    for (int iter = 0; !done && iter < KATZ_MAX_ITER; iter++) {
        igraph_vector_fill(&next, 1.0);
        CLOUT_IGRAPH_TRY(igraph_sparsemat_gaxpy(&mat, res, &next), "katz");
        double change = 0;
        for (igraph_integer_t v = 0; v < c->n; v++) {
            double d = fabs(VECTOR(next)[v] - VECTOR(*res)[v]) / fabs(VECTOR(next)[v]);
            if (d > change)
                change = d;
        }
        CLOUT_IGRAPH_TRY(igraph_vector_swap(&next, res), "katz");
        done = change < KATZ_TOL;
    }
    if (!done) {
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                             "katz: no convergence in %d iterations with alpha %g; choose a "
                             "smaller alpha (--katz-alpha)",
                             KATZ_MAX_ITER, alpha);
        goto out;
    }
    /* Unit Euclidean norm, as NetworkX's katz_centrality(normalized=True). */
    double norm = 0;
    for (igraph_integer_t v = 0; v < c->n; v++)
        norm += VECTOR(*res)[v] * VECTOR(*res)[v];
    if (norm > 0)
        igraph_vector_scale(res, 1.0 / sqrt(norm));
out:
    igraph_vector_destroy(&next);
    if (have_mat)
        igraph_sparsemat_destroy(&mat);
    if (have_trip)
        igraph_sparsemat_destroy(&trip);
    return st;
}

static clout_status_t m_katz(ctx_t *c, igraph_vector_t *res)
{
    double lambda;
    igraph_error_t e = largest_eigenvalue(c, &lambda);
    if (e)
        return cl_igraph_error(c->err, e, "katz: the largest eigenvalue");
    double alpha = c->o->katz_alpha;
    if (alpha > 0 && lambda > 0 && alpha * lambda >= 1)
        return clout_error_set(c->err, CLOUT_EUSAGE, NULL, 0, 0,
                               "Katz alpha %g is too large: it must be below 1 / %.10g (the "
                               "largest eigenvalue of the adjacency matrix) = %.10g",
                               alpha, lambda, 1 / lambda);
    if (alpha <= 0) {
        if (lambda > 0) {
            alpha = KATZ_DEFAULT_FACTOR / lambda;
        } else {
            /* No cycle (or no edge): every alpha converges.  The largest
             * weight stands in for the eigenvalue, which it bounds from
             * below on undirected graphs. */
            double wmax = c->w && c->m > 0 ? igraph_vector_max(c->w) : 1.0;
            alpha = KATZ_DEFAULT_FACTOR / wmax;
        }
    }
    return katz_solve(c, alpha, res);
}

/* ---- brokerage roles (Gould & Fernandez 1989) ---- */

/* For every two-path a -> b -> c with a, b, c distinct and no tie a -> c,
 * counts a role for b by the groups of a, b and c; sna::brokerage's rules
 * and order.  Self-loops and repeated ties are ignored. */
static clout_status_t brokerage(ctx_t *c, const char *attr, double *counts /* [R_COUNT][n] */)
{
    const igraph_t *g = c->g;
    clout_error_t *err = c->err;
    clout_status_t st = CLOUT_OK;
    igraph_adjlist_t out_adj, in_adj;
    bool have_out = false, have_in = false;
    GHashTable *ix = g_hash_table_new(g_str_hash, g_str_equal);
    int *grp = g_new(int, c->n > 0 ? c->n : 1);
    for (igraph_integer_t v = 0; v < c->n; v++) {
        const char *s = VAS(g, attr, v);
        gpointer hit;
        if (!g_hash_table_lookup_extended(ix, s, NULL, &hit)) {
            hit = GINT_TO_POINTER(g_hash_table_size(ix));
            g_hash_table_insert(ix, (gpointer)s, hit);
        }
        grp[v] = GPOINTER_TO_INT(hit);
    }
    CLOUT_IGRAPH_TRY(
        igraph_adjlist_init(g, &out_adj, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
        "brokerage");
    have_out = true;
    CLOUT_IGRAPH_TRY(
        igraph_adjlist_init(g, &in_adj, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE),
        "brokerage");
    have_in = true;
    memset(counts, 0, sizeof(double) * R_COUNT * (size_t)c->n);
    for (igraph_integer_t b = 0; b < c->n; b++) {
        igraph_vector_int_t *ins = igraph_adjlist_get(&in_adj, b),
                            *outs = igraph_adjlist_get(&out_adj, b);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(ins); i++) {
            igraph_integer_t a = VECTOR(*ins)[i];
            /* igraph's adjacency lists are sorted, so a -> c is a binary search. */
            igraph_vector_int_t *a_out = igraph_adjlist_get(&out_adj, a);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(outs); j++) {
                igraph_integer_t cc = VECTOR(*outs)[j];
                if (cc == a || igraph_vector_int_binsearch2(a_out, cc))
                    continue;
                int r;
                if (grp[a] == grp[b])
                    r = grp[b] == grp[cc] ? R_COORDINATOR : R_REPRESENTATIVE;
                else if (grp[b] == grp[cc])
                    r = R_GATEKEEPER;
                else if (grp[a] == grp[cc])
                    r = R_ITINERANT;
                else
                    r = R_LIAISON;
                counts[(size_t)r * c->n + b] += 1;
            }
        }
    }
out:
    if (have_out)
        igraph_adjlist_destroy(&out_adj);
    if (have_in)
        igraph_adjlist_destroy(&in_adj);
    g_hash_table_destroy(ix);
    g_free(grp);
    return st;
}

/* ---- the table ---- */

/* Sets a number, writing -0 (which ARPACK can leave in a score) as 0. */
static void set_num(clout_table_t *t, igraph_integer_t row, int col, double v)
{
    clout_table_set_num(t, (int)row, col, v == 0 ? 0.0 : v);
}

static clout_status_t run(ctx_t *c, const bool want[M_COUNT], clout_table_t *t)
{
    const clout_measure_opts_t *o = c->o;
    igraph_integer_t n = c->n;
    /* Column of each measure in t, or -1. */
    int col[M_COUNT];
    for (int k = 0; k < M_COUNT; k++)
        col[k] = -1;
    for (int k = 0; k < M_COUNT; k++)
        if (want[k])
            col[k] = clout_table_add_column(t, clout_measure_names[k],
                                            k == M_DEGREE || k == M_CORENESS ? CLOUT_COL_INT
                                                                             : CLOUT_COL_NUM);
    int role_col = -1;
    if (o->groups)
        for (int r = 0; r < R_COUNT; r++) {
            int k = clout_table_add_column(t, role_names[r], CLOUT_COL_INT);
            if (r == 0)
                role_col = k;
        }
    for (igraph_integer_t v = 0; v < n; v++) {
        int r = clout_table_add_row(t);
        clout_table_set_str(t, r, 0, cl_vstr(c->g, "id", v));
        clout_table_set_str(t, r, 1, cl_vstr(c->g, "name", v));
        clout_table_set_str(t, r, 2, cl_vstr(c->g, "kind", v));
        clout_table_set_str(t, r, 3, cl_vstr(c->g, "role", v));
    }

    igraph_vector_t res, res2;
    if (igraph_vector_init(&res, n))
        return clout_error_set(c->err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    if (igraph_vector_init(&res2, n)) {
        igraph_vector_destroy(&res);
        return clout_error_set(c->err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    }
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < M_COUNT && !st; k++) {
        if (!want[k])
            continue;
        igraph_error_t e = IGRAPH_SUCCESS;
        if (k == M_HUB || k == M_AUTHORITY) {
            if (k == M_AUTHORITY && want[M_HUB])
                continue; /* computed with the hub scores */
            e = m_hits(c, &res, &res2);
            if (e)
                st = cl_igraph_error(c->err, e, "hub and authority scores");
            for (igraph_integer_t v = 0; v < n && !st; v++) {
                if (want[M_HUB])
                    set_num(t, v, col[M_HUB], VECTOR(res)[v]);
                if (want[M_AUTHORITY])
                    set_num(t, v, col[M_AUTHORITY], VECTOR(res2)[v]);
            }
            continue;
        }
        /* The helpers that fill res by hand need it at its full size. */
        if (igraph_vector_resize(&res, n)) {
            st = clout_error_set(c->err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
            break;
        }
        switch (k) {
        case M_DEGREE: e = m_degree(c, &res); break;
        case M_STRENGTH: e = m_strength(c, &res); break;
        case M_BETWEENNESS: e = m_betweenness(c, &res); break;
        case M_CLOSENESS: e = m_closeness(c, &res); break;
        case M_HARMONIC: e = m_harmonic(c, &res); break;
        case M_EIGENVECTOR: e = m_eigenvector(c, &res); break;
        case M_PAGERANK: e = m_pagerank(c, &res); break;
        case M_CORENESS: e = m_coreness(c, &res); break;
        case M_CONSTRAINT: e = m_constraint(c, &res); break;
        case M_KATZ: st = m_katz(c, &res); break;
        }
        if (e)
            st = cl_igraph_error(c->err, e, clout_measure_names[k]);
        for (igraph_integer_t v = 0; v < n && !st; v++)
            set_num(t, v, col[k], VECTOR(res)[v]);
    }
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&res2);
    if (!st && o->groups) {
        size_t cells = R_COUNT * (size_t)(n > 0 ? n : 1);
        double *counts = g_new(double, cells);
        st = brokerage(c, o->groups, counts);
        for (int r = 0; r < R_COUNT && !st; r++)
            for (igraph_integer_t v = 0; v < n; v++)
                set_num(t, v, role_col + r, counts[(size_t)r * n + v]);
        g_free(counts);
    }
    return st;
}

static clout_status_t check_opts(const clout_network_t *net, const clout_measure_opts_t *o,
                                 const bool want[M_COUNT], clout_error_t *err)
{
    if (o->distance != CLOUT_DIST_INVERSE && o->distance != CLOUT_DIST_LOG &&
        o->distance != CLOUT_DIST_NONE)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "distance %d is not inverse, log or none", (int)o->distance);
    if (isnan(o->cutoff))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "path-length cutoff %g is not a number", o->cutoff);
    if (o->sample < 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "betweenness sample %d must be 1 or more (0 for exact)", o->sample);
    if (want[M_BETWEENNESS] && o->sample > 0 && o->cutoff > 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "betweenness takes a sample of sources or a path-length cutoff, "
                               "not both (igraph has no sampled betweenness with a cutoff)");
    if (!(o->katz_alpha >= 0) || !isfinite(o->katz_alpha))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "Katz alpha %g must be above 0 (0 for the default)", o->katz_alpha);
    if (o->groups) {
        const igraph_t *g = &net->graph;
        if (!igraph_is_directed(g))
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "brokerage roles (--groups %s) need a directed network; "
                                   "this one is undirected",
                                   o->groups);
        igraph_attribute_type_t ty;
        clout_status_t st = cl_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, o->groups, &ty, err);
        if (st)
            return st;
        if (ty == IGRAPH_ATTRIBUTE_UNSPECIFIED)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "--groups: the actors have no attribute '%s'", o->groups);
        if (ty != IGRAPH_ATTRIBUTE_STRING)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "--groups: the actor attribute '%s' is not text", o->groups);
    }
    return CLOUT_OK;
}

void clout_measure_opts_init(clout_measure_opts_t *o)
{
    /* katz_alpha 0 and cutoff 0 mean "derived from the network" and "no
     * cutoff"; sample 0 means exact. */
    *o = (clout_measure_opts_t){.distance = CLOUT_DIST_INVERSE, .seed = 1};
}

clout_status_t clout_measures(const clout_network_t *net, clout_table_t **out,
                              const clout_measure_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    clout_measure_opts_t defaults;
    clout_measure_opts_init(&defaults);
    const clout_measure_opts_t *o = opts ? opts : &defaults;
    bool want[M_COUNT];
    clout_status_t st = parse_measures(o->measures, want, err);
    if (!st)
        st = check_opts(net, o, want, err);
    if (st)
        return st;

    ctx_t c = {0};
    c.net = net;
    c.g = &net->graph;
    c.o = o;
    c.n = igraph_vcount(c.g);
    c.m = igraph_ecount(c.g);
    c.directed = igraph_is_directed(c.g);
    c.err = err;
    bool paths = want[M_BETWEENNESS] || want[M_CLOSENESS] || want[M_HARMONIC];
    if (igraph_vector_init(&c.wv, 0))
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    if (igraph_vector_init(&c.lv, 0)) {
        igraph_vector_destroy(&c.wv);
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "out of memory");
    }
    if (!o->unweighted) {
        st = read_weights(&c);
        if (!st && paths)
            st = make_lengths(&c);
    }

    g_autoptr(clout_table_t) t = clout_table_new("measures");
    static const char *idcols[] = {"id", "name", "kind", "role"};
    for (int k = 0; k < 4; k++)
        clout_table_add_column(t, idcols[k], CLOUT_COL_STR);
    if (!st) {
        cl_rng_scope_t sc;
        igraph_error_t e = cl_rng_scope_begin(&sc, ARPACK_SEED);
        if (e) {
            st = cl_igraph_error(err, e, "random generator");
        } else {
            st = run(&c, want, t);
            cl_rng_scope_end(&sc);
        }
    }
    igraph_vector_destroy(&c.wv);
    igraph_vector_destroy(&c.lv);
    if (!st)
        *out = g_steal_pointer(&t);
    return st;
}
