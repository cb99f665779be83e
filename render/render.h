/* render.h: what the rendering files share (not installed). */
#ifndef CL_RENDER_INTERNAL_H
#define CL_RENDER_INTERNAL_H

#include "../src/internal.h"

typedef enum { ITEM_GROUP, ITEM_CIRCLE, ITEM_RECT, ITEM_POLYGON, ITEM_LINE, ITEM_TEXT } item_kind_t;

typedef struct {
    item_kind_t kind;
    double x, y, w, h; /* circle: centre and radius (w); rect: corner and size */
    double *xy;        /* polygon, line: n points */
    int n;
    double *dash;
    int n_dash;
    bool arrow;
    clout_rgba_t fill, stroke; /* text: fill is the colour */
    bool has_fill, has_stroke;
    double line_width;
    char *text; /* text, or a group's name */
    double size, angle;
    bool bold;
    clout_halign_t ha;
    clout_valign_t va;
} scene_item_t;

struct clout_scene {
    double width, height;
    GPtrArray *items;
    char *group;
    char *font; /* the family of every text; NULL: CLOUT_FONT_FAMILY */
};

/* The font of every figure unless its options name another
 * (clout_diagram_opts_t, clout_chart_opts_t: font); fontconfig falls back
 * for scripts it lacks (WenQuanYi Micro Hei for Chinese). */
#define CLOUT_FONT_FAMILY "DejaVu Sans"

/* ---- text (paint.c): measured with the settings it is painted with ----
 *
 * font is a family that clout_font_check accepted, or NULL for
 * CLOUT_FONT_FAMILY: each figure passes its own down to every
 * measurement, and its scene keeps it for painting (clout_scene_set_font),
 * so no font is global state. */

/* clout_text_extent in font. */
void cl_text_extent(const char *font, const char *text, double *width, double *height, double size,
                    bool bold);
/* The width, and the height, of text on one line (cl_text_extent). */
double cl_text_width(const char *font, const char *text, double size, bool bold);
double cl_text_height(const char *font, const char *text, double size, bool bold);

/* text broken into lines no wider than width points, by Pango
 * (PANGO_WRAP_WORD_CHAR): at spaces; inside a word (a run without spaces)
 * only after a dash (U+2010, U+2012, U+2013), a soft hyphen or a "|",
 * where Pango always keeps the break that Unicode allows, or, in a word
 * wider than a line alone, where Pango finds fit (between characters at
 * worst, without a hyphen).  Spaces at both ends of text and at the ends
 * of lines are dropped; blank text gives no line.  A GPtrArray of strings
 * the caller frees (g_ptr_array_free(lines, TRUE)). */
GPtrArray *cl_text_wrap(const char *font, const char *text, double size, bool bold, double width);

/* Where a text item's ink (the glyphs as painted in font, Pango's ink extents)
 * lies in the text's own frame: origin at its anchor, x along the text, y
 * down, before the rotation by its angle: box = {x, y, width, height}.
 * The scene dump prints it, so that tests can check overlaps. */
void cl_text_ink(const char *font, const scene_item_t *it, double box[4]);

/* ---- colours (palette.c) ---- */

/* The colour at t in [0, 1] (clamped) of a scale through n colour stops
 * ("#rrggbb"), evenly spaced and interpolated in sRGB; opaque.  t must
 * not be NAN. */
clout_rgba_t cl_color_ramp(const char *const *stops, int n, double t);

/* ---- scenes (scene.c) ---- */

/* Lines of text (cl_text_wrap) from (x, y) down, line_h apart,
 * left-aligned, each anchored at its top. */
void cl_scene_lines(clout_scene_t *s, const GPtrArray *lines, double x, double y, double line_h,
                    double size, bool bold, const clout_rgba_t *color);
/* clout_scene_group with a printf name ("bar %s"). */
void cl_scene_groupf(clout_scene_t *s, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

#endif
