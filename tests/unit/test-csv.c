/* test-csv.c: unit tests of the RFC 4180 reader in src/csv.c (positions, dialect, errors). */
#include <config.h>

#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <clout.h>
#include "internal.h"

/*
 * Expected positions are counted by hand from the literal inputs: lines and
 * byte columns are 1-based, a column counts bytes (a Cyrillic letter takes
 * two), and every error message is "t.csv:LINE:COL: message" as
 * clout_error_set() formats it.
 */

#define DISPLAY "t.csv"

typedef struct {
    const char *text;
    long line, col;
} want_field_t;

static cl_csv_t *open_bytes(const char *data, size_t len)
{
    return cl_csv_open_mem(data, len, DISPLAY);
}

/* Literal inputs may hold NUL bytes, so their length comes from sizeof. */
#define OPEN_LIT(s) open_bytes((s), sizeof(s) - 1)

static void expect_record(cl_csv_t *c, clout_error_t *err, long line, const want_field_t *want,
                          int n)
{
    int rc = cl_csv_next(c, err);
    /* Shows the reader's message when it unexpectedly failed. */
    g_assert_cmpstr(clout_error_message(err, 0), ==, NULL);
    g_assert_cmpint(rc, ==, 1);
    g_assert_cmpint(cl_csv_line(c), ==, line);
    g_assert_cmpint(cl_csv_n_fields(c), ==, n);
    for (int i = 0; i < n; i++) {
        g_assert_cmpstr(cl_csv_field(c, i), ==, want[i].text);
        g_assert_cmpint(cl_csv_field_line(c, i), ==, want[i].line);
        g_assert_cmpint(cl_csv_field_col(c, i), ==, want[i].col);
    }
}

/* EXPECT_RECORD(c, err, record_line, {"text", line, col}, ...) */
#define EXPECT_RECORD(c, err, line, ...)                                                           \
    do {                                                                                           \
        const want_field_t want_[] = {__VA_ARGS__};                                                \
        expect_record((c), (err), (line), want_, (int)G_N_ELEMENTS(want_));                        \
    } while (0)

