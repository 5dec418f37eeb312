/* fix.c -- `jianbao check --fix`: the repairs of issue text that need no judgement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "edit/edit.h"
#include "model/model.h"
#include "util/util.h"

#include "edit/edit_int.h"

enum fkind {
	F_PARA,				/* paragraph, list item, boxed text */
	F_HEAD				/* heading: punctuation and quotes only */
};

struct edit {
	size_t		 from, to;	/* bytes replaced */
	char		*with;
	enum msgid	 id;
	int		 line, col;
	char		*shown_from, *shown_to;
};

struct fixer {
	const struct src *t;
	enum jb_lang	  lang;
	const struct jb_strlist *ignore;	/* 检查忽略 */
	struct sup	  sup;		/* what is silenced where, as for check */
	int		  box;		/* the block is a > quote */
	struct mtext	  m;		/* the block being read */
	struct edit	 *e;
	size_t		  ne;
	int		  quiet;	/* a later pass: warnings said already */
};

/* ---- characters ---- */

static char *
utf8(gunichar c)
{
	char	 u[8];

	return xstrndup(u, (size_t)g_unichar_to_utf8(c, u));
}

/* ---- suppression ---- */

/* Is rule silenced in the block being read, as check has it? */
static int
silenced(const struct fixer *f, const char *rule)
{
	return sup_silenced(&f->sup, rule, f->m.v[0].line);
}

/* ---- the characters of a block ---- */

/* Add line ln of the text to the block, the first of one when m is empty. */
static void
add_line(struct fixer *f, int ln)
{
	sup_line(&f->sup, ln, f->m.n == 0);
	mtext_line(&f->m, f->t, ln);
}

/* ---- repairs ---- */

static void
add_edit(struct fixer *f, size_t a, size_t b, const char *with, enum msgid id,
    int line, int col, char *sf, char *st)
{
	struct edit	*e;
	size_t		 i;

	/* one repair per place: the first found wins, the next run sees the rest */
	for (i = 0; with != NULL && i < f->ne; i++)
		if (a < f->e[i].to && f->e[i].from < b) {
			free(sf);
			free(st);
			return;
		}
	f->e = xrealloc(f->e, (f->ne + 1) * sizeof(*e));
	e = &f->e[f->ne++];
	e->from = a;
	e->to = b;
	e->with = with ? xstrdup(with) : NULL;	/* NULL: a finding only */
	e->id = id;
	e->line = line;
	e->col = col;
	e->shown_from = sf;
	e->shown_to = st;
}

/* The text of characters [a, b) of the block. */
static char *
span(const struct fixer *f, size_t a, size_t b)
{
	struct buf	 s = { 0 };
	char		 u[8];
	size_t		 i;

	for (i = a; i < b; i++)
		buf_put(&s, u, (size_t)g_unichar_to_utf8(f->m.v[i].c, u));
	return s.data ? s.data : xstrdup("");
}

/* The mark at i made full-width, with the blanks after it. */
static void
fix_mark(struct fixer *f, size_t i, unsigned long full)
{
	size_t	 j;
	char	*to;

	for (j = i + 1; j < f->m.n && f->m.v[j].c == ' ' && !f->m.v[j].keep; j++)
		;
	to = utf8(full);
	add_edit(f, f->m.v[i].off, j < f->m.n ? f->m.v[j].off : f->m.v[j - 1].off +
	    f->m.v[j - 1].len, to, MSG_FIX_HALFWIDTH, f->m.v[i].line, f->m.v[i].col,
	    span(f, i, j), xstrdup(to));
	free(to);
}

static void
rule_marks(struct fixer *f)
{
	size_t		 i;
	unsigned long	 full;

	if (silenced(f, "halfwidth-punct"))
		return;
	for (i = 0; i < f->m.n; i++)
		if ((full = mtext_mark(&f->m, i)) != 0)
			fix_mark(f, i, full);
}

