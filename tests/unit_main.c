/* unit_main.c -- unit tests of pure functions: dates, languages, labels, arenas, key names, source text, text folding, issue names, text encodings, Word file kinds; the Word edition's package; JPEG pixels; cubic curves as quadratic splines. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "model/model.h"
#include "import/import_int.h"
#include "print/quad_int.h"
#include "harness.h"
#include "util/util.h"
#include "word/word.h"

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

/* 期号 and 总期号: a number or a 合刊's range. */
/* The date line of a 落款, as the model and import read it. */
static void
test_date_lines(void)
{
	INT_EQ(doc_is_date_line("2026年3月2日"), 1, "date line 2026年3月2日");
	INT_EQ(doc_is_date_line("2026年12月31日"), 1, "two-digit month and day");
	INT_EQ(doc_is_date_line("２０２６年３月２日"), 1, "full-width digits");
	INT_EQ(doc_is_date_line("二〇二六年三月二十一日"), 1, "Chinese numerals");
	INT_EQ(doc_is_date_line("26年3月2日"), 0, "a two-digit year is no date line");
	INT_EQ(doc_is_date_line("二〇二六年十月"), 0, "no day");
	INT_EQ(doc_is_date_line("2026年3月2日召开"), 0, "text after the date");
	INT_EQ(doc_is_date_line("于2026年3月2日"), 0, "text before the date");
	INT_EQ(doc_is_date_line("二十二六年三月二日"), 0, "十 is no digit of a year");
}

