/* fuzz_frontmatter.c -- libFuzzer target: any bytes as YAML front matter before a fixed body. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE		*sink;
	static struct jb_kind	 kinds[] = { { "增刊", "zk" } };
	static struct jb_series	 s = { .name = "创建工作动态", .org = "测试市创建办", .base = "/",
	    .kinds = kinds, .nkinds = 1 };
	static const char	 body[] = "\n---\n\n## 标题\n\n正文。\n";
	struct buf		 b = { 0 };
	struct jb_doc		*d;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
	}
	if (size > 1 << 20)
		return 0;
	buf_puts(&b, "---\n");
	buf_put(&b, (const char *)data, size);
	buf_puts(&b, body);
	d = doc_parse("fuzz/front.md", b.data, b.len, &s);
	doc_free(d);
	buf_free(&b);
	return 0;
}
