/* linebreak.c -- where a paragraph's lines end: prohibitions, squeezing and carrying, 孤字 repair, titles broken at word boundaries and balanced. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "layint.h"
#include "mem.h"
#include "msg.h"

#define EPS		0.05			/* pt of slack when fitting a line */
#define MAX_ORPHAN_PULL	6			/* characters a line may give up */

/* ---- line breaking ---- */

static double
natural(const struct para *p, size_t i)
{
	const struct pch *c = &p->ch[i];

	return shape_interpunct(c->c) ? c->adv - c->cl - c->cr : c->adv;
}

static int
short_last(const struct para *p, size_t s, size_t e)
{
	size_t	 i, han = 0;

	for (i = s; i < e; i++)
		if (!p->ch[i].mark && p->ch[i].c != ' ')
			han++;
	return han <= 2 && e - s <= 3;
}

/*
 * Break p into lines of width w (the first w - ind1, the others w - ind2).
 * Lines are filled at natural width, so a line of Han holds exactly the
 * grid's 28; a mark that may not start a line is first squeezed into the
 * line (compression), else characters are carried down (the line is then
 * justified).  A short last line pulls characters down from the line
 * before.  Returns the number of lines in *out (caller frees).
 */
size_t
lbrk_para(struct lb *lb, struct para *p, double w, double ind1, double ind2,
    struct line **out)
{
	struct line	*ln = NULL;
	size_t		 nl = 0, cap = 0, s = 0, e, k;
	double		*a, *sh, x, avail;

	a = xmalloc((p->nch + 1) * sizeof(*a));
	sh = xmalloc((p->nch + 1) * sizeof(*sh));
	while (s < p->nch) {
		size_t brk;

		avail = w - (nl == 0 || p->ch[s - 1].c == '\n' ? ind1 : ind2);
		if (nl > 0 && p->ch[s - 1].c == '\n')
			avail = w - ind2;
		x = 0;
		e = s;
		while (e < p->nch && p->ch[e].c != '\n' &&
		    (e == s || x + natural(p, e) <= avail + EPS)) {
			x += natural(p, e);
			e++;
		}
		if (e == p->nch || p->ch[e].c == '\n') {
			brk = e;
		} else if (p->ch[e].brk) {
			brk = e;
		} else {
			brk = 0;
			/* 先挤进: squeeze one or two marks in. */
			for (k = e; k < e + 2 && k < p->nch &&
			    p->ch[k].mark && !shape_pairmark(p->ch[k].c); k++)
				if ((k + 1 == p->nch || p->ch[k + 1].brk) &&
				    shape_width(p, s, k + 1, 1, a, sh) -
				    shape_shrinkable(p, s, k + 1, a) <=
				    avail + EPS) {
					brk = k + 1;
					break;
				}
			/* 后推出: carry characters down. */
			if (brk == 0) {
				for (k = e - 1; k > s && !p->ch[k].brk; k--)
					;
				brk = k > s ? k : e;
			}
		}
		if (nl == cap) {
			cap = cap ? 2 * cap : 8;
			ln = xrealloc(ln, cap * sizeof(*ln));
		}
		ln[nl].s = s;
		ln[nl].e = brk;
		ln[nl].last = 0;
		ln[nl].trim = 0;
		nl++;
		/* A hard break ends this line; the next one starts after it. */
		s = brk;
		if (s < p->nch && p->ch[s].c == '\n')
			s++;
	}
	if (nl > 0)
		ln[nl - 1].last = 1;
	for (k = 0; k + 1 < nl; k++)
		if (ln[k].e < p->nch && p->ch[ln[k].e].c == '\n')
			ln[k].last = 1;