static void expect_end(cl_csv_t *c, clout_error_t *err)
{
    g_assert_cmpint(cl_csv_next(c, err), ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    /* End of input is sticky. */
    g_assert_cmpint(cl_csv_next(c, err), ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
}

/* Reads data, expecting n_good records and then a failure; returns the one
 * diagnostic (owned by err). */
static const char *read_to_error(const char *data, size_t len, int n_good, clout_error_t *err)
{
    cl_csv_t *c = open_bytes(data, len);
    for (int i = 0; i < n_good; i++) {
        int rc = cl_csv_next(c, err);
        g_assert_cmpstr(clout_error_message(err, 0), ==, NULL);
        g_assert_cmpint(rc, ==, 1);
    }
    g_assert_cmpint(cl_csv_next(c, err), ==, -1);
    cl_csv_close(c);
    g_assert_cmpint(clout_error_count(err), ==, 1);
    g_assert_cmpint(clout_error_status(err), ==, CLOUT_EDATA);
    return clout_error_message(err, 0);
}

static void expect_error(const char *data, size_t len, int n_good, const char *msg)
{
    clout_error_t *err = clout_error_new(0);
    g_assert_cmpstr(read_to_error(data, len, n_good, err), ==, msg);
    clout_error_free(err);
}

#define EXPECT_ERROR_LIT(s, n_good, msg) expect_error((s), sizeof(s) - 1, (n_good), (msg))

/* ---- the dialect ---- */

static void test_plain(void)
{
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = OPEN_LIT("id,name,kind\nKAZ,Kazakhstan,state\n");
    g_assert_cmpstr(cl_csv_display(c), ==, DISPLAY);
    EXPECT_RECORD(c, err, 1, {"id", 1, 1}, {"name", 1, 4}, {"kind", 1, 9});
    EXPECT_RECORD(c, err, 2, {"KAZ", 2, 1}, {"Kazakhstan", 2, 5}, {"state", 2, 16});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_quoted(void)
{
    clout_error_t *err = clout_error_new(0);
    /* line 1: a,"b,c","say ""hi""","line1
     * line 2: line2
     * line 3: line3",e
     * line 4: next,"x"                          */
    cl_csv_t *c = OPEN_LIT("a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\nline3\",e\n"
                           "next,\"x\"\n");
    EXPECT_RECORD(c, err, 1, {"a", 1, 1}, {"b,c", 1, 3}, {"say \"hi\"", 1, 9},
                  {"line1\nline2\nline3", 1, 22}, {"e", 3, 8});
    /* The two extra physical lines of the quoted field count. */
    EXPECT_RECORD(c, err, 4, {"next", 4, 1}, {"x", 4, 6});
    expect_end(c, err);
    cl_csv_close(c);

    /* "" is empty, """" is one quote, and a quoted field keeps a '#'. */
    c = OPEN_LIT("\"\",\"\"\"\",\"#1\"\n");
    EXPECT_RECORD(c, err, 1, {"", 1, 1}, {"\"", 1, 4}, {"#1", 1, 9});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_crlf(void)
{
    clout_error_t *err = clout_error_new(0);
    /* line 1: h1,h2       line 2: v1,"q      line 3: r"      line 4: last,x */
    cl_csv_t *c = OPEN_LIT("h1,h2\r\nv1,\"q\r\nr\"\r\nlast,x\r\n");
    EXPECT_RECORD(c, err, 1, {"h1", 1, 1}, {"h2", 1, 4});
    /* Inside quotes the line break is data and kept as written. */
    EXPECT_RECORD(c, err, 2, {"v1", 2, 1}, {"q\r\nr", 2, 4});
    EXPECT_RECORD(c, err, 4, {"last", 4, 1}, {"x", 4, 6});
    expect_end(c, err);
    cl_csv_close(c);

    /* CRLF on the last line of a file without a final LF. */
    c = OPEN_LIT("a,b\r\nc,d\r");
    EXPECT_RECORD(c, err, 1, {"a", 1, 1}, {"b", 1, 3});
    EXPECT_RECORD(c, err, 2, {"c", 2, 1}, {"d", 2, 3});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

/* "L:f@L:C,..." for the rest of the records, to compare positions at once. */
static char *positions_of_rest(cl_csv_t *c, clout_error_t *err)
{
    GString *s = g_string_new(NULL);
    int rc;
    while ((rc = cl_csv_next(c, err)) == 1) {
        g_string_append_printf(s, "%s%ld:", s->len ? " " : "", cl_csv_line(c));
        for (int i = 0; i < cl_csv_n_fields(c); i++)
            g_string_append_printf(s, "%s%s@%ld:%ld", i ? "," : "", cl_csv_field(c, i),
                                   cl_csv_field_line(c, i), cl_csv_field_col(c, i));
    }
    g_assert_cmpint(rc, ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    return g_string_free(s, FALSE);
}

static void test_lone_cr(void)
{
    clout_error_t *err = clout_error_new(0);
    /* A lone CR (old Mac line end) ends a record, as in Python's csv module;
     * an empty one between two CRs is a blank line.  Lines: "a,b", "c,d",
     * "", "e". */
    cl_csv_t *c = OPEN_LIT("a,b\rc,d\r\re\n");
    EXPECT_RECORD(c, err, 1, {"a", 1, 1}, {"b", 1, 3});
    char *got = positions_of_rest(c, err);
    cl_csv_close(c);
    clout_error_free(err);

    /* Since the reader ends the record there, it has begun a new line. */
    g_assert_cmpstr(got, ==, "2:c@2:1,d@2:3 4:e@4:1");
    g_free(got);
}

static void test_bom(void)
{
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = OPEN_LIT("\xEF\xBB\xBF"
                           "id,name\nA,B\n");
    /* The BOM is not part of the first header field and takes no column. */
    EXPECT_RECORD(c, err, 1, {"id", 1, 1}, {"name", 1, 4});
    EXPECT_RECORD(c, err, 2, {"A", 2, 1}, {"B", 2, 3});
    expect_end(c, err);
    cl_csv_close(c);

    /* A BOM, then a comment before the header. */
    c = OPEN_LIT("\xEF\xBB\xBF# made by Excel\nid\n");
    EXPECT_RECORD(c, err, 2, {"id", 2, 1});
    expect_end(c, err);
    cl_csv_close(c);

    /* Only the first three bytes of the input are a BOM; later, U+FEFF is text. */
    c = OPEN_LIT("a\n\xEF\xBB\xBF"
                 "b,c\n");
    EXPECT_RECORD(c, err, 1, {"a", 1, 1});
    EXPECT_RECORD(c, err, 2,
                  {"\xEF\xBB\xBF"
                   "b",
                   2, 1},
                  {"c", 2, 6});
    expect_end(c, err);
    cl_csv_close(c);

    /* A file that is nothing but a BOM is empty. */
    c = OPEN_LIT("\xEF\xBB\xBF");
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_comments_blank(void)
{
    clout_error_t *err = clout_error_new(0);
    /*  1 # comment before header
     *  2 (CRLF blank line)
     *  3 (blank line)
     *  4 id,name
     *  5 # mid comment
     *  6 (blank line)
     *  7 A,B
     *  8 x,#y
     *  9 "a
     * 10 # not a comment",z
     * 11 #last               (no final newline) */
    cl_csv_t *c = OPEN_LIT("# comment before header\n\r\n\nid,name\n# mid comment\n\nA,B\n"
                           "x,#y\n\"a\n# not a comment\",z\n#last");
    EXPECT_RECORD(c, err, 4, {"id", 4, 1}, {"name", 4, 4});
    EXPECT_RECORD(c, err, 7, {"A", 7, 1}, {"B", 7, 3});
    /* '#' only starts a comment at the start of a record. */
    EXPECT_RECORD(c, err, 8, {"x", 8, 1}, {"#y", 8, 3});
    EXPECT_RECORD(c, err, 9, {"a\n# not a comment", 9, 1}, {"z", 10, 18});
    expect_end(c, err);
    cl_csv_close(c);

    /* Nothing but comments and blank lines. */
    c = OPEN_LIT("# only\n\n#comments\n");
    expect_end(c, err);
    cl_csv_close(c);

    c = OPEN_LIT("");
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_empty_fields(void)
{
    clout_error_t *err = clout_error_new(0);
    /* line 1: ,,     line 2: a,,b,     line 3: "",x,"" */
    cl_csv_t *c = OPEN_LIT(",,\na,,b,\n\"\",x,\"\"\n");
    EXPECT_RECORD(c, err, 1, {"", 1, 1}, {"", 1, 2}, {"", 1, 3});
    /* The trailing comma gives an empty last field where the newline is. */
    EXPECT_RECORD(c, err, 2, {"a", 2, 1}, {"", 2, 3}, {"b", 2, 4}, {"", 2, 6});
    EXPECT_RECORD(c, err, 3, {"", 3, 1}, {"x", 3, 4}, {"", 3, 6});
    expect_end(c, err);
    cl_csv_close(c);

    /* A trailing comma at the very end of the input. */
    c = OPEN_LIT("a,");
    EXPECT_RECORD(c, err, 1, {"a", 1, 1}, {"", 1, 3});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_no_final_newline(void)
{
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = OPEN_LIT("h\nlast,one");
    EXPECT_RECORD(c, err, 1, {"h", 1, 1});
    EXPECT_RECORD(c, err, 2, {"last", 2, 1}, {"one", 2, 6});
    expect_end(c, err);
    cl_csv_close(c);

    /* Ending on a closing quote. */
    c = OPEN_LIT("h\nx,\"q\"");
    EXPECT_RECORD(c, err, 1, {"h", 1, 1});
    EXPECT_RECORD(c, err, 2, {"x", 2, 1}, {"q", 2, 3});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

static void test_positions(void)
{
    clout_error_t *err = clout_error_new(0);
    /* line 1: id,"multi
     * line 2: line",Ж,x       (Ж is the two bytes D0 96)
     * line 3: "a""b",c
     * line 4: é,ü,z          (two bytes each) */
    cl_csv_t *c = OPEN_LIT("id,\"multi\nline\",Ж,x\n\"a\"\"b\",c\né,ü,z\n");
    EXPECT_RECORD(c, err, 1, {"id", 1, 1}, {"multi\nline", 1, 4}, {"Ж", 2, 7}, {"x", 2, 10});
    EXPECT_RECORD(c, err, 3, {"a\"b", 3, 1}, {"c", 3, 8});
    EXPECT_RECORD(c, err, 4, {"é", 4, 1}, {"ü", 4, 4}, {"z", 4, 7});
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);
}

/* ---- errors ---- */

static void test_error_unterminated(void)
{
    /* line 2: c,"open   line 3: more   -- the quote opened at 2:3 never closes. */
    EXPECT_ERROR_LIT("a,b\nc,\"open\nmore\n", 1, "t.csv:2:3: unterminated quoted field");
    EXPECT_ERROR_LIT("\"", 0, "t.csv:1:1: unterminated quoted field");
    /* A doubled quote at the end does not close the field. */
    EXPECT_ERROR_LIT("h\n\"ab\"\"", 1, "t.csv:2:1: unterminated quoted field");
}

static void test_error_quote_in_unquoted(void)
{
    /* line 2: x,ab"c -- the quote is byte 5. */
    EXPECT_ERROR_LIT("h\nx,ab\"c\n", 1,
                     "t.csv:2:5: quote inside an unquoted field (quote the whole field and "
                     "double the quote)");
}

static void test_error_after_quote(void)
{
    EXPECT_ERROR_LIT("\"ab\"c,d\n", 0, "t.csv:1:5: unexpected character after a closing quote");
    /* Even a space; and after a multi-line field the position is on the
     * closing line: line 2 is y"z, the z is byte 3. */
    EXPECT_ERROR_LIT("\"ab\" ,d\n", 0, "t.csv:1:5: unexpected character after a closing quote");
    EXPECT_ERROR_LIT("\"x\ny\"z\n", 0, "t.csv:2:3: unexpected character after a closing quote");
}

static void test_error_utf8_ff(void)
{
    /* line 2: x,abFF -- the bad byte is byte 5. */
    EXPECT_ERROR_LIT("id\nx,ab\xFF\n", 1,
                     "t.csv:2:5: invalid UTF-8 (byte 0xFF: not a valid first byte)");
    /* On the second line of a quoted field. */
    EXPECT_ERROR_LIT("\"a\n\xFF\"\n", 0,
                     "t.csv:2:1: invalid UTF-8 (byte 0xFF: not a valid first byte)");
    /* In a comment: the whole file must be UTF-8. */
    EXPECT_ERROR_LIT("#\xFF\nid\n", 0,
                     "t.csv:1:2: invalid UTF-8 (byte 0xFF: not a valid first byte)");
}

static void test_error_utf8_truncated(void)
{
    /* ab C3 , c: the lead byte C3 (byte 3) wants one continuation byte; the
     * reader reports the byte where it was due (byte 4). */
    EXPECT_ERROR_LIT("ab\xC3,c\n", 0,
                     "t.csv:1:4: invalid UTF-8 (a multi-byte sequence broken off)");
    EXPECT_ERROR_LIT("ab\xC3\n", 0, "t.csv:1:4: invalid UTF-8 (a multi-byte sequence broken off)");
    /* At the end of input byte 4 is one past the last byte. */
    EXPECT_ERROR_LIT("ab\xC3", 0, "t.csv:1:4: invalid UTF-8 (a multi-byte sequence broken off)");
    /* In a quoted field the closing quote (byte 5) is the unexpected byte. */
    EXPECT_ERROR_LIT("\"ab\xC3\",c\n", 0,
                     "t.csv:1:5: invalid UTF-8 (byte 0x22: a multi-byte sequence broken off)");
}

static void test_error_utf8_truncated_comment(void)
{
    /* A truncated sequence at the very end of a comment: "id" then "#" C3.
     * The file is not UTF-8, so reading must fail at line 2. */
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = OPEN_LIT("id\n#\xC3");
    EXPECT_RECORD(c, err, 1, {"id", 1, 1});
    int rc = cl_csv_next(c, err);
    cl_csv_close(c);
    g_assert_cmpint(rc, ==, -1);
    g_assert_true(g_str_has_prefix(clout_error_message(err, 0), "t.csv:2:"));
    clout_error_free(err);
}

static void test_error_utf8_overlong(void)
{
    /* x , C0 80: C0 can never start a sequence; it is byte 3. */
    EXPECT_ERROR_LIT("x,\xC0\x80\n", 0,
                     "t.csv:1:3: invalid UTF-8 (byte 0xC0: not a valid first byte)");
    EXPECT_ERROR_LIT("x,\xC1\xBF\n", 0,
                     "t.csv:1:3: invalid UTF-8 (byte 0xC1: not a valid first byte)");
}

/* The doc (doc/data-format.md, 2 and 7.1) promises the line and column of
 * the first bad byte.  For sequences whose lead and continuation bytes are
 * each plausible, either the lead byte or the first impossible continuation
 * byte is a fair answer. */
static void expect_bad_sequence(const char *data, size_t len, const char *lead_pos,
                                const char *cont_pos)
{
    clout_error_t *err = clout_error_new(0);
    const char *msg = read_to_error(data, len, 0, err);
    if (!g_str_has_prefix(msg, lead_pos) && !g_str_has_prefix(msg, cont_pos))
        g_assert_cmpstr(msg, ==, lead_pos);
    clout_error_free(err);
}

static void test_error_utf8_surrogate(void)
{
    /* x , a b ED A0 80: U+D800 encoded; ED is byte 5, A0 byte 6. */
    static const char in[] = "x,ab\xED\xA0\x80\n";
    expect_bad_sequence(in, sizeof in - 1, "t.csv:1:5: ", "t.csv:1:6: ");
}

static void test_error_utf8_overlong3(void)
{
    /* x , a b E0 80 80: an overlong NUL in three bytes; E0 is byte 5. */
    static const char in[] = "x,ab\xE0\x80\x80\n";
    expect_bad_sequence(in, sizeof in - 1, "t.csv:1:5: ", "t.csv:1:6: ");
}

static void test_error_nul(void)
{
    /* line 2: c,d NUL e -- the NUL is byte 4. */
    EXPECT_ERROR_LIT("a,b\nc,d\0e\n", 1, "t.csv:2:4: NUL byte in text");
    EXPECT_ERROR_LIT("\"x\0\"\n", 0, "t.csv:1:3: NUL byte in text");
}

static void test_error_max_fields(void)
{
    GString *s = g_string_new(NULL);
    /* Line 1: CLOUT_MAX_FIELDS fields "a", field k at byte 2k-1. */
    for (int i = 0; i < CLOUT_MAX_FIELDS; i++)
        g_string_append(s, i ? ",a" : "a");
    g_string_append_c(s, '\n');
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = open_bytes(s->str, s->len);
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpint(cl_csv_n_fields(c), ==, CLOUT_MAX_FIELDS);
    g_assert_cmpint(cl_csv_field_col(c, CLOUT_MAX_FIELDS - 1), ==, 2 * CLOUT_MAX_FIELDS - 1);
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);

    /* Line 2: one field more; the extra field starts at byte 2*1025-1. */
    g_string_append(s, "h");
    for (int i = 0; i < CLOUT_MAX_FIELDS; i++)
        g_string_append(s, ",a");
    g_string_append_c(s, '\n');
    char *msg = g_strdup_printf("t.csv:2:%d: more than %d fields in one record",
                                2 * (CLOUT_MAX_FIELDS + 1) - 1, CLOUT_MAX_FIELDS);
    g_assert_cmpstr(msg, ==, "t.csv:2:2049: more than 1024 fields in one record");
    expect_error(s->str, s->len, 1, msg);
    g_free(msg);

    /* A trailing comma is a field too: 1024 "a," make 1025 fields. */
    g_string_truncate(s, 0);
    for (int i = 0; i < CLOUT_MAX_FIELDS; i++)
        g_string_append(s, "a,");
    expect_error(s->str, s->len, 0, "t.csv:1:2049: more than 1024 fields in one record");
    g_string_free(s, TRUE);
}

static void test_error_field_bytes(void)
{
    clout_error_t *err = clout_error_new(0);
    /* A field of exactly CLOUT_MAX_FIELD_BYTES is allowed. */
    GString *s = g_string_new(NULL);
    for (int i = 0; i < CLOUT_MAX_FIELD_BYTES; i++)
        g_string_append_c(s, 'a');
    g_string_append_c(s, '\n');
    cl_csv_t *c = open_bytes(s->str, s->len);
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpint(cl_csv_n_fields(c), ==, 1);
    g_assert_cmpuint(strlen(cl_csv_field(c, 0)), ==, CLOUT_MAX_FIELD_BYTES);
    expect_end(c, err);
    cl_csv_close(c);
    clout_error_free(err);

    /* One byte more is an error at the field's start. */
    g_string_insert_c(s, 0, 'a');
    expect_error(s->str, s->len, 0, "t.csv:1:1: field longer than 1048576 bytes");
    /* The same, quoted, as the second field of line 2: the quote is byte 3. */
    g_string_truncate(s, s->len - 1);
    g_string_prepend(s, "h\nx,\"");
    g_string_append(s, "\"\n");
    expect_error(s->str, s->len, 1, "t.csv:2:3: field longer than 1048576 bytes");
    g_string_free(s, TRUE);
}

static void test_error_record_bytes(void)
{
    /* Two fields of 600000 bytes: each is within CLOUT_MAX_FIELD_BYTES. */
    enum { N = 600000 };
    GString *s = g_string_new(NULL);
    for (int i = 0; i < 2 * N + 1; i++)
        g_string_append_c(s, i == N ? ',' : 'a');
    g_string_append_c(s, '\n');
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = open_bytes(s->str, s->len);
    int rc = cl_csv_next(c, err);
    g_assert_cmpstr(clout_error_message(err, 0), ==, NULL);
    g_assert_cmpint(rc, ==, 1);
    g_assert_cmpint(cl_csv_n_fields(c), ==, 2);
    g_assert_cmpuint(strlen(cl_csv_field(c, 1)), ==, N);
    g_assert_cmpint(cl_csv_field_col(c, 1), ==, N + 2);
    cl_csv_close(c);
    clout_error_free(err);
    g_string_free(s, TRUE);
}

static void test_error_status(void)
{
    /* The reader stops after an error; its caller sees the status and one message. */
    clout_error_t *err = clout_error_new(0);
    cl_csv_t *c = OPEN_LIT("ok\n\"bad\"x\n");
    EXPECT_RECORD(c, err, 1, {"ok", 1, 1});
    g_assert_cmpint(cl_csv_next(c, err), ==, -1);
    g_assert_cmpint(clout_error_status(err), ==, CLOUT_EDATA);
    g_assert_cmpint(clout_error_count(err), ==, 1);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "t.csv:2:6: unexpected character after a closing quote");
    cl_csv_close(c);
    clout_error_free(err);
}

/* ---- reading a file ---- */

static char *write_temp(const char *data, gsize len)
{
    GError *gerr = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("clout-test-csv-XXXXXX", &path, &gerr);
    g_assert_no_error(gerr);
    close(fd);
    g_file_set_contents(path, data, (gssize)len, &gerr);
    g_assert_no_error(gerr);
    return path;
}

static void test_file(void)
{
    clout_error_t *err = clout_error_new(0);
    static const char small[] = "\xEF\xBB\xBF"
                                "id,name\r\n\"A\",B\r\n";
    char *path = write_temp(small, sizeof small - 1);
    cl_csv_t *c = NULL;
    g_assert_cmpint(cl_csv_open(&c, path, "tmp.csv", err), ==, CLOUT_OK);
    g_assert_nonnull(c);
    g_assert_cmpstr(cl_csv_display(c), ==, "tmp.csv");
    EXPECT_RECORD(c, err, 1, {"id", 1, 1}, {"name", 1, 4});
    EXPECT_RECORD(c, err, 2, {"A", 2, 1}, {"B", 2, 5});
    expect_end(c, err);
    cl_csv_close(c);
    g_remove(path);
    g_free(path);

    /* Bigger than the 64 KiB read buffer: 10000 records of 12 bytes,
     * NNNNN,"a<LF>b"<LF>, each two lines long, so that records and quoted
     * line breaks straddle buffer refills. */
    enum { NREC = 10000 };
    GString *s = g_string_new(NULL);
    for (int i = 0; i < NREC; i++)
        g_string_append_printf(s, "%05d,\"a\nb\"\n", i);
    g_assert_cmpuint(s->len, ==, 12 * NREC);
    path = write_temp(s->str, s->len);
    g_string_free(s, TRUE);
    g_assert_cmpint(cl_csv_open(&c, path, "big.csv", err), ==, CLOUT_OK);
    for (int i = 0; i < NREC; i++) {
        char id[16];
        g_snprintf(id, sizeof id, "%05d", i);
        EXPECT_RECORD(c, err, 2 * i + 1, {id, 2 * i + 1, 1}, {"a\nb", 2 * i + 1, 7});
    }
    expect_end(c, err);
    cl_csv_close(c);
    g_remove(path);
    g_free(path);

    /* A missing file: an error without a position. */
    g_assert_cmpint(cl_csv_open(&c, "/nonexistent/dir/x.csv", "x.csv", err), ==, CLOUT_EDATA);
    g_assert_null(c);
    g_assert_cmpint(clout_error_count(err), ==, 1);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "x.csv: cannot open: No such file or directory");
    clout_error_free(err);
}

/* The whole-line fast path and the byte-by-byte reader must agree, also
 * across the 64 KiB buffer's edge: 20,000 records of plain, quoted, UTF-8
 * and CRLF lines whose fields, lines and columns the generator knows (the
 * expected values come from how the text was written, not from the reader). */
static void test_fast_path_positions(void)
{
    GString *in = g_string_new("a,b,c\n");
    GPtrArray *want = g_ptr_array_new_with_free_func(g_free);
    GArray *want_col = g_array_new(FALSE, FALSE, sizeof(long));
    GRand *rng = g_rand_new_with_seed(42);
    const int nrec = 20000;
    for (int r = 0; r < nrec; r++) {
        long col = 1;
        for (int f = 0; f < 3; f++) {
            int kind = g_rand_int_range(rng, 0, 10);
            char *val;
            char *raw;
            if (kind < 6) { /* plain */
                val = g_strdup_printf("v%d_%d", r, f);
                raw = g_strdup(val);
            } else if (kind < 8) { /* quoted with a comma and a doubled quote */
                val = g_strdup_printf("q,%d\"%d", r, f);
                raw = g_strdup_printf("\"q,%d\"\"%d\"", r, f);
            } else if (kind < 9) { /* UTF-8: two characters of two bytes */
                val = g_strdup_printf("\xc3\xa9t\xc3\xa9%d", r);
                raw = g_strdup(val);
            } else { /* empty */
                val = g_strdup("");
                raw = g_strdup("");
            }
            if (f)
                g_string_append_c(in, ',');
            g_string_append(in, raw);
            g_ptr_array_add(want, val);
            g_array_append_val(want_col, col);
            col += (long)strlen(raw) + 1; /* byte columns (doc/data-format.md) */
            g_free(raw);
        }
        g_string_append(in, r % 7 == 0 ? "\r\n" : "\n");
    }
    g_assert_cmpuint(in->len, >, 4 * 65536);
    cl_csv_t *c = cl_csv_open_mem(in->str, in->len, "t.csv");
    clout_error_t *err = clout_error_new(10);
    g_assert_cmpint(cl_csv_next(c, err), ==, 1); /* header */
    for (int r = 0; r < nrec; r++) {
        g_assert_cmpint(cl_csv_next(c, err), ==, 1);
        g_assert_cmpint(cl_csv_n_fields(c), ==, 3);
        for (int f = 0; f < 3; f++) {
            g_assert_cmpstr(cl_csv_field(c, f), ==, g_ptr_array_index(want, 3 * r + f));
            g_assert_cmpint(cl_csv_field_line(c, f), ==, r + 2);
            g_assert_cmpint(cl_csv_field_col(c, f), ==, g_array_index(want_col, long, 3 * r + f));
        }
    }
    g_assert_cmpint(cl_csv_next(c, err), ==, 0);
    g_assert_cmpint(clout_error_count(err), ==, 0);
    cl_csv_close(c);
    clout_error_free(err);
    g_rand_free(rng);
    g_ptr_array_free(want, TRUE);
    g_array_free(want_col, TRUE);
    g_string_free(in, TRUE);
}

/* A bad byte after many fast lines is still reported where it is. */
static void test_fast_path_bad_byte(void)
{
    GString *in = g_string_new("a,b\n");
    for (int r = 0; r < 5000; r++)
        g_string_append_printf(in, "x%d,y%d\n", r, r);
    g_string_append(in, "ok,b\xff"
                        "d\n");
    cl_csv_t *c = cl_csv_open_mem(in->str, in->len, "t.csv");
    clout_error_t *err = clout_error_new(10);
    int r;
    while ((r = cl_csv_next(c, err)) == 1)
        ;
    g_assert_cmpint(r, ==, -1);
    g_assert_cmpstr(clout_error_message(err, 0), ==,
                    "t.csv:5002:5: invalid UTF-8 (byte 0xFF: not a valid first byte)");
    cl_csv_close(c);
    clout_error_free(err);
    g_string_free(in, TRUE);
}

/* cl_parse_double's fast path for plain decimals against glibc's strtod
 * (the reference), on numbers with up to 16 digits (leading zeros too),
 * random point places and exponents. */
static void test_parse_double_fast(void)
{
    GRand *rng = g_rand_new_with_seed(7);
    for (int i = 0; i < 200000; i++) {
        char s[40];
        int nd = g_rand_int_range(rng, 1, 17);
        int point = g_rand_int_range(rng, -1, nd + 1);
        int k = 0;
        if (point == 0)
            s[k++] = '.';
        for (int d = 0; d < nd; d++) {
            s[k++] = (char)('0' + g_rand_int_range(rng, 0, 10));
            if (d + 1 == point)
                s[k++] = '.';
        }
        if (i % 3 == 0) /* an exponent, as %g writes them */
            k += sprintf(s + k, "e%s%02d", i % 2 ? "-" : "+", g_rand_int_range(rng, 0, 30));
        s[k] = 0;
        double got, want = strtod(s, NULL);
        g_assert_true(cl_parse_double(s, &got));
        if (got != want)
            g_error("'%s': %.17g, strtod %.17g", s, got, want);
    }
    g_rand_free(rng);
}

/* cl_format_g against glibc's snprintf "%.12g" and "%.6g" (the reference)
 * on random doubles over many magnitudes, and on values next to ties. */
static void test_format_g(void)
{
    GRand *rng = g_rand_new_with_seed(11);
    int done = 0;
    for (int i = 0; i < 400000; i++) {
        double v;
        if (i % 4 == 0) /* near a decimal tie of 12 digits */
            v = (g_rand_int_range(rng, 100000000, 999999999) + 0.5) *
                pow(10, g_rand_int_range(rng, -20, 10));
        else
            v = (g_rand_double(rng) - 0.3) * pow(10, g_rand_int_range(rng, -40, 40));
        int prec = i % 3 ? 12 : 6;
        char want[64], got[64];
        snprintf(want, sizeof want, "%.*g", prec, v);
        if (cl_format_g(got, sizeof got, v, prec)) {
            done++;
            if (strcmp(got, want) != 0)
                g_error("%.17g: '%s', printf '%s'", v, got, want);
        }
    }
    g_assert_cmpint(done, >, 300000); /* the fast path did most of them */
    g_rand_free(rng);
    /* Next to every power of ten, where log10 may round the exponent up and
     * the scale is corrected down: for 9.999999999999999e22 (strtod's "1e23")
     * the corrected scale was looked up at index -11 (UBSan, fuzz-text). */
    for (int e = -30; e <= 30; e++) {
        double p = pow(10, e);
        double vs[] = {p, nextafter(p, 0), nextafter(p, INFINITY), -nextafter(p, 0)};
        for (size_t i = 0; i < G_N_ELEMENTS(vs); i++)
            for (int prec = 6; prec <= 12; prec += 6) {
                char want[64], got[64];
                snprintf(want, sizeof want, "%.*g", prec, vs[i]);
                if (cl_format_g(got, sizeof got, vs[i], prec) && strcmp(got, want) != 0)
                    g_error("%.17g: '%s', printf '%s'", vs[i], got, want);
            }
    }
}

/* cl_csv_peek shows a field of the next record as raw bytes (for
 * prefetching), and declines what it cannot show plainly.  Expected values
 * are read off the input by eye. */
static void test_peek(void)
{
    const char *in = "a,b,c\nx,yy,z\n\"q\",w,v\n";
    cl_csv_t *c = cl_csv_open_mem(in, strlen(in), "t.csv");
    clout_error_t *err = clout_error_new(10);
    g_assert_cmpint(cl_csv_next(c, err), ==, 1); /* the header */
    const char *f;
    size_t n;
    g_assert_true(cl_csv_peek(c, 1, &f, &n));
    g_assert_cmpint((int)n, ==, 2);
    g_assert_true(strncmp(f, "yy", 2) == 0);
    g_assert_true(cl_csv_peek(c, 2, &f, &n));
    g_assert_true(strncmp(f, "z", n) == 0 && n == 1);
    g_assert_false(cl_csv_peek(c, 3, &f, &n)); /* past the line's end */
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_cmpstr(cl_csv_field(c, 1), ==, "yy"); /* peeking consumed nothing */
    g_assert_false(cl_csv_peek(c, 0, &f, &n));     /* a quoted field */
    g_assert_cmpint(cl_csv_next(c, err), ==, 1);
    g_assert_false(cl_csv_peek(c, 0, &f, &n)); /* no next record */
    cl_csv_close(c);
    clout_error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/csv/plain", test_plain);
    g_test_add_func("/csv/fast-path-positions", test_fast_path_positions);
    g_test_add_func("/csv/fast-path-bad-byte", test_fast_path_bad_byte);
    g_test_add_func("/csv/parse-double-fast", test_parse_double_fast);
    g_test_add_func("/csv/format-g", test_format_g);
    g_test_add_func("/csv/peek", test_peek);
    g_test_add_func("/csv/quoted", test_quoted);
    g_test_add_func("/csv/crlf", test_crlf);
    g_test_add_func("/csv/lone-cr", test_lone_cr);
    g_test_add_func("/csv/bom", test_bom);
    g_test_add_func("/csv/comments-blank", test_comments_blank);
    g_test_add_func("/csv/empty-fields", test_empty_fields);
    g_test_add_func("/csv/no-final-newline", test_no_final_newline);
    g_test_add_func("/csv/positions", test_positions);
    g_test_add_func("/csv/error/unterminated", test_error_unterminated);
    g_test_add_func("/csv/error/quote-in-unquoted", test_error_quote_in_unquoted);
    g_test_add_func("/csv/error/after-closing-quote", test_error_after_quote);
    g_test_add_func("/csv/error/utf8-ff", test_error_utf8_ff);
    g_test_add_func("/csv/error/utf8-truncated", test_error_utf8_truncated);
    g_test_add_func("/csv/error/utf8-truncated-comment", test_error_utf8_truncated_comment);
    g_test_add_func("/csv/error/utf8-overlong", test_error_utf8_overlong);
    g_test_add_func("/csv/error/utf8-overlong3", test_error_utf8_overlong3);
    g_test_add_func("/csv/error/utf8-surrogate", test_error_utf8_surrogate);
    g_test_add_func("/csv/error/nul", test_error_nul);
    g_test_add_func("/csv/error/max-fields", test_error_max_fields);
    g_test_add_func("/csv/error/field-bytes", test_error_field_bytes);
    g_test_add_func("/csv/error/record-bytes", test_error_record_bytes);
    g_test_add_func("/csv/error/status", test_error_status);
    g_test_add_func("/csv/file", test_file);
    return g_test_run();
}
