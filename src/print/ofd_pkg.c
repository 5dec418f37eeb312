/* ofd_pkg.c -- the OFD package around the painted pages: embedded font cuts, resources, document, outlines, DocInfo, the zip. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <libxml/xmlwriter.h>

#include "model/model.h"
#include "print/cut_int.h"
#include "print/ofd_int.h"
#include "print/page_int.h"
#include "print/ttf_int.h"
#include "util/util.h"

void
ofd_pkg_num(char *s, size_t n, double v)
{
	char	*e;

	snprintf(s, n, "%.4f", v);
	e = s + strlen(s) - 1;
	while (*e == '0')
		*e-- = '\0';
	if (*e == '.')
		*e = '\0';
	if (strcmp(s, "-0") == 0)
		strcpy(s, "0");
}

void
ofd_pkg_goto(const struct ofd *o, xmlTextWriterPtr w, const char *name)
{
	const struct lay_item	*it;
	char			 s[2][32];
	size_t			 i, j;

	for (i = 0; i < o->l->npages; i++)
		for (j = 0; j < o->l->pages[i].nitems; j++) {
			it = &o->l->pages[i].items[j];
			if (it->kind != LAY_DEST || strcmp(it->text, name) != 0)
				continue;
			xmlTextWriterStartElementNS(w, BAD_CAST "ofd",
			    BAD_CAST "Actions", NULL);
			xmlTextWriterStartElementNS(w, BAD_CAST "ofd",
			    BAD_CAST "Action", NULL);
			xmlTextWriterWriteAttribute(w, BAD_CAST "Event",
			    BAD_CAST "CLICK");
			xmlTextWriterStartElementNS(w, BAD_CAST "ofd",
			    BAD_CAST "Goto", NULL);
			xmlTextWriterStartElementNS(w, BAD_CAST "ofd",
			    BAD_CAST "Dest", NULL);
			xmlTextWriterWriteAttribute(w, BAD_CAST "Type",
			    BAD_CAST "XYZ");
			xmlTextWriterWriteFormatAttribute(w, BAD_CAST "PageID",
			    "%u", o->page_ids[i]);
			ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(it->x));
			ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(it->y));
			xmlTextWriterWriteAttribute(w, BAD_CAST "Left",
			    BAD_CAST s[0]);
			xmlTextWriterWriteAttribute(w, BAD_CAST "Top",
			    BAD_CAST s[1]);
			xmlTextWriterEndElement(w);
			xmlTextWriterEndElement(w);
			xmlTextWriterEndElement(w);
			xmlTextWriterEndElement(w);
			return;
		}
}

/*
 * Cut a face; for OFD-A, whose fonts are TrueType (GB/T 42133 6.2.6),
 * a cut with CFF outlines is rebuilt with TrueType ones under the same
 * glyph numbers and advances.  f->blob stays NULL when either fails.
 */
static void
cut_one(struct ofd_face *f)
{
	hb_face_t	*sub;
	hb_blob_t	*b;
	const char	*data;
	unsigned	 len;

	/* the characters bring their own glyphs; others are named */
	sub = cut_make(f->src, hb_set_is_subset(f->glyphs, f->nominal) ?
	    NULL : f->glyphs, f->chars, 0, &f->plan);
	if (sub == NULL)
		return;
	b = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	data = hb_blob_get_data(b, &len);
	if (f->glyf && len >= 4 && memcmp(data, "OTTO", 4) == 0) {
		f->blob = ttf_from_cff(b);
		f->unglyfed = f->blob == NULL;
		hb_blob_destroy(b);
	} else
		f->blob = b;
}

static void *
cut_thread(void *arg)
{
	cut_one(arg);
	return NULL;
}

/*
 * The face with the most glyphs (the body face, most of the work) is cut
 * in a second thread while this one cuts the others.
 */
