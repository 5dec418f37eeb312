/* import.c -- `jianbao import`: files read in any encoding or as Word, the issue file written (-o, --into, --force), its pictures named. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "import/import_int.h"
#include "model/model.h"
#include "import/import.h"
#include "util/util.h"
#include "edit/edit.h"


/* ---- reading ---- */

/*
 * Text copied from a PDF has its lines broken where the page broke them:
 * many lines of one width (within a character).  That width, or 0.
 */
static void
find_wrap(struct legacy *l)
{
	long	 count[128] = { 0 }, n, best = 0, lines = 0;
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		n = g_utf8_strlen(impline_skip_space(l->lines[i]), -1);
		if (n == 0)
			continue;
		lines++;
		if (n >= 16 && n < 127)
			count[n]++;
	}
	for (n = 17; n < 126; n++)
		if (count[n - 1] + count[n] + count[n + 1] >
		    count[best - 1 > 0 ? best - 1 : 0] + count[best] + count[best + 1])
			best = n;
	n = best ? count[best - 1] + count[best] + count[best + 1] : 0;
	if (n >= 4 && n * 10 >= lines * 3)
		l->wrap = best;
}

static void
split_lines(struct legacy *l, const char *s)
{
	const char	*p, *e;
	size_t		 n;

	for (p = s; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		n = (size_t)(e - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		l->lines = xrealloc(l->lines, (l->n + 1) * sizeof(char *));
		l->lines[l->n] = xstrndup(p, n);
		/* trailing blanks (Markdown hard breaks) carry nothing here */
		while ((n = strlen(l->lines[l->n])) > 0 &&
		    (l->lines[l->n][n - 1] == ' ' || l->lines[l->n][n - 1] == '\t'))
			l->lines[l->n][n - 1] = '\0';
		l->n++;
	}
	impline_linemode(l, 0);
	find_wrap(l);
}

/*
 * Read the file: text in any of its encodings, a Word file or a PDF.
 * Returns 0, or -1 after reporting at file:1:1 why this file cannot be
 * read (encrypted, damaged, no Word file, no text, too large, hostile):
 * the caller refuses it alone and the other files of the command go on.
 */
static int
read_input(struct legacy *l)
{
	struct buf	 raw = { 0 }, text = { 0 }, conv = { 0 };
	int		 rc = -1;

	if (infile_read(l->path, NULL, NULL, DOCXIN_MAX_FILE, &raw) == -1)
		goto out;
	if (docxin_is_ole(raw.data, raw.len)) {
		if (docxin_from_ole(l->path, raw.data, raw.len, &conv) == -1)
			goto out;
		buf_free(&raw);
		raw = conv;
		memset(&conv, 0, sizeof(conv));
	}
	if (impdec_is_pdf(raw.data, raw.len)) {
		if (impdec_pdf_text(l->path, raw.data, raw.len, &text) == -1)
			goto out;
		split_lines(l, text.data ? text.data : "");
		rc = 0;
		goto out;
	}
	if (!docxin_is_zip(raw.data, raw.len) && strlen(l->path) > 5 &&
	    g_ascii_strcasecmp(l->path + strlen(l->path) - 5, ".docx") == 0) {
		msg(MSG_DOCX_NOT_ZIP, &(struct jb_pos){ l->path, 1, 1 },
		    "文件不是 ZIP 压缩包");
		goto out;
	}
	if (docxin_is_zip(raw.data, raw.len)) {
		if (docxin_read(l->path, raw.data, raw.len, &l->docx) == -1)
			goto out;
		split_lines(l, l->docx.text.data ? l->docx.text.data : "");
		l->linemode = 1;
		rc = 0;
		goto out;
	}
	if (raw.len > DOC_MAX_BYTES) {
		struct jb_pos	 pos = { l->path, 1, 1 };

		msg(MSG_TOO_LARGE, &pos, "8 MiB");
		goto out;
	}
	if (enc_to_utf8(l->path, raw.data ? raw.data : "", raw.len, &text) == -1)
		goto out;
	split_lines(l, text.data ? text.data : "");
	rc = 0;
out:
	buf_free(&raw);
	buf_free(&text);
	buf_free(&conv);
	return rc;
}

/* ---- writing ---- */

static int
same_list(const struct strs *a, const struct jb_strlist *b)
{
	size_t	 i;

	if (a->n != b->n)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return 0;
	return 1;
}

/* Front-matter keys of the distribution lines, in enum jb_dist order. */
static const char *const dist_keys[JB_DIST__MAX] = { "报", "送", "发" };

static void
front(const struct legacy *l, const struct jb_series *s, struct fmw *w,
    enum jb_lang lang)
{
	char	 iso[16], num[32];
	size_t	 i, j;
	int	 m, differ = 0;

	if (l->kind != NULL)
		fmw_str(w, FMW_ROOT, "刊别", l->kind->name);
	if (l->issue_last > l->issue) {
		snprintf(num, sizeof(num), "%d-%d", l->issue, l->issue_last);
		fmw_str(w, FMW_ROOT, "期号", num);
	} else
		fmw_int(w, FMW_ROOT, "期号", l->issue);
	if (l->total > 0 && l->total_last > l->total) {
		snprintf(num, sizeof(num), "%d-%d", l->total, l->total_last);
		fmw_str(w, FMW_ROOT, "总期号", num);
	} else if (l->total > 0)
		fmw_int(w, FMW_ROOT, "总期号", l->total);
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", l->date.year,
	    l->date.month, l->date.day);
	fmw_str(w, FMW_ROOT, "日期", iso);
	if (lang != s->lang)
		fmw_str(w, FMW_ROOT, "语言", lang == JB_LANG_HANT ? "zh-Hant" :
		    "zh-Hans");
	if (l->org != NULL && strcmp(l->org, s->org) != 0)
		fmw_str(w, FMW_ROOT, "编印单位", l->org);
	if (l->note.len > 0)
		fmw_str(w, FMW_ROOT, "编者按", l->note.data);
	if (l->classification != NULL)
		fmw_str(w, FMW_ROOT, "密级", l->classification);
	else if (s->classification != NULL)
		fmw_str(w, FMW_ROOT, "密级", "无");
	if (l->copies > 0)
		fmw_int(w, FMW_ROOT, "共印", l->copies);
	for (i = 0; i < JB_DIST__MAX; i++)
		differ |= !same_list(&l->dist[i], &s->dist[i]);
	if (l->have_dist && differ) {
		m = fmw_map(w, FMW_ROOT, "分送");
		/* every line the series prints, emptied when the issue had none */
		for (i = 0; i < JB_DIST__MAX; i++)
			if (l->dist[i].n > 0 || s->dist[i].n > 0)
				fmw_list(w, m, dist_keys[i],
				    (const char *const *)l->dist[i].v, l->dist[i].n);
	}
	if (l->roles.n > 0) {
		m = fmw_map(w, FMW_ROOT, "署名");
		for (i = 0; i < l->roles.n; i++)
			fmw_str(w, m, l->roles.v[i], l->names.v[i]);
		for (i = 0; i < s->credits.n; i++) {
			for (j = 0; j < l->roles.n; j++)
				if (strcmp(s->credits.v[i].role, l->roles.v[j]) == 0)
					break;
			if (j == l->roles.n)
				fmw_str(w, m, s->credits.v[i].role, "");
		}
	}
}

