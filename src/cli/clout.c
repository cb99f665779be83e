/* clout.c: the clout program: the command table, option parsing, help and exit codes. */
#include <config.h>

#include <dlfcn.h>
#include <errno.h>
#include <getopt.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli.h"

static const cli_command_t *const COMMANDS[] = {&cli_cmd_validate,
                                                &cli_cmd_info,
                                                &cli_cmd_build,
                                                &cli_cmd_measure,
                                                &cli_cmd_communities,
                                                &cli_cmd_influence,
                                                &cli_cmd_robustness,
                                                &cli_cmd_diff,
                                                &cli_cmd_render,
                                                &cli_cmd_chart,
                                                &cli_cmd_report,
                                                &cli_cmd_import,
                                                NULL};

/* How an option's value is read and checked (options.h). */
typedef enum {
    KIND_FLAG,
    KIND_INT,
    KIND_NUMBER,
    KIND_YEAR,
    KIND_YEARS,
    KIND_STRING,
    KIND_LIST,
    KIND_ENUM,
    KIND_LENGTH,
    KIND_FONT
} kind_t;

/* The library's defaults, as its init functions give them, for -h. */
typedef struct {
    clout_snapshot_opts_t snapshot;
    clout_measure_opts_t measure;
    clout_community_opts_t community;
    clout_influence_opts_t influence;
    clout_diff_opts_t diff;
    int png_dpi;
} cli_defaults_t;

typedef struct {
    const char *name;
    char shrt;
    kind_t kind;
    long lo, hi;                    /* KIND_INT */
    double min;                     /* KIND_NUMBER: the least value ... */
    bool above;                     /* ... or the value it must exceed */
    int (*from_name)(const char *); /* KIND_ENUM */
    const char *names;              /* KIND_ENUM: "a, b or c", for messages */
    const char *metavar;            /* NULL for a flag */
    const char *help;
    char def;      /* the default's type: 'i'nt, 'u'nsigned long, 'd'ouble, 0 */
    size_t def_at; /* its offset in cli_defaults_t */
    size_t at;     /* the value's offset in cli_opts_t */
} option_spec_t;

#define CLI_FLAG .kind = KIND_FLAG
#define CLI_INT(l, h) .kind = KIND_INT, .lo = (l), .hi = (h)
#define CLI_NUMBER_ABOVE(x) .kind = KIND_NUMBER, .min = (x), .above = true
#define CLI_NUMBER_FROM(x) .kind = KIND_NUMBER, .min = (x)
#define CLI_YEAR .kind = KIND_YEAR
#define CLI_YEARS .kind = KIND_YEARS
#define CLI_STRING .kind = KIND_STRING
#define CLI_LIST .kind = KIND_LIST
#define CLI_ENUM(fn, choices) .kind = KIND_ENUM, .from_name = (fn), .names = (choices)
#define CLI_LENGTH .kind = KIND_LENGTH
#define CLI_FONT .kind = KIND_FONT
#define CLI_NO_DEFAULT .def = 0
#define CLI_DEFAULT_INT(m) .def = 'i', .def_at = offsetof(cli_defaults_t, m)
#define CLI_DEFAULT_ULONG(m) .def = 'u', .def_at = offsetof(cli_defaults_t, m)
#define CLI_DEFAULT_NUMBER(m) .def = 'd', .def_at = offsetof(cli_defaults_t, m)
#define CLI_OPTION(id, field, nm, sh, kind, mv, hl, deflt)                                         \
    [OPT_##id] = {.name = nm,                                                                      \
                  .shrt = sh,                                                                      \
                  kind,                                                                            \
                  .metavar = mv,                                                                   \
                  .help = hl,                                                                      \
                  deflt,                                                                           \
                  .at = offsetof(cli_opts_t, field)},

/* Indexed by cli_opt_id_t. */
static const option_spec_t OPTIONS[OPT_COUNT] = {
#include "options.h"
};

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
#undef CLI_NO_DEFAULT
#undef CLI_DEFAULT_INT
#undef CLI_DEFAULT_ULONG
#undef CLI_DEFAULT_NUMBER

