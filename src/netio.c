/* netio.c: network files in (GraphML, GML, edge-list CSV) and out (six formats), and INPUT parsing.
 */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <string.h>

#include "internal.h"

/* ---- attribute access ---- */

static igraph_attribute_type_t attr_type(const igraph_t *g, igraph_attribute_elemtype_t elem,
                                         const char *name)
{
    if (!igraph_cattribute_has_attr(g, elem, name))
        return IGRAPH_ATTRIBUTE_UNSPECIFIED;
    igraph_strvector_t names;
    igraph_vector_int_t types;
    igraph_strvector_init(&names, 0);
    igraph_vector_int_init(&types, 0);
    igraph_cattribute_list(g, NULL, NULL, elem == IGRAPH_ATTRIBUTE_VERTEX ? &names : NULL,
                           elem == IGRAPH_ATTRIBUTE_VERTEX ? &types : NULL,
                           elem == IGRAPH_ATTRIBUTE_EDGE ? &names : NULL,
                           elem == IGRAPH_ATTRIBUTE_EDGE ? &types : NULL);
    igraph_attribute_type_t t = IGRAPH_ATTRIBUTE_UNSPECIFIED;
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
        if (strcmp(igraph_strvector_get(&names, i), name) == 0)
            t = (igraph_attribute_type_t)VECTOR(types)[i];
    igraph_strvector_destroy(&names);
    igraph_vector_int_destroy(&types);
    return t;
}

const char *clout_vstr(const igraph_t *g, const char *attr, igraph_integer_t v)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, attr))
        return "";
    return VAS(g, attr, v);
}

const char *clout_estr(const igraph_t *g, const char *attr, igraph_integer_t e)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, attr))
        return "";
    return EAS(g, attr, e);
}

double clout_enum(const igraph_t *g, const char *attr, igraph_integer_t e, double dflt)
{
    if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, attr))
        return dflt;
    return EAN(g, attr, e);
}

/* Makes a vertex or edge attribute a string attribute, converting numbers
 * and booleans: a file may give any attribute any type. */
static igraph_error_t attr_as_string(igraph_t *g, igraph_attribute_elemtype_t elem,
                                     const char *name)
{
    igraph_attribute_type_t t = attr_type(g, elem, name);
    if (t == IGRAPH_ATTRIBUTE_STRING || t == IGRAPH_ATTRIBUTE_UNSPECIFIED)
        return IGRAPH_SUCCESS;
    bool v = elem == IGRAPH_ATTRIBUTE_VERTEX;
    igraph_integer_t n = v ? igraph_vcount(g) : igraph_ecount(g);
    igraph_strvector_t sv;
    igraph_strvector_init(&sv, n);
    for (igraph_integer_t i = 0; i < n; i++) {
        char buf[64];
        if (t == IGRAPH_ATTRIBUTE_NUMERIC)
            g_snprintf(buf, sizeof buf, "%.15g", v ? VAN(g, name, i) : EAN(g, name, i));
        else if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
            g_strlcpy(buf, (v ? VAB(g, name, i) : EAB(g, name, i)) ? "true" : "false", sizeof buf);
        else
            buf[0] = 0;
        igraph_strvector_set(&sv, i, buf);
    }
    if (v)
        igraph_cattribute_remove_v(g, name);
    else
        igraph_cattribute_remove_e(g, name);
    igraph_error_t e =
        v ? igraph_cattribute_VAS_setv(g, name, &sv) : igraph_cattribute_EAS_setv(g, name, &sv);
    igraph_strvector_destroy(&sv);
    return e;
}

static igraph_error_t vattr_as_string(igraph_t *g, const char *name)
{
    return attr_as_string(g, IGRAPH_ATTRIBUTE_VERTEX, name);
}

/* Fills in the attributes clout relies on, from what the file had. */
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

