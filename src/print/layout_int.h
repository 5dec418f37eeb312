/* layout_int.h -- the layout's rooms share these: paragraphs, lines, rows, the builder; painters never include it. */
#ifndef JIANBAO_PRINT_LAYOUT_INT_H
#define JIANBAO_PRINT_LAYOUT_INT_H

#include <glib.h>

#include "print/page_int.h"
#include "util/util.h"
#include "model/model.h"

/*
 * lay_build() (layout.c) runs the rooms in this order: the parts of the
 * bulletin (parts.c) put each paragraph into a struct para, which shape.c
 * shapes, linebreak.c breaks into lines and flow.c sets into rows of
 * items (a table's cells too, which table.c sizes and rules); pages.c
 * then puts the rows on pages.  Each room includes only the third-party
 * headers it calls: Pango in shape.c, flow.c, table.c and layout.c; ICU
 * is the title breaker's (util/titlebreak.c).
 */

struct _PangoContext;
struct _PangoItem;
struct tab;

/*
 * The grid of the layout being built (layout.h), which lay_build() sets
 * from its options for the length of the build: GB/T 9704's 版心 for
 * print, the phone's measure for the long image.  The rooms read it
 * through these names.
 */
extern struct lay_grid lay_grid;

#define LAY_LEFT	(lay_grid.left)		/* 订口 */
#define LAY_TOP		(lay_grid.top)		/* 天头 */
#define LAY_MEASURE	(lay_grid.measure)	/* 版心 width */
#define LAY_HEIGHT	(lay_grid.height)	/* 版心 height */
#define LAY_LINES	(lay_grid.lines)	/* lines per face */
#define LAY_CHARS	(lay_grid.chars)	/* characters per full line */
#define LAY_COMPACT	(lay_grid.compact)	/* the phone's one long page */
#define LAY_PITCH	(LAY_HEIGHT / LAY_LINES)	/* cell model: 28.99 pt */
#define LAY_BODY	(LAY_MEASURE / LAY_CHARS)	/* 三号 on the grid: 15.79 pt */

#define RED		SPEC_RED
#define BLACK		0x000000
#define SIZE_2		SPEC_SIZE_2		/* 二号: titles */
#define SIZE_4		SPEC_SIZE_4		/* 四号: 报尾, page numbers */
#define SIZE_0		SPEC_SIZE_0		/* 初号: 刊名 */
#define SIZE_XBS3	SPEC_SIZE_XBS3		/* 小二: 本期要目 */

enum align {
	AL_JUSTIFY,		/* justified, last line flush left */
	AL_JUSTIFY_ALL,		/* every line spread to the measure */
	AL_LEFT,
	AL_CENTER,
	AL_RIGHT
};

struct span {
	size_t		 off, len;	/* bytes in para text */
	enum jb_role	 role;
	double		 size;		/* pt */
	unsigned	 color;
	int		 bold;
};

/* One character of a paragraph after shaping. */
struct pch {
	size_t		 off;		/* byte offset in para text */
	unsigned	 len;		/* bytes */
	gunichar	 c;
	double		 adv;		/* natural advance, pt */
	double		 em;		/* font size, pt */
	double		 cl, cr;	/* blank that compression may remove, pt */
	int		 item;		/* index into para items; -1 = fixed metrics */
	int		 g0, ng;	/* glyphs of this character in its item */
	int		 span;
	unsigned	 brk : 1;	/* a line may break before this character */
	unsigned	 mark : 1;	/* punctuation */
};

struct para {
	struct buf	 text;
	struct span	*spans;
	size_t		 nspans, capspans;
	struct pch	*ch;
	size_t		 nch;
	struct _PangoItem **items;
	struct _PangoGlyphString **glyphs;
	size_t		 nitems;
	const struct jb_pos *pos;
	size_t		 src0;		/* text from here on came from pos on */
	int		 orphans;	/* avoid and report a short last line */
	int		 loose;		/* justified: avoid and report a line
					   stretched by over one character */
};

#define NOSRC	((size_t)-1)	/* src0: no text came from the source at pos */

/* A line as the breaker chose it: characters [s, e). */
struct line {
	size_t	 s, e;
	int	 last;		/* last line of its paragraph */
	int	 trim;		/* a mark at its end loses its blank (titles) */
};

/* A row of the flow: usually one grid line; images take several. */
struct row {
	struct lay_item	*items;		/* y relative to the row's cell top */
	size_t		 nitems, cap;
	int		 nlines;	/* grid lines taken */
	int		 keep;		/* keep with the next row */
	int		 blank;		/* spacing, dropped at a page top */
	int		 para;		/* paragraph id, -1 = none */
	int		 idx, count;	/* line index in the paragraph, lines */
	int		 box;		/* box id, 0 = none */
	int		 art;		/* article whose body holds it, 1-based;
					   0 = none (titles, other parts) */
	const char	*mark;		/* article title: bookmark text */
	const char	*dest;
	int		 table;		/* table id (1-based in lb->tabs), 0 = none */
	double		 h;		/* table rows: height in pt, off the grid */
	int		 thead;		/* table rows: the header row */
	int		 turn;		/* table rows: set across a landscape page */
};

