/* ttf.c -- a cut CFF face rebuilt with TrueType outlines under the same glyph numbers and advances: the fonts OFD-A embeds. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "print/quad_int.h"
#include "print/ttf_int.h"
#include "util/util.h"

#define TTF_MAXQ	64	/* quadratic pieces for one cubic at most */

/* glyf point flags */
#define F_ON		0x01
#define F_XSHORT	0x02
#define F_YSHORT	0x04
#define F_REPEAT	0x08
#define F_XSAME		0x10	/* or, with F_XSHORT, positive */
#define F_YSAME		0x20

struct pt {
	double		 x, y;		/* font units */
	int		 on;
};

/* One glyph's outline as HarfBuzz draws it, made quadratic. */
struct outline {
	struct pt	*pts;
	size_t		 npts, cap;
	size_t		*ends;		/* each contour's one past its last */
	size_t		 nends, ecap;
	size_t		 start;		/* the open contour's first point */
	double		 tol;		/* font units */
	int		 bad;		/* a curve that no spline fits */
};

/* A glyph's bounds in its new outline; set: it has one. */
struct box {
	int		 set;
	int		 xmin, ymin, xmax, ymax;
};

static void
add(struct outline *o, double x, double y, int on)
{
	if (o->npts == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 256;
		o->pts = xrealloc(o->pts, o->cap * sizeof(*o->pts));
	}
	o->pts[o->npts].x = x;
	o->pts[o->npts].y = y;
	o->pts[o->npts++].on = on;
}

/*
 * Close the open contour: its last point goes when it only repeats the
 * first (the closing line is implied); a contour of fewer than three
 * points encloses nothing and goes whole.
 */
static void
close_contour(struct outline *o)
{
	struct pt	*f = &o->pts[o->start], *l;

	if (o->npts == o->start)
		return;
	l = &o->pts[o->npts - 1];
	if (o->npts - o->start > 1 && l->on && l->x == f->x && l->y == f->y)
		o->npts--;
	if (o->npts - o->start < 3) {
		o->npts = o->start;
		return;
	}
	if (o->nends == o->ecap) {
		o->ecap = o->ecap ? o->ecap * 2 : 32;
		o->ends = xrealloc(o->ends, o->ecap * sizeof(*o->ends));
	}
	o->ends[o->nends++] = o->npts;
	o->start = o->npts;
}

/* HarfBuzz draws at the font's scale: font units. */
static void
move_to(hb_draw_funcs_t *df, void *user, hb_draw_state_t *st, float x,
    float y, void *unused)
{
	struct outline	*o = user;

	close_contour(o);
	add(o, x, y, 1);
}

static void
line_to(hb_draw_funcs_t *df, void *user, hb_draw_state_t *st, float x,
    float y, void *unused)
{
	struct outline	*o = user;
	struct pt	*l = &o->pts[o->npts - 1];

	if (l->x != x || l->y != y)
		add(o, x, y, 1);
}

static void
quadratic_to(hb_draw_funcs_t *df, void *user, hb_draw_state_t *st, float cx,
    float cy, float x, float y, void *unused)
{
	struct outline	*o = user;

	add(o, cx, cy, 0);
	add(o, x, y, 1);
}

static void
cubic_to(hb_draw_funcs_t *df, void *user, hb_draw_state_t *st, float c1x,
    float c1y, float c2x, float c2y, float x, float y, void *unused)
{
	struct outline	*o = user;
	double		 c[4][2], q[TTF_MAXQ][2];
	int		 i, n;

	c[0][0] = o->pts[o->npts - 1].x;
	c[0][1] = o->pts[o->npts - 1].y;
	c[1][0] = c1x;
	c[1][1] = c1y;
	c[2][0] = c2x;
	c[2][1] = c2y;
	c[3][0] = x;
	c[3][1] = y;
	if ((n = quad_spline((const double (*)[2])c, o->tol, q,
	    TTF_MAXQ)) < 0) {
		o->bad = 1;
		n = 0;
	}
	for (i = 0; i < n; i++)
		add(o, q[i][0], q[i][1], 0);
	add(o, x, y, 1);
}

