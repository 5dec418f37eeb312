/* frontmatter.c -- validate issue front matter and bulletin.yaml (parsed by libyaml). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "model/model.h"
#include "util/util.h"
#include "model/fm_int.h"

/*
 * libyaml explains problems in English; editors get the common ones in
 * Chinese and the rest with the original wording in parentheses.
 */
static const char *
yaml_problem_zh(const char *problem)
{
	static const struct {
		const char	*en;
		const char	*zh;
	} tab[] = {
		{ "mapping values are not allowed", "此处不能出现 “:”，值中含冒号时请加引号" },
		{ "did not find expected key", "缩进不一致或缺少 “键:”" },
		{ "found character that cannot start any token", "含有不能作为开头的字符（如制表符）" },
		{ "found unexpected end of stream", "引号或括号没有闭合" },
		{ "did not find expected node content", "缺少值" },
		{ "could not find expected ':'", "缺少 “:”" },
		{ "found a tab character", "不能用制表符缩进" },
		{ "found undefined tag handle", "含有未定义的标签" },
	};
	size_t	 i;

	if (problem == NULL)
		return "无法解析";
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (strstr(problem, tab[i].en) != NULL)
			return tab[i].zh;
	return problem;
}

static void
report_parser(const struct ydoc *y, yaml_parser_t *p)
{
	struct jb_pos	 pos;

	pos.file = y->file;
	pos.line = y->line0 + (int)p->problem_mark.line;
	pos.col = (int)p->problem_mark.column + 1;
	msg(MSG_FM_SYNTAX, &pos, yaml_problem_zh(p->problem));
}

/*
 * Load text into y.  Aliases are refused before the tree is built: the
 * settings have no use for them and they are how alias bombs work.
 */
static int
yload(struct ydoc *y, const char *text, size_t len)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	int		 rc = -1, done = 0;
	struct jb_pos	 pos;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			report_parser(y, &p);
			goto out;
		}
		if (ev.type == YAML_ALIAS_EVENT) {
			pos.file = y->file;
			pos.line = y->line0 + (int)ev.start_mark.line;
			pos.col = (int)ev.start_mark.column + 1;
			msg(MSG_FM_ALIAS, &pos, (const char *)ev.data.alias.anchor);
			yaml_event_delete(&ev);
			goto out;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &y->doc)) {
		report_parser(y, &p);
		goto out;
	}
	y->loaded = 1;
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

static void
yfree(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}


/* The keys of bulletin.yaml, in serieskeys[]. */
enum {
	S_NAME, S_ORG, S_LANG, S_TOTAL, S_CLASS, S_DIST, S_CREDITS, S_FONTS,
	S_BASE, S_TABLE_SIZE, S_TABLE_STYLE, S_TABLE_TURN, S_KINDS, S_OFD, S_PDFA,
	S_PREPRINTED, S_DRAFT_WORD
};

/* In the order of enum fm_key, so that fm_keys[k] is key k. */
const struct fm_keydef fm_keys[] = {
	{ "期号", "issue", FM_KEY_ISSUE, "期號" },
	{ "总期号", "total", FM_KEY_TOTAL, "總期號" },
	{ "日期", "date", FM_KEY_DATE, NULL },
	{ "编印单位", "org", FM_KEY_ORG, "編印單位" },
	{ "语言", "lang", FM_KEY_LANG, "語言" },
	{ "密级", "classification", FM_KEY_CLASS, "密級" },
	{ "共印", "copies", FM_KEY_COPIES, NULL },
	{ "编者按", "editor_note", FM_KEY_NOTE, "編者按" },
	{ "分送", "distribution", FM_KEY_DIST, NULL },
	{ "本期增发", "extra_distribution", FM_KEY_EXTRA, "本期增發" },
	{ "署名", "credits", FM_KEY_CREDITS, NULL },
	{ "检查忽略", "check_ignore", FM_KEY_IGNORE, "檢查忽略" },
	{ "刊别", "kind", FM_KEY_KIND, "刊別" },
	{ NULL, NULL, 0, NULL }
};

