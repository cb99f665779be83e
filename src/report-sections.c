/* report-sections.c: the sections of the report page and the files behind them. */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include "report.h"

/* doc/methods.md, embedded at build time (src/methods.c). */
extern const char cl_codes_methods[];

#define TOP_N 5

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

void cl_report_progress(cl_report_t *r, const char *fmt, ...)
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

/* ---- files ---- */

clout_status_t cl_report_write_text(cl_report_t *r, const char *rel, const char *text)
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

/* Writes t to tables/NAME.EXT in fmt. */
static clout_status_t write_table_as(cl_report_t *r, const char *name, const clout_table_t *t,
                                     clout_format_t fmt, const char *ext)
{
    char *rel = g_strdup_printf("tables/%s.%s", name, ext);
    char *path = g_build_filename(r->dir, rel, NULL);
    clout_write_opts_t w;
    clout_write_opts_init(&w);
    w.flags = CLOUT_WRITE_SPREADSHEET_SAFE;
    clout_output_t *o;
    clout_status_t st = clout_output_open(&o, path, r->err);
    if (!st) {
        st = clout_table_write(t, clout_output_file(o), fmt, &w, r->err);
        if (st)
            clout_output_abort(o);
        else
            st = clout_output_commit(o, r->err);
    }
    g_free(rel);
    g_free(path);
    return st;
}

clout_status_t cl_report_write_table(cl_report_t *r, const char *name, const clout_table_t *t)
{
    clout_status_t st = write_table_as(r, name, t, CLOUT_FMT_CSV, "csv");
    if (!st)
        st = write_table_as(r, name, t, CLOUT_FMT_TEX, "tex");
    if (!st)
        g_ptr_array_add(r->tables, g_strdup(name));
    return st;
}

/* Paints a scene as PDF, SVG and PNG into figures/, and puts the SVG in the
 * page as an image that links to the file: the page shows exactly the
 * figures the folder holds. */
clout_status_t cl_report_figure(cl_report_t *r, clout_scene_t *s, const char *name,
                                const char *caption)
{
    static const char *ext[] = {"pdf", "svg", "png"};
    static const clout_imgformat_t fmt[] = {CLOUT_IMG_PDF, CLOUT_IMG_SVG, CLOUT_IMG_PNG};
    clout_status_t st = CLOUT_OK;
    for (int k = 0; k < 3 && !st; k++) {
        char *path = g_strdup_printf("%s/figures/%s.%s", r->dir, name, ext[k]);
        st = clout_render_paint(s, path, fmt[k], r->o->dpi, r->err);
        g_free(path);
    }
    if (!st && r->o->scenes) {
        char *path = g_strdup_printf("%s/figures/%s.scene", r->dir, name);
        clout_output_t *out;
        st = clout_output_open(&out, path, r->err);
        if (!st) {
            clout_scene_dump(s, clout_output_file(out));
            st = clout_output_commit(out, r->err);
        }
        g_free(path);
    }
    if (st)
        return st;
    r->fig_no++;
    g_string_append_printf(r->html,
                           "<div class=\"figure\" id=\"fig-%s\">\n<img src=\"figures/%s.svg\" "
                           "width=\"%.0f\" height=\"%.0f\" alt=\"",
                           name, name, clout_scene_width(s), clout_scene_height(s));
    cl_html_escape(r->html, caption);
    g_string_append(r->html, "\">\n<p class=\"caption\">");
    g_string_append_printf(r->html, "Figure %d. ", r->fig_no);
    cl_html_escape(r->html, caption);
    g_string_append_printf(r->html,
                           " <span class=\"files\">(<a href=\"figures/%s.pdf\">PDF</a>, "
                           "<a href=\"figures/%s.svg\">SVG</a>, <a href=\"figures/%s.png\">PNG</a>)"
                           "</span></p>\n</div>\n",
                           name, name, name);
    g_ptr_array_add(r->figures, g_strdup(name));
    return CLOUT_OK;
}

