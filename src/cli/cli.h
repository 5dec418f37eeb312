/* cli.h -- the command line, read one way for every command: its options with getopt_long, its usage. */
#ifndef JIANBAO_CLI_CLI_H
#define JIANBAO_CLI_CLI_H

#include <stddef.h>
#include <stdio.h>

/* Every option of every command, in the order the usage lists them. */
enum cli_opt {
	CLI_HTML,		/* --html */
	CLI_PDF,		/* --pdf */
	CLI_DOCX,		/* --docx */
	CLI_OFD,		/* --ofd */
	CLI_OFD_A,		/* --ofd-a */
	CLI_PNG,		/* --png */
	CLI_JPEG,		/* --jpeg */
	CLI_EVEN,		/* --even */
	CLI_FIXED,		/* --fixed */
	CLI_PDFA,		/* --pdfa */
	CLI_TAODA,		/* --taoda */
	CLI_DRAFT,		/* --draft */
	CLI_JOBS,		/* --jobs N */
	CLI_FORMAT,		/* --format text|json */
	CLI_DATE,		/* --date YYYY-MM-DD */
	CLI_KIND,		/* --kind 刊别 */
	CLI_OUTPUT,		/* -o FILE */
	CLI_INTO,		/* --into ISSUE.md */
	CLI_NUMBER,		/* --number N */
	CLI_FORCE,		/* --force */
	CLI_FIX,		/* --fix */
	CLI_DRY_RUN,		/* --dry-run */
	CLI_OUT,		/* --out DIR */
	CLI_TEMPLATES,		/* --templates DIR */
	CLI_SERIES,		/* --series FILE */
	CLI_PORT,		/* --port N */
	CLI_LISTEN,		/* --listen ADDRESS */
	CLI_PASSWORD_FILE,	/* --password-file FILE */
	CLI_READ_ONLY,		/* --read-only */
	CLI_PUBLISH,		/* --publish DIR */
	CLI_HELP,		/* -h, --help: taken by every command */
	CLI__MAX
};

#define CLI(name)	(1u << CLI_##name)

/*
 * The command line, parsed.  The caller fills in the defaults;
 * cli_parse() sets the fields of the options given and the files.  The
 * strings point into argv.
 */
struct cli_opts {
	const char	*series;	/* --series */
	const char	*out;		/* --out: output root */
	const char	*templates;	/* --templates: template folder */
	const char	*date;		/* --date, or NULL */
	const char	*kind;		/* --kind, or NULL */
	const char	*output;	/* -o, or NULL */
	const char	*into;		/* --into, or NULL */
	int		 number;	/* --number, 0 when not given */
	int		 force;		/* --force */
	int		 fix;		/* --fix */
	int		 dry_run;	/* --dry-run */
	int		 html;		/* --html */
	int		 pdf;		/* --pdf */
	int		 docx;		/* --docx */
	int		 ofd;		/* --ofd */
	int		 ofd_a;		/* --ofd-a */
	int		 png;		/* --png */
	int		 jpeg;		/* --jpeg */
	int		 even;		/* --even */
	int		 fixed;		/* --fixed */
	int		 pdfa;		/* --pdfa */
	int		 taoda;		/* --taoda */
	int		 draft;		/* --draft */
	int		 jobs;		/* --jobs, 0 to 1024 */
	int		 port;		/* --port, 0 to 65535 */
	const char	*listen;	/* --listen: the address serve binds */
	const char	*password_file;	/* --password-file, or NULL */
	int		 read_only;	/* --read-only */
	const char	*publish;	/* --publish: where the desk publishes */
	char		**files;	/* the arguments that are no options */
	int		 nfiles;
	const char	*fontdir;	/* fonts/ beside the series file, set by
					   the caller after cli_parse() */
};

/* A command: what its usage says, which options it takes, what it runs. */
struct cli_cmd {
	const char	*name;
	int		(*run)(const struct cli_opts *o);	/* exit status */
	unsigned	 opts;		/* CLI() of each option it takes */
	int		 nfiles;	/* files it takes, -1 any number */
	const char	*synopsis;	/* what follows "jianbao NAME" */
	const char	*line;		/* its entry in the list of commands */
	const char	*about;		/* what it does, for its --help */
	const char	*bad;		/* the message of a bad command line */
};

/*
 * Parse the command line of c, argv[0] being the command's name, into o
 * with getopt_long(): options the command takes, anywhere among its
 * files, in their long form (--name VALUE, --name=VALUE or an unambiguous
 * prefix of the name) or short (-h, -o FILE); "--" ends them.  Returns -1
 * when the command is to run, or its exit status: 0 after printing its
 * usage on stdout for -h or --help, 2 after reporting a bad command line
 * through msg(MSG_USAGE): an option it does not take, a missing value, a
 * value that is not one of the option's, the wrong number of files.
 * --format takes effect at once (msg_set_format()).
 */
int	 cli_parse(const struct cli_cmd *c, struct cli_opts *o, int argc,
	    char **argv);

/* Print the program's usage to fp: the n commands of cmds, every option. */
void	 cli_usage(FILE *fp, const struct cli_cmd *cmds, size_t n);

#endif
