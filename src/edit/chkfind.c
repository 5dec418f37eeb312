/* chkfind.c -- check's findings: quoted text for their messages, kept per file, printed sorted by place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"
#include "edit/check_int.h"

char *
chkfind_chars(const struct ch *v, size_t n)
{
	struct buf	 b = { 0 };
	char		 u[8];
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_put(&b, u, (size_t)g_unichar_to_utf8(v[i].c, u));
	return b.data ? b.data : xstrdup("");
}

char *
chkfind_char(gunichar c)
{
	char	 u[8];
	int	 n = g_unichar_to_utf8(c, u);

	return xstrndup(u, (size_t)n);
}

void
chkfind_add(struct cfile *f, enum msgid id, int line, int col, char *a0, char *a1,
    char *a2)
{
	struct finding	*x;

	f->finds = xrealloc(f->finds, (f->nfinds + 1) * sizeof(*x));
	x = &f->finds[f->nfinds];
	x->id = id;
	x->pos.file = f->path;
	x->pos.line = line;
	x->pos.col = col;
	x->a[0] = a0;
	x->a[1] = a1;
	x->a[2] = a2;
	x->seq = f->nfinds++;
}

static int
cmp_find(const void *a, const void *b)
{
	const struct finding	*x = a, *y = b;

	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
chkfind_flush(struct cfile *f)
{
	struct finding	*x;
	size_t		 i;

	if (f->nfinds > 1)
		qsort(f->finds, f->nfinds, sizeof(*f->finds), cmp_find);
	for (i = 0; i < f->nfinds; i++) {
		x = &f->finds[i];
		msg(x->id, &x->pos, x->a[0] ? x->a[0] : "",
		    x->a[1] ? x->a[1] : "", x->a[2] ? x->a[2] : "");
		free(x->a[0]);
		free(x->a[1]);
		free(x->a[2]);
	}
	free(f->finds);
	f->finds = NULL;
	f->nfinds = 0;
}
