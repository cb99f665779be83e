/* diagram.c: the scene of a network diagram: shapes by kind, fills, areas, ties by layer, labels,
 * legend. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"

/* Node radii in points (the radius of a circle of the node's area). */
#define R_CONST 4.5 /* every node, without --size */
#define R_MIN 2.0   /* --size: the smallest values are never drawn smaller */
#define R_MAX 9.0   /* --size: the largest value */
/* Tie widths in points, linear in weight over the weights drawn. */
#define W_MIN 0.4
#define W_MAX 3.0
#define W_SAME 1.0     /* when every tie weighs the same */
#define STROKE_GAP 0.4 /* between the strokes of a tie in several layers */
#define NODE_LINE 0.5

#define MARGIN 8.0
#define PANEL_GAP 10.0
#define LABEL_SIZE 7.0
#define LABEL_MIN 5.5 /* labels in narrow panels, never smaller */
#define LABEL_GAP 1.5
#define LEGEND_SIZE 7.0
#define LEGEND_ROW 10.0
#define LEGEND_BLOCK_GAP 12.0
#define TITLE_SIZE 10.0
#define PANEL_TITLE_SIZE 8.0
#define SOURCE_SIZE 6.0
#define MAX_COMMUNITY_COLORS 7

/* Okabe-Ito colours for layers, in this order: blue and vermillion come
 * late because the balance scale uses blue and red for the poles. */
static const int LAYER_COLOR_ORDER[] = {0, 2, 6, 1, 5, 4, 3};

typedef enum { SHAPE_CIRCLE = 0, SHAPE_SQUARE, SHAPE_DIAMOND, SHAPE_TRIANGLE } shape_t;

typedef struct {
    const char *id, *name, *kind;
    clout_role_t role;
    shape_t shape;
    double r;       /* radius of the circle of the same area */
    double lx, ly;  /* layout position */
    double x, y;    /* page position */
    double value;   /* --size measure, NAN if none */
    int community;  /* -1 if none */
    double balance; /* NAN if none */
    clout_rgba_t fill;
} node_t;

typedef struct {
    int u, v;
    bool directed, reciprocal;
    double weight;
    char **layers; /* NULL-terminated, at least one entry ("" when unknown) */
    int index;     /* order in the network, to sort stably */
} tie_t;

typedef struct {
    const clout_network_t *net;
    node_t *nodes;
    int n;
    GArray *ties;          /* tie_t */
    double px, py, pw, ph; /* the panel's rectangle on the page */
    char *key;             /* the year, or the panel number */
} panel_t;

typedef struct {
    const clout_diagram_opts_t *o;
    const clout_dataset_t *ds;
    clout_fill_t fill;
    panel_t *panels;
    int n_panels;
    GPtrArray *layers; /* sorted distinct layer names */
    GPtrArray *kinds;  /* kinds drawn, in legend order */
    double wmin, wmax, vmax;
    bool any_directed, any_multi, any_unknown_layer;
    int n_communities; /* largest count over panels */
    bool small_communities;
    const char *pole_id[2], *pole_name[2];
    double k;          /* node radii scale: narrow panels draw smaller nodes */
    double label_size; /* of the node labels */
    clout_error_t *err;
} ctx_t;

/* ---- names ---- */

void clout_diagram_opts_init(clout_diagram_opts_t *o)
{
    *o = (clout_diagram_opts_t){.fill = CLOUT_FILL_BALANCE,
                                .labels = CLOUT_LABELS_ALL,
                                .width = CLOUT_DIAGRAM_WIDTH};
    clout_influence_opts_init(&o->influence);
    clout_community_opts_init(&o->communities);
}

