/* site.c -- the archive pages (home, one page per year, search) built as libxml2 trees in the frame template. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "web/web.h"
#include "util/util.h"
#include "web/web_int.h"
#include "model/model.h"

/*
 * templates/archive.html is the frame of every archive page: a well-formed
 * XML file in HTML vocabulary whose elements with data-slot="NAME" receive
 * the page (see the comment in the template for the slots).  The frame
 * carries style.css (the issue pages' sheet, for the same fonts, colours
 * and paper) followed by site.css (the archive's own classes), so the
 * archive looks like the issues it lists and needs no file beside it.
 */
#define TMPL_PAGE	"archive.html"

/*
 * Up to HOME_ALL issues the home page lists every issue; beyond that it
 * lists the newest HOME_PER_YEAR of each year and links to the year page,
 * which always lists all of them.
 */
#define HOME_ALL	50
#define HOME_PER_YEAR	5

/* The site's icon, copied beside index.html; issue pages link it too. */
#define ICON		"favicon.svg"

enum slot {
	SLOT_TITLE,		/* <title> */
	SLOT_FEED,		/* <link rel="alternate"> to feed.xml */
	SLOT_ICON,		/* <link rel="icon"> to favicon.svg */
	SLOT_STYLE,		/* <style>: style.css and site.css */
	SLOT_SKIP,		/* skip link to the content */
	SLOT_ORG,		/* 编印单位 */
	SLOT_HOME,		/* <a> with the 刊名, to the home page */
	SLOT_NAV,		/* 往期目录 · 全文搜索 · 订阅 */
	SLOT_MAIN,		/* the page's own content */
	SLOT_FOOT,		/* footer line */
	SLOT__MAX
};

static const char *const slotnames[SLOT__MAX] = {
	"title", "feed", "icon", "style", "skip", "org", "home", "nav", "main", "foot",
};

/* The parsed frame and the joined style sheets of one run. */
struct frame {
	char		*path;
	xmlDocPtr	 doc;
	char		*css;
};

/* One page under construction. */
struct page {
	const struct arc	*a;
	const char		*root;		/* "" or "../": to the site root */
	xmlDocPtr		 doc;
	xmlNodePtr		 slots[SLOT__MAX];
};

/* Which page the navigation marks as current. */
enum here { HERE_HOME, HERE_YEAR, HERE_SEARCH };

/*** Template ***/

/* Template check: count each slot's uses. */
static int
count_slot(void *arg, int s, xmlNodePtr n)
{
	int	*count = arg;

	count[s]++;
	return 0;
}

/* Page pass: note where each slot is. */
static int
find_slot(void *arg, int s, xmlNodePtr n)
{
	struct page	*pg = arg;

	pg->slots[s] = n;
	return 0;
}

/* Read the frame and the style sheets.  Returns 0, or -1 after reporting. */
static int
frame_load(struct frame *f, const char *tmpldir)
{
	static const char *const sheets[] = { "style.css", "site.css" };
	struct jb_pos	 pos = { 0 };
	struct buf	 css = { 0 };
	xmlNodePtr	 root;
	char		*path, text[256];
	int		 count[SLOT__MAX] = { 0 };
	size_t		 i, n = strlen(tmpldir) + 32;
	int		 s, rc = -1;

	memset(f, 0, sizeof(*f));
	path = xmalloc(n);
	for (i = 0; i < sizeof(sheets) / sizeof(sheets[0]); i++) {
		snprintf(path, n, "%s/%s", tmpldir, sheets[i]);
		if (htmlio_read_inline(path, sheets[i], "样式表", &css) == -1)
			goto out;
		buf_puts(&css, "\n");
	}
	f->path = xmalloc(n);
	snprintf(f->path, n, "%s/%s", tmpldir, TMPL_PAGE);
	if ((f->doc = htmlio_read_template(f->path, TMPL_PAGE)) == NULL)
		goto out;
	pos.file = f->path;
	root = xmlDocGetRootElement(f->doc);
	if (htmlio_slots(root, slotnames, SLOT__MAX, f->path, TMPL_PAGE, 0,
	    count_slot, count) == -1)
		goto out;
	for (s = 0; s < SLOT__MAX; s++) {
		if (count[s] == 1)
			continue;
		snprintf(text, sizeof(text), "插槽 “%s” 应当正好出现一次，"
		    "实际 %d 次", slotnames[s], count[s]);
		msg(MSG_TEMPLATE, &pos, TMPL_PAGE, text);
		goto out;
	}
	f->css = css.data;
	css.data = NULL;
	rc = 0;
out:
	buf_free(&css);
	free(path);
	return rc;
}

