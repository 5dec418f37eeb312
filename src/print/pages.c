/* pages.c -- pagination: rows onto pages of 22 grid lines, kept together, pictures floated or shrunk to fit, the 报尾 at the foot, folios. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "print/layout_int.h"
#include "util/util.h"

/* Empty lines a floated picture may leave at a page's foot before
 * another place for it is tried: 19 of 22 lines is 86 % full. */
#define SLACK	3

/* The fewest grid lines a picture is shrunk to: about 50 mm tall, a
 * photo still legible; see least_lines(). */
#define MIN_PICTURE	5

struct lay_page *
page_new(struct lb *lb)
{
	struct lay_doc	*l = lb->out;

	l->pages = xrealloc(l->pages, (l->npages + 1) * sizeof(*l->pages));
	memset(&l->pages[l->npages], 0, sizeof(*l->pages));
	return &l->pages[l->npages++];
}

/* Move a row's items onto page pg with its top at y = top. */
static void
place_at(struct lb *lb, struct lay_page *pg, struct row *r, double top)
{
	size_t	 i;

	for (i = 0; i < r->nitems; i++) {
		struct lay_item *it = place_item(pg);

		*it = r->items[i];
		it->y += top;
	}
	free(r->items);
	r->items = NULL;
	r->nitems = 0;
	if (r->mark != NULL) {
		struct lay_doc *l = lb->out;

		l->marks = xrealloc(l->marks, (l->nmarks + 1) *
		    sizeof(*l->marks));
		l->marks[l->nmarks].title = r->mark;
		l->marks[l->nmarks].dest = r->dest;
		l->marks[l->nmarks].page = (int)l->npages;
		l->nmarks++;
	}
}

/* Move a row's items onto page pg at grid line g. */
static void
place(struct lb *lb, struct lay_page *pg, struct row *r, int g)
{
	place_at(lb, pg, r, LAY_TOP + g * LAY_PITCH);
}

/*
 * How far down a page the rows reach: g grid lines, where the rows of a
 * table stack at their heights in pt (acc since the table's top at grid
 * line g0 of this page, or its repeated header) and take the lines they
 * reach into, so the row after a table starts on the grid again.
 */
struct fill {
	int	 g;
	int	 tab;		/* table being stacked, 0 = none */
	int	 g0;
	double	 acc;
};

/* Add row r to f; returns the top of r in pt from the 版心 top. */
static double
advance(struct fill *f, const struct row *r)
{
	double	 top;

	if (r->table == 0) {
		top = f->g * LAY_PITCH;
		f->tab = 0;
		f->g += r->nlines;
		return top;
	}
	if (r->table != f->tab) {
		f->tab = r->table;
		f->g0 = f->g;
		f->acc = 0;
	}
	top = f->g0 * LAY_PITCH + f->acc;
	f->acc += r->h;
	f->g = f->g0 + (int)ceil(f->acc / LAY_PITCH - 1e-6);
	return top;
}

/*
 * The rows from i on that fit on a page filled as *f says: returns the
 * first that does not, *f filled with the others.  The rows of a table
 * set across the page stack up to the measure, and share a page with no
 * other rows.
 */
static size_t
fit(const struct lb *lb, size_t i, struct fill *f)
{
	struct fill	 t;
	size_t		 j;
	int		 turn = lb->rows[i].turn;

	for (j = i; j < lb->nrows && lb->rows[j].turn == turn; j++) {
		t = *f;
		advance(&t, &lb->rows[j]);
		if (turn ? t.acc > LAY_MEASURE + 0.01 : t.g > LAY_LINES)
			break;
		*f = t;
	}
	return j;
}

/* Frames around the rows of each box, per page. */
static void
frames(struct lb *lb, struct lay_page *pg, size_t from, size_t to,
    const int *line)
{
	size_t	 i, j;

	for (i = from; i < to; i = j) {
		struct lay_item *it;
		int box = lb->rows[i].box;

		for (j = i + 1; j < to && lb->rows[j].box == box; j++)
			;
		if (box == 0)
			continue;
		it = place_item(pg);
		memset(it, 0, sizeof(*it));
		it->kind = LAY_FRAME;
		it->x = LAY_LEFT + LAY_BODY / 2;
		it->w = LAY_MEASURE - LAY_BODY;
		it->y = LAY_TOP + line[i] * LAY_PITCH + 2;
		it->h = (line[j - 1] + lb->rows[j - 1].nlines - line[i]) *
		    LAY_PITCH - 4;
	}
}

