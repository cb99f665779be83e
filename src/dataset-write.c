/* dataset-write.c: builds datasets in memory (importers, merges) and writes them as CSV. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "internal.h"

int clout_dataset_add_actor(clout_dataset_t *ds, const char *id, const char *name, const char *kind)
{
    int i = clout_dataset_find_actor(ds, id);
    if (i >= 0)
        return i;
    clout_actor_t a = {0};
    a.id = g_string_chunk_insert_const(ds->strings, id);
    a.name = g_string_chunk_insert_const(ds->strings, name && *name ? name : id);
    a.kind = g_string_chunk_insert_const(ds->strings, kind);
    a.lat = a.lon = NAN;
    a.start_text = a.end_text = "";
    g_array_append_val(ds->actors, a);
    g_hash_table_insert(ds->actor_ix, (gpointer)a.id, GINT_TO_POINTER(ds->actors->len));
    return (int)ds->actors->len - 1;
}

void clout_relation_init(clout_relation_t *r, const char *name, const char *layer)
{
    *r = (clout_relation_t){.name = name,
                            .layer = layer,
                            .mode = CLOUT_MODE_STATE,
                            .scale = CLOUT_SCALE_BINARY,
                            .weight = 1,
                            .group = "",
                            .counts = CLOUT_COUNTS_IN,
                            .source = ""};
}

static bool same_relation(const clout_relation_t *a, const clout_relation_t *b)
{
    return strcmp(a->layer, b->layer) == 0 && a->directed == b->directed && a->mode == b->mode &&
           a->scale == b->scale && a->weight == b->weight &&
           strcmp(a->group ? a->group : "", b->group ? b->group : "") == 0 &&
           a->counts == b->counts;
}

void cl_relation_cover(clout_dataset_t *ds, int r, int first, int last)
{
    clout_relation_t *rel = &g_array_index(ds->relations, clout_relation_t, r);
    if (!rel->cover_given) {
        rel->cover_first = first;
        rel->cover_last = last;
        rel->cover_given = true;
    } else {
        rel->cover_first = MIN(rel->cover_first, first);
        rel->cover_last = MAX(rel->cover_last, last);
    }
}

int clout_dataset_add_relation(clout_dataset_t *ds, const clout_relation_t *def)
{
    int i = clout_dataset_find_relation(ds, def->name);
    if (i >= 0)
        return same_relation(clout_dataset_relation(ds, i), def) ? i : -1;
    clout_relation_t r = *def;
    r.name = g_string_chunk_insert_const(ds->strings, def->name);
    r.layer = g_string_chunk_insert_const(ds->strings, def->layer);
    r.group = g_string_chunk_insert_const(ds->strings, def->group ? def->group : "");
    r.source = g_string_chunk_insert_const(ds->strings, def->source ? def->source : "");
    g_array_append_val(ds->relations, r);
    g_array_set_size(ds->span, ds->relations->len);
    g_hash_table_insert(ds->relation_ix, (gpointer)r.name, GINT_TO_POINTER(ds->relations->len));
    return (int)ds->relations->len - 1;
}

/* Identity of a tie for de-duplication: ends, relation, value, years, source. */
static char *tie_key(const clout_dataset_t *ds, const clout_tie_t *t)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup_printf(
        "%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%d\x1f%s", clout_dataset_actor(ds, t->source)->id,
        clout_dataset_actor(ds, t->target)->id, clout_dataset_relation(ds, t->relation)->name,
        g_ascii_formatd(buf, sizeof buf, "%.17g", t->value), t->start, t->end, t->source_ref);
}

