/* diff.c: what changed between two networks: ties, measures, communities, influence, and a summary
 * with QAP. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- actors and edges by id ---- */

/* The union of the two networks' actor ids, A's order first. */
typedef struct {
    GPtrArray *ids;            /* char * (owned by the networks) */
    GHashTable *ix;            /* id -> index + 1 */
    igraph_integer_t *va, *vb; /* union index -> vertex in A / B, or -1 */
} actors_t;

static void actors_init(actors_t *u, const igraph_t *a, const igraph_t *b)
{
    u->ids = g_ptr_array_new();
    u->ix = g_hash_table_new(g_str_hash, g_str_equal);
    const igraph_t *g[2] = {a, b};
    for (int k = 0; k < 2; k++)
        for (igraph_integer_t v = 0; v < igraph_vcount(g[k]); v++) {
            const char *id = VAS(g[k], "id", v);
            if (!g_hash_table_contains(u->ix, id)) {
                g_ptr_array_add(u->ids, (gpointer)id);
                g_hash_table_insert(u->ix, (gpointer)id, GINT_TO_POINTER(u->ids->len));
            }
        }
    guint n = u->ids->len;
    u->va = g_new(igraph_integer_t, n);
    u->vb = g_new(igraph_integer_t, n);
    for (guint i = 0; i < n; i++)
        u->va[i] = u->vb[i] = -1;
    for (int k = 0; k < 2; k++)
        for (igraph_integer_t v = 0; v < igraph_vcount(g[k]); v++) {
            int i = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, VAS(g[k], "id", v))) - 1;
            (k ? u->vb : u->va)[i] = v;
        }
}

static void actors_free(actors_t *u)
{
    g_ptr_array_free(u->ids, TRUE);
    g_hash_table_destroy(u->ix);
    g_free(u->va);
    g_free(u->vb);
}

static clout_status_t same_kind(const clout_network_t *a, const clout_network_t *b,
                                clout_error_t *err)
{
    if (igraph_is_directed(&a->graph) != igraph_is_directed(&b->graph))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "'%s' is %s and '%s' is not: compare like with like (the same "
                               "--layers and --relations)",
                               a->source, igraph_is_directed(&a->graph) ? "directed" : "undirected",
                               b->source);
    return CLOUT_OK;
}

/* Edge key "i j" over union indices; undirected pairs in order. */
static char *edge_key(const actors_t *u, const igraph_t *g, igraph_integer_t e)
{
    int i = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, VAS(g, "id", IGRAPH_FROM(g, e)))) - 1;
    int j = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, VAS(g, "id", IGRAPH_TO(g, e)))) - 1;
    if (!igraph_is_directed(g) && i > j) {
        int t = i;
        i = j;
        j = t;
    }
    return g_strdup_printf("%d %d", i, j);
}

/* key -> edge id + 1 (parallel edges: their weights are summed by the caller). */
static GHashTable *edge_index(const actors_t *u, const igraph_t *g)
{
    GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        g_hash_table_insert(h, edge_key(u, g, e), GINT_TO_POINTER((int)e + 1));
    return h;
}

static bool weights_equal(double x, double y)
{
    return fabs(x - y) <= 1e-12 * fmax(1.0, fmax(fabs(x), fabs(y)));
}

void clout_diff_opts_init(clout_diff_opts_t *o)
{
    *o = (clout_diff_opts_t){.permutations = 1000, .seed = 1};
    clout_measure_opts_init(&o->measures);
    clout_community_opts_init(&o->communities);
    clout_influence_opts_init(&o->influence);
}

