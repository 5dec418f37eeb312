/* serve.c -- serve: the site on a local HTTP server, rebuilt in this process on each save, open pages reloaded. */
#define _GNU_SOURCE	/* gettid(): a thread's own priority */
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "model/model.h"
#include "jobs/jobs.h"
#include "util/util.h"
#include "serve/serve.h"

#define DEFAULT_ADDR	"127.0.0.1"
#define EVENTS_PATH	"/__events"
#define MAX_CONNS	256		/* connections at once */
#define REQ_MEMORY	(32 * 1024)	/* a request's headers, at most */
#define CONN_TIMEOUT	60		/* seconds an idle connection lives */
#define PING_SECONDS	10		/* an idle event stream says so */
#define SETTLE_MS	5		/* events of one save arrive together */
#define MAX_WATCHES	512
#define PRINT_NICE	10		/* the print editions' priority */

/*
 * Added before </body> of every HTML response, never to a file: listens
 * at EVENTS_PATH, reloads the page when a rebuild succeeded (and when the
 * server it reconnects to has built since the page was served), and shows
 * the diagnostics of a failed rebuild over the page.  %u is the build the
 * page was served from.
 */
static const char reload_script[] =
"<script>(function(){var g=\"%u\",s=new EventSource(\"" EVENTS_PATH "\");"
"s.addEventListener(\"hello\",function(e){if(e.data!==g)location.reload();});"
"s.addEventListener(\"reload\",function(){s.close();location.reload();});"
"s.addEventListener(\"diag\",function(e){"
"var d=document.getElementById(\"jianbao-serve-diag\");"
"if(!e.data){if(d)d.remove();return;}"
"if(!d){d=document.createElement(\"pre\");d.id=\"jianbao-serve-diag\";"
"d.setAttribute(\"role\",\"alert\");"
"d.style.cssText=\"position:fixed;left:0;right:0;top:0;z-index:2147483647;"
"margin:0;padding:1em 1.5em;max-height:70vh;overflow:auto;white-space:pre-wrap;"
"background:#fff4f4;color:#8b0000;border-bottom:3px solid #c00;"
"font:15px/1.6 monospace;box-shadow:0 2px 8px rgba(0,0,0,.3)\";"
"document.body.appendChild(d);}"
"d.textContent=e.data;});})();</script>\n";

/* A watched folder and what a change in it means. */
enum watch_kind {
	W_ISSUES,	/* the issues folder: year folders come and go */
	W_YEAR,		/* issues/YYYY: issue files */
	W_IMAGES,	/* issues/YYYY/images: pictures of that year's issues */
	W_TEMPLATES,	/* every page */
	W_SERIES	/* the folder of the series file: only that file */
};

struct watch {
	int		 wd;
	enum watch_kind	 kind;
	char		*dir;
};

/* The diagnostics of the last build of one issue ("" for the archive). */
struct diag {
	char	*path;
	char	*text;		/* NULL: no errors */
};

struct srv {
	const struct serve_opts	*o;
	char			*root;		/* realpath of o->out */
	size_t			 rootlen;

	/* Shared with the server's threads, under lock. */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	unsigned		 gen;		/* good rebuilds so far */
	unsigned		 diaggen;	/* changes of diag */
	char			*diag;		/* shown over pages, or NULL */
	int			 quit;
	int			 nstreams;	/* pages listening */

	/* The builder's, on the main thread only. */
	struct jobs_opts	 jo;
	struct jb_series	*s;
	struct jobs		*jobs;
	struct iss_list		 issues;
	struct diag		*diags;
	size_t			 ndiags;
	int			 ino;
	struct timespec		 saved;		/* the save being built came */
	struct watch		 w[MAX_WATCHES];
	int			 nw;
};

static int	 sigpipe_fd[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int	 e = errno;
	char	 c = (char)sig;

	if (write(sigpipe_fd[1], &c, 1) == -1) {
		/* nothing to do: a byte is already waiting */
	}
	errno = e;
}

/* ---- building ---- */

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

static int
any_errors(const struct srv *v)
{
	size_t	 i;

	for (i = 0; i < v->ndiags; i++)
		if (v->diags[i].text != NULL)
			return 1;
	return 0;
}

/* A build step: what it builds, for run_step(). */
struct step {
	struct srv	*v;
	const char	*path;
	int		 html, pdf, docx;
};

/*
 * Run one build step, its diagnostics caught in memory as well as printed
 * to stderr, and keep them as those of key when it reported an error.
 * Returns 0 when it succeeded.
 */
