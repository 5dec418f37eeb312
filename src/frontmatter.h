/* frontmatter.h -- YAML front matter and bulletin.yaml into validated settings. */
#ifndef JIANBAO_FRONTMATTER_H
#define JIANBAO_FRONTMATTER_H

#include <stddef.h>

#include "jianbao.h"

/*
 * Parse the YAML text yaml[0..len) of an issue's front matter into d->meta,
 * merged with the series defaults of d->series; strings come from d->arena.
 * line0 is the file line the YAML starts on, for diagnostics.  The 编者按
 * text, which the caller turns into blocks, is returned in *note (NULL if
 * absent) with its position in *notepos.
 * Returns 0, or -1 after reporting every problem with file:line:col.
 */
int	 fm_parse_meta(struct jb_doc *d, const char *yaml, size_t len, int line0,
	    const char **note, struct jb_pos *notepos);

/* Parse "YYYY-MM-DD" strictly (real calendar dates only); 0 or -1. */
int	 fm_parse_date(const char *s, struct jb_date *out);

/* Language tag "zh-Hans"/"zh-Hant" (also zh-CN, zh-TW, zh-HK); 0 or -1. */
int	 fm_parse_lang(const char *s, enum jb_lang *out);

/*
 * Parse bulletin.yaml.  Returns settings the caller frees with
 * series_free(), or NULL after reporting every problem with file:line:col.
 * Unknown keys are warnings.
 */
struct jb_series	*series_load(const char *path);
void			 series_free(struct jb_series *s);	/* NULL: no-op */

#endif
