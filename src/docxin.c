/* docxin.c -- a submitted Word file (.docx) read with libzip and libxml2 into import's text. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "docxin.h"
#include "infile.h"
#include "jianbao.h"
#include "msg.h"
#include "source.h"

#define MAX_STYLES	4096
#define MAX_NUMS	4096
#define MAX_LEVELS	9
#define MAX_DEPTH	64		/* nested tables, text boxes */

/* Does needle[0..n) occur in s[0..len)? */
static int
has(const char *s, size_t len, const char *needle, size_t n)
{
	size_t	 i;

	for (i = 0; i + n <= len; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, n) == 0)
			return 1;
	return 0;
}

/* ---- the package ---- */

struct pkg {
	const char	*path;
	zip_t		*z;
	size_t		 total;		/* bytes unpacked so far */
};

static int
bad_name(const char *n)
{
	return *n == '/' || strchr(n, '\\') != NULL || strstr(n, "../") != NULL ||
	    strcmp(n, "..") == 0 || (n[0] != '\0' && n[1] == ':') ||
	    (strlen(n) >= 3 && strcmp(n + strlen(n) - 3, "/..") == 0);
}

static int
pkg_open(struct pkg *p, const char *path, const char *data, size_t len)
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
			snprintf(why, sizeof(why), "文件不是 ZIP 压缩包");
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
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ path, 0, 0 }, why);
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
		msg(MSG_DOCX_TOO_MANY, &(struct jb_pos){ path, 0, 0 }, a, b);
		return -1;
	}
	/* Names are never used as paths, but a file that has such names is
	 * made to attack some reader: refused whole. */
	for (i = 0; i < n; i++)
		if ((name = zip_get_name(p->z, (zip_uint64_t)i, ZIP_FL_ENC_RAW)) ==
		    NULL || bad_name(name)) {
			msg(MSG_DOCX_BAD_NAME, &(struct jb_pos){ path, 0, 0 },
			    name ? name : "?");
			return -1;
		}
	return 0;
}

static void
pkg_close(struct pkg *p)
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
	msg(MSG_DOCX_TOO_BIG, &(struct jb_pos){ p->path, 0, 0 }, name, what,
	    cap);
}

/*
 * The entry name (case-insensitive) into out, within max bytes unpacked.
 * The sizes the zip declares are checked before reading, and the bytes
 * counted while reading, since a zip can lie about them.  Returns 0, 1
 * when there is no such entry, or -1 after reporting.
 */
static int
pkg_read(struct pkg *p, const char *name, size_t max, struct buf *out)
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
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 0, 0 },
		    "压缩包已损坏或不完整");
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		msg(MSG_DOCX_ENCRYPTED, &(struct jb_pos){ p->path, 0, 0 });
		return -1;
	}
	if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
	    st.comp_method != ZIP_CM_DEFLATE) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 0, 0 },
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
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 0, 0 },
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
			msg(MSG_DOCX_SIZE_LIE, &(struct jb_pos){ p->path, 0, 0 },
			    name, said);
			return -1;
		}
		buf_put(out, chunk, (size_t)r);
	}
	if (r < 0) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ p->path, 0, 0 },
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

	if ((r = pkg_read(p, name, DOCXIN_MAX_PART, b)) != 0)
		return r;
	/* the DTD precedes the root element */
	for (prolog = 0; prolog + 1 < b->len && !(b->data[prolog] == '<' &&
	    (g_ascii_isalpha(b->data[prolog + 1]) || b->data[prolog + 1] == '_'));
	    prolog++)
		;
	if (has(b->data, prolog, "<!DOCTYPE", 9) ||
	    has(b->data, prolog, "<!ENTITY", 8)) {
		msg(MSG_DOCX_DTD, &(struct jb_pos){ p->path, 0, 0 }, name);
		buf_free(b);
		return -1;
	}
	return 0;
}

static void
xml_error(const struct pkg *p, const char *name, int line)
{
	char	*why = g_strdup_printf("格式错误（第 %d 行）", line);

	msg(MSG_DOCX_XML, &(struct jb_pos){ p->path, 0, 0 }, name, why);
	g_free(why);
}

/*
 * The part name as XML: libxml2 asked for no entity substitution, no DTD
 * loading and no network, on a part that has no DTD anyway.  NULL with
 * *missing set when there is no such part; NULL after reporting
 * otherwise.
 */
static xmlDocPtr
pkg_xml(struct pkg *p, const char *name, int *missing)
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
		msg(MSG_DOCX_DTD, &(struct jb_pos){ p->path, 0, 0 }, name);
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
 * them), with the same options as pkg_xml().  Returns 0, 1 when there is
 * no such part, or -1 after reporting.
 */
static int
pkg_sax(struct pkg *p, const char *name, xmlSAXHandler *h, void *ctx)
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
static int
is_w(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0 && n->ns != NULL &&
	    n->ns->href != NULL &&
	    (strstr((const char *)n->ns->href, "wordprocessingml/2006/main") ||
	    strstr((const char *)n->ns->href, "ooxml/wordprocessingml/main"));
}

/* Any element named local, whatever its namespace (DrawingML, VML, mc). */
static int
is_el(const xmlNode *n, const char *local)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, local) == 0;
}

static xmlNode *
child(const xmlNode *n, const char *local)
{
	xmlNode	*c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (is_w(c, local))
			return c;
	return NULL;
}

/* The attribute local of n in any namespace (w:val, r:embed), or NULL;
 * the caller frees it with xmlFree(). */
static char *
attr(const xmlNode *n, const char *local)
{
	xmlAttr	*a;

	for (a = n ? n->properties : NULL; a != NULL; a = a->next)
		if (strcmp((const char *)a->name, local) == 0)
			return (char *)xmlNodeGetContent((xmlNode *)a);
	return NULL;
}

static int
attr_int(const xmlNode *n, const char *local, int dflt)
{
	char	*v = attr(n, local);
	int	 r = v ? atoi(v) : dflt;

	xmlFree(v);
	return r;
}

/* A toggle property such as w:b: present and not 0, false or off. */
static int
on_off(const xmlNode *n)
{
	char	*v = attr(n, "val");
	int	 r = v == NULL || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0 &&
	    strcmp(v, "off") != 0);

	xmlFree(v);
	return r;
}

/* The first descendant element named local in any namespace. */
static xmlNode *
find(xmlNode *n, const char *local, int depth)
{
	xmlNode	*c, *r;

	if (depth > 256)
		return NULL;
	for (c = n ? n->children : NULL; c != NULL; c = c->next) {
		if (is_el(c, local))
			return c;
		if ((r = find(c, local, depth + 1)) != NULL)
			return r;
	}
	return NULL;
}

/* ---- styles ---- */

struct style {
	char	*id;
	char	*name;
	char	*based;
	int	 outline;		/* -1 none */
	int	 bold;			/* -1 unset */
	int	 size;			/* half-points, 0 unset */
	int	 center;		/* -1 unset */
	int	 num_id, ilvl;		/* -1 unset */
	int	 para;			/* a paragraph style */
};

struct lvl {
	int	 start;
	char	 fmt[40];
	char	*text;			/* lvlText */
};

struct abstract {
	int		 id;
	struct lvl	 lv[MAX_LEVELS];
	int		 count[MAX_LEVELS];
	int		 used[MAX_LEVELS];
};

struct num {
	int	 id;
	int	 abs;			/* index into abstracts, -1 none */
	int	 start[MAX_LEVELS];	/* startOverride, -1 none */
	int	 applied;
};

struct rel {
	char	*id;
	char	*target;		/* resolved within the package */
	int	 external;
};

struct note {
	char	*id;
	char	*text;
};

/* A paragraph on its way out. */
struct para {
	struct buf	 text;
	int		 rank;		/* heading rank, or INT_MAX for body */
	int		 section;	/* 一、 1, （一） 2: fixed heading marks */
	int		 raw;		/* table or picture line, kept as is */
};

#define BODY	1000

