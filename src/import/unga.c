/* unga.c: importers for UN General Assembly voting: agreement computed from the roll calls, and
 * Voeten's published agreement scores. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "import.h"

/* Voeten's convention: session 1 met in 1946, so a session's year is session + 1945. */
#define UNGA_YEAR0 1945

static const char *const ISSUES[] = {"me", "nu", "di", "hr", "co", "ec", NULL};

/* An undirected relation of the political layer whose value is the strength. */
static clout_status_t agreement_relation(clout_dataset_t *ds, const char *name, const char *source,
                                         int *rel, clout_error_t *err)
{
    clout_relation_t def;
    clout_relation_init(&def, name, "political");
    def.scale = CLOUT_SCALE_VALUE;
    def.group = "unga";
    def.source = source;
    return import_relation(ds, &def, rel, err);
}

/* The actor of a state id: COW's name where cow-states.csv has the id. */
static int state_actor(clout_dataset_t *ds, const char *iso3, const char *fallback_name)
{
    const cow_state_t *s = codes_cow_by_iso3(iso3);
    return clout_dataset_add_actor(ds, iso3, s ? s->name : fallback_name, "state");
}

/* ---- unga: agreement from the roll calls ---- */

typedef struct {
    int year;
    const char *drop;   /* why its votes are dropped, or NULL */
    bool on_issue;      /* one of its issue codes is among --issues */
    signed char *votes; /* per --actors state: 0 absent, 1 yes, 2 no, 3 abstain */
} rollcall_t;

typedef struct {
    clout_dataset_t *ds;
    const clout_import_opts_t *opts;
    import_report_t *rep;
    int n;             /* the --actors states */
    GHashTable *rc_ix; /* rcid -> index + 1 */
    GArray *rcs;       /* rollcall_t */
    int first, last;   /* the years of the roll calls read */
    long rows, kept;
} unga_t;

/* The three files, told apart by their headers. */
enum { F_VOTES, F_ROLLCALLS, F_ISSUES, N_FILES };

static int file_kind(cl_csv_t *csv)
{
    bool has[5] = {false};
    static const char *cols[] = {"rcid", "vote", "country_code", "session", "short_name"};
    for (int f = 0; f < cl_csv_n_fields(csv); f++)
        for (int k = 0; k < 5; k++)
            has[k] |= strcmp(cl_csv_field(csv, f), cols[k]) == 0;
    if (!has[0])
        return -1;
    return has[1] && has[2] ? F_VOTES : has[3] ? F_ROLLCALLS : has[4] ? F_ISSUES : -1;
}

static bool read_rollcalls(unga_t *u, cl_csv_t *csv, clout_error_t *err)
{
    int ri = import_column(csv, "rcid", true, err), si = import_column(csv, "session", true, err);
    if (ri < 0 || si < 0)
        return false;
    int r;
    while ((r = cl_csv_next(csv, err)) > 0) {
        long rcid, session;
        if (!import_field_long(csv, ri, &rcid, "rcid", err) ||
            !import_field_long(csv, si, &session, "session", err))
            return false;
        long year = session + UNGA_YEAR0;
        if (session < 1 || year > CLOUT_YEAR_MAX || rcid < 0 || rcid > G_MAXINT) {
            clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_line(csv), 1,
                            "roll call %ld of session %ld: not a roll call of a session", rcid,
                            session);
            return false;
        }
        if (g_hash_table_contains(u->rc_ix, GINT_TO_POINTER((int)rcid))) {
            clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, ri),
                            cl_csv_field_col(csv, ri),
                            "column 'rcid': roll call %ld is listed twice", rcid);
            return false;
        }
        u->rows++;
        cl_import_seen_year(&u->first, &u->last, (int)year);
        rollcall_t rc = {(int)year, NULL, false, g_new0(signed char, u->n)};
        if (!import_year_in(u->opts, rc.year, rc.year))
            rc.drop = "a roll call outside --from/--until";
        g_array_append_val(u->rcs, rc);
        g_hash_table_insert(u->rc_ix, GINT_TO_POINTER((int)rcid), GINT_TO_POINTER(u->rcs->len));
    }
    return r == 0;
}

