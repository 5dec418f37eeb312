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

/* A growable array (struct vec, docint.h): room for one more element, zeroed. */
void *
doc_vec_push(struct vec *x)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 8;
		x->v = xrealloc(x->v, x->cap * x->size);
	}
	memset(x->v + x->n * x->size, 0, x->size);
	return x->v + x->n++ * x->size;
}

static void *
vec_finish(struct vec *x, struct arena *a, size_t *n)
{
	void	*p = NULL;

	*n = x->n;
	if (x->n) {
		p = arena_alloc(a, x->n * x->size);
		memcpy(p, x->v, x->n * x->size);
	}
	free(x->v);
	x->v = NULL;
	x->n = x->cap = 0;
	return p;
}

/* ---- positions ---- */

struct jb_pos
doc_cpos(const struct conv *c, cmark_node *n)
{
	struct jb_pos	 p;
	int		 line = cmark_node_get_start_line(n);

	p.file = c->d->src.file;
	p.line = line > 0 ? line + c->lineoff - 1 : 0;
	/* cmark counts bytes; editors count characters. */
	p.col = src_col(c->t, p.line, cmark_node_get_start_column(n));
	return p;
}

/* ---- runs ---- */

struct runbuf {
	struct vec	 runs;		/* struct jb_run, text in bufs */
	struct vec	 bufs;		/* struct buf per run */
	int		 soft;		/* a soft break is pending */
};

static gunichar
last_char(const struct buf *b)
{
	const char	*p;

	if (b->len == 0)
		return 0;
	p = g_utf8_find_prev_char(b->data, b->data + b->len);
	return p ? g_utf8_get_char(p) : 0;
}

/*
 * CSS Text 3 segment-break rule: a line break inside a paragraph vanishes
 * between two East Asian wide characters and becomes a space elsewhere.
 * Ambiguous-width marks such as “ ” and · count as wide next to a wide
 * character: in Chinese text they are full-width punctuation.
 */
static int
segment_break_vanishes(gunichar prev, gunichar next)
{
	return (src_wide(prev) && (src_wide(next) || src_wide_ambiguous(next))) ||
	    (src_wide(next) && src_wide_ambiguous(prev));
}

int
doc_break_vanishes(unsigned long prev, unsigned long next)
{
	return segment_break_vanishes((gunichar)prev, (gunichar)next);
}

/* Punctuation of full or ambiguous width: the marks Chinese text sets full width. */
static int
wide_mark(gunichar c)
{
	return src_punct(c) && src_wide_ambiguous(c);
}

int
doc_space_vanishes(unsigned long prev, unsigned long next)
{
	return (wide_mark((gunichar)prev) && (src_wide(next) ||
	    wide_mark((gunichar)next))) ||
	    (wide_mark((gunichar)next) && src_wide(prev));
}

int
doc_is_terminal(unsigned long c)
{
	static const char marks[] = "。！？…；：）」』”’》】—.!?;:)\"'";
	const char	*p;

	for (p = marks; *p; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == c)
			return 1;
	return 0;
}

static void
run_add(struct runbuf *rb, const char *s, size_t n, unsigned style,
    const char *href)
{
	struct jb_run	*last = NULL;
	struct buf	*lb = NULL;
	gunichar	 prev = 0, next;

	if (rb->runs.n) {
		last = (struct jb_run *)rb->runs.v + rb->runs.n - 1;
		lb = (struct buf *)rb->bufs.v + rb->bufs.n - 1;
		if (!(last->style & JB_STYLE_BREAK))
			prev = last_char(lb);
	}
	if (rb->soft) {
		rb->soft = 0;
		next = n ? g_utf8_get_char(s) : 0;
		if (prev != 0 && next != 0 && !segment_break_vanishes(prev, next))
			run_add(rb, " ", 1, style, href);
		if (rb->runs.n) {
			last = (struct jb_run *)rb->runs.v + rb->runs.n - 1;
			lb = (struct buf *)rb->bufs.v + rb->bufs.n - 1;
		}
	}
	if (n == 0 && !(style & JB_STYLE_BREAK))
		return;
	if (last != NULL && last->style == style && !(style & JB_STYLE_BREAK) &&
	    last->href == href) {
		buf_put(lb, s, n);
		return;
	}
	last = doc_vec_push(&rb->runs);
	last->style = style;
	last->href = href;
	lb = doc_vec_push(&rb->bufs);
	buf_put(lb, s, n);
}

