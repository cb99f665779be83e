/* clout.c: the clout program: the command table, option parsing, help and exit codes. */
#include <config.h>

#include <dlfcn.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli.h"

static const cli_command_t *const COMMANDS[] = {
    &cli_cmd_validate,    &cli_cmd_info,      &cli_cmd_build,  &cli_cmd_measure,
    &cli_cmd_communities, &cli_cmd_influence, &cli_cmd_diff,   &cli_cmd_render,
    &cli_cmd_chart,       &cli_cmd_report,    &cli_cmd_import, NULL};

typedef struct {
    cli_opt_id_t id;
    const char *lng;
    char shrt;
    const char *arg; /* NULL for a flag */
    const char *help;
} option_spec_t;

static const option_spec_t OPTIONS[] = {
    {OPT_AT, "at", 0, "YEAR", "snapshot year (DATASET@YEAR says the same); render, chart: a list"},
    {OPT_WINDOW, "window", 0, "N", "years of flows summed into a snapshot (default 5)"},
    {OPT_LAYERS, "layers", 0, "LIST", "keep only these layers (comma-separated)"},
    {OPT_RELATIONS, "relations", 0, "LIST", "keep only these relations (comma-separated)"},
    {OPT_DIRECTED, "directed", 0, NULL, "read an edge-list CSV as directed"},
    {OPT_SEED, "seed", 0, "N", "seed of every random step (default 1)"},
    {OPT_FORMAT, "format", 0, "FORMAT",
     "csv, tsv, json, md, tex or table (default: table on a terminal, else csv)"},
    {OPT_TO, "to", 0, "FORMAT",
     "graphml (default), gml, dot, pajek, edgelist or csv; else from -o's extension"},
    {OPT_ACTORS, "actors", 0, "LIST", "keep only ties among these actor ids (comma-separated)"},
    {OPT_FROM_YEAR, "from", 0, "YEAR", "keep only ties that reach YEAR or later"},
    {OPT_TO_YEAR, "to", 0, "YEAR", "keep only ties that start in YEAR or earlier"},
    {OPT_IGOS, "igos", 0, "LIST", "cow-igo: these IGO columns (default: all in the code table)"},
    {OPT_MEASURES, "measures", 0, "LIST",
     "the measures to compute, comma-separated, or all (default)"},
    {OPT_DISTANCE, "distance", 0, "HOW",
     "path length from a weight: inverse (1/w, default), log (-log w) or none (w)"},
    {OPT_NORMALIZED, "normalized", 0, NULL, "normalised betweenness, closeness and harmonic"},
    {OPT_UNWEIGHTED, "unweighted", 0, NULL, "ignore weights: every tie counts 1"},
    {OPT_GROUPS, "groups", 0, "ATTR",
     "brokerage roles over this actor attribute (kind, role, ...)"},
    {OPT_KATZ_ALPHA, "katz-alpha", 0, "A", "Katz attenuation (default 0.9 / largest eigenvalue)"},
    {OPT_CUTOFF, "cutoff", 0, "D",
     "betweenness, closeness, harmonic: only paths of length D or less (default: all)"},
    {OPT_SAMPLE, "sample", 0, "K", "betweenness estimated from K random sources (default: exact)"},
    {OPT_TOLERANCE, "tolerance", 0, "T",
     "leiden: stop when an iteration gains less than T (default 1e-4; 0: when stable)"},
    {OPT_METHOD, "method", 0, "NAME",
     "leiden (default), leiden-cpm, louvain, infomap, walktrap, labelprop, fastgreedy, spinglass"},
    {OPT_RESOLUTION, "resolution", 0, "R",
     "resolution of leiden, louvain and spinglass (default 1)"},
    {OPT_RUNS, "runs", 0, "N", "runs with seeds SEED..SEED+N-1, combined by consensus (default 1)"},
    {OPT_COMPARE, "compare", 0, "FILE", "compare with a partition in FILE (CSV: id,community)"},
    {OPT_POLES, "poles", 0, "LIST", "the poles, in balance order (default: role pole; RUS,CHN)"},
    {OPT_FOCUS, "focus", 0, "LIST", "the focus actors (default: role focus)"},
    {OPT_BOOTSTRAP, "bootstrap", 0, "N", "bootstrap replicates for 95% intervals (default 0)"},
    {OPT_NOISE, "noise", 0, "SD", "log-normal noise on flow values in the bootstrap (default 0.1)"},
    {OPT_JOBS, "jobs", 'j', "N", "processes for the bootstrap (default: the cores)"},
    {OPT_TABLE, "table", 0, "NAME", "which table to print"},
    {OPT_LAYOUT, "layout", 0, "NAME", "neato (default), fdp, sfdp, dot, circo, twopi or geo"},
    {OPT_COLOR, "color", 0, "BY", "fill by balance (default), community, kind, layer or none"},
    {OPT_SIZE, "size", 0, "MEASURE", "node area by this measure (pagerank, degree, ...)"},
    {OPT_PIN, "pin", 0, "FILE", "reuse positions from FILE (CSV: id,x,y)"},
    {OPT_SAVE_LAYOUT, "save-layout", 0, "FILE", "write the positions to FILE (CSV: id,x,y)"},
    {OPT_LABELS, "labels", 0, "WHICH", "label all (default), focus, poles or none"},
    {OPT_TITLE, "title", 0, "TEXT", "the figure's title ('' for none)"},
    {OPT_NO_SOURCE, "no-source", 0, NULL, "leave out the source line under the figure"},
    {OPT_WIDTH, "width", 0, "LEN", "figure width: 180mm (default), 7in, 500pt"},
    {OPT_HEIGHT, "height", 0, "LEN", "figure height (default: from the width)"},
    {OPT_DPI, "dpi", 0, "N", "PNG resolution (default 300)"},
    {OPT_OF, "of", 0, "WHAT", "slope, trend: balance (default) or a measure or pole"},
    {OPT_LAYER, "layer", 0, "LAYER", "charts: the layer to show (default all)"},
    {OPT_PERMUTATIONS, "permutations", 0, "N", "QAP permutations (default 1000)"},
    {OPT_SAFE_CSV, "spreadsheet-safe", 0, NULL,
     "prefix CSV/TSV text cells that start with = + - @ with ' (no formulas)"},
    {OPT_OUTPUT, "output", 'o', "FILE", "write to FILE (atomically) instead of standard output"},
    {OPT_QUIET, "quiet", 'q', NULL, "say nothing on success"},
    {OPT_PROGRESS, "progress", 0, NULL, "report progress on standard error"},
    {OPT_HELP, "help", 'h', NULL, "show this help"},
    {0, NULL, 0, NULL, NULL}};

