/* SPDX-License-Identifier: ISC */
/*
 * test_batch: many documents through batch_prepare and batch_run, as `tearline redact
 * --output-dir` runs them: each release is what redact_run makes of its document; a document
 * that fails leaves no release and the others go on; two inputs of one base name are refused
 * before anything is written; with a signing key, every release has its audit and one ledger
 * entry, in input order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "audit.h"
#include "batch.h"
#include "keys.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"

#include "fixtures.h"

#define NDOCS 3

static const char *const texts[NDOCS] = {
	FIXTURE_CABLE,
	"SECRET\n\n1. (U) The puffin count was normal.\n\n2. (S) The walrus route.\n",
	"UNCLASSIFIED\n\n1. (U) The gannet flew north.\n",
};

/* A scratch directory holding the documents a.txt, b.txt, c.txt, and an output directory. */
struct scene {
	char dir[1024], out[1100];
	char paths[NDOCS][1100];
	char *inputs[NDOCS];
	struct marking target;
	struct batch_options o;
};

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, strlen(text), fp), strlen(text));
	assert_int_equal(fclose(fp), 0);
}

static void
scene_open(const struct policy *p, struct scene *s)
{
	char err[512];
	size_t i;

	memset(s, 0, sizeof(*s));
	snprintf(s->dir, sizeof(s->dir), "%s/tearline-batch-XXXXXX", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(s->dir));
	snprintf(s->out, sizeof(s->out), "%s/out", s->dir);
	for (i = 0; i < NDOCS; i++) {
		snprintf(s->paths[i], sizeof(s->paths[i]), "%s/%c.txt", s->dir, (int)('a' + i));
		write_file(s->paths[i], texts[i]);
		s->inputs[i] = s->paths[i];
	}
	assert_int_equal(marking_parse_target(p, "UNCLASSIFIED", &s->target, err, sizeof(err)), 0);
	s->o.policy = p;
	s->o.target = &s->target;
	s->o.release = "UNCLASSIFIED";
	s->o.mode = MODE_MASK;
	s->o.max_document = 1 << 20;
	s->o.output_dir = s->out;
	s->o.jobs = 2;
	s->o.sandbox = false;
	s->o.tool = "tearline test";
	s->o.fixed_time = true;
	s->o.time = 1195568580;
}

static void
scene_close(struct scene *s)
{
	char cmd[1200];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	assert_int_equal(system(cmd), 0);
}

/* The release of texts[i] by redact_run, in *out (to free). */
static size_t
expected(const struct policy *p, const struct marking *target, size_t i, char **out)
{
	struct document d;
	struct redact_result res;
	char err[512];
	size_t len;

	memset(&res, 0, sizeof(res));
	assert_int_equal(document_parse(p, texts[i], strlen(texts[i]), "t", &d, err,
	    sizeof(err)), 0);
	assert_int_equal(redact_run(p, &d, target, MODE_MASK, &res, err, sizeof(err)), 0);
	*out = malloc(res.out_len + 1);
	assert_non_null(*out);
	memcpy(*out, res.out, res.out_len);
	len = res.out_len;
	redact_result_free(&res);
	document_free(&d);
	return len;
}

/* The file at path, in b (to free with text_buffer_free), or fails the test. */
static void
read_back(const char *path, struct text_buffer *b)
{
	char err[512];

	if (text_read_file(path, 1 << 20, b, err, sizeof(err)) != 0)
		fail_msg("%s", err);
}

/* Every release is redact_run's release of its document. */
static void
test_releases(void **state)
{
	const struct policy *p = *state;
	struct scene s;
	struct batch_names names;
	struct batch_result r;
	char err[1024];
	size_t i;

	scene_open(p, &s);
	assert_int_equal(batch_prepare(&s.o, s.inputs, NDOCS, &names, err, sizeof(err)), 0);
	assert_int_equal(batch_run(&s.o, s.inputs, NDOCS, &names, &r, err, sizeof(err)), 0);
	assert_int_equal(r.released, NDOCS);
	assert_int_equal(r.failed, 0);
	for (i = 0; i < NDOCS; i++) {
		struct text_buffer b = { NULL, 0 };
		char *want;
		size_t n = expected(p, &s.target, i, &want);

		read_back(names.release[i], &b);
		assert_int_equal(b.len, n);
		assert_memory_equal(b.data, want, n);
		assert_null(strstr(b.data, "walrus"));
		assert_null(strstr(b.data, "harbour"));
		free(want);
		text_buffer_free(&b);
	}
	batch_names_free(&names);
	scene_close(&s);
}

