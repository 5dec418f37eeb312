/* docxsty.c -- what a .docx's body refers to: styles (through SAX), numbering and its labels, relationships, comments and footnotes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "import/docx_int.h"

/* ---- styles ---- */

const struct style *
docxsty_style_by_id(const struct rd *r, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < r->nst; i++)
		if (strcmp(r->st[i].id, id) == 0)
			return &r->st[i];
	return NULL;
}

void
docxsty_read_rpr(const xmlNode *rpr, int *bold, int *size)
{
	xmlNode	*c;

	if ((c = docxpkg_child(rpr, "b")) != NULL)
		*bold = docxpkg_on_off(c);
	if ((c = docxpkg_child(rpr, "sz")) != NULL)
		*size = docxpkg_attr_int(c, "val", 0);
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
		else if (strcmp((const char *)local, "rFonts") == 0 && st->face == NULL)
			st->face = sx_val(nattr, attrs, "eastAsia");
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
int
docxsty_read_styles(struct rd *r, const char *name)
{
	xmlSAXHandler	 h;
	struct sx	 x;
	struct style	*st;
	size_t		 i;
	int		 rc;

	memset(&h, 0, sizeof(h));
	memset(&x, 0, sizeof(x));
	x.r = r;
	h.startElementNs = sx_start;
	h.endElementNs = sx_end;
	if ((rc = docxpkg_sax(&r->p, name, &h, &x)) == -1)
		return -1;
	/* Normal's size, the default's, until the text is counted; by
	 * index, since r->st is NULL in a file without styles */
	for (i = 0; i < r->nst; i++) {
		st = &r->st[i];
		if (st->name != NULL && g_ascii_strcasecmp(st->name, "Normal") == 0 &&
		    st->size > 0)
			r->body_size = st->size;
	}
	if (r->body_size == 0)
		r->body_size = 21;
	r->norm_size = r->body_size;
	return 0;
}

/*
 * What a paragraph style says, following basedOn: its outline level
 * (from the property, or from a name heading N / 标题 N, Title → -1),
 * bold, size, centring, numbering.  Names, not ids: WPS writes numbers
 * as ids.
 */
void
docxsty_style_chain(const struct rd *r, const char *id, struct style *res)
{
	const struct style	*s;
	int			 depth, n;
	const char		*nm;

	memset(res, 0, sizeof(*res));
	res->outline = res->bold = res->center = res->num_id = res->ilvl = -1;
	res->outline = BODY;
	n = BODY;
	for (depth = 0, s = docxsty_style_by_id(r, id); s != NULL && depth < 32;
	    depth++, s = docxsty_style_by_id(r, s->based)) {
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
		if (res->face == NULL)
			res->face = s->face;
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

void
docxsty_read_numbering(struct rd *r, xmlDocPtr doc)
{
	xmlNode		*root = xmlDocGetRootElement(doc), *n, *l, *o;
	struct abstract	*a;
	struct num	*u;
	int		 k;
	size_t		 i;
	char		*v;

	for (n = root ? root->children : NULL; n != NULL; n = n->next) {
		if (docxpkg_is_w(n, "abstractNum") && r->nabs < MAX_NUMS) {
			r->abs = xrealloc(r->abs, (r->nabs + 1) * sizeof(*r->abs));
			a = &r->abs[r->nabs++];
			memset(a, 0, sizeof(*a));
			a->id = docxpkg_attr_int(n, "abstractNumId", -1);
			for (k = 0; k < MAX_LEVELS; k++)
				a->lv[k].start = 1;
			/* Lark writes lvl without ilvl: in order */
			for (l = n->children, k = 0; l != NULL; l = l->next) {
				if (!docxpkg_is_w(l, "lvl"))
					continue;
				k = docxpkg_attr_int(l, "ilvl", k);
				if (k < 0 || k >= MAX_LEVELS)
					break;
				a->lv[k].start = docxpkg_attr_int(docxpkg_child(l, "start"), "val", 1);
				v = docxpkg_attr(docxpkg_child(l, "numFmt"), "val");
				snprintf(a->lv[k].fmt, sizeof(a->lv[k].fmt), "%s",
				    v ? v : "decimal");
				xmlFree(v);
				v = docxpkg_attr(docxpkg_child(l, "lvlText"), "val");
				a->lv[k].text = xstrdup(v ? v : "");
				xmlFree(v);
				k++;
			}
		} else if (docxpkg_is_w(n, "num") && r->nnums < MAX_NUMS) {
			r->nums = xrealloc(r->nums, (r->nnums + 1) * sizeof(*r->nums));
			u = &r->nums[r->nnums++];
			memset(u, 0, sizeof(*u));
			u->id = docxpkg_attr_int(n, "numId", -1);
			u->abs = docxpkg_attr_int(docxpkg_child(n, "abstractNumId"), "val", -1);
			for (k = 0; k < MAX_LEVELS; k++)
				u->start[k] = -1;
			for (o = n->children; o != NULL; o = o->next)
				if (docxpkg_is_w(o, "lvlOverride") &&
				    (k = docxpkg_attr_int(o, "ilvl", -1)) >= 0 &&
				    k < MAX_LEVELS && docxpkg_child(o, "startOverride"))
					u->start[k] = docxpkg_attr_int(docxpkg_child(o,
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
void
docxsty_number_label(struct rd *r, int num_id, int ilvl, struct buf *b)
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

int
docxsty_read_rels(struct rd *r, const char *part)
{
	char		*name, *mode, *t;
	const char	*slash = strrchr(part, '/');
	xmlDocPtr	 doc;
	xmlNode		*n;
	int		 missing;

	name = g_strdup_printf("%.*s_rels/%s.rels", slash ? (int)(slash - part + 1) :
	    0, part, slash ? slash + 1 : part);
	doc = docxpkg_xml(&r->p, name, &missing);
	g_free(name);
	if (doc == NULL)
		return missing ? 0 : -1;
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (!docxpkg_is_el(n, "Relationship"))
			continue;
		r->rels = xrealloc(r->rels, (r->nrels + 1) * sizeof(*r->rels));
		r->rels[r->nrels].id = docxpkg_attr(n, "Id");
		t = docxpkg_attr(n, "Target");
		mode = docxpkg_attr(n, "TargetMode");
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

const struct rel *
docxsty_rel_by_id(const struct rd *r, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < r->nrels; i++)
		if (strcmp(r->rels[i].id, id) == 0)
			return &r->rels[i];
	return NULL;
}

/* All text under n, paragraphs separated by blanks. */
void
docxsty_plain_text(xmlNode *n, struct buf *b, int depth)
{
	xmlNode	*c;
	xmlChar	*t;

	if (depth > 256)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (docxpkg_is_w(c, "delText") || docxpkg_is_w(c, "instrText"))
			continue;
		if (docxpkg_is_w(c, "t")) {
			t = xmlNodeGetContent(c);
			buf_puts(b, (const char *)t);
			xmlFree(t);
			continue;
		}
		if (docxpkg_is_w(c, "p") && b->len > 0)
			buf_puts(b, " ");
		docxsty_plain_text(c, b, depth + 1);
	}
}

void
docxsty_read_notes(struct rd *r, const char *part, const char *el, struct note **v,
    size_t *nv)
{
	xmlDocPtr	 doc;
	xmlNode		*n;
	struct buf	 b;
	char		*type;
	int		 missing;

	if ((doc = docxpkg_xml(&r->p, part, &missing)) == NULL) {
		if (!missing)
			r->failed = 1;
		return;
	}
	for (n = xmlDocGetRootElement(doc)->children; n != NULL; n = n->next) {
		if (!docxpkg_is_w(n, el))
			continue;
		/* separators are no notes */
		if ((type = docxpkg_attr(n, "type")) != NULL) {
			xmlFree(type);
			continue;
		}
		memset(&b, 0, sizeof(b));
		docxsty_plain_text(n, &b, 0);
		*v = xrealloc(*v, (*nv + 1) * sizeof(**v));
		(*v)[*nv].id = docxpkg_attr(n, "id");
		(*v)[*nv].text = b.data ? b.data : xstrdup("");
		(*nv)++;
	}
	xmlFreeDoc(doc);
}

const char *
docxsty_note_text(const struct note *v, size_t n, const char *id)
{
	size_t	 i;

	for (i = 0; id != NULL && i < n; i++)
		if (v[i].id != NULL && strcmp(v[i].id, id) == 0)
			return v[i].text;
	return NULL;
}

/* Text as Markdown reads it literally, on one line; in a comment also
 * its parentheses escaped. */
static void
put_literal(struct buf *b, const char *s, int comment)
{
	for (; *s; s++) {
		if (strchr("\\*_`<[]", *s) != NULL ||
		    (comment && (*s == '(' || *s == ')')))
			buf_put(b, "\\", 1);
		buf_put(b, *s == '\n' || *s == '\r' ? " " : s, 1);
	}
}

char *
docxsty_note_ref(struct rd *r, xmlNode *k, struct buf *after,
    const struct jb_pos *pos)
{
	char		*id = docxpkg_attr(k, "id"), *mark = NULL;
	const char	*note;
	int		 end = docxpkg_is_w(k, "endnoteReference");

	if (docxpkg_is_w(k, "commentReference")) {
		if ((note = docxsty_note_text(r->comments, r->ncomments, id)) != NULL &&
		    *note) {
			msg(MSG_DOCX_COMMENT, pos, note);
			buf_puts(after, "\n[//]: # (批注：");
			put_literal(after, note, 1);
			buf_puts(after, ")");
		}
	} else if ((note = end ? docxsty_note_text(r->ends, r->nends, id) :
	    docxsty_note_text(r->foots, r->nfoots, id)) != NULL) {
		if (*note) {
			msg(MSG_DOCX_FOOTNOTE, pos, end ? "尾注" : "脚注", note);
			buf_puts(&r->later, "\n注：");
			put_literal(&r->later, note, 0);
		}
	} else {
		/* the reference keeps its place, and says so */
		char	*what = g_strdup_printf("%s %s", end ? "尾注" : "脚注",
		    id ? id : "?");

		msg(MSG_DOCX_NOTE_LOST, pos, what);
		g_free(what);
		mark = g_strdup_printf("（注%s）", id ? id : "");
	}
	xmlFree(id);
	return mark;
}
