/* SPDX-License-Identifier: ISC */
/*
 * cli: the command line as tables, in the spirit of pcre2grep's option list. Each subcommand
 * declares its options once, in a table of cli_option; parsing (cli_next, over getopt_long), its
 * `--help` (cli_help) and the test that the man page names every option and no other
 * (tests/cli.test.sh, which reads `tearline SUB --help`) all come from that table.
 */
#ifndef TEARLINE_CLI_H
#define TEARLINE_CLI_H

#include <stddef.h>
#include <stdio.h>

/* At most this many options in one table. */
#define CLI_MAX_OPTIONS 32

enum cli_arg { CLI_NO_ARG, CLI_ARG, CLI_OPTIONAL_ARG };

/* One option: what getopt reads, and its line in the help. */
struct cli_option {
	int code;		/* what cli_next returns for it: its short letter, or another byte */
	char short_name;	/* '\0' when it has only the long name */
	const char *long_name;
	enum cli_arg arg;
	const char *arg_name;	/* "TARGET", shown after the names; NULL with CLI_NO_ARG */
	const char *help;	/* what it does: lines end with '\n' */
};

/* A subcommand: its name, what it does, and its options. */
struct cli_command {
	const char *name;	/* "check" */
	const char *about;	/* a paragraph, lines ending with '\n' */
	const struct cli_option *options;
	size_t noptions;
};

/* The row every table has: -h, --help. */
#define CLI_HELP_OPTION { 'h', 'h', "help", CLI_NO_ARG, NULL, "this help\n" }

/* A subcommand over its table of options, an array (its count is taken from it). */
#define CLI_COMMAND(name, about, options) \
	{ (name), (about), (options), sizeof(options) / sizeof((options)[0]) }

/*
 * The next option of argv, as getopt_long returns it (the option's code, '?' for an unknown one
 * or a missing argument, -1 at the end), from the table of c. optind and optarg are getopt's.
 */
int cli_next(int argc, char **argv, const struct cli_command *c);

/* The option list of c on fp, one option (or more lines) each, aligned. */
void cli_help(FILE *fp, const struct cli_command *c);

#endif
