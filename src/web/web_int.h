/* web_int.h -- what the issue and archive pages share: HTML templates in, HTML pages out. */
#ifndef JIANBAO_WEB_WEB_INT_H
#define JIANBAO_WEB_WEB_INT_H

#include <libxml/tree.h>

#include "util/util.h"

/*
 * Parse the well-formed HTML template at path (name is how messages call
 * it).  Its root must be <html>; comments, which are notes for whoever
 * edits the template, are removed.  Returns a tree the caller frees with
 * xmlFreeDoc(), or NULL after reporting every libxml2 error with the
 * template's file:line:col.
 */
xmlDocPtr	 htmlio_read_template(const char *path, const char *name);

/*
 * Append the file at path to b, for a <style> or <script> element; what
 * names it in a diagnostic ("样式表", "脚本").  Returns 0, or -1 after
 * reporting (unreadable, or holding "</", which would end the element
 * early).
 */
int		 htmlio_read_inline(const char *path, const char *name,
		    const char *what, struct buf *b);

/*
 * Building pages.  htmlio_block() adds an element under parent on a line
 * of its own in the output; htmlio_span() an element holding text (NULL:
 * none), which libxml2 escapes; both give it class unless that is NULL.
 * htmlio_text() adds text.  libxml2 owns what they make, with parent.
 */
xmlNodePtr	 htmlio_block(xmlNodePtr parent, const char *name,
		    const char *class);
xmlNodePtr	 htmlio_span(xmlNodePtr parent, const char *name,
		    const char *class, const char *text);
void		 htmlio_text(xmlNodePtr parent, const char *s);

/*
 * The slots of a template: the elements under root that carry
 * data-slot="NAME" (slots do not nest), NAME one of names[0 .. nnames-1].
 * Each is handed to at(arg, index of its name, element), in document
 * order; with take, its data-slot attribute is removed first, as a page
 * must not show it.  An unknown name is reported at its line in file (the
 * template name) and ends the walk, as does at() returning -1.  Returns 0,
 * or -1.
 */
int		 htmlio_slots(xmlNodePtr root, const char *const *names,
		    int nnames, const char *file, const char *name, int take,
		    int (*at)(void *, int, xmlNodePtr), void *arg);

/*
 * Serialise doc with libxml2's HTML serialiser and write it to path
 * through outfile.h (temporary file, then rename).  The document-level
 * dump keeps the template's one <meta charset>; the xmlsave one would add
 * a second.  With keep_same, a file that already holds these bytes is left
 * alone (outfile_put()): archive pages, which make judges by the archive's
 * own stamp; issue pages are always written, as make judges them by their
 * time.  Returns 0, or -1 after reporting; doc is not freed.
 */
int		 htmlio_write(xmlDocPtr doc, const char *path, int keep_same);

#endif