static const struct fm_keydef serieskeys[] = {
	{ "刊名", "name", S_NAME, NULL },
	{ "编印单位", "org", S_ORG, NULL },
	{ "语言", "lang", S_LANG, NULL },
	{ "总期号", "total_numbering", S_TOTAL, NULL },
	{ "密级", "classification", S_CLASS, NULL },
	{ "分送", "distribution", S_DIST, NULL },
	{ "署名", "credits", S_CREDITS, NULL },
	{ "字体", "fonts", S_FONTS, NULL },
	{ "站点根路径", "base", S_BASE, NULL },
	{ "表格字号", "table_size", S_TABLE_SIZE, NULL },
	{ "表格样式", "table_style", S_TABLE_STYLE, NULL },
	{ "表格横页", "table_landscape", S_TABLE_TURN, NULL },
	{ "刊别", "kinds", S_KINDS, "刊別" },
	{ "OFD版", "ofd", S_OFD, NULL },
	{ "PDF/A", "pdfa", S_PDFA, NULL },
	{ "套打", "preprinted", S_PREPRINTED, NULL },
	{ "草稿字样", "draft_word", S_DRAFT_WORD, "草稿字樣" },
	{ NULL, NULL, 0, NULL }
};

static const struct fm_keydef rolekeys[] = {
	{ "小标宋", "title", JB_ROLE_XBS, NULL },
	{ "仿宋", "body", JB_ROLE_FANGSONG, NULL },
	{ "黑体", "heiti", JB_ROLE_HEITI, NULL },
	{ "楷体", "kaiti", JB_ROLE_KAITI, NULL },
	{ "宋体", "songti", JB_ROLE_SONGTI, NULL },
	{ "数字", "digits", JB_ROLE_DIGITS, NULL },
	{ NULL, NULL, 0, NULL }
};

/* Is s[0..n) the name name? */
static int
same(const char *name, const char *s, size_t n)
{
	return name != NULL && strlen(name) == n && memcmp(name, s, n) == 0;
}

static int
is_name(const struct fm_keydef *kd, const char *s, size_t n)
{
	return same(kd->zh, s, n) || same(kd->en, s, n) || same(kd->hant, s, n);
}

int
fm_key_is(enum fm_key k, const char *s, size_t n)
{
	return is_name(&fm_keys[k], s, n);
}

static const struct fm_keydef *
findkey(const struct fm_keydef *tab, const char *k)
{
	for (; tab->zh != NULL; tab++)
		if (is_name(tab, k, strlen(k)))
			return tab;
	return NULL;
}

/*
 * The classification mark: text as given, or true for the customary
 * 内部资料　注意保存; false or an empty text for none.
 */
static const char *
classification(struct arena *a, const char *s)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "是") == 0)
		return "内部资料　注意保存";
	if (*s == '\0' || strcmp(s, "false") == 0 || strcmp(s, "否") == 0 ||
	    strcmp(s, "无") == 0)
		return NULL;
	return arena_strdup(a, s);
}

/*
 * Check that the root is a mapping with no key given twice, and call
 * back for each pair.  Returns the root, or NULL after reporting.
 */
static yaml_node_t *
root_mapping(struct ydoc *y, const struct jb_pos *whole)
{
	yaml_node_t	*root = yaml_document_get_root_node(&y->doc);

	if (root == NULL)
		return NULL;
	if (root->type != YAML_MAPPING_NODE) {
		struct jb_pos	 pos = fmv_pos(y, root);

		msg(MSG_FM_NOT_MAPPING, whole->line ? &pos : whole);
		return NULL;
	}
	return root;
}

/* Reports a repeated key among the pairs before pr; 1 if repeated. */
static int
duplicate_key(struct ydoc *y, yaml_node_t *root, yaml_node_pair_t *pr)
{
	yaml_node_pair_t	*q;
	yaml_node_t		*k = yaml_document_get_node(&y->doc, pr->key), *k2;
	struct jb_pos		 pos;

	if (fmv_scalar(k) == NULL)
		return 0;
	for (q = root->data.mapping.pairs.start; q < pr; q++) {
		k2 = yaml_document_get_node(&y->doc, q->key);
		if (fmv_scalar(k2) != NULL && strcmp(fmv_scalar(k2), fmv_scalar(k)) == 0) {
			pos = fmv_pos(y, k);
			msg(MSG_FM_DUPLICATE, &pos, fmv_scalar(k));
			return 1;
		}
	}
	return 0;
}