/*
 * Simplified or Traditional: characters that differ between the two
 * forms and are common in reports, counted on either side.
 */
static enum jb_lang
guess_lang(const struct legacy *l, size_t n, enum jb_lang dflt)
{
	static const char hans[] = "这们个会为区国动发与说对时实业东经进过开关学问们来还现机设务员长门见间点总组织网站处广场讯报";
	static const char hant[] = "這們個會為區國動發與說對時實業東經進過開關學問們來還現機設務員長門見間點總組織網站處廣場訊報";
	const char	*p;
	size_t		 i, k;
	long		 a = 0, b = 0;
	gunichar	 c;

	for (k = 0; k < n; k++)
		for (i = 0; i < l[k].nb; i++)
			for (p = l[k].b[i].text.data; p && *p;
			    p = g_utf8_next_char(p)) {
				c = g_utf8_get_char(p);
				if (c < 0x4E00)
					continue;
				if (g_utf8_strchr(hans, -1, c) != NULL &&
				    g_utf8_strchr(hant, -1, c) == NULL)
					a++;
				else if (g_utf8_strchr(hant, -1, c) != NULL &&
				    g_utf8_strchr(hans, -1, c) == NULL)
					b++;
			}
	if (a + b < 5)
		return dflt;
	return b > a ? JB_LANG_HANT : JB_LANG_HANS;
}

