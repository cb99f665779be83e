/* chart-facets.c: small multiples of balance: panels of layers by snapshots, or a heatmap per
 * snapshot, with one scale, one key, one title and one source line. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

#define FACET_ROW 14.0    /* a focus actor's row in a balance panel, points */
#define FACET_MIN_PW 40.0 /* a balance panel's plot below which it is unreadable */
#define HEAT_MIN_CW 12.0  /* a heatmap cell below which it is unreadable */
#define HEAT_GAP 10.0     /* between heatmap panels */
#define ROW_GAP 8.0       /* between rows of balance panels */

/* "a", "a and b", "a, b and c" (the caller frees it). */
static char *join_and(char *const *v, int n)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i == 0 ? "" : i == n - 1 ? " and " : ", ", v[i]);
    return g_string_free(s, FALSE);
}

static const char *layer_label(const char *layer)
{
    return strcmp(layer, "all") == 0 ? "all layers" : layer;
}

/* The layers of a title: "all layers", "the security layer" or "security and economic
 * layers" ("all layers and security" when "all" is among them). */
static char *layers_phrase(char *const *layers, int n)
{
    if (n == 1)
        return chart_layer_phrase(layers[0]);
    bool all = false;
    char **v = g_new0(char *, n + 1);
    for (int i = 0; i < n; i++) {
        all = all || strcmp(layers[i], "all") == 0;
        v[i] = (char *)layer_label(layers[i]);
    }
    char *j = join_and(v, n), *t = all ? g_strdup(j) : g_strdup_printf("%s layers", j);
    g_free(j);
    g_free(v);
    return t;
}

/* What both kinds of facets share: the tables, the focus actors in one order for every
 * panel, and the frame. */
typedef struct {
    int n;         /* tables: snapshots, the columns of panels */
    int nl;        /* layers: rows of balance panels, columns of each heatmap */
    char **layers; /* owned vector of (not owned) layer names */
    char *const *labels;
    chart_matrix_t *m; /* balance: [l * n + j]; heatmap: [j] */
    int n_read;
    chart_uset_t focus;
    const char *pa, *pb;
    bool ids;
    double name_w;
    const char *font; /* of every text (opts->font), NULL for the default */
} facets_t;

static void facets_release(facets_t *fc)
{
    for (int k = 0; k < fc->n_read; k++)
        chart_matrix_release(&fc->m[k]);
    g_free(fc->m);
    g_free(fc->layers);
    if (fc->focus.v)
        chart_uset_release(&fc->focus);
}

/* ---- balance panels ---- */

typedef struct {
    const char *id;
    double v0; /* the balance in the first panel: the order */
    int order;
} rank_t;

static int rank_cmp(const void *a, const void *b)
{
    const rank_t *x = a, *y = b;
    bool fx = isfinite(x->v0), fy = isfinite(y->v0);
    if (fx != fy)
        return fx ? -1 : 1;
    if (fx && x->v0 != y->v0)
        return x->v0 < y->v0 ? -1 : 1;
    return x->order - y->order;
}

/* The focus actors of every panel, sorted by balance in the first panel (first layer,
 * first snapshot), as the balance chart sorts; those it lacks last, in table order. */
static void balance_focus(facets_t *fc, bool *any_interval)
{
    chart_uset_t all;
    chart_uset_init(&all);
    *any_interval = false;
    for (int k = 0; k < fc->nl * fc->n; k++)
        for (int r = 0; r < chart_uset_n(&fc->m[k].rows); r++) {
            const char *id = chart_uset_at(&fc->m[k].rows, r);
            chart_uset_add(&all, id);
            *any_interval = *any_interval || (isfinite(chart_cell(&fc->m[k], id, NULL, -1)) &&
                                              isfinite(chart_cell(&fc->m[k], id, NULL, 1)));
        }
    int nf = chart_uset_n(&all);
    rank_t *rk = g_new(rank_t, nf);
    for (int i = 0; i < nf; i++)
        rk[i] = (rank_t){chart_uset_at(&all, i),
                         chart_cell(&fc->m[0], chart_uset_at(&all, i), NULL, 0), i};
    qsort(rk, (size_t)nf, sizeof *rk, rank_cmp);
    chart_uset_init(&fc->focus);
    for (int i = 0; i < nf; i++)
        chart_uset_add(&fc->focus, rk[i].id);
    g_free(rk);
    chart_uset_release(&all);
}

