/* internal.h: declarations shared inside libclout, not installed. */
#ifndef CLOUT_INTERNAL_H
#define CLOUT_INTERNAL_H

#include <glib.h>
#include <clout.h>

/* Limits on input (doc/data-format.md lists them). */
#define CLOUT_MAX_FIELD_BYTES (1 << 20)   /* one CSV field */
#define CLOUT_MAX_RECORD_BYTES (16 << 20) /* one CSV record (a line, with quoted newlines) */
#define CLOUT_MAX_FIELDS 1024             /* fields in one record */
#define CLOUT_MAX_ACTORS 50000000         /* actors in a dataset or network file */
#define CLOUT_MAX_TIES 1000000000L        /* ties in a dataset, edges in an edge list */

/* ---- CSV reader (csv.c): RFC 4180 with line and column tracking ---- */
typedef struct clout_csv cl_csv_t;

/* Opens path for reading; display is the name used in messages. */
clout_status_t cl_csv_open(cl_csv_t **out, const char *path, const char *display,
                           clout_error_t *err);
/* A reader of length bytes of path from offset (a line start), whose first
 * line is numbered first_line: one part of a file that is read in parts. */
clout_status_t cl_csv_open_range(cl_csv_t **out, const char *path, const char *display,
                                 long long offset, long long length, long first_line,
                                 clout_error_t *err);
/* Stops a file reader at byte offset end; false when it has already read
 * past it. */
bool cl_csv_limit(cl_csv_t *c, long long end);
/* Reads from memory (fuzzing, tests); data must outlive the reader. */
cl_csv_t *cl_csv_open_mem(const char *data, size_t len, const char *display);
void cl_csv_close(cl_csv_t *c);
/* Reads the next record.  Returns 1 for a record, 0 at end of file, or -1
 * after recording an error (the reader cannot continue). */
int cl_csv_next(cl_csv_t *c, clout_error_t *err);
/* A glance at field k of the record after the current one, as raw bytes in
 * the buffer, for prefetching: false when it is not plainly there (quotes,
 * a line end first, the buffer's end).  Nothing is consumed or checked. */
bool cl_csv_peek(const cl_csv_t *c, int k, const char **field, size_t *len);
int cl_csv_n_fields(const cl_csv_t *c);
const char *cl_csv_field(const cl_csv_t *c, int i);
long cl_csv_field_line(const cl_csv_t *c, int i);
long cl_csv_field_col(const cl_csv_t *c, int i);
/* Line where the current record starts. */
long cl_csv_line(const cl_csv_t *c);
const char *cl_csv_display(const cl_csv_t *c);
/* Numbers the next line as line (input that starts past a preamble). */
void cl_csv_set_line(cl_csv_t *c, long line);

/* Appends the messages of from to into (up to into's cap; the rest count as
 * dropped), and takes the higher status. */
void cl_error_merge(clout_error_t *into, const clout_error_t *from);

/* ties.csv files of at least this many bytes are read in two parts at once
 * (dataset.c); tests lower it. */
extern long long cl_split_min_bytes;

/* ---- helpers (util.c) ---- */
/* Strict number parse: the whole string, finite. */
bool cl_parse_double(const char *s, double *v);
bool cl_parse_long(const char *s, long *v);
/* Formats v as printf's "%.<prec>g" does in the C locale, into buf (at least
 * 32 bytes), several times faster; false (buf untouched) for the cases it
 * leaves to printf: zero, non-finite, extreme exponents, near-ties. */
bool cl_format_g(char *buf, size_t size, double v, int prec);
/* The time SOURCE_DATE_EPOCH sets (reproducible builds): true and *epoch
 * its seconds since 1970-01-01T00:00:00Z when it holds only decimal digits
 * and names a second up to 9999-12-31T23:59:59Z; false (*epoch untouched)
 * when it is unset, empty or anything else.  Every date clout writes into
 * a file (the PDF creation date, a report's provenance) reads it here. */
bool cl_source_date(gint64 *epoch);

/* The 2.5th and 97.5th percentiles (linear interpolation, R's type 7) of
 * the finite values among v[0], v[stride], ..., v[(n - 1) * stride]; NAN
 * when there are none. */
