/* encoding.c -- a text file's bytes as UTF-8: BOMs, UTF-16, GB18030 and Big5 found and converted with iconv. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <glib.h>

#include "import/import_int.h"
#include "model/model.h"
#include "util/util.h"

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

/*
 * Of every hundred Han characters of text, how many are among the most
 * common ones, Simplified or Traditional: bytes of one encoding read as
 * another (Big5 as GBK) give rare characters.
 */
static int
common_share(const char *s, size_t len)
{
	static const char common[] =
	    "的一是不了人在有我他这个们中来上大为和国地到以说时要就出会可也"
	    "你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经"
	    "么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开"
	    "但因只从想实日市区县工作文明城创建志愿服务社会活动群众开展推进"
	    "這個們國來為說時會對發後裡過經麼學現當動開還進從於點樣實無與長"
	    "見問間區縣務會動眾開進設體關機員產業農導"
	    "，。、；：？！“”「」";
	const char	*p, *end = s + len;
	long		 all = 0, hits = 0;
	gunichar	 c;

	for (p = s; p < end; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c < 0x2000)
			continue;
		all++;
		if (g_utf8_strchr(common, -1, c) != NULL)
			hits++;
	}
	return all > 0 ? (int)(hits * 100 / all) : 100;
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
			/* where the text read so far ends, in characters */
			const char	*nl;

			buf_put(out, "", 0);
			where(path, out->data, out->len, &pos);
			nl = g_strrstr_len(out->data, (gssize)out->len, "\n");
			pos.col = (int)g_utf8_strlen(nl ? nl + 1 : out->data, -1) + 1;
			buf_free(out);
			msg(MSG_ENCODING, &pos,
			    (unsigned)(unsigned char)in[2 + bad]);
			return -1;
		}
		msg(MSG_IMPORT_ENCODING, &(struct jb_pos){ path, 1, 1 },
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
	/*
	 * Not UTF-8: GB18030 covers GBK and GB2312 and every code point.
	 * Big5 (a Traditional Chinese Windows) reads as GBK too, into rare
	 * characters: when the text is short of common ones, Big5 is tried,
	 * and taken if it reads better.
	 */
	name = "GB18030（GBK）";
	if (convert("GB18030", in, len, out, &bad) == -1)
		buf_free(out);
	if (out->data == NULL || common_share(out->data, out->len) < 20) {
		struct buf	 big5 = { 0 };

		if (convert("BIG5-HKSCS", in, len, &big5, &bad) == 0 &&
		    (out->data == NULL || common_share(big5.data, big5.len) >
		    common_share(out->data, out->len))) {
			buf_free(out);
			*out = big5;
			name = "Big5";
		} else
			buf_free(&big5);
	}
	if (out->data == NULL) {
		where(path, in, (size_t)(end - in), &pos);
		msg(MSG_ENCODING, &pos, (unsigned)(unsigned char)*end);
		return -1;
	}
	msg(MSG_IMPORT_ENCODING, &(struct jb_pos){ path, 1, 1 }, name);
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
