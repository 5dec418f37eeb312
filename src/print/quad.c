/* quad.c -- a cubic Bézier segment as a TrueType quadratic spline within a given distance. */
#include <stddef.h>

#include "print/quad_int.h"

/* How often a difference curve is halved before it counts as too far. */
#define QUAD_DEPTH	12

static double
dist2(const double a[2], const double b[2])
{
	return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
}

/* The squared distance from p to the segment a b. */
static double
seg_dist2(const double p[2], const double a[2], const double b[2])
{
	double	 dx = b[0] - a[0], dy = b[1] - a[1], len2, t, f[2];

	len2 = dx * dx + dy * dy;
	t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	f[0] = a[0] + t * dx;
	f[1] = a[1] + t * dy;
	return dist2(p, f);
}

/*
 * Whether the cubic Bézier d (a difference of two curves, so its points
 * are vectors) stays within the circle of squared radius tol2 around
 * the origin.  A Bézier curve lies in the convex hull of its control
 * points, and the circle is convex: when all four are inside, so is the
 * curve; when an end is outside, so is a point of the curve; otherwise
 * each half is asked, down to QUAD_DEPTH halvings (then it counts as
 * outside, erring on the safe side).
 */
static int
within(double d[4][2], double tol2, int depth)
{
	static const double	 o[2];
	double			 l[4][2], r[4][2], m[2];
	int			 k;

	if (dist2(d[0], o) > tol2 || dist2(d[3], o) > tol2)
		return 0;
	if (dist2(d[1], o) <= tol2 && dist2(d[2], o) <= tol2)
		return 1;
	if (depth == 0)
		return 0;
	/* de Casteljau at one half */
	for (k = 0; k < 2; k++) {
		m[k] = (d[1][k] + d[2][k]) / 2;
		l[0][k] = d[0][k];
		l[1][k] = (d[0][k] + d[1][k]) / 2;
		l[2][k] = (l[1][k] + m[k]) / 2;
		r[3][k] = d[3][k];
		r[2][k] = (d[2][k] + d[3][k]) / 2;
		r[1][k] = (m[k] + r[2][k]) / 2;
		l[3][k] = r[0][k] = (l[2][k] + r[1][k]) / 2;
	}
	return within(l, tol2, depth - 1) && within(r, tol2, depth - 1);
}

/* The cubic c at t, and its derivative there. */
static void
eval(const double c[4][2], double t, double p[2], double dp[2])
{
	double	 u = 1 - t;
	int	 k;

	for (k = 0; k < 2; k++) {
		p[k] = u * u * u * c[0][k] + 3 * u * u * t * c[1][k] +
		    3 * u * t * t * c[2][k] + t * t * t * c[3][k];
		dp[k] = 3 * (u * u * (c[1][k] - c[0][k]) +
		    2 * u * t * (c[2][k] - c[1][k]) + t * t * (c[3][k] - c[2][k]));
	}
}

/* The part of the cubic c from t0 to t1, as a cubic of its own. */
static void
piece(const double c[4][2], double t0, double t1, double a[4][2])
{
	double	 d0[2], d1[2], h = t1 - t0;
	int	 k;

	eval(c, t0, a[0], d0);
	eval(c, t1, a[3], d1);
	for (k = 0; k < 2; k++) {
		a[1][k] = a[0][k] + d0[k] * h / 3;
		a[2][k] = a[3][k] - d1[k] * h / 3;
	}
}

/*
 * Whether n off-curve points do: the cubic cut into n equal parts of
 * its parameter, each part's quadratic control point the one that
 * matches the part's ends and its tangents there as well as one point
 * can (the mean of where the two tangents, walked half again as far,
 * end); each quadratic of the spline (between the implied midpoints)
 * then held against its part, as the cubic difference of the two
 * curves at equal parameters.
 */
static int
try_n(const double c[4][2], double tol2, double (*q)[2], size_t n)
{
	double	 a[64][4][2], s[2], e[2], d[4][2];
	size_t	 i;
	int	 k;

	for (i = 0; i < n; i++) {
		piece(c, (double)i / n, (double)(i + 1) / n, a[i]);
		for (k = 0; k < 2; k++)
			q[i][k] = (3 * (a[i][1][k] + a[i][2][k]) - a[i][0][k] -
			    a[i][3][k]) / 4;
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < 2; k++) {
			s[k] = i == 0 ? c[0][k] : (q[i - 1][k] + q[i][k]) / 2;
			e[k] = i == n - 1 ? c[3][k] : (q[i][k] + q[i + 1][k]) / 2;
			/* the quadratic raised to a cubic, less the part */
			d[0][k] = s[k] - a[i][0][k];
			d[1][k] = (s[k] + 2 * q[i][k]) / 3 - a[i][1][k];
			d[2][k] = (2 * q[i][k] + e[k]) / 3 - a[i][2][k];
			d[3][k] = e[k] - a[i][3][k];
		}
		if (!within(d, tol2, QUAD_DEPTH))
			return 0;
	}
	return 1;
}

int
quad_spline(const double c[4][2], double tol, double (*q)[2], size_t max)
{
	double	 tol2 = tol * tol;
	size_t	 n;

	/*
	 * A straight line when both inner control points lie within tol of
	 * it: the curve lies in their hull, and it runs from one end to the
	 * other, so it passes within tol of every point of the line too.
	 */
	if (seg_dist2(c[1], c[0], c[3]) <= tol2 &&
	    seg_dist2(c[2], c[0], c[3]) <= tol2)
		return 0;
	for (n = 1; n <= max && n <= 64; n++)
		if (try_n(c, tol2, q, n))
			return (int)n;
	return -1;
}
