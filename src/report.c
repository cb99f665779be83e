/* report.c: the main job: one folder with every table, every figure and one self-contained page. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "internal.h"

/* doc/methods.md, embedded at build time (src/methods.c). */
extern const char clout_codes_methods[];

#define TOP_N 5

typedef struct {
    const char *dir;
    const clout_report_opts_t *o;
    clout_error_t *err;
    GString *html;
    GPtrArray *figures; /* names listed in the page */
    GPtrArray *tables;  /* file names written under tables/ */
    int fig_no;
} report_t;

static void progress(report_t *r, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void progress(report_t *r, const char *fmt, ...)
{
    if (!r->o->on_progress)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    r->o->on_progress(s, r->o->progress_data);
    g_free(s);
}

/* ---- HTML helpers ---- */

static void esc(GString *h, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '<': g_string_append(h, "&lt;"); break;
        case '>': g_string_append(h, "&gt;"); break;
        case '&': g_string_append(h, "&amp;"); break;
        case '"': g_string_append(h, "&quot;"); break;
        default: g_string_append_c(h, *p);
        }
    }
}

static void cell_text(GString *h, const clout_table_t *t, int r, int c)
{
    if (clout_table_column_type(t, c) == CLOUT_COL_STR) {
        esc(h, clout_table_get_str(t, r, c));
        return;
    }
    double v = clout_table_get_num(t, r, c);
    if (isnan(v))
        return;
    if (v == floor(v) && fabs(v) < 1e9)
        g_string_append_printf(h, "%.0f", v);
    else
        g_string_append_printf(h, "%.3f", v);
}

/* A table as HTML, at most max_rows rows (0: all). */
static void table_html(GString *h, const clout_table_t *t, int max_rows)
{
    int nc = clout_table_n_cols(t), nr = clout_table_n_rows(t);
    g_string_append(h, "<table>\n<thead><tr>");
    for (int c = 0; c < nc; c++) {
        g_string_append(h, "<th>");
        esc(h, clout_table_column_name(t, c));
        g_string_append(h, "</th>");
    }
    g_string_append(h, "</tr></thead>\n<tbody>\n");
    int shown = max_rows > 0 && nr > max_rows ? max_rows : nr;
    for (int r = 0; r < shown; r++) {
        g_string_append(h, "<tr>");
        for (int c = 0; c < nc; c++) {
            g_string_append(h, clout_table_column_type(t, c) == CLOUT_COL_STR ? "<td>"
                                                                              : "<td class=\"n\">");
            cell_text(h, t, r, c);
            g_string_append(h, "</td>");
        }
        g_string_append(h, "</tr>\n");
    }
    g_string_append(h, "</tbody>\n</table>\n");
    if (shown < nr)
        g_string_append_printf(h, "<p class=\"note\">%d of %d rows; all in the CSV file.</p>\n",
                               shown, nr);
}

/* A small subset of Markdown (headings, paragraphs, lists, code blocks,
 * tables, `code`, **bold**, *italic*), enough for doc/methods.md and
 * SOURCES.md; everything else is shown as text. */
