/* check.c -- proofreading rules on the issue text and model, and consistency of the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "edit/edit.h"
#include "model/model.h"
#include "util/util.h"

#include "edit/check_int.h"
#include "edit/edit_int.h"

/* ---- suppression ---- */

static int
keep(enum msgid id, const struct jb_pos *pos, void *arg)
{
	struct check	*c = arg;
	const char	*rule = msg_rule(id);
	size_t		 i;

	if (c->probe)
		return 0;
	if (rule == NULL || pos == NULL || pos->file == NULL)
		return 1;
	for (i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i].path, pos->file) == 0)
			return !sup_silenced(&c->files[i].sup, rule,
			    pos->line);
	return 1;
}

/* An unknown rule id in a marker, reported at its place. */
static void
unknown_rule(void *arg, const char *rule, int ln, int col)
{
	chkfind_add(arg, MSG_CHK_UNKNOWN_RULE, ln, col, xstrdup(rule), NULL,
	    NULL);
}

/* ---- reading the body into blocks ---- */

static void
push_ch(struct block *b, gunichar c, int line, int col, int synth)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n].c = c;
	b->v[b->n].line = line;
	b->v[b->n].col = col;
	b->v[b->n].synth = synth;
	b->n++;
}

/*
 * Append the text of line ln, s[skip..n), to b with emphasis marks,
 * backslash escapes and link targets removed; the line break before it
 * folds as the parser folds it.
 */
static void
add_text(struct block *b, const char *s, size_t n, size_t skip, int ln)
{
	const char	*p = s, *end = s + n;
	gunichar	 c;
	int		 col = 1, first = 1, depth;

	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end > s && end[-1] == '\\')
		end--;		/* hard line break */
	for (; p < s + skip && p < end; p = g_utf8_next_char(p))
		col++;
	while (p < end && (*p == ' ' || *p == '\t')) {
		p++;
		col++;
	}
	for (; p < end; p = g_utf8_next_char(p), col++) {
		c = g_utf8_get_char(p);
		if (c == '*' || c == '`' || c == '[' || c == ']')
			continue;
		if (c == '\\' && p + 1 < end && g_ascii_ispunct(p[1])) {
			p++;
			col++;
			c = (gunichar)*p;
		} else if (c == '(' && p > s && p[-1] == ']') {
			/* a link target: skip to its closing parenthesis */
			for (depth = 0; p < end; p = g_utf8_next_char(p), col++) {
				if (*p == '(')
					depth++;
				else if (*p == ')' && --depth == 0)
					break;
			}
			if (p == end)
				break;
			continue;
		}
		if (first && b->n > 0 && !dtext_break_vanishes(b->v[b->n - 1].c, c))
			push_ch(b, ' ', b->v[b->n - 1].line, b->v[b->n - 1].col + 1, 1);
		first = 0;
		push_ch(b, c, ln, col, 0);
	}
	if (b->first == 0)
		b->first = ln;
	b->last = ln;
}