static rollcall_t *find_rc(unga_t *u, long rcid)
{
    gpointer hit = g_hash_table_lookup(u->rc_ix, GINT_TO_POINTER((int)rcid));
    return hit ? &g_array_index(u->rcs, rollcall_t, GPOINTER_TO_INT(hit) - 1) : NULL;
}

static bool read_issues(unga_t *u, cl_csv_t *csv, clout_error_t *err)
{
    int ri = import_column(csv, "rcid", true, err),
        ii = import_column(csv, "short_name", true, err);
    if (ri < 0 || ii < 0)
        return false;
    int r;
    while ((r = cl_csv_next(csv, err)) > 0) {
        long rcid;
        if (!import_field_long(csv, ri, &rcid, "rcid", err))
            return false;
        u->rows++;
        const char *code = cl_csv_field(csv, ii);
        rollcall_t *rc = find_rc(u, rcid);
        if (!u->opts->issues) {
            report_drop(u->rep, "issue codes, not needed without --issues", 1, NULL);
        } else if (!rc) {
            report_drop(u->rep, "an issue of a roll call not in un_roll_calls", 1, NULL);
        } else if (!g_strv_contains((const char *const *)u->opts->issues, code)) {
            report_drop(u->rep, "an issue not in --issues", 1, code);
        } else {
            rc->on_issue = true;
            u->kept++;
        }
    }
    return r == 0;
}

/* A vote's state: its ISO3, or NULL (and why) when it has none. */
static const char *vote_state(cl_csv_t *csv, int ci, int ni, const char **why)
{
    const char *code = cl_csv_field(csv, ci), *country = cl_csv_field(csv, ni);
    /* R wrote a missing code as a bare NA, which reads like Namibia's code:
     * the Federal Republic of Germany, the Yemen Arab Republic and Zanzibar
     * have none. */
    if (strcmp(code, "NA") == 0 && strcmp(country, "Namibia") != 0) {
        *why = "a state without an ISO 3166 code";
        return NULL;
    }
    const iso2_t *s = codes_iso2(code);
    if (!s) {
        *why = "a country code not in src/import/codes/iso2.csv";
        return NULL;
    }
    return s->iso3;
}

static bool read_votes(unga_t *u, cl_csv_t *csv, clout_error_t *err)
{
    int ri = import_column(csv, "rcid", true, err),
        ci = import_column(csv, "country_code", true, err),
        vi = import_column(csv, "vote", true, err), ni = import_column(csv, "country", true, err);
    if (ri < 0 || ci < 0 || vi < 0 || ni < 0)
        return false;
    GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal); /* iso3 -> --actors index + 1 */
    for (int k = 0; k < u->n; k++)
        g_hash_table_insert(index, u->opts->actors[k], GINT_TO_POINTER(k + 1));
    int r;
    bool ok = true;
    while (ok && (r = cl_csv_next(csv, err)) > 0) {
        long rcid;
        if (!import_field_long(csv, ri, &rcid, "rcid", err)) {
            ok = false;
            break;
        }
        u->rows++;
        const char *vs = cl_csv_field(csv, vi), *why = NULL;
        int vote = strcmp(vs, "yes") == 0       ? 1
                   : strcmp(vs, "no") == 0      ? 2
                   : strcmp(vs, "abstain") == 0 ? 3
                                                : 0;
        if (!vote) {
            clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, vi),
                            cl_csv_field_col(csv, vi),
                            "column 'vote': '%s' is not yes, no or abstain", vs);
            ok = false;
            break;
        }
        const char *iso3 = vote_state(csv, ci, ni, &why);
        if (!iso3) {
            report_drop(u->rep, why, 1, cl_csv_field(csv, ni));
            continue;
        }
        import_known(u->rep, iso3);
        int k = GPOINTER_TO_INT(g_hash_table_lookup(index, iso3)) - 1;
        if (k < 0) {
            report_drop(u->rep, "a state outside --actors", 1, NULL);
            continue;
        }
        rollcall_t *rc = find_rc(u, rcid);
        if (!rc) {
            report_drop(u->rep, "a roll call not in un_roll_calls", 1, NULL);
            continue;
        }
        if (rc->drop) {
            report_drop(u->rep, rc->drop, 1, NULL);
            continue;
        }
        if (u->opts->issues && !rc->on_issue) {
            report_drop(u->rep, "a roll call on none of the --issues", 1, NULL);
            continue;
        }
        if (rc->votes[k]) {
            report_drop(u->rep, "a second vote of one state on one roll call (the first counts)", 1,
                        cl_csv_field(csv, ci));
            continue;
        }
        rc->votes[k] = (signed char)vote;
        u->kept++;
    }
    g_hash_table_destroy(index);
    return ok && r == 0;
}

