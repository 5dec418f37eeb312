/* parts.c -- the parts of a bulletin as rows: 报头, 编者按, 本期要目, the articles and their blocks, 报尾. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "print/layout_int.h"
#include "util/util.h"

static void
body_flow(struct flow *f, double inset)
{
	memset(f, 0, sizeof(*f));
	f->x0 = LAY_LEFT + inset;
	f->w = LAY_MEASURE - 2 * inset;
	f->ind1 = 2 * LAY_BODY;
	f->al = AL_JUSTIFY;
}

/* A picture's size in pixels: measured by the painter, else 4:3. */
static int
image_ratio(struct lb *lb, const struct jb_block *b, double *iw, double *ih)
{
	*iw = 4;
	*ih = 3;
	if (lb->m->image_size != NULL && lb->m->image_size(lb->m->arg,
	    b->path, &b->pos, iw, ih) == -1) {
		lb->failed = 1;
		return -1;
	}
	return 0;
}

/* A row of n grid lines holding a picture of w × h at x, centred in its lines. */
static struct row *
image_rowitem(struct lb *lb, struct row *r, const struct jb_block *b,
    double x, double w, double h, int n)
{
	struct lay_item	*it;

	if (r == NULL) {
		r = flow_row(lb);
		r->nlines = n;
	}
	it = flow_item(r, LAY_IMAGE);
	it->x = x;
	it->y = (n * LAY_PITCH - h) / 2;
	it->w = w;
	it->h = h;
	it->text = b->path;
	it->len = strlen(b->path);
	return r;
}

