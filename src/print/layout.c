/* layout.c -- set an issue into pages: the parts of a bulletin in order, paginated; free and dump the pages. */
#include <string.h>

#include <pango/pango.h>

#include "print/fonts_int.h"
#include "print/layout_int.h"
#include "util/util.h"

/* GB/T 9704: 版心 156 × 225 mm, 37 mm from the top, 28 mm from the left. */
const struct lay_grid lay_grid_print = {
	LAY_PAGE_W, LAY_PAGE_H, SPEC_LEFT * LAY_MM, SPEC_TOP * LAY_MM,
	SPEC_MEASURE * LAY_MM, SPEC_HEIGHT * LAY_MM, SPEC_LINES, SPEC_CHARS, 0
};

struct lay_grid lay_grid = {
	LAY_PAGE_W, LAY_PAGE_H, SPEC_LEFT * LAY_MM, SPEC_TOP * LAY_MM,
	SPEC_MEASURE * LAY_MM, SPEC_HEIGHT * LAY_MM, SPEC_LINES, SPEC_CHARS, 0
};

struct lay_doc *
lay_build(const struct jb_doc *d, const struct lay_metrics *m,
    const struct lay_opts *o)
{
	struct lb		 lb;
	struct lay_doc		*l;
	struct lay_page		*pg;
	size_t			 i, nf;
	int			 g, bodypages, ndist;
	struct lay_doc		*rv = NULL;

	lay_grid = o != NULL && o->grid != NULL ? *o->grid : lay_grid_print;
	memset(&lb, 0, sizeof(lb));
	lb.d = d;
	lb.m = m;
	lb.fs = m->fonts;
	lb.ctx = m->fonts ? font_context(m->fonts) : NULL;
	l = xcalloc(1, sizeof(*l));
	l->arena = arena_new();
	lb.a = l->arena;
	lb.out = l;

	pg = page_new(&lb);
	g = part_masthead(&lb, pg);
	if (d->meta.nnote > 0) {
		part_note(&lb);
	}
	if (d->narticles >= 2)
		part_contents(&lb);
	for (i = 0; i < d->narticles; i++)
		part_article(&lb, &d->articles[i]);
	pg = page_body(&lb, pg, &g);
	bodypages = (int)l->npages;
	nf = part_footer(&lb, &ndist);
	page_footer(&lb, pg, g, nf, ndist, o != NULL && o->even);
	page_folios(&lb, bodypages);
	if (d->series->draft && !LAY_COMPACT)
		draft_mark(&lb);
	if (!lb.failed)
		rv = l;
	for (i = 0; i < lb.nrows; i++)
		free(lb.rows[i].items);
	free(lb.rows);
	lbrk_close(&lb);
	table_close(&lb);
	shape_cache_sweep(m->shapes);
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
				    "%06x |%s|%s", it->x, it->y, it->w,
				    role_tags[it->role], it->size, it->color,
				    it->text, it->turn ? " turned" : "");
				if (it->draft)
					fprintf(fp, " draft %.0f", it->angle);
				fputc('\n', fp);
				break;
			case LAY_RULE:
				fprintf(fp, "  rule %.2f %.2f w=%.2f h=%.2f "
				    "%06x\n", it->x, it->y, it->w, it->h,
				    it->color);
				break;
			case LAY_VRULE:
				fprintf(fp, "  vrule %.2f %.2f w=%.2f h=%.2f "
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
