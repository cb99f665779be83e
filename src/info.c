/* info.c: describes a network and its dataset: sizes, kinds, layers, relation coverage. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "internal.h"

/* Counts keyed by string, kept in first-seen order. */
typedef struct {
    GPtrArray *keys;
    GHashTable *ix;
    GArray *n;
} tally_t;

static void tally_init(tally_t *t)
{
    t->keys = g_ptr_array_new_with_free_func(g_free);
    t->ix = g_hash_table_new(g_str_hash, g_str_equal);
    t->n = g_array_new(FALSE, TRUE, sizeof(long));
}

static void tally_add(tally_t *t, const char *key, long by)
{
    gpointer hit = g_hash_table_lookup(t->ix, key);
    if (!hit) {
        char *k = g_strdup(key);
        g_ptr_array_add(t->keys, k);
        long zero = 0;
        g_array_append_val(t->n, zero);
        hit = GINT_TO_POINTER(t->keys->len);
        g_hash_table_insert(t->ix, k, hit);
    }
    g_array_index(t->n, long, GPOINTER_TO_INT(hit) - 1) += by;
}

static void tally_free(tally_t *t)
{
    g_hash_table_destroy(t->ix);
    g_ptr_array_free(t->keys, TRUE);
    g_array_free(t->n, TRUE);
}

static clout_table_t *tally_table(tally_t *t, const char *name, const char *key, const char *count)
{
    clout_table_t *tb = clout_table_new(name);
    clout_table_add_column(tb, key, CLOUT_COL_STR);
    clout_table_add_column(tb, count, CLOUT_COL_INT);
    for (guint i = 0; i < t->keys->len; i++) {
        int r = clout_table_add_row(tb);
        clout_table_set_str(tb, r, 0, g_ptr_array_index(t->keys, i));
        clout_table_set_int(tb, r, 1, g_array_index(t->n, long, i));
    }
    return tb;
}

/* "2000-2014" style list of the years in a sorted set. */
static char *year_ranges(GArray *years)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < years->len;) {
        int a = g_array_index(years, int, i), b = a;
        guint j = i + 1;
        while (j < years->len && g_array_index(years, int, j) == b + 1)
            b = g_array_index(years, int, j++);
        if (s->len)
            g_string_append_c(s, ',');
        if (a == b)
            g_string_append_printf(s, "%d", a);
        else
            g_string_append_printf(s, "%d-%d", a, b);
        i = j;
    }
    return g_string_free(s, FALSE);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The relations table: what each relation holds in the dataset and in this
 * snapshot, and which years have real amounts (flows). */