static struct block *
new_block(struct cfile *f, enum bkind k)
{
	struct block	*b;

	f->blocks = xrealloc(f->blocks, (f->nblocks + 1) * sizeof(*b));
	b = &f->blocks[f->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	return b;
}

/*
 * Split the body into blocks the way CommonMark does for the constructs
 * a bulletin uses.  A mark applies to every line of the block after it.
 */
static void
read_blocks(struct cfile *f)
{
	struct block	*cur = NULL;
	const char	*s;
	size_t		 n, k, m, nb;
	int		 ln, fence = 0;

	for (ln = f->src->bodyline; (s = src_line(f->src, ln, &n)) != NULL;
	    ln++) {
		enum mdl_kind kind = mdl_line(s, n, &k, &m);

		if (kind == MDL_FENCE)
			fence = !fence;
		else if (fence)
			continue;
		if (kind == MDL_FENCE || kind == MDL_BLANK || kind == MDL_RULE) {
			cur = NULL;
			sup_end(&f->sup);
			continue;
		}
		if (kind == MDL_COMMENT) {
			sup_comment(&f->sup, s + k, n - k, ln, (int)k,
			    unknown_rule, f);
			cur = NULL;
			continue;
		}
		nb = f->nblocks;
		if (kind == MDL_HEAD) {
			cur = new_block(f, B_HEAD);
			add_text(cur, s, n, k + m, ln);
		} else if (kind == MDL_RAW) {
			cur = new_block(f, B_OTHER);
			cur->first = cur->last = ln;
		} else if (kind == MDL_LIST) {
			cur = new_block(f, B_LIST);
			add_text(cur, s, n, k + m, ln);
		} else if (kind == MDL_QUOTE) {
			if (cur == NULL || cur->kind != B_BOX)
				cur = new_block(f, B_BOX);
			add_text(cur, s, n, k + 1, ln);
		} else if (cur != NULL && (cur->kind == B_PARA ||
		    cur->kind == B_LIST || cur->kind == B_BOX)) {
			add_text(cur, s, n, k, ln);
			cur->bold = cur->bold && n >= 2 &&
			    strncmp(s + n - 2, "**", 2) == 0;
		} else {
			cur = new_block(f, B_PARA);
			cur->bold = n - k > 4 && strncmp(s + k, "**", 2) == 0 &&
			    strncmp(s + n - 2, "**", 2) == 0;
			add_text(cur, s, n, k, ln);
		}
		sup_line(&f->sup, ln, f->nblocks != nb);
		/* a heading or an image is a block of one line */
		if (cur->kind == B_HEAD || cur->kind == B_OTHER)
			cur = NULL;
	}
}


/* ---- model rules ---- */

/*
 * 2×(156 mm / 22 pt): a title in 二号 小标宋 holds 20 full-width
 * characters a line; half-width letters and digits count half.
 */
#define TITLE_LINE_HALVES	40
#define TITLE_LINES		2

static void
rule_long_title(struct cfile *f, const struct jb_article *a)
{
	const char	*s, *end, *p;
	int		 halves = 0, col = 1;
	gunichar	 c;
	char		 count[16];
	size_t		 n;

	for (p = a->title; *p; p = g_utf8_next_char(p))
		halves += zh_wide(g_utf8_get_char(p)) ? 2 : 1;
	if (halves <= TITLE_LINES * TITLE_LINE_HALVES ||
	    (s = src_line(f->src, a->pos.line, &n)) == NULL)
		return;
	snprintf(count, sizeof(count), "%ld", g_utf8_strlen(a->title, -1));
	/* find the first character of the third line in the heading's source */
	end = s + n;
	halves = 0;
	for (p = s; p < end && (*p == '#' || *p == ' '); p++)
		col++;
	for (; p < end; p = g_utf8_next_char(p), col++) {
		c = g_utf8_get_char(p);
		if (c == '*' || c == '_' || c == '`')
			continue;
		halves += zh_wide(c) ? 2 : 1;
		if (halves > TITLE_LINES * TITLE_LINE_HALVES)
			break;
	}
	if (p >= end) {
		c = 0;
		col = a->pos.col;
	}
	chkfind_add(f, MSG_CHK_LONG_TITLE, a->pos.line, col, xstrdup(a->title),
	    xstrdup(count), c ? chkfind_char(c) : xstrdup(""));
}

/*
 * The paragraphs the model reads as a 落款: organ and date end without a
 * stop, and what follows them is no continuation.
 */
static void
mark_signoffs(struct cfile *f, const struct jb_block *b, size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		mark_signoffs(f, b[i].children, b[i].nchildren);
		if (b[i].kind != JB_BLOCK_SIGNOFF)
			continue;
		for (k = 0; k < f->nblocks; k++)
			if (f->blocks[k].kind == B_PARA &&
			    f->blocks[k].first == b[i].pos.line)
				f->blocks[k].kind = B_SIGNOFF;
	}
}

static void
model_rules(struct cfile *f, const struct jb_doc *d)
{
	size_t	 i, n = 0;

	if (d->meta.credits.n == 0)
		chkfind_add(f, MSG_CHK_NO_CREDITS, 1, 1, NULL, NULL, NULL);
	for (i = 0; i < JB_DIST__MAX; i++)
		n += d->meta.dist[i].n;
	if (n == 0)
		chkfind_add(f, MSG_CHK_NO_DIST, 1, 1, NULL, NULL, NULL);
	for (i = 0; i < d->narticles; i++) {
		rule_long_title(f, &d->articles[i]);
		mark_signoffs(f, d->articles[i].blocks,
		    d->articles[i].nblocks);
	}
}

/* ---- files ---- */

/*
 * Position of the value of the front-matter key by any of its names, or
 * of the text item within that line when item is not NULL; line 1 when
 * not found.
 */
static struct jb_pos
key_pos(const struct cfile *f, enum fm_key key, const char *item)
{
	struct jb_pos	 pos = { f->path, 1, 1 };
	const char	*s, *p, *q, *colon;
	size_t		 n;
	int		 ln;

	for (ln = f->src->yamlline; ln < f->src->bodyline - 1; ln++) {
		s = src_line(f->src, ln, &n);
		if ((colon = memchr(s, ':', n)) == NULL ||
		    !fm_key_is(key, s, (size_t)(colon - s)))
			continue;
		for (p = colon + 1; *p == ' '; p++)
			;
		if (item != NULL && (q = strstr(p, item)) != NULL && q < s + n)
			p = q;
		pos.line = ln;
		pos.col = (int)g_utf8_strlen(s, p - s) + 1;
		break;
	}
	return pos;
}