static void
close_path(hb_draw_funcs_t *df, void *user, hb_draw_state_t *st,
    void *unused)
{
	close_contour(user);
}

static void
put16(struct buf *b, unsigned v)
{
	char	 s[2] = { (char)(v >> 8), (char)v };

	buf_put(b, s, 2);
}

static void
set16(char *p, unsigned v)
{
	p[0] = (char)(v >> 8);
	p[1] = (char)v;
}

static void
set32(char *p, uint32_t v)
{
	set16(p, v >> 16);
	set16(p + 2, v & 0xffff);
}

static unsigned
get16(const char *p)
{
	return (unsigned)(unsigned char)p[0] << 8 | (unsigned char)p[1];
}

/* One coordinate's bytes (to b, moving *n on) and flag bits, as glyf
 * packs it. */
static void
coord(unsigned char *b, size_t *n, int d, int shortf, int samef,
    unsigned char *flag)
{
	unsigned	 u = (unsigned)d & 0xffff;

	if (d == 0)
		*flag |= samef;
	else if (d >= -255 && d <= 255) {
		*flag |= shortf | (d > 0 ? samef : 0);
		b[(*n)++] = (unsigned char)(d > 0 ? d : -d);
	} else {
		b[(*n)++] = (unsigned char)(u >> 8);
		b[(*n)++] = (unsigned char)u;
	}
}

/*
 * Append the outline, on the integer grid and turned round (TrueType
 * draws outer contours clockwise, CFF counter-clockwise), as a simple
 * glyph: bounds, contour ends, no instructions, flags (runs folded),
 * x and y steps; its points and contours to *np and *nc.  Returns -1
 * when a coordinate leaves TrueType's range.
 */
static int
encode(const struct outline *o, struct buf *glyf, struct box *bx,
    size_t *np, size_t *nc)
{
	int		*x, *y, *on, px = 0, py = 0, rc = -1;
	unsigned char	*fl, *xs, *ys, r;
	size_t		 c, i, k, n = 0, first, *ends, nx = 0, ny = 0;
	char		 hdr[10];

	x = xcalloc(o->npts + 1, sizeof(*x));
	y = xcalloc(o->npts + 1, sizeof(*y));
	on = xcalloc(o->npts + 1, sizeof(*on));
	fl = xcalloc(o->npts + 1, 1);
	xs = xmalloc(o->npts * 2 + 1);
	ys = xmalloc(o->npts * 2 + 1);
	ends = xcalloc(o->nends + 1, sizeof(*ends));
	*nc = 0;
	for (c = 0, first = 0; c < o->nends; first = o->ends[c++]) {
		size_t	 len = o->ends[c] - first, s = n;

		/* first point kept first, the rest in reverse */
		for (i = 0; i < len; i++) {
			const struct pt *p = &o->pts[first +
			    (i == 0 ? 0 : len - i)];

			x[n] = (int)lround(p->x);
			y[n] = (int)lround(p->y);
			on[n] = p->on;
			/* a line the grid made zero long */
			if (n > s && on[n] && on[n - 1] && x[n] == x[n - 1] &&
			    y[n] == y[n - 1])
				continue;
			n++;
		}
		while (n - s > 1 && on[n - 1] && on[s] && x[n - 1] == x[s] &&
		    y[n - 1] == y[s])
			n--;
		if (n - s < 3)
			n = s;
		else
			ends[(*nc)++] = n;
	}
	*np = n;
	bx->set = n > 0;
	if (n == 0) {
		rc = 0;
		goto out;
	}
	bx->xmin = bx->xmax = x[0];
	bx->ymin = bx->ymax = y[0];
	for (i = 0; i < n; i++) {
		if (x[i] < -32768 || x[i] > 32767 || y[i] < -32768 ||
		    y[i] > 32767)
			goto out;
		bx->xmin = x[i] < bx->xmin ? x[i] : bx->xmin;
		bx->xmax = x[i] > bx->xmax ? x[i] : bx->xmax;
		bx->ymin = y[i] < bx->ymin ? y[i] : bx->ymin;
		bx->ymax = y[i] > bx->ymax ? y[i] : bx->ymax;
	}
	for (i = 0; i < n; i++) {
		fl[i] = on[i] ? F_ON : 0;
		coord(xs, &nx, x[i] - px, F_XSHORT, F_XSAME, &fl[i]);
		coord(ys, &ny, y[i] - py, F_YSHORT, F_YSAME, &fl[i]);
		px = x[i];
		py = y[i];
	}
	set16(hdr, (unsigned)*nc);
	set16(hdr + 2, (unsigned)bx->xmin & 0xffff);
	set16(hdr + 4, (unsigned)bx->ymin & 0xffff);
	set16(hdr + 6, (unsigned)bx->xmax & 0xffff);
	set16(hdr + 8, (unsigned)bx->ymax & 0xffff);
	buf_put(glyf, hdr, sizeof(hdr));
	for (k = 0; k < *nc; k++)
		put16(glyf, (unsigned)(ends[k] - 1));
	put16(glyf, 0);
	/* a flag followed by the same, r times: the flag, F_REPEAT, r */
	for (i = 0; i < n; i += 1 + r) {
		for (r = 0; i + 1 + r < n && fl[i + 1 + r] == fl[i] && r < 255;
		    r++)
			;
		if (r > 0) {
			buf_put(glyf, (const char *)&(unsigned char){ fl[i] |
			    F_REPEAT }, 1);
			buf_put(glyf, (const char *)&r, 1);
		} else
			buf_put(glyf, (const char *)&fl[i], 1);
	}
	buf_put(glyf, (const char *)xs, nx);
	buf_put(glyf, (const char *)ys, ny);
	rc = 0;
out:
	free(xs);
	free(ys);
	free(x);
	free(y);
	free(on);
	free(fl);
	free(ends);
	return rc;
}