/* Straight quotes in pairs: “” and ‘’, or 「」 and 『』 in zh-Hant. */
static void
rule_quotes(struct fixer *f, const char *path)
{
	size_t	 q[256], nq = 0, i, k, a, b;
	int	 han = 0, hant = f->lang == JB_LANG_HANT;
	gunichar open2 = hant ? 0x300C : 0x201C, close2 = hant ? 0x300D : 0x201D;
	gunichar open1 = hant ? 0x300E : 0x2018, close1 = hant ? 0x300F : 0x2019;
	char	*o, *c;

	if (silenced(f, "straight-quotes"))
		return;
	for (i = 0; i < f->m.n; i++) {
		han |= zh_han(f->m.v[i].c);
		if (f->m.v[i].c == '"' && !f->m.v[i].keep && nq < G_N_ELEMENTS(q))
			q[nq++] = i;
	}
	if (!han || nq == 0)
		return;
	if (nq % 2 != 0) {
		struct jb_pos	 pos = { path, f->m.v[q[nq - 1]].line,
				    f->m.v[q[nq - 1]].col };

		/* reported in its place among the repairs, changing nothing */
		if (!f->quiet)
			add_edit(f, f->m.v[q[nq - 1]].off, f->m.v[q[nq - 1]].off, NULL,
			    MSG_CHK_STRAIGHT_QUOTE, pos.line, pos.col, xstrdup("\""),
			    NULL);
		return;
	}
	o = utf8(open2);
	c = utf8(close2);
	for (k = 0; k < nq; k += 2) {
		a = q[k];
		b = q[k + 1];
		/* single quotes paired inside */
		{
			size_t	 s[64], ns = 0, m;
			char	*o1 = utf8(open1), *c1 = utf8(close1);

			for (i = a + 1; i < b; i++)
				if (f->m.v[i].c == '\'' && !f->m.v[i].keep &&
				    !(i > 0 && g_unichar_isalpha(f->m.v[i - 1].c) &&
				    !zh_han(f->m.v[i - 1].c) && i + 1 < f->m.n &&
				    g_unichar_isalpha(f->m.v[i + 1].c) &&
				    !zh_han(f->m.v[i + 1].c)) && ns < G_N_ELEMENTS(s))
					s[ns++] = i;
			for (m = 0; ns % 2 == 0 && m < ns; m++)
				add_edit(f, f->m.v[s[m]].off, f->m.v[s[m]].off + 1,
				    m % 2 ? c1 : o1, MSG_FIX_QUOTES, f->m.v[s[m]].line,
				    f->m.v[s[m]].col, xstrdup("'"),
				    xstrdup(m % 2 ? c1 : o1));
			free(o1);
			free(c1);
		}
		add_edit(f, f->m.v[a].off, f->m.v[a].off + 1, o, MSG_FIX_QUOTES,
		    f->m.v[a].line, f->m.v[a].col, xstrdup("\""), xstrdup(o));
		add_edit(f, f->m.v[b].off, f->m.v[b].off + 1, c, MSG_FIX_QUOTES,
		    f->m.v[b].line, f->m.v[b].col, xstrdup("\""), xstrdup(c));
	}
	free(o);
	free(c);
}

static char *
pair(gunichar a, gunichar b)
{
	char	 u[16];
	int	 n = g_unichar_to_utf8(a, u);

	n += g_unichar_to_utf8(b, u + n);
	return xstrndup(u, (size_t)n);
}

/* Is the 本报讯 lead at the start of the block, its blank at i? */
static int
lead_blank(const struct fixer *f, size_t i)
{
	size_t	 s = 0;

	while (s < f->m.n && (f->m.v[s].c == '*' || f->m.v[s].c == ' '))
		s++;
	return i == s + 3 && ((f->m.v[s].c == 0x672C && f->m.v[s + 1].c == 0x62A5 &&
	    f->m.v[s + 2].c == 0x8BAF) || (f->m.v[s].c == 0x672C &&
	    f->m.v[s + 1].c == 0x5831 && f->m.v[s + 2].c == 0x8A0A));
}

/*
 * Blanks between Chinese characters, or between one and a full-width
 * mark, outside （…） (bylines set a blank on purpose) and after 本报讯.
 */
