/* import.c -- `jianbao import`: masthead, 目录, body and footer of submitted articles and past issues into an issue file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "docxin.h"
#include "document.h"
#include "encoding.h"
#include "fmwrite.h"
#include "frontmatter.h"
#include "image.h"
#include "import.h"
#include "infile.h"
#include "issues.h"
#include "mem.h"
#include "msg.h"
#include "new.h"
#include "outfile.h"
#include "source.h"

enum ikind {
	I_HEAD,				/* # heading line, kept as written */
	I_PARA,				/* paragraph; lines joined by \n */
	I_LIST,				/* - or 1. list, kept as written */
	I_RAW				/* table or picture, kept as written */
};

struct iblock {
	enum ikind	 kind;
	struct buf	 text;
	int		 line;		/* first input line */
	int		 last;		/* last input line */
	int		 lastcol;	/* column of the last character there */
	int		 kept;		/* unclassified text kept as a paragraph (1),
					   a title to be (2): never joined */
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
	int		  linemode;	/* a line is a paragraph (Word, unwrapped text) */
	long		  wrap;		/* text copied from a PDF: its line width, or 0 */
	int		  has_mast;	/* the text starts with a masthead */
	int		  into;		/* appended to an issue: front matter stays */
	struct docxin	  docx;		/* a Word file's pictures */
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
	struct iblock	*left;		/* unclassified lines of masthead, footer */
	size_t		 nleft;
	/* footer */
	struct strs	 dist[JB_DIST__MAX];
	int		 have_dist;
	struct strs	 roles, names;
	int		 copies;
	struct jb_date	 printed;
	struct buf	 note;		/* 编者按, its paragraphs apart by a blank line */
	int		 in_note;
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

static struct jb_pos
line_pos(const struct legacy *l, int line)
{
	struct jb_pos	 pos;
	const char	*s = l->lines[line - 1];

	pos.file = l->path;
	pos.line = line;
	pos.col = col_of(s, skip_space(s));
	return pos;
}

/* Text with no place in the issue stays, as a paragraph after the body. */
static void
unmapped(struct legacy *l, int line, const char *what)
{
	struct jb_pos	 pos = line_pos(l, line);
	struct iblock	*b;

	msg(MSG_IMPORT_UNMAPPED, &pos, what, "作为段落保留在正文末尾，请核对");
	l->left = xrealloc(l->left, (l->nleft + 1) * sizeof(*b));
	b = &l->left[l->nleft++];
	memset(b, 0, sizeof(*b));
	b->kind = I_PARA;
	b->line = b->last = line;
	b->kept = 1;
	buf_puts(&b->text, what);
}

/* A masthead or footer line that went into front matter. */
static void
moved(const struct legacy *l, int line, const char *part)
{
	struct jb_pos	 pos = line_pos(l, line);
	char		*t = trim(l->lines[line - 1]);

	msg(MSG_IMPORT_MOVED, &pos, part, t, l->into ?
	    "未用（追加到已有的一期，期次信息保持原样）" : "已写入期次信息");
	free(t);
}

static void
masthead_line(struct legacy *l, const char *t, int ln)
{
	const char	*a, *b;
	struct jb_date	 d;
	char		*org;
	int		 n, used = 0;

	/* 编者按：… and the paragraphs after it, up to the body */
	if (starts(t, "编者按：") || starts(t, "编者按:") || starts(t, "編者按：") ||
	    starts(t, "編者按:")) {
		l->in_note = 1;
		t += strlen("编者按");
		t = skip_space(starts(t, "：") ? t + strlen("：") : t + 1);
	}
	if (l->in_note) {
		if (l->note.len > 0)
			buf_puts(&l->note, "\n\n");
		buf_puts(&l->note, t);
		moved(l, ln, "编者按");
		return;
	}
	if (starts(t, "#")) {
		/* a heading names the bulletin, unless it holds a number
		 * or a date (a Word file's masthead lines read as headings) */
		t = skip_space(t + strspn(t, "#"));
		if (find_issue(t, &n) == 0 && find_total(t, &n) == 0 &&
		    find_date(t, &d, &a, &b) == -1) {
			free(l->name);
			l->name = trim(t);
			l->name_line = ln;
			moved(l, ln, "报头");
			return;
		}
	}
	if (l->kind == NULL && (l->kind = kind_line(l, t)) != NULL) {
		moved(l, ln, "报头");
		return;
	}
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
		moved(l, ln, "报头");
		return;
	}
	if (used) {
		moved(l, ln, "报头");
		return;
	}
	if (strstr(t, "内部") != NULL || strstr(t, "注意保存") != NULL ||
	    strstr(t, "秘密") != NULL || strstr(t, "机密") != NULL) {
		free(l->classification);
		l->classification = xstrdup(t);
		moved(l, ln, "报头");
	} else if (l->name == NULL && l->org == NULL && l->issue == 0) {
		l->name = xstrdup(t);
		l->name_line = ln;
		moved(l, ln, "报头");
	} else if (l->org == NULL && strstr(t, "：") == NULL &&
	    strchr(t, ':') == NULL) {
		l->org = xstrdup(t);	/* 电话：… and the like are no 编印单位 */
		moved(l, ln, "报头");
	} else
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

/* The kind of the last distribution dist_lines() read, for a list going
 * on in the next line. */
static int	 dist_last;

/*
 * 报：… 送：… 发：… on one line (a 报尾 set in one table cell): each
 * label's list apart.  t starts with label k, n bytes long.
 */
static void
dist_lines(struct legacy *l, const char *t, int k, size_t n)
{
	const char	*p, *next;
	char		*part;
	size_t		 m = 0;
	int		 kk = -1;

	for (;;) {
		/* the next label after a blank */
		for (next = NULL, p = t + n; *p; p++)
			if (*p == ' ' && (kk = dist_label(skip_space(p), &m)) >= 0) {
				next = p;
				break;
			}
		part = xstrndup(t + n, next ? (size_t)(next - t - n) : strlen(t + n));
		dist_items(&l->dist[k], part);
		free(part);
		dist_last = k;
		if (next == NULL)
			break;
		t = skip_space(next);
		k = kk;
		n = m;
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
			dist_lines(l, t, k, n);
			l->have_dist = 1;
			cont = dist_last;
			moved(l, (int)i + 1, "报尾");
		} else if (credits_line(l, t) || copies_line(l, t)) {
			cont = -1;
			moved(l, (int)i + 1, "报尾");
		} else if ((strstr(t, "印发") != NULL || strstr(t, "印發") != NULL) &&
		    find_date(t, &d, &a, &b) == 0) {
			l->printed = d;
			l->printed_line = (int)i + 1;
			org = trimn(t, (size_t)(a - t));
			if (*org != '\0' && l->org != NULL &&
			    strcmp(org, l->org) != 0)
				unmapped(l, (int)i + 1, org);
			else
				moved(l, (int)i + 1, "报尾");
			free(org);
			cont = -1;
		} else if (cont >= 0) {
			/* a distribution list goes on on the next line */
			dist_items(&l->dist[cont], t);
			moved(l, (int)i + 1, "报尾");
		} else if ((l->org == NULL || strcmp(t, l->org) != 0) &&
		    (i + 1 >= to || find_date(l->lines[i + 1], &d, &a, &b) != 0 ||
		    strstr(l->lines[i + 1], "印发") == NULL))
			unmapped(l, (int)i + 1, t);
		else	/* 编印单位 alone above its 印发 line */
			moved(l, (int)i + 1, "报尾");
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

/* ---- shapes of unmarked text ---- */

/* A photo credit or caption: 图为…, （唐晓 摄）, 唐晓　摄. */
static int
credit(const char *t)
{
	return starts(t, "图为") || starts(t, "圖為") || starts(t, "图：") ||
	    ends(t, "摄") || ends(t, "摄）") || ends(t, "攝") ||
	    ends(t, "攝）") || ends(t, "摄)") || ends(t, "供图") ||
	    ends(t, "供图）");
}

static int
byline(const char *t)
{
	return (starts(t, "（") && ends(t, "）")) ||
	    (starts(t, "(") && ends(t, ")"));
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
static int
section_level(const char *t)
{
	const char	*p = t;
	int		 paren = 0;

	if (starts(p, "（") || *p == '(') {
		paren = 1;
		p = *p == '(' ? p + 1 : p + strlen("（");
	}
	if (cn_numeral(g_utf8_get_char(p))) {
		while (cn_numeral(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		if (paren)
			return starts(p, "）") || *p == ')' ? 2 : 0;
		return starts(p, "、") ? 1 : 0;
	}
	if (paren || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return starts(p, "、") || starts(p, "．") ? 3 : 0;
}

/*
 * A line that can be a title: one line of at most 30 characters, not a
 * sentence (no 。 or ； in it, no closing comma or colon), not a byline,
 * a credit, a 本报讯 lead, a subtitle or a ★ item.
 */
static int
title_like(const char *t)
{
	const char	*after;
	gunichar	 c = last_char(t);

	if (strchr(t, '\n') != NULL || g_utf8_strlen(t, -1) > 30 || *t == '\0')
		return 0;
	if (strstr(t, "。") != NULL || strstr(t, "；") != NULL ||
	    g_utf8_strchr("，、：；。！？…,.;:!?", -1, c) != NULL)
		return 0;
	return !byline(t) && !credit(t) && !starts(t, "本报讯") &&
	    !starts(t, "本報訊") && !starts(t, "——") && !item_marker(t, &after) &&
	    !starts(t, "|") && !starts(t, "![");
}

/* A short line above a title: a place (播州区) or one ending in ——. */
static int
kicker_like(const char *t)
{
	const char	*p;

	if (!title_like(t) || g_utf8_strlen(t, -1) > 12)
		return 0;
	if (ends(t, "——"))
		return 1;
	for (p = t; *p; p = g_utf8_next_char(p))
		if (g_unichar_ispunct(g_utf8_get_char(p)) ||
		    g_unichar_isspace(g_utf8_get_char(p)))
			return 0;
	return ends(t, "区") || ends(t, "县") || ends(t, "市") ||
	    ends(t, "镇") || ends(t, "乡") || ends(t, "街道") ||
	    ends(t, "社区") || ends(t, "村") || ends(t, "區") ||
	    ends(t, "縣") || ends(t, "鎮") || ends(t, "鄉");
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
	return !title_like(t) || starts(t, "本报讯") || starts(t, "本報訊") ||
	    starts(t, "——") || section_level(t) > 0;
}

/* A paragraph that ends where a sentence does, or a byline, a credit. */
static int
ends_whole(const struct iblock *b)
{
	const char	*t = b->text.data;

	return b->kind != I_PARA || byline(t) || credit(t) ||
	    doc_is_terminal(last_char(t));
}

static void
make_heading(struct iblock *b, const char *marks)
{
	char	*t = g_strdup_printf("%s %s", marks, b->text.data);

	buf_free(&b->text);
	buf_puts(&b->text, t);
	g_free(t);
	b->kind = I_HEAD;
}

/*
 * Text without a single # heading: titles are the short lines that
 * start it or stand before a report (with a place name above them as
 * their kicker), 一、 and （一） lines its sections.
 */
static void
guess_titles(struct legacy *l, size_t from)
{
	struct iblock	*b, *next;
	size_t		 i;
	int		 lv, after_title = 0;

	for (i = from; i < l->nb; i++) {
		b = &l->b[i];
		next = i + 1 < l->nb ? &l->b[i + 1] : NULL;
		if (b->kind != I_PARA) {
			after_title = 0;
			continue;
		}
		lv = section_level(b->text.data);
		if ((lv == 1 || lv == 2) && title_like(b->text.data)) {
			make_heading(b, lv == 1 ? "###" : "####");
			after_title = 0;
			continue;
		}
		if (lv > 0 || !title_like(b->text.data) || after_title ||
		    (i > from && !ends_whole(&l->b[i - 1]))) {
			after_title = 0;
			continue;
		}
		if (next != NULL && next->kind == I_PARA && kicker_like(b->text.data) &&
		    title_like(next->text.data) && section_level(next->text.data) == 0 &&
		    body_like(i + 2 < l->nb ? &l->b[i + 2] : NULL)) {
			/* 播州区 above its title: the parser reads it as the kicker */
			make_heading(next, "##");
			i++;
			after_title = 1;
			continue;
		}
		if ((next != NULL && body_like(next)) || (i == from && next != NULL)) {
			make_heading(b, "##");
			after_title = 1;
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
	if (g_utf8_strlen(s, -1) < 10 || starts(s, "——") ||
	    (starts(s, "**") && ends(s, "**") && strstr(s + 2, "**") == s + n - 2))
		return 0;
	/* a 本报讯 lead or a subtitle starts a paragraph of its own */
	if (doc_is_terminal(last_char(s)) || item_marker(t, &after) ||
	    (starts(t, "（") && ends(t, "）")) || starts(t, "本报讯") ||
	    starts(t, "本報訊") || starts(t, "——"))
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

/* — 3 —, - 3 -, 第3页: a page number a PDF copy leaves alone on a line. */
static int
page_number(const char *t)
{
	const char	*p = t;
	int		 dash = 0, digits = 0;

	if (starts(p, "第")) {
		p += strlen("第");
		while (*p >= '0' && *p <= '9') {
			p++;
			digits++;
		}
		return digits > 0 && digits < 5 && strcmp(p, "页") == 0;
	}
	while (*p == '-' || starts(p, "—") || starts(p, "–") || *p == ' ') {
		dash += *p != ' ';
		p += *p == '-' || *p == ' ' ? 1 : strlen("—");
	}
	while (*p >= '0' && *p <= '9') {
		p++;
		digits++;
	}
	if (dash == 0 || digits == 0 || digits > 4)
		return 0;
	while (*p == '-' || starts(p, "—") || starts(p, "–") || *p == ' ')
		p += *p == '-' || *p == ' ' ? 1 : strlen("—");
	return *p == '\0';
}

static int
raw_line(const char *t)
{
	return starts(t, "|") || starts(t, "![");
}

static void
body(struct legacy *l, size_t from, size_t to)
{
	struct iblock	*cur = NULL;
	const char	*raw, *t, *after, *prev = NULL;
	char		*h, *item;
	size_t		 i, first = l->nb;
	int		 briefs = 0, ln, heads = 0;

	for (i = from; i < to; prev = raw, i++) {
		raw = l->lines[i];
		ln = (int)i + 1;
		t = skip_space(raw);
		if (*t == '\0' || thematic(t)) {
			cur = NULL;
			continue;
		}
		if (page_number(t)) {
			/* the paragraph around it goes on, as a page break */
			msg(MSG_IMPORT_PAGE, &(struct jb_pos){ l->path, ln,
			    col_of(raw, t) }, t);
			raw = prev;
			continue;
		}
		if (*t == '#') {
			h = heading(t);
			cur = add_block(l, I_HEAD, ln);
			block_line(cur, h, raw, ln);
			briefs = ends(h, "简讯") || ends(h, "簡訊");
			g_free(h);
			cur = NULL;
			heads++;
		} else if (raw_line(t)) {
			/* table rows stay together, a picture is a block */
			if (cur == NULL || cur->kind != I_RAW || starts(t, "![") ||
			    starts(cur->text.data, "!["))
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
			/* a line as wide as the page went on in the next */
			if (cur == NULL || cur->kind != I_PARA || (l->linemode &&
			    !(l->wrap > 0 && t == raw && prev != NULL &&
			    g_utf8_strlen(skip_space(prev), -1) >= l->wrap - 1 &&
			    !doc_is_terminal(last_char(prev)))))
				cur = add_block(l, I_PARA, ln);
			block_line(cur, t, raw, ln);
		}
	}
	if (heads == 0)
		guess_titles(l, first);
	/*
	 * A Word paragraph is a paragraph: page breaks split only text
	 * copied from a PDF.  Neither is a title before the first heading.
	 */
	if (l->docx.text.data == NULL) {
		if (first < l->nb && l->b[first].kind == I_PARA &&
		    title_like(l->b[first].text.data))
			l->b[first].kept = 2;
		rejoin(l);
		if (first < l->nb && l->b[first].kept == 2)
			l->b[first].kept = 0;
	}
}

/* ---- reading ---- */

/*
 * Text copied from a PDF has its lines broken where the page broke them:
 * many lines of one width (within a character).  That width, or 0.
 */
static void
find_wrap(struct legacy *l)
{
	long	 count[128] = { 0 }, n, best = 0, lines = 0;
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		n = g_utf8_strlen(skip_space(l->lines[i]), -1);
		if (n == 0)
			continue;
		lines++;
		if (n >= 16 && n < 127)
			count[n]++;
	}
	for (n = 17; n < 126; n++)
		if (count[n - 1] + count[n] + count[n + 1] >
		    count[best - 1 > 0 ? best - 1 : 0] + count[best] + count[best + 1])
			best = n;
	n = best ? count[best - 1] + count[best] + count[best + 1] : 0;
	if (n >= 4 && n * 10 >= lines * 3)
		l->wrap = best;
}

static void
split_lines(struct legacy *l, const char *s)
{
	const char	*p, *e;
	size_t		 n;
	int		 blank = 0;

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
		blank += *skip_space(l->lines[l->n]) == '\0';
		l->n++;
	}
	/*
	 * Text copied from Word has a paragraph a line and no blank lines
	 * between them; a Markdown-like text has them, and its lines run on.
	 */
	if (l->n > 4 && (size_t)blank * 4 < l->n)
		l->linemode = 1;
	find_wrap(l);
}

/* Read the file: text in any of its encodings, or a Word file. */
static int
read_input(struct legacy *l)
{
	struct buf	 raw = { 0 }, text = { 0 }, conv = { 0 };
	int		 rc = -1;

	if (infile_read(l->path, NULL, NULL, DOCXIN_MAX_FILE, &raw) == -1)
		goto out;
	if (docxin_is_ole(raw.data, raw.len)) {
		if (docxin_from_ole(l->path, raw.data, raw.len, &conv) == -1)
			goto out;
		buf_free(&raw);
		raw = conv;
		memset(&conv, 0, sizeof(conv));
	}
	if (!docxin_is_zip(raw.data, raw.len) && strlen(l->path) > 5 &&
	    g_ascii_strcasecmp(l->path + strlen(l->path) - 5, ".docx") == 0) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ l->path, 0, 0 },
		    "文件不是 ZIP 压缩包");
		goto out;
	}
	if (docxin_is_zip(raw.data, raw.len)) {
		if (docxin_read(l->path, raw.data, raw.len, &l->docx) == -1)
			goto out;
		split_lines(l, l->docx.text.data ? l->docx.text.data : "");
		l->linemode = 1;
		rc = 0;
		goto out;
	}
	if (raw.len > DOC_MAX_BYTES) {
		struct jb_pos	 pos = { l->path, 0, 0 };

		msg(MSG_TOO_LARGE, &pos, "8 MiB");
		goto out;
	}
	if (enc_to_utf8(l->path, raw.data ? raw.data : "", raw.len, &text) == -1)
		goto out;
	split_lines(l, text.data ? text.data : "");
	rc = 0;
out:
	buf_free(&raw);
	buf_free(&text);
	buf_free(&conv);
	return rc;
}

/*
 * A masthead line: 第N期 with little else (not 第3期培训班 in a sentence),
 * or the series name.
 */
static int
masthead_mark(const struct legacy *l, const char *t)
{
	const char	*name = starts(t, "#") ? skip_space(t + strspn(t, "#")) : t;

	if (strcmp(name, l->series->name) == 0)
		return 1;
	int		 last;

	return find_issue(t, &last) > 0 && g_utf8_strlen(t, -1) <= 24 &&
	    strstr(t, "，") == NULL && strstr(t, "。") == NULL;
}

/* The cells of a pipe-table row, unescaped, one blank apart; NULL for
 * the delimiter row. */
static char *
row_text(const char *t)
{
	struct buf	 b = { 0 };
	const char	*p;
	char		*cell, *r;
	int		 delim = 1;

	for (p = t; *p; p++)
		if (*p != '|' && *p != '-' && *p != ':' && *p != ' ')
			delim = 0;
	if (delim)
		return NULL;
	buf_put(&b, "", 0);
	for (p = t; *p == '|'; p++)
		;
	while (*p) {
		const char	*q = p;

		while (*q && !(*q == '|' && q[-1] != '\\'))
			q++;
		cell = trimn(p, (size_t)(q - p));
		if (*cell != '\0') {
			if (b.len > 0)
				buf_puts(&b, " ");
			for (r = cell; *r; r++)
				if (!(*r == '\\' && r[1] == '|'))
					buf_put(&b, r, 1);
		}
		free(cell);
		p = *q ? q + 1 : q;
	}
	return b.data;
}

/*
 * A 报尾 set as a table (Word 公文 templates, jianbao's own Word edition):
 * its rows back to lines, so that the footer reads them.
 */
static void
untable_footer(struct legacy *l, size_t from)
{
	size_t	 i, j, k;
	char	*t;
	int	 foot;

	for (i = from; i < l->n; i = j) {
		for (j = i; j < l->n && starts(skip_space(l->lines[j]), "|"); j++)
			;
		if (j == i) {
			j++;
			continue;
		}
		for (foot = 0, k = i; k < j && !foot; k++) {
			t = row_text(skip_space(l->lines[k]));
			foot = t != NULL && footer_start(t);
			free(t);
		}
		for (k = i; foot && k < j; k++) {
			t = row_text(skip_space(l->lines[k]));
			free(l->lines[k]);
			l->lines[k] = t ? t : xstrdup("");
		}
	}
}

/* Sort the lines into masthead, 目录, body and footer. */
static void
sections(struct legacy *l)
{
	enum section	 st = S_MAST;
	const char	*t;
	size_t		 i, body_from = l->n, foot_from = l->n, seen = 0;
	int		 toc_item = 0;

	/* Submitted articles have no masthead: all of it is body. */
	for (i = 0; i < l->n && seen < 12; i++) {
		t = skip_space(l->lines[i]);
		if (*t == '\0')
			continue;
		/* a Word file's masthead reads as a heading, by its size */
		if ((starts(t, "## ") || starts(t, "### ")) && !masthead_mark(l, t))
			break;
		seen++;
		if (masthead_mark(l, t)) {
			l->has_mast = 1;
			break;
		}
	}
	if (!l->has_mast)
		body_from = 0;
	for (i = 0; l->has_mast && i < l->n && st != S_BODY; i++) {
		t = skip_space(l->lines[i]);
		if (*t == '\0') {
			toc_item = 0;
			continue;
		}
		if ((starts(t, "## ") || starts(t, "### ")) && !masthead_mark(l, t)) {
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
			msg(MSG_IMPORT_TOC, &(struct jb_pos){ l->path, (int)i + 1,
			    col_of(l->lines[i], t) }, t);
			continue;
		}
		if (st == S_TOC) {
			if (toc_item) {
				/* an item running on */
				msg(MSG_IMPORT_TOC, &(struct jb_pos){ l->path,
				    (int)i + 1, col_of(l->lines[i], t) }, t);
				continue;
			}
			body_from = i;	/* a kicker before the first title */
			break;
		}
		masthead_line(l, t, (int)i + 1);
	}
	untable_footer(l, body_from);
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
front(const struct legacy *l, const struct jb_series *s, struct fmw *w,
    enum jb_lang lang)
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
	if (lang != s->lang)
		fmw_str(w, FMW_ROOT, "语言", lang == JB_LANG_HANT ? "zh-Hant" :
		    "zh-Hans");
	if (l->org != NULL && strcmp(l->org, s->org) != 0)
		fmw_str(w, FMW_ROOT, "编印单位", l->org);
	if (l->note.len > 0)
		fmw_str(w, FMW_ROOT, "编者按", l->note.data);
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

/*
 * Simplified or Traditional: characters that differ between the two
 * forms and are common in reports, counted on either side.
 */
static enum jb_lang
guess_lang(const struct legacy *l, size_t n, enum jb_lang dflt)
{
	static const char hans[] = "这们个会为区国动发与说对时实业东经进过开关学问们来还现机设务员长门见间点总组织网站处广场讯报";
	static const char hant[] = "這們個會為區國動發與說對時實業東經進過開關學問們來還現機設務員長門見間點總組織網站處廣場訊報";
	const char	*p;
	size_t		 i, k;
	long		 a = 0, b = 0;
	gunichar	 c;

	for (k = 0; k < n; k++)
		for (i = 0; i < l[k].nb; i++)
			for (p = l[k].b[i].text.data; p && *p;
			    p = g_utf8_next_char(p)) {
				c = g_utf8_get_char(p);
				if (c < 0x4E00)
					continue;
				if (g_utf8_strchr(hans, -1, c) != NULL &&
				    g_utf8_strchr(hant, -1, c) == NULL)
					a++;
				else if (g_utf8_strchr(hant, -1, c) != NULL &&
				    g_utf8_strchr(hans, -1, c) == NULL)
					b++;
			}
	if (a + b < 5)
		return dflt;
	return b > a ? JB_LANG_HANT : JB_LANG_HANS;
}

static void
insert_block(struct legacy *l, size_t at, enum ikind k, const char *text,
    int line)
{
	struct iblock	*b;

	l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*b));
	memmove(l->b + at + 1, l->b + at, (l->nb - at) * sizeof(*b));
	l->nb++;
	b = &l->b[at];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->line = b->last = line;
	buf_puts(&b->text, text);
}

/*
 * Every paragraph of a file in an article: # titles move down to ##, a
 * first paragraph that looks like a title becomes one, other text before
 * the first title gets a title to fill in; the unclassified lines come
 * last.
 */
static void
fixup(struct legacy *l, enum jb_lang lang)
{
	const char	*title = lang == JB_LANG_HANT ? "（標題待定）" : "（标题待定）";
	struct jb_pos	 pos = { l->path, 0, 0 };
	size_t		 i, h, lv, min = 7;
	char		*t;

	for (i = 0; i < l->nb; i++)
		if (l->b[i].kind == I_HEAD &&
		    (lv = strspn(l->b[i].text.data, "#")) < min)
			min = lv;
	for (i = 0; min == 1 && i < l->nb; i++)
		if (l->b[i].kind == I_HEAD &&
		    strspn(l->b[i].text.data, "#") < 6) {
			t = g_strdup_printf("#%s", l->b[i].text.data);
			buf_free(&l->b[i].text);
			buf_puts(&l->b[i].text, t);
			g_free(t);
		}
	/*
	 * No ## but ### titles (a Word file's masthead took the top rank):
	 * one level up, unless the top ones are sections (一、 （一）).
	 */
	for (i = 0; min > 2 && min < 7 && i < l->nb; i++)
		if (l->b[i].kind == I_HEAD && strspn(l->b[i].text.data, "#") == min)
			break;
	if (min > 2 && min < 7 && i < l->nb &&
	    section_level(skip_space(l->b[i].text.data + min)) == 0)
		for (i = 0; i < l->nb; i++)
			if (l->b[i].kind == I_HEAD) {
				memmove(l->b[i].text.data, l->b[i].text.data + 1,
				    l->b[i].text.len);
				l->b[i].text.len--;
			}
	for (i = 0; i < l->nleft; i++) {
		l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*l->b));
		l->b[l->nb++] = l->left[i];
	}
	l->nleft = 0;
	for (h = 0; h < l->nb && l->b[h].kind != I_HEAD; h++)
		;
	if (h == 0 || l->nb == 0)
		return;
	/* a kicker right above the first title */
	if (h == 1 && h < l->nb && l->b[0].kind == I_PARA &&
	    kicker_like(l->b[0].text.data))
		return;
	if (l->b[0].kind == I_PARA && title_like(l->b[0].text.data) &&
	    !l->b[0].kept) {
		make_heading(&l->b[0], "##");
		return;
	}
	pos.line = l->b[0].line;
	pos.col = 1;
	msg(MSG_IMPORT_NO_TITLE, &pos, title);
	t = g_strdup_printf("## %s", title);
	insert_block(l, 0, I_HEAD, t, l->b[0].line);
	g_free(t);
}

/* One import: its files, what it writes. */
struct run {
	const struct imp_opts	*o;
	struct jb_series	*s;
	struct legacy		*f;
	size_t			 nf;
	struct legacy		*mast;	/* whose masthead, or NULL */
	enum jb_lang		 lang;
	char			*path;	/* the issue file written */
	char			**pics;	/* picture files written, for undoing */
	size_t			 npics;
	char			**names; /* their names as the text gives them */
	int			 made_dir; /* images/ did not exist before */
};

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/*
 * Names of jianbao's choosing for the pictures, images/STEM-K.EXT beside
 * the issue: never a name the Word file gave, never an existing file.
 */
static void
name_pictures(struct run *r)
{
	const char	*slash = strrchr(r->path, '/');
	char		*dir, *stem, *dot, *name, *file;
	size_t		 i, k, total = 0;
	int		 seq = 1;

	for (i = 0; i < r->nf; i++)
		total += r->f[i].docx.npics;
	if (total == 0)
		return;
	dir = slash ? xstrndup(r->path, (size_t)(slash - r->path + 1)) :
	    xstrdup("");
	stem = xstrdup(slash ? slash + 1 : r->path);
	if ((dot = strrchr(stem, '.')) != NULL && dot != stem)
		*dot = '\0';
	r->pics = xcalloc(total + 1, sizeof(char *));
	r->names = xcalloc(total + 1, sizeof(char *));
	for (i = 0; i < r->nf; i++)
		for (k = 0; k < r->f[i].docx.npics; k++) {
			for (;; seq++) {
				name = g_strdup_printf("images/%s-%d.%s", stem,
				    seq, r->f[i].docx.pics[k].ext);
				file = g_strdup_printf("%s%s", dir, name);
				/* --force replaces an earlier import's pictures too;
				 * appending keeps the issue's own */
				if (!exists(file) || (r->o->force && r->o->into == NULL))
					break;
				g_free(name);
				g_free(file);
			}
			seq++;
			r->names[r->npics] = xstrdup(name);
			r->pics[r->npics++] = xstrdup(file);
			g_free(name);
			g_free(file);
		}
	free(dir);
	free(stem);
}

/* A block's text with jianbao-pic:N turned into its picture's name. */
static void
put_block(struct buf *b, const char *t, const char *const *names,
    size_t base)
{
	const char	*p;
	char		*end;
	unsigned long	 k;

	while ((p = strstr(t, "jianbao-pic:")) != NULL) {
		buf_put(b, t, (size_t)(p - t));
		k = strtoul(p + strlen("jianbao-pic:"), &end, 10);
		buf_puts(b, names != NULL ? names[base + k] : "");
		t = end;
	}
	buf_puts(b, t);
}

static void
put_body(struct run *r, struct buf *b)
{
	size_t	 i, k, base = 0;

	for (i = 0; i < r->nf; i++) {
		for (k = 0; k < r->f[i].nb; k++) {
			buf_puts(b, "\n");
			put_block(b, r->f[i].b[k].text.data ?
			    r->f[i].b[k].text.data : "",
			    (const char *const *)r->names, base);
			buf_puts(b, "\n");
		}
		base += r->f[i].docx.npics;
	}
}

/* The masthead's warnings: what it said that the series prints otherwise. */
static void
masthead_notes(struct legacy *l)
{
	struct jb_pos	 pos = { l->path, 0, 0 };
	const struct jb_series *s = l->series;

	if (l->printed.year != 0 && l->date.year != 0 &&
	    (l->printed.year != l->date.year ||
	    l->printed.month != l->date.month || l->printed.day != l->date.day)) {
		char	*a = g_strdup_printf("%d年%d月%d日", l->printed.year,
		    l->printed.month, l->printed.day);
		char	*b = g_strdup_printf("%d年%d月%d日", l->date.year,
		    l->date.month, l->date.day);

		pos.line = l->printed_line;
		pos.col = 1;
		msg(MSG_IMPORT_PRINT_DATE, &pos, a, b);
		pos.line = pos.col = 0;
		g_free(a);
		g_free(b);
	}
	if (l->name != NULL && strcmp(l->name, s->name) != 0) {
		pos = line_pos(l, l->name_line);
		msg(MSG_IMPORT_NAME, &pos, l->name, s->name);
		pos.line = pos.col = 0;
	}
	if (!l->have_dist)
		msg(MSG_IMPORT_NO_DIST, &pos);
	if (l->roles.n == 0)
		msg(MSG_IMPORT_NO_CREDITS, &pos);
}

/*
 * 期号 and 日期: the options, else the masthead, else new's rule with a
 * warning.  Then the front matter and body into b.
 */
static int
new_issue(struct run *r, struct buf *b)
{
	struct legacy	*m = r->mast ? r->mast : &r->f[0];
	struct jb_date	 d = { 0, 0, 0 };
	struct fmw	*w;
	struct jb_pos	 pos = { r->f[0].path, 0, 0 };
	char		*p = NULL, iso[16];
	size_t		 n;
	FILE		*fp;
	int		 issue = 0, next, total = 0, guessed = 0, ok;

	if (r->o->date != NULL)
		fm_parse_date(r->o->date, &d);
	else if (r->mast != NULL && r->mast->date.year != 0)
		d = r->mast->date;
	else if (r->mast != NULL && r->mast->printed.year != 0)
		d = r->mast->printed;
	if (d.year == 0) {
		iss_today(&d);
		guessed |= 1;
	}
	if (r->o->number > 0)
		issue = r->o->number;
	else if (r->mast != NULL && r->mast->issue > 0)
		issue = r->mast->issue;
	if (issue == 0 || (r->mast == NULL && r->s->total_numbering)) {
		if (new_next(r->s, m->kind, &d, &next, &total, NULL) == -1)
			return -1;
		if (issue == 0) {
			issue = next;
			guessed |= 2;
		}
	}
	if (guessed) {
		char	*what;

		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", d.year, d.month,
		    d.day);
		what = (guessed & 3) == 3 ? g_strdup_printf("期号 %d、日期 %s ",
		    issue, iso) : guessed & 1 ? g_strdup_printf("日期 %s ", iso) :
		    g_strdup_printf("期号 %d ", issue);
		msg(MSG_IMPORT_GUESSED, &pos, r->mast == NULL ? "报头" :
		    (guessed & 3) == 3 ? "期号和日期" : guessed & 1 ? "日期" :
		    "期号", what);
		g_free(what);
	}
	if (r->mast != NULL)
		masthead_notes(r->mast);
	/* a 合刊's range stands only as the masthead gave it */
	if (issue != m->issue)
		m->issue_last = issue;
	m->issue = issue;
	m->date = d;
	if (r->mast == NULL)
		m->total = m->total_last = total;
	if (r->o->output != NULL)
		r->path = xstrdup(r->o->output);
	else
		r->path = iss_path(d.year, m->kind ? m->kind->prefix : NULL, issue);
	if ((fp = open_memstream(&p, &n)) == NULL) {
		msg(MSG_WRITE, NULL, r->path, msg_strerror(errno));
		return -1;
	}
	w = fmw_new();
	front(m, r->s, w, r->lang);
	ok = fmw_write(w, fp, r->path) == 0;
	fmw_free(w);
	/* the memory stream's buffer is only valid once it is closed */
	if (fclose(fp) != 0)
		ok = 0;
	if (ok)
		buf_puts(b, p);
	free(p);
	return ok ? 0 : -1;
}

