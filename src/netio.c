/* netio.c: network files in (GraphML, GML, edge-list CSV) and out (six formats), and INPUT parsing.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- attribute access ---- */

clout_status_t cl_attr_type(const igraph_t *g, igraph_attribute_elemtype_t elem, const char *name,
                            igraph_attribute_type_t *type, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    *type = IGRAPH_ATTRIBUTE_UNSPECIFIED;
    if (!igraph_cattribute_has_attr(g, elem, name))
        return CLOUT_OK;
    igraph_strvector_t names = {0};
    igraph_vector_int_t types = {0};
    bool v = elem == IGRAPH_ATTRIBUTE_VERTEX;
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&names, 0), "attribute types");
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&types, 0), "attribute types");
    CLOUT_IGRAPH_TRY(igraph_cattribute_list(g, NULL, NULL, v ? &names : NULL, v ? &types : NULL,
                                            v ? NULL : &names, v ? NULL : &types),
                     "attribute types");
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
        if (strcmp(igraph_strvector_get(&names, i), name) == 0)
            *type = (igraph_attribute_type_t)VECTOR(types)[i];
out:
    cl_strvector_release(&names);
    igraph_vector_int_destroy(&types);
    return st;
}

const char *cl_vstr(const igraph_t *g, const char *attr, igraph_integer_t v)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return "";
    return VAS(g, attr, v);
}

const char *cl_estr(const igraph_t *g, const char *attr, igraph_integer_t e)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, attr))
        return "";
    return EAS(g, attr, e);
}

double cl_enum(const igraph_t *g, const char *attr, igraph_integer_t e, double dflt)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, attr))
        return dflt;
    return EAN(g, attr, e);
}

/* Makes a vertex or edge attribute a string attribute, converting numbers
 * and booleans: a file may give any attribute any type. */
static clout_status_t attr_as_string(igraph_t *g, igraph_attribute_elemtype_t elem,
                                     const char *name, const char *path, clout_error_t *err)
{
    igraph_attribute_type_t t;
    clout_status_t st = cl_attr_type(g, elem, name, &t, err);
    if (st || t == IGRAPH_ATTRIBUTE_STRING || t == IGRAPH_ATTRIBUTE_UNSPECIFIED)
        return st;
    bool v = elem == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_integer_t n = v ? igraph_vcount(g) : igraph_ecount(g);
    igraph_strvector_t sv = {0};
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv, n), path);
    for (igraph_integer_t i = 0; i < n; i++) {
        char buf[64];
        if (t == IGRAPH_ATTRIBUTE_NUMERIC)
            g_snprintf(buf, sizeof buf, "%.15g", v ? VAN(g, name, i) : EAN(g, name, i));
        else if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
            g_strlcpy(buf, (v ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false", sizeof buf);
        else
            buf[0] = 0;
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&sv, i, buf), path);
    }
    if (v)
        igraph_cattribute_remove_v(g, name);
    else
        igraph_cattribute_remove_e(g, name);
    CLOUT_IGRAPH_TRY(v ? igraph_cattribute_VAS_setv(g, name, &sv)
                       : igraph_cattribute_EAS_setv(g, name, &sv),
                     path);
out:
    cl_strvector_release(&sv);
    return st;
}

/* Numeric character references that igraph's readers leave in strings.
 * libxml2 hands GraphML attribute values (node ids) over with '&' as "&#38;".
 * igraph's GML reader decodes named entities but not numeric ones, which the
 * GML standard uses for every character outside ASCII; clout writes only
 * numeric ones, so that this decoding is lossless: a literal "&#" arrives as
 * "&#38;#". */
static char *decode_refs(const char *s)
{
    if (!strstr(s, "&#"))
        return NULL;
    GString *out = g_string_new(NULL);
    for (const char *p = s; *p;) {
        if (p[0] == '&' && p[1] == '#') {
            const char *q = p + 2;
            int base = 10;
            if (*q == 'x' || *q == 'X') {
                base = 16;
                q++;
            }
            char *end;
            unsigned long u = strtoul(q, &end, base);
            if (end > q && *end == ';' && u > 0 && u <= 0x10FFFF &&
                g_unichar_validate((gunichar)u)) {
                g_string_append_unichar(out, (gunichar)u);
                p = end + 1;
                continue;
            }
        }
        g_string_append_c(out, *p++);
    }
    return g_string_free(out, FALSE);
}

static clout_status_t decode_attr(igraph_t *g, igraph_attribute_elemtype_t elem, const char *name,
                                  const char *path, clout_error_t *err)
{
    igraph_attribute_type_t t;
    clout_status_t st = cl_attr_type(g, elem, name, &t, err);
    if (st || t != IGRAPH_ATTRIBUTE_STRING)
        return st;
    bool vertex = elem == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_integer_t n = vertex ? igraph_vcount(g) : igraph_ecount(g);
    for (igraph_integer_t i = 0; i < n; i++) {
        g_autofree char *d = decode_refs(vertex ? VAS(g, name, i) : EAS(g, name, i));
        if (d)
            CLOUT_IGRAPH_TRY(vertex ? igraph_cattribute_VAS_set(g, name, i, d)
                                    : igraph_cattribute_EAS_set(g, name, i, d),
                             path);
    }
out:
    return st;
}

/* A string attribute of count vertices or edges, all "".  Setting one
 * element of a new attribute gives every other element "" (igraph's
 * cattribute handler); setv would copy a whole vector of "". */
static clout_status_t add_empty_attr(igraph_t *g, igraph_attribute_elemtype_t elem,
                                     const char *name, igraph_integer_t count, const char *path,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    bool vertex = elem == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_strvector_t empty = {0};
    if (count > 0) {
        CLOUT_IGRAPH_TRY(vertex ? igraph_cattribute_VAS_set(g, name, 0, "")
                                : igraph_cattribute_EAS_set(g, name, 0, ""),
                         path);
        goto out;
    }
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&empty, 0), path);
    CLOUT_IGRAPH_TRY(vertex ? igraph_cattribute_VAS_setv(g, name, &empty)
                            : igraph_cattribute_EAS_setv(g, name, &empty),
                     path);
out:
    cl_strvector_release(&empty);
    return st;
}

/* GML's identity is a node's id; its label is a name.  The labels serve as
 * ids (clout's own GML keeps its ids there) only when every node has one
 * and no two are the same; else the GML ids do, with a warning. */
static bool labels_are_ids(const igraph_t *g, const char *path, clout_error_t *err)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        const char *l = VAS(g, "label", v);
        if (*l && g_hash_table_add(seen, (gpointer)l))
            continue;
        clout_error_warn(err,
                         "%s: node %" IGRAPH_PRId " has %s label%s%s%s: the nodes are known by "
                         "their GML ids, their labels kept as names",
                         path, v + 1, *l ? "the same" : "no", *l ? " as another, '" : "",
                         *l ? l : "", *l ? "'" : "");
        return false;
    }
    return true;
}

/* Text attributes as clout reads them: numeric references decoded (see
 * decode_refs), and every attribute clout reads as text made text.  *id_from
 * is the attribute that holds the ids: GraphML node ids arrive as a string
 * "id"; GML ids are numbers, and the name a person gave a node is its
 * "label"; a GML file with numeric ids and no labels keeps its ids, as
 * text.  NULL: none. */
