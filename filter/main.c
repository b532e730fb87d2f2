/* SPDX-License-Identifier: ISC */
/*
 * tearline: a classification-aware redaction filter.
 *
 * The command line lives here, and only here: modules return a status and a located message;
 * this file prints, chooses the exit code and exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <jansson.h>
#include <sodium.h>

#include "audit.h"
#include "batch.h"
#include "check.h"
#include "checkpoint.h"
#include "cli.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
#include "pipeline.h"
#include "policy_test.h"
#include "redact.h"
#include "report.h"
#include "sandbox.h"
#include "textio.h"
#include "verify.h"

#ifndef TEARLINE_VERSION
#define TEARLINE_VERSION "0.1.0"
#endif

#define EXIT_OK 0
#define EXIT_FAIL 1	/* check: not releasable as it stands; verify: did not verify */
#define EXIT_ERROR 2	/* usage, input, policy or output error */

#define DEFAULT_MAX_DOCUMENT ((size_t)256 << 20)

static const char *progname = "tearline";
static bool quiet;
static bool each_portion;	/* redact: a line for each portion withheld unproven, not one in all */
static bool stdout_closed;	/* a redact run closed it, to see its last error in time */

/* The synopsis, one entry per form, each with the subcommand it is of. */
static const struct {
	const char *sub;
	const char *text;
} synopsis[] = {
	{ "redact", "tearline [redact] --release TARGET [--policy NAME|FILE] [--mode MODE]\n"
	    "                [-o FILE] [--max-document SIZE] [-q | -v] [--no-sandbox]\n"
	    "                [--audit FILE --secret-key FILE [--auditor-key FILE] [--ledger FILE]]\n"
	    "                [FILE|-]\n" },
	{ "redact", "tearline [redact] --release TARGET --output-dir DIR [--jobs N]\n"
	    "                [--policy NAME|FILE] [--mode MODE] [--max-document SIZE] [-q | -v]\n"
	    "                [--secret-key FILE [--auditor-key FILE] [--ledger FILE]\n"
	    "                [--audit-dir DIR]] FILE...\n" },
	{ "keygen", "tearline keygen [--auditor] --secret-key FILE --public-key FILE [-q]\n" },
	{ "verify", "tearline verify --audit FILE --public-key FILE --output FILE [--original FILE]\n"
	    "                [--auditor-secret-key FILE] [--policy NAME|FILE] [--ledger FILE]\n"
	    "                [--max-document SIZE] [-q]\n" },
	{ "verify", "tearline verify --ledger FILE --public-key FILE [-q]\n" },
	{ "verify", "tearline verify --checkpoint FILE --public-key FILE... [--checkpoint-key FILE]\n"
	    "                [--audit FILE] --ledger FILE... [-q]\n" },
	{ "ledger", "tearline ledger merge --secret-key FILE --origin NAME -o FILE\n"
	    "                [--public-key FILE...] [-q] LEDGER...\n" },
	{ "check", "tearline check --release TARGET [--policy NAME|FILE] [--format FORMAT]\n"
	    "                [--mode MODE] [--strict] [--notes] [--color[=WHEN]]\n"
	    "                [--max-document SIZE] [-o FILE] [FILE|-]...\n" },
	{ "policy", "tearline policy show [NAME|FILE]\n" },
	{ "policy", "tearline policy test [-v] [NAME|FILE...]\n" },
	{ "policy", "tearline policy decide [-p POLICY] [-r TARGET] [MARK...]\n" },
	{ "policy", "tearline policy rollup [-p POLICY] [MARK...]\n" },
	{ NULL, "tearline --help | --version\n" },
};

/* The synopsis of subcommand sub, or of all with NULL, on fp. */
static void
usage_of(FILE *fp, const char *sub)
{
	size_t k;
	bool first = true;

	for (k = 0; k < sizeof(synopsis) / sizeof(synopsis[0]); k++) {
		if (sub != NULL && (synopsis[k].sub == NULL || strcmp(synopsis[k].sub, sub) != 0))
			continue;
		fprintf(fp, "%s%s", first ? "usage: " : "       ", synopsis[k].text);
		first = false;
	}
}

static void
usage(FILE *fp)
{
	usage_of(fp, NULL);
}

/* After a usage error: the forms of subcommand sub, and where to read more. */
static void
usage_error(const char *sub)
{
	usage_of(stderr, sub);
	fprintf(stderr, "Try 'tearline --help', or man tearline.\n");
}

/*
 * Each subcommand's options, once: parsed by cli_next, listed by its --help (cli_help), and
 * checked against the man page (tests/cli.test.sh). The codes of options with no short name are
 * letters unused as short names in the same table.
 */
static const struct cli_option redact_options[] = {
	{ 'r', 'r', "release", CLI_ARG, "TARGET", "who may read the release: UNCLASSIFIED (public),"
	    " U, C, S, TS,\nUNCLASSIFIED//FOUO, SECRET//NOFORN, \"SECRET//REL TO USA, GBR\"\n" },
	{ 'p', 'p', "policy", CLI_ARG, "NAME|FILE", "the marking policy (default: the built-in "
	    "us-cable)\n" },
	{ 'm', 'm', "mode", CLI_ARG, "MODE", "mask (default), strip or blackout\n" },
	{ 'o', 'o', "output", CLI_ARG, "FILE", "write the release to FILE (atomically) instead of "
	    "stdout\n" },
	{ 'M', '\0', "max-document", CLI_ARG, "SIZE", "refuse documents larger than SIZE (default "
	    "256M)\n" },
	{ 'q', 'q', "quiet", CLI_NO_ARG, NULL, "no warnings about withheld unknown or unmarked "
	    "text\n" },
	{ 'v', 'v', "verbose", CLI_NO_ARG, NULL, "a warning for each such portion, not one line in "
	    "all\n" },
	{ 'A', '\0', "audit", CLI_ARG, "FILE", "write a signed audit of the run to FILE, a new "
	    "file\n" },
	{ 'S', '\0', "secret-key", CLI_ARG, "FILE", "the Ed25519 key that signs the audit "
	    "(tearline keygen)\n" },
	{ 'K', '\0', "auditor-key", CLI_ARG, "FILE", "seal the run secret to this auditor key "
	    "(keygen --auditor)\n" },
	{ 'L', '\0', "ledger", CLI_ARG, "FILE", "enter the run's signed head in the office ledger "
	    "FILE\n" },
	{ 'D', '\0', "output-dir", CLI_ARG, "DIR", "a batch: write DIR/NAME for each FILE and, with "
	    "--secret-key,\nDIR/NAME.audit and one ledger (DIR/ledger.jsonl by default)\n" },
	{ 'E', '\0', "audit-dir", CLI_ARG, "DIR", "a batch's audits and default ledger in DIR, not "
	    "beside its releases\n" },
	{ 'j', 'j', "jobs", CLI_ARG, "N", "a batch's worker threads (default 1; 0: one per "
	    "processor)\n" },
	{ 'N', '\0', "no-sandbox", CLI_NO_ARG, NULL, "run without the seccomp sandbox (where it "
	    "cannot start)\n" },
	CLI_HELP_OPTION,
	{ 'V', 'V', "version", CLI_NO_ARG, NULL, "the version\n" },
};

static const struct cli_command redact_command = CLI_COMMAND("redact",
    "Reads a marked document, withholds every portion the release target may not see,\n"
    "re-marks the banners to what is left and writes the release.\n",
    redact_options);

static const struct cli_option check_options[] = {
	{ 'r', 'r', "release", CLI_ARG, "TARGET", "the release target to check against\n" },
	{ 'p', 'p', "policy", CLI_ARG, "NAME|FILE", "the marking policy (default: the built-in "
	    "us-cable)\n" },
	{ 'f', 'f', "format", CLI_ARG, "FORMAT", "text (default), json, sarif or html\n" },
	{ 'm', 'm', "mode", CLI_ARG, "MODE", "the release the HTML page shows: mask (default), "
	    "strip or\nblackout\n" },
	{ 's', '\0', "strict", CLI_NO_ARG, NULL, "warnings fail the check too\n" },
	{ 'n', '\0', "notes", CLI_NO_ARG, NULL, "list every kept portion too (text, HTML)\n" },
	{ 'c', '\0', "color", CLI_OPTIONAL_ARG, "WHEN", "colour the text report: auto (default: on "
	    "a terminal,\nwithout NO_COLOR), always (--color alone) or never\n" },
	{ 'M', '\0', "max-document", CLI_ARG, "SIZE", "refuse documents larger than SIZE (default "
	    "256M)\n" },
	{ 'o', 'o', "output", CLI_ARG, "FILE", "write the report to FILE (atomically)\n" },
	CLI_HELP_OPTION,
};

