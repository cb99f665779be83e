/* cli.h: what the command files share: parsed options, the command table, messages. */
#ifndef CLOUT_CLI_H
#define CLOUT_CLI_H

#include <stdbool.h>
#include <glib.h>
#include "../clout.h"

/* Every option clout knows; a command lists the ones it takes. */
typedef enum {
    OPT_AT = 1,
    OPT_WINDOW,
    OPT_LAYERS,
    OPT_RELATIONS,
    OPT_DIRECTED,
    OPT_SEED,
    OPT_FORMAT,
    OPT_OUTPUT,
    OPT_QUIET,
    OPT_PROGRESS,
    OPT_TO,
    OPT_ACTORS,
    OPT_FROM_YEAR,
    OPT_TO_YEAR,
    OPT_IGOS,
    OPT_MEASURES,
    OPT_DISTANCE,
    OPT_NORMALIZED,
    OPT_UNWEIGHTED,
    OPT_GROUPS,
    OPT_KATZ_ALPHA,
    OPT_CUTOFF,
    OPT_SAMPLE,
    OPT_TOLERANCE,
    OPT_METHOD,
    OPT_RESOLUTION,
    OPT_RUNS,
    OPT_COMPARE,
    OPT_POLES,
    OPT_FOCUS,
    OPT_BOOTSTRAP,
    OPT_NOISE,
    OPT_JOBS,
    OPT_TABLE,
    OPT_LAYOUT,
    OPT_COLOR,
    OPT_SIZE,
    OPT_PIN,
    OPT_SAVE_LAYOUT,
    OPT_LABELS,
    OPT_TITLE,
    OPT_NO_SOURCE,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_DPI,
    OPT_OF,
    OPT_LAYER,
    OPT_PERMUTATIONS,
    OPT_SAFE_CSV,
    OPT_HELP
} cli_opt_id_t;

typedef struct {
    int year;
    int window;
    char **layers, **relations;
    bool directed;
    long seed;
    int format; /* -1 = not given */
    const char *output;
    bool quiet, progress;
    int to; /* -1 = not given */
    char **actors, **igos;
    int from_year, to_year;
    char **measures;
    int distance;
    bool normalized, unweighted;
    const char *groups;
    double katz_alpha;
    double cutoff;    /* 0 = not given */
    int sample;       /* 0 = not given */
    double tolerance; /* NAN = not given */
    int method; /* -1 = not given */
    double resolution; /* NAN = not given */
    int runs;
    const char *compare;
    char **poles, **focus;
    int bootstrap;
    double noise;
    int jobs;
    const char *table;
    int *at_years; /* --at Y1,Y2,...: every year given */
    int n_at;
    const char *layout, *color, *size, *pin, *save_layout, *labels, *title;
    bool no_source;
    const char *width, *height; /* lengths as given: "180mm", "7in", "500pt" */
    double dpi;
    const char *of, *layer;
    int permutations;
    bool safe_csv;
} cli_opts_t;

typedef struct cli_command {
    const char *name;
    const char *usage; /* after "clout " */
    const char *summary;
    const char *description;
    const cli_opt_id_t *options; /* 0-terminated */
    int min_args, max_args;
    int (*run)(const struct cli_command *cmd, cli_opts_t *o, int argc, char **argv);
} cli_command_t;

extern const cli_command_t cli_cmd_validate, cli_cmd_info, cli_cmd_build, cli_cmd_import,
    cli_cmd_measure, cli_cmd_communities, cli_cmd_influence, cli_cmd_render, cli_cmd_chart, cli_cmd_diff,
    cli_cmd_report;

extern const char *cli_command_line;

/* Prints every diagnostic in err as "clout: ..." and returns its exit code. */
int cli_report(clout_error_t *err);
/* "clout: message" on stderr; returns code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Influence options from the parsed command line, on top of the library's defaults. */
void cli_influence_opts(const cli_opts_t *o, clout_influence_opts_t *io);
/* Snapshot options from the parsed command line. */
clout_snapshot_opts_t cli_snapshot_opts(const cli_opts_t *o);
/* The table format: --format, else -o's extension, else table on a terminal, else csv. */
clout_format_t cli_table_format(const cli_opts_t *o);
/* Writes tables to -o (atomically) or stdout; returns an exit code. */
int cli_write_tables(const cli_opts_t *o, clout_table_t *const *tables, int n);

#endif
