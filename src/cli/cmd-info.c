/* cmd-info.c: clout info: sizes, kinds, layers and the coverage of each relation. */
#include <config.h>

#include "cli.h"

static const cli_opt_id_t OPTS[] = {
    OPT_AT,       OPT_WINDOW, OPT_CARRY_FORWARD, OPT_HALF_LIFE,  OPT_LAYERS,    OPT_RELATIONS,
    OPT_DIRECTED, OPT_WEIGHT, OPT_MULTI,         OPT_UNWEIGHTED, OPT_FORMAT,    OPT_SAFE_CSV,
    OPT_OUTPUT,   OPT_QUIET,  OPT_TABLE,         OPT_DIGITS,     OPT_RAW_NAMES, OPT_CAPTION,
    OPT_LABEL,    OPT_HELP,   OPT_NONE};

static int run(const cli_command_t *cmd, cli_opts_t *o, int argc, char **argv)
{
    clout_error_t *err = clout_error_new(100);
    clout_snapshot_opts_t so = cli_snapshot_opts(o);
    clout_network_t *net;
    clout_dataset_t *ds;
    int code = cli_input_open(o, &net, &ds, argv[0], &so, err);
    if (code)
        return code;
    clout_table_t **tables;
    int n;
    if (clout_info(net, ds, &tables, &n, err) != CLOUT_OK) {
        code = cli_report(err);
    } else {
        char **names = g_new0(char *, n + 1);
        for (int i = 0; i < n; i++)
            names[i] = (char *)clout_table_name(tables[i]);
        code = cli_check_table(o, (const char *const *)names) ? cli_write_tables(o, tables, n) : 2;
        g_free(names);
        for (int i = 0; i < n; i++)
            clout_table_free(tables[i]);
        g_free(tables);
    }
    clout_network_free(net);
    clout_dataset_free(ds);
    cli_error_done(o, err);
    return code;
}

const cli_command_t cli_cmd_info = {
    .name = "info",
    .usage = "info INPUT [--at YEAR] [--window N] [--layers LIST] [--relations LIST] [--format "
             "FORMAT] [-o FILE]",
    .summary = "describe a network: actors, edges, layers, relations and their years",
    .description =
        "Describes the network of INPUT: its size, density and components, actors by kind\n"
        "and role, edges by layer and, for a dataset, each relation's ties, the years it\n"
        "covers, the years that have real amounts, and the flow totals in the window.\n"
        "The main table is summary; --table names another (kinds, roles, layers,\n"
        "relations, flows).",
    .options = OPTS,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
