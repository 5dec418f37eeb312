/* ofd.c -- paint laid-out pages as OFD pages: glyph runs as TextObjects, rules and frames as PathObjects, pictures as ImageObjects. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hb.h>
#include <libxml/xmlwriter.h>
#include <pango/pango.h>

#include "model/model.h"
#include "print/cut_int.h"
#include "print/ofd_int.h"
#include "print/page_int.h"
#include "util/util.h"

/*
 * A TextObject's Boundary clips what it draws, so it holds the whole line
 * box: above the baseline an em and a tenth (accents on capitals), below
 * it three tenths (descenders), and a quarter em beside the advance for
 * glyphs that overhang it.
 */
#define TEXT_ABOVE	1.1
#define TEXT_BELOW	0.3
#define TEXT_PAD	0.25

/* The office families of the font roles, as Chinese readers match them. */
static const char *const family[JB_ROLE__MAX] = {
	[JB_ROLE_XBS]		= "方正小标宋简体",
	[JB_ROLE_FANGSONG]	= "仿宋",
	[JB_ROLE_HEITI]		= "黑体",
	[JB_ROLE_KAITI]		= "楷体",
	[JB_ROLE_SONGTI]	= "宋体",
	[JB_ROLE_DIGITS]	= "Times New Roman",
};

/*
 * The link a glyph run lies in (its origin inside a LAY_LINK's area on
 * its page, as a 本期要目 entry's lines), or NULL.
 */
static const char *
link_at(const struct lay_page *pg, const struct lay_item *it)
{
	size_t	 j;

	for (j = 0; j < pg->nitems; j++) {
		const struct lay_item *k = &pg->items[j];

		if (k->kind == LAY_LINK && it->x >= k->x &&
		    it->x <= k->x + k->w && it->y >= k->y &&
		    it->y <= k->y + k->h)
			return k->text;
	}
	return NULL;
}

static struct ofd_face *
face_of(struct ofd *o, PangoFont *font)
{
	hb_font_t	*hf = pango_font_get_hb_font(font);
	hb_face_t	*src = hb_font_get_face(hf);
	struct ofd_face	*f;
	hb_codepoint_t	 g;
	size_t		 i;

	for (i = 0; i < o->nfaces; i++)
		if (o->faces[i]->src == src)
			return o->faces[i];
	f = xcalloc(1, sizeof(*f));
	f->src = src;
	f->hf = hf;
	f->glyphs = hb_set_create();
	f->chars = hb_set_create();
	f->nominal = hb_set_create();
	f->cjk = hb_font_get_nominal_glyph(hf, 0x4e00, &g);
	o->faces = xrealloc(o->faces, (o->nfaces + 1) * sizeof(*o->faces));
	o->faces[o->nfaces++] = f;
	f->n = (unsigned)o->nfaces;
	return f;
}

/* The Font resource of a run: its face under its role's family. */
static struct ofd_font *
font_of(struct ofd *o, const struct lay_item *it)
{
	struct ofd_face	*f = face_of(o, it->font);
	const char	*fam;
	size_t		 i;

	/* A face without Han characters sets the Latin of a run. */
	fam = f->cjk ? family[it->role] : family[JB_ROLE_DIGITS];
	for (i = 0; i < o->nfonts; i++)
		if (o->fonts[i].face == f && strcmp(o->fonts[i].family,
		    fam) == 0)
			return &o->fonts[i];
	o->fonts = xrealloc(o->fonts, (o->nfonts + 1) * sizeof(*o->fonts));
	o->fonts[o->nfonts].face = f;
	o->fonts[o->nfonts].family = fam;
	o->fonts[o->nfonts].id = ++o->ids;
	return &o->fonts[o->nfonts++];
}

static struct ofd_image *
image_of(struct ofd *o, const char *path)
{
	size_t	 i;

	for (i = 0; i < o->nimages; i++)
		if (strcmp(o->images[i].path, path) == 0)
			return &o->images[i];
	return NULL;
}

