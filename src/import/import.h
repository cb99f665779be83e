/* import.h: what the importers share: input files, code tables, spans, the report. */
#ifndef CL_IMPORT_INTERNAL_H
#define CL_IMPORT_INTERNAL_H

#include "../internal.h"

/* The report of one import: counts with a note, in the order first seen. */
typedef struct {
    GPtrArray *items, *notes;
    GArray *counts;
    GHashTable *known; /* the actor ids the files read have: what --actors may name */
} import_report_t;

void report_add(import_report_t *r, const char *item, long n, const char *note);
/* Remembers one example (up to a few) of what an item counts. */
void report_example(import_report_t *r, const char *item, const char *example);

/* Every importer accounts for its rows: each row read is kept, or dropped
 * for one reason, so that "rows read" = "rows kept" + the "rows dropped: ..."
 * lines.  report_rows puts the first two at the top of the report (path: the
 * note of "rows read"); the importer adds its counts when it is done. */
void report_rows(import_report_t *r, const char *path);
void report_rows_done(import_report_t *r, long read, long kept);
/* n rows dropped because of why ("a state outside --actors"); example, when
 * not NULL, is remembered as one of the cases. */
void report_drop(import_report_t *r, const char *why, long n, const char *example);

/* An actor id that the file being read has (a state it names, mapped): an
 * --actors code that is neither one of these nor in the source's code
 * tables is a usage error (common.c). */
void import_known(import_report_t *r, const char *id);

/* A whole input file in memory, gunzipped when it is gzip. */
clout_status_t import_read_file(const char *path, GBytes **out, clout_error_t *err);

/* Reads path (plain or gzip) and its header row; on success *csv stands on
 * the header and reads from *bytes, which the caller keeps until it closes
 * the reader.  An empty file is CLOUT_EDATA. */
clout_status_t import_open_csv(const char *path, GBytes **bytes, cl_csv_t **csv,
                               clout_error_t *err);

/* Adds relation def to ds, or finds the same one there (*out: its index);
 * CLOUT_EDATA naming it when ds defines it differently. */
clout_status_t import_relation(clout_dataset_t *ds, const clout_relation_t *def, int *out,
                               clout_error_t *err);
/* The coverage of relation r: the years first..last of the file read, cut to
 * --from and --until (added to what r covers already). */
void import_cover(clout_dataset_t *ds, int r, const clout_import_opts_t *o, int first, int last);

/* Index of a header column, or -1 after recording an error at the header. */
int import_column(cl_csv_t *csv, const char *name, bool required, clout_error_t *err);

/* The embedded code tables (src/import/codes/). */
typedef struct {
    const char *iso3, *name;
} cow_state_t;
const cow_state_t *codes_cow_state(long ccode);
/* Why rows of COW state ccode are dropped for want of an ISO3 code (*example
 * then names the code, for the report; the caller frees it), or NULL with
 * *state set and its ISO3 marked as an id the file has (import_known). */
const char *cl_import_cow_iso3(import_report_t *rep, long ccode, const cow_state_t **state,
                               char **example);
/* The COW state of ccode when it has an ISO3 code (cl_import_cow_iso3), or
 * NULL after reporting the row dropped. */
const cow_state_t *cl_import_cow_state(import_report_t *rep, long ccode);
/* The COW state whose ISO3 is iso3, or NULL (cow-states.csv has no ISO3 twice). */
const cow_state_t *codes_cow_by_iso3(const char *iso3);
typedef struct {
    const char *iso3, *name;
} iso2_t;
/* An ISO 3166-1 alpha-2 code (iso2.csv), or NULL. */
const iso2_t *codes_iso2(const char *iso2);
typedef struct {
    const char *name, *kind, *note;
} dots_code_t;
/* A code of the IMF DOTS file that is not a current state (imf-dots.csv), or NULL. */
const dots_code_t *codes_imf_dots(const char *code);
typedef struct {
    const char *iso3, *kind, *note;
} sipri_name_t;
const sipri_name_t *codes_sipri_name(const char *name);
typedef struct {
    const char *id, *name, *layer;
} cow_igo_t;
const cow_igo_t *codes_cow_igo(const char *column);
/* Every IGO column the code table lists, NULL-terminated (static). */
const char *const *codes_cow_igo_columns(void);

/* Yearly records of one (source, target, relation, value) compressed into
 * spans of consecutive years. */
