/* import_int.h -- import's private types and calls: text encodings, the Word reader's result, the pasted text's blocks. */
#ifndef JIANBAO_IMPORT_IMPORT_INT_H
#define JIANBAO_IMPORT_IMPORT_INT_H

#include <stddef.h>
#include <glib.h>

#include "util/util.h"
#include "model/model.h"

/* a text file's bytes as UTF-8: BOMs, UTF-16, GB18030 and Big5 found and converted with iconv. */

/*
 * Put the text in[0..len) into out as UTF-8 without a byte-order mark.
 * UTF-8 (with or without BOM) is taken as it is; UTF-16 with a BOM (what
 * Notepad calls Unicode) and, when the bytes are not UTF-8, GB18030 (its
 * subsets GBK and GB2312 being what Notepad on a Chinese Windows saves)
 * or, when that reads as rare characters only, Big5 (a Traditional
 * Chinese Windows) are converted with iconv and said in a notice naming
 * path.  A NUL byte
 * or bytes that are none of these are reported at their line and column.
 * Returns 0, or -1 after reporting (out then empty).
 */
int	 enc_to_utf8(const char *path, const char *in, size_t len,
	    struct buf *out);

/* a submitted Word file (.docx) read into import's text: paragraphs, headings, numbering, tables, pictures. */

/* Caps that keep a hostile file from taking time or memory. */
#define DOCXIN_MAX_FILE		(64UL << 20)	/* the .docx itself */
#define DOCXIN_MAX_ENTRIES	4096
#define DOCXIN_MAX_PART		(32UL << 20)	/* one XML part, unpacked */
#define DOCXIN_MAX_TOTAL		(128UL << 20)	/* everything read, unpacked */
#define DOCXIN_MAX_RATIO		200		/* unpacked / packed, per entry */

/* a PDF's text and GIF/BMP/TIFF/WebP pictures, through the decode module (impdec.c). */

/* Does data start as a PDF does (%PDF-)? */
int	 impdec_is_pdf(const char *data, size_t len);

/*
 * The PDF's text through the decode module (decode/decode.h, pdfin_read()).
 * Returns 0, or -1 after reporting (the module missing included).
 */
int	 impdec_pdf_text(const char *path, const char *data, size_t len,
	    struct buf *out);

/* "GIF", "BMP", "TIFF" or "WebP" by the picture's first bytes, or NULL. */
const char	*impdec_pic_kind(const char *data, size_t len);

/*
 * The picture as PNG through the decode module (impic_to_png()).  Returns
 * 0, or -1 when it is of none of those kinds, cannot be decoded or the
 * module cannot be loaded (reported once).
 */
int	 impdec_png(const char *data, size_t len, struct buf *png);

/* Can this machine decode a picture of that kind at all (a loader for
 * WebP is a package of its own)? */
int	 impdec_can(const char *data, size_t len);

/* A picture of the document, its bytes as stored. */
struct docxin_pic {
	char	*data;
	size_t	 len;
	char	 ext[8];		/* "png" or "jpg", by its first bytes */
	char	*part;			/* its name in the package, for messages */
};

/*
 * The document as import reads text: one paragraph a line, in UTF-8.
 * Headings are "## "/"### "/"#### " lines (from outline levels, heading
 * styles by name, localized names such as 标题 1, styles they are based
 * on, or a short centred, bold or larger paragraph standing alone), bold
 * runs **…**, a link to a web page or mail address [text](<target>),
 * numbering as the visible label (一、 （一） 1.), a line break
 * within a paragraph a new line (in a heading it vanishes), tables GFM
 * pipe tables (a one-row table, or one with empty rows under its header,
 * is a frame: its cells paragraphs), pictures
 * "![descr](jianbao-pic:N "caption")" with N indexing pics and the caption
 * the paragraph after them (图为…).  A table of contents is dropped.
 * Messages give the line of this text a paragraph became: its number
 * among the document's non-empty paragraphs, table rows counted.
 */
struct docxin {
	struct buf	 text;
	struct docxin_pic	*pics;
	size_t		 npics;
};

