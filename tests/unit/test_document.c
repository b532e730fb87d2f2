/* SPDX-License-Identifier: ISC */
/*
 * test_document: the document model. Line splitting (LF, CRLF, lone CR, no final newline, NUL
 * bytes, a byte order mark), the role of every kind of line in the seed cable, portions and their
 * effective markings, and the continuation rule for marks in mid-sentence.
 *
 * Reads samples/07MUSCAT1065.txt: run from the repository root (tests/run.sh does).
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
#include "textio.h"

#include "fixtures.h"

#define SEED FIXTURE_SEED

#define LV_U 0
#define LV_C 1
#define LV_S 2

/* Parses len bytes of text (which may hold NUL bytes) and asserts that it parses. */
static void
parse(const struct policy *p, const char *text, size_t len, struct document *d)
{
	char err[512] = "";

	if (document_parse(p, text, len, "t", d, err, sizeof(err)) != 0)
		fail_msg("document_parse: %s", err);
}

static void
parse_str(const struct policy *p, const char *text, struct document *d)
{
	parse(p, text, strlen(text), d);
}

/* Lines cover the document exactly: each starts where the one before ended. */
static void
assert_lines_cover(const struct document *d)
{
	size_t i, pos = d->bom;

	for (i = 0; i < d->nlines; i++) {
		assert_int_equal(d->lines[i].off, pos);
		assert_true(d->lines[i].eol <= 2);
		pos += d->lines[i].len + d->lines[i].eol;
	}
	assert_int_equal(pos, d->len);
}

static void
assert_line(const struct document *d, size_t i, const char *text, unsigned eol)
{
	assert_true(i < d->nlines);
	assert_int_equal(d->lines[i].len, strlen(text));
	assert_memory_equal(d->data + d->lines[i].off, text, strlen(text));
	assert_int_equal(d->lines[i].eol, eol);
}

static void
test_split_lf_crlf_cr(void **state)
{
	const struct policy *p = *state;
	struct document d;

	parse_str(p, "a\nbb\r\nccc\rdddd", &d);
	assert_int_equal(d.nlines, 4);
	assert_line(&d, 0, "a", 1);
	assert_line(&d, 1, "bb", 2);
	assert_line(&d, 2, "ccc", 1);
	assert_line(&d, 3, "dddd", 0);
	assert_int_equal(d.data[d.lines[2].off + 3], '\r');
	assert_lines_cover(&d);
	document_free(&d);

	/* Every line end a CR: an old Mac file. */
	parse_str(p, "one\rtwo\rthree\r", &d);
	assert_int_equal(d.nlines, 3);
	assert_line(&d, 0, "one", 1);
	assert_line(&d, 2, "three", 1);
	assert_lines_cover(&d);
	document_free(&d);

	/* A CR before CRLF: a line ended by CR, then an empty line ended by CRLF. */
	parse_str(p, "a\r\r\nb\n", &d);
	assert_int_equal(d.nlines, 3);
	assert_line(&d, 0, "a", 1);
	assert_line(&d, 1, "", 2);
	assert_line(&d, 2, "b", 1);
	assert_lines_cover(&d);
	document_free(&d);
}

static void
test_split_edges(void **state)
{
	const struct policy *p = *state;
	struct document d;

	parse(p, "", 0, &d);
	assert_int_equal(d.nlines, 0);
	assert_int_equal(d.nportions, 0);
	assert_false(d.has_banner);
	document_free(&d);

	parse_str(p, "no newline", &d);
	assert_int_equal(d.nlines, 1);
	assert_line(&d, 0, "no newline", 0);
	document_free(&d);

	parse_str(p, "\n\n", &d);
	assert_int_equal(d.nlines, 2);
	assert_int_equal(d.lines[0].kind, LINE_BLANK);
	assert_int_equal(d.lines[1].kind, LINE_BLANK);
	assert_lines_cover(&d);
	document_free(&d);

	/* A lone CR as the very last byte. */
	parse_str(p, "x\r", &d);
	assert_int_equal(d.nlines, 1);
	assert_line(&d, 0, "x", 1);
	document_free(&d);

	/* Many lines: the line array grows. */
	{
		size_t n = 5000, i;
		char *big = malloc(n * 2);

		assert_non_null(big);
		for (i = 0; i < n; i++) {
			big[2 * i] = 'x';
			big[2 * i + 1] = '\n';
		}
		parse(p, big, n * 2, &d);
		assert_int_equal(d.nlines, n);
		assert_lines_cover(&d);
		document_free(&d);
		free(big);
	}
	document_free(&d);	/* freeing twice is harmless: the first free zeroes */
}

