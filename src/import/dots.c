/* dots.c: importer for the IMF Direction of Trade Statistics (goods, by reporter and partner). */
#include <config.h>

#include <string.h>

#include "import.h"

#define DOTS_REF "IMF Direction of Trade Statistics (DOTS), goods, US$ million"
#define DOTS_WORLD "WLD" /* the file's partner code of a reporter's total */
#define DOTS_MAX_CODES 1024

/* Both reports of one flow: goods of exporter to importer in year. */
enum { IMP = 0, EXP = 1 }; /* the importer's report (CIF), the exporter's (FOB) */
typedef struct {
    int exporter, importer, year; /* code indices; one of them may be WLD's: a total */
    double v[2];
    bool has[2], est[2];
    long line[2];
} flow_t;

/* A code of the file, and what becomes of its rows. */
typedef struct {
    char *code;
    const char *drop; /* why its rows are dropped, or NULL */
    int actor;        /* its actor, -1 until it has one */
} code_t;

typedef struct {
    clout_dataset_t *ds;
    const clout_import_opts_t *opts;
    import_report_t *rep;
    GHashTable *code_ix; /* code -> index + 1 */
    GArray *codes;       /* code_t */
    GHashTable *flow_ix; /* packed (exporter, importer, year) -> index + 1 */
    GArray *flows;       /* flow_t */
    int world;           /* WLD's code index, or -1 */
    long rows, kept;
    int first, last;
} dots_t;

static const char *const NOT_STATE =
    "a code that is not a current state (SUN, YUG, HKG, ...: kept only when --actors names it)";

static int dots_code(dots_t *d, const char *code)
{
    gpointer hit = g_hash_table_lookup(d->code_ix, code);
    if (hit)
        return GPOINTER_TO_INT(hit) - 1;
    if (d->codes->len >= DOTS_MAX_CODES)
        return -1;
    code_t c = {g_strdup(code), NULL, -1};
    if (strcmp(code, DOTS_WORLD) == 0) {
        d->world = (int)d->codes->len;
    } else {
        import_known(d->rep, code);
        /* A current state is one that cow-states.csv gives a COW code and
         * imf-dots.csv does not list; the others only on request. */
        bool state = codes_cow_by_iso3(code) && !codes_imf_dots(code);
        if (d->opts->actors)
            c.drop = import_actor_in(d->opts, code) ? NULL : "outside --actors";
        else
            c.drop = state ? NULL : NOT_STATE;
    }
    g_array_append_val(d->codes, c);
    g_hash_table_insert(d->code_ix, c.code, GINT_TO_POINTER(d->codes->len));
    return (int)d->codes->len - 1;
}

static int dots_actor(dots_t *d, int k)
{
    code_t *c = &g_array_index(d->codes, code_t, k);
    if (c->actor >= 0)
        return c->actor;
    if (k == d->world) {
        c->actor = clout_dataset_add_actor(d->ds, CLOUT_WORLD, "World", "world");
    } else {
        const cow_state_t *s = codes_cow_by_iso3(c->code);
        const dots_code_t *o = codes_imf_dots(c->code);
        if (o)
            c->actor = clout_dataset_add_actor(d->ds, c->code, o->name, o->kind);
        else if (s)
            c->actor = clout_dataset_add_actor(d->ds, c->code, s->name, "state");
        else
            c->actor = clout_dataset_add_actor(d->ds, c->code, c->code, "other");
    }
    return c->actor;
}

/* The file's amounts: "5087.800821", "4.5e-05", and the IMF's estimates,
 * written with thousands separators and a trailing " e" ("1,820.80 e"). */
static bool parse_value(const char *s, double *v, bool *est)
{
    size_t n = strlen(s);
    *est = n > 2 && s[n - 2] == ' ' && s[n - 1] == 'e';
    if (*est)
        n -= 2;
    char *plain = g_malloc(n + 1), *p = plain;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ',')
            *p++ = s[i];
    *p = 0;
    bool ok = cl_parse_double(plain, v) && *v >= 0;
    g_free(plain);
    return ok;
}