/* Give the font being built the table tag: len bytes at data, which
 * it frees. */
static void
give(hb_face_t *out, hb_tag_t tag, char *data, size_t len)
{
	hb_blob_t	*b = hb_blob_create(data, (unsigned)len,
	    HB_MEMORY_MODE_WRITABLE, data, free);

	hb_face_builder_add_table(out, tag, b);
	hb_blob_destroy(b);
}

/* A copy of table tag of face, at least min bytes long, or NULL. */
static char *
table_copy(hb_face_t *face, hb_tag_t tag, unsigned min, unsigned *len)
{
	hb_blob_t	*b = hb_face_reference_table(face, tag);
	const char	*d = hb_blob_get_data(b, len);
	char		*c = NULL;

	if (*len >= min) {
		c = xmalloc(*len);
		memcpy(c, d, *len);
	}
	hb_blob_destroy(b);
	return c;
}

/* The glyphs of font in TrueType, into glyf, each one's end in loca
 * (long offsets) and bounds in bx. */
static int
glyphs(hb_font_t *font, double tol, unsigned ng, struct buf *glyf,
    uint32_t *loca, struct box *bx, unsigned *maxpts, unsigned *maxcont)
{
	hb_draw_funcs_t	*df = hb_draw_funcs_create();
	struct outline	 o = { 0 };
	size_t		 np, nc;
	unsigned	 g;
	int		 rc = -1;

	hb_draw_funcs_set_move_to_func(df, move_to, NULL, NULL);
	hb_draw_funcs_set_line_to_func(df, line_to, NULL, NULL);
	hb_draw_funcs_set_quadratic_to_func(df, quadratic_to, NULL, NULL);
	hb_draw_funcs_set_cubic_to_func(df, cubic_to, NULL, NULL);
	hb_draw_funcs_set_close_path_func(df, close_path, NULL, NULL);
	hb_draw_funcs_make_immutable(df);
	o.tol = tol;
	for (g = 0; g < ng; g++) {
		loca[g] = (uint32_t)glyf->len;
		o.npts = o.nends = o.start = 0;
		hb_font_get_glyph_shape(font, g, df, &o);
		if (o.bad)
			goto out;
		close_contour(&o);
		if (encode(&o, glyf, &bx[g], &np, &nc) != 0)
			goto out;
		if (glyf->len & 1)
			buf_put(glyf, "", 1);
		*maxpts = np > *maxpts ? (unsigned)np : *maxpts;
		*maxcont = nc > *maxcont ? (unsigned)nc : *maxcont;
	}
	loca[ng] = (uint32_t)glyf->len;
	rc = 0;
out:
	hb_draw_funcs_destroy(df);
	free(o.pts);
	free(o.ends);
	return rc;
}

