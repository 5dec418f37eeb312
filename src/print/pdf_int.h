/* pdf_int.h -- the painters the print module's front calls: the PDF, the phone image, and the faces and pictures they draw from. */
#ifndef JIANBAO_PRINT_PDF_INT_H
#define JIANBAO_PRINT_PDF_INT_H

#include <stdio.h>

#include "model/model.h"

struct lay_doc;

/*
 * The pictures of one issue, decoded once: layout asks for their size
 * through pdf_image_size() and the painter draws them from the same
 * surfaces.  PNG pictures are decoded by Cairo; JPEG pictures keep their
 * bytes and are embedded as they are.  pdf_images_new() never fails; the
 * caller frees the cache with pdf_images_free() (NULL: no-op) after
 * painting, or keeps it for the next issues: a picture whose file changed
 * is then decoded again, and pdf_images_sweep() lets go of those no layout
 * asked for since the sweep before.
 */
struct pdf_images;

struct pdf_images	*pdf_images_new(void);
void			 pdf_images_sweep(struct pdf_images *im);
void			 pdf_images_free(struct pdf_images *im);

/*
 * lay_metrics.image_size (layout.h), arg the struct pdf_images to fill:
 * read and decode the picture at path on first use and give its size in
 * pixels.  Returns 0, or -1 after reporting at pos (MSG_IMAGE_BAD, or
 * the reading error of image.h).
 */
int	 pdf_image_size(void *arg, const char *path, const struct jb_pos *pos,
	    double *w, double *h);

/*
 * Faces kept between paints, for a process that prints the same issues
 * again and again (jianbao serve): each face's cut, its FreeType and Cairo
 * faces and the glyph outlines Cairo loaded, so that a paint cuts a face
 * again only when it draws a glyph the cut lacks.  A PDF painted with
 * kept faces has the same bytes as one painted without.  The faces must
 * belong to one Pango font map, which must outlive the struct.
 * pdf_fonts_new() never fails; with keep 0 the faces are for one paint
 * only (the painters' own); pdf_fonts_free(NULL) is a no-op.
 */
struct pdf_fonts;

struct pdf_fonts	*pdf_fonts_new(int keep);
void			 pdf_fonts_free(struct pdf_fonts *fc);

/*
 * Paint the pages of l, laid out from d, as a PDF written to fp: A4
 * pages, the faces cut down to the glyphs drawn and embedded, each run's
 * characters attached so the text can be copied and searched, one
 * bookmark per lay_mark, LAY_LINK areas linked to their LAY_DEST names,
 * metadata title "刊名 YYYY年第N期", author the 编印单位, creation date the
 * issue date (modification date SOURCE_DATE_EPOCH when set), so that the
 * bytes depend on d and l only; Cairo's file is finished by pdf_finish()
 * (below), as PDF/A-2b when the series asks for it.  Pictures are drawn from im, which layout
 * filled.  path names the output in diagnostics.  Returns 0, or -1 after
 * reporting; what was written to fp is then to be thrown away.
 * With kept NULL the faces are cut for this paint and freed after it;
 * with a struct pdf_fonts they are kept there for the next paints.
 */
int	 pdf_paint(const struct jb_doc *d, const struct lay_doc *l,
	    struct pdf_images *im, struct pdf_fonts *kept, FILE *fp,
	    const char *path);

/*
 * pdffinish.c: what the PDF says about itself, and the finishing of
 * Cairo's len bytes at in into the file written to fp: libqpdf reads them
 * and writes them again, sound (Cairo 1.16's cross-reference table is
 * not), with an /ID computed from the contents, this information
 * dictionary, printable links, no empty page transparency groups, and
 * with pdfa the PDF/A-2b claim (XMP metadata with the same entries, an
 * sRGB output intent from icc-profiles-free).  Dates are ISO 8601 as in
 * XMP ("2026-01-16T00:00:00", a Z for UTC); modified may be NULL.
 * Returns 0, or -1 after reporting at src (path names the output).
 */
struct pdf_info {
	const char	*title;
	const char	*author;
	const char	*creator;
	const char	*created;
	const char	*modified;
	const char	*lang;		/* the catalogue's /Lang, or NULL */
};

int	 pdf_finish(const unsigned char *in, size_t len,
	    const struct pdf_info *info, int pdfa, FILE *fp,
	    const struct jb_pos *src, const char *path);

/*
 * phone.c, the phone image: the pages of l, laid out on a phone grid (layout.h)
 * page_w pt wide, painted width px wide on Cairo image
 * surfaces, one under the other, and cut into slices no taller than
 * max px.  A slice ends in a gap between lines, never through a line or
 * a picture: at the widest gap (a block boundary) in the last third of
 * its height, or else at the last gap.  phone_new() returns NULL
 * after reporting (path names the output); phone_slices() says how
 * many slices there are; phone_write() paints slice i (from 0) and
 * writes it to fp as PNG, or with jpeg set as JPEG (image.h), the same
 * bytes for the same layout, and returns 0, or -1 after reporting.
 */
struct phone;

struct phone	*phone_new(const struct lay_doc *l,
			    struct pdf_images *im, double page_w, int width,
			    int max, const char *path);
int			 phone_slices(const struct phone *ph);
int			 phone_write(struct phone *ph, int i, FILE *fp,
			    int jpeg, const char *path);
void			 phone_free(struct phone *ph);	/* NULL: no-op */

#endif
