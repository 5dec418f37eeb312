/* html.c -- the HTML edition of one issue: the model poured into the libxml2 page template, linked into the site. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <glib.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLtree.h>

#include "model/model.h"
#include "util/util.h"
#include "web/web_int.h"
#include "web/web.h"

/*
 * The template (templates/issue.html) is a well-formed XML file in HTML
 * vocabulary.  Elements carrying data-slot="NAME" are where the issue goes:
 * text slots get their text, optional slots are removed when the issue has
 * nothing for them, and container slots get the nodes built below.  The
 * data-slot attributes themselves never reach the page.  The style sheet
 * (templates/style.css) is copied into the <style data-slot="style">
 * element and the script (templates/titles.js, which has the reader's
 * browser cut the titles into words) into <script data-slot="script">, so
 * the page needs nothing beside itself.  A templates folder without the
 * script makes pages without it: their titles wrap anywhere.
 *
 * The files are read once per process and kept in `cache'; each page
 * works on a deep copy of the parsed template.
 */
#define TMPL_PAGE	"issue.html"
#define TMPL_STYLE	"style.css"
#define TMPL_SCRIPT	"titles.js"
#define SLOT_USES	4		/* times one slot may appear */

enum slot {
	SLOT_TITLE,		/* <title>: 刊名 第N期, 刊名 增刊第N期 */
	SLOT_STYLE,		/* <style>: style.css */
	SLOT_ICON,		/* <link rel="icon">: the site's favicon.svg */
	SLOT_NAV,		/* previous / archive / PDF / next */
	SLOT_CLASSIFICATION,	/* 内部资料　注意保存 */
	SLOT_SERIES,		/* 刊名 */
	SLOT_ISSUE,		/* 第N期 */
	SLOT_TOTAL,		/* 总第N期 */
	SLOT_ORG,		/* 编印单位 */
	SLOT_DATE,		/* <time>: 2019年8月30日 */
	SLOT_PRINTED,		/* 2019年8月30日印发 */
	SLOT_NOTE,		/* 编者按 paragraphs */
	SLOT_CONTENTS,		/* 本期要目 */
	SLOT_ARTICLES,		/* the articles */
	SLOT_DIST,		/* 报：… 送：… 发：… */
	SLOT_COPIES,		/* （共印N份） */
	SLOT_CREDITS,		/* 审核：… 校对：… 编辑：… */
	SLOT_KIND,		/* 增刊: the kind (刊别) under the 刊名 */
	SLOT_DRAFT,		/* 送审稿: a banner, only in a --draft build */
	SLOT_SCRIPT,		/* <script>: titles.js */
	SLOT__MAX
};

static const char *const slotnames[SLOT__MAX] = {
	"title", "style", "icon", "nav", "classification", "series", "issue",
	"total", "org", "date", "printed", "note", "contents", "articles",
	"dist", "copies", "credits", "kind", "draft", "script",
};

/* The parsed template, style sheet and script, owned here for the whole run. */
static struct html {
	char		*dir;		/* tmpldir they were read from */
	xmlDocPtr	 tmpl;
	char		*css;
	char		*js;		/* NULL: the folder has no titles.js */
} cache;

/* What a page under construction refers to. */
struct page {
	const struct jb_doc	*d;
	const struct jb_nav	*nav;
	xmlNodePtr		 slots[SLOT__MAX][SLOT_USES];
	int			 nslots[SLOT__MAX];
};

/* Template check: every slot name is known, none is used too often. */
struct check {
	const char	*file;
	int		 count[SLOT__MAX];
};

static int
check_slot(void *arg, int s, xmlNodePtr n)
{
	struct check	*ck = arg;
	struct jb_pos	 pos = { 0 };
	char		 text[256];

	if (++ck->count[s] > SLOT_USES) {
		pos.file = ck->file;
		pos.line = xmlGetLineNo(n);
		snprintf(text, sizeof(text), "插槽 “%s” 用了 %d 次以上",
		    slotnames[s], SLOT_USES);
		msg(MSG_TEMPLATE, &pos, TMPL_PAGE, text);
		return -1;
	}
	return 0;
}

