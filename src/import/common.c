/* common.c: the import entry point and what importers share (files, code tables, spans, report). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "import.h"

const char *const clout_import_sources[] = {
    "cow-igo", "atop", "cow-alliance",   "cow-trade", "sipri", "imf-dots",
    "gcdf",    "unga", "unga-agreement", "clout",     NULL};

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

void report_rows(import_report_t *r, const char *path)
{
    report_add(r, "rows read", 0, path);
    report_add(r, "rows kept", 0, NULL);
}

void report_rows_done(import_report_t *r, long read, long kept)
{
    report_add(r, "rows read", read, NULL);
    report_add(r, "rows kept", kept, NULL);
}

void report_drop(import_report_t *r, const char *why, long n, const char *example)
{
    char *item = g_strdup_printf("rows dropped: %s", why);
    report_add(r, item, n, NULL);
    if (example)
        report_example(r, item, example);
    g_free(item);
}

void import_known(import_report_t *r, const char *id)
{
    if (!g_hash_table_contains(r->known, id))
        g_hash_table_add(r->known, g_strdup(id));
}

/* ---- cells ---- */

bool import_field_long(cl_csv_t *csv, int i, long *v, const char *what, clout_error_t *err)
{
    const char *s = cl_csv_field(csv, i);
    if (cl_parse_long(s, v))
        return true;
    clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, i),
                    cl_csv_field_col(csv, i), "column '%s': '%s' is not a whole number", what, s);
    return false;
}

bool import_field_year(cl_csv_t *csv, int i, long *v, const char *what, clout_error_t *err)
{
    if (!import_field_long(csv, i, v, what, err))
        return false;
    if (*v >= CLOUT_YEAR_MIN && *v <= CLOUT_YEAR_MAX)
        return true;
    clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, i),
                    cl_csv_field_col(csv, i), "column '%s': %ld is outside %d..%d", what, *v,
                    CLOUT_YEAR_MIN, CLOUT_YEAR_MAX);
    return false;
}

bool import_field_amount(cl_csv_t *csv, int i, double *v, const char *what, clout_error_t *err)
{
    const char *s = cl_csv_field(csv, i);
    if (cl_parse_double(s, v) && *v >= 0)
        return true;
    clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, i),
                    cl_csv_field_col(csv, i), "column '%s': '%s' is not an amount", what, s);
    return false;
}

char *import_thousands(double v)
{
    char *plain = g_strdup_printf("%.1f", v);
    char *dot = strchr(plain, '.');
    size_t int_len = (size_t)(dot - plain);
    GString *out = g_string_new(NULL);
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0 && plain[i - 1] != '-')
            g_string_append_c(out, ',');
        g_string_append_c(out, plain[i]);
    }
    g_string_append(out, dot);
    g_free(plain);
    return g_string_free(out, FALSE);
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

clout_status_t import_open_csv(const char *path, GBytes **bytes, cl_csv_t **csv, clout_error_t *err)
{
    *csv = NULL;
    clout_status_t st = import_read_file(path, bytes, err);
    if (st)
        return st;
    gsize len;
    const char *data = g_bytes_get_data(*bytes, &len);
    *csv = cl_csv_open_mem(data, len, path);
    int r = cl_csv_next(*csv, err);
    if (r > 0)
        return CLOUT_OK;
    st = r < 0 ? clout_error_status(err)
               : clout_error_set(err, CLOUT_EDATA, path, 1, 1, "empty file");
    cl_csv_close(*csv);
    g_bytes_unref(*bytes);
    *csv = NULL;
    *bytes = NULL;
    return st;
}

int import_column(cl_csv_t *csv, const char *name, bool required, clout_error_t *err)
{
    for (int i = 0; i < cl_csv_n_fields(csv); i++)
        if (strcmp(cl_csv_field(csv, i), name) == 0)
            return i;
    if (required)
        clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_line(csv), 1,
                        "missing column '%s'", name);
    return -1;
}

/* ---- code tables ---- */

typedef struct {
    GHashTable *cow, *sipri, *igo, *cow_iso3, *iso2, *dots;
    GPtrArray *igo_cols;
    GPtrArray *rows[5]; /* the parsed tables, which the hash tables point into */
} codes_t;

