/* cut_int.h -- faces cut down to the glyphs a layout draws, with hb-subset: what both painters embed. */
#ifndef JIANBAO_PRINT_CUT_INT_H
#define JIANBAO_PRINT_CUT_INT_H

#include <hb.h>
#include <hb-subset.h>

struct lay_item;
struct _PangoGlyphInfo;

/* Whether a shaped glyph is drawn: not a missing one, not an empty one. */
int	 cut_drawn(const struct _PangoGlyphInfo *gi);

/*
 * Add what the glyph run it draws to the sets of its face: the glyphs
 * drawn, the characters of its text and those characters' own (cmap)
 * glyphs in the face.
 */
void	 cut_add(const struct lay_item *it, hb_set_t *glyphs, hb_set_t *chars,
	    hb_set_t *nominal);

/*
 * Cut src down for painting, shaping done: to the glyphs in glyphs and
 * to the glyphs of the characters in chars (either may be NULL), with
 * cmap entries for those characters, without the layout and vertical
 * tables, hints or subroutines.  Given glyphs, HarfBuzz walks the face's
 * whole character map to find their characters (a third of a second for
 * a Noto CJK face); given characters, it looks each one up: so give
 * glyphs only when some glyph drawn is not a character's own.  retain
 * keeps the glyphs' numbers (the rest become empty slots).  Returns the
 * cut face with its plan in *plan (old to new glyph numbers), or NULL
 * when HarfBuzz cannot cut the face.  Uses HarfBuzz only, so two faces
 * can be cut at once.
 */
hb_face_t *cut_make(hb_face_t *src, const hb_set_t *glyphs,
	    const hb_set_t *chars, int retain, hb_subset_plan_t **plan);

#endif
