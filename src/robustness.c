/* robustness.c: the balance of every focus actor and layer (or its change between two
 * snapshots) under a documented set of variants of the data and the model, and the
 * findings that survive them and the bootstrap (doc/methods.md, "Robustness"). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

void clout_robustness_opts_init(clout_robustness_opts_t *o)
{
    memset(o, 0, sizeof *o);
    clout_influence_opts_init(&o->influence);
    o->influence.bootstrap = 200; /* a finding needs the bootstrap as well as the variants */
}

/* ---- the variants ---- */

typedef enum {
    V_BASE = 0,
    V_RELATION_OUT,
    V_SOURCE_OUT,
    V_WEIGHT,
    V_SCALE,
    V_WINDOW,
    V_ALT_VALUES
} vkind_t;

static const char *const vkind_name[] = {"estimate", "relation_out", "source_out", "weight",
                                         "scale",    "window",       "alt_values"};

typedef struct {
    vkind_t kind;
    char *label;   /* "without imf_trade", "imf_trade weight x0.5", ... */
    char **names;  /* relations left out (relation_out, source_out) */
    int relation;  /* weight, scale: the relation changed */
    double factor; /* weight */
    clout_scale_t scale;
    int window;
} variant_t;

static void variant_free(gpointer p)
{
    variant_t *v = p;
    g_free(v->label);
    g_strfreev(v->names);
    g_free(v);
}

static variant_t *variant_new(vkind_t kind, char *label)
{
    variant_t *v = g_new0(variant_t, 1);
    v->kind = kind;
    v->label = label;
    v->relation = -1;
    return v;
}

static const char *scale_name(clout_scale_t s)
{
    static const char *const n[] = {"binary", "share", "log", "max", "value"};
    return n[s];
}

/* Whether relation r is selected (layers, relations, not excluded) and has
 * data in the snapshot of one of the n (ds, snap) pairs. */
static bool in_play(const clout_dataset_t *const *ds, const clout_snapshot_opts_t *snap, int n,
                    int r)
{
    const clout_relation_t *rel = clout_dataset_relation(ds[0], r);
    for (int k = 0; k < n; k++) {
        const clout_snapshot_opts_t *o = &snap[k];
        bool keep = true;
        if (o->layers)
            keep = g_strv_contains((const gchar *const *)o->layers, rel->layer);
        if (keep && o->relations)
            keep = g_strv_contains((const gchar *const *)o->relations, rel->name) ||
                   (*rel->group && g_strv_contains((const gchar *const *)o->relations, rel->group));
        if (keep && o->exclude)
            keep = !g_strv_contains((const gchar *const *)o->exclude, rel->name) &&
                   !(*rel->group && g_strv_contains((const gchar *const *)o->exclude, rel->group));
        if (!keep)
            continue;
        int r2 = clout_dataset_find_relation(ds[k], rel->name);
        int first, last;
        if (r2 >= 0 && cl_member_years(ds[k], r2, o->year, o->window, o->carry_forward, &first,
                                       &last) != CL_COVER_NONE)
            return true;
    }
    return false;
}

/* Every variant, in a fixed order: the estimate, each relation left out,
 * each source left out (where a source holds two relations or more), each
 * relation's weight halved and doubled, each flow or event relation under
 * the other scales, the other windows of 3, 5 and 7 years, and the
 * alternative values where the dataset gives them. */
