/* chart.h: what the chart files share: sizes, colours, text, the frame, keys, axes and the table
 * reader (not installed). */
#ifndef CLOUT_CHART_H
#define CLOUT_CHART_H

#include "render.h"

/*
 * Every chart is laid out top to bottom: title, key, plot, axis, source
 * line.  Text sizes suit a figure printed at 180 mm (a two-column journal
 * page); every label is measured with clout_text_extent before anything is
 * placed, and margins grow to fit what was measured, so nothing is clipped.
 *
 * chart-frame.c holds the frame, keys, axes and formats, chart-table.c
 * the reader of analysis tables, and chart-KIND.c each chart.  The chart_
 * names are the charts' own: libclout exports only clout_ names.
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
extern const clout_rgba_t CHART_INK, CHART_AXIS, CHART_MUTED, CHART_GRID, CHART_WHITE;
extern const clout_rgba_t CHART_OTHER; /* the share of "other" */

/* ---- colours ---- */

/* The i-th pole's colour: Okabe-Ito, starting with blue and vermillion. */
clout_rgba_t chart_pole_color(int i);
/* The i-th series' colour (focus actors in trend and slope charts). */
clout_rgba_t chart_series_color(int i);
/* White or ink, whichever contrasts more with fill. */
clout_rgba_t chart_text_on(const clout_rgba_t *fill);

/* ---- text, in font: the chart's (opts->font, the frame's), NULL for the default ---- */

static inline double text_w(const char *font, const char *t, double size, bool bold)
{
    return cl_text_width(font, t, size, bold);
}

/* The height of a line of text. */
static inline double text_h(const char *font, double size, bool bold)
{
    return cl_text_height(font, "Ag", size, bold);
}

/* opts->font, else NULL (the default). */
static inline const char *chart_font_of(const clout_chart_opts_t *o)
{
    return o ? o->font : NULL;
}

/* "−0.18", "+0.52", "0.00": a true minus sign, and a sign on every nonzero
 * value, because balance is signed; "–" for no value. */
char *chart_fmt_signed(double v, int digits);

/* ---- options and names ---- */

/* opts->layer, else "all". */
const char *chart_layer_of(const clout_chart_opts_t *o);
/* The display name of id: opts->names, else id. */
const char *chart_name_of(const clout_chart_opts_t *o, const char *id);
/* "all layers" or "security layer". */
char *chart_layer_phrase(const char *layer);
/* The snapshot the caller named ("2023"), else NULL. */
const char *chart_when_of(const clout_chart_opts_t *o);
/* A default title: fmt's text, and ", 2023" when the caller named the
 * snapshot (chart_when_of). */