/*
 * CommonMark's flanking rules do not let ** close after a Chinese mark
 * followed by a Han character, as in **突出党建引领。**社区…, the usual
 * shape of a run-in lead; cmark leaves such markers as text.  Pair the
 * leftover ** markers of a paragraph in order and make what lies between
 * them strong.  An odd last marker stays as typed.
 */
static void
pair_strong_markers(struct runbuf *rb)
{
	struct runbuf	 out;
	struct jb_run	*r = (struct jb_run *)rb->runs.v;
	struct buf	*b = (struct buf *)rb->bufs.v;
	const char	*p, *q;
	size_t		 i, markers = 0, seen = 0;
	int		 on = 0;

	for (i = 0; i < rb->runs.n; i++)
		for (p = b[i].data; !(r[i].style & JB_STYLE_CODE) && p != NULL &&
		    (p = strstr(p, "**")) != NULL; p += 2)
			markers++;
	if (markers < 2)
		return;
	markers -= markers % 2;
	memset(&out, 0, sizeof(out));
	out.runs.size = sizeof(struct jb_run);
	out.bufs.size = sizeof(struct buf);
	for (i = 0; i < rb->runs.n; i++) {
		p = b[i].data ? b[i].data : "";
		if (r[i].style & (JB_STYLE_CODE | JB_STYLE_BREAK)) {
			run_add(&out, p, b[i].len, r[i].style, r[i].href);
			buf_free(&b[i]);
			continue;
		}
		while ((q = seen < markers ? strstr(p, "**") : NULL) != NULL) {
			run_add(&out, p, (size_t)(q - p),
			    r[i].style | (on ? JB_STYLE_STRONG : 0), r[i].href);
			on = !on;
			seen++;
			p = q + 2;
		}
		run_add(&out, p, strlen(p), r[i].style | (on ? JB_STYLE_STRONG : 0),
		    r[i].href);
		buf_free(&b[i]);
	}
	free(rb->runs.v);
	free(rb->bufs.v);
	*rb = out;
}

/*
 * Drop the spaces doc_space_vanishes() names, also where they end or
 * start a run (**一要……。** 对照).  Code keeps its spaces and a hard break
 * parts its neighbours.
 */
static void
fold_mark_spaces(struct runbuf *rb)
{
	struct jb_run	*r = (struct jb_run *)rb->runs.v;
	struct buf	*b = (struct buf *)rb->bufs.v;
	gunichar	 prev = 0, next;
	size_t		 i, k, j, o;
	char		*t;

	for (i = 0; i < rb->runs.n; i++) {
		if ((r[i].style & (JB_STYLE_CODE | JB_STYLE_BREAK)) ||
		    b[i].len == 0) {
			prev = 0;
			continue;
		}
		t = b[i].data;
		for (k = o = 0; k < b[i].len;) {
			if (t[k] != ' ') {
				j = g_utf8_next_char(t + k) - t;
				prev = g_utf8_get_char(t + k);
				while (k < j)
					t[o++] = t[k++];
				continue;
			}
			for (j = k; j < b[i].len && t[j] == ' '; j++)
				;
			if (j < b[i].len)
				next = g_utf8_get_char(t + j);
			else if (i + 1 < rb->runs.n && b[i + 1].len > 0 &&
			    !(r[i + 1].style & (JB_STYLE_CODE | JB_STYLE_BREAK)))
				next = g_utf8_get_char(b[i + 1].data);
			else
				next = 0;
			if (prev != 0 && next != 0 &&
			    doc_space_vanishes(prev, next)) {
				k = j;
				continue;
			}
			while (k < j)
				t[o++] = t[k++];
			prev = ' ';
		}
		b[i].len = o;
		t[o] = '\0';
	}
}

/* Copy the runs into the arena; trailing spaces and breaks are dropped,
 * and with fold the spaces beside full-width marks. */
