/* test-chart.c: unit tests of render/chart-*.c on hand-built influence and measure tables. */
#include <config.h>

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clout.h>
#include "../../render/render.h"

/*
 * The tables below are written by hand, so every expected position is known
 * from the numbers in them: a bar segment's width is its share of the axis
 * from "0%" to "100%", a dot's x is its balance on the axis from "−1" to
 * "+1".  Axis ends are read from the tick labels' anchors, which is how a
 * reader of the figure finds them too.
 */

#define MINUS "\u2212"
#define SZ_TEST 9.5 /* the charts' title size */

/* ---- hand-built tables ---- */

/* shares: focus x {RUS, CHN, other} x {security, all}. */
static const char *const FOCUS[] = {"AAA", "BBB", "CCC"};
static const char *const POLES[] = {"RUS", "CHN", "other"};
static const double DIRECT_ALL[3][3] = {{0.5, 0.3, 0.2}, {0.1, 0.6, 0.3}, {0, 0.25, 0.75}};
static const double DIRECT_SEC[3][3] = {{0.8, 0.2, 0}, {0.4, 0.4, 0.2}, {0.05, 0.05, 0.9}};
static const double INDEX_ALL[3][2] = {{0.4, 0.2}, {0.15, 0.55}, {0.0, 1.0}};

static clout_table_t *shares_table(void)
{
    clout_table_t *t = clout_table_new("shares");
    const char *cols[] = {"focus",     "pole",      "layer", "direct",   "reach",
                          "brokerage", "alignment", "index", "index_lo", "index_hi"};
    for (int c = 0; c < 10; c++)
        clout_table_add_column(t, cols[c], c < 3 ? CLOUT_COL_STR : CLOUT_COL_NUM);
    for (int f = 0; f < 3; f++)
        for (int l = 0; l < 2; l++)
            for (int p = 0; p < 3; p++) {
                int r = clout_table_add_row(t);
                clout_table_set_str(t, r, 0, FOCUS[f]);
                clout_table_set_str(t, r, 1, POLES[p]);
                clout_table_set_str(t, r, 2, l ? "all" : "security");
                clout_table_set_num(t, r, 3, l ? DIRECT_ALL[f][p] : DIRECT_SEC[f][p]);
                if (p < 2) {
                    double ix = l ? INDEX_ALL[f][p] : 0.5;
                    clout_table_set_num(t, r, 4, 0.5);
                    clout_table_set_num(t, r, 5, 0);
                    clout_table_set_num(t, r, 6, 1);
                    clout_table_set_num(t, r, 7, ix);
                    clout_table_set_num(t, r, 8, fmax(0, ix - 0.1));
                    clout_table_set_num(t, r, 9, fmin(1, ix + 0.1));
                }
            }
    return t;
}

/* balance: four focus actors in table order AAA..DDD, one layer "all" and
 * a "security" layer; sorted by balance they are DDD, BBB, AAA, CCC. */
static const char *const BFOCUS[] = {"AAA", "BBB", "CCC", "DDD"};
static const double BAL[4] = {0.5, -0.25, 1.0, -0.75};
static const double BAL_LO[4] = {0.2, -0.5, 0.6, -1.0};
static const double BAL_HI[4] = {0.7, 0.1, 1.0, -0.4};

static clout_table_t *balance_table(bool intervals, double shift)
{
    clout_table_t *t = clout_table_new("balance");
    const char *cols[] = {"focus", "layer", "balance", "balance_lo", "balance_hi", "leading_pole"};
    for (int c = 0; c < 6; c++)
        clout_table_add_column(t, cols[c], c < 2 || c == 5 ? CLOUT_COL_STR : CLOUT_COL_NUM);
    for (int f = 0; f < 4; f++)
        for (int l = 0; l < 2; l++) {
            int r = clout_table_add_row(t);
            clout_table_set_str(t, r, 0, BFOCUS[f]);
            clout_table_set_str(t, r, 1, l ? "all" : "security");
            double b = l ? BAL[f] : -BAL[f];
            clout_table_set_num(t, r, 2, fmax(-1, fmin(1, b + shift)));
            if (intervals) {
                double lo = l ? BAL_LO[f] : -BAL_HI[f], hi = l ? BAL_HI[f] : -BAL_LO[f];
                clout_table_set_num(t, r, 3, fmax(-1, fmin(1, lo + shift)));
                clout_table_set_num(t, r, 4, fmax(-1, fmin(1, hi + shift)));
            }
            clout_table_set_str(t, r, 5, b < 0 ? "RUS" : "CHN");
        }
    return t;
}

/* measures: six actors; two poles, three focus, one bloc. */
static clout_table_t *measures_table(const double *pagerank)
{
    static const char *ids[] = {"RUS", "CHN", "AAA", "BBB", "CCC", "BLOC"};
    static const char *names[] = {"Russia", "China", "Aland", "Bland", "Cland", "A Bloc"};
    static const char *roles[] = {"pole", "pole", "focus", "focus", "focus", ""};
    clout_table_t *t = clout_table_new("measures");
    clout_table_add_column(t, "id", CLOUT_COL_STR);
    clout_table_add_column(t, "name", CLOUT_COL_STR);
    clout_table_add_column(t, "role", CLOUT_COL_STR);
    clout_table_add_column(t, "pagerank", CLOUT_COL_NUM);
    for (int i = 0; i < 6; i++) {
        int r = clout_table_add_row(t);
        clout_table_set_str(t, r, 0, ids[i]);
        clout_table_set_str(t, r, 1, names[i]);
        clout_table_set_str(t, r, 2, roles[i]);
        clout_table_set_num(t, r, 3, pagerank[i]);
    }
    return t;
}

static const double PR_A[6] = {0.30, 0.20, 0.10, 0.15, 0.05, 0.20}; /* ranks 1 2 5 4 6 2 */
static const double PR_B[6] = {0.10, 0.40, 0.20, 0.05, 0.15, 0.10}; /* ranks 4 1 2 6 3 4 */

static char *POLE_IDS[] = {"RUS", "CHN", NULL};
static char *NAMES[] = {"RUS",   "Russia", "CHN",   "China", "AAA",   "Aland", "BBB",
                        "Bland", "CCC",    "Cland", "DDD",   "Dland", NULL};

static clout_chart_opts_t base_opts(void)
{
    clout_chart_opts_t o;
    clout_chart_opts_init(&o);
    o.poles = POLE_IDS;
    o.names = NAMES;
    o.snapshot = "2023";
    o.source = "Source: hand-made tables; clout influence, doc/methods.md.";
    return o;
}

/* ---- walking a scene ---- */

