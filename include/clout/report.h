/* clout/report.h: the report of a dataset (part of the public API, see clout.h). */
#ifndef CLOUT_REPORT_H
#define CLOUT_REPORT_H

#include <clout/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- The report (report.c) ---- */

/* What clout_report analyses; clout_report_opts_init gives the defaults. */
typedef struct {
    const int *years; /* the snapshots; NULL: the dataset's metadata.csv
                           "snapshots", else its latest year */
    int n_years;
    int window;        /* years of flows summed into each snapshot */
    int carry_forward; /* see clout_snapshot_opts_t; 0: never */
    double half_life;  /* see clout_snapshot_opts_t; 0: no decay */
    int bootstrap;     /* replicates for the intervals */
    int jobs;          /* processes for the bootstrap; 0 = the cores */
    unsigned long seed;
    int community_runs;  /* Leiden runs combined by consensus */
    int permutations;    /* QAP permutations of the diffs */
    double dpi;          /* PNG figures */
    const char *font;    /* the font family of every figure's text (clout_font_check);
                            NULL: DejaVu Sans */
    bool scenes;         /* also figures/NAME.scene: each figure's scene dump
                            (clout_scene_dump), for tests of the figures */
    const char *command; /* the command line, for provenance.json */
    void (*on_progress)(const char *what, void *data);
    void *progress_data;
} clout_report_opts_t;

/* The defaults: metadata.csv's snapshots, the default window, 200
 * bootstrap replicates on every core, seed 1, 20 community runs, 1000 QAP
 * permutations, PNG at 200 dpi, the default font, no command line, no
 * progress. */
void clout_report_opts_init(clout_report_opts_t *o);

/* Writes the report of the dataset in folder dataset into dir (created if
 * missing): index.html (one self-contained page), figures/ (PDF, SVG, PNG),
 * tables/ (CSV) and provenance.json.  The same inputs give the same bytes,
 * but for provenance.json's "generated" (SOURCE_DATE_EPOCH when set).
 * Errors: CLOUT_EUSAGE for an unknown font (clout_font_check), before any
 * work; those of clout_dataset_load and of the analyses (influence,
 * measures, communities, diffs); CLOUT_EFAIL when a file cannot be
 * written.  Time: dominated by the bootstrap, (1 + opts->bootstrap)
 * snapshots per year. */
clout_status_t clout_report(const char *dataset, const char *dir, const clout_report_opts_t *opts,
                            clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
