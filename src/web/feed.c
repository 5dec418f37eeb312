/* feed.c -- the Atom feed of the archive, one entry per issue, written with libxml2's xmlTextWriter. */
#include <string.h>

#include <glib.h>
#include <libxml/xmlwriter.h>

#include "web/web.h"
#include "model/model.h"
#include "util/util.h"

#define ATOM_NS		"http://www.w3.org/2005/Atom"

/*
 * Issue dates carry no time; an issue is dated at midnight China time
 * (UTC+8), where these bulletins are published.
 */
#define DAY_START	"T00:00:00+08:00"

/*
 * The site root as an absolute path or URL ending in one "/": the feed is
 * read by programs that fetch it from anywhere, so its links cannot be
 * relative to the feed file the way page links are.
 */
static char *
root_of(struct arena *ar, const char *base)
{
	size_t	 n;

	if (base == NULL || *base == '\0')
		base = "/";
	n = strlen(base);
	return arena_printf(ar, "%s%s%s",
	    base[0] == '/' || strstr(base, "://") != NULL ? "" : "/", base,
	    base[n - 1] == '/' ? "" : "/");
}

/*
 * A name-based UUID (RFC 4122 version 5, SHA-1) for an entry id: Atom ids
 * must never change, and tying them to the 刊名 and the issue's place in
 * the archive rather than to a URL keeps them stable when the site moves.
 */
static char *
uuid5(struct arena *ar, const char *name)
{
	/* The URL namespace of RFC 4122, appendix C. */
	static const guint8 ns[16] = {
		0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
	};
	GChecksum	*ck = g_checksum_new(G_CHECKSUM_SHA1);
	guint8		 d[20];
	gsize		 n = sizeof(d);

	g_checksum_update(ck, ns, sizeof(ns));
	g_checksum_update(ck, (const guchar *)name, strlen(name));
	g_checksum_get_digest(ck, d, &n);
	g_checksum_free(ck);
	d[6] = (d[6] & 0x0f) | 0x50;
	d[8] = (d[8] & 0x3f) | 0x80;
	return arena_printf(ar, "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3], d[4],
	    d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13], d[14],
	    d[15]);
}

/* <link rel=REL href=HREF type=TYPE/>; type may be NULL. */
static int
atom_link(xmlTextWriterPtr w, const char *rel, const char *href,
    const char *type)
{
	if (xmlTextWriterStartElement(w, BAD_CAST "link") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST rel) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href) < 0)
		return -1;
	if (type != NULL && xmlTextWriterWriteAttribute(w, BAD_CAST "type",
	    BAD_CAST type) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int
element(xmlTextWriterPtr w, const char *name, const char *text)
{
	return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text) < 0 ?
	    -1 : 0;
}

/* The summary of an issue: its article titles, in order. */
static char *
summary(struct arena *ar, const struct arc_issue *is)
{
	struct buf	 b = { 0 };
	char		*s;
	size_t		 i;

	for (i = 0; i < is->narticles; i++) {
		if (i > 0)
			buf_puts(&b, "；");
		buf_puts(&b, is->articles[i].title);
	}
	s = arena_strdup(ar, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

static int
entry(xmlTextWriterPtr w, const struct arc *a, const struct arc_issue *is,
    const char *root)
{
	struct arena	*ar = a->arena;

	if (xmlTextWriterStartElement(w, BAD_CAST "entry") < 0 ||
	    element(w, "id", uuid5(ar, arena_printf(ar, "jianbao:%s:%s",
	    a->series->name, is->stem))) == -1 ||
	    element(w, "title", arena_printf(ar, "%s %s", a->series->name,
	    label_issue(ar, is->lang, is->year, is->kind, is->issue,
	    is->issue_last))) == -1 ||
	    element(w, "updated", arena_printf(ar, "%s%s", is->date_iso,
	    DAY_START)) == -1 ||
	    atom_link(w, "alternate", arena_printf(ar, "%s%s.html", root,
	    is->stem), "text/html") == -1 ||
	    atom_link(w, "enclosure", arena_printf(ar, "%s%s.pdf", root,
	    is->stem), "application/pdf") == -1 ||
	    element(w, "summary", summary(ar, is)) == -1)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int
feed_write(const struct arc *a, const char *outdir)
{
	const struct jb_series	*s = a->series;
	struct arena		*ar = a->arena;
	xmlBufferPtr		 xb = xmlBufferCreate();
	xmlTextWriterPtr	 w;
	const char		*root = root_of(ar, s->base), *path;
	size_t			 i;
	int			 rc = -1, bad;

	path = arena_printf(ar, "%s/feed.xml", outdir);
	w = xmlNewTextWriterMemory(xb, 0);
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	bad = xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, BAD_CAST "feed",
	    BAD_CAST ATOM_NS) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang",
	    BAD_CAST label_get(s->lang, JB_LABEL_LANG)) < 0 ||
	    element(w, "id", uuid5(ar, arena_printf(ar, "jianbao:%s",
	    s->name))) == -1 ||
	    element(w, "title", s->name) == -1 ||
	    element(w, "updated", a->n > 0 ? arena_printf(ar, "%s%s",
	    a->v[0].date_iso, DAY_START) : "1970-01-01T00:00:00Z") == -1 ||
	    atom_link(w, "self", arena_printf(ar, "%sfeed.xml", root),
	    "application/atom+xml") == -1 ||
	    atom_link(w, "alternate", arena_printf(ar, "%sindex.html", root),
	    "text/html") == -1;
	if (!bad && s->org != NULL)
		bad = xmlTextWriterStartElement(w, BAD_CAST "author") < 0 ||
		    element(w, "name", s->org) == -1 ||
		    xmlTextWriterEndElement(w) < 0;
	if (!bad)
		bad = element(w, "generator", "jianbao") == -1;
	for (i = 0; !bad && i < a->n; i++)
		bad = entry(w, a, &a->v[i], root) == -1;
	if (!bad)
		bad = xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	if (bad) {
		msg(MSG_WRITE, NULL, path, "XML 写入失败");
		goto out;
	}
	rc = outfile_put(path, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
out:
	xmlBufferFree(xb);
	return rc;
}