/*
 * Parse the template and read the style sheet of tmpldir into the cache,
 * unless they are there already.  Returns 0, or -1 after reporting; a
 * failure leaves the cache as it was.
 */
static int
load_templates(const char *tmpldir)
{
	char		*path = NULL, *csspath = NULL, *jspath = NULL;
	struct buf	 css = { 0 }, js = { 0 };
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 root;
	struct check	 ck;
	struct jb_pos	 pos = { 0 };
	size_t		 n;
	int		 rc = -1;

	if (cache.tmpl != NULL && strcmp(cache.dir, tmpldir) == 0)
		return 0;

	n = strlen(tmpldir) + sizeof(TMPL_PAGE) + sizeof(TMPL_STYLE) + 2;
	path = xmalloc(n);
	snprintf(path, n, "%s/%s", tmpldir, TMPL_PAGE);
	csspath = xmalloc(n);
	snprintf(csspath, n, "%s/%s", tmpldir, TMPL_STYLE);
	jspath = xmalloc(n);
	snprintf(jspath, n, "%s/%s", tmpldir, TMPL_SCRIPT);

	if (htmlio_read_inline(csspath, TMPL_STYLE, "样式表", &css) == -1 ||
	    (access(jspath, F_OK) == 0 &&
	    htmlio_read_inline(jspath, TMPL_SCRIPT, "脚本", &js) == -1) ||
	    (doc = htmlio_read_template(path, TMPL_PAGE)) == NULL)
		goto out;
	root = xmlDocGetRootElement(doc);
	pos.file = path;
	memset(&ck, 0, sizeof(ck));
	ck.file = path;
	if (htmlio_slots(root, slotnames, SLOT__MAX, path, TMPL_PAGE, 0,
	    check_slot, &ck) == -1)
		goto out;
	if (ck.count[SLOT_ARTICLES] == 0) {
		msg(MSG_TEMPLATE, &pos, TMPL_PAGE,
		    "缺少 data-slot=\"articles\" 插槽");
		goto out;
	}

	xmlFreeDoc(cache.tmpl);
	free(cache.css);
	free(cache.js);
	free(cache.dir);
	cache.tmpl = doc;
	cache.css = css.data;
	cache.js = js.data;
	cache.dir = xstrdup(tmpldir);
	doc = NULL;
	css.data = NULL;
	js.data = NULL;
	rc = 0;
out:
	xmlFreeDoc(doc);
	buf_free(&css);
	buf_free(&js);
	free(jspath);
	free(csspath);
	free(path);
	return rc;
}

/*** Building nodes ***/

/* End a container of blocks so its closing tag starts a line. */
static void
endblock(xmlNodePtr n)
{
	xmlAddChild(n, xmlNewText(BAD_CAST "\n"));
}

/* A block-level element holding only text, on a line of its own. */
static xmlNodePtr
line(xmlNodePtr parent, const char *name, const char *class, const char *s)
{
	xmlAddChild(parent, xmlNewText(BAD_CAST "\n"));
	return htmlio_span(parent, name, class, s);
}

/*
 * Whether a link target may appear on the page: relative references and
 * http, https and mailto.  Script and data URLs from an issue are dropped
 * so the text keeps no executable link.
 */
static int
safe_href(const char *h)
{
	size_t	 n = strcspn(h, ":/?#");

	if (h[n] != ':')
		return 1;
	return (n == 4 && strncasecmp(h, "http", 4) == 0) ||
	    (n == 5 && strncasecmp(h, "https", 5) == 0) ||
	    (n == 6 && strncasecmp(h, "mailto", 6) == 0);
}

/*
 * One run: its text wrapped in the elements of its styles, outermost
 * first <a>, <strong>, <em>, <code>.
 */
static void
run(xmlNodePtr parent, const struct jb_run *r)
{
	xmlNodePtr	 at = parent;

	if (r->style & JB_STYLE_BREAK) {
		xmlNewChild(parent, NULL, BAD_CAST "br", NULL);
		return;
	}
	if (r->href != NULL && safe_href(r->href)) {
		at = xmlNewChild(at, NULL, BAD_CAST "a", NULL);
		xmlNewProp(at, BAD_CAST "href", BAD_CAST r->href);
	}
	if (r->style & JB_STYLE_STRONG)
		at = xmlNewChild(at, NULL, BAD_CAST "strong", NULL);
	if (r->style & JB_STYLE_EM)
		at = xmlNewChild(at, NULL, BAD_CAST "em", NULL);
	if (r->style & JB_STYLE_CODE)
		at = xmlNewChild(at, NULL, BAD_CAST "code", NULL);
	htmlio_text(at, r->text);
}

