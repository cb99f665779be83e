/* common.c: the import entry point and what importers share (files, code tables, spans, report). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "import.h"

const char *const clout_import_sources[] = {"cow-igo", "atop", "cow-alliance", "cow-trade", "sipri",
                                            "clout",   NULL};

/* ---- report ---- */

static int report_find(import_report_t *r, const char *item)
{
    for (guint i = 0; i < r->items->len; i++)
        if (strcmp(g_ptr_array_index(r->items, i), item) == 0)
            return (int)i;
    g_ptr_array_add(r->items, g_strdup(item));
    g_ptr_array_add(r->notes, g_strdup(""));
    long zero = 0;
    g_array_append_val(r->counts, zero);
    return (int)r->items->len - 1;
}

void report_add(import_report_t *r, const char *item, long n, const char *note)
{
    int i = report_find(r, item);
    g_array_index(r->counts, long, i) += n;
    if (note && *note && !*(char *)g_ptr_array_index(r->notes, i)) {
        g_free(g_ptr_array_index(r->notes, i));
        g_ptr_array_index(r->notes, i) = g_strdup(note);
    }
}

void report_example(import_report_t *r, const char *item, const char *example)
{
    int i = report_find(r, item);
    char *old = g_ptr_array_index(r->notes, i);
    if (strstr(old, example) || strlen(old) > 200)
        return;
    g_ptr_array_index(r->notes, i) =
        *old ? g_strdup_printf("%s; %s", old, example) : g_strdup_printf("e.g. %s", example);
    g_free(old);
}

/* ---- files ---- */

clout_status_t import_read_file(const char *path, GBytes **out, clout_error_t *err)
{
    *out = NULL;
    char *data;
    gsize len;
    GError *ge = NULL;
    if (!g_file_get_contents(path, &data, &len, &ge)) {
        clout_status_t st =
            clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", ge->message);
        g_error_free(ge);
        return st;
    }
    if (len < 2 || (unsigned char)data[0] != 0x1f || (unsigned char)data[1] != 0x8b) {
        *out = g_bytes_new_take(data, len);
        return CLOUT_OK;
    }
    /* gzip, as COW's larger files come */
    GZlibDecompressor *z = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    GInputStream *raw = g_memory_input_stream_new_from_data(data, (gssize)len, g_free);
    GInputStream *in = g_converter_input_stream_new(raw, G_CONVERTER(z));
    GByteArray *buf = g_byte_array_new();
    guint8 chunk[65536];
    gssize n;
    while ((n = g_input_stream_read(in, chunk, sizeof chunk, NULL, &ge)) > 0)
        g_byte_array_append(buf, chunk, (guint)n);
    g_object_unref(in);
    g_object_unref(raw);
    g_object_unref(z);
    if (n < 0) {
        clout_status_t st =
            clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot decompress: %s", ge->message);
        g_error_free(ge);
        g_byte_array_free(buf, TRUE);
        return st;
    }
    *out = g_byte_array_free_to_bytes(buf);
    return CLOUT_OK;
}

clout_status_t import_open_csv(const char *path, GBytes **bytes, clout_csv_t **csv,
                               clout_error_t *err)
{
    *csv = NULL;
    clout_status_t st = import_read_file(path, bytes, err);
    if (st)
        return st;
    gsize len;
    const char *data = g_bytes_get_data(*bytes, &len);
    *csv = clout_csv_open_mem(data, len, path);
    int r = clout_csv_next(*csv, err);
    if (r > 0)
        return CLOUT_OK;
    st = r < 0 ? clout_error_status(err)
               : clout_error_set(err, CLOUT_EDATA, path, 1, 1, "empty file");
    clout_csv_close(*csv);
    g_bytes_unref(*bytes);
    *csv = NULL;
    *bytes = NULL;
    return st;
}

int import_column(clout_csv_t *csv, const char *name, bool required, clout_error_t *err)
{
    for (int i = 0; i < clout_csv_n_fields(csv); i++)
        if (strcmp(clout_csv_field(csv, i), name) == 0)
            return i;
    if (required)
        clout_error_set(err, CLOUT_EDATA, clout_csv_display(csv), clout_csv_line(csv), 1,
                        "missing column '%s'", name);
    return -1;
}

/* ---- code tables ---- */

typedef struct {
    GHashTable *cow, *sipri, *igo;
    GPtrArray *igo_cols;
    GPtrArray *rows[3]; /* the parsed tables, which the hash tables point into */
} codes_t;

/* Parses one embedded table into rows of fields (first row: the header). */
static GPtrArray *parse_table(const char *text, const char *name)
{
    GPtrArray *rows = g_ptr_array_new();
    clout_csv_t *c = clout_csv_open_mem(text, strlen(text), name);
    clout_error_t *err = clout_error_new(1);
    while (clout_csv_next(c, err) > 0) {
        int n = clout_csv_n_fields(c);
        char **f = g_new0(char *, n + 1);
        for (int i = 0; i < n; i++)
            f[i] = g_strdup(clout_csv_field(c, i));
        g_ptr_array_add(rows, f);
    }
    /* The tables are part of the program and tested; a broken one is a build bug. */
    g_assert(clout_error_count(err) == 0);
    clout_error_free(err);
    clout_csv_close(c);
    return rows;
}

