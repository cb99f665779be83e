/* netio-gexf.c: GEXF 1.3, Gephi's format: a network out and in, and a dataset over time out.
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "internal.h"

/* ---- writing ---- */

/* The namespace of the GEXF 1.3 schema (tests/data/gexf-1.3/gexf.xsd).
 * Gephi writes http://www.gexf.net/1.3, which that schema does not accept;
 * the reader takes either. */
#define GEXF_NS "http://gexf.net/1.3"

static void gexf_head(FILE *f, const char *source, bool directed, const char *graph_extra)
{
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"" GEXF_NS "\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"" GEXF_NS " " GEXF_NS "/gexf.xsd\" version=\"1.3\">\n"
          "  <meta>\n    <creator>clout " CLOUT_VERSION_STRING "</creator>\n"
          "    <description>",
          f);
    cl_xml_text(f, source ? source : "");
    fprintf(f,
            "</description>\n  </meta>\n  <graph defaultedgetype=\"%s\" %s>\n"
            "    <attributes class=\"node\" mode=\"static\">\n"
            "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
            "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n",
            directed ? "directed" : "undirected", graph_extra);
}

#define ATTVALUE "          <attvalue for=\"%c%u\" value=\""

static void gexf_attvalue(FILE *f, const char *key, const char *value)
{
    fprintf(f, "        <attvalue for=\"%s\" value=\"", key);
    cl_xml_text(f, value);
    fputs("\"/>\n", f);
}

/* A node with its kind and role, and the spell of its years when it has
 * one (first or last CLOUT_NO_YEAR: open at that end). */
static void gexf_node(FILE *f, const char *id, const char *label, const char *kind,
                      const char *role, int first, int last, const cl_extras_t *x,
                      igraph_integer_t v)
{
    fputs("      <node id=\"", f);
    cl_xml_text(f, id);
    fputs("\" label=\"", f);
    cl_xml_text(f, label);
    fputs("\">\n        <attvalues>\n  ", f);
    gexf_attvalue(f, "kind", kind);
    fputs("  ", f);
    gexf_attvalue(f, "role", role);
    if (x)
        cl_extra_values_xml(x, f, true, v, ATTVALUE, "\"/>\n");
    fputs("        </attvalues>\n", f);
    if (first != CLOUT_NO_YEAR || last != CLOUT_NO_YEAR) {
        fputs("        <spells><spell", f);
        if (first != CLOUT_NO_YEAR)
            fprintf(f, " start=\"%d\"", first);
        if (last != CLOUT_NO_YEAR)
            fprintf(f, " end=\"%d\"", last);
        fputs("/></spells>\n", f);
    }
    fputs("      </node>\n", f);
}

static void gexf_edge_open(FILE *f, long id, const char *source, const char *target)
{
    fprintf(f, "      <edge id=\"%ld\" source=\"", id);
    cl_xml_text(f, source);
    fputs("\" target=\"", f);
    cl_xml_text(f, target);
    fputc('"', f);
}

static void gexf_edge_attvalues(FILE *f, const char *layer, const char *relations)
{
    fputs("  ", f);
    gexf_attvalue(f, "layer", layer);
    fputs("  ", f);
    gexf_attvalue(f, "relations", relations);
}

static const char EDGE_ATTRS[] = "      <attribute id=\"layer\" title=\"layer\" type=\"string\"/>\n"
                                 "      <attribute id=\"relations\" title=\"relations\" "
                                 "type=\"string\"/>\n"
                                 "    </attributes>\n";

/* A static GEXF 1.3: nodes with their name as label and kind and role as
 * attributes; edges with their weight and layer and relations. */
