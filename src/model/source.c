/* source.c -- read an issue file's text once: BOM and CR dropped, lines indexed, front matter fenced. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "util/util.h"
#include "model/model.h"

static void
index_lines(struct src *t)
{
	size_t	 i, cap = 64;

	t->lines = xmalloc(cap * sizeof(size_t));
	t->lines[0] = 0;
	t->nlines = 1;
	for (i = 0; i < t->len; i++) {
		if (t->text[i] != '\n')
			continue;
		if (t->nlines == cap) {
			cap *= 2;
			t->lines = xrealloc(t->lines, cap * sizeof(size_t));
		}
		t->lines[t->nlines++] = i + 1;
	}
}

/* Is line i (0-based) exactly "---" (or "..." to close)? */
static int
fence_line(const struct src *t, size_t i, int closing)
{
	size_t	 s = t->lines[i];
	size_t	 e = i + 1 < t->nlines ? t->lines[i + 1] - 1 : t->len;

	while (e > s && (t->text[e - 1] == ' ' || t->text[e - 1] == '\t'))
		e--;
	if (e - s != 3)
		return 0;
	return strncmp(t->text + s, "---", 3) == 0 ||
	    (closing && strncmp(t->text + s, "...", 3) == 0);
}

static void
split_front_matter(struct src *t)
{
	size_t	 close, bodyoff;

	t->yaml = t->body = t->text;
	t->yamlline = t->bodyline = 1;
	t->bodylen = t->len;
	if (t->len == 0 || !fence_line(t, 0, 0)) {
		t->fm = SRC_FM_NONE;
		return;
	}
	for (close = 1; close < t->nlines && !fence_line(t, close, 1); close++)
		;
	if (close >= t->nlines) {
		t->fm = SRC_FM_UNCLOSED;
		return;
	}
	t->fm = SRC_FM_OK;
	t->yaml = t->text + t->lines[1];
	t->yamllen = t->lines[close] - t->lines[1];
	t->yamlline = 2;
	bodyoff = close + 1 < t->nlines ? t->lines[close + 1] : t->len;
	t->body = t->text + bodyoff;
	t->bodylen = t->len - bodyoff;
	t->bodyline = (int)close + 2;
}

struct src *
src_new(const char *name, const char *buf, size_t len)
{
	struct src	*t = xcalloc(1, sizeof(*t));
	size_t		 i, j;

	t->name = xstrdup(name);
	/* A byte-order mark and CR line ends are accepted and dropped. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	t->text = xmalloc(len + 1);
	for (i = j = 0; i < len; i++)
		if (!(buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n'))
			t->text[j++] = buf[i] == '\r' ? '\n' : buf[i];
	t->text[j] = '\0';
	t->len = j;
	t->valid = memchr(t->text, '\0', t->len) == NULL &&
	    g_utf8_validate(t->text, (gssize)t->len, NULL);
	index_lines(t);
	split_front_matter(t);
	return t;
}

struct src *
src_read(const char *path, size_t max)
{
	struct src	*t = NULL;
	struct buf	 b = { 0 };

	if (infile_read(path, NULL, NULL, max, &b) == 0)
		t = src_new(path, b.data ? b.data : "", b.len);
	buf_free(&b);
	return t;
}

void
src_free(struct src *t)
{
	if (t == NULL)
		return;
	free(t->name);
	free(t->text);
	free(t->lines);
	free(t);
}

/*
 * Check the bytes before anything parses them: no NUL, valid UTF-8.
 * Reports the first offence with its line and column.
 */
int
src_check(const struct src *t)
{
	const char	*end, *nul;
	struct jb_pos	 pos;

	/* src_new() has looked already; only a bad text is read again, to say where. */
	if (t->valid)
		return 0;
	if ((nul = memchr(t->text, '\0', t->len)) != NULL) {
		pos = src_pos(t, (size_t)(nul - t->text));
		msg(MSG_NUL, &pos);
		return -1;
	}
	if (!g_utf8_validate(t->text, (gssize)t->len, &end)) {
		pos = src_pos(t, (size_t)(end - t->text));
		msg(MSG_UTF8, &pos, (unsigned)(unsigned char)*end);
		return -1;
	}
	return 0;
}

/* Characters in text[from..to): editors count characters, not bytes. */
static int
chars(const struct src *t, size_t from, size_t to)
{
	size_t	 i;
	int	 n = 0;

	for (i = from; i < to; i++)
		if (((unsigned char)t->text[i] & 0xC0) != 0x80)
			n++;
	return n;
}

struct jb_pos
src_pos(const struct src *t, size_t off)
{
	struct jb_pos	 p;
	size_t		 lo = 0, hi = t->nlines, mid;

	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	p.file = t->name;
	p.line = (int)lo + 1;
	p.col = chars(t, t->lines[lo], off) + 1;
	return p;
}

int
src_col(const struct src *t, int ln, int bcol)
{
	size_t	 start, end;

	if (ln < 1 || (size_t)ln > t->nlines || bcol < 1)
		return 0;
	start = t->lines[ln - 1];
	end = start + (size_t)bcol - 1;
	return chars(t, start, end < t->len ? end : t->len) + 1;
}

const char *
src_line(const struct src *t, int ln, size_t *n)
{
	size_t	 end;

	if (ln < 1 || (size_t)ln > t->nlines)
		return NULL;
	end = (size_t)ln < t->nlines ? t->lines[ln] - 1 : t->len;
	*n = end - t->lines[ln - 1];
	return t->text + t->lines[ln - 1];
}
