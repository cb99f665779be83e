/* diagram-labels.c: where each node's label goes: beside its node, on the side that covers the
 * least of the other nodes and labels, found through a grid of the boxes placed. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diagram.h"

#define LABEL_GAP 1.5

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
    diagram_shape_box(nd->shape, nd->r, &hw, &top, &bottom);
    box_t b = {nd->x - hw, nd->y - top, nd->x + hw, nd->y + bottom};
    return b;
}

static bool labelled(const ctx_t *c, const node_t *nd)
{
    switch (c->o->labels) {
    case CLOUT_LABELS_ALL:
    case CLOUT_LABELS_FIT: return true;
    case CLOUT_LABELS_FOCUS: return nd->role == CLOUT_ROLE_FOCUS;
    case CLOUT_LABELS_POLES: return nd->role == CLOUT_ROLE_POLE;
    default: return false;
    }
}

/* A leader line, from its node's outline to its label. */
typedef struct {
    double x0, y0, x1, y1;
} seg_t;

/* The length of s inside box b (Liang and Barsky's clipping), 0 if it
 * misses or only touches. */
static double seg_in_box(const seg_t *s, const box_t *b)
{
    double dx = s->x1 - s->x0, dy = s->y1 - s->y0, t0 = 0, t1 = 1;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {s->x0 - b->x0, b->x1 - s->x0, s->y0 - b->y0, b->y1 - s->y0};
    for (int k = 0; k < 4; k++) {
        if (p[k] == 0) {
            if (q[k] <= 0)
                return 0;
            continue;
        }
        double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = MAX(t0, t);
        else
            t1 = MIN(t1, t);
    }
    return t1 > t0 ? (t1 - t0) * hypot(dx, dy) : 0;
}

/* Whether segments a and b cross (proper crossings: end points on the
 * other segment do not count). */
static bool segs_cross(const seg_t *a, const seg_t *b)
{
    double d1 = (b->x1 - b->x0) * (a->y0 - b->y0) - (b->y1 - b->y0) * (a->x0 - b->x0);
    double d2 = (b->x1 - b->x0) * (a->y1 - b->y0) - (b->y1 - b->y0) * (a->x1 - b->x0);
    double d3 = (a->x1 - a->x0) * (b->y0 - a->y0) - (a->y1 - a->y0) * (b->x0 - a->x0);
    double d4 = (a->x1 - a->x0) * (b->y1 - a->y0) - (a->y1 - a->y0) * (b->x1 - a->x0);
    return d1 * d2 < 0 && d3 * d4 < 0;
}

/* What a label must stay clear of: the panel's nodes, the labels placed
 * so far (each in a grid) and the leader lines drawn so far (few). */
typedef struct {
    const panel_t *p;
    box_t panel;
    box_t *nodes;    /* by node */
    GArray *placed;  /* box_t */
    GArray *leaders; /* seg_t */
    grid_t node_grid, placed_grid;
    GArray *near, *hits; /* scratch for the queries */
} placer_t;

static void placer_init(placer_t *pl, const ctx_t *c, const panel_t *p)
{
    pl->p = p;
    pl->panel = (box_t){p->px, p->py, p->px + p->pw, p->py + p->ph};
    pl->nodes = g_new(box_t, MAX(p->n, 1));
    for (int i = 0; i < p->n; i++)
        pl->nodes[i] = node_box(&p->nodes[i]);
    pl->placed = g_array_new(FALSE, FALSE, sizeof(box_t));
    pl->leaders = g_array_new(FALSE, FALSE, sizeof(seg_t));
    /* Cells of about a label's height (a label is a few cells wide). */
    grid_init(&pl->node_grid, &pl->panel, 2 * c->label_size);
    grid_init(&pl->placed_grid, &pl->panel, 2 * c->label_size);
    for (int i = 0; i < p->n; i++)
        grid_add(&pl->node_grid, i, &pl->nodes[i]);
    pl->near = g_array_new(FALSE, FALSE, sizeof(int));
    pl->hits = g_array_new(FALSE, FALSE, sizeof(hit_t));
}

static void placer_release(placer_t *pl)
{
    g_array_free(pl->near, TRUE);
    g_array_free(pl->hits, TRUE);
    grid_release(&pl->node_grid);
    grid_release(&pl->placed_grid);
    g_array_free(pl->placed, TRUE);
    g_array_free(pl->leaders, TRUE);
    g_free(pl->nodes);
}

