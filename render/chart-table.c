/* chart-table.c: the charts' reader of analysis tables: rows by columns of values, by column name.
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include "chart.h"

void chart_uset_init(chart_uset_t *u)
{
    u->v = g_ptr_array_new();
    u->ix = g_hash_table_new(g_str_hash, g_str_equal);
}

void chart_uset_release(chart_uset_t *u)
{
    g_ptr_array_free(u->v, TRUE);
    g_hash_table_destroy(u->ix);
}

int chart_uset_find(const chart_uset_t *u, const char *s)
{
    return GPOINTER_TO_INT(g_hash_table_lookup(u->ix, s)) - 1;
}

int chart_uset_add(chart_uset_t *u, const char *s)
{
    int i = chart_uset_find(u, s);
    if (i >= 0)
        return i;
    g_ptr_array_add(u->v, (gpointer)s);
    g_hash_table_insert(u->ix, (gpointer)s, GINT_TO_POINTER((int)u->v->len));
    return (int)u->v->len - 1;
}

const char *chart_uset_at(const chart_uset_t *u, int i)
{
    return g_ptr_array_index(u->v, i);
}

int chart_uset_n(const chart_uset_t *u)
{
    return (int)u->v->len;
}

static char *cell_key(const char *r, const char *c)
{
    return g_strdup_printf("%s\037%s", r, c ? c : "");
}

clout_status_t chart_need_col(const clout_table_t *t, const char *what, const char *name, int *c,
                              clout_error_t *err)
{
    *c = clout_table_column(t, name);
    if (*c < 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: the %s table has no column '%s'", what, name);
    return CLOUT_OK;
}

/* The error of a table without rows to show; seen: the filter column's
 * values. */
static clout_status_t no_rows(const chart_matrix_spec_t *sp, const chart_uset_t *seen,
                              clout_error_t *err)
{
    if (!sp->filter || chart_uset_n(seen) == 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: the %s table is empty",
                               sp->what);
    int n = chart_uset_n(seen);
    const char **valid = g_new0(const char *, n + 1);
    for (int i = 0; i < n; i++)
        valid[i] = chart_uset_at(seen, i);
    char *m = cl_unknown(sp->filter, sp->filter_val, (char *const *)valid);
    clout_status_t st =
        clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "chart: %s in the %s table", m, sp->what);
    g_free(m);
    g_free(valid);
    return st;
}

clout_status_t chart_matrix_read(chart_matrix_t *m, const clout_table_t *t,
                                 const chart_matrix_spec_t *sp, clout_error_t *err)
{
    memset(m, 0, sizeof *m);
    chart_uset_init(&m->rows);
    chart_uset_init(&m->cols);
    m->cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m->t = t;
    int c_row, c_col = -1, c_f = -1;
    clout_status_t st = chart_need_col(t, sp->what, sp->rowkey, &c_row, err);
    if (!st && sp->colkey)
        st = chart_need_col(t, sp->what, sp->colkey, &c_col, err);
    if (!st)
        st = chart_need_col(t, sp->what, sp->value, &m->c_val, err);
    if (!st && sp->filter)
        st = chart_need_col(t, sp->what, sp->filter, &c_f, err);
    if (st)
        return st;
    m->c_lo = sp->lo ? clout_table_column(t, sp->lo) : -1;
    m->c_hi = sp->hi ? clout_table_column(t, sp->hi) : -1;
    if (clout_table_column_type(t, m->c_val) == CLOUT_COL_STR)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "chart: column '%s' of the %s table is not numeric", sp->value,
                               sp->what);
    chart_uset_t seen;
    chart_uset_init(&seen);
    for (int r = 0; r < clout_table_n_rows(t); r++) {
        const char *rk = clout_table_get_str(t, r, c_row);
        const char *ck = c_col >= 0 ? clout_table_get_str(t, r, c_col) : NULL;
        if (!rk || (c_col >= 0 && !ck))
            continue;
        if (c_f >= 0) {
            const char *fv = clout_table_get_str(t, r, c_f);
            if (!fv)
                continue;
            chart_uset_add(&seen, fv);
            if (strcmp(fv, sp->filter_val) != 0)
                continue;
        }
        chart_uset_add(&m->rows, rk);
        if (ck)
            chart_uset_add(&m->cols, ck);
        g_hash_table_insert(m->cells, cell_key(rk, ck), GINT_TO_POINTER(r + 1));
    }
    if (chart_uset_n(&m->rows) == 0)
        st = no_rows(sp, &seen, err);
    chart_uset_release(&seen);
    return st;
}

void chart_matrix_release(chart_matrix_t *m)
{
    chart_uset_release(&m->rows);
    chart_uset_release(&m->cols);
    if (m->cells)
        g_hash_table_destroy(m->cells);
}

double chart_cell(const chart_matrix_t *m, const char *r, const char *c, int which)
{
    char *k = cell_key(r, c);
    int row = GPOINTER_TO_INT(g_hash_table_lookup(m->cells, k)) - 1;
    g_free(k);
    int col = which == 0 ? m->c_val : which < 0 ? m->c_lo : m->c_hi;
    if (row < 0 || col < 0)
        return NAN;
    return clout_table_get_num(m->t, row, col);
}

void chart_pole_order(chart_uset_t *out, const chart_matrix_t *m, const clout_chart_opts_t *o)
{
    chart_uset_init(out);
    if (o && o->poles)
        for (int i = 0; o->poles[i]; i++)
            if (chart_uset_find(&m->cols, o->poles[i]) >= 0 && strcmp(o->poles[i], "other") != 0)
                chart_uset_add(out, o->poles[i]);
    for (int i = 0; i < chart_uset_n(&m->cols); i++)
        if (strcmp(chart_uset_at(&m->cols, i), "other") != 0)
            chart_uset_add(out, chart_uset_at(&m->cols, i));
}

const char *chart_disp(const clout_chart_opts_t *o, const char *id, bool ids)
{
    return ids ? id : chart_name_of(o, id);
}

double chart_max_name_w(const chart_uset_t *set, const clout_chart_opts_t *o, bool ids)
{
    double w = 0;
    for (int i = 0; i < chart_uset_n(set); i++)
        w = fmax(w, text_w(chart_font_of(o), chart_disp(o, chart_uset_at(set, i), ids), SZ_LABEL,
                           false));
    return w;
}
