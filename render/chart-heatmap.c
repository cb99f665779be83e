/* chart-heatmap.c: a grid of focus actors by poles (an index) or by layers (balance), with a
 * colour bar. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"

/* A sequential scale for values in [0, 1]: ColorBrewer Purples, 9 classes
 * (Brewer, C.A., colorbrewer2.org), interpolated.  Single-hue, so it is
 * colour-blind safe and prints in grey; purple is neither pole's colour. */
static const char *const SEQUENTIAL[9] = {"#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8",
                                          "#807dba", "#6a51a3", "#54278f", "#3f007d"};

static clout_rgba_t color_sequential(double v)
{
    if (!isfinite(v))
        return cl_color_hex("#bdbdbd");
    return cl_color_ramp(SEQUENTIAL, 9, v);
}

static char *fmt_plain(double v, int digits)
{
    if (!isfinite(v))
        return g_strdup("\u2013");
    return g_strdup_printf("%.*f", digits, v);
}

/* What is shown, and where. */
typedef struct {
    const char *font;  /* of every text (opts->font) */
    bool by_layer;     /* focus x layer balance, else focus x pole value */
    const char *value; /* the column shown */
    const char *pa, *pb;
    /* The colour bar: ticks ct labelled by cfmt, its title and, by layer,
     * the poles' ends. */
    const double *ct;
    chart_tick_fmt_t cfmt;
    char *ctitle, *cend_hi, *cend_lo;
    /* The grid: rows from x0, cells cw wide; the column heads head_h tall,
     * turned a quarter when they are wider than a cell. */
    bool ids, below, rotate;
    double x0, cw, cell_min, head_h;
    /* Beside the grid, the bar is cb_w wide, with cb_head above it and
     * cb_foot under it; under the grid it runs from bx, bw wide, and takes
     * below_h. */
    double cb_w, cb_head, cb_foot, bx, bw, below_h;
} heat_t;

static const char *col_label(const clout_chart_opts_t *o, bool by_layer, const char *c)
{
    if (by_layer)
        return strcmp(c, "all") == 0 ? "all layers" : c;
    return chart_name_of(o, c);
}

static clout_rgba_t cell_color(const heat_t *h, double v)
{
    return !isfinite(v)  ? cl_color_hex("#f0f0f0")
           : h->by_layer ? clout_color_balance(v)
                         : color_sequential(v);
}

/* The columns: the layers as the table lists them, "all" last; or the poles. */
static clout_status_t read_columns(chart_uset_t *cols, const chart_matrix_t *m,
                                   const clout_chart_opts_t *opts, bool by_layer,
                                   clout_error_t *err)
{
    if (!by_layer) {
        chart_pole_order(cols, m, opts);
        if (chart_uset_n(cols) == 0)
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "chart: the shares table has no pole");
        return CLOUT_OK;
    }
    chart_uset_init(cols);
    for (int i = 0; i < chart_uset_n(&m->cols); i++)
        if (strcmp(chart_uset_at(&m->cols, i), "all") != 0)
            chart_uset_add(cols, chart_uset_at(&m->cols, i));
    if (chart_uset_find(&m->cols, "all") >= 0)
        chart_uset_add(cols, "all");
    return CLOUT_OK;
}

static char *default_title(const heat_t *h, const clout_chart_opts_t *opts, const char *layer)
{
    if (h->by_layer)
        return chart_title(opts, "Balance of influence by layer, %s versus %s", h->pa, h->pb);
    char *lp = chart_layer_phrase(layer);
    char *t = strcmp(h->value, "index") == 0 ? chart_title(opts, "Influence index by pole, %s", lp)
                                             : chart_title(opts, "%s by pole, %s", h->value, lp);
    g_free(lp);
    return t;
}

/* The colour bar goes right of the grid when the cells still fit, else
 * under it; row names become ids when even that is too narrow. */