static clout_status_t text_attrs(igraph_t *g, const char *path, int kind, const char **id_from,
                                 clout_error_t *err)
{
    static const char *vattrs[] = {"id", "label", "name", "kind", "role"};
    static const char *eattrs[] = {"layer", "relations"};
    igraph_attribute_type_t id_type;
    clout_status_t st = cl_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id", &id_type, err);
    *id_from = id_type == IGRAPH_ATTRIBUTE_STRING                                ? "id"
               : igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "label") ? "label"
                                                                                 : NULL;
    if (kind == CLOUT_NET_GML) {
        for (size_t k = 0; k < G_N_ELEMENTS(vattrs) && !st; k++)
            st = decode_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vattrs[k], path, err);
        for (size_t k = 0; k < G_N_ELEMENTS(eattrs) && !st; k++)
            st = decode_attr(g, IGRAPH_ATTRIBUTE_EDGE, eattrs[k], path, err);
    } else if (kind == CLOUT_NET_GRAPHML && !st) {
        st = decode_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id", path, err);
    }
    if (!*id_from && id_type == IGRAPH_ATTRIBUTE_NUMERIC) {
        if (!st)
            st = attr_as_string(g, IGRAPH_ATTRIBUTE_VERTEX, "id", path, err);
        *id_from = "id";
    }
    /* A file may give any attribute any type; clout reads these as text. */
    for (size_t k = 0; k < G_N_ELEMENTS(eattrs) && !st; k++)
        st = attr_as_string(g, IGRAPH_ATTRIBUTE_EDGE, eattrs[k], path, err);
    for (size_t k = 1; k < G_N_ELEMENTS(vattrs) && !st; k++)
        st = attr_as_string(g, IGRAPH_ATTRIBUTE_VERTEX, vattrs[k], path, err);
    if (!st && kind == CLOUT_NET_GML && id_type == IGRAPH_ATTRIBUTE_NUMERIC && *id_from &&
        strcmp(*id_from, "label") == 0 && !labels_are_ids(g, path, err)) {
        st = attr_as_string(g, IGRAPH_ATTRIBUTE_VERTEX, "id", path, err);
        *id_from = "id";
    }
    return st;
}

/* The vertex attributes "id" (from id_from, else the vertex index) and
 * "name" (else the label, else the id). */
static clout_status_t set_ids(igraph_t *g, const char *id_from, const char *path,
                              clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t n = igraph_vcount(g);
    igraph_strvector_t ids = {0}, names = {0};
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&ids, n), path);
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&names, n), path);
    for (igraph_integer_t v = 0; v < n; v++) {
        char buf[32];
        const char *id = id_from ? VAS(g, id_from, v) : NULL;
        if (!id || !*id) {
            g_snprintf(buf, sizeof buf, "%" IGRAPH_PRId, v);
            id = buf;
        }
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&ids, v, id), path);
        const char *name = cl_vstr(g, "name", v);
        if (!*name)
            name = cl_vstr(g, "label", v);
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&names, v, *name ? name : id), path);
    }
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id"))
        igraph_cattribute_remove_v(g, "id");
    CLOUT_IGRAPH_TRY(igraph_cattribute_VAS_setv(g, "id", &ids), path);
    CLOUT_IGRAPH_TRY(igraph_cattribute_VAS_setv(g, "name", &names), path);
out:
    cl_strvector_release(&ids);
    cl_strvector_release(&names);
    return st;
}

/* Every string must be UTF-8 (JSON, XML and Pango need it) and every id
 * unique (actors are found by id).  filled[k]: the edge attribute es[k] was
 * set to "" here, so it needs no look. */
static clout_status_t check_strings(const igraph_t *g, const char *path, const char *const es[2],
                                    const bool filled[2], clout_error_t *err)
{
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    static const char *vs_all[] = {"id", "name", "kind", "role"};
    for (size_t k = 0; k < G_N_ELEMENTS(vs_all); k++)
        for (igraph_integer_t v = 0; v < n; v++)
            if (!g_utf8_validate(VAS(g, vs_all[k], v), -1, NULL))
                return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                       "node %" IGRAPH_PRId ": attribute '%s' is not valid UTF-8",
                                       v + 1, vs_all[k]);
    for (int k = 0; k < 2; k++)
        for (igraph_integer_t i = 0; i < m && !filled[k]; i++)
            if (!g_utf8_validate(EAS(g, es[k], i), -1, NULL))
                return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                       "edge %" IGRAPH_PRId ": attribute '%s' is not valid UTF-8",
                                       i + 1, es[k]);
    /* The attributes clout does not use are written back as they are
     * (netio-attrs.c): a GraphML or GEXF of bytes that are not UTF-8 is not
     * XML, so they obey the same rule. */
    cl_extras_t x;
    cl_extras_init(&x, g);
    for (int vertex = 1; vertex >= 0; vertex--) {
        GPtrArray *names = vertex ? x.vn : x.en;
        GArray *types = vertex ? x.vt : x.et;
        for (guint k = 0; k < names->len; k++) {
            const char *a = g_ptr_array_index(names, k);
            if (g_array_index(types, int, k) != IGRAPH_ATTRIBUTE_STRING)
                continue;
            for (igraph_integer_t i = 0; i < (vertex ? n : m); i++)
                if (!g_utf8_validate(vertex ? VAS(g, a, i) : EAS(g, a, i), -1, NULL)) {
                    clout_status_t st =
                        clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                        "%s %" IGRAPH_PRId ": attribute '%s' is not valid UTF-8",
                                        vertex ? "node" : "edge", i + 1, a);
                    cl_extras_clear(&x);
                    return st;
                }
        }
    }
    cl_extras_clear(&x);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (igraph_integer_t v = 0; v < n; v++) {
        const char *id = VAS(g, "id", v);
        if (!g_hash_table_add(seen, (gpointer)id))
            return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                   "node id '%s' is used twice (node %" IGRAPH_PRId ")", id, v + 1);
    }
    return CLOUT_OK;
}

/* The numeric edge attributes of g other than "weight", ", "-joined, or
 * NULL when there is none. */
static char *numeric_edge_attrs(const igraph_t *g)
{
    igraph_strvector_t names;
    igraph_vector_int_t types;
    if (igraph_strvector_init(&names, 0))
        return NULL;
    if (igraph_vector_int_init(&types, 0)) {
        igraph_strvector_destroy(&names);
        return NULL;
    }
    GString *s = g_string_new(NULL);
    if (!igraph_cattribute_list(g, NULL, NULL, NULL, NULL, &names, &types))
        for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
            if (VECTOR(types)[i] == IGRAPH_ATTRIBUTE_NUMERIC &&
                strcmp(igraph_strvector_get(&names, i), "weight") != 0)
                g_string_append_printf(s, "%s'%s'", s->len ? ", " : "",
                                       igraph_strvector_get(&names, i));
    igraph_strvector_destroy(&names);
    igraph_vector_int_destroy(&types);
    return g_string_free(s, s->len == 0);
}

