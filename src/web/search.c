/* search.c -- the static search index (character bigrams of every article, one JSON file per year through jansson) and its script. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <jansson.h>

#include "web/web.h"
#include "model/model.h"
#include "util/util.h"

/*
 * Chinese has no spaces between words, so the index is keyed by every pair
 * of neighbouring letters or digits (character bigrams): a query of two or
 * more characters is looked up by its own bigrams, and the browser checks
 * the candidates' text for the exact words, which also gives the snippet.
 * Case is folded; anything that is not a letter or digit (punctuation,
 * spaces) separates runs.  templates/search.js applies the same rules.
 *
 * The index is cut by year, search-index/YYYY.js, so that editing one
 * issue rewrites one small file rather than the text of the whole
 * archive.  search.html loads the years newest first, then search.js,
 * which joins them.  Each file appends one part to a global array,
 * because a page opened from file:// may load a script but may not
 * fetch() a JSON file:
 *
 *   var JIANBAO_SEARCH = JIANBAO_SEARCH || [];
 *   JIANBAO_SEARCH.push({
 *     "version": 2, "year": 2019,
 *     "issues":   [ { "label": "2019年第13期", "date": "2019年8月30日",
 *                     "href": "2019/13.html" }, ... ],      newest first
 *     "articles": [ { "issue": 0, "anchor": "a1", "title": "...",
 *                     "kicker": "...", "text": "..." }, ... ],
 *     "grams":    { "积分": "0,3,12", ... }
 *   });
 *
 * Issue and article numbers count within the part.  A gram maps to the
 * articles holding it, as ascending article numbers written as the gaps
 * between them ("0,3,12" = articles 0, 3, 15): one short string per gram
 * keeps the file small and quick to write, and the browser decodes only
 * the lists of the grams it looks up.
 *
 * A year's file is made again only when its key, a digest of the program,
 * the series file and the size, times and inode of the year's issue files,
 * differs from the one the archive's cache holds for it, or the file
 * itself changed (see arccache_current in arccache.h).
 */
#define SEARCH_GLOBAL	"JIANBAO_SEARCH"
#define SEARCH_SCRIPT	"search.js"
#define SEARCH_DIR	"search-index"
#define SEARCH_VERSION	2

/* The articles holding one gram, as the gap string being built. */
struct post {
	long		 last;		/* last article added, -1 = none */
	struct buf	 gaps;
};

/* Two code points packed into one key; code points fit in 21 bits. */
#define GRAM(a, b)	((guint64)(a) << 21 | (guint64)(b))

static guint
gram_hash(gconstpointer p)
{
	guint64	 k = (guint64)(guintptr)p;

	return (guint)((k ^ (k >> 29)) * 0x9e3779b1u);
}

static void
post_free(gpointer p)
{
	struct post	*po = p;

	buf_free(&po->gaps);
	free(po);
}

/* Append ",N" (or "N" for the first) to b: printf is most of the index's
 * cost otherwise. */
static void
put_gap(struct buf *b, long v, int first)
{
	char	 tmp[32], *q = tmp + sizeof(tmp);

	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	if (!first)
		*--q = ',';
	buf_put(b, q, (size_t)(tmp + sizeof(tmp) - q));
}

/*
 * Does lower-casing s take more than folding ASCII?  Only upper- and
 * title-case letters change; most text is Han and ASCII, and g_utf8_strdown
 * is kept for the rest, for its special cases (İ, final sigma) that the
 * browser's toLowerCase() shares.
 */
static int
needs_fold(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	GUnicodeType		 t;

	for (; *p != '\0'; p++) {
		if (*p < 0x80)
			continue;
		t = g_unichar_type(g_utf8_get_char((const char *)p));
		if (t == G_UNICODE_UPPERCASE_LETTER ||
		    t == G_UNICODE_TITLECASE_LETTER)
			return 1;
		while ((p[1] & 0xc0) == 0x80)
			p++;
	}
	return 0;
}

/*
 * The code point at *p, moving *p past it.  The text comes from a parsed
 * document, which is valid UTF-8 (document.c checks), so the lead byte
 * gives the length.
 */
static gunichar
utf8_next(const unsigned char **pp)
{
	const unsigned char	*p = *pp;
	gunichar		 c;

	if (p[0] < 0xe0) {
		c = (gunichar)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		*pp = p + 2;
	} else if (p[0] < 0xf0) {
		c = (gunichar)(p[0] & 0x0f) << 12 | (gunichar)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f);
		*pp = p + 3;
	} else {
		c = (gunichar)(p[0] & 0x07) << 18 | (gunichar)(p[1] & 0x3f) << 12 |
		    (gunichar)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
		*pp = p + 4;
	}
	return c;
}

