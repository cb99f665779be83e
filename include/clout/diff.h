/* clout/diff.h: comparing two networks or snapshots (part of the public API, see clout.h). */
#ifndef CLOUT_DIFF_H
#define CLOUT_DIFF_H

#include <clout/measures.h>
#include <clout/communities.h>
#include <clout/influence.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Comparing two networks (diff.c) ---- */

/* How two networks are compared; clout_diff_opts_init gives the defaults. */
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

/* The functions below compare network (or snapshot) a with b and return
 * new tables that the caller frees (NULL on failure); actors are matched
 * by id.  Errors: CLOUT_EUSAGE when a is directed and b is not (or the
 * reverse), and those of the analyses they run.
 *
 * "ties": added, removed and reweighted ties (source, target, change,
 * layer_a, layer_b, weight_a, weight_b, delta).  Time: linear in the ties. */
clout_status_t clout_diff_ties(const clout_network_t *a, const clout_network_t *b,
                               clout_table_t **out, clout_error_t *err);
/* "measures": per actor and measure: value and rank in A and B, their
 * deltas (rank 1 = the highest value; ties share the mean rank).  Time: that of clout_measures, twice. */
clout_status_t clout_diff_measures(const clout_network_t *a, const clout_network_t *b,
                                   clout_table_t **out, const clout_diff_opts_t *o,
                                   clout_error_t *err);
/* "partitions" (nmi, vi, ari, split-join over the actors in both) and
 * "moved" (the actors whose community changed, communities matched by
 * largest overlap).  Time: that of clout_communities, twice. */
clout_status_t clout_diff_communities(const clout_network_t *a, const clout_network_t *b,
                                      clout_table_t **partitions, clout_table_t **moved,
                                      const clout_diff_opts_t *o, clout_error_t *err);
/* "influence": per focus actor and layer: balance in A and B, the delta, its
 * 95% interval and the share of replicates that agree on its sign.  Like
 * with like (unless o->all_relations): the relations that either snapshot
 * has no data for are left out of both, named in the column left_out and in
 * a warning.  The years are sa->year and sb->year (CLOUT_NO_YEAR: each
 * dataset's default year).  Time: that of clout_influence_balance_samples,
 * twice. */
clout_status_t clout_diff_influence(const clout_dataset_t *da, const clout_dataset_t *db,
                                    clout_table_t **out, const clout_snapshot_opts_t *sa,
                                    const clout_snapshot_opts_t *sb, const clout_diff_opts_t *o,
                                    clout_error_t *err);
/* "summary": actors, edges, density and modularity in A and B, tie turnover
 * (Jaccard of the tie sets), and the correlation of the two weighted
 * adjacency matrices with its QAP permutation p-value.  Time:
 * O(o->permutations n^2) for n actors, plus two community runs. */
clout_status_t clout_diff_summary(const clout_network_t *a, const clout_network_t *b,
                                  clout_table_t **out, const clout_diff_opts_t *o,
                                  clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
