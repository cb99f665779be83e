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
/* A column's type: text, a number (NAN = missing) or an integer (stored
 * as a number, written without decimals). */
typedef enum { CLOUT_COL_STR = 0, CLOUT_COL_NUM, CLOUT_COL_INT } clout_coltype_t;
/* The formats clout_tables_write writes; CLOUT_FMT_TABLE is aligned text
 * for a terminal. */
typedef enum {
    CLOUT_FMT_CSV = 0,
    CLOUT_FMT_TSV,
    CLOUT_FMT_JSON,
    CLOUT_FMT_MD,
    CLOUT_FMT_TEX,
    CLOUT_FMT_TABLE
} clout_format_t;

/* A table of named, typed columns: what every analysis returns.  Opaque. */
typedef struct clout_table clout_table_t;

/* A table named name (copied; a JSON key, a file stem) without columns.
 * The caller owns it and frees it with clout_table_free(). */
clout_table_t *clout_table_new(const char *name);
/* Frees t and its cells; NULL is allowed. */
void clout_table_free(clout_table_t *t);
/* The table's name; owned by t. */
const char *clout_table_name(const clout_table_t *t);
/* Adds a column; returns its index.  Only before the first row. */
int clout_table_add_column(clout_table_t *t, const char *name, clout_coltype_t type);
/* Appends an empty row (strings NULL, numbers NAN); returns its index. */
int clout_table_add_row(clout_table_t *t);
/* Sets a text cell to a copy of s (NULL: empty).  col must be a text
 * column and row an existing row (else a GLib critical, nothing set). */
void clout_table_set_str(clout_table_t *t, int row, int col, const char *s);
/* Sets a number cell (NAN: missing); col must be a number column. */
void clout_table_set_num(clout_table_t *t, int row, int col, double v);
/* Sets an integer cell; col must be an integer column. */
void clout_table_set_int(clout_table_t *t, int row, int col, long v);
/* Number of rows. */
int clout_table_n_rows(const clout_table_t *t);
/* Number of columns. */
int clout_table_n_cols(const clout_table_t *t);
/* The index of the column called name, or -1: read tables by name, never
 * by position, so that a column added elsewhere breaks nothing. */
int clout_table_column(const clout_table_t *t, const char *name);
/* The name of column col; owned by t. */
const char *clout_table_column_name(const clout_table_t *t, int col);
/* The type of column col. */
clout_coltype_t clout_table_column_type(const clout_table_t *t, int col);
/* The text of a cell of a text column (NULL when empty, or when col is a
 * number column); owned by t. */
const char *clout_table_get_str(const clout_table_t *t, int row, int col);
/* The value of a cell of a number or integer column (NAN when missing, or
 * when col is a text column). */
double clout_table_get_num(const clout_table_t *t, int row, int col);

/* Format by name ("csv", "tsv", "json", "md", "tex", "table"); -1 if none. */
int clout_format_from_name(const char *name);

/* Writes n tables.  One table is written plainly; several become one JSON
 * object keyed by table name, Markdown/LaTeX/terminal sections with the name
 * as heading, or CSV/TSV blocks separated by a blank line and a "# name" line.
 * Missing numbers are empty cells (null in JSON).  Errors: CLOUT_EFAIL when
 * writing to f fails.  Time: linear in the number of cells. */
clout_status_t clout_tables_write(clout_table_t *const *tables, int n, FILE *f, clout_format_t fmt,
                                  clout_error_t *err);

/* Text cells of CSV and TSV output that start with '=', '+', '-', '@', a tab
 * or a carriage return, which a spreadsheet would run as a formula (CSV
 * injection), get a leading apostrophe and are quoted.  Number cells are left
 * alone.  `clout report` writes its tables this way. */
#define CLOUT_WRITE_SPREADSHEET_SAFE 1u
/* clout_tables_write with flags (CLOUT_WRITE_SPREADSHEET_SAFE or 0). */
clout_status_t clout_tables_write_ex(clout_table_t *const *tables, int n, FILE *f,
                                     clout_format_t fmt, unsigned flags, clout_error_t *err);

