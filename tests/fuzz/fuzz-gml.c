/* fuzz-gml.c: libFuzzer target for GML network files (igraph's reader, then normalise). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    fuzz_network_file(".gml", data, size, false);
    return 0;
}
