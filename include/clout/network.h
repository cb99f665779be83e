/* clout/network.h: networks: reading, writing and describing them (part of the public API, see clout.h). */
#ifndef CLOUT_NETWORK_H
#define CLOUT_NETWORK_H

#include <clout/table.h>
#include <clout/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Networks
 *
 * A network is an igraph_t carrying igraph's C attributes: vertex strings
 * "id", "name", "kind", "role"; edge number "weight", edge strings "layer"
 * and "relations" (';'-joined, sorted).
 * ------------------------------------------------------------------------- */
/* A network: the graph and where it came from.  Made by clout_snapshot,
 * clout_network_read or clout_input_open; the caller owns it and frees it
 * with clout_network_free(). */
typedef struct {
    igraph_t graph;
    char *source; /* what it was made from: "DIR@YEAR" or a file name */
    int year;     /* snapshot year, CLOUT_NO_YEAR for files */
    int window;   /* flow window in years, 0 for files */
} clout_network_t;

/* Destroys the graph and frees net; NULL is allowed. */
void clout_network_free(clout_network_t *net);

/* Reads a network file: GraphML (.graphml, .xml), GML (.gml), GEXF (.gexf),
 * Pajek (.net, .paj), an edge-list CSV (.csv: source,target[,weight]), a
 * whitespace-separated edge list (.edgelist, .txt: "source target
 * [weight]" lines, as NetworkX, SNAP and KONECT write them) or an adjacency
 * matrix (.csv whose first cell is empty; doc/data-format.md section 11).
 * Missing attributes are filled in: id from the file's node ids, name = id,
 * kind and role empty, weight 1.  directed: read an edge list or a matrix
 * as directed (GraphML and GML say it themselves).  The caller owns *out (NULL on failure).  Errors: CLOUT_EDATA
 * naming file, line and column for a malformed file, CLOUT_EFAIL when it
 * cannot be read.  Time: linear in the file's size. */
clout_status_t clout_network_read(clout_network_t **out, const char *path, bool directed,
                                  clout_error_t *err);

/* The formats clout_network_write writes. */
typedef enum {
    CLOUT_NET_GRAPHML = 0,
    CLOUT_NET_GML,
    CLOUT_NET_DOT,
    CLOUT_NET_PAJEK,
    CLOUT_NET_EDGELIST,
    CLOUT_NET_CSV,
    CLOUT_NET_GEXF,
    CLOUT_NET_MATRIX,
    /* The edge list as whitespace-separated text, "source target weight"
     * (.edgelist, .txt); CLOUT_NET_EDGELIST is the same in a CSV.  Named
     * "edgelist" too: clout_netformat_for_path picks one by the file name. */
    CLOUT_NET_EDGELIST_TEXT
} clout_netformat_t;

/* Format by name ("graphml", "gml", "dot", "pajek", "edgelist", "csv",
 * "gexf", "matrix"; "edgelist" is CLOUT_NET_EDGELIST); -1 if none. */
int clout_netformat_from_name(const char *name);
/* Format by a file name's extension (.graphml, .gml, .gexf, .dot or .gv,
 * .net or .pajek, .csv, .edgelist or .txt; any case); -1 if none: the
 * caller says which it knows (clout_netformat_extensions). */
int clout_netformat_from_path(const char *path);
/* The format fmt (a name's) takes for an output file named path: an edge
 * list is written as text when path ends in .edgelist or .txt
 * (CLOUT_NET_EDGELIST_TEXT), as CSV otherwise, so that clout reads the file
 * back; any other format is fmt.  path may be NULL (standard output). */
clout_netformat_t clout_netformat_for_path(clout_netformat_t fmt, const char *path);

/* Writes the network to f in the given format, labels escaped for it.
 * Errors: CLOUT_EFAIL when writing fails; CLOUT_EUSAGE, before anything is
 * written, when the network does not fit the format (a matrix of more than
 * 50000 nodes; an id that a whitespace edge list cannot hold: empty, with a
 * space or a tab, or starting with '#' or '%').  Time: linear in the
 * network's size. */
clout_status_t clout_network_write(const clout_network_t *net, FILE *f, clout_netformat_t fmt,
                                   clout_error_t *err);

/* ---- Network formats: names, options, GEXF over time (issue 17) ---- */

/* The name of a format ("graphml", ...), "" for none.  Static storage. */
const char *clout_netformat_name(clout_netformat_t fmt);
/* The output extensions clout_netformat_from_path knows, for messages:
 * ".graphml, .gml, ... or .edgelist".  Static storage. */
const char *clout_netformat_extensions(void);
/* The input extensions clout_network_read knows, for messages.  Static
 * storage. */
const char *clout_network_read_extensions(void);
/* clout_network_read_opts and clout_dataset_write_gexf, which take snapshot
 * options, are in clout/snapshot.h. */

/* Describes a network (and its dataset, when ds is not NULL): *tables
 * receives *n_tables tables, "summary", "kinds", "layers" and, with a
 * dataset, "relations" and "flows".  The caller frees each table
 * (clout_table_free) and the array (g_free).  Time: linear in the sizes. */
clout_status_t clout_info(const clout_network_t *net, const clout_dataset_t *ds,
                          clout_table_t ***tables, int *n_tables, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
