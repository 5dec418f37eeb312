/* history.c -- the desk's writes: issue names checked, saves atomic and refused on conflict, each replaced version kept in a bounded history. */
#define _GNU_SOURCE	/* O_CLOEXEC, syncfs-free fsync of a folder */
#include <sys/stat.h>
#include <sys/time.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <jansson.h>

#include "util/util.h"
#include "serve/desk_int.h"

#define MAX_FILE	(8 * 1024 * 1024)	/* an issue, at most */

int
hist_issue_name(const char *path)
{
	char		*prefix = NULL, *real, *top;
	const char	*name;
	size_t		 n;
	int		 ok;

	/* issues/YYYY/NAME: exactly that, nothing more */
	if (strncmp(path, ISS_DIR "/", sizeof(ISS_DIR)) != 0)
		return 0;
	path += sizeof(ISS_DIR);
	if (strspn(path, "0123456789") != 4 || path[4] != '/')
		return 0;
	name = path + 5;
	if (strchr(name, '/') != NULL || iss_number(name, &prefix) < 0)
		return 0;
	free(prefix);
	path -= sizeof(ISS_DIR);
	/* and where it resolves stays in the issues folder: the year
	 * folder is no link out (the file itself may not exist yet) */
	if ((top = realpath(ISS_DIR, NULL)) == NULL)
		return 0;
	n = (size_t)(name - path) - 1;
	{
		char	 dir[PATH_MAX];

		snprintf(dir, sizeof(dir), "%.*s", (int)n, path);
		real = realpath(dir, NULL);
	}
	ok = real != NULL && strncmp(real, top, strlen(top)) == 0 &&
	    real[strlen(top)] == '/' && strchr(real + strlen(top) + 1, '/') == NULL;
	free(real);
	if (ok) {
		struct stat	 st;

		/* an issue file that is a link is not one the desk writes */
		if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
			ok = 0;
	}
	free(top);
	return ok;
}

void
hist_version(const char *data, size_t len, char version[65])
{
	gchar	*h = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    (const guchar *)data, len);

	snprintf(version, 65, "%s", h);
	g_free(h);
}

char *
hist_read(const char *path, size_t *len, char version[65])
{
	struct stat	 st;
	char		*data;
	size_t		 n = 0;
	ssize_t		 k;
	int		 fd;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size > MAX_FILE) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size &&
	    (k = read(fd, data + n, (size_t)st.st_size - n)) > 0)
		n += (size_t)k;
	close(fd);
	data[n] = '\0';
	*len = n;
	if (version != NULL)
		hist_version(data, n, version);
	return data;
}

int
hist_write(const char *path, const char *data, size_t len)
{
	char		*tmp, *dir, *slash;
	size_t		 n = strlen(path) + 48, off = 0;
	ssize_t		 k;
	int		 fd, dfd;

	/*
	 * Not outfile.c: this runs on a server thread while the builder
	 * may be reporting on the main one, and a failure here is the
	 * desk's to show, not a diagnostic.  The same rule all the same:
	 * a temporary file beside, then a rename.
	 */
	tmp = xmalloc(n);
	slash = strrchr(path, '/');
	snprintf(tmp, n, "%.*s.%s.desk-%ld-%lx", slash ? (int)(slash - path + 1)
	    : 0, path, slash ? slash + 1 : path, (long)getpid(),
	    (unsigned long)pthread_self());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) ==
	    -1) {
		free(tmp);
		return -1;
	}
	while (off < len && (k = write(fd, data + off, len - off)) > 0)
		off += (size_t)k;
	if (off < len || fsync(fd) == -1) {
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = errno ? errno : EIO;
		return -1;
	}
	close(fd);
	if (rename(tmp, path) == -1) {
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	/* the rename itself on disk: the folder synced */
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	if ((dfd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) != -1) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
	return 0;
}

/* HIST_DIR/YYYY/NN.md: the folder of path's versions. */
static char *
hist_dir(const char *path)
{
	size_t	 n = strlen(HIST_DIR) + strlen(path) + 2;
	char	*d = xmalloc(n);

	snprintf(d, n, "%s/%s", HIST_DIR, path + sizeof(ISS_DIR));
	return d;
}

static int
mkdirs(const char *dir)
{
	char	*p = xstrdup(dir), *s;
	int	 rc = 0;

	for (s = p + 1; rc == 0 && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	free(p);
	return rc;
}

static int
by_name_desc(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

/* The names of the versions kept, newest first (the caller frees). */
static char **
versions(const char *dir, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	char		**v = NULL;

	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || strlen(de->d_name) != 26)
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), by_name_desc);
	return v;
}

static void
free_names(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The versions in dir beyond the HIST_KEEP newest removed. */
static void
prune(const char *dir)
{
	char	 file[PATH_MAX], **v;
	size_t	 n, i;

	v = versions(dir, &n);
	for (i = HIST_KEEP; i < n; i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, v[i]);
		unlink(file);
	}
	free_names(v, n);
}

/* Put data into the history of path as a version named by now; the
 * oldest beyond HIST_KEEP go. */
