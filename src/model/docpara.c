/* docpara.c -- paragraphs of an issue: pictures, photo rows, credits, bylines, ★ items, 本报讯 leads, 落款 (organ and date). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <glib.h>

#include "model/model_int.h"
#include "model/model.h"
#include "util/util.h"

/* （…）alone on a paragraph: a byline or photo credit. */
static int
is_byline(const char *t)
{
	const char	*open = "（", *close = "）";
	const char	*inner;

	if (!g_str_has_prefix(t, open) || !g_str_has_suffix(t, close))
		return 0;
	inner = t + strlen(open);
	if (strstr(inner, open) != NULL)
		return 0;
	return g_utf8_strlen(t, -1) <= 30;
}

/* A digit of a date: 0-9, ０-９, 〇 and 一…十 (零 too). */
static int
date_digit(gunichar u, int han_ten)
{
	static const char	 han[] = "〇零一二三四五六七八九";

	if ((u >= '0' && u <= '9') || (u >= 0xFF10 && u <= 0xFF19))
		return 1;
	if (han_ten && u == 0x5341)	/* 十: in a month or a day only */
		return 1;
	return u >= 0x3007 && g_utf8_strchr(han, -1, u) != NULL;
}

/* Skip from 1 to max date digits then the mark unit; NULL if not there. */
static const char *
date_part(const char *p, int min, int max, int han_ten, const char *unit)
{
	int	 n = 0;

	while (*p != '\0' && date_digit(g_utf8_get_char(p), han_ten)) {
		p = g_utf8_next_char(p);
		n++;
	}
	if (n < min || n > max || !g_str_has_prefix(p, unit))
		return NULL;
	return p + strlen(unit);
}

int
doc_is_date_line(const char *s)
{
	const char	*p = s;

	if ((p = date_part(p, 4, 4, 0, "年")) == NULL ||
	    (p = date_part(p, 1, 3, 1, "月")) == NULL ||
	    (p = date_part(p, 1, 3, 1, "日")) == NULL)
		return 0;
	return *p == '\0';
}

/* The longest line of a 落款 and the most lines it has, organ lines and date. */
#define SIGNOFF_LINE	30
#define SIGNOFF_LINES	4

/*
 * An organ line of a 落款: short, no mark that ends or splits a sentence,
 * not starting with a number or 附件.
 */
static int
is_organ_line(const char *t)
{
	const char	*p;
	gunichar	 u;

	if (*t == '\0' || g_utf8_strlen(t, -1) > SIGNOFF_LINE ||
	    date_digit(g_utf8_get_char(t), 1) || g_str_has_prefix(t, "附件"))
		return 0;	/* 附件 lines and 2．课程安排表 are no organ */
	for (p = t; *p != '\0'; p = g_utf8_next_char(p)) {
		u = g_utf8_get_char(p);
		if (dtext_is_terminal(u) || u == 0xFF0C || u == 0x3001 ||
		    u == 0xFF1B || u == 0xFF1A || u == 0xFF0E || u == ',' ||
		    u == ';' || u == ':' || u == '.' || u == 0x2014)
			return 0;	/* ，、；：．— */
	}
	return 1;
}

int
doc_is_signoff(const char *const *line, size_t n)
{
	size_t	 i;

	if (n < 2 || n > SIGNOFF_LINES || !doc_is_date_line(line[n - 1]))
		return 0;
	for (i = 0; i + 1 < n; i++)
		if (!is_organ_line(line[i]))
			return 0;
	return 1;
}

double
doc_signoff_start(double organ, double date)
{
	/*
	 * The organ 右空二字 and the date 2 字 right of its start, unless
	 * the date would then end nearer the edge than 2 字: 7.3.5.2 wants
	 * the date 右空二字 whenever it outgrows the organ, and a date flush
	 * with the edge (2026年3月2日 under 云岭市文明办, both 6 字 wide)
	 * reads as a setting error.  Then the date keeps its 2 字 and the
	 * organ lines move left.  0.01: a measurement's rounding.
	 */
	if (date + 4 > organ + 2 + 0.01)
		return date + 4;
	return organ + 2;
}

/*
 * A 落款: a paragraph of plain text whose lines (hard or soft breaks) are
 * one to three organ lines then a date line, such as 云岭市文明办\ over
 * 2026年3月2日.  Its lines, trimmed, go to line[] (arena strings); their
 * number, or 0 when n is no 落款.
 */