static void
insert_block(struct legacy *l, size_t at, enum ikind k, const char *text,
    int line)
{
	struct iblock	*b;

	l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*b));
	memmove(l->b + at + 1, l->b + at, (l->nb - at) * sizeof(*b));
	l->nb++;
	b = &l->b[at];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->line = b->last = line;
	buf_puts(&b->text, text);
}

/*
 * Every paragraph of a file in an article: # titles move down to ##, a
 * first paragraph that looks like a title becomes one, other text before
 * the first title gets a title to fill in; the unclassified lines come
 * last.
 */
static void
fixup(struct legacy *l, enum jb_lang lang)
{
	const char	*title = lang == JB_LANG_HANT ? "（標題待定）" : "（标题待定）";
	struct jb_pos	 pos = { l->path, 0, 0 };
	size_t		 i, h, f, lv, min = 7;
	char		*t;

	for (i = 0; i < l->nb; i++)
		if (l->b[i].kind == I_HEAD &&
		    (lv = strspn(l->b[i].text.data, "#")) < min)
			min = lv;
	for (i = 0; min == 1 && i < l->nb; i++)
		if (l->b[i].kind == I_HEAD &&
		    strspn(l->b[i].text.data, "#") < 6) {
			t = g_strdup_printf("#%s", l->b[i].text.data);
			buf_free(&l->b[i].text);
			buf_puts(&l->b[i].text, t);
			g_free(t);
		}
	/*
	 * No ## but ### titles (a Word file's masthead took the top rank):
	 * one level up, unless the top ones are sections (一、 （一）).
	 */
	for (i = 0; min > 2 && min < 7 && i < l->nb; i++)
		if (l->b[i].kind == I_HEAD && strspn(l->b[i].text.data, "#") == min)
			break;
	if (min > 2 && min < 7 && i < l->nb &&
	    impbody_section_level(impline_skip_space(l->b[i].text.data + min)) == 0)
		for (i = 0; i < l->nb; i++)
			if (l->b[i].kind == I_HEAD) {
				memmove(l->b[i].text.data, l->b[i].text.data + 1,
				    l->b[i].text.len);
				l->b[i].text.len--;
			}
	for (i = 0; i < l->nleft; i++) {
		l->b = xrealloc(l->b, (l->nb + 1) * sizeof(*l->b));
		l->b[l->nb++] = l->left[i];
	}
	l->nleft = 0;
	for (h = 0; h < l->nb && l->b[h].kind != I_HEAD; h++)
		;
	/* the first block that is not a comment (web furniture) */
	for (f = 0; f < l->nb && impbody_comment(&l->b[f]); f++)
		;
	if (h <= f || f == l->nb)
		return;
	/* a kicker (a place, the sending organ) right above the first title */
	if (h == f + 1 && l->b[f].kind == I_PARA &&
	    (impbody_kicker_like(l->b[f].text.data) ||
	    (impbody_title_like(l->b[f].text.data) &&
	    g_utf8_strlen(l->b[f].text.data, -1) <= 12)))
		return;
	if (l->b[f].kind == I_PARA && impbody_title_like(l->b[f].text.data) &&
	    !l->b[f].kept) {
		impbody_make_heading(&l->b[f], "##");
		return;
	}
	if (l->b[0].line >= 1 && (size_t)l->b[0].line <= l->n)
		pos = imptext_line_pos(l, l->b[0].line);
	else
		pos.line = pos.col = 1;
	msg(MSG_IMPORT_NO_TITLE, &pos, title);
	t = g_strdup_printf("## %s", title);
	insert_block(l, 0, I_HEAD, t, l->b[0].line);
	g_free(t);
}

/* One import: its files, what it writes. */
struct run {
	const struct imp_opts	*o;
	struct jb_series	*s;
	struct legacy		*f;
	size_t			 nf;
	struct legacy		*mast;	/* whose masthead, or NULL */
	enum jb_lang		 lang;
	char			*path;	/* the issue file written */
	char			**pics;	/* picture files written, for undoing */
	size_t			 npics;
	char			**names; /* their names as the text gives them */
	char			 *bad;	/* per picture: 1 when it cannot be printed */
	const char		**part;	/* per picture: its name in the Word file */
	int			 *pic_line; /* per picture: its line in the text */
	int			  newly_bad; /* the parse found a picture bad */
	int			 *badline; /* lines of a text's own pictures the */
	enum msgid		 *badwhy; /* parse refused, and why */
	size_t			  nbad;
	int			 made_dir; /* images/ did not exist before */
};

