/* chart.c: charts of analysis tables (influence shares and balance, measures) built as scenes. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "render.h"

/*
 * Every chart is laid out top to bottom: title, key, plot, axis, source
 * line.  Text sizes suit a figure printed at 180 mm (a two-column journal
 * page); every label is measured with clout_text_extent before anything is
 * placed, and margins grow to fit what was measured, so nothing is clipped.
 */
#define MARGIN 12.0
#define SZ_TITLE 9.5
#define SZ_LABEL 8.0
#define SZ_TICK 7.0
#define SZ_SOURCE 6.5
#define SZ_CELL 7.0
#define TICK_LEN 3.0
#define MIN_PLOT 80.0 /* points of plot width below which a chart is unreadable */

/* Greys as #rrggbb / 255, exactly, so that the dump shows the hex. */
static const clout_rgba_t INK = {0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0, 1};
static const clout_rgba_t AXIS = {0x55 / 255.0, 0x55 / 255.0, 0x55 / 255.0, 1};
static const clout_rgba_t MUTED = {0x66 / 255.0, 0x66 / 255.0, 0x66 / 255.0, 1};
static const clout_rgba_t GRID = {0xe0 / 255.0, 0xe0 / 255.0, 0xe0 / 255.0, 1};
static const clout_rgba_t OTHER = {0xd9 / 255.0, 0xd9 / 255.0, 0xd9 / 255.0, 1}; /* "other" */
static const clout_rgba_t WHITE = {1, 1, 1, 1};

/* ---- colours ---- */

/* Poles take Okabe-Ito colours in pole order, starting with blue and
 * vermillion: the first two poles (Russia, China) then read the same way as
 * the ends of the balance scale (RdBu: blue -1, red +1). */
static const int POLE_HUES[7] = {4, 5, 0, 2, 6, 1, 3};

static clout_rgba_t pole_color(int i)
{
    return clout_color_category(POLE_HUES[i % 7]);
}

/* Series (focus actors in trend and slope charts): Okabe-Ito without the
 * yellow, which is too light for a line on white, and with the pole hues
 * (blue, vermillion) last. */
static const char *const SERIES[7] = {"#E69F00", "#56B4E9", "#009E73", "#CC79A7",
                                      "#000000", "#0072B2", "#D55E00"};

static clout_rgba_t series_color(int i)
{
    return clout_color_hex(SERIES[i % 7]);
}

/* A sequential scale for values in [0, 1]: ColorBrewer Purples, 9 classes
 * (Brewer, C.A., colorbrewer2.org), interpolated.  Single-hue, so it is
 * colour-blind safe and prints in grey; purple is neither pole's colour. */
static const char *const SEQUENTIAL[9] = {"#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8",
                                          "#807dba", "#6a51a3", "#54278f", "#3f007d"};

static clout_rgba_t color_sequential(double v)
{
    if (!isfinite(v))
        return clout_color_hex("#bdbdbd");
    v = v < 0 ? 0 : v > 1 ? 1 : v;
    double pos = v * 8;
    int i = (int)floor(pos);
    if (i >= 8)
        return clout_color_hex(SEQUENTIAL[8]);
    double t = pos - i;
    clout_rgba_t a = clout_color_hex(SEQUENTIAL[i]), b = clout_color_hex(SEQUENTIAL[i + 1]);
    clout_rgba_t r = {a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b), 1};
    return r;
}

static double linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

/* Text on a fill: white or ink, whichever contrasts more (WCAG 2 ratio). */
static clout_rgba_t text_on(const clout_rgba_t *fill)
{
    double l = 0.2126 * linear(fill->r) + 0.7152 * linear(fill->g) + 0.0722 * linear(fill->b);
    return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? WHITE : INK;
}

/* ---- text ---- */

static double text_w(const char *t, double size, bool bold)
{
    double w, h;
    clout_text_extent(t, size, bold, &w, &h);
    return w;
}

static double text_h(double size, bool bold)
{
    double w, h;
    clout_text_extent("Ag", size, bold, &w, &h);
    return h;
}

/* Greedy word wrap to maxw; a word wider than maxw alone is cut between
 * characters, so that no line is wider than maxw. */
static GPtrArray *wrap(const char *text, double size, bool bold, double maxw)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    char **words = g_strsplit(text ? text : "", " ", -1);
    GString *cur = g_string_new(NULL);
    for (int i = 0; words[i]; i++) {
        if (!*words[i])
            continue;
        GString *tryl = g_string_new(cur->str);
        if (tryl->len)
            g_string_append_c(tryl, ' ');
        g_string_append(tryl, words[i]);
        if (text_w(tryl->str, size, bold) <= maxw) {
            g_string_assign(cur, tryl->str);
            g_string_free(tryl, TRUE);
            continue;
        }
        g_string_free(tryl, TRUE);
        if (cur->len) {
            g_ptr_array_add(lines, g_strdup(cur->str));
            g_string_truncate(cur, 0);
        }
        const char *w = words[i];
        while (*w && text_w(w, size, bold) > maxw) {
            const char *p = w, *last = NULL;
            while (*p) {
                const char *next = g_utf8_next_char(p);
                char *part = g_strndup(w, (gsize)(next - w));
                bool fits = text_w(part, size, bold) <= maxw;
                g_free(part);
                if (!fits)
                    break;
                last = next;
                p = next;
            }
            if (!last)
                last = g_utf8_next_char(w);
            g_ptr_array_add(lines, g_strndup(w, (gsize)(last - w)));
            w = last;
        }
        g_string_assign(cur, w);
    }
    if (cur->len || lines->len == 0)
        g_ptr_array_add(lines, g_strdup(cur->str));
    g_string_free(cur, TRUE);
    g_strfreev(words);
    return lines;
}

static double lines_h(const GPtrArray *lines, double size, bool bold)
{
    return lines->len * text_h(size, bold);
}

