/* chart-slope.c: the change between two snapshots, of balance or of a measure's rank. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"

#define SLOPE_TOP 15
/* Two columns joined by lines read well closer together than a plot. */
#define SLOPE_MIN_PLOT 56.0

typedef struct {
    const char *id;
    const char *name;
    double a, b;   /* balance, or rank */
    double va, vb; /* the measure's values (rank charts) */
    clout_rgba_t color;
} slope_t;

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

/* ---- balance: a line per focus actor of either table ---- */

static clout_status_t balance_rows(const clout_table_t *a, const clout_table_t *b,
                                   const clout_chart_opts_t *o, GArray *rows, clout_error_t *err)
{
    chart_matrix_spec_t sp = {"balance", "focus", NULL,    "balance",
                              NULL,      NULL,    "layer", chart_layer_of(o)};
    chart_matrix_t m[2];
    clout_status_t st = chart_matrix_read(&m[0], a, &sp, err);
    int n_read = 1;
    if (!st) {
        st = chart_matrix_read(&m[1], b, &sp, err);
        n_read = 2;
    }
    if (!st) {
        chart_uset_t ids;
        chart_uset_init(&ids);
        for (int k = 0; k < 2; k++)
            for (int r = 0; r < chart_uset_n(&m[k].rows); r++)
                chart_uset_add(&ids, chart_uset_at(&m[k].rows, r));
        for (int i = 0; i < chart_uset_n(&ids); i++) {
            const char *id = chart_uset_at(&ids, i);
            slope_t sl = {id,
                          chart_name_of(o, id),
                          chart_cell(&m[0], id, NULL, 0),
                          chart_cell(&m[1], id, NULL, 0),
                          NAN,
                          NAN,
                          chart_series_color(i)};
            g_array_append_val(rows, sl);
        }
        chart_uset_release(&ids);
    }
    for (int k = 0; k < n_read; k++)
        chart_matrix_release(&m[k]);
    return st;
}

/* ---- ranks of a measure ---- */

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

/* The columns of a measures table: id, the measure, and name and role
 * where it has them. */
typedef struct {
    const clout_table_t *t;
    int id, v, name, role;
} mcols_t;

static clout_status_t measure_cols(mcols_t *c, const clout_table_t *t, const char *measure,
                                   clout_error_t *err)
{
    c->t = t;
    clout_status_t st = chart_need_col(t, "measures", "id", &c->id, err);
    if (!st)
        st = chart_need_col(t, "measures", measure, &c->v, err);
    if (!st && clout_table_column_type(t, c->v) == CLOUT_COL_STR)
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                             "chart: slope --of: '%s' is not a numeric measure", measure);
    c->name = clout_table_column(t, "name");
    c->role = clout_table_column(t, "role");
    return st;
}

/* The actors of a rank chart: opts->actors, else those whose role is focus
 * or pole, else the SLOPE_TOP best ranked in either snapshot. */
static void rank_ids(const mcols_t *c, const clout_chart_opts_t *o, chart_uset_t *ids)
{
    if (o && o->actors) {
        for (int i = 0; o->actors[i]; i++)
            if (row_of(c[0].t, c[0].id, o->actors[i]) >= 0 ||
                row_of(c[1].t, c[1].id, o->actors[i]) >= 0)
                chart_uset_add(ids, o->actors[i]);
        return;
    }
    for (int k = 0; k < 2; k++)
        for (int r = 0; c[k].role >= 0 && r < clout_table_n_rows(c[k].t); r++) {
            const char *role = clout_table_get_str(c[k].t, r, c[k].role);
            const char *id = clout_table_get_str(c[k].t, r, c[k].id);
            if (id && role && (strcmp(role, "focus") == 0 || strcmp(role, "pole") == 0))
                chart_uset_add(ids, id);
        }
    if (chart_uset_n(ids) > 0)
        return;
    for (int k = 0; k < 2; k++)
        for (int r = 0; r < clout_table_n_rows(c[k].t); r++) {
            const char *id = clout_table_get_str(c[k].t, r, c[k].id);
            double v = clout_table_get_num(c[k].t, r, c[k].v);
            if (id && rank_of(c[k].t, c[k].v, v) <= SLOPE_TOP)
                chart_uset_add(ids, id);
        }
}

/* Actor id's ranks, values and name in the two tables; true when it is a
 * pole in either. */
