/* dataset.c: loads and validates a dataset folder (actors, relations, ties). */
#include <config.h>

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "internal.h"

/* A column a file may have. */
typedef struct {
    const char *name;
    bool required;
} colspec_t;

/* The header of one file mapped onto its column specs. */
typedef struct {
    cl_csv_t *csv;
    const char *display;
    int n_fields;
    int *slot; /* slot[spec index] = field index or -1 */
    bool usable;
    bool incomplete; /* a row was skipped or a syntax error stopped the file */
    bool broken;     /* a syntax error stopped the file */
} sheet_t;

static const colspec_t ACTOR_COLS[] = {
    {"id", true},   {"name", true}, {"kind", true},   {"role", false}, {"lead", false},
    {"lat", false}, {"lon", false}, {"start", false}, {"end", false},  {NULL, false}};
enum { A_ID, A_NAME, A_KIND, A_ROLE, A_LEAD, A_LAT, A_LON, A_START, A_END };

static const colspec_t RELATION_COLS[] = {
    {"relation", true},  {"layer", true},   {"directed", true}, {"mode", true},
    {"scale", true},     {"weight", false}, {"group", false},   {"counts", false},
    {"coverage", false}, {"source", false}, {NULL, false}};
enum {
    R_RELATION,
    R_LAYER,
    R_DIRECTED,
    R_MODE,
    R_SCALE,
    R_WEIGHT,
    R_GROUP,
    R_COUNTS,
    R_COVERAGE,
    R_SOURCE
};

static const colspec_t TIE_COLS[] = {{"source", true},      {"target", true}, {"relation", true},
                                     {"value", false},      {"start", true},  {"end", false},
                                     {"source_ref", false}, {"note", false},  {"alt_value", false},
                                     {NULL, false}};
enum { T_SOURCE, T_TARGET, T_RELATION, T_VALUE, T_START, T_END, T_SOURCE_REF, T_NOTE, T_ALT_VALUE };

/* Opens a file and reads its header.  On success the sheet is usable; on any
 * problem the errors are recorded and the sheet is not. */
static void sheet_open(sheet_t *sh, const char *dir, const char *file, const colspec_t *spec,
                       clout_error_t *err)
{
    int nspec = 0;
    while (spec[nspec].name)
        nspec++;
    memset(sh, 0, sizeof *sh);
    sh->slot = g_new(int, nspec);
    for (int i = 0; i < nspec; i++)
        sh->slot[i] = -1;
    char *path = g_build_filename(dir, file, NULL);
    /* Messages name the file the way the user named the folder. */
    char *display = g_strconcat(dir, g_str_has_suffix(dir, "/") ? "" : "/", file, NULL);
    clout_status_t st = cl_csv_open(&sh->csv, path, display, err);
    g_free(path);
    if (st != CLOUT_OK) {
        sh->display = display; /* kept for later messages */
        return;
    }
    g_free(display);
    sh->display = cl_csv_display(sh->csv);
    int r = cl_csv_next(sh->csv, err);
    if (r == 0) {
        clout_error_set(err, CLOUT_EDATA, sh->display, 1, 1, "empty file (no header row)");
        return;
    }
    if (r < 0)
        return;
    bool ok = true;
    sh->n_fields = cl_csv_n_fields(sh->csv);
    for (int f = 0; f < sh->n_fields; f++) {
        const char *name = cl_csv_field(sh->csv, f);
        long line = cl_csv_field_line(sh->csv, f), col = cl_csv_field_col(sh->csv, f);
        if (g_str_has_prefix(name, "x_"))
            continue; /* user columns */
        int k;
        for (k = 0; k < nspec; k++)
            if (strcmp(spec[k].name, name) == 0)
                break;
        if (k == nspec) {
            clout_error_set(err, CLOUT_EDATA, sh->display, line, col,
                            "unknown column '%s' (user columns start with 'x_')", name);
            ok = false;
        } else if (sh->slot[k] >= 0) {
            clout_error_set(err, CLOUT_EDATA, sh->display, line, col, "duplicate column '%s'",
                            name);
            ok = false;
        } else {
            sh->slot[k] = f;
        }
    }
    for (int k = 0; k < nspec; k++)
        if (spec[k].required && sh->slot[k] < 0) {
            clout_error_set(err, CLOUT_EDATA, sh->display, cl_csv_line(sh->csv), 1,
                            "missing column '%s'", spec[k].name);
            ok = false;
        }
    sh->usable = ok;
}

static void sheet_close(sheet_t *sh)
{
    if (sh->csv)
        cl_csv_close(sh->csv);
    else
        g_free((char *)sh->display);
    g_free(sh->slot);
}

/* Next data row with the right number of fields: 1, or 0 at the end (also
 * after a syntax error, which stops the file). */
static int sheet_next(sheet_t *sh, clout_error_t *err, bool *ok)
{
    for (;;) {
        int r = cl_csv_next(sh->csv, err);
        if (r <= 0) {
            if (r < 0) {
                *ok = false;
                sh->incomplete = true;
                sh->broken = true;
            }
            return 0;
        }
        int n = cl_csv_n_fields(sh->csv);
        if (n == sh->n_fields)
            return 1;
        *ok = false;
        sh->incomplete = true;
        if (n > sh->n_fields)
            clout_error_set(err, CLOUT_EDATA, sh->display, cl_csv_field_line(sh->csv, sh->n_fields),
                            cl_csv_field_col(sh->csv, sh->n_fields),
                            "row has %d fields, the header has %d", n, sh->n_fields);
        else
            clout_error_set(err, CLOUT_EDATA, sh->display, cl_csv_line(sh->csv), 1,
                            "row has %d fields, the header has %d", n, sh->n_fields);
    }
}

