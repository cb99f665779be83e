/* test-table.c: unit tests of src/table.c through the public table API and its six writers. */
#include <config.h>

#include <glib.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clout.h>
#include "internal.h"

/*
 * Every expected output below is written by hand from the rules in
 * src/table.c (cell_text: "%.0f" for integers and whole numbers, "%.12g" in
 * machine formats, "%.6g" in human ones, a missing number is empty; the
 * escaping rules of each writer), not pasted from the program's output.
 */

/* The hostile strings of the main table, row by row; row 4 has none (NULL). */
#define L0 "a,b \"c\""
#define L1 "x\ny\tz\\w"
#define L2 "|&%$#_{}~^<"
#define L3 "Привет 中文"

/* label (text), value (number), count (integer); five rows. */
static clout_table_t *main_table(void)
{
    clout_table_t *t = clout_table_new("main");
    g_assert_cmpint(clout_table_add_column(t, "label", CLOUT_COL_STR), ==, 0);
    g_assert_cmpint(clout_table_add_column(t, "value", CLOUT_COL_NUM), ==, 1);
    g_assert_cmpint(clout_table_add_column(t, "count", CLOUT_COL_INT), ==, 2);
    static const char *labels[] = {L0, L1, L2, L3, NULL};
    const double values[] = {0.5, 1.0 / 3.0, 1e-7, 12345678, NAN};
    static const long counts[] = {1, -2, 0, 1000000, 42};
    for (int r = 0; r < 5; r++) {
        g_assert_cmpint(clout_table_add_row(t), ==, r);
        if (labels[r])
            clout_table_set_str(t, r, 0, labels[r]);
        clout_table_set_num(t, r, 1, values[r]);
        clout_table_set_int(t, r, 2, counts[r]);
    }
    return t;
}

/* Writes n tables in fmt into a string; free() it. */
static char *write_tables(clout_table_t *const *tables, int n, clout_format_t fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    g_assert_nonnull(f);
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_tables_write(tables, n, f, fmt, err), ==, CLOUT_OK);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    clout_error_free(err);
    g_assert_cmpint(fclose(f), ==, 0);
    g_assert_cmpuint(strlen(buf), ==, len); /* no NUL byte in the output */
    return buf;
}

static char *write_one(clout_table_t *t, clout_format_t fmt)
{
    return write_tables(&t, 1, fmt);
}

/* ---- JSON validation by Python's parser ---- */

/* Strict: Python would otherwise accept NaN and Infinity, which JSON lacks. */
static const char py_strict[] = "import json, sys\n"
                                "def bad(s):\n"
                                "    raise ValueError('not JSON: ' + s)\n"
                                "d = json.load(sys.stdin, parse_constant=bad)\n";

/* Runs python3 -c script+checks args... with input on stdin.  Returns 1 when
 * it exits with 0, 0 when it fails, -1 when there is no python3. */
