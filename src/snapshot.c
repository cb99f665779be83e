/* snapshot.c: turns a dataset into the weighted network of one year. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* One unit's contribution to one edge (a unit: a group of relations, or a
 * relation alone; dependence.c). */
typedef struct {
    int edge, unit;
} contrib_t;

typedef struct {
    int u, v;
    double weight;
} edge_t;

/* An open-addressing map from pair keys to an index + 1 (0: empty slot).
 * GLib's hash table would want each 8-byte key copied into a malloc'd block
 * of its own (1.6 million of them for a 1.6 million-edge snapshot). */
typedef struct {
    guint64 *key;
    gint32 *val;
    guint32 mask, n;
} pairmap_t;

static void pairmap_init(pairmap_t *m, guint32 size)
{
    m->key = g_new(guint64, size);
    m->val = g_new0(gint32, size);
    m->mask = size - 1;
    m->n = 0;
}

static void pairmap_destroy(pairmap_t *m)
{
    g_free(m->key);
    g_free(m->val);
}

static guint32 pairmap_pos(const pairmap_t *m, guint64 key)
{
    guint32 i = cl_pair_slot(key, m->mask);
    while (m->val[i] && m->key[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

/* A map size for up to n keys: a power of two, at least 2n (the map grows
 * past a load of a half), capped so that a wild guess costs no memory: the
 * map still grows when it must. */
static guint32 map_size(long n)
{
    guint32 size = 64;
    while (size < 2 * (guint64)n && size < (1u << 24))
        size *= 2;
    return size;
}

/* The value slot of key, inserted as 0 when new (the caller sets it). */
static gint32 *pairmap_slot(pairmap_t *m, guint64 key)
{
    if (2 * (m->n + 1) > m->mask + 1) { /* keep the load under a half */
        pairmap_t big;
        pairmap_init(&big, 2 * (m->mask + 1));
        for (guint32 i = 0; i <= m->mask; i++)
            if (m->val[i]) {
                guint32 j = pairmap_pos(&big, m->key[i]);
                big.key[j] = m->key[i];
                big.val[j] = m->val[i];
            }
        big.n = m->n;
        pairmap_destroy(m);
        *m = big;
    }
    guint32 i = pairmap_pos(m, key);
    if (!m->val[i]) {
        m->key[i] = key;
        m->n++;
    }
    return &m->val[i];
}

/* The dataset's layers, or its relations and groups, each once, in order. */
static char **names_of(const clout_dataset_t *ds, bool layers)
{
    GPtrArray *v = g_ptr_array_new();
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        const char *cand[2] = {layers ? rel->layer : rel->name, layers ? "" : rel->group};
        for (int k = 0; k < 2; k++) {
            bool seen = !*cand[k];
            for (guint i = 0; i < v->len && !seen; i++)
                seen = strcmp(g_ptr_array_index(v, i), cand[k]) == 0;
            if (!seen)
                g_ptr_array_add(v, (gpointer)cand[k]);
        }
    }
    g_ptr_array_add(v, NULL);
    return (char **)g_ptr_array_free(v, FALSE);
}

/* Checks the names in --layers, --relations and the exclusions against the
 * dataset (relations may be named by their group). */
static clout_status_t check_filters(const clout_dataset_t *ds, const clout_snapshot_opts_t *o,
                                    clout_error_t *err)
{
    char **const lists[3] = {o->layers, o->relations, o->exclude};
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < 3 && !st; k++) {
        char **valid = names_of(ds, k == 0);
        for (char **p = lists[k]; p && *p && !st; p++) {
            bool found = false;
            for (char **v = valid; *v && !found; v++)
                found = strcmp(*v, *p) == 0;
            if (!found) {
                char *msg = cl_unknown(k == 0 ? "layer" : "relation", *p, valid);
                st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "%s", msg);
                g_free(msg);
            }
        }
        g_free(valid);
    }
    return st;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Sorted distinct names joined by ';'. */
static char *join_sorted(GPtrArray *names)
{
    g_ptr_array_sort(names, cmp_str);
    GString *s = g_string_new(NULL);
    const char *prev = NULL;
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        if (prev && strcmp(prev, n) == 0)
            continue;
        if (s->len)
            g_string_append_c(s, ';');
        g_string_append(s, n);
        prev = n;
    }
    return g_string_free(s, FALSE);
}