static void inline_md(GString *h, const char *s)
{
    GString *e = g_string_new(NULL);
    esc(e, s);
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

static void markdown_html(GString *h, const char *md_text, int heading_shift)
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
                esc(h, s);
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
            esc(h, s + 4);
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

/* ---- files ---- */

static clout_status_t write_text(report_t *r, const char *rel, const char *text)
{
    char *path = g_build_filename(r->dir, rel, NULL);
    clout_output_t *o;
    clout_status_t st = clout_output_open(&o, path, r->err);
    g_free(path);
    if (st)
        return st;
    fputs(text, clout_output_file(o));
    return clout_output_commit(o, r->err);
}

static clout_status_t write_table(report_t *r, const char *name, clout_table_t *const *t, int n)
{
    char *rel = g_strdup_printf("tables/%s.csv", name);
    char *path = g_build_filename(r->dir, rel, NULL);
    clout_output_t *o;
    clout_status_t st = clout_output_open(&o, path, r->err);
    if (!st) {
        st = clout_tables_write_ex(clout_output_file(o), t, n, CLOUT_FMT_CSV,
                                   CLOUT_WRITE_SPREADSHEET_SAFE, r->err);
        if (st)
            clout_output_abort(o);
        else
            st = clout_output_commit(o, r->err);
    }
    if (!st)
        g_ptr_array_add(r->tables, g_strdup(rel));
    g_free(rel);
    g_free(path);
    return st;
}

/* Paints a scene as PDF, SVG and PNG into figures/, and puts the SVG in the
 * page as an image that links to the file: the page shows exactly the
 * figures the folder holds. */
static clout_status_t figure(report_t *r, clout_scene_t *s, const char *name, const char *caption)
{
    static const char *ext[] = {"pdf", "svg", "png"};
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < 3 && !st; k++) {
        char *path = g_strdup_printf("%s/figures/%s.%s", r->dir, name, ext[k]);
        st = clout_render_paint(s, path,
                                (clout_imgformat_t)(k == 0   ? CLOUT_IMG_PDF
                                                    : k == 1 ? CLOUT_IMG_SVG
                                                             : CLOUT_IMG_PNG),
                                r->o->dpi, r->err);
        g_free(path);
    }
    if (st)
        return st;
    r->fig_no++;
    g_string_append_printf(r->html,
                           "<div class=\"figure\" id=\"fig-%s\">\n<img src=\"figures/%s.svg\" "
                           "width=\"%.0f\" height=\"%.0f\" alt=\"",
                           name, name, clout_scene_width(s), clout_scene_height(s));
    esc(r->html, caption);
    g_string_append(r->html, "\">\n<p class=\"caption\">");
    g_string_append_printf(r->html, "Figure %d. ", r->fig_no);
    esc(r->html, caption);
    g_string_append_printf(r->html,
                           " <span class=\"files\">(<a href=\"figures/%s.pdf\">PDF</a>, "
                           "<a href=\"figures/%s.svg\">SVG</a>, <a href=\"figures/%s.png\">PNG</a>)"
                           "</span></p>\n</div>\n",
                           name, name, name);
    g_ptr_array_add(r->figures, g_strdup(name));
    return CLOUT_OK;
}

/* ---- the dataset's metadata and fingerprint ---- */

/* SHA-256 over actors.csv, relations.csv and ties.csv, in that order. */
static char *dataset_sha256(const char *dataset)
{
    GChecksum *h = g_checksum_new(G_CHECKSUM_SHA256);
    static const char *files[] = {"actors.csv", "relations.csv", "ties.csv"};
    for (int k = 0; k < 3; k++) {
        char *path = g_build_filename(dataset, files[k], NULL), *data;
        gsize len;
        if (g_file_get_contents(path, &data, &len, NULL)) {
            g_checksum_update(h, (const guchar *)data, (gssize)len);
            g_free(data);
        }
        g_free(path);
    }
    char *s = g_strdup(g_checksum_get_string(h));
    g_checksum_free(h);
    return s;
}

static char *json_string(const char *s)
{
    GString *j = g_string_new("\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_printf(j, "\\%c", *p);
        else if (*p < 0x20)
            g_string_append_printf(j, "\\u%04x", *p);
        else
            g_string_append_c(j, (char)*p);
    }
    g_string_append_c(j, '"');
    return g_string_free(j, FALSE);
}

/* ---- sections ---- */

/* The names of actors for the charts: "id", "name", ... */
static char **actor_names(const clout_dataset_t *ds)
{
    GPtrArray *a = g_ptr_array_new();
    for (int i = 0; i < clout_dataset_n_actors(ds); i++) {
        g_ptr_array_add(a, g_strdup(clout_dataset_actor(ds, i)->id));
        g_ptr_array_add(a, g_strdup(clout_dataset_actor(ds, i)->name));
    }
    g_ptr_array_add(a, NULL);
    return (char **)g_ptr_array_free(a, FALSE);
}

