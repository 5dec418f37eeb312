/* archive.h -- every issue of a run in brief, and the site made from it: archive pages, feed, search. */
#ifndef JIANBAO_ARCHIVE_H
#define JIANBAO_ARCHIVE_H

#include <stddef.h>

#include "jianbao.h"

/*
 * The archive keeps what the site needs of each issue, copied out of its
 * document, so that a thousand issues never hold a thousand document
 * trees: load one, arc_add() it, doc_free() it, load the next.  Every
 * string is owned by the archive's arena and lives until arc_free().
 */
struct arc_article {
	const char	*anchor;	/* "a1": id on the issue page */
	const char	*title;
	const char	*kicker;	/* 引题, or NULL */
	const char	*subtitle;	/* 副题 with its ——, or NULL */
	const char	*text;		/* body as plain text, one line per block */
};

struct arc_issue {
	int			 year;		/* of the issue date */
	int			 issue;		/* 期号 */
	const char		*date_iso;	/* 2019-08-30 */
	const char		*date_text;	/* 2019年8月30日 */
	const char		*label;		/* 2019年第13期 */
	const char		*total_label;	/* 总第86期, or NULL */
	const char		*lang_tag;	/* zh-Hans / zh-Hant */
	const char		*stem;		/* "2019/13": page and PDF without
						 * extension, from the site root */
	struct arc_article	*articles;
	size_t			 narticles;
};

struct arc {
	const struct jb_series	*series;	/* borrowed */
	struct arc_issue	*v;		/* newest first after arc_sort() */
	size_t			 n;
	size_t			 cap;
	struct arena		*arena;
};

/* An empty archive for issues of series s (borrowed; must outlive it). */
struct arc	*arc_new(const struct jb_series *s);
void		 arc_free(struct arc *a);		/* NULL: no-op */

/*
 * Copy what the site keeps of d (its labels, article titles and plain
 * text) into a; stem is the page path without extension relative to the
 * site root ("2019/13").  d may be freed right after.
 */
void		 arc_add(struct arc *a, const struct jb_doc *d, const char *stem);

/* Order the issues newest first: by date, then 期号. */
void		 arc_sort(struct arc *a);

/*
 * The writers.  Each reads a sorted archive, writes its files under outdir
 * through outfile.h, and returns 0, or -1 after reporting; a failed file
 * leaves its previous version in place.  Every link they write is relative
 * to the page that holds it, except in the feed, whose links are absolute
 * paths under the series' 站点根路径.
 *
 * arc_write_pages: index.html (latest issue, search box, every issue by
 * year), YYYY/index.html for every year, search.html; from the templates
 * archive.html, style.css and site.css in tmpldir.
 */
int		 arc_write_pages(const struct arc *a, const char *tmpldir,
		    const char *outdir);

/* feed.xml: an Atom feed with one entry per issue. */
int		 arc_write_feed(const struct arc *a, const char *outdir);

/*
 * search-index.js (the character-bigram index of every article, assigned
 * to the global JIANBAO_SEARCH so that it loads from file:// too) and
 * search.js, copied from tmpldir.
 */
int		 arc_write_search(const struct arc *a, const char *tmpldir,
		    const char *outdir);

#endif
