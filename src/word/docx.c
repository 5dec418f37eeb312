/* docx.c -- the Word edition's package: styles, settings, fonts, footers, properties, pictures, zipped (util.h: zipout). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "word/word_int.h"
#include "model/model.h"
#include "util/util.h"
#include "word/word.h"

/* ---- fonts ---- */

/*
 * Each role's official face, the name Word knows it by elsewhere (its
 * w:altName), and the Traditional face for zh-Hant issues: the faces
 * offices have installed, which the receiving Word then uses.
 */
static const struct {
	const char	*word;		/* the role, as bulletin.yaml names it */
	const char	*hans, *hans_alt;
	const char	*hant, *hant_alt;
} faces[JB_ROLE__MAX] = {
	[JB_ROLE_XBS] = { "小标宋", "方正小标宋简体", "FZXiaoBiaoSong-B05S",
	    "新細明體", "PMingLiU" },
	[JB_ROLE_FANGSONG] = { "仿宋", "仿宋_GB2312", "FangSong_GB2312",
	    "新細明體", "PMingLiU" },
	[JB_ROLE_HEITI] = { "黑体", "黑体", "SimHei", "微軟正黑體",
	    "Microsoft JhengHei" },
	[JB_ROLE_KAITI] = { "楷体", "楷体_GB2312", "KaiTi_GB2312", "標楷體",
	    "DFKai-SB" },
	[JB_ROLE_SONGTI] = { "宋体", "宋体", "SimSun", "新細明體", "PMingLiU" },
	[JB_ROLE_DIGITS] = { "数字和西文", "Times New Roman", NULL,
	    "Times New Roman", NULL },
};

/*
 * The face of each role.  A zh-Hans issue takes the first name of the
 * series' chain: bulletin.yaml lists the official names first and the
 * free faces the print edition falls back on after them, and a Word file
 * names the face the reader has, not the one this machine has.  A
 * zh-Hant issue takes the Traditional faces, as the print edition leaves
 * the series' GB2312 faces for its Traditional defaults.  A chain with
 * no name in it is the print edition's error.
 */
static int
fonts_pick(struct docx_fonts *f, const struct jb_doc *d)
{
	const struct jb_series	*s = d->series;
	struct arena		*a = d->arena;
	const char		*chain, *p, *e;
	int			 r, k, rc = 0;

	memset(f, 0, sizeof(*f));
	for (r = 0; r < JB_ROLE__MAX; r++) {
		int hant = d->meta.lang == JB_LANG_HANT;

		f->name[r] = hant ? faces[r].hant : faces[r].hans;
		f->alt[r] = hant ? faces[r].hant_alt : faces[r].hans_alt;
		chain = hant ? NULL : s->fonts[r];
		if (chain != NULL) {
			for (p = chain; *p == ' ' || *p == ','; p++)
				;
			for (e = p; *e != '\0' && *e != ','; e++)
				;
			while (e > p && e[-1] == ' ')
				e--;
			if (e == p) {
				msg(MSG_FONT_MISSING, &s->src, chain,
				    faces[r].word);
				rc = -1;
				continue;
			}
			f->name[r] = arena_strndup(a, p, (size_t)(e - p));
			f->alt[r] = NULL;
			for (k = 0; k < JB_ROLE__MAX; k++)
				if (strcmp(f->name[r], faces[k].hans) == 0)
					f->alt[r] = faces[k].hans_alt;
		}
	}
	/* A true 小标宋 face is heavy already; a substitute is set bold, as in print. */
	f->bold[JB_ROLE_XBS] = strstr(f->name[JB_ROLE_XBS], "小标宋") == NULL &&
	    strstr(f->name[JB_ROLE_XBS], "XiaoBiaoSong") == NULL;
	return rc;
}

static char *
uri(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf	 b = { 0 };
	char		 e[3];

	buf_puts(&b, "");
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' &&
		    c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' &&
		    c != '}')
			buf_put(&b, s, 1);
		else {
			e[0] = '%';
			e[1] = hex[c >> 4];
			e[2] = hex[c & 15];
			buf_put(&b, e, 3);
		}
	}
	return b.data;
}

/* ---- the other parts ---- */

