/* util.h -- what every stage uses: allocation and arenas, diagnostics, input and output files, the program's own folder. */
#ifndef JIANBAO_UTIL_UTIL_H
#define JIANBAO_UTIL_UTIL_H

#include <stddef.h>
#include <stdio.h>

/* Where a diagnostic points: a place in a source file. */
struct jb_pos {
	const char	*file;		/* borrowed: path as given */
	int		 line;		/* 1-based; 0 = unknown */
	int		 col;		/* 1-based, in characters; 0 = unknown */
};

/* allocation that never returns NULL, and per-document arenas. */

/*
 * malloc/calloc/realloc/strdup that abort the program with a message on
 * out-of-memory, so no caller checks for NULL.  The caller owns the result
 * and releases it with free().
 */
void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);

/*
 * An arena hands out memory that lives until arena_free() releases all of
 * it at once.  Everything that lives exactly as long as one document
 * (front-matter strings, blocks, runs) comes from the document's arena.
 * Never hand arena memory to a library that may free() it.
 */
struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *a);		/* NULL is a no-op */
void		*arena_alloc(struct arena *a, size_t size);	/* zeroed */
char		*arena_strdup(struct arena *a, const char *s);	/* NULL -> NULL */
char		*arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char		*arena_printf(struct arena *a, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * A growable byte buffer, always NUL-terminated once written to (data is
 * NULL before).  The owner frees it with buf_free(); a caller that keeps
 * the bytes takes data and must free() it.
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *b, const char *s, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *b);	/* leaves b empty and reusable */

/* A growable array of elements of one size, copied into the arena when done. */
struct vec {
	char	*v;
	size_t	 n;
	size_t	 cap;
	size_t	 size;
};

/*
 * vec_push() makes room for one more element at the end of x, zeroed, and
 * returns it (the pointer lasts until the next push); vec_finish() copies
 * the elements into arena a, stores their number in *n, returns them
 * (NULL when there are none) and leaves x empty.
 */
void	*vec_push(struct vec *x);
void	*vec_finish(struct vec *x, struct arena *a, size_t *n);

/* the classes of Chinese text every stage shares (zhtext.c). */

/*
 * zh_wide(): 1 if c is East Asian wide or full-width (Unicode W, F) or a
 * half-width form (U+FF61..FFDC), but not Hangul, whose words keep their
 * spaces.  A line break between two such characters vanishes (CSS Text
 * 3), and a title gives them a whole cell.  zh_wide_ambiguous(): 1 if c
 * is wide or of ambiguous width (W, F, A) as legacy East Asian text
 * counts it: “ ” · — and Greek and Cyrillic letters too, Hangul too, but
 * not the half-width forms.  zh_punct(): 1 if c is punctuation (Unicode
 * P*: marks, brackets, quotes, dashes).  zh_han(): a Han character.
 * zh_text(): Chinese text as the half-width-mark rule of check and check
 * --fix has it: Han, CJK marks (not 　), full-width forms, curly quotes,
 * … and —.  zh_ems(): the width of UTF-8 string s in 字 as GB/T 9704
 * counts it, a wide character one, any other half.
 */
int		 zh_wide(unsigned long c);
double		 zh_ems(const char *s);
int		 zh_wide_ambiguous(unsigned long c);
int		 zh_punct(unsigned long c);
int		 zh_han(unsigned long c);
int		 zh_text(unsigned long c);

/* The full-width form of the half-width mark c (, . ; : ? ! ( ) become
 * ，。；：？！（）), or 0 when c is none of them. */
unsigned long	 zh_full_width(unsigned long c);
/* 1 if c is one of those half-width marks or the full-width form of one. */
int		 zh_either_width(unsigned long c);

/*
 * Line-break classes (typesetting.md §3.1, §3.9).  A line may not start
 * with a no_start mark (clreq strict: closing marks, pauses and stops,
 * ·, …, —, ％) nor end with a no_end one (opening marks); a stop is a
 * pause or stop mark or the dash, after which a phrase ends; open and
 * close quotes are “‘「『 and ”’」』; pair marks (—— ……) neither break
 * nor stretch inside; an interpunct (·) is set in ½ em; a space (U+0020,
 * U+3000) vanishes at a line end.  zh_tailor_break() takes UAX #14's
 * answer uax14 (1: a line may break between pc and c) and returns
 * Chinese text's: quotes as opening and closing marks, no line starting
 * with a no_start mark nor ending with a no_end one.
 */
