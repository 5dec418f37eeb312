/* outfile.h -- write an output file beside its final name, then rename it into place. */
#ifndef JIANBAO_OUTFILE_H
#define JIANBAO_OUTFILE_H

#include <stdio.h>

/*
 * A good output is never destroyed by a failed build: outfile_open() opens
 * "path.tmp-PID" (creating missing parent folders), the caller writes to
 * outfile_fp(), and outfile_commit() flushes, closes and renames it over
 * path.  outfile_abort() removes the temporary file instead.  Both free o.
 */
struct outfile;

struct outfile	*outfile_open(const char *path);	/* NULL after reporting */
FILE		*outfile_fp(struct outfile *o);
int		 outfile_commit(struct outfile *o);	/* 0, or -1 after reporting */
void		 outfile_abort(struct outfile *o);	/* NULL is a no-op */

/*
 * Write len bytes of data to path the same way, unless path already holds
 * exactly those bytes: an unchanged file keeps its time stamp, so make,
 * copies and caches downstream see it unchanged.  outfile_copy() does the
 * same with the contents of the file src.  Both return 0, or -1 after
 * reporting; on failure path (dst) is untouched.
 */
int		 outfile_put(const char *path, const void *data, size_t len);
int		 outfile_copy(const char *src, const char *dst);

/* Create every missing folder leading to path's last component.
 * Returns 0, or -1 after reporting. */
int		 outfile_mkparents(const char *path);

/*
 * The time an output is to carry instead of now, for reproducible builds:
 * SOURCE_DATE_EPOCH, seconds since 1970, in UTC in *tm.  Returns 0, or -1
 * (tm untouched) when it is not set or not a number of seconds.
 */
struct tm;
int		 outfile_epoch(struct tm *tm);

#endif