/* The roll calls' own rows: kept, or dropped like their votes. */
static void account_rollcalls(unga_t *u)
{
    for (guint i = 0; i < u->rcs->len; i++) {
        const rollcall_t *rc = &g_array_index(u->rcs, rollcall_t, i);
        if (rc->drop)
            report_drop(u->rep, rc->drop, 1, NULL);
        else if (u->opts->issues && !rc->on_issue)
            report_drop(u->rep, "a roll call on none of the --issues", 1, NULL);
        else
            u->kept++;
    }
}

/* One tie per pair of --actors states and year: the share of the roll calls
 * both voted on (yes, no or abstain) on which they voted alike. */
static void agreement_ties(unga_t *u, int rel)
{
    int n = u->n, years = u->last - u->first + 1;
    long pairs = (long)n * n;
    long *both = g_new0(long, (size_t)years *pairs), *same = g_new0(long, (size_t)years *pairs);
    bool *voted = g_new0(bool, years); /* the years with a roll call kept */
    for (guint i = 0; i < u->rcs->len; i++) {
        const rollcall_t *rc = &g_array_index(u->rcs, rollcall_t, i);
        if (rc->drop || (u->opts->issues && !rc->on_issue))
            continue;
        voted[rc->year - u->first] = true;
        long base = (long)(rc->year - u->first) * pairs;
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n && rc->votes[a]; b++)
                if (rc->votes[b]) {
                    both[base + a * n + b]++;
                    same[base + a * n + b] += rc->votes[a] == rc->votes[b];
                }
    }
    char *list = u->opts->issues ? g_strjoinv(",", u->opts->issues) : NULL;
    char *ref = g_strdup_printf("UN General Assembly roll calls (Voeten, Strezhnev & Bailey; R "
                                "package unvotes), agreement computed by clout%s%s",
                                list ? " on issues " : "", list ? list : "");
    g_free(list);
    long added = 0, dupes = 0, none = 0;
    for (int y = 0; y < years; y++)
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) {
                long k = (long)y * pairs + a * n + b;
                const char *ida = u->opts->actors[a], *idb = u->opts->actors[b];
                if (strcmp(ida, idb) == 0)
                    continue; /* listed twice */
                if (!both[k]) {
                    none += voted[y];
                    continue;
                }
                /* an undirected tie: the ids in alphabetical order */
                if (strcmp(ida, idb) > 0) {
                    const char *t = ida;
                    ida = idb;
                    idb = t;
                }
                int year = u->first + y;
                char *note = g_strdup_printf("session %d: voted alike on %ld of the %ld roll calls "
                                             "both voted on",
                                             year - UNGA_YEAR0, same[k], both[k]);
                int sa = state_actor(u->ds, ida, ida), sb = state_actor(u->ds, idb, idb);
                if (clout_dataset_add_tie(u->ds, sa, sb, rel, (double)same[k] / both[k], year, year,
                                          ref, note))
                    added++;
                else
                    dupes++;
                g_free(note);
            }
    report_add(u->rep, "agreement ties added (one per pair of --actors states and year)", added,
               NULL);
    report_add(u->rep, "ties already present", dupes, NULL);
    report_add(u->rep,
               "pairs without a roll call both voted on, in a year with roll calls (no tie)", none,
               NULL);
    g_free(ref);
    g_free(voted);
    g_free(both);
    g_free(same);
}

