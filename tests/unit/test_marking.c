/* SPDX-License-Identifier: ISC */
/*
 * test_marking: the marking grammar under the built-in policy. Every portion mark spelling seen
 * in the corpus, the parentheses that are not marks, release targets, and each rule of
 * marking_decide, marking_join and marking_format.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "marking.h"
#include "policy.h"

#include "fixtures.h"

#define LV_U 0
#define LV_C 1
#define LV_S 2
#define LV_TS 3

/* Parses a portion mark (the text between the parentheses) and asserts that it is a mark. */
static struct marking
mark(const struct policy *p, const char *s)
{
	struct marking m;

	assert_int_equal(marking_parse(p, s, strlen(s), MARKING_PORTION, &m), 1);
	return m;
}

static struct marking
target(const struct policy *p, const char *s)
{
	struct marking t;
	char err[256];

	if (marking_parse_target(p, s, &t, err, sizeof(err)) != 0)
		fail_msg("target \"%s\": %s", s, err);
	return t;
}

static int
country(const struct policy *p, const char *code)
{
	int c = policy_country_find(p, code, strlen(code));

	assert_true(c >= 0);
	return c;
}

static bool
has_country(const struct policy *p, const struct marking *m, const char *code)
{
	int c = country(p, code);

	return (m->rel.bits[c / 64] >> (c % 64)) & 1;
}

static size_t
rel_count(const struct marking *m)
{
	size_t c, n = 0;

	for (c = 0; c < POLICY_MAX_COUNTRIES; c++)
		n += (m->rel.bits[c / 64] >> (c % 64)) & 1;
	return n;
}

static bool
has_control(const struct policy *p, const struct marking *m, const char *name)
{
	int c = policy_control_find(p, name, strlen(name));

	assert_true(c >= 0);
	return (m->controls >> c) & 1;
}

static enum marking_rule
decide(const struct policy *p, const char *m, const char *t, const char **exemption)
{
	struct marking mm = mark(p, m), tt = target(p, t);
	char why[160];
	const char *ex = NULL;
	enum marking_rule r = marking_decide(p, &mm, &tt, why, sizeof(why), &ex);

	assert_non_null(ex);
	assert_true(why[0] != '\0');
	if (exemption != NULL)
		*exemption = ex;
	return r;
}

static void
test_levels(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	m = mark(p, "U");
	assert_int_equal(m.level, LV_U);
	assert_int_equal(m.fd, FD_NONE);
	assert_int_equal(m.controls, 0);
	assert_false(m.unknown);
	assert_int_equal(mark(p, "C").level, LV_C);
	assert_int_equal(mark(p, "S").level, LV_S);
	assert_int_equal(mark(p, "TS").level, LV_TS);
	/* "( C)": a space inside the parentheses. */
	m = mark(p, " C");
	assert_int_equal(m.level, LV_C);
	assert_false(m.unknown);
}

static void
test_noforn_spellings(void **state)
{
	const struct policy *p = *state;
	static const char *const spellings[] = { "S/NF", "S//NF", "S-NF", "S//NOFORN", "S/NOFORN" };
	struct marking m;
	size_t i;

	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		m = mark(p, spellings[i]);
		assert_int_equal(m.level, LV_S);
		assert_int_equal(m.fd, FD_NOFORN);
		assert_false(m.unknown);
		assert_int_equal(m.controls, 0);
	}
	m = mark(p, "C/NOFORN");
	assert_int_equal(m.level, LV_C);
	assert_int_equal(m.fd, FD_NOFORN);
	m = mark(p, "C/NF");
	assert_int_equal(m.level, LV_C);
	assert_int_equal(m.fd, FD_NOFORN);
}

static void
test_handling_spellings(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	m = mark(p, "SBU");
	assert_int_equal(m.level, LV_U);
	assert_true(has_control(p, &m, "SBU"));
	assert_int_equal(m.fd, FD_NONE);
	assert_false(m.unknown);

	m = mark(p, "U//FOUO");
	assert_int_equal(m.level, LV_U);
	assert_true(has_control(p, &m, "FOUO"));
	assert_false(has_control(p, &m, "SBU"));

	m = mark(p, "SBU/NF");
	assert_int_equal(m.level, LV_U);
	assert_true(has_control(p, &m, "SBU"));
	assert_int_equal(m.fd, FD_NOFORN);

	m = mark(p, "S//FGI//NF");
	assert_int_equal(m.level, LV_S);
	assert_true(has_control(p, &m, "FGI"));
	assert_int_equal(m.fd, FD_NOFORN);
	assert_false(m.unknown);

	m = mark(p, "LOU");
	assert_int_equal(m.level, LV_U);
	assert_true(has_control(p, &m, "LOU"));
}