/* Add every bigram of s to the postings of article id. */
static void
index_text(GHashTable *grams, const char *s, long id)
{
	char			*low = needs_fold(s) ? g_utf8_strdown(s, -1) : NULL;
	const unsigned char	*p = (const unsigned char *)(low ? low : s);
	gunichar		 c, prev = 0;
	struct post		*po;
	gpointer		 key;
	int			 alnum;

	while (*p != '\0') {
		if (*p < 0x80) {
			c = *p++;
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		} else {
			c = utf8_next(&p);
			/* CJK Unified Ideographs: all letters (Lo). */
			alnum = (c >= 0x4e00 && c <= 0x9fff) ||
			    g_unichar_isalnum(c);
		}
		if (!alnum) {
			prev = 0;
			continue;
		}
		if (prev != 0) {
			key = (gpointer)(guintptr)GRAM(prev, c);
			if ((po = g_hash_table_lookup(grams, key)) == NULL) {
				po = xcalloc(1, sizeof(*po));
				po->last = -1;
				g_hash_table_insert(grams, key, po);
			}
			if (po->last != id) {
				put_gap(&po->gaps, po->last < 0 ? id :
				    id - po->last, po->last < 0);
				po->last = id;
			}
		}
		prev = c;
	}
	g_free(low);
}

static int
by_gram(const void *pa, const void *pb)
{
	guint64	 a = (guint64)(guintptr)*(gpointer const *)pa;
	guint64	 b = (guint64)(guintptr)*(gpointer const *)pb;

	return a < b ? -1 : a > b;
}

/*
 * obj[name] = s.  Every string comes from a parsed document, which is
 * valid UTF-8 (document.c checks), so jansson need not check it again:
 * that check was a tenth of a clean archive build.
 */
static int
member(json_t *obj, const char *name, const char *s)
{
	return json_object_set_new_nocheck(obj, name,
	    json_stringn_nocheck(s, strlen(s)));
}

/* Issues v[first] .. v[first + n - 1], one year, newest first. */
struct year {
	struct arc		*a;
	size_t			 first, n;
	int			 year;
	char			*key;		/* NULL: always made */
	char			*path;
};

/* The key of the year's file: which issue files it is made from. */
static void
year_key(struct year *y)
{
	char	 what[64];

	snprintf(what, sizeof(what), "search %d %d", SEARCH_VERSION, y->year);
	y->key = arccache_key(y->a, what, y->first, y->n, NULL);
}

/*
 * The year's part as JSON: the issues from the archive, the articles and
 * their text from the issue files, loaded again one at a time.  NULL
 * after reporting.
 */
static char *
build_part(const struct year *y)
{
	const struct arc	*a = y->a;
	const struct arc_issue	*is;
	const struct jb_article	*ar;
	json_t			*root, *issues, *articles, *grams, *o;
	GHashTable		*tab;
	struct jb_doc		*d;
	struct post		*po;
	gpointer		*keys;
	guint			 nkeys, k;
	gunichar		 pair[2];
	char			*name, *text, *json = NULL;
	size_t			 i, j;
	long			 id = 0;
	int			 bad = 0;

	tab = g_hash_table_new_full(gram_hash, g_direct_equal, NULL, post_free);
	root = json_object();
	issues = json_array();
	articles = json_array();
	grams = json_object();
	json_object_set_new(root, "version", json_integer(SEARCH_VERSION));
	json_object_set_new(root, "year", json_integer(y->year));
	json_object_set_new(root, "issues", issues);
	json_object_set_new(root, "articles", articles);
	for (i = 0; i < y->n; i++) {
		is = &a->v[y->first + i];
		o = json_object();
		json_array_append_new(issues, o);
		name = g_strdup_printf("%s.html", is->stem);
		bad |= member(o, "label", label_issue(a->arena, is->lang,
		    is->year, is->kind, is->issue, is->issue_last)) |
		    member(o, "date",
		    is->date_text) | member(o, "href", name);
		g_free(name);
		if ((d = doc_load(is->path, a->series)) == NULL)
			goto out;
		for (j = 0; j < d->narticles; j++, id++) {
			ar = &d->articles[j];
			text = arc_article_text(d, ar);
			o = json_object();
			json_array_append_new(articles, o);
			json_object_set_new(o, "issue", json_integer((json_int_t)i));
			bad |= member(o, "anchor", ar->anchor) |
			    member(o, "title", ar->title);
			if (ar->kicker != NULL)
				bad |= member(o, "kicker", ar->kicker);
			if (ar->subtitle != NULL)
				bad |= member(o, "subtitle", ar->subtitle);
			bad |= member(o, "text", text);
			index_text(tab, ar->title, id);
			if (ar->kicker != NULL)
				index_text(tab, ar->kicker, id);
			if (ar->subtitle != NULL)
				index_text(tab, ar->subtitle, id);
			index_text(tab, text, id);
			free(text);
		}
		doc_free(d);
	}

	/* Sorted, so the same archive always gives the same file. */
	keys = g_hash_table_get_keys_as_array(tab, &nkeys);
	qsort(keys, nkeys, sizeof(*keys), by_gram);
	for (k = 0; k < nkeys; k++) {
		guint64	 g = (guint64)(guintptr)keys[k];

		pair[0] = (gunichar)(g >> 21);
		pair[1] = (gunichar)(g & 0x1fffff);
		name = g_ucs4_to_utf8(pair, 2, NULL, NULL, NULL);
		po = g_hash_table_lookup(tab, keys[k]);
		bad |= name == NULL || member(grams, name, po->gaps.data);
		g_free(name);
	}
	g_free(keys);
	json_object_set_new(root, "grams", grams);
	if (bad)
		msg(MSG_WRITE, NULL, y->path, "JSON 写入失败");
	else if ((json = json_dumps(root, JSON_COMPACT)) == NULL)
		msg(MSG_WRITE, NULL, y->path, "JSON 写入失败");
out:
	json_decref(root);
	g_hash_table_destroy(tab);
	return json;
}