/* Runs into parent; with lead, the first run is marked as the 本报讯 lead. */
static void
runs(xmlNodePtr parent, const struct jb_run *r, size_t n, int lead)
{
	size_t		 i;

	for (i = 0; i < n; i++)
		run(lead && i == 0 ?
		    htmlio_span(parent, "span", "lead", NULL) : parent, &r[i]);
}

static void	blocks(xmlNodePtr, const struct jb_block *, size_t);

static void
image(xmlNodePtr parent, const struct jb_block *b)
{
	xmlNodePtr	 fig, img, cap;

	fig = htmlio_block(parent, "figure", NULL);
	img = xmlNewChild(fig, NULL, BAD_CAST "img", NULL);
	xmlNewProp(img, BAD_CAST "src", BAD_CAST b->src);
	xmlNewProp(img, BAD_CAST "alt", BAD_CAST (b->alt ? b->alt : ""));
	if (b->caption == NULL && b->credit == NULL)
		return;
	cap = xmlNewChild(fig, NULL, BAD_CAST "figcaption", NULL);
	if (b->caption != NULL)
		htmlio_span(cap, "span", "caption", b->caption);
	if (b->credit != NULL)
		htmlio_span(cap, "span", "credit", b->credit);
}

/*
 * Pictures side by side: a figure of figures, each picture over its own
 * caption, the row's credit last.  Each grows in proportion to its
 * width over its height, so the pictures share one height; the style
 * sheet stacks them on a phone.
 */
static void
image_row(xmlNodePtr parent, const struct jb_block *b)
{
	xmlNodePtr	 row, cap;
	char		 grow[64];
	size_t		 i;

	row = htmlio_block(parent, "figure", "photo-row");
	for (i = 0; i < b->nchildren; i++) {
		const struct jb_block *c = &b->children[i];

		image(row, c);
		snprintf(grow, sizeof(grow), "flex-grow: %.3f",
		    c->height > 0 ? (double)c->width / c->height : 1.0);
		xmlNewProp(xmlGetLastChild(row), BAD_CAST "style", BAD_CAST grow);
	}
	if (b->credit != NULL) {
		cap = htmlio_block(row, "figcaption", NULL);
		htmlio_span(cap, "span", "credit", b->credit);
	}
	endblock(row);
}

/*
 * A table in a wrapper that scrolls sideways where the screen is narrower
 * (a phone); focusable so the keyboard can scroll it too.  Number cells of
 * a column without an alignment of its own are set flush right (num).
 */
static void
table(xmlNodePtr parent, const struct jb_table *t)
{
	static const char *const al[] = { NULL, "left", "center", "right" };
	xmlNodePtr	 wrap, tab, sec, tr, cell;
	size_t		 i, j;

	wrap = htmlio_block(parent, "div", "table");
	xmlNewProp(wrap, BAD_CAST "role", BAD_CAST "region");
	xmlNewProp(wrap, BAD_CAST "tabindex", BAD_CAST "0");
	xmlNewProp(wrap, BAD_CAST "aria-label", BAD_CAST t->name);
	tab = htmlio_block(wrap, "table", NULL);
	if (t->label != NULL)
		line(tab, "caption", NULL, t->name);
	for (i = 0; i <= t->nrows; i++) {
		const struct jb_cell *row = i == 0 ? t->head :
		    t->body + (i - 1) * t->ncols;

		if (i <= 1)
			sec = htmlio_block(tab, i == 0 ? "thead" : "tbody", NULL);
		tr = htmlio_block(sec, "tr", NULL);
		for (j = 0; j < t->ncols; j++) {
			const char *class = al[t->align[j]];

			if (class == NULL && i > 0 && row[j].number)
				class = "num";
			cell = htmlio_block(tr, i == 0 ? "th" : "td", class);
			if (i == 0)
				xmlNewProp(cell, BAD_CAST "scope", BAD_CAST "col");
			runs(cell, row[j].runs, row[j].nruns, 0);
		}
		endblock(tr);
		if (i == 0 || i == t->nrows)
			endblock(sec);
	}
	endblock(tab);
	endblock(wrap);
}

