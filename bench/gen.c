/* gen.c: writes a synthetic clout dataset (actors.csv, relations.csv, ties.csv) for benchmarks. */
/*
 * usage: gen -o DIR [-n ACTORS] [-m FLOW_TIES] [-s STATE_TIES] [-r RELATIONS]
 *            [-y YEARS] [--first-year Y] [--alpha A] [--poles K] [--focus K] [--seed N]
 *
 * Every actor has an activity drawn from a Pareto distribution (tail index
 * --alpha, default 1.5); both ends of each tie are drawn in proportion to
 * activity (a Chung-Lu model), so degrees are heavy-tailed: a few hubs, a
 * long tail of actors with few ties.  Flow ties fall on a year drawn
 * uniformly from the YEARS years; state ties start anywhere from ten years
 * before the first year and end after a geometric number of years, or never.
 * The same arguments write the same bytes (the generator is xoshiro256**,
 * seeded through splitmix64).
 *
 * Relations cycle through a fixed list that mixes modes (state, flow),
 * directions and scales (share, log, max, binary); with -r larger than the
 * list, later ones repeat it with a numbered name.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- random numbers ---- */

static uint64_t rng_s[4];

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        rng_s[i] = splitmix64(&seed);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(void)
{
    uint64_t r = rotl(rng_s[1] * 5, 7) * 9, t = rng_s[1] << 17;
    rng_s[2] ^= rng_s[0];
    rng_s[3] ^= rng_s[1];
    rng_s[1] ^= rng_s[2];
    rng_s[0] ^= rng_s[3];
    rng_s[2] ^= t;
    rng_s[3] = rotl(rng_s[3], 45);
    return r;
}

/* Uniform in [0, 1). */
static inline double unif(void)
{
    return (double)(rng_next() >> 11) * 0x1.0p-53;
}

/* Uniform integer in [0, n). */
static inline long below(long n)
{
    return (long)(unif() * (double)n);
}

static double normal(void)
{
    double u = unif(), v = unif();
    return sqrt(-2.0 * log1p(-u)) * cos(2 * M_PI * v);
}

/* ---- relations ---- */

typedef struct {
    const char *name, *layer;
    int directed, flow;
    const char *scale;
    const char *weight;
} relation_t;

static const relation_t RELATIONS[] = {
    {"trade", "economic", 1, 1, "share", "1"},
    {"member", "diplomatic", 0, 0, "binary", "1"},
    {"arms_transfer", "security", 1, 1, "max", "1"},
    {"investment", "economic", 1, 1, "log", "1"},
    {"defense_pact", "security", 0, 0, "binary", "2"},
    {"joint_exercise", "security", 0, 1, "max", "0.5"},
    {"aid", "diplomatic", 1, 1, "share", "0.5"},
    {"military_base", "security", 1, 0, "binary", "2"},
    {"visit", "diplomatic", 0, 1, "share", "0.5"},
    {"security_contract", "security", 1, 0, "max", "1"},
    {"loan", "economic", 1, 1, "binary", "1"},
    {"cooperation", "technical", 0, 0, "max", "1"},
};
#define N_TEMPLATES ((int)(sizeof RELATIONS / sizeof RELATIONS[0]))

/* ---- output ---- */

/* A large stdio buffer and hand-formatted integers: writing 5 million ties
 * takes a few seconds rather than half a minute. */
static char *put_int(char *p, long v, int width)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width)
        tmp[n++] = '0';
    while (n)
        *p++ = tmp[--n];
    return p;
}

static char *put_id(char *p, long a)
{
    *p++ = 'A';
    return put_int(p, a, 6);
}

static char *put_str(char *p, const char *s)
{
    while (*s)
        *p++ = *s++;
    return p;
}

/* A value with two decimals. */
static char *put_value(char *p, double v)
{
    long cents = lround(v * 100);
    p = put_int(p, cents / 100, 1);
    *p++ = '.';
    return put_int(p, cents % 100, 2);
}

static FILE *open_out(const char *dir, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "gen: cannot open '%s': %s\n", path, strerror(errno));
        exit(1);
    }
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

static void close_out(FILE *f, const char *file)
{
    if (fclose(f) != 0) {
        fprintf(stderr, "gen: cannot write '%s': %s\n", file, strerror(errno));
        exit(1);
    }
}