struct rd {
	struct pkg	 p;
	struct docxin	*out;
	struct style	*st;
	size_t		 nst;
	struct abstract	*abs;
	size_t		 nabs;
	struct num	*nums;
	size_t		 nnums;
	struct rel	*rels;
	size_t		 nrels;
	struct note	*comments;
	size_t		 ncomments;
	struct note	*foots;
	size_t		 nfoots;
	struct para	*pv;
	size_t		 np;
	int		 body_size;	/* half-points of Normal */
	int		 tracked;	/* the line of the first tracked change */
	int		 fdepth;	/* fields open */
	struct buf	 instr;		/* the outermost field's instruction */
	int		 toc;		/* inside a table of contents */
	struct buf	 later;		/* footnotes referenced, for the end */
	int		 failed;
};

static const struct style *
style_by_id(const struct rd *r, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < r->nst; i++)
		if (strcmp(r->st[i].id, id) == 0)
			return &r->st[i];
	return NULL;
}

static void
read_rpr(const xmlNode *rpr, int *bold, int *size)
{
	xmlNode	*c;

	if ((c = child(rpr, "b")) != NULL)
		*bold = on_off(c);
	if ((c = child(rpr, "sz")) != NULL)
		*size = attr_int(c, "val", 0);
}

/* Where the style reader is in styles.xml: the names of the open elements. */
struct sx {
	struct rd	*r;
	const char	*path[8];	/* "" for an element of another namespace */
	int		 depth;
	struct style	*cur;		/* the w:style being read */
};

/* The value of attribute local, copied: the SAX value is not terminated. */
static char *
sx_val(int n, const xmlChar **attrs, const char *local)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp((const char *)attrs[5 * i], local) == 0)
			return (char *)xmlStrndup(attrs[5 * i + 3],
			    (int)(attrs[5 * i + 4] - attrs[5 * i + 3]));
	return NULL;
}

static int
sx_is(const struct sx *x, int d, const char *local)
{
	return d < x->depth && d < 8 && strcmp(x->path[d], local) == 0;
}

static void
sx_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attrs)
{
	struct sx	*x = ctx;
	struct style	*st;
	char		*v;
	int		 d = x->depth++, w;

	w = uri != NULL && (strstr((const char *)uri, "wordprocessingml/2006/main") ||
	    strstr((const char *)uri, "ooxml/wordprocessingml/main"));
	if (d < 8)
		x->path[d] = w ? (const char *)local : "";
	if (!w || d >= 8)
		return;
	if (d == 4 && sx_is(x, 1, "docDefaults") && sx_is(x, 2, "rPrDefault") &&
	    sx_is(x, 3, "rPr") && strcmp((const char *)local, "sz") == 0) {
		v = sx_val(nattr, attrs, "val");
		x->r->body_size = v ? atoi(v) : 0;
		xmlFree(v);
		return;
	}
	if (d == 1 && strcmp((const char *)local, "style") == 0 &&
	    x->r->nst < MAX_STYLES) {
		x->r->st = xrealloc(x->r->st, (x->r->nst + 1) * sizeof(*st));
		st = x->cur = &x->r->st[x->r->nst++];
		memset(st, 0, sizeof(*st));
		st->outline = st->bold = st->center = st->num_id = st->ilvl = -1;
		if ((st->id = sx_val(nattr, attrs, "styleId")) == NULL)
			st->id = (char *)xmlStrdup((const xmlChar *)"");
		st->para = (v = sx_val(nattr, attrs, "type")) == NULL ||
		    strcmp(v, "paragraph") == 0;
		xmlFree(v);
		return;
	}
	if ((st = x->cur) == NULL || !sx_is(x, 1, "style"))
		return;
	v = sx_val(nattr, attrs, "val");
	if (d == 2 && strcmp((const char *)local, "name") == 0 && st->name == NULL) {
		st->name = v;
		v = NULL;
	} else if (d == 2 && strcmp((const char *)local, "basedOn") == 0 &&
	    st->based == NULL) {
		st->based = v;
		v = NULL;
	} else if (d == 3 && sx_is(x, 2, "pPr")) {
		if (strcmp((const char *)local, "outlineLvl") == 0)
			st->outline = v ? atoi(v) : 9;
		else if (strcmp((const char *)local, "jc") == 0)
			st->center = v != NULL && strcmp(v, "center") == 0;
	} else if (d == 4 && sx_is(x, 2, "pPr") && sx_is(x, 3, "numPr")) {
		if (strcmp((const char *)local, "numId") == 0)
			st->num_id = v ? atoi(v) : -1;
		else if (strcmp((const char *)local, "ilvl") == 0)
			st->ilvl = v ? atoi(v) : 0;
	} else if (d == 3 && sx_is(x, 2, "rPr")) {
		if (strcmp((const char *)local, "b") == 0)
			st->bold = v == NULL || (strcmp(v, "0") != 0 &&
			    strcmp(v, "false") != 0 && strcmp(v, "off") != 0);
		else if (strcmp((const char *)local, "sz") == 0)
			st->size = v ? atoi(v) : 0;
	}
	xmlFree(v);
}

static void
sx_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct sx	*x = ctx;

	if (--x->depth == 1)
		x->cur = NULL;
}

/* styles.xml: each style's name, basedOn, outline level, centring,
 * numbering, bold and size, and the default size. */
static int
read_styles(struct rd *r, const char *name)
{
	xmlSAXHandler	 h;
	struct sx	 x;
	struct style	*st;
	int		 rc;

	memset(&h, 0, sizeof(h));
	memset(&x, 0, sizeof(x));
	x.r = r;
	h.startElementNs = sx_start;
	h.endElementNs = sx_end;
	if ((rc = pkg_sax(&r->p, name, &h, &x)) == -1)
		return -1;
	/* Normal's size is the body's */
	for (st = r->st; st < r->st + r->nst; st++)
		if (st->name != NULL && g_ascii_strcasecmp(st->name, "Normal") == 0 &&
		    st->size > 0)
			r->body_size = st->size;
	if (r->body_size == 0)
		r->body_size = 21;
	return 0;
}

/*
 * What a paragraph style says, following basedOn: its outline level
 * (from the property, or from a name heading N / 标题 N, Title → -1),
 * bold, size, centring, numbering.  Names, not ids: WPS writes numbers
 * as ids.
 */
static void
style_chain(const struct rd *r, const char *id, struct style *res)
{
	const struct style	*s;
	int			 depth, n;
	const char		*nm;

	memset(res, 0, sizeof(*res));
	res->outline = res->bold = res->center = res->num_id = res->ilvl = -1;
	res->outline = BODY;
	n = BODY;
	for (depth = 0, s = style_by_id(r, id); s != NULL && depth < 32;
	    depth++, s = style_by_id(r, s->based)) {
		nm = s->name ? s->name : "";
		if (res->outline == BODY) {
			if (s->outline >= 0 && s->outline < 9)
				res->outline = s->outline;
			else if (g_ascii_strncasecmp(nm, "heading ", 8) == 0 &&
			    (n = atoi(nm + 8)) >= 1 && n <= 9)
				res->outline = n - 1;
			else if ((strncmp(nm, "标题 ", strlen("标题 ")) == 0 &&
			    (n = atoi(nm + strlen("标题 "))) >= 1) ||
			    (strncmp(nm, "標題 ", strlen("標題 ")) == 0 &&
			    (n = atoi(nm + strlen("標題 "))) >= 1))
				res->outline = n - 1;
			else if (g_ascii_strcasecmp(nm, "Title") == 0 ||
			    strcmp(nm, "标题") == 0 || strcmp(nm, "標題") == 0)
				res->outline = -1;
			else if (s->outline == 9)
				res->outline = BODY + 1;	/* body, said so */
		}
		if (res->bold < 0)
			res->bold = s->bold;
		if (res->size == 0)
			res->size = s->size;
		if (res->center < 0)
			res->center = s->center;
		if (res->num_id < 0 && s->num_id >= 0) {
			res->num_id = s->num_id;
			res->ilvl = s->ilvl;
		}
	}
	if (res->outline > BODY)
		res->outline = BODY;
}

/* ---- numbering ---- */

