/* layout.c -- line breaking and pagination of an issue on the GB/T 9704 grid, device-independent. */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <pango/pango.h>

#include "document.h"
#include "fonts.h"
#include "layint.h"
#include "mem.h"
#include "msg.h"


/* Runs of the model as spans: strong 黑体, emphasis 楷体, code digits. */
static void
add_runs(struct para *p, const struct jb_run *runs, size_t n,
    enum jb_role base, double size, int lead)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		const struct jb_run *r = &runs[i];
		enum jb_role role = base;

		if (r->style & JB_STYLE_BREAK) {
			shape_span(p, "\n", 1, base, size, BLACK, 0);
			continue;
		}
		if ((r->style & JB_STYLE_STRONG) || (lead && i == 0))
			role = JB_ROLE_HEITI;
		else if (r->style & JB_STYLE_EM)
			role = JB_ROLE_KAITI;
		else if (r->style & JB_STYLE_CODE)
			role = JB_ROLE_DIGITS;
		shape_add(p, r->text, role, size, BLACK, 0, 0);
	}
}

static void
body_flow(struct flow *f, double inset)
{
	memset(f, 0, sizeof(*f));
	f->x0 = LAY_LEFT + inset;
	f->w = LAY_MEASURE - 2 * inset;
	f->ind1 = 2 * LAY_BODY;
	f->al = AL_JUSTIFY;
}

static void
set_block(struct lb *lb, const struct jb_block *b, int box, double inset)
{
	struct para	 p;
	struct flow	 f;
	struct row	*r;
	size_t		 i, first;

	shape_init(&p, &b->pos);
	body_flow(&f, inset);
	f.box = box;
	switch (b->kind) {
	case JB_BLOCK_PARA:
		add_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY,
		    b->lead);
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_HEADING: {
		static const enum jb_role hr[] = { JB_ROLE_HEITI,
		    JB_ROLE_HEITI, JB_ROLE_KAITI, JB_ROLE_FANGSONG,
		    JB_ROLE_FANGSONG };
		int lv = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;

		add_runs(&p, b->runs, b->nruns, hr[lv], LAY_BODY, 0);
		f.keep = 1;
		f.nobreak = 1;
		flow_para(lb, &p, &f);
		break;
	}
	case JB_BLOCK_BYLINE:
		add_runs(&p, b->runs, b->nruns, JB_ROLE_KAITI, LAY_BODY, 0);
		f.ind1 = 0;
		f.al = AL_RIGHT;
		f.nobreak = 1;
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_ITEM:
		shape_add(&p, "★", JB_ROLE_FANGSONG, LAY_BODY, BLACK, 0, 1);
		p.src0 = p.text.len;
		add_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY,
		    b->lead);
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_LISTITEM:
		shape_add(&p, b->marker ? b->marker : "•", JB_ROLE_FANGSONG,
		    LAY_BODY, BLACK, 0, 0);
		if (b->marker != NULL && strchr(b->marker, '.') != NULL)
			shape_add(&p, " ", JB_ROLE_DIGITS, LAY_BODY, BLACK, 0,
			    0);
		add_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY, 0);
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_BOX:
		flow_blank(lb);
		first = lb->nrows;
		box = ++lb->nboxes;
		for (i = 0; i < b->nchildren; i++)
			set_block(lb, &b->children[i], box, LAY_BODY);
		/* A short box stays on one page. */
		for (i = first; lb->nrows - first <= 4 && i + 1 < lb->nrows;
		    i++)
			lb->rows[i].keep = 1;
		flow_blank(lb);
		break;
	case JB_BLOCK_IMAGE: {
		double iw = 4, ih = 3, w = LAY_MEASURE - 2 * inset, h;
		int n;

		if (lb->m->image_size != NULL && lb->m->image_size(lb->m->arg,
		    b->path, &b->pos, &iw, &ih) == -1) {
			lb->failed = 1;
			break;
		}
		/* Full measure, but never more than 12 lines tall. */
		h = w * ih / iw;
		if (h > 12 * LAY_PITCH - 4) {
			h = 12 * LAY_PITCH - 4;
			w = h * iw / ih;
		}
		n = (int)ceil((h + 4) / LAY_PITCH);
		r = flow_row(lb);
		r->nlines = n;
		r->keep = 1;
		r->box = box;
		{
			struct lay_item *it = flow_item(r, LAY_IMAGE);

			it->x = LAY_LEFT + inset + (LAY_MEASURE - 2 * inset -
			    w) / 2;
			it->y = (n * LAY_PITCH - h) / 2;
			it->w = w;
			it->h = h;
			it->text = b->path;
			it->len = strlen(b->path);
		}
		f.ind1 = 0;
		f.nobreak = 1;
		if (b->caption != NULL) {
			f.al = AL_CENTER;
			f.keep = b->credit != NULL;
			shape_add(&p, b->caption, JB_ROLE_KAITI, LAY_BODY, BLACK,
			    0, 0);
			flow_para(lb, &p, &f);
			shape_clear(&p);
			shape_init(&p, &b->pos);
		}
		if (b->credit != NULL) {
			f.al = AL_RIGHT;
			f.keep = 0;
			shape_add(&p, "（", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
			shape_add(&p, b->credit, JB_ROLE_KAITI, LAY_BODY, BLACK,
			    0, 0);
			shape_add(&p, "）", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
			flow_para(lb, &p, &f);
		}
		if (b->caption == NULL && b->credit == NULL)
			r->keep = 0;
		break;
	}
	default:
		break;
	}
	shape_clear(&p);
}

