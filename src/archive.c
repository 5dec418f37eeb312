/* archive.c -- copy what the site needs out of each issue, so documents can be freed one by one; reuse the previous run's copies. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>

#include "archive.h"
#include "document.h"
#include "mem.h"
#include "outfile.h"

#define CACHE_FILE	".archive"
#define CACHE_MAGIC	"jianbao-archive 2\n"

/* The previous run's summaries by file path, in the archive's arena. */
struct arc_cache {
	GHashTable	*by_path;	/* path -> struct arc_issue */
	GHashTable	*parts;		/* path -> struct arc_part */
};

struct arc *
arc_new(const struct jb_series *s)
{
	struct arc	*a = xcalloc(1, sizeof(*a));

	a->series = s;
	a->arena = arena_new();
	return a;
}

void
arc_free(struct arc *a)
{
	if (a == NULL)
		return;
	if (a->cache != NULL) {
		g_hash_table_destroy(a->cache->by_path);
		g_hash_table_destroy(a->cache->parts);
		free(a->cache);
	}
	arena_free(a->arena);
	free(a->parts);
	free(a->v);
	free(a);
}

/* Append the searchable text of blocks to b, one line per block. */
static void
block_text(const struct jb_doc *d, const struct jb_block *b, size_t n,
    struct buf *out)
{
	size_t	 i;

	for (i = 0; i < n; i++, b++) {
		switch (b->kind) {
		case JB_BLOCK_IMAGE:
			if (b->caption != NULL) {
				buf_puts(out, b->caption);
				buf_puts(out, "\n");
			}
			break;
		case JB_BLOCK_BOX:
			block_text(d, b->children, b->nchildren, out);
			break;
		default:
			buf_puts(out, doc_runs_text(d, b->runs, b->nruns));
			buf_puts(out, "\n");
			break;
		}
	}
}

char *
arc_article_text(const struct jb_doc *d, const struct jb_article *ar)
{
	struct buf	 text = { 0 };

	block_text(d, ar->blocks, ar->nblocks, &text);
	return text.data != NULL ? text.data : xstrdup("");
}

static struct arc_issue *
append(struct arc *a)
{
	struct arc_issue	*is;

	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->v = xrealloc(a->v, a->cap * sizeof(*a->v));
	}
	is = &a->v[a->n++];
	memset(is, 0, sizeof(*is));
	return is;
}

