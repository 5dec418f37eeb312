/* impbody.c -- the body of a pasted text: blocks, headings, titles, kickers and bylines in unmarked text, paragraphs a page split rejoined. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"

#include "import/import_int.h"

/* ---- body ---- */

static int
item_marker(const char *t, const char **after)
{
	static const char *const marks[] = { "★", "☆", "●", "◆", "■", "▲", "•", NULL };
	size_t	 i;

	for (i = 0; marks[i] != NULL; i++)
		if (g_str_has_prefix(t, marks[i])) {
			*after = impline_skip_space(t + strlen(marks[i]));
			return 1;
		}
	return 0;
}

static int
list_line(const char *t)
{
	size_t	 n = strspn(t, "0123456789");

	return g_str_has_prefix(t, "- ") || g_str_has_prefix(t, "* ") || g_str_has_prefix(t, "+ ") ||
	    (n > 0 && n < 4 && (t[n] == '.' || t[n] == ')') && t[n + 1] == ' ');
}

static struct iblock *
add_block(struct legacy *l, enum ikind k, int line)
{
	struct iblock	*b;

	l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*b));
	b = &l->b[l->nb++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->line = b->last = line;
	return b;
}

static void
block_line(struct iblock *b, const char *t, const char *raw, int line)
{
	if (b->text.len > 0)
		buf_puts(&b->text, "\n");
	buf_puts(&b->text, t);
	b->last = line;
	b->lastcol = (int)g_utf8_strlen(raw, -1);
}

/* ## **title** → ## title: a title is bold anyway. */
static char *
heading(const char *t)
{
	size_t	 h = strspn(t, "#");
	char	*rest = impline_trim(t + h), *out;
	size_t	 n = strlen(rest);

	if (n > 4 && g_str_has_prefix(rest, "**") && g_str_has_suffix(rest, "**") &&
	    strstr(rest + 2, "**") == rest + n - 2) {
		rest[n - 2] = '\0';
		memmove(rest, rest + 2, n - 1);
	}
	out = g_strdup_printf("%.*s %s", (int)h, t, rest);
	free(rest);
	return out;
}

/* Last character of s that is not * or a blank, or 0. */
static gunichar
last_char(const char *s)
{
	const char	*p = s + strlen(s);
	gunichar	 c;

	while (p > s) {
		p = g_utf8_prev_char(p);
		c = g_utf8_get_char(p);
		if (c != '*' && !impline_space(c))
			return c;
	}
	return 0;
}

static gunichar
first_char(const char *s)
{
	while (*s == '*')
		s++;
	return g_utf8_get_char(impline_skip_space(s));
}

/* ---- shapes of unmarked text ---- */

/* A photo credit or caption: 图为…, （唐晓 摄）, 唐晓　摄. */
static int
credit(const char *t)
{
	return g_str_has_prefix(t, "图为") || g_str_has_prefix(t, "圖為") || g_str_has_prefix(t, "图：") ||
	    g_str_has_suffix(t, "摄") || g_str_has_suffix(t, "摄）") || g_str_has_suffix(t, "攝") ||
	    g_str_has_suffix(t, "攝）") || g_str_has_suffix(t, "摄)") || g_str_has_suffix(t, "供图") ||
	    g_str_has_suffix(t, "供图）");
}

static int
byline(const char *t)
{
	return (g_str_has_prefix(t, "（") && g_str_has_suffix(t, "）")) ||
	    (g_str_has_prefix(t, "(") && g_str_has_suffix(t, ")"));
}

static int
cn_numeral(gunichar c)
{
	return c != 0 && g_utf8_strchr("一二三四五六七八九十百零〇", -1, c) != NULL;
}

/*
 * The level a section number gives a line: 一、 1, （一） 2, 1、 or 1． 3;
 * 0 for none.
 */
