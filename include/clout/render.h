/* clout/render.h: figures: scenes, colours, layouts, diagrams and charts (part of the public API, see clout.h). */
#ifndef CLOUT_RENDER_H
#define CLOUT_RENDER_H

#include <clout/snapshot.h>
#include <clout/table.h>
#include <clout/influence.h>
#include <clout/communities.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Rendering (render/): figures are scenes (shapes and text in points) that
 * one painter turns into PNG, SVG or PDF through Cairo and Pango.
 * ------------------------------------------------------------------------- */
/* A colour with alpha. */
typedef struct {
    double r, g, b, a; /* 0..1 */
} clout_rgba_t;

/* How a text sits on its anchor point. */
typedef enum { CLOUT_HALIGN_LEFT = 0, CLOUT_HALIGN_CENTER, CLOUT_HALIGN_RIGHT } clout_halign_t;
typedef enum { CLOUT_VALIGN_TOP = 0, CLOUT_VALIGN_MIDDLE, CLOUT_VALIGN_BOTTOM } clout_valign_t;

/* A figure before it is painted: a list of shapes and texts.  Opaque. */
typedef struct clout_scene clout_scene_t;

/* A scene of width x height points (1 pt = 1/72 in); y grows downwards.
 * The caller owns it and frees it with clout_scene_free(). */
clout_scene_t *clout_scene_new(double width, double height);
/* Frees s and its items; NULL is allowed. */
void clout_scene_free(clout_scene_t *s);
/* The scene's width in points. */
double clout_scene_width(const clout_scene_t *s);
/* The scene's height in points. */
double clout_scene_height(const clout_scene_t *s);
/* The font family of every text of s: family (copied), or NULL for the
 * default, DejaVu Sans; painting and the dump's ink boxes use it.  Set it
 * before painting and check the name first (clout_font_check): Pango
 * would silently use another family for one it cannot find.  Text laid
 * out for one family may not fit in another, so a scene is laid out in
 * the family it is painted in (the diagram and chart options' font). */
void clout_scene_set_font(clout_scene_t *s, const char *family);
/* The font family of s's texts ("DejaVu Sans" by default); owned by s. */
const char *clout_scene_font(const clout_scene_t *s);
/* Whether fontconfig has a font of family (matched without regard to
 * case), as Pango lists the families it paints with
 * (pango_font_map_list_families, which adds the generic Sans, Serif and
 * Monospace); NULL (the default font) is fine.  Errors: CLOUT_EUSAGE
 * "unknown font 'X'; did you mean 'Y'? (valid: ...)", with the closest
 * installed family when one is close.  Time: a listing of the installed
 * families. */
clout_status_t clout_font_check(const char *family, clout_error_t *err);
/* Everything added after this call belongs to the named group (for the dump
 * and for SVG readers); NULL ends the group. */
void clout_scene_group(clout_scene_t *s, const char *name);

/* Shapes.  fill or stroke may be NULL (none); line widths are in points;
 * the colours are copied.  A circle of radius r around (cx, cy): */
void clout_scene_circle(clout_scene_t *s, double cx, double cy, double r, const clout_rgba_t *fill,
                        const clout_rgba_t *stroke, double line_width);
/* A rectangle with its top left corner at (x, y), w wide and h high. */
void clout_scene_rect(clout_scene_t *s, double x, double y, double w, double h,
                      const clout_rgba_t *fill, const clout_rgba_t *stroke, double line_width);
/* A closed polygon of n points (xy pairs). */
void clout_scene_polygon(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *fill,
                         const clout_rgba_t *stroke, double line_width);
/* An open polyline; dash (n_dash lengths, or NULL) and an arrowhead at the end. */
void clout_scene_line(clout_scene_t *s, const double *xy, int n, const clout_rgba_t *stroke,
                      double line_width, const double *dash, int n_dash, bool arrow);
/* Text: (x, y) is the anchor point, aligned as asked; angle in degrees
 * (counter-clockwise).  All text is laid out by Pango, so any script works. */
void clout_scene_text(clout_scene_t *s, double x, double y, const char *text, double size,
                      bool bold, const clout_rgba_t *color, clout_halign_t ha, clout_valign_t va,
                      double angle);
/* The size a text will take, in points (Pango, the same fonts as painting),
 * in the default font (a scene without clout_scene_set_font). */
void clout_text_extent(const char *text, double *width, double *height, double size, bool bold);

