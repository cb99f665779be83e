/* cow.c: importers for COW IGO (state-year), ATOP and COW alliances (dyad-year), COW trade
 * (dyadic). */
#include <config.h>

#include <string.h>

#include "import.h"

/* ---- what the COW-coded importers share ---- */

typedef struct {
    clout_dataset_t *ds;
    const clout_import_opts_t *opts;
    import_report_t *rep;
    const char *const *igo_cols; /* cow-igo: column names by key */
} cow_ctx_t;

/* Why rows of a COW state code are dropped, or NULL when they are kept; a
 * mapped code is an id the file has, for the --actors check. */
static const char *cow_check(cow_ctx_t *c, long ccode, char **example)
{
    const cow_state_t *s;
    const char *why = cl_import_cow_iso3(c->rep, ccode, &s, example);
    if (why)
        return why;
    if (!import_actor_in(c->opts, s->iso3))
        return "a state outside --actors";
    return NULL;
}

/* Checks the states of a row (both, so that each counts as seen): true when
 * the row is kept, else the drop is reported. */
static bool cow_keep(cow_ctx_t *c, const long *ccodes, int n)
{
    const char *why = NULL;
    char *example = NULL;
    for (int k = 0; k < n; k++) {
        char *ex = NULL;
        const char *w = cow_check(c, ccodes[k], &ex);
        /* a code without ISO code is the reason to name first */
        if (w && (!why || (ex && !example))) {
            why = w;
            g_free(example);
            example = ex;
        } else {
            g_free(ex);
        }
    }
    if (why)
        report_drop(c->rep, why, 1, example);
    g_free(example);
    return !why;
}

/* The actor of a COW state code that cow_keep accepted, added on first use. */
static int cow_actor(cow_ctx_t *c, long ccode)
{
    const cow_state_t *s = codes_cow_state(ccode);
    return clout_dataset_add_actor(c->ds, s->iso3, s->name, "state");
}

static int map_dyad(void *ctx, int key, bool target)
{
    (void)target;
    return cow_actor(ctx, key);
}

static int map_igo(void *ctx, int key, bool target)
{
    cow_ctx_t *c = ctx;
    if (!target)
        return cow_actor(c, key);
    const char *col = c->igo_cols[key];
    const cow_igo_t *g = codes_cow_igo(col);
    char *up = g_ascii_strup(col, -1);
    int a = clout_dataset_add_actor(c->ds, g ? g->id : up, g ? g->name : up, "bloc");
    g_free(up);
    return a;
}

static bool field_year(cl_csv_t *csv, int i, long *v, clout_error_t *err)
{
    return import_field_year(csv, i, v, "year", err);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int *sorted_years(GHashTable *years, int *n)
{
    *n = (int)g_hash_table_size(years);
    int *ys = g_new(int, *n + 1), k = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, years);
    while (g_hash_table_iter_next(&it, &key, NULL))
        ys[k++] = GPOINTER_TO_INT(key);
    qsort(ys, (size_t)*n, sizeof *ys, cmp_int);
    return ys;
}

/* ---- cow-igo ---- */

/* One pass over the state-year file: its header picks the IGO columns, each
 * row adds its years to the spans, and the spans become ties.  At about 155
 * lines it is over the house limit of 150 on purpose: the steps share the
 * column map, the spans and the report counters, and split into functions
 * they would pass seven arguments each, which reads worse than one pass. */
