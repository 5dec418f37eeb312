/* model.h -- the one validated document model every edition reads, and the readers that build it: issue text, front matter, series, pictures, issue files. */
#ifndef JIANBAO_MODEL_MODEL_H
#define JIANBAO_MODEL_MODEL_H

#include <stddef.h>
#include <stdio.h>

#include "util/util.h"

/* the one validated document model that every renderer reads. */

/*
 * Every string below is UTF-8, NUL-terminated and owned by the arena of the
 * series or document that holds it; renderers receive the model as const
 * and never free any part of it.
 */

struct arena;

enum jb_lang {
	JB_LANG_HANS,			/* zh-Hans: “” quotes, Simplified forms */
	JB_LANG_HANT			/* zh-Hant: 「」 quotes, Traditional forms */
};

struct jb_date {
	int	 year;
	int	 month;			/* 1..12 */
	int	 day;			/* 1..31 */
};

/* Font roles of GB/T 9704; fontconfig families per role live in the series. */
enum jb_role {
	JB_ROLE_XBS,			/* 小标宋: 刊名, titles */
	JB_ROLE_FANGSONG,		/* 仿宋: body, level 3-4, footer */
	JB_ROLE_HEITI,			/* 黑体: level 1, run-in leads, 编者按 label */
	JB_ROLE_KAITI,			/* 楷体: level 2, 期号, kickers, 编者按 text */
	JB_ROLE_SONGTI,			/* 宋体: page numbers */
	JB_ROLE_DIGITS,			/* Latin letters and digits */
	JB_ROLE__MAX
};

/* The distribution footer lines, in printing order. */
enum jb_dist {
	JB_DIST_BAO,			/* 报: upward */
	JB_DIST_SONG,			/* 送: peers */
	JB_DIST_FA,			/* 发: downward */
	JB_DIST__MAX
};

struct jb_strlist {
	const char	**v;
	size_t		  n;
};

/* A credit such as 审核：张三, in the order the editor wrote them. */
struct jb_credit {
	const char	*role;		/* 审核, 校对, 编辑, 签发 ... */
	const char	*name;
};

struct jb_credits {
	struct jb_credit	*v;
	size_t			 n;
};

/*
 * A kind of issue numbered in a sequence of its own (刊别), such as 增刊:
 * bulletin.yaml's 刊别 names the kinds a series has, 增刊 when it names
 * none.  Its issues live in issues/YYYY/PREFIX-NN.md (zk-01.md) beside
 * the regular NN.md.
 */
struct jb_kind {
	const char	*name;		/* 增刊, 特刊: printed under the 刊名 */
	const char	*prefix;	/* file name prefix, lowercase a-z: "zk" */
};

/* Whether the series makes an OFD edition with every print edition (OFD版). */
enum jb_ofd {
	JB_OFD_NONE,			/* 否 */
	JB_OFD,				/* 是 */
	JB_OFD_A			/* OFD-A: the archival subset */
};

/*
 * Series settings from bulletin.yaml: what stays the same from issue to
 * issue.  Loaded once by series_load() (frontmatter.h) and shared, read-only,
 * by every document of the run.
 */
struct jb_series {
	struct jb_pos		 src;		/* bulletin.yaml, line 1 */
	const char		*name;		/* 刊名, e.g. 创建工作动态 */
	const char		*org;		/* 编印单位 */
	enum jb_lang		 lang;		/* default language */
	int			 total_numbering; /* print 总第N期 */
	struct jb_strlist	 dist[JB_DIST__MAX]; /* default 报/送/发 */
	struct jb_credits	 credits;	/* default 审核/校对/编辑/签发 */
	const char		*fonts[JB_ROLE__MAX]; /* fontconfig family; NULL = default */
	const char		*base;		/* site base path, "/" or "/bulletins/" */
	const char		*classification; /* default mark, NULL = none */
	int			 table_large;	/* 表格字号: 三号 (default 四号) */
	int			 table_three_line; /* 表格样式: 三线 (default 全线) */
	int			 table_landscape; /* 表格横页: 是: a table too wide for
						   the page may be set across it */
	int			 ofd;		/* OFD版: enum jb_ofd */
	struct jb_kind		*kinds;		/* 刊别 an issue may name; never
						 * empty: [增刊] by default */
	size_t			 nkinds;
	/* The print edition's forms; the command line may set them too
	 * (cli.h), before the run's first document is read. */
	int			 pdfa;		/* PDF/A: 是 (--pdfa): the PDF claims
						   PDF/A-2b, with XMP and an sRGB
						   output intent */
	int			 preprinted;	/* 套打: 是 (--taoda): for paper whose
						   red masthead is printed already:
						   nothing red is printed, the rest
						   lands where it always does */
	int			 draft;		/* --draft: this run's issues are
						   drafts, marked draft_word on every
						   page and on the web page */
	const char		*draft_word;	/* 草稿字样: 征求意见稿, 校样 ...;
						   NULL: doc_draft_word() */
	struct arena		*arena;		/* owns everything above */
};

