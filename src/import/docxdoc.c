/* docxdoc.c -- a .docx's document.xml into import's text: paragraphs, runs, fields, links, pictures, tables and headings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/util.h"
#include "model/model.h"

#include "import/docx_int.h"

/* ---- the body ---- */

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
	const char	*pface;		/* the paragraph style's eastAsia font */
	char		*face;		/* the font of all its text, or NULL */
	int		 faces;		/* its text is set in two fonts or more */
};

/*
 * Where a message about a Word file points: the line a paragraph will
 * have in the text import reads, and the column (in characters of the
 * paragraph's text, from 1) where what it is about stands: a note
 * reference, a picture, a text box; 1 with no paragraph under way (ps
 * NULL).
 */
static struct jb_pos
here(const struct rd *r, const struct pstate *ps)
{
	struct jb_pos	 pos = { r->p.path, (int)r->np + 1, 1 };
	size_t		 i;

	for (i = 0; ps != NULL && i < ps->n; i++)
		pos.col += (int)g_utf8_strlen(ps->v[i].text, -1);
	return pos;
}

static void
toc_dropped(struct rd *r)
{
	struct jb_pos	 pos = here(r, NULL);

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
	const struct rel	*rel = docxsty_rel_by_id(r, rid);
	struct docxin_pic		*pic;
	struct buf		 b = { 0 }, png = { 0 };
	struct jb_pos		 pos = here(r, ps);
	const char		*kind;
	int			 res;

	if (rel == NULL)
		return;
	if (rel->external) {
		msg(MSG_DOCX_LINKED_IMAGE, &pos, rel->target);
		return;
	}
	/* a missing picture part has nothing to show; a bad one stops all */
	if ((res = docxpkg_read(&r->p, rel->target, DOCXIN_MAX_PART, &b)) != 0) {
		buf_free(&b);
		r->failed |= res == -1;
		return;
	}
	/* by the bytes, never by the entry's name; image.h checks the rest.
	 * GIF, BMP, TIFF and WebP become PNG; anything else (EMF, WMF…) or
	 * what cannot be decoded: a placeholder, the rest of the file goes on */
	kind = impdec_pic_kind(b.data, b.len);
	if (kind != NULL && impdec_png(b.data, b.len, &png) == 0) {
		msg(MSG_IMPORT_PIC_CONVERTED, &pos, rel->target, kind);
		buf_free(&b);
		b = png;
	}
	if (!(b.len >= 3 && memcmp(b.data, "\xFF\xD8\xFF", 3) == 0) &&
	    !(b.len >= 8 && memcmp(b.data, "\x89PNG\r\n\x1A\n", 8) == 0)) {
		msg(MSG_IMPORT_PIC_LOST, &pos, rel->target, kind == NULL ?
		    "不是 PNG、JPEG、GIF、BMP、TIFF 或 WebP 图片" :
		    !impdec_can(b.data, b.len) ? "是 WebP 等格式，本机缺少它的解码器"
		    "（Debian 的 webp-pixbuf-loader）" : "已损坏或超出大小");
		buf_puts(&ps->after, "\n");
		impline_pic_placeholder(&ps->after, rel->target, descr, NULL);
		buf_free(&b);
		return;
	}
	r->out->pics = xrealloc(r->out->pics, (r->out->npics + 1) *
	    sizeof(*pic));
	pic = &r->out->pics[r->out->npics];
	pic->data = b.data;
	pic->len = b.len;
	snprintf(pic->ext, sizeof(pic->ext), "%s", b.len >= 3 &&
	    memcmp(b.data, "\xFF\xD8\xFF", 3) == 0 ? "jpg" : "png");
	pic->part = xstrdup(rel->target);
	buf_printf(&ps->after, "\n![%s](jianbao-pic:%zu)", descr ? descr : "",
	    r->out->npics);
	r->out->npics++;
	ps->pics++;
}

static void walk_runs(struct rd *, struct pstate *, xmlNode *, int, int);

/* The name a program gives a picture when nobody wrote an alt text:
 * IMG_256 (WPS), 图片 1, Picture 1: none. */
static int
default_alt(const char *d)
{
	static const char *const stem[] = { "IMG_", "图片 ", "图片", "Picture ",
	    "image", NULL };
	size_t	 i, n;

	for (i = 0; stem[i] != NULL; i++) {
		n = strlen(stem[i]);
		if (g_ascii_strncasecmp(d, stem[i], n) == 0 && d[n] != '\0' &&
		    strspn(d + n, "0123456789") == strlen(d + n))
			return 1;
	}
	return 0;
}

