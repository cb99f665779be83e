/* dependence.c: who depends on whom in a snapshot, relation by relation (the units that
 * the network's weights and the influence measures are made of; doc/methods.md). */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- an open-addressing map from an actor pair to a running amount ---- */

typedef struct {
    guint64 *key;
    double *val;
    guint8 *used;
    guint32 mask, n;
} amounts_t;

static void amounts_init(amounts_t *m, guint32 size)
{
    m->key = g_new(guint64, size);
    m->val = g_new(double, size);
    m->used = g_new0(guint8, size);
    m->mask = size - 1;
    m->n = 0;
}

static void amounts_destroy(amounts_t *m)
{
    g_free(m->key);
    g_free(m->val);
    g_free(m->used);
    memset(m, 0, sizeof *m);
}

static guint32 amounts_pos(const amounts_t *m, guint64 key)
{
    guint32 i = cl_pair_slot(key, m->mask);
    while (m->used[i] && m->key[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

/* The amount of key, created as 0 when new. */
static double *amounts_slot(amounts_t *m, guint64 key)
{
    if (!m->key)
        amounts_init(m, 64);
    if (2 * (m->n + 1) > m->mask + 1) { /* keep the load under a half */
        amounts_t big;
        amounts_init(&big, 2 * (m->mask + 1));
        for (guint32 i = 0; i <= m->mask; i++)
            if (m->used[i]) {
                guint32 j = amounts_pos(&big, m->key[i]);
                big.key[j] = m->key[i];
                big.val[j] = m->val[i];
                big.used[j] = 1;
            }
        big.n = m->n;
        amounts_destroy(m);
        *m = big;
    }
    guint32 i = amounts_pos(m, key);
    if (!m->used[i]) {
        m->used[i] = 1;
        m->key[i] = key;
        m->val[i] = 0;
        m->n++;
    }
    return &m->val[i];
}

/* ---- years and coverage ---- */

static bool in_list(char **list, const char *s)
{
    for (char **p = list; p && *p; p++)
        if (strcmp(*p, s) == 0)
            return true;
    return false;
}

/* Whether relation r takes part: its layer and name pass the filters, and
 * neither it nor its group is excluded. */
static bool selected(const clout_dataset_t *ds, int r, const clout_snapshot_opts_t *o)
{
    const clout_relation_t *rel = clout_dataset_relation(ds, r);
    if (o->layers && !in_list(o->layers, rel->layer))
        return false;
    if (o->relations && !in_list(o->relations, rel->name) &&
        !(*rel->group && in_list(o->relations, rel->group)))
        return false;
    return !in_list(o->exclude, rel->name) && !(*rel->group && in_list(o->exclude, rel->group));
}

cl_cover_t cl_member_years(const clout_dataset_t *ds, int r, int year, int window,
                           int carry_forward, int *first, int *last)
{
    const clout_relation_t *rel = clout_dataset_relation(ds, r);
    int cf, cl;
    clout_dataset_coverage(ds, r, &cf, &cl);
    int w0 = rel->mode == CLOUT_MODE_STATE ? year : year - window + 1;
    *first = MAX(w0, cf);
    *last = MIN(year, cl);
    if (cf && *first <= *last)
        return *first == w0 && *last == year ? CL_COVER_FULL : CL_COVER_PARTIAL;
    /* Not covered: carried forward from the last covered years when asked. */
    if (cf && carry_forward > 0 && year > cl && year - cl <= carry_forward) {
        *last = cl;
        *first = rel->mode == CLOUT_MODE_STATE ? cl : MAX(cf, cl - window + 1);
        return CL_COVER_CARRIED;
    }
    *first = *last = 0;
    return CL_COVER_NONE;
}

int clout_snapshot_default_year(const clout_dataset_t *ds, const clout_snapshot_opts_t *o)
{
    /* The last year of each flow relation, a group's the last of any of its
     * relations (COW trade ends in 2014, IMF trade of the same group goes
     * on); the earliest of these. */
    int nr = clout_dataset_n_relations(ds), year = 0;
    for (int r = 0; r < nr; r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        if (rel->mode != CLOUT_MODE_FLOW || !selected(ds, r, o))
            continue;
        int last = 0;
        for (int q = 0; q < nr; q++) {
            const clout_relation_t *other = clout_dataset_relation(ds, q);
            if (q != r && !(*rel->group && strcmp(other->group, rel->group) == 0))
                continue;
            if (!selected(ds, q, o))
                continue;
            int f, l;
            clout_dataset_coverage(ds, q, &f, &l);
            last = MAX(last, l);
        }
        if (last && (!year || last < year))
            year = last;
    }
    return year ? year : clout_dataset_latest_year(ds);
}

clout_status_t cl_snapshot_check_year(const clout_dataset_t *ds, int year,
                                      const clout_snapshot_opts_t *o, clout_error_t *err)
{
    int lo = 0, hi = 0;
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        if (!selected(ds, r, o))
            continue;
        int f, l, a, b;
        clout_dataset_coverage(ds, r, &f, &l);
        if (!f)
            continue;
        lo = lo ? MIN(lo, f) : f;
        hi = MAX(hi, l);
        if (cl_member_years(ds, r, year, o->window, o->carry_forward, &a, &b) != CL_COVER_NONE)
            return CLOUT_OK;
    }
    if (!lo)
        return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                               "the dataset has no ties in the selected relations");
    return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                           "no relation covers %d: the sources of the selected relations cover "
                           "%d-%d, and clout does not extrapolate (see clout info)",
                           year, lo, hi);
}

