/* imptext.c -- the shapes of a pasted text: masthead, 目录, footer (分送, 署名, 印数) and the sections between them. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "model/model.h"
#include "util/util.h"

#include "import/import_int.h"

static void
strs_add(struct strs *l, const char *s)
{
	l->v = xrealloc(l->v, (l->n + 2) * sizeof(char *));
	l->v[l->n++] = xstrdup(s);
	l->v[l->n] = NULL;
}

void
imptext_strs_free(struct strs *l)
{
	size_t	 i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* ---- text helpers ---- */

/* Digits at p (ASCII or full-width), skipping blanks first; -1 if none. */
static int
number(const char **pp)
{
	const char	*p = impline_skip_space(*pp);
	gunichar	 c;
	int		 v = -1;

	for (;; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c >= 0xFF10 && c <= 0xFF19)
			c = c - 0xFF10 + '0';
		if (c < '0' || c > '9' || v > 99999)
			break;
		v = (v < 0 ? 0 : v * 10) + (int)(c - '0');
	}
	if (v >= 0)
		*pp = impline_skip_space(p);
	return v;
}

/* p starts with word after blanks: advance past it. */
static int
word(const char **pp, const char *w)
{
	const char	*p = impline_skip_space(*pp);

	if (!g_str_has_prefix(p, w))
		return 0;
	*pp = p + strlen(w);
	return 1;
}

/*
 * The first date in s written 2019年8月30日 (blanks allowed, as PDF text
 * has them) or 2019-08-30: fills d and the span [*start, *end).
 */
static int
find_date(const char *s, struct jb_date *d, const char **start,
    const char **end)
{
	const char	*p, *q;
	int		 y, m, day;

	for (p = s; *p; p = g_utf8_next_char(p)) {
		if (*p < '0' || *p > '9' || (p > s && p[-1] >= '0' && p[-1] <= '9'))
			continue;
		q = p;
		if ((y = number(&q)) < 1900 || y > 2199)
			continue;
		if (word(&q, "年")) {
			if ((m = number(&q)) < 1 || m > 12 || !word(&q, "月") ||
			    (day = number(&q)) < 1 || day > 31 || !word(&q, "日"))
				continue;
		} else if (*q == '-' || *q == '.') {
			q++;
			if ((m = number(&q)) < 1 || m > 12 || (*q != '-' &&
			    *q != '.'))
				continue;
			q++;
			if ((day = number(&q)) < 1 || day > 31)
				continue;
		} else
			continue;
		d->year = y;
		d->month = m;
		d->day = day;
		*start = p;
		*end = q;
		return 0;
	}
	return -1;
}

/*
 * A number then 期 at *pp, or a 合刊's two numbers joined by a dash or 至
 * (7—8期): the first, *last set to the second (or the first); 0 if none.
 */
static int
numbers_then_issue(const char **pp, int *last)
{
	static const char *const dash[] = { "-", "–", "—", "－", "～", "~", "至",
	    NULL };
	const char	*q = *pp;
	size_t		 i;
	int		 n, m;

	if ((n = number(&q)) <= 0)
		return 0;
	*last = n;
	for (i = 0; dash[i] != NULL; i++)
		if (word(&q, dash[i])) {
			word(&q, "第");
			if ((m = number(&q)) <= n)
				return 0;
			*last = m;
			break;
		}
	if (!word(&q, "期"))
		return 0;
	*pp = q;
	return n;
}

/* 第13期 (not 总第86期), 第7—8期: the number, or 0. */
static int
find_issue(const char *s, int *last)
{
	const char	*p = s, *q;
	int		 n;

	while ((p = strstr(p, "第")) != NULL) {
		q = p + strlen("第");
		if ((p - s < 3 || (strncmp(p - 3, "总", 3) != 0 &&
		    strncmp(p - 3, "總", 3) != 0)) &&
		    (n = numbers_then_issue(&q, last)) > 0)
			return n;
		p = q;
	}
	return 0;
}

static int
find_total(const char *s, int *last)
{
	const char	*p;

	if ((p = strstr(s, "总第")) == NULL && (p = strstr(s, "總第")) == NULL)
		return 0;
	p += strlen("总第");
	return numbers_then_issue(&p, last);
}

