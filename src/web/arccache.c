/* arccache.c -- OUT/.archive, the archive's memory between runs: the previous run's summaries and parts, and the keys that tell which are current. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

#include "web/web.h"
#include "util/util.h"

#define CACHE_FILE	".archive"
#define CACHE_MAGIC	"jianbao-archive 4\n"

/*
 * A file made from part of the archive (a year's search index) and the
 * key of what it was made from, so that the next run can tell it is
 * current without making it again.
 */
struct arc_part {
	const char		*path;
	const char		*key;
	struct arc_stamp	 stamp;		/* of the file as written */
};

/* Every string is in the archive's arena. */
struct arccache {
	const char	*key;		/* program and series file as of
					 * this run; NULL: no reuse */
	GHashTable	*by_path;	/* the previous run's summaries:
					 * path -> struct arc_issue, or NULL */
	GHashTable	*parts;		/* and its parts: path -> struct
					 * arc_part, or NULL */
	struct arc_part	*made;		/* this run's: made or found current */
	size_t		 nmade, madecap;
};

struct arccache *
arccache_new(void)
{
	return xcalloc(1, sizeof(struct arccache));
}

void
arccache_free(struct arccache *c)
{
	if (c == NULL)
		return;
	if (c->by_path != NULL)
		g_hash_table_destroy(c->by_path);
	if (c->parts != NULL)
		g_hash_table_destroy(c->parts);
	free(c->made);
	free(c);
}

static void
stamp_of(const struct stat *st, struct arc_stamp *sp)
{
	sp->size = (long long)st->st_size;
	sp->mtime_s = (long long)st->st_mtim.tv_sec;
	sp->mtime_ns = (long long)st->st_mtim.tv_nsec;
	sp->ctime_s = (long long)st->st_ctim.tv_sec;
	sp->ctime_ns = (long long)st->st_ctim.tv_nsec;
	sp->ino = (long long)st->st_ino;
}

const struct arc_issue *
arccache_issue(const struct arc *a, const char *path, const char *stem,
    struct arc_stamp *sp)
{
	const struct arc_issue	*old;
	struct stat		 st;

	memset(sp, 0, sizeof(*sp));
	sp->ino = -1;
	if (stat(path, &st) == -1)
		return NULL;
	stamp_of(&st, sp);
	if (a->cache->by_path != NULL &&
	    (old = g_hash_table_lookup(a->cache->by_path, path)) != NULL &&
	    memcmp(&old->stamp, sp, sizeof(*sp)) == 0 &&
	    strcmp(old->stem, stem) == 0)
		return old;
	return NULL;
}

/*** Parts made from the archive ***/

static void
key_stamp(GChecksum *ck, const struct arc_stamp *sp)
{
	char	 v[160];

	snprintf(v, sizeof(v), "%lld %lld.%lld %lld.%lld %lld\n", sp->size,
	    sp->mtime_s, sp->mtime_ns, sp->ctime_s, sp->ctime_ns, sp->ino);
	g_checksum_update(ck, (const guchar *)v, (gssize)strlen(v));
}

/* s with its NUL, so that neighbouring strings cannot run together. */
static void
key_str(GChecksum *ck, const char *s)
{
	g_checksum_update(ck, (const guchar *)s, (gssize)strlen(s) + 1);
}

char *
arccache_key(const struct arc *a, const char *what, size_t first, size_t n,
    const char *const *deps)
{
	const struct arc_issue	*is;
	struct arc_stamp	 sp;
	struct stat		 st;
	GChecksum		*ck;
	char			*key = NULL;
	size_t			 i;

	if (a->cache->key == NULL)
		return NULL;
	ck = g_checksum_new(G_CHECKSUM_SHA1);
	key_str(ck, what);
	key_str(ck, a->cache->key);
	for (i = first; i < first + n; i++) {
		is = &a->v[i];
		if (is->stamp.ino == -1)
			goto out;
		key_stamp(ck, &is->stamp);
		key_str(ck, is->path);
		key_str(ck, is->stem);
	}
	for (i = 0; deps != NULL && deps[i] != NULL; i++) {
		if (stat(deps[i], &st) == -1)
			goto out;
		stamp_of(&st, &sp);
		key_stamp(ck, &sp);
		key_str(ck, deps[i]);
	}
	key = xstrdup(g_checksum_get_string(ck));
out:
	g_checksum_free(ck);
	return key;
}

int
arccache_current(const struct arc *a, const char *path, const char *key)
{
	const struct arc_part	*old;
	struct arc_stamp	 sp;
	struct stat		 st;

	if (key == NULL || a->cache->parts == NULL || stat(path, &st) == -1 ||
	    (old = g_hash_table_lookup(a->cache->parts, path)) == NULL)
		return 0;
	stamp_of(&st, &sp);
	return strcmp(old->key, key) == 0 &&
	    memcmp(&old->stamp, &sp, sizeof(sp)) == 0;
}

