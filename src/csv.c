/* csv.c: a streaming RFC 4180 reader that knows the line and column of every field. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "internal.h"

#define BUFSZ 65536

struct clout_csv {
    FILE *f;
    long long left;           /* bytes the file may still give; -1: no limit */
    const unsigned char *mem; /* in-memory input, or NULL */
    size_t mem_len, mem_pos;
    unsigned char buf[BUFSZ];
    size_t len, pos;
    bool eof;
    char *display;
    long line, col;       /* position of the next byte to read: 1-based */
    int utf8_need;        /* continuation bytes still expected */
    int utf8_lo, utf8_hi; /* allowed range of the next continuation byte */
    long rec_line;
    bool started; /* BOM handled */
    char *text;   /* fields, each followed by a NUL */
    size_t tlen, tcap;
    int n_fields;
    struct {
        size_t off;
        long line, col;
    } field[CLOUT_MAX_FIELDS];
};

/* Bytes that need no attention inside an unquoted (PLAIN_U) or a quoted
 * (PLAIN_Q) field: ASCII other than NUL, the quote, the line ends and, outside
 * quotes, the comma.  Runs of them are copied at once; everything else goes
 * through take(), which counts lines and checks UTF-8 byte by byte. */
enum { PLAIN_U = 1, PLAIN_Q = 2 };
static unsigned char byte_class[256];

static void init_classes(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        for (int b = 1; b < 0x80; b++)
            if (b != '"' && b != '\n' && b != '\r')
                byte_class[b] = (unsigned char)(PLAIN_Q | (b == ',' ? 0 : PLAIN_U));
        g_once_init_leave(&done, 1);
    }
}

static void text_append(cl_csv_t *c, const void *p, size_t n)
{
    if (c->tlen + n + 1 > c->tcap) {
        while (c->tlen + n + 1 > c->tcap)
            c->tcap *= 2;
        c->text = g_realloc(c->text, c->tcap);
    }
    memcpy(c->text + c->tlen, p, n);
    c->tlen += n;
}

static inline void text_append_c(cl_csv_t *c, char ch)
{
    if (c->tlen + 2 > c->tcap) {
        c->tcap *= 2;
        c->text = g_realloc(c->text, c->tcap);
    }
    c->text[c->tlen++] = ch;
}

static cl_csv_t *csv_new(const char *display)
{
    init_classes();
    cl_csv_t *c = g_new0(cl_csv_t, 1);
    c->display = g_strdup(display);
    c->line = 1;
    c->col = 1;
    c->tcap = 256;
    c->text = g_malloc(c->tcap);
    c->left = -1;
    return c;
}

clout_status_t cl_csv_open(cl_csv_t **out, const char *path, const char *display,
                           clout_error_t *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return clout_error_set(err, CLOUT_EDATA, display, 0, 0, "cannot open: %s",
                               g_strerror(errno));
    cl_csv_t *c = csv_new(display);
    c->f = f;
    *out = c;
    return CLOUT_OK;
}

clout_status_t cl_csv_open_range(cl_csv_t **out, const char *path, const char *display,
                                 long long offset, long long length, long first_line,
                                 clout_error_t *err)
{
    clout_status_t st = cl_csv_open(out, path, display, err);
    if (st)
        return st;
    cl_csv_t *c = *out;
    if (fseeko(c->f, (off_t)offset, SEEK_SET) != 0) {
        cl_csv_close(c);
        *out = NULL;
        return clout_error_set(err, CLOUT_EFAIL, display, 0, 0, "cannot seek: %s",
                               g_strerror(errno));
    }
    c->left = length;
    c->line = first_line;
    c->started = offset > 0; /* a byte order mark can only open the file */
    return CLOUT_OK;
}

bool cl_csv_limit(cl_csv_t *c, long long end)
{
    if (!c->f)
        return false;
    off_t at = ftello(c->f); /* the end of what is buffered */
    if (at < 0 || (long long)at > end)
        return false;
    c->left = end - (long long)at;
    return true;
}

cl_csv_t *cl_csv_open_mem(const char *data, size_t len, const char *display)
{
    cl_csv_t *c = csv_new(display);
    c->mem = (const unsigned char *)data;
    c->mem_len = len;
    return c;
}

