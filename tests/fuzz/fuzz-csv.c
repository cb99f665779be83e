/* fuzz-csv.c: libFuzzer target for the CSV reader (csv.c) on any bytes. */
#include <config.h>

#include "fuzz.h"
#include "internal.h"

/* The reader refills a 64 KiB buffer.  Inputs that libFuzzer makes are far
 * smaller, so an input whose first byte has the high bit set is read after a
 * comment line that ends just before a buffer boundary: its first records
 * then straddle the boundary (a CRLF, a quote, a UTF-8 sequence cut in two). */
#define BUF_BYTES 65536

static void read_all(const char *data, size_t size)
{
    cl_csv_t *c = cl_csv_open_mem(data, size, "fuzz.csv");
    clout_error_t *err = clout_error_new(0);
    long prev_line = 0;
    int r;
    while ((r = cl_csv_next(c, err)) > 0) {
        int n = cl_csv_n_fields(c);
        long line = cl_csv_line(c);
        FUZZ_CHECK(n >= 1 && n <= CLOUT_MAX_FIELDS, "%d fields", n);
        FUZZ_CHECK(line > prev_line, "record at line %ld after one at line %ld", line, prev_line);
        for (int i = 0; i < n; i++) {
            const char *f = cl_csv_field(c, i);
            long fl = cl_csv_field_line(c, i), fc = cl_csv_field_col(c, i);
            FUZZ_CHECK(f != NULL, "field %d is NULL", i);
            FUZZ_CHECK(strlen(f) <= CLOUT_MAX_FIELD_BYTES, "field %d too long", i);
            FUZZ_CHECK(fl >= line && fc >= 1, "field %d at %ld:%ld, record at %ld", i, fl, fc,
                       line);
            FUZZ_CHECK(g_utf8_validate(f, -1, NULL), "field %d is not UTF-8", i);
        }
        prev_line = line;
    }
    /* -1 always comes with a reason; 0 never leaves one behind. */
    if (r < 0)
        FUZZ_CHECK(clout_error_count(err) == 1, "%d diagnostics after -1", clout_error_count(err));
    else
        FUZZ_CHECK(clout_error_count(err) == 0, "a diagnostic at a clean end: %s",
                   clout_error_message(err, 0));
    fuzz_check_error(err);
    /* Past the end, the reader stays there (after -1 it is not to be called). */
    if (r == 0) {
        FUZZ_CHECK(cl_csv_next(c, err) == 0, "a record after the end of input");
        FUZZ_CHECK(clout_error_count(err) == 0, "a diagnostic after the end of input");
    }
    clout_error_free(err);
    cl_csv_close(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clout_init();
    if (size > 0 && (data[0] & 0x80)) {
        /* Byte 0 picks how far before the boundary the input starts. */
        size_t shift = data[0] & 0x7f;
        size_t pad = BUF_BYTES - 1 - shift; /* '#' and pad - 2 filler bytes and '\n' */
        char *buf = g_malloc(pad + size - 1);
        buf[0] = '#';
        memset(buf + 1, 'x', pad - 2);
        buf[pad - 1] = '\n';
        memcpy(buf + pad, data + 1, size - 1);
        read_all(buf, pad + size - 1);
        g_free(buf);
    } else {
        /* A copy of exactly size bytes, so that ASan sees a read past the end. */
        char *buf = g_malloc(size ? size : 1);
        memcpy(buf, data, size);
        read_all(buf, size);
        g_free(buf);
    }
    return 0;
}
