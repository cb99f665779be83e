/* diagram-legend.c: the legend of a network diagram: shapes by kind, the fill, ties by layer and
 * weight, node areas; blocks of rows laid out left to right. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "diagram.h"

#define LEGEND_SIZE 7.0
#define LEGEND_ROW 10.0
#define LEGEND_BLOCK_GAP 12.0

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
        diagram_shape_box(r->shape, r->r, &hw, &top, &bottom);
        return MAX(LEGEND_ROW, top + bottom + 2);
    }
    return LEGEND_ROW;
}

/* The balance bar: BAR_W wide, or wider when its end labels (the poles'
 * names) need more room side by side. */
static double bar_width(const char *font, const row_t *r)
{
    return MAX(BAR_W, cl_text_width(font, r->left, LEGEND_SIZE, false) +
                          cl_text_width(font, r->right, LEGEND_SIZE, false) + 6);
}

static void measure_block(block_t *b, const char *font)
{
    b->swatch_w = 16;
    for (guint i = 0; i < b->rows->len; i++) {
        const row_t *r = &g_array_index(b->rows, row_t, i);
        if (r->kind == ROW_SHAPE) {
            double hw, top, bottom;
            diagram_shape_box(r->shape, r->r, &hw, &top, &bottom);
            b->swatch_w = MAX(b->swatch_w, 2 * hw + 2);
        }
    }
    b->w = cl_text_width(font, b->title, LEGEND_SIZE, true);
    b->h = cl_text_height(font, b->title, LEGEND_SIZE, true) + 2;
    for (guint i = 0; i < b->rows->len; i++) {
        const row_t *r = &g_array_index(b->rows, row_t, i);
        double w = r->kind == ROW_BAR
                       ? bar_width(font, r)
                       : b->swatch_w + 4 + cl_text_width(font, r->text, LEGEND_SIZE, false);
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

static const clout_rgba_t WHITE = {1, 1, 1, 1};

/* Shapes by kind (and their fill, when the fill is the kind). */
static void kind_block(const ctx_t *c, GPtrArray *blocks)
{
    block_t *b =
        block_new(blocks, c->fill == CLOUT_FILL_KIND ? "Actor kind (shape, fill)" : "Actor kind");
    for (guint i = 0; i < c->kinds->len; i++) {
        const char *kind = g_ptr_array_index(c->kinds, i);
        row_t *r = add_row(b, ROW_SHAPE, *kind ? kind : "actor (no kind given)");
        r->shape = diagram_shape_of(kind);
        r->color = c->fill == CLOUT_FILL_KIND ? clout_color_category((int)i) : WHITE;
    }
}

static void balance_block(const ctx_t *c, GPtrArray *blocks)
{
    block_t *b = block_new(blocks, "Balance of influence (focus actors)");
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
}

/* A community's name: a few members, poles first ("SDL, WSL, MDL +3"); its
 * number when there are several panels. */
static char *community_name(const ctx_t *c, int k)
{
    if (c->n_panels > 1)
        return g_strdup_printf("%d", k + 1);
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
    if (members > shown)
        g_string_append_printf(s, " +%d", members - shown);
    return g_string_free(s, FALSE);
}

static void community_block(const ctx_t *c, GPtrArray *blocks)
{
    block_t *b =
        block_new(blocks, c->n_panels > 1 ? "Community (Leiden, per panel)" : "Community (Leiden)");
    for (int k = 0; k < MIN(c->n_communities, MAX_COMMUNITY_COLORS); k++) {
        char *name = community_name(c, k);
        row_t *r = add_row(b, ROW_SHAPE, name);
        g_free(name);
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

/* Ties: colour by layer. */
static void layer_block(const ctx_t *c, GPtrArray *blocks)
{
    block_t *b = block_new(blocks, "Tie layer (colour)");
    for (guint i = 0; i < c->layers->len; i++) {
        row_t *r = add_row(b, ROW_LINE, g_ptr_array_index(c->layers, i));
        r->color = diagram_layer_color(c, g_ptr_array_index(c->layers, i));
        r->lw = 2;
    }
    if (c->any_unknown_layer) {
        row_t *r = add_row(b, ROW_LINE, "layer not given");
        r->color = diagram_layer_color(c, "");
        r->lw = 2;
    }
    if (c->any_multi && c->layers->len >= 2) {
        row_t *r = add_row(b, ROW_MULTI, "several layers");
        r->color = diagram_layer_color(c, g_ptr_array_index(c->layers, 0));
        r->color2 = diagram_layer_color(c, g_ptr_array_index(c->layers, 1));
        r->lw = 1.2;
    }
}

/* Ties: width by weight, and arrows. */
static void weight_block(const ctx_t *c, GPtrArray *blocks)
{
    block_t *b = block_new(blocks, "Tie weight (width)");
    double ws[3] = {c->wmin, (c->wmin + c->wmax) / 2, c->wmax};
    int nw = c->wmax - c->wmin < 1e-12 ? 1 : 3;
    for (int k = 0; k < nw; k++) {
        char *t = fmt_value(nw == 1 ? c->wmax : ws[k], c->wmax);
        row_t *r = add_row(b, ROW_LINE, t);
        g_free(t);
        r->color = DIAGRAM_OUTLINE;
        r->lw = diagram_tie_width(c, nw == 1 ? c->wmax : ws[k]);
    }
    if (c->any_directed) {
        row_t *r = add_row(b, ROW_ARROW, "directed tie");
        r->color = DIAGRAM_OUTLINE;
        r->lw = 0.8;
    }
}

static void area_block(const ctx_t *c, GPtrArray *blocks)
{
    char *t = g_strdup_printf("Node area: %s", c->o->size);
    block_t *b = block_new(blocks, t);
    g_free(t);
    double fr[3] = {1, 0.25, 1.0 / 16};
    for (int k = 0; k < 3 && c->vmax > 0; k++) {
        char *v = fmt_value(c->vmax * fr[k], c->vmax);
        row_t *r = add_row(b, ROW_SHAPE, v);
        g_free(v);
        r->shape = SHAPE_CIRCLE;
        r->r = c->k * MAX(R_MIN, R_MAX * sqrt(fr[k]));
        r->color = WHITE;
    }
}

static GPtrArray *legend_blocks(const ctx_t *c)
{
    GPtrArray *blocks = g_ptr_array_new_with_free_func(block_free);
    kind_block(c, blocks);
    if (c->fill == CLOUT_FILL_BALANCE)
        balance_block(c, blocks);
    else if (c->fill == CLOUT_FILL_COMMUNITY)
        community_block(c, blocks);
    if (diagram_edges_by_layer(c) && (c->layers->len || c->any_unknown_layer))
        layer_block(c, blocks);
    weight_block(c, blocks);
    if (c->o->size)
        area_block(c, blocks);
    for (guint i = 0; i < blocks->len; i++)
        measure_block(g_ptr_array_index(blocks, i), c->o->font);
    return blocks;
}

struct diagram_legend {
    GPtrArray *blocks; /* block_t */
    double *xs, *ys;   /* each block's offset */
    double h;
};

/* Places the blocks in rows within width. */
diagram_legend_t *diagram_legend_new(const ctx_t *c, double width)
{
    diagram_legend_t *l = g_new0(diagram_legend_t, 1);
    l->blocks = legend_blocks(c);
    l->xs = g_new0(double, l->blocks->len + 1);
    l->ys = g_new0(double, l->blocks->len + 1);
    double x = 0, y = 0, row_h = 0;
    for (guint i = 0; i < l->blocks->len; i++) {
        block_t *b = g_ptr_array_index(l->blocks, i);
        if (x > 0 && x + b->w > width) {
            x = 0;
            y += row_h + 6;
            row_h = 0;
        }
        l->xs[i] = x;
        l->ys[i] = y;
        x += b->w + LEGEND_BLOCK_GAP;
        row_h = MAX(row_h, b->h);
    }
    l->h = l->blocks->len ? y + row_h : 0;
    return l;
}

double diagram_legend_height(const diagram_legend_t *l)
{
    return l->h;
}

void diagram_legend_free(diagram_legend_t *l)
{
    if (!l)
        return;
    g_ptr_array_free(l->blocks, TRUE);
    g_free(l->xs);
    g_free(l->ys);
    g_free(l);
}

/* The balance scale in 21 steps, its ends named under it. */
static void draw_bar(clout_scene_t *s, const row_t *r, double x, double y)
{
    int n = 21;
    double bw = bar_width(s->font, r);
    for (int j = 0; j < n; j++) {
        clout_rgba_t col = clout_color_balance(-1 + 2 * (j + 0.5) / n);
        clout_scene_rect(s, x + bw * j / n, y, bw / n + 0.05, BAR_H, &col, NULL, 0);
    }
    clout_scene_rect(s, x, y, bw, BAR_H, NULL, &DIAGRAM_OUTLINE, 0.4);
    double ly = y + BAR_H + 1.5;
    clout_scene_text(s, x, ly, r->left, LEGEND_SIZE, false, &DIAGRAM_INK, CLOUT_HALIGN_LEFT,
                     CLOUT_VALIGN_TOP, 0);
    clout_scene_text(s, x + bw, ly, r->right, LEGEND_SIZE, false, &DIAGRAM_INK, CLOUT_HALIGN_RIGHT,
                     CLOUT_VALIGN_TOP, 0);
}

/* A row's swatch, sw wide from x, centred on cy. */
static void draw_swatch(clout_scene_t *s, const row_t *r, double x, double cy, double sw)
{
    switch (r->kind) {
    case ROW_SHAPE:
        if (r->color2.a > 0) {
            /* Two swatches side by side (the poles). */
            diagram_draw_shape(s, r->shape, x + sw / 2 - r->r - 0.8, cy, r->r, &r->color,
                               &DIAGRAM_OUTLINE, NODE_LINE);
            diagram_draw_shape(s, r->shape, x + sw / 2 + r->r + 0.8, cy, r->r, &r->color2,
                               &DIAGRAM_OUTLINE, NODE_LINE);
        } else {
            diagram_draw_shape(s, r->shape, x + sw / 2, cy, r->r, &r->color, &DIAGRAM_OUTLINE,
                               NODE_LINE);
        }
        break;
    case ROW_LINE:
    case ROW_ARROW: {
        double xy[4] = {x + 1, cy, x + sw - 1, cy};
        clout_scene_line(s, xy, 2, &r->color, r->lw, NULL, 0, r->kind == ROW_ARROW);
        break;
    }
    case ROW_MULTI: {
        double d = r->lw / 2 + STROKE_GAP / 2;
        double a[4] = {x + 1, cy - d, x + sw - 1, cy - d};
        double c2[4] = {x + 1, cy + d, x + sw - 1, cy + d};
        clout_scene_line(s, a, 2, &r->color, r->lw, NULL, 0, false);
        clout_scene_line(s, c2, 2, &r->color2, r->lw, NULL, 0, false);
        break;
    }
    case ROW_BAR: break;
    }
}

void diagram_legend_draw(clout_scene_t *s, const diagram_legend_t *l, double x0, double y0)
{
    for (guint i = 0; i < l->blocks->len; i++) {
        const block_t *b = g_ptr_array_index(l->blocks, i);
        double x = x0 + l->xs[i], y = y0 + l->ys[i];
        clout_scene_text(s, x, y, b->title, LEGEND_SIZE, true, &DIAGRAM_INK, CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
        y += cl_text_height(s->font, b->title, LEGEND_SIZE, true) + 2;
        for (guint k = 0; k < b->rows->len; k++) {
            const row_t *r = &g_array_index(b->rows, row_t, k);
            double h = row_height(r), cy = y + h / 2;
            if (r->kind == ROW_BAR) {
                draw_bar(s, r, x, y);
            } else {
                draw_swatch(s, r, x, cy, b->swatch_w);
                clout_scene_text(s, x + b->swatch_w + 4, cy, r->text, LEGEND_SIZE, false,
                                 &DIAGRAM_INK, CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
            }
            y += h;
        }
    }
}
