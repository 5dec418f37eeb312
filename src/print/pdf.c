/* pdf.c -- paint laid-out pages into a PDF: subset faces, glyph runs, pictures, rules, links. */
#include <sys/stat.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "model/model.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/pdf_int.h"

/* Pictures are decoded once: sized for layout, painted from the cache. */
struct image {
	char		*path;
	cairo_surface_t	*surface;
	struct stat	 st;		/* the file it was decoded from */
	int		 asked;		/* since the last sweep */
};

struct pdf_images {
	struct image	*v;
	size_t		 n;
};

/*
 * Faces cut down to the glyphs the issue uses, before Cairo sees them.
 * Cairo 1.16 copies and parses a font's whole CFF table to embed a subset
 * of it (several MB for each Fandol face, several times), which cost most
 * of the run.  HarfBuzz's subsetter cuts each face; the glyphs keep their
 * numbers, so what Cairo embeds from a cut depends only on the glyphs
 * drawn, not on what else the cut holds (see struct pdf_fonts).
 */
struct face {
	hb_face_t		*src;		/* referenced */
	int			 glyf;		/* TrueType outlines */
	unsigned		 gen;		/* the last paint that drew it */
	/* what the paint under way draws */
	hb_set_t		*glyphs;	/* owned */
	hb_set_t		*chars;		/* owned: their characters */
	hb_set_t		*nominal;	/* owned: the chars' cmap glyphs */
	/* the paints' since the face was last cut to one paint's */
	hb_set_t		*all_glyphs;	/* owned */
	hb_set_t		*all_chars;	/* owned */
	int			 odd;		/* a glyph not a char's own */
	/* the cut */
	hb_set_t		*cutfor;	/* owned: the glyphs it was made for;
						   NULL: none yet */
	hb_blob_t		*blob;		/* owned: the cut font file */
	hb_subset_plan_t	*cut;		/* owned; NULL: blob is the face */
	FT_Face			 ft;		/* owned by cf's user data */
	cairo_font_face_t	*cf;		/* owned */
	cairo_scaled_font_t	*unit;		/* owned: 1-unit size, for widths */
};

/* A scaled font and the glyphs Cairo already has outlines of. */
struct sfont {
	PangoFont		*font;		/* referenced */
	struct face		*face;		/* borrowed */
	unsigned		 gen;
	cairo_scaled_font_t	*sf;		/* owned */
	hb_set_t		*warm;		/* owned */
};

/*
 * The faces of a paint, and with pdf_fonts_new() of the paints after it.
 * A cut, its FreeType and Cairo faces and the glyph outlines Cairo loaded
 * into them cost more than the rest of a paint; a resident process
 * (jianbao serve) keeps them, and a face is cut again only when a paint
 * draws a glyph the cut lacks.  The new cut of a CFF face holds the
 * glyphs of the paints before as well, so that editing back and forth
 * does not cut again; but Cairo looks each glyph it embeds up in the
 * cut's character map, at a cost that grows with the map, so a cut more
 * than twice what the paint draws is made again to the paint's.  A
 * TrueType face is always cut to what is drawn, since Cairo copies a
 * TrueType cut's maximum-profile and header figures, which depend on
 * every glyph in it: a kept one is used again only for the same glyphs.
 */
struct pdf_fonts {
	struct face		**v;
	size_t			 n;
	struct sfont		*s;
	size_t			 ns;
	int			 keep;		/* pdf_fonts_new(): between paints */
	unsigned		 gen;		/* paints so far */
	pthread_t		 helper;	/* warm_units(), if running */
	int			 helping;
};

/* Faces and sizes no paint has drawn for this many paints are let go. */
#define IDLE_PAINTS	8

static const cairo_user_data_key_t ft_key;

static void
done_face(void *p)
{
	FT_Done_Face(p);
}

/*
 * The FreeType library the subset faces live in.  Cairo keeps fonts we
 * have released (and so their FT faces) in its caches of recent fonts and
 * frees them when it likes; the library that owns those faces must
 * outlive them, so there is one for the process and it is never freed.
 */
static FT_Library
ft_library(void)
{
	static FT_Library	 lib;

	if (lib == NULL && FT_Init_FreeType(&lib) != 0)
		lib = NULL;
	return lib;
}

/* Drop f's cut and everything made from it. */
static void
uncut(struct face *f)
{
	if (f->unit != NULL)
		cairo_scaled_font_destroy(f->unit);
	if (f->cf != NULL)
		cairo_font_face_destroy(f->cf);
	else if (f->ft != NULL)
		FT_Done_Face(f->ft);
	hb_set_destroy(f->cutfor);
	hb_blob_destroy(f->blob);
	hb_subset_plan_destroy(f->cut);
	f->unit = NULL;
	f->cf = NULL;
	f->ft = NULL;
	f->cutfor = NULL;
	f->blob = NULL;
	f->cut = NULL;
}

