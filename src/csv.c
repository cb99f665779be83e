/* csv.c: a streaming RFC 4180 reader that knows the line and column of every field. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "internal.h"

#define BUFSZ 65536

struct clout_csv {
    FILE *f;
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
    bool started;                /* BOM handled */
    GString *text;               /* fields, each followed by a NUL */
    GArray *offs, *lines, *cols; /* per field */
};

static clout_csv_t *csv_new(const char *display)
{
    clout_csv_t *c = g_new0(clout_csv_t, 1);
    c->display = g_strdup(display);
    c->line = 1;
    c->col = 1;
    c->text = g_string_sized_new(256);
    c->offs = g_array_new(FALSE, FALSE, sizeof(gsize));
    c->lines = g_array_new(FALSE, FALSE, sizeof(long));
    c->cols = g_array_new(FALSE, FALSE, sizeof(long));
    return c;
}

clout_status_t clout_csv_open(clout_csv_t **out, const char *path, const char *display,
                              clout_error_t *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return clout_error_set(err, CLOUT_EDATA, display, 0, 0, "cannot open: %s",
                               g_strerror(errno));
    clout_csv_t *c = csv_new(display);
    c->f = f;
    *out = c;
    return CLOUT_OK;
}

clout_csv_t *clout_csv_open_mem(const char *data, size_t len, const char *display)
{
    clout_csv_t *c = csv_new(display);
    c->mem = (const unsigned char *)data;
    c->mem_len = len;
    return c;
}

void clout_csv_close(clout_csv_t *c)
{
    if (!c)
        return;
    if (c->f)
        fclose(c->f);
    g_free(c->display);
    g_string_free(c->text, TRUE);
    g_array_free(c->offs, TRUE);
    g_array_free(c->lines, TRUE);
    g_array_free(c->cols, TRUE);
    g_free(c);
}

static bool fill(clout_csv_t *c)
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
        c->len = fread(c->buf, 1, BUFSZ, c->f);
    }
    c->pos = 0;
    if (c->len == 0)
        c->eof = true;
    return c->len > 0;
}

/* -1 at end of input. */
static inline int peek(clout_csv_t *c)
{
    if (c->pos >= c->len && !fill(c))
        return -1;
    return c->buf[c->pos];
}

/* Consumes one byte, checking UTF-8 as it goes so that a bad byte is reported
 * where it is, not where its field starts.  Returns -2 on a bad byte, and on
 * a sequence cut short by the end of input. */
static inline int take(clout_csv_t *c, clout_error_t *err)
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

static int field_end(clout_csv_t *c, clout_error_t *err)
{
    if (c->utf8_need > 0) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                        "invalid UTF-8 (a multi-byte sequence broken off)");
        return -1;
    }
    g_string_append_c(c->text, '\0');
    return 0;
}

static int field_begin(clout_csv_t *c, clout_error_t *err)
{
    if (c->text->len > CLOUT_MAX_RECORD_BYTES) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->rec_line, 1,
                        "record longer than %d bytes", CLOUT_MAX_RECORD_BYTES);
        return -1;
    }
    if (c->offs->len >= CLOUT_MAX_FIELDS) {
        clout_error_set(err, CLOUT_EDATA, c->display, c->line, c->col,
                        "more than %d fields in one record", CLOUT_MAX_FIELDS);
        return -1;
    }
    gsize off = c->text->len;
    g_array_append_val(c->offs, off);
    g_array_append_val(c->lines, c->line);
    g_array_append_val(c->cols, c->col);
    return 0;
}

/* Skips the rest of a line (comments); the newline too. */
static int skip_line(clout_csv_t *c, clout_error_t *err)
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

int clout_csv_next(clout_csv_t *c, clout_error_t *err)
{
    g_string_truncate(c->text, 0);
    g_array_set_size(c->offs, 0);
    g_array_set_size(c->lines, 0);
    g_array_set_size(c->cols, 0);

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
    for (;;) { /* one field per iteration */
        long fline = c->line, fcol = c->col;
        if (field_begin(c, err) < 0)
            return -1;
        gsize fstart = c->text->len;
        int ch = peek(c);
        if (ch == '"') {
            take(c, err);
            for (;;) {
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
                        g_string_append_c(c->text, '"');
                        continue;
                    }
                    break;
                }
                g_string_append_c(c->text, (char)ch);
                if (c->text->len - fstart > CLOUT_MAX_FIELD_BYTES) {
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
                g_string_append_c(c->text, (char)ch);
                if (c->text->len - fstart > CLOUT_MAX_FIELD_BYTES) {
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

int clout_csv_n_fields(const clout_csv_t *c)
{
    return (int)c->offs->len;
}

const char *clout_csv_field(const clout_csv_t *c, int i)
{
    return c->text->str + g_array_index(c->offs, gsize, i);
}

long clout_csv_field_line(const clout_csv_t *c, int i)
{
    return g_array_index(c->lines, long, i);
}

long clout_csv_field_col(const clout_csv_t *c, int i)
{
    return g_array_index(c->cols, long, i);
}

long clout_csv_line(const clout_csv_t *c)
{
    return c->rec_line;
}

const char *clout_csv_display(const clout_csv_t *c)
{
    return c->display;
}

void clout_csv_set_line(clout_csv_t *c, long line)
{
    c->line = line;
}