/*
 * A centred one-paragraph display line (titles, kickers).  text came from
 * the source at pos on, unless src0 is NOSRC (a kicker, written before
 * the title whose pos it shares; a fixed label).
 */
static size_t
display(struct lb *lb, const char *text, const struct jb_pos *pos,
    size_t src0, enum jb_role role, double size, unsigned color,
    enum align al)
{
	struct para	 p;
	struct flow	 f;
	size_t		 n;

	shape_init(&p, pos);
	p.src0 = src0;
	/* Titles keep 2 字 clear of each edge and balance their lines. */
	body_flow(&f, size > LAY_BODY ? 2 * LAY_BODY : 0);
	f.balance = size > LAY_BODY;
	f.ind1 = 0;
	f.al = al;
	f.keep = 1;
	f.nobreak = 1;
	shape_add(&p, text, role, size, color, 0, 0);
	n = flow_para(lb, &p, &f);
	shape_clear(&p);
	return n;
}

static void
set_article(struct lb *lb, const struct jb_article *art)
{
	struct row	*r;
	struct lay_item	*it;
	size_t		 i, t0;

	flow_blank(lb);
	if (art->kicker != NULL)
		display(lb, art->kicker, &art->pos, NOSRC, JB_ROLE_KAITI, LAY_BODY,
		    BLACK, AL_CENTER);
	t0 = lb->nrows;
	display(lb, art->title, &art->pos, 0, JB_ROLE_XBS, SIZE_2, BLACK,
	    AL_CENTER);
	r = &lb->rows[t0];
	r->mark = art->title;
	r->dest = art->anchor;
	it = flow_item(r, LAY_DEST);
	it->x = LAY_LEFT;
	it->y = 0;
	it->text = art->anchor;
	it->len = strlen(art->anchor);
	if (art->subtitle != NULL)
		display(lb, art->subtitle, &art->pos, 0, JB_ROLE_KAITI, LAY_BODY,
		    BLACK, AL_CENTER);
	r = flow_row(lb);
	r->blank = 1;
	r->keep = 1;
	for (i = 0; i < art->nblocks; i++)
		set_block(lb, &art->blocks[i], 0, 0);
}

