/* edit.h -- the editor's tools on issue files: check (proofreading), check --fix (repairs), new (the next issue). */
#ifndef JIANBAO_EDIT_EDIT_H
#define JIANBAO_EDIT_EDIT_H

/* `jianbao check`: proofreading and archive consistency of issue files. */

/*
 * Run `jianbao check` on the nfiles files in the series file series.
 * Each finding goes through msg() with its rule id, in the format the
 * caller chose with msg_set_format(); with no files every
 * issues/YYYY/NN.md is checked.  Returns the exit status: 0 when there are
 * no errors (warnings allowed), 1 with errors, 2 for unreadable series
 * settings.
 */
int	 chk_main(const char *series, int nfiles, char **files);

/* `jianbao check --fix`: the repairs of issue text that need no judgement. */

/*
 * Repair the nfiles issue files (every issues/YYYY/NN.md when none) in
 * the body text outside code spans, code blocks, link targets, URLs and
 * HTML, where no suppression ([//]: # (jianbao: ignore RULE) above a
 * block, 检查忽略 in the front matter) covers the rule:
 *   halfwidth-punct  , . ; : ? ! ( ) in Chinese text → ，。；：？！（）,
 *                    as check reports them (marks.c: beside Chinese text,
 *                    after a number in it, at a paragraph's end)
 *   straight-quotes  "…" and '…' in Chinese text → “…” ‘…’, or 「…」 『…』
 *                    in a zh-Hant issue, when they pair up in the block
 *   cjk-space        spaces between Chinese characters, or between one
 *                    and a full-width mark, where check reports them
 *   fullwidth-space  a run of 　 inside a paragraph
 * Each repair is a notice "file:line:col: 已修正：“,” → “，” [rule]"
 * (可修正 with dry_run, which changes nothing).  A changed file is
 * replaced atomically; a second run finds nothing.  Returns the exit
 * status: 0, 1 when a file could not be read or written, 2 for
 * unreadable series settings.
 */
int	 fix_main(const char *series, int nfiles, char **files, int dry_run);

/* `jianbao new`: start the next issue file from the latest one. */

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