bool cl_tie_in_snapshot(const clout_dataset_t *ds, const clout_tie_t *t, int year, int window)
{
    if (clout_dataset_relation(ds, t->relation)->mode != CLOUT_MODE_STATE)
        return t->start <= year && t->start > year - window;
    return t->start <= year && (!t->end || t->end >= year);
}

clout_network_t *cl_network_new(const char *source)
{
    clout_init();
    clout_network_t *net = g_new0(clout_network_t, 1);
    net->source = g_strdup(source);
    return net;
}

void clout_network_free(clout_network_t *net)
{
    if (!net)
        return;
    /* A network whose graph was never made (a failed read or build) has
     * it zeroed: igraph_create and the readers leave `from` allocated
     * only when they succeed. */
    if (net->graph.from.stor_begin)
        igraph_destroy(&net->graph);
    g_free(net->source);
    g_free(net);
}

void clout_snapshot_opts_init(clout_snapshot_opts_t *o)
{
    *o = (clout_snapshot_opts_t){.year = CLOUT_NO_YEAR, .window = CLOUT_DEFAULT_WINDOW};
}

clout_status_t clout_snapshot(const clout_dataset_t *ds, clout_network_t **out,
                              const clout_snapshot_opts_t *o, clout_error_t *err)
{
    return cl_snapshot_of_ties(out, ds, (const clout_tie_t *)ds->ties->data,
                               clout_dataset_n_ties(ds), o, err);
}

/* What a snapshot is built from, and what each step leaves for the next. */
typedef struct {
    const clout_dataset_t *ds;
    const clout_tie_t *ties;
    long nt;
    int year, window, na, nr;
    int nv;           /* vertices: the actors alive or tied in the snapshot */
    bool directed;    /* the network: directed when a kept relation is */
    gint *vertex;     /* [actor]: vertex index, or -1 */
    cl_deps_t deps;   /* who depends on whom, unit by unit */
    GArray *edges;    /* edge_t */
    GArray *contribs; /* contrib_t, by edge once sorted */
} build_t;

static void build_release(build_t *b)
{
    cl_deps_release(&b->deps);
    if (b->edges)
        g_array_free(b->edges, TRUE);
    if (b->contribs)
        g_array_free(b->contribs, TRUE);
    g_free(b->vertex);
}

/* The year and window of the snapshot, checked against the dataset. */
static clout_status_t check_request(build_t *b, const clout_snapshot_opts_t *o, clout_error_t *err)
{
    const clout_dataset_t *ds = b->ds;
    clout_status_t st = check_filters(ds, o, err);
    if (st)
        return st;
    b->year = o->year ? o->year : clout_snapshot_default_year(ds, o);
    b->window = o->window;
    if (b->window < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a window of %d years: it must be 1 or more", b->window);
    if (b->year == CLOUT_NO_YEAR)
        return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                               "the dataset has no ties, so it has no latest year: name one "
                               "with DATASET@YEAR");
    if (ds->only_year && (b->year != ds->only_year || b->window != ds->only_window))
        return clout_error_set(err, CLOUT_EUSAGE, clout_dataset_path(ds), 0, 0,
                               "loaded for the snapshot of %d (window %d), not of %d (window %d)",
                               ds->only_year, ds->only_window, b->year, b->window);
    return cl_snapshot_check_year(ds, b->year, o, err);
}

/* Step 1: who depends on whom (dependence.c), and the vertices: the actors
 * alive in the year (WORLD never) and those a dependence touches, in the
 * order of actors.csv.  The network is directed when a selected relation is. */
