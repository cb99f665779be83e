/* fuzz-sipri.c: libFuzzer target for the SIPRI trade-register importer. */
#include <config.h>

#include "fuzz-import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    clout_import_opts_t opts;
    clout_import_opts_init(&opts);
    fuzz_import("sipri", ".csv", data, size, &opts);
    return 0;
}