static void
rule_spaces(struct fixer *f)
{
	size_t	 i, j, k;
	int	 paren = 0, han;
	gunichar a, b;

	if (silenced(f, "cjk-space"))
		return;
	for (i = 0; i < f->m.n; i++) {
		if (f->m.v[i].c == 0xFF08)
			paren++;
		else if (f->m.v[i].c == 0xFF09 && paren > 0)
			paren--;
		if (f->m.v[i].c != ' ' || f->m.v[i].keep || i == 0 || lead_blank(f, i))
			continue;
		for (j = i; j < f->m.n && f->m.v[j].c == ' ' && !f->m.v[j].keep; j++)
			;
		if (j == f->m.n) {
			i = j;
			continue;
		}
		/* the text on either side, past ** and ` as check reads it */
		for (k = i; k > 0 && (f->m.v[k - 1].c == '*' || f->m.v[k - 1].c == '`'); k--)
			;
		a = k > 0 ? f->m.v[k - 1].c : 0;
		for (k = j; k < f->m.n && (f->m.v[k].c == '*' || f->m.v[k].c == '`'); k++)
			;
		b = k < f->m.n ? f->m.v[k].c : 0;
		/* between Han characters outside （…）, as cjk-space has it,
		 * or beside a full-width mark, where it is never printed */
		han = zh_han(a) && zh_han(b) && paren == 0;
		if (han || dtext_space_vanishes(a, b))
			add_edit(f, f->m.v[i].off, f->m.v[j].off, "", MSG_FIX_CJK_SPACE,
			    f->m.v[i].line, f->m.v[i].col, span(f, i - 1, j + 1),
			    pair(f->m.v[i - 1].c, f->m.v[j].c));
		i = j - 1;
	}
}

/* Runs of two or more 　 in a paragraph: indents pasted into it. */
static void
rule_ideo(struct fixer *f)
{
	size_t	 i, j;

	if (silenced(f, "fullwidth-space"))
		return;
	for (i = 0; i < f->m.n; i++) {
		if (f->m.v[i].c != 0x3000 || f->m.v[i].keep)
			continue;
		for (j = i; j < f->m.n && f->m.v[j].c == 0x3000; j++)
			;
		if (j - i >= 2)
			add_edit(f, f->m.v[i].off, f->m.v[j - 1].off + f->m.v[j - 1].len,
			    "", MSG_FIX_IDEO_SPACE, f->m.v[i].line, f->m.v[i].col,
			    span(f, i, j), xstrdup(""));
		i = j - 1;
	}
}

static void
block_done(struct fixer *f, enum fkind k, const char *path)
{
	if (f->m.n > 0) {
		mtext_protect(&f->m);
		rule_marks(f);
		rule_quotes(f, path);
		if (k == F_PARA) {
			rule_spaces(f);
			rule_ideo(f);
		}
	}
	f->m.n = 0;
	f->box = 0;
}

/* Find the repairs of the body of t, in its blocks as check reads them. */
static void
scan(struct fixer *f, const char *path)
{
	const char	*s;
	size_t		 n, k, m;
	int		 ln, fence = 0;
	enum mdl_kind	 kind;

	sup_clear(&f->sup);
	sup_ignore(&f->sup, f->ignore);
	for (ln = f->t->bodyline; (s = src_line(f->t, ln, &n)) != NULL; ln++) {
		if ((kind = mdl_line(s, n, &k, &m)) == MDL_FENCE)
			fence = !fence;
		else if (fence)
			continue;
		switch (kind) {
		case MDL_FENCE:
		case MDL_BLANK:
		case MDL_RULE:
			block_done(f, F_PARA, path);
			sup_end(&f->sup);
			break;
		case MDL_COMMENT:
			/* It ends the block it stands in, as for check: a
			 * repair across the line break would take it away. */
			block_done(f, F_PARA, path);
			sup_comment(&f->sup, s + k, n - k, ln, (int)k, NULL, NULL);
			break;
		case MDL_RAW:
			/* tables, HTML and pictures are left alone; the marks
			 * above one are its */
			block_done(f, F_PARA, path);
			sup_line(&f->sup, ln, 1);
			break;
		case MDL_HEAD:
			block_done(f, F_PARA, path);
			add_line(f, ln);
			block_done(f, F_HEAD, path);
			break;
		case MDL_LIST:
		case MDL_QUOTE:
			/* a list item starts a block, as a quote does after
			 * anything but a quote */
			if (kind == MDL_LIST || !f->box)
				block_done(f, F_PARA, path);
			add_line(f, ln);
			f->box = kind == MDL_QUOTE;
			break;
		case MDL_TEXT:
			add_line(f, ln);
			break;
		}
	}
	block_done(f, F_PARA, path);
}

static int
cmp_edit(const void *a, const void *b)
{
	const struct edit	*x = a, *y = b;

	return x->from < y->from ? -1 : x->from > y->from;
}

