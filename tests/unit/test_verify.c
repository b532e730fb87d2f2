/* SPDX-License-Identifier: ISC */
/*
 * test_verify: what `tearline verify` catches. Every single-bit flip of a small audit and of its
 * output (exhaustively); a record deleted, duplicated or swapped; the tail cut or garbage appended;
 * a record spliced from another run; a wrong key and a key with the same id but another key; a
 * record edited and the whole chain hashed again by someone without the secret key, which only the
 * signature catches; another original, another policy; and the ledger: entries removed or
 * reordered, a run missing from it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "audit.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "verify.h"

#include "fixtures.h"

static const char doc_text[] = FIXTURE_CABLE;

struct fixture {
	struct policy *p;
	struct keys_secret *signer, *auditor;
	struct keys_public signer_pub, auditor_pub;
	struct redact_result res;
	struct document d;
	struct audit_record *changes;
	size_t nchanges;
	struct audit_log log;		/* the audit of doc_text, sealed to the auditor */
	char dir[64];
	char orig[128], out[128], audit[128], ledger[128], policy[128];
};

static void
spit(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Builds an audit of the fixture's redaction. */
static void
build(struct fixture *f, const char *seed, const unsigned char *ledger_prev,
    struct audit_log *log)
{
	struct audit_params ap;
	char err[512];

	fixture_params(&ap, f->p, f->signer, &f->auditor_pub);
	ap.ledger_prev = ledger_prev;
	ap.test_seed = seed;
	if (audit_build(&ap, f->changes, f->nchanges, f->res.released, f->res.withheld, doc_text,
	    strlen(doc_text), f->res.out, f->res.out_len, log, err, sizeof(err)) != 0)
		fail_msg("audit_build: %s", err);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || sodium_init() < 0)
		return -1;
	if (fixture_redact(doc_text, &f->p, &f->d, &f->res, &f->changes, &f->nchanges) != 0)
		return -1;
	if ((f->signer = fixture_key(KEYS_SIGN, 1)) == NULL ||
	    (f->auditor = fixture_key(KEYS_BOX, 2)) == NULL)
		return -1;
	keys_public_of(f->signer, &f->signer_pub);
	keys_public_of(f->auditor, &f->auditor_pub);
	build(f, NULL, NULL, &f->log);
	snprintf(f->dir, sizeof(f->dir), "/tmp/tearline-verify-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->orig, sizeof(f->orig), "%s/original.txt", f->dir);
	snprintf(f->out, sizeof(f->out), "%s/release.txt", f->dir);
	snprintf(f->audit, sizeof(f->audit), "%s/audit.jsonl", f->dir);
	snprintf(f->ledger, sizeof(f->ledger), "%s/ledger.jsonl", f->dir);
	snprintf(f->policy, sizeof(f->policy), "%s/policy.yaml", f->dir);
	spit(f->orig, doc_text, strlen(doc_text));
	spit(f->out, f->res.out, f->res.out_len);
	spit(f->audit, f->log.text, f->log.len);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->orig);
	unlink(f->out);
	unlink(f->audit);
	unlink(f->ledger);
	unlink(f->policy);
	rmdir(f->dir);
	audit_log_free(&f->log);
	fixture_redact_free(f->p, &f->d, &f->res, f->changes);
	keys_secret_free(f->signer);
	keys_secret_free(f->auditor);
	free(f);
	return 0;
}

/* A request for the fixture's files. */
static void
request(struct fixture *f, struct verify_request *rq, bool original, bool auditor)
{
	memset(rq, 0, sizeof(*rq));
	rq->audit = f->audit;
	rq->output = f->out;
	rq->original = original ? f->orig : NULL;
	rq->signer = &f->signer_pub;
	rq->auditor = auditor ? f->auditor : NULL;
	rq->max_document = 1 << 20;
}

/* Checks text as an audit; returns the status and leaves the message in err. */
static enum verify_status
check_text(struct fixture *f, const char *text, size_t len, char *err, size_t errlen)
{
	struct audit_log log;
	enum verify_status st;

	err[0] = '\0';
	st = verify_audit_data("audit.jsonl", text, len, &f->signer_pub, &log, err, errlen);
	audit_log_free(&log);
	return st;
}

