/* influence.c: each pole's influence on each focus actor (DESIGN.md section 4), bootstrapped. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "influence.h"

static size_t n_direct(const plan_t *pl)
{
    return (size_t)pl->n_layers * pl->n_focus * (pl->n_poles + 1);
}

static size_t n_reach(const plan_t *pl)
{
    return (size_t)pl->n_layers * pl->n_focus * pl->n_poles;
}

/* The index I(p,f): the mean of direct share and reach (doc/methods.md). */
static double index_of(double direct, double reach)
{
    return 0.5 * direct + 0.5 * reach;
}

static igraph_integer_t vertex_of(const igraph_t *g, const char *id)
{
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        if (strcmp(VAS(g, "id", v), id) == 0)
            return v;
    return -1;
}

/* ---- the plan ---- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static clout_status_t resolve_actors(const clout_dataset_t *ds, char **ids, clout_role_t role,
                                     const char *what, int **out, int *n, clout_error_t *err)
{
    GArray *a = g_array_new(FALSE, FALSE, sizeof(int));
    if (ids) {
        for (char **p = ids; *p; p++) {
            int i = clout_dataset_find_actor(ds, *p);
            if (i < 0) {
                g_array_free(a, TRUE);
                int na = clout_dataset_n_actors(ds);
                const char **valid = g_new0(const char *, na + 1);
                for (int k = 0; k < na; k++)
                    valid[k] = clout_dataset_actor(ds, k)->id;
                char *m = cl_unknown("actor", *p, (char *const *)valid);
                g_free(valid);
                clout_status_t st =
                    clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "--%s: %s", what, m);
                g_free(m);
                return st;
            }
            g_array_append_val(a, i);
        }
    } else {
        for (int i = 0; i < clout_dataset_n_actors(ds); i++)
            if (clout_dataset_actor(ds, i)->role == role)
                g_array_append_val(a, i);
    }
    *n = (int)a->len;
    *out = (int *)g_array_free(a, FALSE);
    if (*n == 0)
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "no %s actor: give --%s, or a role of '%s' in actors.csv",
                               role == CLOUT_ROLE_POLE ? "pole" : "focus", what,
                               role == CLOUT_ROLE_POLE ? "pole" : "focus");
    return CLOUT_OK;
}

static clout_status_t plan_init(plan_t *pl, const clout_dataset_t *ds,
                                const clout_snapshot_opts_t *snap, const clout_influence_opts_t *o,
                                clout_error_t *err)
{
    memset(pl, 0, sizeof *pl);
    if (o->align_runs < 1 || o->bootstrap < 0 || !(o->noise >= 0) || !isfinite(o->noise))
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "influence options out of range: %d alignment runs (1 or more), "
                               "%d bootstrap replicates (0 or more), noise %g (0 or more)",
                               o->align_runs, o->bootstrap, o->noise);
    pl->ds = ds;
    pl->snap = *snap;
    if (!pl->snap.year)
        pl->snap.year = clout_snapshot_default_year(ds, snap);
    clout_status_t sy = cl_snapshot_check_year(ds, pl->snap.year, &pl->snap, err);
    if (sy)
        return sy;
    clout_status_t st =
        resolve_actors(ds, o->poles, CLOUT_ROLE_POLE, "poles", &pl->pole, &pl->n_poles, err);
    if (!st)
        st = resolve_actors(ds, o->focus, CLOUT_ROLE_FOCUS, "focus", &pl->focus, &pl->n_focus, err);
    if (st)
        return st;
    pl->pole_of = g_new(int, MAX(clout_dataset_n_actors(ds), 1));
    for (int a = 0; a < clout_dataset_n_actors(ds); a++)
        pl->pole_of[a] = -1;
    for (int p = 0; p < pl->n_poles; p++)
        pl->pole_of[pl->pole[p]] = p;
    /* Layers: those of the selected relations, sorted, then "all".  The
     * indices of one layer do not depend on the others, so "all" alone
     * gives the same values as in the full plan. */
    GPtrArray *ls = g_ptr_array_new();
    GHashTable *seen_layers = g_hash_table_new(g_str_hash, g_str_equal);
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        bool keep = true;
        if (snap->layers) {
            keep = false;
            for (char **p = snap->layers; *p; p++)
                keep |= strcmp(*p, rel->layer) == 0;
        }
        if (snap->relations) {
            bool k2 = false;
            for (char **p = snap->relations; *p; p++)
                k2 |= strcmp(*p, rel->name) == 0 || (*rel->group && strcmp(*p, rel->group) == 0);
            keep &= k2;
        }
        if (keep && !o->all_only && !g_hash_table_contains(seen_layers, rel->layer)) {
            g_hash_table_add(seen_layers, (gpointer)rel->layer);
            g_ptr_array_add(ls, g_strdup(rel->layer));
        }
    }
    g_hash_table_destroy(seen_layers);
    g_ptr_array_sort(ls, cmp_str);
    g_ptr_array_add(ls, g_strdup("all"));
    pl->n_layers = (int)ls->len;
    g_ptr_array_add(ls, NULL);
    pl->layers = (char **)g_ptr_array_free(ls, FALSE);
    return CLOUT_OK;
}

static void plan_free(plan_t *pl)
{
    g_free(pl->pole_of);
    g_free(pl->pole);
    g_free(pl->focus);
    g_strfreev(pl->layers);
}

