/* infile.c -- read an input file whole, with the diagnostics every reader gives. */
#include <errno.h>
#include <stdio.h>

#include "util/util.h"

int
infile_read(const char *path, const char *shown, const struct jb_pos *pos,
    size_t max, struct buf *b)
{
	struct jb_pos	 whole = { path, 1, 1 };	/* the file as a whole */
	char		 chunk[65536], limit[32];
	size_t		 n, start = b->len;
	FILE		*fp;
	int		 rc = -1;

	if (shown == NULL)
		shown = path;
	if ((fp = fopen(path, "rb")) == NULL) {
		msg(MSG_OPEN, pos, shown, msg_strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (max > 0 && b->len - start + n > max) {
			snprintf(limit, sizeof(limit), "%zu MiB", max >> 20);
			msg(MSG_TOO_LARGE, pos != NULL ? pos : &whole, limit);
			goto out;
		}
		buf_put(b, chunk, n);
	}
	if (ferror(fp)) {
		msg(MSG_READ, pos, shown, msg_strerror(errno));
		goto out;
	}
	rc = 0;
out:
	fclose(fp);
	return rc;
}