/*
 * A 落款: a paragraph holding its lines as one group, which style.css
 * sets flush right 2 字 in, the organ lines flush left in it and the
 * date 2 字 right of them, its margin reaching out of the group by as
 * much.  Where doc_signoff_start(), counting in 字, moves the organ lines
 * left so that the date keeps 2 字 from the edge, the group is marked
 * date-longer and the date ends 2 字 in instead.
 */
static void
signoff(xmlNodePtr parent, const struct jb_block *b)
{
	size_t		 n = (b->nruns + 1) / 2, i;
	double		 organ = 0, date = zh_ems(b->runs[2 * (n - 1)].text);
	xmlNodePtr	 p, g;

	for (i = 0; i + 1 < n; i++)
		if (zh_ems(b->runs[2 * i].text) > organ)
			organ = zh_ems(b->runs[2 * i].text);
	p = htmlio_block(parent, "p", "signoff");
	g = htmlio_span(p, "span", doc_signoff_start(organ, date) > organ + 2 ?
	    "signoff-lines date-longer" : "signoff-lines", NULL);
	for (i = 0; i + 1 < n; i++) {
		htmlio_text(g, b->runs[2 * i].text);
		xmlNewChild(g, NULL, BAD_CAST "br", NULL);
	}
	htmlio_span(g, "span", "signoff-date", b->runs[2 * (n - 1)].text);
}

static void
blocks(xmlNodePtr parent, const struct jb_block *b, size_t n)
{
	static const char *const hn[] = { "h3", "h4", "h5", "h6" };
	xmlNodePtr	 el, list = NULL;
	size_t		 i;
	int		 lv;

	for (i = 0; i < n; i++, b++) {
		if (b->kind != JB_BLOCK_LISTITEM && list != NULL) {
			endblock(list);
			list = NULL;
		}
		switch (b->kind) {
		case JB_BLOCK_PARA:
			el = htmlio_block(parent, "p", b->lead ? "lead" : NULL);
			runs(el, b->runs, b->nruns, b->lead);
			break;
		case JB_BLOCK_HEADING:
			lv = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
			el = htmlio_block(parent, hn[lv - 1], NULL);
			runs(el, b->runs, b->nruns, 0);
			break;
		case JB_BLOCK_BYLINE:
			el = htmlio_block(parent, "p", "byline");
			runs(el, b->runs, b->nruns, 0);
			break;
		case JB_BLOCK_SIGNOFF:
			signoff(parent, b);
			break;
		case JB_BLOCK_IMAGE:
			image(parent, b);
			break;
		case JB_BLOCK_IMAGEROW:
			image_row(parent, b);
			break;
		case JB_BLOCK_BOX:
			el = htmlio_block(parent, "div", "box");
			blocks(el, b->children, b->nchildren);
			endblock(el);
			break;
		case JB_BLOCK_ITEM:
			el = htmlio_block(parent, "p", "item");
			xmlNewProp(htmlio_span(el, "span", "star", "★"),
			    BAD_CAST "aria-hidden", BAD_CAST "true");
			runs(el, b->runs, b->nruns, 0);
			break;
		case JB_BLOCK_LISTITEM:
			if (list == NULL)
				list = htmlio_block(parent, "ul", "list");
			el = htmlio_block(list, "li", NULL);
			if (b->marker != NULL)
				htmlio_span(el, "span", "marker", b->marker);
			runs(el, b->runs, b->nruns, 0);
			break;
		case JB_BLOCK_TABLE:
			table(parent, b->table);
			break;
		case JB_BLOCK__MAX:
			break;
		}
	}
	if (list != NULL)
		endblock(list);
}

/*** Filling the slots ***/

