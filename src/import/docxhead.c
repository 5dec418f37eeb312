/* docxhead.c -- which paragraphs of a .docx are titles and which inner headings: the body size the document's own text is set in, one article unless the evidence is strong, typed decimal numbers (5.1, 5.1.1). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "import/docx_int.h"

#define MAX_SIZE	400	/* half-points: 200 pt */
#define MAX_FACES	32

/* Characters counted by size and by font. */
struct tally {
	long	 size[MAX_SIZE];
	char	*face[MAX_FACES];
	long	 nface[MAX_FACES];
};

const char *
docxhead_face(xmlNode *c, const char *dflt, xmlChar **own)
{
	*own = (xmlChar *)docxpkg_attr(docxpkg_child(docxpkg_child(c, "rPr"),
	    "rFonts"), "eastAsia");
	return *own != NULL ? (const char *)*own : dflt;
}

int
docxhead_face_rank(const struct rd *r, const char *face)
{
	const char	*b = r->body_face ? r->body_face : "";

	if (face == NULL || *face == '\0')
		return 0;
	if ((strstr(face, "黑") || g_ascii_strncasecmp(face, "SimHei", 6) == 0) &&
	    !strstr(b, "黑"))
		return 1;
	if ((strstr(face, "楷") || g_ascii_strncasecmp(face, "KaiTi", 5) == 0) &&
	    !strstr(b, "楷"))
		return 2;
	return 0;
}

/* Count the characters of the runs under n by the size they are set in. */
static void
count_runs(const struct rd *r, xmlNode *n, int size, const char *pface,
    struct tally *y, int depth)
{
	xmlNode		*c, *k, *sz;
	xmlChar		*t, *own;
	const char	*f;
	long		 len;
	int		 s, i;

	if (depth > MAX_DEPTH * 4)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (docxpkg_is_w(c, "del") || docxpkg_is_w(c, "moveFrom") ||
		    docxpkg_is_w(c, "pPr"))
			continue;
		if (!docxpkg_is_w(c, "r")) {
			if (c->type == XML_ELEMENT_NODE && !docxpkg_is_w(c, "p"))
				count_runs(r, c, size, pface, y, depth + 1);
			continue;
		}
		s = size;
		if ((sz = docxpkg_child(docxpkg_child(c, "rPr"), "sz")) != NULL)
			s = docxpkg_attr_int(sz, "val", size);
		f = docxhead_face(c, pface, &own);
		for (k = c->children; k != NULL; k = k->next) {
			if (!docxpkg_is_w(k, "t"))
				continue;
			t = xmlNodeGetContent(k);
			len = g_utf8_strlen((const char *)t, -1);
			xmlFree(t);
			if (s > 0 && s < MAX_SIZE)
				y->size[s] += len;
			for (i = 0; f != NULL && i < MAX_FACES && y->face[i] != NULL &&
			    strcmp(y->face[i], f) != 0; i++)
				;
			if (f == NULL || i == MAX_FACES)
				continue;
			if (y->face[i] == NULL)
				y->face[i] = xstrdup(f);
			y->nface[i] += len;
		}
		xmlFree(own);
	}
}

static void
count_paras(const struct rd *r, xmlNode *n, struct tally *y, int depth)
{
	xmlNode		*c;
	struct style	 st;
	char		*v;

	if (depth > MAX_DEPTH)
		return;
	for (c = n->children; c != NULL; c = c->next) {
		if (docxpkg_is_w(c, "p")) {
			v = docxpkg_attr(docxpkg_child(docxpkg_child(c, "pPr"), "pStyle"),
			    "val");
			docxsty_style_chain(r, v, &st);
			xmlFree(v);
			count_runs(r, c, st.size > 0 ? st.size : r->norm_size, st.face,
			    y, 0);
		} else if (c->type == XML_ELEMENT_NODE)
			count_paras(r, c, y, depth + 1);
	}
}

/*
 * The body size: the size most of the document's characters are set in,
 * through its styles or direct formatting (a WPS or 公文 file sets its
 * body in 三号 whatever Normal says), Normal's when there is no text;
 * r->body_face the font most characters are set in.
 */
