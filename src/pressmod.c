/* pressmod.c -- the print module's front: lay issues out, then paint them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "layout.h"
#include "mem.h"
#include "outfile.h"
#include "pdf.h"
#include "pressmod.h"

struct pmod_press {
	char			*fontdir;
	int			 even;
	const struct jb_series	*series;	/* what fs was made for */
	struct font_set		*fs[2];		/* by enum jb_lang */
	struct font_prep	*prep;		/* read ahead for the first fs */
};

/* The press's font set for d's language, made on first use. */
static struct font_set *
press_fonts(struct pmod_press *p, const struct jb_doc *d)
{
	int	 k = d->meta.lang == JB_LANG_HANT;

	if (p->series != d->series) {
		font_free(p->fs[0]);
		font_free(p->fs[1]);
		p->fs[0] = p->fs[1] = NULL;
		p->series = d->series;
	}
	if (p->fs[k] == NULL)
		p->fs[k] = font_new(d->series, d->meta.lang, p->fontdir,
		    p->prep);
	return p->fs[k];
}

/* Lay d out; pictures are measured into im, where the painter finds them. */
static struct lay_doc *
build(const struct jb_doc *d, struct font_set *fs, int even,
    struct pdf_images *im)
{
	struct lay_metrics	 m;
	struct lay_opts		 lo;

	memset(&m, 0, sizeof(m));
	memset(&lo, 0, sizeof(lo));
	lo.even = even;
	m.fonts = fs;
	m.image_size = pdf_image_size;
	m.arg = im;
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
	}
	/* Fontconfig is read while the caller reads the first issue. */
	p->prep = font_prepare(p->fontdir);
	return p;
}

void
pmod_free(struct pmod_press *p)
{
	if (p == NULL)
		return;
	font_free(p->fs[0]);
	font_free(p->fs[1]);
	font_unprepare(p->prep);
	free(p->fontdir);
	free(p);
}

int
pmod_write(struct pmod_press *p, const struct jb_doc *d, const char *path)
{
	struct font_set		*fs;
	struct pdf_images	*im = pdf_images_new();
	struct lay_doc		*l = NULL;
	struct outfile		*of = NULL;
	int			 rc = -1;

	if ((fs = press_fonts(p, d)) == NULL)
		goto out;
	if ((l = build(d, fs, p->even, im)) == NULL)
		goto out;
	if ((of = outfile_open(path)) == NULL)
		goto out;
	if (pdf_paint(d, l, im, outfile_fp(of), path) == -1) {
		outfile_abort(of);
		goto out;
	}
	if (outfile_commit(of) == -1)
		goto out;
	rc = 0;
out:
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
	int			 rc = -1;

	if ((o == NULL || !o->fixed) && (fs = font_new(d->series,
	    d->meta.lang, o ? o->fontdir : NULL, NULL)) == NULL)
		goto out;
	if ((l = build(d, fs, o != NULL && o->even, im)) == NULL)
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