int
ofd_pkg_cut(struct ofd *o)
{
	struct ofd_face	*big = NULL;
	pthread_t	 t;
	size_t		 i;
	int		 threaded = 0;

	for (i = 0; i < o->nfaces; i++) {
		o->faces[i]->glyf = o->archive;
		if (big == NULL || hb_set_get_population(o->faces[i]->glyphs) >
		    hb_set_get_population(big->glyphs))
			big = o->faces[i];
	}
	if (o->nfaces > 1 && pthread_create(&t, NULL, cut_thread, big) == 0)
		threaded = 1;
	for (i = 0; i < o->nfaces; i++)
		if (!threaded || o->faces[i] != big)
			cut_one(o->faces[i]);
	if (threaded)
		pthread_join(t, NULL);
	for (i = 0; i < o->nfaces; i++)
		if (o->faces[i]->blob == NULL) {
			msg(MSG_WRITE, &o->d->src, o->path,
			    o->faces[i]->unglyfed ?
			    "字体的 CFF 轮廓无法转成 OFD-A 要求的 TrueType 轮廓" :
			    "HarfBuzz 无法裁剪字体");
			return -1;
		}
	return 0;
}

unsigned
ofd_pkg_glyph(const struct ofd_face *f, unsigned g)
{
	return hb_map_get(hb_subset_plan_old_to_new_glyph_mapping(f->plan), g);
}

/* ---- XML parts ---- */

static xmlTextWriterPtr
part(xmlBufferPtr *xb, const char *root)
{
	xmlTextWriterPtr	 w;

	*xb = xmlBufferCreate();
	w = xmlNewTextWriterMemory(*xb, 0);
	xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST root,
	    BAD_CAST OFD_NS);
	return w;
}

static void
done(xmlTextWriterPtr w)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
}

static void
elem(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElementNS(w, BAD_CAST "ofd", BAD_CAST name, NULL,
	    BAD_CAST text);
}

static void
open_(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElementNS(w, BAD_CAST "ofd", BAD_CAST name, NULL);
}

static void
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

static void
attru(xmlTextWriterPtr w, const char *name, unsigned v)
{
	xmlTextWriterWriteFormatAttribute(w, BAD_CAST name, "%u", v);
}

static void
close_(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

/* The title the PDF carries too: 刊名 YYYY年第N期. */
static const char *
title(const struct jb_doc *d)
{
	return arena_printf(d->arena, "%s %s", d->series->name,
	    label_issue(d->arena, d->meta.lang, d->meta.date.year,
	    d->meta.kind != NULL ? d->meta.kind->name : NULL, d->meta.issue,
	    d->meta.issue_last));
}

/*
 * OFD.xml: DocInfo in the schema's order.  The DocID is made from the
 * series and the issue (32 hex digits of a SHA-256), so every build of
 * an issue has the same one and two issues never share one.
 */
static xmlBufferPtr
ofd_xml(const struct ofd *o)
{
	const struct jb_doc	*d = o->d;
	const char		*t = title(d), *total;
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = part(&xb, "OFD");
	struct tm		 tm;
	char			*id, *key, date[16];

	attr(w, "Version", "1.0");
	attr(w, "DocType", o->archive ? "OFD-A" : "OFD");
	open_(w, "DocBody");
	open_(w, "DocInfo");
	key = arena_printf(d->arena, "jianbao:%s\n%s", d->series->name,
	    d->meta.slug);
	id = g_compute_checksum_for_string(G_CHECKSUM_SHA256, key, -1);
	id[32] = '\0';
	elem(w, "DocID", id);
	g_free(id);
	elem(w, "Title", t);
	elem(w, "Author", d->meta.org);
	elem(w, "CreationDate", d->meta.date_iso);
	if (outfile_epoch(&tm) == 0) {
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
		elem(w, "ModDate", date);
	}
	elem(w, "Creator", "jianbao");
	open_(w, "CustomDatas");
	open_(w, "CustomData");
	attr(w, "Name", "刊名");
	xmlTextWriterWriteString(w, BAD_CAST d->series->name);
	close_(w);
	open_(w, "CustomData");
	attr(w, "Name", "期号");
	xmlTextWriterWriteString(w, BAD_CAST doc_issue_name(d));
	close_(w);
	if ((total = doc_total_label(d)) != NULL) {
		open_(w, "CustomData");
		attr(w, "Name", "总期号");
		xmlTextWriterWriteString(w, BAD_CAST total);
		close_(w);
	}
	close_(w);
	close_(w);
	elem(w, "DocRoot", "Doc_0/Document.xml");
	done(w);
	return xb;
}

/* Doc_0/Document.xml: A4, resources, pages, one outline entry per article. */
static xmlBufferPtr
document_xml(const struct ofd *o)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = part(&xb, "Document");
	char			 s[2][32], loc[64];
	size_t			 i;

	open_(w, "CommonData");
	xmlTextWriterWriteFormatElementNS(w, BAD_CAST "ofd",
	    BAD_CAST "MaxUnitID", NULL, "%u", o->ids);
	open_(w, "PageArea");
	ofd_pkg_num(s[0], sizeof(s[0]), OFD_MM(LAY_PAGE_W));
	ofd_pkg_num(s[1], sizeof(s[1]), OFD_MM(LAY_PAGE_H));
	xmlTextWriterWriteFormatElementNS(w, BAD_CAST "ofd",
	    BAD_CAST "PhysicalBox", NULL, "0 0 %s %s", s[0], s[1]);
	close_(w);
	elem(w, "PublicRes", "PublicRes.xml");
	elem(w, "DocumentRes", "DocumentRes.xml");
	xmlTextWriterWriteFormatElementNS(w, BAD_CAST "ofd",
	    BAD_CAST "DefaultCS", NULL, "%u", o->cs);
	close_(w);
	open_(w, "Pages");
	for (i = 0; i < o->l->npages; i++) {
		open_(w, "Page");
		attru(w, "ID", o->page_ids[i]);
		snprintf(loc, sizeof(loc), "Pages/Page_%zu/Content.xml", i);
		attr(w, "BaseLoc", loc);
		close_(w);
	}
	close_(w);
	if (o->l->nmarks > 0) {
		open_(w, "Outlines");
		for (i = 0; i < o->l->nmarks; i++) {
			open_(w, "OutlineElem");
			attr(w, "Title", o->l->marks[i].title);
			ofd_pkg_goto(o, w, o->l->marks[i].dest);
			close_(w);
		}
		close_(w);
	}
	for (i = 0; i < o->l->npages && o->annots[i] == NULL; i++)
		;
	if (i < o->l->npages)
		elem(w, "Annotations", "Annots/Annotations.xml");
	done(w);
	return xb;
}

