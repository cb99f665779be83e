/* cmd-communities.c: clout communities: who clusters with whom, how stably, compared with what. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_METHOD,    OPT_RESOLUTION, OPT_TOLERANCE, OPT_RUNS,          OPT_SEED,       OPT_COMPARE,
    OPT_TABLE,     OPT_AT,         OPT_WINDOW,    OPT_CARRY_FORWARD, OPT_HALF_LIFE,  OPT_LAYERS,
    OPT_RELATIONS, OPT_DIRECTED,   OPT_WEIGHT,    OPT_MULTI,         OPT_UNWEIGHTED, OPT_FORMAT,
    OPT_SAFE_CSV,  OPT_OUTPUT,     OPT_QUIET,     OPT_HELP,          OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    if (o->table && strcmp(o->table, "communities") != 0 && strcmp(o->table, "summary") != 0)
        return cli_fail(2, "--table: '%s' is not communities or summary", o->table);
    if (cli_given(o, OPT_TOLERANCE) && cli_given(o, OPT_METHOD) && o->method != CLOUT_CM_LEIDEN &&
        o->method != CLOUT_CM_LEIDEN_CPM)
        return cli_fail(2, "--tolerance: only --method leiden and leiden-cpm iterate to a "
                           "tolerance");
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    int code;
    if (clout_input_open(&net, NULL, argv[0], &so, err) != CLOUT_OK) {
        code = cli_report(err);
        cli_error_done(o, err);
        return code;
    }
    clout_community_opts_t co;
    clout_community_opts_init(&co);
    if (cli_given(o, OPT_METHOD))
        co.method = (clout_cmethod_t)o->method;
    if (cli_given(o, OPT_RESOLUTION))
        co.resolution = o->resolution;
    if (cli_given(o, OPT_RUNS))
        co.runs = o->runs;
    if (cli_given(o, OPT_SEED))
        co.seed = (unsigned long)o->seed;
    if (cli_given(o, OPT_TOLERANCE))
        co.tolerance = o->tolerance; /* 0: until the partition stops changing */
    clout_partition_t part;
    clout_table_t *tables[2] = {NULL, NULL};
    clout_status_t st = clout_communities(net, &part, &co, err);
    if (!st) {
        st = clout_partition_tables(net, &part, &tables[0], &tables[1], &co, o->compare, err);
        clout_partition_destroy(&part);
    }
    if (st) {
        code = cli_report(err);
    } else if (o->table) {
        code = cli_write_tables(o, strcmp(o->table, "summary") == 0 ? &tables[1] : &tables[0], 1);
    } else {
        code = cli_write_tables(o, tables, 2);
    }
    clout_table_free(tables[0]);
    clout_table_free(tables[1]);
    clout_network_free(net);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_communities = {
    .name = "communities",
    .usage =
        "communities INPUT [--method NAME] [--resolution R] [--tolerance T] [--runs N] [--seed N] "
        "[--compare FILE]",
    .summary = "who clusters with whom: community detection, consensus and stability",
    .description =
        "Detects communities in INPUT with one of igraph's methods.  With --runs N the\n"
        "method runs with seeds SEED..SEED+N-1 and the runs are combined into a consensus\n"
        "partition (Lancichinetti & Fortunato 2012); each actor's stability is the share of\n"
        "runs that agree with the consensus about it.  Prints the table 'communities' (id,\n"
        "name, community, stability) and the table 'summary' (method, modularity, and with\n"
        "--compare FILE the NMI, VI, ARI and split-join distance to the partition in FILE,\n"
        "a CSV with columns id and community).",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