/* Whether any selected relation of layer l has data in the snapshot's years. */
static bool layer_covered(const plan_t *pl, int l)
{
    clout_snapshot_opts_t o = pl->snap;
    char *one[2] = {pl->layers[l], NULL};
    if (l < pl->n_layers - 1)
        o.layers = one;
    clout_error_t *scratch = clout_error_new(1);
    bool ok = cl_snapshot_check_year(pl->ds, o.year, &o, scratch) == CLOUT_OK;
    clout_error_free(scratch);
    return ok;
}

/* The network of layer l from the given ties. */
static clout_status_t layer_network(const plan_t *pl, int l, const clout_tie_t *ties, long nt,
                                    clout_network_t **net, clout_error_t *err)
{
    clout_snapshot_opts_t o = pl->snap;
    char *one[2] = {pl->layers[l], NULL};
    if (l < pl->n_layers - 1)
        o.layers = one; /* "all" keeps the user's own filter */
    return cl_snapshot_of_ties(net, pl->ds, ties, nt, &o, err);
}

/* ---- direct share and reach ---- */

/* Direct share and reach for every layer, from the given ties: one
 * snapshot's dependences, read layer by layer (influence-model.c). */
static clout_status_t compute_indices(const plan_t *pl, const clout_tie_t *ties, long nt,
                                      indices_t *x, clout_error_t *err)
{
    cl_deps_t d;
    clout_status_t st = cl_deps_compute(pl->ds, ties, nt, &pl->snap, pl->snap.year, &d, err);
    if (!st)
        cl_model_indices(pl, &d, x);
    cl_deps_release(&d);
    return st;
}

/* ---- brokerage and alignment (on the data only) ---- */

/* Brokerage K(p): the share of shortest paths between focus actors that pass
 * through p, over all ordered (directed) or unordered (undirected) pairs. */
static clout_status_t brokerage(const plan_t *pl, const igraph_t *g, double *k, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    for (int p = 0; p < pl->n_poles; p++)
        k[p] = NAN;
    igraph_vector_int_t fv = {0};
    igraph_vector_t len = {0}, res = {0};
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&fv, 0), "brokerage");
    for (int f = 0; f < pl->n_focus; f++) {
        igraph_integer_t v = vertex_of(g, clout_dataset_actor(pl->ds, pl->focus[f])->id);
        if (v >= 0)
            CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&fv, v), "brokerage");
    }
    igraph_integer_t nf = igraph_vector_int_size(&fv);
    if (nf < 2 || igraph_ecount(g) == 0)
        goto out;
    /* Path lengths are 1 / weight: a strong tie is a short one. */
    CLOUT_IGRAPH_TRY(igraph_vector_init(&len, igraph_ecount(g)), "brokerage");
    CLOUT_IGRAPH_TRY(igraph_vector_init(&res, 0), "brokerage");
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
        VECTOR(len)[e] = 1.0 / EAN(g, "weight", e);
    CLOUT_IGRAPH_TRY(igraph_betweenness_subset(g, &res, igraph_vss_all(), true,
                                               igraph_vss_vector(&fv), igraph_vss_vector(&fv),
                                               &len),
                     "brokerage");
    double pairs = igraph_is_directed(g) ? (double)nf * (nf - 1) : (double)nf * (nf - 1) / 2;
    for (int p = 0; p < pl->n_poles; p++) {
        igraph_integer_t v = vertex_of(g, clout_dataset_actor(pl->ds, pl->pole[p])->id);
        if (v >= 0)
            k[p] = VECTOR(res)[v] / pairs;
    }
out:
    igraph_vector_destroy(&len);
    igraph_vector_destroy(&res);
    igraph_vector_int_destroy(&fv);
    return st;
}

/* Alignment A(p,f): the share of community-detection runs (Leiden,
 * modularity, seeds seed..seed+runs-1) that put f in p's community. */
static clout_status_t alignment(const plan_t *pl, const clout_network_t *net, int runs,
                                unsigned long seed, double *a, clout_error_t *err)
{
    int np = pl->n_poles, nf = pl->n_focus;
    const igraph_t *g = &net->graph;
    igraph_integer_t *vp = g_new(igraph_integer_t, np), *vf = g_new(igraph_integer_t, nf);
    for (int p = 0; p < np; p++)
        vp[p] = vertex_of(g, clout_dataset_actor(pl->ds, pl->pole[p])->id);
    for (int f = 0; f < nf; f++)
        vf[f] = vertex_of(g, clout_dataset_actor(pl->ds, pl->focus[f])->id);
    int *same = g_new0(int, (size_t)np *nf);
    clout_status_t st = CLOUT_OK;
    bool any = igraph_ecount(g) > 0;
    for (int r = 0; r < runs && any && !st; r++) {
        clout_community_opts_t co;
        clout_community_opts_init(&co);
        co.seed = seed + (unsigned long)r;
        clout_partition_t part;
        st = clout_communities(net, &part, &co, err);
        if (st)
            break;
        for (int p = 0; p < np; p++)
            for (int f = 0; f < nf; f++)
                if (vp[p] >= 0 && vf[f] >= 0 &&
                    VECTOR(part.membership)[vp[p]] == VECTOR(part.membership)[vf[f]])
                    same[(size_t)f * np + p]++;
        clout_partition_destroy(&part);
    }
    for (int p = 0; p < np; p++)
        for (int f = 0; f < nf; f++)
            a[(size_t)f * np + p] =
                (vp[p] >= 0 && vf[f] >= 0 && any) ? (double)same[(size_t)f * np + p] / runs : NAN;
    g_free(vp);
    g_free(vf);
    g_free(same);
    return st;
}