static void
face_free(struct face *f)
{
	uncut(f);
	hb_set_destroy(f->glyphs);
	hb_set_destroy(f->chars);
	hb_set_destroy(f->nominal);
	hb_set_destroy(f->all_glyphs);
	hb_set_destroy(f->all_chars);
	hb_face_destroy(f->src);
	free(f);
}

static void
sfont_free(struct sfont *s)
{
	cairo_scaled_font_destroy(s->sf);
	hb_set_destroy(s->warm);
	g_object_unref(s->font);
}

/* Let go of the sizes of face f (of every face with all set) and of idle ones. */
static void
drop_sfonts(struct pdf_fonts *fc, const struct face *f, int all)
{
	size_t	 i, k;

	for (i = k = 0; i < fc->ns; i++)
		if (all || fc->s[i].face == f ||
		    fc->gen - fc->s[i].gen > IDLE_PAINTS)
			sfont_free(&fc->s[i]);
		else
			fc->s[k++] = fc->s[i];
	fc->ns = k;
}

static struct face *
face_of(struct pdf_fonts *fc, PangoFont *font)
{
	hb_face_t	*src = hb_font_get_face(pango_font_get_hb_font(font));
	hb_blob_t	*glyf;
	struct face	*f;
	size_t		 i;

	for (i = 0; i < fc->n; i++)
		if (fc->v[i]->src == src)
			return fc->v[i];
	f = xcalloc(1, sizeof(*f));
	f->src = hb_face_reference(src);
	glyf = hb_face_reference_table(src, HB_TAG('g', 'l', 'y', 'f'));
	f->glyf = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	f->glyphs = hb_set_create();
	f->chars = hb_set_create();
	f->nominal = hb_set_create();
	f->all_glyphs = hb_set_create();
	f->all_chars = hb_set_create();
	fc->v = xrealloc(fc->v, (fc->n + 1) * sizeof(*fc->v));
	fc->v[fc->n++] = f;
	return f;
}

/* Is the cut f has good for the glyphs this paint draws? */
static int
cut_holds(const struct face *f)
{
	hb_codepoint_t	 g;
	const hb_map_t	*keep;

	if (f->cutfor == NULL)
		return 0;
	if (f->glyf || f->cut == NULL)
		return hb_set_is_equal(f->glyphs, f->cutfor);
	if (hb_set_get_population(f->all_glyphs) >
	    2 * hb_set_get_population(f->glyphs))
		return 0;
	keep = hb_subset_plan_old_to_new_glyph_mapping(f->cut);
	for (g = HB_SET_VALUE_INVALID; hb_set_next(f->glyphs, &g);)
		if (!hb_map_has(keep, g))
			return 0;
	return 1;
}

/* Cut f down to its glyphs.  HarfBuzz only, so two faces can be cut at once. */
static void
cut_face(struct face *f, int wide)
{
	static const char	 drop[][5] = { "GSUB", "GPOS", "GDEF", "BASE",
	    "JSTF", "vhea", "vmtx", "VORG", "kern", "DSIG", "morx" };
	const hb_set_t		*glyphs = f->glyphs, *chars = f->chars;
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	size_t			 g;

	in = hb_subset_input_create_or_fail();
	if (wide) {
		if (hb_set_get_population(f->all_glyphs) >
		    2 * hb_set_get_population(f->glyphs)) {
			hb_set_clear(f->all_glyphs);
			hb_set_clear(f->all_chars);
			f->odd = 0;
		}
		hb_set_union(f->all_glyphs, f->glyphs);
		hb_set_union(f->all_chars, f->chars);
		f->odd |= !hb_set_is_subset(f->glyphs, f->nominal);
		glyphs = f->all_glyphs;
		chars = f->all_chars;
	}
	/*
	 * Given glyphs, HarfBuzz walks the face's whole character map to
	 * find their characters (a third of a second's work per issue for a
	 * Noto CJK face); given characters, it looks each one up.  So when
	 * every glyph drawn is the plain glyph of a character drawn, the
	 * characters are given.
	 */
	if (wide ? !f->odd : hb_set_is_subset(f->glyphs, f->nominal))
		hb_set_union(hb_subset_input_unicode_set(in), chars);
	else
		hb_set_union(hb_subset_input_glyph_set(in), glyphs);
	/* Shaping is done: the PDF needs outlines and metrics only, and
	 * skipping the layout tables skips their glyph closure. */
	for (g = 0; g < sizeof(drop) / sizeof(drop[0]); g++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG),
		    HB_TAG(drop[g][0], drop[g][1], drop[g][2], drop[g][3]));
	/*
	 * Asking for flat charstrings outright skips HarfBuzz's subroutine
	 * closure, a quarter of its work on CJK faces.  Glyphs keep their
	 * numbers: the empty slots cost FreeType, Cairo and HarfBuzz about
	 * an eighth more of a one-off paint, and buy a cut whose embedded
	 * subset is the same whatever else it holds, which a kept face
	 * needs (struct pdf_fonts).
	 */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    HB_SUBSET_FLAGS_DESUBROUTINIZE | HB_SUBSET_FLAGS_RETAIN_GIDS);
	f->cut = hb_subset_plan_create_or_fail(f->src, in);
	hb_subset_input_destroy(in);
	sub = f->cut != NULL ? hb_subset_plan_execute_or_fail(f->cut) : NULL;
	if (sub == NULL) {
		/* Not subsettable here: Cairo embeds the face as it is. */
		hb_subset_plan_destroy(f->cut);
		f->cut = NULL;
		f->blob = hb_face_reference_blob(f->src);
	} else {
		f->blob = hb_face_reference_blob(sub);
		hb_face_destroy(sub);
	}
	f->cutfor = hb_set_copy(f->glyphs);
}

