/* watch.c -- the server's watcher: inotify on the issues, their pictures, the templates and the series file, events gathered into what to rebuild. */
#include <sys/inotify.h>


#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib.h>

#include "model/model.h"
#include "jobs/jobs.h"
#include "util/util.h"
#include "serve/serve.h"
#include "serve/serve_int.h"

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

void
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

void
watch_todo_clear(struct todo *t)
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
		if (!g_str_has_suffix(e->name, ".md"))
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
int
watch_same_issues(const struct srv *v)
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
void
watch_drain(struct srv *v, struct todo *t)
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
