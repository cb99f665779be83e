/* table.c: typed tables and their writers (csv, tsv, json, md, tex, table). */
#include <config.h>

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "internal.h"

typedef struct {
    char *name;
    clout_coltype_t type;
    GPtrArray *str; /* CLOUT_COL_STR */
    GArray *num;    /* CLOUT_COL_NUM and CLOUT_COL_INT */
} column_t;

struct clout_table {
    char *name;
    GPtrArray *cols;
    int n_rows;
};

static void column_free(gpointer p)
{
    column_t *c = p;
    g_free(c->name);
    if (c->str)
        g_ptr_array_free(c->str, TRUE);
    if (c->num)
        g_array_free(c->num, TRUE);
    g_free(c);
}

clout_table_t *clout_table_new(const char *name)
{
    clout_table_t *t = g_new0(clout_table_t, 1);
    t->name = g_strdup(name);
    t->cols = g_ptr_array_new_with_free_func(column_free);
    return t;
}

void clout_table_free(clout_table_t *t)
{
    if (!t)
        return;
    g_ptr_array_free(t->cols, TRUE);
    g_free(t->name);
    g_free(t);
}

const char *clout_table_name(const clout_table_t *t)
{
    return t->name;
}

int clout_table_add_column(clout_table_t *t, const char *name, clout_coltype_t type)
{
    g_return_val_if_fail(t->n_rows == 0, -1);
    column_t *c = g_new0(column_t, 1);
    c->name = g_strdup(name);
    c->type = type;
    if (type == CLOUT_COL_STR)
        c->str = g_ptr_array_new_with_free_func(g_free);
    else
        c->num = g_array_new(FALSE, FALSE, sizeof(double));
    g_ptr_array_add(t->cols, c);
    return (int)t->cols->len - 1;
}

int clout_table_add_row(clout_table_t *t)
{
    for (guint i = 0; i < t->cols->len; i++) {
        column_t *c = g_ptr_array_index(t->cols, i);
        if (c->str) {
            g_ptr_array_add(c->str, NULL);
        } else {
            double nan = NAN;
            g_array_append_val(c->num, nan);
        }
    }
    return t->n_rows++;
}

static column_t *col_at(const clout_table_t *t, int col)
{
    return g_ptr_array_index(t->cols, col);
}

void clout_table_set_str(clout_table_t *t, int row, int col, const char *s)
{
    column_t *c = col_at(t, col);
    g_return_if_fail(c->str && row < t->n_rows);
    g_free(g_ptr_array_index(c->str, row));
    g_ptr_array_index(c->str, row) = g_strdup(s);
}

void clout_table_set_num(clout_table_t *t, int row, int col, double v)
{
    column_t *c = col_at(t, col);
    g_return_if_fail(c->num && row < t->n_rows);
    g_array_index(c->num, double, row) = v;
}

void clout_table_set_int(clout_table_t *t, int row, int col, long v)
{
    clout_table_set_num(t, row, col, (double)v);
}

int clout_table_n_rows(const clout_table_t *t)
{
    return t->n_rows;
}

int clout_table_n_cols(const clout_table_t *t)
{
    return (int)t->cols->len;
}

int clout_table_column(const clout_table_t *t, const char *name)
{
    for (guint k = 0; k < t->cols->len; k++)
        if (strcmp(col_at(t, (int)k)->name, name) == 0)
            return (int)k;
    return -1;
}

const char *clout_table_column_name(const clout_table_t *t, int col)
{
    return col_at(t, col)->name;
}

clout_coltype_t clout_table_column_type(const clout_table_t *t, int col)
{
    return col_at(t, col)->type;
}

const char *clout_table_get_str(const clout_table_t *t, int row, int col)
{
    column_t *c = col_at(t, col);
    return c->str ? g_ptr_array_index(c->str, row) : NULL;
}

double clout_table_get_num(const clout_table_t *t, int row, int col)
{
    column_t *c = col_at(t, col);
    return c->num ? g_array_index(c->num, double, row) : NAN;
}