static void
test_split_nul(void **state)
{
	const struct policy *p = *state;
	static const char text[] = "SECRET\n1. (S) a\0b\0c\nd\0\n";
	struct document d;

	parse(p, text, sizeof(text) - 1, &d);
	assert_int_equal(d.nlines, 3);
	/* A NUL byte is part of its line, never a line end. */
	assert_int_equal(d.lines[1].len, 12);
	assert_memory_equal(d.data + d.lines[1].off, "1. (S) a\0b\0c", 12);
	assert_int_equal(d.lines[2].len, 2);
	assert_lines_cover(&d);
	assert_int_equal(d.nportions, 1);
	assert_int_equal(d.lines[2].portion, 0);
	assert_int_equal(d.portions[0].eff->level, LV_S);
	document_free(&d);
}

static void
test_bom_and_utf8(void **state)
{
	const struct policy *p = *state;
	struct document d;

	parse_str(p, "\xEF\xBB\xBFSECRET\n1. (S) x\n", &d);
	assert_int_equal(d.bom, 3);
	assert_int_equal(d.lines[0].off, 3);
	assert_int_equal(d.lines[0].kind, LINE_BANNER);
	assert_true(d.has_banner);
	assert_int_equal(d.banner.level, LV_S);
	assert_lines_cover(&d);
	document_free(&d);

	parse_str(p, "SECRET\n1. (S) caf\xC3\xA9\n", &d);
	assert_true(d.utf8);
	assert_int_equal(d.bom, 0);
	document_free(&d);
	parse_str(p, "SECRET\n1. (S) caf\xE9\n", &d);
	assert_false(d.utf8);
	document_free(&d);
}

static void
test_seed_roles(void **state)
{
	const struct policy *p = *state;
	struct text_buffer buf;
	struct document d;
	char err[512];
	/* 1-based line numbers of the seed and their roles. */
	static const struct {
		size_t line;
		enum line_kind kind;
	} want[] = {
		{ 1, LINE_BLANK }, { 3, LINE_ROUTING }, { 5, LINE_ROUTING }, { 7, LINE_ROUTING_CLASS },
		{ 8, LINE_ROUTING }, { 10, LINE_ROUTING }, { 17, LINE_ROUTING }, { 19, LINE_BANNER },
		{ 21, LINE_CAPTION }, { 23, LINE_CAPTION }, { 24, LINE_CAPTION },
		{ 26, LINE_DECLASS }, { 27, LINE_TAGS }, { 28, LINE_TEXT }, { 30, LINE_TEXT },
		{ 32, LINE_AUTHORITY }, { 38, LINE_TEXT }, { 40, LINE_CAPTION }, { 41, LINE_TEXT },
		{ 60, LINE_PAGE }, { 83, LINE_PAGE }, { 103, LINE_PAGE }, { 123, LINE_TEXT },
		{ 125, LINE_TEXT },
	};
	size_t i, k, ncaption_noforn = 0;

	if (text_read_file(SEED, 1 << 20, &buf, err, sizeof(err)) != 0)
		fail_msg("%s (run from the repository root)", err);
	parse(p, buf.data, buf.len, &d);
	assert_int_equal(d.nlines, 125);
	assert_lines_cover(&d);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		if (d.lines[want[i].line - 1].kind != want[i].kind)
			fail_msg("line %zu: kind %d, wanted %d", want[i].line,
			    d.lines[want[i].line - 1].kind, want[i].kind);
	/* The last line has no line end. */
	assert_int_equal(d.lines[124].eol, 0);

	/* The banner "S E C R E T SECTION 01 OF 04 MUSCAT 001065": level span and no controls. */
	assert_true(d.has_banner);
	assert_int_equal(d.banner.level, LV_S);
	assert_int_equal(d.lines[18].span_start, 0);
	assert_int_equal(d.lines[18].span_end, 11);
	assert_false(d.lines[18].has_controls);
	/* The routing class "ZNY SSSS ZZH". */
	assert_memory_equal(d.data + d.lines[6].off + d.lines[6].span_start, "ZNY SSSS",
	    d.lines[6].span_end - d.lines[6].span_start);
	/* The declassification span is what becomes N/A. */
	assert_memory_equal(d.data + d.lines[25].off + d.lines[25].span_start, "DECL: 11/06/2017",
	    16);

	/* The NOFORN caption line. */
	for (k = 0; k < d.nlines; k++)
		if (d.lines[k].kind == LINE_CAPTION && doc_caption_bits(&d, d.lines[k].aux) ==
		    (uint64_t)1 << policy_control_find(p, "NOFORN", 6))
			ncaption_noforn++;
	assert_int_equal(ncaption_noforn, 1);
	assert_true(d.caption_noforn);

	/*
	 * Banner and header lines belong to no portion; a page header or caption belongs to the
	 * one it stands in (the heading of the third paragraph, ¶11), to be withheld with it.
	 */
	assert_int_equal(d.lines[59].portion, d.lines[57].portion);
	assert_true(d.lines[57].portion != DOC_NONE);
	assert_int_equal(d.lines[39].kind, LINE_CAPTION);
	assert_int_equal(d.lines[39].portion, d.lines[37].portion);
	assert_int_equal(d.lines[22].kind, LINE_CAPTION);
	assert_int_equal(d.lines[22].portion, DOC_NONE);
	/* The authority line goes with the unmarked REF text it follows (withheld with it). */
	assert_int_equal(d.lines[31].portion, d.lines[29].portion);
	assert_int_equal(d.lines[18].portion, DOC_NONE);
	document_free(&d);
	text_buffer_free(&buf);
}