static const option_spec_t *spec_of(cli_opt_id_t id)
{
    for (const option_spec_t *s = OPTIONS; s->id; s++)
        if (s->id == id)
            return s;
    return NULL;
}

int cli_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("clout: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return code;
}

int cli_report(clout_error_t *err)
{
    for (int i = 0; i < clout_error_count(err); i++)
        fprintf(stderr, "clout: %s\n", clout_error_message(err, i));
    if (clout_error_dropped(err))
        fprintf(stderr, "clout: ... and %d more problems\n", clout_error_dropped(err));
    int st = clout_error_status(err);
    return st ? st : 1;
}

static void print_help(const cli_command_t *c, FILE *f)
{
    fprintf(f, "usage: clout %s\n\n%s\n", c->usage, c->description);
    if (c->options[0])
        fputs("\noptions:\n", f);
    for (const cli_opt_id_t *id = c->options; *id; id++) {
        const option_spec_t *s = spec_of(*id);
        char *left = s->shrt ? g_strdup_printf("-%c, --%s%s%s", s->shrt, s->lng, s->arg ? " " : "",
                                               s->arg ? s->arg : "")
                             : g_strdup_printf("    --%s%s%s", s->lng, s->arg ? " " : "",
                                               s->arg ? s->arg : "");
        fprintf(f, "  %-22s %s\n", left, s->help);
        g_free(left);
    }
}

