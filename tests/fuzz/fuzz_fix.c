/* fuzz_fix.c -- libFuzzer target: check --fix on any body text; it keeps the lines, and a second run changes nothing. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edit/edit.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char	 dir[] = "/tmp/jianbao-fuzzfix-XXXXXX";
static char	 path[64], series[64];

static void
slurp(struct buf *b)
{
	FILE	*fp = fopen(path, "rb");
	char	 chunk[4096];
	size_t	 n;

	b->len = 0;
	buf_put(b, "", 0);
	if (fp == NULL)
		abort();
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(b, chunk, n);
	fclose(fp);
}

static size_t
lines(const struct buf *b)
{
	size_t	 i, n = 0;

	for (i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	return n;
}

/* The scratch folder goes when the fuzzer exits. */
static void
cleanup(void)
{
	unlink(path);
	unlink(series);
	rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE	*sink;
	static struct buf a, b;
	char		*files[] = { path };
	FILE		*fp;

	if (sink == NULL) {
		if (mkdtemp(dir) == NULL)
			abort();
		atexit(cleanup);
		snprintf(path, sizeof(path), "%s/issue.md", dir);
		snprintf(series, sizeof(series), "%s/bulletin.yaml", dir);
		if ((fp = fopen(series, "w")) == NULL)
			abort();
		fputs("刊名: 创建工作动态\n编印单位: 测试市创建办\n", fp);
		fclose(fp);
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
	}
	if (size > 1 << 16 || memchr(data, '\r', size) != NULL ||
	    (fp = fopen(path, "wb")) == NULL)
		return 0;
	fputs("---\n期号: 1\n日期: 2026-03-05\n---\n\n", fp);
	fwrite(data, 1, size, fp);
	fclose(fp);
	if (fix_main(series, 1, files, 0) != 0)
		return 0;	/* not text it reads */
	slurp(&a);
	if (lines(&a) != 5 + lines(&(struct buf){ (char *)data, size, size }))
		abort();	/* a repair never joins or splits lines */
	fix_main(series, 1, files, 0);
	slurp(&b);
	if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0)
		abort();	/* the second run changed something */
	return 0;
}
