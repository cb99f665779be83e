/* palette.c: colour-blind-safe colours: a diverging scale for balance, Okabe-Ito for categories. */
#include <config.h>

#include <math.h>
#include <string.h>

#include <pango/pango.h>

#include "render.h"

#if !PANGO_VERSION_CHECK(1, 46, 0)
#error "clout needs Pango 1.46 or later (pango_color_parse_with_alpha)"
#endif

bool clout_color_parse(const char *spec, clout_rgba_t *c)
{
    PangoColor pc;
    guint16 alpha;
    if (!spec || !pango_color_parse_with_alpha(&pc, &alpha, spec))
        return false;
    /* Pango widens 8-bit channels to 16 (0xab to 0xabab), so that
     * 0xabab / 65535.0 is 0xab / 255.0 exactly. */
    *c = (clout_rgba_t){pc.red / 65535.0, pc.green / 65535.0, pc.blue / 65535.0, alpha / 65535.0};
    return true;
}

clout_rgba_t cl_color_hex(const char *hex)
{
    clout_rgba_t c;
    if (!clout_color_parse(hex, &c))
        c = (clout_rgba_t){1, 0, 1, 1}; /* CLOUT_COLOR_INVALID: magenta, in no palette */
    return c;
}

/* ColorBrewer RdBu, 11 classes (Brewer, C.A., colorbrewer2.org), reversed so
 * that -1 (the first pole: Russia) is blue and +1 (the second: China) red;
 * colour-blind safe, and the middle is a neutral near-white. */
static const char *const DIVERGING[11] = {"#053061", "#2166ac", "#4393c3", "#92c5de",
                                          "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582",
                                          "#d6604d", "#b2182b", "#67001f"};

clout_rgba_t cl_color_ramp(const char *const *stops, int n, double t)
{
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double pos = t * (n - 1);
    int i = (int)floor(pos);
    if (i >= n - 1)
        return cl_color_hex(stops[n - 1]);
    double f = pos - i;
    clout_rgba_t a = cl_color_hex(stops[i]), c = cl_color_hex(stops[i + 1]);
    clout_rgba_t r = {a.r + f * (c.r - a.r), a.g + f * (c.g - a.g), a.b + f * (c.b - a.b), 1};
    return r;
}

clout_rgba_t clout_color_balance(double b)
{
    if (!isfinite(b))
        return cl_color_hex("#bdbdbd"); /* no balance: neutral grey */
    return cl_color_ramp(DIVERGING, 11, (b + 1) / 2);
}

/* Okabe, M. & Ito, K. (2008). Color Universal Design: the eight colours,
 * black last (it is kept for text and outlines). */
static const char *const OKABE_ITO[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                         "#0072B2", "#D55E00", "#CC79A7", "#000000"};

clout_rgba_t clout_color_category(int i)
{
    if (i < 0)
        return cl_color_hex("#bdbdbd");
    return cl_color_hex(OKABE_ITO[i % 7]);
}
