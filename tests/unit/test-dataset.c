/* test-dataset.c: the dataset loader: contents, defaults, and that validate sees every error. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <glib.h>

#include <clout.h>
#include "internal.h"
#include "testutil.h"

static char *tiny_path(void)
{
    return g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
}

/* Expected values are read off the CSV files of graphs/examples/tiny by eye. */
static void test_tiny_contents(void)
{
    char *path = tiny_path();
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, path, err), ==, CLOUT_OK);
    g_assert_cmpint(clout_dataset_n_actors(ds), ==, 11);
    g_assert_cmpint(clout_dataset_n_relations(ds), ==, 9);
    g_assert_cmpint(clout_dataset_n_ties(ds), ==, 52);
    g_assert_cmpint(clout_dataset_latest_year(ds), ==, 2022);

    int cmkt = clout_dataset_find_actor(ds, "CMKT");
    g_assert_cmpint(cmkt, >=, 0);
    const clout_actor_t *a = clout_dataset_actor(ds, cmkt);
    g_assert_cmpstr(a->kind, ==, "bloc");
    g_assert_cmpint(a->n_lead, ==, 2); /* lead NRL;SDL */
    g_assert_cmpstr(clout_dataset_actor(ds, a->lead[0])->id, ==, "NRL");
    g_assert_cmpstr(clout_dataset_actor(ds, a->lead[1])->id, ==, "SDL");
    g_assert_cmpint(a->start, ==, 2018);
    g_assert_true(isnan(a->lat));

    const clout_actor_t *eld = clout_dataset_actor(ds, clout_dataset_find_actor(ds, "ELD"));
    g_assert_cmpint(eld->role, ==, CLOUT_ROLE_FOCUS);
    g_assert_false(isnan(eld->lat));

    const clout_relation_t *trade =
        clout_dataset_relation(ds, clout_dataset_find_relation(ds, "trade"));
    g_assert_cmpstr(trade->layer, ==, "economic");
    g_assert_true(trade->directed);
    g_assert_cmpint(trade->mode, ==, CLOUT_MODE_FLOW);
    g_assert_cmpint(trade->scale, ==, CLOUT_SCALE_SHARE);
    g_assert_cmpint(trade->counts, ==, CLOUT_COUNTS_BOTH);
    const clout_relation_t *base =
        clout_dataset_relation(ds, clout_dataset_find_relation(ds, "military_base"));
    g_assert_cmpfloat(base->weight, ==, 2);
    g_assert_cmpint(base->counts, ==, CLOUT_COUNTS_IN);
    /* The optional columns: group, mode event, coverage given or from the ties. */
    const clout_relation_t *reg =
        clout_dataset_relation(ds, clout_dataset_find_relation(ds, "pact_registry"));
    g_assert_cmpstr(reg->group, ==, "alliance");
    g_assert_cmpstr(base->group, ==, "");
    g_assert_cmpint(clout_dataset_relation(ds, clout_dataset_find_relation(ds, "summit"))->mode, ==,
                    CLOUT_MODE_EVENT);
    int aid = clout_dataset_find_relation(ds, "aid"), first, last;
    clout_dataset_coverage(ds, aid, &first, &last);
    g_assert_cmpint(first, ==, 2016);
    g_assert_cmpint(last, ==, 2017);
    g_assert_true(clout_dataset_relation(ds, aid)->cover_given);

    /* Tie on line 9 of ties.csv: WSL,CMKT,member,,2020-07-01 (a date counts as its year). */
    bool found = false;
    for (long i = 0; i < clout_dataset_n_ties(ds); i++) {
        const clout_tie_t *t = clout_dataset_tie(ds, i);
        if (t->line == 9) {
            found = true;
            g_assert_cmpstr(clout_dataset_actor(ds, t->source)->id, ==, "WSL");
            g_assert_cmpint(t->start, ==, 2020);
            g_assert_cmpint(t->end, ==, CLOUT_NO_YEAR);
            g_assert_cmpfloat(t->value, ==, 1); /* empty value = 1 */
        }
        if (t->line == 10) /* the quoted note with a comma */
            g_assert_cmpstr(t->note, ==, "joined late, after a referendum");
        if (t->line == 27) /* a flow with an explicit end equal to its start */
            g_assert_cmpint(t->end, ==, 2021);
    }
    g_assert_true(found);
    g_assert_cmpint(clout_dataset_find_actor(ds, "nobody"), ==, -1);
    clout_dataset_free(ds);
    clout_error_free(err);
    g_free(path);
}

static const char *RELATIONS = "relation,layer,directed,mode,scale\n"
                               "member,diplomatic,no,state,binary\n"
                               "trade,economic,yes,flow,share\n";

