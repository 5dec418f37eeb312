/* mdline.c -- what a line of an issue's Markdown body is, as CommonMark reads the constructs a bulletin uses: one scanner for check, check --fix and import. */
#include <string.h>

#include "model/model.h"

int
mdl_thematic(const char *s, size_t n)
{
	size_t	 i, k = 0;
	char	 m = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] != '-' && s[i] != '*' && s[i] != '_')
			return 0;
		if (m && s[i] != m)
			return 0;
		m = s[i];
		k++;
	}
	return k >= 3;
}

/* Length of a list marker "- ", "1. " at s, or 0. */
static size_t
list_marker(const char *s, size_t n)
{
	size_t	 i = strspn(s, "0123456789");

	if (n >= 2 && (s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (i > 0 && i < 10 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return i + 2;
	return 0;
}

enum mdl_kind
mdl_line(const char *s, size_t n, size_t *indent, size_t *mark)
{
	size_t	 k = strspn(s, " "), m;

	if (k > n)
		k = n;
	if (k > 3)
		k = 3;
	*indent = k;
	*mark = 0;
	if (n - k >= 3 && (strncmp(s + k, "```", 3) == 0 ||
	    strncmp(s + k, "~~~", 3) == 0))
		return MDL_FENCE;
	if (strspn(s, " \t") >= n)
		return MDL_BLANK;
	if (mdl_thematic(s, n))
		return MDL_RULE;
	if (n - k >= 7 && strncmp(s + k, "[//]: #", 7) == 0)
		return MDL_COMMENT;
	m = strspn(s + k, "#");
	if (s[k] == '#' && m <= 6 && (k + m == n || s[k + m] == ' ')) {
		*mark = m;
		return MDL_HEAD;
	}
	if (s[k] == '<' || s[k] == '|' || strncmp(s + k, "![", 2) == 0)
		return MDL_RAW;
	if ((m = list_marker(s + k, n - k)) > 0) {
		*mark = m;
		return MDL_LIST;
	}
	if (s[k] == '>') {
		*mark = 1;
		return MDL_QUOTE;
	}
	return MDL_TEXT;
}