static void
test_rel_spellings(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	m = mark(p, "S//REL TO USA, FVEY");
	assert_int_equal(m.level, LV_S);
	assert_int_equal(m.fd, FD_REL);
	assert_false(m.rel_partial);
	assert_false(m.unknown);
	assert_true(has_country(p, &m, "USA"));
	assert_true(has_country(p, &m, "GBR"));
	assert_true(has_country(p, &m, "AUS"));
	assert_true(has_country(p, &m, "CAN"));
	assert_true(has_country(p, &m, "NZL"));
	assert_false(has_country(p, &m, "FRA"));
	assert_int_equal(rel_count(&m), 5);

	/* "to" in lower case, and ACGU (FVEY without New Zealand). */
	m = mark(p, "S//REL to USA, ACGU");
	assert_int_equal(m.fd, FD_REL);
	assert_false(m.unknown);
	assert_true(has_country(p, &m, "GBR"));
	assert_false(has_country(p, &m, "NZL"));
	assert_int_equal(rel_count(&m), 4);

	/* "REL" with no "TO", and a group. */
	m = mark(p, "S/REL NATO");
	assert_int_equal(m.level, LV_S);
	assert_int_equal(m.fd, FD_REL);
	assert_false(m.rel_partial);
	assert_true(has_country(p, &m, "FRA"));
	assert_true(has_country(p, &m, "DEU"));
	assert_true(has_country(p, &m, "GBR"));
	assert_false(has_country(p, &m, "AUS"));

	/* A country alias written as a name. */
	m = mark(p, "S/REL to Pakistan");
	assert_int_equal(m.fd, FD_REL);
	assert_false(m.unknown);
	assert_true(has_country(p, &m, "PAK"));
	/* Every REL TO list admits the home country, written or not. */
	assert_true(has_country(p, &m, "USA"));
	assert_int_equal(rel_count(&m), 2);

	m = mark(p, "S//REL TO USA, GBR");
	assert_true(has_country(p, &m, "USA"));
	assert_true(has_country(p, &m, "GBR"));
	assert_int_equal(rel_count(&m), 2);
}

static void
test_rel_partial(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	/* "REL" with no list proves nothing. */
	m = mark(p, "S//REL");
	assert_int_equal(m.fd, FD_REL);
	assert_true(m.rel_partial);
	assert_false(m.unknown);

	/* ISAF is a known group whose membership the policy does not list. */
	m = mark(p, "C//REL ISAF");
	assert_int_equal(m.level, LV_C);
	assert_int_equal(m.fd, FD_REL);
	assert_true(m.rel_partial);
	assert_false(m.unknown);

	/*
	 * A token that is neither a country nor a group is unknown; a word of four letters is
	 * not kept for messages (a tetragraph may be classified itself), one of three is.
	 */
	m = mark(p, "S//REL TO USA, XYZQ");
	assert_true(m.unknown);
	assert_string_equal(m.unknown_token, "");
	m = mark(p, "S//REL TO USA, XYZ");
	assert_true(m.unknown);
	assert_string_equal(m.unknown_token, "XYZ");
}

static void
test_not_marks(void **state)
{
	const struct policy *p = *state;
	static const char *const texts[] = { "c", "PRC", "SOC", "PS", "C&C", "a", "b, d", "1",
		"REF G", "Kouchner", "s", "u", "ts", "SS", "CS" };
	struct marking m;
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		int rc = marking_parse(p, texts[i], strlen(texts[i]), MARKING_PORTION, &m);

		if (rc != 0)
			fail_msg("\"(%s)\" was read as a mark", texts[i]);
	}
}

/*
 * At the head of a portion, a level's abbreviation run into a digit or punctuation is a misspelt
 * mark (unknown, so withheld everywhere); elsewhere, and run into a letter, it is text.
 */
