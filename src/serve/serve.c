/* serve.c -- serve: the site and the editing desk on a local HTTP server (libmicrohttpd), rebuilt in this process on each save, open pages reloaded. */
#define _GNU_SOURCE	/* gettid(): a thread's own priority */
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib.h>
#include <microhttpd.h>

#include "model/model.h"
#include "jobs/jobs.h"
#include "util/util.h"
#include "serve/serve.h"
#include "serve/serve_int.h"
#include "serve/desk_int.h"

static int	 sigpipe_fd[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int	 e = errno;
	char	 c = (char)sig;

	if (write(sigpipe_fd[1], &c, 1) == -1) {
		/* nothing to do: a byte is already waiting */
	}
	errno = e;
}

/* ---- serving ---- */

/*
 * Served at RELOAD_PATH and named before </body> of every HTML response,
 * never written to a file: listens at EVENTS_PATH, reloads the page when
 * a rebuild succeeded (and when the server it reconnects to has built
 * since the page was served: data-gen, the build the page came from), and
 * shows the diagnostics of a failed rebuild over the page.
 */
static const char reload_js[] =
"(function(){var g=document.currentScript.getAttribute(\"data-gen\"),"
"s=new EventSource(\"" EVENTS_PATH "\");\n"
"s.addEventListener(\"hello\",function(e){if(e.data!==g)location.reload();});\n"
"s.addEventListener(\"reload\",function(){s.close();location.reload();});\n"
"s.addEventListener(\"diag\",function(e){"
"var d=document.getElementById(\"jianbao-serve-diag\");"
"if(!e.data){if(d)d.remove();return;}"
"if(!d){d=document.createElement(\"pre\");d.id=\"jianbao-serve-diag\";"
"d.setAttribute(\"role\",\"alert\");"
"d.style.cssText=\"position:fixed;left:0;right:0;top:0;z-index:2147483647;"
"margin:0;padding:1em 1.5em;max-height:70vh;overflow:auto;white-space:pre-wrap;"
"background:#fff4f4;color:#8b0000;border-bottom:3px solid #c00;"
"font:15px/1.6 monospace;box-shadow:0 2px 8px rgba(0,0,0,.3)\";"
"document.body.appendChild(d);}"
"d.textContent=e.data;});})();\n";

/* An event stream's own state. */
struct stream {
	struct srv	*v;
	unsigned	 gen, printgen, diaggen;
	int		 started;
	char		*buf;		/* what is still to be sent */
	size_t		 off, len;
};

static void
stream_put(struct stream *s, const char *text)
{
	size_t	 n = strlen(text);

	s->buf = xrealloc(s->buf, s->len + n + 1);
	memcpy(s->buf + s->len, text, n + 1);
	s->len += n;
}

/* "event: diag" with one "data:" line per line of text. */
static void
stream_diag(struct stream *s, const char *text)
{
	const char	*p, *nl;
	char		*line;

	stream_put(s, "event: diag\n");
	if (text == NULL || *text == '\0')
		stream_put(s, "data:\n");
	else
		for (p = text; *p != '\0'; p = *nl ? nl + 1 : nl) {
			if ((nl = strchr(p, '\n')) == NULL)
				nl = p + strlen(p);
			line = xmalloc((size_t)(nl - p) + 8);
			snprintf(line, (size_t)(nl - p) + 8, "data: %.*s\n",
			    (int)(nl - p), p);
			stream_put(s, line);
			free(line);
		}
	stream_put(s, "\n");
}

/*
 * What the pages are told: hello (the build now), reload (a good
 * rebuild of the pages), print (the print editions written again: the
 * desk shows them anew) and diag (the errors, or none).
 */
