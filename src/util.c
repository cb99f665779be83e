/* util.c: strict parsers for numbers, years and lists; name maps; percentiles; igraph's
 * random generator and OpenMP threads held still for a call. */
#include <config.h>

#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Decimals with at most 15 significant digits and a power of ten within
 * 10^22 ("123", "3.45", "1.5e-05", as clout and %g write them) are an exact
 * integer times or over an exact power of ten, and IEEE multiplication and
 * division round that correctly: the double strtod gives (Clinger's fast
 * path), without strtod's generality.  false: not such a number, use the
 * general parser. */
static bool parse_plain_decimal(const char *s, double *v)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    guint64 m = 0;
    int digits = 0, frac = -1, any = 0;
    const char *p = s;
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (*p >= '0' && *p <= '9') {
            any = 1;
            if (m || *p != '0') /* leading zeros are not significant */
                if (++digits > 15)
                    return false;
            m = m * 10 + (guint64)(*p - '0');
            if (frac >= 0)
                frac++;
        } else if (*p == '.' && frac < 0) {
            frac = 0;
        } else {
            return false;
        }
    }
    if (!any)
        return false;
    int exp10 = 0;
    if (*p) { /* an exponent: [eE][+-]?digits, as %g writes it */
        p++;
        int sign = 1, ed = 0;
        if (*p == '+' || *p == '-')
            sign = *p++ == '-' ? -1 : 1;
        for (; *p >= '0' && *p <= '9'; p++)
            if (++ed > 3)
                return false;
            else
                exp10 = exp10 * 10 + (*p - '0');
        if (*p || ed == 0)
            return false;
        exp10 *= sign;
    }
    int k = exp10 - (frac > 0 ? frac : 0); /* value = m * 10^k */
    if (k < -22 || k > 22)
        return false;
    *v = k < 0 ? (double)m / pow10[-k] : (double)m * pow10[k];
    return true;
}

bool cl_parse_double(const char *s, double *v)
{
    if (s && parse_plain_decimal(s, v))
        return true;
    if (!s || !*s || g_ascii_isspace(*s))
        return false;
    char *end;
    errno = 0;
    double d = g_ascii_strtod(s, &end);
    if (*end || errno == ERANGE || !isfinite(d))
        return false;
    /* strtod accepts "inf", "nan" and hex floats; a data cell should not. */
    for (const char *p = s; *p; p++)
        if (!strchr("0123456789+-.eE", *p))
            return false;
    *v = d;
    return true;
}

bool cl_parse_long(const char *s, long *v)
{
    if (!s || !*s || g_ascii_isspace(*s))
        return false;
    char *end;
    errno = 0;
    long l = strtol(s, &end, 10);
    if (*end || errno == ERANGE)
        return false;
    *v = l;
    return true;
}

static bool all_digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!g_ascii_isdigit(s[i]))
            return false;
    return true;
}

