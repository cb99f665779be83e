/* pngdiff-main.c: pngdiff GOT REF THRESHOLD MAX_FRACTION [DIFF.png]: exit 0 when at most
 * MAX_FRACTION of the pixels differ by more than THRESHOLD in a channel, else 1 (with a
 * diff image when DIFF.png is given), 2 when a file cannot be read or the sizes differ. */
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

#include "pngdiff.h"

int main(int argc, char **argv)
{
    if (argc < 5 || argc > 6) {
        fprintf(stderr, "usage: pngdiff GOT REF THRESHOLD MAX_FRACTION [DIFF.png]\n");
        return 2;
    }
    GString *why = g_string_new(NULL);
    long bad = test_png_diff(argv[1], argv[2], argc == 6 ? argv[5] : NULL, atoi(argv[3]), why);
    if (bad < 0) {
        printf("%s\n", why->str);
        g_string_free(why, TRUE);
        return 2;
    }
    cairo_surface_t *s = cairo_image_surface_create_from_png(argv[2]);
    double n = (double)cairo_image_surface_get_width(s) * cairo_image_surface_get_height(s);
    cairo_surface_destroy(s);
    double allowed = atof(argv[4]) * n;
    printf("%ld of %.0f pixels differ by more than %s (allowed %.0f)\n", bad, n, argv[3], allowed);
    g_string_free(why, TRUE);
    return bad <= allowed ? 0 : 1;
}