/* One row: into the table of flows, or dropped with its reason.  False after
 * recording an error. */
static bool read_row(dots_t *d, cl_csv_t *csv, const int *col, clout_error_t *err)
{
    enum { REPORTER, PARTNER, FLOW, YEAR, VALUE };
    long year;
    if (!import_field_year(csv, col[YEAR], &year, "year", err))
        return false;
    d->rows++;
    cl_import_seen_year(&d->first, &d->last, (int)year);
    const char *fs = cl_csv_field(csv, col[FLOW]), *vs = cl_csv_field(csv, col[VALUE]);
    int side = strcmp(fs, "import") == 0 ? IMP : strcmp(fs, "export") == 0 ? EXP : -1;
    if (side < 0) {
        clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, col[FLOW]),
                        cl_csv_field_col(csv, col[FLOW]),
                        "column 'flow': '%s' is not export or import", fs);
        return false;
    }
    double v;
    bool est;
    if (!parse_value(vs, &v, &est)) {
        clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, col[VALUE]),
                        cl_csv_field_col(csv, col[VALUE]),
                        "column 'value_musd': '%s' is not an amount", vs);
        return false;
    }
    int code[2];
    for (int k = 0; k < 2; k++) {
        const char *s = cl_csv_field(csv, col[k]);
        if (!*s || (code[k] = dots_code(d, s)) < 0) {
            clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, col[k]),
                            cl_csv_field_col(csv, col[k]),
                            *s ? "more than %d country codes" : "empty country code",
                            DOTS_MAX_CODES);
            return false;
        }
    }
    if (code[0] == d->world) {
        report_drop(
            d->rep,
            "WLD as the reporter (the world by partner; totals are each reporter's own WLD rows)",
            1, NULL);
        return true;
    }
    for (int k = 0; k < 2; k++) {
        const code_t *c = &g_array_index(d->codes, code_t, code[k]);
        if (c->drop) {
            report_drop(d->rep, c->drop, 1, c->drop == NOT_STATE ? c->code : NULL);
            return true;
        }
    }
    if (!cl_import_keep_year(d->opts, d->rep, (int)year))
        return true;
    /* The reporter's imports come from the partner; its exports go to it. */
    int exporter = side == IMP ? code[1] : code[0], importer = side == IMP ? code[0] : code[1];
    guint32 key =
        ((guint32)exporter << 21) | ((guint32)importer << 11) | (guint32)(year - CLOUT_YEAR_MIN);
    gpointer hit = g_hash_table_lookup(d->flow_ix, GUINT_TO_POINTER(key));
    if (!hit) {
        flow_t f = {exporter, importer, (int)year, {0, 0}, {false, false}, {false, false}, {0, 0}};
        g_array_append_val(d->flows, f);
        hit = GUINT_TO_POINTER(d->flows->len);
        g_hash_table_insert(d->flow_ix, GUINT_TO_POINTER(key), hit);
    }
    flow_t *f = &g_array_index(d->flows, flow_t, GPOINTER_TO_UINT(hit) - 1);
    if (f->has[side]) {
        if (f->v[side] == v && f->est[side] == est) {
            report_drop(d->rep, "a repeated row (the same report again)", 1, NULL);
            return true;
        }
        clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, col[VALUE]),
                        cl_csv_field_col(csv, col[VALUE]),
                        "column 'value_musd': '%s' differs from line %ld, which reports the "
                        "same flow, partner and year",
                        vs, f->line[side]);
        return false;
    }
    f->has[side] = true;
    f->v[side] = v;
    f->est[side] = est;
    f->line[side] = cl_csv_field_line(csv, col[VALUE]);
    return true;
}

