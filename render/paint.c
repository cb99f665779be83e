/* paint.c: the one painter: any scene to PNG, SVG or PDF through Cairo, text through Pango. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "render.h"

int clout_imgformat_from_path(const char *path)
{
    if (!path)
        return -1;
    char *low = g_ascii_strdown(path, -1);
    int f = g_str_has_suffix(low, ".png")   ? CLOUT_IMG_PNG
            : g_str_has_suffix(low, ".svg") ? CLOUT_IMG_SVG
            : g_str_has_suffix(low, ".pdf") ? CLOUT_IMG_PDF
                                            : -1;
    g_free(low);
    return f;
}

/* ---- text: measured with the settings it is painted with ---- */

/* Unhinted metrics, so that text measures the same in every format and at
 * every resolution, and a label laid out for PDF fits in the PNG too. */
static cairo_font_options_t *font_options(void)
{
    cairo_font_options_t *o = cairo_font_options_create();
    cairo_font_options_set_hint_style(o, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(o, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(o, CAIRO_ANTIALIAS_GRAY);
    return o;
}

static PangoFontDescription *font_desc(const char *font, double size, bool bold)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, font ? font : CLOUT_FONT_FAMILY);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(d, size * PANGO_SCALE);
    return d;
}

/* Points are the scene's unit, so the context works at 72 dpi; Pango
 * (1.44 and later) would round every glyph's position to a whole unit,
 * i.e. to a whole point, which squeezes 7 pt digits from 4.45 to 4 pt
 * apart: positions are kept as the font gives them. */
static void setup_context(PangoContext *ctx)
{
    cairo_font_options_t *o = font_options();
    pango_cairo_context_set_font_options(ctx, o);
    cairo_font_options_destroy(o);
    pango_cairo_context_set_resolution(ctx, 72);
    pango_context_set_round_glyph_positions(ctx, FALSE);
}

static PangoLayout *layout_for(PangoContext *ctx, const char *font, const char *text, double size,
                               bool bold)
{
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *d = font_desc(font, size, bold);
    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    pango_layout_set_text(l, text, -1);
    return l;
}

/* A context made for one call to measure: nothing of Pango's is kept from
 * call to call or shared between threads (its objects are not
 * thread-safe).  The fonts are cached by the calling thread's default
 * font map, so a fresh context loads none. */
static PangoContext *measuring_context(void)
{
    PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
    setup_context(ctx);
    return ctx;
}

void cl_text_extent(const char *font, const char *text, double *width, double *height, double size,
                    bool bold)
{
    PangoContext *ctx = measuring_context();
    char *valid = g_utf8_make_valid(text ? text : "", -1);
    PangoLayout *l = layout_for(ctx, font, valid, size, bold);
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    *width = (double)logical.width / PANGO_SCALE;
    *height = (double)logical.height / PANGO_SCALE;
    g_object_unref(l);
    g_object_unref(ctx);
    g_free(valid);
}

void clout_text_extent(const char *text, double *width, double *height, double size, bool bold)
{
    cl_text_extent(NULL, text, width, height, size, bold);
}

double cl_text_width(const char *font, const char *text, double size, bool bold)
{
    double w, h;
    cl_text_extent(font, text, &w, &h, size, bold);
    return w;
}

double cl_text_height(const char *font, const char *text, double size, bool bold)
{
    double w, h;
    cl_text_extent(font, text, &w, &h, size, bold);
    return h;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The families of the font map that measures and paints: fontconfig's
 * (and Pango's generic Sans, Serif, Monospace), sorted, each once. */
static GPtrArray *font_families(void)
{
    PangoFontFamily **fam = NULL;
    int n = 0;
    pango_font_map_list_families(pango_cairo_font_map_get_default(), &fam, &n);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < n; i++)
        g_ptr_array_add(names, g_strdup(pango_font_family_get_name(fam[i])));
    g_free(fam);
    g_ptr_array_sort(names, cmp_str);
    for (guint i = 1; i < names->len;)
        if (strcmp(g_ptr_array_index(names, i), g_ptr_array_index(names, i - 1)) == 0)
            g_ptr_array_remove_index(names, i);
        else
            i++;
    g_ptr_array_add(names, NULL);
    return names;
}

clout_status_t clout_font_check(const char *family, clout_error_t *err)
{
    if (!family)
        return CLOUT_OK;
    GPtrArray *names = font_families();
    /* Fontconfig matches families without regard to case. */
    char *want = g_utf8_casefold(family, -1);
    bool found = false;
    for (guint i = 0; i + 1 < names->len && !found; i++) {
        char *have = g_utf8_casefold(g_ptr_array_index(names, i), -1);
        found = strcmp(have, want) == 0;
        g_free(have);
    }
    g_free(want);
    clout_status_t st = CLOUT_OK;
    if (!found) {
        char *m = cl_unknown("font", family, (char *const *)names->pdata);
        st = clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0, "%s", m);
        g_free(m);
    }
    g_ptr_array_free(names, TRUE);
    return st;
}