/* A document over the size limit fails alone: no release of it, the others written. */
static void
test_one_fails(void **state)
{
	const struct policy *p = *state;
	struct scene s;
	struct batch_names names;
	struct batch_result r;
	char err[1024];

	scene_open(p, &s);
	/* Only c.txt, the shortest, is within the limit. */
	s.o.max_document = strlen(texts[2]) + 1;
	assert_int_equal(batch_prepare(&s.o, s.inputs, NDOCS, &names, err, sizeof(err)), 0);
	assert_int_equal(batch_run(&s.o, s.inputs, NDOCS, &names, &r, err, sizeof(err)), 1);
	assert_int_equal(r.released, 1);
	assert_int_equal(r.failed, 2);
	assert_int_equal(access(names.release[0], F_OK), -1);
	assert_int_equal(access(names.release[1], F_OK), -1);
	assert_int_equal(access(names.release[2], F_OK), 0);
	batch_names_free(&names);
	scene_close(&s);
}

/* Two inputs of one base name are refused before anything is written. */
static void
test_clash(void **state)
{
	const struct policy *p = *state;
	struct scene s;
	struct batch_names names;
	char err[1024] = "", sub[1200];
	char *twice[2];

	scene_open(p, &s);
	snprintf(sub, sizeof(sub), "%s/sub", s.dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	strcat(sub, "/a.txt");
	write_file(sub, texts[2]);
	twice[0] = s.paths[0];
	twice[1] = sub;
	memset(&names, 0, sizeof(names));
	assert_int_equal(batch_prepare(&s.o, twice, 2, &names, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "a.txt"));
	batch_names_free(&names);
	scene_close(&s);
}

/* With a signing key: an audit per release and a ledger entry per audit, in input order. */
static void
test_audits_and_ledger(void **state)
{
	const struct policy *p = *state;
	struct scene s;
	struct batch_names names;
	struct batch_result r;
	struct audit_ledger ledger;
	struct text_buffer b = { NULL, 0 };
	char err[1024], path[1200];
	struct keys_secret *signer = fixture_key(KEYS_SIGN, 1);
	size_t i, lines = 0;

	assert_non_null(signer);
	scene_open(p, &s);
	snprintf(path, sizeof(path), "%s/ledger.jsonl", s.dir);
	s.o.signer = signer;
	s.o.ledger_path = path;
	assert_int_equal(batch_prepare(&s.o, s.inputs, NDOCS, &names, err, sizeof(err)), 0);
	memset(&ledger, 0, sizeof(ledger));
	ledger.fd = -1;
	assert_int_equal(audit_ledger_open(&ledger, path, err, sizeof(err)), 0);
	s.o.ledger = &ledger;
	assert_int_equal(batch_run(&s.o, s.inputs, NDOCS, &names, &r, err, sizeof(err)), 0);
	audit_ledger_close(&ledger);
	for (i = 0; i < NDOCS; i++) {
		struct text_buffer a = { NULL, 0 };

		read_back(names.audit[i], &a);
		assert_non_null(strstr(a.data, "\"kind\":\"begin\""));
		assert_non_null(strstr(a.data, "\"kind\":\"end\""));
		assert_null(strstr(a.data, "walrus"));
		text_buffer_free(&a);
	}
	read_back(path, &b);
	for (i = 0; i < b.len; i++)
		lines += b.data[i] == '\n';
	assert_int_equal(lines, NDOCS);
	text_buffer_free(&b);
	batch_names_free(&names);
	keys_secret_free(signer);
	scene_close(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_releases),
		cmocka_unit_test(test_one_fails),
		cmocka_unit_test(test_clash),
		cmocka_unit_test(test_audits_and_ledger),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
