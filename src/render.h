/* render.h -- the renderer entry points main.c may call; each reads the model as const. */
#ifndef JIANBAO_RENDER_H
#define JIANBAO_RENDER_H

#include <stdio.h>

#include "jianbao.h"

/*
 * Where an issue page sits among its neighbours.  Every href is relative
 * to the page itself, so the site works from any folder or file system.
 * A NULL href means there is no such page.
 */
struct jb_nav {
	const char	*prev_href;	/* "../2019/12.html" */
	const char	*prev_label;	/* "第12期" */
	const char	*next_href;
	const char	*next_label;
	const char	*index_href;	/* "../index.html" */
	const char	*pdf_href;	/* "13.pdf" */
	const char	*root;		/* "../": from the page to the site root */
};

/*
 * Write the HTML edition of d to path (temporary file, then rename) from
 * the templates in tmpldir.  Returns 0, or -1 after reporting; on failure
 * an existing file at path is left untouched.
 */
int	 html_write_issue(const struct jb_doc *d, const struct jb_nav *nav,
	    const char *tmpldir, const char *path);

/* Write a text dump of the model to fp, for golden tests and `jianbao dump`. */
void	 tree_write(const struct jb_doc *d, FILE *fp);

#endif