/* The glyph's number in f as Cairo has it; -1 if f lacks it. */
static long
glyph_in(const struct face *f, hb_codepoint_t g)
{
	if (f->cut != NULL)
		g = hb_map_get(hb_subset_plan_old_to_new_glyph_mapping(f->cut),
		    g);
	if (g == HB_MAP_VALUE_INVALID || g >= (hb_codepoint_t)f->ft->num_glyphs)
		return -1;
	return (long)g;
}

struct cut_job {
	struct face	*f;
	int		 wide;
};

static void *
cut_one(void *arg)
{
	struct cut_job	*j = arg;

	cut_face(j->f, j->wide);
	return NULL;
}

/* The glyphs and characters of every face that l draws. */
static void
collect(struct pdf_fonts *fc, const struct lay_doc *l)
{
	hb_font_t	*hf;
	hb_codepoint_t	 c, ng;
	const char	*p;
	size_t		 i, j;
	int		 g;

	for (i = 0; i < fc->n; i++) {
		hb_set_clear(fc->v[i]->glyphs);
		hb_set_clear(fc->v[i]->chars);
		hb_set_clear(fc->v[i]->nominal);
	}
	for (i = 0; i < l->npages; i++)
		for (j = 0; j < l->pages[i].nitems; j++) {
			const struct lay_item *it = &l->pages[i].items[j];
			struct face *f;

			if (it->kind != LAY_GLYPHS || it->glyphs == NULL)
				continue;
			f = face_of(fc, it->font);
			f->gen = fc->gen;
			for (g = 0; g < it->glyphs->num_glyphs; g++)
				if (!(it->glyphs->glyphs[g].glyph &
				    PANGO_GLYPH_UNKNOWN_FLAG) &&
				    it->glyphs->glyphs[g].glyph !=
				    PANGO_GLYPH_EMPTY)
					hb_set_add(f->glyphs,
					    it->glyphs->glyphs[g].glyph);
			hf = pango_font_get_hb_font(it->font);
			for (p = it->text; p < it->text + it->len;
			    p = g_utf8_next_char(p)) {
				c = g_utf8_get_char(p);
				hb_set_add(f->chars, c);
				if (hb_font_get_nominal_glyph(hf, c, &ng))
					hb_set_add(f->nominal, ng);
			}
		}
}

/*
 * Ready the faces l draws: collect their glyphs, cut each face whose cut
 * does not hold them.  The face with the most glyphs to cut (the body
 * face, most of the work) is cut in a second thread while this one cuts
 * the others.
 */
static int
faces_init(struct pdf_fonts *fc, const struct lay_doc *l, const char *path)
{
	struct cut_job	*jobs, *big = NULL;
	const char	*data;
	pthread_t	 t;
	unsigned	 len;
	size_t		 i, nj = 0, k;
	int		 threaded = 0;

	if (ft_library() == NULL) {
		msg(MSG_WRITE, NULL, path, "FreeType");
		return -1;
	}
	fc->gen++;
	collect(fc, l);
	/* faces idle for long: a later paint would cut them again anyway */
	for (i = k = 0; i < fc->n; i++)
		if (fc->gen - fc->v[i]->gen > IDLE_PAINTS) {
			drop_sfonts(fc, fc->v[i], 0);
			face_free(fc->v[i]);
		} else
			fc->v[k++] = fc->v[i];
	fc->n = k;
	jobs = xcalloc(fc->n + 1, sizeof(*jobs));
	for (i = 0; i < fc->n; i++) {
		struct face *f = fc->v[i];

		if (f->gen != fc->gen || cut_holds(f))
			continue;
		drop_sfonts(fc, f, 0);
		uncut(f);
		jobs[nj].f = f;
		jobs[nj].wide = fc->keep && !f->glyf;
		if (big == NULL || hb_set_get_population(f->glyphs) >
		    hb_set_get_population(big->f->glyphs))
			big = &jobs[nj];
		nj++;
	}
	if (nj > 1 && pthread_create(&t, NULL, cut_one, big) == 0)
		threaded = 1;
	for (i = 0; i < nj; i++)
		if (!threaded || &jobs[i] != big)
			cut_one(&jobs[i]);
	if (threaded)
		pthread_join(t, NULL);
	/* FreeType faces are made here only: a library is not to be
	 * used by two threads at once. */
	for (i = 0; i < nj; i++) {
		struct face *f = jobs[i].f;

		data = hb_blob_get_data(f->blob, &len);
		if (FT_New_Memory_Face(ft_library(), (const FT_Byte *)data, len,
		    f->cut != NULL ? 0 : (FT_Long)hb_face_get_index(f->src),
		    &f->ft) != 0) {
			f->ft = NULL;
			uncut(f);
			free(jobs);
			msg(MSG_WRITE, NULL, path, "FreeType");
			return -1;
		}
		f->cf = cairo_ft_font_face_create_for_ft_face(f->ft, 0);
		cairo_font_face_set_user_data(f->cf, &ft_key, f->ft, done_face);
	}
	free(jobs);
	return 0;
}