static int
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

/*
 * Names of jianbao's choosing for the pictures, images/STEM-K.EXT beside
 * the issue: never a name the Word file gave, never an existing file.
 */
static void
name_pictures(struct run *r)
{
	const char	*slash = strrchr(r->path, '/');
	char		*dir, *stem, *dot, *name, *file;
	size_t		 i, k, total = 0;
	int		 seq = 1;

	for (i = 0; i < r->nf; i++)
		total += r->f[i].docx.npics;
	if (total == 0)
		return;
	dir = slash ? xstrndup(r->path, (size_t)(slash - r->path + 1)) :
	    xstrdup("");
	stem = xstrdup(slash ? slash + 1 : r->path);
	if ((dot = strrchr(stem, '.')) != NULL && dot != stem)
		*dot = '\0';
	r->pics = xcalloc(total + 1, sizeof(char *));
	r->names = xcalloc(total + 1, sizeof(char *));
	for (i = 0; i < r->nf; i++)
		for (k = 0; k < r->f[i].docx.npics; k++) {
			for (;; seq++) {
				name = g_strdup_printf("images/%s-%d.%s", stem,
				    seq, r->f[i].docx.pics[k].ext);
				file = g_strdup_printf("%s%s", dir, name);
				/* --force replaces an earlier import's pictures too;
				 * appending keeps the issue's own */
				if (!exists(file) || (r->o->force && r->o->into == NULL))
					break;
				g_free(name);
				g_free(file);
			}
			seq++;
			r->names[r->npics] = xstrdup(name);
			r->pics[r->npics++] = xstrdup(file);
			g_free(name);
			g_free(file);
		}
	free(dir);
	free(stem);
}

/*
 * A picture line ![alt](PATH "caption") whose picture cannot be printed,
 * as its placeholder naming part (or PATH when NULL): the alt text and
 * the caption kept.
 */
static void
put_lost(struct buf *b, const char *t, const char *part)
{
	const char	*a = t + 2, *ae = strstr(t, "](");
	char		*path = NULL;
	const char	*c = ae ? strstr(ae, " \"") : NULL;
	struct buf	 cap = { 0 };
	char		*alt = ae ? xstrndup(a, (size_t)(ae - a)) : xstrdup("");

	if (part == NULL && ae != NULL)
		part = path = xstrndup(ae + 2, strcspn(ae + 2, " )"));
	if (c != NULL)
		for (c += 2; *c && !(*c == '"' && c[1] == ')'); c++) {
			if (*c == '\\' && c[1] == '"')
				c++;
			buf_put(&cap, c, 1);
		}
	impline_pic_placeholder(b, part ? part : "", alt, cap.data);
	free(alt);
	free(path);
	buf_free(&cap);
}

/*
 * A text's own picture line (![alt](path)) at line of the issue that
 * the parse refused (missing, outside the issue's folder, corrupt): its
 * placeholder, with a warning at its line in its file, the import goes on.
 */
static int
put_text_lost(struct buf *b, const char *t, const struct run *r, int line,
    const struct legacy *f, const struct iblock *k)
{
	size_t		 i;
	struct jb_pos	 pos = { f->path, k->line, 1 };
	char		*path;

	for (i = 0; i < r->nbad && r->badline[i] != line; i++)
		;
	if (i == r->nbad || strncmp(t, "![", 2) != 0 || strstr(t, "](") == NULL)
		return 0;
	if (k->line >= 1 && (size_t)k->line <= f->n)
		pos = imptext_line_pos(f, k->line);
	path = xstrndup(strstr(t, "](") + 2, strcspn(strstr(t, "](") + 2, " )"));
	msg(MSG_IMPORT_PIC_LOST, &pos, path, r->badwhy[i] == MSG_IMAGE_MISSING ?
	    "找不到" : r->badwhy[i] == MSG_IMAGE_OUTSIDE ?
	    "在本期文件所在的目录之外" : "已损坏或超出大小");
	free(path);
	put_lost(b, t, NULL);
	return 1;
}

/* The picture a block of a file with n pictures is, by its index among
 * all (base its file's first), or -1: only the Word reader writes
 * jianbao-pic:, a text file may hold the words. */
static long
block_pic(const char *t, size_t base, size_t n)
{
	const char	*p;
	unsigned long	 k;

	if (strncmp(t, "![", 2) != 0 || (p = strstr(t, "jianbao-pic:")) == NULL ||
	    (k = strtoul(p + strlen("jianbao-pic:"), NULL, 10)) >= n)
		return -1;
	return (long)(base + k);
}

