/* datadir.c -- find the program's own files: its folder and the defaults installed beside it. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

/*
 * The folder of the running executable with its final '/' into exe,
 * which holds PATH_MAX bytes.  Returns 0, or -1 with errno set.
 */
static int
exe_folder(char *exe)
{
	char		*slash;
	ssize_t		 n;

	if ((n = readlink("/proc/self/exe", exe, PATH_MAX - 1)) == -1)
		return -1;
	exe[n] = '\0';
	/* The kernel gives an absolute path; keep its folder. */
	if ((slash = strrchr(exe, '/')) != NULL)
		slash[1] = '\0';
	return 0;
}

char *
datadir_beside(const char *name)
{
	char		 exe[PATH_MAX], *path;
	size_t		 size;

	if (exe_folder(exe) == -1)
		return NULL;
	size = strlen(exe) + strlen(name) + 1;
	path = xmalloc(size);
	snprintf(path, size, "%s%s", exe, name);
	return path;
}

/* The installed copies handed out, kept until the process ends. */
struct found {
	struct found	*next;
	char		 path[];
};

const char *
datadir_find(const char *name)
{
	static struct found	*found;
	struct found		*f;
	char			 exe[PATH_MAX], *end;
	size_t			 size;

	if (access(name, F_OK) == 0 || exe_folder(exe) == -1)
		return name;
	/* PREFIX/bin/ -> PREFIX/ (the kernel's path has no "." or ".."); a
	 * program in / has / as its prefix. */
	for (end = exe + strlen(exe) - 1; end > exe && end[-1] != '/'; end--)
		;
	if (end > exe)
		*end = '\0';
	size = strlen(exe) + sizeof(DATADIR_SHARE) + strlen(name) + 1;
	f = xmalloc(sizeof(*f) + size);
	snprintf(f->path, size, "%s%s/%s", exe, DATADIR_SHARE, name);
	if (access(f->path, F_OK) == -1) {
		free(f);
		return name;
	}
	f->next = found;
	found = f;
	return f->path;
}
