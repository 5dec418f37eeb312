/* image.c -- validate pictures (libpng, libjpeg) while the document model is built. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "model/model.h"
#include "util/util.h"

int
img_fits(const char *shown, const struct jb_pos *pos, unsigned long w,
    unsigned long h)
{
	char	 size[64], limit[96];

	if (w > 0 && h > 0 && w <= IMG_MAX_SIDE && h <= IMG_MAX_SIDE &&
	    w * h <= (unsigned long)IMG_MAX_PIXELS)
		return 1;
	snprintf(size, sizeof(size), "%lu × %lu 像素", w, h);
	snprintf(limit, sizeof(limit), "每边 %d 像素、共 %ld 万像素",
	    IMG_MAX_SIDE, IMG_MAX_PIXELS / 10000);
	msg(MSG_IMAGE_TOO_BIG, pos, shown, size, limit);
	return 0;
}

struct jpeg_err {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jb;
};

static void
jpeg_fail(j_common_ptr c)
{
	longjmp(((struct jpeg_err *)c->err)->jb, 1);
}

/* Warnings (such as a premature end) are counted, not printed. */
static void
jpeg_silent(j_common_ptr c)
{
	(void)c;
}

/* The size from a JPEG's header; 0, or -1 after reporting. */
static int
jpeg_size(const unsigned char *data, size_t len, const char *shown,
    const struct jb_pos *pos, unsigned long *w, unsigned long *h)
{
	struct jpeg_decompress_struct	 ci;
	struct jpeg_err			 je;

	ci.err = jpeg_std_error(&je.pub);
	je.pub.error_exit = jpeg_fail;
	je.pub.output_message = jpeg_silent;
	if (setjmp(je.jb)) {
		msg(MSG_IMAGE_BAD, pos, shown, "JPEG 数据已损坏");
		jpeg_destroy_decompress(&ci);
		return -1;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, data, (unsigned long)len);
	jpeg_read_header(&ci, TRUE);
	*w = ci.image_width;
	*h = ci.image_height;
	jpeg_destroy_decompress(&ci);
	return 0;
}

/* Decode every scan line; a truncated file only warns in libjpeg. */
static int
jpeg_whole(const unsigned char *data, size_t len, const char *shown,
    const struct jb_pos *pos)
{
	struct jpeg_decompress_struct	 ci;
	struct jpeg_err			 je;
	JSAMPLE				*volatile row = NULL;
	JSAMPROW			 rows[1];
	volatile int			 rc = -1;

	ci.err = jpeg_std_error(&je.pub);
	je.pub.error_exit = jpeg_fail;
	je.pub.output_message = jpeg_silent;
	if (setjmp(je.jb)) {
		msg(MSG_IMAGE_BAD, pos, shown, "JPEG 数据已损坏");
		goto out;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, data, (unsigned long)len);
	jpeg_read_header(&ci, TRUE);
	/*
	 * Every coefficient is still entropy-decoded, which is where a
	 * corrupt or truncated file shows; only the pixels come out at 1/8
	 * of the size, which spares most of the inverse DCT, upsampling and
	 * colour conversion (a third of the time for a photograph).
	 */
	ci.scale_num = 1;
	ci.scale_denom = 8;
	ci.dct_method = JDCT_IFAST;
	ci.do_fancy_upsampling = FALSE;
	jpeg_start_decompress(&ci);
	row = xmalloc((size_t)ci.output_width * (size_t)ci.output_components);
	rows[0] = row;
	while (ci.output_scanline < ci.output_height)
		jpeg_read_scanlines(&ci, rows, 1);
	jpeg_finish_decompress(&ci);
	if (je.pub.num_warnings > 0) {
		msg(MSG_IMAGE_BAD, pos, shown, "JPEG 数据不完整");
		goto out;
	}
	rc = 0;
out:
	jpeg_destroy_decompress(&ci);
	free(row);
	return rc;
}