static void
read_numbering(struct rd *r, xmlDocPtr doc)
{
	xmlNode		*root = xmlDocGetRootElement(doc), *n, *l, *o;
	struct abstract	*a;
	struct num	*u;
	int		 k;
	size_t		 i;
	char		*v;

	for (n = root ? root->children : NULL; n != NULL; n = n->next) {
		if (is_w(n, "abstractNum") && r->nabs < MAX_NUMS) {
			r->abs = xrealloc(r->abs, (r->nabs + 1) * sizeof(*r->abs));
			a = &r->abs[r->nabs++];
			memset(a, 0, sizeof(*a));
			a->id = attr_int(n, "abstractNumId", -1);
			for (k = 0; k < MAX_LEVELS; k++)
				a->lv[k].start = 1;
			/* Lark writes lvl without ilvl: in order */
			for (l = n->children, k = 0; l != NULL; l = l->next) {
				if (!is_w(l, "lvl"))
					continue;
				k = attr_int(l, "ilvl", k);
				if (k < 0 || k >= MAX_LEVELS)
					break;
				a->lv[k].start = attr_int(child(l, "start"), "val", 1);
				v = attr(child(l, "numFmt"), "val");
				snprintf(a->lv[k].fmt, sizeof(a->lv[k].fmt), "%s",
				    v ? v : "decimal");
				xmlFree(v);
				v = attr(child(l, "lvlText"), "val");
				a->lv[k].text = xstrdup(v ? v : "");
				xmlFree(v);
				k++;
			}
		} else if (is_w(n, "num") && r->nnums < MAX_NUMS) {
			r->nums = xrealloc(r->nums, (r->nnums + 1) * sizeof(*r->nums));
			u = &r->nums[r->nnums++];
			memset(u, 0, sizeof(*u));
			u->id = attr_int(n, "numId", -1);
			u->abs = attr_int(child(n, "abstractNumId"), "val", -1);
			for (k = 0; k < MAX_LEVELS; k++)
				u->start[k] = -1;
			for (o = n->children; o != NULL; o = o->next)
				if (is_w(o, "lvlOverride") &&
				    (k = attr_int(o, "ilvl", -1)) >= 0 &&
				    k < MAX_LEVELS && child(o, "startOverride"))
					u->start[k] = attr_int(child(o,
					    "startOverride"), "val", 1);
		}
	}
	/* abstractNumId → index */
	for (u = r->nums; u < r->nums + r->nnums; u++) {
		for (i = 0; i < r->nabs; i++)
			if (r->abs[i].id == u->abs)
				break;
		u->abs = i < r->nabs ? (int)i : -1;
	}
}

static void
put_cn(struct buf *b, int v, const char *digits, const char *ten)
{
	const char	*d[10];
	const char	*p = digits;
	int		 i;

	for (i = 0; i < 10; i++) {
		d[i] = p;
		p = g_utf8_next_char(p);
	}
#define DIGIT(k)	buf_put(b, d[k], (size_t)(g_utf8_next_char(d[k]) - d[k]))
	if (v <= 0 || v >= 100) {
		buf_printf(b, "%d", v);
		return;
	}
	if (v >= 20)
		DIGIT(v / 10);
	if (v >= 10)
		buf_puts(b, ten);
	if (v % 10 != 0 || v < 10)
		DIGIT(v % 10);
#undef DIGIT
}

static void
put_roman(struct buf *b, int v, int upper)
{
	static const struct { int v; const char *s; } t[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	size_t	 i;
	const char *p;

	for (i = 0; i < G_N_ELEMENTS(t) && v > 0 && v < 4000; i++)
		while (v >= t[i].v) {
			for (p = t[i].s; *p; p++)
				buf_printf(b, "%c", upper ? g_ascii_toupper(*p) : *p);
			v -= t[i].v;
		}
}

/* One counter in the number format fmt. */
static void
put_number(struct buf *b, const char *fmt, int v)
{
	if (strcmp(fmt, "chineseCounting") == 0 ||
	    strcmp(fmt, "chineseCountingThousand") == 0 ||
	    strcmp(fmt, "taiwaneseCountingThousand") == 0 ||
	    strcmp(fmt, "taiwaneseCounting") == 0 ||
	    strcmp(fmt, "japaneseCounting") == 0)
		put_cn(b, v, "〇一二三四五六七八九", "十");
	else if (strcmp(fmt, "chineseLegalSimplified") == 0)
		put_cn(b, v, "零壹贰叁肆伍陆柒捌玖", "拾");
	else if (strcmp(fmt, "ideographTraditional") == 0 && v >= 1 && v <= 10) {
		const char	*p = g_utf8_offset_to_pointer("甲乙丙丁戊己庚辛壬癸",
		    v - 1);

		buf_put(b, p, (size_t)(g_utf8_next_char(p) - p));
	} else if ((strcmp(fmt, "decimalEnclosedCircle") == 0 ||
	    strcmp(fmt, "decimalEnclosedCircleChinese") == 0) && v >= 1 &&
	    v <= 20) {
		char	 u[8];

		buf_put(b, u, (size_t)g_unichar_to_utf8(0x2460 + v - 1, u));
	} else if (strcmp(fmt, "lowerLetter") == 0 && v >= 1 && v <= 26)
		buf_printf(b, "%c", 'a' + v - 1);
	else if (strcmp(fmt, "upperLetter") == 0 && v >= 1 && v <= 26)
		buf_printf(b, "%c", 'A' + v - 1);
	else if (strcmp(fmt, "lowerRoman") == 0)
		put_roman(b, v, 0);
	else if (strcmp(fmt, "upperRoman") == 0)
		put_roman(b, v, 1);
	else
		buf_printf(b, "%d", v);
}

/*
 * The visible label of a numbered paragraph, counting on: counters
 * belong to the abstract numbering, shared by every num that uses it;
 * a level's counter restarts when a higher level advances.
 */
static void
number_label(struct rd *r, int num_id, int ilvl, struct buf *b)
{
	struct num	*u = NULL;
	struct abstract	*a;
	const char	*p;
	size_t		 i;
	int		 k;

	for (i = 0; i < r->nnums; i++)
		if (r->nums[i].id == num_id)
			u = &r->nums[i];
	if (u == NULL || u->abs < 0 || ilvl < 0 || ilvl >= MAX_LEVELS)
		return;
	a = &r->abs[u->abs];
	if (!u->applied) {
		u->applied = 1;
		for (k = 0; k < MAX_LEVELS; k++)
			if (u->start[k] >= 0) {
				a->count[k] = u->start[k] - 1;
				a->used[k] = 1;
			}
	}
	if (strcmp(a->lv[ilvl].fmt, "none") == 0)
		return;
	if (!a->used[ilvl]) {
		a->count[ilvl] = a->lv[ilvl].start - 1;
		a->used[ilvl] = 1;
	}
	a->count[ilvl]++;
	for (k = ilvl + 1; k < MAX_LEVELS; k++)
		a->used[k] = 0;
	if (strcmp(a->lv[ilvl].fmt, "bullet") == 0) {
		buf_puts(b, "- ");
		return;
	}
	for (p = a->lv[ilvl].text ? a->lv[ilvl].text : ""; *p; p++) {
		if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
			k = p[1] - '1';
			put_number(b, a->lv[k].fmt, a->used[k] ? a->count[k] :
			    a->lv[k].start);
			p++;
		} else
			buf_put(b, p, 1);
	}
}

/* ---- relationships, comments, footnotes ---- */

/* target relative to the folder of the part base (word/document.xml). */
static char *
resolve(const char *base, const char *target)
{
	const char	*slash = strrchr(base, '/');

	if (*target == '/')
		return xstrdup(target + 1);
	if (slash == NULL)
		return xstrdup(target);
	return g_strdup_printf("%.*s/%s", (int)(slash - base), base, target);
}

