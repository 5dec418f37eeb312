/* docxtable.c -- pictures, rows of pictures and tables of document.xml, sized as print sets them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "word/word_int.h"
#include "util/util.h"

#define EMU_PER_PT	12700

/* A picture as tall as print sets one: 12 lines less 4 pt at most. */
#define PIC_MAX_H	(12 * DOCX_PITCH / 20.0 - 4)

/* Picture m of block blk, w × h pt, as a run of the open paragraph. */
static void
drawing(struct docx_body *b, const struct docx_media *m,
    const struct jb_block *blk, double w, double h)
{
	xmlTextWriterPtr	 x = b->w;
	char			 cx[32], cy[32], id[16];

	snprintf(cx, sizeof(cx), "%ld", (long)(w * EMU_PER_PT));
	snprintf(cy, sizeof(cy), "%ld", (long)(h * EMU_PER_PT));
	snprintf(id, sizeof(id), "%d", ++b->p->ndrawings);
	docx_start(x, "w:r", NULL);
	docx_start(x, "w:drawing", NULL);
	docx_start(x, "wp:inline", "distT", "0", "distB", "0", "distL", "0",
	    "distR", "0", NULL);
	docx_empty(x, "wp:extent", "cx", cx, "cy", cy, NULL);
	docx_empty(x, "wp:docPr", "id", id, "name", m->part + 6, "descr",
	    blk->alt != NULL ? blk->alt : "", NULL);
	docx_start(x, "wp:cNvGraphicFramePr", NULL);
	docx_empty(x, "a:graphicFrameLocks", "xmlns:a",
	    "http://schemas.openxmlformats.org/drawingml/2006/main",
	    "noChangeAspect", "1", NULL);
	docx_end(x);
	docx_start(x, "a:graphic", "xmlns:a",
	    "http://schemas.openxmlformats.org/drawingml/2006/main", NULL);
	docx_start(x, "a:graphicData", "uri",
	    "http://schemas.openxmlformats.org/drawingml/2006/picture", NULL);
	docx_start(x, "pic:pic", "xmlns:pic",
	    "http://schemas.openxmlformats.org/drawingml/2006/picture", NULL);
	docx_start(x, "pic:nvPicPr", NULL);
	docx_empty(x, "pic:cNvPr", "id", id, "name", m->part + 6, "descr",
	    blk->alt != NULL ? blk->alt : "", NULL);
	docx_empty(x, "pic:cNvPicPr", NULL);
	docx_end(x);
	docx_start(x, "pic:blipFill", NULL);
	docx_empty(x, "a:blip", "r:embed", m->rid, NULL);
	docx_start(x, "a:stretch", NULL);
	docx_empty(x, "a:fillRect", NULL);
	docx_end(x);
	docx_end(x);		/* pic:blipFill */
	docx_start(x, "pic:spPr", NULL);
	docx_start(x, "a:xfrm", NULL);
	docx_empty(x, "a:off", "x", "0", "y", "0", NULL);
	docx_empty(x, "a:ext", "cx", cx, "cy", cy, NULL);
	docx_end(x);
	docx_start(x, "a:prstGeom", "prst", "rect", NULL);
	docx_empty(x, "a:avLst", NULL);
	docx_end(x);
	docx_end(x);		/* pic:spPr */
	docx_end(x);		/* pic:pic */
	docx_end(x);		/* a:graphicData */
	docx_end(x);		/* a:graphic */
	docx_end(x);		/* wp:inline */
	docx_end(x);		/* w:drawing */
	docx_end(x);		/* w:r */
}

/* The picture of b, w wide at most, inline in a paragraph of its own. */
int
docx_picture(struct docx_body *b, const struct jb_block *blk, double w,
    unsigned keep)
{
	struct docx_media	*m;
	double			 h;

	if ((m = docx_media_get(b->p, blk)) == NULL)
		return -1;
	/* Full measure, but never more than 12 lines tall, as in print. */
	h = w * (double)m->h / (double)m->w;
	if (h > PIC_MAX_H) {
		h = PIC_MAX_H;
		w = h * (double)m->w / (double)m->h;
	}
	docx_para_start(b, DS_PICTURE, keep);
	drawing(b, m, blk, w, h);
	docx_para_end(b);
	return 0;
}

void
docx_credit(struct docx_body *b, const char *who, unsigned flags)
{
	docx_para_start(b, DS_CREDIT, flags);
	docx_run_text(b, DS__MAX, "（");
	docx_run_text(b, DS__MAX, who);
	docx_run_text(b, DS__MAX, "）");
	docx_para_end(b);
}