/* validate must report every problem, each at its own line. */
static void test_all_errors_reported(void)
{
    char *dir = write_dataset("id,name,kind,role,lead\n"
                              "A,Aland,state,pole,\n"
                              "A,Again,state,,\n"     /* line 3: duplicate id */
                              "B,Bland,state,boss,\n" /* line 4: role */
                              "X,Bloc,bloc,,B\n",     /* line 5: lead not a pole */
                              RELATIONS,
                              "source,target,relation,value,start,end\n"
                              "A,B,trade,-1,2020,\n"      /* line 2: negative value */
                              "A,Q,member,,2020,\n"       /* line 3: unknown target */
                              "A,B,member,,2020,2019\n"); /* line 4: end before start */
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, dir, err), ==, CLOUT_EDATA);
    g_assert_null(ds);
    g_assert_cmpint(clout_error_count(err), ==, 6);
    const char *want[] = {"actors.csv:3:1:", "actors.csv:4:", "actors.csv:5:",
                          "ties.csv:2:",     "ties.csv:3:",   "ties.csv:4:"};
    for (int i = 0; i < 6; i++) {
        const char *m = clout_error_message(err, i);
        if (!strstr(m, want[i]))
            g_error("message %d is '%s', wanted it to contain '%s'", i, m, want[i]);
    }
    g_assert_nonnull(strstr(clout_error_message(err, 0), "duplicate actor id 'A'"));
    g_assert_nonnull(strstr(clout_error_message(err, 2), "'B' is not a pole"));
    rm_tree(dir);
    g_free(dir);
    clout_error_free(err);
}

/* The cap on kept diagnostics counts the rest as dropped. */
static void test_error_cap(void)
{
    GString *ties = g_string_new("source,target,relation,start\n");
    for (int i = 0; i < 10; i++)
        g_string_append(ties, "A,B,member,nope\n");
    char *dir = write_dataset("id,name,kind\nA,A,state\nB,B,state\n", RELATIONS, ties->str);
    clout_error_t *err = clout_error_new(4);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, dir, err), ==, CLOUT_EDATA);
    g_assert_cmpint(clout_error_count(err), ==, 4);
    g_assert_cmpint(clout_error_dropped(err), ==, 6);
    rm_tree(dir);
    g_free(dir);
    g_string_free(ties, TRUE);
    clout_error_free(err);
}

/* Column order is free, x_ columns are ignored, optional columns may be absent. */
static void test_columns_free_order(void)
{
    char *dir = write_dataset("kind,x_comment,name,id\nstate,hello,Aland,A\nstate,,,B\n",
                              "scale,mode,directed,layer,relation,weight\n"
                              "max,state,no,security,pact,0.5\n",
                              "start,relation,target,source\n1999,pact,B,A\n");
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    clout_status_t st = clout_dataset_load(&ds, dir, err);
    if (st)
        g_error("%s", clout_error_message(err, 0));
    g_assert_cmpstr(clout_dataset_actor(ds, 0)->name, ==, "Aland");
    g_assert_cmpstr(clout_dataset_actor(ds, 1)->name, ==, "B"); /* empty name = id */
    g_assert_cmpfloat(clout_dataset_relation(ds, 0)->weight, ==, 0.5);
    g_assert_cmpint(clout_dataset_relation(ds, 0)->scale, ==, CLOUT_SCALE_MAX);
    const clout_tie_t *t = clout_dataset_tie(ds, 0);
    g_assert_cmpint(t->source, ==, 0);
    g_assert_cmpint(t->target, ==, 1);
    g_assert_cmpstr(t->source_ref, ==, "");
    clout_dataset_free(ds);
    rm_tree(dir);
    g_free(dir);
    clout_error_free(err);
}

static void test_parse_year(void)
{
    int y = 0;
    g_assert_true(clout_parse_year("2024", &y) && y == 2024);
    g_assert_true(clout_parse_year("2024-02-29", &y) && y == 2024); /* leap year */
    g_assert_false(clout_parse_year("2023-02-29", &y));
    g_assert_false(clout_parse_year("2023-13-01", &y));
    g_assert_false(clout_parse_year("0999", &y));
    g_assert_false(clout_parse_year("3000", &y));
    g_assert_false(clout_parse_year("20x4", &y));
    g_assert_false(clout_parse_year(" 2024", &y));
    g_assert_false(clout_parse_year("2024-1-01", &y));
    g_assert_false(clout_parse_year("", &y));
}

static void test_missing_folder(void)
{
    clout_error_t *err = clout_error_new(0);
    clout_dataset_t *ds;
    g_assert_cmpint(clout_dataset_load(&ds, "/nonexistent/clout", err), ==, CLOUT_EDATA);
    g_assert_nonnull(strstr(clout_error_message(err, 0), "not a dataset folder"));
    clout_error_free(err);
}

/* A large ties.csv is read in two parts by two threads; the result must be
 * what one reader gives (the reference: the one-part reader, whose messages
 * are checked by hand in the tests above): the same ties in the same order
 * with the same lines, the same messages in the same order.  The file mixes
 * LF, CRLF and lone-CR line ends (which the split's line count must follow),
 * comments and blank lines, and has errors in both halves, at lines the test
 * knows. */
