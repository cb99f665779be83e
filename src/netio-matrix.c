/* netio-matrix.c: adjacency-matrix CSV in and out (Gephi's ';' matrices and plain ',' ones), Pajek
 * in.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- adjacency matrices ---- */

/* One line of a matrix split at sep: cells unquoted ("" doubles a quote)
 * and trimmed of spaces, each with the column (1-based byte) it starts at. */
static void split_cells(const char *line, char sep, GPtrArray *cells, GArray *cols)
{
    g_ptr_array_set_size(cells, 0);
    g_array_set_size(cols, 0);
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        int col = (int)(p - line) + 1;
        GString *cell = g_string_new(NULL);
        if (*p == '"') {
            for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
                if (*p == '"')
                    p++;
                g_string_append_c(cell, *p);
            }
            if (*p == '"')
                p++;
            while (*p && *p != sep)
                p++;
        } else {
            while (*p && *p != sep)
                g_string_append_c(cell, *p++);
            g_strchomp(cell->str);
            g_string_set_size(cell, strlen(cell->str));
        }
        g_ptr_array_add(cells, g_string_free(cell, FALSE));
        g_array_append_val(cols, col);
        if (*p != sep)
            break;
        p++;
    }
}

/* The first line that is not blank or a '#' comment, or NULL. */
static const char *first_line(char **lines, int *index)
{
    for (int i = *index; lines[i]; i++) {
        const char *l = lines[i];
        while (*l == ' ' || *l == '\t')
            l++;
        if (*l && *l != '#') {
            *index = i;
            return lines[i];
        }
    }
    return NULL;
}

/* ';' when the header has more of them than ',' (Gephi), else ','. */
static char guess_sep(const char *header)
{
    int semi = 0, comma = 0;
    for (const char *p = header; *p; p++) {
        semi += *p == ';';
        comma += *p == ',';
    }
    return semi > comma ? ';' : ',';
}

bool cl_csv_is_matrix(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char buf[4096];
    bool matrix = false;
    while (fgets(buf, sizeof buf, f)) {
        g_strstrip(buf);
        if (!*buf || *buf == '#')
            continue;
        char sep = guess_sep(buf);
        matrix = buf[0] == sep || (buf[0] == '"' && buf[1] == '"' && buf[2] == sep);
        break;
    }
    fclose(f);
    return matrix;
}

typedef struct {
    const char *path;
    clout_error_t *err;
    char sep;
    char **lines;          /* the file's lines */
    GPtrArray *labels;     /* column labels, owned */
    GArray *row_line;      /* int: the index in lines of each row */
    igraph_vector_t cells; /* n x n, row-major */
} matrix_t;

/* A label is text: UTF-8 (the writers and Pango need it). */
static clout_status_t check_label(matrix_t *m, const char *label, long lno, int col)
{
    if (g_utf8_validate(label, -1, NULL))
        return CLOUT_OK;
    return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, col, "label is not valid UTF-8");
}

static clout_status_t matrix_row(matrix_t *m, const char *line, long lno, char sep, int row,
                                 GPtrArray *cells, GArray *cols)
{
    guint n = m->labels->len;
    split_cells(line, sep, cells, cols);
    if (cells->len != n + 1)
        return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, 1,
                               "row has %u cells; the header gives %u columns and a label",
                               cells->len, n);
    const char *label = g_ptr_array_index(cells, 0);
    clout_status_t st = check_label(m, label, lno, g_array_index(cols, int, 0));
    if (st)
        return st;
    if (strcmp(label, g_ptr_array_index(m->labels, row)) != 0)
        return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, g_array_index(cols, int, 0),
                               "row %d is '%s' but column %d is '%s': the rows and the columns "
                               "must list the same labels in the same order",
                               row + 1, label, row + 1,
                               (const char *)g_ptr_array_index(m->labels, row));
    for (guint j = 0; j < n; j++) {
        const char *c = g_ptr_array_index(cells, j + 1);
        double x;
        if (!clout_parse_number(c, &x))
            return clout_error_set(m->err, CLOUT_EDATA, m->path, lno,
                                   g_array_index(cols, int, j + 1),
                                   "column '%s': '%s' is not a finite number",
                                   (const char *)g_ptr_array_index(m->labels, j),
                                   g_utf8_validate(c, -1, NULL) ? c : "(not UTF-8)");
        VECTOR(m->cells)[(igraph_integer_t)row * n + j] = x;
    }
    int index = (int)lno - 1;
    g_array_append_val(m->row_line, index);
    return CLOUT_OK;
}