static void
test_seed_portions(void **state)
{
	const struct policy *p = *state;
	struct text_buffer buf;
	struct document d;
	char err[512];
	const struct doc_portion *pt;
	size_t k, n_snf = 0, n_c = 0, n_u = 0, n_unmarked = 0;

	if (text_read_file(SEED, 1 << 20, &buf, err, sizeof(err)) != 0)
		fail_msg("%s (run from the repository root)", err);
	parse(p, buf.data, buf.len, &d);
	/*
	 * The SUBJECT line, the unmarked REF line after it (a subject ends at its blank line), the
	 * nineteen paragraphs, and unmarked text of its own: eight headings between dash rules
	 * (a rule is read as a blank line), the paragraph after ¶8 (a paragraph with no mark after
	 * a finished one) and the signature.
	 */
	assert_int_equal(d.nportions, 31);

	/* The unmarked SUBJECT takes the document's marking: SECRET, NOFORN by caption. */
	pt = &d.portions[0];
	assert_true(pt->subject);
	assert_false(pt->marked);
	assert_int_equal(pt->first, 27);
	assert_true(pt->eff_known);
	assert_int_equal(pt->eff->level, LV_S);
	assert_int_equal(pt->eff->fd, FD_NOFORN);
	assert_int_equal(pt->label_end, strlen("SUBJECT:"));

	/* The REF line is unmarked text, and takes the document's marking too. */
	pt = &d.portions[1];
	assert_false(pt->subject);
	assert_false(pt->marked);
	assert_int_equal(pt->first, 29);
	assert_int_equal(pt->eff->level, LV_S);
	assert_int_equal(pt->eff->fd, FD_NOFORN);

	/* So is the SUMMARY heading after the authority line, under its dash rule. */
	pt = &d.portions[2];
	assert_false(pt->marked);
	assert_int_equal(pt->first, 34);
	assert_int_equal(pt->reason, REASON_UNMARKED);

	/*
	 * ¶11. (S/NF) runs over a blank line and a SIPDIS caption, where its sentence goes on in
	 * lower case; the heading after it is not its own.
	 */
	pt = &d.portions[3];
	assert_true(pt->marked);
	assert_false(pt->joined);
	assert_int_equal(pt->first, 37);
	assert_int_equal(pt->last_text, 40);
	assert_int_equal(pt->mark->level, LV_S);
	assert_int_equal(pt->mark->fd, FD_NOFORN);
	assert_int_equal(pt->label_end, strlen("¶11."));
	assert_memory_equal(d.data + d.lines[37].off, "¶11.", pt->label_end);
	assert_false(d.portions[4].marked);
	assert_int_equal(d.portions[4].first, 43);

	/* ¶12. (C): the caption NOFORN applies to every classified portion. */
	pt = &d.portions[5];
	assert_int_equal(pt->mark->level, LV_C);
	assert_int_equal(pt->mark->fd, FD_NONE);
	assert_int_equal(pt->eff->level, LV_C);
	assert_int_equal(pt->eff->fd, FD_NOFORN);

	/* The paragraph after ¶8. (C) has no mark: it is not taken as ¶8's. */
	for (k = 0; k < d.nportions && d.portions[k].first != 74; k++)
		continue;
	assert_true(k < d.nportions);
	assert_false(d.portions[k].marked);
	assert_int_equal(d.portions[k].eff->level, LV_S);

	/* ¶119. (U): unclassified portions are not NOFORN by caption. */
	pt = &d.portions[29];
	assert_int_equal(pt->eff->level, LV_U);
	assert_int_equal(pt->eff->fd, FD_NONE);
	assert_int_equal(pt->first, 122);
	assert_false(d.portions[30].marked);
	assert_int_equal(d.portions[30].first, 124);

	for (k = 1; k < d.nportions; k++) {
		pt = &d.portions[k];
		assert_false(pt->joined);
		assert_false(pt->eff->unknown);
		/* Portions are in order and do not overlap. */
		assert_true(pt->first > d.portions[k - 1].last);
		assert_true(pt->first <= pt->last_text && pt->last_text <= pt->last);
		if (!pt->marked) {
			assert_int_equal(pt->eff->level, LV_S);
			assert_int_equal(pt->eff->fd, FD_NOFORN);
			n_unmarked++;
		} else if (pt->eff->level == LV_S && pt->eff->fd == FD_NOFORN) {
			n_snf++;
		} else if (pt->eff->level == LV_C && pt->eff->fd == FD_NOFORN) {
			n_c++;
		} else if (pt->eff->level == LV_U) {
			n_u++;
		}
	}
	assert_int_equal(n_snf, 4);
	assert_int_equal(n_c, 14);
	assert_int_equal(n_u, 1);
	assert_int_equal(n_unmarked, 11);
	/* Unmarked text takes the banner, raised by the marks and the NOFORN caption. */
	assert_int_equal(d.docmark.level, LV_S);
	assert_int_equal(d.docmark.fd, FD_NOFORN);
	document_free(&d);
	text_buffer_free(&buf);
}