static void draw_lines(clout_scene_t *s, const GPtrArray *lines, double x, double y, double size,
                       bool bold, const clout_rgba_t *c)
{
    double lh = text_h(size, bold);
    for (guint i = 0; i < lines->len; i++)
        clout_scene_text(s, x, y + i * lh, g_ptr_array_index(lines, i), size, bold, c,
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
}

/* "−0.18", "+0.52", "0.00": a true minus sign, and a sign on every nonzero
 * value, because balance is signed. */
static char *fmt_signed(double v, int digits)
{
    if (!isfinite(v))
        return g_strdup("\u2013");
    double r = round(v * pow(10, digits)) / pow(10, digits);
    if (r == 0)
        return g_strdup_printf("%.*f", digits, 0.0);
    return g_strdup_printf("%s%.*f", r < 0 ? "\u2212" : "+", digits, fabs(r));
}

/* Tick labels: "−1", "−0.5", "0", "+0.5", "+1". */
static char *fmt_tick_signed(double v)
{
    if (fabs(v) < 1e-12)
        return g_strdup("0");
    return g_strdup_printf("%s%g", v < 0 ? "\u2212" : "+", fabs(v));
}

static char *fmt_plain(double v, int digits)
{
    if (!isfinite(v))
        return g_strdup("\u2013");
    return g_strdup_printf("%.*f", digits, v);
}

/* ---- options and names ---- */

static const char *layer_of(const clout_chart_opts_t *o)
{
    return o && o->layer ? o->layer : "all";
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

void clout_chart_opts_init(clout_chart_opts_t *o)
{
    *o = (clout_chart_opts_t){.width = CLOUT_DIAGRAM_WIDTH};
}

static double width_of(const clout_chart_opts_t *o)
{
    return o ? o->width : CLOUT_DIAGRAM_WIDTH;
}

/* The display name of id: opts->names, else the table's name column, else id. */
static const char *name_of(const clout_chart_opts_t *o, const char *id)
{
    if (o && o->names)
        for (int i = 0; o->names[i] && o->names[i + 1]; i += 2)
            if (strcmp(o->names[i], id) == 0)
                return o->names[i + 1];
    return id;
}

static char *layer_phrase(const char *layer)
{
    return strcmp(layer, "all") == 0 ? g_strdup("all layers") : g_strdup_printf("%s layer", layer);
}

/* ", 2023" when the caller named the snapshot, else "". */
static const char *when_of(const clout_chart_opts_t *o)
{
    return o && o->snapshot && *o->snapshot ? o->snapshot : NULL;
}

/* ---- the frame: title on top, source line at the bottom ---- */

typedef struct {
    clout_scene_t *s;
    double W;         /* scene width */
    GPtrArray *title; /* wrapped */
    GPtrArray *source;
} frame_t;

static void frame_init(frame_t *f, const clout_chart_opts_t *o, const char *default_title)
{
    f->W = width_of(o);
    f->s = NULL;
    double inner = f->W - 2 * MARGIN;
    const char *title = o && o->title ? o->title : default_title;
    f->title = *title ? wrap(title, SZ_TITLE, true, inner) : g_ptr_array_new_with_free_func(g_free);
    f->source = o && o->source && *o->source ? wrap(o->source, SZ_SOURCE, false, inner)
                                             : g_ptr_array_new_with_free_func(g_free);
}

static void frame_release(frame_t *f)
{
    g_ptr_array_free(f->title, TRUE);
    g_ptr_array_free(f->source, TRUE);
}

static double frame_top(const frame_t *f)
{
    /* An empty title (--title '') takes no band. */
    return f->title->len ? MARGIN + lines_h(f->title, SZ_TITLE, true) + 8 : MARGIN;
}

static double frame_bottom(const frame_t *f)
{
    return f->source->len ? 10 + lines_h(f->source, SZ_SOURCE, false) + MARGIN : MARGIN;
}

/* Creates the scene and draws the title. */
static double frame_begin(frame_t *f, double height)
{
    f->s = clout_scene_new(f->W, height);
    clout_scene_group(f->s, "title");
    draw_lines(f->s, f->title, MARGIN, MARGIN, SZ_TITLE, true, &INK);
    return frame_top(f);
}

static void frame_end(frame_t *f)
{
    if (f->source->len) {
        clout_scene_group(f->s, "source");
        double y = f->s->height - MARGIN - lines_h(f->source, SZ_SOURCE, false);
        draw_lines(f->s, f->source, MARGIN, y, SZ_SOURCE, false, &MUTED);
    }
    clout_scene_group(f->s, NULL);
}

/* The x of a text of width w centred near x, moved to stay inside the page. */
static double centre_in(const frame_t *f, double x, double w)
{
    return fmin(fmax(x, MARGIN + w / 2), f->W - MARGIN - w / 2);
}

/* The plot's height: natural unless opts->height asks for a total, which
 * must leave the plot at least min. */
static clout_status_t plot_height(const clout_chart_opts_t *o, double fixed, double natural,
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

static clout_status_t too_narrow(clout_error_t *err, double W, double need)
{
    return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                           "chart: a width of %.0f mm is too small for its labels; this chart "
                           "needs at least %.0f mm",
                           W * 25.4 / 72, ceil((W + need) * 25.4 / 72));
}

/* ---- keys (legends) ---- */

typedef enum { SW_RECT, SW_LINE, SW_DOT, SW_INTERVAL } swatch_t;

typedef struct {
    char *label;
    clout_rgba_t color;
    swatch_t kind;
} key_item_t;

#define SWATCH_W 10.0
#define KEY_GAP 12.0

static void key_add(GArray *key, const char *label, clout_rgba_t c, swatch_t kind)
{
    key_item_t it = {g_strdup(label), c, kind};
    g_array_append_val(key, it);
}

static void key_free(GArray *key)
{
    for (guint i = 0; i < key->len; i++)
        g_free(g_array_index(key, key_item_t, i).label);
    g_array_free(key, TRUE);
}

static double key_item_w(const key_item_t *it)
{
    double sw = it->kind == SW_LINE || it->kind == SW_INTERVAL ? 16 : SWATCH_W;
    return sw + 4 + text_w(it->label, SZ_LABEL, false);
}

/* Lays the key out in rows no wider than maxw; draws it when s is not NULL;
 * returns its height. */
static double key_layout(clout_scene_t *s, GArray *key, double x0, double y0, double maxw)
{
    double lh = text_h(SZ_LABEL, false) + 3, x = x0, y = y0;
    if (!key->len)
        return 0;
    if (s)
        clout_scene_group(s, "key");
    for (guint i = 0; i < key->len; i++) {
        const key_item_t *it = &g_array_index(key, key_item_t, i);
        double w = key_item_w(it);
        if (x > x0 && x + w > x0 + maxw) {
            x = x0;
            y += lh;
        }
        if (s) {
            double cy = y + lh / 2 - 1.5, sw = w - 4 - text_w(it->label, SZ_LABEL, false);
            if (it->kind == SW_RECT) {
                clout_scene_rect(s, x, cy - SWATCH_W / 2, SWATCH_W, SWATCH_W, &it->color, NULL, 0);
            } else if (it->kind == SW_DOT) {
                clout_scene_circle(s, x + sw / 2, cy, 3.5, &it->color, &AXIS, 0.6);
            } else {
                double xy[4] = {x, cy, x + sw, cy};
                clout_scene_line(s, xy, 2, &it->color, it->kind == SW_LINE ? 1.5 : 1, NULL, 0,
                                 false);
                if (it->kind == SW_LINE) {
                    clout_scene_circle(s, x + sw / 2, cy, 2.5, &it->color, &WHITE, 0.6);
                } else {
                    for (int k = 0; k < 2; k++) {
                        double cap[4] = {x + k * sw, cy - 2.5, x + k * sw, cy + 2.5};
                        clout_scene_line(s, cap, 2, &it->color, 1, NULL, 0, false);
                    }
                }
            }
            clout_scene_text(s, x + sw + 4, y + lh / 2 - 1.5, it->label, SZ_LABEL, false, &INK,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
        }
        x += w + KEY_GAP;
    }
    return y + lh - y0;
}

/* ---- scales and axes ---- */

typedef struct {
    double p0, p1, v0, v1; /* pixel p0 is value v0 */
} scale_t;

static double at(const scale_t *sc, double v)
{
    return sc->p0 + (v - sc->v0) / (sc->v1 - sc->v0) * (sc->p1 - sc->p0);
}

typedef char *(*tick_fmt_t)(double v);

static char *fmt_percent(double v)
{
    return g_strdup_printf("%.0f%%", v * 100);
}

static char *fmt_unit(double v)
{
    return g_strdup_printf("%g", v);
}

static char *fmt_year(double v)
{
    return g_strdup_printf("%.0f", v);
}

/* A horizontal axis at y: line, ticks down, labels under them, optional
 * vertical grid lines from gy0 to y.  Returns the height below y. */
static double axis_x(clout_scene_t *s, const scale_t *sc, double y, const double *ticks, int n,
                     tick_fmt_t fmt, double gy0)
{
    clout_scene_group(s, "x-axis");
    double xy[4] = {sc->p0, y, sc->p1, y};
    if (gy0 < y)
        for (int i = 0; i < n; i++) {
            double x = at(sc, ticks[i]), g[4] = {x, gy0, x, y};
            clout_scene_line(s, g, 2, &GRID, 0.5, NULL, 0, false);
        }
    clout_scene_line(s, xy, 2, &AXIS, 0.6, NULL, 0, false);
    for (int i = 0; i < n; i++) {
        double x = at(sc, ticks[i]), t[4] = {x, y, x, y + TICK_LEN};
        clout_scene_line(s, t, 2, &AXIS, 0.6, NULL, 0, false);
        char *l = fmt(ticks[i]);
        clout_scene_text(s, x, y + TICK_LEN + 2, l, SZ_TICK, false, &INK, CLOUT_HALIGN_CENTER,
                         CLOUT_VALIGN_TOP, 0);
        g_free(l);
    }
    return TICK_LEN + 2 + text_h(SZ_TICK, false);
}

/* A vertical axis at x: line, ticks left, labels right-aligned left of them,
 * optional horizontal grid lines from x to gx1. */
static void axis_y(clout_scene_t *s, const scale_t *sc, double x, const double *ticks, int n,
                   tick_fmt_t fmt, double gx1)
{
    clout_scene_group(s, "y-axis");
    for (int i = 0; i < n && gx1 > x; i++) {
        double y = at(sc, ticks[i]), g[4] = {x, y, gx1, y};
        clout_scene_line(s, g, 2, &GRID, 0.5, NULL, 0, false);
    }
    double xy[4] = {x, sc->p0, x, sc->p1};
    clout_scene_line(s, xy, 2, &AXIS, 0.6, NULL, 0, false);
    for (int i = 0; i < n; i++) {
        double y = at(sc, ticks[i]), t[4] = {x - TICK_LEN, y, x, y};
        clout_scene_line(s, t, 2, &AXIS, 0.6, NULL, 0, false);
        char *l = fmt(ticks[i]);
        clout_scene_text(s, x - TICK_LEN - 2, y, l, SZ_TICK, false, &INK, CLOUT_HALIGN_RIGHT,
                         CLOUT_VALIGN_MIDDLE, 0);
        g_free(l);
    }
}

static double ticks_w(const double *ticks, int n, tick_fmt_t fmt)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        char *l = fmt(ticks[i]);
        w = fmax(w, text_w(l, SZ_TICK, false));
        g_free(l);
    }
    return w;
}

static const double TICKS_BALANCE[5] = {-1, -0.5, 0, 0.5, 1};
static const double TICKS_UNIT[5] = {0, 0.25, 0.5, 0.75, 1};

/* ---- reading tables ---- */

static int col_of(const clout_table_t *t, const char *name)
{
    for (int c = 0; c < clout_table_n_cols(t); c++)
        if (strcmp(clout_table_column_name(t, c), name) == 0)
            return c;
    return -1;
}

/* An ordered set of strings (not owned). */
typedef struct {
    GPtrArray *v;
    GHashTable *ix; /* string -> index + 1 */
} uset_t;

static void uset_init(uset_t *u)
{
    u->v = g_ptr_array_new();
    u->ix = g_hash_table_new(g_str_hash, g_str_equal);
}

static void uset_release(uset_t *u)
{
    g_ptr_array_free(u->v, TRUE);
    g_hash_table_destroy(u->ix);
}

static int uset_find(const uset_t *u, const char *s)
{
    return GPOINTER_TO_INT(g_hash_table_lookup(u->ix, s)) - 1;
}

static int uset_add(uset_t *u, const char *s)
{
    int i = uset_find(u, s);
    if (i >= 0)
        return i;
    g_ptr_array_add(u->v, (gpointer)s);
    g_hash_table_insert(u->ix, (gpointer)s, GINT_TO_POINTER((int)u->v->len));
    return (int)u->v->len - 1;
}

static const char *uset_at(const uset_t *u, int i)
{
    return g_ptr_array_index(u->v, i);
}

static int uset_n(const uset_t *u)
{
    return (int)u->v->len;
}

/* Values of one table as a rows x cols matrix, with optional intervals. */
typedef struct {
    uset_t rows, cols;
    GHashTable *cells; /* "row\037col" -> row index + 1 in the table */
    const clout_table_t *t;
    int c_val, c_lo, c_hi;
} matrix_t;

typedef struct {
    const char *what;                /* the table's role, for messages: "shares", "balance" */
    const char *rowkey;              /* column naming the rows: "focus" */
    const char *colkey;              /* column naming the columns ("pole"), or NULL: one column */
    const char *value, *lo, *hi;     /* lo and hi may be NULL or absent */
    const char *filter, *filter_val; /* keep rows whose filter column is filter_val */
} matrix_spec_t;

static void matrix_release(matrix_t *m)
{
    uset_release(&m->rows);
    uset_release(&m->cols);
    if (m->cells)
        g_hash_table_destroy(m->cells);
}

static char *cell_key(const char *r, const char *c)
{
    return g_strdup_printf("%s\037%s", r, c ? c : "");
}

static clout_status_t need_col(const clout_table_t *t, const char *what, const char *name, int *c,
                               clout_error_t *err)
{
    *c = col_of(t, name);
    if (*c < 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: the %s table has no column '%s'", what, name);
    return CLOUT_OK;
}

static clout_status_t matrix_read(matrix_t *m, const clout_table_t *t, const matrix_spec_t *sp,
                                  clout_error_t *err)
{
    memset(m, 0, sizeof *m);
    uset_init(&m->rows);
    uset_init(&m->cols);
    m->cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m->t = t;
    int c_row, c_col = -1, c_f = -1;
    clout_status_t st = need_col(t, sp->what, sp->rowkey, &c_row, err);
    if (!st && sp->colkey)
        st = need_col(t, sp->what, sp->colkey, &c_col, err);
    if (!st)
        st = need_col(t, sp->what, sp->value, &m->c_val, err);
    if (!st && sp->filter)
        st = need_col(t, sp->what, sp->filter, &c_f, err);
    if (st)
        return st;
    m->c_lo = sp->lo ? col_of(t, sp->lo) : -1;
    m->c_hi = sp->hi ? col_of(t, sp->hi) : -1;
    if (clout_table_column_type(t, m->c_val) == CLOUT_COL_STR)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: column '%s' of the %s table is not numeric", sp->value,
                               sp->what);
    uset_t seen;
    uset_init(&seen);
    for (int r = 0; r < clout_table_n_rows(t); r++) {
        const char *rk = clout_table_get_str(t, r, c_row);
        const char *ck = c_col >= 0 ? clout_table_get_str(t, r, c_col) : NULL;
        if (!rk || (c_col >= 0 && !ck))
            continue;
        if (c_f >= 0) {
            const char *fv = clout_table_get_str(t, r, c_f);
            if (!fv)
                continue;
            uset_add(&seen, fv);
            if (strcmp(fv, sp->filter_val) != 0)
                continue;
        }
        uset_add(&m->rows, rk);
        if (ck)
            uset_add(&m->cols, ck);
        g_hash_table_insert(m->cells, cell_key(rk, ck), GINT_TO_POINTER(r + 1));
    }
    if (uset_n(&m->rows) == 0) {
        if (c_f >= 0 && uset_n(&seen) > 0) {
            GString *l = g_string_new(NULL);
            for (int i = 0; i < uset_n(&seen); i++)
                g_string_append_printf(l, "%s%s", i ? ", " : "", uset_at(&seen, i));
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "chart: the %s table has no rows for %s '%s' (it has: %s)",
                                 sp->what, sp->filter, sp->filter_val, l->str);
            g_string_free(l, TRUE);
        } else {
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: the %s table is empty",
                                 sp->what);
        }
    }
    uset_release(&seen);
    return st;
}