int clout_fill_from_name(const char *name)
{
    static const char *const names[] = {"balance", "community", "kind", "layer", "none", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int clout_labels_from_name(const char *name)
{
    static const char *const names[] = {"all", "focus", "poles", "none", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* ---- colours ---- */

static clout_rgba_t rgba(const char *hex, double alpha)
{
    clout_rgba_t c = clout_color_hex(hex);
    c.a = alpha;
    return c;
}

static clout_rgba_t layer_color(const ctx_t *c, const char *layer)
{
    for (guint i = 0; i < c->layers->len; i++)
        if (strcmp(g_ptr_array_index(c->layers, i), layer) == 0) {
            clout_rgba_t k = clout_color_category(LAYER_COLOR_ORDER[i % 7]);
            k.a = 0.85;
            return k;
        }
    return rgba("#666666", 0.85);
}

/* Edges carry the layer colours unless the nodes already use Okabe-Ito:
 * one palette must not mean two things in one figure. */
static bool edges_by_layer(const ctx_t *c)
{
    return c->fill != CLOUT_FILL_COMMUNITY && c->fill != CLOUT_FILL_KIND;
}

static int kind_index(const ctx_t *c, const char *kind)
{
    for (guint i = 0; i < c->kinds->len; i++)
        if (strcmp(g_ptr_array_index(c->kinds, i), kind) == 0)
            return (int)i;
    return -1;
}

/* ---- shapes: every shape has the area of a circle of radius r ---- */

static shape_t shape_of(const char *kind)
{
    if (!*kind || strcmp(kind, "state") == 0)
        return SHAPE_CIRCLE;
    if (strcmp(kind, "bloc") == 0)
        return SHAPE_SQUARE;
    if (strcmp(kind, "company") == 0)
        return SHAPE_DIAMOND;
    return SHAPE_TRIANGLE;
}

/* The outline as a polygon (not for circles); returns the number of points. */
static int shape_points(shape_t sh, double x, double y, double r, double *p)
{
    switch (sh) {
    case SHAPE_SQUARE: {
        double h = r * sqrt(G_PI) / 2;
        double q[8] = {x - h, y - h, x + h, y - h, x + h, y + h, x - h, y + h};
        memcpy(p, q, sizeof q);
        return 4;
    }
    case SHAPE_DIAMOND: {
        double d = r * sqrt(G_PI / 2);
        double q[8] = {x, y - d, x + d, y, x, y + d, x - d, y};
        memcpy(p, q, sizeof q);
        return 4;
    }
    case SHAPE_TRIANGLE: {
        double s = r * sqrt(4 * G_PI / sqrt(3)), R = s / sqrt(3);
        double q[6] = {x, y - R, x + s / 2, y + R / 2, x - s / 2, y + R / 2};
        memcpy(p, q, sizeof q);
        return 3;
    }
    default: return 0;
    }
}

/* Half the width and height of the shape's bounding box, and how far its
 * top and bottom reach from the centre. */
static void shape_box(shape_t sh, double r, double *half_w, double *top, double *bottom)
{
    switch (sh) {
    case SHAPE_SQUARE: *half_w = *top = *bottom = r * sqrt(G_PI) / 2; break;
    case SHAPE_DIAMOND: *half_w = *top = *bottom = r * sqrt(G_PI / 2); break;
    case SHAPE_TRIANGLE: {
        double s = r * sqrt(4 * G_PI / sqrt(3));
        *half_w = s / 2;
        *top = s / sqrt(3);
        *bottom = s / sqrt(3) / 2;
        break;
    }
    default: *half_w = *top = *bottom = r;
    }
}

static void draw_shape(clout_scene_t *s, shape_t sh, double x, double y, double r,
                       const clout_rgba_t *fill, const clout_rgba_t *stroke, double lw)
{
    double p[8];
    if (sh == SHAPE_CIRCLE) {
        clout_scene_circle(s, x, y, r, fill, stroke, lw);
    } else if (sh == SHAPE_SQUARE) {
        double h = r * sqrt(G_PI) / 2;
        clout_scene_rect(s, x - h, y - h, 2 * h, 2 * h, fill, stroke, lw);
    } else {
        int n = shape_points(sh, x, y, r, p);
        clout_scene_polygon(s, p, n, fill, stroke, lw);
    }
}

/* Where the line p + t d (d a unit vector) crosses the node's outline: the
 * smallest crossing when first, else the largest.  False if it misses. */
static bool outline_cross(const node_t *nd, const double *p, const double *d, bool first, double *t)
{
    double hits[8];
    int nh = 0;
    if (nd->shape == SHAPE_CIRCLE) {
        double fx = p[0] - nd->x, fy = p[1] - nd->y;
        double b = fx * d[0] + fy * d[1], c = fx * fx + fy * fy - nd->r * nd->r;
        double disc = b * b - c;
        if (disc < 0)
            return false;
        hits[nh++] = -b - sqrt(disc);
        hits[nh++] = -b + sqrt(disc);
    } else {
        double q[8];
        int n = shape_points(nd->shape, nd->x, nd->y, nd->r, q);
        for (int k = 0; k < n; k++) {
            double ax = q[2 * k], ay = q[2 * k + 1];
            double ex = q[2 * ((k + 1) % n)] - ax, ey = q[2 * ((k + 1) % n) + 1] - ay;
            double den = d[0] * ey - d[1] * ex;
            if (fabs(den) < 1e-12)
                continue;
            double wx = ax - p[0], wy = ay - p[1];
            double tt = (wx * ey - wy * ex) / den, ss = (wx * d[1] - wy * d[0]) / den;
            if (ss >= -1e-9 && ss <= 1 + 1e-9)
                hits[nh++] = tt;
        }
        if (!nh)
            return false;
    }
    double best = hits[0];
    for (int k = 1; k < nh; k++)
        best = first ? MIN(best, hits[k]) : MAX(best, hits[k]);
    *t = best;
    return true;
}

/* ---- reading the networks ---- */

static void tie_clear(gpointer p)
{
    g_strfreev(((tie_t *)p)->layers);
}

static bool all_undirected(const clout_dataset_t *ds, const char *relations)
{
    if (!ds || !relations || !*relations)
        return false;
    char **v = g_strsplit(relations, ";", -1);
    bool ok = true;
    for (char **p = v; *p && ok; p++) {
        int r = clout_dataset_find_relation(ds, *p);
        ok = r >= 0 && !clout_dataset_relation(ds, r)->directed;
    }
    g_strfreev(v);
    return ok;
}

/* The ties as drawn: in a directed network, a pair joined both ways by the
 * same undirected relations (a membership, a pact) is one tie without
 * arrows; other pairs joined both ways are two arrows side by side. */
static void collect_ties(const ctx_t *c, panel_t *p)
{
    const igraph_t *g = &p->net->graph;
    bool directed = igraph_is_directed(g);
    p->ties = g_array_new(FALSE, TRUE, sizeof(tie_t));
    g_array_set_clear_func(p->ties, tie_clear);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        int u = (int)IGRAPH_FROM(g, e), v = (int)IGRAPH_TO(g, e);
        if (u == v)
            continue;
        tie_t t = {u, v, directed, false, clout_enum(g, "weight", e, 1), NULL, (int)e};
        if (directed) {
            igraph_integer_t back = -1;
            igraph_get_eid(g, &back, v, u, true, false);
            if (back >= 0) {
                double wb = clout_enum(g, "weight", back, 1);
                const char *ra = clout_estr(g, "relations", e),
                           *rb = clout_estr(g, "relations", back);
                bool same = fabs(t.weight - wb) <= 1e-9 * MAX(1, fabs(wb)) && strcmp(ra, rb) == 0;
                if (same && all_undirected(c->ds, ra)) {
                    if (u > v)
                        continue; /* drawn with the other direction */
                    t.directed = false;
                } else {
                    t.reciprocal = true;
                }
            }
        }
        const char *layer = clout_estr(g, "layer", e);
        t.layers = *layer ? g_strsplit(layer, ";", -1) : g_strsplit("", ";", -1);
        if (!t.layers[0]) {
            g_strfreev(t.layers);
            t.layers = g_new0(char *, 2);
            t.layers[0] = g_strdup("");
        }
        g_array_append_val(p->ties, t);
    }
}

static int cmp_tie(const void *a, const void *b)
{
    const tie_t *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? -1 : 1;
    return x->index - y->index;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ptr_array_has(GPtrArray *a, const char *s)
{
    for (guint i = 0; i < a->len; i++)
        if (strcmp(g_ptr_array_index(a, i), s) == 0)
            return true;
    return false;
}

/* The measure for --size, by vertex. */
static clout_status_t read_measure(const ctx_t *c, panel_t *p)
{
    char *names[2] = {(char *)c->o->size, NULL};
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    mo.measures = names;
    clout_table_t *t;
    clout_status_t st = clout_measures(p->net, &mo, &t, c->err);
    if (st)
        return st;
    int col = -1;
    for (int k = 0; k < clout_table_n_cols(t); k++)
        if (strcmp(clout_table_column_name(t, k), c->o->size) == 0)
            col = k;
    GHashTable *ix = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < p->n; i++)
        g_hash_table_insert(ix, (gpointer)p->nodes[i].id, GINT_TO_POINTER(i + 1));
    for (int r = 0; col >= 0 && r < clout_table_n_rows(t); r++) {
        int i = GPOINTER_TO_INT(g_hash_table_lookup(ix, clout_table_get_str(t, r, 0))) - 1;
        if (i >= 0)
            p->nodes[i].value = clout_table_column_type(t, col) == CLOUT_COL_STR
                                    ? NAN
                                    : clout_table_get_num(t, r, col);
    }
    g_hash_table_destroy(ix);
    clout_table_free(t);
    return CLOUT_OK;
}

static clout_status_t read_communities(const ctx_t *c, panel_t *p)
{
    clout_partition_t part;
    clout_status_t st = clout_communities(p->net, &c->o->communities, &part, c->err);
    if (st)
        return st;
    for (int i = 0; i < p->n && i < igraph_vector_int_size(&part.membership); i++)
        p->nodes[i].community = (int)VECTOR(part.membership)[i];
    clout_partition_destroy(&part);
    return CLOUT_OK;
}

/* The balance over all layers of each focus actor, from clout_influence on
 * the dataset at the panel's year. */
/* The fill: each focus actor's balance over all layers.  Only direct share
 * and reach of the layer "all" enter it, so neither brokerage, nor
 * alignment (20 community detections per layer), nor the single layers are
 * computed: the values are those of clout_influence's "all" rows. */
static clout_status_t read_balance(const ctx_t *c, panel_t *p)
{
    clout_snapshot_opts_t so;
    clout_snapshot_opts_init(&so);
    if (c->o->snap)
        so = *c->o->snap;
    so.year = p->net->year;
    if (p->net->window > 0)
        so.window = p->net->window;
    /* The data's own balance only: no bootstrap, whatever the options say. */
    clout_influence_opts_t io = c->o->influence;
    io.bootstrap = 0;
    io.all_only = true;
    io.on_progress = NULL;
    clout_balance_samples_t bs;
    clout_status_t st = clout_influence_balance_samples(c->ds, &so, &io, &bs, c->err);
    if (st)
        return st;
    GHashTable *node_of = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < p->n; i++)
        g_hash_table_insert(node_of, (gpointer)p->nodes[i].id, &p->nodes[i]);
    int l = bs.n_layers - 1; /* "all" */
    for (int f = 0; f < bs.n_focus; f++) {
        node_t *nd = g_hash_table_lookup(node_of, bs.focus[f]);
        if (nd)
            nd->balance = bs.values[((size_t)f * bs.n_layers + l) * bs.n_samples];
    }
    g_hash_table_destroy(node_of);
    clout_balance_samples_destroy(&bs);
    return CLOUT_OK;
}

/* The two poles whose balance the fill shows: --poles, else the dataset's
 * first two actors whose role is pole.  False when there are not two, or
 * no focus actor to have a balance. */
static bool find_poles(ctx_t *c)
{
    int found = 0;
    char **poles = c->o->influence.poles;
    if (poles) {
        for (int k = 0; k < 2 && poles[k]; k++) {
            int a = clout_dataset_find_actor(c->ds, poles[k]);
            if (a < 0)
                return false;
            c->pole_id[found] = clout_dataset_actor(c->ds, a)->id;
            c->pole_name[found++] = clout_dataset_actor(c->ds, a)->name;
        }
    } else {
        for (int a = 0; a < clout_dataset_n_actors(c->ds) && found < 2; a++) {
            const clout_actor_t *act = clout_dataset_actor(c->ds, a);
            if (act->role == CLOUT_ROLE_POLE) {
                c->pole_id[found] = act->id;
                c->pole_name[found++] = act->name;
            }
        }
    }
    bool focus = false;
    for (int a = 0; a < clout_dataset_n_actors(c->ds) && !focus; a++)
        focus = clout_dataset_actor(c->ds, a)->role == CLOUT_ROLE_FOCUS;
    return found == 2 && focus;
}

static clout_role_t role_of(const char *s)
{
    return strcmp(s, "pole") == 0    ? CLOUT_ROLE_POLE
           : strcmp(s, "focus") == 0 ? CLOUT_ROLE_FOCUS
                                     : CLOUT_ROLE_NONE;
}

static clout_status_t read_panel(ctx_t *c, panel_t *p, const clout_layout_t *layout)
{
    const igraph_t *g = &p->net->graph;
    p->n = (int)igraph_vcount(g);
    p->nodes = g_new0(node_t, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++) {
        node_t *nd = &p->nodes[i];
        nd->id = clout_vstr(g, "id", i);
        nd->name = clout_vstr(g, "name", i);
        nd->kind = clout_vstr(g, "kind", i);
        nd->role = role_of(clout_vstr(g, "role", i));
        nd->shape = shape_of(nd->kind);
        nd->value = NAN;
        nd->balance = NAN;
        nd->community = -1;
        nd->r = R_CONST * c->k;
        if (!clout_layout_get(layout, nd->id, &nd->lx, &nd->ly))
            return clout_error_set(c->err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "the layout does not place '%s'", nd->id);
    }
    collect_ties(c, p);
    g_array_sort(p->ties, cmp_tie);
    clout_status_t st = CLOUT_OK;
    if (c->o->size)
        st = read_measure(c, p);
    if (!st && c->fill == CLOUT_FILL_COMMUNITY)
        st = read_communities(c, p);
    if (!st && c->fill == CLOUT_FILL_BALANCE)
        st = read_balance(c, p);
    return st;
}

/* ---- fills and sizes, once every panel is read ---- */

static void style_nodes(ctx_t *c)
{
    c->wmin = INFINITY;
    c->wmax = -INFINITY;
    c->vmax = 0;
    for (int k = 0; k < c->n_panels; k++) {
        panel_t *p = &c->panels[k];
        for (guint e = 0; e < p->ties->len; e++) {
            tie_t *t = &g_array_index(p->ties, tie_t, e);
            c->wmin = MIN(c->wmin, t->weight);
            c->wmax = MAX(c->wmax, t->weight);
            c->any_directed |= t->directed;
            c->any_multi |= t->layers[1] != NULL;
            for (char **l = t->layers; *l; l++) {
                if (!**l)
                    c->any_unknown_layer = true;
                else if (!ptr_array_has(c->layers, *l))
                    g_ptr_array_add(c->layers, g_strdup(*l));
            }
        }
        int nc = 0;
        for (int i = 0; i < p->n; i++) {
            node_t *nd = &p->nodes[i];
            if (isfinite(nd->value) && nd->value > c->vmax)
                c->vmax = nd->value;
            nc = MAX(nc, nd->community + 1);
        }
        c->n_communities = MAX(c->n_communities, nc);
    }
    g_ptr_array_sort(c->layers, cmp_str);

    /* Kinds in a fixed order: state, bloc, company, then the others sorted. */
    static const char *const known[] = {"state", "bloc", "company", ""};
    GPtrArray *others = g_ptr_array_new();
    for (int k = 0; k < c->n_panels; k++)
        for (int i = 0; i < c->panels[k].n; i++) {
            const char *kind = c->panels[k].nodes[i].kind;
            bool is_known = false;
            for (int j = 0; j < 4; j++)
                is_known |= strcmp(kind, known[j]) == 0;
            if (!is_known && !ptr_array_has(others, kind))
                g_ptr_array_add(others, (gpointer)kind);
        }
    g_ptr_array_sort(others, cmp_str);
    for (int j = 0; j < 4; j++) {
        bool present = false;
        for (int k = 0; k < c->n_panels && !present; k++)
            for (int i = 0; i < c->panels[k].n && !present; i++)
                present = strcmp(c->panels[k].nodes[i].kind, known[j]) == 0;
        if (present)
            g_ptr_array_add(c->kinds, (gpointer)known[j]);
    }
    for (guint j = 0; j < others->len; j++)
        g_ptr_array_add(c->kinds, g_ptr_array_index(others, j));
    g_ptr_array_free(others, TRUE);

    clout_rgba_t white = rgba("#ffffff", 1);
    for (int k = 0; k < c->n_panels; k++) {
        panel_t *p = &c->panels[k];
        for (int i = 0; i < p->n; i++) {
            node_t *nd = &p->nodes[i];
            if (c->o->size) {
                /* Area, not radius, proportional to the value. */
                double v = isfinite(nd->value) && nd->value > 0 ? nd->value : 0;
                nd->r = c->k * (c->vmax > 0 ? MAX(R_MIN, R_MAX * sqrt(v / c->vmax)) : R_MIN);
            }
            switch (c->fill) {
            case CLOUT_FILL_BALANCE:
                if (strcmp(nd->id, c->pole_id[0]) == 0)
                    nd->fill = clout_color_balance(-1);
                else if (strcmp(nd->id, c->pole_id[1]) == 0)
                    nd->fill = clout_color_balance(1);
                else
                    nd->fill = clout_color_balance(nd->balance);
                break;
            case CLOUT_FILL_COMMUNITY:
                if (nd->community >= MAX_COMMUNITY_COLORS)
                    c->small_communities = true;
                nd->fill = nd->community >= MAX_COMMUNITY_COLORS
                               ? clout_color_category(-1)
                               : clout_color_category(nd->community);
                break;
            case CLOUT_FILL_KIND: nd->fill = clout_color_category(kind_index(c, nd->kind)); break;
            default: nd->fill = white;
            }
        }
    }
    if (!isfinite(c->wmin))
        c->wmin = c->wmax = 1;
}

static double tie_width(const ctx_t *c, double w)
{
    if (c->wmax - c->wmin < 1e-12)
        return W_SAME;
    return W_MIN + (W_MAX - W_MIN) * (w - c->wmin) / (c->wmax - c->wmin);
}

/* ---- text ---- */

static const clout_rgba_t *ink(void)
{
    static clout_rgba_t c;
    c = clout_color_hex("#1a1a1a");
    return &c;
}

static double text_w(const char *s, double size, bool bold)
{
    double w, h;
    clout_text_extent(s, size, bold, &w, &h);
    return w;
}

static double text_h(const char *s, double size, bool bold)
{
    double w, h;
    clout_text_extent(s, size, bold, &w, &h);
    return h;
}

/* Breaks text into lines no wider than width, at spaces. */
static GPtrArray *wrap(const char *text, double size, double width)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    char **words = g_strsplit(text, " ", -1);
    GString *cur = g_string_new(NULL);
    for (char **w = words; *w; w++) {
        if (!**w)
            continue;
        GString *tryit = g_string_new(cur->str);
        if (tryit->len)
            g_string_append_c(tryit, ' ');
        g_string_append(tryit, *w);
        if (cur->len && text_w(tryit->str, size, false) > width) {
            g_ptr_array_add(lines, g_string_free(cur, FALSE));
            cur = g_string_new(*w);
            g_string_free(tryit, TRUE);
        } else {
            g_string_free(cur, TRUE);
            cur = tryit;
        }
    }
    if (cur->len)
        g_ptr_array_add(lines, g_string_free(cur, FALSE));
    else
        g_string_free(cur, TRUE);
    g_strfreev(words);
    return lines;
}

/* ---- the source line ---- */

static bool dataset_like(const char *name)
{
    if (strstr(name, "Database") || strstr(name, "Dataset") || strstr(name, "dataset"))
        return true;
    char **tok = g_strsplit(name, " ", -1);
    bool version = false;
    for (char **t = tok; *t && !version; t++) {
        const char *s = *t;
        if (*s == 'v')
            s++;
        if (!g_ascii_isdigit(*s))
            continue;
        bool digits = true, dot = false;
        for (const char *q = s; *q; q++) {
            if (*q == '.')
                dot = true;
            else if (!g_ascii_isdigit(*q))
                digits = false;
        }
        version = digits && (dot || *t != s);
    }
    g_strfreev(tok);
    return version;
}

typedef struct {
    char *name;
    long n;
} source_count_t;

static int cmp_source(const void *a, const void *b)
{
    const source_count_t *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return strcmp(x->name, y->name);
}

static bool kept_relation(const clout_snapshot_opts_t *so, const clout_relation_t *rel)
{
    if (!so)
        return true;
    bool ok = true;
    if (so->layers) {
        ok = false;
        for (char **l = so->layers; *l; l++)
            ok |= strcmp(*l, rel->layer) == 0;
    }
    if (ok && so->relations) {
        ok = false;
        for (char **l = so->relations; *l; l++)
            ok |= strcmp(*l, rel->name) == 0;
    }
    return ok;
}

/* "Sources: COW IGO v3; ATOP 5.1; SIPRI ...; and 12 other documents": each
 * source_ref of the ties drawn, cut at its first comma or parenthesis;
 * datasets (a version number, "Database") are named, other documents are
 * counted unless there are only a few. */
static char *sources_text(const ctx_t *c)
{
    GHashTable *count = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (long i = 0; i < clout_dataset_n_ties(c->ds); i++) {
        const clout_tie_t *t = clout_dataset_tie(c->ds, i);
        if (!kept_relation(c->o->snap, clout_dataset_relation(c->ds, t->relation)))
            continue;
        bool in = false;
        for (int k = 0; k < c->n_panels && !in; k++) {
            const clout_network_t *net = c->panels[k].net;
            in = clout_tie_in_snapshot(c->ds, t, net->year,
                                       net->window > 0 ? net->window : CLOUT_DEFAULT_WINDOW);
        }
        if (!in || !t->source_ref || !*t->source_ref)
            continue;
        char **parts = g_strsplit(t->source_ref, "|", -1);
        for (char **pp = parts; *pp; pp++) {
            char *s = g_strdup(*pp);
            s[strcspn(s, ",(;")] = 0;
            g_strstrip(s);
            if (!*s) {
                g_free(s);
                continue;
            }
            gpointer old = g_hash_table_lookup(count, s);
            g_hash_table_replace(count, s, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + 1));
        }
        g_strfreev(parts);
    }
    GArray *all = g_array_new(FALSE, FALSE, sizeof(source_count_t));
    GHashTableIter it;
    gpointer key, val;
    g_hash_table_iter_init(&it, count);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        source_count_t sc = {key, (long)GPOINTER_TO_SIZE(val)};
        g_array_append_val(all, sc);
    }
    g_array_sort(all, cmp_source);
    GString *s = g_string_new(NULL);
    int others = 0;
    for (guint i = 0; i < all->len; i++)
        others += !dataset_like(g_array_index(all, source_count_t, i).name);
    bool name_others = others <= 2;
    int listed = 0;
    for (guint i = 0; i < all->len; i++) {
        const char *nm = g_array_index(all, source_count_t, i).name;
        if (!dataset_like(nm) && !name_others)
            continue;
        g_string_append_printf(s, "%s%s", listed++ ? "; " : "", nm);
    }
    if (!name_others)
        g_string_append_printf(s, "%s%d other documents", listed ? "; and " : "", others);
    g_array_free(all, TRUE);
    g_hash_table_destroy(count);
    return g_string_free(s, FALSE);
}