static void print_main_help(FILE *f)
{
    fputs("usage: clout COMMAND [OPTIONS] [ARGS]\n"
          "       clout --help | --version | help COMMAND\n\n"
          "Network analysis of influence among states, blocs and companies.\n\ncommands:\n",
          f);
    for (int i = 0; COMMANDS[i]; i++)
        fprintf(f, "  %-12s %s\n", COMMANDS[i]->name, COMMANDS[i]->summary);
    fputs("\nINPUT is DATASET@YEAR, a dataset folder (its latest year), a .graphml or .gml\n"
          "file, or an edge-list .csv (source,target[,weight]).\n"
          "Exit status: 0 success, 1 failure while running, 2 usage error, 3 bad input data.\n"
          "See 'clout help COMMAND' and man clout.\n",
          f);
}

/* Exact name, else a unique prefix (as git and tmux allow). */
static const cli_command_t *find_command(const char *name, int *code)
{
    for (int i = 0; COMMANDS[i]; i++)
        if (strcmp(COMMANDS[i]->name, name) == 0)
            return COMMANDS[i];
    const cli_command_t *hit = NULL;
    int n = 0;
    for (int i = 0; COMMANDS[i]; i++)
        if (g_str_has_prefix(COMMANDS[i]->name, name)) {
            hit = COMMANDS[i];
            n++;
        }
    if (n == 1)
        return hit;
    if (n == 0) {
        *code = cli_fail(2, "'%s' is not a clout command; see 'clout --help'", name);
    } else {
        GString *s = g_string_new(NULL);
        for (int i = 0; COMMANDS[i]; i++)
            if (g_str_has_prefix(COMMANDS[i]->name, name))
                g_string_append_printf(s, " %s", COMMANDS[i]->name);
        *code = cli_fail(2, "'%s' is ambiguous; it could be:%s", name, s->str);
        g_string_free(s, TRUE);
    }
    return NULL;
}

static bool parse_int_arg(const char *opt, const char *s, long lo, long hi, long *v)
{
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (!*s || *end || errno || x < lo || x > hi) {
        cli_fail(2, "--%s: '%s' is not a whole number from %ld to %ld", opt, s, lo, hi);
        return false;
    }
    *v = x;
    return true;
}

