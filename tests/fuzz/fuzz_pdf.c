/* fuzz_pdf.c -- libFuzzer target: any bytes as a submitted PDF, read through poppler-glib. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "decode/decode.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE	*sink;
	struct buf	 text = { 0 };

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
	}
	if (pdfin_read("fuzz.pdf", (const char *)data, size, &text) == 0)
		buf_free(&text);
	return 0;
}
