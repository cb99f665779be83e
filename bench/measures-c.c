/* measures-c.c: the plain-C peer of clout measure + communities: igraph calls on an edge list. */
/*
 * usage: measures-c EDGES.csv [--directed] [--cutoff C] [--only LIST] [--sample K]
 *                   [--betweenness] [--tolerance T] [-o OUT.csv]
 *
 * Reads a `source,target,weight` CSV (what `clout build --to edgelist`
 * writes), builds the igraph graph and calls, on the graph in memory, the
 * igraph functions that clout calls for the same measures, with the same
 * arguments:
 *   strength     igraph_strength(ALL, loops, weights)
 *   pagerank     igraph_pagerank(PRPACK, directed, 0.85, weights)
 *   coreness     igraph_coreness(ALL)
 *   harmonic     igraph_harmonic_centrality_cutoff(IN on directed graphs, lengths 1/w, cutoff C;
 *                C < 0: no cutoff, as clout measure does today)
 *   leiden       igraph_to_undirected(COLLAPSE, weights summed), then
 *                igraph_community_leiden(modularity: node weights = strengths,
 *                resolution 1/2m, beta 0.01), repeated from the last
 *                partition until it no longer changes or an iteration gains
 *                less than T in quality (--tolerance, default 1e-4, as clout;
 *                0: until stable), as src/communities.c does; prints the
 *                modularity reached
 *   betweenness  igraph_betweenness(lengths 1/w) (with --betweenness: only this;
 *                with --cutoff C >= 0 given, igraph_betweenness_cutoff)
 * --only LIST (comma-separated) keeps some of them.  --sample K computes
 * harmonic from K evenly spaced vertices only and prints the time scaled to
 * all vertices: an estimate, for sizes too large to wait for.  With
 * --betweenness, --sample K is clout's --sample: K sources drawn at random,
 * igraph_betweenness_subset(sources, all targets) times n/K.
 *
 * Writes one row per vertex (id and the measures) to -o, or nowhere, and
 * prints to stderr the seconds spent reading and in each computation, so the
 * caller can tell the computation from the whole program.
 */
#include <igraph.h>
#include <glib.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void die(const char *msg)
{
    fprintf(stderr, "measures-c: %s\n", msg);
    exit(1);
}

static void check(igraph_error_t e, const char *what)
{
    if (e != IGRAPH_SUCCESS) {
        fprintf(stderr, "measures-c: %s: %s\n", what, igraph_strerror(e));
        exit(1);
    }
}

/* The edge list: ids interned in order of first appearance, as clout does. */
static void read_edges(const char *path, GPtrArray *ids, igraph_vector_int_t *ev,
                       igraph_vector_t *w)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open the edge list");
    GHashTable *ix = g_hash_table_new(g_str_hash, g_str_equal);
    char line[4096];
    bool first = true;
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = 0;
        if (!n)
            continue;
        char *c1 = strchr(line, ',');
        if (!c1)
            die("a row without a comma");
        *c1 = 0;
        char *tgt = c1 + 1, *c2 = strchr(tgt, ',');
        double wt = 1;
        if (c2) {
            *c2 = 0;
            wt = strtod(c2 + 1, NULL);
        }
        if (first) {
            first = false;
            if (!strcmp(line, "source") && !strncmp(tgt, "target", 6))
                continue;
        }
        const char *ends[2] = {line, tgt};
        for (int k = 0; k < 2; k++) {
            gpointer hit = g_hash_table_lookup(ix, ends[k]);
            if (!hit) {
                char *id = g_strdup(ends[k]);
                g_ptr_array_add(ids, id);
                hit = GINT_TO_POINTER(ids->len);
                g_hash_table_insert(ix, id, hit);
            }
            igraph_vector_int_push_back(ev, GPOINTER_TO_INT(hit) - 1);
        }
        igraph_vector_push_back(w, wt);
    }
    fclose(f);
    g_hash_table_destroy(ix);
}

