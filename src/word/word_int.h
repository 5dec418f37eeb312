/* word_int.h -- the Word writer's files share these: styles, pictures, XML writer helpers, the body's writer. */
#ifndef JIANBAO_WORD_WORD_INT_H
#define JIANBAO_WORD_WORD_INT_H

#include <libxml/xmlwriter.h>

#include "model/model.h"
#include "util/util.h"

/*
 * docx_write_issue() (render.h, docx.c) makes the package: it checks the
 * series' font names, has docxbody.c write word/document.xml from the
 * model, writes the other parts itself (styles, settings, font table,
 * footers, properties) and zips them in a fixed order with libzip.
 * Lengths in WordprocessingML are twips (1/20 pt) unless named: w:sz in
 * half-points, borders in eighths of a pt, pictures in EMU.
 */



#define DOCX_MM(mm)	((int)((mm) * 1440 / 25.4 + 0.5))	/* twips */
#define DOCX_PITCH	579		/* 28.95 pt: 22 lines fill 225 mm */
#define DOCX_CELL	315		/* a 三号 character as Word sets it:
					   16 pt less 0.25 pt of run spacing */
#define DOCX_CELL4	280		/* a 四号 character: 14 pt */

/*
 * The paragraph and character styles, each a name an editor sees in
 * Word (正文, 文章标题 ...).  styles.xml defines them (docx.c); the body
 * refers to them by docx_style_id().
 */
enum docx_style {
	DS_NORMAL,		/* Normal: 正文 in a Chinese Word */
	DS_CLASS,		/* 密级 */
	DS_NAME,		/* 刊名 */
	DS_KIND,		/* 刊别: 增刊 under the 刊名 */
	DS_ISSUE,		/* 期号 */
	DS_IMPRINT,		/* 编印单位和日期, over the red rule */
	DS_NOTE,		/* 编者按 */
	DS_CONTENTS_HEAD,	/* 本期要目 (the label) */
	DS_CONTENTS,		/* 要目 entries */
	DS_KICKER,		/* 引题 */
	DS_TITLE,		/* 文章标题 */
	DS_SUBTITLE,		/* 副题 */
	DS_H1,			/* 一级标题 */
	DS_H2,			/* 二级标题 */
	DS_H3,			/* 三级标题 */
	DS_H4,			/* 四级标题 */
	DS_BYLINE,		/* 作者署名 */
	DS_SIGNOFF,		/* 落款: written only when the issue has one */
	DS_PICTURE,		/* 图片 */
	DS_CAPTION,		/* 图片说明 */
	DS_CREDIT,		/* 摄影署名 */
	DS_BOX,			/* 加框文字 */
	DS_LIST,		/* 列表项 */
	DS_BRIEF,		/* 简讯 */
	DS_TABLE_TITLE,		/* 表题 */
	DS_TABLE_HEAD,		/* 表头: a table's header cells */
	DS_TABLE_CELL,		/* 表格文字: its other cells */
	DS_DIST,		/* 报尾 报/送/发 */
	DS_PRINTED,		/* 报尾 印发 and credit lines */
	DS_FOLIO,		/* 页码 */
	DS_LEAD,		/* character: 领句 (**bold** lead phrases) */
	DS_DATELINE,		/* character: 电头 (本报讯) */
	DS_EM,			/* character: 强调 (*emphasis*) */
	DS_LATIN,		/* character: 西文 (`code`) */
	DS_NOTE_LABEL,		/* character: 编者按 label */
	DS__MAX
};

const char	*docx_style_id(enum docx_style s);

/*
 * The face Word is asked for in each role: the first name of the
 * series' chain (bulletin.yaml 字体; its official names come first),
 * else the official face; zh-Hant issues take the Traditional faces.
 */
struct docx_fonts {
	const char	*name[JB_ROLE__MAX];
	const char	*alt[JB_ROLE__MAX];	/* Word's w:altName, or NULL */
	int		 bold[JB_ROLE__MAX];	/* 小标宋 role in a substitute face */
};