/* Replace the children of slot element n by text s. */
static void
fill_text(xmlNodePtr n, const char *s)
{
	xmlNodePtr	 c;

	while ((c = n->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	htmlio_text(n, s);
}

/* Remove slot element n, and the line break before it in the template. */
static void
drop(xmlNodePtr n)
{
	xmlNodePtr	 ws = n->prev;

	if (ws != NULL && xmlIsBlankNode(ws)) {
		xmlUnlinkNode(ws);
		xmlFreeNode(ws);
	}
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

static void
fill_nav(struct page *pg, xmlNodePtr nav)
{
	const struct jb_nav	*v = pg->nav;
	xmlNodePtr		 a;
	char			 label[128];

	xmlNewProp(nav, BAD_CAST "aria-label", BAD_CAST doc_label(pg->d, JB_LABEL_NAV));
	if (v->prev_href != NULL) {
		snprintf(label, sizeof(label), "‹ %s%s%s", doc_label(pg->d, JB_LABEL_PREV),
		    v->prev_label ? " " : "", v->prev_label ? v->prev_label : "");
		a = line(nav, "a", "prev", label);
		xmlNewProp(a, BAD_CAST "rel", BAD_CAST "prev");
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->prev_href);
	}
	if (v->index_href != NULL) {
		a = line(nav, "a", "index", doc_label(pg->d, JB_LABEL_ARCHIVE));
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->index_href);
	}
	if (v->pdf_href != NULL) {
		a = line(nav, "a", "pdf", doc_label(pg->d, JB_LABEL_PDF));
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->pdf_href);
		xmlNewProp(a, BAD_CAST "type", BAD_CAST "application/pdf");
	}
	if (v->ofd_href != NULL) {
		a = line(nav, "a", "ofd", doc_label(pg->d, JB_LABEL_OFD));
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->ofd_href);
		xmlNewProp(a, BAD_CAST "type", BAD_CAST JB_OFD_TYPE);
	}
	if (v->docx_href != NULL) {
		a = line(nav, "a", "docx", doc_label(pg->d, JB_LABEL_DOCX));
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->docx_href);
		xmlNewProp(a, BAD_CAST "type", BAD_CAST JB_DOCX_TYPE);
	}
	if (v->next_href != NULL) {
		snprintf(label, sizeof(label), "%s%s%s ›", doc_label(pg->d, JB_LABEL_NEXT),
		    v->next_label ? " " : "", v->next_label ? v->next_label : "");
		a = line(nav, "a", "next", label);
		xmlNewProp(a, BAD_CAST "rel", BAD_CAST "next");
		xmlNewProp(a, BAD_CAST "href", BAD_CAST v->next_href);
	}
	endblock(nav);
}

static void
fill_note(struct page *pg, xmlNodePtr sec)
{
	const struct jb_meta	*m = &pg->d->meta;
	xmlNodePtr		 p;
	size_t			 i;

	for (i = 0; i < m->nnote; i++) {
		if (m->note[i].kind != JB_BLOCK_PARA) {
			blocks(sec, &m->note[i], 1);
			continue;
		}
		p = htmlio_block(sec, "p", NULL);
		if (i == 0)
			htmlio_span(p, "strong", "note-label",
			    arena_printf(pg->d->arena, "%s：", doc_label(pg->d, JB_LABEL_NOTE)));
		runs(p, m->note[i].runs, m->note[i].nruns, 0);
	}
	endblock(sec);
}

static void
fill_contents(struct page *pg, xmlNodePtr sec)
{
	const struct jb_article	*a;
	xmlNodePtr		 list, li, link;
	char			*href;
	size_t			 i;

	line(sec, "h2", NULL, doc_label(pg->d, JB_LABEL_CONTENTS));
	list = htmlio_block(sec, "ol", NULL);
	for (i = 0; i < pg->d->narticles; i++) {
		a = &pg->d->articles[i];
		li = htmlio_block(list, "li", NULL);
		link = xmlNewChild(li, NULL, BAD_CAST "a", NULL);
		href = arena_printf(pg->d->arena, "#%s", a->anchor);
		xmlNewProp(link, BAD_CAST "href", BAD_CAST href);
		if (a->kicker != NULL) {
			htmlio_span(link, "span", "toc-kicker",
			    arena_printf(pg->d->arena, "%s——", a->kicker));
		}
		htmlio_span(link, "span", "toc-title", a->title);
	}
	endblock(list);
	endblock(sec);
}

