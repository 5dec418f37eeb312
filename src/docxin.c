/* docxin.c -- a submitted Word file (.docx) read with libzip and libxml2 into import's text. */
#include <string.h>

#include "docxin.h"
#include "msg.h"

int
docx_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

int
docx_is_ole(const char *data, size_t len)
{
	return len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

int
docx_read(const char *path, const char *data, size_t len, struct docx *out)
{
	return -1;
}

int
docx_from_ole(const char *path, const char *data, size_t len, struct buf *docx)
{
	return -1;
}

void
docx_clear(struct docx *d)
{
}
