/* fonts.c -- resolve font roles to fontconfig families and build the Pango context. */
#define _GNU_SOURCE		/* strcasestr */
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include "print/fonts_int.h"
#include "util/util.h"

/* Where Debian's texlive-lang-chinese puts Fandol; fontconfig does not know it. */
#define FANDOL_DIR	"/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

#define MAXFAM		8

struct role {
	char	*chain;			/* "FandolFang,Noto Serif CJK SC" */
	char	*fam[MAXFAM];		/* the chain split, existing families only */
	size_t	 nfam;
	int	 bold;
};

struct font_set {
	FcConfig	*fc;		/* owned, one reference */
	PangoFontMap	*map;		/* owned */
	PangoContext	*ctx;		/* owned */
	const char	*lang;		/* "zh-cn" / "zh-tw" */
	struct role	 role[JB_ROLE__MAX];
};

/* Default chains: first available wins (typesetting.md §4.2). */
static const char *const defaults_hans[JB_ROLE__MAX] = {
	[JB_ROLE_XBS] = "Noto Serif CJK SC,FandolSong",
	[JB_ROLE_FANGSONG] = "FandolFang,Noto Serif CJK SC",
	[JB_ROLE_HEITI] = "FandolHei,Noto Sans CJK SC",
	[JB_ROLE_KAITI] = "FandolKai,AR PL KaitiM GB,Noto Serif CJK SC",
	[JB_ROLE_SONGTI] = "FandolSong,Noto Serif CJK SC",
	[JB_ROLE_DIGITS] = "Liberation Serif,DejaVu Serif",
};

static const char *const defaults_hant[JB_ROLE__MAX] = {
	[JB_ROLE_XBS] = "Noto Serif CJK TC",
	[JB_ROLE_FANGSONG] = "Noto Serif CJK TC",
	[JB_ROLE_HEITI] = "Noto Sans CJK TC",
	[JB_ROLE_KAITI] = "AR PL KaitiM Big5,Noto Serif CJK TC",
	[JB_ROLE_SONGTI] = "Noto Serif CJK TC",
	[JB_ROLE_DIGITS] = "Liberation Serif,DejaVu Serif",
};

static int	 in_chain(const struct role *, FcPattern *);

static const char *const role_names[JB_ROLE__MAX] = {
	[JB_ROLE_XBS] = "小标宋",
	[JB_ROLE_FANGSONG] = "仿宋",
	[JB_ROLE_HEITI] = "黑体",
	[JB_ROLE_KAITI] = "楷体",
	[JB_ROLE_SONGTI] = "宋体",
	[JB_ROLE_DIGITS] = "数字和西文",
};

/* Whether fontconfig knows a face of this family (any of its names). */
static int
family_exists(FcConfig *fc, const char *family)
{
	FcPattern	*p;
	FcObjectSet	*os;
	FcFontSet	*set;
	int		 found;

	p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
	set = FcFontList(fc, p, os);
	found = set != NULL && set->nfont > 0;
	if (set != NULL)
		FcFontSetDestroy(set);
	FcObjectSetDestroy(os);
	FcPatternDestroy(p);
	return found;
}

/* A true 小标宋 face is already heavy; only substitutes are set bold. */
static int
is_xbs_face(const char *family)
{
	return strstr(family, "小标宋") != NULL ||
	    strcasestr(family, "XiaoBiaoSong") != NULL ||
	    strcasestr(family, "XBS") != NULL;
}

/*
 * Keep the families of the chain that exist, in order: the series' chain
 * (bulletin.yaml 字体) if given, else the default one.  A chain none of
 * whose families exists is an error, never a silent substitute.
 */