static const char *group_at(const clout_scene_t *s, guint i)
{
    const char *g = "";
    for (guint k = 0; k <= i; k++) {
        const scene_item_t *it = g_ptr_array_index(s->items, k);
        if (it->kind == ITEM_GROUP)
            g = it->text;
    }
    return g;
}

/* The n-th item of kind in group (n from 0), or NULL. */
static const scene_item_t *find(const clout_scene_t *s, const char *group, item_kind_t kind, int n)
{
    const char *g = "";
    for (guint i = 0; i < s->items->len; i++) {
        const scene_item_t *it = g_ptr_array_index(s->items, i);
        if (it->kind == ITEM_GROUP) {
            g = it->text;
            continue;
        }
        if (strcmp(g, group) == 0 && it->kind == kind && n-- == 0)
            return it;
    }
    return NULL;
}

static int count(const clout_scene_t *s, const char *group, item_kind_t kind)
{
    int n = 0;
    while (find(s, group, kind, n))
        n++;
    return n;
}

/* The anchor x of the text in group whose string is text. */
static const scene_item_t *find_text(const clout_scene_t *s, const char *group, const char *text)
{
    for (int n = 0;; n++) {
        const scene_item_t *it = find(s, group, ITEM_TEXT, n);
        if (!it)
            return NULL;
        if (strcmp(it->text, text) == 0)
            return it;
    }
}

static void assert_color(const clout_rgba_t *a, clout_rgba_t b)
{
    g_assert_cmpfloat_with_epsilon(a->r, b.r, 1e-9);
    g_assert_cmpfloat_with_epsilon(a->g, b.g, 1e-9);
    g_assert_cmpfloat_with_epsilon(a->b, b.b, 1e-9);
    g_assert_cmpfloat_with_epsilon(a->a, b.a, 1e-9);
}

/* The box a text covers on the page, rotation included. */
static void text_box(const scene_item_t *it, double *x0, double *y0, double *x1, double *y1)
{
    double w, h;
    clout_text_extent(it->text, &w, &h, it->size, it->bold);
    double dx = it->ha == CLOUT_HALIGN_LEFT ? 0 : it->ha == CLOUT_HALIGN_CENTER ? -w / 2 : -w;
    double dy = it->va == CLOUT_VALIGN_TOP ? 0 : it->va == CLOUT_VALIGN_MIDDLE ? -h / 2 : -h;
    double t = -it->angle * G_PI / 180, c = cos(t), sn = sin(t);
    *x0 = *y0 = INFINITY;
    *x1 = *y1 = -INFINITY;
    for (int k = 0; k < 4; k++) {
        double u = dx + (k & 1 ? w : 0), v = dy + (k & 2 ? h : 0);
        double x = it->x + u * c - v * sn, y = it->y + u * sn + v * c;
        *x0 = fmin(*x0, x);
        *x1 = fmax(*x1, x);
        *y0 = fmin(*y0, y);
        *y1 = fmax(*y1, y);
    }
}

/* Nothing leaves the page, and no two texts overlap. */
static void assert_fits(const clout_scene_t *s)
{
    const double W = clout_scene_width(s), H = clout_scene_height(s), eps = 0.01;
    GArray *boxes = g_array_new(FALSE, FALSE, sizeof(double) * 4);
    GPtrArray *texts = g_ptr_array_new();
    for (guint i = 0; i < s->items->len; i++) {
        const scene_item_t *it = g_ptr_array_index(s->items, i);
        double b[4] = {0, 0, 0, 0};
        switch (it->kind) {
        case ITEM_GROUP: continue;
        case ITEM_TEXT:
            text_box(it, &b[0], &b[1], &b[2], &b[3]);
            if (*it->text) {
                g_array_append_val(boxes, b);
                g_ptr_array_add(texts, it->text);
            }
            break;
        case ITEM_CIRCLE:
            b[0] = it->x - it->w;
            b[1] = it->y - it->w;
            b[2] = it->x + it->w;
            b[3] = it->y + it->w;
            break;
        case ITEM_RECT:
            b[0] = fmin(it->x, it->x + it->w);
            b[1] = fmin(it->y, it->y + it->h);
            b[2] = fmax(it->x, it->x + it->w);
            b[3] = fmax(it->y, it->y + it->h);
            break;
        case ITEM_LINE:
        case ITEM_POLYGON:
            b[0] = b[1] = INFINITY;
            b[2] = b[3] = -INFINITY;
            for (int k = 0; k < it->n; k++) {
                b[0] = fmin(b[0], it->xy[2 * k]);
                b[2] = fmax(b[2], it->xy[2 * k]);
                b[1] = fmin(b[1], it->xy[2 * k + 1]);
                b[3] = fmax(b[3], it->xy[2 * k + 1]);
            }
            break;
        }
        if (b[0] < -eps || b[1] < -eps || b[2] > W + eps || b[3] > H + eps) {
            g_test_message("item %u (group '%s', text '%s') at [%.1f,%.1f]-[%.1f,%.1f] leaves "
                           "the %.1f x %.1f page",
                           i, group_at(s, i), it->text ? it->text : "", b[0], b[1], b[2], b[3], W,
                           H);
            g_test_fail();
        }
    }
    /* Text boxes include Pango's line spacing, so touching boxes are fine;
     * overlapping by more than half a point is not. */
    for (guint i = 0; i < boxes->len; i++)
        for (guint k = i + 1; k < boxes->len; k++) {
            const double *a = &g_array_index(boxes, double, 4 * i);
            const double *b = &g_array_index(boxes, double, 4 * k);
            double ox = fmin(a[2], b[2]) - fmax(a[0], b[0]);
            double oy = fmin(a[3], b[3]) - fmax(a[1], b[1]);
            if (ox > 0.5 && oy > 0.5) {
                g_test_message("texts '%s' and '%s' overlap by %.1f x %.1f pt",
                               (char *)g_ptr_array_index(texts, i),
                               (char *)g_ptr_array_index(texts, k), ox, oy);
                g_test_fail();
            }
        }
    g_array_free(boxes, TRUE);
    g_ptr_array_free(texts, TRUE);
}

static char *dump(const clout_scene_t *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    g_assert_nonnull(f);
    clout_scene_dump(s, f);
    fclose(f);
    return buf;
}

/* ---- shares ---- */