/* A line that only names a kind of the series: 增刊, 增　刊, （增刊）. */
static const struct jb_kind *
kind_line(const struct legacy *l, const char *t)
{
	const struct jb_kind	*k;
	GString			*b = g_string_new(NULL);
	const char		*p;
	gunichar		 c;

	for (p = t; *p; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c != ' ' && c != 0x3000 && c != '(' && c != ')' &&
		    c != 0xFF08 && c != 0xFF09)
			g_string_append_unichar(b, c);
	}
	k = series_kind(l->series, b->str);
	g_string_free(b, TRUE);
	return k;
}

/* An opening or closing bracket around a masthead's numbers: ( （ 〔 [ 【. */
static int
bracket(const char **pp, int open)
{
	static const char *const o[] = { "(", "（", "〔", "[", "【", NULL };
	static const char *const c[] = { ")", "）", "〕", "]", "】", NULL };
	const char *const *v = open ? o : c;
	size_t		 i;

	for (i = 0; v[i] != NULL; i++)
		if (word(pp, v[i]))
			return 1;
	return 0;
}

/*
 * The numbers of a masthead line: the first 第N期 or 总第N期 and those
 * right after it, each maybe in brackets.  Sets [*from, *end) and
 * returns 1, or 0 when t has none.
 */
static int
numbers_span(const char *t, const char **from, const char **end)
{
	const char	*p, *q, *a;
	int		 last, n = 0;

	for (p = t; (p = strstr(p, "第")) != NULL; p += strlen("第")) {
		q = p + strlen("第");
		if (numbers_then_issue(&q, &last) > 0)
			break;
	}
	if (p == NULL)
		return 0;
	if (p - t >= 3 && (strncmp(p - 3, "总", 3) == 0 || strncmp(p - 3, "總", 3) == 0))
		p -= 3;
	for (*from = p; *from > t; *from = a) {
		a = g_utf8_prev_char(*from);
		q = a;
		if (!bracket(&q, 1) || q != *from)
			break;
	}
	for (p = *from;; n++) {
		q = impline_skip_space(p);
		bracket(&q, 1);
		if (!word(&q, "总第") && !word(&q, "總第") && !word(&q, "第"))
			break;
		if (numbers_then_issue(&q, &last) <= 0)
			return 0;
		bracket(&q, 0);
		p = q;
	}
	*end = impline_skip_space(p);
	return n > 0;
}

/*
 * A masthead on one line, as a paste of a back issue has it: an organ
 * (青禾县文明办编), its numbers (第1期, 总第7期, each maybe in brackets)
 * and a date, nothing else, no sentence mark; *org_end set to where the
 * organ ends.  第3期培训班 is no masthead: the numbers stand apart.
 */
static int
one_line(const char *t, const char **org_end)
{
	const char	*from, *p, *a, *b;
	struct jb_date	 d;

	if (strstr(t, "，") || strstr(t, "。") || strstr(t, "；") ||
	    strstr(t, "：") || strchr(t, ':') || g_utf8_strlen(t, -1) > 60 ||
	    !numbers_span(t, &from, &p))
		return 0;
	if (find_date(p, &d, &a, &b) == 0 && a == p)
		p = impline_skip_space(b);
	if (*p != '\0' || g_utf8_strlen(t, from - t) > 20)
		return 0;
	if (org_end != NULL)
		*org_end = from;
	return 1;
}

/* The 编印单位 a masthead names before its numbers: 青禾县文明办编 is
 * 青禾县文明办 (编, 编印, 主办 say what it did). */
static char *
organ(const char *t, size_t n)
{
	static const char *const did[] = { "编印", "主办", "编发", "主编", "编",
	    NULL };
	char	*o = impline_trimn(t, n), *y;
	size_t	 i, k, len;

	/* 2024年第3期: the year is the issue's, no organ's */
	if (g_str_has_suffix(o, "年")) {
		for (y = o + strlen(o) - strlen("年"); y > o && g_ascii_isdigit(y[-1]); y--)
			;
		if (o + strlen(o) - y >= 4 + (long)strlen("年")) {
			*y = '\0';
			y = impline_trim(o);
			free(o);
			o = y;
		}
	}
	len = strlen(o);
	for (i = 0; did[i] != NULL; i++) {
		k = strlen(did[i]);
		if (len > k + 6 && strcmp(o + len - k, did[i]) == 0) {
			o[len - k] = '\0';
			break;
		}
	}
	return o;
}