int
fm_parse_meta(struct jb_doc *d, const char *yaml, size_t len, int line0,
    const char **note, struct jb_pos *notepos)
{
	struct ydoc		 y;
	struct jb_meta		*m = &d->meta;
	const struct jb_series	*s = d->series;
	struct arena		*a = d->arena;
	yaml_node_t		*root, *kn, *vn;
	yaml_node_pair_t	*pr;
	const struct fm_keydef	*kd;
	const char		*k, *v;
	struct jb_pos		 pos;
	struct jb_pos		 totalpos;
	const char		*totaltext = NULL, *issuetext = NULL;
	int			 rc = -1, bad = 0, have_issue = 0, have_date = 0;
	int			 i;

	memset(&y, 0, sizeof(y));
	y.file = d->src.file;
	y.line0 = line0;
	*note = NULL;

	/* Series defaults first; keys below override them. */
	m->org = s->org;
	m->lang = s->lang;
	m->classification = s->classification;
	for (i = 0; i < JB_DIST__MAX; i++)
		m->dist[i] = s->dist[i];
	m->credits = s->credits;

	if (yload(&y, yaml, len) == -1)
		goto out;
	pos.file = d->src.file;
	pos.line = line0 > 1 ? line0 - 1 : 1;
	pos.col = 1;
	root = yaml_document_get_root_node(&y.doc);
	if (root != NULL && (root = root_mapping(&y, &pos)) == NULL)
		goto out;

	for (pr = root ? root->data.mapping.pairs.start : NULL;
	    root != NULL && pr < root->data.mapping.pairs.top; pr++) {
		kn = yaml_document_get_node(&y.doc, pr->key);
		vn = yaml_document_get_node(&y.doc, pr->value);
		if ((k = fmv_string(&y, "键", kn)) == NULL) {
			bad = 1;
			continue;
		}
		if (duplicate_key(&y, root, pr)) {
			bad = 1;
			continue;
		}
		if ((kd = findkey(fm_keys, k)) == NULL) {
			pos = fmv_pos(&y, kn);
			msg(MSG_FM_UNKNOWN_KEY, &pos, k);
			continue;
		}
		pos = fmv_pos(&y, vn);
		switch (kd->id) {
		case FM_KEY_ISSUE:
			have_issue = 1;
			issuetext = fmv_scalar(vn);
			bad |= fmv_range(&y, k, vn, 1, 999, &m->issue,
			    &m->issue_last) == -1;
			break;
		case FM_KEY_TOTAL:
			totalpos = pos;
			totaltext = fmv_scalar(vn);
			bad |= fmv_range(&y, k, vn, 1, 99999, &m->total,
			    &m->total_last) == -1;
			break;
		case FM_KEY_KIND:
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else if ((m->kind = series_kind(s, v)) == NULL) {
				msg(MSG_FM_KIND, &pos, v,
				    series_kind_names(a, s));
				bad = 1;
			}
			break;
		case FM_KEY_COPIES:
			bad |= fmv_int(&y, k, vn, 1, 1000000, &m->copies) == -1;
			break;
		case FM_KEY_DATE:
			have_date = 1;
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else if (fm_parse_date(v, &m->date) == -1) {
				msg(MSG_FM_DATE, &pos, v);
				bad = 1;
			}
			break;
		case FM_KEY_ORG:
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else
				m->org = arena_strdup(a, v);
			break;
		case FM_KEY_LANG:
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else if (fm_parse_lang(v, &m->lang) == -1) {
				msg(MSG_FM_LANG, &pos, v);
				bad = 1;
			}
			break;
		case FM_KEY_CLASS:
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else
				m->classification = classification(a, v);
			break;
		case FM_KEY_NOTE:
			if ((v = fmv_string(&y, k, vn)) == NULL)
				bad = 1;
			else {
				*note = arena_strdup(a, v);
				*notepos = pos;
				/* A block scalar's text starts on the next line. */
				if (vn->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
				    vn->data.scalar.style == YAML_FOLDED_SCALAR_STYLE) {
					notepos->line++;
					notepos->col = 1;
				}
			}
			break;
		case FM_KEY_DIST:
			bad |= fmv_dist(&y, a, k, vn, m->dist, 0) == -1;
			break;
		case FM_KEY_EXTRA:
			bad |= fmv_dist(&y, a, k, vn, m->dist, 1) == -1;
			break;
		case FM_KEY_CREDITS:
			bad |= fmv_credits(&y, a, k, vn, &m->credits) == -1;
			break;
		case FM_KEY_IGNORE:
			/* Rule ids are checked by `jianbao check`, which knows them. */
			bad |= fmv_strlist(&y, a, k, vn, &m->check_ignore) == -1;
			break;
		}
	}
	pos.file = d->src.file;
	pos.line = line0 > 1 ? line0 - 1 : 1;
	pos.col = 1;
	if (!have_issue) {
		msg(MSG_FM_MISSING, &pos, fm_keys[FM_KEY_ISSUE].zh);
		bad = 1;
	}
	if (!have_date) {
		msg(MSG_FM_MISSING, &pos, fm_keys[FM_KEY_DATE].zh);
		bad = 1;
	}
	/* A 合刊's 总期号 spans as many numbers as its 期号, 63 standing
	 * for 63-64 with 期号 7-8. */
	if (!bad && m->total > 0 && m->total_last == m->total)
		m->total_last = m->total + (m->issue_last - m->issue);
	else if (!bad && m->total > 0 &&
	    m->total_last - m->total != m->issue_last - m->issue) {
		msg(MSG_FM_TOTAL_SPAN, &totalpos, totaltext, issuetext);
		bad = 1;
	}
	if (bad)
		goto out;

	m->lang_tag = m->lang == JB_LANG_HANT ? "zh-Hant" : "zh-Hans";
	m->date_text = arena_printf(a, "%d年%d月%d日", m->date.year,
	    m->date.month, m->date.day);
	m->date_iso = arena_printf(a, "%04d-%02d-%02d", m->date.year,
	    m->date.month, m->date.day);
	if (m->kind != NULL)
		m->slug = arena_printf(a, "%04d-%s-%02d", m->date.year,
		    m->kind->prefix, m->issue);
	else
		m->slug = arena_printf(a, "%04d-%02d", m->date.year, m->issue);
	if (!s->total_numbering)
		m->total = m->total_last = 0;
	rc = 0;
out:
	yfree(&y);
	return rc;
}