static const struct cli_command check_command = CLI_COMMAND("check",
    "Reports, for each FILE (standard input with none, or -), every portion's decision\n"
    "at the target, with lints of the marks; exits 0 when every file is releasable as it\n"
    "stands, 1 when one is not, 2 on error.\n",
    check_options);

static const struct cli_option keygen_options[] = {
	{ 'a', '\0', "auditor", CLI_NO_ARG, NULL, "an X25519 key pair for an auditor (default: an "
	    "Ed25519\nsigning key pair)\n" },
	{ 'S', '\0', "secret-key", CLI_ARG, "FILE", "the secret key file to make (mode 0600)\n" },
	{ 'P', '\0', "public-key", CLI_ARG, "FILE", "the public key file to make\n" },
	{ 'q', 'q', "quiet", CLI_NO_ARG, NULL, "print nothing on success\n" },
	CLI_HELP_OPTION,
};

static const struct cli_command keygen_command = CLI_COMMAND("keygen",
    "Makes a key pair; neither file may exist.\n",
    keygen_options);

static const struct cli_option verify_options[] = {
	{ 'A', '\0', "audit", CLI_ARG, "FILE", "the audit to check\n" },
	{ 'P', '\0', "public-key", CLI_ARG, "FILE", "the signer's public key (with --checkpoint: "
	    "one for each\nledger's key)\n" },
	{ 'o', 'o', "output", CLI_ARG, "FILE", "the release the audit is of\n" },
	{ 'O', '\0', "original", CLI_ARG, "FILE", "redact the original again and compare, byte "
	    "for byte\n" },
	{ 'K', '\0', "auditor-secret-key", CLI_ARG, "FILE", "open the sealed run secret and check "
	    "the\ncommitments against the original\n" },
	{ 'p', 'p', "policy", CLI_ARG, "NAME|FILE", "the policy the audit names, when it is not "
	    "found by name\n" },
	{ 'L', '\0', "ledger", CLI_ARG, "FILE", "check the ledger, and the audit's entry in it\n" },
	{ 'C', '\0', "checkpoint", CLI_ARG, "FILE", "check a signed checkpoint against the ledgers "
	    "it\nwas merged from\n" },
	{ 'k', '\0', "checkpoint-key", CLI_ARG, "FILE", "the key the checkpoint is signed with\n" },
	{ 'M', '\0', "max-document", CLI_ARG, "SIZE", "refuse audits and documents larger than "
	    "SIZE\n" },
	{ 'q', 'q', "quiet", CLI_NO_ARG, NULL, "print nothing when it verifies\n" },
	CLI_HELP_OPTION,
};

static const struct cli_command verify_command = CLI_COMMAND("verify",
    "Checks an audit against its release (and the original), a ledger, or a\n"
    "checkpoint; exits 0 verified, 1 not verified, 2 on error.\n",
    verify_options);

static const struct cli_option ledger_options[] = {
	{ 'S', '\0', "secret-key", CLI_ARG, "FILE", "the Ed25519 key that signs the checkpoint\n" },
	{ 'P', '\0', "public-key", CLI_ARG, "FILE", "a key whose ledger entries are accepted "
	    "(repeat it)\n" },
	{ 'O', '\0', "origin", CLI_ARG, "NAME", "the checkpoint's origin line\n" },
	{ 'o', 'o', "output", CLI_ARG, "FILE", "the checkpoint to write\n" },
	{ 'q', 'q', "quiet", CLI_NO_ARG, NULL, "print nothing on success\n" },
	CLI_HELP_OPTION,
};

static const struct cli_command ledger_command = CLI_COMMAND("ledger",
    "ledger merge: checks every LEDGER, in the order given, and signs the root of\n"
    "the Merkle tree of their entries as a checkpoint.\n",
    ledger_options);

static const struct cli_option policy_options[] = {
	{ 'p', 'p', "policy", CLI_ARG, "NAME|FILE", "decide, rollup: the policy (default "
	    "us-cable)\n" },
	{ 'r', 'r', "release", CLI_ARG, "TARGET", "decide: the target (with none, lines of "
	    "TARGET<tab>MARK)\n" },
	{ 'v', 'v', "verbose", CLI_NO_ARG, NULL, "test: print every example, not only failures\n" },
	CLI_HELP_OPTION,
};

static const struct cli_command policy_command = CLI_COMMAND("policy",
    "show prints a policy's source; test runs its examples; decide says what it\n"
    "decides for each MARK at a target; rollup, the banner of a release of such marks.\n"
    "With no MARK, decide and rollup read marks from standard input, one per line.\n",
    policy_options);

/* The long name of verify's option with code ch. */
static const char *
verify_options_name(int ch)
{
	size_t k;

	for (k = 0; k < verify_command.noptions; k++)
		if (verify_options[k].code == ch)
			return verify_options[k].long_name;
	return "?";
}

/*
 * SUB --help: the forms of the subcommand, what it does, its options, and the exit status.
 */
static void
command_help(const struct cli_command *c)
{
	usage_of(stdout, c->name);
	printf("\n%s\n", c->about);
	cli_help(stdout, c);
	printf("\nSee tearline(1).\n");
}

/* tearline --help: every form, then redact's options (the default subcommand). */
static void
help(void)
{
	usage(stdout);
	printf("\n%s\n", redact_command.about);
	cli_help(stdout, &redact_command);
	printf("\nOther subcommands: tearline SUB --help. Exit status: 0 released, 2 error (nothing "
	    "is\nwritten on error); verify: 0 verified, 1 not verified, 2 error. See tearline(1).\n");
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

/* Parses a size option's value, saying what is wrong. Returns 0 or -1. */
static int
size_option(const char *name, const char *value, size_t *out)
{
	if (parse_size(value, out) == 0)
		return 0;
	say("%s: \"%s\" is not a size (such as 64M)", name, value);
	return -1;
}

/*
 * Opens the policy a command names (NULL: the built-in one) and reads its release target.
 * Returns the policy, freed with policy_free, or NULL having said why.
 */
static struct policy *
open_policy(const char *name, const char *release, struct marking *target)
{
	char err[1024];
	struct policy *p = policy_open(name != NULL ? name : "us-cable", err, sizeof(err));

	if (p == NULL || marking_parse_target(p, release, target, err, sizeof(err)) != 0) {
		say("%s", err);
		policy_free(p);
		return NULL;
	}
	return p;
}

/* Says where the release withholds text it could not prove anything about. */
static void
warn_unproven(const char *name, const struct document *d, const struct redact_result *res)
{
	static const char *const how[] = { "whole", "in two passes", "whole (a rule read outside "
	    "the window)" };
	size_t k;

	/* For tests: how the document was read (document_read). */
	if (getenv("TEARLINE_TEST_WINDOW") != NULL)
		fprintf(stderr, "%s: test: %s: read %s\n", progname, name, how[d->read_as]);
	if (quiet)
		return;
	if (!d->has_banner && d->facts.n > 0 && !res->any_marked) {
		fprintf(stderr, "%s: %s: no banner line and no portion marks: the whole document is "
		    "withheld\n", progname, name);
		return;
	}
	for (k = 0; each_portion && k < res->unproven; k++)
		fprintf(stderr, "%s: %s:%zu: withheld: %s\n", progname, name,
		    res->unproven_list[k].line, res->unproven_list[k].dc->why);
	/* A filter is quiet: one line for the document, -v for every portion. */
	if (!each_portion && res->unproven > 0)
		fprintf(stderr, "%s: %s: withheld %zu portion%s it could not prove anything about, "
		    "the first at line %zu (-v lists them)\n", progname, name, res->unproven,
		    res->unproven == 1 ? "" : "s", res->unproven_first);
}

struct redact_args {
	const char *release;
	const char *policy;
	const char *output;
	const char *input;
	enum redact_mode mode;
	size_t max_document;
	const char *audit;		/* the audit file, or NULL for none */
	const char *secret_key;		/* signs the audit */
	const char *auditor_key;	/* or NULL */
	const char *ledger;		/* or NULL */
	bool no_sandbox;
	const char *output_dir;		/* a batch: NULL for one document */
	const char *audit_dir;		/* a batch's audits and ledger, or NULL: output_dir */
	unsigned jobs;			/* a batch's worker threads */
};

/* The audit side of a redact run: keys and ledger are opened before anything is decided. */
struct run_audit {
	struct keys_secret *signer;
	struct keys_public auditor;
	bool has_auditor;
	struct audit_ledger ledger;	/* fd -1 when there is none */
	struct audit_writer *writer;	/* from run_audit_start on */
};

static void
run_audit_init(struct run_audit *ac)
{
	memset(ac, 0, sizeof(*ac));
	ac->ledger.fd = -1;
}

static void
run_audit_free(struct run_audit *ac)
{
	keys_secret_free(ac->signer);
	audit_ledger_close(&ac->ledger);
	audit_writer_free(ac->writer);
	run_audit_init(ac);
}

/*
 * Reads the audit's signing key and, when one is named, the auditor's key. Returns 0, or -1 with
 * err (*signer is then NULL or for the caller to free).
 */
static int
read_audit_keys(const struct redact_args *a, struct keys_secret **signer,
    struct keys_public *auditor, char *err, size_t errlen)
{
	if ((*signer = keys_read_secret(a->secret_key, KEYS_SIGN, err, errlen)) == NULL ||
	    (a->auditor_key != NULL &&
	    keys_read_public(a->auditor_key, KEYS_BOX, auditor, err, errlen) != 0))
		return -1;
	return 0;
}

/* Reads the keys and opens and locks the ledger. Returns 0, or -1 having said why. */
static int
run_audit_open(const struct redact_args *a, struct run_audit *ac)
{
	char err[1024];

	/* An audit is the record of a release: it is never replaced by the next run's. */
	if (access(a->audit, F_OK) == 0) {
		say("%s: exists; an audit is never overwritten", a->audit);
		return -1;
	}
	if (read_audit_keys(a, &ac->signer, &ac->auditor, err, sizeof(err)) != 0 ||
	    (a->ledger != NULL && audit_ledger_open(&ac->ledger, a->ledger, err, sizeof(err)) != 0)) {
		say("%s", err);
		return -1;
	}
	ac->has_auditor = a->auditor_key != NULL;
	return 0;
}

/*
 * The time an audit records: now, or SOURCE_DATE_EPOCH (seconds since 1970) when it is set, for
 * reproducible audits. Returns 0, or -1 when SOURCE_DATE_EPOCH is not such a number.
 */
static int
run_audit_time(time_t *t)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	unsigned long long v;

	if (s == NULL) {
		*t = time(NULL);
		return 0;
	}
	errno = 0;
	v = strtoull(s, &end, 10);
	/* Up to 9999-12-31T23:59:59Z, the last time the audit's format can write. */
	if (errno != 0 || end == s || *end != '\0' || s[0] < '0' || s[0] > '9' ||
	    v > 253402300799ULL)
		return -1;
	*t = (time_t)v;
	return 0;
}

