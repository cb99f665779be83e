/* fuzz-dataset.c: libFuzzer target for the dataset loader, snapshots and the dataset writer. */
#include <config.h>

#include "fuzz.h"

/* The input holds the three files, separated by NUL bytes (which no CSV
 * file may contain, so nothing is lost):
 *     actors.csv NUL relations.csv NUL ties.csv
 * A file with no part (fewer than two NULs) is missing from the folder. */
static const char *const FILES[] = {"actors.csv", "relations.csv", "ties.csv"};

static char *ds_dir, *out_dir;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    clout_init();
    ds_dir = fuzz_path("ds");
    out_dir = fuzz_path("out");
    g_mkdir_with_parents(ds_dir, 0700);
    return 0;
}

static void snapshot_and_write(const clout_dataset_t *ds, const clout_snapshot_opts_t *o)
{
    clout_network_t *net = NULL;
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_snapshot(ds, &net, o, err);
    fuzz_check_failed(st, err);
    FUZZ_CHECK((st == CLOUT_OK) == (net != NULL), "status %d, network %p", (int)st, (void *)net);
    if (net) {
        FUZZ_CHECK(igraph_vcount(&net->graph) <= clout_dataset_n_actors(ds),
                   "more vertices than actors");
        fuzz_write_network(net);
        clout_table_t **tables = NULL;
        int n = 0;
        if (clout_info(net, ds, &tables, &n, err) == CLOUT_OK) {
            for (int i = 0; i < n; i++)
                clout_table_free(tables[i]);
            g_free(tables);
        }
        clout_network_free(net);
    }
    clout_error_free(err);
}

/* What clout writes, clout reads back: the same actors, relations and ties. */
static void round_trip(const clout_dataset_t *ds)
{
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_dataset_write(ds, out_dir, err);
    FUZZ_CHECK(st == CLOUT_OK, "cannot write the dataset: %s", clout_error_message(err, 0));
    clout_dataset_t *back = NULL;
    st = clout_dataset_load(&back, out_dir, err);
    FUZZ_CHECK(st == CLOUT_OK, "a dataset clout wrote does not load: %s",
               clout_error_message(err, 0));
    FUZZ_CHECK(clout_dataset_n_actors(back) == clout_dataset_n_actors(ds) &&
                   clout_dataset_n_relations(back) == clout_dataset_n_relations(ds) &&
                   clout_dataset_n_ties(back) == clout_dataset_n_ties(ds),
               "written and read back: %d/%d/%ld actors/relations/ties, was %d/%d/%ld",
               clout_dataset_n_actors(back), clout_dataset_n_relations(back),
               clout_dataset_n_ties(back), clout_dataset_n_actors(ds),
               clout_dataset_n_relations(ds), clout_dataset_n_ties(ds));
    for (int i = 0; i < clout_dataset_n_actors(ds); i++) {
        const clout_actor_t *a = clout_dataset_actor(ds, i);
        int j = clout_dataset_find_actor(back, a->id);
        FUZZ_CHECK(j >= 0, "actor '%s' lost", a->id);
        const clout_actor_t *b = clout_dataset_actor(back, j);
        FUZZ_CHECK(strcmp(a->name, b->name) == 0 && strcmp(a->kind, b->kind) == 0 &&
                       a->role == b->role && a->n_lead == b->n_lead && a->start == b->start &&
                       a->end == b->end,
                   "actor '%s' changed", a->id);
    }
    clout_dataset_free(back);
    clout_error_free(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *p = data, *end = data + size;
    for (int k = 0; k < 3; k++) {
        char *path = g_build_filename(ds_dir, FILES[k], NULL);
        if (!p) {
            g_unlink(path);
        } else {
            const uint8_t *nul = k < 2 ? memchr(p, 0, (size_t)(end - p)) : NULL;
            const uint8_t *stop = nul ? nul : end;
            fuzz_write(path, p, (size_t)(stop - p));
            p = nul ? nul + 1 : NULL;
        }
        g_free(path);
    }

    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds = NULL;
    clout_status_t st = clout_dataset_load(&ds, ds_dir, err);
    fuzz_check_failed(st, err);
    FUZZ_CHECK((st == CLOUT_OK) == (ds != NULL), "status %d, dataset %p", (int)st, (void *)ds);
    if (ds) {
        clout_snapshot_opts_t o;
        clout_snapshot_opts_init(&o);
        o.year = clout_dataset_latest_year(ds);
        snapshot_and_write(ds, &o);
        if (clout_dataset_n_ties(ds) > 0 && clout_dataset_n_relations(ds) > 0) {
            /* The first tie's year, one relation and its layer, a one-year window. */
            const clout_relation_t *r =
                clout_dataset_relation(ds, clout_dataset_tie(ds, 0)->relation);
            char *layers[] = {(char *)r->layer, NULL}, *rels[] = {(char *)r->name, NULL};
            o.year = clout_dataset_tie(ds, 0)->start;
            o.window = 1;
            o.layers = layers;
            o.relations = rels;
            snapshot_and_write(ds, &o);
        }
        round_trip(ds);
        clout_dataset_free(ds);
    }
    clout_error_free(err);
    return 0;
}
