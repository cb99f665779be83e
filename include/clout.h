/* clout.h: the public API of libclout, one header per topic under clout/.
 *
 * Conventions (HACKING.md): every fallible function returns a clout_status_t
 * and takes a caller-owned clout_error_t last; arguments come in the order
 * the object, then outputs, then options (constructors that load or read
 * put the new object first, as igraph_read_graph_* do); every options
 * struct has clout_X_opts_init(), the one place its defaults are written.
 * The library never prints, exits or aborts. */
#ifndef CLOUT_H
#define CLOUT_H

#include <clout/error.h>
#include <clout/dataset.h>
#include <clout/table.h>
#include <clout/network.h>
#include <clout/snapshot.h>
#include <clout/import.h>
#include <clout/measures.h>
#include <clout/communities.h>
#include <clout/influence.h>
#include <clout/robustness.h>
#include <clout/diff.h>
#include <clout/render.h>
#include <clout/report.h>

#endif
