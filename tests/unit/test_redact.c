/* SPDX-License-Identifier: ISC */
/*
 * test_redact: the redaction engine on small documents. Each mode's output byte for byte, the
 * re-marking of banner, routing, caption and authority lines, the decisions, and the change
 * records: their kinds and line ranges, and spans that agree with the bytes on both sides.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"

#include "fixtures.h"

#define SEED FIXTURE_SEED

/*
 * Every change is in document order, its input span is exactly its lines, and between two
 * changes the output is the input unchanged: the change list explains the whole difference.
 */
static void
assert_changes_consistent(const struct document *d, const struct redact_result *res)
{
	size_t k, in_pos = 0, out_pos = 0;

	for (k = 0; k < res->nchanges; k++) {
		const struct redact_change *c = &res->changes[k];
		const struct doc_line *first, *last;

		assert_true(c->line_first >= 1 && c->line_first <= c->line_last);
		assert_true(c->line_last <= d->nlines);
		first = &d->lines[c->line_first - 1];
		last = &d->lines[c->line_last - 1];
		assert_int_equal(c->in_start, first->off);
		assert_int_equal(c->in_end, last->off + last->len + last->eol);
		assert_true(c->out_start <= c->out_end && c->out_end <= res->out_len);
		assert_true(c->in_start >= in_pos);
		assert_true(c->out_start >= out_pos);
		/* The bytes between this change and the one before are copied as they were. */
		assert_int_equal(c->in_start - in_pos, c->out_start - out_pos);
		if (c->in_start > in_pos)
			assert_memory_equal(d->data + in_pos, res->out + out_pos,
			    c->in_start - in_pos);
		if (c->kind == CHANGE_WITHHELD) {
			assert_true(c->portion < d->nportions);
			/* A run of the portion's own lines, cut only by structure lines. */
			assert_true(c->line_first - 1 >= d->portions[c->portion].first);
			assert_true(c->line_last - 1 <= d->portions[c->portion].last);
			assert_int_not_equal(c->rule, RULE_RELEASED);
			assert_non_null(c->exemption);
			assert_true(redact_decision(res, d, c->portion)->why[0] != '\0');
		} else {
			assert_int_equal(c->portion, DOC_NONE);
			assert_int_equal(c->line_first, c->line_last);
		}
		in_pos = c->in_end;
		out_pos = c->out_end;
	}
	assert_int_equal(d->len - in_pos, res->out_len - out_pos);
	if (d->len > in_pos)
		assert_memory_equal(d->data + in_pos, res->out + out_pos, d->len - in_pos);
}