static igraph_error_t decode_attr(igraph_t *g, igraph_attribute_elemtype_t elem, const char *name)
{
    if (attr_type(g, elem, name) != IGRAPH_ATTRIBUTE_STRING)
        return IGRAPH_SUCCESS;
    igraph_integer_t n = elem == IGRAPH_ATTRIBUTE_VERTEX ? igraph_vcount(g) : igraph_ecount(g);
    igraph_error_t e = IGRAPH_SUCCESS;
    for (igraph_integer_t i = 0; i < n && !e; i++) {
        const char *v = elem == IGRAPH_ATTRIBUTE_VERTEX ? VAS(g, name, i) : EAS(g, name, i);
        char *d = decode_refs(v);
        if (d)
            e = elem == IGRAPH_ATTRIBUTE_VERTEX ? igraph_cattribute_VAS_set(g, name, i, d)
                                                : igraph_cattribute_EAS_set(g, name, i, d);
        g_free(d);
    }
    return e;
}

/* A string attribute of count vertices or edges, all "".  Setting one
 * element of a new attribute gives every other element "" (igraph's
 * cattribute handler); setv would copy a whole vector of "". */
static igraph_error_t add_empty_attr(igraph_t *g, igraph_attribute_elemtype_t elem,
                                     const char *name, igraph_integer_t count)
{
    bool vertex = elem == IGRAPH_ATTRIBUTE_VERTEX;
    if (count > 0)
        return vertex ? igraph_cattribute_VAS_set(g, name, 0, "")
                      : igraph_cattribute_EAS_set(g, name, 0, "");
    igraph_strvector_t empty;
    IGRAPH_CHECK(igraph_strvector_init(&empty, 0));
    igraph_error_t e = vertex ? igraph_cattribute_VAS_setv(g, name, &empty)
                              : igraph_cattribute_EAS_setv(g, name, &empty);
    igraph_strvector_destroy(&empty);
    return e;
}