static int
settings_part(struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "w:settings", "xmlns:w",
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    NULL);
	/* In the schema's order, which Word holds to. */
	docx_empty(w, "w:zoom", "w:percent", "100", NULL);
	docx_vali(w, "w:defaultTabStop", 2 * DOCX_CELL);
	/* Odd pages' folio on the right, even pages' on the left. */
	docx_empty(w, "w:evenAndOddHeaders", NULL);
	/* Keep Word's columns: no compression of punctuation Word would do its own way. */
	docx_val(w, "w:characterSpacingControl", "doNotCompress");
	docx_start(w, "w:compat", NULL);
	/* A line ended by a line break is not spread to the measure, as
	 * print sets it: a 要目 kicker, a hard break in the text. */
	docx_empty(w, "w:doNotExpandShiftReturn", NULL);
	docx_empty(w, "w:compatSetting", "w:name", "compatibilityMode",
	    "w:uri", "http://schemas.microsoft.com/office/word", "w:val",
	    "15", NULL);
	docx_end(w);
	docx_end(w);
	return docx_part_end(w, xb, out);
}

static int
fonttable_part(const struct docx_pkg *p, struct buf *out)
{
	const char	*charset = p->d->meta.lang == JB_LANG_HANT ? "88" : "86";
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	int		 r, k;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "w:fonts", "xmlns:w",
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    NULL);
	for (r = 0; r < JB_ROLE__MAX; r++) {
		for (k = 0; k < r; k++)
			if (strcmp(p->fonts.name[k], p->fonts.name[r]) == 0)
				break;
		if (k < r)
			continue;
		docx_start(w, "w:font", "w:name", p->fonts.name[r], NULL);
		if (p->fonts.alt[r] != NULL)
			docx_val(w, "w:altName", p->fonts.alt[r]);
		docx_val(w, "w:charset", r == JB_ROLE_DIGITS ? "00" : charset);
		docx_val(w, "w:family", r == JB_ROLE_DIGITS ? "roman" : "auto");
		docx_val(w, "w:pitch", "variable");
		docx_end(w);
	}
	docx_end(w);
	return docx_part_end(w, xb, out);
}

/* A draft's header: the draft word, right, in 三号 黑体 over a rule. */
static int
header_part(const struct docx_pkg *p, struct buf *out)
{
	const char	*heiti = p->fonts.name[JB_ROLE_HEITI];

	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "w:hdr", "xmlns:w",
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    NULL);
	docx_start(w, "w:p", NULL);
	docx_start(w, "w:pPr", NULL);
	docx_start(w, "w:pBdr", NULL);
	docx_empty(w, "w:bottom", "w:val", "single", "w:sz", "6", "w:space",
	    "1", "w:color", "auto", NULL);
	docx_end(w);
	docx_val(w, "w:jc", "right");
	docx_end(w);
	docx_start(w, "w:r", NULL);
	docx_start(w, "w:rPr", NULL);
	docx_empty(w, "w:rFonts", "w:ascii", heiti, "w:hAnsi", heiti,
	    "w:eastAsia", heiti, "w:hint", "eastAsia", NULL);
	docx_val(w, "w:sz", "32");
	docx_val(w, "w:szCs", "32");
	docx_end(w);
	docx_start(w, "w:t", NULL);
	xmlTextWriterWriteString(w, BAD_CAST doc_draft_word(p->d));
	docx_end(w);
	docx_end(w);
	docx_end(w);
	docx_end(w);
	return docx_part_end(w, xb, out);
}

