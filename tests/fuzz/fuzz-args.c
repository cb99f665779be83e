/* fuzz-args.c: libFuzzer target for INPUT (DATASET@YEAR, folders, files) and the option-value
 * parsers. */
#include <config.h>

#include "fuzz.h"
#include "internal.h"

/* The input is up to four lines, what a user could type:
 *     INPUT            clout_input_open, and every value parser
 *     LAYERS           --layers (a comma-separated list)
 *     RELATIONS        --relations
 *     WINDOW           --window
 * INPUT is a path in a scratch folder that holds a dataset "ds", the
 * networks net.csv, net.graphml and net.gml, and a plain file.txt, so that
 * "ds@2020", "net.csv@2020" and "file.txt" each reach their own path.  An
 * INPUT that could leave that folder (absolute, or with "..") is not opened:
 * the fuzzer is not to read the machine's files. */

/* A small dataset like graphs/examples/tiny: poles, a bloc with leads, state
 * ties with dates, flows in the window. */
static const char ACTORS[] = "id,name,kind,role,lead,lat,lon,start,end\n"
                             "NRL,Norland,state,pole,,60,10,,\n"
                             "SDL,Sudland,state,pole,,30,10,,\n"
                             "ELD,Eastland,state,focus,,45,30,,\n"
                             "MDL,Midland,state,focus,,45,10,,\n"
                             "CMKT,Common Market,bloc,,NRL;SDL,,,2018,\n";
static const char RELATIONS[] = "relation,layer,directed,mode,scale,weight\n"
                                "member,diplomatic,no,state,binary,1\n"
                                "defense_pact,security,no,state,binary,1\n"
                                "trade,economic,yes,flow,share,1\n"
                                "arms_transfer,security,yes,flow,log,1\n";
static const char TIES[] = "source,target,relation,value,start,end,source_ref,note\n"
                           "NRL,CMKT,member,,2018,,fictional,\n"
                           "MDL,CMKT,member,,2020-07-01,,fictional,\n"
                           "NRL,ELD,defense_pact,,2016,2021,fictional,\n"
                           "NRL,ELD,trade,10,2018,,fictional,\n"
                           "SDL,ELD,trade,20,2022,,fictional,\n"
                           "SDL,MDL,arms_transfer,99,2021,,fictional,\n";
static const char EDGES[] = "source,target,weight\nA,B,1\nB,C,2.5\nC,A,1\n";
static const char GRAPHML[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <graph id=\"G\" edgedefault=\"undirected\">\n"
    "    <node id=\"A\"/><node id=\"B\"/>\n"
    "    <edge source=\"A\" target=\"B\"><data key=\"weight\">2</data></edge>\n"
    "  </graph>\n</graphml>\n";
static const char GML[] = "graph [\n  directed 1\n  node [ id 0 label \"A\" ]\n"
                          "  node [ id 1 label \"B\" ]\n  edge [ source 0 target 1 weight 3 ]\n]\n";

static void put(const char *name, const char *text)
{
    char *p = fuzz_path(name);
    fuzz_write(p, (const uint8_t *)text, strlen(text));
    g_free(p);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    clout_init();
    char *ds = fuzz_path("ds");
    g_mkdir_with_parents(ds, 0700);
    g_free(ds);
    put("ds/actors.csv", ACTORS);
    put("ds/relations.csv", RELATIONS);
    put("ds/ties.csv", TIES);
    put("net.csv", EDGES);
    put("net.graphml", GRAPHML);
    put("net.gml", GML);
    put("file.txt", "not a network\n");
    /* No chdir: libFuzzer reads the corpus folders, relative paths, later. */
    return 0;
}

static void parse_values(const char *s)
{
    int year;
    if (clout_parse_year(s, &year))
        FUZZ_CHECK(year >= CLOUT_YEAR_MIN && year <= CLOUT_YEAR_MAX, "year %d from '%s'", year, s);
    double v;
    if (clout_parse_number(s, &v))
        FUZZ_CHECK(isfinite(v), "number %g from '%s'", v, s);
    if (clout_parse_length(s, &v))
        FUZZ_CHECK(isfinite(v) && v > 0, "length %g from '%s'", v, s);
    for (const char *sep = ",;@"; *sep; sep++) {
        char **list = clout_split_list(s, *sep);
        for (char **p = list; *p; p++)
            FUZZ_CHECK(**p && !strchr(*p, *sep) && !g_ascii_isspace(**p),
                       "list item '%s' from '%s'", *p, s);
        g_strfreev(list);
    }
    (void)clout_format_from_name(s);
    (void)clout_netformat_from_name(s);
    (void)clout_netformat_from_path(s);
    (void)clout_cmethod_from_name(s);
    (void)clout_layout_engine_from_name(s);
    (void)clout_fill_from_name(s);
    (void)clout_labels_from_name(s);
    /* Only clout's own constants reach cl_color_hex, so only well-formed
     * colours are held to the range (a malformed one such as "#-1-1-1" gives
     * components past 1; it has no way to say it is invalid). */
    clout_rgba_t c = cl_color_hex(s);
    size_t n = strlen(s);
    bool hex = (n == 7 || n == 9) && s[0] == '#';
    for (size_t i = 1; hex && i < n; i++)
        hex = g_ascii_isxdigit(s[i]);
    if (hex)
        FUZZ_CHECK(c.r >= 0 && c.r <= 1 && c.g >= 0 && c.g <= 1 && c.b >= 0 && c.b <= 1 &&
                       c.a >= 0 && c.a <= 1,
                   "colour out of range from '%s'", s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Up to the first NUL: a command-line argument cannot hold one. */
    char *text = g_strndup((const char *)data, size);
    char **lines = g_strsplit(text, "\n", 4);
    g_free(text);
    const char *input = lines[0] ? lines[0] : ""; /* g_strsplit("") gives no line */
    parse_values(input);

    clout_snapshot_opts_t o;

    clout_snapshot_opts_init(&o);
    if (lines[0] && lines[1])
        o.layers = clout_split_list(lines[1], ',');
    if (lines[0] && lines[1] && lines[2])
        o.relations = clout_split_list(lines[2], ',');
    double w;
    if (lines[0] && lines[1] && lines[2] && lines[3] && clout_parse_number(lines[3], &w) &&
        w >= 1 && w <= 1000)
        o.window = (int)w;
    if (input[0] != '/' && !strstr(input, "..")) {
        clout_network_t *net = NULL;
        clout_dataset_t *ds = NULL;
        clout_error_t *err = clout_error_new(0);
        char *path = g_build_filename(fuzz_dir(), input, NULL);
        clout_status_t st = clout_input_open(&net, &ds, path, &o, err);
        g_free(path);
        fuzz_check_failed(st, err);
        FUZZ_CHECK((st == CLOUT_OK) == (net != NULL), "status %d, network %p", (int)st,
                   (void *)net);
        if (net)
            fuzz_write_network(net);
        clout_network_free(net);
        clout_dataset_free(ds);
        clout_error_free(err);
    }
    g_strfreev(o.layers);
    g_strfreev(o.relations);
    g_strfreev(lines);
    return 0;
}