static void
test_unmarked_before_marks(void **state)
{
	const struct policy *p = *state;
	struct document d;

	/* Unmarked text before any mark takes the banner's marking. */
	parse_str(p, "CONFIDENTIAL\n\nSome text.\n\n1. (U) Public.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_false(d.portions[0].marked);
	assert_true(d.portions[0].eff_known);
	assert_int_equal(d.portions[0].eff->level, LV_C);
	assert_int_equal(d.portions[1].eff->level, LV_U);
	document_free(&d);

	/* A banner lower than a portion never lowers what it covers. */
	parse_str(p, "CONFIDENTIAL\n\nSome text.\n\n1. (S) Secret.\n", &d);
	assert_int_equal(d.portions[0].eff->level, LV_S);
	assert_int_equal(d.docmark.level, LV_S);
	assert_int_equal(d.banner.level, LV_C);
	document_free(&d);

	/* No banner: unmarked text has no known marking. */
	parse_str(p, "Some text.\n\n1. (U) Public.\n", &d);
	assert_false(d.has_banner);
	assert_int_equal(d.nportions, 2);
	assert_false(d.portions[0].eff_known);
	assert_true(d.portions[1].eff_known);
	document_free(&d);

	/* Neither banner nor marks: every paragraph unknown (a short line ends one). */
	parse_str(p, "Just a letter.\nWith two lines.\n", &d);
	assert_false(d.has_banner);
	assert_int_equal(d.nportions, 2);
	assert_false(d.portions[0].eff_known);
	assert_false(d.portions[1].eff_known);
	document_free(&d);

	/* A mark in mid-line where unmarked text begins can only raise the document's marking. */
	parse_str(p, "SECRET\n\nThe plan says (U) the route is open.\n\n1. (U) Public.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_true(d.portions[0].marked);
	assert_true(d.portions[0].raises_unmarked);
	assert_false(d.portions[0].joined);
	assert_int_equal(d.portions[0].mark->level, LV_U);
	assert_int_equal(d.portions[0].eff->level, LV_S);
	assert_int_equal(d.portions[1].eff->level, LV_U);
	document_free(&d);
	/* ...and without a banner proves nothing. */
	parse_str(p, "The plan says (U) the route is open.\n", &d);
	assert_true(d.portions[0].raises_unmarked);
	assert_false(d.portions[0].eff_known);
	document_free(&d);

	/*
	 * Every banner raises unmarked text, and a banner in the body raises what goes on after it:
	 * the text after a SECRET banner does not continue an unclassified cover note at its level.
	 */
	parse_str(p, "UNCLASSIFIED\n\n1. (U) The note says that\n\nSECRET\n\nthe attachment.\n", &d);
	assert_int_equal(d.nbanners, 2);
	assert_int_equal(d.banner.level, LV_U);
	assert_int_equal(d.docmark.level, LV_S);
	assert_int_equal(d.nportions, 2);
	assert_int_equal(d.lines[6].portion, 1);
	assert_int_equal(d.portions[1].reason, REASON_BANNER);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	assert_int_equal(d.portions[0].eff->level, LV_U);
	document_free(&d);

	/* After a finished sentence, the text after the banner is a paragraph of its own. */
	parse_str(p, "UNCLASSIFIED\n\n1. (U) The note.\n\nSECRET\n\nThe attachment.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_int_equal(d.portions[1].reason, REASON_UNMARKED);
	assert_false(d.portions[1].marked);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);
	/*
	 * A banner like the first raises too: what goes on after a page's banner may be the page's
	 * own unmarked text (08STATE116943's closing lines after SECRET//FGI//NOFORN//MR).
	 */
	parse_str(p, "SECRET\n\n1. (U) The note goes on\nSECRET\nand on.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_int_equal(d.lines[4].portion, 1);
	assert_int_equal(d.portions[0].eff->level, LV_U);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);

	/*
	 * A numbered paragraph with no mark is an unmarked portion of its own, its number kept as
	 * label; a bullet, and a number that does not open a paragraph, go on with the portion. A
	 * line in lower case after a finished sentence does not.
	 */
	parse_str(p, "SECRET\n\n1. (U) The note:\n\n-- a bullet;\n\n2. The detail.\n"
	    "wrapped on March\n3. of the year.\n\niv) A roman one.\n\nxii. Another.\n", &d);
	assert_int_equal(d.nportions, 5);
	assert_int_equal(d.lines[4].portion, 0);
	assert_int_equal(d.lines[6].portion, 1);
	assert_false(d.portions[1].marked);
	assert_int_equal(d.portions[1].label_end, 2);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	assert_int_equal(d.lines[7].portion, 2);
	assert_int_equal(d.lines[8].portion, 2);
	assert_false(d.portions[2].marked);
	assert_int_equal(d.lines[10].portion, 3);
	assert_int_equal(d.portions[3].label_end, 3);
	assert_int_equal(d.lines[12].portion, 4);
	document_free(&d);

	/* A SENSITIVE caption controls unmarked text. */
	parse_str(p, "UNCLAS SECTION 01 OF 02 BRASILIA 001565\nSENSITIVE\n\nSome text.\n"
	    "1. (U) Public.\n", &d);
	assert_int_equal(d.lines[1].kind, LINE_CAPTION);
	assert_int_equal(d.portions[0].eff->level, LV_U);
	assert_true((d.portions[0].eff->controls >> policy_control_find(p, "SBU", 3)) & 1);
	assert_int_equal(d.portions[1].eff->controls, 0);
	document_free(&d);
}

static void
test_subject(void **state)
{
	const struct policy *p = *state;
	struct document d;

	parse_str(p, "SECRET\nSUBJECT: (C) A subject\n1. (U) Text.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_true(d.portions[0].subject);
	assert_true(d.portions[0].marked);
	assert_int_equal(d.portions[0].mark->level, LV_C);
	assert_int_equal(d.portions[0].label_end, strlen("SUBJECT:"));
	assert_false(d.portions[1].subject);
	document_free(&d);
}

/*
 * A rule whose required group took no part in its match does not match (a fuzz find: a subject
 * pattern with an empty alternative left its label unset, and the line was read from an offset
 * of PCRE2_UNSET). Under such a policy the SUBJECT line is no subject, and the document still
 * parses.
 */
static void
test_unset_group(void **state)
{
	static const char from[] = "(?<label>SUBJ(?:ECT)?";
	static const char to[] = "|(?<label>SUBJ(?:ECT)?";
	struct policy *q;
	struct document d;
	char err[POLICY_ERRLEN], *text, *at;
	size_t n = policy_builtin_len;

	(void)state;
	assert_non_null(text = malloc(n + sizeof(to)));
	memcpy(text, policy_builtin_text, n);
	text[n] = '\0';
	assert_non_null(at = strstr(text, from));
	memmove(at + 1, at, strlen(at) + 1);
	*at = '|';
	assert_non_null(q = policy_load(text, strlen(text), "unset", err, sizeof(err)));
	parse_str(q, "SECRET\nSUBJECT: (C) A subject\n1. (U) Text.\n", &d);
	assert_true(d.nportions >= 1);
	assert_false(d.portions[0].subject);
	document_free(&d);
	policy_free(q);
	free(text);
}

static void
test_continuation(void **state)
{
	const struct policy *p = *state;
	struct document d;

	/* A label-less mark after an unfinished sentence is joined: it can only raise. */
	parse_str(p, "SECRET\n\n1. (S) The plan under section 4\n(C) of the act was set.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].mark->level, LV_C);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);

	parse_str(p, "SECRET\n\n1. (S) The plan and\n(U) and more of it.\n", &d);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);

	/* Joined marks chain: the third takes the second's joined marking. */
	parse_str(p, "SECRET\n\n1. (S) The plan and\n(U) and more of\n(U) the same.\n", &d);
	assert_int_equal(d.nportions, 3);
	assert_true(d.portions[2].joined);
	assert_int_equal(d.portions[2].eff->level, LV_S);
	document_free(&d);

	/*
	 * A joined mark raises an unclassified portion, and, standing in mid-sentence, the
	 * paragraph before it, as one in mid-line does.
	 */
	parse_str(p, "SECRET\n\n1. (U) The plan and\n(S) the secret part.\n", &d);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[0].eff->level, LV_S);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);
	/* Not before a capital, where a paragraph may begin with no blank line before it. */
	parse_str(p, "SECRET\n\n(U) The plan and the budget for the coming year, of which\n"
	    "(S) The secret part.\n", &d);
	assert_int_equal(d.portions[0].eff->level, LV_U);
	document_free(&d);

	/* A page header between the halves of the sentence does not end it. */
	parse_str(p, "S E C R E T SECTION 01 OF 04 MUSCAT 001065\n\n1. (S) The plan and\n"
	    "MUSCAT 00001065 002 OF 004\n(U) and more.\n", &d);
	assert_int_equal(d.lines[3].kind, LINE_PAGE);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);
	/*
	 * One that names no post of the document's (its banner names none) may hold free words:
	 * text at the banner's marking, and still a page break that the sentence goes on across.
	 */
	parse_str(p, "SECRET\n\n1. (U) The plan and\nMUSCAT 00001065 002 OF 004\n(U) and more.\n", &d);
	assert_int_equal(d.lines[3].kind, LINE_TEXT);
	assert_true(d.lines[3].page_like);
	assert_int_equal(d.portions[1].reason, REASON_CLASS);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	assert_true(d.portions[2].joined);
	assert_int_equal(d.portions[2].eff->level, LV_S);
	document_free(&d);

	/* After a finished sentence a mark starts a new portion. */
	static const char *const ends[] = { ".", ":", ";", "!", "?", "\"", "'", ")", "]",
		"\xE2\x80\x9D", "\xE2\x80\x99", ".  " };
	size_t i;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		char text[256];

		snprintf(text, sizeof(text), "SECRET\n\n1. (S) It ended%s\n(U) New one.\n", ends[i]);
		parse_str(p, text, &d);
		assert_int_equal(d.nportions, 2);
		if (d.portions[1].joined)
			fail_msg("a line ending in \"%s\" was taken as unfinished", ends[i]);
		assert_int_equal(d.portions[1].eff->level, LV_U);
		document_free(&d);
	}

	/* A label makes a new portion even in mid-sentence. */
	parse_str(p, "SECRET\n\n1. (S) The plan and\n2. (U) A new paragraph.\n", &d);
	assert_false(d.portions[1].joined);
	assert_int_equal(d.portions[1].eff->level, LV_U);
	document_free(&d);
}