/* A block's text with jianbao-pic:N turned into its picture's name, or
 * the placeholder of a picture that cannot be printed. */
static void
put_block(struct buf *b, const char *t, const struct run *r, size_t base,
    size_t n)
{
	const char	*p;
	char		*end;
	unsigned long	 k;
	long		 j = block_pic(t, base, n);

	if (j >= 0 && r->bad[j]) {
		put_lost(b, t, r->part[j]);
		return;
	}
	while (n > 0 && (p = strstr(t, "jianbao-pic:")) != NULL) {
		k = strtoul(p + strlen("jianbao-pic:"), &end, 10);
		if (k >= n)
			break;
		buf_put(b, t, (size_t)(p - t));
		buf_puts(b, r->names[base + k]);
		t = end;
	}
	buf_puts(b, t);
}

/* The body after b's text, each picture's line in it noted. */
static void
put_body(struct run *r, struct buf *b)
{
	size_t		 i, k, base = 0, counted = 0;
	int		 line = 1;
	long		 j;
	const char	*t;

	for (i = 0; i < r->nf; i++) {
		for (k = 0; k < r->f[i].nb; k++) {
			t = r->f[i].b[k].text.data ? r->f[i].b[k].text.data : "";
			buf_puts(b, "\n");
			for (; counted < b->len; counted++)
				line += b->data[counted] == '\n';
			if ((j = block_pic(t, base, r->f[i].docx.npics)) >= 0)
				r->pic_line[j] = line;
			if (!put_text_lost(b, t, r, line, &r->f[i], &r->f[i].b[k]))
				put_block(b, t, r, base, r->f[i].docx.npics);
			buf_puts(b, "\n");
		}
		base += r->f[i].docx.npics;
	}
}

/* Each picture that cannot be printed said, at its line in its file. */
static void
say_lost(const struct run *r)
{
	size_t	 i, k, base = 0;
	long	 j;

	for (i = 0; i < r->nf; i++) {
		for (k = 0; k < r->f[i].nb; k++) {
			struct jb_pos	 pos = { r->f[i].path, r->f[i].b[k].line, 1 };

			if ((j = block_pic(r->f[i].b[k].text.data ?
			    r->f[i].b[k].text.data : "", base,
			    r->f[i].docx.npics)) >= 0 && r->bad[j])
				msg(MSG_IMPORT_PIC_LOST, &pos, r->part[j],
				    "已损坏或超出大小");
		}
		base += r->f[i].docx.npics;
	}
}

/*
 * While the issue is parsed: a picture found corrupt at its line is
 * marked bad, not said (the import puts its placeholder and parses again).
 */
static int
pic_parse_filter(enum msgid id, const struct jb_pos *pos, void *arg)
{
	struct run	*r = arg;
	size_t		 j;

	if ((id != MSG_IMAGE_BAD && id != MSG_IMAGE_TOO_BIG &&
	    id != MSG_IMAGE_MISSING && id != MSG_IMAGE_OUTSIDE) || pos == NULL)
		return 1;
	for (j = 0; j < r->npics; j++)
		if (!r->bad[j] && r->pic_line[j] == pos->line) {
			r->bad[j] = 1;
			r->newly_bad = 1;
			unlink(r->pics[j]);
			return 0;
		}
	/* a picture a text names: its placeholder (put_text_lost()) */
	r->badline = xrealloc(r->badline, (r->nbad + 1) * sizeof(int));
	r->badwhy = xrealloc(r->badwhy, (r->nbad + 1) * sizeof(enum msgid));
	r->badline[r->nbad] = pos->line;
	r->badwhy[r->nbad++] = id;
	r->newly_bad = 1;
	return 0;
}

/* Said once already, in the first parse. */
static int
said_before(enum msgid id, const struct jb_pos *pos, void *arg)
{
	return id > MSG_ERROR;
}

/* Where a 报尾 would stand: the start of the text's last line. */
static struct jb_pos
tail_pos(const struct legacy *l)
{
	size_t	 i = l->n;

	while (i > 0 && *impline_skip_space(l->lines[i - 1]) == '\0')
		i--;
	if (i == 0)
		return (struct jb_pos){ l->path, 1, 1 };
	return imptext_line_pos(l, (int)i);
}

