/* docxbody.c -- word/document.xml from the model: 报头, 编者按, 本期要目, articles and their blocks, 报尾, the section. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "colwidth.h"
#include "docx.h"
#include "document.h"
#include "msg.h"
#include "source.h"

/*
 * The body is described, not laid out: each part is a paragraph in its
 * style, and Word (or WPS, or LibreOffice) sets the lines and pages on
 * the section's 22-line grid.  Only what the model cannot tell Word by
 * style is decided here: where a long title breaks, whether a 要目
 * kicker shares the title's line, the 刊名's size and letter-spacing and
 * the picture sizes, from the characters' widths in em.
 */
struct body {
	struct docx_pkg		*p;
	xmlTextWriterPtr	 w;		/* where runs go: out, or the held paragraph */
	xmlTextWriterPtr	 out;		/* document.xml */
	/*
	 * A blank line between paragraphs is the space after the one
	 * before it, never the space before the next: Word and LibreOffice
	 * both drop what ends a page, as print drops a blank line at a
	 * page top, but LibreOffice keeps space before at a page's top.
	 * So a paragraph of the flow is held until the next one starts.
	 */
	xmlTextWriterPtr	 held;		/* the held paragraph's runs */
	xmlBufferPtr		 heldbuf;
	int			 holding;	/* a paragraph is held */
	enum docx_style		 hst;		/* its style */
	unsigned		 hflags;
	int			 hbefore;	/* its space before, twips */
	int			 direct;	/* in a table: paragraphs are written at once */
	const char		*jc;		/* a table cell's own alignment, or NULL */
	int			 after_table;	/* the block before was a table */
	int			 hsect;		/* the held paragraph ends a section */
	int			 space;		/* twips before the next paragraph */
	int			 nmarks;	/* bookmark ids given out */
	int			 links;		/* runs are the text of a link */
};

#define EMU_PER_PT	12700

/*
 * The width of character c in em: 1 for a wide one, Times New Roman's
 * advance for Latin letters, digits and marks (digits ½, . , ¼ ...).
 */
static double
em_of(unsigned long c)
{
	if (src_wide_ambiguous(c))
		return 1;
	if (c >= '0' && c <= '9')
		return 0.5;
	if (c == '.' || c == ',' || c == ':' || c == ';' || c == ' ')
		return 0.25;
	if (c == '%')
		return 0.833;
	if (c == '+' || c == '=' || c == '<' || c == '>')
		return 0.564;
	if (c == '-' || c == '(' || c == ')' || c == '/')
		return 0.333;
	if (c >= 'A' && c <= 'Z')
		return 0.667;
	return 0.5;
}

/* Width of s in em, by em_of(). */
static double
ems(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 c;
	double			 n = 0;
	int			 k;

	while (*p != '\0') {
		c = *p;
		k = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
		if (k > 0)
			c &= 0x3F >> k;
		for (p++; k > 0 && (*p & 0xC0) == 0x80; k--, p++)
			c = c << 6 | (*p & 0x3F);
		n += em_of(c);
	}
	return n;
}

/* ---- paragraphs and runs ---- */

/* A blank line before the next paragraph, unless one is there already. */
static void
blank(struct body *b)
{
	if (b->space < DOCX_PITCH)
		b->space += DOCX_PITCH;
}

#define PK_KEEP		0x01	/* keep with the next paragraph */
#define PK_BOX		0x02	/* inside a box: framed, 1 字 in on each side */
#define PK_LINES	0x04	/* keep the paragraph's lines on one page */

static void	 sect_props(xmlTextWriterPtr, int);

/*
 * The paragraph properties beyond the style's; with sect, the paragraph
 * ends a section of portrait pages (sect 1) or landscape ones (2).
 */