static void
test_marks_in_body(void **state)
{
	const struct policy *p = *state;
	struct document d;

	/* A mark inside prose is not a portion start. */
	parse_str(p, "SECRET\n\n1. (S) Under section 4 (C) of the act.\n", &d);
	assert_int_equal(d.nportions, 1);
	document_free(&d);

	/* Office symbols at the start of a line: marks with unknown tokens. */
	parse_str(p, "SECRET\n\n1. (S) Met the office.\n(U/S) Burns said so.\n(S/WCI) staff "
	    "agreed.\n", &d);
	assert_int_equal(d.nportions, 3);
	assert_true(d.portions[1].eff->unknown);
	assert_true(d.portions[2].eff->unknown);
	document_free(&d);

	/*
	 * List items after a colon go on in the list; acronyms in parentheses on wrapped lines
	 * are text; a list item that is a level letter ("(c)") joins the sentence and can only
	 * raise it.
	 */
	parse_str(p, "SECRET\n\n1. (S) Items:\n(a) one\n(b) two\n(c) the third item of the list, "
	    "which the officials of the\n(PRC) officials agreed, and which the commanders of the\n"
	    "(SOC) forces accepted.\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_int_equal(d.portions[0].last, 4);
	assert_int_equal(d.portions[1].reason, REASON_ITEM);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].last, 7);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	document_free(&d);
	/*
	 * Right below a short line (a list item, a heading), a line is a paragraph of its own:
	 * unmarked text, or what may be a damaged mark at its head.
	 */
	parse_str(p, "SECRET\n\n1. (S) Items:\n(a) one\n(PRC) officials\n(SOC) forces\n", &d);
	assert_int_equal(d.nportions, 3);
	assert_false(d.portions[1].marked);
	assert_int_equal(d.portions[1].eff->level, LV_S);
	assert_int_equal(d.portions[2].reason, REASON_UNREADABLE);
	document_free(&d);
	/* At a paragraph's head, an acronym that begins as a mark does may be a damaged mark. */
	parse_str(p, "SECRET\n\n1. (U) Items.\n\n(SOC) forces\n\n(PRC) officials\n", &d);
	assert_int_equal(d.nportions, 3);
	assert_int_equal(d.portions[1].reason, REASON_UNREADABLE);
	assert_true(d.portions[1].eff->unknown);
	/* After a short line that ends no sentence, a paragraph of its own: unmarked. */
	assert_int_equal(d.lines[6].portion, 2);
	assert_false(d.portions[2].marked);
	assert_int_equal(d.portions[2].eff->level, LV_S);
	document_free(&d);

	/* A "(c)" that follows no "(b)" may be a mark in lower case: it joins, and raises. */
	parse_str(p, "SECRET\n\n1. (U) Items:\n(c) the third\n", &d);
	assert_int_equal(d.nportions, 2);
	assert_true(d.portions[1].joined);
	assert_int_equal(d.portions[1].eff->level, LV_C);
	document_free(&d);

	/*
	 * Header-like lines after the first mark are text of the portion they stand in, but the
	 * declassification line, whose grammar holds a date or an exemption alone.
	 */
	parse_str(p, "SECRET\n\n1. (S) The plan\nSECRET MEETING 123456\nTAGS: PGOV\n"
	    "Classified By: x for reasons 1.4\nE.O. 12958: DECL: 11/06/2017\nSUBJECT: y\n", &d);
	assert_int_equal(d.lines[3].kind, LINE_TEXT);
	assert_int_equal(d.lines[4].kind, LINE_TEXT);
	assert_int_equal(d.lines[5].kind, LINE_TEXT);
	assert_int_equal(d.lines[6].kind, LINE_DECLASS);
	assert_int_equal(d.lines[7].kind, LINE_TEXT);
	/*
	 * A short line in capitals that opens with a level is a classification line (a second
	 * cable's banner, a title): it raises what follows. A field line ("TAGS: PGOV") after it
	 * starts a paragraph of its own, unmarked, and so does each short line after it; so does
	 * text after the declassification line, a structure line.
	 */
	assert_int_equal(d.nportions, 5);
	assert_int_equal(d.lines[3].portion, 1);
	assert_int_equal(d.portions[1].reason, REASON_CLASS);
	assert_int_equal(d.lines[4].portion, 2);
	assert_int_equal(d.lines[5].portion, 3);
	assert_false(d.portions[2].marked);
	assert_int_equal(d.portions[2].eff->level, LV_S);
	assert_int_equal(d.lines[7].portion, 4);
	assert_false(d.portions[4].marked);
	document_free(&d);
}