int clout_format_from_name(const char *name)
{
    static const char *names[] = {"csv", "tsv", "json", "md", "tex", "table", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* ---- cell text ---- */

/* The text of a cell for machine formats: numbers with enough digits to
 * compare to 1e-10, integers without a decimal point, missing = "". */
const char *cl_number_text(char *buf, double v, bool is_int, bool human)
{
    if (isnan(v))
        return "";
    /* "inf" and "-inf" are what R, pandas and Excel read back as infinity. */
    if (isinf(v))
        return v > 0 ? "inf" : "-inf";
    bool whole = is_int || (v == floor(v) && fabs(v) < 1e15);
    if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
        /* what "%.0f" prints for a whole number below 1e15 */
        long long n = (long long)v;
        char tmp[24], *p = tmp + sizeof tmp;
        unsigned long long a = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
        *--p = 0;
        do
            *--p = (char)('0' + a % 10);
        while (a /= 10);
        if (n < 0)
            *--p = '-';
        memcpy(buf, p, (size_t)(tmp + sizeof tmp - p));
        return buf;
    }
    if (!whole && cl_format_g(buf, G_ASCII_DTOSTR_BUF_SIZE, v, human ? 6 : 12))
        return buf;
    const char *fmt = whole ? "%.0f" : human ? "%.6g" : "%.12g";
    /* snprintf is locale-bound; g_ascii_formatd is not, but costs three times
     * as much, which shows in a million-row table. */
    const char *dp = localeconv()->decimal_point;
    if (dp[0] == '.' && dp[1] == 0)
        snprintf(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, v);
    else
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, v);
    return buf;
}

/* The text of a cell: the stored string, or the number formatted into buf. */
static const char *cell_text_buf(const clout_table_t *t, int row, int col, bool human,
                                 char buf[G_ASCII_DTOSTR_BUF_SIZE])
{
    column_t *c = col_at(t, col);
    if (c->str) {
        const char *s = g_ptr_array_index(c->str, row);
        return s ? s : "";
    }
    return cl_number_text(buf, g_array_index(c->num, double, row), c->type == CLOUT_COL_INT, human);
}

/* A cell for a human format: digits >= 0 gives numbers that are not whole
 * that many decimals (--digits); else as clout_number_text. */
static char *cell_text_digits(const clout_table_t *t, int row, int col, bool human, int digits)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    column_t *c = col_at(t, col);
    double v = c->num ? g_array_index(c->num, double, row) : NAN;
    if (digits >= 0 && isfinite(v) && v != floor(v) && c->type != CLOUT_COL_INT) {
        char fmt[16];
        g_snprintf(fmt, sizeof fmt, "%%.%df", digits);
        return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, v));
    }
    return g_strdup(cell_text_buf(t, row, col, human, buf));
}

static char *cell_text(const clout_table_t *t, int row, int col, bool human)
{
    return cell_text_digits(t, row, col, human, -1);
}

static bool is_numeric(const clout_table_t *t, int col)
{
    return col_at(t, col)->type != CLOUT_COL_STR;
}

/* ---- writers ---- */

/* Quotes what a reader would otherwise misread: separators, quotes, line
 * breaks, edge spaces, a leading '#' (a comment to clout's own reader), and
 * an empty cell that stands alone on its line (a blank line, skipped). */
void cl_write_csv_cell(FILE *f, const char *s, bool alone)
{
    if (!strpbrk(s, ",\"\r\n") && s[0] != '#' && !(alone && !s[0]) &&
        !(s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' '))) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

/* TSV cannot hold tabs or newlines in a cell; they are escaped as \t, \n, \r
 * and a backslash as \\, the convention of PostgreSQL's text format. */
static void write_tsv_cell(FILE *f, const char *s, bool alone)
{
    (void)alone;
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case '\t': fputs("\\t", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\\': fputs("\\\\", f); break;
        default: fputc(*p, f);
        }
    }
}

