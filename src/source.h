/* source.h -- an issue file's text as every reader sees it: cleaned, its lines indexed, its front matter fenced. */
#ifndef JIANBAO_SOURCE_H
#define JIANBAO_SOURCE_H

#include <stddef.h>

#include "jianbao.h"

/* What stands at the top of the text. */
enum src_fm {
	SRC_FM_OK,			/* "---" on line 1, closed by "---" or "..." */
	SRC_FM_NONE,			/* line 1 is not "---" */
	SRC_FM_UNCLOSED			/* "---" on line 1, no closing line */
};

/*
 * The text of one issue file, read once for the parser, `check` and `new`
 * alike so that their lines and columns agree.  A fence line is exactly
 * "---" (or "..." to close), trailing blanks allowed.  Everything the
 * struct points to is its own and goes with src_free().
 */
struct src {
	char		*name;		/* as given, for positions */
	char		*text;		/* LF line ends, no BOM, NUL-terminated */
	size_t		 len;		/* bytes of text */
	size_t		*lines;		/* byte offset of each line's start */
	size_t		 nlines;	/* >= 1; a final LF starts an empty line */
	int		 valid;		/* UTF-8 without NUL bytes */
	enum src_fm	 fm;
	/*
	 * With SRC_FM_OK, the YAML text between the fences and the body
	 * after the closing one; otherwise no YAML and the whole text is
	 * the body.
	 */
	const char	*yaml;
	size_t		 yamllen;
	int		 yamlline;	/* line of yaml[0]: 2 */
	const char	*body;
	size_t		 bodylen;
	int		 bodyline;	/* line of body[0], past the end if empty */
};

/*
 * The text buf[0..len) (need not be NUL-terminated) under name: a leading
 * byte-order mark is dropped and CR LF and lone CR become LF.  Never
 * fails; the caller frees the result with src_free().
 */
struct src	*src_new(const char *name, const char *buf, size_t len);

/*
 * The same from the file at path, read whole: a file that cannot be read
 * or has more than max bytes is reported (infile.h) and gives NULL.
 */
struct src	*src_read(const char *path, size_t max);

void		 src_free(struct src *t);			/* NULL: no-op */

/*
 * Report the first NUL byte, or else the first byte that is not UTF-8,
 * with its line and column.  Returns 0 for a valid text, -1 after
 * reporting.
 */
int		 src_check(const struct src *t);

/* Where byte offset off of the text stands: line, column in characters. */
struct jb_pos	 src_pos(const struct src *t, size_t off);

/*
 * The column in characters of byte column bcol (1-based) on line ln, as
 * editors count where cmark counts bytes; 0 when ln is not a line of the
 * text or bcol < 1.
 */
int		 src_col(const struct src *t, int ln, int bcol);

/*
 * Line ln (1-based): a pointer to its first byte, and in *n its length
 * without the line feed; NULL when there is no such line.
 */
const char	*src_line(const struct src *t, int ln, size_t *n);

/*
 * The width rule for CJK text.  src_wide(): 1 if c is East Asian wide or
 * full-width (Unicode W, F) or a half-width form (U+FF61..FFDC), but not
 * Hangul, whose words keep their spaces.  A line break between two such
 * characters vanishes (CSS Text 3), and a title gives them a whole cell.
 * src_wide_ambiguous(): 1 if c is wide or of ambiguous width (W, F, A)
 * as legacy East Asian text counts it: “ ” · — and Greek and Cyrillic
 * letters too, Hangul too, but not the half-width forms.
 */
int		 src_wide(unsigned long c);
int		 src_wide_ambiguous(unsigned long c);

/* 1 if c is punctuation (Unicode P*: marks, brackets, quotes, dashes). */
int		 src_punct(unsigned long c);

#endif
