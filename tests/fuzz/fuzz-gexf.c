/* fuzz-gexf.c: libFuzzer target for GEXF files (libxml2's parser, clout's reader, then normalise). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    /* The file says whether it is directed (defaultedgetype). */
    fuzz_network_file(".gexf", data, size, false);
    return 0;
}
