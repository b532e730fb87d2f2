/* SPDX-License-Identifier: ISC */
/*
 * test_report: the writers of `tearline check` on a small cable, each into memory: the text
 * report's line format and colour, the JSON report's shape (read back with jansson), SARIF's
 * results and rules, and the HTML page's content policy, banners, release column and steps.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "check.h"
#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "report.h"

#include "fixtures.h"

/* One checked document and the options to report it with. */
struct fixture {
	struct policy *p;
	struct marking target;
	struct document d;
	struct check_result res;
	struct report_doc rd;
	struct report_options o;
};

static int
setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	char err[POLICY_ERRLEN];

	if (fx == NULL || (fx->p = policy_load_default(err, sizeof(err))) == NULL ||
	    marking_parse_target(fx->p, "UNCLASSIFIED", &fx->target, err, sizeof(err)) != 0 ||
	    document_parse(fx->p, FIXTURE_CABLE, strlen(FIXTURE_CABLE), "cable.txt", &fx->d, err,
	    sizeof(err)) != 0 ||
	    check_document(fx->p, &fx->d, &fx->target, NULL, &fx->res, err, sizeof(err)) != 0)
		return -1;
	fx->rd.name = "cable.txt";
	fx->rd.doc = &fx->d;
	fx->rd.res = &fx->res;
	fx->o.policy = fx->p;
	fx->o.target = "UNCLASSIFIED";
	fx->o.version = "test";
	fx->o.release = &fx->target;
	fx->o.mode = MODE_MASK;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	check_result_free(&fx->res);
	document_free(&fx->d);
	policy_free(fx->p);
	free(fx);
	return 0;
}

/* The report in format f, as a string the caller frees. */
static char *
report_of(struct fixture *fx, enum report_format f)
{
	char *buf = NULL, err[256];
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	if (report_write(fp, f, &fx->rd, 1, &fx->o, err, sizeof(err)) != 0)
		fail_msg("report_write: %s", err);
	fclose(fp);
	return buf;
}

/* The report in format f (JSON or SARIF), read back with jansson; the caller decrefs it. */
static json_t *
report_json(struct fixture *fx, enum report_format f)
{
	char *out = report_of(fx, f);
	json_error_t je;
	json_t *j = json_loads(out, 0, &je);

	if (j == NULL)
		fail_msg("the report is no JSON: %s", je.text);
	free(out);
	return j;
}

static void
test_formats(void **state)
{
	enum report_format f;

	(void)state;
	assert_int_equal(report_format_parse("text", &f), 0);
	assert_int_equal(f, FORMAT_TEXT);
	assert_int_equal(report_format_parse("sarif", &f), 0);
	assert_int_equal(f, FORMAT_SARIF);
	assert_int_equal(report_format_parse("html", &f), 0);
	assert_int_equal(f, FORMAT_HTML);
	assert_int_equal(report_format_parse("xml", &f), -1);
}

/* "FILE:LINE:COL: severity: rule: message [marking]", a summary line, colour only if asked. */
static void
test_text(void **state)
{
	struct fixture *fx = *state;
	char *out = report_of(fx, FORMAT_TEXT);

	assert_non_null(strstr(out, "cable.txt:7:4: error: portion-withheld: withheld: (S/NF) is "
	    "above UNCLASSIFIED [SECRET//NOFORN]\n"));
	assert_non_null(strstr(out, "cable.txt: 2 kept, 1 withheld, 1 error, 0 warnings: "));
	assert_null(strstr(out, "portion-kept"));
	assert_null(strchr(out, '\033'));
	free(out);
	fx->o.colour = true;
	fx->o.notes = true;
	out = report_of(fx, FORMAT_TEXT);
	assert_non_null(strstr(out, "\033[1;31merror\033[0m: portion-withheld"));
	assert_non_null(strstr(out, "cable.txt:9:4: \033[32mnote\033[0m: portion-kept"));
	free(out);
	fx->o.colour = fx->o.notes = false;
}

/*
 * A report streamed as check_document makes the findings is the report of the stored findings,
 * in every format but HTML; a document given up half way (its check begun, never ended) leaves
 * nothing in it.
 */