/* Text styles of a run; several may be set at once. */
#define JB_STYLE_STRONG		0x01	/* **bold**: run-in lead, 黑体 in print */
#define JB_STYLE_EM		0x02	/* *emphasis*: 楷体 in print */
#define JB_STYLE_CODE		0x04	/* `code`: set in the digits role */
#define JB_STYLE_BREAK		0x08	/* hard line break; text is "" */

/*
 * A run of text in one style.  Soft line breaks have already been folded:
 * between two CJK characters they vanish, elsewhere they become one space.
 */
struct jb_run {
	const char	*text;
	unsigned	 style;		/* JB_STYLE_* */
	const char	*href;		/* link target, or NULL */
};

/*
 * Pictures written alone in one paragraph: one is an IMAGE, two or three
 * (DOC_MAX_ROW) a row whose children are IMAGE blocks, each with its own
 * caption (the title in quotes).  A （… 摄） paragraph right after a
 * picture or a row is its credit; a row has one credit for all of it.
 */
enum jb_block_kind {
	JB_BLOCK_PARA,			/* body paragraph, 2-字 indent */
	JB_BLOCK_HEADING,		/* heading inside an article; level 1..4 */
	JB_BLOCK_BYLINE,		/* （刘丙楠）: right-aligned */
	JB_BLOCK_IMAGE,			/* picture with caption and credit */
	JB_BLOCK_BOX,			/* boxed slogan or note; children */
	JB_BLOCK_ITEM,			/* ★ item of 工作简讯 (★ not in runs) */
	JB_BLOCK_LISTITEM,		/* list item; marker such as "1." */
	JB_BLOCK_IMAGEROW,		/* 2-3 pictures side by side; children IMAGE */
	JB_BLOCK_TABLE,			/* pipe table; table */
	JB_BLOCK_SIGNOFF,		/* 落款: organ line(s) and a date, each line
					   a run, JB_STYLE_BREAK between them */
	JB_BLOCK__MAX
};

/* A column's alignment as the delimiter row of a pipe table gives it. */
enum jb_align {
	JB_ALIGN_NONE,			/* |---|: text left, numbers right */
	JB_ALIGN_LEFT,			/* |:--| */
	JB_ALIGN_CENTER,		/* |:-:| */
	JB_ALIGN_RIGHT			/* |--:| */
};

/*
 * One cell.  number is set when its text is nothing but digits and
 * . % , + - (at least one digit): 92.5, 87%, 1,200, -3; such a cell is
 * set flush right in a column without an alignment of its own.
 */
struct jb_cell {
	struct jb_pos		 pos;
	struct jb_run		*runs;
	size_t			 nruns;
	int			 number;
};

/*
 * A pipe table (GitHub-flavoured Markdown, as cmark-gfm reads it): one
 * header row and at least one body row, every row with ncols cells (the
 * parser refuses ragged rows).  The 表题 is a paragraph such as
 * 表1　第三季度点位测评得分 right before the table: label 表1, title the
 * rest.
 */
struct jb_table {
	int			 seq;		/* 1-based: the seq-th table of the issue */
	const char		*name;		/* the 表题 (表1　title), or 第2个表格 */
	const char		*label;		/* 表1, or NULL: no 表题 */
	const char		*title;		/* 第三季度点位测评得分, or NULL */
	struct jb_pos		 cappos;	/* of the 表题 paragraph */
	size_t			 ncols;		/* >= 1 */
	enum jb_align		*align;		/* ncols */
	struct jb_cell		*head;		/* ncols: the header row */
	struct jb_cell		*body;		/* nrows × ncols, row after row */
	size_t			 nrows;		/* >= 1 */
};

