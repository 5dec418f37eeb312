/* docxpkg.c -- a submitted .docx's package: libzip with the caps against hostile files, parts read as XML trees or through SAX, the helpers that look into them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "import/import_int.h"
#include "util/util.h"
#include "model/model.h"

#include "import/docx_int.h"

/* Does needle[0..n) occur in s[0..len)? */
int
docxpkg_has(const char *s, size_t len, const char *needle, size_t n)
{
	size_t	 i;

	for (i = 0; i + n <= len; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0)
			return 1;
	return 0;
}

/* ---- the package ---- */

int
docxpkg_bad_name(const char *n)
{
	return *n == '/' || strchr(n, '\\') != NULL || strstr(n, "../") != NULL ||
	    strcmp(n, "..") == 0 || (n[0] != '\0' && n[1] == ':') ||
	    (strlen(n) >= 3 && strcmp(n + strlen(n) - 3, "/..") == 0);
}

int
docxpkg_open(struct pkg *p, const char *path, const char *data, size_t len)
{
	zip_error_t	 err;
	zip_source_t	*src;
	zip_int64_t	 n, i;
	const char	*name;
	char		 why[256];

	p->path = path;
	zip_error_init(&err);
	if ((src = zip_source_buffer_create(data, len, 0, &err)) == NULL ||
	    (p->z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &err)) == NULL) {
		switch (zip_error_code_zip(&err)) {
		case ZIP_ER_NOZIP:
			/* a zip's start without its directory at the end: cut short */
			snprintf(why, sizeof(why), "%s", len >= 4 &&
			    memcmp(data, "PK\003\004", 4) == 0 ?
			    "压缩包不完整（文件被截断，可能没有下载或复制完）" :
			    "文件不是 ZIP 压缩包");
			break;
		case ZIP_ER_INCONS:
			snprintf(why, sizeof(why), "压缩包的目录与内容不一致");
			break;
		case ZIP_ER_MEMORY:
			snprintf(why, sizeof(why), "内存不足");
			break;
		default:
			snprintf(why, sizeof(why), "压缩包已损坏或不完整");
			break;
		}
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ path, 1, 1 }, why);
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	zip_error_fini(&err);
	n = zip_get_num_entries(p->z, 0);
	if (n > DOCXIN_MAX_ENTRIES) {
		char	 a[32], b[32];

		snprintf(a, sizeof(a), "%lld", (long long)n);
		snprintf(b, sizeof(b), "%d", DOCXIN_MAX_ENTRIES);
		msg(MSG_DOCX_TOO_MANY, &(struct jb_pos){ path, 1, 1 }, a, b);
		return -1;
	}
	/* Names are never used as paths, but a file that has such names is
	 * made to attack some reader: refused whole. */
	for (i = 0; i < n; i++)
		if ((name = zip_get_name(p->z, (zip_uint64_t)i, ZIP_FL_ENC_RAW)) ==
		    NULL || docxpkg_bad_name(name)) {
			msg(MSG_DOCX_BAD_NAME, &(struct jb_pos){ path, 1, 1 },
			    name ? name : "?");
			return -1;
		}
	return 0;
}

void
docxpkg_close(struct pkg *p)
{
	if (p->z != NULL)
		zip_discard(p->z);
	p->z = NULL;
}

static void
too_big(const struct pkg *p, const char *name, zip_uint64_t size,
    zip_uint64_t comp, const char *cap)
{
	char	 what[96];

	snprintf(what, sizeof(what), "%llu 字节，压缩后 %llu 字节",
	    (unsigned long long)size, (unsigned long long)comp);
	msg(MSG_DOCX_TOO_BIG, &(struct jb_pos){ p->path, 1, 1 }, name, what,
	    cap);
}

/*
 * The entry name (case-insensitive) into out, within max bytes unpacked.
 * The sizes the zip declares are checked before reading, and the bytes
 * counted while reading, since a zip can lie about them.  Returns 0, 1
 * when there is no such entry, or -1 after reporting.
 */
