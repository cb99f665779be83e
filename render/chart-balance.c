/* chart-balance.c: a dot per focus actor at its balance B, with its 95% interval, sorted;
 * and the robustness chart: the same dots with the range over the robustness variants. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"

typedef struct {
    const char *id;
    double v, lo, hi;
    double rlo, rhi; /* the range over the robustness variants, or NAN */
    int order;       /* the table's order, for ties */
} dot_t;

/* The range over the robustness variants: a light band under the interval. */
static const clout_rgba_t RANGE = {0.78, 0.80, 0.84, 1};

static int dot_cmp(const void *a, const void *b)
{
    const dot_t *x = a, *y = b;
    bool fx = isfinite(x->v), fy = isfinite(y->v);
    if (fx != fy)
        return fx ? -1 : 1; /* no balance: last */
    if (fx && x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->order - y->order;
}

/* The rows of m sorted by balance; *any_interval when one has an interval;
 * the robustness range from r (NULL: none). */
static dot_t *read_dots(const chart_matrix_t *m, const chart_matrix_t *r, bool *any_interval)
{
    int n = chart_uset_n(&m->rows);
    dot_t *d = g_new0(dot_t, n);
    *any_interval = false;
    for (int i = 0; i < n; i++) {
        d[i].id = chart_uset_at(&m->rows, i);
        d[i].v = chart_cell(m, d[i].id, NULL, 0);
        d[i].lo = chart_cell(m, d[i].id, NULL, -1);
        d[i].hi = chart_cell(m, d[i].id, NULL, 1);
        d[i].order = i;
        d[i].rlo = r ? chart_cell(r, d[i].id, NULL, -1) : NAN;
        d[i].rhi = r ? chart_cell(r, d[i].id, NULL, 1) : NAN;
        *any_interval = *any_interval || (isfinite(d[i].lo) && isfinite(d[i].hi));
    }
    qsort(d, (size_t)n, sizeof *d, dot_cmp);
    return d;
}

/* " (lo, hi)" (brackets "()") after the text, when both ends are numbers. */
static void append_range(GString *s, const char *brackets, double lo, double hi)
{
    if (!isfinite(lo) || !isfinite(hi))
        return;
    char *b = chart_fmt_signed(lo, 2), *c = chart_fmt_signed(hi, 2);
    g_string_append_printf(s, " %c%s, %s%c", brackets[0], b, c, brackets[1]);
    g_free(b);
    g_free(c);
}

/* "B (interval) [variants]". */
static char *interval_text(const dot_t *d)
{
    char *a = chart_fmt_signed(d->v, 2);
    GString *s = g_string_new(a);
    g_free(a);
    append_range(s, "()", d->lo, d->hi);
    append_range(s, "[]", d->rlo, d->rhi);
    return g_string_free(s, FALSE);
}

/* Columns: names | plot from x0 to x1 | "B (95% interval)" values. */
typedef struct {
    bool values, ids;
    double label_w, x0, x1;
} columns_t;

/* Where the page is narrow, the values go first (the dots say the same),
 * then names give way to ids. */
static columns_t place_columns(const dot_t *d, int n, const chart_matrix_t *m,
                               const clout_chart_opts_t *opts, double W, const char *vhead)
{
    double val_w = text_w(chart_font_of(opts), vhead, SZ_TICK, true);
    for (int i = 0; i < n; i++) {
        char *t = interval_text(&d[i]);
        val_w = fmax(val_w, text_w(chart_font_of(opts), t, SZ_TICK, false));
        g_free(t);
    }
    double half_tick = fmax(text_w(chart_font_of(opts), "\u22121", SZ_TICK, false) / 2, 5);
    columns_t c = {0};
    for (int attempt = 0; attempt < 3; attempt++) {
        c.values = attempt == 0;
        c.ids = attempt == 2;
        c.label_w = chart_max_name_w(&m->rows, opts, c.ids);
        c.x0 = MARGIN + c.label_w + 8 + half_tick;
        c.x1 = W - MARGIN - (c.values ? val_w + 12 : 0) - half_tick;
        if (c.x1 - c.x0 >= MIN_PLOT)
            break;
    }
    return c;
}

/* The grid and the zero line under the dots, from top to bottom. */
static void draw_grid(clout_scene_t *s, const chart_scale_t *sc, double top, double bottom)
{
    clout_scene_group(s, "grid");
    for (int i = 0; i < 5; i++) {
        double x = chart_at(sc, CHART_TICKS_BALANCE[i]), g[4] = {x, top, x, bottom};
        if (CHART_TICKS_BALANCE[i] == 0)
            chart_zero_line(s, x, top, x, bottom);
        else
            clout_scene_line(s, g, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
}

/* A row: the name, the interval, the dot and, in its column, the values. */
static void draw_dot(clout_scene_t *s, const dot_t *d, const columns_t *c, const chart_scale_t *sc,
                     const clout_chart_opts_t *opts, double W, double cy)
{
    cl_scene_groupf(s, "dot %s", d->id);
    clout_scene_text(s, MARGIN + c->label_w, cy, chart_disp(opts, d->id, c->ids), SZ_LABEL, false,
                     &CHART_INK, CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
    if (isfinite(d->rlo) && isfinite(d->rhi)) {
        double xa = chart_at(sc, fmax(-1, d->rlo)), xb = chart_at(sc, fmin(1, d->rhi));
        clout_scene_rect(s, xa, cy - 3.5, fmax(xb - xa, 0.5), 7, &RANGE, NULL, 0);
    }
    if (isfinite(d->lo) && isfinite(d->hi))
        chart_interval(s, chart_at(sc, fmax(-1, d->lo)), chart_at(sc, fmin(1, d->hi)), cy,
                       &CHART_AXIS);
    if (isfinite(d->v)) {
        clout_rgba_t col = clout_color_balance(d->v);
        clout_scene_circle(s, chart_at(sc, fmax(-1, fmin(1, d->v))), cy, 3.5, &col, &CHART_INK,
                           0.6);
    }
    if (c->values) {
        char *t = interval_text(d);
        clout_scene_text(s, W - MARGIN, cy, t, SZ_TICK, false, &CHART_INK, CLOUT_HALIGN_RIGHT,
                         CLOUT_VALIGN_MIDDLE, 0);
        g_free(t);
    }
}

/* The balance chart, and with robust the robustness chart (the table
 * "robustness" of clout_robustness: boot_lo and boot_hi the interval, min
 * and max the range). */
static clout_status_t balance_chart(const clout_table_t *balance, bool robust,
                                    const clout_chart_opts_t *opts, clout_scene_t **out,
                                    clout_error_t *err)
{
    *out = NULL;
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    const char *layer = chart_layer_of(opts);
    chart_matrix_t m, rm;
    chart_matrix_spec_t sp = {robust ? "robustness" : "balance",
                              "focus",
                              NULL,
                              "balance",
                              robust ? "boot_lo" : "balance_lo",
                              robust ? "boot_hi" : "balance_hi",
                              "layer",
                              layer};
    chart_matrix_spec_t rsp = {"robustness", "focus", NULL,    "balance",
                               "min",        "max",   "layer", layer};
    memset(&rm, 0, sizeof rm);
    clout_status_t st = chart_matrix_read(&m, balance, &sp, err);
    if (!st && robust)
        st = chart_matrix_read(&rm, balance, &rsp, err);
    if (!st && robust && (rm.c_lo < 0 || rm.c_hi < 0))
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                             "the robustness chart needs a table with the columns min and max "
                             "(clout robustness)");
    if (st) {
        chart_matrix_release(&m);
        if (robust)
            chart_matrix_release(&rm);
        return st;
    }
    const char *pa, *pb;
    chart_balance_poles(opts, &pa, &pb);
    int n = chart_uset_n(&m.rows);
    bool any_interval;
    dot_t *d = read_dots(&m, robust ? &rm : NULL, &any_interval);

    char *lp = chart_layer_phrase(layer);
    char *dflt = chart_title(opts,
                             robust ? "Balance of influence, %s versus %s, %s: bootstrap and "
                                      "robustness"
                                    : "Balance of influence, %s versus %s, %s",
                             pa, pb, lp);
    chart_frame_t f;
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);
    GArray *key = chart_key_new();
    chart_key_add(key, "balance B", cl_color_hex("#bdbdbd"), SW_DOT);
    if (any_interval)
        chart_key_add(key, "95% bootstrap interval", CHART_AXIS, SW_INTERVAL);
    if (robust)
        chart_key_add(key, "range over the robustness variants", RANGE, SW_RECT);

    const char *vhead = robust         ? "B (95% interval) [variants]"
                        : any_interval ? "B (95% interval)"
                                       : "B";
    columns_t c = place_columns(d, n, &m, opts, f.W, vhead);
    double inner = f.W - 2 * MARGIN;
    double key_h = chart_key_layout(NULL, f.font, key, MARGIN, 0, inner);
    double head_h = c.values ? text_h(f.font, SZ_TICK, true) + 2 : 0;
    chart_scale_t sc = {c.x0, c.x1, -1, 1};
    char *xt =
        g_strdup_printf("Balance B = (I(%s) \u2212 I(%s)) / (I(%s) + I(%s))", pb, pa, pa, pb);
    if (text_w(f.font, xt, SZ_LABEL, false) > c.x1 - c.x0) {
        g_free(xt);
        xt = g_strdup("Balance B");
    }
    double axis_h = TICK_LEN + 2 + text_h(f.font, SZ_TICK, false) + 4;
    double fixed = chart_frame_top(&f) + key_h + 8 + head_h + 4 + axis_h + chart_frame_bottom(&f);
    double ph;
    if (c.x1 - c.x0 < MIN_PLOT) {
        st = chart_too_narrow(err, f.W, MIN_PLOT - (c.x1 - c.x0));
    } else {
        fixed += chart_pole_ends(NULL, f.font, f.W, c.x0, c.x1, 0, pa, pb, xt);
        st = chart_plot_height(opts, fixed, n * 16.0, n * (text_h(f.font, SZ_LABEL, false) + 1),
                               &ph, err);
    }
    if (st)
        goto done;
    double row = ph / n;

    double y = chart_frame_begin(&f, fixed + ph);
    y += chart_key_layout(f.s, f.font, key, MARGIN, y, inner) + 8;
    if (c.values) {
        clout_scene_group(f.s, "values-head");
        clout_scene_text(f.s, f.W - MARGIN, y, vhead, SZ_TICK, true, &CHART_INK, CLOUT_HALIGN_RIGHT,
                         CLOUT_VALIGN_TOP, 0);
    }
    y += head_h;
    double top = y;
    draw_grid(f.s, &sc, top, top + ph + 4);
    for (int i = 0; i < n; i++)
        draw_dot(f.s, &d[i], &c, &sc, opts, f.W, top + i * row + row / 2);
    y = top + ph + 4;
    y += chart_axis_x(f.s, &sc, y, CHART_TICKS_BALANCE, 5, chart_fmt_tick_signed, y) + 4;
    chart_pole_ends(f.s, f.font, f.W, c.x0, c.x1, y, pa, pb, xt);
    *out = chart_frame_take(&f);
done:
    chart_frame_release(&f);
    chart_key_free(key);
    g_free(xt);
    g_free(d);
    chart_matrix_release(&m);
    if (robust)
        chart_matrix_release(&rm);
    return st;
}

clout_status_t clout_chart_balance(const clout_table_t *balance, clout_scene_t **out,
                                   const clout_chart_opts_t *opts, clout_error_t *err)
{
    return balance_chart(balance, false, opts, out, err);
}

clout_status_t clout_chart_robustness(const clout_table_t *robustness, clout_scene_t **out,
                                      const clout_chart_opts_t *opts, clout_error_t *err)
{
    return balance_chart(robustness, true, opts, out, err);
}
