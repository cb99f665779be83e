/* fuzz-graphml.c: libFuzzer target for reading a GraphML network file (igraph's parser, clout's normalisation). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    fuzz_network_file(".graphml", data, size, false);
    return 0;
}
