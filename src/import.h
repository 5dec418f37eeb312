/* import.h -- `jianbao import`: a past issue pasted as text into an issue file. */
#ifndef JIANBAO_IMPORT_H
#define JIANBAO_IMPORT_H

/*
 * Run `jianbao import` on the file in, in the series file series, writing
 * to out (NULL: see below).  Reads the masthead (刊名, 第N期, 编印单位,
 * date) into front matter, drops the typed 目录, keeps the body with its
 * kickers, subtitles and bylines, rejoins paragraphs a page break split,
 * turns 工作简讯 items into ★ paragraphs and the 报/送/发, 印发 and
 * 审核/校对/编辑 lines into 分送 and 署名.  What has no place is reported
 * on stderr with the line it came from.  Without out the result goes to
 * issues/YYYY/NN.md, which must not exist yet; the written path is printed.
 * Returns the exit status: 0, 1 on error, 2 for unreadable series
 * settings.
 */
int	 imp_main(const char *series, const char *in, const char *out);

#endif
