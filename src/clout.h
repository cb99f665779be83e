/* clout.h: the public API of libclout (datasets, snapshots, networks, tables). */
#ifndef CLOUT_H
#define CLOUT_H

#include <stdbool.h>
#include <stdio.h>
#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLOUT_VERSION_STRING "0.1.0"

/* ---------------------------------------------------------------------------
 * Status codes and errors
 *
 * Every fallible function returns a clout_status_t and, when it fails, leaves
 * the reason in a caller-owned clout_error_t.  The numeric values are the
 * exit codes of the clout program (DESIGN.md section 5).
 * ------------------------------------------------------------------------- */
typedef enum {
    CLOUT_OK = 0,
    CLOUT_EFAIL = 1,  /* failure while running: I/O, memory, a library error */
    CLOUT_EUSAGE = 2, /* the caller asked for something impossible          */
    CLOUT_EDATA = 3   /* the input data is malformed                         */
} clout_status_t;

/* An error object collects one or more diagnostics.  Loading a dataset keeps
 * going after a bad field so that `validate` can report every problem; other
 * functions stop at the first. */
typedef struct clout_error clout_error_t;

/* Creates an empty error object; max_diags caps the diagnostics kept (0 = 100). */
clout_error_t *clout_error_new(int max_diags);
void clout_error_free(clout_error_t *err);
/* Forgets every diagnostic; the object can be reused. */
void clout_error_clear(clout_error_t *err);
/* The worst status recorded (CLOUT_OK when empty). */
clout_status_t clout_error_status(const clout_error_t *err);
/* Number of diagnostics kept, and the i-th as "FILE:LINE:COL: message"
 * (parts that are unknown are left out).  Owned by err. */
int clout_error_count(const clout_error_t *err);
const char *clout_error_message(const clout_error_t *err, int i);
/* How many diagnostics were dropped beyond max_diags. */
int clout_error_dropped(const clout_error_t *err);
/* Records a diagnostic.  file may be NULL; line/col 0 mean unknown.  Returns
 * status, so that `return clout_error_set(...)` reads naturally. */