void cl_write_gexf(const igraph_t *g, const char *source, FILE *f)
{
    cl_extras_t x;
    cl_extras_init(&x, g);
    gexf_head(f, source, igraph_is_directed(g), "mode=\"static\"");
    cl_gexf_extra_decls(g, f, true, x.vn, x.vt);
    fputs("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n", f);
    cl_gexf_extra_decls(g, f, false, x.en, x.et);
    fputs(EDGE_ATTRS, f);
    fprintf(f, "    <nodes count=\"%" IGRAPH_PRId "\">\n", igraph_vcount(g));
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        gexf_node(f, cl_vstr(g, "id", v), cl_vstr(g, "name", v), cl_vstr(g, "kind", v),
                  cl_vstr(g, "role", v), CLOUT_NO_YEAR, CLOUT_NO_YEAR, &x, v);
    fprintf(f, "    </nodes>\n    <edges count=\"%" IGRAPH_PRId "\">\n", igraph_ecount(g));
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        gexf_edge_open(f, (long)e, cl_vstr(g, "id", IGRAPH_FROM(g, e)),
                       cl_vstr(g, "id", IGRAPH_TO(g, e)));
        fputs(" weight=\"", f);
        cl_num_text(f, cl_enum(g, "weight", e, 1));
        fputs("\">\n        <attvalues>\n", f);
        gexf_edge_attvalues(f, cl_estr(g, "layer", e), cl_estr(g, "relations", e));
        cl_extra_values_xml(&x, f, false, e, ATTVALUE, "\"/>\n");
        fputs("        </attvalues>\n      </edge>\n", f);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    cl_extras_clear(&x);
}

/* ---- a dataset over time ---- */

/* An edge of some snapshot: the years it is in, its weight in each, and
 * the layer and relations of the latest. */
typedef struct {
    char *source, *target, *layer, *relations;
    GArray *years;   /* int, ascending */
    GArray *weights; /* double, one per year */
} dyn_edge_t;

static void dyn_edge_free(gpointer p)
{
    dyn_edge_t *d = p;
    g_free(d->source);
    g_free(d->target);
    g_free(d->layer);
    g_free(d->relations);
    g_array_free(d->years, TRUE);
    g_array_free(d->weights, TRUE);
    g_free(d);
}

typedef struct {
    GPtrArray *edges;  /* dyn_edge_t, in order of first appearance */
    GHashTable *index; /* "source\ttarget" -> dyn_edge_t */
    GPtrArray *nodes;  /* vertex ids (owned), in order of first appearance */
    GHashTable *seen;  /* id -> itself */
    GPtrArray *names, *kinds, *roles;
    bool directed;
} dyn_t;

static void dyn_add_snapshot(dyn_t *d, const igraph_t *g, int year)
{
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        const char *id = cl_vstr(g, "id", v);
        if (g_hash_table_contains(d->seen, id))
            continue;
        char *copy = g_strdup(id);
        g_ptr_array_add(d->nodes, copy);
        g_hash_table_add(d->seen, copy);
        g_ptr_array_add(d->names, g_strdup(cl_vstr(g, "name", v)));
        g_ptr_array_add(d->kinds, g_strdup(cl_vstr(g, "kind", v)));
        g_ptr_array_add(d->roles, g_strdup(cl_vstr(g, "role", v)));
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        const char *s = cl_vstr(g, "id", IGRAPH_FROM(g, e));
        const char *t = cl_vstr(g, "id", IGRAPH_TO(g, e));
        g_autofree char *key = g_strdup_printf("%s\t%s", s, t);
        dyn_edge_t *de = g_hash_table_lookup(d->index, key);
        if (!de) {
            de = g_new0(dyn_edge_t, 1);
            de->source = g_strdup(s);
            de->target = g_strdup(t);
            de->years = g_array_new(FALSE, FALSE, sizeof(int));
            de->weights = g_array_new(FALSE, FALSE, sizeof(double));
            g_ptr_array_add(d->edges, de);
            g_hash_table_insert(d->index, g_steal_pointer(&key), de);
        }
        double w = cl_enum(g, "weight", e, 1);
        /* A snapshot holds one edge per pair (parallel ones are summed). */
        if (de->years->len && g_array_index(de->years, int, de->years->len - 1) == year) {
            g_array_index(de->weights, double, de->weights->len - 1) += w;
            continue;
        }
        g_array_append_val(de->years, year);
        g_array_append_val(de->weights, w);
        g_free(de->layer);
        g_free(de->relations);
        de->layer = g_strdup(cl_estr(g, "layer", e));
        de->relations = g_strdup(cl_estr(g, "relations", e));
    }
}

/* The spells of an edge: runs of years that follow one another in years[]
 * (all the years written, so a gap in them is a gap in the edge). */
