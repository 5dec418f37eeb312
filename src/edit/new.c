/* new.c -- `jianbao new`: the next issue's file with carried-over front matter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yaml.h>

#include "model/model.h"
#include "util/util.h"
#include "edit/edit.h"

/* The body of a new issue: one example article that passes `jianbao check`. */
static const char skeleton[] =
"\n"
"## 在这里写第一篇文章的标题\n"
"\n"
"本报讯　在这里写正文。每段写成一行或几行，段与段之间空一行。\n"
"\n"
"**段首小标题。**用加粗标出段首的小标题，后面接着写这一段的内容。\n"
"\n"
"（作者姓名）\n";

/* The value of key in the mapping map, by any of its names, or NULL. */
static yaml_node_t *
lookup(yaml_document_t *doc, yaml_node_t *map, enum fm_key key)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(doc, p->key);
		if (k->type == YAML_SCALAR_NODE && fm_key_is(key,
		    (char *)k->data.scalar.value,
		    strlen((char *)k->data.scalar.value)))
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

/*
 * Copy key of root, a mapping of text or lists of text (分送, 署名), into
 * the new front matter under its Simplified name.  The previous issue
 * passed validation, so other shapes do not occur; they are skipped.
 */
static void
carry(struct fmw *w, yaml_document_t *doc, yaml_node_t *root, enum fm_key key)
{
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it;
	yaml_node_t		*map, *k, *v, *x;
	const char		**items;
	size_t			 n;
	int			 m;

	map = lookup(doc, root, key);
	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return;
	m = fmw_map(w, FMW_ROOT, fm_keys[key].zh);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(doc, p->key);
		v = yaml_document_get_node(doc, p->value);
		if (k->type != YAML_SCALAR_NODE)
			continue;
		if (v->type == YAML_SCALAR_NODE) {
			fmw_str(w, m, (char *)k->data.scalar.value,
			    (char *)v->data.scalar.value);
			continue;
		}
		if (v->type != YAML_SEQUENCE_NODE)
			continue;
		items = xcalloc((size_t)(v->data.sequence.items.top -
		    v->data.sequence.items.start) + 1, sizeof(char *));
		n = 0;
		for (it = v->data.sequence.items.start;
		    it < v->data.sequence.items.top; it++) {
			x = yaml_document_get_node(doc, *it);
			if (x->type == YAML_SCALAR_NODE)
				items[n++] = (char *)x->data.scalar.value;
		}
		fmw_list(w, m, (char *)k->data.scalar.value, items, n);
		free(items);
	}
}

/*
 * 分送 and 署名 exactly as the previous issue prev wrote them: from its
 * YAML text, which the model keeps only as validated values.
 */
static void
carry_over(struct fmw *w, const struct jb_doc *prev)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	struct src	*t = src_new(prev->src.file, prev->text, prev->len);

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)t->yaml,
	    t->yamllen);
	if (yaml_parser_load(&p, &doc)) {
		root = yaml_document_get_root_node(&doc);
		carry(w, &doc, root, FM_KEY_DIST);
		carry(w, &doc, root, FM_KEY_CREDITS);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&p);
	src_free(t);
}

/*
 * Load an issue's front matter quietly: its warnings are not news to
 * whoever runs new, and its body (pictures decoded to be checked) is not
 * needed for numbering and carry-over.
 */
static struct jb_doc *
load_quiet(const char *path, const struct jb_series *s)
{
	struct jb_doc	*d = NULL;
	struct src	*t;

	msg_set_quiet(1);
	if ((t = src_read(path, DOC_MAX_BYTES)) != NULL)
		d = doc_parse_meta(t, s);
	src_free(t);
	msg_set_quiet(0);
	return d;
}

/* The series' kind named name or with file name prefix name, or NULL. */
static const struct jb_kind *
kind_of(const struct jb_series *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->nkinds; i++)
		if (strcmp(s->kinds[i].prefix, name) == 0)
			return &s->kinds[i];
	return series_kind(s, name);
}

/* Is f an issue file of kind k (NULL: a regular one)? */
static int
of_kind(const struct iss_file *f, const struct jb_kind *k)
{
	if (k == NULL)
		return f->prefix == NULL;
	return f->prefix != NULL && strcmp(f->prefix, k->prefix) == 0;
}