/* OWASP's advice for CSV injection: a cell that a spreadsheet would take
 * for a formula is prefixed with an apostrophe (shown as text, not run). */
static char *defuse(const char *s)
{
    return s[0] && strchr("=+-@\t\r", s[0]) ? g_strconcat("'", s, NULL) : g_strdup(s);
}

static void write_delimited(FILE *f, const clout_table_t *t, bool tsv, bool safe)
{
    int nc = clout_table_n_cols(t);
    for (int c = 0; c < nc; c++) {
        if (c)
            fputc(tsv ? '\t' : ',', f);
        (tsv ? write_tsv_cell : cl_write_csv_cell)(f, col_at(t, c)->name, nc == 1);
    }
    fputc('\n', f);
    for (int r = 0; r < t->n_rows; r++) {
        for (int c = 0; c < nc; c++) {
            if (c)
                fputc(tsv ? '\t' : ',', f);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            const char *s = cell_text_buf(t, r, c, false, buf);
            char *d = safe && !is_numeric(t, c) ? defuse(s) : NULL;
            (tsv ? write_tsv_cell : cl_write_csv_cell)(f, d ? d : s, nc == 1);
            g_free(d);
        }
        fputc('\n', f);
    }
}

void cl_json_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (*p < 0x20)
                g_string_append_printf(out, "\\u%04x", *p);
            else
                g_string_append_c(out, (char)*p);
        }
    }
    g_string_append_c(out, '"');
}

/* A JSON string to f, through buf (the caller's, reused from cell to cell). */
static void write_json_string(FILE *f, GString *buf, const char *s)
{
    g_string_truncate(buf, 0);
    cl_json_string(buf, s);
    fwrite(buf->str, 1, buf->len, f);
}

static void write_json_table(FILE *f, const clout_table_t *t, const char *indent, GString *buf)
{
    int nc = clout_table_n_cols(t);
    fputs("[", f);
    for (int r = 0; r < t->n_rows; r++) {
        fprintf(f, "%s\n%s  {", r ? "," : "", indent);
        for (int c = 0; c < nc; c++) {
            if (c)
                fputs(", ", f);
            write_json_string(f, buf, col_at(t, c)->name);
            fputs(": ", f);
            if (is_numeric(t, c)) {
                /* JSON has no infinity or NaN: both are null. */
                double v = clout_table_get_num(t, r, c);
                char *s = isfinite(v) ? cell_text(t, r, c, false) : g_strdup("");
                fputs(*s ? s : "null", f);
                g_free(s);
            } else {
                const char *s = clout_table_get_str(t, r, c);
                if (s)
                    write_json_string(f, buf, s);
                else
                    fputs("null", f);
            }
        }
        fputs("}", f);
    }
    if (t->n_rows)
        fprintf(f, "\n%s", indent);
    fputs("]", f);
}

/* Replaces control characters, which no human format can show, by spaces. */
static char *flatten(char *s)
{
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    return s;
}

/* A Markdown cell: characters Markdown would read as markup are escaped. */
static void write_md_cell(FILE *f, const char *s)
{
    fputc(' ', f);
    for (const char *p = s; *p; p++) {
        if (strchr("|\\`*_[]<>", *p))
            fputc('\\', f);
        fputc((unsigned char)*p < 0x20 ? ' ' : *p, f);
    }
    fputs(" |", f);
}

static void write_md(FILE *f, const clout_table_t *t, int digits)
{
    int nc = clout_table_n_cols(t);
    fputc('|', f);
    for (int c = 0; c < nc; c++)
        write_md_cell(f, col_at(t, c)->name);
    fputs("\n|", f);
    for (int c = 0; c < nc; c++)
        fputs(is_numeric(t, c) ? " ---: |" : " --- |", f);
    fputc('\n', f);
    for (int r = 0; r < t->n_rows; r++) {
        fputc('|', f);
        for (int c = 0; c < nc; c++) {
            char *s = cell_text_digits(t, r, c, true, digits);
            write_md_cell(f, s);
            g_free(s);
        }
        fputc('\n', f);
    }
}