static clout_status_t all_weights(igraph_t *g, double w, const char *path, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_vector_t wv = {0};
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        igraph_cattribute_remove_e(g, "weight");
    CLOUT_IGRAPH_TRY(igraph_vector_init(&wv, igraph_ecount(g)), path);
    igraph_vector_fill(&wv, w);
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(g, "weight", &wv), path);
out:
    igraph_vector_destroy(&wv);
    return st;
}

/* The weights as numbers in "weight": from attribute name, numbers or text
 * that reads as numbers. */
static clout_status_t weights_from(igraph_t *g, const char *name, igraph_attribute_type_t t,
                                   const char *path, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_integer_t m = igraph_ecount(g);
    igraph_vector_t wv = {0};
    const char *opt = strcmp(name, "weight") == 0 ? "" : " (--weight)";
    if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                               "edge attribute '%s'%s is true or false, not a number; give "
                               "--weight ATTR for another attribute, or --unweighted",
                               name, opt);
    CLOUT_IGRAPH_TRY(igraph_vector_init(&wv, m), path);
    for (igraph_integer_t i = 0; i < m; i++) {
        double x = NAN;
        if (t == IGRAPH_ATTRIBUTE_NUMERIC)
            x = EAN(g, name, i);
        else if (!clout_parse_number(EAS(g, name, i), &x))
            x = NAN;
        /* igraph gives NaN both for a missing weight and for "NaN";
         * guessing 1 could hide a broken file, so both are errors. */
        if (!isfinite(x)) {
            st = clout_error_set(
                err, CLOUT_EDATA, path, 0, 0,
                "edge %" IGRAPH_PRId " (%s %s %s): its '%s'%s is missing or not a finite number "
                "('%s'); give every edge a weight, or read the file with --unweighted (every "
                "edge weighs 1)",
                i + 1, VAS(g, "id", IGRAPH_FROM(g, i)), igraph_is_directed(g) ? "->" : "--",
                VAS(g, "id", IGRAPH_TO(g, i)), name, opt,
                t == IGRAPH_ATTRIBUTE_NUMERIC ? "" : EAS(g, name, i));
            goto out;
        }
        VECTOR(wv)[i] = x;
    }
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        igraph_cattribute_remove_e(g, "weight");
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(g, "weight", &wv), path);
out:
    igraph_vector_destroy(&wv);
    return st;
}

/* The edge weights (doc/data-format.md, "Network files"): --unweighted, 1
 * each; --weight ATTR, that attribute's; else "weight"; else 1 each, with a
 * warning when a numeric attribute such as GML's "value" could have been
 * meant.  Every weight must be a finite number. */
static clout_status_t check_weights(igraph_t *g, const char *path, const clout_snapshot_opts_t *o,
                                    clout_error_t *err)
{
    if (o->unweighted)
        return all_weights(g, 1, path, err);
    const char *name = o->weight ? o->weight : "weight";
    igraph_attribute_type_t wt;
    clout_status_t st = cl_attr_type(g, IGRAPH_ATTRIBUTE_EDGE, name, &wt, err);
    if (st)
        return st;
    if (wt != IGRAPH_ATTRIBUTE_UNSPECIFIED)
        return weights_from(g, name, wt, path, err);
    g_autofree char *others = numeric_edge_attrs(g);
    if (o->weight)
        return clout_error_set(err, CLOUT_EUSAGE, path, 0, 0,
                               "--weight %s: the edges have no attribute '%s'%s%s", name, name,
                               others ? "; numeric ones: " : "", others ? others : "");
    if (others && igraph_ecount(g) > 0)
        clout_error_warn(err,
                         "%s: the edges have no 'weight' but numeric attributes (%s): every edge "
                         "weighs 1; --weight ATTR reads one as the weight, --unweighted says 1 "
                         "is meant",
                         path, others);
    return all_weights(g, 1, path, err);
}

/* Parallel edges become one, its weight their sum and its other attributes
 * the first's, unless o->multi_keep: one reading of the network for every
 * measure (betweenness and closeness would count them as separate paths,
 * eigenvector and PageRank sum them). */
static clout_status_t merge_parallel(igraph_t *g, const char *path, const clout_snapshot_opts_t *o,
                                     clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_bool_t multi = false;
    igraph_attribute_combination_t comb;
    bool comb_made = false;
    CLOUT_IGRAPH_TRY(igraph_has_multiple(g, &multi), path);
    if (!multi || o->multi_keep)
        goto out;
    igraph_integer_t before = igraph_ecount(g);
    CLOUT_IGRAPH_TRY(igraph_attribute_combination(&comb, "weight", IGRAPH_ATTRIBUTE_COMBINE_SUM, "",
                                                  IGRAPH_ATTRIBUTE_COMBINE_FIRST,
                                                  IGRAPH_NO_MORE_ATTRIBUTES),
                     path);
    comb_made = true;
    CLOUT_IGRAPH_TRY(igraph_simplify(g, true, false, &comb), path);
    clout_error_warn(err,
                     "%s: %" IGRAPH_PRId " edges, %" IGRAPH_PRId
                     " once parallel ones are merged, each pair's weights summed (--multi keep "
                     "keeps them apart)",
                     path, before, igraph_ecount(g));
out:
    if (comb_made)
        igraph_attribute_combination_destroy(&comb);
    return st;
}

/* Fills in the attributes clout relies on, from what the file had. */
static clout_status_t normalise(clout_network_t *net, const char *path, int kind,
                                const clout_snapshot_opts_t *o, clout_error_t *err)
{
    igraph_t *g = &net->graph;
    const char *id_from;
    clout_status_t st = text_attrs(g, path, kind, &id_from, err);
    if (!st)
        st = set_ids(g, id_from, path, err);
    /* Missing attributes are set whole, in one call: igraph looks an
     * attribute up by name on every single-element set (a tenth of the time
     * of reading a million-edge list, doc/performance.md). */
    static const char *vs[] = {"kind", "role"};
    static const char *const es[] = {"layer", "relations"};
    bool filled[2] = {false, false}; /* es[k] was set to "" here */
    for (int k = 0; k < 2 && !st; k++)
        if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vs[k]))
            st = add_empty_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vs[k], igraph_vcount(g), path, err);
    if (!st)
        st = check_weights(g, path, o, err);
    /* Parallel edges are merged before the empty edge attributes are added:
     * igraph_simplify combines every edge attribute, and an edge list has
     * only its weights. */
    if (!st)
        st = merge_parallel(g, path, o, err);
    for (int k = 0; k < 2 && !st; k++)
        if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, es[k])) {
            st = add_empty_attr(g, IGRAPH_ATTRIBUTE_EDGE, es[k], igraph_ecount(g), path, err);
            filled[k] = true;
        }
    if (!st)
        st = check_strings(g, path, es, filled, err);
    return st;
}

/* ---- readers ---- */

/* The edge list read so far (cl_edgelist_t, internal.h): shared by the CSV
 * reader here and the whitespace reader (netio-text.c). */
clout_status_t cl_edgelist_init(cl_edgelist_t *el, const char *path, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    *el = (cl_edgelist_t){.ids = g_ptr_array_new_with_free_func(g_free), .last = {-1, -1}};
    cl_names_init(&el->ix, 1024);
    CLOUT_IGRAPH_TRY(igraph_vector_int_init(&el->ev, 0), path);
    CLOUT_IGRAPH_TRY(igraph_vector_init(&el->wv, 0), path);
out:
    return st;
}