static GString *big_ties(bool with_errors, int *bad_lines, int *n_bad)
{
    GString *t = g_string_new("source,target,relation,value,start,end,source_ref\n");
    int line = 2;
    *n_bad = 0;
    for (int r = 0; r < 12000; r++, line++) {
        const char *end = r % 11 == 0 ? "\r\n" : r % 97 == 0 ? "\r" : "\n";
        if (r % 1000 == 500) {
            g_string_append_printf(t, "# a comment%s", end);
            continue;
        }
        int a = r % 3, b = (r / 3) % 3;
        if (a == b)
            b = (b + 1) % 3;
        const char *ids[] = {"A", "B", "C"};
        bool bad = with_errors && (r == 10 || r == 7000 || r == 11990);
        if (bad)
            bad_lines[(*n_bad)++] = line;
        if (r % 2)
            g_string_append_printf(t, "%s,%s,trade,%d.%d,%d,,src %d%s", ids[a],
                                   bad && r == 7000 ? "Q" : ids[b], r, r % 10, 2000 + r % 20,
                                   r / 100, end);
        else
            g_string_append_printf(t, "%s,%s,member,,%d,%s,src%s", ids[a], ids[b],
                                   bad ? 3000 : 1990 + r % 10, r % 4 ? "2019" : "", end);
    }
    return t;
}

static void load_both(const char *dir, clout_dataset_t **one, clout_dataset_t **two,
                      clout_error_t *e1, clout_error_t *e2, clout_status_t want)
{
    long long saved = cl_split_min_bytes;
    cl_split_min_bytes = 1LL << 62;
    g_assert_cmpint(clout_dataset_load(one, dir, e1), ==, want);
    cl_split_min_bytes = 0;
    g_assert_cmpint(clout_dataset_load(two, dir, e2), ==, want);
    cl_split_min_bytes = saved;
}

static void test_two_part_read(void)
{
    const char *actors = "id,name,kind\nA,A,state\nB,B,state\nC,C,state\n";
    int bad[4], nbad;
    GString *ties = big_ties(false, bad, &nbad);
    g_assert_cmpuint(ties->len, >, 3 * 65536); /* two parts need more than a buffer */
    char *dir = write_dataset(actors, RELATIONS, ties->str);
    clout_error_t *e1 = clout_error_new(0), *e2 = clout_error_new(0);
    clout_dataset_t *one, *two;
    load_both(dir, &one, &two, e1, e2, CLOUT_OK);
    g_assert_cmpint(clout_dataset_n_ties(one), ==, 12000 - 12);
    g_assert_cmpint(clout_dataset_n_ties(two), ==, clout_dataset_n_ties(one));
    g_assert_cmpint(clout_dataset_latest_year(two), ==, clout_dataset_latest_year(one));
    for (long i = 0; i < clout_dataset_n_ties(one); i++) {
        const clout_tie_t *x = clout_dataset_tie(one, i), *y = clout_dataset_tie(two, i);
        g_assert_cmpint(x->source, ==, y->source);
        g_assert_cmpint(x->target, ==, y->target);
        g_assert_cmpint(x->relation, ==, y->relation);
        g_assert_cmpfloat(x->value, ==, y->value);
        g_assert_cmpint(x->start, ==, y->start);
        g_assert_cmpint(x->end, ==, y->end);
        g_assert_cmpint(x->line, ==, y->line);
        g_assert_cmpstr(x->start_text, ==, y->start_text);
        g_assert_cmpstr(x->end_text, ==, y->end_text);
        g_assert_cmpstr(x->source_ref, ==, y->source_ref);
    }
    /* the last tie is on the last line: 12000 rows after the header */
    g_assert_cmpint(clout_dataset_tie(two, clout_dataset_n_ties(two) - 1)->line, ==, 12001);
    clout_dataset_free(one);
    clout_dataset_free(two);
    rm_tree(dir);
    g_free(dir);
    g_string_free(ties, TRUE);

    ties = big_ties(true, bad, &nbad);
    dir = write_dataset(actors, RELATIONS, ties->str);
    clout_error_clear(e1);
    clout_error_clear(e2);
    load_both(dir, &one, &two, e1, e2, CLOUT_EDATA);
    g_assert_cmpint(clout_error_count(e1), ==, 3);
    g_assert_cmpint(clout_error_count(e2), ==, 3);
    for (int i = 0; i < 3; i++) {
        char *at = g_strdup_printf("ties.csv:%d:", bad[i]);
        g_assert_cmpstr(clout_error_message(e2, i), ==, clout_error_message(e1, i));
        if (!strstr(clout_error_message(e2, i), at))
            g_error("message %d is '%s', wanted '%s'", i, clout_error_message(e2, i), at);
        g_free(at);
    }
    rm_tree(dir);
    g_free(dir);
    g_string_free(ties, TRUE);
    clout_error_free(e1);
    clout_error_free(e2);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/dataset/tiny-contents", test_tiny_contents);
    g_test_add_func("/dataset/all-errors-reported", test_all_errors_reported);
    g_test_add_func("/dataset/error-cap", test_error_cap);
    g_test_add_func("/dataset/columns-free-order", test_columns_free_order);
    g_test_add_func("/dataset/parse-year", test_parse_year);
    g_test_add_func("/dataset/missing-folder", test_missing_folder);
    g_test_add_func("/dataset/two-part-read", test_two_part_read);
    return g_test_run();
}
