/* SPDX-License-Identifier: ISC */
/*
 * test_policy_test: `tearline policy test`, `decide` and `rollup` as functions: every example the
 * built-in policy carries passes; an example that is wrong is reported with its line; what a mark
 * decides at a target, and the banner that portions roll up to.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "policy.h"
#include "policy_test.h"

#include "fixtures.h"

/* Every example of the built-in policy passes, and there are some. */
static void
test_builtin_examples(void **state)
{
	char err[512], *buf = NULL;
	size_t total = 0, len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(policy_test_run(*state, "us-cable", fp, 0, &total, err, sizeof(err)), 0);
	fclose(fp);
	assert_true(total > 10);
	assert_int_equal(len, 0);	/* nothing failed, nothing said */
	free(buf);
}

/* A policy whose example is wrong: one failure, said with the policy's name and its line. */
static void
test_wrong_example(void **state)
{
	char err[512], *buf = NULL, *text;
	size_t total = 0, len = 0, n;
	const char *path = "policies/us-cable.yaml";
	const char *wrong = "\ntests:\n  - {mark: \"(S//NF)\", target: UNCLASSIFIED, "
	    "expect: released}\n";
	struct policy *p;
	FILE *fp, *in = fopen(path, "r");
	int rc;

	(void)state;
	assert_non_null(in);
	text = malloc(1 << 20);
	assert_non_null(text);
	n = fread(text, 1, (1 << 20) - 256, in);
	fclose(in);
	text[n] = '\0';
	/* The shipped policy's own tests: replaced by the one wrong example. */
	if (strstr(text, "\ntests:") != NULL)
		n = (size_t)(strstr(text, "\ntests:") - text);
	memcpy(text + n, wrong, strlen(wrong) + 1);
	p = policy_load(text, strlen(text), "wrong.yaml", err, sizeof(err));
	if (p == NULL)
		fail_msg("policy_load: %s", err);
	assert_non_null(fp = open_memstream(&buf, &len));
	rc = policy_test_run(p, "wrong.yaml", fp, 0, &total, err, sizeof(err));
	fclose(fp);
	assert_int_equal(rc, 1);
	assert_int_equal(total, 1);
	assert_non_null(strstr(buf, "wrong.yaml:"));
	free(buf);
	free(text);
	policy_free(p);
}

/* What a mark decides at a target, as `tearline policy decide` prints it. */
static void
test_decide(void **state)
{
	char out[512];

	policy_decide(*state, "UNCLASSIFIED", "(S//NF)", out, sizeof(out));
	assert_true(strncmp(out, "withheld\t", 9) == 0);
	policy_decide(*state, "SECRET", "(C)", out, sizeof(out));
	assert_true(strncmp(out, "released\t", 9) == 0);
	policy_decide(*state, "SECRET//REL TO USA, GBR", "(S//NF)", out, sizeof(out));
	assert_true(strncmp(out, "withheld\t", 9) == 0);
	policy_decide(*state, "UNCLASSIFIED", "(SBUMF)", out, sizeof(out));
	assert_null(strstr(out, "released"));
}

/* The banner that portions roll up to. */
static void
test_rollup(void **state)
{
	char out[512];
	char *marks[] = { "(U)", "(C)", "(S//NF)" };

	policy_rollup(*state, marks, 2, out, sizeof(out));
	assert_string_equal(out, "CONFIDENTIAL");
	policy_rollup(*state, marks, 3, out, sizeof(out));
	assert_string_equal(out, "SECRET//NOFORN");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_examples),
		cmocka_unit_test(test_wrong_example),
		cmocka_unit_test(test_decide),
		cmocka_unit_test(test_rollup),
	};

	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
