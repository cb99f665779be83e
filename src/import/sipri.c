/* sipri.c: importer for the SIPRI Arms Transfers Database trade register, as SIPRI's web export writes it. */
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
    if (!s) {
        report_add(rep, "names not in the code table (skipped)", 1,
                   "add them to src/import/codes/sipri-names.csv");
        report_example(rep, "names not in the code table (skipped)", name);
        return NULL;
    }
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

clout_status_t import_sipri(clout_dataset_t *ds, const char *path,
                            const clout_import_opts_t *opts, import_report_t *rep,
                            clout_error_t *err)
{
    GBytes *bytes;
    clout_status_t st = import_read_file(path, &bytes, err);
    if (st)
        return st;
    gsize len;
    const char *data = g_bytes_get_data(bytes, &len);
    /* SIPRI's export puts a preamble of notes before the table; the table
     * starts at the line that begins with its first column's name. */
    static const char head[] = "SIPRI AT Database ID,";
    const char *start = NULL;
    long line = 1;
    for (const char *p = data; p < data + len;) {
        if ((gsize)(data + len - p) >= sizeof head - 1 && memcmp(p, head, sizeof head - 1) == 0) {
            start = p;
            break;
        }
        const char *nl = memchr(p, '\n', (gsize)(data + len - p));
        if (!nl)
            break;
        p = nl + 1;
        line++;
    }
    if (!start) {
        g_bytes_unref(bytes);
        return clout_error_set(err, CLOUT_EDATA, path, 1, 1,
                               "not a SIPRI trade register: no line starts with '%s'", head);
    }
    /* "Data generated: 3 Jan 2025 ..." dates the export for the citation. */
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
    char *source_ref = g_strdup_printf("SIPRI Arms Transfers Database, trade register generated %s; "
                                       "TIV delivered (millions)",
                                       generated ? generated : "(date not stated)");
    clout_csv_t *csv = clout_csv_open_mem(start, len - (gsize)(start - data), path);
    clout_csv_set_line(csv, line);
    GHashTable *ix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GArray *dl = g_array_new(FALSE, FALSE, sizeof(delivery_t));
    GHashTable *kinds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTable *totals = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    int r = clout_csv_next(csv, err);
    int si = import_column(csv, "Supplier", true, err), ri = import_column(csv, "Recipient", true, err),
        yi = import_column(csv, "Delivery year", true, err),
        ti = import_column(csv, "TIV delivery values", true, err),
        ye = import_column(csv, "Delivery year is estimate", false, err),
        ne = import_column(csv, "Numbers delivered is estimate", false, err);
    if (r <= 0 || si < 0 || ri < 0 || yi < 0 || ti < 0) {
        st = CLOUT_EDATA;
        goto done;
    }
    /* Supplier -> recipient; a recipient's dependence is what it receives,
     * as a share of all it receives (its totals below). */
    clout_relation_t def;
    clout_relation_init(&def, "arms_transfer", "security");
    def.directed = true;
    def.mode = CLOUT_MODE_FLOW;
    def.scale = CLOUT_SCALE_SHARE;
    def.counts = CLOUT_COUNTS_IN;
    int rel, first = 0, last = 0;
    st = import_relation(ds, &def, &rel, err);
    if (st)
        goto done;
    long rows = 0, no_tiv = 0, outside = 0;
    while ((r = clout_csv_next(csv, err)) > 0) {
        rows++;
        const char *ys = clout_csv_field(csv, yi), *ts = clout_csv_field(csv, ti);
        int year;
        double tiv;
        if (strlen(ys) != 4 || !clout_parse_year(ys, &year)) {
            clout_error_set(err, CLOUT_EDATA, path, clout_csv_field_line(csv, yi),
                            clout_csv_field_col(csv, yi), "column 'Delivery year': '%s' is not a year", ys);
            r = -1;
            break;
        }
        first = first ? MIN(first, year) : year;
        last = MAX(last, year);
        if (!*ts) {
            no_tiv++;
            continue;
        }
        if (!clout_parse_double(ts, &tiv) || tiv < 0) {
            clout_error_set(err, CLOUT_EDATA, path, clout_csv_field_line(csv, ti),
                            clout_csv_field_col(csv, ti),
                            "column 'TIV delivery values': '%s' is not an amount", ts);
            r = -1;
            break;
        }
        if (!import_year_in(opts, year, year)) {
            outside++;
            continue;
        }
        const char *ids[2], *kind[2] = {NULL, NULL};
        char *disp[2];
        const char *names[2] = {clout_csv_field(csv, si), clout_csv_field(csv, ri)};
        for (int k = 0; k < 2; k++)
            ids[k] = sipri_actor(names[k], &kind[k], &disp[k], rep);
        bool keep = ids[0] && ids[1] && import_actor_in(opts, ids[0]) && import_actor_in(opts, ids[1]);
        /* A recipient's total counts every supplier, those outside --actors
         * and unknown ones too: the denominator of its shares. */
        if (ids[1] && import_actor_in(opts, ids[1])) {
            char *tk = g_strdup_printf("%s\x1f%d", ids[1], year);
            double *sum = g_hash_table_lookup(totals, tk);
            if (!sum) {
                sum = g_new0(double, 1);
                g_hash_table_insert(totals, tk, sum);
                if (!g_hash_table_contains(kinds, ids[1]))
                    g_hash_table_insert(kinds, g_strdup(ids[1]),
                                        g_strdup_printf("%s\x1f%s", kind[1], disp[1]));
            } else {
                g_free(tk);
            }
            *sum += tiv;
        }
        if (!ids[0] || !ids[1]) {
            if ((!ids[0] && codes_sipri_name(names[0])) || (!ids[1] && codes_sipri_name(names[1]))) {
                report_add(rep, "deliveries from or to an unknown party (skipped)", 1, NULL);
            }
        }
        if (keep) {
            char *key = g_strdup_printf("%s\x1f%s\x1f%d", ids[0], ids[1], year);
            gpointer hit = g_hash_table_lookup(ix, key);
            if (!hit) {
                delivery_t d = {g_strdup(ids[0]), g_strdup(ids[1]), year, 0, 0, 0};
                g_array_append_val(dl, d);
                hit = GINT_TO_POINTER(dl->len);
                g_hash_table_insert(ix, key, hit);
                for (int k = 0; k < 2; k++)
                    if (!g_hash_table_contains(kinds, ids[k]))
                        g_hash_table_insert(kinds, g_strdup(ids[k]),
                                            g_strdup_printf("%s\x1f%s", kind[k], disp[k]));
            } else {
                g_free(key);
            }
            delivery_t *d = &g_array_index(dl, delivery_t, GPOINTER_TO_INT(hit) - 1);
            d->tiv += tiv;
            d->deliveries++;
            bool est = (ye >= 0 && strcmp(clout_csv_field(csv, ye), "Yes") == 0) ||
                       (ne >= 0 && strcmp(clout_csv_field(csv, ne), "Yes") == 0);
            d->estimated += est;
        }
        for (int k = 0; k < 2; k++)
            g_free(disp[k]);
    }
    if (r < 0) {
        st = clout_error_status(err);
        goto done;
    }
    long added = 0, dupes = 0;
    for (guint i = 0; i < dl->len; i++) {
        delivery_t *d = &g_array_index(dl, delivery_t, i);
        int a[2];
        const char *ids[2] = {d->supplier, d->recipient};
        for (int k = 0; k < 2; k++) {
            char **kv = g_strsplit(g_hash_table_lookup(kinds, ids[k]), "\x1f", 2);
            a[k] = clout_dataset_add_actor(ds, ids[k], kv[1], kv[0]);
            g_strfreev(kv);
        }
        char *note = g_strdup_printf("%d delivery record%s%s", d->deliveries,
                                     d->deliveries == 1 ? "" : "s",
                                     d->estimated ? "; some figures are SIPRI estimates" : "");
        if (clout_dataset_add_tie(ds, a[0], a[1], rel, d->tiv, d->year, d->year, source_ref, note))
            added++;
        else
            dupes++;
        g_free(note);
    }
    /* The totals, sorted by recipient and year so that the order of the
     * file does not matter. */
    GList *keys = g_list_sort(g_hash_table_get_keys(totals), (GCompareFunc)strcmp);
    long n_totals = 0;
    int world = keys ? clout_dataset_add_actor(ds, CLOUT_WORLD, "World", "world") : -1;
    for (GList *k = keys; k; k = k->next) {
        char **parts = g_strsplit(k->data, "\x1f", 2);
        char **kv = g_strsplit(g_hash_table_lookup(kinds, parts[0]), "\x1f", 2);
        int a = clout_dataset_add_actor(ds, parts[0], kv[1], kv[0]);
        int year = atoi(parts[1]);
        n_totals += clout_dataset_add_tie(ds, world, a, rel,
                                          *(double *)g_hash_table_lookup(totals, k->data), year,
                                          year, source_ref, "total from all suppliers");
        g_strfreev(kv);
        g_strfreev(parts);
    }
    g_list_free(keys);
    import_cover(ds, rel, opts, first, last);
    report_add(rep, "delivery rows read", rows, path);
    report_add(rep, "arms_transfer ties added (one per supplier and recipient and year)", added, NULL);
    report_add(rep, "recipients' totals from all suppliers (ties with WORLD)", n_totals, NULL);
    report_add(rep, "ties already present", dupes, NULL);
    report_add(rep, "rows without a TIV (skipped)", no_tiv, NULL);
    report_add(rep, "rows outside --from/--until", outside, NULL);
done:
    for (guint i = 0; i < dl->len; i++) {
        g_free(g_array_index(dl, delivery_t, i).supplier);
        g_free(g_array_index(dl, delivery_t, i).recipient);
    }
    g_array_free(dl, TRUE);
    g_hash_table_destroy(ix);
    g_hash_table_destroy(kinds);
    g_hash_table_destroy(totals);
    clout_csv_close(csv);
    g_free(generated);
    g_free(source_ref);
    g_bytes_unref(bytes);
    return st;
}