/* Is data[0..len) a zip (a .docx) or an OLE container (.doc, .wps, or an
 * encrypted .docx)? */
int	 docxin_is_zip(const char *data, size_t len);
int	 docxin_is_ole(const char *data, size_t len);

/*
 * Read the .docx data[0..len), the file path, into out.  Tracked changes
 * are taken as accepted, comments kept as [//]: # lines, text boxes,
 * footnotes and endnotes as paragraphs (notes at the end), each with a
 * warning; the title and headings as docxhead.c finds them; styles.xml is
 * read through SAX, the other parts as trees.  Every hostile shape (not a zip, no
 * word/document.xml, unsafe entry names, sizes or ratios beyond the caps,
 * a DTD or entity declarations, XML that is not well-formed) is one
 * error naming path; a picture that is no PNG or JPEG becomes a
 * placeholder paragraph (impline_pic_placeholder()) with a warning.  Returns 0, or -1
 * after reporting (out then empty).
 */
int	 docxin_read(const char *path, const char *data, size_t len,
	    struct docxin *out);

/*
 * An OLE file path, data[0..len): password-protected Word is reported as
 * such; a .doc or .wps is converted to .docx in *docx through LibreOffice
 * (soffice --headless) when it is on PATH, with a notice, else reported.
 * Returns 0, or -1 after reporting.
 */
int	 docxin_from_ole(const char *path, const char *data, size_t len,
	    struct buf *docx);

void	 docxin_clear(struct docxin *d);		/* leaves d empty */

/* import's private types: the legacy text as read, its blocks, and the calls between import.c, imptext.c and impbody.c. */

enum ikind {
	I_HEAD,				/* # heading line, kept as written */
	I_PARA,				/* paragraph; lines joined by \n */
	I_LIST,				/* - or 1. list, kept as written */
	I_RAW				/* table or picture, kept as written */
};

struct iblock {
	enum ikind	 kind;
	struct buf	 text;
	int		 line;		/* first input line */
	int		 last;		/* last input line */
	int		 lastcol;	/* column of the last character there */
	int		 kept;		/* unclassified text kept as a paragraph (1),
					   a title to be (2): never joined */
};

struct strs {
	char	**v;
	size_t	  n;
};

/* What the legacy text says, section by section. */
struct legacy {
	const char	*path;
	const struct jb_series *series;	/* names the kinds (刊别) */
	char		**lines;	/* without line ends and trailing blanks */
	size_t		  n;
	int		  linemode;	/* a line is a paragraph (Word, unwrapped text) */
	long		  wrap;		/* text copied from a PDF: its line width, or 0 */
	int		  has_mast;	/* the text starts with a masthead */
	int		  mast_line;	/* its first line */
	int		  into;		/* appended to an issue: front matter stays */
	struct docxin	  docx;		/* a Word file's pictures */
	/* masthead */
	char		*name;
	char		*org;
	char		*classification;
	int		 name_line;
	int		 issue;		/* 0: not found */
	int		 issue_last;	/* a 合刊's last 期号, else issue */
	int		 total;
	int		 total_last;
	const struct jb_kind *kind;	/* a 增刊's line under the 刊名 */
	struct jb_date	 date;		/* year 0: not found */
	/* body */
	struct iblock	*b;
	size_t		 nb;
	struct iblock	*left;		/* unclassified lines of masthead, footer */
	size_t		 nleft;
	/* footer */
	struct strs	 dist[JB_DIST__MAX];
	int		 have_dist;
	struct strs	 roles, names;
	int		 copies;
	struct jb_date	 printed;
	struct buf	 note;		/* 编者按, its paragraphs apart by a blank line */
	int		 in_note;
	int		 printed_line;
	int		 printed_col;	/* where its date stands */
};

enum section { S_MAST, S_TOC, S_BODY, S_FOOT };

/* impline.c: blanks (ASCII, NBSP, 　), skipped and trimmed (s, or s[0..n)); the column
 * (1-based, characters) of p in line. */