/* b is taken from now on. */
static void placer_take(placer_t *pl, const box_t *b)
{
    grid_add(&pl->placed_grid, (int)pl->placed->len, b);
    g_array_append_val(pl->placed, *b);
}

/* How much the box covers of the nodes other than node self, of the
 * labels placed and of the leader lines (a line counts as if 1 pt wide);
 * INFINITY once that reaches bound. */
static double placer_cost(placer_t *pl, const box_t *b, int self, double bound)
{
    /* A label may touch what it names, not cover other nodes or labels. */
    box_t tight = {b->x0 + 0.3, b->y0 + 0.3, b->x1 - 0.3, b->y1 - 0.3};
    double cost = 0;
    grid_query(&pl->node_grid, pl->p->n, &tight, pl->near);
    cost = overlap_sum(cost, &tight, pl->nodes, pl->near, self, bound, pl->hits);
    if (cost < bound) {
        grid_query(&pl->placed_grid, (int)pl->placed->len, &tight, pl->near);
        cost = overlap_sum(cost, &tight, (const box_t *)(void *)pl->placed->data, pl->near, -1,
                           bound, pl->hits);
    }
    for (guint k = 0; k < pl->leaders->len && cost < bound; k++)
        cost += seg_in_box(&g_array_index(pl->leaders, seg_t, k), &tight);
    return cost;
}

/* Whether a leader along s crosses no label and no leader, and no node
 * but node self's; with over_nodes, it may cross the nodes crowding node
 * self (centres within NEIGHBOUR (r_self + r) of its centre), to get out
 * of a ring of them, never one farther along, which it would seem to
 * label. */
#define NEIGHBOUR 3.0
static bool placer_clear(placer_t *pl, const seg_t *s, int self, bool over_nodes)
{
    box_t q = {MIN(s->x0, s->x1), MIN(s->y0, s->y1), MAX(s->x0, s->x1), MAX(s->y0, s->y1)};
    grid_query(&pl->node_grid, pl->p->n, &q, pl->near);
    for (guint k = 0; k < pl->near->len; k++) {
        int j = g_array_index(pl->near, int, k);
        const node_t *a = &pl->p->nodes[self], *b = &pl->p->nodes[j];
        bool crowding = over_nodes && hypot(a->x - b->x, a->y - b->y) < NEIGHBOUR * (a->r + b->r);
        if (j != self && !crowding && seg_in_box(s, &pl->nodes[j]) > 0)
            return false;
    }
    grid_query(&pl->placed_grid, (int)pl->placed->len, &q, pl->near);
    for (guint k = 0; k < pl->near->len; k++)
        if (seg_in_box(s, &g_array_index(pl->placed, box_t, g_array_index(pl->near, int, k))) > 0)
            return false;
    for (guint k = 0; k < pl->leaders->len; k++)
        if (segs_cross(s, &g_array_index(pl->leaders, seg_t, k)))
            return false;
    return true;
}

/* The top left corners a w x h label of nd may take, best first. */
static void candidates(const node_t *nd, double w, double h, double cand[8][2])
{
    double hw, top, bottom;
    diagram_shape_box(nd->shape, nd->r, &hw, &top, &bottom);
    double g = LABEL_GAP, dg = 0.72; /* diagonals: just off the shape's corner */
    double c[8][2] = {
        {nd->x + hw + g, nd->y - h / 2},                 /* right */
        {nd->x - hw - g - w, nd->y - h / 2},             /* left */
        {nd->x - w / 2, nd->y - top - g - h},            /* above */
        {nd->x - w / 2, nd->y + bottom + g},             /* below */
        {nd->x + hw * dg + g, nd->y - top * dg - h},     /* above right */
        {nd->x + hw * dg + g, nd->y + bottom * dg},      /* below right */
        {nd->x - hw * dg - g - w, nd->y - top * dg - h}, /* above left */
        {nd->x - hw * dg - g - w, nd->y + bottom * dg},  /* below left */
    };
    memcpy(cand, c, sizeof c);
}

/* Places farther out, for a label that finds none of the eight free: rings
 * LEADER_STEP label heights apart beyond the shape, in 16 directions (the
 * eight of candidates() first, then those between).  In direction a the
 * label's box touches the point at that distance with the side, corner or
 * edge that faces the node, so the boxes of one ring do not reach in. */
