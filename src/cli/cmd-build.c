/* cmd-build.c: clout build: writes the network of INPUT in a file format for other tools. */
#include <config.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {OPT_TO,        OPT_AT,     OPT_WINDOW,    OPT_CARRY_FORWARD,
                                    OPT_HALF_LIFE, OPT_LAYERS, OPT_RELATIONS, OPT_DIRECTED,
                                    OPT_OUTPUT,    OPT_QUIET,  OPT_HELP,      OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    int fmt = cli_given(o, OPT_TO) ? o->to : clout_netformat_from_path(o->output);
    if (fmt < 0)
        fmt = CLOUT_NET_GRAPHML;
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    clout_output_t *out = NULL;
    /* The input is read in full before the output is opened: bad data must
     * leave no trace in the output's folder. */
    clout_status_t st = clout_input_open(&net, NULL, argv[0], &so, err);
    if (!st) {
        st = clout_output_open(&out, o->output, err);
        if (!st)
            st = clout_network_write(net, clout_output_file(out), (clout_netformat_t)fmt, err);
        if (!st)
            st = clout_output_commit(out, err);
        else
            clout_output_abort(out);
        clout_network_free(net);
    }
    int code = st ? cli_report(err) : 0;
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_build = {
    .name = "build",
    .usage =
        "build INPUT [--to FORMAT] [--at YEAR] [--window N] [--layers LIST] [--relations LIST] [-o "
        "FILE]",
    .summary = "write the network of INPUT as graphml, gml, dot, pajek, edgelist or csv",
    .description =
        "Builds the network of INPUT (a snapshot of a dataset, or a network file) and\n"
        "writes it for other tools: GraphML for Gephi, NetworkX and igraph; GML; DOT for\n"
        "Graphviz; Pajek; an edge list (source,target,weight); or a CSV edge table with\n"
        "layers and relations.  Without -o it writes to standard output.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
