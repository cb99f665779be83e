/* fuzz-edgelist.c: libFuzzer target for reading an edge-list CSV network file. */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    /* Directed or not changes only how the edges are stored; the last bit of
     * the size picks one, so that both are read without reading twice. */
    fuzz_network_file(".csv", data, size, size & 1);
    return 0;
}
