/* zhtext.c -- the classes of Chinese text every stage shares: width, punctuation, Han, the marks a line may not start or end with, half-width marks and their full-width forms. */
#include <glib.h>

#include "util/util.h"

/* ---- width and punctuation ---- */

int
zh_wide(unsigned long c)
{
	if (c >= 0x1100 && c <= 0x11FF)		/* Hangul jamo keep the space */
		return 0;
	if (c >= 0xAC00 && c <= 0xD7AF)
		return 0;
	return g_unichar_iswide((gunichar)c) || (c >= 0xFF61 && c <= 0xFFDC);
}

double
zh_ems(const char *s)
{
	double	 n = 0;

	for (; *s != '\0'; s = g_utf8_next_char(s))
		n += zh_wide(g_utf8_get_char(s)) ? 1 : 0.5;
	return n;
}

int
zh_wide_ambiguous(unsigned long c)
{
	return g_unichar_iswide((gunichar)c) || g_unichar_iswide_cjk((gunichar)c);
}

int
zh_punct(unsigned long c)
{
	switch (g_unichar_type((gunichar)c)) {
	case G_UNICODE_CONNECT_PUNCTUATION:
	case G_UNICODE_DASH_PUNCTUATION:
	case G_UNICODE_CLOSE_PUNCTUATION:
	case G_UNICODE_FINAL_PUNCTUATION:
	case G_UNICODE_INITIAL_PUNCTUATION:
	case G_UNICODE_OTHER_PUNCTUATION:
	case G_UNICODE_OPEN_PUNCTUATION:
		return 1;
	default:
		return 0;
	}
}

int
zh_han(unsigned long c)
{
	return g_unichar_get_script((gunichar)c) == G_UNICODE_SCRIPT_HAN;
}

int
zh_text(unsigned long c)
{
	return zh_han(c) || (c >= 0x3001 && c <= 0x303F) ||
	    (c >= 0xFF01 && c <= 0xFF5E) || c == 0x201C || c == 0x201D ||
	    c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014;
}

/* ---- half-width marks in Chinese text ---- */

static const struct {
	unsigned long	 half, full;
} fullwidth[] = {
	{ ',', 0xFF0C }, { '.', 0x3002 }, { ';', 0xFF1B }, { ':', 0xFF1A },
	{ '?', 0xFF1F }, { '!', 0xFF01 }, { '(', 0xFF08 }, { ')', 0xFF09 },
};

unsigned long
zh_full_width(unsigned long c)
{
	size_t	 k;

	if (c > 0x7F)		/* every half-width mark is ASCII */
		return 0;
	for (k = 0; k < G_N_ELEMENTS(fullwidth); k++)
		if (fullwidth[k].half == c)
			return fullwidth[k].full;
	return 0;
}

int
zh_either_width(unsigned long c)
{
	size_t	 k;

	for (k = 0; k < G_N_ELEMENTS(fullwidth); k++)
		if (fullwidth[k].half == c || fullwidth[k].full == c)
			return 1;
	return 0;
}

/* ---- line breaks (typesetting.md §3.1, §3.9) ---- */

/* May not start a line (clreq strict level). */
static const char no_start[] =
    "，。、；：？！）〕】〗》〉」』”’·…—‐–～％‰﹑﹒．,.;:?!)]}%";
/* May not end a line. */
static const char no_end[] = "（〔【〖《〈「『“‘([{";
static const char open_quotes[] = "“‘「『";
static const char close_quotes[] = "”’」』";
/* Pause and stop marks and the dash: a phrase ends after them. */
static const char stops[] = "，。、；：？！…—";

static int
in_set(const char *set, unsigned long c)
{
	const char	*p;

	for (p = set; *p != '\0'; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == c)
			return 1;
	return 0;
}

int
zh_no_start(unsigned long c)
{
	return in_set(no_start, c);
}

int
zh_no_end(unsigned long c)
{
	return in_set(no_end, c);
}

int
zh_stop(unsigned long c)
{
	return in_set(stops, c);
}

int
zh_open_quote(unsigned long c)
{
	return in_set(open_quotes, c);
}

int
zh_close_quote(unsigned long c)
{
	return in_set(close_quotes, c);
}

int
zh_pairmark(unsigned long c)
{
	return c == 0x2014 || c == 0x2026 || c == 0x2E3A || c == 0x22EF;
}

int
zh_interpunct(unsigned long c)
{
	return c == 0x00B7 || c == 0x2027 || c == 0x30FB;
}

int
zh_space(unsigned long c)
{
	return c == ' ' || c == 0x3000;
}

int
zh_tailor_break(unsigned long pc, unsigned long c, int uax14)
{
	int	 b = uax14;

	/* “ ‘ are QU in UAX #14; Chinese treats them as OP and CL. */
	if (zh_open_quote(c))
		b = !zh_no_end(pc) && pc != '\n';
	if (zh_close_quote(pc) && !zh_no_start(c))
		b = 1;
	if (zh_no_start(c) || zh_no_end(pc))
		b = 0;
	return b;
}