static bool rank_row(const mcols_t *c, const char *id, slope_t *sl)
{
    *sl = (slope_t){id, NULL, NAN, NAN, NAN, NAN, CHART_AXIS};
    bool pole = false;
    for (int k = 0; k < 2; k++) {
        int r = row_of(c[k].t, c[k].id, id);
        if (r < 0)
            continue;
        double v = clout_table_get_num(c[k].t, r, c[k].v);
        *(k ? &sl->vb : &sl->va) = v;
        *(k ? &sl->b : &sl->a) = rank_of(c[k].t, c[k].v, v);
        if (!sl->name && c[k].name >= 0)
            sl->name = clout_table_get_str(c[k].t, r, c[k].name);
        const char *role = c[k].role >= 0 ? clout_table_get_str(c[k].t, r, c[k].role) : NULL;
        pole = pole || (role && strcmp(role, "pole") == 0);
    }
    return pole;
}

static clout_status_t rank_rows(const clout_table_t *ta, const clout_table_t *tb,
                                const clout_chart_opts_t *o, const char *measure, GArray *rows,
                                clout_error_t *err)
{
    mcols_t c[2];
    clout_status_t st = measure_cols(&c[0], ta, measure, err);
    if (!st)
        st = measure_cols(&c[1], tb, measure, err);
    if (st)
        return st;
    chart_uset_t ids;
    chart_uset_init(&ids);
    rank_ids(c, o, &ids);
    int pole_i = 0;
    for (int i = 0; i < chart_uset_n(&ids); i++) {
        slope_t sl;
        /* Poles in their colours (as in the shares chart), the rest in grey. */
        if (rank_row(c, chart_uset_at(&ids, i), &sl)) {
            int pi = -1;
            for (int k = 0; o && o->poles && o->poles[k]; k++)
                if (strcmp(o->poles[k], sl.id) == 0)
                    pi = k;
            sl.color = chart_pole_color(pi >= 0 ? pi : pole_i);
            pole_i++;
        }
        const char *dn = chart_name_of(o, sl.id);
        if (dn != sl.id || !sl.name)
            sl.name = dn;
        g_array_append_val(rows, sl);
    }
    chart_uset_release(&ids);
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

/* The labels of both columns: the value (or rank) in a column of its own
 * next to the points, so that values line up, and the name beyond it. */
typedef struct {
    const char *font; /* of every text (opts->font) */
    char **v[2];      /* by row: the value in a, in b */
    double vw[2];     /* the widest value of each column */
    double name_w;    /* the widest name (or id, with ids) */
    bool ids;         /* ids where the page is too narrow for names */
    double x[2];      /* the columns */
    double lh;        /* a label's height */
    double top, ph;   /* the plot's top and height */
    chart_scale_t sy; /* balance or rank to y */
    /* The y axis at axis_x0: nyt ticks yt, labelled by yfmt, and its title. */
    double axis_x0;
    double yt[10];
    int nyt;
    chart_tick_fmt_t yfmt;
    char *ytitle;
} labels_t;

static void measure_labels(labels_t *lb, const GArray *rows, const char *measure, double *id_w)
{
    int n = (int)rows->len;
    lb->v[0] = g_new0(char *, n + 1);
    lb->v[1] = g_new0(char *, n + 1);
    *id_w = 0;
    for (int i = 0; i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        for (int k = 0; k < 2; k++) {
            double v = k ? sl->b : sl->a;
            lb->v[k][i] = measure ? fmt_rank(v) : chart_fmt_signed(v, 2);
            if (isfinite(v))
                lb->vw[k] = fmax(lb->vw[k], text_w(lb->font, lb->v[k][i], SZ_LABEL, false));
        }
        lb->name_w = fmax(lb->name_w, text_w(lb->font, sl->name, SZ_LABEL, false));
        *id_w = fmax(*id_w, text_w(lb->font, sl->id, SZ_LABEL, false));
    }
}

static double max_rank_of(const GArray *rows)
{
    double max_rank = 1;
    for (guint i = 0; i < rows->len; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        if (isfinite(sl->a))
            max_rank = fmax(max_rank, sl->a);
        if (isfinite(sl->b))
            max_rank = fmax(max_rank, sl->b);
    }
    return max_rank;
}

/* The y of each row's label in column k (a: 0, b: 1): at its point, moved
 * apart where labels would touch, within [top, bottom]. */
static double *label_ys(const GArray *rows, const labels_t *lb, int k, double top, double bottom)
{
    int n = (int)rows->len, m = 0;
    double *ly = g_new(double, MAX(n, 1)), *y = g_new(double, MAX(n, 1));
    int *row = g_new(int, MAX(n, 1));
    for (int i = 0; i < n; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        double v = k ? sl->b : sl->a;
        ly[i] = NAN;
        if (isfinite(v)) {
            row[m] = i;
            y[m++] = chart_at(&lb->sy, v);
        }
    }
    dodge(y, m, lb->lh + 1, top, bottom);
    for (int j = 0; j < m; j++)
        ly[row[j]] = y[j];
    g_free(y);
    g_free(row);
    return ly;
}

/* Row i's end in column k: the point at py, its label at ly (a leader line
 * when they are apart), on a white backing that hides grid lines. */
static void draw_end(clout_scene_t *s, const labels_t *lb, const slope_t *sl, int i, int k,
                     double py, double ly)
{
    double x = lb->x[k], lh = lb->lh;
    clout_scene_circle(s, x, py, 2.5, &sl->color, &CHART_WHITE, 0.6);
    double tx = k ? x + 8 : x - 8;
    if (fabs(ly - py) > 1.5) {
        double lead[4] = {k ? x + 3 : x - 3, py, k ? tx - 1 : tx + 1, ly};
        clout_scene_line(s, lead, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
    const char *nm = lb->ids ? sl->id : sl->name;
    double nw = text_w(s->font, nm, SZ_LABEL, false), vw = lb->vw[k];
    double bx0 = k ? tx - 1 : tx - vw - 5 - nw - 1;
    clout_scene_rect(s, bx0, ly - lh / 2, vw + 5 + nw + 2, lh, &CHART_WHITE, NULL, 0);
    double vx = k ? tx + vw : tx, nx = k ? tx + vw + 5 : tx - vw - 5;
    clout_scene_text(s, vx, ly, lb->v[k][i], SZ_LABEL, false, &CHART_INK, CLOUT_HALIGN_RIGHT,
                     CLOUT_VALIGN_MIDDLE, 0);
    clout_scene_text(s, nx, ly, nm, SZ_LABEL, false, &CHART_INK,
                     k ? CLOUT_HALIGN_LEFT : CLOUT_HALIGN_RIGHT, CLOUT_VALIGN_MIDDLE, 0);
}

static void draw_slopes(clout_scene_t *s, const GArray *rows, const labels_t *lb)
{
    double top = lb->top, ph = lb->ph;
    double *ly[2] = {label_ys(rows, lb, 0, top, top + ph), label_ys(rows, lb, 1, top, top + ph)};
    for (int i = 0; i < (int)rows->len; i++) {
        const slope_t *sl = &g_array_index(rows, slope_t, i);
        cl_scene_groupf(s, "slope %s", sl->id);
        if (isfinite(sl->a) && isfinite(sl->b)) {
            double l[4] = {lb->x[0], chart_at(&lb->sy, sl->a), lb->x[1], chart_at(&lb->sy, sl->b)};
            clout_scene_line(s, l, 2, &sl->color, 1.5, NULL, 0, false);
        }
        for (int k = 0; k < 2; k++) {
            double v = k ? sl->b : sl->a;
            if (isfinite(v))
                draw_end(s, lb, sl, i, k, chart_at(&lb->sy, v), ly[k][i]);
        }
    }
    g_free(ly[0]);
    g_free(ly[1]);
}

/* The column heads at y, the y axis and its title, the grid and, for
 * balance, the zero line, and the columns' lines.  The grid and the zero
 * line run from one column to the other only: beyond the columns are the
 * labels, which no line may cross (tests/cli/figures.sh checks). */
static void draw_columns(clout_scene_t *s, const labels_t *lb, const char *label_a,
                         const char *label_b, double y, bool balance)
{
    double top = lb->top, ph = lb->ph;
    clout_scene_group(s, "columns");
    clout_scene_text(s, lb->x[0], y, label_a, SZ_LABEL, true, &CHART_INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 0);
    clout_scene_text(s, lb->x[1], y, label_b, SZ_LABEL, true, &CHART_INK, CLOUT_HALIGN_CENTER,
                     CLOUT_VALIGN_TOP, 0);
    chart_axis_y(s, &lb->sy, lb->axis_x0, lb->yt, lb->nyt, lb->yfmt, lb->axis_x0);
    chart_y_title(s, lb->ytitle, top + ph / 2);
    clout_scene_group(s, "grid");
    for (int i = 0; i < lb->nyt; i++) {
        double gy = chart_at(&lb->sy, lb->yt[i]), g[4] = {lb->x[0], gy, lb->x[1], gy};
        if (balance && lb->yt[i] == 0)
            chart_zero_line(s, lb->x[0], gy, lb->x[1], gy);
        else
            clout_scene_line(s, g, 2, &CHART_GRID, 0.5, NULL, 0, false);
    }
    clout_scene_group(s, "column-lines");
    for (int k = 0; k < 2; k++) {
        double l[4] = {lb->x[k], top, lb->x[k], top + ph};
        clout_scene_line(s, l, 2, &CHART_AXIS, 0.6, NULL, 0, false);
    }
}

/* The y axis's ticks and title. */
static void y_axis(labels_t *lb, const GArray *rows, const clout_chart_opts_t *opts,
                   const char *measure, double *max_rank)
{
    *max_rank = measure ? max_rank_of(rows) : 1;
    lb->nyt = measure ? rank_ticks(*max_rank, lb->yt) : 5;
    if (!measure)
        memcpy(lb->yt, CHART_TICKS_BALANCE, sizeof CHART_TICKS_BALANCE);
    lb->yfmt = measure ? fmt_rank : chart_fmt_tick_signed;
    const char *pa, *pb;
    chart_balance_poles(opts, &pa, &pb);
    lb->ytitle = measure ? g_strdup_printf("Rank by %s (1 = highest)", measure)
                         : g_strdup_printf("Balance B (\u22121 all %s, +1 all %s)", pa, pb);
    lb->axis_x0 = MARGIN + text_h(lb->font, SZ_LABEL, false) + 4 +
                  chart_ticks_w(lb->font, lb->yt, lb->nyt, lb->yfmt) + TICK_LEN + 2;
}

static char *default_title(const clout_chart_opts_t *opts, const char *measure, const char *label_a,
                           const char *label_b)
{
    if (measure)
        return g_strdup_printf("Rank by %s, %s and %s", measure, label_a, label_b);
    const char *pa, *pb;
    chart_balance_poles(opts, &pa, &pb);
    char *lp = chart_layer_phrase(chart_layer_of(opts));
    char *t = g_strdup_printf("Balance of influence, %s versus %s, %s, %s and %s", pa, pb, lp,
                              label_a, label_b);
    g_free(lp);
    return t;
}

clout_status_t clout_chart_slope(const clout_table_t *a, const clout_table_t *b,
                                 const char *label_a, const char *label_b, clout_scene_t **out,
                                 const clout_chart_opts_t *opts, clout_error_t *err)
{
    *out = NULL;
    if (clout_font_check(chart_font_of(opts), err))
        return CLOUT_EUSAGE;
    const char *measure = opts && opts->of && strcmp(opts->of, "balance") != 0 ? opts->of : NULL;
    label_a = label_a ? label_a : "A";
    label_b = label_b ? label_b : "B";
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(slope_t));
    clout_status_t st =
        measure ? rank_rows(a, b, opts, measure, rows, err) : balance_rows(a, b, opts, rows, err);
    chart_frame_t f = {0};
    labels_t lb = {.font = chart_font_of(opts)};
    if (st)
        goto done;
    char *dflt = default_title(opts, measure, label_a, label_b);
    chart_frame_init(&f, opts, dflt);
    g_free(dflt);

    int n = (int)rows->len;
    double id_w, max_rank;
    measure_labels(&lb, rows, measure, &id_w);
    y_axis(&lb, rows, opts, measure, &max_rank);
    double ytitle_w = text_w(f.font, lb.ytitle, SZ_LABEL, false);
    double lh = lb.lh = text_h(f.font, SZ_LABEL, false);
    double axis_x0 = lb.axis_x0, vwa = lb.vw[0], vwb = lb.vw[1];
    /* Names, or ids where the page is too narrow for names on both sides. */
    lb.ids = f.W - MARGIN - 2 * (lb.name_w + 5 + 8) - vwa - vwb - (axis_x0 + 10) < MIN_PLOT;
    if (lb.ids)
        lb.name_w = id_w;
    double xa = axis_x0 + 10 + lb.name_w + 5 + vwa + 8, xb = f.W - MARGIN - lb.name_w - 5 - vwb - 8;
    lb.x[0] = xa;
    lb.x[1] = xb;
    double head_h = text_h(f.font, SZ_LABEL, true) + 6;
    double fixed = chart_frame_top(&f) + head_h + lh + chart_frame_bottom(&f);
    if (xb - xa < SLOPE_MIN_PLOT) {
        st = chart_too_narrow(err, f.W, SLOPE_MIN_PLOT - (xb - xa));
    } else {
        double need = fmax(n * (lh + 1), ytitle_w + 10);
        double natural = fmax(need, measure ? fmin(fmax(max_rank * (lh + 2), 160), 400) : 220);
        st = chart_plot_height(opts, fixed, natural, need, &lb.ph, err);
    }
    if (st)
        goto done;

    double y = chart_frame_begin(&f, fixed + lb.ph);
    double top = lb.top = y + head_h + lh / 2;
    lb.sy = measure ? (chart_scale_t){top, top + lb.ph, 1, fmax(max_rank, 2)}
                    : (chart_scale_t){top + lb.ph, top, -1, 1};
    draw_columns(f.s, &lb, label_a, label_b, y, !measure);
    draw_slopes(f.s, rows, &lb);
    *out = chart_frame_take(&f);
done:
    chart_frame_release(&f);
    g_strfreev(lb.v[0]);
    g_strfreev(lb.v[1]);
    g_free(lb.ytitle);
    g_array_free(rows, TRUE);
    return st;
}