static void
ppr(xmlTextWriterPtr w, enum docx_style st, unsigned flags, int before,
    int after, const char *jc, int sect)
{
	char	 v[2][16];

	docx_start(w, "w:pPr", NULL);
	docx_val(w, "w:pStyle", docx_style_id(st));
	if (flags & PK_KEEP)
		docx_empty(w, "w:keepNext", NULL);
	if (flags & PK_LINES)
		docx_empty(w, "w:keepLines", NULL);
	if ((flags & PK_BOX) && st != DS_BOX) {
		static const char *const side[] = { "w:top", "w:left",
		    "w:bottom", "w:right" };
		size_t i;

		docx_start(w, "w:pBdr", NULL);
		for (i = 0; i < 4; i++)
			docx_empty(w, side[i], "w:val", "single", "w:sz", "6",
			    "w:space", i % 2 ? "7" : "1", "w:color", "000000",
			    NULL);
		docx_end(w);
	}
	if (before > 0 || after > 0) {
		snprintf(v[0], sizeof(v[0]), "%d", before);
		snprintf(v[1], sizeof(v[1]), "%d", after);
		docx_empty(w, "w:spacing", "w:before", v[0], "w:after", v[1],
		    NULL);
	}
	if ((flags & PK_BOX) && st != DS_BOX) {
		snprintf(v[0], sizeof(v[0]), "%d", DOCX_CELL);
		docx_empty(w, "w:ind", "w:left", v[0], "w:right", v[0], NULL);
	}
	if (jc != NULL)
		docx_val(w, "w:jc", jc);
	if (sect)
		sect_props(w, sect == 2);
	docx_end(w);		/* w:pPr */
}

/* Write the held paragraph, with after twips of space after it. */
static void
release(struct body *b, int after)
{
	if (!b->holding)
		return;
	xmlTextWriterFlush(b->held);
	docx_start(b->out, "w:p", NULL);
	ppr(b->out, b->hst, b->hflags, b->hbefore, after, NULL, b->hsect);
	b->hsect = 0;
	xmlTextWriterWriteRaw(b->out, xmlBufferContent(b->heldbuf));
	docx_end(b->out);
	xmlBufferEmpty(b->heldbuf);
	b->holding = 0;
	b->w = b->out;
}

/*
 * Start a paragraph of style st.  In the flow (held set) it is held
 * and the one before it released with the pending blank line after it;
 * in the 报尾's table it is written at once.
 */
static void
para_start(struct body *b, enum docx_style st, unsigned flags)
{
	if (b->held == NULL || b->direct) {
		docx_start(b->out, "w:p", NULL);
		ppr(b->out, st, flags, 0, 0, b->jc, 0);
		return;
	}
	if (b->holding)
		release(b, b->space);
	else
		b->hbefore = b->space;
	b->space = 0;
	b->holding = 1;
	b->hst = st;
	b->hflags = flags;
	b->w = b->held;
}

static void
para_end(struct body *b)
{
	if (b->held == NULL || b->direct)
		docx_end(b->out);
}

/* A run of text in character style cs (DS__MAX: the paragraph's). */
static void
run_text(struct body *b, enum docx_style cs, const char *text)
{
	xmlTextWriterPtr	 w = b->w;

	if (*text == '\0')
		return;
	docx_start(w, "w:r", NULL);
	if (cs != DS__MAX || b->links) {
		docx_start(w, "w:rPr", NULL);
		if (cs != DS__MAX)
			docx_val(w, "w:rStyle", docx_style_id(cs));
		/* A link inside the issue reads as text, as in print;
		 * LibreOffice would colour it as a web link. */
		if (b->links) {
			docx_val(w, "w:color", "000000");
			docx_val(w, "w:u", "none");
		}
		docx_end(w);
	}
	docx_start(w, "w:t", "xml:space", "preserve", NULL);
	xmlTextWriterWriteString(w, BAD_CAST text);
	docx_end(w);
	docx_end(w);
}

static void
run_break(struct body *b)
{
	docx_start(b->w, "w:r", NULL);
	docx_empty(b->w, "w:br", NULL);
	docx_end(b->w);
}

static void
run_tab(struct body *b)
{
	docx_start(b->w, "w:r", NULL);
	docx_empty(b->w, "w:tab", NULL);
	docx_end(b->w);
}

/*
 * The ★ of a 工作简讯 item, in the body's face for every slot, as print
 * sets it: LibreOffice would take it for Latin and look for it in Times.
 */
static void
run_star(struct body *b)
{
	const char	*f = b->p->fonts.name[JB_ROLE_FANGSONG];

	docx_start(b->w, "w:r", NULL);
	docx_start(b->w, "w:rPr", NULL);
	docx_empty(b->w, "w:rFonts", "w:ascii", f, "w:hAnsi", f, "w:eastAsia",
	    f, "w:cs", f, "w:hint", "eastAsia", NULL);
	docx_end(b->w);
	docx_start(b->w, "w:t", NULL);
	xmlTextWriterWriteString(b->w, BAD_CAST "★");
	docx_end(b->w);
	docx_end(b->w);
}

