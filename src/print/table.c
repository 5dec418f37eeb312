/* table.c -- tables: the 表题, column widths from the cells' content, cells broken by the line breaker, rules, one row of the flow per table row. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "model/model.h"
#include "print/layout_int.h"
#include "util/util.h"

#define RULE_THIN	0.5		/* pt: the grid, the rule under a 三线 header */
#define RULE_HEAVY	1.5		/* pt: top and bottom of a 三线 table */
#define LEADING		1.45		/* line pitch inside a cell, in em */
#define PAD_X		0.4		/* cell padding left and right, in em */
#define PAD_MIN		0.2		/* ... down to this before a cell wraps */
#define PHONE_TABLE_MIN	10.5		/* pt, 五号: the smallest a table on the phone is set */
#define HEAD_WORD	6		/* a header this short is one word: 序号, 所属区（县） */
#define PHONE_WORD	3		/* on the phone, one this short: 排名, 整改率, 较上月 */

/*
 * What a table keeps for the pages: where it stands, its style, and a
 * copy of its header row to set again at the top of each page the table
 * continues on.
 */
struct tab {
	double		 x0, w;		/* left edge and width, pt */
	int		 three;		/* 三线 style */
	int		 turn;		/* set across a landscape page */
	struct lay_item	*head;		/* header row items, y from the row top */
	size_t		 nhead;
	double		 headh;		/* header row height, pt */
	const char	*cont;		/* 续表1 over the header again, or NULL */
};

/* One cell being set. */
struct cset {
	struct para	 p;
	struct line	*ln;
	size_t		 nl;
	enum align	 al;
};

/*
 * The content widths of a shaped cell: *maxw its text on one line, *minw
 * its widest piece between two places a line may break (the prohibition
 * rules already keep marks with their neighbours).  A number never breaks.
 */
static void
content_widths(const struct para *p, int nobreak, double *minw, double *maxw)
{
	double	 line = 0, piece = 0;
	size_t	 i;

	*minw = *maxw = 0;
	for (i = 0; i < p->nch; i++) {
		const struct pch *c = &p->ch[i];

		if (c->c == '\n') {
			*maxw = fmax(*maxw, line);
			*minw = fmax(*minw, piece);
			line = piece = 0;
			continue;
		}
		if (c->brk && !nobreak) {
			*minw = fmax(*minw, piece);
			piece = 0;
		}
		line += c->adv;
		piece += c->adv;
	}
	*maxw = fmax(*maxw, line);
	*minw = fmax(*minw, piece);
}

/*
 * A cell on the phone breaks as a title does, at word boundaries into
 * even lines (lbrk_title), so that 实地考察 becomes 实地 over 考察, not
 * 实地考 over 察: its minimum width *minw is its widest word, where the
 * title breaker takes it.  *want is what the cell asks of its column
 * before the table is set smaller: a short body cell (a name, a number)
 * or a header of up to PHONE_WORD characters (broken, it would leave a
 * character alone on a line) its one line maxw, a longer header its
 * width in two lines, as headers are often set, any other cell its
 * widest word.
 */
static void
phone_widths(struct lb *lb, struct para *p, int head, int number,
    double maxw, double *minw, double *want)
{
	double	 w = number ? -1 : lbrk_title_min(lb, p, 0);

	if (w >= 0)
		*minw = w;
	if (head ? p->nch <= PHONE_WORD : number || p->nch <= HEAD_WORD)
		*want = maxw;
	else if (head && w >= 0)
		*want = lbrk_title_min(lb, p, 2);
	else
		*want = *minw;
}


static struct lay_item *
rule(struct row *r, double x, double y, double w, double thick)
{
	struct lay_item	*it = flow_item(r, LAY_RULE);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = thick;
	it->color = BLACK;
	return it;
}

static void
vrule(struct row *r, double x, double y, double h, double thick)
{
	struct lay_item	*it = flow_item(r, LAY_VRULE);

	it->x = x;
	it->y = y;
	it->w = thick;
	it->h = h;
	it->color = BLACK;
}

/* A deep copy of n items: glyph strings copied, fonts referenced again. */
static void
copy_items(struct lay_item *to, const struct lay_item *from, size_t n)
{
	size_t	 i;

	memcpy(to, from, n * sizeof(*to));
	for (i = 0; i < n; i++) {
		if (to[i].glyphs != NULL)
			to[i].glyphs = pango_glyph_string_copy(to[i].glyphs);
		if (to[i].font != NULL)
			g_object_ref(to[i].font);
	}
}

