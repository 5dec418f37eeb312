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

/*
 * Parse a 期号 or 总期号 as written: a number ("7"), or the first and last
 * numbers of a 合刊 joined by -, –, — or － ("7-8", "7—8").  Sets *first
 * and *last (equal for a single number).  Returns 0; -1 when s is neither
 * form (a range whose numbers are not in order is returned as it is: the
 * caller reports that).
 */
int	 fm_parse_range(const char *s, long *first, long *last);

/* Parse "YYYY-MM-DD" strictly (real calendar dates only); 0 or -1. */
int	 fm_parse_date(const char *s, struct jb_date *out);

/* Language tag "zh-Hans"/"zh-Hant" (also zh-CN, zh-TW, zh-HK); 0 or -1. */
int	 fm_parse_lang(const char *s, enum jb_lang *out);

/*
 * The keys of an issue's front matter: the one table of their names,
 * which fm_parse_meta() accepts, `check` looks for to point at a key's
 * line and `new` writes and carries over.
 */
enum fm_key {
	FM_KEY_ISSUE,			/* 期号 */
	FM_KEY_TOTAL,			/* 总期号 */
	FM_KEY_DATE,			/* 日期 */
	FM_KEY_ORG,			/* 编印单位 */
	FM_KEY_LANG,			/* 语言 */
	FM_KEY_CLASS,			/* 密级 */
	FM_KEY_COPIES,			/* 共印 */
	FM_KEY_NOTE,			/* 编者按 */
	FM_KEY_DIST,			/* 分送 */
	FM_KEY_EXTRA,			/* 本期增发 */
	FM_KEY_CREDITS,			/* 署名 */
	FM_KEY_IGNORE,			/* 检查忽略 */
	FM_KEY_KIND,			/* 刊别 */
	FM_KEY__MAX
};

/* A key's names; any of them may be written, jianbao writes zh. */
struct fm_keydef {
	const char	*zh;		/* Simplified */
	const char	*en;		/* English alias */
	int		 id;		/* in fm_keys[], its enum fm_key */
	const char	*hant;		/* Traditional spelling, NULL if the same */
};

/* fm_keys[k] names key k; a NULL zh follows the last key.  Read-only. */
extern const struct fm_keydef	 fm_keys[];

/* 1 if s[0..n) is one of the names of key k, else 0. */
int	 fm_key_is(enum fm_key k, const char *s, size_t n);

/*
 * Parse bulletin.yaml.  Returns settings the caller frees with
 * series_free(), or NULL after reporting every problem with file:line:col.
 * Unknown keys are warnings.
 */
struct jb_series	*series_load(const char *path);
void			 series_free(struct jb_series *s);	/* NULL: no-op */

/* The kind (刊别) of s called name, or NULL. */
const struct jb_kind	*series_kind(const struct jb_series *s, const char *name);

/* “增刊”、“特刊”: the kinds of s quoted, for a message; from arena a. */
const char		*series_kind_names(struct arena *a,
			    const struct jb_series *s);

#endif
