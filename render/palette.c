/* palette.c: colour-blind-safe colours: a diverging scale for balance, Okabe-Ito for categories. */
#include <config.h>

#include <math.h>
#include <string.h>

#include "render.h"

clout_rgba_t clout_color_hex(const char *hex)
{
    clout_rgba_t c = {0, 0, 0, 1};
    unsigned v[4] = {0, 0, 0, 255};
    size_t n = hex ? strlen(hex) : 0;
    if (n == 7 || n == 9) {
        for (size_t k = 0; k < (n - 1) / 2; k++) {
            char part[3] = {hex[1 + 2 * k], hex[2 + 2 * k], 0};
            v[k] = (unsigned)strtoul(part, NULL, 16);
        }
    }
    c.r = v[0] / 255.0;
    c.g = v[1] / 255.0;
    c.b = v[2] / 255.0;
    c.a = v[3] / 255.0;
    return c;
}

/* ColorBrewer RdBu, 11 classes (Brewer, C.A., colorbrewer2.org), reversed so
 * that -1 (the first pole: Russia) is blue and +1 (the second: China) red;
 * colour-blind safe, and the middle is a neutral near-white. */
static const char *const DIVERGING[11] = {"#053061", "#2166ac", "#4393c3", "#92c5de",
                                          "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582",
                                          "#d6604d", "#b2182b", "#67001f"};

clout_rgba_t clout_color_balance(double b)
{
    if (!isfinite(b))
        return clout_color_hex("#bdbdbd"); /* no balance: neutral grey */
    if (b < -1)
        b = -1;
    if (b > 1)
        b = 1;
    double pos = (b + 1) / 2 * 10; /* 0..10 */
    int i = (int)floor(pos);
    if (i >= 10)
        return clout_color_hex(DIVERGING[10]);
    double t = pos - i;
    clout_rgba_t a = clout_color_hex(DIVERGING[i]), c = clout_color_hex(DIVERGING[i + 1]);
    clout_rgba_t r = {a.r + t * (c.r - a.r), a.g + t * (c.g - a.g), a.b + t * (c.b - a.b), 1};
    return r;
}

/* Okabe, M. & Ito, K. (2008). Color Universal Design: the eight colours,
 * black last (it is kept for text and outlines). */
static const char *const OKABE_ITO[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                         "#0072B2", "#D55E00", "#CC79A7", "#000000"};

clout_rgba_t clout_color_category(int i)
{
    if (i < 0)
        return clout_color_hex("#bdbdbd");
    return clout_color_hex(OKABE_ITO[i % 7]);
}
