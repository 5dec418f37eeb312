/* pdf.c -- paint laid-out pages into a PDF; the only Cairo code of the program. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "document.h"
#include "fonts.h"
#include "layout.h"
#include "mem.h"
#include "image.h"
#include "msg.h"
#include "outfile.h"
#include "pdf.h"

/* Pictures are decoded once: sized for layout, painted from the cache. */
struct image {
	char		*path;
	cairo_surface_t	*surface;
};

struct images {
	struct image	*v;
	size_t		 n;
};

/*
 * Faces cut down to the glyphs the issue uses, before Cairo sees them.
 * Cairo 1.16 copies and parses a font's whole CFF table to embed a subset
 * of it (several MB for each Fandol face, several times), which cost most
 * of the run; HarfBuzz's subsetter keeps the glyph ids (RETAIN_GIDS), so
 * the glyph strings from layout paint unchanged.
 */
struct face {
	hb_face_t		*src;		/* borrowed from the Pango font */
	hb_set_t		*glyphs;	/* owned */
	hb_blob_t		*blob;		/* owned: the subset font file */
	FT_Face			 ft;		/* owned by cf's user data */
	cairo_font_face_t	*cf;		/* owned */
};

struct sfont {
	PangoFont		*font;		/* borrowed from the layout */
	cairo_scaled_font_t	*sf;		/* owned */
};

struct faces {
	FT_Library		 lib;		/* the process's, see faces_init */
	struct face		*v;
	size_t			 n;
	struct sfont		*s;
	size_t			 ns;
};

static const cairo_user_data_key_t ft_key, blob_key;

static void
done_face(void *p)
{
	FT_Done_Face(p);
}

static struct face *
face_of(struct faces *fc, PangoFont *font)
{
	hb_face_t	*src = hb_font_get_face(pango_font_get_hb_font(font));
	size_t		 i;

	for (i = 0; i < fc->n; i++)
		if (fc->v[i].src == src)
			return &fc->v[i];
	fc->v = xrealloc(fc->v, (fc->n + 1) * sizeof(*fc->v));
	memset(&fc->v[fc->n], 0, sizeof(*fc->v));
	fc->v[fc->n].src = src;
	fc->v[fc->n].glyphs = hb_set_create();
	return &fc->v[fc->n++];
}

/* Collect the glyphs of every face, subset each face once. */
static int
faces_init(struct faces *fc, const struct lay_doc *l, const char *path)
{
	static const char	 drop[][5] = { "GSUB", "GPOS", "GDEF", "BASE",
	    "JSTF", "vhea", "vmtx", "VORG", "kern", "DSIG", "morx" };
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	const char		*data;
	unsigned		 len;
	size_t			 i, j;
	int			 g;

	/*
	 * Cairo keeps recently used faces after the last reference is gone
	 * and lets them go while a later document is painted, so each FT_Face
	 * and the font data it reads must outlive this document: the library
	 * lives as long as the process and the face's user data holds the
	 * data.
	 */
	static FT_Library	 lib;

	memset(fc, 0, sizeof(*fc));
	if (lib == NULL && FT_Init_FreeType(&lib) != 0) {
		msg(MSG_WRITE, NULL, path, "FreeType");
		return -1;
	}
	fc->lib = lib;
	for (i = 0; i < l->npages; i++)
		for (j = 0; j < l->pages[i].nitems; j++) {
			const struct lay_item *it = &l->pages[i].items[j];
			struct face *f;

			if (it->kind != LAY_GLYPHS || it->glyphs == NULL)
				continue;
			f = face_of(fc, it->font);
			for (g = 0; g < it->glyphs->num_glyphs; g++)
				if (!(it->glyphs->glyphs[g].glyph &
				    PANGO_GLYPH_UNKNOWN_FLAG))
					hb_set_add(f->glyphs,
					    it->glyphs->glyphs[g].glyph);
		}
	for (i = 0; i < fc->n; i++) {
		struct face *f = &fc->v[i];

		in = hb_subset_input_create_or_fail();
		hb_set_union(hb_subset_input_glyph_set(in), f->glyphs);
		/* Shaping is done: the PDF needs outlines and metrics only,
		 * and skipping the layout tables skips their glyph closure. */
		for (g = 0; g < (int)(sizeof(drop) / sizeof(drop[0])); g++)
			hb_set_add(hb_subset_input_set(in,
			    HB_SUBSET_SETS_DROP_TABLE_TAG),
			    HB_TAG(drop[g][0], drop[g][1], drop[g][2],
			    drop[g][3]));
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
		    HB_SUBSET_FLAGS_NO_HINTING);
		sub = hb_subset_or_fail(f->src, in);
		hb_subset_input_destroy(in);
		if (sub == NULL) {
			/* Not subsettable here: Cairo embeds the face as it is. */
			f->blob = hb_face_reference_blob(f->src);
		} else {
			f->blob = hb_face_reference_blob(sub);
			hb_face_destroy(sub);
		}
		data = hb_blob_get_data(f->blob, &len);
		if (FT_New_Memory_Face(fc->lib, (const FT_Byte *)data, len,
		    sub == NULL ? (FT_Long)hb_face_get_index(f->src) : 0,
		    &f->ft) != 0) {
			msg(MSG_WRITE, NULL, path, "FreeType");
			return -1;
		}
		f->cf = cairo_ft_font_face_create_for_ft_face(f->ft, 0);
		cairo_font_face_set_user_data(f->cf, &ft_key, f->ft, done_face);
		cairo_font_face_set_user_data(f->cf, &blob_key,
		    hb_blob_reference(f->blob),
		    (cairo_destroy_func_t)hb_blob_destroy);
	}
	return 0;
}

