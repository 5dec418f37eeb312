/* issues.h -- find the issue files of an archive: ROOT/YYYY/NN.md in (year, number) order. */
#ifndef JIANBAO_ISSUES_H
#define JIANBAO_ISSUES_H

#include <stddef.h>

#include "jianbao.h"

struct iss_file {
	char	*path;			/* ROOT/YYYY/NN.md, owned by the list */
	int	 year;			/* from the folder name */
	int	 number;		/* from the file name */
};

struct iss_list {
	struct iss_file	*v;
	size_t		 n;
};

/*
 * Fill out with every ROOT/YYYY/NN.md (YYYY four digits, NN a number),
 * sorted by year and number.  A missing ROOT gives an empty list.  The
 * caller frees the list with iss_free().  Never fails: folders that
 * cannot be read are skipped.
 */
void	 iss_scan(const char *root, struct iss_list *out);
void	 iss_free(struct iss_list *l);		/* empty list: no-op */

/* Today's date, local time; the day of SOURCE_DATE_EPOCH (UTC) when it is
 * set, so tests and reproducible runs see a fixed day. */
void	 iss_today(struct jb_date *d);

#endif