void
docxhead_body_size(struct rd *r, xmlNode *body)
{
	struct tally	*y = xcalloc(1, sizeof(*y));
	int		 s, best = 0, i, face = 0;

	count_paras(r, body, y, 0);
	for (s = 1; s < MAX_SIZE; s++)
		if (y->size[s] > y->size[best])
			best = s;
	r->body_size = y->size[best] > 0 ? best : r->norm_size;
	for (i = 0; i < MAX_FACES && y->face[i] != NULL; i++)
		if (y->nface[i] > y->nface[face])
			face = i;
	/* the body's font: the one most characters are set in */
	if (y->face[face] != NULL)
		r->body_face = xstrdup(y->face[face]);
	for (i = 0; i < MAX_FACES; i++)
		free(y->face[i]);
	free(y);
}

/*
 * Typed decimal numbers at the start of t: 5. → 1, 5.1 → 2, 5.1.1 → 3,
 * with *lead the first number; 0 for none.  A date or a version (2017.5)
 * is none: the first number is below 100 and a word follows.
 */
int
docxhead_decimal(const char *t, int *lead)
{
	const char	*p = t;
	int		 depth = 0, n;

	*lead = atoi(t);
	if (*lead <= 0 || *lead >= 100)
		return 0;
	for (;;) {
		for (n = 0; *p >= '0' && *p <= '9'; p++)
			n++;
		if (n == 0 || n > 2)
			return 0;
		depth++;
		/* 5. or 5．then the words; 5.1 goes on */
		if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
			p++;
			continue;
		}
		if (*p == '.')
			p++;
		else if (strncmp(p, "．", strlen("．")) == 0)
			p += strlen("．");
		else if (depth == 1)
			return 0;	/* 5 alone, 5、: no decimal heading */
		break;
	}
	while (*p == ' ')
		p++;
	/* a word follows: not 1.5倍, not a figure */
	if (*p == '\0' || (*p >= '0' && *p <= '9') || strncmp(p, "、", 3) == 0)
		return 0;
	return depth;
}

/* The next paragraph after i with text, or NULL. */
static const struct para *
next_text(const struct rd *r, size_t i)
{
	for (i++; i < r->np; i++)
		if (r->pv[i].text.len > 0)
			return &r->pv[i];
	return NULL;
}

/*
 * One article unless the document says otherwise.  The first title-like
 * paragraph (centred or larger, and bold or larger) is the title; a
 * later one starts another article only when it is centred, clearly
 * larger than the body and followed by body text, else it is an inner
 * heading.  Typed numbers (5.1, 5.1.1) are headings only in a series
 * under one first number; with no title-like paragraph, a first
 * paragraph numbered 5. over headings numbered 5.1 is the chapter's title.
 */
void
docxhead_outline(struct rd *r)
{
	struct para		*p, *first = NULL;
	const struct para	*n;
	size_t			 i, k;
	int			 titles = 0, lead, lead0;

	for (i = 0; i < r->np; i++) {
		p = &r->pv[i];
		if (first == NULL && p->text.len > 0 && !p->raw)
			first = p;
		if (p->rank != TITLE_LIKE)
			continue;
		n = next_text(r, i);
		if (titles++ == 0 || (p->center && p->size * 4 >= r->body_size * 5 &&
		    n != NULL && n->rank == BODY && !n->raw))
			p->rank = -1;
		else
			p->rank = INNER;
	}
	/* typed numbers make headings only as a series: 5.1 and 5.2 (or
	 * 5.1.1) under one 5, not a lone 1.5倍 */
	for (i = 0; i < r->np; i++) {
		p = &r->pv[i];
		if (p->decimal < 2 || p->rank < INNER || p->rank >= BODY ||
		    docxhead_decimal(p->text.data, &lead) < 2)
			continue;
		for (k = 0; k < r->np; k++)
			if (k != i && r->pv[k].decimal >= 2 &&
			    docxhead_decimal(r->pv[k].text.data, &lead0) >= 2 &&
			    lead0 == lead)
				break;
		if (k == r->np)
			p->rank = BODY;
	}
	if (first == NULL || titles > 0 || first->rank != BODY ||
	    first->decimal != 1 || docxhead_decimal(first->text.data, &lead0) != 1)
		return;
	for (i = 0; i < r->np; i++)
		if (r->pv[i].decimal >= 2 &&
		    docxhead_decimal(r->pv[i].text.data, &lead) >= 2 && lead == lead0) {
			first->rank = -1;
			break;
		}
}