static void
frame_free(struct frame *f)
{
	xmlFreeDoc(f->doc);
	free(f->css);
	free(f->path);
}

/*** Building nodes ***/

/* <a href="ROOT+rel+suffix">, empty; the caller adds its content. */
static xmlNodePtr
link(struct page *pg, xmlNodePtr parent, const char *class, const char *rel,
    const char *suffix)
{
	xmlNodePtr	 a;
	char		*href;

	href = arena_printf(pg->a->arena, "%s%s%s", pg->root, rel,
	    suffix ? suffix : "");
	a = xmlNewChild(parent, NULL, BAD_CAST "a", NULL);
	xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
	if (class != NULL)
		xmlNewProp(a, BAD_CAST "class", BAD_CAST class);
	return a;
}

/* printf into the archive's arena: lives as long as the run. */
#define fmt(pg, ...)	arena_printf((pg)->a->arena, __VA_ARGS__)

/* A fixed word of the archive (label.h), in the series' language. */
static const char *
word(const struct page *pg, enum jb_label l)
{
	return label_get(pg->a->series->lang, l);
}

/* "2019年", in the series' language. */
static const char *
year_label(const struct arc *a, int year)
{
	return arena_printf(a->arena, label_get(a->series->lang, JB_LABEL_YEAR),
	    year);
}

/*** The frame ***/

static struct page *
page_new(const struct frame *f, const struct arc *a, const char *root,
    const char *title, enum here here)
{
	struct page		*pg = xcalloc(1, sizeof(*pg));
	const struct jb_series	*s = a->series;
	xmlNodePtr		 n, nav;

	pg->a = a;
	pg->root = root;
	pg->doc = xmlCopyDoc(f->doc, 1);
	n = xmlDocGetRootElement(pg->doc);
	xmlSetProp(n, BAD_CAST "lang", BAD_CAST word(pg, JB_LABEL_LANG));
	/* frame_load() has checked the names and that each is used once. */
	htmlio_slots(n, slotnames, SLOT__MAX, f->path, TMPL_PAGE, 1, find_slot,
	    pg);

	xmlNodeSetContent(pg->slots[SLOT_TITLE], NULL);
	htmlio_text(pg->slots[SLOT_TITLE], title);
	xmlSetProp(pg->slots[SLOT_FEED], BAD_CAST "href",
	    BAD_CAST fmt(pg, "%sfeed.xml", root));
	xmlSetProp(pg->slots[SLOT_FEED], BAD_CAST "title",
	    BAD_CAST fmt(pg, "%s %s", s->name, word(pg, JB_LABEL_FEED)));
	xmlSetProp(pg->slots[SLOT_ICON], BAD_CAST "href",
	    BAD_CAST fmt(pg, "%s%s", root, ICON));
	/* Raw text: the HTML serialiser writes <style> content unescaped. */
	xmlNodeSetContent(pg->slots[SLOT_STYLE], NULL);
	xmlNodeAddContent(pg->slots[SLOT_STYLE], BAD_CAST f->css);
	xmlNodeSetContent(pg->slots[SLOT_SKIP], NULL);
	htmlio_text(pg->slots[SLOT_SKIP], word(pg, JB_LABEL_SKIP));
	xmlNodeSetContent(pg->slots[SLOT_ORG], NULL);
	htmlio_text(pg->slots[SLOT_ORG], s->org ? s->org : "");
	xmlSetProp(pg->slots[SLOT_HOME], BAD_CAST "href",
	    BAD_CAST fmt(pg, "%sindex.html", root));
	xmlNodeSetContent(pg->slots[SLOT_HOME], NULL);
	htmlio_text(pg->slots[SLOT_HOME], s->name);

	nav = pg->slots[SLOT_NAV];
	xmlSetProp(nav, BAD_CAST "aria-label",
	    BAD_CAST word(pg, JB_LABEL_ARCHIVE));
	n = link(pg, nav, NULL, "index.html", NULL);
	htmlio_text(n, word(pg, JB_LABEL_ARCHIVE));
	if (here == HERE_HOME)
		xmlNewProp(n, BAD_CAST "aria-current", BAD_CAST "page");
	n = link(pg, nav, NULL, "search.html", NULL);
	htmlio_text(n, word(pg, JB_LABEL_SEARCH));
	if (here == HERE_SEARCH)
		xmlNewProp(n, BAD_CAST "aria-current", BAD_CAST "page");
	n = link(pg, nav, "feed", "feed.xml", NULL);
	xmlNewProp(n, BAD_CAST "type", BAD_CAST "application/atom+xml");
	htmlio_text(n, word(pg, JB_LABEL_FEED));

	n = pg->slots[SLOT_FOOT];
	if (s->org != NULL)
		htmlio_span(n, "span", NULL, fmt(pg, word(pg, JB_LABEL_FOOT),
		    s->org));
	if (s->classification != NULL)
		htmlio_span(n, "span", "foot-mark", s->classification);
	htmlio_span(n, "span", "generator", word(pg, JB_LABEL_GENERATOR));
	return pg;
}