/*
 * Cairo's PDF backend writes a font's widths from its own copy of the
 * face at a size of one unit, which it makes with exactly these options,
 * and loads every glyph into it once more when the page is written.  Made
 * here first (Cairo keeps one font per face, size and options) and warmed
 * in a second thread while the pages are drawn, those loads leave the
 * page writer's path.  Faces are taken from the last drawn to the first,
 * to meet the drawing thread on the same face (one lock) as late as may be.
 */
static void *
warm_units(void *arg)
{
	struct pdf_fonts	*fc = arg;
	cairo_font_options_t	*fo;
	cairo_text_extents_t	 ext;
	cairo_glyph_t		*cg;
	cairo_matrix_t		 id;
	hb_codepoint_t		 g;
	size_t			 i;
	int			 n;

	cairo_matrix_init_identity(&id);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	for (i = fc->n; i-- > 0;) {
		struct face *f = fc->v[i];

		if (f->gen != fc->gen)
			continue;
		if (f->unit == NULL)
			f->unit = cairo_scaled_font_create(f->cf, &id, &id, fo);
		cg = xcalloc(hb_set_get_population(f->glyphs) + 1,
		    sizeof(*cg));
		n = 0;
		for (g = HB_SET_VALUE_INVALID; hb_set_next(f->glyphs, &g);)
			if ((cg[n].index = glyph_in(f, g)) != (unsigned long)-1)
				n++;
		cairo_scaled_font_glyph_extents(f->unit, cg, n, &ext);
		free(cg);
	}
	cairo_font_options_destroy(fo);
	return NULL;
}

/* The end of a paint: the helper is done with the faces. */
static void
faces_done(struct pdf_fonts *fc)
{
	if (fc->helping)
		pthread_join(fc->helper, NULL);
	fc->helping = 0;
}

struct pdf_fonts *
pdf_fonts_new(void)
{
	struct pdf_fonts	*fc = xcalloc(1, sizeof(*fc));

	fc->keep = 1;
	return fc;
}

void
pdf_fonts_free(struct pdf_fonts *fc)
{
	size_t	 i;

	if (fc == NULL)
		return;
	faces_done(fc);
	drop_sfonts(fc, NULL, 1);
	for (i = 0; i < fc->n; i++)
		face_free(fc->v[i]);
	free(fc->v);
	free(fc->s);
	free(fc);
}

/* The cut face of font at the size layout measured it. */
static struct sfont *
scaled(struct pdf_fonts *fc, PangoFont *font)
{
	PangoFontDescription	*fd;
	cairo_font_options_t	*fo;
	cairo_matrix_t		 fm, ctm;
	struct sfont		*s;
	double			 size;
	size_t			 i;

	for (i = 0; i < fc->ns; i++)
		if (fc->s[i].font == font) {
			fc->s[i].gen = fc->gen;
			return &fc->s[i];
		}
	fd = pango_font_describe_with_absolute_size(font);
	size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
	pango_font_description_free(fd);
	cairo_matrix_init_scale(&fm, size, size);
	cairo_matrix_init_identity(&ctm);
	/*
	 * Hinted metrics: Cairo then takes a glyph's metrics from the load
	 * at this size that also gives its outline, instead of loading it
	 * once more at the face's design size.  Nothing printed depends on
	 * them: glyph positions come from the layout, and the widths in the
	 * PDF from Cairo's unit-size font (warm_units()).
	 */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_ON);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	fc->s = xrealloc(fc->s, (fc->ns + 1) * sizeof(*fc->s));
	s = &fc->s[fc->ns++];
	s->font = g_object_ref(font);
	s->face = face_of(fc, font);
	s->gen = fc->gen;
	s->sf = cairo_scaled_font_create(s->face->cf, &fm, &ctm, fo);
	s->warm = hb_set_create();
	cairo_font_options_destroy(fo);
	return s;
}

