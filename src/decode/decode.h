/* decode.h -- the readers of import that need large libraries, built as their own module: a PDF's text (poppler-glib), pictures made PNG (gdk-pixbuf). */
#ifndef JIANBAO_DECODE_DECODE_H
#define JIANBAO_DECODE_DECODE_H

#include <stddef.h>

#include "util/util.h"

/* Caps beside the file size cap of import (DOCXIN_MAX_FILE). */
#define PDFIN_MAX_PAGES		500
#define PDFIN_MAX_SECONDS	60

/*
 * Put the text of the PDF data[0..len) into out as a copy from the PDF
 * would give it: its lines in reading order, page after page, without
 * blank lines; page numbers and lines repeated at the head or foot of
 * the pages are left out, each said in a notice.  A PDF without a text
 * layer (a scan), one that needs a password, is broken or beyond the caps
 * is reported at path:1:1.  Returns 0, or -1 after reporting (out empty).
 */
int	 pdfin_read(const char *path, const char *data, size_t len,
	    struct buf *out);

/*
 * Put the picture data[0..len) into png as a PNG, decoded by gdk-pixbuf's
 * loader type ("gif", "bmp", "tiff" or "webp"); a picture whose header
 * says it is beyond IMG_MAX_PIXELS is not decoded.  Returns 0, or -1 when
 * it cannot be decoded (png untouched).
 */
int	 impic_to_png(const char *type, const char *data, size_t len,
	    struct buf *png);

/*
 * Is gdk-pixbuf's loader for type installed here?  WebP's is a package
 * of its own (webp-pixbuf-loader): without it a WebP picture cannot be
 * decoded however sound it is, and the warning says so.
 */
int	 impic_can(const char *type);

/*
 * Poppler brings some forty libraries (NSS, lcms, OpenJPEG…): loading
 * them took 7 ms of every import.  Built as DECODE_MODULE, they are loaded
 * only when a PDF or such a picture comes; import calls them through the
 * table DECODE_TABLE names.
 */
#define DECODE_MODULE	"jianbao-decode.so"
#define DECODE_FUNCS(F) \
	F(pdfin_read) \
	F(impic_to_png) \
	F(impic_can)

struct dec_table {
#define DECODE_MEMBER(name)	__typeof__(name) *name;
	DECODE_FUNCS(DECODE_MEMBER)
#undef DECODE_MEMBER
};

/* The one symbol the module exports, defined in pdfin.c. */
#define DECODE_TABLE	"dec_table"
extern const struct dec_table dec_table;

#endif