/* ---- the units ---- */

/* Groups relations into units: a group's relations form one, a relation
 * without a group is one alone.  Units keep the order of relations.csv. */
static void make_units(const clout_dataset_t *ds, const clout_snapshot_opts_t *o, int year,
                       int window, cl_deps_t *d, int *unit_of)
{
    int nr = clout_dataset_n_relations(ds);
    GArray *units = g_array_new(FALSE, TRUE, sizeof(cl_unit_t));
    for (int r = 0; r < nr; r++) {
        unit_of[r] = -1;
        if (!selected(ds, r, o))
            continue;
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        int u = -1;
        for (guint k = 0; *rel->group && k < units->len; k++)
            if (strcmp(g_array_index(units, cl_unit_t, k).name, rel->group) == 0)
                u = (int)k;
        if (u < 0) {
            cl_unit_t nu = {0};
            nu.name = *rel->group ? rel->group : rel->name;
            nu.layer = rel->layer;
            nu.weight = rel->weight;
            nu.mode = rel->mode;
            nu.scale = rel->scale;
            nu.cover = CL_COVER_NONE;
            nu.member = g_new0(cl_member_t, nr);
            g_array_append_val(units, nu);
            u = (int)units->len - 1;
        }
        cl_unit_t *un = &g_array_index(units, cl_unit_t, u);
        cl_member_t *m = &un->member[un->n_member++];
        m->relation = r;
        m->cover = cl_member_years(ds, r, year, window, o->carry_forward, &m->first, &m->last);
        un->directed |= rel->directed;
        if (m->cover < un->cover)
            un->cover = m->cover;
        unit_of[r] = u;
    }
    d->n_units = (int)units->len;
    d->units = (cl_unit_t *)g_array_free(units, FALSE);
}

char **cl_snapshot_not_covered(const clout_dataset_t *ds, int year, const clout_snapshot_opts_t *o)
{
    cl_deps_t d = {0};
    int *unit_of = g_new(int, MAX(clout_dataset_n_relations(ds), 1));
    make_units(ds, o, year, o->window, &d, unit_of);
    GPtrArray *v = g_ptr_array_new();
    for (int u = 0; u < d.n_units; u++)
        if (d.units[u].cover == CL_COVER_NONE)
            g_ptr_array_add(v, g_strdup(d.units[u].name));
    g_ptr_array_add(v, NULL);
    g_free(unit_of);
    cl_deps_release(&d);
    return (char **)g_ptr_array_free(v, FALSE);
}

