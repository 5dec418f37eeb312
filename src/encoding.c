/* encoding.c -- a text file's bytes as UTF-8: BOMs, UTF-16 and GB18030 found and converted with iconv. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <glib.h>

#include "encoding.h"
#include "jianbao.h"
#include "msg.h"

/*
 * Convert in[0..len) from the encoding from to UTF-8, appending to out.
 * Returns 0, or -1 at the first byte that is not of that encoding, with
 * its offset in *bad.
 */
static int
convert(const char *from, const char *in, size_t len, struct buf *out,
    size_t *bad)
{
	iconv_t		 cd;
	char		 chunk[8192], *ip = (char *)in, *op;
	size_t		 il = len, ol, r;
	int		 rc = -1;

	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		*bad = 0;
		return -1;
	}
	while (il > 0) {
		op = chunk;
		ol = sizeof(chunk);
		r = iconv(cd, &ip, &il, &op, &ol);
		buf_put(out, chunk, (size_t)(op - chunk));
		if (r == (size_t)-1 && errno != E2BIG) {
			*bad = (size_t)(ip - in);
			goto out;
		}
	}
	rc = 0;
out:
	iconv_close(cd);
	return rc;
}

/* The line and column of byte off of s, for a message. */
static void
where(const char *path, const char *s, size_t off, struct jb_pos *pos)
{
	size_t	 i, from = 0;

	pos->file = path;
	pos->line = 1;
	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			pos->line++;
			from = i + 1;
		}
	pos->col = (int)(off - from) + 1;
}

int
enc_to_utf8(const char *path, const char *in, size_t len, struct buf *out)
{
	struct jb_pos	 pos;
	const char	*name = NULL, *end;
	const char	*nul;
	size_t		 bad;

	if (len >= 2 && (unsigned char)in[0] == 0xFF &&
	    (unsigned char)in[1] == 0xFE)
		name = "UTF-16LE";
	else if (len >= 2 && (unsigned char)in[0] == 0xFE &&
	    (unsigned char)in[1] == 0xFF)
		name = "UTF-16BE";
	if (name != NULL) {
		if (convert(name, in + 2, len - 2, out, &bad) == -1) {
			buf_free(out);
			pos.file = path;
			pos.line = pos.col = 0;
			msg(MSG_ENCODING, &pos,
			    (unsigned)(unsigned char)in[2 + bad]);
			return -1;
		}
		msg(MSG_IMPORT_ENCODING, &(struct jb_pos){ path, 0, 0 },
		    "UTF-16");
		goto checked;
	}
	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0) {
		in += 3;
		len -= 3;
	}
	if ((nul = memchr(in, '\0', len)) != NULL) {
		where(path, in, (size_t)(nul - in), &pos);
		msg(MSG_NUL, &pos);
		return -1;
	}
	if (g_utf8_validate(in, (gssize)len, &end)) {
		buf_put(out, in, len);
		return 0;
	}
	/* Not UTF-8: GB18030 covers GBK and GB2312 and every code point. */
	if (convert("GB18030", in, len, out, &bad) == -1) {
		buf_free(out);
		where(path, in, (size_t)(end - in), &pos);
		msg(MSG_ENCODING, &pos, (unsigned)(unsigned char)*end);
		return -1;
	}
	msg(MSG_IMPORT_ENCODING, &(struct jb_pos){ path, 0, 0 }, "GB18030（GBK）");
checked:
	if (out->data == NULL)
		buf_put(out, "", 0);
	if (out->len >= 3 && memcmp(out->data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(out->data, out->data + 3, out->len - 2);
		out->len -= 3;
	}
	if ((nul = memchr(out->data, '\0', out->len)) != NULL) {
		where(path, out->data, (size_t)(nul - out->data), &pos);
		msg(MSG_NUL, &pos);
		buf_free(out);
		return -1;
	}
	return 0;
}
