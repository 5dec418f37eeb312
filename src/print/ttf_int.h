/* ttf_int.h -- a cut CFF face rebuilt with TrueType outlines under the same glyph numbers and advances: the fonts OFD-A embeds. */
#ifndef JIANBAO_PRINT_TTF_INT_H
#define JIANBAO_PRINT_TTF_INT_H

#include <hb.h>

/*
 * The most a TrueType outline of ttf_from_cff() strays from the CFF
 * one, in ems: the spline's own distance and the integer grid's.
 */
#define TTF_TOLERANCE	0.001

/*
 * The OpenType font with CFF outlines in cff (a cut face: one font,
 * hb-subset's tables) rebuilt with TrueType outlines: every glyph's
 * cubic curves, as HarfBuzz draws them in font units, made quadratic
 * splines within TTF_TOLERANCE em (for faces of 1,000 units per em or
 * more; coarser grids cannot hold it and get as close as their grid
 * allows), turned clockwise as TrueType draws outer contours, in new
 * glyf, loca and maxp tables; head, hhea and hmtx with the new outlines'
 * bounds and each glyph's advance unchanged; every other table as it
 * is, CFF and VORG left out.  Glyph numbers are those of cff.  Returns
 * the new font, or NULL when a curve needs more than 64 quadratic
 * pieces or a coordinate leaves TrueType's range.  Uses HarfBuzz objects
 * of its own only, so two faces can be rebuilt at once.
 */
hb_blob_t *ttf_from_cff(hb_blob_t *cff);

#endif