/* Parses one embedded table into rows of fields (first row: the header). */
static GPtrArray *parse_table(const char *text, const char *name)
{
    GPtrArray *rows = g_ptr_array_new();
    cl_csv_t *c = cl_csv_open_mem(text, strlen(text), name);
    clout_error_t *err = clout_error_new(1);
    while (cl_csv_next(c, err) > 0) {
        int n = cl_csv_n_fields(c);
        char **f = g_new0(char *, n + 1);
        for (int i = 0; i < n; i++)
            f[i] = g_strdup(cl_csv_field(c, i));
        g_ptr_array_add(rows, f);
    }
    /* The tables are part of the program and tested; a broken one is a build bug. */
    g_assert(clout_error_count(err) == 0);
    clout_error_free(err);
    cl_csv_close(c);
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
        k->cow_iso3 = g_hash_table_new(g_str_hash, g_str_equal);
        k->iso2 = g_hash_table_new(g_str_hash, g_str_equal);
        k->dots = g_hash_table_new(g_str_hash, g_str_equal);
        GPtrArray *rows = k->rows[0] = parse_table(cl_codes_cow_states, "cow-states.csv");
        for (guint i = 1; i < rows->len; i++) { /* ccode,stateabb,iso3,name */
            char **f = g_ptr_array_index(rows, i);
            cow_state_t *s = g_new(cow_state_t, 1);
            s->iso3 = f[2];
            s->name = f[3];
            g_hash_table_insert(k->cow, GINT_TO_POINTER(atoi(f[0])), s);
            if (*s->iso3)
                g_hash_table_insert(k->cow_iso3, f[2], s);
        }
        rows = k->rows[3] = parse_table(cl_codes_iso2, "iso2.csv");
        for (guint i = 1; i < rows->len; i++) { /* iso2,iso3,name */
            char **f = g_ptr_array_index(rows, i);
            iso2_t *s = g_new(iso2_t, 1);
            s->iso3 = f[1];
            s->name = f[2];
            g_hash_table_insert(k->iso2, f[0], s);
        }
        rows = k->rows[4] = parse_table(cl_codes_imf_dots, "imf-dots.csv");
        for (guint i = 1; i < rows->len; i++) { /* code,name,kind,years,note */
            char **f = g_ptr_array_index(rows, i);
            dots_code_t *s = g_new(dots_code_t, 1);
            s->name = f[1];
            s->kind = f[2];
            s->note = f[4];
            g_hash_table_insert(k->dots, f[0], s);
        }
        rows = k->rows[1] = parse_table(cl_codes_sipri_names, "sipri-names.csv");
        for (guint i = 1; i < rows->len; i++) { /* name,iso3,kind,note */
            char **f = g_ptr_array_index(rows, i);
            sipri_name_t *s = g_new(sipri_name_t, 1);
            s->iso3 = f[1];
            s->kind = f[2];
            s->note = f[3];
            g_hash_table_insert(k->sipri, f[0], s);
        }
        rows = k->rows[2] = parse_table(cl_codes_cow_igos, "cow-igos.csv");
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

const char *cl_import_cow_iso3(import_report_t *rep, long ccode, const cow_state_t **state,
                               char **example)
{
    const cow_state_t *s = *state = codes_cow_state(ccode);
    if (!s || !*s->iso3) {
        *example = g_strdup_printf("%ld%s%s", ccode, s ? " " : "", s ? s->name : "");
        return "a state without an ISO 3166 code (src/import/codes/cow-states.csv)";
    }
    import_known(rep, s->iso3);
    return NULL;
}

const cow_state_t *cl_import_cow_state(import_report_t *rep, long ccode)
{
    const cow_state_t *s;
    char *example = NULL;
    const char *why = cl_import_cow_iso3(rep, ccode, &s, &example);
    if (why)
        report_drop(rep, why, 1, example);
    g_free(example);
    return why ? NULL : s;
}

const cow_state_t *codes_cow_by_iso3(const char *iso3)
{
    return g_hash_table_lookup(codes()->cow_iso3, iso3);
}

const iso2_t *codes_iso2(const char *iso2)
{
    return g_hash_table_lookup(codes()->iso2, iso2);
}

const dots_code_t *codes_imf_dots(const char *code)
{
    return g_hash_table_lookup(codes()->dots, code);
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

bool cl_import_keep_year(const clout_import_opts_t *o, import_report_t *rep, int year)
{
    if (import_year_in(o, year, year))
        return true;
    report_drop(rep, "outside --from/--until", 1, NULL);
    return false;
}

void cl_import_seen_year(int *first, int *last, int year)
{
    *first = *first ? MIN(*first, year) : year;
    *last = MAX(*last, year);
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
                long *dupes, long *outside)
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
        } else {
            (*outside)++;
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

/* Runs a CSV importer on path, opened and closed here. */
static clout_status_t import_csv_file(csv_importer_fn fn, clout_dataset_t *ds, const char *path,
                                      const clout_import_opts_t *opts, import_report_t *rep,
                                      clout_error_t *err)
{
    GBytes *bytes;
    cl_csv_t *csv;
    clout_status_t st = import_open_csv(path, &bytes, &csv, err);
    if (st)
        return st;
    st = fn(ds, csv, path, opts, rep, err);
    cl_csv_close(csv);
    g_bytes_unref(bytes);
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

/* ---- --actors: every code must name something ---- */

/* The code tables a source's ids come from. */
enum { TABLE_COW = 1, TABLE_IGO = 2, TABLE_SIPRI = 4, TABLE_ISO2 = 8, TABLE_DOTS = 16 };

/* What an --actors code is checked against: the ids the source can give
 * (valid), and the spellings a user may have meant for each (keys: the ids,
 * and the names, COW codes and abbreviations, ISO2 codes of the tables). */
typedef struct {
    GHashTable *valid, *in_file;
    GPtrArray *keys, *ids; /* parallel; keys lower case, ids as they are */
} actor_names_t;

static void names_alias(actor_names_t *n, const char *key, const char *id)
{
    if (!*key || !*id || !g_hash_table_contains(n->valid, id))
        return;
    g_ptr_array_add(n->keys, g_utf8_strdown(key, -1));
    g_ptr_array_add(n->ids, g_strdup(id));
}

/* The actor id of a SIPRI name: its ISO3, or the name without SIPRI's stars
 * for groups and organisations (as sipri.c names them); "" for unknowns. */
static char *sipri_id(char **f)
{
    if (strcmp(f[2], "state") == 0)
        return g_strdup(f[1]);
    if (strcmp(f[2], "group") != 0 && strcmp(f[2], "organisation") != 0)
        return g_strdup("");
    char *d = g_strchomp(g_strdup(f[0]));
    size_t len = strlen(d);
    while (len && d[len - 1] == '*')
        d[--len] = 0;
    return d;
}

static void names_init(actor_names_t *n, unsigned tables, GHashTable *in_file)
{
    const codes_t *c = codes();
    n->valid = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    n->in_file = in_file;
    n->keys = g_ptr_array_new_with_free_func(g_free);
    n->ids = g_ptr_array_new_with_free_func(g_free);
    g_hash_table_add(n->valid, g_strdup(CLOUT_WORLD));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, in_file);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_hash_table_add(n->valid, g_strdup(key));
    /* the ids of the tables: column k of table t */
    static const struct {
        unsigned table;
        int rows, id;
    } ids[] = {{TABLE_COW, 0, 2}, {TABLE_IGO, 2, 1}, {TABLE_ISO2, 3, 1}, {TABLE_DOTS, 4, 0}};
    for (size_t t = 0; t < G_N_ELEMENTS(ids); t++)
        if (tables & ids[t].table)
            for (guint i = 1; i < c->rows[ids[t].rows]->len; i++) {
                const char *id = ((char **)g_ptr_array_index(c->rows[ids[t].rows], i))[ids[t].id];
                if (*id)
                    g_hash_table_add(n->valid, g_strdup(id));
            }
    if (tables & TABLE_SIPRI)
        for (guint i = 1; i < c->rows[1]->len; i++) {
            char *id = sipri_id(g_ptr_array_index(c->rows[1], i));
            if (*id)
                g_hash_table_add(n->valid, id);
            else
                g_free(id);
        }
    g_hash_table_iter_init(&it, n->valid);
    while (g_hash_table_iter_next(&it, &key, NULL))
        names_alias(n, key, key);
    for (guint i = 1; i < c->rows[0]->len; i++) { /* ccode,stateabb,iso3,name */
        char **f = g_ptr_array_index(c->rows[0], i);
        for (int k = 0; k < 4; k++)
            if (k != 2)
                names_alias(n, f[k], f[2]);
    }
    for (guint i = 1; i < c->rows[3]->len; i++) { /* iso2,iso3,name */
        char **f = g_ptr_array_index(c->rows[3], i);
        names_alias(n, f[0], f[1]);
        names_alias(n, f[2], f[1]);
    }
    for (guint i = 1; i < c->rows[2]->len; i++) { /* igo,id,name,layer,note */
        char **f = g_ptr_array_index(c->rows[2], i);
        names_alias(n, f[0], f[1]);
        names_alias(n, f[2], f[1]);
    }
    for (guint i = 1; i < c->rows[4]->len; i++) { /* code,name,... */
        char **f = g_ptr_array_index(c->rows[4], i);
        names_alias(n, f[1], f[0]);
    }
    for (guint i = 1; i < c->rows[1]->len; i++) { /* name,iso3,kind,note */
        char **f = g_ptr_array_index(c->rows[1], i);
        char *id = sipri_id(f);
        names_alias(n, f[0], id);
        g_free(id);
    }
}

static void names_release(actor_names_t *n)
{
    g_hash_table_destroy(n->valid);
    g_ptr_array_free(n->keys, TRUE);
    g_ptr_array_free(n->ids, TRUE);
}

/* The optimal string alignment distance (Levenshtein with transpositions of
 * neighbours, "KZA" is one from "KAZ"), bytewise; stops early above limit. */
static int edit_distance(const char *a, const char *b, int limit)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (abs(la - lb) > limit)
        return limit + 1;
    int *d = g_new(int, (size_t)(la + 1) * (lb + 1));
#define D(i, j) d[(i) * (lb + 1) + (j)]
    for (int i = 0; i <= la; i++)
        D(i, 0) = i;
    for (int j = 0; j <= lb; j++)
        D(0, j) = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = MIN(MIN(D(i - 1, j) + 1, D(i, j - 1) + 1), D(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = MIN(v, D(i - 2, j - 2) + 1);
            D(i, j) = v;
        }
    int r = D(la, lb);
#undef D
    g_free(d);
    return r;
}

static int cmp_str_ptr(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "KAZ" or "KAZ or KGZ": the ids nearest to code (up to three, sorted), or
 * NULL when none is near.  A case-insensitive match of an id or a name is
 * nearest of all; otherwise up to one edit for codes of four letters or
 * fewer, two up to eight, three beyond. */
static char *names_suggest(const actor_names_t *n, const char *code)
{
    char *low = g_utf8_strdown(code, -1);
    int len = (int)strlen(low), limit = len <= 4 ? 1 : len <= 8 ? 2 : 3, best = limit + 1;
    GPtrArray *hits = g_ptr_array_new();
    for (guint i = 0; i < n->keys->len; i++) {
        int dist = edit_distance(low, g_ptr_array_index(n->keys, i), best);
        if (dist > best)
            continue;
        if (dist < best) {
            best = dist;
            g_ptr_array_set_size(hits, 0);
        }
        const char *id = g_ptr_array_index(n->ids, i);
        bool dup = false;
        for (guint k = 0; k < hits->len; k++)
            dup |= strcmp(g_ptr_array_index(hits, k), id) == 0;
        if (!dup)
            g_ptr_array_add(hits, (gpointer)id);
    }
    g_free(low);
    char *out = NULL;
    if (hits->len && best <= limit) {
        g_ptr_array_sort(hits, cmp_str_ptr);
        GString *s = g_string_new(NULL);
        for (guint k = 0; k < hits->len && k < 3; k++)
            g_string_append_printf(s, "%s%s",
                                   k == 0                       ? ""
                                   : k + 1 == MIN(hits->len, 3) ? " or "
                                                                : ", ",
                                   (const char *)g_ptr_array_index(hits, k));
        out = g_string_free(s, FALSE);
    }
    g_ptr_array_free(hits, TRUE);
    return out;
}

/* Every --actors code must be an id of the files read or of the source's
 * code tables: a code that is neither would keep nothing and look like a
 * success.  Codes the tables know but the files lack are reported. */
static clout_status_t check_actors(const clout_import_opts_t *o, unsigned tables,
                                   import_report_t *rep, char *const *files, int n_files,
                                   clout_error_t *err)
{
    if (!o->actors)
        return CLOUT_OK;
    actor_names_t n;
    names_init(&n, tables, rep->known);
    clout_status_t st = CLOUT_OK;
    for (char **p = o->actors; *p; p++) {
        if (strcmp(*p, CLOUT_WORLD) == 0 || g_hash_table_contains(rep->known, *p))
            continue;
        if (g_hash_table_contains(n.valid, *p)) {
            report_add(rep, "--actors codes without a row in the file (no ties)", 1, NULL);
            report_example(rep, "--actors codes without a row in the file (no ties)", *p);
            continue;
        }
        char *near = names_suggest(&n, *p);
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                             "--actors: '%s' is neither in %s nor in the code tables%s%s%s", *p,
                             n_files == 1 ? files[0] : "the files read",
                             near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
        g_free(near);
    }
    names_release(&n);
    return st;
}

clout_status_t clout_import(clout_dataset_t *ds, const char *source, char *const *files,
                            int n_files, clout_table_t **report, const clout_import_opts_t *opts,
                            clout_error_t *err)
{
    clout_init();
    *report = NULL;
    typedef clout_status_t (*all_fn)(clout_dataset_t *, char *const *, int,
                                     const clout_import_opts_t *, import_report_t *,
                                     clout_error_t *);
    static const struct {
        const char *name;
        importer_fn fn;      /* one file at a time */
        csv_importer_fn csv; /* one CSV file at a time, opened here */
        all_fn all;          /* or all files at once */
        unsigned tables;     /* where the ids it gives come from; 0: no --actors check */
    } table[] = {{"cow-igo", NULL, import_cow_igo, NULL, TABLE_COW | TABLE_IGO},
                 {"atop", NULL, import_atop, NULL, TABLE_COW},
                 {"cow-alliance", NULL, import_cow_alliance, NULL, TABLE_COW},
                 {"cow-trade", NULL, import_cow_trade, NULL, TABLE_COW},
                 {"sipri", import_sipri, NULL, NULL, TABLE_SIPRI},
                 {"imf-dots", NULL, import_imf_dots, NULL, TABLE_COW | TABLE_DOTS},
                 {"gcdf", import_gcdf, NULL, NULL, TABLE_COW},
                 {"unga", NULL, NULL, import_unga, TABLE_ISO2},
                 {"unga-agreement", NULL, import_unga_agreement, NULL, TABLE_COW},
                 {"clout", import_clout, NULL, NULL, 0}};
    int which = -1;
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
        if (strcmp(table[i].name, source) == 0)
            which = (int)i;
    if (which < 0) {
        GString *names = g_string_new(NULL);
        for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
            g_string_append_printf(names, "%s%s",
                                   i == 0                         ? ""
                                   : i + 1 == G_N_ELEMENTS(table) ? " or "
                                                                  : ", ",
                                   table[i].name);
        clout_status_t st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                            "unknown source '%s' (%s)", source, names->str);
        g_string_free(names, TRUE);
        return st;
    }
    import_report_t rep = {g_ptr_array_new_with_free_func(g_free),
                           g_ptr_array_new_with_free_func(g_free),
                           g_array_new(FALSE, FALSE, sizeof(long)),
                           g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    clout_status_t st = CLOUT_OK;
    if (table[which].all)
        st = table[which].all(ds, files, n_files, opts, &rep, err);
    for (int i = 0; i < n_files && !st && table[which].fn; i++)
        st = table[which].fn(ds, files[i], opts, &rep, err);
    for (int i = 0; i < n_files && !st && table[which].csv; i++)
        st = import_csv_file(table[which].csv, ds, files[i], opts, &rep, err);
    if (!st && table[which].tables)
        st = check_actors(opts, table[which].tables, &rep, files, n_files, err);
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
    g_hash_table_destroy(rep.known);
    return st;
}
