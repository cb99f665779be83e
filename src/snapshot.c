/* snapshot.c: turns a dataset into the weighted network of one year. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* One actor pair of one relation, with its raw amount in the snapshot. */
typedef struct {
    int a, b;
    double value;
} pairval_t;

/* One relation's contribution to one edge. */
typedef struct {
    int edge, relation;
} contrib_t;

typedef struct {
    int u, v;
    double weight;
} edge_t;

static guint64 pair_key(int a, int b)
{
    return ((guint64)(guint32)a << 32) | (guint32)b;
}

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
    guint64 x = key; /* MurmurHash3's finaliser: g_int64_hash's XOR fold collided */
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    guint32 i = (guint32)x & m->mask;
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

static bool in_list(char **list, const char *s)
{
    for (char **p = list; *p; p++)
        if (strcmp(*p, s) == 0)
            return true;
    return false;
}

/* Checks the names in --layers and --relations against the dataset. */
static clout_status_t check_filters(const clout_dataset_t *ds, const clout_snapshot_opts_t *o,
                                    clout_error_t *err)
{
    int nr = clout_dataset_n_relations(ds);
    for (char **p = o->layers; p && *p; p++) {
        bool found = false;
        for (int r = 0; r < nr && !found; r++)
            found = strcmp(clout_dataset_relation(ds, r)->layer, *p) == 0;
        if (!found) {
            GString *known = g_string_new(NULL);
            for (int r = 0; r < nr; r++) {
                const char *l = clout_dataset_relation(ds, r)->layer;
                if (!strstr(known->str, l))
                    g_string_append_printf(known, "%s%s", known->len ? ", " : "", l);
            }
            clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                            "unknown layer '%s' (the dataset has: %s)", *p, known->str);
            g_string_free(known, TRUE);
            return CLOUT_EUSAGE;
        }
    }
    for (char **p = o->relations; p && *p; p++)
        if (clout_dataset_find_relation(ds, *p) < 0)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "unknown relation '%s' (see relations.csv)", *p);
    return CLOUT_OK;
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

static double strength(const clout_relation_t *r, double v, double max, double total)
{
    switch (r->scale) {
    case CLOUT_SCALE_BINARY: return v > 0 ? 1 : 0;
    case CLOUT_SCALE_MAX: return max > 0 ? v / max : 0;
    case CLOUT_SCALE_LOG: return max > 0 ? log1p(v) / log1p(max) : 0;
    case CLOUT_SCALE_SHARE: return total > 0 ? v / total : 0;
    }
    return 0;
}

bool clout_tie_in_snapshot(const clout_dataset_t *ds, const clout_tie_t *t, int year, int window)
{
    if (clout_dataset_relation(ds, t->relation)->mode != CLOUT_MODE_STATE)
        return t->start <= year && t->start > year - window;
    return t->start <= year && (!t->end || t->end >= year);
}

/* One stable counting sort of the edges in (the identity when NULL) by v
 * (or u): out[k] = the k-th edge.  cnt has nv + 1 slots. */
static void counting_pass(const edge_t *ed, int ne, int nv, int *cnt, const int *in, int *out,
                          bool by_u)
{
    memset(cnt, 0, sizeof(int) * (size_t)(nv + 1));
    for (int e = 0; e < ne; e++)
        cnt[(by_u ? ed[e].u : ed[e].v) + 1]++;
    for (int k = 0; k < nv; k++)
        cnt[k + 1] += cnt[k];
    for (int k = 0; k < ne; k++) {
        int e = in ? in[k] : k;
        out[cnt[by_u ? ed[e].u : ed[e].v]++] = e;
    }
}

clout_network_t *clout_network_new(const char *source)
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
    igraph_destroy(&net->graph);
    g_free(net->source);
    g_free(net);
}

void clout_snapshot_opts_init(clout_snapshot_opts_t *o)
{
    *o = (clout_snapshot_opts_t){.year = CLOUT_NO_YEAR, .window = CLOUT_DEFAULT_WINDOW};
}

clout_status_t clout_snapshot(clout_network_t **out, const clout_dataset_t *ds,
                              const clout_snapshot_opts_t *o, clout_error_t *err)
{
    return clout_snapshot_of_ties(out, ds, (const clout_tie_t *)ds->ties->data,
                                  clout_dataset_n_ties(ds), o, err);
}