static clout_table_t *relations_table(const clout_network_t *net, const clout_dataset_t *ds)
{
    int nr = clout_dataset_n_relations(ds);
    long nt = clout_dataset_n_ties(ds);
    long *all = g_new0(long, nr), *active = g_new0(long, nr);
    double *amount = g_new0(double, nr);
    int *first = g_new0(int, nr), *last = g_new0(int, nr);
    GHashTable **yrs = g_new0(GHashTable *, nr);
    int year = net->year, window = net->window;
    for (long i = 0; i < nt; i++) {
        const clout_tie_t *t = clout_dataset_tie(ds, i);
        const clout_relation_t *r = clout_dataset_relation(ds, t->relation);
        int k = t->relation;
        all[k]++;
        if (!first[k] || t->start < first[k])
            first[k] = t->start;
        int end = t->end ? t->end : t->start;
        if (end > last[k])
            last[k] = end;
        bool on = cl_tie_in_snapshot(ds, t, year, window);
        if (on) {
            active[k]++;
            if (r->mode != CLOUT_MODE_STATE)
                amount[k] += t->value;
        }
        if (r->mode == CLOUT_MODE_FLOW) {
            if (!yrs[k])
                yrs[k] = g_hash_table_new(g_direct_hash, g_direct_equal);
            g_hash_table_add(yrs[k], GINT_TO_POINTER(t->start));
        }
    }
    clout_table_t *tb = clout_table_new("relations");
    static const struct {
        const char *name;
        clout_coltype_t type;
    } cols[] = {{"relation", CLOUT_COL_STR},
                {"layer", CLOUT_COL_STR},
                {"mode", CLOUT_COL_STR},
                {"scale", CLOUT_COL_STR},
                {"weight", CLOUT_COL_NUM},
                {"group", CLOUT_COL_STR},
                {"counts", CLOUT_COL_STR},
                {"coverage", CLOUT_COL_STR},
                {"covered", CLOUT_COL_STR},
                {"ties", CLOUT_COL_INT},
                {"in_snapshot", CLOUT_COL_INT},
                {"amount_in_window", CLOUT_COL_NUM},
                {"first_year", CLOUT_COL_INT},
                {"last_year", CLOUT_COL_INT},
                {"years_with_values", CLOUT_COL_STR}};
    for (size_t c = 0; c < G_N_ELEMENTS(cols); c++)
        clout_table_add_column(tb, cols[c].name, cols[c].type);
    static const char *scales[] = {"binary", "share", "log", "max", "value"};
    static const char *modes[] = {"state", "flow", "event"};
    static const char *counts[] = {"in", "out", "both"};
    static const char *covered[] = {"full", "partial", "carried", "no data"};
    for (int k = 0; k < nr; k++) {
        const clout_relation_t *r = clout_dataset_relation(ds, k);
        int row = clout_table_add_row(tb);
        clout_table_set_str(tb, row, clout_table_column(tb, "relation"), r->name);
        clout_table_set_str(tb, row, clout_table_column(tb, "layer"), r->layer);
        clout_table_set_str(tb, row, clout_table_column(tb, "mode"), modes[r->mode]);
        clout_table_set_str(tb, row, clout_table_column(tb, "scale"), scales[r->scale]);
        clout_table_set_num(tb, row, clout_table_column(tb, "weight"), r->weight);
        clout_table_set_str(tb, row, clout_table_column(tb, "group"), r->group);
        clout_table_set_str(tb, row, clout_table_column(tb, "counts"),
                            r->directed ? counts[r->counts] : "");
        int cf, cl, a, b;
        clout_dataset_coverage(ds, k, &cf, &cl);
        char *cov = cf ? g_strdup_printf("%d-%d", cf, cl) : g_strdup("");
        clout_table_set_str(tb, row, clout_table_column(tb, "coverage"), cov);
        g_free(cov);
        clout_table_set_str(tb, row, clout_table_column(tb, "covered"),
                            covered[cl_member_years(ds, k, year, window, 0, &a, &b)]);
        clout_table_set_int(tb, row, clout_table_column(tb, "ties"), all[k]);
        clout_table_set_int(tb, row, clout_table_column(tb, "in_snapshot"), active[k]);
        if (r->mode != CLOUT_MODE_STATE)
            clout_table_set_num(tb, row, clout_table_column(tb, "amount_in_window"), amount[k]);
        if (all[k]) {
            clout_table_set_int(tb, row, clout_table_column(tb, "first_year"), first[k]);
            clout_table_set_int(tb, row, clout_table_column(tb, "last_year"), last[k]);
        }
        if (yrs[k]) {
            GArray *ys = g_array_new(FALSE, FALSE, sizeof(int));
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init(&it, yrs[k]);
            while (g_hash_table_iter_next(&it, &key, NULL)) {
                int y = GPOINTER_TO_INT(key);
                g_array_append_val(ys, y);
            }
            g_array_sort(ys, cmp_int);
            char *s = year_ranges(ys);
            clout_table_set_str(tb, row, clout_table_column(tb, "years_with_values"), s);
            g_free(s);
            g_array_free(ys, TRUE);
            g_hash_table_destroy(yrs[k]);
        } else {
            clout_table_set_str(tb, row, clout_table_column(tb, "years_with_values"), "");
        }
    }
    g_free(all);
    g_free(active);
    g_free(amount);
    g_free(first);
    g_free(last);
    g_free(yrs);
    return tb;
}

