/* docxbody.c -- word/document.xml from the model: 报头, 编者按, 本期要目, articles and their blocks, 报尾, the section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "word/word_int.h"
#include "model/model.h"

static size_t
runs_ems(const struct jb_run *r, size_t n)
{
	double	 e = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		e += docx_ems(r[i].text);
	return (size_t)e;
}

/* ---- 报头 ---- */

/*
 * A centred line in style st, size pt, letter-spaced by spacing times
 * its size between characters and shrunk when that would not fit the
 * measure, as in print: the 刊名 (初号, 0.45 em: about a third more) and
 * the 增刊 under it.  The last character has no spacing after it, so
 * the line stays centred.
 */
static void
spaced_line(struct docx_body *b, enum docx_style st, const char *name,
    double size, double spacing)
{
	xmlTextWriterPtr	 w;
	double			 e = docx_ems(name), width, gap = 0;
	double			 measure = SPEC_MEASURE * 72 / 25.4;
	size_t			 n = 0, last = 0, i;
	char			 v[16];

	for (i = 0; name[i] != '\0'; i++)
		if (((unsigned char)name[i] & 0xC0) != 0x80) {
			n++;
			last = i;
		}
	if (e * size > measure)
		size = (double)(int)(2 * measure / e) / 2;
	width = e * size;
	if (n > 1) {
		gap = (n - 1) * size * spacing;
		if (width + gap > measure)
			gap = measure - width;
		gap /= (double)(n - 1);
	}
	docx_para_start(b, st, 0);
	w = b->w;
	for (i = 0; i < 2; i++) {
		const char *s = i == 0 ? name : name + last;

		if (i == 0 && last == 0)
			continue;
		docx_start(w, "w:r", NULL);
		docx_start(w, "w:rPr", NULL);
		if (i == 0 && gap > 0)
			docx_vali(w, "w:spacing", (long)(gap * 20));
		snprintf(v, sizeof(v), "%d", (int)(size * 2));
		docx_val(w, "w:sz", v);
		docx_val(w, "w:szCs", v);
		docx_end(w);
		docx_start(w, "w:t", NULL);
		xmlTextWriterWriteFormatString(w, "%.*s", (int)(i == 0 ?
		    last : strlen(s)), s);
		docx_end(w);
		docx_end(w);
	}
	docx_para_end(b);
}

/* 密级, 刊名 (and 增刊), 第N期（总第N期）, 编印单位 and date over the red rule. */
static void
masthead(struct docx_body *b)
{
	const struct jb_doc	*d = b->p->d;
	const char		*total = doc_total_label(d);

	/* The mark's line is kept when there is none, as in print. */
	docx_para_start(b, DS_CLASS, 0);
	if (d->meta.classification != NULL)
		docx_run_text(b, DS__MAX, d->meta.classification);
	docx_para_end(b);
	spaced_line(b, DS_NAME, d->series->name, SPEC_SIZE_0, 0.45);
	if (d->meta.kind != NULL)
		spaced_line(b, DS_KIND, d->meta.kind->name, SPEC_SIZE_2, 0.5);
	docx_para_start(b, DS_ISSUE, 0);
	docx_run_text(b, DS__MAX, doc_issue_label(d));
	if (total != NULL) {
		docx_run_text(b, DS__MAX, "（");
		docx_run_text(b, DS__MAX, total);
		docx_run_text(b, DS__MAX, "）");
	}
	docx_para_end(b);
	docx_para_start(b, DS_IMPRINT, 0);
	docx_run_tab(b);
	docx_run_text(b, DS__MAX, d->meta.org);
	docx_run_tab(b);
	docx_run_text(b, DS__MAX, d->meta.date_text);
	docx_para_end(b);
	/*
	 * The red rule 6 pt under that line adds 7 pt to it; the rest of a
	 * line brings what follows back onto the grid, 6 lines down the
	 * page as in print.
	 */
	b->space = DOCX_PITCH - 140;
}

