/* msg.c -- the message table and the one function that prints diagnostics. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>

#include "util/util.h"

/* Problem first, subject quoted with “”, no final full stop. */
static const char *const msgtab[MSG__MAX] = {
	/* notices say what they are: no level word is printed before them */
	[MSG_FIX_HALFWIDTH] = "%s：“%s” → “%s”",
	[MSG_FIX_QUOTES] = "%s：“%s” → “%s”",
	[MSG_FIX_CJK_SPACE] = "%s：“%s” → “%s”",
	[MSG_FIX_IDEO_SPACE] = "%s：“%s” → “%s”",
	[MSG_IMPORT_ENCODING] = "提示：文件的编码是 %s，已转换为 UTF-8",
	[MSG_IMPORT_MOVED] = "提示：%s “%s” %s",
	[MSG_IMPORT_TOC] = "提示：手打的目录 “%s” 已作为注释保留（不印出），本期要目按文章标题自动生成",
	[MSG_DOCX_TOC] = "提示：Word 生成的目录已删去（本期要目自动生成）",
	[MSG_IMPORT_PAGE] = "提示：页码 “%s” 已删去",
	[MSG_IMPORT_PIC_CONVERTED] = "提示：图片 “%s” 已从 %s 转换为 PNG",
	[MSG_IMPORT_RUNNING] = "提示：每页重复的页眉或页脚 “%s” 已删去",
	[MSG_IMPORT_OUTLINE] = "提示：导入结果：%s",
	[MSG_IMPORT_CHROME] = "提示：网页上的杂项 %s 已作为注释保留（不印出）",
	[MSG_IMPORT_CONVERTED] = "提示：已用 LibreOffice 把 “%s” 转换为 .docx 再导入",
	[MSG_FM_UNKNOWN_KEY] = "未知的前置信息键 “%s”，已忽略",
	[MSG_SERIES_UNKNOWN_KEY] = "未知的刊物设置键 “%s”，已忽略",
	[MSG_RAW_HTML] = "不支持 HTML 代码 “%s”，已忽略",
	[MSG_CODE_BLOCK] = "代码块按普通文字排印",
	[MSG_NO_ARTICLES] = "正文中没有文章标题（以 “##” 开头的行）",
	[MSG_TEXT_BEFORE_ARTICLE] = "第一篇文章标题之前的文字 “%s” 不属于任何文章，已忽略",
	[MSG_IMAGE_NO_ALT] = "图片 “%s” 缺少替代文字",
	[MSG_ORPHAN_CHAR] = "段落末行只有一个字 “%s”，无法通过重排避免",
	[MSG_LOOSE_LINE] = "一行的字距拉开超过一字 “%s”，挤压标点或移动一字都无法避免",
	[MSG_CHK_HALFWIDTH] = "中文里用了半角标点 “%s”，应为 “%s”",
	/* the subjects are quotation marks themselves: not quoted again */
	[MSG_CHK_UNCLOSED] = "标点 %s 没有配对的 %s",
	[MSG_CHK_UNOPENED] = "标点 %s 前面没有配对的 %s",
	[MSG_CHK_MISNESTED] = "标点 %s 与前面的 %s 不配对，嵌套有误",
	[MSG_CHK_MIXED_QUOTES] = "本期混用了 %s 和 %s 两种引号",
	[MSG_CHK_SPLIT_PARA] = "段落 “%s” 没有结束标点，下一段 “%s” 似乎接着这句话（粘贴时被分页拆开？）",
	[MSG_CHK_DATE_FORMAT] = "日期 “%s” 应写作 “%s”",
	[MSG_CHK_DOUBLED] = "“%s” 重复，可能是笔误",
	[MSG_CHK_CJK_SPACE] = "汉字 “%s” 之间有多余的空格",
	[MSG_CHK_MARK_SPACE] = "全角标点与文字 “%s” 之间有多余的空格（排印时不留空）",
	[MSG_CHK_ISSUE_GAP] = "%s年缺少%s（上一期是 “%s”）",
	[MSG_CHK_FUTURE_DATE] = "日期 “%s” 晚于今天（%s）",
	[MSG_CHK_NO_CREDITS] = "本期没有署名（审核、校对、编辑）",
	[MSG_CHK_NO_DIST] = "本期没有分送单位（报、送、发）",
	[MSG_CHK_LONG_TITLE] = "标题 “%s” 超过两行（%s 字），从 “%s” 起排到第三行",
	[MSG_CHK_UNKNOWN_RULE] = "未知的检查规则 “%s”，已忽略",
	[MSG_CHK_FILE_NAME] = "文件名 “%s” 与%s不符，应为 “%s”",
	[MSG_IMPORT_UNMAPPED] = "无法归类的内容 “%s”，已%s",
	[MSG_DOCX_TABLE_MERGED] = "表格中有合并的单元格，Markdown 表格不能合并，合并的文字只写一次、其余格留空，请核对",
	[MSG_IMPORT_PIC_LOST] = "图片 “%s” %s，无法印出，已换成一段占位文字，请备好 PNG 或 JPEG 格式的图片后补上",
	[MSG_DOCX_NOTE_LOST] = "注释引用 “%s” 找不到注释的文字，已在原处留下标记，请核对",
	[MSG_IMPORT_JOINED] = "段落 “%s” 被分页拆开，已与下一段 “%s” 合并",
	[MSG_IMPORT_NAME] = "刊名 “%s” 与刊物设置中的 “%s” 不同，按刊物设置印刷",
	[MSG_IMPORT_PRINT_DATE] = "印发日期 “%s” 与报头日期 “%s” 不同，采用报头日期",
	[MSG_IMPORT_NO_DIST] = "原文没有分送行（报：、送：、发：），沿用刊物设置的分送单位",
	[MSG_IMPORT_NO_CREDITS] = "原文没有署名行（审核：、校对：、编辑：），沿用刊物设置的署名",
	[MSG_IMPORT_GUESSED] = "原文没有%s，%s按新建一期的规则取（当年的下一期、今天），请核对或用 --number、--date 指定",
	[MSG_IMPORT_NO_TITLE] = "文章没有标题，已加 “%s”，请补写",
	[MSG_IMPORT_MASTHEAD_AGAIN] = "这个文件的报头（%s）未用：%s",
	[MSG_DOCX_TRACKED] = "文件中有未接受的修订（从这一段起），已按接受全部修订导入，请核对",
	[MSG_DOCX_COMMENT] = "批注 “%s” 已作为注释保留（不印出），请核对",
	[MSG_DOCX_TEXTBOX] = "文本框中的文字 “%s” 已作为段落保留，请核对",
	[MSG_DOCX_FOOTNOTE] = "%s “%s” 已作为段落保留在文末，请核对",
	[MSG_DOCX_TABLE_TEXT] = "只有一行（或下面各行都是空的）的表格，其中的文字已作为段落导入，请核对",
	[MSG_DOCX_LINKED_IMAGE] = "图片 “%s” 链接到文件之外，没有导入",
	[MSG_CHK_PRIVATE_USE] = "私用区字符 “%s”（U+%s）不是正常的文字，多为从 PDF 复制时的乱码，请改为原字",
	[MSG_CHK_STRAIGHT_QUOTE] = "中文里的直引号 “%s” 无法配对，请手工改为弯引号",
	[MSG_FM_NONE] = "文件开头缺少前置信息（应以 “---” 行开始，至少写明期号和日期）",
	[MSG_EMPTY_TITLE] = "文章标题为空",
	[MSG_PARA_TOO_LONG] = "段落过长（%ld 字），上限为 %d 字，请分段",
	[MSG_FM_UNCLOSED] = "前置信息没有以 “---” 结束",
	[MSG_FM_SYNTAX] = "前置信息格式错误：%s",
	[MSG_FM_NOT_MAPPING] = "前置信息应为 “键: 值” 形式",
	[MSG_FM_MISSING] = "缺少必填项 “%s”",
	[MSG_FM_TYPE_INT] = "“%s” 的值 “%s” 应为整数",
	[MSG_FM_TYPE_STRING] = "“%s” 的值应为文字",
	[MSG_FM_TYPE_LIST] = "“%s” 的值应为文字或列表",
	[MSG_FM_TYPE_MAP] = "“%s” 的值应为 “键: 值” 形式",
	[MSG_FM_RANGE] = "“%s” 的值 “%s” 超出范围，应为 %s",
	[MSG_FM_DATE] = "日期 “%s” 无效，应为 YYYY-MM-DD",
	[MSG_FM_LANG] = "语言 “%s” 无效，应为 zh-Hans 或 zh-Hant",
	[MSG_FM_DIST_KEY] = "分送类别 “%s” 无效，应为 报、送 或 发",
	[MSG_FM_DUPLICATE] = "键 “%s” 重复",
	[MSG_FM_ALIAS] = "前置信息中不允许使用 YAML 别名 “%s”",
	[MSG_FM_ISSUE_FORM] = "“%s” 的值 “%s” 应为整数，合刊写作 “7-8”",
	[MSG_FM_ISSUE_ORDER] = "合刊的%s “%s” 有误：后一个数应大于前一个，如 “7-8”",
	[MSG_FM_TOTAL_SPAN] = "总期号 “%s” 与期号 “%s” 的期数不同：总期号应写一个数，或与期号同样多期的范围",
	[MSG_FM_KIND] = "未知的刊别 “%s”，应为 %s（刊物设置 bulletin.yaml 的 “刊别” 可增加）",
	[MSG_SERIES_KIND_PREFIX] = "刊别 “%s” 没有默认的文件名前缀，请写成 “刊别: {%s: 前缀}”（前缀为小写英文字母）",
	[MSG_SERIES_KIND_BAD] = "刊别 “%s” 或其文件名前缀 “%s” 无效：前缀应为 1 至 8 个小写英文字母，各刊别的名称和前缀不能重复",
	[MSG_UTF8] = "文件含有无效的 UTF-8 字节 “\\x%02X”",
	[MSG_NUL] = "文件含有空字符（NUL）",
	[MSG_TOO_LARGE] = "文件过大，上限为 %s",
	[MSG_TOO_DEEP] = "嵌套层级过深，上限为 %d 层",
	[MSG_IMAGE_MISSING] = "找不到图片文件 “%s”",
	[MSG_IMAGE_OUTSIDE] = "图片路径 “%s” 超出本期文件所在目录",
	[MSG_IMAGE_BAD] = "图片 “%s” 无法读取：%s",
	[MSG_IMAGE_TOO_BIG] = "图片 “%s” 过大（%s），上限为 %s",
	[MSG_IMAGE_IN_TEXT] = "图片 “%s” 与文字在同一段，各版只排出它的说明文字；请把图片单独放一段",
	[MSG_IMAGE_ROW] = "同一段中并排的图片有 %d 张，一行最多 %d 张；请把 “%s” 起的图片另起一段",
	[MSG_GLYPH_MISSING] = "字体中没有字符 “%s”（U+%04X），请在 fonts/ 中放入含该字的字体",
	[MSG_FONT_MISSING] = "找不到字体 “%s”（用于%s）",
	[MSG_TEMPLATE] = "模板 “%s” 有误：%s",
	[MSG_CHK_DUPLICATE] = "%s年%s重复，“%s” 也是这一期",
	[MSG_CHK_DATE_ORDER] = "日期 “%s” 早于上一期 “%s” 的日期 “%s”",
	[MSG_NEW_EXISTS] = "文件 “%s” 已经存在，不会覆盖",
	[MSG_IMPORT_EMPTY] = "文件中没有可导入的文字",
	[MSG_OUT_EXISTS] = "文件 “%s” 已经存在，不会覆盖（确要覆盖请加 --force）",
	[MSG_ENCODING] = "文件既不是 UTF-8，也不是 GB18030、Big5 或带 BOM 的 UTF-16，无法读取（字节 “\\x%02X”）",
	[MSG_DOCX_NOT_ZIP] = "不是有效的 Word 文件（.docx 应为 ZIP 压缩包）：%s",
	[MSG_DOCX_NO_DOCUMENT] = "不是 Word 文件，或 Word 文件已损坏：压缩包中没有正文（word/document.xml）",
	[MSG_DOCX_ENCRYPTED] = "Word 文件设有密码保护，无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx 再导入",
	[MSG_DOCX_OLD] = "这是旧式 Word（.doc）或 WPS 文件，请在 Word 或 WPS 中另存为 .docx 再导入（装有 LibreOffice 时会自动转换）",
	[MSG_DOCX_CONVERT] = "LibreOffice 无法转换 “%s”，请在 Word 或 WPS 中另存为 .docx 再导入",
	[MSG_DOCX_TOO_BIG] = "Word 文件中的 “%s” 解压后过大或压缩比异常（%s），上限为 %s，可能是恶意文件",
	[MSG_DOCX_SIZE_LIE] = "Word 文件中的 “%s” 解压后比它声明的 %s 字节多，可能是恶意文件",
	[MSG_DOCX_TOO_MANY] = "Word 文件中的条目过多（%s 个），上限为 %s 个",
	[MSG_DOCX_BAD_NAME] = "Word 文件中有不安全的条目名 “%s”（含 ../、反斜杠或绝对路径），可能是恶意文件",
	[MSG_DOCX_XML] = "Word 文件中的 “%s” 不是有效的 XML：%s",
	[MSG_PDF_NO_TEXT] = "“%s” 没有文字层（可能是扫描件），请先做文字识别",
	[MSG_PDF_ENCRYPTED] = "PDF 文件设有打开密码，无法读取；请取消密码后另存再导入",
	[MSG_PDF_BAD] = "不是有效的 PDF 文件，或文件已损坏",
	[MSG_PDF_TOO_MANY_PAGES] = "PDF 文件有 %s 页，上限为 %s 页，请分开导入",
	[MSG_PDF_SLOW] = "读取 PDF 文件超过 %s 秒，已停止；请分开导入",
	[MSG_DOCX_DTD] = "Word 文件中的 “%s” 含有 DTD 或实体声明，出于安全不予读取",
	[MSG_FM_CHOICE] = "“%s” 的值 “%s” 无效，应为 %s",
	[MSG_TABLE_RAGGED] = "表格 “%s” 的这一行有 %d 格，与表头的 %d 格不一致",
	[MSG_TABLE_EMPTY] = "表格 “%s” 只有表头，没有数据行（表头与数据行之间不能空行）",
	[MSG_TABLE_BLANK] = "表格 “%s” 的数据行都是空的",
	[MSG_TABLE_NESTED] = "表格 “%s” 不能放在%s中",
	[MSG_TABLE_NO_TABLE] = "表题 “%s” 后面没有表格（表题下空一行，接着写表头行和 “|---|” 分隔行）",
	[MSG_TABLE_TOO_WIDE] = "表格 “%s” 太宽：最窄也要 %s 毫米，超出版心宽度 156 毫米，请减少列数或缩短不能断开的内容（刊物设置 “表格横页: 是” 允许横排）",
	[MSG_TABLE_TOO_WIDE_TURNED] = "表格 “%s” 太宽：最窄也要 %s 毫米，横排也超出版心高度 225 毫米，请减少列数或缩短不能断开的内容",
	[MSG_OPEN] = "无法打开 “%s”：%s",
	[MSG_READ] = "无法读取 “%s”：%s",
	[MSG_WRITE] = "无法写入 “%s”：%s",
	[MSG_RENAME] = "无法替换 “%s”：%s",
	[MSG_MKDIR] = "无法创建目录 “%s”：%s",
	[MSG_PRESS] = "无法载入印刷模块 “%s”：%s（生成印刷版和 layout、fonts 命令都需要它，它应与 jianbao 程序在同一目录，运行 make 即可生成）",
	[MSG_MOD_WORD] = "无法载入 Word 版模块 “%s”：%s（生成 Word 版需要它，它应与 jianbao 程序在同一目录，运行 make 即可生成）",
	[MSG_MOD_DECODE] = "无法载入 PDF 和图片转换模块 “%s”：%s（导入 PDF 文件和 Word 文件中的 GIF、BMP 等图片需要它，它应与 jianbao 程序在同一目录，运行 make 即可生成）",
	[MSG_MOD_IMPORT] = "无法载入导入模块 “%s”：%s（import 命令需要它，它应与 jianbao 程序在同一目录，运行 make 即可生成）",
	[MSG_MOD_SERVE] = "无法载入预览模块 “%s”：%s（serve 命令需要它，它应与 jianbao 程序在同一目录，运行 make 即可生成）",
	[MSG_USAGE] = "%s",
	[MSG_WORKER] = "生成进程意外终止（%s），从 “%s” 起的 %d 期可能未生成",
	[MSG_SERVE_LISTEN] = "无法在 “%s” 的 %d 端口上提供预览：%s",
	[MSG_SERVE_WATCH] = "无法监视 “%s” 中的改动：%s",
	[MSG_SERVE_PASSWORD] = "密码文件中应有 “用户名:密码散列” 的行（散列用 mkpasswd -m yescrypt 生成）",
};

