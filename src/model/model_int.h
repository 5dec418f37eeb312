/* model_int.h -- private to the parser (document.c, docpara.c, doctable.c): its conversion state and shared helpers. */
#ifndef JIANBAO_MODEL_MODEL_INT_H
#define JIANBAO_MODEL_MODEL_INT_H

#include <stddef.h>
#include <string.h>
#include <cmark-gfm.h>

#include "model/model.h"
#include "util/util.h"

/* Conversion state for one document. */
struct conv {
	struct jb_doc	*d;
	const struct src *t;		/* the issue file; borrowed */
	int		 lineoff;	/* file line of the cmark buffer's line 1 */
	char		*dir;		/* the folder, for images */
	int		 bad;		/* an error was reported */
	int		 ntables;	/* tables so far, for their numbers */
	const char	*inside;	/* 列表, 引用框, 编者按: what holds the blocks; NULL = an article */
};

/* doctext.c -- the text of blocks: runs, positions. */

/* Where node n starts in the issue file, its column in characters. */
struct jb_pos	 dtext_cpos(const struct conv *c, cmark_node *n);
/* The runs of the inline children of n, in the arena; warns of raw HTML. */
struct jb_run	*dtext_inlines(struct conv *c, cmark_node *n, size_t *nruns);
/* Plain text of a heading or paragraph, through the same folding rules. */
const char	*dtext_node_text(struct conv *c, cmark_node *n);

/* docpara.c -- paragraphs: pictures, photo rows, credits, bylines, items. */

/*
 * The pictures of a paragraph that holds nothing else: their number, the
 * first max of them in v[]; 0 when the paragraph holds anything more.
 */
size_t		 dpara_images(cmark_node *para, cmark_node **v, size_t max);
/* Paragraph n into out: a picture, a row of them, a credit given to the
 * picture before it, a byline, a ★ item (briefs set) or a paragraph. */
void		 dpara_convert(struct conv *c, cmark_node *n, struct vec *out,
		    int briefs);

/* doctable.c -- GFM tables and their 表题 captions. */

/* Whether n (which may be NULL) is a GFM table node. */
int		 dtab_is_table(cmark_node *n);
/* The 表题 paragraph n (which may be NULL), if it is one: label and title
 * in the arena. */
int		 dtab_caption(struct conv *c, cmark_node *n, const char **label,
		    const char **title);
/* Table n, with its caption paragraph cap or NULL, into out as a
 * JB_BLOCK_TABLE; ragged, empty, blank and nested tables are errors. */
void		 dtab_convert(struct conv *c, cmark_node *n, cmark_node *cap,
		    struct vec *out);

#endif