static clout_status_t collect(build_t *b, const clout_snapshot_opts_t *o, clout_error_t *err)
{
    const clout_dataset_t *ds = b->ds;
    clout_status_t st = cl_deps_compute(ds, b->ties, b->nt, o, b->year, &b->deps, err);
    if (st)
        return st;
    for (int u = 0; u < b->deps.n_units; u++)
        b->directed |= b->deps.units[u].directed;
    b->vertex = g_new(gint, b->na);
    for (int a = 0; a < b->na; a++) {
        const clout_actor_t *act = clout_dataset_actor(ds, a);
        bool alive = (!act->start || act->start <= b->year) && (!act->end || act->end >= b->year);
        b->vertex[a] = alive && strcmp(act->id, CLOUT_WORLD) != 0 ? 0 : -1;
    }
    const cl_dep_t *dp = (const cl_dep_t *)(void *)b->deps.deps->data;
    for (guint i = 0; i < b->deps.deps->len; i++)
        b->vertex[dp[i].src] = b->vertex[dp[i].dst] = 0;
    for (int a = 0; a < b->na; a++)
        if (b->vertex[a] == 0)
            b->vertex[a] = b->nv++;
    return CLOUT_OK;
}

/* Step 2: each dependence adds the unit's weight x its strength to the edge
 * src -> dst.  In an undirected network the edge of a pair gets the mean of
 * its two directions (the same for all but shares, whose denominators are
 * each end's own). */
static void make_edges(build_t *b)
{
    b->edges = g_array_new(FALSE, FALSE, sizeof(edge_t));
    b->contribs = g_array_new(FALSE, FALSE, sizeof(contrib_t));
    pairmap_t eix;
    pairmap_init(&eix, map_size((long)b->deps.deps->len));
    const cl_dep_t *dp = (const cl_dep_t *)(void *)b->deps.deps->data;
    for (guint i = 0; i < b->deps.deps->len; i++) {
        double w = b->deps.units[dp[i].unit].weight * dp[i].strength;
        if (!b->directed)
            w /= 2;
        if (!(w > 0))
            continue;
        int u = b->vertex[dp[i].src], v = b->vertex[dp[i].dst];
        if (!b->directed && u > v) {
            int x = u;
            u = v;
            v = x;
        }
        gint32 *hit = pairmap_slot(&eix, cl_pair_key(u, v));
        int e;
        if (*hit) {
            e = *hit - 1;
            g_array_index(b->edges, edge_t, e).weight += w;
        } else {
            edge_t ed = {u, v, w};
            g_array_append_val(b->edges, ed);
            e = (int)b->edges->len - 1;
            *hit = e + 1;
        }
        contrib_t c = {e, dp[i].unit};
        g_array_append_val(b->contribs, c);
    }
    pairmap_destroy(&eix);
}

/* Step 3: edges in (u, v) order, so that the output does not depend on the
 * order of ties.csv, and contributions by edge, each edge's in relation
 * order.  igraph_vector_int_pair_order is a radix sort: O(edges +
 * vertices), where a comparison sort of 1.6 million edges took a tenth of
 * the ingest.  Edges are distinct pairs, so their order is the one a
 * comparison sort gives. */