clout_status_t import_cow_igo(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                              const clout_import_opts_t *opts, import_report_t *rep,
                              clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    cow_ctx_t c = {ds, opts, rep, NULL};
    spans_t *sp = spans_new();
    GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal);
    GPtrArray *cols = g_ptr_array_new_with_free_func(g_free); /* key -> column name */
    GArray *fidx = g_array_new(FALSE, FALSE, sizeof(int));    /* key -> field */
    int rel[8] = {0};
    int ci = -1, yi = -1;
    ci = import_column(csv, "ccode", true, err);
    yi = import_column(csv, "year", true, err);
    if (ci < 0 || yi < 0) {
        st = CLOUT_EDATA;
        goto done;
    }
    report_rows(rep, path);
    /* The IGO columns to read: --igos, or every one the code table knows. */
    if (opts->igos) {
        for (char **p = opts->igos; *p; p++) {
            int f = import_column(csv, *p, false, err);
            if (f < 0) {
                st = clout_error_set(err, CLOUT_EUSAGE, path, 1, 0,
                                     "--igos: no column '%s' in this file", *p);
                goto done;
            }
            g_ptr_array_add(cols, g_strdup(*p));
            g_array_append_val(fidx, f);
        }
    } else {
        for (int f = 0; f < cl_csv_n_fields(csv); f++)
            if (codes_cow_igo(cl_csv_field(csv, f))) {
                g_ptr_array_add(cols, g_strdup(cl_csv_field(csv, f)));
                g_array_append_val(fidx, f);
            }
    }
    g_ptr_array_add(cols, NULL);
    c.igo_cols = (const char *const *)cols->pdata;
    /* One relation per layer: a bloc's membership goes to what the bloc does. */
    static const char *layers[] = {"security", "economic", "political", "diplomatic", "technical"};
    int nlayers = (int)G_N_ELEMENTS(layers);
    for (int l = 0; l < nlayers; l++)
        rel[l] = -1;
    int *col_rel = g_new(int, fidx->len + 1);
    for (guint k = 0; k < fidx->len; k++) {
        const cow_igo_t *g = codes_cow_igo(g_ptr_array_index(cols, k));
        const char *layer = g ? g->layer : "diplomatic";
        if (!g)
            report_example(rep, "IGOs not in the code table (layer diplomatic)",
                           g_ptr_array_index(cols, k));
        int l;
        for (l = 0; l < nlayers && strcmp(layers[l], layer) != 0; l++)
            ;
        if (l == nlayers)
            l = 3;
        if (rel[l] < 0) {
            /* cow_member_LAYER, in the group member_LAYER that memberships
             * coded from other sources join. */
            char *name = g_strdup_printf("cow_member_%s", layers[l]);
            char *group = g_strdup_printf("member_%s", layers[l]);
            clout_relation_t def;
            clout_relation_init(&def, name, layers[l]);
            def.scale = CLOUT_SCALE_MAX;
            def.group = group;
            def.source = "COW IGO v3";
            st = import_relation(ds, &def, &rel[l], err);
            g_free(name);
            g_free(group);
            if (st) {
                g_free(col_rel);
                goto done;
            }
        }
        col_rel[k] = rel[l];
        import_known(rep, g ? g->id : (const char *)g_ptr_array_index(cols, k));
    }
    long rows = 0, kept = 0, missing = 0;
    int r;
    while ((r = cl_csv_next(csv, err)) > 0) {
        long ccode, year;
        if (!import_field_long(csv, ci, &ccode, "ccode", err) || !field_year(csv, yi, &year, err)) {
            r = -1;
            break;
        }
        rows++;
        g_hash_table_add(years, GINT_TO_POINTER((int)year));
        if (!cow_keep(&c, &ccode, 1))
            continue;
        kept++;
        for (guint k = 0; k < fidx->len; k++) {
            int f = g_array_index(fidx, int, k);
            long v;
            if (!import_field_long(csv, f, &v, g_ptr_array_index(cols, k), err)) {
                r = -1;
                break;
            }
            /* 1 full member, 2 associate, 3 observer (COW IGO v3 codebook). */
            static const double value[] = {0, 1, 0.5, 0.25};
            static const char *status[] = {"", "", "; associate member", "; observer"};
            if (v >= 1 && v <= 3) {
                /* The note names the COW column, so a tie can be traced to its cell. */
                char *note = g_strdup_printf("COW column %s%s", (char *)g_ptr_array_index(cols, k),
                                             status[v]);
                spans_add(sp, (int)ccode, (int)k, col_rel[k], value[v], (int)year,
                          g_intern_string(note));
                g_free(note);
            } else if (v == -9)
                missing++;
            else if (v != 0 && v != -1) {
                clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, f),
                                cl_csv_field_col(csv, f),
                                "column '%s': %ld is not a COW IGO status (0, 1, 2, 3, -9, -1)",
                                (char *)g_ptr_array_index(cols, k), v);
                r = -1;
                break;
            }
        }
        if (r < 0)
            break;
    }
    g_free(col_rel);
    if (r < 0) {
        st = clout_error_status(err);
        goto done;
    }
    int ny;
    int *ys = sorted_years(years, &ny);
    for (int l = 0; l < nlayers && ny > 0; l++)
        if (rel[l] >= 0)
            import_cover(ds, rel[l], opts, ys[0], ys[ny - 1]);
    long dupes = 0, outside = 0;
    long added =
        spans_emit(sp, ds, ys, ny, opts, "COW IGO v3 (Pevehouse et al. 2020), state-year format",
                   map_igo, &c, &dupes, &outside);
    g_free(ys);
    report_rows_done(rep, rows, kept);
    report_add(rep, "IGO columns read", (long)fidx->len, NULL);
    report_add(rep, "membership ties added (consecutive years joined)", added, NULL);
    report_add(rep, "ties already present", dupes, NULL);
    report_add(rep, "ties outside --from/--until (spans that do not reach those years)", outside,
               NULL);
    report_add(rep, "state-IGO-years missing in the data (-9)", missing, NULL);