/* The model's runs: **strong** 领句, *emphasis* 强调, `code` 西文, the 本报讯 lead 电头. */
static void
runs(struct body *b, const struct jb_run *r, size_t n, int lead)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		enum docx_style cs = DS__MAX;

		if (r[i].style & JB_STYLE_BREAK) {
			run_break(b);
			continue;
		}
		if (lead && i == 0)
			cs = DS_DATELINE;
		else if (r[i].style & JB_STYLE_STRONG)
			cs = DS_LEAD;
		else if (r[i].style & JB_STYLE_EM)
			cs = DS_EM;
		else if (r[i].style & JB_STYLE_CODE)
			cs = DS_LATIN;
		/*
		 * A link reads as text, as in print, and still opens its
		 * target: an article of the issue, or a page outside it.
		 */
		if (r[i].href != NULL && !b->links) {
			if (r[i].href[0] == '#')
				docx_start(b->w, "w:hyperlink", "w:anchor",
				    r[i].href + 1, "w:history", "1", NULL);
			else
				docx_start(b->w, "w:hyperlink", "r:id",
				    docx_link_rid(b->p, r[i].href),
				    "w:history", "1", NULL);
			b->links = 1;
			run_text(b, cs, r[i].text);
			b->links = 0;
			docx_end(b->w);
		} else
			run_text(b, cs, r[i].text);
	}
}

