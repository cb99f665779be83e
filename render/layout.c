/* layout.c: node positions: Graphviz engines in-process (cgraph + gvc), geo, pinned and saved
 * layouts. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gvc.h>

#include "render.h"

struct clout_layout {
    GPtrArray *ids; /* char *, owned */
    GArray *xy;     /* double pairs, by index */
    GHashTable *ix; /* id (owned by ids) -> index + 1 */
};

clout_layout_t *clout_layout_new(void)
{
    clout_layout_t *l = g_new0(clout_layout_t, 1);
    l->ids = g_ptr_array_new_with_free_func(g_free);
    l->xy = g_array_new(FALSE, FALSE, sizeof(double));
    l->ix = g_hash_table_new(g_str_hash, g_str_equal);
    return l;
}

void clout_layout_free(clout_layout_t *l)
{
    if (!l)
        return;
    g_hash_table_destroy(l->ix);
    g_ptr_array_free(l->ids, TRUE);
    g_array_free(l->xy, TRUE);
    g_free(l);
}

int clout_layout_count(const clout_layout_t *l)
{
    return (int)l->ids->len;
}

const char *clout_layout_id(const clout_layout_t *l, int i)
{
    return i >= 0 && i < (int)l->ids->len ? g_ptr_array_index(l->ids, i) : NULL;
}

void clout_layout_set(clout_layout_t *l, const char *id, double x, double y)
{
    gpointer hit = g_hash_table_lookup(l->ix, id);
    if (hit) {
        int i = GPOINTER_TO_INT(hit) - 1;
        g_array_index(l->xy, double, 2 * i) = x;
        g_array_index(l->xy, double, 2 * i + 1) = y;
        return;
    }
    char *key = g_strdup(id);
    g_ptr_array_add(l->ids, key);
    g_array_append_val(l->xy, x);
    g_array_append_val(l->xy, y);
    g_hash_table_insert(l->ix, key, GINT_TO_POINTER((int)l->ids->len));
}

bool clout_layout_get(const clout_layout_t *l, const char *id, double *x, double *y)
{
    gpointer hit = id ? g_hash_table_lookup(l->ix, id) : NULL;
    if (!hit)
        return false;
    int i = GPOINTER_TO_INT(hit) - 1;
    *x = g_array_index(l->xy, double, 2 * i);
    *y = g_array_index(l->xy, double, 2 * i + 1);
    return true;
}

/* ---- files ---- */

clout_status_t clout_layout_read(clout_layout_t **out, const char *file, clout_error_t *err)
{
    *out = NULL;
    cl_csv_t *csv;
    clout_status_t st = cl_csv_open(&csv, file, file, err);
    if (st)
        return st;
    clout_layout_t *l = clout_layout_new();
    GHashTable *line_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    int col[3] = {-1, -1, -1}, width = 0;
    static const char *const names[3] = {"id", "x", "y"};
    int r = cl_csv_next(csv, err);
    if (r == 0)
        st = clout_error_set(err, CLOUT_EDATA, file, 0, 0,
                             "empty file; a layout is a CSV with the columns id, x and y");
    else if (r < 0)
        st = clout_error_status(err);
    if (!st) {
        width = cl_csv_n_fields(csv);
        for (int i = 0; i < width; i++)
            for (int k = 0; k < 3; k++)
                if (col[k] < 0 && strcmp(cl_csv_field(csv, i), names[k]) == 0)
                    col[k] = i;
        for (int k = 0; k < 3 && !st; k++)
            if (col[k] < 0)
                st = clout_error_set(err, CLOUT_EDATA, file, cl_csv_line(csv), 0,
                                     "the header has no column '%s' (a layout has the columns "
                                     "id, x and y)",
                                     names[k]);
    }
    while (!st && (r = cl_csv_next(csv, err)) > 0) {
        int nf = cl_csv_n_fields(csv);
        if (nf <= MAX(col[0], MAX(col[1], col[2]))) {
            st = clout_error_set(err, CLOUT_EDATA, file, cl_csv_line(csv), 0,
                                 "row has %d fields; the header has %d", nf, width);
            break;
        }
        const char *id = cl_csv_field(csv, col[0]);
        /* The writer guards formula-like ids with a quote; take it off. */
        if (id[0] == '\'' && id[1] && strchr("=+-@", id[1]))
            id++;
        if (!*id) {
            st = clout_error_set(err, CLOUT_EDATA, file, cl_csv_field_line(csv, col[0]),
                                 cl_csv_field_col(csv, col[0]), "column 'id' is empty");
            break;
        }
        gpointer first = g_hash_table_lookup(line_of, id);
        if (first) {
            st = clout_error_set(err, CLOUT_EDATA, file, cl_csv_field_line(csv, col[0]),
                                 cl_csv_field_col(csv, col[0]),
                                 "column 'id': '%s' appears twice (first on line %ld)", id,
                                 (long)GPOINTER_TO_SIZE(first));
            break;
        }
        double v[2];
        for (int k = 1; k < 3 && !st; k++) {
            const char *s = cl_csv_field(csv, col[k]);
            if (!clout_parse_number(s, &v[k - 1]))
                st = clout_error_set(err, CLOUT_EDATA, file, cl_csv_field_line(csv, col[k]),
                                     cl_csv_field_col(csv, col[k]),
                                     "column '%s': '%s' is not a number", names[k], s);
        }
        if (st)
            break;
        g_hash_table_insert(line_of, g_strdup(id),
                            GSIZE_TO_POINTER((gsize)cl_csv_field_line(csv, col[0])));
        clout_layout_set(l, id, v[0], v[1]);
    }
    if (!st && r < 0)
        st = clout_error_status(err);
    g_hash_table_destroy(line_of);
    cl_csv_close(csv);
    if (st) {
        clout_layout_free(l);
        return st;
    }
    *out = l;
    return CLOUT_OK;
}

