/* docx_int.h -- the .docx reader's private types: the package, styles, numbering, relationships, notes. */
#ifndef JIANBAO_IMPORT_DOCX_INT_H
#define JIANBAO_IMPORT_DOCX_INT_H

#include <stddef.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "import/import_int.h"
#include "util/util.h"

#define MAX_STYLES	4096
#define MAX_NUMS	4096
#define MAX_LEVELS	9
#define MAX_DEPTH	64		/* nested tables, text boxes */

struct pkg {
	const char	*path;
	zip_t		*z;
	size_t		 total;		/* bytes unpacked so far */
};

struct style {
	char	*id;
	char	*name;
	char	*based;
	int	 outline;		/* -1 none */
	int	 bold;			/* -1 unset */
	int	 size;			/* half-points, 0 unset */
	int	 center;		/* -1 unset */
	int	 num_id, ilvl;		/* -1 unset */
	int	 para;			/* a paragraph style */
	char	*face;			/* the eastAsia font, or NULL */
};

struct lvl {
	int	 start;
	char	 fmt[40];
	char	*text;			/* lvlText */
};

struct abstract {
	int		 id;
	struct lvl	 lv[MAX_LEVELS];
	int		 count[MAX_LEVELS];
	int		 used[MAX_LEVELS];
};

struct num {
	int	 id;
	int	 abs;			/* index into abstracts, -1 none */
	int	 start[MAX_LEVELS];	/* startOverride, -1 none */
	int	 applied;
};

struct rel {
	char	*id;
	char	*target;		/* resolved within the package */
	int	 external;
};

struct note {
	char	*id;
	char	*text;
};

/* A paragraph on its way out. */
struct para {
	struct buf	 text;
	int		 rank;		/* heading rank, or BODY */
	int		 section;	/* 一、 1, （一） 2: fixed heading marks */
	int		 raw;		/* table or picture line, kept as is */
	int		 center;	/* centred */
	int		 size;		/* its largest size, half-points */
	int		 decimal;	/* typed 5. 1, 5.1 2, 5.1.1 3, else 0 */
};

/* Ranks besides outline levels 0-8: a title (-1), a paragraph set as one
 * until docxhead_outline() decides, inner headings (### and below). */
#define TITLE_LIKE	(-2)
#define INNER	20
#define BODY	1000

struct rd {
	struct pkg	 p;
	/* docxdoc_walk_blocks(): the table reader walks a cell's blocks through it */
	void		(*walk)(struct rd *r, xmlNode *n, int depth, int in_cell);
	struct docxin	*out;
	struct style	*st;
	size_t		 nst;
	struct abstract	*abs;
	size_t		 nabs;
	struct num	*nums;
	size_t		 nnums;
	struct rel	*rels;
	size_t		 nrels;
	struct note	*comments;
	size_t		 ncomments;
	struct note	*foots;
	size_t		 nfoots;
	struct note	*ends;
	size_t		 nends;
	struct para	*pv;
	size_t		 np;
	int		 body_size;	/* half-points most text is set in */
	int		 norm_size;	/* half-points of Normal */
	char		*body_face;	/* the font most text is set in, or NULL */
	int		 tracked;	/* the line of the first tracked change */
	int		 fdepth;	/* fields open */
	struct buf	 instr;		/* the outermost field's instruction */
	int		 toc;		/* inside a table of contents */
	struct buf	 later;		/* footnotes referenced, for the end */
	int		 failed;
};

/* docxpkg.c */

/* Does needle[0..n) occur in s[0..len)? */
int	 docxpkg_has(const char *s, size_t len, const char *needle, size_t n);

/*
 * docxpkg_open() opens the .docx at path (its bytes data[0..len)) into p,
 * refusing entries whose names leave the package (docxpkg_bad_name(): an
 * absolute path, a drive, a backslash, ..) and packages past the caps;
 * returns 0, or -1 after reporting.  docxpkg_close() releases p.
 */
int	 docxpkg_open(struct pkg *p, const char *path, const char *data,
	    size_t len);
int	 docxpkg_bad_name(const char *n);
void	 docxpkg_close(struct pkg *p);

/*
 * The entry name (case-insensitive) into out, within max bytes unpacked.
 * The sizes the zip declares are checked before reading, and the bytes
 * counted while reading, since a zip can lie about them.  Returns 0, 1
 * when there is no such entry, or -1 after reporting.
 */
int	 docxpkg_read(struct pkg *p, const char *name, size_t max, struct buf *out);

/*
 * The part name as XML: libxml2 asked for no entity substitution, no DTD
 * loading and no network, on a part that has no DTD anyway.  NULL with
 * *missing set when there is no such part; NULL after reporting
 * otherwise.
 */
xmlDocPtr	 docxpkg_xml(struct pkg *p, const char *name, int *missing);

/*
 * The part name through SAX handlers h with ctx, for a big part read
 * for a few values (styles.xml: python-docx's template carries 350 KB of
 * them), with the same options as docxpkg_xml().  Returns 0, 1 when there is
 * no such part, or -1 after reporting.
 */