char *chart_title(const clout_chart_opts_t *o, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* The two poles whose balance is shown: names for "all X" labels. */
void chart_balance_poles(const clout_chart_opts_t *o, const char **a, const char **b);

/* ---- the frame: title on top, source line at the bottom ---- */

typedef struct {
    clout_scene_t *s;
    double W;         /* scene width */
    const char *font; /* of every text: opts->font (not owned), NULL for the default */
    GPtrArray *title; /* wrapped */
    GPtrArray *source;
} chart_frame_t;

/* Measures the title and source line in o's font (which each chart checks
 * first: clout_font_check). */
void chart_frame_init(chart_frame_t *f, const clout_chart_opts_t *o, const char *default_title);
/* Frees the scene too, unless chart_frame_take took it.  A frame set to
 * zeros ({0}) may be released. */
void chart_frame_release(chart_frame_t *f);
/* The height of the title band, and of the source band. */
double chart_frame_top(const chart_frame_t *f);
double chart_frame_bottom(const chart_frame_t *f);
/* Creates the scene, height tall, in the frame's font, and draws the
 * title; returns the y under it. */
double chart_frame_begin(chart_frame_t *f, double height);
/* Draws the source line and hands the scene over. */
clout_scene_t *chart_frame_take(chart_frame_t *f);
/* The x of a text of width w centred near x, moved to stay inside the page. */
double chart_centre_in(const chart_frame_t *f, double x, double w);
/* The plot's height: natural unless opts->height asks for a total, which
 * must leave the plot at least min (fixed: the rest of the chart). */
clout_status_t chart_plot_height(const clout_chart_opts_t *o, double fixed, double natural,
                                 double min, double *out, clout_error_t *err);
/* The error of a page W wide that lacks need points. */
clout_status_t chart_too_narrow(clout_error_t *err, double W, double need);

/* ---- keys (legends) ---- */

typedef enum { SW_RECT, SW_LINE, SW_DOT, SW_INTERVAL } swatch_t;

/* A GArray of key items. */
GArray *chart_key_new(void);
void chart_key_add(GArray *key, const char *label, clout_rgba_t c, swatch_t kind);
void chart_key_free(GArray *key);
/* Lays the key out in rows no wider than maxw, measured in font; draws it
 * when s is not NULL; returns its height. */
double chart_key_layout(clout_scene_t *s, const char *font, GArray *key, double x0, double y0,
                        double maxw);

/* ---- scales and axes ---- */

typedef struct {
    double p0, p1, v0, v1; /* point p0 is value v0 */
} chart_scale_t;

static inline double chart_at(const chart_scale_t *sc, double v)
{
    return sc->p0 + (v - sc->v0) / (sc->v1 - sc->v0) * (sc->p1 - sc->p0);
}

typedef char *(*chart_tick_fmt_t)(double v);
/* Tick labels: "−1", "−0.5", "0", "+0.5", "+1". */
char *chart_fmt_tick_signed(double v);
/* "0.25" */
char *chart_fmt_unit(double v);

extern const double CHART_TICKS_BALANCE[5]; /* -1 .. 1 */
extern const double CHART_TICKS_UNIT[5];    /* 0 .. 1 */

/* Where tick labels go: under a horizontal line, left or right of a
 * vertical one. */
typedef enum { TICKS_BELOW, TICKS_LEFT, TICKS_RIGHT } chart_ticks_side_t;

/* Tick marks and their labels at the values ticks on scale sc, along the
 * line at pos (a y for TICKS_BELOW, an x otherwise). */
void chart_ticks(clout_scene_t *s, const chart_scale_t *sc, chart_ticks_side_t side, double pos,
                 const double *ticks, int n, chart_tick_fmt_t fmt);
/* A horizontal axis at y: line, ticks down, labels under them, vertical
 * grid lines from gy0 down to y when gy0 < y.  Returns the height below y. */
double chart_axis_x(clout_scene_t *s, const chart_scale_t *sc, double y, const double *ticks, int n,
                    chart_tick_fmt_t fmt, double gy0);
/* A vertical axis at x: line, ticks left, labels right-aligned left of
 * them, horizontal grid lines from x to gx1 when gx1 > x. */
void chart_axis_y(clout_scene_t *s, const chart_scale_t *sc, double x, const double *ticks, int n,
                  chart_tick_fmt_t fmt, double gx1);
/* The widest tick label in font. */
double chart_ticks_w(const char *font, const double *ticks, int n, chart_tick_fmt_t fmt);
/* The dashed line at balance 0, from (x0, y0) to (x1, y1). */
void chart_zero_line(clout_scene_t *s, double x0, double y0, double x1, double y1);
/* A title along the left edge, turned a quarter, centred on y. */
void chart_y_title(clout_scene_t *s, const char *title, double y);
/* An interval from xa to xb at y, with caps at both ends. */
void chart_interval(clout_scene_t *s, double xa, double xb, double y, const clout_rgba_t *c);
/* Under a balance scale from p0 (-1) to p1 (+1): "← all A", "all B →" and,
 * when given, a title between them, measured in font.  Draws when s is not
 * NULL; returns the height. */
double chart_pole_ends(clout_scene_t *s, const char *font, double W, double p0, double p1, double y,
                       const char *a, const char *b, const char *title);

/* ---- reading tables (chart-table.c) ---- */

/* An ordered set of strings (not owned). */
typedef struct {
    GPtrArray *v;
    GHashTable *ix; /* string -> index + 1 */
} chart_uset_t;

void chart_uset_init(chart_uset_t *u);
void chart_uset_release(chart_uset_t *u);
/* The index of s, or -1. */
int chart_uset_find(const chart_uset_t *u, const char *s);
/* Adds s when absent; its index. */
int chart_uset_add(chart_uset_t *u, const char *s);
const char *chart_uset_at(const chart_uset_t *u, int i);
int chart_uset_n(const chart_uset_t *u);

/* Values of one table as a rows x cols matrix, with optional intervals. */
typedef struct {
    chart_uset_t rows, cols;
    GHashTable *cells; /* "row\037col" -> row index + 1 in the table */
    const clout_table_t *t;
    int c_val, c_lo, c_hi;
} chart_matrix_t;

typedef struct {
    const char *what;                /* the table's role, for messages: "shares", "balance" */
    const char *rowkey;              /* column naming the rows: "focus" */
    const char *colkey;              /* column naming the columns ("pole"), or NULL: one column */
    const char *value, *lo, *hi;     /* lo and hi may be NULL or absent */
    const char *filter, *filter_val; /* keep rows whose filter column is filter_val */
} chart_matrix_spec_t;

/* Reads t as sp says.  A missing column, a text value column or no rows
 * is CLOUT_EUSAGE.  Release m whatever it returns. */
clout_status_t chart_matrix_read(chart_matrix_t *m, const clout_table_t *t,
                                 const chart_matrix_spec_t *sp, clout_error_t *err);
void chart_matrix_release(chart_matrix_t *m);
/* The value (which 0), lo (-1) or hi (1) of a cell; NAN when absent. */
double chart_cell(const chart_matrix_t *m, const char *r, const char *c, int which);
/* The column called name, or CLOUT_EUSAGE naming the table (what). */
clout_status_t chart_need_col(const clout_table_t *t, const char *what, const char *name, int *c,
                              clout_error_t *err);
/* The poles to show: opts->poles that the table has, else the table's
 * order; "other" is left out. */
void chart_pole_order(chart_uset_t *out, const chart_matrix_t *m, const clout_chart_opts_t *o);
/* What a row is called: its display name, or its id where space is short. */
const char *chart_disp(const clout_chart_opts_t *o, const char *id, bool ids);
/* The widest row name. */
double chart_max_name_w(const chart_uset_t *set, const clout_chart_opts_t *o, bool ids);

#endif