/* ---- masthead ---- */

struct jb_pos
imptext_line_pos(const struct legacy *l, int line)
{
	struct jb_pos	 pos;
	const char	*s = l->lines[line - 1];

	pos.file = l->path;
	pos.line = line;
	pos.col = impline_col_of(s, impline_skip_space(s));
	return pos;
}

/* Text with no place in the issue stays, as a paragraph after the body. */
static void
unmapped(struct legacy *l, int line, const char *what)
{
	struct jb_pos	 pos = imptext_line_pos(l, line);
	struct iblock	*b;

	msg(MSG_IMPORT_UNMAPPED, &pos, what, "作为段落保留在正文末尾，请核对");
	l->left = xrealloc(l->left, (l->nleft + 1) * sizeof(*b));
	b = &l->left[l->nleft++];
	memset(b, 0, sizeof(*b));
	b->kind = I_PARA;
	b->line = b->last = line;
	b->kept = 1;
	buf_puts(&b->text, what);
}

/* A masthead or footer line that went into front matter. */
static void
moved(const struct legacy *l, int line, const char *part)
{
	struct jb_pos	 pos = imptext_line_pos(l, line);
	char		*t = impline_trim(l->lines[line - 1]);

	msg(MSG_IMPORT_MOVED, &pos, part, t, l->into ?
	    "未用（追加到已有的一期，期次信息保持原样）" : "已写入期次信息");
	free(t);
}

static void
masthead_line(struct legacy *l, const char *t, int ln)
{
	const char	*a, *b, *oe;
	struct jb_date	 d;
	char		*org;
	int		 n, used = 0;

	/* 编者按：… and the paragraphs after it, up to the body */
	if (g_str_has_prefix(t, "编者按：") || g_str_has_prefix(t, "编者按:") || g_str_has_prefix(t, "編者按：") ||
	    g_str_has_prefix(t, "編者按:")) {
		l->in_note = 1;
		t += strlen("编者按");
		t = impline_skip_space(g_str_has_prefix(t, "：") ? t + strlen("：") : t + 1);
	}
	if (l->in_note) {
		if (l->note.len > 0)
			buf_puts(&l->note, "\n\n");
		buf_puts(&l->note, t);
		moved(l, ln, "编者按");
		return;
	}
	if (g_str_has_prefix(t, "#")) {
		/* a heading names the bulletin, unless it holds a number
		 * or a date (a Word file's masthead lines read as headings) */
		t = impline_skip_space(t + strspn(t, "#"));
		if (find_issue(t, &n) == 0 && find_total(t, &n) == 0 &&
		    find_date(t, &d, &a, &b) == -1) {
			free(l->name);
			l->name = impline_trim(t);
			l->name_line = ln;
			moved(l, ln, "报头");
			return;
		}
	}
	if (l->kind == NULL && (l->kind = kind_line(l, t)) != NULL) {
		moved(l, ln, "报头");
		return;
	}
	/* 青禾县文明办编 第1期（总第7期） 2004年3月19日 */
	if (one_line(t, &oe)) {
		if ((n = find_total(t, &l->total_last)) > 0)
			l->total = n;
		if ((n = find_issue(t, &l->issue_last)) > 0)
			l->issue = n;
		if (find_date(oe, &d, &a, &b) == 0)
			l->date = d;
		org = organ(t, (size_t)(oe - t));
		if (*org != '\0' && strcmp(org, l->series->name) == 0 &&
		    l->name == NULL) {
			l->name = org;	/* 创建工作动态 第3期 …: the 刊名 */
			l->name_line = ln;
		} else if (*org != '\0' && l->org == NULL)
			l->org = org;
		else
			free(org);
		moved(l, ln, "报头");
		return;
	}
	if ((n = find_total(t, &l->total_last)) > 0) {
		l->total = n;
		used = 1;
	}
	if ((n = find_issue(t, &l->issue_last)) > 0) {
		l->issue = n;
		used = 1;
	}
	if (find_date(t, &d, &a, &b) == 0) {
		l->date = d;
		/* 编印单位 and date on one line */
		org = impline_trimn(t, (size_t)(a - t));
		if (*org != '\0' && l->org == NULL)
			l->org = org;
		else
			free(org);
		moved(l, ln, "报头");
		return;
	}
	if (used) {
		moved(l, ln, "报头");
		return;
	}
	if (strstr(t, "内部") != NULL || strstr(t, "注意保存") != NULL ||
	    strstr(t, "秘密") != NULL || strstr(t, "机密") != NULL) {
		free(l->classification);
		l->classification = xstrdup(t);
		moved(l, ln, "报头");
	} else if (l->name == NULL && l->org == NULL && l->issue == 0) {
		l->name = xstrdup(t);
		l->name_line = ln;
		moved(l, ln, "报头");
	} else if (l->org == NULL && strstr(t, "：") == NULL &&
	    strchr(t, ':') == NULL) {
		l->org = xstrdup(t);	/* 电话：… and the like are no 编印单位 */
		moved(l, ln, "报头");
	} else
		unmapped(l, ln, t);
}

