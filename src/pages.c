/* pages.c -- pagination: rows onto pages of 22 grid lines, kept together, pictures shrunk to fit, the 报尾 at the foot, folios. */
#include <stdio.h>
#include <string.h>

#include "layint.h"
#include "mem.h"

struct lay_page *
page_new(struct lb *lb)
{
	struct lay_doc	*l = lb->out;

	l->pages = xrealloc(l->pages, (l->npages + 1) * sizeof(*l->pages));
	memset(&l->pages[l->npages], 0, sizeof(*l->pages));
	return &l->pages[l->npages++];
}

struct lay_item *
page_item(struct lay_page *pg)
{
	if (pg->nitems == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 64;
		pg->items = xrealloc(pg->items, pg->cap * sizeof(*pg->items));
	}
	return &pg->items[pg->nitems++];
}

void
page_rule(struct lay_page *pg, double y, double thick, unsigned color)
{
	struct lay_item	*it = page_item(pg);

	memset(it, 0, sizeof(*it));
	it->kind = LAY_RULE;
	it->x = LAY_LEFT;
	it->y = y;
	it->w = LAY_MEASURE;
	it->h = thick;
	it->color = color;
}

void
page_text(struct lb *lb, struct lay_page *pg, const char *s, enum jb_role role,
    double size, unsigned color, double x, double y, enum align al)
{
	struct row	*r;
	struct para	 p;
	struct flow	 f;
	size_t		 i;

	shape_init(&p, &lb->d->src);
	memset(&f, 0, sizeof(f));
	f.x0 = x;
	f.w = LAY_MEASURE - (x - LAY_LEFT) * (al == AL_LEFT ? 1 : 2);
	if (al == AL_RIGHT)
		f.w = x - LAY_LEFT;
	if (al == AL_RIGHT)
		f.x0 = LAY_LEFT;
	f.al = al;
	f.nobreak = 1;
	shape_add(&p, s, role, size, color, 0, role == JB_ROLE_SONGTI);
	flow_para(lb, &p, &f);
	shape_clear(&p);
	r = &lb->rows[--lb->nrows];
	for (i = 0; i < r->nitems; i++) {
		struct lay_item *it = page_item(pg);

		*it = r->items[i];
		it->y = y;
	}
	free(r->items);
}

/* Move a row's items onto page pg at grid line g. */
static void
place(struct lb *lb, struct lay_page *pg, struct row *r, int g)
{
	size_t	 i;
	double	 top = LAY_TOP + g * LAY_PITCH;

	for (i = 0; i < r->nitems; i++) {
		struct lay_item *it = page_item(pg);

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
		it = page_item(pg);
		memset(it, 0, sizeof(*it));
		it->kind = LAY_FRAME;
		it->x = LAY_LEFT + LAY_BODY / 2;
		it->w = LAY_MEASURE - LAY_BODY;
		it->y = LAY_TOP + line[i] * LAY_PITCH + 2;
		it->h = (line[j - 1] + lb->rows[j - 1].nlines - line[i]) *
		    LAY_PITCH - 4;
	}
}

/* Fit a picture into the n grid lines left on a page. */
static void
shrink_image(struct row *r, int n)
{
	struct lay_item	*it = &r->items[0];
	double		 h = n * LAY_PITCH - 4, w = it->w * h / it->h;

	it->x += (it->w - w) / 2;
	it->w = w;
	it->h = h;
	it->y = (n * LAY_PITCH - h) / 2;
	r->nlines = n;
}

/*
 * Choose where page content ends: rows [i, b) fit; move b back so a
 * heading never ends a page and no paragraph leaves a single line at
 * either side of the break.
 */
static size_t
adjust_break(struct lb *lb, size_t i, size_t b)
{
	size_t	 b0 = b, guard;

	for (guard = 0; guard < 16 && b > i + 1; guard++) {
		const struct row *r = &lb->rows[b], *pr = &lb->rows[b - 1];

		if (pr->keep || pr->blank) {
			b--;
			continue;
		}
		if (r->para >= 0 && r->idx == 1) {
			b--;
			continue;
		}
		if (r->para >= 0 && r->idx >= 1 && r->count - r->idx == 1) {
			b -= r->idx >= 3 ? 1 : (size_t)r->idx;
			continue;
		}
		break;
	}
	if (b <= i)
		b = b0;
	return b;
}

/* Paginate: fill each page with the rows that fit, then move the break
 * back where adjust_break() says. */
struct lay_page *
page_body(struct lb *lb, struct lay_page *pg, int *gp)
{
	size_t	 i, b;
	int	 g = *gp, *line;

	line = xcalloc(lb->nrows + 1, sizeof(*line));
	for (i = 0; i < lb->nrows;) {
		size_t j;
		int used = g;

		if (g == 0 && lb->rows[i].blank) {
			i++;
			continue;
		}
		for (j = i; j < lb->nrows && used + lb->rows[j].nlines <=
		    LAY_LINES; j++)
			used += lb->rows[j].nlines;
		/* A picture that does not fit may shrink to half a page. */
		if (j < lb->nrows && lb->rows[j].nitems > 0 &&
		    lb->rows[j].items[0].kind == LAY_IMAGE) {
			size_t k = j;
			int need;

			while (lb->rows[k].keep && k + 1 < lb->nrows &&
			    k < j + 3)
				k++;
			need = LAY_LINES - used - (int)(k - j);
			if (need >= 6 && need < lb->rows[j].nlines) {
				shrink_image(&lb->rows[j], need);
				for (; j < lb->nrows && used +
				    lb->rows[j].nlines <= LAY_LINES; j++)
					used += lb->rows[j].nlines;
			}
		}
		b = j;
		if (b < lb->nrows)
			b = adjust_break(lb, i, b);
		if (b == i)
			b = i + 1;
		for (j = i; j < b; j++) {
			line[j] = g;
			g += lb->rows[j].nlines;
		}
		frames(lb, pg, i, b, line);
		for (j = i; j < b; j++)
			place(lb, pg, &lb->rows[j], line[j]);
		pg->lines = g;
		i = b;
		if (i < lb->nrows) {
			pg = page_new(lb);
			g = 0;
		}
	}
	free(line);
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

	if (g + (int)nf > LAY_LINES)
		pg = page_new(lb);
	if (even && lb->out->npages % 2 == 1)
		pg = page_new(lb);
	page_rule(pg, LAY_TOP + top * LAY_PITCH, SPEC_RULE_HEAVY * LAY_MM, BLACK);
	if (ndist > 0)
		page_rule(pg, LAY_TOP + (top + ndist) * LAY_PITCH,
		    SPEC_RULE_LIGHT * LAY_MM, BLACK);
	if ((size_t)(ndist + 1) < nf)
		page_rule(pg, LAY_TOP + (top + ndist + 1) * LAY_PITCH,
		    SPEC_RULE_LIGHT * LAY_MM, BLACK);
	page_rule(pg, LAY_TOP + LAY_HEIGHT, SPEC_RULE_HEAVY * LAY_MM, BLACK);
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
		page_text(lb, &l->pages[pno], num, JB_ROLE_SONGTI, SIZE_4,
		    BLACK, odd ? LAY_LEFT + LAY_MEASURE - SIZE_4 :
		    LAY_LEFT + SIZE_4, y, odd ? AL_RIGHT : AL_LEFT);
	}
	free(blank);
}