/*
 * Every face, font and picture the pages use, with their IDs, before a
 * page is written: the faces must be cut to know the glyphs' numbers.
 * A picture is read again from its file: its own bytes go into the
 * package, as into the PDF.
 */
static int
collect(struct ofd *o)
{
	const struct lay_doc	*l = o->l;
	struct ofd_image	*im;
	unsigned long		 w, h;
	size_t			 i, j;

	o->cs = ++o->ids;
	for (i = 0; i < l->npages; i++)
		for (j = 0; j < l->pages[i].nitems; j++) {
			const struct lay_item *it = &l->pages[i].items[j];

			if (it->kind == LAY_GLYPHS && it->glyphs != NULL) {
				struct ofd_face *f = font_of(o, it)->face;

				cut_add(it, f->glyphs, f->chars, f->nominal);
			} else if (it->kind == LAY_IMAGE &&
			    image_of(o, it->text) == NULL) {
				o->images = xrealloc(o->images, (o->nimages +
				    1) * sizeof(*o->images));
				im = &o->images[o->nimages++];
				memset(im, 0, sizeof(*im));
				im->path = it->text;
				im->id = ++o->ids;
				if (img_read(it->text, it->text, NULL,
				    &im->data, &im->kind, &w, &h) == -1)
					return -1;
			}
		}
	return ofd_pkg_cut(o);
}

/* Open <ofd:NAME ID="id" Boundary="x y w h"> (given in pt); attributes follow. */
static void
start(xmlTextWriterPtr w, const char *name, unsigned id, double x, double y,
    double bw, double bh)
{
	char	 a[4][32];

	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST name, NULL);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "%u", id);
	ofd_pkg_num(a[0], sizeof(a[0]), OFD_MM(x));
	ofd_pkg_num(a[1], sizeof(a[1]), OFD_MM(y));
	ofd_pkg_num(a[2], sizeof(a[2]), OFD_MM(bw));
	ofd_pkg_num(a[3], sizeof(a[3]), OFD_MM(bh));
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Boundary",
	    "%s %s %s %s", a[0], a[1], a[2], a[3]);
}

static void
color(xmlTextWriterPtr w, const char *name, unsigned c)
{
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST name, NULL);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Value", "%u %u %u",
	    (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
	xmlTextWriterEndElement(w);
}

/* Append "v" or, for k equal values, "g k v" to a DeltaX list. */
static void
delta_put(struct buf *b, const char *v, int k)
{
	if (b->len > 0)
		buf_put(b, " ", 1);
	if (k > 1)
		buf_printf(b, "g %d %s", k, v);
	else
		buf_puts(b, v);
}

/*
 * The list of n offsets (mm) with runs of equal values as "g N v": the
 * values are compared as written, so the list says what it would say
 * without the shorthand.
 */
static void
deltas(struct buf *b, const double *v, int n)
{
	char	 prev[32], cur[32];
	int	 i, k = 0;

	b->len = 0;
	buf_put(b, "", 0);
	for (i = 0; i < n; i++) {
		ofd_pkg_num(cur, sizeof(cur), OFD_MM(v[i]));
		if (k > 0 && strcmp(cur, prev) == 0) {
			k++;
			continue;
		}
		if (k > 0)
			delta_put(b, prev, k);
		strcpy(prev, cur);
		k = 1;
	}
	if (k > 0)
		delta_put(b, prev, k);
}

/* A CGTransform: k characters from character pos drawn by glyphs gl[0..ng). */
static void
cgt(xmlTextWriterPtr w, const struct ofd_face *f, int pos, int k,
    const unsigned *gl, int ng, struct buf *b)
{
	int	 i;

	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "CGTransform",
	    NULL);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "CodePosition", "%d",
	    pos);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "CodeCount", "%d", k);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "GlyphCount", "%d", ng);
	b->len = 0;
	for (i = 0; i < ng; i++)
		buf_printf(b, "%s%u", i > 0 ? " " : "",
		    ofd_pkg_glyph(f, gl[i]));
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Glyphs", NULL);
	xmlTextWriterWriteRawLen(w, BAD_CAST b->data, (int)b->len);
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
}

