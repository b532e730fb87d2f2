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
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "audit.h"
#include "check.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
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

static void
usage(FILE *fp)
{
	fprintf(fp,
	    "usage: tearline [redact] --release TARGET [--policy NAME|FILE] [--mode MODE]\n"
	    "                [-o FILE] [--max-document SIZE] [-q] [--audit FILE --secret-key FILE\n"
	    "                [--auditor-key FILE] [--ledger FILE]] [FILE|-]\n"
	    "       tearline keygen [--auditor] --secret-key FILE --public-key FILE\n"
	    "       tearline verify --audit FILE --public-key FILE --output FILE [--original FILE]\n"
	    "                [--auditor-secret-key FILE] [--policy NAME|FILE] [--ledger FILE] [-q]\n"
	    "       tearline verify --ledger FILE --public-key FILE [-q]\n"
	    "       tearline check --release TARGET [--policy NAME|FILE] [--format FORMAT]\n"
	    "                [--strict] [--notes] [-o FILE] FILE...\n"
	    "       tearline policy show [NAME|FILE]\n"
	    "       tearline policy test [-v] [NAME|FILE...]\n"
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
	    "      --audit FILE        write a signed audit of the run to FILE, a new file\n"
	    "      --secret-key FILE   the Ed25519 key that signs the audit (tearline keygen)\n"
	    "      --auditor-key FILE  seal the run secret to this auditor key (keygen --auditor)\n"
	    "      --ledger FILE       enter the run's signed head in the office ledger FILE\n"
	    "  -h, --help              this help\n"
	    "  -V, --version           the version\n\n"
	    "Exit status: 0 released, 2 error (nothing is written on error); verify: 0 verified,\n"
	    "1 not verified, 2 error. See tearline(1).\n");
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
	const char *audit;		/* the audit file, or NULL for none */
	const char *secret_key;		/* signs the audit */
	const char *auditor_key;	/* or NULL */
	const char *ledger;		/* or NULL */
	bool no_sandbox;
};