static size_t
runs_ems(const struct jb_run *r, size_t n)
{
	double	 e = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		e += ems(r[i].text);
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
spaced_line(struct body *b, enum docx_style st, const char *name,
    double size, double spacing)
{
	xmlTextWriterPtr	 w;
	double			 e = ems(name), width, gap = 0;
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
	para_start(b, st, 0);
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
	para_end(b);
}

/* 密级, 刊名 (and 增刊), 第N期（总第N期）, 编印单位 and date over the red rule. */
static void
masthead(struct body *b)
{
	const struct jb_doc	*d = b->p->d;
	const char		*total = doc_total_label(d);

	/* The mark's line is kept when there is none, as in print. */
	para_start(b, DS_CLASS, 0);
	if (d->meta.classification != NULL)
		run_text(b, DS__MAX, d->meta.classification);
	para_end(b);
	spaced_line(b, DS_NAME, d->series->name, SPEC_SIZE_0, 0.45);
	if (d->meta.kind != NULL)
		spaced_line(b, DS_KIND, d->meta.kind->name, SPEC_SIZE_2, 0.5);
	para_start(b, DS_ISSUE, 0);
	run_text(b, DS__MAX, doc_issue_label(d));
	if (total != NULL) {
		run_text(b, DS__MAX, "（");
		run_text(b, DS__MAX, total);
		run_text(b, DS__MAX, "）");
	}
	para_end(b);
	para_start(b, DS_IMPRINT, 0);
	run_tab(b);
	run_text(b, DS__MAX, d->meta.org);
	run_tab(b);
	run_text(b, DS__MAX, d->meta.date_text);
	para_end(b);
	/*
	 * The red rule 6 pt under that line adds 7 pt to it; the rest of a
	 * line brings what follows back onto the grid, 6 lines down the
	 * page as in print.
	 */
	b->space = DOCX_PITCH - 140;
}

/* 编者按: the 黑体 label, then the note in 楷体. */
static void
note(struct body *b)
{
	const struct jb_meta	*m = &b->p->d->meta;
	size_t			 i;

	for (i = 0; i < m->nnote; i++) {
		para_start(b, DS_NOTE, 0);
		if (i == 0) {
			run_text(b, DS_NOTE_LABEL, doc_label(b->p->d,
			    JB_LABEL_NOTE));
			run_text(b, DS_NOTE_LABEL, "：");
		}
		runs(b, m->note[i].runs, m->note[i].nruns, 0);
		para_end(b);
	}
}

/*
 * 本期要目: each article's title after its kicker as "kicker——title",
 * linked to the title's bookmark.  The title starts a line of its own
 * when the two do not fit one line of 26 字 (an entry starts 2 字 in,
 * its other lines hang 1 字 further in), as in print.
 */
static void
contents(struct body *b)
{
	const struct jb_doc	*d = b->p->d;
	size_t			 i;

	blank(b);
	para_start(b, DS_CONTENTS_HEAD, PK_KEEP);
	run_text(b, DS__MAX, doc_label(d, JB_LABEL_CONTENTS));
	para_end(b);
	for (i = 0; i < d->narticles; i++) {
		const struct jb_article *art = &d->articles[i];

		para_start(b, DS_CONTENTS, 0);
		docx_start(b->w, "w:hyperlink", "w:anchor", art->anchor,
		    "w:history", "1", NULL);
		b->links = 1;
		if (art->kicker != NULL) {
			run_text(b, DS_EM, art->kicker);
			run_text(b, DS_EM, "——");
			if (ems(art->kicker) + 2 + ems(art->title) >
			    SPEC_CHARS - 2)
				run_break(b);
		}
		run_text(b, DS__MAX, art->title);
		b->links = 0;
		docx_end(b->w);
		para_end(b);
	}
}

/* ---- articles ---- */

/*
 * Title lines.  Word breaks a long title where the measure ends, inside
 * a word if need be; print breaks it by sense into the fewest lines of
 * even length (linebreak.c).  The DOCX does the same with widths in em
 * (a wide character 1, others ½) and gives Word the breaks as line
 * breaks: after a pause or stop mark or a space a break costs nothing,
 * beside a quoted phrase TB_QUOTE, between two words (ICU's dictionary)
 * TB_WORD, inside a word TB_CHAR; each line costs its squared distance
 * from the mean.
 */
#define TB_QUOTE	4.0
#define TB_WORD		9.0
#define TB_CHAR		1e4
#define TB_MAXCH	128	/* longer titles are left to Word */
#define TB_MAXL		4

static int
in_set(const char *set, unsigned long c)
{
	const unsigned char	*p = (const unsigned char *)set;
	unsigned long		 d;

	while (*p != '\0') {
		d = p[0] < 0xE0 ? (unsigned long)(p[0] & 0x1F) << 6 |
		    (p[1] & 0x3F) : (unsigned long)(p[0] & 0x0F) << 12 |
		    (unsigned long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		if (d == c)
			return 1;
		p += p[0] < 0xE0 ? 2 : 3;
	}
	return 0;
}

#define TB_STOP		"，。、；：？！…—"
#define TB_OPEN		"“‘《（「『〔【〈"
#define TB_CLOSE	"”’》）」』〕】〉"

/* The least cost of l lines ending before character j (see title_breaks()). */
static void
line_cost(double *cost, size_t *from, size_t n, size_t l, size_t j,
    const double *x, const double *bc, double room, double mean)
{
	double	 d, k;
	size_t	 i;

	if (bc[j] < 0)
		return;
	for (i = 0; i < j; i++) {
		if (cost[(l - 1) * (n + 1) + i] < 0 || x[j] - x[i] > room + 0.01)
			continue;
		d = x[j] - x[i] - mean;
		k = cost[(l - 1) * (n + 1) + i] + bc[j] + d * d;
		if (cost[l * (n + 1) + j] < 0 || k < cost[l * (n + 1) + j]) {
			cost[l * (n + 1) + j] = k;
			from[l * (n + 1) + j] = i;
		}
	}
}

/*
 * Fill at[] with the byte offsets where title t breaks and return their
 * number: 0 when it fits one line or is too long to search.
 */
static size_t
title_breaks(const char *t, size_t *at)
{
	unsigned long	 c[TB_MAXCH];
	size_t		 off[TB_MAXCH + 1], from[(TB_MAXL + 1) * (TB_MAXCH + 1)];
	double		 x[TB_MAXCH + 1], bc[TB_MAXCH + 1];
	double		 cost[(TB_MAXL + 1) * (TB_MAXCH + 1)], room, mean;
	unsigned char	 word[TB_MAXCH + 1];
	const unsigned char *p = (const unsigned char *)t;
	UErrorCode	 err = U_ZERO_ERROR;
	UBreakIterator	*bi;
	UText		*ut;
	int32_t		 wb;
	size_t		 n = 0, i, j, l, L, nl = 0;

	room = (SPEC_MEASURE * 72 / 25.4 - 4 * DOCX_CELL / 20.0) / SPEC_SIZE_2;
	x[0] = 0;
	while (*p != '\0') {
		int len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;

		if (n == TB_MAXCH)
			return 0;
		off[n] = (size_t)(p - (const unsigned char *)t);
		c[n] = len == 1 ? *p : len == 2 ? (unsigned long)(*p & 0x1F) :
		    len == 3 ? (unsigned long)(*p & 0x0F) :
		    (unsigned long)(*p & 0x07);
		for (i = 1; i < (size_t)len; i++)
			c[n] = c[n] << 6 | (p[i] & 0x3F);
		x[n + 1] = x[n] + em_of(c[n]);
		p += len;
		n++;
	}
	off[n] = (size_t)(p - (const unsigned char *)t);
	if (x[n] <= room + 0.01)
		return 0;

	/* Word starts by ICU; without its dictionary every break is a word's. */
	memset(word, 1, sizeof(word));
	bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
	ut = utext_openUTF8(NULL, t, -1, &err);
	if (U_SUCCESS(err)) {
		ubrk_setUText(bi, ut, &err);
		memset(word, 0, sizeof(word));
		for (wb = ubrk_first(bi), i = 0; U_SUCCESS(err) &&
		    wb != UBRK_DONE; wb = ubrk_next(bi)) {
			while (i < n && off[i] < (size_t)wb)
				i++;
			if (off[i] == (size_t)wb)
				word[i] = 1;
		}
	}
	utext_close(ut);
	ubrk_close(bi);

	/* What a line ending before character i costs; -1: no break there. */
	for (i = 1; i < n; i++) {
		unsigned long pc = c[i - 1], cc = c[i];

		if (cc == ' ' || cc == 0x3000 || in_set(TB_STOP TB_CLOSE, cc) ||
		    in_set(TB_OPEN, pc) || (cc < 0x80 && pc < 0x80 && pc != ' '))
			bc[i] = -1;
		else if (pc == ' ' || pc == 0x3000 || in_set(TB_STOP, pc))
			bc[i] = 0;
		else if (in_set(TB_CLOSE, pc) || in_set(TB_OPEN, cc))
			bc[i] = TB_QUOTE;
		else
			bc[i] = word[i] ? TB_WORD : TB_CHAR;
	}
	bc[n] = 0;

	/*
	 * The fewest lines, then the least cost: with L lines of mean width
	 * x[n] / L, cost[l][j] is the least cost of the first l lines ending
	 * before character j.
	 */
	for (L = 1; L <= TB_MAXL && nl == 0; L++) {
		mean = x[n] / (double)L;
		for (i = 0; i < (TB_MAXL + 1) * (n + 1); i++)
			cost[i] = -1;
		cost[0] = 0;
		for (l = 1; l <= L; l++)
			for (j = 1; j <= n; j++)
				line_cost(cost, from, n, l, j, x, bc, room,
				    mean);
		if (cost[L * (n + 1) + n] >= 0)
			nl = L;
	}
	if (nl < 2)
		return 0;
	for (l = nl, j = n; l > 1; l--) {
		j = from[l * (n + 1) + j];
		at[l - 2] = off[j];
	}
	return nl - 1;
}

static void
title(struct body *b, const struct jb_article *art, unsigned keep)
{
	size_t	 at[TB_MAXL], n = title_breaks(art->title, at), i, from = 0;
	char	 id[16], *line;

	para_start(b, DS_TITLE, keep);
	snprintf(id, sizeof(id), "%d", b->nmarks++);
	docx_empty(b->w, "w:bookmarkStart", "w:id", id, "w:name",
	    art->anchor, NULL);
	for (i = 0; i <= n; i++) {
		line = xstrndup(art->title + from, (i < n ? at[i] :
		    strlen(art->title)) - from);
		if (i > 0)
			run_break(b);
		run_text(b, DS__MAX, line);
		free(line);
		if (i < n)
			from = at[i];
	}
	docx_empty(b->w, "w:bookmarkEnd", "w:id", id, NULL);
	para_end(b);
}

/* A picture as tall as print sets one: 12 lines less 4 pt at most. */
#define PIC_MAX_H	(12 * DOCX_PITCH / 20.0 - 4)

/* Picture m of block blk, w × h pt, as a run of the open paragraph. */
static void
drawing(struct body *b, const struct docx_media *m,
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
static int
picture(struct body *b, const struct jb_block *blk, double w, unsigned keep)
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
	para_start(b, DS_PICTURE, keep);
	drawing(b, m, blk, w, h);
	para_end(b);
	return 0;
}

static void
credit(struct body *b, const char *who, unsigned flags)
{
	para_start(b, DS_CREDIT, flags);
	run_text(b, DS__MAX, "（");
	run_text(b, DS__MAX, who);
	run_text(b, DS__MAX, "）");
	para_end(b);
}

static void
cell(struct body *b, long w, long gap)
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
static int
picture_row(struct body *b, const struct jb_block *blk, double measure,
    unsigned flags)
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
	release(b, b->space);
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
				para_start(b, DS_PICTURE, cf | PK_KEEP);
				drawing(b, m[i], c, (double)w[i] / 20, h);
			} else {
				para_start(b, DS_CAPTION, cf |
				    (blk->credit != NULL ? PK_KEEP : 0));
				if (c->caption != NULL)
					run_text(b, DS__MAX, c->caption);
			}
			para_end(b);
			docx_end(b->out);	/* w:tc */
		}
		docx_end(b->out);	/* w:tr */
	}
	docx_end(b->out);	/* w:tbl */
	b->direct = 0;
	if (blk->credit != NULL)
		credit(b, blk->credit, flags & ~PK_KEEP);
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
			if (!nobreak && (ch == ' ' || (src_wide_ambiguous(ch) &&
			    !in_set(TB_STOP TB_CLOSE, ch) && !prev_open) ||
			    (prev_wide && !src_wide_ambiguous(ch)))) {
				*minw = fmax(*minw, piece);
				piece = 0;
			}
			line += em_of(ch);
			if (ch != ' ')
				piece += em_of(ch);
			prev_open = in_set(TB_OPEN, ch);
			prev_wide = src_wide_ambiguous(ch) && !prev_open;
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
static void
border(xmlTextWriterPtr w, const char *side, double thick)
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
static int
table(struct body *b, const struct jb_block *blk, int after_table)
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
		b->hsect = 1;
		release(b, 0);
		b->space = 0;
	} else if (after_table)
		/* Two tables in a row are a line apart. */
		blank(b);
	if (t->label != NULL) {
		para_start(b, DS_TABLE_TITLE, PK_KEEP);
		run_text(b, DS__MAX, t->name);
		para_end(b);
	}
	/* The table's rows are the flow's, written at once. */
	release(b, b->space);
	b->space = 0;
	b->direct = 1;
	docx_start(b->out, "w:tbl", NULL);
	docx_start(b->out, "w:tblPr", NULL);
	snprintf(v[0], sizeof(v[0]), "%d", DOCX_MM(turn ? SPEC_HEIGHT :
	    SPEC_MEASURE));
	docx_empty(b->out, "w:tblW", "w:w", v[0], "w:type", "dxa", NULL);
	docx_val(b->out, "w:jc", "center");
	docx_start(b->out, "w:tblBorders", NULL);
	border(b->out, "w:top", s->table_three_line ? RULE_HEAVY : RULE_THIN);
	if (!s->table_three_line)
		border(b->out, "w:left", RULE_THIN);
	border(b->out, "w:bottom", s->table_three_line ? RULE_HEAVY :
	    RULE_THIN);
	if (!s->table_three_line) {
		border(b->out, "w:right", RULE_THIN);
		border(b->out, "w:insideH", RULE_THIN);
		border(b->out, "w:insideV", RULE_THIN);
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
				border(b->out, "w:bottom", RULE_THIN);
				docx_end(b->out);
			}
			docx_val(b->out, "w:vAlign", "center");
			docx_end(b->out);	/* w:tcPr */
			st = i == 0 ? DS_TABLE_HEAD : DS_TABLE_CELL;
			/* The style's alignment is the usual one (header
			 * centred, cells left); others are the cell's own. */
			b->jc = strcmp(jc, i == 0 ? "center" : "left") != 0 ?
			    jc : NULL;
			para_start(b, st, keep);
			b->jc = NULL;
			runs(b, c->runs, c->nruns, 0);
			para_end(b);
			docx_end(b->out);	/* w:tc */
		}
		docx_end(b->out);	/* w:tr */
	}
	docx_end(b->out);	/* w:tbl */
	if (turn) {
		/* The paragraph that ends the turned section. */
		docx_start(b->out, "w:p", NULL);
		ppr(b->out, DS_TABLE_CELL, 0, 0, 0, NULL, 2);
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

static int	 block(struct body *, const struct jb_block *, unsigned);

/* A box: its paragraphs framed, a blank line before and after it. */
static int
box(struct body *b, const struct jb_block *blk)
{
	size_t	 i, e = 0;
	unsigned keep;
	int	 rc = 0;

	/* A short box stays on one page, as in print (4 lines of 26 字). */
	for (i = 0; i < blk->nchildren; i++)
		e += runs_ems(blk->children[i].runs,
		    blk->children[i].nruns);
	keep = e <= 4 * (SPEC_CHARS - 2) ? PK_LINES : 0;
	blank(b);
	for (i = 0; i < blk->nchildren; i++)
		if (block(b, &blk->children[i], PK_BOX | keep |
		    (keep && i + 1 < blk->nchildren ? PK_KEEP : 0)) == -1)
			rc = -1;
	blank(b);
	return rc;
}

static int
block(struct body *b, const struct jb_block *blk, unsigned flags)
{
	static const enum docx_style hs[] = { DS_H1, DS_H1, DS_H2, DS_H3,
	    DS_H4 };
	double	 w = SPEC_MEASURE * 72 / 25.4;

	switch (blk->kind) {
	case JB_BLOCK_PARA:
		para_start(b, flags & PK_BOX ? DS_BOX : DS_NORMAL, flags);
		runs(b, blk->runs, blk->nruns, blk->lead);
		para_end(b);
		break;
	case JB_BLOCK_HEADING:
		para_start(b, hs[blk->level < 1 ? 1 : blk->level > 4 ? 4 :
		    blk->level], flags | PK_KEEP);
		runs(b, blk->runs, blk->nruns, 0);
		para_end(b);
		break;
	case JB_BLOCK_BYLINE:
		para_start(b, DS_BYLINE, flags);
		runs(b, blk->runs, blk->nruns, 0);
		para_end(b);
		break;
	case JB_BLOCK_ITEM:
		para_start(b, DS_BRIEF, flags);
		run_star(b);
		runs(b, blk->runs, blk->nruns, blk->lead);
		para_end(b);
		break;
	case JB_BLOCK_LISTITEM:
		para_start(b, DS_LIST, flags);
		run_text(b, DS_LATIN, blk->marker ? blk->marker : "•");
		if (blk->marker != NULL && strchr(blk->marker, '.') != NULL)
			run_text(b, DS_LATIN, " ");
		runs(b, blk->runs, blk->nruns, 0);
		para_end(b);
		break;
	case JB_BLOCK_BOX:
		return box(b, blk);
	case JB_BLOCK_IMAGE:
		if (flags & PK_BOX)
			w -= 2 * DOCX_CELL / 20.0;
		if (picture(b, blk, w, flags | (blk->caption != NULL ||
		    blk->credit != NULL ? PK_KEEP : 0)) == -1)
			return -1;
		if (blk->caption != NULL) {
			para_start(b, DS_CAPTION, (flags & ~PK_KEEP) |
			    (blk->credit != NULL ? PK_KEEP : 0));
			run_text(b, DS__MAX, blk->caption);
			para_end(b);
		}
		if (blk->credit != NULL)
			credit(b, blk->credit, flags & ~PK_KEEP);
		break;
	case JB_BLOCK_IMAGEROW:
		return picture_row(b, blk, flags & PK_BOX ? w - 2 * DOCX_CELL /
		    20.0 : w, flags & ~PK_KEEP);
	case JB_BLOCK_TABLE:
		return table(b, blk, b->after_table);
	default:
		break;
	}
	return 0;
}

/* Kicker, title and subtitle kept together and with the text, a blank line before and after. */
static int
article(struct body *b, const struct jb_article *art)
{
	size_t	 i;
	int	 rc = 0;

	blank(b);
	if (art->kicker != NULL) {
		para_start(b, DS_KICKER, PK_KEEP);
		run_text(b, DS__MAX, art->kicker);
		para_end(b);
	}
	title(b, art, PK_KEEP);
	if (art->subtitle != NULL) {
		para_start(b, DS_SUBTITLE, PK_KEEP);
		run_text(b, DS__MAX, art->subtitle);
		para_end(b);
	}
	blank(b);
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
row_start(struct body *b, double top, double bottom)
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
		border(w, "w:top", top * 72 / 25.4);
	border(w, "w:bottom", bottom * 72 / 25.4);
	docx_end(w);
	docx_end(w);		/* w:tcPr */
}

static void
row_end(struct body *b)
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
colophon(struct body *b)
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
	release(b, 0);
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
			para_start(b, DS_DIST, 0);
			run_text(b, DS__MAX, t.data);
			para_end(b);
		}
		row_end(b);
	}
	row_start(b, ndist > 0 ? 0 : SPEC_RULE_HEAVY, tail ? SPEC_RULE_LIGHT :
	    SPEC_RULE_HEAVY);
	para_start(b, DS_PRINTED, 0);
	run_text(b, DS__MAX, m->org);
	run_tab(b);
	run_text(b, DS__MAX, m->date_text);
	run_text(b, DS__MAX, doc_label(d, JB_LABEL_PRINTED));
	para_end(b);
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
		para_start(b, DS_PRINTED, 0);
		if (t.len > 0)
			run_text(b, DS__MAX, t.data);
		e = t.len > 0 ? ems(t.data) : 0;
		if (m->copies > 0) {
			t.len = 0;
			buf_puts(&t, "（");
			buf_printf(&t, doc_label(d, JB_LABEL_COPIES),
			    m->copies);
			buf_puts(&t, "）");
			/* On the credits' line when both fit, as in print. */
			if (e > 0 && e + ems(t.data) + 1 > SPEC_CHARS * 16.0 /
			    SPEC_SIZE_4 - 2) {
				para_end(b);
				para_start(b, DS_PRINTED, 0);
			}
			run_tab(b);
			run_text(b, DS__MAX, t.data);
		}
		para_end(b);
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

