/* chart-frame.c: what every chart draws alike: colours, formats, the frame (title, source line),
 * keys, axes and ticks. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "chart.h"

const clout_rgba_t CHART_INK = {0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0, 1};
const clout_rgba_t CHART_AXIS = {0x55 / 255.0, 0x55 / 255.0, 0x55 / 255.0, 1};
const clout_rgba_t CHART_MUTED = {0x66 / 255.0, 0x66 / 255.0, 0x66 / 255.0, 1};
const clout_rgba_t CHART_GRID = {0xe0 / 255.0, 0xe0 / 255.0, 0xe0 / 255.0, 1};
const clout_rgba_t CHART_OTHER = {0xd9 / 255.0, 0xd9 / 255.0, 0xd9 / 255.0, 1};
const clout_rgba_t CHART_WHITE = {1, 1, 1, 1};

const double CHART_TICKS_BALANCE[5] = {-1, -0.5, 0, 0.5, 1};
const double CHART_TICKS_UNIT[5] = {0, 0.25, 0.5, 0.75, 1};

/* ---- colours ---- */

/* Poles take Okabe-Ito colours in pole order, starting with blue and
 * vermillion: the first two poles (Russia, China) then read the same way as
 * the ends of the balance scale (RdBu: blue -1, red +1). */
static const int POLE_HUES[7] = {4, 5, 0, 2, 6, 1, 3};

clout_rgba_t chart_pole_color(int i)
{
    return clout_color_category(POLE_HUES[i % 7]);
}

/* Series (focus actors in trend and slope charts): Okabe-Ito without the
 * yellow, which is too light for a line on white, and with the pole hues
 * (blue, vermillion) last. */
static const char *const SERIES[7] = {"#E69F00", "#56B4E9", "#009E73", "#CC79A7",
                                      "#000000", "#0072B2", "#D55E00"};

clout_rgba_t chart_series_color(int i)
{
    return cl_color_hex(SERIES[i % 7]);
}

static double linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* The WCAG 2 contrast ratio decides. */
clout_rgba_t chart_text_on(const clout_rgba_t *fill)
{
    double l = 0.2126 * linear(fill->r) + 0.7152 * linear(fill->g) + 0.0722 * linear(fill->b);
    return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? CHART_WHITE : CHART_INK;
}

/* ---- formats ---- */

char *chart_fmt_signed(double v, int digits)
{
    if (!isfinite(v))
        return g_strdup("\u2013");
    double r = round(v * pow(10, digits)) / pow(10, digits);
    if (r == 0)
        return g_strdup_printf("%.*f", digits, 0.0);
    return g_strdup_printf("%s%.*f", r < 0 ? "\u2212" : "+", digits, fabs(r));
}

char *chart_fmt_tick_signed(double v)
{
    if (fabs(v) < 1e-12)
        return g_strdup("0");
    return g_strdup_printf("%s%g", v < 0 ? "\u2212" : "+", fabs(v));
}

char *chart_fmt_unit(double v)
{
    return g_strdup_printf("%g", v);
}

/* ---- options and names ---- */

void clout_chart_opts_init(clout_chart_opts_t *o)
{
    *o = (clout_chart_opts_t){.width = CLOUT_DIAGRAM_WIDTH};
}

char *clout_chart_source_line(char *const *titles, int n_titles, const int *years, int n_years,
                              int window, const char *what, int bootstrap, unsigned long seed)
{
    GString *s = g_string_new("Source: ");
    int said = 0;
    for (int i = 0; i < n_titles; i++) {
        bool seen = false;
        for (int k = 0; k < i; k++)
            seen = seen || strcmp(titles[k], titles[i]) == 0;
        if (!seen)
            g_string_append_printf(s, "%s%s", said++ ? " and " : "", titles[i]);
    }
    if (n_years > 0) {
        g_string_append(s, ", ");
        if (n_years > 4)
            g_string_append_printf(s, "%d snapshots %d\u2013%d", n_years, years[0],
                                   years[n_years - 1]);
        for (int i = 0; n_years <= 4 && i < n_years; i++)
            g_string_append_printf(s, "%s%d",
                                   i == 0             ? ""
                                   : i == n_years - 1 ? " and "
                                                      : ", ",
                                   years[i]);
        g_string_append_printf(s, " (flows summed over %d years)", window);
    }
    g_string_append_printf(s, "; clout %s, doc/methods.md", what);
    if (bootstrap > 0)
        g_string_append_printf(s, "; 95%% intervals from %d bootstrap replicates (seed %lu)",
                               bootstrap, seed);
    g_string_append(s, ".");
    return g_string_free(s, FALSE);
}

const char *chart_layer_of(const clout_chart_opts_t *o)
{
    return o && o->layer ? o->layer : "all";
}