clout_status_t clout_diff_ties(const clout_network_t *a, const clout_network_t *b,
                               clout_table_t **out, clout_error_t *err)
{
    *out = NULL;
    clout_status_t st = same_kind(a, b, err);
    if (st)
        return st;
    actors_t u;
    actors_init(&u, &a->graph, &b->graph);
    GHashTable *ea = edge_index(&u, &a->graph), *eb = edge_index(&u, &b->graph);
    clout_table_t *t = clout_table_new("ties");
    static const char *scol[] = {"source", "target", "change", "layer_a", "layer_b"};
    for (int k = 0; k < 5; k++)
        clout_table_add_column(t, scol[k], CLOUT_COL_STR);
    clout_table_add_column(t, "weight_a", CLOUT_COL_NUM);
    clout_table_add_column(t, "weight_b", CLOUT_COL_NUM);
    clout_table_add_column(t, "delta", CLOUT_COL_NUM);
    /* A's edges in A's order, then B's new ones in B's order. */
    const clout_network_t *nets[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        const igraph_t *g = &nets[k]->graph;
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
            char *key = edge_key(&u, g, e);
            gpointer other = g_hash_table_lookup(k ? ea : eb, key);
            g_free(key);
            if (k == 1 && other)
                continue; /* already reported from A */
            double wa = k ? NAN : EAN(g, "weight", e), wb = k ? EAN(g, "weight", e) : NAN;
            const char *la = k ? "" : cl_estr(g, "layer", e), *lb = k ? cl_estr(g, "layer", e) : "";
            if (k == 0 && other) {
                igraph_integer_t eo = GPOINTER_TO_INT(other) - 1;
                wb = EAN(&b->graph, "weight", eo);
                lb = cl_estr(&b->graph, "layer", eo);
                if (weights_equal(wa, wb) && strcmp(la, lb) == 0)
                    continue;
            }
            int r = clout_table_add_row(t);
            const char *s1 = VAS(g, "id", IGRAPH_FROM(g, e)), *s2 = VAS(g, "id", IGRAPH_TO(g, e));
            /* igraph keeps an undirected edge larger vertex first; print the
             * actor that comes first in the networks first. */
            if (!igraph_is_directed(g) && GPOINTER_TO_INT(g_hash_table_lookup(u.ix, s1)) >
                                              GPOINTER_TO_INT(g_hash_table_lookup(u.ix, s2))) {
                const char *x = s1;
                s1 = s2;
                s2 = x;
            }
            clout_table_set_str(t, r, 0, s1);
            clout_table_set_str(t, r, 1, s2);
            clout_table_set_str(t, r, 2,
                                isnan(wa)   ? "added"
                                : isnan(wb) ? "removed"
                                            : "reweighted");
            clout_table_set_str(t, r, 3, la);
            clout_table_set_str(t, r, 4, lb);
            clout_table_set_num(t, r, 5, isnan(wa) ? 0 : wa);
            clout_table_set_num(t, r, 6, isnan(wb) ? 0 : wb);
            clout_table_set_num(t, r, 7, (isnan(wb) ? 0 : wb) - (isnan(wa) ? 0 : wa));
        }
    }
    g_hash_table_destroy(ea);
    g_hash_table_destroy(eb);
    actors_free(&u);
    *out = t;
    return CLOUT_OK;
}

/* ---- measures and ranks ---- */

/* Orders indices into x by decreasing value. */
static gint by_value_desc(gconstpointer a, gconstpointer b, gpointer data)
{
    const double *x = data;
    double u = x[*(const int *)a], v = x[*(const int *)b];
    return (u < v) - (u > v);
}

/* Ranks of x[0..n-1] (NAN = no rank): 1 for the largest; tied values share
 * the mean of their ranks (the convention of Spearman's rho). */
static void ranks(const double *x, int n, double *rank)
{
    GArray *ord = g_array_sized_new(FALSE, FALSE, sizeof(int), (guint)MAX(n, 0));
    for (int i = 0; i < n; i++) {
        rank[i] = NAN;
        if (isfinite(x[i]))
            g_array_append_val(ord, i);
    }
    /* Tied values share a rank, so their order among themselves is moot. */
    g_array_sort_with_data(ord, by_value_desc, (gpointer)x);
    const int *o = (const int *)(void *)ord->data;
    int m = (int)ord->len;
    for (int i = 0; i < m;) {
        int j = i;
        while (j + 1 < m && x[o[j + 1]] == x[o[i]])
            j++;
        double r = (i + j) / 2.0 + 1;
        for (int k = i; k <= j; k++)
            rank[o[k]] = r;
        i = j + 1;
    }
    g_array_free(ord, TRUE);
}