int		 zh_no_start(unsigned long c);
int		 zh_no_end(unsigned long c);
int		 zh_stop(unsigned long c);
int		 zh_open_quote(unsigned long c);
int		 zh_close_quote(unsigned long c);
int		 zh_pairmark(unsigned long c);
int		 zh_interpunct(unsigned long c);
int		 zh_space(unsigned long c);
int		 zh_tailor_break(unsigned long pc, unsigned long c, int uax14);

/*
 * where a title's lines end, for print, the phone image and Word
 * (titlebreak.c, linked into their modules with ICU; the web page has the
 * reader's browser cut its titles into words, templates/titles.js).
 */

/*
 * A title breaker: ICU's word and line iterators for Chinese, opened on
 * first use and kept for the next title.  tbrk_new() never fails (without
 * ICU's dictionary every break counts as one between words); the caller
 * frees it with tbrk_free() (NULL: no-op).
 */
struct tbrk;

struct tbrk	*tbrk_new(void);
void		 tbrk_free(struct tbrk *t);

/* What a line break inside a word costs (em²): the last resort. */
#define TBRK_INSIDE	1e4

/*
 * What ending a line of the title s (len bytes, n characters) before
 * each character costs (GB/T 9704 §7.3.1: break at meaning boundaries):
 * nothing after a pause or stop mark, a dash or a space; a little beside
 * a quoted or bracketed phrase; more between two words of ICU's
 * dictionary; TBRK_INSIDE inside a word; -1 where no line may break.
 * brk[i] (n entries) says whether a line may break before character i at
 * all, as the caller's shaper has it; with NULL, UAX #14 by ICU, tailored
 * by zh_tailor_break().  Returns n + 1 costs (the first and last 0; the
 * caller frees them) and n in *n, or NULL for an empty title, one over
 * 200 characters or one with a line break in it.
 */
double		*tbrk_costs(struct tbrk *t, const char *s, size_t len,
		    const unsigned char *brk, size_t *n);

/*
 * Break the n characters with costs cost[] (tbrk_costs()) into the fewest
 * lines no wider than w (at most maxl of them; 0: any number) that need
 * no break inside a word (if that is impossible, the fewest at all),
 * choosing among them the breaks that keep the lines closest to even
 * length (squared deviation from the mean, in em²) plus the cost of each
 * break.  width(arg, s, e) is the width of characters [s, e) set as one
 * line.  Fills start[] (n + 1, the caller's) with the first character of
 * each line and n after the last; returns the number of lines, or 0 when
 * none fits.  tbrk_narrowest() returns the narrowest measure that sets
 * them in at most maxl lines (0: as many as it takes) broken only between
 * words or at marks.
 */
size_t		 tbrk_lines(const double *cost, size_t n,
		    double (*width)(void *arg, size_t s, size_t e), void *arg,
		    double w, double em, size_t maxl, size_t *start);
double		 tbrk_narrowest(const double *cost, size_t n,
		    double (*width)(void *arg, size_t s, size_t e), void *arg,
		    size_t maxl);

/* diagnostics: one function, one message table, one exit status. */

/*
 * The band an id falls in decides its level: ids before MSG_WARNING are
 * notices (what was done: a repair, a conversion), printed without a
 * level word, their text saying what it is, and raising no exit status;
 * ids between MSG_WARNING and
 * MSG_ERROR are warnings, between MSG_ERROR and MSG_FATAL errors (the
 * document is skipped, nothing is written for it), after MSG_FATAL system
 * errors.  Each id has one printf format in the table in msg.c; every
 * format names the problem first and quotes its subject with “”.
 */