/* Glyphs with their characters, so the PDF text can be copied and searched. */
static void
show_glyphs(cairo_t *cr, struct pdf_fonts *fc, const struct lay_item *it)
{
	const PangoGlyphString	*gs = it->glyphs;
	cairo_glyph_t		*cg;
	cairo_text_cluster_t	*cl;
	struct sfont		*sfo;
	double			 x = it->x;
	long			 idx;
	int			 g, k, n = 0, nc = 0;

	sfo = scaled(fc, it->font);
	/* Room for the run and, after it, the glyphs new to the font. */
	cg = xcalloc(2 * (size_t)gs->num_glyphs + 1, sizeof(*cg));
	cl = xcalloc(gs->num_glyphs + 1, sizeof(*cl));
	for (g = 0; g < gs->num_glyphs; g++) {
		const PangoGlyphInfo *gi = &gs->glyphs[g];
		int start = gs->log_clusters[g], end;

		if (g == 0 || start != gs->log_clusters[g - 1]) {
			end = (int)it->len;
			for (int k = g + 1; k < gs->num_glyphs; k++)
				if (gs->log_clusters[k] != start) {
					end = gs->log_clusters[k];
					break;
				}
			cl[nc].num_bytes = end - start;
			cl[nc].num_glyphs = 0;
			nc++;
		}
		if (!(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
		    gi->glyph != PANGO_GLYPH_EMPTY &&
		    (idx = glyph_in(sfo->face, gi->glyph)) != -1) {
			cg[n].index = (unsigned long)idx;
			cg[n].x = x + (double)gi->geometry.x_offset /
			    PANGO_SCALE;
			cg[n].y = it->y + (double)gi->geometry.y_offset /
			    PANGO_SCALE;
			n++;
			cl[nc - 1].num_glyphs++;
		}
		x += (double)gi->geometry.width / PANGO_SCALE;
	}
	cairo_set_scaled_font(cr, sfo->sf);
	/*
	 * Cairo asks FreeType for a glyph's metrics when the glyph is drawn
	 * and again for its outline when the page is written, and loading a
	 * CJK outline costs as much as the rest of the page.  Asking for the
	 * outline first (a path that is thrown away) gets both in one load.
	 */
	for (g = k = 0; g < n; g++)
		if (!hb_set_has(sfo->warm, cg[g].index)) {
			hb_set_add(sfo->warm, cg[g].index);
			cg[n + k++] = cg[g];
		}
	if (k > 0) {
		cairo_glyph_path(cr, cg + n, k);
		cairo_new_path(cr);
	}
	cairo_show_text_glyphs(cr, it->text, (int)it->len, cg, n, cl, nc, 0);
	free(cg);
	free(cl);
}

/* Cairo reads a PNG from memory through this callback. */
struct membuf {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
read_mem(void *closure, unsigned char *dst, unsigned int n)
{
	struct membuf	*m = closure;

	if (n > m->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(dst, m->p, n);
	m->p += n;
	m->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

/*
 * A picture as a Cairo surface.  The document was validated, so the file
 * is known whole; image.c reads it and its size.  A JPEG keeps its bytes:
 * they are attached as CAIRO_MIME_TYPE_JPEG so the PDF carries them
 * unchanged (DCTDecode), never re-encoded, and the surface itself stays
 * blank.  A PNG is decoded by Cairo.
 */
static cairo_surface_t *
load_image(const char *path, const struct jb_pos *pos)
{
	struct buf	 b = { 0 };
	struct membuf	 m;
	enum img_kind	 kind;
	unsigned long	 w, h;
	cairo_surface_t	*s;

	if (img_read(path, path, pos, &b, &kind, &w, &h) == -1)
		return NULL;
	if (kind == IMG_JPEG) {
		s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG,
			    (unsigned char *)b.data, b.len, free, b.data);
			return s;
		}
	} else {
		m.p = (const unsigned char *)b.data;
		m.left = b.len;
		s = cairo_image_surface_create_from_png_stream(read_mem, &m);
		if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
			buf_free(&b);
			return s;
		}
	}
	msg(MSG_IMAGE_BAD, pos, path,
	    cairo_surface_status(s) == CAIRO_STATUS_NO_MEMORY ? "内存不足" :
	    "PNG 数据不完整或已损坏");
	cairo_surface_destroy(s);
	buf_free(&b);
	return NULL;
}

static struct image *
find_image(struct pdf_images *im, const char *path)
{
	size_t	 i;

	for (i = 0; i < im->n; i++)
		if (strcmp(im->v[i].path, path) == 0)
			return &im->v[i];
	return NULL;
}

struct pdf_images *
pdf_images_new(void)
{
	return xcalloc(1, sizeof(struct pdf_images));
}

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static void
drop_image(struct pdf_images *im, size_t i)
{
	cairo_surface_destroy(im->v[i].surface);
	free(im->v[i].path);
	im->v[i] = im->v[--im->n];
}

/* lay_metrics.image_size: decode (once) and give the size in pixels. */
int
pdf_image_size(void *arg, const char *path, const struct jb_pos *pos,
    double *w, double *h)
{
	struct pdf_images	*im = arg;
	struct image		*img;
	cairo_surface_t		*s;
	struct stat		 st;

	/* a picture kept from an earlier issue is decoded again if its
	 * file changed since */
	memset(&st, 0, sizeof(st));
	if (stat(path, &st) == -1)
		memset(&st, 0, sizeof(st));
	if ((img = find_image(im, path)) != NULL &&
	    !same_file(&img->st, &st)) {
		drop_image(im, (size_t)(img - im->v));
		img = NULL;
	}
	if (img == NULL) {
		if ((s = load_image(path, pos)) == NULL)
			return -1;
		im->v = xrealloc(im->v, (im->n + 1) * sizeof(*im->v));
		img = &im->v[im->n++];
		img->path = xstrdup(path);
		img->surface = s;
		img->st = st;
	}
	img->asked = 1;
	*w = cairo_image_surface_get_width(img->surface);
	*h = cairo_image_surface_get_height(img->surface);
	return 0;
}

void
pdf_images_sweep(struct pdf_images *im)
{
	size_t	 i;

	for (i = im->n; i-- > 0;)
		if (!im->v[i].asked)
			drop_image(im, i);
		else
			im->v[i].asked = 0;
}

void
pdf_images_free(struct pdf_images *im)
{
	if (im == NULL)
		return;
	while (im->n > 0)
		drop_image(im, im->n - 1);
	free(im->v);
	free(im);
}

static cairo_status_t
write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	FILE	*fp = closure;

	return fwrite(data, 1, len, fp) == len ? CAIRO_STATUS_SUCCESS :
	    CAIRO_STATUS_WRITE_ERROR;
}

