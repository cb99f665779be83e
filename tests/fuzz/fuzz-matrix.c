/* fuzz-matrix.c: libFuzzer target for adjacency-matrix CSV network files (Gephi's ';' and ','). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    /* A .csv is a matrix when its first cell is empty; the seeds are, and the
     * inputs that are not reach the edge-list reader, as a user's file would.
     * The last bit of the size picks directed (undirected: symmetric only). */
    fuzz_network_file(".csv", data, size, size & 1);
    return 0;
}
