/* impic.c -- a Word file's GIF, BMP, TIFF or WebP picture turned into a PNG the editions print, through gdk-pixbuf. */
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "decode/decode.h"
#include "model/model.h"
#include "util/util.h"

static unsigned long
le(const unsigned char *p, int n)
{
	unsigned long	v = 0;

	while (n-- > 0)
		v = v << 8 | p[n];
	return v;
}

static unsigned long
be(const unsigned char *p, int n)
{
	unsigned long	v = 0;
	int		i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/*
 * The pixels the picture says it has, from its header, or 0 when the
 * header is not there.  The GIF loader allocates its whole canvas before
 * any size callback could stop it, so the cap is checked on these fields
 * first: a guard, not a decoder (gdk-pixbuf reads the picture).
 */
static unsigned long
pixels(const char *type, const unsigned char *d, size_t n)
{
	unsigned long	 w = 0, h = 0, off, cnt, tag, typ, v, i;
	int		 big;

	if (strcmp(type, "gif") == 0 && n >= 10) {
		w = le(d + 6, 2);
		h = le(d + 8, 2);
	} else if (strcmp(type, "bmp") == 0 && n >= 26) {
		if (le(d + 14, 4) == 12) {
			w = le(d + 18, 2);
			h = le(d + 20, 2);
		} else {
			w = le(d + 18, 4);
			h = le(d + 22, 4);
			w = w & 0x80000000UL ? 0x100000000UL - w : w;
			h = h & 0x80000000UL ? 0x100000000UL - h : h;
		}
	} else if (strcmp(type, "tiff") == 0 && n >= 8) {
		/* the first page's ImageWidth and ImageLength */
		big = d[0] == 'M';
		off = big ? be(d + 4, 4) : le(d + 4, 4);
		if (off > n || n - off < 2)
			return 0;
		cnt = big ? be(d + off, 2) : le(d + off, 2);
		for (i = 0; i < cnt && off + 2 + 12 * (i + 1) <= n; i++) {
			const unsigned char *e = d + off + 2 + 12 * i;

			tag = big ? be(e, 2) : le(e, 2);
			typ = big ? be(e + 2, 2) : le(e + 2, 2);
			v = typ == 3 ? (big ? be(e + 8, 2) : le(e + 8, 2)) :
			    (big ? be(e + 8, 4) : le(e + 8, 4));
			if (tag == 256)
				w = v;
			else if (tag == 257)
				h = v;
		}
	} else if (strcmp(type, "webp") == 0 && n >= 30) {
		if (memcmp(d + 12, "VP8X", 4) == 0) {
			w = le(d + 24, 3) + 1;
			h = le(d + 27, 3) + 1;
		} else if (memcmp(d + 12, "VP8L", 4) == 0) {
			v = le(d + 21, 4);
			w = (v & 0x3fff) + 1;
			h = (v >> 14 & 0x3fff) + 1;
		} else if (memcmp(d + 12, "VP8 ", 4) == 0) {
			w = le(d + 26, 2) & 0x3fff;
			h = le(d + 28, 2) & 0x3fff;
		}
	}
	/* each below 2^32: the product fits an unsigned long long */
	return w == 0 || h == 0 ? 0 : (unsigned long long)w * h > (unsigned long long)IMG_MAX_PIXELS ?
	    (unsigned long)IMG_MAX_PIXELS + 1 : w * h;
}

/* Before any pixel is decoded: a picture beyond the editions' pixel cap
 * is not decoded at all. */
static void
size_prepared(GdkPixbufLoader *ld, int w, int h, gpointer big)
{
	if (w <= 0 || h <= 0 || (long)w * h > IMG_MAX_PIXELS)
		*(int *)big = 1;
}

int
impic_to_png(const char *type, const char *data, size_t len, struct buf *png)
{
	GdkPixbufLoader	*ld;
	GdkPixbuf	*pb;
	gchar		*out = NULL;
	gsize		 n = 0;
	size_t		 off, piece = 0;
	unsigned long	 np;
	int		 big = 0, rc = -1;

	np = pixels(type, (const unsigned char *)data, len);
	if (np == 0 || np > (unsigned long)IMG_MAX_PIXELS ||
	    (ld = gdk_pixbuf_loader_new_with_type(type, NULL)) == NULL)
		return -1;
	g_signal_connect(ld, "size-prepared", G_CALLBACK(size_prepared), &big);
	/* a piece at a time: the loaders learn the size from the first
	 * bytes and allocate the whole canvas after them, so a picture that
	 * says it is too large stops here, before any of that */
	for (off = 0; off < len && !big; off += piece) {
		piece = len - off < 4096 ? len - off : 4096;
		if (!gdk_pixbuf_loader_write(ld, (const guchar *)data + off, piece, NULL))
			break;
	}
	if (off >= len && !big && gdk_pixbuf_loader_close(ld, NULL) &&
	    (pb = gdk_pixbuf_loader_get_pixbuf(ld)) != NULL &&
	    gdk_pixbuf_save_to_buffer(pb, &out, &n, "png", NULL, NULL)) {
		buf_put(png, out, n);
		rc = 0;
	} else
		gdk_pixbuf_loader_close(ld, NULL);
	g_free(out);
	g_object_unref(ld);
	return rc;
}

int
impic_can(const char *type)
{
	GdkPixbufLoader	*ld = gdk_pixbuf_loader_new_with_type(type, NULL);

	if (ld == NULL)
		return 0;
	gdk_pixbuf_loader_close(ld, NULL);
	g_object_unref(ld);
	return 1;
}
