/* clout/error.h: status codes, the error object and clout_init (part of the public API, see clout.h). */
#ifndef CLOUT_ERROR_H
#define CLOUT_ERROR_H

#include <stdbool.h>
#include <stdio.h>
#include <igraph.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version, as `clout --version` prints it. */
#define CLOUT_VERSION_STRING "0.1.0"

/* ---------------------------------------------------------------------------
 * Status codes and errors
 *
 * Every fallible function returns a clout_status_t and, when it fails, leaves
 * the reason in a caller-owned clout_error_t, the last argument.  The
 * numeric values are the exit codes of the clout program (clout(1)).  An
 * error object may be passed to several calls in turn; each adds to it.
 * ------------------------------------------------------------------------- */
typedef enum {
    CLOUT_OK = 0,
    CLOUT_EFAIL = 1,  /* failure while running: I/O, memory, a library error */
    CLOUT_EUSAGE = 2, /* the caller asked for something impossible          */
    CLOUT_EDATA = 3   /* the input data is malformed                         */
} clout_status_t;

/* An error object collects one or more diagnostics.  Loading a dataset keeps
 * going after a bad field so that `validate` can report every problem; other
 * functions stop at the first. */
typedef struct clout_error clout_error_t;

/* Creates an empty error object; max_diags caps the diagnostics kept (0 =
 * 100).  The caller owns it and frees it with clout_error_free(); NULL only
 * when memory runs out (GLib aborts first). */
clout_error_t *clout_error_new(int max_diags);
/* Frees err and every diagnostic and warning in it; NULL is allowed. */
void clout_error_free(clout_error_t *err);
/* Forgets every diagnostic; the object can be reused. */
void clout_error_clear(clout_error_t *err);
/* The worst status recorded (CLOUT_OK when empty). */
clout_status_t clout_error_status(const clout_error_t *err);
/* Number of diagnostics kept (at most max_diags). */
int clout_error_count(const clout_error_t *err);
/* The i-th diagnostic (0 <= i < clout_error_count) as "FILE:LINE:COL:
 * message", parts that are unknown left out; NULL for i out of range.
 * Owned by err, valid until it is cleared or freed. */
const char *clout_error_message(const clout_error_t *err, int i);
/* How many diagnostics were dropped beyond max_diags. */
int clout_error_dropped(const clout_error_t *err);
/* Records a diagnostic.  file may be NULL; line/col 0 mean unknown.  Returns
 * status, so that `return clout_error_set(...)` reads naturally. */
clout_status_t clout_error_set(clout_error_t *err, clout_status_t status, const char *file,
                               long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Warnings: what a caller should know about a result that is still a
 * result (a window that reaches past a source's coverage).  They do not
 * change the status; each distinct text is kept once. */
void clout_error_warn(clout_error_t *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Number of distinct warnings recorded. */
int clout_error_n_warnings(const clout_error_t *err);
/* The i-th warning (0 <= i < clout_error_n_warnings), in the order they
 * were first recorded; NULL for i out of range.  Owned by err. */
const char *clout_error_warning(const clout_error_t *err, int i);

/* Installs clout's igraph error and warning handlers (no printing, no abort)
 * and the attribute table.  Idempotent; every entry point calls it. */
void clout_init(void);

#ifdef __cplusplus
}
#endif
#endif