/* ---- the bootstrap ---- */

/* What the bootstrap resamples (doc/methods.md, "Uncertainty"): for each
 * flow or event relation, the years of the window its source covers, each
 * year with all its ties (the world totals of that year among them);
 * state ties are held as they are. */
typedef struct {
    int n_rel;
    GPtrArray *fixed;     /* state ties, and ties of relations not resampled */
    int *first, *n_years; /* [relation]: the covered years of the window; n_years 0: fixed */
    GPtrArray ***year;    /* [relation][k]: the ties of year first + k */
} pool_t;

/* A tie moved from its own year to the year `to` (a resampled slot). */
static clout_tie_t moved_tie(const clout_tie_t *t, int to)
{
    clout_tie_t c = *t;
    if (c.end == c.start)
        c.end = to;
    c.start = to;
    return c;
}

/* One replicate: every resampled relation's n years drawn with replacement
 * from its n covered years, each drawn year's ties (totals included)
 * moved to the slot's year, flows multiplied by exp(noise * Z), Z a
 * standard normal; state ties as they are.  The draws come from a
 * generator of the replicate's own (igraph's PCG32, not its global default
 * one) seeded from (seed, replicate) alone, so the result does not depend
 * on which worker computes which replicate, nor on what else drew random
 * numbers before. */
static clout_status_t replicate_ties(const plan_t *pl, const pool_t *pool, unsigned long seed,
                                     int rep, double noise, clout_tie_t **ties_out, long *n_out,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    *ties_out = NULL;
    *n_out = 0;
    igraph_rng_t rng;
    bool have_rng = false;
    CLOUT_IGRAPH_TRY(igraph_rng_init(&rng, &igraph_rngtype_pcg32), "bootstrap");
    have_rng = true;
    /* PCG32 takes the seed as its stream number, of 63 bits: the 32 of the
     * seed above the 31 of the replicate, so that no two (seed, replicate)
     * pairs share a stream. */
    G_STATIC_ASSERT(sizeof(igraph_uint_t) >= 8);
    CLOUT_IGRAPH_TRY(
        igraph_rng_seed(&rng, ((igraph_uint_t)(guint32)seed << 31) | (igraph_uint_t)rep),
        "bootstrap");
    GArray *out = g_array_new(FALSE, FALSE, sizeof(clout_tie_t));
    for (guint i = 0; i < pool->fixed->len; i++)
        g_array_append_val(out, *(const clout_tie_t *)g_ptr_array_index(pool->fixed, i));
    for (int r = 0; r < pool->n_rel; r++) {
        int n = pool->n_years[r];
        bool flow = clout_dataset_relation(pl->ds, r)->mode == CLOUT_MODE_FLOW;
        for (int k = 0; k < n; k++) {
            GPtrArray *drawn = pool->year[r][igraph_rng_get_integer(&rng, 0, n - 1)];
            for (guint i = 0; i < drawn->len; i++) {
                clout_tie_t t = moved_tie(g_ptr_array_index(drawn, i), pool->first[r] + k);
                if (flow && noise > 0)
                    t.value *= exp(noise * igraph_rng_get_normal(&rng, 0, 1));
                g_array_append_val(out, t);
            }
        }
    }
    *n_out = (long)out->len;
    *ties_out = (clout_tie_t *)(void *)g_array_free(out, FALSE);
out:
    if (have_rng)
        igraph_rng_destroy(&rng);
    return st;
}

/* The jackknife unit (r, k) of the acceleration: relation r without its
 * year first + k, its other years' values times n / (n - 1) so that the
 * window keeps its size; everything else as it is. */
static clout_tie_t *jackknife_ties(const pool_t *pool, int r, int k, long *n_out)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(clout_tie_t));
    for (guint i = 0; i < pool->fixed->len; i++)
        g_array_append_val(out, *(const clout_tie_t *)g_ptr_array_index(pool->fixed, i));
    for (int q = 0; q < pool->n_rel; q++)
        for (int y = 0; y < pool->n_years[q]; y++) {
            if (q == r && y == k)
                continue;
            GPtrArray *a = pool->year[q][y];
            for (guint i = 0; i < a->len; i++) {
                clout_tie_t t = *(const clout_tie_t *)g_ptr_array_index(a, i);
                if (q == r)
                    t.value *= (double)pool->n_years[r] / (pool->n_years[r] - 1);
                g_array_append_val(out, t);
            }
        }
    *n_out = (long)out->len;
    return (clout_tie_t *)(void *)g_array_free(out, FALSE);
}

/* The replicates are shared out in chunks from a counter in memory that
 * the parent and its workers share (an anonymous shared mapping): whichever
 * process is free takes the next chunk, and writes each replicate's values
 * into the replicate's own row of a table in the same mapping.  A
 * replicate's values depend on (seed, replicate) alone, so the table does
 * not depend on -j or on which process computed which row.  igraph in
 * Debian is not thread-safe, so the workers are processes (fork).
 *
 * The parent starts the workers first, then computes the data's own
 * indices, brokerage and alignment while they run, then joins them in the
 * replicates: nothing but the percentiles is left serial.  With -j N
 * there are N - 1 workers besides the parent. */
typedef struct {
    gint next;   /* the first replicate no process has taken */
    gint done;   /* replicates finished */
    gint failed; /* a worker met an error; its message follows */
    char message[512];
} boot_head_t;