/* A picture of the package: its bytes as read, stored unchanged. */
struct docx_media {
	const char	*path;		/* borrowed from the model */
	char		 part[32];	/* "media/image1.jpeg", under word/ */
	char		 rid[16];	/* relationship id in document.xml.rels */
	struct buf	 data;
	enum img_kind	 kind;
	unsigned long	 w, h;		/* pixels */
};

struct docx_pkg {
	const struct jb_doc	*d;
	struct docx_fonts	 fonts;
	struct docx_media	*media;
	size_t			 nmedia;
	const char		**links;	/* link targets, borrowed: rIdLink1 ... */
	size_t			 nlinks;
	int			 ndrawings;	/* wp:docPr ids given out */
	int			 signoff;	/* the issue has a 落款 */
};

/*
 * docxres.c: the picture of image block b, read on first use (img_read(),
 * image.h) and numbered in the package.  Returns it, or NULL after
 * reporting at the block.  The pointer lasts until the next call.
 */
struct docx_media *docx_media_get(struct docx_pkg *p, const struct jb_block *b);

/*
 * docxres.c: the relationship id ("rIdLink1") of a link to href outside the
 * issue, numbered in the package on first use; static storage, valid
 * until the next call.
 */
const char	*docx_link_rid(struct docx_pkg *p, const char *href);

/*
 * docxbody.c: word/document.xml of p's issue into out: 报头, 编者按, 本期
 * 要目, the articles, the 报尾 in a table floating at the foot of the
 * last page, the section with its grid and footers (docxtable.c sets the
 * pictures and tables).  Returns 0, or -1 after reporting (an unreadable
 * picture).
 */
int	 docx_document(struct docx_pkg *p, struct buf *out);

/*
 * docxml.c: the XML writer helpers every part uses.  docx_start() opens element
 * name with the attribute pairs that follow it (name, value, ...,
 * NULL); docx_empty() writes it empty; docx_end() closes the open one;
 * docx_val() writes <name w:val="v"/>, docx_vali() the same with a number.
 * docx_box() writes the paragraph borders of boxed text (编者按, boxes):
 * a thin black rule on each side.
 */
void	 docx_start(xmlTextWriterPtr w, const char *name, ...);
void	 docx_empty(xmlTextWriterPtr w, const char *name, ...);
void	 docx_end(xmlTextWriterPtr w);
void	 docx_val(xmlTextWriterPtr w, const char *name, const char *v);
void	 docx_vali(xmlTextWriterPtr w, const char *name, long v);
void	 docx_box(xmlTextWriterPtr w);

/*
 * A writer into memory for one part: docx_part_new() starts the
 * document; docx_part_end() ends it and moves its bytes to out.
 * Returns 0, or -1 (out of memory in libxml2).
 */
xmlTextWriterPtr docx_part_new(xmlBufferPtr *xb);
int		 docx_part_end(xmlTextWriterPtr w, xmlBufferPtr xb,
		    struct buf *out);

/*
 * docxstyle.c: the w:styles part of p into out: document defaults in the
 * body's face, and every style of enum docx_style.  Returns 0, or -1 (out
 * of memory in libxml2).
 */
int	 docx_styles_part(const struct docx_pkg *p, struct buf *out);

/* ---- the body of document.xml: docxbody.c, docxpara.c and docxtable.c ---- */

/*
 * The body is described, not laid out: each part is a paragraph in its
 * style, and Word (or WPS, or LibreOffice) sets the lines and pages on
 * the section's 22-line grid.  Only what the model cannot tell Word by
 * style is decided here: where a long title breaks, whether a 要目
 * kicker shares the title's line, the 刊名's size and letter-spacing and
 * the picture sizes, from the characters' widths in em.
 */
struct docx_body {
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
	int			 hleft;		/* its left indent, twips; 0: the style's */
	int			 left;		/* the next paragraph's left indent */
	int			 direct;	/* in a table: paragraphs are written at once */
	const char		*jc;		/* a table cell's own alignment, or NULL */
	int			 after_table;	/* the block before was a table */
	int			 hsect;		/* the held paragraph ends a section */
	int			 space;		/* twips before the next paragraph */
	int			 nmarks;	/* bookmark ids given out */
	int			 links;		/* runs are the text of a link */
	struct tbrk		*tbrk;		/* the title breaker, made for the first title */
};

