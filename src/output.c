/* output.c: every output file is written to a temporary file beside it and renamed into place. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

struct clout_output {
    FILE *f;
    char *path; /* target, NULL for stdout */
    char *tmp;
};

clout_status_t clout_output_open(clout_output_t **out, const char *path, clout_error_t *err)
{
    *out = NULL;
    clout_output_t *o = g_new0(clout_output_t, 1);
    if (!path || strcmp(path, "-") == 0) {
        o->f = stdout;
        *out = o;
        return CLOUT_OK;
    }
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_free(o);
        return clout_error_set(err, CLOUT_EUSAGE, path, 0, 0, "is a folder, not a file");
    }
    /* Same folder as the target, so that rename() cannot cross file systems. */
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    o->tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    g_free(dir);
    g_free(base);
    int fd = g_mkstemp_full(o->tmp, O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        int e = errno;
        g_free(o->tmp);
        g_free(o);
        return clout_error_set(err, CLOUT_EFAIL, path, 0, 0, "cannot write: %s", g_strerror(e));
    }
    /* mkstemp makes the file 0600; an output should get the usual umask mode. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        g_free(o->tmp);
        g_free(o);
        return clout_error_set(err, CLOUT_EFAIL, path, 0, 0, "cannot write: %s", g_strerror(e));
    }
    o->path = g_strdup(path);
    *out = o;
    return CLOUT_OK;
}

FILE *clout_output_file(clout_output_t *o)
{
    return o->f;
}

static void output_free(clout_output_t *o)
{
    g_free(o->path);
    g_free(o->tmp);
    g_free(o);
}

clout_status_t clout_output_commit(clout_output_t *o, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    if (!o->path) {
        if (fflush(o->f) != 0 || ferror(o->f))
            st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                                 "cannot write to standard output: %s", g_strerror(errno));
        output_free(o);
        return st;
    }
    int e = 0;
    if (fflush(o->f) != 0 || ferror(o->f))
        e = errno ? errno : EIO;
    else if (fsync(fileno(o->f)) != 0 && errno != EINVAL)
        e = errno;
    if (fclose(o->f) != 0 && !e)
        e = errno;
    if (!e && rename(o->tmp, o->path) != 0)
        e = errno;
    if (e) {
        unlink(o->tmp);
        st = clout_error_set(err, CLOUT_EFAIL, o->path, 0, 0, "cannot write: %s", g_strerror(e));
    }
    output_free(o);
    return st;
}

void clout_output_abort(clout_output_t *o)
{
    if (!o)
        return;
    if (o->path) {
        fclose(o->f);
        unlink(o->tmp);
    }
    output_free(o);
}
