/* http.c -- the server's replies: files under a root (HTML pages with the reload script), text and JSON, the headers every reply carries. */
#include <sys/stat.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <microhttpd.h>

#include "model/model.h"
#include "web/web.h"
#include "util/util.h"
#include "serve/serve.h"
#include "serve/serve_int.h"
#include "serve/desk_int.h"

/*
 * Only scripts of this server run in its pages: the site's search, the
 * reload script, the desk's own and the system's CodeMirror and pdf.js,
 * and of inline scripts only the issue pages' titles.js, by its hash
 * (http_csp_init()).  The pages' styles are inline in the editions
 * (style.css in a <style>), so styles may be; frames only of this server
 * (the desk shows the live page in one).
 */
#define CSP_FMT	"default-src 'self'; script-src 'self'%s%s; " \
		"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " \
		"font-src 'self' data:; object-src 'none'; base-uri 'self'; " \
		"form-action 'self'; frame-ancestors 'self'"

/* Set once by http_csp_init(), before the server starts. */
static char	*csp;

static const struct {
	const char	*ext;
	const char	*type;
} types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".pdf", "application/pdf" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "application/javascript; charset=utf-8" },
	{ ".mjs", "application/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".xml", "application/atom+xml" },
	{ ".json", "application/json" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".docx", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document" },
};

static const char reload_tag[] =
"<script src=\"" RELOAD_PATH "\" data-gen=\"%u\"></script>\n";

const char *
http_type(const char *path)
{
	size_t	 i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (g_str_has_suffix(path, types[i].ext))
			return types[i].type;
	return "application/octet-stream";
}

void
http_csp_init(const char *tmpldir)
{
	char	*hash = html_script_csp(tmpldir);

	g_free(csp);
	csp = g_strdup_printf(CSP_FMT, hash ? " " : "", hash ? hash : "");
	free(hash);
}

void
http_headers(struct MHD_Response *r)
{
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
}

enum MHD_Result
http_queue(struct MHD_Connection *c, unsigned status, struct MHD_Response *r)
{
	enum MHD_Result	 ret;

	http_headers(r);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

enum MHD_Result
http_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/plain; charset=utf-8");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	if (status == MHD_HTTP_UNAUTHORIZED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		    "Basic realm=\"jianbao\", charset=\"UTF-8\"");
	return http_queue(c, status, r);
}

enum MHD_Result
http_json(struct MHD_Connection *c, unsigned status, char *json)
{
	struct MHD_Response	*r;

	r = MHD_create_response_from_buffer(strlen(json), json,
	    MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "application/json");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	return http_queue(c, status, r);
}

/* An HTML file with the reload script named before its </body>. */
static struct MHD_Response *
http_page(struct srv *v, int fd, size_t size)
{
	char		*page, *body, tag[sizeof(reload_tag) + 16];
	size_t		 n = 0, at, slen;
	ssize_t		 k;
	unsigned	 gen;

	pthread_mutex_lock(&v->lock);
	gen = v->gen;
	pthread_mutex_unlock(&v->lock);
	slen = (size_t)snprintf(tag, sizeof(tag), reload_tag, gen);
	page = xmalloc(size + slen + 1);
	while (n < size && (k = read(fd, page + n, size - n)) > 0)
		n += (size_t)k;
	page[n] = '\0';
	close(fd);
	at = n;
	for (body = page; (body = strstr(body, "</body>")) != NULL; body++)
		at = (size_t)(body - page);
	memmove(page + at + slen, page + at, n - at);
	memcpy(page + at, tag, slen);
	return MHD_create_response_from_buffer(n + slen, page,
	    MHD_RESPMEM_MUST_FREE);
}

unsigned
http_resolve(const char *root, const char *rel, char **file)
{
	char		*path, *real;
	const char	*p;
	size_t		 n, rootlen = strlen(root);
	struct stat	 st;

	*file = NULL;
	if (rel[0] != '/' || strchr(rel, '\\') != NULL)
		return MHD_HTTP_FORBIDDEN;
	/* MHD has decoded %2e%2e already: every part is looked at as it is */
	for (p = rel; *p != '\0'; p++) {
		if (p[0] != '/')
			continue;
		if (p[1] == '.' && p[2] == '.' && (p[3] == '/' || p[3] == '\0'))
			return MHD_HTTP_FORBIDDEN;
		if (p[1] == '.')
			return MHD_HTTP_NOT_FOUND;
	}
	n = rootlen + strlen(rel) + sizeof("index.html");
	path = xmalloc(n);
	snprintf(path, n, "%s%s%s", root, rel,
	    g_str_has_suffix(rel, "/") ? "index.html" : "");
	real = realpath(path, NULL);
	free(path);
	if (real == NULL)
		return MHD_HTTP_NOT_FOUND;
	if (strncmp(real, root, rootlen) != 0 ||
	    (real[rootlen] != '/' && real[rootlen] != '\0')) {
		free(real);
		return MHD_HTTP_FORBIDDEN;
	}
	if (stat(real, &st) != 0) {
		free(real);
		return MHD_HTTP_NOT_FOUND;
	}
	if (S_ISDIR(st.st_mode)) {
		free(real);
		return MHD_HTTP_MOVED_PERMANENTLY;
	}
	if (!S_ISREG(st.st_mode)) {
		free(real);
		return MHD_HTTP_NOT_FOUND;
	}
	*file = real;
	return MHD_HTTP_OK;
}

/* The file rel under root, HTML with the reload script when v is set. */
enum MHD_Result
http_send(struct srv *v, struct MHD_Connection *c, const char *root,
    const char *rel)
{
	struct MHD_Response	*r;
	struct stat		 st;
	char			*file, *loc;
	unsigned		 status;
	int			 fd;

	status = http_resolve(root, rel, &file);
	if (status == MHD_HTTP_MOVED_PERMANENTLY) {
		loc = xmalloc(strlen(rel) + 2);
		sprintf(loc, "%s/", rel);
		r = MHD_create_response_from_buffer(0, NULL,
		    MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, loc);
		free(loc);
		return http_queue(c, status, r);
	}
	if (status == MHD_HTTP_FORBIDDEN)
		return http_text(c, status, "不能访问预览目录以外的文件\n");
	if (status != MHD_HTTP_OK)
		return http_text(c, status, "找不到这个页面\n");
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1) {
		if (fd != -1)
			close(fd);
		free(file);
		return http_text(c, MHD_HTTP_NOT_FOUND, "找不到这个页面\n");
	}
	if (v != NULL && g_str_has_suffix(file, ".html"))
		r = http_page(v, fd, (size_t)st.st_size);
	else
		r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    http_type(file));
	/* a preview: always the latest build */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	free(file);
	return http_queue(c, MHD_HTTP_OK, r);
}

enum MHD_Result
http_file(struct MHD_Connection *c, const char *root, const char *rel)
{
	char		*real = realpath(root, NULL);
	enum MHD_Result	 ret;

	if (real == NULL)
		return http_text(c, MHD_HTTP_NOT_FOUND, "找不到这个页面\n");
	ret = http_send(NULL, c, real, rel);
	free(real);
	return ret;
}
