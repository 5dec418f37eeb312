/* ofd_int.h -- paint laid-out pages as an OFD package (GB/T 33190-2016), the print module's second painter. */
#ifndef JIANBAO_PRINT_OFD_INT_H
#define JIANBAO_PRINT_OFD_INT_H

#include <stdio.h>

#include <hb.h>
#include <hb-subset.h>
#include <libxml/xmlwriter.h>

#include "model/model.h"
#include "util/util.h"

struct lay_doc;
struct _PangoFont;

/*
 * Paint the pages of l, laid out from d, as an OFD package written to
 * fp: the same pages, runs, rules, frames and pictures the PDF painter
 * paints, at the same places (mm from the page's top-left corner), each
 * glyph run a TextObject whose TextCode holds the run's characters with
 * every character's advance (DeltaX) and whose CGTransform elements
 * name the glyphs drawn in the embedded subset of its face; JPEG and PNG
 * pictures as their own bytes; one outline entry per lay_mark; DocInfo
 * with a DocID made from the issue, dates from the issue and
 * SOURCE_DATE_EPOCH, and 刊名, 期号 and 总期号 as custom data, so the
 * bytes depend on d and l only.  With archive set the package says it
 * is OFD-A (GB/T 42133-2022).  path names the output in diagnostics.
 * Returns 0, or -1 after reporting; what was written to fp is then to
 * be thrown away.
 */
int	 ofd_paint(const struct jb_doc *d, const struct lay_doc *l, int archive,
	    FILE *fp, const char *path);

/* ---- shared by ofd.c (the pages) and ofd_pkg.c (the package) ---- */

#define OFD_NS	"http://www.ofdspec.org/2016"

/* pt, the layout's unit, to mm, OFD's */
#define OFD_MM(pt)	((pt) * 25.4 / 72)

/* A face the pages draw with, and its embedded cut. */
struct ofd_face {
	hb_face_t		*src;		/* borrowed from the Pango font */
	hb_font_t		*hf;		/* borrowed: for the cmap */
	hb_set_t		*glyphs;	/* owned: drawn */
	hb_set_t		*chars;		/* owned: their characters */
	hb_set_t		*nominal;	/* owned: the chars' own glyphs */
	hb_subset_plan_t	*plan;		/* owned; NULL: not cut */
	hb_blob_t		*blob;		/* owned: the font file */
	int			 cjk;		/* has Han characters */
	int			 glyf;		/* OFD-A: TrueType outlines */
	int			 unglyfed;	/* they could not be made */
	unsigned		 n;		/* file number: Res/font_N.otf */
};

/* A Font resource: a face and the office family it stands for. */
struct ofd_font {
	struct ofd_face		*face;		/* borrowed */
	const char		*family;	/* 仿宋, 黑体 ... */
	unsigned		 id;
};

/* A MultiMedia resource: a picture's own bytes. */
struct ofd_image {
	const char		*path;		/* borrowed from the layout */
	struct buf		 data;		/* owned */
	enum img_kind		 kind;
	unsigned		 id;
};

struct ofd {
	const struct jb_doc	*d;
	const struct lay_doc	*l;
	const char		*path;
	int			 archive;
	unsigned		 ids;		/* the last ID given */
	unsigned		 cs;		/* the RGB colour space */
	struct ofd_face		**faces;
	size_t			 nfaces;
	struct ofd_font		*fonts;
	size_t			 nfonts;
	struct ofd_image	*images;
	size_t			 nimages;
	unsigned		*page_ids;	/* by page */
	xmlBufferPtr		*pages;		/* Content.xml by page */
	xmlBufferPtr		*annots;	/* Annotation.xml by page, or NULL */
};

/* Cut every face to what the pages draw.  Returns 0, or -1 after reporting. */
int	 ofd_pkg_cut(struct ofd *o);

/* A drawn glyph's number in the face's cut. */
unsigned ofd_pkg_glyph(const struct ofd_face *f, unsigned g);

/* Write the package: OFD.xml, the document, its resources, the pages
 * and the files.  Returns 0, or -1 after reporting. */
int	 ofd_pkg_write(struct ofd *o, FILE *fp);

/*
 * Write the Actions of a click that goes to the LAY_DEST named name (an
 * article's start): the page and the point.  Writes nothing when the
 * layout has no such destination.
 */
void	 ofd_pkg_goto(const struct ofd *o, xmlTextWriterPtr w, const char *name);

/* A number in mm (or any unit) as OFD writes it: at most 4 decimals,
 * no trailing zeros. */
void	 ofd_pkg_num(char *s, size_t n, double v);

#endif