/* Write the page unless path already holds it, and free the page.
 * Returns 0, or -1 after reporting. */
static int
page_save(struct page *pg, const char *path)
{
	int	 rc = htmlio_write(pg->doc, path, 1);

	xmlFreeDoc(pg->doc);
	free(pg);
	return rc;
}

/*** Pieces of content ***/

/* The title of an article with its 引题 before it, inside a link. */
static void
article_title(xmlNodePtr a, const struct arc_article *ar)
{
	if (ar->kicker != NULL) {
		htmlio_span(a, "span", "kicker", ar->kicker);
		htmlio_text(a, " ");
	}
	htmlio_span(a, "span", "title", ar->title);
}

static void
article_list(struct page *pg, xmlNodePtr parent, const char *class,
    const struct arc_issue *is)
{
	xmlNodePtr	 ul, li, a;
	size_t		 i;

	if (is->narticles == 0)
		return;
	ul = htmlio_block(parent, "ul", class);
	for (i = 0; i < is->narticles; i++) {
		li = htmlio_block(ul, "li", NULL);
		a = link(pg, li, NULL, is->stem,
		    fmt(pg, ".html#%s", is->articles[i].anchor));
		article_title(a, &is->articles[i]);
	}
	xmlAddChild(ul, xmlNewText(BAD_CAST "\n"));
}

/* <time datetime="2019-08-30">2019年8月30日</time> */
static void
date(xmlNodePtr parent, const struct arc_issue *is)
{
	xmlNodePtr	 t = htmlio_span(parent, "time", "date", is->date_text);

	xmlNewProp(t, BAD_CAST "datetime", BAD_CAST is->date_iso);
}

/* A lang attribute on n when the issue's language is not the series'. */
static void
issue_lang(struct page *pg, xmlNodePtr n, const struct arc_issue *is)
{
	if (is->lang != pg->a->series->lang)
		xmlNewProp(n, BAD_CAST "lang",
		    BAD_CAST label_get(is->lang, JB_LABEL_LANG));
}

/* " 总第86期" after the issue's number, if it has one. */
static void
issue_total(struct page *pg, xmlNodePtr parent, const struct arc_issue *is)
{
	if (is->total <= 0)
		return;
	htmlio_text(parent, " ");
	htmlio_span(parent, "span", "total", label_total(pg->a->arena,
	    is->lang, is->total, is->total_last));
}