static int
run_step(struct srv *v, const char *key, int (*fn)(struct step *),
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
static int
step_series(struct step *st)
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

/* The print and Word editions of a rebuild, and what they took. */
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
		if (run_step(v, key, step_issue, &st) == -1)
			continue;
		pr->print += ms_since(&t0);
		pr->written = ms_since(&v->saved);
		st.pdf = 0;
		st.docx = 1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		run_step(v, key, step_issue, &st);
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
static void
rebuild(struct srv *v, char **paths, size_t n, int html, int pdf, int renew)
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
		if (run_step(v, v->o->series, step_series, &st) == -1) {
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
			ok[i] = run_step(v, st.path, step_issue, &st) == 0;
			built |= ok[i];
		}
	}
	if (!any_errors(v) && run_step(v, "", step_site, &st) == 0)
		built = 1;
	publish(v, built);
	pages = ms_since(&t0);
	if (!pdf) {
		printf("已重排%s网页和目录：%.0f 毫秒\n", any_errors(v) ?
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
	publish(v, 0);
	/* what bench/serve.sh reads, and what tells an editor it is done */
	printf("已重排 %zu 期%s：网页和目录 %.1f 毫秒，PDF %.1f 毫秒，"
	    "Word 版 %.1f 毫秒；保存后 %.1f 毫秒 PDF 已写好\n", n,
	    any_errors(v) ? "（有错误，见上）" : "", pages, pr.print, pr.word,
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
static char *
issue_list(void)
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
static int
same_list(const struct srv *v, const char *list, int write)
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
static void
build_stale(struct srv *v)
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
	list = issue_list();
	if (same_list(v, list, 0))
		rebuild(v, stale, n, 1, 1, 0);
	else {
		rebuild(v, NULL, 0, 1, 0, 0);
		rebuild(v, stale, n, 0, 1, 0);
		if (!any_errors(v))
			same_list(v, list, 1);
	}
	free(list);
	free(stale);
}

/* ---- watching ---- */

static void
watch_add(struct srv *v, const char *dir, enum watch_kind kind)
{
	int	 wd, i;

	if (v->nw == MAX_WATCHES)
		return;
	wd = inotify_add_watch(v->ino, dir, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR);
	if (wd == -1) {
		if (errno != ENOENT)
			msg(MSG_SERVE_WATCH, NULL, dir, msg_strerror(errno));
		return;
	}
	for (i = 0; i < v->nw; i++)
		if (v->w[i].wd == wd)
			return;
	v->w[v->nw].wd = wd;
	v->w[v->nw].kind = kind;
	v->w[v->nw].dir = xstrdup(dir);
	v->nw++;
}

static void
watch_year(struct srv *v, const char *name)
{
	char	 path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", ISS_DIR, name);
	watch_add(v, path, W_YEAR);
	snprintf(path, sizeof(path), "%s/%s/images", ISS_DIR, name);
	watch_add(v, path, W_IMAGES);
}

static void
watch_all(struct srv *v)
{
	char	*dir, *slash;
	size_t	 i;
	char	 year[16];

	watch_add(v, ISS_DIR, W_ISSUES);
	for (i = 0; i < v->issues.n; i++) {
		snprintf(year, sizeof(year), "%d", v->issues.v[i].year);
		watch_year(v, year);
	}
	watch_add(v, v->o->templates, W_TEMPLATES);
	dir = xstrdup(v->o->series);
	if ((slash = strrchr(dir, '/')) != NULL) {
		*slash = '\0';
		watch_add(v, *dir ? dir : "/", W_SERIES);
	} else
		watch_add(v, ".", W_SERIES);
	free(dir);
}

static int
is_year(const char *name)
{
	return strlen(name) == 4 && strspn(name, "0123456789") == 4;
}

static int
ends_with(const char *s, const char *tail)
{
	size_t	 n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* What the events read so far ask for. */
struct todo {
	int	 all;		/* series changed, or issues came or went */
	int	 rescan;	/* issue files created or removed */
	int	 pages;		/* templates changed: every page */
	char	**paths;	/* these issues */
	size_t	 n;
};

static void
todo_add(struct todo *t, const char *path)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->paths[i], path) == 0)
			return;
	t->paths = xrealloc(t->paths, (t->n + 1) * sizeof(*t->paths));
	t->paths[t->n++] = xstrdup(path);
}

