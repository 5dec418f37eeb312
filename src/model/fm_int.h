/* fm_int.h -- private to the readers of front matter and bulletin.yaml (frontmatter.c, fmvalue.c): the loaded YAML and the value readers. */
#ifndef JIANBAO_MODEL_FM_INT_H
#define JIANBAO_MODEL_FM_INT_H

#include <yaml.h>

#include "model/model.h"
#include "util/util.h"

/* A loaded YAML document plus what is needed to turn marks into positions. */
struct ydoc {
	yaml_document_t	 doc;
	const char	*file;
	int		 line0;		/* file line of the YAML's first line */
	int		 loaded;
};

/*
 * fmvalue.c.  Each fmv_ reader takes the value v of key k, reports at
 * its place (fmv_pos()) when it is not what the key wants, and returns
 * 0, or -1 after reporting; fmv_scalar() is a scalar's text or NULL.
 */
struct jb_pos	fmv_pos(const struct ydoc *y, const yaml_node_t *n);
const char	*fmv_scalar(const yaml_node_t *n);
/* Text value of key k; reports and returns NULL when it is not text. */
const char	*fmv_string(const struct ydoc *y, const char *k, yaml_node_t *v);
/* Whole number in [lo, hi]; 0 or -1 after reporting. */
int	fmv_int(const struct ydoc *y, const char *k, yaml_node_t *v, int lo, int hi, int *out);
int	fmv_bool(const struct ydoc *y, const char *k, yaml_node_t *v, int *out);
/*
 * 期号 or 总期号: a number in [lo, hi], or a 合刊's range of them in
 * order; 0 or -1 after reporting.
 */
int	fmv_range(const struct ydoc *y, const char *k, yaml_node_t *v, int lo, int hi, int *first, int *last);
/* A list of text, or a single text, into a list from arena a. */
int	fmv_strlist(const struct ydoc *y, struct arena *a, const char *k, yaml_node_t *v, struct jb_strlist *out);
int	fmv_dist_index(const char *k);
/*
 * Walk a mapping of 报/送/发 to lists.  With append set, lists are added
 * to what out already holds (本期增发); otherwise they replace it.
 */
int	fmv_dist(const struct ydoc *y, struct arena *a, const char *k, yaml_node_t *v, struct jb_strlist *out, int append);
/*
 * Merge a mapping of role to name into out: a known role gets the new
 * name (an empty name removes it), a new role is appended.
 */
int	fmv_credits(const struct ydoc *y, struct arena *a, const char *k, yaml_node_t *v, struct jb_credits *out);

#endif
