/* options.h: every command-line option of clout, declared once, as data.
 *
 * Deliberately without an include guard: cli.h includes it to declare the
 * ids (OPT_WINDOW, ...) and the fields of cli_opts_t, and clout.c to build
 * the option table that parses, checks and documents them (-h).  A row is
 *
 *     CLI_OPTION(ID, field, "long-name", 'short letter' or 0, KIND,
 *                "METAVAR" (NULL for a flag), "help", DEFAULT)
 *
 * KIND says what the value is, how it is checked and what field holds it:
 *     CLI_FLAG                 bool, no argument
 *     CLI_INT(lo, hi)          int, a whole number from lo to hi
 *     CLI_NUMBER_ABOVE(x)      double, a number greater than x
 *     CLI_NUMBER_FROM(x)       double, a number of x or more
 *     CLI_YEAR                 int, a year (CLOUT_YEAR_MIN..CLOUT_YEAR_MAX)
 *     CLI_YEARS                cli_years_t, a comma-separated list of years
 *     CLI_STRING               const char *, as given
 *     CLI_LIST                 char **, comma-separated, owned (freed from the table)
 *     CLI_ENUM(from_name, "a, b or c")   int, what from_name returns (-1: not one of them)
 *     CLI_LENGTH               double, a length in points (clout_parse_length)
 *     CLI_FONT                 const char *, a font family fontconfig has (clout_font_check)
 * DEFAULT is CLI_NO_DEFAULT, or CLI_DEFAULT_INT/ULONG/NUMBER(member): where
 * the library keeps the default, which -h then shows as "(default X)"
 * (members of cli_defaults_t in clout.c: the library's options structs as
 * their init functions fill them in).
 *
 * A value lands in its field only when the option is given, and
 * cli_given(o, OPT_ID) says whether it was: the commands start from the
 * library's defaults and override only what the user gave.  Adding an
 * option: a row here, its id in the option lists of the commands that take
 * it, the code that uses it, and its lines in their man pages. */

CLI_OPTION(
    AT, at, "at", 0, CLI_YEARS, "YEAR",
    "snapshot year (DATASET@YEAR says the same); render, chart, report, build --dynamic: a list",
    CLI_NO_DEFAULT)
CLI_OPTION(WINDOW, window, "window", 0, CLI_INT(1, 1000), "N",
           "years of flows summed into a snapshot", CLI_DEFAULT_INT(snapshot.window))
CLI_OPTION(CARRY_FORWARD, carry_forward, "carry-forward", 0, CLI_INT(1, 1000), "N",
           "use a relation's last covered years when its source ended at most N years before "
           "(marked in every output; default: no data)",
           CLI_NO_DEFAULT)
CLI_OPTION(HALF_LIFE, half_life, "half-life", 0, CLI_NUMBER_ABOVE(0), "YEARS",
           "events in the window weigh 0.5^(age/YEARS) (default: each counts 1)", CLI_NO_DEFAULT)
CLI_OPTION(LAYERS, layers, "layers", 0, CLI_LIST, "LIST",
           "keep only these layers (comma-separated)", CLI_NO_DEFAULT)
CLI_OPTION(RELATIONS, relations, "relations", 0, CLI_LIST, "LIST",
           "keep only these relations (comma-separated)", CLI_NO_DEFAULT)
CLI_OPTION(DIRECTED, directed, "directed", 0, CLI_FLAG, NULL,
           "read an edge list or a matrix as directed", CLI_NO_DEFAULT)
CLI_OPTION(WEIGHT, weight, "weight", 0, CLI_STRING, "ATTR",
           "network files: the edge attribute that holds the weights (default: weight)",
           CLI_NO_DEFAULT)
CLI_OPTION(MULTI, multi, "multi", 0, CLI_ENUM(cli_multi_from_name, "sum or keep"), "HOW",
           "network files: parallel edges summed into one (sum, default) or kept apart (keep)",
           CLI_NO_DEFAULT)
CLI_OPTION(SEED, seed, "seed", 0, CLI_INT(0, G_MAXINT), "N", "seed of every random step",
           CLI_DEFAULT_ULONG(influence.seed))
