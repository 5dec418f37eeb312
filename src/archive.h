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

#endif
