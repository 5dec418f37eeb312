/* fmwrite.c -- issue front matter through libyaml's document API and emitter. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "model/model.h"
#include "util/util.h"

struct fmw {
	yaml_document_t	 doc;
	int		 root;		/* node id of the top mapping */
};

struct fmw *
fmw_new(void)
{
	struct fmw	*w = xcalloc(1, sizeof(*w));

	/* implicit start and end: the caller's --- lines fence it */
	if (!yaml_document_initialize(&w->doc, NULL, NULL, NULL, 1, 1))
		abort();
	w->root = yaml_document_add_mapping(&w->doc, NULL,
	    YAML_BLOCK_MAPPING_STYLE);
	return w;
}

void
fmw_free(struct fmw *w)
{
	if (w == NULL)
		return;
	yaml_document_delete(&w->doc);
	free(w);
}

static int
scalar(struct fmw *w, const char *s)
{
	/* An empty plain value would read as null, not as empty text. */
	return yaml_document_add_scalar(&w->doc, NULL,
	    (yaml_char_t *)(uintptr_t)s, (int)strlen(s), *s == '\0' ?
	    YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

static void
pair(struct fmw *w, int map, const char *key, int value)
{
	int	 m = map == FMW_ROOT ? w->root : map;

	if (value == 0 ||
	    !yaml_document_append_mapping_pair(&w->doc, m, scalar(w, key), value))
		abort();	/* only out of memory makes libyaml fail here */
}

void
fmw_str(struct fmw *w, int map, const char *key, const char *value)
{
	pair(w, map, key, scalar(w, value));
}

void
fmw_int(struct fmw *w, int map, const char *key, int value)
{
	char	 s[32];

	snprintf(s, sizeof(s), "%d", value);
	pair(w, map, key, scalar(w, s));
}

void
fmw_list(struct fmw *w, int map, const char *key, const char *const *v,
    size_t n)
{
	int	 seq = yaml_document_add_sequence(&w->doc, NULL,
	    YAML_BLOCK_SEQUENCE_STYLE);
	size_t	 i;

	for (i = 0; i < n; i++)
		yaml_document_append_sequence_item(&w->doc, seq, scalar(w, v[i]));
	/* An empty list must still read as a list: [] */
	if (n == 0)
		w->doc.nodes.start[seq - 1].data.sequence.style =
		    YAML_FLOW_SEQUENCE_STYLE;
	pair(w, map, key, seq);
}

int
fmw_map(struct fmw *w, int map, const char *key)
{
	int	 m = yaml_document_add_mapping(&w->doc, NULL,
	    YAML_BLOCK_MAPPING_STYLE);

	pair(w, map, key, m);
	return m;
}

int
fmw_write(struct fmw *w, FILE *fp, const char *path)
{
	yaml_emitter_t	 e;
	int		 rc = -1;

	yaml_emitter_initialize(&e);
	yaml_emitter_set_output_file(&e, fp);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	yaml_emitter_set_indent(&e, 2);
	fputs("---\n", fp);
	/* yaml_emitter_dump() empties the document, so the fmw is spent. */
	if (!yaml_emitter_open(&e) || !yaml_emitter_dump(&e, &w->doc) ||
	    !yaml_emitter_close(&e) || !yaml_emitter_flush(&e)) {
		msg(MSG_WRITE, NULL, path, e.problem ? e.problem : "YAML");
		goto out;
	}
	fputs("---\n", fp);
	rc = 0;
out:
	yaml_emitter_delete(&e);
	return rc;
}
