/* imptoc.c -- a typed 目录 in a pasted text: its label and items told by the titles they repeat, kept as comments. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"

#include "import/import_int.h"

/* A 目录 holds at most TOC_ITEMS lines, its titles within TOC_REACH lines. */
#define TOC_ITEMS	100
#define TOC_REACH	20000

int
imptoc_label(const char *t)
{
	return strcmp(t, "目录") == 0 || strcmp(t, "目 录") == 0 ||
	    strcmp(t, "本期目录") == 0 || strcmp(t, "本期要目") == 0 ||
	    strcmp(t, "目錄") == 0 || strcmp(t, "本期要目：") == 0 ||
	    strcmp(t, "目录：") == 0;
}

int
imptoc_line(const char *t)
{
	return g_str_has_prefix(t, "- ") || g_str_has_prefix(t, "* ") ||
	    g_str_has_prefix(t, "+ ") || imptoc_label(t);
}

/*
 * A 目录 item or a title as both can be compared: without a list mark
 * or # marks, the leader dots and the page number (…… 3), blanks.
 */
static char *
toc_norm(const char *t)
{
	static const char leader[] = "….·．‥-─—_ 　\t";
	const char	*e, *d, *q;

	t = impline_skip_space(t);
	if (imptoc_line(t) && !imptoc_label(t))
		t = impline_skip_space(t + 2);
	if (*t == '#')
		t = impline_skip_space(t + strspn(t, "#"));
	for (e = t + strlen(t); e > t && impline_space(g_utf8_get_char(
	    g_utf8_prev_char(e))); e = g_utf8_prev_char(e))
		;
	for (d = e; d > t && g_unichar_isdigit(g_utf8_get_char(
	    g_utf8_prev_char(d))); d = g_utf8_prev_char(d))
		;
	/* a page number only after leaders or blanks: …工作要点2024 stays */
	for (q = d; q > t && g_utf8_strchr(leader, -1, g_utf8_get_char(
	    g_utf8_prev_char(q))) != NULL; q = g_utf8_prev_char(q))
		;
	if (q < d)
		e = q;
	return xstrndup(t, (size_t)(e - t));
}

int
imptoc_repeats(const struct legacy *l, size_t from, size_t to, const char *t)
{
	const char	*u;
	char		*a, *b;
	size_t		 i;
	int		 same = 0;

	a = toc_norm(t);
	for (i = from; i < to && i < from + 40 && !same && *a; i++) {
		u = impline_skip_space(l->lines[i]);
		if (*u == '\0' || imptoc_label(u))
			continue;
		b = toc_norm(u);
		same = strcmp(a, b) == 0;
		free(b);
	}
	free(a);
	return same;
}

void
imptoc_said(const struct legacy *l, char *tocl, size_t i, const char *t)
{
	msg(MSG_IMPORT_TOC, &(struct jb_pos){ l->path, (int)i + 1,
	    impline_col_of(l->lines[i], t) }, t);
	tocl[i] = 1;
}

void
imptoc_keep(struct legacy *l, const char *tocl)
{
	size_t	 i;
	char	*t;

	for (i = 0; i < l->n; i++)
		if (tocl[i]) {
			t = impline_trim(l->lines[i]);
			free(l->lines[i]);
			l->lines[i] = impline_comment("手打目录", t);
			free(t);
		}
}

void
imptoc_alone(const struct legacy *l, char *tocl)
{
	const char	*t;
	size_t		 i, j, k, seen = 0, items = 0;
	char		*a, *b;
	int		 rep;

	for (i = 0; i < l->n && seen < 15; i++) {
		t = impline_skip_space(l->lines[i]);
		if (*t != '\0' && !imptoc_label(t))
			seen++;
		if (*t != '\0' && imptoc_label(t))
			break;
	}
	if (i >= l->n || seen >= 15)
		return;
	/* bounded: a 目录 of TOC_ITEMS items, its titles within TOC_REACH
	 * lines (a hostile text of repeated lines takes no quadratic time) */
	for (j = i + 1; j < l->n && j < i + TOC_ITEMS; j++) {
		t = impline_skip_space(l->lines[j]);
		if (*t == '\0')
			continue;
		a = toc_norm(t);
		for (rep = 0, k = j + 1; k < l->n && k < j + TOC_REACH && !rep &&
		    *a; k++) {
			b = toc_norm(l->lines[k]);
			rep = strcmp(a, b) == 0;
			free(b);
		}
		free(a);
		if (!rep)
			break;
		items = j;
	}
	if (items == 0)
		return;
	for (k = i; k <= items; k++) {
		t = impline_skip_space(l->lines[k]);
		if (*t != '\0')
			imptoc_said(l, tocl, k, t);
	}
}