typedef struct {
    const plan_t *pl;
    const pool_t *pool;
    const clout_influence_opts_t *o;
    int n, chunk, jobs;
    size_t width;
    void *map; /* the shared mapping (jobs > 1), else NULL */
    size_t map_size;
    boot_head_t *head;
    double *rows; /* [rep][width] */
    pid_t *pid;
    int n_pid;
    int reported; /* progress: the last count passed to on_progress */
} boot_t;

/* Takes chunks until none are left; the parent (progress) reports each
 * replicate finished by anyone as it finishes its own. */
static clout_status_t boot_work(boot_t *b, bool progress, clout_error_t *err)
{
    size_t nd = n_direct(b->pl);
    clout_status_t st = CLOUT_OK;
    while (!st && !g_atomic_int_get(&b->head->failed)) {
        int lo = g_atomic_int_add(&b->head->next, b->chunk);
        if (lo >= b->n)
            break;
        int hi = MIN(b->n, lo + b->chunk);
        for (int rep = lo; rep < hi && !st; rep++) {
            long nt;
            clout_tie_t *ties;
            st = replicate_ties(b->pl, b->pool, b->o->seed, rep, b->o->noise, &ties, &nt, err);
            if (st)
                break;
            double *row = b->rows + (size_t)rep * b->width;
            indices_t x = {row, row + nd};
            st = compute_indices(b->pl, ties, nt, &x, err);
            g_free(ties);
            if (st)
                break;
            int done = g_atomic_int_add(&b->head->done, 1) + 1;
            if (progress && b->o->on_progress && done > b->reported) {
                b->reported = done;
                b->o->on_progress(done, b->n, b->o->progress_data);
            }
        }
    }
    return st;
}

/* Sets up the table and starts the workers, which begin at once. */
static clout_status_t boot_start(boot_t *b, const plan_t *pl, const pool_t *pool,
                                 const clout_influence_opts_t *o, size_t width, clout_error_t *err)
{
    memset(b, 0, sizeof *b);
    b->pl = pl;
    b->pool = pool;
    b->o = o;
    b->n = o->bootstrap;
    b->width = width;
    int jobs = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    b->jobs = CLAMP(jobs, 1, MAX(b->n, 1));
    /* Chunks small enough to even out the processes' ends (the parent
     * starts late), large enough that taking one costs nothing. */
    b->chunk = MAX(1, b->n / (b->jobs * 16));
    size_t rows = (size_t)b->n * width * sizeof(double);
    if (b->jobs == 1) {
        b->head = g_new0(boot_head_t, 1);
        b->rows = g_malloc(MAX(rows, 1));
        return CLOUT_OK;
    }
    size_t head = (sizeof(boot_head_t) + 63) / 64 * 64;
    b->map_size = head + rows;
    b->map = mmap(NULL, b->map_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (b->map == MAP_FAILED) {
        b->map = NULL;
        return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                               "cannot map %zu bytes for the bootstrap: %s", b->map_size,
                               g_strerror(errno));
    }
    b->head = b->map; /* zero-filled */
    b->rows = (double *)(void *)((char *)b->map + head);
    b->pid = g_new0(pid_t, b->jobs - 1);
    fflush(NULL); /* nothing buffered may be written twice */
    for (int j = 0; j < b->jobs - 1; j++) {
        pid_t pid = fork();
        if (pid == 0) {
            clout_error_t *e2 = clout_error_new(1);
            clout_status_t s2 = boot_work(b, false, e2);
            if (s2) {
                const char *m = clout_error_count(e2) > 0 ? clout_error_message(e2, 0) : NULL;
                g_strlcpy(b->head->message, m ? m : "a bootstrap worker failed",
                          sizeof b->head->message);
                g_atomic_int_set(&b->head->failed, 1);
            }
            /* A worker leaves at once: the parent's atexit handlers and
             * stdio buffers are not its to run. */
            _exit(s2 == CLOUT_OK ? 0 : 1);
        }
        if (pid < 0)
            return clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "cannot start a worker: %s",
                                   g_strerror(errno));
        b->pid[b->n_pid++] = pid;
    }
    return CLOUT_OK;
}

/* Waits for the workers; with stop, first makes them stop early. */
static clout_status_t boot_wait(boot_t *b, bool stop, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    if (stop && b->head)
        g_atomic_int_set(&b->head->failed, 1);
    for (int j = 0; j < b->n_pid; j++) {
        int status = 0;
        while (waitpid(b->pid[j], &status, 0) < 0 && errno == EINTR)
            ;
        if (!stop && !st && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
            if (WIFEXITED(status) && g_atomic_int_get(&b->head->failed))
                st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "%s", b->head->message);
            else
                st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                                     "a bootstrap worker failed (exit status %d)",
                                     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        }
    }
    b->n_pid = 0;
    return st;
}

/* Joins the workers until every replicate is done, then copies the table
 * into out ([rep][width]). */
static clout_status_t boot_finish(boot_t *b, double *out, clout_error_t *err)
{
    clout_status_t st = boot_work(b, true, err);
    clout_status_t sw = boot_wait(b, st != CLOUT_OK, err);
    if (!st)
        st = sw;
    if (!st && g_atomic_int_get(&b->head->done) != b->n)
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0,
                             "the bootstrap workers returned %d of %d replicates",
                             g_atomic_int_get(&b->head->done), b->n);
    if (!st && b->o->on_progress && b->reported < b->n)
        b->o->on_progress(b->n, b->n, b->o->progress_data);
    if (!st)
        memcpy(out, b->rows, (size_t)b->n * b->width * sizeof(double));
    return st;
}