/*
 * Rule ids of the findings `jianbao check` reports; the names are what
 * editors write in 检查忽略 and in [//]: # (jianbao: ignore RULE).
 */
static const char *const ruletab[MSG__MAX] = {
	[MSG_IMAGE_NO_ALT] = "image-alt",
	[MSG_IMAGE_MISSING] = "image-missing",
	[MSG_CHK_HALFWIDTH] = "halfwidth-punct",
	[MSG_CHK_UNCLOSED] = "unbalanced",
	[MSG_CHK_UNOPENED] = "unbalanced",
	[MSG_CHK_MISNESTED] = "unbalanced",
	[MSG_CHK_MIXED_QUOTES] = "mixed-quotes",
	[MSG_CHK_SPLIT_PARA] = "split-paragraph",
	[MSG_CHK_DATE_FORMAT] = "date-format",
	[MSG_CHK_DOUBLED] = "doubled",
	[MSG_CHK_CJK_SPACE] = "cjk-space",
	[MSG_CHK_MARK_SPACE] = "cjk-space",
	[MSG_CHK_ISSUE_GAP] = "issue-gap",
	[MSG_CHK_FUTURE_DATE] = "future-date",
	[MSG_CHK_NO_CREDITS] = "no-credits",
	[MSG_CHK_NO_DIST] = "no-distribution",
	[MSG_CHK_LONG_TITLE] = "long-title",
	[MSG_CHK_DUPLICATE] = "issue-duplicate",
	[MSG_CHK_DATE_ORDER] = "date-order",
	[MSG_CHK_PRIVATE_USE] = "private-use",
	[MSG_CHK_STRAIGHT_QUOTE] = "straight-quotes",
	[MSG_FIX_HALFWIDTH] = "halfwidth-punct",
	[MSG_FIX_QUOTES] = "straight-quotes",
	[MSG_FIX_CJK_SPACE] = "cjk-space",
	[MSG_FIX_IDEO_SPACE] = "fullwidth-space",
	[MSG_CHK_FILE_NAME] = "file-name",
};

