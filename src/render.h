/* render.h -- the renderer entry points the commands call; each reads the model as const. */
#ifndef JIANBAO_RENDER_H
#define JIANBAO_RENDER_H

#include <stdio.h>

#include "jianbao.h"

struct iss_file;

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
	const char	*docx_href;	/* "13.docx" */
	const char	*root;		/* "../": from the page to the site root */
};

/*
 * Write the HTML edition of d to path (temporary file, then rename) from
 * the templates in tmpldir.  Returns 0, or -1 after reporting; on failure
 * an existing file at path is left untouched.
 */
int	 html_write_issue(const struct jb_doc *d, const struct jb_nav *nav,
	    const char *tmpldir, const char *path);

/*
 * The issue's page in the site: html_write_issue() to STEM.html, where
 * STEM is OUT/2019/13 for issues/2019/13.md, with its pictures copied
 * beside it so their relative src attributes work, and links to the
 * issues prev and next (NULL: none, see iss_near_find()), to STEM.pdf and
 * to the archive's index.html one folder up.  Returns 0, or -1 after
 * reporting.
 */
int	 html_write_page(const struct jb_doc *d, const struct iss_file *prev,
	    const struct iss_file *next, const char *tmpldir, const char *stem);

/* The content type of a Word file, for links to it. */
#define JB_DOCX_TYPE \
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/*
 * Write the Word edition of d to path (temporary file, then rename): a
 * DOCX package laid out as the print edition, in styles an editor can
 * reuse and the official faces of the series' font roles.  Returns 0, or
 * -1 after reporting (an unreadable picture, a font role without a
 * name); on failure an existing file at path is left untouched.
 */
int	 docx_write_issue(const struct jb_doc *d, const char *path);

/* Write a text dump of the model to fp, for golden tests and `jianbao dump`. */
void	 tree_write(const struct jb_doc *d, FILE *fp);

/*
 * The archive's writers (site.c, feed.c, search.c), one per file they
 * make.  Each reads an archive sorted by arc_sort() (archive.h), writes its
 * files under outdir through outfile_put(), so files that would not change
 * are left alone, and returns 0, or -1 after reporting; a failed file
 * leaves its previous version in place.  Every link they write is relative
 * to the page that holds it, except in the feed, whose links are absolute
 * paths under the series' 站点根路径.
 */
struct arc;

/*
 * index.html (latest issue, search box, every issue by year),
 * YYYY/index.html for every year (made again only when its issue files,
 * the list of years or the templates changed), search.html (which loads
 * the search files) and favicon.svg; from the templates archive.html,
 * style.css and site.css in tmpldir.
 */
int	 site_write(struct arc *a, const char *tmpldir, const char *outdir);

/* feed.xml: an Atom feed with one entry per issue. */
int	 feed_write(const struct arc *a, const char *outdir);

/*
 * search-index/YYYY.js for every year (the character-bigram index of the
 * year's articles, appended to the global array JIANBAO_SEARCH so that it
 * loads from file:// too) and search.js, copied from tmpldir.  A year's
 * file is made again only when its issue files changed (arccache_current),
 * and rewritten only when its bytes change; files of years that no longer
 * have issues are removed.
 */
int	 search_write(struct arc *a, const char *tmpldir, const char *outdir);

#endif
