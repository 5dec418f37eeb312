/* main.c -- the command line: parse options, load the series, run the stages per issue. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive.h"
#include "check.h"
#include "document.h"
#include "import.h"
#include "issues.h"
#include "jobs.h"
#include "mem.h"
#include "msg.h"
#include "new.h"
#include "outfile.h"
#include "press.h"
#include "render.h"

#define JIANBAO_VERSION	"0.1"

struct opts {
	const char	*series;	/* bulletin.yaml */
	const char	*out;		/* output root */
	const char	*templates;	/* template folder */
	int		 html;		/* write the HTML edition */
	int		 pdf;		/* write the PDF edition */
	int		 even;		/* PDF: pad to an even page count */
	int		 fixed;		/* layout: fixed-width metrics */
	int		 jobs;		/* build: worker processes, 0 one per CPU */
	char		*fontdir;	/* fonts/ beside the series file */
};

static void
usage(FILE *fp)
{
	fputs(
"用法：jianbao 命令 [选项] [文件...]\n"
"\n"
"命令：\n"
"  build 文件...     生成每期的网页版（HTML）和印刷版（PDF）\n"
"  site 文件...      生成往期目录、年度目录、订阅源（feed.xml）和全文搜索，\n"
"                    文件为全部各期\n"
"  dump 文件         显示解析后的文档结构（用于检查和测试）\n"
"  check [文件...]   校对文字并检查期号、日期等（--format=json 输出 JSON）\n"
"  new [--date 日期] 新建下一期的期刊文件（期号、总期号、日期、分送、署名）\n"
"  import 文件 [-o 输出.md]  把从 Word 或 PDF 粘贴的往期文字转成期刊文件\n"
"  layout 文件       显示印刷版的排版结果（每页每行的位置，用于检查和测试）\n"
"  fonts             列出各字体角色实际使用的字体文件\n"
"\n"
"选项：\n"
"  --html            只生成网页版\n"
"  --pdf             只生成印刷版\n"
"  --even            印刷版补足为偶数页（报尾放在最后一页）\n"
"  --fixed           layout 命令按等宽字模排版（不依赖已安装的字体）\n"
"  --jobs N          build 命令用 N 个进程同时生成（0 为处理器个数，默认 1）\n"
"  --out 目录        输出目录（默认 out）\n"
"  --series 文件     刊物设置文件（默认 bulletin.yaml）\n"
"  --templates 目录  网页模板目录（默认 templates）\n"
"  -h, --help        显示本帮助\n"
"  --version         显示版本\n"
"\n"
"期刊文件 issues/2019/13.md 生成 out/2019/13.html 和 out/2019/13.pdf。\n"
"出错时给出 “文件:行:列: 错误：说明”，并保留上一次生成的文件。\n", fp);
}

static int
cmd_build(const struct opts *o, int argc, char **argv)
{
	struct jobs_opts	 jo = { o->out, o->templates,
				    { o->fontdir, o->even, 0 }, o->html, o->pdf,
				    o->jobs };
	struct jb_series	*s;
	int			 rc;

	if (argc == 0) {
		msg(MSG_USAGE, NULL, "build 需要至少一个期刊文件");
		return 2;
	}
	if ((s = series_load(o->series)) == NULL)
		return 2;
	rc = jobs_build(&jo, s, argv, argc);
	series_free(s);
	return rc;
}

/*
 * The archive around the issue pages.  Every issue is loaded (or its
 * summary taken from the previous run, see archive.h), copied into the
 * archive and freed at once, so memory stays flat however many issues
 * there are.  Nothing is written unless every issue loads, so a broken
 * issue never takes an existing archive's entry away.
 */
static int
cmd_site(const struct opts *o, int argc, char **argv)
{
	struct jb_series	*s;
	struct arc		*a;
	char			*stem;
	int			 i, rc = 0;

	if (argc == 0) {
		msg(MSG_USAGE, NULL, "site 需要全部期刊文件");
		return 2;
	}
	if ((s = series_load(o->series)) == NULL)
		return 2;
	a = arc_new(s);
	arc_use_cache(a, o->out, o->series);
	for (i = 0; i < argc; i++) {
		stem = iss_stem(argv[i]);
		if (arc_add_file(a, argv[i], stem) == -1)
			rc = 1;
		free(stem);
	}
	if (rc == 0) {
		arc_sort(a);
		if (arc_write_pages(a, o->templates, o->out) == -1 ||
		    arc_write_feed(a, o->out) == -1 ||
		    arc_write_search(a, o->templates, o->out) == -1 ||
		    arc_write_cache(a, o->out) == -1)
			rc = 1;
	}
	arc_free(a);
	series_free(s);
	return rc;
}

/*
 * Load each file in turn and hand it to show(d, arg), which writes to
 * stdout: what dump and layout share.  Returns the exit status: 2 if the
 * series does not load, 1 if a file does not load or show() fails.
 */
static int
show_each(const struct opts *o, int argc, char **argv,
    int (*show)(const struct jb_doc *, void *), void *arg)
{
	struct jb_series	*s;
	struct jb_doc		*d;
	int			 i, rc = 0;

	if ((s = series_load(o->series)) == NULL)
		return 2;
	for (i = 0; i < argc; i++) {
		if ((d = doc_load(argv[i], s)) == NULL) {
			rc = 1;
			continue;
		}
		if (show(d, arg) == -1)
			rc = 1;
		doc_free(d);
	}
	series_free(s);
	return rc;
}