/* Doc_0/Annots/Annotations.xml: the pages that have annotations, or NULL: none has. */
static xmlBufferPtr
annots_xml(const struct ofd *o)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w;
	char			 loc[64];
	size_t			 i;

	for (i = 0; i < o->l->npages && o->annots[i] == NULL; i++)
		;
	if (i == o->l->npages)
		return NULL;
	w = part(&xb, "Annotations");
	for (i = 0; i < o->l->npages; i++) {
		if (o->annots[i] == NULL)
			continue;
		open_(w, "Page");
		attru(w, "PageID", o->page_ids[i]);
		snprintf(loc, sizeof(loc), "Page_%zu/Annotation.xml", i);
		elem(w, "FileLoc", loc);
		close_(w);
	}
	done(w);
	return xb;
}

/* The font file's name: .otf for CFF outlines, .ttf for TrueType ones. */
static void
font_file(const struct ofd_face *f, char *s, size_t n)
{
	unsigned	 len;
	const char	*data = hb_blob_get_data(f->blob, &len);

	snprintf(s, n, "font_%u.%s", f->n,
	    len >= 4 && memcmp(data, "OTTO", 4) == 0 ? "otf" : "ttf");
}

/*
 * Doc_0/PublicRes.xml: the colour space and the fonts, each a face under
 * the office family its role stands for, with the face's own name.
 */
static xmlBufferPtr
public_xml(const struct ofd *o)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = part(&xb, "Res");
	char			 name[256], file[64];
	unsigned		 len;
	size_t			 i;

	attr(w, "BaseLoc", "Res");
	open_(w, "ColorSpaces");
	open_(w, "ColorSpace");
	attru(w, "ID", o->cs);
	attr(w, "Type", "RGB");
	attr(w, "BitsPerComponent", "8");
	close_(w);
	close_(w);
	if (o->nfonts > 0) {
		open_(w, "Fonts");
		for (i = 0; i < o->nfonts; i++) {
			const struct ofd_font *fo = &o->fonts[i];

			len = sizeof(name);
			if (hb_ot_name_get_utf8(fo->face->src,
			    HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
			    &len, name) == 0)
				snprintf(name, sizeof(name), "%s", fo->family);
			open_(w, "Font");
			attru(w, "ID", fo->id);
			attr(w, "FontName", name);
			attr(w, "FamilyName", fo->family);
			font_file(fo->face, file, sizeof(file));
			elem(w, "FontFile", file);
			close_(w);
		}
		close_(w);
	}
	done(w);
	return xb;
}