/* Top actors by each measure of a measures table. */
static void top_actors(GString *h, const clout_table_t *m)
{
    g_string_append(h, "<table>\n<thead><tr><th>measure</th>");
    for (int k = 1; k <= TOP_N; k++)
        g_string_append_printf(h, "<th>%d</th>", k);
    g_string_append(h, "</tr></thead>\n<tbody>\n");
    int nr = clout_table_n_rows(m);
    int *ord = g_new(int, nr > 0 ? nr : 1);
    for (int c = 4; c < clout_table_n_cols(m); c++) {
        if (clout_table_column_type(m, c) == CLOUT_COL_STR)
            continue;
        for (int i = 0; i < nr; i++)
            ord[i] = i;
        for (int i = 1; i < nr; i++) /* stable insertion sort, descending */
            for (int j = i; j > 0; j--) {
                double x = clout_table_get_num(m, ord[j - 1], c),
                       y = clout_table_get_num(m, ord[j], c);
                if (!(isnan(x) ? !isnan(y) : (!isnan(y) && y > x)))
                    break;
                int t = ord[j];
                ord[j] = ord[j - 1];
                ord[j - 1] = t;
            }
        g_string_append(h, "<tr><td>");
        esc(h, clout_table_column_name(m, c));
        g_string_append(h, "</td>");
        for (int k = 0; k < TOP_N; k++) {
            g_string_append(h, "<td>");
            if (k < nr && !isnan(clout_table_get_num(m, ord[k], c))) {
                esc(h, clout_table_get_str(m, ord[k], 1));
                g_string_append(h, " <span class=\"v\">");
                cell_text(h, m, ord[k], c);
                g_string_append(h, "</span>");
            }
            g_string_append(h, "</td>");
        }
        g_string_append(h, "</tr>\n");
    }
    g_string_append(h, "</tbody>\n</table>\n");
    g_free(ord);
}

static const char *STYLE =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem "
    "auto;padding:0 1rem;line-height:1.45;color:#222}"
    "h1{font-size:1.7rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2.5rem}"
    "table{border-collapse:collapse;margin:.8rem 0;font-size:.85rem}"
    "th,td{border:1px solid #ddd;padding:.2rem .45rem;text-align:left}td.n{text-align:right}"
    "th{background:#f4f4f4}.figure{margin:1.5rem 0}.figure img{max-width:100%;height:auto;"
    "border:1px solid #eee}.caption{font-size:.9rem;color:#444}.note{font-size:.85rem;"
    "color:#555}.v{color:#666;font-size:.8rem}pre{background:#f6f6f6;padding:.5rem;"
    "overflow-x:auto}code{background:#f6f6f6}nav ul{columns:2}";

void clout_report_opts_init(clout_report_opts_t *o)
{
    *o = (clout_report_opts_t){.window = CLOUT_DEFAULT_WINDOW,
                               .bootstrap = 200,
                               .seed = 1,
                               .community_runs = 20,
                               .permutations = 1000,
                               .dpi = 200};
}

/* The options of the report's parts: each part's defaults, and the
 * report's own choices on top. */
static void influence_opts(const clout_report_opts_t *o, clout_influence_opts_t *io)
{
    clout_influence_opts_init(io);
    io->bootstrap = o->bootstrap;
    io->jobs = o->jobs;
    io->seed = o->seed;
}

static void community_opts(const clout_report_opts_t *o, clout_community_opts_t *co)
{
    clout_community_opts_init(co);
    co->runs = o->community_runs;
    co->seed = o->seed;
}

static void diagram_opts(const clout_report_opts_t *o, clout_diagram_opts_t *d)
{
    clout_diagram_opts_init(d);
    d->size = "pagerank";
    influence_opts(o, &d->influence);
    d->influence.bootstrap = 0;
    d->communities.seed = o->seed;
}

/* The source line of the report's charts (clout_chart_source_line). */
static char *source_line(const clout_dataset_t *ds, const int *years, int n, int window,
                         int bootstrap, unsigned long seed)
{
    char *title = (char *)clout_dataset_title(ds);
    return clout_chart_source_line(&title, 1, years, n, window, "influence", bootstrap, seed);
}

