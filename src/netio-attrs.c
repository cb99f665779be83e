/* netio-attrs.c: what igraph's GraphML reader does not say (nested graphs, hyperedges, key types),
 * where libxml2 finds a GraphML or GEXF file broken, and every attribute of a network written back
 * with its type.
 */
#include <config.h>

#include <math.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "internal.h"

/* The graph attribute that keeps the GraphML key types of the file read
 * ("node\tNAME\tTYPE\n" lines): igraph keeps every number as a double. */
#define TYPES_ATTR "clout.graphml.types"

/* ---- where an XML file is broken ---- */

void cl_xml_first_error(void *data, struct _xmlError *e)
{
    cl_xml_error_t *x = data;
    /* Fatal errors only: a file libxml2 reads in spite of an error (an
     * undeclared namespace prefix) is read. */
    if (x->seen || !e || e->level != XML_ERR_FATAL)
        return;
    x->seen = true;
    x->line = e->line;
    x->col = e->int2; /* the column, for the parser's errors */
    g_strlcpy(x->msg, e->message ? e->message : "cannot parse", sizeof x->msg);
    g_strchomp(x->msg);
}

clout_status_t cl_xml_error_report(const cl_xml_error_t *x, const char *path, clout_error_t *err)
{
    if (!x->seen)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "not well-formed XML");
    return clout_error_set(err, CLOUT_EDATA, path, x->line, x->col, "not well-formed XML: %s",
                           x->msg);
}

/* Whether p starts the tag of element name: '<', a prefix and ':' maybe,
 * the name, then white space, '/' or '>'. */
static bool tag_at(const char *p, const char *name)
{
    if (*p++ != '<')
        return false;
    const char *q = p;
    while (g_ascii_isalnum(*q) || *q == '_' || *q == '-' || *q == '.')
        q++;
    if (*q == ':')
        p = q + 1;
    size_t n = strlen(name);
    return strncmp(p, name, n) == 0 && (p[n] == '/' || p[n] == '>' || g_ascii_isspace(p[n]));
}

long cl_xml_tag_col(const char *path, long line, const char *name, int nth)
{
    FILE *f = line > 0 ? fopen(path, "rb") : NULL;
    if (!f)
        return 0;
    char *text = NULL;
    size_t cap = 0;
    long col = 0;
    for (long l = 1; getline(&text, &cap, f) >= 0; l++) {
        if (l < line)
            continue;
        for (const char *p = text; *p && !col; p++)
            if (tag_at(p, name) && nth-- == 0)
                col = (long)(p - text) + 1;
        break;
    }
    free(text);
    fclose(f);
    return col;
}

/* ---- GraphML ---- */

static clout_status_t scan_fail(xmlTextReaderPtr r, const char *path, int nth, clout_error_t *err,
                                const char *msg, const char *what)
{
    /* The element's own line (the parser's has read ahead), and the column
     * of its tag, the nth of its name on that line. */
    xmlNodePtr n = xmlTextReaderCurrentNode(r);
    long line = n ? xmlGetLineNo(n) : xmlTextReaderGetParserLineNumber(r);
    return clout_error_set(err, CLOUT_EDATA, path, line, cl_xml_tag_col(path, line, what, nth), msg,
                           what);
}

/* One element of the scan: a hyperedge, a graph inside a node (a yEd group
 * or folder node) or a second graph are refused; a key's type is noted. */
static clout_status_t scan_element(xmlTextReaderPtr r, const char *path, int *graphs,
                                   long *graph_line, GString *types, clout_error_t *err)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(r);
    int depth = xmlTextReaderDepth(r);
    /* The first hyperedge is refused, so no other is before it on its
     * line; a graph that is refused may follow the first on the line. */
    int nth = 0;
    if (strcmp(name, "graph") == 0) {
        xmlNodePtr n = xmlTextReaderCurrentNode(r);
        long line = n ? xmlGetLineNo(n) : 0;
        nth = *graphs > 0 && line == *graph_line;
        *graph_line = line;
    }
    if (strcmp(name, "hyperedge") == 0)
        return scan_fail(r, path, 0, err,
                         "a %s: clout reads edges between two nodes only; give each hyperedge "
                         "as a node linked to its members, or as edges",
                         "hyperedge");
    if (strcmp(name, "graph") == 0 && depth > 1)
        return scan_fail(r, path, nth, err,
                         "a nested %s (a group or folder node, as yEd writes them): clout does "
                         "not read nested graphs; ungroup them first (yEd: Grouping > Ungroup)",
                         "graph");
    if (strcmp(name, "graph") == 0 && ++*graphs > 1)
        return scan_fail(r, path, nth, err,
                         "a second %s in the file: clout reads files of one graph", "graph");
    if (strcmp(name, "key") == 0) {
        xmlChar *f = xmlTextReaderGetAttribute(r, (const xmlChar *)"for");
        xmlChar *n = xmlTextReaderGetAttribute(r, (const xmlChar *)"attr.name");
        xmlChar *t = xmlTextReaderGetAttribute(r, (const xmlChar *)"attr.type");
        if (n && t && f)
            g_string_append_printf(types, "%s\t%s\t%s\n", (const char *)f, (const char *)n,
                                   (const char *)t);
        xmlFree(f);
        xmlFree(n);
        xmlFree(t);
    }
    return CLOUT_OK;
}

