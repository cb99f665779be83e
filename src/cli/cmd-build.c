/* cmd-build.c: clout build: writes the network of INPUT in a file format for other tools. */
#include <config.h>

#include <string.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_TO,     OPT_DYNAMIC,   OPT_AT,       OPT_WINDOW, OPT_CARRY_FORWARD, OPT_HALF_LIFE,
    OPT_LAYERS, OPT_RELATIONS, OPT_DIRECTED, OPT_WEIGHT, OPT_MULTI,         OPT_UNWEIGHTED,
    OPT_OUTPUT, OPT_QUIET,     OPT_HELP,     OPT_NONE};

/* The format: --to, else -o's extension, else GraphML; -1 (after a
 * message) when -o's extension is one no writer knows.  --to edgelist
 * writes the edge list as -o's name says it is read (text for .edgelist
 * and .txt, else CSV). */
static int output_format(const cli_opts_t *o)
{
    bool stdout_ = !o->output || strcmp(o->output, "-") == 0;
    if (cli_given(o, OPT_TO))
        return clout_netformat_for_path(o->to, stdout_ ? NULL : o->output);
    if (stdout_)
        return CLOUT_NET_GRAPHML;
    int fmt = clout_netformat_from_path(o->output);
    if (fmt < 0)
        cli_fail(
            2,
            "-o: '%s': the format comes from the extension, which must be %s (or give --to FORMAT)",
            o->output, clout_netformat_extensions());
    return fmt;
}

static int year_cmp(const void *a, const void *b)
{
    return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

/* Every year of the dataset, from the first its sources cover to the
 * latest a tie starts or ends in; or the --at years. */
static int *dynamic_years(const cli_opts_t *o, const clout_dataset_t *ds, int *n)
{
    if (cli_given(o, OPT_AT)) {
        *n = o->at.n;
        int *y = g_memdup2(o->at.years, sizeof(int) * (size_t)o->at.n);
        qsort(y, (size_t)*n, sizeof(int), year_cmp);
        return y;
    }
    int first = CLOUT_NO_YEAR, last = clout_dataset_latest_year(ds);
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        int f, l;
        clout_dataset_coverage(ds, r, &f, &l);
        if (f != CLOUT_NO_YEAR && (first == CLOUT_NO_YEAR || f < first))
            first = f;
    }
    if (first == CLOUT_NO_YEAR || last == CLOUT_NO_YEAR || first > last)
        first = last;
    *n = last == CLOUT_NO_YEAR ? 0 : last - first + 1;
    int *y = g_new(int, *n > 0 ? *n : 1);
    for (int i = 0; i < *n; i++)
        y[i] = first + i;
    return y;
}

static clout_status_t write_dynamic(const cli_opts_t *o, const char *input,
                                    const clout_snapshot_opts_t *so, clout_error_t *err)
{
    clout_dataset_t *ds;
    clout_status_t st = clout_dataset_load(&ds, input, err);
    if (st)
        return st;
    int n;
    g_autofree int *years = dynamic_years(o, ds, &n);
    clout_output_t *out = NULL;
    /* The GEXF is built in a temporary file and renamed at the end: bad
     * data leaves no trace. */
    st = clout_output_open(&out, o->output, err);
    if (!st) {
        st = clout_dataset_write_gexf(ds, so, years, n, clout_output_file(out), err);
        if (!st)
            st = clout_output_commit(out, err);
        else
            clout_output_abort(out);
    }
    clout_dataset_free(ds);
    return st;
}

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    int fmt = output_format(o);
    if (fmt < 0)
        return 2;
    if (o->dynamic && fmt != CLOUT_NET_GEXF)
        return cli_fail(
            2, "--dynamic: only GEXF holds a network over time; give --to gexf or -o FILE.gexf");
    if (o->dynamic && !g_file_test(argv[0], G_FILE_TEST_IS_DIR))
        return cli_fail(2, "--dynamic: '%s' is not a dataset folder (give DATASET, without @YEAR)",
                        argv[0]);
    if (!o->dynamic && cli_given(o, OPT_AT) && o->at.n > 1)
        return cli_fail(2, "build: --at takes one year here; several with --dynamic");
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    clout_output_t *out = NULL;
    clout_status_t st;
    if (o->dynamic) {
        st = write_dynamic(o, argv[0], &so, err);
    } else {
        /* The input is read in full before the output is opened: bad data
         * must leave no trace in the output's folder. */
        st = clout_input_open(&net, NULL, argv[0], &so, err);
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
    }
    int code = st ? cli_report(err) : 0;
    cli_error_done(o, err);
    (void)cmd;
    (void)argc;
    return code;
}

const cli_command_t cli_cmd_build = {
    .name = "build",
    .usage = "build INPUT [--to FORMAT] [--dynamic] [--at YEAR] [--window N] [--layers LIST] "
             "[--relations LIST] [-o FILE]",
    .summary = "write the network of INPUT as graphml, gml, gexf, dot, pajek, edgelist, csv or "
               "matrix",
    .description =
        "Builds the network of INPUT (a snapshot of a dataset, or a network file) and\n"
        "writes it for other tools: GraphML for NetworkX and igraph; GEXF 1.3 for Gephi;\n"
        "GML; DOT for Graphviz; Pajek; an edge list (source,target,weight, or\n"
        "\"source target weight\" lines in a .edgelist or .txt file); a CSV edge\n"
        "table with layers and relations; or an adjacency matrix (CSV, labels in the\n"
        "first row and column).  The format is --to's, else -o's extension's (an\n"
        "extension no writer knows is an error), else GraphML.  With --dynamic (GEXF,\n"
        "a dataset) it writes the dataset over time: the snapshot of every year (or of\n"
        "the --at years), each edge with the spells it is present in and its weight in\n"
        "each, so that Gephi's timeline plays it.  Without -o it writes to standard\n"
        "output.",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .at_list = true,
    .run = run,
};