static clout_status_t normalise(clout_network_t *net, const char *path, int kind,
                                clout_error_t *err)
{
    igraph_t *g = &net->graph;
    igraph_integer_t n = igraph_vcount(g), m = igraph_ecount(g);
    igraph_error_t e = IGRAPH_SUCCESS;
    /* GraphML node ids arrive as a string "id"; GML ids are numbers, and the
     * name a person gave a node is its "label". */
    const char *id_from =
        attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id") == IGRAPH_ATTRIBUTE_STRING ? "id"
        : igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "label")      ? "label"
                                                                               : NULL;
    static const char *vattrs[] = {"id", "label", "name", "kind", "role"};
    static const char *eattrs[] = {"layer", "relations"};
    if (kind == CLOUT_NET_GML) {
        for (size_t k = 0; k < G_N_ELEMENTS(vattrs) && !e; k++)
            e = decode_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vattrs[k]);
        for (size_t k = 0; k < G_N_ELEMENTS(eattrs) && !e; k++)
            e = decode_attr(g, IGRAPH_ATTRIBUTE_EDGE, eattrs[k]);
    } else if (kind == CLOUT_NET_GRAPHML) {
        e = decode_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id");
    }
    /* A GML file with numeric ids and no labels keeps its ids, as text. */
    if (!id_from && attr_type(g, IGRAPH_ATTRIBUTE_VERTEX, "id") == IGRAPH_ATTRIBUTE_NUMERIC) {
        if (!e)
            e = vattr_as_string(g, "id");
        id_from = "id";
    }
    /* A file may give any attribute any type; clout reads these as text. */
    if (!e)
        e = attr_as_string(g, IGRAPH_ATTRIBUTE_EDGE, "layer");
    if (!e)
        e = attr_as_string(g, IGRAPH_ATTRIBUTE_EDGE, "relations");
    if (!e)
        e = vattr_as_string(g, "label");
    if (!e)
        e = vattr_as_string(g, "name");
    if (!e)
        e = vattr_as_string(g, "kind");
    if (!e)
        e = vattr_as_string(g, "role");
    igraph_strvector_t ids, names;
    igraph_strvector_init(&ids, n);
    igraph_strvector_init(&names, n);
    for (igraph_integer_t v = 0; v < n && !e; v++) {
        char buf[32];
        const char *id = id_from ? VAS(g, id_from, v) : NULL;
        if (!id || !*id) {
            g_snprintf(buf, sizeof buf, "%" IGRAPH_PRId, v);
            id = buf;
        }
        igraph_strvector_set(&ids, v, id);
        const char *name = clout_vstr(g, "name", v);
        if (!*name)
            name = clout_vstr(g, "label", v);
        igraph_strvector_set(&names, v, *name ? name : id);
    }
    if (igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id"))
        igraph_cattribute_remove_v(g, "id");
    if (!e)
        e = igraph_cattribute_VAS_setv(g, "id", &ids);
    if (!e)
        e = igraph_cattribute_VAS_setv(g, "name", &names);
    igraph_strvector_destroy(&ids);
    igraph_strvector_destroy(&names);
    /* Missing attributes are set whole, in one call: igraph looks an
     * attribute up by name on every single-element set (a tenth of the time
     * of reading a million-edge list, doc/performance.md). */
    static const char *vs[] = {"kind", "role"};
    static const char *es[] = {"layer", "relations"};
    bool filled[2] = {false, false}; /* es[k] was set to "" here */
    for (int k = 0; k < 2 && !e; k++)
        if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vs[k]))
            e = add_empty_attr(g, IGRAPH_ATTRIBUTE_VERTEX, vs[k], n);
    for (int k = 0; k < 2 && !e; k++)
        if (!igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, es[k])) {
            e = add_empty_attr(g, IGRAPH_ATTRIBUTE_EDGE, es[k], m);
            filled[k] = true;
        }
    if (e)
        return clout_igraph_error(err, e, path);
    /* Every string must be UTF-8 (JSON, XML and Pango need it) and every id
     * unique (actors are found by id). */
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
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    clout_status_t dup = CLOUT_OK;
    for (igraph_integer_t v = 0; v < n && !dup; v++) {
        const char *id = VAS(g, "id", v);
        if (!g_hash_table_add(seen, (gpointer)id))
            dup = clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                  "node id '%s' is used twice (node %" IGRAPH_PRId ")", id, v + 1);
    }
    g_hash_table_destroy(seen);
    if (dup)
        return dup;
    igraph_attribute_type_t wt = attr_type(g, IGRAPH_ATTRIBUTE_EDGE, "weight");
    if (wt == IGRAPH_ATTRIBUTE_UNSPECIFIED) {
        for (igraph_integer_t i = 0; i < m && !e; i++)
            e = igraph_cattribute_EAN_set(g, "weight", i, 1.0);
    } else if (wt != IGRAPH_ATTRIBUTE_NUMERIC) {
        return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                               "edge attribute 'weight' is not numeric");
    } else {
        /* igraph gives NaN both for a missing weight and for "NaN"; guessing 1
         * could hide a broken file, so both are errors. */
        for (igraph_integer_t i = 0; i < m; i++)
            if (!isfinite(EAN(g, "weight", i)))
                return clout_error_set(err, CLOUT_EDATA, path, 0, 0,
                                       "edge %" IGRAPH_PRId " (%s %s %s) has no weight or one "
                                       "that is not a finite number (%g); give every edge a "
                                       "weight, or none",
                                       i + 1, VAS(g, "id", IGRAPH_FROM(g, i)),
                                       igraph_is_directed(g) ? "->" : "--",
                                       VAS(g, "id", IGRAPH_TO(g, i)), EAN(g, "weight", i));
    }
    if (e)
        return clout_igraph_error(err, e, path);
    return CLOUT_OK;
}

/* ---- readers ---- */