clout_status_t clout_diff_measures(const clout_network_t *a, const clout_network_t *b,
                                   clout_table_t **out, const clout_diff_opts_t *o,
                                   clout_error_t *err)
{
    *out = NULL;
    g_autoptr(clout_table_t) ma = NULL;
    g_autoptr(clout_table_t) mb = NULL;
    clout_status_t st = clout_measures(a, &ma, &o->measures, err);
    if (!st)
        st = clout_measures(b, &mb, &o->measures, err);
    if (st)
        return st;
    actors_t u;
    actors_init(&u, &a->graph, &b->graph);
    int n = (int)u.ids->len;
    clout_table_t *t = clout_table_new("measures");
    clout_table_add_column(t, "id", CLOUT_COL_STR);
    clout_table_add_column(t, "name", CLOUT_COL_STR);
    clout_table_add_column(t, "measure", CLOUT_COL_STR);
    static const char *ncol[] = {"value_a", "value_b", "delta", "rank_a", "rank_b", "rank_change"};
    for (int k = 0; k < 6; k++)
        clout_table_add_column(t, ncol[k], CLOUT_COL_NUM);
    double *xa = g_new(double, n), *xb = g_new(double, n), *ra = g_new(double, n),
           *rb = g_new(double, n);
    /* The measure columns, by name (clout_measure_names), in both tables. */
    for (int k = 0; clout_measure_names[k]; k++) {
        int c = clout_table_column(ma, clout_measure_names[k]);
        int cb = clout_table_column(mb, clout_measure_names[k]);
        if (c < 0 || cb < 0 || clout_table_column_type(ma, c) == CLOUT_COL_STR)
            continue;
        for (int i = 0; i < n; i++) {
            xa[i] = u.va[i] >= 0 ? clout_table_get_num(ma, (int)u.va[i], c) : NAN;
            xb[i] = u.vb[i] >= 0 ? clout_table_get_num(mb, (int)u.vb[i], cb) : NAN;
        }
        ranks(xa, n, ra);
        ranks(xb, n, rb);
        for (int i = 0; i < n; i++) {
            int r = clout_table_add_row(t);
            const igraph_t *g = u.va[i] >= 0 ? &a->graph : &b->graph;
            igraph_integer_t v = u.va[i] >= 0 ? u.va[i] : u.vb[i];
            clout_table_set_str(t, r, 0, g_ptr_array_index(u.ids, i));
            clout_table_set_str(t, r, 1, cl_vstr(g, "name", v));
            clout_table_set_str(t, r, 2, clout_table_column_name(ma, c));
            clout_table_set_num(t, r, 3, xa[i]);
            clout_table_set_num(t, r, 4, xb[i]);
            clout_table_set_num(t, r, 5, xb[i] - xa[i]);
            clout_table_set_num(t, r, 6, ra[i]);
            clout_table_set_num(t, r, 7, rb[i]);
            /* Positive: the actor moved up (a smaller rank number in B). */
            clout_table_set_num(t, r, 8, ra[i] - rb[i]);
        }
    }
    g_free(xa);
    g_free(xb);
    g_free(ra);
    g_free(rb);
    actors_free(&u);
    *out = t;
    return CLOUT_OK;
}

/* ---- communities ---- */