/*
 * The time and test seed an audit records: the time from run_audit_time (*fixed says whether
 * SOURCE_DATE_EPOCH gave it), the seed from TEARLINE_TEST_SEED or NULL, never taken silently:
 * `many` words the warning for a batch's run secrets. Returns 0, or -1 having said why.
 */
static int
run_audit_clock(bool many, time_t *t, bool *fixed, const char **seed)
{
	const char *s = getenv("TEARLINE_TEST_SEED");

	if (run_audit_time(t) != 0) {
		say("SOURCE_DATE_EPOCH: \"%s\" is not a time in seconds since 1970",
		    getenv("SOURCE_DATE_EPOCH"));
		return -1;
	}
	*fixed = getenv("SOURCE_DATE_EPOCH") != NULL;
	*seed = NULL;
	if (s != NULL && s[0] != '\0') {
		/* A run secret from a known seed hides nothing. */
		say(many ? "warning: TEARLINE_TEST_SEED is set: the run secrets come from it and hide "
		    "nothing (for tests only)" : "warning: TEARLINE_TEST_SEED is set: the run secret "
		    "comes from it and hides nothing (for tests only)");
		*seed = s;
	}
	return 0;
}

/* A document this large has its audit's hashing shared with a second thread. */
#define AUDIT_HELPER_MIN ((size_t)1 << 20)

/*
 * Starts the audit of a run over the input, its lines to go to aud: before the sandbox, since
 * the writer's helper thread enters it on its own. Returns 0, or -1 having said why.
 */
static int
run_audit_start(const struct redact_args *a, const struct policy *p, const struct text_buffer *in,
    struct text_out *aud, struct run_audit *ac)
{
	char err[1024];
	struct audit_params ap;
	struct redact_sink sink = { text_out_sink, aud };
	bool fixed;

	audit_params_init(&ap, "tearline " TEARLINE_VERSION, p, a->release, a->mode, ac->signer,
	    ac->has_auditor ? &ac->auditor : NULL);
	ap.ledger_prev = ac->ledger.fd >= 0 ? ac->ledger.head : NULL;
	if (run_audit_clock(false, &ap.time, &fixed, &ap.test_seed) != 0)
		return -1;
	if (audit_writer_new(&ac->writer, &ap, in->data, in->len, &sink,
	    in->len >= AUDIT_HELPER_MIN, !a->no_sandbox, err, sizeof(err)) != 0) {
		say("%s: %s", a->audit, err);
		return -1;
	}
	return 0;
}

/* Where a redact run writes: the release and, with an audit, the audit. */
struct outputs {
	struct text_out out;
	struct text_out aud;
	bool audit;
	/*
	 * With an audit and standard output, the release is written here first, an unnamed
	 * temporary file, and copied out once the audit is complete: what went out cannot be
	 * taken back, and holding it in memory instead would double the run's memory.
	 */
	struct text_out spool;
};

/*
 * Opens the release and the audit as temporary files before anything is read or decided, so
 * that the sandbox can close the door on opening files. Returns 0, or -1 having said why.
 */
static int
outputs_open(const struct redact_args *a, struct outputs *o)
{
	char err[1024], scratch[1024];

	memset(o, 0, sizeof(*o));
	o->audit = a->audit != NULL;
	if (text_out_open(&o->out, a->output, err, sizeof(err)) != 0) {
		say("%s", err);
		return -1;
	}
	if (o->audit && text_out_open(&o->aud, a->audit, err, sizeof(err)) != 0) {
		say("%s", err);
		text_out_close(&o->out, false, scratch, sizeof(scratch));
		return -1;
	}
	if (o->audit && o->out.path == NULL && text_spool_open(&o->spool, err, sizeof(err)) != 0) {
		say("%s", err);
		text_out_close(&o->aud, false, scratch, sizeof(scratch));
		text_out_close(&o->out, false, scratch, sizeof(scratch));
		return -1;
	}
	return 0;
}

/* The outputs as pipeline_commit takes them. */
static struct pipeline_outputs
outputs_of(const struct redact_args *a, struct outputs *o, struct run_audit *ac)
{
	struct pipeline_outputs po = { &o->out, o->spool.fp != NULL ? &o->spool : NULL,
	    o->audit ? &o->aud : NULL, a->audit, ac->ledger.fd >= 0 ? &ac->ledger : NULL,
	    ac->signer, ac->writer };

	return po;
}

static int
cmd_redact(const struct redact_args *a)
{
	char err[1024];
	struct policy *p = NULL;
	struct marking target;
	struct text_buffer in = { NULL, 0 };
	struct document d;
	struct redact_result res;
	struct run_audit ac;
	struct outputs o;
	bool opened = false;
	const char *name = strcmp(a->input, "-") == 0 ? "(standard input)" : a->input;
	int rc = EXIT_ERROR;

	memset(&d, 0, sizeof(d));
	memset(&res, 0, sizeof(res));
	run_audit_init(&ac);
	if ((p = open_policy(a->policy, a->release, &target)) == NULL)
		return EXIT_ERROR;
	if (a->audit != NULL && run_audit_open(a, &ac) != 0)
		goto done;
	if (text_read_file(a->input, a->max_document, &in, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if (outputs_open(a, &o) != 0)
		goto done;
	opened = true;
	if (a->audit != NULL && run_audit_start(a, p, &in, &o.aud, &ac) != 0)
		goto done;
	/*
	 * Every file is open: from here on the filter reads, computes and writes, nothing more.
	 * What would open a file later is done now: the time zone, jansson's hash seed.
	 */
	tzset();
	json_object_seed(0);
	if (!a->no_sandbox && sandbox_enter(err, sizeof(err)) != 0) {
		say("%s (--no-sandbox runs without it)", err);
		goto done;
	}
	/*
	 * The release goes to its (temporary) file as it is rendered, never held in memory: every
	 * decision is made before its first byte, and a failed run removes the file. To standard
	 * output with an audit it goes to the spool, and out only once the audit is complete.
	 */
	{
		struct text_out *rel = o.spool.fp != NULL ? &o.spool : &o.out;
		struct redact_sink sink = { text_out_sink, rel };
		struct pipeline pl = { p, NULL, &target, a->mode, ac.writer, each_portion, true };
		struct pipeline_outputs po = outputs_of(a, &o, &ac);

		if (pipeline_release(&pl, in.data, in.len, name, &sink, &d, &res, err,
		    sizeof(err)) != 0) {
			if (rel == &o.spool && rel->err != 0)
				say("the release's temporary file: write error: %s",
				    strerror(rel->err));
			else if (rel->err != 0)
				say("%s: write error: %s", o.out.path == NULL ? "(standard output)" :
				    a->output, strerror(rel->err));
			else if (a->audit != NULL && o.aud.err != 0)
				/* The audit's records are written as the changes are made. */
				say("%s: write error: %s", a->audit, strerror(o.aud.err));
			else
				say("%s", err);
			goto done;
		}
		warn_unproven(name, &d, &res);
		if (a->audit != NULL &&
		    pipeline_audit(&pl, &d, &res, &o.aud, a->audit, err, sizeof(err)) != 0) {
			say("%s", err);
			goto done;
		}
		/* Everything is decided before the first byte is written: an error leaves no output. */
		opened = false;
		rc = pipeline_commit(&po, err, sizeof(err));
		stdout_closed = o.out.close_stdout;
		if (rc != 0) {
			say("%s", err);
			rc = EXIT_ERROR;
			goto done;
		}
	}
	rc = EXIT_OK;
done:
	if (opened) {
		struct pipeline_outputs po = outputs_of(a, &o, &ac);

		pipeline_abort(&po);
	}
	run_audit_free(&ac);
	redact_result_free(&res);
	document_free(&d);
	text_buffer_free(&in);
	policy_free(p);
	return rc;
}

/* Parses --jobs: 1 to BATCH_MAX_JOBS, or 0 for one per online processor. Returns 0 or -1. */
static int
parse_jobs(const char *s, unsigned *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] < '0' || s[0] > '9' ||
	    v > BATCH_MAX_JOBS)
		return -1;
	if (v == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);

		v = cpus < 1 ? 1 : cpus > BATCH_MAX_JOBS ? BATCH_MAX_JOBS : (unsigned long)cpus;
	}
	*out = (unsigned)v;
	return 0;
}

