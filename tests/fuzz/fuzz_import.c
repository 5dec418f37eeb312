/* fuzz_import.c -- libFuzzer target: any bytes as a pasted text (any encoding) imported into an issue. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char	 dir[] = "/tmp/jianbao-fuzz-XXXXXX";
static char	 in[64], series[64], out[64];

/* The scratch folder goes when the fuzzer exits. */
static void
cleanup(void)
{
	unlink(in);
	unlink(series);
	unlink(out);
	rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE		*sink;
	static struct imp_opts	 o = { series, out, NULL, "2026-03-05", 3, 1 };
	char			*files[] = { in };
	FILE			*fp;

	if (sink == NULL) {
		if (mkdtemp(dir) == NULL)
			abort();
		atexit(cleanup);
		snprintf(in, sizeof(in), "%s/in.txt", dir);
		snprintf(series, sizeof(series), "%s/bulletin.yaml", dir);
		snprintf(out, sizeof(out), "%s/out.md", dir);
		if ((fp = fopen(series, "w")) == NULL)
			abort();
		fputs("刊名: 创建工作动态\n编印单位: 测试市创建办\n", fp);
		fclose(fp);
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
		/* imp_main prints the path it wrote */
		if (freopen("/dev/null", "w", stdout) == NULL)
			abort();
	}
	if (size > 1 << 20 || (fp = fopen(in, "wb")) == NULL)
		return 0;
	fwrite(data, 1, size, fp);
	fclose(fp);
	imp_main(&o, 1, files);
	return 0;
}