static void check_bars(const clout_scene_t *s, const double (*direct)[3])
{
    const scene_item_t *t0 = find_text(s, "x-axis", "0%"), *t1 = find_text(s, "x-axis", "100%");
    g_assert_nonnull(t0);
    g_assert_nonnull(t1);
    double x0 = t0->x, span = t1->x - t0->x;
    g_assert_cmpfloat(span, >, 100);
    for (int f = 0; f < 3; f++) {
        char *g = g_strdup_printf("bar %s", FOCUS[f]);
        double x = x0, sum = 0;
        int k = 0;
        for (int p = 0; p < 3; p++) {
            if (direct[f][p] <= 0)
                continue;
            const scene_item_t *r = find(s, g, ITEM_RECT, k++);
            g_assert_nonnull(r);
            /* Segments are contiguous, in pole order, as wide as the share. */
            g_assert_cmpfloat_with_epsilon(r->x, x, 1e-6);
            g_assert_cmpfloat_with_epsilon(r->w / span, direct[f][p], 1e-6);
            assert_color(&r->fill,
                         p == 2 ? cl_color_hex("#d9d9d9") : clout_color_category(p == 0 ? 4 : 5));
            x += r->w;
            sum += r->w;
        }
        g_assert_null(find(s, g, ITEM_RECT, k));
        /* The shares of each focus actor sum to 1: its bar fills the axis. */
        g_assert_cmpfloat_with_epsilon(sum, span, 1e-6);
        g_free(g);
    }
}

static void test_shares_bars(void)
{
    clout_table_t *t = shares_table();
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_shares(t, &s, &o, err), ==, CLOUT_OK);
    check_bars(s, DIRECT_ALL);
    /* The key names the poles in order, "other" last, by display name. */
    g_assert_nonnull(find_text(s, "key", "Russia"));
    g_assert_nonnull(find_text(s, "key", "China"));
    g_assert_nonnull(find_text(s, "key", "other"));
    g_assert_cmpfloat(find_text(s, "key", "Russia")->x, <, find_text(s, "key", "China")->x);
    g_assert_cmpfloat(find_text(s, "key", "China")->x, <, find_text(s, "key", "other")->x);
    /* Percentages printed in segments wide enough for them. */
    g_assert_nonnull(find_text(s, "bar AAA", "50%"));
    g_assert_nonnull(find_text(s, "bar CCC", "75%"));
    /* Bars top to bottom in table order. */
    g_assert_cmpfloat(find(s, "bar AAA", ITEM_RECT, 0)->y, <, find(s, "bar BBB", ITEM_RECT, 0)->y);
    g_assert_cmpfloat(find(s, "bar BBB", ITEM_RECT, 0)->y, <, find(s, "bar CCC", ITEM_RECT, 0)->y);
    g_assert_nonnull(find_text(s, "title",
                               "Each pole's direct share of what each focus actor depends "
                               "on, all layers, 2023"));
    g_assert_nonnull(find(s, "source", ITEM_TEXT, 0));
    assert_fits(s);
    clout_scene_free(s);

    o.layer = "security";
    g_assert_cmpint(clout_chart_shares(t, &s, &o, err), ==, CLOUT_OK);
    check_bars(s, DIRECT_SEC);
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);
    clout_error_free(err);
}

/* ---- balance ---- */

static void test_balance_dots(void)
{
    clout_table_t *t = balance_table(true, 0);
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_balance(t, &s, &o, err), ==, CLOUT_OK);
    const scene_item_t *lo = find_text(s, "x-axis", MINUS "1"), *hi = find_text(s, "x-axis", "+1");
    g_assert_nonnull(lo);
    g_assert_nonnull(hi);
    g_assert_nonnull(find_text(s, "x-axis", "0"));
    double xm1 = lo->x, xp1 = hi->x;
#define XB(b) (xm1 + ((b) + 1.0) / 2 * (xp1 - xm1))
    static const int sorted[4] = {3, 1, 0, 2}; /* DDD BBB AAA CCC */
    double prev_y = -1;
    for (int k = 0; k < 4; k++) {
        int f = sorted[k];
        char *g = g_strdup_printf("dot %s", BFOCUS[f]);
        const scene_item_t *c = find(s, g, ITEM_CIRCLE, 0);
        g_assert_nonnull(c);
        g_assert_cmpfloat_with_epsilon(c->x, XB(BAL[f]), 1e-6);
        g_assert_cmpfloat(c->y, >, prev_y); /* sorted by balance, top down */
        prev_y = c->y;
        assert_color(&c->fill, clout_color_balance(BAL[f]));
        /* The interval: a bar from lo to hi at the dot's height, then caps. */
        const scene_item_t *bar = find(s, g, ITEM_LINE, 0);
        g_assert_nonnull(bar);
        g_assert_cmpfloat_with_epsilon(bar->xy[0], XB(BAL_LO[f]), 1e-6);
        g_assert_cmpfloat_with_epsilon(bar->xy[2], XB(BAL_HI[f]), 1e-6);
        g_assert_cmpfloat_with_epsilon(bar->xy[1], c->y, 1e-9);
        g_assert_cmpint(count(s, g, ITEM_LINE), ==, 3);
        /* The name on the left, the values on the right. */
        const char *names[] = {"Aland", "Bland", "Cland", "Dland"};
        g_assert_nonnull(find_text(s, g, names[f]));
        g_free(g);
    }
    g_assert_nonnull(find_text(s, "dot DDD", MINUS "0.75 (" MINUS "1.00, " MINUS "0.40)"));
    g_assert_nonnull(find_text(s, "dot AAA", "+0.50 (+0.20, +0.70)"));
    /* The zero line, and the poles named at the axis ends. */
    const scene_item_t *zero = find(s, "grid", ITEM_LINE, 2);
    g_assert_nonnull(zero);
    g_assert_cmpint(zero->n_dash, ==, 2);
    g_assert_cmpfloat_with_epsilon(zero->xy[0], XB(0), 1e-6);
    g_assert_nonnull(find_text(s, "x-title", "\u2190 all Russia"));
    g_assert_nonnull(find_text(s, "x-title", "all China \u2192"));
    g_assert_nonnull(find_text(s, "key", "95% bootstrap interval"));
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);

    /* Without intervals: no interval bars, no key entry for them. */
    t = balance_table(false, 0);
    g_assert_cmpint(clout_chart_balance(t, &s, &o, err), ==, CLOUT_OK);
    g_assert_cmpint(count(s, "dot AAA", ITEM_LINE), ==, 0);
    g_assert_null(find_text(s, "key", "95% bootstrap interval"));
    g_assert_nonnull(find_text(s, "dot AAA", "+0.50"));
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);
    clout_error_free(err);
#undef XB
}

/* ---- trend ---- */