/*
 * The section: A4, margins 37/35/28/26 mm, the footer 7 mm below the type
 * area, 22 lines; turned, the same sheet set across.
 */
static void
sect_props(xmlTextWriterPtr w, int turned)
{
	char			 v[6][16];

	docx_start(w, "w:sectPr", NULL);
	docx_empty(w, "w:footerReference", "w:type", "default", "r:id",
	    "rIdFooterOdd", NULL);
	docx_empty(w, "w:footerReference", "w:type", "even", "r:id",
	    "rIdFooterEven", NULL);
	snprintf(v[turned], 16, "%d", DOCX_MM(SPEC_PAGE_W));
	snprintf(v[!turned], 16, "%d", DOCX_MM(SPEC_PAGE_H));
	if (turned)
		docx_empty(w, "w:pgSz", "w:w", v[0], "w:h", v[1], "w:orient",
		    "landscape", NULL);
	else
		docx_empty(w, "w:pgSz", "w:w", v[0], "w:h", v[1], NULL);
	/*
	 * v[0] top, v[1] bottom, v[2] left, v[3] right.  A page turned a
	 * quarter to the right keeps the 版心 where it was on the sheet: its
	 * top along the portrait left edge, its left along the portrait
	 * bottom.
	 */
	snprintf(v[turned ? 3 : 0], 16, "%d", DOCX_MM(SPEC_TOP));
	snprintf(v[turned ? 2 : 1], 16, "%d", DOCX_MM(SPEC_PAGE_H - SPEC_TOP -
	    SPEC_HEIGHT));
	snprintf(v[turned ? 0 : 2], 16, "%d", DOCX_MM(SPEC_LEFT));
	snprintf(v[turned ? 1 : 3], 16, "%d", DOCX_MM(SPEC_PAGE_W - SPEC_LEFT -
	    SPEC_MEASURE));
	/*
	 * The footer's last line sits w:footer above the paper's edge:
	 * 1245 puts the top of a 四号 folio 7 mm below the type area, as
	 * print sets it (measured in LibreOffice; 1460 puts the dash there).
	 */
	docx_empty(w, "w:pgMar", "w:top", v[0], "w:right", v[3], "w:bottom",
	    v[1], "w:left", v[2], "w:header", "851", "w:footer", "1245",
	    "w:gutter", "0", NULL);
	docx_empty(w, "w:cols", "w:space", "425", NULL);
	docx_empty(w, "w:docGrid", "w:type", "lines", "w:linePitch", "579",
	    NULL);
	docx_end(w);
}

int
docx_document(struct docx_pkg *p, struct buf *out)
{
	struct body	 b;
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
	sect_props(b.out, 0);
	docx_end(b.out);	/* w:body */
	docx_end(b.out);	/* w:document */
	if (docx_part_end(b.out, xb, out) == -1)
		rc = -1;
	return rc;
}
