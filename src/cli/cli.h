/* cli.h: what the command files share: parsed options, the command table, messages. */
#ifndef CLOUT_CLI_H
#define CLOUT_CLI_H

#include <stdbool.h>
#include <glib.h>
#include <clout.h>

/* Every option clout knows (options.h); a command lists the ones it takes. */
#define CLI_OPTION(id, field, name, shrt, kind, metavar, help, deflt) OPT_##id,
typedef enum {
    OPT_NONE = 0, /* ends a command's list */
#include "options.h"
    OPT_COUNT
} cli_opt_id_t;
#undef CLI_OPTION

/* --at Y1,Y2,...: every year given, in order. */
typedef struct {
    int *years;
    int n;
} cli_years_t;

/* What an option of each kind stores (options.h says what the kinds mean). */
#define CLI_FLAG bool
#define CLI_INT(lo, hi) int
#define CLI_NUMBER_ABOVE(x) double
#define CLI_NUMBER_FROM(x) double
#define CLI_YEAR int
#define CLI_YEARS cli_years_t
#define CLI_STRING const char *
#define CLI_LIST char **
#define CLI_ENUM(from_name, names) int
#define CLI_LENGTH double
#define CLI_FONT const char *
#define CLI_OPTION(id, field, name, shrt, kind, metavar, help, deflt) kind field;

/* The parsed command line: one field per option, set only when the option
 * was given (given[OPT_ID]); clout.c frees the lists they own. */
typedef struct {
#include "options.h"
    bool given[OPT_COUNT];
} cli_opts_t;

#undef CLI_OPTION
#undef CLI_FLAG
#undef CLI_INT
#undef CLI_NUMBER_ABOVE
#undef CLI_NUMBER_FROM
#undef CLI_YEAR
#undef CLI_YEARS
#undef CLI_STRING
#undef CLI_LIST
#undef CLI_ENUM
#undef CLI_LENGTH
#undef CLI_FONT

/* Whether the user gave the option: only then does its value replace the
 * library's default. */
static inline bool cli_given(const cli_opts_t *o, cli_opt_id_t id)
{
    return o->given[id];
}

/* PNG resolution of render and chart when --dpi is not given. */
#define CLI_PNG_DPI 300

typedef struct cli_command {
    const char *name;
    const char *usage; /* after "clout " */
    const char *summary;
    const char *description;
    const cli_opt_id_t *options; /* ends with OPT_NONE */
    int min_args, max_args;
    int (*run)(const struct cli_command *cmd, cli_opts_t *o, int argc, char **argv);
    bool at_list; /* --at takes several years */
} cli_command_t;

extern const cli_command_t cli_cmd_validate, cli_cmd_info, cli_cmd_build, cli_cmd_import,
    cli_cmd_measure, cli_cmd_communities, cli_cmd_influence, cli_cmd_render, cli_cmd_chart,
    cli_cmd_diff, cli_cmd_report, cli_cmd_robustness;

extern const char *cli_command_line;

/* Prints err's warnings ("clout: warning: ...") unless -q, and frees err. */
void cli_error_done(const cli_opts_t *o, clout_error_t *err);
/* Prints every diagnostic in err as "clout: ..." and returns its exit code. */
int cli_report(clout_error_t *err);
/* "clout: message" on stderr; returns code. */
int cli_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Influence options: the library's defaults, and what the command line gave. */
void cli_influence_opts(const cli_opts_t *o, clout_influence_opts_t *io);
/* Snapshot options: the library's defaults, and what the command line gave. */
clout_snapshot_opts_t cli_snapshot_opts(const cli_opts_t *o);
/* --measures as clout_measure_opts_t takes it: NULL (every measure) when
 * not given or "all"; the list stays o's. */
char **cli_measures(const cli_opts_t *o);
/* --interval's names, in clout_interval_method_t order; -1 if none. */
int cli_interval_from_name(const char *name);
/* --distance's names, in clout_distance_t order; -1 if none. */
int cli_distance_from_name(const char *name);
/* --multi: 0 sum, 1 keep, -1 neither. */
int cli_multi_from_name(const char *name);
/* The table format: --format, else -o's extension, else table on a terminal, else csv. */
clout_format_t cli_table_format(const cli_opts_t *o);
/* Writes the tables a command made, main table first, to -o (atomically) or
 * stdout: the one --table names, else csv, tsv and tex the main table and
 * json, md and table every one; -o DIR/ writes each to DIR/NAME.EXT.
 * Returns an exit code. */
int cli_write_tables(const cli_opts_t *o, clout_table_t *const *tables, int n);
/* The most tables one command writes at once. */
#define CLI_MAX_TABLES 8
/* Makes a command's tables (at most CLI_MAX_TABLES, main table first) for
 * the snapshot options so; returns an exit code. */
typedef int (*cli_year_fn)(const cli_opts_t *o, const char *input, const clout_snapshot_opts_t *so,
                           clout_table_t **tables, int *n, void *data);
/* Runs fn once (INPUT's own year, or --at's) or, when --at gives several
 * years, once a year, stacking each kind of table into one long table with a
 * leading 'year' column, and writes the tables (cli_write_tables).  Returns
 * an exit code. */
int cli_years_write(const cli_opts_t *o, const char *input, cli_year_fn fn, void *data);
/* --table not given or one of valid (NULL-terminated); else says so, with
 * the valid names and the closest one, and returns false (exit 2). */
bool cli_check_table(const cli_opts_t *o, const char *const *valid);
/* "clout: PREFIXunknown WHAT 'NAME'; did you mean 'X'? (valid: ...)"; returns 2. */
int cli_unknown(const char *prefix, const char *what, const char *name, const char *const *valid);

#endif