static char *source_text(const ctx_t *c)
{
    GString *s = g_string_new("Data: ");
    if (!c->ds) {
        for (int k = 0; k < c->n_panels; k++) {
            /* A file's name, never the path to it: figures travel. */
            char *b = g_path_get_basename(c->panels[k].net->source);
            g_string_append_printf(s, "%s%s", k ? ", " : "", b);
            g_free(b);
        }
        g_string_append(s, ".");
        return g_string_free(s, FALSE);
    }
    g_string_append(s, clout_dataset_title(c->ds));
    const clout_network_t *n0 = c->panels[0].net;
    int w = n0->window > 0 ? n0->window : CLOUT_DEFAULT_WINDOW;
    if (c->n_panels == 1) {
        g_string_append_printf(s, ", snapshot %d (flows summed over %d\u2013%d)", n0->year,
                               n0->year - w + 1, n0->year);
    } else {
        g_string_append(s, ", snapshots ");
        for (int k = 0; k < c->n_panels; k++)
            g_string_append_printf(s, "%s%d", k ? ", " : "", c->panels[k].net->year);
        g_string_append_printf(s, " (flows summed over the %d years to each)", w);
    }
    if (c->o->snap && c->o->snap->layers) {
        char *l = g_strjoinv(", ", c->o->snap->layers);
        g_string_append_printf(s, ", layers %s", l);
        g_free(l);
    }
    if (c->o->snap && c->o->snap->relations) {
        char *l = g_strjoinv(", ", c->o->snap->relations);
        g_string_append_printf(s, ", relations %s", l);
        g_free(l);
    }
    char *src = sources_text(c);
    if (*src)
        g_string_append_printf(s, ". Sources: %s", src);
    g_string_append(s, ".");
    g_free(src);
    return g_string_free(s, FALSE);
}