char **clout_snapshots_like_with_like(const clout_dataset_t *ds, const int *years, int n,
                                      const clout_snapshot_opts_t *o)
{
    GPtrArray *v = g_ptr_array_new();
    for (char **p = o->exclude; p && *p; p++)
        g_ptr_array_add(v, g_strdup(*p));
    for (int i = 0; i < n; i++) {
        char **nc = cl_snapshot_not_covered(ds, years[i], o);
        for (char **p = nc; *p; p++) {
            bool seen = false;
            for (guint k = 0; k < v->len && !seen; k++)
                seen = strcmp(g_ptr_array_index(v, k), *p) == 0;
            if (!seen)
                g_ptr_array_add(v, g_strdup(*p));
        }
        g_strfreev(nc);
    }
    g_ptr_array_add(v, NULL);
    return (char **)g_ptr_array_free(v, FALSE);
}

/* ---- amounts in the window ---- */

typedef struct {
    amounts_t pairs;               /* (source, target) -> amount; undirected: lower index first */
    double *to_world, *from_world; /* per actor: sent to WORLD, received from WORLD (or NULL) */
} raw_t;

/* What a tie adds in the member's years: a state tie its value when active
 * (overlapping ties: the largest), a flow its value, an event its value
 * decayed by its age. */
static double tie_amount(const clout_relation_t *rel, const cl_member_t *m, const clout_tie_t *t,
                         double half_life, bool *add)
{
    *add = true;
    if (rel->mode == CLOUT_MODE_STATE) {
        *add = false;
        return t->start <= m->last && (!t->end || t->end >= m->last) ? t->value : -1;
    }
    if (t->start < m->first || t->start > m->last)
        return -1;
    if (rel->mode == CLOUT_MODE_EVENT && half_life > 0)
        return t->value * pow(0.5, (m->last - t->start) / half_life);
    return t->value;
}

static void read_amounts(const clout_dataset_t *ds, const clout_tie_t *ties, long nt,
                         const cl_deps_t *d, const int *unit_of, const int *member_of,
                         double half_life, raw_t *raw)
{
    int world = clout_dataset_find_actor(ds, CLOUT_WORLD), na = clout_dataset_n_actors(ds);
    for (long i = 0; i < nt; i++) {
        const clout_tie_t *t = &ties[i];
        int u = unit_of[t->relation];
        if (u < 0)
            continue;
        const cl_member_t *m = &d->units[u].member[member_of[t->relation]];
        if (m->cover == CL_COVER_NONE)
            continue;
        const clout_relation_t *rel = clout_dataset_relation(ds, t->relation);
        bool add;
        double v = tie_amount(rel, m, t, half_life, &add);
        if (v < 0)
            continue;
        raw_t *rw = &raw[t->relation];
        if (t->source == world || t->target == world) {
            double **tot = t->source == world ? &rw->from_world : &rw->to_world;
            if (!*tot)
                *tot = g_new0(double, na);
            (*tot)[t->source == world ? t->target : t->source] += v;
            continue;
        }
        int a = t->source, b = t->target;
        if (!rel->directed && a > b) {
            int x = a;
            a = b;
            b = x;
        }
        double *slot = amounts_slot(&rw->pairs, cl_pair_key(a, b));
        if (add)
            *slot += v;
        else if (v > *slot)
            *slot = v;
    }
}

/* ---- strengths ---- */

/* Relation r's dependences: dep(src -> dst) is the amount that counts toward
 * dst's dependence on src (doc/methods.md, "Direction of dependence"). */
static void counted(const clout_relation_t *rel, const raw_t *rw, amounts_t *dep)
{
    for (guint32 i = 0; rw->pairs.key && i <= rw->pairs.mask; i++) {
        if (!rw->pairs.used[i] || !(rw->pairs.val[i] > 0))
            continue;
        int s = (int)(rw->pairs.key[i] >> 32), t = (int)(guint32)rw->pairs.key[i];
        double v = rw->pairs.val[i];
        if (!rel->directed || rel->counts == CLOUT_COUNTS_BOTH) {
            *amounts_slot(dep, cl_pair_key(s, t)) += v;
            *amounts_slot(dep, cl_pair_key(t, s)) += v;
        } else if (rel->counts == CLOUT_COUNTS_IN) {
            *amounts_slot(dep, cl_pair_key(s, t)) += v;
        } else {
            *amounts_slot(dep, cl_pair_key(t, s)) += v;
        }
    }
}

