/* fuzz-text.c: libFuzzer target for reading a whitespace-separated edge list (.edgelist, .txt). */
#include <config.h>

#include "fuzz-network.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    /* As fuzz-edgelist: the last bit of the size picks directed. */
    fuzz_network_file(".edgelist", data, size, size & 1);
    return 0;
}
