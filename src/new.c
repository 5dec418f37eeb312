/* new.c -- `jianbao new`: the next issue's file with carried-over front matter. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "datadir.h"
#include "document.h"
#include "fmwrite.h"
#include "frontmatter.h"
#include "issues.h"
#include "mem.h"
#include "msg.h"
#include "new.h"
#include "outfile.h"

#define ISSUES_DIR	"issues"

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

/* The YAML text between the --- lines of path, or NULL; caller frees. */
static char *
front_matter(const char *path)
{
	struct buf	 b = { 0 };
	char		 line[4096];
	FILE		*fp;
	int		 n = 0, closed = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (n++ == 0) {
			if (strcmp(line, "---") != 0)
				break;
			continue;
		}
		if (strcmp(line, "---") == 0 || strcmp(line, "...") == 0) {
			closed = 1;
			break;
		}
		buf_printf(&b, "%s\n", line);
	}
	fclose(fp);
	if (!closed) {
		buf_free(&b);
		return NULL;
	}
	return b.data ? b.data : xstrdup("");
}

static yaml_node_t *
lookup(yaml_document_t *doc, yaml_node_t *map, const char *zh, const char *en)
{
	yaml_node_pair_t	*p;
	yaml_node_t		*k;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	    p++) {
		k = yaml_document_get_node(doc, p->key);
		if (k->type == YAML_SCALAR_NODE &&
		    (strcmp((char *)k->data.scalar.value, zh) == 0 ||
		    strcmp((char *)k->data.scalar.value, en) == 0))
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

/*
 * Copy a mapping of text or lists of text (分送, 署名) into the new front
 * matter under key.  The previous issue passed validation, so other
 * shapes do not occur; they are skipped.
 */
static void
carry(struct fmw *w, yaml_document_t *doc, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t	*p;
	yaml_node_item_t	*it;
	yaml_node_t		*k, *v, *x;
	const char		**items;
	size_t			 n;
	int			 m;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return;
	m = fmw_map(w, FMW_ROOT, key);
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

/* 分送 and 署名 exactly as the previous issue wrote them. */
static void
carry_over(struct fmw *w, const char *prev)
{
	yaml_parser_t	 p;
	yaml_document_t	 doc;
	yaml_node_t	*root;
	char		*yaml = front_matter(prev);

	if (yaml == NULL)
		return;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (unsigned char *)yaml, strlen(yaml));
	if (yaml_parser_load(&p, &doc)) {
		root = yaml_document_get_root_node(&doc);
		carry(w, &doc, lookup(&doc, root, "分送", "distribution"), "分送");
		carry(w, &doc, lookup(&doc, root, "署名", "credits"), "署名");
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&p);
	free(yaml);
}

/* Load an issue quietly: its warnings are not news to whoever runs new. */
static struct jb_doc *
load_quiet(const char *path, const struct jb_series *s)
{
	struct jb_doc	*d;

	msg_set_quiet(1);
	d = doc_load(path, s);
	msg_set_quiet(0);
	return d;
}

int
new_main(int argc, char **argv)
{
	struct jb_series	*s = NULL;
	struct jb_doc		*last = NULL, *inyear = NULL;
	struct iss_list		 all = { NULL, 0 };
	struct jb_date		 date;
	struct fmw		*w = NULL;
	struct outfile		*o;
	const char		*series = datadir_find("bulletin.yaml"), *given = NULL;
	const char		*prev_path = NULL;
	char			 path[64], iso[16];
	size_t			 i;
	int			 k, issue = 1, total = 0, rc = 1;

	for (k = 0; k < argc; k++) {
		if (strcmp(argv[k], "--date") == 0 && k + 1 < argc)
			given = argv[++k];
		else if (strncmp(argv[k], "--date=", 7) == 0)
			given = argv[k] + 7;
		else if (strcmp(argv[k], "--series") == 0 && k + 1 < argc)
			series = argv[++k];
		else {
			msg(MSG_USAGE, NULL, "用法：jianbao new [--date YYYY-MM-DD] [--series 文件]");
			return 2;
		}
	}
	if (given != NULL && fm_parse_date(given, &date) == -1) {
		msg(MSG_FM_DATE, NULL, given);
		return 2;
	}
	if (given == NULL)
		iss_today(&date);
	if ((s = series_load(series)) == NULL)
		return 2;

	/* 总期号 and carry-over from the latest issue; 期号 from its year. */
	iss_scan(ISSUES_DIR, &all);
	if (all.n > 0) {
		prev_path = all.v[all.n - 1].path;
		if ((last = load_quiet(prev_path, s)) == NULL)
			goto out;
		if (last->meta.total > 0)
			total = last->meta.total + 1;
	} else if (s->total_numbering)
		total = 1;
	for (i = all.n; i > 0; i--)
		if (all.v[i - 1].year == date.year)
			break;
	if (i > 0) {
		if ((inyear = load_quiet(all.v[i - 1].path, s)) == NULL)
			goto out;
		issue = inyear->meta.issue + 1;
	}

	snprintf(path, sizeof(path), "%s/%04d/%02d.md", ISSUES_DIR, date.year,
	    issue);
	if (access(path, F_OK) == 0) {
		msg(MSG_NEW_EXISTS, NULL, path);
		goto out;
	}
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", date.year, date.month,
	    date.day);
	w = fmw_new();
	fmw_int(w, FMW_ROOT, "期号", issue);
	if (total > 0)
		fmw_int(w, FMW_ROOT, "总期号", total);
	fmw_str(w, FMW_ROOT, "日期", iso);
	if (prev_path != NULL)
		carry_over(w, prev_path);
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
	fmw_free(w);
	doc_free(inyear);
	doc_free(last);
	iss_free(&all);
	series_free(s);
	return rc;
}
