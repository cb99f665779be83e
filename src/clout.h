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
typedef enum { CLOUT_MODE_STATE = 0, CLOUT_MODE_FLOW } clout_mode_t;
typedef enum {
    CLOUT_SCALE_BINARY = 0,
    CLOUT_SCALE_SHARE,
    CLOUT_SCALE_LOG,
    CLOUT_SCALE_MAX
} clout_scale_t;

typedef struct {
    const char *id, *name, *kind;
    clout_role_t role;
    int *lead; /* indices of the lead poles */
    int n_lead;
    double lat, lon; /* NAN when absent */
    int start, end;  /* CLOUT_NO_YEAR when absent */
    const char *start_text, *end_text; /* as written ("2015-08-12"), "" when absent */
} clout_actor_t;

typedef struct {
    const char *name, *layer;
    bool directed;
    clout_mode_t mode;
    clout_scale_t scale;
    double weight;
} clout_relation_t;

typedef struct {
    int source, target, relation; /* indices into actors and relations */
    double value;                 /* 1 when the file left it empty */
    int start, end;               /* years; end CLOUT_NO_YEAR = ongoing */
    const char *start_text, *end_text; /* as written, "" when absent */
    const char *source_ref, *note;
    long line; /* line in ties.csv, for later messages */
} clout_tie_t;

typedef struct clout_dataset clout_dataset_t;

/* Loads and validates the dataset in folder dir.  On bad data, every problem
 * found (up to the error object's cap) is recorded with file, line and
 * column and CLOUT_EDATA is returned; *out is then NULL.  The caller owns
 * *out and frees it with clout_dataset_free().  Time: linear in file size. */
clout_status_t clout_dataset_load(clout_dataset_t **out, const char *dir, clout_error_t *err);
void clout_dataset_free(clout_dataset_t *ds);

const char *clout_dataset_path(const clout_dataset_t *ds);
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

/* Splits "a,b,c" at sep into a NULL-terminated vector, trimming spaces and
 * dropping empty items.  Free it with clout_strv_free(). */
char **clout_split_list(const char *s, char sep);
void clout_strv_free(char **v);

/* ---- Building and writing datasets (importers, merges) ---- */

/* An empty dataset whose messages will name path. */
clout_dataset_t *clout_dataset_new(const char *path);
/* Adds an actor, or returns the index of the one with this id (its fields
 * are then left as they are: what a dataset already says wins). */
int clout_dataset_add_actor(clout_dataset_t *ds, const char *id, const char *name,
                            const char *kind);
/* Adds a relation, or returns the existing one's index when it has the same
 * definition; -1 when a relation of that name is defined differently. */
int clout_dataset_add_relation(clout_dataset_t *ds, const char *name, const char *layer,
                               bool directed, clout_mode_t mode, clout_scale_t scale,
                               double weight);
/* Adds a tie unless an identical one (ends, relation, value, years, source)
 * is there already; returns true when it was added.  start_text/end_text
 * may be NULL (the years are then written as years). */
bool clout_dataset_add_tie(clout_dataset_t *ds, int source, int target, int relation,
                           double value, int start, int end, const char *source_ref,
                           const char *note);
/* Merges every actor, relation and tie of src into ds (see add_*); returns
 * CLOUT_EDATA naming the relation when two definitions disagree. */
clout_status_t clout_dataset_merge(clout_dataset_t *ds, const clout_dataset_t *src,
                                   clout_error_t *err);
/* Writes actors.csv, relations.csv and ties.csv into dir (created if
 * missing), each atomically.  The output is a function of the contents
 * only, so the same data gives the same bytes. */
clout_status_t clout_dataset_write(const clout_dataset_t *ds, const char *dir,
                                   clout_error_t *err);

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
    int window;       /* flow window; 0 = default (5) */
    char **layers;    /* NULL-terminated list to keep, or NULL for all */
    char **relations; /* NULL-terminated list to keep, or NULL for all */
    bool directed;    /* edge-list CSV input: read as directed */
} clout_snapshot_opts_t;

#define CLOUT_DEFAULT_WINDOW 5

