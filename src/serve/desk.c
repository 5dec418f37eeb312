/* desk.c -- the editing desk: its pages (templates/desk/, CodeMirror and pdf.js from the system) and its API under /desk/. */
#define _GNU_SOURCE
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <jansson.h>

#include "util/util.h"
#include "serve/desk_int.h"

/* Debian's copies, served as they are: never vendored, never a CDN. */
#define SYS_CODEMIRROR	"/usr/share/javascript/codemirror"
#define SYS_PDFJS	"/usr/share/javascript/pdf"

#define MAX_TEXT	(8 * 1024 * 1024)	/* an issue saved */
#define MAX_UPLOAD	(20 * 1024 * 1024)	/* a file dropped */
#define BASE_HEADER	"X-Jianbao-Base"	/* the version a save is on */
#define NAME_HEADER	"X-Jianbao-Name"	/* a dropped file's name */

/* A request to the desk: its body as it comes. */
struct req {
	struct buf	 body;
	size_t		 limit;
	int		 over;		/* the body was larger than limit */
};

void
desk_done(void *con_cls)
{
	struct req	*q = con_cls;

	if (q == NULL)
		return;
	buf_free(&q->body);
	free(q);
}

static const char *
arg(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
}

static const char *
header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

/* {"error": text} with the status. */
static enum MHD_Result
fail(struct MHD_Connection *c, unsigned status, const char *text)
{
	json_t	*o = json_pack("{s:s}", "error", text);
	char	*s = json_dumps(o, JSON_COMPACT);

	json_decref(o);
	return http_json(c, status, s);
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, json_t *o)
{
	char	*s = json_dumps(o, JSON_COMPACT);

	json_decref(o);
	return http_json(c, status, s);
}

/* The path argument, when it names an issue the desk may touch. */
static const char *
issue_arg(struct MHD_Connection *c)
{
	const char	*p = arg(c, "path");

	return p != NULL && hist_issue_name(p) ? p : NULL;
}

/* The file and its version, as the editor gets it. */
static json_t *
source_json(const char *path)
{
	char	*data, version[65];
	size_t	 len;
	json_t	*o;

	if ((data = hist_read(path, &len, version)) == NULL)
		return NULL;
	o = json_pack("{s:s, s:s%, s:s}", "path", path, "text", data, len,
	    "version", version);
	free(data);
	return o;
}

/* ---- pages ---- */

static enum MHD_Result
page(struct srv *v, struct MHD_Connection *c, const char *name)
{
	char		 dir[PATH_MAX], rel[64], *real;
	enum MHD_Result	 ret;

	snprintf(dir, sizeof(dir), "%s/desk", v->o->templates);
	if ((real = realpath(dir, NULL)) == NULL)
		return http_text(c, MHD_HTTP_NOT_FOUND, "找不到编辑台的页面\n");
	snprintf(rel, sizeof(rel), "/%s", name);
	ret = http_file(c, real, rel);
	free(real);
	return ret;
}

/* The token of the printed address becomes the cookie; the address
 * then loses it, so it is neither bookmarked nor sent on. */
static enum MHD_Result
enter(struct srv *v, struct MHD_Connection *c, const char *token)
{
	struct MHD_Response	*r;
	enum MHD_Result		 ret;
	char			*cookie;

	if (!auth_is_token(v->auth, token))
		return http_text(c, MHD_HTTP_FORBIDDEN,
		    "编辑台地址中的口令不对：请用启动时终端第一行显示的地址\n");
	cookie = auth_set_cookie(v->auth);
	r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	http_headers(r);
	MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, DESK_PATH);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	free(cookie);
	ret = MHD_queue_response(c, MHD_HTTP_SEE_OTHER, r);
	MHD_destroy_response(r);
	return ret;
}

/* ---- reading ---- */