/* The world total that dst's counted amounts are a share of, or -1 when the
 * dataset gives none. */
static double world_total(const clout_relation_t *rel, const raw_t *rw, int dst)
{
    bool in = !rel->directed || rel->counts != CLOUT_COUNTS_OUT;
    bool out = !rel->directed || rel->counts != CLOUT_COUNTS_IN;
    double tot = 0;
    bool any = false;
    if (in && rw->from_world) {
        tot += rw->from_world[dst];
        any |= rw->from_world[dst] > 0;
    }
    if (out && rw->to_world) {
        tot += rw->to_world[dst];
        any |= rw->to_world[dst] > 0;
    }
    return any ? tot : -1;
}

/* Scales relation r's counted amounts to strengths in [0, 1] and keeps, per
 * pair, the unit's largest (a group counts once). */
static void relation_strengths(const clout_dataset_t *ds, int r, cl_deps_t *d, int u,
                               const raw_t *rw, amounts_t *best, int na)
{
    const clout_relation_t *rel = clout_dataset_relation(ds, r);
    amounts_t dep = {0};
    counted(rel, rw, &dep);
    if (!dep.key)
        return;
    double max = 0;
    double *sum = g_new0(double, na);
    for (guint32 i = 0; i <= dep.mask; i++)
        if (dep.used[i]) {
            max = MAX(max, dep.val[i]);
            sum[(int)(guint32)dep.key[i]] += dep.val[i];
        }
    for (guint32 i = 0; i <= dep.mask; i++) {
        if (!dep.used[i] || !(dep.val[i] > 0))
            continue;
        int dst = (int)(guint32)dep.key[i];
        double v = dep.val[i], s = 0;
        switch (rel->scale) {
        case CLOUT_SCALE_BINARY: s = 1; break;
        case CLOUT_SCALE_MAX: s = v / max; break;
        case CLOUT_SCALE_LOG: s = log1p(v) / log1p(max); break;
        case CLOUT_SCALE_VALUE: s = v; break; /* a score of 0 to 1 (a state) */
        case CLOUT_SCALE_SHARE: {
            /* The world total when the dataset gives one; the partners'
             * sum when it is larger (sources that disagree) or missing. */
            double w = world_total(rel, rw, dst);
            char *mark = &d->denominator[(size_t)u * na + dst];
            *mark = w >= sum[dst] ? 'w' : (*mark == 'w' ? 'w' : 'd');
            s = v / MAX(w, sum[dst]);
            break;
        }
        }
        double *slot = amounts_slot(best, dep.key[i]);
        if (s > *slot)
            *slot = s;
    }
    g_free(sum);
    amounts_destroy(&dep);
}

static int cmp_dep(const void *x, const void *y)
{
    const cl_dep_t *a = x, *b = y;
    if (a->unit != b->unit)
        return a->unit < b->unit ? -1 : 1;
    if (a->dst != b->dst)
        return a->dst < b->dst ? -1 : 1;
    return (a->src > b->src) - (a->src < b->src);
}

/* Says when a unit's sources do not cover the whole window: the caller
 * should know that a missing amount is "no data", not "no tie". */
