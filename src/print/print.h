/* print.h -- the print module's front: what the program may call in it (layout, PDF, phone image). */
#ifndef JIANBAO_PRINT_PRINT_H
#define JIANBAO_PRINT_PRINT_H

#include <stdio.h>

#include "model/model.h"

/*
 * This is all the program sees of the print stage, and it sees it only
 * through the table below, which press_load() (press.h) finds in the
 * module.  Behind it the module's rooms, each seen only by the module:
 * fonts.h (font roles and the Pango context), layout.h (the pages) and
 * pdf.h (the painter).  Building an issue is layout, then painting.
 */

struct pmod_opts {
	const char	*fontdir;	/* the project's fonts/ folder, or NULL */
	int		 even;		/* pad to an even page count */
	int		 fixed;		/* pmod_dump_layout: fixed-width metrics */
	int		 phone;		/* pmod_dump_layout: the phone image's */
	int		 resident;	/* the same issues again and again:
					   keep faces and pictures (pdf.h) */
};

/*
 * A press prints many issues in one process: the font sets (one per
 * language, made on first use), their fontconfig configuration, the Pango
 * font map and the role to font table are made once and reused, and so
 * are the caches Cairo and HarfBuzz keep on those fonts.  What an issue
 * needs for itself (its layout, its pictures, its font subsets) is freed
 * after the issue, unless o->resident asks to keep the font subsets and
 * the decoded pictures as well (pdf.h: the same bytes, less work).  The press copies o; the series passed to
 * pmod_write() must stay the same for the press's life.
 * pmod_new() never fails: a font problem is reported by the first
 * write that needs the fonts (and by each later one).
 */
struct pmod_press;

struct pmod_press	*pmod_new(const struct pmod_opts *o);
void			 pmod_free(struct pmod_press *p);	/* NULL: no-op */

/*
 * What pmod_write() writes: the print edition as a PDF, as an OFD, or
 * both from the one layout.
 */
struct pmod_out {
	const char	*pdf;		/* the PDF's path, or NULL */
	const char	*ofd;		/* the OFD's path, or NULL */
	int		 ofd_a;		/* the OFD as OFD-A (GB/T 42133) */
};

/*
 * Set d with the engine of layout.h (fonts resolved by fonts.h), paint it
 * with pdf.h and write the PDF to out->pdf through outfile.h: A4 pages, fonts
 * subset and embedded, one bookmark per article, 本期要目 entries linked
 * to their articles, metadata title "刊名 YYYY年第N期", author the 编印单位,
 * creation date the issue date (modification date SOURCE_DATE_EPOCH when
 * set), so that a rebuild gives the same bytes, and the bytes do not
 * depend on which issues the press printed before.  PNG pictures are
 * decoded by Cairo; JPEG pictures are embedded as they are.  The same
 * pages painted by ofd_int.h go to out->ofd: the OFD edition, for
 * exchange and archives.  Returns 0, or -1 after reporting; on failure
 * an existing file at either path is left untouched (a PDF written
 * before the OFD failed stays).
 */
int	 pmod_write(struct pmod_press *p, const struct jb_doc *d,
	    const struct pmod_out *out);

/*
 * The phone image of d: the same layout at a phone's measure (PMOD_PHONE_
 * CHARS characters a line, the print body size) on one long page, with
 * the 报尾 under the text and no page numbers, painted PMOD_PHONE_WIDTH px
 * wide and written as stem.png (stem.jpg with jpeg set), or, taller than
 * PMOD_PHONE_MAX px, cut between lines into stem-1.png, stem-2.png …;
 * slices of an earlier image of the issue, in the same format, that this
 * one does not have are removed.  The same
 * bytes for the same issue.  Warnings of the narrow layout are not
 * reported (the print edition's are the ones that count); errors are.
 * Returns the number of files written, or -1 after reporting, the old
 * images left as they were.
 */
#define PMOD_PHONE_WIDTH	1080
#define PMOD_PHONE_MAX		16000
#define PMOD_PHONE_CHARS	17

int	 pmod_write_phone(struct pmod_press *p, const struct jb_doc *d,
	    const char *stem, int jpeg);

/*
 * Lay d out as pmod_write() would (or with fixed-width metrics if
 * o->fixed; as pmod_write_phone() would, its warnings unreported, if
 * o->phone) and write the text dump of layout.h to fp, for golden tests
 * and `jianbao layout`.  Returns 0, or -1 after reporting.
 */
int	 pmod_dump_layout(const struct jb_doc *d, const struct pmod_opts *o,
	    FILE *fp);

/* Print which font file serves each role for series s and its language. */
int	 pmod_list_fonts(const struct jb_series *s, const char *fontdir,
	    FILE *fp);

/*
 * PMOD_FUNCS lists the functions above that the module serves: adding one
 * is one F(name) line here.  The program calls them through the table,
 * e.g. press_load()->pmod_write(p, d, path).
 */
#define PMOD_FUNCS(F) \
	F(pmod_new) \
	F(pmod_free) \
	F(pmod_write) \
	F(pmod_write_phone) \
	F(pmod_dump_layout) \
	F(pmod_list_fonts)

struct pmod_table {
#define PMOD_MEMBER(name)	__typeof__(name) *name;
	PMOD_FUNCS(PMOD_MEMBER)
#undef PMOD_MEMBER
};

/* The one symbol the module exports, defined in pressmod.c. */
#define PMOD_TABLE	"pmod_table"
extern const struct pmod_table pmod_table;

#endif