	/* 孤字: the last line must not be one or two characters. */
	if (p->orphans && nl >= 2 && !ln[nl - 2].last &&
	    short_last(p, ln[nl - 1].s,
	    ln[nl - 1].e)) {
		struct line *pl = &ln[nl - 2], *ll = &ln[nl - 1];
		size_t b, done = 0;

		for (b = pl->e - 1; b > pl->s && pl->e - b <= MAX_ORPHAN_PULL;
		    b--) {
			if (!p->ch[b].brk || short_last(p, b, ll->e))
				continue;
			for (x = 0, k = b; k < ll->e; k++)
				x += natural(p, k);
			if (x > w - ind2 + EPS)
				break;
			pl->e = b;
			ll->s = b;
			done = 1;
			break;
		}
		if (!done) {
			struct buf t = { 0 };

			buf_put(&t, p->text.data + p->ch[ll->s].off,
			    (ll->e < p->nch ? p->ch[ll->e].off : p->text.len) -
			    p->ch[ll->s].off);
			msg(MSG_ORPHAN_CHAR, p->pos, t.data);
			buf_free(&t);
		}
	}
	free(a);
	free(sh);
	*out = ln;
	return nl;
}

/* ---- titles (GB/T 9704 §7.3.1: break at meaning boundaries, balance) ---- */

#define TITLE_MAX	200		/* characters the title breaker takes on */
#define COST_QUOTE	4.0		/* em²: beside a quoted or bracketed phrase */
#define COST_WORD	9.0		/* em²: a break between words, not at a mark */
#define COST_CHAR	1e4		/* em²: inside a word wider than the measure */

/*
 * Mark in word[] the characters a word starts at, by ICU's dictionary-
 * based word break iterator.  Returns -1 if ICU has no iterator for
 * Chinese; the caller then treats every break opportunity as a word one.
 */
static int
word_starts(struct lb *lb, const struct para *p, unsigned char *word)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UText		*ut;
	int32_t		 b;
	size_t		 i = 0;

	if (lb->words == NULL && !lb->nowords) {
		lb->words = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
		if (U_FAILURE(err)) {
			lb->words = NULL;
			lb->nowords = 1;
		}
	}
	if (lb->words == NULL)
		return -1;
	err = U_ZERO_ERROR;
	ut = utext_openUTF8(NULL, p->text.data, (int64_t)p->text.len, &err);
	ubrk_setUText(lb->words, ut, &err);
	if (U_FAILURE(err)) {
		utext_close(ut);
		return -1;
	}
	/* Boundaries come as byte offsets of the UTF-8 text, in order. */
	for (b = ubrk_first(lb->words); b != UBRK_DONE;
	    b = ubrk_next(lb->words)) {
		while (i < p->nch && p->ch[i].off < (size_t)b)
			i++;
		if (i < p->nch && p->ch[i].off == (size_t)b)
			word[i] = 1;
	}
	utext_close(ut);
	return 0;
}

/*
 * What a title line costs to end before character i: nothing after a
 * pause or stop mark, a dash or a space (a phrase boundary); COST_QUOTE
 * after a closing or before an opening quote or bracket, since the quoted
 * words often belong with the next (“四定”模式); COST_WORD between two
 * words; COST_CHAR inside a word.  -1 where no line may break
 * (prohibition rules, a space starting the next line).
 */
static double
break_cost(const struct para *p, const unsigned char *word, size_t i)
{
	const struct pch	*c = &p->ch[i], *pc = &p->ch[i - 1];

	if (!c->brk || shape_space(c->c))
		return -1;
	if (shape_space(pc->c) || (pc->mark && !shape_no_end(pc->c) &&
	    !shape_no_start(pc->c)) || shape_stop(pc->c))
		return 0;
	if (pc->mark || shape_no_end(c->c))
		return COST_QUOTE;
	return word == NULL || word[i] ? COST_WORD : COST_CHAR;
}

/*
 * The title breaker's table: cost[l * nc + j] is the least cost of setting
 * the characters before candidate j in l lines whose widths are wid[i *
 * nc + j], each line costing its squared deviation from t plus the cost
 * bc[j] of its break; from[] says where that line began (-1: no way).
 * Fills rows 1 to maxl, stopping at the first that reaches the end, and
 * returns its number, or 0.  Breaks inside words count only with inword.
 */