/* 编者按: the 黑体 label, then the note in 楷体. */
static void
note(struct docx_body *b)
{
	const struct jb_meta	*m = &b->p->d->meta;
	size_t			 i;

	for (i = 0; i < m->nnote; i++) {
		docx_para_start(b, DS_NOTE, 0);
		if (i == 0) {
			docx_run_text(b, DS_NOTE_LABEL, doc_label(b->p->d,
			    JB_LABEL_NOTE));
			docx_run_text(b, DS_NOTE_LABEL, "：");
		}
		docx_runs(b, m->note[i].runs, m->note[i].nruns, 0);
		docx_para_end(b);
	}
}

/*
 * 本期要目: each article's title after its kicker as "kicker——title",
 * linked to the title's bookmark.  The title starts a line of its own
 * when the two do not fit one line of 26 字 (an entry starts 2 字 in,
 * its other lines hang 1 字 further in), as in print.
 */
static void
contents(struct docx_body *b)
{
	const struct jb_doc	*d = b->p->d;
	size_t			 i;

	docx_blank(b);
	docx_para_start(b, DS_CONTENTS_HEAD, PK_KEEP);
	docx_run_text(b, DS__MAX, doc_label(d, JB_LABEL_CONTENTS));
	docx_para_end(b);
	for (i = 0; i < d->narticles; i++) {
		const struct jb_article *art = &d->articles[i];

		docx_para_start(b, DS_CONTENTS, 0);
		docx_start(b->w, "w:hyperlink", "w:anchor", art->anchor,
		    "w:history", "1", NULL);
		b->links = 1;
		if (art->kicker != NULL) {
			docx_run_text(b, DS_EM, art->kicker);
			docx_run_text(b, DS_EM, "——");
			if (docx_ems(art->kicker) + 2 + docx_ems(art->title) >
			    SPEC_CHARS - 2)
				docx_run_break(b);
		}
		docx_run_text(b, DS__MAX, art->title);
		b->links = 0;
		docx_end(b->w);
		docx_para_end(b);
	}
}

/* ---- articles ---- */

/*
 * Title lines.  Word breaks a long title where the measure ends, inside
 * a word if need be; print breaks it by sense into the fewest lines of
 * even length (util/titlebreak.c).  The DOCX does the same with widths
 * in em (docx_em_of()), in at most TB_MAXL lines, and gives Word the
 * breaks as line breaks.
 */
#define TB_MAXL		4

/* Width in em of characters [s, e) of a title, from their running sums. */
static double
title_width(void *arg, size_t s, size_t e)
{
	const double	*x = arg;

	return x[e] - x[s];
}

/*
 * Fill at[] (TB_MAXL - 1) with the byte offsets where title t breaks and
 * return their number: 0 when it fits one line or is too long to search.
 */
static size_t
title_breaks(struct docx_body *b, const char *t, size_t *at)
{
	double		*cost, *x = NULL, room;
	size_t		*start = NULL, n, i, nl = 0;
	const char	*q;

	if (b->tbrk == NULL)
		b->tbrk = tbrk_new();
	if ((cost = tbrk_costs(b->tbrk, t, strlen(t), NULL, &n)) == NULL)
		return 0;
	room = (SPEC_MEASURE * 72 / 25.4 - 4 * DOCX_CELL / 20.0) / SPEC_SIZE_2;
	x = xmalloc((n + 1) * sizeof(*x));
	x[0] = 0;
	for (q = t, i = 0; i < n; i++, q = g_utf8_next_char(q))
		x[i + 1] = x[i] + docx_em_of(g_utf8_get_char(q));
	start = xmalloc((n + 1) * sizeof(*start));
	if (x[n] > room + 0.01)
		nl = tbrk_lines(cost, n, title_width, x, room + 0.01, 1,
		    TB_MAXL, start);
	for (i = 1; i < nl; i++)
		at[i - 1] = (size_t)(g_utf8_offset_to_pointer(t,
		    (glong)start[i]) - t);
	free(cost);
	free(x);
	free(start);
	return nl < 2 ? 0 : nl - 1;
}