/* The audit side of a redact run: keys and ledger are opened before anything is decided. */
struct run_audit {
	struct keys_secret *signer;
	struct keys_public auditor;
	bool has_auditor;
	struct audit_ledger ledger;	/* fd -1 when there is none */
	struct audit_log log;
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
	audit_log_free(&ac->log);
	run_audit_init(ac);
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
	if ((ac->signer = keys_read_secret(a->secret_key, KEYS_SIGN, err, sizeof(err))) == NULL ||
	    (a->auditor_key != NULL &&
	    keys_read_public(a->auditor_key, KEYS_BOX, &ac->auditor, err, sizeof(err)) != 0) ||
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

/* Builds the audit of a redaction into ac->log. Returns 0, or -1 having said why. */
static int
run_audit_build(const struct redact_args *a, const struct policy *p, const struct document *d,
    const struct redact_result *res, const struct text_buffer *in, struct run_audit *ac)
{
	char err[1024];
	struct audit_params ap;
	struct audit_record *changes = NULL;
	size_t nchanges = 0;
	const char *seed = getenv("TEARLINE_TEST_SEED");
	int rc = -1;

	memset(&ap, 0, sizeof(ap));
	ap.tool = "tearline " TEARLINE_VERSION;
	ap.policy_name = p->name;
	ap.policy_digest = p->digest;
	ap.target = a->release;
	ap.mode = a->mode;
	ap.signer = ac->signer;
	ap.auditor = ac->has_auditor ? &ac->auditor : NULL;
	ap.ledger_prev = ac->ledger.fd >= 0 ? ac->ledger.head : NULL;
	if (run_audit_time(&ap.time) != 0) {
		say("SOURCE_DATE_EPOCH: \"%s\" is not a time in seconds since 1970",
		    getenv("SOURCE_DATE_EPOCH"));
		return -1;
	}
	if (seed != NULL && seed[0] != '\0') {
		/* Never silent: a run secret from a known seed hides nothing. */
		say("warning: TEARLINE_TEST_SEED is set: the run secret comes from it and hides "
		    "nothing (for tests only)");
		ap.test_seed = seed;
	}
	if (audit_changes(p, d, res, &changes, &nchanges, err, sizeof(err)) != 0 ||
	    audit_build(&ap, changes, nchanges, res->released, res->withheld, in->data, in->len,
	    res->out, res->out_len, &ac->log, err, sizeof(err)) != 0) {
		say("%s: %s", a->audit, err);
		goto done;
	}
	rc = 0;
done:
	free(changes);
	return rc;
}

/* Where a redact run writes: the release and, with an audit, the audit. */
struct outputs {
	struct text_out out;
	struct text_out aud;
	bool audit;
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
	return 0;
}

/* Removes the temporary files: a failed run leaves nothing behind. */
static void
outputs_abort(struct outputs *o)
{
	char scratch[1024];

	if (o->audit)
		text_out_close(&o->aud, false, scratch, sizeof(scratch));
	text_out_close(&o->out, false, scratch, sizeof(scratch));
}

/*
 * Writes the release and, with an audit, the audit: both flushed and synced, the run entered in
 * the ledger, and only then both renamed into place. Returns 0, or -1 having said why; every
 * failure before the renames leaves nothing behind.
 */
static int
outputs_commit(const struct redact_args *a, struct outputs *o, const struct redact_result *res,
    struct run_audit *ac)
{
	char err[1024];

	text_out_write(&o->out, res->out, res->out_len);
	if (o->audit) {
		text_out_write(&o->aud, ac->log.text, ac->log.len);
		if (text_out_flush(&o->out, err, sizeof(err)) != 0 ||
		    text_out_flush(&o->aud, err, sizeof(err)) != 0 ||
		    (ac->ledger.fd >= 0 &&
		    audit_ledger_append(&ac->ledger, ac->signer, &ac->log, err, sizeof(err)) != 0) ||
		    text_out_close(&o->aud, true, err, sizeof(err)) != 0) {
			say("%s", err);
			outputs_abort(o);
			return -1;
		}
	}
	if (text_out_close(&o->out, true, err, sizeof(err)) != 0) {
		say("%s", err);
		/* No release, so no audit of one. */
		if (o->audit)
			unlink(a->audit);
		return -1;
	}
	return 0;
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
	if (a->audit != NULL && run_audit_open(a, &ac) != 0)
		goto done;
	if (text_read_file(a->input, a->max_document, &in, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if (outputs_open(a, &o) != 0)
		goto done;
	opened = true;
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
	if (document_parse(p, in.data, in.len, name, &d, err, sizeof(err)) != 0 ||
	    redact_run(p, &d, &target, a->mode, &res, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	warn_unproven(name, &d, &res);
	if (a->audit != NULL && run_audit_build(a, p, &d, &res, &in, &ac) != 0)
		goto done;
	/* Everything is decided before the first byte is written: an error leaves no output. */
	opened = false;
	if (outputs_commit(a, &o, &res, &ac) != 0)
		goto done;
	rc = EXIT_OK;
done:
	if (opened)
		outputs_abort(&o);
	run_audit_free(&ac);
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
		{ "audit", required_argument, NULL, 'A' },
		{ "secret-key", required_argument, NULL, 'S' },
		{ "auditor-key", required_argument, NULL, 'K' },
		{ "ledger", required_argument, NULL, 'L' },
		{ "no-sandbox", no_argument, NULL, 'N' },
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
	if (a.audit == NULL && (a.secret_key != NULL || a.auditor_key != NULL ||
	    a.ledger != NULL)) {
		say("--secret-key, --auditor-key and --ledger go with --audit FILE");
		return EXIT_ERROR;
	}
	if (a.audit != NULL && a.secret_key == NULL) {
		say("--audit needs --secret-key FILE (make a key pair with tearline keygen)");
		usage(stderr);
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
main_keygen(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "auditor", no_argument, NULL, 'a' },
		{ "secret-key", required_argument, NULL, 'S' },
		{ "public-key", required_argument, NULL, 'P' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char err[1024], id[KEYS_ID_HEX];
	const char *secret = NULL, *public = NULL;
	enum keys_kind kind = KEYS_SIGN;
	struct keys_public pub;
	int ch;

	while ((ch = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
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
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_ERROR;
		}
	}
	if (secret == NULL || public == NULL || optind != argc) {
		say("keygen needs --secret-key FILE and --public-key FILE, and nothing else");
		usage(stderr);
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

static int
main_verify(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "audit", required_argument, NULL, 'A' },
		{ "public-key", required_argument, NULL, 'P' },
		{ "output", required_argument, NULL, 'o' },
		{ "original", required_argument, NULL, 'O' },
		{ "auditor-secret-key", required_argument, NULL, 'K' },
		{ "policy", required_argument, NULL, 'p' },
		{ "ledger", required_argument, NULL, 'L' },
		{ "max-document", required_argument, NULL, 'M' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char err[1024];
	const char *public = NULL, *auditor = NULL;
	struct verify_request rq;
	struct verify_result vr;
	struct keys_public signer;
	struct keys_secret *sec = NULL;
	enum verify_status st;
	int ch;

	memset(&rq, 0, sizeof(rq));
	rq.max_document = DEFAULT_MAX_DOCUMENT;
	while ((ch = getopt_long(argc, argv, "o:p:qh", opts, NULL)) != -1) {
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
			if (parse_size(optarg, &rq.max_document) != 0) {
				say("--max-document: \"%s\" is not a size (such as 64M)", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_ERROR;
		}
	}
	if (optind != argc || public == NULL || (rq.audit == NULL && rq.ledger == NULL) ||
	    (rq.audit != NULL && rq.output == NULL) ||
	    (rq.audit == NULL && (rq.output != NULL || rq.original != NULL || auditor != NULL)) ||
	    (auditor != NULL && rq.original == NULL)) {
		say("verify needs --public-key and either --audit with --output, or --ledger; "
		    "--auditor-secret-key needs --original");
		usage(stderr);
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
static int
main_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "release", required_argument, NULL, 'r' },
		{ "policy", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "strict", no_argument, NULL, 's' },
		{ "notes", no_argument, NULL, 'n' },
		{ "max-document", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *release = NULL, *policy = NULL, *output = NULL;
	enum report_format format = FORMAT_TEXT;
	struct report_options ro;
	size_t max_document = DEFAULT_MAX_DOCUMENT, n, i;
	struct text_buffer *in = NULL;
	struct document *docs = NULL;
	struct check_result *results = NULL;
	struct report_doc *rd = NULL;
	struct policy *p = NULL;
	struct marking target;
	FILE *fp = stdout;
	char err[1024];
	bool strict = false, notes = false, all = true;
	int ch, rc = EXIT_ERROR;

	while ((ch = getopt_long(argc, argv, "r:p:f:o:h", opts, NULL)) != -1) {
		switch (ch) {
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
			if (parse_size(optarg, &max_document) != 0) {
				say("--max-document: \"%s\" is not a size (such as 64M)", optarg);
				return EXIT_ERROR;
			}
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_ERROR;
		}
	}
	if (release == NULL || optind == argc) {
		say("check needs --release TARGET and at least one FILE");
		usage(stderr);
		return EXIT_ERROR;
	}
	n = (size_t)(argc - optind);
	p = policy != NULL ? policy_open(policy, err, sizeof(err)) :
	    policy_load_default(err, sizeof(err));
	if (p == NULL) {
		say("%s", err);
		return EXIT_ERROR;
	}
	if (marking_parse_target(p, release, &target, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if ((in = calloc(n, sizeof(*in))) == NULL || (docs = calloc(n, sizeof(*docs))) == NULL ||
	    (results = calloc(n, sizeof(*results))) == NULL ||
	    (rd = calloc(n, sizeof(*rd))) == NULL) {
		say("out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		const char *file = argv[optind + (int)i];
		const char *name = strcmp(file, "-") == 0 ? "(standard input)" : file;

		if (text_read_file(file, max_document, &in[i], err, sizeof(err)) != 0 ||
		    document_parse(p, in[i].data, in[i].len, name, &docs[i], err, sizeof(err)) != 0 ||
		    check_document(p, &docs[i], &target, &results[i], err, sizeof(err)) != 0) {
			say("%s", err);
			goto done;
		}
		rd[i].name = name;
		rd[i].doc = &docs[i];
		rd[i].res = &results[i];
		all = all && check_passes(&results[i], strict);
	}
	if (output != NULL && strcmp(output, "-") != 0 && (fp = fopen(output, "w")) == NULL) {
		fp = stdout;
		say("%s: %s", output, strerror(errno));
		goto done;
	}
	memset(&ro, 0, sizeof(ro));
	ro.policy = p;
	ro.target = release;
	ro.version = TEARLINE_VERSION;
	/* Colour only on a terminal, and not with NO_COLOR (non-empty) or TERM=dumb. */
	ro.colour = format == FORMAT_TEXT && fp == stdout && isatty(STDOUT_FILENO) &&
	    (getenv("NO_COLOR") == NULL || getenv("NO_COLOR")[0] == '\0') &&
	    (getenv("TERM") == NULL || strcmp(getenv("TERM"), "dumb") != 0);
	ro.strict = strict;
	ro.notes = notes;
	if (report_write(fp, format, rd, n, &ro, err, sizeof(err)) != 0) {
		say("%s", err);
		goto done;
	}
	if (fp != stdout && fclose(fp) != 0) {
		fp = stdout;
		say("%s: write error: %s", output, strerror(errno));
		goto done;
	}
	fp = stdout;
	rc = all ? EXIT_OK : EXIT_FAIL;
done:
	if (fp != stdout)
		fclose(fp);
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
		if (argc >= 3 && strcmp(argv[2], "-v") == 0) {
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
	say("policy: unknown subcommand (try: tearline policy show, tearline policy test)");
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
	else if (argc >= 2 && strcmp(argv[1], "keygen") == 0)
		rc = main_keygen(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "verify") == 0)
		rc = main_verify(argc - 1, argv + 1);
	else if (argc >= 2 && strcmp(argv[1], "check") == 0)
		rc = main_check(argc - 1, argv + 1);
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