CLI_OPTION(FORMAT, format, "format", 0,
           CLI_ENUM(clout_format_from_name, "csv, tsv, json, md, tex or table"), "FORMAT",
           "csv, tsv, json, md, tex or table (default: table on a terminal, else csv)",
           CLI_NO_DEFAULT)
CLI_OPTION(TO, to, "to", 0,
           CLI_ENUM(clout_netformat_from_name,
                    "graphml, gml, gexf, dot, pajek, edgelist, csv or matrix"),
           "FORMAT",
           "graphml, gml, gexf, dot, pajek, edgelist, csv or matrix (default: from -o's "
           "extension, else graphml)",
           CLI_NO_DEFAULT)
CLI_OPTION(DYNAMIC, dynamic, "dynamic", 0, CLI_FLAG, NULL,
           "gexf: the whole dataset over time, every year (or the --at years) as spells",
           CLI_NO_DEFAULT)
CLI_OPTION(ACTORS, actors, "actors", 0, CLI_LIST, "LIST",
           "keep only ties among these actor ids (comma-separated)", CLI_NO_DEFAULT)
CLI_OPTION(FROM, from, "from", 0, CLI_YEAR, "YEAR", "keep only ties that reach YEAR or later",
           CLI_NO_DEFAULT)
CLI_OPTION(UNTIL, until, "until", 0, CLI_YEAR, "YEAR",
           "keep only ties that start in YEAR or earlier", CLI_NO_DEFAULT)
CLI_OPTION(IGOS, igos, "igos", 0, CLI_LIST, "LIST",
           "cow-igo: these IGO columns (default: all in the code table)", CLI_NO_DEFAULT)
CLI_OPTION(PREFER, prefer, "prefer", 0, CLI_STRING, "WHOSE",
           "imf-dots: whose report of a flow: importer (default), exporter, max or mean",
           CLI_NO_DEFAULT)
CLI_OPTION(UNADJUSTED, unadjusted, "unadjusted", 0, CLI_FLAG, NULL,
           "gcdf: AidData's amounts, not its adjusted amounts", CLI_NO_DEFAULT)
CLI_OPTION(CLASSES, classes, "classes", 0, CLI_LIST, "LIST",
           "gcdf: the flow classes summed: oda, oof, vague (default all)", CLI_NO_DEFAULT)
CLI_OPTION(ISSUES, issues, "issues", 0, CLI_LIST, "LIST",
           "unga: only roll calls on these issues: me, nu, di, hr, co, ec", CLI_NO_DEFAULT)
CLI_OPTION(MEASURES, measures, "measures", 0, CLI_LIST, "LIST",
           "the measures to compute, comma-separated, or all (default)", CLI_NO_DEFAULT)
CLI_OPTION(DISTANCE, distance, "distance", 0,
           CLI_ENUM(cli_distance_from_name, "inverse, log or none"), "HOW",
           "path length from a weight: inverse (1/w, default), log (-log w) or none (w)",
           CLI_NO_DEFAULT)
CLI_OPTION(NORMALIZED, normalized, "normalized", 0, CLI_FLAG, NULL,
           "normalised betweenness, closeness and harmonic", CLI_NO_DEFAULT)
CLI_OPTION(UNWEIGHTED, unweighted, "unweighted", 0, CLI_FLAG, NULL,
           "ignore weights: every tie counts 1 (network files: read so)", CLI_NO_DEFAULT)
CLI_OPTION(GROUPS, groups, "groups", 0, CLI_STRING, "ATTR",
           "brokerage roles over this actor attribute (kind, role, ...)", CLI_NO_DEFAULT)
CLI_OPTION(KATZ_ALPHA, katz_alpha, "katz-alpha", 0, CLI_NUMBER_ABOVE(0), "A",
           "Katz attenuation (default 0.9 / largest eigenvalue)", CLI_NO_DEFAULT)
CLI_OPTION(CUTOFF, cutoff, "cutoff", 0, CLI_NUMBER_ABOVE(0), "D",
           "betweenness, closeness, harmonic: only paths of length D or less (default: all)",
           CLI_NO_DEFAULT)
CLI_OPTION(SAMPLE, sample, "sample", 0, CLI_INT(1, G_MAXINT), "K",
           "betweenness estimated from K random sources (default: exact)", CLI_NO_DEFAULT)
