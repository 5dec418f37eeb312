/* impline.c -- the line helpers of import: blanks, trimming, columns, comment lines, and the placeholder line of a picture that cannot be printed. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"

#include "import/import_int.h"

int
impline_space(gunichar c)
{
	return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

const char *
impline_skip_space(const char *p)
{
	while (*p && impline_space(g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	return p;
}

/* A copy of s[0..n) without blanks (also 　) at either end. */
char *
impline_trimn(const char *s, size_t n)
{
	const char	*end = s + n, *prev;

	s = impline_skip_space(s);
	while (end > s) {
		prev = g_utf8_prev_char(end);
		if (!impline_space(g_utf8_get_char(prev)))
			break;
		end = prev;
	}
	return xstrndup(s, (size_t)(end - s));
}

char *
impline_trim(const char *s)
{
	return impline_trimn(s, strlen(s));
}

int
impline_col_of(const char *line, const char *p)
{
	return (int)g_utf8_strlen(line, p - line) + 1;
}

void
impline_pic_placeholder(struct buf *b, const char *part, const char *alt,
    const char *caption)
{
	buf_printf(b, "（此处原有图片 “%s”，无法印出", part);
	if (alt != NULL && *alt != '\0')
		buf_printf(b, "：%s", alt);
	if (caption != NULL && *caption != '\0' &&
	    (alt == NULL || strcmp(alt, caption) != 0))
		buf_printf(b, "。%s", caption);
	buf_puts(b, "）");
}

char *
impline_comment(const char *label, const char *t)
{
	struct buf	 c = { 0 };
	const char	*p;

	buf_printf(&c, "[//]: # (%s：", label);
	for (p = t; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\')
			buf_puts(&c, "\\");
		buf_put(&c, p, 1);
	}
	buf_puts(&c, ")");
	return c.data;
}

/* The last character of s, or 0. */
static gunichar
last_mark(const char *s)
{
	const char	*e = s + strlen(s);

	return e > s ? g_utf8_get_char(g_utf8_prev_char(e)) : 0;
}

void
impline_linemode(struct legacy *l, size_t from)
{
	size_t	 i, n = l->n > from ? l->n - from : 0, blank = 0;

	for (i = from; i < l->n; i++)
		blank += *impline_skip_space(l->lines[i]) == '\0';
	/*
	 * Text copied from Word has a paragraph a line and no blank lines
	 * between them; a Markdown-like text has them, and its lines run on.
	 */
	if (n > 4 && blank * 4 < n)
		l->linemode = 1;
	/* a short paste with no blank line: a title and paragraphs that each
	 * end a sentence, a line each */
	if (blank == 0 && n >= 2 && n <= 4) {
		for (i = from + 1; i < l->n && dtext_is_terminal(last_mark(l->lines[i])); i++)
			;
		l->linemode |= i == l->n;
	}
}
