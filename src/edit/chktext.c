/* chktext.c -- check's rules on the text of an issue's blocks: half-width marks, balance, split paragraphs, dates, doubled words, spaces, private-use characters, mixed quotes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"
#include "edit/check_int.h"

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

/* Half-width marks in Chinese text, read from the block's lines as
 * check --fix reads them (marks.c). */
static void
rule_halfwidth(struct cfile *f, const struct block *b)
{
	struct mtext	 m = { NULL, 0, 0 };
	size_t		 i;
	unsigned long	 full;
	int		 ln;

	for (ln = b->first; ln <= b->last; ln++)
		mtext_line(&m, f->src, ln);
	mtext_protect(&m);
	for (i = 0; i < m.n; i++)
		if ((full = mtext_mark(&m, i)) != 0)
			chkfind_add(f, MSG_CHK_HALFWIDTH, m.v[i].line, m.v[i].col,
			    chkfind_char(m.v[i].c), chkfind_char((gunichar)full),
			    NULL);
	free(m.v);
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
		    g_unichar_isalpha(b->v[i - 1].c) && !zh_han(b->v[i - 1].c) &&
		    g_unichar_isalpha(b->v[i + 1].c) && !zh_han(b->v[i + 1].c))
			continue;
		if (open) {
			stack[sp++] = i;
			continue;
		}
		for (j = sp; j > 0; j--)
			if (b->v[stack[j - 1]].c == pairs[kind][0])
				break;
		if (j == 0)
			chkfind_add(f, MSG_CHK_UNOPENED, b->v[i].line, b->v[i].col,
			    chkfind_char(b->v[i].c), chkfind_char(pairs[kind][0]), NULL);
		else if (j != sp)
			chkfind_add(f, MSG_CHK_MISNESTED, b->v[i].line, b->v[i].col,
			    chkfind_char(b->v[i].c), chkfind_char(b->v[stack[sp - 1]].c),
			    NULL);
		if (j > 0)
			sp = j - 1;
	}
	while (sp > 0) {
		i = stack[--sp];
		for (k = 0; k < G_N_ELEMENTS(pairs); k++)
			if (pairs[k][0] == b->v[i].c)
				break;
		chkfind_add(f, MSG_CHK_UNCLOSED, b->v[i].line, b->v[i].col,
		    chkfind_char(b->v[i].c), chkfind_char(pairs[k][1]), NULL);
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
	chkfind_add(f, MSG_CHK_SPLIT_PARA, last->line, last->col,
	    chkfind_chars(a->v + a->n - n, n), chkfind_chars(b->v, b->n < 8 ? b->n : 8),
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
		chkfind_add(f, MSG_CHK_DATE_FORMAT, b->v[i].line, b->v[i].col,
		    chkfind_chars(b->v + i, j - i), xstrdup(want), NULL);
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
		if (b->v[i].c != b->v[i + 1].c || !zh_han(b->v[i].c))
			goto words;
		for (p = doubled_chars; *p; p = g_utf8_next_char(p))
			if (g_utf8_get_char(p) == b->v[i].c)
				break;
		if (*p == '\0' || doubled_exception(b, i))
			goto words;
		chkfind_add(f, MSG_CHK_DOUBLED, b->v[i + 1].line, b->v[i + 1].col,
		    chkfind_chars(b->v + i, 2), NULL, NULL);
		continue;
words:
		/* Only a repeated pair can be a doubled word: most text is
		 * passed over without decoding the list. */
		if (i + 3 >= b->n || b->v[i].c != b->v[i + 2].c ||
		    b->v[i + 1].c != b->v[i + 3].c)
			continue;
		for (k = 0; doubled_words[k] != NULL; k++) {
			p = doubled_words[k];
			w[0] = g_utf8_get_char(p);
			w[1] = g_utf8_get_char(g_utf8_next_char(p));
			if (b->v[i].c == w[0] && b->v[i + 1].c == w[1] &&
			    b->v[i + 2].c == w[0] && b->v[i + 3].c == w[1]) {
				/* reported at the repeated word */
				chkfind_add(f, MSG_CHK_DOUBLED, b->v[i + 2].line,
				    b->v[i + 2].col, chkfind_chars(b->v + i, 4),
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
		han = zh_han(pair[0]) && zh_han(pair[1]) && paren == 0;
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
			chkfind_add(f, han ? MSG_CHK_CJK_SPACE : MSG_CHK_MARK_SPACE,
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
			chkfind_add(f, MSG_CHK_PRIVATE_USE, b->v[i].line,
			    b->v[i].col, chkfind_char(b->v[i].c),
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
		chkfind_add(f, MSG_CHK_MIXED_QUOTES, corner->line, corner->col,
		    xstrdup("“”"), xstrdup("「」"), NULL);
}

void
chktext_rules(struct cfile *f)
{
	size_t	 i;

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
}
