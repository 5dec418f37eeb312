/* pdfin.c -- a submitted PDF's text read through poppler-glib, page by page in reading order, as the lines a copy from the PDF gives, its page numbers and running heads left out. */
#include <string.h>
#include <time.h>

#include <glib.h>
#include <poppler.h>

#include "decode/decode.h"
#include "model/model.h"
#include "util/util.h"

/* The lines of one page, without the spaces around them. */
struct page {
	char	**line;
	size_t	  n;
	char	 *drop;	/* per line: left out as furniture() says */
};

/* The line s with every run of digits one '#', so "第 3 页" and "第 4 页" match. */
static char *
shape(const char *s)
{
	struct buf	 b = { 0 };

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			while (s[1] >= '0' && s[1] <= '9')
				s++;
			buf_put(&b, "#", 1);
		} else
			buf_put(&b, s, 1);
	}
	return b.data != NULL ? b.data : xstrdup("");
}

/*
 * A page number alone on a line: 3, - 3 -, — 3 —, 3/12, 第 3 页, 第3页
 * 共12页, Page 3.  Impbody drops the dashed forms in pasted text too; a
 * bare number is a page number only at a page's head or foot, as here.
 */
static int
page_number(const char *s)
{
	static const char *const forms[] = { "#", "-#-", "—#—", "–#–", "#/#",
	    "第#页", "第#页共#页", "第#页，共#页", "共#页第#页", "Page#", "page#",
	    "Page#of#", "#of#" };
	char	*t = shape(s), *p, *q;
	size_t	 i;
	int	 r = 0;

	for (p = q = t; *p; p++)	/* spaces out */
		if (*p != ' ' && *p != '\t')
			*q++ = *p;
	*q = '\0';
	for (i = 0; i < G_N_ELEMENTS(forms) && !r; i++)
		r = strcmp(t, forms[i]) == 0;
	free(t);
	return r;
}

/* Is the line at the head (or foot) of page k, its digits aside, at
 * the same end of at least half the pages, two or more? */
static int
running(const struct page *pg, size_t np, size_t k, size_t at, int foot)
{
	char	*s = shape(pg[k].line[at]), *t;
	size_t	 i, j, same = 0;
	int	 hit;

	for (i = 0; i < np; i++)
		for (j = 0; j < 2 && j < pg[i].n; j++) {
			t = shape(pg[i].line[foot ? pg[i].n - 1 - j : j]);
			hit = strcmp(s, t) == 0;
			free(t);
			if (hit) {
				same++;
				break;
			}
		}
	free(s);
	return np >= 2 && same >= 2 && same * 2 >= np;
}

/* Mark the page numbers and running heads at both ends of page k: 1 a
 * page number, 2 a running head or foot.  Marks first, all pages, then
 * leave out: each page is judged against the others as they were. */
static void
furniture(struct page *pg, size_t np, size_t k)
{
	struct page	*p = &pg[k];
	size_t		 head = 0, foot = p->n;

	p->drop = xcalloc(p->n + 1, 1);
	for (;;) {
		if (head < foot && page_number(p->line[head]))
			p->drop[head++] = 1;
		else if (head < foot && head < 2 && running(pg, np, k, head, 0))
			p->drop[head++] = 2;
		else if (foot > head && page_number(p->line[foot - 1]))
			p->drop[--foot] = 1;
		else if (foot > head && p->n - foot < 2 && running(pg, np, k, foot - 1, 1))
			p->drop[--foot] = 2;
		else
			break;
	}
}

static void
split_page(struct page *p, const char *text)
{
	const char	*s, *e;
	char		*l;

	for (s = text; *s; s = *e ? e + 1 : e) {
		e = s + strcspn(s, "\n\f");
		l = g_strstrip(g_strndup(s, (size_t)(e - s)));
		if (*l == '\0') {
			g_free(l);
			continue;
		}
		p->line = xrealloc(p->line, (p->n + 1) * sizeof(char *));
		p->line[p->n++] = l;
	}
}