static void
title(struct docx_body *b, const struct jb_article *art, unsigned keep)
{
	size_t	 at[TB_MAXL], n = title_breaks(b, art->title, at), i, from = 0;
	char	 id[16], *line;

	docx_para_start(b, DS_TITLE, keep);
	snprintf(id, sizeof(id), "%d", b->nmarks++);
	docx_empty(b->w, "w:bookmarkStart", "w:id", id, "w:name",
	    art->anchor, NULL);
	for (i = 0; i <= n; i++) {
		line = xstrndup(art->title + from, (i < n ? at[i] :
		    strlen(art->title)) - from);
		if (i > 0)
			docx_run_break(b);
		docx_run_text(b, DS__MAX, line);
		free(line);
		if (i < n)
			from = at[i];
	}
	docx_empty(b->w, "w:bookmarkEnd", "w:id", id, NULL);
	docx_para_end(b);
}

static int	 block(struct docx_body *, const struct jb_block *, unsigned);

/*
 * A 落款, a blank line above it: each line a paragraph in the style 落款
 * (flush left), indented to where doc_signoff_start() puts the organ
 * lines for the widths Word gives them, the date 2 字 further right; all
 * kept with the paragraph before, as in print.  Each may reach into the
 * right margin: LibreOffice sets a date wider than Word (a blank beside
 * each digit), and a date flush with the measure would wrap.
 */
static void
signoff(struct docx_body *b, const struct jb_block *blk, unsigned flags)
{
	size_t	 n = (blk->nruns + 1) / 2, i;
	double	 organ = 0, date = docx_ems(blk->runs[2 * (n - 1)].text);
	int	 measure = DOCX_MM(SPEC_MEASURE), x;

	if (flags & PK_BOX)
		measure -= 2 * DOCX_CELL;
	for (i = 0; i + 1 < n; i++)
		if (docx_ems(blk->runs[2 * i].text) > organ)
			organ = docx_ems(blk->runs[2 * i].text);
	x = measure - (int)(doc_signoff_start(organ, date) * DOCX_CELL + 0.5);
	docx_blank(b);
	if (b->holding)
		b->hflags |= PK_KEEP;
	for (i = 0; i < n; i++) {
		b->left = x + (i + 1 < n ? 0 : 2 * DOCX_CELL);
		if (b->left < 0)
			b->left = 0;
		docx_para_start(b, DS_SIGNOFF, flags | PK_REACH |
		    (i + 1 < n ? PK_KEEP : 0));
		docx_run_text(b, DS__MAX, blk->runs[2 * i].text);
		docx_para_end(b);
	}
}

/* A box: its paragraphs framed, a blank line before and after it. */
static int
box(struct docx_body *b, const struct jb_block *blk)
{
	size_t	 i, e = 0;
	unsigned keep;
	int	 rc = 0;

	/* A short box stays on one page, as in print (4 lines of 26 字). */
	for (i = 0; i < blk->nchildren; i++)
		e += runs_ems(blk->children[i].runs,
		    blk->children[i].nruns);
	keep = e <= 4 * (SPEC_CHARS - 2) ? PK_LINES : 0;
	docx_blank(b);
	for (i = 0; i < blk->nchildren; i++)
		if (block(b, &blk->children[i], PK_BOX | keep |
		    (keep && i + 1 < blk->nchildren ? PK_KEEP : 0)) == -1)
			rc = -1;
	docx_blank(b);
	return rc;
}

