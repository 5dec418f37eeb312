/* cli.c -- the command line, read one way for every command: getopt_long over one table of options. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/util.h"

/* getopt_long() gives a long option as LONG_OPT + its enum cli_opt, a
 * short one as its letter. */
#define LONG_OPT	256

static const struct {
	const char	*name;		/* --name, or NULL */
	int		 letter;	/* -letter, or 0 */
	int		 arg;		/* takes a value */
	const char	*help;		/* its line in the usage */
} opts[CLI__MAX] = {
	[CLI_HTML] = { "html", 0, 0,
"  --html            只生成网页版\n" },
	[CLI_PDF] = { "pdf", 0, 0,
"  --pdf             只生成印刷版\n" },
	[CLI_DOCX] = { "docx", 0, 0,
"  --docx            只生成 Word 版（DOCX）\n" },
	[CLI_OFD] = { "ofd", 0, 0,
"  --ofd             只生成 OFD 版（版式与印刷版相同，供交换和归档）\n" },
	[CLI_OFD_A] = { "ofd-a", 0, 0,
"  --ofd-a           OFD 版按归档格式 OFD-A（GB/T 42133）生成\n" },
	[CLI_PNG] = { "png", 0, 0,
"  --png             只生成手机长图（PNG，1080 像素宽，太长时分成几张）\n" },
	[CLI_JPEG] = { "jpeg", 0, 0,
"  --jpeg            手机长图存为 JPEG（.jpg，文件小一些）\n" },
	[CLI_EVEN] = { "even", 0, 0,
"  --even            印刷版补足为偶数页（报尾放在最后一页）\n" },
	[CLI_FIXED] = { "fixed", 0, 0,
"  --fixed           按等宽字模排版（不依赖已安装的字体）\n" },
	[CLI_PDFA] = { "pdfa", 0, 0,
"  --pdfa            印刷版存为 PDF/A-2b（长期存档格式）\n" },
	[CLI_TAODA] = { "taoda", 0, 0,
"  --taoda           套打：印刷版不印红色的报头和红线，用于已印好红头的纸\n" },
	[CLI_DRAFT] = { "draft", 0, 0,
"  --draft           送审稿：印刷版每页斜印草稿字样和日期，网页版、Word 版加标记\n" },
	[CLI_JOBS] = { "jobs", 0, 1,
"  --jobs N          用 N 个进程同时生成（0 为处理器个数，默认 1）\n" },
	[CLI_FORMAT] = { "format", 0, 1,
"  --format 格式     校对结果的格式：text（默认）或 json（每个问题一行 JSON）\n" },
	[CLI_DATE] = { "date", 0, 1,
"  --date 日期       新一期（或导入一期）的日期，如 2026-03-02（默认今天）\n" },
	[CLI_KIND] = { "kind", 0, 1,
"  --kind 刊别       新建这一刊别（如增刊）的下一期，按刊别单独编号\n" },
	[CLI_OUTPUT] = { NULL, 'o', 1,
"  -o 文件           导入结果写到这个文件（默认 issues/年/期.md）\n" },
	[CLI_INTO] = { "into", 0, 1,
"  --into 期刊.md    导入的文章追加到这一期的末尾（期次信息不变）\n" },
	[CLI_NUMBER] = { "number", 0, 1,
"  --number N        导入一期的期号（原文没有报头时使用）\n" },
	[CLI_FORCE] = { "force", 0, 0,
"  --force           允许覆盖已有的输出文件\n" },
	[CLI_FIX] = { "fix", 0, 0,
"  --fix             改正不需要判断的问题（半角标点、直引号、多余空格），逐处报告\n" },
	[CLI_DRY_RUN] = { "dry-run", 0, 0,
"  --dry-run         与 --fix 同用：只列出要改正之处，不改文件\n" },
	[CLI_OUT] = { "out", 0, 1,
"  --out 目录        输出目录（默认 out）\n" },
	[CLI_TEMPLATES] = { "templates", 0, 1,
"  --templates 目录  网页模板目录（默认 templates）\n" },
	[CLI_SERIES] = { "series", 0, 1,
"  --series 文件     刊物设置文件（默认 bulletin.yaml）\n" },
	[CLI_PORT] = { "port", 0, 1,
"  --port N          预览用的端口（默认 8000；0 为任一空闲端口）\n" },
	[CLI_LISTEN] = { "listen", 0, 1,
"  --listen 地址     预览和编辑台在这个 IP 地址上提供（默认 127.0.0.1，只有本机\n"
"                    能打开；其他地址须有 --password-file）\n" },
	[CLI_PASSWORD_FILE] = { "password-file", 0, 1,
"  --password-file 文件  编辑台的用户名和密码散列，每行 “用户名:散列”\n" },
	[CLI_READ_ONLY] = { "read-only", 0, 0,
"  --read-only       编辑台只能看、不能改（给审稿人）\n" },
	[CLI_PUBLISH] = { "publish", 0, 1,
"  --publish 目录    编辑台的“发布”按钮把网站发布到这里（同 make publish DEST=目录）\n" },
	[CLI_HELP] = { "help", 'h', 0,
"  -h, --help        显示本帮助\n" },
};