/* Where the panels go: names from MARGIN, then n panels of plots pw wide, gap apart; ticks
 * every half (five) or at -1, 0 and +1 (three) where the plots are narrow. */
typedef struct {
    double x0, pw, gap;
    int nt;
    double ticks[5];
    double head_h;     /* the panels' labels (wrapped to the panel) */
    GPtrArray **heads; /* [l * n + j] */
} bgrid_t;

static void bgrid_release(bgrid_t *g, int np)
{
    for (int k = 0; g->heads && k < np; k++)
        if (g->heads[k])
            g_ptr_array_free(g->heads[k], TRUE);
    g_free(g->heads);
}

static bool place_panels(bgrid_t *g, facets_t *fc, const clout_chart_opts_t *opts, double W)
{
    double w_lo = text_w(fc->font, "\u22121", SZ_TICK, false),
           w_hi = text_w(fc->font, "+1", SZ_TICK, false);
    g->gap = w_lo / 2 + w_hi / 2 + 16;
    for (int attempt = 0; attempt < 2; attempt++) {
        fc->ids = attempt == 1;
        fc->name_w = chart_max_name_w(&fc->focus, opts, fc->ids);
        g->x0 = MARGIN + fc->name_w + 8 + w_lo / 2;
        g->pw = (W - MARGIN - w_hi / 2 - g->x0 - (fc->n - 1) * g->gap) / fc->n;
        if (g->pw >= FACET_MIN_PW)
            break;
    }
    /* Five ticks where their labels keep 4 pt apart, else three. */
    double tw = chart_ticks_w(fc->font, CHART_TICKS_BALANCE, 5, chart_fmt_tick_signed);
    g->nt = g->pw / 4 >= tw + 4 ? 5 : 3;
    for (int i = 0, k = 0; i < 5; i++)
        if (g->nt == 5 || i % 2 == 0)
            g->ticks[k++] = CHART_TICKS_BALANCE[i];
    return g->pw >= FACET_MIN_PW;
}

static double panel_x(const bgrid_t *g, int j)
{
    return g->x0 + j * (g->pw + g->gap);
}

/* The panels' labels, "security, 2020", wrapped to a panel and its gap. */
static void panel_heads(bgrid_t *g, const facets_t *fc)
{
    int np = fc->nl * fc->n;
    g->heads = g_new0(GPtrArray *, np);
    guint lines = 1;
    for (int l = 0; l < fc->nl; l++)
        for (int j = 0; j < fc->n; j++) {
            char *t = g_strdup_printf("%s, %s", layer_label(fc->layers[l]), fc->labels[j]);
            g->heads[l * fc->n + j] = cl_text_wrap(fc->font, t, SZ_LABEL, true, g->pw + g->gap - 4);
            lines = MAX(lines, g->heads[l * fc->n + j]->len);
            g_free(t);
        }
    g->head_h = lines * text_h(fc->font, SZ_LABEL, true) + 4;
}

/* Panel (l, j) from top, its rows row apart: label, grid, zero line, and a dot (with its
 * interval) per focus actor; its names on the left when j is 0. */
