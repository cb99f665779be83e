/* cmd-communities.c: clout communities: who clusters with whom, how stably, compared with what. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_METHOD,    OPT_RESOLUTION, OPT_TOLERANCE, OPT_RUNS,          OPT_SEED,       OPT_COMPARE,
    OPT_TABLE,     OPT_AT,         OPT_WINDOW,    OPT_CARRY_FORWARD, OPT_HALF_LIFE,  OPT_LAYERS,
    OPT_RELATIONS, OPT_DIRECTED,   OPT_WEIGHT,    OPT_MULTI,         OPT_UNWEIGHTED, OPT_FORMAT,
    OPT_SAFE_CSV,  OPT_OUTPUT,     OPT_QUIET,     OPT_DIGITS,        OPT_RAW_NAMES,  OPT_CAPTION,
    OPT_LABEL,     OPT_HELP,       OPT_NONE};

/* The communities and the summary of one snapshot. */
static int communities_year(const cli_opts_t *o, const char *input, const clout_snapshot_opts_t *so,
                            clout_table_t **tables, int *n, void *data)
{
    (void)data;
    clout_error_t *err = clout_error_new(100);
    clout_network_t *net;
    int code = cli_input_open(o, &net, NULL, input, so, err);
    if (code)
        return code;
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
    clout_status_t st = clout_communities(net, &part, &co, err);
    if (!st) {
        st = clout_partition_tables(net, &part, &tables[0], &tables[1], &co, o->compare, err);
        clout_partition_destroy(&part);
    }
    if (st)
        code = cli_report(err);
    else
        *n = 2;
    clout_network_free(net);
    cli_error_done(o, err);
    return code;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    static const char *const tables[] = {"communities", "summary", NULL};
    if (!cli_check_table(o, tables))
        return 2;
    if (cli_given(o, OPT_TOLERANCE) && cli_given(o, OPT_METHOD) && o->method != CLOUT_CM_LEIDEN &&
        o->method != CLOUT_CM_LEIDEN_CPM)
        return cli_fail(2, "--tolerance: only --method leiden and leiden-cpm iterate to a "
                           "tolerance");
    return cli_years_write(o, argv[0], communities_year, NULL);
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
    .at_list = true,
};
