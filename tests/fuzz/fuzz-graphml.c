/* fuzz-graphml.c: libFuzzer target for GraphML files (igraph's reader, then normalise). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    fuzz_network_file(".graphml", data, size, false);
    return 0;
}