/* The credit of a picture or a row, （… 摄） at the right. */
static void
set_credit(struct lb *lb, const struct jb_block *b, int box, double inset)
{
	struct para	 p;
	struct flow	 f;

	shape_init(&p, &b->pos);
	body_flow(&f, inset);
	f.box = box;
	f.ind1 = 0;
	f.nobreak = 1;
	f.al = AL_RIGHT;
	shape_add(&p, "（", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, b->credit, JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, "）", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	flow_para(lb, &p, &f);
	shape_clear(&p);
}

/*
 * A picture across the measure, never more than 12 lines tall, then its
 * caption centred under it and its credit at the right, kept together.
 */
static void
set_image(struct lb *lb, const struct jb_block *b, int box, double inset)
{
	double		 iw, ih, w = LAY_MEASURE - 2 * inset, h;
	struct row	*r;
	struct para	 p;
	struct flow	 f;
	int		 n;

	if (image_ratio(lb, b, &iw, &ih) == -1)
		return;
	h = w * ih / iw;
	if (h > 12 * LAY_PITCH - 4) {
		h = 12 * LAY_PITCH - 4;
		w = h * iw / ih;
	}
	n = (int)ceil((h + 4) / LAY_PITCH);
	r = image_rowitem(lb, NULL, b, LAY_LEFT + inset + (LAY_MEASURE -
	    2 * inset - w) / 2, w, h, n);
	r->keep = b->caption != NULL || b->credit != NULL;
	r->box = box;
	if (b->caption != NULL) {
		shape_init(&p, &b->pos);
		body_flow(&f, inset);
		f.box = box;
		f.ind1 = 0;
		f.nobreak = 1;
		f.al = AL_CENTER;
		f.keep = b->credit != NULL;
		shape_add(&p, b->caption, JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
		flow_para(lb, &p, &f);
		shape_clear(&p);
	}
	if (b->credit != NULL)
		set_credit(lb, b, box, inset);
}

/*
 * Pictures side by side: scaled to one height so that with a gap of one
 * character between them they fill the measure, inset on each side (at
 * most 12 lines tall, then centred), each caption centred under its own picture, the row's
 * credit at the right, all kept together.
 */
static void
set_row(struct lb *lb, const struct jb_block *b, int box, double inset)
{
	double		 iw[DOC_MAX_ROW], ih[DOC_MAX_ROW], ratio = 0, h, x;
	double		 gap = LAY_BODY, w, measure = LAY_MEASURE - 2 * inset;
	struct row	*r, *cols[DOC_MAX_ROW];
	size_t		 n = b->nchildren, ncol[DOC_MAX_ROW], i, j, most = 0;
	struct para	 p;
	struct flow	 f;
	int		 lines;

	if (n > DOC_MAX_ROW)
		n = DOC_MAX_ROW;
	for (i = 0; i < n; i++) {
		if (image_ratio(lb, &b->children[i], &iw[i], &ih[i]) == -1)
			return;
		ratio += iw[i] / ih[i];
	}
	h = fmin((measure - gap * (double)(n - 1)) / ratio,
	    12 * LAY_PITCH - 4);
	w = h * ratio + gap * (double)(n - 1);
	lines = (int)ceil((h + 4) / LAY_PITCH);
	r = NULL;
	x = LAY_LEFT + inset + (measure - w) / 2;
	for (i = 0; i < n; i++) {
		r = image_rowitem(lb, r, &b->children[i], x, h * iw[i] / ih[i],
		    h, lines);
		x += h * iw[i] / ih[i] + gap;
	}
	r->keep = 1;
	r->box = box;
	/* Each caption is set in its picture's width, then the lines of
	 * all of them are merged into shared rows. */
	x = LAY_LEFT + inset + (measure - w) / 2;
	for (i = 0; i < n; i++) {
		size_t r0 = lb->nrows;

		ncol[i] = 0;
		cols[i] = NULL;
		if (b->children[i].caption != NULL) {
			shape_init(&p, &b->children[i].pos);
			memset(&f, 0, sizeof(f));
			f.x0 = x;
			f.w = h * iw[i] / ih[i];
			f.al = AL_CENTER;
			f.nobreak = 1;
			/* a narrow column: lines of even length */
			f.balance = 1;
			shape_add(&p, b->children[i].caption, JB_ROLE_KAITI,
			    LAY_BODY, BLACK, 0, 0);
			flow_para(lb, &p, &f);
			shape_clear(&p);
			ncol[i] = lb->nrows - r0;
			cols[i] = xmalloc(ncol[i] * sizeof(*cols[i]));
			memcpy(cols[i], &lb->rows[r0], ncol[i] * sizeof(*cols[i]));
			lb->nrows = r0;
		}
		if (ncol[i] > most)
			most = ncol[i];
		x += h * iw[i] / ih[i] + gap;
	}
	for (j = 0; j < most; j++) {
		r = flow_row(lb);
		r->keep = j + 1 < most || b->credit != NULL;
		r->box = box;
		for (i = 0; i < n; i++) {
			size_t k;

			if (j >= ncol[i])
				continue;
			for (k = 0; k < cols[i][j].nitems; k++)
				*flow_item(r, LAY_GLYPHS) = cols[i][j].items[k];
			free(cols[i][j].items);
		}
	}
	for (i = 0; i < n; i++)
		free(cols[i]);
	if (most == 0 && b->credit == NULL)
		lb->rows[lb->nrows - 1].keep = 0;
	if (b->credit != NULL)
		set_credit(lb, b, box, inset);
}

/* The width of p's text as set on one line. */
static double
set_width(const struct para *p)
{
	double	*a = xmalloc((p->nch + 1) * sizeof(*a));
	double	*sh = xmalloc((p->nch + 1) * sizeof(*sh));
	double	 w = shape_width(p, 0, p->nch, 1, a, sh);

	free(a);
	free(sh);
	return w;
}

/*
 * A 落款, a blank line above it: each line set flush left from where
 * doc_signoff_start() puts the organ lines for their widths as set, the
 * date 2 字 further right.  Organ and date stay on one page, and never on
 * a page of their own: the line before them is kept with them too.
 */
static void
set_signoff(struct lb *lb, const struct jb_block *b, struct flow *f)
{
	size_t		 n = (b->nruns + 1) / 2, i, first;
	struct para	*p = xcalloc(n, sizeof(*p));
	double		 organ = 0, date = 0, x;

	for (i = 0; i < n; i++) {
		shape_init(&p[i], &b->pos);
		place_runs(&p[i], &b->runs[2 * i], 1, JB_ROLE_FANGSONG,
		    LAY_BODY, 0);
		shape_para(lb, &p[i]);
		if (i + 1 < n)
			organ = fmax(organ, set_width(&p[i]));
		else
			date = set_width(&p[i]);
	}
	x = f->w - doc_signoff_start(organ / LAY_BODY, date / LAY_BODY) *
	    LAY_BODY;
	first = lb->nrows > 0 ? lb->nrows - 1 : 0;
	flow_blank(lb);
	f->al = AL_LEFT;
	f->nobreak = 1;
	for (i = 0; i < n; i++) {
		f->ind1 = f->ind2 = fmax(0, x + (i + 1 < n ? 0 : 2 * LAY_BODY));
		flow_shaped(lb, &p[i], f);
		shape_clear(&p[i]);
	}
	for (i = first; i + 1 < lb->nrows; i++)
		lb->rows[i].keep = 1;
	free(p);
}

static void
set_block(struct lb *lb, const struct jb_block *b, int box, double inset)
{
	struct para	 p;
	struct flow	 f;
	size_t		 i, first;

	shape_init(&p, &b->pos);
	body_flow(&f, inset);
	f.box = box;
	switch (b->kind) {
	case JB_BLOCK_PARA:
		place_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY,
		    b->lead);
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_HEADING: {
		static const enum jb_role hr[] = { JB_ROLE_HEITI,
		    JB_ROLE_HEITI, JB_ROLE_KAITI, JB_ROLE_FANGSONG,
		    JB_ROLE_FANGSONG };
		int lv = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;

		place_runs(&p, b->runs, b->nruns, hr[lv], LAY_BODY, 0);
		f.keep = 1;
		f.nobreak = 1;
		flow_para(lb, &p, &f);
		break;
	}
	case JB_BLOCK_BYLINE:
		place_runs(&p, b->runs, b->nruns, JB_ROLE_KAITI, LAY_BODY, 0);
		f.ind1 = 0;
		f.al = AL_RIGHT;
		f.nobreak = 1;
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_SIGNOFF:
		set_signoff(lb, b, &f);
		break;
	case JB_BLOCK_ITEM:
		shape_add(&p, "★", JB_ROLE_FANGSONG, LAY_BODY, BLACK, 0, 1);
		p.src0 = p.text.len;
		place_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY,
		    b->lead);
		flow_para(lb, &p, &f);
		break;
	case JB_BLOCK_LISTITEM:
		shape_add(&p, b->marker ? b->marker : "•", JB_ROLE_FANGSONG,
		    LAY_BODY, BLACK, 0, 0);
		if (b->marker != NULL && strchr(b->marker, '.') != NULL)
			shape_add(&p, " ", JB_ROLE_DIGITS, LAY_BODY, BLACK, 0,
			    0);
		place_runs(&p, b->runs, b->nruns, JB_ROLE_FANGSONG, LAY_BODY, 0);
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
	case JB_BLOCK_IMAGE:
		set_image(lb, b, box, inset);
		break;
	case JB_BLOCK_IMAGEROW:
		set_row(lb, b, box, inset);
		break;
	case JB_BLOCK_TABLE:
		table_set(lb, b);
		break;
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

void
part_article(struct lb *lb, const struct jb_article *art)
{
	struct row	*r;
	struct lay_item	*it;
	size_t		 i, t0, r0, k;

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
	r0 = lb->nrows;
	for (i = 0; i < art->nblocks; i++)
		set_block(lb, &art->blocks[i], 0, 0);
	/* Pagination lets a picture float only within its article's body. */
	for (k = r0; k < lb->nrows; k++)
		lb->rows[k].art = (int)(art - lb->d->articles) + 1;
}

/* 编者按: a 黑体 label, then the note in 楷体. */
void
part_note(struct lb *lb)
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
		place_runs(&p, m->note[i].runs, m->note[i].nruns,
		    JB_ROLE_KAITI, LAY_BODY, 0);
		flow_para(lb, &p, &f);
		shape_clear(&p);
	}
}

