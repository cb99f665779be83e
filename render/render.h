/* render.h: what the rendering files share (not installed). */
#ifndef CLOUT_RENDER_H
#define CLOUT_RENDER_H

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
};

/* The font every figure uses; fontconfig falls back for scripts it lacks
 * (WenQuanYi Micro Hei for Chinese). */
#define CLOUT_FONT_FAMILY "DejaVu Sans"

#endif