static void usage(void)
{
    fputs("usage: gen -o DIR [-n ACTORS] [-m FLOW_TIES] [-s STATE_TIES] [-r RELATIONS]\n"
          "           [-y YEARS] [--first-year Y] [--alpha A] [--poles K] [--focus K] [--seed N]\n",
          stderr);
    exit(2);
}

static long arg_long(const char *opt, const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (!*s || *end || errno || v < lo || v > hi) {
        fprintf(stderr, "gen: %s: '%s' is not a whole number from %ld to %ld\n", opt, s, lo, hi);
        exit(2);
    }
    return v;
}

static const double *act_sort;

/* Most active first; ties by index, so that the order is the same everywhere. */
static int by_activity(const void *x, const void *y)
{
    long a = *(const long *)x, b = *(const long *)y;
    if (act_sort[a] != act_sort[b])
        return act_sort[a] > act_sort[b] ? -1 : 1;
    return (a > b) - (a < b);
}

/* Draws an actor in proportion to activity: binary search on the cumulative sums. */
static long draw(const double *cum, long n)
{
    double x = unif() * cum[n - 1];
    long lo = 0, hi = n - 1;
    while (lo < hi) {
        long mid = (lo + hi) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

int main(int argc, char **argv)
{
    const char *dir = NULL;
    long n = 10000, m_flow = 100000, m_state = 10000, n_rel = 8, years = 20, first = 2001;
    long n_poles = 2, n_focus = 5;
    double alpha = 1.5;
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            usage();
        const char *v = argv[++i];
        if (!strcmp(a, "-o"))
            dir = v;
        else if (!strcmp(a, "-n"))
            n = arg_long(a, v, 2, 999999);
        else if (!strcmp(a, "-m"))
            m_flow = arg_long(a, v, 0, 2000000000L);
        else if (!strcmp(a, "-s"))
            m_state = arg_long(a, v, 0, 2000000000L);
        else if (!strcmp(a, "-r"))
            n_rel = arg_long(a, v, 1, 1000);
        else if (!strcmp(a, "-y"))
            years = arg_long(a, v, 1, 500);
        else if (!strcmp(a, "--first-year"))
            first = arg_long(a, v, 1500, 2500);
        else if (!strcmp(a, "--poles"))
            n_poles = arg_long(a, v, 0, 100);
        else if (!strcmp(a, "--focus"))
            n_focus = arg_long(a, v, 0, 1000);
        else if (!strcmp(a, "--seed"))
            seed = (uint64_t)arg_long(a, v, 0, 2147483647L);
        else if (!strcmp(a, "--alpha")) {
            char *end;
            alpha = strtod(v, &end);
            if (*end || !(alpha > 0.1 && alpha < 100)) {
                fprintf(stderr, "gen: --alpha: '%s' is not a number from 0.1 to 100\n", v);
                return 2;
            }
        } else
            usage();
    }
    if (!dir)
        usage();
    if (n_poles + n_focus > n) {
        fputs("gen: more poles and focus actors than actors\n", stderr);
        return 2;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen: cannot make '%s': %s\n", dir, strerror(errno));
        return 1;
    }
    rng_seed(seed);

    /* Relations: which are flows, which states. */
    int *flow_rel = malloc(sizeof(int) * (size_t)n_rel),
        *state_rel = malloc(sizeof(int) * (size_t)n_rel);
    int n_flow = 0, n_state = 0;
    FILE *f = open_out(dir, "relations.csv");
    fputs("relation,layer,directed,mode,scale,weight\n", f);
    for (int r = 0; r < n_rel; r++) {
        const relation_t *t = &RELATIONS[r % N_TEMPLATES];
        if (r < N_TEMPLATES)
            fprintf(f, "%s,", t->name);
        else
            fprintf(f, "%s_%d,", t->name, r / N_TEMPLATES + 1);
        fprintf(f, "%s,%s,%s,%s,%s\n", t->layer, t->directed ? "yes" : "no",
                t->flow ? "flow" : "state", t->scale, t->weight);
        if (t->flow)
            flow_rel[n_flow++] = r;
        else
            state_rel[n_state++] = r;
    }
    close_out(f, "relations.csv");
    if ((m_flow > 0 && n_flow == 0) || (m_state > 0 && n_state == 0)) {
        fputs("gen: -r too small for the ties asked for (relations 1 and 3 are flows, 2 a state)\n",
              stderr);
        return 2;
    }

    /* Actors: Pareto activity; the most active are the poles, and focus
     * actors are drawn from the next thousand or so. */
    double *act = malloc(sizeof(double) * (size_t)n), *cum = malloc(sizeof(double) * (size_t)n);
    for (long a = 0; a < n; a++)
        act[a] = pow(1.0 - unif(), -1.0 / alpha);
    char *role = calloc((size_t)n, 1);
    long *rank = malloc(sizeof(long) * (size_t)n);
    for (long a = 0; a < n; a++)
        rank[a] = a;
    act_sort = act;
    qsort(rank, (size_t)n, sizeof *rank, by_activity);
    for (long k = 0; k < n_poles; k++)
        role[rank[k]] = 'p';
    long pool = n_focus * 20 < n - n_poles ? n_focus * 20 : n - n_poles;
    for (long k = 0; k < n_focus;) {
        long a = rank[n_poles + below(pool)];
        if (!role[a]) {
            role[a] = 'f';
            k++;
        }
    }
    free(rank);
    f = open_out(dir, "actors.csv");
    fputs("id,name,kind,role,lead\n", f);
    for (long a = 0; a < n; a++)
        fprintf(f, "A%06ld,State %ld,state,%s,\n", a, a,
                role[a] == 'p'   ? "pole"
                : role[a] == 'f' ? "focus"
                                 : "");
    close_out(f, "actors.csv");
    double s = 0;
    for (long a = 0; a < n; a++)
        cum[a] = s += act[a];

    /* Ties: flows and states interleaved, so that neither sits at the end. */
    f = open_out(dir, "ties.csv");
    fputs("source,target,relation,value,start,end,source_ref,note\n", f);
    char line[256];
    long done_flow = 0, done_state = 0, total = m_flow + m_state;
    for (long i = 0; i < total; i++) {
        int is_flow =
            done_state >= m_state || (done_flow < m_flow && below(total - i) < m_flow - done_flow);
        long src = draw(cum, n), dst;
        do
            dst = draw(cum, n);
        while (dst == src);
        char *p = line;
        p = put_id(p, src);
        *p++ = ',';
        p = put_id(p, dst);
        *p++ = ',';
        int r = is_flow ? flow_rel[below(n_flow)] : state_rel[below(n_state)];
        const relation_t *t = &RELATIONS[r % N_TEMPLATES];
        p = put_str(p, t->name);
        if (r >= N_TEMPLATES) {
            *p++ = '_';
            p = put_int(p, r / N_TEMPLATES + 1, 1);
        }
        *p++ = ',';
        if (is_flow) {
            /* Amounts spread over orders of magnitude, as trade does. */
            p = put_value(p, exp(2.0 + 1.5 * normal()));
            *p++ = ',';
            p = put_int(p, first + below(years), 4);
            p = put_str(p, ",,gen,\n");
            done_flow++;
        } else {
            if (!strcmp(t->scale, "binary"))
                ; /* empty value: 1 */
            else
                p = put_str(p, unif() < 0.5 ? "1" : unif() < 0.5 ? "0.5" : "0.25");
            *p++ = ',';
            long start = first - 10 + below(years + 10);
            p = put_int(p, start, 4);
            if (unif() < 0.1) { /* some start on a day */
                *p++ = '-';
                p = put_int(p, 1 + below(12), 2);
                *p++ = '-';
                p = put_int(p, 1 + below(28), 2);
            }
            *p++ = ',';
            if (unif() < 0.5) {
                /* Spans end where the data end, at the latest. */
                long len = 0;
                while (unif() < 0.8)
                    len++;
                long end = start + len < first + years - 1 ? start + len : first + years - 1;
                p = put_int(p, end, 4);
            }
            p = put_str(p, ",gen,\n");
            done_state++;
        }
        fwrite(line, 1, (size_t)(p - line), f);
    }
    close_out(f, "ties.csv");
    free(flow_rel);
    free(state_rel);
    free(act);
    free(cum);
    free(role);
    return 0;
}