void cl_interval95(const double *v, int n, size_t stride, double *lo, double *hi);

/* Like with like: the relations (or groups) that either snapshot has no
 * data for, left out of both (a->exclude = b->exclude = *left_out, which
 * the caller frees), with a warning naming them. */
void cl_like_with_like(const clout_dataset_t *da, clout_snapshot_opts_t *a,
                       const clout_dataset_t *db, clout_snapshot_opts_t *b, char ***left_out,
                       clout_error_t *err);

/* Jackknife units for the BCa acceleration: n units, sorted by stratum
 * (a resampled relation); unit u belongs to stratum[u]. */
typedef struct {
    int n;
    int *stratum;
} cl_jackknife_t;

/* A bootstrap interval and what it rests on. */
typedef struct {
    double lo, hi;     /* NAN when none */
    int used, dropped; /* replicates with a finite value, and without */
    const char *flag;  /* "", "degenerate", "excludes_estimate" or "bca_undefined" */
} cl_interval_t;

/* The 95% interval of the finite values among v[0], v[stride], ...,
 * v[(n - 1) * stride] around estimate: percentile (type 7), or BCa with
 * the acceleration from the jackknife values jv[u * jstride] of the units
 * of jk (no jackknife: acceleration 0).  See doc/methods.md. */
void cl_boot_interval(const double *v, int n, size_t stride, double estimate,
                      clout_interval_method_t method, const cl_jackknife_t *jk, const double *jv,
                      size_t jstride, cl_interval_t *out);

/* igraph's shuffles and samples draw from its default generator, which is
 * global.  A scope makes a private PCG32 generator seeded with seed the
 * default until cl_rng_scope_end, which gives the caller's back: the
 * draws depend on seed alone, and the caller's stream is left as it was. */
typedef struct {
    igraph_rng_t rng, saved;
} cl_rng_scope_t;
igraph_error_t cl_rng_scope_begin(cl_rng_scope_t *sc, unsigned long seed);
void cl_rng_scope_end(cl_rng_scope_t *sc);

/* PRPACK, igraph's PageRank solver, sums under OpenMP in an order that
 * changes with the thread schedule, so the same PageRank differed in the
 * 12th digit from run to run.  Around each PageRank call the library sets
 * OpenMP's thread count to one (begin returns the caller's count) and then
 * restores it (end), so that PageRank repeats byte for byte for every
 * caller, whatever its OMP_NUM_THREADS.  Both do nothing when the process
 * has no OpenMP. */
int cl_openmp_serial_begin(void);
void cl_openmp_serial_end(int saved);

/* ---- "unknown X" (util.c) ---- */
/* The name of valid (NULL-terminated) closest to name by edit distance, when
 * it is close enough to be a typo; else NULL. */
const char *cl_closest(const char *name, char *const *valid);
/* "unknown WHAT 'NAME'; did you mean 'X'? (valid: a, b, c)".  Free it. */
char *cl_unknown(const char *what, const char *name, char *const *valid);

/* ---- LaTeX tables (table-tex.c) ---- */
/* Appends t as a booktabs table (clout_table_write says how). */
void cl_table_write_tex(GString *out, const clout_table_t *t, const clout_write_opts_t *o);

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
} cl_name_slot_t;

typedef struct {
    cl_name_slot_t *slot;
    guint32 mask, n;
} cl_names_t;

void cl_names_init(cl_names_t *x, guint32 expected);
void cl_names_clear(cl_names_t *x);
/* Adds a name that is not in the map yet. */
void cl_names_add(cl_names_t *x, const char *s, int ix);
/* The index of s, or -1.  *last (or NULL), -1 at first, remembers the slot
 * found last and is tried first: sorted files repeat names. */
int cl_names_find(const cl_names_t *x, gint64 *last, const char *s);
/* Asks the processor to fetch the slot where the name of len bytes at s
 * would be: a lookup a row later then finds it in the cache. */
void cl_names_prefetch(const cl_names_t *x, const char *s, size_t len);