/* ---- bulletin.yaml ---- */

/* The file name prefixes of the kinds that have a customary one. */
static const struct jb_kind known_kinds[] = {
	{ "增刊", "zk" },
	{ "特刊", "tk" },
	{ NULL, NULL }
};

/* Add kind name with file name prefix prefix (NULL: the customary one)
 * to s; 0 or -1 after reporting at pos. */
static int
add_kind(struct jb_series *s, const char *name, const char *prefix,
    const struct jb_pos *pos)
{
	size_t	 i, n;

	for (i = 0; prefix == NULL && known_kinds[i].name != NULL; i++)
		if (strcmp(known_kinds[i].name, name) == 0)
			prefix = known_kinds[i].prefix;
	if (prefix == NULL) {
		msg(MSG_SERIES_KIND_PREFIX, pos, name, name);
		return -1;
	}
	n = strlen(prefix);
	if (*name == '\0' || n == 0 || n > 8 ||
	    strspn(prefix, "abcdefghijklmnopqrstuvwxyz") != n ||
	    series_kind(s, name) != NULL) {
		msg(MSG_SERIES_KIND_BAD, pos, name, prefix);
		return -1;
	}
	for (i = 0; i < s->nkinds; i++)
		if (strcmp(s->kinds[i].prefix, prefix) == 0) {
			msg(MSG_SERIES_KIND_BAD, pos, name, prefix);
			return -1;
		}
	s->kinds[s->nkinds].name = arena_strdup(s->arena, name);
	s->kinds[s->nkinds++].prefix = arena_strdup(s->arena, prefix);
	return 0;
}

/*
 * 刊别: a list of kinds with customary prefixes ([增刊, 特刊]), or a
 * mapping of kind to file name prefix ({增刊: zk, 专刊: zhk}).
 */
