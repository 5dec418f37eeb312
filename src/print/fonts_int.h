/* fonts_int.h -- font roles of GB/T 9704 mapped to fontconfig families, and the Pango context to shape with. */
#ifndef JIANBAO_PRINT_FONTS_INT_H
#define JIANBAO_PRINT_FONTS_INT_H

#include <stdio.h>

#include "model/model.h"

struct _PangoContext;
struct _PangoFont;

/*
 * A font set resolves each role (jianbao.h) to a chain of families: the
 * series' choice (series->fonts[role]) if given, else a default chain of
 * free faces (Fandol, Noto CJK, Liberation Serif).  Before the Pango font
 * map is made, the project's fonts/ folder (fontdir; licensed office fonts
 * dropped there win) and the TeX Live Fandol folder are added to
 * fontconfig as application fonts, since Fandol is not registered.
 *
 * font_new() returns a set the caller frees with font_free(), or NULL
 * after reporting MSG_FONT_MISSING for every role whose family does not
 * exist.  fontdir may be NULL or missing.  pos is where the series set the
 * fonts (for diagnostics); it may be NULL.
 */
struct font_set;
struct font_prep;

/*
 * Reading fontconfig's configuration and adding the font folders is most
 * of font_new()'s work and needs nothing of the issue.  font_prepare()
 * starts it in a thread of its own, for a caller with other work to do
 * first (reading the issue); font_new() given the result takes the
 * configuration over, waiting for the thread if need be.  font_unprepare()
 * waits for the thread and frees what no font_new() took.  font_prepare()
 * returns NULL when no thread can be started, and NULL is a valid prep
 * everywhere (font_new() then reads the configuration itself).
 */
struct font_prep	*font_prepare(const char *fontdir);
void			 font_unprepare(struct font_prep *fp);	/* NULL: no-op */

/* fp: NULL, or from font_prepare() with the same fontdir. */
struct font_set	*font_new(const struct jb_series *s, enum jb_lang lang,
		    const char *fontdir, struct font_prep *fp);
void		 font_free(struct font_set *fs);		/* NULL: no-op */

/*
 * The Pango context every measurement and every painting uses: 72 units
 * per inch (1 unit = 1 pt), unrounded glyph positions, no hinted metrics,
 * language zh-cn or zh-tw.  Borrowed; lives as long as fs.
 */
struct _PangoContext	*font_context(const struct font_set *fs);

/* The comma-separated family chain for role, as Pango takes it. */
const char	*font_families(const struct font_set *fs, enum jb_role role);

/* Whether role is set in a bold face (小标宋 substitutes). */
int		 font_bold(const struct font_set *fs, enum jb_role role);

/* The Pango language tag: "zh-cn" or "zh-tw". */
const char	*font_lang(const struct font_set *fs);

/*
 * Whether font (one Pango chose while shaping) belongs to role's chain or
 * to the digits chain; anything else is a silent fallback the caller
 * reports as MSG_GLYPH_MISSING.
 */
int		 font_allowed(const struct font_set *fs, enum jb_role role,
		    struct _PangoFont *font);

/* Print, for `jianbao fonts`, which file serves each role. */
void		 font_list(const struct font_set *fs, FILE *fp);

#endif
