/* outfile.c -- temporary-file-then-rename output, so failures leave old files intact. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/util.h"

struct outfile {
	char	*path;
	char	*tmp;
	FILE	*fp;
};

int
outfile_mkparents(const char *path)
{
	char	*dir = xstrdup(path);
	char	*p;
	int	 rc = -1;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
			msg(MSG_MKDIR, NULL, dir, msg_strerror(errno));
			goto out;
		}
		*p = '/';
	}
	rc = 0;
out:
	free(dir);
	return rc;
}

struct outfile *
outfile_open(const char *path)
{
	struct outfile	*o;
	size_t		 n = strlen(path) + 32;

	if (outfile_mkparents(path) == -1)
		return NULL;
	o = xcalloc(1, sizeof(*o));
	o->path = xstrdup(path);
	o->tmp = xmalloc(n);
	snprintf(o->tmp, n, "%s.tmp-%ld", path, (long)getpid());
	if ((o->fp = fopen(o->tmp, "wb")) == NULL) {
		msg(MSG_WRITE, NULL, o->tmp, msg_strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		outfile_abort(o);
		return NULL;
	}
	return o;
}

FILE *
outfile_fp(struct outfile *o)
{
	return o->fp;
}

int
outfile_commit(struct outfile *o)
{
	int	 rc = -1;
	int	 failed;

	failed = fflush(o->fp) != 0 || ferror(o->fp);
	if (fclose(o->fp) != 0)
		failed = 1;
	o->fp = NULL;
	if (failed) {
		msg(MSG_WRITE, NULL, o->path, msg_strerror(errno ? errno : EIO));
		goto out;
	}
	if (rename(o->tmp, o->path) == -1) {
		msg(MSG_RENAME, NULL, o->path, msg_strerror(errno));
		goto out;
	}
	free(o->tmp);
	o->tmp = NULL;
	rc = 0;
out:
	outfile_abort(o);
	return rc;
}

void
outfile_abort(struct outfile *o)
{
	if (o == NULL)
		return;
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL) {
		unlink(o->tmp);
		free(o->tmp);
	}
	free(o->path);
	free(o);
}

/*
 * Does the file at path hold exactly the bytes that next(arg) gives?  next
 * fills up to n bytes and returns how many (0 at the end).  A file that
 * cannot be read counts as different: it is then simply written.
 */
static int
holds(const char *path, size_t (*next)(void *, char *, size_t), void *arg)
{
	FILE	*fp;
	char	 want[65536], have[65536];
	size_t	 n;
	int	 same = 0;

	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	do {
		n = next(arg, want, sizeof(want));
		if (fread(have, 1, n, fp) != n || memcmp(want, have, n) != 0)
			goto out;
	} while (n > 0);
	same = fgetc(fp) == EOF && !ferror(fp);
out:
	fclose(fp);
	return same;
}

struct mem {
	const char	*p;
	size_t		 left;
};

static size_t
read_mem(void *arg, char *to, size_t n)
{
	struct mem	*m = arg;

	if (n > m->left)
		n = m->left;
	memcpy(to, m->p, n);
	m->p += n;
	m->left -= n;
	return n;
}

static size_t
read_file(void *arg, char *to, size_t n)
{
	return fread(to, 1, n, arg);
}

int
outfile_put(const char *path, const void *data, size_t len)
{
	struct outfile	*o;
	struct mem	 m = { data, len };

	if (holds(path, read_mem, &m))
		return 0;
	if ((o = outfile_open(path)) == NULL)
		return -1;
	fwrite(data, 1, len, outfile_fp(o));
	return outfile_commit(o);
}

int
outfile_copy(const char *src, const char *dst)
{
	struct outfile	*o = NULL;
	FILE		*in;
	char		 chunk[65536];
	size_t		 n;
	int		 rc = -1;

	if ((in = fopen(src, "rb")) == NULL) {
		msg(MSG_OPEN, NULL, src, msg_strerror(errno));
		return -1;
	}
	if (holds(dst, read_file, in) && !ferror(in)) {
		rc = 0;
		goto out;
	}
	rewind(in);
	if ((o = outfile_open(dst)) == NULL)
		goto out;
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0)
		fwrite(chunk, 1, n, outfile_fp(o));
	if (ferror(in)) {
		msg(MSG_READ, NULL, src, msg_strerror(errno));
		goto out;
	}
	rc = outfile_commit(o);
	o = NULL;
out:
	outfile_abort(o);
	fclose(in);
	return rc;
}

int
outfile_epoch(struct tm *tm)
{
	const char	*sde = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	time_t		 t;

	if (sde == NULL)
		return -1;
	t = (time_t)strtoll(sde, &end, 10);
	if (*end != '\0' || gmtime_r(&t, tm) == NULL)
		return -1;
	return 0;
}