/* An id as a CSV cell: quoted when it holds a comma, a quote or a line
 * break, and guarded against spreadsheets that run cells as formulas. */
static void csv_cell(FILE *f, const char *s)
{
    bool formula = strchr("=+-@", s[0]) && s[0];
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

/* "%.2f" without "-0.00". */
static void coord(FILE *f, double v)
{
    double r = round(v * 100) / 100;
    fprintf(f, "%.2f", r == 0 ? 0.0 : r);
}

clout_status_t clout_layout_write(const clout_layout_t *l, const char *file, clout_error_t *err)
{
    clout_output_t *o;
    clout_status_t st = clout_output_open(&o, file, err);
    if (st)
        return st;
    FILE *f = clout_output_file(o);
    fputs("id,x,y\n", f);
    for (guint i = 0; i < l->ids->len; i++) {
        csv_cell(f, g_ptr_array_index(l->ids, i));
        fputc(',', f);
        coord(f, g_array_index(l->xy, double, 2 * i));
        fputc(',', f);
        coord(f, g_array_index(l->xy, double, 2 * i + 1));
        fputc('\n', f);
    }
    return clout_output_commit(o, err);
}

/* ---- computing a layout ---- */

static const char *const ENGINES[] = {"neato", "fdp", "sfdp", "dot", "circo", "twopi", "geo", NULL};

void clout_layout_opts_init(clout_layout_opts_t *o)
{
    *o = (clout_layout_opts_t){.engine = CLOUT_LAYOUT_NEATO, .seed = 1};
}

int clout_layout_engine_from_name(const char *name)
{
    for (int i = 0; name && ENGINES[i]; i++)
        if (strcmp(name, ENGINES[i]) == 0)
            return i;
    return -1;
}

/* Degrees to points in the geo layout: 1 degree = 0.1 in, so that neato's
 * default tie length (1 in) is 10 degrees for the actors it places. */
#define GEO_PT_PER_DEGREE 7.2
/* Actors that share a point (a bloc at its seat's city) go on a ring of
 * 3% of the map's size, at least this. */
#define GEO_RING 14.0

/* Graphviz reports through agerr, which prints unless a handler takes the
 * messages; the library must not print, so they are kept here.  The hook
 * (agseterrf) takes no argument to say where, hence a static: like
 * Graphviz's own globals, it makes a layout something that runs in one
 * thread at a time. */
static GString *gv_messages;

static int gv_collect(char *msg)
{
    if (gv_messages)
        g_string_append(gv_messages, msg);
    return 0;
}

/* The union of the networks: actors in order of first appearance, ties as
 * unordered pairs (their direction only matters to dot). */
typedef struct {
    GPtrArray *ids; /* const char *, owned by the networks */
    GHashTable *ix; /* id -> index + 1 */
    GArray *pairs;  /* int pairs */
    bool directed;
} union_t;

static void union_build(union_t *u, clout_network_t *const *nets, int n_nets)
{
    u->ids = g_ptr_array_new();
    u->ix = g_hash_table_new(g_str_hash, g_str_equal);
    u->pairs = g_array_new(FALSE, FALSE, sizeof(int));
    u->directed = false;
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int k = 0; k < n_nets; k++) {
        const igraph_t *g = &nets[k]->graph;
        igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
        if (igraph_is_directed(g))
            u->directed = true;
        int *map = g_new(int, MAX(nv, 1));
        for (igraph_integer_t v = 0; v < nv; v++) {
            const char *id = cl_vstr(g, "id", v);
            gpointer hit = g_hash_table_lookup(u->ix, id);
            if (!hit) {
                g_ptr_array_add(u->ids, (gpointer)id);
                hit = GINT_TO_POINTER((int)u->ids->len);
                g_hash_table_insert(u->ix, (gpointer)id, hit);
            }
            map[v] = GPOINTER_TO_INT(hit) - 1;
        }
        for (igraph_integer_t e = 0; e < ne; e++) {
            int a = map[IGRAPH_FROM(g, e)], b = map[IGRAPH_TO(g, e)];
            if (a == b)
                continue;
            char key[32];
            g_snprintf(key, sizeof key, "%d %d", MIN(a, b), MAX(a, b));
            if (g_hash_table_contains(seen, key))
                continue;
            g_hash_table_add(seen, g_strdup(key));
            g_array_append_val(u->pairs, a);
            g_array_append_val(u->pairs, b);
        }
        g_free(map);
    }
    g_hash_table_destroy(seen);
}

