/* jianbao.h -- the one validated document model that every renderer reads. */
#ifndef JIANBAO_H
#define JIANBAO_H

#include <stddef.h>

/*
 * Every string below is UTF-8, NUL-terminated and owned by the arena of the
 * series or document that holds it; renderers receive the model as const
 * and never free any part of it.
 */

struct arena;

struct jb_pos {
	const char	*file;		/* borrowed: path as given */
	int		 line;		/* 1-based; 0 = unknown */
	int		 col;		/* 1-based, in characters; 0 = unknown */
};

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
	struct jb_kind		*kinds;		/* 刊别 an issue may name; never
						 * empty: [增刊] by default */
	size_t			 nkinds;
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

#endif