/*
 * Fit a picture, or a row of them, into n grid lines: each shrinks about
 * its own centre, so the captions stay centred under the pictures.
 */
static void
shrink_image(struct row *r, int n)
{
	double	 h = n * LAY_PITCH - 4, f = h / r->items[0].h;
	size_t	 i;

	for (i = 0; i < r->nitems; i++) {
		struct lay_item *it = &r->items[i];

		it->x += it->w * (1 - f) / 2;
		it->w *= f;
		it->h = h;
		it->y = (n * LAY_PITCH - h) / 2;
	}
	r->nlines = n;
}

/*
 * The fewest grid lines the picture row r may shrink to and stay legible:
 * half its height, and no less than MIN_PICTURE lines.
 */
static int
least_lines(const struct row *r)
{
	int	 half = (r->nlines + 1) / 2;

	return half > MIN_PICTURE ? half : MIN_PICTURE;
}

/*
 * How far a page break before row b must move back: a heading or spacing
 * never ends a page, and no paragraph leaves a single line at either side
 * of the break.  0: b is a good break.
 */
static size_t
break_back(const struct lb *lb, size_t b)
{
	const struct row *r = &lb->rows[b], *pr = &lb->rows[b - 1];

	if (pr->keep || pr->blank)
		return 1;
	if (r->para >= 0 && r->idx == 1)
		return 1;
	if (r->para >= 0 && r->idx >= 1 && r->count - r->idx == 1)
		return r->idx >= 3 ? 1 : (size_t)r->idx;
	return 0;
}

/*
 * Choose where page content ends: rows [i, b) fit; move b back where
 * break_back() says, keeping at least one row.
 */
static size_t
adjust_break(struct lb *lb, size_t i, size_t b)
{
	size_t	 b0 = b, k, guard;

	for (guard = 0; guard < 16 && b > i + 1; guard++) {
		if ((k = break_back(lb, b)) == 0)
			break;
		b = k < b ? b - k : 0;
	}
	if (b <= i)
		b = b0;
	return b;
}

/*
 * A picture outside a box starts at row s: the rows [s, *e) hold it with
 * its caption and credit, *n grid lines.  Returns 1, or 0 when row s is
 * no picture.
 */
static int
picture(const struct lb *lb, size_t s, size_t *e, int *n)
{
	const struct row *r = &lb->rows[s];
	size_t		 k;

	if (r->nitems == 0 || r->items[0].kind != LAY_IMAGE || r->box != 0 ||
	    r->art == 0)
		return 0;
	*n = 0;
	for (k = s; k < lb->nrows; k++) {
		*n += lb->rows[k].nlines;
		if (!lb->rows[k].keep)
			break;
	}
	*e = k < lb->nrows ? k + 1 : k;
	return 1;
}

/*
 * Whether row j, the first that does not fit on a page starting at row
 * i, is part of a picture [*s, *e) of *n lines starting below the page
 * top that a page can hold: 1, or 0.
 */
static int
overflow(const struct lb *lb, size_t i, size_t j, size_t *s, size_t *e,
    int *n)
{
	size_t	 k;

	for (k = j + 1; k-- > i;)
		if (picture(lb, k, e, n))
			break;
	*s = k;
	return k != (size_t)-1 && k > i && *e > j && *n <= LAY_LINES;
}

/* Reorder rows [a, end) so that [mid, end) come before [a, mid). */
static void
rotate(struct lb *lb, size_t a, size_t mid, size_t end)
{
	struct row	*tmp;

	tmp = xmalloc((mid - a) * sizeof(*tmp));
	memcpy(tmp, &lb->rows[a], (mid - a) * sizeof(*tmp));
	memmove(&lb->rows[a], &lb->rows[mid], (end - mid) * sizeof(*tmp));
	memcpy(&lb->rows[a + (end - mid)], tmp, (mid - a) * sizeof(*tmp));
	free(tmp);
}