static void
test_misspelt_at_head(void **state)
{
	const struct policy *p = *state;
	static const char *const misspelt[] = { "S,NF", "S.", "S1", "S;NF", "S\\NF", "S|NF", "TS|SCI",
		"C&C", "C:NF", "s//nf", "u/fouo", "ts//sci", "c-nf", "U." };
	static const char *const text[] = { "c", "s", "ts", "PRC", "SOC", "Sam", "CIA", "1", "5",
		"s,nf", "REF G", "s/", "U.S.", "U.N. forces", "C.I.A." };
	struct marking m;
	size_t i;

	for (i = 0; i < sizeof(misspelt) / sizeof(misspelt[0]); i++) {
		const char *s = misspelt[i];

		assert_int_equal(marking_parse(p, s, strlen(s), MARKING_PORTION, &m), 0);
		/* At the start of a line that is not a head, only the lower-case kind. */
		assert_int_equal(marking_parse(p, s, strlen(s), MARKING_START, &m),
		    islower((unsigned char)s[0]) ? 1 : 0);
		if (marking_parse(p, s, strlen(s), MARKING_HEAD, &m) != 1 || !m.unknown)
			fail_msg("\"(%s)\" at a portion's head was not a misspelt mark", s);
	}
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		const char *s = text[i];

		if (marking_parse(p, s, strlen(s), MARKING_HEAD, &m) != 0)
			fail_msg("\"(%s)\" at a portion's head was read as a mark", s);
	}
	/* Well-formed marks read the same either way. */
	assert_int_equal(marking_parse(p, "S//NF", 5, MARKING_HEAD, &m), 1);
	assert_false(m.unknown);
	assert_int_equal(m.level, LV_S);
}

static void
test_unknown_tokens(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	m = mark(p, "S/WCI");
	assert_int_equal(m.level, LV_S);
	assert_true(m.unknown);
	assert_string_equal(m.unknown_token, "WCI");

	/* "(U/S)": an office symbol that starts like a mark. */
	m = mark(p, "U/S");
	assert_true(m.unknown);

	m = mark(p, "S//NF-WCI");
	assert_true(m.unknown);

	/* A mark of another scheme is a mark this policy cannot read. */
	assert_int_equal(marking_parse(p, "NS", 2, MARKING_PORTION, &m), 1);
	assert_true(m.unknown);
}

static void
test_portion_case_sensitive(void **state)
{
	const struct policy *p = *state;
	struct marking m;

	/* Banner syntax is case-insensitive and takes the letter-spaced form. */
	assert_int_equal(marking_parse(p, "secret", 6, MARKING_BANNER, &m), 1);
	assert_int_equal(m.level, LV_S);
	assert_int_equal(marking_parse(p, "S E C R E T", 11, MARKING_BANNER, &m), 1);
	assert_int_equal(m.level, LV_S);
	assert_int_equal(marking_parse(p, "UNCLAS", 6, MARKING_BANNER, &m), 1);
	assert_int_equal(m.level, LV_U);
	assert_int_equal(marking_parse(p, "SECRET//NOFORN", 14, MARKING_BANNER, &m), 1);
	assert_int_equal(m.fd, FD_NOFORN);
	/* Portion syntax is not: "(c)" is a list item. */
	assert_int_equal(marking_parse(p, "c", 1, MARKING_PORTION, &m), 0);
	assert_int_equal(marking_parse(p, "secret", 6, MARKING_PORTION, &m), 0);
}

static void
test_targets(void **state)
{
	const struct policy *p = *state;
	struct marking t;

	t = target(p, "U");
	assert_int_equal(t.level, LV_U);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_PUBLIC);
	t = target(p, "UNCLASSIFIED");
	assert_int_equal(t.level, LV_U);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_PUBLIC);
	t = target(p, "C");
	assert_int_equal(t.level, LV_C);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_US);
	t = target(p, "CONFIDENTIAL");
	assert_int_equal(t.level, LV_C);
	t = target(p, "S");
	assert_int_equal(t.level, LV_S);
	t = target(p, "TS");
	assert_int_equal(t.level, LV_TS);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_US);
	t = target(p, "TOP SECRET");
	assert_int_equal(t.level, LV_TS);

	t = target(p, "UNCLASSIFIED//FOUO");
	assert_int_equal(t.level, LV_U);
	assert_true(has_control(p, &t, "FOUO"));
	assert_int_equal(marking_audience(p, &t), AUDIENCE_US);

	t = target(p, "SECRET//NOFORN");
	assert_int_equal(t.level, LV_S);
	assert_int_equal(t.fd, FD_NOFORN);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_US);

	t = target(p, "SECRET//REL TO USA, GBR");
	assert_int_equal(t.level, LV_S);
	assert_int_equal(t.fd, FD_REL);
	assert_true(has_country(p, &t, "GBR"));
	assert_int_equal(rel_count(&t), 2);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_FOREIGN);

	/* A group in a target is expanded when its members are known. */
	t = target(p, "SECRET//REL TO USA, FVEY");
	assert_int_equal(rel_count(&t), 5);
	assert_int_equal(marking_audience(p, &t), AUDIENCE_FOREIGN);

	/* REL TO USA alone has no foreign reader. */
	t = target(p, "SECRET//REL TO USA");
	assert_int_equal(marking_audience(p, &t), AUDIENCE_US);
}

