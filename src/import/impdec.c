/* impdec.c -- import's way to the decode module: PDFs and pictures told by their first bytes, the module loaded only for them. */
#include <string.h>

#include <glib.h>

#include "decode/decode.h"
#include "import/import_int.h"
#include "util/util.h"

static const struct dec_table *
table(void)
{
	static struct mod	m = { DECODE_MODULE, DECODE_TABLE, MSG_MOD_DECODE,
	    0, NULL };

	return mod_load(&m);
}

int
impdec_is_pdf(const char *data, size_t len)
{
	return len >= 5 && memcmp(data, "%PDF-", 5) == 0;
}

int
impdec_pdf_text(const char *path, const char *data, size_t len,
    struct buf *out)
{
	const struct dec_table	*t = table();

	return t != NULL ? t->pdfin_read(path, data, len, out) : -1;
}

/* gdk-pixbuf's loader type and the name said, by the first bytes: only
 * these four, never a format that may reach outside its bytes (SVG). */
static const char *
kind(const char *d, size_t n, int said)
{
	const char	*k = NULL;

	if (n >= 6 && (memcmp(d, "GIF87a", 6) == 0 || memcmp(d, "GIF89a", 6) == 0))
		k = "gif\0GIF";
	else if (n >= 2 && memcmp(d, "BM", 2) == 0)
		k = "bmp\0BMP";
	else if (n >= 4 && (memcmp(d, "II*\0", 4) == 0 || memcmp(d, "MM\0*", 4) == 0))
		k = "tiff\0TIFF";
	else if (n >= 12 && memcmp(d, "RIFF", 4) == 0 && memcmp(d + 8, "WEBP", 4) == 0)
		k = "webp\0WebP";
	return k != NULL && said ? k + strlen(k) + 1 : k;
}

const char *
impdec_pic_kind(const char *data, size_t len)
{
	return kind(data, len, 1);
}

int
impdec_png(const char *data, size_t len, struct buf *png)
{
	const char		*type = kind(data, len, 0);
	const struct dec_table	*t;

	if (type == NULL || (t = table()) == NULL)
		return -1;
	return t->impic_to_png(type, data, len, png);
}

int
impdec_can(const char *data, size_t len)
{
	const char		*type = kind(data, len, 0);
	const struct dec_table	*t;

	return type != NULL && (t = table()) != NULL && t->impic_can(type);
}