/* ---- footer ---- */

static int
dist_label(const char *t, size_t *len)
{
	static const struct {
		const char	*label;
		int		 k;
	} tab[] = {
		{ "抄报", JB_DIST_BAO }, { "报送", JB_DIST_BAO },
		{ "主送", JB_DIST_BAO }, { "报", JB_DIST_BAO }, { "報", JB_DIST_BAO },
		{ "抄送", JB_DIST_SONG }, { "分送", JB_DIST_SONG },
		{ "送", JB_DIST_SONG }, { "发", JB_DIST_FA }, { "發", JB_DIST_FA },
	};
	size_t	 i, n;

	for (i = 0; i < G_N_ELEMENTS(tab); i++) {
		n = strlen(tab[i].label);
		if (strncmp(t, tab[i].label, n) != 0)
			continue;
		if (g_str_has_prefix(t + n, "：")) {
			*len = n + strlen("：");
			return tab[i].k;
		}
		if (t[n] == ':') {
			*len = n + 1;
			return tab[i].k;
		}
	}
	return -1;
}

/* Split a distribution text at commas outside brackets and quotes. */
static void
dist_items(struct strs *out, const char *s)
{
	const char	*p, *from = s;
	gunichar	 c;
	int		 depth = 0;
	char		*item;

	for (p = s;; p = g_utf8_next_char(p)) {
		c = g_utf8_get_char(p);
		if (c == 0xFF08 || c == '(' || c == 0x201C || c == 0x300A)
			depth++;
		else if ((c == 0xFF09 || c == ')' || c == 0x201D || c == 0x300B) &&
		    depth > 0)
			depth--;
		if (c != 0 && (depth > 0 || (c != 0xFF0C && c != ',' &&
		    c != 0xFF1B && c != ';')))
			continue;
		item = impline_trimn(from, (size_t)(p - from));
		if (g_str_has_suffix(item, "。"))
			item[strlen(item) - strlen("。")] = '\0';
		if (*item != '\0')
			strs_add(out, item);
		free(item);
		if (c == 0)
			break;
		from = g_utf8_next_char(p);
	}
}

/* The kind of the last distribution dist_lines() read, for a list going
 * on in the next line. */
static int	 dist_last;

/*
 * 报：… 送：… 发：… on one line (a 报尾 set in one table cell): each
 * label's list apart.  t starts with label k, n bytes long.
 */
static void
dist_lines(struct legacy *l, const char *t, int k, size_t n)
{
	const char	*p, *next;
	char		*part;
	size_t		 m = 0;
	int		 kk = -1;

	for (;;) {
		/* the next label after a blank */
		for (next = NULL, p = t + n; *p; p++)
			if (*p == ' ' && (kk = dist_label(impline_skip_space(p), &m)) >= 0) {
				next = p;
				break;
			}
		part = xstrndup(t + n, next ? (size_t)(next - t - n) : strlen(t + n));
		dist_items(&l->dist[k], part);
		free(part);
		dist_last = k;
		if (next == NULL)
			break;
		t = impline_skip_space(next);
		k = kk;
		n = m;
	}
}