static void
test_stream(void **state)
{
	static const enum report_format formats[] = { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };
	struct fixture *fx = *state;
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *want = report_of(fx, formats[i]), *buf = NULL, err[256];
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		struct report_stream *rs = report_begin(fp, formats[i], &fx->o, err, sizeof(err));
		struct check_result res;

		assert_non_null(rs);
		/* A document given up: its findings are forgotten by the next one's start. */
		assert_int_equal(report_doc_begin(rs, "cable.txt", err, sizeof(err)), 0);
		assert_int_equal(check_document(fx->p, &fx->d, &fx->target, report_sink(rs), &res,
		    err, sizeof(err)), 0);
		check_result_free(&res);
		assert_int_equal(report_doc_begin(rs, "cable.txt", err, sizeof(err)), 0);
		assert_int_equal(check_document(fx->p, &fx->d, &fx->target, report_sink(rs), &res,
		    err, sizeof(err)), 0);
		assert_int_equal(res.nfindings, 0);
		assert_int_equal(res.errors, fx->res.errors);
		assert_int_equal(report_doc_end(rs, &res, err, sizeof(err)), 0);
		assert_int_equal(report_end(rs, err, sizeof(err)), 0);
		report_stream_free(rs);
		check_result_free(&res);
		fclose(fp);
		assert_string_equal(buf, want);
		free(buf);
		free(want);
	}
}

/* JSON: the schema version, the file, its counts, and every finding with its fields. */
static void
test_json(void **state)
{
	struct fixture *fx = *state;
	json_t *j = report_json(fx, FORMAT_JSON), *file, *findings;
	size_t k;

	assert_int_equal(json_integer_value(json_object_get(j, "schema")), REPORT_SCHEMA_VERSION);
	file = json_array_get(json_object_get(j, "files"), 0);
	assert_string_equal(json_string_value(json_object_get(file, "file")), "cable.txt");
	findings = json_object_get(file, "findings");
	assert_int_equal(json_array_size(findings), fx->res.nfindings);
	for (k = 0; k < json_array_size(findings); k++) {
		json_t *f = json_array_get(findings, k);

		assert_int_equal(json_integer_value(json_object_get(f, "line")),
		    fx->res.findings[k].line);
		assert_string_equal(json_string_value(json_object_get(f, "rule")),
		    fx->res.findings[k].rule);
	}
	json_decref(j);
}

/* SARIF 2.1.0: one result per finding (kept portions as notes), every rule described. */
static void
test_sarif(void **state)
{
	struct fixture *fx = *state;
	json_t *j = report_json(fx, FORMAT_SARIF), *run, *rules;
	size_t k;

	assert_string_equal(json_string_value(json_object_get(j, "version")), "2.1.0");
	run = json_array_get(json_object_get(j, "runs"), 0);
	assert_int_equal(json_array_size(json_object_get(run, "results")), fx->res.nfindings);
	rules = json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
	assert_true(json_array_size(rules) >= 8);
	for (k = 0; k < json_array_size(rules); k++) {
		json_t *r = json_array_get(rules, k);

		assert_non_null(json_object_get(r, "fullDescription"));
		assert_non_null(json_object_get(r, "defaultConfiguration"));
	}
	json_decref(j);
}

/*
 * HTML: a content policy that allows nothing, the original's banner at top and bottom, the
 * release column with the placeholder, a step for the one withheld portion, and no withheld
 * text outside the original column.
 */
static void
test_html(void **state)
{
	struct fixture *fx = *state;
	char *out = report_of(fx, FORMAT_HTML), *rel;

	assert_non_null(strstr(out, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
	assert_non_null(strstr(out, "<div class=\"banner\" id=\"banner-top\">SECRET//NOFORN</div>"));
	assert_non_null(strstr(out, "<div class=\"banner\" id=\"banner-bottom\">SECRET//NOFORN"
	    "</div>"));
	assert_non_null(strstr(out, "@top-center{content:\"SECRET//NOFORN\""));
	assert_non_null(strstr(out, "<th scope=\"row\" id=\"d0-L7\">7</th>"));
	assert_non_null(strstr(out, "<p class=\"step\" id=\"d0-w1\">withheld 1 of 1 </p>"));
	assert_non_null(strstr(out, "<a href=\"#d0-w1\">1</a>"));
	/* Line 7's release is its placeholder; the withheld words stand once, as the original. */
	rel = strstr(out, "id=\"d0-L7\"");
	assert_non_null(rel);
	rel = strstr(rel, "<td class=\"text rel\">");
	assert_non_null(rel);
	assert_memory_equal(rel + strlen("<td class=\"text rel\">"), "1. (U) [WITHHELD",
	    strlen("1. (U) [WITHHELD"));
	rel = strstr(out, "old harbour");
	assert_non_null(rel);
	assert_null(strstr(rel + 1, "old harbour"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_sarif),
		cmocka_unit_test(test_html),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