/* ---- maps keyed by pairs of actors (snapshot.c, dependence.c) ---- */
/* One 64-bit key for the ordered pair (a, b). */
static inline guint64 cl_pair_key(int a, int b)
{
    return ((guint64)(guint32)a << 32) | (guint32)b;
}

/* Where the probe for a pair key starts in an open-addressing map of mask + 1
 * slots: MurmurHash3's finaliser, since pairs of small ints collide under
 * g_int64_hash's XOR fold. */
static inline guint32 cl_pair_slot(guint64 key, guint32 mask)
{
    guint64 x = key;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return (guint32)x & mask;
}

/* ---- table cells (table.c), for writers that stream rows ---- */
/* A number as table cells show it, into buf (G_ASCII_DTOSTR_BUF_SIZE bytes):
 * whole numbers without a point, others with 12 significant digits (6 when
 * human), "" for NaN, "inf"/"-inf".  Returns buf or a constant. */
const char *cl_number_text(char *buf, double v, bool is_int, bool human);
/* One CSV cell, quoted when a reader would misread it (alone: the only cell
 * of its row).  Every CSV writer of the library writes its cells with it. */
void cl_write_csv_cell(FILE *f, const char *s, bool alone);
/* Appends s to out as a JSON string: quoted, with '"', '\\' and control
 * characters escaped (\n, \r, \t, else \u00XX).  s must be UTF-8. */
void cl_json_string(GString *out, const char *s);

typedef struct {
    int first, last;
    bool ongoing;
} cl_span_t;

/* Gives relation r of ds the coverage first..last, or widens the one it has
 * to take them in (importers: the years of the file read). */
void cl_relation_cover(clout_dataset_t *ds, int r, int first, int last);

/* Widens s by a tie of years start..end (end 0: ongoing, for a state tie). */
void cl_span_add(cl_span_t *s, int start, int end, bool state);

struct clout_dataset {
    char *path;
    GArray *actors;                     /* clout_actor_t */
    GArray *relations;                  /* clout_relation_t */
    GArray *ties;                       /* clout_tie_t */
    GHashTable *actor_ix, *relation_ix; /* name -> index + 1 */
    GStringChunk *strings;
    GSList *more_strings; /* GStringChunk: those of ties.csv read in parts */
    int year_latest;
    /* Per relation: the years of its ties (first start, last start or end)
     * and whether a state tie of it is ongoing (no end). */
    GArray *span;       /* cl_span_t */
    GHashTable *meta;   /* metadata.csv: key -> value (both owned) */
    char *name;         /* the folder's name (never a path) */
    char *title;        /* metadata's title, else name */
    GHashTable *tie_ix; /* keys of ties, built on the first add_tie */
    /* Set by cl_dataset_load_snapshot: only the ties of this snapshot
     * were kept (only_year 0: all ties). */
    int only_year, only_window;
};

/* Loads and checks the whole dataset like clout_dataset_load, but keeps only
 * the ties that can enter the snapshot of year with this flow window (> 0):
 * the memory of one snapshot, not of the whole history.  clout_snapshot
 * refuses any other year or window on the result. */
clout_status_t cl_dataset_load_snapshot(clout_dataset_t **out, const char *dir, int year,
                                        int window, clout_error_t *err);

/* The type of a vertex or edge attribute (IGRAPH_ATTRIBUTE_UNSPECIFIED when
 * the graph has none of that name). */
clout_status_t cl_attr_type(const igraph_t *g, igraph_attribute_elemtype_t elem, const char *name,
                            igraph_attribute_type_t *type, clout_error_t *err);

/* The attribute accessors tolerate missing attributes. */
const char *cl_vstr(const igraph_t *g, const char *attr, igraph_integer_t v);
const char *cl_estr(const igraph_t *g, const char *attr, igraph_integer_t e);
double cl_enum(const igraph_t *g, const char *attr, igraph_integer_t e, double dflt);

/* Translates the last igraph error code into err. */
clout_status_t cl_igraph_error(clout_error_t *err, igraph_error_t code, const char *what);