static clout_status_t read_edgelist(clout_network_t *net, const char *path, bool directed,
                                    clout_error_t *err)
{
    clout_csv_t *csv;
    clout_status_t st = clout_csv_open(&csv, path, path, err);
    if (st)
        return st;
    clout_names_t ix;
    clout_names_init(&ix, 1024);
    gint64 last[2] = {-1, -1};
    GPtrArray *ids = g_ptr_array_new();
    igraph_vector_int_t ev;
    igraph_vector_t wv;
    igraph_vector_int_init(&ev, 0);
    igraph_vector_init(&wv, 0);
    bool first = true;
    int r;
    while ((r = clout_csv_next(csv, err)) > 0) {
        int nf = clout_csv_n_fields(csv);
        if (first) {
            first = false;
            if (nf >= 2 && strcmp(clout_csv_field(csv, 0), "source") == 0 &&
                strcmp(clout_csv_field(csv, 1), "target") == 0) {
                if (nf > 3 || (nf == 3 && strcmp(clout_csv_field(csv, 2), "weight") != 0)) {
                    st = clout_error_set(err, CLOUT_EDATA, path, clout_csv_field_line(csv, 2),
                                         clout_csv_field_col(csv, 2),
                                         "an edge list has the columns source,target[,weight]");
                    break;
                }
                continue;
            }
        }
        if (nf < 2 || nf > 3) {
            st = clout_error_set(err, CLOUT_EDATA, path, clout_csv_line(csv), 1,
                                 "row has %d fields; an edge list has source,target[,weight]", nf);
            break;
        }
        double w = 1;
        if (nf == 3 && !clout_parse_double(clout_csv_field(csv, 2), &w)) {
            st = clout_error_set(
                err, CLOUT_EDATA, path, clout_csv_field_line(csv, 2), clout_csv_field_col(csv, 2),
                "column 'weight': '%s' is not a finite number", clout_csv_field(csv, 2));
            break;
        }
        for (int k = 0; k < 2; k++) { /* the next row's ids, into the cache */
            const char *next;
            size_t len;
            if (clout_csv_peek(csv, k, &next, &len))
                clout_names_prefetch(&ix, next, len);
        }
        for (int k = 0; k < 2; k++) {
            const char *id = clout_csv_field(csv, k);
            if (!*id) {
                st = clout_error_set(err, CLOUT_EDATA, path, clout_csv_field_line(csv, k),
                                     clout_csv_field_col(csv, k), "column '%s': empty actor id",
                                     k ? "target" : "source");
                break;
            }
            int hit = clout_names_find(&ix, &last[k], id) + 1;
            if (!hit && ids->len >= CLOUT_MAX_ACTORS) {
                st = clout_error_set(err, CLOUT_EDATA, path, clout_csv_field_line(csv, k),
                                     clout_csv_field_col(csv, k), "more than %d actors",
                                     CLOUT_MAX_ACTORS);
                break;
            }
            if (!hit) {
                char *copy = g_strdup(id);
                g_ptr_array_add(ids, copy);
                hit = (int)ids->len;
                clout_names_add(&ix, copy, hit - 1);
            }
            igraph_vector_int_push_back(&ev, hit - 1);
        }
        if (st)
            break;
        if (igraph_vector_size(&wv) >= CLOUT_MAX_TIES) {
            st = clout_error_set(err, CLOUT_EDATA, path, clout_csv_line(csv), 1,
                                 "more than %ld edges", CLOUT_MAX_TIES);
            break;
        }
        igraph_vector_push_back(&wv, w);
    }
    if (r < 0)
        st = clout_error_status(err);
    clout_csv_close(csv);
    igraph_error_t e = IGRAPH_SUCCESS;
    if (!st) {
        e = igraph_empty(&net->graph, (igraph_integer_t)ids->len, directed);
        if (!e) {
            e = igraph_add_edges(&net->graph, &ev, NULL);
            igraph_strvector_t sv;
            igraph_strvector_init(&sv, (igraph_integer_t)ids->len);
            for (guint i = 0; i < ids->len; i++)
                igraph_strvector_set(&sv, i, g_ptr_array_index(ids, i));
            if (!e)
                e = igraph_cattribute_VAS_setv(&net->graph, "id", &sv);
            if (!e)
                e = igraph_cattribute_EAN_setv(&net->graph, "weight", &wv);
            igraph_strvector_destroy(&sv);
            if (e)
                igraph_destroy(&net->graph);
        }
        if (e)
            st = clout_igraph_error(err, e, path);
    }
    g_ptr_array_set_free_func(ids, g_free);
    g_ptr_array_free(ids, TRUE);
    clout_names_clear(&ix);
    igraph_vector_int_destroy(&ev);
    igraph_vector_destroy(&wv);
    return st;
}

