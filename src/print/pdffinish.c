/* pdffinish.c -- rewrite Cairo's PDF through libqpdf into a sound file: its own cross-reference table, /ID, metadata, and for PDF/A-2b the XMP and sRGB output intent. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>

#include "model/model.h"
#include "print/pdf_int.h"
#include "util/util.h"

/*
 * Cairo 1.16 gives a page with a link a structure parent tree it never
 * writes: the cross-reference table points the missing objects at
 * another object's offset, and readers must rebuild the table to open
 * the file.  libqpdf reads the file (rebuilding the table once, here,
 * where the damage is known), keeps only what the catalogue reaches and
 * writes it out again with a true table.  The rest of what is done here
 * is what PDF/A asks of every file, so a file with or without the PDF/A
 * claim differs only in that claim (and in the pictures' interpolation
 * hint, which PDF/A forbids): an /ID computed from the contents
 * (the same bytes for the same issue), an information dictionary with
 * dates of the form D:…, links that print (/F 4), no /StructParents
 * without a structure tree, and no page transparency group on a page
 * that draws nothing transparent (Cairo adds one to every page).
 */

/* Where Debian's icc-profiles-free puts its sRGB profile (ICC version 2, Zlib licence), read at run time. */
#define SRGB_ICC	"/usr/share/color/icc/sRGB.icc"

/* "2026-01-16T00:00:00[Z]" as a PDF date "D:20260116000000[Z]". */
static void
pdf_date(char *s, size_t n, const char *iso)
{
	size_t	 k = 0;

	if (n < 3)
		return;
	s[k++] = 'D';
	s[k++] = ':';
	for (; *iso != '\0' && k + 1 < n; iso++)
		if (*iso >= '0' && *iso <= '9')
			s[k++] = *iso;
		else if (*iso == 'Z')
			s[k++] = 'Z';
	s[k] = '\0';
}

static void
set_text(qpdf_data q, qpdf_oh dict, const char *key, const char *utf8)
{
	if (utf8 != NULL)
		qpdf_oh_replace_key(q, dict, key,
		    qpdf_oh_new_unicode_string(q, utf8));
}

/* A fresh information dictionary: the same entries as the XMP. */
static void
set_info(qpdf_data q, const struct pdf_info *in, const char *producer)
{
	qpdf_oh	 info = qpdf_make_indirect_object(q,
		    qpdf_oh_new_dictionary(q));
	char	 date[40];

	set_text(q, info, "/Title", in->title);
	set_text(q, info, "/Author", in->author);
	set_text(q, info, "/Creator", in->creator);
	set_text(q, info, "/Producer", producer);
	pdf_date(date, sizeof(date), in->created);
	qpdf_oh_replace_key(q, info, "/CreationDate",
	    qpdf_oh_new_string(q, date));
	if (in->modified != NULL) {
		pdf_date(date, sizeof(date), in->modified);
		qpdf_oh_replace_key(q, info, "/ModDate",
		    qpdf_oh_new_string(q, date));
	}
	qpdf_oh_replace_key(q, qpdf_get_trailer(q), "/Info", info);
}

/*
 * Look at the page's pictures: say whether one has an alpha channel (a
 * soft mask), and for PDF/A drop the interpolation hint, which the
 * standard forbids (viewers then scale pictures as they choose).
 */
static int
page_pictures(qpdf_data q, qpdf_oh page, int pdfa)
{
	qpdf_oh	 xo, o;
	int	 masks = 0;

	xo = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"),
	    "/XObject");
	if (!qpdf_oh_is_dictionary(q, xo))
		return 0;
	qpdf_oh_begin_dict_key_iter(q, xo);
	while (qpdf_oh_dict_more_keys(q)) {
		o = qpdf_oh_get_dict(q, qpdf_oh_get_key(q, xo,
		    qpdf_oh_dict_next_key(q)));
		masks |= qpdf_oh_has_key(q, o, "/SMask");
		if (pdfa)
			qpdf_oh_remove_key(q, o, "/Interpolate");
	}
	return masks;
}

/*
 * Cairo leaves out a TrueType CID font's CIDToGIDMap when it is the
 * identity, which is the default, but PDF/A wants it written.
 */
static void
page_fonts(qpdf_data q, qpdf_oh page)
{
	qpdf_oh	 fonts, f, cid;

	fonts = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"),
	    "/Font");
	if (!qpdf_oh_is_dictionary(q, fonts))
		return;
	qpdf_oh_begin_dict_key_iter(q, fonts);
	while (qpdf_oh_dict_more_keys(q)) {
		f = qpdf_oh_get_key(q, fonts, qpdf_oh_dict_next_key(q));
		cid = qpdf_oh_get_array_item(q, qpdf_oh_get_key(q, f,
		    "/DescendantFonts"), 0);
		if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, cid,
		    "/Subtype"), "/CIDFontType2") &&
		    !qpdf_oh_has_key(q, cid, "/CIDToGIDMap"))
			qpdf_oh_replace_key(q, cid, "/CIDToGIDMap",
			    qpdf_oh_new_name(q, "/Identity"));
	}
}

static void
fix_pages(qpdf_data q, int pdfa)
{
	qpdf_oh	 page, annots, a;
	int	 i, n, j, na;

	n = qpdf_get_num_pages(q);
	for (i = 0; i < n; i++) {
		page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh_remove_key(q, page, "/StructParents");
		page_fonts(q, page);
		if (!page_pictures(q, page, pdfa))
			qpdf_oh_remove_key(q, page, "/Group");
		annots = qpdf_oh_get_key(q, page, "/Annots");
		na = qpdf_oh_is_array(q, annots) ?
		    qpdf_oh_get_array_n_items(q, annots) : 0;
		for (j = 0; j < na; j++) {
			a = qpdf_oh_get_array_item(q, annots, j);
			qpdf_oh_remove_key(q, a, "/StructParent");
			qpdf_oh_replace_key(q, a, "/F",
			    qpdf_oh_new_integer(q, 4));	/* Print */
		}
	}
}

