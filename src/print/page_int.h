/* page_int.h -- the page model: an issue set into pages of positioned glyph runs, rules and images; draws nothing. */
#ifndef JIANBAO_PRINT_PAGE_INT_H
#define JIANBAO_PRINT_PAGE_INT_H

#include <stdio.h>

#include "model/model.h"

struct font_set;
struct _PangoFont;
struct _PangoGlyphString;

/* The A4 page of GB/T 9704, in pt (1 mm = 72/25.4 pt). */
#define LAY_MM		(72.0 / 25.4)
#define LAY_PAGE_W	(210 * LAY_MM)
#define LAY_PAGE_H	(297 * LAY_MM)

enum lay_kind {
	LAY_GLYPHS,		/* text in one font: x,y = baseline origin */
	LAY_RULE,		/* horizontal rule: x,y = left end of its centre line, w long, h thick */
	LAY_VRULE,		/* vertical rule: x,y = top end of its centre line, h long, w thick */
	LAY_FRAME,		/* stroked rectangle: x,y top-left, w,h, line 0.75 pt */
	LAY_IMAGE,		/* picture: x,y top-left, w,h; text = path */
	LAY_LINK,		/* clickable area: x,y top-left, w,h; text = destination */
	LAY_DEST		/* named destination: x,y; text = name */
};

/*
 * One positioned thing on a page.  Coordinates are pt from the page's
 * top-left corner, y growing downwards.  For LAY_GLYPHS with real fonts,
 * font and glyphs carry the shaped run (widths already adjusted for
 * punctuation compression and justification) for the painter; with fixed
 * metrics they are NULL.  Everything is owned by the lay_doc.
 */
struct lay_item {
	enum lay_kind		 kind;
	double			 x, y;		/* pt */
	double			 w, h;		/* pt; GLYPHS: advance width */
	unsigned		 color;		/* 0xRRGGBB */
	const char		*text;		/* UTF-8; see lay_kind */
	size_t			 len;		/* bytes of text */
	enum jb_role		 role;		/* GLYPHS */
	double			 size;		/* GLYPHS: font size, pt */
	struct _PangoFont	*font;		/* GLYPHS: one reference, owned */
	struct _PangoGlyphString *glyphs;	/* GLYPHS: owned; log_clusters index text */
	int			 turn;		/* GLYPHS: turned a quarter to the left, the
						   baseline running up the page from x,y
						   (a table set across a landscape page) */
	double			 angle;		/* GLYPHS: turned this many degrees to
						   the left about x,y, the baseline
						   rising to the right (the draft mark) */
	int			 draft;		/* GLYPHS: part of the draft mark
						   (draft.c), drawn over the page's
						   pictures, under its text */
};

struct lay_page {
	struct lay_item	*items;
	size_t		 nitems;
	size_t		 cap;
	int		 folio;		/* printed page number; 0 = none */
	int		 lines;		/* body grid lines used */
};

/* One bookmark per article. */
struct lay_mark {
	const char	*title;
	const char	*dest;		/* "a1" */
	int		 page;		/* 1-based */
};

struct lay_doc {
	struct lay_page	*pages;
	size_t		 npages;
	struct lay_mark	*marks;
	size_t		 nmarks;
	struct arena	*arena;		/* owns every string above */
};

/*
 * A cache of shaped paragraphs (shape.c), for a process that lays out
 * many issues, or one issue again on every save: a paragraph shaped by
 * an earlier build with the same fonts is copied from it instead of
 * being itemized and shaped again, and the layout is the same as without
 * the cache.  What neither a build nor the one before it used is dropped
 * at its end, so the cache holds no more than the paragraphs of the last
 * two builds (an issue's print edition and its phone image).  A paragraph
 * with a character no font covers is never kept, so every build reports
 * it.  Entries know their font set by address: free the cache (or make
 * a new one) before a font set it has seen is freed.  The caller owns
 * the cache and frees it with shape_cache_free(); it is not thread-safe.
 */
struct shape_cache;

struct shape_cache	*shape_cache_new(void);
void			 shape_cache_free(struct shape_cache *sc);	/* NULL: no-op */

/*
 * How layout measures.  With fonts set, text is itemized and shaped by
 * Pango through the font set's context; with fonts NULL, fixed-width
 * metrics stand in (Han and full-width marks 1 em, everything else ½ em),
 * which keeps golden tests independent of installed fonts.
 * image_size gives a picture's natural size in pixels (NULL: 4:3); it
 * returns 0, or -1 after reporting.  shapes, when set, is used and
 * updated by lay_build().
 */
struct lay_metrics {
	struct font_set	*fonts;		/* borrowed; NULL = fixed width */
	int		(*image_size)(void *arg, const char *path,
			    const struct jb_pos *pos, double *w, double *h);
	void		*arg;		/* borrowed, passed to image_size */
	struct shape_cache *shapes;	/* borrowed; NULL = shape every paragraph */
};

/*
 * The grid text is set on, in pt: where the 版心 sits on the page, its
 * width and height, its lines and the characters of a full line (the body
 * size is measure / chars, the line pitch height / lines).  The print
 * edition's is GB/T 9704's (lay_grid_print); the phone image's a narrow
 * measure on one page as long as the issue, with the 报尾 right after the
 * text and no page numbers (compact).
 */
struct lay_grid {
	double	 page_w, page_h;
	double	 left, top, measure, height;
	int	 lines, chars;
	int	 compact;
};

extern const struct lay_grid lay_grid_print;

struct lay_opts {
	int	 even;			/* pad to an even page count */
	const struct lay_grid *grid;	/* NULL: lay_grid_print */
};

/*
 * Set d into A4 pages: 报头 on page 1, 编者按, 本期要目, the articles on the
 * 22 × 28 grid (own line breaker with strict Chinese prohibitions,
 * punctuation compression and justification), the 报尾 anchored at the
 * bottom of the last page, page numbers.  Returns pages the caller frees
 * with lay_free(), or NULL after reporting (a character no configured font
 * covers, an unreadable image, a table wider than the page).  Tables are
 * set off the grid, from a grid line, and may repeat their header on the
 * next page or go across pages of their own (table.c).  A lone character on a paragraph's last
 * line that re-breaking cannot avoid is a warning.  The series' print
 * forms (model.h) shape the pages, not the phone's: for 套打 (preprinted)
 * the red 刊名, 刊别 and rule are left out and nothing else moves; a
 * draft's every page has the draft mark's items (draft.c) after its
 * pictures and before its text.
 */
struct lay_doc	*lay_build(const struct jb_doc *d, const struct lay_metrics *m,
		    const struct lay_opts *o);
void		 lay_free(struct lay_doc *l);			/* NULL: no-op */

/* Write a text dump of l (one line per item, pt with 2 decimals) for golden tests. */
void		 lay_dump(const struct lay_doc *l, FILE *fp);

#endif