static void
test_ranges(void)
{
	long	 a, b;

	OK(fm_parse_range("7", &a, &b) == 0 && a == 7 && b == 7,
	    "a single 期号");
	OK(fm_parse_range("7-8", &a, &b) == 0 && a == 7 && b == 8,
	    "合刊 7-8");
	OK(fm_parse_range("7—8", &a, &b) == 0 && a == 7 && b == 8,
	    "合刊 with an em dash");
	OK(fm_parse_range("63－64", &a, &b) == 0 && a == 63 && b == 64,
	    "合刊 with a full-width hyphen");
	OK(fm_parse_range("8-7", &a, &b) == 0 && a == 8 && b == 7,
	    "a range out of order is parsed, for the caller to refuse");
	INT_EQ(fm_parse_range("7-", &a, &b), -1, "7- refused");
	INT_EQ(fm_parse_range("-7", &a, &b), -1, "-7 refused");
	INT_EQ(fm_parse_range("7-8-9", &a, &b), -1, "7-8-9 refused");
	INT_EQ(fm_parse_range("7~8", &a, &b), -1, "a tilde is no range");
	INT_EQ(fm_parse_range("", &a, &b), -1, "nothing refused");
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

/* The table has both scripts of every word; numbers are formatted. */
static void
test_labels(void)
{
	struct arena	*a = arena_new();
	int		 l, ok = 1;

	for (l = 0; l < JB_LABEL__MAX; l++)
		ok &= label_get(JB_LANG_HANS, l) != NULL &&
		    label_get(JB_LANG_HANT, l) != NULL;
	OK(ok, "every label has a zh-Hans and a zh-Hant form");
	STR_EQ(label_issue(a, JB_LANG_HANS, 2019, NULL, 13, 13), "2019年第13期",
	    "year and issue number");
	STR_EQ(label_issue(a, JB_LANG_HANS, 2026, "增刊", 1, 1),
	    "2026年增刊第1期", "a 增刊 named with its kind");
	STR_EQ(label_number(a, JB_LANG_HANS, NULL, 7, 8), "第7—8期",
	    "a 合刊's numbers joined by an em dash");
	STR_EQ(label_total(a, JB_LANG_HANT, 63, 64), "總第63—64期",
	    "a 合刊's 总期号 in zh-Hant");
	STR_EQ(label_total(a, JB_LANG_HANS, 63, 63), "总第63期",
	    "a single 总期号");
	OK(label_total(a, JB_LANG_HANS, 0, 0) == NULL, "no 总期号, no label");
	STR_EQ(label_get(JB_LANG_HANT, JB_LABEL_TOTAL), "總第%d期",
	    "zh-Hant 总期号 in Traditional forms");
	arena_free(a);
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

static void
test_keys(void)
{
	int	 k, ordered = 1;

	for (k = 0; k < FM_KEY__MAX; k++)
		ordered &= fm_keys[k].zh != NULL && fm_keys[k].id == k;
	OK(ordered, "fm_keys[k] is key k");
	OK(fm_key_is(FM_KEY_NOTE, "编者按", strlen("编者按")) &&
	    fm_key_is(FM_KEY_NOTE, "編者按", strlen("編者按")) &&
	    fm_key_is(FM_KEY_NOTE, "editor_note", 11), "编者按 by all three names");
	OK(fm_key_is(FM_KEY_ISSUE, "期号: 1", strlen("期号")) &&
	    !fm_key_is(FM_KEY_ISSUE, "期号: 1", strlen("期号:")) &&
	    !fm_key_is(FM_KEY_ISSUE, "总期号", strlen("总期号")),
	    "a name matches whole, not as a prefix or suffix");
	OK(fm_keys[FM_KEY__MAX].zh == NULL, "a NULL name ends fm_keys");
}

/* A source text from a string literal, which may hold NUL bytes. */
#define SRC(lit)	src_new("s.md", (lit), sizeof(lit) - 1)

static void
test_source(void)
{
	struct src	*t;
	struct jb_pos	 p;
	const char	*l;
	size_t		 n;

	t = SRC("\xEF\xBB\xBF---\n期号: 1\n---\n正文\n");
	STR_EQ(t->text, "---\n期号: 1\n---\n正文\n", "BOM dropped");
	INT_EQ(t->fm, SRC_FM_OK, "fence after a BOM");
	src_free(t);

	t = SRC("---\r\na: 1\r\n---\r\n\r\nb\rc");
	STR_EQ(t->text, "---\na: 1\n---\n\nb\nc", "CR LF and lone CR become LF");
	INT_EQ(t->nlines, 6, "six lines");
	INT_EQ(t->fm, SRC_FM_OK, "fence with CR LF");
	INT_EQ(t->yamllen, 5, "YAML between the fences");
	OK(strncmp(t->yaml, "a: 1\n", 5) == 0, "YAML text");
	INT_EQ(t->yamlline, 2, "YAML starts on line 2");
	INT_EQ(t->bodyline, 4, "body after the closing fence");
	STR_EQ(t->body, "\nb\nc", "body text");
	INT_EQ(t->bodylen, 4, "body length");
	l = src_line(t, 6, &n);
	OK(l != NULL && n == 1 && *l == 'c', "last line without LF");
	OK(src_line(t, 7, &n) == NULL && src_line(t, 0, &n) == NULL,
	    "no line 0 or past the end");
	src_free(t);

	t = SRC("--- \t\nx: 1\n... \nbody\n");
	INT_EQ(t->fm, SRC_FM_OK, "fences with trailing blanks, ... closes");
	INT_EQ(t->bodyline, 4, "body after ...");
	src_free(t);

	t = SRC("---\nx: 1\n----\n");
	INT_EQ(t->fm, SRC_FM_UNCLOSED, "---- does not close");
	INT_EQ(t->yamllen, 0, "no YAML when unclosed");
	INT_EQ(t->bodyline, 1, "the whole text is body when unclosed");
	INT_EQ(t->bodylen, t->len, "all of it");
	src_free(t);

	t = SRC("正文\n---\n");
	INT_EQ(t->fm, SRC_FM_NONE, "no fence on line 1");
	src_free(t);
	t = SRC("");
	INT_EQ(t->fm, SRC_FM_NONE, "empty text has no fence");
	INT_EQ(t->nlines, 1, "empty text has one line");
	src_free(t);

	/* 简报 is 6 bytes: “ is at byte column 8 of line 2, x at 11. */
	t = SRC("---\n简报 “x\n");
	p = src_pos(t, 4 + 7);
	INT_EQ(p.line, 2, "line of a multibyte character");
	INT_EQ(p.col, 4, "column of “ counts characters");
	p = src_pos(t, 4 + 10);
	INT_EQ(p.col, 5, "column after a multibyte character");
	STR_EQ(p.file, "s.md", "position names the file");
	INT_EQ(src_col(t, 2, 11), 5, "byte column 11 (x) is character column 5");
	INT_EQ(src_col(t, 2, 1), 1, "byte column 1 is column 1");
	INT_EQ(src_col(t, 3, 1), 1, "the empty line after the last LF");
	INT_EQ(src_col(t, 4, 1), 0, "no such line");
	OK(t->valid, "valid UTF-8");
	src_free(t);

	t = SRC("a\0b\xff");
	OK(!t->valid, "NUL and a bad byte make the text invalid");
	INT_EQ(src_check(t), -1, "src_check refuses it");
	src_free(t);
	src_free(NULL);

	OK(zh_wide(0x4E2D) && zh_wide(0xFF0C) && zh_wide(0xFF71),
	    "Han, full-width and half-width forms are wide");
	OK(!zh_wide(0xAC00) && !zh_wide(0x1100) && !zh_wide('a') &&
	    !zh_wide(0x201C), "Hangul, Latin and “ are not");
	OK(zh_wide_ambiguous(0x201C) && zh_wide_ambiguous(0x4E2D) &&
	    zh_wide_ambiguous(0xAC00), "“, Han and Hangul are wide or ambiguous");
	OK(!zh_wide_ambiguous(0xFF71) && !zh_wide_ambiguous('a'),
	    "half-width forms and Latin are not");
}

/* util/zhtext.c: the classes check, fix, shaping and Word share. */
static void
test_zhtext(void)
{
	INT_EQ((int)zh_full_width(','), 0xFF0C, ", becomes ，");
	INT_EQ((int)zh_full_width('.'), 0x3002, ". becomes 。");
	INT_EQ((int)zh_full_width(')'), 0xFF09, ") becomes ）");
	INT_EQ((int)zh_full_width('"'), 0, "\" has no full-width form here");
	OK(zh_text(0x4E2D) && zh_text(0x3002) && zh_text(0xFF0C) &&
	    zh_text(0x201C) && zh_text(0x2014), "Han and Chinese marks are text");
	OK(!zh_text(0x3000) && !zh_text('a') && !zh_text(' '),
	    "the ideographic space and Latin are not");
	OK(zh_no_start(0xFF0C) && zh_no_start(0x201D) && zh_no_start(0xFF05) &&
	    !zh_no_start(0x201C), "， ” ％ may not start a line, “ may");
	OK(zh_no_end(0x201C) && zh_no_end(0x300A) && !zh_no_end(0x300B),
	    "“ 《 may not end a line, 》 may");
	OK(zh_stop(0x3001) && !zh_stop(0x201D), "、 is a stop, ” is not");
	OK(!zh_tailor_break(0x4E2D, 0xFF0C, 1), "no break before ，");
	OK(!zh_tailor_break(0x201C, 0x4E2D, 1), "no break after “");
	OK(zh_tailor_break(0x201D, 0x4E2D, 0), "a break after ” before Han");
	OK(!zh_tailor_break(0x4E2D, 0x4E2D, 0), "UAX #14's no stands elsewhere");
}

/* Width of a run of characters of a title: 1 em each. */
static double
ems(void *arg, size_t s, size_t e)
{
	return (double)(e - s);
}

/* util/titlebreak.c: the title breaker of print, Word, the web and the phone. */
static void
test_titlebreak(void)
{
	const char	*t = "全市创建全国文明城市工作推进会召开";
	struct tbrk	*tb = tbrk_new();
	double		*cost;
	size_t		 n = 0, start[32];

	cost = tbrk_costs(tb, t, strlen(t), NULL, &n);
	INT_EQ((int)n, 17, "17 characters");
	OK(cost != NULL && cost[2] == 9 && cost[8] == 9 && cost[15] == 9,
	    "a break between two of ICU's words: 全市|创建, 文明|城市, 会|召开");
	OK(cost != NULL && cost[1] == TBRK_INSIDE && cost[9] == TBRK_INSIDE,
	    "a break inside a word is the last resort: 全|市, 城|市");
	INT_EQ((int)tbrk_lines(cost, n, ems, NULL, 9, 1, 0, start), 2,
	    "two lines of at most 9 em");
	OK(start[0] == 0 && start[1] == 8 && start[2] == 17,
	    "even lines at a word boundary: 全市创建全国文明 | 城市工作推进会召开");
	OK(tbrk_narrowest(cost, n, ems, NULL, 0) == 2,
	    "the narrowest measure without breaking a word: its widest word");
	free(cost);

	t = "文明，城市“四定”模式";
	cost = tbrk_costs(tb, t, strlen(t), NULL, &n);
	OK(cost != NULL && cost[2] < 0 && cost[3] == 0,
	    "no break before ，, a free one after it");
	OK(cost != NULL && cost[5] > 0 && cost[5] < 9 && cost[6] < 0,
	    "before “ costs less than between words; none after it");
	free(cost);
	OK(tbrk_costs(tb, "", 0, NULL, &n) == NULL &&
	    tbrk_costs(tb, "标题\n换行", strlen("标题\n换行"), NULL, &n) == NULL,
	    "an empty title and one with a line break are not taken");
	tbrk_free(tb);
	tbrk_free(NULL);
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
	return dtext_runs_text(d, d->articles[0].blocks[0].runs,
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
	STR_EQ(first_para("夯实基础。 坚持不懈，他说 “好” 。", &d, s),
	    "夯实基础。坚持不懈，他说“好”。",
	    "a space beside a full-width mark vanishes");
	doc_free(d);
	STR_EQ(first_para("**一要抓整改。** 对照清单", &d, s), "一要抓整改。对照清单",
	    "a space after a mark closing a bold lead vanishes");
	doc_free(d);
	STR_EQ(first_para("社区 街道，He said “hi” now，用 `a， b` 表示", &d, s),
	    "社区 街道，He said “hi” now，用 a， b 表示",
	    "spaces between Han, beside Latin and inside code stay");
	doc_free(d);
	OK(dtext_space_vanishes(0x3002, 0x575A) && dtext_space_vanishes(0x8BF4, 0x201C) &&
	    dtext_space_vanishes(0x201D, 0x3002) && !dtext_space_vanishes(0x793E, 0x8857) &&
	    !dtext_space_vanishes(0x201D, 'n') && !dtext_space_vanishes('d', 0x201C),
	    "dtext_space_vanishes: beside a full-width mark and a wide character only");
	doc_free(NULL);
	series_free(s);
	series_free(NULL);
}

/* The first block of an issue whose first article has body, or NULL. */
static const struct jb_block *
first_block(const char *body, struct jb_doc **out, const struct jb_series *s)
{
	first_para(body, out, s);
	if (*out == NULL || (*out)->articles[0].nblocks == 0)
		return NULL;
	return &(*out)->articles[0].blocks[0];
}

/* Pipe tables: cells counted from the source, number cells, 表题 forms. */
static void
test_tables(void)
{
	struct jb_series	*s = series();
	const struct jb_block	*b;
	struct jb_doc		*d;
	int			 errors;
	size_t			 i;
	static const struct {
		const char	*cell;
		int		 number;
	} nums[] = {
		{ "92.5", 1 }, { "87%", 1 }, { "1,200", 1 }, { "-0.3", 1 },
		{ "+1.2%", 1 }, { "0", 1 }, { "-", 0 }, { "%", 0 },
		{ "92分", 0 }, { "１２", 0 }, { "3 4", 0 }, { "", 0 },
	};

	if (s == NULL)
		return;
	b = first_block("表1　测评得分\n\n| 区 | 得分 |\n|:-:|--:|\n"
	    "| 甲\\|乙 | 92.5 |\n| 丙 | 1 |", &d, s);
	OK(b != NULL && b->kind == JB_BLOCK_TABLE, "a pipe table is a table block");
	if (b != NULL && b->kind == JB_BLOCK_TABLE) {
		const struct jb_table *t = b->table;

		INT_EQ(t->ncols, 2, "two columns");
		INT_EQ(t->nrows, 2, "two body rows");
		STR_EQ(t->label, "表1", "表题 label");
		STR_EQ(t->title, "测评得分", "表题 title after a full-width space");
		STR_EQ(t->name, "表1　测评得分", "table named by its 表题");
		INT_EQ(t->align[0], JB_ALIGN_CENTER, ":-: centres");
		INT_EQ(t->align[1], JB_ALIGN_RIGHT, "--: sets flush right");
		STR_EQ(dtext_runs_text(d, t->body[0].runs, t->body[0].nruns),
		    "甲|乙", "an escaped pipe is text");
		OK(t->body[1].number, "92.5 is a number");
	}
	doc_free(d);
	/* GFM splits cells at a pipe inside a code span too: one too many. */
	errors = msg_errors();
	first_block("| 区 | 得分 |\n|---|---|\n| `a|b` | 1 |", &d, s);
	OK(d == NULL && msg_errors() == errors + 1,
	    "a pipe inside a code span makes a ragged row");
	doc_free(d);
	b = first_block("表12 各区志愿者人数\n\n| 区 | 人数 |\n|---|---|\n| 甲 | 3 |",
	    &d, s);
	OK(b != NULL && b->kind == JB_BLOCK_TABLE && b->table->label != NULL &&
	    strcmp(b->table->title, "各区志愿者人数") == 0,
	    "表题 after an ASCII space");
	doc_free(d);
	b = first_block("| 区 | 人数 |\n|---|---|\n| 甲 | 3 |", &d, s);
	OK(b != NULL && b->kind == JB_BLOCK_TABLE && b->table->label == NULL &&
	    strcmp(b->table->name, "第1个表格") == 0,
	    "a table without 表题 is named by its number");
	doc_free(d);
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		char body[256], name[128];

		snprintf(body, sizeof(body), "| 区 | 值 |\n|---|---|\n| 甲 | %s |",
		    nums[i].cell);
		b = first_block(body, &d, s);
		snprintf(name, sizeof(name), "cell “%s” is %sa number",
		    nums[i].cell, nums[i].number ? "" : "not ");
		OK(b != NULL && b->kind == JB_BLOCK_TABLE &&
		    b->table->body[1].number == nums[i].number, name);
		doc_free(d);
	}
	series_free(s);
}

/* Pictures alone in a paragraph: one, a row of two or three, no more. */
static void
test_photo_rows(void)
{
	struct jb_series	*s = series();
	const struct jb_block	*b;
	struct jb_doc		*d;
	const char		*two = "---\n期号: 1\n日期: 2024-01-05\n---\n## 题\n\n"
	    "![甲](images/photo.jpg \"甲图\") ![乙](images/upright.png \"乙图\")\n\n"
	    "（李四 摄）\n\n![丙](images/wide.png)\n";
	const char		*four = "---\n期号: 1\n日期: 2024-01-05\n---\n## 题\n\n"
	    "![甲](images/photo.jpg) ![乙](images/photo.jpg)\n"
	    "![丙](images/photo.jpg) ![丁](images/photo.jpg)\n";

	if (s == NULL)
		return;
	d = doc_parse("tests/pics/unit.md", two, strlen(two), s);
	OK(d != NULL && d->narticles == 1 && d->articles[0].nblocks == 2,
	    "a row and a picture: two blocks");
	if (d != NULL && d->narticles == 1 && d->articles[0].nblocks == 2) {
		b = &d->articles[0].blocks[0];
		INT_EQ(b->kind, JB_BLOCK_IMAGEROW, "two pictures in a paragraph are a row");
		INT_EQ(b->nchildren, 2, "the row holds both");
		STR_EQ(b->credit, "李四 摄", "the credit after a row is the row's");
		if (b->nchildren == 2) {
			STR_EQ(b->children[1].caption, "乙图", "each picture keeps its caption");
			INT_EQ(b->children[1].pos.col, 29, "each picture has its own column");
			INT_EQ(b->children[0].width, 400, "pixel width in the model");
			INT_EQ(b->children[1].height, 200, "pixel height in the model");
		}
		INT_EQ(d->articles[0].blocks[1].kind, JB_BLOCK_IMAGE,
		    "a picture alone is no row");
	}
	doc_free(d);
	d = doc_parse("tests/pics/unit.md", four, strlen(four), s);
	OK(d == NULL, "four pictures in a paragraph are refused");
	series_free(s);
}

/* An issue's names: its file, its place in the site and in the output. */
static void
test_issue_names(void)
{
	char	*p;

	STR_EQ(p = iss_path(2019, NULL, 3), "issues/2019/03.md", "path of 2019 No. 3");
	free(p);
	STR_EQ(p = iss_path(2026, "zk", 1), "issues/2026/zk-01.md",
	    "path of a 增刊");
	free(p);
	{
		struct jb_kind	 zk = { "增刊", "zk" };
		char		*pre;

		STR_EQ(p = iss_name(&zk, 2), "zk-02.md", "file name of a 增刊");
		free(p);
		STR_EQ(p = iss_name(NULL, 7), "07.md", "file name of a regular issue");
		free(p);
		OK(iss_number("zk-03.md", &pre) == 3 && pre != NULL &&
		    strcmp(pre, "zk") == 0, "zk-03.md is number 3 of prefix zk");
		free(pre);
		OK(iss_number("12.md", &pre) == 12 && pre == NULL,
		    "12.md has no prefix");
		OK(iss_number("zk03.md", &pre) == -1 && iss_number("zk-.md",
		    &pre) == -1 && iss_number("Zk-01.md", &pre) == -1 &&
		    iss_number("abcdefghi-01.md", &pre) == -1,
		    "names that are no issue file");
	}
	STR_EQ(p = iss_stem("issues/2026/zk-01.md"), "2026/zk-01",
	    "stem of a 增刊");
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

/*
 * The phone image's JPEG: pixels written by img_write_jpeg() come back
 * through img_decode_jpeg() close to what they were (JPEG is lossy), in
 * the 0x00RRGGBB words both speak, at the size given; the same pixels
 * give the same bytes; a file that is no JPEG is refused.
 */
static void
test_jpeg(void)
{
	enum { W = 64, H = 48 };
	static uint32_t	 px[W * H], back[W * H];
	char		*a = NULL, *b = NULL;
	size_t		 na = 0, nb = 0;
	FILE		*fp;
	int		 x, y, k, worst = 0, d;

	for (y = 0; y < H; y++)
		for (x = 0; x < W; x++)
			px[y * W + x] = x < W / 2 ? 0xffffff :
			    (uint32_t)(0xc8 << 16 | (y * 4) << 8 | 0x1d);
	fp = open_memstream(&a, &na);
	INT_EQ(img_write_jpeg(fp, (const unsigned char *)px, W * 4, W, H, 85),
	    0, "img_write_jpeg writes a JPEG");
	fclose(fp);
	fp = open_memstream(&b, &nb);
	img_write_jpeg(fp, (const unsigned char *)px, W * 4, W, H, 85);
	fclose(fp);
	OK(na == nb && na > 0 && memcmp(a, b, na) == 0,
	    "the same pixels give the same JPEG bytes");
	OK(na > 2 && (unsigned char)a[0] == 0xff && (unsigned char)a[1] == 0xd8,
	    "the bytes start with the JPEG marker");
	INT_EQ(img_decode_jpeg((const unsigned char *)a, na, "t.jpg", NULL,
	    (unsigned char *)back, W * 4, W, H), 0,
	    "img_decode_jpeg reads it back");
	for (k = 0; k < W * H; k++)
		for (x = 0; x < 24; x += 8) {
			d = abs((int)(px[k] >> x & 0xff) -
			    (int)(back[k] >> x & 0xff));
			if (d > worst)
				worst = d;
		}
	OK(worst < 48, "decoded pixels are close to the written ones");
	INT_EQ(img_decode_jpeg((const unsigned char *)"not a jpeg", 10,
	    "t.jpg", NULL, (unsigned char *)back, W * 4, W, H), -1,
	    "a file that is no JPEG is refused");
	INT_EQ(img_decode_jpeg((const unsigned char *)a, na, "t.jpg", NULL,
	    (unsigned char *)back, W * 4, W / 2, H), -1,
	    "a JPEG of another size than promised is refused");
	free(a);
	free(b);
}

/* enc_to_utf8() on "云岭，市" in each encoding it reads. */
static void
test_encodings(void)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		int		 rc;
		const char	*name;
	} t[] = {
		{ "\xE4\xBA\x91\xE5\xB2\xAD\xEF\xBC\x8C\xE5\xB8\x82", 12, 0, "UTF-8" },
		{ "\xEF\xBB\xBF\xE4\xBA\x91\xE5\xB2\xAD\xEF\xBC\x8C\xE5\xB8\x82", 15, 0,
		    "UTF-8 with BOM" },
		{ "\xD4\xC6\xC1\xEB\xA3\xAC\xCA\xD0", 8, 0, "GBK" },
		{ "\xFF\xFE\x91\x4E\xad\x5C\x0C\xFF\x02\x5E", 10, 0, "UTF-16LE with BOM" },
		{ "\xFE\xFF\x4E\x91\x5C\xad\xFF\x0C\x5E\x02", 10, 0, "UTF-16BE with BOM" },
		{ "\xE4\xBA\x91\x00", 4, -1, "a NUL byte" },
		{ "\x81\x30\xFF", 3, -1, "neither UTF-8 nor GB18030" },
		{ "\xFF\xFE\x00\xD8", 4, -1, "UTF-16 with a lone surrogate" },
	};
	struct buf	 b = { 0 };
	size_t		 i;
	char		 name[80];

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(name, sizeof(name), "enc_to_utf8: %s", t[i].name);
		INT_EQ(enc_to_utf8("t.txt", t[i].bytes, t[i].len, &b), t[i].rc, name);
		if (t[i].rc == 0)
			STR_EQ(b.data, "云岭，市", name);
		else
			OK(b.len == 0, name);
		buf_free(&b);
	}
	OK(docxin_is_zip("PK\003\004", 4) && !docxin_is_zip("PK", 2), "a zip by its bytes");
	OK(docxin_is_ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) &&
	    !docxin_is_ole("PK\003\004", 4), "an OLE file by its bytes");
}

