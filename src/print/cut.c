/* cut.c -- faces cut down to the glyphs a layout draws, with hb-subset: what both painters embed. */
#include <stddef.h>

#include <hb.h>
#include <hb-subset.h>
#include <pango/pango.h>

#include "model/model.h"
#include "print/cut_int.h"
#include "print/page_int.h"

int
cut_drawn(const PangoGlyphInfo *gi)
{
	return !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
	    gi->glyph != PANGO_GLYPH_EMPTY;
}

void
cut_add(const struct lay_item *it, hb_set_t *glyphs, hb_set_t *chars,
    hb_set_t *nominal)
{
	hb_font_t	*hf = pango_font_get_hb_font(it->font);
	hb_codepoint_t	 c, ng;
	const char	*p;
	int		 g;

	for (g = 0; g < it->glyphs->num_glyphs; g++)
		if (cut_drawn(&it->glyphs->glyphs[g]))
			hb_set_add(glyphs, it->glyphs->glyphs[g].glyph);
	for (p = it->text; p < it->text + it->len; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		hb_set_add(chars, c);
		if (hb_font_get_nominal_glyph(hf, c, &ng))
			hb_set_add(nominal, ng);
	}
}

hb_face_t *
cut_make(hb_face_t *src, const hb_set_t *glyphs, const hb_set_t *chars,
    int retain, hb_subset_plan_t **plan)
{
	static const char	 drop[][5] = { "GSUB", "GPOS", "GDEF", "BASE",
	    "JSTF", "vhea", "vmtx", "VORG", "kern", "DSIG", "morx" };
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	size_t			 g;

	in = hb_subset_input_create_or_fail();
	if (chars != NULL)
		hb_set_union(hb_subset_input_unicode_set(in), chars);
	if (glyphs != NULL)
		hb_set_union(hb_subset_input_glyph_set(in), glyphs);
	/* Shaping is done: a painter needs outlines and metrics only, and
	 * skipping the layout tables skips their glyph closure. */
	for (g = 0; g < sizeof(drop) / sizeof(drop[0]); g++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG),
		    HB_TAG(drop[g][0], drop[g][1], drop[g][2], drop[g][3]));
	/* Asking for flat charstrings outright skips HarfBuzz's subroutine
	 * closure, a quarter of its work on CJK faces. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_DESUBROUTINIZE |
	    (retain ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
	*plan = hb_subset_plan_create_or_fail(src, in);
	hb_subset_input_destroy(in);
	sub = *plan != NULL ? hb_subset_plan_execute_or_fail(*plan) : NULL;
	if (sub == NULL) {
		hb_subset_plan_destroy(*plan);
		*plan = NULL;
	}
	return sub;
}