int
img_decode_jpeg(const unsigned char *data, size_t len, const char *shown,
    const struct jb_pos *pos, unsigned char *dst, size_t stride,
    unsigned long w, unsigned long h)
{
	struct jpeg_decompress_struct	 ci;
	struct jpeg_err			 je;
	JSAMPLE				*volatile row = NULL;
	JSAMPROW			 rows[1];
	uint32_t			*px;
	unsigned			 x, r, g, b, k;
	volatile int			 rc = -1;
	int				 cmyk;

	ci.err = jpeg_std_error(&je.pub);
	je.pub.error_exit = jpeg_fail;
	je.pub.output_message = jpeg_silent;
	if (setjmp(je.jb)) {
		msg(MSG_IMAGE_BAD, pos, shown, "JPEG 数据已损坏");
		goto out;
	}
	jpeg_create_decompress(&ci);
	jpeg_mem_src(&ci, data, (unsigned long)len);
	jpeg_read_header(&ci, TRUE);
	cmyk = ci.jpeg_color_space == JCS_CMYK ||
	    ci.jpeg_color_space == JCS_YCCK;
	ci.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
	jpeg_start_decompress(&ci);
	if (ci.output_width != w || ci.output_height != h) {
		msg(MSG_IMAGE_BAD, pos, shown, "JPEG 数据已损坏");
		goto out;
	}
	row = xmalloc((size_t)w * (size_t)ci.output_components);
	rows[0] = row;
	while (ci.output_scanline < ci.output_height) {
		px = (uint32_t *)(void *)(dst + stride * ci.output_scanline);
		jpeg_read_scanlines(&ci, rows, 1);
		for (x = 0; x < w; x++) {
			if (cmyk) {
				/* Adobe's inverted CMYK, as Photoshop writes */
				k = row[4 * x + 3];
				r = row[4 * x] * k / 255;
				g = row[4 * x + 1] * k / 255;
				b = row[4 * x + 2] * k / 255;
			} else {
				r = row[3 * x];
				g = row[3 * x + 1];
				b = row[3 * x + 2];
			}
			px[x] = (uint32_t)(r << 16 | g << 8 | b);
		}
	}
	jpeg_finish_decompress(&ci);
	rc = 0;
out:
	jpeg_destroy_decompress(&ci);
	free(row);
	return rc;
}

int
img_write_jpeg(FILE *fp, const unsigned char *src, size_t stride,
    unsigned long w, unsigned long h, int quality)
{
	struct jpeg_compress_struct	 ci;
	struct jpeg_err			 je;
	JSAMPLE				*volatile row = NULL;
	JSAMPROW			 rows[1];
	const uint32_t			*px;
	unsigned long			 x;
	volatile int			 rc = -1;

	ci.err = jpeg_std_error(&je.pub);
	je.pub.error_exit = jpeg_fail;
	je.pub.output_message = jpeg_silent;
	if (setjmp(je.jb))
		goto out;
	jpeg_create_compress(&ci);
	jpeg_stdio_dest(&ci, fp);
	ci.image_width = (JDIMENSION)w;
	ci.image_height = (JDIMENSION)h;
	ci.input_components = 3;
	ci.in_color_space = JCS_RGB;
	jpeg_set_defaults(&ci);
	jpeg_set_quality(&ci, quality, TRUE);
	ci.dct_method = JDCT_ISLOW;
	jpeg_start_compress(&ci, TRUE);
	row = xmalloc((size_t)w * 3);
	rows[0] = row;
	while (ci.next_scanline < ci.image_height) {
		px = (const uint32_t *)(const void *)(src + stride *
		    ci.next_scanline);
		for (x = 0; x < w; x++) {
			row[3 * x] = (JSAMPLE)(px[x] >> 16 & 0xff);
			row[3 * x + 1] = (JSAMPLE)(px[x] >> 8 & 0xff);
			row[3 * x + 2] = (JSAMPLE)(px[x] & 0xff);
		}
		jpeg_write_scanlines(&ci, rows, 1);
	}
	jpeg_finish_compress(&ci);
	rc = ferror(fp) ? -1 : 0;
out:
	jpeg_destroy_compress(&ci);
	free(row);
	return rc;
}