/* Builds the network of a dataset at opts->year (DESIGN.md section 3).
 * Unknown names in opts->layers or opts->relations are a usage error. */
clout_status_t clout_snapshot(clout_network_t **out, const clout_dataset_t *ds,
                              const clout_snapshot_opts_t *opts, clout_error_t *err);

void clout_network_free(clout_network_t *net);

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
    char **actors; /* keep only ties whose ends (states) are all listed; NULL = all */
    char **igos;   /* cow-igo: these IGO columns; NULL = every one in the code table */
    int from, to;  /* keep ties that overlap these years; CLOUT_NO_YEAR = no limit */
} clout_import_opts_t;

/* The sources clout_import() knows, NULL-terminated: "cow-igo", "atop",
 * "cow-alliance", "cow-trade", "sipri" and "clout" (another dataset folder). */
extern const char *const clout_import_sources[];

/* Reads files of one source and adds their actors, relations and ties to ds
 * (ties already there are not added twice).  *report receives a table of
 * what was read, added and skipped, with reasons; the caller frees it.  A
 * file that is not what the source expects is CLOUT_EDATA, with file, line
 * and column. */
clout_status_t clout_import(clout_dataset_t *ds, const char *source, char *const *files,
                            int n_files, const clout_import_opts_t *opts,
                            clout_table_t **report, clout_error_t *err);

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
    char **measures;           /* NULL-terminated names, or NULL for all */
    clout_distance_t distance;
    bool normalized;           /* betweenness, closeness, harmonic: normalised forms */
    bool unweighted;           /* ignore weights (every tie counts 1) */
    const char *groups;        /* brokerage: a vertex attribute (kind, role...), or NULL */
    double katz_alpha;         /* 0 = 0.9 / the largest eigenvalue */
} clout_measure_opts_t;

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
    double resolution;   /* 1 for modularity methods, by default */
    int runs;            /* 1 or more: seeds seed..seed+runs-1, then consensus */
    unsigned long seed;
} clout_community_opts_t;

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
                                      const clout_community_opts_t *opts,
                                      const char *compare_path, clout_table_t **members,
                                      clout_table_t **summary, clout_error_t *err);

/* NMI, VI, ARI and the two split-join distances of two partitions. */
typedef struct {
    double nmi, vi, ari;
    igraph_integer_t split_join_a, split_join_b;
} clout_partition_distance_t;
clout_status_t clout_partition_compare(const igraph_vector_int_t *a, const igraph_vector_int_t *b,
                                       clout_partition_distance_t *out, clout_error_t *err);

/* ---- Influence (influence.c) ---- */

typedef struct {
    char **poles;     /* NULL: the actors whose role is pole, in dataset order */
    char **focus;     /* NULL: the actors whose role is focus */
    int bootstrap;    /* replicates; 0 = no intervals */
    double noise;     /* sd of log-normal noise on flow values (default 0.1) */
    int jobs;         /* worker processes for the bootstrap; 0 = the cores */
    unsigned long seed;
    int align_runs;   /* community runs for alignment (default 20) */
    bool progress;    /* report replicates through the callback */
    void (*on_progress)(int done, int total, void *data);
    void *progress_data;
} clout_influence_opts_t;

/* The influence tables of DESIGN.md section 4 for a dataset snapshot:
 * "shares" (focus, pole, layer, direct, reach, brokerage, alignment, index,
 * index_lo, index_hi) and "balance" (focus, layer, balance, balance_lo,
 * balance_hi, leading_pole), per layer and over all layers ("all"). */
clout_status_t clout_influence(const clout_dataset_t *ds, const clout_snapshot_opts_t *snap,
                               const clout_influence_opts_t *opts, clout_table_t **shares,
                               clout_table_t **balance, clout_error_t *err);

/* Describes a network (and its dataset, when ds is not NULL): tables
 * "summary", "kinds", "layers" and, with a dataset, "relations" and "flows".
 * The caller frees each table and the array. */
clout_status_t clout_info(const clout_network_t *net, const clout_dataset_t *ds,
                          clout_table_t ***tables, int *n_tables, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
