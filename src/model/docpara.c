/* docpara.c -- paragraphs of an issue: pictures, photo rows, credits, bylines, ★ items, 本报讯 leads. */
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
	const char	*t;
	struct jb_pos	 pos = dtext_cpos(c, n), ipos;
	size_t		 nimg, i;

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
