/* main.c -- the commands: what each takes and runs; main() dispatches to them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit/edit.h"
#include "cli/cli.h"
#include "util/util.h"
#include "model/model.h"
#include "import/import.h"
#include "jobs/jobs.h"
#include "serve/serve.h"

#define JIANBAO_VERSION	"0.1"

static int	 cmd_build(const struct cli_opts *);
static int	 cmd_site(const struct cli_opts *);
static int	 cmd_dump(const struct cli_opts *);
static int	 cmd_check(const struct cli_opts *);
static int	 cmd_new(const struct cli_opts *);
static int	 cmd_import(const struct cli_opts *);
static int	 cmd_layout(const struct cli_opts *);
static int	 cmd_fonts(const struct cli_opts *);
static int	 cmd_serve(const struct cli_opts *);

#define IMPORT_USAGE	"用法：jianbao import 文件... [-o 输出.md | --into 期刊.md] [--number N] [--date YYYY-MM-DD] [--force] [--series 文件]"
#define UNKNOWN_OPTION	"未知选项，请运行 jianbao --help 查看用法"

/* Every command, in the order `jianbao --help` lists them. */
static const struct cli_cmd cmds[] = {
	{ "build", cmd_build, CLI(HTML) | CLI(PDF) | CLI(DOCX) | CLI(OFD) |
	    CLI(OFD_A) | CLI(PNG) | CLI(JPEG) | CLI(EVEN) | CLI(PDFA) |
	    CLI(TAODA) | CLI(DRAFT) | CLI(JOBS) | CLI(OUT) | CLI(SERIES) |
	    CLI(TEMPLATES), -1,
	    "[选项] 文件...",
"  build 文件...     生成每期的网页版（HTML）、印刷版（PDF）和 Word 版（DOCX）\n",
"生成每期的网页版（HTML）、印刷版（PDF）和 Word 版（DOCX）：期刊文件\n"
"issues/2019/13.md 生成输出目录下的 2019/13.html（文中的图片放在它旁边）、\n"
"2019/13.pdf 和 2019/13.docx。给出 --html、--pdf、--docx 时只生成所给的几种。\n"
"--ofd 生成 OFD 版 2019/13.ofd（与印刷版同一版面；--ofd-a 为归档格式 OFD-A）；\n"
"刊物设置 “OFD版: 是” 时，生成印刷版也同时生成 OFD 版。\n"
"--png 生成手机长图 2019/13.png（太长时为 13-1.png、13-2.png……），\n"
"--jpeg 则存为 2019/13.jpg。\n"
"--pdfa 把印刷版存为 PDF/A-2b（存档用）；--taoda 生成套打用的印刷版：红色的\n"
"刊名和红线不印，其余位置不变（刊物设置“PDF/A: 是”“套打: 是”效果相同）。\n"
"--draft 生成送审稿：印刷版每页印上斜向的“送审稿”字样（刊物设置“草稿字样”\n"
"可改为“征求意见稿”等）和日期，网页版上方加醒目标记；须用 --out 另放。\n"
"出错的一期保留上一次生成的文件，其余各期照常生成。\n",
	    UNKNOWN_OPTION },
	{ "site", cmd_site, CLI(OUT) | CLI(SERIES) | CLI(TEMPLATES), -1,
	    "[选项] 文件...",
"  site 文件...      生成往期目录、年度目录、订阅源（feed.xml）和全文搜索，\n"
"                    文件为全部各期\n",
"生成往期目录（index.html）、年度目录、订阅源（feed.xml）和全文搜索。\n"
"文件为全部各期；有一期出错时什么也不写，原有的目录不变。\n",
	    UNKNOWN_OPTION },
	{ "serve", cmd_serve, CLI(PORT) | CLI(LISTEN) | CLI(PASSWORD_FILE) |
	    CLI(READ_ONLY) | CLI(PUBLISH) | CLI(OUT) | CLI(SERIES) |
	    CLI(TEMPLATES), 0,
	    "[选项]",
"  serve             编辑台和预览：在浏览器中编写各期，保存后网页和 PDF\n"
"                    随即重排，打开的网页自动刷新\n",
"先排好 issues/ 下需要重排的各期和往期目录，再在 http://127.0.0.1:8000/\n"
"提供输出目录中的网站，直到按 Ctrl-C。保存期刊文件、模板或刊物设置后，\n"
"在同一进程中随即重排受影响的网页、PDF 和目录，浏览器中打开的网页自动\n"
"刷新；出错时网页上方显示与终端相同的错误信息，改正后自动消失，网站仍是\n"
"上一次排好的样子。终端第一行是编辑台的地址（带口令），在浏览器中打开即可\n"
"新建、编写、校对、导入和下载各期。只有本机能打开，除非用 --listen 指定\n"
"别的地址，那时须用 --password-file 给出密码文件。\n",
	    "用法：jianbao serve [--port N] [--listen 地址 --password-file 文件] "
	    "[--read-only] [--publish 目录] [--out 目录]" },
	{ "dump", cmd_dump, CLI(SERIES), -1, "[选项] 文件...",
"  dump 文件         显示解析后的文档结构（用于检查和测试）\n",
"显示解析后的文档结构（用于检查和测试）。\n",
	    UNKNOWN_OPTION },
	{ "check", cmd_check, CLI(FORMAT) | CLI(SERIES) | CLI(FIX) |
	    CLI(DRY_RUN), -1, "[选项] [文件...]",
"  check [文件...]   校对文字并检查期号、日期等（--format=json 输出 JSON，\n"
"                    --fix 改正不需要判断的问题）\n",
"校对文字并检查期号、日期等；不给文件时检查 issues/ 下的全部各期。\n"
"有错误时退出码为 1，只有警告时为 0。\n"
"--fix 先改正不需要判断的问题（汉字间的半角标点、直引号、多余的空格），\n"
"每处报告一行 “文件:行:列: 已修正：…”，文件整体替换，再照常校对；\n"
"--dry-run 只列出要改正之处，不改文件。\n",
	    "用法：jianbao check [--fix [--dry-run]] [--format=json] [--series 文件] [文件...]" },
	{ "new", cmd_new, CLI(DATE) | CLI(KIND) | CLI(SERIES), 0, "[选项]",
"  new [--date 日期] [--kind 增刊]  新建下一期的期刊文件（期号、总期号、日期、\n"
"                    分送、署名）\n",
"新建下一期的期刊文件 issues/年/期.md 并显示它的路径：期号接着当年最近一期\n"
"（新的一年从第1期起），总期号加一，分送和署名照抄最近一期，并写好一篇\n"
"示例文章。--kind 增刊 新建当年下一期增刊 issues/年/zk-期.md（增刊单独编号，\n"
"不编总期号）。已有的文件不会被覆盖。\n",
	    "用法：jianbao new [--date YYYY-MM-DD] [--kind 刊别] [--series 文件]" },
	{ "import", cmd_import, CLI(OUTPUT) | CLI(INTO) | CLI(NUMBER) |
	    CLI(DATE) | CLI(FORCE) | CLI(SERIES), -1, "[选项] 文件...",
"  import 文件...    把来稿（Word 文件 .docx、从 Word、PDF 或网页复制的文字）\n"
"                    或往期原文转成期刊文件\n",
"把来稿或往期原文转成一期期刊文件：Word 文件（.docx）或文字文件（UTF-8、\n"
"GB18030、UTF-16）。几个文件按给出的顺序合成一期。报头写入期次信息；没有\n"
"报头时期号和日期取 --number、--date，或按 new 的规则取下一期和今天。\n"
"正文一字不丢：无法归类的内容照样留作段落，并指出所在的行。\n"
"不给 -o 时写到 issues/年/期.md；--into 把文章追加到已有的一期。\n"
"已有的文件只有加 --force 才会覆盖。\n",
	    IMPORT_USAGE },
	{ "layout", cmd_layout, CLI(EVEN) | CLI(FIXED) | CLI(PNG) | CLI(TAODA) |
	    CLI(DRAFT) | CLI(SERIES),
	    -1, "[选项] 文件...",
"  layout 文件       显示印刷版的排版结果（每页每行的位置，用于检查和测试）\n",
"显示印刷版的排版结果（每页每行的位置，用于检查和测试）；加 --png 显示手机长图的。\n",
	    UNKNOWN_OPTION },
	{ "fonts", cmd_fonts, CLI(SERIES), -1, "[选项]",
"  fonts             列出各字体角色实际使用的字体文件\n",
"列出各字体角色实际使用的字体文件。\n",
	    UNKNOWN_OPTION },
};