bool clout_parse_year(const char *s, int *year)
{
    if (g_ascii_isdigit(s[0]) && g_ascii_isdigit(s[1]) && g_ascii_isdigit(s[2]) &&
        g_ascii_isdigit(s[3]) && s[4] == 0) { /* the common case: a bare year */
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        if (y < CLOUT_YEAR_MIN || y > CLOUT_YEAR_MAX)
            return false;
        *year = y;
        return true;
    }
    size_t n = strlen(s);
    if ((n != 4 && n != 10) || !all_digits(s, 4))
        return false;
    int y = atoi(s); /* four digits: no overflow */
    if (y < CLOUT_YEAR_MIN || y > CLOUT_YEAR_MAX)
        return false;
    if (n == 10) {
        if (s[4] != '-' || s[7] != '-' || !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
            return false;
        int m = (s[5] - '0') * 10 + (s[6] - '0');
        int d = (s[8] - '0') * 10 + (s[9] - '0');
        if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
            return false;
    }
    *year = y;
    return true;
}

char **clout_split_list(const char *s, char sep)
{
    char delim[2] = {sep, 0};
    char **parts = g_strsplit(s ? s : "", delim, -1);
    GPtrArray *out = g_ptr_array_new();
    for (char **p = parts; *p; p++) {
        char *t = g_strstrip(g_strdup(*p));
        if (*t)
            g_ptr_array_add(out, t);
        else
            g_free(t);
    }
    g_strfreev(parts);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

bool clout_parse_number(const char *s, double *v)
{
    return cl_parse_double(s, v);
}

/* 9999-12-31T23:59:59Z: the last second a GDateTime (and a four-digit
 * year in a date stamp) holds. */
#define SOURCE_DATE_MAX G_GUINT64_CONSTANT(253402300799)

bool cl_source_date(gint64 *epoch)
{
    const char *env = g_getenv("SOURCE_DATE_EPOCH");
    guint64 v;
    /* Digits only (no sign, no spaces), as `date +%s` prints them. */
    if (!env || !g_ascii_string_to_unsigned(env, 10, 0, SOURCE_DATE_MAX, &v, NULL))
        return false;
    *epoch = (gint64)v;
    return true;
}

/* Exact powers of ten in long double (x87 extended: 64-bit mantissa holds
 * every 10^k up to 10^27 exactly). */
static long double exact_pow10(int k)
{
    long double p = 1;
    for (int i = 0; i < k; i++)
        p *= 10;
    return p;
}

bool cl_format_g(char *buf, size_t size, double v, int prec)
{
    /* Only the common case is done here: positive (or negative) finite
     * numbers whose scaled value x * 10^k needs a power of ten that long
     * double holds exactly.  Then x * 10^k has one rounding error of at most
     * 2^-64 relative, about 1e-7 of a unit in the last of 12 digits; when the
     * digit to round is that close to a tie, printf decides. */
    static long double p10[28];
    static gsize ready = 0;
    if (g_once_init_enter(&ready)) {
        for (int k = 0; k < 28; k++)
            p10[k] = exact_pow10(k);
        g_once_init_leave(&ready, 1);
    }
    if (prec < 1 || prec > 13 || !isfinite(v) || v == 0 || size < 32)
        return false;
    bool neg = v < 0;
    double x = fabs(v);
    int e = (int)floor(log10(x)); /* may be off by one: corrected below */
    int k = prec - 1 - e;
    if (k < -27 || k > 27)
        return false;
    long double s = k >= 0 ? (long double)x * p10[k] : (long double)x / p10[-k];
    long double lo = p10[prec - 1], hi = p10[prec];
    if (s < lo) {
        e--, k++;
        if (k > 27)
            return false;
        /* k may still be negative: x at or above 10^prec, just under a power
         * of ten whose log10 rounded up (9.999999999999999e22, "1e23"). */
        s = k >= 0 ? (long double)x * p10[k] : (long double)x / p10[-k];
    } else if (s >= hi) {
        e++, k--;
        if (k < -27)
            return false;
        s = k >= 0 ? (long double)x * p10[k] : (long double)x / p10[-k];
    }
    if (s < lo || s >= hi)
        return false;
    long double fl = floorl(s), frac = s - fl;
    if (fabsl(frac - 0.5L) < 1e-4L)
        return false; /* too near a tie to decide here */
    guint64 m = (guint64)fl + (frac > 0.5L);
    if ((long double)m >= hi) { /* 9.99..95 rounded up to 10.0 */
        m /= 10;
        e++;
    }
    char dig[20];
    for (int i = prec - 1; i >= 0; i--) {
        dig[i] = (char)('0' + m % 10);
        m /= 10;
    }
    int nd = prec; /* %g drops trailing zeros */
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    char *p = buf;
    if (neg)
        *p++ = '-';
    if (e >= -4 && e < prec) {
        if (e < 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = 0; i < -e - 1; i++)
                *p++ = '0';
            memcpy(p, dig, (size_t)nd);
            p += nd;
        } else {
            int ip = e + 1; /* digits before the point */
            for (int i = 0; i < ip; i++)
                *p++ = i < nd ? dig[i] : '0';
            if (nd > ip) {
                *p++ = '.';
                memcpy(p, dig + ip, (size_t)(nd - ip));
                p += nd - ip;
            }
        }
        *p = 0;
    } else {
        *p++ = dig[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, dig + 1, (size_t)(nd - 1));
            p += nd - 1;
        }
        *p++ = 'e';
        *p++ = e < 0 ? '-' : '+';
        int ae = abs(e);
        if (ae >= 100)
            *p++ = (char)('0' + ae / 100);
        *p++ = (char)('0' + ae / 10 % 10);
        *p++ = (char)('0' + ae % 10);
        *p = 0;
    }
    return true;
}

/* ---- name maps ---- */

/* The name as zero-padded words; false when it does not fit (23 bytes and
 * its NUL) or is empty (whose zero words would match a long name's). */
static inline bool name_words(const char *s, guint64 w[CLOUT_NAME_WORDS])
{
    size_t n = strlen(s);
    if (n == 0 || n >= 8 * CLOUT_NAME_WORDS)
        return false;
    char b[8 * CLOUT_NAME_WORDS] = {0};
    memcpy(b, s, n);
    memcpy(w, b, sizeof b);
    return true;
}