/* ---- the legend: blocks of rows, laid out left to right ---- */

typedef enum { ROW_SHAPE, ROW_LINE, ROW_MULTI, ROW_ARROW, ROW_BAR } row_kind_t;

typedef struct {
    row_kind_t kind;
    shape_t shape;
    double r, lw;
    clout_rgba_t color, color2;
    char *text;
    char *left, *right; /* the balance bar's end labels */
} row_t;

typedef struct {
    char *title;
    GArray *rows; /* row_t */
    double w, h, swatch_w;
} block_t;

#define BAR_W 90.0
#define BAR_H 7.0

static void row_clear(gpointer p)
{
    row_t *r = p;
    g_free(r->text);
    g_free(r->left);
    g_free(r->right);
}

static block_t *block_new(GPtrArray *blocks, const char *title)
{
    block_t *b = g_new0(block_t, 1);
    b->title = g_strdup(title);
    b->rows = g_array_new(FALSE, TRUE, sizeof(row_t));
    g_array_set_clear_func(b->rows, row_clear);
    g_ptr_array_add(blocks, b);
    return b;
}

static void block_free(gpointer p)
{
    block_t *b = p;
    g_free(b->title);
    g_array_free(b->rows, TRUE);
    g_free(b);
}

static row_t *add_row(block_t *b, row_kind_t kind, const char *text)
{
    row_t r = {0};
    r.kind = kind;
    r.text = g_strdup(text);
    r.r = 4;
    r.lw = 1.5;
    g_array_append_val(b->rows, r);
    return &g_array_index(b->rows, row_t, b->rows->len - 1);
}

static double row_height(const row_t *r)
{
    if (r->kind == ROW_BAR)
        return BAR_H + 2 + LEGEND_SIZE * 1.3;
    if (r->kind == ROW_SHAPE) {
        double hw, top, bottom;
        shape_box(r->shape, r->r, &hw, &top, &bottom);
        return MAX(LEGEND_ROW, top + bottom + 2);
    }
    return LEGEND_ROW;
}

static void measure_block(block_t *b)
{
    b->swatch_w = 16;
    for (guint i = 0; i < b->rows->len; i++) {
        const row_t *r = &g_array_index(b->rows, row_t, i);
        if (r->kind == ROW_SHAPE) {
            double hw, top, bottom;
            shape_box(r->shape, r->r, &hw, &top, &bottom);
            b->swatch_w = MAX(b->swatch_w, 2 * hw + 2);
        }
    }
    b->w = text_w(b->title, LEGEND_SIZE, true);
    b->h = text_h(b->title, LEGEND_SIZE, true) + 2;
    for (guint i = 0; i < b->rows->len; i++) {
        const row_t *r = &g_array_index(b->rows, row_t, i);
        double w =
            r->kind == ROW_BAR ? BAR_W : b->swatch_w + 4 + text_w(r->text, LEGEND_SIZE, false);
        b->w = MAX(b->w, w);
        b->h += row_height(r);
    }
}

/* A legend value with as many decimals as the largest value needs; a
 * positive value that rounds to zero is shown as "< 0.01" (say). */
static char *fmt_value(double v, double max)
{
    int dec = max >= 100 ? 0 : max >= 10 ? 1 : max >= 1 ? 2 : max >= 0.1 ? 3 : 4;
    double unit = pow(10, -dec);
    if (v > 0 && v < unit / 2)
        return g_strdup_printf("< %.*f", dec, unit);
    return g_strdup_printf("%.*f", dec, v);
}