/* Runs an igraph call; when it fails, records the reason in err through
 * cl_igraph_error (what: the step, as messages name it), sets st to the
 * status and jumps to the function's `out:` label, which releases
 * everything.  The function must have `clout_error_t *err`,
 * `clout_status_t st` and that label, and everything released at `out:`
 * must be released safely before its first use (igraph vectors zeroed,
 * pointers NULL):
 *
 *     CLOUT_IGRAPH_TRY(igraph_vector_int_init(&inc, 0), "incident edges");
 *
 * Unlike IGRAPH_CHECK it does not pass through igraph's error handler
 * again, so the reason igraph gave is the one recorded. */
#define CLOUT_IGRAPH_TRY(call, what)                                                               \
    do {                                                                                           \
        igraph_error_t clout_try_code_ = (call);                                                   \
        if (G_UNLIKELY(clout_try_code_ != IGRAPH_SUCCESS)) {                                       \
            st = cl_igraph_error(err, clout_try_code_, (what));                                    \
            goto out;                                                                              \
        }                                                                                          \
    } while (0)

/* Releases a string vector that igraph_strvector_init made, and does
 * nothing to a zeroed one (igraph's destroy asserts on it): cleanup code
 * after CLOUT_IGRAPH_TRY. */
void cl_strvector_release(igraph_strvector_t *sv);

/* g_autoptr() for clout's own types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(clout_error_t, clout_error_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(clout_network_t, clout_network_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(clout_table_t, clout_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(clout_dataset_t, clout_dataset_free)

clout_network_t *cl_network_new(const char *source);

/* ---- network formats (netio.c, netio-gexf.c, netio-matrix.c) ---- */

/* XML text, escaped for an attribute or an element (netio.c). */
void cl_xml_text(FILE *f, const char *s);
/* A number as the shortest text that reads back the same, '.' decimal. */
void cl_num_text(FILE *f, double v);
/* The readers: each fills net->graph with the file's nodes, edges and
 * attributes (ids as the vertex attribute "id"). */
clout_status_t cl_read_gexf(clout_network_t *net, const char *path, clout_error_t *err);
clout_status_t cl_read_pajek(clout_network_t *net, const char *path, clout_error_t *err);
clout_status_t cl_read_matrix(clout_network_t *net, const char *path, bool directed,
                              clout_error_t *err);
/* A whitespace-separated edge list (netio-text.c): "source target
 * [weight]" lines, '#' and '%' comment lines; o gives --unweighted. */
clout_status_t cl_read_text_edgelist(clout_network_t *net, const char *path,
                                     const clout_snapshot_opts_t *o, clout_error_t *err);
/* An edge list as it is read (netio.c): the ids in order of first
 * appearance, found through ix (last: the slot each end found last), the
 * edges as pairs of their indices, and the weights. */
typedef struct {
    cl_names_t ix;
    GPtrArray *ids; /* owned strings */
    igraph_vector_int_t ev;
    igraph_vector_t wv;
    gint64 last[2];
} cl_edgelist_t;
clout_status_t cl_edgelist_init(cl_edgelist_t *el, const char *path, clout_error_t *err);
void cl_edgelist_clear(cl_edgelist_t *el);
/* Appends end k (0 source, 1 target) of an edge: the index of id, a new
 * one when id is new (more than CLOUT_MAX_ACTORS: bad data at line:col). */
clout_status_t cl_edgelist_end(cl_edgelist_t *el, int k, const char *id, const char *path,
                               long line, long col, clout_error_t *err);
/* Appends the weight of the edge whose ends were appended last (more than
 * CLOUT_MAX_TIES edges: bad data at line). */
clout_status_t cl_edgelist_weight(cl_edgelist_t *el, double w, const char *path, long line,
                                  clout_error_t *err);
/* The graph of el, with the vertex attribute "id" and the edge attribute
 * "weight". */
clout_status_t cl_edgelist_graph(clout_network_t *net, const cl_edgelist_t *el, bool directed,
                                 const char *path, clout_error_t *err);
/* True when the first record of the CSV at path begins with an empty cell:
 * an adjacency matrix, not an edge list. */
