/* issues.c -- list the issue files of an archive in (year, kind, number) order; name them and find their neighbours. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/model.h"
#include "util/util.h"

int
iss_number(const char *name, char **prefix)
{
	size_t	 p = strspn(name, "abcdefghijklmnopqrstuvwxyz"), n;

	*prefix = NULL;
	if (p > 8 || (p > 0 && name[p] != '-'))
		return -1;
	n = strspn(name + p + (p > 0), "0123456789");
	if (n == 0 || n > 3 || strcmp(name + p + (p > 0) + n, ".md") != 0)
		return -1;
	if (p > 0)
		*prefix = xstrndup(name, p);
	return atoi(name + p + (p > 0));
}

static int
year_number(const char *name)
{
	if (strlen(name) != 4 || strspn(name, "0123456789") != 4)
		return -1;
	return atoi(name);
}

static int
cmp_file(const void *a, const void *b)
{
	const struct iss_file	*x = a, *y = b;

	int			 c;

	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if ((x->prefix == NULL) != (y->prefix == NULL))
		return x->prefix == NULL ? -1 : 1;
	if (x->prefix != NULL && (c = strcmp(x->prefix, y->prefix)) != 0)
		return c;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return strcmp(x->path, y->path);
}

void
iss_scan(const char *root, struct iss_list *out)
{
	DIR		*top, *sub;
	struct dirent	*ye, *ie;
	struct iss_file	*f;
	char		*dir, *prefix;
	size_t		 cap = 0, n;
	int		 y, k;

	out->v = NULL;
	out->n = 0;
	if ((top = opendir(root)) == NULL)
		return;
	while ((ye = readdir(top)) != NULL) {
		if ((y = year_number(ye->d_name)) < 0)
			continue;
		n = strlen(root) + strlen(ye->d_name) + 2;
		dir = xmalloc(n);
		snprintf(dir, n, "%s/%s", root, ye->d_name);
		if ((sub = opendir(dir)) != NULL) {
			while ((ie = readdir(sub)) != NULL) {
				if ((k = iss_number(ie->d_name, &prefix)) < 0)
					continue;
				if (out->n == cap) {
					cap = cap ? cap * 2 : 16;
					out->v = xrealloc(out->v, cap * sizeof(*f));
				}
				f = &out->v[out->n++];
				n = strlen(dir) + strlen(ie->d_name) + 2;
				f->path = xmalloc(n);
				snprintf(f->path, n, "%s/%s", dir, ie->d_name);
				f->year = y;
				f->number = k;
				f->prefix = prefix;
			}
			closedir(sub);
		}
		free(dir);
	}
	closedir(top);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_file);
}

void
iss_free(struct iss_list *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].prefix);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

char *
iss_path(int year, const char *prefix, int number)
{
	size_t	 n = sizeof(ISS_DIR) + 48;
	char	*path = xmalloc(n);

	snprintf(path, n, "%s/%04d/%s%s%02d.md", ISS_DIR, year,
	    prefix ? prefix : "", prefix ? "-" : "", number);
	return path;
}

char *
iss_name(const struct jb_kind *k, int number)
{
	size_t	 n = 32;
	char	*name = xmalloc(n);

	snprintf(name, n, "%.8s%s%02d.md", k ? k->prefix : "", k ? "-" : "",
	    number);
	return name;
}

char *
iss_stem(const char *path)
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

char *
iss_out_stem(const char *out, const char *path)
{
	char	*rel = iss_stem(path), *stem;
	size_t	 n = strlen(out) + strlen(rel) + 2;

	stem = xmalloc(n);
	snprintf(stem, n, "%s/%s", out, rel);
	free(rel);
	return stem;
}

struct iss_near {
	char		*root;		/* folder scanned into issues */
	size_t		 skip;		/* "./" prefix of the list's paths */
	struct iss_list	 issues;
	size_t		 hint;		/* where the last issue was found */
};

struct iss_near *
iss_near_new(void)
{
	return xcalloc(1, sizeof(struct iss_near));
}

void
iss_near_free(struct iss_near *nb)
{
	if (nb == NULL)
		return;
	iss_free(&nb->issues);
	free(nb->root);
	free(nb);
}

void
iss_near_find(struct iss_near *nb, const char *path,
    const struct iss_file **prev, const struct iss_file **next)
{
	struct iss_list	*l = &nb->issues;
	char		*root = xstrdup(path), *p;
	size_t		 i, k, skip = 0;

	*prev = *next = NULL;
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
	if (nb->root == NULL || strcmp(nb->root, root) != 0) {
		iss_free(l);
		free(nb->root);
		iss_scan(root, l);
		nb->root = root;
		nb->skip = skip;
		nb->hint = 0;
	} else
		free(root);
	/* make hands the issues over in order: look after the last one first */
	for (k = 0; k < l->n; k++) {
		i = (nb->hint + k) % l->n;
		if (strcmp(l->v[i].path + nb->skip, path) == 0)
			break;
	}
	if (k == l->n)
		return;
	nb->hint = i;
	if (i > 0)
		*prev = &l->v[i - 1];
	if (i + 1 < l->n)
		*next = &l->v[i + 1];
}

void
iss_today(struct jb_date *d)
{
	const char	*e = getenv("SOURCE_DATE_EPOCH");
	time_t		 t = time(NULL);
	struct tm	 tm;

	if (e != NULL && *e != '\0') {
		t = (time_t)strtoll(e, NULL, 10);
		gmtime_r(&t, &tm);
	} else
		localtime_r(&t, &tm);
	d->year = tm.tm_year + 1900;
	d->month = tm.tm_mon + 1;
	d->day = tm.tm_mday;
}
