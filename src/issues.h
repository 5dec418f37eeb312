/* issues.h -- the issue files of an archive: ROOT/YYYY/NN.md and PREFIX-NN.md in (year, kind, number) order, their names and neighbours. */
#ifndef JIANBAO_ISSUES_H
#define JIANBAO_ISSUES_H

#include <stddef.h>

#include "jianbao.h"

/* The issues folder of an archive, from the folder the program runs in. */
#define ISS_DIR		"issues"

/*
 * An issue file: ROOT/YYYY/NN.md for a regular issue, ROOT/YYYY/zk-NN.md
 * for one of a kind numbered apart (刊别, whose file name prefix the
 * series names: zk for 增刊).  A 合刊 (第7—8期) is named after its first
 * number, 07.md.
 */
struct iss_file {
	char	*path;			/* ROOT/YYYY/NN.md, owned by the list */
	int	 year;			/* from the folder name */
	int	 number;		/* from the file name */
	char	*prefix;		/* "zk" of zk-NN.md, NULL for NN.md;
					 * owned by the list */
};

struct iss_list {
	struct iss_file	*v;
	size_t		 n;
};

/*
 * Fill out with every ROOT/YYYY/NN.md and ROOT/YYYY/PREFIX-NN.md (YYYY
 * four digits, NN a number, PREFIX one to eight letters a-z), sorted by
 * year, then the regular issues before those of each prefix in turn
 * (alphabetical), then number: the order of the links between pages.  A missing ROOT gives an empty list.  The
 * caller frees the list with iss_free().  Never fails: folders that
 * cannot be read are skipped.
 */
void	 iss_scan(const char *root, struct iss_list *out);
void	 iss_free(struct iss_list *l);		/* empty list: no-op */

/* ISS_DIR/YYYY/NN.md, or ISS_DIR/YYYY/PREFIX-NN.md when prefix is not
 * NULL: the file of issue number of year, where new and import write it.
 * The caller frees the result. */
char	*iss_path(int year, const char *prefix, int number);

/*
 * The number of an issue file named name (no folder), NN.md or
 * PREFIX-NN.md, and in *prefix NULL or PREFIX, which the caller frees;
 * -1 for any other name.
 */
int	 iss_number(const char *name, char **prefix);

/* The file name an issue of kind k (NULL: regular) numbered number
 * should have, "07.md" or "zk-01.md".  The caller frees the result. */
char	*iss_name(const struct jb_kind *k, int number);

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
