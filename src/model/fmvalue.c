/* fmvalue.c -- the values of front matter and bulletin.yaml read from libyaml's nodes: text, numbers, switches, ranges, dates, lists, 分送 and 署名, each reported at its place. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "model/model.h"
#include "util/util.h"
#include "model/fm_int.h"

struct jb_pos
fmv_pos(const struct ydoc *y, const yaml_node_t *n)
{
	struct jb_pos	 p;

	p.file = y->file;
	p.line = y->line0 + (int)n->start_mark.line;
	p.col = (int)n->start_mark.column + 1;
	return p;
}

const char *
fmv_scalar(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
	    : NULL;
}

/* Text value of key k; reports and returns NULL when it is not text. */
const char *
fmv_string(const struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct jb_pos	 pos;
	const char	*s = fmv_scalar(v);

	if (s == NULL) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_STRING, &pos, k);
	}
	return s;
}

/* Whole number in [lo, hi]; 0 or -1 after reporting. */
int
fmv_int(const struct ydoc *y, const char *k, yaml_node_t *v, int lo, int hi,
    int *out)
{
	struct jb_pos	 pos = fmv_pos(y, v);
	const char	*s = fmv_scalar(v);
	char		*end;
	long		 n;
	char		 range[64];

	if (s == NULL || *s == '\0' || strspn(s, "0123456789") != strlen(s)) {
		msg(MSG_FM_TYPE_INT, &pos, k, s ? s : "");
		return -1;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || n < lo || n > hi) {
		snprintf(range, sizeof(range), "%d 至 %d", lo, hi);
		msg(MSG_FM_RANGE, &pos, k, s, range);
		return -1;
	}
	*out = (int)n;
	return 0;
}

int
fmv_bool(const struct ydoc *y, const char *k, yaml_node_t *v, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", "是", "1", NULL };
	static const char *const no[] = { "false", "no", "off", "否", "0", NULL };
	const char	*s = fmv_scalar(v);
	struct jb_pos	 pos = fmv_pos(y, v);
	size_t		 i;

	for (i = 0; s != NULL && yes[i] != NULL; i++)
		if (strcmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
	for (i = 0; s != NULL && no[i] != NULL; i++)
		if (strcmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	msg(MSG_FM_RANGE, &pos, k, s ? s : "", "是 或 否（true 或 false）");
	return -1;
}

int
fm_parse_range(const char *s, long *first, long *last)
{
	static const char *const dash[] = { "-", "–", "—", "－", NULL };
	size_t	 n, i, m;

	n = strspn(s, "0123456789");
	if (n == 0 || n > 6)
		return -1;
	*first = *last = strtol(s, NULL, 10);
	if (s[n] == '\0')
		return 0;
	for (i = 0; dash[i] != NULL; i++)
		if (strncmp(s + n, dash[i], strlen(dash[i])) == 0)
			break;
	if (dash[i] == NULL)
		return -1;
	s += n + strlen(dash[i]);
	m = strspn(s, "0123456789");
	if (m == 0 || m > 6 || s[m] != '\0')
		return -1;
	*last = strtol(s, NULL, 10);
	return 0;
}

/*
 * 期号 or 总期号: a number in [lo, hi], or a 合刊's range of them in
 * order; 0 or -1 after reporting.
 */
int
fmv_range(const struct ydoc *y, const char *k, yaml_node_t *v, int lo,
    int hi, int *first, int *last)
{
	struct jb_pos	 pos = fmv_pos(y, v);
	const char	*s = fmv_scalar(v);
	long		 a, b;
	char		 range[64];

	if (s == NULL || fm_parse_range(s, &a, &b) == -1) {
		msg(MSG_FM_ISSUE_FORM, &pos, k, s ? s : "");
		return -1;
	}
	if (a < lo || a > hi || b < lo || b > hi) {
		snprintf(range, sizeof(range), "%d 至 %d", lo, hi);
		msg(MSG_FM_RANGE, &pos, k, s, range);
		return -1;
	}
	if (b < a || (b == a && strspn(s, "0123456789") != strlen(s))) {
		msg(MSG_FM_ISSUE_ORDER, &pos, k, s);
		return -1;
	}
	*first = (int)a;
	*last = (int)b;
	return 0;
}

const struct jb_kind *
series_kind(const struct jb_series *s, const char *name)
{
	size_t	 i;

	for (i = 0; i < s->nkinds; i++)
		if (strcmp(s->kinds[i].name, name) == 0)
			return &s->kinds[i];
	return NULL;
}

const char *
series_kind_names(struct arena *a, const struct jb_series *s)
{
	const char	*list = "";
	size_t		 i;

	for (i = 0; i < s->nkinds; i++)
		list = arena_printf(a, "%s%s“%s”", list, i ? "、" : "",
		    s->kinds[i].name);
	return list;
}

int
fm_parse_date(const char *s, struct jb_date *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, leap, max;
	size_t	 i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1)
		return -1;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	max = mdays[m - 1] + (m == 2 && leap);
	if (d > max)
		return -1;
	out->year = y;
	out->month = m;
	out->day = d;
	return 0;
}

int
fm_parse_lang(const char *s, enum jb_lang *out)
{
	if (strcmp(s, "zh-Hans") == 0 || strcmp(s, "zh-CN") == 0 ||
	    strcmp(s, "zh-cn") == 0 || strcmp(s, "zh") == 0) {
		*out = JB_LANG_HANS;
		return 0;
	}
	if (strcmp(s, "zh-Hant") == 0 || strcmp(s, "zh-TW") == 0 ||
	    strcmp(s, "zh-HK") == 0 || strcmp(s, "zh-tw") == 0) {
		*out = JB_LANG_HANT;
		return 0;
	}
	return -1;
}

/* A list of text, or a single text, into a list from arena a. */
int
fmv_strlist(const struct ydoc *y, struct arena *a, const char *k,
    yaml_node_t *v, struct jb_strlist *out)
{
	yaml_node_item_t	*it;
	yaml_node_t		*n;
	struct jb_pos		 pos;
	size_t			 i;

	if (v->type == YAML_SCALAR_NODE) {
		out->v = arena_alloc(a, sizeof(char *));
		out->v[0] = arena_strdup(a, fmv_scalar(v));
		out->n = *out->v[0] != '\0';
		return 0;
	}
	if (v->type != YAML_SEQUENCE_NODE) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_LIST, &pos, k);
		return -1;
	}
	out->n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	out->v = arena_alloc(a, (out->n + 1) * sizeof(char *));
	for (i = 0, it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++, i++) {
		n = yaml_document_get_node((yaml_document_t *)&y->doc, *it);
		if (fmv_scalar(n) == NULL) {
			pos = fmv_pos(y, n);
			msg(MSG_FM_TYPE_STRING, &pos, k);
			return -1;
		}
		out->v[i] = arena_strdup(a, fmv_scalar(n));
	}
	return 0;
}