const char *chart_name_of(const clout_chart_opts_t *o, const char *id)
{
    if (o && o->names)
        for (int i = 0; o->names[i] && o->names[i + 1]; i += 2)
            if (strcmp(o->names[i], id) == 0)
                return o->names[i + 1];
    return id;
}

char *chart_layer_phrase(const char *layer)
{
    return strcmp(layer, "all") == 0 ? g_strdup("all layers") : g_strdup_printf("%s layer", layer);
}

const char *chart_when_of(const clout_chart_opts_t *o)
{
    return o && o->snapshot && *o->snapshot ? o->snapshot : NULL;
}

char *chart_title(const clout_chart_opts_t *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    GString *t = g_string_new(NULL);
    g_string_append_vprintf(t, fmt, ap);
    va_end(ap);
    if (chart_when_of(o))
        g_string_append_printf(t, ", %s", chart_when_of(o));
    return g_string_free(t, FALSE);
}

void chart_balance_poles(const clout_chart_opts_t *o, const char **a, const char **b)
{
    bool two = o && o->poles && o->poles[0] && o->poles[1];
    *a = o && o->poles && o->poles[0] ? chart_name_of(o, o->poles[0]) : "the first pole";
    *b = two ? chart_name_of(o, o->poles[1]) : "the second pole";
}

/* ---- the frame: title on top, source line at the bottom ---- */

static double lines_h(const char *font, const GPtrArray *lines, double size, bool bold)
{
    return lines->len * text_h(font, size, bold);
}

void chart_frame_init(chart_frame_t *f, const clout_chart_opts_t *o, const char *default_title)
{
    f->W = o ? o->width : CLOUT_DIAGRAM_WIDTH;
    f->font = chart_font_of(o);
    f->s = NULL;
    double inner = f->W - 2 * MARGIN;
    /* An empty title (--title '') and an empty source line take no band. */
    f->title =
        cl_text_wrap(f->font, o && o->title ? o->title : default_title, SZ_TITLE, true, inner);
    f->source = cl_text_wrap(f->font, o ? o->source : NULL, SZ_SOURCE, false, inner);
}

void chart_frame_release(chart_frame_t *f)
{
    clout_scene_free(f->s);
    f->s = NULL;
    if (f->title)
        g_ptr_array_free(f->title, TRUE);
    if (f->source)
        g_ptr_array_free(f->source, TRUE);
    f->title = f->source = NULL;
}

double chart_frame_top(const chart_frame_t *f)
{
    return f->title->len ? MARGIN + lines_h(f->font, f->title, SZ_TITLE, true) + 8 : MARGIN;
}

double chart_frame_bottom(const chart_frame_t *f)
{
    return f->source->len ? 10 + lines_h(f->font, f->source, SZ_SOURCE, false) + MARGIN : MARGIN;
}

double chart_frame_begin(chart_frame_t *f, double height)
{
    f->s = clout_scene_new(f->W, height);
    clout_scene_set_font(f->s, f->font);
    clout_scene_group(f->s, "title");
    cl_scene_lines(f->s, f->title, MARGIN, MARGIN, text_h(f->font, SZ_TITLE, true), SZ_TITLE, true,
                   &CHART_INK);
    return chart_frame_top(f);
}

clout_scene_t *chart_frame_take(chart_frame_t *f)
{
    if (f->source->len) {
        clout_scene_group(f->s, "source");
        double y = f->s->height - MARGIN - lines_h(f->font, f->source, SZ_SOURCE, false);
        cl_scene_lines(f->s, f->source, MARGIN, y, text_h(f->font, SZ_SOURCE, false), SZ_SOURCE,
                       false, &CHART_MUTED);
    }
    clout_scene_group(f->s, NULL);
    clout_scene_t *s = f->s;
    f->s = NULL;
    return s;
}

double chart_centre_in(const chart_frame_t *f, double x, double w)
{
    return fmin(fmax(x, MARGIN + w / 2), f->W - MARGIN - w / 2);
}

clout_status_t chart_plot_height(const clout_chart_opts_t *o, double fixed, double natural,
                                 double min, double *out, clout_error_t *err)
{
    *out = natural;
    if (!o || o->height <= 0)
        return CLOUT_OK;
    *out = o->height - fixed;
    if (*out < min)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: a height of %.0f mm is too small; this chart needs at "
                               "least %.0f mm",
                               o->height * 25.4 / 72, ceil((fixed + min) * 25.4 / 72));
    return CLOUT_OK;
}

clout_status_t chart_too_narrow(clout_error_t *err, double W, double need)
{
    return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                           "chart: a width of %.0f mm is too small for its labels; this chart "
                           "needs at least %.0f mm",
                           W * 25.4 / 72, ceil((W + need) * 25.4 / 72));
}