/* Frees what boot_start made; stops and waits for workers still running. */
static void boot_release(boot_t *b)
{
    if (b->n_pid)
        boot_wait(b, true, NULL);
    if (b->map)
        munmap(b->map, b->map_size);
    else if (b->head) {
        g_free(b->head);
        g_free(b->rows);
    }
    g_free(b->pid);
    memset(b, 0, sizeof *b);
}

/* The pool of the snapshot's ties (those that count: in the years the
 * source covers, or carried forward), by relation and year. */
static void pool_init(pool_t *pool, const plan_t *pl, const clout_tie_t *ties, long nt)
{
    const clout_dataset_t *ds = pl->ds;
    int n_rel = clout_dataset_n_relations(ds);
    pool->n_rel = n_rel;
    pool->fixed = g_ptr_array_new();
    pool->first = g_new0(int, MAX(n_rel, 1));
    pool->n_years = g_new0(int, MAX(n_rel, 1));
    pool->year = g_new0(GPtrArray **, MAX(n_rel, 1));
    int *last = g_new0(int, MAX(n_rel, 1));
    for (int r = 0; r < n_rel; r++) {
        if (cl_member_years(ds, r, pl->snap.year, pl->snap.window, pl->snap.carry_forward,
                            &pool->first[r], &last[r]) == CL_COVER_NONE)
            pool->first[r] = last[r] = 0;
        if (last[r] && clout_dataset_relation(ds, r)->mode != CLOUT_MODE_STATE) {
            pool->n_years[r] = last[r] - pool->first[r] + 1;
            pool->year[r] = g_new(GPtrArray *, pool->n_years[r]);
            for (int k = 0; k < pool->n_years[r]; k++)
                pool->year[r][k] = g_ptr_array_new();
        }
    }
    for (long i = 0; i < nt; i++) {
        const clout_tie_t *t = &ties[i];
        int r = t->relation;
        if (!last[r])
            continue;
        if (pool->n_years[r] == 0) {
            if (t->start <= last[r] && (!t->end || t->end >= last[r]))
                g_ptr_array_add(pool->fixed, (gpointer)t);
        } else if (t->start >= pool->first[r] && t->start <= last[r])
            g_ptr_array_add(pool->year[r][t->start - pool->first[r]], (gpointer)t);
    }
    g_free(last);
}

static void pool_release(pool_t *pool)
{
    if (!pool->fixed)
        return;
    for (int r = 0; r < pool->n_rel; r++) {
        for (int k = 0; k < pool->n_years[r]; k++)
            g_ptr_array_free(pool->year[r][k], TRUE);
        g_free(pool->year[r]);
    }
    g_free(pool->year);
    g_free(pool->first);
    g_free(pool->n_years);
    g_ptr_array_free(pool->fixed, TRUE);
    memset(pool, 0, sizeof *pool);
}

/* The jackknife of the BCa acceleration: one unit per covered year of each
 * resampled relation with two years or more (a relation of one year never
 * varies); rows[u] holds unit u's indices, width doubles. */
static clout_status_t jackknife(const plan_t *pl, const pool_t *pool, size_t width,
                                cl_jackknife_t *jk, double **rows, clout_error_t *err)
{
    int n = 0;
    for (int r = 0; r < pool->n_rel; r++)
        n += pool->n_years[r] >= 2 ? pool->n_years[r] : 0;
    jk->n = n;
    jk->stratum = g_new(int, MAX(n, 1));
    *rows = g_new(double, (size_t)MAX(n, 1) * width);
    size_t nd = n_direct(pl);
    clout_status_t st = CLOUT_OK;
    int u = 0;
    for (int r = 0; r < pool->n_rel && !st; r++)
        for (int k = 0; pool->n_years[r] >= 2 && k < pool->n_years[r] && !st; k++, u++) {
            long nt;
            clout_tie_t *ties = jackknife_ties(pool, r, k, &nt);
            double *row = *rows + (size_t)u * width;
            indices_t x = {row, row + nd};
            jk->stratum[u] = r;
            st = compute_indices(pl, ties, nt, &x, err);
            g_free(ties);
        }
    return st;
}

static double balance_of(double ia, double ib)
{
    return (ia + ib) > 0 ? (ib - ia) / (ia + ib) : NAN;
}

/* ---- the entry point ---- */

void clout_influence_opts_init(clout_influence_opts_t *o)
{
    *o = (clout_influence_opts_t){.noise = 0.1, .seed = 1, .align_runs = 20};
}

/* What the tables are made from: the data's indices, brokerage, alignment and
 * dependences, and the replicates' indices. */
typedef struct {
    const plan_t *pl;
    const clout_influence_opts_t *o;
    indices_t x;        /* the data */
    double *kb, *al;    /* brokerage [layer][pole], alignment [layer][focus][pole] */
    const cl_deps_t *d; /* the data's dependences: coverage, denominators */
    double *all;        /* n replicates of width doubles */
    int n;
    size_t width, nd;
    cl_jackknife_t jk; /* BCa: the jackknife units, and their values */
    double *jrows;     /* jk.n rows of width doubles */
} results_t;

static double index_in(const results_t *R, const double *row, int l, int f, int p)
{
    indices_t y = {(double *)row, (double *)row + R->nd};
    return index_of(DIRECT(R->pl, &y, l, f, p), REACH(R->pl, &y, l, f, p));
}

