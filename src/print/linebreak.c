/* linebreak.c -- where a paragraph's lines end: prohibitions, squeezing and carrying, no line stretched by over one character, 孤字 repair, titles broken at word boundaries and balanced. */
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

/* ---- titles (GB/T 9704 §7.3.1: the title breaker of util/titlebreak.c) ---- */

/* What the title breaker needs of p: its widths as set, a line's end mark trimmed. */
struct twidth {
	struct para	*p;
	double		*a, *sh;	/* p->nch + 1 each */
};

static double
title_width(void *arg, size_t s, size_t e)
{
	struct twidth	*tw = arg;

	return shape_width(tw->p, s, e, 1, tw->a, tw->sh);
}

/* Break costs of p's characters, with the shaper's break opportunities;
 * NULL where the title breaker takes no such title. */
static double *
title_costs(struct lb *lb, const struct para *p)
{
	unsigned char	*brk;
	double		*cost;
	size_t		 i, n;

	if (lb->tbrk == NULL)
		lb->tbrk = tbrk_new();
	brk = xmalloc(p->nch + 1);
	for (i = 0; i < p->nch; i++)
		brk[i] = (unsigned char)p->ch[i].brk;
	cost = tbrk_costs(lb->tbrk, p->text.data, p->text.len, brk, &n);
	free(brk);
	return cost;
}

size_t
lbrk_title(struct lb *lb, struct para *p, double w, struct line **out)
{
	struct twidth	 tw = { p, NULL, NULL };
	struct line	*ln = NULL;
	double		*cost;
	size_t		*start, nl = 0, l;

	*out = NULL;
	if ((cost = title_costs(lb, p)) == NULL)
		return 0;
	tw.a = xmalloc((p->nch + 1) * sizeof(*tw.a));
	tw.sh = xmalloc((p->nch + 1) * sizeof(*tw.sh));
	start = xmalloc((p->nch + 1) * sizeof(*start));
	nl = tbrk_lines(cost, p->nch, title_width, &tw, w + EPS, p->ch[0].em,
	    0, start);
	if (nl > 0) {
		ln = xcalloc(nl, sizeof(*ln));
		for (l = 0; l < nl; l++) {
			ln[l].s = start[l];
			ln[l].e = start[l + 1];
			ln[l].trim = 1;
		}
		ln[nl - 1].last = 1;
	}
	free(start);
	free(tw.a);
	free(tw.sh);
	free(cost);
	*out = ln;
	return nl;
}

double
lbrk_title_min(struct lb *lb, struct para *p, size_t maxl)
{
	struct twidth	 tw = { p, NULL, NULL };
	double		*cost, least;

	if ((cost = title_costs(lb, p)) == NULL)
		return -1;
	tw.a = xmalloc((p->nch + 1) * sizeof(*tw.a));
	tw.sh = xmalloc((p->nch + 1) * sizeof(*tw.sh));
	least = tbrk_narrowest(cost, p->nch, title_width, &tw, maxl);
	free(tw.a);
	free(tw.sh);
	free(cost);
	return least;
}

void
lbrk_close(struct lb *lb)
{
	tbrk_free(lb->tbrk);
	lb->tbrk = NULL;
}
