/* check.c -- proofreading rules on the issue text and model, and consistency of the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "edit/edit.h"
#include "model/model.h"
#include "util/util.h"

/* One character of the body with where it stands in the file. */
struct ch {
	gunichar	 c;
	int		 line;		/* 1-based */
	int		 col;		/* 1-based, in characters */
	int		 synth;		/* a space standing for a line break */
};

enum bkind {
	B_PARA,				/* paragraph, also ★ items and bylines */
	B_HEAD,				/* # heading */
	B_LIST,				/* list item */
	B_BOX,				/* > quote: boxed slogan */
	B_OTHER				/* image, HTML, table: no text rules */
};

/* A block of the body as the editor wrote it, Markdown marks removed. */
struct block {
	enum bkind	 kind;
	struct ch	*v;
	size_t		 n, cap;
	int		 first, last;	/* lines */
	int		 bold;		/* the whole paragraph is **bold** */
};

/* [//]: # (jianbao: ignore RULE): RULE is silenced on lines from..to. */
struct mark {
	char	*rule;
	int	 from, to;		/* 0: waiting for the next block */
};

struct finding {
	enum msgid	 id;
	struct jb_pos	 pos;
	char		*a[3];
	size_t		 seq;
};

/* Everything check knows about one file. */
struct cfile {
	char		*path;
	struct src	*src;		/* the text, as the parser reads it */
	struct block	*blocks;
	size_t		 nblocks;
	struct mark	*marks;
	size_t		 nmarks;
	char		**ignore;	/* 检查忽略 */
	size_t		 nignore;
	struct finding	*finds;
	size_t		 nfinds;
	/* from the model, for the archive rules */
	int		 loaded;
	int		 issue;
	int		 issue_last;	/* of a 合刊; else issue */
	char		*kind;		/* 刊别, NULL for a regular issue */
	struct jb_date	 date;
	char		*date_text;
	enum jb_lang	 lang;
	struct jb_pos	 issue_pos, date_pos;
};

struct check {
	struct cfile	*files;
	size_t		 nfiles;
	int		 probe;		/* drop every diagnostic */
	struct jb_date	 today;
};

/* ---- characters ---- */

static int
is_han(gunichar c)
{
	return g_unichar_get_script(c) == G_UNICODE_SCRIPT_HAN;
}

/* Chinese text for the half-width rule: Han, CJK and full-width marks. */
static int
is_zh(gunichar c)
{
	return is_han(c) || (c >= 0x3001 && c <= 0x303F) ||
	    (c >= 0xFF01 && c <= 0xFF5E) || c == 0x201C || c == 0x201D ||
	    c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014;
}

static char *
chars_str(const struct ch *v, size_t n)
{
	struct buf	 b = { 0 };
	char		 u[8];
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_put(&b, u, (size_t)g_unichar_to_utf8(v[i].c, u));
	return b.data ? b.data : xstrdup("");
}

static char *
uni_str(gunichar c)
{
	char	 u[8];
	int	 n = g_unichar_to_utf8(c, u);

	return xstrndup(u, (size_t)n);
}

/* ---- findings ---- */

static void
add_find(struct cfile *f, enum msgid id, int line, int col, char *a0, char *a1,
    char *a2)
{
	struct finding	*x;

	f->finds = xrealloc(f->finds, (f->nfinds + 1) * sizeof(*x));
	x = &f->finds[f->nfinds];
	x->id = id;
	x->pos.file = f->path;
	x->pos.line = line;
	x->pos.col = col;
	x->a[0] = a0;
	x->a[1] = a1;
	x->a[2] = a2;
	x->seq = f->nfinds++;
}

static int
cmp_find(const void *a, const void *b)
{
	const struct finding	*x = a, *y = b;

	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
flush_finds(struct cfile *f)
{
	struct finding	*x;
	size_t		 i;

	if (f->nfinds > 1)
		qsort(f->finds, f->nfinds, sizeof(*f->finds), cmp_find);
	for (i = 0; i < f->nfinds; i++) {
		x = &f->finds[i];
		msg(x->id, &x->pos, x->a[0] ? x->a[0] : "",
		    x->a[1] ? x->a[1] : "", x->a[2] ? x->a[2] : "");
		free(x->a[0]);
		free(x->a[1]);
		free(x->a[2]);
	}
	free(f->finds);
	f->finds = NULL;
	f->nfinds = 0;
}

/* ---- suppression ---- */

static int
ignored(const struct cfile *f, const char *rule, int line)
{
	size_t	 i;

	for (i = 0; i < f->nignore; i++)
		if (strcmp(f->ignore[i], rule) == 0 ||
		    strcmp(f->ignore[i], "all") == 0)
			return 1;
	for (i = 0; i < f->nmarks; i++)
		if (line >= f->marks[i].from && line <= f->marks[i].to &&
		    f->marks[i].from > 0 && (strcmp(f->marks[i].rule, rule) == 0 ||
		    strcmp(f->marks[i].rule, "all") == 0))
			return 1;
	return 0;
}

static int
keep(enum msgid id, const struct jb_pos *pos, void *arg)
{
	struct check	*c = arg;
	const char	*rule = msg_rule(id);
	size_t		 i;

	if (c->probe)
		return 0;
	if (rule == NULL || pos == NULL || pos->file == NULL)
		return 1;
	for (i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i].path, pos->file) == 0)
			return !ignored(&c->files[i], rule, pos->line);
	return 1;
}