void cl_edgelist_clear(cl_edgelist_t *el)
{
    g_ptr_array_free(el->ids, TRUE);
    cl_names_clear(&el->ix);
    if (el->ev.stor_begin)
        igraph_vector_int_destroy(&el->ev);
    if (el->wv.stor_begin)
        igraph_vector_destroy(&el->wv);
}

clout_status_t cl_edgelist_end(cl_edgelist_t *el, int k, const char *id, const char *path,
                               long line, long col, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    int hit = cl_names_find(&el->ix, &el->last[k], id) + 1;
    if (!hit && el->ids->len >= CLOUT_MAX_ACTORS)
        return clout_error_set(err, CLOUT_EDATA, path, line, col, "more than %d actors",
                               CLOUT_MAX_ACTORS);
    if (!hit) {
        char *copy = g_strdup(id);
        g_ptr_array_add(el->ids, copy);
        hit = (int)el->ids->len;
        cl_names_add(&el->ix, copy, hit - 1);
    }
    CLOUT_IGRAPH_TRY(igraph_vector_int_push_back(&el->ev, hit - 1), path);
out:
    return st;
}

clout_status_t cl_edgelist_weight(cl_edgelist_t *el, double w, const char *path, long line,
                                  clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    if (igraph_vector_size(&el->wv) >= CLOUT_MAX_TIES)
        return clout_error_set(err, CLOUT_EDATA, path, line, 1, "more than %ld edges",
                               CLOUT_MAX_TIES);
    CLOUT_IGRAPH_TRY(igraph_vector_push_back(&el->wv, w), path);
out:
    return st;
}

/* The header row "source,target[,weight]", when the first row is one:
 * *skip tells the caller to skip it. */
static clout_status_t edgelist_header(cl_csv_t *csv, const char *path, bool *skip,
                                      clout_error_t *err)
{
    int nf = cl_csv_n_fields(csv);
    *skip = nf >= 2 && strcmp(cl_csv_field(csv, 0), "source") == 0 &&
            strcmp(cl_csv_field(csv, 1), "target") == 0;
    if (*skip && nf >= 3 && strcmp(cl_csv_field(csv, 2), "weight") != 0)
        return clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, 2),
                               cl_csv_field_col(csv, 2),
                               "an edge list has the columns source,target[,weight]");
    if (*skip && nf > 3) {
        /* `clout build --to csv` adds layer and relations: read back, they
         * are named as left out rather than refused. */
        GString *names = g_string_new(NULL);
        for (int k = 3; k < nf; k++)
            g_string_append_printf(names, "%s'%s'", k > 3 ? ", " : "", cl_csv_field(csv, k));
        clout_error_warn(err,
                         "%s: column%s %s not read: an edge list's columns are source, "
                         "target and weight",
                         path, nf > 4 ? "s" : "", names->str);
        g_string_free(names, TRUE);
    }
    return CLOUT_OK;
}

/* How many columns the rows of a CSV edge list have: the header's, else
 * the first row's (and its line), so that a row without the weight the
 * others have is an error, never weight 1 by guess; unless --unweighted. */
typedef struct {
    int ncols;
    long line;
    bool unweighted;
} edgelist_cols_t;

/* One row of an edge list: its two ids (new ones numbered) and its weight. */
static clout_status_t edgelist_row(cl_edgelist_t *el, cl_csv_t *csv, const char *path,
                                   edgelist_cols_t *ec, clout_error_t *err)
{
    int nf = cl_csv_n_fields(csv);
    /* A whitespace-separated line in a .csv is one field: say where such
     * files are read. */
    if (nf == 1 && strpbrk(cl_csv_field(csv, 0), " \t"))
        return clout_error_set(err, CLOUT_EDATA, path, cl_csv_line(csv), 1,
                               "row has 1 field; an edge list in a .csv has source,target[,weight] "
                               "separated by commas (a whitespace-separated edge list is read "
                               "from a file named .edgelist or .txt)");
    if (nf < 2 || nf > MAX(3, ec->ncols))
        return clout_error_set(err, CLOUT_EDATA, path, cl_csv_line(csv), 1,
                               "row has %d fields; an edge list has source,target[,weight]", nf);
    if (!ec->ncols) {
        ec->ncols = nf;
        ec->line = cl_csv_line(csv);
    } else if (ec->ncols > 3 && nf != ec->ncols) {
        return clout_error_set(err, CLOUT_EDATA, path, cl_csv_line(csv), 1,
                               "row has %d fields where the header (line %ld) has %d", nf, ec->line,
                               ec->ncols);
    } else if (nf != ec->ncols && !ec->unweighted) {
        /* At the weight, or just after the target where it is missing. */
        long col = nf == 3 ? cl_csv_field_col(csv, 2)
                           : cl_csv_field_col(csv, 1) + (long)strlen(cl_csv_field(csv, 1));
        return clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, nf - 1), col,
                               "%s, but line %ld %s: give every edge a weight, or read the file "
                               "with --unweighted (every edge weighs 1)",
                               nf == 3 ? "a weight" : "no weight", ec->line,
                               ec->ncols == 3 ? "has one" : "has none");
    }
    double w = 1;
    if (nf >= 3 && !ec->unweighted && !cl_parse_double(cl_csv_field(csv, 2), &w))
        return clout_error_set(
            err, CLOUT_EDATA, path, cl_csv_field_line(csv, 2), cl_csv_field_col(csv, 2),
            "column 'weight': '%s' is not a finite number", cl_csv_field(csv, 2));
    for (int k = 0; k < 2; k++) { /* the next row's ids, into the cache */
        const char *next;
        size_t len;
        if (cl_csv_peek(csv, k, &next, &len))
            cl_names_prefetch(&el->ix, next, len);
    }
    for (int k = 0; k < 2; k++) {
        const char *id = cl_csv_field(csv, k);
        if (!*id)
            return clout_error_set(err, CLOUT_EDATA, path, cl_csv_field_line(csv, k),
                                   cl_csv_field_col(csv, k), "column '%s': empty actor id",
                                   k ? "target" : "source");
        clout_status_t st = cl_edgelist_end(el, k, id, path, cl_csv_field_line(csv, k),
                                            cl_csv_field_col(csv, k), err);
        if (st)
            return st;
    }
    return cl_edgelist_weight(el, w, path, cl_csv_line(csv), err);
}

clout_status_t cl_edgelist_graph(clout_network_t *net, const cl_edgelist_t *el, bool directed,
                                 const char *path, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_strvector_t sv = {0};
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&sv, (igraph_integer_t)el->ids->len), path);
    for (guint i = 0; i < el->ids->len; i++)
        CLOUT_IGRAPH_TRY(igraph_strvector_set(&sv, i, g_ptr_array_index(el->ids, i)), path);
    CLOUT_IGRAPH_TRY(igraph_create(&net->graph, &el->ev, (igraph_integer_t)el->ids->len, directed),
                     path);
    CLOUT_IGRAPH_TRY(igraph_cattribute_VAS_setv(&net->graph, "id", &sv), path);
    CLOUT_IGRAPH_TRY(igraph_cattribute_EAN_setv(&net->graph, "weight", &el->wv), path);
