/* fuzz_docx.c -- libFuzzer target: any bytes as a submitted Word file (.docx). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import/import_int.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE	*sink;
	struct docxin	 d;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
	}
	if (docxin_read("fuzz.docx", (const char *)data, size, &d) == 0)
		docxin_clear(&d);
	return 0;
}
