/* draft.c -- the draft mark: the series' word for a draft and the issue date, set large, light and diagonal across every page, over its pictures and under its text. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pango.h>

#include "print/layout_int.h"
#include "util/util.h"

/*
 * Light enough that the text over it reads as before, dark enough to
 * survive a photocopier; grey, so a 套打 draft still prints nothing red.
 */
#define DRAFT_GREY	0xC4C4C4
#define DRAFT_ANGLE	45.0		/* degrees, rising to the right */
#define DRAFT_WORD	96.0		/* pt, the word */
#define DRAFT_DATE	32.0		/* pt, the date under it */

/*
 * Set s at size (at most) in 黑体 onto the scratch page sp, then turn its items
 * about the page's centre so that the line's middle sits off pt below
 * the centre, measured across the turned line.
 */
static void
mark_line(struct lb *lb, struct lay_page *sp, const char *s, double size,
    double off)
{
	const double	 a = DRAFT_ANGLE * M_PI / 180;
	const double	 dx = cos(a), dy = -sin(a);	/* along the baseline */
	const double	 nx = sin(a), ny = cos(a);	/* down across it */
	size_t		 first = sp->nitems, i;
	double		 x0, x1, ox, oy, t;

	/* One line: a long word (征求意见稿) is set smaller, its
	 * characters taken as 1 em wide, the widest they are. */
	size = fmin(size, 0.95 * LAY_MEASURE /
	    fmax(1, (double)g_utf8_strlen(s, -1)));
	place_text(lb, sp, s, JB_ROLE_HEITI, size, DRAFT_GREY, LAY_LEFT, 0,
	    AL_LEFT);
	if (sp->nitems == first)
		return;
	x0 = x1 = sp->items[first].x;
	for (i = first; i < sp->nitems; i++) {
		x0 = fmin(x0, sp->items[i].x);
		x1 = fmax(x1, sp->items[i].x + sp->items[i].w);
	}
	/* the baseline's start: half the line back from the centre, and the
	 * ideographic box's middle (0.38 em over the baseline) on the line */
	t = off + 0.38 * size;
	ox = LAY_PAGE_W / 2 - (x1 - x0) / 2 * dx + t * nx;
	oy = LAY_PAGE_H / 2 - (x1 - x0) / 2 * dy + t * ny;
	for (i = first; i < sp->nitems; i++) {
		struct lay_item *it = &sp->items[i];

		t = it->x - x0;
		it->x = ox + t * dx;
		it->y = oy + t * dy;
		it->angle = DRAFT_ANGLE;
		it->draft = 1;
	}
}

/* A copy of it that owns its own font reference and glyphs. */
static void
copy_item(struct lay_item *to, const struct lay_item *it)
{
	*to = *it;
	if (it->font != NULL)
		g_object_ref(it->font);
	if (it->glyphs != NULL)
		to->glyphs = pango_glyph_string_copy(it->glyphs);
}

void
draft_mark(struct lb *lb)
{
	const struct jb_doc	*d = lb->d;
	struct lay_doc		*l = lb->out;
	struct lay_page		 sp;
	struct lay_item		*v;
	size_t			 i, j, n;

	memset(&sp, 0, sizeof(sp));
	mark_line(lb, &sp, doc_draft_word(d), DRAFT_WORD, -0.3 * DRAFT_WORD);
	mark_line(lb, &sp, d->meta.date_text, DRAFT_DATE, 0.55 * DRAFT_WORD);
	n = sp.nitems;
	for (i = 0; i < l->npages; i++) {
		struct lay_page *pg = &l->pages[i];
		size_t		 k = 0;

		/* Pictures never lie under text, so they can go first: the
		 * mark then shows on them too, and under the text. */
		v = xmalloc((pg->nitems + n) * sizeof(*v));
		for (j = 0; j < pg->nitems; j++)
			if (pg->items[j].kind == LAY_IMAGE)
				v[k++] = pg->items[j];
		for (j = 0; j < n; j++)
			copy_item(&v[k++], &sp.items[j]);
		for (j = 0; j < pg->nitems; j++)
			if (pg->items[j].kind != LAY_IMAGE)
				v[k++] = pg->items[j];
		free(pg->items);
		pg->items = v;
		pg->nitems = pg->cap = k;
	}
	for (j = 0; j < n; j++) {
		if (sp.items[j].glyphs != NULL)
			pango_glyph_string_free(sp.items[j].glyphs);
		if (sp.items[j].font != NULL)
			g_object_unref(sp.items[j].font);
	}
	free(sp.items);
}