static void
cell(struct docx_body *b, long w, long gap)
{
	char	 v[2][24];

	snprintf(v[0], sizeof(v[0]), "%ld", w + gap);
	snprintf(v[1], sizeof(v[1]), "%ld", gap);
	docx_start(b->out, "w:tc", NULL);
	docx_start(b->out, "w:tcPr", NULL);
	docx_empty(b->out, "w:tcW", "w:w", v[0], "w:type", "dxa", NULL);
	if (gap > 0) {
		docx_start(b->out, "w:tcMar", NULL);
		docx_empty(b->out, "w:right", "w:w", v[1], "w:type", "dxa",
		    NULL);
		docx_end(b->out);
	}
	docx_end(b->out);
}

/*
 * Pictures side by side, as print sets a row: scaled to one height so
 * that with a gap of one character between them they fill the measure
 * (at most 12 lines tall, then centred), each caption centred under its
 * own picture, the row's credit at the right, all kept together.  A
 * borderless table of one column per picture, its pictures in one row
 * and its captions in the next.
 */
int
docx_picture_row(struct docx_body *b, const struct jb_block *blk,
    double measure, unsigned flags)
{
	struct docx_media	*m[DOC_MAX_ROW];
	double			 ratio = 0, h, gap = DOCX_CELL / 20.0, tw;
	size_t			 n = blk->nchildren, i, ncap = 0, k[DOC_MAX_ROW];
	long			 w[DOC_MAX_ROW], g;
	unsigned		 cf = flags & ~(PK_BOX | PK_KEEP); /* no frame in a cell */
	char			 v[24];

	if (n > DOC_MAX_ROW)
		n = DOC_MAX_ROW;
	/* Indices first: the package's list of pictures grows as it goes. */
	for (i = 0; i < n; i++) {
		if ((m[i] = docx_media_get(b->p, &blk->children[i])) == NULL)
			return -1;
		k[i] = (size_t)(m[i] - b->p->media);
	}
	for (i = 0; i < n; i++) {
		m[i] = &b->p->media[k[i]];
		ratio += (double)m[i]->w / (double)m[i]->h;
		ncap += blk->children[i].caption != NULL;
	}
	h = (measure - gap * (double)(n - 1)) / ratio;
	if (h > PIC_MAX_H)
		h = PIC_MAX_H;
	tw = 0;
	for (i = 0; i < n; i++) {
		w[i] = (long)(h * (double)m[i]->w / (double)m[i]->h * 20);
		tw += (double)w[i] + (i + 1 < n ? gap * 20 : 0);
	}
	/* The table's rows are the flow's, written at once. */
	docx_release(b, b->space);
	b->space = 0;
	b->direct = 1;
	docx_start(b->out, "w:tbl", NULL);
	docx_start(b->out, "w:tblPr", NULL);
	snprintf(v, sizeof(v), "%ld", (long)tw);
	docx_empty(b->out, "w:tblW", "w:w", v, "w:type", "dxa", NULL);
	docx_val(b->out, "w:jc", "center");
	docx_empty(b->out, "w:tblLayout", "w:type", "fixed", NULL);
	docx_start(b->out, "w:tblCellMar", NULL);
	docx_empty(b->out, "w:left", "w:w", "0", "w:type", "dxa", NULL);
	docx_empty(b->out, "w:right", "w:w", "0", "w:type", "dxa", NULL);
	docx_end(b->out);
	docx_end(b->out);	/* w:tblPr */
	docx_start(b->out, "w:tblGrid", NULL);
	for (i = 0; i < n; i++) {
		snprintf(v, sizeof(v), "%ld", w[i] + (i + 1 < n ?
		    (long)(gap * 20) : 0));
		docx_empty(b->out, "w:gridCol", "w:w", v, NULL);
	}
	docx_end(b->out);
	for (g = 0; g < (ncap > 0 ? 2 : 1); g++) {
		docx_start(b->out, "w:tr", NULL);
		docx_start(b->out, "w:trPr", NULL);
		docx_empty(b->out, "w:cantSplit", NULL);
		docx_end(b->out);
		for (i = 0; i < n; i++) {
			const struct jb_block *c = &blk->children[i];

			cell(b, w[i], i + 1 < n ? (long)(gap * 20) : 0);
			if (g == 0) {
				docx_para_start(b, DS_PICTURE, cf | PK_KEEP);
				drawing(b, m[i], c, (double)w[i] / 20, h);
			} else {
				docx_para_start(b, DS_CAPTION, cf |
				    (blk->credit != NULL ? PK_KEEP : 0));
				if (c->caption != NULL)
					docx_run_text(b, DS__MAX, c->caption);
			}
			docx_para_end(b);
			docx_end(b->out);	/* w:tc */
		}
		docx_end(b->out);	/* w:tr */
	}
	docx_end(b->out);	/* w:tbl */
	b->direct = 0;
	if (blk->credit != NULL)
		docx_credit(b, blk->credit, flags & ~PK_KEEP);
	return 0;
}

