/* impint.h -- import's private types: the legacy text as read, its blocks, and the calls between import.c, imptext.c and impbody.c. */
#ifndef JIANBAO_IMPINT_H
#define JIANBAO_IMPINT_H

#include <stddef.h>

#include <glib.h>

#include "docxin.h"
#include "jianbao.h"
#include "mem.h"

enum ikind {
	I_HEAD,				/* # heading line, kept as written */
	I_PARA,				/* paragraph; lines joined by \n */
	I_LIST,				/* - or 1. list, kept as written */
	I_RAW				/* table or picture, kept as written */
};

struct iblock {
	enum ikind	 kind;
	struct buf	 text;
	int		 line;		/* first input line */
	int		 last;		/* last input line */
	int		 lastcol;	/* column of the last character there */
	int		 kept;		/* unclassified text kept as a paragraph (1),
					   a title to be (2): never joined */
};

struct strs {
	char	**v;
	size_t	  n;
};

/* What the legacy text says, section by section. */
struct legacy {
	const char	*path;
	const struct jb_series *series;	/* names the kinds (刊别) */
	char		**lines;	/* without line ends and trailing blanks */
	size_t		  n;
	int		  linemode;	/* a line is a paragraph (Word, unwrapped text) */
	long		  wrap;		/* text copied from a PDF: its line width, or 0 */
	int		  has_mast;	/* the text starts with a masthead */
	int		  into;		/* appended to an issue: front matter stays */
	struct docxin	  docx;		/* a Word file's pictures */
	/* masthead */
	char		*name;
	char		*org;
	char		*classification;
	int		 name_line;
	int		 issue;		/* 0: not found */
	int		 issue_last;	/* a 合刊's last 期号, else issue */
	int		 total;
	int		 total_last;
	const struct jb_kind *kind;	/* a 增刊's line under the 刊名 */
	struct jb_date	 date;		/* year 0: not found */
	/* body */
	struct iblock	*b;
	size_t		 nb;
	struct iblock	*left;		/* unclassified lines of masthead, footer */
	size_t		 nleft;
	/* footer */
	struct strs	 dist[JB_DIST__MAX];
	int		 have_dist;
	struct strs	 roles, names;
	int		 copies;
	struct jb_date	 printed;
	struct buf	 note;		/* 编者按, its paragraphs apart by a blank line */
	int		 in_note;
	int		 printed_line;
};

enum section { S_MAST, S_TOC, S_BODY, S_FOOT };

/* imptext.c */
void	 imptext_strs_free(struct strs *l);
int	 imptext_space(gunichar c);
const char	*imptext_skip_space(const char *p);
char	*imptext_trim(const char *s);
int	 imptext_starts(const char *s, const char *p);
int	 imptext_ends(const char *s, const char *p);
int	 imptext_col_of(const char *line, const char *p);
int	 imptext_thematic(const char *s);
struct jb_pos	 imptext_line_pos(const struct legacy *l, int line);

/* Sort the lines into masthead, 目录, body and footer. */
void	 imptext_sections(struct legacy *l);

/* impbody.c */

/*
 * The level a section number gives a line: 一、 1, （一） 2, 1、 or 1． 3;
 * 0 for none.
 */
int	 impbody_section_level(const char *t);

/*
 * A line that can be a title: one line of at most 30 characters, not a
 * sentence (no 。 or ； in it, no closing comma or colon), not a byline,
 * a credit, a 本报讯 lead, a subtitle or a ★ item.
 */
int	 impbody_title_like(const char *t);

/* A short line above a title: a place (播州区) or one ending in ——. */
int	 impbody_kicker_like(const char *t);
void	 impbody_make_heading(struct iblock *b, const char *marks);
void	 impbody_body(struct legacy *l, size_t from, size_t to);

#endif