/* The layout being built: the rows the parts append, the pages they go onto. */
struct lb {
	const struct jb_doc	*d;
	const struct lay_metrics *m;
	struct font_set		*fs;
	struct _PangoContext	*ctx;
	struct arena		*a;
	struct row		*rows;
	size_t			 nrows, caprows;
	int			 nparas;
	int			 nboxes;
	int			 failed;
	struct lay_doc		*out;
	struct tbrk		*tbrk;		/* the title breaker, made for the first title */
	struct tab		*tabs;		/* tables set so far (table.c) */
	size_t			 ntabs;
};

/* How flow_para() sets a paragraph: measure, indents, alignment, keeping. */
struct flow {
	double		 x0, w;		/* measure */
	double		 ind1, ind2;	/* indents of first and other lines */
	enum align	 al;
	int		 keep;		/* keep every line with the next row */
	int		 box;
	unsigned	 nobreak : 1;	/* not a paragraph for widow control */
	unsigned	 balance : 1;	/* titles: lines of even length */
	unsigned	 orphans : 1;	/* avoid a short last line even if nobreak */
};

/*
 * shape.c: paragraphs.  shape_init() starts an empty paragraph whose
 * text comes from the source at pos (borrowed); shape_clear() frees what
 * it holds.  shape_span() appends n bytes of s in one style;
 * shape_add() appends the string s, giving Latin letters and digits to
 * the digits role unless keep is set.  shape_para() splits the text into
 * characters, marks where a line may break and measures each one (Pango
 * through lb's fonts, or fixed metrics), or copies all that from lb's
 * shape cache (layout.h); a character no configured font covers is
 * reported and sets lb->failed.  shape_cache_sweep() ends a build: it
 * drops the entries neither it nor the build before used (NULL: no-op).
 */
void	 shape_init(struct para *p, const struct jb_pos *pos);
void	 shape_clear(struct para *p);
void	 shape_span(struct para *p, const char *s, size_t n, enum jb_role role,
	    double size, unsigned color, int bold);
void	 shape_add(struct para *p, const char *s, enum jb_role role,
	    double size, unsigned color, int bold, int keep);
void	 shape_para(struct lb *lb, struct para *p);
void	 shape_cache_sweep(struct shape_cache *sc);

/*
 * shape.c: widths as set.  shape_width() returns the width of characters
 * [s, e) of p with adjacent marks compressed (with end set, also a mark
 * ending the line), filling a[] and shift[] (e - s each, caller's) with
 * each character's advance and ink shift; shape_shrinkable() the blank
 * the marks of [s, e) may still give up beyond the advances a[].
 * shape_centred() says whether c has blank on both sides.
 */
double	 shape_width(const struct para *p, size_t s, size_t e, int end,
	    double *a, double *shift);
double	 shape_shrinkable(const struct para *p, size_t s, size_t e,
	    const double *a);
int	 shape_centred(const struct pch *c);

/*
 * linebreak.c: lbrk_para() breaks p into lines of width w (the first w -
 * ind1, the others w - ind2) by the prohibition rules; when p->orphans
 * asks it to avoid a short last line, or p->loose a line stretched by more
 * than one character's width, it breaks the lines before again, squeezing
 * marks first, then moving characters (and warns when it cannot).
 * lbrk_title() breaks a title into the fewest even lines at word
 * boundaries, or returns 0 when the title is too long for it.  Both
 * return the number of lines in *out, which the caller frees.
 * lbrk_title_min() is the narrowest measure lbrk_title() sets p in
 * without breaking a word, in at most maxl lines (0: any number, which
 * makes it p's widest word, marks kept with it), or -1 where lbrk_title()
 * would return 0.
 * lbrk_close() frees the title breaker a title made in lb (none: no-op).
 */
size_t	 lbrk_para(struct lb *lb, struct para *p, double w, double ind1,
	    double ind2, struct line **out);
size_t	 lbrk_title(struct lb *lb, struct para *p, double w,
	    struct line **out);
double	 lbrk_title_min(struct lb *lb, struct para *p, size_t maxl);
void	 lbrk_close(struct lb *lb);

/*
 * flow.c: rows.  flow_row() appends an empty one-line row to lb,
 * flow_blank() a spacing row unless the last row is one; flow_item()
 * appends an item of kind k to r, zeroed.  Each pointer lasts until the
 * next append to the same array.  flow_baseline() is where text of size sz sits in a grid
 * cell.  flow_line() sets line ln of p into r at x0 in a measure of w,
 * baseline y: compressed, justified or aligned by al.  flow_para()
 * shapes, breaks and sets p by f into one row per line and returns the
 * number of lines; flow_shaped() the same for p shaped already.
 */
