/* fuzz_layout.c -- libFuzzer target: any bytes as an issue body, through the parser and the layout engine with fixed metrics. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/model.h"
#include "print/page_int.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE		*sink;
	static const char	*bao[] = { "市委办公室", "市政府办公室" };
	static struct jb_kind	 kinds[] = { { "增刊", "zk" } };
	static struct jb_series	 s = { .name = "创建工作动态",
	    .org = "测试市创建办", .base = "/", .total_numbering = 1,
	    .kinds = kinds, .nkinds = 1 };
	static const char	 head[] = "---\n期号: 5\n总期号: 60\n日期: 2024-09-06\n"
	    "共印: 80\n---\n";
	/* Every other input as a 增刊 合刊: its masthead has a line more. */
	static const char	 kindhead[] = "---\n刊别: 增刊\n期号: 5-6\n"
	    "总期号: 60\n日期: 2024-09-06\n---\n";
	struct lay_metrics	 m = { NULL, NULL, NULL, NULL };
	struct lay_opts		 o = { (int)(size & 1) };
	struct buf		 b = { 0 };
	struct jb_doc		*d;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
		s.dist[JB_DIST_BAO].v = bao;
		s.dist[JB_DIST_BAO].n = 2;
	}
	/* Layout cost grows with the text; keep each run short. */
	if (size > 16384)
		return 0;
	buf_puts(&b, size & 2 ? kindhead : head);
	buf_put(&b, (const char *)data, size);
	if ((d = doc_parse("fuzz/layout.md", b.data, b.len, &s)) != NULL)
		lay_free(lay_build(d, &m, &o));
	doc_free(d);
	buf_free(&b);
	return 0;
}