struct jb_block {
	enum jb_block_kind	 kind;
	struct jb_pos		 pos;
	struct jb_run		*runs;		/* PARA HEADING BYLINE ITEM LISTITEM */
	size_t			 nruns;
	int			 level;		/* HEADING: 1 黑体, 2 楷体, 3-4 仿宋 */
	int			 lead;		/* PARA: first run is a 本报讯 lead */
	const char		*marker;	/* LISTITEM: "1." or "•" */
	/* IMAGE */
	const char		*src;		/* path as written, relative to the issue */
	const char		*path;		/* resolved path to read the file */
	const char		*alt;		/* alt text */
	const char		*caption;	/* caption, or NULL */
	const char		*credit;	/* photo credit such as 田俊锋 摄, or NULL;
						   IMAGEROW: one credit for the row */
	unsigned long		 width, height;	/* IMAGE: size in pixels */
	/* BOX, IMAGEROW */
	struct jb_block		*children;
	size_t			 nchildren;
	/* TABLE; pos is the table's first line (its header row) */
	struct jb_table		*table;
};

/*
 * An article starts at a level-2 heading.  The kicker (引题) comes from a
 * short paragraph ending in —— before the heading, from a ## ending in
 * —— followed by a ### main title, or from a location line right before
 * the heading: a paragraph of at most 12 characters of plain text with
 * no punctuation that ends or splits a sentence (播州区), as newspapers
 * set a place above a title.  The subtitle (副题) is a paragraph
 * starting with —— right after the title.
 */
struct jb_article {
	struct jb_pos		 pos;		/* of the title heading */
	const char		*anchor;	/* HTML id / PDF destination: "a1", "a2" */
	const char		*kicker;	/* 引题 without the trailing ——, or NULL */
	int			 place;		/* the kicker is a location line (播州区):
						   printed above the title without —— */
	const char		*title;		/* plain text */
	const char		*subtitle;	/* 副题 with its leading ——, or NULL */
	int			 briefs;	/* the 工作简讯 section */
	struct jb_block		*blocks;
	size_t			 nblocks;
};

/*
 * Front matter, validated and merged with the series defaults.
 *
 * Numbers are kept as numbers; every edition formats them through
 * label.h (label_number, label_total, label_issue) in the issue's
 * language, or takes them ready from document.h (doc_issue_label: 第7—8期
 * for the masthead, doc_issue_name: 增刊第1期 for titles, doc_total_label).  A 合刊 (期号: 7-8) has issue 7 and issue_last 8 and is
 * printed 第7—8期; any other issue has issue_last == issue.  Its 总期号
 * is a range as well (总期号: 63-64, or 63 standing for 63-64); with no
 * 总期号, total and total_last are both 0.  kind is the issue's 刊别, one
 * of series->kinds (增刊), or NULL for a regular issue: a 增刊 is
 * numbered in a sequence of its own per year and its masthead prints
 * the kind's name under the 刊名.
 */
struct jb_meta {
	int			 issue;		/* 期号 (per year and kind); a
						 * 合刊's first number */
	int			 issue_last;	/* a 合刊's last 期号; else issue */
	const struct jb_kind	*kind;		/* 刊别 (borrowed from the series),
						 * NULL = a regular issue */
	int			 total;		/* 总期号, 0 = not printed */
	int			 total_last;	/* a 合刊's last 总期号; else total */
	struct jb_date		 date;		/* issue date */
	const char		*date_text;	/* 2019年8月30日 */
	const char		*date_iso;	/* 2019-08-30 */
	const char		*org;		/* 编印单位 (series default or override) */
	enum jb_lang		 lang;
	const char		*lang_tag;	/* "zh-Hans" or "zh-Hant" */
	const char		*classification; /* 内部资料　注意保存, or NULL */
	int			 copies;	/* 共印N份, 0 = not printed */
	struct jb_strlist	 dist[JB_DIST__MAX]; /* defaults plus 本期增发 */
	struct jb_credits	 credits;	/* defaults overridden per role */
	struct jb_block		*note;		/* 编者按 paragraphs, or NULL */
	size_t			 nnote;
	const char		*slug;		/* "2019-13": year and two-digit 期号
						 * (a 合刊's first); a 增刊's
						 * "2026-zk-01" */
	struct jb_strlist	 check_ignore;	/* 检查忽略: rule ids check skips */
};

/*
 * One issue.  Created by doc_load() (document.h), freed by doc_free(),
 * which releases the arena and with it every string, block and run.
 */