static GPtrArray *variants_of(const clout_dataset_t *const *ds, const clout_snapshot_opts_t *snap,
                              int n)
{
    GPtrArray *vs = g_ptr_array_new_with_free_func(variant_free);
    g_ptr_array_add(vs, variant_new(V_BASE, g_strdup("estimate")));
    int nr = clout_dataset_n_relations(ds[0]);
    bool *play = g_new0(bool, MAX(nr, 1));
    for (int r = 0; r < nr; r++)
        play[r] = in_play(ds, snap, n, r);
    for (int r = 0; r < nr; r++)
        if (play[r]) {
            const char *name = clout_dataset_relation(ds[0], r)->name;
            variant_t *v = variant_new(V_RELATION_OUT, g_strdup_printf("without %s", name));
            v->names = g_new0(char *, 2);
            v->names[0] = g_strdup(name);
            g_ptr_array_add(vs, v);
        }
    /* Sources: relations.csv's source column, in order of first appearance. */
    GPtrArray *seen = g_ptr_array_new();
    for (int r = 0; r < nr; r++) {
        const char *src = clout_dataset_relation(ds[0], r)->source;
        if (!play[r] || !src || !*src ||
            g_ptr_array_find_with_equal_func(seen, src, g_str_equal, NULL))
            continue;
        g_ptr_array_add(seen, (gpointer)src);
        GPtrArray *names = g_ptr_array_new();
        for (int q = 0; q < nr; q++) {
            const clout_relation_t *rq = clout_dataset_relation(ds[0], q);
            if (play[q] && rq->source && strcmp(rq->source, src) == 0)
                g_ptr_array_add(names, g_strdup(rq->name));
        }
        int count = (int)names->len;
        g_ptr_array_add(names, NULL);
        char **nl = (char **)g_ptr_array_free(names, FALSE);
        if (count < 2) { /* the same as leaving the relation out */
            g_strfreev(nl);
            continue;
        }
        variant_t *v = variant_new(V_SOURCE_OUT, g_strdup_printf("without source %s", src));
        v->names = nl;
        g_ptr_array_add(vs, v);
    }
    g_ptr_array_free(seen, TRUE);
    static const double factors[] = {0.5, 2};
    for (int r = 0; r < nr; r++)
        for (int k = 0; k < 2 && play[r]; k++) {
            variant_t *v = variant_new(
                V_WEIGHT, g_strdup_printf("%s weight x%g", clout_dataset_relation(ds[0], r)->name,
                                          factors[k]));
            v->relation = r;
            v->factor = factors[k];
            g_ptr_array_add(vs, v);
        }
    static const clout_scale_t scales[] = {CLOUT_SCALE_SHARE, CLOUT_SCALE_LOG, CLOUT_SCALE_MAX};
    for (int r = 0; r < nr; r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds[0], r);
        if (!play[r] || rel->mode == CLOUT_MODE_STATE)
            continue;
        for (int k = 0; k < 3; k++) {
            if (scales[k] == rel->scale)
                continue;
            variant_t *v = variant_new(
                V_SCALE, g_strdup_printf("%s scale %s", rel->name, scale_name(scales[k])));
            v->relation = r;
            v->scale = scales[k];
            g_ptr_array_add(vs, v);
        }
    }
    static const int windows[] = {3, 5, 7};
    for (int k = 0; k < 3; k++)
        if (windows[k] != snap[0].window) {
            variant_t *v = variant_new(V_WINDOW, g_strdup_printf("window %d", windows[k]));
            v->window = windows[k];
            g_ptr_array_add(vs, v);
        }
    bool alt = false;
    for (int k = 0; k < n && !alt; k++)
        for (long i = 0; i < clout_dataset_n_ties(ds[k]) && !alt; i++)
            alt = clout_dataset_tie(ds[k], i)->has_alt;
    if (alt)
        g_ptr_array_add(vs, variant_new(V_ALT_VALUES, g_strdup("alternative values")));
    g_free(play);
    return vs;
}

/* ---- one variant's balances ---- */

/* The dataset as the variant sees it: a shallow copy whose relations (and,
 * for the alternative values, ties) are its own; everything else is
 * borrowed from ds and left alone. */
typedef struct {
    struct clout_dataset view;
    bool own_ties;
} view_t;

static void view_init(view_t *w, const clout_dataset_t *ds, const variant_t *v)
{
    w->view = *ds;
    w->own_ties = false;
    w->view.relations = g_array_copy(ds->relations);
    if (v->kind == V_WEIGHT || v->kind == V_SCALE) {
        int r = clout_dataset_find_relation(ds, clout_dataset_relation(ds, v->relation)->name);
        if (r >= 0) {
            clout_relation_t *rel = &g_array_index(w->view.relations, clout_relation_t, r);
            if (v->kind == V_WEIGHT)
                rel->weight *= v->factor;
            else
                rel->scale = v->scale;
        }
    }
    if (v->kind == V_ALT_VALUES) {
        w->view.ties = g_array_copy(ds->ties);
        w->own_ties = true;
        for (guint i = 0; i < w->view.ties->len; i++) {
            clout_tie_t *t = &g_array_index(w->view.ties, clout_tie_t, i);
            if (t->has_alt)
                t->value = t->alt_value;
        }
    }
}

static void view_release(view_t *w)
{
    g_array_unref(w->view.relations);
    if (w->own_ties)
        g_array_unref(w->view.ties);
}

/* The snapshot options of the variant: its window, and its relations left
 * out besides those of the caller.  The list is the caller's to free. */