static void
set_color(cairo_t *cr, unsigned c)
{
	cairo_set_source_rgb(cr, ((c >> 16) & 0xff) / 255.0,
	    ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0);
}

static void
paint_item(cairo_t *cr, const struct lay_item *it, struct pdf_images *im,
    struct pdf_fonts *fc)
{
	char		 attr[256];
	struct image	*img;

	switch (it->kind) {
	case LAY_GLYPHS:
		if (it->glyphs == NULL)
			break;
		set_color(cr, it->color);
		if (it->turn) {
			struct lay_item t = *it;

			t.x = t.y = 0;
			cairo_save(cr);
			cairo_translate(cr, it->x, it->y);
			cairo_rotate(cr, -M_PI / 2);
			show_glyphs(cr, fc, &t);
			cairo_restore(cr);
			break;
		}
		show_glyphs(cr, fc, it);
		break;
	case LAY_RULE:
		set_color(cr, it->color);
		cairo_rectangle(cr, it->x, it->y - it->h / 2, it->w, it->h);
		cairo_fill(cr);
		break;
	case LAY_VRULE:
		set_color(cr, it->color);
		cairo_rectangle(cr, it->x - it->w / 2, it->y, it->w, it->h);
		cairo_fill(cr);
		break;
	case LAY_FRAME:
		set_color(cr, 0);
		cairo_set_line_width(cr, 0.75);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_stroke(cr);
		break;
	case LAY_IMAGE:
		if ((img = find_image(im, it->text)) == NULL)
			break;
		cairo_save(cr);
		cairo_translate(cr, it->x, it->y);
		cairo_scale(cr, it->w /
		    cairo_image_surface_get_width(img->surface), it->h /
		    cairo_image_surface_get_height(img->surface));
		cairo_set_source_surface(cr, img->surface, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		break;
	case LAY_LINK:
		snprintf(attr, sizeof(attr), "rect=[%.2f %.2f %.2f %.2f] "
		    "dest='%s'", it->x, it->y, it->w, it->h, it->text);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		break;
	case LAY_DEST:
		snprintf(attr, sizeof(attr), "name='%s' x=%.2f y=%.2f",
		    it->text, it->x, it->y);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, attr);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		break;
	}
}

/* "2019-08-30T00:00:00" from a date, or from SOURCE_DATE_EPOCH. */
static void
iso_date(char *s, size_t n, const struct jb_date *dt)
{
	struct tm	 tm;

	if (dt == NULL && outfile_epoch(&tm) == 0) {
		strftime(s, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return;
	}
	if (dt == NULL)
		snprintf(s, n, "1970-01-01T00:00:00Z");
	else
		snprintf(s, n, "%04d-%02d-%02dT00:00:00", dt->year,
		    dt->month, dt->day);
}

int
pdf_paint(const struct jb_doc *d, const struct lay_doc *l,
    struct pdf_images *im, struct pdf_fonts *kept, FILE *fp,
    const char *path)
{
	struct pdf_fonts *fc = kept != NULL ? kept :
			    xcalloc(1, sizeof(*fc));
	cairo_surface_t	*sf;
	cairo_t		*cr;
	cairo_status_t	 st;
	char		*title, date[64], attr[64];
	size_t		 i, j;
	int		 rc = -1;

	if (faces_init(fc, l, path) == -1)
		goto out;
	if (pthread_create(&fc->helper, NULL, warm_units, fc) == 0)
		fc->helping = 1;
	sf = cairo_pdf_surface_create_for_stream(write_cb, fp, LAY_PAGE_W,
	    LAY_PAGE_H);
	title = arena_printf(l->arena, "%s %s", d->series->name,
	    label_issue(l->arena, d->meta.lang, d->meta.date.year,
	    d->meta.kind != NULL ? d->meta.kind->name : NULL, d->meta.issue,
	    d->meta.issue_last));
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_AUTHOR,
	    d->meta.org);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "jianbao");
	iso_date(date, sizeof(date), &d->meta.date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	if (getenv("SOURCE_DATE_EPOCH") != NULL) {
		iso_date(date, sizeof(date), NULL);
		cairo_pdf_surface_set_metadata(sf,
		    CAIRO_PDF_METADATA_MOD_DATE, date);
	}
	cr = cairo_create(sf);
	for (i = 0; i < l->npages; i++) {
		for (j = 0; j < l->pages[i].nitems; j++)
			paint_item(cr, &l->pages[i].items[j], im, fc);
		cairo_show_page(cr);
	}
	for (i = 0; i < l->nmarks; i++) {
		snprintf(attr, sizeof(attr), "dest='%s'", l->marks[i].dest);
		cairo_pdf_surface_add_outline(sf, CAIRO_PDF_OUTLINE_ROOT,
		    l->marks[i].title, attr, 0);
	}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		msg(MSG_WRITE, &d->src, path, cairo_status_to_string(st));
		goto out;
	}
	rc = 0;
