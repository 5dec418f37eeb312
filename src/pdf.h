/* pdf.h -- the print edition: paint a laid-out issue into a PDF with Cairo. */
#ifndef JIANBAO_PDF_H
#define JIANBAO_PDF_H

#include <stdio.h>

#include "jianbao.h"

struct pdf_opts {
	const char	*fontdir;	/* the project's fonts/ folder, or NULL */
	int		 even;		/* pad to an even page count */
	int		 fixed;		/* pdf_dump_layout: fixed-width metrics */
};

/*
 * A press prints many issues in one process: the font sets (one per
 * language, made on first use), their fontconfig configuration, the Pango
 * font map and the role to font table are made once and reused, and so
 * are the caches Cairo and HarfBuzz keep on those fonts.  What an issue
 * needs for itself (its layout, its pictures, its font subsets) is freed
 * after the issue.  The press copies o; the series passed to
 * pdf_press_write() must stay the same for the press's life.
 * pdf_press_new() never fails: a font problem is reported by the first
 * write that needs the fonts (and by each later one).
 */
struct pdf_press;

struct pdf_press	*pdf_press_new(const struct pdf_opts *o);
void			 pdf_press_free(struct pdf_press *p);	/* NULL: no-op */

/*
 * Set d with the engine of layout.h (fonts resolved by fonts.h) and write
 * the PDF to path through outfile.h: A4 pages, fonts subset and embedded,
 * one bookmark per article, 本期要目 entries linked to their articles,
 * metadata title "刊名 YYYY年第N期", author the 编印单位, creation date the
 * issue date (modification date SOURCE_DATE_EPOCH when set), so that a
 * rebuild gives the same bytes, and the bytes do not depend on which
 * issues the press printed before.  PNG pictures are decoded by Cairo;
 * JPEG pictures are embedded as they are.  Returns 0, or -1 after
 * reporting; on failure an existing file at path is left untouched.
 */
int	 pdf_press_write(struct pdf_press *p, const struct jb_doc *d,
	    const char *path);

/* pdf_press_write() with a press for this one issue. */
int	 pdf_write_issue(const struct jb_doc *d, const char *path,
	    const struct pdf_opts *o);

/*
 * Lay d out as pdf_write_issue() would (or with fixed-width metrics if
 * o->fixed) and write the text dump of layout.h to fp, for golden tests and
 * `jianbao layout`.  Returns 0, or -1 after reporting.
 */
int	 pdf_dump_layout(const struct jb_doc *d, const struct pdf_opts *o,
	    FILE *fp);

/* Print which font file serves each role for d's series and language. */
int	 pdf_list_fonts(const struct jb_series *s, const char *fontdir,
	    FILE *fp);

#endif
