/* linebreak.c -- where a paragraph's lines end: prohibitions, squeezing and carrying, no line stretched by over one character, 孤字 repair, titles broken at word boundaries and balanced. */
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <math.h>
#include <string.h>

#include "model/model.h"
#include "print/layout_int.h"
#include "util/util.h"

#define EPS		0.05			/* pt of slack when fitting a line */
#define LOOSE		1.0			/* em a justified line may be stretched */
#define MAX_PULL	6.0			/* em a line may give up for a 孤字 */
#define TAIL_LINES	4			/* lines before a bad one the repair re-breaks */
#define COST_SQUEEZE	0.25			/* per em² of marks squeezed */
#define COST_LOOSE	100.0			/* per em a line is stretched beyond LOOSE */
#define COST_ORPHAN	1e4			/* a short last line */
#define COST_MOVED	1e-3			/* a break the first pass did not choose */

/* ---- line breaking ---- */

static double
natural(const struct para *p, size_t i)
{
	const struct pch *c = &p->ch[i];

	return zh_interpunct(c->c) ? c->adv - c->cl - c->cr : c->adv;
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

/* The measure of a line starting at s: the first of a paragraph is
 * indented by ind1, the others, also after a hard break, by ind2 (as
 * flow_para() sets them). */
static double
measure(size_t s, double w, double ind1, double ind2)
{
	return w - (s == 0 ? ind1 : ind2);
}

/*
 * Width of the justified line [s, e) as flow_line() sets it before
 * stretching: adjacent marks compressed, its end mark trimmed, an opening
 * bracket starting a wrapped line in ½ em; *shrink is the blank its marks
 * may still give up (a[] and sh[] hold e - s, the caller's).
 */
static double
set_width(const struct para *p, size_t s, size_t e, double *a, double *sh,
    double *shrink)
{
	double	 w;

	w = shape_width(p, s, e, 1, a, sh);
	if (s > 0 && p->ch[s - 1].c != '\n' && p->ch[s].cl > 0 &&
	    p->ch[s].cr == 0 && a[0] >= p->ch[s].adv - 0.01) {
		a[0] -= p->ch[s].cl;
		w -= p->ch[s].cl;
	}
	*shrink = shape_shrinkable(p, s, e, a);
	return w;
}

/*
 * Whether the justified line [s, e) is stretched by more than LOOSE em.
 * As set it is no narrower than its natural width less the blanks of its
 * marks and its spaces, which settles most lines without setting them.
 */
static int
loose(const struct para *p, size_t s, size_t e, double avail, double *a,
    double *sh)
{
	double	 n = 0, b = 0, shrink, lim;
	size_t	 i;

	lim = avail - LOOSE * p->ch[s].em - EPS;
	for (i = s; i < e; i++) {
		n += natural(p, i);
		if (p->ch[i].mark)
			b += p->ch[i].cl + p->ch[i].cr;
		else if (zh_space(p->ch[i].c))
			b += p->ch[i].adv;
	}
	return n - b < lim && set_width(p, s, e, a, sh, &shrink) < lim;
}

/* Whether [s, e) holds Han and no ASCII: a line of pure Han text. */
static int
pure_han(const struct para *p, size_t s, size_t e)
{
	size_t	 i;
	int	 han = 0;

	for (i = s; i < e; i++) {
		if (p->ch[i].c < 0x7f && p->ch[i].c != '\n')
			return 0;
		han |= !p->ch[i].mark;
	}
	return han;
}

/* Where the text of character i stands in the source. */
static struct jb_pos
char_pos(struct lb *lb, const struct para *p, size_t i)
{
	if (p->src0 != NOSRC && i < p->nch && p->ch[i].off >= p->src0)
		return dtext_locate(lb->d, p->pos, p->text.data + p->src0,
		    p->ch[i].off - p->src0);
	return *p->pos;
}

/* Report line [s, e) of p, quoted, at its first character. */
static void
report(struct lb *lb, const struct para *p, enum msgid id, size_t s,
    size_t e)
{
	struct buf	 t = { 0 };
	struct jb_pos	 pos = char_pos(lb, p, s);

	buf_put(&t, p->text.data + p->ch[s].off,
	    (e < p->nch ? p->ch[e].off : p->text.len) - p->ch[s].off);
	msg(id, &pos, t.data);
	buf_free(&t);
}

/*
 * Re-break characters [s0, end) of p, where end ends the paragraph or
 * comes before a hard break, into the lines of least cost (clreq §3,
 * "先挤进，后推出"): a justified line costs its stretch squared, and
 * COST_LOOSE an em beyond one character's width; squeezing its marks
 * costs COST_SQUEEZE an em², so a mark squeezed into a line comes before
 * a character carried down; a short last line costs COST_ORPHAN when
 * orphans are avoided.  Of equal costs the first pass's breaks (in
 * first[], by character) win.  Returns the lines in *out (caller frees)
 * and their number, 0 when no way fits.
 */
static size_t
rebreak(const struct para *p, size_t s0, size_t end, double w, double ind1,
    double ind2, const unsigned char *first, struct line **out, double *a,
    double *sh)
{
	size_t	*cand, *from, nc = 0, i, j, k, nl, lo;
	double	*cost, *nat, *blank, em = p->ch[s0].em, width, shrink, avail;
	double	 s, c;
	struct line *ln;

	/* Natural widths and blanks (of marks, and spaces, which vanish at
	 * a line end) summed from s0: a line as set is no wider than the
	 * one and no narrower than it less the other. */
	nat = xmalloc((end - s0 + 1) * sizeof(*nat));
	blank = xmalloc((end - s0 + 1) * sizeof(*blank));
	nat[0] = blank[0] = 0;
	for (k = s0; k < end; k++) {
		nat[k - s0 + 1] = nat[k - s0] + natural(p, k);
		blank[k - s0 + 1] = blank[k - s0] + (p->ch[k].mark ?
		    p->ch[k].cl + p->ch[k].cr : zh_space(p->ch[k].c) ?
		    p->ch[k].adv : 0);
	}
	cand = xmalloc((end - s0 + 2) * sizeof(*cand));
	cand[nc++] = s0;
	for (k = s0 + 1; k < end; k++)
		if (p->ch[k].brk)
			cand[nc++] = k;
	cand[nc++] = end;
	cost = xmalloc(nc * sizeof(*cost));
	from = xmalloc(nc * sizeof(*from));
	cost[0] = 0;
	for (j = 1; j < nc; j++) {
		cost[j] = -1;
		/* The longest line that may end at j starts at lo. */
		for (lo = j - 1; lo > 0; lo--) {
			double n = nat[cand[j] - s0] - nat[cand[lo - 1] - s0];
			double b = blank[cand[j] - s0] - blank[cand[lo - 1] - s0];

			if (n - b > measure(cand[lo - 1], w, ind1, ind2) + EPS)
				break;
		}
		/* Longest first: the full lines found, short ones are cut off
		 * by what their stretch costs at least. */
		for (i = lo; i < j; i++) {
			double n = nat[cand[j] - s0] - nat[cand[i] - s0], d;

			avail = measure(cand[i], w, ind1, ind2);
			d = avail - n;
			if (cost[i] < 0 || (j + 1 < nc && i + 1 < j &&
			    d > MAX_PULL * em + EPS))
				continue;
			c = j + 1 < nc && d > 0 ? d * d / (em * em) : 0;
			if (j + 1 < nc && d > LOOSE * em + EPS)
				c += COST_LOOSE * d / em;
			if (cost[j] >= 0 && cost[i] + c >= cost[j])
				continue;
			width = set_width(p, cand[i], cand[j], a, sh, &shrink);
			if (width - shrink > avail + EPS && i + 1 < j)
				continue;
			s = avail - width;
			if (j + 1 == nc) {
				c = p->orphans && end == p->nch && cand[i] > 0 &&
				    p->ch[cand[i] - 1].c != '\n' &&
				    short_last(p, cand[i], end) ? COST_ORPHAN :
				    0;
			} else if (s >= 0) {
				if (s > MAX_PULL * em + EPS && i + 1 < j)
					continue;
				c = s * s / (em * em);
				if (s > LOOSE * em + EPS)
					c += COST_LOOSE * s / em;
				if (!first[cand[j]])
					c += COST_MOVED;
			} else {
				c = COST_SQUEEZE * s * s / (em * em);
				if (!first[cand[j]])
					c += COST_MOVED;
			}
			if (cost[j] < 0 || cost[i] + c < cost[j]) {
				cost[j] = cost[i] + c;
				from[j] = i;
			}
		}
	}
	nl = 0;
	ln = NULL;
	if (cost[nc - 1] >= 0) {
		for (j = nc - 1; j > 0; j = from[j])
			nl++;
		ln = xcalloc(nl, sizeof(*ln));
		for (k = nl, j = nc - 1; j > 0; j = from[j]) {
			k--;
			ln[k].s = cand[from[j]];
			ln[k].e = cand[j];
		}
	}
	free(nat);
	free(blank);
	free(cand);
	free(cost);
	free(from);
	*out = ln;
	return nl;
}

/*
 * Break p into lines of width w (the first w - ind1, the others w - ind2).
 * Lines are filled at natural width, so a line of Han holds exactly the
 * grid's 28; a mark that may not start a line is first squeezed into the
 * line (compression), else characters are carried down (the line is then
 * justified).  Where that leaves a justified line stretched by more than
 * one character's width (p->loose) or a short last line (p->orphans),
 * the lines from a few before it to the end of the paragraph are broken
 * again by rebreak(); what still fails is reported.  Returns the number
 * of lines in *out (caller frees).
 */
size_t
lbrk_para(struct lb *lb, struct para *p, double w, double ind1, double ind2,
    struct line **out)
{
	struct line	*ln = NULL, *nw;
	size_t		 nl = 0, cap = 0, s = 0, e, k, i, a0, seg, n;
	double		*a, *sh, x, avail;
	unsigned char	*first;

	a = xmalloc((p->nch + 1) * sizeof(*a));
	sh = xmalloc((p->nch + 1) * sizeof(*sh));
	while (s < p->nch) {
		size_t brk;

		avail = measure(s, w, ind1, ind2);
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
			    p->ch[k].mark && !zh_pairmark(p->ch[k].c); k++)
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

	/*
	 * Lines stretched too far, 孤字: break again from TAIL_LINES before
	 * the first bad line to the end of its run between hard breaks.
	 */
	first = xcalloc(p->nch + 1, 1);
	for (k = 0; k < nl; k++)
		first[ln[k].e] = 1;
	for (seg = 0, k = 0; k < nl; k++) {
		int end = ln[k].e == p->nch || p->ch[ln[k].e].c == '\n';
		int bad = 0;

		if (!end && p->loose)
			bad = loose(p, ln[k].s, ln[k].e, measure(ln[k].s, w,
			    ind1, ind2), a, sh);
		if (end && p->orphans && ln[k].e == p->nch && k > seg &&
		    short_last(p, ln[k].s, ln[k].e))
			bad = 1;
		if (bad) {
			a0 = k >= seg + TAIL_LINES ? k - TAIL_LINES : seg;
			for (i = k; !(ln[i].e == p->nch ||
			    p->ch[ln[i].e].c == '\n'); i++)
				;
			n = rebreak(p, ln[a0].s, ln[i].e, w, ind1, ind2, first,
			    &nw, a, sh);
			if (n > 0) {
				/* lines a0..i become the n new ones */
				if (nl - (i + 1 - a0) + n > cap) {
					cap = nl - (i + 1 - a0) + n;
					ln = xrealloc(ln, cap * sizeof(*ln));
				}
				memmove(&ln[a0 + n], &ln[i + 1],
				    (nl - i - 1) * sizeof(*ln));
				for (e = 0; e < n; e++) {
					ln[a0 + e] = nw[e];
					ln[a0 + e].last = 0;
					ln[a0 + e].trim = 0;
				}
				nl = nl - (i + 1 - a0) + n;
				k = a0 + n - 1;
				free(nw);
			} else
				k = i;
		}
		if (ln[k].e == p->nch || p->ch[ln[k].e].c == '\n')
			seg = k + 1;
	}
	free(first);

	for (k = 0; k < nl; k++)
		ln[k].last = ln[k].e == p->nch || p->ch[ln[k].e].c == '\n';
	/* What the repair could not mend. */
	for (seg = 0, k = 0; k < nl; k++) {
		if (!ln[k].last && p->loose && pure_han(p, ln[k].s, ln[k].e) &&
		    loose(p, ln[k].s, ln[k].e, measure(ln[k].s, w, ind1, ind2),
		    a, sh))
			report(lb, p, MSG_LOOSE_LINE, ln[k].s, ln[k].e);
		if (ln[k].last && ln[k].e == p->nch && p->orphans && k > seg &&
		    short_last(p, ln[k].s, ln[k].e))
			report(lb, p, MSG_ORPHAN_CHAR, ln[k].s, ln[k].e);
		if (ln[k].last)
			seg = k + 1;
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

	if (!c->brk || zh_space(c->c))
		return -1;
	if (zh_space(pc->c) || (pc->mark && !zh_no_end(pc->c) &&
	    !zh_no_start(pc->c)) || zh_stop(pc->c))
		return 0;
	if (pc->mark || zh_no_end(c->c))
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

/*
 * The narrowest measure that sets the characters of p in at most maxl
 * lines ending only at the nc candidates cand[] (the first 0, the last
 * p->nch): best[l * nc + j] is that for the characters before candidate
 * j in at most l lines, -1 where there is none.  a[] and sh[] hold
 * p->nch each, the caller's.
 */
static double
narrowest(const struct para *p, const size_t *cand, size_t nc, size_t maxl,
    double *a, double *sh)
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
				w = fmax(best[(l - 1) * nc + i],
				    shape_width(p, cand[i], cand[j], 1, a, sh));
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
lbrk_title_min(struct lb *lb, struct para *p, size_t maxl)
{
	unsigned char	*word;
	size_t		*cand, nc = 0, i;
	double		*a, *sh, least = 0;
	int		 words;

	if (p->nch == 0 || p->nch > TITLE_MAX)
		return -1;
	for (i = 0; i < p->nch; i++)
		if (p->ch[i].c == '\n')
			return -1;
	/* Where lbrk_title() ends a line but inside a word. */
	word = xcalloc(p->nch + 1, 1);
	words = word_starts(lb, p, word) == 0;
	cand = xmalloc((p->nch + 1) * sizeof(*cand));
	cand[nc++] = 0;
	for (i = 1; i < p->nch; i++) {
		double c = break_cost(p, words ? word : NULL, i);

		if (c >= 0 && c < COST_CHAR)
			cand[nc++] = i;
	}
	cand[nc++] = p->nch;
	free(word);
	a = xmalloc(p->nch * sizeof(*a));
	sh = xmalloc(p->nch * sizeof(*sh));
	if (maxl > 0 && maxl < nc - 1)
		least = narrowest(p, cand, nc, maxl, a, sh);
	else
		for (i = 1; i < nc; i++)
			least = fmax(least, shape_width(p, cand[i - 1],
			    cand[i], 1, a, sh));
	free(cand);
	free(a);
	free(sh);
	return least;
}

void
lbrk_close(struct lb *lb)
{
	if (lb->words != NULL)
		ubrk_close(lb->words);
	lb->words = NULL;
}
