/* test-diff.c: tie, rank and QAP comparisons against hand computations on a small pair. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>
#include "../../src/internal.h"

static char *tmp;

static clout_network_t *net_of(const char *name, const char *csv)
{
    char *p = g_build_filename(tmp, name, NULL);
    g_assert_true(g_file_set_contents(p, csv, -1, NULL));
    clout_error_t *err = clout_error_new(0);
    clout_network_t *n;
    if (clout_network_read(&n, p, false, err))
        g_error("%s", clout_error_message(err, 0));
    clout_error_free(err);
    g_free(p);
    return n;
}

/* A: a-b 1, b-c 2, c-d 1.  B: a-b 1, b-c 1, a-d 3 (undirected). */
static const char *A_CSV = "source,target,weight\na,b,1\nb,c,2\nc,d,1\n";
static const char *B_CSV = "source,target,weight\na,b,1\nb,c,1\na,d,3\n";

static int row_of(const clout_table_t *t, int col, const char *value)
{
    for (int r = 0; r < clout_table_n_rows(t); r++)
        if (g_strcmp0(clout_table_get_str(t, r, col), value) == 0)
            return r;
    return -1;
}

static void test_ties(void)
{
    clout_network_t *a = net_of("a.csv", A_CSV), *b = net_of("b.csv", B_CSV);
    clout_error_t *err = clout_error_new(0);
    clout_table_t *t;
    g_assert_cmpint(clout_diff_ties(a, b, &t, err), ==, CLOUT_OK);
    /* By hand: a-b unchanged (not listed); b-c reweighted 2 -> 1; c-d removed; a-d added. */
    g_assert_cmpint(clout_table_n_rows(t), ==, 3);
    int r = row_of(t, 2, "reweighted");
    g_assert_cmpstr(clout_table_get_str(t, r, 0), ==, "b");
    g_assert_cmpfloat(clout_table_get_num(t, r, 7), ==, -1);
    r = row_of(t, 2, "removed");
    g_assert_cmpstr(clout_table_get_str(t, r, 0), ==, "c");
    g_assert_cmpfloat(clout_table_get_num(t, r, 7), ==, -1);
    r = row_of(t, 2, "added");
    g_assert_cmpstr(clout_table_get_str(t, r, 1), ==, "d");
    g_assert_cmpfloat(clout_table_get_num(t, r, 7), ==, 3);
    clout_table_free(t);
    /* Swapping A and B: added and removed swap, every delta changes sign. */
    g_assert_cmpint(clout_diff_ties(b, a, &t, err), ==, CLOUT_OK);
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 2, "reweighted"), 7), ==, 1);
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 2, "added"), 7), ==, 1);
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 2, "removed"), 7), ==, -3);
    clout_table_free(t);
    clout_network_free(a);
    clout_network_free(b);
    clout_error_free(err);
}

static void test_ranks(void)
{
    clout_network_t *a = net_of("a.csv", A_CSV), *b = net_of("b.csv", B_CSV);
    clout_error_t *err = clout_error_new(0);
    clout_diff_opts_t o;
    clout_diff_opts_init(&o);
    char *m[] = {"degree", NULL};
    o.measures.measures = m;
    clout_table_t *t;
    g_assert_cmpint(clout_diff_measures(a, b, &t, &o, err), ==, CLOUT_OK);
    /* Degrees by hand.  A: a 1, b 2, c 2, d 1 -> ranks b, c = (1+2)/2 = 1.5 and
     * a, d = (3+4)/2 = 3.5.  B: a 2, b 2, c 1, d 1 -> a, b 1.5; c, d 3.5.
     * rank_change = rank_a - rank_b: a +2, b 0, c -2, d 0. */
    const char *ids[] = {"a", "b", "c", "d"};
    double ra[] = {3.5, 1.5, 1.5, 3.5}, rb[] = {1.5, 1.5, 3.5, 3.5}, ch[] = {2, 0, -2, 0};
    for (int i = 0; i < 4; i++) {
        int r = row_of(t, 0, ids[i]);
        g_assert_cmpint(r, >=, 0);
        g_assert_cmpfloat(clout_table_get_num(t, r, 6), ==, ra[i]);
        g_assert_cmpfloat(clout_table_get_num(t, r, 7), ==, rb[i]);
        g_assert_cmpfloat(clout_table_get_num(t, r, 8), ==, ch[i]);
    }
    clout_table_free(t);
    clout_network_free(a);
    clout_network_free(b);
    clout_error_free(err);
}

