/* tree.c -- a text dump of the document model, for golden tests and `jianbao dump`. */
#include <stdio.h>

#include "model/model.h"

static void
runs(FILE *fp, const struct jb_run *r, size_t n)
{
	size_t	 i;

	fputc('"', fp);
	for (i = 0; i < n; i++) {
		if (r[i].style & JB_STYLE_BREAK) {
			fputs("⏎", fp);
			continue;
		}
		if (r[i].href)
			fputc('[', fp);
		if (r[i].style & JB_STYLE_STRONG)
			fputs("**", fp);
		if (r[i].style & JB_STYLE_EM)
			fputc('*', fp);
		if (r[i].style & JB_STYLE_CODE)
			fputc('`', fp);
		fputs(r[i].text, fp);
		if (r[i].style & JB_STYLE_CODE)
			fputc('`', fp);
		if (r[i].style & JB_STYLE_EM)
			fputc('*', fp);
		if (r[i].style & JB_STYLE_STRONG)
			fputs("**", fp);
		if (r[i].href)
			fprintf(fp, "](%s)", r[i].href);
	}
	fputc('"', fp);
}

/* A table: its 表题 and alignments, then a line per row, numbers marked #. */
static void
table(FILE *fp, const struct jb_table *t, int indent)
{
	static const char al[] = "-lcr";
	size_t	 i, j;

	fprintf(fp, " seq=%d cols=%zu align=", t->seq, t->ncols);
	for (j = 0; j < t->ncols; j++)
		fputc(al[t->align[j]], fp);
	if (t->label != NULL)
		fprintf(fp, " caption=%d:%d %s \"%s\"", t->cappos.line,
		    t->cappos.col, t->label, t->title);
	fputc('\n', fp);
	for (i = 0; i <= t->nrows; i++) {
		const struct jb_cell *row = i == 0 ? t->head :
		    t->body + (i - 1) * t->ncols;

		fprintf(fp, "%*s%d:%d %s", indent + 2, "", row[0].pos.line,
		    row[0].pos.col, i == 0 ? "head" : "row");
		for (j = 0; j < t->ncols; j++) {
			fputc(' ', fp);
			runs(fp, row[j].runs, row[j].nruns);
			if (row[j].number)
				fputc('#', fp);
		}
		fputc('\n', fp);
	}
}

static void
blocks(FILE *fp, const struct jb_block *b, size_t n, int indent)
{
	static const char *const kinds[JB_BLOCK__MAX] = {
		"para", "heading", "byline", "image", "box", "item", "listitem",
		[JB_BLOCK_IMAGEROW] = "imagerow", [JB_BLOCK_TABLE] = "table",
		[JB_BLOCK_SIGNOFF] = "signoff"
	};
	size_t	 i;

	for (i = 0; i < n; i++, b++) {
		fprintf(fp, "%*s%d:%d %s", indent, "", b->pos.line, b->pos.col,
		    kinds[b->kind]);
		if (b->kind == JB_BLOCK_HEADING)
			fprintf(fp, " %d", b->level);
		if (b->lead)
			fputs(" lead", fp);
		if (b->marker)
			fprintf(fp, " %s", b->marker);
		if (b->kind == JB_BLOCK_IMAGE) {
			fprintf(fp, " src=%s alt=\"%s\"", b->src, b->alt);
			if (b->caption)
				fprintf(fp, " caption=\"%s\"", b->caption);
			if (b->credit)
				fprintf(fp, " credit=\"%s\"", b->credit);
		}
		if (b->kind == JB_BLOCK_IMAGEROW && b->credit)
			fprintf(fp, " credit=\"%s\"", b->credit);
		if (b->kind == JB_BLOCK_TABLE) {
			table(fp, b->table, indent);
			continue;
		}
		if (b->nruns) {
			fputc(' ', fp);
			runs(fp, b->runs, b->nruns);
		}
		fputc('\n', fp);
		if (b->kind == JB_BLOCK_BOX || b->kind == JB_BLOCK_IMAGEROW)
			blocks(fp, b->children, b->nchildren, indent + 2);
	}
}

void
tree_write(const struct jb_doc *d, FILE *fp)
{
	const struct jb_meta	*m = &d->meta;
	const struct jb_article	*a;
	size_t			 i, j;

	fprintf(fp, "doc %s name=\"%s\"", m->slug, d->series->name);
	if (m->kind != NULL)
		fprintf(fp, " kind=\"%s\"", m->kind->name);
	fprintf(fp, " %s", doc_issue_label(d));
	if (doc_total_label(d))
		fprintf(fp, " %s", doc_total_label(d));
	fprintf(fp, " date=%s \"%s\" lang=%s\n", m->date_iso, m->date_text,
	    m->lang_tag);
	fprintf(fp, "org \"%s\"\n", m->org);
	if (m->classification)
		fprintf(fp, "classification \"%s\"\n", m->classification);
	if (m->copies)
		fprintf(fp, "copies %d\n", m->copies);
	for (i = 0; i < JB_DIST__MAX; i++) {
		if (m->dist[i].n == 0)
			continue;
		fprintf(fp, "dist %s:", doc_label(d, JB_LABEL_BAO + (int)i));
		for (j = 0; j < m->dist[i].n; j++)
			fprintf(fp, "%s\"%s\"", j ? ", " : " ", m->dist[i].v[j]);
		fputc('\n', fp);
	}
	for (i = 0; i < m->credits.n; i++)
		fprintf(fp, "credit %s=\"%s\"\n", m->credits.v[i].role,
		    m->credits.v[i].name);
	if (m->nnote) {
		fputs("note\n", fp);
		blocks(fp, m->note, m->nnote, 2);
	}
	for (i = 0; i < d->narticles; i++) {
		a = &d->articles[i];
		fprintf(fp, "article %s %d:%d", a->anchor, a->pos.line, a->pos.col);
		if (a->briefs)
			fputs(" briefs", fp);
		fputc('\n', fp);
		if (a->kicker)
			fprintf(fp, "  kicker \"%s\"\n", a->kicker);
		fprintf(fp, "  title \"%s\"\n", a->title);
		if (a->subtitle)
			fprintf(fp, "  subtitle \"%s\"\n", a->subtitle);
		blocks(fp, a->blocks, a->nblocks, 2);
	}
}