static int
keep(const char *path, const char *data, size_t len)
{
	struct timeval	 tv;
	struct tm	 tm;
	char		*dir, file[PATH_MAX];
	int		 rc = -1;

	dir = hist_dir(path);
	if (mkdirs(dir) == -1)
		goto out;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	/* YYYYMMDDTHHMMSS.uuuuuuZ.md: 26 characters, sorted by time */
	snprintf(file, sizeof(file), "%s/%04d%02d%02dT%02d%02d%02d.%06ldZ.md",
	    dir, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (long)tv.tv_usec);
	if (hist_write(file, data, len) == -1)
		goto out;
	prune(dir);
	rc = 0;
out:
	free(dir);
	return rc;
}

int
hist_keep(const char *path)
{
	char	*data;
	size_t	 len;
	int	 rc;

	if ((data = hist_read(path, &len, NULL)) == NULL)
		return errno == ENOENT ? 0 : -1;
	rc = keep(path, data, len);
	free(data);
	return rc;
}

int
hist_save(const char *path, const char *data, size_t len, const char *base)
{
	char	*old, version[65];
	size_t	 oldlen;
	int	 rc;

	old = hist_read(path, &oldlen, version);
	if (old == NULL && errno != ENOENT)
		return -1;
	if ((old == NULL) != (base == NULL) ||
	    (old != NULL && strcmp(version, base) != 0)) {
		free(old);
		return 1;
	}
	/* the version replaced is in the history before it is replaced */
	if (old != NULL && (oldlen != len || memcmp(old, data, len) != 0) &&
	    keep(path, old, oldlen) == -1) {
		free(old);
		return -1;
	}
	free(old);
	rc = hist_write(path, data, len);
	return rc;
}

char *
hist_list(const char *path)
{
	json_t	*a = json_array(), *o;
	char	*dir, **v, file[PATH_MAX], *text;
	size_t	 n, i;
	struct stat	 st;

	dir = hist_dir(path);
	v = versions(dir, &n);
	for (i = 0; i < n; i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, v[i]);
		if (stat(file, &st) != 0)
			continue;
		o = json_object();
		json_object_set_new(o, "id", json_stringn(v[i], 23));
		json_object_set_new(o, "size", json_integer(st.st_size));
		json_array_append_new(a, o);
	}
	free_names(v, n);
	free(dir);
	text = json_dumps(a, JSON_COMPACT);
	json_decref(a);
	return text;
}

char *
hist_get(const char *path, const char *id, size_t *len)
{
	char	*dir, file[PATH_MAX], *data;

	/* an id is what hist_list() gave: digits, T, a dot and Z */
	if (strlen(id) != 23 || strspn(id, "0123456789T.Z") != 23)
		return NULL;
	dir = hist_dir(path);
	snprintf(file, sizeof(file), "%s/%s.md", dir, id);
	free(dir);
	data = hist_read(file, len, NULL);
	return data;
}

/*
 * Whether name is a temporary file of hist_write() or of a picture being
 * inserted (".NN.md.desk-PID-THREAD", ".desk-upload-PID-TID.png") whose
 * server is gone: a kill left it, and no one will rename it.
 */
static int
stale(const char *name)
{
	const char	*p = strstr(name, ".desk-");
	long		 pid;

	if (name[0] != '.' || p == NULL)
		return 0;
	p += sizeof(".desk-") - 1;
	if (strncmp(p, "upload-", 7) == 0)
		p += 7;
	if ((pid = strtol(p, NULL, 10)) <= 0)
		return 0;
	return kill((pid_t)pid, 0) == -1 && errno == ESRCH;
}

/* Remove dir's stale temporary files; with versions, also the versions
 * beyond HIST_KEEP (a kill between keeping one and letting the oldest
 * go leaves one more). */
static void
sweep_dir(const char *dir, int is_hist)
{
	DIR		*d;
	struct dirent	*de;
	char		 file[PATH_MAX];

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (stale(de->d_name)) {
			snprintf(file, sizeof(file), "%s/%s", dir, de->d_name);
			unlink(file);
		}
	closedir(d);
	if (is_hist)
		prune(dir);
}

void
hist_sweep(void)
{
	const char	*roots[] = { ISS_DIR, HIST_DIR };
	DIR		*d, *y;
	struct dirent	*de, *ye;
	char		 dir[PATH_MAX], sub[PATH_MAX + NAME_MAX + 2];
	size_t		 r;

	for (r = 0; r < G_N_ELEMENTS(roots); r++) {
		if ((d = opendir(roots[r])) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			if (strlen(de->d_name) != 4 ||
			    strspn(de->d_name, "0123456789") != 4)
				continue;
			snprintf(dir, sizeof(dir), "%s/%s", roots[r], de->d_name);
			sweep_dir(dir, 0);
			if ((y = opendir(dir)) == NULL)
				continue;
			/* issues/YYYY/images, issues/.history/YYYY/NN.md */
			while ((ye = readdir(y)) != NULL) {
				if (ye->d_name[0] == '.')
					continue;
				snprintf(sub, sizeof(sub), "%s/%s", dir,
				    ye->d_name);
				if (r == 1 || strcmp(ye->d_name, "images") == 0)
					sweep_dir(sub, r == 1);
			}
			closedir(y);
		}
		closedir(d);
	}
}