enum msgid {
	MSG_NOTICE,		/* ---- notices ---- */
	MSG_FIX_HALFWIDTH,	/* check --fix: , . ; : ? ! ( ) made full-width */
	MSG_FIX_QUOTES,		/* check --fix: straight quotes made curly or corner */
	MSG_FIX_CJK_SPACE,	/* check --fix: a space between Chinese text removed */
	MSG_FIX_IDEO_SPACE,	/* check --fix: a run of 　 inside a paragraph removed */
	MSG_IMPORT_ENCODING,	/* import: text converted from GB18030 or UTF-16 */
	MSG_IMPORT_MOVED,	/* import: a masthead or footer line into front matter */
	MSG_IMPORT_TOC,		/* import: a typed 目录 line kept as a comment */
	MSG_IMPORT_CONVERTED,	/* import: a .doc converted by LibreOffice */
	MSG_IMPORT_PAGE,	/* import: a page number dropped */
	MSG_IMPORT_PIC_CONVERTED, /* import: a GIF, BMP, TIFF or WebP picture made PNG */
	MSG_IMPORT_RUNNING,	/* import: a PDF's running head or foot dropped */
	MSG_IMPORT_CHROME,	/* import: web-page furniture kept as comments */
	MSG_IMPORT_OUTLINE,	/* import: what it made of the submission */
	MSG_DOCX_TOC,		/* import: a Word table of contents dropped */
	MSG_WARNING,		/* ---- warnings ---- */
	MSG_FM_UNKNOWN_KEY,	/* unknown front-matter key */
	MSG_SERIES_UNKNOWN_KEY,	/* unknown key in bulletin.yaml */
	MSG_RAW_HTML,		/* raw HTML dropped */
	MSG_CODE_BLOCK,		/* code block printed as text */
	MSG_NO_ARTICLES,	/* body has no ## heading */
	MSG_TEXT_BEFORE_ARTICLE, /* text before the first ## */
	MSG_IMAGE_NO_ALT,	/* image without alt text */
	MSG_IMAGE_IN_TEXT,	/* a picture inside a paragraph of text */
	MSG_ORPHAN_CHAR,	/* lone character on a paragraph's last line */
	MSG_LOOSE_LINE,		/* a justified line stretched by over 1 字 */
	MSG_CHK_HALFWIDTH,	/* check: , . ; : ? ! ( ) in Chinese text (edit/marks.c) */
	MSG_CHK_UNCLOSED,	/* check: opening quote or bracket never closed */
	MSG_CHK_UNOPENED,	/* check: closing quote or bracket without opening */
	MSG_CHK_MISNESTED,	/* check: closing mark does not match the open one */
	MSG_CHK_MIXED_QUOTES,	/* check: “” and 「」 in one zh-Hans issue */
	MSG_CHK_SPLIT_PARA,	/* check: paragraph split mid-sentence */
	MSG_CHK_DATE_FORMAT,	/* check: date not written as 2019年8月30日 */
	MSG_CHK_DOUBLED,	/* check: doubled character or word */
	MSG_CHK_CJK_SPACE,	/* check: space between Chinese characters */
	MSG_CHK_MARK_SPACE,	/* check: space beside a full-width mark */
	MSG_CHK_ISSUE_GAP,	/* check: 期号 missing in a year */
	MSG_CHK_FUTURE_DATE,	/* check: issue dated after today */
	MSG_CHK_NO_CREDITS,	/* check: no 审核/校对/编辑 credits */
	MSG_CHK_NO_DIST,	/* check: no 报/送/发 distribution */
	MSG_CHK_LONG_TITLE,	/* check: title longer than two lines */
	MSG_CHK_UNKNOWN_RULE,	/* check: 检查忽略 or ignore marker names no rule */
	MSG_CHK_FILE_NAME,	/* check: file name not that of its 刊别 and 期号 */
	MSG_IMPORT_UNMAPPED,	/* import: a line with no place in the issue file */
	MSG_IMPORT_JOINED,	/* import: two halves of a paragraph rejoined */
	MSG_IMPORT_NAME,	/* import: 刊名 differs from the series */
	MSG_IMPORT_PRINT_DATE,	/* import: 印发 date differs from the masthead */
	MSG_IMPORT_NO_DIST,	/* import: no 报/送/发 lines found */
	MSG_IMPORT_NO_CREDITS,	/* import: no 审核/校对/编辑 line found */
	MSG_IMPORT_GUESSED,	/* import: 期号 and 日期 by new's rule */
	MSG_IMPORT_NO_TITLE,	/* import: an article without a title got one */
	MSG_IMPORT_MASTHEAD_AGAIN, /* import: a later file's masthead not used */
	MSG_DOCX_TRACKED,	/* import: tracked changes taken as accepted */
	MSG_DOCX_COMMENT,	/* import: a comment kept as a [//]: # line */
	MSG_DOCX_TEXTBOX,	/* import: a text box kept as a paragraph */
	MSG_DOCX_FOOTNOTE,	/* import: a footnote or endnote kept as a paragraph */
	MSG_DOCX_LINKED_IMAGE,	/* import: a picture outside the file, not taken */
	MSG_DOCX_TABLE_TEXT,	/* import: a one-row table taken as paragraphs */
	MSG_DOCX_TABLE_MERGED,	/* import: a table's merged cells left blank */
	MSG_IMPORT_PIC_LOST,	/* import: a picture that cannot be printed, a placeholder instead */
	MSG_DOCX_NOTE_LOST,	/* import: a note reference with no note */
	MSG_CHK_PRIVATE_USE,	/* check: private-use character (PDF copy debris) */
	MSG_CHK_STRAIGHT_QUOTE,	/* check: straight quote left unpaired in Chinese text */
	MSG_ERROR,		/* ---- errors: document skipped ---- */
	MSG_FM_NONE,		/* file does not start with front matter */
	MSG_EMPTY_TITLE,	/* an article heading with no text */
	MSG_PARA_TOO_LONG,	/* a paragraph beyond the limit */
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
	MSG_FM_ISSUE_FORM,	/* 期号 neither a number nor a 合刊's 7-8 */
	MSG_FM_ISSUE_ORDER,	/* a 合刊's numbers not in order: 8-7, 7-7 */
	MSG_FM_TOTAL_SPAN,	/* 总期号 range not as long as the 期号 one */
	MSG_FM_KIND,		/* 刊别 not one the series names */
	MSG_SERIES_KIND_PREFIX,	/* bulletin.yaml: a 刊别 without a file prefix */
	MSG_SERIES_KIND_BAD,	/* bulletin.yaml: bad or repeated 刊别 or prefix */
	MSG_UTF8,		/* invalid UTF-8 */
	MSG_NUL,		/* NUL byte */
	MSG_TOO_LARGE,		/* input larger than the limit */
	MSG_TOO_DEEP,		/* nesting deeper than the limit */
	MSG_IMAGE_MISSING,	/* image file not found */
	MSG_IMAGE_OUTSIDE,	/* image path leaves the issue folder */
	MSG_IMAGE_BAD,		/* image cannot be decoded */
	MSG_IMAGE_TOO_BIG,	/* image beyond the pixel limit */
	MSG_IMAGE_ROW,		/* more pictures side by side than a row holds */
	MSG_GLYPH_MISSING,	/* no configured font covers a character */
	MSG_FONT_MISSING,	/* a font role names a family that does not exist */
	MSG_TEMPLATE,		/* template file broken */
	MSG_CHK_DUPLICATE,	/* check: 期号 given to two issues of a year */
	MSG_CHK_DATE_ORDER,	/* check: date earlier than the issue before */
	MSG_NEW_EXISTS,		/* new: the next issue's file exists already */
	MSG_OUT_EXISTS,		/* import: the output exists and no --force */
	MSG_IMPORT_EMPTY,	/* import: a file with no text at all */
	MSG_ENCODING,		/* import: text in no encoding we read */
	MSG_DOCX_NOT_ZIP,	/* import: a .docx that is no zip */
	MSG_DOCX_NO_DOCUMENT,	/* import: zip without word/document.xml */
	MSG_DOCX_ENCRYPTED,	/* import: password-protected Word file */
	MSG_DOCX_OLD,		/* import: .doc or .wps, no LibreOffice */
	MSG_DOCX_CONVERT,	/* import: LibreOffice could not convert */
	MSG_DOCX_TOO_BIG,	/* import: an entry beyond the size or ratio caps */
	MSG_DOCX_TOO_MANY,	/* import: too many entries */
	MSG_DOCX_SIZE_LIE,	/* import: an entry unpacks to more than it says */
	MSG_DOCX_BAD_NAME,	/* import: entry name with ../ or absolute */
	MSG_DOCX_XML,		/* import: a part is not well-formed XML */
	MSG_PDF_NO_TEXT,	/* import: a PDF without a text layer */
	MSG_PDF_ENCRYPTED,	/* import: a PDF that needs a password */
	MSG_PDF_BAD,		/* import: poppler cannot open the PDF */
	MSG_PDF_TOO_MANY_PAGES,	/* import: a PDF beyond the pages cap */
	MSG_PDF_SLOW,		/* import: a PDF beyond the time cap */
	MSG_DOCX_DTD,		/* import: a part declares a DTD or entities */
	MSG_FM_CHOICE,		/* a setting that is not one of its choices */
	MSG_TABLE_RAGGED,	/* a table row with more or fewer cells than the header */
	MSG_TABLE_EMPTY,	/* a table with a header row only */
	MSG_TABLE_BLANK,	/* a table whose body cells are all empty */
	MSG_TABLE_NESTED,	/* a table inside a list, box or 编者按 */
	MSG_TABLE_NO_TABLE,	/* a 表题 paragraph not followed by a table */
	MSG_TABLE_TOO_WIDE,	/* a table wider than the type area */
	MSG_TABLE_TOO_WIDE_TURNED, /* ... even across a landscape page */
	MSG_FATAL,		/* ---- system errors: run stops ---- */
	MSG_OPEN,		/* cannot open a file */
	MSG_READ,		/* cannot read */
	MSG_WRITE,		/* cannot write */
	MSG_RENAME,		/* cannot rename into place */
	MSG_MKDIR,		/* cannot create a folder */
	MSG_PRESS,		/* the print module cannot be loaded */
	MSG_MOD_WORD,		/* the Word edition's module cannot be loaded */
	MSG_MOD_IMPORT,		/* import's module cannot be loaded */
	MSG_MOD_DECODE,		/* import's PDF and picture module cannot be loaded */
	MSG_MOD_SERVE,		/* serve's module cannot be loaded */
	MSG_USAGE,		/* bad command line */
	MSG_WORKER,		/* build: a worker process died */
	MSG_SERVE_LISTEN,	/* serve: cannot listen on the address */
	MSG_SERVE_WATCH,	/* serve: cannot watch a folder for changes */
	MSG_SERVE_PASSWORD,	/* serve: a password file line is not name:hash */
	MSG__MAX
};