/* Keep a copy of the 检查忽略 list; unknown rule ids are reported. */
static void
ignore_list(struct cfile *f, const struct jb_strlist *l)
{
	struct jb_pos	 pos;
	size_t		 i;

	sup_ignore(&f->sup, l);
	for (i = 0; i < l->n; i++) {
		if (msg_is_rule(l->v[i]) || strcmp(l->v[i], "all") == 0)
			continue;
		pos = key_pos(f, FM_KEY_IGNORE, l->v[i]);
		chkfind_add(f, MSG_CHK_UNKNOWN_RULE, pos.line, pos.col,
		    xstrdup(l->v[i]), NULL, NULL);
	}
}

/*
 * After its own rules a file keeps only what the archive rules and the
 * suppression filter read (path, 期号, date, positions, marks, 检查忽略):
 * the text and its blocks, 16 bytes a character, would otherwise make a
 * thousand issues hold the whole archive in memory.
 */
static void
drop_text(struct cfile *f)
{
	size_t	 i;

	src_free(f->src);
	f->src = NULL;
	for (i = 0; i < f->nblocks; i++)
		free(f->blocks[i].v);
	free(f->blocks);
	f->blocks = NULL;
	f->nblocks = 0;
}

/* "增刊第1期", "第7期" */
static char *
number_text(const char *kind, int issue)
{
	return g_strdup_printf("%s第%d期", kind ? kind : "", issue);
}

/*
 * An issue in a year folder is found by its file name (issues.h): a
 * 增刊 must be named zk-NN.md, and zk-NN.md must be a 增刊, or new,
 * the links between pages and the order of the site miss it.
 */
static void
rule_file_name(struct cfile *f, const struct jb_doc *d)
{
	const struct jb_kind	*k = d->meta.kind;
	const char		*base = strrchr(f->path, '/'), *dir;
	char			*prefix = NULL;
	struct jb_pos		 pos;
	int			 ok;

	if (base == NULL)
		return;
	for (dir = base; dir > f->path && dir[-1] != '/'; dir--)
		;
	if (base - dir != 4 || strspn(dir, "0123456789") < 4)
		return;
	base++;
	ok = iss_number(base, &prefix) >= 0 && (k == NULL ? prefix == NULL :
	    prefix != NULL && strcmp(prefix, k->prefix) == 0);
	free(prefix);
	if (ok)
		return;
	/* At 刊别 for a 增刊, else at 期号. */
	pos = k != NULL ? key_pos(f, FM_KEY_KIND, NULL) : f->issue_pos;
	chkfind_add(f, MSG_CHK_FILE_NAME, pos.line, pos.col, xstrdup(base),
	    number_text(k ? k->name : NULL, d->meta.issue),
	    iss_name(k, d->meta.issue));
}

static void
check_file(struct check *c, struct cfile *f, const struct jb_series *s)
{
	struct jb_doc	*d;

	if ((f->src = src_read(f->path, DOC_MAX_BYTES)) == NULL)
		return;
	f->lang = s->lang;
	/*
	 * First, silently, the front matter alone: its 检查忽略 must be known
	 * before the parser reports anything, and an error in the body must
	 * not hide it.
	 */
	c->probe = 1;
	if ((d = doc_parse_meta(f->src, s)) != NULL) {
		f->lang = d->meta.lang;
		ignore_list(f, &d->meta.check_ignore);
	}
	c->probe = 0;
	doc_free(d);
	if (f->src->valid)
		read_blocks(f);

	/* Then for real: the parser's findings pass the filter. */
	if ((d = doc_parse_src(f->src, s)) != NULL) {
		f->loaded = 1;
		f->issue = d->meta.issue;
		f->issue_last = d->meta.issue_last;
		f->kind = d->meta.kind ? xstrdup(d->meta.kind->name) : NULL;
		f->date = d->meta.date;
		f->date_text = xstrdup(d->meta.date_text);
		f->issue_pos = key_pos(f, FM_KEY_ISSUE, NULL);
		f->date_pos = key_pos(f, FM_KEY_DATE, NULL);
		model_rules(f, d);
		rule_file_name(f, d);
	}
	chktext_rules(f);
	chkfind_flush(f);
	doc_free(d);
	drop_text(f);
}

/* ---- the archive ---- */


static int
date_cmp(const struct jb_date *a, const struct jb_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	return a->day < b->day ? -1 : a->day > b->day;
}

