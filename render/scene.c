/* scene.c: figures as lists of shapes and text in points, and their text dump for tests. */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "render.h"

static void item_free(gpointer p)
{
    scene_item_t *it = p;
    g_free(it->xy);
    g_free(it->dash);
    g_free(it->text);
    g_free(it);
}

clout_scene_t *clout_scene_new(double width, double height)
{
    clout_scene_t *s = g_new0(clout_scene_t, 1);
    s->width = width;
    s->height = height;
    s->items = g_ptr_array_new_with_free_func(item_free);
    return s;
}

void clout_scene_free(clout_scene_t *s)
{
    if (!s)
        return;
    g_ptr_array_free(s->items, TRUE);
    g_free(s->group);
    g_free(s->font);
    g_free(s);
}

void clout_scene_set_font(clout_scene_t *s, const char *family)
{
    g_free(s->font);
    /* The default named is the default: its scene dumps as any other. */
    s->font =
        family && g_ascii_strcasecmp(family, CLOUT_FONT_FAMILY) != 0 ? g_strdup(family) : NULL;
}

const char *clout_scene_font(const clout_scene_t *s)
{
    return s->font ? s->font : CLOUT_FONT_FAMILY;
}

double clout_scene_width(const clout_scene_t *s)
{
    return s->width;
}

double clout_scene_height(const clout_scene_t *s)
{
    return s->height;
}

void clout_scene_group(clout_scene_t *s, const char *name)
{
    g_free(s->group);
    s->group = g_strdup(name);
    scene_item_t *it = g_new0(scene_item_t, 1);
    it->kind = ITEM_GROUP;
    it->text = g_strdup(name ? name : "");
    g_ptr_array_add(s->items, it);
}

void cl_scene_groupf(clout_scene_t *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *name = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    clout_scene_group(s, name);
    g_free(name);
}

static scene_item_t *add(clout_scene_t *s, item_kind_t kind, const clout_rgba_t *fill,
                         const clout_rgba_t *stroke, double lw)
{
    scene_item_t *it = g_new0(scene_item_t, 1);
    it->kind = kind;
    if (fill) {
        it->fill = *fill;
        it->has_fill = true;
    }
    if (stroke) {
        it->stroke = *stroke;
        it->has_stroke = true;
    }
    it->line_width = lw;
    g_ptr_array_add(s->items, it);
    return it;
}

void clout_scene_circle(clout_scene_t *s, double cx, double cy, double r, const clout_rgba_t *fill,
                        const clout_rgba_t *stroke, double line_width)
{
    scene_item_t *it = add(s, ITEM_CIRCLE, fill, stroke, line_width);
    it->x = cx;
    it->y = cy;
    it->w = r;
}

void clout_scene_rect(clout_scene_t *s, double x, double y, double w, double h,
                      const clout_rgba_t *fill, const clout_rgba_t *stroke, double line_width)
{
    scene_item_t *it = add(s, ITEM_RECT, fill, stroke, line_width);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
}

void clout_scene_polygon(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *fill,
                         const clout_rgba_t *stroke, double line_width)
{
    scene_item_t *it = add(s, ITEM_POLYGON, fill, stroke, line_width);
    it->xy = g_memdup2(xy, sizeof(double) * 2 * (size_t)n);
    it->n = n;
}

void clout_scene_line(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *stroke,
                      double line_width, const double *dash, int n_dash, bool arrow)
{
    scene_item_t *it = add(s, ITEM_LINE, NULL, stroke, line_width);
    it->xy = g_memdup2(xy, sizeof(double) * 2 * (size_t)n);
    it->n = n;
    if (dash && n_dash > 0) {
        it->dash = g_memdup2(dash, sizeof(double) * (size_t)n_dash);
        it->n_dash = n_dash;
    }
    it->arrow = arrow;
}

void clout_scene_text(clout_scene_t *s, double x, double y, const char *text, double size,
                      bool bold, const clout_rgba_t *color, clout_halign_t ha, clout_valign_t va,
                      double angle)
{
    scene_item_t *it = add(s, ITEM_TEXT, color, NULL, 0);
    it->x = x;
    it->y = y;
    it->size = size;
    it->bold = bold;
    it->ha = ha;
    it->va = va;
    it->angle = angle;
    /* Text must be valid UTF-8 for Pango; anything else is shown replaced. */
    it->text = g_utf8_make_valid(text ? text : "", -1);
}

