/* infile.h -- read an input file whole, with the diagnostics every reader gives. */
#ifndef JIANBAO_INFILE_H
#define JIANBAO_INFILE_H

#include <stddef.h>

#include "jianbao.h"
#include "mem.h"

/*
 * Append the bytes of the file at path to b.  A file that cannot be opened
 * or read is reported as shown (path when NULL) at pos (none when NULL);
 * with max > 0, a file of more than max bytes is reported as too large at
 * pos (the file itself when NULL), having read no more than max bytes.
 * Returns 0, or -1 after reporting; b then holds what was read and is
 * still the caller's to free.
 */
int	 infile_read(const char *path, const char *shown,
	    const struct jb_pos *pos, size_t max, struct buf *b);

#endif
