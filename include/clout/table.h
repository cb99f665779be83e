/* clout/table.h: tables and atomic output (part of the public API, see clout.h). */
#ifndef CLOUT_TABLE_H
#define CLOUT_TABLE_H

#include <clout/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------- */
typedef enum { CLOUT_COL_STR = 0, CLOUT_COL_NUM, CLOUT_COL_INT } clout_coltype_t;
typedef enum {
    CLOUT_FMT_CSV = 0,
    CLOUT_FMT_TSV,
    CLOUT_FMT_JSON,
    CLOUT_FMT_MD,
    CLOUT_FMT_TEX,
    CLOUT_FMT_TABLE
} clout_format_t;

typedef struct clout_table clout_table_t;

/* A table named name (a JSON key, a file stem) with typed columns. */
clout_table_t *clout_table_new(const char *name);
void clout_table_free(clout_table_t *t);
const char *clout_table_name(const clout_table_t *t);
/* Adds a column; returns its index.  Only before the first row. */
int clout_table_add_column(clout_table_t *t, const char *name, clout_coltype_t type);
/* Appends an empty row (strings NULL, numbers NAN); returns its index. */
int clout_table_add_row(clout_table_t *t);
void clout_table_set_str(clout_table_t *t, int row, int col, const char *s);
void clout_table_set_num(clout_table_t *t, int row, int col, double v);
void clout_table_set_int(clout_table_t *t, int row, int col, long v);
int clout_table_n_rows(const clout_table_t *t);
int clout_table_n_cols(const clout_table_t *t);
/* The index of the column called name, or -1: read tables by name, never
 * by position, so that a column added elsewhere breaks nothing. */
int clout_table_column(const clout_table_t *t, const char *name);
const char *clout_table_column_name(const clout_table_t *t, int col);
clout_coltype_t clout_table_column_type(const clout_table_t *t, int col);
const char *clout_table_get_str(const clout_table_t *t, int row, int col);
double clout_table_get_num(const clout_table_t *t, int row, int col);

/* Format by name ("csv", "tsv", "json", "md", "tex", "table"); -1 if none. */
int clout_format_from_name(const char *name);

/* Writes n tables.  One table is written plainly; several become one JSON
 * object keyed by table name, Markdown/LaTeX/terminal sections with the name
 * as heading, or CSV/TSV blocks separated by a blank line and a "# name" line.
 * Missing numbers are empty cells (null in JSON). */
clout_status_t clout_tables_write(clout_table_t *const *tables, int n, FILE *f, clout_format_t fmt, clout_error_t *err);

/* Text cells of CSV and TSV output that start with '=', '+', '-', '@', a tab
 * or a carriage return, which a spreadsheet would run as a formula (CSV
 * injection), get a leading apostrophe and are quoted.  Number cells are left
 * alone.  `clout report` writes its tables this way. */
#define CLOUT_WRITE_SPREADSHEET_SAFE 1u
clout_status_t clout_tables_write_ex(clout_table_t *const *tables, int n, FILE *f, clout_format_t fmt, unsigned flags, clout_error_t *err);

/* ---------------------------------------------------------------------------
 * Atomic output: a temporary file beside the target, renamed on commit.
 * ------------------------------------------------------------------------- */
typedef struct clout_output clout_output_t;

/* path NULL or "-" writes to stdout (nothing to rename). */
clout_status_t clout_output_open(clout_output_t **out, const char *path, clout_error_t *err);
FILE *clout_output_file(clout_output_t *o);
/* Flushes, syncs, closes and renames into place; frees o. */
clout_status_t clout_output_commit(clout_output_t *o, clout_error_t *err);
/* Discards the temporary file; frees o.  NULL is allowed. */
void clout_output_abort(clout_output_t *o);

#ifdef __cplusplus
}
#endif
#endif