static void warn_coverage(const clout_dataset_t *ds, const cl_deps_t *d, clout_error_t *err)
{
    for (int u = 0; u < d->n_units; u++) {
        const cl_unit_t *un = &d->units[u];
        if (un->cover == CL_COVER_FULL)
            continue;
        int lo = 0, hi = 0, first = 0, last = 0;
        for (int k = 0; k < un->n_member; k++) {
            int f, l;
            clout_dataset_coverage(ds, un->member[k].relation, &f, &l);
            lo = lo ? MIN(lo, f) : f;
            hi = MAX(hi, l);
            if (un->member[k].cover != CL_COVER_NONE) {
                first = first ? MIN(first, un->member[k].first) : un->member[k].first;
                last = MAX(last, un->member[k].last);
            }
        }
        int w0 = un->mode == CLOUT_MODE_STATE ? d->year : d->year - d->window + 1;
        char *win = w0 == d->year ? g_strdup_printf("%d", d->year)
                                  : g_strdup_printf("the window %d-%d", w0, d->year);
        if (un->cover == CL_COVER_NONE)
            clout_error_warn(err,
                             "%s: no data in the %d snapshot: its sources cover %d-%d, not %s "
                             "(left out; --carry-forward N would use its last years)",
                             un->name, d->year, lo, hi, win);
        else if (un->cover == CL_COVER_PARTIAL)
            clout_error_warn(err, "%s: only %d-%d of %s is covered by its sources (%d-%d)",
                             un->name, first, last, win, lo, hi);
        else
            clout_error_warn(err,
                             "%s: carried forward into the %d snapshot from %d-%d, the last "
                             "years its sources cover (--carry-forward)",
                             un->name, d->year, first, last);
        g_free(win);
    }
}

clout_status_t cl_deps_compute(const clout_dataset_t *ds, const clout_tie_t *ties, long nt,
                               const clout_snapshot_opts_t *o, int year, cl_deps_t *d,
                               clout_error_t *err)
{
    memset(d, 0, sizeof *d);
    if (o->window < 1)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a window of %d years: it must be 1 or more", o->window);
    if (o->half_life < 0 || !isfinite(o->half_life))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a half-life of %g years: it must be 0 (none) or more",
                               o->half_life);
    int nr = clout_dataset_n_relations(ds), na = clout_dataset_n_actors(ds);
    d->year = year;
    d->window = o->window;
    int *unit_of = g_new(int, MAX(nr, 1)), *member_of = g_new0(int, MAX(nr, 1));
    make_units(ds, o, year, o->window, d, unit_of);
    warn_coverage(ds, d, err);
    for (int u = 0; u < d->n_units; u++)
        for (int k = 0; k < d->units[u].n_member; k++)
            member_of[d->units[u].member[k].relation] = k;
    raw_t *raw = g_new0(raw_t, MAX(nr, 1));
    read_amounts(ds, ties, nt, d, unit_of, member_of, o->half_life, raw);
    d->denominator = g_new0(char, (size_t)MAX(d->n_units, 1) * MAX(na, 1));
    d->deps = g_array_new(FALSE, FALSE, sizeof(cl_dep_t));
    for (int u = 0; u < d->n_units; u++) {
        amounts_t best = {0};
        for (int k = 0; k < d->units[u].n_member; k++)
            relation_strengths(ds, d->units[u].member[k].relation, d, u,
                               &raw[d->units[u].member[k].relation], &best, na);
        for (guint32 i = 0; best.key && i <= best.mask; i++)
            if (best.used[i] && best.val[i] > 0) {
                cl_dep_t dp = {u, (int)(best.key[i] >> 32), (int)(guint32)best.key[i],
                               MIN(best.val[i], 1)};
                g_array_append_val(d->deps, dp);
            }
        amounts_destroy(&best);
    }
    g_array_sort(d->deps, cmp_dep);
    for (int r = 0; r < nr; r++) {
        amounts_destroy(&raw[r].pairs);
        g_free(raw[r].to_world);
        g_free(raw[r].from_world);
    }
    g_free(raw);
    g_free(unit_of);
    g_free(member_of);
    return CLOUT_OK;
}

void cl_deps_release(cl_deps_t *d)
{
    for (int u = 0; u < d->n_units; u++)
        g_free(d->units[u].member);
    g_free(d->units);
    if (d->deps)
        g_array_free(d->deps, TRUE);
    g_free(d->denominator);
    memset(d, 0, sizeof *d);
}
