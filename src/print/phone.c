/* phone.c -- the phone image: the pages of a phone layout painted one under the other on Cairo image surfaces, cut into slices between lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "model/model.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/pdf_int.h"
#include "print/paint_int.h"

/* Text stays crisp; the file is about three quarters of the PNG. */
#define PHONE_JPEG_QUALITY	85

struct phone {
	const struct lay_doc	*l;
	struct pdf_images	*im;
	struct pdf_fonts	*fc;		/* owned */
	double			 scale;		/* px per pt */
	int			 width;		/* px */
	int			*cut;		/* slice i is [cut[i], cut[i+1]) px */
	int			 nslices;
	double			*pagey;		/* where page i starts, pt */
};

/* What an item covers from top to bottom, pt from its page's top. */
static void
extent(const struct lay_item *it, double *top, double *bottom)
{
	switch (it->kind) {
	case LAY_GLYPHS:
		/* the ideographic box and Latin descenders */
		*top = it->y - 0.92 * it->size;
		*bottom = it->y + 0.25 * it->size;
		break;
	case LAY_RULE:
		*top = it->y - it->h / 2 - 0.5;
		*bottom = it->y + it->h / 2 + 0.5;
		break;
	case LAY_VRULE:
		*top = it->y - 0.5;
		*bottom = it->y + it->h + 0.5;
		break;
	case LAY_FRAME:
		*top = it->y - 1;
		*bottom = it->y + it->h + 1;
		break;
	case LAY_IMAGE:
		*top = it->y;
		*bottom = it->y + it->h;
		break;
	case LAY_LINK:
	case LAY_DEST:
		*top = *bottom = -1;	/* not drawn */
		break;
	}
}

struct span_y {
	double	 top, bottom;
};

static int
by_top(const void *a, const void *b)
{
	const struct span_y *x = a, *y = b;

	return x->top < y->top ? -1 : x->top > y->top;
}

struct phone *
phone_new(const struct lay_doc *l, struct pdf_images *im, double page_w,
    int width, int max, const char *path)
{
	struct phone	*ph = xcalloc(1, sizeof(*ph));
	struct span_y		*v;
	double			*gap, *gapw, h = 0, top, bottom;
	size_t			 i, j, n = 0, ng = 0, k;
	int			 at, end, best, total;

	ph->l = l;
	ph->im = im;
	ph->width = width;
	ph->fc = pdf_fonts_new(0);
	if (pdf_images_decode_jpegs(im) == -1 ||
	    pdf_fonts_begin(ph->fc, l, path) == -1) {
		phone_free(ph);
		return NULL;
	}
	/* the pages under each other; each as high as what is on it */
	ph->pagey = xcalloc(l->npages + 1, sizeof(*ph->pagey));
	for (i = 0; i < l->npages; i++)
		n += l->pages[i].nitems;
	v = xcalloc(n + 1, sizeof(*v));
	n = 0;
	for (i = 0; i < l->npages; i++) {
		double low = 0, left = 1e9;

		ph->pagey[i] = h;
		for (j = 0; j < l->pages[i].nitems; j++) {
			const struct lay_item *it = &l->pages[i].items[j];

			extent(it, &top, &bottom);
			if (bottom < 0)
				continue;
			v[n].top = h + top;
			v[n++].bottom = h + bottom;
			if (bottom > low)
				low = bottom;
			if (it->x < left)
				left = it->x;
		}
		/* the same margin under the text as beside it */
		h += low + (left < 1e9 ? left : 0);
	}
	ph->pagey[l->npages] = h;
	ph->scale = (double)width / page_w;
	total = (int)(h * ph->scale + 0.999);

	/* the gaps between what is drawn, where a slice may end */
	qsort(v, n, sizeof(*v), by_top);
	gap = xcalloc(n + 1, sizeof(*gap));
	gapw = xcalloc(n + 1, sizeof(*gapw));
	for (i = 0, bottom = 0; i < n; i++) {
		if (v[i].top > bottom && i > 0) {
			gap[ng] = (bottom + v[i].top) / 2 * ph->scale;
			gapw[ng++] = v[i].top - bottom;
		}
		if (v[i].bottom > bottom)
			bottom = v[i].bottom;
	}
	ph->cut = xcalloc((size_t)total / 1000 + ng + 3, sizeof(*ph->cut));
	ph->cut[0] = 0;
	ph->nslices = 0;
	for (at = 0, k = 0; total - at > max;) {
		best = -1;
		for (; k < ng && gap[k] - at <= max; k++) {
			if (gap[k] <= at)
				continue;
			if (best == -1 || gap[k] - at < max * 2 / 3 ||
			    gapw[k] >= gapw[best] * 0.999)
				best = (int)k;
		}
		if (best == -1) {
			/* nothing but one tall line: cut it at the limit */
			end = at + max;
		} else
			end = (int)gap[best];
		ph->cut[++ph->nslices] = end;
		at = end;
	}
	ph->cut[++ph->nslices] = total;
	free(gap);
	free(gapw);
	free(v);
	return ph;
}

int
phone_slices(const struct phone *ph)
{
	return ph->nslices;
}

int
phone_write(struct phone *ph, int i, FILE *fp, int jpeg,
    const char *path)
{
	const struct lay_doc	*l = ph->l;
	cairo_surface_t		*sf;
	cairo_t			*cr;
	cairo_status_t		 st;
	double			 y0 = ph->cut[i] / ph->scale;
	double			 y1 = ph->cut[i + 1] / ph->scale;
	double			 top, bottom;
	size_t			 p, j;

	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, ph->width,
	    ph->cut[i + 1] - ph->cut[i]);
	cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, 0, -ph->cut[i]);
	cairo_scale(cr, ph->scale, ph->scale);
	for (p = 0; p < l->npages; p++) {
		cairo_save(cr);
		cairo_translate(cr, 0, ph->pagey[p]);
		for (j = 0; j < l->pages[p].nitems; j++) {
			const struct lay_item *it = &l->pages[p].items[j];

			extent(it, &top, &bottom);
			if (bottom < 0 || ph->pagey[p] + bottom < y0 ||
			    ph->pagey[p] + top > y1)
				continue;
			pdf_paint_item(cr, it, ph->im, ph->fc);
		}
		cairo_restore(cr);
	}
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	st = cairo_surface_status(sf);
	if (st == CAIRO_STATUS_SUCCESS && jpeg) {
		if (img_write_jpeg(fp, cairo_image_surface_get_data(sf),
		    (size_t)cairo_image_surface_get_stride(sf),
		    (unsigned long)ph->width,
		    (unsigned long)(ph->cut[i + 1] - ph->cut[i]),
		    PHONE_JPEG_QUALITY) == -1)
			st = CAIRO_STATUS_WRITE_ERROR;
	} else if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(sf, pdf_write_cb, fp);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		msg(MSG_WRITE, NULL, path, cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

void
phone_free(struct phone *ph)
{
	if (ph == NULL)
		return;
	pdf_fonts_free(ph->fc);
	free(ph->cut);
	free(ph->pagey);
	free(ph);
}