static bool wanted(char **only, const char *name)
{
    if (!only)
        return true;
    for (char **p = only; *p; p++)
        if (!strcmp(*p, name))
            return true;
    return false;
}

/* Leiden with the modularity objective, iterated as src/communities.c does. */
static igraph_integer_t leiden(const igraph_t *g0, const igraph_vector_t *w0, double tolerance,
                               igraph_vector_int_t *memb)
{
    igraph_t g;
    check(igraph_copy(&g, g0), "copy");
    igraph_vector_t w;
    igraph_vector_init_copy(&w, w0);
    if (igraph_is_directed(&g)) {
        igraph_attribute_combination_t comb;
        SETEANV(&g, "weight", &w);
        igraph_attribute_combination(&comb, "weight", IGRAPH_ATTRIBUTE_COMBINE_SUM,
                                     IGRAPH_NO_MORE_ATTRIBUTES);
        check(igraph_to_undirected(&g, IGRAPH_TO_UNDIRECTED_COLLAPSE, &comb), "to_undirected");
        igraph_attribute_combination_destroy(&comb);
        EANV(&g, "weight", &w);
    }
    igraph_vector_t strength;
    igraph_vector_init(&strength, 0);
    check(igraph_strength(&g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w),
          "strength");
    double gamma = 1.0 / (2.0 * igraph_vector_sum(&w));
    igraph_integer_t nc = 0;
    igraph_real_t q = 0, q_prev;
    check(igraph_community_leiden(&g, &w, &strength, gamma, 0.01, false, 1, memb, &nc, &q),
          "leiden");
    igraph_vector_int_t prev;
    igraph_vector_int_init(&prev, 0);
    int it = 0;
    for (; it < 1000; it++) {
        igraph_vector_int_update(&prev, memb);
        q_prev = q;
        check(igraph_community_leiden(&g, &w, &strength, gamma, 0.01, true, 1, memb, &nc, &q),
              "leiden");
        /* Leiden renumbers the communities; compare partitions, not labels. */
        igraph_real_t vi;
        check(igraph_compare_communities(&prev, memb, &vi, IGRAPH_COMMCMP_VI), "compare");
        if (vi == 0 || (tolerance > 0 && q - q_prev < tolerance))
            break;
    }
    igraph_real_t mod;
    check(igraph_modularity(&g, memb, &w, 1.0, false, &mod), "modularity");
    fprintf(stderr, "measures-c: leiden stopped after %d iterations, modularity %.5f\n", it + 2,
            mod);
    igraph_vector_int_destroy(&prev);
    igraph_vector_destroy(&strength);
    igraph_vector_destroy(&w);
    igraph_destroy(&g);
    return nc;
}

/* k distinct sources drawn uniformly, sorted: src/measures.c's draw_sources. */
static void draw_sources(igraph_integer_t n, igraph_integer_t k, unsigned long seed,
                         igraph_vector_int_t *src)
{
    igraph_rng_t rng;
    check(igraph_rng_init(&rng, &igraph_rngtype_pcg32), "rng");
    igraph_rng_seed(&rng, seed);
    igraph_vector_int_range(src, 0, n);
    for (igraph_integer_t i = 0; i < k; i++) {
        igraph_integer_t j = igraph_rng_get_integer(&rng, i, n - 1);
        igraph_integer_t t = VECTOR(*src)[i];
        VECTOR(*src)[i] = VECTOR(*src)[j];
        VECTOR(*src)[j] = t;
    }
    igraph_vector_int_resize(src, k);
    igraph_vector_int_sort(src);
    igraph_rng_destroy(&rng);
}