struct jb_doc {
	struct jb_pos		 src;		/* the issue file, line 1 */
	const char		*text;		/* that file as read: LF line ends, no BOM */
	size_t			 len;		/* bytes of text */
	const struct jb_series	*series;	/* borrowed */
	struct jb_meta		 meta;
	struct jb_article	*articles;
	size_t			 narticles;
	struct arena		*arena;		/* owns everything above */
};

/* the fixed words of every edition and archive page, in zh-Hans and zh-Hant. */

/*
 * One entry per word, both scripts side by side in label.c.  An entry
 * marked as a format is a printf format taking the arguments named.
 */
enum jb_label {
	JB_LABEL_BAO,			/* 报 (JB_LABEL_BAO + enum jb_dist) */
	JB_LABEL_SONG,			/* 送 */
	JB_LABEL_FA,			/* 发 */
	JB_LABEL_CONTENTS,		/* 本期要目 */
	JB_LABEL_NOTE,			/* 编者按 */
	JB_LABEL_PRINTED,		/* 印发, after the date in the footer */
	JB_LABEL_COPIES,		/* 共印%d份: format, int */
	JB_LABEL_PREV,			/* 上一期 */
	JB_LABEL_NEXT,			/* 下一期 */
	JB_LABEL_ARCHIVE,		/* 往期目录: the archive's home page */
	JB_LABEL_PDF,			/* PDF 版 */
	JB_LABEL_DOCX,			/* Word 版 */
	JB_LABEL_OFD,			/* OFD 版 */
	JB_LABEL_NAV,			/* 期刊导航: names the page's navigation */
	JB_LABEL_ISSUE,			/* 第%d期: format, 期号 */
	JB_LABEL_TOTAL,			/* 总第%d期: format, 总期号 */
	JB_LABEL_YEAR,			/* %d年: format, year */
	JB_LABEL_SEARCH,		/* 全文搜索 */
	JB_LABEL_FEED,			/* 订阅更新 */
	JB_LABEL_SKIP,			/* 跳到正文: skip link */
	JB_LABEL_LATEST,		/* 最新一期 */
	JB_LABEL_READ,			/* 阅读网页版 */
	JB_LABEL_DOWNLOAD,		/* 下载 PDF 版 */
	JB_LABEL_DOWNLOAD_DOCX,		/* 下载 Word 版 */
	JB_LABEL_PDF_SHORT,		/* PDF */
	JB_LABEL_DOCX_SHORT,		/* Word */
	JB_LABEL_COUNT,			/* 共%zu期: format, size_t */
	JB_LABEL_ALL_OF_YEAR,		/* %d年全部%zu期: format, year, size_t */
	JB_LABEL_YEARS,			/* 按年份: names the year links */
	JB_LABEL_SEARCH_FIELD,		/* label of the search field */
	JB_LABEL_SEARCH_HINT,		/* its placeholder */
	JB_LABEL_SEARCH_BUTTON,		/* 搜索 */
	JB_LABEL_NOSCRIPT,		/* search without JavaScript */
	JB_LABEL_SEARCH_INTRO,		/* format, issues and articles (size_t) */
	JB_LABEL_EMPTY,			/* no issues yet */
	JB_LABEL_FOOT,			/* %s编印: format, 编印单位 */
	JB_LABEL_GENERATOR,		/* 由 jianbao 生成 */
	JB_LABEL_LANG,			/* zh-Hans: the language tag of a page */
	JB_LABEL_ISSUES,		/* 第%d—%d期: format, a 合刊's 期号 */
	JB_LABEL_TOTALS,		/* 总第%d—%d期: format, its 总期号 */
	JB_LABEL_CONTINUED,		/* 续%s: format, a 表题's 表1 */
	JB_LABEL_DRAFT,			/* 送审稿: a draft's word by default */
	JB_LABEL__MAX
};

/* The word l in the script of lang; static storage. */
const char	*label_get(enum jb_lang lang, enum jb_label l);

/*
 * The number of an issue in the script of lang, allocated from ar:
 * "第13期", a 合刊's "第7—8期" (last > issue), and with the name of its
 * kind (刊别, NULL for a regular issue) in front: "增刊第1期".
 */
const char	*label_number(struct arena *ar, enum jb_lang lang,
		    const char *kind, int issue, int last);

/* "总第86期", a 合刊's "总第63—64期"; NULL when total is 0. */
const char	*label_total(struct arena *ar, enum jb_lang lang, int total,
		    int last);

