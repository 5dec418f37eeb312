/* rebuild.c -- the server's builder: issues, pages, archive and print editions rebuilt in this process, their diagnostics kept for the pages. */
#define _GNU_SOURCE	/* gettid(): a thread's own priority */
#include <sys/resource.h>
#include <sys/stat.h>


#include <dirent.h>
#include <glob.h>
#include <signal.h>
#include <stdlib.h>


#include "model/model.h"
#include "jobs/jobs.h"
#include "util/util.h"
#include "serve/serve.h"
#include "serve/serve_int.h"

static struct diag *
diag_of(struct srv *v, const char *path)
{
	size_t	 i;

	for (i = 0; i < v->ndiags; i++)
		if (strcmp(v->diags[i].path, path) == 0)
			return &v->diags[i];
	v->diags = xrealloc(v->diags, (v->ndiags + 1) * sizeof(*v->diags));
	v->diags[v->ndiags].path = xstrdup(path);
	v->diags[v->ndiags].text = NULL;
	return &v->diags[v->ndiags++];
}

int
rebuild_any_errors(const struct srv *v)
{
	size_t	 i;

	for (i = 0; i < v->ndiags; i++)
		if (v->diags[i].text != NULL)
			return 1;
	return 0;
}

/*
 * Run one build step, its diagnostics caught in memory as well as printed
 * to stderr, and keep them as those of key when it reported an error.
 * Returns 0 when it succeeded.
 */
int
rebuild_step(struct srv *v, const char *key, int (*fn)(struct step *),
    struct step *st)
{
	struct diag	*dg = diag_of(v, key);
	char		*text = NULL;
	size_t		 len = 0;
	FILE		*fp;
	int		 errors = msg_errors(), rc;

	if ((fp = open_memstream(&text, &len)) == NULL)
		abort();
	msg_set_stream(fp);
	rc = fn(st);
	msg_set_stream(NULL);
	fclose(fp);
	fputs(text, stderr);
	fflush(stderr);
	free(dg->text);
	dg->text = NULL;
	if (msg_errors() > errors || rc != 0) {
		dg->text = text;
		rc = -1;
	} else
		free(text);
	return rc;
}

/* The series file, read again, and a builder made anew for it; when it
 * does not load, the last good one stays. */
int
rebuild_series(struct step *st)
{
	struct srv		*v = st->v;
	struct jb_series	*s;

	if ((s = series_load(v->o->series)) == NULL)
		return -1;
	jobs_free(v->jobs);
	series_free(v->s);
	v->s = s;
	v->jobs = jobs_new(&v->jo, s);
	return 0;
}

static int
step_issue(struct step *st)
{
	return jobs_one(st->v->jobs, st->path, st->html, st->pdf, st->docx);
}

static int
step_site(struct step *st)
{
	struct srv	*v = st->v;
	char		**files = xcalloc(v->issues.n + 1, sizeof(*files));
	size_t		 i;
	int		 rc;

	for (i = 0; i < v->issues.n; i++)
		files[i] = v->issues.v[i].path;
	rc = jobs_site(v->s, v->o->series, v->o->templates, v->o->out,
	    files, (int)v->issues.n);
	free(files);
	return rc;
}