/* The break rules of cl_text_wrap, as Pango attributes: no hyphen where
 * a word is cut (the lines are handed back as text, and a hyphen Pango drew
 * would not be in them), and no break inside a word (a run without spaces,
 * where Unicode allows breaks after a slash, before a parenthesis, ...)
 * unless the word starts in one of the byte ranges of cut.  Pango keeps
 * the breaks after dashes even so ("2005–" "2023"). */
static PangoAttrList *wrap_attrs(const char *text, const GArray *cut)
{
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    for (const char *p = text + strspn(text, " "); *p;) {
        const char *q = p + strcspn(p, " ");
        guint start = (guint)(p - text), end = (guint)(q - text);
        bool in_cut = false;
        for (guint k = 0; k + 1 < cut->len; k += 2)
            in_cut = in_cut || (start >= g_array_index(cut, guint, k) &&
                                start < g_array_index(cut, guint, k + 1));
        if (!in_cut) {
            PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
            a->start_index = start;
            a->end_index = end;
            pango_attr_list_insert(attrs, a);
        }
        p = q + strspn(q, " ");
    }
    return attrs;
}

/* The byte ranges of the lines of l wider than width (Pango units), the
 * spaces at their ends left out: lines that hold a word too wide for any
 * line, when no word may be broken. */
static GArray *overflowing_lines(PangoLayout *l, const char *text, int width)
{
    GArray *cut = g_array_new(FALSE, FALSE, sizeof(guint));
    for (int i = 0; i < pango_layout_get_line_count(l); i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        int start = line->start_index, end = start + line->length, *x, n;
        while (end > start && text[end - 1] == ' ')
            end--;
        pango_layout_line_get_x_ranges(line, start, end, &x, &n);
        int lo = G_MAXINT, hi = G_MININT;
        for (int k = 0; k < n; k++) {
            lo = MIN(lo, x[2 * k]);
            hi = MAX(hi, x[2 * k + 1]);
        }
        g_free(x);
        if (n > 0 && hi - lo > width) {
            guint range[2] = {(guint)start, (guint)end};
            g_array_append_vals(cut, range, 2);
        }
    }
    return cut;
}

GPtrArray *cl_text_wrap(const char *font, const char *text, double size, bool bold, double width)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    char *valid = g_utf8_make_valid(text ? text : "", -1);
    g_strstrip(valid);
    if (!*valid) {
        g_free(valid);
        return lines;
    }
    PangoContext *ctx = measuring_context();
    PangoLayout *l = layout_for(ctx, font, valid, size, bold);
    /* Pango breaks a line when its text is wider than this, as the old
     * word-by-word test width(line) <= width did, in Pango units. */
    int w = (int)MAX(0, floor(width * PANGO_SCALE));
    pango_layout_set_width(l, w);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    /* Breaks at spaces only; then, if a word alone is wider than a line,
     * again with that word free to be cut where Pango finds fit. */
    GArray *cut = g_array_new(FALSE, FALSE, sizeof(guint));
    for (int pass = 0; pass < 2; pass++) {
        PangoAttrList *attrs = wrap_attrs(valid, cut);
        pango_layout_set_attributes(l, attrs);
        pango_attr_list_unref(attrs);
        g_array_free(cut, TRUE);
        cut = overflowing_lines(l, valid, w);
        if (!cut->len)
            break;
    }
    g_array_free(cut, TRUE);
    for (int i = 0; i < pango_layout_get_line_count(l); i++) {
        PangoLayoutLine *line = pango_layout_get_line_readonly(l, i);
        char *t = g_strndup(valid + line->start_index, (gsize)line->length);
        /* The spaces a line was broken at stay at its end in Pango. */
        g_ptr_array_add(lines, g_strchomp(t));
    }
    g_object_unref(l);
    g_object_unref(ctx);
    g_free(valid);
    return lines;
}

