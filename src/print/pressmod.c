/* pressmod.c -- the print module's front: lay issues out, then paint them. */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print/fonts_int.h"
#include "print/page_int.h"
#include "util/util.h"
#include "print/ofd_int.h"
#include "print/pdf_int.h"
#include "print/print.h"

struct pmod_press {
	char			*fontdir;
	int			 even;
	const struct jb_series	*series;	/* what fs was made for */
	struct font_set		*fs[2];		/* by enum jb_lang */
	struct pdf_fonts	*kept[2];	/* fs's faces, if resident */
	struct pdf_images	*pictures;	/* kept too, if resident */
	int			 resident;
	struct font_prep	*prep;		/* read ahead for the first fs */
	struct shape_cache	*shapes;	/* paragraphs shaped with fs */
};

/*
 * What holds fonts of the font sets goes first: the shaped paragraphs
 * (which also know the sets by address) and the kept faces.
 */
static void
drop_fonts(struct pmod_press *p)
{
	int	 k;

	shape_cache_free(p->shapes);
	p->shapes = NULL;
	for (k = 0; k < 2; k++) {
		pdf_fonts_free(p->kept[k]);
		font_free(p->fs[k]);
		p->kept[k] = NULL;
		p->fs[k] = NULL;
	}
}

/* The press's font set for d's language, made on first use. */
static struct font_set *
press_fonts(struct pmod_press *p, const struct jb_doc *d)
{
	int	 k = d->meta.lang == JB_LANG_HANT;

	if (p->series != d->series) {
		drop_fonts(p);
		p->shapes = shape_cache_new();
		p->series = d->series;
	}
	if (p->fs[k] == NULL) {
		p->fs[k] = font_new(d->series, d->meta.lang, p->fontdir,
		    p->prep);
		if (p->fs[k] != NULL && p->resident)
			p->kept[k] = pdf_fonts_new(1);
	}
	return p->fs[k];
}

/*
 * The phone's grid: the print body size and line pitch at a measure of
 * PMOD_PHONE_CHARS characters, margins of 1¼ characters beside the text
 * and 1½ lines above it, one page long enough for any issue.
 */
#define PHONE_LINES	6000

static void
phone_grid(struct lay_grid *g)
{
	double	 body = lay_grid_print.measure / lay_grid_print.chars;
	double	 pitch = lay_grid_print.height / lay_grid_print.lines;

	*g = lay_grid_print;
	g->chars = PMOD_PHONE_CHARS;
	g->measure = body * PMOD_PHONE_CHARS;
	g->left = 1.25 * body;
	g->top = 1.5 * pitch;
	g->lines = PHONE_LINES;
	g->height = pitch * PHONE_LINES;
	g->page_w = g->measure + 2 * g->left;
	g->page_h = g->top + g->height;
	g->compact = 1;
}

/* Lay d out; pictures are measured into im, where the painter finds them. */
static struct lay_doc *
build(const struct jb_doc *d, struct font_set *fs, struct shape_cache *sc,
    int even, struct pdf_images *im, const struct lay_grid *grid)
{
	struct lay_metrics	 m;
	struct lay_opts		 lo;

	memset(&m, 0, sizeof(m));
	memset(&lo, 0, sizeof(lo));
	lo.even = even;
	lo.grid = grid;
	m.fonts = fs;
	m.image_size = pdf_image_size;
	m.arg = im;
	m.shapes = sc;
	return lay_build(d, &m, &lo);
}

struct pmod_press *
pmod_new(const struct pmod_opts *o)
{
	struct pmod_press	*p;

	p = xcalloc(1, sizeof(*p));
	if (o != NULL) {
		p->fontdir = o->fontdir != NULL ? xstrdup(o->fontdir) : NULL;
		p->even = o->even;
		p->resident = o->resident;
	}
	if (p->resident)
		p->pictures = pdf_images_new();
	/* Fontconfig is read while the caller reads the first issue. */
	p->prep = font_prepare(p->fontdir);
	return p;
}

void
pmod_free(struct pmod_press *p)
{
	if (p == NULL)
		return;
	drop_fonts(p);
	pdf_images_free(p->pictures);
	font_unprepare(p->prep);
	free(p->fontdir);
	free(p);
}

/* Paint l into path with the painter of that edition. */
static int
paint(const struct jb_doc *d, const struct lay_doc *l, struct pdf_images *im,
    struct pdf_fonts *kept, const char *path, int ofd, int ofd_a)
{
	struct outfile	*of;
	int		 rc;

	if ((of = outfile_open(path)) == NULL)
		return -1;
	rc = ofd ? ofd_paint(d, l, ofd_a, outfile_fp(of), path) :
	    pdf_paint(d, l, im, kept, outfile_fp(of), path);
	if (rc == -1) {
		outfile_abort(of);
		return -1;
	}
	return outfile_commit(of);
}

int
pmod_write(struct pmod_press *p, const struct jb_doc *d,
    const struct pmod_out *out)
{
	struct font_set		*fs;
	struct pdf_images	*im = p->pictures != NULL ? p->pictures :
				    pdf_images_new();
	struct lay_doc		*l = NULL;
	int			 rc = -1;

	if ((fs = press_fonts(p, d)) == NULL)
		goto out;
	if ((l = build(d, fs, p->shapes, p->even, im, NULL)) == NULL)
		goto out;
	if (out->pdf != NULL && paint(d, l, im,
	    p->kept[d->meta.lang == JB_LANG_HANT], out->pdf, 0, 0) == -1)
		goto out;
	if (out->ofd != NULL && paint(d, l, im, NULL, out->ofd, 1,
	    out->ofd_a) == -1)
		goto out;
	rc = 0;
out:
	lay_free(l);
	if (im == p->pictures)
		pdf_images_sweep(im);
	else
		pdf_images_free(im);
	return rc;
}