void cl_csv_close(cl_csv_t *c)
{
    if (!c)
        return;
    if (c->f)
        fclose(c->f);
    g_free(c->display);
    g_free(c->text);
    g_free(c);
}

static bool fill(cl_csv_t *c)
{
    if (c->eof)
        return false;
    if (c->mem) {
        size_t n = MIN(BUFSZ, c->mem_len - c->mem_pos);
        if (n > 0)
            memcpy(c->buf, c->mem + c->mem_pos, n);
        c->mem_pos += n;
        c->len = n;
    } else {
        size_t want = BUFSZ;
        if (c->left >= 0 && (long long)want > c->left)
            want = (size_t)c->left;
        c->len = want ? fread(c->buf, 1, want, c->f) : 0;
        if (c->left >= 0)
            c->left -= (long long)c->len;
    }
    c->pos = 0;
    if (c->len == 0)
        c->eof = true;
    return c->len > 0;
}

/* -1 at end of input. */
static inline int peek(cl_csv_t *c)
{
    if (c->pos >= c->len && !fill(c))
        return -1;
    return c->buf[c->pos];
}

/* Consumes one byte, checking UTF-8 as it goes so that a bad byte is reported
 * where it is, not where its field starts.  Returns -2 on a bad byte, and on
 * a sequence cut short by the end of input. */
static inline int take(cl_csv_t *c, clout_error_t *err)
{
    int ch = peek(c);
    if (ch < 0) {
        if (c->utf8_need > 0) {
            c->utf8_need = 0;
            clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                            "invalid UTF-8 (a sequence cut short by the end of the file)");
            return -2;
        }
        return -1;
    }
    c->pos++;
    long line = c->line, col = c->col;
    /* LF, CRLF and a lone CR all end a line; in CRLF the LF does the counting. */
    if (ch == '\n' || (ch == '\r' && peek(c) != '\n')) {
        c->line++;
        c->col = 1;
    } else {
        c->col++;
    }
    const char *bad = NULL;
    if (c->utf8_need > 0) {
        if (ch >= c->utf8_lo && ch <= c->utf8_hi) {
            c->utf8_need--;
            c->utf8_lo = 0x80;
            c->utf8_hi = 0xBF;
        } else {
            bad = "a multi-byte sequence broken off";
        }
    } else if (ch >= 0x80) {
        /* The first continuation byte is narrowed for E0, ED, F0 and F4, which
         * rules out overlong forms, surrogates and code points past U+10FFFF
         * (RFC 3629, section 4). */
        c->utf8_lo = 0x80;
        c->utf8_hi = 0xBF;
        if (ch >= 0xC2 && ch <= 0xDF) {
            c->utf8_need = 1;
        } else if (ch >= 0xE0 && ch <= 0xEF) {
            c->utf8_need = 2;
            if (ch == 0xE0)
                c->utf8_lo = 0xA0;
            else if (ch == 0xED)
                c->utf8_hi = 0x9F;
        } else if (ch >= 0xF0 && ch <= 0xF4) {
            c->utf8_need = 3;
            if (ch == 0xF0)
                c->utf8_lo = 0x90;
            else if (ch == 0xF4)
                c->utf8_hi = 0x8F;
        } else {
            bad = "not a valid first byte";
        }
    } else if (ch == 0) {
        clout_error_set(err, CLOUT_EDATA, c->display, line, col, "NUL byte in text");
        return -2;
    }
    if (bad) {
        c->utf8_need = 0;
        clout_error_set(err, CLOUT_EDATA, c->display, line, col, "invalid UTF-8 (byte 0x%02X: %s)",
                        (unsigned)ch, bad);
        return -2;
    }
    return ch;
}

/* Copies the run of plain bytes (of class cls) at the read position into the
 * field, without leaving the buffer: what follows the run is left to take().
 * Only called between characters (no UTF-8 sequence open), so the bytes of
 * the run are complete characters and each is one column. */
