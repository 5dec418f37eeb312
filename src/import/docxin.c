/* docxin.c -- a submitted .docx read: its main part found, styles, numbering and notes read, the body walked into import's text; a .doc or .wps through LibreOffice. */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "import/import_int.h"
#include "util/util.h"
#include "model/model.h"

#include "import/docx_int.h"

/* The main part: from _rels/.rels, else word/document.xml. */
static char *
main_part(struct rd *r)
{
	xmlDocPtr	 doc;
	xmlNode		*n;
	char		*type, *target, *res = NULL;
	int		 missing;

	if ((doc = docxpkg_xml(&r->p, "_rels/.rels", &missing)) == NULL)
		return missing ? xstrdup("word/document.xml") : NULL;
	for (n = xmlDocGetRootElement(doc)->children; n && !res; n = n->next) {
		if (!docxpkg_is_el(n, "Relationship"))
			continue;
		type = docxpkg_attr(n, "Type");
		target = docxpkg_attr(n, "Target");
		if (type && target && g_str_has_suffix(type, "/officeDocument") &&
		    !docxpkg_bad_name(*target == '/' ? target + 1 : target))
			res = xstrdup(*target == '/' ? target + 1 : target);
		xmlFree(type);
		xmlFree(target);
	}
	xmlFreeDoc(doc);
	return res ? res : xstrdup("word/document.xml");
}

int
docxin_read(const char *path, const char *data, size_t len, struct docxin *out)
{
	struct rd	 r;
	xmlDocPtr	 doc = NULL, aux;
	xmlNode		*body;
	char		*part = NULL, *dir, *name;
	int		 rc = -1, missing;

	memset(&r, 0, sizeof(r));
	r.walk = docxdoc_walk_blocks;
	memset(out, 0, sizeof(*out));
	r.out = out;
	if (docxpkg_open(&r.p, path, data, len) == -1)
		goto out;
	if ((part = main_part(&r)) == NULL)
		goto out;
	if ((doc = docxpkg_xml(&r.p, part, &missing)) == NULL) {
		if (missing)
			msg(MSG_DOCX_NO_DOCUMENT, &(struct jb_pos){ path, 1, 1 });
		goto out;
	}
	dir = g_path_get_dirname(part);
#define AUX(file, fn)	do {						\
		name = g_strdup_printf("%s/%s", dir, file);		\
		aux = docxpkg_xml(&r.p, name, &missing);			\
		g_free(name);						\
		if (aux == NULL && !missing) {				\
			g_free(dir);					\
			goto out;					\
		}							\
		if (aux != NULL) {					\
			fn(&r, aux);					\
			xmlFreeDoc(aux);				\
		}							\
	} while (0)
	name = g_strdup_printf("%s/styles.xml", dir);
	missing = docxsty_read_styles(&r, name);
	g_free(name);
	if (missing == -1) {
		g_free(dir);
		goto out;
	}
	AUX("numbering.xml", docxsty_read_numbering);
#undef AUX
	if (r.body_size == 0)
		r.body_size = r.norm_size = 21;
	name = g_strdup_printf("%s/comments.xml", dir);
	docxsty_read_notes(&r, name, "comment", &r.comments, &r.ncomments);
	g_free(name);
	name = g_strdup_printf("%s/footnotes.xml", dir);
	docxsty_read_notes(&r, name, "footnote", &r.foots, &r.nfoots);
	g_free(name);
	name = g_strdup_printf("%s/endnotes.xml", dir);
	docxsty_read_notes(&r, name, "endnote", &r.ends, &r.nends);
	g_free(name);
	g_free(dir);
	if (r.failed || docxsty_read_rels(&r, part) == -1)
		goto out;
	if ((body = docxpkg_child(xmlDocGetRootElement(doc), "body")) == NULL) {
		msg(MSG_DOCX_NO_DOCUMENT, &(struct jb_pos){ path, 1, 1 });
		goto out;
	}
	docxhead_body_size(&r, body);
	docxdoc_walk_blocks(&r, body, 0, 0);
	docxhead_outline(&r);
	if (r.failed || r.p.total > DOCXIN_MAX_TOTAL)
		goto out;
	if (r.tracked)
		msg(MSG_DOCX_TRACKED, &(struct jb_pos){ path, r.tracked, 1 });
	docxdoc_emit(&r);
	if (out->text.data == NULL)
		buf_put(&out->text, "", 0);
	rc = 0;