/* The effective marking of the first portion of a one-paragraph document under UNCLASSIFIED. */
static struct marking
first_portion(const struct policy *p, const char *paragraph)
{
	char text[512];
	struct document d;
	struct marking m;

	snprintf(text, sizeof(text), "UNCLASSIFIED\n\n1. (U) %s\n", paragraph);
	parse_str(p, text, &d);
	assert_true(d.nportions >= 1);
	m = *d.portions[0].eff;
	document_free(&d);
	return m;
}

/* A word written as a mark raises its portion wherever it stands (word_mark). */
static void
test_word_marks(void **state)
{
	const struct policy *p = *state;
	struct marking m;
	static const char *const unknown[] = {
		"Per the DATT S,NF The source said no.",
		"It said two things: (1) no; (2) s//nf The source said no.",
		"They spoke. Secret-Noforn The source said no.",
		"Per the DATT SlINF The source said no.",
		"They spoke (SOC)The source said no.",
	};
	static const char *const kept[] = {
		"The list came from the Initiative (CFDI)to identify sites.",
		"They met near the U. S. Capitol on Monday.",
		"The page reads The \"SECRET\" Stuff at its head.",
		"Class: CONFIDENTIAL \342\200\224 Reason: 1.4(B), 1.4(D)",
		"See https://www.state.gov/a//b for the NF-kB study, the C-130 and S/CT.",
		"MR. DONALD WILL TRAVEL FROM GRENADA.",
	};
	static const char *const secret_noforn[] = {
		"They spoke. SECRET NOFORN The source said no.",
		"Per the DATT S/NF The source said no.",
		"The talks went on. Comment: S//NF The source said no.",
	};
	size_t k;

	for (k = 0; k < sizeof(unknown) / sizeof(unknown[0]); k++) {
		m = first_portion(p, unknown[k]);
		if (!m.unknown)
			fail_msg("not unknown: %s", unknown[k]);
	}
	for (k = 0; k < sizeof(kept) / sizeof(kept[0]); k++) {
		m = first_portion(p, kept[k]);
		if (m.unknown || m.level != LV_U)
			fail_msg("raised: %s", kept[k]);
	}
	/* Proven words raise to what they prove, no lower. */
	for (k = 0; k < sizeof(secret_noforn) / sizeof(secret_noforn[0]); k++) {
		m = first_portion(p, secret_noforn[k]);
		if (m.unknown || m.level != LV_S || m.fd != FD_NOFORN)
			fail_msg("not SECRET//NOFORN: %s", secret_noforn[k]);
	}
	m = first_portion(p, "They spoke. SBU The source said no.");
	assert_false(m.unknown);
	assert_true(m.controls != 0);
	m = first_portion(p, "They spoke. NO FOREIGN DISSEM The source said no.");
	assert_false(m.unknown);
	assert_int_equal(m.fd, FD_NOFORN);
	m = first_portion(p, "Comment: TOP SECRET NOFORN The source said no.");
	assert_true(m.unknown || m.level > LV_S);
}