/* A text dump of the scene: one line per item, coordinates rounded to 0.1
 * pt, colours as #rrggbbaa: what scene tests compare with golden files.
 * A text line also gives its ink box ("ink X Y W H": the painted glyphs'
 * extent in the text's own frame, origin at the anchor, y down, before
 * rotation), so that a test can check that no text overlaps another. */
void clout_scene_dump(const clout_scene_t *s, FILE *f);

/* The image formats clout_render_paint writes. */
typedef enum { CLOUT_IMG_PNG = 0, CLOUT_IMG_SVG, CLOUT_IMG_PDF } clout_imgformat_t;
/* The format of a file name's extension (.png .svg .pdf); -1 if none. */
int clout_imgformat_from_path(const char *path);
/* Paints the scene into path (atomically): PNG at dpi, SVG or PDF with
 * embedded fonts.  The same scene gives the same bytes: the PDF creation
 * date is SOURCE_DATE_EPOCH when set, else 2000-01-01.  Errors: CLOUT_EFAIL
 * when Cairo fails or the file cannot be written (nothing is left at path
 * then).  Time: linear in the scene's items, and in the pixels for PNG. */
clout_status_t clout_render_paint(const clout_scene_t *s, const char *path, clout_imgformat_t fmt,
                                  double dpi, clout_error_t *err);

/* Colours: a colour-blind-safe diverging scale for balance in [-1, 1]
 * (-1 the first pole, +1 the second; ColorBrewer RdBu reversed, 11 classes,
 * interpolated), neutral grey for NAN; and the 8 Okabe-Ito colours for
 * categories (community, layer, kind), cycling. */
clout_rgba_t clout_color_balance(double b);
/* The i-th Okabe-Ito category colour (i modulo 8; i >= 0). */
clout_rgba_t clout_color_category(int i);
/* A colour as Pango reads it (pango_color_parse_with_alpha): "#rgb",
 * "#rrggbb", "#rrggbbaa", "#rrrrggggbbbb", ... or a name ("white",
 * "steelblue").  false (*c untouched) for anything else, NULL included. */
bool clout_color_parse(const char *spec, clout_rgba_t *c);

/* A length for --width/--height: "180mm", "7in", "18cm", "500pt" or a bare
 * number (mm), in points; false if invalid or not positive. */
bool clout_parse_length(const char *s, double *points);

/* ---- Diagrams (render/layout.c, render/diagram.c) ---- */

/* A layout: a position in points for each actor id (x to the right, y
 * downwards, as on the page).  The diagram scales it to the figure, so only
 * its shape matters; saved and pinned layouts use these units. */
typedef struct clout_layout clout_layout_t;

/* An empty layout; the caller frees it with clout_layout_free(). */
clout_layout_t *clout_layout_new(void);
/* Frees l; NULL is allowed. */
void clout_layout_free(clout_layout_t *l);
/* Number of actors placed. */
int clout_layout_count(const clout_layout_t *l);
/* The id of the i-th actor placed, in the order they were added; owned by
 * l. */
const char *clout_layout_id(const clout_layout_t *l, int i);
/* Places id (or moves it when already placed). */
void clout_layout_set(clout_layout_t *l, const char *id, double x, double y);
/* The position of id; false when the layout does not place it. */
bool clout_layout_get(const clout_layout_t *l, const char *id, double *x, double *y);

/* Reads a layout from a CSV file with the columns id, x and y (others are
 * ignored).  A missing column, a bad number or an id listed twice is
 * CLOUT_EDATA naming file, line and column.  The caller frees *out. */
clout_status_t clout_layout_read(clout_layout_t **out, const char *path, clout_error_t *err);
/* Writes id,x,y (positions to 0.01 pt) to path, atomically.  Errors:
 * CLOUT_EFAIL when the file cannot be written. */
clout_status_t clout_layout_write(const clout_layout_t *l, const char *path, clout_error_t *err);

/* The layout engines: Graphviz's, and geo (lat/lon of actors.csv). */
typedef enum {
    CLOUT_LAYOUT_NEATO = 0,
    CLOUT_LAYOUT_FDP,
    CLOUT_LAYOUT_SFDP,
    CLOUT_LAYOUT_DOT,
    CLOUT_LAYOUT_CIRCO,
    CLOUT_LAYOUT_TWOPI,
    CLOUT_LAYOUT_GEO
} clout_layout_engine_t;

/* Engine by name ("neato", ..., "geo"); -1 if none. */
int clout_layout_engine_from_name(const char *name);

