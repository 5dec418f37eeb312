/* jobs.c -- build: the editions of many issues, in batches over worker processes. */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "web/web.h"
#include "model/model.h"
#include "jobs/jobs.h"
#include "util/util.h"
#include "word/word.h"

/*
 * What every issue of one build run shares: the options, the series and
 * the finder of neighbours (issues.h), which keeps the issue list of the
 * archive the last issue came from.
 */
struct build {
	const struct jobs_opts	*o;
	const struct jb_series	*s;
	struct iss_near		*near;
	/* One press per process for every issue it prints: fonts and their
	 * caches are made once.  Made on the first print edition, so each
	 * worker makes its own after fork() and never shares threads. */
	const struct pmod_table	*press;
	struct pmod_press	*pp;
};

/* Write the editions of one issue that the options ask for. */
static int
build_one(struct build *b, const char *path)
{
	const struct jobs_opts	*o = b->o;
	int			 html = o->html, pdf = o->pdf, ofd;
	struct pmod_out		 po;
	const struct iss_file	*prev, *next;
	struct jb_doc		*d;
	char			*stem = NULL, *target = NULL;
	size_t			 n;
	int			 rc = -1;

	/* Started first: the press reads the font configuration while the
	 * issue is parsed. */
	if ((pdf || o->ofd || o->png) && b->pp == NULL &&
	    (b->press = press_load()) != NULL)
		b->pp = b->press->pmod_new(&o->po);
	if ((d = doc_load(path, b->s)) == NULL)
		return -1;
	stem = iss_out_stem(o->out, path);

	/* The print and Word editions first: what only they find wrong (a
	 * table wider than the page, a character no font has) leaves the
	 * page as well as them as they were. */
	/* The OFD edition is painted from the print edition's layout; the
	 * series may ask for it with every print edition. */
	ofd = o->ofd || (pdf && d->series->ofd != JB_OFD_NONE);
	if (pdf || ofd) {
		n = strlen(stem) + 8;
		target = xmalloc(2 * n);
		snprintf(target, n, "%s.pdf", stem);
		snprintf(target + n, n, "%s.ofd", stem);
		po.pdf = pdf ? target : NULL;
		po.ofd = ofd ? target + n : NULL;
		po.ofd_a = o->ofd_a || d->series->ofd == JB_OFD_A;
		if (b->pp == NULL || b->press->pmod_write(b->pp, d, &po) == -1)
			goto out;
	}
	if (o->docx) {
		free(target);
		n = strlen(stem) + 8;
		target = xmalloc(n);
		snprintf(target, n, "%s.docx", stem);
		if (docx_write_issue(d, target) == -1)
			goto out;
	}
	if (html) {
		iss_near_find(b->near, path, &prev, &next);
		if (html_write_page(d, prev, next, o->templates, stem) == -1)
			goto out;
	}
	if (o->png && (b->pp == NULL ||
	    b->press->pmod_write_phone(b->pp, d, stem, o->jpeg) == -1))
		goto out;
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
		if (build_one(b, files[i]) == -1)
			rc = 1;
	return rc;
}

/*
 * Run the batches in up to jobs workers.  Returns the exit status of the
 * whole build, or in a worker the worker's own (see jobs_build()).
 */
static int
run_workers(struct build *b, int jobs, char **files, int nfiles)
{
	const struct jobs_opts	*o = b->o;
	struct batch		*v;
	char			 why[64];
	pid_t			 pid;
	int			 size, nb = 0, next = 0, running = 0;
	int			 i, st, rc = 0;

	size = (nfiles + jobs * 4 - 1) / (jobs * 4);
	if (size > (o->pdf || o->ofd || o->png ? PDF_BATCH : HTML_BATCH))
		size = o->pdf || o->ofd || o->png ? PDF_BATCH : HTML_BATCH;
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

int
jobs_build(const struct jobs_opts *o, const struct jb_series *s,
    char **files, int nfiles)
{
	struct build	 b;
	long		 ncpu;
	int		 i, jobs = o->jobs, rc = 0;

	memset(&b, 0, sizeof(b));
	b.o = o;
	b.s = s;
	b.near = iss_near_new();
	if (jobs == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = ncpu > 0 ? (int)ncpu : 1;
	}
	if (jobs > nfiles)
		jobs = nfiles;
	if (jobs > 1)
		rc = run_workers(&b, jobs, files, nfiles);
	else
		for (i = 0; i < nfiles; i++)
			if (build_one(&b, files[i]) == -1)
				rc = 1;
	if (b.press != NULL)
		b.press->pmod_free(b.pp);
	iss_near_free(b.near);
	return rc;
}

/* A builder is one build kept between calls. */
struct jobs {
	struct build	 b;
};

struct jobs *
jobs_new(const struct jobs_opts *o, const struct jb_series *s)
{
	struct jobs	*j = xcalloc(1, sizeof(*j));

	j->b.o = o;
	j->b.s = s;
	j->b.near = iss_near_new();
	return j;
}

void
jobs_free(struct jobs *j)
{
	if (j == NULL)
		return;
	if (j->b.press != NULL)
		j->b.press->pmod_free(j->b.pp);
	iss_near_free(j->b.near);
	free(j);
}

int
jobs_one(struct jobs *j, const char *path, int html, int pdf, int docx)
{
	const struct jobs_opts	*keep = j->b.o;
	struct jobs_opts	 o = *keep;
	int			 rc;

	o.html = html && keep->html;
	o.pdf = pdf && keep->pdf;
	o.docx = docx && keep->docx;
	o.ofd = pdf && keep->ofd;
	j->b.o = &o;
	rc = build_one(&j->b, path);
	j->b.o = keep;
	return rc;
}

/*
 * Every issue is loaded (or its summary taken from the previous run, see
 * archive.h), copied into the archive and freed at once, so memory stays
 * flat however many issues there are.  Nothing is written unless every
 * issue loads, so a broken issue never takes an existing archive's entry
 * away.
 */
int
jobs_site(const struct jb_series *s, const char *series_path,
    const char *templates, const char *out, char **files, int nfiles)
{
	struct arc	*a;
	char		*stem;
	int		 i, rc = 0;

	a = arc_new(s);
	arccache_read(a, out, series_path);
	for (i = 0; i < nfiles; i++) {
		stem = iss_stem(files[i]);
		if (arc_add_file(a, files[i], stem) == -1)
			rc = 1;
		free(stem);
	}
	if (rc == 0) {
		arc_sort(a);
		if (site_write(a, templates, out) == -1 ||
		    feed_write(a, out) == -1 ||
		    search_write(a, templates, out) == -1 ||
		    arccache_write(a, out) == -1)
			rc = 1;
	}
	arc_free(a);
	return rc;
}