static ssize_t
stream_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream	*s = cls;
	struct srv	*v = s->v;
	struct timespec	 until;
	char		 line[64];
	size_t		 n;

	if (s->off == s->len) {
		s->off = s->len = 0;
		pthread_mutex_lock(&v->lock);
		if (!s->started) {
			s->started = 1;
			s->gen = v->gen;
			s->printgen = v->printgen;
			s->diaggen = v->diaggen;
			snprintf(line, sizeof(line),
			    "retry: 300\nevent: hello\ndata: %u\n\n", v->gen);
			stream_put(s, line);
			if (v->diag != NULL)
				stream_diag(s, v->diag);
		} else {
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_sec += PING_SECONDS;
			while (!v->quit && s->gen == v->gen &&
			    s->printgen == v->printgen &&
			    s->diaggen == v->diaggen)
				if (pthread_cond_timedwait(&v->cond, &v->lock,
				    &until) == ETIMEDOUT)
					break;
			if (v->quit) {
				pthread_mutex_unlock(&v->lock);
				return MHD_CONTENT_READER_END_OF_STREAM;
			}
			if (s->diaggen != v->diaggen) {
				s->diaggen = v->diaggen;
				stream_diag(s, v->diag);
			}
			if (s->gen != v->gen) {
				s->gen = v->gen;
				snprintf(line, sizeof(line),
				    "event: reload\ndata: %u\n\n", v->gen);
				stream_put(s, line);
			}
			if (s->printgen != v->printgen) {
				s->printgen = v->printgen;
				snprintf(line, sizeof(line),
				    "event: print\ndata: %u\n\n", v->printgen);
				stream_put(s, line);
			}
			if (s->len == 0)
				stream_put(s, ": \n\n");
		}
		pthread_mutex_unlock(&v->lock);
	}
	n = s->len - s->off < max ? s->len - s->off : max;
	memcpy(out, s->buf + s->off, n);
	s->off += n;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream	*s = cls;

	pthread_mutex_lock(&s->v->lock);
	s->v->nstreams--;
	pthread_mutex_unlock(&s->v->lock);
	free(s->buf);
	free(s);
}

static enum MHD_Result
reply_events(struct srv *v, struct MHD_Connection *c)
{
	struct MHD_Response	*r;
	struct stream		*s = xcalloc(1, sizeof(*s));

	s->v = v;
	pthread_mutex_lock(&v->lock);
	v->nstreams++;
	pthread_mutex_unlock(&v->lock);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    stream_read, s, stream_free);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream; charset=utf-8");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	return http_queue(c, MHD_HTTP_OK, r);
}

static int	 site_request;	/* *con_cls of a request for the site */

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct srv		*v = cls;
	struct MHD_Response	*r;
	unsigned		 st;

	if (*con_cls == NULL && (st = auth_password(v, c)) != 0)
		return http_text(c, st, "请输入编辑台的用户名和密码\n");
	if (strncmp(url, DESK_PATH, strlen(DESK_PATH)) == 0 ||
	    strcmp(url, "/desk") == 0) {
		if (url[5] == '\0')
			url = DESK_PATH;
		return desk_answer(v, c, url, method, upload, upload_size,
		    con_cls);
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return http_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "只支持 GET 和 HEAD\n");
	if (*con_cls == NULL) {
		/* the headers only; a body, if any, comes next */
		*con_cls = &site_request;
		return MHD_YES;
	}
	if (*upload_size != 0)
		return http_text(c, MHD_HTTP_CONTENT_TOO_LARGE,
		    "GET 和 HEAD 不带请求正文\n");
	if (strcmp(url, EVENTS_PATH) == 0)
		return reply_events(v, c);
	if (strcmp(url, RELOAD_PATH) == 0) {
		r = MHD_create_response_from_buffer(sizeof(reload_js) - 1,
		    (void *)reload_js, MHD_RESPMEM_PERSISTENT);
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
		    http_type(RELOAD_PATH));
		return http_queue(c, MHD_HTTP_OK, r);
	}
	return http_send(v, c, v->root, url);
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	if (*con_cls != NULL && *con_cls != &site_request)
		desk_done(*con_cls);
	*con_cls = NULL;
}

