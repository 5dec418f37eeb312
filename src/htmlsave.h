/* htmlsave.h -- write a libxml2 HTML tree to a file, atomically. */
#ifndef JIANBAO_HTMLSAVE_H
#define JIANBAO_HTMLSAVE_H

#include <libxml/tree.h>

/*
 * Serialise doc with libxml2's HTML serialiser to path through outfile.h
 * (temporary file, then rename).  The document-level dump keeps the
 * template's one <meta charset>; the xmlsave one would add a second.
 * libxml2's own I/O messages are silenced: a failed write is reported
 * once, in Chinese.  Returns 0, or -1 after reporting; doc is not freed.
 */
int	 htmlsave_write(xmlDocPtr doc, const char *path);

#endif