static int	 worst;
static int	 nerrors;
static FILE	*stream;
static int	 quiet;
static enum msg_format format;
static int	(*filter)(enum msgid, const struct jb_pos *, void *);
static void	*filter_arg;

/* A JSON string of s; bytes that are not UTF-8 (a file name given on the
 * command line may have them) become U+FFFD, so the line stays JSON. */
static json_t *
jstr(const char *s)
{
	json_t	*j;
	gchar	*v;

	if ((j = json_string(s)) != NULL)
		return j;
	v = g_utf8_make_valid(s, -1);
	j = json_string(v);
	g_free(v);
	return j;
}

/* One diagnostic as a JSON object on one line. */
static void
put_json(FILE *fp, const struct jb_pos *pos, const char *level,
    const char *rule, const char *text)
{
	json_t	*o = json_object();
	int	 file = pos != NULL && pos->file != NULL;
	int	 line = file && pos->line > 0;

	json_object_set_new(o, "file", file ? jstr(pos->file) : json_null());
	json_object_set_new(o, "line", line ? json_integer(pos->line) :
	    json_null());
	json_object_set_new(o, "col", line && pos->col > 0 ?
	    json_integer(pos->col) : json_null());
	json_object_set_new(o, "level", jstr(level));
	json_object_set_new(o, "rule", rule != NULL ? jstr(rule) : json_null());
	json_object_set_new(o, "message", jstr(text));
	/* Keys in the order set, UTF-8 as it is, all on one line. */
	json_dumpf(o, fp, JSON_PRESERVE_ORDER | JSON_COMPACT);
	fputc('\n', fp);
	json_decref(o);
}

