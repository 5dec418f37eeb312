/* shape.c -- a paragraph's characters: break classes, advances from Pango or fixed metrics, widths as set with marks compressed. */
#include <math.h>
#include <string.h>

#include <pango/pango.h>

#include "model/model.h"
#include "print/fonts_int.h"
#include "print/layout_int.h"
#include "util/util.h"

/* ---- paragraphs ---- */

void
shape_init(struct para *p, const struct jb_pos *pos)
{
	memset(p, 0, sizeof(*p));
	p->pos = pos;
	buf_puts(&p->text, "");
}

void
shape_clear(struct para *p)
{
	size_t	 i;

	for (i = 0; i < p->nitems; i++) {
		pango_item_free(p->items[i]);
		pango_glyph_string_free(p->glyphs[i]);
	}
	free(p->items);
	free(p->glyphs);
	free(p->ch);
	free(p->spans);
	buf_free(&p->text);
}

void
shape_span(struct para *p, const char *s, size_t n, enum jb_role role,
    double size, unsigned color, int bold)
{
	struct span	*sp;

	if (n == 0)
		return;
	if (p->nspans == p->capspans) {
		p->capspans = p->capspans ? 2 * p->capspans : 8;
		p->spans = xrealloc(p->spans, p->capspans * sizeof(*sp));
	}
	sp = &p->spans[p->nspans++];
	sp->off = p->text.len;
	sp->len = n;
	sp->role = role;
	sp->size = size;
	sp->color = color;
	sp->bold = bold;
	buf_put(&p->text, s, n);
}

/*
 * Append text in a role.  Latin letters and digits go to the digits role
 * (Times-like) unless keep is set, so a Han face never sets them and a
 * Latin face never sets Chinese marks.
 */
void
shape_add(struct para *p, const char *s, enum jb_role role, double size,
    unsigned color, int bold, int keep)
{
	const char	*q, *start;
	int		 ascii;

	if (s == NULL)
		return;
	if (keep || role == JB_ROLE_DIGITS) {
		shape_span(p, s, strlen(s), role, size, color, bold);
		return;
	}
	for (start = q = s; *q != '\0';) {
		ascii = (unsigned char)*q >= 0x20 && (unsigned char)*q < 0x7f;
		while (*q != '\0' && ascii == ((unsigned char)*q >= 0x20 &&
		    (unsigned char)*q < 0x7f))
			q++;
		shape_span(p, start, q - start, ascii ? JB_ROLE_DIGITS : role,
		    size, color, ascii ? 0 : bold);
		start = q;
	}
}

