/* htmlio.c -- read templates and style sheets, write pages: shared by the issue and archive pages. */
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "web/web_int.h"
#include "util/util.h"
#include "model/model.h"

xmlNodePtr
htmlio_block(xmlNodePtr parent, const char *name, const char *class)
{
	xmlNodePtr	 n;

	xmlAddChild(parent, xmlNewText(BAD_CAST "\n"));
	n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
	if (class != NULL)
		xmlNewProp(n, BAD_CAST "class", BAD_CAST class);
	return n;
}

/*
 * A text node for s.  Text with nothing to escape, no &, < or > and no
 * control character but tab and line ends (nearly every text of a page),
 * is marked for libxml2's writer to copy as it is: the bytes written are
 * the same, without the writer's escaping loop, a byte at a time, which
 * was the largest single cost of writing a page.
 */
static xmlNodePtr
text(const char *s)
{
	xmlNodePtr		 t = xmlNewText(BAD_CAST s);
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p == '&' || *p == '<' || *p == '>' || (*p < 0x20 &&
		    *p != '\t' && *p != '\n' && *p != '\r'))
			return t;
	t->name = xmlStringTextNoenc;
	return t;
}

xmlNodePtr
htmlio_span(xmlNodePtr parent, const char *name, const char *class,
    const char *s)
{
	xmlNodePtr	 n;

	n = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
	if (s != NULL)
		xmlAddChild(n, text(s));
	if (class != NULL)
		xmlNewProp(n, BAD_CAST "class", BAD_CAST class);
	return n;
}

void
htmlio_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, text(s));
}

int
htmlio_slots(xmlNodePtr n, const char *const *names, int nnames,
    const char *file, const char *name, int take,
    int (*at)(void *, int, xmlNodePtr), void *arg)
{
	struct jb_pos	 pos = { 0 };
	xmlChar		*slot;
	char		 text[256];
	int		 s;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((slot = xmlGetProp(n, BAD_CAST "data-slot")) == NULL) {
			if (htmlio_slots(n->children, names, nnames, file, name,
			    take, at, arg) == -1)
				return -1;
			continue;
		}
		for (s = 0; s < nnames; s++)
			if (xmlStrEqual(slot, BAD_CAST names[s]))
				break;
		if (s == nnames) {
			pos.file = file;
			pos.line = xmlGetLineNo(n);
			snprintf(text, sizeof(text), "未知的插槽 “%s”", slot);
			msg(MSG_TEMPLATE, &pos, name, text);
			xmlFree(slot);
			return -1;
		}
		xmlFree(slot);
		if (take)
			xmlUnsetProp(n, BAD_CAST "data-slot");
		if (at(arg, s, n) == -1)
			return -1;
	}
	return 0;
}

/* libxml2 reports template problems here, one message per error. */
static void
xml_error(void *arg, xmlErrorPtr e)
{
	const char	*const *where = arg;	/* { path, name } */
	struct jb_pos	 pos = { 0 };
	char		 text[512];
	size_t		 n;

	if (e == NULL || e->level == XML_ERR_WARNING)
		return;
	pos.file = e->file != NULL ? e->file : where[0];
	pos.line = e->line;
	pos.col = e->int2;
	snprintf(text, sizeof(text), "%s", e->message ? e->message : "?");
	n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	msg(MSG_TEMPLATE, &pos, where[1], text);
}

static void
strip_comments(xmlNodePtr n)
{
	xmlNodePtr	 next;

	for (; n != NULL; n = next) {
		next = n->next;
		if (n->type == XML_COMMENT_NODE) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		} else if (n->type == XML_ELEMENT_NODE)
			strip_comments(n->children);
	}
}

xmlDocPtr
htmlio_read_template(const char *path, const char *name)
{
	const char	*where[2] = { path, name };
	struct jb_pos	 pos = { path, 0, 0 };
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	xmlSetStructuredErrorFunc((void *)where, xml_error);
	doc = xmlReadFile(path, "UTF-8", XML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "html")) {
		msg(MSG_TEMPLATE, &pos, name, "根元素应为 <html>");
		xmlFreeDoc(doc);
		return NULL;
	}
	strip_comments(doc->children);
	return doc;
}

int
htmlio_read_inline(const char *path, const char *name, const char *what,
    struct buf *b)
{
	size_t		 start = b->len;
	struct jb_pos	 pos = { path, 0, 0 };
	char		 text[128];
	int		 rc = -1;

	if (infile_read(path, NULL, NULL, 0, b) == -1)
		goto out;
	/* The file goes into its element verbatim; this would end it early. */
	if (strstr(b->data + start, "</") != NULL) {
		snprintf(text, sizeof(text), "%s中不能出现 “</”", what);
		msg(MSG_TEMPLATE, &pos, name, text);
		goto out;
	}
	rc = 0;
out:
	return rc;
}

int
htmlio_write(xmlDocPtr doc, const char *path, int keep_same)
{
	xmlOutputBufferPtr	 ob = xmlAllocOutputBuffer(NULL);
	struct outfile		*o;
	const char		*data;
	size_t			 len;
	int			 rc = -1;

	htmlDocContentDumpFormatOutput(ob, doc, "UTF-8", 0);
	xmlOutputBufferWriteString(ob, "\n");
	data = (const char *)xmlOutputBufferGetContent(ob);
	len = xmlOutputBufferGetSize(ob);
	if (keep_same)
		rc = outfile_put(path, data, len);
	else if ((o = outfile_open(path)) != NULL) {
		fwrite(data, 1, len, outfile_fp(o));
		rc = outfile_commit(o);
	}
	xmlOutputBufferClose(ob);
	return rc;
}
