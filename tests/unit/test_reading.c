/* SPDX-License-Identifier: ISC */
/*
 * test_reading: the reading of a level said in words (reading_level_statement): what each clause
 * says, of which part, at which level; and what says nothing (prose, names, negations, reports).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "marking.h"
#include "policy.h"
#include "reading.h"
#include "fixtures.h"

/* What reading_level_statement says of s, and the level into *level (-1 unknown). */
static int
said(const struct policy *p, const char *s, int *level, uint64_t *paras)
{
	struct stated st;
	int r = reading_level_statement(p, s, strlen(s), &st);

	if (level != NULL)
		*level = r == 0 ? 0 : st.m.unknown ? -1 : st.m.level;
	if (paras != NULL)
		*paras = r == 0 ? 0 : st.paras;
	return r;
}

/* How many parts after it a statement points at. */
static size_t
next_of(const struct policy *p, const char *s)
{
	struct stated st;

	return (reading_level_statement(p, s, strlen(s), &st) & STATED_NEXT) ? st.next : 0;
}

/* The level a policy names `name`, by its terms. */
static int
level_of(const struct policy *p, const char *name)
{
	const struct policy_term *t = policy_term_find(p, name, strlen(name));

	assert_non_null(t);
	return t->level;
}

/* A level predicated of the text, however the clause names it: at least the level named. */
static void
test_stated(void **state)
{
	const struct policy *p = *state;
	static const char *const here[] = {
		"This paragraph is classified Secret.",
		"This paragraph carries a Secret classification.",
		"Classification of this paragraph: Secret.",
		"This paragraph: SECRET.",
		"The information herein is classified Secret per Muscat 1065.",
		"This information is Secret.",
		"Handle as Secret.",
		"(Classified Secret.)",
		"(Classification: Secret)",
	};
	size_t i;
	int level, r;

	for (i = 0; i < sizeof(here) / sizeof(here[0]); i++) {
		r = said(p, here[i], &level, NULL);
		if (!(r & STATED_HERE) || (r & STATED_VAGUE) || level != level_of(p, "SECRET"))
			fail_msg("\"%s\": %d, level %d", here[i], r, level);
	}
	/* A field says it of the document too. */
	r = said(p, "Overall classification: Secret.", &level, NULL);
	assert_true((r & STATED_AHEAD) && (r & STATED_HERE));
	assert_int_equal(level, level_of(p, "SECRET"));
	/* A colon that ends the line after a level says it of what follows. */
	r = said(p, "Here is the reftel, classified Secret:", &level, NULL);
	assert_true(r & STATED_AHEAD);
	/* Said of no part: vague, for unmarked text only. */
	r = said(p, "The report was classified Secret.", &level, NULL);
	assert_true((r & STATED_HERE) && (r & STATED_VAGUE));
	assert_int_equal(level, level_of(p, "SECRET"));
	r = said(p, "The details of the deal are classified.", &level, NULL);
	assert_true((r & STATED_VAGUE) && level == -1);
	/* Another scheme's level is unknown here. */
	r = said(p, "This paragraph is classified Restricted.", &level, NULL);
	assert_true((r & STATED_HERE) && level == -1);
}

