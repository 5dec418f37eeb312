/* label.c -- the one table of fixed words, zh-Hans beside zh-Hant. */
#include "model/model.h"
#include "util/util.h"

/* [word][0]: zh-Hans, [word][1]: zh-Hant. */
static const char *const labels[JB_LABEL__MAX][2] = {
	[JB_LABEL_BAO]		= { "报", "報" },
	[JB_LABEL_SONG]		= { "送", "送" },
	[JB_LABEL_FA]		= { "发", "發" },
	[JB_LABEL_CONTENTS]	= { "本期要目", "本期要目" },
	[JB_LABEL_NOTE]		= { "编者按", "編者按" },
	[JB_LABEL_PRINTED]	= { "印发", "印發" },
	[JB_LABEL_COPIES]	= { "共印%d份", "共印%d份" },
	[JB_LABEL_PREV]		= { "上一期", "上一期" },
	[JB_LABEL_NEXT]		= { "下一期", "下一期" },
	[JB_LABEL_ARCHIVE]	= { "往期目录", "往期目錄" },
	[JB_LABEL_PDF]		= { "PDF 版", "PDF 版" },
	[JB_LABEL_DOCX]		= { "Word 版", "Word 版" },
	[JB_LABEL_OFD]		= { "OFD 版", "OFD 版" },
	[JB_LABEL_NAV]		= { "期刊导航", "期刊導覽" },
	[JB_LABEL_ISSUE]	= { "第%d期", "第%d期" },
	[JB_LABEL_TOTAL]	= { "总第%d期", "總第%d期" },
	[JB_LABEL_YEAR]		= { "%d年", "%d年" },
	[JB_LABEL_SEARCH]	= { "全文搜索", "全文搜尋" },
	[JB_LABEL_FEED]		= { "订阅更新", "訂閱更新" },
	[JB_LABEL_SKIP]		= { "跳到正文", "跳到正文" },
	[JB_LABEL_LATEST]	= { "最新一期", "最新一期" },
	[JB_LABEL_READ]		= { "阅读网页版", "閱讀網頁版" },
	[JB_LABEL_DOWNLOAD]	= { "下载 PDF 版", "下載 PDF 版" },
	[JB_LABEL_DOWNLOAD_DOCX] = { "下载 Word 版", "下載 Word 版" },
	[JB_LABEL_PDF_SHORT]	= { "PDF", "PDF" },
	[JB_LABEL_DOCX_SHORT]	= { "Word", "Word" },
	[JB_LABEL_COUNT]	= { "共%zu期", "共%zu期" },
	[JB_LABEL_ALL_OF_YEAR]	= { "%d年全部%zu期", "%d年全部%zu期" },
	[JB_LABEL_YEARS]	= { "按年份", "按年份" },
	[JB_LABEL_SEARCH_FIELD]	= { "在各期文章中搜索", "在各期文章中搜尋" },
	[JB_LABEL_SEARCH_HINT]	= { "输入字词，如：垃圾分类", "輸入字詞" },
	[JB_LABEL_SEARCH_BUTTON] = { "搜索", "搜尋" },
	[JB_LABEL_NOSCRIPT]	= {
		"搜索需要浏览器启用 JavaScript 脚本。往期目录和各期页面都是"
		"普通链接，不启用脚本也能阅读。",
		"搜尋需要瀏覽器啟用 JavaScript 腳本。往期目錄和各期頁面都是"
		"普通連結，不啟用腳本也能閱讀。" },
	[JB_LABEL_SEARCH_INTRO]	= {
		"在全部%zu期、%zu篇文章中查找，可输入多个词语，用空格分开。",
		"在全部%zu期、%zu篇文章中查找，可輸入多個詞語，用空格分開。" },
	[JB_LABEL_EMPTY]	= { "还没有期刊。", "還沒有期刊。" },
	[JB_LABEL_FOOT]		= { "%s编印", "%s編印" },
	[JB_LABEL_GENERATOR]	= { "由 jianbao 生成", "由 jianbao 生成" },
	[JB_LABEL_LANG]		= { "zh-Hans", "zh-Hant" },
	[JB_LABEL_ISSUES]	= { "第%d—%d期", "第%d—%d期" },
	[JB_LABEL_TOTALS]	= { "总第%d—%d期", "總第%d—%d期" },
	[JB_LABEL_CONTINUED]	= { "续%s", "續%s" },
	[JB_LABEL_DRAFT]	= { "送审稿", "送審稿" },
};

const char *
label_get(enum jb_lang lang, enum jb_label l)
{
	return labels[l][lang == JB_LANG_HANT];
}

const char *
label_number(struct arena *ar, enum jb_lang lang, const char *kind,
    int issue, int last)
{
	const char	*n;

	if (last > issue)
		n = arena_printf(ar, label_get(lang, JB_LABEL_ISSUES), issue,
		    last);
	else
		n = arena_printf(ar, label_get(lang, JB_LABEL_ISSUE), issue);
	return kind != NULL ? arena_printf(ar, "%s%s", kind, n) : n;
}

const char *
label_total(struct arena *ar, enum jb_lang lang, int total, int last)
{
	if (total <= 0)
		return NULL;
	if (last > total)
		return arena_printf(ar, label_get(lang, JB_LABEL_TOTALS), total,
		    last);
	return arena_printf(ar, label_get(lang, JB_LABEL_TOTAL), total);
}

const char *
label_issue(struct arena *ar, enum jb_lang lang, int year, const char *kind,
    int issue, int last)
{
	return arena_printf(ar, "%s%s", arena_printf(ar,
	    label_get(lang, JB_LABEL_YEAR), year), label_number(ar, lang, kind,
	    issue, last));
}
