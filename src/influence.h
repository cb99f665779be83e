/* influence.h: what the parts of clout_influence share (influence.c: the plan, brokerage,
 * alignment and tables; influence-model.c: direct share and reach from a snapshot's
 * dependences).  Not installed. */
#ifndef CL_INFLUENCE_INTERNAL_H
#define CL_INFLUENCE_INTERNAL_H

#include "internal.h"

/* What one analysis needs to know: the actors and layers, by index. */
typedef struct {
    const clout_dataset_t *ds;
    clout_snapshot_opts_t snap; /* the year fixed */
    int n_poles, n_focus, n_layers;
    int *pole, *focus; /* dataset actor indices */
    int *pole_of;      /* [actor]: its pole index, or -1 */
    char **layers;     /* layer names; the last is "all" */
} plan_t;

/* The indices of one replicate (or of the data themselves). */
typedef struct {
    double *direct; /* [layer][focus][pole + 1]: the last is "other" */
    double *reach;  /* [layer][focus][pole] */
} indices_t;

#define DIRECT(pl, x, l, f, p)                                                                     \
    ((x)->direct[((size_t)(l) * (pl)->n_focus + (f)) * ((pl)->n_poles + 1) + (p)])
#define REACH(pl, x, l, f, p)                                                                      \
    ((x)->reach[((size_t)(l) * (pl)->n_focus + (f)) * (pl)->n_poles + (p)])

/* Direct share D and reach R of every layer, focus actor and pole from a
 * snapshot's dependences (doc/methods.md, "Influence"); NAN where the focus
 * actor depends on nobody in the layer. */
void cl_model_indices(const plan_t *pl, const cl_deps_t *d, indices_t *x);

/* The units of layer l (the last: all) whose sources do not cover the
 * window ("no data"), cover it in part, or are carried forward, as
 * ';'-joined names ("" for none).  The caller frees the string. */
char *cl_model_coverage(const plan_t *pl, const cl_deps_t *d, int l, cl_cover_t which);

/* What focus actor f's shares in layer l are shares of: "world" (its
 * totals with the world), "dataset" (the sum over the dataset's actors),
 * "mixed", or "" when no share unit of the layer touches it. */
const char *cl_model_denominator(const plan_t *pl, const cl_deps_t *d, int l, int f);

/* The "contributions" table: for each focus actor, layer, unit and pole (and
 * "other"), the unit's part of the layer (its weight over the weights of
 * the units the focus actor has), the pole's share within the unit, and
 * their product, which summed over the units is the direct share. */
clout_table_t *cl_model_contributions(const plan_t *pl, const cl_deps_t *d);

#endif