static inline int scan_run(cl_csv_t *c, int cls, size_t fstart, long fline, long fcol,
                           clout_error_t *err)
{
    const unsigned char *b = c->buf;
    size_t p = c->pos, end = c->len;
    while (p < end && (byte_class[b[p]] & cls))
        p++;
    size_t n = p - c->pos;
    if (n == 0)
        return 0;
    text_append(c, b + c->pos, n);
    c->pos = p;
    c->col += (long)n;
    if (c->tlen - fstart > CLOUT_MAX_FIELD_BYTES) {
        clout_error_set(err, CLOUT_EDATA, c->display, fline, fcol, "field longer than %d bytes",
                        CLOUT_MAX_FIELD_BYTES);
        return -1;
    }
    return 0;
}

/* Field f of a one-line record starts at byte off of the line. */
static inline void set_field(cl_csv_t *c, int f, size_t off)
{
    c->field[f].off = off;
    c->field[f].line = c->line;
    c->field[f].col = c->col + (long)off;
}

/* Most records are one line of plain ASCII without quotes.  When the whole
 * line is in the buffer and it is such a line, it is split at its commas in
 * one pass; anything else (quotes, UTF-8, a lone CR, a line that crosses the
 * buffer's end, too many fields) returns false with nothing consumed, for the
 * byte-by-byte reader, which knows every rule and every message. */
static bool fast_record(cl_csv_t *c)
{
    const unsigned char *b = c->buf + c->pos;
    size_t avail = c->len - c->pos;
    const unsigned char *nl = memchr(b, '\n', avail);
    if (!nl)
        return false;
    size_t n = (size_t)(nl - b); /* the line without its LF */
    size_t body = n > 0 && b[n - 1] == '\r' ? n - 1 : n;
    if (c->tcap < body + 1) {
        while (c->tcap < body + 1)
            c->tcap *= 2;
        c->text = g_realloc(c->text, c->tcap);
    }
    char *t = c->text;
    int nf = 0;
    size_t fstart = 0;
    for (size_t i = 0; i < body; i++) {
        unsigned char ch = b[i];
        if (ch == ',') {
            if (nf + 1 >= CLOUT_MAX_FIELDS)
                return false;
            set_field(c, nf++, fstart);
            t[i] = 0;
            fstart = i + 1;
        } else if (byte_class[ch] & PLAIN_U) {
            t[i] = (char)ch;
        } else {
            return false;
        }
    }
    set_field(c, nf++, fstart);
    t[body] = 0;
    c->tlen = body + 1;
    c->n_fields = nf;
    c->pos += n + 1;
    c->line++;
    c->col = 1;
    return true;
}

static int field_end(cl_csv_t *c, clout_error_t *err)
{
    if (c->utf8_need > 0) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                        "invalid UTF-8 (a multi-byte sequence broken off)");
        return -1;
    }
    text_append_c(c, '\0');
    return 0;
}

static int field_begin(cl_csv_t *c, clout_error_t *err)
{
    if (c->tlen > CLOUT_MAX_RECORD_BYTES) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->rec_line, 1, "record longer than %d bytes",
                        CLOUT_MAX_RECORD_BYTES);
        return -1;
    }
    if (c->n_fields >= CLOUT_MAX_FIELDS) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                        "more than %d fields in one record", CLOUT_MAX_FIELDS);
        return -1;
    }
    c->field[c->n_fields].off = c->tlen;
    c->field[c->n_fields].line = c->line;
    c->field[c->n_fields].col = c->col;
    c->n_fields++;
    return 0;
}

/* Skips the rest of a line (comments); the newline too. */
static int skip_line(cl_csv_t *c, clout_error_t *err)
{
    for (;;) {
        int ch = take(c, err);
        if (ch == -2)
            return -1;
        if (ch == -1 || ch == '\n')
            return 0;
        if (ch == '\r') {
            if (peek(c) == '\n')
                take(c, err);
            return 0;
        }
    }
}