static clout_status_t sort_edges(build_t *b, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t ne = (igraph_integer_t)b->edges->len, nc = (igraph_integer_t)b->contribs->len;
    igraph_vector_int_t key1 = {0}, key2 = {0}, order = {0}, rank = {0};
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&key1, ne), "sorting the edges");
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&key2, ne), "sorting the edges");
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&order, 0), "sorting the edges");
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&rank, ne), "sorting the edges");
    edge_t *ed = (edge_t *)(void *)b->edges->data;
    for (igraph_integer_t e = 0; e < ne; e++) {
        VECTOR(key1)[e] = ed[e].u;
        VECTOR(key2)[e] = ed[e].v;
    }
    CLOUT_IGRAPH_TRY(igraph_vector_int_pair_order(&key1, &key2, &order, b->nv),
                     "sorting the edges");
    GArray *sorted = g_array_sized_new(FALSE, FALSE, sizeof(edge_t), (guint)ne);
    for (igraph_integer_t k = 0; k < ne; k++) {
        g_array_append_val(sorted, ed[VECTOR(order)[k]]);
        VECTOR(rank)[VECTOR(order)[k]] = k; /* rank[old index] = new index */
    }
    g_array_free(b->edges, TRUE);
    b->edges = sorted;

    /* Contributions by (new edge, relation): a relation gives an edge at
     * most one contribution per direction, so this is the order in which
     * they were made, relation by relation. */
    contrib_t *cs = (contrib_t *)(void *)b->contribs->data;
    CLOUT_IGRAPH_TRY(igraph_vector_int_resize(&key1, nc), "sorting the edges");
    CLOUT_IGRAPH_TRY(igraph_vector_int_resize(&key2, nc), "sorting the edges");
    for (igraph_integer_t i = 0; i < nc; i++) {
        VECTOR(key1)[i] = VECTOR(rank)[cs[i].edge];
        VECTOR(key2)[i] = cs[i].unit;
    }
    CLOUT_IGRAPH_TRY(igraph_vector_int_pair_order(&key1, &key2, &order, MAX(ne, b->deps.n_units)),
                     "sorting the edges");
    GArray *csorted = g_array_sized_new(FALSE, FALSE, sizeof(contrib_t), (guint)nc);
    for (igraph_integer_t k = 0; k < nc; k++) {
        igraph_integer_t i = VECTOR(order)[k];
        contrib_t c = {(int)VECTOR(key1)[i], cs[i].unit};
        /* both directions of a pair in an undirected network: one contribution */
        if (csorted->len && g_array_index(csorted, contrib_t, csorted->len - 1).edge == c.edge &&
            g_array_index(csorted, contrib_t, csorted->len - 1).unit == c.unit)
            continue;
        g_array_append_val(csorted, c);
    }
    g_array_free(b->contribs, TRUE);
    b->contribs = csorted;
out:
    igraph_vector_int_destroy(&key1);
    igraph_vector_int_destroy(&key2);
    igraph_vector_int_destroy(&order);
    igraph_vector_int_destroy(&rank);
    return st;
}

/* Step 4: the igraph graph of the sorted edges. */
static clout_status_t make_graph(clout_network_t *net, const build_t *b, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t ne = (igraph_integer_t)b->edges->len;
    igraph_vector_int_t ev = {0};
    igraph_vector_t wv = {0};
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&ev, 2 * ne), "building the snapshot");
    CLOUT_IGRAPH_TRY(igraph_vector_init(&wv, ne), "building the snapshot");
    for (igraph_integer_t e = 0; e < ne; e++) {
        const edge_t *ed = &g_array_index(b->edges, edge_t, e);
        VECTOR(ev)[2 * e] = ed->u;
        VECTOR(ev)[2 * e + 1] = ed->v;
        VECTOR(wv)[e] = ed->weight;
    }
    CLOUT_IGRAPH_TRY(igraph_create(&net->graph, &ev, b->nv, b->directed), "building the snapshot");
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(&net->graph, "weight", &wv),
                     "building the snapshot");
out:
    igraph_vector_int_destroy(&ev);
    igraph_vector_destroy(&wv);
    return st;
}

/* The vertex attributes id, name, kind and role, from actors.csv. */
static clout_status_t set_vertex_attrs(clout_network_t *net, const build_t *b, clout_error_t *err)
{
    static const char *vattr[4] = {"id", "name", "kind", "role"};
    static const char *roles[] = {"", "pole", "focus"};
    clout_status_t st = CLOUT_OK;
    igraph_strvector_t sv[4] = {{0}};
    for (int k = 0; k < 4; k++)
        CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv[k], b->nv), "building the snapshot");
    for (int a = 0; a < b->na; a++) {
        if (b->vertex[a] < 0)
            continue;
        const clout_actor_t *act = clout_dataset_actor(b->ds, a);
        const char *val[4] = {act->id, act->name, act->kind, roles[act->role]};
        for (int k = 0; k < 4; k++)
            CLOUT_IGRAPH_TRY(igraph_strvector_set(&sv[k], b->vertex[a], val[k]),
                             "building the snapshot");
    }
    for (int k = 0; k < 4; k++)
        CLOUT_IGRAPH_TRY(igraph_cattribute_VAS_setv(&net->graph, vattr[k], &sv[k]),
                         "building the snapshot");
