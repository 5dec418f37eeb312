/* msg.h -- diagnostics: one function, one message table, one exit status. */
#ifndef JIANBAO_MSG_H
#define JIANBAO_MSG_H

#include "jianbao.h"

/*
 * The band an id falls in decides its level: ids between MSG_WARNING and
 * MSG_ERROR are warnings, between MSG_ERROR and MSG_FATAL errors (the
 * document is skipped, nothing is written for it), after MSG_FATAL system
 * errors.  Each id has one printf format in the table in msg.c; every
 * format names the problem first and quotes its subject with “”.
 */
enum msgid {
	MSG_WARNING,		/* ---- warnings ---- */
	MSG_FM_UNKNOWN_KEY,	/* unknown front-matter key */
	MSG_SERIES_UNKNOWN_KEY,	/* unknown key in bulletin.yaml */
	MSG_RAW_HTML,		/* raw HTML dropped */
	MSG_CODE_BLOCK,		/* code block printed as text */
	MSG_NO_ARTICLES,	/* body has no ## heading */
	MSG_TEXT_BEFORE_ARTICLE, /* text before the first ## */
	MSG_IMAGE_NO_ALT,	/* image without alt text */
	MSG_ORPHAN_CHAR,	/* lone character on a paragraph's last line */
	MSG_ERROR,		/* ---- errors: document skipped ---- */
	MSG_FM_NONE,		/* file does not start with front matter */
	MSG_FM_UNCLOSED,	/* front matter not closed by --- */
	MSG_FM_SYNTAX,		/* YAML syntax error */
	MSG_FM_NOT_MAPPING,	/* front matter is not a mapping */
	MSG_FM_MISSING,		/* required key missing */
	MSG_FM_TYPE_INT,	/* expected a whole number */
	MSG_FM_TYPE_STRING,	/* expected text */
	MSG_FM_TYPE_LIST,	/* expected a list or text */
	MSG_FM_TYPE_MAP,	/* expected a mapping */
	MSG_FM_RANGE,		/* number out of range */
	MSG_FM_DATE,		/* bad date */
	MSG_FM_LANG,		/* unknown language tag */
	MSG_FM_DIST_KEY,	/* distribution key not 报/送/发 */
	MSG_FM_DUPLICATE,	/* key given twice */
	MSG_FM_ALIAS,		/* YAML aliases not allowed */
	MSG_UTF8,		/* invalid UTF-8 */
	MSG_NUL,		/* NUL byte */
	MSG_TOO_LARGE,		/* input larger than the limit */
	MSG_TOO_DEEP,		/* nesting deeper than the limit */
	MSG_IMAGE_MISSING,	/* image file not found */
	MSG_IMAGE_OUTSIDE,	/* image path leaves the issue folder */
	MSG_IMAGE_BAD,		/* image cannot be decoded */
	MSG_IMAGE_TOO_BIG,	/* image beyond the pixel limit */
	MSG_GLYPH_MISSING,	/* no configured font covers a character */
	MSG_FONT_MISSING,	/* a font role names a family that does not exist */
	MSG_TEMPLATE,		/* template file broken */
	MSG_FATAL,		/* ---- system errors: run stops ---- */
	MSG_OPEN,		/* cannot open a file */
	MSG_READ,		/* cannot read */
	MSG_WRITE,		/* cannot write */
	MSG_RENAME,		/* cannot rename into place */
	MSG_MKDIR,		/* cannot create a folder */
	MSG_USAGE,		/* bad command line */
	MSG__MAX
};

/*
 * Print "file:line:col: 错误：text" (警告 for warnings) to stderr and raise
 * the exit status.  pos may be NULL; a zero line or column is left out.
 * The arguments fill the format of id in the message table.
 */
void	 msg(enum msgid id, const struct jb_pos *pos, ...);

/* The reason for a failed system call, in Chinese where it is a common
 * one (no permission, disk full, no such file); static storage. */
const char	*msg_strerror(int errnum);

/* Worst level so far: 0 nothing, 1 warnings, 2 errors, 3 system errors. */
int	 msg_level(void);

/* Number of errors (not warnings) reported so far; lets a caller see
 * whether one document produced errors. */
int	 msg_errors(void);

/* Send diagnostics to fp instead of stderr (tests); NULL restores stderr. */
void	 msg_set_stream(void *fp);

/* Silence warnings (used when loading the previous issue for context). */
void	 msg_set_quiet(int quiet);

#endif
