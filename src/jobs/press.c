/* press.c -- find and load the print module beside the executable. */
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/util.h"
#include "jobs/jobs.h"

const struct pmod_table *
press_load(void)
{
	static const struct pmod_table	*table;
	static int			 tried;
	char				*path;
	const char			*why;
	void				*h;

	if (tried)
		return table;
	tried = 1;
	if ((path = datadir_beside(PRESS_MODULE)) == NULL) {
		msg(MSG_PRESS, NULL, PRESS_MODULE, msg_strerror(errno));
		return NULL;
	}
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