/* STEM.EXT for slice 0 of 1, else STEM-N.EXT; the caller frees it. */
static char *
slice_name(const char *stem, int i, int n, const char *ext)
{
	size_t	 len = strlen(stem) + 24;
	char	*s = xmalloc(len);

	if (n == 1)
		snprintf(s, len, "%s.%s", stem, ext);
	else
		snprintf(s, len, "%s-%d.%s", stem, i + 1, ext);
	return s;
}

/*
 * Remove the images of stem an earlier run left that are not among the
 * n just written: STEM.png when there are slices now, STEM-K.png for
 * every K beyond n.
 */
static void
drop_slices(const char *stem, int n, const char *ext)
{
	const char	*base = strrchr(stem, '/');
	struct dirent	*de;
	DIR		*dir;
	char		*folder, *path, *end;
	size_t		 blen, len;
	long		 k;

	if (n > 1) {
		path = slice_name(stem, 0, 1, ext);
		unlink(path);
		free(path);
	}
	folder = base != NULL ? xstrndup(stem, (size_t)(base - stem)) :
	    xstrdup(".");
	base = base != NULL ? base + 1 : stem;
	blen = strlen(base);
	if ((dir = opendir(folder)) != NULL) {
		while ((de = readdir(dir)) != NULL) {
			if (strncmp(de->d_name, base, blen) != 0 ||
			    de->d_name[blen] != '-' ||
			    !isdigit((unsigned char)de->d_name[blen + 1]))
				continue;
			k = strtol(de->d_name + blen + 1, &end, 10);
			if (end[0] != '.' || strcmp(end + 1, ext) != 0 ||
			    k <= (n > 1 ? n : 0))
				continue;
			len = strlen(folder) + strlen(de->d_name) + 2;
			path = xmalloc(len);
			snprintf(path, len, "%s/%s", folder, de->d_name);
			unlink(path);
			free(path);
		}
		closedir(dir);
	}
	free(folder);
}

int
pmod_write_phone(struct pmod_press *p, const struct jb_doc *d,
    const char *stem, int jpeg)
{
	const char		*ext = jpeg ? "jpg" : "png";
	struct font_set		*fs;
	struct pdf_images	*im = pdf_images_new();
	struct phone	*ph = NULL;
	struct lay_doc		*l = NULL;
	struct lay_grid		 grid;
	struct outfile		*of;
	char			*name;
	int			 i, n, rc = -1;

	phone_grid(&grid);
	if ((fs = press_fonts(p, d)) == NULL)
		goto out;
	/* What the narrow measure makes of a line (spacing, a lone last
	 * character) is no news about the issue: the print edition, the one
	 * that is judged, says its own.  Errors are still reported. */
	msg_set_quiet(1);
	l = build(d, fs, p->shapes, 0, im, &grid);
	msg_set_quiet(0);
	if (l == NULL)
		goto out;
	name = slice_name(stem, 0, 1, ext);
	ph = phone_new(l, im, grid.page_w, PMOD_PHONE_WIDTH,
	    PMOD_PHONE_MAX, name);
	free(name);
	if (ph == NULL)
		goto out;
	n = phone_slices(ph);
	for (i = 0; i < n; i++) {
		name = slice_name(stem, i, n, ext);
		if ((of = outfile_open(name)) == NULL) {
			free(name);
			goto out;
		}
		if (phone_write(ph, i, outfile_fp(of), jpeg, name) == -1) {
			outfile_abort(of);
			free(name);
			goto out;
		}
		free(name);
		if (outfile_commit(of) == -1)
			goto out;
	}
	drop_slices(stem, n, ext);
	rc = n;
out:
	phone_free(ph);
	lay_free(l);
	pdf_images_free(im);
	return rc;
}

int
pmod_dump_layout(const struct jb_doc *d, const struct pmod_opts *o, FILE *fp)
{
	struct font_set		*fs = NULL;
	struct pdf_images	*im = pdf_images_new();
	struct lay_doc		*l = NULL;
	struct lay_grid		 grid;
	int			 rc = -1, phone = o != NULL && o->phone;

	if ((o == NULL || !o->fixed) && (fs = font_new(d->series,
	    d->meta.lang, o ? o->fontdir : NULL, NULL)) == NULL)
		goto out;
	phone_grid(&grid);
	msg_set_quiet(phone);
	l = build(d, fs, NULL, !phone && o != NULL && o->even, im,
	    phone ? &grid : NULL);
	msg_set_quiet(0);
	if (l == NULL)
		goto out;
	lay_dump(l, fp);
	rc = 0;
out:
	lay_free(l);
	pdf_images_free(im);
	font_free(fs);
	return rc;
}

int
pmod_list_fonts(const struct jb_series *s, const char *fontdir, FILE *fp)
{
	struct font_set	*fs;

	if ((fs = font_new(s, s->lang, fontdir, NULL)) == NULL)
		return -1;
	font_list(fs, fp);
	font_free(fs);
	return 0;
}

/* What press_load() finds in the print module. */
const struct pmod_table pmod_table = {
#define PMOD_ENTRY(name)	name,
	PMOD_FUNCS(PMOD_ENTRY)
#undef PMOD_ENTRY
};
