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

/* Copy the file src to dst the same way.  Returns 0, or -1 after
 * reporting; dst is untouched on failure. */
int		 outfile_copy(const char *src, const char *dst);

/* Create every missing folder leading to path's last component.
 * Returns 0, or -1 after reporting. */
int		 outfile_mkparents(const char *path);

#endif
