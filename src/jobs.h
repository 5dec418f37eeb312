/* jobs.h -- `jianbao build`: the editions of many issues, in batches over worker processes. */
#ifndef JIANBAO_JOBS_H
#define JIANBAO_JOBS_H

#include "jianbao.h"
#include "pressmod.h"

struct jobs_opts {
	const char	*out;		/* output root: OUT/2019/13.html */
	const char	*templates;	/* template folder of the pages */
	struct pmod_opts po;		/* of the print editions */
	int		 html;		/* write the HTML edition */
	int		 pdf;		/* write the PDF edition */
	int		 docx;		/* write the Word edition */
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

#endif