out:
    cl_strvector_release(&sv);
    return st;
}

static clout_status_t read_edgelist(clout_network_t *net, const char *path, bool directed,
                                    bool unweighted, clout_error_t *err)
{
    edgelist_cols_t ec = {.unweighted = unweighted};
    cl_csv_t *csv;
    clout_status_t st = cl_csv_open(&csv, path, path, err);
    if (st)
        return st;
    cl_edgelist_t el;
    st = cl_edgelist_init(&el, path, err);
    bool first = true;
    int r = 0;
    while (!st && (r = cl_csv_next(csv, err)) > 0) {
        if (first) {
            bool skip;
            first = false;
            st = edgelist_header(csv, path, &skip, err);
            if (st)
                goto out;
            if (skip) {
                ec.ncols = cl_csv_n_fields(csv);
                ec.line = cl_csv_line(csv);
                continue;
            }
        }
        st = edgelist_row(&el, csv, path, &ec, err);
        if (st)
            goto out;
    }
    if (r < 0)
        st = clout_error_status(err);
    if (!st)
        st = cl_edgelist_graph(net, &el, directed, path, err);
out:
    cl_csv_close(csv);
    cl_edgelist_clear(&el);
    return st;
}

/* Input file names: the extension says the format; a .csv whose first
 * cell is empty is an adjacency matrix. */
static int path_kind(const char *path)
{
    static const struct {
        const char *ext;
        int kind;
    } map[] = {{".graphml", CLOUT_NET_GRAPHML},  {".xml", CLOUT_NET_GRAPHML},
               {".gml", CLOUT_NET_GML},          {".gexf", CLOUT_NET_GEXF},
               {".net", CLOUT_NET_PAJEK},        {".paj", CLOUT_NET_PAJEK},
               {".csv", CLOUT_NET_EDGELIST},     {".edgelist", CLOUT_NET_EDGELIST_TEXT},
               {".txt", CLOUT_NET_EDGELIST_TEXT}};
    char *low = g_ascii_strdown(path, -1);
    int k = -1;
    for (size_t i = 0; i < G_N_ELEMENTS(map) && k < 0; i++)
        if (g_str_has_suffix(low, map[i].ext))
            k = map[i].kind;
    g_free(low);
    if (k == CLOUT_NET_EDGELIST && cl_csv_is_matrix(path))
        k = CLOUT_NET_MATRIX;
    return k;
}

const char *clout_network_read_extensions(void)
{
    return ".graphml, .xml, .gml, .gexf, .net, .paj, .csv, .edgelist or .txt";
}

/* GraphML and GML, through igraph's readers. */
static clout_status_t read_igraph(clout_network_t *net, const char *path, int kind,
                                  clout_error_t *err)
{
    g_autofree char *types = NULL;
    if (kind == CLOUT_NET_GRAPHML) {
        clout_status_t s0 = cl_graphml_scan(path, &types, err);
        if (s0)
            return s0;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", g_strerror(errno));
    igraph_error_t e = kind == CLOUT_NET_GML ? igraph_read_graph_gml(&net->graph, f)
                                             : igraph_read_graph_graphml(&net->graph, f, 0);
    fclose(f);
    clout_status_t st = CLOUT_OK;
    if (e) {
        clout_status_t s2 = cl_igraph_error(err, e, path);
        /* A file igraph cannot parse is bad input, whatever code came back. */
        st = s2 == CLOUT_EFAIL && e != IGRAPH_ENOMEM ? CLOUT_EDATA : s2;
        if (st == CLOUT_EDATA && clout_error_status(err) < CLOUT_EDATA)
            clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot read this file");
    }
    if (!st)
        st = cl_graphml_keep_types(&net->graph, types, path, err);
    return st;
}

clout_status_t clout_network_read(clout_network_t **out, const char *path, bool directed,
                                  clout_error_t *err)
{
    clout_snapshot_opts_t o;
    clout_snapshot_opts_init(&o);
    o.directed = directed;
    return clout_network_read_opts(out, path, &o, err);
}

clout_status_t clout_network_read_opts(clout_network_t **out, const char *path,
                                       const clout_snapshot_opts_t *opts, clout_error_t *err)
{
    bool directed = opts->directed;
    clout_init();
    *out = NULL;
    int kind = path_kind(path);
    if (kind < 0)
        return clout_error_set(err, CLOUT_EUSAGE, path, 0, 0,
                               "cannot tell the format from the extension, which must be %s",
                               clout_network_read_extensions());
    g_autoptr(clout_network_t) net = cl_network_new(path);
    clout_status_t st;
    switch (kind) {
    case CLOUT_NET_EDGELIST: st = read_edgelist(net, path, directed, opts->unweighted, err); break;
    case CLOUT_NET_EDGELIST_TEXT: st = cl_read_text_edgelist(net, path, opts, err); break;
    case CLOUT_NET_MATRIX: st = cl_read_matrix(net, path, directed, err); break;
    case CLOUT_NET_GEXF: st = cl_read_gexf(net, path, err); break;
    case CLOUT_NET_PAJEK: st = cl_read_pajek(net, path, err); break;
    default: st = read_igraph(net, path, kind, err); break;
    }
    if (!st)
        st = normalise(net, path, kind, opts, err);
    if (!st)
        *out = g_steal_pointer(&net);
    return st;
}

/* ---- INPUT ---- */

static void say_default_year(const clout_dataset_t *ds, const clout_snapshot_opts_t *o, int year,
                             clout_error_t *err);

clout_status_t clout_input_open(clout_network_t **out, clout_dataset_t **ds_out, const char *input,
                                const clout_snapshot_opts_t *opts, clout_error_t *err)
{
    clout_init();
    *out = NULL;
    if (ds_out)
        *ds_out = NULL;
    clout_snapshot_opts_t o = *opts;
    char *path = g_strdup(input);
    const char *at = strrchr(input, '@');
    if (at && !g_file_test(input, G_FILE_TEST_EXISTS)) {
        int year;
        if (strlen(at + 1) != 4 || !clout_parse_year(at + 1, &year)) {
            g_free(path);
            return clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                   "'%s': '%s' is not a snapshot year (DATASET@YYYY, %d..%d)",
                                   input, at + 1, CLOUT_YEAR_MIN, CLOUT_YEAR_MAX);
        }
        path[at - input] = 0;
        o.year = year;
        if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
            clout_status_t st =
                g_file_test(path, G_FILE_TEST_EXISTS)
                    ? clout_error_set(err, CLOUT_EUSAGE, NULL, 0, 0,
                                      "'%s': a year goes with a dataset folder, not a file", input)
                    : clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                      "cannot open: No such file or directory");
            g_free(path);
            return st;
        }
    }
    clout_status_t st;
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        clout_dataset_t *ds;
        /* A caller that wants only the network gets a load that keeps only
         * the ties of its snapshot (memory near the graph's own); the
         * latest year is known only after reading all. */
        if (!ds_out && o.year && !o.carry_forward)
            st = cl_dataset_load_snapshot(&ds, path, o.year, o.window, err);
        else
            st = clout_dataset_load(&ds, path, err);
        if (!st) {
            st = clout_snapshot(ds, out, &o, err);
            if (!st && o.unweighted)
                st = all_weights(&(*out)->graph, 1, path, err);
            if (!st && !o.year)
                say_default_year(ds, &o, (*out)->year, err);
            if (!st && ds_out)
                *ds_out = ds;
            else
                clout_dataset_free(ds);
        }
    } else if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        st =
            clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: No such file or directory");
    } else {
        st = clout_network_read_opts(out, path, &o, err);
    }
    g_free(path);
    return st;
}