static void test_trend_points(void)
{
    clout_table_t *tb[3] = {balance_table(true, -0.2), balance_table(true, 0),
                            balance_table(true, 0.2)};
    int years[3] = {2005, 2014, 2023};
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_trend(tb, years, 3, &s, &o, err), ==, CLOUT_OK);
    const scene_item_t *y0 = find_text(s, "x-axis", "2005"), *y1 = find_text(s, "x-axis", "2023");
    const scene_item_t *m1 = find_text(s, "y-axis", MINUS "1"), *p1 = find_text(s, "y-axis", "+1");
    g_assert_nonnull(y0);
    g_assert_nonnull(y1);
    g_assert_nonnull(m1);
    g_assert_nonnull(p1);
    g_assert_nonnull(find_text(s, "x-axis", "2014"));
    for (int f = 0; f < 4; f++) {
        char *g = g_strdup_printf("points %s", BFOCUS[f]);
        g_assert_cmpint(count(s, g, ITEM_CIRCLE), ==, 3);
        for (int k = 0; k < 3; k++) {
            const scene_item_t *c = find(s, g, ITEM_CIRCLE, k);
            double b = fmax(-1, fmin(1, BAL[f] + (k - 1) * 0.2));
            double x = y0->x + (years[k] - 2005) / 18.0 * (y1->x - y0->x);
            double y = m1->y + (b + 1) / 2 * (p1->y - m1->y);
            g_assert_cmpfloat_with_epsilon(c->x, x, 1e-6);
            g_assert_cmpfloat_with_epsilon(c->y, y, 1e-6);
        }
        g_free(g);
        g = g_strdup_printf("line %s", BFOCUS[f]);
        const scene_item_t *l = find(s, g, ITEM_LINE, 0);
        g_assert_nonnull(l);
        g_assert_cmpint(l->n, ==, 3);
        g_free(g);
        /* Intervals in every snapshot: one ribbon of 6 corners. */
        g = g_strdup_printf("ribbon %s", BFOCUS[f]);
        const scene_item_t *r = find(s, g, ITEM_POLYGON, 0);
        g_assert_nonnull(r);
        g_assert_cmpint(r->n, ==, 6);
        g_assert_cmpfloat(r->fill.a, <, 0.5);
        g_free(g);
    }
    g_assert_nonnull(find_text(s, "key", "Dland"));
    assert_fits(s);
    clout_scene_free(s);

    /* --of a pole: its index over the shares tables, y from 0 to 1. */
    clout_table_t *ts[2] = {shares_table(), shares_table()};
    int y2[2] = {2014, 2023};
    o.of = "CHN";
    g_assert_cmpint(clout_chart_trend(ts, y2, 2, &s, &o, err), ==, CLOUT_OK);
    const scene_item_t *z = find_text(s, "y-axis", "0"), *one = find_text(s, "y-axis", "1");
    g_assert_nonnull(z);
    g_assert_nonnull(one);
    const scene_item_t *c = find(s, "points BBB", ITEM_CIRCLE, 1);
    g_assert_cmpfloat_with_epsilon(c->y, z->y + INDEX_ALL[1][1] * (one->y - z->y), 1e-6);
    g_assert_nonnull(find_text(s, "title", "Influence index of China, all layers, 2014\u20132023"));
    assert_fits(s);
    clout_scene_free(s);

    /* Years must increase; an unknown pole is a usage error. */
    int bad[2] = {2023, 2014};
    g_assert_cmpint(clout_chart_trend(ts, bad, 2, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_null(s);
    o.of = "XXX";
    clout_error_clear(err);
    g_assert_cmpint(clout_chart_trend(ts, y2, 2, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "'XXX'"));
    for (int i = 0; i < 3; i++)
        clout_table_free(tb[i]);
    clout_table_free(ts[0]);
    clout_table_free(ts[1]);
    clout_error_free(err);
}

/* ---- slope ---- */

static void test_slope_balance(void)
{
    clout_table_t *a = balance_table(false, 0), *b = balance_table(false, 0.25);
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_slope(a, b, "2014", "2023", &s, &o, err), ==, CLOUT_OK);
    const scene_item_t *m1 = find_text(s, "y-axis", MINUS "1"), *p1 = find_text(s, "y-axis", "+1");
    g_assert_nonnull(m1);
    g_assert_nonnull(p1);
    const scene_item_t *ha = find_text(s, "columns", "2014"), *hb = find_text(s, "columns", "2023");
    g_assert_nonnull(ha);
    g_assert_nonnull(hb);
    for (int f = 0; f < 4; f++) {
        char *g = g_strdup_printf("slope %s", BFOCUS[f]);
        const scene_item_t *l = find(s, g, ITEM_LINE, 0);
        double ba = BAL[f], bb = fmin(1, BAL[f] + 0.25);
        g_assert_cmpfloat_with_epsilon(l->xy[0], ha->x, 1e-9);
        g_assert_cmpfloat_with_epsilon(l->xy[2], hb->x, 1e-9);
        g_assert_cmpfloat_with_epsilon(l->xy[1], m1->y + (ba + 1) / 2 * (p1->y - m1->y), 1e-6);
        g_assert_cmpfloat_with_epsilon(l->xy[3], m1->y + (bb + 1) / 2 * (p1->y - m1->y), 1e-6);
        g_free(g);
    }
    /* Labelled at both ends: names, and values in their own column. */
    g_assert_nonnull(find_text(s, "slope DDD", MINUS "0.75"));
    g_assert_nonnull(find_text(s, "slope DDD", MINUS "0.50"));
    g_assert_cmpint(count(s, "slope DDD", ITEM_TEXT), ==, 4);
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(a);
    clout_table_free(b);
    clout_error_free(err);
}