static int path_kind(const char *path)
{
    char *low = g_ascii_strdown(path, -1);
    int k = -1;
    if (g_str_has_suffix(low, ".graphml") || g_str_has_suffix(low, ".xml"))
        k = CLOUT_NET_GRAPHML;
    else if (g_str_has_suffix(low, ".gml"))
        k = CLOUT_NET_GML;
    else if (g_str_has_suffix(low, ".csv") || g_str_has_suffix(low, ".txt"))
        k = CLOUT_NET_EDGELIST;
    g_free(low);
    return k;
}

clout_status_t clout_network_read(clout_network_t **out, const char *path, bool directed,
                                  clout_error_t *err)
{
    clout_init();
    *out = NULL;
    int kind = path_kind(path);
    if (kind < 0)
        return clout_error_set(err, CLOUT_EUSAGE, path, 0, 0,
                               "cannot tell the format (want .graphml, .gml or .csv)");
    clout_network_t *net = clout_network_new(path);
    clout_status_t st = CLOUT_OK;
    if (kind == CLOUT_NET_EDGELIST) {
        st = read_edgelist(net, path, directed, err);
    } else {
        FILE *f = fopen(path, "rb");
        if (!f) {
            st =
                clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: %s", g_strerror(errno));
        } else {
            igraph_error_t e = kind == CLOUT_NET_GML ? igraph_read_graph_gml(&net->graph, f)
                                                     : igraph_read_graph_graphml(&net->graph, f, 0);
            fclose(f);
            if (e) {
                clout_status_t s2 = clout_igraph_error(err, e, path);
                /* A file igraph cannot parse is bad input, whatever code came back. */
                st = s2 == CLOUT_EFAIL && e != IGRAPH_ENOMEM ? CLOUT_EDATA : s2;
                if (st == CLOUT_EDATA && clout_error_status(err) < CLOUT_EDATA)
                    clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot read this file");
            }
        }
    }
    if (st) {
        g_free(net->source);
        g_free(net);
        return st;
    }
    st = normalise(net, path, kind, err);
    if (st) {
        clout_network_free(net);
        return st;
    }
    *out = net;
    return CLOUT_OK;
}

/* ---- INPUT ---- */

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
        if (!ds_out && o.year)
            st = clout_dataset_load_snapshot(&ds, path, o.year, o.window, err);
        else
            st = clout_dataset_load(&ds, path, err);
        if (!st) {
            st = clout_snapshot(out, ds, &o, err);
            if (!st && ds_out)
                *ds_out = ds;
            else
                clout_dataset_free(ds);
        }
    } else if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        st =
            clout_error_set(err, CLOUT_EDATA, path, 0, 0, "cannot open: No such file or directory");
    } else {
        st = clout_network_read(out, path, o.directed, err);
    }
    g_free(path);
    return st;
}

/* ---- writers ---- */

int clout_netformat_from_name(const char *name)
{
    static const char *names[] = {"graphml", "gml", "dot", "pajek", "edgelist", "csv", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

int clout_netformat_from_path(const char *path)
{
    static const struct {
        const char *ext;
        int fmt;
    } map[] = {{".graphml", CLOUT_NET_GRAPHML},
               {".gml", CLOUT_NET_GML},
               {".dot", CLOUT_NET_DOT},
               {".gv", CLOUT_NET_DOT},
               {".net", CLOUT_NET_PAJEK},
               {".csv", CLOUT_NET_CSV},
               {NULL, 0}};
    if (!path)
        return -1;
    char *low = g_ascii_strdown(path, -1);
    int fmt = -1;
    for (int i = 0; map[i].ext && fmt < 0; i++)
        if (g_str_has_suffix(low, map[i].ext))
            fmt = map[i].fmt;
    g_free(low);
    return fmt;
}

/* XML text: markup escaped; characters XML 1.0 cannot hold become U+FFFD,
 * and tab, newline and carriage return are written as references so that
 * attribute normalisation keeps them. */
static void xml_text(FILE *f, const char *s)
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

static void num_text(FILE *f, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    fputs(g_ascii_formatd(buf, sizeof buf, "%.17g", v), f);
}

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
    fprintf(f, "  <graph id=\"G\" edgedefault=\"%s\">\n", dir ? "directed" : "undirected");
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fputs("    <node id=\"", f);
        xml_text(f, clout_vstr(g, "id", v));
        fputs("\">\n", f);
        for (int k = 0; k < 3; k++) {
            fprintf(f, "      <data key=\"%s\">", vk[k]);
            xml_text(f, clout_vstr(g, vk[k], v));
            fputs("</data>\n", f);
        }
        fputs("    </node>\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fputs("    <edge source=\"", f);
        xml_text(f, clout_vstr(g, "id", IGRAPH_FROM(g, e)));
        fputs("\" target=\"", f);
        xml_text(f, clout_vstr(g, "id", IGRAPH_TO(g, e)));
        fputs("\">\n      <data key=\"weight\">", f);
        num_text(f, clout_enum(g, "weight", e, 1));
        fputs("</data>\n      <data key=\"layer\">", f);
        xml_text(f, clout_estr(g, "layer", e));
        fputs("</data>\n      <data key=\"relations\">", f);
        xml_text(f, clout_estr(g, "relations", e));
        fputs("</data>\n    </edge>\n", f);
    }
    fputs("  </graph>\n</graphml>\n", f);
}

