/* place.c -- put things on the page model: an item, a rule across the measure, one line of text, a paragraph's runs in their roles. */
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "print/layout_int.h"
#include "util/util.h"

struct lay_item *
place_item(struct lay_page *pg)
{
	if (pg->nitems == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 64;
		pg->items = xrealloc(pg->items, pg->cap * sizeof(*pg->items));
	}
	return &pg->items[pg->nitems++];
}

void
place_rule(struct lay_page *pg, double y, double thick, unsigned color)
{
	struct lay_item	*it = place_item(pg);

	memset(it, 0, sizeof(*it));
	it->kind = LAY_RULE;
	it->x = LAY_LEFT;
	it->y = y;
	it->w = LAY_MEASURE;
	it->h = thick;
	it->color = color;
}

void
place_text(struct lb *lb, struct lay_page *pg, const char *s, enum jb_role role,
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
		struct lay_item *it = place_item(pg);

		*it = r->items[i];
		it->y = y;
	}
	free(r->items);
}

void
place_runs(struct para *p, const struct jb_run *runs, size_t n,
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