/*
 * "[//]: # (jianbao: ignore a, b)" or with the title in "": the rules it
 * names, added to f as waiting marks.  Returns 1 for any [//]: # line,
 * which is a comment either way.
 */
static int
comment_line(struct cfile *f, const char *s, size_t n, int ln, int indent)
{
	const char	*p, *end = s + n, *q;
	char		 close;
	char		*rule;

	if (n < 7 || strncmp(s, "[//]: #", 7) != 0)
		return 0;
	for (p = s + 7; p < end && *p == ' '; p++)
		;
	if (p == end || (*p != '(' && *p != '"'))
		return 1;
	close = *p == '(' ? ')' : '"';
	p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end == p || end[-1] != close)
		return 1;
	end--;
	if ((size_t)(end - p) < 8 || strncmp(p, "jianbao:", 8) != 0)
		return 1;
	for (p += 8; p < end && *p == ' '; p++)
		;
	if ((size_t)(end - p) < 6 || strncmp(p, "ignore", 6) != 0)
		return 1;
	p += 6;
	for (;;) {
		while (p < end && (*p == ' ' || *p == ','))
			p++;
		if (p == end)
			break;
		for (q = p; q < end && *q != ' ' && *q != ','; q++)
			;
		rule = xstrndup(p, (size_t)(q - p));
		if (!msg_is_rule(rule) && strcmp(rule, "all") != 0) {
			add_find(f, MSG_CHK_UNKNOWN_RULE, ln,
			    (int)g_utf8_strlen(s, p - s) + 1 + indent, rule,
			    NULL, NULL);
		} else {
			f->marks = xrealloc(f->marks, (f->nmarks + 1) *
			    sizeof(*f->marks));
			f->marks[f->nmarks].rule = rule;
			f->marks[f->nmarks].from = f->marks[f->nmarks].to = 0;
			f->nmarks++;
		}
		p = q;
	}
	return 1;
}

/* ---- reading the body into blocks ---- */

static void
push_ch(struct block *b, gunichar c, int line, int col, int synth)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n].c = c;
	b->v[b->n].line = line;
	b->v[b->n].col = col;
	b->v[b->n].synth = synth;
	b->n++;
}

/*
 * Append the text of line ln, s[skip..n), to b with emphasis marks,
 * backslash escapes and link targets removed; the line break before it
 * folds as the parser folds it.
 */
static void
add_text(struct block *b, const char *s, size_t n, size_t skip, int ln)
{
	const char	*p = s, *end = s + n;
	gunichar	 c;
	int		 col = 1, first = 1, depth;

	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end > s && end[-1] == '\\')
		end--;		/* hard line break */
	for (; p < s + skip && p < end; p = g_utf8_next_char(p))
		col++;
	while (p < end && (*p == ' ' || *p == '\t')) {
		p++;
		col++;
	}
	for (; p < end; p = g_utf8_next_char(p), col++) {
		c = g_utf8_get_char(p);
		if (c == '*' || c == '`' || c == '[' || c == ']')
			continue;
		if (c == '\\' && p + 1 < end && g_ascii_ispunct(p[1])) {
			p++;
			col++;
			c = (gunichar)*p;
		} else if (c == '(' && p > s && p[-1] == ']') {
			/* a link target: skip to its closing parenthesis */
			for (depth = 0; p < end; p = g_utf8_next_char(p), col++) {
				if (*p == '(')
					depth++;
				else if (*p == ')' && --depth == 0)
					break;
			}
			if (p == end)
				break;
			continue;
		}
		if (first && b->n > 0 && !dtext_break_vanishes(b->v[b->n - 1].c, c))
			push_ch(b, ' ', b->v[b->n - 1].line, b->v[b->n - 1].col + 1, 1);
		first = 0;
		push_ch(b, c, ln, col, 0);
	}
	if (b->first == 0)
		b->first = ln;
	b->last = ln;
}