static int
block(struct docx_body *b, const struct jb_block *blk, unsigned flags)
{
	static const enum docx_style hs[] = { DS_H1, DS_H1, DS_H2, DS_H3,
	    DS_H4 };
	double	 w = SPEC_MEASURE * 72 / 25.4;

	switch (blk->kind) {
	case JB_BLOCK_PARA:
		docx_para_start(b, flags & PK_BOX ? DS_BOX : DS_NORMAL, flags);
		docx_runs(b, blk->runs, blk->nruns, blk->lead);
		docx_para_end(b);
		break;
	case JB_BLOCK_HEADING:
		docx_para_start(b, hs[blk->level < 1 ? 1 : blk->level > 4 ? 4 :
		    blk->level], flags | PK_KEEP);
		docx_runs(b, blk->runs, blk->nruns, 0);
		docx_para_end(b);
		break;
	case JB_BLOCK_BYLINE:
		docx_para_start(b, DS_BYLINE, flags);
		docx_runs(b, blk->runs, blk->nruns, 0);
		docx_para_end(b);
		break;
	case JB_BLOCK_SIGNOFF:
		signoff(b, blk, flags);
		break;
	case JB_BLOCK_ITEM:
		docx_para_start(b, DS_BRIEF, flags);
		docx_run_star(b);
		docx_runs(b, blk->runs, blk->nruns, blk->lead);
		docx_para_end(b);
		break;
	case JB_BLOCK_LISTITEM:
		docx_para_start(b, DS_LIST, flags);
		docx_run_text(b, DS_LATIN, blk->marker ? blk->marker : "•");
		if (blk->marker != NULL && strchr(blk->marker, '.') != NULL)
			docx_run_text(b, DS_LATIN, " ");
		docx_runs(b, blk->runs, blk->nruns, 0);
		docx_para_end(b);
		break;
	case JB_BLOCK_BOX:
		return box(b, blk);
	case JB_BLOCK_IMAGE:
		if (flags & PK_BOX)
			w -= 2 * DOCX_CELL / 20.0;
		if (docx_picture(b, blk, w, flags | (blk->caption != NULL ||
		    blk->credit != NULL ? PK_KEEP : 0)) == -1)
			return -1;
		if (blk->caption != NULL) {
			docx_para_start(b, DS_CAPTION, (flags & ~PK_KEEP) |
			    (blk->credit != NULL ? PK_KEEP : 0));
			docx_run_text(b, DS__MAX, blk->caption);
			docx_para_end(b);
		}
		if (blk->credit != NULL)
			docx_credit(b, blk->credit, flags & ~PK_KEEP);
		break;
	case JB_BLOCK_IMAGEROW:
		return docx_picture_row(b, blk, flags & PK_BOX ? w - 2 *
		    DOCX_CELL / 20.0 : w, flags & ~PK_KEEP);
	case JB_BLOCK_TABLE:
		return docx_table(b, blk, b->after_table);
	default:
		break;
	}
	return 0;
}

/* Kicker, title and subtitle kept together and with the text, a blank line before and after. */
static int
article(struct docx_body *b, const struct jb_article *art)
{
	size_t	 i;
	int	 rc = 0;

	docx_blank(b);
	if (art->kicker != NULL) {
		docx_para_start(b, DS_KICKER, PK_KEEP);
		docx_run_text(b, DS__MAX, art->kicker);
		docx_para_end(b);
	}
	title(b, art, PK_KEEP);
	if (art->subtitle != NULL) {
		docx_para_start(b, DS_SUBTITLE, PK_KEEP);
		docx_run_text(b, DS__MAX, art->subtitle);
		docx_para_end(b);
	}
	docx_blank(b);
	for (i = 0; i < art->nblocks; i++) {
		b->after_table = i > 0 &&
		    art->blocks[i - 1].kind == JB_BLOCK_TABLE;
		if (block(b, &art->blocks[i], 0) == -1)
			rc = -1;
	}
	return rc;
}

/* ---- 报尾 ---- */

#define MEASURE_TW	"8844"	/* DOCX_MM(SPEC_MEASURE): the 报尾 is as wide */

