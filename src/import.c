/* import.c -- `jianbao import`: masthead, 目录, body and footer of a pasted past issue into an issue file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "document.h"
#include "fmwrite.h"
#include "frontmatter.h"
#include "import.h"
#include "infile.h"
#include "issues.h"
#include "mem.h"
#include "msg.h"
#include "outfile.h"
#include "source.h"

enum ikind {
	I_HEAD,				/* # heading line, kept as written */
	I_PARA,				/* paragraph; lines joined by \n */
	I_LIST				/* - or 1. list, kept as written */
};

struct iblock {
	enum ikind	 kind;
	struct buf	 text;
	int		 line;		/* first input line */
	int		 last;		/* last input line */
	int		 lastcol;	/* column of the last character there */
};

struct strs {
	char	**v;
	size_t	  n;
};

/* What the legacy text says, section by section. */
struct legacy {
	const char	*path;
	const struct jb_series *series;	/* names the kinds (刊别) */
	char		**lines;	/* without line ends and trailing blanks */
	size_t		  n;
	/* masthead */
	char		*name;
	char		*org;
	char		*classification;
	int		 name_line;
	int		 issue;		/* 0: not found */
	int		 issue_last;	/* a 合刊's last 期号, else issue */
	int		 total;
	int		 total_last;
	const struct jb_kind *kind;	/* a 增刊's line under the 刊名 */
	struct jb_date	 date;		/* year 0: not found */
	/* body */
	struct iblock	*b;
	size_t		 nb;
	/* footer */
	struct strs	 dist[JB_DIST__MAX];
	int		 have_dist;
	struct strs	 roles, names;
	int		 copies;
	struct jb_date	 printed;
	int		 printed_line;
};

enum section { S_MAST, S_TOC, S_BODY, S_FOOT };

static void
strs_add(struct strs *l, const char *s)
{
	l->v = xrealloc(l->v, (l->n + 2) * sizeof(char *));
	l->v[l->n++] = xstrdup(s);
	l->v[l->n] = NULL;
}