/*
 * Float a picture that does not fit: rows [i, j) fit on the page, whose
 * first g lines are taken; when j falls in a picture that starts below
 * the page top, the text after the picture fills the room left, up to
 * the next picture or the next article's title, and the picture moves to
 * the top of the next page.  The rows are reordered so; returns where the
 * page ends, or 0 when the picture cannot float (with full set, also when
 * the text after it leaves more than SLACK lines of the page empty).
 */
static size_t
float_picture(struct lb *lb, size_t i, size_t j, int g, int full)
{
	size_t		 s, e, m, k, x;
	int		 n, room, nn;

	if (overflow(lb, i, j, &s, &e, &n) == 0)
		return 0;
	room = LAY_LINES - g;
	for (k = i; k < s; k++)
		room -= lb->rows[k].nlines;
	/* A table does not move up past a picture: it would be cut. */
	for (m = e; m < lb->nrows && lb->rows[m].art == lb->rows[s].art &&
	    !picture(lb, m, &x, &nn) && lb->rows[m].table == 0 &&
	    lb->rows[m].nlines <= room; m++)
		room -= lb->rows[m].nlines;
	while (m > e && m < lb->nrows && (k = break_back(lb, m)) > 0)
		m = m - e > k ? m - k : e;
	if (m == e)
		return 0;
	for (room = LAY_LINES - g, k = i; k < m; k++)
		if (k < s || k >= e)
			room -= lb->rows[k].nlines;
	if (full && room > SLACK)
		return 0;
	rotate(lb, s, e, m);
	return s + (m - e);
}

/*
 * When a picture that does not fit cannot float forward (its article
 * ends, or another picture follows), move it up instead: before the
 * latest paragraph of its article on this page after which it fits, so
 * that the paragraphs it passes follow it, fill the page and continue on
 * the next.  With shrink set, the picture may also shrink (no less than
 * least_lines()) to fit there, filling the page to its foot.  Rows [i, j)
 * fit on the page, whose first g lines are taken.  Returns 1 when the
 * rows were reordered so, else 0.
 */
static int
float_back(struct lb *lb, size_t i, size_t j, int g, int shrink)
{
	size_t		 s, e, p, x;
	int		 n, nn, at = g, least;

	if (overflow(lb, i, j, &s, &e, &n) == 0)
		return 0;
	least = n;
	if (shrink)
		least -= lb->rows[s].nlines - least_lines(&lb->rows[s]);
	for (p = i; p < s; p++)
		at += lb->rows[p].nlines;
	/* at: the lines taken above row p - 1, going up from s. */
	for (p = s; p > i + 1; p--) {
		const struct row *r = &lb->rows[p - 1];

		if (r->art != lb->rows[s].art || picture(lb, p - 1, &x, &nn) ||
		    r->table != 0)
			return 0;
		at -= r->nlines;
		if (at + least <= LAY_LINES && (r->para < 0 || r->idx == 0) &&
		    break_back(lb, p - 1) == 0)
			break;
	}
	if (p <= i + 1)
		return 0;
	if (at + n > LAY_LINES)
		shrink_image(&lb->rows[s], lb->rows[s].nlines -
		    (at + n - LAY_LINES));
	rotate(lb, p - 1, s, e);
	return 1;
}

/*
 * Shrink pictures so that rows [i, e) fit on the page, whose first g lines
 * are taken, when the picture [s, e) that ends them does not: that picture
 * alone if it can, else it and the pictures outside boxes above it on the
 * page, the tallest first, none below least_lines().  Returns 1 when they were
 * shrunk so, else 0.
 */