/* ---- tables ---- */

#define TAB_LEADING	1.45	/* line pitch in a cell, em */
#define TAB_PAD		0.4	/* cell padding left and right, em */
#define TAB_PAD_MIN	0.2	/* ... down to this before the table is too wide */
#define TAB_HEAD_WORD	6	/* a header this short stays on one line */
#define TAB_SLACK	1.02	/* how far widths in em may run over the measure */

/*
 * A cell's widths in em, as print measures them with the faces: *maxw
 * its text on one line, *minw its widest piece a line cannot break:
 * a Latin word or number, a character with the marks that may not be
 * parted from it; the whole text when nobreak.
 */
static void
cell_widths(const struct jb_cell *c, int nobreak, size_t *nch, double *minw,
    double *maxw)
{
	double	 line = 0, piece = 0;
	size_t	 i;
	const unsigned char *p;
	unsigned long ch;
	int	 k, prev_open = 0, prev_wide = 0;

	*minw = *maxw = 0;
	*nch = 0;
	for (i = 0; i < c->nruns; i++) {
		if (c->runs[i].style & JB_STYLE_BREAK) {
			*maxw = fmax(*maxw, line);
			*minw = fmax(*minw, piece);
			line = piece = 0;
			continue;
		}
		for (p = (const unsigned char *)c->runs[i].text; *p != '\0';) {
			k = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
			ch = k == 1 ? *p : k == 2 ? (unsigned long)(*p & 0x1F) :
			    k == 3 ? (unsigned long)(*p & 0x0F) :
			    (unsigned long)(*p & 0x07);
			for (p++; --k > 0; p++)
				ch = ch << 6 | (*p & 0x3F);
			(*nch)++;
			/* A line may break before a wide character that is no
			 * closing mark, after one that is no opening mark, and
			 * at a space. */
			if (!nobreak && (ch == ' ' || (zh_wide_ambiguous(ch) &&
			    !zh_no_start(ch) && !prev_open) ||
			    (prev_wide && !zh_wide_ambiguous(ch)))) {
				*minw = fmax(*minw, piece);
				piece = 0;
			}
			line += docx_em_of(ch);
			if (ch != ' ')
				piece += docx_em_of(ch);
			prev_open = zh_no_end(ch);
			prev_wide = zh_wide_ambiguous(ch) && !prev_open;
		}
	}
	*maxw = fmax(*maxw, line);
	*minw = fmax(*minw, piece);
}

/*
 * The width of the narrowest table with padding *padx, which gives way
 * where that saves every cell a wrap, or where the narrowest table would
 * not fit the measure w with it (as print does).
 */
static double
tab_padding(double smin, double smax, size_t nc, double size, double w,
    double *padx)
{
	*padx = TAB_PAD * size;
	if (smax + 2 * nc * *padx > w && smax + 2 * nc * TAB_PAD_MIN * size <=
	    w)
		*padx = (w - smax) / (2 * nc);
	else if (smin + 2 * nc * *padx > w)
		*padx = fmax(TAB_PAD_MIN * size, (w - smin) / (2 * nc));
	return smin + 2 * nc * *padx;
}

/* A border of thick pt on side of a table or a cell (w:sz in eighths of a pt). */
void
docx_border(xmlTextWriterPtr w, const char *side, double thick)
{
	char	 sz[8];

	snprintf(sz, sizeof(sz), "%d", (int)(thick * 8 + 0.5));
	docx_empty(w, side, "w:val", "single", "w:sz", sz, "w:space", "0",
	    "w:color", "000000", NULL);
}

#define RULE_THIN	0.5	/* pt: the grid, the rule under a 三线 header */
#define RULE_HEAVY	1.5	/* pt: top and bottom of a 三线 table */