clout_status_t clout_diff_communities(const clout_network_t *a, const clout_network_t *b,
                                      clout_table_t **partitions, clout_table_t **moved,
                                      const clout_diff_opts_t *o, clout_error_t *err)
{
    *partitions = *moved = NULL;
    clout_partition_t pa, pb;
    clout_status_t st = clout_communities(a, &pa, &o->communities, err);
    if (st)
        return st;
    st = clout_communities(b, &pb, &o->communities, err);
    if (st) {
        clout_partition_destroy(&pa);
        return st;
    }
    actors_t u;
    actors_init(&u, &a->graph, &b->graph);
    igraph_vector_int_t ca = {0}, cb = {0};
    GArray *common = g_array_new(FALSE, FALSE, sizeof(int));
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&ca, 0), "comparing communities");
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&cb, 0), "comparing communities");
    for (guint i = 0; i < u.ids->len; i++)
        if (u.va[i] >= 0 && u.vb[i] >= 0) {
            CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&ca, VECTOR(pa.membership)[u.va[i]]),
                             "comparing communities");
            CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&cb, VECTOR(pb.membership)[u.vb[i]]),
                             "comparing communities");
            int k = (int)i;
            g_array_append_val(common, k);
        }
    clout_partition_distance_t d = {0};
    if (igraph_vector_int_size(&ca) > 0)
        st = clout_partition_compare(&ca, &cb, &d, err);
    if (!st) {
        clout_table_t *p = clout_table_new("partitions");
        static const char *cols[] = {"actors_compared",
                                     "communities_a",
                                     "communities_b",
                                     "modularity_a",
                                     "modularity_b",
                                     "nmi",
                                     "vi",
                                     "ari",
                                     "split_join_a",
                                     "split_join_b"};
        for (int k = 0; k < 10; k++)
            clout_table_add_column(p, cols[k], CLOUT_COL_NUM);
        int r = clout_table_add_row(p);
        igraph_integer_t ka =
            igraph_vector_int_size(&pa.membership) ? igraph_vector_int_max(&pa.membership) + 1 : 0;
        igraph_integer_t kb =
            igraph_vector_int_size(&pb.membership) ? igraph_vector_int_max(&pb.membership) + 1 : 0;
        double v[10] = {(double)common->len,
                        (double)ka,
                        (double)kb,
                        pa.modularity,
                        pb.modularity,
                        d.nmi,
                        d.vi,
                        d.ari,
                        (double)d.split_join_a,
                        (double)d.split_join_b};
        for (int k = 0; k < 10; k++)
            clout_table_set_num(p, r, k, common->len || k < 5 ? v[k] : NAN);
        /* Which B community each A community became: the one it overlaps most
         * (ties: the lower label); an actor moved if its B community is not the
         * match of its A community. */
        igraph_integer_t na = ka > 0 ? ka : 1, nb2 = kb > 0 ? kb : 1;
        int *overlap = g_new0(int, (size_t)na *nb2);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(&ca); i++)
            overlap[VECTOR(ca)[i] * nb2 + VECTOR(cb)[i]]++;
        int *match = g_new(int, na);
        for (igraph_integer_t x = 0; x < na; x++) {
            match[x] = -1;
            int best = 0;
            for (igraph_integer_t y = 0; y < nb2; y++)
                if (overlap[x * nb2 + y] > best) {
                    best = overlap[x * nb2 + y];
                    match[x] = (int)y;
                }
        }
        clout_table_t *m = clout_table_new("moved");
        clout_table_add_column(m, "id", CLOUT_COL_STR);
        clout_table_add_column(m, "name", CLOUT_COL_STR);
        clout_table_add_column(m, "community_a", CLOUT_COL_INT);
        clout_table_add_column(m, "community_b", CLOUT_COL_INT);
        for (guint k = 0; k < common->len; k++) {
            int i = g_array_index(common, int, k);
            igraph_integer_t x = VECTOR(ca)[k], y = VECTOR(cb)[k];
            if (match[x] == (int)y)
                continue;
            int row = clout_table_add_row(m);
            clout_table_set_str(m, row, 0, g_ptr_array_index(u.ids, i));
            clout_table_set_str(m, row, 1, cl_vstr(&a->graph, "name", u.va[i]));
            clout_table_set_int(m, row, 2, (long)x);
            clout_table_set_int(m, row, 3, (long)y);
        }
        g_free(overlap);
        g_free(match);
        *partitions = p;
        *moved = m;
    }
out:
    g_array_free(common, TRUE);
    igraph_vector_int_destroy(&ca);
    igraph_vector_int_destroy(&cb);
    actors_free(&u);
    clout_partition_destroy(&pa);
    clout_partition_destroy(&pb);
    return st;
}

/* ---- influence ---- */

/* The relations (or groups) either snapshot has no data for, left out of
 * both: *left_out (NULL-terminated), a->exclude and b->exclude pointing at it. */