/* The masthead's warnings: what it said that the series prints otherwise. */
static void
masthead_notes(struct legacy *l)
{
	struct jb_pos	 pos;
	const struct jb_series *s = l->series;

	if (l->printed.year != 0 && l->date.year != 0 &&
	    (l->printed.year != l->date.year ||
	    l->printed.month != l->date.month || l->printed.day != l->date.day)) {
		char	*a = g_strdup_printf("%d年%d月%d日", l->printed.year,
		    l->printed.month, l->printed.day);
		char	*b = g_strdup_printf("%d年%d月%d日", l->date.year,
		    l->date.month, l->date.day);

		pos = (struct jb_pos){ l->path, l->printed_line, l->printed_col };
		msg(MSG_IMPORT_PRINT_DATE, &pos, a, b);
		g_free(a);
		g_free(b);
	}
	if (l->name != NULL && strcmp(l->name, s->name) != 0) {
		pos = imptext_line_pos(l, l->name_line);
		msg(MSG_IMPORT_NAME, &pos, l->name, s->name);
	}
	pos = tail_pos(l);
	if (!l->have_dist)
		msg(MSG_IMPORT_NO_DIST, &pos);
	if (l->roles.n == 0)
		msg(MSG_IMPORT_NO_CREDITS, &pos);
}

/*
 * 期号 and 日期: the options, else the masthead, else new's rule with a
 * warning.  Then the front matter and body into b.
 */
static int
new_issue(struct run *r, struct buf *b)
{
	struct legacy	*m = r->mast ? r->mast : &r->f[0];
	struct jb_date	 d = { 0, 0, 0 };
	struct fmw	*w;
	/* no masthead: where it would be; else the one that lacks them */
	struct jb_pos	 pos = r->mast ? imptext_line_pos(r->mast,
	    r->mast->mast_line) : (struct jb_pos){ r->f[0].path, 1, 1 };
	char		*p = NULL, iso[16];
	size_t		 n;
	FILE		*fp;
	int		 issue = 0, next, total = 0, guessed = 0, ok;

	if (r->o->date != NULL)
		fm_parse_date(r->o->date, &d);
	else if (r->mast != NULL && r->mast->date.year != 0)
		d = r->mast->date;
	else if (r->mast != NULL && r->mast->printed.year != 0)
		d = r->mast->printed;
	if (d.year == 0) {
		iss_today(&d);
		guessed |= 1;
	}
	if (r->o->number > 0)
		issue = r->o->number;
	else if (r->mast != NULL && r->mast->issue > 0)
		issue = r->mast->issue;
	if (issue == 0 || (r->mast == NULL && r->s->total_numbering)) {
		if (new_next(r->s, m->kind, &d, &next, &total, NULL) == -1)
			return -1;
		if (issue == 0) {
			issue = next;
			guessed |= 2;
		}
	}
	if (guessed) {
		char	*what;

		snprintf(iso, sizeof(iso), "%04d-%02d-%02d", d.year, d.month,
		    d.day);
		what = (guessed & 3) == 3 ? g_strdup_printf("期号 %d、日期 %s ",
		    issue, iso) : guessed & 1 ? g_strdup_printf("日期 %s ", iso) :
		    g_strdup_printf("期号 %d ", issue);
		msg(MSG_IMPORT_GUESSED, &pos, r->mast == NULL ? "报头" :
		    (guessed & 3) == 3 ? "期号和日期" : guessed & 1 ? "日期" :
		    "期号", what);
		g_free(what);
	}
	if (r->mast != NULL)
		masthead_notes(r->mast);
	/* a 合刊's range stands only as the masthead gave it */
	if (issue != m->issue)
		m->issue_last = issue;
	m->issue = issue;
	m->date = d;
	if (r->mast == NULL)
		m->total = m->total_last = total;
	if (r->o->output != NULL)
		r->path = xstrdup(r->o->output);
	else
		r->path = iss_path(d.year, m->kind ? m->kind->prefix : NULL, issue);
	if ((fp = open_memstream(&p, &n)) == NULL) {
		msg(MSG_WRITE, NULL, r->path, msg_strerror(errno));
		return -1;
	}
	w = fmw_new();
	front(m, r->s, w, r->lang);
	ok = fmw_write(w, fp, r->path) == 0;
	fmw_free(w);
	/* the memory stream's buffer is only valid once it is closed */
	if (fclose(fp) != 0)
		ok = 0;
	if (ok)
		buf_puts(b, p);
	free(p);
	return ok ? 0 : -1;
}