/* The value (or lo, hi) of a cell; NAN when absent. */
static double cell(const matrix_t *m, const char *r, const char *c, int which)
{
    char *k = cell_key(r, c);
    int row = GPOINTER_TO_INT(g_hash_table_lookup(m->cells, k)) - 1;
    g_free(k);
    int col = which == 0 ? m->c_val : which < 0 ? m->c_lo : m->c_hi;
    if (row < 0 || col < 0)
        return NAN;
    return clout_table_get_num(m->t, row, col);
}

/* The poles to show: opts->poles that the table has, else the table's order;
 * "other" is left out. */
static void pole_order(uset_t *out, const matrix_t *m, const clout_chart_opts_t *o)
{
    uset_init(out);
    if (o && o->poles)
        for (int i = 0; o->poles[i]; i++)
            if (uset_find(&m->cols, o->poles[i]) >= 0 && strcmp(o->poles[i], "other") != 0)
                uset_add(out, o->poles[i]);
    for (int i = 0; i < uset_n(&m->cols); i++)
        if (strcmp(uset_at(&m->cols, i), "other") != 0)
            uset_add(out, uset_at(&m->cols, i));
}

/* The two poles whose balance is shown: names for "all X" labels. */
static void balance_poles(const clout_chart_opts_t *o, const char **a, const char **b)
{
    *a = o && o->poles && o->poles[0] ? name_of(o, o->poles[0]) : "the first pole";
    *b = o && o->poles && o->poles[0] && o->poles[1] ? name_of(o, o->poles[1]) : "the second pole";
}

/* What a row is called: its display name, or its id where space is short. */
static const char *disp(const clout_chart_opts_t *o, const char *id, bool ids)
{
    return ids ? id : name_of(o, id);
}

static double max_name_w(const uset_t *set, const clout_chart_opts_t *o, bool ids)
{
    double w = 0;
    for (int i = 0; i < uset_n(set); i++)
        w = fmax(w, text_w(disp(o, uset_at(set, i), ids), SZ_LABEL, false));
    return w;
}

/* =========================================================================
 * shares: a stacked bar per focus actor of its direct shares by pole
 * ========================================================================= */

