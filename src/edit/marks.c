/* marks.c -- half-width marks in Chinese text: the one reading of a block's lines and the one rule that check and check --fix share. */
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"

#include "edit/edit_int.h"

#define NONE		((size_t)-1)
/* The longest parenthesis looked into for its partner, and the longest
 * run of ASCII looked at for an address: text beyond is no such thing. */
#define PAIR_MAX	200
#define RUN_MAX		256

static void
push(struct mtext *m, gunichar c, size_t off, size_t len, int line, int col,
    int keep)
{
	struct mch	*p;

	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->v = xrealloc(m->v, m->cap * sizeof(*m->v));
	}
	p = &m->v[m->n++];
	memset(p, 0, sizeof(*p));
	p->c = c;
	p->off = off;
	p->len = len;
	p->line = line;
	p->col = col;
	p->keep = keep;
}

void
mtext_line(struct mtext *m, const struct src *t, int ln)
{
	size_t		 n, base;
	const char	*s = src_line(t, ln, &n), *p, *end = s + n;
	int		 col = 1;

	base = (size_t)(s - t->text);
	/* the line feed before this line: untouchable, but where an edit
	 * that stops at it ends */
	if (m->n > 0)
		push(m, '\n', base - 1, 1, ln, 0, MK_KEEP);
	for (p = s; p < end; p = g_utf8_next_char(p), col++)
		push(m, g_utf8_get_char(p), base + (size_t)(p - s),
		    (size_t)(g_utf8_next_char(p) - p), ln, col, 0);
}

static int
url_start(const struct mtext *m, size_t i)
{
	static const char *const pre[] = { "http://", "https://", "ftp://",
	    "www.", "mailto:", NULL };
	size_t	 k, j;

	for (k = 0; pre[k] != NULL; k++) {
		for (j = 0; pre[k][j] && i + j < m->n &&
		    m->v[i + j].c == (gunichar)pre[k][j]; j++)
			;
		if (pre[k][j] == '\0')
			return 1;
	}
	return 0;
}

/* Mark what no repair may touch: code spans, URLs, link targets, HTML,
 * backslash escapes; then what the mark rule reads past. */
void
mtext_protect(struct mtext *m)
{
	struct mch	*v = m->v;
	size_t		 i, j, run, k;
	int		 depth;

	for (i = 0; i < m->n; i++) {
		if (v[i].c == '\\' && i + 1 < m->n && v[i + 1].c < 128 &&
		    v[i + 1].c != '\n') {
			v[i].keep = v[i + 1].keep = MK_KEEP;
			i++;
		} else if (v[i].c == '`') {
			for (run = 0; i + run < m->n && v[i + run].c == '`'; run++)
				;
			/* the closing run of as many backticks */
			for (j = i + run; j < m->n; j++) {
				for (k = 0; j + k < m->n && v[j + k].c == '`'; k++)
					;
				if (k == run)
					break;
				j += k;
			}
			if (j >= m->n) {
				i += run - 1;
				continue;
			}
			for (k = i; k < j + run; k++)
				v[k].keep = MK_KEEP;
			i = j + run - 1;
		} else if (v[i].c == '(' && i > 0 && v[i - 1].c == ']') {
			for (depth = 0, j = i; j < m->n; j++) {
				v[j].keep = MK_LINK;
				if (v[j].c == '(')
					depth++;
				else if (v[j].c == ')' && --depth == 0)
					break;
			}
			i = j;
		} else if (v[i].c == '<' && i + 1 < m->n &&
		    v[i + 1].c < 128 && (g_ascii_isalpha((char)v[i + 1].c) ||
		    v[i + 1].c == '/' || v[i + 1].c == '!')) {
			for (j = i; j < m->n && v[j].c != '>' && v[j].c != '\n'; j++)
				v[j].keep = MK_KEEP;
			if (j < m->n)
				v[j].keep = MK_KEEP;
			i = j;
		} else if (url_start(m, i)) {
			for (j = i; j < m->n && v[j].c > ' ' && v[j].c < 128; j++)
				v[j].keep = MK_KEEP;
			i = j - 1;
		}
	}
	/*
	 * No text of its own for the rule: emphasis marks, line breaks and
	 * the blanks or backslash of a hard break before one, a link's
	 * brackets and target.  Read backwards so a blank knows whether a
	 * line break follows it.
	 */
	for (i = m->n, k = 1; i-- > 0;) {
		v[i].skip = v[i].keep == MK_LINK || (v[i].keep == 0 &&
		    (v[i].c == '*' || v[i].c == '_' || v[i].c == '[' ||
		    v[i].c == ']' || ((v[i].c == ' ' || v[i].c == '\\') && k))) ||
		    v[i].c == '\n';
		k = v[i].c == '\n' || (k && v[i].skip);
	}
}