static const char *cell(const sheet_t *sh, int k)
{
    return sh->slot[k] >= 0 ? cl_csv_field(sh->csv, sh->slot[k]) : "";
}

/* Records an error about column k of the current row. */
#define CELL_ERROR(sh, err, k, ...)                                                                \
    clout_error_set((err), CLOUT_EDATA, (sh)->display,                                             \
                    cl_csv_field_line((sh)->csv, (sh)->slot[k]),                                   \
                    cl_csv_field_col((sh)->csv, (sh)->slot[k]), __VA_ARGS__)

/* "unknown actor 'X'; did you mean ...": the actors' ids (actors) or the
 * relations' names of ds as the valid names.  Free it. */
static char *unknown_in(const clout_dataset_t *ds, bool actors, const char *name)
{
    int n = actors ? clout_dataset_n_actors(ds) : clout_dataset_n_relations(ds);
    const char **valid = g_new0(const char *, n + 1);
    for (int i = 0; i < n; i++)
        valid[i] = actors ? clout_dataset_actor(ds, i)->id : clout_dataset_relation(ds, i)->name;
    char *m = cl_unknown(actors ? "actor" : "relation", name, (char *const *)valid);
    g_free(valid);
    return m;
}

static bool year_cell(sheet_t *sh, int k, const char *colname, int *year, clout_error_t *err)
{
    const char *s = cell(sh, k);
    *year = CLOUT_NO_YEAR;
    if (!*s)
        return true;
    if (!clout_parse_year(s, year)) {
        CELL_ERROR(sh, err, k,
                   "column '%s': bad year '%s' (want YYYY or YYYY-MM-DD, years %d to %d)", colname,
                   s, CLOUT_YEAR_MIN, CLOUT_YEAR_MAX);
        return false;
    }
    return true;
}

/* The last component of a folder path ("graphs/central-asia/" -> "central-asia"). */
static char *folder_name(const char *dir)
{
    char *p = g_strdup(dir && *dir ? dir : ".");
    while (strlen(p) > 1 && p[strlen(p) - 1] == '/')
        p[strlen(p) - 1] = 0;
    char *b = g_path_get_basename(p);
    g_free(p);
    if (strcmp(b, ".") == 0 || strcmp(b, "/") == 0) {
        /* "." names the current folder: use its real name. */
        char *cwd = g_get_current_dir(), *abs = g_build_filename(cwd, dir, NULL);
        char *canon = g_canonicalize_filename(abs, NULL);
        g_free(b);
        b = g_path_get_basename(canon);
        g_free(cwd);
        g_free(abs);
        g_free(canon);
    }
    return b;
}

clout_dataset_t *clout_dataset_new(const char *dir)
{
    clout_dataset_t *ds = g_new0(clout_dataset_t, 1);
    ds->path = g_strdup(dir);
    ds->meta = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ds->name = folder_name(dir);
    ds->title = g_strdup(ds->name);
    ds->actors = g_array_new(FALSE, TRUE, sizeof(clout_actor_t));
    ds->span = g_array_new(FALSE, TRUE, sizeof(cl_span_t));
    ds->relations = g_array_new(FALSE, TRUE, sizeof(clout_relation_t));
    ds->ties = g_array_new(FALSE, TRUE, sizeof(clout_tie_t));
    ds->actor_ix = g_hash_table_new(g_str_hash, g_str_equal);
    ds->relation_ix = g_hash_table_new(g_str_hash, g_str_equal);
    ds->strings = g_string_chunk_new(1 << 16);
    return ds;
}

void clout_dataset_free(clout_dataset_t *ds)
{
    if (!ds)
        return;
    for (guint i = 0; i < ds->actors->len; i++)
        g_free(g_array_index(ds->actors, clout_actor_t, i).lead);
    g_array_free(ds->actors, TRUE);
    g_array_free(ds->relations, TRUE);
    g_array_free(ds->span, TRUE);
    g_array_free(ds->ties, TRUE);
    g_hash_table_destroy(ds->actor_ix);
    g_hash_table_destroy(ds->relation_ix);
    if (ds->tie_ix)
        g_hash_table_destroy(ds->tie_ix);
    g_string_chunk_free(ds->strings);
    g_slist_free_full(ds->more_strings, (GDestroyNotify)g_string_chunk_free);
    g_hash_table_destroy(ds->meta);
    g_free(ds->title);
    g_free(ds->name);
    g_free(ds->path);
    g_free(ds);
}

typedef struct {
    char *lead;
    long line, col;
} pending_lead_t;

/* *complete says whether every row was read, so that names can be checked
 * against the file without echoing its own errors. */