int	 docxpkg_sax(struct pkg *p, const char *name, xmlSAXHandler *h, void *ctx);

/* An element of WordprocessingML (Transitional or Strict) named local. */
int	 docxpkg_is_w(const xmlNode *n, const char *local);

/* Any element named local, whatever its namespace (DrawingML, VML, mc). */
int	 docxpkg_is_el(const xmlNode *n, const char *local);
xmlNode	*docxpkg_child(const xmlNode *n, const char *local);

/* The attribute local of n in any namespace (w:val, r:embed), or NULL;
 * the caller frees it with xmlFree(). */
char	*docxpkg_attr(const xmlNode *n, const char *local);
int	 docxpkg_attr_int(const xmlNode *n, const char *local, int dflt);

/* A toggle property such as w:b: present and not 0, false or off. */
int	 docxpkg_on_off(const xmlNode *n);

/* The first descendant element named local in any namespace. */
xmlNode	*docxpkg_find(xmlNode *n, const char *local, int depth);

/* docxsty.c */
const struct style	*docxsty_style_by_id(const struct rd *r, const char *id);
void	 docxsty_read_rpr(const xmlNode *rpr, int *bold, int *size);

/* styles.xml: each style's name, basedOn, outline level, centring,
 * numbering, bold and size, and the default size. */
int	 docxsty_read_styles(struct rd *r, const char *name);

/*
 * What a paragraph style says, following basedOn: its outline level
 * (from the property, or from a name heading N / 标题 N, Title → -1),
 * bold, size, centring, numbering.  Names, not ids: WPS writes numbers
 * as ids.
 */
void	 docxsty_style_chain(const struct rd *r, const char *id, struct style *res);
void	 docxsty_read_numbering(struct rd *r, xmlDocPtr doc);

/*
 * The visible label of a numbered paragraph, counting on: counters
 * belong to the abstract numbering, shared by every num that uses it;
 * a level's counter restarts when a higher level advances.
 */
void	 docxsty_number_label(struct rd *r, int num_id, int ilvl, struct buf *b);
int	 docxsty_read_rels(struct rd *r, const char *part);
const struct rel	*docxsty_rel_by_id(const struct rd *r, const char *id);

/* All text under n, paragraphs separated by blanks. */
void	 docxsty_plain_text(xmlNode *n, struct buf *b, int depth);
void	 docxsty_read_notes(struct rd *r, const char *part, const char *el, struct note **v,
    size_t *nv);
const char	*docxsty_note_text(const struct note *v, size_t n, const char *id);

/*
 * A comment, footnote or endnote reference k at pos: a comment's text
 * into after as a [//]: # line (kept, not printed), a note's text into
 * r->later as a 注： paragraph at the end, each said; a reference whose
 * note cannot be found keeps its place: the mark （注N） to put in the
 * text is returned (g_free() it), with a warning; else NULL.
 */
char	*docxsty_note_ref(struct rd *r, xmlNode *k, struct buf *after,
	    const struct jb_pos *pos);

/* A new paragraph at the end of r's, body text until set otherwise. */
static inline struct para *
rd_para_new(struct rd *r)
{
	struct para	*p;

	r->pv = xrealloc(r->pv, (r->np + 1) * sizeof(*r->pv));
	p = &r->pv[r->np++];
	memset(p, 0, sizeof(*p));
	p->rank = BODY;
	return p;
}

/* docxdoc.c */
void	 docxdoc_paragraph(struct rd *r, xmlNode *p);
void	 docxdoc_walk_blocks(struct rd *r, xmlNode *n, int depth, int in_cell);


/* docxtbl.c */

/* A table of document.xml as a GFM pipe table (or a frame's text as
 * paragraphs) at the end of r's paragraphs. */
void	 docxtbl_table(struct rd *r, xmlNode *tbl);

/* docxhead.c */

/* r->body_size: the size most characters under body are set in. */
void	 docxhead_body_size(struct rd *r, xmlNode *body);

/* The eastAsia font of the run c (its rFonts, else dflt). */
const char	*docxhead_face(xmlNode *c, const char *dflt, xmlChar **own);

/*
 * What a face says of a short line set in it, when the body is not set
 * in it: 黑体 a heading (1), 楷体 one below (2), else 0.
 */
int	 docxhead_face_rank(const struct rd *r, const char *face);

/* Typed decimal numbers at the start of t: 5. 1, 5.1 2, 5.1.1 3, *lead
 * the first; 0 for none (a date, a figure, 5、). */
int	 docxhead_decimal(const char *t, int *lead);

/* Title-like paragraphs into titles or inner headings: one article
 * unless the evidence is strong. */
void	 docxhead_outline(struct rd *r);

/* The paragraphs as import's text, heading ranks as # marks. */
void	 docxdoc_emit(struct rd *r);
void	 docxdoc_rd_free(struct rd *r);

#endif