/* Flow amounts per source, target and relation in the snapshot window: the
 * real numbers (TIV, US$) behind the scaled weights. */
static clout_table_t *flows_table(const clout_network_t *net, const clout_dataset_t *ds)
{
    long nt = clout_dataset_n_ties(ds);
    GHashTable *ix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    typedef struct {
        int source, target, relation;
    } flowkey_t;
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(flowkey_t));
    GArray *sums = g_array_new(FALSE, FALSE, sizeof(double));
    GArray *counts = g_array_new(FALSE, FALSE, sizeof(long));
    for (long i = 0; i < nt; i++) {
        const clout_tie_t *t = clout_dataset_tie(ds, i);
        if (clout_dataset_relation(ds, t->relation)->mode != CLOUT_MODE_FLOW ||
            !cl_tie_in_snapshot(ds, t, net->year, net->window))
            continue;
        char *key = g_strdup_printf("%d %d %d", t->source, t->target, t->relation);
        gpointer hit = g_hash_table_lookup(ix, key);
        if (!hit) {
            flowkey_t row = {t->source, t->target, t->relation};
            g_array_append_val(rows, row);
            double z = 0;
            long c0 = 0;
            g_array_append_val(sums, z);
            g_array_append_val(counts, c0);
            hit = GINT_TO_POINTER(rows->len);
            g_hash_table_insert(ix, key, hit);
        } else {
            g_free(key);
        }
        int k = GPOINTER_TO_INT(hit) - 1;
        g_array_index(sums, double, k) += t->value;
        g_array_index(counts, long, k)++;
    }
    clout_table_t *tb = clout_table_new("flows");
    clout_table_add_column(tb, "source", CLOUT_COL_STR);
    clout_table_add_column(tb, "target", CLOUT_COL_STR);
    clout_table_add_column(tb, "relation", CLOUT_COL_STR);
    clout_table_add_column(tb, "years", CLOUT_COL_STR);
    clout_table_add_column(tb, "ties", CLOUT_COL_INT);
    clout_table_add_column(tb, "total", CLOUT_COL_NUM);
    char *span = g_strdup_printf("%d-%d", net->year - net->window + 1, net->year);
    for (guint k = 0; k < rows->len; k++) {
        const flowkey_t *row = &g_array_index(rows, flowkey_t, k);
        int r = clout_table_add_row(tb);
        clout_table_set_str(tb, r, 0, clout_dataset_actor(ds, row->source)->id);
        clout_table_set_str(tb, r, 1, clout_dataset_actor(ds, row->target)->id);
        clout_table_set_str(tb, r, 2, clout_dataset_relation(ds, row->relation)->name);
        clout_table_set_str(tb, r, 3, span);
        clout_table_set_int(tb, r, 4, g_array_index(counts, long, k));
        clout_table_set_num(tb, r, 5, g_array_index(sums, double, k));
    }
    g_free(span);
    g_hash_table_destroy(ix);
    g_array_free(rows, TRUE);
    g_array_free(sums, TRUE);
    g_array_free(counts, TRUE);
    return tb;
}

/* Density (NAN below two actors), weak components and isolates. */
static clout_status_t structure(const igraph_t *g, double *density, igraph_integer_t *ncomp,
                                long *isolates, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_vector_int_t deg = {0};
    *density = NAN;
    *ncomp = 0;
    *isolates = 0;
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&deg, 0), "describing the network");
    if (igraph_vcount(g) > 1)
        CLOUT_IGRAPH_TRY(igraph_density(g, density, false), "describing the network");
    CLOUT_IGRAPH_TRY(igraph_connected_components(g, NULL, NULL, ncomp, IGRAPH_WEAK),
                     "describing the network");
    CLOUT_IGRAPH_TRY(igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL, false),
                     "describing the network");
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        *isolates += VECTOR(deg)[v] == 0;
out:
    igraph_vector_int_destroy(&deg);
    return st;
}

