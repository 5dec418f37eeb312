/* impline.c -- the line helpers of import: blanks, trimming, columns, and the placeholder line of a picture that cannot be printed. */
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