/*
 * Whether an article's kicker, its dash and its title share one line of w
 * in 本期要目.  When they do not, the title starts a line of its own: a
 * wrap somewhere inside it would split the title, and quotes in it often
 * leave the last words on a line by themselves.
 */
static int
entry_fits(struct lb *lb, const struct jb_article *art, double w)
{
	struct para	 p;
	double		 tot = 0;
	size_t		 i;

	shape_init(&p, &art->pos);
	shape_add(&p, art->kicker, JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, "——", JB_ROLE_KAITI, LAY_BODY, BLACK, 0, 0);
	shape_add(&p, art->title, JB_ROLE_FANGSONG, LAY_BODY, BLACK, 0, 0);
	shape_para(lb, &p);
	for (i = 0; i < p.nch; i++)
		tot += p.ch[i].adv;
	shape_clear(&p);
	return tot <= w + 0.01;
}

/*
 * 本期要目: every article's title, linked to it, after its kicker as
 * "kicker——title" (as printed 目录 do).  An entry starts 2 字 in; when it
 * wraps, its other lines hang 1 字 further in, so that each entry reads as
 * one block and none continues where the next begins.
 */
void
part_contents(struct lb *lb)
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
		f.ind2 = 3 * LAY_BODY;
		if (art->kicker != NULL) {
			shape_add(&p, art->kicker, JB_ROLE_KAITI, LAY_BODY,
			    BLACK, 0, 0);
			shape_add(&p, entry_fits(lb, art, f.w - f.ind1) ?
			    "——" : "——\n", JB_ROLE_KAITI, LAY_BODY, BLACK, 0,
			    0);
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

/*
 * Move the last row's items into the row before it (two ends of one
 * line), when a character's width at least is left between them: long
 * credits beside （共印N份） would otherwise print over each other.
 */
static void
merge_last(struct lb *lb)
{
	struct row	*a = &lb->rows[lb->nrows - 2], *b = &lb->rows[lb->nrows - 1];
	double		 end = 0, start = LAY_PAGE_W;
	size_t		 i;

	for (i = 0; i < a->nitems; i++)
		end = fmax(end, a->items[i].x + a->items[i].w);
	for (i = 0; i < b->nitems; i++)
		start = fmin(start, b->items[i].x);
	if (b->nitems == 0 || end + b->items[0].size > start)
		return;
	for (i = 0; i < b->nitems; i++)
		*flow_item(a, LAY_GLYPHS) = b->items[i];
	free(b->items);
	lb->nrows--;
}

/*
 * The 报尾 rows: 报/送/发 lines (*ndist rows), the 编印单位 and 印发 date
 * line, then credits and copies.  Returns the number of rows.
 */
size_t
part_footer(struct lb *lb, int *ndist)
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
	/* the phone's measure has no room for both: two lines */
	if (!LAY_COMPACT)
		merge_last(lb);
	if (m->copies > 0 || m->credits.n > 0) {
		shape_init(&p, &d->src);
		t.len = 0;
		t.data[0] = '\0';
		for (i = 0; i < m->credits.n; i++)
			buf_printf(&t, "%s%s：%s", i == 0 ? "" :
			    LAY_COMPACT && i % 2 == 0 ? "\n" : "　",
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
			if (before > first + (size_t)*ndist + 1 +
			    (size_t)LAY_COMPACT &&
			    lb->nrows == before + 1)
				merge_last(lb);
		}
	}
	buf_free(&t);
	return lb->nrows - first;
}