clout_status_t cl_graphml_scan(const char *path, char **types, clout_error_t *err)
{
    *types = NULL;
    xmlTextReaderPtr r =
        xmlReaderForFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!r)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open");
    GString *s = g_string_new(NULL);
    clout_status_t st = CLOUT_OK;
    cl_xml_error_t xe = {0};
    xmlTextReaderSetStructuredErrorHandler(r, (xmlStructuredErrorFunc)cl_xml_first_error, &xe);
    int graphs = 0, ret = 0;
    long graph_line = 0;
    while (!st && (ret = xmlTextReaderRead(r)) == 1)
        if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT)
            st = scan_element(r, path, &graphs, &graph_line, s, err);
    xmlFreeTextReader(r);
    /* A file that is not well-formed: where libxml2 found it first (igraph's
     * reader would say it with the line only). */
    if (!st && ret < 0)
        st = cl_xml_error_report(&xe, path, err);
    *types = g_string_free(s, st != CLOUT_OK);
    return st;
}

clout_status_t cl_graphml_keep_types(igraph_t *g, const char *types, const char *path,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    if (types && *types)
        CLOUT_IGRAPH_TRY(igraph_cattribute_GAS_set(g, TYPES_ATTR, types), path);
out:
    return st;
}

/* The GraphML type of attribute name of nodes (vertex) or edges: the
 * file's when it was a GraphML file, else from igraph's type. */
const char *cl_attr_decl_type(const igraph_t *g, bool vertex, const char *name,
                              igraph_attribute_type_t t)
{
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_GRAPH, TYPES_ATTR)) {
        const char *types = GAS(g, TYPES_ATTR);
        g_autofree char *want = g_strdup_printf("%s\t%s\t", vertex ? "node" : "edge", name);
        g_autofree char *any = g_strdup_printf("all\t%s\t", name);
        const char *p = strstr(types, want);
        size_t skip = strlen(want);
        if (!p || (p != types && p[-1] != '\n')) {
            p = strstr(types, any);
            skip = strlen(any);
        }
        static const char *const known[] = {"int", "long", "float", "double", "boolean", "string"};
        for (size_t k = 0; p && k < G_N_ELEMENTS(known); k++)
            if (strncmp(p + skip, known[k], strlen(known[k])) == 0 &&
                p[skip + strlen(known[k])] == '\n')
                return known[k];
    }
    return t == IGRAPH_ATTRIBUTE_NUMERIC   ? "double"
           : t == IGRAPH_ATTRIBUTE_BOOLEAN ? "boolean"
                                           : "string";
}

static bool extra_text(const igraph_t *g, bool vertex, igraph_integer_t i, const char *name, int t,
                       char *buf, size_t size, const char **text);

void cl_extra_attrs(const igraph_t *g, bool vertex, GPtrArray *names, GArray *types)
{
    static const char *const vown[] = {"id", "name", "kind", "role"};
    static const char *const eown[] = {"weight", "layer", "relations"};
    igraph_strvector_t n;
    igraph_vector_int_t t;
    if (igraph_strvector_init(&n, 0))
        return;
    if (igraph_vector_int_init(&t, 0)) {
        igraph_strvector_destroy(&n);
        return;
    }
    if (!igraph_cattribute_list(g, NULL, NULL, vertex ? &n : NULL, vertex ? &t : NULL,
                                vertex ? NULL : &n, vertex ? NULL : &t))
        for (igraph_integer_t i = 0; i < igraph_strvector_size(&n); i++) {
            const char *name = igraph_strvector_get(&n, i);
            bool own = false;
            for (size_t k = 0; k < (vertex ? G_N_ELEMENTS(vown) : G_N_ELEMENTS(eown)); k++)
                own |= strcmp(name, vertex ? vown[k] : eown[k]) == 0;
            if (own)
                continue;
            int type = (int)VECTOR(t)[i];
            g_ptr_array_add(names, g_strdup(name));
            g_array_append_val(types, type);
        }
    igraph_strvector_destroy(&n);
    igraph_vector_int_destroy(&t);
}