static void
strs_free(struct strs *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* ---- text helpers ---- */

static int
space(gunichar c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static const char *
skip_space(const char *p)
{
	while (*p && space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/* A copy of s[0..n) without blanks (also 　) at either end. */
static char *
trimn(const char *s, size_t n)
{
	const char	*end = s + n, *prev;

	s = skip_space(s);
	while (end > s) {
		prev = g_utf8_prev_char(end);
		if (!space(g_utf8_get_char(prev)))
			break;
		end = prev;
	}
	return xstrndup(s, (size_t)(end - s));
}

static char *
trim(const char *s)
{
	return trimn(s, strlen(s));
}

static int
starts(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static int
ends(const char *s, const char *p)
{
	size_t	 n = strlen(s), m = strlen(p);

	return n >= m && strcmp(s + n - m, p) == 0;
}

static int
col_of(const char *line, const char *p)
{
	return (int)g_utf8_strlen(line, p - line) + 1;
}

static int
thematic(const char *s)
{
	size_t	 k = 0;
	char	 m = 0;

	for (; *s; s++) {
		if (*s == ' ')
			continue;
		if ((*s != '-' && *s != '*' && *s != '_') || (m && *s != m))
			return 0;
		m = *s;
		k++;
	}
	return k >= 3;
}

/* Digits at p (ASCII or full-width), skipping blanks first; -1 if none. */
static int
number(const char **pp)
{
	const char	*p = skip_space(*pp);
	gunichar	 c;
	int		 v = -1;

	for (;; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c >= 0xFF10 && c <= 0xFF19)
			c = c - 0xFF10 + '0';
		if (c < '0' || c > '9' || v > 99999)
			break;
		v = (v < 0 ? 0 : v * 10) + (int)(c - '0');
	}
	if (v >= 0)
		*pp = skip_space(p);
	return v;
}

/* p starts with word after blanks: advance past it. */
static int
word(const char **pp, const char *w)
{
	const char	*p = skip_space(*pp);

	if (!starts(p, w))
		return 0;
	*pp = p + strlen(w);
	return 1;
}

/*
 * The first date in s written 2019年8月30日 (blanks allowed, as PDF text
 * has them) or 2019-08-30: fills d and the span [*start, *end).
 */
static int
find_date(const char *s, struct jb_date *d, const char **start,
    const char **end)
{
	const char	*p, *q;
	int		 y, m, day;

	for (p = s; *p; p = g_utf8_next_char(p)) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		q = p;
		if ((y = number(&q)) < 1900 || y > 2199)
			continue;
		if (word(&q, "年")) {
			if ((m = number(&q)) < 1 || m > 12 || !word(&q, "月") ||
			    (day = number(&q)) < 1 || day > 31 || !word(&q, "日"))
				continue;
		} else if (*q == '-' || *q == '.') {
			q++;
			if ((m = number(&q)) < 1 || m > 12 || (*q != '-' &&
			    *q != '.'))
				continue;
			q++;
			if ((day = number(&q)) < 1 || day > 31)
				continue;
		} else
			continue;
		d->year = y;
		d->month = m;
		d->day = day;
		*start = p;
		*end = q;
		return 0;
	}
	return -1;
}

/*
 * A number then 期 at *pp, or a 合刊's two numbers joined by a dash or 至
 * (7—8期): the first, *last set to the second (or the first); 0 if none.
 */
static int
numbers_then_issue(const char **pp, int *last)
{
	static const char *const dash[] = { "-", "–", "—", "－", "～", "~", "至",
	    NULL };
	const char	*q = *pp;
	size_t		 i;
	int		 n, m;

	if ((n = number(&q)) <= 0)
		return 0;
	*last = n;
	for (i = 0; dash[i] != NULL; i++)
		if (word(&q, dash[i])) {
			word(&q, "第");
			if ((m = number(&q)) <= n)
				return 0;
			*last = m;
			break;
		}
	if (!word(&q, "期"))
		return 0;
	*pp = q;
	return n;
}

/* 第13期 (not 总第86期), 第7—8期: the number, or 0. */
static int
find_issue(const char *s, int *last)
{
	const char	*p = s, *q;
	int		 n;

	while ((p = strstr(p, "第")) != NULL) {
		q = p + strlen("第");
		if ((p - s < 3 || (strncmp(p - 3, "总", 3) != 0 &&
		    strncmp(p - 3, "總", 3) != 0)) &&
		    (n = numbers_then_issue(&q, last)) > 0)
			return n;
		p = q;
	}
	return 0;
}

static int
find_total(const char *s, int *last)
{
	const char	*p;

	if ((p = strstr(s, "总第")) == NULL && (p = strstr(s, "總第")) == NULL)
		return 0;
	p += strlen("总第");
	return numbers_then_issue(&p, last);
}

/* A line that only names a kind of the series: 增刊, 增　刊, （增刊）. */
static const struct jb_kind *
kind_line(const struct legacy *l, const char *t)
{
	const struct jb_kind	*k;
	GString			*b = g_string_new(NULL);
	const char		*p;
	gunichar		 c;

	for (p = t; *p; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c != ' ' && c != 0x3000 && c != '(' && c != ')' &&
		    c != 0xFF08 && c != 0xFF09)
			g_string_append_unichar(b, c);
	}
	k = series_kind(l->series, b->str);
	g_string_free(b, TRUE);
	return k;
}

/* ---- masthead ---- */

static int
toc_line(const char *t)
{
	return starts(t, "- ") || starts(t, "* ") || starts(t, "+ ") ||
	    strcmp(t, "目录") == 0 || strcmp(t, "目 录") == 0 ||
	    strcmp(t, "本期目录") == 0 || strcmp(t, "本期要目") == 0 ||
	    strcmp(t, "目錄") == 0;
}

static void
unmapped(const struct legacy *l, int line, const char *what)
{
	struct jb_pos	 pos;
	const char	*s = l->lines[line - 1];

	pos.file = l->path;
	pos.line = line;
	pos.col = col_of(s, skip_space(s));
	msg(MSG_IMPORT_UNMAPPED, &pos, what, "忽略");
}

static void
masthead_line(struct legacy *l, const char *t, int ln)
{
	const char	*a, *b;
	struct jb_date	 d;
	char		*org;
	int		 n, used = 0;

	if (starts(t, "#")) {
		free(l->name);
		l->name = trim(t + strspn(t, "#"));
		l->name_line = ln;
		return;
	}
	if (l->kind == NULL && (l->kind = kind_line(l, t)) != NULL)
		return;
	if ((n = find_total(t, &l->total_last)) > 0) {
		l->total = n;
		used = 1;
	}
	if ((n = find_issue(t, &l->issue_last)) > 0) {
		l->issue = n;
		used = 1;
	}
	if (find_date(t, &d, &a, &b) == 0) {
		l->date = d;
		/* 编印单位 and date on one line */
		org = trimn(t, (size_t)(a - t));
		if (*org != '\0' && l->org == NULL)
			l->org = org;
		else
			free(org);
		return;
	}
	if (used)
		return;
	if (strstr(t, "内部") != NULL || strstr(t, "注意保存") != NULL ||
	    strstr(t, "秘密") != NULL || strstr(t, "机密") != NULL) {
		free(l->classification);
		l->classification = xstrdup(t);
	} else if (l->name == NULL && l->org == NULL && l->issue == 0) {
		l->name = xstrdup(t);
		l->name_line = ln;
	} else if (l->org == NULL && strstr(t, "：") == NULL &&
	    strchr(t, ':') == NULL)
		l->org = xstrdup(t);	/* 电话：… and the like are no 编印单位 */
	else
		unmapped(l, ln, t);
}

/* ---- footer ---- */

static int
dist_label(const char *t, size_t *len)
{
	static const struct {
		const char	*label;
		int		 k;
	} tab[] = {
		{ "抄报", JB_DIST_BAO }, { "报送", JB_DIST_BAO },
		{ "主送", JB_DIST_BAO }, { "报", JB_DIST_BAO }, { "報", JB_DIST_BAO },
		{ "抄送", JB_DIST_SONG }, { "分送", JB_DIST_SONG },
		{ "送", JB_DIST_SONG }, { "发", JB_DIST_FA }, { "發", JB_DIST_FA },
	};
	size_t	 i, n;

	for (i = 0; i < G_N_ELEMENTS(tab); i++) {
		n = strlen(tab[i].label);
		if (strncmp(t, tab[i].label, n) != 0)
			continue;
		if (starts(t + n, "：")) {
			*len = n + strlen("：");
			return tab[i].k;
		}
		if (t[n] == ':') {
			*len = n + 1;
			return tab[i].k;
		}
	}
	return -1;
}

/* Split a distribution text at commas outside brackets and quotes. */
static void
dist_items(struct strs *out, const char *s)
{
	const char	*p, *from = s;
	gunichar	 c;
	int		 depth = 0;
	char		*item;

	for (p = s;; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0xFF08 || c == '(' || c == 0x201C || c == 0x300A)
			depth++;
		else if ((c == 0xFF09 || c == ')' || c == 0x201D || c == 0x300B) &&
		    depth > 0)
			depth--;
		if (c != 0 && (depth > 0 || (c != 0xFF0C && c != ',' &&
		    c != 0xFF1B && c != ';')))
			continue;
		item = trimn(from, (size_t)(p - from));
		if (ends(item, "。"))
			item[strlen(item) - strlen("。")] = '\0';
		if (*item != '\0')
			strs_add(out, item);
		free(item);
		if (c == 0)
			break;
		from = g_utf8_next_char(p);
	}
}

static const char *const roles[] = {
	"责任编辑", "审核", "审稿", "核稿", "校对", "编辑", "签发", "主编",
	"撰稿", "排版", "供稿", NULL
};

/* The role starting at p with its colon: its length, or 0. */
static size_t
role_at(const char *p, const char **role)
{
	size_t	 i, n;

	for (i = 0; roles[i] != NULL; i++) {
		n = strlen(roles[i]);
		if (strncmp(p, roles[i], n) != 0)
			continue;
		*role = roles[i];
		if (starts(p + n, "："))
			return n + strlen("：");
		if (p[n] == ':')
			return n + 1;
	}
	return 0;
}

/* 审核：徐仁龙 校对：陈江红 编辑：罗小旭 -- 1 if t is such a line. */
static int
credits_line(struct legacy *l, const char *t)
{
	const char	*p, *role = NULL, *cur = NULL, *from = NULL;
	size_t		 k;
	char		*name;

	if (role_at(t, &role) == 0)
		return 0;
	for (p = t;; p = *p ? g_utf8_next_char(p) : p) {
		k = *p ? role_at(p, &role) : 1;
		if (k == 0)
			continue;
		if (cur != NULL) {
			name = trimn(from, (size_t)(p - from));
			strs_add(&l->roles, cur);
			strs_add(&l->names, name);
			free(name);
		}
		if (*p == '\0')
			break;
		cur = role;
		from = p + k;
		p += k - 1;
	}
	return 1;
}

/* 共印30份: 1 if t is such a line. */
static int
copies_line(struct legacy *l, const char *t)
{
	const char	*p = strstr(t, "共印");
	int		 n;

	if (p == NULL)
		return 0;
	p += strlen("共印");
	if ((n = number(&p)) <= 0 || !word(&p, "份"))
		return 0;
	l->copies = n;
	return 1;
}

static int
footer_start(const char *t)
{
	size_t		 n;
	const char	*role;

	return dist_label(t, &n) >= 0 || role_at(t, &role) > 0 ||
	    strstr(t, "印发") != NULL || strstr(t, "印發") != NULL;
}

static void
footer(struct legacy *l, size_t from, size_t to)
{
	struct jb_date	 d;
	const char	*a, *b;
	char		*t, *org;
	size_t		 i, n;
	int		 cont = -1, k;

	for (i = from; i < to; i++) {
		t = trim(l->lines[i]);
		if (*t == '\0' || thematic(t)) {
			cont = -1;
			goto next;
		}
		if ((k = dist_label(t, &n)) >= 0) {
			dist_items(&l->dist[k], t + n);
			l->have_dist = 1;
			cont = k;
		} else if (credits_line(l, t) || copies_line(l, t)) {
			cont = -1;
		} else if ((strstr(t, "印发") != NULL || strstr(t, "印發") != NULL) &&
		    find_date(t, &d, &a, &b) == 0) {
			l->printed = d;
			l->printed_line = (int)i + 1;
			org = trimn(t, (size_t)(a - t));
			if (*org != '\0' && l->org != NULL &&
			    strcmp(org, l->org) != 0)
				unmapped(l, (int)i + 1, org);
			free(org);
			cont = -1;
		} else if (cont >= 0) {
			/* a distribution list goes on on the next line */
			dist_items(&l->dist[cont], t);
		} else if ((l->org == NULL || strcmp(t, l->org) != 0) &&
		    (i + 1 >= to || find_date(l->lines[i + 1], &d, &a, &b) != 0 ||
		    strstr(l->lines[i + 1], "印发") == NULL))
			unmapped(l, (int)i + 1, t);
		/* else: 编印单位 alone above its 印发 line */
next:
		free(t);
	}
}

/* ---- body ---- */

static int
item_marker(const char *t, const char **after)
{
	static const char *const marks[] = { "★", "☆", "●", "◆", "■", "▲", "•", NULL };
	size_t	 i;

	for (i = 0; marks[i] != NULL; i++)
		if (starts(t, marks[i])) {
			*after = skip_space(t + strlen(marks[i]));
			return 1;
		}
	return 0;
}

static int
list_line(const char *t)
{
	size_t	 n = strspn(t, "0123456789");

	return starts(t, "- ") || starts(t, "* ") || starts(t, "+ ") ||
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
	char	*rest = trim(t + h), *out;
	size_t	 n = strlen(rest);

	if (n > 4 && starts(rest, "**") && ends(rest, "**") &&
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
		if (c != '*' && !space(c))
			return c;
	}
	return 0;
}

static gunichar
first_char(const char *s)
{
	while (*s == '*')
		s++;
	return g_utf8_get_char(skip_space(s));
}

/* A paragraph ending mid-sentence and one that goes on: a page break. */
static int
split_pair(const struct iblock *a, const struct iblock *b)
{
	const char	*s = a->text.data, *t = b->text.data, *after;
	size_t		 n = a->text.len;

	if (a->kind != I_PARA || b->kind != I_PARA || a->text.len == 0 ||
	    b->text.len == 0)
		return 0;
	if (g_utf8_strlen(s, -1) < 10 || starts(s, "——") ||
	    (starts(s, "**") && ends(s, "**") && strstr(s + 2, "**") == s + n - 2))
		return 0;
	if (doc_is_terminal(last_char(s)) || item_marker(t, &after) ||
	    (starts(t, "（") && ends(t, "）")))
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
		if (!src_wide_ambiguous(last_char(a->text.data)) &&
		    !src_wide_ambiguous(first_char(b->text.data)))
			buf_puts(&a->text, " ");
		buf_puts(&a->text, b->text.data);
		a->last = b->last;
		a->lastcol = b->lastcol;
		buf_free(&b->text);
		memmove(b, b + 1, (l->nb - i - 2) * sizeof(*b));
		l->nb--;
	}
}

