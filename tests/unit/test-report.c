/* test-report.c: the report reads tables by column name: inserting columns into a
 * measures or communities table changes nothing on the page, and the top actors are the
 * ones a scan of the table finds. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <glib.h>

#include "report.h"

static char *TINY;

static clout_network_t *tiny(int year, clout_dataset_t **ds)
{
    clout_error_t *err = clout_error_new(0);
    if (clout_dataset_load(ds, TINY, err))
        g_error("%s", clout_error_message(err, 0));
    clout_snapshot_opts_t so;
    clout_snapshot_opts_init(&so);
    so.year = year;
    clout_network_t *net;
    if (clout_snapshot(*ds, &net, &so, err))
        g_error("%s", clout_error_message(err, 0));
    clout_error_free(err);
    return net;
}

/* A copy of t with a text column "x_note" inserted at position at_text and a number
 * column "x_score" (the row number times 1000, which would top any measure read by
 * position) at position at_num of the result. */
static clout_table_t *with_extra_columns(const clout_table_t *t, int at_text, int at_num)
{
    clout_table_t *u = clout_table_new(clout_table_name(t));
    int nc = clout_table_n_cols(t), src[64];
    g_assert_cmpint(nc + 2, <=, 64);
    for (int c = 0, k = 0; c < nc + 2; c++) {
        if (c == at_text) {
            clout_table_add_column(u, "x_note", CLOUT_COL_STR);
            src[c] = -1;
        } else if (c == at_num) {
            clout_table_add_column(u, "x_score", CLOUT_COL_NUM);
            src[c] = -2;
        } else {
            clout_table_add_column(u, clout_table_column_name(t, k), clout_table_column_type(t, k));
            src[c] = k++;
        }
    }
    for (int r = 0; r < clout_table_n_rows(t); r++) {
        int ur = clout_table_add_row(u);
        for (int c = 0; c < nc + 2; c++) {
            if (src[c] == -1)
                clout_table_set_str(u, ur, c, "inserted");
            else if (src[c] == -2)
                clout_table_set_num(u, ur, c, 1000.0 * (r + 1));
            else if (clout_table_column_type(t, src[c]) == CLOUT_COL_STR)
                clout_table_set_str(u, ur, c, clout_table_get_str(t, r, src[c]));
            else
                clout_table_set_num(u, ur, c, clout_table_get_num(t, r, src[c]));
        }
    }
    return u;
}

static void test_top_actors_by_name(void)
{
    clout_dataset_t *ds;
    clout_network_t *net = tiny(2022, &ds);
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    clout_error_t *err = clout_error_new(0);
    clout_table_t *m;
    g_assert_cmpint(clout_measures(net, &m, &mo, err), ==, CLOUT_OK);
    clout_table_t *m2 = with_extra_columns(m, 1, 4);
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    cl_html_top_actors(a, m, 5);
    cl_html_top_actors(b, m2, 5);
    g_assert_cmpstr(a->str, ==, b->str);
    g_assert_null(strstr(b->str, "x_score"));
    g_assert_null(strstr(b->str, "inserted"));
    /* The first place of each measure is the actor a plain scan finds highest (the
     * first in table order among equals). */
    int name = clout_table_column(m, "name");
    for (int i = 0; clout_measure_names[i]; i++) {
        int c = clout_table_column(m, clout_measure_names[i]);
        g_assert_cmpint(c, >=, 0);
        int best = -1;
        for (int r = 0; r < clout_table_n_rows(m); r++) {
            double v = clout_table_get_num(m, r, c);
            if (!isnan(v) && (best < 0 || v > clout_table_get_num(m, best, c)))
                best = r;
        }
        if (best < 0)
            continue;
        char *want = g_strdup_printf("<tr><td>%s</td><td>%s <span", clout_measure_names[i],
                                     clout_table_get_str(m, best, name));
        g_assert_nonnull(strstr(a->str, want));
        g_free(want);
    }
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    clout_table_free(m);
    clout_table_free(m2);
    clout_error_free(err);
    clout_network_free(net);
    clout_dataset_free(ds);
}

static void test_communities_by_name(void)
{
    clout_dataset_t *ds;
    clout_network_t *net = tiny(2022, &ds);
    clout_community_opts_t co;
    clout_community_opts_init(&co);
    clout_error_t *err = clout_error_new(0);
    clout_partition_t part;
    g_assert_cmpint(clout_communities(net, &part, &co, err), ==, CLOUT_OK);
    clout_table_t *members, *summary;
    g_assert_cmpint(clout_partition_tables(net, &part, &members, &summary, &co, NULL, err), ==,
                    CLOUT_OK);
    clout_table_t *moved = with_extra_columns(members, 0, 3);
    int years[1] = {2022};
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    cl_html_communities(a, ds, &members, years, 1);
    cl_html_communities(b, ds, &moved, years, 1);
    g_assert_cmpstr(a->str, ==, b->str);
    /* Each actor's community as the table holds it. */
    int id = clout_table_column(members, "id"), cc = clout_table_column(members, "community");
    for (int r = 0; r < clout_table_n_rows(members); r++) {
        int ai = clout_dataset_find_actor(ds, clout_table_get_str(members, r, id));
        char *want =
            g_strdup_printf("<tr><td>%s</td><td class=\"n\">%.0f</td>",
                            clout_dataset_actor(ds, ai)->name, clout_table_get_num(members, r, cc));
        g_assert_nonnull(strstr(a->str, want));
        g_free(want);
    }
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    clout_table_free(members);
    clout_table_free(moved);
    clout_table_free(summary);
    clout_partition_destroy(&part);
    clout_error_free(err);
    clout_network_free(net);
    clout_dataset_free(ds);
}

static void test_markdown_comments(void)
{
    GString *h = g_string_new(NULL);
    cl_html_markdown(h,
                     "# Title\n\nBefore <!-- hidden --> after.\n\n<!-- a comment\nover lines -->\n"
                     "- item\n\n```\n<!-- shown in code -->\n```\n",
                     1);
    g_assert_null(strstr(h->str, "hidden"));
    g_assert_null(strstr(h->str, "over lines"));
    g_assert_nonnull(strstr(h->str, "<p>Before  after.</p>"));
    g_assert_nonnull(strstr(h->str, "&lt;!-- shown in code --&gt;"));
    g_assert_nonnull(strstr(h->str, "<h2>Title</h2>"));
    g_string_free(h, TRUE);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    TINY = g_test_build_filename(G_TEST_DIST, "graphs", "examples", "tiny", NULL);
    g_test_add_func("/report/top-actors-by-name", test_top_actors_by_name);
    g_test_add_func("/report/communities-by-name", test_communities_by_name);
    g_test_add_func("/report/markdown-comments", test_markdown_comments);
    return g_test_run();
}
