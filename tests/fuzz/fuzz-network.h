/* fuzz-network.h: the body of the network-file targets (edge lists, GraphML, GML, GEXF, matrix). */
#ifndef CLOUT_FUZZ_NETWORK_H
#define CLOUT_FUZZ_NETWORK_H

#include "fuzz.h"

/* Whether an id holds a control character that XML 1.0 cannot hold: the
 * GraphML writer turns each into U+FFFD (netio.c, xml_text), so ids that
 * differ only there become one vertex when read back.  That loss is the
 * writer's documented choice, not a finding. */
static bool has_xml_control(const clout_network_t *net)
{
    for (igraph_integer_t v = 0; v < igraph_vcount(&net->graph); v++)
        for (const unsigned char *p = (const unsigned char *)VAS(&net->graph, "id", v); *p; p++)
            if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
                return true;
    return false;
}

/* Writes net in format fmt to a file named like ext and reads it back: what
 * clout writes in a format it reads, it must read back with the same edges
 * (and, but for an edge list, which cannot hold a lone vertex, vertices). */
static void fuzz_round_trip(const clout_network_t *net, clout_netformat_t fmt, const char *ext)
{
    char *name = g_strconcat("round-trip", ext, NULL);
    char *path = fuzz_path(name);
    g_free(name);
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot open '%s'", path);
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_network_write(net, f, fmt, err);
    FUZZ_CHECK(fclose(f) == 0 && st == CLOUT_OK, "cannot write '%s'", path);
    clout_network_t *back = NULL;
    st = clout_network_read(&back, path, igraph_is_directed(&net->graph), err);
    FUZZ_CHECK(st == CLOUT_OK, "clout cannot read back the %s it wrote: %s", ext,
               clout_error_message(err, 0));
    FUZZ_CHECK(igraph_ecount(&back->graph) == igraph_ecount(&net->graph),
               "%s written and read back: %" IGRAPH_PRId " edges, was %" IGRAPH_PRId, ext,
               igraph_ecount(&back->graph), igraph_ecount(&net->graph));
    bool edges_only = fmt == CLOUT_NET_EDGELIST || fmt == CLOUT_NET_EDGELIST_TEXT;
    if (!edges_only && !(fmt == CLOUT_NET_GRAPHML && has_xml_control(net)))
        FUZZ_CHECK(igraph_vcount(&back->graph) == igraph_vcount(&net->graph),
                   "%s written and read back: %" IGRAPH_PRId " vertices, was %" IGRAPH_PRId, ext,
                   igraph_vcount(&back->graph), igraph_vcount(&net->graph));
    clout_network_free(back);
    clout_error_free(err);
    g_free(path);
}

/* Why a whitespace edge list cannot hold id (netio-text.c refuses to write
 * it): empty, white space in it, or a comment's first character. */
static bool text_unwritable(const char *id)
{
    return !*id || *id == '#' || *id == '%' || strpbrk(id, " \t\r\n\v\f");
}

/* The text edge list: written and read back with the same edges, or, when
 * an id of an edge cannot be a word of a line, refused as a usage error
 * before a byte is written. */
static void fuzz_round_trip_text(const clout_network_t *net)
{
    const igraph_t *g = &net->graph;
    bool refuse = false;
    for (igraph_integer_t e = 0; e < igraph_ecount(g) && !refuse; e++)
        refuse = text_unwritable(VAS(g, "id", IGRAPH_FROM(g, e))) ||
                 text_unwritable(VAS(g, "id", IGRAPH_TO(g, e)));
    if (!refuse) {
        fuzz_round_trip(net, CLOUT_NET_EDGELIST_TEXT, ".edgelist");
        return;
    }
    char *path = fuzz_path("refused.edgelist");
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL, "cannot open '%s'", path);
    clout_error_t *err = clout_error_new(0);
    clout_status_t st = clout_network_write(net, f, CLOUT_NET_EDGELIST_TEXT, err);
    long written = ftell(f);
    fclose(f);
    FUZZ_CHECK(st == CLOUT_EUSAGE && written == 0,
               "an id a text edge list cannot hold: status %d, %ld bytes written", (int)st,
               written);
    fuzz_check_failed(st, err);
    clout_error_free(err);
    g_free(path);
}

/* Reads the input as a network file whose name ends in ext. */
static void fuzz_network_file(const char *ext, const uint8_t *data, size_t size, bool directed)
{
    static char *path;
    if (!path) {
        char *name = g_strconcat("input", ext, NULL);
        path = fuzz_path(name);
        g_free(name);
    }
    fuzz_write(path, data, size);
    clout_error_t *err = clout_error_new(0);
    clout_network_t *net = NULL;
    clout_status_t st = clout_network_read(&net, path, directed, err);
    fuzz_check_failed(st, err);
    FUZZ_CHECK((st == CLOUT_OK) == (net != NULL), "status %d, network %p", (int)st, (void *)net);
    if (net) {
        igraph_integer_t n = igraph_vcount(&net->graph), m = igraph_ecount(&net->graph);
        /* What normalise promises: every vertex has an id and a name, every
         * edge a finite weight. */
        GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
        for (igraph_integer_t v = 0; v < n; v++) {
            const char *id = VAS(&net->graph, "id", v), *nm = VAS(&net->graph, "name", v);
            FUZZ_CHECK(id && *id && nm && *nm, "vertex %" IGRAPH_PRId " without id or name", v);
            /* Ids name actors in every output; two alike make one of two. */
            FUZZ_CHECK(g_hash_table_add(seen, (gpointer)id), "two vertices with the id '%s'", id);
            FUZZ_CHECK(g_utf8_validate(id, -1, NULL) && g_utf8_validate(nm, -1, NULL),
                       "vertex %" IGRAPH_PRId " has an id or name that is not UTF-8", v);
        }
        g_hash_table_destroy(seen);
        for (igraph_integer_t e = 0; e < m; e++)
            FUZZ_CHECK(isfinite(EAN(&net->graph, "weight", e)),
                       "edge %" IGRAPH_PRId " has no finite weight", e);
        fuzz_write_network(net);
        fuzz_round_trip(net, CLOUT_NET_GRAPHML, ".graphml");
        fuzz_round_trip(net, CLOUT_NET_GML, ".gml");
        fuzz_round_trip(net, CLOUT_NET_EDGELIST, ".csv");
        fuzz_round_trip_text(net);
        clout_network_free(net);
    }
    clout_error_free(err);
}

#endif
