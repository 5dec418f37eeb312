/* deskfm.c -- the desk's front matter form: the values libyaml reads, and a change written back over only that value's text, emitted by libyaml, so comments and order stay. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <jansson.h>
#include <yaml.h>

#include "util/util.h"
#include "serve/desk_int.h"

#define MAX_VALUES	128

/* A value of the front matter and where its text is: a scalar, or a
 * sequence of scalars, at the top or one mapping down ("署名.编辑"). */
struct fmval {
	char	*key;		/* "期号", "署名.编辑" */
	int	 list;		/* a sequence */
	int	 flow;		/* a sequence written [a, b] */
	size_t	 start, end;	/* bytes of the value in the front matter */
	size_t	 col;		/* what the value's later lines indent by:
				   its key's column (a block sequence: its
				   own) */
	json_t	*value;		/* string, or array of strings */
};

struct fm {
	struct fmval	 v[MAX_VALUES];
	int		 n;
	size_t		 body;		/* bytes before the closing --- line */
	/* where a key of a nested mapping is added: after its last value */
	struct {
		char	*key;
		size_t	 end, col;
	}		 maps[MAX_VALUES];
	int		 nmaps;
};

static void
fm_clear(struct fm *f)
{
	int	 i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].key);
		json_decref(f->v[i].value);
	}
	for (i = 0; i < f->nmaps; i++)
		free(f->maps[i].key);
	memset(f, 0, sizeof(*f));
}

/* libyaml counts marks in characters; the text is UTF-8. */
static size_t
byte_at(const char *text, size_t len, size_t chars)
{
	const char	*p = text, *end = text + len;

	while (chars-- > 0 && p < end)
		p = g_utf8_next_char(p);
	return (size_t)(p - text);
}

/* The end of a value's text: its last character, not the line breaks
 * and blanks after a block scalar. */
static size_t
trim_end(const char *text, size_t start, size_t end)
{
	while (end > start && strchr(" \t\r\n", text[end - 1]) != NULL)
		end--;
	return end;
}

/*
 * Read the front matter text fm (without its --- lines) into f.
 * Returns 0, or -1 when it is no mapping libyaml reads.
 */
