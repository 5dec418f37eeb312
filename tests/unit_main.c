/* unit_main.c -- unit tests of pure functions: dates, languages, arenas, text folding, issue names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "frontmatter.h"
#include "harness.h"
#include "issues.h"
#include "mem.h"
#include "msg.h"

int	 harness_failed;

static void
test_dates(void)
{
	struct jb_date	 d;

	INT_EQ(fm_parse_date("2019-08-30", &d), 0, "date 2019-08-30 parses");
	INT_EQ(d.year * 10000 + d.month * 100 + d.day, 20190830, "date fields");
	INT_EQ(fm_parse_date("2024-02-29", &d), 0, "leap day 2024 accepted");
	INT_EQ(fm_parse_date("2023-02-29", &d), -1, "no leap day in 2023");
	INT_EQ(fm_parse_date("1900-02-29", &d), -1, "1900 is not a leap year");
	INT_EQ(fm_parse_date("2000-02-29", &d), 0, "2000 is a leap year");
	INT_EQ(fm_parse_date("2019-13-01", &d), -1, "month 13 refused");
	INT_EQ(fm_parse_date("2019-04-31", &d), -1, "April 31 refused");
	INT_EQ(fm_parse_date("2019-8-30", &d), -1, "unpadded month refused");
	INT_EQ(fm_parse_date("2019/08/30", &d), -1, "slashes refused");
	INT_EQ(fm_parse_date("2019-08-3x", &d), -1, "letters refused");
}

static void
test_langs(void)
{
	enum jb_lang	 l = JB_LANG_HANS;

	INT_EQ(fm_parse_lang("zh-Hant", &l), 0, "zh-Hant accepted");
	INT_EQ(l, JB_LANG_HANT, "zh-Hant is Traditional");
	INT_EQ(fm_parse_lang("zh-CN", &l), 0, "zh-CN accepted");
	INT_EQ(l, JB_LANG_HANS, "zh-CN is Simplified");
	INT_EQ(fm_parse_lang("en", &l), -1, "en refused");
}

static void
test_arena(void)
{
	struct arena	*a = arena_new();
	char		*big, *s;
	int		 i, ok = 1;

	for (i = 0; i < 10000; i++) {
		s = arena_printf(a, "第%d期", i);
		if (strncmp(s, "第", 3) != 0)
			ok = 0;
	}
	OK(ok, "arena_printf keeps every string");
	big = arena_alloc(a, 1 << 20);
	OK(big[0] == 0 && big[(1 << 20) - 1] == 0, "large arena block is zeroed");
	STR_EQ(arena_strndup(a, "简报xyz", 6), "简报", "arena_strndup cuts bytes");
	arena_free(a);
	arena_free(NULL);
}

static struct jb_series *
series(void)
{
	return series_load("tests/parse/bulletin.yaml");
}

static const char *
first_para(const char *body, struct jb_doc **out, const struct jb_series *s)
{
	static char	 text[4096];
	struct jb_doc	*d;

	snprintf(text, sizeof(text), "---\n期号: 1\n日期: 2024-01-05\n---\n## 题\n\n%s\n", body);
	*out = d = doc_parse("unit.md", text, strlen(text), s);
	if (d == NULL || d->narticles == 0 || d->articles[0].nblocks == 0)
		return NULL;
	return doc_runs_text(d, d->articles[0].blocks[0].runs,
	    d->articles[0].blocks[0].nruns);
}

static void
test_folding(void)
{
	struct jb_series	*s = series();
	struct jb_doc		*d;

	OK(s != NULL, "test series loads");
	if (s == NULL)
		return;
	STR_EQ(first_para("文明\n城市", &d, s), "文明城市",
	    "break between two Han characters vanishes");
	doc_free(d);
	STR_EQ(first_para("按照\n“一格一员”", &d, s), "按照“一格一员”",
	    "break before a Chinese quote vanishes");
	doc_free(d);
	STR_EQ(first_para("civil\ncity", &d, s), "civil city",
	    "break between Latin words becomes a space");
	doc_free(d);
	STR_EQ(first_para("App\n上线", &d, s), "App 上线",
	    "break between Latin and Han becomes a space");
	doc_free(d);
	STR_EQ(first_para("12345\n热线", &d, s), "12345 热线",
	    "break between digits and Han becomes a space");
	doc_free(d);
	first_para("**突出党建引领。**社区把党支部建在网格上。", &d, s);
	OK(d != NULL && d->articles[0].blocks[0].nruns == 2, "CJK bold lead splits into two runs");
	if (d != NULL && d->articles[0].blocks[0].nruns == 2) {
		STR_EQ(d->articles[0].blocks[0].runs[0].text, "突出党建引领。", "bold lead text");
		INT_EQ(d->articles[0].blocks[0].runs[0].style, JB_STYLE_STRONG, "bold lead is strong");
		INT_EQ(d->articles[0].blocks[0].runs[1].style, 0, "text after the lead is plain");
	}
	doc_free(d);
	STR_EQ(first_para("价格**5**元，乘号用 `a**b**c` 表示", &d, s),
	    "价格5元，乘号用 a**b**c 表示", "markers inside code stay as typed");
	doc_free(d);
	STR_EQ(first_para("只有一个**星号", &d, s), "只有一个**星号",
	    "a single marker stays as typed");
	doc_free(d);
	doc_free(NULL);
	series_free(s);
	series_free(NULL);
}

/* An issue's names: its file, its place in the site and in the output. */
static void
test_issue_names(void)
{
	char	*p;

	STR_EQ(p = iss_path(2019, 3), "issues/2019/03.md", "path of 2019 No. 3");
	free(p);
	STR_EQ(p = iss_stem("issues/2019/13.md"), "2019/13", "stem in a year folder");
	free(p);
	STR_EQ(p = iss_stem("../a/2019/13.md"), "2019/13", "stem below any folder");
	free(p);
	STR_EQ(p = iss_stem("2019/13.md"), "2019/13", "stem from inside issues/");
	free(p);
	STR_EQ(p = iss_stem("drafts/13.md"), "13", "stem outside a year folder");
	free(p);
	STR_EQ(p = iss_stem("x.md"), "x", "stem of a bare file");
	free(p);
	STR_EQ(p = iss_out_stem("out", "issues/2019/13.md"), "out/2019/13",
	    "output stem");
	free(p);
	iss_near_free(NULL);
}

int
main(void)
{
	FILE	*sink = fopen("/dev/null", "w");

	msg_set_stream(sink);
	test_dates();
	test_langs();
	test_arena();
	test_folding();
	test_issue_names();
	msg_set_stream(NULL);
	fclose(sink);
	return harness_failed ? 1 : 0;
}