static int
shrink_fit(struct lb *lb, size_t i, size_t s, size_t e, int g)
{
	size_t		 k, x, pics[LAY_LINES];
	int		 over = g, n, np = 0, slack = 0, t;
	int		 lines[LAY_LINES], least[LAY_LINES];

	/* a table's rows stack at their own heights and never shrink */
	for (k = i; k < e; k++) {
		if (lb->rows[k].table != 0)
			return 0;
		over += lb->rows[k].nlines;
	}
	/* nor is the article's last line, its byline, left alone at the
	 * next page's top */
	for (n = 0, k = e; k < lb->nrows && lb->rows[k].art ==
	    lb->rows[s].art; k++)
		n += lb->rows[k].nlines;
	if (n == 1)
		over += n;
	over -= LAY_LINES;
	if (over <= 0)
		return 0;
	/* the picture itself, then those above it, latest first */
	for (k = s + 1; k-- > i && np < LAY_LINES;)
		if ((k == s || (slack < over && picture(lb, k, &x, &n))) &&
		    lb->rows[k].nlines > least_lines(&lb->rows[k])) {
			pics[np] = k;
			lines[np] = lb->rows[k].nlines;
			least[np] = least_lines(&lb->rows[k]);
			slack += lines[np] - least[np];
			np++;
		}
	if (slack < over)
		return 0;
	if (pics[0] == s && lines[0] - over >= least[0])
		lines[0] -= over;
	else
		for (; over > 0; over--) {
			for (n = -1, t = 0; t < np; t++)
				if (lines[t] > least[t] && (n < 0 ||
				    lines[t] > lines[n]))
					n = t;
			lines[n]--;
		}
	for (t = 0; t < np; t++)
		if (lines[t] < lb->rows[pics[t]].nlines)
			shrink_image(&lb->rows[pics[t]], lines[t]);
	return 1;
}

/*
 * Whether row j starts a picture in a box, which shrinks but never floats:
 * 1 with the rows [*s, *e) holding it and its caption, or 0.
 */
static int
boxed(const struct lb *lb, size_t j, size_t *s, size_t *e)
{
	const struct row *r = &lb->rows[j];

	if (r->nitems == 0 || r->items[0].kind != LAY_IMAGE || r->box == 0)
		return 0;
	for (*s = *e = j; lb->rows[*e].keep && *e + 1 < lb->nrows; ++*e)
		;
	++*e;
	return 1;
}

/*
 * Whether a page filled as f0 says before row i, where rows [i, j) fit,
 * would leave more than SLACK lines empty if it ended where
 * adjust_break() says: 1 or 0.
 */
static int
short_page(struct lb *lb, size_t i, size_t j, const struct fill *f0)
{
	size_t		 b = adjust_break(lb, i, j), k;
	struct fill	 f = *f0;

	for (k = i; k < b; k++)
		advance(&f, &lb->rows[k]);
	return f.g < LAY_LINES - SLACK;
}

/* Paginate: fill each page with the rows that fit; a picture that does
 * not fit floats to the next page (float_picture()) or up the page
 * (float_back()), or else shrinks (shrink_fit()), and the break moves
 * back where adjust_break() says. */
struct lay_page *
page_body(struct lb *lb, struct lay_page *pg, int *gp)
{
	size_t	 i, b;
	int	 g = *gp, *line;
	double	*top;

	line = xcalloc(lb->nrows + 1, sizeof(*line));
	top = xcalloc(lb->nrows + 1, sizeof(*top));
	for (i = 0; i < lb->nrows;) {
		size_t j, s, e;
		int turn, n;
		struct fill f0 = { g, 0, g, 0 }, f;

		if (g == 0 && lb->rows[i].blank) {
			i++;
			continue;
		}
		/* A table turned across the page has pages of its own. */
		turn = lb->rows[i].turn;
		if (turn && g > 0) {
			pg = page_new(lb);
			g = 0;
			f0.g = f0.g0 = 0;
		}
		/* A table the page broke goes on under its header again. */
		if (g == 0 && i > 0 && lb->rows[i].table != 0 &&
		    lb->rows[i].table == lb->rows[i - 1].table) {
			f0.tab = lb->rows[i].table;
			f0.acc = table_head(lb, pg, f0.tab, LAY_TOP);
			f0.g = (int)ceil(f0.acc / LAY_PITCH - 1e-6);
		}
		f = f0;
		j = fit(lb, i, &f);
		/* A picture that does not fit: forward if that fills the
		 * page, else up the page, else shrunk, else forward as far
		 * as the text goes. */
		b = 0;
		if (!turn && j < lb->nrows) {
			b = float_picture(lb, i, j, f0.g, 1);
			if (b == 0 && (float_back(lb, i, j, f0.g, 0) ||
			    (short_page(lb, i, j, &f0) && (overflow(lb, i, j,
			    &s, &e, &n) || boxed(lb, j, &s, &e)) &&
			    (shrink_fit(lb, i, s, e, f0.g) ||
			    float_back(lb, i, j, f0.g, 1))))) {
				f = f0;
				j = fit(lb, i, &f);
			} else if (b == 0)
				b = float_picture(lb, i, j, f0.g, 0);
		}
		if (b == 0) {
			b = j;
			if (b < lb->nrows && lb->rows[b].turn == turn)
				b = adjust_break(lb, i, b);
		}
		if (b == i)
			b = i + 1;
		f = f0;
		for (j = i; j < b; j++) {
			line[j] = f.g;
			top[j] = advance(&f, &lb->rows[j]);
		}
		g = turn ? LAY_LINES : f.g;
		frames(lb, pg, i, b, line);
		for (j = i; j < b; j++)
			if (turn)
				table_place(lb, pg, &lb->rows[j], top[j]);
			else
				place_at(lb, pg, &lb->rows[j], LAY_TOP + top[j]);
		if (b < lb->nrows && lb->rows[b].table != 0 &&
		    lb->rows[b].table == lb->rows[b - 1].table)
			table_cut(lb, pg, lb->rows[b].table, turn ? f.acc :
			    LAY_TOP + f.g0 * LAY_PITCH + f.acc);
		pg->lines = g;
		i = b;
		if (i < lb->nrows) {
			pg = page_new(lb);
			g = 0;
		}
	}
	free(line);
	free(top);
	*gp = g;
	return pg;
}