void cl_graphml_extra_keys(const igraph_t *g, FILE *f, GPtrArray *vn, GArray *vt, GPtrArray *en,
                           GArray *et)
{
    for (int pass = 0; pass < 2; pass++) {
        GPtrArray *names = pass ? en : vn;
        GArray *types = pass ? et : vt;
        for (guint i = 0; i < names->len; i++) {
            const char *name = g_ptr_array_index(names, i);
            fprintf(f, "  <key id=\"%c%u\" for=\"%s\" attr.name=\"", pass ? 'e' : 'v', i,
                    pass ? "edge" : "node");
            cl_xml_text(f, name);
            fprintf(f, "\" attr.type=\"%s\"/>\n",
                    cl_attr_decl_type(g, !pass, name,
                                      (igraph_attribute_type_t)g_array_index(types, int, i)));
        }
    }
}

/* The value of attribute k of vertex or edge i as text ("" and false when
 * it is a missing number). */
static bool extra_text(const igraph_t *g, bool vertex, igraph_integer_t i, const char *name, int t,
                       char *buf, size_t size, const char **text)
{
    if (t == IGRAPH_ATTRIBUTE_NUMERIC) {
        double x = vertex ? VAN(g, name, i) : EAN(g, name, i);
        if (isnan(x))
            return false;
        const char *dt = cl_attr_decl_type(g, vertex, name, IGRAPH_ATTRIBUTE_NUMERIC);
        if ((strcmp(dt, "int") == 0 || strcmp(dt, "long") == 0) && x == floor(x) &&
            fabs(x) < 9.2e18)
            g_snprintf(buf, size, "%.0f", x);
        else
            g_ascii_formatd(buf, (int)size, "%.17g", x);
        *text = buf;
    } else if (t == IGRAPH_ATTRIBUTE_BOOLEAN) {
        *text = (vertex ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false";
    } else if (t == IGRAPH_ATTRIBUTE_STRING) {
        *text = vertex ? VAS(g, name, i) : EAS(g, name, i);
    } else {
        return false;
    }
    return true;
}

void cl_gexf_extra_decls(const igraph_t *g, FILE *f, bool vertex, GPtrArray *names, GArray *types)
{
    for (guint k = 0; k < names->len; k++) {
        const char *name = g_ptr_array_index(names, k);
        const char *dt = cl_attr_decl_type(g, vertex, name,
                                           (igraph_attribute_type_t)g_array_index(types, int, k));
        fprintf(f, "      <attribute id=\"%c%u\" title=\"", vertex ? 'v' : 'e', k);
        cl_xml_text(f, name);
        fprintf(f, "\" type=\"%s\"/>\n", strcmp(dt, "int") == 0 ? "integer" : dt);
    }
}

/* Every value of vertex or edge i as XML text between open (a printf
 * format of the key's class letter and index) and close. */
void cl_extra_values_xml(const cl_extras_t *x, FILE *f, bool vertex, igraph_integer_t i,
                         const char *open, const char *close)
{
    GPtrArray *names = vertex ? x->vn : x->en;
    GArray *types = vertex ? x->vt : x->et;
    for (guint k = 0; k < names->len; k++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        const char *text;
        /* A missing number is left out: GraphML's and GEXF's way of saying so. */
        if (!extra_text(x->g, vertex, i, g_ptr_array_index(names, k), g_array_index(types, int, k),
                        buf, sizeof buf, &text))
            continue;
        fprintf(f, open, vertex ? 'v' : 'e', k);
        cl_xml_text(f, text);
        fputs(close, f);
    }
}

void cl_extras_init(cl_extras_t *x, const igraph_t *g)
{
    x->g = g;
    x->vn = g_ptr_array_new_with_free_func(g_free);
    x->en = g_ptr_array_new_with_free_func(g_free);
    x->vt = g_array_new(FALSE, FALSE, sizeof(int));
    x->et = g_array_new(FALSE, FALSE, sizeof(int));
    cl_extra_attrs(g, true, x->vn, x->vt);
    cl_extra_attrs(g, false, x->en, x->et);
}

void cl_extras_clear(cl_extras_t *x)
{
    g_ptr_array_free(x->vn, TRUE);
    g_ptr_array_free(x->en, TRUE);
    g_array_free(x->vt, TRUE);
    g_array_free(x->et, TRUE);
}
