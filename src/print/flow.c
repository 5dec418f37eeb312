/* flow.c -- the line setter: paragraphs into rows of glyph runs, compressed, justified, aligned on the grid's baselines. */
#include <math.h>
#include <string.h>

#include <pango/pango.h>

#include "print/layout_int.h"
#include "util/util.h"

/* ---- rows ---- */

struct row *
flow_row(struct lb *lb)
{
	struct row	*r;

	if (lb->nrows == lb->caprows) {
		lb->caprows = lb->caprows ? 2 * lb->caprows : 64;
		lb->rows = xrealloc(lb->rows, lb->caprows * sizeof(*r));
	}
	r = &lb->rows[lb->nrows++];
	memset(r, 0, sizeof(*r));
	r->nlines = 1;
	r->para = -1;
	return r;
}

struct lay_item *
flow_item(struct row *r, enum lay_kind k)
{
	struct lay_item	*it;

	if (r->nitems == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->items = xrealloc(r->items, r->cap * sizeof(*it));
	}
	it = &r->items[r->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = k;
	return it;
}

void
flow_blank(struct lb *lb)
{
	struct row	*r;

	if (lb->nrows > 0 && lb->rows[lb->nrows - 1].blank)
		return;
	r = flow_row(lb);
	r->blank = 1;
}

/* Baseline of text of size sz in a grid cell: the em box centred. */
double
flow_baseline(double sz)
{
	return LAY_PITCH / 2 + 0.38 * sz;
}

/*
 * Emit one glyph run for characters [s, e) of p, which share an item (or
 * a span with fixed metrics), at x with advances a[] and ink shifts sh[].
 */
static void
emit_run(struct lb *lb, struct row *r, struct para *p, size_t s, size_t e,
    double x, double y, const double *a, const double *sh)
{
	struct lay_item		*it;
	const struct span	*sp = &p->spans[p->ch[s].span];
	size_t			 off = p->ch[s].off, end, i;
	double			 w = 0;

	end = e < p->nch ? p->ch[e].off : p->text.len;
	for (i = s; i < e; i++)
		w += a[i - s];
	it = flow_item(r, LAY_GLYPHS);
	it->x = x;
	it->y = y;
	it->w = w;
	it->color = sp->color;
	it->role = sp->role;
	it->size = sp->size;
	it->text = arena_strndup(lb->a, p->text.data + off, end - off);
	it->len = end - off;
	if (p->ch[s].item >= 0) {
		PangoItem *src = p->items[p->ch[s].item];
		PangoGlyphString *sg = p->glyphs[p->ch[s].item], *gs;
		int g0 = p->ch[s].g0, g1 = p->ch[e - 1].g0 + p->ch[e - 1].ng;
		int g;
		double pos = 0, prev = 0;

		gs = pango_glyph_string_new();
		pango_glyph_string_set_size(gs, g1 - g0);
		for (g = g0; g < g1; g++) {
			gs->glyphs[g - g0] = sg->glyphs[g];
			gs->log_clusters[g - g0] = sg->log_clusters[g] +
			    src->offset - (int)off;
		}
		/* Positions are rounded cumulatively so no error builds up. */
		for (i = s; i < e; i++) {
			const struct pch *c = &p->ch[i];
			int last = c->g0 + c->ng - 1 - g0;
			double natw = 0;

			for (g = c->g0; g < c->g0 + c->ng - 1; g++)
				natw += (double)sg->glyphs[g].geometry.width /
				    PANGO_SCALE;
			pos += a[i - s];
			gs->glyphs[c->g0 - g0].geometry.x_offset +=
			    (int)lround(sh[i - s] * PANGO_SCALE);
			gs->glyphs[last].geometry.width =
			    (int)(lround(pos * PANGO_SCALE) -
			    lround((prev + natw) * PANGO_SCALE));
			prev = pos;
		}
		it->glyphs = gs;
		it->font = g_object_ref(src->analysis.font);
	}
}

/*
 * Set line ln of p at x0 in a measure of w: compress, justify, align, and
 * emit its runs into row r at baseline y.
 */
void
flow_line(struct lb *lb, struct row *r, struct para *p, const struct line *ln,
    double x0, double w, enum align al, double y)
{
	double		*a, *sh, width, extra = 0, x, per = 0;
	size_t		 s = ln->s, e = ln->e, i, gaps = 0, rs;
	int		 justify;

	while (e > s && p->ch[e - 1].c == '\n')
		e--;
	if (e == s)
		return;
	justify = al == AL_JUSTIFY_ALL || (al == AL_JUSTIFY && !ln->last);
	a = xmalloc((e - s) * sizeof(*a));
	sh = xmalloc((e - s) * sizeof(*sh));
	width = shape_width(p, s, e, justify || ln->trim, a, sh);
	while (e > s && zh_space(p->ch[e - 1].c))
		e--;
	/* An opening bracket starting a wrapped line loses its outer half;
	 * after a first-line indent it keeps it, so （一） aligns. */
	if (al != AL_CENTER && al != AL_RIGHT && s > 0 &&
	    p->ch[s - 1].c != '\n' && p->ch[s].cl > 0 &&
	    p->ch[s].cr == 0 && a[0] >= p->ch[s].adv - 0.01) {
		a[0] -= p->ch[s].cl;
		sh[0] -= p->ch[s].cl;
		width -= p->ch[s].cl;
	}
	/* A line the breaker squeezed: take the excess from the marks. */
	if (width > w + 0.01) {
		double tot = shape_shrinkable(p, s, e, a), f, r, b;

		f = tot > 0 ? fmin(1, (width - w) / tot) : 0;
		for (i = s; i < e && f > 0; i++) {
			const struct pch *c = &p->ch[i];

			if (!c->mark || zh_interpunct(c->c))
				continue;
			b = c->cl + c->cr - (c->adv - a[i - s]);
			if (b <= 0)
				continue;
			r = b * f;
			a[i - s] -= r;
			if (shape_centred(c))
				sh[i - s] -= r / 2;
			else if (c->cl > 0)
				sh[i - s] -= r;
			width -= r;
		}
	}
	if (justify && width < w) {
		for (i = s; i + 1 < e; i++) {
			gunichar c = p->ch[i].c, n = p->ch[i + 1].c;

			if (zh_pairmark(c) && c == n)
				continue;
			if (c < 0x7f && n < 0x7f && c != ' ' && n != ' ')
				continue;
			if (p->ch[i + 1].ng == 0 && p->ch[i + 1].item >= 0)
				continue;
			gaps++;
		}
		extra = w - width;
		if (gaps > 0)
			per = extra / gaps;
		for (i = s; i + 1 < e && gaps > 0; i++) {
			gunichar c = p->ch[i].c, n = p->ch[i + 1].c;

			if ((zh_pairmark(c) && c == n) ||
			    (c < 0x7f && n < 0x7f && c != ' ' && n != ' ') ||
			    (p->ch[i + 1].ng == 0 && p->ch[i + 1].item >= 0))
				continue;
			a[i - s] += per;
		}
		width = w;
	}
	x = x0;
	if (al == AL_CENTER)
		x = x0 + (w - width) / 2;
	else if (al == AL_RIGHT)
		x = x0 + w - width;
	for (rs = s, i = s + 1; i <= e; i++) {
		if (i < e && p->ch[i].span == p->ch[rs].span &&
		    p->ch[i].item == p->ch[rs].item)
			continue;
		emit_run(lb, r, p, rs, i, x, y, a + (rs - s), sh + (rs - s));
		for (; rs < i; rs++)
			x += a[rs - s];
		rs = i;
	}
	free(a);
	free(sh);
}

/* Shape, break and set p into one row per line.  Returns the lines made. */
size_t
flow_para(struct lb *lb, struct para *p, const struct flow *f)
{
	shape_para(lb, p);
	return flow_shaped(lb, p, f);
}

size_t
flow_shaped(struct lb *lb, struct para *p, const struct flow *f)
{
	struct line	*ln;
	struct row	*r;
	size_t		 nl, i;
	double		 size = 0;
	int		 id = lb->nparas++;

	p->orphans = !f->nobreak || f->orphans;
	p->loose = f->al == AL_JUSTIFY && !f->balance;
	nl = f->balance ? lbrk_title(lb, p, f->w, &ln) : 0;
	if (nl == 0)
		nl = lbrk_para(lb, p, f->w, f->ind1, f->ind2, &ln);
	if (f->balance && nl > 1 && !ln[0].trim) {
		/* Too long for the title breaker: the narrowest measure that
		 * keeps the number of lines. */
		double tot = 0, bw;
		struct line *bl;

		for (i = 0; i < p->nch; i++)
			tot += p->ch[i].adv;
		for (bw = tot / nl; bw < f->w; bw += p->ch[0].em / 2) {
			if (lbrk_para(lb, p, bw, 0, 0, &bl) == nl) {
				free(ln);
				ln = bl;
				break;
			}
			free(bl);
		}
	}
	for (i = 0; i < p->nspans; i++)
		size = fmax(size, p->spans[i].size);
	for (i = 0; i < nl; i++) {
		/* a line after a hard break carries on the paragraph */
		int first = i == 0;

		r = flow_row(lb);
		r->keep = f->keep;
		r->box = f->box;
		if (!f->nobreak) {
			r->para = id;
			r->idx = (int)i;
			r->count = (int)nl;
		}
		flow_line(lb, r, p, &ln[i],
		    f->x0 + (first ? f->ind1 : f->ind2),
		    f->w - (first ? f->ind1 : f->ind2), f->al,
		    flow_baseline(size));
	}
	free(ln);
	return nl;
}