static GPtrArray *legend_blocks(const ctx_t *c)
{
    GPtrArray *blocks = g_ptr_array_new_with_free_func(block_free);
    clout_rgba_t white = rgba("#ffffff", 1), dark = rgba("#404040", 1);

    /* Shapes by kind (and their fill, when the fill is the kind). */
    block_t *b =
        block_new(blocks, c->fill == CLOUT_FILL_KIND ? "Actor kind (shape, fill)" : "Actor kind");
    for (guint i = 0; i < c->kinds->len; i++) {
        const char *kind = g_ptr_array_index(c->kinds, i);
        row_t *r = add_row(b, ROW_SHAPE, *kind ? kind : "actor (no kind given)");
        r->shape = shape_of(kind);
        r->color = c->fill == CLOUT_FILL_KIND ? clout_color_category((int)i) : white;
    }

    /* The fill. */
    if (c->fill == CLOUT_FILL_BALANCE) {
        b = block_new(blocks, "Balance of influence (focus actors)");
        row_t *r = add_row(b, ROW_BAR, "");
        r->left = g_strdup_printf("\u22121 %s", c->pole_name[0]);
        r->right = g_strdup_printf("%s +1", c->pole_name[1]);
        char *t = g_strdup_printf("poles %s, %s", c->pole_id[0], c->pole_id[1]);
        r = add_row(b, ROW_SHAPE, t);
        g_free(t);
        r->shape = SHAPE_CIRCLE;
        r->color = clout_color_balance(-1);
        r->color2 = clout_color_balance(1);
        r->r = 3.5;
        r = add_row(b, ROW_SHAPE, "other actors");
        r->shape = SHAPE_CIRCLE;
        r->r = 3.5;
        r->color = clout_color_balance(NAN);
    } else if (c->fill == CLOUT_FILL_COMMUNITY) {
        b = block_new(blocks,
                      c->n_panels > 1 ? "Community (Leiden, per panel)" : "Community (Leiden)");
        for (int k = 0; k < MIN(c->n_communities, MAX_COMMUNITY_COLORS); k++) {
            /* Name a community by a few members, poles first. */
            GString *s = g_string_new(NULL);
            const panel_t *p = &c->panels[0];
            int members = 0, shown = 0;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < p->n; i++) {
                    const node_t *nd = &p->nodes[i];
                    if (nd->community != k || (pass == 0) != (nd->role == CLOUT_ROLE_POLE))
                        continue;
                    members++;
                    if (shown < 3)
                        g_string_append_printf(s, "%s%s", shown++ ? ", " : "", nd->id);
                }
            if (c->n_panels > 1)
                g_string_printf(s, "%d", k + 1);
            else if (members > shown)
                g_string_append_printf(s, " +%d", members - shown);
            row_t *r = add_row(b, ROW_SHAPE, s->str);
            g_string_free(s, TRUE);
            r->shape = SHAPE_CIRCLE;
            r->r = 3.5;
            r->color = clout_color_category(k);
        }
        if (c->small_communities) {
            row_t *r = add_row(b, ROW_SHAPE, "smaller communities");
            r->shape = SHAPE_CIRCLE;
            r->r = 3.5;
            r->color = clout_color_category(-1);
        }
    }

    /* Ties: colour by layer, width by weight, arrows. */
    if (edges_by_layer(c) && (c->layers->len || c->any_unknown_layer)) {
        b = block_new(blocks, "Tie layer (colour)");
        for (guint i = 0; i < c->layers->len; i++) {
            row_t *r = add_row(b, ROW_LINE, g_ptr_array_index(c->layers, i));
            r->color = layer_color(c, g_ptr_array_index(c->layers, i));
            r->lw = 2;
        }
        if (c->any_unknown_layer) {
            row_t *r = add_row(b, ROW_LINE, "layer not given");
            r->color = layer_color(c, "");
            r->lw = 2;
        }
        if (c->any_multi && c->layers->len >= 2) {
            row_t *r = add_row(b, ROW_MULTI, "several layers");
            r->color = layer_color(c, g_ptr_array_index(c->layers, 0));
            r->color2 = layer_color(c, g_ptr_array_index(c->layers, 1));
            r->lw = 1.2;
        }
    }
    b = block_new(blocks, "Tie weight (width)");
    double ws[3] = {c->wmin, (c->wmin + c->wmax) / 2, c->wmax};
    int nw = c->wmax - c->wmin < 1e-12 ? 1 : 3;
    for (int k = 0; k < nw; k++) {
        char *t = fmt_value(nw == 1 ? c->wmax : ws[k], c->wmax);
        row_t *r = add_row(b, ROW_LINE, t);
        g_free(t);
        r->color = dark;
        r->lw = tie_width(c, nw == 1 ? c->wmax : ws[k]);
    }
    if (c->any_directed) {
        row_t *r = add_row(b, ROW_ARROW, "directed tie");
        r->color = dark;
        r->lw = 0.8;
    }

    /* Node area. */
    if (c->o->size) {
        char *t = g_strdup_printf("Node area: %s", c->o->size);
        b = block_new(blocks, t);
        g_free(t);
        double fr[3] = {1, 0.25, 1.0 / 16};
        for (int k = 0; k < 3 && c->vmax > 0; k++) {
            char *v = fmt_value(c->vmax * fr[k], c->vmax);
            row_t *r = add_row(b, ROW_SHAPE, v);
            g_free(v);
            r->shape = SHAPE_CIRCLE;
            r->r = c->k * MAX(R_MIN, R_MAX * sqrt(fr[k]));
            r->color = white;
        }
    }
    for (guint i = 0; i < blocks->len; i++)
        measure_block(g_ptr_array_index(blocks, i));
    return blocks;
}

/* Places the blocks in rows within width; returns the legend's height and
 * fills xs, ys (offsets of each block). */
static double legend_place(GPtrArray *blocks, double width, double *xs, double *ys)
{
    double x = 0, y = 0, row_h = 0;
    for (guint i = 0; i < blocks->len; i++) {
        block_t *b = g_ptr_array_index(blocks, i);
        if (x > 0 && x + b->w > width) {
            x = 0;
            y += row_h + 6;
            row_h = 0;
        }
        xs[i] = x;
        ys[i] = y;
        x += b->w + LEGEND_BLOCK_GAP;
        row_h = MAX(row_h, b->h);
    }
    return blocks->len ? y + row_h : 0;
}