/*
 * head, hhea and hmtx for the new outlines: the font's bounds, each
 * glyph's left side bearing its new left edge (FreeType moves a
 * TrueType glyph by the difference), the side bearings' extremes;
 * advances as they are.
 */
static int
metrics(hb_face_t *face, unsigned ng, const struct box *bx, int longloca,
    hb_face_t *out)
{
	char		*head, *hhea, *hmtx;
	unsigned	 hl, hhl, ml, nhm, g, aw;
	int		 any = 0, xmin = 0, ymin = 0, xmax = 0, ymax = 0;
	int		 minl = 0, minr = 0, ext = 0;

	head = table_copy(face, HB_TAG('h', 'e', 'a', 'd'), 54, &hl);
	hhea = table_copy(face, HB_TAG('h', 'h', 'e', 'a'), 36, &hhl);
	hmtx = table_copy(face, HB_TAG('h', 'm', 't', 'x'), 0, &ml);
	nhm = hhea != NULL ? get16(hhea + 34) : 0;
	if (head == NULL || hhea == NULL || nhm == 0 || nhm > ng ||
	    ml < nhm * 4 + (ng - nhm) * 2) {
		free(head);
		free(hhea);
		free(hmtx);
		return -1;
	}
	for (g = 0; g < ng; g++) {
		char	*lsb = g < nhm ? hmtx + g * 4 + 2 :
		    hmtx + nhm * 4 + (g - nhm) * 2;

		aw = get16(hmtx + (g < nhm ? g : nhm - 1) * 4);
		if (!bx[g].set)
			continue;
		set16(lsb, (unsigned)bx[g].xmin & 0xffff);
		if (!any || bx[g].xmin < minl)
			minl = bx[g].xmin;
		if (!any || (int)aw - bx[g].xmax < minr)
			minr = (int)aw - bx[g].xmax;
		if (!any || bx[g].xmax > ext)
			ext = bx[g].xmax;
		if (!any || bx[g].xmin < xmin)
			xmin = bx[g].xmin;
		if (!any || bx[g].ymin < ymin)
			ymin = bx[g].ymin;
		if (!any || bx[g].xmax > xmax)
			xmax = bx[g].xmax;
		if (!any || bx[g].ymax > ymax)
			ymax = bx[g].ymax;
		any = 1;
	}
	set32(head + 8, 0);	/* checkSumAdjustment: the builder's */
	set16(head + 36, (unsigned)xmin & 0xffff);
	set16(head + 38, (unsigned)ymin & 0xffff);
	set16(head + 40, (unsigned)xmax & 0xffff);
	set16(head + 42, (unsigned)ymax & 0xffff);
	set16(head + 50, (unsigned)longloca);
	set16(head + 52, 0);
	set16(hhea + 12, (unsigned)minl & 0xffff);
	set16(hhea + 14, (unsigned)minr & 0xffff);
	set16(hhea + 16, (unsigned)ext & 0xffff);
	give(out, HB_TAG('h', 'e', 'a', 'd'), head, hl);
	give(out, HB_TAG('h', 'h', 'e', 'a'), hhea, hhl);
	give(out, HB_TAG('h', 'm', 't', 'x'), hmtx, ml);
	return 0;
}