static int
fm_read(const char *fm, size_t len, struct fm *f)
{
	yaml_parser_t	 p;
	yaml_event_t	 e;
	char		*key[3] = { NULL, NULL, NULL }, name[512];
	int		 depth = 0, want_key[3] = { 1, 1, 1 }, rc = -1, done = 0;
	struct fmval	*cur = NULL;
	size_t		 keycol[3] = { 0, 0, 0 };

	memset(f, 0, sizeof(*f));
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)fm, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &e))
			goto out;
		switch (e.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_MAPPING_START_EVENT:
			if (depth >= 2 || (depth == 1 && want_key[1])) {
				yaml_event_delete(&e);
				goto out;	/* deeper than the form goes */
			}
			depth++;
			want_key[depth] = 1;
			if (depth == 2 && f->nmaps < MAX_VALUES) {
				f->maps[f->nmaps].key = xstrdup(key[1]);
				f->maps[f->nmaps].col = keycol[1] + 2;
				f->nmaps++;
			}
			break;
		case YAML_MAPPING_END_EVENT:
			if (depth == 2 && f->nmaps > 0)
				f->maps[f->nmaps - 1].end = trim_end(fm, 0,
				    byte_at(fm, len, e.end_mark.index));
			depth--;
			if (depth >= 1)
				want_key[depth] = 1;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_SCALAR_EVENT:
			if (depth >= 1 && want_key[depth] &&
			    e.type == YAML_SCALAR_EVENT) {
				free(key[depth]);
				key[depth] = xstrdup((char *)e.data.scalar.value);
				keycol[depth] = e.start_mark.column;
				want_key[depth] = 0;
				/* a key added to this mapping goes in its column */
				if (depth == 2 && f->nmaps > 0)
					f->maps[f->nmaps - 1].col =
					    e.start_mark.column;
				break;
			}
			if (cur != NULL && e.type == YAML_SCALAR_EVENT) {
				/* an item of the sequence being read */
				json_array_append_new(cur->value, json_string(
				    (char *)e.data.scalar.value));
				break;
			}
			if (depth < 1 || f->n == MAX_VALUES) {
				yaml_event_delete(&e);
				goto out;
			}
			if (depth == 1)
				snprintf(name, sizeof(name), "%s", key[1]);
			else
				snprintf(name, sizeof(name), "%s.%s", key[1],
				    key[2]);
			cur = &f->v[f->n++];
			cur->key = xstrdup(name);
			cur->col = keycol[depth];
			cur->start = byte_at(fm, len, e.start_mark.index);
			if (e.type == YAML_SCALAR_EVENT) {
				cur->value = json_string((char *)
				    e.data.scalar.value);
				cur->end = trim_end(fm, cur->start,
				    byte_at(fm, len, e.end_mark.index));
				cur = NULL;
				want_key[depth] = 1;
			} else {
				cur->list = 1;
				cur->flow = e.data.sequence_start.style ==
				    YAML_FLOW_SEQUENCE_STYLE;
				/* the items after the first start where it does */
				cur->col = e.start_mark.column;
				cur->value = json_array();
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
			if (cur == NULL) {
				yaml_event_delete(&e);
				goto out;	/* a sequence in a sequence */
			}
			cur->end = trim_end(fm, cur->start,
			    byte_at(fm, len, e.end_mark.index));
			cur = NULL;
			want_key[depth] = 1;
			break;
		case YAML_ALIAS_EVENT:
			yaml_event_delete(&e);
			goto out;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
	rc = 0;
out:
	free(key[1]);
	free(key[2]);
	yaml_parser_delete(&p);
	if (rc == -1)
		fm_clear(f);
	return rc;
}

static int
put(void *data, unsigned char *s, size_t n)
{
	buf_put(data, (const char *)s, n);
	return 1;
}

/*
 * "key: value" as libyaml's emitter writes it (a literal block for text
 * of several lines, a sequence in the style the file had), the "key: "
 * taken off and every line after the first indented by col: what goes
 * where the old value was.  The caller frees it.
 */
static char *
emit(const char *key, json_t *value, int flow, size_t col)
{
	yaml_emitter_t	 em;
	yaml_event_t	 e;
	struct buf	 b = { 0 }, out = { 0 };
	const char	*s, *p, *nl;
	size_t		 i, k = strlen(key) + 1;
	int		 ok = 1;

	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, put, &b);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
#define EMIT(call)	do { if (ok && (!(call) || \
			    !yaml_emitter_emit(&em, &e))) ok = 0; } while (0)
	EMIT(yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
	EMIT(yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
	EMIT(yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE));
	EMIT(yaml_scalar_event_initialize(&e, NULL, NULL,
	    (yaml_char_t *)key, -1, 1, 1, YAML_PLAIN_SCALAR_STYLE));
	if (json_is_array(value)) {
		EMIT(yaml_sequence_start_event_initialize(&e, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE));
		for (i = 0; i < json_array_size(value); i++) {
			s = json_string_value(json_array_get(value, i));
			EMIT(yaml_scalar_event_initialize(&e, NULL, NULL,
			    (yaml_char_t *)(s ? s : ""), -1, 1, 1,
			    YAML_ANY_SCALAR_STYLE));
		}
		EMIT(yaml_sequence_end_event_initialize(&e));
	} else {
		s = json_string_value(value);
		EMIT(yaml_scalar_event_initialize(&e, NULL, NULL,
		    (yaml_char_t *)(s ? s : ""), -1, 1, 1,
		    strchr(s ? s : "", '\n') ? YAML_LITERAL_SCALAR_STYLE :
		    YAML_ANY_SCALAR_STYLE));
	}
	EMIT(yaml_mapping_end_event_initialize(&e));
	EMIT(yaml_document_end_event_initialize(&e, 1));
	EMIT(yaml_stream_end_event_initialize(&e));
#undef EMIT
	yaml_emitter_delete(&em);
	if (!ok || b.data == NULL || strncmp(b.data, key, k - 1) != 0 ||
	    b.data[k - 1] != ':') {
		buf_free(&b);
		return NULL;
	}
	/* after "key:", a space before a value on the same line; a block
	 * sequence starts on the next line, where the old one started */
	p = b.data + k;
	if (*p == ' ')
		p++;
	else if (*p == '\n')
		p++;
	for (; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (out.len > 0) {
			buf_puts(&out, "\n");
			for (i = 0; i < col && nl > p; i++)
				buf_puts(&out, " ");
		}
		buf_put(&out, p, (size_t)(nl - p));
		if (*nl == '\0')
			break;
	}
	buf_free(&b);
	while (out.len > 0 && out.data[out.len - 1] == '\n')
		out.data[--out.len] = '\0';
	if (out.data == NULL)
		buf_puts(&out, "");
	return out.data;
}

/* Where the front matter of text is: *start after "---\n", *end at the
 * closing "---" line.  0, or -1 when there is none. */
static int
fm_span(const char *text, size_t len, size_t *start, size_t *end)
{
	const char	*p;

	if (len < 4 || strncmp(text, "---\n", 4) != 0)
		return -1;
	*start = 4;
	for (p = text + 3; (p = strstr(p, "\n---")) != NULL; p++)
		if (p[4] == '\n' || p[4] == '\0' || p[4] == '\r') {
			*end = (size_t)(p - text) + 1;
			return 0;
		}
	return -1;
}

json_t *
deskfm_values(const char *text, size_t len)
{
	struct fm	 f;
	size_t		 s, e;
	json_t		*o;
	int		 i;

	if (fm_span(text, len, &s, &e) == -1 ||
	    fm_read(text + s, e - s, &f) == -1)
		return NULL;
	o = json_object();
	for (i = 0; i < f.n; i++)
		json_object_set(o, f.v[i].key, f.v[i].value);
	fm_clear(&f);
	return o;
}

