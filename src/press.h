/* press.h -- the print stage (pdf.h) as a module loaded only by the commands that print. */
#ifndef JIANBAO_PRESS_H
#define JIANBAO_PRESS_H

#include "pdf.h"

/*
 * The print stage (pdf.c, layout.c, fonts.c with Pango, Cairo,
 * fontconfig, FreeType and HarfBuzz) is built as PRESS_MODULE, a shared
 * object beside the executable, so that the HTML edition, the archive and
 * the checks start without loading and relocating some forty libraries.
 * The module calls back into the executable (msg, mem, outfile, image,
 * document), which exports its symbols for it.
 *
 * PRESS_FUNCS lists the functions of pdf.h the module serves: adding one
 * is one F(name) line here.  Commands call them through the table, e.g.
 * press_load()->pdf_write_issue(d, path, o).
 */
#define PRESS_MODULE	"jianbao-press.so"

#define PRESS_FUNCS(F) \
	F(pdf_press_new) \
	F(pdf_press_free) \
	F(pdf_press_write) \
	F(pdf_write_issue) \
	F(pdf_dump_layout) \
	F(pdf_list_fonts)

struct press {
#define PRESS_MEMBER(name)	__typeof__(name) *name;
	PRESS_FUNCS(PRESS_MEMBER)
#undef PRESS_MEMBER
};

/* The one symbol the module exports, defined in pdf.c. */
extern const struct press press_table;

/*
 * Load PRESS_MODULE from the folder of the running executable (found
 * through /proc/self/exe, so symlinks to the executable work) on the
 * first call, and return its table; later calls return the same table.
 * Returns NULL after reporting MSG_PRESS when the module is missing or
 * cannot be loaded; later calls then return NULL without reporting again.
 * The module stays loaded until the process ends.
 */
const struct press	*press_load(void);

#endif