/* How clout_layout_compute lays out; clout_layout_opts_init gives the
 * defaults. */
typedef struct {
    clout_layout_engine_t engine;
    unsigned long seed;        /* Graphviz's start=SEED: the same seed, the same layout */
    const clout_layout_t *pin; /* positions to keep as they are, or NULL */
    const clout_dataset_t *ds; /* geo: the actors' lat and lon; may be NULL otherwise */
} clout_layout_opts_t;

/* The defaults: neato, seed 1, nothing pinned, no dataset. */
void clout_layout_opts_init(clout_layout_opts_t *o);

/* Lays out the union of n networks (every actor and every tie of any of
 * them, actors matched by id) so that small multiples share one frame.
 * Graphviz runs in-process (cgraph + gvc); its messages are captured, never
 * printed.  Pinned actors keep their positions exactly and the others are
 * placed by neato (or fdp) around them; geo places actors with coordinates
 * at x = lon, y = -lat (equirectangular, 7.2 pt per degree); a bloc without
 * coordinates at the centroid (mean lon and lat) of its members with
 * coordinates (the actors tied to it in any network by an undirected
 * relation of mode state, a membership), a company without coordinates at
 * the centroid of its lead poles with coordinates, either, failing that, at
 * the centroid of the actors with coordinates it is tied to; beyond the
 * focus actors' extent, widened on each side by half of it (10 degrees at
 * least), distances shrink 4 times (a pole across the world does not leave
 * the region a strip of the map; directions and order are kept); it
 * spreads actors that share a point on a small ring, and pins them all.
 * *out places every actor of the networks and every pinned one.  Errors: CLOUT_EUSAGE for geo
 * without a dataset, CLOUT_EFAIL when Graphviz cannot lay out (its plugins
 * missing: install the graphviz package).  Time: that of the engine.
 *
 * Random state: Graphviz draws from the C library's generators (drand48,
 * and rand, which glibc draws from random's state), and sfdp draws before
 * it seeds them, so this seeds them with opts->seed for the layout (every
 * call then repeats) and gives the caller's states back when it returns:
 * drand48's through seed48 (an lcong48 multiplier, if the caller set one,
 * is reset to the default), random's through initstate and setstate, so
 * the caller's sequences continue where they were.  On a C library where
 * rand has a state of its own (not glibc), that state is reseeded and not
 * restored: a caller that needs it draws its numbers before the call.
 * Graphviz keeps global state, so layouts run in one thread at a time, and
 * no other thread may use these generators meanwhile. */
clout_status_t clout_layout_compute(clout_network_t *const *nets, int n_nets, clout_layout_t **out,
                                    const clout_layout_opts_t *opts, clout_error_t *err);

/* What fills the nodes of a diagram. */
typedef enum {
    CLOUT_FILL_BALANCE = 0, /* focus actors by balance, the two poles by its ends */
    CLOUT_FILL_COMMUNITY,   /* Leiden communities, Okabe-Ito */
    CLOUT_FILL_KIND,        /* actor kind, Okabe-Ito */
    CLOUT_FILL_LAYER,       /* white nodes: the figure is about the ties' layers */
    CLOUT_FILL_NONE
} clout_fill_t;
/* By name ("balance", "community", "kind", "layer", "none"); -1 if none. */
int clout_fill_from_name(const char *name);

/* Which nodes of a diagram carry their names. */
typedef enum {
    CLOUT_LABELS_ALL = 0,
    CLOUT_LABELS_FOCUS, /* focus actors only */
    CLOUT_LABELS_POLES, /* poles only */
    CLOUT_LABELS_NONE,
    /* every actor's name that finds room: the poles' and focus actors'
     * always, another's only where it covers no node or other label (else
     * it is left out, and a warning says which) */
    CLOUT_LABELS_FIT
} clout_labels_t;
/* By name ("all", "focus", "poles", "none", "fit"); -1 if none. */
int clout_labels_from_name(const char *name);

/* How clout_diagram draws; clout_diagram_opts_init gives the defaults. */
typedef struct {
    clout_fill_t fill;
    const char *size; /* node area by this measure (clout_measure_names), or NULL */
    clout_labels_t labels;
    const char *title; /* NULL: the dataset's title and year; "": no title band */
    bool no_source;    /* leave out the source line */
    const char *font;  /* the font family of every text (clout_font_check); NULL: DejaVu Sans */
    double width;      /* points */
    double height;     /* points; 0 = from the layout's aspect ratio */
    const clout_snapshot_opts_t *snap; /* how the networks were made (balance, sources) */
    /* The balance fill is clout_influence's balance over all layers with
     * these options (poles: the first two are the ends), so that a node's
     * colour is what `clout influence` prints; the community fill is
     * clout_communities with these. */
    clout_influence_opts_t influence;
    clout_community_opts_t communities;
} clout_diagram_opts_t;

