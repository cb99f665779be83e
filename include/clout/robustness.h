/* clout/robustness.h: how the balance moves under other reasonable choices (part of the public API, see clout.h). */
#ifndef CLOUT_ROBUSTNESS_H
#define CLOUT_ROBUSTNESS_H

#include <clout/influence.h>

#ifdef __cplusplus
extern "C" {
#endif

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

/* The balance of every focus actor and layer of the snapshot snap of ds
 * under each variant: each relation with data left out, each source
 * (relations.csv's `source`) of two relations or more left out, each
 * relation's weight halved and doubled, each flow or event relation under
 * the other scales (share, log, max), windows of 3, 5 and 7 years, and the
 * ties' alternative values where the dataset has them.  *summary
 * ("robustness"): per focus actor and layer the estimate, the min and max
 * over the variants, the variant that moves it most and by how much, the
 * share of variants with the estimate's sign and whether the sign holds in
 * all; with a bootstrap, its interval and the share of replicates with the
 * sign; and the finding (robust, fragile, not supported).  *variants
 * ("variants"): every variant's value.  The caller frees both.  Errors:
 * those of clout_influence.  Cost: one snapshot per variant (about 5 per
 * relation), plus the bootstrap. */
clout_status_t clout_robustness(const clout_dataset_t *ds, clout_table_t **summary,
                                clout_table_t **variants, const clout_snapshot_opts_t *snap,
                                const clout_robustness_opts_t *opts, clout_error_t *err);

/* The same for the change of each balance from snapshot sa of da to
 * snapshot sb of db (column delta), every variant applied to both, like
 * with like (relations without data in either left out of both) unless
 * opts->all_relations.  The caller frees *summary and *variants.  Errors:
 * those of clout_influence.  Cost: twice that of clout_robustness. */
clout_status_t clout_robustness_diff(const clout_dataset_t *da, const clout_dataset_t *db,
                                     clout_table_t **summary, clout_table_t **variants,
                                     const clout_snapshot_opts_t *sa,
                                     const clout_snapshot_opts_t *sb,
                                     const clout_robustness_opts_t *opts, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
