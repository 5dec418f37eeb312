/* label.h -- the fixed words of every edition and archive page, in zh-Hans and zh-Hant. */
#ifndef JIANBAO_LABEL_H
#define JIANBAO_LABEL_H

#include "jianbao.h"

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

#endif