clout_status_t clout_report(const char *dataset, const char *dir, const clout_report_opts_t *o,
                            clout_error_t *err)
{
    clout_init();
    clout_dataset_t *ds;
    clout_status_t st = clout_dataset_load(&ds, dataset, err);
    if (st)
        return st;
    report_t r = {dir,
                  o,
                  err,
                  g_string_new(NULL),
                  g_ptr_array_new_with_free_func(g_free),
                  g_ptr_array_new_with_free_func(g_free),
                  0};
    /* The years: as asked, else metadata.csv's snapshots, else the latest. */
    GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
    if (o->years && o->n_years > 0) {
        g_array_append_vals(years, o->years, (guint)o->n_years);
    } else {
        const char *snap = clout_dataset_meta(ds, "snapshots");
        char **ws = g_strsplit_set(snap ? snap : "", " ;,", -1);
        for (char **w = ws; *w; w++) {
            int y;
            if (**w && strlen(*w) == 4 && clout_parse_year(*w, &y))
                g_array_append_val(years, y);
        }
        g_strfreev(ws);
        if (years->len == 0) {
            int y = clout_dataset_latest_year(ds);
            g_array_append_val(years, y);
        }
    }
    int ny = (int)years->len;
    const int *Y = (const int *)years->data;
    int window = o->window;
    int boot = o->bootstrap;
    const char *title = clout_dataset_title(ds);
    char **names = actor_names(ds);
    /* The poles in dataset order: the charts name the balance's ends after them. */
    GPtrArray *pa = g_ptr_array_new();
    for (int a = 0; a < clout_dataset_n_actors(ds); a++)
        if (clout_dataset_actor(ds, a)->role == CLOUT_ROLE_POLE)
            g_ptr_array_add(pa, (gpointer)clout_dataset_actor(ds, a)->id);
    g_ptr_array_add(pa, NULL);
    char **poles = (char **)pa->pdata;

    static const char *sub[] = {"figures", "tables"};
    for (int k = 0; k < 2 && !st; k++) {
        char *p = g_build_filename(dir, sub[k], NULL);
        if (g_mkdir_with_parents(p, 0777) != 0)
            st = clout_error_set(err, CLOUT_EFAIL, p, 0, 0, "cannot create the folder: %s",
                                 g_strerror(errno));
        g_free(p);
    }

    /* The networks of every snapshot, and one layout for all of them. */
    clout_network_t **nets = g_new0(clout_network_t *, ny);
    for (int i = 0; i < ny && !st; i++) {
        clout_snapshot_opts_t so;
        clout_snapshot_opts_init(&so);
        so.year = Y[i];
        so.window = window;
        st = clout_snapshot(&nets[i], ds, &so, err);
    }
    clout_layout_t *layout = NULL;
    if (!st) {
        progress(&r, "layout of %d snapshots", ny);
        clout_layout_opts_t lo;
        clout_layout_opts_init(&lo);
        lo.seed = o->seed;
        lo.ds = ds;
        st = clout_layout_compute(&layout, nets, ny, &lo, err);
    }

    GString *h = r.html;
    g_string_append(
        h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    esc(h, title);
    g_string_append_printf(h, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", STYLE);
    esc(h, title);
    g_string_append(h, "</h1>\n<p class=\"note\">Report of the dataset <code>");
    esc(h, clout_dataset_name(ds));
    g_string_append(h, "</code> for the snapshots");
    for (int i = 0; i < ny; i++)
        g_string_append_printf(h, "%s %d", i ? (i == ny - 1 ? " and" : ",") : "", Y[i]);
    g_string_append_printf(h,
                           " (flows summed over %d years), made by clout %s. Tables are in "
                           "<code>tables/</code>, figures in <code>figures/</code>; "
                           "<code>provenance.json</code> says how.</p>\n",
                           window, PACKAGE_VERSION);

    /* 1. Coverage and sources. */
    if (!st) {
        progress(&r, "coverage");
        g_string_append(
            h, "<h2 id=\"coverage\">Coverage and sources</h2>\n<p>What each relation "
               "holds, and which years have real amounts (as of the last snapshot).</p>\n");
        clout_table_t **it;
        int n;
        st = clout_info(nets[ny - 1], ds, &it, &n, err);
        if (!st) {
            for (int k = 0; k < n; k++)
                if (strcmp(clout_table_name(it[k]), "relations") == 0) {
                    table_html(h, it[k], 0);
                    st = write_table(&r, "coverage", &it[k], 1);
                }
            for (int k = 0; k < n; k++)
                clout_table_free(it[k]);
            g_free(it);
        }
        char *src = g_build_filename(dataset, "SOURCES.md", NULL);
        char *md;
        if (g_file_get_contents(src, &md, NULL, NULL)) {
            g_string_append(h, "<div class=\"sources\">\n");
            markdown_html(h, md, 2);
            g_string_append(h, "</div>\n");
            g_free(md);
        }
        g_free(src);
    }

    /* 2. Each snapshot. */
    clout_table_t **balance = g_new0(clout_table_t *, ny), **shares = g_new0(clout_table_t *, ny);
    clout_table_t **members = g_new0(clout_table_t *, ny);
    for (int i = 0; i < ny && !st; i++) {
        char name[64];
        g_string_append_printf(h, "<h2 id=\"y%d\">%d</h2>\n", Y[i], Y[i]);
        clout_snapshot_opts_t so;
        clout_snapshot_opts_init(&so);
        so.year = Y[i];
        so.window = window;
        progress(&r, "%d: influence (%d bootstrap replicates)", Y[i], boot);
        clout_influence_opts_t io;
        influence_opts(o, &io);
        st = clout_influence(ds, &so, &io, &shares[i], &balance[i], err);
        if (st)
            break;
        g_snprintf(name, sizeof name, "influence-shares-%d", Y[i]);
        st = write_table(&r, name, &shares[i], 1);
        g_snprintf(name, sizeof name, "influence-balance-%d", Y[i]);
        if (!st)
            st = write_table(&r, name, &balance[i], 1);

        progress(&r, "%d: network diagram", Y[i]);
        clout_diagram_opts_t dopt;
        diagram_opts(o, &dopt);
        dopt.snap = &so;
        clout_scene_t *sc = NULL;
        if (!st)
            st = clout_diagram(&sc, &nets[i], 1, ds, layout, &dopt, err);
        char caption[256];
        g_snprintf(caption, sizeof caption,
                   "The network in %d: focus states coloured by the balance between the first two "
                   "poles, node area by PageRank, edges coloured by layer.",
                   Y[i]);
        g_snprintf(name, sizeof name, "network-%d", Y[i]);
        if (!st)
            st = figure(&r, sc, name, caption);
        clout_scene_free(sc);
        sc = NULL;

        char snapname[16];
        g_snprintf(snapname, sizeof snapname, "%d", Y[i]);
        clout_chart_opts_t co;
        clout_chart_opts_init(&co);
        co.snapshot = snapname;
        co.names = names;
        co.poles = poles;
        char *src_shares = source_line(ds, &Y[i], 1, window, 0, o->seed);
        char *src_balance = source_line(ds, &Y[i], 1, window, boot, o->seed);
        co.source = src_shares;
        progress(&r, "%d: charts", Y[i]);
        if (!st)
            st = clout_chart_shares(shares[i], &co, &sc, err);
        g_snprintf(name, sizeof name, "shares-%d", Y[i]);
        g_snprintf(caption, sizeof caption,
                   "Direct shares in %d: the part of each focus state's incoming ties that comes "
                   "from each pole, its blocs and companies (all layers).",
                   Y[i]);
        if (!st)
            st = figure(&r, sc, name, caption);
        clout_scene_free(sc);
        sc = NULL;
        co.source = src_balance;
        if (!st)
            st = clout_chart_balance(balance[i], &co, &sc, err);
        g_free(src_shares);
        g_free(src_balance);
        g_snprintf(name, sizeof name, "balance-%d", Y[i]);
        g_snprintf(caption, sizeof caption,
                   "Balance in %d with 95%% bootstrap intervals (%d replicates): -1 all the first "
                   "pole, +1 all the second.",
                   Y[i], boot);
        if (!st)
            st = figure(&r, sc, name, caption);
        clout_scene_free(sc);
        if (st)
            break;
        g_string_append(h, "<h3>Balance by layer</h3>\n");
        table_html(h, balance[i], 0);

        progress(&r, "%d: measures and communities", Y[i]);
        clout_measure_opts_t mo;
        clout_measure_opts_init(&mo);
        mo.seed = o->seed;
        clout_table_t *m;
        st = clout_measures(nets[i], &mo, &m, err);
        if (st)
            break;
        g_snprintf(name, sizeof name, "measures-%d", Y[i]);
        st = write_table(&r, name, &m, 1);
        g_string_append(h, "<h3>Top actors by each measure</h3>\n");
        top_actors(h, m);
        clout_table_free(m);
        if (st)
            break;
        clout_community_opts_t cmo;
        community_opts(o, &cmo);
        clout_partition_t part;
        st = clout_communities(nets[i], &cmo, &part, err);
        if (st)
            break;
        clout_table_t *sum;
        st = clout_partition_tables(nets[i], &part, &cmo, NULL, &members[i], &sum, err);
        clout_partition_destroy(&part);
        if (st)
            break;
        clout_table_t *both[2] = {members[i], sum};
        g_snprintf(name, sizeof name, "communities-%d", Y[i]);
        st = write_table(&r, name, both, 2);
        clout_table_free(sum);
    }

    /* 3. Across the snapshots. */
    if (!st && ny > 1) {
        g_string_append(h, "<h2 id=\"across\">Across the snapshots</h2>\n");
        progress(&r, "small multiples");
        clout_diagram_opts_t dopt;
        diagram_opts(o, &dopt);
        dopt.labels = CLOUT_LABELS_FOCUS;
        clout_snapshot_opts_t so;
        clout_snapshot_opts_init(&so);
        so.window = window;
        dopt.snap = &so;
        clout_scene_t *sc = NULL;
        st = clout_diagram(&sc, nets, ny, ds, layout, &dopt, err);
        if (!st)
            st = figure(&r, sc, "network-multiples",
                        "The snapshots side by side, each actor in the same place in every panel.");
        clout_scene_free(sc);
        sc = NULL;
        progress(&r, "trend");
        clout_chart_opts_t co;
        clout_chart_opts_init(&co);
        co.names = names;
        co.poles = poles;
        char *src_trend = source_line(ds, Y, ny, window, boot, o->seed);
        co.source = src_trend;
        if (!st)
            st = clout_chart_trend(balance, Y, ny, &co, &sc, err);
        g_free(src_trend);
        if (!st)
            st = figure(&r, sc, "trend",
                        "The balance of each focus state over the snapshots (all layers).");
        clout_scene_free(sc);

        for (int i = 0; i + 1 < ny && !st; i++) {
            progress(&r, "diff %d-%d", Y[i], Y[i + 1]);
            clout_snapshot_opts_t sa, sb;
            clout_snapshot_opts_init(&sa);
            clout_snapshot_opts_init(&sb);
            sa.year = Y[i];
            sb.year = Y[i + 1];
            sa.window = sb.window = window;
            clout_diff_opts_t d;
            clout_diff_opts_init(&d);
            d.permutations = o->permutations;
            d.seed = o->seed;
            d.communities.seed = o->seed;
            influence_opts(o, &d.influence);
            clout_table_t *ti = NULL, *ts = NULL;
            st = clout_diff_influence(ds, &sa, ds, &sb, &d, &ti, err);
            if (!st)
                st = clout_diff_summary(nets[i], nets[i + 1], &d, &ts, err);
            char name[64];
            g_snprintf(name, sizeof name, "diff-influence-%d-%d", Y[i], Y[i + 1]);
            if (!st)
                st = write_table(&r, name, &ti, 1);
            g_snprintf(name, sizeof name, "diff-summary-%d-%d", Y[i], Y[i + 1]);
            if (!st)
                st = write_table(&r, name, &ts, 1);
            if (!st) {
                g_string_append_printf(h, "<h3>From %d to %d</h3>\n", Y[i], Y[i + 1]);
                g_string_append(h,
                                "<p>The change in balance with its 95% interval and the share of "
                                "bootstrap replicates that agree on its sign; a change whose "
                                "interval excludes 0 is more than the noise in the data.</p>\n");
                table_html(h, ti, 0);
                table_html(h, ts, 0);
            }
            clout_table_free(ti);
            clout_table_free(ts);
        }
        if (!st) {
            g_string_append_printf(
                h,
                "<h3>Communities and their stability</h3>\n<p>Leiden, %d runs "
                "combined by consensus; stability is the share of runs that agree "
                "with the consensus about the actor.</p>\n<table>\n<thead><tr><th>actor</th>",
                o->community_runs);
            for (int i = 0; i < ny; i++)
                g_string_append_printf(h, "<th>%d community</th><th>%d stability</th>", Y[i], Y[i]);
            g_string_append(h, "</tr></thead>\n<tbody>\n");
            for (int a = 0; a < clout_dataset_n_actors(ds); a++) {
                const clout_actor_t *act = clout_dataset_actor(ds, a);
                GString *row = g_string_new(NULL);
                bool any = false;
                for (int i = 0; i < ny; i++) {
                    int rr = -1;
                    for (int k = 0; k < clout_table_n_rows(members[i]); k++)
                        if (strcmp(clout_table_get_str(members[i], k, 0), act->id) == 0)
                            rr = k;
                    g_string_append(row, "<td class=\"n\">");
                    if (rr >= 0) {
                        cell_text(row, members[i], rr, 2);
                        any = true;
                    }
                    g_string_append(row, "</td><td class=\"n\">");
                    if (rr >= 0)
                        cell_text(row, members[i], rr, 3);
                    g_string_append(row, "</td>");
                }
                if (any) {
                    g_string_append(h, "<tr><td>");
                    esc(h, act->name);
                    g_string_append_printf(h, "</td>%s</tr>\n", row->str);
                }
                g_string_free(row, TRUE);
            }
            g_string_append(h, "</tbody>\n</table>\n");
        }
    }

    /* 4. Methods, from doc/methods.md. */
    if (!st) {
        g_string_append(h, "<h2 id=\"methods\">Methods</h2>\n");
        markdown_html(h, clout_codes_methods, 2);
        g_string_append(h, "<h2 id=\"files\">Files</h2>\n<p>Figures:</p>\n<ul>\n");
        for (guint k = 0; k < r.figures->len; k++) {
            const char *f = g_ptr_array_index(r.figures, k);
            g_string_append_printf(
                h,
                "<li>%s: <a href=\"figures/%s.pdf\">PDF</a>, "
                "<a href=\"figures/%s.svg\">SVG</a>, <a href=\"figures/%s.png\">PNG</a></li>\n",
                f, f, f, f);
        }
        g_string_append(h, "</ul>\n<p>Tables:</p>\n<ul>\n");
        for (guint k = 0; k < r.tables->len; k++) {
            const char *t = g_ptr_array_index(r.tables, k);
            g_string_append_printf(h, "<li><a href=\"%s\">%s</a></li>\n", t, t);
        }
        g_string_append(h, "</ul>\n</body>\n</html>\n");
        st = write_text(&r, "index.html", h->str);
    }

    /* 5. Provenance. */
    if (!st) {
        char *sha = dataset_sha256(dataset);
        const char *env = getenv("SOURCE_DATE_EPOCH");
        GDateTime *now = NULL;
        if (env && *env) {
            char *end;
            gint64 v = g_ascii_strtoll(env, &end, 10);
            if (!*end && v >= 0)
                now = g_date_time_new_from_unix_utc(v);
        }
        if (!now)
            now = g_date_time_new_now_utc();
        char *when = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
        g_date_time_unref(now);
        char *cmd = json_string(o->command ? o->command : ""), *dsj = json_string(dataset);
        GString *j = g_string_new("{\n");
        g_string_append_printf(j, "  \"clout_version\": \"%s\",\n  \"command\": %s,\n",
                               PACKAGE_VERSION, cmd);
        g_string_append_printf(
            j, "  \"seed\": %lu,\n  \"dataset\": %s,\n  \"dataset_sha256\": \"%s\",\n", o->seed,
            dsj, sha);
        g_string_append(j, "  \"snapshots\": [");
        for (int i = 0; i < ny; i++)
            g_string_append_printf(j, "%s%d", i ? ", " : "", Y[i]);
        g_string_append_printf(
            j, "],\n  \"time_span\": [%d, %d],\n  \"window\": %d,\n  \"bootstrap\": %d,\n",
            Y[0] - window + 1, Y[ny - 1], window, boot);
        g_string_append_printf(
            j, "  \"figures\": %u,\n  \"tables\": %u,\n  \"generated\": \"%s\"\n}\n",
            r.figures->len, r.tables->len, when);
        st = write_text(&r, "provenance.json", j->str);
        g_string_free(j, TRUE);
        g_free(sha);
        g_free(when);
        g_free(cmd);
        g_free(dsj);
    }

    for (int i = 0; i < ny; i++) {
        clout_network_free(nets[i]);
        clout_table_free(balance[i]);
        clout_table_free(shares[i]);
        clout_table_free(members[i]);
    }
    g_free(nets);
    g_free(balance);
    g_free(shares);
    g_free(members);
    clout_layout_free(layout);
    g_strfreev(names);
    g_ptr_array_free(pa, TRUE);
    g_array_free(years, TRUE);
    g_string_free(r.html, TRUE);
    g_ptr_array_free(r.figures, TRUE);
    g_ptr_array_free(r.tables, TRUE);
    clout_dataset_free(ds);
    return st;
}