#define PROGRESS_WIDTH 30

/* Set when a batch is interrupted (SIGINT, SIGTERM, SIGHUP): it stops and cleans up. */
static volatile sig_atomic_t batch_interrupted;

static void
batch_on_signal(int sig)
{
	(void)sig;
	batch_interrupted = 1;
}

/*
 * A batch's messages, one document at a time in input order: its failure, or the warnings of a
 * single run; then, on a terminal, the progress line, drawn again after each document. Called in
 * the batch's child processes, so it keeps no state of its own.
 */
static void
batch_done(void *ctx, const struct batch_event *ev)
{
	static const char bar[PROGRESS_WIDTH + 1] = "##############################";
	static const char gap[PROGRESS_WIDTH + 1] = "..............................";
	const bool *progress = ctx;
	size_t done = ev->index + 1, fill = done * PROGRESS_WIDTH / ev->total;

	if (*progress)
		fputs("\r\033[K", stderr);
	if (!ev->ok)
		say("%s", ev->err);
	else
		warn_unproven(ev->input, ev->doc, ev->res);
	if (!*progress)
		return;
	fprintf(stderr, "%s: [%.*s%.*s] %zu/%zu", progname, (int)fill, bar,
	    (int)(PROGRESS_WIDTH - fill), gap, done, ev->total);
	if (ev->failed > 0)
		fprintf(stderr, " (%zu failed)", ev->failed);
}

/*
 * tearline redact --output-dir DIR FILE...: the policy, the target, the keys and the ledger are
 * read here, once; batch.c does the rest and reports each document through batch_done.
 */
