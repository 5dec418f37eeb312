/* import.h -- `jianbao import`: submitted articles and past issues, as text or Word files, into an issue file. */
#ifndef JIANBAO_IMPORT_IMPORT_H
#define JIANBAO_IMPORT_IMPORT_H

/* What the command line asks of an import. */
struct imp_opts {
	const char	*series;	/* the series file */
	const char	*output;	/* -o FILE, or NULL */
	const char	*into;		/* --into ISSUE.md, or NULL */
	const char	*date;		/* --date YYYY-MM-DD, or NULL */
	int		 number;	/* --number, 0 when not given */
	int		 force;		/* --force: an existing output may go */
};

/*
 * Run `jianbao import` on the nfiles files, which become one issue in
 * the order given.  Each is a text file (UTF-8, GB18030 or UTF-16, see
 * encoding.h) or a Word file (.docx, see docxin.h; a .doc or .wps goes
 * through LibreOffice when soffice is on PATH).  A masthead (刊名, 第N期,
 * 编印单位, date; also on one line) goes into front matter, a typed 目录
 * stays as [//]: # comments (the editions make the 要目), the
 * 报/送/发, 印发 and 审核/校对/编辑 lines become 分送 and 署名, each such
 * line reported as a notice; without a masthead 期号 and 日期 come from
 * the options or else from new's rule (new_next()), with a warning.  The
 * body keeps every character: titles are found in unmarked text (the
 * first short line, short lines before a report), 一、 and （一） lines
 * become ### and #### headings, paragraphs a page break split are
 * rejoined, and what has no place stays a paragraph with a warning at its
 * line.  Pictures of a Word file go to images/ beside the output under
 * names of jianbao's choosing.
 *
 * The result goes to o->output, or appended to the existing issue
 * o->into (its front matter and text untouched, the file replaced
 * atomically), or to issues/YYYY/NN.md; an existing output is never
 * replaced without o->force.  Nothing is written unless the result
 * parses as build would parse it.  The written path is printed.  A file
 * that cannot be read (encrypted, damaged, no Word file, a scan, empty,
 * hostile) is refused alone with an error at its 1:1; the others are
 * imported and written.
 * Returns the exit status: 0, 1 on error (also when the issue was written
 * without a refused file, so that scripts notice), 2 for unreadable
 * series settings or a bad --date.
 */
int	 imp_main(const struct imp_opts *o, int nfiles, char **files);

/*
 * Import is built as IMPORT_MODULE (util.h, struct mod), so that only
 * `jianbao import` loads libzip (the .docx reader) and what it brings;
 * the program calls it through the table IMPORT_TABLE names.
 */
#define IMPORT_MODULE	"jianbao-import.so"
#define IMPORT_FUNCS(F) \
	F(imp_main)

struct imp_table {
#define IMPORT_MEMBER(name)	__typeof__(name) *name;
	IMPORT_FUNCS(IMPORT_MEMBER)
#undef IMPORT_MEMBER
};

/* The one symbol the module exports, defined in import.c. */
#define IMPORT_TABLE	"imp_table"
extern const struct imp_table imp_table;

#endif