static int
read_rels(struct rd *r, const char *part)
{
	char		*name, *mode, *t;
	const char	*slash = strrchr(part, '/');
	xmlDocPtr	 doc;
	xmlNode		*n;
	int		 missing;

	name = g_strdup_printf("%.*s_rels/%s.rels", slash ? (int)(slash - part + 1) :
	    0, part, slash ? slash + 1 : part);
	doc = pkg_xml(&r->p, name, &missing);
	g_free(name);
	if (doc == NULL)
		return missing ? 0 : -1;
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (!is_el(n, "Relationship"))
			continue;
		r->rels = xrealloc(r->rels, (r->nrels + 1) * sizeof(*r->rels));
		r->rels[r->nrels].id = attr(n, "Id");
		t = attr(n, "Target");
		mode = attr(n, "TargetMode");
		r->rels[r->nrels].external = mode != NULL &&
		    strcmp(mode, "External") == 0;
		r->rels[r->nrels].target = r->rels[r->nrels].external ?
		    g_strdup(t ? t : "") : resolve(part, t ? t : "");
		xmlFree(t);
		xmlFree(mode);
		if (r->rels[r->nrels].id == NULL)
			r->rels[r->nrels].id = (char *)xmlStrdup((const xmlChar *)"");
		r->nrels++;
	}
	xmlFreeDoc(doc);
	return 0;
}

static const struct rel *
rel_by_id(const struct rd *r, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < r->nrels; i++)
		if (strcmp(r->rels[i].id, id) == 0)
			return &r->rels[i];
	return NULL;
}

/* All text under n, paragraphs separated by blanks. */
static void
plain_text(xmlNode *n, struct buf *b, int depth)
{
	xmlNode	*c;
	xmlChar	*t;

	if (depth > 256)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (is_w(c, "delText") || is_w(c, "instrText"))
			continue;
		if (is_w(c, "t")) {
			t = xmlNodeGetContent(c);
			buf_puts(b, (const char *)t);
			xmlFree(t);
			continue;
		}
		if (is_w(c, "p") && b->len > 0)
			buf_puts(b, " ");
		plain_text(c, b, depth + 1);
	}
}

static void
read_notes(struct rd *r, const char *part, const char *el, struct note **v,
    size_t *nv)
{
	xmlDocPtr	 doc;
	xmlNode		*n;
	struct buf	 b;
	char		*type;
	int		 missing;

	if ((doc = pkg_xml(&r->p, part, &missing)) == NULL) {
		if (!missing)
			r->failed = 1;
		return;
	}
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (!is_w(n, el))
			continue;
		/* separators are no notes */
		if ((type = attr(n, "type")) != NULL) {
			xmlFree(type);
			continue;
		}
		memset(&b, 0, sizeof(b));
		plain_text(n, &b, 0);
		*v = xrealloc(*v, (*nv + 1) * sizeof(**v));
		(*v)[*nv].id = attr(n, "id");
		(*v)[*nv].text = b.data ? b.data : xstrdup("");
		(*nv)++;
	}
	xmlFreeDoc(doc);
}

static const char *
note_text(const struct note *v, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < n; i++)
		if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
			return v[i].text;
	return NULL;
}

/* ---- the body ---- */

static struct para *
new_para(struct rd *r)
{
	struct para	*p;

	r->pv = xrealloc(r->pv, (r->np + 1) * sizeof(*r->pv));
	p = &r->pv[r->np++];
	memset(p, 0, sizeof(*p));
	p->rank = BODY;
	return p;
}

/* The line a paragraph will have in the text import reads. */
static struct jb_pos
here(const struct rd *r)
{
	struct jb_pos	 pos = { r->p.path, (int)r->np + 1, 1 };

	return pos;
}

static void
toc_dropped(struct rd *r)
{
	struct jb_pos	 pos = here(r);

	msg(MSG_DOCX_TOC, &pos);
}

static void
tracked(struct rd *r)
{
	if (r->tracked == 0)
		r->tracked = (int)r->np + 1;
}

/* Text as Markdown reads it literally: marks that would format escaped. */
static void
put_text(struct buf *b, const char *s, int in_table)
{
	for (; *s; s++) {
		if (strchr("\\*_`<[]", *s) != NULL || (in_table && *s == '|'))
			buf_put(b, "\\", 1);
		if (*s == '\n' || *s == '\r')
			buf_put(b, " ", 1);
		else
			buf_put(b, s, 1);
	}
}

/* A run of text with its boldness, gathered for one paragraph. */
struct seg {
	char		*text;
	int		 bold;
	int		 size;
	const char	*href;		/* a link's target (the rels'), or NULL */
};

struct pstate {
	struct seg	*v;
	size_t		 n;
	int		 field;		/* 0 outside, 1 instruction, 2 result */
	int		 in_table;
	int		 depth;
	struct buf	 after;		/* pictures, comments, text boxes */
	int		 pics;
	const char	*href;		/* inside a link to this target */
};

static void
seg_add(struct pstate *ps, const char *t, int bold, int size)
{
	if (*t == '\0')
		return;
	if (ps->n > 0 && ps->v[ps->n - 1].bold == bold &&
	    ps->v[ps->n - 1].href == ps->href) {
		char	*j = g_strconcat(ps->v[ps->n - 1].text, t, NULL);

		free(ps->v[ps->n - 1].text);
		ps->v[ps->n - 1].text = xstrdup(j);
		g_free(j);
		if (size > ps->v[ps->n - 1].size)
			ps->v[ps->n - 1].size = size;
		return;
	}
	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof(*ps->v));
	ps->v[ps->n].text = xstrdup(t);
	ps->v[ps->n].bold = bold;
	ps->v[ps->n].size = size;
	ps->v[ps->n].href = ps->href;
	ps->n++;
}

static void	 walk_blocks(struct rd *, xmlNode *, int, int);

/* A target a link may have in the issue: a web page or a mail address,
 * written so that <…> holds it. */
static int
link_target(const char *t)
{
	return (strncmp(t, "http://", 7) == 0 || strncmp(t, "https://", 8) == 0 ||
	    strncmp(t, "mailto:", 7) == 0) && strpbrk(t, "<>\n\r \\") == NULL;
}

/* A picture: its bytes from the package, a line for it after the text. */
static void
picture(struct rd *r, struct pstate *ps, const char *rid, const char *descr)
{
	const struct rel	*rel = rel_by_id(r, rid);
	struct docxin_pic		*pic;
	struct buf		 b = { 0 };
	struct jb_pos		 pos = here(r);
	int			 res;

	if (rel == NULL)
		return;
	if (rel->external) {
		msg(MSG_DOCX_LINKED_IMAGE, &pos, rel->target);
		return;
	}
	/* a missing picture part has nothing to show; a bad one stops all */
	if ((res = pkg_read(&r->p, rel->target, DOCXIN_MAX_PART, &b)) != 0) {
		buf_free(&b);
		r->failed |= res == -1;
		return;
	}
	/* by the bytes, never by the entry's name; image.h checks the rest */
	if (!(b.len >= 3 && memcmp(b.data, "\xFF\xD8\xFF", 3) == 0) &&
	    !(b.len >= 8 && memcmp(b.data, "\x89PNG\r\n\x1A\n", 8) == 0)) {
		msg(MSG_DOCX_NOT_IMAGE, &(struct jb_pos){ r->p.path, 0, 0 },
		    rel->target);
		buf_free(&b);
		r->failed = 1;
		return;
	}
	r->out->pics = xrealloc(r->out->pics, (r->out->npics + 1) *
	    sizeof(*pic));
	pic = &r->out->pics[r->out->npics];
	pic->data = b.data;
	pic->len = b.len;
	snprintf(pic->ext, sizeof(pic->ext), "%s", b.len >= 3 &&
	    memcmp(b.data, "\xFF\xD8\xFF", 3) == 0 ? "jpg" : "png");
	buf_printf(&ps->after, "\n![%s](jianbao-pic:%zu)", descr ? descr : "",
	    r->out->npics);
	r->out->npics++;
	ps->pics++;
}

static void walk_runs(struct rd *, struct pstate *, xmlNode *, int, int);