/* Undo the pictures written when the issue is not, and an images/
 * folder they made. */
static void
unwrite_pictures(struct run *r)
{
	char	*dir;
	size_t	 i;

	for (i = 0; i < r->npics; i++)
		if (r->pics[i] != NULL)
			unlink(r->pics[i]);
	if (r->npics > 0 && r->made_dir) {
		dir = g_path_get_dirname(r->pics[0]);
		rmdir(dir);
		g_free(dir);
	}
}

/* What the picture check said: kept to ourselves, the import goes on. */
static int
pic_unsaid(enum msgid id, const struct jb_pos *pos, void *arg)
{
	*(enum msgid *)arg = id;
	return 0;
}

/*
 * Write the pictures and read each one's header: one that is no PNG or
 * JPEG within the limits is taken away again and marked bad, so that its
 * placeholder stands in the text.  The pixels are decoded once, by the
 * parse of the issue (pic_parse_filter()).
 */
static int
write_pictures(struct run *r)
{
	enum img_kind	 kind;
	enum msgid	 said;
	struct buf	 b = { 0 };
	unsigned long	 w, h;
	size_t		 i, k, j = 0;

	if (r->npics > 0) {
		char	*dir = g_path_get_dirname(r->pics[0]);

		r->made_dir = !exists(dir);
		g_free(dir);
	}
	r->bad = xcalloc(r->npics + 1, 1);
	r->part = xcalloc(r->npics + 1, sizeof(char *));
	r->pic_line = xcalloc(r->npics + 1, sizeof(int));
	for (i = 0; i < r->nf; i++)
		for (k = 0; k < r->f[i].docx.npics; k++, j++) {
			r->part[j] = r->f[i].docx.pics[k].part;
			if (outfile_put(r->pics[j], r->f[i].docx.pics[k].data,
			    r->f[i].docx.pics[k].len) == -1) {
				r->npics = j + 1;
				return -1;
			}
			said = MSG__MAX;
			msg_set_filter(pic_unsaid, &said);
			if (img_read(r->pics[j], r->names[j], NULL, &b, &kind, &w,
			    &h) == -1 || said != MSG__MAX) {
				r->bad[j] = 1;
				unlink(r->pics[j]);
			}
			buf_free(&b);
			msg_set_filter(NULL, NULL);
		}
	/* no picture left: no images/ folder made for none */
	if (r->made_dir && r->npics > 0 && memchr(r->bad, 0, r->npics) == NULL) {
		char	*dir = g_path_get_dirname(r->pics[0]);

		rmdir(dir);
		g_free(dir);
	}
	return 0;
}

static void
legacy_free(struct legacy *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->lines[i]);
	free(l->lines);
	free(l->name);
	free(l->org);
	free(l->classification);
	for (i = 0; i < l->nb; i++)
		buf_free(&l->b[i].text);
	free(l->b);
	for (i = 0; i < l->nleft; i++)
		buf_free(&l->left[i].text);
	free(l->left);
	for (i = 0; i < JB_DIST__MAX; i++)
		imptext_strs_free(&l->dist[i]);
	imptext_strs_free(&l->roles);
	imptext_strs_free(&l->names);
	buf_free(&l->note);
	docxin_clear(&l->docx);
}

/*
 * File i of the run is refused alone, after its error: the others are
 * imported, and the command's status says one was not (imp_main()).
 */
static void
refuse(struct run *r, size_t i)
{
	legacy_free(&r->f[i]);
	memmove(&r->f[i], &r->f[i + 1], (r->nf - i - 1) * sizeof(*r->f));
	r->nf--;
}

