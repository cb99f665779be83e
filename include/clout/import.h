/* clout/import.h: importers: standard datasets as their maintainers publish them (part of the public API, see clout.h). */
#ifndef CLOUT_IMPORT_H
#define CLOUT_IMPORT_H

#include <clout/dataset.h>
#include <clout/table.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Importers: standard datasets as their maintainers publish them
 * ------------------------------------------------------------------------- */
/* What clout_import keeps; clout_import_opts_init gives the defaults.  The
 * lists are the caller's. */
typedef struct {
    /* keep only ties whose ends (states) are all listed; NULL = all.  A code
     * that is neither in the files read nor in the source's code tables is
     * CLOUT_EUSAGE, naming it (and the nearest codes). */
    char **actors;
    char **igos;  /* cow-igo: these IGO columns; NULL = every one in the code table */
    int from, to; /* keep ties that overlap these years; CLOUT_NO_YEAR = no limit */
    /* imf-dots: which of the two reports of a flow to use: the importer's
     * (CIF) else the exporter's mirror report (the default), the other way
     * round, the larger, or their mean (doc/methods.md, Importers). */
    enum {
        CLOUT_PREFER_IMPORTER = 0,
        CLOUT_PREFER_EXPORTER,
        CLOUT_PREFER_MAX,
        CLOUT_PREFER_MEAN
    } prefer;
    bool unadjusted; /* gcdf: AidData's amounts, not its adjusted amounts (the default) */
    char **classes;  /* gcdf: some of "oda", "oof", "vague"; NULL = all three */
    char **issues;   /* unga: roll calls on these issues (me, nu, di, hr, co, ec); NULL = all */
} clout_import_opts_t;

/* The defaults: every actor, every IGO of the code table, every year, the
 * importer's report, adjusted amounts of every class, every roll call. */
void clout_import_opts_init(clout_import_opts_t *o);

/* The sources clout_import() knows, NULL-terminated: "cow-igo", "atop",
 * "cow-alliance", "cow-trade", "sipri", "imf-dots", "gcdf", "unga" (the three
 * UN votes files at once), "unga-agreement" and "clout" (another dataset
 * folder). */
extern const char *const clout_import_sources[];

/* Reads the n_files files of one source (a name of clout_import_sources)
 * and adds their actors, relations and ties to ds (ties already there are
 * not added twice).  *report receives a table of what was read, added and
 * skipped, with reasons; the caller frees it.  Errors: CLOUT_EDATA, with
 * file, line and column, for a file that is not what the source expects;
 * CLOUT_EUSAGE for an unknown source, a wrong number of files or an
 * unknown code in opts->actors.  Time: linear in the files' sizes. */
clout_status_t clout_import(clout_dataset_t *ds, const char *source, char *const *files,
                            int n_files, clout_table_t **report, const clout_import_opts_t *opts,
                            clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