static int
write_year(struct year *y, const char *outdir)
{
	struct buf	 b = { 0 };
	char		*json;
	int		 rc = -1;

	year_key(y);
	y->path = g_strdup_printf("%s/%s/%d.js", outdir, SEARCH_DIR, y->year);
	if (arccache_current(y->a, y->path, y->key)) {
		rc = 0;
		goto done;
	}
	if ((json = build_part(y)) == NULL)
		goto out;
	buf_printf(&b, "var %s = %s || [];\n%s.push(", SEARCH_GLOBAL,
	    SEARCH_GLOBAL, SEARCH_GLOBAL);
	buf_puts(&b, json);
	buf_puts(&b, ");\n");
	free(json);
	if (outfile_put(y->path, b.data, b.len) == -1)
		goto out;
	rc = 0;
done:
	arccache_done(y->a, y->path, y->key);
out:
	buf_free(&b);
	free(y->key);
	g_free(y->path);
	return rc;
}

/* Is "NNNN.js" the file of a year the archive has? */
static int
wanted(const struct arc *a, const char *name)
{
	size_t	 i, n = strspn(name, "0123456789");
	int	 year;

	if (n == 0 || n > 6 || strcmp(name + n, ".js") != 0)
		return 1;		/* not an index file: not ours */
	year = atoi(name);
	for (i = 0; i < a->n; i++)
		if (a->v[i].year == year)
			return 1;
	return 0;
}

/*
 * Remove the files of years that have no issue any more, so the folder
 * holds what a clean build would write; and the single index of earlier
 * versions, which nothing loads now.
 */
static void
remove_stale(const struct arc *a, const char *outdir)
{
	DIR		*dir;
	struct dirent	*e;
	char		*path;

	path = g_strdup_printf("%s/search-index.js", outdir);
	unlink(path);
	g_free(path);
	path = g_strdup_printf("%s/%s", outdir, SEARCH_DIR);
	dir = opendir(path);
	g_free(path);
	if (dir == NULL)
		return;
	while ((e = readdir(dir)) != NULL) {
		if (wanted(a, e->d_name))
			continue;
		path = g_strdup_printf("%s/%s/%s", outdir, SEARCH_DIR, e->d_name);
		if (unlink(path) == -1 && errno != ENOENT)
			msg(MSG_WRITE, NULL, path, msg_strerror(errno));
		g_free(path);
	}
	closedir(dir);
}

int
search_write(struct arc *a, const char *tmpldir, const char *outdir)
{
	struct year	 y;
	char		*src, *dst;
	size_t		 i;
	int		 rc = -1;

	src = g_strdup_printf("%s/%s", tmpldir, SEARCH_SCRIPT);
	dst = g_strdup_printf("%s/%s", outdir, SEARCH_SCRIPT);
	if (outfile_copy(src, dst) == -1)
		goto out;
	for (i = 0; i < a->n; i += y.n) {
		memset(&y, 0, sizeof(y));
		y.a = a;
		y.first = i;
		y.year = a->v[i].year;
		for (y.n = 0; i + y.n < a->n && a->v[i + y.n].year == y.year;
		    y.n++)
			;
		if (write_year(&y, outdir) == -1)
			goto out;
	}
	remove_stale(a, outdir);
	rc = 0;
out:
	g_free(src);
	g_free(dst);
	return rc;
}
