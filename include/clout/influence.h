/* clout/influence.h: the influence of poles on focus actors (part of the public API, see clout.h). */
#ifndef CLOUT_INFLUENCE_H
#define CLOUT_INFLUENCE_H

#include <clout/snapshot.h>
#include <clout/table.h>
#include <clout/communities.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Influence (influence.c) ---- */

/* How a bootstrap interval is read from the replicates (doc/methods.md). */
typedef enum {
    CLOUT_INTERVAL_PERCENTILE = 0, /* the 2.5th and 97.5th percentiles */
    CLOUT_INTERVAL_BCA             /* bias-corrected and accelerated (Efron 1987) */
} clout_interval_method_t;

/* How clout_influence measures; clout_influence_opts_init gives the
 * defaults.  The lists are the caller's. */
typedef struct {
    char **poles;                     /* NULL: the actors whose role is pole, in dataset order */
    char **focus;                     /* NULL: the actors whose role is focus */
    int bootstrap;                    /* replicates; 0 = no intervals */
    double noise;                     /* sd of log-normal noise on flow values */
    clout_interval_method_t interval; /* how intervals are read; BCa adds a jackknife */
    int jobs;                         /* processes for the bootstrap: this one and jobs - 1 forked
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

/* The influence tables of the snapshot snap of dataset ds (doc/methods.md):
 * *shares receives "shares" (focus, pole, layer, direct, reach, brokerage,
 * alignment, index, index_lo, index_hi) and *balance "balance" (focus,
 * layer, balance, balance_lo, balance_hi, leading_pole), per layer and
 * over all layers ("all").  The caller frees both (NULL on failure).
 * Errors: CLOUT_EUSAGE for fewer than two poles, an unknown pole or focus
 * id, or impossible options; CLOUT_EDATA when no selected relation covers
 * the year; CLOUT_EFAIL when a bootstrap worker fails.  Time: (1 +
 * opts->bootstrap) snapshots, each linear in the ties plus the alignment's
 * opts->align_runs community runs; the replicates run in opts->jobs
 * processes. */
clout_status_t clout_influence(const clout_dataset_t *ds, clout_table_t **shares,
                               clout_table_t **balance, const clout_snapshot_opts_t *snap,
                               const clout_influence_opts_t *opts, clout_error_t *err);

/* The "contributions" table of a snapshot: for each focus actor, layer,
 * relation (or group) and pole, the relation's part of the layer, the
 * pole's share within it and their product, which summed over the
 * relations is the direct share (doc/methods.md).  The data only, no
 * bootstrap.  The caller frees *out.  Errors: those of clout_influence.
 * Time: linear in the ties. */
clout_status_t clout_influence_contributions(const clout_dataset_t *ds, clout_table_t **out,
                                             const clout_snapshot_opts_t *snap,
                                             const clout_influence_opts_t *opts,
                                             clout_error_t *err);

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
/* Fills *out with the balance samples above; the caller releases it with
 * clout_balance_samples_destroy.  Errors: those of clout_influence.  Time:
 * (1 + opts->bootstrap) snapshots, linear in the ties each. */
clout_status_t clout_influence_balance_samples(const clout_dataset_t *ds,
                                               clout_balance_samples_t *out,
                                               const clout_snapshot_opts_t *snap,
                                               const clout_influence_opts_t *opts,
                                               clout_error_t *err);
/* Frees the arrays of s (not s itself). */
void clout_balance_samples_destroy(clout_balance_samples_t *s);

#ifdef __cplusplus
}
#endif
#endif