/* Pearson r of the upper-triangle cells (ab, ac, ad, bc, bd, cd). */
static double pearson(const double *x, const double *y, int n)
{
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        syy += y[i] * y[i];
        sxy += x[i] * y[i];
    }
    return (sxy - sx * sy / n) / sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
}

static void test_qap(void)
{
    clout_network_t *a = net_of("a.csv", A_CSV), *b = net_of("b.csv", B_CSV);
    clout_error_t *err = clout_error_new(0);
    double r, p;
    g_assert_cmpint(cl_qap(a, b, &r, &p, 20000, 1, err), ==, CLOUT_OK);
    /* By hand: x = (1,0,0,2,0,1), y = (1,0,3,1,0,0); Sxy = 3 - 4*5/6 = -1/3,
     * Sxx = 6 - 16/6 = 10/3, Syy = 11 - 25/6 = 41/6, so r = -1/sqrt(205). */
    g_assert_cmpfloat_with_epsilon(r, -1 / sqrt(205), 1e-12);
    /* The exact permutation p: all 24 relabellings of B's four actors, counted
     * here by brute force, independent of clout's sampling. */
    double A[4][4] = {{0, 1, 0, 0}, {1, 0, 2, 0}, {0, 2, 0, 1}, {0, 0, 1, 0}};
    double B[4][4] = {{0, 1, 0, 3}, {1, 0, 1, 0}, {0, 1, 0, 0}, {3, 0, 0, 0}};
    int perm[4], extreme = 0, total = 0;
    for (perm[0] = 0; perm[0] < 4; perm[0]++)
        for (perm[1] = 0; perm[1] < 4; perm[1]++)
            for (perm[2] = 0; perm[2] < 4; perm[2]++)
                for (perm[3] = 0; perm[3] < 4; perm[3]++) {
                    if (perm[0] == perm[1] || perm[0] == perm[2] || perm[0] == perm[3] ||
                        perm[1] == perm[2] || perm[1] == perm[3] || perm[2] == perm[3])
                        continue;
                    double x[6], y[6];
                    int k = 0;
                    for (int i = 0; i < 4; i++)
                        for (int j = i + 1; j < 4; j++, k++) {
                            x[k] = A[i][j];
                            y[k] = B[perm[i]][perm[j]];
                        }
                    total++;
                    extreme += fabs(pearson(x, y, 6)) >= fabs(r) * (1 - 1e-12);
                }
    g_assert_cmpint(total, ==, 24);
    double exact = (double)extreme / total;
    /* 20000 random permutations estimate it to within a few thousandths. */
    g_assert_cmpfloat(fabs(p - exact), <, 0.02);
    /* A network against itself: r = 1. */
    g_assert_cmpint(cl_qap(a, a, &r, &p, 100, 1, err), ==, CLOUT_OK);
    g_assert_cmpfloat_with_epsilon(r, 1, 1e-12);
    clout_network_free(a);
    clout_network_free(b);
    clout_error_free(err);
}

static void test_summary(void)
{
    clout_network_t *a = net_of("a.csv", A_CSV), *b = net_of("b.csv", B_CSV);
    clout_error_t *err = clout_error_new(0);
    clout_diff_opts_t o;
    clout_diff_opts_init(&o);
    o.permutations = 200;
    o.communities =
        (clout_community_opts_t){.method = CLOUT_CM_LEIDEN, .resolution = 1, .runs = 1, .seed = 1};
    clout_table_t *t;
    g_assert_cmpint(clout_diff_summary(a, b, &t, &o, err), ==, CLOUT_OK);
    /* Ties in both: a-b, b-c; in either: a-b, b-c, c-d, a-d: Jaccard 2/4. */
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 0, "tie_jaccard"), 3), ==, 0.5);
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 0, "edges"), 1), ==, 3);
    /* Density of 3 edges among 4 actors: 3 / 6. */
    g_assert_cmpfloat(clout_table_get_num(t, row_of(t, 0, "density"), 2), ==, 0.5);
    clout_table_free(t);
    clout_network_free(a);
    clout_network_free(b);
    clout_error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    tmp = g_dir_make_tmp("clout-diff-XXXXXX", NULL);
    g_test_add_func("/diff/ties", test_ties);
    g_test_add_func("/diff/ranks", test_ranks);
    g_test_add_func("/diff/qap", test_qap);
    g_test_add_func("/diff/summary", test_summary);
    int rc = g_test_run();
    const char *names[] = {"a.csv", "b.csv"};
    for (int i = 0; i < 2; i++) {
        char *p = g_build_filename(tmp, names[i], NULL);
        g_unlink(p);
        g_free(p);
    }
    g_rmdir(tmp);
    g_free(tmp);
    return rc;
}
