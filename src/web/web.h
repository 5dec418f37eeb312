/* web.h -- the web edition: issue pages, the archive (home, years, feed, search) and its memory between runs. */
#ifndef JIANBAO_WEB_WEB_H
#define JIANBAO_WEB_WEB_H

#include <stddef.h>
#include <stdio.h>

#include "model/model.h"

/* every issue of a run in brief, which the site's writers (render.h) read. */

/*
 * The archive keeps what the site needs of each issue, copied out of its
 * document, so that a thousand issues never hold a thousand document
 * trees: load one, arc_add() it, doc_free() it, load the next.  Article
 * text is not kept: the search index reloads the issues of the years it
 * rewrites.  Every string is owned by the archive's arena and lives until
 * arc_free().
 *
 * A run can reuse the summaries of the previous one, which the archive's
 * cache keeps (arccache.h): arc_add_file() takes an issue's summary from
 * it when it is current, parsing the issue otherwise.
 */
struct arc_article {
	const char	*anchor;	/* "a1": id on the issue page */
	const char	*title;
	const char	*kicker;	/* 引题, or NULL */
	const char	*subtitle;	/* 副题 with its ——, or NULL */
};

/* Which version of an issue file a summary was made from. */
struct arc_stamp {
	long long	 size;
	long long	 mtime_s, mtime_ns;
	long long	 ctime_s, ctime_ns;
	long long	 ino;
};

/*
 * Numbers are kept as numbers: the writers format them where they show
 * them, from the words of label.h in the issue's language.
 */
struct arc_issue {
	int			 year;		/* of the issue date */
	int			 issue;		/* 期号 */
	int			 issue_last;	/* a 合刊's last 期号, else issue */
	const char		*kind;		/* 刊别 such as 增刊, NULL: regular */
	int			 total;		/* 总期号, 0: not shown */
	int			 total_last;	/* a 合刊's last 总期号, else total */
	enum jb_lang		 lang;
	const char		*date_iso;	/* 2019-08-30 */
	const char		*date_text;	/* 2019年8月30日 */
	const char		*stem;		/* "2019/13": page and PDF without
						 * extension, from the site root */
	const char		*path;		/* the issue file */
	struct arc_stamp	 stamp;		/* ino -1: not known */
	struct arc_article	*articles;
	size_t			 narticles;
};

struct arccache;

struct arc {
	const struct jb_series	*series;	/* borrowed */
	struct arc_issue	*v;		/* newest first after arc_sort() */
	size_t			 n;
	size_t			 cap;
	struct arena		*arena;
	struct arccache		*cache;		/* what is known of the previous
						 * run and recorded for the next */
};

/* An empty archive for issues of series s (borrowed; must outlive it). */
struct arc	*arc_new(const struct jb_series *s);
void		 arc_free(struct arc *a);		/* NULL: no-op */

/*
 * Add the issue file at path, whose page path without extension is stem
 * ("2019/13"): from the cache when it is current, else by loading it.
 * Returns 0, or -1 after reporting when it does not load.
 */
int		 arc_add_file(struct arc *a, const char *path, const char *stem);

/*
 * Copy what the site keeps of d (its numbers, date and article titles)
 * into a; path is its file, stem as for arc_add_file().  d may be freed
 * right after.  The file is not stat()ed: this issue is never reused from
 * the cache of a later run.
 */
void		 arc_add(struct arc *a, const struct jb_doc *d, const char *path,
		    const char *stem);

/*
 * Order the issues newest first: by date, then 期号; of two issues of one
 * date the regular one comes first, before a 增刊 (by kind name).
 */
void		 arc_sort(struct arc *a);

/*
 * The searchable plain text of an article: its blocks one line each,
 * picture captions included.  The caller frees the result.
 */
char		*arc_article_text(const struct jb_doc *d,
		    const struct jb_article *ar);

/* OUT/.archive, the archive's memory between runs: which summaries and made files are still current. */

/*
 * A run can reuse the summaries of the previous one: arccache_read()
 * reads OUT/.archive, and arc_add_file() takes an issue's summary from it
 * (arccache_issue) when the file's size, times and inode and the program
 * and series file are those it was made from, parsing the issue
 * otherwise.  The writers use the same file to tell that a file they make
 * from part of the archive (a year's page or search index) is current
 * without making it again: arccache_key, arccache_current, arccache_done.
 * The same file is the make target of the archive: arccache_write()
 * rewrites it at the end of every successful run.
 *
 * The cache of an archive is a->cache, made by arc_new() and freed by
 * arc_free(); its strings, and those of the summaries it gives, are in the
 * archive's arena.  Until arccache_read() nothing is reused and no key is
 * made.
 */

/* An empty cache, for arc_new(). */
struct arccache	*arccache_new(void);
void		 arccache_free(struct arccache *c);	/* NULL: no-op */

/*
 * Read the summaries of the previous run from outdir/.archive, if it was
 * made by this program from the series file at series_path as it is now.
 * A missing, stale or damaged file is ignored: every issue is parsed.
 */
void		 arccache_read(struct arc *a, const char *outdir,
		    const char *series_path);

/*
 * The previous run's summary of the issue file at path with page stem
 * stem, if that file is unchanged since; NULL otherwise.  *sp is set to
 * the file's stamp as it is now (ino -1 when it cannot be stat()ed).
 */
const struct arc_issue *arccache_issue(const struct arc *a, const char *path,
		    const char *stem, struct arc_stamp *sp);

/*
 * The key of a file made from issues v[first] .. v[first + n - 1]: a
 * digest (hex) of what (naming the file's kind and anything else it shows),
 * the program and series file, the stamps and stems of those issues and
 * the stamps of the files named in the NULL-terminated list deps (may be
 * NULL), such as templates.  The caller frees it.  NULL when nothing can
 * be reused this run or a stamp is not known.
 */
char		*arccache_key(const struct arc *a, const char *what,
		    size_t first, size_t n, const char *const *deps);

/*
 * Is the file at path what the previous run recorded for key, untouched
 * since?  0 when not, or when key is NULL.
 */
int		 arccache_current(const struct arc *a, const char *path,
		    const char *key);

/* Record for the next run that the file at path now holds what key
 * stands for; nothing when key is NULL. */
void		 arccache_done(struct arc *a, const char *path, const char *key);

/* outdir/.archive: the summaries and made files for the next run.  0, or
 * -1 after reporting. */
int		 arccache_write(const struct arc *a, const char *outdir);

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
	const char	*ofd_href;	/* "13.ofd", or NULL: none built */
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
 * The Content-Security-Policy source that lets the one inline script of
 * the pages made from the templates in tmpldir run (templates/titles.js,
 * which html_write_issue() copies into each page): "'sha256-…'", for the
 * caller to free, or NULL when the folder has no script or its templates
 * are bad (reported).
 */
char	*html_script_csp(const char *tmpldir);

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
