/* SPDX-License-Identifier: ISC */
/*
 * test_fold: what the reading rules compare. Each case folds a line and checks the folded text, in
 * ASCII where the rule reads it so: compatibility forms, text decoded twice, overlong forms,
 * characters no rule can read, and where each folded byte came from.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fold.h"

/* Folds s (UTF-8 unless latin1) and checks its ASCII form against want. */
static void
folds_to(const char *s, bool latin1, const char *want)
{
	struct fold f;
	char out[FOLD_MAX + 1];
	size_t n;

	fold_line(s, strlen(s), FOLD_MAX, latin1, &f);
	n = fold_ascii(&f, out);
	out[n] = '\0';
	assert_string_equal(out, want);
}

static void
test_compatibility(void **state)
{
	(void)state;
	/* Full-width brackets and letters, NBSP, a zero-width space, a soft hyphen. */
	folds_to("\xef\xbc\x88S\xef\xbc\x89 x", false, "(S) x");
	folds_to("(\xc2\xa0S)", false, "( S)");
	folds_to("(\xe2\x80\x8bS)", false, "(S)");
	folds_to("(S\xc2\xad)", false, "(S)");
	/* A Cyrillic letter that looks like a Latin one is a letter that cannot be read. */
	folds_to("(\xd0\xa1)", false, "(?)");
	/* Symbols stay symbols: the paragraph sign, a bullet. */
	folds_to("\xc2\xb6" "4. (C)", false, "~4. (C)");
	folds_to("\xe2\x80\xa2 (S)", false, "~ (S)");
}

static void
test_decoded_twice(void **state)
{
	(void)state;
	/* "¶" and "’" written out again after a Latin-1 or CP1252 reading. */
	folds_to("\xc3\x82\xc2\xb6" "2. (S)", false, "~2. (S)");
	folds_to("it\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s", false, "it's");
	/* The same bytes in a Latin-1 line. */
	folds_to("\xc2\xb6" "2. (S)", true, "~2. (S)");
	/* An "Â" before a letter is a letter with a mark no rule reads. */
	folds_to("\xc3\x82" "B", false, "A?B");
}

static void
test_overlong(void **state)
{
	(void)state;
	/*
	 * An overlong form makes its line no UTF-8 (it is read as Latin-1): an overlong bracket is
	 * the bracket, so that a group it opens is read; an overlong letter proves nothing.
	 */
	assert_false(fold_utf8_valid("\xe0\x80\xa8", 3));
	folds_to("x \xe0\x80\xa8S\xe0\x80\xa9 y", true, "x (S) y");
	folds_to("x \xc0\xa8S\xc0\xa9 y", true, "x (S) y");
	folds_to("(\xc1\x95) y", true, "(?) y");
	folds_to("(\xe0\x81\x95) y", true, "(?) y");
	/* In Latin-1 text, "À" before a letter is a letter (with its mark). */
	folds_to("\xc0" "B", true, "A?B");
}

static void
test_unreadable(void **state)
{
	(void)state;
	/* A NUL, a C1 control character: a letter that cannot be read, where it stands. */
	{
		struct fold f;
		char out[16];
		size_t n;

		fold_line("(U\0)", 4, FOLD_MAX, false, &f);
		n = fold_ascii(&f, out);
		assert_int_equal(n, 4);
		assert_memory_equal(out, "(U?)", 4);
		assert_true(f.exotic);
	}
	folds_to("(U\xc2\x85)", false, "(U?)");
}

static void
test_source_offsets(void **state)
{
	struct fold f;
	const char *s = "\xc2\xb6" "4. \xef\xbc\x88" "C\xef\xbc\x89";

	(void)state;
	fold_line(s, strlen(s), FOLD_MAX, false, &f);
	/* "¶4. (C)": the '(' (byte 5 of the folded text) came from bytes 5..8 of the line. */
	assert_non_null(f.at);
	assert_int_equal(f.text[5], '(');
	assert_int_equal(fold_source(&f, 5), 5);
	assert_int_equal(fold_source_end(&f, 5), 8);
	assert_int_equal(fold_source(&f, 6), 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compatibility),
		cmocka_unit_test(test_decoded_twice),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_source_offsets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