bool cl_csv_is_matrix(const char *path);
/* Where libxml2 finds an XML file broken (netio-attrs.c): its first fatal
 * error, kept by cl_xml_first_error (an xmlStructuredErrorFunc whose data
 * is a cl_xml_error_t), reported by cl_xml_error_report as bad data at that
 * line and column ("not well-formed XML: ..."). */
struct _xmlError;
typedef struct {
    bool seen;
    long line, col;
    char msg[256];
} cl_xml_error_t;
void cl_xml_first_error(void *data, struct _xmlError *e);
clout_status_t cl_xml_error_report(const cl_xml_error_t *x, const char *path, clout_error_t *err);
/* The column of the tag of the nth (from 0) element called name (any
 * namespace prefix) on line of the file at path; 0 when it is not there:
 * libxml2 keeps the line of an element, not its column. */
long cl_xml_tag_col(const char *path, long line, const char *name, int nth);
/* GraphML (netio-attrs.c): refuses hyperedges, nested graphs (yEd group
 * nodes) and second graphs, which igraph's reader drops without a word,
 * and a file that is not well-formed, naming the line and column; *types receives the file's key types for
 * cl_graphml_keep_types (free with g_free). */
clout_status_t cl_graphml_scan(const char *path, char **types, clout_error_t *err);
/* Keeps the key types with the graph, so that a GraphML written from it
 * declares int, long, float, double, boolean and string as the file did. */
clout_status_t cl_graphml_keep_types(igraph_t *g, const char *types, const char *path,
                                     clout_error_t *err);
/* The vertex (or edge) attributes of g that are not clout's own, with
 * their igraph types (int): what the writers carry through. */
void cl_extra_attrs(const igraph_t *g, bool vertex, GPtrArray *names, GArray *types);
/* GraphML <key>s of those attributes (ids v0.., e0..), and the <data> of
 * vertex or edge i. */
void cl_graphml_extra_keys(const igraph_t *g, FILE *f, GPtrArray *vn, GArray *vt, GPtrArray *en,
                           GArray *et);
/* The extra attributes of a graph for a writer, vertex and edge ones. */
typedef struct {
    const igraph_t *g;
    GPtrArray *vn, *en; /* names (owned) */
    GArray *vt, *et;    /* their igraph types, int */
} cl_extras_t;
void cl_extras_init(cl_extras_t *x, const igraph_t *g);
void cl_extras_clear(cl_extras_t *x);
/* Every value of vertex or edge i as XML text between open (a printf
 * format of the key's class letter 'v' or 'e' and index) and close. */
void cl_extra_values_xml(const cl_extras_t *x, FILE *f, bool vertex, igraph_integer_t i,
                         const char *open, const char *close);
/* The GraphML type ("int", ..., "string") of an attribute: the file's, else
 * from igraph's type t. */
const char *cl_attr_decl_type(const igraph_t *g, bool vertex, const char *name,
                              igraph_attribute_type_t t);
/* GEXF <attribute>s of those attributes, and the <attvalue>s of vertex or
 * edge i. */
void cl_gexf_extra_decls(const igraph_t *g, FILE *f, bool vertex, GPtrArray *names, GArray *types);
/* The writers. */
void cl_write_gexf(const igraph_t *g, const char *source, FILE *f);
clout_status_t cl_write_matrix(const igraph_t *g, FILE *f, clout_error_t *err);
/* "source target weight" lines after a '#' line that says so; an id that
 * such a line cannot hold (empty, holding a space or a tab, starting with
 * '#' or '%') is a usage error (write a CSV instead), found before any
 * byte is written. */
clout_status_t cl_write_text_edgelist(const igraph_t *g, FILE *f, clout_error_t *err);
/* The ids of g's nodes (its "id" attribute, "" where missing) and the
 * weights of its edges in edge order (1 where missing), each looked up
 * once, for the edge-list writers; ids and w are initialised here and the
 * caller destroys them, also after an error. */
clout_status_t cl_edge_ends(const igraph_t *g, igraph_strvector_t *ids, igraph_vector_t *w,
                            clout_error_t *err);