void
arccache_done(struct arc *a, const char *path, const char *key)
{
	struct arccache	*c = a->cache;
	struct arc_part	*p;
	struct stat	 st;

	if (key == NULL || stat(path, &st) == -1)
		return;
	if (c->nmade == c->madecap) {
		c->madecap = c->madecap ? c->madecap * 2 : 16;
		c->made = xrealloc(c->made, c->madecap * sizeof(*c->made));
	}
	p = &c->made[c->nmade++];
	p->path = arena_strdup(a->arena, path);
	p->key = arena_strdup(a->arena, key);
	stamp_of(&st, &p->stamp);
}

/*** The file ***/

/*
 * The program and the series file as they are now: a summary made by
 * another build of jianbao, or under other series settings, may differ.
 * NULL when the program cannot be found, and then nothing is reused.
 */
static const char *
run_key(struct arena *ar, const char *series_path)
{
	struct stat	 exe, ser;

	if (stat("/proc/self/exe", &exe) == -1)
		return NULL;
	if (stat(series_path, &ser) == -1)
		memset(&ser, 0, sizeof(ser));
	return arena_printf(ar, "exe %lld %lld.%09ld %lld series %lld %lld.%09ld "
	    "%lld %zu:%s", (long long)exe.st_size, (long long)exe.st_mtim.tv_sec,
	    exe.st_mtim.tv_nsec, (long long)exe.st_ino,
	    (long long)ser.st_size, (long long)ser.st_mtim.tv_sec,
	    ser.st_mtim.tv_nsec, (long long)ser.st_ino, strlen(series_path),
	    series_path);
}

/*
 * The record format: every field on a line, strings as LENGTH:BYTES so
 * that any byte may appear in them, NULL strings as "-".
 */
static void
put_num(struct buf *b, long long v)
{
	buf_printf(b, "%lld\n", v);
}

static void
put_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_puts(b, "-\n");
		return;
	}
	buf_printf(b, "%zu:", strlen(s));
	buf_puts(b, s);
	buf_puts(b, "\n");
}

/* A cursor over the cache file; bad is set on the first malformed field. */
struct rd {
	const char	*p, *end;
	int		 bad;
};

static long long
get_num(struct rd *r)
{
	char		*e;
	long long	 v;

	if (r->bad || r->p >= r->end)
		goto bad;
	errno = 0;
	v = strtoll(r->p, &e, 10);
	if (errno != 0 || e == r->p || e >= r->end || *e != '\n')
		goto bad;
	r->p = e + 1;
	return v;
bad:
	r->bad = 1;
	return 0;
}

static const char *
get_str(struct rd *r, struct arena *ar, int nullable)
{
	char		*e;
	const char	*s;
	unsigned long	 n;

	if (r->bad || r->p >= r->end)
		goto bad;
	if (r->end - r->p >= 2 && r->p[0] == '-' && r->p[1] == '\n') {
		r->p += 2;
		if (!nullable)
			goto bad;
		return NULL;
	}
	errno = 0;
	n = strtoul(r->p, &e, 10);
	if (errno != 0 || e == r->p || e >= r->end || *e != ':' ||
	    (size_t)(r->end - e - 1) < n + 1 || e[1 + n] != '\n' ||
	    memchr(e + 1, '\0', n) != NULL)
		goto bad;
	s = arena_strndup(ar, e + 1, n);
	r->p = e + 2 + n;
	return s;
bad:
	r->bad = 1;
	return NULL;
}

static void
put_stamp(struct buf *b, const struct arc_stamp *sp)
{
	put_num(b, sp->size);
	put_num(b, sp->mtime_s);
	put_num(b, sp->mtime_ns);
	put_num(b, sp->ctime_s);
	put_num(b, sp->ctime_ns);
	put_num(b, sp->ino);
}

static void
get_stamp(struct rd *r, struct arc_stamp *sp)
{
	sp->size = get_num(r);
	sp->mtime_s = get_num(r);
	sp->mtime_ns = get_num(r);
	sp->ctime_s = get_num(r);
	sp->ctime_ns = get_num(r);
	sp->ino = get_num(r);
}

/* Record kinds. */
#define REC_ISSUE	1
#define REC_PART	2

/* One part's record; 0, or -1 when the file is damaged. */
static int
read_part(struct rd *r, struct arena *ar, struct arc_part *p)
{
	p->path = get_str(r, ar, 0);
	p->key = get_str(r, ar, 0);
	get_stamp(r, &p->stamp);
	return r->bad ? -1 : 0;
}