int
docxpkg_read(struct pkg *p, const char *name, size_t max, struct buf *out)
{
	zip_stat_t	 st;
	zip_int64_t	 i, r;
	zip_file_t	*f;
	char		 chunk[65536];
	size_t		 got = 0;
	char		 cap[64];

	if ((i = zip_name_locate(p->z, name, ZIP_FL_NOCASE)) < 0)
		return 1;
	if (zip_stat_index(p->z, (zip_uint64_t)i, 0, &st) == -1 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 1, 1 },
		    "压缩包已损坏或不完整");
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		msg(MSG_DOCX_ENCRYPTED, &(struct jb_pos){ p->path, 1, 1 });
		return -1;
	}
	if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
	    st.comp_method != ZIP_CM_DEFLATE) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 1, 1 },
		    "不支持的压缩方式");
		return -1;
	}
	snprintf(cap, sizeof(cap), "%zu MiB，压缩比 %d 倍", max >> 20,
	    DOCXIN_MAX_RATIO);
	if (st.size > max || p->total + st.size > DOCXIN_MAX_TOTAL ||
	    (st.size > (1 << 20) && st.size / (st.comp_size + 1) > DOCXIN_MAX_RATIO)) {
		too_big(p, name, st.size, st.comp_size, cap);
		return -1;
	}
	if ((f = zip_fopen_index(p->z, (zip_uint64_t)i, 0)) == NULL) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 1, 1 },
		    "压缩包已损坏或不完整");
		return -1;
	}
	while ((r = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		got += (size_t)r;
		if (got > st.size || got > max) {
			char	 said[32];

			zip_fclose(f);
			buf_free(out);
			snprintf(said, sizeof(said), "%llu",
			    (unsigned long long)st.size);
			msg(MSG_DOCX_SIZE_LIE, &(struct jb_pos){ p->path, 1, 1 },
			    name, said);
			return -1;
		}
		buf_put(out, chunk, (size_t)r);
	}
	if (r < 0) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 1, 1 },
		    "压缩包已损坏，无法解压");
		zip_fclose(f);
		buf_free(out);
		return -1;
	}
	zip_fclose(f);
	p->total += got;
	if (out->data == NULL)
		buf_put(out, "", 0);
	return 0;
}

/*
 * The bytes of the XML part name into b, refused when it has a DTD, the
 * only place an entity can be declared (and so expanded or fetched).
 * Returns 0, 1 when there is no such part, or -1 after reporting.
 */
static int
pkg_part(struct pkg *p, const char *name, struct buf *b)
{
	size_t	 prolog;
	int	 r;

	if ((r = docxpkg_read(p, name, DOCXIN_MAX_PART, b)) != 0)
		return r;
	/* the DTD precedes the root element */
	for (prolog = 0; prolog + 1 < b->len && !(b->data[prolog] == '<' &&
	    (g_ascii_isalpha(b->data[prolog + 1]) || b->data[prolog + 1] == '_'));
	    prolog++)
		;
	if (docxpkg_has(b->data, prolog, "<!DOCTYPE", 9) ||
	    docxpkg_has(b->data, prolog, "<!ENTITY", 8)) {
		msg(MSG_DOCX_DTD, &(struct jb_pos){ p->path, 1, 1 }, name);
		buf_free(b);
		return -1;
	}
	return 0;
}

static void
xml_error(const struct pkg *p, const char *name, int line)
{
	char	*why = g_strdup_printf("格式错误（第 %d 行）", line);

	msg(MSG_DOCX_XML, &(struct jb_pos){ p->path, 1, 1 }, name, why);
	g_free(why);
}

/*
 * The part name as XML: libxml2 asked for no entity substitution, no DTD
 * loading and no network, on a part that has no DTD anyway.  NULL with
 * *missing set when there is no such part; NULL after reporting
 * otherwise.
 */