/* The bytes of the file at path, in b; 0 or -1. */
static int
slurp(const char *path, struct buf *b)
{
	FILE	*fp = fopen(path, "rb");
	char	 chunk[4096];
	size_t	 n;

	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_put(b, chunk, n);
	fclose(fp);
	return 0;
}

/* The Word edition: the same bytes twice, parts in order, 1980 times. */
static void
test_docx(void)
{
	static const char src[] = "---\n期号: 3\n日期: 2025-03-01\n---\n\n"
	    "## 全市文明交通志愿服务推进会召开\n\n本报讯 3月1日，会议召开。\n";
	struct jb_series	*s = series_load("bulletin.yaml");
	struct jb_doc		*d = NULL;
	struct buf		 a = { 0 }, b = { 0 };
	char			 dir[] = "/tmp/jianbao-unit-XXXXXX", pa[64], pb[64];
	zip_t			*z;
	zip_stat_t		 st;
	int			 err;

	OK(s != NULL && mkdtemp(dir) != NULL, "a series and a folder");
	if (s == NULL)
		return;
	/* Entries are dated 1980-01-01 unless this names a time. */
	unsetenv("SOURCE_DATE_EPOCH");
	d = doc_parse("unit.md", src, sizeof(src) - 1, s);
	snprintf(pa, sizeof(pa), "%s/a.docx", dir);
	snprintf(pb, sizeof(pb), "%s/b.docx", dir);
	OK(d != NULL && docx_write_issue(d, pa) == 0 &&
	    docx_write_issue(d, pb) == 0, "the Word edition is written twice");
	OK(slurp(pa, &a) == 0 && slurp(pb, &b) == 0 && a.len > 0 &&
	    a.len == b.len && memcmp(a.data, b.data, a.len) == 0,
	    "byte for byte the same");
	z = zip_open(pa, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	OK(z != NULL, "libzip opens it, checking its consistency");
	if (z != NULL) {
		STR_EQ(zip_get_name(z, 0, 0), "[Content_Types].xml",
		    "the content types first");
		STR_EQ(zip_get_name(z, 2, 0), "word/document.xml",
		    "the document after the package's relationships");
		OK(zip_stat(z, "word/document.xml", 0, &st) == 0 &&
		    st.comp_method == ZIP_CM_DEFLATE && st.mtime ==
		    mktime(&(struct tm){ .tm_year = 80, .tm_mday = 1,
		    .tm_isdst = -1 }), "deflated, dated 1980-01-01");
		zip_discard(z);
	}
	unlink(pa);
	unlink(pb);
	rmdir(dir);
	buf_free(&a);
	buf_free(&b);
	doc_free(d);
	series_free(s);
}

/* ---- quad_spline(): cubic curves as TrueType splines ---- */

/* The point at t of the quadratic a b c, or of the cubic c[0..3]. */
static void
qpt(const double a[2], const double b[2], const double c[2], double t,
    double p[2])
{
	double	 u = 1 - t;
	int	 k;

	for (k = 0; k < 2; k++)
		p[k] = u * u * a[k] + 2 * u * t * b[k] + t * t * c[k];
}

static void
cpt(const double c[4][2], double t, double p[2])
{
	double	 u = 1 - t;
	int	 k;

	for (k = 0; k < 2; k++)
		p[k] = u * u * u * c[0][k] + 3 * u * u * t * c[1][k] +
		    3 * u * t * t * c[2][k] + t * t * t * c[3][k];
}

/* The distance from p to the polyline of n points pl. */
static double
to_line(const double p[2], double (*pl)[2], size_t n)
{
	double	 best = INFINITY, dx, dy, l, t, ex, ey;
	size_t	 i;

	for (i = 0; i + 1 < n; i++) {
		dx = pl[i + 1][0] - pl[i][0];
		dy = pl[i + 1][1] - pl[i][1];
		l = dx * dx + dy * dy;
		t = l > 0 ? ((p[0] - pl[i][0]) * dx + (p[1] - pl[i][1]) * dy) /
		    l : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		ex = pl[i][0] + t * dx - p[0];
		ey = pl[i][1] + t * dy - p[1];
		if (sqrt(ex * ex + ey * ey) < best)
			best = sqrt(ex * ex + ey * ey);
	}
	return best;
}

#define QS	64		/* samples per quadratic piece */
#define CS	1024		/* samples of the cubic */

/*
 * How far apart the cubic c and the spline of its n off-curve points q
 * are, both ways, measured on dense samples of each curve (independent
 * of how quad.c bounds it).
 */
static double
spline_gap(const double c[4][2], double (*q)[2], int n)
{
	static double	 sp[64 * QS + 1][2], cp[CS + 1][2];
	double		 s[2], e[2], g = 0, d;
	size_t		 m = 0, i;
	int		 j, k;

	for (j = 0; j <= (n > 0 ? n - 1 : 0); j++) {
		for (k = 0; k < 2; k++) {
			s[k] = j == 0 ? c[0][k] : (q[j - 1][k] + q[j][k]) / 2;
			e[k] = j == n - 1 || n == 0 ? c[3][k] :
			    (q[j][k] + q[j + 1][k]) / 2;
		}
		for (i = 0; i < QS; i++)
			if (n == 0) {
				sp[m][0] = s[0] + (e[0] - s[0]) * i / QS;
				sp[m++][1] = s[1] + (e[1] - s[1]) * i / QS;
			} else
				qpt(s, q[j], e, (double)i / QS, sp[m++]);
	}
	sp[m][0] = c[3][0];
	sp[m++][1] = c[3][1];
	for (i = 0; i <= CS; i++)
		cpt(c, (double)i / CS, cp[i]);
	for (i = 0; i <= CS; i++)
		if ((d = to_line(cp[i], sp, m)) > g)
			g = d;
	for (i = 0; i < m; i++)
		if ((d = to_line(sp[i], cp, CS + 1)) > g)
			g = d;
	return g;
}

static void
test_quad(void)
{
	static const double line[4][2] = { { 0, 0 }, { 100, 50 },
	    { 300, 150.1 }, { 400, 200 } };
	/* a quarter circle of radius 1000 (the usual cubic) */
	static const double arc[4][2] = { { 1000, 0 }, { 1000, 552.285 },
	    { 552.285, 1000 }, { 0, 1000 } };
	static const double loop[4][2] = { { 0, 0 }, { 3000, 3000 },
	    { -3000, 3000 }, { 10, 0 } };
	double		 q[64][2], c[4][2], worst = 0, g;
	unsigned long	 r = 20261208;
	int		 i, k, n, bad = 0, most = 0, total = 0;

	INT_EQ(quad_spline(line, 0.3, q, 64), 0, "quad: a straight cubic is a line");
	n = quad_spline(arc, 0.3, q, 64);
	OK(n >= 2 && n <= 8 && spline_gap(arc, q, n) <= 0.3,
	    "quad: a quarter circle of radius 1000 within 0.3 in 2..8 pieces");
	/* the fewest: allowed one piece fewer, it finds none */
	INT_EQ(quad_spline(arc, 0.3, q, (size_t)(n - 1)), -1,
	    "quad: one piece fewer is too far");
	INT_EQ(quad_spline(loop, 0.01, q, 4), -1, "quad: a wide loop in 4 pieces: no");
	/* cubics as fonts have them, random: every spline within tol,
	 * as measured apart from quad.c */
	for (i = 0; i < 300; i++) {
		for (k = 0; k < 8; k++) {
			r = r * 6364136223846793005UL + 1442695040888963407UL;
			c[k / 2][k % 2] = (double)(r >> 33 & 0xffff) / 65536 *
			    (i < 150 ? 1000 : 120);
		}
		n = quad_spline((const double (*)[2])c, 0.293, q, 64);
		if (n < 0) {
			bad++;
			continue;
		}
		most = n > most ? n : most;
		total += n;
		if ((g = spline_gap((const double (*)[2])c, q, n)) > worst)
			worst = g;
	}
	INT_EQ(bad, 0, "quad: 300 random cubics each fit in 64 pieces");
	OK(worst <= 0.293 * 1.001, "quad: every spline within 0.293 of its cubic");
	printf("#   worst %.4f, %d pieces for 300 cubics, at most %d\n",
	    worst, total, most);
	OK(most <= 16 && total < 300 * 8,
	    "quad: few pieces (at most 16 for one cubic)");
}

int
main(void)
{
	FILE	*sink = fopen("/dev/null", "w");

	msg_set_stream(sink);
	test_dates();
	test_date_lines();
	test_ranges();
	test_langs();
	test_labels();
	test_arena();
	test_keys();
	test_source();
	test_zhtext();
	test_titlebreak();
	test_folding();
	test_tables();
	test_photo_rows();
	test_issue_names();
	test_jpeg();
	test_encodings();
	test_docx();
	test_quad();
	msg_set_stream(NULL);
	fclose(sink);
	return harness_failed ? 1 : 0;
}
