/* SPDX-License-Identifier: ISC */
/*
 * test_audit: the audit chain. Golden vectors from a fixed seed and a fixed key; the hash
 * construction checked by an independent computation; every canonical-form rule (spacing, key
 * order, hex case, duplicate keys, number form, escapes, extra and missing fields); commitments
 * opened with the auditor key; no withheld text and no unkeyed hash of it in the audit; the ledger.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <seccomp.h>
#include <sodium.h>

#include "audit.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

#include "fixtures.h"

static const char doc_text[] = FIXTURE_CABLE;

struct fixture {
	struct policy *p;
	struct keys_secret *signer, *auditor;
	struct keys_public auditor_pub;
	struct document d;
	struct redact_result res;
	struct audit_record *changes;
	size_t nchanges;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || sodium_init() < 0)
		return -1;
	if (fixture_redact(doc_text, &f->p, &f->d, &f->res, &f->changes, &f->nchanges) != 0)
		return -1;
	f->signer = fixture_key(KEYS_SIGN, 1);
	f->auditor = fixture_key(KEYS_BOX, 2);
	if (f->signer == NULL || f->auditor == NULL)
		return -1;
	keys_public_of(f->auditor, &f->auditor_pub);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	fixture_redact_free(f->p, &f->d, &f->res, f->changes);
	keys_secret_free(f->signer);
	keys_secret_free(f->auditor);
	free(f);
	return 0;
}

/* Builds the audit of the fixture's redaction. */
static void
build(struct fixture *f, const char *seed, bool auditor, const unsigned char *ledger_prev,
    struct audit_log *log)
{
	struct audit_params ap;
	char err[512];

	fixture_params(&ap, f->p, f->signer, auditor ? &f->auditor_pub : NULL);
	ap.ledger_prev = ledger_prev;
	ap.test_seed = seed;
	err[0] = '\0';
	if (audit_build(&ap, f->changes, f->nchanges, f->res.released, f->res.withheld, doc_text,
	    strlen(doc_text), f->res.out, f->res.out_len, log, err, sizeof(err)) != 0)
		fail_msg("audit_build: %s", err);
}

/* The start and length of line k (0-based) of text. */
static void
line_at(const char *text, size_t k, size_t *off, size_t *len)
{
	const char *s = text, *nl;

	while (k-- > 0) {
		assert_non_null(nl = strchr(s, '\n'));
		s = nl + 1;
	}
	assert_non_null(nl = strchr(s, '\n'));
	*off = (size_t)(s - text);
	*len = (size_t)(nl - s);
}

/* Parses a copy of line k with `from` replaced by `to`; returns the result, message in err. */
static int
parse_edited(const struct audit_log *log, size_t k, const char *from, const char *to, char *err,
    size_t errlen)
{
	char line[AUDIT_LINE_MAX + 64], edited[AUDIT_LINE_MAX + 64];
	struct audit_record rec;
	size_t off, len;
	char *at;

	line_at(log->text, k, &off, &len);
	assert_true(len < sizeof(line));
	memcpy(line, log->text + off, len);
	line[len] = '\0';
	assert_non_null(at = strstr(line, from));
	assert_true(len - strlen(from) + strlen(to) < sizeof(edited));
	snprintf(edited, sizeof(edited), "%.*s%s%s", (int)(at - line), line, to,
	    at + strlen(from));
	err[0] = '\0';
	return audit_record_parse(edited, strlen(edited), false, &rec, err, errlen);
}

/*
 * The golden vector: a fixed key, seed and time and a synthetic run give these bytes exactly.
 * Any change to the format, the hash or the signature construction changes them; so does a change
 * of jansson's output. Regenerate only on purpose, and say so in docs/audit-format.md.
 */