void cl_like_with_like(const clout_dataset_t *da, clout_snapshot_opts_t *a,
                       const clout_dataset_t *db, clout_snapshot_opts_t *b, char ***left_out,
                       clout_error_t *err)
{
    char **na = cl_snapshot_not_covered(da, a->year, a);
    char **nb = cl_snapshot_not_covered(db, b->year, b);
    GPtrArray *v = g_ptr_array_new();
    for (char **p = a->exclude; p && *p; p++)
        g_ptr_array_add(v, g_strdup(*p));
    char **both[2] = {na, nb};
    for (int k = 0; k < 2; k++)
        for (char **p = both[k]; *p; p++) {
            bool seen = false;
            for (guint i = 0; i < v->len && !seen; i++)
                seen = strcmp(g_ptr_array_index(v, i), *p) == 0;
            if (!seen)
                g_ptr_array_add(v, g_strdup(*p));
        }
    g_ptr_array_add(v, NULL);
    *left_out = (char **)g_ptr_array_free(v, FALSE);
    a->exclude = b->exclude = *left_out;
    if (**left_out) {
        char *l = g_strjoinv(", ", *left_out);
        clout_error_warn(err,
                         "like with like: %s left out of %d and %d, for want of data in one of "
                         "them (--all-relations keeps them)",
                         l, a->year, b->year);
        g_free(l);
    }
    g_strfreev(na);
    g_strfreev(nb);
}

/* --all-relations: says which relations count in one snapshot only. */
static void warn_unlike(const clout_dataset_t *da, const clout_snapshot_opts_t *a,
                        const clout_dataset_t *db, const clout_snapshot_opts_t *b,
                        clout_error_t *err)
{
    char **na = cl_snapshot_not_covered(da, a->year, a);
    char **nb = cl_snapshot_not_covered(db, b->year, b);
    if (*na || *nb) {
        char *la = g_strjoinv(", ", na), *lb = g_strjoinv(", ", nb);
        clout_error_warn(err,
                         "--all-relations: the change mixes what happened with what the sources "
                         "stopped or started covering (no data in %d: %s; in %d: %s)",
                         a->year, *la ? la : "none", b->year, *lb ? lb : "none");
        g_free(la);
        g_free(lb);
    }
    g_strfreev(na);
    g_strfreev(nb);
}