static void
todo_clear(struct todo *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->paths[i]);
	free(t->paths);
	memset(t, 0, sizeof(*t));
}

static void
take_event(struct srv *v, const struct inotify_event *e, struct todo *t)
{
	const char	*base;
	char		 path[PATH_MAX];
	size_t		 i;
	int		 k;

	for (k = 0; k < v->nw && v->w[k].wd != e->wd; k++)
		;
	if (k == v->nw || e->len == 0 || e->name[0] == '.')
		return;
	switch (v->w[k].kind) {
	case W_ISSUES:
		if (is_year(e->name)) {
			if (e->mask & (IN_CREATE | IN_MOVED_TO))
				watch_year(v, e->name);
			t->all = 1;
		}
		break;
	case W_YEAR:
		if (strcmp(e->name, "images") == 0 &&
		    (e->mask & (IN_CREATE | IN_MOVED_TO))) {
			snprintf(path, sizeof(path), "%s/images", v->w[k].dir);
			watch_add(v, path, W_IMAGES);
			break;
		}
		if (!ends_with(e->name, ".md"))
			break;
		snprintf(path, sizeof(path), "%s/%s", v->w[k].dir, e->name);
		/* An issue added or removed changes its neighbours;
		 * whether one was is seen from the folder afterwards, as
		 * editors save by renaming a new file over the old. */
		if (e->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM |
		    IN_MOVED_TO))
			t->rescan = 1;
		if (!(e->mask & (IN_DELETE | IN_MOVED_FROM)))
			todo_add(t, path);
		break;
	case W_IMAGES:
		/* A picture: every issue of that year may show it. */
		for (i = 0; i < v->issues.n; i++)
			if (strncmp(v->issues.v[i].path, v->w[k].dir,
			    strlen(v->w[k].dir) - strlen("/images")) == 0)
				todo_add(t, v->issues.v[i].path);
		break;
	case W_TEMPLATES:
		t->pages = 1;
		break;
	case W_SERIES:
		base = strrchr(v->o->series, '/');
		base = base != NULL ? base + 1 : v->o->series;
		if (strcmp(e->name, base) == 0)
			t->all = 1;
		break;
	}
}

/* Is the list of issue files still the one the builder has? */
static int
same_issues(const struct srv *v)
{
	struct iss_list	 l;
	size_t		 i;
	int		 same;

	iss_scan(ISS_DIR, &l);
	same = l.n == v->issues.n;
	for (i = 0; same && i < l.n; i++)
		same = strcmp(l.v[i].path, v->issues.v[i].path) == 0;
	iss_free(&l);
	return same;
}

/* Read what inotify has, then wait a little for the rest of the save. */
static void
drain(struct srv *v, struct todo *t)
{
	char			 buf[8192]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	const struct inotify_event *e;
	struct pollfd		 p = { v->ino, POLLIN, 0 };
	ssize_t			 n;
	char			*q;

	do {
		while ((n = read(v->ino, buf, sizeof(buf))) > 0)
			for (q = buf; q < buf + n;
			    q += sizeof(*e) + e->len) {
				e = (const struct inotify_event *)q;
				take_event(v, e, t);
			}
	} while (poll(&p, 1, SETTLE_MS) > 0);
}

/* ---- serving ---- */

static const struct {
	const char	*ext;
	const char	*type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".pdf", "application/pdf" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "application/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".xml", "application/atom+xml" },
	{ ".json", "application/json" },
	{ ".txt", "text/plain; charset=utf-8" },
};

