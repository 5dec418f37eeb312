/* quad_int.h -- a cubic Bézier segment as a TrueType quadratic spline within a given distance. */
#ifndef JIANBAO_PRINT_QUAD_INT_H
#define JIANBAO_PRINT_QUAD_INT_H

#include <stddef.h>

/*
 * Approximate the cubic Bézier segment c[0] .. c[3] (x, y) by the
 * TrueType spline from c[0] to c[3] through the off-curve points it
 * writes to q, with an on-curve point implied halfway between each two
 * of them: the fewest off-curve points (at most max, and 64) for which every
 * point of the spline is within tol of the cubic and every point of the
 * cubic within tol of the spline.  Returns their number, 0 when the
 * straight line from c[0] to c[3] is within tol, or -1 when max do not
 * suffice.
 */
int	 quad_spline(const double c[4][2], double tol, double (*q)[2],
	    size_t max);

#endif