clout_status_t import_unga(clout_dataset_t *ds, char *const *files, int n_files,
                           const clout_import_opts_t *opts, import_report_t *rep,
                           clout_error_t *err)
{
    if (!opts->actors)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "unga: name the states with --actors (every pair of them gets a "
                               "tie per year)");
    for (char **p = opts->issues; p && *p; p++) {
        const char *const *k = ISSUES;
        while (*k && strcmp(*k, *p) != 0)
            k++;
        if (!*k) {
            char *m = cl_unknown("issue", *p, (char *const *)ISSUES);
            clout_status_t st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "--issues: %s", m);
            g_free(m);
            return st;
        }
    }
    GBytes *bytes[N_FILES] = {NULL};
    cl_csv_t *csv[N_FILES] = {NULL};
    const char *path[N_FILES] = {NULL};
    clout_status_t st = CLOUT_OK;
    for (int i = 0; i < n_files && !st; i++) {
        GBytes *b;
        cl_csv_t *c;
        st = import_open_csv(files[i], &b, &c, err);
        if (st)
            break;
        int kind = file_kind(c);
        if (kind < 0 || csv[kind]) {
            st = kind < 0 ? clout_error_set(err, CLOUT_EDATA, files[i], 1, 1,
                                            "not a UN votes file: the header is none of "
                                            "un_votes (rcid, country_code, vote, ...), "
                                            "un_roll_calls (rcid, session, ...) and "
                                            "un_roll_call_issues (rcid, short_name, ...)")
                          : clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                            "unga: '%s' and '%s' are the same kind of file",
                                            path[kind], files[i]);
            cl_csv_close(c);
            g_bytes_unref(b);
            break;
        }
        bytes[kind] = b;
        csv[kind] = c;
        path[kind] = files[i];
    }
    if (!st && (!csv[F_VOTES] || !csv[F_ROLLCALLS]))
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                             "unga: give un_votes and un_roll_calls (and un_roll_call_issues "
                             "for --issues)");
    if (!st && opts->issues && !csv[F_ISSUES])
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                             "unga: --issues needs un_roll_call_issues among the files");
    unga_t u = {ds,
                opts,
                rep,
                (int)g_strv_length(opts->actors),
                g_hash_table_new(g_direct_hash, g_direct_equal),
                g_array_new(FALSE, FALSE, sizeof(rollcall_t)),
                0,
                0,
                0,
                0};
    int rel = -1;
    if (!st)
        st = agreement_relation(ds, "unga_agreement", "UN General Assembly roll calls", &rel, err);
    if (!st) {
        report_rows(rep, path[F_VOTES]);
        if (!read_rollcalls(&u, csv[F_ROLLCALLS], err) ||
            (csv[F_ISSUES] && !read_issues(&u, csv[F_ISSUES], err)) ||
            !read_votes(&u, csv[F_VOTES], err))
            st = clout_error_status(err);
    }
    if (!st) {
        account_rollcalls(&u);
        report_rows_done(rep, u.rows, u.kept);
        report_add(rep, "roll calls read", (long)u.rcs->len, path[F_ROLLCALLS]);
        if (u.rcs->len)
            agreement_ties(&u, rel);
        import_cover(ds, rel, opts, u.first, u.last);
    }
    for (guint i = 0; i < u.rcs->len; i++)
        g_free(g_array_index(u.rcs, rollcall_t, i).votes);
    g_array_free(u.rcs, TRUE);
    g_hash_table_destroy(u.rc_ix);
    for (int k = 0; k < N_FILES; k++) {
        if (csv[k])
            cl_csv_close(csv[k]);
        if (bytes[k])
            g_bytes_unref(bytes[k]);
    }
    return st;
}

/* ---- unga-agreement: Voeten's agreement with the United States, Russia and China ---- */

static const struct {
    const char *id, *column;
} POLES[] = {{"USA", "USAgree"}, {"RUS", "RUSSAgree"}, {"CHN", "ChinaAgree"}};
enum { N_POLES = 3 };