clout_status_t clout_info(const clout_network_t *net, const clout_dataset_t *ds,
                          clout_table_t ***tables, int *n_tables, clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    double density;
    igraph_integer_t ncomp;
    long isolates;
    clout_status_t st = structure(g, &density, &ncomp, &isolates, err);
    if (st)
        return st;
    double total_w = 0;
    for (igraph_integer_t i = 0; i < m; i++)
        total_w += cl_enum(g, "weight", i, 1);

    GPtrArray *out = g_ptr_array_new();
    clout_table_t *s = clout_table_new("summary");
    clout_table_add_column(s, "item", CLOUT_COL_STR);
    clout_table_add_column(s, "value", CLOUT_COL_STR);
    char buf[64];
#define ROW(k, fmt, ...)                                                                           \
    do {                                                                                           \
        int r_ = clout_table_add_row(s);                                                           \
        clout_table_set_str(s, r_, 0, (k));                                                        \
        g_snprintf(buf, sizeof buf, fmt, __VA_ARGS__);                                             \
        clout_table_set_str(s, r_, 1, buf);                                                        \
    } while (0)
    {
        int r0 = clout_table_add_row(s);
        clout_table_set_str(s, r0, 0, "input");
        clout_table_set_str(s, r0, 1, net->source);
    }
    if (net->year) {
        ROW("year", "%d", net->year);
        ROW("window", "%d-%d", net->year - net->window + 1, net->year);
    }
    ROW("directed", "%s", igraph_is_directed(g) ? "yes" : "no");
    ROW("actors", "%" IGRAPH_PRId, n);
    ROW("edges", "%" IGRAPH_PRId, m);
    if (isnan(density))
        ROW("density", "%s", "");
    else
        ROW("density", "%.6g", density);
    ROW("components", "%" IGRAPH_PRId, ncomp);
    ROW("isolates", "%ld", isolates);
    ROW("total_weight", "%.6g", total_w);
    if (ds) {
        ROW("dataset_actors", "%d", clout_dataset_n_actors(ds));
        ROW("dataset_relations", "%d", clout_dataset_n_relations(ds));
        ROW("dataset_ties", "%ld", clout_dataset_n_ties(ds));
    }
#undef ROW
    g_ptr_array_add(out, s);

    tally_t kinds, roles, layers;
    tally_init(&kinds);
    tally_init(&roles);
    tally_init(&layers);
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *k = cl_vstr(g, "kind", v), *r = cl_vstr(g, "role", v);
        tally_add(&kinds, *k ? k : "(none)", 1);
        tally_add(&roles, *r ? r : "(none)", 1);
    }
    /* An edge with several layers counts once in each of them. */
    for (igraph_integer_t i = 0; i < m; i++) {
        char **ls = clout_split_list(cl_estr(g, "layer", i), ';');
        if (!ls[0])
            tally_add(&layers, "(none)", 1);
        for (char **p = ls; *p; p++)
            tally_add(&layers, *p, 1);
        g_strfreev(ls);
    }
    g_ptr_array_add(out, tally_table(&kinds, "kinds", "kind", "actors"));
    g_ptr_array_add(out, tally_table(&roles, "roles", "role", "actors"));
    g_ptr_array_add(out, tally_table(&layers, "layers", "layer", "edges"));
    tally_free(&kinds);
    tally_free(&roles);
    tally_free(&layers);
    if (ds) {
        g_ptr_array_add(out, relations_table(net, ds));
        g_ptr_array_add(out, flows_table(net, ds));
    }
    *n_tables = (int)out->len;
    *tables = (clout_table_t **)g_ptr_array_free(out, FALSE);
    return CLOUT_OK;
}
