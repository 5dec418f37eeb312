/* impweb.c -- the furniture of a web page in a pasted text (breadcrumbs, 上一篇/下一篇, 来源/作者/编辑 lines, the page's date, 分享, 广告, 版权所有, lone picture numbers) turned into Markdown comments. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "import/import_int.h"

/* How sure a line is furniture. */
enum { W_TEXT, W_WEAK, W_STRONG };

/* The line's text without bullets, blanks and the brackets around it;
 * *wrapped set when there were brackets. */
static char *
bare(const char *t, int *wrapped)
{
	static const char *const lead[] = { "•", "·", "▪", "●", "■", "◆", "* ",
	    "- ", NULL };
	static const char *const pairs[][2] = { { "(", ")" }, { "[", "]" },
	    { "（", "）" }, { "【", "】" } };
	size_t	 i, n;
	char	*s, *r;

	*wrapped = 0;
	for (i = 0; lead[i] != NULL; i++)
		if (g_str_has_prefix(t, lead[i])) {
			t = impline_skip_space(t + strlen(lead[i]));
			break;
		}
	s = impline_trim(t);
	n = strlen(s);
	/* (编辑:…)  [责任编辑:…]  【来源：…】 */
	for (i = 0; i < G_N_ELEMENTS(pairs); i++)
		if (g_str_has_prefix(s, pairs[i][0]) && g_str_has_suffix(s, pairs[i][1]) &&
		    n > strlen(pairs[i][0]) + strlen(pairs[i][1])) {
			s[n - strlen(pairs[i][1])] = '\0';
			r = impline_trim(s + strlen(pairs[i][0]));
			free(s);
			*wrapped = 1;
			return r;
		}
	return s;
}

/*
 * A label of the page's own record of the item with its colon: the
 * length of both, or 0.  *strong set for one only a page has.
 */
static size_t
page_label(const char *s, int *strong)
{
	static const struct { const char *w; int strong; } labels[] = {
	    { "责任编辑", 1 }, { "責任編輯", 1 }, { "责编", 1 }, { "发布时间", 1 },
	    { "發布時間", 1 }, { "发布日期", 1 }, { "发布者", 1 }, { "浏览次数", 1 },
	    { "点击数", 1 }, { "阅读数", 1 }, { "信息来源", 1 }, { "稿源", 1 },
	    { "来源", 0 }, { "來源", 0 }, { "作者", 0 }, { "编辑", 0 }, { "編輯", 0 },
	    { "时间", 0 }, { "時間", 0 }, { "日期", 0 } };
	size_t	 i, n;

	for (i = 0; i < G_N_ELEMENTS(labels); i++) {
		n = strlen(labels[i].w);
		if (strncmp(s, labels[i].w, n) != 0)
			continue;
		*strong = labels[i].strong;
		if (s[n] == ':')
			return n + 1;
		if (g_str_has_prefix(s + n, "："))
			return n + strlen("：");
	}
	return 0;
}

/* Only digits and the marks of a date or a time: 2020-09-09, 12:30. */
static int
date_only(const char *s)
{
	int	 digits = 0;

	for (; *s; s = g_utf8_next_char(s)) {
		gunichar	 c = g_utf8_get_char(s);

		if (c >= '0' && c <= '9')
			digits++;
		else if (!strchr("-./: ", (int)c) && !g_utf8_strchr("年月日", -1, c))
			return 0;
	}
	return digits >= 6;
}

