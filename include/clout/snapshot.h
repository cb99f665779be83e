/* clout/snapshot.h: snapshots: the network of a dataset at a year (part of the public API, see clout.h). */
#ifndef CLOUT_SNAPSHOT_H
#define CLOUT_SNAPSHOT_H

#include <clout/network.h>
#include <clout/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/* How a snapshot is made from a dataset; clout_snapshot_opts_init gives
 * the defaults.  The lists are the caller's. */
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

/* Years of flows summed into a snapshot by default. */
#define CLOUT_DEFAULT_WINDOW 5

/* The defaults: the dataset's latest year, a window of CLOUT_DEFAULT_WINDOW
 * (5) years, every layer and relation, undirected edge lists.  Every
 * options struct of this API has such an init function, the one place its
 * defaults are written; start from it and change what you need. */
void clout_snapshot_opts_init(clout_snapshot_opts_t *o);

/* Builds the network of dataset ds at opts->year (doc/methods.md): every
 * actor but WORLD, and one edge per pair that some selected relation ties
 * in the snapshot, weighted by its strengths.  The caller owns *out (NULL
 * on failure) and frees it with clout_network_free().  Errors: CLOUT_EUSAGE
 * for an unknown name in opts->layers, opts->relations or opts->exclude;
 * CLOUT_EDATA when no selected relation covers the year.  Time: linear in
 * the number of ties. */
clout_status_t clout_snapshot(const clout_dataset_t *ds, clout_network_t **out,
                              const clout_snapshot_opts_t *opts, clout_error_t *err);

/* The year a snapshot takes when none is named: the latest year that every
 * selected flow relation's source covers (the dataset's latest year when it
 * has no flows), so that no amount is extrapolated. */
int clout_snapshot_default_year(const clout_dataset_t *ds, const clout_snapshot_opts_t *o);
/* Like with like, for the n snapshots of years: o->exclude plus every relation (or group) that some of
 * the n years has no data for, to leave out of all of them so that they
 * compare the same relations.  NULL-terminated; free with g_strfreev. */
char **clout_snapshots_like_with_like(const clout_dataset_t *ds, const int *years, int n,
                                      const clout_snapshot_opts_t *o);

/* Opens any INPUT of the command line: "DIR@YEAR", a dataset folder, or a
 * network file.  *ds_out (may be NULL) receives the dataset when there is
 * one, else NULL.  opts->year is overridden by an @YEAR suffix.  The caller
 * owns *out and *ds_out.  Errors: those of clout_dataset_load,
 * clout_snapshot and clout_network_read. */
clout_status_t clout_input_open(clout_network_t **out, clout_dataset_t **ds_out, const char *input,
                                const clout_snapshot_opts_t *opts, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