/* ---- the options of the report's parts: their defaults, then the report's choices ---- */

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
    d->font = o->font;
}

static void snapshot_opts(const cl_report_t *r, int year, clout_snapshot_opts_t *so)
{
    clout_snapshot_opts_init(so);
    so->year = year;
    so->window = r->o->window;
    so->carry_forward = r->o->carry_forward;
    so->half_life = r->o->half_life;
}

/* The source line of the report's charts (clout_chart_source_line). */
static char *source_line(const cl_report_t *r, const int *years, int n, int bootstrap)
{
    char *title = (char *)clout_dataset_title(r->ds);
    return clout_chart_source_line(&title, 1, years, n, r->o->window, "influence", bootstrap,
                                   r->o->seed);
}

/* Builds a chart and adds it as a figure. */
typedef clout_status_t (*chart_fn)(const clout_table_t *, clout_scene_t **,
                                   const clout_chart_opts_t *, clout_error_t *);
static clout_status_t chart_figure(cl_report_t *r, chart_fn fn, const clout_table_t *t,
                                   const clout_chart_opts_t *co, const char *name,
                                   const char *caption)
{
    clout_scene_t *sc = NULL;
    clout_status_t st = fn(t, &sc, co, r->err);
    if (!st)
        st = cl_report_figure(r, sc, name, caption);
    clout_scene_free(sc);
    return st;
}

/* ---- the findings (doc/methods.md, "Findings") ---- */

/* The display name of an actor id (the names list: "id", "name", ...). */
static const char *name_of(const cl_report_t *r, const char *id)
{
    for (char **p = r->names; p && p[0] && p[1]; p += 2)
        if (strcmp(p[0], id) == 0)
            return p[1];
    return id;
}

/* The row of table t whose focus is f and layer is "all", or -1. */
static int row_all(const clout_table_t *t, const char *f)
{
    int cf = clout_table_column(t, "focus"), cl = clout_table_column(t, "layer");
    for (int i = 0; i < clout_table_n_rows(t); i++)
        if (strcmp(clout_table_get_str(t, i, cf), f) == 0 &&
            strcmp(clout_table_get_str(t, i, cl), "all") == 0)
            return i;
    return -1;
}

static double num_at(const clout_table_t *t, int row, const char *col)
{
    return clout_table_get_num(t, row, clout_table_column(t, col));
}

/* A signed number with a true minus sign, 2 decimals (3 when smaller than 0.005). */
static void signed_num(GString *h, double v)
{
    int d = fabs(v) < 0.005 && v != 0 ? 3 : 2;
    g_string_append_printf(h, "%s%.*f", v < 0 ? "\u2212" : "+", d, fabs(v));
}

/* "robust", "fragile", ... as the page shows it. */
static void finding_word(GString *h, const char *f)
{
    g_string_append_printf(h, "<strong class=\"finding %s\">%s</strong>",
                           strcmp(f, "robust") == 0 ? "robust" : "weak", *f ? f : "no finding");
}

/* One sentence of row i of a robustness table: what the value says, its
 * interval, its range over the variants, and the finding. */