CLI_OPTION(TOLERANCE, tolerance, "tolerance", 0, CLI_NUMBER_FROM(0), "T",
           "leiden: stop when an iteration gains less than T, or 0: when stable",
           CLI_DEFAULT_NUMBER(community.tolerance))
CLI_OPTION(METHOD, method, "method", 0,
           CLI_ENUM(clout_cmethod_from_name, "leiden, leiden-cpm, louvain, infomap, walktrap, "
                                             "labelprop, fastgreedy or spinglass"),
           "NAME",
           "leiden (default), leiden-cpm, louvain, infomap, walktrap, labelprop, fastgreedy, "
           "spinglass",
           CLI_NO_DEFAULT)
CLI_OPTION(RESOLUTION, resolution, "resolution", 0, CLI_NUMBER_ABOVE(0), "R",
           "resolution of leiden, louvain and spinglass", CLI_DEFAULT_NUMBER(community.resolution))
CLI_OPTION(RUNS, runs, "runs", 0, CLI_INT(1, 100000), "N",
           "runs with seeds SEED..SEED+N-1, combined by consensus", CLI_DEFAULT_INT(community.runs))
CLI_OPTION(COMPARE, compare, "compare", 0, CLI_STRING, "FILE",
           "compare with a partition in FILE (CSV: id,community)", CLI_NO_DEFAULT)
CLI_OPTION(POLES, poles, "poles", 0, CLI_LIST, "LIST",
           "the poles, in balance order (default: role pole; RUS,CHN)", CLI_NO_DEFAULT)
CLI_OPTION(FOCUS, focus, "focus", 0, CLI_LIST, "LIST", "the focus actors (default: role focus)",
           CLI_NO_DEFAULT)
CLI_OPTION(ALL_POLES, all_poles, "all-poles", 0, CLI_FLAG, NULL,
           "leading_pole among every pole (default: the balance's two)", CLI_NO_DEFAULT)
CLI_OPTION(ALL_RELATIONS, all_relations, "all-relations", 0, CLI_FLAG, NULL,
           "compare every relation, also those whose sources do not cover every year compared",
           CLI_NO_DEFAULT)
CLI_OPTION(BOOTSTRAP, bootstrap, "bootstrap", 0, CLI_INT(0, 1000000), "N",
           "bootstrap replicates for 95% intervals", CLI_DEFAULT_INT(influence.bootstrap))
CLI_OPTION(ROBUSTNESS, robustness, "robustness", 0, CLI_FLAG, NULL,
           "diff: the change of each balance under every robustness variant (clout robustness)",
           CLI_NO_DEFAULT)
CLI_OPTION(INTERVAL, interval, "interval", 0, CLI_ENUM(cli_interval_from_name, "percentile or bca"),
           "HOW",
           "bootstrap intervals: percentile (default) or bca (bias-corrected and accelerated)",
           CLI_NO_DEFAULT)
CLI_OPTION(NOISE, noise, "noise", 0, CLI_NUMBER_FROM(0), "SD",
           "log-normal noise on flow values in the bootstrap", CLI_DEFAULT_NUMBER(influence.noise))
CLI_OPTION(JOBS, jobs, "jobs", 'j', CLI_INT(1, 1024), "N",
           "processes for the bootstrap (default: the cores)", CLI_NO_DEFAULT)
CLI_OPTION(TABLE, table, "table", 0, CLI_STRING, "NAME",
           "the table to write (default: the command's main table; json, md and table: all)",
           CLI_NO_DEFAULT)
CLI_OPTION(DIGITS, digits, "digits", 0, CLI_INT(0, 12), "N",
           "tex, md, table: N decimals (default tex: 2 for shares and balances, else 3 "
           "significant digits)",
           CLI_NO_DEFAULT)
CLI_OPTION(RAW_NAMES, raw_names, "raw-names", 0, CLI_FLAG, NULL,
           "tex: machine column names as headers (default: readable ones)", CLI_NO_DEFAULT)
CLI_OPTION(CAPTION, caption, "caption", 0, CLI_STRING, "TEXT",
           "tex: a table float with this caption", CLI_NO_DEFAULT)
CLI_OPTION(LABEL, label, "label", 0, CLI_STRING, "KEY", "tex: a table float with this \\label",
           CLI_NO_DEFAULT)