clout_status_t clout_chart_shares(const clout_table_t *shares, const clout_chart_opts_t *opts,
                                  clout_scene_t **out, clout_error_t *err)
{
    *out = NULL;
    const char *layer = layer_of(opts);
    matrix_t m;
    matrix_spec_t sp = {"shares", "focus", "pole", "direct", NULL, NULL, "layer", layer};
    clout_status_t st = matrix_read(&m, shares, &sp, err);
    if (st) {
        matrix_release(&m);
        return st;
    }
    uset_t poles;
    pole_order(&poles, &m, opts);
    bool has_other = uset_find(&m.cols, "other") >= 0;

    char *lp = layer_phrase(layer);
    char *dflt = when_of(opts)
                     ? g_strdup_printf("Direct shares of each focus actor's ties by pole, "
                                       "%s, %s",
                                       lp, when_of(opts))
                     : g_strdup_printf("Direct shares of each focus actor's ties by "
                                       "pole, %s",
                                       lp);
    frame_t f;
    frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);

    GArray *key = g_array_new(FALSE, FALSE, sizeof(key_item_t));
    for (int i = 0; i < uset_n(&poles); i++)
        key_add(key, name_of(opts, uset_at(&poles, i)), pole_color(i), SW_RECT);
    if (has_other)
        key_add(key, "other", OTHER, SW_RECT);

    int n = uset_n(&m.rows);
    double x1 = f.W - MARGIN - text_w("100%", SZ_TICK, false) / 2;
    bool ids = MARGIN + max_name_w(&m.rows, opts, false) + 6 + MIN_PLOT > x1;
    double x0 = MARGIN + max_name_w(&m.rows, opts, ids) + 6;
    double inner = f.W - 2 * MARGIN;
    double key_h = key_layout(NULL, key, MARGIN, 0, inner);
    double axis_h = TICK_LEN + 2 + text_h(SZ_TICK, false) + 4 + text_h(SZ_LABEL, false);
    double fixed = frame_top(&f) + key_h + 8 + 4 + axis_h + frame_bottom(&f);
    double ph;
    if (x1 - x0 < MIN_PLOT) {
        st = too_narrow(err, f.W, MIN_PLOT - (x1 - x0));
        goto done;
    }
    st = plot_height(opts, fixed, n * 20.0, n * fmax(12, text_h(SZ_LABEL, false) + 2), &ph, err);
    if (st)
        goto done;
    double row = ph / n, bar = row * 0.7;

    double y = frame_begin(&f, fixed + ph);
    y += key_layout(f.s, key, MARGIN, y, inner) + 8;
    scale_t sc = {x0, x1, 0, 1};
    double top = y;
    for (int r = 0; r < n; r++) {
        const char *fid = uset_at(&m.rows, r);
        char *g = g_strdup_printf("bar %s", fid);
        clout_scene_group(f.s, g);
        g_free(g);
        double cy = top + r * row + row / 2, by = cy - bar / 2;
        clout_scene_text(f.s, x0 - 6, cy, disp(opts, fid, ids), SZ_LABEL, false, &INK,
                         CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        double acc = 0;
        bool any = false;
        int np = uset_n(&poles) + (has_other ? 1 : 0);
        for (int k = 0; k < np; k++) {
            bool other = k == uset_n(&poles);
            double v = cell(&m, fid, other ? "other" : uset_at(&poles, k), 0);
            if (!isfinite(v) || v <= 0)
                continue;
            any = true;
            clout_rgba_t c = other ? OTHER : pole_color(k);
            double xa = at(&sc, acc), xb = at(&sc, fmin(acc + v, 1.0 + 1e-9));
            clout_scene_rect(f.s, xa, by, xb - xa, bar, &c, &WHITE, 0.5);
            char *pct = g_strdup_printf("%.0f%%", v * 100);
            if (text_w(pct, SZ_CELL, false) + 4 <= xb - xa && text_h(SZ_CELL, false) <= bar) {
                clout_rgba_t tc = text_on(&c);
                clout_scene_text(f.s, (xa + xb) / 2, cy, pct, SZ_CELL, false, &tc,
                                 CLOUT_HALIGN_CENTER, CLOUT_VALIGN_MIDDLE, 0);
            }
            g_free(pct);
            acc += v;
        }
        if (!any) {
            clout_scene_rect(f.s, x0, by, x1 - x0, bar, NULL, &GRID, 0.6);
            clout_scene_text(f.s, x0 + 4, cy, "no ties in this layer", SZ_CELL, false, &MUTED,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
        }
    }
    y = top + ph + 4;
    y += axis_x(f.s, &sc, y, TICKS_UNIT, 5, fmt_percent, y) + 4;
    clout_scene_group(f.s, "x-title");
    const char *xt = "Share of incoming tie weight (direct share D)";
    clout_scene_text(f.s, centre_in(&f, (x0 + x1) / 2, text_w(xt, SZ_LABEL, false)), y, xt,
                     SZ_LABEL, false, &INK, CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    frame_end(&f);
    *out = f.s;
    f.s = NULL;
done:
    clout_scene_free(f.s);
    frame_release(&f);
    key_free(key);
    uset_release(&poles);
    matrix_release(&m);
    return st;
}

/* =========================================================================
 * balance: a dot per focus actor with its 95% interval, sorted
 * ========================================================================= */

typedef struct {
    const char *id;
    double v, lo, hi;
    int order; /* the table's order, for ties */
} dot_t;

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

static char *interval_text(double v, double lo, double hi)
{
    char *a = fmt_signed(v, 2);
    if (!isfinite(lo) || !isfinite(hi))
        return a;
    char *b = fmt_signed(lo, 2), *c = fmt_signed(hi, 2);
    char *r = g_strdup_printf("%s (%s, %s)", a, b, c);
    g_free(a);
    g_free(b);
    g_free(c);
    return r;
}

/* Under a balance scale from p0 (-1) to p1 (+1): "← all A" at the left end,
 * "all B →" at the right end and, when given, a title centred between them;
 * on one line where they fit, else the title under the ends, else each on
 * a line of its own.  Draws when s is not NULL; returns the height. */
static double pole_ends(clout_scene_t *s, double W, double p0, double p1, double y, const char *a,
                        const char *b, const char *title)
{
    char *la = g_strdup_printf("\u2190 all %s", a), *lb = g_strdup_printf("all %s \u2192", b);
    double wa = text_w(la, SZ_TICK, false), wb = text_w(lb, SZ_TICK, false);
    double th = text_h(SZ_TICK, false), lh = text_h(SZ_LABEL, false);
    double xa = fmin(p0, W - MARGIN - wa), xb = fmax(p1, MARGIN + wb); /* left, right edges */
    bool ends_one = xa + wa + 8 <= xb - wb;
    double wt = title ? text_w(title, SZ_LABEL, false) : 0;
    double mid = fmin(fmax((p0 + p1) / 2, MARGIN + wt / 2), W - MARGIN - wt / 2);
    bool all_one = title && ends_one && xa + wa + 8 < mid - wt / 2 && mid + wt / 2 + 8 < xb - wb;
    double h;
    if (s)
        clout_scene_group(s, "x-title");
    if (all_one) {
        h = fmax(th, lh);
        if (s) {
            clout_scene_text(s, xa, y + h / 2, la, SZ_TICK, false, &MUTED, CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_MIDDLE, 0);
            clout_scene_text(s, xb, y + h / 2, lb, SZ_TICK, false, &MUTED, CLOUT_HALIGN_RIGHT,
                             CLOUT_VALIGN_MIDDLE, 0);
            clout_scene_text(s, mid, y + h / 2, title, SZ_LABEL, false, &INK, CLOUT_HALIGN_CENTER,
                             CLOUT_VALIGN_MIDDLE, 0);
        }
    } else {
        double yr = ends_one ? y : y + th + 1;
        h = yr + th - y;
        if (s) {
            clout_scene_text(s, xa, y, la, SZ_TICK, false, &MUTED, CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_TOP, 0);
            clout_scene_text(s, xb, yr, lb, SZ_TICK, false, &MUTED, CLOUT_HALIGN_RIGHT,
                             CLOUT_VALIGN_TOP, 0);
        }
        if (title) {
            if (s)
                clout_scene_text(s, mid, y + h + 3, title, SZ_LABEL, false, &INK,
                                 CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
            h += 3 + lh;
        }
    }
    g_free(la);
    g_free(lb);
    return h;
}

clout_status_t clout_chart_balance(const clout_table_t *balance, const clout_chart_opts_t *opts,
                                   clout_scene_t **out, clout_error_t *err)
{
    *out = NULL;
    const char *layer = layer_of(opts);
    matrix_t m;
    matrix_spec_t sp = {"balance",    "focus",      NULL,    "balance",
                        "balance_lo", "balance_hi", "layer", layer};
    clout_status_t st = matrix_read(&m, balance, &sp, err);
    if (st) {
        matrix_release(&m);
        return st;
    }
    const char *pa, *pb;
    balance_poles(opts, &pa, &pb);
    int n = uset_n(&m.rows);
    dot_t *d = g_new0(dot_t, n);
    bool any_interval = false;
    for (int i = 0; i < n; i++) {
        d[i].id = uset_at(&m.rows, i);
        d[i].v = cell(&m, d[i].id, NULL, 0);
        d[i].lo = cell(&m, d[i].id, NULL, -1);
        d[i].hi = cell(&m, d[i].id, NULL, 1);
        d[i].order = i;
        any_interval = any_interval || (isfinite(d[i].lo) && isfinite(d[i].hi));
    }
    qsort(d, (size_t)n, sizeof *d, dot_cmp);

    char *lp = layer_phrase(layer);
    char *dflt = g_strdup_printf("Balance of influence, %s versus %s, %s%s%s", pa, pb, lp,
                                 when_of(opts) ? ", " : "", when_of(opts) ? when_of(opts) : "");
    frame_t f;
    frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);
    GArray *key = g_array_new(FALSE, FALSE, sizeof(key_item_t));
    key_add(key, "balance B", clout_color_hex("#bdbdbd"), SW_DOT);
    if (any_interval)
        key_add(key, "95% bootstrap interval", AXIS, SW_INTERVAL);

    /* Columns: names | plot | "B (95% interval)" values.  Where the page is
     * narrow, the values go first (the dots say the same), then names give
     * way to ids. */
    const char *vhead = any_interval ? "B (95% interval)" : "B";
    double val_w = text_w(vhead, SZ_TICK, true);
    for (int i = 0; i < n; i++) {
        char *t = interval_text(d[i].v, d[i].lo, d[i].hi);
        val_w = fmax(val_w, text_w(t, SZ_TICK, false));
        g_free(t);
    }
    double half_tick = fmax(text_w("\u22121", SZ_TICK, false) / 2, 5);
    bool values = true, ids = false;
    double label_w = 0, x0 = 0, x1 = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        values = attempt == 0;
        ids = attempt == 2;
        label_w = max_name_w(&m.rows, opts, ids);
        x0 = MARGIN + label_w + 8 + half_tick;
        x1 = f.W - MARGIN - (values ? val_w + 12 : 0) - half_tick;
        if (x1 - x0 >= MIN_PLOT)
            break;
    }
    double inner = f.W - 2 * MARGIN;
    double key_h = key_layout(NULL, key, MARGIN, 0, inner);
    double head_h = values ? text_h(SZ_TICK, true) + 2 : 0;
    scale_t sc = {x0, x1, -1, 1};
    char *xt =
        g_strdup_printf("Balance B = (I(%s) \u2212 I(%s)) / (I(%s) + I(%s))", pb, pa, pa, pb);
    if (text_w(xt, SZ_LABEL, false) > x1 - x0) {
        g_free(xt);
        xt = g_strdup("Balance B");
    }
    double axis_h = TICK_LEN + 2 + text_h(SZ_TICK, false) + 4;
    double fixed = frame_top(&f) + key_h + 8 + head_h + 4 + axis_h + frame_bottom(&f);
    double ph;
    if (x1 - x0 < MIN_PLOT) {
        st = too_narrow(err, f.W, MIN_PLOT - (x1 - x0));
        goto done;
    }
    fixed += pole_ends(NULL, f.W, x0, x1, 0, pa, pb, xt);
    st = plot_height(opts, fixed, n * 16.0, n * (text_h(SZ_LABEL, false) + 1), &ph, err);
    if (st)
        goto done;
    double row = ph / n;

    double y = frame_begin(&f, fixed + ph);
    y += key_layout(f.s, key, MARGIN, y, inner) + 8;
    if (values) {
        clout_scene_group(f.s, "values-head");
        clout_scene_text(f.s, f.W - MARGIN, y, vhead, SZ_TICK, true, &INK, CLOUT_HALIGN_RIGHT,
                         CLOUT_VALIGN_TOP, 0);
    }
    y += head_h;
    double top = y;
    /* Grid and the zero line first, under the dots. */
    clout_scene_group(f.s, "grid");
    for (int i = 0; i < 5; i++) {
        double x = at(&sc, TICKS_BALANCE[i]), g[4] = {x, top, x, top + ph + 4};
        if (TICKS_BALANCE[i] == 0) {
            static const double dash[2] = {3, 2};
            clout_scene_line(f.s, g, 2, &AXIS, 0.8, dash, 2, false);
        } else {
            clout_scene_line(f.s, g, 2, &GRID, 0.5, NULL, 0, false);
        }
    }
    for (int i = 0; i < n; i++) {
        char *g = g_strdup_printf("dot %s", d[i].id);
        clout_scene_group(f.s, g);
        g_free(g);
        double cy = top + i * row + row / 2;
        clout_scene_text(f.s, MARGIN + label_w, cy, disp(opts, d[i].id, ids), SZ_LABEL, false, &INK,
                         CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        if (isfinite(d[i].lo) && isfinite(d[i].hi)) {
            double xa = at(&sc, fmax(-1, d[i].lo)), xb = at(&sc, fmin(1, d[i].hi));
            double seg[4] = {xa, cy, xb, cy};
            clout_scene_line(f.s, seg, 2, &AXIS, 1, NULL, 0, false);
            for (int k = 0; k < 2; k++) {
                double x = k ? xb : xa, cap[4] = {x, cy - 2.5, x, cy + 2.5};
                clout_scene_line(f.s, cap, 2, &AXIS, 1, NULL, 0, false);
            }
        }
        if (isfinite(d[i].v)) {
            clout_rgba_t c = clout_color_balance(d[i].v);
            clout_scene_circle(f.s, at(&sc, fmax(-1, fmin(1, d[i].v))), cy, 3.5, &c, &INK, 0.6);
        }
        if (values) {
            char *t = interval_text(d[i].v, d[i].lo, d[i].hi);
            clout_scene_text(f.s, f.W - MARGIN, cy, t, SZ_TICK, false, &INK, CLOUT_HALIGN_RIGHT,
                             CLOUT_VALIGN_MIDDLE, 0);
            g_free(t);
        }
    }
    y = top + ph + 4;
    y += axis_x(f.s, &sc, y, TICKS_BALANCE, 5, fmt_tick_signed, y) + 4;
    pole_ends(f.s, f.W, x0, x1, y, pa, pb, xt);
    frame_end(&f);
    *out = f.s;
    f.s = NULL;
done:
    clout_scene_free(f.s);
    frame_release(&f);
    key_free(key);
    g_free(xt);
    g_free(d);
    matrix_release(&m);
    return st;
}

/* =========================================================================
 * trend: balance (or one pole's index) over snapshots
 * ========================================================================= */

/* Thins year ticks so that their labels do not touch. */
static int thin_ticks(const scale_t *sc, const int *years, int n, double *ticks)
{
    double w = 0;
    for (int i = 0; i < n; i++) {
        char *l = fmt_year(years[i]);
        w = fmax(w, text_w(l, SZ_TICK, false));
        g_free(l);
    }
    for (int step = 1; step <= n; step++) {
        int k = 0;
        bool ok = true;
        for (int i = 0; i < n; i += step) {
            ticks[k] = years[i];
            if (k > 0 && at(sc, ticks[k]) - at(sc, ticks[k - 1]) < w + 6)
                ok = false;
            k++;
        }
        if (ok)
            return k;
    }
    ticks[0] = years[0];
    return 1;
}

clout_status_t clout_chart_trend(clout_table_t *const *tables, const int *years, int n,
                                 const clout_chart_opts_t *opts, clout_scene_t **out,
                                 clout_error_t *err)
{
    *out = NULL;
    if (n < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: trend needs a snapshot");
    for (int i = 1; i < n; i++)
        if (years[i] <= years[i - 1])
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "chart: trend: the years must increase (%d after %d)", years[i],
                                   years[i - 1]);
    const char *layer = layer_of(opts);
    const char *of = opts && opts->of && strcmp(opts->of, "balance") != 0 ? opts->of : NULL;
    bool is_bal = of == NULL;
    matrix_t *m = g_new0(matrix_t, n);
    clout_status_t st = CLOUT_OK;
    int n_read = 0;
    uset_t series;
    uset_init(&series);
    for (int i = 0; i < n && !st; i++) {
        matrix_spec_t sp = is_bal ? (matrix_spec_t){"balance",    "focus",      NULL,    "balance",
                                                    "balance_lo", "balance_hi", "layer", layer}
                                  : (matrix_spec_t){"shares",   "focus",    "pole",  "index",
                                                    "index_lo", "index_hi", "layer", layer};
        st = matrix_read(&m[i], tables[i], &sp, err);
        n_read++;
        if (!st && of && uset_find(&m[i].cols, of) < 0)
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "chart: trend --of: '%s' is not a pole of the %d snapshot (nor "
                                 "balance)",
                                 of, years[i]);
        for (int r = 0; !st && r < uset_n(&m[i].rows); r++)
            uset_add(&series, uset_at(&m[i].rows, r));
    }
    frame_t f = {0};
    GArray *key = g_array_new(FALSE, FALSE, sizeof(key_item_t));
    if (st)
        goto done;

    const char *pa, *pb;
    balance_poles(opts, &pa, &pb);
    char *lp = layer_phrase(layer);
    char *span = n > 1 ? g_strdup_printf("%d\u2013%d", years[0], years[n - 1])
                       : g_strdup_printf("%d", years[0]);
    char *dflt =
        is_bal ? g_strdup_printf("Balance of influence, %s versus %s, %s, %s", pa, pb, lp, span)
               : g_strdup_printf("Influence index of %s, %s, %s", name_of(opts, of), lp, span);
    frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(span);
    g_free(lp);
    int ns = uset_n(&series);
    for (int i = 0; i < ns; i++)
        key_add(key, name_of(opts, uset_at(&series, i)), series_color(i), SW_LINE);

    const double *yt = is_bal ? TICKS_BALANCE : TICKS_UNIT;
    tick_fmt_t yfmt = is_bal ? fmt_tick_signed : fmt_unit;
    char *ytitle = is_bal ? g_strdup_printf("Balance B (\u22121 all %s, +1 all %s)", pa, pb)
                          : g_strdup_printf("Influence index I of %s", name_of(opts, of));
    double ytitle_w = text_w(ytitle, SZ_LABEL, false);
    double yl = MARGIN + text_h(SZ_LABEL, false) + 4 + ticks_w(yt, 5, yfmt) + TICK_LEN + 2;
    double half_year = text_w("2000", SZ_TICK, false) / 2;
    double x0 = yl + 1, x1 = f.W - MARGIN - 2;
    double inner = f.W - 2 * MARGIN;
    double key_h = key_layout(NULL, key, MARGIN, 0, inner);
    double axis_h = TICK_LEN + 2 + text_h(SZ_TICK, false) + 4 + text_h(SZ_LABEL, false);
    double fixed = frame_top(&f) + key_h + 10 + 4 + axis_h + frame_bottom(&f);
    double ph;
    if (x1 - x0 < MIN_PLOT) {
        st = too_narrow(err, f.W, MIN_PLOT - (x1 - x0));
        g_free(ytitle);
        goto done;
    }
    double natural = fmax(fmin((x1 - x0) * 0.45, 240), ytitle_w + 10);
    st = plot_height(opts, fixed, natural, ytitle_w + 10, &ph, err);
    if (st) {
        g_free(ytitle);
        goto done;
    }
    /* Years: padded so that the end markers and year labels stay inside. */
    double span_y = years[n - 1] - years[0];
    double pad = span_y > 0 ? span_y * 0.04 : 1;
    scale_t sx = {x0, x1, years[0] - pad, years[n - 1] + pad};
    double last_max = f.W - MARGIN - half_year;
    if (at(&sx, years[n - 1]) > last_max)
        sx.p1 = sx.p0 + (last_max - sx.p0) * (sx.v1 - sx.v0) / (years[n - 1] - sx.v0);

    double y = frame_begin(&f, fixed + ph);
    y += key_layout(f.s, key, MARGIN, y, inner) + 10;
    double top = y;
    scale_t sy = {top + ph, top, is_bal ? -1 : 0, 1};
    axis_y(f.s, &sy, x0, yt, 5, yfmt, sx.p1);
    if (is_bal) {
        static const double dash[2] = {3, 2};
        double z[4] = {x0, at(&sy, 0), sx.p1, at(&sy, 0)};
        clout_scene_line(f.s, z, 2, &AXIS, 0.8, dash, 2, false);
    }
    clout_scene_group(f.s, "y-title");
    clout_scene_text(f.s, MARGIN, top + ph / 2, ytitle, SZ_LABEL, false, &INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 90);
    g_free(ytitle);

    /* Ribbons under lines, lines under markers. */
    for (int pass = 0; pass < 3; pass++) {
        for (int si = 0; si < ns; si++) {
            const char *fid = uset_at(&series, si);
            clout_rgba_t c = series_color(si);
            if (pass == 0) {
                char *g = g_strdup_printf("ribbon %s", fid);
                clout_scene_group(f.s, g);
                g_free(g);
            } else if (pass == 1) {
                char *g = g_strdup_printf("line %s", fid);
                clout_scene_group(f.s, g);
                g_free(g);
            } else {
                char *g = g_strdup_printf("points %s", fid);
                clout_scene_group(f.s, g);
                g_free(g);
            }
            int i = 0;
            while (i < n) {
                /* A run of snapshots where the series has a value. */
                int j = i;
                while (j < n && isfinite(cell(&m[j], fid, of, 0)))
                    j++;
                if (j == i) {
                    i++;
                    continue;
                }
                int len = j - i;
                if (pass == 1 && len > 1) {
                    double *xy = g_new(double, 2 * len);
                    for (int k = 0; k < len; k++) {
                        xy[2 * k] = at(&sx, years[i + k]);
                        xy[2 * k + 1] = at(&sy, cell(&m[i + k], fid, of, 0));
                    }
                    clout_scene_line(f.s, xy, len, &c, 1.5, NULL, 0, false);
                    g_free(xy);
                } else if (pass == 2) {
                    for (int k = i; k < j; k++)
                        clout_scene_circle(f.s, at(&sx, years[k]), at(&sy, cell(&m[k], fid, of, 0)),
                                           2.5, &c, &WHITE, 0.6);
                } else if (pass == 0 && len > 1) {
                    bool all = true;
                    for (int k = i; k < j; k++)
                        all = all && isfinite(cell(&m[k], fid, of, -1)) &&
                              isfinite(cell(&m[k], fid, of, 1));
                    if (all) {
                        double *xy = g_new(double, 4 * len);
                        for (int k = 0; k < len; k++) {
                            xy[2 * k] = at(&sx, years[i + k]);
                            xy[2 * k + 1] = at(&sy, cell(&m[i + k], fid, of, 1));
                            xy[2 * (2 * len - 1 - k)] = at(&sx, years[i + k]);
                            xy[2 * (2 * len - 1 - k) + 1] = at(&sy, cell(&m[i + k], fid, of, -1));
                        }
                        clout_rgba_t rc = c;
                        rc.a = 0.15;
                        clout_scene_polygon(f.s, xy, 2 * len, &rc, NULL, 0);
                        g_free(xy);
                    }
                }
                i = j;
            }
        }
    }
    y = top + ph;
    double *ticks = g_new(double, n);
    int nt = thin_ticks(&sx, years, n, ticks);
    y += axis_x(f.s, &sx, y, ticks, nt, fmt_year, y) + 4;
    g_free(ticks);
    clout_scene_group(f.s, "x-title");
    clout_scene_text(f.s, (x0 + sx.p1) / 2, y, "Snapshot year", SZ_LABEL, false, &INK,
                     CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
    frame_end(&f);
    *out = f.s;
    f.s = NULL;
done:
    if (f.title) {
        clout_scene_free(f.s);
        frame_release(&f);
    }
    key_free(key);
    uset_release(&series);
    for (int i = 0; i < n_read; i++)
        matrix_release(&m[i]);
    g_free(m);
    return st;
}

/* =========================================================================
 * slope: change between two snapshots, of balance or of a measure's rank
 * ========================================================================= */

/* Moves label centres y[] (any order) apart by at least gap, within
 * [lo, hi] when they fit, keeping their order. */
static void dodge(double *y, int n, double gap, double lo, double hi)
{
    if (n == 0)
        return;
    int *ord = g_new(int, n);
    for (int i = 0; i < n; i++)
        ord[i] = i;
    for (int i = 1; i < n; i++) /* insertion sort by y: n is small */
        for (int k = i; k > 0 && y[ord[k]] < y[ord[k - 1]]; k--) {
            int t = ord[k];
            ord[k] = ord[k - 1];
            ord[k - 1] = t;
        }
    if (y[ord[0]] < lo)
        y[ord[0]] = lo;
    for (int i = 1; i < n; i++)
        y[ord[i]] = fmax(y[ord[i]], y[ord[i - 1]] + gap);
    if (y[ord[n - 1]] > hi) {
        y[ord[n - 1]] = hi;
        for (int i = n - 2; i >= 0; i--)
            y[ord[i]] = fmin(y[ord[i]], y[ord[i + 1]] - gap);
    }
    g_free(ord);
}

typedef struct {
    const char *id;
    const char *name;
    double a, b;   /* balance, or rank */
    double va, vb; /* the measure's values (rank charts) */
    clout_rgba_t color;
} slope_t;

/* Competition ranks ("1224"): 1 + the number of actors with a larger value. */
static double rank_of(const clout_table_t *t, int col, double v)
{
    if (!isfinite(v))
        return NAN;
    int r = 1;
    for (int i = 0; i < clout_table_n_rows(t); i++) {
        double x = clout_table_get_num(t, i, col);
        if (isfinite(x) && x > v)
            r++;
    }
    return r;
}

static int row_of(const clout_table_t *t, int c_id, const char *id)
{
    for (int r = 0; r < clout_table_n_rows(t); r++) {
        const char *s = clout_table_get_str(t, r, c_id);
        if (s && strcmp(s, id) == 0)
            return r;
    }
    return -1;
}

#define SLOPE_TOP 15
/* Two columns joined by lines read well closer together than a plot. */
#define SLOPE_MIN_PLOT 56.0

/* The actors of a rank chart: opts->actors, else those whose role is focus
 * or pole, else the SLOPE_TOP best ranked in either snapshot. */
static clout_status_t rank_rows(const clout_table_t *ta, const clout_table_t *tb,
                                const clout_chart_opts_t *o, const char *measure, GArray *rows,
                                clout_error_t *err)
{
    const clout_table_t *t2[2] = {ta, tb};
    int c_id[2], c_v[2], c_name[2], c_role[2];
    for (int k = 0; k < 2; k++) {
        clout_status_t st = need_col(t2[k], "measures", "id", &c_id[k], err);
        if (!st)
            st = need_col(t2[k], "measures", measure, &c_v[k], err);
        if (!st && clout_table_column_type(t2[k], c_v[k]) == CLOUT_COL_STR)
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "chart: slope --of: '%s' is not a numeric measure", measure);
        if (st)
            return st;
        c_name[k] = col_of(t2[k], "name");
        c_role[k] = col_of(t2[k], "role");
    }
    uset_t ids;
    uset_init(&ids);
    if (o && o->actors) {
        for (int i = 0; o->actors[i]; i++)
            if (row_of(ta, c_id[0], o->actors[i]) >= 0 || row_of(tb, c_id[1], o->actors[i]) >= 0)
                uset_add(&ids, o->actors[i]);
    } else {
        for (int k = 0; k < 2; k++)
            for (int r = 0; c_role[k] >= 0 && r < clout_table_n_rows(t2[k]); r++) {
                const char *role = clout_table_get_str(t2[k], r, c_role[k]);
                const char *id = clout_table_get_str(t2[k], r, c_id[k]);
                if (id && role && (strcmp(role, "focus") == 0 || strcmp(role, "pole") == 0))
                    uset_add(&ids, id);
            }
        if (uset_n(&ids) == 0)
            for (int k = 0; k < 2; k++)
                for (int r = 0; r < clout_table_n_rows(t2[k]); r++) {
                    const char *id = clout_table_get_str(t2[k], r, c_id[k]);
                    double v = clout_table_get_num(t2[k], r, c_v[k]);
                    if (id && rank_of(t2[k], c_v[k], v) <= SLOPE_TOP)
                        uset_add(&ids, id);
                }
    }
    int pole_i = 0;
    for (int i = 0; i < uset_n(&ids); i++) {
        slope_t sl = {uset_at(&ids, i), NULL, NAN, NAN, NAN, NAN, AXIS};
        bool pole = false;
        for (int k = 0; k < 2; k++) {
            int r = row_of(t2[k], c_id[k], sl.id);
            if (r < 0)
                continue;
            double v = clout_table_get_num(t2[k], r, c_v[k]);
            *(k ? &sl.vb : &sl.va) = v;
            *(k ? &sl.b : &sl.a) = rank_of(t2[k], c_v[k], v);
            if (!sl.name && c_name[k] >= 0)
                sl.name = clout_table_get_str(t2[k], r, c_name[k]);
            const char *role = c_role[k] >= 0 ? clout_table_get_str(t2[k], r, c_role[k]) : NULL;
            pole = pole || (role && strcmp(role, "pole") == 0);
        }
        /* Poles in their colours (as in the shares chart), the rest in grey. */
        if (pole) {
            int pi = -1;
            for (int k = 0; o && o->poles && o->poles[k]; k++)
                if (strcmp(o->poles[k], sl.id) == 0)
                    pi = k;
            sl.color = pole_color(pi >= 0 ? pi : pole_i);
            pole_i++;
        }
        const char *dn = name_of(o, sl.id);
        if (dn != sl.id || !sl.name)
            sl.name = dn;
        g_array_append_val(rows, sl);
    }
    uset_release(&ids);
    if (rows->len == 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: slope: none of the actors to show is in the tables");
    return CLOUT_OK;
}

static char *fmt_rank(double v)
{
    return g_strdup_printf("%.0f", v);
}

/* Rank ticks: 1 and multiples of a step giving at most 8 ticks. */
static int rank_ticks(double max_rank, double *t)
{
    static const int steps[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
    int step = steps[G_N_ELEMENTS(steps) - 1];
    for (size_t i = 0; i < G_N_ELEMENTS(steps); i++)
        if (max_rank / steps[i] <= 7) {
            step = steps[i];
            break;
        }
    int n = 0;
    t[n++] = 1;
    for (int v = step; v <= max_rank && n < 9; v += step)
        if (v > 1)
            t[n++] = v;
    return n;
}

clout_status_t clout_chart_slope(const clout_table_t *a, const clout_table_t *b,
                                 const char *label_a, const char *label_b,
                                 const clout_chart_opts_t *opts, clout_scene_t **out,
                                 clout_error_t *err)
{
    *out = NULL;
    const char *layer = layer_of(opts);
    const char *measure = opts && opts->of && strcmp(opts->of, "balance") != 0 ? opts->of : NULL;
    label_a = label_a ? label_a : "A";
    label_b = label_b ? label_b : "B";
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(slope_t));
    matrix_t m[2];
    int n_read = 0;
    clout_status_t st = CLOUT_OK;
    const char *pa, *pb;
    balance_poles(opts, &pa, &pb);
    if (!measure) {
        matrix_spec_t sp = {"balance", "focus", NULL, "balance", NULL, NULL, "layer", layer};
        st = matrix_read(&m[0], a, &sp, err);
        n_read = 1;
        if (!st) {
            st = matrix_read(&m[1], b, &sp, err);
            n_read = 2;
        }
        if (!st) {
            uset_t ids;
            uset_init(&ids);
            for (int k = 0; k < 2; k++)
                for (int r = 0; r < uset_n(&m[k].rows); r++)
                    uset_add(&ids, uset_at(&m[k].rows, r));
            for (int i = 0; i < uset_n(&ids); i++) {
                const char *id = uset_at(&ids, i);
                slope_t sl = {
                    id,  name_of(opts, id), cell(&m[0], id, NULL, 0), cell(&m[1], id, NULL, 0), NAN,
                    NAN, series_color(i)};
                g_array_append_val(rows, sl);
            }
            uset_release(&ids);
        }
    } else {
        st = rank_rows(a, b, opts, measure, rows, err);
    }
    frame_t f = {0};
    if (st)
        goto done;

    char *lp = layer_phrase(layer);
    char *dflt = measure ? g_strdup_printf("Rank by %s, %s and %s", measure, label_a, label_b)
                         : g_strdup_printf("Balance of influence, %s versus %s, %s, %s and %s", pa,
                                           pb, lp, label_a, label_b);
    frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);

    int n = (int)rows->len;
    /* Labels: the name, and the value (or rank) in a column of its own next
     * to the points, so that values line up. */
    char **va = g_new0(char *, n + 1), **vb = g_new0(char *, n + 1);
    double name_w = 0, id_w = 0, vwa = 0, vwb = 0;
    for (int i = 0; i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        va[i] = measure ? fmt_rank(sl->a) : fmt_signed(sl->a, 2);
        vb[i] = measure ? fmt_rank(sl->b) : fmt_signed(sl->b, 2);
        name_w = fmax(name_w, text_w(sl->name, SZ_LABEL, false));
        id_w = fmax(id_w, text_w(sl->id, SZ_LABEL, false));
        if (isfinite(sl->a))
            vwa = fmax(vwa, text_w(va[i], SZ_LABEL, false));
        if (isfinite(sl->b))
            vwb = fmax(vwb, text_w(vb[i], SZ_LABEL, false));
    }
    double max_rank = 1;
    for (int i = 0; measure && i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        if (isfinite(sl->a))
            max_rank = fmax(max_rank, sl->a);
        if (isfinite(sl->b))
            max_rank = fmax(max_rank, sl->b);
    }
    double yt[10];
    int nyt = measure ? rank_ticks(max_rank, yt) : 5;
    if (!measure)
        memcpy(yt, TICKS_BALANCE, sizeof TICKS_BALANCE);
    tick_fmt_t yfmt = measure ? fmt_rank : fmt_tick_signed;
    char *ytitle = measure ? g_strdup_printf("Rank by %s (1 = highest)", measure)
                           : g_strdup_printf("Balance B (\u22121 all %s, +1 all %s)", pa, pb);
    double ytitle_w = text_w(ytitle, SZ_LABEL, false);
    double lh = text_h(SZ_LABEL, false);
    double axis_x0 = MARGIN + text_h(SZ_LABEL, false) + 4 + ticks_w(yt, nyt, yfmt) + TICK_LEN + 2;
    /* Names, or ids where the page is too narrow for names on both sides. */
    bool ids = f.W - MARGIN - 2 * (name_w + 5 + 8) - vwa - vwb - (axis_x0 + 10) < MIN_PLOT;
    if (ids)
        name_w = id_w;
    double xa = axis_x0 + 10 + name_w + 5 + vwa + 8, xb = f.W - MARGIN - name_w - 5 - vwb - 8;
    double head_h = text_h(SZ_LABEL, true) + 6;
    double fixed = frame_top(&f) + head_h + lh + frame_bottom(&f);
    double ph;
    if (xb - xa < SLOPE_MIN_PLOT) {
        st = too_narrow(err, f.W, SLOPE_MIN_PLOT - (xb - xa));
    } else {
        double need = fmax(n * (lh + 1), ytitle_w + 10);
        double natural = fmax(need, measure ? fmin(fmax(max_rank * (lh + 2), 160), 400) : 220);
        st = plot_height(opts, fixed, natural, need, &ph, err);
    }
    if (st) {
        g_strfreev(va);
        g_strfreev(vb);
        g_free(ytitle);
        goto done;
    }

    double y = frame_begin(&f, fixed + ph);
    clout_scene_group(f.s, "columns");
    clout_scene_text(f.s, xa, y, label_a, SZ_LABEL, true, &INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 0);
    clout_scene_text(f.s, xb, y, label_b, SZ_LABEL, true, &INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 0);
    y += head_h;
    double top = y + lh / 2;
    scale_t sy =
        measure ? (scale_t){top, top + ph, 1, fmax(max_rank, 2)} : (scale_t){top + ph, top, -1, 1};
    axis_y(f.s, &sy, axis_x0, yt, nyt, yfmt, f.W - MARGIN);
    clout_scene_group(f.s, "y-title");
    clout_scene_text(f.s, MARGIN, top + ph / 2, ytitle, SZ_LABEL, false, &INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 90);
    g_free(ytitle);
    clout_scene_group(f.s, "column-lines");
    for (int k = 0; k < 2; k++) {
        double x = k ? xb : xa, l[4] = {x, top, x, top + ph};
        clout_scene_line(f.s, l, 2, &AXIS, 0.6, NULL, 0, false);
    }
    if (!measure) {
        static const double dash[2] = {3, 2};
        double z[4] = {axis_x0, at(&sy, 0), f.W - MARGIN, at(&sy, 0)};
        clout_scene_line(f.s, z, 2, &AXIS, 0.8, dash, 2, false);
    }
    /* Label positions: at their points, moved apart where they would touch. */
    double *ya = g_new(double, n), *yb = g_new(double, n);
    int *ia = g_new(int, n), *ib = g_new(int, n), na = 0, nb = 0;
    for (int i = 0; i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        if (isfinite(sl->a)) {
            ia[na] = i;
            ya[na++] = at(&sy, sl->a);
        }
        if (isfinite(sl->b)) {
            ib[nb] = i;
            yb[nb++] = at(&sy, sl->b);
        }
    }
    dodge(ya, na, lh + 1, top, top + ph);
    dodge(yb, nb, lh + 1, top, top + ph);
    for (int i = 0; i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        char *g = g_strdup_printf("slope %s", sl->id);
        clout_scene_group(f.s, g);
        g_free(g);
        if (isfinite(sl->a) && isfinite(sl->b)) {
            double l[4] = {xa, at(&sy, sl->a), xb, at(&sy, sl->b)};
            clout_scene_line(f.s, l, 2, &sl->color, 1.5, NULL, 0, false);
        }
        for (int k = 0; k < 2; k++) {
            double v = k ? sl->b : sl->a;
            if (!isfinite(v))
                continue;
            double x = k ? xb : xa, py = at(&sy, v), ly = py;
            int nk = k ? nb : na;
            for (int j = 0; j < nk; j++)
                if ((k ? ib : ia)[j] == i)
                    ly = (k ? yb : ya)[j];
            clout_scene_circle(f.s, x, py, 2.5, &sl->color, &WHITE, 0.6);
            double tx = k ? x + 8 : x - 8;
            if (fabs(ly - py) > 1.5) {
                double lead[4] = {k ? x + 3 : x - 3, py, k ? tx - 1 : tx + 1, ly};
                clout_scene_line(f.s, lead, 2, &GRID, 0.5, NULL, 0, false);
            }
            /* A white backing hides grid lines under the label. */
            const char *nm = ids ? sl->id : sl->name;
            double nw = text_w(nm, SZ_LABEL, false), vw = k ? vwb : vwa;
            double bx0 = k ? tx - 1 : tx - vw - 5 - nw - 1;
            clout_scene_rect(f.s, bx0, ly - lh / 2, vw + 5 + nw + 2, lh, &WHITE, NULL, 0);
            double vx = k ? tx + vw : tx, nx = k ? tx + vw + 5 : tx - vw - 5;
            clout_scene_text(f.s, vx, ly, k ? vb[i] : va[i], SZ_LABEL, false, &INK,
                             CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
            clout_scene_text(f.s, nx, ly, nm, SZ_LABEL, false, &INK,
                             k ? CLOUT_HALIGN_LEFT : CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        }
    }
    g_free(ya);
    g_free(yb);
    g_free(ia);
    g_free(ib);
    g_strfreev(va);
    g_strfreev(vb);
    frame_end(&f);
    *out = f.s;
    f.s = NULL;
done:
    if (f.title) {
        clout_scene_free(f.s);
        frame_release(&f);
    }
    for (int i = 0; i < n_read; i++)
        matrix_release(&m[i]);
    g_array_free(rows, TRUE);
    return st;
}

/* =========================================================================
 * heatmap: focus x pole index, or focus x layer balance
 * ========================================================================= */

static const char *heat_col_label(const clout_chart_opts_t *o, bool by_layer, const char *c)
{
    if (by_layer)
        return strcmp(c, "all") == 0 ? "all layers" : c;
    return name_of(o, c);
}

clout_status_t clout_chart_heatmap(const clout_table_t *t, const clout_chart_opts_t *opts,
                                   clout_scene_t **out, clout_error_t *err)
{
    *out = NULL;
    const char *layer = layer_of(opts);
    bool by_layer = opts && opts->of && strcmp(opts->of, "layers") == 0;
    const char *value = by_layer ? "balance" : opts && opts->of ? opts->of : "index";
    matrix_t m;
    matrix_spec_t sp =
        by_layer ? (matrix_spec_t){"balance", "focus", "layer", "balance", NULL, NULL, NULL, NULL}
                 : (matrix_spec_t){"shares", "focus", "pole", value, NULL, NULL, "layer", layer};
    clout_status_t st = matrix_read(&m, t, &sp, err);
    frame_t f = {0};
    uset_t cols;
    uset_init(&cols);
    if (st)
        goto done;
    if (by_layer) {
        /* The layers as the table lists them, "all" last. */
        for (int i = 0; i < uset_n(&m.cols); i++)
            if (strcmp(uset_at(&m.cols, i), "all") != 0)
                uset_add(&cols, uset_at(&m.cols, i));
        if (uset_find(&m.cols, "all") >= 0)
            uset_add(&cols, "all");
    } else {
        uset_release(&cols);
        pole_order(&cols, &m, opts);
        if (uset_n(&cols) == 0) {
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "chart: the shares table has no "
                                 "pole");
            goto done;
        }
    }
    const char *pa, *pb;
    balance_poles(opts, &pa, &pb);
    char *lp = layer_phrase(layer);
    const char *w = when_of(opts);
    char *dflt =
        by_layer ? g_strdup_printf("Balance of influence by layer, %s versus %s%s%s", pa, pb,
                                   w ? ", " : "", w ? w : "")
        : strcmp(value, "index") == 0
            ? g_strdup_printf("Influence index by pole, %s%s%s", lp, w ? ", " : "", w ? w : "")
            : g_strdup_printf("%s by pole, %s%s%s", value, lp, w ? ", " : "", w ? w : "");
    frame_init(&f, opts, dflt);
    g_free(dflt);
    g_free(lp);

    int nr = uset_n(&m.rows), nc = uset_n(&cols);
    /* The colour bar goes right of the grid when the cells still fit, else
     * under it; row names become ids when even that is too narrow. */
    const double *ct = by_layer ? TICKS_BALANCE : TICKS_UNIT;
    tick_fmt_t cfmt = by_layer ? fmt_tick_signed : fmt_unit;
    char *ctitle = g_strdup(by_layer ? "balance B" : value);
    char *cend_hi = by_layer ? g_strdup_printf("all %s", pb) : NULL;
    char *cend_lo = by_layer ? g_strdup_printf("all %s", pa) : NULL;
    double cb_w = 10, tick_h = text_h(SZ_TICK, false), tb_h = text_h(SZ_TICK, true);
    double cb_side =
        fmax(cb_w + TICK_LEN + 2 + ticks_w(ct, 5, cfmt), text_w(ctitle, SZ_TICK, true));
    if (by_layer)
        cb_side =
            fmax(cb_side, fmax(text_w(cend_hi, SZ_TICK, false), text_w(cend_lo, SZ_TICK, false)));
    double cell_min = text_w("\u22120.00", SZ_CELL, false) + 6;
    bool ids = false, below = false;
    double x0 = 0, cw = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        below = attempt > 0;
        ids = attempt > 1;
        x0 = MARGIN + max_name_w(&m.rows, opts, ids) + 6;
        double avail = f.W - MARGIN - x0 - (below ? 0 : cb_side + 16);
        cw = fmin(avail / nc, 72);
        if (cw >= cell_min)
            break;
    }
    double head_w = 0;
    for (int j = 0; j < nc; j++)
        head_w = fmax(head_w,
                      text_w(heat_col_label(opts, by_layer, uset_at(&cols, j)), SZ_LABEL, false));
    bool rotate = head_w + 4 > cw;
    double head_h = rotate ? head_w + 4 : text_h(SZ_LABEL, false) + 4;
    /* Beside the grid: title (and the second pole's end) above the bar, the
     * first pole's end under it.  Under the grid: title, bar, tick labels,
     * the poles' ends. */
    double cb_head = tb_h + 6 + (by_layer ? tick_h + 6 : 0);
    double cb_foot = by_layer ? tick_h + 6 : 4;
    /* Under the grid, the bar is as wide as the grid (at most 200 pt) but
     * wide enough for its tick labels, moved left if the page ends first. */
    double half = ticks_w(ct + 4, 1, cfmt) / 2;
    double bw = fmax(fmin(nc * cw, 200), 4 * (ticks_w(ct, 5, cfmt) + 6)), bx = x0;
    if (bx + bw + half > f.W - MARGIN)
        bx = f.W - MARGIN - half - bw;
    if (bx < MARGIN + half) {
        bx = MARGIN + half;
        bw = f.W - MARGIN - half - bx;
    }
    double below_h = 12 + tb_h + 3 + 8 + TICK_LEN + 2 + tick_h +
                     (by_layer ? 2 + pole_ends(NULL, f.W, bx, bx + bw, 0, pa, pb, NULL) : 0);
    double fixed = frame_top(&f) + head_h + 4 + (below ? below_h : 0) + frame_bottom(&f);
    double ph;
    if (cw < cell_min) {
        st = too_narrow(err, f.W, (cell_min - cw) * nc);
    } else {
        double natural = fmax(nr * 20.0, below ? 0 : 90 + cb_head + cb_foot);
        double min = fmax(nr * (text_h(SZ_CELL, false) + 2), below ? 0 : 40 + cb_head + cb_foot);
        st = plot_height(opts, fixed, natural, min, &ph, err);
    }
    if (st) {
        g_free(ctitle);
        g_free(cend_hi);
        g_free(cend_lo);
        goto done;
    }
    double row = ph / nr;

    double y = frame_begin(&f, fixed + ph);
    clout_scene_group(f.s, "columns");
    for (int j = 0; j < nc; j++) {
        const char *txt = heat_col_label(opts, by_layer, uset_at(&cols, j));
        double cx = x0 + (j + 0.5) * cw;
        if (rotate)
            clout_scene_text(f.s, cx, y + head_h - 2, txt, SZ_LABEL, false, &INK, CLOUT_HALIGN_LEFT,
                             CLOUT_VALIGN_MIDDLE, 90);
        else
            clout_scene_text(f.s, cx, y + head_h - 2, txt, SZ_LABEL, false, &INK,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_BOTTOM, 0);
    }
    y += head_h + 4;
    double top = y;
    for (int i = 0; i < nr; i++) {
        const char *fid = uset_at(&m.rows, i);
        char *g = g_strdup_printf("row %s", fid);
        clout_scene_group(f.s, g);
        g_free(g);
        double cy = top + (i + 0.5) * row;
        clout_scene_text(f.s, x0 - 6, cy, disp(opts, fid, ids), SZ_LABEL, false, &INK,
                         CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
        for (int j = 0; j < nc; j++) {
            double v = cell(&m, fid, uset_at(&cols, j), 0);
            clout_rgba_t c = !isfinite(v) ? clout_color_hex("#f0f0f0")
                             : by_layer   ? clout_color_balance(v)
                                          : color_sequential(v);
            clout_scene_rect(f.s, x0 + j * cw, top + i * row, cw, row, &c, &WHITE, 1);
            char *txt = by_layer ? fmt_signed(v, 2) : fmt_plain(v, 2);
            clout_rgba_t tc = isfinite(v) ? text_on(&c) : MUTED;
            if (text_h(SZ_CELL, false) <= row)
                clout_scene_text(f.s, x0 + (j + 0.5) * cw, cy, txt, SZ_CELL, false, &tc,
                                 CLOUT_HALIGN_CENTER, CLOUT_VALIGN_MIDDLE, 0);
            g_free(txt);
        }
    }
    /* The colour bar: 64 bands, then its frame, ticks and labels. */
    clout_scene_group(f.s, "colour-bar");
    scale_t cs;
    double cbx, cby;
    if (!below) {
        cbx = x0 + nc * cw + 16;
        double cb_top = top + cb_head, cb_bot = top + ph - cb_foot;
        clout_scene_text(f.s, cbx, top, ctitle, SZ_TICK, true, &INK, CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
        if (by_layer) {
            clout_scene_text(f.s, cbx, top + tb_h + 2, cend_hi, SZ_TICK, false, &MUTED,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
            clout_scene_text(f.s, cbx, cb_bot + 6, cend_lo, SZ_TICK, false, &MUTED,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
        }
        cs = (scale_t){cb_bot, cb_top, by_layer ? -1 : 0, 1};
        cby = 0;
    } else {
        double yb = top + ph + 12;
        clout_scene_text(f.s, bx, yb, ctitle, SZ_TICK, true, &INK, CLOUT_HALIGN_LEFT,
                         CLOUT_VALIGN_TOP, 0);
        cby = yb + tb_h + 3;
        cs = (scale_t){bx, bx + bw, by_layer ? -1 : 0, 1};
        cbx = 0;
        if (by_layer) {
            pole_ends(f.s, f.W, bx, bx + bw, cby + 8 + TICK_LEN + 2 + tick_h + 2, pa, pb, NULL);
            clout_scene_group(f.s, "colour-bar");
        }
    }
    int bands = 64;
    for (int k = 0; k < bands; k++) {
        double v0 = cs.v0 + (cs.v1 - cs.v0) * k / bands;
        double v1 = cs.v0 + (cs.v1 - cs.v0) * (k + 1) / bands;
        clout_rgba_t c =
            by_layer ? clout_color_balance((v0 + v1) / 2) : color_sequential((v0 + v1) / 2);
        /* A hair of overlap, so that no seam shows between bands. */
        double p0 = at(&cs, v0), p1 = at(&cs, v1), lo = fmin(p0, p1), len = fabs(p1 - p0);
        if (below)
            clout_scene_rect(f.s, lo, cby, len + (k < bands - 1 ? 0.3 : 0), 8, &c, NULL, 0);
        else
            clout_scene_rect(f.s, cbx, lo, cb_w, len + (k ? 0.3 : 0), &c, NULL, 0);
    }
    if (below)
        clout_scene_rect(f.s, cs.p0, cby, cs.p1 - cs.p0, 8, NULL, &AXIS, 0.5);
    else
        clout_scene_rect(f.s, cbx, cs.p1, cb_w, cs.p0 - cs.p1, NULL, &AXIS, 0.5);
    for (int k = 0; k < 5; k++) {
        double p = at(&cs, ct[k]);
        char *l = cfmt(ct[k]);
        if (below) {
            double tk[4] = {p, cby + 8, p, cby + 8 + TICK_LEN};
            clout_scene_line(f.s, tk, 2, &AXIS, 0.6, NULL, 0, false);
            clout_scene_text(f.s, p, cby + 8 + TICK_LEN + 2, l, SZ_TICK, false, &INK,
                             CLOUT_HALIGN_CENTER, CLOUT_VALIGN_TOP, 0);
        } else {
            double tk[4] = {cbx + cb_w, p, cbx + cb_w + TICK_LEN, p};
            clout_scene_line(f.s, tk, 2, &AXIS, 0.6, NULL, 0, false);
            clout_scene_text(f.s, cbx + cb_w + TICK_LEN + 2, p, l, SZ_TICK, false, &INK,
                             CLOUT_HALIGN_LEFT, CLOUT_VALIGN_MIDDLE, 0);
        }
        g_free(l);
    }
    g_free(ctitle);
    g_free(cend_hi);
    g_free(cend_lo);
    frame_end(&f);
    *out = f.s;
    f.s = NULL;
done:
    if (f.title) {
        clout_scene_free(f.s);
        frame_release(&f);
    }
    uset_release(&cols);
    matrix_release(&m);
    return st;
}