static void finding_sentence(GString *h, const cl_report_t *r, const clout_table_t *t, int i,
                             const char *value, bool change, int year_a, int year_b)
{
    double v = num_at(t, i, value), lo = num_at(t, i, "boot_lo"), hi = num_at(t, i, "boot_hi");
    double mn = num_at(t, i, "min"), mx = num_at(t, i, "max");
    const char *a = name_of(r, r->poles[0]), *b = name_of(r, r->poles[1]);
    const char *towards = v > 0 ? b : a;
    if (!isfinite(v)) {
        g_string_append(h, change ? "No change can be read: no balance in one of the snapshots."
                                  : "No balance: it depends on neither pole in these data.");
        return;
    }
    if (change)
        g_string_append_printf(h, "From %d to %d (like with like) its balance moved ", year_a,
                               year_b);
    else
        g_string_append_printf(h, "In %d its balance is ", year_b);
    signed_num(h, v);
    if (v != 0) {
        g_string_append(h, change ? ", towards " : ", leaning towards ");
        cl_html_escape(h, towards);
    }
    g_string_append(h, " (95% bootstrap interval ");
    signed_num(h, lo);
    g_string_append(h, " to ");
    signed_num(h, hi);
    g_string_append(h, "; ");
    signed_num(h, mn);
    g_string_append(h, " to ");
    signed_num(h, mx);
    g_string_append_printf(h, " over %.0f robustness variants", num_at(t, i, "variants"));
    const char *moved = clout_table_get_str(t, i, clout_table_column(t, "moved_most"));
    if (moved && *moved) {
        g_string_append(h, ", moved most by the variant \u201c");
        cl_html_escape(h, moved);
        g_string_append(h, "\u201d");
    }
    g_string_append(h, "): ");
    finding_word(h, clout_table_get_str(t, i, clout_table_column(t, "finding")));
    g_string_append(h, ".");
}

/* The robustness of the last snapshot and of the change since the first:
 * tables written, a sentence per focus actor, and the chart. */
clout_status_t cl_report_findings(cl_report_t *r)
{
    GString *h = r->html;
    int ny = r->n_years, yb = r->years[ny - 1], ya = r->years[0];
    cl_report_progress(r, "findings: robustness of %d%s", yb, ny > 1 ? " and of the change" : "");
    clout_robustness_opts_t ro;
    clout_robustness_opts_init(&ro);
    influence_opts(r->o, &ro.influence);
    clout_snapshot_opts_t sa, sb;
    snapshot_opts(r, ya, &sa);
    snapshot_opts(r, yb, &sb);
    clout_table_t *now[2] = {NULL, NULL}, *chg[2] = {NULL, NULL};
    char name[96], chg_name[96] = "";
    clout_status_t st = clout_robustness(r->ds, &now[0], &now[1], &sb, &ro, r->err);
    g_snprintf(name, sizeof name, "robustness-%d", yb);
    if (!st)
        st = cl_report_write_table(r, name, now[0]);
    if (!st) {
        char vname[96];
        g_snprintf(vname, sizeof vname, "robustness-variants-%d", yb);
        st = cl_report_write_table(r, vname, now[1]);
    }
    if (!st && ny > 1) {
        st = clout_robustness_diff(r->ds, r->ds, &chg[0], &chg[1], &sa, &sb, &ro, r->err);
        g_snprintf(chg_name, sizeof chg_name, "robustness-change-%d-%d", ya, yb);
        if (!st)
            st = cl_report_write_table(r, chg_name, chg[0]);
    }
    if (st)
        goto done;
    g_string_append(h, "<h2 id=\"findings\">Findings</h2>\n<p>Each focus state's balance between ");
    cl_html_escape(h, name_of(r, r->poles[0]));
    g_string_append(h, " (\u22121) and ");
    cl_html_escape(h, name_of(r, r->poles[1]));
    g_string_append(h, " (+1) over all layers, and whether its sign holds across the bootstrap "
                       "and every robustness variant (<strong>robust</strong>), across most "
                       "(<strong>fragile</strong>), or not (<strong>not supported</strong>): "
                       "each relation or source left out, each weight halved and doubled, "
                       "other scales and windows, the other side's trade reports "
                       "(doc/methods.md, \u201cRobustness\u201d and \u201cFindings\u201d). "
                       "The sentences are read off the tables they link to.</p>\n<ul "
                       "class=\"findings\">\n");
    const clout_table_t *t = now[0];
    int cf = clout_table_column(t, "focus");
    for (int i = 0; i < clout_table_n_rows(t); i++) {
        const char *f = clout_table_get_str(t, i, cf);
        if (i != row_all(t, f))
            continue;
        g_string_append(h, "<li class=\"finding\" data-focus=\"");
        cl_html_escape(h, f);
        g_string_append(h, "\"><strong>");
        cl_html_escape(h, name_of(r, f));
        g_string_append(h, "</strong>. ");
        finding_sentence(h, r, t, i, "balance", false, ya, yb);
        g_string_append_printf(h, " <a href=\"tables/%s.csv\">[table]</a>", name);
        int j = chg[0] ? row_all(chg[0], f) : -1;
        if (j >= 0) {
            g_string_append(h, " ");
            finding_sentence(h, r, chg[0], j, "delta", true, ya, yb);
            g_string_append_printf(h, " <a href=\"tables/%s.csv\">[table]</a>", chg_name);
        }
        g_string_append_printf(h, " <a href=\"#fig-findings-%d\">[figure]</a></li>\n", yb);
    }
    g_string_append(h, "</ul>\n");
    clout_chart_opts_t co;
    clout_chart_opts_init(&co);
    co.font = r->o->font;
    co.names = r->names;
    co.poles = r->poles;
    char *src = source_line(r, &yb, 1, r->o->bootstrap);
    co.source = src;
    char fig[64], *cap = g_strdup_printf(
                      "The balance of each focus state in %d (all layers) with its 95%% bootstrap "
                      "interval (line) and its range over the robustness variants (band).",
                      yb);
    g_snprintf(fig, sizeof fig, "findings-%d", yb);
    st = chart_figure(r, clout_chart_robustness, t, &co, fig, cap);
    g_free(cap);
    g_free(src);
done:
    for (int k = 0; k < 2; k++) {
        clout_table_free(now[k]);
        clout_table_free(chg[k]);
    }
    return st;
}

