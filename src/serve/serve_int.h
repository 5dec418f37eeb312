/* serve_int.h -- private to the server (serve.c, rebuild.c, watch.c and the desk's files): its state and the calls between its builder, watcher and HTTP side. */
#ifndef JIANBAO_SERVE_SERVE_INT_H
#define JIANBAO_SERVE_SERVE_INT_H

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "jobs/jobs.h"
#include "model/model.h"
#include "serve/serve.h"

#define DEFAULT_ADDR	"127.0.0.1"
#define EVENTS_PATH	"/__events"
#define RELOAD_PATH	"/__reload.js"	/* the script EVENTS_PATH is for */
#define DESK_PATH	"/desk/"	/* the editing desk (desk_int.h) */
#define MAX_CONNS	256		/* connections at once */
#define REQ_MEMORY	(32 * 1024)	/* a request's headers, at most */
#define CONN_TIMEOUT	60		/* seconds an idle connection lives */
#define PING_SECONDS	10		/* an idle event stream says so */
#define SETTLE_MS	5		/* events of one save arrive together */
#define MAX_WATCHES	512
#define PRINT_NICE	10		/* the print editions' priority */

/* A watched folder and what a change in it means. */
enum watch_kind {
	W_ISSUES,	/* the issues folder: year folders come and go */
	W_YEAR,		/* issues/YYYY: issue files */
	W_IMAGES,	/* issues/YYYY/images: pictures of that year's issues */
	W_TEMPLATES,	/* every page */
	W_SERIES	/* the folder of the series file: only that file */
};

struct watch {
	int		 wd;
	enum watch_kind	 kind;
	char		*dir;
};

/* The diagnostics of the last build of one issue ("" for the archive). */
struct diag {
	char	*path;
	char	*text;		/* NULL: no errors */
};

struct srv {
	const struct serve_opts	*o;
	char			*root;		/* realpath of o->out */
	size_t			 rootlen;
	char			 hostport[300];	/* the Host the desk answers to */
	int			 anyhost;	/* a wildcard --listen (auth.c) */
	struct auth		*auth;		/* who may come in (auth.c) */

	/* Shared with the server's threads, under lock. */
	pthread_mutex_t		 lock;
	pthread_cond_t		 cond;
	unsigned		 gen;		/* good rebuilds so far */
	unsigned		 printgen;	/* print editions rebuilt so far */
	unsigned		 diaggen;	/* changes of diag */
	char			*diag;		/* shown over pages, or NULL */
	int			 quit;
	int			 nstreams;	/* pages listening */

	/* The desk's writes, one at a time (desk.c). */
	pthread_mutex_t		 save;

	/* The builder's, on the main thread only. */
	struct jobs_opts	 jo;
	struct jb_series	*s;
	struct jobs		*jobs;
	struct iss_list		 issues;
	struct diag		*diags;
	size_t			 ndiags;
	int			 ino;
	struct timespec		 saved;		/* the save being built came */
	struct watch		 w[MAX_WATCHES];
	int			 nw;
};

/* A build step: what it builds, for run_step(). */
struct step {
	struct srv	*v;
	const char	*path;
	int		 html, pdf, docx;
};

/* What the events read so far ask for. */
struct todo {
	int	 all;		/* series changed, or issues came or went */
	int	 rescan;	/* issue files created or removed */
	int	 pages;		/* templates changed: every page */
	char	**paths;	/* these issues */
	size_t	 n;
};

/*
 * rebuild.c.  rebuild_step() runs fn on st, its diagnostics kept as those
 * of key (shown over the pages) when it reported an error, and returns 0
 * when it succeeded; rebuild_series() is the step that loads the series.
 * rebuild_issues() rebuilds the n issues at paths (all with n 0): html
 * the pages and archive, pdf the print and Word editions, renew the list
 * of issues first.  rebuild_stale() builds what is older than its source
 * at start.  rebuild_any_errors() says whether the last builds reported
 * errors; rebuild_issue_list() is the issue files as one string, which
 * rebuild_same_list() compares with the archive's list (write: keeps it).
 */
int	 rebuild_step(struct srv *v, const char *key, int (*fn)(struct step *),
	    struct step *st);
int	 rebuild_series(struct step *st);
void	 rebuild_issues(struct srv *v, char **paths, size_t n, int html,
	    int pdf, int renew);
void	 rebuild_stale(struct srv *v);
int	 rebuild_any_errors(const struct srv *v);
char	*rebuild_issue_list(void);
int	 rebuild_same_list(const struct srv *v, const char *list, int write);

/*
 * watch.c.  watch_all() watches the issues folder, its years and their
 * pictures, the templates and the series file.  watch_drain() reads the
 * waiting events into t; watch_same_issues() says whether the issue files
 * are still those v builds; watch_todo_clear() empties t.
 */
void	 watch_all(struct srv *v);
void	 watch_drain(struct srv *v, struct todo *t);
int	 watch_same_issues(const struct srv *v);
void	 watch_todo_clear(struct todo *t);

#endif