/*
 * The glyph maps of a run: clusters of one character drawn by one glyph
 * go into one CGTransform together, any other cluster (a ligature, a
 * character drawn by two glyphs) into one of its own, and a cluster that
 * draws nothing into none.
 */
static void
cgts(xmlTextWriterPtr w, const struct ofd_face *f, const struct lay_item *it,
    struct buf *b)
{
	const PangoGlyphString	*gs = it->glyphs;
	unsigned		*gl = xcalloc((size_t)gs->num_glyphs + 1,
				    sizeof(*gl));
	const char		*p;
	int			 g = 0, g1, c = 0, c1, nd, run = -1, nrun = 0;

	while (g < gs->num_glyphs) {
		int start = gs->log_clusters[g], end = (int)it->len;

		for (g1 = g; g1 < gs->num_glyphs &&
		    gs->log_clusters[g1] == start; g1++)
			;
		if (g1 < gs->num_glyphs)
			end = gs->log_clusters[g1];
		for (c1 = c, p = it->text + start; p < it->text + end;
		    p = g_utf8_next_char(p))
			c1++;
		for (nd = 0; g < g1; g++)
			if (cut_drawn(&gs->glyphs[g]))
				gl[nrun + nd++] = gs->glyphs[g].glyph;
		if (c1 - c == 1 && nd == 1) {
			if (run == -1)
				run = c;
			nrun++;
		} else {
			if (run != -1) {
				cgt(w, f, run, nrun, gl, nrun, b);
				memmove(gl, gl + nrun, (size_t)nd *
				    sizeof(*gl));
			}
			if (nd > 0)
				cgt(w, f, c, c1 - c, gl, nd, b);
			run = -1;
			nrun = 0;
		}
		c = c1;
	}
	if (run != -1)
		cgt(w, f, run, nrun, gl, nrun, b);
	free(gl);
}

/*
 * Where each character of a run starts, pt from the run's origin: the
 * origin of its cluster's first glyph; the characters of a cluster of
 * several (a ligature) share its advance evenly, so that a reader that
 * places characters by DeltaX alone still spaces them as drawn.  Returns
 * whether any glyph is moved off the baseline.
 */
static int
origins(const struct lay_item *it, double *cx, double *cy, int nch)
{
	const PangoGlyphString	*gs = it->glyphs;
	const char		*p;
	double			 x = 0, adv, ox, oy;
	int			 g = 0, g1, c = 0, c1, i, dy = 0;

	while (g < gs->num_glyphs) {
		int start = gs->log_clusters[g], end = (int)it->len;

		ox = x + (double)gs->glyphs[g].geometry.x_offset / PANGO_SCALE;
		oy = (double)gs->glyphs[g].geometry.y_offset / PANGO_SCALE;
		for (adv = 0, g1 = g; g1 < gs->num_glyphs &&
		    gs->log_clusters[g1] == start; g1++)
			adv += (double)gs->glyphs[g1].geometry.width /
			    PANGO_SCALE;
		if (g1 < gs->num_glyphs)
			end = gs->log_clusters[g1];
		for (c1 = c, p = it->text + start; p < it->text + end;
		    p = g_utf8_next_char(p))
			c1++;
		for (i = c; i < c1 && i < nch; i++) {
			cx[i] = ox + adv * (i - c) / (c1 - c);
			cy[i] = oy;
		}
		dy |= oy != 0;
		x += adv;
		c = c1;
		g = g1;
	}
	return dy;
}

/*
 * How far a run is turned to the left about its origin, in degrees: a
 * quarter for a table set across a landscape page, the draft mark's.
 */
static double
angle_of(const struct lay_item *it)
{
	return it->turn ? 90 : it->angle;
}