static int
series_kinds(struct ydoc *y, struct jb_series *s, const char *k,
    yaml_node_t *v)
{
	yaml_node_pair_t	*pr;
	yaml_node_item_t	*it;
	yaml_node_t		*kn, *vn;
	const char		*name, *prefix;
	struct jb_pos		 pos;
	size_t			 n;
	int			 rc = 0;

	s->nkinds = 0;
	if (v->type == YAML_MAPPING_NODE) {
		n = (size_t)(v->data.mapping.pairs.top -
		    v->data.mapping.pairs.start);
		s->kinds = arena_alloc(s->arena, (n + 1) * sizeof(*s->kinds));
		for (pr = v->data.mapping.pairs.start;
		    pr < v->data.mapping.pairs.top; pr++) {
			kn = yaml_document_get_node(&y->doc, pr->key);
			vn = yaml_document_get_node(&y->doc, pr->value);
			pos = fmv_pos(y, kn);
			if ((name = fmv_string(y, k, kn)) == NULL ||
			    (prefix = fmv_string(y, name, vn)) == NULL ||
			    add_kind(s, name, prefix, &pos) == -1)
				rc = -1;
		}
		return rc;
	}
	if (v->type == YAML_SCALAR_NODE) {
		s->kinds = arena_alloc(s->arena, 2 * sizeof(*s->kinds));
		pos = fmv_pos(y, v);
		return add_kind(s, fmv_scalar(v), NULL, &pos);
	}
	if (v->type != YAML_SEQUENCE_NODE) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_LIST, &pos, k);
		return -1;
	}
	n = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
	s->kinds = arena_alloc(s->arena, (n + 1) * sizeof(*s->kinds));
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top;
	    it++) {
		vn = yaml_document_get_node(&y->doc, *it);
		pos = fmv_pos(y, vn);
		if ((name = fmv_string(y, k, vn)) == NULL ||
		    add_kind(s, name, NULL, &pos) == -1)
			rc = -1;
	}
	return rc;
}

static int
series_fonts(struct ydoc *y, struct jb_series *s, const char *k, yaml_node_t *v)
{
	yaml_node_pair_t	*pr;
	yaml_node_t		*kn, *vn;
	const struct fm_keydef	*kd;
	const char		*role, *family;
	struct jb_pos		 pos;
	int			 rc = 0;

	if (v->type != YAML_MAPPING_NODE) {
		pos = fmv_pos(y, v);
		msg(MSG_FM_TYPE_MAP, &pos, k);
		return -1;
	}
	for (pr = v->data.mapping.pairs.start; pr < v->data.mapping.pairs.top; pr++) {
		kn = yaml_document_get_node(&y->doc, pr->key);
		vn = yaml_document_get_node(&y->doc, pr->value);
		if ((role = fmv_string(y, k, kn)) == NULL ||
		    (family = fmv_string(y, role, vn)) == NULL) {
			rc = -1;
			continue;
		}
		if ((kd = findkey(rolekeys, role)) == NULL) {
			pos = fmv_pos(y, kn);
			msg(MSG_SERIES_UNKNOWN_KEY, &pos, role);
			continue;
		}
		s->fonts[kd->id] = *family ? arena_strdup(s->arena, family) : NULL;
	}
	return rc;
}

/*
 * A setting that takes one of the words of the NULL-terminated list
 * words (the first the default): *out becomes its index.  Returns 0, or
 * -1 after reporting.
 */
static int
want_word(struct ydoc *y, const char *k, yaml_node_t *vn,
    const char *const *words, int *out)
{
	const char	*v;
	struct jb_pos	 pos = fmv_pos(y, vn);
	char		 all[128];
	size_t		 n = 0;
	int		 i;

	if ((v = fmv_string(y, k, vn)) == NULL)
		return -1;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(v, words[i]) == 0) {
			*out = i;
			return 0;
		}
	all[0] = '\0';
	for (i = 0; words[i] != NULL && n < sizeof(all); i++)
		n += (size_t)snprintf(all + n, sizeof(all) - n, "%s%s",
		    i == 0 ? "" : words[i + 1] == NULL ? " 或 " : "、",
		    words[i]);
	msg(MSG_FM_CHOICE, &pos, k, v, all);
	return -1;
}

/* One of two words: *out becomes 0 for no, 1 for yes. */
static int
want_choice(struct ydoc *y, const char *k, yaml_node_t *vn, const char *no,
    const char *yes, int *out)
{
	return want_word(y, k, vn, (const char *const[]){ no, yes, NULL },
	    out);
}