/* The size from a PNG's header; 0, or -1 after reporting. */
static int
png_size(const unsigned char *data, size_t len, const char *shown,
    const struct jb_pos *pos, unsigned long *w, unsigned long *h)
{
	png_image	 im;

	memset(&im, 0, sizeof(im));
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, data, len)) {
		msg(MSG_IMAGE_BAD, pos, shown, "PNG 数据已损坏");
		return -1;
	}
	*w = im.width;
	*h = im.height;
	png_image_free(&im);
	return 0;
}

/* libpng reads the picture from memory through this. */
struct png_src {
	const unsigned char	*data;
	size_t			 len, off;
};

static void
png_src_read(png_structp p, png_bytep dst, png_size_t n)
{
	struct png_src	*src = png_get_io_ptr(p);

	if (n > src->len - src->off)
		png_error(p, "short");
	memcpy(dst, src->data + src->off, n);
	src->off += n;
}

static void
png_fail(png_structp p, png_const_charp text)
{
	(void)text;
	png_longjmp(p, 1);
}

static void
png_silent(png_structp p, png_const_charp text)
{
	(void)p;
	(void)text;
}

/*
 * Inflate and unfilter every row, checking every chunk's CRC and the
 * end of the image data, one row at a time as the file stores it: no
 * conversion to RGBA and no buffer for the whole picture.
 */
static int
png_whole(const unsigned char *data, size_t len, const char *shown,
    const struct jb_pos *pos)
{
	struct png_src	 src = { data, len, 0 };
	png_structp	 p;
	png_infop	 info = NULL;
	png_bytep	 volatile row = NULL;
	png_uint_32	 y, h;
	int		 pass, npasses;
	volatile int	 rc = -1;

	p = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail,
	    png_silent);
	if (p == NULL || (info = png_create_info_struct(p)) == NULL) {
		msg(MSG_IMAGE_BAD, pos, shown, "PNG 数据已损坏");
		goto out;
	}
	if (setjmp(png_jmpbuf(p))) {
		msg(MSG_IMAGE_BAD, pos, shown, "PNG 数据不完整或已损坏");
		goto out;
	}
	png_set_read_fn(p, &src, png_src_read);
	png_read_info(p, info);
	npasses = png_set_interlace_handling(p);
	png_read_update_info(p, info);
	row = xmalloc(png_get_rowbytes(p, info));
	h = png_get_image_height(p, info);
	for (pass = 0; pass < npasses; pass++)
		for (y = 0; y < h; y++)
			png_read_row(p, row, NULL);
	png_read_end(p, NULL);
	rc = 0;
out:
	png_destroy_read_struct(&p, &info, NULL);
	free(row);
	return rc;
}

int
img_read(const char *path, const char *shown, const struct jb_pos *pos,
    struct buf *b, enum img_kind *kind, unsigned long *w, unsigned long *h)
{
	const unsigned char	*d;
	int			 rc = -1;

	if (infile_read(path, shown, pos, 0, b) == -1)
		goto out;
	d = (const unsigned char *)b->data;
	if (b->len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
		*kind = IMG_JPEG;
		if (jpeg_size(d, b->len, shown, pos, w, h) == -1)
			goto out;
	} else if (b->len >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*kind = IMG_PNG;
		if (png_size(d, b->len, shown, pos, w, h) == -1)
			goto out;
	} else {
		msg(MSG_IMAGE_BAD, pos, shown, "不是 PNG 或 JPEG 图片");
		goto out;
	}
	if (img_fits(shown, pos, *w, *h))
		rc = 0;
out:
	if (rc == -1)
		buf_free(b);
	return rc;
}

int
img_check(const char *path, const char *shown, const struct jb_pos *pos,
    enum img_kind *kind, unsigned long *w, unsigned long *h)
{
	struct buf	 b = { 0 };
	int		 rc = -1;

	if (img_read(path, shown, pos, &b, kind, w, h) == -1)
		return -1;
	if (*kind == IMG_JPEG)
		rc = jpeg_whole((unsigned char *)b.data, b.len, shown, pos);
	else
		rc = png_whole((unsigned char *)b.data, b.len, shown, pos);
	buf_free(&b);
	return rc;
}