void
cli_usage(FILE *fp, const struct cli_cmd *cmds, size_t n)
{
	size_t	 i;

	fputs("用法：jianbao 命令 [选项] [文件...]\n\n命令：\n", fp);
	for (i = 0; i < n; i++)
		fputs(cmds[i].line, fp);
	fputs("\n选项：\n", fp);
	for (i = 0; i < CLI__MAX; i++)
		fputs(opts[i].help, fp);
	fputs(
"  --version         显示版本\n"
"\n"
"期刊文件 issues/2019/13.md 生成 out/2019/13.html、out/2019/13.pdf 和\n"
"out/2019/13.docx。\n"
"出错时给出 “文件:行:列: 错误：说明”，并保留上一次生成的文件。\n"
"每个命令的用法和选项：jianbao 命令 --help\n", fp);
}

/* `jianbao NAME --help`: the command's usage and its options. */
static void
help(const struct cli_cmd *c)
{
	int	 i;

	printf("用法：jianbao %s %s\n\n%s\n选项：\n", c->name, c->synopsis,
	    c->about);
	for (i = 0; i < CLI__MAX; i++)
		if ((c->opts | CLI(HELP)) & (1u << i))
			fputs(opts[i].help, stdout);
}

int
cli_parse(const struct cli_cmd *c, struct cli_opts *o, int argc, char **argv)
{
	struct option	 lo[CLI__MAX + 1];
	char		 so[2 * CLI__MAX + 1], *end;
	unsigned	 take = c->opts | CLI(HELP);
	int		 i, nlo = 0, nso = 0, ch;

	/* The command's own options only, so that a prefix is taken as
	 * short for the option of this command it begins. */
	memset(lo, 0, sizeof(lo));
	for (i = 0; i < CLI__MAX; i++) {
		if (!(take & (1u << i)))
			continue;
		if (opts[i].name != NULL) {
			lo[nlo].name = opts[i].name;
			lo[nlo].has_arg = opts[i].arg ? required_argument :
			    no_argument;
			lo[nlo++].val = LONG_OPT + i;
		}
		if (opts[i].letter != 0) {
			so[nso++] = (char)opts[i].letter;
			if (opts[i].arg)
				so[nso++] = ':';
		}
	}
	so[nso] = '\0';
	opterr = 0;
	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		for (i = 0; i < CLI__MAX; i++)
			if (ch == LONG_OPT + i || ch == opts[i].letter)
				break;
		switch (i) {
		case CLI_HTML:
			o->html = 1;
			break;
		case CLI_PDF:
			o->pdf = 1;
			break;
		case CLI_DOCX:
			o->docx = 1;
			break;
		case CLI_OFD:
			o->ofd = 1;
			break;
		case CLI_OFD_A:
			o->ofd = o->ofd_a = 1;
			break;
		case CLI_PNG:
			o->png = 1;
			break;
		case CLI_JPEG:
			o->jpeg = 1;
			break;
		case CLI_EVEN:
			o->even = 1;
			break;
		case CLI_FIXED:
			o->fixed = 1;
			break;
		case CLI_PDFA:
			o->pdfa = 1;
			break;
		case CLI_TAODA:
			o->taoda = 1;
			break;
		case CLI_DRAFT:
			o->draft = 1;
			break;
		case CLI_JOBS:
			errno = 0;
			o->jobs = (int)strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    o->jobs < 0 || o->jobs > 1024) {
				msg(MSG_USAGE, NULL, "--jobs 需要 0 到 1024 的整数");
				return 2;
			}
			break;
		case CLI_PORT:
			errno = 0;
			o->port = (int)strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    o->port < 0 || o->port > 65535) {
				msg(MSG_USAGE, NULL, "--port 需要 0 到 65535 的整数");
				return 2;
			}
			break;
		case CLI_LISTEN:
			o->listen = optarg;
			break;
		case CLI_PASSWORD_FILE:
			o->password_file = optarg;
			break;
		case CLI_READ_ONLY:
			o->read_only = 1;
			break;
		case CLI_PUBLISH:
			o->publish = optarg;
			break;
		case CLI_OUT:
			o->out = optarg;
			break;
		case CLI_SERIES:
			o->series = optarg;
			break;
		case CLI_TEMPLATES:
			o->templates = optarg;
			break;
		case CLI_FORMAT:
			/* Chosen at once, so that a later bad option is
			 * reported in it too. */
			if (strcmp(optarg, "json") == 0)
				msg_set_format(MSG_FORMAT_JSON);
			else if (strcmp(optarg, "text") == 0)
				msg_set_format(MSG_FORMAT_TEXT);
			else
				goto bad;
			break;
		case CLI_DATE:
			o->date = optarg;
			break;
		case CLI_KIND:
			o->kind = optarg;
			break;
		case CLI_OUTPUT:
			o->output = optarg;
			break;
		case CLI_INTO:
			o->into = optarg;
			break;
		case CLI_NUMBER:
			errno = 0;
			o->number = (int)strtol(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    o->number < 1 || o->number > 999) {
				msg(MSG_USAGE, NULL, "--number 需要 1 到 999 的整数");
				return 2;
			}
			break;
		case CLI_FORCE:
			o->force = 1;
			break;
		case CLI_FIX:
			o->fix = 1;
			break;
		case CLI_DRY_RUN:
			o->dry_run = 1;
			break;
		case CLI_HELP:
			help(c);
			return 0;
		default:	/* an unknown option, or one without its value */
			goto bad;
		}
	}
	o->files = argv + optind;
	o->nfiles = argc - optind;
	if (c->nfiles < 0 || o->nfiles == c->nfiles)
		return -1;
bad:
	msg(MSG_USAGE, NULL, c->bad);
	return 2;
}
