/* netio-text.c: whitespace-separated edge lists (.edgelist, .txt) in and out, as NetworkX, SNAP and
 * KONECT write them.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- reading ---- */

/* The separators: spaces and tabs, and the other ASCII white space (a CR
 * of a CRLF line end; \v and \f, which Python's split() also takes). */
static inline bool is_sep(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

#define TEXT_BUF 65536

/* The file, line by line: a line that lies whole in the buffer is read
 * there, one that crosses its end is gathered in long. */
typedef struct {
    FILE *f;
    const char *path;
    char buf[TEXT_BUF];
    size_t len, pos;
    GString *long_line;
    char *text; /* the current line, NUL-terminated, writable */
    size_t text_len;
    long lno;
    long shift; /* bytes taken from the start of the line (a BOM) */
} lines_t;

/* Reads the next line (without its '\n'): 1, 0 at the end of the file, or
 * -1 after an error (a line longer than the record limit, a read error). */
static int next_line(lines_t *r, clout_error_t *err)
{
    g_string_truncate(r->long_line, 0);
    bool gathering = false;
    for (;;) {
        if (r->pos >= r->len) {
            r->len = fread(r->buf, 1, TEXT_BUF - 1, r->f);
            r->pos = 0;
            if (r->len == 0) {
                if (ferror(r->f)) {
                    clout_error_set(err, CLOUT_EDATA, r->path, r->lno + 1, 0, "cannot read: %s",
                                    g_strerror(errno));
                    return -1;
                }
                if (!gathering)
                    return 0;
                break; /* a last line without '\n' */
            }
        }
        char *start = r->buf + r->pos;
        char *nl = memchr(start, '\n', r->len - r->pos);
        size_t n = nl ? (size_t)(nl - start) : r->len - r->pos;
        r->pos += n + (nl != NULL);
        if (!gathering && nl) { /* the whole line in the buffer */
            *nl = 0;
            r->text = start;
            r->text_len = n;
            break;
        }
        gathering = true;
        if (r->long_line->len + n > CLOUT_MAX_RECORD_BYTES) {
            clout_error_set(err, CLOUT_EDATA, r->path, r->lno + 1, 1, "a line longer than %d bytes",
                            CLOUT_MAX_RECORD_BYTES);
            return -1;
        }
        g_string_append_len(r->long_line, start, (gssize)n);
        if (nl)
            break;
    }
    if (gathering) {
        r->text = r->long_line->str;
        r->text_len = r->long_line->len;
    }
    r->lno++;
    r->shift = 0;
    /* The UTF-8 byte order mark that some editors put first. */
    if (r->lno == 1 && r->text_len >= 3 && memcmp(r->text, "\xEF\xBB\xBF", 3) == 0) {
        r->text += 3;
        r->text_len -= 3;
        r->shift = 3;
    }
    return 1;
}

/* One line cut into its words (at most four, the fourth an error), each
 * NUL-terminated in place, with its column (1-based byte, counting a BOM
 * the reader took away on line 1). */
typedef struct {
    int n;
    char *word[4];
    long col[4];
} words_t;

static void split_words(char *s, long shift, words_t *w)
{
    w->n = 0;
    char *p = s;
    while (w->n < 4) {
        while (*p && is_sep((unsigned char)*p))
            p++;
        if (!*p)
            break;
        w->word[w->n] = p;
        w->col[w->n] = (long)(p - s) + 1 + shift;
        w->n++;
        while (*p && !is_sep((unsigned char)*p))
            p++;
        if (*p)
            *p++ = 0;
    }
}

/* A line is read as text: it must be UTF-8 without a NUL byte. */
static clout_status_t check_text(const lines_t *r, clout_error_t *err)
{
    const char *end;
    if (g_utf8_validate(r->text, (gssize)r->text_len, &end))
        return CLOUT_OK;
    long col = (long)(end - r->text) + 1 + r->shift;
    if (*end == 0)
        return clout_error_set(err, CLOUT_EDATA, r->path, r->lno, col, "NUL byte in text");
    return clout_error_set(err, CLOUT_EDATA, r->path, r->lno, col, "invalid UTF-8 (byte 0x%02X)",
                           (unsigned)(unsigned char)*end);
}

/* What the lines so far have said: how many columns the first edge had. */
typedef struct {
    cl_edgelist_t el;
    bool unweighted;
    bool seen; /* an edge or the header */
    int ncols; /* of the first edge; 0 before it */
    long ncols_line;
} text_t;

/* One line of edge: two ids and, in the third column, the weight.  Every
 * line has as many columns as the first (a missing weight is not guessed),
 * unless --unweighted, which ignores the third column. */
static clout_status_t text_edge(text_t *t, const lines_t *r, const words_t *w, clout_error_t *err)
{
    const char *path = r->path;
    if (w->n > 3)
        return clout_error_set(err, CLOUT_EDATA, path, r->lno, w->col[3],
                               "a fourth column ('%s'): a line of an edge list is \"source target "
                               "[weight]\"",
                               w->word[3]);
    if (w->n < 2)
        return clout_error_set(err, CLOUT_EDATA, path, r->lno, w->col[0],
                               "one column ('%s'): a line of an edge list is \"source target "
                               "[weight]\"",
                               w->word[0]);
    if (!t->ncols) {
        t->ncols = w->n;
        t->ncols_line = r->lno;
    } else if (w->n != t->ncols && !t->unweighted) {
        long col = w->n == 3 ? w->col[2] : w->col[1] + (long)strlen(w->word[1]) + 1;
        return clout_error_set(err, CLOUT_EDATA, path, r->lno, col,
                               "%s, but line %ld %s: give every edge a weight, or read the file "
                               "with --unweighted (every edge weighs 1)",
                               w->n == 3 ? "a weight" : "no weight", t->ncols_line,
                               t->ncols == 3 ? "has one" : "has none");
    }
    double x = 1;
    if (w->n == 3 && !t->unweighted && !cl_parse_double(w->word[2], &x))
        return clout_error_set(err, CLOUT_EDATA, path, r->lno, w->col[2],
                               "weight '%s' is not a finite number; read the file with "
                               "--unweighted to give every edge 1",
                               w->word[2]);
    for (int k = 0; k < 2; k++) {
        if (strlen(w->word[k]) > CLOUT_MAX_FIELD_BYTES)
            return clout_error_set(err, CLOUT_EDATA, path, r->lno, w->col[k],
                                   "an id longer than %d bytes", CLOUT_MAX_FIELD_BYTES);
        clout_status_t st = cl_edgelist_end(&t->el, k, w->word[k], path, r->lno, w->col[k], err);
        if (st)
            return st;
    }
    return cl_edgelist_weight(&t->el, x, path, r->lno, err);
}

/* One line: blank, a comment ('#' as NetworkX and SNAP write them, '%' as
 * KONECT does), the header "source target [weight]" on the first line that
 * is neither, or an edge. */
static clout_status_t text_line(text_t *t, lines_t *r, clout_error_t *err)
{
    clout_status_t st = check_text(r, err);
    if (st)
        return st;
    words_t w;
    split_words(r->text, r->shift, &w);
    if (w.n == 0 || w.word[0][0] == '#' || w.word[0][0] == '%')
        return CLOUT_OK;
    bool first = !t->seen;
    t->seen = true;
    if (first && w.n >= 2 && strcmp(w.word[0], "source") == 0 && strcmp(w.word[1], "target") == 0 &&
        (w.n == 2 || strcmp(w.word[2], "weight") == 0))
        return CLOUT_OK;
    return text_edge(t, r, &w, err);
}

clout_status_t cl_read_text_edgelist(clout_network_t *net, const char *path,
                                     const clout_snapshot_opts_t *o, clout_error_t *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", g_strerror(errno));
    lines_t *r = g_new0(lines_t, 1);
    r->f = f;
    r->path = path;
    r->long_line = g_string_new(NULL);
    text_t t = {.unweighted = o->unweighted};
    clout_status_t st = cl_edgelist_init(&t.el, path, err);
    int got = 0;
    while (!st && (got = next_line(r, err)) > 0)
        st = text_line(&t, r, err);
    if (!st && got < 0)
        st = clout_error_status(err);
    if (!st)
        st = cl_edgelist_graph(net, &t.el, o->directed, path, err);
    fclose(f);
    g_string_free(r->long_line, TRUE);
    g_free(r);
    cl_edgelist_clear(&t.el);
    return st;
}

/* ---- writing ---- */

/* Why an id cannot be a word of a line, or NULL when it can. */
static const char *unwritable(const char *id)
{
    if (!*id)
        return "is empty";
    if (*id == '#' || *id == '%')
        return "starts a comment";
    for (const char *p = id; *p; p++)
        if (is_sep((unsigned char)*p) || *p == '\n')
            return "holds white space";
    return NULL;
}

/* The shortest text that reads back as v (NetworkX writes Python's repr,
 * which is that too): 12 significant digits when they do, else up to 17. */
static const char *weight_text(char *buf, double v)
{
    const char *s = cl_number_text(buf, v, false, false);
    if (g_ascii_strtod(s, NULL) == v)
        return s;
    for (int prec = 13; prec <= 17; prec++) {
        char fmt[8];
        g_snprintf(fmt, sizeof fmt, "%%.%dg", prec);
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, v);
        if (g_ascii_strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

clout_status_t cl_write_text_edgelist(const igraph_t *g, FILE *f, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t ne = igraph_ecount(g);
    igraph_strvector_t ids = {0};
    igraph_vector_t w = {0};
    g_autofree bool *seen = g_new0(bool, igraph_vcount(g) + 1);
    /* One attribute lookup each, not one per edge (as write_edge_csv). */
    if ((st = cl_edge_ends(g, &ids, &w, err)))
        goto out;
    /* Every id is looked at before a byte is written; an isolated node is
     * not written, so its id does not matter. */
    for (igraph_integer_t e = 0; e < ne; e++)
        for (int k = 0; k < 2; k++) {
            igraph_integer_t v = k ? IGRAPH_TO(g, e) : IGRAPH_FROM(g, e);
            if (seen[v])
                continue;
            seen[v] = true;
            const char *id = igraph_strvector_get(&ids, v), *why = unwritable(id);
            if (why) {
                st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                     "node id '%s' %s, which a whitespace-separated edge list "
                                     "cannot hold: write the edge list as CSV instead (--to "
                                     "edgelist -o FILE.csv)",
                                     id, why);
                goto out;
            }
        }
    fputs("# source target weight\n", f);
    for (igraph_integer_t e = 0; e < ne; e++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        fputs(igraph_strvector_get(&ids, IGRAPH_FROM(g, e)), f);
        fputc(' ', f);
        fputs(igraph_strvector_get(&ids, IGRAPH_TO(g, e)), f);
        fputc(' ', f);
        fputs(weight_text(buf, VECTOR(w)[e]), f);
        fputc('\n', f);
    }
out:
    cl_strvector_release(&ids);
    if (w.stor_begin)
        igraph_vector_destroy(&w);
    return st;
}