static void
page_free(struct page *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++)
		g_free(p->line[i]);
	free(p->line);
	free(p->drop);
}

int
pdfin_read(const char *path, const char *data, size_t len, struct buf *out)
{
	struct jb_pos	 pos = { path, 1, 1 };
	PopplerDocument	*doc = NULL;
	struct page	*pg = NULL;
	GHashTable	*said = NULL;
	GBytes		*bytes;
	GError		*err = NULL;
	char		 a[32], b[32], *text, *base;
	size_t		 i, j, np = 0, total = 0;
	time_t		 start = time(NULL);
	int		 n, rc = -1, line = 1;

	bytes = g_bytes_new_static(data, len);
	doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	g_bytes_unref(bytes);
	if (doc == NULL) {
		if (err != NULL && g_error_matches(err, POPPLER_ERROR,
		    POPPLER_ERROR_ENCRYPTED))
			msg(MSG_PDF_ENCRYPTED, &pos);
		else
			msg(MSG_PDF_BAD, &pos);	/* poppler's own words are English */
		goto out;
	}
	n = poppler_document_get_n_pages(doc);
	if (n > PDFIN_MAX_PAGES) {
		snprintf(a, sizeof(a), "%d", n);
		snprintf(b, sizeof(b), "%d", PDFIN_MAX_PAGES);
		msg(MSG_PDF_TOO_MANY_PAGES, &pos, a, b);
		goto out;
	}
	pg = xcalloc((size_t)n + 1, sizeof(*pg));
	for (np = 0; np < (size_t)n; np++) {
		PopplerPage	*page;

		if (time(NULL) - start > PDFIN_MAX_SECONDS) {
			snprintf(a, sizeof(a), "%d", PDFIN_MAX_SECONDS);
			msg(MSG_PDF_SLOW, &pos, a);
			goto out;
		}
		if ((page = poppler_document_get_page(doc, (int)np)) == NULL)
			continue;
		text = poppler_page_get_text(page);
		g_object_unref(page);
		if (text == NULL)
			continue;
		total += strlen(text);
		split_page(&pg[np], text);
		g_free(text);
		if (total > DOC_MAX_BYTES) {
			np++;
			msg(MSG_TOO_LARGE, &pos, "8 MiB");
			goto out;
		}
	}
	for (i = 0; i < np && pg[i].n == 0; i++)
		;
	if (i == np) {
		base = g_path_get_basename(path);
		msg(MSG_PDF_NO_TEXT, &pos, base);
		g_free(base);
		goto out;
	}
	said = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (i = 0; i < np; i++)
		furniture(pg, np, i);
	for (i = 0; i < np; i++)
		for (j = 0; j < pg[i].n; j++) {
			pos.line = line;
			if (pg[i].drop[j] == 1)
				msg(MSG_IMPORT_PAGE, &pos, pg[i].line[j]);
			else if (pg[i].drop[j] == 2) {
				/* said once for all its pages */
				if (!g_hash_table_contains(said, pg[i].line[j])) {
					msg(MSG_IMPORT_RUNNING, &pos, pg[i].line[j]);
					g_hash_table_add(said, g_strdup(pg[i].line[j]));
				}
			} else {
				/* a page break is a line break: impbody
				 * rejoins the paragraph it split */
				buf_puts(out, pg[i].line[j]);
				buf_puts(out, "\n");
				line++;
			}
		}
	rc = 0;
out:
	for (i = 0; i < np; i++)
		page_free(&pg[i]);
	free(pg);
	if (said != NULL)
		g_hash_table_destroy(said);
	if (err != NULL)
		g_error_free(err);
	if (doc != NULL)
		g_object_unref(doc);
	if (rc == -1)
		buf_free(out);
	return rc;
}

/* The module's one exported symbol (decode.h). */
const struct dec_table dec_table = {
#define DECODE_ENTRY(name)	name,
	DECODE_FUNCS(DECODE_ENTRY)
#undef DECODE_ENTRY
};