static inline guint32 words_hash(const guint64 w[CLOUT_NAME_WORDS])
{
    guint64 x = w[0] * 0x9e3779b97f4a7c15ULL ^ w[1] * 0xc2b2ae3d27d4eb4fULL ^ w[2];
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (guint32)x;
}

static guint32 long_name_hash(const char *s)
{
    guint64 h = 0xcbf29ce484222325ULL; /* FNV-1a, 64-bit, folded */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return (guint32)(h ^ (h >> 32));
}

void cl_names_init(cl_names_t *x, guint32 expected)
{
    guint32 size = 16;
    while (size < 2 * (guint64)expected && size < (1u << 31))
        size *= 2;
    x->slot = g_new0(cl_name_slot_t, size);
    x->mask = size - 1;
    x->n = 0;
    for (guint32 i = 0; i < size; i++)
        x->slot[i].ix = -1;
}

void cl_names_clear(cl_names_t *x)
{
    g_free(x->slot);
    x->slot = NULL;
}

static void names_put(cl_names_t *x, const cl_name_slot_t *sl)
{
    guint32 i = sl->hash & x->mask;
    while (x->slot[i].ix >= 0)
        i = (i + 1) & x->mask;
    x->slot[i] = *sl;
}

void cl_names_add(cl_names_t *x, const char *s, int ix)
{
    if (2 * (x->n + 1) > x->mask + 1) { /* keep the load under a half */
        cl_names_t big;
        cl_names_init(&big, x->mask + 1);
        for (guint32 i = 0; i <= x->mask; i++)
            if (x->slot[i].ix >= 0)
                names_put(&big, &x->slot[i]);
        big.n = x->n;
        g_free(x->slot);
        *x = big;
    }
    cl_name_slot_t sl = {{0}, NULL, ix, 0};
    if (name_words(s, sl.key)) {
        sl.hash = words_hash(sl.key);
    } else {
        sl.hash = long_name_hash(s);
        sl.long_name = s;
    }
    names_put(x, &sl);
    x->n++;
}