/* The width of a diagram or chart by default: 180 mm (a two-column journal
 * page) in points. */
#define CLOUT_DIAGRAM_WIDTH (180 / 25.4 * 72)

/* The defaults: fill by balance, no size measure, the labels that fit
 * (CLOUT_LABELS_FIT), the default title and source line, the default font,
 * CLOUT_DIAGRAM_WIDTH wide, height from the layout, and the defaults of the
 * influence and communities. */
void clout_diagram_opts_init(clout_diagram_opts_t *o);

/* Builds the scene of a network diagram: one panel per network (side by
 * side, or in a grid), every panel drawn from the one layout, with a shared
 * legend, a title and a source line.  ds may be NULL (a network file: no
 * balance, fill falls back to kind).  Every actor of the networks must be
 * placed by layout.  The scene is the caller's (clout_scene_free).  An
 * unknown measure or font (clout_font_check) is CLOUT_EUSAGE; a height too small for the legend is
 * CLOUT_EUSAGE; the errors of clout_influence and clout_communities for
 * the fills that run them.  Nothing is painted: see clout_render_paint.
 * Time: the fill's analysis, plus linear in the actors and ties (label
 * placement: quadratic in the labels). */
clout_status_t clout_diagram(clout_network_t *const *nets, int n_nets, const clout_dataset_t *ds,
                             const clout_layout_t *layout, clout_scene_t **out,
                             const clout_diagram_opts_t *opts, clout_error_t *err);

/* ---- Charts (render/chart-*.c) ---- */

/* Charts of analysis tables.  Each function reads tables as clout_influence
 * and clout_measures return them and builds a new scene (the caller frees it
 * with clout_scene_free): opts->width wide, as tall as its content (or
 * opts->height), with a title, axes with ticks and labels, a key where one
 * is needed and opts->source as the source line; every text is measured,
 * in opts->font, so that nothing is clipped.  Poles take Okabe-Ito colours in pole order (the
 * first two blue and vermillion, like the ends of the balance scale),
 * "other" light grey.  A table without a column the chart needs, a layer
 * without rows, an unknown font (clout_font_check), or a width or height
 * too small for the labels is
 * CLOUT_EUSAGE (*out is then NULL).  Time: linear in the table sizes (rank
 * charts: quadratic in the number of actors). */
typedef struct {
    const char *title;    /* NULL: a title that says what is shown, and when; "": none
                             (no title band) */
    const char *source;   /* the source line under the chart; NULL or "": none */
    const char *snapshot; /* when, for the default title ("2023"); NULL: not said */
    double width;         /* points */
    double height;        /* points; 0: from the content */
    const char *layer;    /* the layer shown; NULL: "all" */
    const char *of;       /* what is shown: see each chart; NULL: its default */
    char **poles;         /* pole ids in order, NULL-terminated: colours, and the
                             names of the balance's ends (first two); NULL: the
                             tables' order */
    char **names;         /* display names: "id", "name", "id", "name", ..., NULL;
                             NULL (or an id not listed): the id */
    char **actors;        /* slope of a measure: the actors shown (see there) */
    const char *font;     /* the font family of every text (clout_font_check); NULL:
                             DejaVu Sans */
} clout_chart_opts_t;

/* The defaults: the chart's own title, no source line, the default font, CLOUT_DIAGRAM_WIDTH
 * wide, as tall as the content, layer "all", each chart's default value,
 * the tables' pole order, ids as names. */
void clout_chart_opts_init(clout_chart_opts_t *o);

/* The source line of a chart: "Source: TITLE, 2014 and 2023 (flows summed
 * over 5 years); clout WHAT, doc/methods.md; 95% intervals from N bootstrap
 * replicates (seed S)."  titles: the datasets' titles (clout_dataset_title),
 * or file names, each said once; years: the snapshots (none for files, more
 * than four as a range); what: "influence" or "measure (pagerank)"; the
 * interval clause only when bootstrap > 0.  The caller frees the string. */
char *clout_chart_source_line(char *const *titles, int n_titles, const int *years, int n_years,
                              int window, const char *what, int bootstrap, unsigned long seed);

