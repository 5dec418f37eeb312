/* pdf.c -- paint laid-out pages into a PDF: glyph runs, pictures, rules, frames, links, bookmarks and metadata. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "model/model.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/pdf_int.h"
#include "print/paint_int.h"


cairo_status_t
pdf_write_cb(void *closure, const unsigned char *data, unsigned int len)
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

void
pdf_paint_item(cairo_t *cr, const struct lay_item *it, struct pdf_images *im,
    struct pdf_fonts *fc)
{
	char		 attr[256];
	cairo_surface_t	*img;

	switch (it->kind) {
	case LAY_GLYPHS:
		if (it->glyphs == NULL)
			break;
		set_color(cr, it->color);
		if (it->turn || it->angle != 0) {
			struct lay_item t = *it;

			t.x = t.y = 0;
			cairo_save(cr);
			cairo_translate(cr, it->x, it->y);
			cairo_rotate(cr, it->turn ? -M_PI / 2 :
			    -it->angle * M_PI / 180);
			pdf_fonts_show(cr, fc, &t);
			cairo_restore(cr);
			break;
		}
		pdf_fonts_show(cr, fc, it);
		break;
	case LAY_RULE:
		set_color(cr, it->color);
		cairo_rectangle(cr, it->x, it->y - it->h / 2, it->w, it->h);
		cairo_fill(cr);
		break;
	case LAY_VRULE:
		set_color(cr, it->color);
		cairo_rectangle(cr, it->x - it->w / 2, it->y, it->w, it->h);
		cairo_fill(cr);
		break;
	case LAY_FRAME:
		set_color(cr, 0);
		cairo_set_line_width(cr, 0.75);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_stroke(cr);
		break;
	case LAY_IMAGE:
		if ((img = pdf_images_surface(im, it->text)) == NULL)
			break;
		cairo_save(cr);
		cairo_translate(cr, it->x, it->y);
		cairo_scale(cr, it->w / cairo_image_surface_get_width(img),
		    it->h / cairo_image_surface_get_height(img));
		cairo_set_source_surface(cr, img, 0, 0);
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

/* Cairo's output gathered for pdf_finish(). */
static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_put(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* "2019-08-30T00:00:00" from a date, or from SOURCE_DATE_EPOCH. */
static void
iso_date(char *s, size_t n, const struct jb_date *dt)
{
	struct tm	 tm;

	if (dt == NULL && outfile_epoch(&tm) == 0) {
		strftime(s, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return;
	}
	if (dt == NULL)
		snprintf(s, n, "1970-01-01T00:00:00Z");
	else
		snprintf(s, n, "%04d-%02d-%02dT00:00:00", dt->year,
		    dt->month, dt->day);
}

int
pdf_paint(const struct jb_doc *d, const struct lay_doc *l,
    struct pdf_images *im, struct pdf_fonts *kept, FILE *fp,
    const char *path)
{
	struct pdf_fonts *fc = kept != NULL ? kept : pdf_fonts_new(0);
	struct pdf_info	 info;
	struct buf	 out = { 0 };
	cairo_surface_t	*sf;
	cairo_t		*cr;
	cairo_status_t	 st;
	char		 created[64], modified[64], attr[64];
	size_t		 i, j;
	int		 rc = -1;

	if (pdf_fonts_begin(fc, l, path) == -1)
		goto out;
	pdf_fonts_warm(fc);
	sf = cairo_pdf_surface_create_for_stream(to_buf, &out, LAY_PAGE_W,
	    LAY_PAGE_H);
	memset(&info, 0, sizeof(info));
	info.title = arena_printf(l->arena, "%s %s", d->series->name,
	    label_issue(l->arena, d->meta.lang, d->meta.date.year,
	    d->meta.kind != NULL ? d->meta.kind->name : NULL, d->meta.issue,
	    d->meta.issue_last));
	info.author = d->meta.org;
	info.creator = "jianbao";
	info.lang = d->meta.lang_tag;
	iso_date(created, sizeof(created), &d->meta.date);
	info.created = created;
	if (getenv("SOURCE_DATE_EPOCH") != NULL) {
		iso_date(modified, sizeof(modified), NULL);
		info.modified = modified;
	}
	cr = cairo_create(sf);
	for (i = 0; i < l->npages; i++) {
		for (j = 0; j < l->pages[i].nitems; j++)
			pdf_paint_item(cr, &l->pages[i].items[j], im, fc);
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
	rc = pdf_finish((const unsigned char *)out.data, out.len, &info,
	    d->series->pdfa, fp, &d->src, path);
out:
	buf_free(&out);
	pdf_fonts_end(fc);
	if (fc != kept)
		pdf_fonts_free(fc);
	return rc;
}
