/* testutil.h: small helpers shared by the unit tests (header-only). */
#ifndef CLOUT_TESTUTIL_H
#define CLOUT_TESTUTIL_H

#include <glib.h>
#include <glib/gstdio.h>

/* Writes a dataset folder with the three files' texts under a new temp dir;
 * returns its path (free with g_free after removing it with rm_tree). */
static inline char *write_dataset(const char *actors, const char *relations, const char *ties)
{
    char *dir = g_dir_make_tmp("clout-test-XXXXXX", NULL);
    g_assert_nonnull(dir);
    const char *names[] = {"actors.csv", "relations.csv", "ties.csv"};
    const char *texts[] = {actors, relations, ties};
    for (int i = 0; i < 3; i++) {
        if (!texts[i])
            continue;
        char *p = g_build_filename(dir, names[i], NULL);
        g_assert_true(g_file_set_contents(p, texts[i], -1, NULL));
        g_free(p);
    }
    return dir;
}

static inline void rm_tree(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d) {
        const char *n;
        while ((n = g_dir_read_name(d))) {
            char *p = g_build_filename(dir, n, NULL);
            g_remove(p);
            g_free(p);
        }
        g_dir_close(d);
    }
    g_rmdir(dir);
}

#endif