/*
 * The 表题: one or more centred lines in 黑体, kept with the table; for a
 * table turned across its page (id), rows of that table a grid line high.
 * The phone's short measure breaks many a 表题: into even lines at word
 * boundaries, as a title, not a full line and a word left over.
 */
static void
caption(struct lb *lb, const struct jb_table *t, int id)
{
	struct para	 p;
	struct flow	 f;
	size_t		 r0 = lb->nrows, i;

	shape_init(&p, &t->cappos);
	memset(&f, 0, sizeof(f));
	f.x0 = id ? 0 : LAY_LEFT;
	f.w = id ? LAY_HEIGHT : LAY_MEASURE;
	f.al = AL_CENTER;
	f.keep = 1;
	f.nobreak = 1;
	f.balance = LAY_COMPACT;
	shape_add(&p, t->name, JB_ROLE_HEITI, LAY_BODY, BLACK, 0, 0);
	flow_para(lb, &p, &f);
	shape_clear(&p);
	for (i = r0; id && i < lb->nrows; i++) {
		lb->rows[i].table = id;
		lb->rows[i].turn = 1;
		lb->rows[i].h = LAY_PITCH;
	}
}

/* A block line's lead: the header in 黑体 and a colon, none without a header. */
static void
head_runs(struct para *p, const struct jb_cell *h, double size)
{
	place_runs(p, h->runs, h->nruns, JB_ROLE_HEITI, size, 0);
	if (h->nruns > 0)
		shape_add(p, "：", JB_ROLE_HEITI, size, BLACK, 0, 0);
}

/*
 * A table the phone cannot set as a grid with its text at least
 * PHONE_TABLE_MIN is set as text on the grid instead, at the table's
 * print size: each body row a block of "header：value" lines, the header
 * in 黑体, a value too long for its line carried on under the value's
 * start; an empty cell has no line.  The blocks stand between the
 * table's rules (heavy ones for a 三线 table), a thin rule between two.
 * A long header would leave its value no room: the carried lines hang
 * from at most half the measure.
 */
static void
blocks(struct lb *lb, const struct jb_table *t, double size, int three)
{
	struct para	 p;
	struct flow	 f;
	size_t		 i, j, k, first = lb->nrows;
	double		 thick = three ? RULE_HEAVY : RULE_THIN;
	double		*hang = xcalloc(t->ncols, sizeof(*hang));

	/* What each header takes, measured as set. */
	for (j = 0; j < t->ncols; j++) {
		shape_init(&p, &t->head[j].pos);
		head_runs(&p, &t->head[j], size);
		shape_para(lb, &p);
		for (k = 0; k < p.nch; k++)
			hang[j] += p.ch[k].adv;
		hang[j] = fmin(hang[j], LAY_MEASURE / 2);
		shape_clear(&p);
	}
	memset(&f, 0, sizeof(f));
	f.x0 = LAY_LEFT;
	f.w = LAY_MEASURE;
	f.al = AL_LEFT;
	f.keep = 1;
	f.nobreak = 1;
	for (i = 0; i < t->nrows; i++) {
		size_t top = lb->nrows;

		for (j = 0; j < t->ncols; j++) {
			const struct jb_cell *c = &t->body[i * t->ncols + j];

			if (c->nruns == 0)
				continue;
			shape_init(&p, &c->pos);
			head_runs(&p, &t->head[j], size);
			p.src0 = p.text.len;
			f.ind2 = hang[j];
			place_runs(&p, c->runs, c->nruns, JB_ROLE_FANGSONG, size,
			    0);
			flow_para(lb, &p, &f);
			shape_clear(&p);
		}
		if (lb->nrows == top)
			continue;
		rule(&lb->rows[top], LAY_LEFT, 0, LAY_MEASURE,
		    top == first ? thick : RULE_THIN);
		lb->rows[lb->nrows - 1].keep = 0;
	}
	if (lb->nrows > first)
		rule(&lb->rows[lb->nrows - 1], LAY_LEFT, LAY_PITCH,
		    LAY_MEASURE, thick);
	free(hang);
}

/*
 * The width the narrowest table takes with padding *padx, which gives way
 * where that saves every cell a wrap, or where the narrowest table would
 * not fit the measure w with it.
 */