/*
 * One centred line of text letter-spaced by spacing times its size
 * between characters, shrunk to fit the measure, its em box centred on
 * mid: the 刊名 and the name of a kind (增刊) under it.
 */
static void
spaced_line(struct lb *lb, struct lay_page *pg, const char *text,
    enum jb_role role, double size, unsigned color, double spacing,
    double mid)
{
	const struct jb_doc	*d = lb->d;
	struct para		 p;
	struct line		 ln;
	struct row		*r;
	double			*a, *sh, w, target;
	size_t			 i, n;

	shape_init(&p, &d->src);
	shape_add(&p, text, role, size, color, 0, 0);
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
	target = fmin(LAY_MEASURE, n > 1 ? w + (n - 1) * size * spacing : w);
	shape_init(&p, &d->src);
	shape_add(&p, text, role, size, color, 0, 0);
	shape_para(lb, &p);
	ln.s = 0;
	ln.e = p.nch;
	ln.last = 1;
	r = flow_row(lb);
	flow_line(lb, r, &p, &ln, LAY_LEFT + (LAY_MEASURE - target) / 2,
	    target, n > 1 ? AL_JUSTIFY_ALL : AL_CENTER, mid + 0.38 * size);
	shape_clear(&p);
	lb->nrows--;
	for (i = 0; i < r->nitems; i++)
		*place_item(pg) = r->items[i];
	free(r->items);
}