static void
faces_free(struct faces *fc)
{
	size_t	 i;

	for (i = 0; i < fc->ns; i++)
		cairo_scaled_font_destroy(fc->s[i].sf);
	for (i = 0; i < fc->n; i++) {
		if (fc->v[i].cf != NULL)
			cairo_font_face_destroy(fc->v[i].cf);
		else if (fc->v[i].ft != NULL)
			FT_Done_Face(fc->v[i].ft);
		hb_set_destroy(fc->v[i].glyphs);
		hb_blob_destroy(fc->v[i].blob);
	}
	free(fc->v);
	free(fc->s);
}

/* The subset face of font at the size layout measured it. */
static cairo_scaled_font_t *
scaled(struct faces *fc, PangoFont *font)
{
	PangoFontDescription	*fd;
	cairo_font_options_t	*fo;
	cairo_matrix_t		 fm, ctm;
	struct face		*f;
	double			 size;
	size_t			 i;

	for (i = 0; i < fc->ns; i++)
		if (fc->s[i].font == font)
			return fc->s[i].sf;
	f = face_of(fc, font);
	fd = pango_font_describe_with_absolute_size(font);
	size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
	pango_font_description_free(fd);
	cairo_matrix_init_scale(&fm, size, size);
	cairo_matrix_init_identity(&ctm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	fc->s = xrealloc(fc->s, (fc->ns + 1) * sizeof(*fc->s));
	fc->s[fc->ns].font = font;
	fc->s[fc->ns].sf = cairo_scaled_font_create(f->cf, &fm, &ctm, fo);
	cairo_font_options_destroy(fo);
	return fc->s[fc->ns++].sf;
}

/* Glyphs with their characters, so the PDF text can be copied and searched. */
static void
show_glyphs(cairo_t *cr, struct faces *fc, const struct lay_item *it)
{
	const PangoGlyphString	*gs = it->glyphs;
	cairo_glyph_t		*cg;
	cairo_text_cluster_t	*cl;
	double			 x = it->x;
	int			 g, n = 0, nc = 0;

	cg = xcalloc(gs->num_glyphs + 1, sizeof(*cg));
	cl = xcalloc(gs->num_glyphs + 1, sizeof(*cl));
	for (g = 0; g < gs->num_glyphs; g++) {
		const PangoGlyphInfo *gi = &gs->glyphs[g];
		int start = gs->log_clusters[g], end;

		if (g == 0 || start != gs->log_clusters[g - 1]) {
			end = (int)it->len;
			for (int k = g + 1; k < gs->num_glyphs; k++)
				if (gs->log_clusters[k] != start) {
					end = gs->log_clusters[k];
					break;
				}
			cl[nc].num_bytes = end - start;
			cl[nc].num_glyphs = 0;
			nc++;
		}
		if (!(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
		    gi->glyph != PANGO_GLYPH_EMPTY) {
			cg[n].index = gi->glyph;
			cg[n].x = x + (double)gi->geometry.x_offset /
			    PANGO_SCALE;
			cg[n].y = it->y + (double)gi->geometry.y_offset /
			    PANGO_SCALE;
			n++;
			cl[nc - 1].num_glyphs++;
		}
		x += (double)gi->geometry.width / PANGO_SCALE;
	}
	cairo_set_scaled_font(cr, scaled(fc, it->font));
	cairo_show_text_glyphs(cr, it->text, (int)it->len, cg, n, cl, nc, 0);
	free(cg);
	free(cl);
}

/* Cairo reads a PNG from memory through this callback. */
struct membuf {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
read_mem(void *closure, unsigned char *dst, unsigned int n)
{
	struct membuf	*m = closure;

	if (n > m->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(dst, m->p, n);
	m->p += n;
	m->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * A picture as a Cairo surface.  The document was validated, so the file
 * is known whole; image.c reads it and its size.  A JPEG keeps its bytes:
 * they are attached as CAIRO_MIME_TYPE_JPEG so the PDF carries them
 * unchanged (DCTDecode), never re-encoded, and the surface itself stays
 * blank.  A PNG is decoded by Cairo.
 */
static cairo_surface_t *
load_image(const char *path, const struct jb_pos *pos)
{
	struct buf	 b = { 0 };
	struct membuf	 m;
	enum img_kind	 kind;
	unsigned long	 w, h;
	cairo_surface_t	*s;

	if (img_read(path, path, pos, &b, &kind, &w, &h) == -1)
		return NULL;
	if (kind == IMG_JPEG) {
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
			    (unsigned char *)b.data, b.len, free, b.data);
			return s;
		}
	} else {
		m.p = (const unsigned char *)b.data;
		m.left = b.len;
		s = cairo_image_surface_create_from_png_stream(read_mem, &m);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			buf_free(&b);
			return s;
		}
	}
	msg(MSG_IMAGE_BAD, pos, path,
	    cairo_surface_status(s) == CAIRO_STATUS_NO_MEMORY ? "内存不足" :
	    "PNG 数据不完整或已损坏");
	cairo_surface_destroy(s);
	buf_free(&b);
	return NULL;
}

static struct image *
find_image(struct images *im, const char *path)
{
	size_t	 i;

	for (i = 0; i < im->n; i++)
		if (strcmp(im->v[i].path, path) == 0)
			return &im->v[i];
	return NULL;
}

/* lay_metrics.image_size: decode (once) and give the size in pixels. */
static int
image_size(void *arg, const char *path, const struct jb_pos *pos, double *w,
    double *h)
{
	struct images	*im = arg;
	struct image	*img;
	cairo_surface_t	*s;

	if ((img = find_image(im, path)) == NULL) {
		if ((s = load_image(path, pos)) == NULL)
			return -1;
		im->v = xrealloc(im->v, (im->n + 1) * sizeof(*im->v));
		img = &im->v[im->n++];
		img->path = xstrdup(path);
		img->surface = s;
	}
	*w = cairo_image_surface_get_width(img->surface);
	*h = cairo_image_surface_get_height(img->surface);
	return 0;
}

static void
images_free(struct images *im)
{
	size_t	 i;

	for (i = 0; i < im->n; i++) {
		cairo_surface_destroy(im->v[i].surface);
		free(im->v[i].path);
	}
	free(im->v);
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	FILE	*fp = closure;

	return fwrite(data, 1, len, fp) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

static void
set_color(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0,
	    ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
}

static void
paint_item(cairo_t *cr, const struct lay_item *it, struct images *im,
    struct faces *fc)
{
	char		 attr[256];
	struct image	*img;

	switch (it->kind) {
	case LAY_GLYPHS:
		if (it->glyphs == NULL)
			break;
		set_color(cr, it->color);
		show_glyphs(cr, fc, it);
		break;
	case LAY_RULE:
		set_color(cr, it->color);
		cairo_rectangle(cr, it->x, it->y - it->h / 2, it->w, it->h);
		cairo_fill(cr);
		break;
	case LAY_FRAME:
		set_color(cr, 0);
		cairo_set_line_width(cr, 0.75);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_stroke(cr);
		break;
	case LAY_IMAGE:
		if ((img = find_image(im, it->text)) == NULL)
			break;
		cairo_save(cr);
		cairo_translate(cr, it->x, it->y);
		cairo_scale(cr, it->w /
		    cairo_image_surface_get_width(img->surface), it->h /
		    cairo_image_surface_get_height(img->surface));
		cairo_set_source_surface(cr, img->surface, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		break;
	case LAY_LINK:
		snprintf(attr, sizeof(attr), "rect=[%.2f %.2f %.2f %.2f] "
		    "dest='%s'", it->x, it->y, it->w, it->h, it->text);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		break;
	case LAY_DEST:
		snprintf(attr, sizeof(attr), "name='%s' x=%.2f y=%.2f",
		    it->text, it->x, it->y);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		break;
	}
}

/* "2019-08-30T00:00:00" from a date, or from SOURCE_DATE_EPOCH. */
static void
iso_date(char *s, size_t n, const struct jb_date *dt)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	time_t		 t;
	struct tm	 tm;

	if (dt == NULL && sde != NULL) {
		t = (time_t)strtoll(sde, &end, 10);
		if (*end == '\0' && gmtime_r(&t, &tm) != NULL) {
			strftime(s, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
			return;
		}
	}
	if (dt == NULL)
		snprintf(s, n, "1970-01-01T00:00:00Z");
	else
		snprintf(s, n, "%04d-%02d-%02dT00:00:00", dt->year,
		    dt->month, dt->day);
}

static int
paint(const struct jb_doc *d, const struct lay_doc *l, struct images *im,
    FILE *fp, const char *path)
{
	cairo_surface_t	*sf;
	cairo_t		*cr;
	cairo_status_t	 st;
	struct faces	 fc;
	char		*title, date[64], attr[64];
	size_t		 i, j;
	int		 rc = -1;

	if (faces_init(&fc, l, path) == -1) {
		faces_free(&fc);
		return -1;
	}
	sf = cairo_pdf_surface_create_for_stream(write_cb, fp, LAY_PAGE_W,
	    LAY_PAGE_H);
	title = arena_printf(l->arena, "%s %d年%s", d->series->name,
	    d->meta.date.year, doc_issue_label(d));
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_AUTHOR,
	    d->meta.org);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "jianbao");
	iso_date(date, sizeof(date), &d->meta.date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	if (getenv("SOURCE_DATE_EPOCH") != NULL) {
		iso_date(date, sizeof(date), NULL);
		cairo_pdf_surface_set_metadata(sf,
		    CAIRO_PDF_METADATA_MOD_DATE, date);
	}
	cr = cairo_create(sf);
	for (i = 0; i < l->npages; i++) {
		for (j = 0; j < l->pages[i].nitems; j++)
			paint_item(cr, &l->pages[i].items[j], im, &fc);
		cairo_show_page(cr);
	}
	for (i = 0; i < l->nmarks; i++) {
		snprintf(attr, sizeof(attr), "dest='%s'", l->marks[i].dest);
		cairo_pdf_surface_add_outline(sf, CAIRO_PDF_OUTLINE_ROOT,
		    l->marks[i].title, attr, 0);
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		msg(MSG_WRITE, &d->src, path, cairo_status_to_string(st));
		goto out;
	}
	rc = 0;
out:
	faces_free(&fc);
	return rc;
}

static struct lay_doc *
build(const struct jb_doc *d, const struct pdf_opts *o, struct font_set **fs,
    struct images *im)
{
	struct lay_metrics	 m;
	struct lay_opts		 lo;

	memset(&m, 0, sizeof(m));
	memset(&lo, 0, sizeof(lo));
	lo.even = o != NULL && o->even;
	*fs = NULL;
	if (o == NULL || !o->fixed) {
		if ((*fs = font_new(d->series, d->meta.lang,
		    o ? o->fontdir : NULL)) == NULL)
			return NULL;
	}
	m.fonts = *fs;
	m.image_size = image_size;
	m.arg = im;
	return lay_build(d, &m, &lo);
}

int
pdf_write_issue(const struct jb_doc *d, const char *path,
    const struct pdf_opts *o)
{
	struct font_set	*fs = NULL;
	struct images	 im = { 0 };
	struct lay_doc	*l;
	struct outfile	*of = NULL;
	int		 rc = -1;

	if ((l = build(d, o, &fs, &im)) == NULL)
		goto out;
	if ((of = outfile_open(path)) == NULL)
		goto out;
	if (paint(d, l, &im, outfile_fp(of), path) == -1) {
		outfile_abort(of);
		goto out;
	}
	if (outfile_commit(of) == -1)
		goto out;
	rc = 0;
out:
	lay_free(l);
	images_free(&im);
	font_free(fs);
	return rc;
}

int
pdf_dump_layout(const struct jb_doc *d, const struct pdf_opts *o, FILE *fp)
{
	struct font_set	*fs = NULL;
	struct images	 im = { 0 };
	struct lay_doc	*l;
	int		 rc = -1;

	if ((l = build(d, o, &fs, &im)) == NULL)
		goto out;
	lay_dump(l, fp);
	rc = 0;
out:
	lay_free(l);
	images_free(&im);
	font_free(fs);
	return rc;
}

int
pdf_list_fonts(const struct jb_series *s, const char *fontdir, FILE *fp)
{
	struct font_set	*fs;

	if ((fs = font_new(s, s->lang, fontdir)) == NULL)
		return -1;
	font_list(fs, fp);
	font_free(fs);
	return 0;
}
