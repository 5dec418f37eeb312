/* document.c -- issue file -> checked text -> front matter + cmark tree -> validated model. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib.h>

#include "model/model_int.h"
#include "model/model.h"
#include "util/util.h"

/* ---- blocks ---- */

static int
is_briefs_title(const char *t)
{
	return g_str_has_suffix(t, "简讯") || g_str_has_suffix(t, "簡訊");
}

/* Longest location line taken as a kicker, in characters. */
#define LOCATION_MAX	12

/*
 * A location line such as 播州区 or 道真自治县: a paragraph of plain text
 * (emphasis allowed; no picture, link or line break) of at most
 * LOCATION_MAX characters with no mark that ends or splits a sentence,
 * nor a ★ item, a （byline） or a ——subtitle.  The last line of an
 * article ends with its full stop, so it never is one.
 */
static int
is_location(cmark_node *n, const char *t)
{
	cmark_node	*ch;
	const char	*p;
	gunichar	 u;

	for (ch = cmark_node_first_child(n); ch != NULL;
	    ch = cmark_node_next(ch))
		switch (cmark_node_get_type(ch)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
			break;
		default:
			return 0;
		}
	if (*t == '\0' || g_utf8_strlen(t, -1) > LOCATION_MAX ||
	    g_str_has_prefix(t, "★") || g_str_has_prefix(t, "（") || g_str_has_prefix(t, "("))
		return 0;
	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		u = g_utf8_get_char(p);
		if (dtext_is_terminal(u) || u == 0xFF0C || u == 0x3001 ||
		    u == ',')	/* ，、 */
			return 0;
	}
	return 1;
}

/*
 * The kicker (引题) before a title: a short line ending in ——, or a
 * location line right before a ## that is no kicker itself (## 引题——
 * over a ### title keeps its own).
 */
static int
is_kicker_para(struct conv *c, cmark_node *n)
{
	cmark_node	*next = cmark_node_next(n);
	const char	*t;

	if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH || next == NULL ||
	    cmark_node_get_type(next) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(next) > 2)
		return 0;
	t = dtext_node_text(c, n);
	if (g_str_has_suffix(t, "——"))
		return g_utf8_strlen(t, -1) <= 40;
	return is_location(n, t) && !g_str_has_suffix(dtext_node_text(c, next), "——");
}

static void convert_blocks(struct conv *, cmark_node *, cmark_node *,
    struct vec *, int, int);

static void
convert_list(struct conv *c, cmark_node *list, struct vec *out, int briefs,
    int depth)
{
	cmark_node	*item;
	struct vec	 tmp;
	struct jb_block	*b;
	int		 num = cmark_node_get_list_start(list), first;
	int		 ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	size_t		 i;

	const char	*inside = c->inside;

	c->inside = inside != NULL ? inside : "列表";
	for (item = cmark_node_first_child(list); item != NULL;
	    item = cmark_node_next(item), num++) {
		memset(&tmp, 0, sizeof(tmp));
		tmp.size = sizeof(struct jb_block);
		convert_blocks(c, cmark_node_first_child(item), NULL, &tmp,
		    briefs, depth + 1);
		first = 1;
		for (i = 0; i < tmp.n; i++) {
			b = vec_push(out);
			*b = ((struct jb_block *)tmp.v)[i];
			if (b->kind != JB_BLOCK_PARA)
				continue;
			b->kind = JB_BLOCK_LISTITEM;
			if (first)
				b->marker = ordered ?
				    arena_printf(c->d->arena, "%d.", num) : "•";
			first = 0;
		}
		free(tmp.v);
	}
	c->inside = inside;
}

/*
 * Convert the sibling blocks from n up to (not including) end into out.
 * Headings inside an article become levels 1..4 (### is level 1).
 */