static void union_free(union_t *u)
{
    g_ptr_array_free(u->ids, TRUE);
    g_hash_table_destroy(u->ix);
    g_array_free(u->pairs, TRUE);
}

/* The box {x0, y0, x1, y1} of the points i of xy whose in[i] is want;
 * x0 is INFINITY when there is none. */
static void bounds(const double *xy, int n, const bool *in, bool want, double *b)
{
    b[0] = b[1] = INFINITY;
    b[2] = b[3] = -INFINITY;
    for (int i = 0; i < n; i++)
        if (in[i] == want) {
            b[0] = MIN(b[0], xy[2 * i]);
            b[1] = MIN(b[1], xy[2 * i + 1]);
            b[2] = MAX(b[2], xy[2 * i]);
            b[3] = MAX(b[3], xy[2 * i + 1]);
        }
}

/* Geo positions from actors.csv: x = lon, y = -lat, scaled; false where the
 * actor has no coordinates. */
static void geo_coordinates(const union_t *u, const clout_dataset_t *ds, bool *placed, double *xy)
{
    for (int i = 0; i < (int)u->ids->len; i++) {
        int a = clout_dataset_find_actor(ds, g_ptr_array_index(u->ids, i));
        const clout_actor_t *act = a >= 0 ? clout_dataset_actor(ds, a) : NULL;
        if (!act || !isfinite(act->lat) || !isfinite(act->lon))
            continue;
        placed[i] = true;
        xy[2 * i] = act->lon * GEO_PT_PER_DEGREE;
        xy[2 * i + 1] = -act->lat * GEO_PT_PER_DEGREE;
    }
}

/* Whether the unit name (a relation, or a group of relations, as an edge's
 * "relations" string names them) holds a membership: an undirected
 * relation of mode state, what data-format.md calls a membership or a
 * pact.  A bloc's ties of that kind are its members'. */
static bool membership_unit(const clout_dataset_t *ds, const char *name)
{
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        bool named = strcmp(rel->name, name) == 0 || (*rel->group && strcmp(rel->group, name) == 0);
        if (named && !rel->directed && rel->mode == CLOUT_MODE_STATE)
            return true;
    }
    return false;
}

/* The pairs of the union ("a b", union indices, a < b) that some network
 * ties by a membership.  Edges of files without "relations" have none. */