/*
 * 报头: mark, red 刊名, the kind of a 增刊 in red 小标宋 二号 on the line
 * under it, 期号, compiler and date, red rule.  Returns grid lines used.
 * For 套打 on the print grid the red parts are left out, their space kept.
 */
int
part_masthead(struct lb *lb, struct lay_page *pg)
{
	const struct jb_doc	*d = lb->d;
	const struct jb_meta	*m = &d->meta;
	struct buf		 t = { 0 };
	double			 y;
	int			 k = m->kind != NULL;
	/* 套打: the paper has the red parts; their space stays empty. */
	int			 red = !d->series->preprinted || LAY_COMPACT;

	if (m->classification != NULL)
		place_text(lb, pg, m->classification, JB_ROLE_HEITI, LAY_BODY,
		    BLACK, LAY_LEFT, LAY_TOP + flow_baseline(LAY_BODY),
		    AL_LEFT);

	/* 刊名: 初号, letter-spaced to about a third more, shrunk to fit. */
	if (red)
		spaced_line(lb, pg, d->series->name, JB_ROLE_XBS, SIZE_0, RED,
		    0.45, LAY_TOP + 2 * LAY_PITCH);
	/* 增刊: a line of its own, spaced half a character. */
	if (k && red)
		spaced_line(lb, pg, m->kind->name, JB_ROLE_XBS, SIZE_2, RED,
		    0.5, LAY_TOP + 3.5 * LAY_PITCH);

	/* 第N期（总第N期）, 楷体, centred */
	buf_puts(&t, doc_issue_label(d));
	if (doc_total_label(d) != NULL)
		buf_printf(&t, "（%s）", doc_total_label(d));
	place_text(lb, pg, t.data, JB_ROLE_KAITI, LAY_BODY, BLACK, LAY_LEFT,
	    LAY_TOP + (3 + k) * LAY_PITCH + flow_baseline(LAY_BODY), AL_CENTER);
	buf_free(&t);

	/* The phone's measure has no room for both on one line: each
	 * centred on its own. */
	if (LAY_COMPACT) {
		y = LAY_TOP + (4 + k) * LAY_PITCH + flow_baseline(LAY_BODY);
		place_text(lb, pg, m->org, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
		    LAY_LEFT, y, AL_CENTER);
		y += LAY_PITCH;
		place_text(lb, pg, m->date_text, JB_ROLE_FANGSONG, LAY_BODY,
		    BLACK, LAY_LEFT, y, AL_CENTER);
		place_rule(pg, y + 0.12 * LAY_BODY + 4 * LAY_MM, 1.0, RED);
		return 7 + k;
	}
	/* 编印单位 1 字 in from the left, date 1 字 in from the right */
	y = LAY_TOP + (4 + k) * LAY_PITCH + flow_baseline(LAY_BODY);
	place_text(lb, pg, m->org, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
	    LAY_LEFT + LAY_BODY, y, AL_LEFT);
	place_text(lb, pg, m->date_text, JB_ROLE_FANGSONG, LAY_BODY, BLACK,
	    LAY_LEFT + LAY_MEASURE - LAY_BODY, y, AL_RIGHT);

	/* the red rule, 4 mm under that line */
	if (red)
		place_rule(pg, y + 0.12 * LAY_BODY + 4 * LAY_MM,
		    SPEC_RULE_RED, RED);
	return 6 + k;
}