out:
	faces_done(fc);
	if (fc != kept)
		pdf_fonts_free(fc);
	return rc;
}

/* ---- the phone image ---- */

/* Text stays crisp; the file is about three quarters of the PNG. */
#define PHONE_JPEG_QUALITY	85

struct pdf_phone {
	const struct lay_doc	*l;
	struct pdf_images	*im;
	struct pdf_fonts	*fc;		/* owned */
	double			 scale;		/* px per pt */
	int			 width;		/* px */
	int			*cut;		/* slice i is [cut[i], cut[i+1]) px */
	int			 nslices;
	double			*pagey;		/* where page i starts, pt */
};

/* What an item covers from top to bottom, pt from its page's top. */
static void
extent(const struct lay_item *it, double *top, double *bottom)
{
	switch (it->kind) {
	case LAY_GLYPHS:
		/* the ideographic box and Latin descenders */
		*top = it->y - 0.92 * it->size;
		*bottom = it->y + 0.25 * it->size;
		break;
	case LAY_RULE:
		*top = it->y - it->h / 2 - 0.5;
		*bottom = it->y + it->h / 2 + 0.5;
		break;
	case LAY_VRULE:
		*top = it->y - 0.5;
		*bottom = it->y + it->h + 0.5;
		break;
	case LAY_FRAME:
		*top = it->y - 1;
		*bottom = it->y + it->h + 1;
		break;
	case LAY_IMAGE:
		*top = it->y;
		*bottom = it->y + it->h;
		break;
	case LAY_LINK:
	case LAY_DEST:
		*top = *bottom = -1;	/* not drawn */
		break;
	}
}

struct span_y {
	double	 top, bottom;
};

static int
by_top(const void *a, const void *b)
{
	const struct span_y *x = a, *y = b;

	return x->top < y->top ? -1 : x->top > y->top;
}

/*
 * A JPEG's surface is blank for the PDF, which carries the JPEG's own
 * bytes; an image needs its pixels: a decoded surface replaces it.
 */
static int
decode_jpegs(struct pdf_images *im)
{
	const unsigned char	*data;
	unsigned long		 len;
	cairo_surface_t		*px;
	size_t			 i;
	int			 w, h;

	for (i = 0; i < im->n; i++) {
		cairo_surface_get_mime_data(im->v[i].surface,
		    CAIRO_MIME_TYPE_JPEG, &data, &len);
		if (data == NULL)
			continue;
		w = cairo_image_surface_get_width(im->v[i].surface);
		h = cairo_image_surface_get_height(im->v[i].surface);
		px = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
		cairo_surface_flush(px);
		if (cairo_surface_status(px) != CAIRO_STATUS_SUCCESS ||
		    img_decode_jpeg(data, len, im->v[i].path, NULL,
		    cairo_image_surface_get_data(px),
		    (size_t)cairo_image_surface_get_stride(px),
		    (unsigned long)w, (unsigned long)h) == -1) {
			cairo_surface_destroy(px);
			return -1;
		}
		cairo_surface_mark_dirty(px);
		/* the pixels take the place of the bytes for the PDF */
		cairo_surface_destroy(im->v[i].surface);
		im->v[i].surface = px;
	}
	return 0;
}