static void test_slope_rank(void)
{
    clout_table_t *a = measures_table(PR_A), *b = measures_table(PR_B);
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    o.of = "pagerank";
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_slope(a, b, "2014", "2023", &s, &o, err), ==, CLOUT_OK);
    /* Roles focus and pole are shown; the bloc is not (though it ranks). */
    g_assert_cmpint(count(s, "slope BLOC", ITEM_LINE), ==, 0);
    static const char *ids[] = {"RUS", "CHN", "AAA", "BBB", "CCC"};
    static const int ra[] = {1, 2, 5, 4, 6}, rb[] = {4, 1, 2, 6, 3};
    const scene_item_t *r1 = find_text(s, "y-axis", "1");
    g_assert_nonnull(r1);
    double prev_a = -1;
    for (int i = 0; i < 5; i++) {
        char *g = g_strdup_printf("slope %s", ids[i]);
        char *sa = g_strdup_printf("%d", ra[i]), *sb = g_strdup_printf("%d", rb[i]);
        g_assert_nonnull(find_text(s, g, sa));
        g_assert_nonnull(find_text(s, g, sb));
        const scene_item_t *l = find(s, g, ITEM_LINE, 0);
        g_assert_nonnull(l);
        /* Rank 1 at the top (at the tick "1"), larger ranks lower. */
        if (ra[i] == 1)
            g_assert_cmpfloat_with_epsilon(l->xy[1], r1->y, 1e-6);
        if (i > 0)
            g_assert_cmpfloat((l->xy[1] - prev_a) * (ra[i] - ra[i - 1]), >, 0);
        prev_a = l->xy[1];
        g_free(g);
        g_free(sa);
        g_free(sb);
    }
    /* Poles in their colours, focus actors grey. */
    assert_color(&find(s, "slope RUS", ITEM_LINE, 0)->stroke, clout_color_category(4));
    assert_color(&find(s, "slope CHN", ITEM_LINE, 0)->stroke, clout_color_category(5));
    assert_color(&find(s, "slope AAA", ITEM_LINE, 0)->stroke, cl_color_hex("#555555"));
    assert_fits(s);
    clout_scene_free(s);

    /* opts->actors picks the actors; a non-measure column is refused. */
    char *only[] = {"BLOC", "AAA", NULL};
    o.actors = only;
    g_assert_cmpint(clout_chart_slope(a, b, "2014", "2023", &s, &o, err), ==, CLOUT_OK);
    g_assert_cmpint(count(s, "slope BLOC", ITEM_LINE), ==, 1);
    g_assert_cmpint(count(s, "slope RUS", ITEM_LINE), ==, 0);
    g_assert_nonnull(find_text(s, "slope BLOC", "A Bloc")); /* the table's name column */
    assert_fits(s);
    clout_scene_free(s);
    o.of = "name";
    g_assert_cmpint(clout_chart_slope(a, b, "2014", "2023", &s, &o, err), ==, CLOUT_EUSAGE);
    clout_table_free(a);
    clout_table_free(b);
    clout_error_free(err);
}

/* ---- heatmap ---- */

static void test_heatmap_cells(void)
{
    clout_table_t *t = shares_table();
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_heatmap(t, &s, &o, err), ==, CLOUT_OK);
    for (int f = 0; f < 3; f++) {
        char *g = g_strdup_printf("row %s", FOCUS[f]);
        g_assert_cmpint(count(s, g, ITEM_RECT), ==, 2); /* RUS, CHN: "other" has no index */
        for (int p = 0; p < 2; p++) {
            const scene_item_t *r = find(s, g, ITEM_RECT, p);
            char *v = g_strdup_printf("%.2f", INDEX_ALL[f][p]);
            const scene_item_t *tx = find_text(s, g, v);
            g_assert_nonnull(tx);
            /* The value is printed in the middle of its cell. */
            g_assert_cmpfloat_with_epsilon(tx->x, r->x + r->w / 2, 1e-6);
            g_free(v);
        }
        g_free(g);
    }
    /* The sequential scale: 0 is the lightest, 1 the darkest (Purples). */
    assert_color(&find(s, "row CCC", ITEM_RECT, 0)->fill, cl_color_hex("#fcfbfd"));
    assert_color(&find(s, "row CCC", ITEM_RECT, 1)->fill, cl_color_hex("#3f007d"));
    /* Text contrasts with its cell. */
    assert_color(&find_text(s, "row CCC", "1.00")->fill, cl_color_hex("#ffffff"));
    g_assert_nonnull(find_text(s, "columns", "Russia"));
    g_assert_nonnull(find_text(s, "colour-bar", "index"));
    g_assert_cmpint(count(s, "colour-bar", ITEM_RECT), ==, 65);
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);

    /* Focus x layer balance on the diverging scale. */
    t = balance_table(true, 0);
    o.of = "layers";
    g_assert_cmpint(clout_chart_heatmap(t, &s, &o, err), ==, CLOUT_OK);
    for (int f = 0; f < 4; f++) {
        char *g = g_strdup_printf("row %s", BFOCUS[f]);
        /* security first, "all" last. */
        assert_color(&find(s, g, ITEM_RECT, 0)->fill, clout_color_balance(-BAL[f]));
        assert_color(&find(s, g, ITEM_RECT, 1)->fill, clout_color_balance(BAL[f]));
        g_free(g);
    }
    g_assert_nonnull(find_text(s, "columns", "all layers"));
    g_assert_nonnull(find_text(s, "row CCC", "+1.00"));
    g_assert_nonnull(find_text(s, "colour-bar", "all China"));
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);
    clout_error_free(err);
}

/* ---- colours and text ---- */

static void test_colors(void)
{
    clout_rgba_t c;
    g_assert_true(clout_color_parse("#1a2b3c", &c));
    assert_color(&c, (clout_rgba_t){0x1a / 255.0, 0x2b / 255.0, 0x3c / 255.0, 1});
    g_assert_true(clout_color_parse("#1a2b3c80", &c));
    assert_color(&c, (clout_rgba_t){0x1a / 255.0, 0x2b / 255.0, 0x3c / 255.0, 0x80 / 255.0});
    g_assert_true(clout_color_parse("white", &c));
    assert_color(&c, (clout_rgba_t){1, 1, 1, 1});
    /* Nothing invalid passes for a colour, black least of all. */
    static const char *const bad[] = {"",         "#12345",   "#gggggg",  "#-1-1-1",       "1a2b3c",
                                      " #1a2b3c", "#1a2b3c ", "#1a2b3c8", "no-such-colour"};
    const clout_rgba_t mark = {0.25, 0.5, 0.75, 0.125};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        c = mark;
        g_assert_false(clout_color_parse(bad[i], &c));
        assert_color(&c, mark);
        assert_color((c = cl_color_hex(bad[i]), &c), (clout_rgba_t){1, 0, 1, 1});
    }
    g_assert_false(clout_color_parse(NULL, &c));
    /* Every colour of the palettes is valid: none is the magenta of an
     * invalid constant. */
    const clout_rgba_t magenta = {1, 0, 1, 1};
    for (int i = -1; i < 16; i++) {
        c = clout_color_category(i);
        g_assert_false(memcmp(&c, &magenta, sizeof c) == 0);
    }
    for (int i = 0; i <= 200; i++) {
        c = clout_color_balance(-1 + i / 100.0);
        g_assert_false(memcmp(&c, &magenta, sizeof c) == 0);
    }
}

static char *without_spaces(const char *s)
{
    char **parts = g_strsplit(s, " ", -1);
    char *r = g_strjoinv("", parts);
    g_strfreev(parts);
    return r;
}

/* The lines again, joined by a space, or by nothing after a dash (where
 * Pango breaks inside a word). */
static char *rejoin(char **lines)
{
    GString *s = g_string_new(NULL);
    for (char **l = lines; *l; l++) {
        if (l > lines && !g_str_has_suffix(l[-1], "\u2013"))
            g_string_append_c(s, ' ');
        g_string_append(s, *l);
    }
    return g_string_free(s, FALSE);
}