/* The index of pole p (p < 0: the balance of the first two) in a row. */
static double statistic(const results_t *R, const double *row, int l, int f, int p)
{
    if (p >= 0)
        return index_in(R, row, l, f, p);
    return balance_of(index_in(R, row, l, f, 0), index_in(R, row, l, f, 1));
}

/* The columns that say what an interval rests on (with a bootstrap). */
static void add_interval_columns(const results_t *R, clout_table_t *t)
{
    if (R->n <= 0)
        return;
    clout_table_add_column(t, "replicates", CLOUT_COL_NUM);
    clout_table_add_column(t, "dropped", CLOUT_COL_NUM);
    clout_table_add_column(t, "interval_flag", CLOUT_COL_STR);
}

/* The interval of the statistic (see statistic()) in columns lo and hi. */
static void set_interval(const results_t *R, clout_table_t *t, int row, const char *lo,
                         const char *hi, int l, int f, int p, double *tmp, double *jtmp)
{
    if (R->n <= 0)
        return;
    for (int i = 0; i < R->n; i++)
        tmp[i] = statistic(R, R->all + (size_t)i * R->width, l, f, p);
    for (int u = 0; u < R->jk.n; u++)
        jtmp[u] = statistic(R, R->jrows + (size_t)u * R->width, l, f, p);
    cl_interval_t iv;
    cl_boot_interval(tmp, R->n, 1, statistic(R, R->x.direct, l, f, p), R->o->interval, &R->jk, jtmp,
                     1, &iv);
    clout_table_set_num(t, row, clout_table_column(t, lo), iv.lo);
    clout_table_set_num(t, row, clout_table_column(t, hi), iv.hi);
    clout_table_set_num(t, row, clout_table_column(t, "replicates"), iv.used);
    clout_table_set_num(t, row, clout_table_column(t, "dropped"), iv.dropped);
    clout_table_set_str(t, row, clout_table_column(t, "interval_flag"), iv.flag);
}

/* The leading pole among the first two (or, with all_poles, all): its id,
 * "tie" when two share the largest index, "" when none has one. */
static const char *leading_pole(const results_t *R, int l, int f)
{
    const plan_t *pl = R->pl;
    int np = R->o->all_poles ? pl->n_poles : MIN(2, pl->n_poles), lead = -1;
    double best = -1;
    bool tie = false;
    for (int p = 0; p < np; p++) {
        double idx = index_of(DIRECT(pl, &R->x, l, f, p), REACH(pl, &R->x, l, f, p));
        if (!isfinite(idx) || !(idx > 0))
            continue;
        double tol = 1e-12 * MAX(fabs(idx), fabs(best));
        if (lead >= 0 && fabs(idx - best) <= tol)
            tie = true;
        else if (idx > best) {
            best = idx;
            lead = p;
            tie = false;
        }
    }
    return tie ? "tie" : lead >= 0 ? clout_dataset_actor(pl->ds, pl->pole[lead])->id : "";
}

/* The coverage columns of every row: per layer, the units with no data,
 * covered in part, or carried forward, and f's denominator. */
static void add_coverage_columns(clout_table_t *t)
{
    static const char *cols[] = {"not_covered", "partial", "carried", "denominator"};
    for (int k = 0; k < 4; k++)
        clout_table_add_column(t, cols[k], CLOUT_COL_STR);
}

static void set_coverage(const results_t *R, clout_table_t *t, int row, int l, int f)
{
    static const cl_cover_t which[] = {CL_COVER_NONE, CL_COVER_PARTIAL, CL_COVER_CARRIED};
    static const char *cols[] = {"not_covered", "partial", "carried"};
    for (int k = 0; k < 3; k++) {
        char *v = cl_model_coverage(R->pl, R->d, l, which[k]);
        clout_table_set_str(t, row, clout_table_column(t, cols[k]), v);
        g_free(v);
    }
    clout_table_set_str(t, row, clout_table_column(t, "denominator"),
                        cl_model_denominator(R->pl, R->d, l, f));
}

static clout_table_t *shares_table(const results_t *R)
{
    const plan_t *pl = R->pl;
    int np = pl->n_poles, nf = pl->n_focus;
    clout_table_t *s = clout_table_new("shares");
    static const char *scols[] = {"focus", "pole", "layer"};
    for (int k = 0; k < 3; k++)
        clout_table_add_column(s, scols[k], CLOUT_COL_STR);
    static const char *ncols[] = {"direct", "reach",    "brokerage", "alignment",
                                  "index",  "index_lo", "index_hi"};
    for (int k = 0; k < 7; k++)
        clout_table_add_column(s, ncols[k], CLOUT_COL_NUM);
    add_coverage_columns(s);
    add_interval_columns(R, s);
    double *tmp = g_new(double, MAX(R->n, 1)), *jtmp = g_new(double, MAX(R->jk.n, 1));
    for (int f = 0; f < nf; f++)
        for (int l = 0; l < pl->n_layers; l++)
            for (int p = 0; p <= np; p++) {
                int r = clout_table_add_row(s);
                clout_table_set_str(s, r, 0, clout_dataset_actor(pl->ds, pl->focus[f])->id);
                clout_table_set_str(
                    s, r, 1, p < np ? clout_dataset_actor(pl->ds, pl->pole[p])->id : "other");
                clout_table_set_str(s, r, 2, pl->layers[l]);
                clout_table_set_num(s, r, 3, DIRECT(pl, &R->x, l, f, p));
                set_coverage(R, s, r, l, f);
                if (p == np)
                    continue; /* "other" has a direct share only */
                double rc = REACH(pl, &R->x, l, f, p);
                clout_table_set_num(s, r, 4, rc);
                clout_table_set_num(s, r, 5, R->kb[(size_t)l * np + p]);
                clout_table_set_num(s, r, 6, R->al[((size_t)l * nf + f) * np + p]);
                clout_table_set_num(s, r, 7, index_of(DIRECT(pl, &R->x, l, f, p), rc));
                set_interval(R, s, r, "index_lo", "index_hi", l, f, p, tmp, jtmp);
            }
    g_free(tmp);
    g_free(jtmp);
    return s;
}