done:
    spans_free(sp);
    g_hash_table_destroy(years);
    g_ptr_array_free(cols, TRUE);
    g_array_free(fidx, TRUE);
    return st;
}

/* ---- dyad-year alliances: ATOP and COW ---- */

typedef struct {
    const char *column, *relation;
} obligation_t;

static clout_status_t import_dyad_years(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                                        const clout_import_opts_t *opts, import_report_t *rep,
                                        clout_error_t *err, const obligation_t *obl, int n_obl,
                                        bool directed, const char *source, const char *source_ref)
{
    clout_status_t st = CLOUT_OK;
    cow_ctx_t c = {ds, opts, rep, NULL};
    spans_t *sp = spans_new();
    GHashTable *years = g_hash_table_new(g_direct_hash, g_direct_equal);
    int fi[8], rel[8];
    int r;
    int c1 = import_column(csv, "ccode1", true, err), c2 = import_column(csv, "ccode2", true, err),
        yi = import_column(csv, "year", true, err);
    for (int k = 0; k < n_obl; k++)
        fi[k] = import_column(csv, obl[k].column, true, err);
    for (int k = 0; k < n_obl; k++)
        if (fi[k] < 0)
            c1 = -1;
    if (c1 < 0 || c2 < 0 || yi < 0) {
        st = CLOUT_EDATA;
        goto done;
    }
    report_rows(rep, path);
    /* Every obligation of ATOP and COW is one group, "alliance": an alliance
     * that two datasets code, with several obligations, counts once. */
    for (int k = 0; k < n_obl; k++) {
        clout_relation_t def;
        clout_relation_init(&def, obl[k].relation, "security");
        def.directed = directed;
        def.group = "alliance";
        def.source = source;
        st = import_relation(ds, &def, &rel[k], err);
        if (st)
            goto done;
    }
    long rows = 0, kept = 0;
    while ((r = cl_csv_next(csv, err)) > 0) {
        long a, b, year;
        if (!import_field_long(csv, c1, &a, "ccode1", err) ||
            !import_field_long(csv, c2, &b, "ccode2", err) || !field_year(csv, yi, &year, err)) {
            r = -1;
            break;
        }
        rows++;
        g_hash_table_add(years, GINT_TO_POINTER((int)year));
        const long ab[2] = {a, b};
        if (!cow_keep(&c, ab, 2))
            continue;
        kept++;
        /* Dyad-year files list a dyad in both orders; an undirected tie keeps one. */
        if (!directed && a > b) {
            long x = a;
            a = b;
            b = x;
        }
        for (int k = 0; k < n_obl; k++) {
            long v;
            const char *s = cl_csv_field(csv, fi[k]);
            if (strcmp(s, "NA") == 0)
                continue;
            if (!import_field_long(csv, fi[k], &v, obl[k].column, err)) {
                r = -1;
                break;
            }
            if (v == 1)
                spans_add(sp, (int)a, (int)b, rel[k], 1, (int)year, NULL);
            else if (v != 0) {
                clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, fi[k]),
                                cl_csv_field_col(csv, fi[k]), "column '%s': %ld is not 0 or 1",
                                obl[k].column, v);
                r = -1;
                break;
            }
        }
        if (r < 0)
            break;
    }
    if (r < 0) {
        st = clout_error_status(err);
        goto done;
    }
    int ny;
    int *ys = sorted_years(years, &ny);
    for (int k = 0; k < n_obl && ny > 0; k++)
        import_cover(ds, rel[k], opts, ys[0], ys[ny - 1]);
    long dupes = 0, outside = 0;
    long added = spans_emit(sp, ds, ys, ny, opts, source_ref, map_dyad, &c, &dupes, &outside);
    g_free(ys);
    report_rows_done(rep, rows, kept);
    report_add(rep, "obligation ties added (consecutive years joined)", added, NULL);
    report_add(rep, "ties already present", dupes, NULL);
    report_add(rep, "ties outside --from/--until (spans that do not reach those years)", outside,
               NULL);
done:
    spans_free(sp);
    g_hash_table_destroy(years);
    return st;
}

