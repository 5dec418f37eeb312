/* docxin.h -- a submitted Word file (.docx) read into import's text: paragraphs, headings, numbering, tables, pictures. */
#ifndef JIANBAO_DOCXIN_H
#define JIANBAO_DOCXIN_H

#include <stddef.h>

#include "mem.h"

/* Caps that keep a hostile file from taking time or memory. */
#define DOCXIN_MAX_FILE		(64UL << 20)	/* the .docx itself */
#define DOCXIN_MAX_ENTRIES	4096
#define DOCXIN_MAX_PART		(32UL << 20)	/* one XML part, unpacked */
#define DOCXIN_MAX_TOTAL		(128UL << 20)	/* everything read, unpacked */
#define DOCXIN_MAX_RATIO		200		/* unpacked / packed, per entry */

/* A picture of the document, its bytes as stored. */
struct docxin_pic {
	char	*data;
	size_t	 len;
	char	 ext[8];		/* "png" or "jpg", by its first bytes */
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
 * are taken as accepted, comments, text boxes and footnotes kept as
 * paragraphs (footnotes at the end), each with a warning; styles.xml is
 * read through SAX, the other parts as trees.  Every hostile shape (not a zip, no
 * word/document.xml, unsafe entry names, sizes or ratios beyond the caps,
 * a DTD or entity declarations, XML that is not well-formed, a picture
 * that is no PNG or JPEG) is one error naming path.  Returns 0, or -1
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

#endif
