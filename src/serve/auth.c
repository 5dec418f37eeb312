/* auth.c -- who may use the desk: its token and cookie, the same-origin and Host checks, the password file (libcrypt). */
#define _DEFAULT_SOURCE	/* explicit_bzero */
#include <sys/random.h>

#include <crypt.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "util/util.h"
#include "serve/desk_int.h"

#define COOKIE		"jianbao_desk"
#define MAX_USERS	64

struct user {
	char	*name;
	char	*hash;		/* crypt(5): $y$… (yescrypt) */
	/*
	 * The password that last matched the hash, or NULL.  A browser
	 * sends the password with every request, and yescrypt costs tens of
	 * milliseconds by design; the same password is compared, not
	 * hashed, again.  It is one the server is sent anyway, and it is
	 * wiped when the server ends.
	 */
	char	*known;
	int	 read_only;	/* a reviewer: reads, never writes */
};

struct auth {
	char		 token[65];
	struct user	 u[MAX_USERS];
	int		 nu;
	int		 read_only;	/* --read-only: nobody writes */
	pthread_mutex_t	 lock;		/* of every user's known: one thread per connection */
};

/*
 * The password file: one "name:hash" line per colleague, hash as
 * `mkpasswd -m yescrypt` writes it; ":ro" after the hash makes a
 * reviewer.  Blank lines and lines starting with # are skipped.
 */
static int
read_users(struct auth *a, const char *path)
{
	FILE	*fp;
	char	*line = NULL, *colon, *ro;
	size_t	 cap = 0;
	ssize_t	 n;
	int	 lineno = 0, rc = -1;
	struct jb_pos	 pos = { path, 0, 0 };

	if ((fp = fopen(path, "r")) == NULL) {
		msg(MSG_OPEN, NULL, path, msg_strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		pos.line = lineno;
		if ((colon = strchr(line, ':')) == NULL || colon == line ||
		    colon[1] != '$' || a->nu == MAX_USERS) {
			msg(MSG_SERVE_PASSWORD, &pos);
			goto out;
		}
		*colon = '\0';
		ro = strrchr(colon + 1, ':');
		if (ro != NULL && strcmp(ro, ":ro") == 0)
			*ro = '\0';
		else
			ro = NULL;
		a->u[a->nu].name = xstrdup(line);
		a->u[a->nu].hash = xstrdup(colon + 1);
		a->u[a->nu].read_only = ro != NULL;
		a->nu++;
	}
	if (a->nu == 0) {
		pos.line = 0;
		msg(MSG_SERVE_PASSWORD, &pos);
		goto out;
	}
	rc = 0;
out:
	free(line);
	fclose(fp);
	return rc;
}

struct auth *
auth_new(const char *password_file, int read_only)
{
	struct auth	*a = xcalloc(1, sizeof(*a));
	unsigned char	 r[32];
	size_t		 i;

	a->read_only = read_only;
	pthread_mutex_init(&a->lock, NULL);
	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		abort();	/* the kernel always has 32 bytes for us */
	for (i = 0; i < sizeof(r); i++)
		snprintf(a->token + 2 * i, 3, "%02x", r[i]);
	if (password_file != NULL && read_users(a, password_file) == -1) {
		auth_free(a);
		return NULL;
	}
	return a;
}

void
auth_free(struct auth *a)
{
	int	 i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nu; i++) {
		free(a->u[i].name);
		free(a->u[i].hash);
		if (a->u[i].known != NULL) {
			explicit_bzero(a->u[i].known, strlen(a->u[i].known));
			free(a->u[i].known);
		}
	}
	pthread_mutex_destroy(&a->lock);
	free(a);
}

const char *
auth_token(const struct auth *a)
{
	return a->token;
}

/* Equal strings, in a time that does not tell where they differ. */
static int
same_secret(const char *a, const char *b)
{
	size_t		 n = strlen(a), m = strlen(b), i;
	unsigned char	 d = n != m;

	for (i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i % (m ? m : 1)]);
	return d == 0;
}

int
auth_is_token(const struct auth *a, const char *s)
{
	return s != NULL && same_secret(a->token, s);
}

/* Whether pass is the password the user last logged in with. */
static int
known(struct auth *a, struct user *u, const char *pass)
{
	int	 yes;

	pthread_mutex_lock(&a->lock);
	yes = u->known != NULL && same_secret(u->known, pass);
	pthread_mutex_unlock(&a->lock);
	return yes;
}