/*
 * One issue in a list: its number linking to the page, 总期号, date, a
 * PDF link and the titles of its articles.  On year pages the head is
 * an <h2>, on the home page (under the year's <h3>) a plain line.
 */
static void
issue_item(struct page *pg, xmlNodePtr ol, const struct arc_issue *is,
    const char *headtag)
{
	xmlNodePtr	 li, head, a;

	li = htmlio_block(ol, "li", "issue");
	issue_lang(pg, li, is);
	head = htmlio_block(li, headtag, "issue-head");
	a = link(pg, head, "issue-link", is->stem, ".html");
	/* Under its year: 第13期 alone, a 增刊 marked 增刊第1期. */
	htmlio_text(a, label_number(pg->a->arena, is->lang, is->kind,
	    is->issue, is->issue_last));
	issue_total(pg, head, is);
	htmlio_text(head, " ");
	date(head, is);
	htmlio_text(head, " ");
	a = link(pg, head, "pdf", is->stem, ".pdf");
	xmlNewProp(a, BAD_CAST "type", BAD_CAST "application/pdf");
	xmlNewProp(a, BAD_CAST "aria-label",
	    BAD_CAST fmt(pg, "%s %s", label_issue(pg->a->arena, is->lang,
	    is->year, is->kind, is->issue, is->issue_last),
	    word(pg, JB_LABEL_DOWNLOAD)));
	htmlio_text(a, word(pg, JB_LABEL_PDF_SHORT));
	htmlio_text(head, " ");
	a = link(pg, head, "docx", is->stem, ".docx");
	xmlNewProp(a, BAD_CAST "type", BAD_CAST JB_DOCX_TYPE);
	xmlNewProp(a, BAD_CAST "aria-label",
	    BAD_CAST fmt(pg, "%s %s", label_issue(pg->a->arena, is->lang,
	    is->year, is->kind, is->issue, is->issue_last),
	    word(pg, JB_LABEL_DOWNLOAD_DOCX)));
	htmlio_text(a, word(pg, JB_LABEL_DOCX_SHORT));
	article_list(pg, li, "issue-articles", is);
	xmlAddChild(li, xmlNewText(BAD_CAST "\n"));
}

/* The search form, shared by the home page and the search page. */
static void
search_form(struct page *pg, xmlNodePtr parent)
{
	xmlNodePtr	 form, n, row;

	form = htmlio_block(parent, "form", "search-form");
	xmlNewProp(form, BAD_CAST "action",
	    BAD_CAST fmt(pg, "%ssearch.html", pg->root));
	xmlNewProp(form, BAD_CAST "method", BAD_CAST "get");
	xmlNewProp(form, BAD_CAST "role", BAD_CAST "search");
	n = htmlio_span(form, "label", NULL, word(pg, JB_LABEL_SEARCH_FIELD));
	xmlNewProp(n, BAD_CAST "for", BAD_CAST "q");
	row = htmlio_block(form, "div", "search-row");
	n = xmlNewChild(row, NULL, BAD_CAST "input", NULL);
	xmlNewProp(n, BAD_CAST "id", BAD_CAST "q");
	xmlNewProp(n, BAD_CAST "name", BAD_CAST "q");
	xmlNewProp(n, BAD_CAST "type", BAD_CAST "search");
	xmlNewProp(n, BAD_CAST "placeholder",
	    BAD_CAST word(pg, JB_LABEL_SEARCH_HINT));
	xmlNewProp(n, BAD_CAST "autocomplete", BAD_CAST "off");
	n = htmlio_span(row, "button", NULL, word(pg, JB_LABEL_SEARCH_BUTTON));
	xmlNewProp(n, BAD_CAST "type", BAD_CAST "submit");
	n = htmlio_block(parent, "noscript", NULL);
	htmlio_span(n, "p", "noscript", word(pg, JB_LABEL_NOSCRIPT));
}

