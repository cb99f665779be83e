/* report-html.c: the report page's HTML: escaping, tables, a Markdown subset, top actors. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "report.h"

void cl_html_escape(GString *h, const char *s)
{
    char *e = g_markup_escape_text(s ? s : "", -1);
    g_string_append(h, e);
    g_free(e);
}

void cl_html_cell(GString *h, const clout_table_t *t, int row, int col)
{
    if (clout_table_column_type(t, col) == CLOUT_COL_STR) {
        cl_html_escape(h, clout_table_get_str(t, row, col));
        return;
    }
    double v = clout_table_get_num(t, row, col);
    if (isnan(v))
        return;
    if (v == floor(v) && fabs(v) < 1e9)
        g_string_append_printf(h, "%.0f", v);
    else
        g_string_append_printf(h, "%.3f", v);
}

void cl_html_table(GString *h, const clout_table_t *t, int max_rows)
{
    int nc = clout_table_n_cols(t), nr = clout_table_n_rows(t);
    g_string_append(h, "<table>\n<thead><tr>");
    for (int c = 0; c < nc; c++) {
        g_string_append(h, "<th>");
        cl_html_escape(h, clout_table_column_name(t, c));
        g_string_append(h, "</th>");
    }
    g_string_append(h, "</tr></thead>\n<tbody>\n");
    int shown = max_rows > 0 && nr > max_rows ? max_rows : nr;
    for (int r = 0; r < shown; r++) {
        g_string_append(h, "<tr>");
        for (int c = 0; c < nc; c++) {
            g_string_append(h, clout_table_column_type(t, c) == CLOUT_COL_STR ? "<td>"
                                                                              : "<td class=\"n\">");
            cl_html_cell(h, t, r, c);
            g_string_append(h, "</td>");
        }
        g_string_append(h, "</tr>\n");
    }
    g_string_append(h, "</tbody>\n</table>\n");
    if (shown < nr)
        g_string_append_printf(h, "<p class=\"note\">%d of %d rows; all in the CSV file.</p>\n",
                               shown, nr);
}

/* ---- top actors ---- */

typedef struct {
    const clout_table_t *t;
    int col;
} by_col_t;

/* Descending, NaN last; g_array_sort_with_data is stable, so ties keep the
 * table's order. */
static gint cmp_desc(gconstpointer a, gconstpointer b, gpointer data)
{
    const by_col_t *c = data;
    double x = clout_table_get_num(c->t, *(const int *)a, c->col),
           y = clout_table_get_num(c->t, *(const int *)b, c->col);
    if (isnan(x) || isnan(y))
        return isnan(x) - isnan(y);
    return (x < y) - (x > y);
}

void cl_html_top_actors(GString *h, const clout_table_t *m, int n)
{
    int name = clout_table_column(m, "name");
    g_string_append(h, "<table>\n<thead><tr><th>measure</th>");
    for (int k = 1; k <= n; k++)
        g_string_append_printf(h, "<th>%d</th>", k);
    g_string_append(h, "</tr></thead>\n<tbody>\n");
    int nr = clout_table_n_rows(m);
    GArray *ord = g_array_sized_new(FALSE, FALSE, sizeof(int), (guint)nr);
    for (int i = 0; clout_measure_names[i]; i++) {
        by_col_t c = {m, clout_table_column(m, clout_measure_names[i])};
        if (c.col < 0 || clout_table_column_type(m, c.col) == CLOUT_COL_STR)
            continue;
        g_array_set_size(ord, 0);
        for (int r = 0; r < nr; r++)
            g_array_append_val(ord, r);
        g_array_sort_with_data(ord, cmp_desc, &c);
        g_string_append(h, "<tr><td>");
        cl_html_escape(h, clout_measure_names[i]);
        g_string_append(h, "</td>");
        for (int k = 0; k < n; k++) {
            g_string_append(h, "<td>");
            int r = k < nr ? g_array_index(ord, int, k) : -1;
            if (r >= 0 && !isnan(clout_table_get_num(m, r, c.col))) {
                cl_html_escape(h, name >= 0 ? clout_table_get_str(m, r, name) : "");
                g_string_append(h, " <span class=\"v\">");
                cl_html_cell(h, m, r, c.col);
                g_string_append(h, "</span>");
            }
            g_string_append(h, "</td>");
        }
        g_string_append(h, "</tr>\n");
    }
    g_string_append(h, "</tbody>\n</table>\n");
    g_array_free(ord, TRUE);
}

