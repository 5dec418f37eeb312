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

#endif