int
new_next(const struct jb_series *s, const struct jb_kind *kind,
    const struct jb_date *date, int *issue, int *total,
    struct jb_doc **latest)
{
	struct jb_doc	*last = NULL, *inyear = NULL;
	struct iss_list	 all = { NULL, 0 };
	size_t		 i, reg, same;
	int		 rc = -1;

	*issue = 1;
	*total = 0;
	/*
	 * 总期号 from the latest regular issue: a kind numbered apart (增刊)
	 * takes none.  分送 and 署名 from the latest issue of the same kind,
	 * else the latest regular one.  期号 from the year's issues of the
	 * kind, after a 合刊's last number.
	 */
	iss_scan(ISS_DIR, &all);
	for (reg = all.n; reg > 0 && !of_kind(&all.v[reg - 1], NULL); reg--)
		;
	for (same = all.n; same > 0 && !of_kind(&all.v[same - 1], kind); same--)
		;
	if (same == 0)
		same = reg;
	if (same > 0 && (last = load_quiet(all.v[same - 1].path, s)) == NULL)
		goto out;
	if (kind == NULL && last != NULL && last->meta.total > 0)
		*total = last->meta.total_last + 1;
	else if (kind == NULL && last == NULL && s->total_numbering)
		*total = 1;
	for (i = all.n; i > 0; i--)
		if (all.v[i - 1].year == date->year && of_kind(&all.v[i - 1], kind))
			break;
	if (i > 0) {
		if ((inyear = load_quiet(all.v[i - 1].path, s)) == NULL)
			goto out;
		*issue = inyear->meta.issue_last + 1;
	}
	rc = 0;
out:
	doc_free(inyear);
	if (latest != NULL && rc == 0)
		*latest = last;
	else
		doc_free(last);
	iss_free(&all);
	return rc;
}

int
new_main(const char *series, const char *given, const char *kindname)
{
	struct jb_series	*s = NULL;
	struct jb_doc		*last = NULL;
	const struct jb_kind	*kind = NULL;
	struct jb_date		 date;
	struct fmw		*w = NULL;
	struct outfile		*o;
	char			*path = NULL, iso[16];
	int			 issue = 1, total = 0, rc = 1;

	if (given != NULL && fm_parse_date(given, &date) == -1) {
		msg(MSG_FM_DATE, NULL, given);
		return 2;
	}
	if (given == NULL)
		iss_today(&date);
	if ((s = series_load(series)) == NULL)
		return 2;
	if (kindname != NULL && (kind = kind_of(s, kindname)) == NULL) {
		msg(MSG_FM_KIND, NULL, kindname,
		    series_kind_names(s->arena, s));
		series_free(s);
		return 2;
	}

	if (new_next(s, kind, &date, &issue, &total, &last) == -1)
		goto out;

	path = iss_path(date.year, kind != NULL ? kind->prefix : NULL, issue);
	if (access(path, F_OK) == 0) {
		msg(MSG_NEW_EXISTS, NULL, path);
		goto out;
	}
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", date.year, date.month,
	    date.day);
	w = fmw_new();
	if (kind != NULL)
		fmw_str(w, FMW_ROOT, fm_keys[FM_KEY_KIND].zh, kind->name);
	fmw_int(w, FMW_ROOT, fm_keys[FM_KEY_ISSUE].zh, issue);
	if (total > 0)
		fmw_int(w, FMW_ROOT, fm_keys[FM_KEY_TOTAL].zh, total);
	fmw_str(w, FMW_ROOT, fm_keys[FM_KEY_DATE].zh, iso);
	if (last != NULL)
		carry_over(w, last);
	if ((o = outfile_open(path)) == NULL)
		goto out;
	if (fmw_write(w, outfile_fp(o), path) == -1) {
		outfile_abort(o);
		goto out;
	}
	fputs(skeleton, outfile_fp(o));
	if (outfile_commit(o) == -1)
		goto out;
	puts(path);
	rc = 0;
out:
	free(path);
	fmw_free(w);
	doc_free(last);
	series_free(s);
	return rc;
}