/* Terminal columns: East Asian wide characters take two, combining marks none. */
static long text_width(const char *s)
{
    if (!g_utf8_validate(s, -1, NULL))
        return (long)strlen(s);
    long w = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar u = g_utf8_get_char(p);
        w += g_unichar_iszerowidth(u) ? 0 : g_unichar_iswide(u) ? 2 : 1;
    }
    return w;
}

static void pad(FILE *f, long n)
{
    for (; n > 0; n--)
        fputc(' ', f);
}

/* One cell of column c in a row of the aligned text table: numbers to the
 * right of width w, text to the left (the last column unpadded). */
static void put_aligned(FILE *f, const clout_table_t *t, int c, long w, const char *s)
{
    if (c)
        fputs("  ", f);
    if (is_numeric(t, c))
        pad(f, w - text_width(s));
    fputs(s, f);
    if (!is_numeric(t, c) && c < clout_table_n_cols(t) - 1)
        pad(f, w - text_width(s));
}

static void write_aligned(FILE *f, const clout_table_t *t, int digits)
{
    int nc = clout_table_n_cols(t);
    long *w = g_new0(long, nc);
    char ***cells = g_new0(char **, t->n_rows);
    for (int c = 0; c < nc; c++)
        w[c] = text_width(col_at(t, c)->name);
    for (int r = 0; r < t->n_rows; r++) {
        cells[r] = g_new0(char *, nc);
        for (int c = 0; c < nc; c++) {
            cells[r][c] = flatten(cell_text_digits(t, r, c, true, digits));
            w[c] = MAX(w[c], text_width(cells[r][c]));
        }
    }
    for (int c = 0; c < nc; c++) /* names are clout's own: no control characters */
        put_aligned(f, t, c, w[c], col_at(t, c)->name);
    fputc('\n', f);
    for (int r = 0; r < t->n_rows; r++) {
        for (int c = 0; c < nc; c++) {
            put_aligned(f, t, c, w[c], cells[r][c]);
            g_free(cells[r][c]);
        }
        fputc('\n', f);
        g_free(cells[r]);
    }
    g_free(cells);
    g_free(w);
}

void clout_write_opts_init(clout_write_opts_t *o)
{
    *o = (clout_write_opts_t){.digits = -1};
}

/* One table in a format other than JSON. */
static void write_one(FILE *f, const clout_table_t *t, clout_format_t fmt,
                      const clout_write_opts_t *o)
{
    bool safe = (o->flags & CLOUT_WRITE_SPREADSHEET_SAFE) != 0;
    switch (fmt) {
    case CLOUT_FMT_CSV: write_delimited(f, t, false, safe); break;
    case CLOUT_FMT_TSV: write_delimited(f, t, true, safe); break;
    case CLOUT_FMT_MD: write_md(f, t, o->digits); break;
    case CLOUT_FMT_TEX: {
        g_autoptr(GString) s = g_string_new(NULL);
        cl_table_write_tex(s, t, o);
        fwrite(s->str, 1, s->len, f);
        break;
    }
    default: write_aligned(f, t, o->digits); break;
    }
}

static clout_status_t write_status(FILE *f, clout_error_t *err)
{
    if (fflush(f) != 0 || ferror(f))
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "cannot write the table: %s",
                               g_strerror(errno));
    return CLOUT_OK;
}

clout_status_t clout_table_write(const clout_table_t *t, FILE *f, clout_format_t fmt,
                                 const clout_write_opts_t *o, clout_error_t *err)
{
    clout_write_opts_t def;
    if (!o) {
        clout_write_opts_init(&def);
        o = &def;
    }
    if (fmt == CLOUT_FMT_JSON) {
        g_autoptr(GString) buf = g_string_new(NULL);
        write_json_table(f, t, "", buf);
        fputc('\n', f);
    } else {
        write_one(f, t, fmt, o);
    }
    return write_status(f, err);
}

