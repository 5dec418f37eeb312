/* arccache.h -- OUT/.archive, the archive's memory between runs: which summaries and made files are still current. */
#ifndef JIANBAO_ARCCACHE_H
#define JIANBAO_ARCCACHE_H

#include <stddef.h>

#include "archive.h"

/*
 * A run can reuse the summaries of the previous one: arccache_read()
 * reads OUT/.archive, and arc_add_file() takes an issue's summary from it
 * (arccache_issue) when the file's size, times and inode and the program
 * and series file are those it was made from, parsing the issue
 * otherwise.  The writers use the same file to tell that a file they make
 * from part of the archive (a year's page or search index) is current
 * without making it again: arccache_key, arccache_current, arccache_done.
 * The same file is the make target of the archive: arccache_write()
 * rewrites it at the end of every successful run.
 *
 * The cache of an archive is a->cache, made by arc_new() and freed by
 * arc_free(); its strings, and those of the summaries it gives, are in the
 * archive's arena.  Until arccache_read() nothing is reused and no key is
 * made.
 */

/* An empty cache, for arc_new(). */
struct arccache	*arccache_new(void);
void		 arccache_free(struct arccache *c);	/* NULL: no-op */

/*
 * Read the summaries of the previous run from outdir/.archive, if it was
 * made by this program from the series file at series_path as it is now.
 * A missing, stale or damaged file is ignored: every issue is parsed.
 */
void		 arccache_read(struct arc *a, const char *outdir,
		    const char *series_path);

/*
 * The previous run's summary of the issue file at path with page stem
 * stem, if that file is unchanged since; NULL otherwise.  *sp is set to
 * the file's stamp as it is now (ino -1 when it cannot be stat()ed).
 */
const struct arc_issue *arccache_issue(const struct arc *a, const char *path,
		    const char *stem, struct arc_stamp *sp);

/*
 * The key of a file made from issues v[first] .. v[first + n - 1]: a
 * digest (hex) of what (naming the file's kind and anything else it shows),
 * the program and series file, the stamps and stems of those issues and
 * the stamps of the files named in the NULL-terminated list deps (may be
 * NULL), such as templates.  The caller frees it.  NULL when nothing can
 * be reused this run or a stamp is not known.
 */
char		*arccache_key(const struct arc *a, const char *what,
		    size_t first, size_t n, const char *const *deps);

/*
 * Is the file at path what the previous run recorded for key, untouched
 * since?  0 when not, or when key is NULL.
 */
int		 arccache_current(const struct arc *a, const char *path,
		    const char *key);

/* Record for the next run that the file at path now holds what key
 * stands for; nothing when key is NULL. */
void		 arccache_done(struct arc *a, const char *path, const char *key);

/* outdir/.archive: the summaries and made files for the next run.  0, or
 * -1 after reporting. */
int		 arccache_write(const struct arc *a, const char *outdir);

#endif
