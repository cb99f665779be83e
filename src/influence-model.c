/* influence-model.c: direct share and reach from a snapshot's dependences (doc/methods.md,
 * "Influence": the dependence distribution of an actor in a layer, attribution by lead,
 * and the two-step reach). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "influence.h"

/* An actor's dependence in one layer: over the units of the layer that it
 * has ties in, the weighted mean of each unit's distribution over partners
 * (its strengths as they are when they sum to at most 1, the rest
 * "outside"; else scaled to sum to 1). */
typedef struct {
    double *v;    /* [actor], zero but at touched */
    int *touched; /* the actors with v > 0, n_touched of them */
    int n_touched;
    double wsum;    /* the weights of the units the actor has */
    double outside; /* the part outside the dataset */
} dist_t;

/* Where each unit's dependences start in d->deps (n_units + 1 entries). */
static int *unit_starts(const cl_deps_t *d)
{
    int *seg = g_new0(int, d->n_units + 1);
    const cl_dep_t *dp = (const cl_dep_t *)(void *)d->deps->data;
    guint i = 0;
    for (int u = 0; u <= d->n_units; u++) {
        while (i < d->deps->len && dp[i].unit < u)
            i++;
        seg[u] = (int)i;
    }
    return seg;
}

/* The dependences of dst in unit u: [*lo, *hi) of d->deps. */
static void dst_range(const cl_deps_t *d, const int *seg, int u, int dst, int *lo, int *hi)
{
    const cl_dep_t *dp = (const cl_dep_t *)(void *)d->deps->data;
    int a = seg[u], b = seg[u + 1];
    while (a < b) { /* the first with dst >= dst */
        int m = (a + b) / 2;
        if (dp[m].dst < dst)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    b = seg[u + 1];
    while (a < b && dp[a].dst == dst)
        a++;
    *hi = a;
}

static bool in_layer(const plan_t *pl, const cl_unit_t *un, int l)
{
    return l == pl->n_layers - 1 || strcmp(un->layer, pl->layers[l]) == 0;
}

static void dist_reset(dist_t *x)
{
    for (int k = 0; k < x->n_touched; k++)
        x->v[x->touched[k]] = 0;
    x->n_touched = 0;
    x->wsum = x->outside = 0;
}

/* The share unit u gives each partner of actor a, and the part outside:
 * strengths as they are when they sum to at most 1, else scaled to sum to 1.
 * Returns false when a has no dependence in the unit. */
static bool unit_dist(const cl_deps_t *d, const int *seg, int u, int a, int *lo, int *hi,
                      double *scale, double *outside)
{
    const cl_dep_t *dp = (const cl_dep_t *)(void *)d->deps->data;
    dst_range(d, seg, u, a, lo, hi);
    double sum = 0;
    for (int i = *lo; i < *hi; i++)
        sum += dp[i].strength;
    if (!(sum > 0))
        return false;
    /* Strengths that sum to at most 1 are read as they are, the rest being
     * what no partner fills (for a share: the rest of the world); more than
     * 1 (several blocs, many partners) are scaled to sum to 1. */
    *scale = 1 / MAX(sum, 1);
    *outside = MAX(0, 1 - sum);
    return true;
}

static void dist_of(const plan_t *pl, const cl_deps_t *d, const int *seg, int l, int a, dist_t *x)
{
    const cl_dep_t *dp = (const cl_dep_t *)(void *)d->deps->data;
    dist_reset(x);
    for (int u = 0; u < d->n_units; u++) {
        const cl_unit_t *un = &d->units[u];
        int lo, hi;
        double scale, outside;
        if (!in_layer(pl, un, l) || un->cover == CL_COVER_NONE || !(un->weight > 0) ||
            !unit_dist(d, seg, u, a, &lo, &hi, &scale, &outside))
            continue;
        for (int i = lo; i < hi; i++) {
            if (x->v[dp[i].src] == 0)
                x->touched[x->n_touched++] = dp[i].src;
            x->v[dp[i].src] += un->weight * dp[i].strength * scale;
        }
        x->outside += un->weight * outside;
        x->wsum += un->weight;
    }
    if (x->wsum > 0) {
        for (int k = 0; k < x->n_touched; k++)
            x->v[x->touched[k]] /= x->wsum;
        x->outside /= x->wsum;
    }
}

static void dist_init(dist_t *x, int na)
{
    x->v = g_new0(double, MAX(na, 1));
    x->touched = g_new(int, MAX(na, 1));
    x->n_touched = 0;
    x->wsum = x->outside = 0;
}

static void dist_release(dist_t *x)
{
    g_free(x->v);
    g_free(x->touched);
}

/* The part of actor c that counts for pole p by the dataset's `lead`: 1 /
 * (number of leads) when p leads c, else 0; -1 when c has no lead. */
static double lead_part(const plan_t *pl, int c, int p)
{
    const clout_actor_t *act = clout_dataset_actor(pl->ds, c);
    if (act->n_lead == 0)
        return -1;
    double part = 0;
    for (int k = 0; k < act->n_lead; k++)
        if (act->lead[k] == pl->pole[p])
            part += 1.0 / act->n_lead;
    return part;
}

void cl_model_indices(const plan_t *pl, const cl_deps_t *d, indices_t *x)
{
    int na = clout_dataset_n_actors(pl->ds), np = pl->n_poles;
    int *seg = unit_starts(d);
    dist_t df, dc;
    dist_init(&df, na);
    dist_init(&dc, na);
    /* S(p, c) of an intermediary without a lead is c's own dependence on p:
     * computed once per layer, when first needed (poles x actors). */
    double *s_of = g_new(double, (size_t)MAX(na, 1) * np);
    bool *have = g_new(bool, MAX(na, 1));
    for (int l = 0; l < pl->n_layers; l++) {
        memset(have, 0, sizeof(bool) * (size_t)MAX(na, 1));
        for (int f = 0; f < pl->n_focus; f++) {
            dist_of(pl, d, seg, l, pl->focus[f], &df);
            double *dir = &DIRECT(pl, x, l, f, 0), *rch = &REACH(pl, x, l, f, 0);
            if (!(df.wsum > 0)) {
                for (int p = 0; p <= np; p++)
                    dir[p] = NAN;
                for (int p = 0; p < np; p++)
                    rch[p] = NAN;
                continue;
            }
            double claimed = 0;
            for (int p = 0; p < np; p++) {
                double dsh = df.v[pl->pole[p]], rsh = dsh;
                for (int k = 0; k < df.n_touched; k++) {
                    int c = df.touched[k];
                    if (pl->pole_of[c] >= 0)
                        continue;
                    double part = lead_part(pl, c, p);
                    if (part >= 0) { /* c has a lead: attributed to it, one step */
                        dsh += df.v[c] * part;
                        rsh += df.v[c] * part;
                        continue;
                    }
                    if (!have[c]) { /* c's own dependence on each pole: the second step */
                        dist_of(pl, d, seg, l, c, &dc);
                        for (int q = 0; q < np; q++)
                            s_of[(size_t)c * np + q] = dc.wsum > 0 ? dc.v[pl->pole[q]] : 0;
                        have[c] = true;
                    }
                    rsh += df.v[c] * s_of[(size_t)c * np + p];
                }
                dir[p] = dsh;
                rch[p] = rsh;
                claimed += dsh;
            }
            dir[np] = MAX(0, 1 - claimed); /* "other": the rest of the dataset and the world */
        }
    }
    g_free(have);
    g_free(s_of);
    dist_release(&df);
    dist_release(&dc);
    g_free(seg);
}

char *cl_model_coverage(const plan_t *pl, const cl_deps_t *d, int l, cl_cover_t which)
{
    GString *s = g_string_new(NULL);
    for (int u = 0; u < d->n_units; u++) {
        const cl_unit_t *un = &d->units[u];
        if (!in_layer(pl, un, l) || un->cover != which)
            continue;
        g_string_append_printf(s, "%s%s", s->len ? ";" : "", un->name);
        if (which == CL_COVER_CARRIED) {
            int from = 0;
            for (int k = 0; k < un->n_member; k++)
                if (un->member[k].cover == CL_COVER_CARRIED)
                    from = MAX(from, un->member[k].last);
            g_string_append_printf(s, " (from %d)", from);
        }
    }
    return g_string_free(s, FALSE);
}

const char *cl_model_denominator(const plan_t *pl, const cl_deps_t *d, int l, int f)
{
    int na = clout_dataset_n_actors(pl->ds), a = pl->focus[f];
    bool world = false, dataset = false;
    for (int u = 0; u < d->n_units; u++) {
        if (!in_layer(pl, &d->units[u], l) || d->units[u].scale != CLOUT_SCALE_SHARE)
            continue;
        char c = d->denominator[(size_t)u * na + a];
        world |= c == 'w';
        dataset |= c == 'd';
    }
    return world && dataset ? "mixed" : world ? "world" : dataset ? "dataset" : "";
}

clout_table_t *cl_model_contributions(const plan_t *pl, const cl_deps_t *d)
{
    clout_table_t *t = clout_table_new("contributions");
    static const char *scols[] = {"focus", "layer", "relation"};
    for (int k = 0; k < 3; k++)
        clout_table_add_column(t, scols[k], CLOUT_COL_STR);
    clout_table_add_column(t, "weight", CLOUT_COL_NUM);
    clout_table_add_column(t, "part_of_layer", CLOUT_COL_NUM);
    clout_table_add_column(t, "pole", CLOUT_COL_STR);
    clout_table_add_column(t, "share", CLOUT_COL_NUM);
    clout_table_add_column(t, "contribution", CLOUT_COL_NUM);
    const cl_dep_t *dp = (const cl_dep_t *)(void *)d->deps->data;
    int *seg = unit_starts(d), np = pl->n_poles, na = clout_dataset_n_actors(pl->ds);
    double *a = g_new(double, np + 1);
    dist_t df;
    dist_init(&df, na);
    for (int f = 0; f < pl->n_focus; f++) {
        const char *fid = clout_dataset_actor(pl->ds, pl->focus[f])->id;
        for (int l = 0; l < pl->n_layers; l++) {
            dist_of(pl, d, seg, l, pl->focus[f], &df); /* for the weights it has */
            for (int u = 0; u < d->n_units && df.wsum > 0; u++) {
                const cl_unit_t *un = &d->units[u];
                int lo, hi;
                double scale, outside;
                if (!in_layer(pl, un, l) || un->cover == CL_COVER_NONE || !(un->weight > 0) ||
                    !unit_dist(d, seg, u, pl->focus[f], &lo, &hi, &scale, &outside))
                    continue;
                memset(a, 0, sizeof(double) * (size_t)(np + 1));
                for (int i = lo; i < hi; i++) {
                    double v = dp[i].strength * scale;
                    int c = dp[i].src;
                    for (int p = 0; p < np; p++) {
                        double part = pl->pole_of[c] == p   ? 1
                                      : pl->pole_of[c] >= 0 ? 0
                                                            : MAX(0, lead_part(pl, c, p));
                        a[p] += v * part;
                    }
                }
                double claimed = 0;
                for (int p = 0; p < np; p++)
                    claimed += a[p];
                a[np] = MAX(0, 1 - claimed);
                for (int p = 0; p <= np; p++) {
                    int r = clout_table_add_row(t);
                    clout_table_set_str(t, r, 0, fid);
                    clout_table_set_str(t, r, 1, pl->layers[l]);
                    clout_table_set_str(t, r, 2, un->name);
                    clout_table_set_num(t, r, 3, un->weight);
                    clout_table_set_num(t, r, 4, un->weight / df.wsum);
                    clout_table_set_str(
                        t, r, 5, p < np ? clout_dataset_actor(pl->ds, pl->pole[p])->id : "other");
                    clout_table_set_num(t, r, 6, a[p]);
                    clout_table_set_num(t, r, 7, a[p] * un->weight / df.wsum);
                }
            }
        }
    }
    dist_release(&df);
    g_free(a);
    g_free(seg);
    return t;
}
