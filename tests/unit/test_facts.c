/* SPDX-License-Identifier: ISC */
/*
 * test_facts: the store of what the reader keeps of every portion reads back every value it was
 * given, whatever the order of appends and rewrites (against a plain array, over random runs),
 * and keeps blocks of few values small: a million values that alternate take a block's record,
 * a block of three or four values a palette, one of more every value, and a block rewritten to
 * fewer values shrinks back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "facts.h"

static uint64_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* Every value of f is want[0..n). */
static void
same(const struct facts *f, const uint32_t *want, size_t n)
{
	size_t k;

	assert_int_equal(f->n, n);
	for (k = 0; k < n; k++)
		if (facts_get(f, k) != want[k])
			fail_msg("value %zu is %u, not %u", k, facts_get(f, k), want[k]);
}

/*
 * Random runs: values drawn from a few (so that blocks of one, two, up to four and more values
 * all occur),
 * appended in runs and rewritten at random places, forward and back (as settle_markings does).
 */
static void
test_random(void **state)
{
	uint64_t s = 0x9E3779B97F4A7C15ull;
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		size_t n = next(&s) % 3000, k, kinds = 1 + next(&s) % 8;
		uint32_t *want = calloc(n + 1, sizeof(*want));
		struct facts f;

		assert_non_null(want);
		memset(&f, 0, sizeof(f));
		for (k = 0; k < n; k++) {
			want[k] = next(&s) % 4 == 0 ? (uint32_t)(next(&s) % kinds) :
			    k > 0 ? want[k - 1] : 7;
			assert_int_equal(facts_set(&f, k, want[k]), 0);
		}
		same(&f, want, n);
		for (k = 0; k < n; k++) {
			size_t at = next(&s) % 2 ? k : n - 1 - k;

			want[at] = (uint32_t)(next(&s) % (kinds + 1)) + 100;
			assert_int_equal(facts_set(&f, at, want[at]), 0);
			if (next(&s) % 64 == 0)
				same(&f, want, n);
		}
		same(&f, want, n);
		/* Past the end is refused, and changes nothing. */
		assert_int_equal(facts_set(&f, n + 1, 5), -1);
		same(&f, want, n);
		facts_free(&f);
		free(want);
	}
	facts_free(NULL);
}

static void
test_small(void **state)
{
	struct facts f;
	size_t k, n = 1000000;

	(void)state;
	memset(&f, 0, sizeof(f));
	/* Two values alternating: no block keeps every value. */
	for (k = 0; k < n; k++)
		assert_int_equal(facts_set(&f, k, k % 2 ? 0x1234 : 0x5678), 0);
	assert_int_equal(f.expanded, 0);
	assert_true(facts_bytes(&f) <= 2 * (n / FACTS_BLOCK + 1) * sizeof(struct facts_block));
	/* Rewritten as settling does, from the first to the last: two values again. */
	for (k = 0; k < n; k++)
		assert_int_equal(facts_set(&f, k, k % 2 ? 0xAAAA : 0xBBBB), 0);
	assert_int_equal(f.expanded, 0);
	/* ... and from the last back to the first. */
	for (k = n; k-- > 0;)
		assert_int_equal(facts_set(&f, k, k % 2 ? 0x1 : 0x2), 0);
	assert_int_equal(f.expanded, 0);
	for (k = 0; k < n; k++)
		assert_int_equal(facts_get(&f, k), k % 2 ? 0x1 : 0x2);
	facts_free(&f);

	/*
	 * Three values in a block: a palette; five: every value. Each shrinks when it is rewritten
	 * to fewer.
	 */
	memset(&f, 0, sizeof(f));
	for (k = 0; k < 3 * FACTS_BLOCK; k++)
		assert_int_equal(facts_set(&f, k, k < 2 * FACTS_BLOCK ? k % 3 : k % 5), 0);
	assert_int_equal(f.paletted, 2);
	assert_int_equal(f.expanded, 1);
	assert_int_equal(facts_bytes(&f), f.cap * sizeof(struct facts_block) +
	    2 * sizeof(struct facts_palette) + FACTS_BLOCK * sizeof(uint32_t));
	for (k = 0; k < FACTS_BLOCK; k++)
		assert_int_equal(facts_set(&f, k, k % 2), 0);
	assert_int_equal(f.paletted, 1);
	for (k = 2 * FACTS_BLOCK; k < 3 * FACTS_BLOCK; k++)
		assert_int_equal(facts_set(&f, k, k % 4), 0);
	assert_int_equal(f.paletted, 2);
	assert_int_equal(f.expanded, 0);
	/* A new value takes a palette slot that no other entry uses. */
	for (k = FACTS_BLOCK; k < 2 * FACTS_BLOCK; k++)
		assert_int_equal(facts_set(&f, k, k % 3 == 2 ? 9 : k % 3), 0);
	assert_int_equal(f.paletted, 2);
	for (k = 0; k < 3 * FACTS_BLOCK; k++)
		assert_int_equal(facts_get(&f, k), k < FACTS_BLOCK ? k % 2 :
		    k < 2 * FACTS_BLOCK ? (k % 3 == 2 ? 9 : k % 3) : k % 4);
	facts_free(&f);
	assert_int_equal(f.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_small),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
