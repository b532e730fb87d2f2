/* SPDX-License-Identifier: ISC */
/*
 * cli: option tables to getopt_long, and to help.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

int
cli_next(int argc, char **argv, const struct cli_command *c)
{
	static const int has[] = { no_argument, required_argument, optional_argument };
	struct option lo[CLI_MAX_OPTIONS + 1];
	char so[3 * CLI_MAX_OPTIONS + 2];
	size_t i, n = 0, k = 0;

	/* A leading ':' is not wanted: getopt says what is wrong, on standard error. */
	for (i = 0; i < c->noptions && i < CLI_MAX_OPTIONS; i++) {
		const struct cli_option *o = &c->options[i];

		lo[n].name = o->long_name;
		lo[n].has_arg = has[o->arg];
		lo[n].flag = NULL;
		lo[n].val = o->code;
		n++;
		if (o->short_name == '\0')
			continue;
		so[k++] = o->short_name;
		if (o->arg != CLI_NO_ARG)
			so[k++] = ':';
		if (o->arg == CLI_OPTIONAL_ARG)
			so[k++] = ':';
	}
	memset(&lo[n], 0, sizeof(lo[n]));
	so[k] = '\0';
	return getopt_long(argc, argv, so, lo, NULL);
}

/* The column where the help text begins. */
#define HELP_COLUMN 26

void
cli_help(FILE *fp, const struct cli_command *c)
{
	size_t i;

	for (i = 0; i < c->noptions; i++) {
		const struct cli_option *o = &c->options[i];
		const char *h = o->help, *nl;
		int w;

		if (o->short_name != '\0')
			w = fprintf(fp, "  -%c, --%s", o->short_name, o->long_name);
		else
			w = fprintf(fp, "      --%s", o->long_name);
		if (o->arg == CLI_ARG)
			w += fprintf(fp, " %s", o->arg_name);
		else if (o->arg == CLI_OPTIONAL_ARG)
			w += fprintf(fp, "[=%s]", o->arg_name);
		/* Lines of help: the first beside the names, or below them when they are long. */
		if (w + 1 > HELP_COLUMN) {
			fputc('\n', fp);
			w = 0;
		}
		for (; *h != '\0'; h = nl + 1) {
			if ((nl = strchr(h, '\n')) == NULL)
				nl = h + strlen(h);
			fprintf(fp, "%*s%.*s\n", HELP_COLUMN - w, "", (int)(nl - h), h);
			w = 0;
			if (*nl == '\0')
				break;
		}
	}
}