static bool add_tie(clout_dataset_t *ds, const clout_tie_t *in)
{
    if (!ds->tie_ix) {
        ds->tie_ix = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint i = 0; i < ds->ties->len; i++)
            g_hash_table_add(ds->tie_ix, tie_key(ds, &g_array_index(ds->ties, clout_tie_t, i)));
    }
    char *key = tie_key(ds, in);
    if (g_hash_table_contains(ds->tie_ix, key)) {
        g_free(key);
        return false;
    }
    g_hash_table_add(ds->tie_ix, key);
    clout_tie_t t = *in;
    t.start_text = g_string_chunk_insert_const(ds->strings, in->start_text ? in->start_text : "");
    t.end_text = g_string_chunk_insert_const(ds->strings, in->end_text ? in->end_text : "");
    t.source_ref = g_string_chunk_insert_const(ds->strings, in->source_ref ? in->source_ref : "");
    t.note = g_string_chunk_insert_const(ds->strings, in->note ? in->note : "");
    t.line = 0;
    if (t.start > ds->year_latest)
        ds->year_latest = t.start;
    if (t.end > ds->year_latest)
        ds->year_latest = t.end;
    cl_span_add(&g_array_index(ds->span, cl_span_t, t.relation), t.start, t.end,
                clout_dataset_relation(ds, t.relation)->mode == CLOUT_MODE_STATE);
    g_array_append_val(ds->ties, t);
    return true;
}

bool clout_dataset_add_tie(clout_dataset_t *ds, int source, int target, int relation, double value,
                           int start, int end, const char *source_ref, const char *note)
{
    clout_tie_t t = {0};
    t.source = source;
    t.target = target;
    t.relation = relation;
    t.value = value;
    t.start = start;
    t.end = end;
    t.source_ref = source_ref;
    t.note = note;
    return add_tie(ds, &t);
}

clout_status_t clout_dataset_merge(clout_dataset_t *ds, const clout_dataset_t *src,
                                   clout_error_t *err)
{
    int na = clout_dataset_n_actors(src), nr = clout_dataset_n_relations(src);
    int *amap = g_new(int, na), *rmap = g_new(int, nr);
    for (int i = 0; i < na; i++) {
        const clout_actor_t *a = clout_dataset_actor(src, i);
        bool is_new = clout_dataset_find_actor(ds, a->id) < 0;
        amap[i] = clout_dataset_add_actor(ds, a->id, a->name, a->kind);
        if (is_new) {
            clout_actor_t *b = &g_array_index(ds->actors, clout_actor_t, amap[i]);
            b->role = a->role;
            b->lat = a->lat;
            b->lon = a->lon;
            b->start = a->start;
            b->end = a->end;
            b->start_text = g_string_chunk_insert_const(ds->strings, a->start_text);
            b->end_text = g_string_chunk_insert_const(ds->strings, a->end_text);
        }
    }
    /* Leads are indices, so they are mapped once every actor is in. */
    for (int i = 0; i < na; i++) {
        const clout_actor_t *a = clout_dataset_actor(src, i);
        clout_actor_t *b = &g_array_index(ds->actors, clout_actor_t, amap[i]);
        if (a->n_lead && !b->n_lead) {
            b->lead = g_new(int, a->n_lead);
            for (int k = 0; k < a->n_lead; k++)
                b->lead[b->n_lead++] = amap[a->lead[k]];
        }
    }
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < nr && !st; i++) {
        const clout_relation_t *r = clout_dataset_relation(src, i);
        rmap[i] = clout_dataset_add_relation(ds, r);
        if (rmap[i] >= 0 && r->cover_given) /* coverages add up */
            cl_relation_cover(ds, rmap[i], r->cover_first, r->cover_last);
        if (rmap[i] < 0)
            st = clout_error_set(err, CLOUT_EDATA, clout_dataset_path(src), 0, 0,
                                 "relation '%s' is defined differently in '%s'", r->name,
                                 clout_dataset_path(ds));
    }
    for (long i = 0; i < clout_dataset_n_ties(src) && !st; i++) {
        clout_tie_t t = *clout_dataset_tie(src, i);
        t.source = amap[t.source];
        t.target = amap[t.target];
        t.relation = rmap[t.relation];
        add_tie(ds, &t);
    }
    g_free(amap);
    g_free(rmap);
    return st;
}

/* ---- writing ---- */

static void num_cell(FILE *f, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (!isnan(v))
        fputs(g_ascii_formatd(buf, sizeof buf, "%.12g", v), f);
}

