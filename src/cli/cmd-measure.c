/* cmd-measure.c: clout measure: centrality of every actor, one column per measure. */
#include <config.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_MEASURES,   OPT_DISTANCE, OPT_NORMALIZED, OPT_CUTOFF,   OPT_SAMPLE, OPT_SEED,
    OPT_UNWEIGHTED, OPT_GROUPS,   OPT_KATZ_ALPHA, OPT_AT,       OPT_WINDOW, OPT_CARRY_FORWARD,
    OPT_HALF_LIFE,  OPT_LAYERS,   OPT_RELATIONS,  OPT_DIRECTED, OPT_WEIGHT, OPT_MULTI,
    OPT_FORMAT,     OPT_SAFE_CSV, OPT_OUTPUT,     OPT_QUIET,    OPT_DIGITS, OPT_RAW_NAMES,
    OPT_CAPTION,    OPT_LABEL,    OPT_HELP,       OPT_NONE};

/* The measures of one snapshot. */
static int measure_year(const cli_opts_t *o, const char *input, const clout_snapshot_opts_t *so,
                        clout_table_t **tables, int *n, void *data)
{
    (void)data;
    clout_error_t *err = clout_error_new(100);
    clout_network_t *net;
    int code = cli_input_open(o, &net, NULL, input, so, err);
    if (code)
        return code;
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    mo.measures = cli_measures(o);
    if (cli_given(o, OPT_DISTANCE))
        mo.distance = (clout_distance_t)o->distance;
    if (cli_given(o, OPT_NORMALIZED))
        mo.normalized = o->normalized;
    if (cli_given(o, OPT_UNWEIGHTED))
        mo.unweighted = o->unweighted;
    if (cli_given(o, OPT_GROUPS))
        mo.groups = o->groups;
    if (cli_given(o, OPT_KATZ_ALPHA))
        mo.katz_alpha = o->katz_alpha;
    if (cli_given(o, OPT_CUTOFF))
        mo.cutoff = o->cutoff;
    if (cli_given(o, OPT_SAMPLE))
        mo.sample = o->sample;
    if (cli_given(o, OPT_SEED))
        mo.seed = (unsigned long)o->seed;
    if (clout_measures(net, &tables[0], &mo, err) != CLOUT_OK)
        code = cli_report(err);
    else
        *n = 1;
    clout_network_free(net);
    cli_error_done(o, err);
    return code;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    return cli_years_write(o, argv[0], measure_year, NULL);
}

const cli_command_t cli_cmd_measure = {
    .name = "measure",
    .usage = "measure INPUT [--measures LIST|all] [--distance inverse|log|none] [--normalized] "
             "[--cutoff D] [--sample K] [--groups ATTR]",
    .summary = "centrality of every actor: degree, strength, betweenness, pagerank, ...",
    .description =
        "Computes centrality measures for every actor of INPUT: degree, strength,\n"
        "betweenness, closeness, harmonic, eigenvector (max 1), pagerank (damping 0.85),\n"
        "hub, authority, coreness, constraint and katz; with --groups on a directed\n"
        "network, the Gould-Fernandez brokerage roles.  Weights are strengths: --distance\n"
        "says how a strength becomes a path length; --cutoff D ignores paths longer than D\n"
        "(in those lengths) and --sample K estimates betweenness from K random sources,\n"
        "for large networks.  doc/methods.md gives every formula.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .at_list = true,
};