/* The header: an empty first cell, then the labels, each once. */
static clout_status_t matrix_header(matrix_t *m, const char *line, long lno, char sep,
                                    GPtrArray *cells, GArray *cols)
{
    split_cells(line, sep, cells, cols);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint j = 1; j < cells->len; j++) {
        const char *l = g_ptr_array_index(cells, j);
        int col = g_array_index(cols, int, j);
        if (!*l)
            return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, col, "empty label");
        clout_status_t st = check_label(m, l, lno, col);
        if (st)
            return st;
        if (!g_hash_table_add(seen, (gpointer)l))
            return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, col,
                                   "label '%s' is used twice", l);
        g_ptr_array_add(m->labels, g_strdup(l));
    }
    if (m->labels->len > 50000)
        return clout_error_set(m->err, CLOUT_EDATA, m->path, lno, 1,
                               "more than 50000 columns: give a large network as an edge list");
    return CLOUT_OK;
}

/* Where cell (row, column j) of the matrix is, for a message: its line and
 * column in the file, found again in the row's line. */
static void cell_at(const matrix_t *m, guint row, guint j, long *lno, long *col)
{
    int index = g_array_index(m->row_line, int, row);
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GArray) cols = g_array_new(FALSE, FALSE, sizeof(int));
    split_cells(m->lines[index], m->sep, cells, cols);
    *lno = index + 1;
    *col = j + 1 < cols->len ? g_array_index(cols, int, j + 1) : 1;
}

/* The edges of the matrix: a cell that is not 0 is an edge with that
 * weight; undirected, the matrix must be symmetric and each pair is read
 * once (the diagonal: a loop). */
static clout_status_t matrix_graph(matrix_t *m, igraph_t *g, bool directed)
{
    clout_status_t st = CLOUT_OK;
    clout_error_t *err = m->err;
    igraph_integer_t n = (igraph_integer_t)m->labels->len;
    igraph_vector_int_t ev = {0};
    igraph_vector_t wv = {0};
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&ev, 0), m->path);
    CLOUT_IGRAPH_TRY(igraph_vector_init(&wv, 0), m->path);
    for (igraph_integer_t i = 0; i < n; i++)
        for (igraph_integer_t j = directed ? 0 : i; j < n; j++) {
            double x = VECTOR(m->cells)[i * n + j];
            if (!directed && x != VECTOR(m->cells)[j * n + i]) {
                /* The position of the cell below the diagonal, read last;
                 * the message names its mirror's too. */
                long l1, c1, l2, c2;
                cell_at(m, (guint)i, (guint)j, &l1, &c1);
                cell_at(m, (guint)j, (guint)i, &l2, &c2);
                st = clout_error_set(err, CLOUT_EDATA, m->path, l2, c2,
                                     "the matrix is not symmetric: row '%s', column '%s' is %g "
                                     "but row '%s', column '%s' (line %ld, column %ld) is %g; "
                                     "read it with --directed",
                                     (const char *)g_ptr_array_index(m->labels, j),
                                     (const char *)g_ptr_array_index(m->labels, i),
                                     VECTOR(m->cells)[j * n + i],
                                     (const char *)g_ptr_array_index(m->labels, i),
                                     (const char *)g_ptr_array_index(m->labels, j), l1, c1, x);
                goto out;
            }
            if (x == 0)
                continue;
            CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&ev, i), m->path);
            CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&ev, j), m->path);
            CLOUT_IGRAPH_TRY(igraph_vector_push_back(&wv, x), m->path);
        }
    CLOUT_IGRAPH_TRY(igraph_create(g, &ev, n, directed), m->path);
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(g, "weight", &wv), m->path);
    {
        igraph_strvector_t sv = {0};
        CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv, n), m->path);
        for (igraph_integer_t v = 0; v < n && !st; v++)
            if (igraph_strvector_set(&sv, v, g_ptr_array_index(m->labels, v)))
                st = clout_error_set(err, CLOUT_EFAIL, m->path, 0, 0, "out of memory");
        if (!st && igraph_cattribute_VAS_setv(g, "id", &sv))
            st = clout_error_set(err, CLOUT_EFAIL, m->path, 0, 0, "out of memory");
        cl_strvector_release(&sv);
    }
out:
    igraph_vector_int_destroy(&ev);
    igraph_vector_destroy(&wv);
    return st;
}