static bool load_actors(clout_dataset_t *ds, const char *dir, bool *complete, clout_error_t *err)
{
    sheet_t sh;
    sheet_open(&sh, dir, "actors.csv", ACTOR_COLS, err);
    bool ok = sh.usable;
    GArray *leads = g_array_new(FALSE, TRUE, sizeof(pending_lead_t));
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(long));
    while (sh.usable && sheet_next(&sh, err, &ok)) {
        clout_actor_t a = {0};
        a.lat = a.lon = NAN;
        const char *id = cell(&sh, A_ID);
        bool row_ok = true;
        if (!*id) {
            CELL_ERROR(&sh, err, A_ID, "column 'id': empty actor id");
            row_ok = false;
        } else if (strchr(id, ';')) {
            CELL_ERROR(&sh, err, A_ID, "column 'id': actor id '%s' contains ';'", id);
            row_ok = false;
        } else {
            gpointer prev = g_hash_table_lookup(ds->actor_ix, id);
            if (prev) {
                CELL_ERROR(&sh, err, A_ID,
                           "column 'id': duplicate actor id '%s' (first on line %ld)", id,
                           g_array_index(lines, long, GPOINTER_TO_INT(prev) - 1));
                row_ok = false;
            }
        }
        const char *kind = cell(&sh, A_KIND);
        if (!*kind) {
            CELL_ERROR(&sh, err, A_KIND, "column 'kind': empty (state, bloc, company, ...)");
            row_ok = false;
        }
        const char *role = cell(&sh, A_ROLE);
        if (!*role)
            a.role = CLOUT_ROLE_NONE;
        else if (strcmp(role, "pole") == 0)
            a.role = CLOUT_ROLE_POLE;
        else if (strcmp(role, "focus") == 0)
            a.role = CLOUT_ROLE_FOCUS;
        else {
            CELL_ERROR(&sh, err, A_ROLE, "column 'role': '%s' is not pole, focus or empty", role);
            row_ok = false;
        }
        if (a.role != CLOUT_ROLE_NONE && strcmp(cell(&sh, A_ID), CLOUT_WORLD) == 0) {
            CELL_ERROR(&sh, err, A_ROLE,
                       "column 'role': %s stands for the whole world (the totals of shares), "
                       "so it takes no role",
                       CLOUT_WORLD);
            row_ok = false;
        }
        static const struct {
            int k;
            const char *name;
            double lim;
        } coords[] = {{A_LAT, "lat", 90}, {A_LON, "lon", 180}};
        for (int c = 0; c < 2; c++) {
            const char *s = cell(&sh, coords[c].k);
            double v;
            if (!*s)
                continue;
            if (!cl_parse_double(s, &v) || fabs(v) > coords[c].lim) {
                CELL_ERROR(&sh, err, coords[c].k, "column '%s': '%s' is not a number from %g to %g",
                           coords[c].name, s, -coords[c].lim, coords[c].lim);
                row_ok = false;
            } else if (c == 0)
                a.lat = v;
            else
                a.lon = v;
        }
        row_ok &= year_cell(&sh, A_START, "start", &a.start, err);
        row_ok &= year_cell(&sh, A_END, "end", &a.end, err);
        if (a.start && a.end && a.end < a.start) {
            CELL_ERROR(&sh, err, A_END, "column 'end': %d is before start %d", a.end, a.start);
            row_ok = false;
        }
        if (!row_ok)
            ok = false;
        /* A row with a usable id is kept even when another cell is bad, so that
         * ties naming it do not echo the error as "unknown actor". */
        if (!*id || strchr(id, ';') || g_hash_table_contains(ds->actor_ix, id))
            continue;
        if (ds->actors->len >= CLOUT_MAX_ACTORS) {
            CELL_ERROR(&sh, err, A_ID, "more than %d actors", CLOUT_MAX_ACTORS);
            ok = false;
            break;
        }
        a.id = g_string_chunk_insert_const(ds->strings, id);
        a.start_text = g_string_chunk_insert_const(ds->strings, cell(&sh, A_START));
        a.end_text = g_string_chunk_insert_const(ds->strings, cell(&sh, A_END));
        const char *name = cell(&sh, A_NAME);
        a.name = g_string_chunk_insert_const(ds->strings, *name ? name : id);
        a.kind = g_string_chunk_insert_const(ds->strings, kind);
        g_array_append_val(ds->actors, a);
        long line = cl_csv_line(sh.csv);
        g_array_append_val(lines, line);
        g_hash_table_insert(ds->actor_ix, (gpointer)a.id, GINT_TO_POINTER(ds->actors->len));
        pending_lead_t pl = {NULL, 0, 0};
        if (*cell(&sh, A_LEAD)) {
            pl.lead = g_strdup(cell(&sh, A_LEAD));
            pl.line = cl_csv_field_line(sh.csv, sh.slot[A_LEAD]);
            pl.col = cl_csv_field_col(sh.csv, sh.slot[A_LEAD]);
        }
        g_array_append_val(leads, pl);
    }
    /* Leads may name actors further down the file, so they are resolved last. */
    for (guint i = 0; i < leads->len; i++) {
        pending_lead_t *pl = &g_array_index(leads, pending_lead_t, i);
        if (!pl->lead)
            continue;
        clout_actor_t *a = &g_array_index(ds->actors, clout_actor_t, i);
        char **ids = clout_split_list(pl->lead, ';');
        a->lead = g_new(int, g_strv_length(ids) + 1);
        for (char **p = ids; *p; p++) {
            int j = clout_dataset_find_actor(ds, *p);
            if (j < 0) {
                char *m = unknown_in(ds, true, *p);
                clout_error_set(err, CLOUT_EDATA, sh.display, pl->line, pl->col,
                                "column 'lead': %s", m);
                g_free(m);
                ok = false;
            } else if (g_array_index(ds->actors, clout_actor_t, j).role != CLOUT_ROLE_POLE) {
                clout_error_set(err, CLOUT_EDATA, sh.display, pl->line, pl->col,
                                "column 'lead': '%s' is not a pole (its role must be 'pole')", *p);
                ok = false;
            } else {
                a->lead[a->n_lead++] = j;
            }
        }
        g_strfreev(ids);
        g_free(pl->lead);
    }
    g_array_free(leads, TRUE);
    g_array_free(lines, TRUE);
    *complete = sh.usable && !sh.incomplete;
    sheet_close(&sh);
    return ok;
}

