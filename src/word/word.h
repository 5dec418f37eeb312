/* word.h -- the Word edition (DOCX) of one issue. */
#ifndef JIANBAO_WORD_WORD_H
#define JIANBAO_WORD_WORD_H

#include "model/model.h"

/*
 * Write the Word edition of d to path (temporary file, then rename): a
 * DOCX package laid out as the print edition, in styles an editor can
 * reuse and the official faces of the series' font roles.  Returns 0, or
 * -1 after reporting (an unreadable picture, a font role without a
 * name); on failure an existing file at path is left untouched.
 */
int	 docx_write_issue(const struct jb_doc *d, const char *path);

/*
 * The Word edition is built as WORD_MODULE (util.h, struct mod), so that
 * only the commands that write it load libzip and what it brings; the
 * program calls it as word_load()->docx_write_issue(...) (jobs.h).
 * WORD_FUNCS lists the functions above that the module serves.
 */
#define WORD_MODULE	"jianbao-word.so"
#define WORD_FUNCS(F) \
	F(docx_write_issue)

struct word_table {
#define WORD_MEMBER(name)	__typeof__(name) *name;
	WORD_FUNCS(WORD_MEMBER)
#undef WORD_MEMBER
};

/* The one symbol the module exports, defined in docx.c. */
#define WORD_TABLE	"word_table"
extern const struct word_table word_table;

#endif
