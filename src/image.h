/* image.h -- check that a picture is a whole PNG or JPEG of a sensible size. */
#ifndef JIANBAO_IMAGE_H
#define JIANBAO_IMAGE_H

#include <stdio.h>

#include "jianbao.h"
#include "mem.h"

/*
 * Pictures beyond these sizes are refused before any pixel is decoded: a
 * small file can claim a huge picture, and a decoder would allocate all
 * of it.
 */
#define IMG_MAX_SIDE	10000			/* pixels, either side */
#define IMG_MAX_PIXELS	(40L * 1000 * 1000)

enum img_kind {
	IMG_PNG,
	IMG_JPEG
};

/*
 * Read the picture at path into b (the caller frees it with buf_free())
 * and tell its kind, by its first bytes whatever its name, and its size
 * from the header alone, within the limits above; no pixel is decoded.
 * Returns 0, or -1 after reporting at pos (b is then empty).
 */
int	 img_read(const char *path, const char *shown, const struct jb_pos *pos,
	    struct buf *b, enum img_kind *kind, unsigned long *w,
	    unsigned long *h);

/*
 * Read the picture at path and decode it completely, so that a truncated
 * or corrupt file is found while the document is validated, before any
 * output is written.  shown is the name used in messages.  On success
 * sets *kind and the size in pixels and returns 0; otherwise returns -1
 * after reporting at pos.
 */
int	 img_check(const char *path, const char *shown, const struct jb_pos *pos,
	    enum img_kind *kind, unsigned long *w, unsigned long *h);

/*
 * Decode the JPEG of len bytes at data, w × h pixels as img_read() found,
 * into dst: each pixel a 32-bit word 0x00RRGGBB in the machine's byte
 * order, rows stride bytes apart (what a painter that rasterises wants;
 * the print edition embeds the JPEG bytes instead).  Greyscale and CMYK
 * pictures come out as RGB.  Returns 0, or -1 after reporting at pos.
 */
int	 img_decode_jpeg(const unsigned char *data, size_t len,
	    const char *shown, const struct jb_pos *pos, unsigned char *dst,
	    size_t stride, unsigned long w, unsigned long h);

/*
 * Write w × h pixels laid out as img_decode_jpeg() writes them to fp as a
 * baseline JPEG of the given quality (1 to 100), 4:2:0, no time stamp, so
 * the same pixels give the same bytes.  Returns 0, or -1 when fp fails
 * (the caller reports).
 */
int	 img_write_jpeg(FILE *fp, const unsigned char *src, size_t stride,
	    unsigned long w, unsigned long h, int quality);

/* 1 if w × h pixels is within the limits, else 0 after reporting. */
int	 img_fits(const char *shown, const struct jb_pos *pos, unsigned long w,
	    unsigned long h);

#endif