/*
 * "2019年第13期", "2026年增刊第1期", "2025年第7—8期": the year before
 * label_number(), allocated from ar.
 */
const char	*label_issue(struct arena *ar, enum jb_lang lang, int year,
		    const char *kind, int issue, int last);

/* an issue file's text as every reader sees it: cleaned, its lines indexed, its front matter fenced. */

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

/* what a line of an issue's Markdown body is (mdline.c). */

/* The kinds of body line the checks and the importer tell apart. */
enum mdl_kind {
	MDL_BLANK,			/* nothing but blanks */
	MDL_FENCE,			/* ``` or ~~~: a code block opens or closes */
	MDL_RULE,			/* thematic break: 3 or more of one of - * _ */
	MDL_COMMENT,			/* [//]: # …: printed nowhere */
	MDL_HEAD,			/* # heading: at most six #, then a blank */
	MDL_RAW,			/* table row |, HTML <, picture ![: no text */
	MDL_LIST,			/* - + * or 1. 1) list item */
	MDL_QUOTE,			/* > quote: a boxed slogan */
	MDL_TEXT			/* a paragraph's line */
};

/*
 * mdl_line(): the kind of line s (n bytes, no line feed) in the order
 * CommonMark tries them (a fence, then a blank line, a thematic break, a
 * comment, a heading, raw lines, a list item, a quote), its indent (up to
 * 3 spaces) in *indent and the bytes of its marker after the indent (the
 * # run, the list marker, >; 0 for other kinds) in *mark.  A line inside
 * a code block is the caller's to skip.  mdl_thematic(): whether s (n
 * bytes) is a thematic break.
 */
enum mdl_kind	 mdl_line(const char *s, size_t n, size_t *indent,
		    size_t *mark);
int		 mdl_thematic(const char *s, size_t n);

/* read issue files into the validated model. */

struct src;

/* Limits beyond which input is refused with a clear error, not slowness. */
#define DOC_MAX_BYTES	(8u * 1024 * 1024)	/* one issue file */
#define DOC_MAX_DEPTH	32			/* nested lists and quotes */
#define DOC_MAX_PARA	20000			/* characters in one paragraph */
#define DOC_MAX_ROW	3			/* pictures side by side */

/*
 * Read an issue file: check it is valid UTF-8 without NUL bytes, split the
 * YAML front matter from the CommonMark body, validate the front matter
 * against the series defaults, and turn the body into articles and blocks
 * (kickers, subtitles, bylines, images, boxes, 工作简讯 items).
 * Returns a document the caller frees with doc_free(), or NULL after
 * reporting every error with file:line:col.  Warnings alone never give
 * NULL.  s is borrowed and must outlive the document.
 */
struct jb_doc	*doc_load(const char *path, const struct jb_series *s);

/* The same from memory; name is used in diagnostics and to resolve
 * image paths.  buf need not be NUL-terminated. */
struct jb_doc	*doc_parse(const char *name, const char *buf, size_t len,
		    const struct jb_series *s);

/*
 * The same from a text already read (source.h), which stays the caller's:
 * the document keeps a copy.  doc_parse_meta() reads the front matter
 * only, with the same checks and diagnostics up to there, and gives a
 * document whose meta is set but which has no articles and no 编者按
 * blocks: what a tool needs to know before the body is parsed.
 */
struct jb_doc	*doc_parse_src(const struct src *t, const struct jb_series *s);
struct jb_doc	*doc_parse_meta(const struct src *t, const struct jb_series *s);

void		 doc_free(struct jb_doc *d);			/* NULL: no-op */

/*
 * The CSS Text 3 segment-break rule as the parser applies it: 1 if a line
 * break between code points prev and next vanishes (both wide, counting
 * ambiguous-width marks such as “ as wide next to a wide character),
 * 0 if it becomes a space.
 */
int		 dtext_break_vanishes(unsigned long prev, unsigned long next);

/*
 * 1 if spaces typed between code points prev and next vanish: one is a
 * full-width mark (CJK punctuation, full-width forms, and “ ” ‘ ’ — … ·)
 * and the other a wide character or such a mark (基礎。 堅持).  The mark
 * carries its own blank; the parser drops the space, check reports it.
 */
int		 dtext_space_vanishes(unsigned long prev, unsigned long next);