/* A stacked horizontal bar per focus actor of its direct shares D by pole
 * and "other" (the "shares" table: focus, pole, layer, direct), 0..100%. */
clout_status_t clout_chart_shares(const clout_table_t *shares, clout_scene_t **out,
                                  const clout_chart_opts_t *opts, clout_error_t *err);

/* A dot per focus actor at its balance B, with its 95% interval where
 * balance_lo and balance_hi are numbers, sorted by balance (the "balance"
 * table: focus, layer, balance, balance_lo, balance_hi); x from -1 ("all"
 * the first pole) to +1 (the second), a line at 0, dots coloured by
 * clout_color_balance, the values and intervals printed on the right. */
clout_status_t clout_chart_balance(const clout_table_t *balance, clout_scene_t **out,
                                   const clout_chart_opts_t *opts, clout_error_t *err);

/* The balance chart of a "robustness" table (clout_robustness: focus,
 * layer, balance, boot_lo, boot_hi, min, max): each dot with its 95%
 * bootstrap interval and, under it as a light band, its range over the
 * robustness variants, side by side in one row. */
clout_status_t clout_chart_robustness(const clout_table_t *robustness, clout_scene_t **out,
                                      const clout_chart_opts_t *opts, clout_error_t *err);

/* A line per focus actor over n snapshots (years increasing).  opts->of NULL
 * or "balance": tables are "balance" tables, y from -1 to 1; else of is a
 * pole id and tables are "shares" tables, y its index I from 0 to 1.  Where
 * the tables carry intervals (balance_lo/hi, index_lo/hi), a ribbon shows
 * them. */
clout_status_t clout_chart_trend(clout_table_t *const *tables, const int *years, int n,
                                 clout_scene_t **out, const clout_chart_opts_t *opts,
                                 clout_error_t *err);

/* The change between two snapshots, labelled label_a and label_b.
 * opts->of NULL or "balance": a and b are "balance" tables; a line per focus
 * actor from its balance in a to its balance in b.  Else of is a measure
 * column of clout_measures tables (pagerank, betweenness, ...): the rank of
 * each actor (1 = the highest value, ties share the better rank) in a and
 * in b.  The actors shown are opts->actors, else those whose role is focus
 * or pole, else the 15 best ranked in either snapshot; poles are drawn in
 * their colours, the others in grey. */
clout_status_t clout_chart_slope(const clout_table_t *a, const clout_table_t *b,
                                 const char *label_a, const char *label_b, clout_scene_t **out,
                                 const clout_chart_opts_t *opts, clout_error_t *err);

/* A grid of focus actors (rows) by poles (columns) of the "shares" table's
 * opts->of column (default "index"), 0..1 on a sequential colour scale
 * (ColorBrewer Purples); or, with opts->of "layers", of focus actors by
 * layers of the "balance" table's balance, on the balance scale.  Each cell
 * prints its value; a colour bar gives the scale. */
clout_status_t clout_chart_heatmap(const clout_table_t *table, clout_scene_t **out,
                                   const clout_chart_opts_t *opts, clout_error_t *err);

/* Small multiples of n "balance" tables (clout_influence's, one per
 * snapshot, in time order), labelled labels[j] ("2005"), with one title,
 * one key, one scale and one source line.  opts->of NULL or "balance": a
 * grid of balance panels, a row per layer of layers (NULL-terminated;
 * NULL: opts->layer, else "all") and a column per table, each panel
 * labelled "LAYER, LABEL": a dot per focus actor at its balance on the
 * same x scale from -1 to +1 in every panel (ticks under the last row,
 * "all" the first pole at the left end), with its 95% interval where the
 * table has balance_lo and balance_hi; the focus actors in one order in
 * every panel (by balance in the first panel, those without one last), their
 * names once per row of panels.  opts->of "layers": a heatmap per table,
 * side by side, of focus actors (in table order) by the layers of layers
 * (NULL: every layer of the tables, "all" last), each cell coloured by
 * clout_color_balance and printing its value where the cells are wide
 * enough, with one colour bar under them.  A layer that no table has, a
 * table without a needed column, or a width too small for the panels is
 * CLOUT_EUSAGE (*out is then NULL).  The scene is the caller's.  Time:
 * linear in the tables' sizes times the number of layers. */
clout_status_t clout_chart_facets(clout_table_t *const *tables, char *const *labels, int n,
                                  char *const *layers, clout_scene_t **out,
                                  const clout_chart_opts_t *opts, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