#define NCMDS	(sizeof(cmds) / sizeof(cmds[0]))

/* The series file, with what the command line asks of the print
 * edition's form on top of its settings; NULL after reporting. */
static struct jb_series *
series_with(const struct cli_opts *o)
{
	struct jb_series	*s;

	if ((s = series_load(o->series)) == NULL)
		return NULL;
	s->pdfa |= o->pdfa;
	s->preprinted |= o->taoda;
	s->draft |= o->draft;
	return s;
}

static int
cmd_build(const struct cli_opts *o)
{
	struct jobs_opts	 jo = { o->out, o->templates,
				    { o->fontdir, o->even, 0, 0, 0 }, o->html, o->pdf,
				    o->docx, o->ofd, o->ofd_a, o->png || o->jpeg,
				    o->jpeg, o->jobs };
	struct jb_series	*s;
	int			 rc;

	if (o->nfiles == 0) {
		msg(MSG_USAGE, NULL, "build 需要至少一个期刊文件");
		return 2;
	}
	/* A draft must not take the place of the issued bulletin, which
	 * the site's archive links to. */
	if (o->draft && strcmp(o->out, "out") == 0) {
		msg(MSG_USAGE, NULL, "--draft 需要用 --out 指定另一个输出目录"
		    "（如 --out 送审），以免送审稿覆盖 out/ 中的正式版");
		return 2;
	}
	if (!jo.html && !jo.pdf && !jo.docx && !jo.ofd && !jo.png)
		jo.html = jo.pdf = jo.docx = 1;
	if ((s = series_with(o)) == NULL)
		return 2;
	rc = jobs_build(&jo, s, o->files, o->nfiles);
	series_free(s);
	return rc;
}