/* When INPUT names no year: which one the snapshot took, and why (the
 * latest year every relation with amounts covers). */
static void say_default_year(const clout_dataset_t *ds, const clout_snapshot_opts_t *o, int year,
                             clout_error_t *err)
{
    GString *s = g_string_new(NULL);
    for (int r = 0; r < clout_dataset_n_relations(ds); r++) {
        const clout_relation_t *rel = clout_dataset_relation(ds, r);
        int f, l;
        clout_dataset_coverage(ds, r, &f, &l);
        if (rel->mode == CLOUT_MODE_FLOW && f)
            g_string_append_printf(s, "%s%s to %d", s->len ? ", " : "", rel->name, l);
    }
    (void)o;
    if (s->len)
        clout_error_warn(err,
                         "no @YEAR given: the %d snapshot, the latest year that every relation "
                         "with amounts covers (%s)",
                         year, s->str);
    else
        clout_error_warn(err, "no @YEAR given: the %d snapshot, the dataset's latest year", year);
    g_string_free(s, TRUE);
}

/* ---- writers ---- */

/* Indexed by clout_netformat_t: both edge lists are "edgelist", the first
 * (CSV) the one a name gives. */
static const char *const FORMAT_NAMES[] = {"graphml", "gml",  "dot",    "pajek",    "edgelist",
                                           "csv",     "gexf", "matrix", "edgelist", NULL};

int clout_netformat_from_name(const char *name)
{
    for (int i = 0; FORMAT_NAMES[i]; i++)
        if (strcmp(name, FORMAT_NAMES[i]) == 0)
            return i;
    return -1;
}

const char *clout_netformat_name(clout_netformat_t fmt)
{
    return fmt >= 0 && fmt < (int)G_N_ELEMENTS(FORMAT_NAMES) - 1 ? FORMAT_NAMES[fmt] : "";
}

/* Output file names: the extension says the format.  An adjacency matrix
 * is a .csv too, so it is only ever asked for by name (--to matrix).  An
 * edge list is written as the reader reads a file of that name. */
static const struct {
    const char *ext;
    int fmt;
} OUT_EXT[] = {{".graphml", CLOUT_NET_GRAPHML},
               {".gml", CLOUT_NET_GML},
               {".gexf", CLOUT_NET_GEXF},
               {".dot", CLOUT_NET_DOT},
               {".gv", CLOUT_NET_DOT},
               {".net", CLOUT_NET_PAJEK},
               {".pajek", CLOUT_NET_PAJEK},
               {".csv", CLOUT_NET_CSV},
               {".edgelist", CLOUT_NET_EDGELIST_TEXT},
               {".txt", CLOUT_NET_EDGELIST_TEXT}};

int clout_netformat_from_path(const char *path)
{
    if (!path)
        return -1;
    char *low = g_ascii_strdown(path, -1);
    int fmt = -1;
    for (size_t i = 0; i < G_N_ELEMENTS(OUT_EXT) && fmt < 0; i++)
        if (g_str_has_suffix(low, OUT_EXT[i].ext))
            fmt = OUT_EXT[i].fmt;
    g_free(low);
    return fmt;
}

const char *clout_netformat_extensions(void)
{
    return ".graphml, .gml, .gexf, .dot, .gv, .net, .pajek, .csv, .edgelist or .txt";
}

clout_netformat_t clout_netformat_for_path(clout_netformat_t fmt, const char *path)
{
    bool edges = fmt == CLOUT_NET_EDGELIST || fmt == CLOUT_NET_EDGELIST_TEXT;
    if (edges)
        return clout_netformat_from_path(path) == CLOUT_NET_EDGELIST_TEXT ? CLOUT_NET_EDGELIST_TEXT
                                                                          : CLOUT_NET_EDGELIST;
    return fmt;
}

/* XML text: markup escaped; characters XML 1.0 cannot hold become U+FFFD,
 * and tab, newline and carriage return are written as references so that
 * attribute normalisation keeps them. */
void cl_xml_text(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&apos;", f); break;
        case '\t': fputs("&#9;", f); break;
        case '\n': fputs("&#10;", f); break;
        case '\r': fputs("&#13;", f); break;
        default:
            if (*p < 0x20)
                fputs("\xEF\xBF\xBD", f);
            else
                fputc(*p, f);
        }
    }
}

void cl_num_text(FILE *f, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    fputs(g_ascii_formatd(buf, sizeof buf, "%.17g", v), f);
}

/* clout's own writer, not igraph_write_graph_graphml: igraph 0.10.2 names
 * nodes n0, n1, ... and keeps the ids as data, so NetworkX keys the network
 * by n0, n1 (tests/unit/test-netio.c /netio/write/igraph-graphml,
 * tests/cli/python-compat.sh). */
static void write_graphml(const igraph_t *g, FILE *f)
{
    bool dir = igraph_is_directed(g);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          f);
    static const char *vk[] = {"name", "kind", "role"};
    for (int k = 0; k < 3; k++)
        fprintf(f, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n", vk[k],
                vk[k]);
    fputs("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
          "  <key id=\"layer\" for=\"edge\" attr.name=\"layer\" attr.type=\"string\"/>\n"
          "  <key id=\"relations\" for=\"edge\" attr.name=\"relations\" attr.type=\"string\"/>\n",
          f);
    cl_extras_t x;
    cl_extras_init(&x, g);
    cl_graphml_extra_keys(g, f, x.vn, x.vt, x.en, x.et);
    fprintf(f, "  <graph id=\"G\" edgedefault=\"%s\">\n", dir ? "directed" : "undirected");
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fputs("    <node id=\"", f);
        cl_xml_text(f, cl_vstr(g, "id", v));
        fputs("\">\n", f);
        for (int k = 0; k < 3; k++) {
            fprintf(f, "      <data key=\"%s\">", vk[k]);
            cl_xml_text(f, cl_vstr(g, vk[k], v));
            fputs("</data>\n", f);
        }
        cl_extra_values_xml(&x, f, true, v, "      <data key=\"%c%u\">", "</data>\n");
        fputs("    </node>\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fputs("    <edge source=\"", f);
        cl_xml_text(f, cl_vstr(g, "id", IGRAPH_FROM(g, e)));
        fputs("\" target=\"", f);
        cl_xml_text(f, cl_vstr(g, "id", IGRAPH_TO(g, e)));
        fputs("\">\n      <data key=\"weight\">", f);
        cl_num_text(f, cl_enum(g, "weight", e, 1));
        fputs("</data>\n      <data key=\"layer\">", f);
        cl_xml_text(f, cl_estr(g, "layer", e));
        fputs("</data>\n      <data key=\"relations\">", f);
        cl_xml_text(f, cl_estr(g, "relations", e));
        fputs("</data>\n", f);
        cl_extra_values_xml(&x, f, false, e, "      <data key=\"%c%u\">", "</data>\n");
        fputs("    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
    cl_extras_clear(&x);
}

