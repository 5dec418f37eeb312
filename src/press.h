/* press.h -- find and load the print module (pressmod.h) beside the executable. */
#ifndef JIANBAO_PRESS_H
#define JIANBAO_PRESS_H

#include "pressmod.h"

/*
 * The print stage (pressmod.c, layout.c and its rooms, pdf.c, fonts.c
 * with Pango, Cairo, fontconfig, FreeType and HarfBuzz) is built as PRESS_MODULE, a
 * shared object beside the executable, so that the HTML edition, the
 * archive and the checks start without loading and relocating some forty
 * libraries.  The module calls back into the executable (msg, mem,
 * outfile, image, document), which exports its symbols for it.  This is
 * the program's side of that seam; the commands that print reach the
 * module only through the table press_load() returns.
 */
#define PRESS_MODULE	"jianbao-press.so"

/*
 * Load PRESS_MODULE from the folder of the running executable (found
 * through /proc/self/exe, so symlinks to the executable work) on the
 * first call, and return its table; later calls return the same table.
 * Returns NULL after reporting MSG_PRESS when the module is missing or
 * cannot be loaded; later calls then return NULL without reporting again.
 * The module stays loaded until the process ends.
 */
const struct pmod_table	*press_load(void);

#endif
