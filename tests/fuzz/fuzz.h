/* fuzz.h: what the fuzz targets share: a scratch folder, writing an input to a file. */
#ifndef CLOUT_FUZZ_H
#define CLOUT_FUZZ_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <clout.h>

/* A finding the sanitizers cannot see (a broken invariant) must still stop
 * libFuzzer and leave a reproducer, so it aborts with a message. */
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz check failed: %s (%s:%d): ", #cond, __FILE__, __LINE__);         \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static void fuzz_rm_rf(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK)) {
        GDir *d = g_dir_open(path, 0, NULL);
        const char *name;
        while (d && (name = g_dir_read_name(d))) {
            char *p = g_build_filename(path, name, NULL);
            fuzz_rm_rf(p);
            g_free(p);
        }
        if (d)
            g_dir_close(d);
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

static char *fuzz_dir_path;

static void fuzz_dir_remove(void)
{
    if (fuzz_dir_path)
        fuzz_rm_rf(fuzz_dir_path);
    g_free(fuzz_dir_path);
    fuzz_dir_path = NULL;
}

/* The process's scratch folder, made on first use and removed at exit.
 * Every run overwrites the files in it, so it is made once: a folder per
 * run would cost more than most runs.  It goes in $CLOUT_FUZZ_TMPDIR, else
 * /dev/shm (memory: no disk writes, cheap fsync), else the temp folder. */
static const char *fuzz_dir(void)
{
    if (fuzz_dir_path)
        return fuzz_dir_path;
    const char *base = g_getenv("CLOUT_FUZZ_TMPDIR");
    if (!base || !*base)
        base = g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) && access("/dev/shm", W_OK) == 0
                   ? "/dev/shm"
                   : g_get_tmp_dir();
    char *tmpl = g_build_filename(base, "clout-fuzz-XXXXXX", NULL);
    if (!g_mkdtemp(tmpl)) {
        fprintf(stderr, "fuzz: cannot create a folder in '%s'\n", base);
        abort();
    }
    fuzz_dir_path = tmpl;
    atexit(fuzz_dir_remove);
    return fuzz_dir_path;
}

/* dir/name, owned by the caller. */
static char *fuzz_path(const char *name)
{
    return g_build_filename(fuzz_dir(), name, NULL);
}

static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        fprintf(stderr, "fuzz: cannot write '%s'\n", path);
        abort();
    }
}

/* A sink for the writers: their output is not checked, only that writing
 * does not crash. */
static FILE *fuzz_null(void)
{
    static FILE *f;
    if (!f)
        f = fopen("/dev/null", "w");
    if (!f)
        abort();
    return f;
}

/* Writes a network in every format clout writes. */
static void fuzz_write_network(const clout_network_t *net)
{
    static const clout_netformat_t fmts[] = {
        CLOUT_NET_GRAPHML, CLOUT_NET_GML,      CLOUT_NET_DOT,
        CLOUT_NET_PAJEK,   CLOUT_NET_EDGELIST, CLOUT_NET_CSV,
        CLOUT_NET_GEXF,    CLOUT_NET_MATRIX,   CLOUT_NET_EDGELIST_TEXT};
    for (size_t i = 0; i < G_N_ELEMENTS(fmts); i++) {
        /* A matrix has n * n cells: thousands of short ids in one input
         * would spend the run writing zeros. */
        if (fmts[i] == CLOUT_NET_MATRIX && igraph_vcount(&net->graph) > 256)
            continue;
        clout_error_t *err = clout_error_new(0);
        clout_network_write(net, fuzz_null(), fmts[i], err);
        clout_error_free(err);
    }
}

/* Every kept message is a non-empty string; reading them exercises the
 * formatting of file, line and column. */
static void fuzz_check_error(const clout_error_t *err)
{
    for (int i = 0; i < clout_error_count(err); i++) {
        const char *m = clout_error_message(err, i);
        FUZZ_CHECK(m && *m, "diagnostic %d is empty", i);
    }
}

/* A failure always says why: the CLI prints the messages and nothing else. */
static void fuzz_check_failed(clout_status_t st, const clout_error_t *err)
{
    fuzz_check_error(err);
    if (st != CLOUT_OK)
        FUZZ_CHECK(clout_error_count(err) > 0 || clout_error_dropped(err) > 0,
                   "status %d with no diagnostic", (int)st);
}

#endif