static void year_cell(FILE *f, const char *text, int year)
{
    if (text && *text)
        fputs(text, f);
    else if (year)
        fprintf(f, "%d", year);
}

typedef struct {
    const clout_dataset_t *ds;
} sort_ctx_t;

/* Ties are written in a fixed order, so that merging the same inputs in any
 * order gives the same file: by relation, source, target, start, end. */
static gint cmp_tie(gconstpointer x, gconstpointer y, gpointer data)
{
    const clout_dataset_t *ds = data;
    const clout_tie_t *a = x, *b = y;
    int c = strcmp(clout_dataset_relation(ds, a->relation)->name,
                   clout_dataset_relation(ds, b->relation)->name);
    if (!c)
        c = strcmp(clout_dataset_actor(ds, a->source)->id, clout_dataset_actor(ds, b->source)->id);
    if (!c)
        c = strcmp(clout_dataset_actor(ds, a->target)->id, clout_dataset_actor(ds, b->target)->id);
    if (!c)
        c = (a->start > b->start) - (a->start < b->start);
    if (!c)
        c = (a->end > b->end) - (a->end < b->end);
    if (!c)
        c = (a->value > b->value) - (a->value < b->value);
    if (!c)
        c = strcmp(a->source_ref, b->source_ref);
    return c;
}

static const char *const SCALES[] = {"binary", "share", "log", "max", "value"};
static const char *const ROLES[] = {"", "pole", "focus"};

static void write_actors(const clout_dataset_t *ds, FILE *f)
{
    fputs("id,name,kind,role,lead,lat,lon,start,end\n", f);
    for (int i = 0; i < clout_dataset_n_actors(ds); i++) {
        const clout_actor_t *a = clout_dataset_actor(ds, i);
        cl_write_csv_cell(f, a->id, false);
        fputc(',', f);
        cl_write_csv_cell(f, a->name, false);
        fputc(',', f);
        cl_write_csv_cell(f, a->kind, false);
        fprintf(f, ",%s,", ROLES[a->role]);
        GString *lead = g_string_new(NULL);
        for (int k = 0; k < a->n_lead; k++)
            g_string_append_printf(lead, "%s%s", k ? ";" : "",
                                   clout_dataset_actor(ds, a->lead[k])->id);
        cl_write_csv_cell(f, lead->str, false);
        g_string_free(lead, TRUE);
        fputc(',', f);
        num_cell(f, a->lat);
        fputc(',', f);
        num_cell(f, a->lon);
        fputc(',', f);
        year_cell(f, a->start_text, a->start);
        fputc(',', f);
        year_cell(f, a->end_text, a->end);
        fputc('\n', f);
    }
}

static const char *const MODES[] = {"state", "flow", "event"};
static const char *const COUNTS[] = {"in", "out", "both"};

/* The optional columns (group, counts, coverage; source) are written only
 * when a relation uses them, so that older datasets keep their bytes. */
static void write_relations(const clout_dataset_t *ds, FILE *f)
{
    bool extra = false, source = false;
    for (int i = 0; i < clout_dataset_n_relations(ds); i++) {
        const clout_relation_t *r = clout_dataset_relation(ds, i);
        extra |= *r->group || r->counts != CLOUT_COUNTS_IN || r->cover_given;
        source |= r->source && *r->source;
    }
    extra |= source;
    fputs(extra ? "relation,layer,directed,mode,scale,weight,group,counts,coverage"
                : "relation,layer,directed,mode,scale,weight",
          f);
    fputs(source ? ",source\n" : "\n", f);
    for (int i = 0; i < clout_dataset_n_relations(ds); i++) {
        const clout_relation_t *r = clout_dataset_relation(ds, i);
        cl_write_csv_cell(f, r->name, false);
        fputc(',', f);
        cl_write_csv_cell(f, r->layer, false);
        fprintf(f, ",%s,%s,%s,", r->directed ? "yes" : "no", MODES[r->mode], SCALES[r->scale]);
        num_cell(f, r->weight);
        if (extra) {
            fputc(',', f);
            cl_write_csv_cell(f, r->group, false);
            /* counts means something only for a directed relation */
            fprintf(f, ",%s,", r->directed ? COUNTS[r->counts] : "");
            if (r->cover_given)
                fprintf(f, "%d-%d", r->cover_first, r->cover_last);
        }
        if (source) {
            fputc(',', f);
            cl_write_csv_cell(f, r->source ? r->source : "", false);
        }
        fputc('\n', f);
    }
}