static int run_python(const char *checks, const char *input, const char *const *args)
{
    const char *py = g_getenv("PYTHON3");
    if (!py || !*py)
        py = "/usr/bin/python3";
    if (!g_file_test(py, G_FILE_TEST_IS_EXECUTABLE))
        return -1;
    char *script = g_strconcat(py_strict, checks ? checks : "", NULL);
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)py);
    g_ptr_array_add(argv, (char *)"-c");
    g_ptr_array_add(argv, script);
    for (int i = 0; args && args[i]; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);

    GPid pid;
    int in_fd = -1;
    GError *gerr = NULL;
    g_spawn_async_with_pipes(NULL, (char **)argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                             NULL, &pid, &in_fd, NULL, NULL, &gerr);
    g_assert_no_error(gerr);
    for (size_t off = 0, len = strlen(input); off < len;) {
        ssize_t k = write(in_fd, input + off, len - off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            break; /* python died early; its status tells */
        off += (size_t)k;
    }
    close(in_fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    g_spawn_close_pid(pid);
    g_ptr_array_free(argv, TRUE);
    g_free(script);
    return g_spawn_check_wait_status(status, NULL) ? 1 : 0;
}

/* ---- tests ---- */

static void test_accessors(void)
{
    clout_table_t *t = main_table();
    g_assert_cmpstr(clout_table_name(t), ==, "main");
    g_assert_cmpint(clout_table_n_rows(t), ==, 5);
    g_assert_cmpint(clout_table_n_cols(t), ==, 3);
    g_assert_cmpstr(clout_table_column_name(t, 1), ==, "value");
    g_assert_cmpint(clout_table_column_type(t, 0), ==, CLOUT_COL_STR);
    g_assert_cmpint(clout_table_column_type(t, 1), ==, CLOUT_COL_NUM);
    g_assert_cmpint(clout_table_column_type(t, 2), ==, CLOUT_COL_INT);
    g_assert_cmpstr(clout_table_get_str(t, 1, 0), ==, L1);
    g_assert_null(clout_table_get_str(t, 4, 0));
    g_assert_null(clout_table_get_str(t, 0, 1)); /* not a text column */
    g_assert_cmpfloat(clout_table_get_num(t, 2, 1), ==, 1e-7);
    g_assert_true(isnan(clout_table_get_num(t, 4, 1)));
    g_assert_true(isnan(clout_table_get_num(t, 0, 0))); /* not a number column */
    g_assert_cmpfloat(clout_table_get_num(t, 1, 2), ==, -2);
    /* A row starts empty. */
    int r = clout_table_add_row(t);
    g_assert_cmpint(r, ==, 5);
    g_assert_null(clout_table_get_str(t, r, 0));
    g_assert_true(isnan(clout_table_get_num(t, r, 2)));
    clout_table_free(t);
    clout_table_free(NULL);
}

static void test_format_names(void)
{
    g_assert_cmpint(clout_format_from_name("csv"), ==, CLOUT_FMT_CSV);
    g_assert_cmpint(clout_format_from_name("tsv"), ==, CLOUT_FMT_TSV);
    g_assert_cmpint(clout_format_from_name("json"), ==, CLOUT_FMT_JSON);
    g_assert_cmpint(clout_format_from_name("md"), ==, CLOUT_FMT_MD);
    g_assert_cmpint(clout_format_from_name("tex"), ==, CLOUT_FMT_TEX);
    g_assert_cmpint(clout_format_from_name("table"), ==, CLOUT_FMT_TABLE);
    g_assert_cmpint(clout_format_from_name("xml"), ==, -1);
    g_assert_cmpint(clout_format_from_name(""), ==, -1);
    g_assert_cmpint(clout_format_from_name("CSV"), ==, -1);
    g_assert_cmpint(clout_format_from_name("tabl"), ==, -1);
    g_assert_cmpint(clout_format_from_name("json "), ==, -1);
}

static void test_csv(void)
{
    /* RFC 4180: quote a cell with a comma, quote or line break, double the
     * quote; a tab or backslash needs nothing. */
    static const char want[] = "label,value,count\n"
                               "\"a,b \"\"c\"\"\",0.5,1\n"
                               "\"x\ny\tz\\w\",0.333333333333,-2\n"
                               "|&%$#_{}~^<,1e-07,0\n"
                               "Привет 中文,12345678,1000000\n"
                               ",,42\n";
    clout_table_t *t = main_table();
    char *got = write_one(t, CLOUT_FMT_CSV);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(t);
}

static void test_csv_round_trip(void)
{
    /* What the writer writes, clout's own reader reads back cell for cell. */
    static const char *want[6][3] = {{"label", "value", "count"},  {L0, "0.5", "1"},
                                     {L1, "0.333333333333", "-2"}, {L2, "1e-07", "0"},
                                     {L3, "12345678", "1000000"},  {"", "", "42"}};
    clout_table_t *t = main_table();
    char *text = write_one(t, CLOUT_FMT_CSV);
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = cl_csv_open_mem(text, strlen(text), "out.csv");
    for (int r = 0; r < 6; r++) {
        g_assert_cmpint(cl_csv_next(c, err), ==, 1);
        g_assert_cmpint(cl_csv_n_fields(c), ==, 3);
        for (int i = 0; i < 3; i++)
            g_assert_cmpstr(cl_csv_field(c, i), ==, want[r][i]);
    }
    g_assert_cmpint(cl_csv_next(c, err), ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    cl_csv_close(c);
    clout_error_free(err);
    free(text);
    clout_table_free(t);
}

static void test_csv_leading_hash(void)
{
    /* clout's CSV dialect (doc/data-format.md 2) reads a line that starts
     * with '#' as a comment, and tells users to quote such a first field;
     * the writer must do the same or the row is lost. */
    clout_table_t *t = clout_table_new("ids");
    clout_table_add_column(t, "id", CLOUT_COL_STR);
    clout_table_set_str(t, clout_table_add_row(t), 0, "#1");
    clout_table_set_str(t, clout_table_add_row(t), 0, "x");
    char *got = write_one(t, CLOUT_FMT_CSV);
    g_assert_cmpstr(got, ==, "id\n\"#1\"\nx\n");
    free(got);
    clout_table_free(t);
}

static void test_csv_empty_single_column(void)
{
    /* With one column, an empty cell must not become a blank line, which
     * readers (clout's included) skip: it is written "" as Python's csv does. */
    clout_table_t *t = clout_table_new("one");
    clout_table_add_column(t, "v", CLOUT_COL_STR);
    clout_table_set_str(t, clout_table_add_row(t), 0, "a");
    clout_table_add_row(t);
    clout_table_set_str(t, clout_table_add_row(t), 0, "b");
    char *got = write_one(t, CLOUT_FMT_CSV);
    g_assert_cmpstr(got, ==, "v\na\n\"\"\nb\n");
    free(got);
    clout_table_free(t);
}

static void test_tsv(void)
{
    /* Tab, newline and backslash escaped as \t, \n, \\ (PostgreSQL text). */
    static const char want[] = "label\tvalue\tcount\n"
                               "a,b \"c\"\t0.5\t1\n"
                               "x\\ny\\tz\\\\w\t0.333333333333\t-2\n"
                               "|&%$#_{}~^<\t1e-07\t0\n"
                               "Привет 中文\t12345678\t1000000\n"
                               "\t\t42\n";
    clout_table_t *t = main_table();
    char *got = write_one(t, CLOUT_FMT_TSV);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(t);
}

static void test_json(void)
{
    /* An array of objects, one row a line; a missing string or number is null. */
    static const char want[] =
        "[\n"
        "  {\"label\": \"a,b \\\"c\\\"\", \"value\": 0.5, \"count\": 1},\n"
        "  {\"label\": \"x\\ny\\tz\\\\w\", \"value\": 0.333333333333, \"count\": -2},\n"
        "  {\"label\": \"|&%$#_{}~^<\", \"value\": 1e-07, \"count\": 0},\n"
        "  {\"label\": \"Привет 中文\", \"value\": 12345678, \"count\": 1000000},\n"
        "  {\"label\": null, \"value\": null, \"count\": 42}\n"
        "]\n";
    clout_table_t *t = main_table();
    char *got = write_one(t, CLOUT_FMT_JSON);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(t);
}

static void test_json_parses(void)
{
    clout_table_t *t = main_table();
    char *text = write_one(t, CLOUT_FMT_JSON);
    static const char checks[] =
        "assert [r['label'] for r in d[:4]] == sys.argv[1:], d\n"
        "assert d[4] == {'label': None, 'value': None, 'count': 42}, d[4]\n"
        "assert [r['value'] for r in d[:4]] == [0.5, 0.333333333333, 1e-07, 12345678]\n"
        "assert [r['count'] for r in d] == [1, -2, 0, 1000000, 42]\n"
        "assert list(d[0]) == ['label', 'value', 'count']\n";
    static const char *const labels[] = {L0, L1, L2, L3, NULL};
    int rc = run_python(checks, text, labels);
    free(text);
    clout_table_free(t);
    if (rc < 0) {
        g_test_skip("no python3 to check the JSON with");
        return;
    }
    g_assert_cmpint(rc, ==, 1);
}

static void test_json_non_finite(void)
{
    /* JSON has no infinity; whatever the writer does, the text must parse. */
    clout_table_t *t = clout_table_new("t");
    clout_table_add_column(t, "x", CLOUT_COL_NUM);
    clout_table_set_num(t, clout_table_add_row(t), 0, INFINITY);
    clout_table_set_num(t, clout_table_add_row(t), 0, -INFINITY);
    char *text = write_one(t, CLOUT_FMT_JSON);
    clout_table_free(t);
    /* Infinity has no JSON form; the writer gives null (hand-written below). */
    g_assert_cmpstr(text, ==, "[\n  {\"x\": null},\n  {\"x\": null}\n]\n");
    int rc = run_python(NULL, text, NULL);
    if (rc < 0)
        g_test_skip("no python3 to check the JSON with");
    else
        g_assert_cmpint(rc, ==, 1);
    free(text);
}

/* Two tables, the second without rows. */
static void make_pair(clout_table_t *two[2])
{
    two[0] = clout_table_new("first");
    clout_table_add_column(two[0], "k", CLOUT_COL_STR);
    clout_table_add_column(two[0], "v", CLOUT_COL_INT);
    clout_table_add_row(two[0]);
    clout_table_set_str(two[0], 0, 0, "a");
    clout_table_set_int(two[0], 0, 1, 1);
    two[1] = clout_table_new("second");
    clout_table_add_column(two[1], "k2", CLOUT_COL_NUM);
}

static void test_json_multi(void)
{
    /* One object keyed by table name; each table indented one level. */
    static const char want[] = "{\n"
                               "  \"first\": [\n"
                               "    {\"k\": \"a\", \"v\": 1}\n"
                               "  ],\n"
                               "  \"second\": []\n"
                               "}\n";
    clout_table_t *two[2];
    make_pair(two);
    char *got = write_tables(two, 2, CLOUT_FMT_JSON);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(two[0]);
    clout_table_free(two[1]);
}

static void test_json_multi_parses(void)
{
    clout_table_t *two[2];
    make_pair(two);
    char *text = write_tables(two, 2, CLOUT_FMT_JSON);
    static const char checks[] = "assert list(d) == ['first', 'second'], d\n"
                                 "assert d['first'] == [{'k': 'a', 'v': 1}], d\n"
                                 "assert d['second'] == [], d\n";
    int rc = run_python(checks, text, NULL);
    free(text);
    clout_table_free(two[0]);
    clout_table_free(two[1]);
    if (rc < 0) {
        g_test_skip("no python3 to check the JSON with");
        return;
    }
    g_assert_cmpint(rc, ==, 1);
}

static void test_csv_multi(void)
{
    /* Blocks after a "# name" line, separated by a blank line. */
    static const char want[] = "# first\nk,v\na,1\n\n# second\nk2\n";
    clout_table_t *two[2];
    make_pair(two);
    char *got = write_tables(two, 2, CLOUT_FMT_CSV);
    g_assert_cmpstr(got, ==, want);

    /* clout's reader sees three records: both names are comments. */
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = cl_csv_open_mem(got, strlen(got), "multi.csv");
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpint(cl_csv_line(c), ==, 2);
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpstr(cl_csv_field(c, 1), ==, "1");
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpint(cl_csv_line(c), ==, 6);
    g_assert_cmpstr(cl_csv_field(c, 0), ==, "k2");
    g_assert_cmpint(cl_csv_next(c, err), ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    cl_csv_close(c);
    clout_error_free(err);
    free(got);

    got = write_tables(two, 2, CLOUT_FMT_TSV);
    g_assert_cmpstr(got, ==, "# first\nk\tv\na\t1\n\n# second\nk2\n");
    free(got);
    clout_table_free(two[0]);
    clout_table_free(two[1]);
}

static void test_md(void)
{
    /* Control characters become spaces; | \ ` * _ [ ] < > get a backslash;
     * numbers ("%.6g") are right-aligned by the ---: rule. */
    static const char want[] = "| label | value | count |\n"
                               "| --- | ---: | ---: |\n"
                               "| a,b \"c\" | 0.5 | 1 |\n"
                               "| x y z\\\\w | 0.333333 | -2 |\n"
                               "| \\|&%$#\\_{}~^\\< | 1e-07 | 0 |\n"
                               "| Привет 中文 | 12345678 | 1000000 |\n"
                               "|  |  | 42 |\n";
    clout_table_t *t = main_table();
    char *got = write_one(t, CLOUT_FMT_MD);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(t);
}

static void test_tex(void)
{
    /* booktabs rules; \ ~ ^ < > as text commands, & % $ # _ { } with a
     * backslash, control characters as spaces.  Readable headers; each
     * number column an r@{}l pair split at the decimal point (by hand:
     * 0.5 to 3 significant digits is 0|.500, 1/3 0|.333, 1e-7 0|.000000100;
     * whole numbers have no fraction); -2 with a true minus $-$; the
     * 21-byte text cell (longer than 16) in a 1.8 cm \parbox. */
    static const char want[] =
        "% main: clout table (needs \\usepackage{booktabs})\n"
        "{\\small\\setlength{\\tabcolsep}{4pt}%\n"
        "\\setbox0=\\hbox{\\begin{tabular}{@{}lr@{}lr@{}l@{}}\n"
        "\\toprule\n"
        "Label & \\multicolumn{2}{c}{Value} & \\multicolumn{2}{c}{Count} \\\\\n"
        "\\midrule\n"
        "a,b \"c\" & 0 & .500 & 1 &  \\\\\n"
        "x y z\\textbackslash{}w & 0 & .333 & $-$2 &  \\\\\n"
        "\\textbar{}\\&\\%\\$\\#\\_\\{\\}\\textasciitilde{}"
        "\\textasciicircum{}\\textless{} & 0 & .000000100 & 0 &  \\\\\n"
        "\\parbox[t]{1.8cm}{\\raggedright\\hspace{0pt}Привет 中文} & 12345678 &  & 1000000 &  "
        "\\\\\n"
        " &  &  & 42 &  \\\\\n"
        "\\bottomrule\n"
        "\\end{tabular}}%\n"
        "\\ifdefined\\resizebox\\ifdim\\wd0>\\linewidth\\resizebox{\\linewidth}{!}{\\box0}"
        "\\fi\\fi\n"
        "\\ifvoid0\\else\\box0\\fi}\n";
    clout_table_t *t = main_table();
    char *got = write_one(t, CLOUT_FMT_TEX);
    g_assert_cmpstr(got, ==, want);
    free(got);
    clout_table_free(t);
}

/* Two snapshots stacked: a leading year column, the union of the columns,
 * missing where a year lacks one. */
static void test_stack(void)
{
    clout_table_t *a = clout_table_new("shares"), *b = clout_table_new("shares");
    clout_table_add_column(a, "id", CLOUT_COL_STR);
    clout_table_add_column(a, "x", CLOUT_COL_NUM);
    clout_table_add_column(b, "id", CLOUT_COL_STR);
    clout_table_add_column(b, "y", CLOUT_COL_INT);
    clout_table_set_str(a, clout_table_add_row(a), 0, "KAZ");
    clout_table_set_num(a, 0, 1, 0.25);
    clout_table_set_str(b, clout_table_add_row(b), 0, "KGZ");
    clout_table_set_int(b, 0, 1, 7);
    clout_table_t *in[2] = {a, b}, *s = clout_table_stack(in, (int[]){2005, 2020}, 2, "year");
    char *got = write_one(s, CLOUT_FMT_CSV);
    g_assert_cmpstr(got, ==, "year,id,x,y\n2005,KAZ,0.25,\n2020,KGZ,,7\n");
    g_assert_cmpstr(clout_table_name(s), ==, "shares");
    free(got);
    clout_table_free(s);
    clout_table_free(a);
    clout_table_free(b);
}

static void test_terminal(void)
{
    /* Columns two spaces apart, as wide as their widest cell in characters:
     * name 7 (Bishkek; Москва is 6 characters but 12 bytes), share 5 (the
     * header), rank 4.  Text is left-aligned and not padded in the last
     * column; numbers are right-aligned.  Every line is 7+2+5+2+4 = 20
     * characters. */
    static const char want[] = "name     share  rank\n"
                               "Москва     1.5     1\n"
                               "Ош          12     2\n"
                               "Bishkek           10\n";
    clout_table_t *t = clout_table_new("cities");
    clout_table_add_column(t, "name", CLOUT_COL_STR);
    clout_table_add_column(t, "share", CLOUT_COL_NUM);
    clout_table_add_column(t, "rank", CLOUT_COL_INT);
    static const char *names[] = {"Москва", "Ош", "Bishkek"};
    const double shares[] = {1.5, 12, NAN};
    for (int r = 0; r < 3; r++) {
        clout_table_add_row(t);
        clout_table_set_str(t, r, 0, names[r]);
        clout_table_set_num(t, r, 1, shares[r]);
    }
    clout_table_set_int(t, 0, 2, 1);
    clout_table_set_int(t, 1, 2, 2);
    clout_table_set_int(t, 2, 2, 10);
    char *got = write_one(t, CLOUT_FMT_TABLE);
    g_assert_cmpstr(got, ==, want);
    char **lines = g_strsplit(got, "\n", -1);
    for (int i = 0; i < 4; i++)
        g_assert_cmpint(g_utf8_strlen(lines[i], -1), ==, 20);
    g_strfreev(lines);
    free(got);

    /* With several tables, each name is a heading line. */
    clout_table_t *two[2] = {t, t};
    got = write_tables(two, 2, CLOUT_FMT_TABLE);
    char *both = g_strconcat("cities\n", want, "\ncities\n", want, NULL);
    g_assert_cmpstr(got, ==, both);
    g_free(both);
    free(got);
    clout_table_free(t);
}

static void test_empty(void)
{
    /* Columns but no rows. */
    clout_table_t *t = clout_table_new("e");
    clout_table_add_column(t, "a", CLOUT_COL_STR);
    clout_table_add_column(t, "b", CLOUT_COL_NUM);
    static const struct {
        clout_format_t fmt;
        const char *want;
    } cases[] = {
        {CLOUT_FMT_CSV, "a,b\n"},
        {CLOUT_FMT_TSV, "a\tb\n"},
        {CLOUT_FMT_JSON, "[]\n"},
        {CLOUT_FMT_MD, "| a | b |\n| --- | ---: |\n"},
        {CLOUT_FMT_TEX, "% e: clout table (needs \\usepackage{booktabs})\n"
                        "{\\small\\setlength{\\tabcolsep}{4pt}%\n"
                        "\\setbox0=\\hbox{\\begin{tabular}{@{}lr@{}l@{}}\n\\toprule\n"
                        "A & \\multicolumn{2}{c}{B} \\\\\n\\midrule\n"
                        "\\bottomrule\n\\end{tabular}}%\n"
                        "\\ifdefined\\resizebox\\ifdim\\wd0>\\linewidth"
                        "\\resizebox{\\linewidth}{!}{\\box0}\\fi\\fi\n"
                        "\\ifvoid0\\else\\box0\\fi}\n"},
        {CLOUT_FMT_TABLE, "a  b\n"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *got = write_one(t, cases[i].fmt);
        g_assert_cmpstr(got, ==, cases[i].want);
        free(got);
    }
    clout_table_free(t);
}

static void test_write_error(void)
{
    /* A stream that cannot be written: the status says so. */
    FILE *f = fopen("/dev/null", "r");
    if (!f) {
        g_test_skip("cannot open /dev/null");
        return;
    }
    clout_table_t *t = main_table();
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_tables_write(&t, 1, f, CLOUT_FMT_CSV, err), ==, CLOUT_EFAIL);
    g_assert_true(g_str_has_prefix(clout_error_message(err, 0), "cannot write the table"));
    fclose(f);
    clout_error_free(err);
    clout_table_free(t);
}

static void test_full_disk(void)
{
    /* /dev/full takes buffered writes and fails on the flush with ENOSPC: the
     * writer must flush before it says the table was written. */
    FILE *f = fopen("/dev/full", "w");
    if (!f) {
        g_test_skip("no /dev/full");
        return;
    }
    clout_table_t *t = main_table();
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpint(clout_tables_write(&t, 1, f, CLOUT_FMT_CSV, err), ==, CLOUT_EFAIL);
    g_assert_nonnull(strstr(clout_error_message(err, 0), g_strerror(ENOSPC)));
    fclose(f);
    clout_error_free(err);
    clout_table_free(t);
}

int main(int argc, char **argv)
{
    /* python3 may exit before reading all of its stdin. */
    signal(SIGPIPE, SIG_IGN);
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/table/accessors", test_accessors);
    g_test_add_func("/table/format-names", test_format_names);
    g_test_add_func("/table/csv", test_csv);
    g_test_add_func("/table/csv/round-trip", test_csv_round_trip);
    g_test_add_func("/table/csv/leading-hash", test_csv_leading_hash);
    g_test_add_func("/table/csv/empty-single-column", test_csv_empty_single_column);
    g_test_add_func("/table/csv/multi", test_csv_multi);
    g_test_add_func("/table/tsv", test_tsv);
    g_test_add_func("/table/json", test_json);
    g_test_add_func("/table/json/parses", test_json_parses);
    g_test_add_func("/table/json/non-finite", test_json_non_finite);
    g_test_add_func("/table/json/multi", test_json_multi);
    g_test_add_func("/table/json/multi-parses", test_json_multi_parses);
    g_test_add_func("/table/md", test_md);
    g_test_add_func("/table/tex", test_tex);
    g_test_add_func("/table/stack", test_stack);
    g_test_add_func("/table/terminal", test_terminal);
    g_test_add_func("/table/empty", test_empty);
    g_test_add_func("/table/write-error", test_write_error);
    g_test_add_func("/table/full-disk", test_full_disk);
    return g_test_run();
}