/* Parses the options a command takes; returns -1 to go on, else an exit code. */
static int parse_options(const cli_command_t *c, cli_opts_t *o, int *argc, char ***argv)
{
    GArray *longs = g_array_new(TRUE, TRUE, sizeof(struct option));
    GString *shorts = g_string_new(NULL);
    for (const cli_opt_id_t *id = c->options; *id; id++) {
        const option_spec_t *s = spec_of(*id);
        struct option lo = {s->lng, s->arg ? required_argument : no_argument, NULL, (int)s->id};
        g_array_append_val(longs, lo);
        if (s->shrt) {
            g_string_append_c(shorts, s->shrt);
            if (s->arg)
                g_string_append_c(shorts, ':');
        }
    }
    int code = -1;
    opterr = 0;
    optind = 1;
    int ch;
    while (code < 0 && (ch = getopt_long(*argc, *argv, shorts->str, (struct option *)longs->data,
                                         NULL)) != -1) {
        long v;
        if (ch == 'o')
            ch = OPT_OUTPUT;
        else if (ch == 'j')
            ch = OPT_JOBS;
        else if (ch == 'q')
            ch = OPT_QUIET;
        else if (ch == 'h')
            ch = OPT_HELP;
        switch (ch) {
        case OPT_AT: {
            char **ys = clout_split_list(optarg, ',');
            g_free(o->at_years);
            o->n_at = (int)g_strv_length(ys);
            o->at_years = g_new0(int, o->n_at + 1);
            for (int k = 0; k < o->n_at && code < 0; k++)
                if (strlen(ys[k]) != 4 || !clout_parse_year(ys[k], &o->at_years[k]))
                    code = cli_fail(2, "--at: '%s' is not a year (%d..%d)", ys[k], CLOUT_YEAR_MIN,
                                    CLOUT_YEAR_MAX);
            g_strfreev(ys);
            if (code < 0 && o->n_at == 0)
                code = cli_fail(2, "--at: no year given");
            if (code < 0)
                o->year = o->at_years[0];
            break;
        }
        case OPT_WINDOW:
            if (!parse_int_arg("window", optarg, 1, 1000, &v))
                code = 2;
            o->window = (int)v;
            break;
        case OPT_LAYERS:
            g_strfreev(o->layers);
            o->layers = clout_split_list(optarg, ',');
            break;
        case OPT_RELATIONS:
            g_strfreev(o->relations);
            o->relations = clout_split_list(optarg, ',');
            break;
        case OPT_DIRECTED: o->directed = true; break;
        case OPT_SEED:
            if (!parse_int_arg("seed", optarg, 0, 2147483647L, &o->seed))
                code = 2;
            break;
        case OPT_FORMAT:
            o->format = clout_format_from_name(optarg);
            if (o->format < 0)
                code =
                    cli_fail(2, "--format: '%s' is not csv, tsv, json, md, tex or table", optarg);
            break;
        case OPT_TO:
            o->to = clout_netformat_from_name(optarg);
            if (o->to < 0)
                code = cli_fail(2, "--to: '%s' is not graphml, gml, dot, pajek, edgelist or csv",
                                optarg);
            break;
        case OPT_ACTORS:
            g_strfreev(o->actors);
            o->actors = clout_split_list(optarg, ',');
            break;
        case OPT_IGOS:
            g_strfreev(o->igos);
            o->igos = clout_split_list(optarg, ',');
            break;
        case OPT_FROM_YEAR:
        case OPT_TO_YEAR: {
            int y;
            if (strlen(optarg) != 4 || !clout_parse_year(optarg, &y))
                code = cli_fail(2, "--%s: '%s' is not a year (%d..%d)",
                                ch == OPT_FROM_YEAR ? "from" : "to", optarg, CLOUT_YEAR_MIN,
                                CLOUT_YEAR_MAX);
            else if (ch == OPT_FROM_YEAR)
                o->from_year = y;
            else
                o->to_year = y;
            break;
        }
        case OPT_MEASURES:
            g_strfreev(o->measures);
            o->measures = clout_split_list(optarg, ',');
            if (o->measures[0] && strcmp(o->measures[0], "all") == 0 && !o->measures[1]) {
                g_strfreev(o->measures);
                o->measures = NULL;
            }
            break;
        case OPT_DISTANCE: {
            static const char *names[] = {"inverse", "log", "none", NULL};
            o->distance = -1;
            for (int i = 0; names[i]; i++)
                if (strcmp(optarg, names[i]) == 0)
                    o->distance = i;
            if (o->distance < 0)
                code = cli_fail(2, "--distance: '%s' is not inverse, log or none", optarg);
            break;
        }
        case OPT_NORMALIZED: o->normalized = true; break;
        case OPT_UNWEIGHTED: o->unweighted = true; break;
        case OPT_GROUPS: o->groups = optarg; break;
        case OPT_KATZ_ALPHA:
            if (!clout_parse_number(optarg, &o->katz_alpha) || o->katz_alpha <= 0)
                code = cli_fail(2, "--katz-alpha: '%s' is not a positive number", optarg);
            break;
        case OPT_CUTOFF:
            if (!clout_parse_number(optarg, &o->cutoff) || !(o->cutoff > 0) || isinf(o->cutoff))
                code = cli_fail(2, "--cutoff: '%s' is not a positive path length", optarg);
            break;
        case OPT_SAMPLE:
            if (!parse_int_arg("sample", optarg, 1, 2147483647L, &v))
                code = 2;
            o->sample = (int)v;
            break;
        case OPT_TOLERANCE:
            if (!clout_parse_number(optarg, &o->tolerance) || !(o->tolerance >= 0) ||
                isinf(o->tolerance))
                code = cli_fail(2, "--tolerance: '%s' is not a number of 0 or more", optarg);
            break;
        case OPT_METHOD:
            o->method = clout_cmethod_from_name(optarg);
            if (o->method < 0)
                code = cli_fail(2,
                                "--method: '%s' is not leiden, leiden-cpm, louvain, infomap, "
                                "walktrap, labelprop, fastgreedy or spinglass",
                                optarg);
            break;
        case OPT_RESOLUTION:
            if (!clout_parse_number(optarg, &o->resolution) || o->resolution <= 0)
                code = cli_fail(2, "--resolution: '%s' is not a positive number", optarg);
            break;
        case OPT_RUNS:
            if (!parse_int_arg("runs", optarg, 1, 100000, &v))
                code = 2;
            o->runs = (int)v;
            break;
        case OPT_COMPARE: o->compare = optarg; break;
        case OPT_POLES:
            g_strfreev(o->poles);
            o->poles = clout_split_list(optarg, ',');
            break;
        case OPT_FOCUS:
            g_strfreev(o->focus);
            o->focus = clout_split_list(optarg, ',');
            break;
        case OPT_BOOTSTRAP:
            if (!parse_int_arg("bootstrap", optarg, 0, 1000000, &v))
                code = 2;
            o->bootstrap = (int)v;
            break;
        case OPT_NOISE:
            if (!clout_parse_number(optarg, &o->noise) || o->noise < 0)
                code = cli_fail(2, "--noise: '%s' is not a number of 0 or more", optarg);
            break;
        case OPT_JOBS:
            if (!parse_int_arg("jobs", optarg, 1, 1024, &v))
                code = 2;
            o->jobs = (int)v;
            break;
        case OPT_TABLE: o->table = optarg; break;
        case OPT_LAYOUT: o->layout = optarg; break;
        case OPT_COLOR: o->color = optarg; break;
        case OPT_SIZE: o->size = optarg; break;
        case OPT_PIN: o->pin = optarg; break;
        case OPT_SAVE_LAYOUT: o->save_layout = optarg; break;
        case OPT_LABELS: o->labels = optarg; break;
        case OPT_TITLE: o->title = optarg; break;
        case OPT_NO_SOURCE: o->no_source = true; break;
        case OPT_WIDTH: o->width = optarg; break;
        case OPT_HEIGHT: o->height = optarg; break;
        case OPT_DPI:
            if (!parse_int_arg("dpi", optarg, 10, 2400, &v))
                code = 2;
            o->dpi = (double)v;
            break;
        case OPT_OF: o->of = optarg; break;
        case OPT_LAYER: o->layer = optarg; break;
        case OPT_SAFE_CSV: o->safe_csv = true; break;
        case OPT_PERMUTATIONS:
            if (!parse_int_arg("permutations", optarg, 0, 10000000, &v))
                code = 2;
            o->permutations = (int)v;
            break;
        case OPT_OUTPUT: o->output = optarg; break;
        case OPT_QUIET: o->quiet = true; break;
        case OPT_PROGRESS: o->progress = true; break;
        case OPT_HELP:
            print_help(c, stdout);
            code = 0;
            break;
        case ':':
            code = cli_fail(2, "%s: option '%s' needs a value; see 'clout %s -h'", c->name,
                            (*argv)[optind - 1], c->name);
            break;
        default:
            code = cli_fail(2, "%s: unknown option '%s'; see 'clout %s -h'", c->name,
                            (*argv)[optind - 1], c->name);
        }
    }
    g_array_free(longs, TRUE);
    g_string_free(shorts, TRUE);
    if (code >= 0)
        return code;
    *argc -= optind;
    *argv += optind;
    if (*argc < c->min_args || *argc > c->max_args)
        return cli_fail(2, "usage: clout %s", c->usage);
    return -1;
}