/* Undo the pictures written when the issue is not, and an images/
 * folder they made. */
static void
unwrite_pictures(struct run *r)
{
	char	*dir;
	size_t	 i;

	for (i = 0; i < r->npics; i++)
		if (r->pics[i] != NULL)
			unlink(r->pics[i]);
	if (r->npics > 0 && r->made_dir) {
		dir = g_path_get_dirname(r->pics[0]);
		rmdir(dir);
		g_free(dir);
	}
}

/* Write the pictures and check that each is a whole PNG or JPEG. */
static int
write_pictures(struct run *r)
{
	struct jb_pos	 pos = { NULL, 0, 0 };
	struct buf	 b = { 0 };
	enum img_kind	 kind;
	unsigned long	 w, h;
	size_t		 i, k, j = 0;

	if (r->npics > 0) {
		char	*dir = g_path_get_dirname(r->pics[0]);

		r->made_dir = !exists(dir);
		g_free(dir);
	}
	for (i = 0; i < r->nf; i++)
		for (k = 0; k < r->f[i].docx.npics; k++, j++) {
			pos.file = r->f[i].path;
			/* the header here, naming the Word file; the parse
			 * below decodes every pixel */
			if (outfile_put(r->pics[j], r->f[i].docx.pics[k].data,
			    r->f[i].docx.pics[k].len) == -1 ||
			    img_read(r->pics[j], r->names[j], &pos, &b, &kind, &w,
			    &h) == -1) {
				r->npics = j + 1;
				return -1;
			}
			buf_free(&b);
		}
	return 0;
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
	for (i = 0; i < l->nleft; i++)
		buf_free(&l->left[i].text);
	free(l->left);
	for (i = 0; i < JB_DIST__MAX; i++)
		strs_free(&l->dist[i]);
	strs_free(&l->roles);
	strs_free(&l->names);
	buf_free(&l->note);
	docxin_clear(&l->docx);
}