void cl_html_communities(GString *h, const clout_dataset_t *ds, clout_table_t *const *members,
                         const int *years, int n)
{
    g_string_append(h, "<table>\n<thead><tr><th>actor</th>");
    for (int i = 0; i < n; i++)
        g_string_append_printf(h, "<th>%d community</th><th>%d stability</th>", years[i], years[i]);
    g_string_append(h, "</tr></thead>\n<tbody>\n");
    /* Each snapshot's row of each actor, by the column "id". */
    GHashTable **row_of = g_new0(GHashTable *, n);
    for (int i = 0; i < n; i++) {
        row_of[i] = g_hash_table_new(g_str_hash, g_str_equal);
        int id = clout_table_column(members[i], "id");
        for (int k = 0; id >= 0 && k < clout_table_n_rows(members[i]); k++)
            g_hash_table_insert(row_of[i], (gpointer)clout_table_get_str(members[i], k, id),
                                GINT_TO_POINTER(k + 1));
    }
    for (int a = 0; a < clout_dataset_n_actors(ds); a++) {
        const clout_actor_t *act = clout_dataset_actor(ds, a);
        GString *row = g_string_new(NULL);
        bool any = false;
        for (int i = 0; i < n; i++) {
            int rr = GPOINTER_TO_INT(g_hash_table_lookup(row_of[i], act->id)) - 1;
            int cc = clout_table_column(members[i], "community"),
                cs = clout_table_column(members[i], "stability");
            g_string_append(row, "<td class=\"n\">");
            if (rr >= 0 && cc >= 0) {
                cl_html_cell(row, members[i], rr, cc);
                any = true;
            }
            g_string_append(row, "</td><td class=\"n\">");
            if (rr >= 0 && cs >= 0)
                cl_html_cell(row, members[i], rr, cs);
            g_string_append(row, "</td>");
        }
        if (any) {
            g_string_append(h, "<tr><td>");
            cl_html_escape(h, act->name);
            g_string_append_printf(h, "</td>%s</tr>\n", row->str);
        }
        g_string_free(row, TRUE);
    }
    for (int i = 0; i < n; i++)
        g_hash_table_destroy(row_of[i]);
    g_free(row_of);
    g_string_append(h, "</tbody>\n</table>\n");
}

/* ---- Markdown ---- */

/* Markdown: a small subset (headings, paragraphs, lists, code blocks,
 * tables, `code`, **bold**, *italic*, HTML comments hidden), enough for
 * doc/methods.md and SOURCES.md; everything else is shown as text. */

static void inline_md(GString *h, const char *s)
{
    GString *e = g_string_new(NULL);
    cl_html_escape(e, s);
    const char *p = e->str;
    bool code = false, bold = false, ital = false;
    for (; *p; p++) {
        if (*p == '`') {
            g_string_append(h, code ? "</code>" : "<code>");
            code = !code;
        } else if (!code && p[0] == '*' && p[1] == '*') {
            g_string_append(h, bold ? "</strong>" : "<strong>");
            bold = !bold;
            p++;
        } else if (!code && *p == '*' && (ital || (p[1] && p[1] != ' '))) {
            g_string_append(h, ital ? "</em>" : "<em>");
            ital = !ital;
        } else {
            g_string_append_c(h, *p);
        }
    }
    if (code)
        g_string_append(h, "</code>");
    if (bold)
        g_string_append(h, "</strong>");
    if (ital)
        g_string_append(h, "</em>");
    g_string_free(e, TRUE);
}

/* md without its HTML comments (<!-- ... -->, on one line or several),
 * which Markdown hides from readers; code blocks keep theirs. */