static const codes_t *codes(void)
{
    static codes_t *c;
    if (g_once_init_enter(&c)) {
        codes_t *k = g_new0(codes_t, 1);
        k->cow = g_hash_table_new(g_direct_hash, g_direct_equal);
        k->sipri = g_hash_table_new(g_str_hash, g_str_equal);
        k->igo = g_hash_table_new(g_str_hash, g_str_equal);
        k->igo_cols = g_ptr_array_new();
        GPtrArray *rows = k->rows[0] = parse_table(clout_codes_cow_states, "cow-states.csv");
        for (guint i = 1; i < rows->len; i++) { /* ccode,stateabb,iso3,name */
            char **f = g_ptr_array_index(rows, i);
            cow_state_t *s = g_new(cow_state_t, 1);
            s->iso3 = f[2];
            s->name = f[3];
            g_hash_table_insert(k->cow, GINT_TO_POINTER(atoi(f[0])), s);
        }
        rows = k->rows[1] = parse_table(clout_codes_sipri_names, "sipri-names.csv");
        for (guint i = 1; i < rows->len; i++) { /* name,iso3,kind,note */
            char **f = g_ptr_array_index(rows, i);
            sipri_name_t *s = g_new(sipri_name_t, 1);
            s->iso3 = f[1];
            s->kind = f[2];
            s->note = f[3];
            g_hash_table_insert(k->sipri, f[0], s);
        }
        rows = k->rows[2] = parse_table(clout_codes_cow_igos, "cow-igos.csv");
        for (guint i = 1; i < rows->len; i++) { /* igo,id,name,layer,note */
            char **f = g_ptr_array_index(rows, i);
            cow_igo_t *s = g_new(cow_igo_t, 1);
            s->id = f[1];
            s->name = f[2];
            s->layer = f[3];
            g_hash_table_insert(k->igo, f[0], s);
            g_ptr_array_add(k->igo_cols, f[0]);
        }
        g_ptr_array_add(k->igo_cols, NULL);
        /* The tables live as long as the program: nothing to free. */
        g_once_init_leave(&c, k);
    }
    return c;
}

const cow_state_t *codes_cow_state(long ccode)
{
    return g_hash_table_lookup(codes()->cow, GINT_TO_POINTER((int)ccode));
}

const sipri_name_t *codes_sipri_name(const char *name)
{
    return g_hash_table_lookup(codes()->sipri, name);
}

const cow_igo_t *codes_cow_igo(const char *column)
{
    return g_hash_table_lookup(codes()->igo, column);
}

const char *const *codes_cow_igo_columns(void)
{
    return (const char *const *)codes()->igo_cols->pdata;
}

/* ---- filters ---- */

bool import_year_in(const clout_import_opts_t *o, int start, int end)
{
    if (o->from && end && end < o->from)
        return false;
    if (o->to && start > o->to)
        return false;
    return true;
}

bool import_actor_in(const clout_import_opts_t *o, const char *id)
{
    if (!o->actors)
        return true;
    for (char **p = o->actors; *p; p++)
        if (strcmp(*p, id) == 0)
            return true;
    return false;
}

/* ---- spans ---- */

typedef struct {
    int source, target, relation, year;
    double value;
    const char *note;
} rec_t;

struct spans {
    GArray *recs;
};

spans_t *spans_new(void)
{
    spans_t *s = g_new0(spans_t, 1);
    s->recs = g_array_new(FALSE, FALSE, sizeof(rec_t));
    return s;
}

void spans_free(spans_t *s)
{
    if (!s)
        return;
    g_array_free(s->recs, TRUE);
    g_free(s);
}

void spans_add(spans_t *s, int source, int target, int relation, double value, int year,
               const char *note)
{
    rec_t r = {source, target, relation, year, value, note ? note : ""};
    g_array_append_val(s->recs, r);
}

static int cmp_rec(const void *x, const void *y)
{
    const rec_t *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    if (a->relation != b->relation)
        return a->relation < b->relation ? -1 : 1;
    return (a->year > b->year) - (a->year < b->year);
}

static int next_data_year(const int *years, int n, int y)
{
    /* years is sorted: the first one after y, or y + 1 past the end */
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (years[mid] <= y)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n ? years[lo] : y + 1;
}