static void
fill_articles(struct page *pg, xmlNodePtr parent)
{
	const struct jb_article	*a;
	xmlNodePtr		 art, head;
	size_t			 i;

	for (i = 0; i < pg->d->narticles; i++) {
		a = &pg->d->articles[i];
		art = htmlio_block(parent, "article",
		    a->briefs ? "briefs" : NULL);
		xmlNewProp(art, BAD_CAST "id", BAD_CAST a->anchor);
		head = htmlio_block(art, "header", NULL);
		/*
		 * Printed with the dash that marks it as a kicker; a location
		 * line (播州区) stands alone above the title, as in print.
		 */
		if (a->kicker != NULL)
			line(head, "p", "kicker", a->place ? a->kicker :
			    arena_printf(pg->d->arena, "%s——", a->kicker));
		line(head, "h2", NULL, a->title);
		if (a->subtitle != NULL)
			line(head, "p", "subtitle", a->subtitle);
		endblock(head);
		blocks(art, a->blocks, a->nblocks);
		endblock(art);
	}
	endblock(parent);
}

static void
fill_dist(struct page *pg, xmlNodePtr parent)
{
	const struct jb_strlist	*l;
	xmlNodePtr		 p;
	size_t			 i;
	int			 k;

	for (k = 0; k < JB_DIST__MAX; k++) {
		l = &pg->d->meta.dist[k];
		if (l->n == 0)
			continue;
		p = htmlio_block(parent, "p", "dist-line");
		htmlio_span(p, "span", "dist-label",
		    arena_printf(pg->d->arena, "%s：", doc_label(pg->d, JB_LABEL_BAO + (int)k)));
		for (i = 0; i < l->n; i++) {
			if (i > 0)
				htmlio_text(p, "，");
			htmlio_text(p, l->v[i]);
		}
	}
	endblock(parent);
}

static void
fill_credits(struct page *pg, xmlNodePtr parent)
{
	const struct jb_credits	*c = &pg->d->meta.credits;
	size_t			 i;

	for (i = 0; i < c->n; i++) {
		htmlio_span(parent, "span", "signoff",
		    arena_printf(pg->d->arena, "%s：%s", c->v[i].role,
		    c->v[i].name));
	}
}

/* Whether slot s has anything to show for this issue. */
static int
has_content(struct page *pg, int s)
{
	const struct jb_doc	*d = pg->d;
	const struct jb_nav	*v = pg->nav;
	int			 k;

	switch (s) {
	case SLOT_NAV:
		return v != NULL && (v->prev_href || v->next_href ||
		    v->index_href || v->pdf_href || v->ofd_href ||
		    v->docx_href);
	case SLOT_ICON:
		/* Like the archive link, the icon lives at the site root. */
		return v != NULL && v->root != NULL;
	case SLOT_CLASSIFICATION:
		return d->meta.classification != NULL &&
		    d->meta.classification[0] != '\0';
	case SLOT_TOTAL:
		return doc_total_label(d) != NULL;
	case SLOT_KIND:
		return d->meta.kind != NULL;
	case SLOT_DRAFT:
		return d->series->draft;
	case SLOT_SCRIPT:
		return cache.js != NULL;
	case SLOT_NOTE:
		return d->meta.nnote > 0;
	case SLOT_CONTENTS:
		/* A single article needs no table of contents. */
		return d->narticles > 1;
	case SLOT_DIST:
		for (k = 0; k < JB_DIST__MAX; k++)
			if (d->meta.dist[k].n > 0)
				return 1;
		return 0;
	case SLOT_COPIES:
		return d->meta.copies > 0;
	case SLOT_CREDITS:
		return d->meta.credits.n > 0;
	default:
		return 1;
	}
}

