/* chart-trend.c: a line per focus actor over snapshots, of balance or of one pole's index. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"

static char *fmt_year(double v)
{
    return g_strdup_printf("%.0f", v);
}

/* Thins year ticks so that their labels do not touch. */
static int thin_ticks(const char *font, const chart_scale_t *sc, const int *years, int n,
                      double *ticks)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        char *l = fmt_year(years[i]);
        w = fmax(w, text_w(font, l, SZ_TICK, false));
        g_free(l);
    }
    for (int step = 1; step <= n; step++) {
        int k = 0;
        bool ok = true;
        for (int i = 0; i < n; i += step) {
            ticks[k] = years[i];
            if (k > 0 && chart_at(sc, ticks[k]) - chart_at(sc, ticks[k - 1]) < w + 6)
                ok = false;
            k++;
        }
        if (ok)
            return k;
    }
    ticks[0] = years[0];
    return 1;
}

/* The snapshots' tables, and what is drawn of them. */
typedef struct {
    chart_matrix_t *m; /* by snapshot */
    int n_read;        /* tables read (to release) */
    const int *years;
    int n;
    const char *of;      /* a pole's index, or NULL: balance */
    chart_uset_t series; /* focus actors, in order of first appearance */
    chart_scale_t sx, sy;
} trend_t;

static clout_status_t check_years(const int *years, int n, clout_error_t *err)
{
    if (n < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: trend needs a snapshot");
    for (int i = 1; i < n; i++)
        if (years[i] <= years[i - 1])
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "chart: trend: the years must increase (%d after %d)", years[i],
                                   years[i - 1]);
    return CLOUT_OK;
}

static clout_status_t read_tables(trend_t *t, clout_table_t *const *tables, const char *layer,
                                  clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < t->n && !st; i++) {
        chart_matrix_spec_t sp =
            !t->of ? (chart_matrix_spec_t){"balance",    "focus",      NULL,    "balance",
                                           "balance_lo", "balance_hi", "layer", layer}
                   : (chart_matrix_spec_t){"shares",   "focus",    "pole",  "index",
                                           "index_lo", "index_hi", "layer", layer};
        st = chart_matrix_read(&t->m[i], tables[i], &sp, err);
        t->n_read++;
        if (!st && t->of && chart_uset_find(&t->m[i].cols, t->of) < 0) {
            /* the poles of that snapshot, and balance */
            int np = chart_uset_n(&t->m[i].cols);
            const char **valid = g_new0(const char *, np + 2);
            valid[0] = "balance";
            for (int k = 0; k < np; k++)
                valid[k + 1] = chart_uset_at(&t->m[i].cols, k);
            char *m = cl_unknown("pole", t->of, (char *const *)valid);
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "chart: trend --of (%d snapshot): %s", t->years[i], m);
            g_free(m);
            g_free(valid);
        }
        for (int r = 0; !st && r < chart_uset_n(&t->m[i].rows); r++)
            chart_uset_add(&t->series, chart_uset_at(&t->m[i].rows, r));
    }
    return st;
}

/* The value (which 0), lo (-1) or hi (1) of series fid at snapshot k. */
static double value(const trend_t *t, int k, const char *fid, int which)
{
    return chart_cell(&t->m[k], fid, t->of, which);
}

/* Over snapshots i..j-1, where fid has a value: its interval as a ribbon,
 * if every one of them has both ends. */
static void draw_ribbon(clout_scene_t *s, const trend_t *t, const char *fid, int i, int j,
                        clout_rgba_t c)
{
    int len = j - i;
    for (int k = i; k < j; k++)
        if (!isfinite(value(t, k, fid, -1)) || !isfinite(value(t, k, fid, 1)))
            return;
    double *xy = g_new(double, 4 * len);
    for (int k = 0; k < len; k++) {
        xy[2 * k] = chart_at(&t->sx, t->years[i + k]);
        xy[2 * k + 1] = chart_at(&t->sy, value(t, i + k, fid, 1));
        xy[2 * (2 * len - 1 - k)] = chart_at(&t->sx, t->years[i + k]);
        xy[2 * (2 * len - 1 - k) + 1] = chart_at(&t->sy, value(t, i + k, fid, -1));
    }
    c.a = 0.15;
    clout_scene_polygon(s, xy, 2 * len, &c, NULL, 0);
    g_free(xy);
}

static void draw_line(clout_scene_t *s, const trend_t *t, const char *fid, int i, int j,
                      clout_rgba_t c)
{
    int len = j - i;
    double *xy = g_new(double, 2 * len);
    for (int k = 0; k < len; k++) {
        xy[2 * k] = chart_at(&t->sx, t->years[i + k]);
        xy[2 * k + 1] = chart_at(&t->sy, value(t, i + k, fid, 0));
    }
    clout_scene_line(s, xy, len, &c, 1.5, NULL, 0, false);
    g_free(xy);
}