int
impbody_section_level(const char *t)
{
	const char	*p = t;
	int		 paren = 0;

	if (g_str_has_prefix(p, "（") || *p == '(') {
		paren = 1;
		p = *p == '(' ? p + 1 : p + strlen("（");
	}
	if (cn_numeral(g_utf8_get_char(p))) {
		while (cn_numeral(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (paren)
			return g_str_has_prefix(p, "）") || *p == ')' ? 2 : 0;
		return g_str_has_prefix(p, "、") ? 1 : 0;
	}
	if (paren || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return g_str_has_prefix(p, "、") || g_str_has_prefix(p, "．") ? 3 : 0;
}

/*
 * 关于……的通知: the title of a 公文 names its kind at its end, and may
 * run to two lines of 二号 (up to 60 characters).
 */
static int
gongwen_title(const char *t)
{
	static const char *const kinds[] = { "通知", "通报", "决定", "意见", "报告",
	    "请示", "批复", "函", "纪要", "办法", "方案", "规定", "通告", "公告",
	    "決定", "報告", "通報", NULL };
	size_t	 i;

	if (!g_str_has_prefix(t, "关于") && !g_str_has_prefix(t, "關於"))
		return 0;
	if (g_utf8_strlen(t, -1) > 60 || strstr(t, "。") != NULL)
		return 0;
	for (i = 0; kinds[i] != NULL; i++)
		if (g_str_has_suffix(t, kinds[i]))
			return 1;
	return 0;
}

/*
 * A line that can be a title: one line of at most 30 characters (60 for
 * a 公文 title, 关于……的通知), not a
 * sentence (no 。 or ； in it, no closing comma or colon), not a byline,
 * a credit, a 本报讯 lead, a subtitle or a ★ item.
 */
int
impbody_title_like(const char *t)
{
	const char	*after;
	gunichar	 c = last_char(t);

	if (strchr(t, '\n') != NULL || *t == '\0' || (g_utf8_strlen(t, -1) > 30 &&
	    !gongwen_title(t)))
		return 0;
	if (strstr(t, "。") != NULL || strstr(t, "；") != NULL ||
	    g_utf8_strchr("，、：；。！？…,.;:!?", -1, c) != NULL)
		return 0;
	return !byline(t) && !credit(t) && !g_str_has_prefix(t, "本报讯") &&
	    !g_str_has_prefix(t, "本報訊") && !g_str_has_prefix(t, "——") && !item_marker(t, &after) &&
	    !g_str_has_prefix(t, "|") && !g_str_has_prefix(t, "![");
}

/* A short line above a title: a place (播州区) or one ending in ——. */
int
impbody_kicker_like(const char *t)
{
	const char	*p;

	if (!impbody_title_like(t) || g_utf8_strlen(t, -1) > 12)
		return 0;
	if (g_str_has_suffix(t, "——"))
		return 1;
	for (p = t; *p; p = g_utf8_next_char(p))
		if (g_unichar_ispunct(g_utf8_get_char(p)) ||
		    g_unichar_isspace(g_utf8_get_char(p)))
			return 0;
	return g_str_has_suffix(t, "区") || g_str_has_suffix(t, "县") || g_str_has_suffix(t, "市") ||
	    g_str_has_suffix(t, "镇") || g_str_has_suffix(t, "乡") || g_str_has_suffix(t, "街道") ||
	    g_str_has_suffix(t, "社区") || g_str_has_suffix(t, "村") || g_str_has_suffix(t, "區") ||
	    g_str_has_suffix(t, "縣") || g_str_has_suffix(t, "鎮") || g_str_has_suffix(t, "鄉");
}

/* What follows a title: a report, a 本报讯 lead, a subtitle, a section. */
static int
body_like(const struct iblock *b)
{
	const char	*t;

	if (b == NULL || b->kind == I_LIST || b->kind == I_RAW)
		return b != NULL;
	if (b->kind != I_PARA)
		return 0;
	t = b->text.data;
	return !impbody_title_like(t) || g_str_has_prefix(t, "本报讯") || g_str_has_prefix(t, "本報訊") ||
	    g_str_has_prefix(t, "——") || impbody_section_level(t) > 0;
}

/* A paragraph that ends where a sentence does, or a byline, a credit. */
static int
ends_whole(const struct iblock *b)
{
	const char	*t = b->text.data;

	return b->kind != I_PARA || byline(t) || credit(t) ||
	    dtext_is_terminal(last_char(t));
}

void
impbody_make_heading(struct iblock *b, const char *marks)
{
	char	*t = g_strdup_printf("%s %s", marks, b->text.data);

	buf_free(&b->text);
	buf_puts(&b->text, t);
	g_free(t);
	b->kind = I_HEAD;
}

/* A block that is a [//]: # comment line: kept, printed nowhere. */
int
impbody_comment(const struct iblock *b)
{
	return b->kind == I_RAW && g_str_has_prefix(b->text.data, "[//]: #");
}

/* The first block from i on that is not a comment, or NULL. */
static struct iblock *
text_block(struct legacy *l, size_t i)
{
	for (; i < l->nb; i++)
		if (!impbody_comment(&l->b[i]))
			return &l->b[i];
	return NULL;
}

/*
 * A short line with no mark above a title much longer than it: the
 * organ that sends a 公文 (发文机关), read as the title's kicker.
 */
static int
organ_above(const char *t, const char *title)
{
	const char	*p;
	long		 n = g_utf8_strlen(t, -1);

	if (n > 12 || !impbody_title_like(t) || g_utf8_strlen(title, -1) < n + 5)
		return 0;
	for (p = t; *p; p = g_utf8_next_char(p))
		if (g_unichar_ispunct(g_utf8_get_char(p)) ||
		    g_unichar_isspace(g_utf8_get_char(p)) ||
		    g_unichar_isdigit(g_utf8_get_char(p)))
			return 0;
	return 1;
}

/*
 * Text without a single # heading: titles are the short lines that
 * start it or stand before a report (with a place name, or the organ
 * that sends it, above them as their kicker), 一、 and （一） lines its
 * sections.  Comments (web furniture) are looked through.
 */
static void
guess_titles(struct legacy *l, size_t from)
{
	struct iblock	*b, *next, *prev = NULL, *first = text_block(l, from);
	size_t		 i;
	int		 lv, after_title = 0, titles = 0;

	for (i = from; i < l->nb; prev = b, i++) {
		b = &l->b[i];
		if (impbody_comment(b)) {
			b = prev;
			continue;
		}
		next = text_block(l, i + 1);
		if (b->kind != I_PARA) {
			after_title = 0;
			continue;
		}
		lv = impbody_section_level(b->text.data);
		if ((lv == 1 || lv == 2) && impbody_title_like(b->text.data)) {
			impbody_make_heading(b, lv == 1 ? "###" : "####");
			after_title = 0;
			continue;
		}
		/* a Word file is one article unless its formatting said
		 * otherwise (docxhead.c): unformatted, one title only */
		if (lv > 0 || !impbody_title_like(b->text.data) || after_title ||
		    (prev != NULL && !ends_whole(prev)) ||
		    (titles > 0 && l->docx.text.data != NULL)) {
			after_title = 0;
			continue;
		}
		if (next != NULL && next->kind == I_PARA &&
		    (impbody_kicker_like(b->text.data) ||
		    (b == first && organ_above(b->text.data, next->text.data))) &&
		    impbody_title_like(next->text.data) && impbody_section_level(next->text.data) == 0 &&
		    body_like(text_block(l, (size_t)(next - l->b) + 1))) {
			/* 播州区 above its title: the parser reads it as the kicker */
			impbody_make_heading(next, "##");
			i = (size_t)(next - l->b);
			b = next;
			after_title = 1;
			titles++;
			continue;
		}
		if ((next != NULL && body_like(next)) || (b == first && next != NULL)) {
			impbody_make_heading(b, "##");
			after_title = 1;
			titles++;
			continue;
		}
		after_title = 0;
	}
}

/* A paragraph ending mid-sentence and one that goes on: a page break. */
static int
split_pair(const struct iblock *a, const struct iblock *b)
{
	const char	*s = a->text.data, *t = b->text.data, *after;
	size_t		 n = a->text.len;

	if (a->kind != I_PARA || b->kind != I_PARA || a->text.len == 0 ||
	    b->text.len == 0 || a->kept || b->kept || credit(s) || credit(t))
		return 0;
	if (g_utf8_strlen(s, -1) < 10 || g_str_has_prefix(s, "——") ||
	    (g_str_has_prefix(s, "**") && g_str_has_suffix(s, "**") && strstr(s + 2, "**") == s + n - 2))
		return 0;
	/* a 本报讯 lead or a subtitle starts a paragraph of its own */
	if (dtext_is_terminal(last_char(s)) || item_marker(t, &after) ||
	    (g_str_has_prefix(t, "（") && g_str_has_suffix(t, "）")) || g_str_has_prefix(t, "本报讯") ||
	    g_str_has_prefix(t, "本報訊") || g_str_has_prefix(t, "——"))
		return 0;
	return 1;
}

static char *
excerpt(const char *s, int tail)
{
	long	 n = g_utf8_strlen(s, -1);
	const char *p = tail && n > 8 ? g_utf8_offset_to_pointer(s, n - 8) : s;
	const char *e = !tail && n > 8 ? g_utf8_offset_to_pointer(s, 8) : s + strlen(s);

	return xstrndup(p, (size_t)(e - p));
}

static void
rejoin(struct legacy *l)
{
	struct iblock	*a, *b;
	struct jb_pos	 pos;
	char		*x, *y;
	size_t		 i = 0;

	while (i + 1 < l->nb) {
		a = &l->b[i];
		b = &l->b[i + 1];
		if (!split_pair(a, b)) {
			i++;
			continue;
		}
		pos.file = l->path;
		pos.line = a->last;
		pos.col = a->lastcol;
		x = excerpt(a->text.data, 1);
		y = excerpt(b->text.data, 0);
		msg(MSG_IMPORT_JOINED, &pos, x, y);
		free(x);
		free(y);
		/*
		 * Chinese text has no space at a page break; Latin words do.
		 * Wider than the parser's rule: an ambiguous-width mark such
		 * as ” on either side is enough to join without one.
		 */
		if (!zh_wide_ambiguous(last_char(a->text.data)) &&
		    !zh_wide_ambiguous(first_char(b->text.data)))
			buf_puts(&a->text, " ");
		buf_puts(&a->text, b->text.data);
		a->last = b->last;
		a->lastcol = b->lastcol;
		buf_free(&b->text);
		memmove(b, b + 1, (l->nb - i - 2) * sizeof(*b));
		l->nb--;
	}
}

/*
 * What may follow a 落款 at an article's end: nothing, a title or a
 * heading, or a short note in （）such as （此页无正文）.
 */
static int
after_signoff(const struct iblock *b)
{
	const char	*t;

	if (b == NULL || b->kind == I_HEAD)
		return 1;
	t = b->text.data;
	return b->kind == I_PARA && g_str_has_prefix(t, "（") &&
	    g_str_has_suffix(t, "）") && strchr(t, '\n') == NULL &&
	    g_utf8_strlen(t, -1) <= 20;
}

/* The most lines a 落款 has (doc_is_signoff()): organs and the date. */
#define SIGNOFF_LINES	4

/* Lines v (NULL-terminated) into text, joined by sep. */
static void
set_lines(struct buf *text, char **v, const char *sep)
{
	char	*s = g_strjoinv(sep, v);

	buf_free(text);
	buf_puts(text, s);
	g_free(s);
}

/*
 * An article's last lines that are organ names over a date (a 落款, as
 * doc_is_signoff() has it), whether each was a paragraph of its own (a
 * Word file, a paste with a line a paragraph) or they end a paragraph:
 * one paragraph, a hard break after each line but the last, which the
 * model reads as a 落款.  Only at an article's end, so a date in running
 * text stays text; kept (never rejoined across a page break).
 */
static void
join_signoffs(struct legacy *l, size_t from)
{
	struct iblock	*b, *nb;
	const char	*v[SIGNOFF_LINES];
	char		**lines, **tail, *keep;
	size_t		 i, j, m, n, c, best;

	for (i = from; i < l->nb; i++) {
		b = &l->b[i];
		if (b->kind != I_PARA || !after_signoff(text_block(l, i + 1)))
			continue;
		lines = g_strsplit(b->text.data, "\n", -1);
		m = g_strv_length(lines);
		if (m > 1) {
			/* the lines that end this paragraph */
			for (best = 0, n = 2; n <= SIGNOFF_LINES && n <= m; n++)
				if (doc_is_signoff((const char *const *)lines + m - n, n))
					best = n;
			if (best > 0) {
				tail = lines + m - best;
				if (best < m) {
					/* the text above stays a paragraph */
					b->last = b->line + (int)(m - best) - 1;
					l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*b));
					b = &l->b[i];
					memmove(b + 2, b + 1, (l->nb - i - 1) * sizeof(*b));
					l->nb++;
					nb = b + 1;
					memset(nb, 0, sizeof(*nb));
					nb->kind = I_PARA;
					nb->line = b->last + 1;
					nb->last = nb->line + (int)best - 1;
					nb->lastcol = b->lastcol;
					b->lastcol = (int)g_utf8_strlen(lines[m - best - 1], -1);
					keep = *tail;
					*tail = NULL;
					set_lines(&b->text, lines, "\n");
					*tail = keep;
					b = nb;
					i++;
				}
				set_lines(&b->text, tail, "\\\n");
				b->kept = 1;
			}
			g_strfreev(lines);
			continue;
		}
		g_strfreev(lines);
		if (!doc_is_date_line(b->text.data))
			continue;
		/* a date alone: organ lines, each a paragraph, right above */
		for (best = 0, c = 1; c < SIGNOFF_LINES && c <= i - from; c++) {
			nb = &l->b[i - c];
			if (nb->kind != I_PARA || strchr(nb->text.data, '\n') != NULL)
				break;
			for (j = 0; j < c; j++)
				v[j] = l->b[i - c + j].text.data;
			v[c] = b->text.data;
			if (doc_is_signoff(v, c + 1))
				best = c;
		}
		if (best == 0)
			continue;
		lines = g_new0(char *, best + 2);
		for (j = 0; j <= best; j++)
			lines[j] = g_strdup(l->b[i - best + j].text.data);
		nb = &l->b[i - best];
		set_lines(&nb->text, lines, "\\\n");
		nb->last = b->last;
		nb->lastcol = b->lastcol;
		nb->kept = 1;
		for (j = 1; j <= best; j++)
			buf_free(&l->b[i - best + j].text);
		memmove(nb + 1, b + 1, (l->nb - i - 1) * sizeof(*b));
		l->nb -= best;
		i -= best;
		g_strfreev(lines);
	}
}

/* — 3 —, - 3 -, 第3页: a page number a PDF copy leaves alone on a line. */
static int
page_number(const char *t)
{
	const char	*p = t;
	int		 dash = 0, digits = 0;

	if (g_str_has_prefix(p, "第")) {
		p += strlen("第");
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
		return digits > 0 && digits < 5 && strcmp(p, "页") == 0;
	}
	while (*p == '-' || g_str_has_prefix(p, "—") || g_str_has_prefix(p, "–") || *p == ' ') {
		dash += *p != ' ';
		p += *p == '-' || *p == ' ' ? 1 : strlen("—");
	}
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (dash == 0 || digits == 0 || digits > 4)
		return 0;
	while (*p == '-' || g_str_has_prefix(p, "—") || g_str_has_prefix(p, "–") || *p == ' ')
		p += *p == '-' || *p == ' ' ? 1 : strlen("—");
	return *p == '\0';
}

/* More 《 “ （ opened than closed in s. */
static int
unclosed(const char *s)
{
	static const char *const pairs[][2] = { { "《", "》" }, { "“", "”" },
	    { "（", "）" } };
	const char	*p;
	size_t		 i;
	int		 n;

	for (i = 0; i < G_N_ELEMENTS(pairs); i++) {
		n = 0;
		for (p = s; (p = strstr(p, pairs[i][0])) != NULL; p += 3)
			n++;
		for (p = s; (p = strstr(p, pairs[i][1])) != NULL; p += 3)
			n--;
		if (n > 0)
			return 1;
	}
	return 0;
}

static int
raw_line(const char *t)
{
	return g_str_has_prefix(t, "|") || g_str_has_prefix(t, "![");
}

void
impbody_body(struct legacy *l, size_t from, size_t to)
{
	struct iblock	*cur = NULL;
	const char	*raw, *t, *after, *prev = NULL;
	char		*h, *item;
	size_t		 i, first = l->nb;
	int		 briefs = 0, ln, heads = 0;

	for (i = from; i < to; prev = raw, i++) {
		raw = l->lines[i];
		ln = (int)i + 1;
		t = impline_skip_space(raw);
		if (*t == '\0' || mdl_thematic(t, strlen(t))) {
			cur = NULL;
			continue;
		}
		if (page_number(t)) {
			/* the paragraph around it goes on, as a page break */
			msg(MSG_IMPORT_PAGE, &(struct jb_pos){ l->path, ln,
			    impline_col_of(raw, t) }, t);
			raw = prev;
			continue;
		}
		if (g_str_has_prefix(t, "[//]: #")) {
			/* a comment stands alone */
			cur = add_block(l, I_RAW, ln);
			block_line(cur, t, raw, ln);
			cur = NULL;
		} else if (*t == '#') {
			h = heading(t);
			cur = add_block(l, I_HEAD, ln);
			block_line(cur, h, raw, ln);
			briefs = g_str_has_suffix(h, "简讯") || g_str_has_suffix(h, "簡訊");
			g_free(h);
			cur = NULL;
			heads++;
		} else if (raw_line(t)) {
			/* table rows stay together, a picture is a block */
			if (cur == NULL || cur->kind != I_RAW || g_str_has_prefix(t, "![") ||
			    g_str_has_prefix(cur->text.data, "!["))
				cur = add_block(l, I_RAW, ln);
			block_line(cur, t, raw, ln);
		} else if (list_line(t) && !briefs) {
			if (cur == NULL || cur->kind != I_LIST)
				cur = add_block(l, I_LIST, ln);
			block_line(cur, t, raw, ln);
		} else if (item_marker(t, &after)) {
			/* each item its own paragraph; ★ in 工作简讯 */
			cur = add_block(l, I_PARA, ln);
			if (briefs) {
				item = g_strdup_printf("★%s", after);
				block_line(cur, item, raw, ln);
				g_free(item);
			} else
				block_line(cur, t, raw, ln);
		} else {
			/* a short line whose 《 or “ the next line closes: a
			 * title broken in two by hand, one line again */
			if (cur != NULL && cur->kind == I_PARA && l->linemode &&
			    prev != NULL && cur->last == ln - 1 && unclosed(cur->text.data) &&
			    strchr(cur->text.data, '\n') == NULL &&
			    g_utf8_strlen(cur->text.data, -1) + g_utf8_strlen(t, -1) <= 60 &&
			    !dtext_is_terminal(last_char(cur->text.data))) {
				buf_puts(&cur->text, t);
				cur->last = ln;
				cur->lastcol = (int)g_utf8_strlen(raw, -1);
				continue;
			}
			/* a line as wide as the page went on in the next; a
			 * paragraph's first line as wide less the two
			 * characters of its indent, which a copy loses */
			if (cur == NULL || cur->kind != I_PARA || (l->linemode &&
			    !(l->wrap > 0 && t == raw && prev != NULL &&
			    g_utf8_strlen(impline_skip_space(prev), -1) >= l->wrap -
			    (strchr(cur->text.data, '\n') == NULL ? 3 : 1) &&
			    !dtext_is_terminal(last_char(prev)))))
				cur = add_block(l, I_PARA, ln);
			block_line(cur, t, raw, ln);
		}
	}
	if (heads == 0)
		guess_titles(l, first);
	join_signoffs(l, first);
	/*
	 * A Word paragraph is a paragraph: page breaks split only text
	 * copied from a PDF.  Neither is a title before the first heading.
	 */
	if (l->docx.text.data == NULL) {
		struct iblock	*f = text_block(l, first);
		size_t		 k = f != NULL ? (size_t)(f - l->b) : l->nb;

		if (f != NULL && f->kind == I_PARA && impbody_title_like(f->text.data))
			f->kept = 2;
		rejoin(l);
		if (k < l->nb && l->b[k].kept == 2)
			l->b[k].kept = 0;
	}
}