static void place_grid(heat_t *h, const chart_matrix_t *m, const chart_uset_t *cols,
                       const clout_chart_opts_t *opts, double W)
{
    int nc = chart_uset_n(cols);
    double cb_side = fmax(h->cb_w + TICK_LEN + 2 + chart_ticks_w(h->font, h->ct, 5, h->cfmt),
                          text_w(h->font, h->ctitle, SZ_TICK, true));
    if (h->by_layer)
        cb_side = fmax(cb_side, fmax(text_w(h->font, h->cend_hi, SZ_TICK, false),
                                     text_w(h->font, h->cend_lo, SZ_TICK, false)));
    h->cell_min = text_w(h->font, "\u22120.00", SZ_CELL, false) + 6;
    for (int attempt = 0; attempt < 3; attempt++) {
        h->below = attempt > 0;
        h->ids = attempt > 1;
        h->x0 = MARGIN + chart_max_name_w(&m->rows, opts, h->ids) + 6;
        double avail = W - MARGIN - h->x0 - (h->below ? 0 : cb_side + 16);
        h->cw = fmin(avail / nc, 72);
        if (h->cw >= h->cell_min)
            break;
    }
    double head_w = 0;
    for (int j = 0; j < nc; j++)
        head_w = fmax(head_w, text_w(h->font, col_label(opts, h->by_layer, chart_uset_at(cols, j)),
                                     SZ_LABEL, false));
    h->rotate = head_w + 4 > h->cw;
    h->head_h = h->rotate ? head_w + 4 : text_h(h->font, SZ_LABEL, false) + 4;
}

/* Beside the grid: title (and the second pole's end) above the bar, the
 * first pole's end under it.  Under the grid: title, bar, tick labels, the
 * poles' ends; the bar is as wide as the grid (at most 200 pt) but wide
 * enough for its tick labels, moved left if the page ends first. */
static void place_bar(heat_t *h, int nc, double W)
{
    double tick_h = text_h(h->font, SZ_TICK, false), tb_h = text_h(h->font, SZ_TICK, true);
    h->cb_head = tb_h + 6 + (h->by_layer ? tick_h + 6 : 0);
    h->cb_foot = h->by_layer ? tick_h + 6 : 4;
    double half = chart_ticks_w(h->font, h->ct + 4, 1, h->cfmt) / 2;
    h->bw = fmax(fmin(nc * h->cw, 200), 4 * (chart_ticks_w(h->font, h->ct, 5, h->cfmt) + 6));
    h->bx = h->x0;
    if (h->bx + h->bw + half > W - MARGIN)
        h->bx = W - MARGIN - half - h->bw;
    if (h->bx < MARGIN + half) {
        h->bx = MARGIN + half;
        h->bw = W - MARGIN - half - h->bx;
    }
    h->below_h = 12 + tb_h + 3 + 8 + TICK_LEN + 2 + tick_h +
                 (h->by_layer ? 2 + chart_pole_ends(NULL, h->font, W, h->bx, h->bx + h->bw, 0,
                                                    h->pa, h->pb, NULL)
                              : 0);
}

static void draw_heads(clout_scene_t *s, const heat_t *h, const chart_uset_t *cols,
                       const clout_chart_opts_t *opts, double y)
{
    clout_scene_group(s, "columns");
    for (int j = 0; j < chart_uset_n(cols); j++) {
        const char *txt = col_label(opts, h->by_layer, chart_uset_at(cols, j));
        double cx = h->x0 + (j + 0.5) * h->cw;
        if (h->rotate)
            clout_scene_text(s, cx, y + h->head_h - 2, txt, SZ_LABEL, false, &CHART_INK,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 90);
        else
            clout_scene_text(s, cx, y + h->head_h - 2, txt, SZ_LABEL, false, &CHART_INK,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_BOTTOM, 0);
    }
}