static inline bool same_words(const guint64 *a, const guint64 *b)
{
    return a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

int cl_names_find(const cl_names_t *x, gint64 *last, const char *s)
{
    guint64 w[CLOUT_NAME_WORDS];
    if (name_words(s, w)) {
        if (last && *last >= 0 && same_words(x->slot[*last].key, w))
            return x->slot[*last].ix;
        guint32 i = words_hash(w) & x->mask;
        for (; x->slot[i].ix >= 0; i = (i + 1) & x->mask)
            if (!x->slot[i].long_name && same_words(x->slot[i].key, w)) {
                if (last)
                    *last = i;
                return x->slot[i].ix;
            }
        return -1;
    }
    guint32 h = long_name_hash(s), i = h & x->mask;
    for (; x->slot[i].ix >= 0; i = (i + 1) & x->mask) {
        const cl_name_slot_t *sl = &x->slot[i];
        if (sl->hash == h && sl->long_name && strcmp(sl->long_name, s) == 0)
            return sl->ix;
    }
    return -1;
}

void cl_names_prefetch(const cl_names_t *x, const char *s, size_t len)
{
    if (len == 0 || len >= 8 * CLOUT_NAME_WORDS)
        return;
    guint64 w[CLOUT_NAME_WORDS];
    char b[8 * CLOUT_NAME_WORDS] = {0};
    memcpy(b, s, len);
    memcpy(w, b, sizeof b);
    __builtin_prefetch(&x->slot[words_hash(w) & x->mask]);
}

/* ---- percentiles ---- */

static gint cmp_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void cl_interval95(const double *v, int n, size_t stride, double *lo, double *hi)
{
    GArray *x = g_array_sized_new(FALSE, FALSE, sizeof(double), (guint)MAX(n, 0));
    for (int i = 0; i < n; i++)
        if (isfinite(v[(size_t)i * stride]))
            g_array_append_val(x, v[(size_t)i * stride]);
    *lo = *hi = NAN;
    int m = (int)x->len;
    if (m > 0) {
        /* Equal values may change places, which changes no result: two
         * zeros of either sign interpolate to +0. */
        g_array_sort(x, cmp_double);
        const double *s = (const double *)(void *)x->data;
        double q[2] = {0.025, 0.975}, *outp[2] = {lo, hi};
        for (int k = 0; k < 2; k++) {
            double h = (m - 1) * q[k];
            int i = (int)floor(h);
            *outp[k] = i + 1 < m ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
        }
    }
    g_array_free(x, TRUE);
}

/* ---- bootstrap intervals (doc/methods.md, "Uncertainty") ---- */

/* The standard normal distribution function and its inverse (by bisection
 * on erfc, to the last bit: no table of coefficients to get wrong). */
static double normal_cdf(double x)
{
    return 0.5 * erfc(-x / M_SQRT2);
}

static double normal_quantile(double p)
{
    double lo = -40, hi = 40;
    for (int i = 0; i < 200 && hi - lo > 0; i++) {
        double mid = 0.5 * (lo + hi);
        if (mid == lo || mid == hi)
            break;
        if (normal_cdf(mid) < p)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

/* The q-quantile of m sorted values, linear interpolation (R's type 7). */
static double quantile7(const double *s, int m, double q)
{
    double h = (m - 1) * q;
    int i = (int)floor(h);
    i = CLAMP(i, 0, m - 1);
    return i + 1 < m ? s[i] + (h - i) * (s[i + 1] - s[i]) : s[i];
}

/* The acceleration of the BCa interval from stratified jackknife values
 * (Davison and Hinkley 1997, ch. 3 and 5): in stratum h of n_h units,
 * l_hj = (n_h - 1)(mean_h - theta_hj), and
 * a = sum_h n_h^-3 sum_j l_hj^3 / (6 (sum_h n_h^-2 sum_j l_hj^2)^(3/2)).
 * Units whose value is not finite are left out of their stratum. */
static double acceleration(const cl_jackknife_t *jk, const double *v, size_t stride)
{
    double num = 0, den = 0;
    for (int u = 0; u < jk->n;) {
        int h = jk->stratum[u], end = u, m = 0;
        double mean = 0;
        while (end < jk->n && jk->stratum[end] == h) {
            double x = v[(size_t)end * stride];
            if (isfinite(x)) {
                mean += x;
                m++;
            }
            end++;
        }
        if (m >= 2) {
            mean /= m;
            for (int j = u; j < end; j++) {
                double x = v[(size_t)j * stride];
                if (!isfinite(x))
                    continue;
                double l = (m - 1) * (mean - x);
                num += l * l * l / ((double)m * m * m);
                den += l * l / ((double)m * m);
            }
        }
        u = end;
    }
    return den > 0 ? num / (6 * pow(den, 1.5)) : 0;
}

void cl_boot_interval(const double *v, int n, size_t stride, double estimate,
                      clout_interval_method_t method, const cl_jackknife_t *jk, const double *jv,
                      size_t jstride, cl_interval_t *out)
{
    *out = (cl_interval_t){.lo = NAN, .hi = NAN, .flag = ""};
    GArray *x = g_array_sized_new(FALSE, FALSE, sizeof(double), (guint)MAX(n, 0));
    for (int i = 0; i < n; i++)
        if (isfinite(v[(size_t)i * stride]))
            g_array_append_val(x, v[(size_t)i * stride]);
    int m = (int)x->len;
    out->used = m;
    out->dropped = n - m;
    if (m == 0) {
        g_array_free(x, TRUE);
        return;
    }
    g_array_sort(x, cmp_double);
    const double *s = (const double *)(void *)x->data;
    double q_lo = 0.025, q_hi = 0.975;
    if (method == CLOUT_INTERVAL_BCA) {
        /* Bias correction z0 from the share of replicates below the
         * estimate, ties counted half. */
        int below = 0, equal = 0;
        for (int i = 0; i < m; i++) {
            below += s[i] < estimate;
            equal += s[i] == estimate;
        }
        double p = (below + 0.5 * equal) / m;
        double a = jk && jv ? acceleration(jk, jv, jstride) : 0;
        double z0 = normal_quantile(p);
        bool ok = isfinite(estimate) && p > 0 && p < 1;
        for (int k = 0; k < 2 && ok; k++) {
            double z = z0 + normal_quantile(k == 0 ? 0.025 : 0.975);
            double d = 1 - a * z;
            if (!(d > 0)) {
                ok = false;
                break;
            }
            *(k == 0 ? &q_lo : &q_hi) = normal_cdf(z0 + z / d);
        }
        if (!ok) {
            out->flag = "bca_undefined";
            g_array_free(x, TRUE);
            return;
        }
    }
    out->lo = quantile7(s, m, q_lo);
    out->hi = quantile7(s, m, q_hi);
    g_array_free(x, TRUE);
    double tol = 1e-9 * MAX(1.0, fabs(estimate));
    if (out->lo == out->hi)
        out->flag = "degenerate";
    else if (isfinite(estimate) && (estimate < out->lo - tol || estimate > out->hi + tol))
        out->flag = "excludes_estimate";
}

/* ---- igraph's default random generator, scoped ---- */

igraph_error_t cl_rng_scope_begin(cl_rng_scope_t *sc, unsigned long seed)
{
    /* igraph 0.10 copies the generator given to igraph_rng_set_default
     * into its default one, so the caller's is saved by value. */
    sc->saved = *igraph_rng_default();
    IGRAPH_CHECK(igraph_rng_init(&sc->rng, &igraph_rngtype_pcg32));
    igraph_error_t e = igraph_rng_seed(&sc->rng, (igraph_uint_t)seed);
    if (e) {
        igraph_rng_destroy(&sc->rng);
        return e;
    }
    igraph_rng_set_default(&sc->rng);
    return IGRAPH_SUCCESS;
}

void cl_rng_scope_end(cl_rng_scope_t *sc)
{
    igraph_rng_set_default(&sc->saved);
    igraph_rng_destroy(&sc->rng);
}

/* ---- OpenMP threads, one for a call ---- */

typedef int (*omp_get_fn_t)(void);
typedef void (*omp_set_fn_t)(int);

/* libgomp's thread-count functions when the process has them (igraph
 * brings libgomp when it is built with OpenMP), else NULL: looked up at run
 * time so that libclout does not link OpenMP itself. */
static void openmp_functions(omp_get_fn_t *get, omp_set_fn_t *set)
{
    static gsize done = 0;
    static omp_get_fn_t g;
    static omp_set_fn_t s;
    if (g_once_init_enter(&done)) {
        g = (omp_get_fn_t)dlsym(RTLD_DEFAULT, "omp_get_max_threads");
        s = (omp_set_fn_t)dlsym(RTLD_DEFAULT, "omp_set_num_threads");
        g_once_init_leave(&done, 1);
    }
    *get = g;
    *set = s;
}

int cl_openmp_serial_begin(void)
{
    omp_get_fn_t get;
    omp_set_fn_t set;
    openmp_functions(&get, &set);
    if (!get || !set)
        return 0;
    int saved = get();
    set(1);
    return saved;
}

void cl_openmp_serial_end(int saved)
{
    omp_get_fn_t get;
    omp_set_fn_t set;
    openmp_functions(&get, &set);
    if (set && saved > 0)
        set(saved);
}

/* ---- "unknown X" messages ---- */

/* Edit distance of two byte strings, ignoring case, where swapping two
 * neighbours counts one edit ("cvs" is one from "csv"): the optimal string
 * alignment distance.  Small strings: names of options, layers, relations. */
static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), w = lb + 1;
    int *d = g_new(int, (la + 1) * w);
    for (size_t i = 0; i <= la; i++)
        for (size_t j = 0; j <= lb; j++) {
            if (i == 0 || j == 0) {
                d[i * w + j] = (int)(i + j);
                continue;
            }
            char ai = g_ascii_tolower(a[i - 1]), bj = g_ascii_tolower(b[j - 1]);
            int v = MIN(MIN(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1),
                        d[(i - 1) * w + j - 1] + (ai != bj));
            if (i > 1 && j > 1 && ai == g_ascii_tolower(b[j - 2]) &&
                g_ascii_tolower(a[i - 2]) == bj)
                v = MIN(v, d[(i - 2) * w + j - 2] + 1);
            d[i * w + j] = v;
        }
    int r = d[la * w + lb];
    g_free(d);
    return r;
}

const char *cl_closest(const char *name, char *const *valid)
{
    const char *best = NULL;
    int bd = 0;
    for (char *const *v = valid; v && *v; v++) {
        int d = edit_distance(name, *v);
        if (!best || d < bd) {
            best = *v;
            bd = d;
        }
    }
    /* Close: at most a third of the name's length, at least one edit. */
    int limit = MAX(1, (int)strlen(name) / 3);
    return best && bd <= limit ? best : NULL;
}

char *cl_unknown(const char *what, const char *name, char *const *valid)
{
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "unknown %s '%s'", what, name);
    const char *close = cl_closest(name, valid);
    if (close)
        g_string_append_printf(s, "; did you mean '%s'?", close);
    /* A long list (actors of a large dataset) is cut after its first 60. */
    int n = valid ? (int)g_strv_length((char **)valid) : 0;
    g_string_append(s, " (valid: ");
    for (int i = 0; i < MIN(n, 60); i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", valid[i]);
    if (n > 60)
        g_string_append_printf(s, ", ... %d in all", n);
    g_string_append(s, n ? ")" : "none)");
    return g_string_free(s, FALSE);
}

char *clout_unknown_message(const char *what, const char *name, const char *const *valid)
{
    return cl_unknown(what, name, (char *const *)valid);
}