/* The offset and length of line k (0-based) of the fixture's audit, with its "\n". */
static void
line_at(const struct audit_log *log, size_t k, size_t *off, size_t *len)
{
	const struct audit_record *r = &log->recs[k];

	*off = r->line_off;
	*len = r->line_len + 1;
}

static void
test_verifies(void **state)
{
	struct fixture *f = *state;
	struct verify_request rq;
	struct verify_result vr;
	char err[1024];

	request(f, &rq, true, true);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_OK);
	assert_true(vr.original);
	assert_true(vr.commitments);
	assert_false(vr.test_seed);
	assert_int_equal(vr.changes, f->nchanges);
	request(f, &rq, false, false);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_OK);
	assert_false(vr.original);
}

/* Every single-bit flip anywhere in the audit is caught by the audit checks alone. */
static void
test_every_bit_of_the_audit(void **state)
{
	struct fixture *f = *state;
	char *text = malloc(f->log.len), err[1024];
	size_t i, flips = 0;
	int b;

	assert_non_null(text);
	assert_int_equal(check_text(f, f->log.text, f->log.len, err, sizeof(err)), VERIFY_OK);
	for (i = 0; i < f->log.len; i++) {
		for (b = 0; b < 8; b++) {
			memcpy(text, f->log.text, f->log.len);
			text[i] = (char)(text[i] ^ (1 << b));
			if (check_text(f, text, f->log.len, err, sizeof(err)) == VERIFY_OK)
				fail_msg("a flip of bit %d of byte %zu was not detected", b, i);
			flips++;
		}
	}
	assert_int_equal(flips, 8 * f->log.len);
	free(text);
}

/* Every single-bit flip of the release is caught. */
static void
test_every_bit_of_the_output(void **state)
{
	struct fixture *f = *state;
	struct verify_request rq;
	struct verify_result vr;
	char *out = malloc(f->res.out_len), err[1024];
	size_t i;
	int b;

	assert_non_null(out);
	request(f, &rq, false, false);
	for (i = 0; i < f->res.out_len; i++) {
		for (b = 0; b < 8; b++) {
			memcpy(out, f->res.out, f->res.out_len);
			out[i] = (char)(out[i] ^ (1 << b));
			spit(f->out, out, f->res.out_len);
			if (verify_run(&rq, &vr, err, sizeof(err)) != VERIFY_FAIL)
				fail_msg("a flip of bit %d of output byte %zu was not detected", b, i);
			assert_non_null(strstr(err, "field \"output_digest\""));
		}
	}
	/* One byte more or less is caught by the length. */
	spit(f->out, f->res.out, f->res.out_len - 1);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"output_length\""));
	spit(f->out, f->res.out, f->res.out_len);
	free(out);
}

/* Builds text from the fixture's lines in the given order (indices; SIZE_MAX ends). */
static size_t
assemble(const struct audit_log *log, const size_t *order, size_t n, char *buf)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		size_t off, l;

		line_at(log, order[i], &off, &l);
		memcpy(buf + len, log->text + off, l);
		len += l;
	}
	return len;
}