typedef struct spans spans_t;
spans_t *spans_new(void);
void spans_free(spans_t *s);
void spans_add(spans_t *s, int source, int target, int relation, double value, int year,
               const char *note);
/* Adds one tie per run of consecutive years (a year counts as consecutive to
 * the previous one when no year of the data lies between them: step 1 for
 * yearly data).  Returns the number of ties added. */
/* Sources and targets are the importer's own keys (COW codes, column
 * numbers); map turns one into an actor index when a tie is kept, so that no
 * actor is added without a tie. */
typedef int (*span_map_fn)(void *ctx, int key, bool target);
/* *outside counts the spans that --from/--until leave out. */
long spans_emit(spans_t *s, clout_dataset_t *ds, const int *data_years, int n_data_years,
                const clout_import_opts_t *opts, const char *source_ref, span_map_fn map, void *ctx,
                long *dupes, long *outside);

bool import_year_in(const clout_import_opts_t *o, int start, int end);
/* Whether a row of year passes --from/--until; else the row is reported dropped. */
bool cl_import_keep_year(const clout_import_opts_t *o, import_report_t *rep, int year);
/* Widens first..last, the years a file has (0..0 before its first row, as
 * import_cover takes them), to take year in. */
void cl_import_seen_year(int *first, int *last, int year);
bool import_actor_in(const clout_import_opts_t *o, const char *id);

typedef clout_status_t (*importer_fn)(clout_dataset_t *ds, const char *path,
                                      const clout_import_opts_t *opts, import_report_t *rep,
                                      clout_error_t *err);
/* An importer of one CSV file: csv stands on its header row; the dispatcher
 * opens and closes the file (import_open_csv), path names it in messages. */
typedef clout_status_t (*csv_importer_fn)(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                                          const clout_import_opts_t *opts, import_report_t *rep,
                                          clout_error_t *err);
clout_status_t import_cow_igo(clout_dataset_t *, cl_csv_t *, const char *,
                              const clout_import_opts_t *, import_report_t *, clout_error_t *);
clout_status_t import_atop(clout_dataset_t *, cl_csv_t *, const char *, const clout_import_opts_t *,
                           import_report_t *, clout_error_t *);
clout_status_t import_cow_alliance(clout_dataset_t *, cl_csv_t *, const char *,
                                   const clout_import_opts_t *, import_report_t *, clout_error_t *);
clout_status_t import_cow_trade(clout_dataset_t *, cl_csv_t *, const char *,
                                const clout_import_opts_t *, import_report_t *, clout_error_t *);
clout_status_t import_sipri(clout_dataset_t *, const char *, const clout_import_opts_t *,
                            import_report_t *, clout_error_t *);
clout_status_t import_imf_dots(clout_dataset_t *, cl_csv_t *, const char *,
                               const clout_import_opts_t *, import_report_t *, clout_error_t *);
clout_status_t import_gcdf(clout_dataset_t *, const char *, const clout_import_opts_t *,
                           import_report_t *, clout_error_t *);
clout_status_t import_unga_agreement(clout_dataset_t *, cl_csv_t *, const char *,
                                     const clout_import_opts_t *, import_report_t *,
                                     clout_error_t *);
/* UN votes come in three files that only make sense together: this one
 * reads them all at once. */
clout_status_t import_unga(clout_dataset_t *ds, char *const *files, int n_files,
                           const clout_import_opts_t *opts, import_report_t *rep,
                           clout_error_t *err);

/* Cells that importers read.  A whole number in column what; false after
 * recording an error. */
bool import_field_long(cl_csv_t *csv, int i, long *v, const char *what, clout_error_t *err);
/* A year column: a whole number within clout's years. */
bool import_field_year(cl_csv_t *csv, int i, long *v, const char *what, clout_error_t *err);
/* A number in column what, 0 or more; false after recording an error. */
bool import_field_amount(cl_csv_t *csv, int i, double *v, const char *what, clout_error_t *err);
/* "1234567.8" as "1,234,567.8" (one decimal), for notes.  Owned by the caller. */
char *import_thousands(double v);

/* Embedded tables, generated from the CSV files in src/import/codes at build time. */
extern const char cl_codes_cow_states[], cl_codes_sipri_names[], cl_codes_cow_igos[],
    cl_codes_iso2[], cl_codes_imf_dots[];

#endif