static GHashTable *membership_pairs(const union_t *u, clout_network_t *const *nets, int n_nets,
                                    const clout_dataset_t *ds)
{
    GHashTable *pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int k = 0; k < n_nets; k++) {
        const igraph_t *g = &nets[k]->graph;
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
            const char *rels = cl_estr(g, "relations", e);
            gpointer hit = g_hash_table_lookup(known, rels);
            if (!hit) {
                bool m = false;
                char **v = g_strsplit(rels, ";", -1);
                for (char **p = v; *p && !m; p++)
                    m = **p && membership_unit(ds, *p);
                g_strfreev(v);
                hit = GINT_TO_POINTER(m ? 2 : 1);
                g_hash_table_insert(known, g_strdup(rels), hit);
            }
            if (GPOINTER_TO_INT(hit) != 2)
                continue;
            int a =
                GPOINTER_TO_INT(g_hash_table_lookup(u->ix, cl_vstr(g, "id", IGRAPH_FROM(g, e))));
            int b = GPOINTER_TO_INT(g_hash_table_lookup(u->ix, cl_vstr(g, "id", IGRAPH_TO(g, e))));
            if (a && b && a != b)
                g_hash_table_add(pairs, g_strdup_printf("%d %d", MIN(a, b) - 1, MAX(a, b) - 1));
        }
    }
    g_hash_table_destroy(known);
    return pairs;
}

/* Sums of positions, for a centroid. */
typedef struct {
    double x, y;
    int n;
} centroid_t;

static void centroid_add(centroid_t *c, const double *p)
{
    c->x += p[0];
    c->y += p[1];
    c->n++;
}

/* Blocs and companies without coordinates, at the centroid of the actors
 * with coordinates that stand for them: a bloc's members in the networks
 * drawn, a company's lead poles (actors.csv's lead); else, for both, the
 * actors they are tied to.  Without any, they stay free (neato's).  The
 * centroid is of lon and lat as plotted, so members on both sides of the
 * antimeridian average to its far side. */
static void geo_derive(const union_t *u, clout_network_t *const *nets, int n_nets,
                       const clout_dataset_t *ds, bool *placed, double *xy)
{
    int n = (int)u->ids->len;
    centroid_t *member = g_new0(centroid_t, MAX(n, 1)), *tied = g_new0(centroid_t, MAX(n, 1));
    GHashTable *mp = membership_pairs(u, nets, n_nets, ds);
    for (guint k = 0; k + 1 < u->pairs->len; k += 2) {
        int ab[2] = {g_array_index(u->pairs, int, k), g_array_index(u->pairs, int, k + 1)};
        char key[32];
        g_snprintf(key, sizeof key, "%d %d", MIN(ab[0], ab[1]), MAX(ab[0], ab[1]));
        bool m = g_hash_table_contains(mp, key);
        for (int s = 0; s < 2; s++) {
            int i = ab[s], j = ab[1 - s];
            if (placed[i] || !placed[j])
                continue;
            centroid_add(&tied[i], &xy[2 * j]);
            if (m)
                centroid_add(&member[i], &xy[2 * j]);
        }
    }
    g_hash_table_destroy(mp);
    bool *derived = g_new0(bool, MAX(n, 1));
    for (int i = 0; i < n; i++) {
        int a = placed[i] ? -1 : clout_dataset_find_actor(ds, g_ptr_array_index(u->ids, i));
        const clout_actor_t *act = a >= 0 ? clout_dataset_actor(ds, a) : NULL;
        if (!act)
            continue;
        centroid_t lead = {0};
        for (int k = 0; k < act->n_lead; k++) {
            const clout_actor_t *l = clout_dataset_actor(ds, act->lead[k]);
            if (isfinite(l->lat) && isfinite(l->lon))
                centroid_add(&lead,
                             (double[2]){l->lon * GEO_PT_PER_DEGREE, -l->lat * GEO_PT_PER_DEGREE});
        }
        const centroid_t *c = NULL;
        if (strcmp(act->kind, "bloc") == 0)
            c = member[i].n ? &member[i] : &tied[i];
        else if (strcmp(act->kind, "company") == 0)
            c = lead.n ? &lead : &tied[i];
        if (c && c->n) {
            derived[i] = true;
            xy[2 * i] = c->x / c->n;
            xy[2 * i + 1] = c->y / c->n;
        }
    }
    /* Only now: a centroid is of actors with coordinates, never of another centroid. */
    for (int i = 0; i < n; i++)
        placed[i] |= derived[i];
    g_free(derived);
    g_free(member);
    g_free(tied);
}