/* Paragraph flags of docx_para_start() and docx_ppr(). */
#define PK_KEEP		0x01	/* keep with the next paragraph */
#define PK_BOX		0x02	/* inside a box: framed, 1 字 in on each side */
#define PK_LINES	0x04	/* keep the paragraph's lines on one page */
#define PK_REACH	0x08	/* may reach 2 字 into the right margin: a
				   落款's line, which must not wrap where an
				   application sets it a little wider */

/*
 * docxpara.c, the paragraphs and runs.  docx_em_of() is the width of
 * character c in em (1 for a wide one, Times New Roman's advance for
 * the rest), docx_ems() that of string s.
 * docx_blank() asks for a blank line before the next paragraph.
 * docx_ppr() writes the paragraph properties beyond style st's (left:
 * a left indent in twips, 0 the style's; sect 1:
 * the paragraph ends a section of portrait pages, 2: of landscape ones,
 * either with DOCX_SECT_DRAFT: its pages have the draft's header).
 * docx_release() writes the held paragraph with after twips after it.
 * docx_para_start() starts a paragraph of style st (indented by b->left
 * when that is set, which it then clears), held in the flow,
 * written at once in a table (b->direct) or the 报尾; docx_para_end()
 * ends it.  docx_run_text() writes a run in character style cs (DS__MAX:
 * the paragraph's); docx_run_break() a line break, docx_run_tab() a tab,
 * docx_run_star() the ★ of an item; docx_runs() the model's runs, the
 * first one the 电头 when lead.  docx_sect_props() writes the section
 * properties: the A4 page, its margins and grid, footers, with draft the
 * header that marks a draft; turned, the same sheet set across.
 */
#define DOCX_SECT_DRAFT	4
#define DOCX_DRAFT(p)	((p)->d->series->draft ? DOCX_SECT_DRAFT : 0)

double	 docx_em_of(unsigned long c);
double	 docx_ems(const char *s);
void	 docx_blank(struct docx_body *b);
void	 docx_ppr(xmlTextWriterPtr w, enum docx_style st, unsigned flags,
	    int before, int after, int left, const char *jc, int sect);
void	 docx_release(struct docx_body *b, int after);
void	 docx_para_start(struct docx_body *b, enum docx_style st,
	    unsigned flags);
void	 docx_para_end(struct docx_body *b);
void	 docx_run_text(struct docx_body *b, enum docx_style cs,
	    const char *text);
void	 docx_run_break(struct docx_body *b);
void	 docx_run_tab(struct docx_body *b);
void	 docx_run_star(struct docx_body *b);
void	 docx_runs(struct docx_body *b, const struct jb_run *r, size_t n,
	    int lead);
void	 docx_sect_props(xmlTextWriterPtr w, int turned, int draft);

/*
 * docxtable.c, the pictures and tables.  docx_picture() sets the picture
 * of image block blk at most w pt wide (and 12 lines tall) in a paragraph
 * of its own, docx_picture_row() a row of them across measure pt with
 * their captions and credit; docx_credit() the 摄影署名 line of who.
 * docx_table() sets table block blk, a line below the table before it
 * when after_table.  These three return 0, or -1 after reporting (an
 * unreadable picture, a table too wide).  docx_border() writes a border
 * of thick pt on side of a table or a cell.
 */
int	 docx_picture(struct docx_body *b, const struct jb_block *blk,
	    double w, unsigned keep);
int	 docx_picture_row(struct docx_body *b, const struct jb_block *blk,
	    double measure, unsigned flags);
void	 docx_credit(struct docx_body *b, const char *who, unsigned flags);
int	 docx_table(struct docx_body *b, const struct jb_block *blk,
	    int after_table);
void	 docx_border(xmlTextWriterPtr w, const char *side, double thick);

#endif
