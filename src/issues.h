/* issues.h -- the issue files of an archive: ROOT/YYYY/NN.md in (year, number) order, their names and neighbours. */
#ifndef JIANBAO_ISSUES_H
#define JIANBAO_ISSUES_H

#include <stddef.h>

#include "jianbao.h"

/* The issues folder of an archive, from the folder the program runs in. */
#define ISS_DIR		"issues"

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

/* ISS_DIR/YYYY/NN.md, the file of issue number of year, where new and
 * import write it.  The caller frees the result. */
char	*iss_path(int year, int number);

/*
 * Where an issue sits in the site, without extension: issues/2019/13.md
 * gives 2019/13 when its folder is named after a year, any other file its
 * basename.  The caller frees the result.
 */
char	*iss_stem(const char *path);

/* The output name of an issue without extension, OUT/2019/13.  The
 * caller frees the result. */
char	*iss_out_stem(const char *out, const char *path);

/*
 * The issues beside an issue file, for the links of its page.  One finder
 * serves a whole run: it keeps the list of the archive the last file came
 * from, so that a run over a thousand issues reads the issues folder
 * once, not once per page.
 */
struct iss_near;

struct iss_near	*iss_near_new(void);
void		 iss_near_free(struct iss_near *nb);	/* NULL: no-op */

/*
 * Find path, issues/YYYY/NN.md, among the issues iss_scan() lists in the
 * folder above its year folder, and set *prev and *next to the issues
 * before and after it: NULL when there is none, or when path is not one
 * of them.  They point into nb, valid until its next call.
 */
void	 iss_near_find(struct iss_near *nb, const char *path,
	    const struct iss_file **prev, const struct iss_file **next);

/* Today's date, local time; the day of SOURCE_DATE_EPOCH (UTC) when it is
 * set, so tests and reproducible runs see a fixed day. */
void	 iss_today(struct jb_date *d);

#endif
