/* serve.h -- `jianbao serve`: the site on a local HTTP server, rebuilt on each save, open pages reloaded. */
#ifndef JIANBAO_SERVE_SERVE_H
#define JIANBAO_SERVE_SERVE_H

struct serve_opts {
	const char	*out;		/* the site folder, as `make site` builds it */
	const char	*templates;	/* template folder */
	const char	*series;	/* bulletin.yaml */
	const char	*fontdir;	/* fonts/ beside it */
	const char	*listen;	/* IPv4 or IPv6 address; NULL: 127.0.0.1 */
	int		 port;		/* 0: any free port */
	const char	*password_file;	/* --password-file: who may come in */
	int		 read_only;	/* --read-only: the desk changes nothing */
	const char	*publish;	/* --publish: the desk publishes there */
};

/*
 * Build what is stale of the issues under ISS_DIR (issues.h) and the
 * archive into o->out, then serve o->out over HTTP (libmicrohttpd) until
 * SIGINT or SIGTERM, printing the editing desk's address (with its
 * token, desk.c) and the site's to stdout.  Meanwhile the
 * issues folder, the templates and the series file are watched
 * (inotify); a save rebuilds in this process, with the press and its
 * fonts kept, what depends on the file saved (an issue: its editions and
 * the archive; a template: every page and the archive; the series file
 * or an added or removed issue: everything), and every open page reloads
 * through Server-Sent Events at /__events.  The script that listens is
 * named in HTML responses only, never in the files in o->out.  When a
 * rebuild fails its diagnostics, as printed on stderr, are sent to the
 * pages, which show them over the page, while the last good outputs stay
 * served; a good rebuild clears them.
 *
 * Under /desk/ is the editing desk (desk.c: its pages and API, its
 * checks in auth.c); elsewhere only GET and HEAD are answered (405
 * otherwise); a path that leaves o->out, through "..", or a symbolic
 * link, is 403, a hidden file or one that does not exist 404.
 * Connections and request sizes are bounded; every answer carries a
 * Content-Security-Policy.  An address other than the loopback needs
 * o->password_file.  Returns the exit status: 0 when stopped by a
 * signal, 1 when the server cannot start, 2 for a bad --listen or
 * password file.
 */
int	 serve_main(const struct serve_opts *o);

#endif
