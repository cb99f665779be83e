/* diagram.c: the scene of a network diagram: the networks read, nodes styled (shapes by kind,
 * fills, areas), ties by layer, panels laid out with a title and a source line. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diagram.h"

#define MARGIN 8.0
#define PANEL_GAP 10.0
#define LABEL_SIZE 7.0
#define LABEL_MIN 5.5 /* labels in narrow panels, never smaller */
#define TITLE_SIZE 10.0
#define SOURCE_SIZE 6.0

const clout_rgba_t DIAGRAM_INK = {0x1a / 255.0, 0x1a / 255.0, 0x1a / 255.0, 1};
const clout_rgba_t DIAGRAM_OUTLINE = {0x40 / 255.0, 0x40 / 255.0, 0x40 / 255.0, 1};

/* Okabe-Ito colours for layers, in this order: blue and vermillion come
 * late because the balance scale uses blue and red for the poles. */
static const int LAYER_COLOR_ORDER[] = {0, 2, 6, 1, 5, 4, 3};

/* ---- names ---- */

void clout_diagram_opts_init(clout_diagram_opts_t *o)
{
    *o = (clout_diagram_opts_t){
        .fill = CLOUT_FILL_BALANCE, .labels = CLOUT_LABELS_FIT, .width = CLOUT_DIAGRAM_WIDTH};
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
    static const char *const names[] = {"all", "focus", "poles", "none", "fit", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* ---- colours ---- */

clout_rgba_t diagram_rgba(const char *hex, double alpha)
{
    clout_rgba_t c = cl_color_hex(hex);
    c.a = alpha;
    return c;
}

clout_rgba_t diagram_layer_color(const ctx_t *c, const char *layer)
{
    for (guint i = 0; i < c->layers->len; i++)
        if (strcmp(g_ptr_array_index(c->layers, i), layer) == 0) {
            clout_rgba_t k = clout_color_category(LAYER_COLOR_ORDER[i % 7]);
            k.a = 0.85;
            return k;
        }
    return diagram_rgba("#666666", 0.85);
}

/* Edges carry the layer colours unless the nodes already use Okabe-Ito:
 * one palette must not mean two things in one figure. */
bool diagram_edges_by_layer(const ctx_t *c)
{
    return c->fill != CLOUT_FILL_COMMUNITY && c->fill != CLOUT_FILL_KIND;
}

static int kind_index(const ctx_t *c, const char *kind)
{
    guint i;
    return g_ptr_array_find_with_equal_func(c->kinds, kind, g_str_equal, &i) ? (int)i : -1;
}

/* ---- shapes: every shape has the area of a circle of radius r ---- */

shape_t diagram_shape_of(const char *kind)
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
void diagram_shape_box(shape_t sh, double r, double *half_w, double *top, double *bottom)
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

void diagram_draw_shape(clout_scene_t *s, shape_t sh, double x, double y, double r,
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

bool diagram_outline_cross(const node_t *nd, const double *p, const double *d, bool first,
                           double *t)
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
        tie_t t = {u, v, directed, false, cl_enum(g, "weight", e, 1), NULL, (int)e};
        if (directed) {
            igraph_integer_t back = -1;
            igraph_get_eid(g, &back, v, u, true, false);
            if (back >= 0) {
                double wb = cl_enum(g, "weight", back, 1);
                const char *ra = cl_estr(g, "relations", e), *rb = cl_estr(g, "relations", back);
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
        const char *layer = cl_estr(g, "layer", e);
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
    return g_ptr_array_find_with_equal_func(a, s, g_str_equal, NULL);
}

/* The measure for --size, by vertex. */
static clout_status_t read_measure(const ctx_t *c, panel_t *p)
{
    char *names[2] = {(char *)c->o->size, NULL};
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    mo.measures = names;
    clout_table_t *t;
    clout_status_t st = clout_measures(p->net, &t, &mo, c->err);
    if (st)
        return st;
    int col = clout_table_column(t, c->o->size), c_id = clout_table_column(t, "id");
    GHashTable *ix = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 0; i < p->n; i++)
        g_hash_table_insert(ix, (gpointer)p->nodes[i].id, GINT_TO_POINTER(i + 1));
    for (int r = 0; col >= 0 && c_id >= 0 && r < clout_table_n_rows(t); r++) {
        int i = GPOINTER_TO_INT(g_hash_table_lookup(ix, clout_table_get_str(t, r, c_id))) - 1;
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
    clout_status_t st = clout_communities(p->net, &part, &c->o->communities, c->err);
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
    clout_status_t st = clout_influence_balance_samples(c->ds, &bs, &so, &io, c->err);
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
        nd->id = cl_vstr(g, "id", i);
        nd->name = cl_vstr(g, "name", i);
        nd->kind = cl_vstr(g, "kind", i);
        nd->role = role_of(cl_vstr(g, "role", i));
        nd->shape = diagram_shape_of(nd->kind);
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

/* ---- fills and sizes ---- */

/* Weights, layers, values and communities over every panel. */
static void scan_panels(ctx_t *c)
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
    if (!isfinite(c->wmin))
        c->wmin = c->wmax = 1;
}

static bool kind_drawn(const ctx_t *c, const char *kind)
{
    for (int k = 0; k < c->n_panels; k++)
        for (int i = 0; i < c->panels[k].n; i++)
            if (strcmp(c->panels[k].nodes[i].kind, kind) == 0)
                return true;
    return false;
}

/* The kinds drawn in a fixed order: state, bloc, company, then the others
 * sorted. */
static void order_kinds(ctx_t *c)
{
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
    for (int j = 0; j < 4; j++)
        if (kind_drawn(c, known[j]))
            g_ptr_array_add(c->kinds, (gpointer)known[j]);
    for (guint j = 0; j < others->len; j++)
        g_ptr_array_add(c->kinds, g_ptr_array_index(others, j));
    g_ptr_array_free(others, TRUE);
}

static clout_rgba_t node_fill(ctx_t *c, const node_t *nd)
{
    switch (c->fill) {
    case CLOUT_FILL_BALANCE:
        if (strcmp(nd->id, c->pole_id[0]) == 0)
            return clout_color_balance(-1);
        if (strcmp(nd->id, c->pole_id[1]) == 0)
            return clout_color_balance(1);
        return clout_color_balance(nd->balance);
    case CLOUT_FILL_COMMUNITY:
        if (nd->community >= MAX_COMMUNITY_COLORS) {
            c->small_communities = true;
            return clout_color_category(-1);
        }
        return clout_color_category(nd->community);
    case CLOUT_FILL_KIND: return clout_color_category(kind_index(c, nd->kind));
    default: return (clout_rgba_t){1, 1, 1, 1};
    }
}

/* Sizes and fills, once every panel is read. */
static void style_nodes(ctx_t *c)
{
    scan_panels(c);
    order_kinds(c);
    for (int k = 0; k < c->n_panels; k++) {
        panel_t *p = &c->panels[k];
        for (int i = 0; i < p->n; i++) {
            node_t *nd = &p->nodes[i];
            if (c->o->size) {
                /* Area, not radius, proportional to the value. */
                double v = isfinite(nd->value) && nd->value > 0 ? nd->value : 0;
                nd->r = c->k * (c->vmax > 0 ? MAX(R_MIN, R_MAX * sqrt(v / c->vmax)) : R_MIN);
            }
            nd->fill = node_fill(c, nd);
        }
    }
}

double diagram_tie_width(const ctx_t *c, double w)
{
    if (c->wmax - c->wmin < 1e-12)
        return W_SAME;
    return W_MIN + (W_MAX - W_MIN) * (w - c->wmin) / (c->wmax - c->wmin);
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
            in = cl_tie_in_snapshot(c->ds, t, net->year,
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

/* ---- panels ---- */

static void draw_ties(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    clout_rgba_t grey = diagram_rgba("#8c8c8c", 0.7);
    for (guint e = 0; e < p->ties->len; e++) {
        const tie_t *t = &g_array_index(p->ties, tie_t, e);
        const node_t *a = &p->nodes[t->u], *b = &p->nodes[t->v];
        double dx = b->x - a->x, dy = b->y - a->y, len = hypot(dx, dy);
        if (len < 1e-9)
            continue;
        double d[2] = {dx / len, dy / len}, nrm[2] = {-d[1], d[0]};
        bool by_layer = diagram_edges_by_layer(c);
        int n = by_layer ? (int)g_strv_length(t->layers) : 1;
        double w = diagram_tie_width(c, t->weight), sw = MAX(W_MIN, w / n);
        double band = n * sw + (n - 1) * STROKE_GAP;
        /* Two arrows between one pair go side by side, each on its right. */
        double centre = t->reciprocal ? band / 2 + 0.6 : 0;
        for (int k = 0; k < n; k++) {
            double off = centre - band / 2 + sw / 2 + k * (sw + STROKE_GAP);
            double p0[2] = {a->x + nrm[0] * off, a->y + nrm[1] * off};
            double ts = 0, te = len;
            if (!diagram_outline_cross(a, p0, d, false, &ts) || ts < 0 || ts > len / 2)
                ts = 0;
            if (!diagram_outline_cross(b, p0, d, true, &te) || te > len || te < len / 2)
                te = len;
            if (t->directed)
                te -= NODE_LINE / 2 + sw / 2; /* the round cap reaches the border */
            if (te - ts < 1)
                continue;
            double xy[4] = {p0[0] + d[0] * ts, p0[1] + d[1] * ts, p0[0] + d[0] * te,
                            p0[1] + d[1] * te};
            clout_rgba_t col = by_layer ? diagram_layer_color(c, t->layers[k]) : grey;
            clout_scene_line(s, xy, 2, &col, sw, NULL, 0, t->directed);
        }
    }
}

typedef struct {
    int rank; /* poles 0, focus actors 1, others 2; all 0 when not by role */
    double r;
    int i;
} node_order_t;

static int cmp_node_order(const void *a, const void *b)
{
    const node_order_t *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    if (x->r != y->r)
        return x->r > y->r ? -1 : 1;
    return x->i - y->i;
}

int *diagram_node_order(const panel_t *p, bool by_role)
{
    node_order_t *o = g_new(node_order_t, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++) {
        const node_t *nd = &p->nodes[i];
        int rank = nd->role == CLOUT_ROLE_POLE ? 0 : nd->role == CLOUT_ROLE_FOCUS ? 1 : 2;
        o[i] = (node_order_t){by_role ? rank : 0, nd->r, i};
    }
    qsort(o, (size_t)p->n, sizeof *o, cmp_node_order);
    int *order = g_new(int, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++)
        order[i] = o[i].i;
    g_free(o);
    return order;
}

static void draw_panel(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    bool multi = c->n_panels > 1;
    if (multi) {
        cl_scene_groupf(s, "panel %s", p->key);
        clout_rgba_t frame = diagram_rgba("#d0d0d0", 1);
        clout_scene_rect(s, p->px, p->py, p->pw, p->ph, NULL, &frame, 0.5);
        clout_scene_text(s, p->px + 3, p->py + 2, p->key, PANEL_TITLE_SIZE, true, &DIAGRAM_INK,
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
    }
    cl_scene_groupf(s, "edges%s%s", multi ? " " : "", multi ? p->key : "");
    draw_ties(c, s, p);
    /* The larger nodes first, under the smaller ones. */
    int *order = diagram_node_order(p, false);
    for (int k = 0; k < p->n; k++) {
        const node_t *nd = &p->nodes[order[k]];
        cl_scene_groupf(s, "node %s", nd->id);
        diagram_draw_shape(s, nd->shape, nd->x, nd->y, nd->r, &nd->fill, &DIAGRAM_OUTLINE,
                           NODE_LINE);
    }
    g_free(order);
    diagram_draw_labels(c, s, p);
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

static clout_status_t check_opts(int n_nets, const clout_diagram_opts_t *opts, clout_error_t *err)
{
    if (n_nets < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "a diagram needs a network");
    if ((int)opts->fill < 0 || opts->fill > CLOUT_FILL_NONE || (int)opts->labels < 0 ||
        opts->labels > CLOUT_LABELS_FIT)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "unknown fill or labels");
    if (opts->size && !known_measure(opts->size)) {
        char *m = cl_unknown("measure", opts->size, (char *const *)clout_measure_names);
        clout_status_t st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "--size: %s", m);
        g_free(m);
        return st;
    }
    if (clout_font_check(opts->font, err))
        return CLOUT_EUSAGE;
    if (opts->width < 72)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a diagram %.0f pt wide is too narrow; give at least 1 in",
                               opts->width);
    return CLOUT_OK;
}

/* --poles, for a balance fill: actors of the dataset, at least two. */
static clout_status_t check_poles(const ctx_t *c, clout_error_t *err)
{
    char **poles = c->o->influence.poles;
    if (c->fill != CLOUT_FILL_BALANCE || !c->ds || !poles)
        return CLOUT_OK;
    int k = 0;
    for (; poles[k]; k++)
        if (clout_dataset_find_actor(c->ds, poles[k]) < 0)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "--poles: '%s' is not an actor of '%s'", poles[k],
                                   clout_dataset_path(c->ds));
    if (k < 2)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "--poles: a balance needs two poles, a,b");
    return CLOUT_OK;
}

static clout_status_t read_panels(ctx_t *c, clout_network_t *const *nets,
                                  const clout_layout_t *layout)
{
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < c->n_panels && !st; k++) {
        c->panels[k].net = nets[k];
        c->panels[k].key = nets[k]->year != CLOUT_NO_YEAR ? g_strdup_printf("%d", nets[k]->year)
                                                          : g_strdup_printf("%d", k + 1);
        st = read_panel(c, &c->panels[k], layout);
    }
    return st;
}

/* The figure, top to bottom: title, panels (rows x cols, each pw x ph),
 * legend, source line. */
typedef struct {
    int cols, rows;
    double inner_w, pw, ph;
    GPtrArray *title_lines, *source_lines;
    double title_line_h, title_h, title_gap;
    double source_line_h, source_h, source_gap;
    diagram_legend_t *legend;
    double panel_title_h;
    double fixed; /* everything but the panels */
    /* The layout's box over every actor drawn, the same for all panels,
     * and the room around it for the largest node. */
    double minx, miny, bw, bh, pad;
} figure_t;

static void figure_release(figure_t *f)
{
    if (f->title_lines)
        g_ptr_array_free(f->title_lines, TRUE);
    if (f->source_lines)
        g_ptr_array_free(f->source_lines, TRUE);
    diagram_legend_free(f->legend);
}

/* The title: opts->title, else the dataset's title (and the year of a
 * single snapshot), else the network file's name. */
static char *title_text(const ctx_t *c)
{
    if (c->o->title)
        return g_strdup(c->o->title);
    const clout_network_t *n0 = c->panels[0].net;
    char *dsn = c->ds ? g_strdup(clout_dataset_title(c->ds)) : g_path_get_basename(n0->source);
    char *title =
        c->ds && c->n_panels == 1 ? g_strdup_printf("%s, %d", dsn, n0->year) : g_strdup(dsn);
    g_free(dsn);
    return title;
}

/* The title, the source line and the legend, measured. */
static void figure_texts(figure_t *f, const ctx_t *c)
{
    char *title = title_text(c);
    f->title_lines = cl_text_wrap(c->o->font, title, TITLE_SIZE, true, f->inner_w);
    g_free(title);
    f->title_line_h = cl_text_height(c->o->font, "Ag", TITLE_SIZE, true);
    f->title_h = f->title_lines->len * f->title_line_h;
    f->title_gap = f->title_lines->len ? 6 : 0; /* --title '': no band at all */
    char *source = c->o->no_source ? NULL : source_text(c);
    f->source_lines = cl_text_wrap(c->o->font, source, SOURCE_SIZE, false, f->inner_w);
    g_free(source);
    f->source_line_h = cl_text_height(c->o->font, "Ag", SOURCE_SIZE, false);
    f->source_h = f->source_lines->len * f->source_line_h;
    f->source_gap = f->source_lines->len ? 8 : 0;
    f->legend = diagram_legend_new(c, f->inner_w);
    f->panel_title_h =
        c->n_panels > 1 ? cl_text_height(c->o->font, "0", PANEL_TITLE_SIZE, true) + 2 : 0;
}

static void layout_box(figure_t *f, const ctx_t *c)
{
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY, pad = 0;
    for (int k = 0; k < c->n_panels; k++)
        for (int i = 0; i < c->panels[k].n; i++) {
            const node_t *nd = &c->panels[k].nodes[i];
            minx = MIN(minx, nd->lx);
            maxx = MAX(maxx, nd->lx);
            miny = MIN(miny, nd->ly);
            maxy = MAX(maxy, nd->ly);
            double hw, top, bottom;
            diagram_shape_box(nd->shape, nd->r, &hw, &top, &bottom);
            pad = MAX(pad, MAX(hw, MAX(top, bottom)));
        }
    if (!isfinite(minx))
        minx = maxx = miny = maxy = 0;
    f->minx = minx;
    f->miny = miny;
    f->pad = pad + 3;
    f->bw = maxx - minx;
    f->bh = maxy - miny;
}

/* The panels' height: what opts->height leaves, else the layout's aspect
 * ratio (within limits) at the panels' width. */
static clout_status_t panel_height(figure_t *f, const clout_diagram_opts_t *opts,
                                   clout_error_t *err)
{
    int rows = f->rows;
    double pad = f->pad, legend_h = diagram_legend_height(f->legend);
    f->fixed = MARGIN + f->title_h + f->title_gap + rows * f->panel_title_h +
               (rows - 1) * PANEL_GAP + 8 + legend_h + f->source_gap + f->source_h + MARGIN;
    if (opts->height > 0) {
        f->ph = (opts->height - f->fixed) / rows;
        if (f->ph < 2 * pad + 20)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "a height of %.0f pt leaves no room for the network under the "
                                   "title and above the legend; give at least %.0f pt",
                                   opts->height, ceil(f->fixed + rows * (2 * pad + 20)));
        return CLOUT_OK;
    }
    double aspect = f->bw > 0 ? f->bh / f->bw : 1;
    aspect = CLAMP(aspect, 0.35, 0.9);
    f->ph = (f->pw - 2 * pad) * aspect + 2 * pad;
    return CLOUT_OK;
}

/* Places the panels from y down, the layout scaled into each, and draws
 * them. */
static void draw_panels(clout_scene_t *s, ctx_t *c, const figure_t *f, double y)
{
    double pw = f->pw, ph = f->ph, pad = f->pad, bw = f->bw, bh = f->bh;
    double sx = bw > 0 ? (pw - 2 * pad) / bw : INFINITY,
           sy = bh > 0 ? (ph - 2 * pad) / bh : INFINITY;
    double scale = MIN(sx, sy);
    if (!isfinite(scale))
        scale = 1;
    double offx = pad + ((pw - 2 * pad) - bw * scale) / 2;
    double offy = pad + ((ph - 2 * pad) - bh * scale) / 2;
    double panel_title_h = f->panel_title_h;
    for (int k = 0; k < c->n_panels; k++) {
        panel_t *p = &c->panels[k];
        int row = k / f->cols, col = k % f->cols;
        p->px = MARGIN + col * (pw + PANEL_GAP);
        p->py = y + row * (panel_title_h + ph + PANEL_GAP) + panel_title_h;
        p->pw = pw;
        p->ph = ph;
        for (int i = 0; i < p->n; i++) {
            p->nodes[i].x = p->px + offx + (p->nodes[i].lx - f->minx) * scale;
            p->nodes[i].y = p->py + offy + (p->nodes[i].ly - f->miny) * scale;
        }
        if (c->n_panels > 1)
            p->py -= panel_title_h, p->ph += panel_title_h;
        draw_panel(c, s, p);
    }
}

static clout_scene_t *draw_figure(ctx_t *c, const figure_t *f, double W, double H)
{
    clout_scene_t *s = clout_scene_new(W, H);
    clout_scene_set_font(s, c->o->font);
    clout_scene_group(s, "title");
    cl_scene_lines(s, f->title_lines, MARGIN, MARGIN, f->title_line_h, TITLE_SIZE, true,
                   &DIAGRAM_INK);
    double y = MARGIN + f->title_h + f->title_gap;
    draw_panels(s, c, f, y);
    y += f->rows * (f->panel_title_h + f->ph) + (f->rows - 1) * PANEL_GAP + 8;
    clout_scene_group(s, "legend");
    diagram_legend_draw(s, f->legend, MARGIN, y);
    y += diagram_legend_height(f->legend) + f->source_gap;
    clout_scene_group(s, "source");
    clout_rgba_t grey = diagram_rgba("#4d4d4d", 1);
    cl_scene_lines(s, f->source_lines, MARGIN, y, f->source_line_h, SOURCE_SIZE, false, &grey);
    return s;
}

clout_status_t clout_diagram(clout_network_t *const *nets, int n_nets, const clout_dataset_t *ds,
                             const clout_layout_t *layout, clout_scene_t **out,
                             const clout_diagram_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    clout_status_t st = check_opts(n_nets, opts, err);
    if (st)
        return st;
    double W = opts->width;
    ctx_t c = {0};
    c.o = opts;
    c.ds = ds;
    c.err = err;
    c.fill = opts->fill;
    c.layers = g_ptr_array_new_with_free_func(g_free);
    c.kinds = g_ptr_array_new();
    c.n_panels = n_nets;
    c.panels = g_new0(panel_t, n_nets);
    figure_t f = {0};
    f.cols = n_nets <= 3 ? n_nets : (int)ceil(sqrt(n_nets));
    f.rows = (n_nets + f.cols - 1) / f.cols;
    f.inner_w = W - 2 * MARGIN;
    /* A whole number of tenths: panel origins then round like the nodes in
     * the scene dump, whose positions relative to a panel stay comparable. */
    f.pw = floor((f.inner_w - (f.cols - 1) * PANEL_GAP) / f.cols * 10) / 10;
    /* Panels narrower than 300 pt (small multiples) draw smaller nodes and labels. */
    c.k = CLAMP(f.pw / 300, 0.65, 1);
    c.label_size = MAX(LABEL_MIN, LABEL_SIZE * c.k);
    st = check_poles(&c, err);
    /* Without a dataset, two poles and a focus actor there is no balance: kind. */
    if (!st && c.fill == CLOUT_FILL_BALANCE && (!ds || !find_poles(&c)))
        c.fill = CLOUT_FILL_KIND;
    if (!st)
        st = read_panels(&c, nets, layout);
    if (!st) {
        style_nodes(&c);
        figure_texts(&f, &c);
        layout_box(&f, &c);
        st = panel_height(&f, opts, err);
    }
    if (!st)
        *out = draw_figure(&c, &f, W, opts->height > 0 ? opts->height : f.fixed + f.rows * f.ph);
    figure_release(&f);
    ctx_release(&c);
    return st;
}
