/* sipri.c: importer for the SIPRI Arms Transfers Database trade register, as SIPRI's web export
 * writes it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "import.h"

typedef struct {
    char *supplier, *recipient; /* actor ids */
    int year;
    double tiv;
    int deliveries, estimated;
} delivery_t;

/* The actor for a SIPRI name: a state by its ISO code; a non-state group
 * ('*') or an organisation ('**') under its own name.  NULL for unknowns and
 * for names the code table does not have, which are reported, not guessed. */
static const char *sipri_actor(const char *name, const char **kind, char **display,
                               import_report_t *rep)
{
    const sipri_name_t *s = codes_sipri_name(name);
    *display = NULL;
    if (!s)
        return NULL; /* reported by the caller */
    if (strcmp(s->kind, "state") == 0 && *s->iso3) {
        *kind = "state";
        *display = g_strdup(name);
        return s->iso3;
    }
    if (strcmp(s->kind, "group") == 0 || strcmp(s->kind, "organisation") == 0) {
        *kind = s->kind;
        char *d = g_strdup(name);
        g_strchomp(d);
        size_t n = strlen(d);
        while (n && d[n - 1] == '*')
            d[--n] = 0;
        *display = d;
        return d;
    }
    return NULL; /* unknown supplier or recipient */
}

/* The start of the table's first line: the name of its first column. */
static const char head[] = "SIPRI AT Database ID,";

/* Where SIPRI's table starts: its export puts a preamble of notes before
 * the table, which starts at the line that begins with head.  *line: that
 * line's number.  NULL when there is no such line. */
static const char *table_start(const char *data, gsize len, long *line)
{
    *line = 1;
    for (const char *p = data; p < data + len;) {
        if ((gsize)(data + len - p) >= sizeof head - 1 && memcmp(p, head, sizeof head - 1) == 0)
            return p;
        const char *nl = memchr(p, '\n', (gsize)(data + len - p));
        if (!nl)
            break;
        p = nl + 1;
        (*line)++;
    }
    return NULL;
}

/* The citation of the ties: "Data generated: 3 Jan 2025 ..." in the
 * preamble dates the export. */
static char *source_ref_of(const char *data, const char *start)
{
    char *generated = NULL;
    const char *g = g_strstr_len(data, start - data, "Data generated: ");
    if (g) {
        g += strlen("Data generated: ");
        const char *e = g;
        while (e < start && *e != '\n' && *e != '\r')
            e++;
        char *text = g_strndup(g, e - g);
        char **w = g_strsplit(text, " ", 4);
        g_free(text);
        generated = w[0] && w[1] && w[2] ? g_strdup_printf("%s %s %s", w[0], w[1], w[2])
                                         : g_strdup("date unknown");
        g_strfreev(w);
    }
    char *ref = g_strdup_printf("SIPRI Arms Transfers Database, trade register generated %s; "
                                "TIV delivered (millions)",
                                generated ? generated : "(date not stated)");
    g_free(generated);
    return ref;
}

/* The deliveries read so far, summed by supplier, recipient and year. */
typedef struct {
    GHashTable *ix;    /* "supplier\x1frecipient\x1fyear" -> index + 1 into dl */
    GArray *dl;        /* delivery_t */
    GHashTable *kinds; /* actor id -> "kind\x1fdisplay name" */
    /* "recipient\x1fyear" -> its total from every supplier (a double), those
     * outside --actors and unknown ones too: the denominator of its shares */
    GHashTable *totals;
    int first, last; /* the delivery years of the register */
    long rows, kept;
    int si, ri, yi, ti, ye, ne; /* columns; ye and ne may be -1 */
} deliveries_t;

static void deliveries_release(deliveries_t *d)
{
    for (guint i = 0; i < d->dl->len; i++) {
        g_free(g_array_index(d->dl, delivery_t, i).supplier);
        g_free(g_array_index(d->dl, delivery_t, i).recipient);
    }
    g_array_free(d->dl, TRUE);
    g_hash_table_destroy(d->ix);
    g_hash_table_destroy(d->kinds);
    g_hash_table_destroy(d->totals);
}

/* Adds tiv to the delivery of ids[0] to ids[1] in year. */
static void add_delivery(deliveries_t *d, cl_csv_t *csv, const char *const ids[2],
                         const char *const kind[2], char *const disp[2], int year, double tiv)
{
    char *key = g_strdup_printf("%s\x1f%s\x1f%d", ids[0], ids[1], year);
    gpointer hit = g_hash_table_lookup(d->ix, key);
    if (!hit) {
        delivery_t x = {g_strdup(ids[0]), g_strdup(ids[1]), year, 0, 0, 0};
        g_array_append_val(d->dl, x);
        hit = GINT_TO_POINTER(d->dl->len);
        g_hash_table_insert(d->ix, key, hit);
        for (int k = 0; k < 2; k++)
            if (!g_hash_table_contains(d->kinds, ids[k]))
                g_hash_table_insert(d->kinds, g_strdup(ids[k]),
                                    g_strdup_printf("%s\x1f%s", kind[k], disp[k]));
    } else {
        g_free(key);
    }
    delivery_t *x = &g_array_index(d->dl, delivery_t, GPOINTER_TO_INT(hit) - 1);
    x->tiv += tiv;
    x->deliveries++;
    bool est = (d->ye >= 0 && strcmp(cl_csv_field(csv, d->ye), "Yes") == 0) ||
               (d->ne >= 0 && strcmp(cl_csv_field(csv, d->ne), "Yes") == 0);
    x->estimated += est;
}