long spans_emit(spans_t *s, clout_dataset_t *ds, const int *data_years, int n_data_years,
                const clout_import_opts_t *opts, const char *source_ref, span_map_fn map, void *ctx,
                long *dupes)
{
    g_array_sort(s->recs, cmp_rec);
    long added = 0;
    for (guint i = 0; i < s->recs->len;) {
        const rec_t *a = &g_array_index(s->recs, rec_t, i);
        int end = a->year;
        guint j = i + 1;
        for (; j < s->recs->len; j++) {
            const rec_t *b = &g_array_index(s->recs, rec_t, j);
            if (b->source != a->source || b->target != a->target || b->relation != a->relation ||
                b->value != a->value)
                break;
            /* The same year twice (a dyad listed in both orders) is one record. */
            if (b->year == end)
                continue;
            if (b->year != next_data_year(data_years, n_data_years, end))
                break;
            end = b->year;
        }
        if (import_year_in(opts, a->year, end)) {
            if (clout_dataset_add_tie(ds, map(ctx, a->source, false), map(ctx, a->target, true),
                                      a->relation, a->value, a->year, end, source_ref, a->note))
                added++;
            else
                (*dupes)++;
        }
        i = j;
    }
    return added;
}

/* ---- entry point ---- */

static clout_status_t import_clout(clout_dataset_t *ds, const char *path,
                                   const clout_import_opts_t *opts, import_report_t *rep,
                                   clout_error_t *err)
{
    (void)opts;
    g_autoptr(clout_dataset_t) src = NULL;
    clout_status_t st = clout_dataset_load(&src, path, err);
    if (st)
        return st;
    long before = clout_dataset_n_ties(ds);
    int actors_before = clout_dataset_n_actors(ds);
    st = clout_dataset_merge(ds, src, err);
    if (!st) {
        report_add(rep, "ties read", clout_dataset_n_ties(src), path);
        report_add(rep, "ties added", clout_dataset_n_ties(ds) - before, NULL);
        report_add(rep, "ties already present",
                   clout_dataset_n_ties(src) - (clout_dataset_n_ties(ds) - before), NULL);
        report_add(rep, "actors added", clout_dataset_n_actors(ds) - actors_before, NULL);
    }
    return st;
}

clout_status_t import_relation(clout_dataset_t *ds, const clout_relation_t *def, int *out,
                               clout_error_t *err)
{
    *out = clout_dataset_add_relation(ds, def);
    if (*out < 0)
        return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                               "relation '%s' is already defined differently", def->name);
    return CLOUT_OK;
}

void import_cover(clout_dataset_t *ds, int r, const clout_import_opts_t *o, int first, int last)
{
    if (!first)
        return; /* nothing read */
    if (o && o->from != CLOUT_NO_YEAR && o->from > first)
        first = o->from;
    if (o && o->to != CLOUT_NO_YEAR && o->to < last)
        last = o->to;
    if (first <= last)
        cl_relation_cover(ds, r, first, last);
}

void clout_import_opts_init(clout_import_opts_t *o)
{
    *o = (clout_import_opts_t){.from = CLOUT_NO_YEAR, .to = CLOUT_NO_YEAR};
}

clout_status_t clout_import(clout_dataset_t *ds, const char *source, char *const *files,
                            int n_files, const clout_import_opts_t *opts, clout_table_t **report,
                            clout_error_t *err)
{
    clout_init();
    *report = NULL;
    static const struct {
        const char *name;
        importer_fn fn;
    } table[] = {{"cow-igo", import_cow_igo},
                 {"atop", import_atop},
                 {"cow-alliance", import_cow_alliance},
                 {"cow-trade", import_cow_trade},
                 {"sipri", import_sipri},
                 {"clout", import_clout}};
    importer_fn fn = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
        if (strcmp(table[i].name, source) == 0)
            fn = table[i].fn;
    if (!fn)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "unknown source '%s' (cow-igo, atop, cow-alliance, cow-trade, "
                               "sipri or clout)",
                               source);
    import_report_t rep = {g_ptr_array_new_with_free_func(g_free),
                           g_ptr_array_new_with_free_func(g_free),
                           g_array_new(FALSE, FALSE, sizeof(long))};
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < n_files && !st; i++)
        st = fn(ds, files[i], opts, &rep, err);
    if (!st) {
        clout_table_t *t = clout_table_new("import");
        clout_table_add_column(t, "item", CLOUT_COL_STR);
        clout_table_add_column(t, "count", CLOUT_COL_INT);
        clout_table_add_column(t, "note", CLOUT_COL_STR);
        for (guint i = 0; i < rep.items->len; i++) {
            int r = clout_table_add_row(t);
            clout_table_set_str(t, r, 0, g_ptr_array_index(rep.items, i));
            clout_table_set_int(t, r, 1, g_array_index(rep.counts, long, i));
            clout_table_set_str(t, r, 2, g_ptr_array_index(rep.notes, i));
        }
        *report = t;
    }
    g_ptr_array_free(rep.items, TRUE);
    g_ptr_array_free(rep.notes, TRUE);
    g_array_free(rep.counts, TRUE);
    return st;
}
