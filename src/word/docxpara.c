/* docxpara.c -- paragraphs and runs of the Word edition's body: widths in em, paragraph properties, runs in their character styles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "word/word_int.h"
#include "model/model.h"
#include "util/util.h"

/*
 * The width of character c in em: 1 for a wide one, Times New Roman's
 * advance for Latin letters, digits and marks (digits ½, . , ¼ ...).
 */
double
docx_em_of(unsigned long c)
{
	if (zh_wide_ambiguous(c))
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

/* Width of s in em, by docx_em_of(). */
double
docx_ems(const char *s)
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
		n += docx_em_of(c);
	}
	return n;
}

/* ---- paragraphs and runs ---- */

/* A blank line before the next paragraph, unless one is there already. */
void
docx_blank(struct docx_body *b)
{
	if (b->space < DOCX_PITCH)
		b->space += DOCX_PITCH;
}

/*
 * The paragraph properties beyond the style's; with sect, the paragraph
 * ends a section of portrait pages (sect 1) or landscape ones (2).
 */
void
docx_ppr(xmlTextWriterPtr w, enum docx_style st, unsigned flags, int before,
    int after, int left, const char *jc, int sect)
{
	char	 v[2][16];

	docx_start(w, "w:pPr", NULL);
	docx_val(w, "w:pStyle", docx_style_id(st));
	if (flags & PK_KEEP)
		docx_empty(w, "w:keepNext", NULL);
	if (flags & PK_LINES)
		docx_empty(w, "w:keepLines", NULL);
	if ((flags & PK_BOX) && st != DS_BOX)
		docx_box(w);
	if (before > 0 || after > 0) {
		snprintf(v[0], sizeof(v[0]), "%d", before);
		snprintf(v[1], sizeof(v[1]), "%d", after);
		docx_empty(w, "w:spacing", "w:before", v[0], "w:after", v[1],
		    NULL);
	}
	if ((flags & PK_BOX) && st != DS_BOX) {
		snprintf(v[0], sizeof(v[0]), "%d", DOCX_CELL + left);
		snprintf(v[1], sizeof(v[1]), "%d", DOCX_CELL);
		docx_empty(w, "w:ind", "w:left", v[0], "w:right", v[1], NULL);
	} else if (left > 0 || (flags & PK_REACH)) {
		snprintf(v[0], sizeof(v[0]), "%d", left);
		snprintf(v[1], sizeof(v[1]), "%d", flags & PK_REACH ?
		    -2 * DOCX_CELL : 0);
		docx_empty(w, "w:ind", "w:left", v[0], "w:right", v[1], NULL);
	}
	if (jc != NULL)
		docx_val(w, "w:jc", jc);
	if (sect)
		docx_sect_props(w, (sect & ~DOCX_SECT_DRAFT) == 2,
		    sect & DOCX_SECT_DRAFT);
	docx_end(w);		/* w:pPr */
}

/* Write the held paragraph, with after twips of space after it. */
void
docx_release(struct docx_body *b, int after)
{
	if (!b->holding)
		return;
	xmlTextWriterFlush(b->held);
	docx_start(b->out, "w:p", NULL);
	docx_ppr(b->out, b->hst, b->hflags, b->hbefore, after, b->hleft, NULL,
	    b->hsect);
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
void
docx_para_start(struct docx_body *b, enum docx_style st, unsigned flags)
{
	int	 left = b->left;

	b->left = 0;
	if (b->held == NULL || b->direct) {
		docx_start(b->out, "w:p", NULL);
		docx_ppr(b->out, st, flags, 0, 0, left, b->jc, 0);
		return;
	}
	if (b->holding)
		docx_release(b, b->space);
	else
		b->hbefore = b->space;
	b->space = 0;
	b->holding = 1;
	b->hst = st;
	b->hflags = flags;
	b->hleft = left;
	b->w = b->held;
}

void
docx_para_end(struct docx_body *b)
{
	if (b->held == NULL || b->direct)
		docx_end(b->out);
}

/* A run of text in character style cs (DS__MAX: the paragraph's). */
void
docx_run_text(struct docx_body *b, enum docx_style cs, const char *text)
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

void
docx_run_break(struct docx_body *b)
{
	docx_start(b->w, "w:r", NULL);
	docx_empty(b->w, "w:br", NULL);
	docx_end(b->w);
}

void
docx_run_tab(struct docx_body *b)
{
	docx_start(b->w, "w:r", NULL);
	docx_empty(b->w, "w:tab", NULL);
	docx_end(b->w);
}

/*
 * The ★ of a 工作简讯 item, in the body's face for every slot, as print
 * sets it: LibreOffice would take it for Latin and look for it in Times.
 */
void
docx_run_star(struct docx_body *b)
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
void
docx_runs(struct docx_body *b, const struct jb_run *r, size_t n, int lead)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		enum docx_style cs = DS__MAX;

		if (r[i].style & JB_STYLE_BREAK) {
			docx_run_break(b);
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
			docx_run_text(b, cs, r[i].text);
			b->links = 0;
			docx_end(b->w);
		} else
			docx_run_text(b, cs, r[i].text);
	}
}

/*
 * The section: A4, margins 37/35/28/26 mm, the footer 7 mm below the type
 * area, 22 lines; turned, the same sheet set across.  A draft's pages,
 * odd and even, have the one header.
 */
void
docx_sect_props(xmlTextWriterPtr w, int turned, int draft)
{
	char			 v[6][16];

	docx_start(w, "w:sectPr", NULL);
	if (draft) {
		docx_empty(w, "w:headerReference", "w:type", "default",
		    "r:id", "rIdHeader", NULL);
		docx_empty(w, "w:headerReference", "w:type", "even",
		    "r:id", "rIdHeader", NULL);
	}
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