static void set_rgba(cairo_t *cr, const clout_rgba_t *c)
{
    cairo_set_source_rgba(cr, c->r, c->g, c->b, c->a);
}

static void fill_stroke(cairo_t *cr, const scene_item_t *it)
{
    if (it->has_fill) {
        set_rgba(cr, &it->fill);
        if (it->has_stroke)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (it->has_stroke) {
        set_rgba(cr, &it->stroke);
        cairo_set_line_width(cr, it->line_width);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

static void arrowhead(cairo_t *cr, const scene_item_t *it)
{
    int n = it->n;
    double x1 = it->xy[2 * n - 4], y1 = it->xy[2 * n - 3];
    double x2 = it->xy[2 * n - 2], y2 = it->xy[2 * n - 1];
    double dx = x2 - x1, dy = y2 - y1, len = hypot(dx, dy);
    if (len == 0)
        return;
    dx /= len;
    dy /= len;
    double size = 3.5 + 2.5 * it->line_width, half = size * 0.45;
    cairo_move_to(cr, x2, y2);
    cairo_line_to(cr, x2 - dx * size - dy * half, y2 - dy * size + dx * half);
    cairo_line_to(cr, x2 - dx * size + dy * half, y2 - dy * size - dx * half);
    cairo_close_path(cr);
    set_rgba(cr, &it->stroke);
    cairo_fill(cr);
}

void cl_text_ink(const char *font, const scene_item_t *it, double box[4])
{
    PangoContext *ctx = measuring_context();
    PangoLayout *l = layout_for(ctx, font, it->text, it->size, it->bold);
    PangoRectangle ink, logical;
    pango_layout_get_extents(l, &ink, &logical);
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    double dx = it->ha == CLOUT_HALIGN_LEFT ? 0 : it->ha == CLOUT_HALIGN_CENTER ? -w / 2 : -w;
    double dy = it->va == CLOUT_VALIGN_TOP ? 0 : it->va == CLOUT_VALIGN_MIDDLE ? -h / 2 : -h;
    box[0] = dx + (double)(ink.x - logical.x) / PANGO_SCALE;
    box[1] = dy + (double)(ink.y - logical.y) / PANGO_SCALE;
    box[2] = (double)ink.width / PANGO_SCALE;
    box[3] = (double)ink.height / PANGO_SCALE;
    g_object_unref(l);
    g_object_unref(ctx);
}

static void paint_text(cairo_t *cr, const char *font, const scene_item_t *it)
{
    /* A context for this text, made from cr as pango_cairo_create_layout
     * would make it, with the settings text was measured with. */
    PangoContext *ctx = pango_cairo_create_context(cr);
    setup_context(ctx);
    PangoLayout *l = layout_for(ctx, font, it->text, it->size, it->bold);
    PangoRectangle logical;
    pango_layout_get_extents(l, NULL, &logical);
    double w = (double)logical.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    double dx = it->ha == CLOUT_HALIGN_LEFT ? 0 : it->ha == CLOUT_HALIGN_CENTER ? -w / 2 : -w;
    double dy = it->va == CLOUT_VALIGN_TOP ? 0 : it->va == CLOUT_VALIGN_MIDDLE ? -h / 2 : -h;
    cairo_save(cr);
    cairo_translate(cr, it->x, it->y);
    if (it->angle != 0)
        cairo_rotate(cr, -it->angle * G_PI / 180);
    cairo_move_to(cr, dx - (double)logical.x / PANGO_SCALE, dy - (double)logical.y / PANGO_SCALE);
    set_rgba(cr, &it->fill);
    pango_cairo_show_layout(cr, l);
    cairo_restore(cr);
    g_object_unref(l);
    g_object_unref(ctx);
}

static void paint_items(cairo_t *cr, const clout_scene_t *s)
{
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    for (guint i = 0; i < s->items->len; i++) {
        const scene_item_t *it = g_ptr_array_index(s->items, i);
        switch (it->kind) {
        case ITEM_GROUP: break;
        case ITEM_CIRCLE:
            cairo_new_sub_path(cr);
            cairo_arc(cr, it->x, it->y, it->w, 0, 2 * G_PI);
            fill_stroke(cr, it);
            break;
        case ITEM_RECT:
            cairo_rectangle(cr, it->x, it->y, it->w, it->h);
            fill_stroke(cr, it);
            break;
        case ITEM_POLYGON:
        case ITEM_LINE:
            if (it->n < 2)
                break;
            cairo_move_to(cr, it->xy[0], it->xy[1]);
            for (int k = 1; k < it->n; k++)
                cairo_line_to(cr, it->xy[2 * k], it->xy[2 * k + 1]);
            if (it->kind == ITEM_POLYGON) {
                cairo_close_path(cr);
                fill_stroke(cr, it);
            } else {
                if (it->n_dash)
                    cairo_set_dash(cr, it->dash, it->n_dash, 0);
                fill_stroke(cr, it);
                cairo_set_dash(cr, NULL, 0, 0);
                if (it->arrow && it->has_stroke)
                    arrowhead(cr, it);
            }
            break;
        case ITEM_TEXT: paint_text(cr, s->font, it); break;
        }
    }
}

static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* SOURCE_DATE_EPOCH (reproducible builds), which this cairo does not read
 * by itself, else 2000-01-01T00:00:00Z. */
static char *pdf_date(void)
{
    gint64 t = 946684800; /* 2000-01-01T00:00:00Z */
    cl_source_date(&t);
    GDateTime *d = g_date_time_new_from_unix_utc(t);
    char *s = g_date_time_format(d, "%Y-%m-%dT%H:%M:%SZ");
    g_date_time_unref(d);
    return s;
}

clout_status_t clout_render_paint(const clout_scene_t *s, const char *path, clout_imgformat_t fmt,
                                  double dpi, clout_error_t *err)
{
    clout_output_t *out;
    clout_status_t st = clout_output_open(&out, path, err);
    if (st)
        return st;
    FILE *f = clout_output_file(out);
    cairo_surface_t *surf;
    double scale = 1;
    if (fmt == CLOUT_IMG_PNG) {
        scale = (dpi > 0 ? dpi : 300) / 72.0;
        int w = (int)ceil(s->width * scale), h = (int)ceil(s->height * scale);
        if (w <= 0 || h <= 0 || w > 32767 || h > 32767) {
            clout_output_abort(out);
            return clout_error_set(err, CLOUT_EUSAGE, path, 0, 0,
                                   "a PNG of %d x %d pixels is outside 1..32767; lower --dpi", w,
                                   h);
        }
        surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    } else if (fmt == CLOUT_IMG_SVG) {
        surf = cairo_svg_surface_create_for_stream(to_file, f, s->width, s->height);
        cairo_svg_surface_set_document_unit(surf, CAIRO_SVG_UNIT_PT);
    } else {
        surf = cairo_pdf_surface_create_for_stream(to_file, f, s->width, s->height);
        char *date = pdf_date();
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "clout " PACKAGE_VERSION);
        g_free(date);
    }
    cairo_t *cr = cairo_create(surf);
    cairo_scale(cr, scale, scale);
    /* A white page: a transparent PNG would look broken in a slide. */
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, s->width, s->height);
    cairo_fill(cr);
    paint_items(cr, s);
    cairo_status_t cs = cairo_status(cr);
    cairo_destroy(cr);
    if (fmt == CLOUT_IMG_PNG && !cs)
        cs = cairo_surface_write_to_png_stream(surf, to_file, f);
    cairo_surface_finish(surf);
    if (!cs)
        cs = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (cs) {
        clout_output_abort(out);
        return clout_error_set(err, CLOUT_EFAIL, path, 0, 0, "cannot draw: %s",
                               cairo_status_to_string(cs));
    }
    return clout_output_commit(out, err);
}

bool clout_parse_length(const char *s, double *points)
{
    static const struct {
        const char *unit;
        double pt;
    } units[] = {{"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72}, {"pt", 1}, {"", 72 / 25.4}};
    if (!s)
        return false;
    for (size_t i = 0; i < G_N_ELEMENTS(units); i++) {
        if (!g_str_has_suffix(s, units[i].unit))
            continue;
        char *num = g_strndup(s, strlen(s) - strlen(units[i].unit));
        double v;
        bool ok = clout_parse_number(num, &v) && v > 0;
        g_free(num);
        /* 200 inches is PDF's largest page; nothing larger is a figure. */
        if (ok && v * units[i].pt <= 14400) {
            *points = v * units[i].pt;
            return true;
        }
        if (ok)
            return false;
        if (*units[i].unit)
            return false;
    }
    return false;
}