#define LEADER_STEP 1.5
#define LEADER_DIRS 16
static box_t far_candidate(const node_t *nd, double w, double h, int k)
{
    /* Degrees, y down: right, left, up, down, the diagonals, then between. */
    static const double dir[LEADER_DIRS] = {0,     180,  270,   90,    315,   45,    225,  135,
                                            337.5, 22.5, 202.5, 157.5, 292.5, 247.5, 67.5, 112.5};
    double hw, top, bottom;
    diagram_shape_box(nd->shape, nd->r, &hw, &top, &bottom);
    double a = dir[k % LEADER_DIRS] * G_PI / 180, ca = cos(a), sa = sin(a);
    double d = LABEL_GAP + (k / LEADER_DIRS + 1) * LEADER_STEP * h;
    double px = nd->x + ca * (hw + d), py = nd->y + sa * (sa < 0 ? top + d : bottom + d);
    double x0 = px - w * (1 - ca) / 2, y0 = py - h * (1 - sa) / 2;
    return (box_t){x0, y0, x0 + w, y0 + h};
}

/* The leader from nd's outline towards the nearest point of box b, ending
 * LEADER_GAP short of it; false when the two are too close for one. */
#define LEADER_GAP 1.0
static bool leader_of(const node_t *nd, const box_t *b, seg_t *s)
{
    double qx = CLAMP(nd->x, b->x0, b->x1), qy = CLAMP(nd->y, b->y0, b->y1);
    double len = hypot(qx - nd->x, qy - nd->y);
    double c[2] = {nd->x, nd->y}, d[2] = {(qx - nd->x) / len, (qy - nd->y) / len};
    double t0;
    if (!(len > 0) || !diagram_outline_cross(nd, c, d, false, &t0))
        return false;
    t0 += NODE_LINE / 2;
    if (len - LEADER_GAP - t0 < 2)
        return false;
    *s = (seg_t){c[0] + d[0] * t0, c[1] + d[1] * t0, c[0] + d[0] * (len - LEADER_GAP),
                 c[1] + d[1] * (len - LEADER_GAP)};
    return true;
}

static bool inside(const box_t *b, const box_t *panel)
{
    return b->x0 >= panel->x0 && b->x1 <= panel->x1 && b->y0 >= panel->y0 && b->y1 <= panel->y1;
}

/* The box of node i's w x h label: the first candidate inside the panel
 * that covers nothing; else the first place farther out that covers
 * nothing and whose leader (*leader, *has_leader set) crosses nothing;
 * else the candidate that covers least; else (none inside) the right side
 * pushed inside. */
static box_t place_label(placer_t *pl, int i, double w, double h, seg_t *leader, bool *has_leader,
                         bool *clear)
{
    *clear = true;
    const node_t *nd = &pl->p->nodes[i];
    double cand[8][2];
    candidates(nd, w, h, cand);
    const box_t *panel = &pl->panel;
    int best = -1;
    double best_cost = INFINITY;
    *has_leader = false;
    for (int k = 0; k < 8; k++) {
        box_t b = {cand[k][0], cand[k][1], cand[k][0] + w, cand[k][1] + h};
        if (!inside(&b, panel))
            continue;
        double cost = placer_cost(pl, &b, i, best_cost);
        if (cost == 0)
            return b;
        if (cost < best_cost) {
            best_cost = cost;
            best = k;
        }
    }
    /* Rings out to the panel's far corner. */
    double reach =
        hypot(MAX(nd->x - panel->x0, panel->x1 - nd->x), MAX(nd->y - panel->y0, panel->y1 - nd->y));
    int n_far = LEADER_DIRS * MAX(1, (int)ceil(reach / (LEADER_STEP * h)));
    for (int tier = 0; tier < 2; tier++)
        for (int k = 0; k < n_far; k++) {
            box_t b = far_candidate(nd, w, h, k);
            if (inside(&b, panel) && placer_cost(pl, &b, i, 1e-9) == 0 &&
                leader_of(nd, &b, leader) && placer_clear(pl, leader, i, tier == 1)) {
                *has_leader = true;
                return b;
            }
        }
    *clear = false;
    double x, y;
    if (best >= 0) {
        x = cand[best][0];
        y = cand[best][1];
    } else {
        x = CLAMP(cand[0][0], panel->x0, MAX(panel->x0, panel->x1 - w));
        y = CLAMP(cand[0][1], panel->y0, MAX(panel->y0, panel->y1 - h));
    }
    return (box_t){x, y, x + w, y + h};
}