/* The balance between the first two poles: -1 all the first, +1 all the second. */
static clout_table_t *balance_table(const results_t *R)
{
    const plan_t *pl = R->pl;
    clout_table_t *b = clout_table_new("balance");
    clout_table_add_column(b, "focus", CLOUT_COL_STR);
    clout_table_add_column(b, "layer", CLOUT_COL_STR);
    clout_table_add_column(b, "balance", CLOUT_COL_NUM);
    clout_table_add_column(b, "balance_lo", CLOUT_COL_NUM);
    clout_table_add_column(b, "balance_hi", CLOUT_COL_NUM);
    clout_table_add_column(b, "leading_pole", CLOUT_COL_STR);
    add_coverage_columns(b);
    add_interval_columns(R, b);
    double *tmp = g_new(double, MAX(R->n, 1)), *jtmp = g_new(double, MAX(R->jk.n, 1));
    for (int f = 0; f < pl->n_focus; f++)
        for (int l = 0; l < pl->n_layers; l++) {
            int r = clout_table_add_row(b);
            clout_table_set_str(b, r, 0, clout_dataset_actor(pl->ds, pl->focus[f])->id);
            clout_table_set_str(b, r, 1, pl->layers[l]);
            if (pl->n_poles >= 2) {
                double ia = index_of(DIRECT(pl, &R->x, l, f, 0), REACH(pl, &R->x, l, f, 0));
                double ib = index_of(DIRECT(pl, &R->x, l, f, 1), REACH(pl, &R->x, l, f, 1));
                clout_table_set_num(b, r, 2, balance_of(ia, ib));
                set_interval(R, b, r, "balance_lo", "balance_hi", l, f, -1, tmp, jtmp);
            }
            clout_table_set_str(b, r, 5, leading_pole(R, l, f));
            set_coverage(R, b, r, l, f);
        }
    g_free(tmp);
    g_free(jtmp);
    return b;
}

/* Brokerage and alignment of every layer, on the layer's network. */
static clout_status_t network_indices(const plan_t *pl, const clout_influence_opts_t *o, double *kb,
                                      double *al, clout_error_t *err)
{
    const clout_tie_t *ties = (const clout_tie_t *)pl->ds->ties->data;
    long nt = clout_dataset_n_ties(pl->ds);
    clout_status_t st = CLOUT_OK;
    for (int l = 0; l < pl->n_layers && !st; l++) {
        if (!layer_covered(pl, l)) {
            /* No relation of the layer has data in these years: no network,
             * and no brokerage or alignment (its rows say not_covered). */
            for (int p = 0; p < pl->n_poles; p++)
                kb[(size_t)l * pl->n_poles + p] = NAN;
            for (int k = 0; k < pl->n_focus * pl->n_poles; k++)
                al[(size_t)l * pl->n_focus * pl->n_poles + k] = NAN;
            continue;
        }
        g_autoptr(clout_network_t) net = NULL;
        st = layer_network(pl, l, ties, nt, &net, err);
        if (!st)
            st = brokerage(pl, &net->graph, kb + (size_t)l * pl->n_poles, err);
        if (!st)
            st = alignment(pl, net, o->align_runs, o->seed,
                           al + (size_t)l * pl->n_focus * pl->n_poles, err);
    }
    return st;
}

clout_status_t clout_influence(const clout_dataset_t *ds, clout_table_t **shares_out,
                               clout_table_t **balance_out, const clout_snapshot_opts_t *snap,
                               const clout_influence_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *shares_out = *balance_out = NULL;
    plan_t pl;
    clout_status_t st = plan_init(&pl, ds, snap, opts, err);
    if (st) {
        plan_free(&pl);
        return st;
    }
    int np = pl.n_poles, nf = pl.n_focus, nl = pl.n_layers;
    size_t nd = n_direct(&pl), nr = n_reach(&pl);
    double *data = g_new(double, nd + nr);
    results_t R = {.pl = &pl,
                   .o = opts,
                   .x = {data, data + nd},
                   .kb = g_new(double, (size_t)nl *np),
                   .al = g_new(double, (size_t)nl *nf *np),
                   .n = opts->bootstrap > 0 ? opts->bootstrap : 0,
                   .width = nd + nr,
                   .nd = nd};
    const clout_tie_t *ties = (const clout_tie_t *)ds->ties->data;
    long nt = clout_dataset_n_ties(ds);
    /* The bootstrap's workers start first and run while this process
     * computes the data's own values; replicate values, nd + nr each. */
    pool_t pool = {0};
    boot_t boot = {0};
    if (R.n > 0) {
        pool_init(&pool, &pl, ties, nt);
        st = boot_start(&boot, &pl, &pool, opts, R.width, err);
    }
    cl_deps_t d = {0};
    if (!st)
        st = cl_deps_compute(ds, ties, nt, &pl.snap, pl.snap.year, &d, err);
    if (!st)
        cl_model_indices(&pl, &d, &R.x);
    if (!st)
        st = network_indices(&pl, opts, R.kb, R.al, err);
    if (!st && R.n > 0 && opts->interval == CLOUT_INTERVAL_BCA)
        st = jackknife(&pl, &pool, R.width, &R.jk, &R.jrows, err);
    if (!st && R.n > 0) {
        size_t cells = (size_t)R.n * R.width; /* outside g_new: clang-format misreads it there */
        R.all = g_new(double, cells);
        st = boot_finish(&boot, R.all, err);
    }
    boot_release(&boot);
    pool_release(&pool);
    R.d = &d;
    if (!st) {
        *shares_out = shares_table(&R);
        *balance_out = balance_table(&R);
    }
    cl_deps_release(&d);
    g_free(R.all);
    g_free(R.jk.stratum);
    g_free(R.jrows);
    g_free(data);
    g_free(R.kb);
    g_free(R.al);
    plan_free(&pl);
    return st;
}