/* clout_snapshot over a given array of ties of ds (a bootstrap replicate). */
clout_status_t cl_snapshot_of_ties(clout_network_t **out, const clout_dataset_t *ds,
                                   const clout_tie_t *ties, long n_ties,
                                   const clout_snapshot_opts_t *o, clout_error_t *err);

/* ---- dependence (dependence.c): the units a snapshot is made of ---- */

/* How a relation's source covers a snapshot: every year of the window (a
 * state relation: the year), some of them, none but a recent end carried
 * forward (--carry-forward), or none ("no data"). */
typedef enum { CL_COVER_FULL = 0, CL_COVER_PARTIAL, CL_COVER_CARRIED, CL_COVER_NONE } cl_cover_t;

typedef struct {
    int relation;
    cl_cover_t cover;
    int first, last; /* the years whose ties count (a state relation: last alone) */
} cl_member_t;

/* A group of relations that count once, or a relation alone. */
typedef struct {
    const char *name; /* the group's, else the relation's */
    const char *layer;
    double weight;
    clout_mode_t mode;
    clout_scale_t scale;
    bool directed; /* some member is */
    cl_member_t *member;
    int n_member;
    cl_cover_t cover; /* the best of its members' */
} cl_unit_t;

/* dst's dependence on src through one unit: a strength in (0, 1]. */
typedef struct {
    int unit, src, dst; /* actor indices of the dataset */
    double strength;
} cl_dep_t;

typedef struct {
    int year, window;
    int n_units;
    cl_unit_t *units;
    GArray *deps; /* cl_dep_t, sorted by unit, dst, src */
    /* Shares: per unit and actor (units x actors), what the actor's shares
     * are of: 'w' its total with the world (ties with WORLD), 'd' the sum
     * over the dataset's actors, 0 when it has none. */
    char *denominator;
} cl_deps_t;

/* The years relation r counts in the snapshot of year (window years for
 * flows and events), and how its source covers them. */
cl_cover_t cl_member_years(const clout_dataset_t *ds, int r, int year, int window,
                           int carry_forward, int *first, int *last);
/* The dependences of a snapshot from the given ties (doc/methods.md): the
 * selected relations grouped into units, each tie's amount in its years,
 * directions by counts, scaled, a group's largest per pair. */
clout_status_t cl_deps_compute(const clout_dataset_t *ds, const clout_tie_t *ties, long nt,
                               const clout_snapshot_opts_t *o, int year, cl_deps_t *d,
                               clout_error_t *err);
void cl_deps_release(cl_deps_t *d);

/* Whether a tie counts in the snapshot of year (flows: in the window). */
bool cl_tie_in_snapshot(const clout_dataset_t *ds, const clout_tie_t *t, int year, int window);

/* ---- snapshots and diffs, inside the library ---- */
/* The relations (or groups) whose sources do not cover the snapshot of
 * year: "no data" there.  NULL-terminated; free with g_strfreev. */
char **cl_snapshot_not_covered(const clout_dataset_t *ds, int year, const clout_snapshot_opts_t *o);
/* CLOUT_EDATA, naming the years the sources cover, when no selected
 * relation covers year (with o->carry_forward). */
clout_status_t cl_snapshot_check_year(const clout_dataset_t *ds, int year,
                                      const clout_snapshot_opts_t *o, clout_error_t *err);
/* The QAP correlation of two networks (diff.c; clout_diff_summary's, and
 * the tests'): Pearson r of the off-diagonal cells of the two adjacency
 * matrices over the union of actors (upper triangle for undirected
 * networks), and p = (1 + #{|r_perm| >= |r|}) / (1 + permutations), B's
 * actors permuted. */
clout_status_t cl_qap(const clout_network_t *a, const clout_network_t *b, double *r, double *p,
                      int permutations, unsigned long seed, clout_error_t *err);

/* ---- colours ---- */
/* clout_color_parse for colours written in the code ("#rrggbb" constants):
 * invalid input is a bug, which shows as opaque magenta (#ff00ff), a colour
 * no palette of clout's uses, never as a plausible black.  Colours from
 * users go through clout_color_parse. */
clout_rgba_t cl_color_hex(const char *hex);

#endif