int cl_csv_next(cl_csv_t *c, clout_error_t *err)
{
    c->tlen = 0;
    c->n_fields = 0;

    if (!c->started) {
        c->started = true;
        /* A UTF-8 byte order mark, as Excel writes it, is not part of the header. */
        if (peek(c) == 0xEF && c->pos + 2 < c->len && c->buf[c->pos + 1] == 0xBB &&
            c->buf[c->pos + 2] == 0xBF)
            c->pos += 3;
    }

    /* Skip blank and comment lines between records. */
    for (;;) {
        int ch = peek(c);
        if (ch < 0)
            return 0;
        if (ch == '#') {
            if (skip_line(c, err) < 0)
                return -1;
        } else if (ch == '\n' || ch == '\r') {
            if (skip_line(c, err) < 0)
                return -1;
        } else {
            break;
        }
    }

    c->rec_line = c->line;
    if (fast_record(c))
        return 1;
    for (;;) { /* one field per iteration */
        long fline = c->line, fcol = c->col;
        if (field_begin(c, err) < 0)
            return -1;
        size_t fstart = c->tlen;
        int ch = peek(c);
        if (ch == '"') {
            take(c, err);
            for (;;) {
                if (c->utf8_need == 0 && scan_run(c, PLAIN_Q, fstart, fline, fcol, err) < 0)
                    return -1;
                ch = take(c, err);
                if (ch == -2)
                    return -1;
                if (ch == -1) {
                    clout_error_set(err, CLOUT_EDATA, c->display, fline, fcol,
                                    "unterminated quoted field");
                    return -1;
                }
                if (ch == '"') {
                    if (peek(c) == '"') {
                        take(c, err);
                        text_append_c(c, '"');
                        continue;
                    }
                    break;
                }
                text_append_c(c, (char)ch);
                if (c->tlen - fstart > CLOUT_MAX_FIELD_BYTES) {
                    clout_error_set(err, CLOUT_EDATA, c->display, fline, fcol,
                                    "field longer than %d bytes", CLOUT_MAX_FIELD_BYTES);
                    return -1;
                }
            }
            ch = peek(c);
            if (ch != ',' && ch != '\n' && ch != '\r' && ch != -1) {
                clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                                "unexpected character after a closing quote");
                return -1;
            }
        } else {
            for (;;) {
                if (c->utf8_need == 0 && scan_run(c, PLAIN_U, fstart, fline, fcol, err) < 0)
                    return -1;
                ch = peek(c);
                if (ch == -1 || ch == ',' || ch == '\n' || ch == '\r')
                    break;
                if (ch == '"') {
                    clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                                    "quote inside an unquoted field (quote the whole field "
                                    "and double the quote)");
                    return -1;
                }
                ch = take(c, err);
                if (ch == -2)
                    return -1;
                text_append_c(c, (char)ch);
                if (c->tlen - fstart > CLOUT_MAX_FIELD_BYTES) {
                    clout_error_set(err, CLOUT_EDATA, c->display, fline, fcol,
                                    "field longer than %d bytes", CLOUT_MAX_FIELD_BYTES);
                    return -1;
                }
            }
        }
        if (field_end(c, err) < 0)
            return -1;
        ch = take(c, err);
        if (ch == ',')
            continue;
        if (ch == '\r' && peek(c) == '\n')
            take(c, err);
        return 1; /* newline or end of input */
    }
}

bool cl_csv_peek(const cl_csv_t *c, int k, const char **field, size_t *len)
{
    const unsigned char *b = c->buf + c->pos, *end = c->buf + c->len;
    for (int f = 0; f < k; f++) { /* skip k fields */
        while (b < end && *b != ',') {
            if (*b == '"' || *b == '\n' || *b == '\r')
                return false;
            b++;
        }
        if (b == end)
            return false;
        b++;
    }
    const unsigned char *start = b;
    while (b < end && *b != ',' && *b != '\n' && *b != '\r') {
        if (*b == '"')
            return false;
        b++;
    }
    if (b == end)
        return false;
    *field = (const char *)start;
    *len = (size_t)(b - start);
    return true;
}

int cl_csv_n_fields(const cl_csv_t *c)
{
    return c->n_fields;
}

const char *cl_csv_field(const cl_csv_t *c, int i)
{
    return c->text + c->field[i].off;
}

long cl_csv_field_line(const cl_csv_t *c, int i)
{
    return c->field[i].line;
}

long cl_csv_field_col(const cl_csv_t *c, int i)
{
    return c->field[i].col;
}

long cl_csv_line(const cl_csv_t *c)
{
    return c->rec_line;
}

const char *cl_csv_display(const cl_csv_t *c)
{
    return c->display;
}

void cl_csv_set_line(cl_csv_t *c, long line)
{
    c->line = line;
}