int
imp_main(const struct imp_opts *o, int nfiles, char **files)
{
	struct run		 r;
	struct jb_doc		*d = NULL;
	struct src		*into = NULL;
	struct outfile		*out;
	struct buf		 text = { 0 };
	struct jb_date		 date;
	size_t			 i;
	int			 rc = 1, written = 0;

	memset(&r, 0, sizeof(r));
	r.o = o;
	if (o->date != NULL && fm_parse_date(o->date, &date) == -1) {
		msg(MSG_FM_DATE, NULL, o->date);
		return 2;
	}
	if ((r.s = series_load(o->series)) == NULL)
		return 2;
	r.f = xcalloc((size_t)nfiles + 1, sizeof(*r.f));
	for (i = 0; i < (size_t)nfiles; i++) {
		r.f[i].path = files[i];
		r.f[i].series = r.s;
		r.f[i].into = o->into != NULL;
	}
	r.nf = (size_t)nfiles;
	for (i = 0; i < r.nf; i++) {
		if (read_input(&r.f[i]) == -1)
			goto out;
		sections(&r.f[i]);
		if (!r.f[i].has_mast)
			continue;
		if (r.mast == NULL && o->into == NULL)
			r.mast = &r.f[i];
		else {
			char	*what = g_strdup_printf("第%d期", r.f[i].issue);
			char	*why = o->into ? g_strdup_printf("期次信息保持 “%s” 原样",
			    o->into) : g_strdup("期次信息取自第一个有报头的文件");

			msg(MSG_IMPORT_MASTHEAD_AGAIN, &(struct jb_pos){
			    r.f[i].path, 0, 0 }, what, why);
			g_free(what);
			g_free(why);
		}
	}
	for (i = 0; i < r.nf; i++)
		if (r.f[i].nb == 0 && r.f[i].nleft == 0 && !r.f[i].has_mast) {
			/* nothing to import: no article, no masthead */
			msg(MSG_IMPORT_EMPTY, &(struct jb_pos){ r.f[i].path, 0, 0 });
			goto out;
		}
	if (o->into != NULL) {
		/* the issue's own text, byte for byte, with the articles after it */
		if ((into = src_read(o->into, DOC_MAX_BYTES)) == NULL)
			goto out;
		if ((d = doc_parse_src(into, r.s)) == NULL)
			goto out;
		r.lang = d->meta.lang;
		doc_free(d);
		d = NULL;
		r.path = xstrdup(o->into);
		if (infile_read(o->into, NULL, NULL, DOC_MAX_BYTES, &text) == -1)
			goto out;
		if (text.len > 0 && text.data[text.len - 1] != '\n')
			buf_puts(&text, "\n");
	} else
		r.lang = guess_lang(r.f, r.nf, r.s->lang);
	for (i = 0; i < r.nf; i++)
		fixup(&r.f[i], r.lang);
	if (o->into == NULL && new_issue(&r, &text) == -1)
		goto out;
	if (o->into == NULL && exists(r.path) && !o->force) {
		msg(MSG_OUT_EXISTS, NULL, r.path);
		goto out;
	}
	name_pictures(&r);
	put_body(&r, &text);
	if (write_pictures(&r) == -1)
		goto out;
	/* What the editor gets must build: parse it as build would. */
	if ((d = doc_parse(r.path, text.data, text.len, r.s)) == NULL)
		goto out;
	if ((out = outfile_open(r.path)) == NULL)
		goto out;
	fwrite(text.data, 1, text.len, outfile_fp(out));
	if (outfile_commit(out) == -1)
		goto out;
	written = 1;
	puts(r.path);
	rc = 0;
out:
	if (!written)
		unwrite_pictures(&r);
	doc_free(d);
	src_free(into);
	buf_free(&text);
	for (i = 0; i < r.nf; i++)
		legacy_free(&r.f[i]);
	free(r.f);
	for (i = 0; i < r.npics; i++) {
		free(r.pics[i]);
		free(r.names[i]);
	}
	free(r.pics);
	free(r.names);
	free(r.path);
	series_free(r.s);
	return rc;
}