clout_status_t clout_snapshot_of_ties(clout_network_t **out, const clout_dataset_t *ds,
                                      const clout_tie_t *ties, long nt,
                                      const clout_snapshot_opts_t *o, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    clout_status_t st = check_filters(ds, o, err);
    if (st)
        return st;
    int year = o->year ? o->year : clout_dataset_latest_year(ds);
    int window = o->window;
    if (window < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a window of %d years: it must be 1 or more", window);
    if (year == CLOUT_NO_YEAR)
        return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                               "the dataset has no ties, so it has no latest year: name one "
                               "with DATASET@YEAR");
    if (ds->only_year && (year != ds->only_year || window != ds->only_window))
        return clout_error_set(err, CLOUT_EUSAGE, clout_dataset_path(ds), 0, 0,
                               "loaded for the snapshot of %d (window %d), not of %d (window %d)",
                               ds->only_year, ds->only_window, year, window);
    int na = clout_dataset_n_actors(ds), nr = clout_dataset_n_relations(ds);

    bool *sel = g_new0(bool, nr);
    bool directed = false;
    for (int r = 0; r < nr; r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        sel[r] = (!o->layers || in_list(o->layers, rel->layer)) &&
                 (!o->relations || in_list(o->relations, rel->name));
        if (sel[r] && rel->directed)
            directed = true;
    }

    /* 1. Raw amounts per relation and pair: flows summed over the window;
     * state ties that overlap count once, at their largest value. */
    GArray **pairs = g_new0(GArray *, nr);
    pairmap_t *pix = g_new0(pairmap_t, nr);
    gint *vertex = g_new(gint, na);
    for (int a = 0; a < na; a++) {
        const clout_actor_t *act = clout_dataset_actor(ds, a);
        bool alive = (!act->start || act->start <= year) && (!act->end || act->end >= year);
        vertex[a] = alive && strcmp(act->id, CLOUT_WORLD) != 0 ? 0 : -1;
    }
    /* Sizes first: maps that never grow cost half as much as maps that
     * double from small (a 5 million-tie file has 1.5 million pairs). */
    long *per_rel = g_new0(long, nr);
    for (long i = 0; i < nt; i++)
        per_rel[ties[i].relation]++;
    long n_pairs_max = 0;
    int world = clout_dataset_find_actor(ds, CLOUT_WORLD);
    for (long i = 0; i < nt; i++) {
        const clout_tie_t *t = &ties[i];
        if (!sel[t->relation] || t->source == world || t->target == world)
            continue;
        const clout_relation_t *rel = clout_dataset_relation(ds, t->relation);
        if (!clout_tie_in_snapshot(ds, t, year, window))
            continue;
        int a = t->source, b = t->target;
        if (!rel->directed && a > b) {
            int x = a;
            a = b;
            b = x;
        }
        if (!pairs[t->relation]) {
            pairs[t->relation] = g_array_sized_new(FALSE, FALSE, sizeof(pairval_t),
                                                   (guint)MIN(per_rel[t->relation], 1 << 20));
            pairmap_init(&pix[t->relation], map_size(per_rel[t->relation]));
            n_pairs_max += per_rel[t->relation];
        }
        gint32 *hit = pairmap_slot(&pix[t->relation], pair_key(a, b));
        if (*hit) {
            pairval_t *pv = &g_array_index(pairs[t->relation], pairval_t, *hit - 1);
            if (rel->mode == CLOUT_MODE_FLOW)
                pv->value += t->value;
            else if (t->value > pv->value)
                pv->value = t->value;
        } else {
            pairval_t pv = {a, b, t->value};
            g_array_append_val(pairs[t->relation], pv);
            *hit = (gint32)pairs[t->relation]->len;
        }
        vertex[t->source] = vertex[t->target] = 0;
    }

    /* Vertices keep the order of actors.csv. */
    int nv = 0;
    for (int a = 0; a < na; a++)
        if (vertex[a] == 0)
            vertex[a] = nv++;

    /* 2. Scale each relation and add weight x strength to the edges. */
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(edge_t));
    GArray *contribs = g_array_new(FALSE, FALSE, sizeof(contrib_t));
    g_free(per_rel);
    pairmap_t eix;
    pairmap_init(&eix, map_size(n_pairs_max));
    double *total = g_new0(double, na);
    for (int r = 0; r < nr; r++) {
        if (!pairs[r])
            continue;
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        double max = 0;
        /* total[] is all zeros here: each relation clears what it touched, so
         * that many relations cost their ties, not relations x actors. */
        for (guint i = 0; i < pairs[r]->len; i++) {
            pairval_t *pv = &g_array_index(pairs[r], pairval_t, i);
            max = MAX(max, pv->value);
            total[pv->b] += pv->value;
            if (!rel->directed)
                total[pv->a] += pv->value;
        }
        for (guint i = 0; i < pairs[r]->len; i++) {
            pairval_t *pv = &g_array_index(pairs[r], pairval_t, i);
            /* Directions to add: the tie's own, and for an undirected relation
             * in a directed network the reverse too.  A share is what the
             * receiving end gets from the other, so each direction has its own;
             * in an undirected network the two shares are averaged. */
            int dirs[2][2] = {{pv->a, pv->b}, {pv->b, pv->a}};
            int ndir = (directed && !rel->directed) ? 2 : 1;
            for (int d = 0; d < ndir; d++) {
                int s = dirs[d][0], t = dirs[d][1];
                double w;
                if (rel->scale == CLOUT_SCALE_SHARE && !directed)
                    w = (strength(rel, pv->value, max, total[t]) +
                         strength(rel, pv->value, max, total[s])) /
                        2;
                else
                    w = strength(rel, pv->value, max, total[t]);
                w *= rel->weight;
                if (!(w > 0))
                    continue;
                int u = vertex[s], v = vertex[t];
                if (!directed && u > v) {
                    int x = u;
                    u = v;
                    v = x;
                }
                gint32 *hit = pairmap_slot(&eix, pair_key(u, v));
                int e;
                if (*hit) {
                    e = *hit - 1;
                    g_array_index(edges, edge_t, e).weight += w;
                } else {
                    edge_t ed = {u, v, w};
                    g_array_append_val(edges, ed);
                    e = (int)edges->len - 1;
                    *hit = e + 1;
                }
                contrib_t c = {e, r};
                g_array_append_val(contribs, c);
            }
        }
        for (guint i = 0; i < pairs[r]->len; i++) {
            pairval_t *pv = &g_array_index(pairs[r], pairval_t, i);
            total[pv->a] = total[pv->b] = 0;
        }
    }
    g_free(total);
    for (int r = 0; r < nr; r++)
        if (pairs[r]) {
            g_array_free(pairs[r], TRUE);
            pairmap_destroy(&pix[r]);
        }
    g_free(pairs);
    g_free(pix);
    pairmap_destroy(&eix);

    /* 3. Edge order: by endpoints, so the output does not depend on the order
     * of ties.csv.  Contributions follow their edges through the sort. */
    int ne = (int)edges->len;
    {
        /* Two stable counting sorts, by v then by u, give (u, v) order in
         * O(edges + vertices): a comparison sort of 1.6 million edges took
         * a tenth of the ingest.  Edges are distinct pairs, so the order is
         * the one the comparison sort gave. */
        int *cnt = g_new(int, nv + 1);
        int *by_v = g_new(int, ne > 0 ? ne : 1), *order = g_new(int, ne > 0 ? ne : 1);
        const edge_t *ed = (const edge_t *)edges->data;
        counting_pass(ed, ne, nv, cnt, NULL, by_v, false);
        counting_pass(ed, ne, nv, cnt, by_v, order, true);
        /* rank[old index] = new index, in by_v's memory */
        int *rank = by_v;
        for (int k = 0; k < ne; k++)
            rank[order[k]] = k;
        edge_t *sorted = g_new(edge_t, ne > 0 ? ne : 1);
        for (int k = 0; k < ne; k++)
            sorted[k] = ed[order[k]];
        if (ne > 0) /* edges->data is NULL for none, and memcpy wants a pointer */
            memcpy(edges->data, sorted, sizeof(edge_t) * (size_t)ne);
        g_free(sorted);
        /* Contributions were made relation by relation, so a stable sort by
         * edge leaves each edge's relations in order. */
        int nc = (int)contribs->len;
        contrib_t *cs = (contrib_t *)contribs->data, *cso = g_new(contrib_t, nc > 0 ? nc : 1);
        int *ccnt = g_new0(int, ne + 1);
        for (int i = 0; i < nc; i++)
            ccnt[rank[cs[i].edge] + 1]++;
        for (int k = 0; k < ne; k++)
            ccnt[k + 1] += ccnt[k];
        for (int i = 0; i < nc; i++) {
            contrib_t c = {rank[cs[i].edge], cs[i].relation};
            cso[ccnt[c.edge]++] = c;
        }
        if (nc > 0)
            memcpy(cs, cso, sizeof(contrib_t) * (size_t)nc);
        g_free(cso);
        g_free(ccnt);
        g_free(cnt);
        g_free(by_v);
        g_free(order);
    }

    /* 4. The igraph graph and its attributes. */
    char *source = g_strdup_printf("%s@%d", clout_dataset_path(ds), year);
    clout_network_t *net = clout_network_new(source);
    g_free(source);
    net->year = year;
    net->window = window;
    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, 2 * (igraph_integer_t)ne);
    igraph_vector_t wv;
    igraph_vector_init(&wv, ne);
    for (int e = 0; e < ne; e++) {
        edge_t *ed = &g_array_index(edges, edge_t, e);
        VECTOR(ev)[2 * e] = ed->u;
        VECTOR(ev)[2 * e + 1] = ed->v;
        VECTOR(wv)[e] = ed->weight;
    }
    igraph_error_t ie = igraph_empty(&net->graph, nv, directed);
    bool have_graph = !ie;
    if (!ie)
        ie = igraph_add_edges(&net->graph, &ev, NULL);
    igraph_strvector_t sv[4];
    static const char *vattr[4] = {"id", "name", "kind", "role"};
    static const char *roles[] = {"", "pole", "focus"};
    for (int k = 0; k < 4; k++)
        igraph_strvector_init(&sv[k], nv);
    for (int a = 0; a < na; a++) {
        if (vertex[a] < 0)
            continue;
        const clout_actor_t *act = clout_dataset_actor(ds, a);
        igraph_strvector_set(&sv[0], vertex[a], act->id);
        igraph_strvector_set(&sv[1], vertex[a], act->name);
        igraph_strvector_set(&sv[2], vertex[a], act->kind);
        igraph_strvector_set(&sv[3], vertex[a], roles[act->role]);
    }
    for (int k = 0; k < 4 && !ie; k++)
        ie = igraph_cattribute_VAS_setv(&net->graph, vattr[k], &sv[k]);
    for (int k = 0; k < 4; k++)
        igraph_strvector_destroy(&sv[k]);
    if (!ie)
        ie = igraph_cattribute_EAN_setv(&net->graph, "weight", &wv);
    igraph_strvector_t layers, rels;
    igraph_strvector_init(&layers, ne);
    igraph_strvector_init(&rels, ne);
    GPtrArray *ln = g_ptr_array_new(), *rn = g_ptr_array_new();
    /* An edge's two strings depend only on its set of relations, and few
     * sets occur: with up to 63 relations a set is a bit mask, and its
     * strings are made once (index + 1 into names). */
    pairmap_t sets;
    pairmap_init(&sets, 64);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < contribs->len;) {
        int e = g_array_index(contribs, contrib_t, i).edge;
        g_ptr_array_set_size(ln, 0);
        g_ptr_array_set_size(rn, 0);
        guint64 mask = 0;
        for (; i < contribs->len && g_array_index(contribs, contrib_t, i).edge == e; i++) {
            int r = g_array_index(contribs, contrib_t, i).relation;
            const clout_relation_t *rel = clout_dataset_relation(ds, r);
            g_ptr_array_add(ln, (gpointer)rel->layer);
            g_ptr_array_add(rn, (gpointer)rel->name);
            mask |= r < 63 ? (guint64)1 << r : (guint64)1 << 63;
        }
        gint32 *hit = nr <= 63 ? pairmap_slot(&sets, mask) : NULL;
        if (!hit || !*hit) {
            g_ptr_array_add(names, join_sorted(ln));
            g_ptr_array_add(names, join_sorted(rn));
            if (hit)
                *hit = (gint32)names->len - 1;
        }
        int k = hit ? *hit - 1 : (int)names->len - 2;
        igraph_strvector_set(&layers, e, g_ptr_array_index(names, k));
        igraph_strvector_set(&rels, e, g_ptr_array_index(names, k + 1));
        if (!hit)
            g_ptr_array_set_size(names, 0);
    }
    pairmap_destroy(&sets);
    g_ptr_array_free(names, TRUE);
    g_ptr_array_free(ln, TRUE);
    g_ptr_array_free(rn, TRUE);
    if (!ie)
        ie = igraph_cattribute_EAS_setv(&net->graph, "layer", &layers);
    if (!ie)
        ie = igraph_cattribute_EAS_setv(&net->graph, "relations", &rels);
    igraph_strvector_destroy(&layers);
    igraph_strvector_destroy(&rels);
    igraph_vector_int_destroy(&ev);
    igraph_vector_destroy(&wv);
    g_array_free(edges, TRUE);
    g_array_free(contribs, TRUE);
    g_free(vertex);
    g_free(sel);
    if (ie) {
        if (have_graph) {
            clout_network_free(net);
        } else {
            g_free(net->source);
            g_free(net);
        }
        return clout_igraph_error(err, ie, "building the snapshot");
    }
    *out = net;
    return CLOUT_OK;
}