int main(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    bool directed = false, betw = false, cutoff_given = false;
    double cutoff = 3, tolerance = 1e-4;
    long sample = 0;
    char **only = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--directed"))
            directed = true;
        else if (!strcmp(argv[i], "--betweenness"))
            betw = true;
        else if (!strcmp(argv[i], "--cutoff") && i + 1 < argc) {
            cutoff = atof(argv[++i]);
            cutoff_given = true;
        } else if (!strcmp(argv[i], "--tolerance") && i + 1 < argc)
            tolerance = atof(argv[++i]);
        else if (!strcmp(argv[i], "--sample") && i + 1 < argc)
            sample = atol(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = g_strsplit(argv[++i], ",", -1);
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (argv[i][0] != '-' && !in)
            in = argv[i];
        else
            die("usage: measures-c EDGES.csv [--directed] [--cutoff C] [--only LIST] "
                "[--sample K] [--betweenness] [--tolerance T] [-o OUT.csv]");
    }
    if (!in)
        die("no edge list given");
    igraph_set_attribute_table(&igraph_cattribute_table);

    double t0 = now();
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    igraph_vector_int_t ev;
    igraph_vector_t w, len;
    igraph_vector_int_init(&ev, 0);
    igraph_vector_init(&w, 0);
    read_edges(in, ids, &ev, &w);
    igraph_t g;
    check(igraph_create(&g, &ev, (igraph_integer_t)ids->len, directed), "create");
    igraph_vector_int_destroy(&ev);
    igraph_integer_t n = igraph_vcount(&g), m = igraph_ecount(&g);
    igraph_vector_init(&len, m);
    for (igraph_integer_t e = 0; e < m; e++)
        VECTOR(len)[e] = 1.0 / VECTOR(w)[e];
    double t_read = now() - t0;
    fprintf(stderr,
            "measures-c: read %" IGRAPH_PRId " vertices, %" IGRAPH_PRId " edges in %.3f s\n", n, m,
            t_read);

    const char *names[8];
    igraph_vector_t cols[8];
    int nc = 0;
    double t_comp = 0;
    igraph_vs_t vs = igraph_vss_all();
    igraph_vector_int_t some;
    igraph_vector_int_init(&some, 0);
    if (sample > 0 && sample < n) {
        /* Evenly spaced sources: a fixed sample, the same every run. */
        for (long k = 0; k < sample; k++)
            igraph_vector_int_push_back(&some, (igraph_integer_t)(k * n / sample));
        vs = igraph_vss_vector(&some);
    }
    double scale = sample > 0 && sample < n ? (double)n / (double)sample : 1.0;
#define TIMED(name, call)                                                                          \
    do {                                                                                           \
        double t1 = now();                                                                         \
        igraph_vector_init(&cols[nc], 0);                                                          \
        check(call, name);                                                                         \
        double dt = now() - t1;                                                                    \
        fprintf(stderr, "measures-c: %s %.3f s\n", name, dt);                                      \
        t_comp += dt;                                                                              \
        names[nc++] = name;                                                                        \
    } while (0)

    if (betw) {
        if (sample > 0 && sample < n) {
            /* clout's --sample K --seed 1: the subset version with every
             * target, scaled by n/K. */
            igraph_vector_int_t src;
            igraph_vector_int_init(&src, 0);
            igraph_vector_init(&cols[nc], 0);
            double t1 = now();
            draw_sources(n, sample, 1, &src);
            check(igraph_betweenness_subset(&g, &cols[nc], igraph_vss_all(), directed,
                                            igraph_vss_vector(&src), igraph_vss_all(), &len),
                  "betweenness (sample)");
            igraph_vector_scale(&cols[nc], (double)n / (double)sample);
            double dt = now() - t1;
            fprintf(stderr, "measures-c: betweenness %.3f s from %ld random sources\n", dt, sample);
            t_comp += dt;
            names[nc++] = "betweenness";
            igraph_vector_int_destroy(&src);
        } else if (cutoff_given && cutoff >= 0) {
            TIMED("betweenness", igraph_betweenness_cutoff(&g, &cols[nc], igraph_vss_all(),
                                                           directed, &len, cutoff));
        } else {
            TIMED("betweenness",
                  igraph_betweenness(&g, &cols[nc], igraph_vss_all(), directed, &len));
        }
    } else {
        if (wanted(only, "strength"))
            TIMED("strength",
                  igraph_strength(&g, &cols[nc], igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w));
        if (wanted(only, "pagerank"))
            TIMED("pagerank", igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &cols[nc], NULL,
                                              igraph_vss_all(), directed, 0.85, &w, NULL));
        if (wanted(only, "coreness")) {
            igraph_vector_int_t k;
            igraph_vector_int_init(&k, 0);
            TIMED("coreness", igraph_coreness(&g, &k, IGRAPH_ALL));
            igraph_vector_resize(&cols[nc - 1], n);
            for (igraph_integer_t v = 0; v < n; v++)
                VECTOR(cols[nc - 1])[v] = (double)VECTOR(k)[v];
            igraph_vector_int_destroy(&k);
        }
        if (wanted(only, "harmonic")) {
            double t1 = now();
            igraph_vector_init(&cols[nc], 0);
            check(igraph_harmonic_centrality_cutoff(
                      &g, &cols[nc], vs, directed ? IGRAPH_IN : IGRAPH_ALL, &len, false, cutoff),
                  "harmonic");
            double dt = now() - t1;
            if (scale > 1)
                fprintf(stderr, "measures-c: harmonic %.3f s for %ld vertices; all: about %.1f s\n",
                        dt, sample, dt * scale);
            else
                fprintf(stderr, "measures-c: harmonic %.3f s\n", dt);
            t_comp += dt * scale;
            /* A sample has fewer rows than the table: pad with NaN. */
            if (igraph_vector_size(&cols[nc]) < n) {
                igraph_vector_t full;
                igraph_vector_init(&full, n);
                igraph_vector_fill(&full, NAN);
                for (igraph_integer_t k = 0; k < igraph_vector_int_size(&some); k++)
                    VECTOR(full)[VECTOR(some)[k]] = VECTOR(cols[nc])[k];
                igraph_vector_update(&cols[nc], &full);
                igraph_vector_destroy(&full);
            }
            names[nc++] = "harmonic";
        }
        if (wanted(only, "leiden")) {
            igraph_vector_int_t memb;
            igraph_vector_int_init(&memb, 0);
            igraph_rng_seed(igraph_rng_default(), 1);
            double t1 = now();
            igraph_integer_t k = leiden(&g, &w, tolerance, &memb);
            double dt = now() - t1;
            fprintf(stderr, "measures-c: leiden %.3f s (%" IGRAPH_PRId " communities)\n", dt, k);
            t_comp += dt;
            igraph_vector_init(&cols[nc], n);
            for (igraph_integer_t v = 0; v < n; v++)
                VECTOR(cols[nc])[v] = (double)VECTOR(memb)[v];
            igraph_vector_int_destroy(&memb);
            names[nc++] = "leiden";
        }
    }
    fprintf(stderr, "measures-c: computation %.3f s\n", t_comp);

    if (out) {
        FILE *f = fopen(out, "w");
        if (!f)
            die("cannot open the output");
        fputs("id", f);
        for (int c = 0; c < nc; c++)
            fprintf(f, ",%s", names[c]);
        fputc('\n', f);
        for (igraph_integer_t v = 0; v < n; v++) {
            fputs(g_ptr_array_index(ids, v), f);
            for (int c = 0; c < nc; c++)
                fprintf(f, ",%.12g", VECTOR(cols[c])[v]);
            fputc('\n', f);
        }
        if (fclose(f) != 0)
            die("cannot write the output");
    }
    for (int c = 0; c < nc; c++)
        igraph_vector_destroy(&cols[c]);
    igraph_vector_int_destroy(&some);
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&len);
    igraph_destroy(&g);
    g_ptr_array_free(ids, TRUE);
    g_strfreev(only);
    return 0;
}