/*
 * Open a turned run's TextObject: its Boundary holds the turned line box
 * (u along the baseline, v down across it), and the CTM turns the object
 * space about the run's origin, where its TextCode starts.
 */
static void
start_turned(struct ofd *o, xmlTextWriterPtr w, const struct lay_item *it,
    double deg, double above, double below, double pad)
{
	const double	 a = deg * M_PI / 180, ca = cos(a), sa = sin(a);
	const double	 u[2] = { -pad, it->w + pad }, v[2] = { -above, below };
	double		 x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL;
	double		 y1 = -HUGE_VAL, px, py;
	char		 s[6][32];
	int		 i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			px = it->x + u[i] * ca + v[j] * sa;
			py = it->y - u[i] * sa + v[j] * ca;
			x0 = fmin(x0, px);
			x1 = fmax(x1, px);
			y0 = fmin(y0, py);
			y1 = fmax(y1, py);
		}
	start(w, "TextObject", ++o->ids, x0, y0, x1 - x0, y1 - y0);
	ofd_pkg_num(s[0], sizeof(s[0]), ca);
	ofd_pkg_num(s[1], sizeof(s[1]), -sa);
	ofd_pkg_num(s[2], sizeof(s[2]), sa);
	ofd_pkg_num(s[3], sizeof(s[3]), ca);
	ofd_pkg_num(s[4], sizeof(s[4]), OFD_MM(it->x - x0));
	ofd_pkg_num(s[5], sizeof(s[5]), OFD_MM(it->y - y0));
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "CTM",
	    "%s %s %s %s %s %s", s[0], s[1], s[2], s[3], s[4], s[5]);
}

/* A glyph run as a TextObject; a click on it goes to link (NULL: none). */
static void
text_object(struct ofd *o, xmlTextWriterPtr w, const struct lay_item *it,
    const char *link)
{
	struct ofd_font		*fo = font_of(o, it);
	struct buf		 b = { 0 };
	double			*cx, *cy, em = it->size;
	double			 above = TEXT_ABOVE * em, pad = TEXT_PAD * em;
	double			 h = (TEXT_ABOVE + TEXT_BELOW) * em;
	double			 deg = angle_of(it);
	const char		*p;
	char			 s[2][32];
	int			 nch = 0, i, dy;

	for (p = it->text; p < it->text + it->len; p = g_utf8_next_char(p))
		nch++;
	if (nch == 0 || it->glyphs->num_glyphs == 0)
		return;
	cx = xcalloc((size_t)nch + 1, sizeof(*cx));
	cy = xcalloc((size_t)nch + 1, sizeof(*cy));
	dy = origins(it, cx, cy, nch);
	if (deg != 0)
		start_turned(o, w, it, deg, above, h - above, pad);
	else
		start(w, "TextObject", ++o->ids, it->x - pad, it->y - above,
		    it->w + 2 * pad, h);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Font", "%u", fo->id);
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(it->size));
	xmlTextWriterWriteAttribute(w, BAD_CAST "Size", BAD_CAST s[0]);
	if (link != NULL)
		ofd_pkg_goto(o, w, link);
	if (it->color != 0)
		color(w, "FillColor", it->color);
	cgts(w, fo->face, it, &b);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "TextCode",
	    NULL);
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(deg != 0 ? cx[0] : pad + cx[0]));
	ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(deg != 0 ? cy[0] : above + cy[0]));
	xmlTextWriterWriteAttribute(w, BAD_CAST "X", BAD_CAST s[0]);
	xmlTextWriterWriteAttribute(w, BAD_CAST "Y", BAD_CAST s[1]);
	if (nch > 1) {
		for (i = 0; i + 1 < nch; i++) {
			cx[i] = cx[i + 1] - cx[i];
			cy[i] = cy[i + 1] - cy[i];
		}
		deltas(&b, cx, nch - 1);
		xmlTextWriterWriteAttribute(w, BAD_CAST "DeltaX",
		    BAD_CAST b.data);
		if (dy) {
			deltas(&b, cy, nch - 1);
			xmlTextWriterWriteAttribute(w, BAD_CAST "DeltaY",
			    BAD_CAST b.data);
		}
	}
	b.len = 0;
	buf_put(&b, it->text, it->len);
	buf_put(&b, "", 1);
	xmlTextWriterWriteString(w, BAD_CAST b.data);
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
	buf_free(&b);
	free(cx);
	free(cy);
}

