/* fix.h -- `jianbao check --fix`: the repairs of issue text that need no judgement. */
#ifndef JIANBAO_FIX_H
#define JIANBAO_FIX_H

/*
 * Repair the nfiles issue files (every issues/YYYY/NN.md when none) in
 * the body text outside code spans, code blocks, link targets, URLs and
 * HTML, where no suppression ([//]: # (jianbao: ignore RULE) above a
 * block, 检查忽略 in the front matter) covers the rule:
 *   halfwidth-punct  , ; : ? ! ( ) between Chinese text → ，；：？！（）,
 *                    . between Han characters → 。
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

#endif