static struct jb_run *
run_finish(struct runbuf *rb, struct arena *a, size_t *n, int fold)
{
	struct jb_run	*r;
	struct buf	*b;
	size_t		 i;

	pair_strong_markers(rb);
	if (fold)
		fold_mark_spaces(rb);
	b = (struct buf *)rb->bufs.v;

	while (rb->runs.n > 0) {
		struct jb_run	*last = (struct jb_run *)rb->runs.v + rb->runs.n - 1;
		struct buf	*lb = b + rb->runs.n - 1;

		while (lb->len > 0 && lb->data[lb->len - 1] == ' ')
			lb->data[--lb->len] = '\0';
		if (lb->len > 0 && !(last->style & JB_STYLE_BREAK))
			break;
		buf_free(lb);
		rb->runs.n--;
		rb->bufs.n--;
	}
	for (i = 0; i < rb->runs.n; i++) {
		((struct jb_run *)rb->runs.v)[i].text =
		    arena_strndup(a, b[i].data ? b[i].data : "", b[i].len);
		buf_free(&b[i]);
	}
	free(rb->bufs.v);
	rb->bufs.v = NULL;
	rb->bufs.n = rb->bufs.cap = 0;
	r = vec_finish(&rb->runs, a, n);
	return r;
}

/*
 * Turn the inline children of n into runs.  The iterator keeps this
 * flat however deeply emphasis is nested.  warn is set for the runs of
 * body text: raw HTML is reported only then, so a node looked at twice
 * is reported once, and only body text loses the spaces beside full-width
 * marks (a title may set phrases apart: 用好“三张清单” 老旧小区换新颜).
 */
static struct jb_run *
inlines_warn(struct conv *c, cmark_node *n, size_t *nruns, int warn)
{
	struct runbuf	 rb;
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*cur;
	const char	*lit, *href = NULL;
	int		 strong = 0, em = 0;
	unsigned	 style;
	struct jb_pos	 pos;

	memset(&rb, 0, sizeof(rb));
	rb.runs.size = sizeof(struct jb_run);
	rb.bufs.size = sizeof(struct buf);
	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (cur == n)
			continue;
		style = (strong ? JB_STYLE_STRONG : 0) | (em ? JB_STYLE_EM : 0);
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_STRONG:
			strong += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_EMPH:
			em += ev == CMARK_EVENT_ENTER ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			href = ev == CMARK_EVENT_ENTER ?
			    arena_strdup(c->d->arena, cmark_node_get_url(cur)) : NULL;
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(cur);
			run_add(&rb, lit, strlen(lit), style, href);
			break;
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(cur);
			run_add(&rb, lit, strlen(lit), style | JB_STYLE_CODE, href);
			break;
		case CMARK_NODE_SOFTBREAK:
			rb.soft = 1;
			break;
		case CMARK_NODE_LINEBREAK:
			rb.soft = 0;
			run_add(&rb, "", 0, JB_STYLE_BREAK, NULL);
			break;
		case CMARK_NODE_HTML_INLINE:
			pos = doc_cpos(c, n);
			if (warn)
				msg(MSG_RAW_HTML, &pos, cmark_node_get_literal(cur));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return run_finish(&rb, c->d->arena, nruns, warn);
}

struct jb_run *
doc_inlines(struct conv *c, cmark_node *n, size_t *nruns)
{
	return inlines_warn(c, n, nruns, 1);
}

struct jb_pos
doc_locate(const struct jb_doc *d, const struct jb_pos *pos, const char *text,
    size_t off)
{
	struct jb_pos	 p;
	const char	*q, *end = d->text + d->len;
	gunichar	 c = g_utf8_get_char(text + off);
	size_t		 n = 0;
	int		 line = 1, col;

	if (pos->file == NULL || strcmp(pos->file, d->src.file) != 0 ||
	    pos->line < 1 || pos->col < 1)
		return *pos;
	for (q = text; q < text + off; q = g_utf8_next_char(q))
		if (g_utf8_get_char(q) == c)
			n++;
	/* The file from pos: its line, then its column. */
	for (q = d->text; q < end && line < pos->line; q++)
		if (*q == '\n')
			line++;
	for (col = 1; q < end && *q != '\n' && col < pos->col; col++)
		q = g_utf8_next_char(q);
	/* Then the nth c from there, counting lines and columns. */
	p.file = pos->file;
	p.line = line;
	p.col = col;
	for (; q < end; q = g_utf8_next_char(q)) {
		if (*q == '\n') {
			p.line++;
			p.col = 1;
			continue;
		}
		if (g_utf8_get_char(q) == c && n-- == 0)
			return p;
		p.col++;
	}
	return *pos;
}