static void
test_records_moved(void **state)
{
	struct fixture *f = *state;
	size_t n = f->log.nrecs, order[64], i, k, len;
	char *buf = malloc(2 * f->log.len + 4096), err[1024];

	assert_non_null(buf);
	assert_true(n < 32);
	/* Each record deleted. */
	for (k = 0; k < n; k++) {
		size_t m = 0;

		for (i = 0; i < n; i++)
			if (i != k)
				order[m++] = i;
		len = assemble(&f->log, order, m, buf);
		assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
	}
	/* Each record duplicated. */
	for (k = 0; k < n; k++) {
		size_t m = 0;

		for (i = 0; i < n; i++) {
			order[m++] = i;
			if (i == k)
				order[m++] = i;
		}
		len = assemble(&f->log, order, m, buf);
		assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
		assert_non_null(strstr(err, "field \"seq\""));
	}
	/* Each pair of neighbours swapped. */
	for (k = 0; k + 1 < n; k++) {
		for (i = 0; i < n; i++)
			order[i] = i;
		order[k] = k + 1;
		order[k + 1] = k;
		len = assemble(&f->log, order, n, buf);
		assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
	}
	/* The tail cut at every byte. */
	for (len = 0; len < f->log.len; len++)
		assert_int_equal(check_text(f, f->log.text, len, err, sizeof(err)), VERIFY_FAIL);
	/* At a line boundary the message says the end record is missing. */
	for (i = 0; i < n; i++)
		order[i] = i;
	len = assemble(&f->log, order, n - 1, buf);
	assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "without an end record"));
	/* Garbage appended: a line, a partial line, a copy of the end record, an empty line. */
	{
		static const char *const tails[] = { "{}\n", "x", "\n", " \n", "\0" };

		for (k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
			memcpy(buf, f->log.text, f->log.len);
			memcpy(buf + f->log.len, tails[k], strlen(tails[k]) + (k == 4));
			assert_int_equal(check_text(f, buf, f->log.len + strlen(tails[k]) + (k == 4),
			    err, sizeof(err)), VERIFY_FAIL);
		}
		len = assemble(&f->log, order, n, buf);
		len += assemble(&f->log, order + n - 1, 1, buf + len);
		assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
	}
	free(buf);
}

/* A record taken from another run of the same document. */
static void
test_splice(void **state)
{
	struct fixture *f = *state;
	struct audit_log other;
	char *buf = malloc(2 * f->log.len + 4096), err[1024];
	size_t k, len;

	assert_non_null(buf);
	build(f, NULL, NULL, &other);
	assert_int_equal(other.nrecs, f->log.nrecs);
	for (k = 0; k < f->log.nrecs; k++) {
		size_t i;

		len = 0;
		for (i = 0; i < f->log.nrecs; i++) {
			const struct audit_log *from = i == k ? &other : &f->log;
			size_t off, l;

			line_at(from, i, &off, &l);
			memcpy(buf + len, from->text + off, l);
			len += l;
		}
		assert_int_equal(check_text(f, buf, len, err, sizeof(err)), VERIFY_FAIL);
		assert_non_null(strstr(err, "field \"head\""));
	}
	/* The other run's whole audit does not speak for this run's release either. */
	{
		struct verify_request rq;
		struct verify_result vr;

		spit(f->audit, other.text, other.len);
		request(f, &rq, true, true);
		assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_OK);
		spit(f->out, "other", 5);
		assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
		spit(f->out, f->res.out, f->res.out_len);
		spit(f->audit, f->log.text, f->log.len);
	}
	audit_log_free(&other);
	free(buf);
}

static void
test_wrong_keys(void **state)
{
	struct fixture *f = *state;
	struct keys_secret *other = fixture_key(KEYS_SIGN, 5);
	struct keys_public pub;
	struct audit_log log;
	char err[1024];

	assert_non_null(other);
	keys_public_of(other, &pub);
	assert_int_equal(verify_audit_data("a", f->log.text, f->log.len, &pub, &log, err,
	    sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"key_id\": signed by key 24624dfa2c43a786, not by"));
	/* The same key id on another key: only the signature tells them apart. */
	memcpy(pub.id, f->signer_pub.id, KEYS_ID_BYTES);
	assert_int_equal(verify_audit_data("a", f->log.text, f->log.len, &pub, &log, err,
	    sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"signature\": does not verify"));
	keys_secret_free(other);
}

/*
 * A forger without the secret key edits a record and hashes the whole chain again, by the
 * published construction. Every link holds; the signature does not.
 */
