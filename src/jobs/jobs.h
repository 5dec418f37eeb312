/* jobs.h -- `jianbao build`: the editions of many issues in batches over worker processes, and the print module loaded for them. */
#ifndef JIANBAO_JOBS_JOBS_H
#define JIANBAO_JOBS_JOBS_H

#include "model/model.h"
#include "print/print.h"

/* `jianbao build`: the editions of many issues, in batches over worker processes. */

struct jobs_opts {
	const char	*out;		/* output root: OUT/2019/13.html */
	const char	*templates;	/* template folder of the pages */
	struct pmod_opts po;		/* of the print editions */
	int		 html;		/* write the HTML edition */
	int		 pdf;		/* write the PDF edition */
	int		 docx;		/* write the Word edition */
	int		 ofd;		/* write the OFD edition */
	int		 ofd_a;		/* as OFD-A */
	int		 png;		/* write the phone image (pressmod.h) */
	int		 jpeg;		/* as JPEG */
	int		 jobs;		/* worker processes, 0 one per CPU */
};

/*
 * Write the editions o asks for of each of the nfiles issue files, in
 * the series s: the page with html_write_page() (render.h), the print
 * edition with the press (press.h), made once per process, the Word
 * edition with docx_write_issue() (render.h).  With more
 * than one job the files are cut into batches of consecutive files that
 * forked workers take in turn; an issue that fails stops nothing, and a
 * worker that dies is reported with the first file of its batch.
 * Returns the exit status: 0, or 1 when an issue or a worker failed.  In
 * a worker it returns the worker's own, which the caller passes on as the
 * process's after the same clean-up as the parent's.
 */
int	 jobs_build(const struct jobs_opts *o, const struct jb_series *s,
	    char **files, int nfiles);

/*
 * The same builder kept in one process for issue after issue (serve):
 * jobs_new() makes it for o and s, which must outlive it; jobs_one()
 * writes the editions of one issue file that html, pdf and docx ask for
 * (those of them o asks for), as jobs_build() does, the press (fonts and their caches) made on the first
 * print edition and kept until jobs_free().  The neighbours of a page
 * come from the issue list of the first issue built: after issues are
 * added or removed, make a new builder.  jobs_one() returns 0, or -1
 * after reporting, the old outputs left in place.
 */
struct jobs;

struct jobs	*jobs_new(const struct jobs_opts *o, const struct jb_series *s);
void		 jobs_free(struct jobs *j);		/* NULL: no-op */
int		 jobs_one(struct jobs *j, const char *path, int html, int pdf,
		    int docx);

/*
 * The archive around the issue pages (`jianbao site`): every one of the
 * nfiles issue files loaded, or its summary taken from OUT/.archive when
 * the file, the program and the series file at series_path are as they
 * were (archive.h), then the home, year and search pages, the feed, the
 * search index and the cache written under out.  Nothing is written
 * unless every issue loads.  Returns the exit status: 0, or 1.
 */
int	 jobs_site(const struct jb_series *s, const char *series_path,
	    const char *templates, const char *out, char **files, int nfiles);

/* find and load the print module (pressmod.h) beside the executable. */

/*
 * The print stage (pressmod.c, layout.c and its rooms, pdf.c, fonts.c
 * with Pango, Cairo, fontconfig, FreeType and HarfBuzz) is built as PRESS_MODULE, a
 * shared object beside the executable, so that the HTML edition, the
 * archive and the checks start without loading and relocating some forty
 * libraries.  The module calls back into the executable (msg, mem,
 * outfile, image, document), which exports its symbols for it.  This is
 * the program's side of that seam; the commands that print reach the
 * module only through the table press_load() returns.
 */
#define PRESS_MODULE	"jianbao-press.so"

/*
 * Load PRESS_MODULE from the folder of the running executable (found
 * through /proc/self/exe, so symlinks to the executable work) on the
 * first call, and return its table; later calls return the same table.
 * Returns NULL after reporting MSG_PRESS when the module is missing or
 * cannot be loaded; later calls then return NULL without reporting again.
 * The module stays loaded until the process ends.
 */
const struct pmod_table	*press_load(void);

#endif