/* The user the request names with the right password, or NULL. */
static const struct user *
who(const struct srv *v, struct MHD_Connection *c)
{
	struct crypt_data	*cd = NULL;
	struct user		*u = NULL, *cand;
	char			*pass = NULL, *name, *old;
	const char		*h;
	int			 i;

	if ((name = MHD_basic_auth_get_username_password(c, &pass)) == NULL)
		return NULL;
	for (i = 0; i < v->auth->nu; i++) {
		cand = &v->auth->u[i];
		if (strcmp(cand->name, name) != 0 || pass == NULL)
			continue;
		if (known(v->auth, cand, pass)) {
			u = cand;
			break;
		}
		cd = xcalloc(1, sizeof(*cd));
		/* crypt_rn, not crypt_r: the sanitizers intercept
		 * crypt_r, and with libcrypt linked in statically they
		 * find no real one to call */
		h = crypt_rn(pass, cand->hash, cd, (int)sizeof(*cd));
		if (h != NULL && h[0] != '*' && same_secret(h, cand->hash)) {
			u = cand;
			pthread_mutex_lock(&v->auth->lock);
			old = u->known;
			u->known = xstrdup(pass);
			pthread_mutex_unlock(&v->auth->lock);
			if (old != NULL) {
				explicit_bzero(old, strlen(old));
				free(old);
			}
		}
		break;
	}
	free(cd);
	MHD_free(name);
	if (pass != NULL)
		MHD_free(pass);
	return u;
}

unsigned
auth_password(const struct srv *v, struct MHD_Connection *c)
{
	if (v->auth->nu == 0 || who(v, c) != NULL)
		return 0;
	return MHD_HTTP_UNAUTHORIZED;
}

unsigned
auth_host(const struct srv *v, struct MHD_Connection *c)
{
	const char	*h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
			    MHD_HTTP_HEADER_HOST);
	const char	*port = strrchr(v->hostport, ':');
	size_t		 n;
	char		 self[256];

	if (h == NULL || port == NULL)
		return MHD_HTTP_MISDIRECTED_REQUEST;
	if (strcmp(h, v->hostport) == 0)
		return 0;
	/* the loopback address by its other names */
	n = strlen(h) - strlen(port);
	if (strlen(h) > strlen(port) && strcmp(h + n, port) == 0 &&
	    v->hostport[0] != '[' && strncmp(v->hostport, "127.", 4) == 0 &&
	    n == strlen("localhost") && strncmp(h, "localhost", n) == 0)
		return 0;
	/*
	 * A wildcard --listen answers to whatever names the machine has on
	 * the intranet; an address typed as numbers, or the machine's own
	 * name, is one a rebinding name cannot be.
	 */
	if (v->anyhost && strlen(h) > strlen(port) &&
	    strcmp(h + n, port) == 0) {
		if (strspn(h, "0123456789.") == n ||
		    (h[0] == '[' && h[n - 1] == ']'))
			return 0;
		if (gethostname(self, sizeof(self)) == 0 &&
		    strlen(self) == n && strncasecmp(h, self, n) == 0)
			return 0;
	}
	return MHD_HTTP_MISDIRECTED_REQUEST;
}

unsigned
auth_cookie(const struct srv *v, struct MHD_Connection *c)
{
	return auth_is_token(v->auth, MHD_lookup_connection_value(c,
	    MHD_COOKIE_KIND, COOKIE)) ? 0 : MHD_HTTP_FORBIDDEN;
}

int
auth_read_only(const struct srv *v, struct MHD_Connection *c)
{
	const struct user	*u;

	if (v->auth->read_only)
		return 1;
	return v->auth->nu > 0 && ((u = who(v, c)) == NULL || u->read_only);
}

unsigned
auth_change(const struct srv *v, struct MHD_Connection *c)
{
	const char	*origin, *ref, *host;
	size_t		 n;

	if (auth_cookie(v, c) != 0 || auth_read_only(v, c))
		return MHD_HTTP_FORBIDDEN;
	/* auth_host() said the Host is ours: the page must come from it */
	host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	ref = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_REFERER);
	if (host == NULL)
		return MHD_HTTP_FORBIDDEN;
	n = strlen(host);
	if (origin != NULL)
		return strncmp(origin, "http://", 7) == 0 &&
		    strcmp(origin + 7, host) == 0 ? 0 : MHD_HTTP_FORBIDDEN;
	if (ref != NULL && strncmp(ref, "http://", 7) == 0 &&
	    strncmp(ref + 7, host, n) == 0 && ref[7 + n] == '/')
		return 0;
	return MHD_HTTP_FORBIDDEN;
}

int
auth_users(const struct auth *a)
{
	return a->nu;
}

char *
auth_set_cookie(const struct auth *a)
{
	char	*s = xmalloc(160);

	snprintf(s, 160, COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict",
	    a->token);
	return s;
}