static void
convert_blocks(struct conv *c, cmark_node *n, cmark_node *end, struct vec *out,
    int briefs, int depth)
{
	struct jb_block	*b;
	struct jb_pos	 pos;
	const char	*lit, *lab, *tit, *inside;
	struct vec	 kids;
	int		 level;

	if (depth > DOC_MAX_DEPTH) {
		pos = dtext_cpos(c, n);
		if (!c->bad)
			msg(MSG_TOO_DEEP, &pos, DOC_MAX_DEPTH);
		c->bad = 1;
		return;
	}
	for (; n != NULL && n != end; n = cmark_node_next(n)) {
		pos = dtext_cpos(c, n);
		if (dtab_is_table(n)) {
			dtab_convert(c, n, dtab_caption(c, cmark_node_previous(n),
			    &lab, &tit) ? cmark_node_previous(n) : NULL, out);
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
			/* A 表题 goes with the table after it. */
			if (dtab_caption(c, n, &lab, &tit)) {
				if (!dtab_is_table(cmark_node_next(n))) {
					msg(MSG_TABLE_NO_TABLE, &pos,
					    arena_printf(c->d->arena, "%s　%s",
					    lab, tit));
					c->bad = 1;
				}
				break;
			}
			dpara_convert(c, n, out, briefs);
			break;
		case CMARK_NODE_HEADING:
			level = cmark_node_get_heading_level(n) - 2;
			b = vec_push(out);
			b->kind = JB_BLOCK_HEADING;
			b->pos = pos;
			b->level = level < 1 ? 1 : level > 4 ? 4 : level;
			b->runs = dtext_inlines(c, n, &b->nruns);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			memset(&kids, 0, sizeof(kids));
			kids.size = sizeof(struct jb_block);
			inside = c->inside;
			c->inside = inside != NULL ? inside : "引用框";
			convert_blocks(c, cmark_node_first_child(n), NULL, &kids,
			    briefs, depth + 1);
			c->inside = inside;
			b = vec_push(out);
			b->kind = JB_BLOCK_BOX;
			b->pos = pos;
			b->children = vec_finish(&kids, c->d->arena, &b->nchildren);
			break;
		case CMARK_NODE_LIST:
			convert_list(c, n, out, briefs, depth);
			break;
		case CMARK_NODE_CODE_BLOCK:
			msg(MSG_CODE_BLOCK, &pos);
			lit = cmark_node_get_literal(n);
			b = vec_push(out);
			b->kind = JB_BLOCK_PARA;
			b->pos = pos;
			b->runs = arena_alloc(c->d->arena, sizeof(struct jb_run));
			b->runs[0].text = arena_strndup(c->d->arena, lit,
			    strlen(lit) - (g_str_has_suffix(lit, "\n") ? 1 : 0));
			b->nruns = 1;
			break;
		case CMARK_NODE_HTML_BLOCK:
			lit = cmark_node_get_literal(n);
			msg(MSG_RAW_HTML, &pos, arena_strndup(c->d->arena, lit,
			    strcspn(lit, "\n")));
			break;
		default:
			/* Thematic breaks carry nothing a bulletin prints. */
			break;
		}
	}
}