static void
fill(struct page *pg, int s, xmlNodePtr n)
{
	const struct jb_doc	*d = pg->d;
	const struct jb_meta	*m = &d->meta;

	if (!has_content(pg, s)) {
		drop(n);
		return;
	}
	switch (s) {
	case SLOT_TITLE:
		fill_text(n, arena_printf(d->arena, "%s %s", d->series->name,
		    doc_issue_name(d)));
		break;
	case SLOT_STYLE:
		fill_text(n, cache.css);
		break;
	case SLOT_SCRIPT:
		fill_text(n, cache.js);
		break;
	case SLOT_ICON:
		xmlSetProp(n, BAD_CAST "href", BAD_CAST arena_printf(d->arena,
		    "%sfavicon.svg", pg->nav->root));
		break;
	case SLOT_NAV:
		fill_nav(pg, n);
		break;
	case SLOT_CLASSIFICATION:
		fill_text(n, m->classification);
		break;
	case SLOT_SERIES:
		fill_text(n, d->series->name);
		break;
	case SLOT_ISSUE:
		fill_text(n, doc_issue_label(d));
		break;
	case SLOT_TOTAL:
		fill_text(n, doc_total_label(d));
		break;
	case SLOT_KIND:
		fill_text(n, m->kind->name);
		break;
	case SLOT_DRAFT:
		fill_text(n, doc_draft_word(d));
		break;
	case SLOT_ORG:
		fill_text(n, m->org);
		break;
	case SLOT_DATE:
		fill_text(n, m->date_text);
		if (xmlStrEqual(n->name, BAD_CAST "time"))
			xmlSetProp(n, BAD_CAST "datetime", BAD_CAST m->date_iso);
		break;
	case SLOT_PRINTED:
		fill_text(n, arena_printf(d->arena, "%s%s", m->date_text,
		    doc_label(pg->d, JB_LABEL_PRINTED)));
		break;
	case SLOT_NOTE:
		fill_note(pg, n);
		break;
	case SLOT_CONTENTS:
		fill_contents(pg, n);
		break;
	case SLOT_ARTICLES:
		fill_articles(pg, n);
		break;
	case SLOT_DIST:
		fill_dist(pg, n);
		break;
	case SLOT_COPIES:
		fill_text(n, arena_printf(d->arena, "（%s）",
		    arena_printf(d->arena, doc_label(d, JB_LABEL_COPIES), m->copies)));
		break;
	case SLOT_CREDITS:
		fill_credits(pg, n);
		break;
	}
}

/* Page pass: note where each slot is. */
static int
find_slot(void *arg, int s, xmlNodePtr n)
{
	struct page	*pg = arg;

	/* load_templates() has checked names and counts. */
	pg->slots[s][pg->nslots[s]++] = n;
	return 0;
}

int
html_write_issue(const struct jb_doc *d, const struct jb_nav *nav,
    const char *tmpldir, const char *path)
{
	static const struct jb_nav nonav;
	struct page	 pg;
	xmlDocPtr	 doc = NULL;
	xmlNodePtr	 root;
	int		 s, i;
	int		 rc = -1;

	memset(&pg, 0, sizeof(pg));
	if (load_templates(tmpldir) == -1)
		goto out;
	pg.d = d;
	pg.nav = nav != NULL ? nav : &nonav;

	doc = xmlCopyDoc(cache.tmpl, 1);
	root = xmlDocGetRootElement(doc);
	xmlSetProp(root, BAD_CAST "lang", BAD_CAST d->meta.lang_tag);
	htmlio_slots(root, slotnames, SLOT__MAX, TMPL_PAGE, TMPL_PAGE, 1,
	    find_slot, &pg);
	for (s = 0; s < SLOT__MAX; s++)
		for (i = 0; i < pg.nslots[s]; i++)
			fill(&pg, s, pg.slots[s][i]);

	rc = htmlio_write(doc, path, 0);
out:
	xmlFreeDoc(doc);
	return rc;
}

char *
html_script_csp(const char *tmpldir)
{
	guint8		 digest[32];
	gsize		 len = sizeof(digest);
	GChecksum	*ck;
	gchar		*b64;
	char		*src;

	if (load_templates(tmpldir) == -1 || cache.js == NULL)
		return NULL;
	/* The hash of the element's text as the page has it: the file's bytes. */
	ck = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(ck, (const guchar *)cache.js, (gssize)strlen(cache.js));
	g_checksum_get_digest(ck, digest, &len);
	g_checksum_free(ck);
	b64 = g_base64_encode(digest, len);
	src = xmalloc(strlen(b64) + 16);
	sprintf(src, "'sha256-%s'", b64);
	g_free(b64);
	return src;
}

