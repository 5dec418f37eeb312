/* edit_int.h -- private to edit: what check and check --fix share: the suppression markers (suppress.c), the reading of half-width marks (marks.c). */
#ifndef JIANBAO_EDIT_EDIT_INT_H
#define JIANBAO_EDIT_EDIT_INT_H

#include <stddef.h>

#include <glib.h>

#include "model/model.h"

/* [//]: # (jianbao: ignore RULE): RULE is silenced on lines from..to. */
struct sup_mark {
	char	*rule;
	int	 from, to;		/* 0: waiting for the next block */
};

/* What is silenced in one issue file: 检查忽略 and the markers in its body. */
struct sup {
	struct sup_mark	*v;
	size_t		 n;
	size_t		 open;		/* marks before it cover finished blocks */
	char		**ignore;	/* 检查忽略 */
	size_t		 nignore;
};

/*
 * The grammar of a marker, the one both commands read: a comment line
 * "[//]: #" with, anywhere after it, "jianbao:", blanks, "ignore" and
 * rule ids (or "all") apart by commas or blanks, up to ")" or the
 * quote '"' that closes the comment's title or the end of the line:
 *   [//]: # (jianbao: ignore doubled, cjk-space)
 *   [//]: # "jianbao: ignore all"
 *   [//]: # ( jianbao:ignore doubled cjk-space )
 * A marker silences its rules on every line of the next block (blank
 * lines, code blocks and rules between them do not matter); 检查忽略 in
 * the front matter silences its rules in the whole file.
 *
 * sup_comment() reads the comment line s (n bytes from its indent, indent
 * spaces before it, line ln) and adds the rules of a marker as waiting;
 * a rule id no message carries is not added but given to unknown (NULL:
 * dropped) with its line and column.  sup_line() says line ln belongs to
 * a block, newblock when it starts one: waiting marks cover it from
 * there on.  sup_end() says a block ended (a blank line, a fence, a
 * thematic break).  sup_ignore() takes a copy of the 检查忽略 list.
 * sup_silenced() says whether rule is silenced on line ln.  sup_clear()
 * frees what s holds and leaves it empty.
 */
void	 sup_comment(struct sup *s, const char *line, size_t n, int ln,
	    int indent, void (*unknown)(void *arg, const char *rule, int ln,
	    int col), void *arg);
void	 sup_line(struct sup *s, int ln, int newblock);
void	 sup_end(struct sup *s);
void	 sup_ignore(struct sup *s, const struct jb_strlist *l);
int	 sup_silenced(const struct sup *s, const char *rule, int ln);
void	 sup_clear(struct sup *s);

/*
 * marks.c: a block's lines as check and check --fix read them for the
 * half-width mark rule, and the rule.  mtext_line() appends line ln of
 * t to m (a line feed between two lines); mtext_protect() marks what no
 * repair may touch (code spans, URLs, link targets, HTML, backslash
 * escapes) and what the rule reads past (emphasis marks, line breaks, a
 * link's brackets and target); mtext_mark() is the full-width form of
 * the half-width mark at i where it stands in Chinese text (如下:,
 * 今(13)日, 70.1%,比, a Chinese sentence ending in . ? !), else 0 —
 * never in a number (70.1, 1,000, 10:30), a URL, an e-mail address,
 * code, Latin text or a numbering (1.), nor (PM2.5) around Latin.
 * Parentheses go in pairs: both or neither.
 */
enum { MK_KEEP = 1, MK_LINK };		/* mch.keep: untouchable; a link target */

struct mch {
	gunichar	 c;
	size_t		 off, len;	/* bytes in the text */
	int		 line, col;
	int		 keep;		/* MK_KEEP, MK_LINK or 0 */
	int		 skip;		/* no text of its own for the rule */
};

struct mtext {
	struct mch	*v;
	size_t		 n, cap;
};

void		 mtext_line(struct mtext *m, const struct src *t, int ln);
void		 mtext_protect(struct mtext *m);
unsigned long	 mtext_mark(const struct mtext *m, size_t i);

#endif