/* One row of the 报尾 table: top rule (0: none) and bottom rule, in mm. */
static void
row_start(struct docx_body *b, double top, double bottom)
{
	xmlTextWriterPtr	 w = b->w;

	docx_start(w, "w:tr", NULL);
	docx_start(w, "w:trPr", NULL);
	docx_empty(w, "w:cantSplit", NULL);
	docx_end(w);
	docx_start(w, "w:tc", NULL);
	docx_start(w, "w:tcPr", NULL);
	docx_empty(w, "w:tcW", "w:w", MEASURE_TW, "w:type", "dxa", NULL);
	docx_start(w, "w:tcBorders", NULL);
	if (top > 0)
		docx_border(w, "w:top", top * 72 / 25.4);
	docx_border(w, "w:bottom", bottom * 72 / 25.4);
	docx_end(w);
	docx_end(w);		/* w:tcPr */
}

static void
row_end(struct docx_body *b)
{
	docx_end(b->w);		/* w:tc */
	docx_end(b->w);		/* w:tr */
}

/*
 * The 报尾: a one-column table floating at the foot of the type area of
 * the page where the text ends, so Word moves it to a page of its own
 * when it does not fit below the text.  Rows: 报/送/发 (wrapped lines
 * aligned after the colon), the 编印单位 and 印发 date, the credits and
 * 共印N份; rules 0.35 mm above and below, 0.25 mm between.
 */