static void
body(struct legacy *l, size_t from, size_t to)
{
	struct iblock	*cur = NULL;
	const char	*raw, *t, *after;
	char		*h, *item;
	size_t		 i;
	int		 briefs = 0, ln;

	for (i = from; i < to; i++) {
		raw = l->lines[i];
		ln = (int)i + 1;
		t = skip_space(raw);
		if (*t == '\0' || thematic(t)) {
			cur = NULL;
			continue;
		}
		if (*t == '#') {
			h = heading(t);
			cur = add_block(l, I_HEAD, ln);
			block_line(cur, h, raw, ln);
			briefs = ends(h, "简讯") || ends(h, "簡訊");
			g_free(h);
			cur = NULL;
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
			if (cur == NULL || cur->kind == I_HEAD)
				cur = add_block(l, I_PARA, ln);
			block_line(cur, t, raw, ln);
		}
	}
	rejoin(l);
}

/* ---- reading ---- */

static int
read_lines(struct legacy *l)
{
	struct buf	 b = { 0 };
	char		*p, *e, *s;
	const char	*bad;
	size_t		 n;
	int		 rc = -1;

	if (infile_read(l->path, NULL, NULL, DOC_MAX_BYTES, &b) == -1)
		goto out;
	s = b.data ? b.data : "";
	if (memchr(s, '\0', b.len) != NULL) {
		struct jb_pos	 pos = { l->path, 0, 0 };

		msg(MSG_NUL, &pos);
		goto out;
	}
	if (!g_utf8_validate(s, (gssize)b.len, &bad)) {
		struct jb_pos	 pos = { l->path, 0, 0 };

		msg(MSG_UTF8, &pos, (unsigned)(unsigned char)*bad);
		goto out;
	}
	if (starts(s, "\xEF\xBB\xBF"))
		s += 3;
	for (p = s; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		n = (size_t)(e - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		l->lines = xrealloc(l->lines, (l->n + 1) * sizeof(char *));
		l->lines[l->n] = xstrndup(p, n);
		/* trailing blanks (Markdown hard breaks) carry nothing here */
		while ((n = strlen(l->lines[l->n])) > 0 &&
		    (l->lines[l->n][n - 1] == ' ' || l->lines[l->n][n - 1] == '\t'))
			l->lines[l->n][n - 1] = '\0';
		l->n++;
	}
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

/* Sort the lines into masthead, 目录, body and footer. */
static void
sections(struct legacy *l)
{
	enum section	 st = S_MAST;
	const char	*t;
	size_t		 i, body_from = l->n, foot_from = l->n;
	int		 toc_item = 0;

	for (i = 0; i < l->n && st != S_BODY; i++) {
		t = skip_space(l->lines[i]);
		if (*t == '\0') {
			toc_item = 0;
			continue;
		}
		if (starts(t, "## ") || starts(t, "### ")) {
			body_from = i;
			break;
		}
		if (thematic(t)) {
			if (st == S_TOC) {
				body_from = i + 1;
				break;
			}
			st = S_TOC;
			continue;
		}
		if (toc_line(t)) {
			st = S_TOC;
			toc_item = 1;
			continue;
		}
		if (st == S_TOC) {
			if (toc_item)
				continue;	/* an item running on */
			body_from = i;	/* a kicker before the first title */
			break;
		}
		masthead_line(l, t, (int)i + 1);
	}
	for (i = body_from; i < l->n; i++)
		if (footer_start(skip_space(l->lines[i])) &&
		    !starts(skip_space(l->lines[i]), "#")) {
			foot_from = i;
			break;
		}
	body(l, body_from, foot_from);
	footer(l, foot_from, l->n);
}

/* ---- writing ---- */

static int
same_list(const struct strs *a, const struct jb_strlist *b)
{
	size_t	 i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

/* Front-matter keys of the distribution lines, in enum jb_dist order. */
static const char *const dist_keys[JB_DIST__MAX] = { "报", "送", "发" };

static void
front(const struct legacy *l, const struct jb_series *s, struct fmw *w)
{
	char	 iso[16], num[32];
	size_t	 i, j;
	int	 m, differ = 0;

	if (l->kind != NULL)
		fmw_str(w, FMW_ROOT, "刊别", l->kind->name);
	if (l->issue_last > l->issue) {
		snprintf(num, sizeof(num), "%d-%d", l->issue, l->issue_last);
		fmw_str(w, FMW_ROOT, "期号", num);
	} else
		fmw_int(w, FMW_ROOT, "期号", l->issue);
	if (l->total > 0 && l->total_last > l->total) {
		snprintf(num, sizeof(num), "%d-%d", l->total, l->total_last);
		fmw_str(w, FMW_ROOT, "总期号", num);
	} else if (l->total > 0)
		fmw_int(w, FMW_ROOT, "总期号", l->total);
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", l->date.year,
	    l->date.month, l->date.day);
	fmw_str(w, FMW_ROOT, "日期", iso);
	if (l->org != NULL && strcmp(l->org, s->org) != 0)
		fmw_str(w, FMW_ROOT, "编印单位", l->org);
	if (l->classification != NULL)
		fmw_str(w, FMW_ROOT, "密级", l->classification);
	else if (s->classification != NULL)
		fmw_str(w, FMW_ROOT, "密级", "无");
	if (l->copies > 0)
		fmw_int(w, FMW_ROOT, "共印", l->copies);
	for (i = 0; i < JB_DIST__MAX; i++)
		differ |= !same_list(&l->dist[i], &s->dist[i]);
	if (l->have_dist && differ) {
		m = fmw_map(w, FMW_ROOT, "分送");
		/* every line the series prints, emptied when the issue had none */
		for (i = 0; i < JB_DIST__MAX; i++)
			if (l->dist[i].n > 0 || s->dist[i].n > 0)
				fmw_list(w, m, dist_keys[i],
				    (const char *const *)l->dist[i].v, l->dist[i].n);
	}
	if (l->roles.n > 0) {
		m = fmw_map(w, FMW_ROOT, "署名");
		for (i = 0; i < l->roles.n; i++)
			fmw_str(w, m, l->roles.v[i], l->names.v[i]);
		for (i = 0; i < s->credits.n; i++) {
			for (j = 0; j < l->roles.n; j++)
				if (strcmp(s->credits.v[i].role, l->roles.v[j]) == 0)
					break;
			if (j == l->roles.n)
				fmw_str(w, m, s->credits.v[i].role, "");
		}
	}
}

/* The issue file as text; NULL after reporting what is missing. */
static char *
render(struct legacy *l, const struct jb_series *s, const char *name)
{
	struct fmw	*w;
	struct jb_pos	 pos = { l->path, 0, 0 };
	char		*p;
	size_t		 i, n;
	FILE		*fp;
	int		 ok;

	if (l->issue == 0)
		msg(MSG_IMPORT_NO_ISSUE, &pos);
	if (l->date.year == 0 && l->printed.year != 0)
		l->date = l->printed;
	if (l->date.year == 0)
		msg(MSG_IMPORT_NO_DATE, &pos);
	if (l->issue == 0 || l->date.year == 0)
		return NULL;
	if (l->printed.year != 0 && (l->printed.year != l->date.year ||
	    l->printed.month != l->date.month || l->printed.day != l->date.day)) {
		char	*a = g_strdup_printf("%d年%d月%d日", l->printed.year,
		    l->printed.month, l->printed.day);
		char	*b = g_strdup_printf("%d年%d月%d日", l->date.year,
		    l->date.month, l->date.day);

		pos.line = l->printed_line;
		pos.col = 1;
		msg(MSG_IMPORT_PRINT_DATE, &pos, a, b);
		pos.col = 0;
		g_free(a);
		g_free(b);
		pos.line = 0;
	}
	if (l->name != NULL && strcmp(l->name, s->name) != 0) {
		pos.line = l->name_line;
		pos.col = col_of(l->lines[pos.line - 1],
		    skip_space(l->lines[pos.line - 1]));
		msg(MSG_IMPORT_NAME, &pos, l->name, s->name);
		pos.line = pos.col = 0;
	}
	if (!l->have_dist)
		msg(MSG_IMPORT_NO_DIST, &pos);
	if (l->roles.n == 0)
		msg(MSG_IMPORT_NO_CREDITS, &pos);

	if ((fp = open_memstream(&p, &n)) == NULL) {
		msg(MSG_WRITE, NULL, name, msg_strerror(errno));
		return NULL;
	}
	w = fmw_new();
	front(l, s, w);
	ok = fmw_write(w, fp, name) == 0;
	for (i = 0; ok && i < l->nb; i++)
		fprintf(fp, "\n%s\n", l->b[i].text.data ? l->b[i].text.data : "");
	fmw_free(w);
	/* the memory stream's buffer is only valid once it is closed */
	if (fclose(fp) != 0)
		ok = 0;
	if (ok)
		return p;
	free(p);
	return NULL;
}

static void
legacy_free(struct legacy *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->lines[i]);
	free(l->lines);
	free(l->name);
	free(l->org);
	free(l->classification);
	for (i = 0; i < l->nb; i++)
		buf_free(&l->b[i].text);
	free(l->b);
	for (i = 0; i < JB_DIST__MAX; i++)
		strs_free(&l->dist[i]);
	strs_free(&l->roles);
	strs_free(&l->names);
}

int
imp_main(const char *series, const char *in, const char *out)
{
	struct legacy		 l;
	struct jb_series	*s = NULL;
	struct jb_doc		*d = NULL;
	struct outfile		*o;
	char			*path = NULL, *text = NULL;
	int			 rc = 1;

	memset(&l, 0, sizeof(l));
	l.path = in;
	if ((s = series_load(series)) == NULL)
		return 2;
	l.series = s;
	if (read_lines(&l) == -1)
		goto out;
	sections(&l);
	if (out == NULL)
		out = path = iss_path(l.date.year ? l.date.year :
		    l.printed.year, l.kind ? l.kind->prefix : NULL, l.issue);
	if ((text = render(&l, s, out)) == NULL)
		goto out;
	/* What the editor gets must build: parse it as build would. */
	if ((d = doc_parse(out, text, strlen(text), s)) == NULL)
		goto out;
	if (path != NULL && access(path, F_OK) == 0) {
		msg(MSG_NEW_EXISTS, NULL, path);
		goto out;
	}
	if ((o = outfile_open(out)) == NULL)
		goto out;
	fputs(text, outfile_fp(o));
	if (outfile_commit(o) == -1)
		goto out;
	puts(out);
	rc = 0;
out:
	doc_free(d);
	free(text);
	free(path);
	legacy_free(&l);
	series_free(s);
	return rc;
}
