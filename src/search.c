/* search.c -- the static search index (character bigrams of every article, as JSON through json-glib) and its script. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "archive.h"
#include "mem.h"
#include "msg.h"
#include "outfile.h"

/*
 * Chinese has no spaces between words, so the index is keyed by every pair
 * of neighbouring letters or digits (character bigrams): a query of two or
 * more characters is looked up by its own bigrams, and the browser checks
 * the candidates' text for the exact words, which also gives the snippet.
 * Case is folded; anything that is not a letter or digit (punctuation,
 * spaces) separates runs.  templates/search.js applies the same rules.
 *
 * search-index.js assigns one global, because a page opened from file://
 * may load a script but may not fetch() a JSON file:
 *
 *   JIANBAO_SEARCH = {
 *     "version": 1,
 *     "issues":   [ { "label": "2019年第13期", "date": "2019年8月30日",
 *                     "href": "2019/13.html" }, ... ],      newest first
 *     "articles": [ { "issue": 0, "anchor": "a1", "title": "...",
 *                     "kicker": "...", "text": "..." }, ... ],
 *     "grams":    { "积分": "0,3,12", ... }
 *   }
 *
 * A gram maps to the articles holding it, as ascending article numbers
 * written as the gaps between them ("0,3,12" = articles 0, 3, 15): one
 * short string per gram keeps the file small and quick to write, and the
 * browser decodes only the lists of the grams it looks up.
 */
#define SEARCH_GLOBAL	"JIANBAO_SEARCH"
#define SEARCH_SCRIPT	"search.js"

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

/* Add every bigram of s to the postings of article id. */
static void
index_text(GHashTable *grams, const char *s, long id)
{
	char		*low = g_utf8_strdown(s, -1), *p;
	gunichar	 c, prev = 0;
	struct post	*po;
	gpointer	 key;

	for (p = low; *p != '\0'; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (!g_unichar_isalnum(c)) {
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
				buf_printf(&po->gaps, po->last < 0 ? "%ld" :
				    ",%ld", po->last < 0 ? id : id - po->last);
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

static void
member(JsonBuilder *b, const char *name, const char *value)
{
	json_builder_set_member_name(b, name);
	json_builder_add_string_value(b, value);
}

/* The whole index as a JSON text the caller frees with g_free(). */
static char *
build_index(const struct arc *a)
{
	JsonBuilder		*b = json_builder_new();
	JsonGenerator		*gen;
	JsonNode		*root;
	GHashTable		*grams;
	const struct arc_issue	*is;
	const struct arc_article *ar;
	struct post		*po;
	gpointer		*keys;
	guint			 nkeys, k;
	gunichar		 pair[2];
	char			*name, *json;
	size_t			 i, j;
	long			 id = 0;

	grams = g_hash_table_new_full(gram_hash, g_direct_equal, NULL,
	    post_free);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "version");
	json_builder_add_int_value(b, 1);

	json_builder_set_member_name(b, "issues");
	json_builder_begin_array(b);
	for (i = 0; i < a->n; i++) {
		is = &a->v[i];
		json_builder_begin_object(b);
		member(b, "label", is->label);
		member(b, "date", is->date_text);
		name = g_strdup_printf("%s.html", is->stem);
		member(b, "href", name);
		g_free(name);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);

	json_builder_set_member_name(b, "articles");
	json_builder_begin_array(b);
	for (i = 0; i < a->n; i++) {
		for (j = 0; j < a->v[i].narticles; j++, id++) {
			ar = &a->v[i].articles[j];
			json_builder_begin_object(b);
			json_builder_set_member_name(b, "issue");
			json_builder_add_int_value(b, (gint64)i);
			member(b, "anchor", ar->anchor);
			member(b, "title", ar->title);
			if (ar->kicker != NULL)
				member(b, "kicker", ar->kicker);
			if (ar->subtitle != NULL)
				member(b, "subtitle", ar->subtitle);
			member(b, "text", ar->text);
			json_builder_end_object(b);
			index_text(grams, ar->title, id);
			if (ar->kicker != NULL)
				index_text(grams, ar->kicker, id);
			if (ar->subtitle != NULL)
				index_text(grams, ar->subtitle, id);
			index_text(grams, ar->text, id);
		}
	}
	json_builder_end_array(b);

	/* Sorted, so the same archive always gives the same file. */
	json_builder_set_member_name(b, "grams");
	json_builder_begin_object(b);
	keys = g_hash_table_get_keys_as_array(grams, &nkeys);
	qsort(keys, nkeys, sizeof(*keys), by_gram);
	for (k = 0; k < nkeys; k++) {
		guint64	 g = (guint64)(guintptr)keys[k];

		pair[0] = (gunichar)(g >> 21);
		pair[1] = (gunichar)(g & 0x1fffff);
		name = g_ucs4_to_utf8(pair, 2, NULL, NULL, NULL);
		po = g_hash_table_lookup(grams, keys[k]);
		member(b, name, po->gaps.data);
		g_free(name);
	}
	g_free(keys);
	json_builder_end_object(b);
	json_builder_end_object(b);

	root = json_builder_get_root(b);
	gen = json_generator_new();
	json_generator_set_root(gen, root);
	json = json_generator_to_data(gen, NULL);
	g_object_unref(gen);
	json_node_unref(root);
	g_object_unref(b);
	g_hash_table_destroy(grams);
	return json;
}

/* Copy the search script from the templates.  Returns 0, or -1 after
 * reporting. */
static int
copy_script(const char *tmpldir, const char *outdir)
{
	char	*src, *dst;
	int	 rc;

	src = g_strdup_printf("%s/%s", tmpldir, SEARCH_SCRIPT);
	dst = g_strdup_printf("%s/%s", outdir, SEARCH_SCRIPT);
	rc = outfile_copy(src, dst);
	g_free(src);
	g_free(dst);
	return rc;
}

int
arc_write_search(const struct arc *a, const char *tmpldir, const char *outdir)
{
	struct outfile	*o;
	char		*json = NULL, *path;
	int		 rc = -1;

	path = g_strdup_printf("%s/search-index.js", outdir);
	if (copy_script(tmpldir, outdir) == -1)
		goto out;
	json = build_index(a);
	if ((o = outfile_open(path)) == NULL)
		goto out;
	fprintf(outfile_fp(o), "var %s = %s;\n", SEARCH_GLOBAL, json);
	rc = outfile_commit(o);
out:
	g_free(json);
	g_free(path);
	return rc;
}