clout_status_t import_atop(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                           const clout_import_opts_t *opts, import_report_t *rep,
                           clout_error_t *err)
{
    /* ATOP's directed dyad-year: state 1 has the obligation toward state 2. */
    static const obligation_t obl[] = {{"atop_defense", "atop_defense"},
                                       {"atop_offense", "atop_offense"},
                                       {"atop_neutral", "atop_neutrality"},
                                       {"atop_nonagg", "atop_nonaggression"},
                                       {"atop_consul", "atop_consultation"}};
    return import_dyad_years(ds, csv, path, opts, rep, err, obl, G_N_ELEMENTS(obl), true,
                             "ATOP 5.1", "ATOP 5.1 (Leeds et al. 2002), directed dyad-year");
}

clout_status_t import_cow_alliance(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                                   const clout_import_opts_t *opts, import_report_t *rep,
                                   clout_error_t *err)
{
    static const obligation_t obl[] = {{"cow_defense", "cow_defense"},
                                       {"cow_neutral", "cow_neutrality"},
                                       {"cow_nonagg", "cow_nonaggression"},
                                       {"cow_entente", "cow_entente"}};
    return import_dyad_years(ds, csv, path, opts, rep, err, obl, G_N_ELEMENTS(obl), false,
                             "COW Formal Alliances v4.1",
                             "COW Formal Alliances v4.1 (Gibler 2009), dyad-year");
}

/* ---- cow-trade ---- */

#define COW_TRADE_REF "COW Trade v4.0 (Barbieri et al. 2009), %s, current US$ million"

/* The relation cow_trade: exporter -> importer, each country's dependence
 * its exports plus imports (counts both), as a share of its trade with the
 * world where the national file gives it. */
static clout_status_t cow_trade_relation(clout_dataset_t *ds, int *rel, clout_error_t *err)
{
    clout_relation_t def;
    clout_relation_init(&def, "cow_trade", "economic");
    def.directed = true;
    def.mode = CLOUT_MODE_FLOW;
    def.scale = CLOUT_SCALE_SHARE;
    def.counts = CLOUT_COUNTS_BOTH;
    def.group = "trade";
    def.source = "COW Trade v4";
    return import_relation(ds, &def, rel, err);
}

/* An amount cell: false (and *skip set) for NA, -9 and empty; an error for
 * anything else that is not a number of 0 or more. */
static bool amount_cell(cl_csv_t *csv, int col, const char *name, double *v, bool *skip,
                        clout_error_t *err)
{
    const char *s = cl_csv_field(csv, col);
    *skip = strcmp(s, "NA") == 0 || strcmp(s, "-9") == 0 || !*s;
    if (*skip)
        return true;
    if (cl_parse_double(s, v) && *v >= 0)
        return true;
    clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, col),
                    cl_csv_field_col(csv, col), "column '%s': '%s' is not an amount", name, s);
    return false;
}

/* cow_trade4_national.csv: each state's imports and exports with the world,
 * as ties with WORLD (exports: state -> WORLD; imports: WORLD -> state). */
static clout_status_t import_cow_trade_national(clout_dataset_t *ds, cl_csv_t *csv,
                                                const char *path, const clout_import_opts_t *opts,
                                                import_report_t *rep, clout_error_t *err)
{
    cow_ctx_t c = {ds, opts, rep, NULL};
    int ci = import_column(csv, "ccode", true, err), yi = import_column(csv, "year", true, err),
        ii = import_column(csv, "imports", true, err),
        ei = import_column(csv, "exports", true, err);
    int rel, r = 0, first = 0, last = 0;
    clout_status_t st =
        ci < 0 || yi < 0 || ii < 0 || ei < 0 ? CLOUT_EDATA : cow_trade_relation(ds, &rel, err);
    long rows = 0, kept = 0, added = 0, missing = 0;
    char *ref = g_strdup_printf(COW_TRADE_REF, "national totals");
    if (!st)
        report_rows(rep, path);
    while (!st && (r = cl_csv_next(csv, err)) > 0) {
        long cc, year;
        if (!import_field_long(csv, ci, &cc, "ccode", err) || !field_year(csv, yi, &year, err)) {
            r = -1;
            break;
        }
        rows++;
        cl_import_seen_year(&first, &last, (int)year);
        const int cols[2] = {ei, ii};
        double v[2] = {0, 0};
        bool skip[2];
        for (int k = 0; k < 2 && r >= 0; k++)
            if (!amount_cell(csv, cols[k], k ? "imports" : "exports", &v[k], &skip[k], err))
                r = -1;
        if (r < 0)
            break;
        missing += skip[0] + skip[1];
        if (!cow_keep(&c, &cc, 1))
            continue;
        if (!cl_import_keep_year(opts, rep, (int)year))
            continue;
        if (skip[0] && skip[1]) {
            report_drop(rep, "both totals missing (NA or -9)", 1, NULL);
            continue;
        }
        kept++;
        for (int k = 0; k < 2; k++)
            if (!skip[k]) {
                int a = cow_actor(&c, cc);
                int w = clout_dataset_add_actor(ds, CLOUT_WORLD, "World", "world");
                added += clout_dataset_add_tie(ds, k ? w : a, k ? a : w, rel, v[k], (int)year,
                                               (int)year, ref, k ? "imports" : "exports");
            }
    }
    if (r < 0)
        st = clout_error_status(err);
    if (!st) {
        import_cover(ds, rel, opts, first, last);
        report_rows_done(rep, rows, kept);
        report_add(rep, "world totals added (exports and imports per state and year)", added, NULL);
        report_add(rep, "totals missing in the data (NA or -9; skipped)", missing, NULL);
    }
    g_free(ref);
    return st;
}