/* Links to every year page; the current year marked. */
static void
year_links(struct page *pg, xmlNodePtr parent, int current, int anchors)
{
	const struct arc	*a = pg->a;
	xmlNodePtr		 nav, n;
	size_t			 i;

	nav = htmlio_block(parent, "nav", "year-links");
	xmlNewProp(nav, BAD_CAST "aria-label",
	    BAD_CAST word(pg, JB_LABEL_YEARS));
	for (i = 0; i < a->n; i++) {
		if (i > 0 && a->v[i].year == a->v[i - 1].year)
			continue;
		if (anchors)
			n = link(pg, nav, NULL, "", fmt(pg, "#y%d", a->v[i].year));
		else
			n = link(pg, nav, NULL, fmt(pg, "%d/index.html",
			    a->v[i].year), NULL);
		htmlio_text(n, year_label(a, a->v[i].year));
		if (a->v[i].year == current)
			xmlNewProp(n, BAD_CAST "aria-current", BAD_CAST "page");
	}
}

/* Issues of the year starting at v[i]: how many. */
static size_t
year_count(const struct arc *a, size_t i)
{
	size_t	 j;

	for (j = i; j < a->n && a->v[j].year == a->v[i].year; j++)
		;
	return j - i;
}

static void
masthead(struct page *pg, xmlNodePtr main, const char *above,
    const char *h1, const char *below)
{
	xmlNodePtr	 h = htmlio_block(main, "header", "arc-masthead");

	if (above != NULL)
		htmlio_span(h, "p", "arc-series", above);
	htmlio_span(h, "h1", "arc-title", h1);
	if (below != NULL)
		htmlio_span(h, "p", "arc-sub", below);
}

/*** Pages ***/

static void
latest(struct page *pg, xmlNodePtr main, const struct arc_issue *is)
{
	xmlNodePtr	 sec, card, p, a;

	sec = htmlio_block(main, "section", "latest");
	xmlNewProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "latest-h");
	xmlNewProp(htmlio_span(sec, "h2", NULL, word(pg, JB_LABEL_LATEST)),
	    BAD_CAST "id", BAD_CAST "latest-h");
	card = htmlio_block(sec, "div", "latest-card");
	issue_lang(pg, card, is);
	p = htmlio_block(card, "p", "latest-number");
	a = link(pg, p, NULL, is->stem, ".html");
	htmlio_text(a, label_issue(pg->a->arena, is->lang, is->year, is->kind,
	    is->issue, is->issue_last));
	issue_total(pg, p, is);
	p = htmlio_block(card, "p", "latest-date");
	date(p, is);
	article_list(pg, card, "latest-articles", is);
	p = htmlio_block(card, "p", "actions");
	a = link(pg, p, "button primary", is->stem, ".html");
	htmlio_text(a, word(pg, JB_LABEL_READ));
	htmlio_text(p, " ");
	a = link(pg, p, "button", is->stem, ".pdf");
	xmlNewProp(a, BAD_CAST "type", BAD_CAST "application/pdf");
	htmlio_text(a, word(pg, JB_LABEL_DOWNLOAD));
	htmlio_text(p, " ");
	a = link(pg, p, "button", is->stem, ".docx");
	xmlNewProp(a, BAD_CAST "type", BAD_CAST JB_DOCX_TYPE);
	htmlio_text(a, word(pg, JB_LABEL_DOWNLOAD_DOCX));
}