/* Start a new article at heading h; returns the node after its title. */
static cmark_node *
begin_article(struct conv *c, struct vec *arts, cmark_node *h,
    const char *kicker)
{
	struct jb_article	*a = vec_push(arts);
	cmark_node		*next = cmark_node_next(h);
	const char		*t = dtext_node_text(c, h), *sub;

	a->pos = dtext_cpos(c, h);
	a->anchor = arena_printf(c->d->arena, "a%zu", arts->n);
	if (kicker == NULL && g_str_has_suffix(t, "——") && next != NULL &&
	    cmark_node_get_type(next) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(next) == 3) {
		/* ## 引题—— followed by ### 主标题 */
		kicker = t;
		a->pos = dtext_cpos(c, next);
		t = dtext_node_text(c, next);
		next = cmark_node_next(next);
	}
	/* The model keeps a kicker without its ——; a location has none. */
	if (kicker != NULL && g_str_has_suffix(kicker, "——"))
		a->kicker = arena_strndup(c->d->arena, kicker,
		    strlen(kicker) - strlen("——"));
	else if (kicker != NULL) {
		a->kicker = kicker;
		a->place = 1;
	}
	a->title = t;
	if (*t == '\0') {
		msg(MSG_EMPTY_TITLE, &a->pos);
		c->bad = 1;
	}
	a->briefs = is_briefs_title(t);
	if (next != NULL && cmark_node_get_type(next) == CMARK_NODE_PARAGRAPH) {
		sub = dtext_node_text(c, next);
		if (g_str_has_prefix(sub, "——") && g_utf8_strlen(sub, -1) <= 60) {
			a->subtitle = sub;
			next = cmark_node_next(next);
		}
	}
	return next;
}

static int
is_article_heading(cmark_node *n)
{
	return cmark_node_get_type(n) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(n) <= 2;
}

static void
convert_body(struct conv *c, cmark_node *root)
{
	struct vec		 arts = { .size = sizeof(struct jb_article) };
	struct vec		 blocks;
	struct jb_article	*a;
	cmark_node		*n, *start, *end;
	const char		*kicker;
	struct jb_pos		 pos;

	n = cmark_node_first_child(root);
	/* Text before the first title belongs to no article. */
	for (; n != NULL && !is_article_heading(n) && !is_kicker_para(c, n);
	    n = cmark_node_next(n)) {
		pos = dtext_cpos(c, n);
		msg(MSG_TEXT_BEFORE_ARTICLE, &pos,
		    cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH ?
		    dtext_node_text(c, n) : "…");
	}
	while (n != NULL) {
		kicker = NULL;
		if (is_kicker_para(c, n)) {
			kicker = dtext_node_text(c, n);
			n = cmark_node_next(n);
		}
		start = begin_article(c, &arts, n, kicker);
		for (end = start; end != NULL && !is_article_heading(end) &&
		    !is_kicker_para(c, end); end = cmark_node_next(end))
			;
		a = (struct jb_article *)arts.v + arts.n - 1;
		memset(&blocks, 0, sizeof(blocks));
		blocks.size = sizeof(struct jb_block);
		convert_blocks(c, start, end, &blocks, a->briefs, 0);
		a->blocks = vec_finish(&blocks, c->d->arena, &a->nblocks);
		n = end;
	}
	if (arts.n == 0) {
		pos = c->d->src;
		if (pos.line > 0 && pos.col == 0)
			pos.col = 1;	/* where the body starts */
		msg(MSG_NO_ARTICLES, &pos);
	}
	c->d->articles = vec_finish(&arts, c->d->arena, &c->d->narticles);
}

/* ---- the file ---- */

/*
 * CommonMark plus GitHub's pipe tables: cmark-gfm with its table
 * extension, the only one attached (no autolinks, strikethrough or task
 * lists: a bulletin prints none of them).
 */
static cmark_node *
parse_markdown(const char *s, size_t n)
{
	cmark_parser	*p;
	cmark_node	*root;

	cmark_gfm_core_extensions_ensure_registered();
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_parser_attach_syntax_extension(p,
	    cmark_find_syntax_extension("table"));
	cmark_parser_feed(p, s, n);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	return root;
}

