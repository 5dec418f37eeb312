/* deskrun.c -- the commands the desk runs (check, check --fix, new, import, publish) as this same program in a process of its own, their output caught. */
#define _GNU_SOURCE
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/util.h"
#include "serve/desk_int.h"

#define MAX_OUT		(1024 * 1024)	/* what a command says, at most */
#define RUN_SECONDS	120		/* a command that takes longer ends */

extern char	**environ;

/*
 * A process, not a call: the commands report through msg(), whose state
 * is the builder's on the main thread, and an import of a damaged file
 * that went wrong must not take the server with it.
 */
int
run_self(const struct srv *v, const char *const *argv, char **out,
    char **err)
{
	const char	*args[32];
	int		 n;

	args[0] = "jianbao";
	for (n = 0; argv[n] != NULL && n < 26; n++)
		args[n + 1] = argv[n];
	n++;
	args[n++] = "--series";
	args[n++] = v->o->series;
	args[n] = NULL;
	return run_prog("/proc/self/exe", args, out, err);
}

int
run_prog(const char *prog, const char *const *args, char **out, char **err)
{
	posix_spawn_file_actions_t	 fa;
	struct pollfd			 p[2];
	struct buf			 b[2] = { { 0 }, { 0 } };
	char				 chunk[8192];
	int				 o[2] = { -1, -1 }, e[2] = { -1, -1 };
	int				 i, status, open_fds = 2;
	time_t				 until = time(NULL) + RUN_SECONDS;
	ssize_t				 k;
	pid_t				 pid;

	if (pipe2(o, O_CLOEXEC) == -1 || pipe2(e, O_CLOEXEC) == -1)
		goto fail;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, o[1], 1);
	posix_spawn_file_actions_adddup2(&fa, e[1], 2);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	if (posix_spawn(&pid, prog, &fa, NULL, (char **)args,
	    environ) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		goto fail;
	}
	posix_spawn_file_actions_destroy(&fa);
	close(o[1]);
	close(e[1]);
	o[1] = e[1] = -1;
	p[0].fd = o[0];
	p[1].fd = e[0];
	p[0].events = p[1].events = POLLIN;
	while (open_fds > 0 && time(NULL) < until) {
		if (poll(p, 2, 1000) == -1 && errno != EINTR)
			break;
		for (i = 0; i < 2; i++) {
			if (p[i].fd == -1 || !(p[i].revents & (POLLIN | POLLHUP)))
				continue;
			if ((k = read(p[i].fd, chunk, sizeof(chunk))) <= 0) {
				close(p[i].fd);
				p[i].fd = -1;
				open_fds--;
			} else if (b[i].len + (size_t)k <= MAX_OUT)
				buf_put(&b[i], chunk, (size_t)k);
		}
	}
	if (open_fds > 0)
		kill(pid, SIGKILL);
	for (i = 0; i < 2; i++)
		if (p[i].fd != -1)
			close(p[i].fd);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	*out = b[0].data != NULL ? b[0].data : xstrdup("");
	*err = b[1].data != NULL ? b[1].data : xstrdup("");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
fail:
	for (i = 0; i < 2; i++) {
		if (o[i] != -1)
			close(o[i]);
		if (e[i] != -1)
			close(e[i]);
	}
	*out = xstrdup("");
	*err = xstrdup("");
	return -1;
}