/* maxp 1.0, as TrueType outlines want it: no hints, no composites. */
static void
maxp(hb_face_t *out, unsigned ng, unsigned maxpts, unsigned maxcont)
{
	char	*m = xcalloc(1, 32);

	set32(m, 0x00010000);
	set16(m + 4, ng);
	set16(m + 6, maxpts);
	set16(m + 8, maxcont);
	set16(m + 14, 1);	/* maxZones: no twilight zone */
	give(out, HB_TAG('m', 'a', 'x', 'p'), m, 32);
}

/* loca from the glyphs' ends: short offsets (halved) when they fit. */
static int
loca(hb_face_t *out, const uint32_t *end, unsigned ng)
{
	int	 lng = end[ng] / 2 > 0xffff;
	char	*l = xmalloc((size_t)(ng + 1) * (lng ? 4 : 2));
	size_t	 g;

	for (g = 0; g <= ng; g++)
		if (lng)
			set32(l + g * 4, end[g]);
		else
			set16(l + g * 2, end[g] / 2);
	give(out, HB_TAG('l', 'o', 'c', 'a'), l, (size_t)(ng + 1) *
	    (lng ? 4 : 2));
	return lng;
}

hb_blob_t *
ttf_from_cff(hb_blob_t *cff)
{
	static const hb_tag_t	 made[] = { HB_TAG('C', 'F', 'F', ' '),
	    HB_TAG('C', 'F', 'F', '2'), HB_TAG('V', 'O', 'R', 'G'),
	    HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'),
	    HB_TAG('m', 'a', 'x', 'p'), HB_TAG('h', 'e', 'a', 'd'),
	    HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x') };
	hb_face_t	*face = hb_face_create(cff, 0), *out = NULL;
	hb_font_t	*hf = hb_font_create(face);
	hb_blob_t	*font = NULL, *t;
	struct buf	 glyf = { 0 };
	struct box	*bx = NULL;
	uint32_t	*end = NULL;
	hb_tag_t	 tags[32];
	unsigned	 ng, upem, i, k, n, off, maxpts = 0, maxcont = 0;
	double		 tol;
	int		 lng;

	ng = hb_face_get_glyph_count(face);
	upem = hb_face_get_upem(face);
	if (ng == 0)
		goto out;
	/*
	 * The spline's own distance plus the grid's: rounding moves each
	 * control point, and so each point of the curve between them, at
	 * most half a unit across and half along.
	 */
	tol = upem * TTF_TOLERANCE - M_SQRT1_2;
	if (tol < 0.05)
		tol = 0.05;
	bx = xcalloc(ng, sizeof(*bx));
	end = xcalloc(ng + 1, sizeof(*end));
	if (glyphs(hf, tol, ng, &glyf, end, bx, &maxpts, &maxcont) != 0)
		goto out;
	out = hb_face_builder_create();
	for (off = 0; (n = sizeof(tags) / sizeof(tags[0]),
	    hb_face_get_table_tags(face, off, &n, tags), n > 0); off += n)
		for (i = 0; i < n; i++) {
			for (k = 0; k < sizeof(made) / sizeof(made[0]) &&
			    made[k] != tags[i]; k++)
				;
			if (k < sizeof(made) / sizeof(made[0]))
				continue;
			t = hb_face_reference_table(face, tags[i]);
			hb_face_builder_add_table(out, tags[i], t);
			hb_blob_destroy(t);
		}
	lng = loca(out, end, ng);
	if (metrics(face, ng, bx, lng, out) != 0)
		goto out;
	maxp(out, ng, maxpts, maxcont);
	give(out, HB_TAG('g', 'l', 'y', 'f'), glyf.data, glyf.len);
	glyf.data = NULL;
	font = hb_face_reference_blob(out);
	if (hb_blob_get_length(font) == 0) {
		hb_blob_destroy(font);
		font = NULL;
	}
out:
	buf_free(&glyf);
	free(bx);
	free(end);
	hb_face_destroy(out);
	hb_font_destroy(hf);
	hb_face_destroy(face);
	return font;
}