clout_status_t clout_influence_contributions(const clout_dataset_t *ds, clout_table_t **out,
                                             const clout_snapshot_opts_t *snap,
                                             const clout_influence_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    plan_t pl;
    clout_status_t st = plan_init(&pl, ds, snap, opts, err);
    cl_deps_t d = {0};
    if (!st)
        st = cl_deps_compute(ds, (const clout_tie_t *)ds->ties->data, clout_dataset_n_ties(ds),
                             &pl.snap, pl.snap.year, &d, err);
    if (!st)
        *out = cl_model_contributions(&pl, &d);
    cl_deps_release(&d);
    plan_free(&pl);
    return st;
}

clout_status_t clout_influence_balance_samples(const clout_dataset_t *ds,
                                               clout_balance_samples_t *out,
                                               const clout_snapshot_opts_t *snap,
                                               const clout_influence_opts_t *opts,
                                               clout_error_t *err)
{
    clout_init();
    memset(out, 0, sizeof *out);
    plan_t pl;
    clout_status_t st = plan_init(&pl, ds, snap, opts, err);
    if (st) {
        plan_free(&pl);
        return st;
    }
    if (pl.n_poles < 2) {
        plan_free(&pl);
        return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                               "a balance needs two poles; give --poles a,b");
    }
    size_t nd = n_direct(&pl), nr = n_reach(&pl);
    int nb = opts->bootstrap > 0 ? opts->bootstrap : 0;
    size_t width = nd + nr;
    double *all = g_new(double, (size_t)(nb + 1) * width);
    const clout_tie_t *ties = (const clout_tie_t *)ds->ties->data;
    long nt = clout_dataset_n_ties(ds);
    pool_t pool = {0};
    boot_t boot = {0};
    cl_jackknife_t jk = {0};
    double *jrows = NULL;
    if (nb > 0) {
        pool_init(&pool, &pl, ties, nt);
        st = boot_start(&boot, &pl, &pool, opts, width, err);
    }
    /* Row 0 holds the data, rows 1..nb the replicates. */
    indices_t x = {all, all + nd};
    if (!st)
        st = compute_indices(&pl, ties, nt, &x, err);
    if (!st && nb > 0 && opts->interval == CLOUT_INTERVAL_BCA)
        st = jackknife(&pl, &pool, width, &jk, &jrows, err);
    if (!st && nb > 0)
        st = boot_finish(&boot, all + width, err);
    boot_release(&boot);
    pool_release(&pool);
    if (!st) {
        out->n_focus = pl.n_focus;
        out->n_layers = pl.n_layers;
        out->n_samples = nb + 1;
        out->focus = g_new0(char *, pl.n_focus + 1);
        for (int f = 0; f < pl.n_focus; f++)
            out->focus[f] = g_strdup(clout_dataset_actor(ds, pl.focus[f])->id);
        out->layers = g_strdupv(pl.layers);
        out->values = g_new(double, (size_t)pl.n_focus *pl.n_layers *(nb + 1));
        out->n_jack = jk.n;
        out->jack_stratum = jk.stratum;
        jk.stratum = NULL;
        out->jack_values = g_new(double, (size_t)pl.n_focus *pl.n_layers *MAX(jk.n, 1));
        for (int f = 0; f < pl.n_focus; f++)
            for (int l = 0; l < pl.n_layers; l++) {
                size_t fl = (size_t)f * pl.n_layers + l;
                for (int r = 0; r <= nb + jk.n; r++) {
                    const double *row =
                        r <= nb ? all + (size_t)r * width : jrows + (size_t)(r - nb - 1) * width;
                    indices_t y = {(double *)row, (double *)row + nd};
                    double b =
                        balance_of(index_of(DIRECT(&pl, &y, l, f, 0), REACH(&pl, &y, l, f, 0)),
                                   index_of(DIRECT(&pl, &y, l, f, 1), REACH(&pl, &y, l, f, 1)));
                    if (r <= nb)
                        out->values[fl * (nb + 1) + r] = b;
                    else
                        out->jack_values[fl * jk.n + (r - nb - 1)] = b;
                }
            }
    }
    g_free(jk.stratum);
    g_free(jrows);
    g_free(all);
    plan_free(&pl);
    return st;
}

void clout_balance_samples_destroy(clout_balance_samples_t *s)
{
    g_strfreev(s->focus);
    g_strfreev(s->layers);
    g_free(s->values);
    g_free(s->jack_stratum);
    g_free(s->jack_values);
    memset(s, 0, sizeof *s);
}
