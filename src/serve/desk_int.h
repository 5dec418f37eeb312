/* desk_int.h -- private to the editing desk (desk.c, auth.c, history.c, deskrun.c) and the HTTP side that answers for it (http.c, serve.c). */
#ifndef JIANBAO_SERVE_DESK_INT_H
#define JIANBAO_SERVE_DESK_INT_H

#include <stddef.h>

#include <jansson.h>
#include <microhttpd.h>

#include "serve/serve_int.h"

/* ---- http.c: answering requests ---- */

/* The content type of a file by its name. */
const char	*http_type(const char *path);

/* A reply of text (persistent storage) or of a JSON text (freed). */
enum MHD_Result	 http_text(struct MHD_Connection *c, unsigned status,
		    const char *text);
enum MHD_Result	 http_json(struct MHD_Connection *c, unsigned status,
		    char *json);

/*
 * The headers every answer carries: the Content-Security-Policy, made
 * once by http_csp_init() for the pages of the templates in tmpldir (their
 * inline script allowed by its hash).
 */
void		 http_csp_init(const char *tmpldir);
void		 http_headers(struct MHD_Response *r);

/*
 * The regular file under root (a realpath) that rel names ("/a/b.js"),
 * in *file (the caller frees it), or an HTTP status: 403 for a path that
 * leaves root (.., a symbolic link out), 404 for one missing or hidden,
 * 301 for a folder.
 */
unsigned	 http_resolve(const char *root, const char *rel, char **file);

/* Send the file as it is, or its status as text. */
enum MHD_Result	 http_file(struct MHD_Connection *c, const char *root,
		    const char *rel);

/*
 * http_queue() sends reply r with status and the common headers and
 * lets go of it; http_send() sends the file rel under root (a realpath),
 * an HTML page with the reload script of v's latest build named before
 * its </body> (v NULL: as it is).
 */
enum MHD_Result	 http_queue(struct MHD_Connection *c, unsigned status,
		    struct MHD_Response *r);
enum MHD_Result	 http_send(struct srv *v, struct MHD_Connection *c,
		    const char *root, const char *rel);

/* ---- auth.c: who may come in and change things ---- */

/*
 * Read the password file (NULL: none) and make the desk's token.
 * Returns NULL after reporting a file that cannot be read or holds no
 * user.  The token is what the first line's address carries.
 */
struct auth	*auth_new(const char *password_file, int read_only);
void		 auth_free(struct auth *a);		/* NULL: no-op */
const char	*auth_token(const struct auth *a);

/* Does the request come from someone with the password, when one is
 * asked for?  0: yes; else the status to answer (401). */
unsigned	 auth_password(const struct srv *v, struct MHD_Connection *c);

/* Is the Host header the address served?  0 or 421. */
unsigned	 auth_host(const struct srv *v, struct MHD_Connection *c);

/* Does the request carry the desk's cookie?  0 or 403. */
unsigned	 auth_cookie(const struct srv *v, struct MHD_Connection *c);

/* A state-changing request: the cookie, the same origin (Origin, or
 * Referer), and no read-only mode.  0 or 403. */
unsigned	 auth_change(const struct srv *v, struct MHD_Connection *c);

/* May the request only read: --read-only, or a reviewer (:ro)? */
int		 auth_read_only(const struct srv *v, struct MHD_Connection *c);

/* Is s the token? (constant time) */
int		 auth_is_token(const struct auth *a, const char *s);

/* Does the desk ask for a password (--listen)? */
int		 auth_users(const struct auth *a);

/* The Set-Cookie value that gives a browser the desk (freed). */
char		*auth_set_cookie(const struct auth *a);

/* ---- desk.c: the desk's pages and its API ---- */

enum MHD_Result	 desk_answer(struct srv *v, struct MHD_Connection *c,
		    const char *url, const char *method, const char *upload,
		    size_t *upload_size, void **con_cls);
void		 desk_done(void *con_cls);

/* ---- history.c: issue names, atomic saves and the bounded history ---- */

#define HIST_DIR	"issues/.history"
#define HIST_KEEP	50		/* versions kept of each issue */

/* Is path an issue file the desk may open and write:
 * issues/YYYY/NN.md or issues/YYYY/PREFIX-NN.md, inside the issues
 * folder as it resolves (no symbolic link out)?  1 or 0. */
int	 hist_issue_name(const char *path);

/* The file's bytes (NULL when it cannot be read; *len set) and its
 * version, a SHA-256 in hex (65 bytes). */
char	*hist_read(const char *path, size_t *len, char version[65]);
void	 hist_version(const char *data, size_t len, char version[65]);

/*
 * Replace path by len bytes of data, if its version is still base
 * (NULL: a file that must not exist yet); the version it had goes to the
 * history first.  Returns 0, 1 on a conflict (the file changed since
 * base), or -1 with errno set.
 */
int	 hist_save(const char *path, const char *data, size_t len,
	    const char *base);

/* Keep the file's present bytes in its history (before a command
 * changes it).  0, or -1 with errno set. */
int	 hist_keep(const char *path);

/* The versions kept of path, newest first, as a JSON array text. */
char	*hist_list(const char *path);

/* The bytes of version id of path (NULL: none such). */
char	*hist_get(const char *path, const char *id, size_t *len);

/* Write data to path through a temporary file and a rename, synced:
 * the file is the old or the new, never a mix.  0, or -1 (errno). */
int	 hist_write(const char *path, const char *data, size_t len);

/* At start: the temporary files a killed server left beside the issues,
 * their pictures and their history removed, and each history cut back
 * to HIST_KEEP versions. */
void	 hist_sweep(void);

/* ---- deskfm.c: the front matter as a form ---- */

/* The values of the front matter of text (len bytes) by key: "期号",
 * "署名.编辑" (one mapping down); strings, or arrays of strings for
 * sequences.  NULL when it has no front matter libyaml reads. */
json_t	*deskfm_values(const char *text, size_t len);

/*
 * text with the values of changes (as deskfm_values() gives them)
 * written in: each value's own text replaced by what libyaml's emitter
 * writes for it, a new key added at the end of its mapping; comments,
 * order and everything else kept byte for byte.  The result must read
 * back as asked.  Returns it (*outlen bytes; the caller frees it), or
 * NULL with *why saying why not.
 */
char	*deskfm_apply(const char *text, size_t len, json_t *changes,
	    size_t *outlen, const char **why);

/* ---- deskrun.c: the commands the desk runs ---- */

/*
 * Run this program with argv (argv[0] is the command, e.g. "check"),
 * the series option added, in the folder served from; its stdout and
 * stderr caught (each at most 1 MiB).  Returns the exit status, or -1.
 */
int	 run_self(const struct srv *v, const char *const *argv, char **out,
	    char **err);

/* The same for the program prog (a path) with argv as it is. */
int	 run_prog(const char *prog, const char *const *argv, char **out,
	    char **err);

#endif