static char *strip_comments(const char *md)
{
    GString *out = g_string_new(NULL);
    bool fence = false, comment = false, line_start = true;
    for (const char *p = md; *p;) {
        if (!comment && line_start && g_str_has_prefix(p, "```"))
            fence = !fence;
        if (!fence && !comment && g_str_has_prefix(p, "<!--")) {
            comment = true;
            p += 4;
            continue;
        }
        if (comment) {
            if (g_str_has_prefix(p, "-->")) {
                comment = false;
                p += 3;
            } else {
                if (*p == '\n')
                    g_string_append_c(out, '\n'); /* keeps paragraphs apart */
                p++;
            }
            continue;
        }
        line_start = *p == '\n';
        g_string_append_c(out, *p++);
    }
    return g_string_free(out, FALSE);
}

void cl_html_markdown(GString *h, const char *md_text, int heading_shift)
{
    char *md = strip_comments(md_text);
    char **lines = g_strsplit(md, "\n", -1);
    g_free(md);
    GString *para = g_string_new(NULL);
    enum { NONE, LIST, CODE, TABLE } mode = NONE;
    for (char **l = lines;; l++) {
        const char *s = *l;
        bool end = s == NULL;
        if (!end && mode == CODE) {
            if (g_str_has_prefix(s, "```")) {
                g_string_append(h, "</pre>\n");
                mode = NONE;
            } else {
                cl_html_escape(h, s);
                g_string_append_c(h, '\n');
            }
            continue;
        }
        bool blank = end;
        if (!end) {
            char *t = g_strstrip(g_strdup(s));
            blank = !*t;
            g_free(t);
        }
        bool item = !end && (g_str_has_prefix(s, "- ") || g_str_has_prefix(s, "* "));
        bool row = !end && s[0] == '|';
        bool head = !end && s[0] == '#';
        bool fence = !end && g_str_has_prefix(s, "```");
        bool indented = !end && g_str_has_prefix(s, "    ") && mode != LIST;
        /* close what the line does not continue */
        if (para->len && (blank || item || row || head || fence || indented || end)) {
            g_string_append(h, "<p>");
            inline_md(h, para->str);
            g_string_append(h, "</p>\n");
            g_string_truncate(para, 0);
        }
        if (mode == LIST && !item && !(s && g_str_has_prefix(s, "  ") && !blank)) {
            g_string_append(h, "</li></ul>\n");
            mode = NONE;
        }
        if (mode == TABLE && !row) {
            g_string_append(h, "</tbody></table>\n");
            mode = NONE;
        }
        if (end)
            break;
        if (fence) {
            g_string_append(h, "<pre>");
            mode = CODE;
        } else if (head) {
            int n = 0;
            while (s[n] == '#')
                n++;
            int level = MIN(6, n + heading_shift);
            g_string_append_printf(h, "<h%d>", level);
            inline_md(h, s + n + (s[n] == ' '));
            g_string_append_printf(h, "</h%d>\n", level);
        } else if (item) {
            g_string_append(h, mode == LIST ? "</li>\n<li>" : "<ul>\n<li>");
            mode = LIST;
            inline_md(h, s + 2);
        } else if (mode == LIST && !blank) {
            g_string_append_c(h, ' ');
            inline_md(h, s);
        } else if (row) {
            if (strstr(s, "---") && !strpbrk(s, "abcdefghijklmnopqrstuvwxyz"))
                continue; /* the header rule */
            char **cells = g_strsplit(s, "|", -1);
            int n = (int)g_strv_length(cells);
            if (mode != TABLE)
                g_string_append(h, "<table><tbody>\n");
            g_string_append(h, "<tr>");
            for (int k = 1; k < n - 1; k++) {
                char *c = g_strstrip(g_strdup(cells[k]));
                g_string_append(h, mode != TABLE ? "<th>" : "<td>");
                inline_md(h, c);
                g_string_append(h, mode != TABLE ? "</th>" : "</td>");
                g_free(c);
            }
            g_string_append(h, "</tr>\n");
            g_strfreev(cells);
            mode = TABLE;
        } else if (indented) {
            g_string_append(h, "<pre>");
            cl_html_escape(h, s + 4);
            g_string_append(h, "</pre>\n");
        } else if (!blank) {
            if (para->len)
                g_string_append_c(para, ' ');
            g_string_append(para, s);
        }
    }
    g_string_free(para, TRUE);
    g_strfreev(lines);
}
