/* document.h -- read issue files into the validated model. */
#ifndef JIANBAO_DOCUMENT_H
#define JIANBAO_DOCUMENT_H

#include <stddef.h>

#include "jianbao.h"
#include "label.h"

struct src;

/* Limits beyond which input is refused with a clear error, not slowness. */
#define DOC_MAX_BYTES	(8u * 1024 * 1024)	/* one issue file */
#define DOC_MAX_DEPTH	32			/* nested lists and quotes */
#define DOC_MAX_PARA	20000			/* characters in one paragraph */
#define DOC_MAX_ROW	3			/* pictures side by side */

/*
 * Read an issue file: check it is valid UTF-8 without NUL bytes, split the
 * YAML front matter from the CommonMark body, validate the front matter
 * against the series defaults, and turn the body into articles and blocks
 * (kickers, subtitles, bylines, images, boxes, 工作简讯 items).
 * Returns a document the caller frees with doc_free(), or NULL after
 * reporting every error with file:line:col.  Warnings alone never give
 * NULL.  s is borrowed and must outlive the document.
 */
struct jb_doc	*doc_load(const char *path, const struct jb_series *s);

/* The same from memory; name is used in diagnostics and to resolve
 * image paths.  buf need not be NUL-terminated. */
struct jb_doc	*doc_parse(const char *name, const char *buf, size_t len,
		    const struct jb_series *s);

/*
 * The same from a text already read (source.h), which stays the caller's:
 * the document keeps a copy.  doc_parse_meta() reads the front matter
 * only, with the same checks and diagnostics up to there, and gives a
 * document whose meta is set but which has no articles and no 编者按
 * blocks: what a tool needs to know before the body is parsed.
 */
struct jb_doc	*doc_parse_src(const struct src *t, const struct jb_series *s);
struct jb_doc	*doc_parse_meta(const struct src *t, const struct jb_series *s);

void		 doc_free(struct jb_doc *d);			/* NULL: no-op */

/*
 * The CSS Text 3 segment-break rule as the parser applies it: 1 if a line
 * break between code points prev and next vanishes (both wide, counting
 * ambiguous-width marks such as “ as wide next to a wide character),
 * 0 if it becomes a space.
 */
int		 doc_break_vanishes(unsigned long prev, unsigned long next);

/*
 * 1 if spaces typed between code points prev and next vanish: one is a
 * full-width mark (CJK punctuation, full-width forms, and “ ” ‘ ’ — … ·)
 * and the other a wide character or such a mark (基礎。 堅持).  The mark
 * carries its own blank; the parser drops the space, check reports it.
 */
int		 doc_space_vanishes(unsigned long prev, unsigned long next);

/* 1 if code point c may end a sentence (。！？… closing marks, ——). */
int		 doc_is_terminal(unsigned long c);

/*
 * Where a character of the model stands in the issue file, for a
 * diagnostic about that one character.  text is model text that the
 * source from pos on gave (a block's runs one after another, a title);
 * off is the character's byte offset in text.  If the character is the
 * nth of its kind in text, the answer is the nth of its kind in the file
 * from pos on: line, and column in characters.  Returns *pos when pos is
 * not in d's file, has no column (a whole-file position such as d->src)
 * or the file has no such occurrence.
 */
struct jb_pos	 doc_locate(const struct jb_doc *d, const struct jb_pos *pos,
		    const char *text, size_t off);

/* Plain text of runs (styles dropped), allocated from d's arena. */
const char	*doc_runs_text(const struct jb_doc *d, const struct jb_run *r,
		    size_t n);

/*
 * "第13期" (a 合刊's "第7—8期") / "总第86期" ("总第63—64期") in the
 * document's language, from d's arena: what the masthead prints, under
 * the name of the kind if any.  doc_issue_name() puts that name in front
 * ("增刊第1期"), as a title or a list names the issue.
 */
const char	*doc_issue_label(const struct jb_doc *d);
const char	*doc_issue_name(const struct jb_doc *d);
const char	*doc_total_label(const struct jb_doc *d);	/* NULL if none */

/* The word l (label.h) in zh-Hans or zh-Hant as d->meta.lang says;
 * static storage. */
const char	*doc_label(const struct jb_doc *d, enum jb_label l);

#endif
