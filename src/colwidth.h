/* colwidth.h -- column widths of a table by content, shared by the print and Word editions. */
#ifndef JIANBAO_COLWIDTH_H
#define JIANBAO_COLWIDTH_H

#include <stddef.h>

/*
 * Column widths for a table as wide as the measure, by the automatic
 * table layout of CSS 2.1 §17.5.2.2 with one refinement an office
 * typesetter makes: a column whose widest cell fits in an even share of
 * the room gets it whole, so short names and numbers stay on one line
 * and the long texts wrap.  The others share what is left as CSS does:
 * each its minimum content width, the rest in proportion to what it
 * lacks of its maximum, or, when all have their maxima, in proportion to
 * those.  minw and maxw hold each of the n columns' minimum and maximum
 * content widths, out receives the n widths, in the same unit as w.  The
 * caller has checked that the minima fit.
 */
void	 colw_widths(const double *minw, const double *maxw, size_t n, double w,
	    double *out);

#endif