void
msg(enum msgid id, const struct jb_pos *pos, ...)
{
	va_list		 ap;
	FILE		*fp = stream ? stream : stderr;
	const char	*level, *rule = ruletab[id];
	gchar		*text;
	int		 lv;

	if (id > MSG_FATAL) {
		lv = 3;
		level = "错误";
	} else if (id > MSG_ERROR) {
		lv = 2;
		level = "错误";
	} else if (id < MSG_WARNING) {
		lv = 0;
		level = NULL;
		if (quiet)
			return;
	} else {
		lv = 1;
		level = "警告";
		if (quiet)
			return;
	}
	if (filter != NULL && !filter(id, pos, filter_arg))
		return;
	if (lv > worst)
		worst = lv;
	if (lv >= 2)
		nerrors++;

	va_start(ap, pos);
	text = g_strdup_vprintf(msgtab[id] ? msgtab[id] : "?", ap);
	va_end(ap);
	if (format == MSG_FORMAT_JSON) {
		put_json(fp, pos, level ? level : "提示", rule, text);
		g_free(text);
		fflush(fp);
		return;
	}

	if (pos != NULL && pos->file != NULL) {
		fputs(pos->file, fp);
		if (pos->line > 0) {
			fprintf(fp, ":%d", pos->line);
			if (pos->col > 0)
				fprintf(fp, ":%d", pos->col);
		}
		fputs(": ", fp);
	} else
		fputs("jianbao: ", fp);
	if (level != NULL)
		fprintf(fp, "%s：", level);
	fputs(text, fp);
	if (rule != NULL)
		fprintf(fp, " [%s]", rule);
	fputc('\n', fp);
	g_free(text);
	fflush(fp);
}

