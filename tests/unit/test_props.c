/* SPDX-License-Identifier: ISC */
/*
 * test_props: the properties of tests/props/props.h on generated documents from fixed seeds
 * (the runner build/props and tests/props.test.sh take them to real documents and more seeds).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "policy.h"
#include "props.h"
#include "fixtures.h"

/* Generated documents: (a), (b), (c) and (d) on each, with damage and insertions. */
static void
test_generated(void **state)
{
	const struct policy *p = *state;
	struct props_stats st;
	char err[1024];
	uint64_t seed;

	memset(&st, 0, sizeof(st));
	for (seed = 20261203; seed < 20261203 + 3000; seed++) {
		size_t len;
		char *doc = props_generate(seed, &len);

		assert_non_null(doc);
		if (props_check(p, doc, len, seed, 6, &st, err, sizeof(err)) != 0)
			fail_msg("generated document %llu: %s", (unsigned long long)seed, err);
		free(doc);
	}
	/* The properties were exercised, not skipped. */
	assert_int_equal(st.docs, 3000);
	assert_true(st.damaged > 3000);
	assert_true(st.inserted > 3000 * 5);
}

/* The generator is deterministic: a seed makes one document. */
static void
test_generator_stable(void **state)
{
	size_t a_len, b_len;
	char *a = props_generate(42, &a_len), *b = props_generate(42, &b_len);

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	free(a);
	free(b);
}

/* The seed cable, with damage and insertions from twenty seeds. */
static void
test_seed_cable(void **state)
{
	const struct policy *p = *state;
	struct props_stats st;
	char err[1024];
	FILE *fp = fopen(FIXTURE_SEED, "rb");
	char *buf = calloc(1, 1 << 20);
	size_t n;
	uint64_t s;

	assert_non_null(fp);
	assert_non_null(buf);
	n = fread(buf, 1, (1 << 20) - 128, fp);
	fclose(fp);
	memset(&st, 0, sizeof(st));
	for (s = 1; s <= 20; s++)
		if (props_check(p, buf, n, s, 10, &st, err, sizeof(err)) != 0)
			fail_msg("seed cable, seed %llu: %s", (unsigned long long)s, err);
	assert_true(st.damaged > 0);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generator_stable),
		cmocka_unit_test(test_seed_cable),
		cmocka_unit_test(test_generated),
	};

	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