static int
resolve(struct font_set *fs, enum jb_role r, const char *user,
    const char *def, const struct jb_series *s)
{
	struct role	*ro = &fs->role[r];
	struct buf	 b = { 0 };
	char		*tok, *save, *end;
	size_t		 n;
	int		 rc = -1;

	buf_puts(&b, user != NULL ? user : def);
	for (tok = strtok_r(b.data, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		end = tok + strlen(tok);
		while (end > tok && end[-1] == ' ')
			*--end = '\0';
		if (*tok == '\0' || !family_exists(fs->fc, tok))
			continue;
		if (ro->nfam < MAXFAM)
			ro->fam[ro->nfam++] = xstrdup(tok);
	}
	if (ro->nfam == 0) {
		msg(MSG_FONT_MISSING, s ? &s->src : NULL, user ? user : def,
		    role_names[r]);
		goto out;
	}
	ro->bold = r == JB_ROLE_XBS && !is_xbs_face(ro->fam[0]);
	b.len = 0;
	b.data[0] = '\0';
	for (n = 0; n < ro->nfam; n++) {
		if (n > 0)
			buf_puts(&b, ",");
		buf_puts(&b, ro->fam[n]);
	}
	ro->chain = xstrdup(b.data);
	rc = 0;
out:
	buf_free(&b);
	return rc;
}

static void
add_dir(FcConfig *fc, const char *dir)
{
	struct stat	 st;

	if (dir != NULL && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		FcConfigAppFontAddDir(fc, (const FcChar8 *)dir);
}

/*
 * Fandol's Bold faces declare a regular weight (OS/2 400), so fontconfig
 * cannot tell them from the Regular ones and a request for bold may get
 * either.  Give application fonts whose style says Bold a bold weight.
 */
static void
fix_weights(FcConfig *fc)
{
	FcFontSet	*set = FcConfigGetFonts(fc, FcSetApplication);
	FcChar8		*style;
	int		 i, w;

	for (i = 0; set != NULL && i < set->nfont; i++) {
		FcPattern *p = set->fonts[i], *q;

		if (FcPatternGetString(p, FC_STYLE, 0, &style) !=
		    FcResultMatch || strstr((char *)style, "Bold") == NULL ||
		    FcPatternGetInteger(p, FC_WEIGHT, 0, &w) !=
		    FcResultMatch || w >= FC_WEIGHT_DEMIBOLD)
			continue;
		q = FcPatternDuplicate(p);
		FcPatternDel(q, FC_WEIGHT);
		FcPatternAddInteger(q, FC_WEIGHT, FC_WEIGHT_BOLD);
		set->fonts[i] = q;
		FcPatternDestroy(p);
	}
}

static int
in_any_chain(const struct font_set *fs, FcPattern *p)
{
	int	 r;

	for (r = 0; r < JB_ROLE__MAX; r++)
		if (in_chain(&fs->role[r], p))
			return 1;
	return 0;
}

/*
 * Keep only the faces of the resolved chains.  Pango matches and sorts
 * every font set it is asked for against all installed faces (hundreds
 * here), in threads of its own, to find fallbacks; a character none of the
 * chains covers is an error anyway (MSG_GLYPH_MISSING), so the other faces
 * can only cost time.
 */
static void
keep_chains(struct font_set *fs)
{
	FcSetName	 sets[] = { FcSetSystem, FcSetApplication };
	FcFontSet	*set;
	size_t		 k;
	int		 i, n;

	for (k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		if ((set = FcConfigGetFonts(fs->fc, sets[k])) == NULL)
			continue;
		for (i = n = 0; i < set->nfont; i++)
			if (in_any_chain(fs, set->fonts[i]))
				set->fonts[n++] = set->fonts[i];
			else
				FcPatternDestroy(set->fonts[i]);
		set->nfont = n;
	}
}

struct font_prep {
	pthread_t	 thread;
	int		 running;
	char		*fontdir;	/* owned */
	FcConfig	*fc;		/* owned until a font set takes it */
};

static FcConfig *
load_config(const char *fontdir)
{
	FcConfig	*fc;

	fc = FcInitLoadConfigAndFonts();
	/* The project's folder first: licensed office fonts dropped there win. */
	add_dir(fc, fontdir);
	add_dir(fc, FANDOL_DIR);
	fix_weights(fc);
	return fc;
}

static void *
prep_run(void *arg)
{
	struct font_prep	*fp = arg;

	fp->fc = load_config(fp->fontdir);
	return NULL;
}

struct font_prep *
font_prepare(const char *fontdir)
{
	struct font_prep	*fp;

	fp = xcalloc(1, sizeof(*fp));
	fp->fontdir = fontdir != NULL ? xstrdup(fontdir) : NULL;
	if (pthread_create(&fp->thread, NULL, prep_run, fp) != 0) {
		free(fp->fontdir);
		free(fp);
		return NULL;
	}
	fp->running = 1;
	return fp;
}

/* The prepared configuration, once: the caller owns it.  NULL if none. */
static FcConfig *
prep_take(struct font_prep *fp)
{
	FcConfig	*fc;

	if (fp == NULL)
		return NULL;
	if (fp->running) {
		pthread_join(fp->thread, NULL);
		fp->running = 0;
	}
	fc = fp->fc;
	fp->fc = NULL;
	return fc;
}

void
font_unprepare(struct font_prep *fp)
{
	FcConfig	*fc;

	if (fp == NULL)
		return;
	if ((fc = prep_take(fp)) != NULL)
		FcConfigDestroy(fc);
	free(fp->fontdir);
	free(fp);
}

struct font_set *
font_new(const struct jb_series *s, enum jb_lang lang, const char *fontdir,
    struct font_prep *fp)
{
	struct font_set		*fs;
	cairo_font_options_t	*fo;
	const char *const	*def;
	int			 r, bad = 0;

	fs = xcalloc(1, sizeof(*fs));
	if ((fs->fc = prep_take(fp)) == NULL)
		fs->fc = load_config(fontdir);
	def = lang == JB_LANG_HANT ? defaults_hant : defaults_hans;
	fs->lang = lang == JB_LANG_HANT ? "zh-tw" : "zh-cn";
	/*
	 * The series' font lists name GB2312 faces, which lack most
	 * Traditional characters; a zh-Hant issue set in them would mix two
	 * faces in every line.  It gets the Traditional defaults instead.
	 */
	for (r = 0; r < JB_ROLE__MAX; r++)
		if (resolve(fs, r, s && lang != JB_LANG_HANT ? s->fonts[r] : NULL,
		    def[r], s) == -1)
			bad = 1;
	if (bad) {
		font_free(fs);
		return NULL;
	}
	keep_chains(fs);

	/*
	 * Pango loads fontconfig's default configuration in a thread of its
	 * own unless one is current; ours is the same plus two folders, so
	 * making it current saves reading every configuration file twice.
	 */
	FcConfigSetCurrent(fs->fc);
	fs->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fs->map), fs->fc);
	fs->ctx = pango_font_map_create_context(fs->map);
	pango_cairo_context_set_resolution(fs->ctx, 72);
	pango_context_set_round_glyph_positions(fs->ctx, FALSE);
	pango_context_set_language(fs->ctx,
	    pango_language_from_string(fs->lang));
	/* Outline metrics only: widths must not snap to whole units. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(fs->ctx, fo);
	cairo_font_options_destroy(fo);
	return fs;
}

void
font_free(struct font_set *fs)
{
	size_t	 i;
	int	 r;

	if (fs == NULL)
		return;
	for (r = 0; r < JB_ROLE__MAX; r++) {
		free(fs->role[r].chain);
		for (i = 0; i < fs->role[r].nfam; i++)
			free(fs->role[r].fam[i]);
	}
	if (fs->ctx != NULL)
		g_object_unref(fs->ctx);
	if (fs->map != NULL)
		g_object_unref(fs->map);
	if (fs->fc != NULL)
		FcConfigDestroy(fs->fc);
	free(fs);
}

PangoContext *
font_context(const struct font_set *fs)
{
	return fs->ctx;
}

const char *
font_families(const struct font_set *fs, enum jb_role role)
{
	return fs->role[role].chain;
}

int
font_bold(const struct font_set *fs, enum jb_role role)
{
	return fs->role[role].bold;
}

const char *
font_lang(const struct font_set *fs)
{
	return fs->lang;
}

static int
in_chain(const struct role *ro, FcPattern *p)
{
	FcChar8	*fam;
	size_t	 i;
	int	 k;

	for (k = 0; FcPatternGetString(p, FC_FAMILY, k, &fam) ==
	    FcResultMatch; k++)
		for (i = 0; i < ro->nfam; i++)
			if (strcasecmp((const char *)fam, ro->fam[i]) == 0)
				return 1;
	return 0;
}

int
font_allowed(const struct font_set *fs, enum jb_role role, PangoFont *font)
{
	FcPattern	*p;

	if (font == NULL || !PANGO_IS_FC_FONT(font))
		return 0;
	p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	return in_chain(&fs->role[role], p) ||
	    in_chain(&fs->role[JB_ROLE_DIGITS], p);
}

void
font_list(const struct font_set *fs, FILE *fp)
{
	FcPattern	*p, *m;
	FcResult	 res;
	FcChar8		*file, *fam;
	size_t		 i;
	int		 r, idx;

	for (r = 0; r < JB_ROLE__MAX; r++) {
		const struct role *ro = &fs->role[r];

		fprintf(fp, "%s%s\n", role_names[r], ro->bold ? "（粗体）" : "");
		for (i = 0; i < ro->nfam; i++) {
			p = FcPatternCreate();
			FcPatternAddString(p, FC_FAMILY,
			    (const FcChar8 *)ro->fam[i]);
			FcPatternAddInteger(p, FC_WEIGHT, ro->bold ?
			    FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
			FcPatternAddString(p, FC_LANG,
			    (const FcChar8 *)fs->lang);
			FcConfigSubstitute(fs->fc, p, FcMatchPattern);
			FcDefaultSubstitute(p);
			m = FcFontMatch(fs->fc, p, &res);
			if (m != NULL &&
			    FcPatternGetString(m, FC_FILE, 0, &file) ==
			    FcResultMatch &&
			    FcPatternGetString(m, FC_FAMILY, 0, &fam) ==
			    FcResultMatch) {
				if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) !=
				    FcResultMatch)
					idx = 0;
				fprintf(fp, "  %s %s → %s", i == 0 ? "首选" :
				    "后备", ro->fam[i], file);
				if (idx > 0)
					fprintf(fp, "（第 %d 个字面）", idx);
				fputc('\n', fp);
			}
			if (m != NULL)
				FcPatternDestroy(m);
			FcPatternDestroy(p);
		}
	}
}