static int
cmd_batch(const struct redact_args *a, char *const *inputs, size_t n)
{
	char err[1024], ledger_path[4096];
	struct policy *p = NULL;
	struct marking target;
	struct batch_options bo;
	struct batch_names names;
	struct batch_result br;
	struct keys_secret *signer = NULL;
	struct keys_public auditor;
	struct audit_ledger ledger;
	static const int stop_signals[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old_sa[3];
	bool progress = !quiet && isatty(STDERR_FILENO);
	int rc = EXIT_ERROR, st, k;
	size_t removed;
	const char *first;

	memset(&bo, 0, sizeof(bo));
	memset(&names, 0, sizeof(names));
	memset(&ledger, 0, sizeof(ledger));
	ledger.fd = -1;
	if ((p = open_policy(a->policy, a->release, &target)) == NULL)
		return EXIT_ERROR;
	bo.policy = p;
	bo.target = &target;
	bo.release = a->release;
	bo.mode = a->mode;
	bo.max_document = a->max_document;
	bo.output_dir = a->output_dir;
	bo.audit_dir = a->audit_dir;
	bo.jobs = a->jobs;
	bo.sandbox = !a->no_sandbox;
	bo.list_unproven = each_portion;
	bo.tool = "tearline " TEARLINE_VERSION;
	bo.done = batch_done;
	bo.ctx = &progress;
	if (a->secret_key != NULL) {
		if (read_audit_keys(a, &signer, &auditor, err, sizeof(err)) != 0) {
			say("%s", err);
			goto done;
		}
		bo.signer = signer;
		bo.auditor = a->auditor_key != NULL ? &auditor : NULL;
		if (a->ledger == NULL) {
			const char *dir = a->audit_dir != NULL ? a->audit_dir : a->output_dir;

			st = snprintf(ledger_path, sizeof(ledger_path), "%s/%s", dir,
			    BATCH_LEDGER_NAME);
			if (st < 0 || (size_t)st >= sizeof(ledger_path)) {
				say("%s: name too long", dir);
				goto done;
			}
		}
		bo.ledger_path = a->ledger != NULL ? a->ledger : ledger_path;
		if (run_audit_clock(true, &bo.time, &bo.fixed_time, &bo.test_seed) != 0)
			goto done;
	}
	if (batch_prepare(&bo, inputs, n, &names, err, sizeof(err)) != 0 ||
	    (signer != NULL && audit_ledger_open(&ledger, bo.ledger_path, err, sizeof(err)) != 0)) {
		say("%s", err);
		goto done;
	}
	bo.ledger = signer != NULL ? &ledger : NULL;
	/* Without SA_RESTART, so that a wait for a chunk's process sees the signal. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = batch_on_signal;
	sigemptyset(&sa.sa_mask);
	for (k = 0; k < 3; k++)
		sigaction(stop_signals[k], &sa, &old_sa[k]);
	bo.interrupted = &batch_interrupted;
	st = batch_run(&bo, inputs, n, &names, &br, err, sizeof(err));
	for (k = 0; k < 3; k++)
		sigaction(stop_signals[k], &old_sa[k], NULL);
	if (progress)
		fputs("\r\033[K", stderr);
	if (st < 0) {
		say("%s", err);
		if (br.unknown > 0)
			say("the batch stopped: %zu released, %zu failed, %zu not processed, and %zu "
			    "of which some may be released (check the ledger)", br.released, br.failed,
			    br.skipped, br.unknown);
		else
			say("the batch stopped: %zu released, %zu failed, %zu not processed",
			    br.released, br.failed, br.skipped);
	} else if (st > 0) {
		say("%zu of %zu documents failed: no release or audit was written for them",
		    br.failed, n);
	}
	/* No release of an earlier run stands under the name of one this run did not write. */
	if (st != 0 && (removed = batch_remove_earlier(&names, &first)) > 0)
		say("removed %zu earlier release%s that this run did not replace (%s%s)", removed,
		    removed == 1 ? "" : "s", first, removed == 1 ? "" : ", ...");
	rc = st == 0 ? EXIT_OK : EXIT_ERROR;
done:
	audit_ledger_close(&ledger);
	batch_names_free(&names);
	keys_secret_free(signer);
	policy_free(p);
	return rc;
}

/* A batch (--output-dir, --jobs): checks what goes with it, then runs it. */
static int
main_batch(const struct redact_args *a, int argc, char **argv)
{
	if (a->output_dir == NULL) {
		say("%s goes with --output-dir DIR (a batch)", a->audit_dir != NULL ? "--audit-dir" :
		    "--jobs");
		return EXIT_ERROR;
	}
	if (a->output != NULL || a->audit != NULL) {
		say("a batch (--output-dir) names its outputs after its inputs: -o and --audit are "
		    "for one document");
		return EXIT_ERROR;
	}
	if (a->secret_key == NULL && (a->auditor_key != NULL || a->ledger != NULL ||
	    a->audit_dir != NULL)) {
		say("in a batch, --auditor-key, --ledger and --audit-dir go with --secret-key FILE");
		return EXIT_ERROR;
	}
	if (a->output_dir[0] == '\0' || strcmp(a->output_dir, "-") == 0 ||
	    (a->audit_dir != NULL && (a->audit_dir[0] == '\0' || strcmp(a->audit_dir, "-") == 0)) ||
	    (a->ledger != NULL && strcmp(a->ledger, "-") == 0)) {
		say("--output-dir and --audit-dir name directories and --ledger a file, not standard "
		    "output");
		return EXIT_ERROR;
	}
	if (a->release == NULL) {
		say("redact needs --release TARGET (for example --release UNCLASSIFIED)");
		usage_error("redact");
		return EXIT_ERROR;
	}
	if (argc < 1) {
		say("a batch (--output-dir) needs at least one FILE");
		usage_error("redact");
		return EXIT_ERROR;
	}
	return cmd_batch(a, argv, (size_t)argc);
}

static int
main_redact(int argc, char **argv)
{
	struct redact_args a;
	bool jobs_given = false;
	int ch;

	memset(&a, 0, sizeof(a));
	a.mode = MODE_MASK;
	a.max_document = DEFAULT_MAX_DOCUMENT;
	a.input = "-";
	a.jobs = 1;
	while ((ch = cli_next(argc, argv, &redact_command)) != -1) {
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
			if (size_option("--max-document", optarg, &a.max_document) != 0)
				return EXIT_ERROR;
			break;
		case 'q':
			quiet = true;
			break;
		case 'v':
			each_portion = true;
			break;
		case 'A':
			a.audit = optarg;
			break;
		case 'S':
			a.secret_key = optarg;
			break;
		case 'K':
			a.auditor_key = optarg;
			break;
		case 'L':
			a.ledger = optarg;
			break;
		case 'N':
			a.no_sandbox = true;
			break;
		case 'D':
			a.output_dir = optarg;
			break;
		case 'E':
			a.audit_dir = optarg;
			break;
		case 'j':
			if (parse_jobs(optarg, &a.jobs) != 0) {
				say("--jobs: \"%s\" is not a number of workers from 0 to %d", optarg,
				    BATCH_MAX_JOBS);
				return EXIT_ERROR;
			}
			jobs_given = true;
			break;
		case 'h':
			help();
			return EXIT_OK;
		case 'V':
			printf("tearline %s\n", TEARLINE_VERSION);
			return EXIT_OK;
		default:
			usage_error("redact");
			return EXIT_ERROR;
		}
	}
	if (a.output_dir != NULL || jobs_given || a.audit_dir != NULL)
		return main_batch(&a, argc - optind, argv + optind);
	if (a.audit == NULL && (a.secret_key != NULL || a.auditor_key != NULL ||
	    a.ledger != NULL)) {
		say("--secret-key, --auditor-key and --ledger go with --audit FILE");
		return EXIT_ERROR;
	}
	if (a.audit != NULL && a.secret_key == NULL) {
		say("--audit needs --secret-key FILE (make a key pair with tearline keygen)");
		usage_error("redact");
		return EXIT_ERROR;
	}
	if ((a.audit != NULL && strcmp(a.audit, "-") == 0) ||
	    (a.ledger != NULL && strcmp(a.ledger, "-") == 0)) {
		say("--audit and --ledger name files, not standard output");
		return EXIT_ERROR;
	}
	if (a.audit != NULL && a.output != NULL && strcmp(a.audit, a.output) == 0) {
		say("--audit and --output name the same file, \"%s\"", a.audit);
		return EXIT_ERROR;
	}
	if (a.release == NULL) {
		say("redact needs --release TARGET (for example --release UNCLASSIFIED)");
		usage_error("redact");
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
main_keygen(int argc, char **argv)
{
	char err[1024], id[KEYS_ID_HEX];
	const char *secret = NULL, *public = NULL;
	enum keys_kind kind = KEYS_SIGN;
	struct keys_public pub;
	int ch;

	while ((ch = cli_next(argc, argv, &keygen_command)) != -1) {
		switch (ch) {
		case 'a':
			kind = KEYS_BOX;
			break;
		case 'S':
			secret = optarg;
			break;
		case 'P':
			public = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			command_help(&keygen_command);
			return EXIT_OK;
		default:
			usage_error("keygen");
			return EXIT_ERROR;
		}
	}
	if (secret == NULL || public == NULL || optind != argc) {
		say("keygen needs --secret-key FILE and --public-key FILE, and nothing else");
		usage_error("keygen");
		return EXIT_ERROR;
	}
	if (keys_generate(kind, secret, public, &pub, err, sizeof(err)) != 0) {
		say("%s", err);
		return EXIT_ERROR;
	}
	keys_id_hex(pub.id, id);
	if (!quiet)
		printf("%s %s key pair %s: secret key in %s (keep it private), public key in %s\n",
		    keys_algorithm(kind), kind == KEYS_SIGN ? "signing" : "auditor", id, secret,
		    public);
	return EXIT_OK;
}

/*
 * Reads the public signing keys named by paths[0..n) into keys (n of them). Returns 0, or -1
 * having said why.
 */
static int
read_public_keys(char *const *paths, size_t n, struct keys_public *keys)
{
	char err[1024];
	size_t i;

	for (i = 0; i < n; i++) {
		if (keys_read_public(paths[i], KEYS_SIGN, &keys[i], err, sizeof(err)) != 0) {
			say("%s", err);
			return -1;
		}
	}
	return 0;
}

/*
 * Signs checkpoint cp (of tree t) with signer and writes its note to output, then says what it
 * wrote. Returns 0, or -1 having said why.
 */
static int
write_checkpoint(const char *output, struct checkpoint *cp, const struct keys_secret *signer,
    const struct checkpoint_tree *t)
{
	char err[1024], id[KEYS_ID_HEX], vkey[512];
	char b64[sodium_base64_ENCODED_LEN(CHECKPOINT_HASH_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	struct text_out out;
	char *note = NULL;
	size_t len = 0;

	if (checkpoint_sign(cp, signer, &note, &len, err, sizeof(err)) != 0 ||
	    text_out_open(&out, output, err, sizeof(err)) != 0) {
		say("%s", err);
		free(note);
		return -1;
	}
	text_out_write(&out, note, len);
	free(note);
	if (text_out_close(&out, true, err, sizeof(err)) != 0) {
		say("%s", err);
		return -1;
	}
	keys_id_hex(signer->id, id);
	sodium_bin2base64(b64, sizeof(b64), cp->root, sizeof(cp->root),
	    sodium_base64_VARIANT_ORIGINAL);
	if (checkpoint_vkey(cp->origin, signer->pk, vkey, sizeof(vkey)) != 0)
		vkey[0] = '\0';
	if (!quiet && strcmp(output, "-") != 0)
		printf("%s: checkpoint of %zu run%s from %zu ledger%s, root %s, signed by key %s "
		    "(note verifier key %s)\n", output, t->nleaves, t->nleaves == 1 ? "" : "s",
		    t->nledgers, t->nledgers == 1 ? "" : "s", b64, id, vkey);
	return 0;
}

/*
 * tearline ledger merge: checks ledgers and signs the root of the Merkle tree of their entries as
 * a checkpoint. Exit 0 written, 1 a ledger did not verify, 2 error; nothing is written unless 0.
 */
static int
main_ledger(int argc, char **argv)
{
	char err[1024];
	const char *secret = NULL, *origin = NULL, *output = NULL;
	char **pub_paths = NULL;
	size_t npub = 0;
	struct keys_public *keys = NULL;
	struct keys_secret *signer = NULL;
	struct checkpoint_tree t;
	struct checkpoint cp;
	enum verify_status st;
	int ch, rc = EXIT_ERROR;

	memset(&t, 0, sizeof(t));
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		command_help(&ledger_command);
		return EXIT_OK;
	}
	if (argc < 2 || strcmp(argv[1], "merge") != 0) {
		say("ledger: unknown subcommand (try: tearline ledger merge)");
		usage_error("ledger");
		return EXIT_ERROR;
	}
	argc--;
	argv++;
	if ((pub_paths = calloc((size_t)argc, sizeof(*pub_paths))) == NULL) {
		say("out of memory");
		return EXIT_ERROR;
	}
	while ((ch = cli_next(argc, argv, &ledger_command)) != -1) {
		switch (ch) {
		case 'S':
			secret = optarg;
			break;
		case 'P':
			pub_paths[npub++] = optarg;
			break;
		case 'O':
			origin = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			command_help(&ledger_command);
			rc = EXIT_OK;
			goto done;
		default:
			usage_error("ledger");
			goto done;
		}
	}
	if (secret == NULL || origin == NULL || output == NULL || optind == argc) {
		say("ledger merge needs --secret-key FILE, --origin NAME, -o FILE and at least one "
		    "LEDGER");
		usage_error("ledger");
		goto done;
	}
	memset(&cp, 0, sizeof(cp));
	if (!checkpoint_origin_ok(origin)) {
		say("--origin: \"%s\" is not an origin: 1 to %d printable characters, no space and "
		    "no \"+\" (such as example.org/tearline/2026-05)", origin, CHECKPOINT_ORIGIN_MAX);
		goto done;
	}
	memcpy(cp.origin, origin, strlen(origin) + 1);
	if ((signer = keys_read_secret(secret, KEYS_SIGN, err, sizeof(err))) == NULL) {
		say("%s", err);
		goto done;
	}
	/* The ledgers are checked under the given public keys, or else the signer's own. */
	if ((keys = calloc(npub > 0 ? npub : 1, sizeof(*keys))) == NULL) {
		say("out of memory");
		goto done;
	}
	if (npub == 0)
		keys_public_of(signer, &keys[npub++]);
	else if (read_public_keys(pub_paths, npub, keys) != 0)
		goto done;
	st = checkpoint_tree_read(argv + optind, (size_t)(argc - optind), keys, npub, &t, err,
	    sizeof(err));
	if (st != VERIFY_OK) {
		say(st == VERIFY_FAIL ? "not merged: %s" : "%s", err);
		rc = st == VERIFY_FAIL ? EXIT_FAIL : EXIT_ERROR;
		goto done;
	}
	cp.size = t.nleaves;
	checkpoint_root(t.leaves, t.nleaves, cp.root);
	if (write_checkpoint(output, &cp, signer, &t) != 0)
		goto done;
	rc = EXIT_OK;
done:
	checkpoint_tree_free(&t);
	keys_secret_free(signer);
	free(keys);
	free(pub_paths);
	return rc;
}

/*
 * tearline verify --checkpoint: the checkpoint's signature, the ledgers' tree, and one audited
 * run's inclusion in it. Exit 0 verified, 1 not verified, 2 error.
 */
static int
main_verify_checkpoint(int argc, char **argv)
{
	char err[1024], id[KEYS_ID_HEX];
	char b64[sodium_base64_ENCODED_LEN(CHECKPOINT_HASH_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	const char *note_key_path = NULL;
	char **pub_paths = NULL, **ledgers = NULL;
	size_t npub = 0, nledgers = 0;
	struct keys_public *keys = NULL, note_key;
	struct checkpoint_request rq;
	struct checkpoint_result res;
	enum verify_status st;
	int ch, rc = EXIT_ERROR;

	memset(&rq, 0, sizeof(rq));
	rq.max_document = DEFAULT_MAX_DOCUMENT;
	if ((pub_paths = calloc((size_t)argc, sizeof(*pub_paths))) == NULL ||
	    (ledgers = calloc((size_t)argc, sizeof(*ledgers))) == NULL ||
	    (keys = calloc((size_t)argc, sizeof(*keys))) == NULL) {
		say("out of memory");
		goto done;
	}
	while ((ch = cli_next(argc, argv, &verify_command)) != -1) {
		switch (ch) {
		case 'C':
			rq.checkpoint = optarg;
			break;
		case 'k':
			note_key_path = optarg;
			break;
		case 'P':
			pub_paths[npub++] = optarg;
			break;
		case 'A':
			rq.audit = optarg;
			break;
		case 'L':
			ledgers[nledgers++] = optarg;
			break;
		case 'M':
			if (parse_size(optarg, &rq.max_document) != 0) {
				say("--max-document: \"%s\" is not a size (such as 64M)", optarg);
				goto done;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			command_help(&verify_command);
			rc = EXIT_OK;
			goto done;
		default:
			if (ch != '?')
				say("--%s: not an option of verify --checkpoint",
				    verify_options_name(ch));
			usage_error("verify");
			goto done;
		}
	}
	if (optind != argc || rq.checkpoint == NULL || npub == 0 || nledgers == 0) {
		say("verify --checkpoint needs --public-key and --ledger (each as often as needed: "
		    "the ledgers in the order they were merged), and takes one --audit");
		usage_error("verify");
		goto done;
	}
	if (read_public_keys(pub_paths, npub, keys) != 0 ||
	    read_public_keys(note_key_path != NULL ? (char *const *)&note_key_path : pub_paths, 1,
	    &note_key) != 0)
		goto done;
	rq.note_key = &note_key;
	rq.ledgers = ledgers;
	rq.nledgers = nledgers;
	rq.keys = keys;
	rq.nkeys = npub;
	st = checkpoint_verify(&rq, &res, err, sizeof(err));
	if (st == VERIFY_ERROR) {
		say("%s", err);
		goto done;
	}
	if (st != VERIFY_OK) {
		say("not verified: %s", err);
		rc = EXIT_FAIL;
		goto done;
	}
	rc = EXIT_OK;
	if (quiet)
		goto done;
	keys_id_hex(note_key.id, id);
	sodium_bin2base64(b64, sizeof(b64), res.cp.root, sizeof(res.cp.root),
	    sodium_base64_VARIANT_ORIGINAL);
	printf("%s: verified: %s, %llu run%s from %zu ledger%s, root %s, signed by key %s\n",
	    rq.checkpoint, res.cp.origin, (unsigned long long)res.cp.size,
	    res.cp.size == 1 ? "" : "s", nledgers, nledgers == 1 ? "" : "s", b64, id);
	if (res.included)
		printf("%s: verified: run %s (%s:%zu) is leaf %llu of the tree; its audit path of "
		    "%zu hash%s leads to the signed root\n", rq.audit, res.run, res.ledger,
		    res.line, (unsigned long long)res.index, res.proof_len,
		    res.proof_len == 1 ? "" : "es");
done:
	free(pub_paths);
	free(ledgers);
	free(keys);
	return rc;
}

static int
main_verify(int argc, char **argv)
{
	char err[1024];
	const char *public = NULL, *auditor = NULL;
	struct verify_request rq;
	struct verify_result vr;
	struct keys_public signer;
	struct keys_secret *sec = NULL;
	enum verify_status st;
	int ch;

	/* A checkpoint is checked with the ledgers it was merged from: another set of options. */
	for (ch = 1; ch < argc; ch++)
		if (strcmp(argv[ch], "--checkpoint") == 0 ||
		    strncmp(argv[ch], "--checkpoint=", 13) == 0)
			return main_verify_checkpoint(argc, argv);
	memset(&rq, 0, sizeof(rq));
	rq.max_document = DEFAULT_MAX_DOCUMENT;
	while ((ch = cli_next(argc, argv, &verify_command)) != -1) {
		switch (ch) {
		case 'A':
			rq.audit = optarg;
			break;
		case 'P':
			public = optarg;
			break;
		case 'o':
			rq.output = optarg;
			break;
		case 'O':
			rq.original = optarg;
			break;
		case 'K':
			auditor = optarg;
			break;
		case 'p':
			rq.policy = optarg;
			break;
		case 'L':
			rq.ledger = optarg;
			break;
		case 'M':
			if (size_option("--max-document", optarg, &rq.max_document) != 0)
				return EXIT_ERROR;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			command_help(&verify_command);
			return EXIT_OK;
		default:
			usage_error("verify");
			return EXIT_ERROR;
		}
	}
	if (optind != argc || public == NULL || (rq.audit == NULL && rq.ledger == NULL) ||
	    (rq.audit != NULL && rq.output == NULL) ||
	    (rq.audit == NULL && (rq.output != NULL || rq.original != NULL || auditor != NULL)) ||
	    (auditor != NULL && rq.original == NULL)) {
		say("verify needs --public-key and either --audit with --output, or --ledger; "
		    "--auditor-secret-key needs --original");
		usage_error("verify");
		return EXIT_ERROR;
	}
	if (keys_read_public(public, KEYS_SIGN, &signer, err, sizeof(err)) != 0 ||
	    (auditor != NULL &&
	    (sec = keys_read_secret(auditor, KEYS_BOX, err, sizeof(err))) == NULL)) {
		say("%s", err);
		return EXIT_ERROR;
	}
	rq.signer = &signer;
	rq.auditor = sec;
	st = verify_run(&rq, &vr, err, sizeof(err));
	keys_secret_free(sec);
	if (st == VERIFY_ERROR) {
		say("%s", err);
		return EXIT_ERROR;
	}
	if (st != VERIFY_OK) {
		say("not verified: %s", err);
		return EXIT_FAIL;
	}
	if (vr.test_seed)
		say("warning: %s was written with TEARLINE_TEST_SEED: its commitments hide nothing",
		    rq.audit);
	if (quiet)
		return EXIT_OK;
	if (rq.audit != NULL)
		printf("%s: verified: run %s, %zu changes (%zu withheld), signed by key %s; the "
		    "output matches%s%s\n", rq.audit, vr.run, vr.changes, vr.withheld, vr.key_id,
		    vr.original ? "; the original gives the same release and changes" : "",
		    vr.commitments ? "; every commitment opens" : "");
	if (rq.ledger != NULL)
		printf("%s: verified: %zu run%s, signed by key %s%s\n", rq.ledger,
		    vr.ledger_entries, vr.ledger_entries == 1 ? "" : "s", vr.key_id,
		    vr.in_ledger ? "; the audit's run is in its place" : "");
	return EXIT_OK;
}

/*
 * tearline check: decides and lints each FILE against the target and writes one report.
 * Exit 0 when every file passes, 1 when one does not, 2 on error.
 */
/*
 * --color WHEN for a report going to fp: auto colours only on a terminal, and not with NO_COLOR
 * (non-empty) or TERM=dumb; always and never say so whatever these are.
 */
static bool
colour_wanted(const char *when, FILE *fp)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (strcmp(when, "auto") != 0)
		return strcmp(when, "always") == 0;
	return fp == stdout && isatty(STDOUT_FILENO) && (no == NULL || no[0] == '\0') &&
	    (term == NULL || strcmp(term, "dumb") != 0);
}

/*
 * Reads and checks files[0..n) into in, docs and results, and lists those checked in rd (in
 * order); returns how many. A file that cannot be read or checked is named on standard error and
 * left out (*unreadable counts it); the others are reported all the same, and the exit status is
 * 2, as grep's is. *all stays true while every file checked passes.
 */
static size_t
check_files(const struct policy *p, const struct marking *target, char *const *files, size_t n,
    size_t max_document, struct text_buffer *in, struct document *docs,
    struct check_result *results, struct report_doc *rd, bool strict, bool *all,
    size_t *unreadable)
{
	char err[1024];
	size_t i, m = 0;

	for (i = 0; i < n; i++) {
		const char *file = files[i];
		const char *name = strcmp(file, "-") == 0 ? "(standard input)" : file;

		if (text_read_file(file, max_document, &in[i], err, sizeof(err)) != 0 ||
		    document_parse(p, in[i].data, in[i].len, name, &docs[i], err, sizeof(err)) != 0 ||
		    check_document(p, &docs[i], target, NULL, &results[i], err,
		    sizeof(err)) != 0) {
			say("%s", err);
			check_result_free(&results[i]);
			document_free(&docs[i]);
			text_buffer_free(&in[i]);
			(*unreadable)++;
			continue;
		}
		rd[m].name = name;
		rd[m].doc = &docs[i];
		rd[m].res = &results[i];
		m++;
		*all = *all && check_passes(&results[i], strict);
	}
	return m;
}

/*
 * Writes the report of rd[0..n) to output (standard output with NULL): a file is written beside
 * its name and renamed into place only when complete. Returns 0, or -1 having said why.
 */
static int
write_report(const char *output, enum report_format format, const char *color,
    const struct report_doc *rd, size_t n, struct report_options *ro)
{
	struct text_out out;
	char err[1024];

	if (text_out_open(&out, output, err, sizeof(err)) != 0) {
		say("%s", err);
		return -1;
	}
	ro->colour = format == FORMAT_TEXT && colour_wanted(color, out.fp);
	if (report_write(out.fp, format, rd, n, ro, err, sizeof(err)) != 0) {
		say("%s", err);
		text_out_close(&out, false, err, sizeof(err));
		return -1;
	}
	if (text_out_close(&out, true, err, sizeof(err)) != 0) {
		say("%s", err);
		return -1;
	}
	return 0;
}

/*
 * Checks files[0..n) one at a time into a report (text, JSON or SARIF) written to output as they
 * are checked: one document is held at a time, read as redact reads it (in two passes through a
 * window where its records would pass their budget), and no finding once it is written. A file that
 * cannot be read or checked is named on standard error and left out (*unreadable counts it).
 * Returns how many were reported, or -1 having said why the report could not be written (none
 * is then left behind).
 */
static long
check_streamed(const struct policy *p, const struct marking *target, char *const *files,
    size_t n, size_t max_document, const char *output, enum report_format format,
    const char *color, struct report_options *ro, bool *all, size_t *unreadable)
{
	struct report_stream *rs = NULL;
	struct text_out out;
	char err[1024];
	size_t i;
	long m = 0;

	if (text_out_open(&out, output, err, sizeof(err)) != 0) {
		say("%s", err);
		return -1;
	}
	ro->colour = format == FORMAT_TEXT && colour_wanted(color, out.fp);
	if ((rs = report_begin(out.fp, format, ro, err, sizeof(err))) == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		const char *name = strcmp(files[i], "-") == 0 ? "(standard input)" : files[i];
		struct text_buffer in = { 0 };
		struct document d;
		struct check_result r;
		int bad;

		memset(&d, 0, sizeof(d));
		memset(&r, 0, sizeof(r));
		/* Read as redact reads it: in two passes where its records would pass the budget. */
		if (text_read_file(files[i], max_document, &in, err, sizeof(err)) != 0 ||
		    document_read(p, NULL, in.data, in.len, name, pipeline_record_budget(in.len),
		    sizeof(struct doc_portion) + sizeof(uint32_t), &d, err, sizeof(err)) != 0)
			bad = 1;
		else if (report_doc_begin(rs, name, err, sizeof(err)) != 0)
			bad = -1;
		else if (check_stream_read(p, NULL, &d, name, target, report_sink(rs), &r, err,
		    sizeof(err)) != 0)
			bad = 1;
		else
			bad = report_doc_end(rs, &r, err, sizeof(err)) != 0 ? -1 : 0;
		if (bad == 0) {
			m++;
			*all = *all && check_passes(&r, ro->strict);
		}
		check_result_free(&r);
		document_free(&d);
		text_buffer_free(&in);
		if (bad < 0)
			goto fail;
		if (bad > 0) {
			say("%s", err);
			(*unreadable)++;
		}
	}
	if (m > 0 && report_end(rs, err, sizeof(err)) != 0)
		goto fail;
	report_stream_free(rs);
	if (text_out_close(&out, m > 0, err, sizeof(err)) != 0 && m > 0) {
		say("%s", err);
		return -1;
	}
	return m;
fail:
	say("%s", err);
	report_stream_free(rs);
	text_out_close(&out, false, err, sizeof(err));
	return -1;
}

static int
main_check(int argc, char **argv)
{
	static char *const stdin_only[] = { "-" };
	const char *release = NULL, *policy = NULL, *output = NULL, *color = "auto";
	enum report_format format = FORMAT_TEXT;
	enum redact_mode mode = MODE_MASK;
	char *const *files;
	struct report_options ro;
	size_t max_document = DEFAULT_MAX_DOCUMENT, n, i;
	struct text_buffer *in = NULL;
	struct document *docs = NULL;
	struct check_result *results = NULL;
	struct report_doc *rd = NULL;
	struct policy *p = NULL;
	struct marking target;
	size_t m = 0, unreadable = 0;
	bool strict = false, notes = false, all = true;
	int ch, rc = EXIT_ERROR;

	while ((ch = cli_next(argc, argv, &check_command)) != -1) {
		switch (ch) {
		case 'm':
			if (redact_mode_parse(optarg, &mode) != 0) {
				say("--mode: \"%s\" is not mask, strip or blackout", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'c':
			color = optarg != NULL ? optarg : "always";
			if (strcmp(color, "auto") != 0 && strcmp(color, "always") != 0 &&
			    strcmp(color, "never") != 0) {
				say("--color: \"%s\" is not auto, always or never", color);
				return EXIT_ERROR;
			}
			break;
		case 'r':
			release = optarg;
			break;
		case 'p':
			policy = optarg;
			break;
		case 'f':
			if (report_format_parse(optarg, &format) != 0) {
				say("--format: \"%s\" is not text, json, sarif or html", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 's':
			strict = true;
			break;
		case 'n':
			notes = true;
			break;
		case 'M':
			if (size_option("--max-document", optarg, &max_document) != 0)
				return EXIT_ERROR;
			break;
		case 'h':
			command_help(&check_command);
			return EXIT_OK;
		default:
			usage_error("check");
			return EXIT_ERROR;
		}
	}
	if (release == NULL) {
		say("check needs --release TARGET");
		usage_error("check");
		return EXIT_ERROR;
	}
	/* With no FILE, standard input is checked, as grep reads it. */
	n = optind == argc ? 1 : (size_t)(argc - optind);
	files = optind == argc ? stdin_only : argv + optind;
	if ((p = open_policy(policy, release, &target)) == NULL)
		return EXIT_ERROR;
	memset(&ro, 0, sizeof(ro));
	ro.policy = p;
	ro.target = release;
	ro.version = TEARLINE_VERSION;
	ro.release = &target;
	ro.mode = mode;
	ro.strict = strict;
	ro.notes = notes;
	/* The review page shows the documents themselves: it holds them all until it is written. */
	if (format != FORMAT_HTML) {
		long k = check_streamed(p, &target, files, n, max_document, output, format, color,
		    &ro, &all, &unreadable);

		if (k >= 0)
			rc = unreadable > 0 ? EXIT_ERROR : all ? EXIT_OK : EXIT_FAIL;
		goto done;
	}
	if ((in = calloc(n, sizeof(*in))) == NULL || (docs = calloc(n, sizeof(*docs))) == NULL ||
	    (results = calloc(n, sizeof(*results))) == NULL ||
	    (rd = calloc(n, sizeof(*rd))) == NULL) {
		say("out of memory");
		goto done;
	}
	m = check_files(p, &target, files, n, max_document, in, docs, results, rd, strict, &all,
	    &unreadable);
	if (m == 0)
		goto done;
	if (write_report(output, format, color, rd, m, &ro) != 0)
		goto done;
	rc = unreadable > 0 ? EXIT_ERROR : all ? EXIT_OK : EXIT_FAIL;
done:
	for (i = 0; results != NULL && i < n; i++)
		check_result_free(&results[i]);
	for (i = 0; docs != NULL && i < n; i++)
		document_free(&docs[i]);
	for (i = 0; in != NULL && i < n; i++)
		text_buffer_free(&in[i]);
	free(in);
	free(docs);
	free(results);
	free(rd);
	policy_free(p);
	return rc;
}

/* Splits a line of standard input at tabs, in place, into at most max fields. */
static size_t
split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *at = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		fields[n++] = at;
		if ((at = strchr(at, '\t')) == NULL)
			break;
		*at++ = '\0';
	}
	return n;
}

/*
 * tearline policy decide [-p POLICY] [-r TARGET] [MARK...]: what the policy decides for each
 * mark at the target, one line each (policy_decide). With no MARK, reads marks from standard
 * input, one per line; with no -r, lines of TARGET<tab>MARK.
 * tearline policy rollup [-p POLICY] [MARK...]: the banner of a release that keeps portions of
 * these marks; with none, one set per line of standard input, tab-separated.
 */
static int
policy_query(int argc, char **argv)
{
	const char *policy = "us-cable", *target = NULL;
	bool rollup = strcmp(argv[0], "rollup") == 0;
	char err[1024], out[1024], *line = NULL, *fields[64];
	size_t cap = 0, n;
	struct policy *p;
	int c, rc = EXIT_OK;

	optind = 1;
	while ((c = cli_next(argc, argv, &policy_command)) != -1) {
		switch (c) {
		case 'p':
			policy = optarg;
			break;
		case 'r':
			if (rollup)
				goto usage;
			target = optarg;
			break;
		case 'h':
			command_help(&policy_command);
			return EXIT_OK;
		default:
		usage:
			say("usage: tearline policy %s", rollup ? "rollup [-p POLICY] [MARK...]" :
			    "decide [-p POLICY] [-r TARGET] [MARK...]");
			return EXIT_ERROR;
		}
	}
	if ((p = policy_open(policy, err, sizeof(err))) == NULL) {
		say("%s", err);
		return EXIT_ERROR;
	}
	if (optind < argc) {
		if (rollup) {
			policy_rollup(p, argv + optind, (size_t)(argc - optind), out, sizeof(out));
			printf("%s\n", out);
		} else if (target == NULL) {
			say("policy decide: a MARK needs a target (-r TARGET)");
			rc = EXIT_ERROR;
		} else {
			for (c = optind; c < argc; c++) {
				policy_decide(p, target, argv[c], out, sizeof(out));
				printf("%s\n", out);
			}
		}
	} else {
		while (getline(&line, &cap, stdin) > 0) {
			n = split_tabs(line, fields, rollup ? 64 : 2);
			if (rollup) {
				policy_rollup(p, fields, n, out, sizeof(out));
			} else if (target != NULL) {
				line[strcspn(line, "\r\n")] = '\0';
				policy_decide(p, target, line, out, sizeof(out));
			} else if (n == 2) {
				policy_decide(p, fields[0], fields[1], out, sizeof(out));
			} else {
				snprintf(out, sizeof(out), "refused\ttarget\tno tab between target "
				    "and mark");
			}
			printf("%s\n", out);
		}
		free(line);
	}
	policy_free(p);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say("policy %s: cannot write the answers", argv[0]);
		rc = EXIT_ERROR;
	}
	return rc;
}

/*
 * tearline policy show [NAME|FILE]: prints a policy's source (the built-in one by default).
 * tearline policy test [-v] [NAME|FILE...]: runs each policy's own examples.
 */
static int
main_policy(int argc, char **argv)
{
	char err[1024];
	int i, first = 2, failed = 0, verbose = 0;

	if (argc >= 2 && strcmp(argv[1], "show") == 0) {
		struct text_buffer buf;
		char path[4096];

		if (argc == 2 || strcmp(argv[2], "us-cable") == 0) {
			fwrite(policy_builtin_text, 1, policy_builtin_len, stdout);
			return EXIT_OK;
		}
		if (policy_path(argv[2], path, sizeof(path), err, sizeof(err)) != 0 ||
		    text_read_file(path, 1 << 20, &buf, err, sizeof(err)) != 0) {
			say("%s", err);
			return EXIT_ERROR;
		}
		fwrite(buf.data, 1, buf.len, stdout);
		text_buffer_free(&buf);
		return EXIT_OK;
	}
	if (argc >= 2 && strcmp(argv[1], "test") == 0) {
		if (argc >= 3 && (strcmp(argv[2], "-v") == 0 || strcmp(argv[2], "--verbose") == 0)) {
			verbose = 1;
			first = 3;
		}
		for (i = first; i < argc || (i == first && argc == first); i++) {
			const char *name = i < argc ? argv[i] : "us-cable";
			struct policy *p = policy_open(name, err, sizeof(err));
			size_t total;
			int f;

			if (p == NULL) {
				say("%s", err);
				return EXIT_ERROR;
			}
			f = policy_test_run(p, name, stdout, verbose, &total, err, sizeof(err));
			policy_free(p);
			if (f < 0) {
				say("%s: %s", name, err);
				return EXIT_ERROR;
			}
			if (total == 0) {
				say("%s: the policy carries no examples (a tests: list)", name);
				failed++;
				continue;
			}
			printf("%s: %zu examples, %d failed\n", name, total, f);
			failed += f;
			if (i >= argc)
				break;
		}
		return failed == 0 ? EXIT_OK : EXIT_FAIL;
	}
	if (argc >= 2 && (strcmp(argv[1], "decide") == 0 || strcmp(argv[1], "rollup") == 0))
		return policy_query(argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
		command_help(&policy_command);
		return EXIT_OK;
	}
	say("policy: unknown subcommand (try: tearline policy show, test, decide or rollup)");
	usage_error("policy");
	return EXIT_ERROR;
}

/*
 * SIGINT, SIGTERM or SIGHUP outside a batch: the outputs not yet finished are removed, then the
 * signal takes its default course (the exit status says which it was). In the sandbox, where
 * raise is refused, the exit status is the shell's 128 + the signal's number.
 */
static void
on_stop_signal(int sig)
{
	text_out_remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

/*
 * Standard input, output and error, each open: one the caller closed ("2>&-", ">&-") is
 * /dev/null, so that no file tearline opens (a release, an audit, a ledger) takes its number and
 * with it messages or a release meant for the stream. Standard output is opened for reading
 * only: a release or report written to it fails as a write error (exit 2), never delivered
 * nowhere with exit 0. Returns 0, or -1 where one cannot be opened.
 */
static int
open_standard_streams(void)
{
	int fd, nfd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest number free is fd's: those below it are open. */
		if ((nfd = open("/dev/null", fd == 2 ? O_WRONLY : O_RDONLY)) == -1)
			return -1;
		if (nfd != fd) {
			close(nfd);
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	static const int stop_signals[3] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	int rc, k;

	if (open_standard_streams() != 0)
		return EXIT_ERROR;
	/*
	 * A closed pipe is a write error like any other: reported, the temporary files removed,
	 * exit 2. Killed by SIGPIPE halfway through a release, tearline would leave them behind.
	 */
	signal(SIGPIPE, SIG_IGN);
#ifdef __GLIBC__
	/*
	 * Large blocks (a document, its records) always their own mappings, so that growing one
	 * moves no bytes and a freed one goes back at once: glibc would otherwise raise the
	 * threshold after the first is freed, and a doubling array holds old and new at once.
	 */
	mallopt(M_MMAP_THRESHOLD, 256 << 10);
#endif
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sigfillset(&sa.sa_mask);
	for (k = 0; k < 3; k++) {
		struct sigaction old;

		/* A signal the shell ignores (nohup, a background job) stays ignored. */
		if (sigaction(stop_signals[k], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(stop_signals[k], &sa, NULL);
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "%s: libsodium failed to initialise\n", progname);
		return EXIT_ERROR;
	}
	if (argc >= 2 && strcmp(argv[1], "redact") == 0)
		rc = main_redact(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "policy") == 0)
		rc = main_policy(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "keygen") == 0)
		rc = main_keygen(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "verify") == 0)
		rc = main_verify(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "check") == 0)
		rc = main_check(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "ledger") == 0)
		rc = main_ledger(argc - 1, argv + 1);
	else
		rc = main_redact(argc, argv);
	/* A failed write to standard output is an error, even when it shows only at close. */
	if (!stdout_closed && fclose(stdout) != 0 && rc == EXIT_OK) {
		fprintf(stderr, "%s: (standard output): write error: %s\n", progname,
		    strerror(errno));
		rc = EXIT_ERROR;
	}
	return rc;
}