int
fmv_dist_index(const char *k)
{
	if (strcmp(k, "报") == 0 || strcmp(k, "報") == 0)
		return JB_DIST_BAO;
	if (strcmp(k, "送") == 0)
		return JB_DIST_SONG;
	if (strcmp(k, "发") == 0 || strcmp(k, "發") == 0)
		return JB_DIST_FA;
	return -1;
}

/*
 * Walk a mapping of 报/送/发 to lists.  With append set, lists are added
 * to what out already holds (本期增发); otherwise they replace it.
 */
int
fmv_dist(const struct ydoc *y, struct arena *a, const char *k, yaml_node_t *v,
    struct jb_strlist *out, int append)
{
	yaml_node_pair_t	*pr;
	yaml_node_t		*kn, *vn;
	struct jb_strlist	 l;
	struct jb_pos		 pos;
	const char		**nv;
	int			 i, rc = 0;

	if (v->type != YAML_MAPPING_NODE) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_MAP, &pos, k);
		return -1;
	}
	for (pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		kn = yaml_document_get_node((yaml_document_t *)&y->doc, pr->key);
		vn = yaml_document_get_node((yaml_document_t *)&y->doc, pr->value);
		if (fmv_scalar(kn) == NULL || (i = fmv_dist_index(fmv_scalar(kn))) < 0) {
			pos = fmv_pos(y, kn);
			msg(MSG_FM_DIST_KEY, &pos, fmv_scalar(kn) ? fmv_scalar(kn) : "?");
			rc = -1;
			continue;
		}
		if (fmv_strlist(y, a, fmv_scalar(kn), vn, &l) == -1) {
			rc = -1;
			continue;
		}
		if (!append) {
			out[i] = l;
			continue;
		}
		nv = arena_alloc(a, (out[i].n + l.n + 1) * sizeof(char *));
		if (out[i].n)
			memcpy(nv, out[i].v, out[i].n * sizeof(char *));
		if (l.n)
			memcpy(nv + out[i].n, l.v, l.n * sizeof(char *));
		out[i].v = nv;
		out[i].n += l.n;
	}
	return rc;
}

/*
 * Merge a mapping of role to name into out: a known role gets the new
 * name (an empty name removes it), a new role is appended.
 */
int
fmv_credits(const struct ydoc *y, struct arena *a, const char *k,
    yaml_node_t *v, struct jb_credits *out)
{
	yaml_node_pair_t	*pr;
	yaml_node_t		*kn, *vn;
	struct jb_pos		 pos;
	struct jb_credit	*nv;
	const char		*role, *name;
	size_t			 i, n;
	int			 rc = 0;

	if (v->type != YAML_MAPPING_NODE) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_MAP, &pos, k);
		return -1;
	}
	n = (size_t)(v->data.mapping.pairs.top - v->data.mapping.pairs.start);
	nv = arena_alloc(a, (out->n + n + 1) * sizeof(*nv));
	if (out->n)
		memcpy(nv, out->v, out->n * sizeof(*nv));
	out->v = nv;
	for (pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		kn = yaml_document_get_node((yaml_document_t *)&y->doc, pr->key);
		vn = yaml_document_get_node((yaml_document_t *)&y->doc, pr->value);
		if ((role = fmv_string(y, k, kn)) == NULL ||
		    (name = fmv_string(y, role, vn)) == NULL) {
			rc = -1;
			continue;
		}
		for (i = 0; i < out->n; i++)
			if (strcmp(out->v[i].role, role) == 0)
				break;
		if (i == out->n) {
			out->v[i].role = arena_strdup(a, role);
			out->n++;
		}
		out->v[i].name = arena_strdup(a, name);
	}
	/* Empty names remove a default credit for this issue. */
	for (i = n = 0; i < out->n; i++)
		if (*out->v[i].name != '\0')
			out->v[n++] = out->v[i];
	out->n = n;
	return rc;
}