static void dyn_write_edge(FILE *f, long id, const dyn_edge_t *de, const int *years, int n)
{
    gexf_edge_open(f, id, de->source, de->target);
    fputs(">\n        <attvalues>\n", f);
    const int *ey = (const int *)(void *)de->years->data;
    const double *ew = (const double *)(void *)de->weights->data;
    guint len = de->years->len;
    /* The weight as a dynamic attribute: one value per run of equal
     * weights in consecutive years of the written ones. */
    int k = 0; /* index into years[] of ey[i] */
    for (guint i = 0; i < len;) {
        while (k < n && years[k] != ey[i])
            k++;
        guint j = i;
        while (j + 1 < len && k + (int)(j + 1 - i) < n && years[k + (j + 1 - i)] == ey[j + 1] &&
               ew[j + 1] == ew[i])
            j++;
        fputs("          <attvalue for=\"weight\" value=\"", f);
        cl_num_text(f, ew[i]);
        fprintf(f, "\" start=\"%d\" end=\"%d\"/>\n", ey[i], ey[j]);
        i = j + 1;
    }
    gexf_edge_attvalues(f, de->layer, de->relations);
    fputs("        </attvalues>\n        <spells>\n", f);
    k = 0;
    for (guint i = 0; i < len;) {
        while (k < n && years[k] != ey[i])
            k++;
        guint j = i;
        while (j + 1 < len && k + (int)(j + 1 - i) < n && years[k + (j + 1 - i)] == ey[j + 1])
            j++;
        fprintf(f, "          <spell start=\"%d\" end=\"%d\"/>\n", ey[i], ey[j]);
        i = j + 1;
    }
    fputs("        </spells>\n      </edge>\n", f);
}

static void dyn_write(const dyn_t *d, const clout_dataset_t *ds, const int *years, int n, FILE *f)
{
    g_autofree char *extra = g_strdup_printf(
        "mode=\"dynamic\" timeformat=\"double\" timerepresentation=\"interval\" start=\"%d\" "
        "end=\"%d\"",
        years[0], years[n - 1]);
    gexf_head(f, clout_dataset_path(ds), d->directed, extra);
    fputs("    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"dynamic\">\n"
          "      <attribute id=\"weight\" title=\"Weight\" type=\"double\"/>\n"
          "    </attributes>\n"
          "    <attributes class=\"edge\" mode=\"static\">\n",
          f);
    fputs(EDGE_ATTRS, f);
    fprintf(f, "    <nodes count=\"%u\">\n", d->nodes->len);
    for (guint i = 0; i < d->nodes->len; i++) {
        const char *id = g_ptr_array_index(d->nodes, i);
        int a = clout_dataset_find_actor(ds, id);
        const clout_actor_t *act = a >= 0 ? clout_dataset_actor(ds, a) : NULL;
        /* An actor's years, its open end closed at the file's first or
         * last year (NetworkX 2.8 cannot read a spell without an end). */
        int first = CLOUT_NO_YEAR, last = CLOUT_NO_YEAR;
        if (act && (act->start != CLOUT_NO_YEAR || act->end != CLOUT_NO_YEAR)) {
            first = act->start != CLOUT_NO_YEAR ? MAX(act->start, years[0]) : years[0];
            last = act->end != CLOUT_NO_YEAR ? MIN(act->end, years[n - 1]) : years[n - 1];
        }
        gexf_node(f, id, g_ptr_array_index(d->names, i), g_ptr_array_index(d->kinds, i),
                  g_ptr_array_index(d->roles, i), first, last, NULL, 0);
    }
    fprintf(f, "    </nodes>\n    <edges count=\"%u\">\n", d->edges->len);
    for (guint i = 0; i < d->edges->len; i++)
        dyn_write_edge(f, (long)i, g_ptr_array_index(d->edges, i), years, n);
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
}

