/* suppress.c -- what [//]: # (jianbao: ignore RULE) and 检查忽略 silence: one grammar and one scope for check and check --fix. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "edit/edit_int.h"
#include "model/model.h"
#include "util/util.h"

void
sup_comment(struct sup *s, const char *line, size_t n, int ln, int indent,
    void (*unknown)(void *arg, const char *rule, int ln, int col), void *arg)
{
	const char	*p, *end = line + n, *q;
	char		*rule;

	if (n < 7 || strncmp(line, "[//]: #", 7) != 0 ||
	    (p = g_strstr_len(line + 7, (gssize)(n - 7), "jianbao:")) == NULL)
		return;
	for (p += 8; p < end && *p == ' '; p++)
		;
	if ((size_t)(end - p) < 6 || strncmp(p, "ignore", 6) != 0)
		return;
	for (p += 6;;) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == ','))
			p++;
		if (p == end || *p == ')' || *p == '"')
			break;
		for (q = p; q < end && *q != ' ' && *q != '\t' && *q != ',' &&
		    *q != ')' && *q != '"'; q++)
			;
		rule = xstrndup(p, (size_t)(q - p));
		if (!msg_is_rule(rule) && strcmp(rule, "all") != 0) {
			if (unknown != NULL)
				unknown(arg, rule, ln,
				    (int)g_utf8_strlen(line, p - line) + 1 + indent);
			free(rule);
		} else {
			s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
			s->v[s->n].rule = rule;
			s->v[s->n].from = s->v[s->n].to = 0;
			s->n++;
		}
		p = q;
	}
}

void
sup_end(struct sup *s)
{
	while (s->open < s->n && s->v[s->open].from != 0)
		s->open++;
}

void
sup_line(struct sup *s, int ln, int newblock)
{
	size_t	 i;

	if (newblock)
		sup_end(s);
	for (i = s->open; i < s->n; i++) {
		if (s->v[i].from == 0)
			s->v[i].from = ln;
		s->v[i].to = ln;
	}
}

void
sup_ignore(struct sup *s, const struct jb_strlist *l)
{
	size_t	 i;

	s->ignore = xcalloc(l->n + 1, sizeof(char *));
	s->nignore = l->n;
	for (i = 0; i < l->n; i++)
		s->ignore[i] = xstrdup(l->v[i]);
}

static int
names(const char *name, const char *rule)
{
	return strcmp(name, rule) == 0 || strcmp(name, "all") == 0;
}

int
sup_silenced(const struct sup *s, const char *rule, int ln)
{
	size_t	 i;

	for (i = 0; i < s->nignore; i++)
		if (names(s->ignore[i], rule))
			return 1;
	for (i = 0; i < s->n; i++)
		if (s->v[i].from > 0 && ln >= s->v[i].from &&
		    ln <= s->v[i].to && names(s->v[i].rule, rule))
			return 1;
	return 0;
}

void
sup_clear(struct sup *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].rule);
	free(s->v);
	for (i = 0; i < s->nignore; i++)
		free(s->ignore[i]);
	free(s->ignore);
	memset(s, 0, sizeof(*s));
}