static void
test_bad_targets(void **state)
{
	const struct policy *p = *state;
	static const char *const bad[] = { "", "PUBLIC", "secretish", "SECRET//WCI",
		"SECRET//REL TO USA, ISAF", "SECRET//REL", "SECRET//NOFORN//REL TO USA, GBR",
		"SECRET//REL TO USA, XYZQ", "(S)" };
	struct marking t;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		if (marking_parse_target(p, bad[i], &t, err, sizeof(err)) != -1)
			fail_msg("target \"%s\" was accepted", bad[i]);
		assert_non_null(strstr(err, "release target"));
	}
}

static void
test_decide_released(void **state)
{
	const struct policy *p = *state;

	assert_int_equal(decide(p, "U", "UNCLASSIFIED", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "U", "SECRET//REL TO USA, GBR", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "C", "CONFIDENTIAL", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "C", "SECRET", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "S/NF", "SECRET//NOFORN", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "S/NF", "TS", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "C/NOFORN", "CONFIDENTIAL", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "S//REL TO USA, FVEY", "SECRET//REL TO USA, GBR", NULL),
	    RULE_RELEASED);
	assert_int_equal(decide(p, "S/REL NATO", "SECRET//REL TO USA, FRA", NULL),
	    RULE_RELEASED);
	assert_int_equal(decide(p, "S//REL TO USA, GBR", "SECRET//REL TO USA, GBR", NULL),
	    RULE_RELEASED);
	/* Handling controls go to US-government targets. */
	assert_int_equal(decide(p, "SBU", "CONFIDENTIAL", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "U//FOUO", "UNCLASSIFIED//FOUO", NULL), RULE_RELEASED);
	assert_int_equal(decide(p, "S//FGI//NF", "SECRET", NULL), RULE_RELEASED);
	/* A release-nowhere control goes to a target that carries it. */
	assert_int_equal(decide(p, "S//ORCON", "SECRET//ORCON", NULL), RULE_RELEASED);
}

static void
test_decide_unknown(void **state)
{
	const struct policy *p = *state;

	/* An unknown token is never released, not even to the highest target. */
	assert_int_equal(decide(p, "S/WCI", "TOP SECRET", NULL), RULE_UNKNOWN_TOKEN);
	assert_int_equal(decide(p, "U/S", "TOP SECRET", NULL), RULE_UNKNOWN_TOKEN);
	assert_int_equal(decide(p, "U//XYZQ", "UNCLASSIFIED", NULL), RULE_UNKNOWN_TOKEN);
	assert_string_equal(marking_rule_name(RULE_UNKNOWN_TOKEN), "unknown-token");
}

static void
test_decide_level(void **state)
{
	const struct policy *p = *state;
	const char *ex;

	assert_int_equal(decide(p, "C", "UNCLASSIFIED", &ex), RULE_LEVEL);
	assert_string_equal(ex, "(b)(1)");
	assert_int_equal(decide(p, "S", "CONFIDENTIAL", &ex), RULE_LEVEL);
	assert_int_equal(decide(p, "TS", "SECRET//NOFORN", &ex), RULE_LEVEL);
	assert_int_equal(decide(p, "S//REL TO USA, GBR", "CONFIDENTIAL//REL TO USA, GBR", &ex),
	    RULE_LEVEL);
	assert_string_equal(marking_rule_name(RULE_LEVEL), "level");
}