/* A footer: — PAGE — in 四号 宋体, 1 字 in from the outer edge. */
static int
footer_part(int odd, struct buf *out)
{
	static const char *const field[] = { "begin", NULL, "separate",
	    NULL, "end" };
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	char		 in[16];
	size_t		 i;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "w:ftr", "xmlns:w",
	    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
	    "xmlns:r",
	    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
	    NULL);
	docx_start(w, "w:p", NULL);
	docx_start(w, "w:pPr", NULL);
	docx_val(w, "w:pStyle", docx_style_id(DS_FOLIO));
	snprintf(in, sizeof(in), "%d", DOCX_CELL4);
	docx_empty(w, "w:ind", odd ? "w:right" : "w:left", in, NULL);
	docx_val(w, "w:jc", odd ? "right" : "left");
	docx_end(w);
	docx_start(w, "w:r", NULL);
	docx_start(w, "w:t", "xml:space", "preserve", NULL);
	xmlTextWriterWriteString(w, BAD_CAST "— ");
	docx_end(w);
	docx_end(w);
	/* A complex field with a result, which every reader shows. */
	for (i = 0; i < sizeof(field) / sizeof(field[0]); i++) {
		docx_start(w, "w:r", NULL);
		if (field[i] != NULL)
			docx_empty(w, "w:fldChar", "w:fldCharType", field[i],
			    NULL);
		else if (i == 1) {
			docx_start(w, "w:instrText", "xml:space", "preserve",
			    NULL);
			xmlTextWriterWriteString(w, BAD_CAST " PAGE ");
			docx_end(w);
		} else {
			docx_start(w, "w:t", NULL);
			xmlTextWriterWriteString(w, BAD_CAST (odd ? "1" : "2"));
			docx_end(w);
		}
		docx_end(w);
	}
	docx_start(w, "w:r", NULL);
	docx_start(w, "w:t", "xml:space", "preserve", NULL);
	xmlTextWriterWriteString(w, BAD_CAST " —");
	docx_end(w);
	docx_end(w);
	docx_end(w);		/* w:p */
	docx_end(w);
	return docx_part_end(w, xb, out);
}

/*
 * "2019-08-30T00:00:00Z": the issue date, or with NULL the time
 * SOURCE_DATE_EPOCH names (the issue date when it is not set), as the
 * PDF edition dates itself.
 */
static void
w3c_date(char *s, size_t n, const struct jb_date *dt, const struct jb_date *dflt)
{
	struct tm	 tm;

	if (dt == NULL && outfile_epoch(&tm) == 0) {
		strftime(s, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return;
	}
	if (dt == NULL)
		dt = dflt;
	snprintf(s, n, "%04d-%02d-%02dT00:00:00Z", dt->year, dt->month,
	    dt->day);
}

static int
core_part(const struct jb_doc *d, struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	char		 date[64];

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "cp:coreProperties", "xmlns:cp",
	    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
	    "xmlns:dc", "http://purl.org/dc/elements/1.1/",
	    "xmlns:dcterms", "http://purl.org/dc/terms/",
	    "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", NULL);
	docx_start(w, "dc:title", NULL);
	xmlTextWriterWriteFormatString(w, "%s %s", d->series->name,
	    label_issue(d->arena, d->meta.lang, d->meta.date.year,
	    d->meta.kind != NULL ? d->meta.kind->name : NULL, d->meta.issue,
	    d->meta.issue_last));
	docx_end(w);
	docx_start(w, "dc:creator", NULL);
	xmlTextWriterWriteString(w, BAD_CAST d->meta.org);
	docx_end(w);
	docx_start(w, "dc:language", NULL);
	xmlTextWriterWriteString(w, BAD_CAST d->meta.lang_tag);
	docx_end(w);
	w3c_date(date, sizeof(date), &d->meta.date, NULL);
	docx_start(w, "dcterms:created", "xsi:type", "dcterms:W3CDTF", NULL);
	xmlTextWriterWriteString(w, BAD_CAST date);
	docx_end(w);
	w3c_date(date, sizeof(date), NULL, &d->meta.date);
	docx_start(w, "dcterms:modified", "xsi:type", "dcterms:W3CDTF", NULL);
	xmlTextWriterWriteString(w, BAD_CAST date);
	docx_end(w);
	docx_end(w);
	return docx_part_end(w, xb, out);
}

static int
app_part(struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "Properties", "xmlns",
	    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
	    NULL);
	docx_start(w, "Application", NULL);
	xmlTextWriterWriteString(w, BAD_CAST "jianbao");
	docx_end(w);
	docx_end(w);
	return docx_part_end(w, xb, out);
}

#define CT	"application/vnd.openxmlformats-officedocument."
#define REL	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

/* The parts besides the pictures, in the order the package holds them. */
enum part {
	P_TYPES, P_RELS, P_DOCUMENT, P_DOCRELS, P_STYLES, P_SETTINGS,
	P_FONTS, P_FOOTER1, P_FOOTER2, P_HEADER, P_CORE, P_APP, P__MAX
};