const char *
doc_runs_text(const struct jb_doc *d, const struct jb_run *r, size_t n)
{
	struct buf	 b = { 0 };
	const char	*s;
	size_t		 i;

	for (i = 0; i < n; i++)
		buf_puts(&b, (r[i].style & JB_STYLE_BREAK) ? " " : r[i].text);
	s = arena_strdup(d->arena, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* Plain text of a heading or paragraph, through the same folding rules. */
const char *
doc_node_text(struct conv *c, cmark_node *n)
{
	struct jb_run	*r;
	size_t		 nr;

	r = inlines_warn(c, n, &nr, 0);
	return doc_runs_text(c->d, r, nr);
}

/* ---- blocks ---- */

static int
is_briefs_title(const char *t)
{
	return ends_with(t, "简讯") || ends_with(t, "簡訊");
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
	    starts_with(t, "★") || starts_with(t, "（") || starts_with(t, "("))
		return 0;
	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		u = g_utf8_get_char(p);
		if (doc_is_terminal(u) || u == 0xFF0C || u == 0x3001 ||
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
	t = doc_node_text(c, n);
	if (ends_with(t, "——"))
		return g_utf8_strlen(t, -1) <= 40;
	return is_location(n, t) && !ends_with(doc_node_text(c, next), "——");
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
			b = doc_vec_push(out);
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
		pos = doc_cpos(c, n);
		if (!c->bad)
			msg(MSG_TOO_DEEP, &pos, DOC_MAX_DEPTH);
		c->bad = 1;
		return;
	}
	for (; n != NULL && n != end; n = cmark_node_next(n)) {
		pos = doc_cpos(c, n);
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
			b = doc_vec_push(out);
			b->kind = JB_BLOCK_HEADING;
			b->pos = pos;
			b->level = level < 1 ? 1 : level > 4 ? 4 : level;
			b->runs = doc_inlines(c, n, &b->nruns);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			memset(&kids, 0, sizeof(kids));
			kids.size = sizeof(struct jb_block);
			inside = c->inside;
			c->inside = inside != NULL ? inside : "引用框";
			convert_blocks(c, cmark_node_first_child(n), NULL, &kids,
			    briefs, depth + 1);
			c->inside = inside;
			b = doc_vec_push(out);
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
			b = doc_vec_push(out);
			b->kind = JB_BLOCK_PARA;
			b->pos = pos;
			b->runs = arena_alloc(c->d->arena, sizeof(struct jb_run));
			b->runs[0].text = arena_strndup(c->d->arena, lit,
			    strlen(lit) - (ends_with(lit, "\n") ? 1 : 0));
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
	struct jb_article	*a = doc_vec_push(arts);
	cmark_node		*next = cmark_node_next(h);
	const char		*t = doc_node_text(c, h), *sub;

	a->pos = doc_cpos(c, h);
	a->anchor = arena_printf(c->d->arena, "a%zu", arts->n);
	if (kicker == NULL && ends_with(t, "——") && next != NULL &&
	    cmark_node_get_type(next) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(next) == 3) {
		/* ## 引题—— followed by ### 主标题 */
		kicker = t;
		a->pos = doc_cpos(c, next);
		t = doc_node_text(c, next);
		next = cmark_node_next(next);
	}
	/* The model keeps a kicker without its ——; a location has none. */
	if (kicker != NULL && ends_with(kicker, "——"))
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
		sub = doc_node_text(c, next);
		if (starts_with(sub, "——") && g_utf8_strlen(sub, -1) <= 60) {
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
		pos = doc_cpos(c, n);
		msg(MSG_TEXT_BEFORE_ARTICLE, &pos,
		    cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH ?
		    doc_node_text(c, n) : "…");
	}
	while (n != NULL) {
		kicker = NULL;
		if (is_kicker_para(c, n)) {
			kicker = doc_node_text(c, n);
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