static void
drawing(struct rd *r, struct pstate *ps, xmlNode *n)
{
	xmlNode	*doc = find(n, "docPr", 0), *blip = find(n, "blip", 0);
	xmlNode	*txbx = find(n, "txbxContent", 0);
	char	*descr = attr(doc, "descr"), *rid = attr(blip, "embed");
	char	*link = attr(blip, "link"), *clean;

	if (rid == NULL && link != NULL) {
		const struct rel	*rel = rel_by_id(r, link);
		struct jb_pos		 pos = here(r);

		msg(MSG_DOCX_LINKED_IMAGE, &pos, rel ? rel->target : link);
	}
	xmlFree(link);
	if (rid != NULL) {
		clean = descr ? g_strdelimit(g_strdup(descr), "[]\n\r", ' ') : NULL;
		picture(r, ps, rid, clean);
		g_free(clean);
	}
	if (txbx != NULL && ps->depth < MAX_DEPTH) {
		struct buf	 t = { 0 };

		plain_text(txbx, &t, 0);
		if (t.len > 0) {
			struct jb_pos	 pos = here(r);

			msg(MSG_DOCX_TEXTBOX, &pos, t.data);
			buf_puts(&ps->after, "\n");
			put_text(&ps->after, t.data, 0);
		}
		buf_free(&t);
	}
	xmlFree(descr);
	xmlFree(rid);
}

/*
 * A field's begin, separate or end.  Its result is text, its instruction
 * not; a table of contents (TOC) is dropped whole, result and all, since
 * jianbao makes the 要目 itself.
 */
static void
field_char(struct rd *r, struct pstate *ps, const char *type)
{
	const char	*p;

	if (type == NULL)
		return;
	if (strcmp(type, "begin") == 0) {
		ps->field = 1;
		if (r->fdepth++ == 0)
			r->instr.len = 0;
	} else if (strcmp(type, "separate") == 0) {
		ps->field = 2;
		for (p = r->instr.data ? r->instr.data : ""; *p == ' '; p++)
			;
		if (r->fdepth == 1 && strncmp(p, "TOC", 3) == 0 && !r->toc) {
			r->toc = 1;
			toc_dropped(r);
		}
	} else if (strcmp(type, "end") == 0) {
		ps->field = 0;
		if (r->fdepth > 0 && --r->fdepth == 0)
			r->toc = 0;
	}
}

/* The runs of a paragraph, looking through the wrappers that hold them. */
static void
walk_runs(struct rd *r, struct pstate *ps, xmlNode *n, int bold, int size)
{
	xmlNode		*c, *k, *rpr;
	xmlChar		*t;
	char		 u[8], *v, *id;
	const char	*note;
	int		 b, sz;

	if (++ps->depth > MAX_DEPTH * 4) {
		ps->depth--;
		return;
	}
	for (c = n->children; c != NULL; c = c->next) {
		if (is_w(c, "del") || is_w(c, "moveFrom")) {
			tracked(r);
			continue;
		}
		if (is_w(c, "ins") || is_w(c, "moveTo"))
			tracked(r);
		if (is_w(c, "pPr") || is_w(c, "rPr"))
			continue;
		if (is_el(c, "AlternateContent")) {
			/* one branch: the first Choice, else the Fallback */
			for (k = c->children; k != NULL; k = k->next)
				if (is_el(k, "Choice") || is_el(k, "Fallback")) {
					walk_runs(r, ps, k, bold, size);
					break;
				}
			continue;
		}
		if (is_w(c, "r")) {
			b = bold;
			sz = size;
			if ((rpr = child(c, "rPr")) != NULL) {
				const struct style *cs = style_by_id(r, v = attr(child(rpr,
				    "rStyle"), "val"));

				xmlFree(v);
				if (cs != NULL && cs->bold >= 0)
					b = cs->bold;
				read_rpr(rpr, &b, &sz);
				if (child(rpr, "vanish") != NULL &&
				    on_off(child(rpr, "vanish")))
					continue;
			}
			for (k = c->children; k != NULL; k = k->next) {
				if (is_w(k, "fldChar")) {
					v = attr(k, "fldCharType");
					field_char(r, ps, v);
					xmlFree(v);
				} else if (is_w(k, "instrText")) {
					if (r->fdepth == 1 && r->instr.len < 64) {
						t = xmlNodeGetContent(k);
						buf_puts(&r->instr, (const char *)t);
						xmlFree(t);
					}
				} else if (ps->field == 1 || r->toc)
					continue;
				else if (is_w(k, "t")) {
					t = xmlNodeGetContent(k);
					seg_add(ps, (const char *)t, b > 0, sz);
					xmlFree(t);
				} else if (is_w(k, "tab"))
					seg_add(ps, " ", b > 0, sz);
				else if (is_w(k, "noBreakHyphen"))
					seg_add(ps, "\u2011", b > 0, sz);
				else if (is_w(k, "sym")) {
					v = attr(k, "char");
					u[g_unichar_to_utf8(v ? (gunichar)strtoul(v,
					    NULL, 16) : '?', u)] = '\0';
					xmlFree(v);
					seg_add(ps, u, b > 0, sz);
				} else if (is_w(k, "br") || is_w(k, "cr")) {
					v = attr(k, "type");
					if (v == NULL || strcmp(v, "page") != 0)
						seg_add(ps, "\n", b > 0, sz);
					xmlFree(v);
				} else if (is_w(k, "drawing"))
					drawing(r, ps, k);
				else if (is_w(k, "pict") || is_el(k, "AlternateContent")) {
					xmlNode	*img = find(k, "imagedata", 0);

					if (img != NULL && (id = attr(img, "id")) != NULL) {
						picture(r, ps, id, NULL);
						xmlFree(id);
					} else
						drawing(r, ps, k);
				} else if (is_w(k, "commentReference")) {
					id = attr(k, "id");
					if ((note = note_text(r->comments,
					    r->ncomments, id)) != NULL && *note) {
						struct jb_pos	 pos = here(r);

						msg(MSG_DOCX_COMMENT, &pos, note);
						buf_puts(&ps->after, "\n（批注：");
						put_text(&ps->after, note, 0);
						buf_puts(&ps->after, "）");
					}
					xmlFree(id);
				} else if (is_w(k, "footnoteReference") ||
				    is_w(k, "endnoteReference")) {
					id = attr(k, "id");
					if ((note = note_text(r->foots, r->nfoots,
					    id)) != NULL && *note) {
						struct jb_pos	 pos = here(r);

						msg(MSG_DOCX_FOOTNOTE, &pos, note);
						buf_puts(&r->later, "\n注：");
						put_text(&r->later, note, 0);
					}
					xmlFree(id);
				}
			}
			continue;
		}
		/* a link to a page outside keeps its target */
		if (is_w(c, "hyperlink") && ps->href == NULL) {
			const struct rel	*rel = rel_by_id(r, v = attr(c, "id"));

			xmlFree(v);
			if (rel != NULL && rel->external && link_target(rel->target)) {
				ps->href = rel->target;
				walk_runs(r, ps, c, bold, size);
				ps->href = NULL;
				continue;
			}
		}
		/* hyperlink, smartTag, customXml, sdt, sdtContent, ins, moveTo,
		 * fldSimple: their runs count, they do not */
		if (c->type == XML_ELEMENT_NODE)
			walk_runs(r, ps, c, bold, size);
	}
	ps->depth--;
}

static int
numbered_section(const char *t)
{
	const char	*p = t;
	int		 paren = 0;

	if (strncmp(p, "（", strlen("（")) == 0) {
		paren = 1;
		p += strlen("（");
	}
	if (!g_utf8_strchr("一二三四五六七八九十", -1, g_utf8_get_char(p)))
		return 0;
	while (g_utf8_strchr("一二三四五六七八九十", -1, g_utf8_get_char(p)))
		p = g_utf8_next_char(p);
	if (paren)
		return strncmp(p, "）", strlen("）")) == 0 ? 2 : 0;
	return strncmp(p, "、", strlen("、")) == 0 ? 1 : 0;
}

/* A short paragraph, one sentence at most: what can be a heading. */
static int
short_line(const char *t)
{
	long	 n = g_utf8_strlen(t, -1);

	return n > 0 && n <= 40 && strchr(t, '\n') == NULL &&
	    strstr(t, "。") == NULL && strstr(t, "；") == NULL;
}

static int
blank(const char *s)
{
	for (; *s; s = g_utf8_next_char(s))
		if (!g_unichar_isspace(g_utf8_get_char(s)) &&
		    g_utf8_get_char(s) != 0x3000)
			return 0;
	return 1;
}

/* Ends like a sentence: 。！？ and the like, or a colon. */
static int
ends_sentence(const char *t)
{
	const char	*e = t + strlen(t);

	if (e == t)
		return 0;
	e = g_utf8_prev_char(e);
	return g_utf8_strchr("。！？；：，…", -1, g_utf8_get_char(e)) != NULL;
}