static size_t
signoff_lines(struct conv *c, cmark_node *n, const char **line)
{
	cmark_node	*ch;
	GString		*cur = g_string_new(NULL);
	size_t		 nl = 0;
	int		 ok = 1;

	for (ch = cmark_node_first_child(n); ok && ch != NULL;
	    ch = cmark_node_next(ch)) {
		switch (cmark_node_get_type(ch)) {
		case CMARK_NODE_TEXT:
			g_string_append(cur, cmark_node_get_literal(ch));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			if (nl == SIGNOFF_LINES - 1)
				ok = 0;
			else
				line[nl++] = arena_strdup(c->d->arena,
				    g_strstrip(cur->str));
			g_string_truncate(cur, 0);
			break;
		default:
			ok = 0;
			break;
		}
	}
	if (ok && nl > 0)
		line[nl++] = arena_strdup(c->d->arena, g_strstrip(cur->str));
	g_string_free(cur, TRUE);
	return ok && nl > 0 && doc_is_signoff(line, nl) ? nl : 0;
}

/* The 落款 block of n's nl lines: each a run, a break between two. */
static void
signoff_block(struct conv *c, struct jb_block *b, const struct jb_pos *pos,
    const char **line, size_t nl)
{
	size_t	 i;

	b->kind = JB_BLOCK_SIGNOFF;
	b->pos = *pos;
	b->nruns = 2 * nl - 1;
	b->runs = arena_alloc(c->d->arena, b->nruns * sizeof(*b->runs));
	memset(b->runs, 0, b->nruns * sizeof(*b->runs));
	for (i = 0; i < nl; i++) {
		b->runs[2 * i].text = line[i];
		if (i + 1 < nl) {
			b->runs[2 * i + 1].text = "";
			b->runs[2 * i + 1].style = JB_STYLE_BREAK;
		}
	}
}

/*
 * The pictures of a paragraph that holds nothing else: their number, the
 * first max of them in v[]; 0 when the paragraph holds anything more.
 */
size_t
dpara_images(cmark_node *para, cmark_node **v, size_t max)
{
	cmark_node	*ch;
	const char	*lit;
	size_t		 n = 0;

	for (ch = cmark_node_first_child(para); ch != NULL; ch = cmark_node_next(ch)) {
		switch (cmark_node_get_type(ch)) {
		case CMARK_NODE_IMAGE:
			if (n < max)
				v[n] = ch;
			n++;
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(ch);
			if (strspn(lit, " \t") != strlen(lit))
				return 0;
			break;
		default:
			return 0;
		}
	}
	return n;
}

/*
 * Resolve an image path against the folder.  It must stay inside
 * that folder, also through symbolic links, and the file must be a whole
 * PNG or JPEG picture of a sensible size.
 */
static const char *
image_path(struct conv *c, const char *src, const struct jb_pos *pos,
    unsigned long *w, unsigned long *h)
{
	char		*joined, *real = NULL, *realdir = NULL;
	const char	*res = NULL;
	enum img_kind	 kind;
	size_t		 n;

	if (*src == '/' || strstr(src, "://") != NULL || g_str_has_prefix(src, "../") ||
	    strstr(src, "/../") != NULL || strcmp(src, "..") == 0) {
		msg(MSG_IMAGE_OUTSIDE, pos, src);
		return NULL;
	}
	n = strlen(c->dir) + strlen(src) + 2;
	joined = xmalloc(n);
	snprintf(joined, n, "%s/%s", c->dir, src);
	if ((real = realpath(joined, NULL)) == NULL) {
		msg(MSG_IMAGE_MISSING, pos, src);
		goto out;
	}
	if ((realdir = realpath(c->dir, NULL)) == NULL ||
	    strncmp(real, realdir, strlen(realdir)) != 0 ||
	    real[strlen(realdir)] != '/') {
		msg(MSG_IMAGE_OUTSIDE, pos, src);
		goto out;
	}
	if (img_check(joined, src, pos, &kind, w, h) == -1)
		goto out;
	res = arena_strdup(c->d->arena, joined);
out:
	free(joined);
	free(real);
	free(realdir);
	return res;
}

/* Split a leading 本报讯 (with its optional （…）) into a run of its own. */
static void
split_lead(struct conv *c, struct jb_block *b)
{
	const char	*t, *p, *close;
	struct jb_run	*r;
	size_t		 n;

	if (b->nruns == 0)
		return;
	t = b->runs[0].text;
	if (!g_str_has_prefix(t, "本报讯") && !g_str_has_prefix(t, "本報訊"))
		return;
	p = t + strlen("本报讯");
	if (g_str_has_prefix(p, "（") && (close = strstr(p, "）")) != NULL)
		p = close + strlen("）");
	n = (size_t)(p - t);
	b->lead = 1;
	if (t[n] == '\0')
		return;
	r = arena_alloc(c->d->arena, (b->nruns + 1) * sizeof(*r));
	r[0] = b->runs[0];
	r[0].text = arena_strndup(c->d->arena, t, n);
	r[1] = b->runs[0];
	r[1].text = t + n;
	memcpy(r + 2, b->runs + 1, (b->nruns - 1) * sizeof(*r));
	b->runs = r;
	b->nruns++;
}