/* 1 if code point c may end a sentence (。！？… closing marks, ——). */
int		 dtext_is_terminal(unsigned long c);

/*
 * Where a character of the model stands in the issue file, for a
 * diagnostic about that one character.  text is model text that the
 * source from pos on gave (a block's runs one after another, a title);
 * off is the character's byte offset in text.  If the character is the
 * nth of its kind in text, the answer is the nth of its kind in the file
 * from pos on: line, and column in characters.  Returns *pos when pos is
 * not in d's file, has no column (a whole-file position such as d->src)
 * or the file has no such occurrence.
 */
struct jb_pos	 dtext_locate(const struct jb_doc *d, const struct jb_pos *pos,
		    const char *text, size_t off);

/* Plain text of runs (styles dropped), allocated from d's arena. */
const char	*dtext_runs_text(const struct jb_doc *d, const struct jb_run *r,
		    size_t n);

/*
 * "第13期" (a 合刊's "第7—8期") / "总第86期" ("总第63—64期") in the
 * document's language, from d's arena: what the masthead prints, under
 * the name of the kind if any.  doc_issue_name() puts that name in front
 * ("增刊第1期"), as a title or a list names the issue.
 */
const char	*doc_issue_label(const struct jb_doc *d);
const char	*doc_issue_name(const struct jb_doc *d);
const char	*doc_total_label(const struct jb_doc *d);	/* NULL if none */

/* The word l (label.h) in zh-Hans or zh-Hant as d->meta.lang says;
 * static storage. */
const char	*doc_label(const struct jb_doc *d, enum jb_label l);

/* The word a draft of d is marked with: the series' 草稿字样, or 送审稿
 * in d's language. */
const char	*doc_draft_word(const struct jb_doc *d);

/* YAML front matter and bulletin.yaml into validated settings. */

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

/*
 * A 落款's date line: 2026年3月2日, ２０２６年３月２日 or 二〇二六年三月二日 (the
 * year in four digits, month and day in digits or 一…十 numerals) and
 * nothing else; 1 or 0.  The model and import share it.
 */
int	 doc_is_date_line(const char *s);

/*
 * The n lines line[] make a 落款: one to three organ lines (at most 30
 * characters, no mark that ends or splits a sentence: 。，、；：．— …,
 * not starting with a number or 附件) then a date line; 1 or 0.  The
 * model reads such a paragraph as a JB_BLOCK_SIGNOFF; import writes such
 * lines as one.
 */
int	 doc_is_signoff(const char *const *line, size_t n);

/*
 * Where a 落款 stands (GB/T 9704-2012 7.3.5.2, a document without a
 * seal): the organ lines start together, each on a line of its own, and
 * the date starts 2 字 right of them on the line below; the widest organ
 * line ends 2 字 from the right edge, unless the date is longer than it:
 * then the date ends 2 字 from the edge and the organ lines move left with
 * it.  Given the widths of the widest organ line and of the date in 字
 * (of the body size), returns how far from the right edge of the measure
 * the organ lines start, in 字; every edition places a 落款 by it.
 */
double	 doc_signoff_start(double organ, double date);

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

/* build an issue's YAML front matter and write it with libyaml's emitter. */

/*
 * A front matter under construction: a mapping whose keys keep the order
 * they were added in.  Values are text, lists of text or mappings; a
 * mapping is named by the handle fmw_map() returns, the top level by
 * FMW_ROOT.  Strings are copied.  Created by fmw_new(), released by
 * fmw_free() (NULL: no-op).
 */
struct fmw;

#define FMW_ROOT	0

struct fmw	*fmw_new(void);
void		 fmw_free(struct fmw *w);

void	 fmw_str(struct fmw *w, int map, const char *key, const char *value);
void	 fmw_int(struct fmw *w, int map, const char *key, int value);
void	 fmw_list(struct fmw *w, int map, const char *key,
	    const char *const *v, size_t n);
int	 fmw_map(struct fmw *w, int map, const char *key);

/*
 * Write "---", the YAML, "---" to fp.  Returns 0, or -1 after reporting
 * with path (the file being written) as subject.
 */
int	 fmw_write(struct fmw *w, FILE *fp, const char *path);

/* check that a picture is a whole PNG or JPEG of a sensible size. */

/*
 * Pictures beyond these sizes are refused before any pixel is decoded: a
 * small file can claim a huge picture, and a decoder would allocate all
 * of it.
 */