/* Copy the pictures of blocks (rows and boxes too) beside the page. */
static int
copy_block_images(const struct jb_block *b, size_t n, const char *stem)
{
	char		*dst, *slash;
	size_t		 i, len;
	int		 rc;

	for (i = 0; i < n; i++, b++) {
		if (b->kind == JB_BLOCK_IMAGEROW || b->kind == JB_BLOCK_BOX) {
			if (copy_block_images(b->children, b->nchildren,
			    stem) == -1)
				return -1;
			continue;
		}
		if (b->kind != JB_BLOCK_IMAGE)
			continue;
		len = strlen(stem) + strlen(b->src) + 2;
		dst = xmalloc(len);
		snprintf(dst, len, "%s", stem);
		if ((slash = strrchr(dst, '/')) != NULL)
			slash[1] = '\0';
		strcat(dst, b->src);
		rc = outfile_copy(b->path, dst);
		free(dst);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* Copy the issue's images beside its page so relative src attributes work. */
static int
copy_images(const struct jb_doc *d, const char *stem)
{
	size_t	 i;

	for (i = 0; i < d->narticles; i++)
		if (copy_block_images(d->articles[i].blocks,
		    d->articles[i].nblocks, stem) == -1)
			return -1;
	return 0;
}

/*
 * A link of the page to the neighbour issue f, when there is one.  Its
 * label comes from the file name, which gives a 合刊 its first number and
 * a 增刊 its kind through the prefix s names (zk-02.md: 增刊第2期).
 */
struct link {
	char	 href[64];		/* "../2019/12.html" */
	char	 label[128];		/* "2019年第12期" */
};

static void
link_to(const struct jb_series *s, const struct iss_file *f, struct link *k,
    const char **href, const char **label)
{
	const char	*kind = "";
	size_t		 i;

	if (f == NULL)
		return;
	for (i = 0; f->prefix != NULL && i < s->nkinds; i++)
		if (strcmp(s->kinds[i].prefix, f->prefix) == 0)
			kind = s->kinds[i].name;
	snprintf(k->href, sizeof(k->href), "../%04d/%.8s%s%02d.html", f->year,
	    f->prefix ? f->prefix : "", f->prefix ? "-" : "", f->number);
	snprintf(k->label, sizeof(k->label), "%d年%s第%d期", f->year, kind,
	    f->number);
	*href = k->href;
	*label = k->label;
}

int
html_write_page(const struct jb_doc *d, const struct iss_file *prev,
    const struct iss_file *next, const char *tmpldir, const char *stem)
{
	struct jb_nav	 nav;
	struct link	 p, q;
	char		 pdfhref[256], docxhref[256], ofdhref[256], *target;
	const char	*base;
	size_t		 n;
	int		 rc = -1;

	memset(&nav, 0, sizeof(nav));
	link_to(d->series, prev, &p, &nav.prev_href, &nav.prev_label);
	link_to(d->series, next, &q, &nav.next_href, &nav.next_label);
	base = strrchr(stem, '/');
	snprintf(pdfhref, sizeof(pdfhref), "%s.pdf", base ? base + 1 : stem);
	nav.pdf_href = pdfhref;
	snprintf(docxhref, sizeof(docxhref), "%s.docx", base ? base + 1 : stem);
	nav.docx_href = docxhref;
	/* the OFD edition is built with the print edition when the series
	 * asks for it (jobs.h) */
	snprintf(ofdhref, sizeof(ofdhref), "%s.ofd", base ? base + 1 : stem);
	nav.ofd_href = d->series->ofd != JB_OFD_NONE ? ofdhref : NULL;
	nav.index_href = "../index.html";
	nav.root = "../";
	n = strlen(stem) + 8;
	target = xmalloc(n);
	snprintf(target, n, "%s.html", stem);
	if (copy_images(d, stem) == 0 &&
	    html_write_issue(d, &nav, tmpldir, target) == 0)
		rc = 0;
	free(target);
	return rc;
}