static void
test_labels(void **state)
{
	const struct policy *p = *state;
	struct document d;
	static const struct {
		const char *line;
		size_t label;
	} cases[] = {
		{ "4. (C) x.", 2 }, { "A. (C) x.", 2 }, { "(1) (C) x.", 3 }, { "-- (C) x.", 2 },
		{ "\xC2\xB6" "4. (C) x.", 4 }, { "\xB6" "4. (C) x.", 3 }, { "(C) x.", 0 },
		{ "  12.  (C) x.", 5 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];

		snprintf(text, sizeof(text), "SECRET\n%s\n", cases[i].line);
		parse_str(p, text, &d);
		assert_int_equal(d.nportions, 1);
		assert_true(d.portions[0].marked);
		assert_int_equal(d.portions[0].mark->level, LV_C);
		if (d.portions[0].label_end != cases[i].label)
			fail_msg("\"%s\": label of %zu bytes, wanted %zu", cases[i].line,
			    d.portions[0].label_end, cases[i].label);
		document_free(&d);
	}
}

/* What a replay saw of each line (test_streamed). */
struct seen {
	const struct document *whole;
	size_t next;
	int bad;
};

static int
see_line(void *ctx, const struct document *d, size_t i, char *err, size_t errlen)
{
	struct seen *sn = ctx;
	const struct doc_line *a = doc_line(d, i), *b = &sn->whole->lines[i];

	(void)err;
	(void)errlen;
	/* Each line once, in order, read as the whole reading read it. */
	if (i != sn->next++ || a->kind != b->kind || a->portion != b->portion ||
	    a->off != b->off || (a->portion != DOC_NONE &&
	    doc_portion(d, a->portion)->first != sn->whole->portions[b->portion].first))
		sn->bad++;
	return 0;
}