/* 编者按: a 黑体 label, then the note in 楷体. */
static void
set_note(struct lb *lb)
{
	const struct jb_meta	*m = &lb->d->meta;
	struct para		 p;
	struct flow		 f;
	size_t			 i;

	for (i = 0; i < m->nnote; i++) {
		shape_init(&p, &m->note[i].pos);
		body_flow(&f, 0);
		if (i == 0)
			shape_add(&p, arena_printf(lb->d->arena, "%s：",
			    doc_label(lb->d, JB_LABEL_NOTE)), JB_ROLE_HEITI, LAY_BODY,
			    BLACK, 0, 0);
		add_runs(&p, m->note[i].runs, m->note[i].nruns,
		    JB_ROLE_KAITI, LAY_BODY, 0);
		flow_para(lb, &p, &f);
		shape_clear(&p);
	}
}

/*
 * Whether an article's kicker and title share one line of w in 本期要目.
 * When they do not, the title starts a line of its own: a wrap somewhere
 * inside it would split the title, and quotes in it often leave the last
 * words on a line by themselves.
 */
static int
entry_fits(struct lb *lb, const struct jb_article *art, double w)
{
	struct para	 p;
	double		 tot = 0;
	size_t		 i;

	shape_init(&p, &art->pos);
	shape_add(&p, art->kicker, JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, "　", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, art->title, JB_ROLE_FANGSONG, LAY_BODY, BLACK, 0, 0);
	shape_para(lb, &p);
	for (i = 0; i < p.nch; i++)
		tot += p.ch[i].adv;
	shape_clear(&p);
	return tot <= w + 0.01;
}