static clout_snapshot_opts_t snap_of(const clout_snapshot_opts_t *base, const variant_t *v,
                                     char ***exclude)
{
    clout_snapshot_opts_t o = *base;
    *exclude = NULL;
    if (v->kind == V_WINDOW)
        o.window = v->window;
    if (v->names) {
        GPtrArray *e = g_ptr_array_new();
        for (char **p = base->exclude; p && *p; p++)
            g_ptr_array_add(e, g_strdup(*p));
        for (char **p = v->names; *p; p++)
            g_ptr_array_add(e, g_strdup(*p));
        g_ptr_array_add(e, NULL);
        *exclude = (char **)g_ptr_array_free(e, FALSE);
        o.exclude = *exclude;
    }
    return o;
}

/* The balances of one (dataset, snapshot) under variant v, bootstrap as opts say. */
static clout_status_t balances(const clout_dataset_t *ds, const clout_snapshot_opts_t *snap,
                               const variant_t *v, const clout_influence_opts_t *io,
                               clout_balance_samples_t *out, clout_error_t *err)
{
    view_t w;
    view_init(&w, ds, v);
    char **exclude;
    clout_snapshot_opts_t o = snap_of(snap, v, &exclude);
    /* Warnings (sources not covering a year) are the estimate's to give, once. */
    clout_error_t *quiet = clout_error_new(1);
    clout_status_t st =
        clout_influence_balance_samples(&w.view, out, &o, io, v->kind == V_BASE ? err : quiet);
    if (st && v->kind != V_BASE) {
        /* A variant that leaves nothing to measure (the only relation of
         * the selection left out) has no balance, like a focus actor that
         * depends on neither pole: said in a warning, not an error. */
        clout_error_warn(err, "robustness: %s: %s (no balance)", v->label,
                         clout_error_count(quiet) ? clout_error_message(quiet, 0) : "failed");
        memset(out, 0, sizeof *out);
        st = CLOUT_OK;
    }
    clout_error_free(quiet);
    g_strfreev(exclude);
    view_release(&w);
    return st;
}

/* ---- the tables ---- */

static int sign_of(double x)
{
    return fabs(x) <= 1e-12 ? 0 : x > 0 ? 1 : -1;
}

/* Where (focus, layer) of a is in b: the index of f * n_layers + l, or -1. */
static int cell_of(const clout_balance_samples_t *b, const char *focus, const char *layer)
{
    for (int f = 0; f < b->n_focus; f++)
        if (strcmp(b->focus[f], focus) == 0)
            for (int l = 0; l < b->n_layers; l++)
                if (strcmp(b->layers[l], layer) == 0)
                    return f * b->n_layers + l;
    return -1;
}

/* The value of a cell in sample r: a balance (one snapshot) or a change
 * (B - A, replicate r of each). */
static double value_at(const clout_balance_samples_t *s, int n, const char *focus,
                       const char *layer, int r)
{
    double v[2] = {NAN, NAN};
    for (int k = 0; k < n; k++) {
        int c = cell_of(&s[k], focus, layer);
        if (c < 0 || r >= s[k].n_samples)
            return NAN;
        v[k] = s[k].values[(size_t)c * s[k].n_samples + r];
    }
    return n == 1 ? v[0] : v[1] - v[0];
}

typedef struct {
    const GPtrArray *vs;
    clout_balance_samples_t *res; /* [variant][k], n per variant */
    int n;
    int boot; /* replicates of the estimate (0: none) */
} results_t;

static clout_table_t *variants_table(const results_t *R, const char *what)
{
    clout_table_t *t = clout_table_new("variants");
    clout_table_add_column(t, "focus", CLOUT_COL_STR);
    clout_table_add_column(t, "layer", CLOUT_COL_STR);
    clout_table_add_column(t, "variant", CLOUT_COL_STR);
    clout_table_add_column(t, "kind", CLOUT_COL_STR);
    clout_table_add_column(t, what, CLOUT_COL_NUM);
    clout_table_add_column(t, "change", CLOUT_COL_NUM);
    clout_table_add_column(t, "same_sign", CLOUT_COL_STR);
    const clout_balance_samples_t *base = &R->res[0];
    for (int f = 0; f < base->n_focus; f++)
        for (int l = 0; l < base->n_layers; l++) {
            const char *fo = base->focus[f], *la = base->layers[l];
            double est = value_at(&R->res[0], R->n, fo, la, 0);
            for (guint i = 0; i < R->vs->len; i++) {
                const variant_t *v = g_ptr_array_index(R->vs, i);
                double x = value_at(&R->res[(size_t)i * R->n], R->n, fo, la, 0);
                int r = clout_table_add_row(t);
                clout_table_set_str(t, r, 0, fo);
                clout_table_set_str(t, r, 1, la);
                clout_table_set_str(t, r, 2, v->label);
                clout_table_set_str(t, r, 3, vkind_name[v->kind]);
                clout_table_set_num(t, r, 4, x);
                if (isfinite(x) && isfinite(est)) {
                    clout_table_set_num(t, r, 5, x - est);
                    clout_table_set_str(t, r, 6, sign_of(x) == sign_of(est) ? "yes" : "no");
                }
            }
        }
    return t;
}