/* ---- the head and the coverage ---- */

clout_status_t cl_report_head(cl_report_t *r)
{
    GString *h = r->html;
    const char *title = clout_dataset_title(r->ds);
    g_string_append(
        h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    cl_html_escape(h, title);
    g_string_append_printf(h, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", STYLE);
    cl_html_escape(h, title);
    g_string_append(h, "</h1>\n<p class=\"note\">Report of the dataset <code>");
    cl_html_escape(h, clout_dataset_name(r->ds));
    g_string_append(h, "</code> for the snapshots");
    for (int i = 0; i < r->n_years; i++)
        g_string_append_printf(h, "%s %d", i ? (i == r->n_years - 1 ? " and" : ",") : "",
                               r->years[i]);
    g_string_append_printf(h,
                           " (flows summed over %d years), made by clout %s. Tables are in "
                           "<code>tables/</code>, figures in <code>figures/</code>; "
                           "<code>provenance.json</code> says how.</p>\n",
                           r->o->window, PACKAGE_VERSION);
    return CLOUT_OK;
}

/* Per snapshot, the relations (or groups) that count and those with no data
 * or only part of the window: said before any table, so that no number is
 * read without them. */
static clout_status_t coverage_statement(cl_report_t *r)
{
    GString *h = r->html;
    g_string_append(h, "<div class=\"coverage-statement\"><p><strong>What each snapshot "
                       "covers.</strong> A relation whose source does not cover a snapshot's "
                       "years is left out of that snapshot (no data is not the same as no "
                       "tie), and comparisons across snapshots use only the relations that "
                       "every one of them covers.</p>\n<ul>\n");
    for (int i = 0; i < r->n_years; i++) {
        clout_snapshot_opts_t so;
        snapshot_opts(r, r->years[i], &so);
        cl_deps_t d;
        clout_status_t st =
            cl_deps_compute(r->ds, (const clout_tie_t *)r->ds->ties->data,
                            clout_dataset_n_ties(r->ds), &so, r->years[i], &d, NULL);
        if (st)
            return st;
        GString *in = g_string_new(NULL), *part = g_string_new(NULL), *out = g_string_new(NULL);
        for (int u = 0; u < d.n_units; u++) {
            GString *to = d.units[u].cover == CL_COVER_NONE   ? out
                          : d.units[u].cover == CL_COVER_FULL ? in
                                                              : part;
            g_string_append_printf(to, "%s%s", to->len ? ", " : "", d.units[u].name);
        }
        g_string_append_printf(h, "<li><strong>%d</strong>: covered: ", r->years[i]);
        cl_html_escape(h, in->len ? in->str : "none");
        if (part->len) {
            g_string_append(h, "; in part: ");
            cl_html_escape(h, part->str);
        }
        g_string_append(h, "; <em>no data</em>: ");
        cl_html_escape(h, out->len ? out->str : "none");
        g_string_append(h, ".</li>\n");
        g_string_free(in, TRUE);
        g_string_free(part, TRUE);
        g_string_free(out, TRUE);
        cl_deps_release(&d);
    }
    g_string_append(h, "</ul>\n");
    if (r->left_out && *r->left_out) {
        char *l = g_strjoinv(", ", r->left_out);
        g_string_append(h, "<p>Left out of the comparisons across snapshots (the trend and "
                           "the changes), for want of data in some of them: ");
        cl_html_escape(h, l);
        g_string_append(h, ".</p>\n");
        g_free(l);
    }
    g_string_append(h, "</div>\n");
    return CLOUT_OK;
}

clout_status_t cl_report_coverage_statement(cl_report_t *r)
{
    cl_report_progress(r, "coverage");
    return coverage_statement(r);
}

clout_status_t cl_report_coverage(cl_report_t *r)
{
    GString *h = r->html;
    g_string_append(h, "<h2 id=\"coverage\">Coverage and sources</h2>\n");
    g_string_append(h, "<p>What each relation holds, and which years have real amounts (as of "
                       "the last snapshot).</p>\n");
    clout_table_t **it;
    int n;
    clout_status_t st = clout_info(r->nets[r->n_years - 1], r->ds, &it, &n, r->err);
    if (st)
        return st;
    for (int k = 0; k < n; k++) {
        if (!st && strcmp(clout_table_name(it[k]), "relations") == 0) {
            cl_html_table(h, it[k], 0);
            st = cl_report_write_table(r, "coverage", it[k]);
        }
        clout_table_free(it[k]);
    }
    g_free(it);
    char *src = g_build_filename(r->dataset, "SOURCES.md", NULL);
    char *md;
    if (!st && g_file_get_contents(src, &md, NULL, NULL)) {
        g_string_append(h, "<div class=\"sources\">\n");
        cl_html_markdown(h, md, 2);
        g_string_append(h, "</div>\n");
        g_free(md);
    }
    g_free(src);
    return st;
}

/* ---- one snapshot ---- */

static clout_status_t snapshot_influence(cl_report_t *r, int i)
{
    int y = r->years[i];
    char name[64];
    clout_snapshot_opts_t so;
    snapshot_opts(r, y, &so);
    cl_report_progress(r, "%d: influence (%d bootstrap replicates)", y, r->o->bootstrap);
    clout_influence_opts_t io;
    influence_opts(r->o, &io);
    clout_status_t st = clout_influence(r->ds, &r->shares[i], &r->balance[i], &so, &io, r->err);
    g_snprintf(name, sizeof name, "influence-shares-%d", y);
    if (!st)
        st = cl_report_write_table(r, name, r->shares[i]);
    g_snprintf(name, sizeof name, "influence-balance-%d", y);
    if (!st)
        st = cl_report_write_table(r, name, r->balance[i]);
    return st;
}

static clout_status_t snapshot_figures(cl_report_t *r, int i)
{
    int y = r->years[i];
    char name[64], caption[256], when[16];
    cl_report_progress(r, "%d: network diagram", y);
    clout_snapshot_opts_t so;
    snapshot_opts(r, y, &so);
    clout_diagram_opts_t dopt;
    diagram_opts(r->o, &dopt);
    dopt.snap = &so;
    clout_scene_t *sc = NULL;
    clout_status_t st = clout_diagram(&r->nets[i], 1, r->ds, r->layout, &sc, &dopt, r->err);
    g_snprintf(caption, sizeof caption,
               "The network in %d: focus states coloured by the balance between the first two "
               "poles, node area by PageRank, edges coloured by layer.",
               y);
    g_snprintf(name, sizeof name, "network-%d", y);
    if (!st)
        st = cl_report_figure(r, sc, name, caption);
    clout_scene_free(sc);

    cl_report_progress(r, "%d: charts", y);
    g_snprintf(when, sizeof when, "%d", y);
    clout_chart_opts_t co;
    clout_chart_opts_init(&co);
    co.font = r->o->font;
    co.snapshot = when;
    co.names = r->names;
    co.poles = r->poles;
    char *src = source_line(r, &y, 1, 0);
    co.source = src;
    g_snprintf(name, sizeof name, "shares-%d", y);
    g_snprintf(caption, sizeof caption,
               "Direct shares in %d: the part of what each focus state depends on (trade, arms, "
               "finance, memberships, pacts, ...) that comes from each pole, its blocs and "
               "companies (all layers).",
               y);
    if (!st)
        st = chart_figure(r, clout_chart_shares, r->shares[i], &co, name, caption);
    g_free(src);
    src = source_line(r, &y, 1, r->o->bootstrap);
    co.source = src;
    g_snprintf(name, sizeof name, "balance-%d", y);
    g_snprintf(caption, sizeof caption,
               "Balance in %d with 95%% bootstrap intervals (%d replicates): -1 all the first "
               "pole, +1 all the second.",
               y, r->o->bootstrap);
    if (!st)
        st = chart_figure(r, clout_chart_balance, r->balance[i], &co, name, caption);
    g_free(src);
    return st;
}

static clout_status_t snapshot_measures(cl_report_t *r, int i)
{
    int y = r->years[i];
    char name[64];
    cl_report_progress(r, "%d: measures and communities", y);
    clout_measure_opts_t mo;
    clout_measure_opts_init(&mo);
    mo.seed = r->o->seed;
    clout_table_t *m;
    clout_status_t st = clout_measures(r->nets[i], &m, &mo, r->err);
    if (st)
        return st;
    g_snprintf(name, sizeof name, "measures-%d", y);
    st = cl_report_write_table(r, name, m);
    g_string_append(r->html, "<h3>Top actors by each measure</h3>\n");
    cl_html_top_actors(r->html, m, TOP_N);
    clout_table_free(m);
    if (st)
        return st;
    clout_community_opts_t cmo;
    community_opts(r->o, &cmo);
    clout_partition_t part;
    st = clout_communities(r->nets[i], &part, &cmo, r->err);
    if (st)
        return st;
    clout_table_t *sum;
    st = clout_partition_tables(r->nets[i], &part, &r->members[i], &sum, &cmo, NULL, r->err);
    clout_partition_destroy(&part);
    if (st)
        return st;
    g_snprintf(name, sizeof name, "communities-%d", y);
    st = cl_report_write_table(r, name, r->members[i]);
    g_snprintf(name, sizeof name, "communities-summary-%d", y);
    if (!st)
        st = cl_report_write_table(r, name, sum);
    clout_table_free(sum);
    return st;
}

clout_status_t cl_report_snapshot(cl_report_t *r, int i)
{
    g_string_append_printf(r->html, "<h2 id=\"y%d\">%d</h2>\n", r->years[i], r->years[i]);
    clout_status_t st = snapshot_influence(r, i);
    if (!st)
        st = snapshot_figures(r, i);
    if (st)
        return st;
    g_string_append(r->html, "<h3>Balance by layer</h3>\n");
    cl_html_table(r->html, r->balance[i], 0);
    return snapshot_measures(r, i);
}

/* ---- across the snapshots ---- */

static clout_status_t across_figures(cl_report_t *r)
{
    int ny = r->n_years;
    cl_report_progress(r, "small multiples");
    clout_diagram_opts_t dopt;
    diagram_opts(r->o, &dopt);
    dopt.labels = CLOUT_LABELS_FOCUS;
    clout_snapshot_opts_t so;
    snapshot_opts(r, CLOUT_NO_YEAR, &so);
    dopt.snap = &so;
    clout_scene_t *sc = NULL;
    clout_status_t st = clout_diagram(r->nets, ny, r->ds, r->layout, &sc, &dopt, r->err);
    if (!st)
        st = cl_report_figure(
            r, sc, "network-multiples",
            "The snapshots side by side, each actor in the same place in every panel.");
    clout_scene_free(sc);
    sc = NULL;
    cl_report_progress(r, "trend");
    clout_chart_opts_t co;
    clout_chart_opts_init(&co);
    co.font = r->o->font;
    co.names = r->names;
    co.poles = r->poles;
    char *src = source_line(r, r->years, ny, r->o->bootstrap);
    co.source = src;
    /* Like with like: each year's balance without what some year lacks. */
    clout_table_t **bal = g_new0(clout_table_t *, ny);
    for (int i = 0; i < ny && !st; i++) {
        clout_snapshot_opts_t so;
        snapshot_opts(r, r->years[i], &so);
        so.exclude = r->left_out;
        clout_influence_opts_t io;
        influence_opts(r->o, &io);
        clout_table_t *sh = NULL;
        st = clout_influence(r->ds, &sh, &bal[i], &so, &io, r->err);
        clout_table_free(sh);
    }
    if (!st)
        st = clout_chart_trend(bal, r->years, ny, &sc, &co, r->err);
    char *l = r->left_out ? g_strjoinv(", ", r->left_out) : g_strdup("");
    char *caption =
        *l ? g_strdup_printf("The balance of each focus state over the snapshots (all layers), "
                             "like with like: without %s, which some snapshots have no data "
                             "for.",
                             l)
           : g_strdup("The balance of each focus state over the snapshots (all layers).");
    g_free(l);
    if (!st)
        st = cl_report_figure(r, sc, "trend", caption);
    g_free(caption);
    for (int i = 0; i < ny; i++)
        clout_table_free(bal[i]);
    g_free(bal);
    clout_scene_free(sc);
    g_free(src);
    return st;
}

static clout_status_t across_diff(cl_report_t *r, int i)
{
    int ya = r->years[i], yb = r->years[i + 1];
    cl_report_progress(r, "diff %d-%d", ya, yb);
    clout_snapshot_opts_t sa, sb;
    snapshot_opts(r, ya, &sa);
    snapshot_opts(r, yb, &sb);
    clout_diff_opts_t d;
    clout_diff_opts_init(&d);
    d.permutations = r->o->permutations;
    d.seed = r->o->seed;
    d.communities.seed = r->o->seed;
    influence_opts(r->o, &d.influence);
    clout_table_t *ti = NULL, *ts = NULL;
    clout_status_t st = clout_diff_influence(r->ds, r->ds, &ti, &sa, &sb, &d, r->err);
    if (!st)
        st = clout_diff_summary(r->nets[i], r->nets[i + 1], &ts, &d, r->err);
    char name[64];
    g_snprintf(name, sizeof name, "diff-influence-%d-%d", ya, yb);
    if (!st)
        st = cl_report_write_table(r, name, ti);
    g_snprintf(name, sizeof name, "diff-summary-%d-%d", ya, yb);
    if (!st)
        st = cl_report_write_table(r, name, ts);
    if (!st) {
        g_string_append_printf(r->html, "<h3>From %d to %d</h3>\n", ya, yb);
        g_string_append(r->html, "<p>The change in balance with its 95% interval and the share of "
                                 "bootstrap replicates that agree on its sign, like with like: the "
                                 "relations that either year has no data for are left out of both "
                                 "(column left_out), so that a source that ends is not read as a "
                                 "change.</p>\n");
        cl_html_table(r->html, ti, 0);
        cl_html_table(r->html, ts, 0);
    }
    clout_table_free(ti);
    clout_table_free(ts);
    return st;
}

clout_status_t cl_report_across(cl_report_t *r)
{
    if (r->n_years < 2)
        return CLOUT_OK;
    g_string_append(r->html, "<h2 id=\"across\">Across the snapshots</h2>\n");
    clout_status_t st = across_figures(r);
    for (int i = 0; i + 1 < r->n_years && !st; i++)
        st = across_diff(r, i);
    if (!st) {
        g_string_append_printf(r->html,
                               "<h3>Communities and their stability</h3>\n<p>Leiden, %d runs "
                               "combined by consensus; stability is the share of runs that "
                               "agree with the consensus about the actor.</p>\n",
                               r->o->community_runs);
        cl_html_communities(r->html, r->ds, r->members, r->years, r->n_years);
    }
    return st;
}

/* ---- methods, the list of files, provenance ---- */

clout_status_t cl_report_methods_and_files(cl_report_t *r)
{
    GString *h = r->html;
    g_string_append(h, "<h2 id=\"methods\">Methods</h2>\n");
    cl_html_markdown(h, cl_codes_methods, 2);
    g_string_append(h, "<h2 id=\"files\">Files</h2>\n<p>Figures:</p>\n<ul>\n");
    for (guint k = 0; k < r->figures->len; k++) {
        const char *f = g_ptr_array_index(r->figures, k);
        g_string_append_printf(
            h,
            "<li>%s: <a href=\"figures/%s.pdf\">PDF</a>, "
            "<a href=\"figures/%s.svg\">SVG</a>, <a href=\"figures/%s.png\">PNG</a></li>\n",
            f, f, f, f);
    }
    g_string_append(h, "</ul>\n<p>Tables:</p>\n<ul>\n");
    for (guint k = 0; k < r->tables->len; k++) {
        const char *t = g_ptr_array_index(r->tables, k);
        g_string_append_printf(h,
                               "<li>%s: <a href=\"tables/%s.csv\">CSV</a>, "
                               "<a href=\"tables/%s.tex\">LaTeX</a></li>\n",
                               t, t, t);
    }
    g_string_append(h, "</ul>\n</body>\n</html>\n");
    return cl_report_write_text(r, "index.html", h->str);
}

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

clout_status_t cl_report_provenance(cl_report_t *r)
{
    const clout_report_opts_t *o = r->o;
    int ny = r->n_years;
    char *sha = dataset_sha256(r->dataset);
    gint64 epoch;
    GDateTime *now =
        cl_source_date(&epoch) ? g_date_time_new_from_unix_utc(epoch) : g_date_time_new_now_utc();
    char *when = g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(now);
    GString *j = g_string_new("{\n");
    g_string_append_printf(j, "  \"clout_version\": \"%s\",\n  \"command\": ", PACKAGE_VERSION);
    cl_json_string(j, o->command ? o->command : "");
    g_string_append_printf(j, ",\n  \"seed\": %lu,\n  \"dataset\": ", o->seed);
    cl_json_string(j, r->dataset);
    g_string_append_printf(j, ",\n  \"dataset_sha256\": \"%s\",\n", sha);
    g_string_append(j, "  \"snapshots\": [");
    for (int i = 0; i < ny; i++)
        g_string_append_printf(j, "%s%d", i ? ", " : "", r->years[i]);
    g_string_append_printf(j,
                           "],\n  \"time_span\": [%d, %d],\n  \"window\": %d,\n  \"bootstrap\": "
                           "%d,\n",
                           r->years[0] - o->window + 1, r->years[ny - 1], o->window, o->bootstrap);
    g_string_append_printf(j, "  \"figures\": %u,\n  \"tables\": %u,\n  \"generated\": \"%s\"\n}\n",
                           r->figures->len, r->tables->len, when);
    clout_status_t st = cl_report_write_text(r, "provenance.json", j->str);
    g_string_free(j, TRUE);
    g_free(sha);
    g_free(when);
    return st;
}