/*
 * Print "file:line:col: 错误：text" (警告 for warnings) to stderr and raise
 * the exit status.  pos may be NULL; a zero line or column is left out.
 * The arguments fill the format of id in the message table.  An id that
 * has a rule id (the findings of `jianbao check`) ends with " [rule-id]".
 */
void	 msg(enum msgid id, const struct jb_pos *pos, ...);

/* The reason for a failed system call, in Chinese where it is a common
 * one (no permission, disk full, no such file); static storage. */
const char	*msg_strerror(int errnum);

/* The rule id of a message, such as "halfwidth-punct", or NULL. */
const char	*msg_rule(enum msgid id);

/* Is s a rule id that some message carries?  1 or 0. */
int	 msg_is_rule(const char *s);

enum msg_format {
	MSG_FORMAT_TEXT,	/* file:line:col: 警告：text [rule] */
	MSG_FORMAT_JSON		/* one JSON object per line: file, line, col,
				   level ("警告"/"错误"), rule (or null), message */
};

/* Choose the output format of every later diagnostic. */
void	 msg_set_format(enum msg_format f);

/*
 * Ask keep(id, pos, arg) before each diagnostic; when it returns 0 the
 * diagnostic is neither printed nor counted (suppressed findings).  NULL
 * removes the filter.
 */
