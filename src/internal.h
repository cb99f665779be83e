/* internal.h: declarations shared inside libclout, not installed. */
#ifndef CLOUT_INTERNAL_H
#define CLOUT_INTERNAL_H

#include <glib.h>
#include "clout.h"

/* Limits on input (doc/data-format.md lists them). */
#define CLOUT_MAX_FIELD_BYTES (1 << 20)   /* one CSV field */
#define CLOUT_MAX_RECORD_BYTES (16 << 20) /* one CSV record (a line, with quoted newlines) */
#define CLOUT_MAX_FIELDS 1024             /* fields in one record */
#define CLOUT_MAX_ACTORS 50000000         /* actors in a dataset or network file */
#define CLOUT_MAX_TIES 1000000000L        /* ties in a dataset, edges in an edge list */

/* ---- CSV reader (csv.c): RFC 4180 with line and column tracking ---- */
typedef struct clout_csv clout_csv_t;

/* Opens path for reading; display is the name used in messages. */
clout_status_t clout_csv_open(clout_csv_t **out, const char *path, const char *display,
                              clout_error_t *err);
/* Reads from memory (fuzzing, tests); data must outlive the reader. */
/* A reader of length bytes of path from offset (a line start), whose first
 * line is numbered first_line: one part of a file that is read in parts. */
clout_status_t clout_csv_open_range(clout_csv_t **out, const char *path, const char *display,
                                    long long offset, long long length, long first_line,
                                    clout_error_t *err);
/* Stops a file reader at byte offset end; false when it has already read
 * past it. */
bool clout_csv_limit(clout_csv_t *c, long long end);
clout_csv_t *clout_csv_open_mem(const char *data, size_t len, const char *display);
void clout_csv_close(clout_csv_t *c);
/* Reads the next record.  Returns 1 for a record, 0 at end of file, or -1
 * after recording an error (the reader cannot continue). */
int clout_csv_next(clout_csv_t *c, clout_error_t *err);
/* A glance at field k of the record after the current one, as raw bytes in
 * the buffer, for prefetching: false when it is not plainly there (quotes,
 * a line end first, the buffer's end).  Nothing is consumed or checked. */
bool clout_csv_peek(const clout_csv_t *c, int k, const char **field, size_t *len);
int clout_csv_n_fields(const clout_csv_t *c);
const char *clout_csv_field(const clout_csv_t *c, int i);
long clout_csv_field_line(const clout_csv_t *c, int i);
long clout_csv_field_col(const clout_csv_t *c, int i);
/* Line where the current record starts. */
long clout_csv_line(const clout_csv_t *c);
const char *clout_csv_display(const clout_csv_t *c);
/* Numbers the next line as line (input that starts past a preamble). */
void clout_csv_set_line(clout_csv_t *c, long line);

/* Appends the messages of from to into (up to into's cap; the rest count as
 * dropped), and takes the higher status. */
void clout_error_merge(clout_error_t *into, const clout_error_t *from);

/* ties.csv files of at least this many bytes are read in two parts at once
 * (dataset.c); tests lower it. */
extern long long clout_split_min_bytes;

/* ---- helpers (util.c) ---- */
/* Strict number parse: the whole string, finite. */
bool clout_parse_double(const char *s, double *v);
bool clout_parse_long(const char *s, long *v);
/* Formats v as printf's "%.<prec>g" does in the C locale, into buf (at least
 * 32 bytes), several times faster; false (buf untouched) for the cases it
 * leaves to printf: zero, non-finite, extreme exponents, near-ties. */
bool clout_format_g(char *buf, size_t size, double v, int prec);
/* The time SOURCE_DATE_EPOCH sets (reproducible builds): true and *epoch
 * its seconds since 1970-01-01T00:00:00Z when it holds only decimal digits
 * and names a second up to 9999-12-31T23:59:59Z; false (*epoch untouched)
 * when it is unset, empty or anything else.  Every date clout writes into
 * a file (the PDF creation date, a report's provenance) reads it here. */
bool clout_source_date(gint64 *epoch);

