/* issues.c -- list the issue files of an archive in (year, number) order. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "issues.h"
#include "mem.h"

/* NN.md: returns NN, or -1 for any other name. */
static int
issue_number(const char *name)
{
	size_t	 n = strspn(name, "0123456789");

	if (n == 0 || n > 3 || strcmp(name + n, ".md") != 0)
		return -1;
	return atoi(name);
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

	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
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
	char		*dir;
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
				if ((k = issue_number(ie->d_name)) < 0)
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

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	l->v = NULL;
	l->n = 0;
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