/*
 * The text of a paragraph as one line, for what a heading says: a line
 * break beside a Chinese character or mark vanishes, elsewhere it is a space
 * (a title broken in two lines by hand is one title).
 */
static void
join_lines(char *s)
{
	char		*p, *q;
	gunichar	 a, b;

	for (p = q = s; *p; p++) {
		if (*p != '\n') {
			*q++ = *p;
			continue;
		}
		a = q > s ? g_utf8_get_char(g_utf8_find_prev_char(s, q)) : 0;
		b = g_utf8_get_char(p + 1);
		/* as import rejoins a paragraph: “ and ” count as Chinese */
		if (!src_wide_ambiguous(a) && !src_wide_ambiguous(b))
			*q++ = ' ';
	}
	*q = '\0';
}

/* Strip the leading blanks and 　 typed as an indent. */
static char *
strip_indent(const char *s)
{
	gunichar	 c;

	while (*s && ((c = g_utf8_get_char(s)) == ' ' || c == 0x3000 ||
	    c == '\t' || c == 0xA0))
		s = g_utf8_next_char(s);
	return xstrdup(s);
}

/* Caption after a picture: a short paragraph starting 图 or 圖. */
static int
caption_like(const struct para *p)
{
	const char	*t = p->text.data ? p->text.data : "";

	return !p->raw && p->rank == BODY && g_utf8_strlen(t, -1) <= 80 &&
	    (strncmp(t, "图", strlen("图")) == 0 ||
	    strncmp(t, "圖", strlen("圖")) == 0) && strstr(t, "摄") == NULL;
}

/* End the link open in b, if any: its target in <> (link_target() made
 * sure it holds no < > or blank). */
static void
close_link(struct buf *b, const char **link)
{
	if (*link == NULL)
		return;
	buf_printf(b, "](<%s>)", *link);
	*link = NULL;
}

/*
 * A caption right after a picture goes into the picture's title (and its
 * alt text when Word had none): one line, so that every later message's
 * line is the line of the text import reads.
 */
static void
merge_caption(struct rd *r)
{
	struct para	*pic, *cap;
	struct buf	 b = { 0 };
	const char	*t, *q, *c;

	if (r->np < 2)
		return;
	pic = &r->pv[r->np - 2];
	cap = &r->pv[r->np - 1];
	t = pic->text.data ? pic->text.data : "";
	if (!pic->raw || strncmp(t, "![", 2) != 0 || !caption_like(cap) ||
	    strchr(t, '"') != NULL || (q = strrchr(t, ')')) == NULL)
		return;
	c = cap->text.data;
	if (strncmp(t, "![]", 3) == 0) {
		/* no alt text: the caption says what it shows */
		buf_puts(&b, "![");
		for (; *c; c++)
			if (*c != '[' && *c != ']')
				buf_put(&b, c, 1);
		buf_puts(&b, "]");
		t += 3;
		c = cap->text.data;
	}
	buf_put(&b, t, (size_t)(q - t));
	buf_puts(&b, " \"");
	for (; *c; c++)
		if (*c == '"')
			buf_puts(&b, "\\\"");
		else
			buf_put(&b, c, 1);
	buf_puts(&b, "\")");
	buf_free(&pic->text);
	pic->text = b;
	buf_free(&cap->text);
	r->np--;
}

static void
paragraph(struct rd *r, xmlNode *p)
{
	xmlNode		*ppr = child(p, "pPr"), *c;
	struct style	 st;
	struct pstate	 ps;
	struct buf	 label = { 0 }, all = { 0 };
	struct para	*out;
	char		*v, *first, *line, *l0, *nl;
	size_t		 i;
	int		 outline, center, num_id = -1, ilvl = 0, bold_all = 1,
			 size = 0, lv;

	memset(&ps, 0, sizeof(ps));
	v = attr(child(ppr, "pStyle"), "val");
	style_chain(r, v, &st);
	xmlFree(v);
	outline = st.outline;
	if ((c = child(ppr, "outlineLvl")) != NULL)
		outline = (lv = attr_int(c, "val", 9)) < 9 ? lv : BODY;
	center = st.center > 0;
	if ((c = child(ppr, "jc")) != NULL) {
		v = attr(c, "val");
		center = v != NULL && strcmp(v, "center") == 0;
		xmlFree(v);
	}
	num_id = st.num_id;
	ilvl = st.ilvl < 0 ? 0 : st.ilvl;
	if ((c = child(ppr, "numPr")) != NULL) {
		num_id = attr_int(child(c, "numId"), "val", num_id);
		ilvl = attr_int(child(c, "ilvl"), "val", ilvl);
	}
	walk_runs(r, &ps, p, st.bold > 0, st.size);
	if (num_id > 0)
		number_label(r, num_id, ilvl, &label);
	for (i = 0; i < ps.n; i++) {
		bold_all &= ps.v[i].bold || blank(ps.v[i].text);
		if (ps.v[i].size > size)
			size = ps.v[i].size;
		buf_puts(&all, ps.v[i].text);
	}
	first = all.data ? strip_indent(all.data) : xstrdup("");
	g_strstrip(first);
	join_lines(first);
	if (*first != '\0' || label.len > 0) {
		out = new_para(r);
		buf_puts(&out->text, label.data ? label.data : "");
		if (outline < BODY)
			out->rank = outline;
		else if (label.len == 0 && short_line(first) &&
		    (center || size * 4 >= r->body_size * 5) &&
		    (bold_all || size * 4 >= r->body_size * 5))
			out->rank = -1;		/* centred or larger: a title */
		else if (label.len == 0 && short_line(first) && bold_all &&
		    !ends_sentence(first))
			out->rank = numbered_section(first) - 1;
		else if (short_line(first) && !ends_sentence(first) &&
		    numbered_section(label.len ? label.data : first) > 0 &&
		    g_utf8_strlen(first, -1) <= 30)
			/* 一、 or （一） alone on its line: a section heading,
			 * however it is set (公文 often sets them in 黑体 or 楷体) */
			out->rank = numbered_section(label.len ? label.data :
			    first) - 1;
		if (out->rank < BODY) {
			out->section = numbered_section(label.len ? label.data : first);
			put_text(&out->text, first, 0);
		} else {
			/* body text, bold phrases marked; indents and line
			 * breaks as paragraphs of their own */
			const char	*link = NULL;
			int		 lead = 1;

			for (i = 0; i < ps.n; i++) {
				line = lead ? strip_indent(ps.v[i].text) :
				    xstrdup(ps.v[i].text);
				for (l0 = *line ? line : NULL; l0 != NULL; l0 = nl) {
					if ((nl = strchr(l0, '\n')) != NULL)
						*nl++ = '\0';
					/* a link opens before its first text */
					if (ps.v[i].href != NULL && link == NULL &&
					    *l0 != '\0') {
						buf_puts(&out->text, "[");
						link = ps.v[i].href;
					}
					if (ps.v[i].bold && *g_strstrip(l0)) {
						buf_puts(&out->text, "**");
						put_text(&out->text, l0, 0);
						buf_puts(&out->text, "**");
					} else
						put_text(&out->text, l0, 0);
					if (nl != NULL) {
						/* a line break: the next line a paragraph */
						close_link(&out->text, &link);
						out = new_para(r);
						while (*nl == ' ' || *nl == '\t')
							nl++;
					}
				}
				/* and closes after its last, the target in <> */
				if (i + 1 == ps.n || ps.v[i + 1].href != link)
					close_link(&out->text, &link);
				lead = lead && *line == '\0';
				free(line);
			}
		}
	}
	if (ps.after.len > 0) {
		for (l0 = ps.after.data + 1; l0 != NULL; l0 = nl) {
			if ((nl = strchr(l0, '\n')) != NULL)
				*nl++ = '\0';
			out = new_para(r);
			out->raw = strncmp(l0, "![", 2) == 0;
			buf_puts(&out->text, l0);
		}
	}
	merge_caption(r);
	for (i = 0; i < ps.n; i++)
		free(ps.v[i].text);
	free(ps.v);
	free(first);
	buf_free(&label);
	buf_free(&all);
	buf_free(&ps.after);
}