/* Beyond the focus actors' own extent, widened on each side by half of it
 * (and by GEO_NEAR degrees at least), distances shrink GEO_FAR times: a
 * pole across the world (the United States for Central Asia) would
 * otherwise leave the region a strip of the map.  Inside, the map is true;
 * outside, directions and order are kept. */
#define GEO_FAR 4.0
#define GEO_NEAR 10.0

static double geo_squeeze(double v, double lo, double hi)
{
    return v < lo ? lo - (lo - v) / GEO_FAR : v > hi ? hi + (v - hi) / GEO_FAR : v;
}

static void geo_compress(const union_t *u, const clout_dataset_t *ds, const bool *placed,
                         double *xy)
{
    int n = (int)u->ids->len;
    bool *focus = g_new0(bool, MAX(n, 1));
    for (int i = 0; i < n; i++) {
        int a = placed[i] ? clout_dataset_find_actor(ds, g_ptr_array_index(u->ids, i)) : -1;
        focus[i] = a >= 0 && clout_dataset_actor(ds, a)->role == CLOUT_ROLE_FOCUS;
    }
    double b[4];
    bounds(xy, n, focus, true, b);
    g_free(focus);
    if (!isfinite(b[0]))
        return; /* no focus actor on the map: nothing to centre on */
    double near = GEO_NEAR * GEO_PT_PER_DEGREE;
    double mx = MAX((b[2] - b[0]) / 2, near), my = MAX((b[3] - b[1]) / 2, near);
    for (int i = 0; i < n; i++)
        if (placed[i]) {
            xy[2 * i] = geo_squeeze(xy[2 * i], b[0] - mx, b[2] + mx);
            xy[2 * i + 1] = geo_squeeze(xy[2 * i + 1], b[1] - my, b[3] + my);
        }
}

/* Actors at the same point as an earlier one (a bloc at its seat's city)
 * are spread on a ring around it. */
static void geo_rings(int n, const bool *placed, double *xy)
{
    int *owner = g_new(int, MAX(n, 1)); /* the first actor at this point, or -1 */
    for (int i = 0; i < n; i++) {
        owner[i] = placed[i] ? i : -1;
        for (int j = 0; j < i && placed[i]; j++)
            if (owner[j] == j && xy[2 * j] == xy[2 * i] && xy[2 * j + 1] == xy[2 * i + 1]) {
                owner[i] = j;
                break;
            }
    }
    /* The ring grows with the map, so that it stays visible once scaled. */
    double b[4];
    bounds(xy, n, placed, true, b);
    double ring = isfinite(b[0]) ? MAX(GEO_RING, 0.03 * MAX(b[2] - b[0], b[3] - b[1])) : GEO_RING;
    for (int j = 0; j < n; j++) {
        if (owner[j] != j)
            continue;
        int m = 0;
        for (int i = j + 1; i < n; i++)
            m += owner[i] == j;
        int k = 0;
        for (int i = j + 1; i < n && m; i++) {
            if (owner[i] != j)
                continue;
            double a = -G_PI / 2 + 2 * G_PI * k++ / m;
            xy[2 * i] = xy[2 * j] + ring * cos(a);
            xy[2 * i + 1] = xy[2 * j + 1] + ring * sin(a);
        }
    }
    g_free(owner);
}

/* Geo positions (the rule is clout_layout_compute's, in clout/render.h):
 * coordinates, then centroids, the far world squeezed, then rings. */
static void geo_place(const union_t *u, clout_network_t *const *nets, int n_nets,
                      const clout_dataset_t *ds, bool *placed, double *xy)
{
    geo_coordinates(u, ds, placed, xy);
    geo_derive(u, nets, n_nets, ds, placed, xy);
    geo_compress(u, ds, placed, xy);
    geo_rings((int)u->ids->len, placed, xy);
}

static void set_attr(void *obj, const char *name, const char *value)
{
    agsafeset(obj, (char *)name, (char *)value, "");
}

/* ---- the C library's generators, which Graphviz draws from ---- */

/* neato and fdp seed drand48 from start= themselves, but sfdp draws from
 * rand() before it seeds it (coarsening), so a layout repeats only if the
 * generators are seeded here.  The caller's generators are left as they
 * were: seed48 and initstate hand back the state they replace, and
 * seed48 and setstate put it back. */