/* The errors of every issue and of the archive, for the pages. */
static void
publish(struct srv *v, int built)
{
	char	*text = NULL;
	size_t	 i, n = 0, len;

	for (i = 0; i < v->ndiags; i++) {
		if (v->diags[i].text == NULL)
			continue;
		len = strlen(v->diags[i].text);
		text = xrealloc(text, n + len + 1);
		memcpy(text + n, v->diags[i].text, len + 1);
		n += len;
	}
	while (n > 0 && text[n - 1] == '\n')
		text[--n] = '\0';
	pthread_mutex_lock(&v->lock);
	if ((text == NULL) != (v->diag == NULL) ||
	    (text != NULL && strcmp(text, v->diag) != 0)) {
		free(v->diag);
		v->diag = text;
		text = NULL;
		v->diaggen++;
	}
	if (built)
		v->gen++;
	pthread_cond_broadcast(&v->cond);
	pthread_mutex_unlock(&v->lock);
	free(text);
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The print and Word editions of a rebuild_issues, and what they took. */
struct prints {
	struct srv	*v;
	char		**paths;	/* NULL: every issue */
	size_t		 n;
	const char	*ok;		/* ok[i]: issue i has a page */
	double		 print, word;	/* ms building them */
	double		 written;	/* ms from the save to the last PDF */
};

/*
 * The print editions, on a thread of their own at a lower priority: the
 * pages told to reload, and the browser fetching them, come first, and
 * what of the processors they leave goes to the PDF at once.  The Word
 * edition comes after the print edition, and only if that could be set:
 * both report what the layout finds wrong.
 */
static void *
print_editions(void *arg)
{
	struct prints	*pr = arg;
	struct srv	*v = pr->v;
	struct step	 st = { v, NULL, 0, 0, 0 };
	struct timespec	 t0;
	char		 key[PATH_MAX + 8];
	size_t		 i;

	setpriority(PRIO_PROCESS, (id_t)gettid(), PRINT_NICE);
	for (i = 0; i < pr->n; i++) {
		st.path = pr->paths != NULL ? pr->paths[i] :
		    v->issues.v[i].path;
		snprintf(key, sizeof(key), "%s (PDF)", st.path);
		if (!pr->ok[i]) {
			/* the page said what is wrong with the issue */
			free(diag_of(v, key)->text);
			diag_of(v, key)->text = NULL;
			continue;
		}
		st.docx = 0;
		st.pdf = 1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (rebuild_step(v, key, step_issue, &st) == -1)
			continue;
		pr->print += ms_since(&t0);
		pr->written = ms_since(&v->saved);
		st.pdf = 0;
		st.docx = 1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		rebuild_step(v, key, step_issue, &st);
		pr->word += ms_since(&t0);
	}
	return NULL;
}

/*
 * Build the editions html and pdf ask for of the issues in paths (all
 * issues when paths is NULL), then the archive unless an issue is broken
 * (it would refuse to write anyway, and say the same again), and tell the
 * pages; the print editions come after that (print_editions()), so the
 * pages reload as soon as they can, and reload again only when the PDF
 * reports an error.  The series, the builder and the issue list are made
 * again first when renew is set.
 */
void
rebuild_issues(struct srv *v, char **paths, size_t n, int html, int pdf, int renew)
{
	struct step		 st = { v, NULL, 0, 0, 0 };
	struct prints		 pr;
	struct timespec		 t0;
	pthread_t		 t;
	char			*ok;
	double			 pages;
	size_t			 i;
	int			 built = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);

	/* a new series, or neighbours from a new issue list: a new builder */
	if (renew) {
		iss_free(&v->issues);
		iss_scan(ISS_DIR, &v->issues);
		if (rebuild_step(v, v->o->series, rebuild_series, &st) == -1) {
			publish(v, 0);
			return;
		}
	}
	if (v->s == NULL) {
		publish(v, 0);
		return;
	}
	if (paths == NULL)
		n = v->issues.n;
	ok = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		st.path = paths != NULL ? paths[i] : v->issues.v[i].path;
		ok[i] = 1;
		if (html) {
			st.html = 1;
			ok[i] = rebuild_step(v, st.path, step_issue, &st) == 0;
			built |= ok[i];
		}
	}
	if (!rebuild_any_errors(v) && rebuild_step(v, "", step_site, &st) == 0)
		built = 1;
	publish(v, built);
	pages = ms_since(&t0);
	if (!pdf) {
		printf("已重排%s网页和目录：%.0f 毫秒\n", rebuild_any_errors(v) ?
		    "（有错误，见上）" : "", pages);
		fflush(stdout);
		free(ok);
		return;
	}
	/* The builder is this thread's again when the print thread ends:
	 * messages and the press are never used by two threads at once. */
	memset(&pr, 0, sizeof(pr));
	pr.v = v;
	pr.paths = paths;
	pr.n = n;
	pr.ok = ok;
	if (pthread_create(&t, NULL, print_editions, &pr) == 0)
		pthread_join(t, NULL);
	else
		print_editions(&pr);
	free(ok);
	pthread_mutex_lock(&v->lock);
	v->printgen++;		/* the desk shows the print pages anew */
	pthread_mutex_unlock(&v->lock);
	publish(v, 0);
	/* what bench/serve.sh reads, and what tells an editor it is done */
	printf("已重排 %zu 期%s：网页和目录 %.1f 毫秒，PDF %.1f 毫秒，"
	    "Word 版 %.1f 毫秒；保存后 %.1f 毫秒 PDF 已写好\n", n,
	    rebuild_any_errors(v) ? "（有错误，见上）" : "", pages, pr.print, pr.word,
	    pr.written);
	fflush(stdout);
}