/* Fill b, a picture at pos, from the image node img. */
static void
image_block(struct conv *c, struct jb_block *b, cmark_node *img,
    const struct jb_pos *pos)
{
	const char	*t, *src = cmark_node_get_url(img);

	b->kind = JB_BLOCK_IMAGE;
	b->pos = *pos;
	b->src = arena_strdup(c->d->arena, src);
	b->alt = dtext_node_text(c, img);
	t = cmark_node_get_title(img);
	b->caption = t && *t ? arena_strdup(c->d->arena, t) : NULL;
	if (*b->alt == '\0')
		msg(MSG_IMAGE_NO_ALT, pos, src);
	if ((b->path = image_path(c, src, pos, &b->width, &b->height)) == NULL)
		c->bad = 1;
}

void
dpara_convert(struct conv *c, cmark_node *n, struct vec *out, int briefs)
{
	struct jb_block	*b, *prev;
	cmark_node	*img[DOC_MAX_ROW + 1];
	const char	*t, *line[SIGNOFF_LINES];
	struct jb_pos	 pos = dtext_cpos(c, n), ipos;
	size_t		 nimg, i, nl;

	nimg = dpara_images(n, img, DOC_MAX_ROW + 1);
	if (nimg == 1) {
		image_block(c, vec_push(out), img[0], &pos);
		return;
	}
	if (nimg > DOC_MAX_ROW) {
		ipos = dtext_cpos(c, img[DOC_MAX_ROW]);
		msg(MSG_IMAGE_ROW, &ipos, (int)nimg, DOC_MAX_ROW,
		    cmark_node_get_url(img[DOC_MAX_ROW]));
		c->bad = 1;
		return;
	}
	if (nimg > 1) {
		/* Pictures side by side: a row, each with its own caption. */
		b = vec_push(out);
		b->kind = JB_BLOCK_IMAGEROW;
		b->pos = pos;
		b->children = arena_alloc(c->d->arena, nimg * sizeof(*b));
		memset(b->children, 0, nimg * sizeof(*b));
		b->nchildren = nimg;
		for (i = 0; i < nimg; i++) {
			ipos = dtext_cpos(c, img[i]);
			image_block(c, &b->children[i], img[i], &ipos);
		}
		return;
	}

	t = dtext_node_text(c, n);
	prev = out->n ? (struct jb_block *)out->v + out->n - 1 : NULL;
	if (is_byline(t)) {
		/* A photo credit right after its picture belongs to it. */
		if (prev != NULL && (prev->kind == JB_BLOCK_IMAGE ||
		    prev->kind == JB_BLOCK_IMAGEROW) && prev->credit == NULL &&
		    (g_str_has_suffix(t, "摄）") || g_str_has_suffix(t, "攝）"))) {
			prev->credit = arena_strndup(c->d->arena, t + strlen("（"),
			    strlen(t) - strlen("（") - strlen("）"));
			return;
		}
		b = vec_push(out);
		b->kind = JB_BLOCK_BYLINE;
		b->pos = pos;
		b->runs = dtext_inlines(c, n, &b->nruns);
		return;
	}

	if ((nl = signoff_lines(c, n, line)) > 0) {
		signoff_block(c, vec_push(out), &pos, line, nl);
		return;
	}

	if (g_utf8_strlen(t, -1) > DOC_MAX_PARA) {
		msg(MSG_PARA_TOO_LONG, &pos, (long)g_utf8_strlen(t, -1),
		    DOC_MAX_PARA);
		c->bad = 1;
		return;
	}
	b = vec_push(out);
	b->pos = pos;
	b->runs = dtext_inlines(c, n, &b->nruns);
	if (briefs && b->nruns > 0 && g_str_has_prefix(b->runs[0].text, "★")) {
		b->kind = JB_BLOCK_ITEM;
		b->runs[0].text += strlen("★");
		while (*b->runs[0].text == ' ')
			b->runs[0].text++;
		return;
	}
	b->kind = JB_BLOCK_PARA;
	split_lead(c, b);
}