static const char *
type_of(const char *path)
{
	size_t	 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (ends_with(path, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

static enum MHD_Result
reply_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/plain; charset=utf-8");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* An event stream's own state. */
struct stream {
	struct srv	*v;
	unsigned	 gen, diaggen;
	int		 started;
	char		*buf;		/* what is still to be sent */
	size_t		 off, len;
};

static void
stream_put(struct stream *s, const char *text)
{
	size_t	 n = strlen(text);

	s->buf = xrealloc(s->buf, s->len + n + 1);
	memcpy(s->buf + s->len, text, n + 1);
	s->len += n;
}

/* "event: diag" with one "data:" line per line of text. */
static void
stream_diag(struct stream *s, const char *text)
{
	const char	*p, *nl;
	char		*line;

	stream_put(s, "event: diag\n");
	if (text == NULL || *text == '\0')
		stream_put(s, "data:\n");
	else
		for (p = text; *p != '\0'; p = *nl ? nl + 1 : nl) {
			if ((nl = strchr(p, '\n')) == NULL)
				nl = p + strlen(p);
			line = xmalloc((size_t)(nl - p) + 8);
			snprintf(line, (size_t)(nl - p) + 8, "data: %.*s\n",
			    (int)(nl - p), p);
			stream_put(s, line);
			free(line);
		}
	stream_put(s, "\n");
}

static ssize_t
stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream	*s = cls;
	struct srv	*v = s->v;
	struct timespec	 until;
	char		 line[64];
	size_t		 n;

	if (s->off == s->len) {
		s->off = s->len = 0;
		pthread_mutex_lock(&v->lock);
		if (!s->started) {
			s->started = 1;
			s->gen = v->gen;
			s->diaggen = v->diaggen;
			snprintf(line, sizeof(line),
			    "retry: 300\nevent: hello\ndata: %u\n\n", v->gen);
			stream_put(s, line);
			if (v->diag != NULL)
				stream_diag(s, v->diag);
		} else {
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += PING_SECONDS;
			while (!v->quit && s->gen == v->gen &&
			    s->diaggen == v->diaggen)
				if (pthread_cond_timedwait(&v->cond, &v->lock,
				    &until) == ETIMEDOUT)
					break;
			if (v->quit) {
				pthread_mutex_unlock(&v->lock);
				return MHD_CONTENT_READER_END_OF_STREAM;
			}
			if (s->diaggen != v->diaggen) {
				s->diaggen = v->diaggen;
				stream_diag(s, v->diag);
			}
			if (s->gen != v->gen) {
				s->gen = v->gen;
				snprintf(line, sizeof(line),
				    "event: reload\ndata: %u\n\n", v->gen);
				stream_put(s, line);
			}
			if (s->len == 0)
				stream_put(s, ": \n\n");
		}
		pthread_mutex_unlock(&v->lock);
	}
	n = s->len - s->off < max ? s->len - s->off : max;
	memcpy(out, s->buf + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream	*s = cls;

	pthread_mutex_lock(&s->v->lock);
	s->v->nstreams--;
	pthread_mutex_unlock(&s->v->lock);
	free(s->buf);
	free(s);
}

static enum MHD_Result
reply_events(struct srv *v, struct MHD_Connection *c)
{
	struct MHD_Response	*r;
	struct stream		*s = xcalloc(1, sizeof(*s));
	enum MHD_Result		 ret;

	s->v = v;
	pthread_mutex_lock(&v->lock);
	v->nstreams++;
	pthread_mutex_unlock(&v->lock);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    stream_read, s, stream_free);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* An HTML file with the reload script before its </body>. */
static struct MHD_Response *
html_response(struct srv *v, int fd, size_t size)
{
	char		*page, *body, script[sizeof(reload_script) + 16];
	size_t		 n = 0, at, slen;
	ssize_t		 k;
	unsigned	 gen;

	pthread_mutex_lock(&v->lock);
	gen = v->gen;
	pthread_mutex_unlock(&v->lock);
	slen = (size_t)snprintf(script, sizeof(script), reload_script, gen);
	page = xmalloc(size + slen + 1);
	while (n < size && (k = read(fd, page + n, size - n)) > 0)
		n += (size_t)k;
	page[n] = '\0';
	close(fd);
	at = n;
	for (body = page; (body = strstr(body, "</body>")) != NULL; body++)
		at = (size_t)(body - page);
	memmove(page + at + slen, page + at, n - at);
	memcpy(page + at, script, slen);
	return MHD_create_response_from_buffer(n + slen, page,
	    MHD_RESPMEM_MUST_FREE);
}

/*
 * The file under the site root that url names, or an HTTP status: 403
 * for a path that leaves the root, 404 for one that is not there or is
 * hidden, 301 (*redirect set) for a folder named without its final slash.
 */
static unsigned
resolve(const struct srv *v, const char *url, char **file, int *redirect)
{
	char		*path, *real;
	const char	*p;
	size_t		 n;
	struct stat	 st;

	*file = NULL;
	*redirect = 0;
	if (url[0] != '/' || strchr(url, '\\') != NULL)
		return MHD_HTTP_FORBIDDEN;
	/* MHD has decoded %2e%2e already: every part is looked at as it is */
	for (p = url; *p != '\0'; p++) {
		if (p[0] != '/')
			continue;
		if (p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0'))
			return MHD_HTTP_FORBIDDEN;
		if (p[1] == '.')
			return MHD_HTTP_NOT_FOUND;
	}
	n = v->rootlen + strlen(url) + sizeof("index.html");
	path = xmalloc(n);
	snprintf(path, n, "%s%s%s", v->root, url,
	    ends_with(url, "/") ? "index.html" : "");
	real = realpath(path, NULL);
	free(path);
	if (real == NULL)
		return MHD_HTTP_NOT_FOUND;
	if (strncmp(real, v->root, v->rootlen) != 0 ||
	    (real[v->rootlen] != '/' && real[v->rootlen] != '\0')) {
		free(real);
		return MHD_HTTP_FORBIDDEN;
	}
	if (stat(real, &st) != 0) {
		free(real);
		return MHD_HTTP_NOT_FOUND;
	}
	if (S_ISDIR(st.st_mode)) {
		free(real);
		*redirect = 1;
		return MHD_HTTP_MOVED_PERMANENTLY;
	}
	if (!S_ISREG(st.st_mode)) {
		free(real);
		return MHD_HTTP_NOT_FOUND;
	}
	*file = real;
	return MHD_HTTP_OK;
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	static int		 seen;
	struct srv		*v = cls;
	struct MHD_Response	*r;
	struct stat		 st;
	enum MHD_Result		 ret;
	char			*file, *loc;
	unsigned		 status;
	int			 fd, redirect;

	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return reply_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "只支持 GET 和 HEAD\n");
	if (*con_cls == NULL) {
		/* the headers only; a body, if any, comes next */
		*con_cls = &seen;
		return MHD_YES;
	}
	if (*upload_size != 0)
		return reply_text(c, MHD_HTTP_CONTENT_TOO_LARGE,
		    "GET 和 HEAD 不带请求正文\n");
	if (strcmp(url, EVENTS_PATH) == 0)
		return reply_events(v, c);

	status = resolve(v, url, &file, &redirect);
	if (redirect) {
		loc = xmalloc(strlen(url) + 2);
		sprintf(loc, "%s/", url);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc);
		free(loc);
		ret = MHD_queue_response(c, status, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (status == MHD_HTTP_FORBIDDEN)
		return reply_text(c, status, "不能访问预览目录以外的文件\n");
	if (status != MHD_HTTP_OK)
		return reply_text(c, status, "找不到这个页面\n");
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		if (fd != -1)
			close(fd);
		free(file);
		return reply_text(c, MHD_HTTP_NOT_FOUND, "找不到这个页面\n");
	}
	if (ends_with(file, ".html"))
		r = html_response(v, fd, (size_t)st.st_size);
	else
		r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    type_of(file));
	/* a preview: always the latest build */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	free(file);
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* ---- the command ---- */

static struct MHD_Daemon *
start(struct srv *v, const char *addr, int port)
{
	struct sockaddr_in	 a4;
	struct sockaddr_in6	 a6;
	struct sockaddr		*sa;
	unsigned		 flags = MHD_USE_THREAD_PER_CONNECTION |
				    MHD_USE_INTERNAL_POLLING_THREAD;

	memset(&a4, 0, sizeof(a4));
	memset(&a6, 0, sizeof(a6));
	if (inet_pton(AF_INET, addr, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		a4.sin_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&a4;
	} else if (inet_pton(AF_INET6, addr, &a6.sin6_addr) == 1) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&a6;
		flags |= MHD_USE_IPv6;
	} else
		return NULL;
	errno = 0;
	return MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, answer, v,
	    MHD_OPTION_SOCK_ADDR, sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)REQ_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT,
	    MHD_OPTION_THREAD_STACK_SIZE, (size_t)(256 * 1024),
	    MHD_OPTION_END);
}

int
serve_main(const struct serve_opts *o)
{
	struct srv		 v;
	struct MHD_Daemon	*d = NULL;
	const union MHD_DaemonInfo *info;
	struct sigaction	 sa;
	struct pollfd		 p[2];
	struct in6_addr		 probe;
	struct todo		 t;
	struct step		 st = { NULL, NULL, 0, 0, 0 };
	const char		*addr = o->listen ? o->listen : DEFAULT_ADDR;
	size_t			 i;
	char			 c;
	int			 rc = 1, port;

	if (inet_pton(AF_INET, addr, &probe) != 1 &&
	    inet_pton(AF_INET6, addr, &probe) != 1) {
		msg(MSG_USAGE, NULL, "--listen 需要一个 IP 地址，如 127.0.0.1");
		return 2;
	}
	memset(&v, 0, sizeof(v));
	memset(&t, 0, sizeof(t));
	v.o = o;
	v.ino = -1;
	pthread_mutex_init(&v.lock, NULL);
	pthread_cond_init(&v.cond, NULL);
	v.jo.out = o->out;
	v.jo.templates = o->templates;
	v.jo.po.fontdir = o->fontdir;
	v.jo.po.resident = 1;
	v.jo.html = v.jo.pdf = v.jo.docx = 1;
	v.jo.jobs = 1;

	if (pipe(sigpipe_fd) == -1 ||
	    fcntl(sigpipe_fd[0], F_SETFL, O_NONBLOCK) == -1 ||
	    fcntl(sigpipe_fd[1], F_SETFL, O_NONBLOCK) == -1 ||
	    (v.ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		msg(MSG_SERVE_WATCH, NULL, ISS_DIR, msg_strerror(errno));
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	/* Watch first: a save during the first build is not missed. */
	iss_scan(ISS_DIR, &v.issues);
	watch_all(&v);
	st.v = &v;
	run_step(&v, o->series, step_series, &st);
	if (mkdir(o->out, 0777) == -1 && errno != EEXIST) {
		msg(MSG_MKDIR, NULL, o->out, msg_strerror(errno));
		goto out;
	}
	if ((v.root = realpath(o->out, NULL)) == NULL) {
		msg(MSG_OPEN, NULL, o->out, msg_strerror(errno));
		goto out;
	}
	v.rootlen = strlen(v.root);
	clock_gettime(CLOCK_MONOTONIC, &v.saved);
	build_stale(&v);

	if ((d = start(&v, addr, o->port)) == NULL) {
		msg(MSG_SERVE_LISTEN, NULL, addr, o->port,
		    msg_strerror(errno ? errno : EADDRINUSE));
		goto out;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	port = info != NULL ? info->port : o->port;
	printf(strchr(addr, ':') ? "预览：http://[%s]:%d/（按 Ctrl-C 结束）\n" :
	    "预览：http://%s:%d/（按 Ctrl-C 结束）\n", addr, port);
	fflush(stdout);
	/* The builds of a long session are judged one by one. */
	msg_reset();

	p[0].fd = v.ino;
	p[0].events = POLLIN;
	p[1].fd = sigpipe_fd[0];
	p[1].events = POLLIN;
	for (;;) {
		if (poll(p, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[1].revents & POLLIN)
			break;
		if (!(p[0].revents & POLLIN))
			continue;
		clock_gettime(CLOCK_MONOTONIC, &v.saved);
		drain(&v, &t);
		if (t.rescan && !t.all && !same_issues(&v))
			t.all = 1;
		if (t.all) {
			rebuild(&v, NULL, 0, 1, 1, 1);
			if (!any_errors(&v)) {
				char *list = issue_list();

				same_list(&v, list, 1);
				free(list);
			}
		}
		else if (t.pages) {
			/* the pages; of the issues also saved, the PDF */
			rebuild(&v, NULL, 0, 1, 0, 0);
			if (t.n > 0)
				rebuild(&v, t.paths, t.n, 0, 1, 0);
		} else if (t.n > 0)
			rebuild(&v, t.paths, t.n, 1, 1, 0);
		todo_clear(&t);
		msg_reset();
	}
	while (read(sigpipe_fd[0], &c, 1) == 1)
		;
	rc = 0;
out:
	if (d != NULL) {
		pthread_mutex_lock(&v.lock);
		v.quit = 1;
		pthread_cond_broadcast(&v.cond);
		pthread_mutex_unlock(&v.lock);
		MHD_stop_daemon(d);
	}
	todo_clear(&t);
	for (i = 0; i < (size_t)v.nw; i++)
		free(v.w[i].dir);
	for (i = 0; i < v.ndiags; i++) {
		free(v.diags[i].path);
		free(v.diags[i].text);
	}
	free(v.diags);
	free(v.diag);
	free(v.root);
	jobs_free(v.jobs);
	series_free(v.s);
	iss_free(&v.issues);
	if (v.ino != -1)
		close(v.ino);
	for (i = 0; i < 2; i++)
		if (sigpipe_fd[i] != -1)
			close(sigpipe_fd[i]);
	pthread_cond_destroy(&v.cond);
	pthread_mutex_destroy(&v.lock);
	return rc;
}
