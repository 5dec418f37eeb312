/* datadir.h -- the program's own files: the folder it runs from and the defaults installed beside it. */
#ifndef JIANBAO_DATADIR_H
#define JIANBAO_DATADIR_H

/*
 * `make install` puts the program and its print module in PREFIX/bin and
 * the default series file, templates and fonts/ in PREFIX/DATADIR_SHARE.
 * The program finds them from its own folder, never from a PREFIX built
 * into it, so a copy installed under DESTDIR or moved elsewhere still
 * finds its own files.
 */
#define DATADIR_SHARE	"share/jianbao"

/*
 * The absolute path of name in the folder of the running executable, as
 * the kernel gives it through /proc/self/exe (symlinks to the executable
 * resolved, so a link elsewhere still names the real folder).  The caller
 * frees the result.  NULL with errno set when /proc/self/exe cannot be
 * read; nothing is reported.
 */
char		*datadir_beside(const char *name);

/*
 * Where the default file or folder name ("bulletin.yaml", "templates")
 * is: name itself when it exists in the current folder, so an editor's
 * own copy always wins; else the installed copy, PREFIX/DATADIR_SHARE/name
 * with PREFIX the folder above the executable's, when that exists; else
 * name again, so that what reports it missing names the file the editor
 * is expected to have.  Never fails.  The result is name itself or a
 * string that lives until the process ends.
 */
const char	*datadir_find(const char *name);

#endif