/* The optional columns of a relation: counts and coverage. */
static bool relation_extras(sheet_t *sh, clout_relation_t *r, clout_error_t *err)
{
    bool ok = true;
    const char *s = cell(sh, R_COUNTS);
    static const char *counts[] = {"in", "out", "both", NULL};
    int k;
    for (k = 0; counts[k] && strcmp(s, counts[k]) != 0; k++)
        ;
    if (!*s) {
        r->counts = CLOUT_COUNTS_IN;
    } else if (!counts[k]) {
        CELL_ERROR(sh, err, R_COUNTS, "column 'counts': '%s' is not in, out or both", s);
        ok = false;
    } else {
        r->counts = (clout_counts_t)k;
    }
    s = cell(sh, R_COVERAGE);
    if (*s) {
        char **ends = g_strsplit(s, "-", 3);
        int a = 0, b = 0;
        bool good = g_strv_length(ends) == 2 && strlen(ends[0]) == 4 && strlen(ends[1]) == 4 &&
                    clout_parse_year(ends[0], &a) && clout_parse_year(ends[1], &b) && a <= b;
        g_strfreev(ends);
        if (!good) {
            CELL_ERROR(sh, err, R_COVERAGE,
                       "column 'coverage': '%s' is not FIRST-LAST (two years, the first not "
                       "after the last: 1992-2020)",
                       s);
            ok = false;
        } else {
            r->cover_first = a;
            r->cover_last = b;
            r->cover_given = true;
        }
    }
    return ok;
}

/* Relations of one group count once per pair and year, so they must agree
 * on what they are: the same layer, mode, scale and weight. */
static bool check_groups(const clout_dataset_t *ds, const char *dir, clout_error_t *err)
{
    bool ok = true;
    int nr = clout_dataset_n_relations(ds);
    for (int i = 0; i < nr; i++) {
        const clout_relation_t *a = clout_dataset_relation(ds, i);
        if (!*a->group)
            continue;
        for (int j = 0; j < i; j++) {
            const clout_relation_t *b = clout_dataset_relation(ds, j);
            if (strcmp(a->group, b->group) != 0)
                continue;
            if (strcmp(a->layer, b->layer) != 0 || a->mode != b->mode || a->weight != b->weight ||
                a->scale != b->scale) {
                char *path = g_build_filename(dir, "relations.csv", NULL);
                clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                "relations '%s' and '%s' of group '%s' differ in layer, mode, "
                                "scale or weight: a group counts once, so its relations must "
                                "agree",
                                b->name, a->name, a->group);
                g_free(path);
                ok = false;
            }
            break; /* the first earlier member stands for the group */
        }
    }
    return ok;
}

static bool load_relations(clout_dataset_t *ds, const char *dir, bool *complete, clout_error_t *err)
{
    sheet_t sh;
    sheet_open(&sh, dir, "relations.csv", RELATION_COLS, err);
    bool ok = sh.usable;
    while (sh.usable && sheet_next(&sh, err, &ok)) {
        clout_relation_t r = {0};
        bool row_ok = true;
        const char *name = cell(&sh, R_RELATION);
        if (!*name) {
            CELL_ERROR(&sh, err, R_RELATION, "column 'relation': empty name");
            row_ok = false;
        } else if (g_hash_table_contains(ds->relation_ix, name)) {
            CELL_ERROR(&sh, err, R_RELATION, "column 'relation': duplicate relation '%s'", name);
            row_ok = false;
        }
        const char *layer = cell(&sh, R_LAYER);
        if (!*layer) {
            CELL_ERROR(&sh, err, R_LAYER, "column 'layer': empty (security, economic, ...)");
            row_ok = false;
        }
        const char *s = cell(&sh, R_DIRECTED);
        if (strcmp(s, "yes") == 0)
            r.directed = true;
        else if (strcmp(s, "no") != 0) {
            CELL_ERROR(&sh, err, R_DIRECTED, "column 'directed': '%s' is not yes or no", s);
            row_ok = false;
        }
        s = cell(&sh, R_MODE);
        if (strcmp(s, "state") == 0)
            r.mode = CLOUT_MODE_STATE;
        else if (strcmp(s, "flow") == 0)
            r.mode = CLOUT_MODE_FLOW;
        else if (strcmp(s, "event") == 0)
            r.mode = CLOUT_MODE_EVENT;
        else {
            CELL_ERROR(&sh, err, R_MODE, "column 'mode': '%s' is not state, flow or event", s);
            row_ok = false;
        }
        s = cell(&sh, R_SCALE);
        static const char *scales[] = {"binary", "share", "log", "max", "value", NULL};
        int k;
        for (k = 0; scales[k]; k++)
            if (strcmp(s, scales[k]) == 0)
                break;
        if (!scales[k]) {
            CELL_ERROR(&sh, err, R_SCALE,
                       "column 'scale': '%s' is not binary, share, log, max or value", s);
            row_ok = false;
        }
        r.scale = (clout_scale_t)k;
        if (scales[k] && r.scale == CLOUT_SCALE_VALUE && r.mode != CLOUT_MODE_STATE &&
            *cell(&sh, R_MODE)) {
            /* A score holds for the years of its tie; amounts summed over a
             * window would not be one. */
            CELL_ERROR(&sh, err, R_SCALE,
                       "column 'scale': value (each tie's value is its strength) needs mode "
                       "state, one tie per span: '%s' is not",
                       cell(&sh, R_MODE));
            row_ok = false;
        }
        s = cell(&sh, R_WEIGHT);
        r.weight = 1;
        if (*s && (!cl_parse_double(s, &r.weight) || r.weight < 0)) {
            CELL_ERROR(&sh, err, R_WEIGHT,
                       "column 'weight': '%s' is not a finite number of 0 or more", s);
            row_ok = false;
        }
        row_ok &= relation_extras(&sh, &r, err);
        if (!row_ok)
            ok = false;
        if (!*name || g_hash_table_contains(ds->relation_ix, name))
            continue;
        r.name = g_string_chunk_insert_const(ds->strings, name);
        r.layer = g_string_chunk_insert_const(ds->strings, layer);
        r.group = g_string_chunk_insert_const(ds->strings, cell(&sh, R_GROUP));
        r.source = g_string_chunk_insert_const(ds->strings, cell(&sh, R_SOURCE));
        g_array_append_val(ds->relations, r);
        g_array_set_size(ds->span, ds->relations->len);
        g_hash_table_insert(ds->relation_ix, (gpointer)r.name, GINT_TO_POINTER(ds->relations->len));
    }
    *complete = sh.usable && !sh.incomplete;
    sheet_close(&sh);
    return ok && check_groups(ds, dir, err);
}

