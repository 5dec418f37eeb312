/* archive.h -- every issue of a run in brief, which the site's writers (render.h) read. */
#ifndef JIANBAO_ARCHIVE_H
#define JIANBAO_ARCHIVE_H

#include <stddef.h>

#include "jianbao.h"

/*
 * The archive keeps what the site needs of each issue, copied out of its
 * document, so that a thousand issues never hold a thousand document
 * trees: load one, arc_add() it, doc_free() it, load the next.  Article
 * text is not kept: the search index reloads the issues of the years it
 * rewrites.  Every string is owned by the archive's arena and lives until
 * arc_free().
 *
 * A run can reuse the summaries of the previous one: arc_use_cache()
 * reads OUT/.archive, and arc_add_file() takes an issue's summary from it
 * when the file's size, times and inode and the program and series file
 * are those it was made from, parsing the issue otherwise.  The same file
 * is the make target of the archive: arc_write_cache() rewrites it at the
 * end of every successful run.
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
	const char		*path;		/* the issue file */
	struct arc_stamp	 stamp;		/* ino -1: not known */
	struct arc_article	*articles;
	size_t			 narticles;
};

/*
 * A file made from part of the archive (a year's search index) and the
 * key of what it was made from, so that the next run can tell it is
 * current without making it again.
 */
struct arc_part {
	const char		*path;
	const char		*key;
	struct arc_stamp	 stamp;		/* of the file as written */
};

struct arc_cache;

struct arc {
	const struct jb_series	*series;	/* borrowed */
	struct arc_issue	*v;		/* newest first after arc_sort() */
	size_t			 n;
	size_t			 cap;
	struct arena		*arena;
	const char		*key;		/* program and series file as of
						 * this run; NULL: no reuse */
	struct arc_cache	*cache;		/* the previous run's, or NULL */
	struct arc_part		*parts;		/* made or found current */
	size_t			 nparts, partcap;
};

/* An empty archive for issues of series s (borrowed; must outlive it). */
struct arc	*arc_new(const struct jb_series *s);
void		 arc_free(struct arc *a);		/* NULL: no-op */

/*
 * Read the summaries of the previous run from outdir/.archive, if it was
 * made by this program from the series file at series_path as it is now.
 * A missing, stale or damaged file is ignored: every issue is parsed.
 */
void		 arc_use_cache(struct arc *a, const char *outdir,
		    const char *series_path);

/*
 * Add the issue file at path, whose page path without extension is stem
 * ("2019/13"): from the cache when it is current, else by loading it.
 * Returns 0, or -1 after reporting when it does not load.
 */
int		 arc_add_file(struct arc *a, const char *path, const char *stem);

/*
 * Copy what the site keeps of d (its labels and article titles) into a;
 * path is its file, stem as for arc_add_file().  d may be freed right
 * after.  The file is not stat()ed: this issue is never reused from the
 * cache of a later run.
 */
void		 arc_add(struct arc *a, const struct jb_doc *d, const char *path,
		    const char *stem);

/* Order the issues newest first: by date, then 期号. */
void		 arc_sort(struct arc *a);

/*
 * The searchable plain text of an article: its blocks one line each,
 * picture captions included.  The caller frees the result.
 */
char		*arc_article_text(const struct jb_doc *d,
		    const struct jb_article *ar);

/*
 * The key of a file made from issues v[first] .. v[first + n - 1]: a
 * digest (hex) of what (naming the file's kind and anything else it shows),
 * the program and series file, the stamps and stems of those issues and
 * the stamps of the files named in the NULL-terminated list deps (may be
 * NULL), such as templates.  The caller frees it.  NULL when nothing can
 * be reused this run or a stamp is not known.
 */
char		*arc_key(const struct arc *a, const char *what, size_t first,
		    size_t n, const char *const *deps);

/*
 * Is the file at path what the previous run recorded for key, untouched
 * since?  0 when not, or when key is NULL.
 */
int		 arc_part_current(const struct arc *a, const char *path,
		    const char *key);

/* Record that the file at path now holds what key stands for. */
void		 arc_part_done(struct arc *a, const char *path, const char *key);

/* outdir/.archive: the summaries for the next run.  0, or -1 after
 * reporting. */
int		 arc_write_cache(const struct arc *a, const char *outdir);

#endif