static const char golden[] =
    "{\"seq\":0,\"kind\":\"begin\",\"format\":\"tearline-audit-2\",\"tool\":\"tearline golden\""
    ",\"run\":\"ef4dace2ad36afacdb35e13f1f2d96b9\",\"time\":\"2007-11-20T14:23:00Z\""
    ",\"policy\":\"golden-policy\""
    ",\"policy_digest\":\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\""
    ",\"target\":\"UNCLASSIFIED\",\"mode\":\"mask\",\"input_length\":50"
    ",\"input_digest\":\"86da0063917b2fee18eb7be223ab71a5ff73419ac465bb782a098ea205c3f57e\""
    ",\"run_secret\":\"test-seed\",\"auditor_key_id\":\"\",\"sealed_secret\":\"\""
    ",\"ledger_prev\":\"0000000000000000000000000000000000000000000000000000000000000000\"}\n"
    "{\"seq\":1,\"kind\":\"remarked\",\"line_first\":1,\"line_last\":1,\"in_start\":0,\"in_end\":7"
    ",\"out_start\":0,\"out_end\":13,\"marking\":\"UNCLASSIFIED\",\"rule\":\"rollup\""
    ",\"exemption\":\"\""
    ",\"commitment\":\"a12c9763a15e31545c8c98317200d415e59a4df67bbd9b47e41a6ac5e61d516e\"}\n"
    "{\"seq\":2,\"kind\":\"withheld\",\"line_first\":2,\"line_last\":2,\"in_start\":7,\"in_end\":40"
    ",\"out_start\":13,\"out_end\":35,\"marking\":\"SECRET\",\"rule\":\"level\""
    ",\"exemption\":\"(b)(1)\""
    ",\"commitment\":\"ce12b12218da5d9a9037fd40f4c9dc46c1be7f6980b2079d087a0ebd099e44b6\"}\n"
    "{\"seq\":3,\"kind\":\"end\""
    ",\"head\":\"20cfc681922e339294f12b31aed12261d30722c6c770e0e35c7b57191c774bdf\""
    ",\"changes\":2,\"withheld\":1,\"remarked\":1,\"captions\":0,\"authority\":0"
    ",\"portions_released\":1,\"portions_withheld\":1,\"output_length\":45"
    ",\"output_digest\":\"ea667e377a252cb67b34f20d02aafdc6f7fff428c8fdbd5b26e0e87e3ba54881\""
    ",\"key_id\":\"24624dfa2c43a786\""
    ",\"signature\":\"9df721b92cb02488e2ce72d5e94b19a860f9d56099f05d98cd58358aa35f7842fe3c4534bfa30c5fe2ce57eca3987b84cd07d0e76a8d44c53f555c2dcde7d306\"}\n";

