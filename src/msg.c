/* msg.c -- the message table and the one function that prints diagnostics. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"

/* Problem first, subject quoted with “”, no final full stop. */
static const char *const msgtab[MSG__MAX] = {
	[MSG_FM_UNKNOWN_KEY] = "未知的前置信息键 “%s”，已忽略",
	[MSG_SERIES_UNKNOWN_KEY] = "未知的刊物设置键 “%s”，已忽略",
	[MSG_RAW_HTML] = "不支持 HTML 代码 “%s”，已忽略",
	[MSG_CODE_BLOCK] = "代码块按普通文字排印",
	[MSG_NO_ARTICLES] = "正文中没有文章标题（以 “##” 开头的行）",
	[MSG_TEXT_BEFORE_ARTICLE] = "第一篇文章标题之前的文字 “%s” 不属于任何文章，已忽略",
	[MSG_IMAGE_NO_ALT] = "图片 “%s” 缺少替代文字",
	[MSG_ORPHAN_CHAR] = "段落末行只有一个字 “%s”，无法通过重排避免",
	[MSG_FM_NONE] = "文件开头缺少前置信息（应以 “---” 行开始，至少写明期号和日期）",
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
	[MSG_UTF8] = "文件含有无效的 UTF-8 字节 “\\x%02X”",
	[MSG_NUL] = "文件含有空字符（NUL）",
	[MSG_TOO_LARGE] = "文件过大，上限为 %s",
	[MSG_TOO_DEEP] = "嵌套层级过深，上限为 %d 层",
	[MSG_IMAGE_MISSING] = "找不到图片文件 “%s”",
	[MSG_IMAGE_OUTSIDE] = "图片路径 “%s” 超出本期文件所在目录",
	[MSG_IMAGE_BAD] = "图片 “%s” 无法读取：%s",
	[MSG_IMAGE_TOO_BIG] = "图片 “%s” 过大（%s），上限为 %s",
	[MSG_GLYPH_MISSING] = "字体中没有字符 “%s”（U+%04X），请在 fonts/ 中放入含该字的字体",
	[MSG_FONT_MISSING] = "找不到字体 “%s”（用于%s）",
	[MSG_TEMPLATE] = "模板 “%s” 有误：%s",
	[MSG_OPEN] = "无法打开 “%s”：%s",
	[MSG_READ] = "无法读取 “%s”：%s",
	[MSG_WRITE] = "无法写入 “%s”：%s",
	[MSG_RENAME] = "无法替换 “%s”：%s",
	[MSG_MKDIR] = "无法创建目录 “%s”：%s",
	[MSG_USAGE] = "%s",
};

static int	 worst;
static int	 nerrors;
static FILE	*stream;
static int	 quiet;

void
msg(enum msgid id, const struct jb_pos *pos, ...)
{
	va_list		 ap;
	FILE		*fp = stream ? stream : stderr;
	const char	*level;
	int		 lv;

	if (id > MSG_FATAL) {
		lv = 3;
		level = "错误";
	} else if (id > MSG_ERROR) {
		lv = 2;
		level = "错误";
	} else {
		lv = 1;
		level = "警告";
		if (quiet)
			return;
	}
	if (lv > worst)
		worst = lv;
	if (lv >= 2)
		nerrors++;

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
	fprintf(fp, "%s：", level);
	va_start(ap, pos);
	vfprintf(fp, msgtab[id] ? msgtab[id] : "?", ap);
	va_end(ap);
	fputc('\n', fp);
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