static double
padding(double smin, double smax, size_t nc, double size, double w,
    double *padx)
{
	if (smax + 2 * nc * *padx > w && smax + 2 * nc * PAD_MIN * size <= w)
		*padx = (w - smax) / (2 * nc);
	else if (smin + 2 * nc * *padx > w)
		*padx = fmax(PAD_MIN * size, (w - smin) / (2 * nc));
	return smin + 2 * nc * *padx;
}

void
table_set(struct lb *lb, const struct jb_block *b)
{
	const struct jb_table	*t = b->table;
	const struct jb_series	*s = lb->d->series;
	double			 size = s->table_large ? LAY_BODY : SIZE_4;
	double			 lp = LEADING * size, padx = PAD_X * size;
	double			 smax = 0, meas = LAY_MEASURE; /* the table's width */
	int			 turn = 0, asblocks = 0;
	double			 pady = fmax(3, (LAY_PITCH - lp) / 2);
	double			*minw, *maxw, *colw, *colx, smin = 0, mn, mx;
	double			*wantw, swant = 0, wt;
	size_t			 nrows = t->nrows + 1, nc = t->ncols, i, j, k;
	size_t			 n = nrows * nc;
	struct cset		*cs;
	struct tab		*tb;
	int			 id;

	cs = xcalloc(n, sizeof(*cs));
	minw = xcalloc(nc, sizeof(*minw));
	maxw = xcalloc(nc, sizeof(*maxw));
	colw = xcalloc(nc, sizeof(*colw));
	colx = xcalloc(nc + 1, sizeof(*colx));
	wantw = xcalloc(nc, sizeof(*wantw));
again:
	for (i = 0; i < n; i++) {
		const struct jb_cell *c = &t->head[i];
		enum jb_align a = t->align[i % nc];
		int head = i < nc;

		shape_init(&cs[i].p, &c->pos);
		place_runs(&cs[i].p, c->runs, c->nruns,
		    head ? JB_ROLE_HEITI : JB_ROLE_FANGSONG, size, 0);
		shape_para(lb, &cs[i].p);
		content_widths(&cs[i].p, head ? cs[i].p.nch <= HEAD_WORD :
		    c->number, &mn, &mx);
		if (LAY_COMPACT)
			phone_widths(lb, &cs[i].p, head, c->number, mx, &mn,
			    &wt);
		else
			wt = mn;
		minw[i % nc] = fmax(minw[i % nc], mn);
		maxw[i % nc] = fmax(maxw[i % nc], mx);
		wantw[i % nc] = fmax(wantw[i % nc], wt);
		cs[i].al = a == JB_ALIGN_LEFT ? AL_LEFT :
		    a == JB_ALIGN_CENTER ? AL_CENTER :
		    a == JB_ALIGN_RIGHT ? AL_RIGHT :
		    head ? AL_CENTER : c->number ? AL_RIGHT : AL_LEFT;
	}
	if (lb->failed)
		goto out;
	for (j = 0; j < nc; j++) {
		smin += minw[j];
		smax += maxw[j];
		swant += wantw[j];
	}
	/*
	 * The phone's measure: a table whose cells do not get what they want
	 * (phone_widths) with their full padding takes half of each margin
	 * and, if that is not enough, is set smaller, down to
	 * PHONE_TABLE_MIN; it is never turned, the image having no pages.
	 * What the cells want is then the least their columns share the room
	 * from.  A table that does not fit even at PHONE_TABLE_MIN with its
	 * cells at their narrowest is set as blocks of text.
	 */
	if (LAY_COMPACT && meas == LAY_MEASURE &&
	    swant + 2 * nc * padx > meas + 0.01)
		meas = LAY_MEASURE + LAY_LEFT;
	if (LAY_COMPACT && size > PHONE_TABLE_MIN &&
	    (mn = swant + 2 * nc * padx) > meas + 0.01) {
		size = fmax(PHONE_TABLE_MIN, size * meas / mn * 0.99);
		lp = LEADING * size;
		padx = PAD_X * size;
		pady = fmax(3, (LAY_PITCH - lp) / 2);
		smin = smax = swant = 0;
		for (i = 0; i < n; i++)
			shape_clear(&cs[i].p);
		memset(minw, 0, nc * sizeof(*minw));
		memset(maxw, 0, nc * sizeof(*maxw));
		memset(wantw, 0, nc * sizeof(*wantw));
		goto again;
	}
	if (LAY_COMPACT && swant + 2 * nc * padx <= meas + 0.01) {
		memcpy(minw, wantw, nc * sizeof(*minw));
	} else if (LAY_COMPACT &&
	    padding(smin, smax, nc, size, meas, &padx) > meas + 0.01) {
		asblocks = 1;
	} else {
		/* Too wide for the page, it may be set across a page turned. */
		if (padding(smin, smax, nc, size, meas, &padx) > meas + 0.01 &&
		    s->table_landscape && !LAY_COMPACT) {
			meas = LAY_HEIGHT;
			turn = 1;
			padx = PAD_X * size;
		}
		if ((smin = padding(smin, smax, nc, size, meas, &padx)) >
		    meas + 0.01) {
			char mm[32];

			snprintf(mm, sizeof(mm), "%.0f", ceil(smin / LAY_MM));
			msg(turn ? MSG_TABLE_TOO_WIDE_TURNED :
			    MSG_TABLE_TOO_WIDE, &b->pos, t->name, mm);
			lb->failed = 1;
			goto out;
		}
	}
	/* Two tables in a row are a line apart. */
	if (lb->nrows > 0 && lb->rows[lb->nrows - 1].table != 0)
		flow_blank(lb);
	if (asblocks) {
		if (t->label != NULL)
			caption(lb, t, 0);
		blocks(lb, t, s->table_large ? LAY_BODY : SIZE_4,
		    s->table_three_line);
		goto out;
	}
	for (j = 0; j < nc; j++) {
		minw[j] += 2 * padx;
		maxw[j] += 2 * padx;
	}
	colw_widths(minw, maxw, nc, meas, colw);
	colx[0] = turn ? 0 : LAY_LEFT - (meas - LAY_MEASURE) / 2;
	for (j = 0; j < nc; j++)
		colx[j + 1] = colx[j] + colw[j];

	lb->tabs = xrealloc(lb->tabs, (lb->ntabs + 1) * sizeof(*lb->tabs));
	tb = &lb->tabs[lb->ntabs++];
	memset(tb, 0, sizeof(*tb));
	id = (int)lb->ntabs;
	tb->x0 = colx[0];
	tb->w = meas;
	tb->three = s->table_three_line;
	tb->turn = turn;
	/* A table numbered in its 表题 says on each later page that it
	 * goes on (续表1), in the 表题's face; a turned one, whose pages
	 * hold nothing else, does not. */
	if (t->label != NULL && !turn)
		tb->cont = arena_printf(lb->a, label_get(lb->d->meta.lang,
		    JB_LABEL_CONTINUED), t->label);
	if (t->label != NULL)
		caption(lb, t, turn ? id : 0);

	for (i = 0; i < nrows; i++) {
		struct row *r;
		size_t lines = 1;
		double h;

		for (j = 0; j < nc; j++) {
			struct cset *c = &cs[i * nc + j];

			c->p.orphans = 0;
			c->nl = LAY_COMPACT ? lbrk_title(lb, &c->p,
			    colw[j] - 2 * padx, &c->ln) : 0;
			if (c->nl == 0)
				c->nl = lbrk_para(lb, &c->p,
				    colw[j] - 2 * padx, 0, 0, &c->ln);
			lines = c->nl > lines ? c->nl : lines;
		}
		h = lines * lp + 2 * pady;
		r = flow_row(lb);
		r->table = id;
		r->h = h;
		r->nlines = (int)ceil(h / LAY_PITCH);
		/* The header never ends a page with fewer than two rows
		 * under it, nor does a page start with a table's last row alone. */
		r->keep = i == 0 || (i == 1 && nrows > 3) ||
		    (i + 2 == nrows && nrows > 3);
		r->thead = i == 0;
		r->turn = turn;
		for (j = 0; j < nc; j++) {
			struct cset *c = &cs[i * nc + j];
			/* Cells are centred vertically in their row. */
			double y = pady + (lines - c->nl) * lp / 2;

			for (k = 0; k < c->nl; k++)
				flow_line(lb, r, &c->p, &c->ln[k],
				    colx[j] + padx, colw[j] - 2 * padx, c->al,
				    y + k * lp + lp / 2 + 0.38 * size);
		}
		if (!tb->three) {
			if (i == 0)
				rule(r, tb->x0, 0, tb->w, RULE_THIN);
			rule(r, tb->x0, h, tb->w, RULE_THIN);
			for (j = 0; j <= nc; j++)
				vrule(r, colx[j], 0, h, RULE_THIN);
		} else if (i == 0) {
			rule(r, tb->x0, 0, tb->w, RULE_HEAVY);
			rule(r, tb->x0, h, tb->w, RULE_THIN);
		} else if (i + 1 == nrows) {
			rule(r, tb->x0, h, tb->w, RULE_HEAVY);
		}
		if (i == 0) {
			tb->nhead = r->nitems;
			tb->head = xcalloc(r->nitems + 1, sizeof(*tb->head));
			copy_items(tb->head, r->items, r->nitems);
			tb->headh = h;
		}
	}
out:
	for (i = 0; i < n; i++) {
		free(cs[i].ln);
		shape_clear(&cs[i].p);
	}
	free(cs);
	free(minw);
	free(maxw);
	free(colw);
	free(colx);
	free(wantw);
}