#define IMG_MAX_SIDE	10000			/* pixels, either side */
#define IMG_MAX_PIXELS	(40L * 1000 * 1000)

enum img_kind {
	IMG_PNG,
	IMG_JPEG
};

/*
 * Read the picture at path into b (the caller frees it with buf_free())
 * and tell its kind, by its first bytes whatever its name, and its size
 * from the header alone, within the limits above; no pixel is decoded.
 * Returns 0, or -1 after reporting at pos (b is then empty).
 */
int	 img_read(const char *path, const char *shown, const struct jb_pos *pos,
	    struct buf *b, enum img_kind *kind, unsigned long *w,
	    unsigned long *h);

/*
 * Read the picture at path and decode it completely, so that a truncated
 * or corrupt file is found while the document is validated, before any
 * output is written.  shown is the name used in messages.  On success
 * sets *kind and the size in pixels and returns 0; otherwise returns -1
 * after reporting at pos.
 */
int	 img_check(const char *path, const char *shown, const struct jb_pos *pos,
	    enum img_kind *kind, unsigned long *w, unsigned long *h);

/*
 * Decode the JPEG of len bytes at data, w × h pixels as img_read() found,
 * into dst: each pixel a 32-bit word 0x00RRGGBB in the machine's byte
 * order, rows stride bytes apart (what a painter that rasterises wants;
 * the print edition embeds the JPEG bytes instead).  Greyscale and CMYK
 * pictures come out as RGB.  Returns 0, or -1 after reporting at pos.
 */
int	 img_decode_jpeg(const unsigned char *data, size_t len,
	    const char *shown, const struct jb_pos *pos, unsigned char *dst,
	    size_t stride, unsigned long w, unsigned long h);

/*
 * Write w × h pixels laid out as img_decode_jpeg() writes them to fp as a
 * baseline JPEG of the given quality (1 to 100), 4:2:0, no time stamp, so
 * the same pixels give the same bytes.  Returns 0, or -1 when fp fails
 * (the caller reports).
 */
int	 img_write_jpeg(FILE *fp, const unsigned char *src, size_t stride,
	    unsigned long w, unsigned long h, int quality);

/* 1 if w × h pixels is within the limits, else 0 after reporting. */
int	 img_fits(const char *shown, const struct jb_pos *pos, unsigned long w,
	    unsigned long h);

/* the issue files of an archive: ROOT/YYYY/NN.md and PREFIX-NN.md in (year, kind, number) order, their names and neighbours. */

/* The issues folder of an archive, from the folder the program runs in. */
#define ISS_DIR		"issues"

/*
 * An issue file: ROOT/YYYY/NN.md for a regular issue, ROOT/YYYY/zk-NN.md
 * for one of a kind numbered apart (刊别, whose file name prefix the
 * series names: zk for 增刊).  A 合刊 (第7—8期) is named after its first
 * number, 07.md.
 */
struct iss_file {
	char	*path;			/* ROOT/YYYY/NN.md, owned by the list */
	int	 year;			/* from the folder name */
	int	 number;		/* from the file name */
	char	*prefix;		/* "zk" of zk-NN.md, NULL for NN.md;
					 * owned by the list */
};

struct iss_list {
	struct iss_file	*v;
	size_t		 n;
};

/*
 * Fill out with every ROOT/YYYY/NN.md and ROOT/YYYY/PREFIX-NN.md (YYYY
 * four digits, NN a number, PREFIX one to eight letters a-z), sorted by
 * year, then the regular issues before those of each prefix in turn
 * (alphabetical), then number: the order of the links between pages.  A missing ROOT gives an empty list.  The
 * caller frees the list with iss_free().  Never fails: folders that
 * cannot be read are skipped.
 */
void	 iss_scan(const char *root, struct iss_list *out);
void	 iss_free(struct iss_list *l);		/* empty list: no-op */

/* ISS_DIR/YYYY/NN.md, or ISS_DIR/YYYY/PREFIX-NN.md when prefix is not
 * NULL: the file of issue number of year, where new and import write it.
 * The caller frees the result. */
char	*iss_path(int year, const char *prefix, int number);

/*
 * The number of an issue file named name (no folder), NN.md or
 * PREFIX-NN.md, and in *prefix NULL or PREFIX, which the caller frees;
 * -1 for any other name.
 */
int	 iss_number(const char *name, char **prefix);