/* "imports reported by KGZ (CIF)", "exports reported by CHN (FOB)" */
static char *report_of(const dots_t *d, const flow_t *f, int side)
{
    const char *who = g_array_index(d->codes, code_t, side == IMP ? f->importer : f->exporter).code;
    return g_strdup_printf(
        side == IMP ? "imports reported by %s (CIF)" : "exports reported by %s (FOB)", who);
}

static const char *const PREFER[] = {"importer", "exporter", "max", "mean"};

/* The value of flow f under the rule, its note, and which reports it used
 * (used[side]); *alt the report the rule did not use, when both sides
 * reported and the rule chose one (NAN otherwise).  Returns the value. */
static double choose(const dots_t *d, const flow_t *f, char **note, bool used[2], double *alt)
{
    *alt = NAN;
    int rule = d->opts->prefer;
    used[IMP] = used[EXP] = false;
    int one = -1; /* the report used, when one is */
    const char *lead = "";
    if (!f->has[IMP] || !f->has[EXP]) {
        one = f->has[IMP] ? IMP : EXP;
        /* The rule's own side is missing: the other side's report mirrors it. */
        bool mirror = (rule == CLOUT_PREFER_IMPORTER && one == EXP) ||
                      (rule == CLOUT_PREFER_EXPORTER && one == IMP);
        lead = mirror ? "mirror: " : rule >= CLOUT_PREFER_MAX ? "only report: " : "";
    } else if (rule == CLOUT_PREFER_IMPORTER || rule == CLOUT_PREFER_EXPORTER) {
        one = rule == CLOUT_PREFER_IMPORTER ? IMP : EXP;
    } else if (rule == CLOUT_PREFER_MAX) {
        one = f->v[EXP] > f->v[IMP] ? EXP : IMP;
        lead = "the larger report: ";
    }
    if (one >= 0) {
        used[one] = true;
        if (f->has[!one])
            *alt = f->v[!one];
        char *what = report_of(d, f, one);
        *note = g_strdup_printf("%s%s%s", lead, what, f->est[one] ? "; an IMF estimate" : "");
        g_free(what);
        return f->v[one];
    }
    used[IMP] = used[EXP] = true;
    char *a = report_of(d, f, IMP), *b = report_of(d, f, EXP);
    *note = g_strdup_printf("mean of %s and %s%s", a, b,
                            f->est[IMP] || f->est[EXP] ? "; an IMF estimate among them" : "");
    g_free(a);
    g_free(b);
    return (f->v[IMP] + f->v[EXP]) / 2;
}

/* The ties: one per exporter, importer and year with a value above 0, and
 * each reporter's totals with WORLD. */