/* One edit of the text: bytes [at, at + del) become ins. */
struct edit {
	size_t	 at, del;
	char	*ins;
	char	*group;		/* a mapping this edit adds, or NULL */
};

static int
by_place(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

char *
deskfm_apply(const char *text, size_t len, json_t *changes, size_t *outlen,
    const char **why)
{
	struct fm	 f;
	struct edit	*ed;
	struct buf	 out = { 0 };
	const char	*key, *dot;
	json_t		*val, *check;
	size_t		 s, e, n = 0, at, i, col;
	char		*ins, *one, name[256];
	int		 k, m;

	*why = "这一期没有可读的期次信息（开头的 --- 之间）";
	if (fm_span(text, len, &s, &e) == -1 ||
	    fm_read(text + s, e - s, &f) == -1)
		return NULL;
	ed = xcalloc(json_object_size(changes) + 1, sizeof(*ed));
	json_object_foreach(changes, key, val) {
		*why = "期次信息的值只能是文字或文字的列表";
		if (!json_is_string(val) && !json_is_array(val))
			goto fail;
		for (k = 0; k < f.n && strcmp(f.v[k].key, key) != 0; k++)
			;
		if (k < f.n) {
			/* the value's own text, and nothing around it */
			dot = strchr(key, '.');
			ins = emit(dot ? dot + 1 : key, val, f.v[k].flow,
			    f.v[k].col);
			if (ins == NULL)
				goto fail;
			ed[n].at = s + f.v[k].start;
			ed[n].del = f.v[k].end - f.v[k].start;
			ed[n].ins = ins;
			n++;
			continue;
		}
		/*
		 * A key not written yet goes at the end of its mapping, a
		 * list as [a, b] on the key's line; a group not written yet
		 * (署名 for 署名.编辑) at the end, its keys under it.
		 */
		if ((dot = strchr(key, '.')) == NULL) {
			one = emit(key, val, 1, 0);
			at = e;
			col = 0;
		} else {
			snprintf(name, sizeof(name), "%.*s", (int)(dot - key),
			    key);
			for (m = 0; m < f.nmaps &&
			    strcmp(f.maps[m].key, name) != 0; m++)
				;
			col = m < f.nmaps ? f.maps[m].col : 2;
			one = emit(dot + 1, val, 1, col);
			at = m < f.nmaps ? s + f.maps[m].end : e;
		}
		if (one == NULL)
			goto fail;
		ins = xmalloc(strlen(key) + strlen(one) + col + 8);
		if (dot == NULL)
			sprintf(ins, "%s: %s\n", key, one);
		else if (at != e)
			sprintf(ins, "\n%*s%s: %s", (int)col, "", dot + 1, one);
		else
			sprintf(ins, "%*s%s: %s\n", (int)col, "", dot + 1, one);
		free(one);
		if (dot != NULL && at == e) {
			for (i = 0; i < n && (ed[i].group == NULL ||
			    strcmp(ed[i].group, name) != 0); i++)
				;
			if (i < n) {
				/* another key of a group being added */
				ed[i].ins = xrealloc(ed[i].ins,
				    strlen(ed[i].ins) + strlen(ins) + 1);
				strcat(ed[i].ins, ins);
				free(ins);
				continue;
			}
			one = ins;
			ins = xmalloc(strlen(name) + strlen(one) + 4);
			sprintf(ins, "%s:\n%s", name, one);
			free(one);
			ed[n].group = xstrdup(name);
		}
		ed[n].at = at;
		ed[n].del = 0;
		ed[n].ins = ins;
		n++;
	}
	qsort(ed, n, sizeof(*ed), by_place);
	for (i = 0, at = 0; i < n; i++) {
		buf_put(&out, text + at, ed[i].at - at);
		buf_puts(&out, ed[i].ins);
		at = ed[i].at + ed[i].del;
	}
	buf_put(&out, text + at, len - at);
	for (i = 0; i < n; i++) {
		free(ed[i].ins);
		free(ed[i].group);
	}
	free(ed);
	fm_clear(&f);
	/* what was written reads back as the values asked for */
	*why = "写回的期次信息读不回来";
	if ((check = deskfm_values(out.data, out.len)) == NULL) {
		buf_free(&out);
		return NULL;
	}
	json_object_foreach(changes, key, val)
		if (!json_equal(json_object_get(check, key), val)) {
			json_decref(check);
			buf_free(&out);
			return NULL;
		}
	json_decref(check);
	*outlen = out.len;
	return out.data;
fail:
	for (i = 0; i < n; i++) {
		free(ed[i].ins);
		free(ed[i].group);
	}
	free(ed);
	fm_clear(&f);
	return NULL;
}
