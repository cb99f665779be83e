/* chart-shares.c: a stacked bar per focus actor of its direct shares D by pole. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"

static char *fmt_percent(double v)
{
    return g_strdup_printf("%.0f%%", v * 100);
}

/* One focus actor's bar, centred on cy: a segment per pole (and "other")
 * with its percentage where it fits, or a note that there is nothing. */
static void draw_bar(clout_scene_t *s, const chart_matrix_t *m, const chart_uset_t *poles,
                     bool has_other, const char *fid, const chart_scale_t *sc, double cy,
                     double bar)
{
    double by = cy - bar / 2, acc = 0;
    bool any = false;
    int np = chart_uset_n(poles) + (has_other ? 1 : 0);
    for (int k = 0; k < np; k++) {
        bool other = k == chart_uset_n(poles);
        double v = chart_cell(m, fid, other ? "other" : chart_uset_at(poles, k), 0);
        if (!isfinite(v) || v <= 0)
            continue;
        any = true;
        clout_rgba_t c = other ? CHART_OTHER : chart_pole_color(k);
        double xa = chart_at(sc, acc), xb = chart_at(sc, fmin(acc + v, 1.0 + 1e-9));
        clout_scene_rect(s, xa, by, xb - xa, bar, &c, &CHART_WHITE, 0.5);
        char *pct = fmt_percent(v);
        if (text_w(s->font, pct, SZ_CELL, false) + 4 <= xb - xa &&
            text_h(s->font, SZ_CELL, false) <= bar) {
            clout_rgba_t tc = chart_text_on(&c);
            clout_scene_text(s, (xa + xb) / 2, cy, pct, SZ_CELL, false, &tc, CLOUT_HALIGN_CENTER,
                             CLOUT_VALIGN_MIDDLE, 0);
        }
        g_free(pct);
        acc += v;
    }
    if (!any) {
        clout_scene_rect(s, sc->p0, by, sc->p1 - sc->p0, bar, NULL, &CHART_GRID, 0.6);
        clout_scene_text(s, sc->p0 + 4, cy, "no ties in this layer", SZ_CELL, false, &CHART_MUTED,
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
    }
}

clout_status_t clout_chart_shares(const clout_table_t *shares, clout_scene_t **out,
                                  const clout_chart_opts_t *opts, clout_error_t *err)
{
    *out = NULL;
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    const char *layer = chart_layer_of(opts);
    chart_matrix_t m;
    chart_matrix_spec_t sp = {"shares", "focus", "pole", "direct", NULL, NULL, "layer", layer};
    clout_status_t st = chart_matrix_read(&m, shares, &sp, err);
    if (st) {
        chart_matrix_release(&m);
        return st;
    }
    chart_uset_t poles;
    chart_pole_order(&poles, &m, opts);
    bool has_other = chart_uset_find(&m.cols, "other") >= 0;

    char *lp = chart_layer_phrase(layer);
    char *dflt =
        chart_title(opts, "Each pole's direct share of what each focus actor depends on, %s", lp);
    chart_frame_t f;
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);

    GArray *key = chart_key_new();
    for (int i = 0; i < chart_uset_n(&poles); i++)
        chart_key_add(key, chart_name_of(opts, chart_uset_at(&poles, i)), chart_pole_color(i),
                      SW_RECT);
    if (has_other)
        chart_key_add(key, "other", CHART_OTHER, SW_RECT);

    int n = chart_uset_n(&m.rows);
    double x1 = f.W - MARGIN - text_w(f.font, "100%", SZ_TICK, false) / 2;
    bool ids = MARGIN + chart_max_name_w(&m.rows, opts, false) + 6 + MIN_PLOT > x1;
    double x0 = MARGIN + chart_max_name_w(&m.rows, opts, ids) + 6;
    double inner = f.W - 2 * MARGIN;
    double key_h = chart_key_layout(NULL, f.font, key, MARGIN, 0, inner);
    double axis_h =
        TICK_LEN + 2 + text_h(f.font, SZ_TICK, false) + 4 + text_h(f.font, SZ_LABEL, false);
    double fixed = chart_frame_top(&f) + key_h + 8 + 4 + axis_h + chart_frame_bottom(&f);
    double ph;
    if (x1 - x0 < MIN_PLOT)
        st = chart_too_narrow(err, f.W, MIN_PLOT - (x1 - x0));
    else
        st = chart_plot_height(opts, fixed, n * 20.0,
                               n * fmax(12, text_h(f.font, SZ_LABEL, false) + 2), &ph, err);
    if (st)
        goto done;
    double row = ph / n, bar = row * 0.7;

    double y = chart_frame_begin(&f, fixed + ph);
    y += chart_key_layout(f.s, f.font, key, MARGIN, y, inner) + 8;
    chart_scale_t sc = {x0, x1, 0, 1};
    double top = y;
    for (int r = 0; r < n; r++) {
        const char *fid = chart_uset_at(&m.rows, r);
        cl_scene_groupf(f.s, "bar %s", fid);
        double cy = top + r * row + row / 2;
        clout_scene_text(f.s, x0 - 6, cy, chart_disp(opts, fid, ids), SZ_LABEL, false, &CHART_INK,
                         CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        draw_bar(f.s, &m, &poles, has_other, fid, &sc, cy, bar);
    }
    y = top + ph + 4;
    y += chart_axis_x(f.s, &sc, y, CHART_TICKS_UNIT, 5, fmt_percent, y) + 4;
    clout_scene_group(f.s, "x-title");
    const char *xt = "Direct share D (of all the focus actor depends on)";
    clout_scene_text(f.s, chart_centre_in(&f, (x0 + x1) / 2, text_w(f.font, xt, SZ_LABEL, false)),
                     y, xt, SZ_LABEL, false, &CHART_INK, CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    *out = chart_frame_take(&f);
done:
    chart_frame_release(&f);
    chart_key_free(key);
    chart_uset_release(&poles);
    chart_matrix_release(&m);
    return st;
}