clout_status_t clout_diff_influence(const clout_dataset_t *da, const clout_dataset_t *db,
                                    clout_table_t **out, const clout_snapshot_opts_t *sa,
                                    const clout_snapshot_opts_t *sb, const clout_diff_opts_t *o,
                                    clout_error_t *err)
{
    *out = NULL;
    clout_snapshot_opts_t a = *sa, b = *sb;
    char **left_out = NULL;
    if (!a.year)
        a.year = clout_snapshot_default_year(da, &a);
    if (!b.year)
        b.year = clout_snapshot_default_year(db, &b);
    if (!o->all_relations)
        cl_like_with_like(da, &a, db, &b, &left_out, err);
    else
        warn_unlike(da, &a, db, &b, err);
    clout_balance_samples_t A, B;
    clout_status_t st = clout_influence_balance_samples(da, &A, &a, &o->influence, err);
    if (st) {
        g_strfreev(left_out);
        return st;
    }
    st = clout_influence_balance_samples(db, &B, &b, &o->influence, err);
    if (st) {
        clout_balance_samples_destroy(&A);
        g_strfreev(left_out);
        return st;
    }
    char *left = left_out ? g_strjoinv(";", left_out) : g_strdup("");
    clout_table_t *t = clout_table_new("influence");
    clout_table_add_column(t, "focus", CLOUT_COL_STR);
    clout_table_add_column(t, "layer", CLOUT_COL_STR);
    static const char *ncol[] = {"balance_a", "balance_b", "delta",
                                 "delta_lo",  "delta_hi",  "sign_agreement"};
    for (int k = 0; k < 6; k++)
        clout_table_add_column(t, ncol[k], CLOUT_COL_NUM);
    clout_table_add_column(t, "left_out", CLOUT_COL_STR);
    int ns = MIN(A.n_samples, B.n_samples);
    if (ns > 1) {
        clout_table_add_column(t, "sign_majority", CLOUT_COL_STR);
        clout_table_add_column(t, "replicates", CLOUT_COL_NUM);
        clout_table_add_column(t, "dropped", CLOUT_COL_NUM);
        clout_table_add_column(t, "interval_flag", CLOUT_COL_STR);
    }
    double *d = g_new(double, ns > 1 ? ns - 1 : 1);
    /* The jackknife of a delta: A's units (B as it is), then B's (A as it is). */
    cl_jackknife_t jk = {.n = A.n_jack + B.n_jack, .stratum = g_new(int, A.n_jack + B.n_jack + 1)};
    for (int u = 0; u < A.n_jack; u++)
        jk.stratum[u] = A.jack_stratum[u];
    for (int u = 0; u < B.n_jack; u++)
        jk.stratum[A.n_jack + u] = B.jack_stratum[u] + 1000000; /* apart from A's */
    double *jd = g_new(double, jk.n + 1);
    /* Rows for every focus actor of A and every layer of A or B. */
    for (int f = 0; f < A.n_focus; f++) {
        int fb = -1;
        for (int k = 0; k < B.n_focus; k++)
            if (strcmp(A.focus[f], B.focus[k]) == 0)
                fb = k;
        GPtrArray *layers = g_ptr_array_new();
        for (int l = 0; l < A.n_layers; l++)
            g_ptr_array_add(layers, A.layers[l]);
        for (int l = 0; l < B.n_layers; l++) {
            bool seen = false;
            for (guint k = 0; k < layers->len; k++)
                seen |= strcmp(g_ptr_array_index(layers, k), B.layers[l]) == 0;
            if (!seen)
                g_ptr_array_insert(layers, (gint)layers->len - 1, B.layers[l]);
        }
        for (guint li = 0; li < layers->len; li++) {
            const char *layer = g_ptr_array_index(layers, li);
            int la = -1, lb = -1;
            for (int l = 0; l < A.n_layers; l++)
                if (strcmp(A.layers[l], layer) == 0)
                    la = l;
            for (int l = 0; l < B.n_layers; l++)
                if (strcmp(B.layers[l], layer) == 0)
                    lb = l;
            const double *va =
                la >= 0 ? &A.values[((size_t)f * A.n_layers + la) * A.n_samples] : NULL;
            const double *vb =
                fb >= 0 && lb >= 0 ? &B.values[((size_t)fb * B.n_layers + lb) * B.n_samples] : NULL;
            double ba = va ? va[0] : NAN, bb = vb ? vb[0] : NAN, delta = bb - ba;
            int r = clout_table_add_row(t);
            clout_table_set_str(t, r, 0, A.focus[f]);
            clout_table_set_str(t, r, 1, layer);
            clout_table_set_num(t, r, 2, ba);
            clout_table_set_num(t, r, 3, bb);
            clout_table_set_num(t, r, 4, delta);
            clout_table_set_str(t, r, 8, left);
            /* Replicate i of A is paired with replicate i of B: both were
             * drawn from (seed, i), so a snapshot against itself differs by 0. */
            if (ns > 1 && va && vb) {
                int m = 0, agree = 0, pos = 0, neg = 0;
                for (int i = 1; i < ns; i++) {
                    double x = vb[i] - va[i];
                    d[i - 1] = x;
                    if (!isfinite(x))
                        continue;
                    m++;
                    pos += x > 0;
                    neg += x < 0;
                    if (isfinite(delta) &&
                        ((x > 0 && delta > 0) || (x < 0 && delta < 0) || (x == 0 && delta == 0)))
                        agree++;
                }
                const double *ja = A.jack_values + ((size_t)f * A.n_layers + MAX(la, 0)) * A.n_jack;
                const double *jb =
                    B.jack_values + ((size_t)MAX(fb, 0) * B.n_layers + MAX(lb, 0)) * B.n_jack;
                for (int u = 0; u < A.n_jack; u++)
                    jd[u] = bb - ja[u];
                for (int u = 0; u < B.n_jack; u++)
                    jd[A.n_jack + u] = jb[u] - ba;
                cl_interval_t iv;
                cl_boot_interval(d, ns - 1, 1, delta, o->influence.interval, &jk, jd, 1, &iv);
                clout_table_set_num(t, r, 5, iv.lo);
                clout_table_set_num(t, r, 6, iv.hi);
                if (m > 0)
                    clout_table_set_num(t, r, 7, (double)agree / m);
                /* Whether the observed sign is that of most replicates
                 * (a zero delta: whether most are zero). */
                int same = delta > 0 ? pos : delta < 0 ? neg : m - pos - neg;
                clout_table_set_str(t, r, clout_table_column(t, "sign_majority"),
                                    !isfinite(delta) || m == 0 ? ""
                                    : 2 * same > m             ? "yes"
                                                               : "no");
                clout_table_set_num(t, r, clout_table_column(t, "replicates"), iv.used);
                clout_table_set_num(t, r, clout_table_column(t, "dropped"), iv.dropped);
                clout_table_set_str(t, r, clout_table_column(t, "interval_flag"), iv.flag);
            }
        }
        g_ptr_array_free(layers, TRUE);
    }
    g_free(d);
    g_free(jd);
    g_free(jk.stratum);
    g_free(left);
    g_strfreev(left_out);
    clout_balance_samples_destroy(&A);
    clout_balance_samples_destroy(&B);
    *out = t;
    return CLOUT_OK;
}

