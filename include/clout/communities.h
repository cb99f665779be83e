/* clout/communities.h: community detection (part of the public API, see clout.h). */
#ifndef CLOUT_COMMUNITIES_H
#define CLOUT_COMMUNITIES_H

#include <clout/network.h>
#include <clout/table.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Communities (communities.c) ---- */

/* The community detection methods (igraph's). */
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

/* How clout_communities detects; clout_community_opts_init gives the
 * defaults. */
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

/* The default gain in quality below which Leiden stops iterating. */
#define CLOUT_LEIDEN_TOLERANCE 1e-4

/* The defaults: Leiden on modularity, resolution 1, one run, seed 1,
 * tolerance CLOUT_LEIDEN_TOLERANCE. */
void clout_community_opts_init(clout_community_opts_t *o);

/* A partition of a network's actors; filled by clout_communities, whose
 * caller destroys it with clout_partition_destroy. */
typedef struct {
    igraph_vector_int_t membership; /* community of each vertex, 0-based, by size */
    igraph_vector_t stability;      /* share of runs agreeing with the consensus */
    double modularity;              /* of membership, on the weighted network */
    int runs;
} clout_partition_t;

/* Detects the communities of net: opts->runs runs of opts->method (seeds
 * seed..seed+runs-1) combined by consensus into *out, which the caller
 * destroys with clout_partition_destroy (untouched on failure).  Errors:
 * CLOUT_EUSAGE for impossible options (runs below 1, a method that needs
 * an undirected network); CLOUT_EDATA for negative weights.  Time: runs
 * times the method's (Leiden: about linear in the ties), plus O(runs n^2)
 * for the consensus of n actors. */
clout_status_t clout_communities(const clout_network_t *net, clout_partition_t *out,
                                 const clout_community_opts_t *opts, clout_error_t *err);
/* Frees the vectors of p (not p itself). */
void clout_partition_destroy(clout_partition_t *p);

/* The output tables of a partition: "communities" (id, name, community,
 * stability) and "summary" (method, resolution, runs, communities,
 * modularity and, when compare_path names a CSV with columns id and
 * community, nmi, vi, ari, split_join_a, split_join_b against it; NULL:
 * none).  The caller frees *members and *summary.  Errors: CLOUT_EDATA,
 * with file, line and column, for a bad compare file. */
clout_status_t clout_partition_tables(const clout_network_t *net, const clout_partition_t *p,
                                      clout_table_t **members, clout_table_t **summary,
                                      const clout_community_opts_t *opts, const char *compare_path,
                                      clout_error_t *err);

/* NMI, VI, ARI and the two split-join distances of two partitions. */
typedef struct {
    double nmi, vi, ari;
    igraph_integer_t split_join_a, split_join_b;
} clout_partition_distance_t;
/* Compares two memberships of the same actors (igraph_compare_communities)
 * into *out.  Errors: CLOUT_EUSAGE when their lengths differ.  Time: linear
 * in the number of actors. */
clout_status_t clout_partition_compare(const igraph_vector_int_t *a, const igraph_vector_int_t *b,
                                       clout_partition_distance_t *out, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
