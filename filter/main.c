/*
 * tearline: a classification-aware redaction filter.
 *
 * The command line lives here, and only here: modules return a status and a located message;
 * this file prints, chooses the exit code and exits.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"

#ifndef TEARLINE_VERSION
#define TEARLINE_VERSION "0.1.0"
#endif

#define EXIT_OK 0
#define EXIT_FAIL 1	/* check: not releasable as it stands; verify: did not verify */
#define EXIT_ERROR 2	/* usage, input, policy or output error */

#define DEFAULT_MAX_DOCUMENT ((size_t)256 << 20)

static const char *progname = "tearline";
static bool quiet;

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: tearline [redact] --release TARGET [--policy NAME|FILE] [--mode MODE]\n"
	    "                [-o FILE] [--max-document SIZE] [-q] [FILE|-]\n"
	    "       tearline policy show\n"
	    "       tearline --help | --version\n");
}

static void
help(void)
{
	usage(stdout);
	printf("\n"
	    "Reads a marked document, withholds every portion the release target may not see,\n"
	    "re-marks the banners to what is left and writes the release.\n\n"
	    "  -r, --release TARGET    who may read the release: UNCLASSIFIED (public), U, C, S, TS,\n"
	    "                          UNCLASSIFIED//FOUO, SECRET//NOFORN, \"SECRET//REL TO USA, GBR\"\n"
	    "  -p, --policy NAME|FILE  the marking policy (default: the built-in us-cable)\n"
	    "  -m, --mode MODE         mask (default), strip or blackout\n"
	    "  -o, --output FILE       write the release to FILE (atomically) instead of stdout\n"
	    "      --max-document SIZE refuse documents larger than SIZE (default 256M)\n"
	    "  -q, --quiet             no warnings about withheld unknown or unmarked text\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n\n"
	    "Exit status: 0 released, 2 error (nothing is written on error). See tearline(1).\n");
}

/* Prints "tearline: " and the message on standard error. */
static void
say(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Parses a size such as 1048576, 512K, 64M or 1G. Returns 0 or -1. */
static int
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || s[0] == '-')
		return -1;
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	else if (*end != '\0')
		return -1;
	if (shift != 0 && end[1] != '\0')
		return -1;
	if (v == 0 || v > (((unsigned long long)SIZE_MAX - 1) >> shift))
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

/* Says where the release withholds text it could not prove anything about. */
static void
warn_unproven(const char *name, const struct document *d, const struct redact_result *res)
{
	size_t k;

	if (quiet)
		return;
	if (!d->has_banner && d->nportions > 0) {
		bool any_marked = false;

		for (k = 0; k < d->nportions; k++)
			any_marked |= d->portions[k].marked;
		if (!any_marked) {
			fprintf(stderr, "%s: %s: no banner line and no portion marks: the whole "
			    "document is withheld\n", progname, name);
			return;
		}
	}
	for (k = 0; k < d->nportions; k++) {
		const struct redact_decision *dc = &res->decisions[k];

		if (dc->rule == RULE_UNKNOWN_TOKEN || dc->rule == RULE_UNMARKED ||
		    dc->rule == RULE_REL_PARTIAL)
			fprintf(stderr, "%s: %s:%zu: withheld: %s\n", progname, name,
			    d->portions[k].first + 1, dc->why);
	}
}

struct redact_args {
	const char *release;
	const char *policy;
	const char *output;
	const char *input;
	enum redact_mode mode;
	size_t max_document;
};

static int
cmd_redact(const struct redact_args *a)
{
	char err[1024];
	struct policy *p = NULL;
	struct marking target;
	struct text_buffer in = { NULL, 0 };
	struct document d;
	struct redact_result res;
	struct text_out out;
	const char *name = strcmp(a->input, "-") == 0 ? "(standard input)" : a->input;
	int rc = EXIT_ERROR;

	memset(&d, 0, sizeof(d));
	memset(&res, 0, sizeof(res));
	p = a->policy != NULL ? policy_open(a->policy, err, sizeof(err)) :
	    policy_load_default(err, sizeof(err));
	if (p == NULL) {
		say("%s", err);
		return EXIT_ERROR;
	}
	if (marking_parse_target(p, a->release, &target, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if (text_read_file(a->input, a->max_document, &in, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if (document_parse(p, in.data, in.len, name, &d, err, sizeof(err)) != 0 ||
	    redact_run(p, &d, &target, a->mode, &res, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	warn_unproven(name, &d, &res);
	/* Everything is decided before the first byte is written: an error leaves no output. */
	if (text_out_open(&out, a->output, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	text_out_write(&out, res.out, res.out_len);
	if (text_out_close(&out, true, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	rc = EXIT_OK;
done:
	redact_result_free(&res);
	document_free(&d);
	text_buffer_free(&in);
	policy_free(p);
	return rc;
}

static int
main_redact(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "release", required_argument, NULL, 'r' },
		{ "policy", required_argument, NULL, 'p' },
		{ "mode", required_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "max-document", required_argument, NULL, 'M' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct redact_args a;
	int ch;

	memset(&a, 0, sizeof(a));
	a.mode = MODE_MASK;
	a.max_document = DEFAULT_MAX_DOCUMENT;
	a.input = "-";
	while ((ch = getopt_long(argc, argv, "r:p:m:o:qhV", opts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			a.release = optarg;
			break;
		case 'p':
			a.policy = optarg;
			break;
		case 'm':
			if (redact_mode_parse(optarg, &a.mode) != 0) {
				say("--mode: \"%s\" is not mask, strip or blackout", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'o':
			a.output = optarg;
			break;
		case 'M':
			if (parse_size(optarg, &a.max_document) != 0) {
				say("--max-document: \"%s\" is not a size (such as 64M)", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			help();
			return EXIT_OK;
		case 'V':
			printf("tearline %s\n", TEARLINE_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_ERROR;
		}
	}
	if (a.release == NULL) {
		say("redact needs --release TARGET (for example --release UNCLASSIFIED)");
		usage(stderr);
		return EXIT_ERROR;
	}
	if (argc - optind > 1) {
		say("redact takes one document; \"%s\" is one too many", argv[optind + 1]);
		return EXIT_ERROR;
	}
	if (optind < argc)
		a.input = argv[optind];
	return cmd_redact(&a);
}

static int
main_policy(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "show") == 0) {
		fwrite(policy_builtin_text, 1, policy_builtin_len, stdout);
		return EXIT_OK;
	}
	say("policy: unknown subcommand (try: tearline policy show)");
	return EXIT_ERROR;
}

int
main(int argc, char **argv)
{
	int rc;

	if (sodium_init() < 0) {
		fprintf(stderr, "%s: libsodium failed to initialise\n", progname);
		return EXIT_ERROR;
	}
	if (argc >= 2 && strcmp(argv[1], "redact") == 0)
		rc = main_redact(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "policy") == 0)
		rc = main_policy(argc - 1, argv + 1);
	else
		rc = main_redact(argc, argv);
	/* A failed write to standard output is an error, even when it shows only at close. */
	if (fclose(stdout) != 0 && rc == EXIT_OK) {
		fprintf(stderr, "%s: (standard output): write error: %s\n", progname,
		    strerror(errno));
		rc = EXIT_ERROR;
	}
	return rc;
}
