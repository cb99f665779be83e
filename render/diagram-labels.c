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
    case CLOUT_LABELS_ALL: return true;
    case CLOUT_LABELS_FOCUS: return nd->role == CLOUT_ROLE_FOCUS;
    case CLOUT_LABELS_POLES: return nd->role == CLOUT_ROLE_POLE;
    default: return false;
    }
}

/* What a label must stay clear of: the panel's nodes and the labels placed
 * so far, each in a grid. */
typedef struct {
    const panel_t *p;
    box_t panel;
    box_t *nodes;   /* by node */
    GArray *placed; /* box_t */
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
    g_free(pl->nodes);
}

/* b is taken from now on. */
static void placer_take(placer_t *pl, const box_t *b)
{
    grid_add(&pl->placed_grid, (int)pl->placed->len, b);
    g_array_append_val(pl->placed, *b);
}

/* How much the box covers of the nodes other than node self and of the
 * labels placed; INFINITY once that reaches bound. */
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
    return cost;
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

/* The box of node i's w x h label: the first candidate inside the panel
 * that covers nothing, else the one that covers least, else (none inside)
 * the right side pushed inside. */
static box_t place_label(placer_t *pl, int i, double w, double h)
{
    double cand[8][2];
    candidates(&pl->p->nodes[i], w, h, cand);
    const box_t *panel = &pl->panel;
    int best = -1;
    double best_cost = INFINITY;
    for (int k = 0; k < 8; k++) {
        box_t b = {cand[k][0], cand[k][1], cand[k][0] + w, cand[k][1] + h};
        if (b.x0 < panel->x0 || b.x1 > panel->x1 || b.y0 < panel->y0 || b.y1 > panel->y1)
            continue;
        double cost = placer_cost(pl, &b, i, best_cost);
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
        x = CLAMP(cand[0][0], panel->x0, MAX(panel->x0, panel->x1 - w));
        y = CLAMP(cand[0][1], panel->y0, MAX(panel->y0, panel->y1 - h));
    }
    return (box_t){x, y, x + w, y + h};
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
    for (int oi = 0; oi < p->n; oi++) {
        const node_t *nd = &p->nodes[order[oi]];
        if (!labelled(c, nd))
            continue;
        bool bold = nd->role != CLOUT_ROLE_NONE;
        double w, h;
        cl_text_extent(c->o->font, nd->id, &w, &h, c->label_size, bold);
        box_t b = place_label(&pl, order[oi], w, h);
        placer_take(&pl, &b);
        clout_scene_text(s, b.x0, b.y0, nd->id, c->label_size, bold, &DIAGRAM_INK,
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
    }
    placer_release(&pl);
    g_free(order);
}