/* The finding of a cell (doc/methods.md, "Findings"): robust when the
 * sign holds in the whole bootstrap interval and in every variant; fragile
 * when it holds in most replicates and most variants; else not supported.
 * A value of 0 that stays 0 everywhere is "zero" (no change, or even). */
static const char *finding(int sign, double lo, double hi, double boot_share, double var_share,
                           bool have_boot)
{
    if (!have_boot)
        return ""; /* a finding needs both */
    if (sign == 0)
        return lo == 0 && hi == 0 && var_share >= 1 ? "zero" : "not supported";
    bool in_interval = isfinite(lo) && isfinite(hi) && (sign > 0 ? lo > 1e-12 : hi < -1e-12);
    if (in_interval && var_share >= 1)
        return "robust";
    if (boot_share > 0.5 && var_share > 0.5)
        return "fragile";
    return "not supported";
}

static clout_table_t *summary_table(const results_t *R, const char *what,
                                    clout_interval_method_t method)
{
    clout_table_t *t = clout_table_new("robustness");
    clout_table_add_column(t, "focus", CLOUT_COL_STR);
    clout_table_add_column(t, "layer", CLOUT_COL_STR);
    clout_table_add_column(t, what, CLOUT_COL_NUM);
    static const char *num[] = {"min", "max"};
    for (int k = 0; k < 2; k++)
        clout_table_add_column(t, num[k], CLOUT_COL_NUM);
    clout_table_add_column(t, "moved_most", CLOUT_COL_STR);
    clout_table_add_column(t, "moved_by", CLOUT_COL_NUM);
    clout_table_add_column(t, "variants", CLOUT_COL_NUM);
    clout_table_add_column(t, "same_sign", CLOUT_COL_NUM);
    clout_table_add_column(t, "sign_holds", CLOUT_COL_STR);
    if (R->boot > 0) {
        static const char *b[] = {"boot_lo", "boot_hi", "boot_same_sign"};
        for (int k = 0; k < 3; k++)
            clout_table_add_column(t, b[k], CLOUT_COL_NUM);
    }
    clout_table_add_column(t, "finding", CLOUT_COL_STR);
    const clout_balance_samples_t *base = &R->res[0];
    double *tmp = g_new(double, MAX(R->boot, 1));
    for (int f = 0; f < base->n_focus; f++)
        for (int l = 0; l < base->n_layers; l++) {
            const char *fo = base->focus[f], *la = base->layers[l];
            double est = value_at(&R->res[0], R->n, fo, la, 0);
            int r = clout_table_add_row(t);
            clout_table_set_str(t, r, 0, fo);
            clout_table_set_str(t, r, 1, la);
            clout_table_set_num(t, r, 2, est);
            if (!isfinite(est))
                continue;
            double lo = est, hi = est, most = 0;
            const char *moved = "";
            int counted = 0, same = 0;
            for (guint i = 1; i < R->vs->len; i++) {
                double x = value_at(&R->res[(size_t)i * R->n], R->n, fo, la, 0);
                if (!isfinite(x))
                    continue;
                counted++;
                same += sign_of(x) == sign_of(est);
                lo = MIN(lo, x);
                hi = MAX(hi, x);
                if (fabs(x - est) > most) {
                    most = fabs(x - est);
                    moved = ((const variant_t *)g_ptr_array_index(R->vs, i))->label;
                }
            }
            clout_table_set_num(t, r, clout_table_column(t, "min"), lo);
            clout_table_set_num(t, r, clout_table_column(t, "max"), hi);
            clout_table_set_str(t, r, clout_table_column(t, "moved_most"), moved);
            clout_table_set_num(t, r, clout_table_column(t, "moved_by"), most);
            clout_table_set_num(t, r, clout_table_column(t, "variants"), counted);
            double var_share = counted ? (double)same / counted : 1;
            clout_table_set_num(t, r, clout_table_column(t, "same_sign"), var_share);
            clout_table_set_str(t, r, clout_table_column(t, "sign_holds"),
                                same == counted ? "yes" : "no");
            double blo = NAN, bhi = NAN, bshare = NAN;
            if (R->boot > 0) {
                int m = 0, agree = 0;
                for (int i = 0; i < R->boot; i++) {
                    tmp[i] = value_at(&R->res[0], R->n, fo, la, i + 1);
                    if (isfinite(tmp[i])) {
                        m++;
                        agree += sign_of(tmp[i]) == sign_of(est);
                    }
                }
                cl_interval_t iv;
                cl_boot_interval(tmp, R->boot, 1, est, CLOUT_INTERVAL_PERCENTILE, NULL, NULL, 0,
                                 &iv);
                (void)method;
                blo = iv.lo;
                bhi = iv.hi;
                bshare = m ? (double)agree / m : NAN;
                clout_table_set_num(t, r, clout_table_column(t, "boot_lo"), blo);
                clout_table_set_num(t, r, clout_table_column(t, "boot_hi"), bhi);
                clout_table_set_num(t, r, clout_table_column(t, "boot_same_sign"), bshare);
            }
            clout_table_set_str(t, r, clout_table_column(t, "finding"),
                                finding(sign_of(est), blo, bhi, bshare, var_share, R->boot > 0));
        }
    g_free(tmp);
    return t;
}