clout_status_t clout_error_set(clout_error_t *err, clout_status_t status, const char *file,
                               long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Warnings: what a caller should know about a result that is still a
 * result (a window that reaches past a source's coverage).  They do not
 * change the status; each distinct text is kept once. */
void clout_error_warn(clout_error_t *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int clout_error_n_warnings(const clout_error_t *err);
const char *clout_error_warning(const clout_error_t *err, int i);

/* Installs clout's igraph error and warning handlers (no printing, no abort)
 * and the attribute table.  Idempotent; every entry point calls it. */
void clout_init(void);

/* ---------------------------------------------------------------------------
 * Datasets: a folder of actors.csv, relations.csv and ties.csv
 * ------------------------------------------------------------------------- */
#define CLOUT_YEAR_MIN 1000
#define CLOUT_YEAR_MAX 2999
#define CLOUT_NO_YEAR 0

typedef enum { CLOUT_ROLE_NONE = 0, CLOUT_ROLE_POLE, CLOUT_ROLE_FOCUS } clout_role_t;
/* How a relation's ties hold over time: a state holds over a span (a
 * membership, a base, a pact); a flow is an amount per year (trade, arms),
 * summed over the snapshot's window; an event is a dated one-off tie (a
 * summit, an exercise), counted over the window like a flow. */
typedef enum { CLOUT_MODE_STATE = 0, CLOUT_MODE_FLOW, CLOUT_MODE_EVENT } clout_mode_t;
/* Which direction of a directed relation is the focus actor's dependence:
 * what it receives (arms, finance), what it sends (exports to a market),
 * or both (trade: exports plus imports). */
typedef enum { CLOUT_COUNTS_IN = 0, CLOUT_COUNTS_OUT, CLOUT_COUNTS_BOTH } clout_counts_t;
/* How a tie's value becomes a strength in [0, 1] (doc/data-format.md 9.5);
 * under CLOUT_SCALE_VALUE the value is the strength itself (an agreement
 * score) and must lie in [0, 1]. */
typedef enum {
    CLOUT_SCALE_BINARY = 0,
    CLOUT_SCALE_SHARE,
    CLOUT_SCALE_LOG,
    CLOUT_SCALE_MAX,
    CLOUT_SCALE_VALUE
} clout_scale_t;

typedef struct {
    const char *id, *name, *kind;
    clout_role_t role;
    int *lead; /* indices of the lead poles */
    int n_lead;
    double lat, lon;                   /* NAN when absent */
    int start, end;                    /* CLOUT_NO_YEAR when absent */
    const char *start_text, *end_text; /* as written ("2015-08-12"), "" when absent */
} clout_actor_t;

typedef struct {
    const char *name, *layer;
    bool directed;
    clout_mode_t mode;
    clout_scale_t scale;
    double weight;
    /* Relations that describe the same underlying tie (ATOP's and COW's
     * alliances) share a group: per pair, direction and year the group
     * counts once, by its largest scaled value.  "" = none. */
    const char *group;
    clout_counts_t counts; /* directed relations; undirected ones count both ends alike */
    /* The years the source covers.  Inside them, no tie means "no tie";
     * outside, "no data".  When relations.csv gives none (cover_given
     * false), the span of the relation's ties, ongoing state ties to the
     * dataset's latest year (clout_dataset_coverage). */
    int cover_first, cover_last;
    bool cover_given;
    /* The dataset it comes from ("COW IGO v3", "IMF DOTS"; "" = not said):
     * relations.csv's optional column `source`, written by the importers;
     * clout robustness leaves each source out in turn. */
    const char *source;
} clout_relation_t;

/* The reserved actor id of the whole world: a flow or event tie between an
 * actor and WORLD gives that actor's total (its exports to the world, its
 * arms imports from every supplier), the denominator of a share.  WORLD is
 * declared in actors.csv like any actor but never becomes a vertex. */
#define CLOUT_WORLD "WORLD"

typedef struct {
    int source, target, relation;      /* indices into actors and relations */
    double value;                      /* 1 when the file left it empty */
    int start, end;                    /* years; end CLOUT_NO_YEAR = ongoing */
    const char *start_text, *end_text; /* as written, "" when absent */
    const char *source_ref, *note;
    long line; /* line in ties.csv, for later messages */
    /* ties.csv's optional column alt_value: the value under a documented
     * alternative rule (imf-dots: the other side's report of the flow),
     * which clout robustness tries as a variant.  has_alt false: none. */
    bool has_alt;
    double alt_value;
} clout_tie_t;

typedef struct clout_dataset clout_dataset_t;

/* Loads and validates the dataset in folder dir.  On bad data, every problem
 * found (up to the error object's cap) is recorded with file, line and
 * column and CLOUT_EDATA is returned; *out is then NULL.  The caller owns
 * *out and frees it with clout_dataset_free().  Time: linear in file size. */
clout_status_t clout_dataset_load(clout_dataset_t **out, const char *dir, clout_error_t *err);
void clout_dataset_free(clout_dataset_t *ds);

const char *clout_dataset_path(const clout_dataset_t *ds);
/* The dataset's folder's name, without the path to it ("central-asia").
 * Owned by ds. */
const char *clout_dataset_name(const clout_dataset_t *ds);
/* The dataset's name for figures and pages: the `title` of its metadata.csv,
 * else clout_dataset_name() (never a path).  Owned by ds. */
const char *clout_dataset_title(const clout_dataset_t *ds);
/* A value of metadata.csv (`key,value` rows), or NULL when not given.  The
 * file is optional; when present it is checked like the others (a missing
 * column, an empty or repeated key is CLOUT_EDATA).  Owned by ds. */
const char *clout_dataset_meta(const clout_dataset_t *ds, const char *key);
int clout_dataset_n_actors(const clout_dataset_t *ds);
int clout_dataset_n_relations(const clout_dataset_t *ds);
long clout_dataset_n_ties(const clout_dataset_t *ds);
const clout_actor_t *clout_dataset_actor(const clout_dataset_t *ds, int i);
const clout_relation_t *clout_dataset_relation(const clout_dataset_t *ds, int i);
const clout_tie_t *clout_dataset_tie(const clout_dataset_t *ds, long i);
/* Index of an actor or relation by name, or -1. */
int clout_dataset_find_actor(const clout_dataset_t *ds, const char *id);
int clout_dataset_find_relation(const clout_dataset_t *ds, const char *name);
/* The latest year any tie starts or ends in (CLOUT_NO_YEAR for no ties). */
int clout_dataset_latest_year(const clout_dataset_t *ds);
/* The years relation r's source covers: relations.csv's coverage, else the
 * span of its ties (an ongoing state tie reaching the dataset's latest
 * year).  CLOUT_NO_YEAR both when the relation has no ties and no
 * coverage. */
void clout_dataset_coverage(const clout_dataset_t *ds, int r, int *first, int *last);

/* Splits "a,b,c" at sep into a NULL-terminated vector, trimming spaces and
 * dropping empty items.  Free it with g_strfreev(). */
char **clout_split_list(const char *s, char sep);

/* ---- Building and writing datasets (importers, merges) ---- */

/* An empty dataset whose messages will name path. */
clout_dataset_t *clout_dataset_new(const char *path);
/* Adds an actor, or returns the index of the one with this id (its fields
 * are then left as they are: what a dataset already says wins). */
int clout_dataset_add_actor(clout_dataset_t *ds, const char *id, const char *name,
                            const char *kind);
/* A relation definition with the defaults: weight 1, binary, state,
 * undirected, no group, counts in, coverage from the ties. */
void clout_relation_init(clout_relation_t *r, const char *name, const char *layer);
/* Adds a relation (its strings are copied), or returns the existing one's
 * index when it has the same definition (coverage aside: a merge widens
 * it); -1 when a relation of that name is defined differently. */
int clout_dataset_add_relation(clout_dataset_t *ds, const clout_relation_t *def);
/* Adds a tie unless an identical one (ends, relation, value, years, source)
 * is there already; returns true when it was added.  start_text/end_text
 * may be NULL (the years are then written as years). */
bool clout_dataset_add_tie(clout_dataset_t *ds, int source, int target, int relation, double value,
                           int start, int end, const char *source_ref, const char *note);
/* Merges every actor, relation and tie of src into ds (see add_*); returns
 * CLOUT_EDATA naming the relation when two definitions disagree. */
clout_status_t clout_dataset_merge(clout_dataset_t *ds, const clout_dataset_t *src,
                                   clout_error_t *err);
/* Writes actors.csv, relations.csv and ties.csv into dir (created if
 * missing), each atomically.  The output is a function of the contents
 * only, so the same data gives the same bytes. */
clout_status_t clout_dataset_write(const clout_dataset_t *ds, const char *dir, clout_error_t *err);

/* Parses a finite number (the whole string, no spaces); false if invalid. */
bool clout_parse_number(const char *s, double *v);

/* Parses a year or a YYYY-MM-DD date into a year; returns false if invalid. */
bool clout_parse_year(const char *s, int *year);

/* ---------------------------------------------------------------------------
 * Networks and snapshots
 *
 * A network is an igraph_t carrying igraph's C attributes: vertex strings
 * "id", "name", "kind", "role"; edge number "weight", edge strings "layer"
 * and "relations" (';'-joined, sorted).
 * ------------------------------------------------------------------------- */
typedef struct {
    igraph_t graph;
    char *source; /* what it was made from: "DIR@YEAR" or a file name */
    int year;     /* snapshot year, CLOUT_NO_YEAR for files */
    int window;   /* flow window in years, 0 for files */
} clout_network_t;

typedef struct {
    int year;         /* CLOUT_NO_YEAR = the dataset's latest year */
    int window;       /* years of flows summed into the snapshot, 1 or more */
    char **layers;    /* NULL-terminated list to keep, or NULL for all */
    char **relations; /* NULL-terminated list to keep, or NULL for all */
    char **exclude;   /* relations (or groups) to leave out, or NULL: like-with-like
                         comparisons leave out what is not covered at every year */
    bool directed;    /* edge-list CSV input: read as directed */
    /* A relation whose source ends before the snapshot is "no data" there;
     * with carry_forward N > 0 a relation whose coverage ended at most N
     * years before YEAR counts with its last covered window instead, and
     * every output marks it as carried forward.  0: never. */
    int carry_forward;
    /* Events count over the window, each weighted 0.5^((YEAR - its year) /
     * half_life); 0: no decay (each counts 1). */
    double half_life;
} clout_snapshot_opts_t;

#define CLOUT_DEFAULT_WINDOW 5

/* The defaults: the dataset's latest year, a window of CLOUT_DEFAULT_WINDOW
 * (5) years, every layer and relation, undirected edge lists.  Every
 * options struct of this API has such an init function, the one place its
 * defaults are written; start from it and change what you need. */
void clout_snapshot_opts_init(clout_snapshot_opts_t *o);

/* Builds the network of a dataset at opts->year (DESIGN.md section 3).
 * Unknown names in opts->layers or opts->relations are a usage error. */
clout_status_t clout_snapshot(clout_network_t **out, const clout_dataset_t *ds,
                              const clout_snapshot_opts_t *opts, clout_error_t *err);

void clout_network_free(clout_network_t *net);

/* The year a snapshot takes when none is named: the latest year that every
 * selected flow relation's source covers (the dataset's latest year when it
 * has no flows), so that no amount is extrapolated. */
int clout_snapshot_default_year(const clout_dataset_t *ds, const clout_snapshot_opts_t *o);
/* The relations (or groups) whose sources do not cover the snapshot of
 * year: "no data" there.  NULL-terminated; free with g_strfreev. */
char **clout_snapshot_not_covered(const clout_dataset_t *ds, const clout_snapshot_opts_t *o,
                                  int year);
/* Like with like: o->exclude plus every relation (or group) that some of
 * the n years has no data for, to leave out of all of them so that they
 * compare the same relations.  NULL-terminated; free with g_strfreev. */
char **clout_snapshots_like_with_like(const clout_dataset_t *ds, const clout_snapshot_opts_t *o,
                                      const int *years, int n);
/* CLOUT_EDATA, naming the years the sources cover, when no selected
 * relation covers year (with o->carry_forward). */
clout_status_t clout_snapshot_check_year(const clout_dataset_t *ds,
                                         const clout_snapshot_opts_t *o, int year,
                                         clout_error_t *err);

/* Reads a network file: GraphML (.graphml, .xml), GML (.gml) or an edge-list
 * CSV (.csv, .txt: source,target[,weight]).  Missing attributes are filled
 * in: id from the file's node ids, name = id, kind and role empty, weight 1. */
clout_status_t clout_network_read(clout_network_t **out, const char *path, bool directed,
                                  clout_error_t *err);

/* Opens any INPUT of the command line: "DIR@YEAR", a dataset folder, or a
 * network file.  *ds_out (may be NULL) receives the dataset when there is
 * one, else NULL.  opts->year is overridden by an @YEAR suffix. */
clout_status_t clout_input_open(clout_network_t **out, clout_dataset_t **ds_out, const char *input,
                                const clout_snapshot_opts_t *opts, clout_error_t *err);

typedef enum {
    CLOUT_NET_GRAPHML = 0,
    CLOUT_NET_GML,
    CLOUT_NET_DOT,
    CLOUT_NET_PAJEK,
    CLOUT_NET_EDGELIST,
    CLOUT_NET_CSV
} clout_netformat_t;

/* Format by name ("graphml", ...) or by a file name's extension; -1 if none. */
int clout_netformat_from_name(const char *name);
int clout_netformat_from_path(const char *path);

/* Writes the network in the given format.  Labels are escaped for it. */
clout_status_t clout_network_write(const clout_network_t *net, FILE *f, clout_netformat_t fmt,
                                   clout_error_t *err);

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
clout_status_t clout_tables_write(FILE *f, clout_table_t *const *tables, int n, clout_format_t fmt,
                                  clout_error_t *err);

/* Text cells of CSV and TSV output that start with '=', '+', '-', '@', a tab
 * or a carriage return, which a spreadsheet would run as a formula (CSV
 * injection), get a leading apostrophe and are quoted.  Number cells are left
 * alone.  `clout report` writes its tables this way. */
#define CLOUT_WRITE_SPREADSHEET_SAFE 1u
clout_status_t clout_tables_write_ex(FILE *f, clout_table_t *const *tables, int n,
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

/* The defaults: no flags, digits -1, readable headers, no caption or label. */
void clout_write_opts_init(clout_write_opts_t *o);

/* Writes one table in fmt.  LaTeX (CLOUT_FMT_TEX) is a booktabs tabular in a
 * group that sets \small and \tabcolsep 4pt: each number column is two
 * columns, r@{}l, split at the decimal point, so that numbers line up on it
 * with no package but booktabs; minus signs are $-$; long text cells break in
 * a \parbox.  With a caption or a label it is a table float.  Errors: a
 * failed write (CLOUT_EFAIL). */
clout_status_t clout_table_write(FILE *f, const clout_table_t *t, clout_format_t fmt,
                                 const clout_write_opts_t *o, clout_error_t *err);

/* clout_tables_write_ex with the options of o (NULL: the defaults). */
clout_status_t clout_tables_write_opts(FILE *f, clout_table_t *const *tables, int n,
                                       clout_format_t fmt, const clout_write_opts_t *o,
                                       clout_error_t *err);

/* The readable header of a machine column name ("pagerank" -> "PageRank",
 * "index_lo" -> "Index low"); a name it does not know is shown with spaces
 * for underscores and a capital first letter.  Free it. */
char *clout_column_title(const char *name);

/* One long table of n tables of the same kind (one per snapshot year): a
 * leading int column named col holding years[i], then the union of the
 * tables' columns in order of first appearance (a cell a table lacks is
 * missing), rows in table order.  Named as tables[0].  Time: O(cells). */
clout_table_t *clout_table_stack(clout_table_t *const *tables, const int *years, int n,
                                 const char *col);

/* "unknown WHAT 'NAME'; did you mean 'X'? (valid: a, b, c)": the message of
 * every unknown name, with the closest valid one (edit distance) when close.
 * valid is NULL-terminated.  Free it. */
char *clout_unknown_message(const char *what, const char *name, const char *const *valid);
/* ---- end of issue 17's tables ---- */

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

/* ---------------------------------------------------------------------------
 * Importers: standard datasets as their maintainers publish them
 * ------------------------------------------------------------------------- */
typedef struct {
    /* keep only ties whose ends (states) are all listed; NULL = all.  A code
     * that is neither in the files read nor in the source's code tables is
     * CLOUT_EUSAGE, naming it (and the nearest codes). */
    char **actors;
    char **igos;  /* cow-igo: these IGO columns; NULL = every one in the code table */
    int from, to; /* keep ties that overlap these years; CLOUT_NO_YEAR = no limit */
    /* imf-dots: which of the two reports of a flow to use: the importer's
     * (CIF) else the exporter's mirror report (the default), the other way
     * round, the larger, or their mean (doc/methods.md, Importers). */
    enum {
        CLOUT_PREFER_IMPORTER = 0,
        CLOUT_PREFER_EXPORTER,
        CLOUT_PREFER_MAX,
        CLOUT_PREFER_MEAN
    } prefer;
    bool unadjusted; /* gcdf: AidData's amounts, not its adjusted amounts (the default) */
    char **classes;  /* gcdf: some of "oda", "oof", "vague"; NULL = all three */
    char **issues;   /* unga: roll calls on these issues (me, nu, di, hr, co, ec); NULL = all */
} clout_import_opts_t;

/* The defaults: every actor, every IGO of the code table, every year, the
 * importer's report, adjusted amounts of every class, every roll call. */
void clout_import_opts_init(clout_import_opts_t *o);

/* The sources clout_import() knows, NULL-terminated: "cow-igo", "atop",
 * "cow-alliance", "cow-trade", "sipri", "imf-dots", "gcdf", "unga" (the three
 * UN votes files at once), "unga-agreement" and "clout" (another dataset
 * folder). */
extern const char *const clout_import_sources[];

/* Reads files of one source and adds their actors, relations and ties to ds
 * (ties already there are not added twice).  *report receives a table of
 * what was read, added and skipped, with reasons; the caller frees it.  A
 * file that is not what the source expects is CLOUT_EDATA, with file, line
 * and column. */
clout_status_t clout_import(clout_dataset_t *ds, const char *source, char *const *files,
                            int n_files, const clout_import_opts_t *opts, clout_table_t **report,
                            clout_error_t *err);

/* ---------------------------------------------------------------------------
 * Analyses
 * ------------------------------------------------------------------------- */

/* ---- Centrality (measures.c) ---- */

/* How a tie's strength (larger = closer) becomes a path length for the
 * measures that walk shortest paths (betweenness, closeness, harmonic). */
typedef enum {
    CLOUT_DIST_INVERSE = 0, /* 1 / w: the default for strengths */
    CLOUT_DIST_LOG,         /* -log w, for weights in (0, 1] */
    CLOUT_DIST_NONE         /* the weights are lengths already */
} clout_distance_t;

typedef struct {
    char **measures; /* NULL-terminated names, or NULL for all */
    clout_distance_t distance;
    bool normalized;    /* betweenness, closeness, harmonic: normalised forms */
    bool unweighted;    /* ignore weights (every tie counts 1) */
    const char *groups; /* brokerage: a vertex attribute (kind, role...), or NULL */
    double katz_alpha;  /* 0 = 0.9 / the largest eigenvalue */
    /* Betweenness, closeness and harmonic: only paths of this length or
     * less count (in path-length units, after distance); 0 or negative (the
     * default): every path.  doc/methods.md says what a cutoff means with
     * lengths 1/w. */
    double cutoff;
    /* Betweenness: estimate from this many source vertices drawn at random
     * (without replacement, seeded by seed), scaled by n / sample: unbiased
     * for the exact value (Brandes & Pich 2007).  0, or n or more: exact.
     * Cannot be combined with cutoff. */
    int sample;
    unsigned long seed;
} clout_measure_opts_t;

/* The defaults: every measure, distance 1/w, raw (not normalised) values,
 * weights used, no brokerage groups, Katz alpha 0.9 / the largest
 * eigenvalue, no cutoff, exact betweenness, seed 1. */
void clout_measure_opts_init(clout_measure_opts_t *o);

/* The measure names, in column order, NULL-terminated. */
extern const char *const clout_measure_names[];

/* One row per actor: id, name, kind, role, then one column per measure
 * (and, with opts->groups on a directed network, the five Gould-Fernandez
 * brokerage roles).  Weights of zero or below are CLOUT_EDATA. */
clout_status_t clout_measures(const clout_network_t *net, const clout_measure_opts_t *opts,
                              clout_table_t **out, clout_error_t *err);

/* ---- Communities (communities.c) ---- */

typedef enum {
    CLOUT_CM_LEIDEN = 0, /* modularity */
    CLOUT_CM_LEIDEN_CPM,
    CLOUT_CM_LOUVAIN,
    CLOUT_CM_INFOMAP,
    CLOUT_CM_WALKTRAP,
    CLOUT_CM_LABELPROP,
    CLOUT_CM_FASTGREEDY,
    CLOUT_CM_SPINGLASS
} clout_cmethod_t;

/* Method by name ("leiden", "leiden-cpm", "louvain", ...); -1 if none. */
int clout_cmethod_from_name(const char *name);

typedef struct {
    clout_cmethod_t method;
    double resolution; /* 1 for modularity methods, by default */
    int runs;          /* 1 or more: seeds seed..seed+runs-1, then consensus */
    unsigned long seed;
    /* leiden, leiden-cpm: iterate igraph's Leiden from the last partition
     * until it no longer changes, or until an iteration raises the quality
     * (modularity, or CPM / 2m) by less than this; 0 or negative: only
     * until the partition stops changing.  Other methods ignore it. */
    double tolerance;
} clout_community_opts_t;

#define CLOUT_LEIDEN_TOLERANCE 1e-4

/* The defaults: Leiden on modularity, resolution 1, one run, seed 1,
 * tolerance CLOUT_LEIDEN_TOLERANCE. */
void clout_community_opts_init(clout_community_opts_t *o);

typedef struct {
    igraph_vector_int_t membership; /* community of each vertex, 0-based, by size */
    igraph_vector_t stability;      /* share of runs agreeing with the consensus */
    double modularity;              /* of membership, on the weighted network */
    int runs;
} clout_partition_t;

/* Detects communities; the caller destroys out with clout_partition_destroy. */
clout_status_t clout_communities(const clout_network_t *net, const clout_community_opts_t *opts,
                                 clout_partition_t *out, clout_error_t *err);
void clout_partition_destroy(clout_partition_t *p);

/* The output tables of a partition: "communities" (id, name, community,
 * stability) and "summary" (method, resolution, runs, communities,
 * modularity and, when compare_path names a CSV with columns id and
 * community, nmi, vi, ari, split_join_a, split_join_b against it). */
clout_status_t clout_partition_tables(const clout_network_t *net, const clout_partition_t *p,
                                      const clout_community_opts_t *opts, const char *compare_path,
                                      clout_table_t **members, clout_table_t **summary,
                                      clout_error_t *err);

/* NMI, VI, ARI and the two split-join distances of two partitions. */
typedef struct {
    double nmi, vi, ari;
    igraph_integer_t split_join_a, split_join_b;
} clout_partition_distance_t;
clout_status_t clout_partition_compare(const igraph_vector_int_t *a, const igraph_vector_int_t *b,
                                       clout_partition_distance_t *out, clout_error_t *err);

/* ---- Influence (influence.c) ---- */

/* How a bootstrap interval is read from the replicates (doc/methods.md). */
typedef enum {
    CLOUT_INTERVAL_PERCENTILE = 0, /* the 2.5th and 97.5th percentiles */
    CLOUT_INTERVAL_BCA             /* bias-corrected and accelerated (Efron 1987) */
} clout_interval_method_t;

typedef struct {
    char **poles;  /* NULL: the actors whose role is pole, in dataset order */
    char **focus;  /* NULL: the actors whose role is focus */
    int bootstrap; /* replicates; 0 = no intervals */
    double noise;  /* sd of log-normal noise on flow values */
    clout_interval_method_t interval; /* how intervals are read; BCa adds a jackknife */
    int jobs;      /* processes for the bootstrap: this one and jobs - 1 forked
                    * workers; 0 = the cores.  No effect on the result */
    unsigned long seed;
    int align_runs; /* community runs for alignment */
    bool all_only;  /* only the layer "all" (every selected layer together): no
                     * per-layer rows and no per-layer passes; a figure's
                     * balance fill needs no more */
    bool all_poles; /* leading_pole over every pole, not only the balance's two */
    bool progress;  /* report replicates through the callback */
    void (*on_progress)(int done, int total, void *data);
    void *progress_data;
} clout_influence_opts_t;

/* The defaults: the dataset's poles and focus actors, no bootstrap, noise
 * sd 0.1, as many processes as cores, seed 1, 20 alignment runs, every
 * layer, no progress callback. */
void clout_influence_opts_init(clout_influence_opts_t *o);

/* The influence tables of DESIGN.md section 4 for a dataset snapshot:
 * "shares" (focus, pole, layer, direct, reach, brokerage, alignment, index,
 * index_lo, index_hi) and "balance" (focus, layer, balance, balance_lo,
 * balance_hi, leading_pole), per layer and over all layers ("all"). */
clout_status_t clout_influence(const clout_dataset_t *ds, const clout_snapshot_opts_t *snap,
                               const clout_influence_opts_t *opts, clout_table_t **shares,
                               clout_table_t **balance, clout_error_t *err);

/* The "contributions" table of a snapshot: for each focus actor, layer,
 * relation (or group) and pole, the relation's part of the layer, the
 * pole's share within it and their product, which summed over the
 * relations is the direct share (doc/methods.md).  The data only. */
clout_status_t clout_influence_contributions(const clout_dataset_t *ds,
                                             const clout_snapshot_opts_t *snap,
                                             const clout_influence_opts_t *opts,
                                             clout_table_t **out, clout_error_t *err);

/* The balance of each focus actor and layer in the data and in each
 * bootstrap replicate (for diffs, trend charts and the balance fill of
 * figures; it computes direct share and reach only, no brokerage or
 * alignment, and with opts->all_only the layer "all" only):
 * values[(f * n_layers + l) * n_samples + r], r = 0 the data, 1.. the
 * replicates.  Replicate r is drawn from (seed, r) alone, so two snapshots
 * analysed with the same seed pair their replicates.  With opts->interval
 * BCa (and a bootstrap) the jackknife of the acceleration comes too:
 * jack_values[(f * n_layers + l) * n_jack + u], unit u of the resampled
 * relation jack_stratum[u] (units sorted by stratum). */
typedef struct {
    int n_focus, n_layers, n_samples;
    char **focus;  /* ids, NULL-terminated */
    char **layers; /* names, the last "all", NULL-terminated */
    double *values;
    int n_jack;
    int *jack_stratum;
    double *jack_values;
} clout_balance_samples_t;
clout_status_t clout_influence_balance_samples(const clout_dataset_t *ds,
                                               const clout_snapshot_opts_t *snap,
                                               const clout_influence_opts_t *opts,
                                               clout_balance_samples_t *out, clout_error_t *err);
void clout_balance_samples_destroy(clout_balance_samples_t *s);

/* ---- Robustness (robustness.c) ---- */

/* What clout robustness varies and how it reports (doc/methods.md,
 * "Robustness"). */
typedef struct {
    /* Poles, focus, seed and interval of the estimate; with bootstrap > 0
     * the estimate is bootstrapped too and each row gets its finding. */
    clout_influence_opts_t influence;
    bool all_relations; /* a change: keep relations one snapshot has no data for */
    void (*on_progress)(int done, int total, void *data); /* per variant, or NULL */
    void *progress_data;
} clout_robustness_opts_t;

/* Defaults: those of clout_influence_opts_init, and a bootstrap of 200. */
void clout_robustness_opts_init(clout_robustness_opts_t *o);

/* The balance of every focus actor and layer under each variant: each
 * relation with data left out, each source (relations.csv's `source`) of
 * two relations or more left out, each relation's weight halved and
 * doubled, each flow or event relation under the other scales (share, log,
 * max), windows of 3, 5 and 7 years, and the ties' alternative values
 * where the dataset has them.  *summary ("robustness"): per focus actor and
 * layer the estimate, the min and max over the variants, the variant that
 * moves it most and by how much, the share of variants with the
 * estimate's sign and whether the sign holds in all; with a bootstrap,
 * its interval and the share of replicates with the sign; and the finding
 * (robust, fragile, not supported).  *variants ("variants"): every
 * variant's value.  The caller frees both.  Cost: one snapshot per
 * variant (about 5 per relation), plus the bootstrap. */
clout_status_t clout_robustness(const clout_dataset_t *ds, clout_table_t **summary,
                                clout_table_t **variants, const clout_snapshot_opts_t *snap,
                                const clout_robustness_opts_t *opts, clout_error_t *err);

/* The same for the change of each balance from snapshot A to snapshot B of
 * one dataset (column delta), every variant applied to both, like with like
 * (relations without data in either left out of both) unless
 * opts->all_relations. */
clout_status_t clout_robustness_diff(const clout_dataset_t *da, const clout_snapshot_opts_t *sa,
                                     const clout_dataset_t *db, const clout_snapshot_opts_t *sb,
                                     clout_table_t **summary, clout_table_t **variants,
                                     const clout_robustness_opts_t *opts, clout_error_t *err);

/* ---- Comparing two networks (diff.c) ---- */

typedef struct {
    int permutations; /* QAP permutations */
    unsigned long seed;
    /* Influence: compare every relation, also those that one snapshot has
     * no data for (false: like with like, those left out and named). */
    bool all_relations;
    clout_measure_opts_t measures;
    clout_community_opts_t communities;
    clout_influence_opts_t influence;
} clout_diff_opts_t;

/* The defaults: 1000 QAP permutations, seed 1, and the defaults of the
 * measures, communities and influence. */
void clout_diff_opts_init(clout_diff_opts_t *o);

/* "ties": added, removed and reweighted ties (source, target, change,
 * layer_a, layer_b, weight_a, weight_b, delta). */
clout_status_t clout_diff_ties(const clout_network_t *a, const clout_network_t *b,
                               clout_table_t **out, clout_error_t *err);
/* "measures": per actor and measure: value and rank in A and B, their
 * deltas (rank 1 = the highest value; ties share the mean rank). */
clout_status_t clout_diff_measures(const clout_network_t *a, const clout_network_t *b,
                                   const clout_diff_opts_t *o, clout_table_t **out,
                                   clout_error_t *err);
/* "partitions" (nmi, vi, ari, split-join over the actors in both) and
 * "moved" (the actors whose community changed, communities matched by
 * largest overlap). */
clout_status_t clout_diff_communities(const clout_network_t *a, const clout_network_t *b,
                                      const clout_diff_opts_t *o, clout_table_t **partitions,
                                      clout_table_t **moved, clout_error_t *err);
/* "influence": per focus actor and layer: balance in A and B, the delta, its
 * 95% interval and the share of replicates that agree on its sign.  Like
 * with like (unless o->all_relations): the relations that either snapshot
 * has no data for are left out of both, named in the column left_out and in
 * a warning.  The years are sa->year and sb->year (CLOUT_NO_YEAR: each
 * dataset's default year). */
clout_status_t clout_diff_influence(const clout_dataset_t *da, const clout_snapshot_opts_t *sa,
                                    const clout_dataset_t *db, const clout_snapshot_opts_t *sb,
                                    const clout_diff_opts_t *o, clout_table_t **out,
                                    clout_error_t *err);
/* "summary": actors, edges, density and modularity in A and B, tie turnover
 * (Jaccard of the tie sets), and the correlation of the two weighted
 * adjacency matrices with its QAP permutation p-value. */
clout_status_t clout_diff_summary(const clout_network_t *a, const clout_network_t *b,
                                  const clout_diff_opts_t *o, clout_table_t **out,
                                  clout_error_t *err);
/* The QAP correlation alone (for tests): Pearson r of the off-diagonal
 * cells of the two adjacency matrices over the union of actors (upper
 * triangle for undirected networks), and p = (1 + #{|r_perm| >= |r|}) /
 * (1 + permutations), B's actors permuted. */
clout_status_t clout_qap(const clout_network_t *a, const clout_network_t *b, int permutations,
                         unsigned long seed, double *r, double *p, clout_error_t *err);

/* ---------------------------------------------------------------------------
 * Rendering (render/): figures are scenes (shapes and text in points) that
 * one painter turns into PNG, SVG or PDF through Cairo and Pango.
 * ------------------------------------------------------------------------- */
typedef struct {
    double r, g, b, a; /* 0..1 */
} clout_rgba_t;

typedef enum { CLOUT_HALIGN_LEFT = 0, CLOUT_HALIGN_CENTER, CLOUT_HALIGN_RIGHT } clout_halign_t;
typedef enum { CLOUT_VALIGN_TOP = 0, CLOUT_VALIGN_MIDDLE, CLOUT_VALIGN_BOTTOM } clout_valign_t;

typedef struct clout_scene clout_scene_t;

/* A scene of width x height points (1 pt = 1/72 in); y grows downwards. */
clout_scene_t *clout_scene_new(double width, double height);
void clout_scene_free(clout_scene_t *s);
double clout_scene_width(const clout_scene_t *s);
double clout_scene_height(const clout_scene_t *s);
/* Everything added after this call belongs to the named group (for the dump
 * and for SVG readers); NULL ends the group. */
void clout_scene_group(clout_scene_t *s, const char *name);

/* Shapes.  fill or stroke may be NULL (none); line widths are in points. */
void clout_scene_circle(clout_scene_t *s, double cx, double cy, double r, const clout_rgba_t *fill,
                        const clout_rgba_t *stroke, double line_width);
void clout_scene_rect(clout_scene_t *s, double x, double y, double w, double h,
                      const clout_rgba_t *fill, const clout_rgba_t *stroke, double line_width);
/* A closed polygon of n points (xy pairs). */
void clout_scene_polygon(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *fill,
                         const clout_rgba_t *stroke, double line_width);
/* An open polyline; dash (n_dash lengths, or NULL) and an arrowhead at the end. */
void clout_scene_line(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *stroke,
                      double line_width, const double *dash, int n_dash, bool arrow);
/* Text: (x, y) is the anchor point, aligned as asked; angle in degrees
 * (counter-clockwise).  All text is laid out by Pango, so any script works. */
void clout_scene_text(clout_scene_t *s, double x, double y, const char *text, double size,
                      bool bold, const clout_rgba_t *color, clout_halign_t ha, clout_valign_t va,
                      double angle);
/* The size a text will take, in points (Pango, the same fonts as painting). */
void clout_text_extent(const char *text, double size, bool bold, double *width, double *height);

/* A text dump of the scene: one line per item, coordinates rounded to 0.1
 * pt, colours as #rrggbbaa: what scene tests compare with golden files. */
void clout_scene_dump(const clout_scene_t *s, FILE *f);

typedef enum { CLOUT_IMG_PNG = 0, CLOUT_IMG_SVG, CLOUT_IMG_PDF } clout_imgformat_t;
/* The format of a file name's extension (.png .svg .pdf); -1 if none. */
int clout_imgformat_from_path(const char *path);
/* Paints the scene into path (atomically): PNG at dpi, SVG or PDF with
 * embedded fonts.  The same scene gives the same bytes: the PDF creation
 * date is SOURCE_DATE_EPOCH when set, else 2000-01-01. */
clout_status_t clout_render_paint(const clout_scene_t *s, const char *path, clout_imgformat_t fmt,
                                  double dpi, clout_error_t *err);

/* Colours: a colour-blind-safe diverging scale for balance in [-1, 1]
 * (-1 the first pole, +1 the second; ColorBrewer RdBu reversed, 11 classes,
 * interpolated), neutral grey for NAN; and the 8 Okabe-Ito colours for
 * categories (community, layer, kind), cycling. */
clout_rgba_t clout_color_balance(double b);
clout_rgba_t clout_color_category(int i);
/* A colour as Pango reads it (pango_color_parse_with_alpha): "#rgb",
 * "#rrggbb", "#rrggbbaa", "#rrrrggggbbbb", ... or a name ("white",
 * "steelblue").  false (*c untouched) for anything else, NULL included. */
bool clout_color_parse(const char *spec, clout_rgba_t *c);
/* clout_color_parse for colours written in the code ("#rrggbb" constants):
 * invalid input is a bug, which shows as opaque magenta (#ff00ff), a colour
 * no palette of clout's uses, never as a plausible black.  Colours from
 * users go through clout_color_parse. */
clout_rgba_t clout_color_hex(const char *hex);

/* A length for --width/--height: "180mm", "7in", "18cm", "500pt" or a bare
 * number (mm), in points; false if invalid or not positive. */
bool clout_parse_length(const char *s, double *points);

/* ---- Diagrams (render/layout.c, render/diagram.c) ---- */

/* A layout: a position in points for each actor id (x to the right, y
 * downwards, as on the page).  The diagram scales it to the figure, so only
 * its shape matters; saved and pinned layouts use these units. */
typedef struct clout_layout clout_layout_t;

clout_layout_t *clout_layout_new(void);
void clout_layout_free(clout_layout_t *l);
/* Number of actors placed, and the i-th in the order they were added. */
int clout_layout_count(const clout_layout_t *l);
const char *clout_layout_id(const clout_layout_t *l, int i);
/* Places id (or moves it when already placed). */
void clout_layout_set(clout_layout_t *l, const char *id, double x, double y);
/* The position of id; false when the layout does not place it. */
bool clout_layout_get(const clout_layout_t *l, const char *id, double *x, double *y);

/* Reads a layout from a CSV file with the columns id, x and y (others are
 * ignored).  A missing column, a bad number or an id listed twice is
 * CLOUT_EDATA naming file, line and column.  The caller frees *out. */
clout_status_t clout_layout_read(clout_layout_t **out, const char *path, clout_error_t *err);
/* Writes id,x,y (positions to 0.01 pt) to path, atomically. */
clout_status_t clout_layout_write(const clout_layout_t *l, const char *path, clout_error_t *err);

/* The layout engines: Graphviz's, and geo (lat/lon of actors.csv). */
typedef enum {
    CLOUT_LAYOUT_NEATO = 0,
    CLOUT_LAYOUT_FDP,
    CLOUT_LAYOUT_SFDP,
    CLOUT_LAYOUT_DOT,
    CLOUT_LAYOUT_CIRCO,
    CLOUT_LAYOUT_TWOPI,
    CLOUT_LAYOUT_GEO
} clout_layout_engine_t;

/* Engine by name ("neato", ..., "geo"); -1 if none. */
int clout_layout_engine_from_name(const char *name);

typedef struct {
    clout_layout_engine_t engine;
    unsigned long seed;        /* Graphviz's start=SEED: the same seed, the same layout */
    const clout_layout_t *pin; /* positions to keep as they are, or NULL */
    const clout_dataset_t *ds; /* geo: the actors' lat and lon; may be NULL otherwise */
} clout_layout_opts_t;

/* The defaults: neato, seed 1, nothing pinned, no dataset. */
void clout_layout_opts_init(clout_layout_opts_t *o);

/* Lays out the union of n networks (every actor and every tie of any of
 * them, actors matched by id) so that small multiples share one frame.
 * Graphviz runs in-process (cgraph + gvc); its messages are captured, never
 * printed.  Pinned actors keep their positions exactly and the others are
 * placed by neato (or fdp) around them; geo places actors with coordinates
 * at x = lon, y = -lat (equirectangular, 7.2 pt per degree), spreads actors
 * that share a point on a small ring, and pins them.  *out places every
 * actor of the networks and every pinned one.  Errors: CLOUT_EUSAGE for geo
 * without a dataset, CLOUT_EFAIL when Graphviz cannot lay out (its plugins
 * missing: install the graphviz package).  Time: that of the engine.
 *
 * Random state: Graphviz draws from the C library's generators (drand48,
 * and rand, which glibc draws from random's state), and sfdp draws before
 * it seeds them, so this seeds them with opts->seed for the layout (every
 * call then repeats) and gives the caller's states back when it returns:
 * drand48's through seed48 (an lcong48 multiplier, if the caller set one,
 * is reset to the default), random's through initstate and setstate, so
 * the caller's sequences continue where they were.  On a C library where
 * rand has a state of its own (not glibc), that state is reseeded and not
 * restored: a caller that needs it draws its numbers before the call.
 * Graphviz keeps global state, so layouts run in one thread at a time, and
 * no other thread may use these generators meanwhile. */
clout_status_t clout_layout_compute(clout_layout_t **out, clout_network_t *const *nets, int n_nets,
                                    const clout_layout_opts_t *opts, clout_error_t *err);

/* What fills the nodes of a diagram. */
typedef enum {
    CLOUT_FILL_BALANCE = 0, /* focus actors by balance, the two poles by its ends */
    CLOUT_FILL_COMMUNITY,   /* Leiden communities, Okabe-Ito */
    CLOUT_FILL_KIND,        /* actor kind, Okabe-Ito */
    CLOUT_FILL_LAYER,       /* white nodes: the figure is about the ties' layers */
    CLOUT_FILL_NONE
} clout_fill_t;
/* By name ("balance", "community", "kind", "layer", "none"); -1 if none. */
int clout_fill_from_name(const char *name);

typedef enum {
    CLOUT_LABELS_ALL = 0,
    CLOUT_LABELS_FOCUS, /* focus actors only */
    CLOUT_LABELS_POLES, /* poles only */
    CLOUT_LABELS_NONE
} clout_labels_t;
/* By name ("all", "focus", "poles", "none"); -1 if none. */
int clout_labels_from_name(const char *name);

typedef struct {
    clout_fill_t fill;
    const char *size;     /* node area by this measure (clout_measure_names), or NULL */
    clout_labels_t labels;
    const char *title;    /* NULL: the dataset's title and year; "": no title band */
    bool no_source;       /* leave out the source line */
    double width;         /* points */
    double height;        /* points; 0 = from the layout's aspect ratio */
    const clout_snapshot_opts_t *snap; /* how the networks were made (balance, sources) */
    /* The balance fill is clout_influence's balance over all layers with
     * these options (poles: the first two are the ends), so that a node's
     * colour is what `clout influence` prints; the community fill is
     * clout_communities with these. */
    clout_influence_opts_t influence;
    clout_community_opts_t communities;
} clout_diagram_opts_t;

/* The width of a diagram or chart by default: 180 mm (a two-column journal
 * page) in points. */
#define CLOUT_DIAGRAM_WIDTH (180 / 25.4 * 72)

/* The defaults: fill by balance, no size measure, every label, the default
 * title and source line, CLOUT_DIAGRAM_WIDTH wide, height from the layout,
 * and the defaults of the influence and communities. */
void clout_diagram_opts_init(clout_diagram_opts_t *o);

/* Builds the scene of a network diagram: one panel per network (side by
 * side, or in a grid), every panel drawn from the one layout, with a shared
 * legend, a title and a source line.  ds may be NULL (a network file: no
 * balance, fill falls back to kind).  Every actor of the networks must be
 * placed by layout.  The scene is the caller's (clout_scene_free).  An
 * unknown measure is CLOUT_EUSAGE; a height too small for the legend is
 * CLOUT_EUSAGE.  Nothing is painted: see clout_render_paint. */
clout_status_t clout_diagram(clout_scene_t **out, clout_network_t *const *nets, int n_nets,
                             const clout_dataset_t *ds, const clout_layout_t *layout,
                             const clout_diagram_opts_t *opts, clout_error_t *err);

/* ---- Charts (render/chart-*.c) ---- */

/* Charts of analysis tables.  Each function reads tables as clout_influence
 * and clout_measures return them and builds a new scene (the caller frees it
 * with clout_scene_free): opts->width wide, as tall as its content (or
 * opts->height), with a title, axes with ticks and labels, a key where one
 * is needed and opts->source as the source line; every text is measured so
 * that nothing is clipped.  Poles take Okabe-Ito colours in pole order (the
 * first two blue and vermillion, like the ends of the balance scale),
 * "other" light grey.  A table without a column the chart needs, a layer
 * without rows, or a width or height too small for the labels is
 * CLOUT_EUSAGE (*out is then NULL).  Time: linear in the table sizes (rank
 * charts: quadratic in the number of actors). */
typedef struct {
    const char *title;    /* NULL: a title that says what is shown, and when; "": none
                             (no title band) */
    const char *source;   /* the source line under the chart; NULL or "": none */
    const char *snapshot; /* when, for the default title ("2023"); NULL: not said */
    double width;         /* points */
    double height;        /* points; 0: from the content */
    const char *layer;    /* the layer shown; NULL: "all" */
    const char *of;       /* what is shown: see each chart; NULL: its default */
    char **poles;         /* pole ids in order, NULL-terminated: colours, and the
                             names of the balance's ends (first two); NULL: the
                             tables' order */
    char **names;         /* display names: "id", "name", "id", "name", ..., NULL;
                             NULL (or an id not listed): the id */
    char **actors;        /* slope of a measure: the actors shown (see there) */
} clout_chart_opts_t;

/* The defaults: the chart's own title, no source line, CLOUT_DIAGRAM_WIDTH
 * wide, as tall as the content, layer "all", each chart's default value,
 * the tables' pole order, ids as names. */
void clout_chart_opts_init(clout_chart_opts_t *o);

/* The source line of a chart: "Source: TITLE, 2014 and 2023 (flows summed
 * over 5 years); clout WHAT, doc/methods.md; 95% intervals from N bootstrap
 * replicates (seed S)."  titles: the datasets' titles (clout_dataset_title),
 * or file names, each said once; years: the snapshots (none for files, more
 * than four as a range); what: "influence" or "measure (pagerank)"; the
 * interval clause only when bootstrap > 0.  The caller frees the string. */
char *clout_chart_source_line(char *const *titles, int n_titles, const int *years, int n_years,
                              int window, const char *what, int bootstrap, unsigned long seed);

/* A stacked horizontal bar per focus actor of its direct shares D by pole
 * and "other" (the "shares" table: focus, pole, layer, direct), 0..100%. */
clout_status_t clout_chart_shares(const clout_table_t *shares, const clout_chart_opts_t *opts,
                                  clout_scene_t **out, clout_error_t *err);

/* A dot per focus actor at its balance B, with its 95% interval where
 * balance_lo and balance_hi are numbers, sorted by balance (the "balance"
 * table: focus, layer, balance, balance_lo, balance_hi); x from -1 ("all"
 * the first pole) to +1 (the second), a line at 0, dots coloured by
 * clout_color_balance, the values and intervals printed on the right. */
clout_status_t clout_chart_balance(const clout_table_t *balance, const clout_chart_opts_t *opts,
                                   clout_scene_t **out, clout_error_t *err);

/* The balance chart of a "robustness" table (clout_robustness: focus,
 * layer, balance, boot_lo, boot_hi, min, max): each dot with its 95%
 * bootstrap interval and, under it as a light band, its range over the
 * robustness variants, side by side in one row. */
clout_status_t clout_chart_robustness(const clout_table_t *robustness,
                                      const clout_chart_opts_t *opts, clout_scene_t **out,
                                      clout_error_t *err);

/* A line per focus actor over n snapshots (years increasing).  opts->of NULL
 * or "balance": tables are "balance" tables, y from -1 to 1; else of is a
 * pole id and tables are "shares" tables, y its index I from 0 to 1.  Where
 * the tables carry intervals (balance_lo/hi, index_lo/hi), a ribbon shows
 * them. */
clout_status_t clout_chart_trend(clout_table_t *const *tables, const int *years, int n,
                                 const clout_chart_opts_t *opts, clout_scene_t **out,
                                 clout_error_t *err);

/* The change between two snapshots, labelled label_a and label_b.
 * opts->of NULL or "balance": a and b are "balance" tables; a line per focus
 * actor from its balance in a to its balance in b.  Else of is a measure
 * column of clout_measures tables (pagerank, betweenness, ...): the rank of
 * each actor (1 = the highest value, ties share the better rank) in a and
 * in b.  The actors shown are opts->actors, else those whose role is focus
 * or pole, else the 15 best ranked in either snapshot; poles are drawn in
 * their colours, the others in grey. */
clout_status_t clout_chart_slope(const clout_table_t *a, const clout_table_t *b,
                                 const char *label_a, const char *label_b,
                                 const clout_chart_opts_t *opts, clout_scene_t **out,
                                 clout_error_t *err);

/* A grid of focus actors (rows) by poles (columns) of the "shares" table's
 * opts->of column (default "index"), 0..1 on a sequential colour scale
 * (ColorBrewer Purples); or, with opts->of "layers", of focus actors by
 * layers of the "balance" table's balance, on the balance scale.  Each cell
 * prints its value; a colour bar gives the scale. */
clout_status_t clout_chart_heatmap(const clout_table_t *table, const clout_chart_opts_t *opts,
                                   clout_scene_t **out, clout_error_t *err);

/* ---- The report (report.c) ---- */

typedef struct {
    const int *years;   /* the snapshots; NULL: the dataset's metadata.csv
                           "snapshots", else its latest year */
    int n_years;
    int window;         /* years of flows summed into each snapshot */
    int carry_forward;  /* see clout_snapshot_opts_t; 0: never */
    double half_life;   /* see clout_snapshot_opts_t; 0: no decay */
    int bootstrap;      /* replicates for the intervals */
    int jobs;           /* processes for the bootstrap; 0 = the cores */
    unsigned long seed;
    int community_runs; /* Leiden runs combined by consensus */
    int permutations;   /* QAP permutations of the diffs */
    double dpi;         /* PNG figures */
    const char *command; /* the command line, for provenance.json */
    void (*on_progress)(const char *what, void *data);
    void *progress_data;
} clout_report_opts_t;

/* The defaults: metadata.csv's snapshots, the default window, 200
 * bootstrap replicates on every core, seed 1, 20 community runs, 1000 QAP
 * permutations, PNG at 200 dpi, no command line, no progress. */
void clout_report_opts_init(clout_report_opts_t *o);

/* Writes the report of a dataset into dir: index.html (one self-contained
 * page), figures/ (PDF, SVG, PNG), tables/ (CSV) and provenance.json.  The
 * same inputs give the same bytes, but for provenance.json's "generated"
 * (SOURCE_DATE_EPOCH when set). */
clout_status_t clout_report(const char *dataset, const char *dir, const clout_report_opts_t *opts,
                            clout_error_t *err);

/* Describes a network (and its dataset, when ds is not NULL): tables
 * "summary", "kinds", "layers" and, with a dataset, "relations" and "flows".
 * The caller frees each table and the array. */
clout_status_t clout_info(const clout_network_t *net, const clout_dataset_t *ds,
                          clout_table_t ***tables, int *n_tables, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