clout_status_t cl_read_matrix(clout_network_t *net, const char *path, bool directed,
                              clout_error_t *err)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) ge = NULL;
    if (!g_file_get_contents(path, &text, &len, &ge))
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", ge->message);
    /* A NUL would end the text there, and the rest would go unread. */
    const char *nul = memchr(text, 0, len);
    if (nul) {
        long lno = 1;
        const char *bol = text;
        for (const char *p = text; p < nul; p++)
            if (*p == '\n') {
                lno++;
                bol = p + 1;
            }
        return clout_error_set(err, CLOUT_EDATA, path, lno, (long)(nul - bol) + 1,
                               "NUL byte in text");
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (int i = 0; lines[i]; i++)
        g_strdelimit(lines[i], "\r", ' ');
    matrix_t m = {.path = path,
                  .err = err,
                  .lines = lines,
                  .labels = g_ptr_array_new_with_free_func(g_free),
                  .row_line = g_array_new(FALSE, FALSE, sizeof(int))};
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GArray) cols = g_array_new(FALSE, FALSE, sizeof(int));
    int i = 0;
    const char *header = first_line(lines, &i);
    char sep = header ? guess_sep(header) : ',';
    m.sep = sep;
    clout_status_t st = header ? matrix_header(&m, header, i + 1, sep, cells, cols)
                               : clout_error_set(err, CLOUT_EDATA, path, 1, 1, "empty file");
    igraph_integer_t n = (igraph_integer_t)m.labels->len;
    if (!st && igraph_vector_init(&m.cells, n * n))
        st = clout_error_set(err, CLOUT_EFAIL, path, 0, 0, "out of memory");
    int row = 0;
    for (i++; !st && first_line(lines, &i); i++) {
        if (row >= n)
            st = clout_error_set(err, CLOUT_EDATA, path, i + 1, 1,
                                 "more rows than the %" IGRAPH_PRId " columns", n);
        else
            st = matrix_row(&m, lines[i], i + 1, sep, row++, cells, cols);
    }
    /* Where the missing rows should be: the file's last line. */
    if (!st && row < n)
        st = clout_error_set(err, CLOUT_EDATA, path, (long)g_strv_length(lines), 1,
                             "%d rows for %" IGRAPH_PRId " columns: a matrix is square", row, n);
    if (!st)
        st = matrix_graph(&m, &net->graph, directed);
    if (m.cells.stor_begin)
        igraph_vector_destroy(&m.cells);
    g_ptr_array_free(m.labels, TRUE);
    g_array_free(m.row_line, TRUE);
    return st;
}

/* The adjacency matrix as CSV: a header of ids after an empty cell, then a
 * row per node, its id and the summed weights of its edges to each node
 * (undirected: both ways, so the matrix is symmetric). */
clout_status_t cl_write_matrix(const igraph_t *g, FILE *f, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t n = igraph_vcount(g);
    igraph_vector_t m = {0};
    if (n > 50000)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "%" IGRAPH_PRId " nodes: too many for a matrix (at most 50000); "
                               "write an edge list",
                               n);
    CLOUT_IGRAPH_TRY(igraph_vector_init(&m, n * n), "writing the matrix");
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
        double w = cl_enum(g, "weight", e, 1);
        VECTOR(m)[a * n + b] += w;
        if (!igraph_is_directed(g) && a != b)
            VECTOR(m)[b * n + a] += w;
    }
    for (igraph_integer_t v = 0; v < n; v++) {
        fputc(',', f);
        cl_write_csv_cell(f, cl_vstr(g, "id", v), false);
    }
    fputc('\n', f);
    for (igraph_integer_t a = 0; a < n; a++) {
        cl_write_csv_cell(f, cl_vstr(g, "id", a), false);
        for (igraph_integer_t b = 0; b < n; b++) {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];
            fputc(',', f);
            fputs(cl_number_text(buf, VECTOR(m)[a * n + b], false, false), f);
        }
        fputc('\n', f);
    }
out:
    igraph_vector_destroy(&m);
    return st;
}

/* ---- Pajek ---- */

/* Pajek through igraph's reader: vertex labels become ids (a vertex with
 * none is its number), *Arcs, *Edges, *Arcslist and *Edgeslist are read,
 * and what follows a label on a *Vertices line (coordinates, shape, colours:
 * drawing attributes) is not used. */
clout_status_t cl_read_pajek(clout_network_t *net, const char *path, clout_error_t *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", g_strerror(errno));
    igraph_error_t e = igraph_read_graph_pajek(&net->graph, f);
    fclose(f);
    clout_status_t st = CLOUT_OK;
    igraph_strvector_t ids = {0};
    if (e) {
        st = cl_igraph_error(err, e, path);
        if (st == CLOUT_EFAIL && e != IGRAPH_ENOMEM)
            st = clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot read this Pajek file");
        return st;
    }
    igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g);
    bool has = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id");
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&ids, n), path);
    for (igraph_integer_t v = 0; v < n; v++) {
        char buf[32];
        const char *id = has ? VAS(g, "id", v) : "";
        if (!*id) {
            g_snprintf(buf, sizeof buf, "%" IGRAPH_PRId, v + 1);
            id = buf;
        }
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&ids, v, id), path);
    }
    if (has)
        igraph_cattribute_remove_v(g, "id");
    CLOUT_IGRAPH_TRY(igraph_cattribute_VAS_setv(g, "id", &ids), path);
    /* An edge without a weight weighs 1 in Pajek; igraph leaves NaN when
     * other edges have one. */
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
            if (isnan(EAN(g, "weight", e)))
                CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_set(g, "weight", e, 1), path);
out:
    cl_strvector_release(&ids);
    return st;
}