void cli_influence_opts(const cli_opts_t *o, clout_influence_opts_t *io)
{
    clout_influence_opts_init(io);
    io->poles = o->poles;
    io->focus = o->focus;
    io->bootstrap = o->bootstrap;
    if (!isnan(o->noise))
        io->noise = o->noise;
    io->jobs = o->jobs;
    io->seed = (unsigned long)o->seed;
}

clout_snapshot_opts_t cli_snapshot_opts(const cli_opts_t *o)
{
    clout_snapshot_opts_t s;
    clout_snapshot_opts_init(&s);
    if (o->year)
        s.year = o->year;
    if (o->window)
        s.window = o->window;
    s.layers = o->layers;
    s.relations = o->relations;
    s.directed = o->directed;
    return s;
}

clout_format_t cli_table_format(const cli_opts_t *o)
{
    if (o->format >= 0)
        return (clout_format_t)o->format;
    if (o->output && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        int f = dot ? clout_format_from_name(dot + 1) : -1;
        return f >= 0 ? (clout_format_t)f : CLOUT_FMT_CSV;
    }
    return isatty(STDOUT_FILENO) ? CLOUT_FMT_TABLE : CLOUT_FMT_CSV;
}

int cli_write_tables(const cli_opts_t *o, clout_table_t *const *tables, int n)
{
    clout_error_t *err = clout_error_new(0);
    clout_output_t *out;
    clout_status_t st = clout_output_open(&out, o->output, err);
    if (!st) {
        st = clout_tables_write_ex(clout_output_file(out), tables, n, cli_table_format(o),
                                   o->safe_csv ? CLOUT_WRITE_SPREADSHEET_SAFE : 0, err);
        if (st)
            clout_output_abort(out);
        else
            st = clout_output_commit(out, err);
    }
    int code = st ? cli_report(err) : 0;
    clout_error_free(err);
    return code;
}