/* The text of a table cell: its paragraphs on one line. */
static void
cell_text(struct rd *r, xmlNode *tc, struct buf *b)
{
	size_t	 from = r->np, i;

	walk_blocks(r, tc, 1, 1);
	for (i = from; i < r->np; i++) {
		if (b->len > 0 && r->pv[i].text.len > 0)
			buf_puts(b, " ");
		if (r->pv[i].raw)	/* a picture in a cell: after the table */
			continue;
		buf_puts(b, r->pv[i].text.data ? r->pv[i].text.data : "");
	}
	for (i = from; i < r->np; i++)
		if (!r->pv[i].raw)
			buf_free(&r->pv[i].text);
}

/* Pipe-table text for a cell: | escaped, no line breaks. */
static void
put_cell(struct buf *row, const char *t)
{
	buf_puts(row, " ");
	for (; *t; t++) {
		if (*t == '|')
			buf_puts(row, "\\|");
		else
			buf_put(row, t, 1);
	}
	buf_puts(row, " |");
}

/*
 * A table as a GFM pipe table: the first row its header, merged cells
 * (gridSpan, vMerge) empty where they continue, one column count.  A
 * table of one row, or whose rows below the header are empty, is a frame
 * for text (a boxed notice, a layout grid): its cells become paragraphs.
 */
static void
table(struct rd *r, xmlNode *tbl)
{
	xmlNode		*tr, *tc, *pr;
	struct buf	**rows = NULL, cell;
	size_t		 nrows = 0, i, j, pics_from;
	int		 *ncols = NULL, cols = 0, span, k, cont;
	char		*v;
	struct para	*out;
	struct para	*keep = NULL;
	size_t		 nkeep = 0, ntexts = 0;
	char		**texts = NULL;	/* the cells with text, in order */
	int		 body = 0;	/* a row below the first has text */

	pics_from = r->np;
	for (tr = tbl->children; tr != NULL; tr = tr->next) {
		if (!is_w(tr, "tr"))
			continue;
		rows = xrealloc(rows, (nrows + 1) * sizeof(*rows));
		ncols = xrealloc(ncols, (nrows + 1) * sizeof(int));
		rows[nrows] = xcalloc(1, sizeof(struct buf));
		ncols[nrows] = 0;
		buf_puts(rows[nrows], "|");
		for (tc = tr->children; tc != NULL; tc = tc->next) {
			if (is_w(tc, "sdt"))
				tc = child(child(tc, "sdtContent"), "tc") ?
				    child(child(tc, "sdtContent"), "tc") : tc;
			if (!is_w(tc, "tc"))
				continue;
			pr = child(tc, "tcPr");
			span = attr_int(child(pr, "gridSpan"), "val", 1);
			if (span < 1 || span > 64)
				span = 1;
			cont = 0;
			if (child(pr, "vMerge") != NULL) {
				v = attr(child(pr, "vMerge"), "val");
				cont = v == NULL || strcmp(v, "continue") == 0;
				xmlFree(v);
			}
			memset(&cell, 0, sizeof(cell));
			cell_text(r, tc, &cell);
			put_cell(rows[nrows], cont ? "" : cell.data ? cell.data : "");
			if (!cont && cell.len > 0) {
				texts = xrealloc(texts, (ntexts + 1) * sizeof(char *));
				texts[ntexts++] = xstrdup(cell.data);
				body |= nrows > 0;
			}
			for (k = 1; k < span; k++)
				put_cell(rows[nrows], "");
			ncols[nrows] += span;
			buf_free(&cell);
		}
		if (ncols[nrows] > cols)
			cols = ncols[nrows];
		nrows++;
	}
	/* pictures from cells stay, after the table */
	for (i = pics_from; i < r->np; i++)
		if (r->pv[i].raw) {
			keep = xrealloc(keep, (nkeep + 1) * sizeof(*keep));
			keep[nkeep++] = r->pv[i];
		}
	r->np = pics_from;
	if (!body && ntexts > 0) {
		/* one row, or a header over empty rows: a frame around text,
		 * not a table; its text as paragraphs */
		struct jb_pos	 pos = here(r);

		msg(MSG_DOCX_TABLE_TEXT, &pos);
		for (j = 0; j < ntexts; j++) {
			out = new_para(r);
			buf_puts(&out->text, texts[j]);
		}
	} else if (body && cols > 0) {
		for (i = 0; i < nrows; i++) {
			for (k = ncols[i]; k < cols; k++)
				buf_puts(rows[i], "  |");
			out = new_para(r);
			out->raw = 1;
			buf_puts(&out->text, rows[i]->data);
			if (i == 0) {
				out = new_para(r);
				out->raw = 1;
				buf_puts(&out->text, "|");
				for (k = 0; k < cols; k++)
					buf_puts(&out->text, " --- |");
			}
		}
		/* a table ends at a blank line: an empty paragraph */
		out = new_para(r);
	}
	for (j = 0; j < nkeep; j++) {
		out = new_para(r);
		*out = keep[j];
	}
	for (i = 0; i < nrows; i++) {
		buf_free(rows[i]);
		free(rows[i]);
	}
	free(rows);
	free(ncols);
	free(keep);
	for (j = 0; j < ntexts; j++)
		free(texts[j]);
	free(texts);
}

/* A content control that Word made a table of contents. */
static int
toc_sdt(xmlNode *sdt)
{
	xmlNode	*g = find(child(sdt, "sdtPr"), "docPartGallery", 0);
	char	*v = attr(g, "val");
	int	 r = v != NULL && strstr(v, "Table of Contents") != NULL;

	xmlFree(v);
	return r;
}

static void
walk_blocks(struct rd *r, xmlNode *n, int depth, int in_cell)
{
	xmlNode	*c;

	if (depth > MAX_DEPTH)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (is_w(c, "p"))
			paragraph(r, c);
		else if (is_w(c, "tbl")) {
			if (in_cell) {
				/* a nested table: its text in the cell */
				walk_blocks(r, c, depth + 1, 1);
			} else
				table(r, c);
		} else if (is_w(c, "tr") || is_w(c, "tc"))
			walk_blocks(r, c, depth + 1, in_cell);
		else if (is_w(c, "del") || is_w(c, "moveFrom")) {
			tracked(r);
		} else if (is_w(c, "sdt") && toc_sdt(c)) {
			toc_dropped(r);
		} else if (is_w(c, "sdt") || is_w(c, "sdtContent") ||
		    is_w(c, "customXml") || is_w(c, "ins") || is_w(c, "moveTo") ||
		    is_el(c, "AlternateContent") || is_el(c, "Choice")) {
			if (is_w(c, "ins") || is_w(c, "moveTo"))
				tracked(r);
			walk_blocks(r, c, depth + 1, in_cell);
		}
	}
}

/* The paragraphs as import's text, heading ranks as # marks. */
static void
emit(struct rd *r)
{
	struct buf	*o = &r->out->text;
	struct para	*p;
	size_t		 i;
	int		 ranks[16], nr = 0, k, j, lv;
	char		*t;

	/* the heading ranks in use, smallest first: ##, ###, #### */
	for (i = 0; i < r->np; i++) {
		p = &r->pv[i];
		if (p->rank >= BODY)
			continue;
		for (k = 0; k < nr && ranks[k] != p->rank; k++)
			;
		if (k == nr && nr < 16)
			ranks[nr++] = p->rank;
	}
	for (k = 0; k < nr; k++)
		for (j = k + 1; j < nr; j++)
			if (ranks[j] < ranks[k]) {
				lv = ranks[k];
				ranks[k] = ranks[j];
				ranks[j] = lv;
			}
	for (i = 0; i < r->np; i++) {
		p = &r->pv[i];
		t = p->text.data ? p->text.data : "";
		if (p->rank < BODY) {
			for (k = 0; k < nr && ranks[k] != p->rank; k++)
				;
			lv = k + 2 > 4 ? 4 : k + 2;
			/* 一、 is a section (###) and （一） one below, never a title */
			if (p->section > 0 && lv < p->section + 2)
				lv = p->section + 2;
			buf_printf(o, "%.*s %s\n", lv, "####", t);
			continue;
		}
		buf_puts(o, t);
		buf_puts(o, "\n");
	}
	if (r->later.len > 0) {
		buf_puts(o, r->later.data + 1);
		buf_puts(o, "\n");
	}
}