static void
test_decide_noforn(void **state)
{
	const struct policy *p = *state;

	assert_int_equal(decide(p, "S/NF", "SECRET//REL TO USA, GBR", NULL), RULE_NOFORN);
	assert_int_equal(decide(p, "C/NF", "SECRET//REL TO USA, FVEY", NULL), RULE_NOFORN);
	/* An unclassified NOFORN portion is not public. */
	assert_int_equal(decide(p, "SBU/NF", "UNCLASSIFIED", NULL), RULE_NOFORN);
	assert_int_equal(decide(p, "SBU/NF", "CONFIDENTIAL", NULL), RULE_RELEASED);
	assert_string_equal(marking_rule_name(RULE_NOFORN), "noforn");
}

static void
test_decide_us_only(void **state)
{
	const struct policy *p = *state;

	/* A classified portion with no REL TO goes to US readers only. */
	assert_int_equal(decide(p, "S", "SECRET//REL TO USA, GBR", NULL), RULE_US_ONLY);
	assert_int_equal(decide(p, "C", "SECRET//REL TO USA, GBR", NULL), RULE_US_ONLY);
}

static void
test_decide_rel_country(void **state)
{
	const struct policy *p = *state;

	assert_int_equal(decide(p, "S//REL TO USA, GBR", "SECRET//REL TO USA, FRA", NULL),
	    RULE_REL_COUNTRY);
	assert_int_equal(decide(p, "S//REL TO USA, ACGU", "SECRET//REL TO USA, NZL", NULL),
	    RULE_REL_COUNTRY);
	/* Every target country must be listed. */
	assert_int_equal(decide(p, "S//REL TO USA, GBR", "SECRET//REL TO USA, GBR, FRA", NULL),
	    RULE_REL_COUNTRY);
	assert_int_equal(decide(p, "S/REL to Pakistan", "SECRET//REL TO USA, GBR", NULL),
	    RULE_REL_COUNTRY);
	assert_int_equal(decide(p, "S/REL to Pakistan", "SECRET//REL TO USA, PAK", NULL),
	    RULE_RELEASED);
}

static void
test_decide_rel_partial(void **state)
{
	const struct policy *p = *state;

	/* A group of unknown membership proves nothing about a foreign target. */
	assert_int_equal(decide(p, "C//REL ISAF", "SECRET//REL TO USA, GBR", NULL),
	    RULE_REL_PARTIAL);
	assert_int_equal(decide(p, "S//REL", "SECRET//REL TO USA, GBR", NULL), RULE_REL_PARTIAL);
	/* A US target is not foreign: the REL TO list does not matter. */
	assert_int_equal(decide(p, "C//REL ISAF", "CONFIDENTIAL", NULL), RULE_RELEASED);
}

static void
test_decide_handling(void **state)
{
	const struct policy *p = *state;
	const char *ex;

	assert_int_equal(decide(p, "SBU", "UNCLASSIFIED", &ex), RULE_HANDLING);
	assert_string_equal(ex, "(b)(5)");
	assert_int_equal(decide(p, "U//FOUO", "UNCLASSIFIED", &ex), RULE_HANDLING);
	assert_int_equal(decide(p, "LOU", "U", NULL), RULE_HANDLING);
	/* Handling controls with no REL TO go to US-government targets only. */
	assert_int_equal(decide(p, "SBU", "SECRET//REL TO USA, GBR", NULL), RULE_US_ONLY);
	assert_int_equal(decide(p, "U//FOUO", "SECRET//REL TO USA, FVEY", NULL), RULE_US_ONLY);
	/* Even to a foreign target that names the control. */
	assert_int_equal(decide(p, "U//FOUO", "UNCLASSIFIED//FOUO//REL TO USA, GBR", NULL),
	    RULE_US_ONLY);
	/* With REL TO, the control decides: FOUO is for US readers. */
	assert_int_equal(decide(p, "U//FOUO//REL TO USA, GBR", "SECRET//REL TO USA, GBR", NULL),
	    RULE_HANDLING);
	/* A control released to no audience needs a target that carries it. */
	assert_int_equal(decide(p, "S//ORCON", "TOP SECRET", NULL), RULE_HANDLING);
	assert_int_equal(decide(p, "U//LES", "UNCLASSIFIED", &ex), RULE_HANDLING);
	assert_string_equal(ex, "(b)(7)(E)");
	assert_string_equal(marking_rule_name(RULE_HANDLING), "handling");
}