clout_status_t clout_dataset_write_gexf(const clout_dataset_t *ds,
                                        const clout_snapshot_opts_t *opts, const int *years, int n,
                                        FILE *f, clout_error_t *err)
{
    if (n < 1)
        return clout_error_set(err, CLOUT_EDATA, clout_dataset_path(ds), 0, 0,
                               "the dataset has no years to write");
    dyn_t d = {
        .edges = g_ptr_array_new_with_free_func(dyn_edge_free),
        .index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .nodes = g_ptr_array_new_with_free_func(g_free),
        .seen = g_hash_table_new(g_str_hash, g_str_equal),
        .names = g_ptr_array_new_with_free_func(g_free),
        .kinds = g_ptr_array_new_with_free_func(g_free),
        .roles = g_ptr_array_new_with_free_func(g_free),
    };
    clout_status_t st = CLOUT_OK;
    clout_snapshot_opts_t o = *opts;
    GString *partial = g_string_new(NULL); /* years whose snapshots warned */
    for (int i = 0; i < n && !st; i++) {
        clout_network_t *net;
        o.year = years[i];
        /* Each snapshot's warnings (relations without data in its window)
         * would repeat for every year: one line names the years instead. */
        g_autoptr(clout_error_t) quiet = clout_error_new(1);
        st = clout_snapshot(ds, &net, &o, quiet);
        if (st) { /* again, to give err the failure as it is */
            st = clout_snapshot(ds, &net, &o, err);
            if (!st)
                clout_network_free(net);
            st = st ? st : clout_error_status(quiet);
            break;
        }
        if (clout_error_n_warnings(quiet))
            g_string_append_printf(partial, "%s%d", partial->len ? ", " : "", years[i]);
        if (i == 0)
            d.directed = igraph_is_directed(&net->graph);
        dyn_add_snapshot(&d, &net->graph, years[i]);
        clout_network_free(net);
    }
    if (!st && partial->len)
        clout_error_warn(err,
                         "some relations have no data in the snapshots of %s (their sources do "
                         "not cover the window; 'clout info DATASET@YEAR' says which)",
                         partial->str);
    g_string_free(partial, TRUE);
    if (!st) {
        dyn_write(&d, ds, years, n, f);
        if (ferror(f))
            st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "cannot write the network");
    }
    g_ptr_array_free(d.edges, TRUE);
    g_hash_table_destroy(d.index);
    g_hash_table_destroy(d.seen);
    g_ptr_array_free(d.nodes, TRUE);
    g_ptr_array_free(d.names, TRUE);
    g_ptr_array_free(d.kinds, TRUE);
    g_ptr_array_free(d.roles, TRUE);
    return st;
}

/* ---- reading ---- */

typedef enum { GX_STRING = 0, GX_NUMBER, GX_BOOL } gx_type_t;

/* A declared attribute (an <attribute> of class node or edge): its values
 * for every node or edge so far, as text ("" when absent: the default). */
typedef struct {
    char *id, *title, *dflt, *gexf_type;
    gx_type_t type;
    GPtrArray *values; /* char *, owned, NULL when absent */
} gx_attr_t;

static void gx_attr_free(gpointer p)
{
    gx_attr_t *a = p;
    g_free(a->id);
    g_free(a->title);
    g_free(a->dflt);
    g_free(a->gexf_type);
    g_ptr_array_free(a->values, TRUE);
    g_free(a);
}

typedef struct {
    const char *path;
    clout_error_t *err;
    const xmlNode *root;
    GPtrArray *attrs[2]; /* gx_attr_t: [0] nodes, [1] edges */
    GHashTable *ids;     /* node id -> index + 1 */
    GPtrArray *node_ids; /* char *, owned */
    GPtrArray *labels;   /* char *, owned */
    igraph_vector_int_t ev;
    igraph_vector_t wv;
    GPtrArray *spells; /* edge spells as text, "" for none */
    bool directed, mutual, any_spell;
} gx_t;

static const char *local(const xmlNode *n)
{
    return (const char *)n->name;
}

static bool is_el(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp(local(n), name) == 0;
}

/* An attribute of an element, "" when absent; owned by the caller. */
static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = g_strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