static int
newer(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
	    (a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

/* The newest of the files an issue's editions depend on besides its own:
 * the program, the series file, the templates. */
static void
newest_common(const struct srv *v, struct stat *newest)
{
	struct stat	 st;
	struct dirent	*de;
	DIR		*dir;
	char		 path[PATH_MAX];

	memset(newest, 0, sizeof(*newest));
	if (stat("/proc/self/exe", &st) == 0 && newer(&st, newest))
		*newest = st;
	if (stat(v->o->series, &st) == 0 && newer(&st, newest))
		*newest = st;
	if ((dir = opendir(v->o->templates)) == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s", v->o->templates,
		    de->d_name);
		if (de->d_name[0] != '.' && stat(path, &st) == 0 &&
		    newer(&st, newest))
			*newest = st;
	}
	closedir(dir);
}

/*
 * The list make keeps in OUT/.issues of the issue files its pages link
 * between, as make writes it: every .md file in a folder of the issues
 * folder, sorted, separated by spaces, a newline at the end.  The caller
 * frees it.
 */
char *
rebuild_issue_list(void)
{
	struct buf	 b = { 0 };
	glob_t		 g;
	size_t		 i;

	if (glob(ISS_DIR "/*/*.md", 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			buf_printf(&b, "%s%s", i ? " " : "", g.gl_pathv[i]);
		globfree(&g);
	}
	buf_puts(&b, "\n");
	return b.data;
}

/* Is OUT/.issues the list of now?  After a build with new neighbours the
 * file is written, so make and the preview agree on what is current. */
int
rebuild_same_list(const struct srv *v, const char *list, int write)
{
	char	*path, buf[1 << 16];
	size_t	 n = strlen(v->o->out) + 16, len = 0;
	FILE	*fp;
	int	 same;

	path = xmalloc(n);
	snprintf(path, n, "%s/.issues", v->o->out);
	if ((fp = fopen(path, "r")) != NULL) {
		len = fread(buf, 1, sizeof(buf) - 1, fp);
		fclose(fp);
	}
	buf[len] = '\0';
	same = fp != NULL && strcmp(buf, list) == 0;
	if (write && !same)
		outfile_put(path, list, strlen(list));
	free(path);
	return same;
}

/* At start: the issues whose outputs are missing or older than a source;
 * every page when issues came or went since the pages were made. */
void
rebuild_stale(struct srv *v)
{
	struct stat	 common, src, out;
	char		**stale, *stem, *p, *list;
	size_t		 i, n = 0, len;
	int		 html, pdf;

	newest_common(v, &common);
	stale = xcalloc(v->issues.n + 1, sizeof(*stale));
	for (i = 0; i < v->issues.n; i++) {
		if (stat(v->issues.v[i].path, &src) != 0)
			continue;
		if (newer(&common, &src))
			src = common;
		stem = iss_out_stem(v->o->out, v->issues.v[i].path);
		len = strlen(stem) + 8;
		p = xmalloc(len);
		snprintf(p, len, "%s.html", stem);
		html = stat(p, &out) != 0 || newer(&src, &out);
		snprintf(p, len, "%s.pdf", stem);
		pdf = stat(p, &out) != 0 || newer(&src, &out);
		snprintf(p, len, "%s.docx", stem);
		pdf |= stat(p, &out) != 0 || newer(&src, &out);
		free(p);
		free(stem);
		if (html || pdf)
			stale[n++] = v->issues.v[i].path;
	}
	/* One run over the stale ones, both editions of each, which is
	 * what make does after a change to either source. */
	list = rebuild_issue_list();
	if (rebuild_same_list(v, list, 0))
		rebuild_issues(v, stale, n, 1, 1, 0);
	else {
		rebuild_issues(v, NULL, 0, 1, 0, 0);
		rebuild_issues(v, stale, n, 0, 1, 0);
		if (!rebuild_any_errors(v))
			rebuild_same_list(v, list, 1);
	}
	free(list);
	free(stale);
}
