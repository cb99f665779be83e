/* clout/dataset.h: datasets: a folder of actors.csv, relations.csv and ties.csv (part of the public API, see clout.h). */
#ifndef CLOUT_DATASET_H
#define CLOUT_DATASET_H

#include <clout/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Datasets: a folder of actors.csv, relations.csv and ties.csv
 * ------------------------------------------------------------------------- */
/* The years a dataset may name, and the value of "no year" (absent, ongoing). */
#define CLOUT_YEAR_MIN 1000
#define CLOUT_YEAR_MAX 2999
#define CLOUT_NO_YEAR 0

/* An actor's role in the influence analysis: a pole that exerts influence
 * (Russia, China), a focus actor that receives it, or neither. */
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

/* An actor: a row of actors.csv.  Its strings are owned by the dataset. */
typedef struct {
    const char *id, *name, *kind;
    clout_role_t role;
    int *lead; /* indices of the lead poles */
    int n_lead;
    double lat, lon;                   /* NAN when absent */
    int start, end;                    /* CLOUT_NO_YEAR when absent */
    const char *start_text, *end_text; /* as written ("2015-08-12"), "" when absent */
} clout_actor_t;

/* A relation: a row of relations.csv, the definition that its ties share.
 * Its strings are owned by the dataset (or, for one made by
 * clout_relation_init, by the caller). */
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

/* A tie: a row of ties.csv.  Its strings are owned by the dataset. */
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

/* A dataset: actors, relations and ties, immutable once loaded (the
 * builders below add to one that is being made).  Opaque. */
typedef struct clout_dataset clout_dataset_t;

/* Loads and validates the dataset in folder dir.  On bad data, every problem
 * found (up to the error object's cap) is recorded with file, line and
 * column and CLOUT_EDATA is returned; *out is then NULL.  The caller owns
 * *out and frees it with clout_dataset_free().  Time: linear in file size. */
clout_status_t clout_dataset_load(clout_dataset_t **out, const char *dir, clout_error_t *err);
/* Frees ds and every actor, relation and tie in it; NULL is allowed. */
void clout_dataset_free(clout_dataset_t *ds);

/* The folder the dataset was loaded from (or the path given to
 * clout_dataset_new), as the messages name it.  Owned by ds. */
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
/* Number of actors, in the order of actors.csv (WORLD included). */
int clout_dataset_n_actors(const clout_dataset_t *ds);
/* Number of relations, in the order of relations.csv. */
int clout_dataset_n_relations(const clout_dataset_t *ds);
/* Number of ties, in the order of ties.csv. */
long clout_dataset_n_ties(const clout_dataset_t *ds);
/* The i-th actor (0 <= i < clout_dataset_n_actors); owned by ds.  O(1). */
const clout_actor_t *clout_dataset_actor(const clout_dataset_t *ds, int i);
/* The i-th relation (0 <= i < clout_dataset_n_relations); owned by ds. */
const clout_relation_t *clout_dataset_relation(const clout_dataset_t *ds, int i);
/* The i-th tie (0 <= i < clout_dataset_n_ties); owned by ds.  O(1). */
const clout_tie_t *clout_dataset_tie(const clout_dataset_t *ds, long i);
/* Index of the actor with this id, or -1.  O(1) (a hash table). */
int clout_dataset_find_actor(const clout_dataset_t *ds, const char *id);
/* Index of the relation with this name, or -1. */
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

/* An empty dataset whose messages will name path (copied).  The caller
 * owns it and frees it with clout_dataset_free(). */
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
/* Adds a tie from actor source to actor target (indices) of relation
 * (an index) unless an identical one (ends, relation, value, years, source)
 * is there already; returns true when it was added.  start and end are
 * years (end CLOUT_NO_YEAR: ongoing), written as years; source_ref and note
 * are copied and may be NULL. */
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

#ifdef __cplusplus
}
#endif
#endif