/* Adds tiv to recipient's total of year. */
static void add_total(deliveries_t *d, const char *id, const char *kind, const char *disp, int year,
                      double tiv)
{
    char *key = g_strdup_printf("%s\x1f%d", id, year);
    double *sum = g_hash_table_lookup(d->totals, key);
    if (!sum) {
        sum = g_new0(double, 1);
        g_hash_table_insert(d->totals, key, sum);
        if (!g_hash_table_contains(d->kinds, id))
            g_hash_table_insert(d->kinds, g_strdup(id), g_strdup_printf("%s\x1f%s", kind, disp));
    } else {
        g_free(key);
    }
    *sum += tiv;
}

/* Each recipient's totals as ties from WORLD, sorted by recipient and year
 * so that the order of the file does not matter. */
static void add_totals(clout_dataset_t *ds, const deliveries_t *d, int rel, const char *source_ref,
                       import_report_t *rep)
{
    GList *keys = g_list_sort(g_hash_table_get_keys(d->totals), (GCompareFunc)strcmp);
    long n = 0;
    int world = keys ? clout_dataset_add_actor(ds, CLOUT_WORLD, "World", "world") : -1;
    for (GList *k = keys; k; k = k->next) {
        char **parts = g_strsplit(k->data, "\x1f", 2);
        char **kv = g_strsplit(g_hash_table_lookup(d->kinds, parts[0]), "\x1f", 2);
        int a = clout_dataset_add_actor(ds, parts[0], kv[1], kv[0]);
        int year = atoi(parts[1]);
        n += clout_dataset_add_tie(ds, world, a, rel,
                                   *(double *)g_hash_table_lookup(d->totals, k->data), year, year,
                                   source_ref, "total from all suppliers");
        g_strfreev(kv);
        g_strfreev(parts);
    }
    g_list_free(keys);
    report_add(rep, "recipients' totals from all suppliers (ties with WORLD)", n, NULL);
}

/* One row of the register.  Returns false after recording an error. */
static bool read_row(deliveries_t *d, cl_csv_t *csv, const char *path,
                     const clout_import_opts_t *opts, import_report_t *rep, clout_error_t *err)
{
    d->rows++;
    const char *ys = cl_csv_field(csv, d->yi), *ts = cl_csv_field(csv, d->ti);
    int year;
    double tiv;
    if (strlen(ys) != 4 || !clout_parse_year(ys, &year)) {
        clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, d->yi),
                        cl_csv_field_col(csv, d->yi), "column 'Delivery year': '%s' is not a year",
                        ys);
        return false;
    }
    cl_import_seen_year(&d->first, &d->last, year);
    if (!*ts) {
        report_drop(rep, "no TIV delivery value", 1, NULL);
        return true;
    }
    if (!cl_parse_double(ts, &tiv) || tiv < 0) {
        clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, d->ti),
                        cl_csv_field_col(csv, d->ti),
                        "column 'TIV delivery values': '%s' is not an amount", ts);
        return false;
    }
    const char *ids[2], *kind[2] = {NULL, NULL};
    char *disp[2];
    const char *names[2] = {cl_csv_field(csv, d->si), cl_csv_field(csv, d->ri)};
    bool untabled = false;
    for (int k = 0; k < 2; k++) {
        ids[k] = sipri_actor(names[k], &kind[k], &disp[k], rep);
        if (ids[k])
            import_known(rep, ids[k]);
        if (!codes_sipri_name(names[k])) {
            report_add(rep, "names not in the code table (skipped)", 1,
                       "add them to src/import/codes/sipri-names.csv");
            report_example(rep, "names not in the code table (skipped)", names[k]);
            untabled = true;
        }
    }
    if (!import_year_in(opts, year, year)) {
        report_drop(rep, "outside --from/--until", 1, NULL);
    } else if (untabled) {
        report_drop(rep, "a name not in the code table (src/import/codes/sipri-names.csv)", 1,
                    NULL);
    } else {
        bool keep =
            ids[0] && ids[1] && import_actor_in(opts, ids[0]) && import_actor_in(opts, ids[1]);
        bool total = ids[1] && import_actor_in(opts, ids[1]);
        if (!ids[0] || !ids[1])
            report_add(rep, "deliveries from or to an unknown party (skipped)", 1, NULL);
        if (keep) {
            d->kept++;
            add_delivery(d, csv, ids, kind, disp, year, tiv);
        } else if (total) {
            report_drop(rep,
                        !ids[0] ? "counted only in the recipient's total (unknown supplier)"
                                : "counted only in the recipient's total (supplier outside "
                                  "--actors)",
                        1, NULL);
        } else {
            report_drop(rep, !ids[1] ? "an unknown recipient" : "outside --actors", 1, NULL);
        }
        if (total)
            add_total(d, ids[1], kind[1], disp[1], year, tiv);
    }
    for (int k = 0; k < 2; k++)
        g_free(disp[k]);
    return true;
}