/* Paragraphs named by number, in figures or in words, and ranges. */
static void
test_numbered(void **state)
{
	const struct policy *p = *state;
	uint64_t paras;
	int r;

	r = said(p, "PARAS TWO AND THREE ARE CLASSIFIED.", NULL, &paras);
	assert_true(r & STATED_AHEAD);
	assert_true(paras == ((UINT64_C(1) << 2) | (UINT64_C(1) << 3)));
	r = said(p, "PARAS 4-6 ARE SECRET.", NULL, &paras);
	assert_true(paras == ((UINT64_C(1) << 4) | (UINT64_C(1) << 5) | (UINT64_C(1) << 6)));
	r = said(p, "PARA 2: SECRET.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 2));
	/* From a number on, in brackets, and how many after it. */
	r = said(p, "Paragraphs 3 et seq. are classified Secret.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Paragraphs 3 and following are classified Secret.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Paragraphs (3) and (4) are classified Secret.", NULL, &paras);
	assert_true(paras == ((UINT64_C(1) << 3) | (UINT64_C(1) << 4)));
	assert_int_equal(next_of(p, "The following paragraph is Secret."), 1);
	assert_int_equal(next_of(p, "The next two paragraphs are classified Secret."), 2);
	assert_int_equal(next_of(p, "The next 3 paragraphs are Secret."), 3);
	/* The paragraph sign, and the plural that points at all of them. */
	r = said(p, "\xc2\xb6\xc2\xb6 5-6 below are SECRET/NOFORN.", NULL, &paras);
	assert_true(paras == ((UINT64_C(1) << 5) | (UINT64_C(1) << 6)));
	assert_int_equal(next_of(p, "The paragraphs that follow are classified SECRET."), 63);
	/* A part pointed at, and none of its own: not its own paragraph. */
	r = said(p, "This article is unclassified, but the next one is classified.", NULL, NULL);
	assert_true((r & STATED_NEXT) && !(r & STATED_HERE));
	/* "U.S." is no level's portion form. */
	r = said(p, "Paragraphs 2-4 may be shared with U.S. contacts.", NULL, &paras);
	assert_int_equal(r, 0);
	/* Another document's paragraph names none of this one's. */
	r = said(p, "Paragraph 3 of the draft is classified Secret by the GCC.", NULL, &paras);
	assert_true(paras == 0 && !(r & STATED_AHEAD));
	r = said(p, "Reftel paras 3 and 4 are Secret.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "The agreement's paragraph 3 remains Secret.", NULL, &paras);
	assert_true(paras == 0);
}

/*
 * A part no reader can place: named by a label that is no paragraph's number, or by its rank.
 * A subparagraph's label names its paragraph; another document's parts are not this one's.
 */
static void
test_unplaced(void **state)
{
	const struct policy *p = *state;
	static const char *const unplaced[] = {
		"Part III is classified SECRET; the other parts are CONFIDENTIAL.",
		"Section 2 is SECRET.",
		"SECTION 2 IS SECRET NOFORN.",
		"listed four requests (bullets 3 and 4 are SECRET):",
		"Item 3 is SECRET.",
		"Annex B below is SECRET.",
		"Subparagraph B is SECRET.",
		"Subparagraph (2) is SECRET.",
		"Para 70 is SECRET.",
		"Para IV is SECRET.",
		"The final paragraph of this cable is SECRET//NOFORN.",
		"The last two paragraphs are SECRET.",
		"The 2nd paragraph is SECRET.",
		"The third section is classified Secret.",
		"Tab A is SECRET//NOFORN.",
		"Note that footnote 2 is classified at the TOP SECRET level.",
		"slide 3 is SECRET//NOFORN and will be shown only to principals.",
		"\xc2\xa7" "3 below is SECRET//NOFORN.",
		"The bottom paragraph of this message is SECRET//NOFORN.",
		"The lead paragraph of this cable is SECRET//NOFORN.",
		"The paragraph on Iranian contacts is SECRET//NOFORN.",
		"Post's comment at the end of this cable is SECRET//NOFORN.",
		"The first case is public; the latter is SECRET.",
		"Post notes that the preceding two paragraphs are SECRET//NOFORN.",
		"Except for paragraph 2, this cable is SECRET//NOFORN.",
		"Para 3 was mismarked in the draft; it is SECRET//NOFORN.",
		"Embassy comment is SECRET; please protect accordingly.",
		"The talking points are SECRET.",
		"Apart from this paragraph, this cable is SECRET.",
		"Encl 2 is SECRET and is marked CONFIDENTIAL only for routing.",
		"The second half of this message is SECRET.",
		"The analyst comments in square brackets are SECRET.",
		"Paras 1 and 2 are CONFIDENTIAL as marked; the rest are SECRET.",
		"The annexed note on the Crown Prince's health is SECRET.",
		"This cable is SECRET except para 1.",
		"The body of this cable is SECRET.",
		"The GID information in this cable is SECRET.",
		"Note: Q3 is SECRET.",
		"The other paragraphs are SECRET.",
		"All but para 2 is SECRET.",
		"Everything in parentheses is SECRET.",
	};
	static const char *const placed[] = {
		"Paragraph 3 is SECRET.",
		"Subparagraph 3.B below is SECRET/NOFORN.",
		"Paragraph 3(a) is SECRET.",
		"Subparas 3.A and 3.B are SECRET.",
		"PARA 3.B. IS SECRET NOFORN.",
		"Paragraph number three is SECRET//NOFORN.",
		"Para 3 is SECRET because it discusses force levels.",
		"Para 2 is unclassified but para 3 is SECRET//NOFORN.",
		"At Fidan's request, para 3 is \"SECRET//NOFORN\".",
		"Paragraph 3 carries a classification of SECRET//NOFORN.",
		"Addressees please note that \xc2\xb6 3(b) is SECRET//NOFORN.",
		"Paras 3 (and their subparas) are SECRET and should be protected.",
		"Note: para 3 warrants SECRET classification.",
		"Para 3 should have been marked (S).",
		"Pgph 3 is SECRET per the review.",
		"Para 3 carries a SECRET classification.",
		"PARA 3 CLAS SECRET.",
		"PARA TREE IS SECRET.",
		"Para 3 is releasable to USA and AUS only.",
	};
	uint64_t paras;
	size_t k;
	int r, level;

	for (k = 0; k < sizeof(unplaced) / sizeof(unplaced[0]); k++) {
		r = said(p, unplaced[k], &level, NULL);
		if (!(r & STATED_UNPLACED) || (r & STATED_VAGUE) || level < 2)
			fail_msg("not said of every part: \"%s\" (%d, level %d)", unplaced[k], r,
			    level);
	}
	for (k = 0; k < sizeof(placed) / sizeof(placed[0]); k++) {
		r = said(p, placed[k], NULL, &paras);
		if ((r & STATED_UNPLACED) || paras != (UINT64_C(1) << 3))
			fail_msg("not paragraph 3: \"%s\" (%d)", placed[k], r);
	}
	/* From a number on, and a range with no verb. */
	r = said(p, "Paras 3, 4, etc. are SECRET//NOFORN.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Everything below paragraph 2 is SECRET//NOFORN.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 2) - 1));
	r = said(p, "Paras 4-5 SECRET//NOFORN.", NULL, &paras);
	assert_true(paras == ((UINT64_C(1) << 4) | (UINT64_C(1) << 5)));
	r = said(p, "From para 3 on, this cable is SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Para 3 to end is SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Beginning with paragraph 3, the text is SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Paras 3+ are SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "Paragraphs numbered 3 and higher are SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	r = said(p, "PARAS 3-END ARE SECRET.", NULL, &paras);
	assert_true(paras == ~((UINT64_C(1) << 3) - 1));
	assert_int_equal(next_of(p, "All that follows is SECRET."), 63);
	assert_int_equal(next_of(p, "What follows is SECRET."), 63);
	assert_int_equal(next_of(p, "The text below is SECRET."), 63);
	assert_int_equal(next_of(p, "The paragraph below is SECRET."), 1);
	/* A paragraph's readers limited in words. */
	r = said(p, "Releasability note: paragraph 3 is REL TO USA, AUS; it derives from "
	    "Australian reporting.", &level, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3) && level == 0);
	/* Its own paragraph's readers limited in words: an order, no level. */
	r = said(p, "This paragraph is NOT RELEASABLE TO FOREIGN NATIONALS.", &level, NULL);
	assert_true((r & STATED_THIS) && level == 0);
	/* A part's readers limited in words: every part's, no level. */
	r = said(p, "Section 2 is releasable to USA only.", &level, NULL);
	assert_true((r & STATED_UNPLACED) && level == 0);
	/* Another document's part, and a level said of no part. */
	r = said(p, "Part III of the agreement is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "The treaty's Annex B is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "Annex B to the 1994 demarcation agreement is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "The talking points' bullets 3 and 4 are SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "Table 1 in the Omani paper is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "In their reply, para 3 is SECRET.", NULL, &paras);
	assert_true(!(r & STATED_UNPLACED) && paras == 0);
	r = said(p, "Item 3 on the GCC agenda is Secret.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "The latter is SECRET, he said.", NULL, NULL);
	assert_int_equal(r, 0);
	r = said(p, "The two options are a joint patrol and a hotline; the latter would be "
	    "SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "The communique's final paragraph is secret.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "The GAO report has four tables; Table 1 is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "Part III is SECRET, Al-Ayyam reminded readers.", NULL, NULL);
	assert_int_equal(r, 0);
	r = said(p, "The talking points, which are SECRET, will be sent septel.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "Correction to reftel: para 3 is CONFIDENTIAL.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Apart from paragraph 2, the Italian non-paper is SECRET.", NULL, &paras);
	assert_true(paras == 0 && !(r & STATED_UNPLACED));
	/* What a part holds is no other document. */
	r = said(p, "The list of detainees' names in paragraph 3 is SECRET.", NULL, &paras);
	assert_true(paras == (UINT64_C(1) << 3));
	r = said(p, "The report was classified Secret.", NULL, NULL);
	assert_true((r & STATED_VAGUE) && !(r & STATED_UNPLACED));
	/* A part named past AND that is unclassified leaves the first its level. */
	r = said(p, "Paragraph 3 is SECRET and paragraph 4 is unclassified.", &level, &paras);
	assert_true((paras & (UINT64_C(1) << 3)) && level == 2);
	r = said(p, "This paragraph is classified SECRET, but was declassified.", NULL, NULL);
	assert_int_equal(r, 0);
}

/*
 * A paragraph named by number beside a level or a control in capitals takes it, with no verb of
 * statement; a table's row by paragraph number; parts by what they hold or a sign; a quoted
 * authority's line.
 */
static void
test_named_beside(void **state)
{
	const struct policy *p = *state;
	static const char *const beside[] = {
		"Correction: classification of para 3 should read SECRET vice CONFIDENTIAL.",
		"Para 3 classification raised to SECRET on review.",
		"Para 3 retains its SECRET classification.",
		"Please afford paragraph 3 SECRET protection.",
		"Addressees are reminded that para 3 is SECRET.",
		"Classification notes: para 3 (SECRET).",
		"SECRET: para 3.",
		"para 3 is classified 'S'.",
		"Note: on review, para 3 upgraded to SECRET.",
		"| Para 3 | GID | S//NF |",
		"| SECRET | GID source | Para 3 |",
		"Para 3 (formerly CONFIDENTIAL) is SECRET.",
		"Classification: para 3 - S.",
	};
	/* Under a header that names a paragraph's column, in any of the table's shapes. */
	static const char *const rows[][2] = {
		{ "| Para | Topic | Classification |", "| 3    | GID source in Zarqa    | SECRET |" },
		{ "Para\tTopic\tClassification", "3\tGID source in Zarqa\tSECRET" },
		{ "| Para | Classification | Remarks |", "| 3 | (S) | from liaison |" },
		{ "para,topic,classification", "3, GID source, SECRET" },
		{ "| Section | Topic | Classification |", "| III | Tanker loading | SECRET |" },
	};
	struct table_head head;
	static const char *const every[] = {
		"The list of detainees' names is SECRET; it was received from the PSO.",
		"Items marked with an asterisk are SECRET.",
		"The paragraphs that name the source are SECRET.",
		"Paragraph 2 of the attachment is classified SECRET.",
		"Entries flagged with a plus sign are SECRET.",
	};
	struct stated st;
	uint64_t paras;
	size_t k;
	int r, level;

	for (k = 0; k < sizeof(beside) / sizeof(beside[0]); k++) {
		r = said(p, beside[k], &level, &paras);
		if (!(r & STATED_AHEAD) || paras != (UINT64_C(1) << 3) || level != 2)
			fail_msg("paragraph 3 not SECRET: \"%s\" (%d, level %d)", beside[k], r,
			    level);
	}
	for (k = 0; k < sizeof(every) / sizeof(every[0]); k++) {
		r = said(p, every[k], &level, NULL);
		if (!(r & STATED_UNPLACED) || level != 2)
			fail_msg("not said of every part: \"%s\" (%d, level %d)", every[k], r,
			    level);
	}
	for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		assert_true(reading_table_head(rows[k][0], strlen(rows[k][0]), &head));
		r = reading_table_row(p, rows[k][1], strlen(rows[k][1]), &head, &st);
		if (!(r & STATED_AHEAD) || st.paras != (UINT64_C(1) << 3) || st.m.level != 2)
			fail_msg("row not paragraph 3 SECRET: \"%s\" (%d)", rows[k][1], r);
	}
	/* No header, or one with no paragraph's column: a session's, a team's, a row's number. */
	assert_int_equal(reading_table_row(p, "| 3 | GID source | SECRET |", 27, NULL, &st), 0);
	assert_false(reading_table_head("| No. | Name | Clearance |", 26, &head));
	/* A control named in capitals, ORCON in words. */
	r = reading_level_statement(p, "Paragraph 3 includes NOFORN reporting.", 38, &st);
	assert_true((r & STATED_AHEAD) && st.paras == (UINT64_C(1) << 3) && st.m.fd == FD_NOFORN);
	r = said(p, "Further dissemination of para 3 requires CIA concurrence.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	/* "The following details are SECRET when taken together:" points at what follows. */
	assert_int_equal(next_of(p, "The following details are SECRET when taken together:"), 63);
	/* A quoted message's authority: what follows is classified (document.c read_class). */
	assert_true(reading_authority_line("Classified By: DATT Col. R. Smith, Reasons 1.4 (a)",
	    50));
	assert_false(reading_authority_line("Classified by DAS on 08/27/2015 - Class: "
	    "CONFIDENTIAL - Reason: 1.4(B)", 70));
	/* A list, bare, names one a clause before named: not every part. */
	r = said(p, "Please note the list in its entirety is classified S/NF.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	/* Not: no paragraph by number, another document's, a duty roster's "S", a number alone. */
	r = said(p, "Paragraph 2 of the annex to the treaty is SECRET.", NULL, NULL);
	assert_false(r & STATED_UNPLACED);
	r = said(p, "3    Saleh    S", NULL, NULL);
	assert_int_equal(r, 0);
	r = said(p, "| 3 | 12 | 14 |", NULL, NULL);
	assert_int_equal(r, 0);
	/* A paragraph's own mark after its label names no level of another. */
	r = said(p, "\xc2\xb6" "12. (C) A U.S. delegation met Omani officials.", NULL, &paras);
	assert_true(paras == 0);
	/*
	 * Nor a line's own mark before a paragraph named, as a reading joined with the line below
	 * has it (the property tester's generated document 24407).
	 */
	r = said(p, "(C) w27 w28 w29 w30 w31 w32 w33 w34 w35 " "\xc2\xb6" "3. (C//REL TO USA, GBR) "
	    "w36 w37 w38 w39. w40 w41 w42 w43,", NULL, &paras);
	assert_true(paras == 0);
	/* In capitals throughout, a level is a word like any. */
	r = said(p, "THE CHANGES REPORTED IN PARA 1 HAD BEEN AN OPEN SECRET IN TEHRAN.", NULL,
	    &paras);
	assert_true(paras == 0);
	r = said(p, "PARA 2 REPORTS THE USE OF FORCE.", NULL, NULL);
	assert_int_equal(r, 0);
}

/*
 * A level in lower case beside a word of classification, an order of handling or a pronoun after
 * a clause that named a paragraph, a control's name in lower case, the public denied, a mark
 * with a token unknown (stop 61).
 */
static void
test_said_after(void **state)
{
	const struct policy *p = *state;
	static const char *const secret[] = {
		"Para 3 names a source; handle as secret.",
		"Para 3 names a source. Please handle it as SECRET.",
		"Para 3 concerns a source. It is secret.",
		"Para 3 has been upgraded from confidential to secret.",
		"Note: para 3 should be handled at the secret level.",
		"Para 3 warrants secret handling.",
		"Para 3, though marked unclassified, is secret at the MFA's request.",
		"Para 3 has been raised to secret at the request of MOI.",
		"Para 3 was mismarked and is actually secret.",
		"Para 3 names a source. We ask that you handle it as SECRET.",
		"Para 3 names a source. Its contents are SECRET.",
		"Para 3 names a source. It is, at the service's request, secret.",
		"Para 3 names a source. The service asked that it be handled as secret.",
	};
	uint64_t paras;
	size_t k;
	int r, level;

	for (k = 0; k < sizeof(secret) / sizeof(secret[0]); k++) {
		r = said(p, secret[k], &level, &paras);
		if (!(r & STATED_AHEAD) || paras != (UINT64_C(1) << 3) || level != 2)
			fail_msg("paragraph 3 not SECRET: \"%s\" (%d, level %d)", secret[k], r,
			    level);
	}
	/* A control's name of several words, the public denied: a limit, no level. */
	r = said(p, "Para 3 is for official use only.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	r = said(p, "Para 3 is not for public release.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	/* A mark with a token unknown after a level of two letters: unknown. */
	r = said(p, "Para 3 is TS/SCI.", &level, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3) && level == -1);
	r = said(p, "Para 3 draws on TS/SCI reporting.", &level, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3) && level == -1);
	r = said(p, "Para 3 draws on S-NF reporting.", &level, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3) && level == 2);
	/* ... a control in lower case in the clause after. */
	r = said(p, "Para 3 names the officer. It is for official use only.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	r = said(p, "Para 3 names the officer. It must not be published.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	r = said(p, "Para 3 contains information that is for official use only.", NULL, &paras);
	assert_true((r & STATED_AHEAD) && paras == (UINT64_C(1) << 3));
	/* Not: an office's symbol, a level that is a word ("no secret", "an open secret"). */
	r = said(p, "Para 3 was cleared by S/CT.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 covers the talks. It is no secret that they failed.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 covers the talks. It was an open secret in Beirut.", NULL, &paras);
	assert_true(paras == 0);
	/* Nor the public denied a report the paragraph describes, or in a report. */
	r = said(p, "Para 3 describes a report that is not for public release.", NULL, &paras);
	assert_true(paras == 0);
	/* Nor an order that is no order, a possessive before a noun not the text's (round 150). */
	r = said(p, "Para 3 covers the talks. Both sides pledged to treat them as confidential.",
	    NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 covers the crossing. Its two northern lanes are for official use only.",
	    NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 covers the plan. It is secret that the ministry plans a change.", NULL,
	    &paras);
	assert_true(paras == 0);
	/* Tables: a strong word of one column at least; semicolons part a CSV's cells. */
	{
		struct table_head head;
		struct stated st;

		assert_false(reading_table_head("| Section | Class | Students |", 30, &head));
		assert_false(reading_table_head("| Section | Level | Topic |", 27, &head));
		assert_true(reading_table_head("Para;Class", 10, &head));
		r = reading_table_row(p, "3;S", 3, &head, &st);
		assert_true((r & STATED_AHEAD) && st.paras == (UINT64_C(1) << 3) && st.m.level == 2);
	}
	/* Not: a level in lower case with no word of classification, a pronoun with no level. */
	r = said(p, "Para 3 describes the secret police.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 concerns trade. It is important.", NULL, &paras);
	assert_true(paras == 0);
	r = said(p, "Para 3 names the dates. Please keep it in mind.", NULL, &paras);
	assert_true(paras == 0);
}

/* A handling control's name in capitals near a mark, and as a label after one (stop 61). */
static void
test_handling_near(void **state)
{
	const struct policy *p = *state;
	int fouo = policy_control_find(p, "FOUO", 4), orcon = policy_control_find(p, "ORCON", 5);
	struct marking m;
	struct fold f;
	uint64_t bits;

	assert_true(fouo >= 0 && orcon >= 0);
	bits = reading_capital_controls(p, "The pier closes on Monday -- FOUO.", 34);
	assert_true(bits & ((uint64_t)1 << fouo));
	bits = reading_capital_controls(p, "The source is new; this item is ORCON.", 38);
	assert_true(bits & ((uint64_t)1 << orcon));
	/* Three letters after a mark's sign ("// SBU"), not alone ("Two Embassy LES"). */
	assert_true(reading_capital_controls(p, "The pier closes on Monday // SBU", 32) != 0);
	/* Not a name of three letters, a discipline's, a law's, a word an alias is. */
	assert_int_equal(reading_capital_controls(p, "Two Embassy LES drivers came.", 29), 0);
	assert_int_equal(reading_capital_controls(p, "The BR FISA Order was renewed.", 30), 0);
	assert_int_equal(reading_capital_controls(p, "A SENSITIVE issue was raised.", 29), 0);
	assert_int_equal(reading_capital_controls(p, "ORCON policy was reviewed.", 26), 0);
	assert_int_equal(reading_capital_controls(p, "THIS CABLE IS SENSITIVE BUT UNCLASSIFIED.",
	    41), 0);
	/* "(U) Law enforcement sensitive: The", after the mark. */
	fold_line("(U) Law enforcement sensitive: The", 34, FOLD_MAX, false, &f);
	assert_int_equal(reading_mark_tail(p, &f, 3, &m), 1);
	assert_true(m.controls != 0);
}

/* A mark predicated, a control, another scheme's level, a grade. */
static void
test_marks_said(void **state)
{
	const struct policy *p = *state;
	int level, r;

	r = said(p, "Para 3 is S/NF.", &level, NULL);
	assert_true(r != 0 && level == level_of(p, "SECRET"));
	r = said(p, "This paragraph is classified Secret Noforn.", &level, NULL);
	assert_true((r & STATED_HERE) && level == level_of(p, "SECRET"));
	r = said(p, "This paragraph is classified CUI.", &level, NULL);
	assert_true((r & STATED_HERE) && level == -1);
	r = said(p, "This paragraph is classified Protected B.", &level, NULL);
	assert_true((r & STATED_HERE) && level == -1);
	/* A doubt past a comma is of something else. */
	r = said(p, "This paragraph is classified Secret, not Confidential.", &level, NULL);
	assert_true((r & STATED_HERE) && level == level_of(p, "SECRET"));
	/* The Embassy's website, contract terms: no statement. */
	assert_int_equal(said(p, "Please visit Paris' Classified Website at:", NULL, NULL), 0);
	r = said(p, "Pricing data is Confidential Information of the Contractor.", NULL, NULL);
	assert_false(r & ~STATED_VAGUE);
}

/* Prose, names, negations, questions, reports and quotes state nothing. */
static void
test_not_stated(void **state)
{
	const struct policy *p = *state;
	static const char *const none[] = {
		"The secret talks began in May.",
		"The Secret Service detail arrived on Monday.",
		"He read the classified ads every morning.",
		"This paragraph is not classified.",
		"This paragraph is Unclassified.",
		"Is this paragraph Secret?",
		"The minister said the paragraph was Secret.",
		"The term \"Secret\" means a level of classification.",
		"The (Classification: Secret) field on the form must be filled in.",
		"The classification review of the programs is complete.",
		"Confidential Information Procedures apply.",
	};
	size_t i;
	int r;

	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		if ((r = said(p, none[i], NULL, NULL)) != 0 && !(r & STATED_VAGUE))
			fail_msg("\"%s\" states %d", none[i], r);
}

/* The cheap look lets through every line that may state a level, and turns most away. */
static void
test_may(void **state)
{
	const struct policy *p = *state;

	assert_true(reading_level_may(p, "is classified", 13));
	assert_true(reading_level_may(p, "a Secret one", 12));
	assert_true(reading_level_may(p, "TOP SECRET", 10));
	assert_true(reading_level_may(p, "Restricted", 10));
	assert_false(reading_level_may(p, "The weather was fine at the port.", 33));
	assert_false(reading_level_may(p, "secretary", 9));
}

/* Another policy's levels, read from its own terms: OFFICIAL-SENSITIVE, with its hyphen. */
static void
test_other_policy(void **state)
{
	char err[POLICY_ERRLEN];
	struct policy *p = policy_open("policies/uk.yaml", err, sizeof(err));
	int level;

	(void)state;
	if (p == NULL)
		fail_msg("policies/uk.yaml: %s", err);
	assert_true(reading_level_may(p, "marked Official-Sensitive", 25));
	assert_true(said(p, "This paragraph is classified OFFICIAL-SENSITIVE.", &level, NULL) &
	    STATED_HERE);
	assert_int_equal(level, level_of(p, "OFFICIAL-SENSITIVE"));
	/* CONFIDENTIAL is another scheme's level under this policy: unknown. */
	assert_true(said(p, "This paragraph is classified Confidential.", &level, NULL) &
	    STATED_HERE);
	assert_int_equal(level, -1);
	policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stated),
		cmocka_unit_test(test_numbered),
		cmocka_unit_test(test_unplaced),
		cmocka_unit_test(test_named_beside),
		cmocka_unit_test(test_said_after),
		cmocka_unit_test(test_handling_near),
		cmocka_unit_test(test_marks_said),
		cmocka_unit_test(test_not_stated),
		cmocka_unit_test(test_may),
		cmocka_unit_test(test_other_policy),
	};

	return cmocka_run_group_tests(tests, fixture_policy_setup, fixture_policy_teardown);
}
