/* colwidth.c -- column widths of a table by content, one rule for the print and the Word editions. */
#include <stdlib.h>

#include "model/model.h"
#include "util/util.h"

void
colw_widths(const double *minw, const double *maxw, size_t n, double w,
    double *out)
{
	double	 smin, smax, room;
	size_t	 j, left;
	int	 more;
	unsigned char *fixed = xcalloc(n + 1, 1);

	do {
		more = 0;
		room = w;
		left = 0;
		smin = 0;
		for (j = 0; j < n; j++) {
			if (fixed[j])
				room -= maxw[j];
			else
				left++, smin += minw[j];
		}
		for (j = 0; j < n && left > 1; j++)
			if (!fixed[j] && maxw[j] <= room / left &&
			    room - maxw[j] >= smin - minw[j])
				fixed[j] = more = 1;
	} while (more);
	smin = smax = 0;
	for (j = 0; j < n; j++)
		if (!fixed[j]) {
			smin += minw[j];
			smax += maxw[j];
		}
	for (j = 0; j < n; j++) {
		if (smax <= room)
			out[j] = smax + w - room > 0 ?
			    maxw[j] * w / (smax + w - room) : w / n;
		else if (fixed[j])
			out[j] = maxw[j];
		else
			out[j] = minw[j] + (smax > smin ? (maxw[j] - minw[j]) *
			    (room - smin) / (smax - smin) : 0);
	}
	free(fixed);
}
