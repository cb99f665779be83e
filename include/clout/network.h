/* clout/network.h: networks: reading, writing and describing them (part of the public API, see clout.h). */
#ifndef CLOUT_NETWORK_H
#define CLOUT_NETWORK_H

#include <clout/table.h>
#include <clout/dataset.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------
 * Networks and snapshots
 *
 * A network is an igraph_t carrying igraph's C attributes: vertex strings
 * "id", "name", "kind", "role"; edge number "weight", edge strings "layer"
 * and "relations" (';'-joined, sorted).
 * ------------------------------------------------------------------------- */
typedef struct {
    igraph_t graph;
    char *source; /* what it was made from: "DIR@YEAR" or a file name */
    int year;     /* snapshot year, CLOUT_NO_YEAR for files */
    int window;   /* flow window in years, 0 for files */
} clout_network_t;

void clout_network_free(clout_network_t *net);

/* Reads a network file: GraphML (.graphml, .xml), GML (.gml) or an edge-list
 * CSV (.csv, .txt: source,target[,weight]).  Missing attributes are filled
 * in: id from the file's node ids, name = id, kind and role empty, weight 1. */
clout_status_t clout_network_read(clout_network_t **out, const char *path, bool directed,
                                  clout_error_t *err);

typedef enum {
    CLOUT_NET_GRAPHML = 0,
    CLOUT_NET_GML,
    CLOUT_NET_DOT,
    CLOUT_NET_PAJEK,
    CLOUT_NET_EDGELIST,
    CLOUT_NET_CSV
} clout_netformat_t;

/* Format by name ("graphml", ...) or by a file name's extension; -1 if none. */
int clout_netformat_from_name(const char *name);
int clout_netformat_from_path(const char *path);

/* Writes the network in the given format.  Labels are escaped for it. */
clout_status_t clout_network_write(const clout_network_t *net, FILE *f, clout_netformat_t fmt,
                                   clout_error_t *err);

/* Describes a network (and its dataset, when ds is not NULL): tables
 * "summary", "kinds", "layers" and, with a dataset, "relations" and "flows".
 * The caller frees each table and the array. */
clout_status_t clout_info(const clout_network_t *net, const clout_dataset_t *ds,
                          clout_table_t ***tables, int *n_tables, clout_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