static struct MHD_Daemon *
http_start(struct srv *v, const char *addr, int port)
{
	struct sockaddr_in	 a4;
	struct sockaddr_in6	 a6;
	struct sockaddr		*sa;
	unsigned		 flags = MHD_USE_THREAD_PER_CONNECTION |
				    MHD_USE_INTERNAL_POLLING_THREAD;

	memset(&a4, 0, sizeof(a4));
	memset(&a6, 0, sizeof(a6));
	if (inet_pton(AF_INET, addr, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		a4.sin_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&a4;
	} else if (inet_pton(AF_INET6, addr, &a6.sin6_addr) == 1) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons((uint16_t)port);
		sa = (struct sockaddr *)&a6;
		flags |= MHD_USE_IPv6;
	} else
		return NULL;
	errno = 0;
	return MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, answer, v,
	    MHD_OPTION_SOCK_ADDR, sa,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNS,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)REQ_MEMORY,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT,
	    MHD_OPTION_THREAD_STACK_SIZE, (size_t)(256 * 1024),
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_END);
}

/* ---- the command ---- */

/* Only this machine reaches the address: 127.0.0.0/8 or ::1. */
static int
loopback(const char *addr)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	return inet_pton(AF_INET6, addr, &a6) == 1 &&
	    IN6_IS_ADDR_LOOPBACK(&a6);
}

/* The address as a browser writes it, host:port, which the desk
 * answers to (auth_host()); a wildcard address answers to the names
 * the machine has. */
static void
host_port(struct srv *v, const char *addr, int port)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	v->anyhost = (inet_pton(AF_INET, addr, &a4) == 1 &&
	    a4.s_addr == htonl(INADDR_ANY)) ||
	    (inet_pton(AF_INET6, addr, &a6) == 1 &&
	    IN6_IS_ADDR_UNSPECIFIED(&a6));
	snprintf(v->hostport, sizeof(v->hostport), strchr(addr, ':') ?
	    "[%s]:%d" : "%s:%d", addr, port);
}

