/* htmlsave.c -- one place where HTML trees become files, shared by the issue and archive pages. */
#include <errno.h>
#include <stdio.h>

#include <libxml/HTMLtree.h>
#include <libxml/xmlerror.h>

#include "htmlsave.h"
#include "msg.h"
#include "outfile.h"

static void
quiet(void *arg, xmlErrorPtr e)
{
	(void)arg;
	(void)e;
}

int
htmlsave_write(xmlDocPtr doc, const char *path)
{
	struct outfile		*o;
	xmlOutputBufferPtr	 ob;
	FILE			*fp;
	int			 failed, rc = -1;

	if ((o = outfile_open(path)) == NULL)
		goto out;
	fp = outfile_fp(o);
	xmlSetStructuredErrorFunc(NULL, quiet);
	ob = xmlOutputBufferCreateFile(fp, NULL);
	htmlDocContentDumpFormatOutput(ob, doc, "UTF-8", 0);
	xmlOutputBufferWriteString(ob, "\n");
	failed = xmlOutputBufferClose(ob) == -1 || ferror(fp);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (failed) {
		msg(MSG_WRITE, NULL, path, msg_strerror(errno ? errno : EIO));
		outfile_abort(o);
		goto out;
	}
	rc = outfile_commit(o);
out:
	return rc;
}
