/* encoding.h -- a text file's bytes as UTF-8: BOMs, UTF-16, GB18030 and Big5 found and converted with iconv. */
#ifndef JIANBAO_ENCODING_H
#define JIANBAO_ENCODING_H

#include <stddef.h>

#include "mem.h"

/*
 * Put the text in[0..len) into out as UTF-8 without a byte-order mark.
 * UTF-8 (with or without BOM) is taken as it is; UTF-16 with a BOM (what
 * Notepad calls Unicode) and, when the bytes are not UTF-8, GB18030 (its
 * subsets GBK and GB2312 being what Notepad on a Chinese Windows saves)
 * or, when that reads as rare characters only, Big5 (a Traditional
 * Chinese Windows) are converted with iconv and said in a notice naming
 * path.  A NUL byte
 * or bytes that are none of these are reported at their line and column.
 * Returns 0, or -1 after reporting (out then empty).
 */
int	 enc_to_utf8(const char *path, const char *in, size_t len,
	    struct buf *out);

#endif