xmlDocPtr
docxpkg_xml(struct pkg *p, const char *name, int *missing)
{
	struct buf	 b = { 0 };
	xmlDocPtr	 doc = NULL;
	int		 r;

	*missing = 0;
	if ((r = pkg_part(p, name, &b)) != 0) {
		*missing = r == 1;
		return NULL;
	}
	doc = xmlReadMemory(b.data, (int)b.len, name, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_COMPACT);
	if (doc == NULL) {
		const xmlError	*e = xmlGetLastError();

		xml_error(p, name, e ? e->line : 0);
	} else if (doc->intSubset != NULL) {
		msg(MSG_DOCX_DTD, &(struct jb_pos){ p->path, 1, 1 }, name);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	buf_free(&b);
	return doc;
}

static void
sax_quiet(void *ctx, xmlErrorPtr e)
{
}

/*
 * The part name through SAX handlers h with ctx, for a big part read
 * for a few values (styles.xml: python-docx's template carries 350 KB of
 * them), with the same options as docxpkg_xml().  Returns 0, 1 when there is
 * no such part, or -1 after reporting.
 */
int
docxpkg_sax(struct pkg *p, const char *name, xmlSAXHandler *h, void *ctx)
{
	struct buf	 b = { 0 };
	xmlParserCtxtPtr c;
	int		 r, line;

	if ((r = pkg_part(p, name, &b)) != 0)
		return r;
	h->initialized = XML_SAX2_MAGIC;
	h->serror = sax_quiet;
	if ((c = xmlCreatePushParserCtxt(h, ctx, NULL, 0, name)) == NULL) {
		buf_free(&b);
		xml_error(p, name, 0);
		return -1;
	}
	xmlCtxtUseOptions(c, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	r = xmlParseChunk(c, b.data, (int)b.len, 1);
	line = c->input ? c->input->line : 0;
	if (r != 0 || !c->wellFormed || c->myDoc != NULL) {
		xml_error(p, name, line);
		r = -1;
	}
	if (c->myDoc != NULL)
		xmlFreeDoc(c->myDoc);
	xmlFreeParserCtxt(c);
	buf_free(&b);
	return r == 0 ? 0 : -1;
}

/* ---- XML helpers ---- */

/* An element of WordprocessingML (Transitional or Strict) named local. */
int
docxpkg_is_w(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0 && n->ns != NULL &&
	    n->ns->href != NULL &&
	    (strstr((const char *)n->ns->href, "wordprocessingml/2006/main") ||
	    strstr((const char *)n->ns->href, "ooxml/wordprocessingml/main"));
}

/* Any element named local, whatever its namespace (DrawingML, VML, mc). */
int
docxpkg_is_el(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0;
}

xmlNode *
docxpkg_child(const xmlNode *n, const char *local)
{
	xmlNode	*c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (docxpkg_is_w(c, local))
			return c;
	return NULL;
}

/* The attribute local of n in any namespace (w:val, r:embed), or NULL;
 * the caller frees it with xmlFree(). */
char *
docxpkg_attr(const xmlNode *n, const char *local)
{
	xmlAttr	*a;

	for (a = n ? n->properties : NULL; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, local) == 0)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

int
docxpkg_attr_int(const xmlNode *n, const char *local, int dflt)
{
	char	*v = docxpkg_attr(n, local);
	int	 r = v ? atoi(v) : dflt;

	xmlFree(v);
	return r;
}

/* A toggle property such as w:b: present and not 0, false or off. */
int
docxpkg_on_off(const xmlNode *n)
{
	char	*v = docxpkg_attr(n, "val");
	int	 r = v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0 &&
	    strcmp(v, "off") != 0);

	xmlFree(v);
	return r;
}

/* The first descendant element named local in any namespace. */
xmlNode *
docxpkg_find(xmlNode *n, const char *local, int depth)
{
	xmlNode	*c, *r;

	if (depth > 256)
		return NULL;
	for (c = n ? n->children : NULL; c != NULL; c = c->next) {
		if (docxpkg_is_el(c, local))
			return c;
		if ((r = docxpkg_find(c, local, depth + 1)) != NULL)
			return r;
	}
	return NULL;
}