int	 impline_space(gunichar c);
const char	*impline_skip_space(const char *p);
char	*impline_trim(const char *s);
char	*impline_trimn(const char *s, size_t n);
int	 impline_col_of(const char *line, const char *p);
/*
 * impline.c: does a line of l from line from on stand for a paragraph (text
 * copied from Word, a short paste: a title and sentences, no blank line)?
 * Sets l->linemode; never clears it.
 */
void	 impline_linemode(struct legacy *l, size_t from);
/* impline.c: t as a line "[//]: # (LABEL：t)", kept in the issue and printed
 * nowhere (its parentheses escaped) -- web furniture, a typed 目录. */
char	*impline_comment(const char *label, const char *t);
/*
 * impline.c: the paragraph that stands for a picture that cannot be printed (no PNG
 * or JPEG, or corrupt), into b: visible, naming the picture part, with
 * its alt text and caption so that no word of them is lost.
 */
void	 impline_pic_placeholder(struct buf *b, const char *part, const char *alt,
	    const char *caption);

/* imptoc.c: a typed 目录 (目录, 本期要目 and the titles it lists) */

/* A 目录's label line (目录, 本期要目); a label or a "- " item line. */
int	 imptoc_label(const char *t);
int	 imptoc_line(const char *t);

/* Is t one of the first items of the 目录 that runs from line from to
 * line to (its label lines aside)?  A 目录 lists the titles that follow;
 * leader dots and page numbers (……3) are no part of them. */
int	 imptoc_repeats(const struct legacy *l, size_t from, size_t to,
	    const char *t);

/* Line i of l, t in it, is a 目录 line: said at its line and column,
 * marked in tocl for imptoc_keep(). */
void	 imptoc_said(const struct legacy *l, char *tocl, size_t i,
	    const char *t);

/* The lines marked in tocl become "[//]: # (手打目录：…)" comments: never
 * lost, printed nowhere, the editions' 要目 being made from the titles. */
void	 imptoc_keep(struct legacy *l, const char *tocl);

/*
 * A 目录 in a text without a masthead: a label line among the first
 * lines, followed by items each of which a later line repeats (a title,
 * leader dots and page number aside); its lines marked in tocl and said.
 */
void	 imptoc_alone(const struct legacy *l, char *tocl);

/* imptext.c */
void	 imptext_strs_free(struct strs *l);
struct jb_pos	 imptext_line_pos(const struct legacy *l, int line);

/* Sort the lines into masthead, 目录, body and footer. */
void	 imptext_sections(struct legacy *l);

/* impweb.c */

/*
 * In a pasted text that shows furniture only a web page has (a
 * breadcrumb, 上一篇/下一篇, [责任编辑：…], a copyright line, 广告), that
 * furniture and the rest of it (来源：, 作者：, 编辑： lines, lone numbers
 * and dates, a menu word on the first line) become "[//]: # (网页杂项：…)"
 * lines in place, listed in one notice.
 */
void	 impweb_furniture(struct legacy *l);

/* A block that is a [//]: # comment line: kept, printed nowhere. */
int	 impbody_comment(const struct iblock *b);

/* impsum.c */

/*
 * What import made of the submissions, as notices: the number of
 * articles and of comment lines, then each article at its title's line
 * with its inner headings, tables and pictures.  d was parsed from text.
 */
void	 impsum_outline(const struct jb_doc *d, const char *text);

/* impbody.c */

/*
 * The level a section number gives a line: 一、 1, （一） 2, 1、 or 1． 3;
 * 0 for none.
 */
int	 impbody_section_level(const char *t);

/*
 * A line that can be a title: one line of at most 30 characters (60 for
 * a 公文 title, 关于……的通知), not a
 * sentence (no 。 or ； in it, no closing comma or colon), not a byline,
 * a credit, a 本报讯 lead, a subtitle or a ★ item.
 */
int	 impbody_title_like(const char *t);

/* A short line above a title: a place (播州区) or one ending in ——. */
int	 impbody_kicker_like(const char *t);
void	 impbody_make_heading(struct iblock *b, const char *marks);
void	 impbody_body(struct legacy *l, size_t from, size_t to);

#endif