/* ---- summary and QAP ---- */

/* The weighted adjacency matrix over the union of actors (n x n, row-major),
 * parallel edges summed; an undirected edge fills both cells. */
static double *adjacency(const actors_t *u, const igraph_t *g)
{
    int n = (int)u->ids->len;
    double *m = g_new0(double, (size_t)n *n);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        int i = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, VAS(g, "id", IGRAPH_FROM(g, e)))) - 1;
        int j = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, VAS(g, "id", IGRAPH_TO(g, e)))) - 1;
        double w = cl_enum(g, "weight", e, 1);
        m[(size_t)i * n + j] += w;
        if (!igraph_is_directed(g) && i != j)
            m[(size_t)j * n + i] += w;
    }
    return m;
}

/* Pearson correlation of the off-diagonal cells (upper triangle if
 * undirected), B's rows and columns taken through perm. */
static double cell_correlation(const double *ma, const double *mb, int n,
                               const igraph_integer_t *perm, bool directed)
{
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    long cnt = 0;
    for (int i = 0; i < n; i++)
        for (int j = directed ? 0 : i + 1; j < n; j++) {
            if (i == j)
                continue;
            double x = ma[(size_t)i * n + j], y = mb[(size_t)perm[i] * n + perm[j]];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
            cnt++;
        }
    if (cnt < 2)
        return NAN;
    double cov = sab - sa * sb / cnt, va = saa - sa * sa / cnt, vb = sbb - sb * sb / cnt;
    return va > 0 && vb > 0 ? cov / sqrt(va * vb) : NAN;
}

clout_status_t cl_qap(const clout_network_t *a, const clout_network_t *b, double *r, double *p,
                      int permutations, unsigned long seed, clout_error_t *err)
{
    clout_init();
    clout_status_t st = same_kind(a, b, err);
    if (st)
        return st;
    actors_t u;
    actors_init(&u, &a->graph, &b->graph);
    int n = (int)u.ids->len;
    bool directed = igraph_is_directed(&a->graph);
    double *ma = adjacency(&u, &a->graph), *mb = adjacency(&u, &b->graph);
    igraph_vector_int_t perm = {0};
    cl_rng_scope_t rng;
    bool have_rng = false;
    *p = NAN;
    CLOUT_IGRAPH_TRY(igraph_vector_int_init_range(&perm, 0, n), "QAP");
    *r = cell_correlation(ma, mb, n, VECTOR(perm), directed);
    if (isfinite(*r) && permutations > 0) {
        /* igraph_vector_int_shuffle draws from igraph's default generator:
         * a private one seeded with seed stands in for it meanwhile. */
        CLOUT_IGRAPH_TRY(cl_rng_scope_begin(&rng, seed), "QAP");
        have_rng = true;
        int extreme = 0;
        for (int k = 0; k < permutations; k++) {
            CLOUT_IGRAPH_TRY(igraph_vector_int_shuffle(&perm), "QAP");
            double rp = cell_correlation(ma, mb, n, VECTOR(perm), directed);
            /* a relative tolerance, so that permutations that give the same
             * matrix (automorphisms) count as as extreme as the data */
            if (isfinite(rp) && fabs(rp) >= fabs(*r) * (1 - 1e-12))
                extreme++;
        }
        *p = (1.0 + extreme) / (1.0 + permutations);
    }
out:
    if (have_rng)
        cl_rng_scope_end(&rng);
    igraph_vector_int_destroy(&perm);
    g_free(ma);
    g_free(mb);
    actors_free(&u);
    return st;
}