static void
test_join(void **state)
{
	const struct policy *p = *state;
	struct marking a, b, r;

	/* Level and NOFORN rise. */
	a = mark(p, "U");
	b = mark(p, "S/NF");
	marking_join(p, &a, &b, &r);
	assert_int_equal(r.level, LV_S);
	assert_int_equal(r.fd, FD_NOFORN);
	marking_join(p, &b, &a, &r);
	assert_int_equal(r.level, LV_S);
	assert_int_equal(r.fd, FD_NOFORN);

	/* REL TO lists intersect. */
	a = mark(p, "S//REL TO USA, FVEY");
	b = mark(p, "C//REL TO USA, GBR, FRA");
	marking_join(p, &a, &b, &r);
	assert_int_equal(r.level, LV_S);
	assert_int_equal(r.fd, FD_REL);
	assert_true(has_country(p, &r, "GBR"));
	assert_false(has_country(p, &r, "FRA"));
	assert_false(has_country(p, &r, "AUS"));

	/* NOFORN beats REL TO. */
	a = mark(p, "S//REL TO USA, GBR");
	b = mark(p, "C/NF");
	marking_join(p, &a, &b, &r);
	assert_int_equal(r.fd, FD_NOFORN);

	/* A classified portion with no REL TO makes the join US-only. */
	a = mark(p, "S//REL TO USA, GBR");
	b = mark(p, "C");
	marking_join(p, &a, &b, &r);
	assert_int_equal(r.fd, FD_NONE);
	assert_int_equal(rel_count(&r), 0);

	/* An unclassified portion does not spoil a REL TO list. */
	a = mark(p, "S//REL TO USA, GBR");
	b = mark(p, "U");
	marking_join(p, &b, &a, &r);
	assert_int_equal(r.fd, FD_REL);
	assert_true(has_country(p, &r, "GBR"));

	/* Controls unite; unknown stays unknown; the output may alias an input. */
	a = mark(p, "U//FOUO");
	b = mark(p, "S/WCI");
	marking_join(p, &a, &b, &a);
	assert_true(a.unknown);
	assert_string_equal(a.unknown_token, "WCI");
	assert_true(has_control(p, &a, "FOUO"));
	assert_int_equal(a.level, LV_S);

	/* A partial REL TO list stays partial. */
	a = mark(p, "C//REL ISAF");
	b = mark(p, "S//REL TO USA, GBR");
	marking_join(p, &a, &b, &r);
	assert_true(r.rel_partial);
}

/*
 * The reader joins a run of portions as one (settle_markings: a list's items, a paragraph a
 * closing mark raises back), so the join must not depend on how a run is grouped: (a b) c is
 * a (b c), whichever mark is unknown first.
 */
static void
test_join_associative(void **state)
{
	static const char *const marks[] = { "U", "C", "S", "TS", "S/NF", "C//REL TO USA, GBR",
	    "S//REL TO USA, FVEY", "S//REL TO USA, GBR, FRA", "U//FOUO", "S/WCI", "C/XYZZY",
	    "C//REL ISAF", "U//REL TO USA, GBR", "S//ORCON", "U//LES", "TS//SI//NOFORN",
	    "S//REL TO USA, AUS//NOFORN" };
	const struct policy *p = *state;
	size_t n = sizeof(marks) / sizeof(marks[0]), i, j, k;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			for (k = 0; k < n; k++) {
				struct marking a = mark(p, marks[i]), b = mark(p, marks[j]);
				struct marking c = mark(p, marks[k]), l, r;

				marking_join(p, &a, &b, &l);
				marking_join(p, &l, &c, &l);
				marking_join(p, &b, &c, &r);
				marking_join(p, &a, &r, &r);
				if (!marking_identical(&l, &r))
					fail_msg("(%s %s) %s is not %s (%s %s)", marks[i], marks[j],
					    marks[k], marks[i], marks[j], marks[k]);
			}
}