static void
test_rehashed_forgery(void **state)
{
	static const char ds[] = "tearline-audit-v2\0record";
	struct fixture *f = *state;
	char *text = malloc(f->log.len + 1), *at, err[1024];
	unsigned char h[AUDIT_HASH_BYTES];
	char hex[2 * AUDIT_HASH_BYTES + 1];
	size_t k, edited = SIZE_MAX;

	assert_non_null(text);
	memcpy(text, f->log.text, f->log.len);
	text[f->log.len] = '\0';
	/* Claim another exemption for the withheld portion. */
	assert_non_null(at = strstr(text, "\"exemption\":\"(b)(1)\""));
	at[strlen("\"exemption\":\"(b)(") ] = '3';
	/* The chain made again over the edited line, and the end record's head with it. */
	memset(h, 0, sizeof(h));
	for (k = 0; k < f->log.nrecs; k++) {
		char *line = text + f->log.recs[k].line_off;
		size_t len = f->log.recs[k].line_len;
		crypto_generichash_state st;

		if (edited == SIZE_MAX && at > line && at < line + len)
			edited = k;
		if (k == f->log.nrecs - 1) {
			char *head = strstr(line, "\"head\":\"") + 8;

			sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
			memcpy(head, hex, 64);
		}
		crypto_generichash_init(&st, NULL, 0, sizeof(h));
		crypto_generichash_update(&st, (const unsigned char *)ds, sizeof(ds));
		crypto_generichash_update(&st, h, sizeof(h));
		crypto_generichash_update(&st, (const unsigned char *)line, len);
		crypto_generichash_final(&st, h, sizeof(h));
	}
	assert_true(edited != SIZE_MAX);
	assert_int_equal(check_text(f, text, f->log.len, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"signature\""));
	/* Edited without making the chain again, the end record's head gives it away. */
	memcpy(text, f->log.text, f->log.len);
	assert_non_null(at = strstr(text, "\"exemption\":\"(b)(1)\""));
	at[strlen("\"exemption\":\"(b)(") ] = '3';
	assert_int_equal(check_text(f, text, f->log.len, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"head\": does not match the records before it"));
	free(text);
}

/* Another original, or another policy, does not pass for the one the run used. */
static void
test_original(void **state)
{
	struct fixture *f = *state;
	struct verify_request rq;
	struct verify_result vr;
	char *doc = strdup(doc_text), *at, err[1024];

	assert_non_null(doc);
	/* A withheld word changed: the release is the same, but the commitments are not. */
	assert_non_null(at = strstr(doc, "harbour"));
	at[0] = 'H';
	spit(f->orig, doc, strlen(doc));
	request(f, &rq, true, false);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_OK);
	request(f, &rq, true, true);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"input_digest\""));
	/* A released word changed: the release differs. */
	memcpy(doc, doc_text, strlen(doc_text));
	assert_non_null(at = strstr(doc, "weather"));
	at[0] = 'W';
	spit(f->orig, doc, strlen(doc));
	request(f, &rq, true, false);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "different release"));
	/* One byte more: the length. */
	spit(f->orig, doc_text, strlen(doc_text) - 1);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"input_length\""));
	spit(f->orig, doc_text, strlen(doc_text));
	/* A policy with other bytes is refused, even one that would redact alike. */
	{
		char *pol = malloc(policy_builtin_len + 64);

		assert_non_null(pol);
		memcpy(pol, policy_builtin_text, policy_builtin_len);
		memcpy(pol + policy_builtin_len, "\n# edited\n", 10);
		spit(f->policy, pol, policy_builtin_len + 10);
		free(pol);
	}
	request(f, &rq, true, false);
	rq.policy = f->policy;
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	assert_non_null(strstr(err, "field \"policy_digest\""));
	/* An auditor key needs the original; a missing file is an error, not a failure. */
	request(f, &rq, false, true);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_ERROR);
	request(f, &rq, false, false);
	rq.output = "/nonexistent/release";
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_ERROR);
	free(doc);
}