out:
	if (rc == -1)
		docxin_clear(out);
	xmlFreeDoc(doc);
	free(part);
	docxdoc_rd_free(&r);
	return rc;
}

int
docxin_is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\003\004", 4) == 0;
}

int
docxin_is_ole(const char *data, size_t len)
{
	return len >= 8 && memcmp(data,
	    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	remove(path);
	return 0;
}

/*
 * Is soffice on PATH?  The fuzzers are built with IMP_NO_SOFFICE: an
 * OLE-looking input must not start LibreOffice for each of thousands of
 * runs (bounded at 120 s, rightly, for users); they take the path of a
 * machine without it.
 */
static int
have_soffice(void)
{
#ifdef IMP_NO_SOFFICE
	return 0;
#else
	gchar	*p = g_find_program_in_path("soffice");
	int	 r = p != NULL;

	g_free(p);
	return r;
#endif
}

int
docxin_from_ole(const char *path, const char *data, size_t len, struct buf *docx)
{
	static const char enc[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	char		 tmpl[] = "/tmp/jianbao-doc-XXXXXX", *in = NULL, *outp = NULL;
	char		*profile = NULL, *base, *dot;
	gchar		*argv[11], *errs = NULL;
	gint		 status = 0;
	int		 rc = -1;

	/* an encrypted .docx is an OLE file with an EncryptedPackage stream */
	if (docxpkg_has(data, len, enc, sizeof(enc) - 1)) {
		msg(MSG_DOCX_ENCRYPTED, &(struct jb_pos){ path, 1, 1 });
		return -1;
	}
	if (!have_soffice()) {
		msg(MSG_DOCX_OLD, &(struct jb_pos){ path, 1, 1 });
		return -1;
	}
	if (mkdtemp(tmpl) == NULL) {
		msg(MSG_MKDIR, NULL, tmpl, msg_strerror(errno));
		return -1;
	}
	base = g_path_get_basename(path);
	if ((dot = strrchr(base, '.')) != NULL)
		*dot = '\0';
	in = g_strdup_printf("%s/in.doc", tmpl);
	outp = g_strdup_printf("%s/in.docx", tmpl);
	profile = g_strdup_printf("-env:UserInstallation=file://%s/profile", tmpl);
	if (!g_file_set_contents(in, data, (gssize)len, NULL))
		goto out;
	/* bounded time: a hostile file must not hang the import */
	argv[0] = "timeout";
	argv[1] = "120";
	argv[2] = "soffice";
	argv[3] = profile;
	argv[4] = "--headless";
	argv[5] = "--convert-to";
	argv[6] = "docx:MS Word 2007 XML";
	argv[7] = "--outdir";
	argv[8] = tmpl;
	argv[9] = in;
	argv[10] = NULL;
	if (!g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH |
	    G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errs, &status, NULL) ||
	    !g_spawn_check_wait_status(status, NULL) || access(outp, R_OK) != 0 ||
	    infile_read(outp, path, NULL, DOCXIN_MAX_FILE, docx) == -1) {
		buf_free(docx);
		msg(MSG_DOCX_CONVERT, &(struct jb_pos){ path, 1, 1 }, path);
		goto out;
	}
	msg(MSG_IMPORT_CONVERTED, &(struct jb_pos){ path, 1, 1 }, path);
	rc = 0;
out:
	/* LibreOffice's profile and the copies go with the folder */
	nftw(tmpl, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	g_free(in);
	g_free(outp);
	g_free(profile);
	g_free(errs);
	g_free(base);
	return rc;
}

void
docxin_clear(struct docxin *d)
{
	size_t	 i;

	buf_free(&d->text);
	for (i = 0; i < d->npics; i++) {
		free(d->pics[i].data);
		free(d->pics[i].part);
	}
	free(d->pics);
	d->pics = NULL;
	d->npics = 0;
}