static void
test_golden(void **state)
{
	static const char in[] = "SECRET\n(S) The plan is to meet at dawn.\n(U) Fine.\n";
	static const char out[] = "UNCLASSIFIED\n(U) [WITHHELD (b)(1)]\n(U) Fine.\n";
	struct fixture *f = *state;
	struct audit_record ch[2];
	struct audit_params ap;
	struct audit_log log;
	unsigned char digest[AUDIT_HASH_BYTES];
	char err[512];
	size_t i;

	(void)f;
	for (i = 0; i < sizeof(digest); i++)
		digest[i] = (unsigned char)i;
	memset(ch, 0, sizeof(ch));
	ch[0].kind = AUDIT_REMARKED;
	ch[0].line_first = ch[0].line_last = 1;
	ch[0].in_end = 7;
	ch[0].out_end = 13;
	strcpy(ch[0].marking, "UNCLASSIFIED");
	strcpy(ch[0].rule, "rollup");
	ch[1].kind = AUDIT_WITHHELD;
	ch[1].line_first = ch[1].line_last = 2;
	ch[1].in_start = 7;
	ch[1].in_end = 40;
	ch[1].out_start = 13;
	ch[1].out_end = 35;
	strcpy(ch[1].marking, "SECRET");
	strcpy(ch[1].rule, "level");
	strcpy(ch[1].exemption, "(b)(1)");
	memset(&ap, 0, sizeof(ap));
	ap.tool = "tearline golden";
	ap.policy_name = "golden-policy";
	ap.policy_digest = digest;
	ap.target = "UNCLASSIFIED";
	ap.mode = MODE_MASK;
	ap.time = 1195568580;
	ap.signer = f->signer;
	ap.test_seed = "golden";
	assert_int_equal(audit_build(&ap, ch, 2, 1, 1, in, strlen(in), out, strlen(out), &log, err,
	    sizeof(err)), 0);
	if (getenv("TEARLINE_PRINT_GOLDEN") != NULL)
		fwrite(log.text, 1, log.len, stdout);
	assert_int_equal(log.len, strlen(golden));
	assert_memory_equal(log.text, golden, log.len);
	audit_log_free(&log);
	/* The vector reads back, its signature verifies, and its commitment follows the spec. */
	assert_int_equal(audit_read("golden", golden, strlen(golden), false, &log, err,
	    sizeof(err)), 0);
	assert_int_equal(audit_verify_signature(&log.recs[3], golden + log.recs[3].line_off,
	    f->signer->pk), 0);
	{
		static const char ds[] = "tearline-test-seed\0secret";
		unsigned char secret[AUDIT_SECRET_BYTES], sub[32], h[AUDIT_HASH_BYTES];
		crypto_generichash_state st;

		crypto_generichash_init(&st, NULL, 0, sizeof(secret));
		crypto_generichash_update(&st, (const unsigned char *)ds, sizeof(ds));
		crypto_generichash_update(&st, (const unsigned char *)"golden", 6);
		crypto_generichash_final(&st, secret, sizeof(secret));
		crypto_kdf_derive_from_key(sub, sizeof(sub), 2, "tlaudit1", secret);
		crypto_generichash(h, sizeof(h), (const unsigned char *)in + 7, 33, sub,
		    sizeof(sub));
		assert_memory_equal(h, log.recs[2].commitment, sizeof(h));
		crypto_kdf_derive_from_key(sub, sizeof(sub), 0, "tlaudit1", secret);
		crypto_generichash(h, sizeof(h), (const unsigned char *)in, strlen(in), sub,
		    sizeof(sub));
		assert_memory_equal(h, log.recs[0].input_digest, sizeof(h));
	}
	audit_log_free(&log);
}

/* What the writer writes, the reader reads back to the same records. */
static void
test_roundtrip(void **state)
{
	struct fixture *f = *state;
	struct audit_log log, back;
	char err[512];
	size_t i;

	build(f, "unit", true, NULL, &log);
	assert_int_equal(log.nrecs, f->nchanges + 2);
	assert_int_equal(audit_read("a.jsonl", log.text, log.len, false, &back, err, sizeof(err)),
	    0);
	assert_int_equal(back.nrecs, log.nrecs);
	for (i = 0; i < log.nrecs; i++) {
		assert_int_equal(back.recs[i].kind, log.recs[i].kind);
		assert_int_equal(back.recs[i].seq, i);
		assert_memory_equal(back.recs[i].hash, log.recs[i].hash, AUDIT_HASH_BYTES);
		assert_string_equal(back.recs[i].marking, log.recs[i].marking);
	}
	assert_true(back.recs[0].sealed);
	assert_string_equal(back.recs[0].run_secret, "test-seed");
	/* The same seed, key and time give the same bytes: the audit is reproducible. */
	{
		struct audit_log again;

		build(f, "unit", false, NULL, &again);
		audit_log_free(&back);
		build(f, "unit", false, NULL, &back);
		assert_int_equal(again.len, back.len);
		assert_memory_equal(again.text, back.text, back.len);
		audit_log_free(&again);
	}
	audit_log_free(&back);
	audit_log_free(&log);
}

