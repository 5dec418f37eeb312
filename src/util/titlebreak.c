/* titlebreak.c -- where a title's lines end, for print, the phone image and Word: at word boundaries by ICU's dictionary, after marks, into the fewest lines of even length (GB/T 9704 §7.3.1). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "util/util.h"

#define TITLE_MAX	200		/* characters the title breaker takes on */
#define COST_QUOTE	4.0		/* em²: beside a quoted or bracketed phrase */
#define COST_WORD	9.0		/* em²: a break between words, not at a mark */

struct tbrk {
	UBreakIterator	*it[2];		/* ICU's word and line iterators, opened on first use */
	int		 failed[2];	/* ICU could not open one */
};

struct tbrk *
tbrk_new(void)
{
	return xcalloc(1, sizeof(struct tbrk));
}

void
tbrk_free(struct tbrk *t)
{
	if (t == NULL)
		return;
	if (t->it[0] != NULL)
		ubrk_close(t->it[0]);
	if (t->it[1] != NULL)
		ubrk_close(t->it[1]);
	free(t);
}

/*
 * Set at[i] for each of the n characters (byte offsets off[], in order)
 * that ICU's iterator k (0: words by the dictionary, 1: UAX #14 line
 * breaks) puts a boundary before.  Returns -1 when ICU has no such
 * iterator for Chinese, at[] untouched.
 */
static int
boundaries(struct tbrk *t, int k, const char *s, size_t len,
    const size_t *off, size_t n, unsigned char *at)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UText		*ut;
	int32_t		 b;
	size_t		 i = 0;

	if (t->it[k] == NULL && !t->failed[k]) {
		t->it[k] = ubrk_open(k == 0 ? UBRK_WORD : UBRK_LINE, "zh", NULL,
		    0, &err);
		if (U_FAILURE(err)) {
			t->it[k] = NULL;
			t->failed[k] = 1;
		}
	}
	if (t->it[k] == NULL)
		return -1;
	err = U_ZERO_ERROR;
	ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
	ubrk_setUText(t->it[k], ut, &err);
	if (U_FAILURE(err)) {
		utext_close(ut);
		return -1;
	}
	memset(at, 0, n);
	/* Boundaries come as byte offsets of the UTF-8 text, in order. */
	for (b = ubrk_first(t->it[k]); b != UBRK_DONE; b = ubrk_next(t->it[k])) {
		while (i < n && off[i] < (size_t)b)
			i++;
		if (i < n && off[i] == (size_t)b)
			at[i] = 1;
	}
	utext_close(ut);
	return 0;
}

/*
 * What a title line costs to end before c, after pc: nothing after a
 * pause or stop mark, a dash or a space (a phrase boundary); COST_QUOTE
 * after a closing or before an opening quote or bracket, since the quoted
 * words often belong with the next (“四定”模式); COST_WORD between two
 * words; TBRK_INSIDE inside a word.  -1 where no line may break
 * (brk 0: the prohibition rules; a space starting the next line).
 */
static double
cost_of(unsigned long pc, unsigned long c, int brk, int word)
{
	if (!brk || zh_space(c))
		return -1;
	if (zh_space(pc) || (zh_punct(pc) && !zh_no_end(pc) &&
	    !zh_no_start(pc)) || zh_stop(pc))
		return 0;
	if (zh_punct(pc) || zh_no_end(c))
		return COST_QUOTE;
	return word ? COST_WORD : TBRK_INSIDE;
}

double *
tbrk_costs(struct tbrk *t, const char *s, size_t len,
    const unsigned char *brk, size_t *np)
{
	unsigned long	*c = NULL;
	size_t		*off = NULL, n, i;
	unsigned char	*word = NULL, *line = NULL;
	const char	*q;
	double		*cost = NULL;
	int		 words;

	n = (size_t)g_utf8_strlen(s, (gssize)len);
	if (n == 0 || n > TITLE_MAX || memchr(s, '\n', len) != NULL)
		return NULL;
	c = xmalloc(n * sizeof(*c));
	off = xmalloc(n * sizeof(*off));
	for (q = s, i = 0; i < n; i++, q = g_utf8_next_char(q)) {
		off[i] = (size_t)(q - s);
		c[i] = g_utf8_get_char(q);
	}
	/* Without ICU's dictionary every break is taken for a word's. */
	word = xmalloc(n);
	words = boundaries(t, 0, s, len, off, n, word) == 0;
	if (brk == NULL) {
		/* UAX #14 by ICU, tailored as the shaper tailors Pango's */
		line = xmalloc(n);
		if (boundaries(t, 1, s, len, off, n, line) == -1)
			memset(line, 1, n);
		for (i = 1; i < n; i++)
			line[i] = (unsigned char)zh_tailor_break(c[i - 1], c[i],
			    line[i]);
		brk = line;
	}
	cost = xmalloc((n + 1) * sizeof(*cost));
	cost[0] = cost[n] = 0;
	for (i = 1; i < n; i++)
		cost[i] = cost_of(c[i - 1], c[i], brk[i], !words || word[i]);
	free(c);
	free(off);
	free(word);
	free(line);
	*np = n;
	return cost;
}

/*
 * The breaker's table: cost[l * nc + j] is the least cost of setting the
 * characters before candidate j in l lines whose widths are wid[i * nc +
 * j], each line costing its squared deviation from t plus the cost bc[j]
 * of its break; from[] says where that line began.  Fills rows 1 to
 * maxl, stopping at the first that reaches the end, and returns its
 * number, or 0.  Breaks inside words count only with inword.
 */
