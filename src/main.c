/* main.c -- the command line: parse options, load the series, run the stages per issue. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "check.h"
#include "datadir.h"
#include "document.h"
#include "import.h"
#include "issues.h"
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

/*
 * What every issue of one build run shares: the options, the series and
 * the issue list of the archive the last issue came from, so that a run
 * over a thousand issues reads the issues folder once, not once per page.
 */
struct build {
	const struct opts	*o;
	const struct jb_series	*s;
	char			*root;		/* folder scanned into issues */
	size_t			 skip;		/* "./" prefix of the list's paths */
	struct iss_list		 issues;
	size_t			 hint;		/* where the last issue was found */
	/* One press per process for every issue it prints: fonts and their
	 * caches are made once.  Made on the first print edition, so each
	 * worker makes its own after fork() and never shares threads. */
	const struct press	*press;
	struct pdf_press	*pp;
};

static void
build_done(struct build *b)
{
	if (b->press != NULL)
		b->press->pdf_press_free(b->pp);
	iss_free(&b->issues);
	free(b->root);
}

/*
 * Sibling issues of path issues/YYYY/NN.md: the issues listed by
 * iss_scan() in the folder above its year folder.  Fills prev and next
 * with "YYYY/NN", or "" when there is none.
 */
static void
neighbours(struct build *b, const char *path, char *prev, char *next,
    size_t size)
{
	struct iss_list	*l = &b->issues;
	char		*root = xstrdup(path), *p;
	size_t		 i, k, skip = 0;

	prev[0] = next[0] = '\0';
	/* root = folder of the year folder of path */
	if ((p = strrchr(root, '/')) == NULL) {
		free(root);
		return;
	}
	*p = '\0';
	if ((p = strrchr(root, '/')) != NULL)
		*p = '\0';
	else {
		/* Run inside the issues folder: the list says ./YYYY/NN.md. */
		strcpy(root, ".");
		skip = 2;
	}
	if (b->root == NULL || strcmp(b->root, root) != 0) {
		iss_free(l);
		free(b->root);
		iss_scan(root, l);
		b->root = root;
		b->skip = skip;
		b->hint = 0;
	} else
		free(root);
	/* make hands the issues over in order: look after the last one first */
	for (k = 0; k < l->n; k++) {
		i = (b->hint + k) % l->n;
		if (strcmp(l->v[i].path + b->skip, path) == 0)
			break;
	}
	if (k == l->n)
		return;
	b->hint = i;
	if (i > 0)
		snprintf(prev, size, "%d/%02d", l->v[i - 1].year, l->v[i - 1].number);
	if (i + 1 < l->n)
		snprintf(next, size, "%d/%02d", l->v[i + 1].year, l->v[i + 1].number);
}

/*
 * Where an issue sits in the site, without extension: issues/2019/13.md
 * gives 2019/13 when its folder is named after a year, any other file its
 * basename.  The caller frees the result.
 */
static char *
site_stem(const char *path)
{
	const char	*base = strrchr(path, '/'), *dir;
	char		*stem;
	size_t		 n = strlen(path) + 2;
	int		 len, dirlen;

	base = base ? base + 1 : path;
	len = (int)strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".md") == 0)
		len -= 3;
	stem = xmalloc(n);
	/* dir: the folder name just before base, if any */
	for (dir = base - 1; dir > path && dir[-1] != '/'; dir--)
		;
	dirlen = (int)(base - 1 - dir);
	if (base != path && dirlen == 4 && strspn(dir, "0123456789") >= 4)
		snprintf(stem, n, "%.4s/%.*s", dir, len, base);
	else
		snprintf(stem, n, "%.*s", len, base);
	return stem;
}

/* The output name of an issue without extension, OUT/2019/13.  The
 * caller frees the result. */
static char *
out_stem(const char *out, const char *path)
{
	char	*rel = site_stem(path), *stem;
	size_t	 n = strlen(out) + strlen(rel) + 2;

	stem = xmalloc(n);
	snprintf(stem, n, "%s/%s", out, rel);
	free(rel);
	return stem;
}