static void draw_panel(clout_scene_t *s, const facets_t *fc, const bgrid_t *g,
                       const clout_chart_opts_t *opts, int l, int j, double top, double row,
                       double bottom)
{
    const chart_matrix_t *m = &fc->m[l * fc->n + j];
    double px = panel_x(g, j);
    chart_scale_t sc = {px, px + g->pw, -1, 1};
    const GPtrArray *head = g->heads[l * fc->n + j];
    cl_scene_groupf(s, "panel %s %s", fc->layers[l], fc->labels[j]);
    double lh = text_h(fc->font, SZ_LABEL, true);
    for (guint k = 0; k < head->len; k++)
        clout_scene_text(s, px + g->pw / 2, top - g->head_h + k * lh, g_ptr_array_index(head, k),
                         SZ_LABEL, true, &CHART_INK, CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    for (int i = 0; i < g->nt; i++) {
        double x = chart_at(&sc, g->ticks[i]), gl[4] = {x, top, x, bottom};
        if (g->ticks[i] == 0)
            chart_zero_line(s, x, top, x, bottom);
        else
            clout_scene_line(s, gl, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
    if (j == 0) {
        cl_scene_groupf(s, "names %s", fc->layers[l]);
        for (int i = 0; i < chart_uset_n(&fc->focus); i++)
            clout_scene_text(s, MARGIN + fc->name_w, top + 2 + (i + 0.5) * row,
                             chart_disp(opts, chart_uset_at(&fc->focus, i), fc->ids), SZ_LABEL,
                             false, &CHART_INK, CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
    }
    for (int i = 0; i < chart_uset_n(&fc->focus); i++) {
        const char *id = chart_uset_at(&fc->focus, i);
        double v = chart_cell(m, id, NULL, 0), lo = chart_cell(m, id, NULL, -1),
               hi = chart_cell(m, id, NULL, 1), cy = top + 2 + (i + 0.5) * row;
        cl_scene_groupf(s, "dot %s %s %s", fc->layers[l], fc->labels[j], id);
        if (isfinite(lo) && isfinite(hi))
            chart_interval(s, chart_at(&sc, fmax(-1, lo)), chart_at(&sc, fmin(1, hi)), cy,
                           &CHART_AXIS);
        if (isfinite(v)) {
            clout_rgba_t c = clout_color_balance(v);
            clout_scene_circle(s, chart_at(&sc, fmax(-1, fmin(1, v))), cy, 3, &c, &CHART_INK, 0.6);
        }
    }
}

static char *balance_title(const facets_t *fc)
{
    char *lp = layers_phrase(fc->layers, fc->nl), *yp = join_and(fc->labels, fc->n);
    char *t = g_strdup_printf("Balance of influence, %s versus %s, %s, %s", fc->pa, fc->pb, lp, yp);
    g_free(lp);
    g_free(yp);
    return t;
}

/* Rows of panels, a layer each, the snapshots across: every panel the same scale (x from -1
 * to +1) and the same order of focus actors, so that a reader scans along a row for the
 * change over time and down a column for the layers; the ticks under the last row, the
 * poles' ends and the axis title under them. */
static clout_status_t balance_facets(facets_t *fc, clout_table_t *const *tables,
                                     clout_scene_t **out, const clout_chart_opts_t *opts,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    int np = fc->nl * fc->n;
    fc->m = g_new0(chart_matrix_t, np);
    for (int l = 0; l < fc->nl && !st; l++)
        for (int j = 0; j < fc->n && !st; j++) {
            chart_matrix_spec_t sp = {"balance",    "focus",      NULL,    "balance",
                                      "balance_lo", "balance_hi", "layer", fc->layers[l]};
            fc->n_read++;
            st = chart_matrix_read(&fc->m[l * fc->n + j], tables[j], &sp, err);
        }
    if (st)
        return st;
    bool any_interval;
    balance_focus(fc, &any_interval);
    int nf = chart_uset_n(&fc->focus);

    char *dflt = balance_title(fc);
    chart_frame_t f;
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);
    GArray *key = chart_key_new();
    chart_key_add(key, "balance B", cl_color_hex("#bdbdbd"), SW_DOT);
    if (any_interval)
        chart_key_add(key, "95% bootstrap interval", CHART_AXIS, SW_INTERVAL);
    bgrid_t g = {0};
    double inner = f.W - 2 * MARGIN, ph = 0;
    char *xt = NULL;
    if (!place_panels(&g, fc, opts, f.W)) {
        st = chart_too_narrow(err, f.W, (FACET_MIN_PW - g.pw) * fc->n);
        goto done;
    }
    panel_heads(&g, fc);
    double gx1 = panel_x(&g, fc->n - 1) + g.pw;
    xt = g_strdup_printf("Balance B = (I(%s) \u2212 I(%s)) / (I(%s) + I(%s))", fc->pb, fc->pa,
                         fc->pa, fc->pb);
    if (text_w(fc->font, xt, SZ_LABEL, false) > (gx1 - g.x0) / 2) {
        g_free(xt);
        xt = g_strdup("Balance B");
    }
    double key_h = chart_key_layout(NULL, fc->font, key, MARGIN, 0, inner);
    double axis_h = TICK_LEN + 2 + text_h(fc->font, SZ_TICK, false) + 4;
    double fixed = chart_frame_top(&f) + key_h + 8 + fc->nl * (g.head_h + 4 + 4) +
                   (fc->nl - 1) * ROW_GAP + axis_h +
                   chart_pole_ends(NULL, fc->font, f.W, g.x0, gx1, 0, fc->pa, fc->pb, xt) +
                   chart_frame_bottom(&f);
    st = chart_plot_height(opts, fixed, fc->nl * nf * FACET_ROW,
                           fc->nl * nf * (text_h(fc->font, SZ_LABEL, false) + 1), &ph, err);
    if (st)
        goto done;
    double row = ph / (fc->nl * nf); /* each panel is nf rows and 4 pt tall */

    double y = chart_frame_begin(&f, fixed + ph);
    y += chart_key_layout(f.s, fc->font, key, MARGIN, y, inner) + 8;
    for (int l = 0; l < fc->nl; l++) {
        double top = y + g.head_h + 4, bottom = top + nf * row + 4;
        for (int j = 0; j < fc->n; j++)
            draw_panel(f.s, fc, &g, opts, l, j, top, row, bottom);
        y = bottom + (l < fc->nl - 1 ? ROW_GAP : 0);
    }
    for (int j = 0; j < fc->n; j++) {
        chart_scale_t sc = {panel_x(&g, j), panel_x(&g, j) + g.pw, -1, 1};
        cl_scene_groupf(f.s, "x-axis %s", fc->labels[j]);
        double a[4] = {sc.p0, y, sc.p1, y};
        clout_scene_line(f.s, a, 2, &CHART_AXIS, 0.6, NULL, 0, false);
        chart_ticks(f.s, &sc, TICKS_BELOW, y, g.ticks, g.nt, chart_fmt_tick_signed);
    }
    y += axis_h;
    chart_pole_ends(f.s, fc->font, f.W, g.x0, gx1, y, fc->pa, fc->pb, xt);
    *out = chart_frame_take(&f);
done:
    g_free(xt);
    bgrid_release(&g, np);
    chart_key_free(key);
    chart_frame_release(&f);
    return st;
}

/* ---- heatmap panels ---- */

/* The columns of every heatmap: layers as given, else every layer of the tables in the
 * order they list them, "all" last; the rows: the focus actors in table order. */
static clout_status_t heat_read(facets_t *fc, clout_table_t *const *tables, char *const *layers,
                                clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    fc->m = g_new0(chart_matrix_t, fc->n);
    chart_matrix_spec_t sp = {"balance", "focus", "layer", "balance", NULL, NULL, NULL, NULL};
    chart_uset_t cols;
    chart_uset_init(&cols);
    chart_uset_init(&fc->focus);
    for (int j = 0; j < fc->n && !st; j++) {
        fc->n_read++;
        st = chart_matrix_read(&fc->m[j], tables[j], &sp, err);
        for (int i = 0; !st && i < chart_uset_n(&fc->m[j].rows); i++)
            chart_uset_add(&fc->focus, chart_uset_at(&fc->m[j].rows, i));
        for (int c = 0; !st && c < chart_uset_n(&fc->m[j].cols); c++)
            chart_uset_add(&cols, chart_uset_at(&fc->m[j].cols, c));
    }
    for (int i = 0; !st && layers && layers[i]; i++)
        if (chart_uset_find(&cols, layers[i]) < 0) {
            int nc = chart_uset_n(&cols);
            const char **valid = g_new0(const char *, nc + 1);
            for (int c = 0; c < nc; c++)
                valid[c] = chart_uset_at(&cols, c);
            char *msg = cl_unknown("layer", layers[i], (char *const *)valid);
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: %s in the balance table",
                                 msg);
            g_free(msg);
            g_free(valid);
        }
    if (!st) {
        GPtrArray *v = g_ptr_array_new();
        for (int i = 0; layers && layers[i]; i++)
            g_ptr_array_add(v, layers[i]);
        for (int c = 0; !layers && c < chart_uset_n(&cols); c++)
            if (strcmp(chart_uset_at(&cols, c), "all") != 0)
                g_ptr_array_add(v, (gpointer)chart_uset_at(&cols, c));
        if (!layers && chart_uset_find(&cols, "all") >= 0)
            g_ptr_array_add(v, "all");
        fc->nl = (int)v->len;
        g_ptr_array_add(v, NULL);
        fc->layers = (char **)g_ptr_array_free(v, FALSE);
    }
    chart_uset_release(&cols);
    return st;
}

/* The grid: names, then n panels of nl cells cw wide, HEAT_GAP apart; each panel's label
 * (its snapshot) and the layers' heads above it, turned a quarter where wider than a cell;
 * values in the cells where they fit. */
typedef struct {
    double x0, cw, head_h, label_h;
    bool rotate, values;
    GPtrArray **labels; /* [j], wrapped to the panel */
} hgrid_t;

static double heat_x(const hgrid_t *h, const facets_t *fc, int j)
{
    return h->x0 + j * (fc->nl * h->cw + HEAT_GAP);
}

static bool place_heat(hgrid_t *h, facets_t *fc, const clout_chart_opts_t *opts, double W)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        fc->ids = attempt == 1;
        fc->name_w = chart_max_name_w(&fc->focus, opts, fc->ids);
        h->x0 = MARGIN + fc->name_w + 6;
        h->cw = fmin((W - MARGIN - h->x0 - (fc->n - 1) * HEAT_GAP) / (fc->n * fc->nl), 48);
        if (h->cw >= HEAT_MIN_CW)
            break;
    }
    h->values = h->cw >= text_w(fc->font, "\u22120.00", SZ_CELL, false) + 4;
    double head_w = 0;
    for (int c = 0; c < fc->nl; c++)
        head_w = fmax(head_w, text_w(fc->font, layer_label(fc->layers[c]), SZ_LABEL, false));
    h->rotate = head_w + 4 > h->cw;
    h->head_h = h->rotate ? head_w + 4 : text_h(fc->font, SZ_LABEL, false) + 4;
    h->labels = g_new0(GPtrArray *, fc->n);
    guint lines = 1;
    for (int j = 0; j < fc->n; j++) {
        h->labels[j] =
            cl_text_wrap(fc->font, fc->labels[j], SZ_LABEL, true, fc->nl * h->cw + HEAT_GAP - 4);
        lines = MAX(lines, h->labels[j]->len);
    }
    h->label_h = lines * text_h(fc->font, SZ_LABEL, true) + 3;
    return h->cw >= HEAT_MIN_CW;
}