clout_status_t import_unga_agreement(clout_dataset_t *ds, cl_csv_t *csv, const char *path,
                                     const clout_import_opts_t *opts, import_report_t *rep,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    int ci = import_column(csv, "ccode", true, err), si = import_column(csv, "session", true, err),
        ni = import_column(csv, "NVotesAll", false, err), pc[N_POLES];
    bool use[N_POLES], any = false;
    for (int p = 0; p < N_POLES; p++) {
        if ((pc[p] = import_column(csv, POLES[p].column, true, err)) < 0)
            st = CLOUT_EDATA;
        use[p] = import_actor_in(opts, POLES[p].id);
        any |= use[p];
    }
    if (ci < 0 || si < 0)
        st = CLOUT_EDATA;
    int rel = -1;
    if (!st)
        st = agreement_relation(ds, "voeten_agreement", "Voeten agreement scores", &rel, err);
    /* "A\x1fB\x1fyear" -> the value first given, for the pairs of two poles,
     * which both poles' rows give */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    const char *ref = "Bailey, Strezhnev & Voeten (2017), UNGA agreement scores, "
                      "IdealpointestimatesAll_Jun2024 (Harvard Dataverse doi:10.7910/DVN/LEJUQZ)";
    long rows = 0, kept = 0, added = 0, dupes = 0, twice = 0, differ = 0;
    int first = 0, last = 0, r = 0;
    if (!st) {
        report_rows(rep, path);
        while ((r = cl_csv_next(csv, err)) > 0) {
            long cc, session;
            if (!import_field_long(csv, ci, &cc, "ccode", err) ||
                !import_field_long(csv, si, &session, "session", err)) {
                r = -1;
                break;
            }
            long year = session + UNGA_YEAR0;
            if (session < 1 || year > CLOUT_YEAR_MAX) {
                clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv), cl_csv_field_line(csv, si),
                                cl_csv_field_col(csv, si), "column 'session': %ld is not a session",
                                session);
                r = -1;
                break;
            }
            double v[N_POLES];
            bool has[N_POLES];
            for (int p = 0; p < N_POLES && r >= 0; p++) {
                const char *s = cl_csv_field(csv, pc[p]);
                has[p] = strcmp(s, "NA") != 0 && *s;
                if (has[p] && !(cl_parse_double(s, &v[p]) && v[p] >= 0 && v[p] <= 1)) {
                    clout_error_set(err, CLOUT_EDATA, cl_csv_display(csv),
                                    cl_csv_field_line(csv, pc[p]), cl_csv_field_col(csv, pc[p]),
                                    "column '%s': '%s' is not an agreement from 0 to 1",
                                    POLES[p].column, s);
                    r = -1;
                }
            }
            if (r < 0)
                break;
            rows++;
            cl_import_seen_year(&first, &last, (int)year);
            const cow_state_t *s = cl_import_cow_state(rep, cc);
            if (!s)
                continue;
            if (!import_actor_in(opts, s->iso3)) {
                report_drop(rep, "a state outside --actors", 1, NULL);
                continue;
            }
            if (!any) {
                report_drop(rep, "none of USA, RUS and CHN is in --actors", 1, NULL);
                continue;
            }
            if (!cl_import_keep_year(opts, rep, (int)year))
                continue;
            bool used = false;
            for (int p = 0; p < N_POLES; p++) {
                if (!use[p] || !has[p] || strcmp(s->iso3, POLES[p].id) == 0)
                    continue;
                used = true;
                const char *a = s->iso3, *b = POLES[p].id;
                if (strcmp(a, b) > 0) {
                    const char *t = a;
                    a = b;
                    b = t;
                }
                char *key = g_strdup_printf("%s\x1f%s\x1f%ld", a, b, year);
                double *prev = g_hash_table_lookup(seen, key);
                if (prev) {
                    twice++;
                    differ += *prev != v[p];
                    g_free(key);
                    continue;
                }
                g_hash_table_insert(seen, key, g_memdup2(&v[p], sizeof v[p]));
                char *note = g_strdup_printf("session %ld: %s's %s%s%s%s", session, s->iso3,
                                             POLES[p].column, ni >= 0 ? " (it voted on " : "",
                                             ni >= 0 ? cl_csv_field(csv, ni) : "",
                                             ni >= 0 ? " roll calls)" : "");
                int sa = state_actor(ds, a, a), sb = state_actor(ds, b, b);
                if (clout_dataset_add_tie(ds, sa, sb, rel, v[p], (int)year, (int)year, ref, note))
                    added++;
                else
                    dupes++;
                g_free(note);
            }
            if (used)
                kept++;
            else
                report_drop(
                    rep,
                    "no agreement value with another pole of --actors (NA, or the pole's own row)",
                    1, NULL);
        }
        if (r < 0)
            st = clout_error_status(err);
    }
    if (!st) {
        import_cover(ds, rel, opts, first, last);
        report_rows_done(rep, rows, kept);
        report_add(rep, "agreement ties added (a state and USA, RUS or CHN, per year)", added,
                   NULL);
        report_add(rep, "ties already present", dupes, NULL);
        report_add(rep, "pairs of two poles given by both rows (the first kept)", twice,
                   differ ? "some with different values" : "the same value both times");
    }
    g_hash_table_destroy(seen);
    return st;
}
