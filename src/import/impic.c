/* impic.c -- a Word file's GIF, BMP, TIFF or WebP picture turned into a PNG the editions print, through gdk-pixbuf. */
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "import/import_int.h"
#include "model/model.h"
#include "util/util.h"

/* The gdk-pixbuf loader of the picture's first bytes, or NULL: only these
 * four, never a format that may reach outside the bytes (SVG). */
static const char *
loader_type(const char *d, size_t n)
{
	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		return "gif";
	if (n >= 2 && memcmp(d, "BM", 2) == 0)
		return "bmp";
	if (n >= 4 && (memcmp(d, "II*\0", 4) == 0 || memcmp(d, "MM\0*", 4) == 0))
		return "tiff";
	if (n >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		return "webp";
	return NULL;
}

/* Before any pixel is decoded: a picture beyond the editions' pixel cap
 * is not decoded at all. */
static void
size_prepared(GdkPixbufLoader *ld, int w, int h, gpointer big)
{
	if (w <= 0 || h <= 0 || (long)w * h > IMG_MAX_PIXELS) {
		*(int *)big = 1;
		gdk_pixbuf_loader_set_size(ld, 1, 1);
	}
}

const char *
impic_kind(const char *data, size_t len)
{
	static const char *const names[][2] = { { "gif", "GIF" },
	    { "bmp", "BMP" }, { "tiff", "TIFF" }, { "webp", "WebP" } };
	const char	*t = loader_type(data, len);
	size_t		 i;

	for (i = 0; t != NULL && i < G_N_ELEMENTS(names); i++)
		if (strcmp(t, names[i][0]) == 0)
			return names[i][1];
	return NULL;
}

int
impic_to_png(const char *data, size_t len, struct buf *png)
{
	const char	*type = loader_type(data, len);
	GdkPixbufLoader	*ld;
	GdkPixbuf	*pb;
	gchar		*out = NULL;
	gsize		 n = 0;
	int		 big = 0, rc = -1;

	if (type == NULL || (ld = gdk_pixbuf_loader_new_with_type(type, NULL)) == NULL)
		return -1;
	g_signal_connect(ld, "size-prepared", G_CALLBACK(size_prepared), &big);
	if (gdk_pixbuf_loader_write(ld, (const guchar *)data, len, NULL) &&
	    gdk_pixbuf_loader_close(ld, NULL) && !big &&
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
