/* impsum.c -- what import decided, told at its end: each article with its title, inner headings, tables and pictures, and the comments it made. */
#include <string.h>

#include <glib.h>

#include "import/import_int.h"

/* Inner headings named in full, at most; more are counted. */
#define SUM_HEADS	8

static void
put_runs(struct buf *b, const struct jb_block *k)
{
	size_t	 i;

	for (i = 0; i < k->nruns; i++)
		buf_puts(b, k->runs[i].text);
}

/* Tables and pictures among blocks, a row or box counted through. */
static void
count(const struct jb_block *v, size_t n, int *tables, int *pics)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		*tables += v[i].kind == JB_BLOCK_TABLE;
		*pics += v[i].kind == JB_BLOCK_IMAGE;
		count(v[i].children, v[i].nchildren, tables, pics);
	}
}

/*
 * One notice for the issue as a whole (articles, comments made) and one
 * per article at its title's line: its inner headings, tables, pictures.
 * The issue d was parsed from text.
 */
void
impsum_outline(const struct jb_doc *d, const char *text)
{
	const struct jb_article	*a;
	struct buf		 b = { 0 };
	const char		*p;
	size_t			 i, k;
	int			 comments = 0, toc = 0, heads, tables, pics;

	for (p = text; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		comments += strncmp(p, "[//]: #", 7) == 0;
		toc += strncmp(p, "[//]: # (手打目录：", strlen("[//]: # (手打目录：")) == 0;
	}
	buf_printf(&b, "%zu 篇文章", d->narticles);
	if (comments > 0 && toc > 0)
		buf_printf(&b, "，%d 行注释（不印出，其中手打的目录 %d 行，本期要目按文章标题自动生成）",
		    comments, toc);
	else if (comments > 0)
		buf_printf(&b, "，%d 行注释（不印出）", comments);
	/* the issue as a whole: at its start */
	msg(MSG_IMPORT_OUTLINE, &(struct jb_pos){ d->src.file, 1, 1 }, b.data);
	for (i = 0; i < d->narticles; i++) {
		a = &d->articles[i];
		b.len = 0;
		buf_printf(&b, "文章 “%s”", a->title);
		heads = tables = pics = 0;
		for (k = 0; k < a->nblocks; k++) {
			if (a->blocks[k].kind != JB_BLOCK_HEADING)
				continue;
			if (heads++ == SUM_HEADS)
				continue;
			buf_puts(&b, heads == 1 ? "：小标题 “" : "、“");
			put_runs(&b, &a->blocks[k]);
			buf_puts(&b, "”");
		}
		if (heads > SUM_HEADS)
			buf_printf(&b, "等 %d 个", heads);
		count(a->blocks, a->nblocks, &tables, &pics);
		if (tables > 0)
			buf_printf(&b, "%s表格 %d 个", heads ? "；" : "：", tables);
		if (pics > 0)
			buf_printf(&b, "%s图片 %d 张", heads || tables ? "；" : "：",
			    pics);
		msg(MSG_IMPORT_OUTLINE, &a->pos, b.data);
	}
	buf_free(&b);
}