static void draw_legend(clout_scene_t *s, GPtrArray *blocks, double x0, double y0, const double *xs,
                        const double *ys)
{
    clout_rgba_t outline = rgba("#404040", 1);
    for (guint i = 0; i < blocks->len; i++) {
        const block_t *b = g_ptr_array_index(blocks, i);
        double x = x0 + xs[i], y = y0 + ys[i];
        clout_scene_text(s, x, y, b->title, LEGEND_SIZE, true, ink(), CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
        y += text_h(b->title, LEGEND_SIZE, true) + 2;
        for (guint k = 0; k < b->rows->len; k++) {
            const row_t *r = &g_array_index(b->rows, row_t, k);
            double h = row_height(r), cy = y + h / 2, tx = x + b->swatch_w + 4;
            switch (r->kind) {
            case ROW_BAR: {
                int n = 21;
                for (int j = 0; j < n; j++) {
                    clout_rgba_t col = clout_color_balance(-1 + 2 * (j + 0.5) / n);
                    clout_scene_rect(s, x + BAR_W * j / n, y, BAR_W / n + 0.05, BAR_H, &col, NULL,
                                     0);
                }
                clout_scene_rect(s, x, y, BAR_W, BAR_H, NULL, &outline, 0.4);
                double ly = y + BAR_H + 1.5;
                clout_scene_text(s, x, ly, r->left, LEGEND_SIZE, false, ink(), CLOUT_HALIGN_LEFT,
                                 CLOUT_VALIGN_TOP, 0);
                clout_scene_text(s, x + BAR_W, ly, r->right, LEGEND_SIZE, false, ink(),
                                 CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_TOP, 0);
                y += h;
                continue;
            }
            case ROW_SHAPE:
                if (r->color2.a > 0) {
                    /* Two swatches side by side (the poles). */
                    draw_shape(s, r->shape, x + b->swatch_w / 2 - r->r - 0.8, cy, r->r, &r->color,
                               &outline, NODE_LINE);
                    draw_shape(s, r->shape, x + b->swatch_w / 2 + r->r + 0.8, cy, r->r, &r->color2,
                               &outline, NODE_LINE);
                } else {
                    draw_shape(s, r->shape, x + b->swatch_w / 2, cy, r->r, &r->color, &outline,
                               NODE_LINE);
                }
                break;
            case ROW_LINE:
            case ROW_ARROW: {
                double xy[4] = {x + 1, cy, x + b->swatch_w - 1, cy};
                clout_scene_line(s, xy, 2, &r->color, r->lw, NULL, 0, r->kind == ROW_ARROW);
                break;
            }
            case ROW_MULTI: {
                double d = r->lw / 2 + STROKE_GAP / 2;
                double a[4] = {x + 1, cy - d, x + b->swatch_w - 1, cy - d};
                double c2[4] = {x + 1, cy + d, x + b->swatch_w - 1, cy + d};
                clout_scene_line(s, a, 2, &r->color, r->lw, NULL, 0, false);
                clout_scene_line(s, c2, 2, &r->color2, r->lw, NULL, 0, false);
                break;
            }
            }
            clout_scene_text(s, tx, cy, r->text, LEGEND_SIZE, false, ink(), CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_MIDDLE, 0);
            y += h;
        }
    }
}

/* ---- panels ---- */

typedef struct {
    double x0, y0, x1, y1;
} box_t;

static double box_overlap_area(const box_t *a, const box_t *b)
{
    double w = MIN(a->x1, b->x1) - MAX(a->x0, b->x0), h = MIN(a->y1, b->y1) - MAX(a->y0, b->y0);
    return w > 0 && h > 0 ? w * h : 0;
}

/* Boxes bucketed in a uniform grid, for the label search (an O(n^2) scan
 * of every placed box before).  A query lists, in increasing order and
 * each once, every box that touches a cell the query box touches: a
 * superset of the boxes that overlap it.  Summing box_overlap_area over
 * that list gives the same double, bit for bit, as summing over all boxes
 * in order, because the boxes left out add exactly +0.  Boxes that span
 * very many cells, or have no finite corners, are in every query. */
#define GRID_MAX_CELLS 512 /* per axis */
#define GRID_MAX_SPAN 64   /* cells a box may fill before it goes in "wide" */
typedef struct {
    double x0, y0, cell;
    int nx, ny;
    GArray **cells; /* int, ascending: the boxes that touch the cell */
    GArray *wide;   /* int, ascending */
    guint *seen;    /* by box: the query that last listed it */
    guint n_seen, query;
} grid_t;

static void grid_init(grid_t *gr, const box_t *area, double cell)
{
    memset(gr, 0, sizeof *gr);
    double w = area->x1 - area->x0, h = area->y1 - area->y0;
    if (!(cell > 0) || !isfinite(w) || !isfinite(h))
        cell = 1;
    cell = MAX(cell, MAX(w, h) / GRID_MAX_CELLS);
    gr->x0 = area->x0;
    gr->y0 = area->y0;
    gr->cell = cell;
    gr->nx = isfinite(w) && w > 0 ? MIN(GRID_MAX_CELLS, (int)ceil(w / cell)) : 1;
    gr->ny = isfinite(h) && h > 0 ? MIN(GRID_MAX_CELLS, (int)ceil(h / cell)) : 1;
    gr->nx = MAX(gr->nx, 1);
    gr->ny = MAX(gr->ny, 1);
    gr->cells = g_new0(GArray *, (size_t)gr->nx * gr->ny);
    gr->wide = g_array_new(FALSE, FALSE, sizeof(int));
}

static void grid_release(grid_t *gr)
{
    for (size_t k = 0; k < (size_t)gr->nx * gr->ny; k++)
        if (gr->cells[k])
            g_array_free(gr->cells[k], TRUE);
    g_free(gr->cells);
    g_array_free(gr->wide, TRUE);
    g_free(gr->seen);
}

/* The cells [*a, *b] that [lo, hi] touches along one axis; points outside
 * the grid go to its border cells, which keeps any two touching boxes in a
 * common cell.  False for a box without finite ends. */
static bool grid_span(double origin, double cell, int n, double lo, double hi, int *a, int *b)
{
    if (!isfinite(lo) || !isfinite(hi) || lo > hi)
        return false;
    double fa = floor((lo - origin) / cell), fb = floor((hi - origin) / cell);
    *a = fa < 0 ? 0 : fa >= n ? n - 1 : (int)fa;
    *b = fb < 0 ? 0 : fb >= n ? n - 1 : (int)fb;
    return true;
}

/* Box i (boxes are added in increasing order of i). */
static void grid_add(grid_t *gr, int i, const box_t *b)
{
    int ax, bx, ay, by;
    if (!grid_span(gr->x0, gr->cell, gr->nx, b->x0, b->x1, &ax, &bx) ||
        !grid_span(gr->y0, gr->cell, gr->ny, b->y0, b->y1, &ay, &by) ||
        (double)(bx - ax + 1) * (by - ay + 1) > GRID_MAX_SPAN) {
        g_array_append_val(gr->wide, i);
        return;
    }
    for (int y = ay; y <= by; y++)
        for (int x = ax; x <= bx; x++) {
            GArray **c = &gr->cells[(size_t)y * gr->nx + x];
            if (!*c)
                *c = g_array_new(FALSE, FALSE, sizeof(int));
            g_array_append_val(*c, i);
        }
}

/* The boxes that may overlap q, into out (emptied first), each once, in no
 * particular order. */
static void grid_query(grid_t *gr, int n_boxes, const box_t *q, GArray *out)
{
    g_array_set_size(out, 0);
    if ((guint)n_boxes > gr->n_seen) {
        gr->seen = g_renew(guint, gr->seen, n_boxes);
        memset(gr->seen + gr->n_seen, 0, (n_boxes - gr->n_seen) * sizeof(guint));
        gr->n_seen = (guint)n_boxes;
    }
    if (++gr->query == 0) { /* wrapped: forget every mark */
        memset(gr->seen, 0, gr->n_seen * sizeof(guint));
        gr->query = 1;
    }
    for (guint k = 0; k < gr->wide->len; k++) {
        int i = g_array_index(gr->wide, int, k);
        gr->seen[i] = gr->query;
        g_array_append_val(out, i);
    }
    int ax, bx, ay, by;
    if (!grid_span(gr->x0, gr->cell, gr->nx, q->x0, q->x1, &ax, &bx) ||
        !grid_span(gr->y0, gr->cell, gr->ny, q->y0, q->y1, &ay, &by)) {
        ax = ay = 0; /* no finite extent: every cell */
        bx = gr->nx - 1;
        by = gr->ny - 1;
    }
    for (int y = ay; y <= by; y++)
        for (int x = ax; x <= bx; x++) {
            GArray *c = gr->cells[(size_t)y * gr->nx + x];
            for (guint k = 0; c && k < c->len; k++) {
                int i = g_array_index(c, int, k);
                if (gr->seen[i] != gr->query) {
                    gr->seen[i] = gr->query;
                    g_array_append_val(out, i);
                }
            }
        }
}

typedef struct {
    int i;
    double area;
} hit_t;

static int cmp_hit(const void *a, const void *b)
{
    int x = ((const hit_t *)a)->i, y = ((const hit_t *)b)->i;
    return (x > y) - (x < y);
}

/* sum plus the overlaps of q with boxes[j] for the j in near other than
 * skip, added in increasing order of j: the double that a loop over every
 * box would give, as the boxes left out add exactly +0.  Only the boxes
 * that do overlap are sorted.  When the sum is sure to reach bound (the
 * cost to beat), it returns INFINITY at once: the terms are not negative,
 * and a sum of n of them in any order is within a factor 1 +- n 2^-53 of
 * the exact one, far inside the margin of 1e-6. */
static double overlap_sum(double sum, const box_t *q, const box_t *boxes, const GArray *near,
                          int skip, double bound, GArray *hits)
{
    if (sum >= bound)
        return INFINITY;
    g_array_set_size(hits, 0);
    double rough = sum;
    for (guint k = 0; k < near->len; k++) {
        int j = g_array_index(near, int, k);
        double a = j == skip ? 0 : box_overlap_area(q, &boxes[j]);
        if (a > 0) {
            hit_t h = {j, a};
            g_array_append_val(hits, h);
            rough += a;
            if (rough * (1 - 1e-6) > bound)
                return INFINITY;
        }
    }
    hit_t *h = (hit_t *)(void *)hits->data;
    if (hits->len > 16)
        qsort(h, hits->len, sizeof *h, cmp_hit);
    else
        for (guint k = 1; k < hits->len; k++)
            for (guint m = k; m > 0 && h[m - 1].i > h[m].i; m--) {
                hit_t t = h[m];
                h[m] = h[m - 1];
                h[m - 1] = t;
            }
    for (guint k = 0; k < hits->len; k++)
        sum += h[k].area;
    return sum;
}

static box_t node_box(const node_t *nd)
{
    double hw, top, bottom;
    shape_box(nd->shape, nd->r, &hw, &top, &bottom);
    box_t b = {nd->x - hw, nd->y - top, nd->x + hw, nd->y + bottom};
    return b;
}

static void draw_ties(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    clout_rgba_t grey = rgba("#8c8c8c", 0.7);
    for (guint e = 0; e < p->ties->len; e++) {
        const tie_t *t = &g_array_index(p->ties, tie_t, e);
        const node_t *a = &p->nodes[t->u], *b = &p->nodes[t->v];
        double dx = b->x - a->x, dy = b->y - a->y, len = hypot(dx, dy);
        if (len < 1e-9)
            continue;
        double d[2] = {dx / len, dy / len}, nrm[2] = {-d[1], d[0]};
        bool by_layer = edges_by_layer(c);
        int n = by_layer ? (int)g_strv_length(t->layers) : 1;
        double w = tie_width(c, t->weight), sw = MAX(W_MIN, w / n);
        double band = n * sw + (n - 1) * STROKE_GAP;
        /* Two arrows between one pair go side by side, each on its right. */
        double centre = t->reciprocal ? band / 2 + 0.6 : 0;
        for (int k = 0; k < n; k++) {
            double off = centre - band / 2 + sw / 2 + k * (sw + STROKE_GAP);
            double p0[2] = {a->x + nrm[0] * off, a->y + nrm[1] * off};
            double ts = 0, te = len;
            if (!outline_cross(a, p0, d, false, &ts) || ts < 0 || ts > len / 2)
                ts = 0;
            if (!outline_cross(b, p0, d, true, &te) || te > len || te < len / 2)
                te = len;
            if (t->directed)
                te -= NODE_LINE / 2 + sw / 2; /* the round cap reaches the border */
            if (te - ts < 1)
                continue;
            double xy[4] = {p0[0] + d[0] * ts, p0[1] + d[1] * ts, p0[0] + d[0] * te,
                            p0[1] + d[1] * te};
            clout_rgba_t col = by_layer ? layer_color(c, t->layers[k]) : grey;
            clout_scene_line(s, xy, 2, &col, sw, NULL, 0, t->directed);
        }
    }
}

static bool labelled(const ctx_t *c, const node_t *nd)
{
    switch (c->o->labels) {
    case CLOUT_LABELS_ALL: return true;
    case CLOUT_LABELS_FOCUS: return nd->role == CLOUT_ROLE_FOCUS;
    case CLOUT_LABELS_POLES: return nd->role == CLOUT_ROLE_POLE;
    default: return false;
    }
}

/* Poles, then focus actors, then the larger nodes: the first placed get
 * the best places. */
static int label_rank(const node_t *nd)
{
    return nd->role == CLOUT_ROLE_POLE ? 0 : nd->role == CLOUT_ROLE_FOCUS ? 1 : 2;
}

static const node_t *sort_nodes_base;
static int cmp_label_order(const void *a, const void *b)
{
    const node_t *x = &sort_nodes_base[*(const int *)a], *y = &sort_nodes_base[*(const int *)b];
    if (label_rank(x) != label_rank(y))
        return label_rank(x) - label_rank(y);
    if (x->r != y->r)
        return x->r > y->r ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

static int cmp_draw_order(const void *a, const void *b)
{
    const node_t *x = &sort_nodes_base[*(const int *)a], *y = &sort_nodes_base[*(const int *)b];
    if (x->r != y->r)
        return x->r > y->r ? -1 : 1;
    return *(const int *)a - *(const int *)b;
}

static void draw_labels(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    int *order = g_new(int, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++)
        order[i] = i;
    sort_nodes_base = p->nodes;
    qsort(order, (size_t)p->n, sizeof(int), cmp_label_order);
    box_t *nodes = g_new(box_t, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++)
        nodes[i] = node_box(&p->nodes[i]);
    GArray *placed = g_array_new(FALSE, FALSE, sizeof(box_t));
    box_t panel = {p->px, p->py, p->px + p->pw, p->py + p->ph};
    /* Cells of about a label's height (a label is a few cells wide). */
    grid_t node_grid, placed_grid;
    grid_init(&node_grid, &panel, 2 * c->label_size);
    grid_init(&placed_grid, &panel, 2 * c->label_size);
    for (int i = 0; i < p->n; i++)
        grid_add(&node_grid, i, &nodes[i]);
    GArray *near = g_array_new(FALSE, FALSE, sizeof(int));
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(hit_t));
    if (c->n_panels > 1) {
        /* The panel's title is taken. */
        double w, h;
        clout_text_extent(p->key, PANEL_TITLE_SIZE, true, &w, &h);
        box_t t = {p->px + 3, p->py + 2, p->px + 3 + w, p->py + 2 + h};
        grid_add(&placed_grid, (int)placed->len, &t);
        g_array_append_val(placed, t);
    }
    for (int oi = 0; oi < p->n; oi++) {
        const node_t *nd = &p->nodes[order[oi]];
        if (!labelled(c, nd))
            continue;
        bool bold = nd->role != CLOUT_ROLE_NONE;
        double w, h, hw, top, bottom;
        clout_text_extent(nd->id, c->label_size, bold, &w, &h);
        shape_box(nd->shape, nd->r, &hw, &top, &bottom);
        double g = LABEL_GAP, dg = 0.72; /* diagonals: just off the shape's corner */
        double cand[8][2] = {
            {nd->x + hw + g, nd->y - h / 2},                 /* right */
            {nd->x - hw - g - w, nd->y - h / 2},             /* left */
            {nd->x - w / 2, nd->y - top - g - h},            /* above */
            {nd->x - w / 2, nd->y + bottom + g},             /* below */
            {nd->x + hw * dg + g, nd->y - top * dg - h},     /* above right */
            {nd->x + hw * dg + g, nd->y + bottom * dg},      /* below right */
            {nd->x - hw * dg - g - w, nd->y - top * dg - h}, /* above left */
            {nd->x - hw * dg - g - w, nd->y + bottom * dg},  /* below left */
        };
        int best = -1;
        double best_cost = INFINITY;
        for (int k = 0; k < 8; k++) {
            box_t b = {cand[k][0], cand[k][1], cand[k][0] + w, cand[k][1] + h};
            if (b.x0 < panel.x0 || b.x1 > panel.x1 || b.y0 < panel.y0 || b.y1 > panel.y1)
                continue;
            /* A label may touch what it names, not cover other nodes or labels. */
            box_t tight = {b.x0 + 0.3, b.y0 + 0.3, b.x1 - 0.3, b.y1 - 0.3};
            double cost = 0;
            grid_query(&node_grid, p->n, &tight, near);
            cost = overlap_sum(cost, &tight, nodes, near, order[oi], best_cost, hits);
            if (cost < best_cost) {
                grid_query(&placed_grid, (int)placed->len, &tight, near);
                cost = overlap_sum(cost, &tight, (const box_t *)(void *)placed->data, near, -1,
                                   best_cost, hits);
            }
            if (cost == 0) {
                best = k;
                break;
            }
            if (cost < best_cost) {
                best_cost = cost;
                best = k;
            }
        }
        double x, y;
        if (best >= 0) {
            x = cand[best][0];
            y = cand[best][1];
        } else {
            /* Nowhere inside the panel: the right side, pushed inside. */
            x = CLAMP(cand[0][0], panel.x0, MAX(panel.x0, panel.x1 - w));
            y = CLAMP(cand[0][1], panel.y0, MAX(panel.y0, panel.y1 - h));
        }
        box_t b = {x, y, x + w, y + h};
        grid_add(&placed_grid, (int)placed->len, &b);
        g_array_append_val(placed, b);
        clout_scene_text(s, x, y, nd->id, c->label_size, bold, ink(), CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
    }
    g_array_free(near, TRUE);
    g_array_free(hits, TRUE);
    grid_release(&node_grid);
    grid_release(&placed_grid);
    g_array_free(placed, TRUE);
    g_free(nodes);
    g_free(order);
}

static void draw_panel(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    bool multi = c->n_panels > 1;
    char *name;
    if (multi) {
        name = g_strdup_printf("panel %s", p->key);
        clout_scene_group(s, name);
        g_free(name);
        clout_rgba_t frame = rgba("#d0d0d0", 1);
        clout_scene_rect(s, p->px, p->py, p->pw, p->ph, NULL, &frame, 0.5);
        clout_scene_text(s, p->px + 3, p->py + 2, p->key, PANEL_TITLE_SIZE, true, ink(),
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
    }
    name = multi ? g_strdup_printf("edges %s", p->key) : g_strdup("edges");
    clout_scene_group(s, name);
    g_free(name);
    draw_ties(c, s, p);

    int *order = g_new(int, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++)
        order[i] = i;
    sort_nodes_base = p->nodes;
    qsort(order, (size_t)p->n, sizeof(int), cmp_draw_order);
    clout_rgba_t outline = rgba("#404040", 1);
    for (int k = 0; k < p->n; k++) {
        const node_t *nd = &p->nodes[order[k]];
        name = g_strdup_printf("node %s", nd->id);
        clout_scene_group(s, name);
        g_free(name);
        draw_shape(s, nd->shape, nd->x, nd->y, nd->r, &nd->fill, &outline, NODE_LINE);
    }
    g_free(order);

    name = multi ? g_strdup_printf("labels %s", p->key) : g_strdup("labels");
    clout_scene_group(s, name);
    g_free(name);
    draw_labels(c, s, p);
}

/* ---- the whole figure ---- */

static void ctx_release(ctx_t *c)
{
    for (int k = 0; k < c->n_panels; k++) {
        g_free(c->panels[k].nodes);
        if (c->panels[k].ties)
            g_array_free(c->panels[k].ties, TRUE);
        g_free(c->panels[k].key);
    }
    g_free(c->panels);
    g_ptr_array_free(c->layers, TRUE);
    g_ptr_array_free(c->kinds, TRUE);
}

static bool known_measure(const char *name)
{
    for (const char *const *m = clout_measure_names; *m; m++)
        if (strcmp(*m, name) == 0)
            return true;
    return false;
}

clout_status_t clout_diagram(clout_scene_t **out, clout_network_t *const *nets, int n_nets,
                             const clout_dataset_t *ds, const clout_layout_t *layout,
                             const clout_diagram_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    if (n_nets < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "a diagram needs a network");
    if ((int)opts->fill < 0 || opts->fill > CLOUT_FILL_NONE || (int)opts->labels < 0 ||
        opts->labels > CLOUT_LABELS_NONE)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "unknown fill or labels");
    if (opts->size && !known_measure(opts->size)) {
        char *all = g_strjoinv(", ", (char **)clout_measure_names);
        clout_status_t st =
            clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                            "--size: '%s' is not a measure; the measures are %s", opts->size, all);
        g_free(all);
        return st;
    }
    double W = opts->width;
    if (W < 72)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a diagram %.0f pt wide is too narrow; give at least 1 in", W);

    ctx_t c = {0};
    c.o = opts;
    c.ds = ds;
    c.err = err;
    c.fill = opts->fill;
    c.layers = g_ptr_array_new_with_free_func(g_free);
    c.kinds = g_ptr_array_new();
    c.n_panels = n_nets;
    c.panels = g_new0(panel_t, n_nets);
    int cols = n_nets <= 3 ? n_nets : (int)ceil(sqrt(n_nets));
    int rows = (n_nets + cols - 1) / cols;
    double inner_w = W - 2 * MARGIN;
    /* A whole number of tenths: panel origins then round like the nodes in
     * the scene dump, whose positions relative to a panel stay comparable. */
    double pw = floor((inner_w - (cols - 1) * PANEL_GAP) / cols * 10) / 10;
    /* Panels narrower than 300 pt (small multiples) draw smaller nodes and labels. */
    c.k = CLAMP(pw / 300, 0.65, 1);
    c.label_size = MAX(LABEL_MIN, LABEL_SIZE * c.k);
    char **poles = opts->influence.poles;
    if (c.fill == CLOUT_FILL_BALANCE && ds && poles) {
        int k = 0;
        for (; poles[k]; k++)
            if (clout_dataset_find_actor(ds, poles[k]) < 0) {
                ctx_release(&c);
                return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                       "--poles: '%s' is not an actor of '%s'", poles[k],
                                       clout_dataset_path(ds));
            }
        if (k < 2) {
            ctx_release(&c);
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "--poles: a balance needs two poles, a,b");
        }
    }
    /* Without a dataset, two poles and a focus actor there is no balance: kind. */
    if (c.fill == CLOUT_FILL_BALANCE && (!ds || !find_poles(&c)))
        c.fill = CLOUT_FILL_KIND;
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < n_nets && !st; k++) {
        c.panels[k].net = nets[k];
        c.panels[k].key = nets[k]->year != CLOUT_NO_YEAR ? g_strdup_printf("%d", nets[k]->year)
                                                         : g_strdup_printf("%d", k + 1);
        st = read_panel(&c, &c.panels[k], layout);
    }
    if (st) {
        ctx_release(&c);
        return st;
    }
    style_nodes(&c);

    /* Geometry: title, panels, legend, source line, top to bottom. */
    char *title = opts->title ? g_strdup(opts->title) : NULL;
    if (!title) {
        char *dsn = ds ? g_strdup(clout_dataset_title(ds)) : g_path_get_basename(nets[0]->source);
        title = ds && n_nets == 1 ? g_strdup_printf("%s, %d", dsn, nets[0]->year) : g_strdup(dsn);
        g_free(dsn);
    }
    GPtrArray *title_lines = wrap(title, TITLE_SIZE, inner_w);
    double title_line_h = text_h("Ag", TITLE_SIZE, true);
    double title_h = title_lines->len * title_line_h;
    double title_gap = title_lines->len ? 6 : 0; /* --title '': no band at all */
    char *source = opts->no_source ? g_strdup("") : source_text(&c);
    GPtrArray *source_lines = wrap(source, SOURCE_SIZE, inner_w);
    double source_line_h = text_h("Ag", SOURCE_SIZE, false);
    double source_h = source_lines->len * source_line_h;
    double source_gap = source_lines->len ? 8 : 0;
    GPtrArray *blocks = legend_blocks(&c);
    double *bx = g_new0(double, blocks->len + 1), *by = g_new0(double, blocks->len + 1);
    double legend_h = legend_place(blocks, inner_w, bx, by);
    double panel_title_h = n_nets > 1 ? text_h("0", PANEL_TITLE_SIZE, true) + 2 : 0;

    /* The layout's box over every actor drawn, the same for all panels. */
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY, pad = 0;
    for (int k = 0; k < n_nets; k++)
        for (int i = 0; i < c.panels[k].n; i++) {
            const node_t *nd = &c.panels[k].nodes[i];
            minx = MIN(minx, nd->lx);
            maxx = MAX(maxx, nd->lx);
            miny = MIN(miny, nd->ly);
            maxy = MAX(maxy, nd->ly);
            double hw, top, bottom;
            shape_box(nd->shape, nd->r, &hw, &top, &bottom);
            pad = MAX(pad, MAX(hw, MAX(top, bottom)));
        }
    if (!isfinite(minx))
        minx = maxx = miny = maxy = 0;
    pad += 3;
    double bw = maxx - minx, bh = maxy - miny;
    double fixed = MARGIN + title_h + title_gap + rows * panel_title_h + (rows - 1) * PANEL_GAP +
                   8 + legend_h + source_gap + source_h + MARGIN;
    double ph;
    if (opts->height > 0) {
        ph = (opts->height - fixed) / rows;
        if (ph < 2 * pad + 20) {
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "a height of %.0f pt leaves no room for the network under the "
                                 "title and above the legend; give at least %.0f pt",
                                 opts->height, ceil(fixed + rows * (2 * pad + 20)));
        }
    } else {
        double aspect = bw > 0 ? bh / bw : 1;
        aspect = CLAMP(aspect, 0.35, 0.9);
        ph = (pw - 2 * pad) * aspect + 2 * pad;
    }
    clout_scene_t *s = NULL;
    if (!st) {
        double H = opts->height > 0 ? opts->height : fixed + rows * ph;
        s = clout_scene_new(W, H);
        double sx = bw > 0 ? (pw - 2 * pad) / bw : INFINITY,
               sy = bh > 0 ? (ph - 2 * pad) / bh : INFINITY;
        double scale = MIN(sx, sy);
        if (!isfinite(scale))
            scale = 1;
        double offx = pad + ((pw - 2 * pad) - bw * scale) / 2;
        double offy = pad + ((ph - 2 * pad) - bh * scale) / 2;

        clout_scene_group(s, "title");
        for (guint i = 0; i < title_lines->len; i++)
            clout_scene_text(s, MARGIN, MARGIN + i * title_line_h,
                             g_ptr_array_index(title_lines, i), TITLE_SIZE, true, ink(),
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
        double y = MARGIN + title_h + title_gap;
        for (int k = 0; k < n_nets; k++) {
            panel_t *p = &c.panels[k];
            int row = k / cols, col = k % cols;
            p->px = MARGIN + col * (pw + PANEL_GAP);
            p->py = y + row * (panel_title_h + ph + PANEL_GAP) + panel_title_h;
            p->pw = pw;
            p->ph = ph;
            for (int i = 0; i < p->n; i++) {
                p->nodes[i].x = p->px + offx + (p->nodes[i].lx - minx) * scale;
                p->nodes[i].y = p->py + offy + (p->nodes[i].ly - miny) * scale;
            }
            if (n_nets > 1)
                p->py -= panel_title_h, p->ph += panel_title_h;
            draw_panel(&c, s, p);
        }
        y += rows * (panel_title_h + ph) + (rows - 1) * PANEL_GAP + 8;
        clout_scene_group(s, "legend");
        draw_legend(s, blocks, MARGIN, y, bx, by);
        y += legend_h + source_gap;
        clout_scene_group(s, "source");
        clout_rgba_t grey = rgba("#4d4d4d", 1);
        for (guint i = 0; i < source_lines->len; i++)
            clout_scene_text(s, MARGIN, y + i * source_line_h, g_ptr_array_index(source_lines, i),
                             SOURCE_SIZE, false, &grey, CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
    }
    g_free(bx);
    g_free(by);
    g_ptr_array_free(blocks, TRUE);
    g_ptr_array_free(title_lines, TRUE);
    g_ptr_array_free(source_lines, TRUE);
    g_free(title);
    g_free(source);
    ctx_release(&c);
    if (st)
        return st;
    *out = s;
    return CLOUT_OK;
}