/* Interned text of a start or end cell.  Most cells are a bare year, and few
 * years occur: those get a table of their own instead of a hash lookup. */
static const char *intern_date(GStringChunk *chunk, const char **by_year, const char *s)
{
    if (!*s)
        return "";
    if (s[4] == 0) { /* validated: four digits in range */
        int k = atoi(s) - CLOUT_YEAR_MIN;
        if (!by_year[k])
            by_year[k] = g_string_chunk_insert_const(chunk, s);
        return by_year[k];
    }
    return g_string_chunk_insert_const(chunk, s);
}

/* Interned text of a citation or note; the previous row's is reused when
 * equal. */
static const char *intern_text(GStringChunk *chunk, const char **last, const char *s)
{
    if (!*s)
        return "";
    if (!*last || strcmp(*last, s) != 0)
        *last = g_string_chunk_insert_const(chunk, s);
    return *last;
}

/* One part of ties.csv, read by one thread: everything it writes is its own
 * (ties, strings, messages), and the dataset is only read. */
typedef struct {
    const clout_dataset_t *ds;
    sheet_t sh;
    bool actors_ok, relations_ok;
    const clout_snapshot_opts_t *keep; /* NULL: keep every tie */
    const cl_names_t *aix, *rix;
    gint64 last[3]; /* the slot found last: source, target, relation */
    GArray *ties;
    GStringChunk *strings;
    clout_error_t *err;
    int year_latest;
    cl_span_t *span; /* per relation, of every tie read (kept or not) */
    int world;       /* the actor WORLD, or -1 */
    bool ok, too_many;
} tie_part_t;

