/* gcdf.c: importer for AidData's Global Chinese Development Finance Dataset, by recipient and year.
 */
#include <config.h>

#include <string.h>

#include "import.h"

/* The three flow classes of GCDF 3.0, as the country-year file names them. */
static const struct {
    const char *option, *label, *amount, *adjusted;
} CLASSES[] = {{"oda", "ODA-like", "oda_amt", "oda_adj"},
               {"oof", "OOF-like", "oof_amt", "oof_adj"},
               {"vague", "vague", "vof_amt", "vof_adj"}};
enum { N_CLASSES = 3 };

/* Which classes --classes asks for; CLOUT_EUSAGE for a name it does not know. */
static clout_status_t chosen_classes(const clout_import_opts_t *o, bool use[N_CLASSES],
                                     clout_error_t *err)
{
    for (int k = 0; k < N_CLASSES; k++)
        use[k] = !o->classes;
    for (char **p = o->classes; p && *p; p++) {
        int k = 0;
        while (k < N_CLASSES && strcmp(*p, CLASSES[k].option) != 0)
            k++;
        if (k == N_CLASSES) {
            const char *valid[N_CLASSES + 1] = {NULL};
            for (int i = 0; i < N_CLASSES; i++)
                valid[i] = CLASSES[i].option;
            char *m = cl_unknown("class", *p, (char *const *)valid);
            clout_status_t st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "--classes: %s", m);
            g_free(m);
            return st;
        }
        use[k] = true;
    }
    return CLOUT_OK;
}

clout_status_t import_gcdf(clout_dataset_t *ds, const char *path, const clout_import_opts_t *opts,
                           import_report_t *rep, clout_error_t *err)
{
    bool use[N_CLASSES];
    clout_status_t st = chosen_classes(opts, use, err);
    if (st)
        return st;
    GBytes *bytes;
    cl_csv_t *csv;
    st = import_open_csv(path, &bytes, &csv, err);
    if (st)
        return st;
    int ci = import_column(csv, "ccode", true, err), yi = import_column(csv, "year", true, err);
    int col[N_CLASSES];
    for (int k = 0; k < N_CLASSES; k++)
        if ((col[k] = import_column(csv, opts->unadjusted ? CLASSES[k].amount : CLASSES[k].adjusted,
                                    true, err)) < 0)
            st = CLOUT_EDATA;
    if (ci < 0 || yi < 0)
        st = CLOUT_EDATA;
    int rel = -1;
    if (!st) {
        /* China -> recipient; what a recipient receives is its dependence. */
        clout_relation_t def;
        clout_relation_init(&def, "official_finance", "economic");
        def.directed = true;
        def.mode = CLOUT_MODE_FLOW;
        def.scale = CLOUT_SCALE_LOG;
        def.counts = CLOUT_COUNTS_IN;
        def.source = "AidData GCDF 3.0";
        st = import_relation(ds, &def, &rel, err);
    }
    const char *basis = opts->unadjusted ? "amounts" : "adjusted amounts";
    char *ref = g_strdup_printf("AidData GCDF 3.0 (Custer et al. 2023), Chinese official finance "
                                "commitments recommended for aggregates, %s, constant 2021 US$ "
                                "million",
                                basis);
    long rows = 0, kept = 0, added = 0, dupes = 0;
    int first = 0, last = 0, r = 0;
    const char *lender = "CHN";
    import_known(rep, lender);
    bool lender_in = import_actor_in(opts, lender);
    if (!st) {
        report_rows(rep, path);
        while ((r = cl_csv_next(csv, err)) > 0) {
            long cc, year;
            if (!import_field_long(csv, ci, &cc, "ccode", err) ||
                !import_field_year(csv, yi, &year, "year", err)) {
                r = -1;
                break;
            }
            double v[N_CLASSES], sum = 0;
            for (int k = 0; k < N_CLASSES && r >= 0; k++)
                if (!import_field_amount(csv, col[k], &v[k],
                                         opts->unadjusted ? CLASSES[k].amount : CLASSES[k].adjusted,
                                         err))
                    r = -1;
            if (r < 0)
                break;
            rows++;
            cl_import_seen_year(&first, &last, (int)year);
            const cow_state_t *s = cl_import_cow_state(rep, cc);
            if (!s)
                continue;
            if (strcmp(s->iso3, lender) == 0) {
                report_drop(rep, "China as the recipient", 1, NULL);
                continue;
            }
            if (!import_actor_in(opts, s->iso3)) {
                report_drop(rep, "a recipient outside --actors", 1, NULL);
                continue;
            }
            if (!lender_in) {
                report_drop(rep, "CHN, the lender in every row, outside --actors", 1, NULL);
                continue;
            }
            if (!cl_import_keep_year(opts, rep, (int)year))
                continue;
            GString *note = g_string_new(NULL);
            for (int k = 0; k < N_CLASSES; k++)
                if (use[k]) {
                    char *m = import_thousands(v[k] / 1e6);
                    g_string_append_printf(note, "%s%s %s", note->len ? ", " : "", CLASSES[k].label,
                                           m);
                    g_free(m);
                    sum += v[k];
                }
            g_string_append_printf(note, "; US$ million, constant 2021, %s",
                                   opts->unadjusted ? "unadjusted" : "adjusted");
            if (sum > 0) {
                kept++;
                int a =
                    clout_dataset_add_actor(ds, lender, codes_cow_by_iso3(lender)->name, "state");
                int b = clout_dataset_add_actor(ds, s->iso3, s->name, "state");
                if (clout_dataset_add_tie(ds, a, b, rel, sum / 1e6, (int)year, (int)year, ref,
                                          note->str))
                    added++;
                else
                    dupes++;
            } else {
                report_drop(rep, "nothing in the chosen classes (0)", 1, NULL);
            }
            g_string_free(note, TRUE);
        }
        if (r < 0)
            st = clout_error_status(err);
    }
    if (!st) {
        import_cover(ds, rel, opts, first, last);
        report_rows_done(rep, rows, kept);
        report_add(rep, "finance ties added (CHN -> recipient, one per year)", added, NULL);
        report_add(rep, "ties already present", dupes, NULL);
        GString *cls = g_string_new(NULL);
        for (int k = 0; k < N_CLASSES; k++)
            if (use[k])
                g_string_append_printf(cls, "%s%s", cls->len ? ", " : "", CLASSES[k].label);
        report_add(rep, "classes summed", use[0] + use[1] + use[2], cls->str);
        g_string_free(cls, TRUE);
    }
    g_free(ref);
    cl_csv_close(csv);
    g_bytes_unref(bytes);
    return st;
}