/* Reads a file into a malloc'd buffer. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = malloc(1 << 16);

	assert_non_null(fp);
	assert_non_null(buf);
	*len = fread(buf, 1, 1 << 16, fp);
	fclose(fp);
	return buf;
}

static void
test_ledger(void **state)
{
	struct fixture *f = *state;
	struct audit_log runs[3], lg;
	struct audit_ledger l;
	struct verify_request rq;
	struct verify_result vr;
	char err[1024], *text, *buf;
	size_t len, i, k, off[4];

	for (i = 0; i < 3; i++) {
		assert_int_equal(audit_ledger_open(&l, f->ledger, err, sizeof(err)), 0);
		build(f, NULL, l.head, &runs[i]);
		assert_int_equal(audit_ledger_append(&l, f->signer, &runs[i], err, sizeof(err)), 0);
		audit_ledger_close(&l);
	}
	text = slurp(f->ledger, &len);
	assert_int_equal(verify_ledger_data("ledger", text, len, &f->signer_pub, &lg, err,
	    sizeof(err)), VERIFY_OK);
	assert_int_equal(lg.nrecs, 3);
	audit_log_free(&lg);
	/* Run 2's audit is in the ledger, in its place. */
	spit(f->audit, runs[1].text, runs[1].len);
	request(f, &rq, false, false);
	rq.ledger = f->ledger;
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_OK);
	assert_true(vr.in_ledger);
	assert_int_equal(vr.ledger_entries, 3);
	/* Any entry removed, or two swapped, breaks the ledger's chain. */
	off[0] = 0;
	for (k = 1, i = 0; i < len; i++)
		if (text[i] == '\n')
			off[k++] = i + 1;
	assert_int_equal(k, 4);
	assert_non_null(buf = malloc(len));
	for (k = 0; k < 3; k++) {
		size_t m = 0;

		for (i = 0; i < 3; i++) {
			if (i == k)
				continue;
			memcpy(buf + m, text + off[i], off[i + 1] - off[i]);
			m += off[i + 1] - off[i];
		}
		if (k == 2) {
			/* The last entry removed: the ledger alone cannot tell ... */
			assert_int_equal(verify_ledger_data("ledger", buf, m, &f->signer_pub, &lg,
			    err, sizeof(err)), VERIFY_OK);
			audit_log_free(&lg);
			/* ... but the audit of the removed run can. */
			spit(f->ledger, buf, m);
			spit(f->audit, runs[2].text, runs[2].len);
			assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
			assert_non_null(strstr(err, "no entry for run"));
			continue;
		}
		assert_int_equal(verify_ledger_data("ledger", buf, m, &f->signer_pub, &lg, err,
		    sizeof(err)), VERIFY_FAIL);
	}
	memcpy(buf, text + off[1], off[2] - off[1]);
	memcpy(buf + off[2] - off[1], text, off[1]);
	memcpy(buf + off[2], text + off[2], len - off[2]);
	assert_int_equal(verify_ledger_data("ledger", buf, len, &f->signer_pub, &lg, err,
	    sizeof(err)), VERIFY_FAIL);
	/* Another signer's key. */
	{
		struct keys_public pub = f->signer_pub;

		pub.id[0] ^= 1;
		assert_int_equal(verify_ledger_data("ledger", text, len, &pub, &lg, err,
		    sizeof(err)), VERIFY_FAIL);
		assert_non_null(strstr(err, "field \"key_id\""));
	}
	/* An audit made without the ledger is not in it. */
	spit(f->ledger, text, len);
	spit(f->audit, f->log.text, f->log.len);
	assert_int_equal(verify_run(&rq, &vr, err, sizeof(err)), VERIFY_FAIL);
	for (i = 0; i < 3; i++)
		audit_log_free(&runs[i]);
	free(buf);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verifies),
		cmocka_unit_test(test_every_bit_of_the_audit),
		cmocka_unit_test(test_every_bit_of_the_output),
		cmocka_unit_test(test_records_moved),
		cmocka_unit_test(test_splice),
		cmocka_unit_test(test_wrong_keys),
		cmocka_unit_test(test_rehashed_forgery),
		cmocka_unit_test(test_original),
		cmocka_unit_test(test_ledger),
	};

	return cmocka_run_group_tests_name("verify", tests, setup, teardown);
}