/* ---- keys (legends) ---- */

typedef struct {
    char *label;
    clout_rgba_t color;
    swatch_t kind;
} key_item_t;

#define SWATCH_W 10.0
#define KEY_GAP 12.0

GArray *chart_key_new(void)
{
    return g_array_new(FALSE, FALSE, sizeof(key_item_t));
}

void chart_key_add(GArray *key, const char *label, clout_rgba_t c, swatch_t kind)
{
    key_item_t it = {g_strdup(label), c, kind};
    g_array_append_val(key, it);
}

void chart_key_free(GArray *key)
{
    for (guint i = 0; i < key->len; i++)
        g_free(g_array_index(key, key_item_t, i).label);
    g_array_free(key, TRUE);
}

static double key_item_w(const char *font, const key_item_t *it)
{
    double sw = it->kind == SW_LINE || it->kind == SW_INTERVAL ? 16 : SWATCH_W;
    return sw + 4 + text_w(font, it->label, SZ_LABEL, false);
}

/* The swatch sw wide at (x, cy), cy its middle. */
static void key_swatch(clout_scene_t *s, const key_item_t *it, double x, double cy, double sw)
{
    if (it->kind == SW_RECT) {
        clout_scene_rect(s, x, cy - SWATCH_W / 2, SWATCH_W, SWATCH_W, &it->color, NULL, 0);
    } else if (it->kind == SW_DOT) {
        clout_scene_circle(s, x + sw / 2, cy, 3.5, &it->color, &CHART_AXIS, 0.6);
    } else if (it->kind == SW_LINE) {
        double xy[4] = {x, cy, x + sw, cy};
        clout_scene_line(s, xy, 2, &it->color, 1.5, NULL, 0, false);
        clout_scene_circle(s, x + sw / 2, cy, 2.5, &it->color, &CHART_WHITE, 0.6);
    } else {
        chart_interval(s, x, x + sw, cy, &it->color);
    }
}