/* A filled rectangle (a rule) or, with line > 0, a stroked one (a frame). */
static void
path_object(struct ofd *o, xmlTextWriterPtr w, double x, double y, double bw,
    double bh, double line, unsigned c)
{
	char	 s[4][32];
	double	 h = line / 2;

	start(w, "PathObject", ++o->ids, x - h, y - h, bw + line, bh + line);
	if (line > 0) {
		ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(line));
		xmlTextWriterWriteAttribute(w, BAD_CAST "LineWidth",
		    BAD_CAST s[0]);
		color(w, "StrokeColor", c);
	} else {
		xmlTextWriterWriteAttribute(w, BAD_CAST "Stroke",
		    BAD_CAST "false");
		xmlTextWriterWriteAttribute(w, BAD_CAST "Fill", BAD_CAST "true");
		color(w, "FillColor", c);
	}
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(h));
	ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(h + bw));
	ofd_pkg_num(s[2], sizeof(s[2]), OFD_MM(h + bh));
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd",
	    BAD_CAST "AbbreviatedData", NULL);
	xmlTextWriterWriteFormatString(w, "M %s %s L %s %s L %s %s L %s %s C",
	    s[0], s[0], s[1], s[0], s[1], s[2], s[0], s[2]);
	xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
}

static void
image_object(struct ofd *o, xmlTextWriterPtr w, const struct lay_item *it)
{
	struct ofd_image	*im = image_of(o, it->text);
	char			 s[2][32];

	start(w, "ImageObject", ++o->ids, it->x, it->y, it->w, it->h);
	/* a picture fills the unit square of its object space */
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(it->w));
	ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(it->h));
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "CTM", "%s 0 0 %s 0 0",
	    s[0], s[1]);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ResourceID", "%u",
	    im->id);
	xmlTextWriterEndElement(w);
}

/*
 * The page's draft mark (draft.c: its runs marked draft) as a Watermark
 * annotation of the page, in Annots/Page_N/Annotation.xml, so a reader
 * shows it as the mark it is, not as the page's text; NULL when the page
 * has none.  Read-only, not to be zoomed or turned (OFD-A).
 */
static xmlBufferPtr
watermark(struct ofd *o, const struct lay_page *pg)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w;
	struct tm		 tm;
	char			 date[16], s[2][32];
	size_t			 j;

	for (j = 0; j < pg->nitems && !pg->items[j].draft; j++)
		;
	if (j == pg->nitems)
		return NULL;
	if (outfile_epoch(&tm) == 0)
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	else
		snprintf(date, sizeof(date), "%s", o->d->meta.date_iso);
	xb = xmlBufferCreate();
	w = xmlNewTextWriterMemory(xb, 0);
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "PageAnnot",
	    BAD_CAST OFD_NS);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Annot", NULL);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "%u", ++o->ids);
	xmlTextWriterWriteAttribute(w, BAD_CAST "Type", BAD_CAST "Watermark");
	xmlTextWriterWriteAttribute(w, BAD_CAST "Creator", BAD_CAST "jianbao");
	xmlTextWriterWriteAttribute(w, BAD_CAST "LastModDate", BAD_CAST date);
	xmlTextWriterWriteAttribute(w, BAD_CAST "NoZoom", BAD_CAST "true");
	xmlTextWriterWriteAttribute(w, BAD_CAST "NoRotate", BAD_CAST "true");
	xmlTextWriterWriteAttribute(w, BAD_CAST "ReadOnly", BAD_CAST "true");
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Appearance",
	    NULL);
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(LAY_PAGE_W));
	ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(LAY_PAGE_H));
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "Boundary", "0 0 %s %s",
	    s[0], s[1]);
	for (j = 0; j < pg->nitems; j++)
		if (pg->items[j].draft && pg->items[j].kind == LAY_GLYPHS &&
		    pg->items[j].glyphs != NULL)
			text_object(o, w, &pg->items[j], NULL);
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	return xb;
}