int
imp_main(const struct imp_opts *o, int nfiles, char **files)
{
	struct run		 r;
	struct jb_doc		*d = NULL;
	struct src		*into = NULL;
	struct outfile		*out;
	struct buf		 text = { 0 };
	struct jb_date		 date;
	size_t			 i, front_len;
	int			 rc = 1, written = 0, refused = 0;

	memset(&r, 0, sizeof(r));
	r.o = o;
	if (o->date != NULL && fm_parse_date(o->date, &date) == -1) {
		msg(MSG_FM_DATE, NULL, o->date);
		return 2;
	}
	if ((r.s = series_load(o->series)) == NULL)
		return 2;
	r.f = xcalloc((size_t)nfiles + 1, sizeof(*r.f));
	for (i = 0; i < (size_t)nfiles; i++) {
		r.f[i].path = files[i];
		r.f[i].series = r.s;
		r.f[i].into = o->into != NULL;
	}
	r.nf = (size_t)nfiles;
	for (i = 0; i < r.nf; i++) {
		if (read_input(&r.f[i]) == -1) {
			refuse(&r, i--);
			refused = 1;
			continue;
		}
		if (r.f[i].docx.text.data == NULL)
			impweb_furniture(&r.f[i]);
		imptext_sections(&r.f[i]);
		if (r.f[i].nb == 0 && r.f[i].nleft == 0 && !r.f[i].has_mast) {
			/* nothing to import: no article, no masthead */
			msg(MSG_IMPORT_EMPTY, &(struct jb_pos){ r.f[i].path, 1, 1 });
			refuse(&r, i--);
			refused = 1;
			continue;
		}
		if (!r.f[i].has_mast)
			continue;
		if (r.mast == NULL && o->into == NULL)
			r.mast = &r.f[i];
		else {
			char	*what = g_strdup_printf("第%d期", r.f[i].issue);
			char	*why = o->into ? g_strdup_printf("期次信息保持 “%s” 原样",
			    o->into) : g_strdup("期次信息取自第一个有报头的文件");

			struct jb_pos	 pos = imptext_line_pos(&r.f[i],
			    r.f[i].mast_line);

			msg(MSG_IMPORT_MASTHEAD_AGAIN, &pos, what, why);
			g_free(what);
			g_free(why);
		}
	}
	if (r.nf == 0)
		goto out;
	if (o->into != NULL) {
		/* the issue's own text, byte for byte, with the articles after it */
		if ((into = src_read(o->into, DOC_MAX_BYTES)) == NULL)
			goto out;
		if ((d = doc_parse_src(into, r.s)) == NULL)
			goto out;
		r.lang = d->meta.lang;
		doc_free(d);
		d = NULL;
		r.path = xstrdup(o->into);
		if (infile_read(o->into, NULL, NULL, DOC_MAX_BYTES, &text) == -1)
			goto out;
		if (text.len > 0 && text.data[text.len - 1] != '\n')
			buf_puts(&text, "\n");
	} else
		r.lang = guess_lang(r.f, r.nf, r.s->lang);
	for (i = 0; i < r.nf; i++)
		fixup(&r.f[i], r.lang);
	if (o->into == NULL && new_issue(&r, &text) == -1)
		goto out;
	if (o->into == NULL && exists(r.path) && !o->force) {
		msg(MSG_OUT_EXISTS, NULL, r.path);
		goto out;
	}
	name_pictures(&r);
	if (write_pictures(&r) == -1)
		goto out;
	front_len = text.len;
	put_body(&r, &text);
	/* What the editor gets must build: parse it as build would.  A
	 * picture corrupt inside becomes its placeholder, and then again. */
	msg_set_filter(pic_parse_filter, &r);
	d = doc_parse(r.path, text.data, text.len, r.s);
	msg_set_filter(NULL, NULL);
	if (r.newly_bad) {
		doc_free(d);
		text.len = front_len;
		put_body(&r, &text);
		msg_set_filter(said_before, NULL);
		d = doc_parse(r.path, text.data, text.len, r.s);
		msg_set_filter(NULL, NULL);
	}
	if (d == NULL)
		goto out;
	say_lost(&r);
	if ((out = outfile_open(r.path)) == NULL)
		goto out;
	fwrite(text.data, 1, text.len, outfile_fp(out));
	if (outfile_commit(out) == -1)
		goto out;
	written = 1;
	impsum_outline(d, text.data);
	puts(r.path);
	rc = refused;
out:
	if (!written)
		unwrite_pictures(&r);
	doc_free(d);
	src_free(into);
	buf_free(&text);
	for (i = 0; i < r.nf; i++)
		legacy_free(&r.f[i]);
	free(r.f);
	for (i = 0; i < r.npics; i++) {
		free(r.pics[i]);
		free(r.names[i]);
	}
	free(r.pics);
	free(r.names);
	free(r.bad);
	free(r.part);
	free(r.pic_line);
	free(r.badline);
	free(r.badwhy);
	free(r.path);
	series_free(r.s);
	return rc;
}

/* The module's one exported symbol (import.h). */
const struct imp_table imp_table = {
#define IMPORT_ENTRY(name)	name,
	IMPORT_FUNCS(IMPORT_ENTRY)
#undef IMPORT_ENTRY
};
