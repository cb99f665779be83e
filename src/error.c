/* error.c: error objects that collect diagnostics, and library set-up. */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include "internal.h"

struct clout_error {
    clout_status_t status;
    GPtrArray *messages;
    GPtrArray *warnings; /* said once each, in order */
    int max;
    int dropped;
};

clout_error_t *clout_error_new(int max_diags)
{
    clout_error_t *e = g_new0(clout_error_t, 1);
    e->messages = g_ptr_array_new_with_free_func(g_free);
    e->warnings = g_ptr_array_new_with_free_func(g_free);
    e->max = max_diags > 0 ? max_diags : 100;
    return e;
}

void clout_error_free(clout_error_t *err)
{
    if (!err)
        return;
    g_ptr_array_free(err->messages, TRUE);
    g_ptr_array_free(err->warnings, TRUE);
    g_free(err);
}

void clout_error_clear(clout_error_t *err)
{
    g_ptr_array_set_size(err->messages, 0);
    g_ptr_array_set_size(err->warnings, 0);
    err->status = CLOUT_OK;
    err->dropped = 0;
}

clout_status_t clout_error_status(const clout_error_t *err)
{
    return err->status;
}

int clout_error_count(const clout_error_t *err)
{
    return (int)err->messages->len;
}

const char *clout_error_message(const clout_error_t *err, int i)
{
    return i >= 0 && (guint)i < err->messages->len ? g_ptr_array_index(err->messages, i) : NULL;
}

int clout_error_dropped(const clout_error_t *err)
{
    return err->dropped;
}

void clout_error_warn(clout_error_t *err, const char *fmt, ...)
{
    if (!err)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    for (guint i = 0; i < err->warnings->len; i++)
        if (strcmp(g_ptr_array_index(err->warnings, i), s) == 0) {
            g_free(s);
            return;
        }
    if (err->warnings->len < 1000)
        g_ptr_array_add(err->warnings, s);
    else
        g_free(s);
}

int clout_error_n_warnings(const clout_error_t *err)
{
    return (int)err->warnings->len;
}

const char *clout_error_warning(const clout_error_t *err, int i)
{
    return i >= 0 && (guint)i < err->warnings->len ? g_ptr_array_index(err->warnings, i) : NULL;
}

clout_status_t clout_error_set(clout_error_t *err, clout_status_t status, const char *file,
                               long line, long col, const char *fmt, ...)
{
    if (!err)
        return status;
    /* A data error outranks a usage error, which outranks a failure: the exit
     * code should name the cause the user can fix. */
    if (status > err->status)
        err->status = status;
    if ((int)err->messages->len >= err->max) {
        err->dropped++;
        return status;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    GString *s = g_string_new(NULL);
    if (file) {
        g_string_append(s, file);
        if (line > 0) {
            g_string_append_printf(s, ":%ld", line);
            if (col > 0)
                g_string_append_printf(s, ":%ld", col);
        }
        g_string_append(s, ": ");
    }
    g_string_append(s, msg);
    g_free(msg);
    g_ptr_array_add(err->messages, g_string_free(s, FALSE));
    return status;
}

void cl_error_merge(clout_error_t *into, const clout_error_t *from)
{
    if (from->status > into->status)
        into->status = from->status;
    for (guint i = 0; i < from->messages->len; i++) {
        if ((int)into->messages->len >= into->max)
            into->dropped++;
        else
            g_ptr_array_add(into->messages, g_strdup(g_ptr_array_index(from->messages, i)));
    }
    into->dropped += from->dropped;
}

/* igraph reports through a global handler; the last reason is kept here so
 * that the error object can carry it.  igraph in Debian is not thread-safe, so
 * neither is this, and clout never calls igraph from two threads. */
static char last_reason[512];

static void error_keep(const char *reason, const char *file, int line, igraph_error_t code)
{
    /* IGRAPH_CHECK passes an error on with an empty reason as it unwinds:
     * the first, specific reason is the one to keep. */
    if (reason && *reason)
        g_strlcpy(last_reason, reason, sizeof last_reason);
    /* Still unwinds igraph's FINALLY stack, so the failed call frees its memory. */
    igraph_error_handler_ignore(reason, file, line, code);
}

clout_status_t cl_igraph_error(clout_error_t *err, igraph_error_t code, const char *what)
{
    clout_status_t st = CLOUT_EFAIL;
    if (code == IGRAPH_PARSEERROR)
        st = CLOUT_EDATA;
    clout_status_t r;
    if (last_reason[0])
        r = clout_error_set(err, st, NULL, 0, 0, "%s: %s (%s)", what, last_reason,
                            igraph_strerror(code));
    else
        r = clout_error_set(err, st, NULL, 0, 0, "%s: %s", what, igraph_strerror(code));
    last_reason[0] = 0;
    return r;
}

void cl_strvector_release(igraph_strvector_t *sv)
{
    if (sv->stor_begin)
        igraph_strvector_destroy(sv);
    sv->stor_begin = NULL;
}

/* igraph's default handlers print and abort; the library must do neither. */
static void warning_quiet(const char *reason, const char *file, int line)
{
    (void)reason;
    (void)file;
    (void)line;
}

void clout_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        igraph_set_error_handler(error_keep);
        igraph_set_warning_handler(warning_quiet);
        igraph_set_attribute_table(&igraph_cattribute_table);
        g_once_init_leave(&done, 1);
    }
}