/* GML strings cannot hold a double quote; igraph and NetworkX read the
 * entities written here back as characters.  clout's own writer, not
 * igraph_write_graph_gml: igraph 0.10.2 drops the string ids and writes
 * characters outside ASCII as they are, which NetworkX refuses
 * (/netio/write/igraph-gml, tests/cli/python-compat.sh). */
static void gml_string(FILE *f, const char *s)
{
    /* GML is ASCII: every other character, every control character, '"' and
     * '&' become numeric references, which NetworkX and clout's reader decode
     * (python-igraph leaves them as they are). */
    fputc('"', f);
    for (const char *p = s; *p;) {
        /* A network built by a library user may hold anything: a byte that is
         * not UTF-8 becomes U+FFFD, and the walk never passes the end. */
        gunichar u = g_utf8_get_char_validated(p, -1);
        if (u == (gunichar)-1 || u == (gunichar)-2) {
            u = 0xFFFD;
            p++;
        } else {
            p = g_utf8_next_char(p);
        }
        if (u < 0x20 || u >= 0x7F || u == '"' || u == '&')
            fprintf(f, "&#%u;", (unsigned)u);
        else
            fputc((int)u, f);
    }
    fputc('"', f);
}

/* GML keys are a letter and then letters and digits. */
static bool gml_key(const char *s)
{
    if (!g_ascii_isalpha(*s))
        return false;
    for (; *s; s++)
        if (!g_ascii_isalnum(*s))
            return false;
    return true;
}

/* The attributes of a network file that clout does not use, as GML keys:
 * numbers (a missing one left out), booleans as 1 and 0, text.  Names GML
 * cannot hold (and "label", which holds the id here) are left out, with a
 * warning. */
static void gml_extras(const igraph_t *g, FILE *f, bool vertex, igraph_integer_t i,
                       GPtrArray *names, GArray *types)
{
    for (guint k = 0; k < names->len; k++) {
        const char *name = g_ptr_array_index(names, k);
        int t = g_array_index(types, int, k);
        if (!gml_key(name) || (vertex && strcmp(name, "label") == 0))
            continue;
        if (t == IGRAPH_ATTRIBUTE_NUMERIC) {
            double x = vertex ? VAN(g, name, i) : EAN(g, name, i);
            if (isnan(x))
                continue;
            fprintf(f, "    %s ", name);
            cl_num_text(f, x);
        } else if (t == IGRAPH_ATTRIBUTE_BOOLEAN) {
            fprintf(f, "    %s %d", name, (vertex ? VAB(g, name, i) : EAB(g, name, i)) ? 1 : 0);
        } else if (t == IGRAPH_ATTRIBUTE_STRING) {
            fprintf(f, "    %s ", name);
            gml_string(f, vertex ? VAS(g, name, i) : EAS(g, name, i));
        } else {
            continue;
        }
        fputc('\n', f);
    }
}

/* Whether a string vertex attribute "label" says anything the id does not. */
static bool label_differs(const igraph_t *g)
{
    igraph_attribute_type_t t;
    if (cl_attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "label", &t, NULL) || t != IGRAPH_ATTRIBUTE_STRING)
        return t != IGRAPH_ATTRIBUTE_UNSPECIFIED;
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
        if (strcmp(VAS(g, "label", v), cl_vstr(g, "id", v)) != 0 &&
            strcmp(VAS(g, "label", v), cl_vstr(g, "name", v)) != 0)
            return true;
    return false;
}

static void gml_left_out(const igraph_t *g, GPtrArray *names, bool vertex, clout_error_t *err)
{
    for (guint k = 0; k < names->len; k++) {
        const char *name = g_ptr_array_index(names, k);
        if (!gml_key(name))
            clout_error_warn(err,
                             "GML: %s attribute '%s' left out (a GML key is letters and digits)",
                             vertex ? "node" : "edge", name);
        else if (vertex && strcmp(name, "label") == 0 && label_differs(g))
            clout_error_warn(err, "GML: node attribute 'label' left out: the label holds the id; "
                                  "'name' holds the name");
    }
}

static void write_gml(const igraph_t *g, FILE *f, clout_error_t *err)
{
    cl_extras_t x;
    cl_extras_init(&x, g);
    gml_left_out(g, x.vn, true, err);
    gml_left_out(g, x.en, false, err);
    fprintf(f, "Creator \"clout %s\"\ngraph\n[\n  directed %d\n", CLOUT_VERSION_STRING,
            igraph_is_directed(g) ? 1 : 0);
    static const char *vk[] = {"name", "kind", "role"};
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fprintf(f, "  node\n  [\n    id %" IGRAPH_PRId "\n    label ", v);
        gml_string(f, cl_vstr(g, "id", v));
        for (int k = 0; k < 3; k++) {
            fprintf(f, "\n    %s ", vk[k]);
            gml_string(f, cl_vstr(g, vk[k], v));
        }
        fputc('\n', f);
        gml_extras(g, f, true, v, x.vn, x.vt);
        fputs("  ]\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fprintf(
            f, "  edge\n  [\n    source %" IGRAPH_PRId "\n    target %" IGRAPH_PRId "\n    weight ",
            IGRAPH_FROM(g, e), IGRAPH_TO(g, e));
        cl_num_text(f, cl_enum(g, "weight", e, 1));
        fputs("\n    layer ", f);
        gml_string(f, cl_estr(g, "layer", e));
        fputs("\n    relations ", f);
        gml_string(f, cl_estr(g, "relations", e));
        fputc('\n', f);
        gml_extras(g, f, false, e, x.en, x.et);
        fputs("  ]\n", f);
    }
    fputs("]\n", f);
    cl_extras_clear(&x);
}

/* A DOT double-quoted string.  In labels a backslash starts an escape
 * (\n, \l, \N), so a literal one is doubled and a newline becomes \n. */
static void dot_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fputc('\\', f);
        if (*p == '\n')
            fputs("\\n", f);
        else if (*p == '\r' || *p == '\t' || *p < 0x20)
            fputc(' ', f);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* clout's own writer, not igraph_write_graph_dot: igraph 0.10.2 names
 * nodes by index with no label, and writes weights with %g, unquoted
 * (1234567 as 1.23457e+06, and an exponent is not a DOT numeral)
 * (/netio/write/igraph-dot). */