/* Lines no wider than the width, broken at spaces (or after a dash), a
 * word cut only when it is wider than a line; nothing lost. */
static void test_wrap(void)
{
    const char *text = "Direct shares of each focus actor's ties by pole, all layers, "
                       "2005\u20132023, self-reported (doc/methods.md)";
    const char *word = "Donaudampfschifffahrtsgesellschaftskapit\u00e4nsm\u00fctze";
    const double widths[] = {30, 60, 120, 150, 200, 2000};
    for (size_t w = 0; w < G_N_ELEMENTS(widths); w++)
        for (int k = 0; k < 2; k++) {
            const char *t = k ? word : text;
            GPtrArray *lines = cl_text_wrap(NULL, t, SZ_TEST, true, widths[w]);
            g_assert_cmpuint(lines->len, >, 0);
            g_ptr_array_add(lines, NULL);
            char **v = (char **)lines->pdata;
            for (char **l = v; *l; l++) {
                g_assert_cmpfloat(cl_text_width(NULL, *l, SZ_TEST, true), <=, widths[w] + 1e-6);
                g_assert_true(**l && **l != ' ' && !g_str_has_suffix(*l, " "));
            }
            bool fits = true; /* every word fits on a line */
            char **words = g_strsplit(t, " ", -1);
            for (char **p = words; *p; p++)
                fits = fits && cl_text_width(NULL, *p, SZ_TEST, true) <= widths[w];
            char *joined = fits ? rejoin(v) : g_strjoinv("", v);
            char *a = without_spaces(joined), *b = without_spaces(t);
            g_assert_cmpstr(a, ==, b);
            if (fits)
                g_assert_cmpstr(joined, ==, t);
            else if (k)
                g_assert_cmpuint(lines->len, >, 2); /* the word alone, cut */
            g_strfreev(words);
            g_free(joined);
            g_free(a);
            g_free(b);
            g_ptr_array_free(lines, TRUE);
        }
    GPtrArray *none = cl_text_wrap(NULL, "   ", SZ_TEST, false, 100);
    g_assert_cmpuint(none->len, ==, 0);
    g_ptr_array_free(none, TRUE);
    none = cl_text_wrap(NULL, NULL, SZ_TEST, false, 100);
    g_assert_cmpuint(none->len, ==, 0);
    g_ptr_array_free(none, TRUE);
}

/* ---- every chart, every width: on the page, no overlaps ---- */

typedef clout_status_t (*build_t)(const clout_chart_opts_t *o, clout_scene_t **s,
                                  clout_error_t *err);

static clout_table_t *g_shares, *g_balance, *g_balance2, *g_meas_a, *g_meas_b;

static clout_status_t b_shares(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    return clout_chart_shares(g_shares, s, o, e);
}
static clout_status_t b_balance(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    return clout_chart_balance(g_balance, s, o, e);
}
static clout_status_t b_trend(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    clout_table_t *t[2] = {g_balance, g_balance2};
    int y[2] = {2014, 2023};
    return clout_chart_trend(t, y, 2, s, o, e);
}
static clout_status_t b_slope(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    return clout_chart_slope(g_balance, g_balance2, "2014", "2023", s, o, e);
}
static clout_status_t b_rank(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    clout_chart_opts_t p = *o;
    p.of = "pagerank";
    return clout_chart_slope(g_meas_a, g_meas_b, "2014", "2023", s, &p, e);
}
static clout_status_t b_heatmap(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    return clout_chart_heatmap(g_shares, s, o, e);
}
static clout_status_t b_heat_layers(const clout_chart_opts_t *o, clout_scene_t **s,
                                    clout_error_t *e)
{
    clout_chart_opts_t p = *o;
    p.of = "layers";
    return clout_chart_heatmap(g_balance, s, &p, e);
}

static char *FACET_LABELS[] = {"2014", "2023", NULL};
static char *FACET_LAYERS[] = {"security", "all", NULL};
static clout_status_t b_facets(const clout_chart_opts_t *o, clout_scene_t **s, clout_error_t *e)
{
    clout_table_t *t[2] = {g_balance, g_balance2};
    return clout_chart_facets(t, FACET_LABELS, 2, FACET_LAYERS, s, o, e);
}
static clout_status_t b_facets_heat(const clout_chart_opts_t *o, clout_scene_t **s,
                                    clout_error_t *e)
{
    clout_table_t *t[2] = {g_balance, g_balance2};
    clout_chart_opts_t p = *o;
    p.of = "layers";
    return clout_chart_facets(t, FACET_LABELS, 2, NULL, s, &p, e);
}

static const struct {
    const char *name;
    build_t build;
} CHARTS[] = {{"shares", b_shares},
              {"balance", b_balance},
              {"trend", b_trend},
              {"slope", b_slope},
              {"slope-rank", b_rank},
              {"heatmap", b_heatmap},
              {"heatmap-layers", b_heat_layers},
              {"facets", b_facets},
              {"facets-heatmap", b_facets_heat}};

static void setup_tables(void)
{
    g_shares = shares_table();
    g_balance = balance_table(true, 0);
    g_balance2 = balance_table(true, 0.3);
    g_meas_a = measures_table(PR_A);
    g_meas_b = measures_table(PR_B);
}

static void free_tables(void)
{
    clout_table_free(g_shares);
    clout_table_free(g_balance);
    clout_table_free(g_balance2);
    clout_table_free(g_meas_a);
    clout_table_free(g_meas_b);
}

static void test_fits_everywhere(void)
{
    /* Long and non-Latin names, a long title and source line, three widths. */
    static char *long_names[] = {"RUS", "Российская Федерация",
                                 "CHN", "中华人民共和国",
                                 "AAA", "Republic of Aland and the Outer Islands",
                                 "BBB", "Bland",
                                 "CCC", "Cland",
                                 "DDD", "Dland",
                                 NULL};
    const double widths[] = {180, 120, 85}; /* mm: page, 1.5 column, one column */
    clout_error_t *err = clout_error_new(0);
    for (size_t c = 0; c < G_N_ELEMENTS(CHARTS); c++)
        for (size_t w = 0; w < G_N_ELEMENTS(widths); w++)
            for (int names = 0; names < 2; names++) {
                clout_chart_opts_t o = base_opts();
                o.width = widths[w] * 72 / 25.4;
                if (names) {
                    o.names = long_names;
                    o.title = "A title long enough that it has to be wrapped over more than "
                              "one line at every width a journal would print this figure at";
                    o.source = "Source: a source line that is also long: graphs/central-asia "
                               "2005, 2014 and 2023 (flows summed over 5 years); clout "
                               "influence, doc/methods.md; 95% intervals from 200 bootstrap "
                               "replicates (seed 1).";
                }
                clout_scene_t *s = NULL;
                clout_error_clear(err);
                clout_status_t st = CHARTS[c].build(&o, &s, err);
                if (st) {
                    g_test_message("%s at %.0f mm: %s", CHARTS[c].name, widths[w],
                                   clout_error_message(err, 0));
                    g_test_fail();
                    continue;
                }
                g_test_message("%s at %.0f mm%s", CHARTS[c].name, widths[w],
                               names ? ", long names" : "");
                g_assert_cmpfloat_with_epsilon(clout_scene_width(s), o.width, 1e-9);
                assert_fits(s);
                clout_scene_free(s);
            }
    clout_error_free(err);
}

