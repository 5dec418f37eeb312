/* docxml.c -- writing the Word edition's XML parts: elements with attributes, w:val properties, a box's borders, a part begun and ended. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "word/word_int.h"
#include "util/util.h"

static void
attrs(xmlTextWriterPtr w, va_list ap)
{
	const char	*k, *v;

	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		xmlTextWriterWriteAttribute(w, BAD_CAST k, BAD_CAST v);
	}
}

void
docx_start(xmlTextWriterPtr w, const char *name, ...)
{
	va_list	 ap;

	xmlTextWriterStartElement(w, BAD_CAST name);
	va_start(ap, name);
	attrs(w, ap);
	va_end(ap);
}

void
docx_empty(xmlTextWriterPtr w, const char *name, ...)
{
	va_list	 ap;

	xmlTextWriterStartElement(w, BAD_CAST name);
	va_start(ap, name);
	attrs(w, ap);
	va_end(ap);
	xmlTextWriterEndElement(w);
}

void
docx_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

void
docx_val(xmlTextWriterPtr w, const char *name, const char *v)
{
	docx_empty(w, name, "w:val", v, NULL);
}

void
docx_vali(xmlTextWriterPtr w, const char *name, long v)
{
	char	 s[24];

	snprintf(s, sizeof(s), "%ld", v);
	docx_empty(w, name, "w:val", s, NULL);
}

void
docx_box(xmlTextWriterPtr w)
{
	static const char *const side[] = { "w:top", "w:left", "w:bottom",
	    "w:right" };
	size_t	 i;

	docx_start(w, "w:pBdr", NULL);
	for (i = 0; i < 4; i++)
		docx_empty(w, side[i], "w:val", "single", "w:sz", "6",
		    "w:space", i % 2 ? "7" : "1", "w:color", "000000", NULL);
	docx_end(w);
}

xmlTextWriterPtr
docx_part_new(xmlBufferPtr *xb)
{
	xmlTextWriterPtr	 w;

	if ((*xb = xmlBufferCreate()) == NULL)
		return NULL;
	if ((w = xmlNewTextWriterMemory(*xb, 0)) == NULL) {
		xmlBufferFree(*xb);
		return NULL;
	}
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes");
	return w;
}

int
docx_part_end(xmlTextWriterPtr w, xmlBufferPtr xb, struct buf *out)
{
	int	 rc = -1;

	if (xmlTextWriterEndDocument(w) >= 0) {
		xmlFreeTextWriter(w);
		w = NULL;
		buf_put(out, (const char *)xmlBufferContent(xb),
		    (size_t)xmlBufferLength(xb));
		rc = 0;
	}
	if (w != NULL)
		xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	return rc;
}