static const char *const roles[] = {
	"责任编辑", "审核", "审稿", "核稿", "校对", "编辑", "签发", "主编",
	"撰稿", "排版", "供稿", NULL
};

/* The role starting at p with its colon: its length, or 0. */
static size_t
role_at(const char *p, const char **role)
{
	size_t	 i, n;

	for (i = 0; roles[i] != NULL; i++) {
		n = strlen(roles[i]);
		if (strncmp(p, roles[i], n) != 0)
			continue;
		*role = roles[i];
		if (g_str_has_prefix(p + n, "："))
			return n + strlen("：");
		if (p[n] == ':')
			return n + 1;
	}
	return 0;
}

/* 审核：徐仁龙 校对：陈江红 编辑：罗小旭 -- 1 if t is such a line. */
static int
credits_line(struct legacy *l, const char *t)
{
	const char	*p, *role = NULL, *cur = NULL, *from = NULL;
	size_t		 k;
	char		*name;

	if (role_at(t, &role) == 0)
		return 0;
	for (p = t;; p = *p ? g_utf8_next_char(p) : p) {
		k = *p ? role_at(p, &role) : 1;
		if (k == 0)
			continue;
		if (cur != NULL) {
			name = impline_trimn(from, (size_t)(p - from));
			strs_add(&l->roles, cur);
			strs_add(&l->names, name);
			free(name);
		}
		if (*p == '\0')
			break;
		cur = role;
		from = p + k;
		p += k - 1;
	}
	return 1;
}

/* 共印30份: 1 if t is such a line. */
static int
copies_line(struct legacy *l, const char *t)
{
	const char	*p = strstr(t, "共印");
	int		 n;

	if (p == NULL)
		return 0;
	p += strlen("共印");
	if ((n = number(&p)) <= 0 || !word(&p, "份"))
		return 0;
	l->copies = n;
	return 1;
}

static int
footer_start(const char *t)
{
	size_t		 n;
	const char	*role;

	return dist_label(t, &n) >= 0 || role_at(t, &role) > 0 ||
	    strstr(t, "印发") != NULL || strstr(t, "印發") != NULL;
}

static void
footer(struct legacy *l, size_t from, size_t to)
{
	struct jb_date	 d;
	const char	*a, *b;
	char		*t, *org;
	size_t		 i, n;
	int		 cont = -1, k;

	for (i = from; i < to; i++) {
		t = impline_trim(l->lines[i]);
		if (*t == '\0' || mdl_thematic(t, strlen(t))) {
			cont = -1;
			goto next;
		}
		if ((k = dist_label(t, &n)) >= 0) {
			dist_lines(l, t, k, n);
			l->have_dist = 1;
			cont = dist_last;
			moved(l, (int)i + 1, "报尾");
		} else if (credits_line(l, t) || copies_line(l, t)) {
			cont = -1;
			moved(l, (int)i + 1, "报尾");
		} else if ((strstr(t, "印发") != NULL || strstr(t, "印發") != NULL) &&
		    find_date(t, &d, &a, &b) == 0) {
			l->printed = d;
			l->printed_line = (int)i + 1;
			l->printed_col = impline_col_of(l->lines[i], strstr(l->lines[i],
			    t) + (a - t));
			org = impline_trimn(t, (size_t)(a - t));
			if (*org != '\0' && l->org != NULL &&
			    strcmp(org, l->org) != 0)
				unmapped(l, (int)i + 1, org);
			else
				moved(l, (int)i + 1, "报尾");
			free(org);
			cont = -1;
		} else if (cont >= 0) {
			/* a distribution list goes on on the next line */
			dist_items(&l->dist[cont], t);
			moved(l, (int)i + 1, "报尾");
		} else if ((l->org == NULL || strcmp(t, l->org) != 0) &&
		    (i + 1 >= to || find_date(l->lines[i + 1], &d, &a, &b) != 0 ||
		    strstr(l->lines[i + 1], "印发") == NULL))
			unmapped(l, (int)i + 1, t);
		else	/* 编印单位 alone above its 印发 line */
			moved(l, (int)i + 1, "报尾");
next:
		free(t);
	}
}