/* Row i: its name, and a cell per column with its value. */
static void draw_row(clout_scene_t *s, const heat_t *h, const chart_matrix_t *m,
                     const chart_uset_t *cols, const clout_chart_opts_t *opts, int i, double top,
                     double row)
{
    const char *fid = chart_uset_at(&m->rows, i);
    cl_scene_groupf(s, "row %s", fid);
    double cy = top + (i + 0.5) * row;
    clout_scene_text(s, h->x0 - 6, cy, chart_disp(opts, fid, h->ids), SZ_LABEL, false, &CHART_INK,
                     CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
    for (int j = 0; j < chart_uset_n(cols); j++) {
        double v = chart_cell(m, fid, chart_uset_at(cols, j), 0);
        clout_rgba_t c = cell_color(h, v);
        clout_scene_rect(s, h->x0 + j * h->cw, top + i * row, h->cw, row, &c, &CHART_WHITE, 1);
        char *txt = h->by_layer ? chart_fmt_signed(v, 2) : fmt_plain(v, 2);
        clout_rgba_t tc = isfinite(v) ? chart_text_on(&c) : CHART_MUTED;
        if (text_h(s->font, SZ_CELL, false) <= row)
            clout_scene_text(s, h->x0 + (j + 0.5) * h->cw, cy, txt, SZ_CELL, false, &tc,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_MIDDLE, 0);
        g_free(txt);
    }
}

/* The colour bar's labels, and its scale: beside the grid (x at *cbx)
 * from bottom to top, or under it (y at *cby) from left to right. */
static chart_scale_t bar_labels(clout_scene_t *s, const heat_t *h, double top, double ph, int nc,
                                double *cbx, double *cby)
{
    double tb_h = text_h(s->font, SZ_TICK, true), tick_h = text_h(s->font, SZ_TICK, false);
    double v0 = h->by_layer ? -1 : 0;
    if (!h->below) {
        *cbx = h->x0 + nc * h->cw + 16;
        *cby = 0;
        double cb_top = top + h->cb_head, cb_bot = top + ph - h->cb_foot;
        clout_scene_text(s, *cbx, top, h->ctitle, SZ_TICK, true, &CHART_INK, CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
        if (h->by_layer) {
            clout_scene_text(s, *cbx, top + tb_h + 2, h->cend_hi, SZ_TICK, false, &CHART_MUTED,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
            clout_scene_text(s, *cbx, cb_bot + 6, h->cend_lo, SZ_TICK, false, &CHART_MUTED,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
        }
        return (chart_scale_t){cb_bot, cb_top, v0, 1};
    }
    double yb = top + ph + 12;
    clout_scene_text(s, h->bx, yb, h->ctitle, SZ_TICK, true, &CHART_INK, CLOUT_HALIGN_LEFT,
                     CLOUT_VALIGN_TOP, 0);
    *cby = yb + tb_h + 3;
    *cbx = 0;
    if (h->by_layer) {
        chart_pole_ends(s, s->font, clout_scene_width(s), h->bx, h->bx + h->bw,
                        *cby + 8 + TICK_LEN + 2 + tick_h + 2, h->pa, h->pb, NULL);
        clout_scene_group(s, "colour-bar");
    }
    return (chart_scale_t){h->bx, h->bx + h->bw, v0, 1};
}

/* The colour bar: 64 bands, then its frame, ticks and labels. */
static void draw_bar(clout_scene_t *s, const heat_t *h, double top, double ph, int nc)
{
    clout_scene_group(s, "colour-bar");
    double cbx, cby;
    chart_scale_t cs = bar_labels(s, h, top, ph, nc, &cbx, &cby);
    int bands = 64;
    for (int k = 0; k < bands; k++) {
        double v0 = cs.v0 + (cs.v1 - cs.v0) * k / bands;
        double v1 = cs.v0 + (cs.v1 - cs.v0) * (k + 1) / bands;
        clout_rgba_t c = cell_color(h, (v0 + v1) / 2);
        /* A hair of overlap, so that no seam shows between bands. */
        double p0 = chart_at(&cs, v0), p1 = chart_at(&cs, v1), lo = fmin(p0, p1);
        double len = fabs(p1 - p0);
        if (h->below)
            clout_scene_rect(s, lo, cby, len + (k < bands - 1 ? 0.3 : 0), 8, &c, NULL, 0);
        else
            clout_scene_rect(s, cbx, lo, h->cb_w, len + (k ? 0.3 : 0), &c, NULL, 0);
    }
    if (h->below) {
        clout_scene_rect(s, cs.p0, cby, cs.p1 - cs.p0, 8, NULL, &CHART_AXIS, 0.5);
        chart_ticks(s, &cs, TICKS_BELOW, cby + 8, h->ct, 5, h->cfmt);
    } else {
        clout_scene_rect(s, cbx, cs.p1, h->cb_w, cs.p0 - cs.p1, NULL, &CHART_AXIS, 0.5);
        chart_ticks(s, &cs, TICKS_RIGHT, cbx + h->cb_w, h->ct, 5, h->cfmt);
    }
}

static void heat_release(heat_t *h)
{
    g_free(h->ctitle);
    g_free(h->cend_hi);
    g_free(h->cend_lo);
}

clout_status_t clout_chart_heatmap(const clout_table_t *t, clout_scene_t **out,
                                   const clout_chart_opts_t *opts, clout_error_t *err)
{
    *out = NULL;
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    const char *layer = chart_layer_of(opts);
    heat_t h = {.by_layer = opts && opts->of && strcmp(opts->of, "layers") == 0, .cb_w = 10};
    h.font = chart_font_of(opts);
    h.value = h.by_layer ? "balance" : opts && opts->of ? opts->of : "index";
    chart_matrix_t m;
    chart_matrix_spec_t sp =
        h.by_layer
            ? (chart_matrix_spec_t){"balance", "focus", "layer", "balance", NULL, NULL, NULL, NULL}
            : (chart_matrix_spec_t){"shares", "focus", "pole", h.value, NULL, NULL, "layer", layer};
    clout_status_t st = chart_matrix_read(&m, t, &sp, err);
    chart_frame_t f = {0};
    chart_uset_t cols = {0};
    if (!st)
        st = read_columns(&cols, &m, opts, h.by_layer, err);
    if (st)
        goto done;
    chart_balance_poles(opts, &h.pa, &h.pb);
    char *dflt = default_title(&h, opts, layer);
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);

    int nr = chart_uset_n(&m.rows), nc = chart_uset_n(&cols);
    h.ct = h.by_layer ? CHART_TICKS_BALANCE : CHART_TICKS_UNIT;
    h.cfmt = h.by_layer ? chart_fmt_tick_signed : chart_fmt_unit;
    h.ctitle = g_strdup(h.by_layer ? "balance B" : h.value);
    h.cend_hi = h.by_layer ? g_strdup_printf("all %s", h.pb) : NULL;
    h.cend_lo = h.by_layer ? g_strdup_printf("all %s", h.pa) : NULL;
    place_grid(&h, &m, &cols, opts, f.W);
    place_bar(&h, nc, f.W);
    double fixed =
        chart_frame_top(&f) + h.head_h + 4 + (h.below ? h.below_h : 0) + chart_frame_bottom(&f);
    double ph;
    if (h.cw < h.cell_min) {
        st = chart_too_narrow(err, f.W, (h.cell_min - h.cw) * nc);
    } else {
        double natural = fmax(nr * 20.0, h.below ? 0 : 90 + h.cb_head + h.cb_foot);
        double min = fmax(nr * (text_h(f.font, SZ_CELL, false) + 2),
                          h.below ? 0 : 40 + h.cb_head + h.cb_foot);
        st = chart_plot_height(opts, fixed, natural, min, &ph, err);
    }
    if (st)
        goto done;
    double row = ph / nr;

    double y = chart_frame_begin(&f, fixed + ph);
    draw_heads(f.s, &h, &cols, opts, y);
    y += h.head_h + 4;
    double top = y;
    for (int i = 0; i < nr; i++)
        draw_row(f.s, &h, &m, &cols, opts, i, top, row);
    draw_bar(f.s, &h, top, ph, nc);
    *out = chart_frame_take(&f);
done:
    chart_frame_release(&f);
    heat_release(&h);
    if (cols.v)
        chart_uset_release(&cols);
    chart_matrix_release(&m);
    return st;
}
