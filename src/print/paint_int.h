/* paint_int.h -- what the print module's painters share: faces, pictures and items drawn on a Cairo context; only painters include it. */
#ifndef JIANBAO_PRINT_PAINT_INT_H
#define JIANBAO_PRINT_PAINT_INT_H

#include <cairo.h>

struct lay_doc;
struct lay_item;
struct pdf_fonts;
struct pdf_images;

/*
 * pdffonts.c.  pdf_fonts_begin() readies fc for a paint of l: each face
 * the items use, cut down to the glyphs they draw unless a kept cut holds
 * them (path names the output in diagnostics); returns 0, or -1 after
 * reporting.  pdf_fonts_warm() loads, on a second thread, the outlines
 * Cairo will ask for; pdf_fonts_end() waits for it at the end of the
 * paint.  pdf_fonts_show() draws a LAY_GLYPHS item with its characters
 * attached, so the text can be copied and searched.
 */
int	 pdf_fonts_begin(struct pdf_fonts *fc, const struct lay_doc *l,
	    const char *path);
void	 pdf_fonts_warm(struct pdf_fonts *fc);
void	 pdf_fonts_end(struct pdf_fonts *fc);
void	 pdf_fonts_show(cairo_t *cr, struct pdf_fonts *fc,
	    const struct lay_item *it);

/*
 * pdfimages.c.  pdf_images_surface() is the decoded picture at path, or
 * NULL when layout never asked for it.  pdf_images_decode_jpegs() gives
 * every JPEG its pixels (the PDF carries a JPEG's bytes and leaves its
 * surface blank; an image surface needs the pixels); returns 0, or -1
 * after reporting.
 */
cairo_surface_t	*pdf_images_surface(struct pdf_images *im, const char *path);
int		 pdf_images_decode_jpegs(struct pdf_images *im);

/* pdf.c: item it drawn on cr, its pictures from im, its glyphs from fc;
 * pdf_write_cb() the Cairo write callback into the FILE * closure. */
void	 pdf_paint_item(cairo_t *cr, const struct lay_item *it,
	    struct pdf_images *im, struct pdf_fonts *fc);
cairo_status_t	 pdf_write_cb(void *closure, const unsigned char *data,
		    unsigned int len);

#endif
