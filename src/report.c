/* report.c: the main job: one folder with every table, every figure and the page that shows them. */
#include <config.h>

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "report.h"

void clout_report_opts_init(clout_report_opts_t *o)
{
    *o = (clout_report_opts_t){.window = CLOUT_DEFAULT_WINDOW,
                               .bootstrap = 200,
                               .seed = 1,
                               .community_runs = 20,
                               .permutations = 1000,
                               .dpi = 200};
}

/* The years: as asked, else metadata.csv's snapshots, else the latest. */
static GArray *report_years(const clout_dataset_t *ds, const clout_report_opts_t *o)
{
    GArray *years = g_array_new(FALSE, FALSE, sizeof(int));
    if (o->years && o->n_years > 0) {
        g_array_append_vals(years, o->years, (guint)o->n_years);
        return years;
    }
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
    return years;
}

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

/* The poles in dataset order: the charts name the balance's ends after them. */
static char **pole_ids(const clout_dataset_t *ds)
{
    GPtrArray *a = g_ptr_array_new();
    for (int i = 0; i < clout_dataset_n_actors(ds); i++)
        if (clout_dataset_actor(ds, i)->role == CLOUT_ROLE_POLE)
            g_ptr_array_add(a, g_strdup(clout_dataset_actor(ds, i)->id));
    g_ptr_array_add(a, NULL);
    return (char **)g_ptr_array_free(a, FALSE);
}

/* The output folders, the networks of every snapshot, and one layout for all. */
static clout_status_t prepare(cl_report_t *r)
{
    static const char *sub[] = {"figures", "tables"};
    for (int k = 0; k < 2; k++) {
        char *p = g_build_filename(r->dir, sub[k], NULL);
        int rc = g_mkdir_with_parents(p, 0777);
        clout_status_t st = CLOUT_OK;
        if (rc != 0)
            st = clout_error_set(r->err, CLOUT_EFAIL, p, 0, 0, "cannot create the folder: %s",
                                 g_strerror(errno));
        g_free(p);
        if (st)
            return st;
    }
    for (int i = 0; i < r->n_years; i++) {
        clout_snapshot_opts_t so;
        clout_snapshot_opts_init(&so);
        so.year = r->years[i];
        so.window = r->o->window;
        so.carry_forward = r->o->carry_forward;
        so.half_life = r->o->half_life;
        clout_status_t st = clout_snapshot(r->ds, &r->nets[i], &so, r->err);
        if (st)
            return st;
    }
    clout_snapshot_opts_t so;
    clout_snapshot_opts_init(&so);
    so.window = r->o->window;
    so.carry_forward = r->o->carry_forward;
    so.half_life = r->o->half_life;
    r->left_out = clout_snapshots_like_with_like(r->ds, r->years, r->n_years, &so);
    cl_report_progress(r, "layout of %d snapshots", r->n_years);
    clout_layout_opts_t lo;
    clout_layout_opts_init(&lo);
    lo.seed = r->o->seed;
    lo.ds = r->ds;
    return clout_layout_compute(r->nets, r->n_years, &r->layout, &lo, r->err);
}

static void report_release(cl_report_t *r)
{
    for (int i = 0; i < r->n_years; i++) {
        clout_network_free(r->nets[i]);
        clout_table_free(r->balance[i]);
        clout_table_free(r->shares[i]);
        clout_table_free(r->members[i]);
    }
    g_free(r->nets);
    g_free(r->balance);
    g_free(r->shares);
    g_free(r->members);
    clout_layout_free(r->layout);
    g_strfreev(r->names);
    g_strfreev(r->poles);
    g_strfreev(r->left_out);
    g_string_free(r->html, TRUE);
    g_ptr_array_free(r->figures, TRUE);
    g_ptr_array_free(r->tables, TRUE);
    clout_dataset_free(r->ds);
}

clout_status_t clout_report(const char *dataset, const char *dir, const clout_report_opts_t *o,
                            clout_error_t *err)
{
    clout_init();
    /* Before any work: every figure is drawn in this font. */
    clout_status_t st = clout_font_check(o->font, err);
    if (st)
        return st;
    clout_dataset_t *ds;
    st = clout_dataset_load(&ds, dataset, err);
    if (st)
        return st;
    GArray *years = report_years(ds, o);
    int ny = (int)years->len;
    cl_report_t r = {.dir = dir,
                     .dataset = dataset,
                     .o = o,
                     .err = err,
                     .ds = ds,
                     .n_years = ny,
                     .years = (const int *)years->data,
                     .nets = g_new0(clout_network_t *, ny),
                     .names = actor_names(ds),
                     .poles = pole_ids(ds),
                     .shares = g_new0(clout_table_t *, ny),
                     .balance = g_new0(clout_table_t *, ny),
                     .members = g_new0(clout_table_t *, ny),
                     .html = g_string_new(NULL),
                     .figures = g_ptr_array_new_with_free_func(g_free),
                     .tables = g_ptr_array_new_with_free_func(g_free)};
    /* The page, section by section (report-sections.c). */
    st = prepare(&r);
    if (!st)
        st = cl_report_head(&r);
    if (!st)
        st = cl_report_coverage_statement(&r);
    if (!st)
        st = cl_report_findings(&r);
    if (!st)
        st = cl_report_coverage(&r);
    for (int i = 0; i < ny && !st; i++)
        st = cl_report_snapshot(&r, i);
    if (!st)
        st = cl_report_across(&r);
    if (!st)
        st = cl_report_methods_and_files(&r);
    if (!st)
        st = cl_report_provenance(&r);
    report_release(&r);
    g_array_free(years, TRUE);
    return st;
}