static const struct {
	const char	*name;		/* in the package */
	const char	*type;		/* content type, NULL: a Default covers it */
	const char	*rel;		/* relationship from the document, or NULL */
	const char	*rid;
} parts[P__MAX] = {
	[P_TYPES] = { "[Content_Types].xml", NULL, NULL, NULL },
	[P_RELS] = { "_rels/.rels", NULL, NULL, NULL },
	[P_DOCUMENT] = { "word/document.xml",
	    CT "wordprocessingml.document.main+xml", NULL, NULL },
	[P_DOCRELS] = { "word/_rels/document.xml.rels", NULL, NULL, NULL },
	[P_STYLES] = { "word/styles.xml", CT "wordprocessingml.styles+xml",
	    REL "styles", "rIdStyles" },
	[P_SETTINGS] = { "word/settings.xml", CT "wordprocessingml.settings+xml",
	    REL "settings", "rIdSettings" },
	[P_FONTS] = { "word/fontTable.xml", CT "wordprocessingml.fontTable+xml",
	    REL "fontTable", "rIdFontTable" },
	[P_FOOTER1] = { "word/footer1.xml", CT "wordprocessingml.footer+xml",
	    REL "footer", "rIdFooterOdd" },
	[P_FOOTER2] = { "word/footer2.xml", CT "wordprocessingml.footer+xml",
	    REL "footer", "rIdFooterEven" },
	[P_HEADER] = { "word/header1.xml", CT "wordprocessingml.header+xml",
	    REL "header", "rIdHeader" },
	[P_CORE] = { "docProps/core.xml",
	    "application/vnd.openxmlformats-package.core-properties+xml",
	    NULL, NULL },
	[P_APP] = { "docProps/app.xml", CT "extended-properties+xml", NULL,
	    NULL },
};

/* Every part but the header, which only a draft has. */
static int
in_package(const struct docx_pkg *p, int i)
{
	return i != P_HEADER || p->d->series->draft;
}

static int
types_part(const struct docx_pkg *p, struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	char		 name[64];
	int		 i;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "Types", "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/content-types",
	    NULL);
	docx_empty(w, "Default", "Extension", "rels", "ContentType",
	    "application/vnd.openxmlformats-package.relationships+xml", NULL);
	docx_empty(w, "Default", "Extension", "xml", "ContentType",
	    "application/xml", NULL);
	docx_empty(w, "Default", "Extension", "jpeg", "ContentType",
	    "image/jpeg", NULL);
	docx_empty(w, "Default", "Extension", "png", "ContentType",
	    "image/png", NULL);
	for (i = 0; i < P__MAX; i++) {
		if (parts[i].type == NULL || !in_package(p, i))
			continue;
		snprintf(name, sizeof(name), "/%s", parts[i].name);
		docx_empty(w, "Override", "PartName", name, "ContentType",
		    parts[i].type, NULL);
	}
	docx_end(w);
	return docx_part_end(w, xb, out);
}

static int
rels_part(struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "Relationships", "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/relationships",
	    NULL);
	docx_empty(w, "Relationship", "Id", "rId1", "Type", REL
	    "officeDocument", "Target", "word/document.xml", NULL);
	docx_empty(w, "Relationship", "Id", "rId2", "Type",
	    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
	    "Target", "docProps/core.xml", NULL);
	docx_empty(w, "Relationship", "Id", "rId3", "Type", REL
	    "extended-properties", "Target", "docProps/app.xml", NULL);
	docx_end(w);
	return docx_part_end(w, xb, out);
}

static int
docrels_part(const struct docx_pkg *p, struct buf *out)
{
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	size_t		 i;

	if ((w = docx_part_new(&xb)) == NULL)
		return -1;
	docx_start(w, "Relationships", "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/relationships",
	    NULL);
	for (i = 0; i < P__MAX; i++)
		if (parts[i].rel != NULL && in_package(p, (int)i))
			docx_empty(w, "Relationship", "Id", parts[i].rid,
			    "Type", parts[i].rel, "Target", parts[i].name + 5,
			    NULL);
	for (i = 0; i < p->nmedia; i++)
		docx_empty(w, "Relationship", "Id", p->media[i].rid, "Type",
		    REL "image", "Target", p->media[i].part, NULL);
	for (i = 0; i < p->nlinks; i++) {
		char id[32], *t = uri(p->links[i]);

		snprintf(id, sizeof(id), "rIdLink%zu", i + 1);
		docx_empty(w, "Relationship", "Id", id, "Type", REL
		    "hyperlink", "Target", t, "TargetMode", "External", NULL);
		free(t);
	}
	docx_end(w);
	return docx_part_end(w, xb, out);
}