/* ---- the rule ---- */

enum kind { K_EDGE, K_KEEP, K_ZH, K_DIGIT, K_LATIN, K_SPACE, K_OTHER };

static enum kind
kind(const struct mtext *m, size_t i)
{
	gunichar	 c;

	if (i == NONE || i >= m->n)
		return K_EDGE;
	c = m->v[i].c;
	if (m->v[i].keep)
		return K_KEEP;
	if (zh_text(c))
		return K_ZH;
	if (c >= '0' && c <= '9')
		return K_DIGIT;
	if (g_unichar_isalpha(c))
		return K_LATIN;
	return c == ' ' ? K_SPACE : K_OTHER;
}

/*
 * Read past, as the rule looks for the text beside a mark: what
 * mtext_protect() says, and the other marks of a run in either width
 * (brackets aside).  So a repair never changes what its neighbours see,
 * and one pass of check --fix makes every repair a run of marks needs:
 * 如下:: takes two, not a pass each.
 */
static int
past(const struct mtext *m, size_t i)
{
	gunichar	 c = m->v[i].c;

	return m->v[i].skip || (!m->v[i].keep && c != '(' && c != ')' &&
	    c != 0xFF08 && c != 0xFF09 && zh_either_width(c));
}

/* The text before i; NONE at the start. */
static size_t
prev(const struct mtext *m, size_t i)
{
	while (i-- > 0)
		if (!past(m, i))
			return i;
	return NONE;
}

/* The text after i, past blanks too with blanks set; m->n at the end. */
static size_t
next(const struct mtext *m, size_t i, int blanks)
{
	for (i++; i < m->n; i++)
		if (!past(m, i) && !(blanks && kind(m, i) == K_SPACE))
			return i;
	return m->n;
}

static int
is(const struct mtext *m, size_t i, gunichar c)
{
	return i != NONE && i < m->n && m->v[i].c == c && !m->v[i].keep;
}

/* Part of a number as Chinese text writes it: 70.1%, 1,000, 10:30, 3/4. */
static int
numeric(gunichar c)
{
	return (c >= '0' && c <= '9') || (c != 0 && strchr(".,:%/-", (int)c));
}

/*
 * Chinese text right before i, or before the number right before it
 * (今年增长70.1%,比), blanks between the number and the text allowed.
 */
static int
zh_before(const struct mtext *m, size_t i)
{
	size_t	 j = prev(m, i);
	int	 digits = 0;

	while (j != NONE && kind(m, j) != K_KEEP && m->v[j].c < 128 &&
	    numeric(m->v[j].c)) {
		digits |= kind(m, j) == K_DIGIT;
		j = prev(m, j);
	}
	if (digits)
		while (kind(m, j) == K_SPACE)
			j = prev(m, j);
	else
		j = prev(m, i);
	return kind(m, j) == K_ZH;
}

static int
zh_after(const struct mtext *m, size_t i)
{
	return kind(m, next(m, i, 1)) == K_ZH;
}

static int
at_end(const struct mtext *m, size_t i)
{
	return next(m, i, 1) == m->n;
}

/* Inside an e-mail address or an HTML entity (&nbsp;): ASCII without
 * blanks around i holding an @, or an & before a ;. */