static void draw_points(clout_scene_t *s, const trend_t *t, const char *fid, int i, int j,
                        clout_rgba_t c)
{
    for (int k = i; k < j; k++)
        clout_scene_circle(s, chart_at(&t->sx, t->years[k]), chart_at(&t->sy, value(t, k, fid, 0)),
                           2.5, &c, &CHART_WHITE, 0.6);
}

/* Ribbons under lines, lines under markers; each drawn over the runs of
 * snapshots where its series has a value (ribbons and lines over runs of
 * two or more). */
static void draw_series(clout_scene_t *s, const trend_t *t)
{
    static const char *const pass_name[3] = {"ribbon", "line", "points"};
    for (int pass = 0; pass < 3; pass++)
        for (int si = 0; si < chart_uset_n(&t->series); si++) {
            const char *fid = chart_uset_at(&t->series, si);
            clout_rgba_t c = chart_series_color(si);
            cl_scene_groupf(s, "%s %s", pass_name[pass], fid);
            int i = 0;
            while (i < t->n) {
                int j = i;
                while (j < t->n && isfinite(value(t, j, fid, 0)))
                    j++;
                if (pass == 0 && j - i > 1)
                    draw_ribbon(s, t, fid, i, j, c);
                else if (pass == 1 && j - i > 1)
                    draw_line(s, t, fid, i, j, c);
                else if (pass == 2)
                    draw_points(s, t, fid, i, j, c);
                i = MAX(j, i + 1);
            }
        }
}

/* What a balance table of layer says its snapshot leaves out or covers in
 * part (the columns not_covered, partial and carried of its first row of
 * the layer), or NULL for a table without them. */
static char *coverage_of(const clout_table_t *t, const char *layer)
{
    int cl = clout_table_column(t, "layer");
    static const char *cols[] = {"not_covered", "partial", "carried"};
    for (int r = 0; cl >= 0 && r < clout_table_n_rows(t); r++) {
        if (g_strcmp0(clout_table_get_str(t, r, cl), layer) != 0)
            continue;
        GString *s = g_string_new(NULL);
        for (int k = 0; k < 3; k++) {
            int c = clout_table_column(t, cols[k]);
            if (c < 0) {
                g_string_free(s, TRUE);
                return NULL;
            }
            g_string_append_printf(s, "%s|", clout_table_get_str(t, r, c));
        }
        return g_string_free(s, FALSE);
    }
    return NULL;
}

/* A dashed line at each snapshot whose coverage differs from the one
 * before: a source that starts or ends there, so that a step is not read
 * as a change in the world. */