double chart_key_layout(clout_scene_t *s, const char *font, GArray *key, double x0, double y0,
                        double maxw)
{
    double lh = text_h(font, SZ_LABEL, false) + 3, x = x0, y = y0;
    if (!key->len)
        return 0;
    if (s)
        clout_scene_group(s, "key");
    for (guint i = 0; i < key->len; i++) {
        const key_item_t *it = &g_array_index(key, key_item_t, i);
        double w = key_item_w(font, it);
        if (x > x0 && x + w > x0 + maxw) {
            x = x0;
            y += lh;
        }
        if (s) {
            double cy = y + lh / 2 - 1.5, sw = w - 4 - text_w(font, it->label, SZ_LABEL, false);
            key_swatch(s, it, x, cy, sw);
            clout_scene_text(s, x + sw + 4, y + lh / 2 - 1.5, it->label, SZ_LABEL, false,
                             &CHART_INK, CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
        }
        x += w + KEY_GAP;
    }
    return y + lh - y0;
}

/* ---- axes and ticks ---- */

void chart_ticks(clout_scene_t *s, const chart_scale_t *sc, chart_ticks_side_t side, double pos,
                 const double *ticks, int n, chart_tick_fmt_t fmt)
{
    for (int i = 0; i < n; i++) {
        double p = chart_at(sc, ticks[i]);
        char *l = fmt(ticks[i]);
        if (side == TICKS_BELOW) {
            double t[4] = {p, pos, p, pos + TICK_LEN};
            clout_scene_line(s, t, 2, &CHART_AXIS, 0.6, NULL, 0, false);
            clout_scene_text(s, p, pos + TICK_LEN + 2, l, SZ_TICK, false, &CHART_INK,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
        } else if (side == TICKS_LEFT) {
            double t[4] = {pos - TICK_LEN, p, pos, p};
            clout_scene_line(s, t, 2, &CHART_AXIS, 0.6, NULL, 0, false);
            clout_scene_text(s, pos - TICK_LEN - 2, p, l, SZ_TICK, false, &CHART_INK,
                             CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        } else {
            double t[4] = {pos, p, pos + TICK_LEN, p};
            clout_scene_line(s, t, 2, &CHART_AXIS, 0.6, NULL, 0, false);
            clout_scene_text(s, pos + TICK_LEN + 2, p, l, SZ_TICK, false, &CHART_INK,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
        }
        g_free(l);
    }
}

double chart_axis_x(clout_scene_t *s, const chart_scale_t *sc, double y, const double *ticks, int n,
                    chart_tick_fmt_t fmt, double gy0)
{
    clout_scene_group(s, "x-axis");
    for (int i = 0; i < n && gy0 < y; i++) {
        double x = chart_at(sc, ticks[i]), g[4] = {x, gy0, x, y};
        clout_scene_line(s, g, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
    double xy[4] = {sc->p0, y, sc->p1, y};
    clout_scene_line(s, xy, 2, &CHART_AXIS, 0.6, NULL, 0, false);
    chart_ticks(s, sc, TICKS_BELOW, y, ticks, n, fmt);
    return TICK_LEN + 2 + text_h(s->font, SZ_TICK, false);
}

void chart_axis_y(clout_scene_t *s, const chart_scale_t *sc, double x, const double *ticks, int n,
                  chart_tick_fmt_t fmt, double gx1)
{
    clout_scene_group(s, "y-axis");
    for (int i = 0; i < n && gx1 > x; i++) {
        double y = chart_at(sc, ticks[i]), g[4] = {x, y, gx1, y};
        clout_scene_line(s, g, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
    double xy[4] = {x, sc->p0, x, sc->p1};
    clout_scene_line(s, xy, 2, &CHART_AXIS, 0.6, NULL, 0, false);
    chart_ticks(s, sc, TICKS_LEFT, x, ticks, n, fmt);
}

double chart_ticks_w(const char *font, const double *ticks, int n, chart_tick_fmt_t fmt)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        char *l = fmt(ticks[i]);
        w = fmax(w, text_w(font, l, SZ_TICK, false));
        g_free(l);
    }
    return w;
}

void chart_zero_line(clout_scene_t *s, double x0, double y0, double x1, double y1)
{
    static const double dash[2] = {3, 2};
    double z[4] = {x0, y0, x1, y1};
    clout_scene_line(s, z, 2, &CHART_AXIS, 0.8, dash, 2, false);
}

void chart_y_title(clout_scene_t *s, const char *title, double y)
{
    clout_scene_group(s, "y-title");
    clout_scene_text(s, MARGIN, y, title, SZ_LABEL, false, &CHART_INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 90);
}

void chart_interval(clout_scene_t *s, double xa, double xb, double y, const clout_rgba_t *c)
{
    double seg[4] = {xa, y, xb, y};
    clout_scene_line(s, seg, 2, c, 1, NULL, 0, false);
    for (int k = 0; k < 2; k++) {
        double x = k ? xb : xa, cap[4] = {x, y - 2.5, x, y + 2.5};
        clout_scene_line(s, cap, 2, c, 1, NULL, 0, false);
    }
}

/* The ends and the title on one line where they fit, else the title under
 * the ends, else each on a line of its own. */
double chart_pole_ends(clout_scene_t *s, const char *font, double W, double p0, double p1, double y,
                       const char *a, const char *b, const char *title)
{
    char *la = g_strdup_printf("\u2190 all %s", a), *lb = g_strdup_printf("all %s \u2192", b);
    double wa = text_w(font, la, SZ_TICK, false), wb = text_w(font, lb, SZ_TICK, false);
    double th = text_h(font, SZ_TICK, false), lh = text_h(font, SZ_LABEL, false);
    double xa = fmin(p0, W - MARGIN - wa), xb = fmax(p1, MARGIN + wb); /* left, right edges */
    bool ends_one = xa + wa + 8 <= xb - wb;
    double wt = title ? text_w(font, title, SZ_LABEL, false) : 0;
    double mid = fmin(fmax((p0 + p1) / 2, MARGIN + wt / 2), W - MARGIN - wt / 2);
    bool all_one = title && ends_one && xa + wa + 8 < mid - wt / 2 && mid + wt / 2 + 8 < xb - wb;
    double h;
    if (s)
        clout_scene_group(s, "x-title");
    if (all_one) {
        h = fmax(th, lh);
        if (s) {
            clout_scene_text(s, xa, y + h / 2, la, SZ_TICK, false, &CHART_MUTED, CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_MIDDLE, 0);
            clout_scene_text(s, xb, y + h / 2, lb, SZ_TICK, false, &CHART_MUTED, CLOUT_HALIGN_RIGHT,
                             CLOUT_VALIGN_MIDDLE, 0);
            clout_scene_text(s, mid, y + h / 2, title, SZ_LABEL, false, &CHART_INK,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_MIDDLE, 0);
        }
    } else {
        double yr = ends_one ? y : y + th + 1;
        h = yr + th - y;
        if (s) {
            clout_scene_text(s, xa, y, la, SZ_TICK, false, &CHART_MUTED, CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_TOP, 0);
            clout_scene_text(s, xb, yr, lb, SZ_TICK, false, &CHART_MUTED, CLOUT_HALIGN_RIGHT,
                             CLOUT_VALIGN_TOP, 0);
        }
        if (title) {
            if (s)
                clout_scene_text(s, mid, y + h + 3, title, SZ_LABEL, false, &CHART_INK,
                                 CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
            h += 3 + lh;
        }
    }
    g_free(la);
    g_free(lb);
    return h;
}