static struct block *
new_block(struct cfile *f, enum bkind k)
{
	struct block	*b;

	f->blocks = xrealloc(f->blocks, (f->nblocks + 1) * sizeof(*b));
	b = &f->blocks[f->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

/* Length of a list marker "- ", "1. " at s, or 0. */
static size_t
list_marker(const char *s, size_t n)
{
	size_t	 i = strspn(s, "0123456789");

	if (n >= 2 && (s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (i > 0 && i < 10 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return i + 2;
	return 0;
}

static int
thematic_break(const char *s, size_t n)
{
	size_t	 i, k = 0;
	char	 m = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] != '-' && s[i] != '*' && s[i] != '_')
			return 0;
		if (m && s[i] != m)
			return 0;
		m = s[i];
		k++;
	}
	return k >= 3;
}

/* Marks from *open on that already hold lines belong to a finished block. */
static void
close_marks(struct cfile *f, size_t *open)
{
	while (*open < f->nmarks && f->marks[*open].from != 0)
		(*open)++;
}

/*
 * Split the body into blocks the way CommonMark does for the constructs
 * a bulletin uses.  A mark applies to every line of the block after it.
 */
static void
read_blocks(struct cfile *f)
{
	struct block	*cur = NULL;
	const char	*s;
	size_t		 n, k, m, nb, open = 0;
	int		 ln, fence = 0;

	for (ln = f->src->bodyline; (s = src_line(f->src, ln, &n)) != NULL;
	    ln++) {
		k = strspn(s, " ");
		if (k > 3)
			k = 3;
		if (n - k >= 3 && (strncmp(s + k, "```", 3) == 0 ||
		    strncmp(s + k, "~~~", 3) == 0)) {
			fence = !fence;
			cur = NULL;
			close_marks(f, &open);
			continue;
		}
		if (fence)
			continue;
		if (strspn(s, " \t") >= n || thematic_break(s, n)) {
			cur = NULL;
			close_marks(f, &open);
			continue;
		}
		if (comment_line(f, s + k, n - k, ln, (int)k)) {
			cur = NULL;
			continue;
		}
		nb = f->nblocks;
		m = strspn(s + k, "#");
		if (s[k] == '#' && m <= 6 && (k + m == n || s[k + m] == ' ')) {
			cur = new_block(f, B_HEAD);
			add_text(cur, s, n, k + m, ln);
		} else if (s[k] == '<' || s[k] == '|' ||
		    strncmp(s + k, "![", 2) == 0) {
			cur = new_block(f, B_OTHER);
			cur->first = cur->last = ln;
		} else if ((m = list_marker(s + k, n - k)) > 0) {
			cur = new_block(f, B_LIST);
			add_text(cur, s, n, k + m, ln);
		} else if (s[k] == '>') {
			if (cur == NULL || cur->kind != B_BOX)
				cur = new_block(f, B_BOX);
			add_text(cur, s, n, k + 1, ln);
		} else if (cur != NULL && (cur->kind == B_PARA ||
		    cur->kind == B_LIST || cur->kind == B_BOX)) {
			add_text(cur, s, n, k, ln);
			cur->bold = cur->bold && n >= 2 &&
			    strncmp(s + n - 2, "**", 2) == 0;
		} else {
			cur = new_block(f, B_PARA);
			cur->bold = n - k > 4 && strncmp(s + k, "**", 2) == 0 &&
			    strncmp(s + n - 2, "**", 2) == 0;
			add_text(cur, s, n, k, ln);
		}
		if (f->nblocks != nb)
			close_marks(f, &open);
		for (m = open; m < f->nmarks; m++) {
			if (f->marks[m].from == 0)
				f->marks[m].from = ln;
			f->marks[m].to = ln;
		}
		/* a heading or an image is a block of one line */
		if (cur->kind == B_HEAD || cur->kind == B_OTHER)
			cur = NULL;
	}
}

/* The first line after line ln (1-based) that is not blank, or 0. */
static int
next_text_line(const struct cfile *f, int ln)
{
	size_t	 n;
	const char *s;

	while ((s = src_line(f->src, ++ln, &n)) != NULL)
		if (strspn(s, " \t") < n)
			return ln;
	return 0;
}

/* ---- text rules ---- */

static const struct {
	gunichar	 half, full;
} halfwidth[] = {
	{ ',', 0xFF0C }, { '.', 0x3002 }, { ';', 0xFF1B }, { ':', 0xFF1A },
	{ '?', 0xFF1F }, { '!', 0xFF01 }, { '(', 0xFF08 }, { ')', 0xFF09 },
};

static void
rule_halfwidth(struct cfile *f, const struct block *b)
{
	size_t	 i, j, k, p;

	for (i = 1; i < b->n; i++) {
		for (k = 0; k < G_N_ELEMENTS(halfwidth); k++)
			if (b->v[i].c == halfwidth[k].half)
				break;
		if (k == G_N_ELEMENTS(halfwidth))
			continue;
		/* a line break before ( folds to a space: look past it */
		for (p = i - 1; p > 0 && b->v[p].synth; p--)
			;
		if (!is_zh(b->v[p].c))
			continue;
		for (j = i + 1; j < b->n && b->v[j].c == ' '; j++)
			;
		/* a sentence may end with the block: 参加. */
		if (j == b->n ? strchr(".?!", (int)b->v[i].c) == NULL :
		    !is_zh(b->v[j].c))
			continue;
		add_find(f, MSG_CHK_HALFWIDTH, b->v[i].line, b->v[i].col,
		    uni_str(b->v[i].c), uni_str(halfwidth[k].full), NULL);
	}
}

static const gunichar pairs[][2] = {
	{ 0x201C, 0x201D },	/* “” */
	{ 0x2018, 0x2019 },	/* ‘’ */
	{ 0xFF08, 0xFF09 },	/* （） */
	{ 0x300A, 0x300B },	/* 《》 */
	{ 0x300C, 0x300D },	/* 「」 */
	{ 0x300E, 0x300F },	/* 『』 */
	{ 0x3010, 0x3011 },	/* 【】 */
};

static void
rule_balance(struct cfile *f, const struct block *b)
{
	size_t	*stack = xcalloc(b->n + 1, sizeof(size_t)), sp = 0, i, k, j;
	int	 open, kind;

	for (i = 0; i < b->n; i++) {
		kind = -1;
		open = 0;
		for (k = 0; k < G_N_ELEMENTS(pairs); k++) {
			if (b->v[i].c == pairs[k][0])
				open = 1;
			else if (b->v[i].c != pairs[k][1])
				continue;
			kind = (int)k;
			break;
		}
		if (kind < 0)
			continue;
		/* ’ between letters is an apostrophe: don’t */
		if (b->v[i].c == 0x2019 && i > 0 && i + 1 < b->n &&
		    g_unichar_isalpha(b->v[i - 1].c) && !is_han(b->v[i - 1].c) &&
		    g_unichar_isalpha(b->v[i + 1].c) && !is_han(b->v[i + 1].c))
			continue;
		if (open) {
			stack[sp++] = i;
			continue;
		}
		for (j = sp; j > 0; j--)
			if (b->v[stack[j - 1]].c == pairs[kind][0])
				break;
		if (j == 0)
			add_find(f, MSG_CHK_UNOPENED, b->v[i].line, b->v[i].col,
			    uni_str(b->v[i].c), uni_str(pairs[kind][0]), NULL);
		else if (j != sp)
			add_find(f, MSG_CHK_MISNESTED, b->v[i].line, b->v[i].col,
			    uni_str(b->v[i].c), uni_str(b->v[stack[sp - 1]].c),
			    NULL);
		if (j > 0)
			sp = j - 1;
	}
	while (sp > 0) {
		i = stack[--sp];
		for (k = 0; k < G_N_ELEMENTS(pairs); k++)
			if (pairs[k][0] == b->v[i].c)
				break;
		add_find(f, MSG_CHK_UNCLOSED, b->v[i].line, b->v[i].col,
		    uni_str(b->v[i].c), uni_str(pairs[k][1]), NULL);
	}
	free(stack);
}

static void
rule_split(struct cfile *f, const struct block *a, const struct block *b)
{
	const struct ch	*last;
	size_t		 n;

	/* not after a subtitle (——…), nor before a ★ item */
	if (a->kind != B_PARA || b->kind != B_PARA || a->bold || a->n < 10 ||
	    a->v[0].c == 0x2014 || b->n == 0 || b->v[0].c == 0x2605)
		return;
	last = &a->v[a->n - 1];
	/* a photo credit (唐晓　摄) ends without a stop */
	if (dtext_is_terminal(last->c) || last->c == 0x6444 || last->c == 0x651D)
		return;
	n = a->n < 8 ? a->n : 8;
	add_find(f, MSG_CHK_SPLIT_PARA, last->line, last->col,
	    chars_str(a->v + a->n - n, n), chars_str(b->v, b->n < 8 ? b->n : 8),
	    NULL);
}

static int
digit(const struct block *b, size_t i)
{
	return i < b->n && b->v[i].c >= '0' && b->v[i].c <= '9';
}

/* Digits at i: their value, with *len and *zero (a leading 0). */
static int
number_at(const struct block *b, size_t i, size_t *len, int *zero)
{
	int	 v = 0;

	*len = 0;
	*zero = digit(b, i) && b->v[i].c == '0';
	while (digit(b, i + *len) && *len < 5)
		v = v * 10 + (int)(b->v[i + (*len)++].c - '0');
	return v;
}

static size_t
skip_spaces(const struct block *b, size_t i, int *any)
{
	while (i < b->n && b->v[i].c == ' ') {
		i++;
		*any = 1;
	}
	return i;
}

static void
rule_dates(struct cfile *f, const struct block *b)
{
	size_t		 i, j, e, len;
	int		 y, m, d, zero, z, bad, sp;
	gunichar	 sep, prev;
	char		*want;

	for (i = 0; i < b->n; i++) {
		/* not inside a version, a file name or a longer number */
		prev = i > 0 ? b->v[i - 1].c : 0;
		if (!digit(b, i) || (prev != 0 && prev < 128 &&
		    (g_ascii_isalnum((char)prev) || strchr("./-_", (int)prev))))
			continue;
		y = number_at(b, i, &len, &zero);
		if (len != 4 || y < 1900 || y > 2199) {
			i += len;
			continue;
		}
		j = i + 4;
		bad = 0;
		d = 0;
		if (j < b->n && (b->v[j].c == '.' || b->v[j].c == '-' ||
		    b->v[j].c == '/')) {
			sep = b->v[j].c;
			m = number_at(b, j + 1, &len, &z);
			if (len < 1 || len > 2 || j + 1 + len >= b->n ||
			    b->v[j + 1 + len].c != sep)
				goto next;
			j += 1 + len + 1;
			d = number_at(b, j, &len, &z);
			if (len < 1 || len > 2)
				goto next;
			j += len;
			if (j < b->n && (digit(b, j) || (b->v[j].c == sep &&
			    digit(b, j + 1))))
				goto next;
			bad = 1;
		} else {
			/* 2019年08月30日, 2019 年 8 月 30 日 */
			j = skip_spaces(b, j, &bad);
			if (j >= b->n || b->v[j].c != 0x5E74 /* 年 */)
				goto next;
			j = skip_spaces(b, j + 1, &bad);
			m = number_at(b, j, &len, &zero);
			if (len < 1 || len > 2)
				goto next;
			bad |= zero;
			j = skip_spaces(b, j + len, &bad);
			if (j >= b->n || b->v[j].c != 0x6708 /* 月 */)
				goto next;
			j++;
			/* the day is optional: 2019年08月 */
			sp = 0;
			e = skip_spaces(b, j, &sp);
			d = number_at(b, e, &len, &zero);
			if (len >= 1 && len <= 2) {
				e = skip_spaces(b, e + len, &sp);
				if (e < b->n && b->v[e].c == 0x65E5 /* 日 */) {
					bad |= zero || sp;
					j = e + 1;
				} else
					d = 0;
			} else
				d = 0;
			if (!bad)
				goto next;
		}
		if (m < 1 || m > 12 || d > 31)
			goto next;
		want = d ? g_strdup_printf("%d年%d月%d日", y, m, d) :
		    g_strdup_printf("%d年%d月", y, m);
		add_find(f, MSG_CHK_DATE_FORMAT, b->v[i].line, b->v[i].col,
		    chars_str(b->v + i, j - i), xstrdup(want), NULL);
		g_free(want);
		i = j - 1;
		continue;
next:
		i += 3;
	}
}

/* Characters that, written twice, are almost always a typo. */
static const char doubled_chars[] = "的了是在和与被将及并从";
/* Words likewise. */
static const char *const doubled_words[] = {
	"我们", "进行", "开展", "以及", "通过", "并且", NULL
};

static int
doubled_exception(const struct block *b, size_t i)
{
	gunichar	 c = b->v[i].c;
	gunichar	 before = i > 0 ? b->v[i - 1].c : 0;
	gunichar	 after = i + 2 < b->n ? b->v[i + 2].c : 0;

	/* AABB words: 实实在在, 的的确确, 是是非非 */
	if (before != 0 && i > 1 && b->v[i - 2].c == before)
		return 1;
	if (after != 0 && i + 3 < b->n && b->v[i + 3].c == after)
		return 1;
	if (c == 0x4E86 /* 了 */) {
		/* 为了了解, 不了了之, 除了了结 */
		return after == 0x89E3 || after == 0x7ED3 || after == 0x4E4B ||
		    before == 0x4E0D;
	}
	return 0;
}

static void
rule_doubled(struct cfile *f, const struct block *b)
{
	size_t		 i, k;
	gunichar	 w[2];
	const char	*p;

	for (i = 0; i + 1 < b->n; i++) {
		if (b->v[i].c != b->v[i + 1].c || !is_han(b->v[i].c))
			goto words;
		for (p = doubled_chars; *p; p = g_utf8_next_char(p))
			if (g_utf8_get_char(p) == b->v[i].c)
				break;
		if (*p == '\0' || doubled_exception(b, i))
			goto words;
		add_find(f, MSG_CHK_DOUBLED, b->v[i + 1].line, b->v[i + 1].col,
		    chars_str(b->v + i, 2), NULL, NULL);
		continue;
words:
		if (i + 3 >= b->n)
			continue;
		for (k = 0; doubled_words[k] != NULL; k++) {
			p = doubled_words[k];
			w[0] = g_utf8_get_char(p);
			w[1] = g_utf8_get_char(g_utf8_next_char(p));
			if (b->v[i].c == w[0] && b->v[i + 1].c == w[1] &&
			    b->v[i + 2].c == w[0] && b->v[i + 3].c == w[1]) {
				/* reported at the repeated word */
				add_find(f, MSG_CHK_DOUBLED, b->v[i + 2].line,
				    b->v[i + 2].col, chars_str(b->v + i, 4),
				    NULL, NULL);
				i += 3;
				break;
			}
		}
	}
}

static void
rule_cjk_space(struct cfile *f, const struct block *b)
{
	size_t	 i, j;
	int	 paren = 0, han;
	gunichar pair[2];
	char	*s;

	if (b->kind != B_PARA && b->kind != B_LIST)
		return;
	for (i = 0; i < b->n; i++) {
		if (b->v[i].c == 0xFF08)
			paren++;
		else if (b->v[i].c == 0xFF09 && paren > 0)
			paren--;
		/* only ASCII spaces: 　 (U+3000) is set on purpose */
		if (b->v[i].c != ' ' || b->v[i].synth || i == 0)
			continue;
		for (j = i; j < b->n && b->v[j].c == ' '; j++)
			;
		if (j == b->n)
			break;
		pair[0] = b->v[i - 1].c;
		pair[1] = b->v[j].c;
		han = is_han(pair[0]) && is_han(pair[1]) && paren == 0;
		/* 本报讯 and the text after it may stand apart */
		if (i == 3 && b->v[0].c == 0x672C && b->v[1].c == 0x62A5 &&
		    b->v[2].c == 0x8BAF)
			han = 0;
		if (i == 3 && b->v[0].c == 0x672C && b->v[1].c == 0x5831 &&
		    b->v[2].c == 0x8A0A)
			han = 0;
		/* beside a full-width mark the space is not printed at all */
		if (han || dtext_space_vanishes(pair[0], pair[1])) {
			s = g_ucs4_to_utf8(pair, 2, NULL, NULL, NULL);
			add_find(f, han ? MSG_CHK_CJK_SPACE : MSG_CHK_MARK_SPACE,
			    b->v[i].line, b->v[i].col, xstrdup(s), NULL, NULL);
			g_free(s);
		}
		i = j - 1;
	}
}

/*
 * Private-use characters (U+E000..U+F8FF): what a PDF copy leaves for a
 * glyph its font maps privately; no font prints them as the text meant.
 */
static void
rule_private(struct cfile *f, const struct block *b)
{
	size_t	 i;

	for (i = 0; i < b->n; i++)
		if (b->v[i].c >= 0xE000 && b->v[i].c <= 0xF8FF)
			add_find(f, MSG_CHK_PRIVATE_USE, b->v[i].line,
			    b->v[i].col, uni_str(b->v[i].c),
			    g_strdup_printf("%04X", (unsigned)b->v[i].c), NULL);
}

/* “” with 「」 in one zh-Hans issue: reported once, at the first 「. */
static void
rule_mixed(struct cfile *f)
{
	const struct ch	*curly = NULL, *corner = NULL;
	size_t		 i, j;
	gunichar	 c;

	if (f->lang == JB_LANG_HANT)
		return;
	for (i = 0; i < f->nblocks; i++)
		for (j = 0; j < f->blocks[i].n; j++) {
			c = f->blocks[i].v[j].c;
			if (curly == NULL && (c == 0x201C || c == 0x201D))
				curly = &f->blocks[i].v[j];
			if (corner == NULL && (c == 0x300C || c == 0x300D ||
			    c == 0x300E || c == 0x300F))
				corner = &f->blocks[i].v[j];
		}
	if (curly != NULL && corner != NULL)
		add_find(f, MSG_CHK_MIXED_QUOTES, corner->line, corner->col,
		    xstrdup("“”"), xstrdup("「」"), NULL);
}

/* ---- model rules ---- */

/*
 * 2×(156 mm / 22 pt): a title in 二号 小标宋 holds 20 full-width
 * characters a line; half-width letters and digits count half.
 */
#define TITLE_LINE_HALVES	40
#define TITLE_LINES		2

static void
rule_long_title(struct cfile *f, const struct jb_article *a)
{
	const char	*s, *end, *p;
	int		 halves = 0, col = 1;
	gunichar	 c;
	char		 count[16];
	size_t		 n;

	for (p = a->title; *p; p = g_utf8_next_char(p))
		halves += src_wide(g_utf8_get_char(p)) ? 2 : 1;
	if (halves <= TITLE_LINES * TITLE_LINE_HALVES ||
	    (s = src_line(f->src, a->pos.line, &n)) == NULL)
		return;
	snprintf(count, sizeof(count), "%ld", g_utf8_strlen(a->title, -1));
	/* find the first character of the third line in the heading's source */
	end = s + n;
	halves = 0;
	for (p = s; p < end && (*p == '#' || *p == ' '); p++)
		col++;
	for (; p < end; p = g_utf8_next_char(p), col++) {
		c = g_utf8_get_char(p);
		if (c == '*' || c == '_' || c == '`')
			continue;
		halves += src_wide(c) ? 2 : 1;
		if (halves > TITLE_LINES * TITLE_LINE_HALVES)
			break;
	}
	if (p >= end) {
		c = 0;
		col = a->pos.col;
	}
	add_find(f, MSG_CHK_LONG_TITLE, a->pos.line, col, xstrdup(a->title),
	    xstrdup(count), c ? uni_str(c) : xstrdup(""));
}

static void
model_rules(struct cfile *f, const struct jb_doc *d)
{
	size_t	 i, n = 0;

	if (d->meta.credits.n == 0)
		add_find(f, MSG_CHK_NO_CREDITS, 1, 1, NULL, NULL, NULL);
	for (i = 0; i < JB_DIST__MAX; i++)
		n += d->meta.dist[i].n;
	if (n == 0)
		add_find(f, MSG_CHK_NO_DIST, 1, 1, NULL, NULL, NULL);
	for (i = 0; i < d->narticles; i++)
		rule_long_title(f, &d->articles[i]);
}

/* ---- files ---- */

/*
 * Position of the value of the front-matter key by any of its names, or
 * of the text item within that line when item is not NULL; line 1 when
 * not found.
 */
static struct jb_pos
key_pos(const struct cfile *f, enum fm_key key, const char *item)
{
	struct jb_pos	 pos = { f->path, 1, 1 };
	const char	*s, *p, *q, *colon;
	size_t		 n;
	int		 ln;

	for (ln = f->src->yamlline; ln < f->src->bodyline - 1; ln++) {
		s = src_line(f->src, ln, &n);
		if ((colon = memchr(s, ':', n)) == NULL ||
		    !fm_key_is(key, s, (size_t)(colon - s)))
			continue;
		for (p = colon + 1; *p == ' '; p++)
			;
		if (item != NULL && (q = strstr(p, item)) != NULL && q < s + n)
			p = q;
		pos.line = ln;
		pos.col = (int)g_utf8_strlen(s, p - s) + 1;
		break;
	}
	return pos;
}

/* Keep a copy of the 检查忽略 list; unknown rule ids are reported. */
static void
ignore_list(struct cfile *f, const struct jb_strlist *l)
{
	struct jb_pos	 pos;
	size_t		 i;

	f->nignore = l->n;
	f->ignore = xcalloc(l->n + 1, sizeof(char *));
	for (i = 0; i < l->n; i++) {
		f->ignore[i] = xstrdup(l->v[i]);
		if (msg_is_rule(f->ignore[i]) || strcmp(f->ignore[i], "all") == 0)
			continue;
		pos = key_pos(f, FM_KEY_IGNORE, f->ignore[i]);
		add_find(f, MSG_CHK_UNKNOWN_RULE, pos.line, pos.col,
		    xstrdup(f->ignore[i]), NULL, NULL);
	}
}

/*
 * After its own rules a file keeps only what the archive rules and the
 * suppression filter read (path, 期号, date, positions, marks, 检查忽略):
 * the text and its blocks, 16 bytes a character, would otherwise make a
 * thousand issues hold the whole archive in memory.
 */
static void
drop_text(struct cfile *f)
{
	size_t	 i;

	src_free(f->src);
	f->src = NULL;
	for (i = 0; i < f->nblocks; i++)
		free(f->blocks[i].v);
	free(f->blocks);
	f->blocks = NULL;
	f->nblocks = 0;
}

/* "增刊第1期", "第7期" */
static char *
number_text(const char *kind, int issue)
{
	return g_strdup_printf("%s第%d期", kind ? kind : "", issue);
}

/*
 * An issue in a year folder is found by its file name (issues.h): a
 * 增刊 must be named zk-NN.md, and zk-NN.md must be a 增刊, or new,
 * the links between pages and the order of the site miss it.
 */
static void
rule_file_name(struct cfile *f, const struct jb_doc *d)
{
	const struct jb_kind	*k = d->meta.kind;
	const char		*base = strrchr(f->path, '/'), *dir;
	char			*prefix = NULL;
	struct jb_pos		 pos;
	int			 ok;

	if (base == NULL)
		return;
	for (dir = base; dir > f->path && dir[-1] != '/'; dir--)
		;
	if (base - dir != 4 || strspn(dir, "0123456789") < 4)
		return;
	base++;
	ok = iss_number(base, &prefix) >= 0 && (k == NULL ? prefix == NULL :
	    prefix != NULL && strcmp(prefix, k->prefix) == 0);
	free(prefix);
	if (ok)
		return;
	/* At 刊别 for a 增刊, else at 期号. */
	pos = k != NULL ? key_pos(f, FM_KEY_KIND, NULL) : f->issue_pos;
	add_find(f, MSG_CHK_FILE_NAME, pos.line, pos.col, xstrdup(base),
	    number_text(k ? k->name : NULL, d->meta.issue),
	    iss_name(k, d->meta.issue));
}

static void
check_file(struct check *c, struct cfile *f, const struct jb_series *s)
{
	struct jb_doc	*d;
	size_t		 i;

	if ((f->src = src_read(f->path, DOC_MAX_BYTES)) == NULL)
		return;
	f->lang = s->lang;
	/*
	 * First, silently, the front matter alone: its 检查忽略 must be known
	 * before the parser reports anything, and an error in the body must
	 * not hide it.
	 */
	c->probe = 1;
	if ((d = doc_parse_meta(f->src, s)) != NULL) {
		f->lang = d->meta.lang;
		ignore_list(f, &d->meta.check_ignore);
	}
	c->probe = 0;
	doc_free(d);
	if (f->src->valid)
		read_blocks(f);

	/* Then for real: the parser's findings pass the filter. */
	if ((d = doc_parse_src(f->src, s)) != NULL) {
		f->loaded = 1;
		f->issue = d->meta.issue;
		f->issue_last = d->meta.issue_last;
		f->kind = d->meta.kind ? xstrdup(d->meta.kind->name) : NULL;
		f->date = d->meta.date;
		f->date_text = xstrdup(d->meta.date_text);
		f->issue_pos = key_pos(f, FM_KEY_ISSUE, NULL);
		f->date_pos = key_pos(f, FM_KEY_DATE, NULL);
		model_rules(f, d);
		rule_file_name(f, d);
	}
	for (i = 0; i < f->nblocks; i++) {
		if (f->blocks[i].kind == B_OTHER)
			continue;
		rule_halfwidth(f, &f->blocks[i]);
		rule_balance(f, &f->blocks[i]);
		rule_dates(f, &f->blocks[i]);
		rule_doubled(f, &f->blocks[i]);
		rule_cjk_space(f, &f->blocks[i]);
		rule_private(f, &f->blocks[i]);
		if (i + 1 < f->nblocks && f->blocks[i + 1].first ==
		    next_text_line(f, f->blocks[i].last))
			rule_split(f, &f->blocks[i], &f->blocks[i + 1]);
	}
	rule_mixed(f);
	flush_finds(f);
	doc_free(d);
	drop_text(f);
}

/* ---- the archive ---- */


static int
date_cmp(const struct jb_date *a, const struct jb_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->day < b->day ? -1 : a->day > b->day;
}

/* Each kind (regular issues first) in turn, by year and 期号. */
static int
cmp_issue(const void *a, const void *b)
{
	const struct cfile	*x = *(const struct cfile *const *)a;
	const struct cfile	*y = *(const struct cfile *const *)b;
	int			 c;

	if ((x->kind == NULL) != (y->kind == NULL))
		return x->kind == NULL ? -1 : 1;
	if (x->kind != NULL && (c = strcmp(x->kind, y->kind)) != 0)
		return c;
	if (x->date.year != y->date.year)
		return x->date.year < y->date.year ? -1 : 1;
	if (x->issue != y->issue)
		return x->issue < y->issue ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int
same_kind(const struct cfile *a, const struct cfile *b)
{
	return a->kind == NULL ? b->kind == NULL :
	    b->kind != NULL && strcmp(a->kind, b->kind) == 0;
}

/*
 * 期号 run per year and kind: a 增刊 has a sequence of its own, and a
 * 合刊 (第7—8期) takes every number of its range.  hi is the highest
 * number taken so far in the year, by the issue at hipath.
 */
static void
archive_rules(struct check *c)
{
	struct cfile	**v, *a, *b, *top = NULL;
	size_t		 i, n = 0;
	int		 hi = 0;
	char		 today[32];

	v = xcalloc(c->nfiles + 1, sizeof(*v));
	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].loaded)
			v[n++] = &c->files[i];
	qsort(v, n, sizeof(*v), cmp_issue);
	snprintf(today, sizeof(today), "%d年%d月%d日", c->today.year,
	    c->today.month, c->today.day);
	for (i = 0; i < n; i++) {
		b = v[i];
		a = i > 0 && same_kind(v[i - 1], b) ? v[i - 1] : NULL;
		if (a == NULL || a->date.year != b->date.year)
			top = NULL;
		if (top != NULL && b->issue <= hi)
			add_find(b, MSG_CHK_DUPLICATE, b->issue_pos.line,
			    b->issue_pos.col, g_strdup_printf("%d",
			    b->date.year), number_text(b->kind, b->issue),
			    xstrdup(top->path));
		else if (top != NULL && b->issue > hi + 1)
			add_find(b, MSG_CHK_ISSUE_GAP, b->issue_pos.line,
			    b->issue_pos.col, g_strdup_printf("%d",
			    b->date.year), b->issue == hi + 2 ?
			    number_text(b->kind, hi + 1) :
			    g_strdup_printf("%s第%d期至第%d期", b->kind ?
			    b->kind : "", hi + 1, b->issue - 1),
			    xstrdup(top->path));
		if (top == NULL || b->issue_last >= hi) {
			hi = b->issue_last;
			top = b;
		}
		if (a != NULL && date_cmp(&b->date, &a->date) < 0)
			add_find(b, MSG_CHK_DATE_ORDER, b->date_pos.line,
			    b->date_pos.col, xstrdup(b->date_text),
			    xstrdup(a->path), xstrdup(a->date_text));
		if (date_cmp(&b->date, &c->today) > 0)
			add_find(b, MSG_CHK_FUTURE_DATE, b->date_pos.line,
			    b->date_pos.col, xstrdup(b->date_text),
			    xstrdup(today), NULL);
	}
	for (i = 0; i < c->nfiles; i++)
		flush_finds(&c->files[i]);
	free(v);
}

static void
cfile_clear(struct cfile *f)
{
	size_t	 i;

	free(f->path);
	drop_text(f);
	for (i = 0; i < f->nmarks; i++)
		free(f->marks[i].rule);
	free(f->marks);
	for (i = 0; i < f->nignore; i++)
		free(f->ignore[i]);
	free(f->ignore);
	free(f->date_text);
	free(f->kind);
}

int
chk_main(const char *series, int nfiles, char **files)
{
	struct check		 c;
	struct jb_series	*s = NULL;
	struct iss_list		 all = { NULL, 0 };
	char			**list = NULL;
	size_t			 i;
	int			 k, rc = 2;

	memset(&c, 0, sizeof(c));
	if ((s = series_load(series)) == NULL)
		goto out;
	if (nfiles == 0) {
		iss_scan(ISS_DIR, &all);
		list = xcalloc(all.n + 1, sizeof(char *));
		for (i = 0; i < all.n; i++)
			list[nfiles++] = all.v[i].path;
		files = list;
	}
	iss_today(&c.today);
	c.files = xcalloc((size_t)nfiles + 1, sizeof(*c.files));
	c.nfiles = (size_t)nfiles;
	for (k = 0; k < nfiles; k++)
		c.files[k].path = xstrdup(files[k]);
	msg_set_filter(keep, &c);
	for (i = 0; i < c.nfiles; i++)
		check_file(&c, &c.files[i], s);
	archive_rules(&c);
	msg_set_filter(NULL, NULL);
	rc = msg_errors() > 0 ? 1 : 0;
out:
	for (i = 0; i < c.nfiles; i++)
		cfile_clear(&c.files[i]);
	free(c.files);
	iss_free(&all);
	series_free(s);
	free(list);
	return rc;
}