int
msg_level(void)
{
	return worst;
}

int
msg_errors(void)
{
	return nerrors;
}

void
msg_set_stream(void *fp)
{
	stream = fp;
}

void
msg_reset(void)
{
	worst = 0;
	nerrors = 0;
}

void
msg_set_quiet(int q)
{
	quiet = q;
}

const char *
msg_strerror(int errnum)
{
	switch (errnum) {
	case EACCES:
	case EPERM:
		return "没有权限";
	case ENOSPC:
	case EDQUOT:
	case EFBIG:
		return "磁盘空间不足";
	case ENOENT:
		return "文件或目录不存在";
	case EROFS:
		return "只读文件系统";
	case EISDIR:
		return "这是一个目录";
	case ENOTDIR:
		return "路径中有一项不是目录";
	case EIO:
		return "输入输出错误";
	default:
		return strerror(errnum);
	}
}

const char *
msg_rule(enum msgid id)
{
	return id < MSG__MAX ? ruletab[id] : NULL;
}

int
msg_is_rule(const char *s)
{
	int	 i;

	for (i = 0; i < MSG__MAX; i++)
		if (ruletab[i] != NULL && strcmp(ruletab[i], s) == 0)
			return 1;
	return 0;
}

void
msg_set_format(enum msg_format f)
{
	format = f;
}

void
msg_set_filter(int (*keep)(enum msgid, const struct jb_pos *, void *),
    void *arg)
{
	filter = keep;
	filter_arg = arg;
}