/* Copy the issue's images beside its page so relative src attributes work. */
static int
copy_images(const struct jb_doc *d, const char *stem)
{
	const struct jb_block	*b;
	char			*dst, *slash;
	size_t			 i, j, n;
	int			 rc;

	for (i = 0; i < d->narticles; i++) {
		for (j = 0; j < d->articles[i].nblocks; j++) {
			b = &d->articles[i].blocks[j];
			if (b->kind != JB_BLOCK_IMAGE)
				continue;
			n = strlen(stem) + strlen(b->src) + 2;
			dst = xmalloc(n);
			snprintf(dst, n, "%s", stem);
			if ((slash = strrchr(dst, '/')) != NULL)
				slash[1] = '\0';
			strcat(dst, b->src);
			rc = outfile_copy(b->path, dst);
			free(dst);
			if (rc == -1)
				return -1;
		}
	}
	return 0;
}

/* Write the editions of one issue that html and pdf ask for. */
static int
build_one(struct build *b, const char *path, int html, int pdf)
{
	const struct opts	*o = b->o;
	struct jb_doc	*d;
	struct jb_nav	 nav;
	char		 prev[32], next[32], prevhref[64], nexthref[64];
	char		 prevlabel[64], nextlabel[64], pdfhref[256];
	char		*stem = NULL, *target = NULL;
	const char	*base;
	size_t		 n;
	int		 rc = -1;

	/* Started first: the press reads the font configuration while the
	 * issue is parsed. */
	if (pdf && b->pp == NULL && (b->press = press_load()) != NULL) {
		struct pdf_opts po = { o->fontdir, o->even, 0 };

		b->pp = b->press->pdf_press_new(&po);
	}
	if ((d = doc_load(path, b->s)) == NULL)
		return -1;
	stem = out_stem(o->out, path);
	n = strlen(stem) + 8;
	target = xmalloc(n);

	if (html) {
		memset(&nav, 0, sizeof(nav));
		neighbours(b, path, prev, next, sizeof(prev));
		if (prev[0]) {
			snprintf(prevhref, sizeof(prevhref), "../%s.html", prev);
			snprintf(prevlabel, sizeof(prevlabel), "%.4s年第%d期", prev,
			    atoi(prev + 5));
			nav.prev_href = prevhref;
			nav.prev_label = prevlabel;
		}
		if (next[0]) {
			snprintf(nexthref, sizeof(nexthref), "../%s.html", next);
			snprintf(nextlabel, sizeof(nextlabel), "%.4s年第%d期", next,
			    atoi(next + 5));
			nav.next_href = nexthref;
			nav.next_label = nextlabel;
		}
		base = strrchr(stem, '/');
		snprintf(pdfhref, sizeof(pdfhref), "%s.pdf", base ? base + 1 : stem);
		nav.pdf_href = pdfhref;
		nav.index_href = "../index.html";
		nav.root = "../";
		snprintf(target, n, "%s.html", stem);
		if (copy_images(d, stem) == -1 ||
		    html_write_issue(d, &nav, o->templates, target) == -1)
			goto out;
	}
	if (pdf) {
		snprintf(target, n, "%s.pdf", stem);
		if (b->pp == NULL ||
		    b->press->pdf_press_write(b->pp, d, target) == -1)
			goto out;
	}
	rc = 0;
out:
	free(target);
	free(stem);
	doc_free(d);
	return rc;
}

/*
 * build --jobs: the issues are cut into batches of consecutive files, and
 * up to jobs worker processes take the next batch as soon as one
 * finishes, so the workers end together.  A worker is a fork of this
 * process: it loads fonts and templates once for its batch without paying
 * a program start for every issue, and a fresh worker per batch bounds
 * what caches grow to.  A batch is at most a quarter of a worker's share,
 * so no worker is left with a long tail.  Both editions of an issue are
 * made by the same worker, so its messages are printed once.
 */
