/* fmwrite.h -- build an issue's YAML front matter and write it with libyaml's emitter. */
#ifndef JIANBAO_FMWRITE_H
#define JIANBAO_FMWRITE_H

#include <stddef.h>
#include <stdio.h>

/*
 * A front matter under construction: a mapping whose keys keep the order
 * they were added in.  Values are text, lists of text or mappings; a
 * mapping is named by the handle fmw_map() returns, the top level by
 * FMW_ROOT.  Strings are copied.  Created by fmw_new(), released by
 * fmw_free() (NULL: no-op).
 */
struct fmw;

#define FMW_ROOT	0

struct fmw	*fmw_new(void);
void		 fmw_free(struct fmw *w);

void	 fmw_str(struct fmw *w, int map, const char *key, const char *value);
void	 fmw_int(struct fmw *w, int map, const char *key, int value);
void	 fmw_list(struct fmw *w, int map, const char *key,
	    const char *const *v, size_t n);
int	 fmw_map(struct fmw *w, int map, const char *key);

/*
 * Write "---", the YAML, "---" to fp.  Returns 0, or -1 after reporting
 * with path (the file being written) as subject.
 */
int	 fmw_write(struct fmw *w, FILE *fp, const char *path);

#endif