static void draw_heat_panel(clout_scene_t *s, const facets_t *fc, const hgrid_t *h, int j, double y,
                            double row)
{
    double px = heat_x(h, fc, j), pw = fc->nl * h->cw, lh = text_h(fc->font, SZ_LABEL, true);
    cl_scene_groupf(s, "panel %s", fc->labels[j]);
    for (guint k = 0; k < h->labels[j]->len; k++)
        clout_scene_text(s, px + pw / 2, y + k * lh, g_ptr_array_index(h->labels[j], k), SZ_LABEL,
                         true, &CHART_INK, CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    y += h->label_h;
    cl_scene_groupf(s, "columns %s", fc->labels[j]);
    for (int c = 0; c < fc->nl; c++) {
        double cx = px + (c + 0.5) * h->cw;
        if (h->rotate)
            clout_scene_text(s, cx, y + h->head_h - 2, layer_label(fc->layers[c]), SZ_LABEL, false,
                             &CHART_INK, CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 90);
        else
            clout_scene_text(s, cx, y + h->head_h - 2, layer_label(fc->layers[c]), SZ_LABEL, false,
                             &CHART_INK, CLOUT_HALIGN_CENTER, CLOUT_VALIGN_BOTTOM, 0);
    }
    double top = y + h->head_h + 4;
    for (int i = 0; i < chart_uset_n(&fc->focus); i++) {
        const char *id = chart_uset_at(&fc->focus, i);
        cl_scene_groupf(s, "cells %s %s", fc->labels[j], id);
        for (int c = 0; c < fc->nl; c++) {
            double v = chart_cell(&fc->m[j], id, fc->layers[c], 0);
            clout_rgba_t col = isfinite(v) ? clout_color_balance(v) : cl_color_hex("#f0f0f0");
            double x = px + c * h->cw;
            clout_scene_rect(s, x, top + i * row, h->cw, row, &col, &CHART_WHITE, 1);
            /* No value where it does not fit; but a cell without data says so. */
            if ((!h->values && isfinite(v)) || text_h(fc->font, SZ_CELL, false) > row)
                continue;
            char *t = chart_fmt_signed(v, 2);
            clout_rgba_t tc = isfinite(v) ? chart_text_on(&col) : CHART_MUTED;
            clout_scene_text(s, x + h->cw / 2, top + (i + 0.5) * row, t, SZ_CELL, false, &tc,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_MIDDLE, 0);
            g_free(t);
        }
    }
}

/* The shared colour bar under the panels, from bx, bw wide: its title, 64 bands, a frame,
 * the ticks and the poles' ends.  Returns its height (s NULL: only measures). */
static double heat_bar(clout_scene_t *s, const facets_t *fc, double W, double bx, double bw,
                       double y)
{
    double tb_h = text_h(fc->font, SZ_TICK, true), tick_h = text_h(fc->font, SZ_TICK, false);
    if (!s)
        return tb_h + 3 + 8 + TICK_LEN + 2 + tick_h + 2 +
               chart_pole_ends(NULL, fc->font, W, bx, bx + bw, 0, fc->pa, fc->pb, NULL);
    clout_scene_group(s, "colour-bar");
    clout_scene_text(s, bx, y, "balance B", SZ_TICK, true, &CHART_INK, CLOUT_HALIGN_LEFT,
                     CLOUT_VALIGN_TOP, 0);
    double by = y + tb_h + 3;
    chart_scale_t cs = {bx, bx + bw, -1, 1};
    for (int k = 0; k < 64; k++) {
        double v0 = -1 + 2.0 * k / 64, v1 = -1 + 2.0 * (k + 1) / 64;
        clout_rgba_t c = clout_color_balance((v0 + v1) / 2);
        double p0 = chart_at(&cs, v0), p1 = chart_at(&cs, v1);
        clout_scene_rect(s, p0, by, p1 - p0 + (k < 63 ? 0.3 : 0), 8, &c, NULL, 0);
    }
    clout_scene_rect(s, bx, by, bw, 8, NULL, &CHART_AXIS, 0.5);
    chart_ticks(s, &cs, TICKS_BELOW, by + 8, CHART_TICKS_BALANCE, 5, chart_fmt_tick_signed);
    double h = tb_h + 3 + 8 + TICK_LEN + 2 + tick_h + 2;
    return h + chart_pole_ends(s, fc->font, W, bx, bx + bw, y + h, fc->pa, fc->pb, NULL);
}

static void hgrid_release(hgrid_t *h, int n)
{
    for (int j = 0; h->labels && j < n; j++)
        g_ptr_array_free(h->labels[j], TRUE);
    g_free(h->labels);
}

/* A heatmap per snapshot, side by side: focus actors (rows, the names once on the left) by
 * layers, one colour scale and one colour bar under them. */
static clout_status_t heat_facets(facets_t *fc, clout_table_t *const *tables, char *const *layers,
                                  clout_scene_t **out, const clout_chart_opts_t *opts,
                                  clout_error_t *err)
{
    clout_status_t st = heat_read(fc, tables, layers, err);
    if (st)
        return st;
    int nr = chart_uset_n(&fc->focus);
    char *yp = join_and(fc->labels, fc->n);
    char *dflt =
        g_strdup_printf("Balance of influence by layer, %s versus %s, %s", fc->pa, fc->pb, yp);
    g_free(yp);
    chart_frame_t f;
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);
    hgrid_t h = {0};
    double ph = 0;
    if (!place_heat(&h, fc, opts, f.W)) {
        st = chart_too_narrow(err, f.W, (HEAT_MIN_CW - h.cw) * fc->n * fc->nl);
        goto done;
    }
    double gx1 = heat_x(&h, fc, fc->n - 1) + fc->nl * h.cw;
    double half = text_w(fc->font, "+1", SZ_TICK, false) / 2;
    double bw =
        fmax(fmin(gx1 - h.x0, 200),
             4 * (chart_ticks_w(fc->font, CHART_TICKS_BALANCE, 5, chart_fmt_tick_signed) + 6));
    double bx = fmax(MARGIN + half, fmin(h.x0, f.W - MARGIN - half - bw));
    double fixed = chart_frame_top(&f) + h.label_h + h.head_h + 4 + 12 +
                   heat_bar(NULL, fc, f.W, bx, bw, 0) + chart_frame_bottom(&f);
    st = chart_plot_height(opts, fixed, nr * 20.0, nr * (text_h(fc->font, SZ_CELL, false) + 2), &ph,
                           err);
    if (st)
        goto done;
    double row = ph / nr;
    double y = chart_frame_begin(&f, fixed + ph);
    double top = y + h.label_h + h.head_h + 4;
    clout_scene_group(f.s, "names");
    for (int i = 0; i < nr; i++)
        clout_scene_text(f.s, h.x0 - 6, top + (i + 0.5) * row,
                         chart_disp(opts, chart_uset_at(&fc->focus, i), fc->ids), SZ_LABEL, false,
                         &CHART_INK, CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
    for (int j = 0; j < fc->n; j++)
        draw_heat_panel(f.s, fc, &h, j, y, row);
    heat_bar(f.s, fc, f.W, bx, bw, top + ph + 12);
    *out = chart_frame_take(&f);
done:
    hgrid_release(&h, fc->n);
    chart_frame_release(&f);
    return st;
}

/* ---- the public function ---- */

clout_status_t clout_chart_facets(clout_table_t *const *tables, char *const *labels, int n,
                                  char *const *layers, clout_scene_t **out,
                                  const clout_chart_opts_t *opts, clout_error_t *err)
{
    *out = NULL;
    if (n < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: facets of no table");
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    facets_t fc = {.n = n, .labels = labels, .font = chart_font_of(opts)};
    chart_balance_poles(opts, &fc.pa, &fc.pb);
    bool heat = opts && opts->of && strcmp(opts->of, "layers") == 0;
    clout_status_t st;
    if (heat) {
        st = heat_facets(&fc, tables, layers, out, opts, err);
    } else {
        GPtrArray *v = g_ptr_array_new();
        for (int i = 0; layers && layers[i]; i++)
            g_ptr_array_add(v, layers[i]);
        if (v->len == 0)
            g_ptr_array_add(v, (gpointer)chart_layer_of(opts));
        fc.nl = (int)v->len;
        g_ptr_array_add(v, NULL);
        fc.layers = (char **)g_ptr_array_free(v, FALSE);
        st = balance_facets(&fc, tables, out, opts, err);
    }
    facets_release(&fc);
    return st;
}