int cli_multi_from_name(const char *name)
{
    static const char *const names[] = {"sum", "keep", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int cli_interval_from_name(const char *name)
{
    static const char *const names[] = {"percentile", "bca", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int cli_distance_from_name(const char *name)
{
    static const char *const names[] = {"inverse", "log", "none", NULL};
    for (int i = 0; name && names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
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

void cli_error_done(const cli_opts_t *o, clout_error_t *err)
{
    /* After a failure only the failure is said (cli_report). */
    for (int i = 0; err && !o->quiet && !clout_error_status(err) && i < clout_error_n_warnings(err);
         i++)
        fprintf(stderr, "clout: warning: %s\n", clout_error_warning(err, i));
    clout_error_free(err);
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

int cli_input_open(const cli_opts_t *o, clout_network_t **net, clout_dataset_t **ds,
                   const char *input, const clout_snapshot_opts_t *so, clout_error_t *err)
{
    if (clout_input_open(net, ds, input, so, err) == CLOUT_OK)
        return 0;
    int code = cli_report(err);
    cli_error_done(o, err);
    return code;
}

int cli_dataset_open(const cli_opts_t *o, clout_dataset_t **ds, const char *input,
                     clout_snapshot_opts_t *so, const char *cmd, const char *why,
                     clout_error_t *err)
{
    clout_network_t *net;
    int code = cli_input_open(o, &net, ds, input, so, err);
    if (code)
        return code;
    if (!*ds) {
        clout_network_free(net);
        cli_error_done(o, err);
        return cli_fail(2, "%s: '%s' is a network file; %s needs a dataset (DATASET@YEAR), %s", cmd,
                        input, cmd, why);
    }
    so->year = net->year;
    clout_network_free(net);
    return 0;
}

bool cli_show_progress(const cli_opts_t *o)
{
    return !o->quiet && (o->progress || isatty(STDERR_FILENO));
}

static void progress_line(const char *what, const char *label, int done, int total)
{
    fprintf(stderr, "\rclout: %s%s%s %d/%d", what, label ? " of " : "", label ? label : "", done,
            total);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

void cli_progress_bootstrap(int done, int total, void *data)
{
    progress_line("bootstrap", data, done, total);
}

void cli_progress_variant(int done, int total, void *data)
{
    (void)data;
    progress_line("robustness: variant", NULL, done, total);
}

void cli_robustness_opts(const cli_opts_t *o, clout_robustness_opts_t *ro)
{
    clout_robustness_opts_init(ro);
    int boot = ro->influence.bootstrap;
    cli_influence_opts(o, &ro->influence);
    if (!cli_given(o, OPT_BOOTSTRAP))
        ro->influence.bootstrap = boot;
}

/* " (default X)" from the library's defaults, or "". */
static char *default_text(const option_spec_t *s)
{
    cli_defaults_t d;
    clout_snapshot_opts_init(&d.snapshot);
    clout_measure_opts_init(&d.measure);
    clout_community_opts_init(&d.community);
    clout_influence_opts_init(&d.influence);
    clout_diff_opts_init(&d.diff);
    d.png_dpi = CLI_PNG_DPI;
    const char *at = (const char *)&d + s->def_at;
    switch (s->def) {
    case 'i': return g_strdup_printf(" (default %d)", *(const int *)at);
    case 'u': return g_strdup_printf(" (default %lu)", *(const unsigned long *)at);
    case 'd': return g_strdup_printf(" (default %g)", *(const double *)at);
    default: return g_strdup("");
    }
}

static void print_help(const cli_command_t *c, FILE *f)
{
    fprintf(f, "usage: clout %s\n\n%s\n", c->usage, c->description);
    if (c->options[0])
        fputs("\noptions:\n", f);
    for (const cli_opt_id_t *id = c->options; *id; id++) {
        const option_spec_t *s = &OPTIONS[*id];
        const char *sep = s->metavar ? " " : "", *mv = s->metavar ? s->metavar : "";
        char *left = s->shrt ? g_strdup_printf("-%c, --%s%s%s", s->shrt, s->name, sep, mv)
                             : g_strdup_printf("    --%s%s%s", s->name, sep, mv);
        char *def = default_text(s);
        fprintf(f, "  %-22s %s%s\n", left, s->help, def);
        g_free(def);
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
    fputs("\nINPUT is DATASET@YEAR, a dataset folder (its latest year), a network file\n"
          "(.graphml, .gml, .gexf, .net), an edge-list .csv (source,target[,weight]) or\n"
          "a whitespace-separated edge list (.edgelist, .txt: source target [weight]).\n"
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
        const char *names[G_N_ELEMENTS(COMMANDS)];
        for (size_t i = 0; i < G_N_ELEMENTS(COMMANDS); i++)
            names[i] = COMMANDS[i] ? COMMANDS[i]->name : NULL;
        *code = cli_unknown("", "command", name, names);
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

/* "a positive number", "a number of 0 or more", ...: what a KIND_NUMBER takes. */
static char *number_range(const option_spec_t *s)
{
    if (s->above)
        return s->min == 0 ? g_strdup("a positive number")
                           : g_strdup_printf("a number above %g", s->min);
    return g_strdup_printf("a number of %g or more", s->min);
}

static bool parse_year(const char *s, int *year)
{
    return strlen(s) == 4 && clout_parse_year(s, year);
}

/* --at Y1,Y2,...: every item a year, at least one. */
static bool parse_years(const option_spec_t *s, const char *arg, cli_years_t *v)
{
    char **items = clout_split_list(arg, ',');
    g_free(v->years);
    v->n = (int)g_strv_length(items);
    v->years = g_new0(int, v->n + 1);
    bool ok = v->n > 0;
    if (!ok)
        cli_fail(2, "--%s: no year given", s->name);
    for (int k = 0; ok && k < v->n; k++)
        if (!(ok = parse_year(items[k], &v->years[k])))
            cli_fail(2, "--%s: '%s' is not a year from %d to %d", s->name, items[k], CLOUT_YEAR_MIN,
                     CLOUT_YEAR_MAX);
    g_strfreev(items);
    return ok;
}

/* The names of an enum option ("a, b or c") as a list. */
static char **enum_names(const option_spec_t *s)
{
    char *flat = g_strdup(s->names);
    char * or = strstr(flat, " or ");
    if (or)
        memcpy(or, ",   ", 4);
    char **names = clout_split_list(flat, ',');
    g_free(flat);
    return names;
}

/* "--format: unknown format 'cvs'; did you mean 'csv'? (valid: ...)"; false. */
static bool enum_unknown(const option_spec_t *s, const char *arg)
{
    char **names = enum_names(s);
    char *prefix = g_strdup_printf("--%s: ", s->name);
    const char *what = strcmp(s->name, "to") == 0 ? "format" : s->name;
    cli_unknown(prefix, what, arg, (const char *const *)names);
    g_free(prefix);
    g_strfreev(names);
    return false;
}

/* A font family that fontconfig has, else exit 2 naming the closest: Pango
 * would silently paint in another. */
static bool parse_font(const option_spec_t *s, const char *arg, void *at)
{
    clout_error_t *err = clout_error_new(1);
    bool ok = clout_font_check(arg, err) == CLOUT_OK;
    if (ok)
        *(const char **)at = arg;
    else
        cli_fail(2, "--%s: %s", s->name, clout_error_message(err, 0));
    clout_error_free(err);
    return ok;
}

/* Reads arg as option s wants it into its field of o; false (and a message
 * that names the option) if the value is not of its kind. */
static bool set_value(const option_spec_t *s, const char *arg, cli_opts_t *o)
{
    void *at = (char *)o + s->at;
    gint64 i;
    double d;
    int k;
    switch (s->kind) {
    case KIND_FLAG: *(bool *)at = true; return true;
    case KIND_STRING:
        /* A \label key goes into the LaTeX as it is: characters that TeX
         * reads as commands or groups would break the document. */
        if (s == &OPTIONS[OPT_LABEL] && arg[strcspn(arg, "\\{}#%$&^~ ")]) {
            cli_fail(2, "--label: '%s' may not hold spaces or any of \\ { } # %% $ & ^ ~", arg);
            return false;
        }
        *(const char **)at = arg;
        return true;
    case KIND_LIST:
        g_strfreev(*(char ***)at);
        *(char ***)at = clout_split_list(arg, ',');
        return true;
    case KIND_YEARS: return parse_years(s, arg, at);
    case KIND_INT:
        if (!g_ascii_string_to_signed(arg, 10, s->lo, s->hi, &i, NULL))
            break;
        *(int *)at = (int)i;
        return true;
    case KIND_NUMBER:
        if (!clout_parse_number(arg, &d) || (s->above ? !(d > s->min) : !(d >= s->min)))
            break;
        *(double *)at = d;
        return true;
    case KIND_YEAR:
        if (!parse_year(arg, &k))
            break;
        *(int *)at = k;
        return true;
    case KIND_ENUM:
        if ((k = s->from_name(arg)) < 0)
            break;
        *(int *)at = k;
        return true;
    case KIND_LENGTH:
        if (!clout_parse_length(arg, &d))
            break;
        *(double *)at = d;
        return true;
    case KIND_FONT: return parse_font(s, arg, at);
    }
    if (s->kind == KIND_ENUM)
        return enum_unknown(s, arg);
    char *what = s->kind == KIND_INT
                     ? g_strdup_printf("a whole number from %ld to %ld", s->lo, s->hi)
                 : s->kind == KIND_NUMBER ? number_range(s)
                 : s->kind == KIND_YEAR
                     ? g_strdup_printf("a year from %d to %d", CLOUT_YEAR_MIN, CLOUT_YEAR_MAX)
                 : s->kind == KIND_ENUM ? g_strdup(s->names)
                                        : g_strdup("a length (180mm, 7in, 18cm, 500pt)");
    cli_fail(2, "--%s: '%s' is not %s", s->name, arg, what);
    g_free(what);
    return false;
}

/* Frees what the options own: lists and years. */
static void release_options(cli_opts_t *o)
{
    for (int id = 1; id < OPT_COUNT; id++) {
        void *at = (char *)o + OPTIONS[id].at;
        if (OPTIONS[id].kind == KIND_LIST)
            g_strfreev(*(char ***)at);
        else if (OPTIONS[id].kind == KIND_YEARS)
            g_free(((cli_years_t *)at)->years);
    }
}

/* getopt_long's view of the options c takes: long options answer
 * LONG_BASE + their id, short ones their letter. */
#define LONG_BASE 256
static struct option *getopt_tables(const cli_command_t *c, GString *shorts)
{
    GArray *longs = g_array_new(TRUE, TRUE, sizeof(struct option));
    g_string_assign(shorts, ":"); /* ':' for a missing value */
    for (const cli_opt_id_t *id = c->options; *id; id++) {
        const option_spec_t *s = &OPTIONS[*id];
        int has_arg = s->kind == KIND_FLAG ? no_argument : required_argument;
        struct option lo = {s->name, has_arg, NULL, LONG_BASE + (int)*id};
        g_array_append_val(longs, lo);
        if (s->shrt) {
            g_string_append_c(shorts, s->shrt);
            if (has_arg == required_argument)
                g_string_append_c(shorts, ':');
        }
    }
    return (struct option *)g_array_free(longs, FALSE);
}

static cli_opt_id_t id_of_short(const cli_command_t *c, int ch)
{
    for (const cli_opt_id_t *id = c->options; *id; id++)
        if (OPTIONS[*id].shrt == ch)
            return *id;
    return OPT_NONE;
}

/* An option getopt did not accept: unknown to clout, or not one of c's. */
static int bad_option(const cli_command_t *c, const char *arg, int letter)
{
    /* "-x", or "--name" without "=value" */
    char *shown = letter ? g_strdup_printf("-%c", letter) : g_strdup(arg);
    shown[strcspn(shown, "=")] = '\0';
    bool known = false;
    for (int id = 1; id < OPT_COUNT; id++)
        known |= letter ? OPTIONS[id].shrt == letter : strcmp(OPTIONS[id].name, shown + 2) == 0;
    int code;
    if (known) {
        code = cli_fail(2, "%s: %s is not an option of %s; see 'clout %s -h'", c->name, shown,
                        c->name, c->name);
    } else {
        /* the command's own options, as --name, for the closest one */
        GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
        for (const cli_opt_id_t *id = c->options; *id; id++)
            g_ptr_array_add(names, g_strdup_printf("--%s", OPTIONS[*id].name));
        g_ptr_array_add(names, NULL);
        char *prefix = g_strdup_printf("%s: ", c->name);
        code = cli_unknown(prefix, "option", shown, (const char *const *)names->pdata);
        g_free(prefix);
        g_ptr_array_free(names, TRUE);
    }
    g_free(shown);
    return code;
}

static int several_years(const cli_command_t *c)
{
    GString *s = g_string_new(NULL);
    for (int i = 0; COMMANDS[i]; i++)
        if (COMMANDS[i]->at_list)
            g_string_append_printf(s, " %s", COMMANDS[i]->name);
    int code = cli_fail(2, "%s: --at takes one year here; several for:%s", c->name, s->str);
    g_string_free(s, TRUE);
    return code;
}

/* Parses the options a command takes; returns -1 to go on, else an exit code. */
static int parse_options(const cli_command_t *c, cli_opts_t *o, int *argc, char ***argv)
{
    GString *shorts = g_string_new(NULL);
    struct option *longs = getopt_tables(c, shorts);
    int code = -1;
    opterr = 0;
    optind = 1;
    int ch;
    while (code < 0 && (ch = getopt_long(*argc, *argv, shorts->str, longs, NULL)) != -1) {
        if (ch == ':') {
            code = cli_fail(2, "%s: option '%s' needs a value; see 'clout %s -h'", c->name,
                            (*argv)[optind - 1], c->name);
            break;
        }
        cli_opt_id_t id = ch >= LONG_BASE ? (cli_opt_id_t)(ch - LONG_BASE) : id_of_short(c, ch);
        if (ch == '?' && optopt >= LONG_BASE) { /* --flag=VALUE */
            code = cli_fail(2, "%s: option '--%s' takes no value; see 'clout %s -h'", c->name,
                            OPTIONS[optopt - LONG_BASE].name, c->name);
            break;
        }
        if (ch == '?' || id == OPT_NONE) {
            code = bad_option(c, (*argv)[optind - 1], optopt);
            break;
        }
        if (!set_value(&OPTIONS[id], optarg, o)) {
            code = 2;
            break;
        }
        o->given[id] = true;
        if (id == OPT_HELP) {
            print_help(c, stdout);
            code = 0;
        }
    }
    g_free(longs);
    g_string_free(shorts, TRUE);
    if (code >= 0)
        return code;
    *argc -= optind;
    *argv += optind;
    if (*argc < c->min_args || *argc > c->max_args)
        return cli_fail(2, "usage: clout %s", c->usage);
    if (cli_given(o, OPT_AT) && o->at.n > 1 && !c->at_list)
        return several_years(c);
    return -1;
}

void cli_influence_opts(const cli_opts_t *o, clout_influence_opts_t *io)
{
    clout_influence_opts_init(io);
    if (cli_given(o, OPT_POLES))
        io->poles = o->poles;
    if (cli_given(o, OPT_FOCUS))
        io->focus = o->focus;
    if (cli_given(o, OPT_BOOTSTRAP))
        io->bootstrap = o->bootstrap;
    if (cli_given(o, OPT_NOISE))
        io->noise = o->noise;
    if (cli_given(o, OPT_INTERVAL))
        io->interval = (clout_interval_method_t)o->interval;
    if (cli_given(o, OPT_JOBS))
        io->jobs = o->jobs;
    if (cli_given(o, OPT_SEED))
        io->seed = (unsigned long)o->seed;
    if (cli_given(o, OPT_ALL_POLES))
        io->all_poles = o->all_poles;
}

clout_snapshot_opts_t cli_snapshot_opts(const cli_opts_t *o)
{
    clout_snapshot_opts_t s;
    clout_snapshot_opts_init(&s);
    if (cli_given(o, OPT_AT))
        s.year = o->at.years[0];
    if (cli_given(o, OPT_WINDOW))
        s.window = o->window;
    if (cli_given(o, OPT_CARRY_FORWARD))
        s.carry_forward = o->carry_forward;
    if (cli_given(o, OPT_HALF_LIFE))
        s.half_life = o->half_life;
    if (cli_given(o, OPT_LAYERS))
        s.layers = o->layers;
    if (cli_given(o, OPT_RELATIONS))
        s.relations = o->relations;
    if (cli_given(o, OPT_DIRECTED))
        s.directed = o->directed;
    if (cli_given(o, OPT_WEIGHT))
        s.weight = o->weight;
    if (cli_given(o, OPT_UNWEIGHTED))
        s.unweighted = o->unweighted;
    if (cli_given(o, OPT_MULTI))
        s.multi_keep = o->multi == 1;
    return s;
}

char **cli_measures(const cli_opts_t *o)
{
    if (!cli_given(o, OPT_MEASURES))
        return NULL;
    char **m = o->measures;
    return m[0] && strcmp(m[0], "all") == 0 && !m[1] ? NULL : m;
}

clout_format_t cli_table_format(const cli_opts_t *o)
{
    if (cli_given(o, OPT_FORMAT))
        return (clout_format_t)o->format;
    if (o->output && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        int f = dot ? clout_format_from_name(dot + 1) : -1;
        return f >= 0 ? (clout_format_t)f : CLOUT_FMT_CSV;
    }
    return isatty(STDOUT_FILENO) ? CLOUT_FMT_TABLE : CLOUT_FMT_CSV;
}

int cli_unknown(const char *prefix, const char *what, const char *name, const char *const *valid)
{
    char *m = clout_unknown_message(what, name, valid);
    int code = cli_fail(2, "%s%s", prefix, m);
    g_free(m);
    return code;
}

bool cli_check_table(const cli_opts_t *o, const char *const *valid)
{
    if (!o->table || g_strv_contains(valid, o->table))
        return true;
    cli_unknown("--table: ", "table", o->table, valid);
    return false;
}

static clout_write_opts_t write_opts(const cli_opts_t *o)
{
    clout_write_opts_t w;
    clout_write_opts_init(&w);
    w.flags = o->safe_csv ? CLOUT_WRITE_SPREADSHEET_SAFE : 0;
    if (cli_given(o, OPT_DIGITS))
        w.digits = o->digits;
    w.raw_names = o->raw_names;
    w.caption = o->caption;
    w.label = o->label;
    return w;
}

/* -o DIR/ (a trailing slash, or a folder that exists): one file per table. */
static bool output_is_folder(const char *path)
{
    return path && strcmp(path, "-") != 0 &&
           (g_str_has_suffix(path, "/") || g_file_test(path, G_FILE_TEST_IS_DIR));
}

/* Writes tables (n of them) to path, or to stdout when path is NULL. */
static int write_to(const char *path, clout_table_t *const *tables, int n, clout_format_t fmt,
                    const clout_write_opts_t *w)
{
    clout_error_t *err = clout_error_new(0);
    clout_output_t *out;
    clout_status_t st = clout_output_open(&out, path, err);
    if (!st) {
        st = clout_tables_write_opts(tables, n, clout_output_file(out), fmt, w, err);
        if (st)
            clout_output_abort(out);
        else
            st = clout_output_commit(out, err);
    }
    int code = st ? cli_report(err) : 0;
    clout_error_free(err);
    return code;
}

int cli_write_tables(const cli_opts_t *o, clout_table_t *const *tables, int n)
{
    static const char *const ext[] = {"csv", "tsv", "json", "md", "tex", "txt"};
    clout_write_opts_t w = write_opts(o);
    for (int i = 0; o->table && i < n; i++)
        if (strcmp(clout_table_name(tables[i]), o->table) == 0) {
            tables += i;
            n = 1;
        }
    if (output_is_folder(o->output)) {
        clout_format_t fmt = cli_given(o, OPT_FORMAT) ? (clout_format_t)o->format : CLOUT_FMT_CSV;
        if (g_mkdir_with_parents(o->output, 0777) != 0)
            return cli_fail(1, "cannot make the folder '%s': %s", o->output, g_strerror(errno));
        int code = 0;
        for (int i = 0; i < n && !code; i++) {
            char *file = g_strdup_printf("%s.%s", clout_table_name(tables[i]), ext[fmt]);
            char *path = g_build_filename(o->output, file, NULL);
            code = write_to(path, &tables[i], 1, fmt, &w);
            g_free(path);
            g_free(file);
        }
        return code;
    }
    clout_format_t fmt = cli_table_format(o);
    /* One table per stream where a reader takes one: the command's main table. */
    if (fmt == CLOUT_FMT_CSV || fmt == CLOUT_FMT_TSV || fmt == CLOUT_FMT_TEX)
        n = MIN(n, 1);
    return write_to(o->output, tables, n, fmt, &w);
}

/* Runs fn once or once a year and stacks the tables (cli_years_write). */
static int years_tables(const cli_opts_t *o, const char *input, cli_year_fn fn, void *data,
                        clout_table_t **tables, int *n)
{
    *n = 0;
    int ny = cli_given(o, OPT_AT) ? o->at.n : 1;
    if (ny > 1 && strrchr(input, '@') && !g_file_test(input, G_FILE_TEST_EXISTS))
        return cli_fail(2, "'%s': with several years in --at, INPUT is the dataset without @YEAR",
                        input);
    typedef clout_table_t *year_tables_t[CLI_MAX_TABLES];
    year_tables_t *per = g_new0(year_tables_t, ny);
    int code = 0, nt = 0;
    for (int y = 0; y < ny && !code; y++) {
        clout_snapshot_opts_t so = cli_snapshot_opts(o);
        if (cli_given(o, OPT_AT))
            so.year = o->at.years[y];
        code = fn(o, input, &so, per[y], &nt, data);
    }
    if (!code && ny == 1) {
        memcpy(tables, per[0], sizeof per[0]);
        *n = nt;
    } else if (!code) {
        /* one long table of each kind, the years in --at's order */
        for (int k = 0; k < nt; k++) {
            clout_table_t **col = g_new(clout_table_t *, ny);
            for (int y = 0; y < ny; y++)
                col[y] = per[y][k];
            tables[k] = clout_table_stack(col, o->at.years, ny, "year");
            g_free(col);
        }
        *n = nt;
    }
    for (int y = 0; y < ny && (code || ny > 1); y++)
        for (int k = 0; k < CLI_MAX_TABLES; k++)
            clout_table_free(per[y][k]);
    g_free(per);
    return code;
}

int cli_years_write(const cli_opts_t *o, const char *input, cli_year_fn fn, void *data)
{
    clout_table_t *t[CLI_MAX_TABLES] = {NULL};
    int n;
    int code = years_tables(o, input, fn, data, t, &n);
    if (!code)
        code = cli_write_tables(o, t, n);
    for (int i = 0; i < n; i++)
        clout_table_free(t[i]);
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
    argc--;
    argv++;
    code = parse_options(c, &o, &argc, &argv);
    if (code < 0)
        code = c->run(c, &o, argc, argv);
    release_options(&o);
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