static clout_status_t gx_fail(gx_t *gx, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* How many elements called like n, on n's line, come before n in the
 * document; *found when n was reached (a walk in document order). */
static int same_line_before(const xmlNode *from, const xmlNode *n, long line, bool *found)
{
    int k = 0;
    for (const xmlNode *c = from; c && !*found; c = c->next) {
        if (c == n) {
            *found = true;
            break;
        }
        if (c->type == XML_ELEMENT_NODE && strcmp(local(c), local(n)) == 0 &&
            xmlGetLineNo(c) == line)
            k++;
        if (c->type == XML_ELEMENT_NODE)
            k += same_line_before(c->children, n, line, found);
    }
    return k;
}

static clout_status_t gx_fail(gx_t *gx, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    long line = n ? xmlGetLineNo(n) : 0, col = 0;
    /* libxml2 keeps an element's line; its column is found in the file, the
     * tag of the same name that many tags into the line. */
    if (n && line > 0) {
        bool found = false;
        int nth = same_line_before(gx->root, n, line, &found);
        col = cl_xml_tag_col(gx->path, line, local(n), nth);
    }
    return clout_error_set(gx->err, CLOUT_EDATA, gx->path, line, col, "%s", msg);
}

static gx_type_t gx_type(const char *t)
{
    static const char *numeric[] = {"integer", "long",       "double",     "float", "short",
                                    "byte",    "bigdecimal", "biginteger", "int"};
    for (size_t i = 0; i < G_N_ELEMENTS(numeric); i++)
        if (g_ascii_strcasecmp(t, numeric[i]) == 0)
            return GX_NUMBER;
    return g_ascii_strcasecmp(t, "boolean") == 0 ? GX_BOOL : GX_STRING;
}

static void gx_declare(gx_t *gx, const xmlNode *attributes)
{
    g_autofree char *cls = prop(attributes, "class");
    GPtrArray *list = gx->attrs[strcmp(cls, "edge") == 0];
    for (const xmlNode *a = attributes->children; a; a = a->next) {
        if (!is_el(a, "attribute"))
            continue;
        gx_attr_t *at = g_new0(gx_attr_t, 1);
        at->id = prop(a, "id");
        at->title = prop(a, "title");
        if (!*at->title) {
            g_free(at->title);
            at->title = g_strdup(at->id);
        }
        at->gexf_type = prop(a, "type");
        at->type = gx_type(at->gexf_type);
        for (const xmlNode *c = a->children; c; c = c->next)
            if (is_el(c, "default")) {
                xmlChar *t = xmlNodeGetContent(c);
                at->dflt = g_strdup((const char *)t);
                xmlFree(t);
            }
        at->values = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(list, at);
    }
}

/* The <attvalues> of element n, the index-th node or edge.  A dynamic
 * attribute (several values with start and end) keeps the value of the
 * latest start: clout reads one network. */
static clout_status_t gx_attvalues(gx_t *gx, const xmlNode *n, int cls, guint index)
{
    GPtrArray *list = gx->attrs[cls];
    for (guint k = 0; k < list->len; k++)
        g_ptr_array_add(((gx_attr_t *)g_ptr_array_index(list, k))->values, NULL);
    for (const xmlNode *avs = n->children; avs; avs = avs->next) {
        if (!is_el(avs, "attvalues"))
            continue;
        for (const xmlNode *av = avs->children; av; av = av->next) {
            if (!is_el(av, "attvalue"))
                continue;
            g_autofree char *key = prop(av, "for");
            if (!*key) {
                g_free(key);
                key = prop(av, "id"); /* GEXF 1.1 */
            }
            gx_attr_t *at = NULL;
            for (guint k = 0; k < list->len && !at; k++)
                if (strcmp(((gx_attr_t *)g_ptr_array_index(list, k))->id, key) == 0)
                    at = g_ptr_array_index(list, k);
            if (!at)
                return gx_fail(gx, av, "attvalue for '%s': no such %s attribute is declared", key,
                               cls ? "edge" : "node");
            char *value = prop(av, "value");
            double x;
            if (at->type == GX_NUMBER && !clout_parse_number(value, &x)) {
                clout_status_t st =
                    gx_fail(gx, av, "attribute '%s': '%s' is not a number", at->title, value);
                g_free(value);
                return st;
            }
            char **slot = (char **)&g_ptr_array_index(at->values, index);
            g_free(*slot);
            *slot = value;
        }
    }
    return CLOUT_OK;
}

static clout_status_t gx_nodes(gx_t *gx, const xmlNode *nodes)
{
    for (const xmlNode *n = nodes->children; n; n = n->next) {
        if (!is_el(n, "node"))
            continue;
        g_autofree char *id = prop(n, "id"), *pid = prop(n, "pid");
        if (!*id)
            return gx_fail(gx, n, "a node without an id");
        if (*pid)
            return gx_fail(gx, n,
                           "node '%s' has a parent (pid): clout does not read nested graphs "
                           "(GEXF hierarchies); flatten the file first",
                           id);
        for (const xmlNode *c = n->children; c; c = c->next)
            if (is_el(c, "nodes") || is_el(c, "edges") || is_el(c, "parents"))
                return gx_fail(gx, c,
                               "node '%s' holds a nested graph: clout does not read GEXF "
                               "hierarchies; flatten the file first",
                               id);
        if (g_hash_table_contains(gx->ids, id))
            return gx_fail(gx, n, "node id '%s' is used twice", id);
        if (gx->node_ids->len >= CLOUT_MAX_ACTORS)
            return gx_fail(gx, n, "more than %d nodes", CLOUT_MAX_ACTORS);
        guint index = gx->node_ids->len;
        g_hash_table_insert(gx->ids, g_strdup(id), GUINT_TO_POINTER(index + 1));
        g_ptr_array_add(gx->node_ids, g_steal_pointer(&id));
        g_ptr_array_add(gx->labels, prop(n, "label"));
        clout_status_t st = gx_attvalues(gx, n, 0, index);
        if (st)
            return st;
    }
    return CLOUT_OK;
}

/* The spells of an edge as text, "2005-2009;2012-2014" (start or end
 * empty when open); its start and end attributes count as one. */
static char *gx_spells(const xmlNode *e)
{
    GString *s = g_string_new(NULL);
    g_autofree char *s0 = prop(e, "start"), *e0 = prop(e, "end");
    if (*s0 || *e0)
        g_string_append_printf(s, "%s-%s", s0, e0);
    for (const xmlNode *sp = e->children; sp; sp = sp->next) {
        if (!is_el(sp, "spells"))
            continue;
        for (const xmlNode *x = sp->children; x; x = x->next)
            if (is_el(x, "spell")) {
                g_autofree char *a = prop(x, "start"), *b = prop(x, "end");
                g_string_append_printf(s, "%s%s-%s", s->len ? ";" : "", a, b);
            }
    }
    return g_string_free(s, FALSE);
}

static clout_status_t gx_edge_end(gx_t *gx, const xmlNode *e, const char *which)
{
    g_autofree char *id = prop(e, which);
    gpointer hit = g_hash_table_lookup(gx->ids, id);
    if (!hit)
        return gx_fail(gx, e, "edge %s '%s' is not a node of the file", which, id);
    clout_status_t st = CLOUT_OK;
    clout_error_t *err = gx->err;
    CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&gx->ev, GPOINTER_TO_INT(hit) - 1), gx->path);