void	 msg_set_filter(int (*keep)(enum msgid, const struct jb_pos *, void *),
	    void *arg);

/* Worst level so far: 0 nothing, 1 warnings, 2 errors, 3 system errors. */
int	 msg_level(void);

/* Number of errors (not warnings) reported so far; lets a caller see
 * whether one document produced errors. */
int	 msg_errors(void);

/* Send diagnostics to fp instead of stderr (tests); NULL restores stderr. */
void	 msg_set_stream(void *fp);

/* Forget the level and the errors so far: a command that runs until it is
 * stopped (serve) judges each rebuild by itself, not by the first one. */
void	 msg_reset(void);

/* Silence warnings (used when loading the previous issue for context). */
void	 msg_set_quiet(int quiet);

/* read an input file whole, with the diagnostics every reader gives. */

/*
 * Append the bytes of the file at path to b.  A file that cannot be opened
 * or read is reported as shown (path when NULL) at pos (none when NULL);
 * with max > 0, a file of more than max bytes is reported as too large at
 * pos (the file itself when NULL), having read no more than max bytes.
 * Returns 0, or -1 after reporting; b then holds what was read and is
 * still the caller's to free.
 */
int	 infile_read(const char *path, const char *shown,
	    const struct jb_pos *pos, size_t max, struct buf *b);

/* write an output file beside its final name, then rename it into place. */

/*
 * A good output is never destroyed by a failed build: outfile_open() opens
 * "path.tmp-PID" (creating missing parent folders), the caller writes to
 * outfile_fp(), and outfile_commit() flushes, closes and renames it over
 * path.  outfile_abort() removes the temporary file instead.  Both free o.
 */
struct outfile;