/* The 编印单位 alone on a line: short, no sentence, named as an office
 * is (…办, …局, …委, …部, …编印).  A title seldom ends so. */
static int
organ_like(const char *t)
{
	static const char *const end[] = { "办", "办公室", "局", "委", "委员会",
	    "部", "编", "编印", "主办", NULL };
	size_t	 i;

	if (g_utf8_strlen(t, -1) > 20 || strstr(t, "，") || strstr(t, "。") ||
	    strstr(t, "：") || strchr(t, ':'))
		return 0;
	for (i = 0; end[i] != NULL; i++)
		if (g_str_has_suffix(t, end[i]))
			return 1;
	return 0;
}

/*
 * A masthead line: 第N期 with little else (not 第3期培训班 in a sentence),
 * or the series name.
 */
static int
masthead_mark(const struct legacy *l, const char *t)
{
	const char	*name = g_str_has_prefix(t, "#") ? impline_skip_space(t + strspn(t, "#")) : t;
	const char	*from, *after, *a, *b;
	struct jb_date	 d;

	if (strcmp(name, l->series->name) == 0)
		return 1;
	/* the numbers stand apart, followed by nothing, a date or the
	 * organ: 第3期青年干部培训班, 关于印发第3期（总第12期）简报的通知
	 * are titles */
	return (g_utf8_strlen(t, -1) <= 24 && strstr(t, "，") == NULL &&
	    strstr(t, "。") == NULL && numbers_span(t, &from, &after) &&
	    (*after == '\0' || find_date(after, &d, &a, &b) == 0 ||
	    organ_like(after))) || one_line(t, NULL);
}

/*
 * A line a masthead may hold once its date is read: numbers, a date, a
 * 密级, a 增刊, a 编者按, a 目录, a "电话：…" line, the 编印单位 when
 * none was read.  Any other line after the date (the date closes a
 * masthead) starts the body: a pasted back issue has no # heading or
 * rule to say so.
 */
static int
masthead_more(const struct legacy *l, const char *t)
{
	const char	*a, *b, *colon;
	struct jb_date	 d;
	int		 n;

	colon = strstr(t, "：") ? strstr(t, "：") : strchr(t, ':');
	return masthead_mark(l, t) || (l->org == NULL && organ_like(t)) ||
	    find_issue(t, &n) > 0 || find_total(t, &n) > 0 ||
	    find_date(t, &d, &a, &b) == 0 || strstr(t, "内部") != NULL || strstr(t, "注意保存") != NULL ||
	    strstr(t, "秘密") != NULL || strstr(t, "机密") != NULL ||
	    kind_line(l, t) != NULL || imptoc_line(t) ||
	    (colon != NULL && g_utf8_strlen(t, colon - t) <= 6);
}

/* The cells of a pipe-table row, unescaped, one blank apart; NULL for
 * the delimiter row. */
static char *
row_text(const char *t)
{
	struct buf	 b = { 0 };
	const char	*p;
	char		*cell, *r;
	int		 delim = 1;

	for (p = t; *p; p++)
		if (*p != '|' && *p != '-' && *p != ':' && *p != ' ')
			delim = 0;
	if (delim)
		return NULL;
	buf_put(&b, "", 0);
	for (p = t; *p == '|'; p++)
		;
	while (*p) {
		const char	*q = p;

		while (*q && !(*q == '|' && q[-1] != '\\'))
			q++;
		cell = impline_trimn(p, (size_t)(q - p));
		if (*cell != '\0') {
			if (b.len > 0)
				buf_puts(&b, " ");
			for (r = cell; *r; r++)
				if (!(*r == '\\' && r[1] == '|'))
					buf_put(&b, r, 1);
		}
		free(cell);
		p = *q ? q + 1 : q;
	}
	return b.data;
}

/*
 * A 报尾 set as a table (Word 公文 templates, jianbao's own Word edition):
 * its rows back to lines, so that the footer reads them.
 */