/* The chain, computed here independently from the documented construction. */
static void
test_hash_construction(void **state)
{
	static const char ds[] = "tearline-audit-v2\0record";	/* and its NUL: 25 bytes */
	static const char ds_sig[] = "tearline-audit-v2\0signature";
	struct fixture *f = *state;
	struct audit_log log, back;
	unsigned char h[AUDIT_HASH_BYTES], prev[AUDIT_HASH_BYTES];
	char hex[2 * AUDIT_HASH_BYTES + 1], want[128], err[512], one[AUDIT_LINE_MAX + 1];
	size_t k, off, len;

	assert_int_equal(sizeof(ds), 25);
	build(f, "unit", false, NULL, &log);
	assert_int_equal(audit_read("a.jsonl", log.text, log.len, false, &back, err, sizeof(err)),
	    0);
	memset(prev, 0, sizeof(prev));
	for (k = 0; k < log.nrecs; k++) {
		crypto_generichash_state st;
		const char *line;

		line_at(log.text, k, &off, &len);
		line = log.text + off;
		assert_true(len < sizeof(one));
		memcpy(one, line, len);
		one[len] = '\0';
		/* No line holds its hash or the one before; the end line names the chain's head. */
		assert_null(strstr(one, "\"hash\""));
		assert_null(strstr(one, "\"prev\""));
		sodium_bin2hex(hex, sizeof(hex), prev, sizeof(prev));
		snprintf(want, sizeof(want), "\"head\":\"%s\"", hex);
		if (k == log.nrecs - 1)
			assert_non_null(strstr(one, want));
		else
			assert_null(strstr(one, "\"head\""));
		crypto_generichash_init(&st, NULL, 0, sizeof(h));
		crypto_generichash_update(&st, (const unsigned char *)ds, sizeof(ds));
		crypto_generichash_update(&st, prev, sizeof(prev));
		crypto_generichash_update(&st, (const unsigned char *)line, len);
		crypto_generichash_final(&st, h, sizeof(h));
		/* What the writer and the reader hold as the record's hash. */
		assert_memory_equal(log.recs[k].hash, h, sizeof(h));
		assert_memory_equal(back.recs[k].hash, h, sizeof(h));
		memcpy(prev, h, sizeof(h));
	}
	/* The signature covers the end line's bytes before ,"signature": under the prefix. */
	{
		const struct audit_record *end = &log.recs[log.nrecs - 1];
		unsigned char msg[AUDIT_LINE_MAX + sizeof(ds_sig)];
		const char *line, *at;

		line_at(log.text, log.nrecs - 1, &off, &len);
		line = log.text + off;
		assert_non_null(at = strstr(line, ",\"signature\":\""));
		assert_memory_equal(line + len - 2, "\"}", 2);
		assert_int_equal(len - (size_t)(at - line), strlen(",\"signature\":\"\"}") + 128);
		memcpy(msg, ds_sig, sizeof(ds_sig));
		memcpy(msg + sizeof(ds_sig), line, (size_t)(at - line));
		assert_int_equal(crypto_sign_verify_detached(end->signature, msg,
		    sizeof(ds_sig) + (size_t)(at - line), f->signer->pk), 0);
	}
	audit_log_free(&back);
	audit_log_free(&log);
}

/*
 * The writer serialises records of printable ASCII by hand and others with jansson; the reader
 * rebuilds every line with jansson and requires the same bytes. So audits whose strings hold
 * every printable ASCII character (quotes and backslashes among them), and UTF-8, must be read
 * back, record for record.
 */
static void
test_hand_writer_is_jansson(void **state)
{
	static const char *const fixed[] = {
		"\"", "\\", "a\"b\\c", "\\\"", "/", "{}[]:,", "caf\xc3\xa9", "\xe2\x80\xa8",
		"SECRET//REL TO USA, GBR", ""
	};
	struct fixture *f = *state;
	uint32_t x = 2463534242u;
	size_t round;

	for (round = 0; round < 300; round++) {
		char target[64], marking[96], exemption[40], err[512];
		struct audit_record ch[1];
		struct audit_params ap;
		struct audit_log log, back;
		size_t i, k;
		char *fields[3] = { target, marking, exemption };
		size_t sizes[3] = { sizeof(target), sizeof(marking), sizeof(exemption) };

		/* The first rounds take the fixed strings; the rest, random printable ASCII. */
		for (k = 0; k < 3; k++) {
			if (round < sizeof(fixed) / sizeof(fixed[0])) {
				snprintf(fields[k], sizes[k], "%s", fixed[(round + k) %
				    (sizeof(fixed) / sizeof(fixed[0]))]);
				continue;
			}
			for (i = 0; i + 1 < sizes[k] && i < round % 37; i++) {
				x ^= x << 13;
				x ^= x >> 17;
				x ^= x << 5;
				fields[k][i] = (char)(0x20 + x % 95);
			}
			fields[k][i] = '\0';
		}
		if (target[0] == '\0')
			memcpy(target, "T", 2);
		memset(ch, 0, sizeof(ch));
		ch[0].kind = AUDIT_WITHHELD;
		ch[0].line_first = ch[0].line_last = 1;
		ch[0].in_end = 3;
		snprintf(ch[0].marking, sizeof(ch[0].marking), "%s", marking);
		memcpy(ch[0].rule, "level", sizeof("level"));
		snprintf(ch[0].exemption, sizeof(ch[0].exemption), "%s", exemption);
		audit_params_init(&ap, "tearline test", f->p, target, MODE_MASK, f->signer, NULL);
		ap.test_seed = "hand";
		if (audit_build(&ap, ch, 1, 0, 1, "abc", 3, "", 0, &log, err, sizeof(err)) != 0)
			fail_msg("round %zu: audit_build: %s", round, err);
		if (audit_read("a", log.text, log.len, false, &back, err, sizeof(err)) != 0)
			fail_msg("round %zu: target [%s] marking [%s] exemption [%s]: %s", round,
			    target, marking, exemption, err);
		assert_int_equal(back.nrecs, 3);
		assert_string_equal(back.recs[0].target, target);
		assert_string_equal(back.recs[1].marking, marking);
		assert_string_equal(back.recs[1].exemption, exemption);
		audit_log_free(&back);
		audit_log_free(&log);
	}
}

