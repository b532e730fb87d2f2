/* SPDX-License-Identifier: ISC */
/*
 * test_pipeline: one document's redaction as single runs and batches take it: the release that
 * pipeline_release streams is redact_run's, byte for byte; with an audit, the audit and the
 * release are committed together; a release that cannot be put in place takes its audit with it;
 * an aborted run leaves no file.
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
#include "keys.h"
#include "pipeline.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"

#include "fixtures.h"

/* A redact_sink into memory. */
struct buffer {
	char *data;
	size_t len;
};

static int
buffer_write(void *ctx, const void *buf, size_t n)
{
	struct buffer *b = ctx;
	char *more = realloc(b->data, b->len + n + 1);

	if (more == NULL)
		return -1;
	memcpy(more + b->len, buf, n);
	b->data = more;
	b->len += n;
	more[b->len] = '\0';
	return 0;
}

/* A scratch directory, made for the test; *dir is its path. */
static void
scratch(char *dir, size_t len)
{
	snprintf(dir, len, "%s/tearline-pipeline-XXXXXX", getenv("TMPDIR") != NULL ?
	    getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp failed");
}

/* The number of entries in dir, "." and ".." left out. */
static int
entries(const char *dir)
{
	char cmd[1100];
	FILE *fp;
	int n = -1;

	snprintf(cmd, sizeof(cmd), "ls -A '%s' | wc -l", dir);
	if ((fp = popen(cmd, "r")) != NULL) {
		if (fscanf(fp, "%d", &n) != 1)
			n = -1;
		pclose(fp);
	}
	return n;
}

static void
remove_tree(const char *dir)
{
	char cmd[1100];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The release pipeline_release streams is redact_run's, for every mode. */
static void
test_release_is_redact_run(void **state)
{
	const struct policy *p = *state;
	static const enum redact_mode modes[] = { MODE_MASK, MODE_STRIP, MODE_BLACKOUT };
	struct marking target;
	char err[512];
	size_t m;

	assert_int_equal(marking_parse_target(p, "UNCLASSIFIED", &target, err, sizeof(err)), 0);
	for (m = 0; m < 3; m++) {
		struct pipeline pl = { p, NULL, &target, modes[m], NULL, false, false };
		struct buffer b = { NULL, 0 };
		struct redact_sink sink = { buffer_write, &b };
		struct document d1, d2;
		struct redact_result r1, r2;

		memset(&r1, 0, sizeof(r1));
		memset(&r2, 0, sizeof(r2));
		assert_int_equal(pipeline_release(&pl, FIXTURE_CABLE, strlen(FIXTURE_CABLE), "t",
		    &sink, &d1, &r1, err, sizeof(err)), 0);
		assert_int_equal(document_parse(p, FIXTURE_CABLE, strlen(FIXTURE_CABLE), "t", &d2,
		    err, sizeof(err)), 0);
		assert_int_equal(redact_run(p, &d2, &target, modes[m], &r2, err, sizeof(err)), 0);
		assert_int_equal(b.len, r2.out_len);
		assert_int_equal(r1.out_len, r2.out_len);
		assert_memory_equal(b.data, r2.out, b.len);
		assert_null(strstr(b.data != NULL ? b.data : "", "harbour"));
		assert_int_equal(r1.withheld, r2.withheld);
		free(b.data);
		redact_result_free(&r1);
		redact_result_free(&r2);
		document_free(&d1);
		document_free(&d2);
	}
}

/* A run's release, its audit and the writer that makes it, in dir. */
struct run {
	char release[1100], audit[1100];
	struct text_out out, aud;
	struct keys_secret *signer;
	struct audit_writer *writer;
	struct document d;
	struct redact_result res;
	struct marking target;
	bool as_made;		/* records written as the changes are made (a single run) */
};

static void
run_open(const struct policy *p, struct run *r, const char *dir, bool audit)
{
	char err[512];
	struct redact_sink asink;
	struct audit_params ap;

	memset(r, 0, sizeof(*r));
	snprintf(r->release, sizeof(r->release), "%s/release.txt", dir);
	snprintf(r->audit, sizeof(r->audit), "%s/release.audit", dir);
	assert_int_equal(marking_parse_target(p, "UNCLASSIFIED", &r->target, err, sizeof(err)), 0);
	assert_int_equal(text_out_open(&r->out, r->release, err, sizeof(err)), 0);
	if (!audit)
		return;
	assert_int_equal(text_out_open(&r->aud, r->audit, err, sizeof(err)), 0);
	assert_non_null(r->signer = fixture_key(KEYS_SIGN, 1));
	fixture_params(&ap, p, r->signer, NULL);
	ap.test_seed = "pipeline";
	asink.write = text_out_sink;
	asink.ctx = &r->aud;
	assert_int_equal(audit_writer_new(&r->writer, &ap, FIXTURE_CABLE, strlen(FIXTURE_CABLE),
	    &asink, false, false, err, sizeof(err)), 0);
}

/* Renders and audits the fixture cable; returns pipeline_commit's result. */
static int
run_through(const struct policy *p, struct run *r, struct pipeline_outputs *po)
{
	struct pipeline pl = { p, NULL, &r->target, MODE_MASK, r->writer, false, r->as_made };
	struct redact_sink sink = { text_out_sink, &r->out };
	char err[1024];

	assert_int_equal(pipeline_release(&pl, FIXTURE_CABLE, strlen(FIXTURE_CABLE), "t", &sink,
	    &r->d, &r->res, err, sizeof(err)), 0);
	if (r->writer != NULL)
		assert_int_equal(pipeline_audit(&pl, &r->d, &r->res, &r->aud, r->audit, err,
		    sizeof(err)), 0);
	po->out = &r->out;
	po->spool = NULL;
	po->aud = r->writer != NULL ? &r->aud : NULL;
	po->audit_path = r->audit;
	po->ledger = NULL;
	po->signer = r->signer;
	po->writer = r->writer;
	return pipeline_commit(po, err, sizeof(err));
}

static void
run_free(struct run *r)
{
	audit_writer_free(r->writer);
	keys_secret_free(r->signer);
	redact_result_free(&r->res);
	document_free(&r->d);
}

/* Without an audit, the release alone is put in place; no temporary file is left. */
static void
test_commit_release(void **state)
{
	char dir[1024];
	struct run r;
	struct pipeline_outputs po;
	struct stat st;

	scratch(dir, sizeof(dir));
	run_open(*state, &r, dir, false);
	assert_int_equal(run_through(*state, &r, &po), 0);
	assert_int_equal(stat(r.release, &st), 0);
	assert_int_equal((size_t)st.st_size, r.res.out_len);
	assert_int_equal(entries(dir), 1);
	run_free(&r);
	remove_tree(dir);
}

/* With an audit, both are put in place, and the audit is a whole one (begin ... end). */
static void
test_commit_with_audit(void **state)
{
	char dir[1024], err[512];
	struct run r;
	struct pipeline_outputs po;
	struct text_buffer a = { NULL, 0 };

	scratch(dir, sizeof(dir));
	run_open(*state, &r, dir, true);
	assert_int_equal(run_through(*state, &r, &po), 0);
	assert_int_equal(entries(dir), 2);
	assert_int_equal(text_read_file(r.audit, 1 << 20, &a, err, sizeof(err)), 0);
	assert_non_null(strstr(a.data, "\"begin\""));
	assert_non_null(strstr(a.data, "\"end\""));
	assert_null(strstr(a.data, "harbour"));
	text_buffer_free(&a);
	run_free(&r);
	remove_tree(dir);
}

/*
 * A single run's audit records are written as its changes are made (audit_as_made), whether the
 * document is read whole or in two passes (past its budget): no change is held, and release and
 * audit are byte for byte those of the whole reading that keeps its changes (a batch's).
 */
static void
test_audit_as_made(void **state)
{
	char dir[3][1024], err[512];
	struct run r[3];
	struct pipeline_outputs po;
	struct text_buffer a[3], o[3];
	int k;

	for (k = 0; k < 3; k++) {
		scratch(dir[k], sizeof(dir[k]));
		if (k == 2)
			assert_int_equal(setenv("TEARLINE_TEST_BUDGET", "0", 1), 0);
		run_open(*state, &r[k], dir[k], true);
		r[k].as_made = k > 0;
		assert_int_equal(run_through(*state, &r[k], &po), 0);
		assert_int_equal(r[k].d.streamed, k == 2);
		assert_int_equal(r[k].res.changes_given, k > 0);
		assert_int_equal(text_read_file(r[k].audit, 1 << 20, &a[k], err, sizeof(err)), 0);
		assert_int_equal(text_read_file(r[k].release, 1 << 20, &o[k], err, sizeof(err)), 0);
		unsetenv("TEARLINE_TEST_BUDGET");
	}
	assert_true(r[0].res.nchanges > 0);
	for (k = 1; k < 3; k++) {
		assert_int_equal(r[k].res.nchanges, 0);
		assert_int_equal(a[0].len, a[k].len);
		assert_memory_equal(a[0].data, a[k].data, a[0].len);
		assert_int_equal(o[0].len, o[k].len);
		assert_memory_equal(o[0].data, o[k].data, o[0].len);
	}
	for (k = 0; k < 3; k++) {
		text_buffer_free(&a[k]);
		text_buffer_free(&o[k]);
		run_free(&r[k]);
		remove_tree(dir[k]);
	}
}

/* A release that cannot be renamed into place takes its audit with it: nothing is left. */
static void
test_commit_failed_release_removes_audit(void **state)
{
	char dir[1024], inside[1200];
	struct run r;
	struct pipeline_outputs po;

	scratch(dir, sizeof(dir));
	run_open(*state, &r, dir, true);
	/* A directory that is not empty where the release would go: the rename fails. */
	assert_int_equal(mkdir(r.release, 0700), 0);
	snprintf(inside, sizeof(inside), "%s/x", r.release);
	assert_int_equal(mkdir(inside, 0700), 0);
	assert_int_equal(run_through(*state, &r, &po), 1);
	assert_int_equal(access(r.audit, F_OK), -1);
	assert_int_equal(entries(dir), 1);	/* the directory alone */
	run_free(&r);
	remove_tree(dir);
}

/* An aborted run leaves no file. */
static void
test_abort(void **state)
{
	char dir[1024];
	struct run r;
	struct pipeline_outputs po = { NULL, NULL, NULL, NULL, NULL, NULL, NULL };

	scratch(dir, sizeof(dir));
	run_open(*state, &r, dir, true);
	text_out_write(&r.out, "partial", 7);
	po.out = &r.out;
	po.aud = &r.aud;
	pipeline_abort(&po);
	assert_int_equal(entries(dir), 0);
	run_free(&r);
	remove_tree(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_release_is_redact_run),
		cmocka_unit_test(test_commit_release),
		cmocka_unit_test(test_commit_with_audit),
		cmocka_unit_test(test_audit_as_made),
		cmocka_unit_test(test_commit_failed_release_removes_audit),
		cmocka_unit_test(test_abort),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