/* A label as placed. */
typedef struct {
    const node_t *nd;
    box_t box;
    seg_t leader;
    bool has_leader;
} label_t;

/* Leaders are thin, grey and without arrows, so as not to pass for ties. */
#define LEADER_WIDTH 0.3
static void draw_leaders(const ctx_t *c, clout_scene_t *s, const panel_t *p, const GArray *labels)
{
    bool any = false;
    for (guint k = 0; k < labels->len && !any; k++)
        any = g_array_index(labels, label_t, k).has_leader;
    if (!any)
        return; /* no empty group in the scene */
    bool multi = c->n_panels > 1;
    cl_scene_groupf(s, "leaders%s%s", multi ? " " : "", multi ? p->key : "");
    clout_rgba_t grey = diagram_rgba("#737373", 1);
    for (guint k = 0; k < labels->len; k++) {
        const label_t *l = &g_array_index(labels, label_t, k);
        if (!l->has_leader)
            continue;
        double xy[4] = {l->leader.x0, l->leader.y0, l->leader.x1, l->leader.y1};
        clout_scene_line(s, xy, 2, &grey, LEADER_WIDTH, NULL, 0, false);
    }
}

/* The labels --labels fit left out, as one warning per panel. */
static void warn_left_out(const ctx_t *c, const panel_t *p, const GPtrArray *ids)
{
    if (!ids->len)
        return;
    GString *list = g_string_new(NULL);
    for (guint k = 0; k < ids->len && k < 8; k++)
        g_string_append_printf(list, "%s%s", k ? ", " : "", (const char *)ids->pdata[k]);
    if (ids->len > 8)
        g_string_append_printf(list, " and %u more", ids->len - 8);
    bool multi = c->n_panels > 1;
    clout_error_warn(c->err,
                     "%s%s%u label%s left out for want of room (%s); a wider figure (--width) "
                     "fits more, --labels all draws every one even where they overlap",
                     multi ? p->key : "", multi ? ": " : "", ids->len, ids->len == 1 ? "" : "s",
                     list->str);
    g_string_free(list, TRUE);
}

/* Poles, then focus actors, then the larger nodes: the first placed get
 * the best places. */
void diagram_draw_labels(const ctx_t *c, clout_scene_t *s, const panel_t *p)
{
    int *order = diagram_node_order(p, true);
    placer_t pl;
    placer_init(&pl, c, p);
    if (c->n_panels > 1) {
        /* The panel's title is taken. */
        double w, h;
        cl_text_extent(c->o->font, p->key, &w, &h, PANEL_TITLE_SIZE, true);
        box_t t = {p->px + 3, p->py + 2, p->px + 3 + w, p->py + 2 + h};
        placer_take(&pl, &t);
    }
    GArray *labels = g_array_new(FALSE, FALSE, sizeof(label_t));
    GPtrArray *left_out = g_ptr_array_new();
    for (int oi = 0; oi < p->n; oi++) {
        const node_t *nd = &p->nodes[order[oi]];
        if (!labelled(c, nd))
            continue;
        double w, h;
        cl_text_extent(c->o->font, nd->id, &w, &h, c->label_size, nd->role != CLOUT_ROLE_NONE);
        label_t l = {.nd = nd};
        bool clear;
        l.box = place_label(&pl, order[oi], w, h, &l.leader, &l.has_leader, &clear);
        if (!clear && c->o->labels == CLOUT_LABELS_FIT && nd->role == CLOUT_ROLE_NONE) {
            g_ptr_array_add(left_out, (gpointer)nd->id);
            continue;
        }
        placer_take(&pl, &l.box);
        if (l.has_leader)
            g_array_append_val(pl.leaders, l.leader);
        g_array_append_val(labels, l);
    }
    /* Leaders under the labels, over the nodes they start from. */
    draw_leaders(c, s, p, labels);
    bool multi = c->n_panels > 1;
    cl_scene_groupf(s, "labels%s%s", multi ? " " : "", multi ? p->key : "");
    for (guint k = 0; k < labels->len; k++) {
        const label_t *l = &g_array_index(labels, label_t, k);
        clout_scene_text(s, l->box.x0, l->box.y0, l->nd->id, c->label_size,
                         l->nd->role != CLOUT_ROLE_NONE, &DIAGRAM_INK, CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
    }
    warn_left_out(c, p, left_out);
    g_ptr_array_free(left_out, TRUE);
    g_array_free(labels, TRUE);
    placer_release(&pl);
    g_free(order);
}
