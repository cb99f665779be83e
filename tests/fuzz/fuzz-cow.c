/* fuzz-cow.c: libFuzzer target for the COW trade, COW IGO, ATOP and COW alliance importers. */
#include <config.h>

#include "fuzz-import.h"

/* Byte 0 of the input picks the source and the options; the rest is the file.
 *   bits 0-1: cow-trade, cow-igo, atop, cow-alliance
 *   bit 2:    --from 1990 --until 2010
 *   bit 3:    --actors RUS,KAZ,UZB,CHN
 *   bit 4:    --igos csto,cis (cow-igo; a column missing from the file is an error) */
static const char *const SOURCES[] = {"cow-trade", "cow-igo", "atop", "cow-alliance"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    if (size < 1)
        return 0;
    uint8_t pick = data[0];
    char *actors[] = {"RUS", "KAZ", "UZB", "CHN", NULL};
    char *igos[] = {"csto", "cis", NULL};
    clout_import_opts_t opts;
    clout_import_opts_init(&opts);
    if (pick & 4) {
        opts.from = 1990;
        opts.to = 2010;
    }
    if (pick & 8)
        opts.actors = actors;
    if (pick & 16)
        opts.igos = igos;
    fuzz_import(SOURCES[pick & 3], ".csv", data + 1, size - 1, &opts);
    return 0;
}