struct jb_series *
series_load(const char *path)
{
	struct jb_series	*s = NULL;
	struct ydoc		 y;
	yaml_node_t		*root, *kn, *vn;
	yaml_node_pair_t	*pr;
	const struct fm_keydef	*kd;
	const char		*k, *v;
	struct jb_pos		 pos;
	struct buf		 text = { 0 };
	int			 bad = 0;

	memset(&y, 0, sizeof(y));
	y.file = path;
	y.line0 = 1;
	if (infile_read(path, NULL, NULL, 0, &text) == -1)
		goto fail;

	s = xcalloc(1, sizeof(*s));
	s->arena = arena_new();
	s->src.file = arena_strdup(s->arena, path);
	s->src.line = 1;
	y.file = s->src.file;
	s->lang = JB_LANG_HANS;
	s->base = "/";
	if (yload(&y, text.data ? text.data : "", text.len) == -1)
		goto fail;
	pos = s->src;
	if ((root = yaml_document_get_root_node(&y.doc)) == NULL ||
	    (root = root_mapping(&y, &pos)) == NULL) {
		if (yaml_document_get_root_node(&y.doc) == NULL)
			msg(MSG_FM_MISSING, &pos, "刊名");
		goto fail;
	}
	for (pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
		kn = yaml_document_get_node(&y.doc, pr->key);
		vn = yaml_document_get_node(&y.doc, pr->value);
		if ((k = fmv_string(&y, "键", kn)) == NULL ||
		    duplicate_key(&y, root, pr)) {
			bad = 1;
			continue;
		}
		if ((kd = findkey(serieskeys, k)) == NULL) {
			pos = fmv_pos(&y, kn);
			msg(MSG_SERIES_UNKNOWN_KEY, &pos, k);
			continue;
		}
		pos = fmv_pos(&y, vn);
		switch (kd->id) {
		case S_NAME:
		case S_ORG:
		case S_BASE:
		case S_CLASS:
		case S_LANG:
		case S_DRAFT_WORD:
			if ((v = fmv_string(&y, k, vn)) == NULL) {
				bad = 1;
				break;
			}
			if (kd->id == S_NAME)
				s->name = arena_strdup(s->arena, v);
			else if (kd->id == S_ORG)
				s->org = arena_strdup(s->arena, v);
			else if (kd->id == S_BASE)
				s->base = arena_strdup(s->arena, v);
			else if (kd->id == S_CLASS)
				s->classification = classification(s->arena, v);
			else if (kd->id == S_DRAFT_WORD)
				s->draft_word = arena_strdup(s->arena, v);
			else if (fm_parse_lang(v, &s->lang) == -1) {
				msg(MSG_FM_LANG, &pos, v);
				bad = 1;
			}
			break;
		case S_TOTAL:
			bad |= fmv_bool(&y, k, vn, &s->total_numbering) == -1;
			break;
		case S_DIST:
			bad |= fmv_dist(&y, s->arena, k, vn, s->dist, 0) == -1;
			break;
		case S_CREDITS:
			bad |= fmv_credits(&y, s->arena, k, vn, &s->credits) == -1;
			break;
		case S_FONTS:
			bad |= series_fonts(&y, s, k, vn) == -1;
			break;
		case S_TABLE_SIZE:
			bad |= want_choice(&y, k, vn, "四号", "三号",
			    &s->table_large) == -1;
			break;
		case S_TABLE_STYLE:
			bad |= want_choice(&y, k, vn, "全线", "三线",
			    &s->table_three_line) == -1;
			break;
		case S_TABLE_TURN:
			bad |= want_choice(&y, k, vn, "否", "是",
			    &s->table_landscape) == -1;
			break;
		case S_OFD:
			/* in the order of enum jb_ofd */
			bad |= want_word(&y, k, vn, (const char *const[]){
			    "否", "是", "OFD-A", NULL }, &s->ofd) == -1;
			break;
		case S_KINDS:
			bad |= series_kinds(&y, s, k, vn) == -1;
			break;
		case S_PDFA:
			bad |= want_choice(&y, k, vn, "否", "是", &s->pdfa) == -1;
			break;
		case S_PREPRINTED:
			bad |= want_choice(&y, k, vn, "否", "是",
			    &s->preprinted) == -1;
			break;
		}
	}
	if (s->nkinds == 0) {
		s->kinds = arena_alloc(s->arena, sizeof(*s->kinds));
		s->kinds[0] = known_kinds[0];
		s->nkinds = 1;
	}
	pos = s->src;
	if (s->name == NULL) {
		msg(MSG_FM_MISSING, &pos, "刊名");
		bad = 1;
	}
	if (s->org == NULL) {
		msg(MSG_FM_MISSING, &pos, "编印单位");
		bad = 1;
	}
	if (bad)
		goto fail;
	yfree(&y);
	buf_free(&text);
	return s;
fail:
	yfree(&y);
	buf_free(&text);
	series_free(s);
	return NULL;
}

void
series_free(struct jb_series *s)
{
	if (s == NULL)
		return;
	arena_free(s->arena);
	free(s);
}