static void write_ties(const clout_dataset_t *ds, FILE *f)
{
    GArray *sorted = g_array_sized_new(FALSE, FALSE, sizeof(clout_tie_t), ds->ties->len);
    g_array_append_vals(sorted, ds->ties->data, ds->ties->len);
    g_array_sort_with_data(sorted, cmp_tie, (gpointer)ds);
    bool alt = false;
    for (guint i = 0; i < sorted->len && !alt; i++)
        alt = g_array_index(sorted, clout_tie_t, i).has_alt;
    fputs(alt ? "source,target,relation,value,start,end,source_ref,note,alt_value\n"
              : "source,target,relation,value,start,end,source_ref,note\n",
          f);
    for (guint i = 0; i < sorted->len; i++) {
        const clout_tie_t *t = &g_array_index(sorted, clout_tie_t, i);
        const clout_relation_t *r = clout_dataset_relation(ds, t->relation);
        cl_write_csv_cell(f, clout_dataset_actor(ds, t->source)->id, false);
        fputc(',', f);
        cl_write_csv_cell(f, clout_dataset_actor(ds, t->target)->id, false);
        fputc(',', f);
        cl_write_csv_cell(f, r->name, false);
        fputc(',', f);
        /* A state tie of value 1 is the common case; its cell stays empty,
         * except under scale value, where 1 is a score (full agreement). */
        if (!(r->mode == CLOUT_MODE_STATE && t->value == 1 && r->scale != CLOUT_SCALE_VALUE))
            num_cell(f, t->value);
        fputc(',', f);
        year_cell(f, t->start_text, t->start);
        fputc(',', f);
        if (r->mode == CLOUT_MODE_STATE || (t->end_text && *t->end_text))
            year_cell(f, t->end_text, t->end);
        fputc(',', f);
        cl_write_csv_cell(f, t->source_ref, false);
        fputc(',', f);
        cl_write_csv_cell(f, t->note, false);
        if (alt) {
            fputc(',', f);
            if (t->has_alt)
                num_cell(f, t->alt_value);
        }
        fputc('\n', f);
    }
    g_array_free(sorted, TRUE);
}

clout_status_t clout_dataset_write(const clout_dataset_t *ds, const char *dir, clout_error_t *err)
{
    if (g_mkdir_with_parents(dir, 0777) != 0)
        return clout_error_set(err, CLOUT_EFAIL, dir, 0, 0, "cannot create the folder: %s",
                               g_strerror(errno));
    static const char *files[] = {"actors.csv", "relations.csv", "ties.csv"};
    void (*writers[])(const clout_dataset_t *, FILE *) = {write_actors, write_relations,
                                                          write_ties};
    /* All three are written before any is renamed, so that a failure leaves
     * the folder as it was (short of a failure between the renames). */
    clout_output_t *o[3] = {NULL, NULL, NULL};
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < 3 && !st; k++) {
        char *path = g_build_filename(dir, files[k], NULL);
        st = clout_output_open(&o[k], path, err);
        g_free(path);
        if (!st) {
            FILE *f = clout_output_file(o[k]);
            writers[k](ds, f);
            if (fflush(f) != 0 || ferror(f))
                st = clout_error_set(err, CLOUT_EFAIL, dir, 0, 0, "cannot write %s: %s", files[k],
                                     g_strerror(errno));
        }
    }
    for (int k = 0; k < 3; k++) {
        if (!o[k])
            continue;
        if (st)
            clout_output_abort(o[k]);
        else
            st = clout_output_commit(o[k], err);
    }
    return st;
}