static int
write_home(const struct frame *f, const struct arc *a, const char *outdir)
{
	const struct jb_series	*s = a->series;
	struct page		*pg;
	xmlNodePtr		 main, sec, ysec, ol, h, p, n;
	size_t			 i, j, count, shown;
	const char		*sub = NULL;
	char			*path;
	int			 rc;

	pg = page_new(f, a, "", arena_printf(a->arena, "%s %s", s->name,
	    label_get(s->lang, JB_LABEL_ARCHIVE)), HERE_HOME);
	main = sec = pg->slots[SLOT_MAIN];
	if (a->n > 0)
		sub = fmt(pg, "%s　%s（%s—%s）", word(pg, JB_LABEL_ARCHIVE),
		    fmt(pg, word(pg, JB_LABEL_COUNT), a->n),
		    year_label(a, a->v[a->n - 1].year),
		    year_label(a, a->v[0].year));
	masthead(pg, main, NULL, s->name, sub);
	if (a->n == 0)
		htmlio_span(main, "p", "empty", word(pg, JB_LABEL_EMPTY));
	else
		latest(pg, main, &a->v[0]);

	sec = htmlio_block(main, "section", "search-box");
	xmlNewProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "search-h");
	xmlNewProp(htmlio_span(sec, "h2", NULL, word(pg, JB_LABEL_SEARCH)),
	    BAD_CAST "id", BAD_CAST "search-h");
	search_form(pg, sec);

	if (a->n > 0) {
		sec = htmlio_block(main, "section", "archive");
		xmlNewProp(sec, BAD_CAST "aria-labelledby", BAD_CAST "archive-h");
		xmlNewProp(htmlio_span(sec, "h2", NULL,
		    word(pg, JB_LABEL_ARCHIVE)), BAD_CAST "id",
		    BAD_CAST "archive-h");
		year_links(pg, sec, 0, 1);
	}
	for (i = 0; i < a->n; i += count) {
		count = year_count(a, i);
		shown = a->n > HOME_ALL && count > HOME_PER_YEAR ?
		    HOME_PER_YEAR : count;
		ysec = htmlio_block(sec, "section", "year");
		xmlNewProp(ysec, BAD_CAST "id",
		    BAD_CAST fmt(pg, "y%d", a->v[i].year));
		h = htmlio_block(ysec, "h3", NULL);
		n = link(pg, h, NULL, fmt(pg, "%d/index.html", a->v[i].year),
		    NULL);
		htmlio_text(n, year_label(a, a->v[i].year));
		htmlio_text(h, " ");
		htmlio_span(h, "small", NULL, fmt(pg, word(pg, JB_LABEL_COUNT),
		    count));
		ol = htmlio_block(ysec, "ol", "issues");
		for (j = i; j < i + shown; j++)
			issue_item(pg, ol, &a->v[j], "div");
		xmlAddChild(ol, xmlNewText(BAD_CAST "\n"));
		if (shown < count) {
			p = htmlio_block(ysec, "p", "more");
			n = link(pg, p, NULL, fmt(pg, "%d/index.html",
			    a->v[i].year), NULL);
			htmlio_text(n, fmt(pg, word(pg, JB_LABEL_ALL_OF_YEAR),
			    a->v[i].year, count));
		}
	}
	path = arena_printf(a->arena, "%s/index.html", outdir);
	rc = page_save(pg, path);
	return rc;
}

static int
write_year(const struct frame *f, const struct arc *a, size_t first,
    const char *outdir)
{
	const struct arc_issue	*is = &a->v[first];
	struct page		*pg;
	xmlNodePtr		 main, ol;
	size_t			 j, count = year_count(a, first);

	pg = page_new(f, a, "../", arena_printf(a->arena, "%s %s",
	    a->series->name, year_label(a, is->year)), HERE_YEAR);
	main = pg->slots[SLOT_MAIN];
	masthead(pg, main, a->series->name, year_label(a, is->year),
	    fmt(pg, word(pg, JB_LABEL_COUNT), count));
	year_links(pg, main, is->year, 0);
	ol = htmlio_block(main, "ol", "issues year-issues");
	for (j = first; j < first + count; j++)
		issue_item(pg, ol, &a->v[j], "h2");
	xmlAddChild(ol, xmlNewText(BAD_CAST "\n"));
	return page_save(pg, arena_printf(a->arena, "%s/%d/index.html",
	    outdir, is->year));
}