CLI_OPTION(LAYOUT, layout, "layout", 0,
           CLI_ENUM(clout_layout_engine_from_name, "neato, fdp, sfdp, dot, circo, twopi or geo"),
           "NAME", "neato (default), fdp, sfdp, dot, circo, twopi or geo", CLI_NO_DEFAULT)
CLI_OPTION(COLOR, color, "color", 0,
           CLI_ENUM(clout_fill_from_name, "balance, community, kind, layer or none"), "BY",
           "fill by balance (default), community, kind, layer or none", CLI_NO_DEFAULT)
CLI_OPTION(SIZE, size, "size", 0, CLI_STRING, "MEASURE",
           "node area by this measure (pagerank, degree, ...)", CLI_NO_DEFAULT)
CLI_OPTION(PIN, pin, "pin", 0, CLI_STRING, "FILE", "reuse positions from FILE (CSV: id,x,y)",
           CLI_NO_DEFAULT)
CLI_OPTION(SAVE_LAYOUT, save_layout, "save-layout", 0, CLI_STRING, "FILE",
           "write the positions to FILE (CSV: id,x,y)", CLI_NO_DEFAULT)
CLI_OPTION(LABELS, labels, "labels", 0,
           CLI_ENUM(clout_labels_from_name, "fit, all, focus, poles or none"), "WHICH",
           "label every actor that finds room (fit, the default), all, focus, poles or none",
           CLI_NO_DEFAULT)
CLI_OPTION(TITLE, title, "title", 0, CLI_STRING, "TEXT", "the figure's title ('' for none)",
           CLI_NO_DEFAULT)
CLI_OPTION(NO_TITLE, no_title, "no-title", 0, CLI_FLAG, NULL,
           "no title, and no band for it (the same as --title '')", CLI_NO_DEFAULT)
CLI_OPTION(FONT, font, "font", 0, CLI_FONT, "FAMILY",
           "the font of every text: a family fontconfig has (default DejaVu Sans)", CLI_NO_DEFAULT)
CLI_OPTION(NO_SOURCE, no_source, "no-source", 0, CLI_FLAG, NULL,
           "leave out the source line under the figure", CLI_NO_DEFAULT)
CLI_OPTION(WIDTH, width, "width", 0, CLI_LENGTH, "LEN", "figure width: 180mm (default), 7in, 500pt",
           CLI_NO_DEFAULT)
CLI_OPTION(HEIGHT, height, "height", 0, CLI_LENGTH, "LEN",
           "figure height (default: from the width)", CLI_NO_DEFAULT)
CLI_OPTION(DPI, dpi, "dpi", 0, CLI_INT(10, 2400), "N", "PNG resolution", CLI_DEFAULT_INT(png_dpi))
CLI_OPTION(OF, of, "of", 0, CLI_STRING, "WHAT",
           "slope, trend: balance (default) or a measure or pole", CLI_NO_DEFAULT)
CLI_OPTION(LAYER, layer, "layer", 0, CLI_STRING, "LAYER",
           "charts: the layer to show (default all); balance, heatmap --of layers: a list",
           CLI_NO_DEFAULT)
CLI_OPTION(PERMUTATIONS, permutations, "permutations", 0, CLI_INT(0, 10000000), "N",
           "QAP permutations", CLI_DEFAULT_INT(diff.permutations))
CLI_OPTION(SAFE_CSV, safe_csv, "spreadsheet-safe", 0, CLI_FLAG, NULL,
           "prefix CSV/TSV text cells that start with = + - @ with ' (no formulas)", CLI_NO_DEFAULT)
CLI_OPTION(OUTPUT, output, "output", 'o', CLI_STRING, "FILE",
           "write to FILE (atomically) instead of standard output (tables: DIR/, a file each)",
           CLI_NO_DEFAULT)
CLI_OPTION(QUIET, quiet, "quiet", 'q', CLI_FLAG, NULL, "say nothing on success", CLI_NO_DEFAULT)
CLI_OPTION(PROGRESS, progress, "progress", 0, CLI_FLAG, NULL, "report progress on standard error",
           CLI_NO_DEFAULT)
CLI_OPTION(HELP, help, "help", 'h', CLI_FLAG, NULL, "show this help", CLI_NO_DEFAULT)