clout_status_t clout_diff_summary(const clout_network_t *a, const clout_network_t *b,
                                  clout_table_t **out, const clout_diff_opts_t *o,
                                  clout_error_t *err)
{
    *out = NULL;
    clout_status_t st = same_kind(a, b, err);
    if (st)
        return st;
    double r, p;
    st = cl_qap(a, b, &r, &p, o->permutations, o->seed, err);
    if (st)
        return st;
    actors_t u;
    actors_init(&u, &a->graph, &b->graph);
    GHashTable *ea = edge_index(&u, &a->graph), *eb = edge_index(&u, &b->graph);
    long both = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, ea);
    while (g_hash_table_iter_next(&it, &key, NULL))
        both += g_hash_table_contains(eb, key);
    long uni = (long)g_hash_table_size(ea) + (long)g_hash_table_size(eb) - both;
    g_hash_table_destroy(ea);
    g_hash_table_destroy(eb);
    actors_free(&u);
    double dens[2], mod[2];
    const clout_network_t *nets[2] = {a, b};
    for (int k = 0; k < 2 && !st; k++) {
        igraph_real_t d = NAN;
        if (igraph_vcount(&nets[k]->graph) > 1)
            CLOUT_IGRAPH_TRY(igraph_density(&nets[k]->graph, &d, false), "density");
        dens[k] = d;
        mod[k] = NAN;
        if (igraph_ecount(&nets[k]->graph) > 0) {
            clout_partition_t part;
            st = clout_communities(nets[k], &part, &o->communities, err);
            if (!st) {
                mod[k] = part.modularity;
                clout_partition_destroy(&part);
            }
        }
    }
out:
    if (st)
        return st;
    clout_table_t *t = clout_table_new("summary");
    clout_table_add_column(t, "item", CLOUT_COL_STR);
    clout_table_add_column(t, "a", CLOUT_COL_NUM);
    clout_table_add_column(t, "b", CLOUT_COL_NUM);
    clout_table_add_column(t, "value", CLOUT_COL_NUM);
    struct {
        const char *item;
        double a, b, v;
    } rows[] = {
        {"actors", (double)igraph_vcount(&a->graph), (double)igraph_vcount(&b->graph), NAN},
        {"edges", (double)igraph_ecount(&a->graph), (double)igraph_ecount(&b->graph), NAN},
        {"density", dens[0], dens[1], NAN},
        {"modularity", mod[0], mod[1], NAN},
        {"ties_in_both", NAN, NAN, (double)both},
        {"tie_jaccard", NAN, NAN, uni > 0 ? (double)both / uni : NAN},
        {"qap_correlation", NAN, NAN, r},
        {"qap_p", NAN, NAN, p},
        {"qap_permutations", NAN, NAN, (double)o->permutations},
    };
    for (size_t k = 0; k < G_N_ELEMENTS(rows); k++) {
        int row = clout_table_add_row(t);
        clout_table_set_str(t, row, 0, rows[k].item);
        clout_table_set_num(t, row, 1, rows[k].a);
        clout_table_set_num(t, row, 2, rows[k].b);
        clout_table_set_num(t, row, 3, rows[k].v);
    }
    *out = t;
    return CLOUT_OK;
}