/* 报尾 at the bottom of the last page, or of a page of its own */
void
page_footer(struct lb *lb, struct lay_page *pg, int g, size_t nf, int ndist,
    int even)
{
	size_t	 frow0 = lb->nrows - nf, i;
	int	 top = LAY_LINES - (int)nf;

	/* the phone's long page: right under the text, a line between */
	if (LAY_COMPACT)
		top = g + 1;
	else if (g + (int)nf > LAY_LINES)
		pg = page_new(lb);
	if (!LAY_COMPACT && even && lb->out->npages % 2 == 1)
		pg = page_new(lb);
	place_rule(pg, LAY_TOP + top * LAY_PITCH, SPEC_RULE_HEAVY * LAY_MM, BLACK);
	if (ndist > 0)
		place_rule(pg, LAY_TOP + (top + ndist) * LAY_PITCH,
		    SPEC_RULE_LIGHT * LAY_MM, BLACK);
	/* under the 印发 line, which is two on the phone */
	if ((size_t)(ndist + 1 + LAY_COMPACT) < nf)
		place_rule(pg, LAY_TOP + (top + ndist + 1 + LAY_COMPACT) *
		    LAY_PITCH, SPEC_RULE_LIGHT * LAY_MM, BLACK);
	place_rule(pg, LAY_COMPACT ? LAY_TOP + (top + (int)nf) * LAY_PITCH :
	    LAY_TOP + LAY_HEIGHT, SPEC_RULE_HEAVY * LAY_MM, BLACK);
	for (i = 0; i < nf; i++) {
		lb->rows[frow0 + i].para = -1;
		lb->rows[frow0 + i].mark = NULL;
		place(lb, pg, &lb->rows[frow0 + i], top + (int)i);
	}
}

/* Page numbers: GB/T 9704 §7.5; blank pages before the 报尾 page and
 * that page itself are not numbered. */
void
page_folios(struct lb *lb, int bodypages)
{
	struct lay_doc	*l = lb->out;
	int		*blank, pno;

	if (LAY_COMPACT)
		return;		/* an image has no pages to number */
	blank = xcalloc(l->npages + 1, sizeof(*blank));
	for (pno = bodypages; pno < (int)l->npages - 1; pno++)
		blank[pno] = 1;
	for (pno = 0; pno < (int)l->npages; pno++) {
		char num[32];
		int odd = (pno + 1) % 2 == 1;
		double y = LAY_TOP + LAY_HEIGHT + SPEC_FOLIO * LAY_MM + 0.88 * SIZE_4;

		if (blank[pno] || (pno == (int)l->npages - 1 && pno > 0 &&
		    blank[pno - 1]))
			continue;
		l->pages[pno].folio = pno + 1;
		snprintf(num, sizeof(num), "— %d —", pno + 1);
		place_text(lb, &l->pages[pno], num, JB_ROLE_SONGTI, SIZE_4,
		    BLACK, odd ? LAY_LEFT + LAY_MEASURE - SIZE_4 :
		    LAY_LEFT + SIZE_4, y, odd ? AL_RIGHT : AL_LEFT);
	}
	free(blank);
}
