/* pngdiff.h: compares two PNG files pixel by pixel, as cairo's test suite does. */
#ifndef CLOUT_TEST_PNGDIFF_H
#define CLOUT_TEST_PNGDIFF_H

#include <glib.h>

/* Counts the pixels of got whose channels differ from ref's by more than threshold
 * (0..255); when any do and diff_path is not NULL, writes it: differences in red over a faded reference.
 * Returns -1 (and says why) when a file cannot be read or the sizes differ. */
long test_png_diff(const char *got, const char *ref, const char *diff_path, int threshold,
                   GString *why);

#endif
