/* docxres.c -- what the Word edition's body refers to: links outside the package and pictures, numbered as they are first used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "word/word_int.h"
#include "model/model.h"
#include "util/util.h"

const char *
docx_link_rid(struct docx_pkg *p, const char *href)
{
	static char	 rid[32];
	size_t		 i;

	for (i = 0; i < p->nlinks; i++)
		if (strcmp(p->links[i], href) == 0)
			break;
	if (i == p->nlinks) {
		p->links = xrealloc(p->links, (p->nlinks + 1) *
		    sizeof(*p->links));
		p->links[p->nlinks++] = href;
	}
	snprintf(rid, sizeof(rid), "rIdLink%zu", i + 1);
	return rid;
}

/*
 * A link target as a URI reference: bytes outside printable ASCII, and
 * spaces, percent-encoded (a target with Chinese characters in it is
 * not one, and Word refuses the file).
 */
struct docx_media *
docx_media_get(struct docx_pkg *p, const struct jb_block *b)
{
	struct docx_media	*m;
	size_t			 i;

	for (i = 0; i < p->nmedia; i++)
		if (strcmp(p->media[i].path, b->path) == 0)
			return &p->media[i];
	p->media = xrealloc(p->media, (p->nmedia + 1) * sizeof(*p->media));
	m = &p->media[p->nmedia];
	memset(m, 0, sizeof(*m));
	if (img_read(b->path, b->src, &b->pos, &m->data, &m->kind, &m->w,
	    &m->h) == -1)
		return NULL;
	m->path = b->path;
	p->nmedia++;
	snprintf(m->part, sizeof(m->part), "media/image%zu.%s", p->nmedia,
	    m->kind == IMG_JPEG ? "jpeg" : "png");
	snprintf(m->rid, sizeof(m->rid), "rIdImg%zu", p->nmedia);
	return m;
}
