/* check_int.h -- private to check (check.c, chktext.c): a file as check reads it, its blocks and findings. */
#ifndef JIANBAO_EDIT_CHECK_INT_H
#define JIANBAO_EDIT_CHECK_INT_H

#include <stddef.h>

#include <glib.h>

#include "edit/edit_int.h"
#include "model/model.h"
#include "util/util.h"

/* One character of the body with where it stands in the file. */
struct ch {
	gunichar	 c;
	int		 line;		/* 1-based */
	int		 col;		/* 1-based, in characters */
	int		 synth;		/* a space standing for a line break */
};

enum bkind {
	B_PARA,				/* paragraph, also ★ items and bylines */
	B_HEAD,				/* # heading */
	B_LIST,				/* list item */
	B_BOX,				/* > quote: boxed slogan */
	B_SIGNOFF,			/* 落款 as the model reads it */
	B_OTHER				/* image, HTML, table: no text rules */
};

/* A block of the body as the editor wrote it, Markdown marks removed. */
struct block {
	enum bkind	 kind;
	struct ch	*v;
	size_t		 n, cap;
	int		 first, last;	/* lines */
	int		 bold;		/* the whole paragraph is **bold** */
};

struct finding {
	enum msgid	 id;
	struct jb_pos	 pos;
	char		*a[3];
	size_t		 seq;
};

/* Everything check knows about one file. */
struct cfile {
	char		*path;
	struct src	*src;		/* the text, as the parser reads it */
	struct block	*blocks;
	size_t		 nblocks;
	struct sup	 sup;		/* what is silenced where */
	struct finding	*finds;
	size_t		 nfinds;
	/* from the model, for the archive rules */
	int		 loaded;
	int		 issue;
	int		 issue_last;	/* of a 合刊; else issue */
	char		*kind;		/* 刊别, NULL for a regular issue */
	struct jb_date	 date;
	char		*date_text;
	enum jb_lang	 lang;
	struct jb_pos	 issue_pos, date_pos;
};

struct check {
	struct cfile	*files;
	size_t		 nfiles;
	int		 probe;		/* drop every diagnostic */
	struct jb_date	 today;
};

/*
 * chkfind.c.  chkfind_chars() and chkfind_char() quote n characters of a
 * block, or one character, as a new string for a message; chkfind_add()
 * keeps a finding of f at line:col with up to three arguments (owned
 * from then on); chkfind_flush() prints f's findings in order of place
 * through msg(), where the suppression markers filter them, and frees
 * them.
 */
char	*chkfind_chars(const struct ch *v, size_t n);
char	*chkfind_char(gunichar c);
void	 chkfind_add(struct cfile *f, enum msgid id, int line, int col,
	    char *a0, char *a1, char *a2);
void	 chkfind_flush(struct cfile *f);

/* chktext.c: every text rule on the blocks of f. */
void	 chktext_rules(struct cfile *f);

#endif