/*
 * An item of a landscape page onto the portrait one, v from the top of
 * the landscape page: its top edge lies along the left edge of the 版心
 * and its left edge along the bottom, so the heads of the tables on odd
 * and even pages alike face the left edge and the reader turns the
 * bulletin a quarter to the right (typesetting.md §1.9); horizontal rules
 * become vertical ones and the other way round.
 */
static void
turn_item(struct lay_item *it, double v)
{
	double	 u = it->x, len;

	v += it->y;
	switch (it->kind) {
	case LAY_RULE:
		len = it->w;
		it->kind = LAY_VRULE;
		it->w = it->h;
		it->h = len;
		it->x = LAY_LEFT + v;
		it->y = LAY_TOP + LAY_HEIGHT - u - len;
		break;
	case LAY_VRULE:
		len = it->h;
		it->kind = LAY_RULE;
		it->h = it->w;
		it->w = len;
		it->x = LAY_LEFT + v;
		it->y = LAY_TOP + LAY_HEIGHT - u;
		break;
	default:
		it->x = LAY_LEFT + v;
		it->y = LAY_TOP + LAY_HEIGHT - u;
		it->turn = 1;
		break;
	}
}

void
table_place(struct lb *lb, struct lay_page *pg, struct row *r, double v)
{
	size_t	 i;

	for (i = 0; i < r->nitems; i++) {
		struct lay_item *it = place_item(pg);

		*it = r->items[i];
		turn_item(it, v);
	}
	free(r->items);
	r->items = NULL;
	r->nitems = 0;
}