static gpointer read_tie_rows(gpointer data)
{
    tie_part_t *p = data;
    const clout_dataset_t *ds = p->ds;
    const char **by_year = g_new0(const char *, CLOUT_YEAR_MAX - CLOUT_YEAR_MIN + 1);
    const char *last_ref = NULL, *last_note = NULL;
    while (p->sh.usable && sheet_next(&p->sh, p->err, &p->ok)) {
        clout_tie_t t = {0};
        bool row_ok = true;
        /* When actors.csv or relations.csv is broken, names cannot be checked
         * without burying the real error under a thousand echoes of it. */
        static const struct {
            int k;
            const char *col;
        } ends[] = {{T_SOURCE, "source"}, {T_TARGET, "target"}};
        int *idx[] = {&t.source, &t.target};
        /* The ids of the next row are fetched into the cache while this
         * row is checked: the lookups are bound by memory latency. */
        for (int e = 0; e < 2; e++) {
            const char *nf;
            size_t nl;
            if (cl_csv_peek(p->sh.csv, p->sh.slot[ends[e].k], &nf, &nl))
                cl_names_prefetch(p->aix, nf, nl);
        }
        for (int e = 0; e < 2; e++) {
            const char *id = cell(&p->sh, ends[e].k);
            *idx[e] = cl_names_find(p->aix, &p->last[e], id);
            if (!*id) {
                CELL_ERROR(&p->sh, p->err, ends[e].k, "column '%s': empty actor id", ends[e].col);
                row_ok = false;
            } else if (*idx[e] < 0 && p->actors_ok) {
                char *m = unknown_in(ds, true, id);
                CELL_ERROR(&p->sh, p->err, ends[e].k, "column '%s': %s", ends[e].col, m);
                g_free(m);
                row_ok = false;
            }
        }
        if (row_ok && t.source >= 0 && t.source == t.target) {
            CELL_ERROR(&p->sh, p->err, T_TARGET, "column 'target': a tie from '%s' to itself",
                       cell(&p->sh, T_TARGET));
            row_ok = false;
        }
        const char *rel = cell(&p->sh, T_RELATION);
        t.relation = cl_names_find(p->rix, &p->last[2], rel);
        if (t.relation < 0 && (p->relations_ok || !*rel)) {
            char *m = unknown_in(ds, false, rel);
            CELL_ERROR(&p->sh, p->err, T_RELATION, "column 'relation': %s", m);
            g_free(m);
            row_ok = false;
        }
        const char *v = cell(&p->sh, T_VALUE);
        t.value = 1;
        if (*v && (!cl_parse_double(v, &t.value) || t.value < 0)) {
            CELL_ERROR(&p->sh, p->err, T_VALUE,
                       "column 'value': '%s' is not a finite number of 0 or more", v);
            row_ok = false;
        } else if (t.value > 1 && t.relation >= 0 &&
                   clout_dataset_relation(ds, t.relation)->scale == CLOUT_SCALE_VALUE) {
            /* Under scale value the value is the strength itself. */
            CELL_ERROR(&p->sh, p->err, T_VALUE,
                       "column 'value': '%s' is above 1, and relation '%s' has scale value (the "
                       "value is the strength, from 0 to 1)",
                       v, rel);
            row_ok = false;
        }
        const char *alt = cell(&p->sh, T_ALT_VALUE);
        if (*alt) {
            t.has_alt = true;
            if (!cl_parse_double(alt, &t.alt_value) || t.alt_value < 0) {
                CELL_ERROR(&p->sh, p->err, T_ALT_VALUE,
                           "column 'alt_value': '%s' is not a finite number of 0 or more", alt);
                row_ok = false;
            }
        }
        if (!*cell(&p->sh, T_START)) {
            CELL_ERROR(&p->sh, p->err, T_START, "column 'start': missing year");
            row_ok = false;
        } else {
            row_ok &= year_cell(&p->sh, T_START, "start", &t.start, p->err);
        }
        row_ok &= year_cell(&p->sh, T_END, "end", &t.end, p->err);
        if (t.start && t.end && t.end < t.start) {
            CELL_ERROR(&p->sh, p->err, T_END, "column 'end': %d is before start %d", t.end,
                       t.start);
            row_ok = false;
        }
        if (t.relation >= 0 && t.start) {
            const clout_relation_t *r = clout_dataset_relation(ds, t.relation);
            if (r->mode != CLOUT_MODE_STATE) {
                if (t.end && t.end != t.start) {
                    CELL_ERROR(&p->sh, p->err, T_END,
                               "column 'end': %s of '%s' covers one year, so end (%d) must "
                               "be its start (%d) or empty",
                               r->mode == CLOUT_MODE_FLOW ? "a flow" : "an event", r->name, t.end,
                               t.start);
                    row_ok = false;
                }
                t.end = t.start;
            }
        }
        if (row_ok && t.relation >= 0 && p->world >= 0 &&
            (t.source == p->world || t.target == p->world)) {
            const clout_relation_t *r = clout_dataset_relation(ds, t.relation);
            if (r->mode == CLOUT_MODE_STATE) {
                CELL_ERROR(&p->sh, p->err, t.source == p->world ? T_SOURCE : T_TARGET,
                           "a tie with %s gives a total, so its relation must be a flow or an "
                           "event, and '%s' is a state",
                           CLOUT_WORLD, r->name);
                row_ok = false;
            }
        }
        if (row_ok && t.relation >= 0 && t.start) {
            const clout_relation_t *r = clout_dataset_relation(ds, t.relation);
            int last = t.end ? t.end : r->mode == CLOUT_MODE_STATE ? CLOUT_YEAR_MAX : t.start;
            if (r->cover_given && (last < r->cover_first || t.start > r->cover_last)) {
                CELL_ERROR(&p->sh, p->err, T_START,
                           "column 'start': a tie of %d%s lies outside the coverage %d-%d of "
                           "relation '%s' (relations.csv)",
                           t.start, t.end && t.end != t.start ? " and after" : "", r->cover_first,
                           r->cover_last, r->name);
                row_ok = false;
            }
        }
        if (!row_ok || t.source < 0 || t.target < 0 || t.relation < 0) {
            p->ok = false;
            continue;
        }
        cl_span_add(&p->span[t.relation], t.start, t.end,
                    clout_dataset_relation(ds, t.relation)->mode == CLOUT_MODE_STATE);
        if (t.start > p->year_latest)
            p->year_latest = t.start;
        if (t.end > p->year_latest)
            p->year_latest = t.end;
        if (p->keep && !cl_tie_in_snapshot(ds, &t, p->keep->year, p->keep->window))
            continue;
        if ((long)p->ties->len >= CLOUT_MAX_TIES) {
            clout_error_set(p->err, CLOUT_EDATA, p->sh.display, cl_csv_line(p->sh.csv), 1,
                            "more than %ld ties", CLOUT_MAX_TIES);
            p->ok = false;
            p->too_many = true;
            break;
        }
        t.source_ref = intern_text(p->strings, &last_ref, cell(&p->sh, T_SOURCE_REF));
        t.note = intern_text(p->strings, &last_note, cell(&p->sh, T_NOTE));
        t.line = cl_csv_line(p->sh.csv);
        t.start_text = intern_date(p->strings, by_year, cell(&p->sh, T_START));
        /* A flow's empty end means its start year; it is written back empty. */
        t.end_text = intern_date(p->strings, by_year, cell(&p->sh, T_END));
        g_array_append_val(p->ties, t);
    }
    g_free(by_year);
    return NULL;
}

long long cl_split_min_bytes = 8 << 20;

/* Whether ties.csv can be read in two parts at once: only when no byte is a
 * quote, so that no field spans lines and every line start is a record
 * start.  Then *split is the first line start at or after the middle, and
 * *line its line number (LF, CRLF and a lone CR each end a line, as for the
 * reader).  Reading the file once more costs little next to parsing it. */