static int
build(struct conv *c, int meta_only)
{
	struct jb_doc	*d = c->d;
	const struct src *t = c->t;
	const char	*note = NULL;
	struct jb_pos	 notepos, pos;
	cmark_node	*root = NULL, *nroot = NULL;
	struct vec	 nb = { .size = sizeof(struct jb_block) };
	int		 rc = -1;

	if (src_check(t) == -1)
		goto out;
	if (t->fm != SRC_FM_OK) {
		pos = d->src;
		pos.col = 1;
		msg(t->fm == SRC_FM_NONE ? MSG_FM_NONE : MSG_FM_UNCLOSED, &pos);
		goto out;
	}
	if (fm_parse_meta(d, t->yaml, t->yamllen, t->yamlline, &note,
	    &notepos) == -1)
		goto out;
	if (meta_only) {
		rc = 0;
		goto out;
	}

	c->lineoff = t->bodyline;
	root = parse_markdown(t->body, t->bodylen);
	convert_body(c, root);

	if (note != NULL) {
		nroot = parse_markdown(note, strlen(note));
		c->lineoff = notepos.line;
		c->inside = "编者按";
		convert_blocks(c, cmark_node_first_child(nroot), NULL, &nb, 0, 0);
		c->inside = NULL;
		d->meta.note = vec_finish(&nb, d->arena, &d->meta.nnote);
	}
	if (c->bad)
		goto out;
	rc = 0;
out:
	/* cmark_node_free() does not accept NULL. */
	if (root != NULL)
		cmark_node_free(root);
	if (nroot != NULL)
		cmark_node_free(nroot);
	return rc;
}

static struct jb_doc *
parse(const struct src *t, const struct jb_series *s, int meta_only)
{
	struct jb_doc	*d;
	struct conv	 c;
	char		*text, *slash;
	int		 errors = msg_errors();

	d = xcalloc(1, sizeof(*d));
	d->arena = arena_new();
	d->series = s;
	d->src.file = arena_strdup(d->arena, t->name);
	d->src.line = 1;
	text = arena_alloc(d->arena, t->len + 1);
	memcpy(text, t->text, t->len);
	d->text = text;
	d->len = t->len;

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.t = t;
	c.dir = xstrdup(t->name);
	if ((slash = strrchr(c.dir, '/')) != NULL)
		*slash = '\0';
	else
		strcpy(c.dir, ".");
	if (build(&c, meta_only) == -1 || msg_errors() > errors) {
		doc_free(d);
		d = NULL;
	}
	free(c.dir);
	return d;
}

struct jb_doc *
doc_parse_src(const struct src *t, const struct jb_series *s)
{
	return parse(t, s, 0);
}

struct jb_doc *
doc_parse_meta(const struct src *t, const struct jb_series *s)
{
	return parse(t, s, 1);
}

struct jb_doc *
doc_parse(const char *name, const char *buf, size_t len,
    const struct jb_series *s)
{
	struct src	*t = src_new(name, buf, len);
	struct jb_doc	*d = doc_parse_src(t, s);

	src_free(t);
	return d;
}

struct jb_doc *
doc_load(const char *path, const struct jb_series *s)
{
	struct jb_doc	*d = NULL;
	struct src	*t;

	if ((t = src_read(path, DOC_MAX_BYTES)) != NULL)
		d = doc_parse_src(t, s);
	src_free(t);
	return d;
}

void
doc_free(struct jb_doc *d)
{
	if (d == NULL)
		return;
	arena_free(d->arena);
	free(d);
}

const char *
doc_issue_label(const struct jb_doc *d)
{
	return label_number(d->arena, d->meta.lang, NULL, d->meta.issue,
	    d->meta.issue_last);
}

const char *
doc_issue_name(const struct jb_doc *d)
{
	return label_number(d->arena, d->meta.lang, d->meta.kind != NULL ?
	    d->meta.kind->name : NULL, d->meta.issue, d->meta.issue_last);
}

const char *
doc_total_label(const struct jb_doc *d)
{
	return label_total(d->arena, d->meta.lang, d->meta.total,
	    d->meta.total_last);
}

const char *
doc_label(const struct jb_doc *d, enum jb_label l)
{
	return label_get(d->meta.lang, l);
}

const char *
doc_draft_word(const struct jb_doc *d)
{
	return d->series->draft_word != NULL ? d->series->draft_word :
	    doc_label(d, JB_LABEL_DRAFT);
}