/* The command line as typed, for provenance records. */
const char *cli_command_line;

static int run(int argc, char **argv)
{
    if (argc < 2) {
        print_main_help(stderr);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_main_help(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("clout %s\n", PACKAGE_VERSION);
        return 0;
    }
    int code = 2;
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_main_help(stdout);
            return 0;
        }
        const cli_command_t *c = find_command(argv[2], &code);
        if (!c)
            return code;
        print_help(c, stdout);
        return 0;
    }
    if (name[0] == '-')
        return cli_fail(2, "unknown option '%s'; see 'clout --help'", name);
    const cli_command_t *c = find_command(name, &code);
    if (!c)
        return code;
    cli_opts_t o = {0};
    o.format = -1;
    o.to = -1;
    o.seed = 1;
    o.method = -1;
    o.resolution = NAN;
    o.tolerance = NAN;
    o.noise = NAN;
    argc--;
    argv++;
    code = parse_options(c, &o, &argc, &argv);
    if (code < 0 && o.n_at > 1 && c != &cli_cmd_render && c != &cli_cmd_chart &&
        c != &cli_cmd_report)
        code = cli_fail(2, "%s: --at takes one year here (render and chart take several)", c->name);
    if (code < 0)
        code = c->run(c, &o, argc, argv);
    g_strfreev(o.layers);
    g_strfreev(o.relations);
    g_strfreev(o.actors);
    g_strfreev(o.igos);
    g_free(o.at_years);
    g_strfreev(o.measures);
    g_strfreev(o.poles);
    g_strfreev(o.focus);
    return code;
}

/* igraph's PageRank (PRPACK) runs its power iteration under OpenMP, whose
 * reduction order varies with the thread schedule: the same command gave
 * PageRank values that differed in the 12th digit from run to run.  One
 * thread makes every table repeat byte for byte; clout's own parallelism is
 * its worker processes (-j).  libgomp comes with igraph, so it is found at
 * run time rather than linked. */
static void one_openmp_thread(void)
{
    void (*set)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    if (set)
        set(1);
}

int main(int argc, char **argv)
{
    clout_init();
    one_openmp_thread();
    GString *cmdline = g_string_new(NULL);
    for (int i = 0; i < argc; i++) {
        char *q = g_shell_quote(argv[i]);
        g_string_append_printf(cmdline, "%s%s", i ? " " : "", i ? q : "clout");
        g_free(q);
    }
    cli_command_line = cmdline->str;
    int code = run(argc, argv);
    /* A full disk or a closed pipe must not pass for success. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno != EPIPE)
            cli_fail(1, "cannot write to standard output: %s", g_strerror(errno));
        code = code ? code : 1;
    }
    g_string_free(cmdline, TRUE);
    return code;
}
