/* doctext.c -- the text of an issue's blocks: cmark inlines into runs, the spaces that vanish between Chinese text, places in the source. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <glib.h>

#include "model/model_int.h"
#include "model/model.h"
#include "util/util.h"

/* ---- positions ---- */

struct jb_pos
dtext_cpos(const struct conv *c, cmark_node *n)
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
	return (zh_wide(prev) && (zh_wide(next) || zh_wide_ambiguous(next))) ||
	    (zh_wide(next) && zh_wide_ambiguous(prev));
}

int
dtext_break_vanishes(unsigned long prev, unsigned long next)
{
	return segment_break_vanishes((gunichar)prev, (gunichar)next);
}

/* Punctuation of full or ambiguous width: the marks Chinese text sets full width. */
static int
wide_mark(gunichar c)
{
	return zh_punct(c) && zh_wide_ambiguous(c);
}

int
dtext_space_vanishes(unsigned long prev, unsigned long next)
{
	return (wide_mark((gunichar)prev) && (zh_wide(next) ||
	    wide_mark((gunichar)next))) ||
	    (wide_mark((gunichar)next) && zh_wide(prev));
}

int
dtext_is_terminal(unsigned long c)
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
	last = vec_push(&rb->runs);
	last->style = style;
	last->href = href;
	lb = vec_push(&rb->bufs);
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
 * Drop the spaces dtext_space_vanishes() names, also where they end or
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
			    dtext_space_vanishes(prev, next)) {
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
		case CMARK_NODE_IMAGE:
			/* a paragraph of pictures alone is a figure
			 * (dpara_images); amid text only the alt text
			 * stays, which must not pass unsaid */
			if (warn && ev == CMARK_EVENT_ENTER) {
				pos = dtext_cpos(c, cur);
				if (pos.line == 0)
					pos = dtext_cpos(c, n);
				msg(MSG_IMAGE_IN_TEXT, &pos,
				    cmark_node_get_url(cur));
			}
			break;
		case CMARK_NODE_HTML_INLINE:
			pos = dtext_cpos(c, n);
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
dtext_inlines(struct conv *c, cmark_node *n, size_t *nruns)
{
	return inlines_warn(c, n, nruns, 1);
}

struct jb_pos
dtext_locate(const struct jb_doc *d, const struct jb_pos *pos, const char *text,
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
dtext_runs_text(const struct jb_doc *d, const struct jb_run *r, size_t n)
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
dtext_node_text(struct conv *c, cmark_node *n)
{
	struct jb_run	*r;
	size_t		 nr;

	r = inlines_warn(c, n, &nr, 0);
	return dtext_runs_text(c->d, r, nr);
}
