/* module.c -- load a stage built as a module from the folder of the executable. */
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

const void *
mod_load(struct mod *m)
{
	char		*path, *why = NULL;
	void		*h;

	if (m->tried)
		return m->table;
	m->tried = 1;
	if ((path = datadir_beside(m->file)) == NULL) {
		msg(m->msg, NULL, m->file, msg_strerror(errno));
		return NULL;
	}
	/* RTLD_NOW: a module that does not fit the executable fails here,
	 * with a message, not halfway through an issue. */
	if ((h = dlopen(path, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		msg(m->msg, NULL, path, access(path, F_OK) == 0 ? dlerror() :
		    msg_strerror(ENOENT));
		goto out;
	}
	if ((m->table = dlsym(h, m->sym)) == NULL) {
#define MISSING	"缺少 "
#define MISMATCH "，可能与本程序版本不符"
		why = xmalloc(sizeof MISSING + strlen(m->sym) + sizeof MISMATCH);
		strcpy(why, MISSING);
		strcat(why, m->sym);
		strcat(why, MISMATCH);
		msg(m->msg, NULL, path, why);
		dlclose(h);
	}
out:
	free(why);
	free(path);
	return m->table;
}
