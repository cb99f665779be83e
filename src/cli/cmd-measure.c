/* cmd-measure.c: clout measure: centrality of every actor, one column per measure. */
#include <config.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {OPT_MEASURES,   OPT_DISTANCE, OPT_NORMALIZED, OPT_CUTOFF,
                                    OPT_SAMPLE,     OPT_SEED,     OPT_UNWEIGHTED, OPT_GROUPS,
                                    OPT_KATZ_ALPHA, OPT_AT,       OPT_WINDOW,     OPT_LAYERS,
                                    OPT_RELATIONS,  OPT_DIRECTED, OPT_FORMAT,     OPT_SAFE_CSV,
                                    OPT_OUTPUT,     OPT_QUIET,    OPT_HELP,       0};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    int code;
    if (clout_input_open(&net, NULL, argv[0], &so, err) != CLOUT_OK) {
        code = cli_report(err);
        clout_error_free(err);
        return code;
    }
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    mo.measures = o->measures;
    mo.distance = (clout_distance_t)o->distance;
    mo.normalized = o->normalized;
    mo.unweighted = o->unweighted;
    mo.groups = o->groups;
    mo.katz_alpha = o->katz_alpha;
    mo.cutoff = o->cutoff;
    mo.sample = o->sample;
    mo.seed = (unsigned long)o->seed;
    clout_table_t *t;
    if (clout_measures(net, &mo, &t, err) != CLOUT_OK) {
        code = cli_report(err);
    } else {
        code = cli_write_tables(o, &t, 1);
        clout_table_free(t);
    }
    clout_network_free(net);
    clout_error_free(err);
    return code;
}

const cli_command_t cli_cmd_measure = {
    "measure",
    "measure INPUT [--measures LIST|all] [--distance inverse|log|none] [--normalized] [--cutoff D] "
    "[--sample K] [--groups ATTR]",
    "centrality of every actor: degree, strength, betweenness, pagerank, ...",
    "Computes centrality measures for every actor of INPUT: degree, strength,\n"
    "betweenness, closeness, harmonic, eigenvector (max 1), pagerank (damping 0.85),\n"
    "hub, authority, coreness, constraint and katz; with --groups on a directed\n"
    "network, the Gould-Fernandez brokerage roles.  Weights are strengths: --distance\n"
    "says how a strength becomes a path length; --cutoff D ignores paths longer than D\n"
    "(in those lengths) and --sample K estimates betweenness from K random sources,\n"
    "for large networks.  doc/methods.md gives every formula.",
    OPTS,
    1,
    1,
    run};