/* The file name an issue of kind k (NULL: regular) numbered number
 * should have, "07.md" or "zk-01.md".  The caller frees the result. */
char	*iss_name(const struct jb_kind *k, int number);

/*
 * Where an issue sits in the site, without extension: issues/2019/13.md
 * gives 2019/13 when its folder is named after a year, any other file its
 * basename.  The caller frees the result.
 */
char	*iss_stem(const char *path);

/* The output name of an issue without extension, OUT/2019/13.  The
 * caller frees the result. */
char	*iss_out_stem(const char *out, const char *path);

/*
 * The issues beside an issue file, for the links of its page.  One finder
 * serves a whole run: it keeps the list of the archive the last file came
 * from, so that a run over a thousand issues reads the issues folder
 * once, not once per page.
 */
struct iss_near;

struct iss_near	*iss_near_new(void);
void		 iss_near_free(struct iss_near *nb);	/* NULL: no-op */

/*
 * Find path, issues/YYYY/NN.md, among the issues iss_scan() lists in the
 * folder above its year folder, and set *prev and *next to the issues
 * before and after it: NULL when there is none, or when path is not one
 * of them.  They point into nb, valid until its next call.
 */
void	 iss_near_find(struct iss_near *nb, const char *path,
	    const struct iss_file **prev, const struct iss_file **next);

/* Today's date, local time; the day of SOURCE_DATE_EPOCH (UTC) when it is
 * set, so tests and reproducible runs see a fixed day. */
void	 iss_today(struct jb_date *d);

/* column widths of a table by content, shared by the print and Word editions. */

/*
 * Column widths for a table as wide as the measure, by the automatic
 * table layout of CSS 2.1 §17.5.2.2 with one refinement an office
 * typesetter makes: a column whose widest cell fits in an even share of
 * the room gets it whole, so short names and numbers stay on one line
 * and the long texts wrap.  The others share what is left as CSS does:
 * each its minimum content width, the rest in proportion to what it
 * lacks of its maximum, or, when all have their maxima, in proportion to
 * those.  minw and maxw hold each of the n columns' minimum and maximum
 * content widths, out receives the n widths, in the same unit as w.  The
 * caller has checked that the minima fit.
 */
void	 colw_widths(const double *minw, const double *maxw, size_t n, double w,
	    double *out);

/* the GB/T 9704 page and type both print-like editions set: sizes, grid, colour; device-independent. */

/*
 * The facts of the page and of each part's type that the PDF's layout
 * (layint.h) and the DOCX (docx.c) both describe, each in its own units:
 * the layout in pt of its own grid, the DOCX in twips and half-points
 * for Word to set.  Lengths in mm, sizes in pt.
 */
#define SPEC_PAGE_W	210		/* A4, mm */
#define SPEC_PAGE_H	297
#define SPEC_TOP	37		/* 天头: top margin, mm */
#define SPEC_LEFT	28		/* 订口: left margin, mm */
#define SPEC_MEASURE	156		/* 版心 width, mm */
#define SPEC_HEIGHT	225		/* 版心 height, mm */
#define SPEC_LINES	22		/* lines per page */
#define SPEC_CHARS	28		/* characters per full line */
#define SPEC_FOLIO	7		/* page number below the 版心, mm */

#define SPEC_RED	0xE60012	/* 刊名 and rule: CMYK 0/80/80/0 as printed */
#define SPEC_SIZE_0	42.0		/* 初号: 刊名 (shrunk to the measure) */
#define SPEC_SIZE_2	22.0		/* 二号: article titles */
#define SPEC_SIZE_3	16.0		/* 三号: body, headings, 报头 lines */
#define SPEC_SIZE_XBS3	18.0		/* 小二: the 本期要目 label */
#define SPEC_SIZE_4	14.0		/* 四号: 报尾, page numbers */

#define SPEC_RULE_RED	1.0		/* red rule under the 报头, pt */
#define SPEC_RULE_HEAVY	0.35		/* 报尾 first and last rules, mm */
#define SPEC_RULE_LIGHT	0.25		/* 报尾 rules between, mm */

/* The content type of a Word file, for links to it from every edition. */
#define JB_DOCX_TYPE \
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* The content type of an OFD file (GB/T 33190). */
#define JB_OFD_TYPE	"application/ofd"

/* Write a text dump of the model to fp, for golden tests and `jianbao dump`. */
void	 tree_write(const struct jb_doc *d, FILE *fp);

#endif