/* Each kind (regular issues first) in turn, by year and 期号. */
static int
cmp_issue(const void *a, const void *b)
{
	const struct cfile	*x = *(const struct cfile *const *)a;
	const struct cfile	*y = *(const struct cfile *const *)b;
	int			 c;

	if ((x->kind == NULL) != (y->kind == NULL))
		return x->kind == NULL ? -1 : 1;
	if (x->kind != NULL && (c = strcmp(x->kind, y->kind)) != 0)
		return c;
	if (x->date.year != y->date.year)
		return x->date.year < y->date.year ? -1 : 1;
	if (x->issue != y->issue)
		return x->issue < y->issue ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int
same_kind(const struct cfile *a, const struct cfile *b)
{
	return a->kind == NULL ? b->kind == NULL :
	    b->kind != NULL && strcmp(a->kind, b->kind) == 0;
}

/*
 * 期号 run per year and kind: a 增刊 has a sequence of its own, and a
 * 合刊 (第7—8期) takes every number of its range.  hi is the highest
 * number taken so far in the year, by the issue at hipath.
 */
static void
archive_rules(struct check *c)
{
	struct cfile	**v, *a, *b, *top = NULL;
	size_t		 i, n = 0;
	int		 hi = 0;
	char		 today[32];

	v = xcalloc(c->nfiles + 1, sizeof(*v));
	for (i = 0; i < c->nfiles; i++)
		if (c->files[i].loaded)
			v[n++] = &c->files[i];
	qsort(v, n, sizeof(*v), cmp_issue);
	snprintf(today, sizeof(today), "%d年%d月%d日", c->today.year,
	    c->today.month, c->today.day);
	for (i = 0; i < n; i++) {
		b = v[i];
		a = i > 0 && same_kind(v[i - 1], b) ? v[i - 1] : NULL;
		if (a == NULL || a->date.year != b->date.year)
			top = NULL;
		if (top != NULL && b->issue <= hi)
			chkfind_add(b, MSG_CHK_DUPLICATE, b->issue_pos.line,
			    b->issue_pos.col, g_strdup_printf("%d",
			    b->date.year), number_text(b->kind, b->issue),
			    xstrdup(top->path));
		else if (top != NULL && b->issue > hi + 1)
			chkfind_add(b, MSG_CHK_ISSUE_GAP, b->issue_pos.line,
			    b->issue_pos.col, g_strdup_printf("%d",
			    b->date.year), b->issue == hi + 2 ?
			    number_text(b->kind, hi + 1) :
			    g_strdup_printf("%s第%d期至第%d期", b->kind ?
			    b->kind : "", hi + 1, b->issue - 1),
			    xstrdup(top->path));
		if (top == NULL || b->issue_last >= hi) {
			hi = b->issue_last;
			top = b;
		}
		if (a != NULL && date_cmp(&b->date, &a->date) < 0)
			chkfind_add(b, MSG_CHK_DATE_ORDER, b->date_pos.line,
			    b->date_pos.col, xstrdup(b->date_text),
			    xstrdup(a->path), xstrdup(a->date_text));
		if (date_cmp(&b->date, &c->today) > 0)
			chkfind_add(b, MSG_CHK_FUTURE_DATE, b->date_pos.line,
			    b->date_pos.col, xstrdup(b->date_text),
			    xstrdup(today), NULL);
	}
	for (i = 0; i < c->nfiles; i++)
		chkfind_flush(&c->files[i]);
	free(v);
}

static void
cfile_clear(struct cfile *f)
{
	free(f->path);
	drop_text(f);
	sup_clear(&f->sup);
	free(f->date_text);
	free(f->kind);
}

int
chk_main(const char *series, int nfiles, char **files)
{
	struct check		 c;
	struct jb_series	*s = NULL;
	struct iss_list		 all = { NULL, 0 };
	char			**list = NULL;
	size_t			 i;
	int			 k, rc = 2;

	memset(&c, 0, sizeof(c));
	if ((s = series_load(series)) == NULL)
		goto out;
	if (nfiles == 0) {
		iss_scan(ISS_DIR, &all);
		list = xcalloc(all.n + 1, sizeof(char *));
		for (i = 0; i < all.n; i++)
			list[nfiles++] = all.v[i].path;
		files = list;
	}
	iss_today(&c.today);
	c.files = xcalloc((size_t)nfiles + 1, sizeof(*c.files));
	c.nfiles = (size_t)nfiles;
	for (k = 0; k < nfiles; k++)
		c.files[k].path = xstrdup(files[k]);
	msg_set_filter(keep, &c);
	for (i = 0; i < c.nfiles; i++)
		check_file(&c, &c.files[i], s);
	archive_rules(&c);
	msg_set_filter(NULL, NULL);
	rc = msg_errors() > 0 ? 1 : 0;
out:
	for (i = 0; i < c.nfiles; i++)
		cfile_clear(&c.files[i]);
	free(c.files);
	iss_free(&all);
	series_free(s);
	free(list);
	return rc;
}