#define PDF_BATCH	8	/* issues per worker with print editions */
#define HTML_BATCH	250	/* issues per worker with pages only */

struct batch {
	int	 first;		/* index of the first file */
	int	 n;		/* files */
	pid_t	 pid;		/* worker, 0 when not started or done */
};

static int
run_batch(struct build *b, const struct batch *t, char **files)
{
	int	 i, rc = 0;

	for (i = t->first; i < t->first + t->n; i++)
		if (build_one(b, files[i], b->o->html, b->o->pdf) == -1)
			rc = 1;
	return rc;
}

/*
 * Run the batches in up to jobs workers.  Returns the exit status of the
 * whole build, or in a worker the worker's own, which main() passes on as
 * the process's after the same clean-up as the parent's.
 */
static int
run_workers(struct build *b, int jobs, char **files, int nfiles)
{
	const struct opts	*o = b->o;
	struct batch		*v;
	char			 why[64];
	pid_t			 pid;
	int			 size, nb = 0, next = 0, running = 0;
	int			 i, st, rc = 0;

	size = (nfiles + jobs * 4 - 1) / (jobs * 4);
	if (size > (o->pdf ? PDF_BATCH : HTML_BATCH))
		size = o->pdf ? PDF_BATCH : HTML_BATCH;
	v = xcalloc((size_t)nfiles, sizeof(*v));
	for (i = 0; i < nfiles; i += size) {
		v[nb].first = i;
		v[nb].n = nfiles - i < size ? nfiles - i : size;
		nb++;
	}
	/* Whatever sits in the buffers would be written by every worker. */
	fflush(stdout);
	fflush(stderr);
	while (next < nb || running > 0) {
		while (running < jobs && next < nb) {
			if ((pid = fork()) == 0) {
				rc = run_batch(b, &v[next], files);
				goto out;
			}
			if (pid == -1) {
				/* No process to spare: the batch is built here. */
				if (run_batch(b, &v[next], files) != 0)
					rc = 1;
			} else {
				v[next].pid = pid;
				running++;
			}
			next++;
		}
		if (running == 0)
			break;
		if ((pid = waitpid(-1, &st, 0)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < next && v[i].pid != pid; i++)
			;
		if (i == next)
			continue;
		v[i].pid = 0;
		running--;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
			continue;
		if (rc < 1)
			rc = 1;
		if (WIFEXITED(st) && WEXITSTATUS(st) == 1)
			continue;	/* the worker named the failed issues */
		if (WIFSIGNALED(st))
			snprintf(why, sizeof(why), "信号 %d", WTERMSIG(st));
		else
			snprintf(why, sizeof(why), "退出码 %d", WEXITSTATUS(st));
		msg(MSG_WORKER, NULL, why, files[v[i].first], v[i].n);
	}
out:
	free(v);
	return rc;
}

static int
cmd_build(const struct opts *o, int argc, char **argv)
{
	struct jb_series	*s;
	struct build		 b;
	long			 ncpu;
	int			 i, jobs = o->jobs, rc = 0;

	if (argc == 0) {
		msg(MSG_USAGE, NULL, "build 需要至少一个期刊文件");
		return 2;
	}
	if ((s = series_load(o->series)) == NULL)
		return 2;
	memset(&b, 0, sizeof(b));
	b.o = o;
	b.s = s;
	if (jobs == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = ncpu > 0 ? (int)ncpu : 1;
	}
	if (jobs > argc)
		jobs = argc;
	if (jobs > 1)
		rc = run_workers(&b, jobs, argv, argc);
	else
		for (i = 0; i < argc; i++)
			if (build_one(&b, argv[i], o->html, o->pdf) == -1)
				rc = 1;
	build_done(&b);
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
		stem = site_stem(argv[i]);
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
	struct opts	 o = { datadir_find("bulletin.yaml"), "out",
			    datadir_find("templates"), 0, 0, 0, 0, 1, NULL };
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