/* One issue's record; 0, or -1 when the file is damaged. */
static int
read_issue(struct rd *r, struct arena *ar, struct arc_issue *is)
{
	struct arc_article	*art;
	long long		 n, lang;
	size_t			 i;

	memset(is, 0, sizeof(*is));
	is->path = get_str(r, ar, 0);
	get_stamp(r, &is->stamp);
	is->stem = get_str(r, ar, 0);
	is->year = (int)get_num(r);
	is->issue = (int)get_num(r);
	is->issue_last = (int)get_num(r);
	is->kind = get_str(r, ar, 1);
	is->total = (int)get_num(r);
	is->total_last = (int)get_num(r);
	lang = get_num(r);
	is->date_iso = get_str(r, ar, 0);
	is->date_text = get_str(r, ar, 0);
	n = get_num(r);
	if ((lang != JB_LANG_HANS && lang != JB_LANG_HANT) || n < 0 ||
	    n > 100000)
		r->bad = 1;
	if (r->bad)
		return -1;
	is->lang = (enum jb_lang)lang;
	is->narticles = (size_t)n;
	is->articles = arena_alloc(ar, (is->narticles ? is->narticles : 1) *
	    sizeof(*is->articles));
	for (i = 0; i < is->narticles; i++) {
		art = &is->articles[i];
		art->anchor = get_str(r, ar, 0);
		art->title = get_str(r, ar, 0);
		art->kicker = get_str(r, ar, 1);
		art->subtitle = get_str(r, ar, 1);
	}
	return r->bad ? -1 : 0;
}

void
arccache_read(struct arc *a, const char *outdir, const char *series_path)
{
	struct arccache		*c = a->cache;
	struct arc_issue	*is;
	struct arc_part		*p;
	struct rd		 r;
	GHashTable		*by_path, *parts;
	long long		 kind;
	gchar			*data = NULL, *path;
	const char		*key;
	gsize			 len;
	size_t			 n;

	if ((c->key = run_key(a->arena, series_path)) == NULL)
		return;
	path = g_strdup_printf("%s/%s", outdir, CACHE_FILE);
	if (!g_file_get_contents(path, &data, &len, NULL))
		goto out;
	r.p = data;
	r.end = data + len;
	r.bad = 0;
	n = strlen(CACHE_MAGIC);
	if (len < n || memcmp(data, CACHE_MAGIC, n) != 0)
		goto out;
	r.p += n;
	key = get_str(&r, a->arena, 0);
	if (r.bad || strcmp(key, c->key) != 0)
		goto out;
	by_path = g_hash_table_new(g_str_hash, g_str_equal);
	parts = g_hash_table_new(g_str_hash, g_str_equal);
	while (r.p < r.end) {
		kind = get_num(&r);
		if (kind == REC_ISSUE) {
			is = arena_alloc(a->arena, sizeof(*is));
			if (read_issue(&r, a->arena, is) == 0)
				g_hash_table_insert(by_path, (gpointer)is->path,
				    is);
		} else if (kind == REC_PART) {
			p = arena_alloc(a->arena, sizeof(*p));
			if (read_part(&r, a->arena, p) == 0)
				g_hash_table_insert(parts, (gpointer)p->path, p);
		} else
			r.bad = 1;
		if (r.bad) {
			g_hash_table_destroy(by_path);
			g_hash_table_destroy(parts);
			goto out;
		}
	}
	c->by_path = by_path;
	c->parts = parts;
out:
	g_free(data);
	g_free(path);
}

int
arccache_write(const struct arc *a, const char *outdir)
{
	const struct arccache	*c = a->cache;
	const struct arc_issue	*is;
	const struct arc_article *ar;
	struct outfile		*o;
	struct buf		 b = { 0 };
	char			*path;
	size_t			 i, j;
	int			 rc = -1;

	buf_puts(&b, CACHE_MAGIC);
	put_str(&b, c->key != NULL ? c->key : "");
	for (i = 0; i < c->nmade; i++) {
		put_num(&b, REC_PART);
		put_str(&b, c->made[i].path);
		put_str(&b, c->made[i].key);
		put_stamp(&b, &c->made[i].stamp);
	}
	for (i = 0; i < a->n; i++) {
		is = &a->v[i];
		put_num(&b, REC_ISSUE);
		put_str(&b, is->path);
		put_stamp(&b, &is->stamp);
		put_str(&b, is->stem);
		put_num(&b, is->year);
		put_num(&b, is->issue);
		put_num(&b, is->issue_last);
		put_str(&b, is->kind);
		put_num(&b, is->total);
		put_num(&b, is->total_last);
		put_num(&b, is->lang);
		put_str(&b, is->date_iso);
		put_str(&b, is->date_text);
		put_num(&b, (long long)is->narticles);
		for (j = 0; j < is->narticles; j++) {
			ar = &is->articles[j];
			put_str(&b, ar->anchor);
			put_str(&b, ar->title);
			put_str(&b, ar->kicker);
			put_str(&b, ar->subtitle);
		}
	}
	/* Always rewritten, even unchanged: make dates the archive by it. */
	path = arena_printf(a->arena, "%s/%s", outdir, CACHE_FILE);
	if ((o = outfile_open(path)) == NULL)
		goto out;
	fwrite(b.data, 1, b.len, outfile_fp(o));
	rc = outfile_commit(o);
out:
	buf_free(&b);
	return rc;
}
