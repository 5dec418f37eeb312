/* edit_int.h -- private to edit: the suppression markers check and check --fix share (suppress.c). */
#ifndef JIANBAO_EDIT_EDIT_INT_H
#define JIANBAO_EDIT_EDIT_INT_H

#include <stddef.h>

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

#endif