struct outfile	*outfile_open(const char *path);	/* NULL after reporting */
FILE		*outfile_fp(struct outfile *o);
int		 outfile_commit(struct outfile *o);	/* 0, or -1 after reporting */
void		 outfile_abort(struct outfile *o);	/* NULL is a no-op */

/*
 * Write len bytes of data to path the same way, unless path already holds
 * exactly those bytes: an unchanged file keeps its time stamp, so make,
 * copies and caches downstream see it unchanged.  outfile_copy() does the
 * same with the contents of the file src.  Both return 0, or -1 after
 * reporting; on failure path (dst) is untouched.
 */
int		 outfile_put(const char *path, const void *data, size_t len);
int		 outfile_copy(const char *src, const char *dst);

/* Create every missing folder leading to path's last component.
 * Returns 0, or -1 after reporting. */
int		 outfile_mkparents(const char *path);

/*
 * The time an output is to carry instead of now, for reproducible builds:
 * SOURCE_DATE_EPOCH, seconds since 1970, in UTC in *tm.  Returns 0, or -1
 * (tm untouched) when it is not set or not a number of seconds.
 */
struct tm;
int		 outfile_epoch(struct tm *tm);

/* the program's own files: the folder it runs from and the defaults installed beside it. */

/*
 * `make install` puts the program and its print module in PREFIX/bin and
 * the default series file, templates and fonts/ in PREFIX/DATADIR_SHARE.
 * The program finds them from its own folder, never from a PREFIX built
 * into it, so a copy installed under DESTDIR or moved elsewhere still
 * finds its own files.
 */
#define DATADIR_SHARE	"share/jianbao"

/*
 * The absolute path of name in the folder of the running executable, as
 * the kernel gives it through /proc/self/exe (symlinks to the executable
 * resolved, so a link elsewhere still names the real folder).  The caller
 * frees the result.  NULL with errno set when /proc/self/exe cannot be
 * read; nothing is reported.
 */
char		*datadir_beside(const char *name);

/*
 * Where the default file or folder name ("bulletin.yaml", "templates")
 * is: name itself when it exists in the current folder, so an editor's
 * own copy always wins; else the installed copy, PREFIX/DATADIR_SHARE/name
 * with PREFIX the folder above the executable's, when that exists; else
 * name again, so that what reports it missing names the file the editor
 * is expected to have.  Never fails.  The result is name itself or a
 * string that lives until the process ends.
 */
const char	*datadir_find(const char *name);

/* stages built as modules, loaded from the folder of the executable. */

/*
 * A stage that only some commands use (print, the Word edition, import,
 * serve) is built as a shared object beside the executable, so that the
 * other commands start without loading and relocating its libraries.  It
 * exports one symbol, the table of the functions the program may call in
 * it, and calls back into the executable, which exports its own functions
 * for it.  A struct mod names one such module; its loader keeps it static.
 */
struct mod {
	const char	*file;		/* file name: "jianbao-word.so" */
	const char	*sym;		/* the symbol of its table */
	enum msgid	 msg;		/* reported when it cannot be loaded,
					   with its path and the reason */
	int		 tried;		/* set by mod_load() */
	const void	*table;		/* its table, once loaded */
};

/*
 * Load m->file from the folder of the running executable (found through
 * /proc/self/exe, so symlinks to the executable work) on the first call,
 * and return its table; later calls return the same table.  Returns NULL
 * after reporting m->msg when the module is missing or cannot be loaded;
 * later calls then return NULL without reporting again.  The module
 * stays loaded until the process ends.
 */
const void	*mod_load(struct mod *m);
/* a ZIP package made in memory, its entries in a fixed order with fixed times. */

/*
 * zipout_new() starts an archive in memory; zipout_add() adds len bytes
 * at data, which must live until zipout_finish(), as the entry name
 * (UTF-8), stored when store is set (pictures, compressed already), else
 * deflated at a fixed level; zipout_finish() puts the archive into out
 * and frees zo.  Entries are written in the order added, each with the
 * time of SOURCE_DATE_EPOCH (1980-01-01 without it) and no extra fields,
 * so the same entries give the same bytes.  A failure of any step is
 * reported by zipout_finish() as one writing path (at pos, or none when
 * NULL), which then returns -1; else 0.
 */
struct zipout;

struct zipout	*zipout_new(void);
void		 zipout_add(struct zipout *zo, const char *name,
		    const void *data, size_t len, int store);
int		 zipout_finish(struct zipout *zo, struct buf *out,
		    const struct jb_pos *pos, const char *path);

#endif