typedef struct {
    unsigned short drand48[3]; /* the caller's drand48 state */
    char *random;              /* the caller's random() state (glibc's rand() is random()) */
    int32_t buf[32];           /* ours: 128 bytes, the size of the default state */
} rng_t;

static void rng_seed(rng_t *r, unsigned long seed)
{
    /* What srand48(seed) sets: the low 32 bits of seed over 0x330e. */
    unsigned short xi[3] = {0x330e, (unsigned short)(seed & 0xffff),
                            (unsigned short)((seed >> 16) & 0xffff)};
    memcpy(r->drand48, seed48(xi), sizeof r->drand48);
    /* Seeds as srandom(seed) does, in buf. */
    r->random = initstate((unsigned)seed, (char *)r->buf, sizeof r->buf);
#ifndef __GLIBC__
    /* Where rand() keeps a state of its own, that state cannot be saved:
     * it is seeded, and stays so. */
    srand((unsigned)seed);
#endif
}

static void rng_restore(const rng_t *r)
{
    setstate(r->random);
    unsigned short xi[3];
    memcpy(xi, r->drand48, sizeof xi);
    seed48(xi);
}

/* ---- Graphviz ---- */

/* The union as a Graphviz graph: fixed, label-free nodes (pinned ones at
 * their positions, none for the skipped) and an edge per pair.  nodes[i]
 * is actor i's node, or NULL. */
static Agraph_t *gv_graph(const union_t *u, const char *engine, unsigned long seed,
                          const bool *pinned, const bool *skip, const double *xy, Agnode_t **nodes)
{
    int n = (int)u->ids->len;
    bool any_pinned = false;
    for (int i = 0; i < n; i++)
        any_pinned |= pinned[i];
    bool dot = strcmp(engine, "dot") == 0;
    Agraph_t *g = agopen((char *)"clout", u->directed && dot ? Agdirected : Agundirected, NULL);
    char buf[64];
    g_snprintf(buf, sizeof buf, "%lu", seed);
    set_attr(g, "start", buf);
    set_attr(g, "inputscale", "72");
    /* Prism overlap removal would move pinned actors; keep it for free layouts. */
    set_attr(g, "overlap", any_pinned ? "true" : "false");
    if (!any_pinned)
        set_attr(g, "sep", "+4");
    if (getenv("CLOUT_GV")) {
        char **kv = g_strsplit(getenv("CLOUT_GV"), ";", -1);
        for (char **q = kv; *q; q++) {
            char **p2 = g_strsplit(*q, "=", 2);
            if (p2[0] && p2[1])
                set_attr(g, p2[0], p2[1]);
            g_strfreev(p2);
        }
        g_strfreev(kv);
    }
    for (int i = 0; i < n; i++) {
        nodes[i] = NULL;
        if (skip[i])
            continue;
        g_snprintf(buf, sizeof buf, "n%d", i);
        nodes[i] = agnode(g, buf, 1);
        /* Fixed, label-free nodes as large as the largest drawn node: no font
         * lookups inside Graphviz, and room for the shapes. */
        set_attr(nodes[i], "label", "");
        set_attr(nodes[i], "shape", "circle");
        set_attr(nodes[i], "fixedsize", "true");
        set_attr(nodes[i], "width", "0.25");
        set_attr(nodes[i], "height", "0.25");
        if (pinned[i]) {
            char pos[96];
            g_snprintf(pos, sizeof pos, "%.6f,%.6f!", xy[2 * i], -xy[2 * i + 1]);
            set_attr(nodes[i], "pos", pos);
            set_attr(nodes[i], "pin", "true");
        }
    }
    for (guint k = 0; k + 1 < u->pairs->len; k += 2)
        agedge(g, nodes[g_array_index(u->pairs, int, k)],
               nodes[g_array_index(u->pairs, int, k + 1)], NULL, 1);
    return g;
}

/* The error of a layout that failed, with what Graphviz said ("Error:
 * Layout type: "neato" not recognized. Use one of: ..."). */