static size_t
title_table(size_t nc, const double *wid, const double *bc, double w,
    double t, double em, size_t maxl, int inword, double *cost, size_t *from)
{
	size_t	 i, j, l;
	double	 best, c;

	for (i = 0; i < (maxl + 1) * nc; i++)
		cost[i] = -1;
	cost[0] = 0;
	for (l = 1; l <= maxl; l++) {
		for (j = 1; j < nc; j++) {
			if (!inword && bc[j] >= COST_CHAR)
				continue;
			best = -1;
			for (i = 0; i < j; i++) {
				if (cost[(l - 1) * nc + i] < 0 ||
				    wid[i * nc + j] > w + EPS)
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

/*
 * Break a title into the fewest lines of width at most w that need no
 * break inside a word (if a single word is wider than w, the fewest at
 * all), choosing among them the breaks that keep the lines closest to
 * even length (squared deviation from the mean, in em²) plus the cost of
 * each break.  Returns the number of lines in *out (caller frees), or 0
 * when the title is too long for this search.
 */
size_t
lbrk_title(struct lb *lb, struct para *p, double w, struct line **out)
{
	unsigned char	*word;
	size_t		*cand, nc = 0, i, j, l, nl = 0, maxl, *from;
	double		*wid, *cost, *bc, *a, *sh, em = p->ch[0].em, tot;
	struct line	*ln;
	int		 words, inword;

	if (p->nch == 0 || p->nch > TITLE_MAX)
		return 0;
	for (i = 0; i < p->nch; i++)
		if (p->ch[i].c == '\n')
			return 0;
	word = xcalloc(p->nch + 1, 1);
	words = word_starts(lb, p, word) == 0;
	cand = xmalloc((p->nch + 1) * sizeof(*cand));
	bc = xmalloc((p->nch + 1) * sizeof(*bc));
	cand[nc] = 0;
	bc[nc++] = 0;
	for (i = 1; i < p->nch; i++) {
		double c = break_cost(p, words ? word : NULL, i);

		if (c >= 0) {
			cand[nc] = i;
			bc[nc++] = c;
		}
	}
	cand[nc] = p->nch;
	bc[nc++] = 0;
	free(word);

	/* Width of every candidate line as set, its end mark trimmed. */
	a = xmalloc((p->nch + 1) * sizeof(*a));
	sh = xmalloc((p->nch + 1) * sizeof(*sh));
	wid = xmalloc(nc * nc * sizeof(*wid));
	for (i = 0; i < nc; i++)
		for (j = i + 1; j < nc; j++)
			wid[i * nc + j] = shape_width(p, cand[i], cand[j], 1, a,
			    sh);
	tot = wid[nc - 1];		/* row 0, column nc - 1: one line */
	free(a);
	free(sh);

	/*
	 * The fewest lines, first without breaks inside words, then with
	 * them; then the best breaks for that many lines of mean width.
	 */
	maxl = nc - 1;
	cost = xmalloc((maxl + 1) * nc * sizeof(*cost));
	from = xmalloc((maxl + 1) * nc * sizeof(*from));
	for (inword = 0; inword < 2 && nl == 0; inword++)
		nl = title_table(nc, wid, bc, w, 0, em, maxl, inword, cost,
		    from);
	if (nl > 0)
		title_table(nc, wid, bc, w, tot / nl, em, nl, inword - 1, cost,
		    from);
	ln = NULL;
	if (nl > 0) {
		ln = xcalloc(nl, sizeof(*ln));
		for (j = nc - 1, l = nl; l > 0; l--) {
			i = from[l * nc + j];
			ln[l - 1].s = cand[i];
			ln[l - 1].e = cand[j];
			ln[l - 1].trim = 1;
			j = i;
		}
		ln[nl - 1].last = 1;
	}
	free(cand);
	free(bc);
	free(wid);
	free(cost);
	free(from);
	*out = ln;
	return nl;
}

void
lbrk_close(struct lb *lb)
{
	if (lb->words != NULL)
		ubrk_close(lb->words);
	lb->words = NULL;
}