/* ---- Tables for papers and for other tools (issue 17) ---- */

/* How one table is written (clout_table_write). */
typedef struct {
    unsigned flags;      /* CLOUT_WRITE_SPREADSHEET_SAFE */
    int digits;          /* tex, md, table: decimals of every number that is not a whole
                          * number; -1 (default): tex gives 2 decimals to shares and
                          * balances and 3 significant digits to the rest, md and table
                          * 6 significant digits */
    bool raw_names;      /* tex: the machine column names as headers (default: readable) */
    const char *caption; /* tex: \caption (then a table float); NULL for none */
    const char *label;   /* tex: \label (then a table float); NULL for none */
} clout_write_opts_t;

/* Fills *o with the defaults: no flags, digits -1, readable headers, no
 * caption or label. */
void clout_write_opts_init(clout_write_opts_t *o);

/* Writes one table t to f in fmt with the options o (NULL: the defaults).
 * LaTeX (CLOUT_FMT_TEX) is a booktabs tabular in a group that sets \small
 * (more than 10 columns: \footnotesize) and \tabcolsep: each number column
 * is two columns, r@{}l, split at the decimal point, so that numbers line up
 * on it with no package but booktabs; minus signs are $-$; long text cells
 * break in a \parbox; with graphicx loaded, a table wider than the line is
 * scaled down to it.  With a caption or a label it is a table float.
 * Errors: CLOUT_EFAIL when writing to f fails.  Time: linear in the cells. */
clout_status_t clout_table_write(const clout_table_t *t, FILE *f, clout_format_t fmt,
                                 const clout_write_opts_t *o, clout_error_t *err);

/* clout_tables_write_ex with the options of o (NULL: the defaults). */
clout_status_t clout_tables_write_opts(clout_table_t *const *tables, int n, FILE *f,
                                       clout_format_t fmt, const clout_write_opts_t *o,
                                       clout_error_t *err);

/* The readable header of a machine column name ("pagerank" -> "PageRank",
 * "index_lo" -> "Index low"); a name it does not know is shown with spaces
 * for underscores and a capital first letter.  The caller frees it. */
char *clout_column_title(const char *name);

/* One long table of n tables of the same kind (one per snapshot year): a
 * leading int column named col holding years[i], then the union of the
 * tables' columns in order of first appearance (a cell a table lacks is
 * missing), rows in table order.  Named as tables[0]; the caller frees it.
 * Time: linear in the cells. */
clout_table_t *clout_table_stack(clout_table_t *const *tables, const int *years, int n,
                                 const char *col);

/* "unknown WHAT 'NAME'; did you mean 'X'? (valid: a, b, c)": the message of
 * every unknown name, with the closest valid one (edit distance, a swap of
 * neighbours one edit) when close.  valid is NULL-terminated.  The caller
 * frees it. */
char *clout_unknown_message(const char *what, const char *name, const char *const *valid);
/* ---- end of issue 17's tables ---- */

/* ---------------------------------------------------------------------------
 * Atomic output: a temporary file beside the target, renamed on commit.
 * ------------------------------------------------------------------------- */
/* An output file being written.  Opaque. */
typedef struct clout_output clout_output_t;

/* Opens a temporary file beside path for writing; path NULL or "-" writes
 * to stdout (nothing to rename).  *out is the caller's until it is passed
 * to clout_output_commit or clout_output_abort.  Errors: CLOUT_EFAIL when
 * the file cannot be created. */
clout_status_t clout_output_open(clout_output_t **out, const char *path, clout_error_t *err);
/* The stream to write to; owned by o. */
FILE *clout_output_file(clout_output_t *o);
/* Flushes, syncs, closes and renames into place; frees o.  Errors:
 * CLOUT_EFAIL when any of these fails (the temporary file is then
 * removed and the target left as it was). */
clout_status_t clout_output_commit(clout_output_t *o, clout_error_t *err);
/* Discards the temporary file; frees o.  NULL is allowed. */
void clout_output_abort(clout_output_t *o);

#ifdef __cplusplus
}
#endif
#endif
