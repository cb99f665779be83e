/* clout/measures.h: centrality measures (part of the public API, see clout.h). */
#ifndef CLOUT_MEASURES_H
#define CLOUT_MEASURES_H

#include <clout/network.h>
#include <clout/table.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Centrality (measures.c) ---- */

/* How a tie's strength (larger = closer) becomes a path length for the
 * measures that walk shortest paths (betweenness, closeness, harmonic). */
typedef enum {
    CLOUT_DIST_INVERSE = 0, /* 1 / w: the default for strengths */
    CLOUT_DIST_LOG,         /* -log w, for weights in (0, 1] */
    CLOUT_DIST_NONE         /* the weights are lengths already */
} clout_distance_t;

/* What clout_measures computes; clout_measure_opts_init gives the
 * defaults.  The strings are the caller's. */
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

/* The centrality measures of net: *out receives a table "measures" with one
 * row per actor: id, name, kind, role, then one column per measure (and,
 * with opts->groups on a directed network, the five Gould-Fernandez
 * brokerage roles).  The caller frees *out (NULL on failure).  Errors:
 * CLOUT_EDATA for weights of zero or below; CLOUT_EUSAGE for an unknown
 * measure or impossible options (a cutoff with sampling, groups that are
 * not a vertex attribute).  Time: that of igraph's algorithms, dominated by
 * the shortest-path measures, O(n m + n^2 log n) for n actors and m ties
 * (O(sample m ...) with opts->sample). */
clout_status_t clout_measures(const clout_network_t *net, clout_table_t **out,
                              const clout_measure_opts_t *opts, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