/* ---- the entry points ---- */

static clout_status_t run(const clout_dataset_t *const *ds, const clout_snapshot_opts_t *snap_in,
                          int n, clout_table_t **summary, clout_table_t **variants,
                          const clout_robustness_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *summary = *variants = NULL;
    clout_snapshot_opts_t snap[2];
    char **left_out = NULL;
    for (int k = 0; k < n; k++) {
        snap[k] = snap_in[k];
        if (!snap[k].year)
            snap[k].year = clout_snapshot_default_year(ds[k], &snap[k]);
    }
    if (n == 2 && !opts->all_relations)
        cl_like_with_like(ds[0], &snap[0], ds[1], &snap[1], &left_out, err);
    GPtrArray *vs = variants_of(ds, snap, n);
    results_t R = {.vs = vs,
                   .res = g_new0(clout_balance_samples_t, (size_t)vs->len * n),
                   .n = n,
                   .boot = MAX(opts->influence.bootstrap, 0)};
    clout_influence_opts_t io = opts->influence, io0 = opts->influence;
    io.all_poles = false;
    io0 = io;
    io0.bootstrap = 0;
    io0.on_progress = NULL;
    clout_status_t st = CLOUT_OK;
    int total = (int)vs->len;
    for (guint i = 0; i < vs->len && !st; i++) {
        const variant_t *v = g_ptr_array_index(vs, i);
        for (int k = 0; k < n && !st; k++)
            st = balances(ds[k], &snap[k], v, i == 0 ? &io : &io0, &R.res[(size_t)i * n + k], err);
        if (opts->on_progress)
            opts->on_progress((int)i + 1, total, opts->progress_data);
    }
    if (!st) {
        const char *what = n == 1 ? "balance" : "delta";
        *summary = summary_table(&R, what, opts->influence.interval);
        *variants = variants_table(&R, what);
    }
    for (guint i = 0; i < vs->len * (guint)n; i++)
        clout_balance_samples_destroy(&R.res[i]);
    g_free(R.res);
    g_ptr_array_free(vs, TRUE);
    g_strfreev(left_out);
    return st;
}

clout_status_t clout_robustness(const clout_dataset_t *ds, clout_table_t **summary,
                                clout_table_t **variants, const clout_snapshot_opts_t *snap,
                                const clout_robustness_opts_t *opts, clout_error_t *err)
{
    const clout_dataset_t *d[1] = {ds};
    return run(d, snap, 1, summary, variants, opts, err);
}

clout_status_t clout_robustness_diff(const clout_dataset_t *da, const clout_dataset_t *db,
                                     clout_table_t **summary, clout_table_t **variants,
                                     const clout_snapshot_opts_t *sa,
                                     const clout_snapshot_opts_t *sb,
                                     const clout_robustness_opts_t *opts, clout_error_t *err)
{
    if (clout_dataset_n_relations(da) != clout_dataset_n_relations(db))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "robustness of a change needs two snapshots of one dataset");
    const clout_dataset_t *d[2] = {da, db};
    clout_snapshot_opts_t s[2] = {*sa, *sb};
    return run(d, s, 2, summary, variants, opts, err);
}