struct pdf_phone *
pdf_phone_new(const struct lay_doc *l, struct pdf_images *im, double page_w,
    int width, int max, const char *path)
{
	struct pdf_phone	*ph = xcalloc(1, sizeof(*ph));
	struct span_y		*v;
	double			*gap, *gapw, h = 0, top, bottom;
	size_t			 i, j, n = 0, ng = 0, k;
	int			 at, end, best, total;

	ph->l = l;
	ph->im = im;
	ph->width = width;
	ph->fc = xcalloc(1, sizeof(*ph->fc));
	if (decode_jpegs(im) == -1 ||
	    faces_init(ph->fc, l, path) == -1) {
		pdf_phone_free(ph);
		return NULL;
	}
	/* the pages under each other; each as high as what is on it */
	ph->pagey = xcalloc(l->npages + 1, sizeof(*ph->pagey));
	for (i = 0; i < l->npages; i++)
		n += l->pages[i].nitems;
	v = xcalloc(n + 1, sizeof(*v));
	n = 0;
	for (i = 0; i < l->npages; i++) {
		double low = 0, left = 1e9;

		ph->pagey[i] = h;
		for (j = 0; j < l->pages[i].nitems; j++) {
			const struct lay_item *it = &l->pages[i].items[j];

			extent(it, &top, &bottom);
			if (bottom < 0)
				continue;
			v[n].top = h + top;
			v[n++].bottom = h + bottom;
			if (bottom > low)
				low = bottom;
			if (it->x < left)
				left = it->x;
		}
		/* the same margin under the text as beside it */
		h += low + (left < 1e9 ? left : 0);
	}
	ph->pagey[l->npages] = h;
	ph->scale = (double)width / page_w;
	total = (int)(h * ph->scale + 0.999);

	/* the gaps between what is drawn, where a slice may end */
	qsort(v, n, sizeof(*v), by_top);
	gap = xcalloc(n + 1, sizeof(*gap));
	gapw = xcalloc(n + 1, sizeof(*gapw));
	for (i = 0, bottom = 0; i < n; i++) {
		if (v[i].top > bottom && i > 0) {
			gap[ng] = (bottom + v[i].top) / 2 * ph->scale;
			gapw[ng++] = v[i].top - bottom;
		}
		if (v[i].bottom > bottom)
			bottom = v[i].bottom;
	}
	ph->cut = xcalloc((size_t)total / 1000 + ng + 3, sizeof(*ph->cut));
	ph->cut[0] = 0;
	ph->nslices = 0;
	for (at = 0, k = 0; total - at > max;) {
		best = -1;
		for (; k < ng && gap[k] - at <= max; k++) {
			if (gap[k] <= at)
				continue;
			if (best == -1 || gap[k] - at < max * 2 / 3 ||
			    gapw[k] >= gapw[best] * 0.999)
				best = (int)k;
		}
		if (best == -1) {
			/* nothing but one tall line: cut it at the limit */
			end = at + max;
		} else
			end = (int)gap[best];
		ph->cut[++ph->nslices] = end;
		at = end;
	}
	ph->cut[++ph->nslices] = total;
	free(gap);
	free(gapw);
	free(v);
	return ph;
}

int
pdf_phone_slices(const struct pdf_phone *ph)
{
	return ph->nslices;
}

int
pdf_phone_write(struct pdf_phone *ph, int i, FILE *fp, int jpeg,
    const char *path)
{
	const struct lay_doc	*l = ph->l;
	cairo_surface_t		*sf;
	cairo_t			*cr;
	cairo_status_t		 st;
	double			 y0 = ph->cut[i] / ph->scale;
	double			 y1 = ph->cut[i + 1] / ph->scale;
	double			 top, bottom;
	size_t			 p, j;

	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, ph->width,
	    ph->cut[i + 1] - ph->cut[i]);
	cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, 0, -ph->cut[i]);
	cairo_scale(cr, ph->scale, ph->scale);
	for (p = 0; p < l->npages; p++) {
		cairo_save(cr);
		cairo_translate(cr, 0, ph->pagey[p]);
		for (j = 0; j < l->pages[p].nitems; j++) {
			const struct lay_item *it = &l->pages[p].items[j];

			extent(it, &top, &bottom);
			if (bottom < 0 || ph->pagey[p] + bottom < y0 ||
			    ph->pagey[p] + top > y1)
				continue;
			paint_item(cr, it, ph->im, ph->fc);
		}
		cairo_restore(cr);
	}
	cairo_destroy(cr);
	cairo_surface_flush(sf);
	st = cairo_surface_status(sf);
	if (st == CAIRO_STATUS_SUCCESS && jpeg) {
		if (img_write_jpeg(fp, cairo_image_surface_get_data(sf),
		    (size_t)cairo_image_surface_get_stride(sf),
		    (unsigned long)ph->width,
		    (unsigned long)(ph->cut[i + 1] - ph->cut[i]),
		    PHONE_JPEG_QUALITY) == -1)
			st = CAIRO_STATUS_WRITE_ERROR;
	} else if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(sf, write_cb, fp);
	cairo_surface_destroy(sf);
	if (st != CAIRO_STATUS_SUCCESS) {
		msg(MSG_WRITE, NULL, path, cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

void
pdf_phone_free(struct pdf_phone *ph)
{
	if (ph == NULL)
		return;
	pdf_fonts_free(ph->fc);
	free(ph->cut);
	free(ph->pagey);
	free(ph);
}