static void
test_rollup(void **state)
{
	const struct policy *p = *state;
	struct marking acc, m;
	bool first = true;

	marking_init(&acc);
	m = mark(p, "C");
	marking_rollup_add(p, &acc, &first, &m);
	assert_false(first);
	assert_int_equal(acc.level, LV_C);
	m = mark(p, "U");
	marking_rollup_add(p, &acc, &first, &m);
	assert_int_equal(acc.level, LV_C);
	m = mark(p, "S/NF");
	marking_rollup_add(p, &acc, &first, &m);
	assert_int_equal(acc.level, LV_S);
	assert_int_equal(acc.fd, FD_NOFORN);
}

static void
format(const struct policy *p, const struct marking *m, const char *word, bool ctl,
    const char *want)
{
	char buf[256];
	int n = marking_format(p, m, word, ctl, buf, sizeof(buf));

	assert_int_equal(n, (int)strlen(want));
	assert_string_equal(buf, want);
}

static void
test_format(void **state)
{
	const struct policy *p = *state;
	struct marking m;
	char small[8];

	m = mark(p, "S/NF");
	format(p, &m, NULL, true, "SECRET//NOFORN");
	format(p, &m, NULL, false, "SECRET");
	format(p, &m, "S E C R E T", false, "S E C R E T");
	m = mark(p, "S//REL TO USA, GBR");
	format(p, &m, NULL, true, "SECRET//REL TO USA, GBR");
	/* A whole group is written by its tetragraph; countries outside it by their trigraphs. */
	m = mark(p, "S//REL TO USA, FVEY");
	format(p, &m, NULL, true, "SECRET//REL TO USA, FVEY");
	m = mark(p, "S//REL TO USA, AUS, CAN, GBR, NZL");
	format(p, &m, NULL, true, "SECRET//REL TO USA, FVEY");
	m = mark(p, "S//REL TO USA, GBR, CAN, JPN");
	format(p, &m, NULL, true, "SECRET//REL TO USA, CAN, GBR, JPN");
	m = mark(p, "S//REL TO USA, FVEY, JPN");
	format(p, &m, NULL, true, "SECRET//REL TO USA, JPN, FVEY");
	m = mark(p, "U//FOUO");
	format(p, &m, NULL, true, "UNCLASSIFIED//FOUO");
	/* FOUO is dropped from a classified banner (CAPCO). */
	m = mark(p, "C//FOUO");
	format(p, &m, NULL, true, "CONFIDENTIAL");
	m = mark(p, "SBU");
	format(p, &m, "UNCLAS", true, "UNCLAS//SBU");
	m = mark(p, "TS");
	format(p, &m, NULL, true, "TOP SECRET");
	m = mark(p, "C");
	format(p, &m, NULL, true, "CONFIDENTIAL");
	/* REL TO no one but the USA is NOFORN. */
	m = mark(p, "S//REL TO USA");
	format(p, &m, NULL, true, "SECRET//NOFORN");

	m = mark(p, "S/NF");
	assert_int_equal(marking_format(p, &m, NULL, true, small, sizeof(small)), -1);
	assert_int_equal(marking_format(p, &m, NULL, true, small, 0), -1);
}

static void
test_init(void **state)
{
	struct marking m;

	(void)state;
	memset(&m, 0xff, sizeof(m));
	marking_init(&m);
	assert_int_equal(m.level, 0);
	assert_int_equal(m.controls, 0);
	assert_int_equal(m.fd, FD_NONE);
	assert_false(m.unknown);
	assert_false(m.rel_partial);
	assert_int_equal(rel_count(&m), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_noforn_spellings),
		cmocka_unit_test(test_handling_spellings),
		cmocka_unit_test(test_rel_spellings),
		cmocka_unit_test(test_rel_partial),
		cmocka_unit_test(test_not_marks),
		cmocka_unit_test(test_misspelt_at_head),
		cmocka_unit_test(test_unknown_tokens),
		cmocka_unit_test(test_portion_case_sensitive),
		cmocka_unit_test(test_targets),
		cmocka_unit_test(test_bad_targets),
		cmocka_unit_test(test_decide_released),
		cmocka_unit_test(test_decide_unknown),
		cmocka_unit_test(test_decide_level),
		cmocka_unit_test(test_decide_noforn),
		cmocka_unit_test(test_decide_us_only),
		cmocka_unit_test(test_decide_rel_country),
		cmocka_unit_test(test_decide_rel_partial),
		cmocka_unit_test(test_decide_handling),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_join_associative),
		cmocka_unit_test(test_rollup),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests_name("marking", tests, fixture_policy_setup, fixture_policy_teardown);
}