/* The archive around the issue pages: jobs_site(). */
static int
cmd_site(const struct cli_opts *o)
{
	struct jb_series	*s;
	int			 rc;

	if (o->nfiles == 0) {
		msg(MSG_USAGE, NULL, "site 需要全部期刊文件");
		return 2;
	}
	if ((s = series_load(o->series)) == NULL)
		return 2;
	rc = jobs_site(s, o->series, o->templates, o->out, o->files,
	    o->nfiles);
	series_free(s);
	return rc;
}

/*
 * Load each file in turn and hand it to show(d, arg), which writes to
 * stdout: what dump and layout share.  Returns the exit status: 2 if the
 * series does not load, 1 if a file does not load or show() fails.
 */
static int
show_each(const struct cli_opts *o,
    int (*show)(const struct jb_doc *, void *), void *arg)
{
	struct jb_series	*s;
	struct jb_doc		*d;
	int			 i, rc = 0;

	if ((s = series_with(o)) == NULL)
		return 2;
	for (i = 0; i < o->nfiles; i++) {
		if ((d = doc_load(o->files[i], s)) == NULL) {
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

static int
cmd_dump(const struct cli_opts *o)
{
	return show_each(o, show_tree, NULL);
}

static int
cmd_check(const struct cli_opts *o)
{
	int	 rc;

	if (o->fix || o->dry_run) {
		rc = fix_main(o->series, o->nfiles, o->files, o->dry_run);
		if (rc != 0 || o->dry_run)
			return rc;
	}
	return chk_main(o->series, o->nfiles, o->files);
}

static int
cmd_new(const struct cli_opts *o)
{
	return new_main(o->series, o->date, o->kind);
}

static int
cmd_import(const struct cli_opts *o)
{
	struct imp_opts	 io = { o->series, o->output, o->into, o->date,
			    o->number, o->force };

	if (o->nfiles == 0 || (o->output != NULL && o->into != NULL)) {
		msg(MSG_USAGE, NULL, IMPORT_USAGE);
		return 2;
	}
	return imp_main(&io, o->nfiles, o->files);
}

struct show_layout {
	const struct pmod_table	*p;
	struct pmod_opts	 po;
};

static int
show_layout(const struct jb_doc *d, void *arg)
{
	const struct show_layout *sl = arg;

	return sl->p->pmod_dump_layout(d, &sl->po, stdout);
}

static int
cmd_layout(const struct cli_opts *o)
{
	struct show_layout	 sl = { NULL,
	    { o->fontdir, o->even, o->fixed, o->png, 0 } };

	if ((sl.p = press_load()) == NULL)
		return 1;
	return show_each(o, show_layout, &sl);
}

static int
cmd_fonts(const struct cli_opts *o)
{
	struct jb_series	*s;
	const struct pmod_table	*p;
	int			 rc;

	if ((p = press_load()) == NULL)
		return 1;
	if ((s = series_load(o->series)) == NULL)
		return 2;
	rc = p->pmod_list_fonts(s, o->fontdir, stdout) == -1 ? 1 : 0;
	series_free(s);
	return rc;
}

static int
cmd_serve(const struct cli_opts *o)
{
	struct serve_opts	 so = { o->out, o->templates, o->series,
				    o->fontdir, o->listen, o->port,
				    o->password_file, o->read_only, o->publish };

	return serve_main(&so);
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
	struct cli_opts		 o = { .out = "out", .jobs = 1, .port = 8000,
				    .series = datadir_find("bulletin.yaml"),
				    .templates = datadir_find("templates") };
	static char		 errbuf[65536];
	const struct cli_cmd	*c;
	char			*fontdir;
	int			 rc;

	/*
	 * Processes often share stderr (make -j runs site beside build, whose
	 * --jobs workers share it too): buffered, with msg() flushing after
	 * each message, a message leaves in one write and lines never mix.
	 */
	setvbuf(stderr, errbuf, _IOFBF, sizeof(errbuf));
	if (argc < 2) {
		cli_usage(stderr, cmds, NCMDS);
		return 2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		cli_usage(stdout, cmds, NCMDS);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("jianbao " JIANBAO_VERSION);
		return 0;
	}
	for (c = cmds; c < cmds + NCMDS; c++)
		if (strcmp(c->name, argv[1]) == 0)
			break;
	if (c == cmds + NCMDS) {
		msg(MSG_USAGE, NULL, "未知命令，请运行 jianbao --help 查看用法");
		return 2;
	}
	if ((rc = cli_parse(c, &o, argc - 1, argv + 1)) != -1)
		return rc;
	o.fontdir = fontdir = font_folder(o.series);
	rc = c->run(&o);
	free(fontdir);
	if (rc == 0 && msg_level() >= 2)
		rc = 1;
	return rc;
}