out:
    return st;
}

static clout_status_t gx_edge(gx_t *gx, const xmlNode *e, bool reverse)
{
    clout_status_t st = gx_edge_end(gx, e, reverse ? "target" : "source");
    if (!st)
        st = gx_edge_end(gx, e, reverse ? "source" : "target");
    if (st)
        return st;
    g_autofree char *wtext = prop(e, "weight");
    double w = 1; /* GEXF's default weight */
    if (*wtext && !clout_parse_number(wtext, &w))
        return gx_fail(gx, e, "edge weight '%s' is not a finite number", wtext);
    clout_error_t *err = gx->err;
    CLOUT_IGRAPH_TRY(igraph_vector_push_back(&gx->wv, w), gx->path);
    char *spells = gx_spells(e);
    gx->any_spell |= *spells != 0;
    g_ptr_array_add(gx->spells, spells);
    st = gx_attvalues(gx, e, 1, gx->spells->len - 1);
out:
    return st;
}

static clout_status_t gx_edges(gx_t *gx, const xmlNode *edges)
{
    for (const xmlNode *e = edges->children; e; e = e->next) {
        if (!is_el(e, "edge"))
            continue;
        g_autofree char *type = prop(e, "type");
        bool dir = *type ? strcmp(type, "directed") == 0 : gx->directed;
        bool mutual = *type ? strcmp(type, "mutual") == 0 : gx->mutual;
        if (!mutual && dir != gx->directed)
            return gx_fail(gx, e,
                           "a %s edge in a %s graph: clout reads a network whose edges are all "
                           "directed or all undirected",
                           *type ? type : "default", gx->directed ? "directed" : "undirected");
        if (igraph_vector_size(&gx->wv) >= CLOUT_MAX_TIES)
            return gx_fail(gx, e, "more than %ld edges", CLOUT_MAX_TIES);
        clout_status_t st = gx_edge(gx, e, false);
        /* A mutual edge in a directed graph goes both ways. */
        if (!st && mutual && gx->directed)
            st = gx_edge(gx, e, true);
        if (st)
            return st;
    }
    return CLOUT_OK;
}

/* Sets the declared attributes of one class on the graph, each with its
 * type: numbers (NaN when absent and no default), booleans, text. */
