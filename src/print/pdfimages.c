/* pdfimages.c -- the pictures of an issue decoded once: sized for layout, painted from the same surfaces, JPEG bytes kept for the PDF. */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "model/model.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/pdf_int.h"
#include "print/paint_int.h"

/* Pictures are decoded once: sized for layout, painted from the cache. */
struct image {
	char		*path;
	cairo_surface_t	*surface;
	struct stat	 st;		/* the file it was decoded from */
	int		 asked;		/* since the last sweep */
};

struct pdf_images {
	struct image	*v;
	size_t		 n;
};


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
find_image(struct pdf_images *im, const char *path)
{
	size_t	 i;

	for (i = 0; i < im->n; i++)
		if (strcmp(im->v[i].path, path) == 0)
			return &im->v[i];
	return NULL;
}

struct pdf_images *
pdf_images_new(void)
{
	return xcalloc(1, sizeof(struct pdf_images));
}

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static void
drop_image(struct pdf_images *im, size_t i)
{
	cairo_surface_destroy(im->v[i].surface);
	free(im->v[i].path);
	im->v[i] = im->v[--im->n];
}

/* lay_metrics.image_size: decode (once) and give the size in pixels. */
int
pdf_image_size(void *arg, const char *path, const struct jb_pos *pos,
    double *w, double *h)
{
	struct pdf_images	*im = arg;
	struct image		*img;
	cairo_surface_t		*s;
	struct stat		 st;

	/* a picture kept from an earlier issue is decoded again if its
	 * file changed since */
	memset(&st, 0, sizeof(st));
	if (stat(path, &st) == -1)
		memset(&st, 0, sizeof(st));
	if ((img = find_image(im, path)) != NULL &&
	    !same_file(&img->st, &st)) {
		drop_image(im, (size_t)(img - im->v));
		img = NULL;
	}
	if (img == NULL) {
		if ((s = load_image(path, pos)) == NULL)
			return -1;
		im->v = xrealloc(im->v, (im->n + 1) * sizeof(*im->v));
		img = &im->v[im->n++];
		img->path = xstrdup(path);
		img->surface = s;
		img->st = st;
	}
	img->asked = 1;
	*w = cairo_image_surface_get_width(img->surface);
	*h = cairo_image_surface_get_height(img->surface);
	return 0;
}

void
pdf_images_sweep(struct pdf_images *im)
{
	size_t	 i;

	for (i = im->n; i-- > 0;)
		if (!im->v[i].asked)
			drop_image(im, i);
		else
			im->v[i].asked = 0;
}

void
pdf_images_free(struct pdf_images *im)
{
	if (im == NULL)
		return;
	while (im->n > 0)
		drop_image(im, im->n - 1);
	free(im->v);
	free(im);
}

cairo_surface_t *
pdf_images_surface(struct pdf_images *im, const char *path)
{
	struct image	*img = find_image(im, path);

	return img != NULL ? img->surface : NULL;
}

/*
 * A JPEG's surface is blank for the PDF, which carries the JPEG's own
 * bytes; an image needs its pixels: a decoded surface replaces it.
 */
int
pdf_images_decode_jpegs(struct pdf_images *im)
{
	const unsigned char	*data;
	unsigned long		 len;
	cairo_surface_t		*px;
	size_t			 i;
	int			 w, h;

	for (i = 0; i < im->n; i++) {
		cairo_surface_get_mime_data(im->v[i].surface,
		    CAIRO_MIME_TYPE_JPEG, &data, &len);
		if (data == NULL)
			continue;
		w = cairo_image_surface_get_width(im->v[i].surface);
		h = cairo_image_surface_get_height(im->v[i].surface);
		px = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		cairo_surface_flush(px);
		if (cairo_surface_status(px) != CAIRO_STATUS_SUCCESS ||
		    img_decode_jpeg(data, len, im->v[i].path, NULL,
		    cairo_image_surface_get_data(px),
		    (size_t)cairo_image_surface_get_stride(px),
		    (unsigned long)w, (unsigned long)h) == -1) {
			cairo_surface_destroy(px);
			return -1;
		}
		cairo_surface_mark_dirty(px);
		/* the pixels take the place of the bytes for the PDF */
		cairo_surface_destroy(im->v[i].surface);
		im->v[i].surface = px;
	}
	return 0;
}