struct row	*flow_row(struct lb *lb);
void		 flow_blank(struct lb *lb);
struct lay_item	*flow_item(struct row *r, enum lay_kind k);
double		 flow_baseline(double sz);
void		 flow_line(struct lb *lb, struct row *r, struct para *p,
		    const struct line *ln, double x0, double w, enum align al,
		    double y);
size_t		 flow_para(struct lb *lb, struct para *p, const struct flow *f);
size_t		 flow_shaped(struct lb *lb, struct para *p, const struct flow *f);

/*
 * place.c: what the parts, tables and pages put on the page model.
 * place_item() appends an item to pg, uninitialised (each pointer lasts
 * until the next append there).  place_rule() draws a rule across the
 * measure at y; place_text() sets s on one line straight onto pg at
 * baseline y, from x (AL_LEFT), centred between x and its mirror
 * (AL_CENTER), or ending at x (AL_RIGHT).  place_runs() appends n runs of
 * the model to p in role base at size, strong ones in 黑体, emphasis in
 * 楷体, code in the digits face, a hard break as a line feed; with lead
 * the first run in 黑体 too.
 */
struct lay_item	*place_item(struct lay_page *pg);
void		 place_rule(struct lay_page *pg, double y, double thick,
		    unsigned color);
void		 place_text(struct lb *lb, struct lay_page *pg, const char *s,
		    enum jb_role role, double size, unsigned color, double x,
		    double y, enum align al);
void		 place_runs(struct para *p, const struct jb_run *runs, size_t n,
		    enum jb_role base, double size, int lead);

/*
 * parts.c: the parts of a bulletin.  part_masthead() sets the 报头 onto
 * page pg (the first) and returns the grid lines it takes; part_note(),
 * part_contents() and part_article() append the rows of the 编者按, the
 * 本期要目 and one article; part_footer() appends the 报尾's rows and
 * returns their number, of which *ndist are 报/送/发 lines.  Errors
 * (an unreadable picture, a missing glyph) are reported and set
 * lb->failed.
 */
int	 part_masthead(struct lb *lb, struct lay_page *pg);
void	 part_note(struct lb *lb);
void	 part_contents(struct lb *lb);
void	 part_article(struct lb *lb, const struct jb_article *art);
size_t	 part_footer(struct lb *lb, int *ndist);

/*
 * draft.c: draft_mark() puts the draft mark on every page of lb's output:
 * the series' draft word in 黑体, the issue date under it, light grey,
 * turned 45 degrees about the page's centre (items with angle and draft
 * set), after the page's pictures, which it moves to the front, and
 * before everything else: painted in order, the mark lies over the
 * pictures and under the text.
 */
void	 draft_mark(struct lb *lb);

/*
 * table.c: tables.  table_set() appends the rows of table block b: its
 * 表题 (one grid row per line), then one row per table row, of height h
 * in pt off the grid, the cells set by lbrk_para() and flow_line(), with
 * their rules; a table wider than the measure is reported and sets
 * lb->failed.  pages.c stacks the rows of a table at their heights from
 * a grid line and starts the next row on the grid again; at a page break
 * inside table id it calls table_cut() with the y under the last row and
 * on the next page table_head(), which sets the header row again from
 * top and returns its height.  A table too wide for the measure is set
 * across a landscape page when the series allows it: its rows (turn) go
 * on pages of their own, stacked up to the measure, y from the top of
 * the landscape page, and table_place() moves a row's items onto the
 * portrait page turned; table_head() and table_cut() turn theirs.
 * On the phone's grid (compact) cells break at word boundaries, a table
 * too wide is set smaller down to a readable size and, still too wide,
 * as blocks of "header：value" lines on the grid, never reported.
 * table_close() frees what lb keeps of its tables (none: no-op).
 */
void	 table_set(struct lb *lb, const struct jb_block *b);
void	 table_place(struct lb *lb, struct lay_page *pg, struct row *r,
	    double v);
double	 table_head(struct lb *lb, struct lay_page *pg, int id, double top);
void	 table_cut(struct lb *lb, struct lay_page *pg, int id, double y);
void	 table_close(struct lb *lb);

/*
 * pages.c: page_new() appends an empty page to lb's output.  page_body() puts lb's rows on pages from pg on, whose
 * first *g grid lines are taken, and returns the last page, its lines
 * used in *g.  page_footer() puts the last nf rows of lb (the 报尾, the
 * first ndist of them 报/送/发 lines) at the foot of pg, or of a new page
 * when they do not fit below its g lines or when even asks for an even
 * page count.  page_folios() numbers the pages, but not the blank ones
 * after the first bodypages nor the 报尾 page after them.
 */
struct lay_page	*page_new(struct lb *lb);
struct lay_page	*page_body(struct lb *lb, struct lay_page *pg, int *g);
void		 page_footer(struct lb *lb, struct lay_page *pg, int g,
		    size_t nf, int ndist, int even);
void		 page_folios(struct lb *lb, int bodypages);

#endif