/* 本期要目: every article's title, linked to it. */
static void
set_contents(struct lb *lb)
{
	const struct jb_doc	*d = lb->d;
	struct para		 p;
	struct flow		 f;
	size_t			 i, r0, k;

	flow_blank(lb);
	display(lb, doc_label(d, JB_LABEL_CONTENTS), &d->src, NOSRC,
	    JB_ROLE_XBS, SIZE_XBS3, BLACK, AL_CENTER);
	for (i = 0; i < d->narticles; i++) {
		const struct jb_article *art = &d->articles[i];

		shape_init(&p, &art->pos);
		body_flow(&f, 0);
		f.nobreak = 1;
		f.orphans = 1;
		f.ind2 = 2 * LAY_BODY;
		if (art->kicker != NULL) {
			shape_add(&p, art->kicker, JB_ROLE_KAITI, LAY_BODY,
			    BLACK, 0, 0);
			shape_add(&p, entry_fits(lb, art, f.w - f.ind1) ?
			    "　" : "\n", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
		}
		p.src0 = p.text.len;
		shape_add(&p, art->title, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
		    0, 0);
		r0 = lb->nrows;
		flow_para(lb, &p, &f);
		for (k = r0; k < lb->nrows; k++) {
			struct lay_item *it = flow_item(&lb->rows[k], LAY_LINK);

			it->x = LAY_LEFT;
			it->y = 0;
			it->w = LAY_MEASURE;
			it->h = LAY_PITCH;
			it->text = art->anchor;
			it->len = strlen(art->anchor);
		}
		shape_clear(&p);
	}
}

/* ---- pages ---- */

static struct lay_page *
new_page(struct lb *lb)
{
	struct lay_doc	*l = lb->out;

	l->pages = xrealloc(l->pages, (l->npages + 1) * sizeof(*l->pages));
	memset(&l->pages[l->npages], 0, sizeof(*l->pages));
	return &l->pages[l->npages++];
}

static struct lay_item *
page_item(struct lay_page *pg)
{
	if (pg->nitems == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 64;
		pg->items = xrealloc(pg->items, pg->cap * sizeof(*pg->items));
	}
	return &pg->items[pg->nitems++];
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

/* The 报尾 rows, laid out from the top of its block. */
/* Move the last row's items into the row before it (two ends of one line). */
static void
merge_last(struct lb *lb)
{
	struct row	*a = &lb->rows[lb->nrows - 2], *b = &lb->rows[lb->nrows - 1];
	size_t		 i;

	for (i = 0; i < b->nitems; i++)
		*flow_item(a, LAY_GLYPHS) = b->items[i];
	free(b->items);
	lb->nrows--;
}

/*
 * The 报尾 rows: 报/送/发 lines (*ndist rows), the 编印单位 and 印发 date
 * line, then credits and copies.  Returns the number of rows.
 */
static size_t
footer(struct lb *lb, int *ndist)
{
	const struct jb_doc	*d = lb->d;
	const struct jb_meta	*m = &d->meta;
	size_t			 first = lb->nrows, i, k;
	struct para		 p;
	struct flow		 f;
	struct buf		 t = { 0 };

	memset(&f, 0, sizeof(f));
	f.x0 = LAY_LEFT + SIZE_4;
	f.w = LAY_MEASURE - 2 * SIZE_4;
	f.al = AL_JUSTIFY;
	f.nobreak = 1;
	for (k = 0; k < JB_DIST__MAX; k++) {
		if (m->dist[k].n == 0)
			continue;
		shape_init(&p, &d->src);
		t.len = 0;
		buf_printf(&t, "%s：", doc_label(d, JB_LABEL_BAO + (int)k));
		shape_add(&p, t.data, JB_ROLE_FANGSONG, SIZE_4, BLACK, 0, 0);
		/* Wrapped lines align after the colon. */
		f.ind2 = 2 * SIZE_4;
		t.len = 0;
		t.data[0] = '\0';
		for (i = 0; i < m->dist[k].n; i++)
			buf_printf(&t, "%s%s", i ? "，" : "", m->dist[k].v[i]);
		buf_puts(&t, "。");
		shape_add(&p, t.data, JB_ROLE_FANGSONG, SIZE_4, BLACK, 0, 0);
		flow_para(lb, &p, &f);
		shape_clear(&p);
	}
	*ndist = (int)(lb->nrows - first);
	/* 编印单位 left, date right, on one line. */
	f.ind2 = 0;
	f.al = AL_LEFT;
	shape_init(&p, &d->src);
	shape_add(&p, m->org, JB_ROLE_FANGSONG, SIZE_4, BLACK, 0, 0);
	flow_para(lb, &p, &f);
	shape_clear(&p);
	shape_init(&p, &d->src);
	t.len = 0;
	buf_printf(&t, "%s%s", m->date_text, doc_label(d, JB_LABEL_PRINTED));
	shape_add(&p, t.data, JB_ROLE_FANGSONG, SIZE_4, BLACK, 0, 0);
	f.al = AL_RIGHT;
	flow_para(lb, &p, &f);
	shape_clear(&p);
	merge_last(lb);
	if (m->copies > 0 || m->credits.n > 0) {
		shape_init(&p, &d->src);
		t.len = 0;
		t.data[0] = '\0';
		for (i = 0; i < m->credits.n; i++)
			buf_printf(&t, "%s%s：%s", i ? "　" : "",
			    m->credits.v[i].role, m->credits.v[i].name);
		f.al = AL_LEFT;
		if (t.len > 0) {
			shape_add(&p, t.data, JB_ROLE_FANGSONG, SIZE_4, BLACK,
			    0, 0);
			flow_para(lb, &p, &f);
		}
		shape_clear(&p);
		if (m->copies > 0) {
			size_t before = lb->nrows;

			shape_init(&p, &d->src);
			t.len = 0;
			buf_puts(&t, "（");
			buf_printf(&t, doc_label(d, JB_LABEL_COPIES), m->copies);
			buf_puts(&t, "）");
			shape_add(&p, t.data, JB_ROLE_FANGSONG, SIZE_4, BLACK,
			    0, 0);
			f.al = AL_RIGHT;
			flow_para(lb, &p, &f);
			shape_clear(&p);
			if (before > first + (size_t)*ndist + 1 &&
			    lb->nrows == before + 1)
				merge_last(lb);
		}
	}
	buf_free(&t);
	return lb->nrows - first;
}

static void
rule(struct lay_page *pg, double y, double thick, unsigned color)
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

static void
text_item(struct lb *lb, struct lay_page *pg, const char *s, enum jb_role role,
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

/* 报头: mark, red 刊名, 期号, compiler and date, red rule.  Returns grid lines used. */
static int
masthead(struct lb *lb, struct lay_page *pg)
{
	const struct jb_doc	*d = lb->d;
	const struct jb_meta	*m = &d->meta;
	struct para		 p;
	struct line		 ln;
	struct row		*r;
	struct buf		 t = { 0 };
	double			*a, *sh, w, size = SIZE_0, target, y;
	size_t			 i, n;

	if (m->classification != NULL)
		text_item(lb, pg, m->classification, JB_ROLE_HEITI, LAY_BODY,
		    BLACK, LAY_LEFT, LAY_TOP + flow_baseline(LAY_BODY), AL_LEFT);

	/* 刊名: 初号, letter-spaced to about a third more, shrunk to fit. */
	shape_init(&p, &d->src);
	shape_add(&p, d->series->name, JB_ROLE_XBS, size, RED, 0, 0);
	shape_para(lb, &p);
	a = xmalloc((p.nch + 1) * sizeof(*a));
	sh = xmalloc((p.nch + 1) * sizeof(*sh));
	w = shape_width(&p, 0, p.nch, 0, a, sh);
	n = p.nch;
	shape_clear(&p);
	free(a);
	free(sh);
	if (w > LAY_MEASURE)
		size *= LAY_MEASURE / w, w = LAY_MEASURE;
	target = fmin(LAY_MEASURE, n > 1 ? w + (n - 1) * size * 0.45 : w);
	shape_init(&p, &d->src);
	shape_add(&p, d->series->name, JB_ROLE_XBS, size, RED, 0, 0);
	shape_para(lb, &p);
	ln.s = 0;
	ln.e = p.nch;
	ln.last = 1;
	r = flow_row(lb);
	y = LAY_TOP + 2 * LAY_PITCH + 0.38 * size;
	flow_line(lb, r, &p, &ln, LAY_LEFT + (LAY_MEASURE - target) / 2,
	    target, n > 1 ? AL_JUSTIFY_ALL : AL_CENTER, y);
	shape_clear(&p);
	lb->nrows--;
	for (i = 0; i < r->nitems; i++)
		*page_item(pg) = r->items[i];
	free(r->items);

	/* 第N期（总第N期）, 楷体, centred */
	buf_puts(&t, doc_issue_label(d));
	if (doc_total_label(d) != NULL)
		buf_printf(&t, "（%s）", doc_total_label(d));
	text_item(lb, pg, t.data, JB_ROLE_KAITI, LAY_BODY, BLACK, LAY_LEFT,
	    LAY_TOP + 3 * LAY_PITCH + flow_baseline(LAY_BODY), AL_CENTER);
	buf_free(&t);

	/* 编印单位 1 字 in from the left, date 1 字 in from the right */
	y = LAY_TOP + 4 * LAY_PITCH + flow_baseline(LAY_BODY);
	text_item(lb, pg, m->org, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
	    LAY_LEFT + LAY_BODY, y, AL_LEFT);
	text_item(lb, pg, m->date_text, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
	    LAY_LEFT + LAY_MEASURE - LAY_BODY, y, AL_RIGHT);

	/* the red rule, 4 mm under that line */
	rule(pg, y + 0.12 * LAY_BODY + 4 * LAY_MM, 1.0, RED);
	return 6;
}

struct lay_doc *
lay_build(const struct jb_doc *d, const struct lay_metrics *m,
    const struct lay_opts *o)
{
	struct lb		 lb;
	struct lay_doc		*l;
	struct lay_page		*pg;
	size_t			 i, b, nf, frow0;
	int			 g, *line, pgstart, bodypages, pno, ndist;
	struct lay_doc		*rv = NULL;
	int			*blank = NULL;

	memset(&lb, 0, sizeof(lb));
	lb.d = d;
	lb.m = m;
	lb.fs = m->fonts;
	lb.ctx = m->fonts ? font_context(m->fonts) : NULL;
	l = xcalloc(1, sizeof(*l));
	l->arena = arena_new();
	lb.a = l->arena;
	lb.out = l;

	pg = new_page(&lb);
	g = masthead(&lb, pg);
	if (d->meta.nnote > 0) {
		set_note(&lb);
	}
	if (d->narticles >= 2)
		set_contents(&lb);
	for (i = 0; i < d->narticles; i++)
		set_article(&lb, &d->articles[i]);

	/* paginate */
	line = xcalloc(lb.nrows + 1, sizeof(*line));
	for (i = 0, pgstart = 0; i < lb.nrows;) {
		size_t j;
		int used = g;

		if (g == 0 && lb.rows[i].blank) {
			i++;
			continue;
		}
		for (j = i; j < lb.nrows && used + lb.rows[j].nlines <=
		    LAY_LINES; j++)
			used += lb.rows[j].nlines;
		/* A picture that does not fit may shrink to half a page. */
		if (j < lb.nrows && lb.rows[j].nitems > 0 &&
		    lb.rows[j].items[0].kind == LAY_IMAGE) {
			size_t k = j;
			int need;

			while (lb.rows[k].keep && k + 1 < lb.nrows && k < j + 3)
				k++;
			need = LAY_LINES - used - (int)(k - j);
			if (need >= 6 && need < lb.rows[j].nlines) {
				shrink_image(&lb.rows[j], need);
				for (; j < lb.nrows && used +
				    lb.rows[j].nlines <= LAY_LINES; j++)
					used += lb.rows[j].nlines;
			}
		}
		b = j;
		if (b < lb.nrows)
			b = adjust_break(&lb, i, b);
		if (b == i)
			b = i + 1;
		for (j = i; j < b; j++) {
			line[j] = g;
			g += lb.rows[j].nlines;
		}
		frames(&lb, pg, i, b, line);
		for (j = i; j < b; j++)
			place(&lb, pg, &lb.rows[j], line[j]);
		pg->lines = g;
		i = b;
		if (i < lb.nrows) {
			pg = new_page(&lb);
			g = 0;
		}
		pgstart++;
	}
	free(line);
	bodypages = (int)l->npages;

	/* 报尾 at the bottom of the last page, or of a page of its own */
	frow0 = lb.nrows;
	nf = footer(&lb, &ndist);
	if (g + (int)nf > LAY_LINES) {
		pg = new_page(&lb);
		g = 0;
	}
	if (o != NULL && o->even && l->npages % 2 == 1) {
		pg = new_page(&lb);
		g = 0;
	}
	{
		int top = LAY_LINES - (int)nf;

		rule(pg, LAY_TOP + top * LAY_PITCH, 0.35 * LAY_MM, BLACK);
		if (ndist > 0)
			rule(pg, LAY_TOP + (top + ndist) * LAY_PITCH,
			    0.25 * LAY_MM, BLACK);
		if ((size_t)(ndist + 1) < nf)
			rule(pg, LAY_TOP + (top + ndist + 1) * LAY_PITCH,
			    0.25 * LAY_MM, BLACK);
		rule(pg, LAY_TOP + LAY_HEIGHT, 0.35 * LAY_MM, BLACK);
		for (i = 0; i < nf; i++) {
			lb.rows[frow0 + i].para = -1;
			lb.rows[frow0 + i].mark = NULL;
			place(&lb, pg, &lb.rows[frow0 + i], top + (int)i);
		}
	}

	/* Page numbers: GB/T 9704 §7.5; blank pages before the 报尾 page and
	 * that page itself are not numbered. */
	blank = xcalloc(l->npages + 1, sizeof(*blank));
	for (pno = bodypages; pno < (int)l->npages - 1; pno++)
		blank[pno] = 1;
	for (pno = 0; pno < (int)l->npages; pno++) {
		char num[32];
		int odd = (pno + 1) % 2 == 1;
		double y = LAY_TOP + LAY_HEIGHT + 7 * LAY_MM + 0.88 * SIZE_4;

		if (blank[pno] || (pno == (int)l->npages - 1 && pno > 0 &&
		    blank[pno - 1]))
			continue;
		l->pages[pno].folio = pno + 1;
		snprintf(num, sizeof(num), "— %d —", pno + 1);
		text_item(&lb, &l->pages[pno], num, JB_ROLE_SONGTI, SIZE_4,
		    BLACK, odd ? LAY_LEFT + LAY_MEASURE - SIZE_4 :
		    LAY_LEFT + SIZE_4, y, odd ? AL_RIGHT : AL_LEFT);
	}
	free(blank);
	if (!lb.failed)
		rv = l;
	for (i = 0; i < lb.nrows; i++)
		free(lb.rows[i].items);
	free(lb.rows);
	lbrk_close(&lb);
	if (rv == NULL)
		lay_free(l);
	return rv;
}

void
lay_free(struct lay_doc *l)
{
	size_t	 i, j;

	if (l == NULL)
		return;
	for (i = 0; i < l->npages; i++) {
		for (j = 0; j < l->pages[i].nitems; j++) {
			struct lay_item *it = &l->pages[i].items[j];

			if (it->glyphs != NULL)
				pango_glyph_string_free(it->glyphs);
			if (it->font != NULL)
				g_object_unref(it->font);
		}
		free(l->pages[i].items);
	}
	free(l->pages);
	free(l->marks);
	arena_free(l->arena);
	free(l);
}

static const char *const role_tags[JB_ROLE__MAX] = {
	[JB_ROLE_XBS] = "xbs",
	[JB_ROLE_FANGSONG] = "fangsong",
	[JB_ROLE_HEITI] = "heiti",
	[JB_ROLE_KAITI] = "kaiti",
	[JB_ROLE_SONGTI] = "songti",
	[JB_ROLE_DIGITS] = "digits",
};

void
lay_dump(const struct lay_doc *l, FILE *fp)
{
	size_t	 i, j;

	for (i = 0; i < l->npages; i++) {
		const struct lay_page *pg = &l->pages[i];

		fprintf(fp, "page %zu folio %d\n", i + 1, pg->folio);
		for (j = 0; j < pg->nitems; j++) {
			const struct lay_item *it = &pg->items[j];

			switch (it->kind) {
			case LAY_GLYPHS:
				fprintf(fp, "  text %.2f %.2f w=%.2f %s %.2f "
				    "%06x |%s|\n", it->x, it->y, it->w,
				    role_tags[it->role], it->size, it->color,
				    it->text);
				break;
			case LAY_RULE:
				fprintf(fp, "  rule %.2f %.2f w=%.2f h=%.2f "
				    "%06x\n", it->x, it->y, it->w, it->h,
				    it->color);
				break;
			case LAY_FRAME:
				fprintf(fp, "  frame %.2f %.2f w=%.2f h=%.2f\n",
				    it->x, it->y, it->w, it->h);
				break;
			case LAY_IMAGE:
				fprintf(fp, "  image %.2f %.2f w=%.2f h=%.2f "
				    "%s\n", it->x, it->y, it->w, it->h,
				    it->text);
				break;
			case LAY_LINK:
				fprintf(fp, "  link %.2f %.2f w=%.2f h=%.2f "
				    "#%s\n", it->x, it->y, it->w, it->h,
				    it->text);
				break;
			case LAY_DEST:
				fprintf(fp, "  dest %.2f %.2f #%s\n", it->x,
				    it->y, it->text);
				break;
			}
		}
	}
	for (i = 0; i < l->nmarks; i++)
		fprintf(fp, "mark %d #%s %s\n", l->marks[i].page,
		    l->marks[i].dest, l->marks[i].title);
}
