/* fuzz-import.h: the body of the importer targets (SIPRI, COW, ATOP). */
#ifndef CLOUT_FUZZ_IMPORT_H
#define CLOUT_FUZZ_IMPORT_H

#include "fuzz.h"

/* Imports the input as one file of source into a new dataset, then takes the
 * snapshot of its latest year, as `clout import` followed by any command. */
static void fuzz_import(const char *source, const char *ext, const uint8_t *data, size_t size,
                        const clout_import_opts_t *opts)
{
    static char *path;
    if (!path) {
        char *name = g_strconcat("input", ext, NULL);
        path = fuzz_path(name);
        g_free(name);
    }
    fuzz_write(path, data, size);
    clout_dataset_t *ds = clout_dataset_new(fuzz_dir());
    clout_error_t *err = clout_error_new(0);
    clout_table_t *report = NULL;
    char *files[] = {path};
    clout_status_t st = clout_import(ds, source, files, 1, &report, opts, err);
    fuzz_check_failed(st, err);
    FUZZ_CHECK((st == CLOUT_OK) == (report != NULL), "status %d, report %p", (int)st,
               (void *)report);
    if (report) {
        clout_tables_write(&report, 1, fuzz_null(), CLOUT_FMT_CSV, err);
        clout_table_free(report);
    }
    /* Every tie names actors and a relation of the dataset, in year order. */
    for (long i = 0; i < clout_dataset_n_ties(ds); i++) {
        const clout_tie_t *t = clout_dataset_tie(ds, i);
        FUZZ_CHECK(t->source >= 0 && t->source < clout_dataset_n_actors(ds) && t->target >= 0 &&
                       t->target < clout_dataset_n_actors(ds) && t->relation >= 0 &&
                       t->relation < clout_dataset_n_relations(ds),
                   "tie %ld points outside the dataset", i);
        FUZZ_CHECK(t->start >= CLOUT_YEAR_MIN && t->start <= CLOUT_YEAR_MAX &&
                       (t->end == CLOUT_NO_YEAR || t->end >= t->start),
                   "tie %ld spans %d..%d", i, t->start, t->end);
        FUZZ_CHECK(isfinite(t->value) && t->value >= 0, "tie %ld has value %g", i, t->value);
    }
    if (st == CLOUT_OK && clout_dataset_n_ties(ds) > 0) {
        clout_snapshot_opts_t o = {0};
        clout_network_t *net = NULL;
        clout_error_clear(err);
        st = clout_snapshot(ds, &net, &o, err);
        fuzz_check_failed(st, err);
        clout_network_free(net);
    }
    clout_error_free(err);
    clout_dataset_free(ds);
}

#endif