static int
show_tree(const struct jb_doc *d, void *arg)
{
	tree_write(d, stdout);
	return 0;
}

struct show_layout {
	const struct press	*p;
	struct pdf_opts		 po;
};

static int
show_layout(const struct jb_doc *d, void *arg)
{
	const struct show_layout *sl = arg;

	return sl->p->pdf_dump_layout(d, &sl->po, stdout);
}

static int
cmd_layout(const struct opts *o, int argc, char **argv)
{
	struct show_layout	 sl = { NULL, { o->fontdir, o->even, o->fixed } };

	if ((sl.p = press_load()) == NULL)
		return 1;
	return show_each(o, argc, argv, show_layout, &sl);
}

static int
cmd_fonts(const struct opts *o)
{
	struct jb_series	*s;
	const struct press	*p;
	int			 rc;

	if ((p = press_load()) == NULL)
		return 1;
	if ((s = series_load(o->series)) == NULL)
		return 2;
	rc = p->pdf_list_fonts(s, o->fontdir, stdout) == -1 ? 1 : 0;
	series_free(s);
	return rc;
}

/* The fonts/ folder beside the series file.  The caller frees it. */
static char *
font_folder(const char *series)
{
	const char	*slash = strrchr(series, '/');
	size_t		 n = slash ? (size_t)(slash - series) : 0;
	char		*dir = xmalloc(n + 8);

	if (slash == NULL)
		strcpy(dir, "fonts");
	else
		snprintf(dir, n + 8, "%.*s/fonts", (int)n, series);
	return dir;
}

int
main(int argc, char **argv)
{
	struct opts	 o = { "bulletin.yaml", "out", "templates", 0, 0, 0, 0,
			    1, NULL };
	static char	 errbuf[65536];
	const char	*cmd;
	char		**files, *end;
	int		 i, nfiles = 0, rc;

	/*
	 * Processes often share stderr (make -j runs site beside build, whose
	 * --jobs workers share it too): buffered, with msg() flushing after
	 * each message, a message leaves in one write and lines never mix.
	 */
	setvbuf(stderr, errbuf, _IOFBF, sizeof(errbuf));
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		puts("jianbao " JIANBAO_VERSION);
		return 0;
	}
	if (strcmp(cmd, "check") == 0)
		return chk_main(argc - 2, argv + 2);
	if (strcmp(cmd, "new") == 0)
		return new_main(argc - 2, argv + 2);
	if (strcmp(cmd, "import") == 0)
		return imp_main(argc - 2, argv + 2);
	files = xcalloc((size_t)argc, sizeof(char *));
	for (i = 2; i < argc; i++) {
		const char	*a = argv[i];

		if (strcmp(a, "--html") == 0)
			o.html = 1;
		else if (strcmp(a, "--pdf") == 0)
			o.pdf = 1;
		else if (strcmp(a, "--even") == 0)
			o.even = 1;
		else if (strcmp(a, "--fixed") == 0)
			o.fixed = 1;
		else if (strcmp(a, "--jobs") == 0 && i + 1 < argc) {
			errno = 0;
			o.jobs = (int)strtol(argv[++i], &end, 10);
			if (errno != 0 || end == argv[i] || *end != '\0' ||
			    o.jobs < 0 || o.jobs > 1024) {
				msg(MSG_USAGE, NULL, "--jobs 需要 0 到 1024 的整数");
				free(files);
				return 2;
			}
		} else if ((strcmp(a, "--out") == 0 || strcmp(a, "--series") == 0 ||
		    strcmp(a, "--templates") == 0) && i + 1 < argc) {
			if (a[2] == 'o')
				o.out = argv[++i];
			else if (a[2] == 's')
				o.series = argv[++i];
			else
				o.templates = argv[++i];
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			free(files);
			return 0;
		} else if (a[0] == '-' && a[1] != '\0') {
			msg(MSG_USAGE, NULL, "未知选项，请运行 jianbao --help 查看用法");
			free(files);
			return 2;
		} else
			files[nfiles++] = argv[i];
	}
	if (!o.html && !o.pdf)
		o.html = o.pdf = 1;

	o.fontdir = font_folder(o.series);
	if (strcmp(cmd, "build") == 0)
		rc = cmd_build(&o, nfiles, files);
	else if (strcmp(cmd, "site") == 0)
		rc = cmd_site(&o, nfiles, files);
	else if (strcmp(cmd, "layout") == 0)
		rc = cmd_layout(&o, nfiles, files);
	else if (strcmp(cmd, "fonts") == 0)
		rc = cmd_fonts(&o);
	else if (strcmp(cmd, "dump") == 0)
		rc = show_each(&o, nfiles, files, show_tree, NULL);
	else {
		msg(MSG_USAGE, NULL, "未知命令，请运行 jianbao --help 查看用法");
		rc = 2;
	}
	free(files);
	free(o.fontdir);
	if (rc == 0 && msg_level() >= 2)
		rc = 1;
	return rc;
}
