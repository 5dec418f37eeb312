/* fuzz_document.c -- libFuzzer target: any bytes as an issue file, through the whole parser. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/model.h"
#include "util/util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A series built in memory, so the target reads no files. */
static struct jb_series *
fuzz_series(void)
{
	static struct jb_series	 s;
	static const char	*bao[] = { "市委办公室" };
	static struct jb_kind	 kinds[] = { { "增刊", "zk" }, { "特刊", "tk" } };

	if (s.name == NULL) {
		s.name = "创建工作动态";
		s.org = "测试市创建办";
		s.base = "/";
		s.dist[JB_DIST_BAO].v = bao;
		s.dist[JB_DIST_BAO].n = 1;
		s.total_numbering = 1;
		s.kinds = kinds;
		s.nkinds = 2;
	}
	return &s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE	*sink;
	struct jb_doc	*d;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		msg_set_stream(sink);
	}
	if (size > DOC_MAX_BYTES)
		return 0;
	d = doc_parse("fuzz/issue.md", (const char *)data, size, fuzz_series());
	if (d != NULL) {
		/* Exercise the helpers renderers call. */
		doc_issue_label(d);
		doc_issue_name(d);
		doc_total_label(d);
	}
	doc_free(d);
	return 0;
}