static void emit(dots_t *d, int rel)
{
    long added = 0, dupes = 0, by_side[2] = {0, 0}, means = 0, totals = 0, alts = 0;
    char *drop_other =
        g_strdup_printf("the other side's report was used (--prefer %s)", PREFER[d->opts->prefer]);
    for (guint i = 0; i < d->flows->len; i++) {
        const flow_t *f = &g_array_index(d->flows, flow_t, i);
        bool total = f->exporter == d->world || f->importer == d->world;
        char *note = NULL;
        bool used[2];
        double v, alt = NAN;
        if (total) {
            /* A reporter's own total: X -> WORLD its exports, WORLD -> X its imports. */
            int side = f->has[IMP] ? IMP : EXP;
            used[side] = true;
            used[!side] = false;
            v = f->v[side];
            note = g_strdup_printf(
                "%s reported by %s (%s)%s",
                side == IMP ? "imports from the world" : "exports to the world",
                g_array_index(d->codes, code_t, side == IMP ? f->importer : f->exporter).code,
                side == IMP ? "CIF" : "FOB", f->est[side] ? "; an IMF estimate" : "");
        } else {
            v = choose(d, f, &note, used, &alt);
        }
        for (int s = 0; s < 2; s++)
            if (f->has[s] && !used[s])
                report_drop(d->rep, drop_other, 1, NULL);
        int n_used = used[IMP] + used[EXP];
        if (!(v > 0)) {
            report_drop(d->rep, "a value of 0 (no tie)", n_used, NULL);
            g_free(note);
            continue;
        }
        d->kept += n_used;
        int a = dots_actor(d, f->exporter), b = dots_actor(d, f->importer);
        if (clout_dataset_add_tie(d->ds, a, b, rel, v, f->year, f->year, DOTS_REF, note)) {
            if (!isnan(alt)) {
                /* The other side's report: the alternative value that
                 * clout robustness tries (doc/methods.md). */
                clout_tie_t *t = &g_array_index(d->ds->ties, clout_tie_t, d->ds->ties->len - 1);
                t->has_alt = true;
                t->alt_value = alt;
                alts++;
            }
            if (total)
                totals++;
            else if (n_used == 2)
                means++;
            else
                by_side[used[EXP]]++;
            added++;
        } else {
            dupes++;
        }
        g_free(note);
    }
    g_free(drop_other);
    report_add(d->rep, "flow ties added (one per exporter, importer and year)", added - totals,
               NULL);
    report_add(d->rep, "flow ties from the importer's report (imports, CIF)", by_side[IMP], NULL);
    report_add(d->rep, "flow ties from the exporter's report (exports, FOB)", by_side[EXP], NULL);
    if (d->opts->prefer == CLOUT_PREFER_MEAN)
        report_add(d->rep, "flow ties from the mean of both reports", means, NULL);
    report_add(d->rep, "world totals added (each reporter's own WLD rows)", totals, NULL);
    report_add(d->rep, "flow ties with the other side's report as alt_value", alts, NULL);
    report_add(d->rep, "ties already present", dupes, NULL);
}

clout_status_t import_imf_dots(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                               const clout_import_opts_t *opts, import_report_t *rep,
                               clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    static const char *const names[] = {"reporter", "partner", "flow", "year", "value_musd"};
    int col[5], r = 0;
    for (int k = 0; k < 5; k++)
        if ((col[k] = import_column(csv, names[k], true, err)) < 0)
            st = CLOUT_EDATA;
    dots_t d = {ds,
                opts,
                rep,
                g_hash_table_new(g_str_hash, g_str_equal),
                g_array_new(FALSE, FALSE, sizeof(code_t)),
                g_hash_table_new(g_direct_hash, g_direct_equal),
                g_array_new(FALSE, FALSE, sizeof(flow_t)),
                -1,
                0,
                0,
                0,
                0};
    int rel = -1;
    if (!st) {
        /* exporter -> importer; a country's dependence is its exports plus
         * its imports (counts both), the same tie as COW's trade (group). */
        clout_relation_t def;
        clout_relation_init(&def, "imf_trade", "economic");
        def.directed = true;
        def.mode = CLOUT_MODE_FLOW;
        def.scale = CLOUT_SCALE_SHARE;
        def.counts = CLOUT_COUNTS_BOTH;
        def.group = "trade";
        def.source = "IMF DOTS";
        st = import_relation(ds, &def, &rel, err);
    }
    if (!st) {
        report_rows(rep, path);
        while ((r = cl_csv_next(csv, err)) > 0)
            if (!read_row(&d, csv, col, err)) {
                r = -1;
                break;
            }
        if (r < 0)
            st = clout_error_status(err);
    }
    if (!st) {
        emit(&d, rel);
        import_cover(ds, rel, opts, d.first, d.last);
        /* before the tie counts that emit added */
        report_rows_done(rep, d.rows, d.kept);
    }
    for (guint i = 0; i < d.codes->len; i++)
        g_free(g_array_index(d.codes, code_t, i).code);
    g_array_free(d.codes, TRUE);
    g_hash_table_destroy(d.code_ix);
    g_array_free(d.flows, TRUE);
    g_hash_table_destroy(d.flow_ix);
    return st;
}