out:
    for (int k = 0; k < 4; k++)
        cl_strvector_release(&sv[k]);
    return st;
}

/* The edge strings "layer" and "relations": the sorted, distinct layers and
 * names of each edge's units (a group's name, else the relation's), joined
 * by ';'. */
static clout_status_t set_edge_strings(clout_network_t *net, const build_t *b, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t ne = (igraph_integer_t)b->edges->len;
    igraph_strvector_t layers = {0}, rels = {0};
    GPtrArray *ln = g_ptr_array_new(), *rn = g_ptr_array_new();
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    /* An edge's two strings depend only on its set of relations, and few
     * sets occur: with up to 63 relations a set is a bit mask, and its
     * strings are made once (index + 1 into names). */
    pairmap_t sets;
    pairmap_init(&sets, 64);
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&layers, ne), "building the snapshot");
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&rels, ne), "building the snapshot");
    const GArray *contribs = b->contribs;
    for (guint i = 0; i < contribs->len;) {
        int e = g_array_index(contribs, contrib_t, i).edge;
        g_ptr_array_set_size(ln, 0);
        g_ptr_array_set_size(rn, 0);
        guint64 mask = 0;
        for (; i < contribs->len && g_array_index(contribs, contrib_t, i).edge == e; i++) {
            int r = g_array_index(contribs, contrib_t, i).unit;
            const cl_unit_t *un = &b->deps.units[r];
            g_ptr_array_add(ln, (gpointer)un->layer);
            g_ptr_array_add(rn, (gpointer)un->name);
            mask |= r < 63 ? (guint64)1 << r : (guint64)1 << 63;
        }
        gint32 *hit = b->deps.n_units <= 63 ? pairmap_slot(&sets, mask) : NULL;
        if (!hit || !*hit) {
            g_ptr_array_add(names, join_sorted(ln));
            g_ptr_array_add(names, join_sorted(rn));
            if (hit)
                *hit = (gint32)names->len - 1;
        }
        int k = hit ? *hit - 1 : (int)names->len - 2;
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&layers, e, g_ptr_array_index(names, k)),
                         "building the snapshot");
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&rels, e, g_ptr_array_index(names, k + 1)),
                         "building the snapshot");
        if (!hit)
            g_ptr_array_set_size(names, 0);
    }
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAS_setv(&net->graph, "layer", &layers),
                     "building the snapshot");
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAS_setv(&net->graph, "relations", &rels),
                     "building the snapshot");
out:
    pairmap_destroy(&sets);
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(ln, TRUE);
    g_ptr_array_free(rn, TRUE);
    cl_strvector_release(&layers);
    cl_strvector_release(&rels);
    return st;
}

clout_status_t cl_snapshot_of_ties(clout_network_t **out, const clout_dataset_t *ds,
                                   const clout_tie_t *ties, long nt, const clout_snapshot_opts_t *o,
                                   clout_error_t *err)
{
    clout_init();
    *out = NULL;
    build_t b = {.ds = ds,
                 .ties = ties,
                 .nt = nt,
                 .na = clout_dataset_n_actors(ds),
                 .nr = clout_dataset_n_relations(ds)};
    clout_status_t st = check_request(&b, o, err);
    if (st)
        return st;
    st = collect(&b, o, err);
    if (!st) {
        make_edges(&b);
        st = sort_edges(&b, err);
    }
    g_autofree char *source = g_strdup_printf("%s@%d", clout_dataset_path(ds), b.year);
    g_autoptr(clout_network_t) net = cl_network_new(source);
    net->year = b.year;
    net->window = b.window;
    if (!st)
        st = make_graph(net, &b, err);
    if (!st)
        st = set_vertex_attrs(net, &b, err);
    if (!st)
        st = set_edge_strings(net, &b, err);
    build_release(&b);
    if (!st)
        *out = g_steal_pointer(&net);
    return st;
}