int
serve_main(const struct serve_opts *o)
{
	struct srv		 v;
	struct MHD_Daemon	*d = NULL;
	const union MHD_DaemonInfo *info;
	struct sigaction	 sa;
	struct pollfd		 p[2];
	struct in6_addr		 probe;
	struct todo		 t;
	struct step		 st = { NULL, NULL, 0, 0, 0 };
	const char		*addr = o->listen ? o->listen : DEFAULT_ADDR;
	size_t			 i;
	char			 c;
	int			 rc = 1, port;

	if (inet_pton(AF_INET, addr, &probe) != 1 &&
	    inet_pton(AF_INET6, addr, &probe) != 1) {
		msg(MSG_USAGE, NULL, "--listen 需要一个 IP 地址，如 127.0.0.1");
		return 2;
	}
	/* anyone who reaches the desk can change the issues: beyond this
	 * machine only with a password */
	if (!loopback(addr) && o->password_file == NULL) {
		msg(MSG_USAGE, NULL, "--listen 到本机以外的地址时，须用 "
		    "--password-file 给出密码文件");
		return 2;
	}
	memset(&v, 0, sizeof(v));
	if ((v.auth = auth_new(o->password_file, o->read_only)) == NULL)
		return 2;
	if (!o->read_only)
		hist_sweep();
	memset(&t, 0, sizeof(t));
	v.o = o;
	v.ino = -1;
	pthread_mutex_init(&v.lock, NULL);
	pthread_cond_init(&v.cond, NULL);
	pthread_mutex_init(&v.save, NULL);
	v.jo.out = o->out;
	v.jo.templates = o->templates;
	v.jo.po.fontdir = o->fontdir;
	v.jo.po.resident = 1;
	v.jo.html = v.jo.pdf = v.jo.docx = 1;
	v.jo.jobs = 1;

	if (pipe(sigpipe_fd) == -1 ||
	    fcntl(sigpipe_fd[0], F_SETFL, O_NONBLOCK) == -1 ||
	    fcntl(sigpipe_fd[1], F_SETFL, O_NONBLOCK) == -1 ||
	    (v.ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1) {
		msg(MSG_SERVE_WATCH, NULL, ISS_DIR, msg_strerror(errno));
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	/* Watch first: a save during the first build is not missed. */
	iss_scan(ISS_DIR, &v.issues);
	watch_all(&v);
	st.v = &v;
	rebuild_step(&v, o->series, rebuild_series, &st);
	if (mkdir(o->out, 0777) == -1 && errno != EEXIST) {
		msg(MSG_MKDIR, NULL, o->out, msg_strerror(errno));
		goto out;
	}
	if ((v.root = realpath(o->out, NULL)) == NULL) {
		msg(MSG_OPEN, NULL, o->out, msg_strerror(errno));
		goto out;
	}
	v.rootlen = strlen(v.root);
	http_csp_init(o->templates);
	if ((d = http_start(&v, addr, o->port)) == NULL) {
		msg(MSG_SERVE_LISTEN, NULL, addr, o->port,
		    msg_strerror(errno ? errno : EADDRINUSE));
		goto out;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	port = info != NULL ? info->port : o->port;
	host_port(&v, addr, port);
	/* the desk's address first: what an editor opens */
	printf("编辑台：http://%s" DESK_PATH "?token=%s\n", v.hostport,
	    auth_token(v.auth));
	printf("预览：http://%s/（按 Ctrl-C 结束）\n", v.hostport);
	fflush(stdout);
	/* Served while it builds: the desk opens at once, and pages not
	 * built yet come with the build. */
	clock_gettime(CLOCK_MONOTONIC, &v.saved);
	rebuild_stale(&v);
	/* The builds of a long session are judged one by one. */
	msg_reset();

	p[0].fd = v.ino;
	p[0].events = POLLIN;
	p[1].fd = sigpipe_fd[0];
	p[1].events = POLLIN;
	for (;;) {
		if (poll(p, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[1].revents & POLLIN)
			break;
		if (!(p[0].revents & POLLIN))
			continue;
		clock_gettime(CLOCK_MONOTONIC, &v.saved);
		watch_drain(&v, &t);
		if (t.rescan && !t.all && !watch_same_issues(&v))
			t.all = 1;
		if (t.all) {
			rebuild_issues(&v, NULL, 0, 1, 1, 1);
			if (!rebuild_any_errors(&v)) {
				char *list = rebuild_issue_list();

				rebuild_same_list(&v, list, 1);
				free(list);
			}
		}
		else if (t.pages) {
			/* the pages; of the issues also saved, the PDF */
			rebuild_issues(&v, NULL, 0, 1, 0, 0);
			if (t.n > 0)
				rebuild_issues(&v, t.paths, t.n, 0, 1, 0);
		} else if (t.n > 0)
			rebuild_issues(&v, t.paths, t.n, 1, 1, 0);
		watch_todo_clear(&t);
		msg_reset();
	}
	while (read(sigpipe_fd[0], &c, 1) == 1)
		;
	rc = 0;
out:
	if (d != NULL) {
		pthread_mutex_lock(&v.lock);
		v.quit = 1;
		pthread_cond_broadcast(&v.cond);
		pthread_mutex_unlock(&v.lock);
		MHD_stop_daemon(d);
	}
	watch_todo_clear(&t);
	for (i = 0; i < (size_t)v.nw; i++)
		free(v.w[i].dir);
	for (i = 0; i < v.ndiags; i++) {
		free(v.diags[i].path);
		free(v.diags[i].text);
	}
	free(v.diags);
	free(v.diag);
	free(v.root);
	jobs_free(v.jobs);
	series_free(v.s);
	iss_free(&v.issues);
	if (v.ino != -1)
		close(v.ino);
	for (i = 0; i < 2; i++)
		if (sigpipe_fd[i] != -1)
			close(sigpipe_fd[i]);
	auth_free(v.auth);
	pthread_cond_destroy(&v.cond);
	pthread_mutex_destroy(&v.save);
	pthread_mutex_destroy(&v.lock);
	return rc;
}

/* The module's one exported symbol (serve.h). */
const struct serve_table serve_table = {
#define SERVE_ENTRY(name)	name,
	SERVE_FUNCS(SERVE_ENTRY)
#undef SERVE_ENTRY
};