static clout_status_t gx_set_attrs(gx_t *gx, igraph_t *g, int cls)
{
    clout_status_t st = CLOUT_OK;
    clout_error_t *err = gx->err;
    GPtrArray *list = gx->attrs[cls];
    igraph_vector_t nv = {0};
    igraph_vector_bool_t bv = {0};
    igraph_strvector_t sv = {0};
    for (guint k = 0; k < list->len; k++) {
        gx_attr_t *at = g_ptr_array_index(list, k);
        igraph_integer_t n = (igraph_integer_t)at->values->len;
        /* clout's own names come first: "id" is the node's id */
        if (strcmp(at->title, "id") == 0 || (cls == 1 && strcmp(at->title, "weight") == 0))
            continue;
        CLOUT_IGRAPH_TRY(igraph_vector_init(&nv, n), gx->path);
        CLOUT_IGRAPH_TRY(igraph_vector_bool_init(&bv, n), gx->path);
        CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv, n), gx->path);
        for (igraph_integer_t i = 0; i < n; i++) {
            const char *v = g_ptr_array_index(at->values, i);
            if (!v)
                v = at->dflt ? at->dflt : "";
            double x = NAN;
            if (at->type == GX_NUMBER)
                clout_parse_number(v, &x);
            VECTOR(nv)[i] = x;
            VECTOR(bv)[i] = g_ascii_strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0;
            CLOUT_IGRAPH_TRY(igraph_strvector_set(&sv, i, v), gx->path);
        }
        if (at->type == GX_NUMBER)
            CLOUT_IGRAPH_TRY(cls ? igraph_cattribute_EAN_setv(g, at->title, &nv)
                                 : igraph_cattribute_VAN_setv(g, at->title, &nv),
                             gx->path);
        else if (at->type == GX_BOOL)
            CLOUT_IGRAPH_TRY(cls ? igraph_cattribute_EAB_setv(g, at->title, &bv)
                                 : igraph_cattribute_VAB_setv(g, at->title, &bv),
                             gx->path);
        else
            CLOUT_IGRAPH_TRY(cls ? igraph_cattribute_EAS_setv(g, at->title, &sv)
                                 : igraph_cattribute_VAS_setv(g, at->title, &sv),
                             gx->path);
        igraph_vector_destroy(&nv);
        igraph_vector_bool_destroy(&bv);
        cl_strvector_release(&sv);
        nv = (igraph_vector_t){0};
        bv = (igraph_vector_bool_t){0};
    }
out:
    if (nv.stor_begin)
        igraph_vector_destroy(&nv);
    if (bv.stor_begin)
        igraph_vector_bool_destroy(&bv);
    cl_strvector_release(&sv);
    return st;
}

static clout_status_t gx_strings(igraph_t *g, const char *name, GPtrArray *a, bool edge,
                                 const char *path, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_strvector_t sv = {0};
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv, (igraph_integer_t)a->len), path);
    for (guint i = 0; i < a->len; i++)
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&sv, i, g_ptr_array_index(a, i)), path);
    CLOUT_IGRAPH_TRY(edge ? igraph_cattribute_EAS_setv(g, name, &sv)
                          : igraph_cattribute_VAS_setv(g, name, &sv),
                     path);
out:
    cl_strvector_release(&sv);
    return st;
}

static clout_status_t gx_graph(gx_t *gx, igraph_t *g)
{
    clout_status_t st = CLOUT_OK;
    clout_error_t *err = gx->err;
    const char *path = gx->path;
    CLOUT_IGRAPH_TRY(igraph_create(g, &gx->ev, (igraph_integer_t)gx->node_ids->len, gx->directed),
                     path);
    st = gx_strings(g, "id", gx->node_ids, false, path, err);
    bool labelled = false;
    for (guint i = 0; i < gx->labels->len && !labelled; i++)
        labelled = *(const char *)g_ptr_array_index(gx->labels, i) != 0;
    if (!st && labelled)
        st = gx_strings(g, "label", gx->labels, false, path, err);
    if (!st && gx->any_spell)
        st = gx_strings(g, "spells", gx->spells, true, path, err);
    if (!st)
        st = gx_set_attrs(gx, g, 0);
    if (!st)
        st = gx_set_attrs(gx, g, 1);
    if (!st)
        CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(g, "weight", &gx->wv), path);
out:
    return st;
}

/* The declared types, as cl_graphml_keep_types keeps them, so that the
 * writers declare them again (GEXF's integer is GraphML's int). */
