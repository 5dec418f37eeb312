/* archive.c -- copy what the site needs out of each issue, so documents can be freed one by one; reuse the previous run's copies. */
#include <stdlib.h>
#include <string.h>

#include "web/web.h"
#include "model/model.h"
#include "util/util.h"

struct arc *
arc_new(const struct jb_series *s)
{
	struct arc	*a = xcalloc(1, sizeof(*a));

	a->series = s;
	a->arena = arena_new();
	a->cache = arccache_new();
	return a;
}

void
arc_free(struct arc *a)
{
	if (a == NULL)
		return;
	arccache_free(a->cache);
	arena_free(a->arena);
	free(a->v);
	free(a);
}

/* A table's 表题, then each row on a line, cells apart by a space. */
static void
table_text(const struct jb_doc *d, const struct jb_table *t, struct buf *out)
{
	size_t	 i;

	if (t->label != NULL) {
		buf_puts(out, t->name);
		buf_puts(out, "\n");
	}
	for (i = 0; i < (t->nrows + 1) * t->ncols; i++) {
		buf_puts(out, dtext_runs_text(d, t->head[i].runs,
		    t->head[i].nruns));
		buf_puts(out, (i + 1) % t->ncols == 0 ? "\n" : " ");
	}
}

/* Append the searchable text of blocks to b, one line per block. */
static void
block_text(const struct jb_doc *d, const struct jb_block *b, size_t n,
    struct buf *out)
{
	size_t	 i;

	for (i = 0; i < n; i++, b++) {
		switch (b->kind) {
		case JB_BLOCK_IMAGE:
			if (b->caption != NULL) {
				buf_puts(out, b->caption);
				buf_puts(out, "\n");
			}
			break;
		case JB_BLOCK_BOX:
		case JB_BLOCK_IMAGEROW:
			block_text(d, b->children, b->nchildren, out);
			break;
		case JB_BLOCK_TABLE:
			table_text(d, b->table, out);
			break;
		default:
			buf_puts(out, dtext_runs_text(d, b->runs, b->nruns));
			buf_puts(out, "\n");
			break;
		}
	}
}

char *
arc_article_text(const struct jb_doc *d, const struct jb_article *ar)
{
	struct buf	 text = { 0 };

	block_text(d, ar->blocks, ar->nblocks, &text);
	return text.data != NULL ? text.data : xstrdup("");
}

static struct arc_issue *
append(struct arc *a)
{
	struct arc_issue	*is;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	is = &a->v[a->n++];
	memset(is, 0, sizeof(*is));
	return is;
}

void
arc_add(struct arc *a, const struct jb_doc *d, const char *path,
    const char *stem)
{
	struct arc_issue	*is = append(a);
	struct arc_article	*ar;
	const struct jb_article	*src;
	size_t			 i;

	is->year = d->meta.date.year;
	is->issue = d->meta.issue;
	is->issue_last = d->meta.issue_last;
	is->kind = d->meta.kind != NULL ?
	    arena_strdup(a->arena, d->meta.kind->name) : NULL;
	is->total = d->meta.total > 0 ? d->meta.total : 0;
	is->total_last = d->meta.total > 0 ? d->meta.total_last : 0;
	is->lang = d->meta.lang;
	is->date_iso = arena_strdup(a->arena, d->meta.date_iso);
	is->date_text = arena_strdup(a->arena, d->meta.date_text);
	is->stem = arena_strdup(a->arena, stem);
	is->path = arena_strdup(a->arena, path);
	is->stamp.ino = -1;
	is->narticles = d->narticles;
	is->articles = arena_alloc(a->arena,
	    (d->narticles ? d->narticles : 1) * sizeof(*is->articles));
	for (i = 0; i < d->narticles; i++) {
		src = &d->articles[i];
		ar = &is->articles[i];
		ar->anchor = arena_strdup(a->arena, src->anchor);
		ar->title = arena_strdup(a->arena, src->title);
		ar->kicker = arena_strdup(a->arena, src->kicker);
		ar->subtitle = arena_strdup(a->arena, src->subtitle);
	}
}

int
arc_add_file(struct arc *a, const char *path, const char *stem)
{
	const struct arc_issue	*old;
	struct arc_stamp	 sp;
	struct jb_doc		*d;

	if ((old = arccache_issue(a, path, stem, &sp)) != NULL) {
		*append(a) = *old;
		return 0;
	}
	if ((d = doc_load(path, a->series)) == NULL)
		return -1;
	arc_add(a, d, path, stem);
	doc_free(d);
	a->v[a->n - 1].stamp = sp;
	return 0;
}

static int
newest_first(const void *pa, const void *pb)
{
	const struct arc_issue	*a = pa, *b = pb;
	int			 c;

	if ((c = strcmp(b->date_iso, a->date_iso)) != 0)
		return c;
	if ((a->kind == NULL) != (b->kind == NULL))
		return a->kind == NULL ? -1 : 1;
	if (a->kind != NULL && (c = strcmp(a->kind, b->kind)) != 0)
		return c;
	if (a->issue != b->issue)
		return b->issue - a->issue;
	return strcmp(b->stem, a->stem);
}

void
arc_sort(struct arc *a)
{
	if (a->n > 1)
		qsort(a->v, a->n, sizeof(*a->v), newest_first);
}