static void
rd_free(struct rd *r)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < r->nst; i++) {
		xmlFree(r->st[i].id);
		xmlFree(r->st[i].name);
		xmlFree(r->st[i].based);
	}
	free(r->st);
	for (i = 0; i < r->nabs; i++)
		for (k = 0; k < MAX_LEVELS; k++)
			free(r->abs[i].lv[k].text);
	free(r->abs);
	free(r->nums);
	for (i = 0; i < r->nrels; i++) {
		xmlFree(r->rels[i].id);
		g_free(r->rels[i].target);
	}
	free(r->rels);
	for (i = 0; i < r->ncomments; i++) {
		xmlFree(r->comments[i].id);
		free(r->comments[i].text);
	}
	free(r->comments);
	for (i = 0; i < r->nfoots; i++) {
		xmlFree(r->foots[i].id);
		free(r->foots[i].text);
	}
	free(r->foots);
	for (i = 0; i < r->np; i++)
		buf_free(&r->pv[i].text);
	free(r->pv);
	buf_free(&r->later);
	buf_free(&r->instr);
	pkg_close(&r->p);
}

/* The main part: from _rels/.rels, else word/document.xml. */
static char *
main_part(struct rd *r)
{
	xmlDocPtr	 doc;
	xmlNode		*n;
	char		*type, *target, *res = NULL;
	int		 missing;

	if ((doc = pkg_xml(&r->p, "_rels/.rels", &missing)) == NULL)
		return missing ? xstrdup("word/document.xml") : NULL;
	for (n = xmlDocGetRootElement(doc)->children; n && !res; n = n->next) {
		if (!is_el(n, "Relationship"))
			continue;
		type = attr(n, "Type");
		target = attr(n, "Target");
		if (type && target && g_str_has_suffix(type, "/officeDocument") &&
		    !bad_name(*target == '/' ? target + 1 : target))
			res = xstrdup(*target == '/' ? target + 1 : target);
		xmlFree(type);
		xmlFree(target);
	}
	xmlFreeDoc(doc);
	return res ? res : xstrdup("word/document.xml");
}

int
docxin_read(const char *path, const char *data, size_t len, struct docxin *out)
{
	struct rd	 r;
	xmlDocPtr	 doc = NULL, aux;
	xmlNode		*body;
	char		*part = NULL, *dir, *name;
	int		 rc = -1, missing;

	memset(&r, 0, sizeof(r));
	memset(out, 0, sizeof(*out));
	r.out = out;
	if (pkg_open(&r.p, path, data, len) == -1)
		goto out;
	if ((part = main_part(&r)) == NULL)
		goto out;
	if ((doc = pkg_xml(&r.p, part, &missing)) == NULL) {
		if (missing)
			msg(MSG_DOCX_NO_DOCUMENT, &(struct jb_pos){ path, 0, 0 });
		goto out;
	}
	dir = g_path_get_dirname(part);
#define AUX(file, fn)	do {						\
		name = g_strdup_printf("%s/%s", dir, file);		\
		aux = pkg_xml(&r.p, name, &missing);			\
		g_free(name);						\
		if (aux == NULL && !missing) {				\
			g_free(dir);					\
			goto out;					\
		}							\
		if (aux != NULL) {					\
			fn(&r, aux);					\
			xmlFreeDoc(aux);				\
		}							\
	} while (0)
	name = g_strdup_printf("%s/styles.xml", dir);
	missing = read_styles(&r, name);
	g_free(name);
	if (missing == -1) {
		g_free(dir);
		goto out;
	}
	AUX("numbering.xml", read_numbering);
#undef AUX
	if (r.body_size == 0)
		r.body_size = 21;
	name = g_strdup_printf("%s/comments.xml", dir);
	read_notes(&r, name, "comment", &r.comments, &r.ncomments);
	g_free(name);
	name = g_strdup_printf("%s/footnotes.xml", dir);
	read_notes(&r, name, "footnote", &r.foots, &r.nfoots);
	g_free(name);
	g_free(dir);
	if (r.failed || read_rels(&r, part) == -1)
		goto out;
	if ((body = child(xmlDocGetRootElement(doc), "body")) == NULL) {
		msg(MSG_DOCX_NO_DOCUMENT, &(struct jb_pos){ path, 0, 0 });
		goto out;
	}
	walk_blocks(&r, body, 0, 0);
	if (r.failed || r.p.total > DOCXIN_MAX_TOTAL)
		goto out;
	if (r.tracked)
		msg(MSG_DOCX_TRACKED, &(struct jb_pos){ path, r.tracked, 1 });
	emit(&r);
	if (out->text.data == NULL)
		buf_put(&out->text, "", 0);
	rc = 0;
out:
	if (rc == -1)
		docxin_clear(out);
	xmlFreeDoc(doc);
	free(part);
	rd_free(&r);
	return rc;
}

int
docxin_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

int
docxin_is_ole(const char *data, size_t len)
{
	return len >= 8 && memcmp(data,
	    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

/* Is soffice on PATH? */
static int
have_soffice(void)
{
	gchar	*p = g_find_program_in_path("soffice");
	int	 r = p != NULL;

	g_free(p);
	return r;
}

int
docxin_from_ole(const char *path, const char *data, size_t len, struct buf *docx)
{
	static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	char		 tmpl[] = "/tmp/jianbao-doc-XXXXXX", *in = NULL, *outp = NULL;
	char		*profile = NULL, *base, *dot;
	gchar		*argv[11], *errs = NULL;
	gint		 status = 0;
	int		 rc = -1;

	/* an encrypted .docx is an OLE file with an EncryptedPackage stream */
	if (has(data, len, enc, sizeof(enc) - 1)) {
		msg(MSG_DOCX_ENCRYPTED, &(struct jb_pos){ path, 0, 0 });
		return -1;
	}
	if (!have_soffice()) {
		msg(MSG_DOCX_OLD, &(struct jb_pos){ path, 0, 0 });
		return -1;
	}
	if (mkdtemp(tmpl) == NULL) {
		msg(MSG_MKDIR, NULL, tmpl, msg_strerror(errno));
		return -1;
	}
	base = g_path_get_basename(path);
	if ((dot = strrchr(base, '.')) != NULL)
		*dot = '\0';
	in = g_strdup_printf("%s/in.doc", tmpl);
	outp = g_strdup_printf("%s/in.docx", tmpl);
	profile = g_strdup_printf("-env:UserInstallation=file://%s/profile", tmpl);
	if (!g_file_set_contents(in, data, (gssize)len, NULL))
		goto out;
	/* bounded time: a hostile file must not hang the import */
	argv[0] = "timeout";
	argv[1] = "120";
	argv[2] = "soffice";
	argv[3] = profile;
	argv[4] = "--headless";
	argv[5] = "--convert-to";
	argv[6] = "docx:MS Word 2007 XML";
	argv[7] = "--outdir";
	argv[8] = tmpl;
	argv[9] = in;
	argv[10] = NULL;
	if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errs, &status, NULL) ||
	    !g_spawn_check_wait_status(status, NULL) || access(outp, R_OK) != 0 ||
	    infile_read(outp, path, NULL, DOCXIN_MAX_FILE, docx) == -1) {
		buf_free(docx);
		msg(MSG_DOCX_CONVERT, &(struct jb_pos){ path, 0, 0 }, path);
		goto out;
	}
	msg(MSG_IMPORT_CONVERTED, &(struct jb_pos){ path, 0, 0 }, path);
	rc = 0;
out:
	/* LibreOffice's profile and the copies go with the folder */
	nftw(tmpl, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	g_free(in);
	g_free(outp);
	g_free(profile);
	g_free(errs);
	g_free(base);
	return rc;
}

void
docxin_clear(struct docxin *d)
{
	size_t	 i;

	buf_free(&d->text);
	for (i = 0; i < d->npics; i++)
		free(d->pics[i].data);
	free(d->pics);
	d->pics = NULL;
	d->npics = 0;
}