double
table_head(struct lb *lb, struct lay_page *pg, int id, double top)
{
	const struct tab	*tb = &lb->tabs[id - 1];
	double			 above = 0;
	size_t			 i;

	if (tb->cont != NULL) {
		place_text(lb, pg, tb->cont, JB_ROLE_HEITI, LAY_BODY, BLACK,
		    LAY_LEFT, top + flow_baseline(LAY_BODY), AL_CENTER);
		above = LAY_PITCH;
	}
	for (i = 0; i < tb->nhead; i++) {
		struct lay_item *it = place_item(pg);

		copy_items(it, &tb->head[i], 1);
		if (tb->turn)
			turn_item(it, 0);
		else
			it->y += top + above;
	}
	return above + tb->headh;
}

void
table_cut(struct lb *lb, struct lay_page *pg, int id, double y)
{
	const struct tab	*tb = &lb->tabs[id - 1];
	struct lay_item		*it;

	/* A 三线 table closes with its heavy rule on every page; a grid
	 * has its bottom rule under every row already. */
	if (!tb->three)
		return;
	it = place_item(pg);
	memset(it, 0, sizeof(*it));
	it->kind = LAY_RULE;
	it->x = tb->x0;
	it->y = y;
	it->w = tb->w;
	it->h = RULE_HEAVY;
	it->color = BLACK;
	if (tb->turn)
		turn_item(it, 0);
}

void
table_close(struct lb *lb)
{
	size_t	 i, j;

	for (i = 0; i < lb->ntabs; i++) {
		for (j = 0; j < lb->tabs[i].nhead; j++) {
			struct lay_item *it = &lb->tabs[i].head[j];

			if (it->glyphs != NULL)
				pango_glyph_string_free(it->glyphs);
			if (it->font != NULL)
				g_object_unref(it->font);
		}
		free(lb->tabs[i].head);
	}
	free(lb->tabs);
	lb->tabs = NULL;
	lb->ntabs = 0;
}