/*
 * A table as print sets it: the 表题 in 黑体 centred above it, as wide as
 * the measure, columns by content, the header in 黑体 and the cells in
 * 仿宋 四号 (三号 when the series says so), numbers flush right, rules
 * all round (全线, 0.5 pt) or three (三线: 1.5 pt above and below, 0.5 pt
 * under the header).  The header row repeats on every page the table
 * runs on, no row is split between pages, the header keeps two rows
 * under it and the last row is not left alone.  A table whose narrowest
 * setting is wider than the measure is print's error, found from widths
 * in em.
 */
int
docx_table(struct docx_body *b, const struct jb_block *blk, int after_table)
{
	const struct jb_table	*t = blk->table;
	const struct jb_series	*s = b->p->d->series;
	double			 size = s->table_large ? SPEC_SIZE_3 : SPEC_SIZE_4;
	double			 meas = SPEC_MEASURE * 72 / 25.4, padx, smin = 0;
	double			 smax = 0, mn, mx, *minw, *maxw, *colw;
	double			 pady, lp = TAB_LEADING * size;
	size_t			 nc = t->ncols, nr = t->nrows + 1, i, j, nch;
	enum docx_style		 st;
	char			 v[4][24];
	int			 rc = -1, turn = 0;

	minw = xcalloc(nc, sizeof(*minw));
	maxw = xcalloc(nc, sizeof(*maxw));
	colw = xcalloc(nc, sizeof(*colw));
	for (i = 0; i < nr * nc; i++) {
		const struct jb_cell *c = &t->head[i];

		cell_widths(c, i < nc ? 0 : c->number, &nch, &mn, &mx);
		if (i < nc && nch <= TAB_HEAD_WORD)
			mn = mx;
		minw[i % nc] = fmax(minw[i % nc], mn * size);
		maxw[i % nc] = fmax(maxw[i % nc], mx * size);
	}
	for (j = 0; j < nc; j++) {
		smin += minw[j];
		smax += maxw[j];
	}
	/*
	 * Too wide for the page, it may be set across a page turned.  Widths
	 * in em run up to 2 % over the faces' (marks print compresses), so
	 * a table print just fits is taken to fit.
	 */
	if (tab_padding(smin, smax, nc, size, meas, &padx) > meas * TAB_SLACK &&
	    s->table_landscape) {
		meas = SPEC_HEIGHT * 72 / 25.4;
		turn = 1;
	}
	if ((mn = tab_padding(smin, smax, nc, size, meas, &padx)) >
	    meas * TAB_SLACK) {
		snprintf(v[0], sizeof(v[0]), "%.0f", ceil(mn / (72 / 25.4)));
		msg(turn ? MSG_TABLE_TOO_WIDE_TURNED : MSG_TABLE_TOO_WIDE,
		    &blk->pos, t->name, v[0]);
		goto out;
	}
	for (j = 0; j < nc; j++) {
		minw[j] += 2 * padx;
		maxw[j] += 2 * padx;
	}
	colw_widths(minw, maxw, nc, meas, colw);
	pady = fmax(3, (DOCX_PITCH / 20.0 - lp) / 2);

	/*
	 * A table set across has pages of its own: the text before it ends
	 * its page, the section of turned pages holds the table, the text
	 * after it starts a page again.
	 */
	if (turn) {
		b->hsect = 1 | DOCX_DRAFT(b->p);
		docx_release(b, 0);
		b->space = 0;
	} else if (after_table)
		/* Two tables in a row are a line apart. */
		docx_blank(b);
	if (t->label != NULL) {
		docx_para_start(b, DS_TABLE_TITLE, PK_KEEP);
		docx_run_text(b, DS__MAX, t->name);
		docx_para_end(b);
	}
	/* The table's rows are the flow's, written at once. */
	docx_release(b, b->space);
	b->space = 0;
	b->direct = 1;
	docx_start(b->out, "w:tbl", NULL);
	docx_start(b->out, "w:tblPr", NULL);
	snprintf(v[0], sizeof(v[0]), "%d", DOCX_MM(turn ? SPEC_HEIGHT :
	    SPEC_MEASURE));
	docx_empty(b->out, "w:tblW", "w:w", v[0], "w:type", "dxa", NULL);
	docx_val(b->out, "w:jc", "center");
	docx_start(b->out, "w:tblBorders", NULL);
	docx_border(b->out, "w:top", s->table_three_line ? RULE_HEAVY :
	    RULE_THIN);
	if (!s->table_three_line)
		docx_border(b->out, "w:left", RULE_THIN);
	docx_border(b->out, "w:bottom", s->table_three_line ? RULE_HEAVY :
	    RULE_THIN);
	if (!s->table_three_line) {
		docx_border(b->out, "w:right", RULE_THIN);
		docx_border(b->out, "w:insideH", RULE_THIN);
		docx_border(b->out, "w:insideV", RULE_THIN);
	}
	docx_end(b->out);
	docx_empty(b->out, "w:tblLayout", "w:type", "fixed", NULL);
	snprintf(v[0], sizeof(v[0]), "%ld", (long)(pady * 20));
	snprintf(v[1], sizeof(v[1]), "%ld", (long)(padx * 20));
	docx_start(b->out, "w:tblCellMar", NULL);
	docx_empty(b->out, "w:top", "w:w", v[0], "w:type", "dxa", NULL);
	docx_empty(b->out, "w:left", "w:w", v[1], "w:type", "dxa", NULL);
	docx_empty(b->out, "w:bottom", "w:w", v[0], "w:type", "dxa", NULL);
	docx_empty(b->out, "w:right", "w:w", v[1], "w:type", "dxa", NULL);
	docx_end(b->out);
	docx_end(b->out);	/* w:tblPr */
	/* Widths in whole twips that add up to the measure: WPS sizes the
	 * columns from the grid, Word from the cells. */
	{
		long acc = 0, want = DOCX_MM(turn ? SPEC_HEIGHT : SPEC_MEASURE),
		    cw;

		docx_start(b->out, "w:tblGrid", NULL);
		for (j = 0; j < nc; j++) {
			cw = j + 1 < nc ? (long)(colw[j] * 20 + 0.5) : want - acc;
			acc += cw;
			colw[j] = (double)cw;
			snprintf(v[0], sizeof(v[0]), "%ld", cw);
			docx_empty(b->out, "w:gridCol", "w:w", v[0], NULL);
		}
		docx_end(b->out);
	}
	for (i = 0; i < nr; i++) {
		/* The header keeps two rows under it; the last row is not
		 * left alone at a page's top. */
		unsigned keep = i == 0 || (i == 1 && nr > 3) ||
		    (i + 2 == nr && nr > 3) ? PK_KEEP : 0;

		docx_start(b->out, "w:tr", NULL);
		docx_start(b->out, "w:trPr", NULL);
		docx_empty(b->out, "w:cantSplit", NULL);
		if (i == 0)
			docx_empty(b->out, "w:tblHeader", NULL);
		docx_end(b->out);
		for (j = 0; j < nc; j++) {
			const struct jb_cell *c = &t->head[i * nc + j];
			enum jb_align a = t->align[j];
			const char *jc = a == JB_ALIGN_LEFT ? "left" :
			    a == JB_ALIGN_CENTER ? "center" :
			    a == JB_ALIGN_RIGHT ? "right" : i == 0 ? "center" :
			    c->number ? "right" : "left";

			docx_start(b->out, "w:tc", NULL);
			docx_start(b->out, "w:tcPr", NULL);
			snprintf(v[0], sizeof(v[0]), "%ld", (long)colw[j]);
			docx_empty(b->out, "w:tcW", "w:w", v[0], "w:type",
			    "dxa", NULL);
			if (i == 0 && s->table_three_line) {
				docx_start(b->out, "w:tcBorders", NULL);
				docx_border(b->out, "w:bottom", RULE_THIN);
				docx_end(b->out);
			}
			docx_val(b->out, "w:vAlign", "center");
			docx_end(b->out);	/* w:tcPr */
			st = i == 0 ? DS_TABLE_HEAD : DS_TABLE_CELL;
			/* The style's alignment is the usual one (header
			 * centred, cells left); others are the cell's own. */
			b->jc = strcmp(jc, i == 0 ? "center" : "left") != 0 ?
			    jc : NULL;
			docx_para_start(b, st, keep);
			b->jc = NULL;
			docx_runs(b, c->runs, c->nruns, 0);
			docx_para_end(b);
			docx_end(b->out);	/* w:tc */
		}
		docx_end(b->out);	/* w:tr */
	}
	docx_end(b->out);	/* w:tbl */
	if (turn) {
		/* The paragraph that ends the turned section. */
		docx_start(b->out, "w:p", NULL);
		docx_ppr(b->out, DS_TABLE_CELL, 0, 0, 0, 0, NULL,
		    2 | DOCX_DRAFT(b->p));
		docx_end(b->out);
	}
	b->direct = 0;
	rc = 0;
out:
	free(minw);
	free(maxw);
	free(colw);
	return rc;
}
