/* SPDX-License-Identifier: ISC */
/*
 * test_check: the findings of `tearline check` on small documents: one decision a portion, in
 * line order, with the lints of its mark, the counts, what "passes" means with and without
 * --strict, the words of the messages for unmarked text, and the rule table SARIF is built from.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "check.h"
#include "document.h"
#include "marking.h"
#include "policy.h"

#include "fixtures.h"

/* Checks text against target into d and res; the test fails if either step does. */
static void
check(const struct policy *p, const char *text, const char *target, struct document *d,
    struct check_result *res)
{
	struct marking t;
	char err[512] = "";

	if (marking_parse_target(p, target, &t, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	if (document_parse(p, text, strlen(text), "t", d, err, sizeof(err)) != 0)
		fail_msg("document_parse: %s", err);
	if (check_document(p, d, &t, NULL, res, err, sizeof(err)) != 0)
		fail_msg("check_document: %s", err);
}

static void
done(struct document *d, struct check_result *res)
{
	check_result_free(res);
	document_free(d);
}

/* The finding of rule `rule` on line `line`, or NULL. */
static const struct check_finding *
finding(const struct check_result *res, const char *rule, size_t line)
{
	size_t k;

	for (k = 0; k < res->nfindings; k++)
		if (strcmp(res->findings[k].rule, rule) == 0 && res->findings[k].line == line)
			return &res->findings[k];
	return NULL;
}

/* The fixture cable at UNCLASSIFIED: the S/NF paragraph withheld, the subject and (U) kept. */
static void
test_decisions(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct check_result res;
	const struct check_finding *f;
	size_t k;

	check(p, FIXTURE_CABLE, "UNCLASSIFIED", &d, &res);
	assert_int_equal(res.kept, 2);
	assert_int_equal(res.withheld, 1);
	assert_int_equal(res.errors, 1);
	assert_int_equal(res.rollup.level, 0);
	f = finding(&res, "portion-withheld", 7);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_ERROR);
	assert_string_equal(f->decision, "withheld");
	assert_int_equal(f->column, 4);
	assert_string_equal(f->message, "withheld: (S/NF) is above UNCLASSIFIED");
	assert_string_equal(f->marking, "SECRET//NOFORN");
	f = finding(&res, "portion-kept", 9);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_NOTE);
	assert_string_equal(f->message, "kept: (U) is not above UNCLASSIFIED");
	assert_non_null(finding(&res, "portion-kept", 5));
	/* In line order, and every decision names its portion. */
	for (k = 1; k < res.nfindings; k++)
		assert_true(res.findings[k - 1].line <= res.findings[k].line);
	for (k = 0; k < res.nfindings; k++)
		if (res.findings[k].decision != NULL)
			assert_true(res.findings[k].portion < d.nportions);
	assert_false(check_passes(&res, false));
	done(&d, &res);

	/* At SECRET//NOFORN all of it is kept, and a release would be so marked. */
	check(p, FIXTURE_CABLE, "SECRET//NOFORN", &d, &res);
	assert_int_equal(res.withheld, 0);
	assert_int_equal(res.errors, 0);
	assert_true(check_passes(&res, false));
	assert_string_equal(p->levels[res.rollup.level].name, "SECRET");
	done(&d, &res);
}

/* Warnings decide "passes" only with --strict. */
static void
test_strict(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct check_result res;

	check(p, "SECRET\n\n1. (S) The plan.\n\n2. Unmarked words here.\n\nSECRET\n", "SECRET", &d,
	    &res);
	assert_int_equal(res.errors, 0);
	assert_true(res.warnings >= 1);
	assert_non_null(finding(&res, "unmarked-text", 5));
	assert_true(check_passes(&res, false));
	assert_false(check_passes(&res, true));
	done(&d, &res);
}

/* What unmarked text takes, in words: the banner's, the document's, or unknown. */
static void
test_unmarked_words(void **state)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "SECRET\n\n1. (S) The plan.\n\n2. Unmarked words here.\n",
		  "text has no portion mark and takes the banner's marking SECRET" },
		{ "CONFIDENTIAL\n\n1. (S) The plan.\n\n2. Unmarked words here.\n",
		  "text has no portion mark and takes the document's marking SECRET (its banner "
		  "raised to the marks and captions in it)" },
		{ "SECRET//NOFORN\n\n1. (S//ZZ) The plan.\n\n2. Unmarked words here.\n",
		  "text has no portion mark and takes the document's marking unknown (\"ZZ\"), "
		  "since a mark in the document cannot be read" },
		{ "1. (U) The plan.\n\n2. Unmarked words here.\n",
		  "text has no portion mark and no banner gives it a marking" },
	};
	const struct policy *p = *state;
	struct document d;
	struct check_result res;
	size_t k, j;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		const struct check_finding *f;

		check(p, cases[k].text, "UNCLASSIFIED", &d, &res);
		f = finding(&res, "unmarked-text", k == 3 ? 3 : 5);
		assert_non_null(f);
		assert_string_equal(f->message, cases[k].message);
		/* No withheld reason has a comma before its colon. */
		for (j = 0; j < res.nfindings; j++)
			assert_null(strstr(res.findings[j].message, ",:"));
		done(&d, &res);
	}
}

