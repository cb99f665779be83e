/* pngdiff.c: compares two PNG files pixel by pixel (see pngdiff.h). */
#include <stdlib.h>

#include <cairo.h>

#include "pngdiff.h"

/* Counts pixels whose channels differ by more than threshold; writes a diff
 * image (differences in red over a faded reference) when any do. */
long test_png_diff(const char *got, const char *ref, const char *diff_path, int threshold,
                   GString *why)
{
    cairo_surface_t *a = cairo_image_surface_create_from_png(got);
    cairo_surface_t *b = cairo_image_surface_create_from_png(ref);
    long bad = -1;
    if (cairo_surface_status(a) || cairo_surface_status(b)) {
        g_string_append_printf(why, "cannot read %s or %s", got, ref);
        goto out;
    }
    int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
    if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
        g_string_append_printf(why, "%dx%d, reference %dx%d", w, h,
                               cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
        goto out;
    }
    cairo_surface_flush(a);
    cairo_surface_flush(b);
    cairo_surface_t *d = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b),
                  *pd = cairo_image_surface_get_data(d);
    int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b),
        sd = cairo_image_surface_get_stride(d);
    bad = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            guint32 ca = *(guint32 *)(pa + y * sa + 4 * x), cb = *(guint32 *)(pb + y * sb + 4 * x);
            int worst = 0;
            for (int k = 0; k < 32; k += 8)
                worst = MAX(worst, abs((int)((ca >> k) & 0xff) - (int)((cb >> k) & 0xff)));
            guint32 grey = 0xff000000u | (0xc0c0c0u + ((cb & 0xff) >> 2) * 0x010101u);
            *(guint32 *)(pd + y * sd + 4 * x) = worst > threshold ? 0xffff0000u : grey;
            bad += worst > threshold;
        }
    cairo_surface_mark_dirty(d);
    if (bad && diff_path)
        cairo_surface_write_to_png(d, diff_path);
    cairo_surface_destroy(d);
out:
    cairo_surface_destroy(a);
    cairo_surface_destroy(b);
    return bad;
}