/* One arms_transfer tie per supplier, recipient and year. */
static void add_ties(clout_dataset_t *ds, const deliveries_t *d, int rel, const char *source_ref,
                     import_report_t *rep)
{
    long added = 0, dupes = 0;
    for (guint i = 0; i < d->dl->len; i++) {
        delivery_t *x = &g_array_index(d->dl, delivery_t, i);
        int a[2];
        const char *ids[2] = {x->supplier, x->recipient};
        for (int k = 0; k < 2; k++) {
            char **kv = g_strsplit(g_hash_table_lookup(d->kinds, ids[k]), "\x1f", 2);
            a[k] = clout_dataset_add_actor(ds, ids[k], kv[1], kv[0]);
            g_strfreev(kv);
        }
        char *note =
            g_strdup_printf("%d delivery record%s%s", x->deliveries, x->deliveries == 1 ? "" : "s",
                            x->estimated ? "; some figures are SIPRI estimates" : "");
        if (clout_dataset_add_tie(ds, a[0], a[1], rel, x->tiv, x->year, x->year, source_ref, note))
            added++;
        else
            dupes++;
        g_free(note);
    }
    report_add(rep, "arms_transfer ties added (one per supplier and recipient and year)", added,
               NULL);
    report_add(rep, "ties already present", dupes, NULL);
}

clout_status_t import_sipri(clout_dataset_t *ds, const char *path, const clout_import_opts_t *opts,
                            import_report_t *rep, clout_error_t *err)
{
    GBytes *bytes;
    clout_status_t st = import_read_file(path, &bytes, err);
    if (st)
        return st;
    gsize len;
    const char *data = g_bytes_get_data(bytes, &len);
    long line;
    const char *start = table_start(data, len, &line);
    if (!start) {
        g_bytes_unref(bytes);
        return clout_error_set(err, CLOUT_EDATA, path, 1, 1,
                               "not a SIPRI trade register: no line starts with '%s'", head);
    }
    char *source_ref = source_ref_of(data, start);
    cl_csv_t *csv = cl_csv_open_mem(start, len - (gsize)(start - data), path);
    cl_csv_set_line(csv, line);
    deliveries_t d = {.ix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
                      .dl = g_array_new(FALSE, FALSE, sizeof(delivery_t)),
                      .kinds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
                      .totals = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free)};
    int r = cl_csv_next(csv, err);
    d.si = import_column(csv, "Supplier", true, err);
    d.ri = import_column(csv, "Recipient", true, err);
    d.yi = import_column(csv, "Delivery year", true, err);
    d.ti = import_column(csv, "TIV delivery values", true, err);
    d.ye = import_column(csv, "Delivery year is estimate", false, err);
    d.ne = import_column(csv, "Numbers delivered is estimate", false, err);
    if (r <= 0 || d.si < 0 || d.ri < 0 || d.yi < 0 || d.ti < 0) {
        st = CLOUT_EDATA;
        goto done;
    }
    report_rows(rep, path);
    /* Supplier -> recipient; a recipient's dependence is what it receives,
     * as a share of all it receives (its totals). */
    clout_relation_t def;
    clout_relation_init(&def, "arms_transfer", "security");
    def.directed = true;
    def.mode = CLOUT_MODE_FLOW;
    def.scale = CLOUT_SCALE_SHARE;
    def.counts = CLOUT_COUNTS_IN;
    def.source = "SIPRI Arms Transfers";
    int rel;
    st = import_relation(ds, &def, &rel, err);
    if (st)
        goto done;
    while ((r = cl_csv_next(csv, err)) > 0)
        if (!read_row(&d, csv, path, opts, rep, err)) {
            r = -1;
            break;
        }
    if (r < 0) {
        st = clout_error_status(err);
        goto done;
    }
    report_rows_done(rep, d.rows, d.kept);
    add_ties(ds, &d, rel, source_ref, rep);
    add_totals(ds, &d, rel, source_ref, rep);
    import_cover(ds, rel, opts, d.first, d.last);
done:
    deliveries_release(&d);
    cl_csv_close(csv);
    g_free(source_ref);
    g_bytes_unref(bytes);
    return st;
}