/* GML strings cannot hold a double quote; igraph and NetworkX read the
 * entities written here back as characters. */
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

static void write_gml(const igraph_t *g, FILE *f)
{
    fprintf(f, "Creator \"clout %s\"\ngraph\n[\n  directed %d\n", CLOUT_VERSION_STRING,
            igraph_is_directed(g) ? 1 : 0);
    static const char *vk[] = {"name", "kind", "role"};
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fprintf(f, "  node\n  [\n    id %" IGRAPH_PRId "\n    label ", v);
        gml_string(f, clout_vstr(g, "id", v));
        for (int k = 0; k < 3; k++) {
            fprintf(f, "\n    %s ", vk[k]);
            gml_string(f, clout_vstr(g, vk[k], v));
        }
        fputs("\n  ]\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fprintf(
            f, "  edge\n  [\n    source %" IGRAPH_PRId "\n    target %" IGRAPH_PRId "\n    weight ",
            IGRAPH_FROM(g, e), IGRAPH_TO(g, e));
        num_text(f, clout_enum(g, "weight", e, 1));
        fputs("\n    layer ", f);
        gml_string(f, clout_estr(g, "layer", e));
        fputs("\n    relations ", f);
        gml_string(f, clout_estr(g, "relations", e));
        fputs("\n  ]\n", f);
    }
    fputs("]\n", f);
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

static void write_dot(const igraph_t *g, FILE *f)
{
    bool dir = igraph_is_directed(g);
    fprintf(f, "%s clout {\n", dir ? "digraph" : "graph");
    static const char *vk[] = {"kind", "role"};
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        fputs("  ", f);
        dot_string(f, clout_vstr(g, "id", v));
        fputs(" [label=", f);
        dot_string(f, clout_vstr(g, "name", v));
        for (int k = 0; k < 2; k++) {
            fprintf(f, ", %s=", vk[k]);
            dot_string(f, clout_vstr(g, vk[k], v));
        }
        fputs("];\n", f);
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        fputs("  ", f);
        dot_string(f, clout_vstr(g, "id", IGRAPH_FROM(g, e)));
        fputs(dir ? " -> " : " -- ", f);
        dot_string(f, clout_vstr(g, "id", IGRAPH_TO(g, e)));
        /* Quoted: an exponent (1.2e-05) is not a DOT numeral. */
        fputs(" [weight=\"", f);
        num_text(f, clout_enum(g, "weight", e, 1));
        fputs("\", layer=", f);
        dot_string(f, clout_estr(g, "layer", e));
        fputs(", relations=", f);
        dot_string(f, clout_estr(g, "relations", e));
        fputs("];\n", f);
    }
    fputs("}\n", f);
}