/* The lints of a mark: an unknown token, quoted; NOFORN with REL TO. */
static void
test_mark_lints(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct check_result res;
	const struct check_finding *f;

	check(p, "SECRET\n\n1. (S//ZZ) The plan.\n\n2. (S//NF//REL TO USA, GBR) Two.\n", "SECRET",
	    &d, &res);
	f = finding(&res, "unknown-token", 3);
	assert_non_null(f);
	assert_int_equal(f->severity, SEVERITY_ERROR);
	assert_int_equal(f->column, 4);
	assert_string_equal(f->message, "unknown token \"ZZ\" in (S//ZZ)");
	f = finding(&res, "noforn-with-rel", 5);
	assert_non_null(f);
	assert_non_null(strstr(f->message, "NOFORN with REL TO"));
	/* Both are withheld, at every target. */
	assert_string_equal(finding(&res, "portion-withheld", 3)->decision, "withheld");
	assert_string_equal(finding(&res, "portion-withheld", 5)->decision, "withheld");
	done(&d, &res);
}

/* Every rule has its words for SARIF: a description, help, and a level SARIF knows. */
static void
test_rule_table(void **state)
{
	size_t k;

	(void)state;
	for (k = 0; check_rules[k] != NULL; k++) {
		const char *level = check_rule_level(check_rules[k]);

		assert_non_null(check_rule_description(check_rules[k]));
		assert_true(strlen(check_rule_description(check_rules[k])) > 10);
		assert_non_null(check_rule_help(check_rules[k]));
		assert_non_null(level);
		assert_true(strcmp(level, "error") == 0 || strcmp(level, "warning") == 0 ||
		    strcmp(level, "note") == 0);
	}
	assert_true(k >= 8);
	assert_string_equal(check_rule_description("no-such-rule"), "");
}

/* What a sink is handed: every finding, in order, copied. */
struct collected {
	struct check_finding f[64];
	size_t n;
};

static int
collect(void *ctx, const struct check_finding *f)
{
	struct collected *c = ctx;

	if (c->n == sizeof(c->f) / sizeof(c->f[0]))
		return -1;
	c->f[c->n++] = *f;
	return 0;
}

/*
 * A document read in two passes through a window (a budget of one byte) and checked as it is
 * read again gives the findings, counts and roll-up of the same document read whole, findings
 * handed on in the same order, each whole (a decision's end line, a banner's columns).
 */
static void
test_streamed(void **state)
{
	static const char banner_last[] = "1. (S//NF) The walrus.\nIt goes on.\n\n2. Unmarked "
	    "text.\n\nSECRET//NOFORN\n";
	const char *texts[] = { FIXTURE_CABLE, banner_last };
	const struct policy *p = *state;
	size_t i, k;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct document whole, streamed;
		struct check_result a, b;
		struct collected got = { .n = 0 };
		struct check_sink sink = { collect, &got, NULL };
		struct marking t;
		char err[512] = "";

		check(p, texts[i], "UNCLASSIFIED", &whole, &a);
		assert_int_equal(marking_parse_target(p, "UNCLASSIFIED", &t, err, sizeof(err)), 0);
		if (document_read(p, NULL, texts[i], strlen(texts[i]), "t", 1, 64, &streamed, err,
		    sizeof(err)) != 0)
			fail_msg("document_read: %s", err);
		assert_true(streamed.streamed);
		if (check_stream_read(p, NULL, &streamed, "t", &t, &sink, &b, err,
		    sizeof(err)) != 0)
			fail_msg("check_stream_read: %s", err);
		assert_int_equal(got.n, a.nfindings);
		for (k = 0; k < got.n; k++) {
			assert_string_equal(got.f[k].rule, a.findings[k].rule);
			assert_int_equal(got.f[k].line, a.findings[k].line);
			assert_int_equal(got.f[k].end_line, a.findings[k].end_line);
			assert_int_equal(got.f[k].column, a.findings[k].column);
			assert_int_equal(got.f[k].char_column, a.findings[k].char_column);
			assert_string_equal(got.f[k].message, a.findings[k].message);
			assert_string_equal(got.f[k].marking, a.findings[k].marking);
		}
		assert_int_equal(b.errors, a.errors);
		assert_int_equal(b.warnings, a.warnings);
		assert_int_equal(b.kept, a.kept);
		assert_int_equal(b.withheld, a.withheld);
		assert_true(marking_identical(&b.rollup, &a.rollup));
		check_result_free(&b);
		document_free(&streamed);
		done(&whole, &a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_strict),
		cmocka_unit_test(test_unmarked_words),
		cmocka_unit_test(test_mark_lints),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_streamed),
	};

	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