/*
 * A document read in two passes (document_read past its budget) settles every portion as the
 * whole reading does, and its replay hands on every line once, in order, as that one read it.
 */
static void
test_streamed(void **state)
{
	const struct policy *p = *state;
	struct text_buffer buf;
	struct document whole, d;
	struct seen sn;
	char err[512];
	size_t k;

	if (text_read_file(SEED, 1 << 20, &buf, err, sizeof(err)) != 0)
		fail_msg("%s (run from the repository root)", err);
	parse(p, buf.data, buf.len, &whole);
	assert_false(whole.streamed);
	/* A replay is only for a streamed document. */
	assert_int_equal(document_replay(p, NULL, &whole, "t", see_line, &sn, err, sizeof(err)),
	    -1);
	/* A budget of a byte: streamed. */
	if (document_read(p, NULL, buf.data, buf.len, "t", 1, 100, &d, err, sizeof(err)) != 0)
		fail_msg("document_read: %s", err);
	assert_true(d.streamed);
	assert_int_equal(d.read_as, READ_STREAMED);
	assert_int_equal(d.facts.n, whole.nportions);
	assert_int_equal(d.nlines, whole.nlines);
	assert_int_equal(d.nbanners, whole.nbanners);
	assert_int_equal(d.ncaptions, whole.ncaptions);
	for (k = 0; k < d.facts.n; k++) {
		const struct marking *a = doc_fact_eff(&d, k), *b = doc_fact_eff(&whole, k);

		assert_int_equal(facts_get(&d.facts, k) & FACT_FLAGS,
		    facts_get(&whole.facts, k) & FACT_FLAGS);
		assert_int_equal(a == NULL, b == NULL);
		if (a != NULL)
			assert_true(marking_identical(a, b));
	}
	memset(&sn, 0, sizeof(sn));
	sn.whole = &whole;
	if (document_replay(p, NULL, &d, "t", see_line, &sn, err, sizeof(err)) != 0)
		fail_msg("document_replay: %s", err);
	assert_int_equal(sn.next, whole.nlines);
	assert_int_equal(sn.bad, 0);
	assert_int_equal(d.nportions, whole.nportions);
	document_free(&d);
	/*
	 * A second reading that goes otherwise than the first stops at the first portion that
	 * opens otherwise, before its line is handed on.
	 */
	if (document_read(p, NULL, buf.data, buf.len, "t", 1, 100, &d, err, sizeof(err)) != 0)
		fail_msg("document_read: %s", err);
	assert_int_equal(d.nopened, d.facts.n);
	d.opened[3] ^= 1;
	memset(&sn, 0, sizeof(sn));
	sn.whole = &whole;
	assert_int_equal(document_replay(p, NULL, &d, "t", see_line, &sn, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "differs from the first"));
	assert_int_equal(sn.next, whole.portions[3].first);
	assert_int_equal(sn.bad, 0);
	document_free(&d);
	/* A budget the document's records fit in: read whole. */
	if (document_read(p, NULL, buf.data, buf.len, "t", 1 << 30, 100, &d, err,
	    sizeof(err)) != 0)
		fail_msg("document_read: %s", err);
	assert_false(d.streamed);
	assert_int_equal(d.read_as, READ_WHOLE);
	document_free(&d);
	document_free(&whole);
	text_buffer_free(&buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_lf_crlf_cr),
		cmocka_unit_test(test_word_marks),
		cmocka_unit_test(test_split_edges),
		cmocka_unit_test(test_unset_group),
		cmocka_unit_test(test_split_nul),
		cmocka_unit_test(test_bom_and_utf8),
		cmocka_unit_test(test_seed_roles),
		cmocka_unit_test(test_seed_portions),
		cmocka_unit_test(test_unmarked_before_marks),
		cmocka_unit_test(test_subject),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_marks_in_body),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_streamed),
	};

	return cmocka_run_group_tests_name("document", tests, fixture_policy_setup,
	    fixture_policy_teardown);
}
