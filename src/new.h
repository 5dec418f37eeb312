/* new.h -- `jianbao new`: start the next issue file from the latest one. */
#ifndef JIANBAO_NEW_H
#define JIANBAO_NEW_H

/*
 * Run `jianbao new` with the series file series and the date given
 * (YYYY-MM-DD, or NULL): write issues/YYYY/NN.md for the next 期号 of
 * the year (1 in a new year), 总期号 + 1, the given date or today
 * (SOURCE_DATE_EPOCH when set), 分送 and 署名 as the latest issue wrote
 * them, and an example article; print its path.  An existing file is
 * never overwritten.  Returns the exit status: 0, 1 on error, 2 for a bad
 * date or unreadable series settings.
 */
int	 new_main(const char *series, const char *given);

struct jb_series;
struct jb_doc;
struct jb_date;

/*
 * The rule new numbers by, for import too: the 期号 after the latest
 * issue of date's year in issues/ (1 when there is none) in *issue, the
 * 总期号 after the latest issue's (0: none) in *total, and, when latest is
 * not NULL, that latest issue loaded quietly (NULL when there is none;
 * the caller frees it with doc_free()).  Returns 0, or -1 after
 * reporting an issue that does not load.
 */
int	 new_next(const struct jb_series *s, const struct jb_date *date,
	    int *issue, int *total, struct jb_doc **latest);

#endif
