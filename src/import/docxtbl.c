/* docxtbl.c -- a .docx table into a GFM pipe table: merged cells once, no column that only a merge made, a frame's text as paragraphs. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "import/docx_int.h"

/* The text of a table cell: its paragraphs on one line. */
static void
cell_text(struct rd *r, xmlNode *tc, struct buf *b)
{
	size_t	 from = r->np, i;

	r->walk(r, tc, 1, 1);
	for (i = from; i < r->np; i++) {
		if (b->len > 0 && r->pv[i].text.len > 0)
			buf_puts(b, " ");
		if (r->pv[i].raw)	/* a picture in a cell: after the table */
			continue;
		buf_puts(b, r->pv[i].text.data ? r->pv[i].text.data : "");
	}
	for (i = from; i < r->np; i++)
		if (!r->pv[i].raw)
			buf_free(&r->pv[i].text);
}

/* Pipe-table text for a cell: | escaped, no line breaks. */
static void
put_cell(struct buf *row, const char *t)
{
	buf_puts(row, " ");
	for (; *t; t++) {
		if (*t == '|')
			buf_puts(row, "\\|");
		else
			buf_put(row, t, 1);
	}
	buf_puts(row, " |");
}

/* A row by the columns of the table's grid: a cell's text at the column
 * it starts in, "" where a vertical merge goes on, NULL where a
 * horizontal merge covers the column. */
struct trow {
	char	**cell;
	int	  n;
};

static void
row_put(struct trow *w, int col, char *text)
{
	if (col >= w->n) {
		w->cell = xrealloc(w->cell, (size_t)(col + 1) * sizeof(char *));
		memset(w->cell + w->n, 0, (size_t)(col + 1 - w->n) * sizeof(char *));
		w->n = col + 1;
	}
	w->cell[col] = text;
}

/*
 * A table as a GFM pipe table: the first row its header, a merged
 * cell's text once, where it starts, and blank where a vertical merge
 * goes on; a column that no cell starts in (only a merge made it) is
 * left out; a warning says where GFM could not merge.  A table of one
 * row, or whose rows below the header are empty, is a frame for text (a
 * boxed notice, a layout grid): its cells become paragraphs.
 */
void
docxtbl_table(struct rd *r, xmlNode *tbl)
{
	xmlNode		*tr, *tc, *pr;
	struct trow	*rows = NULL;
	struct buf	 cell, line;
	size_t		 nrows = 0, i, j, pics_from, nkeep = 0, ntexts = 0;
	int		 cols = 0, span, k, cont, col, merged = 0, *used;
	char		*v, **texts = NULL;	/* the cells with text, in order */
	struct para	*out, *keep = NULL;
	int		 body = 0;	/* a row below the first has text */
	struct jb_pos	 pos = { r->p.path, (int)r->np + 1, 1 };

	pics_from = r->np;
	for (tr = tbl->children; tr != NULL; tr = tr->next) {
		if (!docxpkg_is_w(tr, "tr"))
			continue;
		rows = xrealloc(rows, (nrows + 1) * sizeof(*rows));
		memset(&rows[nrows], 0, sizeof(*rows));
		col = 0;
		for (tc = tr->children; tc != NULL; tc = tc->next) {
			if (docxpkg_is_w(tc, "sdt"))
				tc = docxpkg_child(docxpkg_child(tc, "sdtContent"), "tc") ?
				    docxpkg_child(docxpkg_child(tc, "sdtContent"), "tc") : tc;
			if (!docxpkg_is_w(tc, "tc"))
				continue;
			pr = docxpkg_child(tc, "tcPr");
			span = docxpkg_attr_int(docxpkg_child(pr, "gridSpan"), "val", 1);
			if (span < 1 || span > 64)
				span = 1;
			cont = 0;
			if (docxpkg_child(pr, "vMerge") != NULL) {
				v = docxpkg_attr(docxpkg_child(pr, "vMerge"), "val");
				cont = v == NULL || strcmp(v, "continue") == 0;
				xmlFree(v);
				merged = 1;
			}
			merged |= span > 1;
			memset(&cell, 0, sizeof(cell));
			cell_text(r, tc, &cell);
			row_put(&rows[nrows], col, xstrdup(cont || cell.data == NULL ?
			    "" : cell.data));
			if (!cont && cell.len > 0) {
				texts = xrealloc(texts, (ntexts + 1) * sizeof(char *));
				texts[ntexts++] = xstrdup(cell.data);
				body |= nrows > 0;
			}
			for (k = 1; k < span; k++)
				row_put(&rows[nrows], col + k, NULL);
			col += span;
			buf_free(&cell);
		}
		if (rows[nrows].n > cols)
			cols = rows[nrows].n;
		nrows++;
	}
	/* pictures from cells stay, after the table */
	for (i = pics_from; i < r->np; i++)
		if (r->pv[i].raw) {
			keep = xrealloc(keep, (nkeep + 1) * sizeof(*keep));
			keep[nkeep++] = r->pv[i];
		}
	r->np = pics_from;
	/* the columns some cell starts in */
	used = xcalloc((size_t)cols + 1, sizeof(int));
	for (i = 0; i < nrows; i++)
		for (k = 0; k < rows[i].n; k++)
			used[k] |= rows[i].cell[k] != NULL;
	if (!body && ntexts > 0) {
		/* one row, or a header over empty rows: a frame around text,
		 * not a table; its text as paragraphs */
		msg(MSG_DOCX_TABLE_TEXT, &pos);
		for (j = 0; j < ntexts; j++) {
			out = rd_para_new(r);
			buf_puts(&out->text, texts[j]);
		}
	} else if (body && cols > 0) {
		if (merged)
			msg(MSG_DOCX_TABLE_MERGED, &pos);
		for (i = 0; i < nrows; i++) {
			memset(&line, 0, sizeof(line));
			buf_puts(&line, "|");
			for (k = 0; k < cols; k++)
				if (used[k])
					put_cell(&line, k < rows[i].n && rows[i].cell[k] ?
					    rows[i].cell[k] : "");
			out = rd_para_new(r);
			out->raw = 1;
			out->text = line;
			if (i == 0) {
				out = rd_para_new(r);
				out->raw = 1;
				buf_puts(&out->text, "|");
				for (k = 0; k < cols; k++)
					if (used[k])
						buf_puts(&out->text, " --- |");
			}
		}
		/* a table ends at a blank line: an empty paragraph */
		rd_para_new(r);
	}
	for (j = 0; j < nkeep; j++) {
		out = rd_para_new(r);
		*out = keep[j];
	}
	for (i = 0; i < nrows; i++) {
		for (k = 0; k < rows[i].n; k++)
			free(rows[i].cell[k]);
		free(rows[i].cell);
	}
	free(rows);
	free(used);
	free(keep);
	for (j = 0; j < ntexts; j++)
		free(texts[j]);
	free(texts);
}