static void mark_coverage_changes(clout_scene_t *s, const trend_t *t, clout_table_t *const *tables,
                                  const char *layer, double top, double bottom)
{
    static const double dash[2] = {3, 2};
    char *prev = coverage_of(tables[0], layer);
    bool labelled = false;
    for (int i = 1; i < t->n; i++) {
        char *cur = coverage_of(tables[i], layer);
        if (prev && cur && strcmp(prev, cur) != 0) {
            double x = (chart_at(&t->sx, t->years[i - 1]) + chart_at(&t->sx, t->years[i])) / 2;
            double xy[4] = {x, top, x, bottom};
            cl_scene_groupf(s, "coverage-change %d", t->years[i]);
            clout_scene_line(s, xy, 2, &CHART_MUTED, 0.6, dash, 2, false);
            if (!labelled)
                clout_scene_text(s, x + 2, top, "sources change", SZ_TICK, false, &CHART_MUTED,
                                 CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
            labelled = true;
        }
        g_free(prev);
        prev = cur;
    }
    g_free(prev);
}

/* Years from x0 to x1, padded so that the end markers and year labels stay
 * inside the page (W wide). */
static chart_scale_t year_scale(const char *font, const int *years, int n, double x0, double x1,
                                double W)
{
    double half_year = text_w(font, "2000", SZ_TICK, false) / 2;
    double span_y = years[n - 1] - years[0];
    double pad = span_y > 0 ? span_y * 0.04 : 1;
    chart_scale_t sx = {x0, x1, years[0] - pad, years[n - 1] + pad};
    double last_max = W - MARGIN - half_year;
    if (chart_at(&sx, years[n - 1]) > last_max)
        sx.p1 = sx.p0 + (last_max - sx.p0) * (sx.v1 - sx.v0) / (years[n - 1] - sx.v0);
    return sx;
}

static char *default_title(const trend_t *t, const clout_chart_opts_t *opts, const char *layer)
{
    const char *pa, *pb;
    chart_balance_poles(opts, &pa, &pb);
    char *lp = chart_layer_phrase(layer);
    const int *years = t->years;
    int n = t->n;
    char *span = n > 1 ? g_strdup_printf("%d\u2013%d", years[0], years[n - 1])
                       : g_strdup_printf("%d", years[0]);
    char *dflt =
        !t->of ? g_strdup_printf("Balance of influence, %s versus %s, %s, %s", pa, pb, lp, span)
               : g_strdup_printf("Influence index of %s, %s, %s", chart_name_of(opts, t->of), lp,
                                 span);
    g_free(span);
    g_free(lp);
    return dflt;
}

clout_status_t clout_chart_trend(clout_table_t *const *tables, const int *years, int n,
                                 clout_scene_t **out, const clout_chart_opts_t *opts,
                                 clout_error_t *err)
{
    *out = NULL;
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    clout_status_t st = check_years(years, n, err);
    if (st)
        return st;
    const char *layer = chart_layer_of(opts);
    trend_t t = {.m = g_new0(chart_matrix_t, n), .years = years, .n = n};
    t.of = opts && opts->of && strcmp(opts->of, "balance") != 0 ? opts->of : NULL;
    bool is_bal = t.of == NULL;
    chart_uset_init(&t.series);
    st = read_tables(&t, tables, layer, err);
    chart_frame_t f = {0};
    GArray *key = chart_key_new();
    char *ytitle = NULL;
    if (st)
        goto done;

    char *dflt = default_title(&t, opts, layer);
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);
    for (int i = 0; i < chart_uset_n(&t.series); i++)
        chart_key_add(key, chart_name_of(opts, chart_uset_at(&t.series, i)), chart_series_color(i),
                      SW_LINE);

    const char *pa, *pb;
    chart_balance_poles(opts, &pa, &pb);
    const double *yt = is_bal ? CHART_TICKS_BALANCE : CHART_TICKS_UNIT;
    chart_tick_fmt_t yfmt = is_bal ? chart_fmt_tick_signed : chart_fmt_unit;
    ytitle = is_bal ? g_strdup_printf("Balance B (\u22121 all %s, +1 all %s)", pa, pb)
                    : g_strdup_printf("Influence index I of %s", chart_name_of(opts, t.of));
    double ytitle_w = text_w(f.font, ytitle, SZ_LABEL, false);
    double yl = MARGIN + text_h(f.font, SZ_LABEL, false) + 4 + chart_ticks_w(f.font, yt, 5, yfmt) +
                TICK_LEN + 2;
    double x0 = yl + 1, x1 = f.W - MARGIN - 2;
    double inner = f.W - 2 * MARGIN;
    double key_h = chart_key_layout(NULL, f.font, key, MARGIN, 0, inner);
    double axis_h =
        TICK_LEN + 2 + text_h(f.font, SZ_TICK, false) + 4 + text_h(f.font, SZ_LABEL, false);
    double fixed = chart_frame_top(&f) + key_h + 10 + 4 + axis_h + chart_frame_bottom(&f);
    double ph;
    if (x1 - x0 < MIN_PLOT) {
        st = chart_too_narrow(err, f.W, MIN_PLOT - (x1 - x0));
    } else {
        double natural = fmax(fmin((x1 - x0) * 0.45, 240), ytitle_w + 10);
        st = chart_plot_height(opts, fixed, natural, ytitle_w + 10, &ph, err);
    }
    if (st)
        goto done;
    t.sx = year_scale(f.font, years, n, x0, x1, f.W);

    double y = chart_frame_begin(&f, fixed + ph);
    y += chart_key_layout(f.s, f.font, key, MARGIN, y, inner) + 10;
    double top = y;
    t.sy = (chart_scale_t){top + ph, top, is_bal ? -1 : 0, 1};
    chart_axis_y(f.s, &t.sy, x0, yt, 5, yfmt, t.sx.p1);
    if (is_bal)
        chart_zero_line(f.s, x0, chart_at(&t.sy, 0), t.sx.p1, chart_at(&t.sy, 0));
    chart_y_title(f.s, ytitle, top + ph / 2);
    if (is_bal)
        mark_coverage_changes(f.s, &t, tables, layer, top, top + ph);
    draw_series(f.s, &t);
    y = top + ph;
    double *ticks = g_new(double, n);
    int nt = thin_ticks(f.font, &t.sx, years, n, ticks);
    y += chart_axis_x(f.s, &t.sx, y, ticks, nt, fmt_year, y) + 4;
    g_free(ticks);
    clout_scene_group(f.s, "x-title");
    clout_scene_text(f.s, (x0 + t.sx.p1) / 2, y, "Snapshot year", SZ_LABEL, false, &CHART_INK,
                     CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    *out = chart_frame_take(&f);
done:
    chart_frame_release(&f);
    g_free(ytitle);
    chart_key_free(key);
    chart_uset_release(&t.series);
    for (int i = 0; i < t.n_read; i++)
        chart_matrix_release(&t.m[i]);
    g_free(t.m);
    return st;
}