void cl_scene_lines(clout_scene_t *s, const GPtrArray *lines, double x, double y, double line_h,
                    double size, bool bold, const clout_rgba_t *color)
{
    for (guint i = 0; i < lines->len; i++)
        clout_scene_text(s, x, y + i * line_h, g_ptr_array_index(lines, i), size, bold, color,
                         CLOUT_HALIGN_LEFT, CLOUT_VALIGN_TOP, 0);
}

/* ---- the dump ---- */

static void color(FILE *f, const char *key, bool has, const clout_rgba_t *c)
{
    if (!has) {
        fprintf(f, " %s=none", key);
        return;
    }
    fprintf(f, " %s=#%02x%02x%02x%02x", key, (int)lround(c->r * 255), (int)lround(c->g * 255),
            (int)lround(c->b * 255), (int)lround(c->a * 255));
}

/* 0.1 pt is below what any reviewer sees and above floating-point noise. */
static void num(FILE *f, double v)
{
    double r = round(v * 10) / 10;
    fprintf(f, " %.1f", r == 0 ? 0.0 : r);
}

void clout_scene_dump(const clout_scene_t *s, FILE *f)
{
    char keep[129] = {0}; /* the bytes g_strescape leaves as they are: 0x80..0xff */
    for (int k = 0; k < 128; k++)
        keep[k] = (char)(0x80 + k);
    fprintf(f, "scene");
    num(f, s->width);
    num(f, s->height);
    if (s->font) { /* only another font than the default: default dumps stay as they were */
        char *e = g_strescape(s->font, keep);
        fprintf(f, " font=\"%s\"", e);
        g_free(e);
    }
    fputc('\n', f);
    for (guint i = 0; i < s->items->len; i++) {
        const scene_item_t *it = g_ptr_array_index(s->items, i);
        switch (it->kind) {
        case ITEM_GROUP: fprintf(f, "group %s\n", it->text); continue;
        case ITEM_CIRCLE:
            fputs("  circle", f);
            num(f, it->x);
            num(f, it->y);
            num(f, it->w);
            break;
        case ITEM_RECT:
            fputs("  rect", f);
            num(f, it->x);
            num(f, it->y);
            num(f, it->w);
            num(f, it->h);
            break;
        case ITEM_POLYGON:
        case ITEM_LINE:
            fprintf(f, "  %s %d", it->kind == ITEM_LINE ? "line" : "polygon", it->n);
            for (int k = 0; k < 2 * it->n; k++)
                num(f, it->xy[k]);
            if (it->n_dash) {
                fputs(" dash", f);
                for (int k = 0; k < it->n_dash; k++)
                    num(f, it->dash[k]);
            }
            if (it->arrow)
                fputs(" arrow", f);
            break;
        case ITEM_TEXT: {
            static const char *h[] = {"left", "center", "right"},
                              *v[] = {"top", "middle", "bottom"};
            fputs("  text", f);
            num(f, it->x);
            num(f, it->y);
            num(f, it->size);
            fprintf(f, " %s %s %s", it->bold ? "bold" : "regular", h[it->ha], v[it->va]);
            num(f, it->angle);
            double ink[4];
            cl_text_ink(s->font, it, ink);
            fputs(" ink", f);
            for (int k = 0; k < 4; k++)
                num(f, ink[k]);
            color(f, "color", it->has_fill, &it->fill);
            /* Quotes, backslashes and control characters escaped; other
             * characters (Cyrillic, Chinese) stay readable in golden files. */
            char *e = g_strescape(it->text, keep);
            fprintf(f, " \"%s\"\n", e);
            g_free(e);
            continue;
        }
        }
        if (it->kind != ITEM_LINE)
            color(f, "fill", it->has_fill, &it->fill);
        color(f, "stroke", it->has_stroke, &it->stroke);
        if (it->has_stroke)
            num(f, it->line_width);
        fputc('\n', f);
    }
}
