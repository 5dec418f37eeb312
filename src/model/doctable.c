/* doctable.c -- GFM tables of an issue -> struct jb_table: 表题 captions, ragged rows, number cells. */
#include <stdint.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib.h>

#include "model/model_int.h"
#include "model/model.h"
#include "util/util.h"

int
dtab_is_table(cmark_node *n)
{
	return n != NULL && strcmp(cmark_node_get_type_string(n), "table") == 0;
}

/*
 * A 表题: 表, a number, a space (full-width or not), a title, as in
 * 表1　第三季度点位测评得分; short and not a sentence.  Gives the length
 * of the label 表1 and where the title starts, or returns 0.
 */
static int
caption_split(const char *t, size_t *labellen, const char **title)
{
	const char	*p = t + strlen("表"), *q;

	if (!g_str_has_prefix(t, "表") || g_utf8_strlen(t, -1) > 40)
		return 0;
	for (q = p; g_unichar_isdigit(g_utf8_get_char(q)); q = g_utf8_next_char(q))
		;
	if (q == p)
		return 0;
	*labellen = (size_t)(q - t);
	if (*q != ' ' && !g_str_has_prefix(q, "　"))
		return 0;
	while (*q == ' ' || g_str_has_prefix(q, "　"))
		q += *q == ' ' ? 1 : strlen("　");
	if (*q == '\0' || strstr(q, "。") != NULL || strstr(q, "！") != NULL ||
	    strstr(q, "？") != NULL || strstr(q, "；") != NULL)
		return 0;
	*title = q;
	return 1;
}

/* The 表题 paragraph n, if it is one: label and title in the arena. */
int
dtab_caption(struct conv *c, cmark_node *n, const char **label,
    const char **title)
{
	const char	*t, *ti;
	size_t		 ll;

	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH ||
	    dpara_images(n, NULL, 0) > 0)
		return 0;
	t = dtext_node_text(c, n);
	if (!caption_split(t, &ll, &ti))
		return 0;
	*label = arena_strndup(c->d->arena, t, ll);
	*title = ti;
	return 1;
}

/* Digits and . % , + - only, with at least one digit. */
static int
is_number(const char *t)
{
	int	 digits = 0;

	for (; *t; t++) {
		if (*t >= '0' && *t <= '9')
			digits = 1;
		else if (strchr(".%,+-", *t) == NULL)
			return 0;
	}
	return digits;
}

/*
 * How many cells row r of a table wrote in the source.  cmark-gfm pads
 * a short row with cells that have no position and drops the cells of a
 * long one, so the first are counted and the second read from the rest
 * of the row's line: cells there are separated by | not escaped with \,
 * and a | that closes the row adds none.  *pos becomes the first extra
 * cell, or the row itself.
 */
static int
row_cells(struct conv *c, cmark_node *r, struct jb_pos *pos)
{
	cmark_node	*cell, *last = NULL;
	const char	*line, *p, *end, *first;
	size_t		 len;
	int		 n = 0, padded = 0, blank = 1, ln;

	*pos = dtext_cpos(c, r);
	for (cell = cmark_node_first_child(r); cell != NULL;
	    cell = cmark_node_next(cell)) {
		if (cmark_node_get_start_column(cell) == 0)
			padded = 1;
		else
			n++, last = cell;
	}
	ln = cmark_node_get_start_line(r) + c->lineoff - 1;
	if (padded || last == NULL ||
	    (line = src_line(c->t, ln, &len)) == NULL ||
	    (size_t)cmark_node_get_end_column(last) >= len)
		return n;
	p = line + cmark_node_get_end_column(last);
	end = line + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == '|')
		p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	first = p;
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
			blank = 0;
		} else if (*p == '|') {
			n++;
			blank = 1;
		} else if (*p != ' ' && *p != '\t') {
			blank = 0;
		}
	}
	n += !blank;
	if (first < end)
		pos->col = src_col(c->t, ln, (int)(first - line) + 1);
	return n;
}

void
dtab_convert(struct conv *c, cmark_node *n, cmark_node *cap, struct vec *out)
{
	struct jb_block	*b;
	struct jb_table	*t;
	struct jb_cell	*cells;
	struct jb_pos	 pos = dtext_cpos(c, n), rpos;
	cmark_node	*row, *cell;
	uint8_t		*al;
	size_t		 ncols, nrows = 0, i, j;
	const char	*text;
	int		 got;

	t = arena_alloc(c->d->arena, sizeof(*t));
	memset(t, 0, sizeof(*t));
	t->seq = ++c->ntables;
	if (cap != NULL) {
		dtab_caption(c, cap, &t->label, &t->title);
		t->cappos = dtext_cpos(c, cap);
		t->name = arena_printf(c->d->arena, "%s　%s", t->label,
		    t->title);
	} else {
		t->name = arena_printf(c->d->arena, "第%d个表格", t->seq);
	}
	if (c->inside != NULL) {
		msg(MSG_TABLE_NESTED, &pos, t->name, c->inside);
		c->bad = 1;
		return;
	}
	ncols = cmark_gfm_extensions_get_table_columns(n);
	t->ncols = ncols;
	t->align = arena_alloc(c->d->arena, ncols * sizeof(*t->align));
	al = cmark_gfm_extensions_get_table_alignments(n);
	for (j = 0; j < ncols; j++)
		t->align[j] = al == NULL ? JB_ALIGN_NONE : al[j] == 'l' ?
		    JB_ALIGN_LEFT : al[j] == 'c' ? JB_ALIGN_CENTER :
		    al[j] == 'r' ? JB_ALIGN_RIGHT : JB_ALIGN_NONE;
	for (row = cmark_node_first_child(n); row != NULL;
	    row = cmark_node_next(row))
		nrows++;
	cells = arena_alloc(c->d->arena, nrows * ncols * sizeof(*cells));
	memset(cells, 0, nrows * ncols * sizeof(*cells));
	for (i = 0, row = cmark_node_first_child(n); row != NULL;
	    i++, row = cmark_node_next(row)) {
		if ((got = row_cells(c, row, &rpos)) != (int)ncols) {
			msg(MSG_TABLE_RAGGED, &rpos, t->name, got,
			    (int)ncols);
			c->bad = 1;
		}
		for (j = 0, cell = cmark_node_first_child(row);
		    cell != NULL && j < ncols; j++, cell = cmark_node_next(cell)) {
			struct jb_cell *ce = &cells[i * ncols + j];

			ce->pos = cmark_node_get_start_column(cell) ?
			    dtext_cpos(c, cell) : rpos;
			ce->runs = dtext_inlines(c, cell, &ce->nruns);
			text = dtext_runs_text(c->d, ce->runs, ce->nruns);
			ce->number = is_number(text);
		}
	}
	t->head = cells;
	t->body = cells + ncols;
	t->nrows = nrows - 1;
	for (i = 0; i < t->nrows * ncols && t->body[i].nruns == 0; i++)
		;
	if (t->nrows == 0 || i == t->nrows * ncols) {
		msg(t->nrows == 0 ? MSG_TABLE_EMPTY : MSG_TABLE_BLANK, &pos,
		    t->name);
		c->bad = 1;
	}
	b = vec_push(out);
	b->kind = JB_BLOCK_TABLE;
	b->pos = pos;
	b->table = t;
}
