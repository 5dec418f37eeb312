/* htmlio.h -- HTML templates in, HTML pages out: what the issue and archive pages share. */
#ifndef JIANBAO_HTMLIO_H
#define JIANBAO_HTMLIO_H

#include <libxml/tree.h>

#include "mem.h"

/*
 * Parse the well-formed HTML template at path (name is how messages call
 * it).  Its root must be <html>; comments, which are notes for whoever
 * edits the template, are removed.  Returns a tree the caller frees with
 * xmlFreeDoc(), or NULL after reporting every libxml2 error with the
 * template's file:line:col.
 */
xmlDocPtr	 htmlio_read_template(const char *path, const char *name);

/*
 * Append the style sheet at path to b, for a <style> element.  Returns 0,
 * or -1 after reporting (unreadable, or holding "</", which would end the
 * element early).
 */
int		 htmlio_read_css(const char *path, const char *name, struct buf *b);

/*
 * Serialise doc with libxml2's HTML serialiser to path through outfile.h
 * (temporary file, then rename).  The document-level dump keeps the
 * template's one <meta charset>; the xmlsave one would add a second.
 * libxml2's own I/O messages are silenced: a failed write is reported
 * once, in Chinese.  Returns 0, or -1 after reporting; doc is not freed.
 */
int		 htmlio_write(xmlDocPtr doc, const char *path);

#endif