static void write_dot(const igraph_t *g, FILE *f)
{
    bool dir = igraph_is_directed(g);
    fprintf(f, "%s clout {\n", dir ? "digraph" : "graph");
    static const char *vk[] = {"kind", "role"};
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fputs("  ", f);
        dot_string(f, cl_vstr(g, "id", v));
        fputs(" [label=", f);
        dot_string(f, cl_vstr(g, "name", v));
        for (int k = 0; k < 2; k++) {
            fprintf(f, ", %s=", vk[k]);
            dot_string(f, cl_vstr(g, vk[k], v));
        }
        fputs("];\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fputs("  ", f);
        dot_string(f, cl_vstr(g, "id", IGRAPH_FROM(g, e)));
        fputs(dir ? " -> " : " -- ", f);
        dot_string(f, cl_vstr(g, "id", IGRAPH_TO(g, e)));
        /* Quoted: an exponent (1.2e-05) is not a DOT numeral. */
        fputs(" [weight=\"", f);
        cl_num_text(f, cl_enum(g, "weight", e, 1));
        fputs("\", layer=", f);
        dot_string(f, cl_estr(g, "layer", e));
        fputs(", relations=", f);
        dot_string(f, cl_estr(g, "relations", e));
        fputs("];\n", f);
    }
    fputs("}\n", f);
}

/* Pajek labels are quoted with no escape, so quotes become apostrophes.
 * clout's own writer, not igraph_write_graph_pajek: igraph 0.10.2 writes a
 * quote as \", which its own reader takes literally, and a newline as it
 * is, which splits the line (/netio/write/igraph-pajek). */
static void write_pajek(const igraph_t *g, FILE *f)
{
    fprintf(f, "*Vertices %" IGRAPH_PRId "\n", igraph_vcount(g));
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        char *s = g_strdup(cl_vstr(g, "id", v));
        for (char *p = s; *p; p++)
            if (*p == '"')
                *p = '\'';
            else if ((unsigned char)*p < 0x20)
                *p = ' ';
        fprintf(f, "%" IGRAPH_PRId " \"%s\"\n", v + 1, s);
        g_free(s);
    }
    fputs(igraph_is_directed(g) ? "*Arcs\n" : "*Edges\n", f);
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fprintf(f, "%" IGRAPH_PRId " %" IGRAPH_PRId " ", IGRAPH_FROM(g, e) + 1,
                IGRAPH_TO(g, e) + 1);
        cl_num_text(f, cl_enum(g, "weight", e, 1));
        fputc('\n', f);
    }
}

/* fputs without the lock, which the caller holds (fputs_unlocked is GNU). */
static void put_str(const char *s, FILE *f)
{
    for (; *s; s++)
        putc_unlocked(*s, f);
}

/* A CSV cell of a row that has other cells: written as is when no reader
 * could misread it (cl_write_csv_cell's rules), which is nearly always. */
static void put_cell(FILE *f, const char *s)
{
    bool plain = s[0] && s[0] != '#' && s[0] != ' ';
    const char *p = s;
    for (; plain && *p; p++)
        plain = *p != ',' && *p != '"' && *p != '\r' && *p != '\n';
    if (plain && p[-1] != ' ')
        put_str(s, f);
    else
        cl_write_csv_cell(f, s, false);
}

clout_status_t cl_edge_ends(const igraph_t *g, igraph_strvector_t *ids, igraph_vector_t *w,
                            clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    CLOUT_IGRAPH_TRY(igraph_strvector_init(ids, igraph_vcount(g)), "writing the network");
    CLOUT_IGRAPH_TRY(igraph_vector_init(w, igraph_ecount(g)), "writing the network");
    igraph_vector_fill(w, 1);
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id"))
        CLOUT_IGRAPH_TRY(igraph_cattribute_VASV(g, "id", igraph_vss_all(), ids),
                         "writing the network");
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight"))
        CLOUT_IGRAPH_TRY(
            igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), w),
            "writing the network");
out:
    return st;
}

/* The edge list as CSV: source,target,weight[,layer,relations].  Rows go
 * straight to the file, cells as clout's table writer writes them: a
 * snapshot of millions of edges needs no table of copied strings.  igraph
 * has no CSV writer: igraph_write_graph_edgelist writes vertex indices
 * without ids or weights, and igraph_write_graph_ncol names unquoted, so a
 * space or newline in one breaks its line (/netio/write/igraph-edgelist,
 * /netio/write/igraph-ncol). */
static clout_status_t write_edge_csv(const igraph_t *g, FILE *f, bool full, clout_error_t *err)
{
    clout_status_t st = CLOUT_OK;
    igraph_strvector_t ids = {0}, layer = {0}, rels = {0};
    igraph_vector_t w = {0};
    igraph_integer_t ne = igraph_ecount(g);
    igraph_es_t all = igraph_ess_all(IGRAPH_EDGEORDER_ID);
    /* One attribute lookup each, not one per edge; what is missing is ""
     * (and weight 1), as the accessors cl_vstr and cl_enum give. */
    if ((st = cl_edge_ends(g, &ids, &w, err)))
        goto out;
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&layer, full ? ne : 0), "writing the network");
    CLOUT_IGRAPH_TRY(igraph_strvector_init(&rels, full ? ne : 0), "writing the network");
    if (full && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "layer"))
        CLOUT_IGRAPH_TRY(igraph_cattribute_EASV(g, "layer", all, &layer), "writing the network");
    if (full && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "relations"))
        CLOUT_IGRAPH_TRY(igraph_cattribute_EASV(g, "relations", all, &rels), "writing the network");
    fputs(full ? "source,target,weight,layer,relations\n" : "source,target,weight\n", f);
    /* One lock for the whole table instead of one per call. */
    flockfile(f);
    for (igraph_integer_t e = 0; e < ne; e++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        put_cell(f, igraph_strvector_get(&ids, IGRAPH_FROM(g, e)));
        putc_unlocked(',', f);
        put_cell(f, igraph_strvector_get(&ids, IGRAPH_TO(g, e)));
        putc_unlocked(',', f);
        put_str(cl_number_text(buf, VECTOR(w)[e], false, false), f);
        if (full) {
            putc_unlocked(',', f);
            put_cell(f, igraph_strvector_get(&layer, e));
            putc_unlocked(',', f);
            put_cell(f, igraph_strvector_get(&rels, e));
        }
        putc_unlocked('\n', f);
    }
    funlockfile(f);
out:
    cl_strvector_release(&ids);
    cl_strvector_release(&layer);
    cl_strvector_release(&rels);
    igraph_vector_destroy(&w);
    return st;
}

clout_status_t clout_network_write(const clout_network_t *net, FILE *f, clout_netformat_t fmt,
                                   clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    clout_status_t st = CLOUT_OK;
    switch (fmt) {
    case CLOUT_NET_GRAPHML: write_graphml(g, f); break;
    case CLOUT_NET_GML: write_gml(g, f, err); break;
    case CLOUT_NET_DOT: write_dot(g, f); break;
    case CLOUT_NET_PAJEK: write_pajek(g, f); break;
    case CLOUT_NET_EDGELIST:
    case CLOUT_NET_CSV: st = write_edge_csv(g, f, fmt == CLOUT_NET_CSV, err); break;
    case CLOUT_NET_GEXF: cl_write_gexf(g, net->source, f); break;
    case CLOUT_NET_MATRIX: st = cl_write_matrix(g, f, err); break;
    case CLOUT_NET_EDGELIST_TEXT: st = cl_write_text_edgelist(g, f, err); break;
    }
    if (!st && ferror(f))
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "cannot write the network");
    return st;
}