/* Pajek labels are quoted with no escape, so quotes become apostrophes. */
static void write_pajek(const igraph_t *g, FILE *f)
{
    fprintf(f, "*Vertices %" IGRAPH_PRId "\n", igraph_vcount(g));
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        char *s = g_strdup(clout_vstr(g, "id", v));
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
        num_text(f, clout_enum(g, "weight", e, 1));
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
 * could misread it (clout_write_csv_cell's rules), which is nearly always. */
static void put_cell(FILE *f, const char *s)
{
    bool plain = s[0] && s[0] != '#' && s[0] != ' ';
    const char *p = s;
    for (; plain && *p; p++)
        plain = *p != ',' && *p != '"' && *p != '\r' && *p != '\n';
    if (plain && p[-1] != ' ')
        put_str(s, f);
    else
        clout_write_csv_cell(f, s, false);
}

/* The edge list as CSV: source,target,weight[,layer,relations].  Rows go
 * straight to the file, cells as clout's table writer writes them: a
 * snapshot of millions of edges needs no table of copied strings. */
static void write_edge_csv(const igraph_t *g, FILE *f, bool full)
{
    fputs(full ? "source,target,weight,layer,relations\n" : "source,target,weight\n", f);
    igraph_strvector_t ids, layer, rels;
    igraph_vector_t w;
    igraph_strvector_init(&ids, 0);
    igraph_strvector_init(&layer, 0);
    igraph_strvector_init(&rels, 0);
    igraph_vector_init(&w, 0);
    igraph_integer_t ne = igraph_ecount(g);
    bool have_id = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "id");
    bool have_w = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "weight");
    bool have_l = full && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "layer");
    bool have_r = full && igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_EDGE, "relations");
    /* Each copy is checked: a failed one (memory) falls back to the slow
     * accessors, which return "" and 1 for what is missing. */
    have_id = have_id && !igraph_cattribute_VASV(g, "id", igraph_vss_all(), &ids);
    have_w =
        have_w && !igraph_cattribute_EANV(g, "weight", igraph_ess_all(IGRAPH_EDGEORDER_ID), &w);
    have_l =
        have_l && !igraph_cattribute_EASV(g, "layer", igraph_ess_all(IGRAPH_EDGEORDER_ID), &layer);
    have_r = have_r &&
             !igraph_cattribute_EASV(g, "relations", igraph_ess_all(IGRAPH_EDGEORDER_ID), &rels);
    /* One lock for the whole table instead of one per call. */
    flockfile(f);
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t u = IGRAPH_FROM(g, e), v = IGRAPH_TO(g, e);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        put_cell(f, have_id ? igraph_strvector_get(&ids, u) : clout_vstr(g, "id", u));
        putc_unlocked(',', f);
        put_cell(f, have_id ? igraph_strvector_get(&ids, v) : clout_vstr(g, "id", v));
        putc_unlocked(',', f);
        put_str(clout_number_text(buf, have_w ? VECTOR(w)[e] : clout_enum(g, "weight", e, 1), false,
                                  false),
                f);
        if (full) {
            putc_unlocked(',', f);
            put_cell(f, have_l ? igraph_strvector_get(&layer, e) : clout_estr(g, "layer", e));
            putc_unlocked(',', f);
            put_cell(f, have_r ? igraph_strvector_get(&rels, e) : clout_estr(g, "relations", e));
        }
        putc_unlocked('\n', f);
    }
    funlockfile(f);
    igraph_strvector_destroy(&ids);
    igraph_strvector_destroy(&layer);
    igraph_strvector_destroy(&rels);
    igraph_vector_destroy(&w);
}

clout_status_t clout_network_write(const clout_network_t *net, FILE *f, clout_netformat_t fmt,
                                   clout_error_t *err)
{
    const igraph_t *g = &net->graph;
    clout_status_t st = CLOUT_OK;
    switch (fmt) {
    case CLOUT_NET_GRAPHML: write_graphml(g, f); break;
    case CLOUT_NET_GML: write_gml(g, f); break;
    case CLOUT_NET_DOT: write_dot(g, f); break;
    case CLOUT_NET_PAJEK: write_pajek(g, f); break;
    case CLOUT_NET_EDGELIST:
    case CLOUT_NET_CSV: write_edge_csv(g, f, fmt == CLOUT_NET_CSV); break;
    }
    if (!st && ferror(f))
        st = clout_error_set(err, CLOUT_EFAIL, NULL, 0, 0, "cannot write the network");
    return st;
}