static char *gx_types(const gx_t *gx)
{
    static const char *const same[] = {"long", "float", "double", "boolean", "string"};
    GString *s = g_string_new(NULL);
    for (int cls = 0; cls < 2; cls++)
        for (guint k = 0; k < gx->attrs[cls]->len; k++) {
            const gx_attr_t *at = g_ptr_array_index(gx->attrs[cls], k);
            const char *t = at->type == GX_NUMBER ? "double" : NULL;
            if (g_ascii_strcasecmp(at->gexf_type, "integer") == 0)
                t = "int";
            for (size_t i = 0; i < G_N_ELEMENTS(same); i++)
                if (g_ascii_strcasecmp(at->gexf_type, same[i]) == 0)
                    t = same[i];
            if (t)
                g_string_append_printf(s, "%s\t%s\t%s\n", cls ? "edge" : "node", at->title, t);
        }
    return g_string_free(s, FALSE);
}

static clout_status_t gx_read(gx_t *gx, const xmlNode *root, igraph_t *g)
{
    if (!root || !is_el(root, "gexf"))
        return gx_fail(gx, root, "not a GEXF file (no <gexf> element)");
    const xmlNode *graph = NULL;
    for (const xmlNode *c = root->children; c && !graph; c = c->next)
        if (is_el(c, "graph"))
            graph = c;
    if (!graph)
        return gx_fail(gx, root, "no <graph> element");
    g_autofree char *type = prop(graph, "defaultedgetype");
    if (*type && strcmp(type, "directed") != 0 && strcmp(type, "undirected") != 0 &&
        strcmp(type, "mutual") != 0)
        return gx_fail(gx, graph, "defaultedgetype '%s': want directed, undirected or mutual",
                       type);
    gx->directed = strcmp(type, "directed") == 0;
    gx->mutual = strcmp(type, "mutual") == 0;
    /* A mutual graph is read as an undirected one. */
    clout_status_t st = CLOUT_OK;
    for (const xmlNode *c = graph->children; c && !st; c = c->next)
        if (is_el(c, "attributes"))
            gx_declare(gx, c);
    for (const xmlNode *c = graph->children; c && !st; c = c->next)
        if (is_el(c, "nodes"))
            st = gx_nodes(gx, c);
    for (const xmlNode *c = graph->children; c && !st; c = c->next)
        if (is_el(c, "edges"))
            st = gx_edges(gx, c);
    if (!st)
        st = gx_graph(gx, g);
    if (!st) {
        g_autofree char *types = gx_types(gx);
        st = cl_graphml_keep_types(g, types, gx->path, gx->err);
    }
    return st;
}

/* libxml2 calls a parse's structured handler with the parser context. */
static void gx_parse_error(void *data, xmlError *e)
{
    cl_xml_first_error(((xmlParserCtxt *)data)->_private, e);
}

clout_status_t cl_read_gexf(clout_network_t *net, const char *path, clout_error_t *err)
{
    /* The first error, where the file goes wrong: libxml2 goes on and its
     * last error is often "Premature end of data" at the end of the file.
     * The handler belongs to this parse, not to the thread (no global). */
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return clout_error_set(err, CLOUT_EFAIL, path, 0, 0, "out of memory");
    cl_xml_error_t xe = {0};
    ctxt->_private = &xe;
    ctxt->sax->serror = gx_parse_error;
    xmlDoc *doc =
        xmlCtxtReadFile(ctxt, path, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_HUGE);
    xmlFreeParserCtxt(ctxt);
    if (!doc)
        return cl_xml_error_report(&xe, path, err);
    gx_t gx = {
        .path = path,
        .err = err,
        .root = xmlDocGetRootElement(doc),
        .attrs = {g_ptr_array_new_with_free_func(gx_attr_free),
                  g_ptr_array_new_with_free_func(gx_attr_free)},
        .ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .node_ids = g_ptr_array_new_with_free_func(g_free),
        .labels = g_ptr_array_new_with_free_func(g_free),
        .spells = g_ptr_array_new_with_free_func(g_free),
    };
    igraph_vector_int_init(&gx.ev, 0);
    igraph_vector_init(&gx.wv, 0);
    clout_status_t st = gx_read(&gx, gx.root, &net->graph);
    xmlFreeDoc(doc);
    for (int k = 0; k < 2; k++)
        g_ptr_array_free(gx.attrs[k], TRUE);
    g_hash_table_destroy(gx.ids);
    g_ptr_array_free(gx.node_ids, TRUE);
    g_ptr_array_free(gx.labels, TRUE);
    g_ptr_array_free(gx.spells, TRUE);
    igraph_vector_int_destroy(&gx.ev);
    igraph_vector_destroy(&gx.wv);
    return st;
}