void
arc_add(struct arc *a, const struct jb_doc *d, const char *path,
    const char *stem)
{
	struct arc_issue	*is = append(a);
	struct arc_article	*ar;
	const struct jb_article	*src;
	size_t			 i;

	is->year = d->meta.date.year;
	is->issue = d->meta.issue;
	is->date_iso = arena_strdup(a->arena, d->meta.date_iso);
	is->date_text = arena_strdup(a->arena, d->meta.date_text);
	is->label = arena_printf(a->arena, "%d年%s", d->meta.date.year,
	    doc_issue_label(d));
	is->total_label = arena_strdup(a->arena, doc_total_label(d));
	is->lang_tag = arena_strdup(a->arena, d->meta.lang_tag);
	is->stem = arena_strdup(a->arena, stem);
	is->path = arena_strdup(a->arena, path);
	is->stamp.ino = -1;
	is->narticles = d->narticles;
	is->articles = arena_alloc(a->arena,
	    (d->narticles ? d->narticles : 1) * sizeof(*is->articles));
	for (i = 0; i < d->narticles; i++) {
		src = &d->articles[i];
		ar = &is->articles[i];
		ar->anchor = arena_strdup(a->arena, src->anchor);
		ar->title = arena_strdup(a->arena, src->title);
		ar->kicker = arena_strdup(a->arena, src->kicker);
		ar->subtitle = arena_strdup(a->arena, src->subtitle);
	}
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

int
arc_add_file(struct arc *a, const char *path, const char *stem)
{
	struct arc_issue	*old;
	struct arc_stamp	 sp;
	struct jb_doc		*d;
	struct stat		 st;
	int			 fresh = stat(path, &st) == 0;

	if (fresh)
		stamp_of(&st, &sp);
	if (fresh && a->cache != NULL &&
	    (old = g_hash_table_lookup(a->cache->by_path, path)) != NULL &&
	    memcmp(&old->stamp, &sp, sizeof(sp)) == 0 &&
	    strcmp(old->stem, stem) == 0) {
		*append(a) = *old;
		return 0;
	}
	if ((d = doc_load(path, a->series)) == NULL)
		return -1;
	arc_add(a, d, path, stem);
	doc_free(d);
	if (fresh)
		a->v[a->n - 1].stamp = sp;
	return 0;
}

static int
newest_first(const void *pa, const void *pb)
{
	const struct arc_issue	*a = pa, *b = pb;
	int			 c;

	if ((c = strcmp(b->date_iso, a->date_iso)) != 0)
		return c;
	if (a->issue != b->issue)
		return b->issue - a->issue;
	return strcmp(b->stem, a->stem);
}

void
arc_sort(struct arc *a)
{
	if (a->n > 1)
		qsort(a->v, a->n, sizeof(*a->v), newest_first);
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
arc_key(const struct arc *a, const char *what, size_t first, size_t n,
    const char *const *deps)
{
	const struct arc_issue	*is;
	struct arc_stamp	 sp;
	struct stat		 st;
	GChecksum		*ck;
	char			*key = NULL;
	size_t			 i;

	if (a->key == NULL)
		return NULL;
	ck = g_checksum_new(G_CHECKSUM_SHA1);
	key_str(ck, what);
	key_str(ck, a->key);
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
arc_part_current(const struct arc *a, const char *path, const char *key)
{
	const struct arc_part	*old;
	struct arc_stamp	 sp;
	struct stat		 st;

	if (key == NULL || a->cache == NULL || stat(path, &st) == -1 ||
	    (old = g_hash_table_lookup(a->cache->parts, path)) == NULL)
		return 0;
	stamp_of(&st, &sp);
	return strcmp(old->key, key) == 0 &&
	    memcmp(&old->stamp, &sp, sizeof(sp)) == 0;
}

void
arc_part_done(struct arc *a, const char *path, const char *key)
{
	struct arc_part	*p;
	struct stat	 st;

	if (key == NULL || stat(path, &st) == -1)
		return;
	if (a->nparts == a->partcap) {
		a->partcap = a->partcap ? a->partcap * 2 : 16;
		a->parts = xrealloc(a->parts, a->partcap * sizeof(*a->parts));
	}
	p = &a->parts[a->nparts++];
	p->path = arena_strdup(a->arena, path);
	p->key = arena_strdup(a->arena, key);
	stamp_of(&st, &p->stamp);
}

/*** The cache ***/

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
	long long		 n;
	size_t			 i;

	memset(is, 0, sizeof(*is));
	is->path = get_str(r, ar, 0);
	get_stamp(r, &is->stamp);
	is->stem = get_str(r, ar, 0);
	is->year = (int)get_num(r);
	is->issue = (int)get_num(r);
	is->date_iso = get_str(r, ar, 0);
	is->date_text = get_str(r, ar, 0);
	is->label = get_str(r, ar, 0);
	is->total_label = get_str(r, ar, 1);
	is->lang_tag = get_str(r, ar, 0);
	n = get_num(r);
	if (r->bad || n < 0 || n > 100000)
		return -1;
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
arc_use_cache(struct arc *a, const char *outdir, const char *series_path)
{
	struct arc_cache	*c;
	struct arc_issue	*is;
	struct arc_part		*p;
	struct rd		 r;
	long long		 kind;
	gchar			*data = NULL, *path;
	const char		*key;
	gsize			 len;
	size_t			 n;

	if ((a->key = run_key(a->arena, series_path)) == NULL)
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
	if (r.bad || strcmp(key, a->key) != 0)
		goto out;
	c = xcalloc(1, sizeof(*c));
	c->by_path = g_hash_table_new(g_str_hash, g_str_equal);
	c->parts = g_hash_table_new(g_str_hash, g_str_equal);
	while (r.p < r.end) {
		kind = get_num(&r);
		if (kind == REC_ISSUE) {
			is = arena_alloc(a->arena, sizeof(*is));
			if (read_issue(&r, a->arena, is) == 0)
				g_hash_table_insert(c->by_path,
				    (gpointer)is->path, is);
		} else if (kind == REC_PART) {
			p = arena_alloc(a->arena, sizeof(*p));
			if (read_part(&r, a->arena, p) == 0)
				g_hash_table_insert(c->parts, (gpointer)p->path, p);
		} else
			r.bad = 1;
		if (r.bad) {
			g_hash_table_destroy(c->by_path);
			g_hash_table_destroy(c->parts);
			free(c);
			goto out;
		}
	}
	a->cache = c;
out:
	g_free(data);
	g_free(path);
}

int
arc_write_cache(const struct arc *a, const char *outdir)
{
	const struct arc_issue	*is;
	const struct arc_article *ar;
	struct outfile		*o;
	struct buf		 b = { 0 };
	char			*path;
	size_t			 i, j;
	int			 rc = -1;

	buf_puts(&b, CACHE_MAGIC);
	put_str(&b, a->key != NULL ? a->key : "");
	for (i = 0; i < a->nparts; i++) {
		put_num(&b, REC_PART);
		put_str(&b, a->parts[i].path);
		put_str(&b, a->parts[i].key);
		put_stamp(&b, &a->parts[i].stamp);
	}
	for (i = 0; i < a->n; i++) {
		is = &a->v[i];
		put_num(&b, REC_ISSUE);
		put_str(&b, is->path);
		put_stamp(&b, &is->stamp);
		put_str(&b, is->stem);
		put_num(&b, is->year);
		put_num(&b, is->issue);
		put_str(&b, is->date_iso);
		put_str(&b, is->date_text);
		put_str(&b, is->label);
		put_str(&b, is->total_label);
		put_str(&b, is->lang_tag);
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