static clout_status_t gv_failure(const char *engine, clout_error_t *err)
{
    GString *m = g_string_new(NULL);
    char **lines = g_strsplit(gv_messages->str, "\n", -1);
    for (char **q = lines; *q; q++) {
        char *line = g_strstrip(*q);
        if (g_str_has_prefix(line, "Error:") || g_str_has_prefix(line, "Warning:"))
            line = g_strstrip(strchr(line, ':') + 1);
        char *cut = strstr(line, " Use one of:");
        if (cut)
            *cut = 0;
        if (*line)
            g_string_append_printf(m, "%s%s", m->len ? "; " : "", line);
    }
    g_strfreev(lines);
    while (m->len && strchr(".:; ", m->str[m->len - 1]))
        g_string_truncate(m, m->len - 1);
    if (m->len) {
        g_string_prepend(m, " (");
        g_string_append_c(m, ')');
    }
    clout_status_t st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                                        "Graphviz cannot lay out with %s%s; are its plugins "
                                        "installed? (install the graphviz package: apt install "
                                        "graphviz)",
                                        engine, m->str);
    g_string_free(m, TRUE);
    return st;
}

/* The positions Graphviz gave the free nodes, in points, y down.  Graphviz
 * translates the drawing; pinned actors give the shift back. */
static void gv_positions(Agnode_t **nodes, int n, const bool *pinned, double *xy)
{
    double dx = 0, dy = 0;
    int np = 0;
    for (int i = 0; i < n; i++)
        if (pinned[i] && nodes[i]) {
            dx += xy[2 * i] - ND_coord(nodes[i]).x;
            dy += -xy[2 * i + 1] - ND_coord(nodes[i]).y;
            np++;
        }
    if (np) {
        dx /= np;
        dy /= np;
    }
    for (int i = 0; i < n; i++)
        if (!pinned[i] && nodes[i]) {
            xy[2 * i] = ND_coord(nodes[i]).x + dx;
            xy[2 * i + 1] = -(ND_coord(nodes[i]).y + dy);
        }
}

/* Runs engine on the union with the pinned actors fixed; fills xy of the
 * others.  Coordinates come back in points, y up; pinned ones go in the same
 * way (pos="x,y!" with inputscale=72). */
static clout_status_t run_graphviz(const union_t *u, const char *engine, unsigned long seed,
                                   const bool *pinned, const bool *skip, double *xy,
                                   clout_error_t *err)
{
    int n = (int)u->ids->len;
    gv_messages = g_string_new(NULL);
    agusererrf old_f = agseterrf(gv_collect);
    agerrlevel_t old_level = agseterr(AGWARN);
    clout_status_t st = CLOUT_OK;

    /* One context for the process, made on first use and never freed: each
     * gvContext() of this Graphviz leaks its plugin configuration when
     * freed. */
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    Agnode_t **nodes = g_new(Agnode_t *, MAX(n, 1));
    Agraph_t *g = gv_graph(u, engine, seed, pinned, skip, xy, nodes);
    rng_t rng;
    rng_seed(&rng, seed);
    int failed = gvLayout(gvc, g, engine);
    rng_restore(&rng);
    if (failed) {
        st = gv_failure(engine, err);
    } else {
        gv_positions(nodes, n, pinned, xy);
        gvFreeLayout(gvc, g);
    }
    g_free(nodes);
    agclose(g);
    agseterr(old_level);
    agseterrf(old_f);
    g_string_free(gv_messages, TRUE);
    gv_messages = NULL;
    return st;
}

/* The actors without ties, in centred rows under the others (in order),
 * no wider than the rest of the layout. */
#define ISOLATE_SPACING 36.0
static void place_isolates(int n, const bool *skip, double *xy)
{
    int n_iso = 0;
    for (int i = 0; i < n; i++)
        n_iso += skip[i];
    if (!n_iso)
        return;
    double b[4];
    bounds(xy, n, skip, false, b);
    double x0 = b[0], x1 = b[2], y1 = b[3];
    if (!isfinite(x0)) {
        /* Nothing but isolates: a square block. */
        x0 = 0;
        x1 = ISOLATE_SPACING * (ceil(sqrt(n_iso)) - 1);
        y1 = -ISOLATE_SPACING;
    }
    /* An eighth of the width apart (at least ISOLATE_SPACING): the gaps look
     * the same in any figure the layout is scaled to. */
    double step = MAX(ISOLATE_SPACING, (x1 - x0) / 8);
    int per_row = MIN(n_iso, MAX(1, (int)floor((x1 - x0) / step) + 1));
    double row_step = step;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (!skip[i])
            continue;
        int row = k / per_row, col = k % per_row;
        /* A short last row is centred. */
        int in_row = MIN(per_row, n_iso - row * per_row);
        xy[2 * i] = (x0 + x1) / 2 - (in_row - 1) * step / 2 + col * step;
        xy[2 * i + 1] = y1 + row_step * (row + 1);
        k++;
    }
}

