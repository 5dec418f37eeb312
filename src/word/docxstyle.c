/* docxstyle.c -- the Word edition's styles: one table of paragraph and character styles, the w:styles part made from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "word/word_int.h"
#include "model/model.h"
#include "util/util.h"

/* What a style sets; every paragraph style sets all of it, so no value depends on inheritance. */
struct sdef {
	const char	*id;
	const char	*name;		/* what the editor sees */
	int		 character;	/* a character style */
	enum jb_role	 role;
	double		 size;		/* pt; 0 in character styles: the paragraph's */
	int		 spacing;	/* run spacing, twips */
	const char	*jc;
	int		 left, right, first, hanging;	/* twips */
	int		 line;		/* exact line height, 0 auto */
	int		 keep;		/* keep with next */
	int		 outline;	/* outline level + 1, 0 body text */
};

#define BODY_SP		(-5)	/* −0.25 pt: 28 三号 characters on the line */
#define IND2		(2 * DOCX_CELL)

static const struct sdef styles[DS__MAX] = {
	/*
	 * The body is Word's own Normal, which a Chinese Word calls 正文: a
	 * style named 正文 would stand beside it, and an article pasted into
	 * another bulletin would bring a second 正文 along.
	 */
	[DS_NORMAL] = { "Normal", "Normal", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 0, 0 },
	[DS_CLASS] = { "Classification", "密级", 0, JB_ROLE_HEITI, 16,
	    BODY_SP, "left", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_NAME] = { "Masthead", "刊名", 0, JB_ROLE_XBS, SPEC_SIZE_0, 0,
	    "center", 0, 0, 0, 0, 2 * DOCX_PITCH, 0, 0 },
	[DS_KIND] = { "IssueKind", "刊别", 0, JB_ROLE_XBS, SPEC_SIZE_2, 0,
	    "center", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_ISSUE] = { "IssueNumber", "期号", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "center", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_IMPRINT] = { "Imprint", "编印单位和日期", 0, JB_ROLE_FANGSONG, 16,
	    BODY_SP, "left", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_NOTE] = { "EditorNote", "编者按", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 0, 0 },
	[DS_CONTENTS_HEAD] = { "ContentsHeading", "要目标题", 0, JB_ROLE_XBS,
	    SPEC_SIZE_XBS3, 0, "center", 0, 0, 0, 0, DOCX_PITCH, 1, 0 },
	[DS_CONTENTS] = { "ContentsEntry", "要目", 0, JB_ROLE_FANGSONG, 16,
	    BODY_SP, "both", 3 * DOCX_CELL, 0, 0, DOCX_CELL, DOCX_PITCH, 0, 0 },
	[DS_KICKER] = { "Kicker", "引题", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "center", 0, 0, 0, 0, DOCX_PITCH, 1, 0 },
	[DS_TITLE] = { "ArticleTitle", "文章标题", 0, JB_ROLE_XBS, SPEC_SIZE_2,
	    0, "center", IND2, IND2, 0, 0, DOCX_PITCH, 1, 1 },
	[DS_SUBTITLE] = { "Subtitle", "副题", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "center", 0, 0, 0, 0, DOCX_PITCH, 1, 0 },
	[DS_H1] = { "Heading1", "一级标题", 0, JB_ROLE_HEITI, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 1, 2 },
	[DS_H2] = { "Heading2", "二级标题", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 1, 3 },
	[DS_H3] = { "Heading3", "三级标题", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 1, 4 },
	[DS_H4] = { "Heading4", "四级标题", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 1, 5 },
	[DS_BYLINE] = { "Byline", "作者署名", 0, JB_ROLE_KAITI, 16, BODY_SP,
	    "right", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	/* indented line by line to where GB/T 9704 puts it (docxbody.c) */
	[DS_SIGNOFF] = { "Signoff", "落款", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "left", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_PICTURE] = { "Picture", "图片", 0, JB_ROLE_FANGSONG, 16, 0,
	    "center", 0, 0, 0, 0, 0, 0, 0 },
	[DS_CAPTION] = { "PictureCaption", "图片说明", 0, JB_ROLE_KAITI, 16,
	    BODY_SP, "center", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_CREDIT] = { "PictureCredit", "摄影署名", 0, JB_ROLE_KAITI, 16,
	    BODY_SP, "right", 0, 0, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_BOX] = { "Boxed", "加框文字", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", DOCX_CELL, DOCX_CELL, IND2, 0, DOCX_PITCH, 0, 0 },
	[DS_LIST] = { "ListItem", "列表项", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 0, 0 },
	[DS_BRIEF] = { "BriefItem", "简讯", 0, JB_ROLE_FANGSONG, 16, BODY_SP,
	    "both", 0, 0, IND2, 0, DOCX_PITCH, 0, 0 },
	[DS_TABLE_TITLE] = { "TableTitle", "表题", 0, JB_ROLE_HEITI, 16,
	    BODY_SP, "center", 0, 0, 0, 0, DOCX_PITCH, 1, 0 },
	/* Size and leading from the series (表格字号), in style_rpr/ppr. */
	[DS_TABLE_HEAD] = { "TableHeader", "表头", 0, JB_ROLE_HEITI,
	    SPEC_SIZE_4, 0, "center", 0, 0, 0, 0, 1, 0, 0 },
	[DS_TABLE_CELL] = { "TableText", "表格文字", 0, JB_ROLE_FANGSONG,
	    SPEC_SIZE_4, 0, "left", 0, 0, 0, 0, 1, 0, 0 },
	[DS_DIST] = { "Distribution", "分送", 0, JB_ROLE_FANGSONG, SPEC_SIZE_4,
	    0, "both", 3 * DOCX_CELL4, DOCX_CELL4, 0, 2 * DOCX_CELL4,
	    DOCX_PITCH, 0, 0 },
	[DS_PRINTED] = { "Printed", "印发", 0, JB_ROLE_FANGSONG, SPEC_SIZE_4,
	    0, "left", DOCX_CELL4, DOCX_CELL4, 0, 0, DOCX_PITCH, 0, 0 },
	[DS_FOLIO] = { "Folio", "页码", 0, JB_ROLE_SONGTI, SPEC_SIZE_4, 0,
	    "left", 0, 0, 0, 0, 0, 0, 0 },
	[DS_LEAD] = { "LeadPhrase", "领句", 1, JB_ROLE_HEITI, 0, 0 },
	[DS_DATELINE] = { "Dateline", "电头", 1, JB_ROLE_HEITI, 0, 0 },
	[DS_EM] = { "Emphasis", "强调", 1, JB_ROLE_KAITI, 0, 0 },
	[DS_LATIN] = { "Latin", "西文", 1, JB_ROLE_DIGITS, 0, 0 },
	[DS_NOTE_LABEL] = { "NoteLabel", "编者按标签", 1, JB_ROLE_HEITI, 0, 0 },
};

const char *
docx_style_id(enum docx_style s)
{
	return styles[s].id;
}

/* The four font slots: Latin and digits in their face, Chinese in the role's. */
static void
rfonts(xmlTextWriterPtr w, const struct docx_fonts *f, enum jb_role r)
{
	/* Page numbers and `code` are one face for every character. */
	const char	*latin = r == JB_ROLE_SONGTI || r == JB_ROLE_DIGITS ?
	    f->name[r] : f->name[JB_ROLE_DIGITS];

	docx_empty(w, "w:rFonts", "w:ascii", latin, "w:hAnsi", latin,
	    "w:eastAsia", f->name[r], "w:cs", latin, "w:hint", "eastAsia",
	    NULL);
}

/* A table's type: 四号, or 三号 when the series asks for it (表格字号). */
static double
table_size(const struct docx_pkg *p, enum docx_style s)
{
	if (s != DS_TABLE_HEAD && s != DS_TABLE_CELL)
		return styles[s].size;
	return p->d->series->table_large ? SPEC_SIZE_3 : SPEC_SIZE_4;
}

static void
style_rpr(xmlTextWriterPtr w, const struct docx_pkg *p, enum docx_style s)
{
	const struct sdef	*sd = &styles[s];

	docx_start(w, "w:rPr", NULL);
	rfonts(w, &p->fonts, sd->role);
	if (p->fonts.bold[sd->role] && sd->role == JB_ROLE_XBS) {
		docx_empty(w, "w:b", NULL);
		docx_empty(w, "w:bCs", NULL);
	}
	if (s == DS_NAME || s == DS_KIND) {
		char c[8];

		snprintf(c, sizeof(c), "%06X", SPEC_RED);
		docx_val(w, "w:color", c);
	}
	if (sd->spacing != 0)
		docx_vali(w, "w:spacing", sd->spacing);
	if (sd->size > 0) {
		docx_vali(w, "w:sz", (long)(table_size(p, s) * 2));
		docx_vali(w, "w:szCs", (long)(table_size(p, s) * 2));
	}
	docx_end(w);
}

static void
style_ppr(xmlTextWriterPtr w, const struct docx_pkg *p, enum docx_style s)
{
	const struct sdef	*sd = &styles[s];
	int			 line = sd->line;
	char			 v[3][16];

	/* Cells are set at 1.45 em, off the grid, as in print. */
	if (s == DS_TABLE_HEAD || s == DS_TABLE_CELL)
		line = (int)(1.45 * table_size(p, s) * 20 + 0.5);

	docx_start(w, "w:pPr", NULL);
	if (sd->keep)
		docx_empty(w, "w:keepNext", NULL);
	/* No line of a paragraph alone at a page's top or foot, as in print. */
	docx_empty(w, "w:widowControl", NULL);
	if (s == DS_IMPRINT) {
		/* The red rule, unindented: borders follow the indents. */
		char c[8];

		snprintf(c, sizeof(c), "%06X", SPEC_RED);
		docx_start(w, "w:pBdr", NULL);
		docx_empty(w, "w:bottom", "w:val", "single", "w:sz", "8",
		    "w:space", "6", "w:color", c, NULL);
		docx_end(w);
	}
	if (s == DS_BOX)
		docx_box(w);
	if (s == DS_IMPRINT || s == DS_PRINTED) {
		/* 编印单位 1 字 in from the left, the date 1 字 in from the right. */
		int in = s == DS_IMPRINT ? DOCX_CELL : DOCX_CELL4;

		snprintf(v[0], 16, "%d", s == DS_IMPRINT ? in : 0);
		snprintf(v[1], 16, "%d", DOCX_MM(SPEC_MEASURE) - in);
		docx_start(w, "w:tabs", NULL);
		if (s == DS_IMPRINT)
			docx_empty(w, "w:tab", "w:val", "left", "w:pos", v[0],
			    NULL);
		docx_empty(w, "w:tab", "w:val", "right", "w:pos", v[1], NULL);
		docx_end(w);
	}
	/*
	 * Word's own default, written out: LibreOffice reads overflowPunct
	 * the other way round (on: no hanging marks, DomainMapper.cxx) and
	 * otherwise hangs a closing mark a whole character outside the
	 * measure, where print sets none.
	 */
	docx_val(w, "w:overflowPunct", "1");
	docx_empty(w, "w:autoSpaceDE", "w:val", "0", NULL);
	docx_empty(w, "w:autoSpaceDN", "w:val", "0", NULL);
	if (s == DS_FOLIO || s == DS_DIST || s == DS_PRINTED || s == DS_NAME ||
	    s == DS_TABLE_HEAD || s == DS_TABLE_CELL)
		docx_val(w, "w:snapToGrid", "0");
	if (line > 0) {
		snprintf(v[0], 16, "%d", line);
		docx_empty(w, "w:spacing", "w:before", "0", "w:after", "0",
		    "w:line", v[0], "w:lineRule", "exact", NULL);
	} else
		docx_empty(w, "w:spacing", "w:before", "0", "w:after", "0",
		    "w:line", "240", "w:lineRule", "auto", NULL);
	snprintf(v[0], 16, "%d", sd->left);
	snprintf(v[1], 16, "%d", sd->right);
	snprintf(v[2], 16, "%d", sd->hanging > 0 ? sd->hanging : sd->first);
	docx_empty(w, "w:ind", "w:left", v[0], "w:right", v[1],
	    sd->hanging > 0 ? "w:hanging" : "w:firstLine", v[2], NULL);
	docx_val(w, "w:jc", sd->jc);
	if (sd->outline > 0)
		docx_vali(w, "w:outlineLvl", sd->outline - 1);
	docx_end(w);
}

int
docx_styles_part(const struct docx_pkg *p, struct buf *out)
{
	const char	*ea = p->d->meta.lang == JB_LANG_HANT ? "zh-TW" : "zh-CN";
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	int		 s;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "w:styles", "xmlns:w",
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    NULL);
	docx_start(w, "w:docDefaults", NULL);
	docx_start(w, "w:rPrDefault", NULL);
	docx_start(w, "w:rPr", NULL);
	rfonts(w, &p->fonts, JB_ROLE_FANGSONG);
	docx_vali(w, "w:sz", 32);
	docx_vali(w, "w:szCs", 32);
	docx_empty(w, "w:lang", "w:val", "en-US", "w:eastAsia", ea,
	    "w:bidi", "ar-SA", NULL);
	docx_end(w);
	docx_end(w);
	docx_start(w, "w:pPrDefault", NULL);
	docx_empty(w, "w:pPr", NULL);
	docx_end(w);
	docx_end(w);		/* w:docDefaults */
	for (s = 0; s < DS__MAX; s++) {
		const struct sdef *sd = &styles[s];

		if (s == DS_SIGNOFF && !p->signoff)
			continue;
		if (s == DS_NORMAL)
			docx_start(w, "w:style", "w:type", "paragraph",
			    "w:default", "1", "w:styleId", sd->id, NULL);
		else
			docx_start(w, "w:style", "w:type", sd->character ?
			    "character" : "paragraph", "w:styleId", sd->id,
			    NULL);
		docx_val(w, "w:name", sd->name);
		if (!sd->character && s != DS_NORMAL)
			docx_val(w, "w:basedOn", "Normal");
		if (!sd->character)
			docx_val(w, "w:next", s == DS_CONTENTS_HEAD ?
			    styles[DS_CONTENTS].id : s == DS_KICKER ?
			    styles[DS_TITLE].id : "Normal");
		docx_empty(w, "w:qFormat", NULL);
		if (!sd->character)
			style_ppr(w, p, s);
		style_rpr(w, p, s);
		docx_end(w);
	}
	docx_end(w);
	return docx_part_end(w, xb, out);
}