/* The XMP packet of PDF/A-2b, mirroring the information dictionary. */
static char *
xmp_packet(const struct pdf_info *in, const char *producer)
{
	GString	*x = g_string_new(NULL);
	char	*t;

	g_string_append(x,
	    "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "   <dc:format>application/pdf</dc:format>\n");
	t = g_markup_printf_escaped("   <dc:title><rdf:Alt>"
	    "<rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
	    "   <xmp:CreatorTool>%s</xmp:CreatorTool>\n"
	    "   <xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "   <pdf:Producer>%s</pdf:Producer>\n",
	    in->title, in->creator, in->created, producer);
	g_string_append(x, t);
	g_free(t);
	if (in->author != NULL) {
		t = g_markup_printf_escaped("   <dc:creator><rdf:Seq>"
		    "<rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n",
		    in->author);
		g_string_append(x, t);
		g_free(t);
	}
	if (in->modified != NULL) {
		t = g_markup_printf_escaped(
		    "   <xmp:ModifyDate>%s</xmp:ModifyDate>\n", in->modified);
		g_string_append(x, t);
		g_free(t);
	}
	g_string_append(x,
	    "   <pdfaid:part>2</pdfaid:part>\n"
	    "   <pdfaid:conformance>B</pdfaid:conformance>\n"
	    "  </rdf:Description>\n"
	    " </rdf:RDF>\n"
	    "</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
	return g_string_free(x, FALSE);
}

/* A new stream holding n bytes of p, its dictionary parsed from dict. */
static qpdf_oh
new_stream(qpdf_data q, const char *dict, const void *p, size_t n)
{
	qpdf_oh	 s = qpdf_oh_new_stream(q), d, k;

	qpdf_oh_replace_stream_data(q, s, p, n, qpdf_oh_new_null(q),
	    qpdf_oh_new_null(q));
	d = qpdf_oh_get_dict(q, s);
	k = qpdf_oh_parse(q, dict);
	qpdf_oh_begin_dict_key_iter(q, k);
	while (qpdf_oh_dict_more_keys(q)) {
		const char *key = qpdf_oh_dict_next_key(q);

		qpdf_oh_replace_key(q, d, key, qpdf_oh_get_key(q, k, key));
	}
	return s;
}

/* The PDF/A claim: XMP metadata and the sRGB output intent.  -1 if the
 * profile cannot be read. */
static int
claim_pdfa(qpdf_data q, const struct pdf_info *in, const char *producer)
{
	qpdf_oh	 root = qpdf_get_root(q), intent;
	gchar	*icc = NULL;
	gsize	 nicc;
	char	*xmp;

	if (!g_file_get_contents(SRGB_ICC, &icc, &nicc, NULL))
		return -1;
	xmp = xmp_packet(in, producer);
	qpdf_oh_replace_key(q, root, "/Metadata", new_stream(q,
	    "<< /Type /Metadata /Subtype /XML >>", xmp, strlen(xmp)));
	g_free(xmp);
	intent = qpdf_oh_parse(q, "<< /Type /OutputIntent /S /GTS_PDFA1 "
	    "/OutputConditionIdentifier (sRGB IEC61966-2.1) "
	    "/Info (sRGB IEC61966-2.1) >>");
	qpdf_oh_replace_key(q, intent, "/DestOutputProfile",
	    new_stream(q, "<< /N 3 >>", icc, nicc));
	g_free(icc);
	qpdf_oh_replace_key(q, root, "/OutputIntents",
	    qpdf_oh_wrap_in_array(q, intent));
	return 0;
}

int
pdf_finish(const unsigned char *in, size_t len, const struct pdf_info *info,
    int pdfa, FILE *fp, const struct jb_pos *src, const char *path)
{
	qpdf_data	 q = qpdf_init();
	char		 producer[128];
	size_t		 n;
	int		 rc = -1;

	/* The damage described above is expected: no warnings. */
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (qpdf_read_memory(q, path, (const char *)in, len, NULL) &
	    QPDF_ERRORS)
		goto fail;
	snprintf(producer, sizeof(producer), "cairo %s, libqpdf %s",
	    cairo_version_string(), qpdf_get_qpdf_version());
	set_info(q, info, producer);
	fix_pages(q, pdfa);
	if (info->lang != NULL)
		qpdf_oh_replace_key(q, qpdf_get_root(q), "/Lang",
		    qpdf_oh_new_string(q, info->lang));
	if (pdfa && claim_pdfa(q, info, producer) == -1) {
		msg(MSG_READ, src, SRGB_ICC, "PDF/A 需要这个 sRGB 色彩配置文件"
		    "（Debian 软件包 icc-profiles-free）");
		goto out;
	}
	if (qpdf_init_write_memory(q) & QPDF_ERRORS)
		goto fail;
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	/* PDF/A: an end of line before each endstream. */
	qpdf_set_newline_before_endstream(q, QPDF_TRUE);
	if (qpdf_write(q) & QPDF_ERRORS)
		goto fail;
	n = qpdf_get_buffer_length(q);
	if (fwrite(qpdf_get_buffer(q), 1, n, fp) != n) {
		msg(MSG_WRITE, src, path, msg_strerror(errno));
		goto out;
	}
	rc = 0;
	goto out;
fail:
	msg(MSG_WRITE, src, path, qpdf_get_error_full_text(q,
	    qpdf_get_error(q)));
out:
	qpdf_cleanup(&q);
	return rc;
}
