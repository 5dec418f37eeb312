/* mem.h -- allocation that never returns NULL, and per-document arenas. */
#ifndef JIANBAO_MEM_H
#define JIANBAO_MEM_H

#include <stddef.h>

/*
 * malloc/calloc/realloc/strdup that abort the program with a message on
 * out-of-memory, so no caller checks for NULL.  The caller owns the result
 * and releases it with free().
 */
void	*xmalloc(size_t size);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);

/*
 * An arena hands out memory that lives until arena_free() releases all of
 * it at once.  Everything that lives exactly as long as one document
 * (front-matter strings, blocks, runs) comes from the document's arena.
 * Never hand arena memory to a library that may free() it.
 */
struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *a);		/* NULL is a no-op */
void		*arena_alloc(struct arena *a, size_t size);	/* zeroed */
char		*arena_strdup(struct arena *a, const char *s);	/* NULL -> NULL */
char		*arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char		*arena_printf(struct arena *a, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * A growable byte buffer, always NUL-terminated.  The owner frees it with
 * buf_free(); buf_take() hands the bytes to the caller (free()).
 */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_put(struct buf *b, const char *s, size_t n);
void	 buf_puts(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_free(struct buf *b);	/* leaves b empty and reusable */

#endif