/* A page's Content.xml; IDs grow in painting order (ofd.js stacks by ID). */
static xmlBufferPtr
page(struct ofd *o, const struct lay_page *pg)
{
	xmlBufferPtr		 xb = xmlBufferCreate();
	xmlTextWriterPtr	 w = xmlNewTextWriterMemory(xb, 0);
	size_t			 j;

	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Page",
	    BAD_CAST OFD_NS);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Content", NULL);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST "Layer", NULL);
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST "ID", "%u", ++o->ids);
	for (j = 0; j < pg->nitems; j++) {
		const struct lay_item *it = &pg->items[j];

		switch (it->kind) {
		case LAY_GLYPHS:
			/* the draft mark is the page's annotation */
			if (it->glyphs != NULL && !it->draft)
				text_object(o, w, it, link_at(pg, it));
			break;
		case LAY_RULE:
			path_object(o, w, it->x, it->y - it->h / 2, it->w,
			    it->h, 0, it->color);
			break;
		case LAY_VRULE:
			path_object(o, w, it->x - it->w / 2, it->y, it->w,
			    it->h, 0, it->color);
			break;
		case LAY_FRAME:
			path_object(o, w, it->x, it->y, it->w, it->h, 0.75, 0);
			break;
		case LAY_IMAGE:
			image_object(o, w, it);
			break;
		case LAY_LINK:
		case LAY_DEST:
			break;
		}
	}
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	return xb;
}

static void
ofd_free(struct ofd *o)
{
	size_t	 i;

	for (i = 0; i < o->nfaces; i++) {
		hb_set_destroy(o->faces[i]->glyphs);
		hb_set_destroy(o->faces[i]->chars);
		hb_set_destroy(o->faces[i]->nominal);
		hb_subset_plan_destroy(o->faces[i]->plan);
		hb_blob_destroy(o->faces[i]->blob);
		free(o->faces[i]);
	}
	for (i = 0; i < o->nimages; i++)
		buf_free(&o->images[i].data);
	for (i = 0; i < o->l->npages && o->pages != NULL; i++) {
		if (o->pages[i] != NULL)
			xmlBufferFree(o->pages[i]);
		if (o->annots[i] != NULL)
			xmlBufferFree(o->annots[i]);
	}
	free(o->faces);
	free(o->fonts);
	free(o->images);
	free(o->pages);
	free(o->annots);
	free(o->page_ids);
}

int
ofd_paint(const struct jb_doc *d, const struct lay_doc *l, int archive,
    FILE *fp, const char *path)
{
	struct ofd	 o;
	size_t		 i;
	int		 rc = -1;

	memset(&o, 0, sizeof(o));
	o.d = d;
	o.l = l;
	o.path = path;
	o.archive = archive;
	if (collect(&o) == -1)
		goto out;
	o.page_ids = xcalloc(l->npages + 1, sizeof(*o.page_ids));
	o.pages = xcalloc(l->npages + 1, sizeof(*o.pages));
	o.annots = xcalloc(l->npages + 1, sizeof(*o.annots));
	/* links on a page may go to a later one */
	for (i = 0; i < l->npages; i++)
		o.page_ids[i] = ++o.ids;
	for (i = 0; i < l->npages; i++) {
		o.pages[i] = page(&o, &l->pages[i]);
		o.annots[i] = watermark(&o, &l->pages[i]);
	}
	rc = ofd_pkg_write(&o, fp);
out:
	ofd_free(&o);
	return rc;
}