/* A lone number or 3.1: what a page's pictures and tables leave behind. */
static int
lone_number(const char *s)
{
	const char	*p = s;

	if (*p < '0' || *p > '9')
		return 0;
	while ((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9'))
		p++;
	return *p == '\0' && p - s <= 6;
}

/* Only the word 广告 (or 分享), said once or more. */
static int
only_words(const char *s)
{
	static const char *const words[] = { "广告", "廣告", "分享到", "分享",
	    "返回顶部", "返回頂部", "打印本页", "关闭窗口", NULL };
	size_t	 i;
	int	 any = 0;

	while (*(s = impline_skip_space(s)) != '\0') {
		for (i = 0; words[i] != NULL && !g_str_has_prefix(s, words[i]); i++)
			;
		if (words[i] == NULL)
			return 0;
		s += strlen(words[i]);
		if (*s == ':' || g_str_has_prefix(s, "："))
			return 1;	/* 分享到：and the icons' names after it */
		any = 1;
	}
	return any;
}

static int
count(const char *s, const char *w)
{
	int	 n = 0;

	while ((s = strstr(s, w)) != NULL) {
		n++;
		s += strlen(w);
	}
	return n;
}

/* The verdict on one line of the paste. */
static int
judge(const char *line)
{
	const char	*t = impline_skip_space(line), *v;
	char		*s;
	long		 len;
	size_t		 n;
	int		 r = W_TEXT, wrapped, strong = 0;

	if (*t == '\0' || g_str_has_prefix(t, "#") || g_str_has_prefix(t, "|"))
		return W_TEXT;
	s = bare(t, &wrapped);
	len = g_utf8_strlen(s, -1);
	if (len > 60)
		r = W_TEXT;
	else if (count(s, ">") + count(s, "＞") + count(s, "»") + count(s, "›") >= 2 ||
	    g_str_has_prefix(s, "当前位置") || g_str_has_prefix(s, "您的位置") ||
	    g_str_has_prefix(s, "當前位置"))
		r = W_STRONG;		/* a breadcrumb */
	else if (((g_str_has_prefix(s, "上一篇") || g_str_has_prefix(s, "下一篇") ||
	    g_str_has_prefix(s, "上一條") || g_str_has_prefix(s, "下一條") ||
	    g_str_has_prefix(s, "上一页") || g_str_has_prefix(s, "下一页")) &&
	    !g_str_has_suffix(s, "。")) || (strstr(s, "上一版") && strstr(s, "下一版")))
		r = W_STRONG;		/* the page's own links, not a sentence */
	else if ((strstr(s, "版权所有") || strstr(s, "版權所有") ||
	    strstr(s, "不得转载") || strstr(s, "不得轉載")) && len <= 40 &&
	    !g_str_has_suffix(s, "。"))
		r = W_STRONG;
	else if (only_words(s))
		r = W_STRONG;
	else if ((n = page_label(s, &strong)) > 0 && len <= 30) {
		/* 时间：5月20日上午 in a 通知 is its text; 时间:2017-07-13 not */
		v = impline_skip_space(s + n);
		if (wrapped || strong || *v == '\0')
			r = W_STRONG;
		else if ((strncmp(s, "时间", 6) != 0 && strncmp(s, "時間", 6) != 0 &&
		    strncmp(s, "日期", 6) != 0) || date_only(v))
			r = W_WEAK;
	} else if ((g_str_has_prefix(s, "date ") || g_str_has_prefix(s, "Date ")) &&
	    date_only(s + 5))
		r = W_STRONG;
	else if (date_only(s) || lone_number(s))
		r = W_WEAK;
	free(s);
	return r;
}

/* A short word with no mark (全部, 娱乐吧): a site's menu or name. */
static int
menu_word(const char *t)
{
	const char	*p;
	long		 n = g_utf8_strlen(t, -1);

	if (n == 0 || n > 6 || impbody_kicker_like(t) || impbody_section_level(t) > 0)
		return 0;
	for (p = t; *p; p = g_utf8_next_char(p))
		if (g_unichar_ispunct(g_utf8_get_char(p)) ||
		    g_unichar_isspace(g_utf8_get_char(p)))
			return 0;
	return 1;
}

/* The next or previous non-blank line from i, or -1. */
static long
neighbour(const struct legacy *l, long i, int step)
{
	for (i += step; i >= 0 && (size_t)i < l->n; i += step)
		if (*impline_skip_space(l->lines[i]) != '\0')
			return i;
	return -1;
}

/*
 * A text that shows furniture only a web page has (a breadcrumb,
 * 上一篇, [责任编辑：…], a copyright line) has the rest of its furniture
 * turned into comments too: 来源：, 作者：, 编辑： lines, lone numbers and
 * dates, a menu word (全部) on its first line or beside other furniture.
 * The lines become "[//]: # (网页杂项：…)" in place, kept but not
 * printed, and one notice lists them.
 */
void
impweb_furniture(struct legacy *l)
{
	int		*v;
	size_t		 i, strong = 0, first = 0;
	long		 j, k;
	int		 changed, col = 1;
	struct buf	 said = { 0 };
	char		*t;

	if (l->n == 0)
		return;
	v = xcalloc(l->n, sizeof(int));
	for (i = 0; i < l->n; i++)
		if ((v[i] = judge(l->lines[i])) == W_STRONG)
			strong++;
	for (i = 0; i < l->n; i++)
		v[i] = strong > 0 && v[i] != W_TEXT;
	if (strong > 0 && (j = neighbour(l, -1, 1)) >= 0 &&
	    menu_word(impline_skip_space(l->lines[j])) && neighbour(l, j, 1) >= 0)
		v[j] = 1;
	do {
		changed = 0;
		for (i = 0; strong > 0 && i < l->n; i++) {
			if (v[i] || !menu_word(impline_skip_space(l->lines[i])))
				continue;
			j = neighbour(l, (long)i, -1);
			k = neighbour(l, (long)i, 1);
			if ((j >= 0 && v[j]) || (k >= 0 && v[k]))
				v[i] = changed = 1;
		}
	} while (changed);
	for (i = 0; i < l->n; i++) {
		if (!v[i])
			continue;
		t = impline_trim(l->lines[i]);
		if (said.len == 0) {
			first = i;
			col = impline_col_of(l->lines[i], impline_skip_space(l->lines[i]));
		} else
			buf_puts(&said, "、");
		buf_printf(&said, "“%s”", t);
		free(l->lines[i]);
		l->lines[i] = impline_comment("网页杂项", t);
		free(t);
	}
	if (said.len > 0) {
		struct jb_pos	 pos = { l->path, (int)first + 1, col };

		msg(MSG_IMPORT_CHROME, &pos, said.data);
	}
	buf_free(&said);
	free(v);
}