/* Every issue by year, with check's errors and warnings. */
static enum MHD_Result
api_issues(struct srv *v, struct MHD_Connection *c)
{
	static const char *const argv[] = { "check", "--format", "json", NULL };
	struct iss_list	 l;
	json_t		*a = json_array(), *o, *f;
	char		*out, *err, *line, *save = NULL, *stem, pdf[PATH_MAX];
	size_t		 i;
	const char	*file, *level;
	struct stat	 st;

	iss_scan(ISS_DIR, &l);
	for (i = 0; i < l.n; i++) {
		stem = iss_out_stem(v->o->out, l.v[i].path);
		snprintf(pdf, sizeof(pdf), "%s.pdf", stem);
		free(stem);
		stem = iss_stem(l.v[i].path);
		json_array_append_new(a, json_pack("{s:s, s:i, s:i, s:s?, "
		    "s:s, s:i, s:i, s:b}", "path", l.v[i].path, "year",
		    l.v[i].year, "number", l.v[i].number, "prefix",
		    l.v[i].prefix, "stem", stem, "errors", 0, "warnings", 0,
		    "pdf", stat(pdf, &st) == 0));
		free(stem);
	}
	run_self(v, argv, &out, &err);
	for (line = strtok_r(err, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((f = json_loads(line, 0, NULL)) == NULL)
			continue;
		file = json_string_value(json_object_get(f, "file"));
		level = json_string_value(json_object_get(f, "level"));
		for (i = 0; file != NULL && level != NULL && i < l.n; i++) {
			if (strcmp(l.v[i].path, file) != 0)
				continue;
			o = json_array_get(a, i);
			if (strcmp(level, "错误") == 0)
				json_object_set_new(o, "errors", json_integer(
				    json_integer_value(json_object_get(o,
				    "errors")) + 1));
			else if (strcmp(level, "警告") == 0)
				json_object_set_new(o, "warnings", json_integer(
				    json_integer_value(json_object_get(o,
				    "warnings")) + 1));
		}
		json_decref(f);
	}
	free(out);
	free(err);
	iss_free(&l);
	return reply(c, MHD_HTTP_OK, json_pack("{s:o}", "issues", a));
}

/* JSON lines a command wrote, as an array (other lines as messages). */
static json_t *
json_lines(char *text)
{
	json_t	*a = json_array(), *f;
	char	*line, *save = NULL;

	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		if ((f = json_loads(line, 0, NULL)) != NULL)
			json_array_append_new(a, f);
		else
			json_array_append_new(a, json_pack("{s:s}", "message",
			    line));
	return a;
}

/* check's findings of the file as saved, and the repairs check --fix
 * would make (--dry-run), each at its line and column. */
static enum MHD_Result
api_check(struct srv *v, struct MHD_Connection *c, const char *path)
{
	const char	*check[] = { "check", "--format", "json", path, NULL };
	const char	*fix[] = { "check", "--fix", "--dry-run", "--format",
			    "json", path, NULL };
	char		*out, *err, *out2, *err2;
	json_t		*o;

	run_self(v, check, &out, &err);
	run_self(v, fix, &out2, &err2);
	o = json_pack("{s:o, s:o}", "findings", json_lines(err), "fixes",
	    json_lines(err2));
	free(out);
	free(err);
	free(out2);
	free(err2);
	return reply(c, MHD_HTTP_OK, o);
}

static enum MHD_Result
api_history(struct MHD_Connection *c, const char *path)
{
	const char	*id = arg(c, "id");
	char		*data;
	size_t		 len;
	json_t		*o;

	if (id == NULL)
		return http_json(c, MHD_HTTP_OK, hist_list(path));
	if ((data = hist_get(path, id, &len)) == NULL)
		return fail(c, MHD_HTTP_NOT_FOUND, "没有这个版本");
	o = json_pack("{s:s, s:s%}", "id", id, "text", data, len);
	free(data);
	return reply(c, MHD_HTTP_OK, o);
}

/* The front matter's values, for the form. */
static enum MHD_Result
api_fm(struct MHD_Connection *c, const char *path)
{
	char	*data, version[65];
	size_t	 len;
	json_t	*vals;

	if ((data = hist_read(path, &len, version)) == NULL)
		return fail(c, MHD_HTTP_NOT_FOUND, "读不到这一期");
	vals = deskfm_values(data, len);
	free(data);
	if (vals == NULL)
		return fail(c, MHD_HTTP_UNPROCESSABLE_CONTENT,
		    "这一期开头的期次信息读不出来，请在原稿中改正");
	return reply(c, MHD_HTTP_OK, json_pack("{s:o, s:s}", "values", vals,
	    "version", version));
}

static enum MHD_Result
desk_get(struct srv *v, struct MHD_Connection *c, const char *url)
{
	const char	*token = arg(c, "token"), *path, *rest;
	json_t		*o;
	char		 rel[PATH_MAX];
	unsigned	 st;

	if (token != NULL)
		return enter(v, c, token);
	/* a colleague who gave the password (--listen) gets the cookie */
	if ((st = auth_cookie(v, c)) != 0 && auth_users(v->auth) > 0)
		return enter(v, c, auth_token(v->auth));
	if (st != 0)
		return http_text(c, st, "请用启动时终端第一行显示的编辑台地址"
		    "打开编辑台（地址中带有口令）\n");
	if (strcmp(url, DESK_PATH) == 0)
		return page(v, c, "index.html");
	if (strncmp(url, DESK_PATH "edit/", 11) == 0) {
		if (!hist_issue_name(url + 11) || access(url + 11, F_OK) != 0)
			return http_text(c, MHD_HTTP_NOT_FOUND,
			    "没有这一期：请回到编辑台首页选择\n");
		return page(v, c, "edit.html");
	}
	if (strncmp(url, DESK_PATH "static/", 13) == 0 &&
	    strchr(url + 13, '/') == NULL)
		return page(v, c, url + 13);
	if ((rest = strstr(url, "/sys/codemirror/")) == url + 5) {
		snprintf(rel, sizeof(rel), "/%s", url + 21);
		return http_file(c, SYS_CODEMIRROR, rel);
	}
	if ((rest = strstr(url, "/sys/pdf/")) == url + 5) {
		snprintf(rel, sizeof(rel), "/%s", url + 14);
		return http_file(c, SYS_PDFJS, rel);
	}
	if (strcmp(url, DESK_PATH "api/issues") == 0)
		return api_issues(v, c);
	if (strncmp(url, DESK_PATH "api/", 10) != 0)
		return http_text(c, MHD_HTTP_NOT_FOUND, "找不到这个页面\n");
	if ((path = issue_arg(c)) == NULL)
		return fail(c, MHD_HTTP_FORBIDDEN, "编辑台只打开 issues/年/期.md");
	if (strcmp(url, DESK_PATH "api/source") == 0) {
		if ((o = source_json(path)) == NULL)
			return fail(c, MHD_HTTP_NOT_FOUND, "读不到这一期");
		/* the page offers no change it would be refused */
		json_object_set_new(o, "readonly", json_boolean(
		    auth_read_only(v, c)));
		return reply(c, MHD_HTTP_OK, o);
	}
	if (strcmp(url, DESK_PATH "api/check") == 0)
		return api_check(v, c, path);
	if (strcmp(url, DESK_PATH "api/history") == 0)
		return api_history(c, path);
	if (strcmp(url, DESK_PATH "api/frontmatter") == 0)
		return api_fm(c, path);
	return http_text(c, MHD_HTTP_NOT_FOUND, "找不到这个页面\n");
}

/* ---- changing ---- */

/* Save the body over path if path is still at the version the editor
 * started from: 200 with the new version, or 409 with the file as it
 * is now, so the editor sees both. */
static enum MHD_Result
save(struct srv *v, struct MHD_Connection *c, const char *path,
    const char *data, size_t len)
{
	const char	*base = header(c, BASE_HEADER);
	char		 version[65];
	json_t		*o;
	int		 rc;

	if (!g_utf8_validate(data, (gssize)len, NULL) ||
	    memchr(data, '\0', len) != NULL)
		return fail(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
		    "期刊文件应是 UTF-8 文字");
	if (base == NULL)
		return fail(c, MHD_HTTP_BAD_REQUEST, "保存时须带上所据的版本");
	pthread_mutex_lock(&v->save);
	rc = hist_save(path, data, len, base);
	if (rc == 1) {
		o = source_json(path);
		pthread_mutex_unlock(&v->save);
		if (o == NULL)
			return fail(c, MHD_HTTP_CONFLICT, "这一期已被删除");
		json_object_set_new(o, "error", json_string(
		    "这一期在别处改过了：没有保存，请对照两个版本"));
		return reply(c, MHD_HTTP_CONFLICT, o);
	}
	pthread_mutex_unlock(&v->save);
	if (rc == -1)
		return fail(c, MHD_HTTP_INTERNAL_SERVER_ERROR, strerror(errno));
	hist_version(data, len, version);
	return reply(c, MHD_HTTP_OK, json_pack("{s:s}", "version", version));
}

static enum MHD_Result
restore(struct srv *v, struct MHD_Connection *c, const char *path)
{
	const char	*id = arg(c, "id");
	char		*data;
	size_t		 len;
	enum MHD_Result	 ret;

	if (id == NULL || (data = hist_get(path, id, &len)) == NULL)
		return fail(c, MHD_HTTP_NOT_FOUND, "没有这个版本");
	ret = save(v, c, path, data, len);
	free(data);
	return ret;
}

/* A command's result: its status, what it printed and said. */
static json_t *
ran(int status, char *out, char *err)
{
	json_t	*o = json_pack("{s:i, s:s, s:s}", "status", status, "output",
		    out, "messages", err);

	free(out);
	free(err);
	return o;
}

static enum MHD_Result
api_new(struct srv *v, struct MHD_Connection *c)
{
	const char	*kind = arg(c, "kind");
	const char	*argv[] = { "new", NULL, NULL, NULL };
	char		*out, *err;
	int		 st;

	if (kind != NULL && *kind != '\0') {
		argv[1] = "--kind";
		argv[2] = kind;
	}
	pthread_mutex_lock(&v->save);
	st = run_self(v, argv, &out, &err);
	pthread_mutex_unlock(&v->save);
	return reply(c, st == 0 ? MHD_HTTP_OK : MHD_HTTP_UNPROCESSABLE_CONTENT,
	    ran(st, out, err));
}

/* What a dropped file is, by its first bytes, never by its name alone:
 * the extension import and the pictures are to get, or NULL. */
static const char *
sniff(const char *data, size_t len, const char *name, int picture)
{
	static const char png[] = "\x89PNG\r\n\x1a\n";
	static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	const char	*dot = name != NULL ? strrchr(name, '.') : NULL;

	if (picture) {
		if (len > 8 && memcmp(data, png, 8) == 0)
			return ".png";
		if (len > 3 && memcmp(data, "\xff\xd8\xff", 3) == 0)
			return ".jpg";
		return NULL;
	}
	if (len > 4 && memcmp(data, "PK\x03\x04", 4) == 0)
		return ".docx";
	if (len > 5 && memcmp(data, "%PDF-", 5) == 0)
		return ".pdf";
	if (len > 8 && memcmp(data, ole, 8) == 0)
		return dot != NULL && g_ascii_strcasecmp(dot, ".wps") == 0 ?
		    ".wps" : ".doc";
	/* text: UTF-16 with its mark, or no NUL at all */
	if (len >= 2 && ((unsigned char)data[0] == 0xff ||
	    (unsigned char)data[0] == 0xfe) &&
	    ((unsigned char)data[1] ^ (unsigned char)data[0]) == 0x01)
		return ".txt";
	if (len > 0 && memchr(data, '\0', len) == NULL)
		return ".txt";
	return NULL;
}

/* A name of a-z, 0-9 and -, from what the editor's file was called. */
static void
safe_name(const char *given, char *out, size_t size)
{
	const char	*p = given != NULL ? strrchr(given, '/') : NULL;
	size_t		 n = 0;

	p = p != NULL ? p + 1 : given != NULL ? given : "";
	for (; *p != '\0' && *p != '.' && n + 1 < size && n < 40; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			out[n++] = *p;
		else if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
		else if ((*p == '-' || *p == '_' || *p == ' ') && n > 0 &&
		    out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "tu");
}

static enum MHD_Result
api_import(struct srv *v, struct MHD_Connection *c, const char *into,
    struct req *q)
{
	const char	*name = header(c, NAME_HEADER), *ext, *base;
	const char	*argv[] = { "import", NULL, NULL, NULL, NULL };
	char		 dir[] = "/tmp/jianbao-desk-XXXXXX", file[PATH_MAX];
	char		 safe[48], version[65], *out, *err, *old;
	size_t		 len;
	json_t		*o;
	int		 st;

	if ((ext = sniff(q->body.data, q->body.len, name, 0)) == NULL)
		return fail(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
		    "只能导入 Word 文件（.docx、.doc、.wps）、PDF 文件和文字文件");
	if (mkdtemp(dir) == NULL)
		return fail(c, MHD_HTTP_INTERNAL_SERVER_ERROR, strerror(errno));
	safe_name(name, safe, sizeof(safe));
	snprintf(file, sizeof(file), "%s/%s%s", dir, safe, ext);
	if (hist_write(file, q->body.data, q->body.len) == -1) {
		rmdir(dir);
		return fail(c, MHD_HTTP_INTERNAL_SERVER_ERROR, strerror(errno));
	}
	argv[1] = file;
	pthread_mutex_lock(&v->save);
	if (into != NULL) {
		/* into the issue as the editor has it, and no other */
		base = header(c, BASE_HEADER);
		old = hist_read(into, &len, version);
		free(old);
		if (old == NULL || base == NULL || strcmp(base, version) != 0) {
			pthread_mutex_unlock(&v->save);
			unlink(file);
			rmdir(dir);
			return fail(c, MHD_HTTP_CONFLICT,
			    "这一期在别处改过了：请先重新打开");
		}
		hist_keep(into);
		argv[2] = "--into";
		argv[3] = into;
	}
	st = run_self(v, argv, &out, &err);
	pthread_mutex_unlock(&v->save);
	unlink(file);
	rmdir(dir);
	o = ran(st, out, err);
	return reply(c, st == 0 ? MHD_HTTP_OK : MHD_HTTP_UNPROCESSABLE_CONTENT,
	    o);
}

/* A picture into the issue's images/ under a name no other file has. */
static enum MHD_Result
api_image(struct srv *v, struct MHD_Connection *c, const char *path,
    struct req *q)
{
	const char	*ext, *slash = strrchr(path, '/');
	char		 dir[1024], tmp[PATH_MAX], dst[PATH_MAX], safe[48];
	char		 num[16];
	struct stat	 st;
	int		 i, rc = -1;

	if ((ext = sniff(q->body.data, q->body.len, NULL, 1)) == NULL)
		return fail(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE,
		    "只能插入 PNG 或 JPEG 图片");
	snprintf(dir, sizeof(dir), "%.*s/images", (int)(slash - path), path);
	if (lstat(dir, &st) == 0 ? !S_ISDIR(st.st_mode) :
	    mkdir(dir, 0777) == -1)
		return fail(c, MHD_HTTP_FORBIDDEN, "图片文件夹不能写");
	safe_name(header(c, NAME_HEADER), safe, sizeof(safe));
	/* 07-fenlei.png: the issue's number first, as the samples do */
	snprintf(num, sizeof(num), "%.2s-", slash + 1);
	if (strspn(num, "0123456789") != 2)
		num[0] = '\0';
	snprintf(tmp, sizeof(tmp), "%s/.desk-upload-%ld-%ld%s", dir,
	    (long)getpid(), (long)gettid(), ext);
	pthread_mutex_lock(&v->save);
	if (hist_write(tmp, q->body.data, q->body.len) == 0)
		for (i = 1; i < 1000; i++) {
			if (i == 1)
				snprintf(dst, sizeof(dst), "%s/%s%s%s", dir,
				    num, safe, ext);
			else
				snprintf(dst, sizeof(dst), "%s/%s%s-%d%s",
				    dir, num, safe, i, ext);
			/* link(): never over a file that is there */
			if ((rc = link(tmp, dst)) == 0 || errno != EEXIST)
				break;
		}
	unlink(tmp);
	pthread_mutex_unlock(&v->save);
	if (rc == -1)
		return fail(c, MHD_HTTP_INTERNAL_SERVER_ERROR, strerror(errno));
	return reply(c, MHD_HTTP_OK, json_pack("{s:s}", "name",
	    dst + (slash - path) + 1));
}

/* The form's changes written into the front matter, against the
 * version the form was filled from. */
static enum MHD_Result
save_fm(struct srv *v, struct MHD_Connection *c, const char *path,
    struct req *q)
{
	const char	*base = header(c, BASE_HEADER), *why;
	char		*old, *text, version[65];
	size_t		 len, n;
	json_t		*changes;
	int		 rc;

	if ((changes = json_loadb(q->body.data ? q->body.data : "",
	    q->body.len, 0, NULL)) == NULL || !json_is_object(changes)) {
		json_decref(changes);
		return fail(c, MHD_HTTP_BAD_REQUEST, "表单的内容不对");
	}
	pthread_mutex_lock(&v->save);
	if ((old = hist_read(path, &len, version)) == NULL ||
	    base == NULL || strcmp(base, version) != 0) {
		pthread_mutex_unlock(&v->save);
		free(old);
		json_decref(changes);
		return fail(c, MHD_HTTP_CONFLICT,
		    "这一期在别处改过了：请重新打开表单");
	}
	text = deskfm_apply(old, len, changes, &n, &why);
	json_decref(changes);
	free(old);
	rc = text != NULL ? hist_save(path, text, n, base) : -1;
	pthread_mutex_unlock(&v->save);
	if (text == NULL)
		return fail(c, MHD_HTTP_UNPROCESSABLE_CONTENT, why);
	if (rc != 0) {
		free(text);
		return fail(c, rc == 1 ? MHD_HTTP_CONFLICT :
		    MHD_HTTP_INTERNAL_SERVER_ERROR, "没有保存");
	}
	hist_version(text, n, version);
	free(text);
	return reply(c, MHD_HTTP_OK, json_pack("{s:s}", "version", version));
}

/* The site as built, published to --publish's folder by make's own
 * script: a link renamed over the old one, never half a site. */
static enum MHD_Result
api_publish(struct srv *v, struct MHD_Connection *c)
{
	const char	*argv[] = { "sh", datadir_find("scripts/publish.sh"),
			    v->o->out, v->o->publish, NULL };
	char		*out, *err;
	int		 st;

	if (v->o->publish == NULL)
		return fail(c, MHD_HTTP_CONFLICT, "启动编辑台时没有用 --publish "
		    "给出发布目录");
	/* one at a time, and not while the desk writes */
	pthread_mutex_lock(&v->save);
	st = run_prog("/bin/sh", argv, &out, &err);
	pthread_mutex_unlock(&v->save);
	return reply(c, st == 0 ? MHD_HTTP_OK : MHD_HTTP_UNPROCESSABLE_CONTENT,
	    ran(st, out, err));
}

static enum MHD_Result
desk_post(struct srv *v, struct MHD_Connection *c, const char *url,
    struct req *q)
{
	const char	*path;

	if (strcmp(url, DESK_PATH "api/new") == 0)
		return api_new(v, c);
	if (strcmp(url, DESK_PATH "api/publish") == 0)
		return api_publish(v, c);
	if (strcmp(url, DESK_PATH "api/import") == 0 && arg(c, "path") == NULL)
		return api_import(v, c, NULL, q);
	if ((path = issue_arg(c)) == NULL)
		return fail(c, MHD_HTTP_FORBIDDEN,
		    "编辑台只写 issues/年/期.md 和它的图片");
	if (strcmp(url, DESK_PATH "api/save") == 0)
		return save(v, c, path, q->body.data ? q->body.data : "",
		    q->body.len);
	if (strcmp(url, DESK_PATH "api/restore") == 0)
		return restore(v, c, path);
	if (strcmp(url, DESK_PATH "api/import") == 0)
		return api_import(v, c, path, q);
	if (strcmp(url, DESK_PATH "api/image") == 0)
		return api_image(v, c, path, q);
	if (strcmp(url, DESK_PATH "api/frontmatter") == 0)
		return save_fm(v, c, path, q);
	return fail(c, MHD_HTTP_NOT_FOUND, "没有这项操作");
}

enum MHD_Result
desk_answer(struct srv *v, struct MHD_Connection *c, const char *url,
    const char *method, const char *upload, size_t *upload_size,
    void **con_cls)
{
	struct req	*q = *con_cls;
	const char	*cl;
	unsigned	 st;

	if (q == NULL) {
		/* the headers: everything that refuses is known now */
		if ((st = auth_host(v, c)) != 0)
			return http_text(c, st, "编辑台只回答它自己的地址\n");
		if (strcmp(method, MHD_HTTP_METHOD_GET) == 0 ||
		    strcmp(method, MHD_HTTP_METHOD_HEAD) == 0) {
			*con_cls = q = xcalloc(1, sizeof(*q));
			return desk_get(v, c, url);
		}
		if (strcmp(method, MHD_HTTP_METHOD_POST) != 0)
			return http_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
			    "编辑台只支持 GET、HEAD 和 POST\n");
		if ((st = auth_change(v, c)) != 0)
			return fail(c, st, "这个请求不是从编辑台发出的，"
			    "或没有改动的权限");
		*con_cls = q = xcalloc(1, sizeof(*q));
		q->limit = strcmp(url, DESK_PATH "api/import") == 0 ||
		    strcmp(url, DESK_PATH "api/image") == 0 ? MAX_UPLOAD :
		    MAX_TEXT;
		cl = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl != NULL && strtoull(cl, NULL, 10) > q->limit)
			return fail(c, MHD_HTTP_CONTENT_TOO_LARGE, "文件太大");
		return MHD_YES;
	}
	if (*upload_size != 0) {
		if (q->body.len + *upload_size > q->limit)
			q->over = 1;
		else
			buf_put(&q->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (q->over)
		return fail(c, MHD_HTTP_CONTENT_TOO_LARGE, "文件太大");
	return desk_post(v, c, url, q);
}