/* ---- name maps (util.c): name -> index, for the hot loops of readers ----
 * Open addressing; a slot holds a name of up to 23 bytes itself, as three
 * zero-padded words, so that a lookup hashes and compares words and touches
 * one cache line (15 million lookups in a large ties.csv).  Longer names are
 * compared through a pointer the caller keeps alive. */
#define CLOUT_NAME_WORDS 3
typedef struct {
    guint64 key[CLOUT_NAME_WORDS]; /* the name, zero-padded, when short */
    const char *long_name;         /* else the caller's name */
    gint32 ix;                     /* -1: empty slot */
    guint32 hash;
} clout_name_slot_t;

typedef struct {
    clout_name_slot_t *slot;
    guint32 mask, n;
} clout_names_t;

void clout_names_init(clout_names_t *x, guint32 expected);
void clout_names_clear(clout_names_t *x);
/* Adds a name that is not in the map yet. */
void clout_names_add(clout_names_t *x, const char *s, int ix);
/* The index of s, or -1.  *last (or NULL), -1 at first, remembers the slot
 * found last and is tried first: sorted files repeat names. */
int clout_names_find(const clout_names_t *x, gint64 *last, const char *s);
/* Asks the processor to fetch the slot where the name of len bytes at s
 * would be: a lookup a row later then finds it in the cache. */
void clout_names_prefetch(const clout_names_t *x, const char *s, size_t len);

/* ---- table cells (table.c), for writers that stream rows ---- */
/* A number as table cells show it, into buf (G_ASCII_DTOSTR_BUF_SIZE bytes):
 * whole numbers without a point, others with 12 significant digits (6 when
 * human), "" for NaN, "inf"/"-inf".  Returns buf or a constant. */
const char *clout_number_text(char *buf, double v, bool is_int, bool human);
/* One CSV cell, quoted when a reader would misread it (alone: the only cell
 * of its row). */
void clout_write_csv_cell(FILE *f, const char *s, bool alone);

struct clout_dataset {
    char *path;
    GArray *actors;                     /* clout_actor_t */
    GArray *relations;                  /* clout_relation_t */
    GArray *ties;                       /* clout_tie_t */
    GHashTable *actor_ix, *relation_ix; /* name -> index + 1 */
    GStringChunk *strings;
    GSList *more_strings; /* GStringChunk: those of ties.csv read in parts */
    int year_latest;
    GHashTable *meta; /* metadata.csv: key -> value (both owned) */
    char *name;       /* the folder's name (never a path) */
    char *title;      /* metadata's title, else name */
    GHashTable *tie_ix; /* keys of ties, built on the first add_tie */
    /* Set by clout_dataset_load_snapshot: only the ties of this snapshot
     * were kept (only_year 0: all ties). */
    int only_year, only_window;
};

/* Loads and checks the whole dataset like clout_dataset_load, but keeps only
 * the ties that can enter the snapshot of year with this flow window (> 0):
 * the memory of one snapshot, not of the whole history.  clout_snapshot
 * refuses any other year or window on the result. */
clout_status_t clout_dataset_load_snapshot(clout_dataset_t **out, const char *dir, int year,
                                           int window, clout_error_t *err);

/* The attribute accessors tolerate missing attributes. */
const char *clout_vstr(const igraph_t *g, const char *attr, igraph_integer_t v);
const char *clout_estr(const igraph_t *g, const char *attr, igraph_integer_t e);
double clout_enum(const igraph_t *g, const char *attr, igraph_integer_t e, double dflt);

/* Translates the last igraph error code into err. */
clout_status_t clout_igraph_error(clout_error_t *err, igraph_error_t code, const char *what);

clout_network_t *clout_network_new(const char *source);

/* clout_snapshot over a given array of ties of ds (a bootstrap replicate). */
clout_status_t clout_snapshot_of_ties(clout_network_t **out, const clout_dataset_t *ds,
                                      const clout_tie_t *ties, long n_ties,
                                      const clout_snapshot_opts_t *o, clout_error_t *err);

/* Whether a tie counts in the snapshot of year (flows: in the window). */
bool clout_tie_in_snapshot(const clout_dataset_t *ds, const clout_tie_t *t, int year, int window);

#endif