static void
drawing(struct rd *r, struct pstate *ps, xmlNode *n)
{
	xmlNode	*doc = docxpkg_find(n, "docPr", 0), *blip = docxpkg_find(n, "blip", 0);
	xmlNode	*txbx = docxpkg_find(n, "txbxContent", 0);
	char	*descr = docxpkg_attr(doc, "descr"), *rid = docxpkg_attr(blip, "embed");
	char	*link = docxpkg_attr(blip, "link"), *clean;

	if (rid == NULL && link != NULL) {
		const struct rel	*rel = docxsty_rel_by_id(r, link);
		struct jb_pos		 pos = here(r, ps);

		msg(MSG_DOCX_LINKED_IMAGE, &pos, rel ? rel->target : link);
	}
	xmlFree(link);
	if (rid != NULL) {
		clean = descr && !default_alt(descr) ?
		    g_strdelimit(g_strdup(descr), "[]\n\r", ' ') : NULL;
		picture(r, ps, rid, clean);
		g_free(clean);
	}
	if (txbx != NULL && ps->depth < MAX_DEPTH) {
		struct buf	 t = { 0 };

		docxsty_plain_text(txbx, &t, 0);
		if (t.len > 0) {
			struct jb_pos	 pos = here(r, ps);

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

/* The font of text t in run c, noted: one font for all, or several. */
static void
run_face(struct pstate *ps, xmlNode *c, const char *t)
{
	xmlChar		*own = NULL;
	const char	*f;

	for (; *t && g_unichar_isspace(g_utf8_get_char(t)); t = g_utf8_next_char(t))
		;
	if (*t == '\0')
		return;
	f = docxhead_face(c, ps->pface, &own);
	if (ps->face == NULL && !ps->faces)
		ps->face = xstrdup(f ? f : "");
	else if (ps->face != NULL && strcmp(ps->face, f ? f : "") != 0) {
		free(ps->face);
		ps->face = NULL;
		ps->faces = 1;
	}
	xmlFree(own);
}

/* The runs of a paragraph, looking through the wrappers that hold them. */
static void
walk_runs(struct rd *r, struct pstate *ps, xmlNode *n, int bold, int size)
{
	xmlNode		*c, *k, *rpr;
	xmlChar		*t;
	char		 u[8], *v, *id;
	int		 b, sz;

	if (++ps->depth > MAX_DEPTH * 4) {
		ps->depth--;
		return;
	}
	for (c = n->children; c != NULL; c = c->next) {
		if (docxpkg_is_w(c, "del") || docxpkg_is_w(c, "moveFrom")) {
			tracked(r);
			continue;
		}
		if (docxpkg_is_w(c, "ins") || docxpkg_is_w(c, "moveTo"))
			tracked(r);
		if (docxpkg_is_w(c, "pPr") || docxpkg_is_w(c, "rPr"))
			continue;
		if (docxpkg_is_el(c, "AlternateContent")) {
			/* one branch: the first Choice, else the Fallback */
			for (k = c->children; k != NULL; k = k->next)
				if (docxpkg_is_el(k, "Choice") || docxpkg_is_el(k, "Fallback")) {
					walk_runs(r, ps, k, bold, size);
					break;
				}
			continue;
		}
		if (docxpkg_is_w(c, "r")) {
			b = bold;
			sz = size;
			if ((rpr = docxpkg_child(c, "rPr")) != NULL) {
				const struct style *cs = docxsty_style_by_id(r, v = docxpkg_attr(docxpkg_child(rpr,
				    "rStyle"), "val"));

				xmlFree(v);
				if (cs != NULL && cs->bold >= 0)
					b = cs->bold;
				docxsty_read_rpr(rpr, &b, &sz);
				if (docxpkg_child(rpr, "vanish") != NULL &&
				    docxpkg_on_off(docxpkg_child(rpr, "vanish")))
					continue;
			}
			for (k = c->children; k != NULL; k = k->next) {
				if (docxpkg_is_w(k, "fldChar")) {
					v = docxpkg_attr(k, "fldCharType");
					field_char(r, ps, v);
					xmlFree(v);
				} else if (docxpkg_is_w(k, "instrText")) {
					if (r->fdepth == 1 && r->instr.len < 64) {
						t = xmlNodeGetContent(k);
						buf_puts(&r->instr, (const char *)t);
						xmlFree(t);
					}
				} else if (ps->field == 1 || r->toc)
					continue;
				else if (docxpkg_is_w(k, "t")) {
					t = xmlNodeGetContent(k);
					run_face(ps, c, (const char *)t);
					seg_add(ps, (const char *)t, b > 0, sz);
					xmlFree(t);
				} else if (docxpkg_is_w(k, "tab"))
					seg_add(ps, " ", b > 0, sz);
				else if (docxpkg_is_w(k, "noBreakHyphen"))
					seg_add(ps, "\u2011", b > 0, sz);
				else if (docxpkg_is_w(k, "sym")) {
					v = docxpkg_attr(k, "char");
					u[g_unichar_to_utf8(v ? (gunichar)strtoul(v,
					    NULL, 16) : '?', u)] = '\0';
					xmlFree(v);
					seg_add(ps, u, b > 0, sz);
				} else if (docxpkg_is_w(k, "br") || docxpkg_is_w(k, "cr")) {
					v = docxpkg_attr(k, "type");
					if (v == NULL || strcmp(v, "page") != 0)
						seg_add(ps, "\n", b > 0, sz);
					xmlFree(v);
				} else if (docxpkg_is_w(k, "drawing"))
					drawing(r, ps, k);
				else if (docxpkg_is_w(k, "pict") || docxpkg_is_el(k, "AlternateContent")) {
					xmlNode	*img = docxpkg_find(k, "imagedata", 0);

					if (img != NULL && (id = docxpkg_attr(img, "id")) != NULL) {
						picture(r, ps, id, NULL);
						xmlFree(id);
					} else
						drawing(r, ps, k);
				} else if (docxpkg_is_w(k, "commentReference") ||
				    docxpkg_is_w(k, "footnoteReference") ||
				    docxpkg_is_w(k, "endnoteReference")) {
					struct jb_pos	 pos = here(r, ps);
					char		*mark = docxsty_note_ref(r, k,
					    &ps->after, &pos);

					if (mark != NULL)
						seg_add(ps, mark, b > 0, sz);
					g_free(mark);
				}
			}
			continue;
		}
		/* a link to a page outside keeps its target */
		if (docxpkg_is_w(c, "hyperlink") && ps->href == NULL) {
			const struct rel	*rel = docxsty_rel_by_id(r, v = docxpkg_attr(c, "id"));

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
		if (!zh_wide_ambiguous(a) && !zh_wide_ambiguous(b))
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

void
docxdoc_paragraph(struct rd *r, xmlNode *p)
{
	xmlNode		*ppr = docxpkg_child(p, "pPr"), *c;
	struct style	 st;
	struct pstate	 ps;
	struct buf	 label = { 0 }, all = { 0 };
	struct para	*out;
	char		*v, *first, *line, *l0, *nl;
	size_t		 i;
	int		 outline, center, num_id = -1, ilvl = 0, bold_all = 1,
			 size = 0, lv, right = 0, dec, lead, larger;

	memset(&ps, 0, sizeof(ps));
	v = docxpkg_attr(docxpkg_child(ppr, "pStyle"), "val");
	docxsty_style_chain(r, v, &st);
	xmlFree(v);
	outline = st.outline;
	if ((c = docxpkg_child(ppr, "outlineLvl")) != NULL)
		outline = (lv = docxpkg_attr_int(c, "val", 9)) < 9 ? lv : BODY;
	center = st.center > 0;
	if ((c = docxpkg_child(ppr, "jc")) != NULL) {
		v = docxpkg_attr(c, "val");
		center = v != NULL && strcmp(v, "center") == 0;
		/* a 落款 is set to the right: never a heading */
		right = v != NULL && (strcmp(v, "right") == 0 || strcmp(v, "end") == 0);
		xmlFree(v);
	}
	num_id = st.num_id;
	ilvl = st.ilvl < 0 ? 0 : st.ilvl;
	if ((c = docxpkg_child(ppr, "numPr")) != NULL) {
		num_id = docxpkg_attr_int(docxpkg_child(c, "numId"), "val", num_id);
		ilvl = docxpkg_attr_int(docxpkg_child(c, "ilvl"), "val", ilvl);
	}
	ps.pface = st.face;
	walk_runs(r, &ps, p, st.bold > 0, st.size);
	if (num_id > 0)
		docxsty_number_label(r, num_id, ilvl, &label);
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
		out = rd_para_new(r);
		buf_puts(&out->text, label.data ? label.data : "");
		if (size == 0)
			size = r->norm_size;
		larger = size * 4 >= r->body_size * 5;
		dec = label.len == 0 ? docxhead_decimal(first, &lead) : 0;
		out->center = center;
		out->size = size;
		out->decimal = dec;
		if (outline < BODY)
			out->rank = outline;
		else if (right || !short_line(first) || ends_sentence(first))
			;	/* a sentence, a 落款: body */
		else if (label.len == 0 && (center || larger) && (bold_all || larger))
			/* centred or larger: a title, or an inner heading
			 * (docxhead_outline() decides) */
			out->rank = TITLE_LIKE;
		else if (label.len == 0 && dec >= 2)
			out->rank = INNER + dec - 2;	/* 5.1, 5.1.1 typed */
		else if (numbered_section(label.len ? label.data : first) > 0 &&
		    g_utf8_strlen(first, -1) <= 30)
			/* 一、 or （一） alone on its line: a section heading,
			 * however it is set (公文 often sets them in 黑体 or 楷体) */
			out->rank = numbered_section(label.len ? label.data :
			    first) - 1;
		else if (label.len == 0 && bold_all && dec == 0)
			out->rank = INNER;	/* a bold 小标题 */
		else if (label.len == 0 && dec == 0 && docxhead_face_rank(r, ps.face) > 0)
			/* a line in 黑体 or 楷体 over a body in another face */
			out->rank = INNER + docxhead_face_rank(r, ps.face) - 1;
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
						out = rd_para_new(r);
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
			out = rd_para_new(r);
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
	free(ps.face);
}

/* A content control that Word made a table of contents. */
static int
toc_sdt(xmlNode *sdt)
{
	xmlNode	*g = docxpkg_find(docxpkg_child(sdt, "sdtPr"), "docPartGallery", 0);
	char	*v = docxpkg_attr(g, "val");
	int	 r = v != NULL && strstr(v, "Table of Contents") != NULL;

	xmlFree(v);
	return r;
}

void
docxdoc_walk_blocks(struct rd *r, xmlNode *n, int depth, int in_cell)
{
	xmlNode	*c;

	if (depth > MAX_DEPTH)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (docxpkg_is_w(c, "p"))
			docxdoc_paragraph(r, c);
		else if (docxpkg_is_w(c, "tbl")) {
			if (in_cell) {
				/* a nested table: its text in the cell */
				docxdoc_walk_blocks(r, c, depth + 1, 1);
			} else
				docxtbl_table(r, c);
		} else if (docxpkg_is_w(c, "tr") || docxpkg_is_w(c, "tc"))
			docxdoc_walk_blocks(r, c, depth + 1, in_cell);
		else if (docxpkg_is_w(c, "del") || docxpkg_is_w(c, "moveFrom")) {
			tracked(r);
		} else if (docxpkg_is_w(c, "sdt") && toc_sdt(c)) {
			toc_dropped(r);
		} else if (docxpkg_is_w(c, "sdt") || docxpkg_is_w(c, "sdtContent") ||
		    docxpkg_is_w(c, "customXml") || docxpkg_is_w(c, "ins") || docxpkg_is_w(c, "moveTo") ||
		    docxpkg_is_el(c, "AlternateContent") || docxpkg_is_el(c, "Choice")) {
			if (docxpkg_is_w(c, "ins") || docxpkg_is_w(c, "moveTo"))
				tracked(r);
			docxdoc_walk_blocks(r, c, depth + 1, in_cell);
		}
	}
}

/* The paragraphs as import's text, heading ranks as # marks. */
void
docxdoc_emit(struct rd *r)
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
			/* 一、 is a section (###) and （一） one below, never a title;
			 * nor is a bold or numbered (5.1) inner heading */
			if (p->section > 0 && lv < p->section + 2)
				lv = p->section + 2;
			if (p->rank >= INNER && lv < 3 + p->rank - INNER)
				lv = 3 + p->rank - INNER > 4 ? 4 : 3 + p->rank - INNER;
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

void
docxdoc_rd_free(struct rd *r)
{
	size_t	 i;
	int	 k;

	for (i = 0; i < r->nst; i++) {
		xmlFree(r->st[i].id);
		xmlFree(r->st[i].name);
		xmlFree(r->st[i].based);
		xmlFree(r->st[i].face);
	}
	free(r->st);
	free(r->body_face);
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
	for (i = 0; i < r->nends; i++) {
		xmlFree(r->ends[i].id);
		free(r->ends[i].text);
	}
	free(r->ends);
	for (i = 0; i < r->np; i++)
		buf_free(&r->pv[i].text);
	free(r->pv);
	buf_free(&r->later);
	buf_free(&r->instr);
	docxpkg_close(&r->p);
}