static bool find_split(const char *path, long long size, long long *split, long *line)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    enum { CHUNK = 1 << 20 };
    char *buf = g_malloc(CHUNK);
    long long pos = 0, mid = size / 2, at = -1;
    long lines = 1;
    bool ok = true, prev_cr = false;
    size_t n;
    while (ok && (n = fread(buf, 1, CHUNK, f)) > 0) {
        if (memchr(buf, '"', n))
            ok = false;
        for (size_t i = 0; ok && at < 0 && i < n; i++) {
            char ch = buf[i];
            if (prev_cr && ch != '\n')
                lines++; /* the CR before this byte ended a line */
            prev_cr = ch == '\r';
            if (ch == '\n') {
                lines++;
                if (pos + (long long)i + 1 >= mid)
                    at = pos + (long long)i + 1;
            }
        }
        pos += (long long)n;
    }
    if (ferror(f) || at < 0 || at >= size)
        ok = false;
    fclose(f);
    g_free(buf);
    *split = at;
    *line = lines;
    return ok;
}

/* keep: when not NULL, only ties that can enter that snapshot are kept (all
 * are still checked).  A large file is read in two parts, one per thread,
 * with the same messages, in the same order, as when read in one. */
static bool load_ties(clout_dataset_t *ds, const char *dir, bool actors_ok, bool relations_ok,
                      const clout_snapshot_opts_t *keep, clout_error_t *err)
{
    tie_part_t part[2];
    memset(part, 0, sizeof part);
    tie_part_t *p0 = &part[0], *p1 = &part[1];
    sheet_open(&p0->sh, dir, "ties.csv", TIE_COLS, err);
    p0->ok = p0->sh.usable;
    int na = clout_dataset_n_actors(ds), nr = clout_dataset_n_relations(ds);
    cl_names_t aix, rix;
    cl_names_init(&aix, (guint32)na);
    cl_names_init(&rix, (guint32)nr);
    for (int a = 0; a < na; a++)
        cl_names_add(&aix, clout_dataset_actor(ds, a)->id, a);
    for (int r = 0; r < nr; r++)
        cl_names_add(&rix, clout_dataset_relation(ds, r)->name, r);
    p0->aix = &aix;
    p0->rix = &rix;
    p0->last[0] = p0->last[1] = p0->last[2] = -1;
    p0->ds = ds;
    p0->actors_ok = actors_ok;
    p0->relations_ok = relations_ok;
    p0->keep = keep;
    p0->ties = ds->ties;
    p0->strings = ds->strings;
    p0->err = err;
    p0->span = g_new0(cl_span_t, MAX(nr, 1));
    p0->world = clout_dataset_find_actor(ds, CLOUT_WORLD);

    GThread *th = NULL;
    if (p0->sh.usable) {
        char *path = g_build_filename(dir, "ties.csv", NULL);
        GStatBuf st;
        long long split;
        long line;
        if (g_stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
            (long long)st.st_size >= cl_split_min_bytes &&
            find_split(path, (long long)st.st_size, &split, &line) &&
            cl_csv_limit(p0->sh.csv, split)) {
            *p1 = *p0;
            p1->sh.csv = NULL;
            p1->span = g_new0(cl_span_t, MAX(nr, 1));
            p1->ties = g_array_new(FALSE, FALSE, sizeof(clout_tie_t));
            p1->strings = g_string_chunk_new(1 << 16);
            p1->err = clout_error_new(1000);
            p1->ok = true;
            if (cl_csv_open_range(&p1->sh.csv, path, p0->sh.display, split,
                                  (long long)st.st_size - split, line, p1->err) == CLOUT_OK) {
                p1->sh.display = cl_csv_display(p1->sh.csv);
                th = g_thread_try_new("clout-ties", read_tie_rows, p1, NULL);
            }
            if (!th) { /* read it all here after all */
                cl_csv_limit(p0->sh.csv, (long long)st.st_size);
                if (p1->sh.csv)
                    cl_csv_close(p1->sh.csv);
                g_array_free(p1->ties, TRUE);
                g_string_chunk_free(p1->strings);
                clout_error_free(p1->err);
                g_free(p1->span);
                memset(p1, 0, sizeof *p1);
            }
        }
        g_free(path);
    }
    read_tie_rows(p0);
    if (th) {
        g_thread_join(th);
        /* The second part counts only if the first reached it: a syntax
         * error or too many ties stops the file, as in one reader. */
        if (!p0->sh.broken && !p0->too_many) {
            cl_error_merge(err, p1->err);
            p0->ok = p0->ok && p1->ok;
            p0->year_latest = MAX(p0->year_latest, p1->year_latest);
            for (int r = 0; r < nr; r++)
                if (p1->span[r].first) {
                    cl_span_add(&p0->span[r], p1->span[r].first, p1->span[r].last, false);
                    p0->span[r].ongoing |= p1->span[r].ongoing;
                }
            if ((long)(ds->ties->len + p1->ties->len) > CLOUT_MAX_TIES) {
                clout_error_set(err, CLOUT_EDATA, p0->sh.display, 0, 0, "more than %ld ties",
                                CLOUT_MAX_TIES);
                p0->ok = false;
            } else {
                g_array_append_vals(ds->ties, p1->ties->data, p1->ties->len);
            }
            ds->more_strings = g_slist_prepend(ds->more_strings, p1->strings);
            p1->strings = NULL;
        }
        cl_csv_close(p1->sh.csv);
        g_array_free(p1->ties, TRUE);
        if (p1->strings)
            g_string_chunk_free(p1->strings);
        clout_error_free(p1->err);
        g_free(p1->span);
    }
    ds->year_latest = MAX(ds->year_latest, p0->year_latest);
    for (int r = 0; r < nr; r++)
        g_array_index(ds->span, cl_span_t, r) = p0->span[r];
    g_free(p0->span);
    cl_names_clear(&aix);
    cl_names_clear(&rix);
    bool ok = p0->ok;
    sheet_close(&p0->sh);
    return ok;
}