clout_status_t clout_layout_compute(clout_network_t *const *nets, int n_nets, clout_layout_t **out,
                                    const clout_layout_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    if ((int)opts->engine < 0 || opts->engine > CLOUT_LAYOUT_GEO)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "unknown layout engine");
    if (opts->engine == CLOUT_LAYOUT_GEO && !opts->ds)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "the geo layout needs a dataset (its actors.csv gives lat and lon)");
    union_t u;
    union_build(&u, nets, n_nets);
    int n = (int)u.ids->len;
    bool *pinned = g_new0(bool, MAX(n, 1));
    double *xy = g_new0(double, 2 * MAX(n, 1));
    if (opts->engine == CLOUT_LAYOUT_GEO)
        geo_place(&u, nets, n_nets, opts->ds, pinned, xy);
    int n_pinned = 0;
    for (int i = 0; i < n; i++) {
        if (opts->pin &&
            clout_layout_get(opts->pin, g_ptr_array_index(u.ids, i), &xy[2 * i], &xy[2 * i + 1]))
            pinned[i] = true;
        n_pinned += pinned[i];
    }
    /* Actors without a tie in any network are not Graphviz's business: a
     * force layout scatters them around the rest, wasting the figure. */
    bool *skip = g_new0(bool, MAX(n, 1));
    int *deg = g_new0(int, MAX(n, 1));
    for (guint k = 0; k < u.pairs->len; k++)
        deg[g_array_index(u.pairs, int, k)]++;
    int n_free = 0;
    for (int i = 0; i < n; i++) {
        skip[i] = deg[i] == 0 && !pinned[i];
        n_free += !skip[i] && !pinned[i];
    }
    clout_status_t st = CLOUT_OK;
    if (n_free > 0) {
        /* Only neato and fdp keep pinned nodes; the others cannot place around them. */
        const char *engine = ENGINES[opts->engine];
        if (n_pinned > 0 && opts->engine != CLOUT_LAYOUT_FDP)
            engine = "neato";
        st = run_graphviz(&u, engine, opts->seed, pinned, skip, xy, err);
        /* A free force-directed layout has no up: one taller than wide is
         * turned a quarter, to fill a figure as wide as a page. */
        bool oriented = opts->engine == CLOUT_LAYOUT_DOT || opts->engine == CLOUT_LAYOUT_GEO;
        if (!st && n_pinned == 0 && !oriented) {
            double b[4];
            bounds(xy, n, skip, false, b);
            if (b[3] - b[1] > b[2] - b[0])
                for (int i = 0; i < n; i++) {
                    double x = xy[2 * i];
                    xy[2 * i] = xy[2 * i + 1];
                    xy[2 * i + 1] = -x;
                }
        }
    }
    if (!st)
        place_isolates(n, skip, xy);
    g_free(skip);
    g_free(deg);
    if (!st) {
        clout_layout_t *l = clout_layout_new();
        /* To the 0.01 pt a saved layout keeps: a figure drawn from a saved
         * layout is then the figure that saved it. */
        for (int i = 0; i < n; i++)
            clout_layout_set(l, g_ptr_array_index(u.ids, i), round(xy[2 * i] * 100) / 100,
                             round(xy[2 * i + 1] * 100) / 100);
        /* Pinned actors the networks lack stay in the layout, so that a saved
         * layout keeps serving other snapshots. */
        for (int i = 0; opts->pin && i < clout_layout_count(opts->pin); i++) {
            const char *id = clout_layout_id(opts->pin, i);
            double x, y;
            if (!g_hash_table_contains(u.ix, id) && clout_layout_get(opts->pin, id, &x, &y))
                clout_layout_set(l, id, x, y);
        }
        *out = l;
    }
    g_free(pinned);
    g_free(xy);
    union_free(&u);
    return st;
}
