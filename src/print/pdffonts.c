/* pdffonts.c -- the faces a paint draws: cut down to its glyphs with HarfBuzz's subsetter, kept between paints, shown by Cairo with their characters. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "model/model.h"
#include "print/cut_int.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/pdf_int.h"
#include "print/paint_int.h"

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
	const hb_set_t		*glyphs = f->glyphs, *chars = f->chars;
	hb_face_t		*sub;
	int			 nominal;

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
	/* Characters are cheaper to give than glyphs (cut_int.h). */
	nominal = wide ? !f->odd : hb_set_is_subset(f->glyphs, f->nominal);
	/*
	 * Glyphs keep their numbers: the empty slots cost FreeType, Cairo
	 * and HarfBuzz about an eighth more of a one-off paint, and buy a
	 * cut whose embedded subset is the same whatever else it holds,
	 * which a kept face needs (struct pdf_fonts).
	 */
	sub = cut_make(f->src, nominal ? NULL : glyphs, nominal ? chars : NULL,
	    1, &f->cut);
	if (sub == NULL) {
		/* Not subsettable here: Cairo embeds the face as it is. */
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
	size_t		 i, j;

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
			cut_add(it, f->glyphs, f->chars, f->nominal);
		}
}

/*
 * Ready the faces l draws: collect their glyphs, cut each face whose cut
 * does not hold them.  The face with the most glyphs to cut (the body
 * face, most of the work) is cut in a second thread while this one cuts
 * the others.
 */
int
pdf_fonts_begin(struct pdf_fonts *fc, const struct lay_doc *l, const char *path)
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
void
pdf_fonts_end(struct pdf_fonts *fc)
{
	if (fc->helping)
		pthread_join(fc->helper, NULL);
	fc->helping = 0;
}

struct pdf_fonts *
pdf_fonts_new(int keep)
{
	struct pdf_fonts	*fc = xcalloc(1, sizeof(*fc));

	fc->keep = keep;
	return fc;
}

void
pdf_fonts_free(struct pdf_fonts *fc)
{
	size_t	 i;

	if (fc == NULL)
		return;
	pdf_fonts_end(fc);
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
void
pdf_fonts_show(cairo_t *cr, struct pdf_fonts *fc, const struct lay_item *it)
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
		if (cut_drawn(gi) &&
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

void
pdf_fonts_warm(struct pdf_fonts *fc)
{
	if (pthread_create(&fc->helper, NULL, warm_units, fc) == 0)
		fc->helping = 1;
}
