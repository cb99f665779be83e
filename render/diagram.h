/* diagram.h: what the diagram files share: nodes, ties, panels, shapes, colours, the legend and
 * the labels (not installed). */
#ifndef CLOUT_DIAGRAM_H
#define CLOUT_DIAGRAM_H

#include "render.h"

/*
 * diagram.c reads the networks and draws the figure, diagram-legend.c
 * its legend and diagram-labels.c places the node labels.  The diagram_
 * names are the diagram's own: libclout exports only clout_ names.
 */

/* Node radii in points (the radius of a circle of the node's area). */
#define R_CONST 4.5 /* every node, without --size */
#define R_MIN 2.0   /* --size: the smallest values are never drawn smaller */
#define R_MAX 9.0   /* --size: the largest value */
/* Tie widths in points, linear in weight over the weights drawn. */
#define W_MIN 0.4
#define W_MAX 3.0
#define W_SAME 1.0     /* when every tie weighs the same */
#define STROKE_GAP 0.4 /* between the strokes of a tie in several layers */
#define NODE_LINE 0.5

#define PANEL_TITLE_SIZE 8.0
#define MAX_COMMUNITY_COLORS 7

/* Text and outlines. */
extern const clout_rgba_t DIAGRAM_INK;     /* #1a1a1a */
extern const clout_rgba_t DIAGRAM_OUTLINE; /* #404040 */

typedef enum { SHAPE_CIRCLE = 0, SHAPE_SQUARE, SHAPE_DIAMOND, SHAPE_TRIANGLE } shape_t;

typedef struct {
    const char *id, *name, *kind;
    clout_role_t role;
    shape_t shape;
    double r;       /* radius of the circle of the same area */
    double lx, ly;  /* layout position */
    double x, y;    /* page position */
    double value;   /* --size measure, NAN if none */
    int community;  /* -1 if none */
    double balance; /* NAN if none */
    clout_rgba_t fill;
} node_t;

typedef struct {
    int u, v;
    bool directed, reciprocal;
    double weight;
    char **layers; /* NULL-terminated, at least one entry ("" when unknown) */
    int index;     /* order in the network, to sort stably */
} tie_t;

typedef struct {
    const clout_network_t *net;
    node_t *nodes;
    int n;
    GArray *ties;          /* tie_t */
    double px, py, pw, ph; /* the panel's rectangle on the page */
    char *key;             /* the year, or the panel number */
} panel_t;

typedef struct {
    const clout_diagram_opts_t *o;
    const clout_dataset_t *ds;
    clout_fill_t fill;
    panel_t *panels;
    int n_panels;
    GPtrArray *layers; /* sorted distinct layer names */
    GPtrArray *kinds;  /* kinds drawn, in legend order */
    double wmin, wmax, vmax;
    bool any_directed, any_multi, any_unknown_layer;
    int n_communities; /* largest count over panels */
    bool small_communities;
    const char *pole_id[2], *pole_name[2];
    double k;          /* node radii scale: narrow panels draw smaller nodes */
    double label_size; /* of the node labels */
    clout_error_t *err;
} ctx_t;

/* ---- shapes and colours (diagram.c): every shape has the area of a
 * circle of radius r ---- */

shape_t diagram_shape_of(const char *kind);
/* Half the width and height of the shape's bounding box, and how far its
 * top and bottom reach from the centre. */
void diagram_shape_box(shape_t sh, double r, double *half_w, double *top, double *bottom);
void diagram_draw_shape(clout_scene_t *s, shape_t sh, double x, double y, double r,
                        const clout_rgba_t *fill, const clout_rgba_t *stroke, double lw);
/* Where the line p + t d (d a unit vector) crosses the node's outline: the
 * smallest crossing when first, else the largest.  False if it misses. */
bool diagram_outline_cross(const node_t *nd, const double *p, const double *d, bool first,
                           double *t);
/* The colour of "#rrggbb" with alpha. */
clout_rgba_t diagram_rgba(const char *hex, double alpha);
/* A layer's colour (Okabe-Ito by the layer's rank), grey for "". */
clout_rgba_t diagram_layer_color(const ctx_t *c, const char *layer);
/* Whether ties are coloured by layer (not when the nodes use Okabe-Ito). */
bool diagram_edges_by_layer(const ctx_t *c);
/* The stroke width of a tie of weight w. */
double diagram_tie_width(const ctx_t *c, double w);

/* The indices of p's nodes, the larger first; by_role: poles first, then
 * focus actors, then the others.  The caller frees the array (g_free). */
int *diagram_node_order(const panel_t *p, bool by_role);

/* ---- the legend (diagram-legend.c): blocks of rows, left to right ---- */

typedef struct diagram_legend diagram_legend_t;

/* The legend of what c draws, laid out in rows no wider than width. */
diagram_legend_t *diagram_legend_new(const ctx_t *c, double width);
double diagram_legend_height(const diagram_legend_t *l);
/* Draws it with its top left corner at (x0, y0). */
void diagram_legend_draw(clout_scene_t *s, const diagram_legend_t *l, double x0, double y0);
void diagram_legend_free(diagram_legend_t *l);

/* ---- labels (diagram-labels.c) ---- */

/* Labels the nodes of panel p that c's options label (scene groups
 * "leaders" and "labels", with the panel's key in small multiples): each
 * beside its node where it covers nothing, else farther out with a leader
 * line where it covers nothing, else beside its node where it covers the
 * least of the other nodes, labels and leaders. */
void diagram_draw_labels(const ctx_t *c, clout_scene_t *s, const panel_t *p);

#endif