static const colspec_t META_COLS[] = {{"key", true}, {"value", true}, {NULL, false}};
enum { M_KEY, M_VALUE };

/* metadata.csv, when the folder has one: key,value rows.  A key given twice
 * or an empty key is an error; unknown keys are kept (for other tools). */
static bool load_metadata(clout_dataset_t *ds, const char *dir, clout_error_t *err)
{
    char *path = g_build_filename(dir, "metadata.csv", NULL);
    bool exists = g_file_test(path, G_FILE_TEST_EXISTS);
    g_free(path);
    if (!exists)
        return true;
    sheet_t sh;
    sheet_open(&sh, dir, "metadata.csv", META_COLS, err);
    bool ok = sh.usable;
    while (sh.usable && sheet_next(&sh, err, &ok)) {
        const char *k = cell(&sh, M_KEY), *v = cell(&sh, M_VALUE);
        if (!*k) {
            CELL_ERROR(&sh, err, M_KEY, "empty key");
            ok = false;
        } else if (g_hash_table_contains(ds->meta, k)) {
            CELL_ERROR(&sh, err, M_KEY, "key '%s' is given twice", k);
            ok = false;
        } else {
            g_hash_table_insert(ds->meta, g_strdup(k), g_strdup(v));
        }
    }
    sheet_close(&sh);
    const char *title = g_hash_table_lookup(ds->meta, "title");
    if (ok && title && *title) {
        g_free(ds->title);
        ds->title = g_strdup(title);
    }
    return ok;
}

static clout_status_t load(clout_dataset_t **out, const char *dir,
                           const clout_snapshot_opts_t *keep, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR))
        return clout_error_set(err, CLOUT_EDATA, dir, 0, 0, "not a dataset folder");
    clout_dataset_t *ds = clout_dataset_new(dir);
    bool a_all, r_all;
    bool a = load_actors(ds, dir, &a_all, err);
    bool r = load_relations(ds, dir, &r_all, err);
    bool t = load_ties(ds, dir, a_all, r_all, keep, err);
    bool m = load_metadata(ds, dir, err);
    if (!(a && r && t && m)) {
        clout_dataset_free(ds);
        /* Every path above that returns false has recorded why. */
        return clout_error_status(err) ? clout_error_status(err) : CLOUT_EDATA;
    }
    if (keep) {
        ds->only_year = keep->year;
        ds->only_window = keep->window;
    }
    *out = ds;
    return CLOUT_OK;
}

clout_status_t clout_dataset_load(clout_dataset_t **out, const char *dir, clout_error_t *err)
{
    return load(out, dir, NULL, err);
}

clout_status_t cl_dataset_load_snapshot(clout_dataset_t **out, const char *dir, int year,
                                        int window, clout_error_t *err)
{
    clout_snapshot_opts_t keep;
    clout_snapshot_opts_init(&keep);
    keep.year = year;
    keep.window = window;
    return load(out, dir, &keep, err);
}

const char *clout_dataset_path(const clout_dataset_t *ds)
{
    return ds->path;
}

const char *clout_dataset_title(const clout_dataset_t *ds)
{
    return ds->title;
}

const char *clout_dataset_name(const clout_dataset_t *ds)
{
    return ds->name;
}

const char *clout_dataset_meta(const clout_dataset_t *ds, const char *key)
{
    return g_hash_table_lookup(ds->meta, key);
}

int clout_dataset_n_actors(const clout_dataset_t *ds)
{
    return (int)ds->actors->len;
}

int clout_dataset_n_relations(const clout_dataset_t *ds)
{
    return (int)ds->relations->len;
}

long clout_dataset_n_ties(const clout_dataset_t *ds)
{
    return (long)ds->ties->len;
}

const clout_actor_t *clout_dataset_actor(const clout_dataset_t *ds, int i)
{
    return &g_array_index(ds->actors, clout_actor_t, i);
}

const clout_relation_t *clout_dataset_relation(const clout_dataset_t *ds, int i)
{
    return &g_array_index(ds->relations, clout_relation_t, i);
}

const clout_tie_t *clout_dataset_tie(const clout_dataset_t *ds, long i)
{
    return &g_array_index(ds->ties, clout_tie_t, i);
}

int clout_dataset_find_actor(const clout_dataset_t *ds, const char *id)
{
    return GPOINTER_TO_INT(g_hash_table_lookup(ds->actor_ix, id)) - 1;
}

int clout_dataset_find_relation(const clout_dataset_t *ds, const char *name)
{
    return GPOINTER_TO_INT(g_hash_table_lookup(ds->relation_ix, name)) - 1;
}

int clout_dataset_latest_year(const clout_dataset_t *ds)
{
    return ds->year_latest;
}

void cl_span_add(cl_span_t *s, int start, int end, bool state)
{
    int last = end ? end : start;
    if (!s->first || start < s->first)
        s->first = start;
    if (last > s->last)
        s->last = last;
    if (state && !end)
        s->ongoing = true;
}

void clout_dataset_coverage(const clout_dataset_t *ds, int r, int *first, int *last)
{
    const clout_relation_t *rel = clout_dataset_relation(ds, r);
    if (rel->cover_given) {
        *first = rel->cover_first;
        *last = rel->cover_last;
        return;
    }
    const cl_span_t *s = &g_array_index(ds->span, cl_span_t, r);
    *first = s->first;
    *last = s->ongoing ? MAX(s->last, ds->year_latest) : s->last;
}