static void
untable_footer(struct legacy *l, size_t from)
{
	size_t	 i, j, k;
	char	*t;
	int	 foot;

	for (i = from; i < l->n; i = j) {
		for (j = i; j < l->n && g_str_has_prefix(impline_skip_space(l->lines[j]), "|"); j++)
			;
		if (j == i) {
			j++;
			continue;
		}
		for (foot = 0, k = i; k < j && !foot; k++) {
			t = row_text(impline_skip_space(l->lines[k]));
			foot = t != NULL && footer_start(t);
			free(t);
		}
		for (k = i; foot && k < j; k++) {
			t = row_text(impline_skip_space(l->lines[k]));
			free(l->lines[k]);
			l->lines[k] = t ? t : xstrdup("");
		}
	}
}

/* Sort the lines into masthead, 目录, body and footer. */
void
imptext_sections(struct legacy *l)
{
	enum section	 st = S_MAST;
	const char	*t;
	size_t		 i, body_from = l->n, foot_from = l->n, seen = 0, toc_from = 0;
	size_t		 toc_start = l->n;
	int		 toc_item = 0;
	char		*tocl = xcalloc(l->n + 1, 1);

	/* Submitted articles have no masthead: all of it is body. */
	for (i = 0; i < l->n && seen < 12; i++) {
		t = impline_skip_space(l->lines[i]);
		if (*t == '\0')
			continue;
		/* a Word file's masthead reads as a heading, by its size */
		if ((g_str_has_prefix(t, "## ") || g_str_has_prefix(t, "### ")) && !masthead_mark(l, t))
			break;
		if (seen++ == 0)
			l->mast_line = (int)i + 1;
		if (masthead_mark(l, t)) {
			l->has_mast = 1;
			break;
		}
	}
	if (!l->has_mast) {
		body_from = 0;
		imptoc_alone(l, tocl);
	}
	for (i = 0; l->has_mast && i < l->n && st != S_BODY; i++) {
		t = impline_skip_space(l->lines[i]);
		if (*t == '\0') {
			toc_item = 0;
			continue;
		}
		if ((g_str_has_prefix(t, "## ") || g_str_has_prefix(t, "### ")) && !masthead_mark(l, t)) {
			body_from = i;
			break;
		}
		if (mdl_thematic(t, strlen(t))) {
			if (st == S_TOC) {
				body_from = i + 1;
				break;
			}
			st = S_TOC;
			continue;
		}
		if (imptoc_line(t)) {
			if (st != S_TOC)
				toc_from = i + 1;
			st = S_TOC;
			toc_item = 1;
			if (toc_start == l->n)
				toc_start = i;
			imptoc_said(l, tocl, i, t);
			continue;
		}
		if (st == S_TOC && imptoc_repeats(l, toc_from, i, t)) {
			/* the first title again: text with no blank lines
			 * (copied from a PDF) starts its body here */
			body_from = i;
			break;
		}
		if (st == S_TOC) {
			if (toc_item) {
				/* an item running on */
				imptoc_said(l, tocl, i, t);
				continue;
			}
			body_from = i;	/* a kicker before the first title */
			break;
		}
		if (l->date.year != 0 && !l->in_note && !masthead_more(l, t)) {
			body_from = i;
			break;
		}
		masthead_line(l, t, (int)i + 1);
	}
	/* the 目录 goes with the body, as comments before its first title */
	if (toc_start < body_from)
		body_from = toc_start;
	/* a pasted back issue: its body alone says how its lines run */
	if (l->has_mast && body_from < l->n)
		impline_linemode(l, body_from);
	imptoc_keep(l, tocl);
	free(tocl);
	untable_footer(l, body_from);
	/* only a whole back issue, with its masthead, has a 报尾: a
	 * submission's 印发 or 编辑： is its own text */
	for (i = body_from; l->has_mast && i < l->n; i++)
		if (footer_start(impline_skip_space(l->lines[i])) &&
		    !g_str_has_prefix(impline_skip_space(l->lines[i]), "#")) {
			foot_from = i;
			break;
		}
	impbody_body(l, body_from, foot_from);
	footer(l, foot_from, l->n);
}