/* --height: the total is as asked; too little is refused. */
static void test_height(void)
{
    clout_error_t *err = clout_error_new(0);
    for (size_t c = 0; c < G_N_ELEMENTS(CHARTS); c++) {
        clout_chart_opts_t o = base_opts();
        o.height = 400;
        clout_scene_t *s;
        g_assert_cmpint(CHARTS[c].build(&o, &s, err), ==, CLOUT_OK);
        g_assert_cmpfloat_with_epsilon(clout_scene_height(s), 400, 1e-9);
        assert_fits(s);
        clout_scene_free(s);
        o.height = 40;
        g_assert_cmpint(CHARTS[c].build(&o, &s, err), ==, CLOUT_EUSAGE);
        g_assert_null(s);
        o.height = 0;
        o.width = 40; /* points: no room for labels */
        g_assert_cmpint(CHARTS[c].build(&o, &s, err), ==, CLOUT_EUSAGE);
        g_assert_null(s);
    }
    clout_error_free(err);
}

/* Tables without the columns or rows a chart needs. */
static void test_errors(void)
{
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    clout_table_t *t = shares_table();
    o.layer = "nosuch";
    g_assert_cmpint(clout_chart_shares(t, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_null(s);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "chart: unknown layer 'nosuch' (valid: security, all) in the shares table");
    clout_error_clear(err);
    o.layer = NULL;
    /* A balance chart of a shares table. */
    g_assert_cmpint(clout_chart_balance(t, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "chart: the balance table has no column 'balance'");
    clout_error_clear(err);
    o.of = "nosuch";
    g_assert_cmpint(clout_chart_heatmap(t, &s, &o, err), ==, CLOUT_EUSAGE);
    clout_table_free(t);
    t = clout_table_new("shares");
    clout_table_add_column(t, "focus", CLOUT_COL_STR);
    clout_table_add_column(t, "pole", CLOUT_COL_STR);
    clout_table_add_column(t, "layer", CLOUT_COL_STR);
    clout_table_add_column(t, "direct", CLOUT_COL_NUM);
    clout_error_clear(err);
    o.of = NULL;
    g_assert_cmpint(clout_chart_shares(t, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_cmpstr(clout_error_message(err, 0), ==, "chart: the shares table is empty");
    clout_table_free(t);
    clout_error_free(err);
}

/* A focus actor without ties (no shares) and one without a balance. */
static void test_missing_values(void)
{
    clout_table_t *t = shares_table();
    for (int r = 0; r < clout_table_n_rows(t); r++)
        if (strcmp(clout_table_get_str(t, r, 0), "BBB") == 0)
            clout_table_set_num(t, r, 3, NAN);
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(clout_chart_shares(t, &s, &o, err), ==, CLOUT_OK);
    g_assert_nonnull(find_text(s, "bar BBB", "no ties in this layer"));
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);
    t = balance_table(true, 0);
    clout_table_set_num(t, 1, 2, NAN); /* AAA, all */
    g_assert_cmpint(clout_chart_balance(t, &s, &o, err), ==, CLOUT_OK);
    g_assert_cmpint(count(s, "dot AAA", ITEM_CIRCLE), ==, 0);
    /* No balance: last. */
    g_assert_cmpfloat(find_text(s, "dot AAA", "Aland")->y, >, find_text(s, "dot CCC", "Cland")->y);
    assert_fits(s);
    clout_scene_free(s);
    clout_table_free(t);
    clout_error_free(err);
}

/* Facets of the balance tables of 2014 (g_balance) and 2023 (g_balance2: every balance +0.3,
 * clamped to [-1, 1]), layers security (the negated balance) and all: a dot per focus actor
 * and panel at x = p0 + (b + 1) / 2 (p1 - p0), p0 and p1 the "−1" and "+1" under the
 * panel's column; the rows ordered by the first panel (security, 2014: CCC −1, AAA −0.5,
 * BBB +0.25, DDD +0.75) in every panel. */
static void test_facets(void)
{
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(b_facets(&o, &s, err), ==, CLOUT_OK);
    static const int order[4] = {2, 0, 1, 3}; /* CCC AAA BBB DDD */
    const double shift[2] = {0, 0.3};
    for (int j = 0; j < 2; j++) {
        char *ax = g_strdup_printf("x-axis %s", FACET_LABELS[j]);
        const scene_item_t *lo = find_text(s, ax, MINUS "1"), *hi = find_text(s, ax, "+1");
        g_assert_nonnull(lo);
        g_assert_nonnull(hi);
        double p0 = lo->x, p1 = hi->x;
        for (int l = 0; l < 2; l++) {
            char *pg = g_strdup_printf("panel %s %s", FACET_LAYERS[l], FACET_LABELS[j]);
            char *head = g_strdup_printf("%s, %s", l ? "all layers" : "security", FACET_LABELS[j]);
            g_assert_nonnull(find_text(s, pg, head));
            double prev_y = -1;
            for (int k = 0; k < 4; k++) {
                int f = order[k];
                double sg = l ? 1 : -1;
                double b = fmax(-1, fmin(1, sg * BAL[f] + shift[j]));
                double blo = fmax(-1, fmin(1, (l ? BAL_LO[f] : -BAL_HI[f]) + shift[j]));
                double bhi = fmax(-1, fmin(1, (l ? BAL_HI[f] : -BAL_LO[f]) + shift[j]));
                char *g =
                    g_strdup_printf("dot %s %s %s", FACET_LAYERS[l], FACET_LABELS[j], BFOCUS[f]);
                const scene_item_t *c = find(s, g, ITEM_CIRCLE, 0), *bar = find(s, g, ITEM_LINE, 0);
                g_assert_nonnull(c);
                g_assert_cmpfloat_with_epsilon(c->x, p0 + (b + 1) / 2 * (p1 - p0), 1e-6);
                assert_color(&c->fill, clout_color_balance(b));
                g_assert_cmpfloat_with_epsilon(bar->xy[0], p0 + (blo + 1) / 2 * (p1 - p0), 1e-6);
                g_assert_cmpfloat_with_epsilon(bar->xy[2], p0 + (bhi + 1) / 2 * (p1 - p0), 1e-6);
                g_assert_cmpfloat(c->y, >, prev_y); /* the same order in every panel */
                prev_y = c->y;
                g_free(g);
            }
            g_free(pg);
            g_free(head);
        }
        g_free(ax);
    }
    /* The second column's scale is the first's, moved right. */
    double w0 = find_text(s, "x-axis 2014", "+1")->x - find_text(s, "x-axis 2014", MINUS "1")->x;
    double w1 = find_text(s, "x-axis 2023", "+1")->x - find_text(s, "x-axis 2023", MINUS "1")->x;
    g_assert_cmpfloat_with_epsilon(w0, w1, 1e-9);
    /* Names once per row of panels; one key, one pair of pole ends. */
    g_assert_nonnull(find_text(s, "names security", "Cland"));
    g_assert_nonnull(find_text(s, "names all", "Dland"));
    g_assert_cmpint(count(s, "key", ITEM_TEXT), ==, 2);
    g_assert_nonnull(find_text(s, "x-title", "\u2190 all Russia"));
    clout_scene_free(s);

    /* The heatmaps: a panel per table, the layers in table order; AAA security 2014 is
     * −0.50, 2023 −0.20; CCC all 2023 is +1 (clamped). */
    g_assert_cmpint(b_facets_heat(&o, &s, err), ==, CLOUT_OK);
    g_assert_nonnull(find_text(s, "panel 2014", "2014"));
    g_assert_nonnull(find_text(s, "columns 2023", "all layers"));
    g_assert_cmpint(count(s, "cells 2014 AAA", ITEM_RECT), ==, 2);
    const scene_item_t *a = find(s, "cells 2014 AAA", ITEM_TEXT, 0);
    g_assert_cmpstr(a->text, ==, MINUS "0.50");
    g_assert_cmpstr(find(s, "cells 2023 AAA", ITEM_TEXT, 0)->text, ==, MINUS "0.20");
    g_assert_cmpstr(find(s, "cells 2023 CCC", ITEM_TEXT, 1)->text, ==, "+1.00");
    assert_color(&find(s, "cells 2014 AAA", ITEM_RECT, 0)->fill, clout_color_balance(-0.5));
    g_assert_cmpint(count(s, "colour-bar", ITEM_RECT), ==, 65);
    clout_scene_free(s);

    /* An unknown layer. */
    char *bad[] = {"security", "nosuch", NULL};
    clout_table_t *t[2] = {g_balance, g_balance2};
    g_assert_cmpint(clout_chart_facets(t, FACET_LABELS, 2, bad, &s, &o, err), ==, CLOUT_EUSAGE);
    g_assert_null(s);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "chart: unknown layer 'nosuch' (valid: security, all) in the balance table");
    clout_error_free(err);
}

/* ---- golden scene dumps ---- */

static void test_golden(gconstpointer data)
{
    size_t c = GPOINTER_TO_SIZE(data);
    clout_error_t *err = clout_error_new(0);
    clout_chart_opts_t o = base_opts();
    clout_scene_t *s;
    g_assert_cmpint(CHARTS[c].build(&o, &s, err), ==, CLOUT_OK);
    char *got = dump(s);
    /* The same tables give the same scene. */
    clout_scene_t *s2;
    g_assert_cmpint(CHARTS[c].build(&o, &s2, err), ==, CLOUT_OK);
    char *again = dump(s2);
    g_assert_cmpstr(got, ==, again);
    char *file = g_strdup_printf("%s.scene", CHARTS[c].name);
    char *path = g_test_build_filename(G_TEST_DIST, "tests", "render", "charts", file, NULL);
    if (g_getenv("CLOUT_UPDATE_GOLDEN")) {
        g_assert_true(g_file_set_contents(path, got, -1, NULL));
        g_test_message("wrote %s", path);
    }
    char *want = NULL;
    if (!g_file_get_contents(path, &want, NULL, NULL)) {
        g_test_message("no golden file %s (CLOUT_UPDATE_GOLDEN=1 writes it)", path);
        g_test_fail();
    } else if (strcmp(want, got) != 0) {
        /* Name the first differing line: the whole dump is long. */
        char **a = g_strsplit(want, "\n", -1), **b = g_strsplit(got, "\n", -1);
        for (int i = 0; a[i] || b[i]; i++)
            if (!a[i] || !b[i] || strcmp(a[i], b[i]) != 0) {
                g_test_message("%s line %d:\n  want: %s\n  got:  %s", path, i + 1,
                               a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
                break;
            }
        g_strfreev(a);
        g_strfreev(b);
        g_test_fail();
    }
    g_free(want);
    g_free(path);
    g_free(file);
    g_free(got);
    g_free(again);
    clout_scene_free(s);
    clout_scene_free(s2);
    clout_error_free(err);
}

int main(int argc, char **argv)
{
#ifdef TOP_SRCDIR
    /* Run by hand, outside `make check`: the goldens are in the source tree. */
    g_setenv("G_TEST_SRCDIR", TOP_SRCDIR, FALSE);
#endif
    g_test_init(&argc, &argv, NULL);
    clout_init();
    setup_tables();
    g_test_add_func("/chart/colors", test_colors);
    g_test_add_func("/chart/text/wrap", test_wrap);
    g_test_add_func("/chart/shares/bars", test_shares_bars);
    g_test_add_func("/chart/balance/dots", test_balance_dots);
    g_test_add_func("/chart/trend/points", test_trend_points);
    g_test_add_func("/chart/slope/balance", test_slope_balance);
    g_test_add_func("/chart/slope/rank", test_slope_rank);
    g_test_add_func("/chart/heatmap/cells", test_heatmap_cells);
    g_test_add_func("/chart/facets", test_facets);
    g_test_add_func("/chart/missing-values", test_missing_values);
    g_test_add_func("/chart/errors", test_errors);
    g_test_add_func("/chart/height", test_height);
    g_test_add_func("/chart/fits", test_fits_everywhere);
    for (size_t c = 0; c < G_N_ELEMENTS(CHARTS); c++) {
        char *name = g_strdup_printf("/chart/golden/%s", CHARTS[c].name);
        g_test_add_data_func(name, GSIZE_TO_POINTER(c), test_golden);
        g_free(name);
    }
    int rc = g_test_run();
    free_tables();
    return rc;
}
