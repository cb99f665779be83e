/* cmd-diff.c: clout diff: what changed between two snapshots or networks, and whether it is noise.
 */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_TABLE,         OPT_PERMUTATIONS, OPT_BOOTSTRAP,     OPT_NOISE,      OPT_INTERVAL,
    OPT_JOBS,          OPT_SEED,         OPT_MEASURES,      OPT_DISTANCE,   OPT_POLES,
    OPT_FOCUS,         OPT_ALL_POLES,    OPT_ALL_RELATIONS, OPT_ROBUSTNESS, OPT_WINDOW,
    OPT_CARRY_FORWARD, OPT_HALF_LIFE,    OPT_LAYERS,        OPT_RELATIONS,  OPT_DIRECTED,
    OPT_WEIGHT,        OPT_MULTI,        OPT_UNWEIGHTED,    OPT_FORMAT,     OPT_SAFE_CSV,
    OPT_OUTPUT,        OPT_QUIET,        OPT_PROGRESS,      OPT_DIGITS,     OPT_RAW_NAMES,
    OPT_CAPTION,       OPT_LABEL,        OPT_HELP,          OPT_NONE};

/* diff --robustness: the change of each balance under every variant. */
static int run_robustness(cli_opts_t *o, char **argv)
{
    static const char *const tables[] = {"robustness", "variants", "influence", NULL};
    if (!cli_check_table(o, tables))
        return 2;
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o), s[2];
    clout_network_t *net[2] = {NULL, NULL};
    clout_dataset_t *ds[2] = {NULL, NULL};
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < 2 && !st; i++) {
        st = clout_input_open(&net[i], &ds[i], argv[i], &so, err);
        if (!st && !ds[i])
            st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                 "--robustness needs two dataset snapshots (DATASET@YEAR), not "
                                 "network files");
        if (!st) {
            s[i] = so;
            s[i].year = net[i]->year;
        }
    }
    clout_robustness_opts_t ro;
    cli_robustness_opts(o, &ro);
    ro.all_relations = cli_given(o, OPT_ALL_RELATIONS);
    clout_table_t *t[2] = {NULL, NULL};
    if (!st)
        st = clout_robustness_diff(ds[0], ds[1], &t[0], &t[1], &s[0], &s[1], &ro, err);
    int code =
        st ? cli_report(err)
           : cli_write_tables(o, o->table && strcmp(o->table, "variants") == 0 ? &t[1] : &t[0], 1);
    for (int i = 0; i < 2; i++) {
        clout_table_free(t[i]);
        clout_network_free(net[i]);
        clout_dataset_free(ds[i]);
    }
    cli_error_done(o, err);
    return code;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    if (o->robustness)
        return run_robustness(o, argv);
    /* moved: the second table of communities (partitions, moved) */
    static const char *const tables[] = {"ties",    "measures", "communities", "influence",
                                         "summary", "moved",    NULL};
    if (!cli_check_table(o, tables))
        return 2;
    const char *which = o->table ? o->table : "summary";
    int k;
    for (k = 0; strcmp(tables[k], which) != 0; k++)
        ;
    k = k == 5 ? 2 : k;
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net[2] = {NULL, NULL};
    clout_dataset_t *ds[2] = {NULL, NULL};
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < 2 && !st; i++)
        st = clout_input_open(&net[i], &ds[i], argv[i], &so, err);
    clout_diff_opts_t d;
    clout_diff_opts_init(&d);
    if (cli_given(o, OPT_PERMUTATIONS))
        d.permutations = o->permutations;
    if (cli_given(o, OPT_SEED))
        d.seed = d.communities.seed = (unsigned long)o->seed;
    d.measures.measures = cli_measures(o);
    if (cli_given(o, OPT_DISTANCE))
        d.measures.distance = (clout_distance_t)o->distance;
    cli_influence_opts(o, &d.influence);
    d.all_relations = cli_given(o, OPT_ALL_RELATIONS);
    clout_table_t *t[2] = {NULL, NULL};
    int nt = 1;
    if (!st) {
        switch (k) {
        case 0: st = clout_diff_ties(net[0], net[1], &t[0], err); break;
        case 1: st = clout_diff_measures(net[0], net[1], &t[0], &d, err); break;
        case 2:
            st = clout_diff_communities(net[0], net[1], &t[0], &t[1], &d, err);
            nt = 2;
            break;
        case 3:
            if (!ds[0] || !ds[1]) {
                st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                     "--table influence needs two dataset snapshots "
                                     "(DATASET@YEAR), not network files");
                break;
            }
            if (cli_show_progress(o) && d.influence.bootstrap > 0)
                d.influence.on_progress = cli_progress_bootstrap;
            {
                clout_snapshot_opts_t sa = so, sb = so;
                sa.year = net[0]->year;
                sb.year = net[1]->year;
                d.influence.progress_data = argv[0];
                st = clout_diff_influence(ds[0], ds[1], &t[0], &sa, &sb, &d, err);
            }
            break;
        default: st = clout_diff_summary(net[0], net[1], &t[0], &d, err); break;
        }
    }
    int code = st ? cli_report(err) : cli_write_tables(o, t, nt);
    for (int i = 0; i < 2; i++) {
        clout_table_free(t[i]);
        clout_network_free(net[i]);
        clout_dataset_free(ds[i]);
    }
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_diff = {
    .name = "diff",
    .usage = "diff INPUT_A INPUT_B [--table ties|measures|communities|moved|influence|summary] "
             "[--permutations N] [--bootstrap N]",
    .summary =
        "what changed between two snapshots: ties, measures, communities, influence, summary",
    .description =
        "Compares two snapshots (DATASET@YEAR) or network files.  --table chooses what:\n"
        "ties (added, removed, reweighted), measures (values and ranks in A and B),\n"
        "communities (NMI, VI, ARI, split-join; json, md and table add the actors that\n"
        "moved, which moved gives alone), influence (the\n"
        "balance in A and B, the change, its 95% interval and the share of bootstrap\n"
        "replicates that agree on its sign; needs --bootstrap N), or summary (the default:\n"
        "sizes, density, modularity, tie turnover, and the correlation of the two weighted\n"
        "adjacency matrices with a QAP permutation p-value).  --robustness gives the\n"
        "change of each balance under every variant of clout robustness (table\n"
        "robustness, or --table variants), with its bootstrap and finding.",
    .options = OPTS,
    .min_args = 2,
    .max_args = 2,
    .run = run,
};
