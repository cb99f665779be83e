/* report.h: what the parts of clout_report share (report.c builds the page from the
 * sections of report-sections.c with the HTML helpers of report-html.c).  Not installed. */
#ifndef CL_REPORT_INTERNAL_H
#define CL_REPORT_INTERNAL_H

#include "internal.h"

/* One report being written. */
typedef struct {
    const char *dir;              /* the output folder */
    const char *dataset;          /* the dataset folder, as given */
    const clout_report_opts_t *o; /* the options, defaults filled in */
    clout_error_t *err;
    clout_dataset_t *ds;
    int n_years;
    const int *years;       /* the snapshots, in order */
    clout_network_t **nets; /* one per snapshot */
    clout_layout_t *layout; /* one for every snapshot */
    char **names;           /* "id", "name", ... for the charts */
    char **poles;           /* the poles in dataset order */
    clout_table_t **shares; /* per snapshot: clout_influence's tables */
    clout_table_t **balance;
    clout_table_t **members; /* per snapshot: communities */
    char **left_out;         /* relations some snapshot has no data for */
    GString *html;           /* the page */
    GPtrArray *figures;      /* names of the figures in the page */
    GPtrArray *tables;       /* names of the tables written under tables/ */
    int fig_no;
} cl_report_t;

/* ---- report-html.c ---- */
/* s, escaped for HTML text and attributes. */
void cl_html_escape(GString *h, const char *s);
/* One cell as the page shows it: text escaped, numbers with 3 decimals
 * (whole numbers without), NaN empty. */
void cl_html_cell(GString *h, const clout_table_t *t, int row, int col);
/* A table with its column names as header, at most max_rows rows (0: all). */
void cl_html_table(GString *h, const clout_table_t *t, int max_rows);
/* A small subset of Markdown as HTML (headings shifted by heading_shift). */
void cl_html_markdown(GString *h, const char *md, int heading_shift);
/* The top n actors (by the column "name") of each measure column of a
 * clout_measures table: columns found by name (clout_measure_names), so
 * other columns, wherever they stand, change nothing. */
void cl_html_top_actors(GString *h, const clout_table_t *measures, int n);
/* A table of the actors' communities and stability per snapshot, read by
 * the columns "id", "community" and "stability" of each members table. */
void cl_html_communities(GString *h, const clout_dataset_t *ds, clout_table_t *const *members,
                         const int *years, int n);

/* ---- report-sections.c ---- */
void cl_report_progress(cl_report_t *r, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
clout_status_t cl_report_head(cl_report_t *r);
/* What each snapshot covers, said first; the findings; then the coverage
 * table and the sources. */
clout_status_t cl_report_coverage_statement(cl_report_t *r);
clout_status_t cl_report_coverage(cl_report_t *r);
clout_status_t cl_report_findings(cl_report_t *r);
clout_status_t cl_report_snapshot(cl_report_t *r, int i);
clout_status_t cl_report_across(cl_report_t *r);
clout_status_t cl_report_methods_and_files(cl_report_t *r);
clout_status_t cl_report_provenance(cl_report_t *r);

/* The report's files: text, a table as CSV (spreadsheet-safe) and LaTeX
 * (tables/NAME.csv and .tex; r->tables gets NAME), a figure in
 * PDF, SVG and PNG shown in the page with its caption. */
clout_status_t cl_report_write_text(cl_report_t *r, const char *rel, const char *text);
clout_status_t cl_report_write_table(cl_report_t *r, const char *name, const clout_table_t *t);
clout_status_t cl_report_figure(cl_report_t *r, clout_scene_t *s, const char *name,
                                const char *caption);

#endif