/* ---- the package ---- */

/*
 * Zip the parts and pictures into memory, in a fixed order (util.h:
 * zipout), pictures stored, parts deflated.  Returns 0 with the archive
 * in out, or -1 after reporting.
 */
static int
zip_package(const struct jb_doc *d, const char *path, struct buf *pv,
    const struct docx_pkg *p, struct buf *out)
{
	struct zipout	*zo = zipout_new();
	size_t		 i, k;

	for (i = 0; i < P__MAX; i++) {
		if (i == P_CORE)
			for (k = 0; k < p->nmedia; k++)
				zipout_add(zo, arena_printf(d->arena,
				    "word/%s", p->media[k].part),
				    p->media[k].data.data,
				    p->media[k].data.len, 1);
		if (in_package(p, i))
			zipout_add(zo, parts[i].name, pv[i].data, pv[i].len,
			    0);
	}
	return zipout_finish(zo, out, &d->src, path);
}

/* 1 if one of the n blocks b, or a block inside one, is a 落款. */
static int
has_signoff(const struct jb_block *b, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (b[i].kind == JB_BLOCK_SIGNOFF ||
		    has_signoff(b[i].children, b[i].nchildren))
			return 1;
	return 0;
}

int
docx_write_issue(const struct jb_doc *d, const char *path)
{
	struct docx_pkg	 p;
	struct buf	 pv[P__MAX], zipped = { 0 };
	struct outfile	*of;
	size_t		 i;
	int		 rc = -1;

	memset(&p, 0, sizeof(p));
	memset(pv, 0, sizeof(pv));
	p.d = d;
	/* The 落款 style only where it is used: an issue without one keeps
	 * the style sheet it always had. */
	for (i = 0; i < d->narticles && !p.signoff; i++)
		p.signoff = has_signoff(d->articles[i].blocks,
		    d->articles[i].nblocks);
	if (fonts_pick(&p.fonts, d) == -1)
		goto out;
	/* The document first: it numbers the pictures the relationships name. */
	if (docx_document(&p, &pv[P_DOCUMENT]) == -1)
		goto out;
	if (types_part(&p, &pv[P_TYPES]) == -1 ||
	    rels_part(&pv[P_RELS]) == -1 ||
	    docrels_part(&p, &pv[P_DOCRELS]) == -1 ||
	    docx_styles_part(&p, &pv[P_STYLES]) == -1 ||
	    settings_part(&pv[P_SETTINGS]) == -1 ||
	    fonttable_part(&p, &pv[P_FONTS]) == -1 ||
	    footer_part(1, &pv[P_FOOTER1]) == -1 ||
	    footer_part(0, &pv[P_FOOTER2]) == -1 ||
	    (d->series->draft && header_part(&p, &pv[P_HEADER]) == -1) ||
	    core_part(d, &pv[P_CORE]) == -1 || app_part(&pv[P_APP]) == -1) {
		msg(MSG_WRITE, &d->src, path, "内存不足");
		goto out;
	}
	if (zip_package(d, path, pv, &p, &zipped) == -1)
		goto out;
	if ((of = outfile_open(path)) == NULL)
		goto out;
	if (fwrite(zipped.data, 1, zipped.len, outfile_fp(of)) != zipped.len) {
		outfile_abort(of);
		msg(MSG_WRITE, &d->src, path, "写入失败");
		goto out;
	}
	if (outfile_commit(of) == -1)
		goto out;
	rc = 0;
out:
	for (i = 0; i < P__MAX; i++)
		buf_free(&pv[i]);
	for (i = 0; i < p.nmedia; i++)
		buf_free(&p.media[i].data);
	free(p.media);
	free(p.links);
	buf_free(&zipped);
	return rc;
}

/* The module's one exported symbol (word.h). */
const struct word_table word_table = {
#define WORD_ENTRY(name)	name,
	WORD_FUNCS(WORD_ENTRY)
#undef WORD_ENTRY
};