static int
address(const struct mtext *m, size_t i)
{
	size_t	 s, e;

	for (s = i; s > 0 && i - s < RUN_MAX && m->v[s - 1].c > ' ' &&
	    m->v[s - 1].c < 127; s--)
		if (m->v[s - 1].c == '@' || (m->v[s - 1].c == '&' &&
		    m->v[i].c == ';'))
			return 1;
	for (e = i + 1; e < m->n && e - i < RUN_MAX && m->v[e].c > ' ' &&
	    m->v[e].c < 127; e++)
		if (m->v[e].c == '@')
			return 1;
	return 0;
}

/* The partner of the parenthesis at i, or NONE. */
static size_t
partner(const struct mtext *m, size_t i)
{
	int	 dir = m->v[i].c == '(' ? 1 : -1, depth = 0;
	size_t	 j, k;

	for (j = i, k = 0; j < m->n && k < PAIR_MAX; j += (size_t)dir, k++) {
		if (!m->v[j].keep && (m->v[j].c == '(' || m->v[j].c == ')'))
			depth += m->v[j].c == '(' ? dir : -dir;
		if (depth == 0)
			return j;
		if (j == 0 && dir < 0)
			break;
	}
	return NONE;
}

/*
 * A pair of parentheses is Chinese when it holds Chinese text, or a
 * number with Chinese text beside it: 县(区), 今(13)日, (1)加强.  Around
 * Latin text it stays as written: (PM2.5), (Word 2016).
 */
static int
zh_pair(const struct mtext *m, size_t o, size_t c)
{
	size_t	 j;
	int	 digits = 0, other = 0;

	for (j = o + 1; j < c; j++) {
		if (past(m, j))
			continue;	/* marks inside neither make nor break it */
		switch (kind(m, j)) {
		case K_ZH:
			return 1;
		case K_DIGIT:
			digits = 1;
			break;
		case K_SPACE:
			break;
		case K_OTHER:
			other |= m->v[j].c != '%' && m->v[j].c != '/' &&
			    m->v[j].c != '-';
			break;
		default:			/* Latin, code */
			other = 1;
			break;
		}
	}
	return digits && !other && (zh_before(m, o) || zh_after(m, c));
}

unsigned long
mtext_mark(const struct mtext *m, size_t i)
{
	unsigned long	 full = zh_full_width(m->v[i].c);
	size_t		 b, a, j;

	if (full == 0 || m->v[i].keep || m->v[i].skip || address(m, i))
		return 0;
	b = prev(m, i);
	a = next(m, i, 0);
	switch (m->v[i].c) {
	case ',':
	case ';':
		if (kind(m, b) == K_DIGIT && kind(m, a) == K_DIGIT)
			return 0;		/* 1,000 */
		return zh_before(m, i) || zh_after(m, i) ? full : 0;
	case ':':
		/* 10:30, 1:500; [^1]: and [id]: are Markdown's */
		if ((kind(m, b) == K_DIGIT && kind(m, a) == K_DIGIT) ||
		    (i > 0 && m->v[i - 1].c == ']'))
			return 0;
		return zh_before(m, i) || zh_after(m, i) ? full : 0;
	case '?':
	case '!':
		/* ![ starts a picture */
		if (i + 1 < m->n && m->v[i + 1].c == '[')
			return 0;
		return zh_before(m, i) ? full : 0;
	case '.':
		/* 3.5 and 1.加强 (numbering) keep their point; a number
		 * ends a sentence only at the paragraph's end: 增长20%. */
		if (kind(m, b) == K_DIGIT || is(m, b, '%'))
			return at_end(m, i) && zh_before(m, i) ? full : 0;
		if (kind(m, b) != K_ZH)
			return 0;		/* e.g., file.docx */
		return zh_after(m, i) || at_end(m, i) ? full : 0;
	default:			/* ( ) */
		if ((j = partner(m, i)) == NONE)
			return 0;
		return zh_pair(m, j < i ? j : i, j < i ? i : j) ? full : 0;
	}
}