static int
write_search(const struct frame *f, const struct arc *a, const char *outdir)
{
	struct page	*pg;
	xmlNodePtr	 main, n, body;
	size_t		 i, narticles = 0;

	for (i = 0; i < a->n; i++)
		narticles += a->v[i].narticles;
	pg = page_new(f, a, "", arena_printf(a->arena, "%s %s",
	    a->series->name, label_get(a->series->lang, JB_LABEL_SEARCH)),
	    HERE_SEARCH);
	main = pg->slots[SLOT_MAIN];
	masthead(pg, main, a->series->name, word(pg, JB_LABEL_SEARCH),
	    fmt(pg, word(pg, JB_LABEL_SEARCH_INTRO), a->n, narticles));
	search_form(pg, main);
	n = htmlio_block(main, "p", "search-status");
	xmlNewProp(n, BAD_CAST "id", BAD_CAST "search-status");
	xmlNewProp(n, BAD_CAST "role", BAD_CAST "status");
	n = htmlio_block(main, "ol", "search-results");
	xmlNewProp(n, BAD_CAST "id", BAD_CAST "search-results");

	for (body = xmlDocGetRootElement(pg->doc)->children; body != NULL;
	    body = body->next)
		if (body->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(body->name, BAD_CAST "body"))
			break;
	/* One index file per year, newest first, then the script that
	 * reads them (see search.c). */
	for (i = 0; body != NULL && i < a->n; i++) {
		if (i > 0 && a->v[i].year == a->v[i - 1].year)
			continue;
		n = htmlio_block(body, "script", "search-index");
		xmlNewProp(n, BAD_CAST "src", BAD_CAST fmt(pg,
		    "search-index/%d.js", a->v[i].year));
	}
	if (body != NULL) {
		n = htmlio_block(body, "script", NULL);
		xmlNewProp(n, BAD_CAST "src", BAD_CAST "search.js");
	}
	return page_save(pg, arena_printf(a->arena, "%s/search.html", outdir));
}

/*
 * The key of a year's page (see arccache_key): its issues, the list of every
 * year, which it links, and the templates.
 */
static char *
year_page_key(const struct arc *a, size_t first, size_t count,
    const char *tmpldir)
{
	const char	*deps[4];
	struct buf	 what = { 0 };
	char		*key;
	size_t		 i;

	buf_printf(&what, "year page %d:", a->v[first].year);
	for (i = 0; i < a->n; i++)
		if (i == 0 || a->v[i].year != a->v[i - 1].year)
			buf_printf(&what, " %d", a->v[i].year);
	deps[0] = arena_printf(a->arena, "%s/%s", tmpldir, TMPL_PAGE);
	deps[1] = arena_printf(a->arena, "%s/style.css", tmpldir);
	deps[2] = arena_printf(a->arena, "%s/site.css", tmpldir);
	deps[3] = NULL;
	key = arccache_key(a, what.data, first, count, deps);
	buf_free(&what);
	return key;
}

int
site_write(struct arc *a, const char *tmpldir, const char *outdir)
{
	struct frame	 f;
	size_t		 i, count;
	char		*key, *path;
	int		 rc = -1;

	if (frame_load(&f, tmpldir) == -1)
		goto out;
	if (write_home(&f, a, outdir) == -1)
		goto out;
	/* A year page whose issues, years and templates are as the last
	 * run made it is not made again. */
	for (i = 0; i < a->n; i += count) {
		count = year_count(a, i);
		key = year_page_key(a, i, count, tmpldir);
		path = arena_printf(a->arena, "%s/%d/index.html", outdir,
		    a->v[i].year);
		if (!arccache_current(a, path, key) &&
		    write_year(&f, a, i, outdir) == -1) {
			free(key);
			goto out;
		}
		arccache_done(a, path, key);
		free(key);
	}
	if (write_search(&f, a, outdir) == -1)
		goto out;
	rc = outfile_copy(arena_printf(a->arena, "%s/%s", tmpldir, ICON),
	    arena_printf(a->arena, "%s/%s", outdir, ICON));
out:
	frame_free(&f);
	return rc;
}