/* Counts what a sink is given, keeping nothing. */
static int
count_write(void *ctx, const void *buf, size_t n)
{
	(void)buf;
	*(size_t *)ctx += n;
	return 0;
}

/*
 * A helper thread that cannot enter the sandbox leaves at once. The writer must then neither
 * wait for it (the release's blocks are hashed by the caller) nor write an audit: the begin
 * record is refused with the helper's message. Run in a child whose own seccomp filter refuses
 * any further filter, with an alarm in case it hangs.
 */
static void
test_helper_gone(void **state)
{
	struct fixture *f = *state;
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
		struct audit_params ap;
		struct audit_writer *w = NULL;
		size_t written = 0, big = (size_t)3 << 20;
		struct redact_sink sink = { count_write, &written };
		char err[512], *release = calloc(1, big);

		alarm(20);
		if (ctx == NULL || release == NULL ||
		    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(seccomp), 0) != 0 ||
		    seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(prctl), 0) != 0 ||
		    seccomp_load(ctx) != 0)
			_exit(3);
		fixture_params(&ap, f->p, f->signer, NULL);
		ap.test_seed = "gone";
		if (audit_writer_new(&w, &ap, doc_text, strlen(doc_text), &sink, true, true, err,
		    sizeof(err)) != 0)
			_exit(4);
		audit_writer_output(w, release, big);		/* must not wait for the helper */
		if (audit_writer_changes(w, f->p, &f->d, &f->res, err, sizeof(err)) == 0 ||
		    strstr(err, "sandbox") == NULL || written != 0)
			_exit(5);
		audit_writer_free(w);
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("the child %s %d", WIFEXITED(status) ? "exited" : "was killed by signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

/* Every canonical-form rule, each refused with a message that names the field. */
static void
test_canonical(void **state)
{
	struct fixture *f = *state;
	struct audit_log log;
	char err[512];

	build(f, "unit", false, NULL, &log);
	/* The line itself parses. */
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":1,", err, sizeof(err)), 0);
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\": 1,", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"seq\": not in canonical form"));
	assert_int_equal(parse_edited(&log, 1, "\"kind\":", " \"kind\":", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not in canonical form"));
	assert_int_equal(parse_edited(&log, 1, "{\"seq\":1,\"kind\":\"remarked\"",
	    "{\"kind\":\"remarked\",\"seq\":1", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"seq\": out of order"));
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":1,\"seq\":1,", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "duplicate"));
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":1.0,", err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "field \"seq\": not a non-negative integer"));
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":-1,", err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "field \"seq\""));
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":\"1\",", err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "field \"seq\""));
	assert_int_equal(parse_edited(&log, 1, "\"seq\":1,", "\"seq\":01,", err, sizeof(err)),
	    -1);
	assert_int_equal(parse_edited(&log, 1, "\"rule\":\"rollup\"", "\"rule\":\"rollu\\u0070\"",
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"rule\": not in canonical form"));
	assert_int_equal(parse_edited(&log, 1, "\"rule\":", "\"extra\":1,\"rule\":", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"extra\": not a field of a remarked record"));
	assert_int_equal(parse_edited(&log, 1, "\"exemption\":\"\",", "", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"exemption\": missing"));
	assert_int_equal(parse_edited(&log, 1, "\"}", "\"} ", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not in canonical form"));
	assert_int_equal(parse_edited(&log, 1, "\"}", "\"}\r", err, sizeof(err)), -1);
	assert_int_equal(parse_edited(&log, 1, "\"kind\":\"remarked\"", "\"kind\":\"bogus\"", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "field \"kind\""));
	/* Upper-case hex: the one spelling of a hash is lower case. */
	{
		size_t off, len;
		char line[AUDIT_LINE_MAX], *c;
		struct audit_record rec;

		line_at(log.text, 1, &off, &len);
		memcpy(line, log.text + off, len);
		line[len] = '\0';
		c = strstr(line, "\"commitment\":\"") + strlen("\"commitment\":\"");
		while (!(*c >= 'a' && *c <= 'f'))
			c++;
		*c = (char)(*c - 'a' + 'A');
		assert_int_equal(audit_record_parse(line, len, false, &rec, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "field \"commitment\": not 64 lower-case hex digits"));
	}
	/* A record of one kind is no record of the other file. */
	{
		size_t off, len;
		struct audit_record rec;

		line_at(log.text, 0, &off, &len);
		assert_int_equal(audit_record_parse(log.text + off, len, true, &rec, err,
		    sizeof(err)), -1);
		assert_non_null(strstr(err, "field \"kind\""));
	}
	audit_log_free(&log);
}

/* The auditor opens the run secret and every commitment checks against the original. */
static void
test_commitments(void **state)
{
	struct fixture *f = *state;
	struct audit_log log;
	unsigned char *secret, h[AUDIT_HASH_BYTES];
	char err[512];
	size_t i;

	build(f, NULL, true, NULL, &log);
	assert_string_equal(log.recs[0].run_secret, "random");
	assert_non_null(secret = sodium_malloc(AUDIT_SECRET_BYTES));
	assert_int_equal(audit_open_secret(&log.recs[0], f->auditor, secret, err, sizeof(err)), 0);
	audit_commitment(secret, 0, doc_text, strlen(doc_text), h);
	assert_memory_equal(h, log.recs[0].input_digest, sizeof(h));
	for (i = 1; i + 1 < log.nrecs; i++) {
		const struct audit_record *r = &log.recs[i];

		audit_commitment(secret, i, doc_text + r->in_start,
		    (size_t)(r->in_end - r->in_start), h);
		assert_memory_equal(h, r->commitment, sizeof(h));
		/* A subkey is bound to its record: another seq gives another digest. */
		audit_commitment(secret, i + 1, doc_text + r->in_start,
		    (size_t)(r->in_end - r->in_start), h);
		assert_memory_not_equal(h, r->commitment, sizeof(h));
	}
	sodium_free(secret);
	/* Another auditor key opens nothing. */
	{
		struct keys_secret *other = fixture_key(KEYS_BOX, 9);
		unsigned char buf[AUDIT_SECRET_BYTES];

		assert_int_equal(audit_open_secret(&log.recs[0], other, buf, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "auditor_key_id"));
		memcpy(other->id, f->auditor->id, KEYS_ID_BYTES);
		assert_int_equal(audit_open_secret(&log.recs[0], other, buf, err, sizeof(err)), -1);
		assert_non_null(strstr(err, "does not open"));
		keys_secret_free(other);
	}
	audit_log_free(&log);
	/* Without an auditor key, nothing is sealed: the secret is gone with the run. */
	build(f, NULL, false, NULL, &log);
	assert_false(log.recs[0].sealed);
	assert_null(strstr(log.text, "\"sealed_secret\":\"0"));
	assert_int_equal(audit_open_secret(&log.recs[0], f->auditor, h, err, sizeof(err)), -1);
	audit_log_free(&log);
}

/* Whether the lower-case hex of data[0..len) occurs in text. */
static bool
hex_in(const char *text, const unsigned char *data, size_t len)
{
	char hex[2 * AUDIT_SEALED_BYTES + 1];

	sodium_bin2hex(hex, sizeof(hex), data, len);
	return strstr(text, hex) != NULL;
}

/* No withheld word and no unkeyed hash of a withheld span is in the audit. */
static void
test_nothing_leaks(void **state)
{
	static const char *const words[] = { "plan", "harbour", "dawn", "meet" };
	struct fixture *f = *state;
	struct audit_log log;
	size_t i;

	build(f, NULL, true, NULL, &log);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		assert_null(strstr(log.text, words[i]));
	for (i = 1; i + 1 < log.nrecs; i++) {
		const struct audit_record *r = &log.recs[i];
		const unsigned char *span = (const unsigned char *)doc_text + r->in_start;
		size_t n = (size_t)(r->in_end - r->in_start);
		unsigned char h[64];
		size_t k;

		for (k = 16; k <= 64; k += 16) {
			crypto_generichash(h, k, span, n, NULL, 0);
			assert_false(hex_in(log.text, h, k));
		}
		crypto_hash_sha256(h, span, n);
		assert_false(hex_in(log.text, h, 32));
		crypto_hash_sha512(h, span, n);
		assert_false(hex_in(log.text, h, 64));
	}
	audit_log_free(&log);
}

/* A run's ledger entry names its head, and the next run's begin names the entry. */
static void
test_ledger(void **state)
{
	struct fixture *f = *state;
	struct audit_ledger l;
	struct audit_log a, b, lg;
	char dir[] = "/tmp/tearline-audit-XXXXXX", path[128], err[512];
	FILE *fp;
	char buf[8192];
	size_t n;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/ledger.jsonl", dir);
	assert_int_equal(audit_ledger_open(&l, path, err, sizeof(err)), 0);
	assert_int_equal(l.nentries, 0);
	build(f, "run a", false, l.head, &a);
	assert_int_equal(audit_ledger_append(&l, f->signer, &a, err, sizeof(err)), 0);
	audit_ledger_close(&l);
	assert_int_equal(audit_ledger_open(&l, path, err, sizeof(err)), 0);
	assert_int_equal(l.nentries, 1);
	build(f, "run b", false, l.head, &b);
	assert_int_equal(audit_ledger_append(&l, f->signer, &b, err, sizeof(err)), 0);
	audit_ledger_close(&l);
	assert_non_null(fp = fopen(path, "r"));
	n = fread(buf, 1, sizeof(buf), fp);
	fclose(fp);
	assert_int_equal(audit_read(path, buf, n, true, &lg, err, sizeof(err)), 0);
	assert_int_equal(lg.nrecs, 2);
	assert_memory_equal(lg.recs[0].audit_head, a.recs[a.nrecs - 1].hash, AUDIT_HASH_BYTES);
	assert_memory_equal(lg.recs[1].audit_head, b.recs[b.nrecs - 1].hash, AUDIT_HASH_BYTES);
	assert_memory_equal(b.recs[0].ledger_prev, lg.recs[0].hash, AUDIT_HASH_BYTES);
	assert_int_equal(audit_verify_signature(&lg.recs[1], buf + lg.recs[1].line_off,
	    f->signer->pk), 0);
	/* A damaged ledger is refused, and nothing is appended to it. */
	assert_non_null(fp = fopen(path, "a"));
	fputs("{\"seq\":2}", fp);
	fclose(fp);
	assert_int_equal(audit_ledger_open(&l, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "ledger.jsonl:3"));
	audit_log_free(&lg);
	audit_log_free(&a);
	audit_log_free(&b);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_hash_construction),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_hand_writer_is_jansson),
		cmocka_unit_test(test_helper_gone),
		cmocka_unit_test(test_commitments),
		cmocka_unit_test(test_nothing_leaks),
		cmocka_unit_test(test_ledger),
	};

	return cmocka_run_group_tests_name("audit", tests, setup, teardown);
}
