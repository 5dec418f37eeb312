/* new.h -- `jianbao new`: start the next issue file from the latest one. */
#ifndef JIANBAO_NEW_H
#define JIANBAO_NEW_H

/*
 * Run `jianbao new` with the series file series and the date given
 * (YYYY-MM-DD, or NULL): write issues/YYYY/NN.md for the next 期号 of
 * the year (1 in a new year; after a 合刊's last number), 总期号 + 1, the
 * given date or today (SOURCE_DATE_EPOCH when set), 分送 and 署名 as the
 * latest issue wrote them, and an example article; print its path.  With
 * kind (a 刊别 of the series by name or file name prefix: 增刊 or zk),
 * the next issue of that kind instead: issues/YYYY/zk-NN.md, numbered
 * after the year's issues of the kind, with 刊别 and no 总期号.  An
 * existing file is never overwritten.  Returns the exit status: 0, 1 on
 * error, 2 for a bad date or kind or unreadable series settings.
 */
int	 new_main(const char *series, const char *given, const char *kind);

struct jb_series;
struct jb_kind;
struct jb_doc;
struct jb_date;

/*
 * The rule new numbers by, for import too: the 期号 after the latest
 * issue of kind (NULL: the regular issues) in date's year in issues/ (1
 * when there is none; after a 合刊's last number) in *issue, the 总期号
 * after the latest regular issue's (0: none, or a kind numbered apart) in
 * *total, and, when latest is not NULL, the issue 分送 and 署名 carry over
 * from, its front matter loaded quietly (NULL when there is none; the
 * caller frees it with doc_free()).  Returns 0, or -1 after reporting an
 * issue that does not load.
 */
int	 new_next(const struct jb_series *s, const struct jb_kind *kind,
	    const struct jb_date *date, int *issue, int *total,
	    struct jb_doc **latest);

#endif