static size_t
table(size_t nc, const double *wid, const double *bc, double w, double t,
    double em, size_t maxl, int inword, double *cost, size_t *from)
{
	size_t	 i, j, l;
	double	 best, c;

	for (i = 0; i < (maxl + 1) * nc; i++)
		cost[i] = -1;
	cost[0] = 0;
	for (l = 1; l <= maxl; l++) {
		for (j = 1; j < nc; j++) {
			if (!inword && bc[j] >= TBRK_INSIDE)
				continue;
			best = -1;
			for (i = 0; i < j; i++) {
				if (cost[(l - 1) * nc + i] < 0 ||
				    wid[i * nc + j] > w)
					continue;
				c = cost[(l - 1) * nc + i] + bc[j] +
				    (wid[i * nc + j] - t) *
				    (wid[i * nc + j] - t) / (em * em);
				if (best < 0 || c < best) {
					best = c;
					from[l * nc + j] = i;
				}
			}
			cost[l * nc + j] = best;
		}
		if (cost[l * nc + nc - 1] >= 0)
			return l;
	}
	return 0;
}

/* The characters a line may end before (cost[] at least 0, below
 * limit), with 0 and n: their number, the candidates in cand[] (n + 1). */
static size_t
candidates(const double *cost, size_t n, double limit, size_t *cand,
    double *bc)
{
	size_t	 i, nc = 0;

	for (i = 0; i <= n; i++)
		if (i == 0 || i == n || (cost[i] >= 0 && cost[i] < limit)) {
			if (bc != NULL)
				bc[nc] = cost[i];
			cand[nc++] = i;
		}
	return nc;
}

size_t
tbrk_lines(const double *cost, size_t n,
    double (*width)(void *arg, size_t s, size_t e), void *arg, double w,
    double em, size_t maxl, size_t *start)
{
	size_t	*cand, *from, nc, i, j, l, nl = 0;
	double	*bc, *wid, *tab, tot;
	int	 inword;

	cand = xmalloc((n + 1) * sizeof(*cand));
	bc = xmalloc((n + 1) * sizeof(*bc));
	nc = candidates(cost, n, 2 * TBRK_INSIDE, cand, bc);
	/* Width of every candidate line as set. */
	wid = xmalloc(nc * nc * sizeof(*wid));
	for (i = 0; i < nc; i++)
		for (j = i + 1; j < nc; j++)
			wid[i * nc + j] = width(arg, cand[i], cand[j]);
	tot = wid[nc - 1];		/* row 0, column nc - 1: one line */
	if (maxl == 0 || maxl > nc - 1)
		maxl = nc - 1;
	/*
	 * The fewest lines, first without breaks inside words, then with
	 * them; then the best breaks for that many lines of mean width.
	 */
	tab = xmalloc((maxl + 1) * nc * sizeof(*tab));
	from = xmalloc((maxl + 1) * nc * sizeof(*from));
	for (inword = 0; inword < 2 && nl == 0; inword++)
		nl = table(nc, wid, bc, w, 0, em, maxl, inword, tab, from);
	if (nl > 0) {
		table(nc, wid, bc, w, tot / nl, em, nl, inword - 1, tab, from);
		start[nl] = n;
		for (j = nc - 1, l = nl; l > 0; l--) {
			i = from[l * nc + j];
			start[l - 1] = cand[i];
			j = i;
		}
	}
	free(cand);
	free(bc);
	free(wid);
	free(tab);
	free(from);
	return nl;
}

/*
 * The narrowest measure that sets the characters in at most maxl lines
 * ending only at the nc candidates cand[] (the first 0, the last n):
 * best[l * nc + j] is that for the characters before candidate j in at
 * most l lines, -1 where there is none.
 */
static double
narrowest(const size_t *cand, size_t nc, size_t maxl,
    double (*width)(void *arg, size_t s, size_t e), void *arg)
{
	double	*best = xmalloc((maxl + 1) * nc * sizeof(*best)), w, least;
	size_t	 i, j, l;

	for (j = 0; j < nc; j++)
		best[j] = j == 0 ? 0 : -1;
	for (l = 1; l <= maxl; l++)
		for (j = 0; j < nc; j++) {
			least = best[(l - 1) * nc + j];
			for (i = 0; i < j; i++) {
				if (best[(l - 1) * nc + i] < 0)
					continue;
				w = width(arg, cand[i], cand[j]);
				if (best[(l - 1) * nc + i] > w)
					w = best[(l - 1) * nc + i];
				if (least < 0 || w < least)
					least = w;
			}
			best[l * nc + j] = least;
		}
	least = best[maxl * nc + nc - 1];
	free(best);
	return least;
}

double
tbrk_narrowest(const double *cost, size_t n,
    double (*width)(void *arg, size_t s, size_t e), void *arg, size_t maxl)
{
	size_t	*cand = xmalloc((n + 1) * sizeof(*cand)), nc, i;
	double	 least = 0, w;

	/* Where tbrk_lines() ends a line but inside a word. */
	nc = candidates(cost, n, TBRK_INSIDE, cand, NULL);
	if (maxl > 0 && maxl < nc - 1)
		least = narrowest(cand, nc, maxl, width, arg);
	else
		for (i = 1; i < nc; i++)
			if ((w = width(arg, cand[i - 1], cand[i])) > least)
				least = w;
	free(cand);
	return least;
}