static const char *
image_ext(const struct ofd_image *im)
{
	return im->kind == IMG_JPEG ? "jpg" : "png";
}

/* Doc_0/DocumentRes.xml: the pictures, as their files are. */
static xmlBufferPtr
docres_xml(const struct ofd *o)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = part(&xb, "Res");
	char			 file[64];
	size_t			 i;

	attr(w, "BaseLoc", "Res");
	if (o->nimages > 0) {
		open_(w, "MultiMedias");
		for (i = 0; i < o->nimages; i++) {
			open_(w, "MultiMedia");
			attru(w, "ID", o->images[i].id);
			attr(w, "Type", "Image");
			attr(w, "Format", o->images[i].kind == IMG_JPEG ?
			    "JPEG" : "PNG");
			snprintf(file, sizeof(file), "image_%u.%s",
			    o->images[i].id, image_ext(&o->images[i]));
			elem(w, "MediaFile", file);
			close_(w);
		}
		close_(w);
	}
	done(w);
	return xb;
}

static void
add_xml(struct zipout *zo, const char *name, xmlBufferPtr xb)
{
	zipout_add(zo, name, xmlBufferContent(xb), (size_t)xmlBufferLength(xb),
	    0);
}

/*
 * The parts in one fixed order, OFD.xml first; the font and picture
 * files after them.  Pictures are stored as they are; the rest deflated.
 */
int
ofd_pkg_write(struct ofd *o, FILE *fp)
{
	xmlBufferPtr	 top[5];
	struct zipout	*zo = zipout_new();
	struct buf	 zipped = { 0 };
	struct arena	*ar = o->d->arena;
	const char	*data;
	char		 file[64];
	unsigned	 len;
	size_t		 i;
	int		 rc = -1;

	top[0] = ofd_xml(o);
	top[1] = document_xml(o);
	top[2] = public_xml(o);
	top[3] = docres_xml(o);
	top[4] = annots_xml(o);
	add_xml(zo, "OFD.xml", top[0]);
	add_xml(zo, "Doc_0/Document.xml", top[1]);
	add_xml(zo, "Doc_0/PublicRes.xml", top[2]);
	add_xml(zo, "Doc_0/DocumentRes.xml", top[3]);
	for (i = 0; i < o->l->npages; i++)
		add_xml(zo, arena_printf(ar, "Doc_0/Pages/Page_%zu/Content.xml",
		    i), o->pages[i]);
	if (top[4] != NULL) {
		add_xml(zo, "Doc_0/Annots/Annotations.xml", top[4]);
		for (i = 0; i < o->l->npages; i++)
			if (o->annots[i] != NULL)
				add_xml(zo, arena_printf(ar,
				    "Doc_0/Annots/Page_%zu/Annotation.xml", i),
				    o->annots[i]);
	}
	for (i = 0; i < o->nfaces; i++) {
		font_file(o->faces[i], file, sizeof(file));
		data = hb_blob_get_data(o->faces[i]->blob, &len);
		zipout_add(zo, arena_printf(ar, "Doc_0/Res/%s", file), data,
		    len, 0);
	}
	for (i = 0; i < o->nimages; i++)
		zipout_add(zo, arena_printf(ar, "Doc_0/Res/image_%u.%s",
		    o->images[i].id, image_ext(&o->images[i])),
		    o->images[i].data.data, o->images[i].data.len, 1);
	if (zipout_finish(zo, &zipped, &o->d->src, o->path) == 0) {
		if (fwrite(zipped.data, 1, zipped.len, fp) == zipped.len)
			rc = 0;
		else
			msg(MSG_WRITE, &o->d->src, o->path, msg_strerror(errno));
	}
	buf_free(&zipped);
	for (i = 0; i < 5; i++)
		if (top[i] != NULL)
			xmlBufferFree(top[i]);
	return rc;
}