/* Redacts text for target in mode, checks the change list, and compares the output. */
static void
run(const struct policy *p, const char *text, const char *target, enum redact_mode mode,
    const char *want, struct document *d, struct redact_result *res)
{
	struct marking t;
	char err[512] = "";

	if (marking_parse_target(p, target, &t, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	if (document_parse(p, text, strlen(text), "t", d, err, sizeof(err)) != 0)
		fail_msg("document_parse: %s", err);
	if (redact_run(p, d, &t, mode, res, err, sizeof(err)) != 0)
		fail_msg("redact_run: %s", err);
	if (want != NULL && (res->out_len != strlen(want) ||
	    (res->out_len > 0 && memcmp(res->out, want, res->out_len) != 0)))
		fail_msg("%s release in %s mode:\n--- got\n%.*s--- wanted\n%s---", target,
		    redact_mode_name(mode), (int)res->out_len, res->out, want);
	assert_changes_consistent(d, res);
}

static void
done(struct document *d, struct redact_result *res)
{
	redact_result_free(res);
	document_free(d);
}

static const char cable[] =
    "VZCZCXRO1193\n"				/* 1 */
    "ZNY CCCCC ZZH\n"				/* 2 */
    "CONFIDENTIAL//NOFORN\n"			/* 3 */
    "NOFORN\n"					/* 4 */
    "SIPDIS\n"					/* 5 */
    "\n"					/* 6 */
    "E.O. 12958: DECL: 11/06/2017\n"		/* 7 */
    "TAGS: PREL\n"				/* 8 */
    "SUBJECT: (U) Lunch\n"			/* 9 */
    "Classified By: Amb for reasons 1.4 (b)\n"	/* 10 */
    "\n"					/* 11 */
    "1. (C) Secret walrus one\n"		/* 12 */
    "continues here.\n"				/* 13 */
    "\n"					/* 14 */
    "2. (U) Public text.\n"			/* 15 */
    "\n"					/* 16 */
    "3. (C) Secret walrus two.\n"		/* 17 */
    "CONFIDENTIAL//NOFORN\n";			/* 18 */

static const char cable_head_u[] =
    "VZCZCXRO1193\n"
    "ZNR UUUUU ZZH\n"
    "UNCLASSIFIED\n"
    "SIPDIS\n"
    "\n"
    "E.O. 12958: N/A\n"
    "TAGS: PREL\n"
    "SUBJECT: (U) Lunch\n"
    "\n";

static void
test_mask(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;
	char want[1024];
	static const struct {
		enum change_kind kind;
		size_t first, last;
	} changes[] = {
		{ CHANGE_REMARKED, 2, 2 }, { CHANGE_REMARKED, 3, 3 }, { CHANGE_CAPTION, 4, 4 },
		{ CHANGE_AUTHORITY, 7, 7 }, { CHANGE_AUTHORITY, 10, 10 },
		{ CHANGE_WITHHELD, 12, 14 }, { CHANGE_WITHHELD, 17, 17 }, { CHANGE_REMARKED, 18, 18 },
	};
	size_t k;

	snprintf(want, sizeof(want), "%s%s", cable_head_u,
	    "1. (U) [WITHHELD (b)(1)]\n"
	    "\n"
	    "2. (U) Public text.\n"
	    "\n"
	    "3. (U) [WITHHELD (b)(1)]\n"
	    "UNCLASSIFIED\n");
	run(p, cable, "UNCLASSIFIED", MODE_MASK, want, &d, &res);
	assert_int_equal(res.nchanges, sizeof(changes) / sizeof(changes[0]));
	for (k = 0; k < res.nchanges; k++) {
		assert_int_equal(res.changes[k].kind, changes[k].kind);
		assert_int_equal(res.changes[k].line_first, changes[k].first);
		assert_int_equal(res.changes[k].line_last, changes[k].last);
	}
	/* The withheld paragraph's output span is its placeholder and the blank line kept. */
	assert_int_equal(res.changes[5].out_end - res.changes[5].out_start,
	    strlen("1. (U) [WITHHELD (b)(1)]\n\n"));
	assert_memory_equal(res.out + res.changes[5].out_start, "1. (U) [WITHHELD (b)(1)]\n\n",
	    res.changes[5].out_end - res.changes[5].out_start);
	assert_int_equal(res.changes[5].rule, RULE_LEVEL);
	assert_string_equal(res.changes[5].exemption, "(b)(1)");
	/* A removed line has an empty output span. */
	assert_int_equal(res.changes[2].out_start, res.changes[2].out_end);
	assert_int_equal(res.changes[4].out_start, res.changes[4].out_end);
	/* Decisions: SUBJECT and paragraph 2 released, paragraphs 1 and 3 withheld. */
	assert_int_equal(d.nportions, 4);
	assert_int_equal(res.released, 2);
	assert_int_equal(res.withheld, 2);
	assert_int_equal(redact_decision(&res, &d, 0)->rule, RULE_RELEASED);
	assert_int_equal(redact_decision(&res, &d, 1)->rule, RULE_LEVEL);
	assert_int_equal(redact_decision(&res, &d, 2)->rule, RULE_RELEASED);
	assert_int_equal(redact_decision(&res, &d, 3)->rule, RULE_LEVEL);
	assert_int_equal(res.rollup.level, 0);
	assert_int_equal(res.rollup.fd, FD_NONE);
	done(&d, &res);
}

static void
test_strip(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;
	char want[1024];
	size_t k, nwithheld = 0;

	snprintf(want, sizeof(want), "%s%s", cable_head_u,
	    "2. (U) Public text.\n"
	    "\n"
	    "UNCLASSIFIED\n");
	run(p, cable, "UNCLASSIFIED", MODE_STRIP, want, &d, &res);
	for (k = 0; k < res.nchanges; k++) {
		if (res.changes[k].kind != CHANGE_WITHHELD)
			continue;
		nwithheld++;
		assert_int_equal(res.changes[k].out_start, res.changes[k].out_end);
	}
	assert_int_equal(nwithheld, 2);
	done(&d, &res);
}

static void
test_blackout(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;
	char want[1024];

	snprintf(want, sizeof(want), "%s%s", cable_head_u,
	    "1. XXX XXXXXX XXXXXX XXX\n"
	    "XXXXXXXXX XXXXX\n"
	    "\n"
	    "2. (U) Public text.\n"
	    "\n"
	    "3. XXX XXXXXX XXXXXX XXXX\n"
	    "UNCLASSIFIED\n");
	run(p, cable, "UNCLASSIFIED", MODE_BLACKOUT, want, &d, &res);
	/* Blackout keeps the shape: the same number of lines as the original. */
	assert_int_equal(res.changes[5].out_end - res.changes[5].out_start,
	    res.changes[5].in_end - res.changes[5].in_start);
	done(&d, &res);

	/* One X per character in UTF-8; tabs and spaces stay. */
	run(p, "SECRET\n1. (S) caf\xC3\xA9\tna\xC3\xAFve\n", "U", MODE_BLACKOUT,
	    "UNCLASSIFIED\n1. XXX XXXX\tXXXXX\n", &d, &res);
	done(&d, &res);
	/* One X per byte in Latin-1, and CRLF line ends kept. */
	run(p, "SECRET\r\n\xB6" "1. (S) caf\xE9 ok\r\n", "U", MODE_BLACKOUT,
	    "UNCLASSIFIED\r\n\xB6" "1. XXX XXXX XX\r\n", &d, &res);
	done(&d, &res);
}

static void
test_everything_released(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;

	/* A target that may see everything gets the document back unchanged. */
	run(p, cable, "CONFIDENTIAL", MODE_MASK, cable, &d, &res);
	assert_int_equal(res.nchanges, 0);
	assert_int_equal(res.withheld, 0);
	assert_int_equal(res.rollup.level, 1);
	assert_int_equal(res.rollup.fd, FD_NOFORN);
	done(&d, &res);
	run(p, cable, "TOP SECRET", MODE_BLACKOUT, cable, &d, &res);
	assert_int_equal(res.nchanges, 0);
	done(&d, &res);
}

static void
test_rel_banner(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;
	static const char text[] =
	    "SECRET//NOFORN\n"
	    "1. (S//REL TO USA, GBR) For the British.\n"
	    "2. (S//NF) For Americans.\n"
	    "3. (S//REL TO USA, FVEY) For the five.\n"
	    "4. (U//FOUO) For officials.\n"
	    "SECRET//NOFORN\n";

	run(p, text, "SECRET//REL TO USA, GBR", MODE_MASK,
	    "SECRET//REL TO USA, GBR\n"
	    "1. (S//REL TO USA, GBR) For the British.\n"
	    "2. (U) [WITHHELD (b)(1)]\n"
	    "3. (S//REL TO USA, FVEY) For the five.\n"
	    "4. (U) [WITHHELD (b)(5)]\n"
	    "SECRET//REL TO USA, GBR\n", &d, &res);
	assert_int_equal(redact_decision(&res, &d, 1)->rule, RULE_NOFORN);
	assert_int_equal(redact_decision(&res, &d, 3)->rule, RULE_US_ONLY);
	done(&d, &res);

	run(p, text, "SECRET//REL TO USA, FRA", MODE_STRIP,
	    "UNCLASSIFIED\n"
	    "UNCLASSIFIED\n", &d, &res);
	assert_int_equal(redact_decision(&res, &d, 0)->rule, RULE_REL_COUNTRY);
	assert_int_equal(res.released, 0);
	done(&d, &res);

	/* A NOFORN caption covers the REL TO paragraph too. */
	run(p, "SECRET\nNOFORN\n1. (S//REL TO USA, GBR) For the British.\n2. (U) Public.\n",
	    "SECRET//REL TO USA, GBR", MODE_MASK,
	    "UNCLASSIFIED\n1. (U) [WITHHELD (b)(1)]\n2. (U) Public.\n", &d, &res);
	assert_int_equal(redact_decision(&res, &d, 0)->rule, RULE_NOFORN);
	done(&d, &res);
}

static void
test_spaced_banner(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;

	run(p, "S E C R E T SECTION 01 OF 04 MUSCAT 001065\n1. (S) Hidden.\n2. (C) Shown.\n",
	    "C", MODE_MASK,
	    "C O N F I D E N T I A L SECTION 01 OF 04 MUSCAT 001065\n"
	    "1. (U) [WITHHELD (b)(1)]\n2. (C) Shown.\n", &d, &res);
	assert_int_equal(res.changes[0].kind, CHANGE_REMARKED);
	assert_int_equal(res.changes[0].line_first, 1);
	done(&d, &res);
	run(p, "S E C R E T SECTION 01 OF 04 MUSCAT 001065\n1. (S) Hidden.\n2. (U) Shown.\n",
	    "U", MODE_MASK,
	    "UNCLAS SECTION 01 OF 04 MUSCAT 001065\n"
	    "1. (U) [WITHHELD (b)(1)]\n2. (U) Shown.\n", &d, &res);
	done(&d, &res);
}

static void
test_unmarked(void **state)
{
	const struct policy *p = *state;
	struct document d;
	struct redact_result res;

	/* No banner, no marks: the whole document is withheld. */
	run(p, "Dear colleague,\nthe plan is secret.\n", "TOP SECRET", MODE_MASK,
	    "(U) [WITHHELD (b)(1)]\n", &d, &res);
	assert_int_equal(redact_decision(&res, &d, 0)->rule, RULE_UNMARKED);
	assert_int_equal(res.withheld, 1);
	done(&d, &res);
	run(p, "Dear colleague,\nthe plan is secret.\n", "TOP SECRET", MODE_STRIP, "", &d, &res);
	done(&d, &res);

	/* Unmarked text before any mark, with no banner. */
	run(p, "The plan.\n1. (U) Public.\n", "TOP SECRET", MODE_MASK,
	    "(U) [WITHHELD (b)(1)]\n1. (U) Public.\n", &d, &res);
	assert_int_equal(redact_decision(&res, &d, 0)->rule, RULE_UNMARKED);
	assert_int_equal(redact_decision(&res, &d, 1)->rule, RULE_RELEASED);
	done(&d, &res);
}

static void
test_seed(void **state)
{
	const struct policy *p = *state;
	/*
	 * Every target, including UNCLASSIFIED and a foreign one, where the authority line stands
	 * inside the withheld SUBJECT portion and cuts it into two runs.
	 */
	static const char *const targets[] = { "UNCLASSIFIED", "CONFIDENTIAL", "SECRET//NOFORN",
		"TOP SECRET", "SECRET//REL TO USA, GBR" };
	static const enum redact_mode modes[] = { MODE_MASK, MODE_STRIP, MODE_BLACKOUT };
	struct text_buffer buf;
	char err[512];
	size_t i, j;

	if (text_read_file(SEED, 1 << 20, &buf, err, sizeof(err)) != 0)
		fail_msg("%s (run from the repository root)", err);
	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		for (j = 0; j < sizeof(modes) / sizeof(modes[0]); j++) {
			struct document d;
			struct redact_result res;
			struct marking t;
			size_t k, nwithheld = 0, last_portion = DOC_NONE;

			assert_int_equal(marking_parse_target(p, targets[i], &t, err, sizeof(err)),
			    0);
			assert_int_equal(document_parse(p, buf.data, buf.len, SEED, &d, err,
			    sizeof(err)), 0);
			assert_int_equal(redact_run(p, &d, &t, modes[j], &res, err, sizeof(err)), 0);
			assert_changes_consistent(&d, &res);
			/* Runs of one portion come together; count the portions. */
			for (k = 0; k < res.nchanges; k++) {
				if (res.changes[k].kind != CHANGE_WITHHELD ||
				    res.changes[k].portion == last_portion)
					continue;
				last_portion = res.changes[k].portion;
				nwithheld++;
			}
			assert_int_equal(nwithheld, res.withheld);
			assert_int_equal(res.released + res.withheld, d.nportions);
			/* Blackout keeps the shape of every withheld portion: its lines. */
			for (k = 0; k < res.nchanges && modes[j] == MODE_BLACKOUT; k++) {
				const struct redact_change *c = &res.changes[k];
				size_t b, nin = 0, nout = 0;

				if (c->kind != CHANGE_WITHHELD)
					continue;
				for (b = c->in_start; b < c->in_end; b++)
					nin += d.data[b] == '\n';
				for (b = c->out_start; b < c->out_end; b++)
					nout += res.out[b] == '\n';
				assert_int_equal(nin, nout);
				assert_true(c->out_end - c->out_start <= c->in_end - c->in_start);
			}
			redact_result_free(&res);
			document_free(&d);
		}
	}
	text_buffer_free(&buf);
}

static void
test_mode_names(void **state)
{
	enum redact_mode m = MODE_MASK;

	(void)state;
	assert_int_equal(redact_mode_parse("strip", &m), 0);
	assert_int_equal(m, MODE_STRIP);
	assert_int_equal(redact_mode_parse("blackout", &m), 0);
	assert_int_equal(m, MODE_BLACKOUT);
	assert_int_equal(redact_mode_parse("mask", &m), 0);
	assert_int_equal(m, MODE_MASK);
	assert_int_equal(redact_mode_parse("MASK", &m), -1);
	assert_int_equal(redact_mode_parse("", &m), -1);
	assert_string_equal(redact_mode_name(MODE_STRIP), "strip");
	assert_string_equal(redact_mode_name(MODE_BLACKOUT), "blackout");
	assert_string_equal(redact_mode_name(MODE_MASK), "mask");
	redact_result_free(NULL);
}

/* Found by the suite: a removed line inside a withheld portion once made changes overlap. */
static void
test_changes_in_order(void **state)
{
	static const char text[] =
	    "SECRET\n"
	    "SUBJECT: x\n"
	    "Classified By: a for reasons 1.4 (b)\n"
	    "more subject text\n"
	    "1. (U) y.\n";
	char err[512];
	struct policy *p = policy_load_default(err, sizeof(err));
	struct marking t;
	struct document d;
	struct redact_result res;
	size_t k, in_pos = 0, out_pos = 0;

	(void)state;
	assert_non_null(p);
	assert_int_equal(marking_parse_target(p, "UNCLASSIFIED", &t, err, sizeof(err)), 0);
	assert_int_equal(document_parse(p, text, strlen(text), "t", &d, err, sizeof(err)), 0);
	assert_int_equal(redact_run(p, &d, &t, MODE_MASK, &res, err, sizeof(err)), 0);
	for (k = 0; k < res.nchanges; k++) {
		const struct redact_change *c = &res.changes[k];

		/* Each change starts at or after the end of the one before, on both sides. */
		if (c->in_start < in_pos || c->out_start < out_pos)
			fail_msg("change %zu (kind %d, lines %zu-%zu) overlaps the one before", k,
			    c->kind, c->line_first, c->line_last);
		in_pos = c->in_end;
		out_pos = c->out_end;
	}
	redact_result_free(&res);
	document_free(&d);
	policy_free(p);
}

/* A sink that appends to a growing buffer. */
struct grow {
	char *buf;
	size_t len;
};

static int
grow_write(void *ctx, const void *b, size_t n)
{
	struct grow *g = ctx;
	char *bigger = realloc(g->buf, g->len + n);

	if (bigger == NULL)
		return -1;
	memcpy(bigger + g->len, b, n);
	g->buf = bigger;
	g->len += n;
	return 0;
}

/*
 * redact_stream writes what redact_run keeps, in every mode and at every target, and keeps the
 * changes only when asked to; decisions are shared by the portions of one marking.
 */
static void
test_stream_equals_run(void **state)
{
	static const char *const targets[] = { "UNCLASSIFIED", "CONFIDENTIAL", "SECRET//NOFORN" };
	static const enum redact_mode modes[] = { MODE_MASK, MODE_STRIP, MODE_BLACKOUT };
	struct policy *p = *state;
	char err[512];
	struct text_buffer in;
	struct document d;
	size_t t, m, k;

	assert_int_equal(text_read_file(SEED, 1 << 20, &in, err, sizeof(err)), 0);
	assert_int_equal(document_parse(p, in.data, in.len, SEED, &d, err, sizeof(err)), 0);
	for (t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
		struct marking target;

		assert_int_equal(marking_parse_target(p, targets[t], &target, err, sizeof(err)), 0);
		for (m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
			struct redact_result run, kept, bare;
			struct grow g1 = { NULL, 0 }, g2 = { NULL, 0 };
			struct redact_sink s1 = { grow_write, &g1 }, s2 = { grow_write, &g2 };

			assert_int_equal(redact_run(p, &d, &target, modes[m], &run, err,
			    sizeof(err)), 0);
			assert_int_equal(redact_stream(p, &d, &target, modes[m], &s1, true, &kept, err,
			    sizeof(err)), 0);
			assert_int_equal(redact_stream(p, &d, &target, modes[m], &s2, false, &bare, err,
			    sizeof(err)), 0);
			assert_true(run.nchanges > 0 || t == 2);
			assert_int_equal(g1.len, run.out_len);
			assert_int_equal(g2.len, run.out_len);
			assert_memory_equal(g1.buf, run.out, run.out_len);
			assert_memory_equal(g2.buf, run.out, run.out_len);
			assert_int_equal(kept.nchanges, run.nchanges);
			assert_memory_equal(kept.changes, run.changes,
			    run.nchanges * sizeof(*run.changes));
			assert_int_equal(bare.nchanges, 0);
			assert_null(bare.changes);
			assert_int_equal(bare.released, run.released);
			assert_int_equal(bare.withheld, run.withheld);
			/* One decision a distinct marking, shared by its portions. */
			assert_true(run.nverdicts <= d.ninterned + 1);
			for (k = 0; k < d.nportions; k++) {
				const struct redact_decision *dc = redact_decision(&run, &d, k);

				assert_true(dc >= run.verdicts && dc < run.verdicts + run.nverdicts);
				if (d.portions[k].eff_known && d.portions[k].eff != NULL)
					assert_int_equal(dc->rule,
					    marking_decide(p, d.portions[k].eff, &target, err,
					    sizeof(err), &(const char *){ NULL }));
			}
			free(g1.buf);
			free(g2.buf);
			redact_result_free(&run);
			redact_result_free(&kept);
			redact_result_free(&bare);
		}
	}
	document_free(&d);
	text_buffer_free(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_strip),
		cmocka_unit_test(test_blackout),
		cmocka_unit_test(test_everything_released),
		cmocka_unit_test(test_rel_banner),
		cmocka_unit_test(test_spaced_banner),
		cmocka_unit_test(test_unmarked),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_mode_names),
		cmocka_unit_test(test_changes_in_order),
		cmocka_unit_test_setup_teardown(test_stream_equals_run, fixture_policy_setup, fixture_policy_teardown),
	};

	return cmocka_run_group_tests_name("redact", tests, fixture_policy_setup, fixture_policy_teardown);
}
