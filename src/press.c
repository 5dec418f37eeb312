/* press.c -- find and load the print module beside the executable. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "msg.h"
#include "press.h"

const struct pmod_table *
press_load(void)
{
	static const struct pmod_table	*table;
	static int			 tried;
	char				 exe[PATH_MAX], *path = NULL, *slash;
	const char			*why;
	void				*h;
	ssize_t				 n;
	size_t				 size;

	if (tried)
		return table;
	tried = 1;
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) == -1) {
		msg(MSG_PRESS, NULL, PRESS_MODULE, msg_strerror(errno));
		return NULL;
	}
	exe[n] = '\0';
	/* The kernel gives an absolute path; keep its folder. */
	if ((slash = strrchr(exe, '/')) != NULL)
		slash[1] = '\0';
	size = strlen(exe) + sizeof(PRESS_MODULE);
	path = xmalloc(size);
	snprintf(path, size, "%s%s", exe, PRESS_MODULE);
	/* RTLD_NOW: a module that does not fit the executable fails here,
	 * with a message, not halfway through an issue. */
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		why = access(path, F_OK) == 0 ? dlerror() :
		    msg_strerror(ENOENT);
		msg(MSG_PRESS, NULL, path, why);
		goto out;
	}
	if ((table = dlsym(h, PMOD_TABLE)) == NULL) {
		msg(MSG_PRESS, NULL, path,
		    "缺少 " PMOD_TABLE "，可能与本程序版本不符");
		dlclose(h);
	}
out:
	free(path);
	return table;
}