clout_status_t import_cow_trade(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                                const clout_import_opts_t *opts, import_report_t *rep,
                                clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    cow_ctx_t c = {ds, opts, rep, NULL};
    int r, rel = -1, first = 0, last = 0;
    char *ref = g_strdup_printf(COW_TRADE_REF, "dyadic");
    /* The national totals file, told apart by its header. */
    bool national = false;
    for (int f = 0; f < cl_csv_n_fields(csv); f++)
        national |= strcmp(cl_csv_field(csv, f), "exports") == 0;
    if (national) {
        st = import_cow_trade_national(ds, csv, path, opts, rep, err);
        goto done;
    }
    int c1 = import_column(csv, "ccode1", true, err), c2 = import_column(csv, "ccode2", true, err),
        yi = import_column(csv, "year", true, err), f1 = import_column(csv, "flow1", true, err),
        f2 = import_column(csv, "flow2", true, err);
    if (c1 < 0 || c2 < 0 || yi < 0 || f1 < 0 || f2 < 0) {
        st = CLOUT_EDATA;
        goto done;
    }
    st = cow_trade_relation(ds, &rel, err);
    if (st)
        goto done;
    report_rows(rep, path);
    long rows = 0, kept = 0, added = 0, dupes = 0, missing = 0, zero = 0;
    while ((r = cl_csv_next(csv, err)) > 0) {
        long a, b, year;
        if (!import_field_long(csv, c1, &a, "ccode1", err) ||
            !import_field_long(csv, c2, &b, "ccode2", err) || !field_year(csv, yi, &year, err)) {
            r = -1;
            break;
        }
        rows++;
        cl_import_seen_year(&first, &last, (int)year);
        /* flow1: imports of ccode1 from ccode2, so goods go ccode2 -> ccode1. */
        const long from[2] = {b, a}, to[2] = {a, b};
        const int col[2] = {f1, f2};
        double v[2] = {0, 0};
        bool skip[2];
        for (int k = 0; k < 2 && r >= 0; k++)
            if (!amount_cell(csv, col[k], k ? "flow2" : "flow1", &v[k], &skip[k], err))
                r = -1;
        if (r < 0)
            break;
        /* The flows the data lack or give as zero, over the whole file. */
        for (int k = 0; k < 2; k++) {
            missing += skip[k];
            zero += !skip[k] && v[k] == 0;
        }
        const long ab[2] = {a, b};
        if (!cow_keep(&c, ab, 2))
            continue;
        if (!cl_import_keep_year(opts, rep, (int)year))
            continue;
        if (!(!skip[0] && v[0] > 0) && !(!skip[1] && v[1] > 0)) {
            report_drop(rep, "no flow either way (NA, -9 or 0)", 1, NULL);
            continue;
        }
        kept++;
        for (int k = 0; k < 2; k++) {
            if (skip[k] || v[k] == 0)
                continue;
            int sa = cow_actor(&c, from[k]), ta = cow_actor(&c, to[k]);
            if (clout_dataset_add_tie(ds, sa, ta, rel, v[k], (int)year, (int)year, ref, NULL))
                added++;
            else
                dupes++;
        }
    }
    if (r < 0) {
        st = clout_error_status(err);
        goto done;
    }
    import_cover(ds, rel, opts, first, last);
    report_rows_done(rep, rows, kept);
    report_add(rep, "flow ties added (one per direction and year)", added, NULL);
    report_add(rep, "ties already present", dupes, NULL);
    report_add(rep, "flows missing in the data (NA or -9; skipped)", missing, NULL);
    report_add(rep, "flows of zero (skipped)", zero, NULL);
done:
    g_free(ref);
    return st;
}