static int
drop_all(enum msgid id, const struct jb_pos *pos, void *arg)
{
	return 0;
}

static void
free_edits(struct fixer *f)
{
	size_t	 i;

	for (i = 0; i < f->ne; i++) {
		free(f->e[i].with);
		free(f->e[i].shown_from);
		free(f->e[i].shown_to);
	}
	free(f->e);
	f->e = NULL;
	f->ne = 0;
}

/*
 * Repair one file; 0, or -1 after reporting.  A repair can make another
 * (a quote made curly is a full-width mark the blank beside it must
 * leave), so the text is scanned again until nothing changes: a second
 * run finds nothing.  Each round takes a chain of such repairs one step
 * further; real text settles in one or two, a run of hundreds of
 * straight quotes and blanks took five, and MAX_PASSES bounds the
 * work whatever comes.
 */
#define MAX_PASSES	64

static int
fix_file(const char *path, const struct jb_series *s, int dry)
{
	struct fixer	 f;
	struct src	*t, *cur;
	struct jb_doc	*d;
	struct jb_strlist none = { NULL, 0 };
	struct outfile	*o;
	struct jb_pos	 pos;
	struct buf	 text = { 0 };
	size_t		 i, at;
	int		 rc = -1, pass, changed = 0, edits;

	memset(&f, 0, sizeof(f));
	if ((t = src_read(path, DOC_MAX_BYTES)) == NULL)
		return -1;
	if (src_check(t) == -1) {
		src_free(t);
		return -1;
	}
	f.lang = s->lang;
	f.ignore = &none;
	/* the front matter for 语言 and 检查忽略, silently: check reports it */
	msg_set_filter(drop_all, NULL);
	d = doc_parse_meta(t, s);
	msg_set_filter(NULL, NULL);
	if (d != NULL) {
		f.lang = d->meta.lang;
		f.ignore = &d->meta.check_ignore;
	}
	cur = t;
	for (pass = 0; pass < MAX_PASSES; pass++) {
		edits = 0;
		f.t = cur;
		f.quiet = pass > 0;
		scan(&f, path);
		if (f.ne == 0)
			break;
		qsort(f.e, f.ne, sizeof(*f.e), cmp_edit);
		text.len = 0;
		for (at = 0, i = 0; i < f.ne; i++) {
			pos.file = path;
			pos.line = f.e[i].line;
			pos.col = f.e[i].col;
			if (f.e[i].with == NULL) {
				msg(f.e[i].id, &pos, f.e[i].shown_from);
				continue;
			}
			msg(f.e[i].id, &pos, dry ? "可修正" : "已修正",
			    f.e[i].shown_from, f.e[i].shown_to);
			buf_put(&text, cur->text + at, f.e[i].from - at);
			buf_puts(&text, f.e[i].with);
			at = f.e[i].to;
			edits++;
		}
		buf_put(&text, cur->text + at, cur->len - at);
		free_edits(&f);
		if (edits == 0)
			break;
		if (cur != t)
			src_free(cur);
		cur = src_new(path, text.data, text.len);
		changed = 1;
	}
	if (!changed || dry) {
		rc = 0;
		goto out;
	}
	/* the whole text, repaired, replacing the file at once */
	if ((o = outfile_open(path)) == NULL)
		goto out;
	fwrite(cur->text, 1, cur->len, outfile_fp(o));
	if (outfile_commit(o) == -1)
		goto out;
	rc = 0;
out:
	free_edits(&f);
	free(f.m.v);
	sup_clear(&f.sup);
	buf_free(&text);
	doc_free(d);
	if (cur != t)
		src_free(cur);
	src_free(t);
	return rc;
}

int
fix_main(const char *series, int nfiles, char **files, int dry_run)
{
	struct jb_series	*s;
	struct iss_list		 all = { NULL, 0 };
	size_t			 i;
	int			 k, rc = 0;

	if ((s = series_load(series)) == NULL)
		return 2;
	if (nfiles == 0) {
		iss_scan(ISS_DIR, &all);
		for (i = 0; i < all.n; i++)
			if (fix_file(all.v[i].path, s, dry_run) == -1)
				rc = 1;
	}
	for (k = 0; k < nfiles; k++)
		if (fix_file(files[k], s, dry_run) == -1)
			rc = 1;
	iss_free(&all);
	series_free(s);
	return rc;
}