static int
span_at(const struct para *p, size_t off)
{
	size_t	 lo = 0, hi = p->nspans;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (p->spans[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo;
}

/* Report c, which no configured font covers, where it stands in the source. */
static void
glyph_missing(struct lb *lb, const struct para *p, const struct pch *c)
{
	struct jb_pos	 pos = *p->pos;
	char		 u[8];

	if (p->src0 != NOSRC && c->off >= p->src0)
		pos = dtext_locate(lb->d, p->pos, p->text.data + p->src0,
		    c->off - p->src0);
	u[g_unichar_to_utf8(c->c, u)] = '\0';
	msg(MSG_GLYPH_MISSING, &pos, u, (unsigned)c->c);
	lb->failed = 1;
}

/* Compressible blanks of a full-width mark from its ink (Pango) or its class (fixed). */
static void
set_blanks(struct pch *ch, PangoFont *font, PangoGlyph g)
{
	double		 l, r;

	ch->cl = ch->cr = 0;
	if (!ch->mark || zh_pairmark(ch->c) || ch->adv < 0.8 * ch->em)
		return;
	if (font != NULL) {
		PangoRectangle ink;

		pango_font_get_glyph_extents(font, g, &ink, NULL);
		l = (double)ink.x / PANGO_SCALE;
		r = ch->adv - (double)(ink.x + ink.width) / PANGO_SCALE;
	} else {
		l = zh_no_end(ch->c) ? ch->em / 2 : 0;
		r = zh_no_start(ch->c) ? ch->em / 2 : 0;
		if (zh_interpunct(ch->c))
			l = r = ch->em / 2;
	}
	if (l >= 0.25 * ch->em && r >= 0.25 * ch->em) {
		/* centred: ·, and marks of Traditional fonts */
		ch->cl = ch->cr = ch->adv / 4;
	} else if (r >= 0.4 * ch->em)
		ch->cr = fmin(r, ch->adv / 2);
	else if (l >= 0.4 * ch->em)
		ch->cl = fmin(l, ch->adv / 2);
}

/* Split the text into characters and tailor Pango's break opportunities. */
static void
para_chars(struct lb *lb, struct para *p)
{
	PangoLogAttr	*la;
	const char	*t = p->text.data, *q;
	size_t		 n, i;

	n = g_utf8_strlen(t, p->text.len);
	p->ch = xcalloc(n + 1, sizeof(*p->ch));
	p->nch = n;
	for (q = t, i = 0; i < n; i++, q = g_utf8_next_char(q)) {
		struct pch *c = &p->ch[i];

		c->off = q - t;
		c->len = g_utf8_next_char(q) - q;
		c->c = g_utf8_get_char(q);
		c->item = -1;
		c->span = span_at(p, c->off);
		c->em = p->spans[c->span].size;
		c->mark = zh_punct(c->c);
	}
	la = xcalloc(n + 1, sizeof(*la));
	pango_get_log_attrs(t, p->text.len, -1,
	    pango_language_from_string(lb->fs ? font_lang(lb->fs) : "zh-cn"),
	    la, n + 1);
	for (i = 1; i < n; i++) {
		gunichar c = p->ch[i].c, pc = p->ch[i - 1].c;
		int b = zh_tailor_break(pc, c, la[i].is_line_break);

		if (!la[i].is_cursor_position)
			b = 0;
		if (pc == '\n')
			b = 1;
		p->ch[i].brk = b;
	}
	free(la);
}

/* Fixed metrics: Han and full-width marks 1 em, the rest ½ em. */
static void
shape_fixed(struct para *p)
{
	size_t	 i;

	for (i = 0; i < p->nch; i++) {
		struct pch *c = &p->ch[i];

		if (c->c == '\n')
			c->adv = 0;
		else if (zh_interpunct(c->c))
			c->adv = c->em;
		else
			c->adv = g_unichar_iswide(c->c) ||
			    (g_unichar_iswide_cjk(c->c) && c->c > 0x2000) ?
			    c->em : c->em / 2;
		set_blanks(c, NULL, 0);
	}
}

/*
 * Itemize and shape the paragraph once; check every face Pango chose.
 * Returns whether it reported a character no configured font covers.
 */
static int
shape_pango(struct lb *lb, struct para *p)
{
	PangoAttrList	*attrs;
	GList		*items, *l;
	int		*byoff, missing = 0;
	size_t		 i, k;

	attrs = pango_attr_list_new();
	for (i = 0; i < p->nspans; i++) {
		const struct span *sp = &p->spans[i];
		PangoFontDescription *fd = pango_font_description_new();
		PangoAttribute *at;

		pango_font_description_set_family(fd,
		    font_families(lb->fs, sp->role));
		pango_font_description_set_absolute_size(fd,
		    sp->size * PANGO_SCALE);
		if (sp->bold || font_bold(lb->fs, sp->role))
			pango_font_description_set_weight(fd,
			    PANGO_WEIGHT_BOLD);
		at = pango_attr_font_desc_new(fd);
		at->start_index = sp->off;
		at->end_index = sp->off + sp->len;
		pango_attr_list_insert(attrs, at);
		pango_font_description_free(fd);
	}
	/* Noto sets —— and …… as proportional dashes without fwid. */
	for (i = 0; i < p->nch; i++)
		if (zh_pairmark(p->ch[i].c)) {
			PangoAttribute *at = pango_attr_font_features_new(
			    "fwid");
			at->start_index = p->ch[i].off;
			at->end_index = p->ch[i].off + p->ch[i].len;
			pango_attr_list_insert(attrs, at);
		}
	items = pango_itemize(lb->ctx, p->text.data, 0, p->text.len, attrs,
	    NULL);
	pango_attr_list_unref(attrs);

	byoff = xmalloc((p->text.len + 1) * sizeof(*byoff));
	for (i = 0; i < p->nch; i++)
		byoff[p->ch[i].off] = (int)i;
	p->nitems = g_list_length(items);
	p->items = xcalloc(p->nitems + 1, sizeof(*p->items));
	p->glyphs = xcalloc(p->nitems + 1, sizeof(*p->glyphs));
	for (l = items, k = 0; l != NULL; l = l->next, k++) {
		PangoItem *it = l->data;
		PangoGlyphString *gs = pango_glyph_string_new();
		int sp = span_at(p, it->offset), g, ok;

		pango_shape_with_flags(p->text.data + it->offset, it->length,
		    p->text.data, p->text.len, &it->analysis, gs,
		    PANGO_SHAPE_NONE);
		p->items[k] = it;
		p->glyphs[k] = gs;
		ok = font_allowed(lb->fs, p->spans[sp].role, it->analysis.font);
		for (g = 0; g < gs->num_glyphs; g++) {
			size_t off = it->offset + gs->log_clusters[g];
			struct pch *c = &p->ch[byoff[off]];

			if (c->ng == 0) {
				c->g0 = g;
				c->item = (int)k;
			}
			c->ng++;
			c->adv += (double)gs->glyphs[g].geometry.width /
			    PANGO_SCALE;
			if (c->c == '\n' || c->c == ' ')
				continue;
			if ((gs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
			    !ok) {
				glyph_missing(lb, p, c);
				missing = 1;
				ok = 1;	/* one report per run */
			}
		}
	}
	g_list_free(items);
	free(byoff);
	for (i = 0; i < p->nch; i++) {
		struct pch *c = &p->ch[i];

		if (c->c == '\n')
			c->adv = 0;
		if (c->ng == 1)
			set_blanks(c, p->items[c->item]->analysis.font,
			    p->glyphs[c->item]->glyphs[c->g0].glyph);
	}
	return missing;
}

/* ---- the cache of shaped paragraphs ---- */

/*
 * A paragraph as shaped: in its own struct para, of which only ch, nch,
 * items, glyphs and nitems are set, so shape_clear() frees it.  key
 * holds what the shaping read (cache_key()), hash its FNV-1a hash.
 */
struct shaped {
	struct buf	 key;
	guint		 hash;
	unsigned	 gen;		/* the last build that used it */
	struct para	 p;
};

struct shape_cache {
	GHashTable	*t;		/* of struct shaped, each its own key */
	unsigned	 gen;		/* the build under way */
	struct buf	 probe;		/* key of the paragraph looked up */
};

static guint
shaped_hash(gconstpointer v)
{
	return ((const struct shaped *)v)->hash;
}

static gboolean
shaped_equal(gconstpointer a, gconstpointer b)
{
	const struct buf *ka = &((const struct shaped *)a)->key;
	const struct buf *kb = &((const struct shaped *)b)->key;

	return ka->len == kb->len && memcmp(ka->data, kb->data, ka->len) == 0;
}

static void
shaped_free(gpointer v)
{
	struct shaped	*e = v;

	shape_clear(&e->p);
	buf_free(&e->key);
	free(e);
}

struct shape_cache *
shape_cache_new(void)
{
	struct shape_cache	*sc = xcalloc(1, sizeof(*sc));

	sc->t = g_hash_table_new_full(shaped_hash, shaped_equal, shaped_free,
	    NULL);
	return sc;
}

void
shape_cache_free(struct shape_cache *sc)
{
	if (sc == NULL)
		return;
	g_hash_table_destroy(sc->t);
	buf_free(&sc->probe);
	free(sc);
}

/*
 * Whether neither this build nor the one before used e.  Two builds, not
 * one: the print edition and the phone image of an issue are laid out one
 * after the other, and their body sizes differ in the last bit (the
 * phone's is its measure divided by its characters), so neither finds the
 * other's paragraphs, and one build's window would empty the cache at
 * each turn.
 */
static gboolean
shaped_stale(gpointer key, gpointer value, gpointer arg)
{
	return ((struct shape_cache *)arg)->gen - ((struct shaped *)key)->gen >
	    1;
}

void
shape_cache_sweep(struct shape_cache *sc)
{
	if (sc == NULL)
		return;
	g_hash_table_foreach_remove(sc->t, shaped_stale, sc);
	sc->gen++;
}

/* An object's bytes into a key. */
static void
key_put(struct buf *k, const void *v, size_t n)
{
	buf_put(k, v, n);
}

/*
 * Everything shape_para() reads of lb and p, into k: the font set by
 * address (which fonts, their language; NULL for fixed metrics), the
 * spans' bytes, roles, sizes and weights, and the text, from which the
 * break tailoring and the fwid of pair marks follow.  A span's colour is
 * left out: only the painter reads it, from the paragraph's own spans.
 * Members go in one by one, so no padding byte makes equal keys differ.
 */
static void
cache_key(struct buf *k, const struct lb *lb, const struct para *p)
{
	size_t	 i;

	k->len = 0;
	key_put(k, &lb->fs, sizeof(lb->fs));
	key_put(k, &p->nspans, sizeof(p->nspans));
	for (i = 0; i < p->nspans; i++) {
		const struct span *sp = &p->spans[i];

		key_put(k, &sp->off, sizeof(sp->off));
		key_put(k, &sp->len, sizeof(sp->len));
		key_put(k, &sp->role, sizeof(sp->role));
		key_put(k, &sp->size, sizeof(sp->size));
		key_put(k, &sp->bold, sizeof(sp->bold));
	}
	key_put(k, &p->text.len, sizeof(p->text.len));
	key_put(k, p->text.data, p->text.len);
}

/* FNV-1a, 32 bits. */
static guint
fnv1a(const struct buf *k)
{
	guint32	 h = 2166136261u;
	size_t	 i;

	for (i = 0; i < k->len; i++) {
		h ^= (unsigned char)k->data[i];
		h *= 16777619u;
	}
	return h;
}

/*
 * Copy the shaping of src into dst, whose ch, items and glyphs are
 * empty: the cache and a paragraph never share what shape_clear() frees.
 * The arrays keep the spare element shaping gives them.
 */
static void
copy_shape(struct para *dst, const struct para *src)
{
	size_t	 i;

	dst->nch = src->nch;
	dst->ch = xmalloc((src->nch + 1) * sizeof(*dst->ch));
	memcpy(dst->ch, src->ch, (src->nch + 1) * sizeof(*dst->ch));
	dst->nitems = src->nitems;
	dst->items = xcalloc(src->nitems + 1, sizeof(*dst->items));
	dst->glyphs = xcalloc(src->nitems + 1, sizeof(*dst->glyphs));
	for (i = 0; i < src->nitems; i++) {
		dst->items[i] = pango_item_copy(src->items[i]);
		dst->glyphs[i] = pango_glyph_string_copy(src->glyphs[i]);
	}
}

void
shape_para(struct lb *lb, struct para *p)
{
	struct shape_cache	*sc = lb->m->shapes;
	struct shaped		 probe, *e;
	int			 missing = 0;

	if (sc != NULL) {
		cache_key(&sc->probe, lb, p);
		probe.key = sc->probe;
		probe.hash = fnv1a(&sc->probe);
		if ((e = g_hash_table_lookup(sc->t, &probe)) != NULL) {
			copy_shape(p, &e->p);
			e->gen = sc->gen;
			return;
		}
	}
	para_chars(lb, p);
	if (lb->fs != NULL)
		missing = shape_pango(lb, p);
	else
		shape_fixed(p);
	/* Not kept: the next build must report the character again. */
	if (sc == NULL || missing)
		return;
	e = xcalloc(1, sizeof(*e));
	e->key = sc->probe;
	memset(&sc->probe, 0, sizeof(sc->probe));
	e->hash = probe.hash;
	e->gen = sc->gen;
	copy_shape(&e->p, p);
	g_hash_table_add(sc->t, e);
}

/* ---- widths as set ---- */

/* A mark with blank on both sides: ·, and ，。、 of Traditional fonts. */
int
shape_centred(const struct pch *c)
{
	return c->cl > 0 && c->cr > 0;
}

/* Set a centred mark in ½ em: a quarter off each side. */
static void
halve(const struct pch *c, double *a, double *shift)
{
	if (*a < c->adv - 0.01)
		return;
	*a -= c->cl + c->cr;
	*shift -= c->cl;
}

/*
 * Width of [s, e) as set: interpuncts ½ em, adjacent marks 1.5 em, and
 * with end set, a mark at the line end ½ em.  Of two adjacent marks the
 * blank between them goes: a closing mark's right half, else an opening
 * mark's left half, else a centred mark (Traditional 。」) is set in ½ em.
 */
double
shape_width(const struct para *p, size_t s, size_t e, int end, double *a,
    double *shift)
{
	double	 w = 0;
	size_t	 i;
	int	 rdone;

	for (i = s; i < e; i++) {
		a[i - s] = p->ch[i].adv;
		shift[i - s] = 0;
		if (zh_interpunct(p->ch[i].c)) {
			a[i - s] -= p->ch[i].cl + p->ch[i].cr;
			shift[i - s] = -p->ch[i].cl;
		}
	}
	for (i = s; i + 1 < e; i++) {
		const struct pch *c = &p->ch[i], *n = &p->ch[i + 1];

		if (zh_interpunct(c->c) || zh_interpunct(n->c))
			continue;
		if (c->cr > 0 && (n->cl > 0 || n->cr > 0) && !shape_centred(c))
			a[i - s] -= c->cr;
		else if (c->cl > 0 && n->cl > 0 && n->cr == 0) {
			a[i + 1 - s] -= n->cl;
			shift[i + 1 - s] = -n->cl;
		} else if (shape_centred(c) && n->cr > 0)
			halve(c, &a[i - s], &shift[i - s]);
		else if (shape_centred(n) && c->cl > 0)
			halve(n, &a[i + 1 - s], &shift[i + 1 - s]);
	}
	/* Trailing spaces take no room at a line end. */
	while (e > s && zh_space(p->ch[e - 1].c)) {
		a[e - 1 - s] = 0;
		e--;
	}
	if (end && e > s && p->ch[e - 1].cr > 0 &&
	    !zh_interpunct(p->ch[e - 1].c)) {
		rdone = a[e - 1 - s] < p->ch[e - 1].adv - 0.01;
		if (!rdone && shape_centred(&p->ch[e - 1]))
			halve(&p->ch[e - 1], &a[e - 1 - s], &shift[e - 1 - s]);
		else if (!rdone)
			a[e - 1 - s] -= p->ch[e - 1].cr;
	}
	for (i = s; i < e; i++)
		w += a[i - s];
	return w;
}

/* Blank the marks of [s, e) still have beyond the widths in a (clreq's
 * reduction: ，、；。 and brackets down to ½ em). */
double
shape_shrinkable(const struct para *p, size_t s, size_t e, const double *a)
{
	double	 t = 0, b;
	size_t	 i;

	for (i = s; i < e; i++) {
		const struct pch *c = &p->ch[i];

		if (!c->mark || zh_interpunct(c->c))
			continue;
		b = c->cl + c->cr - (c->adv - a[i - s]);
		if (b > 0)
			t += b;
	}
	return t;
}