clout_status_t clout_tables_write(clout_table_t *const *tables, int n, FILE *f, clout_format_t fmt,
                                  clout_error_t *err)
{
    return clout_tables_write_ex(tables, n, f, fmt, 0, err);
}

clout_status_t clout_tables_write_ex(clout_table_t *const *tables, int n, FILE *f,
                                     clout_format_t fmt, unsigned flags, clout_error_t *err)
{
    clout_write_opts_t o;
    clout_write_opts_init(&o);
    o.flags = flags;
    return clout_tables_write_opts(tables, n, f, fmt, &o, err);
}

clout_status_t clout_tables_write_opts(clout_table_t *const *tables, int n, FILE *f,
                                       clout_format_t fmt, const clout_write_opts_t *opts,
                                       clout_error_t *err)
{
    clout_write_opts_t o;
    if (opts)
        o = *opts;
    else
        clout_write_opts_init(&o);
    if (n == 1)
        return clout_table_write(tables[0], f, fmt, &o, err);
    if (fmt == CLOUT_FMT_JSON) {
        g_autoptr(GString) buf = g_string_new(NULL);
        fputs("{", f);
        for (int i = 0; i < n; i++) {
            fprintf(f, "%s\n  ", i ? "," : "");
            write_json_string(f, buf, tables[i]->name);
            fputs(": ", f);
            write_json_table(f, tables[i], "  ", buf);
        }
        fputs("\n}\n", f);
        return write_status(f, err);
    }
    for (int i = 0; i < n; i++) {
        const clout_table_t *t = tables[i];
        switch (fmt) {
        case CLOUT_FMT_CSV:
        case CLOUT_FMT_TSV: fprintf(f, "%s# %s\n", i ? "\n" : "", t->name); break;
        case CLOUT_FMT_MD: fprintf(f, "%s## %s\n\n", i ? "\n" : "", t->name); break;
        case CLOUT_FMT_TEX: fputs(i ? "\n" : "", f); break; /* the tex names itself */
        default: fprintf(f, "%s%s\n", i ? "\n" : "", t->name);
        }
        write_one(f, t, fmt, &o);
    }
    return write_status(f, err);
}

/* ---- long tables ---- */

clout_table_t *clout_table_stack(clout_table_t *const *tables, const int *years, int n,
                                 const char *col)
{
    clout_table_t *out = clout_table_new(n > 0 ? tables[0]->name : "table");
    clout_table_add_column(out, col, CLOUT_COL_INT);
    for (int i = 0; i < n; i++)
        for (int c = 0; c < clout_table_n_cols(tables[i]); c++) {
            const column_t *k = col_at(tables[i], c);
            if (clout_table_column(out, k->name) < 0)
                clout_table_add_column(out, k->name, k->type);
        }
    for (int i = 0; i < n; i++) {
        const clout_table_t *t = tables[i];
        int nc = clout_table_n_cols(t);
        int *to = g_new(int, nc);
        for (int c = 0; c < nc; c++)
            to[c] = clout_table_column(out, col_at(t, c)->name);
        for (int r = 0; r < t->n_rows; r++) {
            int row = clout_table_add_row(out);
            clout_table_set_int(out, row, 0, years[i]);
            for (int c = 0; c < nc; c++) {
                const column_t *k = col_at(t, c);
                /* a column of the same name but another type stays missing */
                if (k->type == CLOUT_COL_STR && col_at(out, to[c])->str)
                    clout_table_set_str(out, row, to[c], g_ptr_array_index(k->str, r));
                else if (k->type != CLOUT_COL_STR && col_at(out, to[c])->num)
                    clout_table_set_num(out, row, to[c], g_array_index(k->num, double, r));
            }
        }
        g_free(to);
    }
    return out;
}