static void
colophon(struct docx_body *b)
{
	const struct jb_doc	*d = b->p->d;
	const struct jb_meta	*m = &d->meta;
	xmlTextWriterPtr	 w = b->out;
	struct buf		 t = { 0 };
	size_t			 i, k;
	int			 ndist = 0, tail = m->copies > 0 || m->credits.n > 0;
	char			 x[16];

	for (k = 0; k < JB_DIST__MAX; k++)
		ndist += m->dist[k].n > 0;
	/* The flow ends here: the table's paragraphs are written at once. */
	docx_release(b, 0);
	xmlFreeTextWriter(b->held);
	xmlBufferFree(b->heldbuf);
	b->held = NULL;
	docx_start(w, "w:tbl", NULL);
	docx_start(w, "w:tblPr", NULL);
	snprintf(x, sizeof(x), "%d", DOCX_MM(SPEC_LEFT));
	docx_empty(w, "w:tblpPr", "w:leftFromText", "0", "w:rightFromText",
	    "0", "w:vertAnchor", "margin", "w:horzAnchor", "page",
	    "w:tblpX", x, "w:tblpYSpec", "bottom", NULL);
	docx_empty(w, "w:tblW", "w:w", MEASURE_TW, "w:type", "dxa", NULL);
	docx_empty(w, "w:tblLayout", "w:type", "fixed", NULL);
	docx_start(w, "w:tblCellMar", NULL);
	docx_empty(w, "w:left", "w:w", "0", "w:type", "dxa", NULL);
	docx_empty(w, "w:right", "w:w", "0", "w:type", "dxa", NULL);
	docx_end(w);
	docx_end(w);		/* w:tblPr */
	docx_start(w, "w:tblGrid", NULL);
	docx_empty(w, "w:gridCol", "w:w", MEASURE_TW, NULL);
	docx_end(w);

	if (ndist > 0) {
		row_start(b, SPEC_RULE_HEAVY, SPEC_RULE_LIGHT);
		for (k = 0; k < JB_DIST__MAX; k++) {
			if (m->dist[k].n == 0)
				continue;
			t.len = 0;
			buf_printf(&t, "%s：", doc_label(d, JB_LABEL_BAO +
			    (int)k));
			for (i = 0; i < m->dist[k].n; i++)
				buf_printf(&t, "%s%s", i ? "，" : "",
				    m->dist[k].v[i]);
			buf_puts(&t, "。");
			docx_para_start(b, DS_DIST, 0);
			docx_run_text(b, DS__MAX, t.data);
			docx_para_end(b);
		}
		row_end(b);
	}
	row_start(b, ndist > 0 ? 0 : SPEC_RULE_HEAVY, tail ? SPEC_RULE_LIGHT :
	    SPEC_RULE_HEAVY);
	docx_para_start(b, DS_PRINTED, 0);
	docx_run_text(b, DS__MAX, m->org);
	docx_run_tab(b);
	docx_run_text(b, DS__MAX, m->date_text);
	docx_run_text(b, DS__MAX, doc_label(d, JB_LABEL_PRINTED));
	docx_para_end(b);
	row_end(b);
	if (tail) {
		double e = 0;

		row_start(b, 0, SPEC_RULE_HEAVY);
		t.len = 0;
		if (t.data != NULL)
			t.data[0] = '\0';
		for (i = 0; i < m->credits.n; i++)
			buf_printf(&t, "%s%s：%s", i ? "　" : "",
			    m->credits.v[i].role, m->credits.v[i].name);
		docx_para_start(b, DS_PRINTED, 0);
		if (t.len > 0)
			docx_run_text(b, DS__MAX, t.data);
		e = t.len > 0 ? docx_ems(t.data) : 0;
		if (m->copies > 0) {
			t.len = 0;
			buf_puts(&t, "（");
			buf_printf(&t, doc_label(d, JB_LABEL_COPIES),
			    m->copies);
			buf_puts(&t, "）");
			/* On the credits' line when both fit, as in print. */
			if (e > 0 && e + docx_ems(t.data) + 1 > SPEC_CHARS * 16.0 /
			    SPEC_SIZE_4 - 2) {
				docx_para_end(b);
				docx_para_start(b, DS_PRINTED, 0);
			}
			docx_run_tab(b);
			docx_run_text(b, DS__MAX, t.data);
		}
		docx_para_end(b);
		row_end(b);
	}
	docx_end(w);		/* w:tbl */
	buf_free(&t);
	/* The paragraph the table floats from, as small as Word allows. */
	docx_start(w, "w:p", NULL);
	docx_start(w, "w:pPr", NULL);
	docx_val(w, "w:pStyle", docx_style_id(DS_PRINTED));
	docx_empty(w, "w:spacing", "w:line", "20", "w:lineRule", "exact",
	    NULL);
	docx_start(w, "w:rPr", NULL);
	docx_val(w, "w:sz", "2");
	docx_end(w);
	docx_end(w);
	docx_end(w);
}

int
docx_document(struct docx_pkg *p, struct buf *out)
{
	struct docx_body	 b;
	xmlBufferPtr	 xb;
	size_t		 i;
	int		 rc = 0;

	memset(&b, 0, sizeof(b));
	b.p = p;
	if ((b.out = docx_part_new(&xb)) == NULL)
		return -1;
	if ((b.heldbuf = xmlBufferCreate()) == NULL ||
	    (b.held = xmlNewTextWriterMemory(b.heldbuf, 0)) == NULL) {
		xmlBufferFree(b.heldbuf);
		docx_part_end(b.out, xb, out);
		return -1;
	}
	b.w = b.out;
	docx_start(b.out, "w:document",
	    "xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	    "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
	    NULL);
	docx_start(b.out, "w:body", NULL);
	masthead(&b);
	note(&b);
	if (p->d->narticles >= 2)
		contents(&b);
	for (i = 0; i < p->d->narticles; i++)
		if (article(&b, &p->d->articles[i]) == -1)
			rc = -1;
	colophon(&b);
	docx_sect_props(b.out, 0, DOCX_DRAFT(p));
	docx_end(b.out);	/* w:body */
	docx_end(b.out);	/* w:document */
	if (docx_part_end(b.out, xb, out) == -1)
		rc = -1;
	tbrk_free(b.tbrk);
	return rc;
}
