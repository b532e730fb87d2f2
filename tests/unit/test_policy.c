/* SPDX-License-Identifier: ISC */
/*
 * test_policy: loading policies. The built-in policy loads and agrees with the ISM vocabulary
 * (tests/data/ism-cve/CVEnumISMCATRelTo.rnc, parsed here); a bad policy is refused with a
 * located message; a pattern that hits its match limit is an error, never "no match".
 *
 * Run from the repository root (tests/run.sh does), or set TEARLINE_ISM_RELTO to the .rnc file.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "policy.h"

#define RELTO_RNC "tests/data/ism-cve/CVEnumISMCATRelTo.rnc"

/*
 * A small policy that loads; each negative test changes one thing in it, so that the load fails
 * for the reason the test names and no other. "@RULES@" is replaced by the layout rules and
 * "@EXTRA@" by extra scheme lines.
 */
static const char base_policy[] =
    "name: mini\n"					/* 1 */
    "scheme:\n"						/* 2 */
    "  levels:\n"					/* 3 */
    "    - name: UNCLASSIFIED\n"			/* 4 */
    "      portion: [U]\n"				/* 5 */
    "      banner: [UNCLASSIFIED]\n"			/* 6 */
    "    - name: SECRET\n"				/* 7 */
    "      portion: [S]\n"				/* 8 */
    "      banner: [SECRET]\n"			/* 9 */
    "      exemption: (b)(1)\n"			/* 10 */
    "  controls:\n"					/* 11 */
    "    - name: NOFORN\n"				/* 12 */
    "      kind: noforn\n"				/* 13 */
    "      aliases: [NF]\n"				/* 14 */
    "    - name: FOUO\n"				/* 15 */
    "      kind: handling\n"				/* 16 */
    "      release: [us]\n"				/* 17 */
    "  countries: [USA, GBR, FRA]\n"		/* 18 */
    "  groups:\n"					/* 19 */
    "    TWO: [USA, GBR]\n"				/* 20 */
    "@EXTRA@"
    "layout:\n"
    "  limits:\n"
    "    match: 1000\n"
    "    depth: 1000\n"
    "    heap_kib: 1024\n"
    "  placeholder: \"(U) [WITHHELD {exemption}]\"\n"
    "  default_exemption: (b)(1)\n"
    "  reading:\n"
    "    label: '^(?:(?<number>\\d{1,3}\\.)|(?<bullet>--)|(?<bare>\\d{1,3}))(?=[ (]|$) *'\n"
    "  rules:\n"
    "@RULES@";

/* A macro, so that a test can append a rule by string concatenation. */
#define BASE_RULES \
    "    - role: banner\n" \
    "      pattern: '^(?<level>UNCLASSIFIED|SECRET)(?<controls>//[A-Z/ ,]*)?$'\n"

/* Replaces the first `what` in s by `with`; returns a new string the caller frees. */
static char *
replace(const char *s, const char *what, const char *with)
{
	const char *at = strstr(s, what);
	size_t n;
	char *out;

	assert_non_null(at);
	n = strlen(s) - strlen(what) + strlen(with) + 1;
	out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, "%.*s%s%s", (int)(at - s), s, with, at + strlen(what));
	return out;
}

/* The base policy with its rules and extra scheme lines, and then `from` replaced by `to`. */
static char *
make_policy(const char *rules, const char *extra, const char *from, const char *to)
{
	char *a = replace(base_policy, "@RULES@", rules);
	char *b = replace(a, "@EXTRA@", extra);

	free(a);
	if (from != NULL) {
		a = replace(b, from, to);
		free(b);
		b = a;
	}
	return b;
}

/* Loads text and asserts that it fails with a message that contains `want`. */
static void
assert_refused(const char *text, const char *want)
{
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load(text, strlen(text), "t.yaml", err, sizeof(err));

	if (p != NULL) {
		policy_free(p);
		fail_msg("policy loaded; wanted an error with \"%s\"", want);
	}
	if (strstr(err, want) == NULL)
		fail_msg("error \"%s\" does not say \"%s\"", err, want);
	/* Every message names its origin. */
	assert_true(strncmp(err, "t.yaml", 6) == 0);
}

static void
test_builtin_loads(void **state)
{
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load_default(err, sizeof(err));
	size_t i;

	(void)state;
	if (p == NULL)
		fail_msg("%s", err);
	assert_string_equal(p->name, "us-cable");
	assert_int_equal(p->nlevels, 4);
	assert_string_equal(p->levels[0].name, "UNCLASSIFIED");
	assert_string_equal(p->levels[3].name, "TOP SECRET");
	assert_true(p->home >= 0);
	assert_string_equal(p->countries[p->home], "USA");
	assert_true(p->ncountries > 250);
	assert_true(p->ngroups > 5);
	assert_true(p->nrules > 5);
	assert_non_null(strstr(p->placeholder, "{exemption}"));
	assert_true(policy_control_find(p, "NOFORN", 6) >= 0);
	assert_int_equal(policy_control_find(p, "NF", 2), policy_control_find(p, "NOFORN", 6));
	assert_int_equal(policy_control_find(p, "nf", 2), policy_control_find(p, "NOFORN", 6));
	assert_int_equal(policy_control_find(p, "WCI", 3), -1);
	assert_int_equal(policy_country_find(p, "UK", 2), policy_country_find(p, "GBR", 3));
	/* Every code finds itself, in any case, by the binary search; no part or NUL matches. */
	for (i = 0; i < p->ncountries; i++) {
		char low[8];
		size_t n = strlen(p->countries[i]), k;

		for (k = 0; k <= n; k++)
			low[k] = (char)tolower((unsigned char)p->countries[i][k]);
		assert_int_equal(policy_country_find(p, p->countries[i], n), (int)i);
		assert_int_equal(policy_country_find(p, low, n), (int)i);
	}
	assert_int_equal(policy_country_find(p, "GBRX", 4), -1);
	assert_int_equal(policy_country_find(p, "G\0R", 3), -1);
	assert_int_equal(policy_country_find(p, "", 0), -1);
	assert_true(policy_group_find(p, "FVEY", 4) >= 0);
	assert_true(p->groups[policy_group_find(p, "FVEY", 4)].known);
	assert_false(p->groups[policy_group_find(p, "ISAF", 4)].known);
	policy_free(p);
	policy_free(NULL);
}

static void
test_builtin_by_name(void **state)
{
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_open("us-cable", err, sizeof(err));

	(void)state;
	if (p == NULL)
		fail_msg("%s", err);
	assert_string_equal(p->name, "us-cable");
	policy_free(p);
	assert_null(policy_open("./no/such/policy.yaml", err, sizeof(err)));
	assert_non_null(strstr(err, "no/such/policy.yaml"));
}

static void
test_mini_loads(void **state)
{
	char *text = make_policy(BASE_RULES, "", NULL, NULL);
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load(text, strlen(text), "t.yaml", err, sizeof(err));

	(void)state;
	if (p == NULL)
		fail_msg("the base policy of these tests does not load: %s", err);
	assert_int_equal(p->nlevels, 2);
	assert_int_equal(p->ncontrols, 2);
	assert_int_equal(p->ncountries, 3);
	assert_int_equal(p->nrules, 1);
	assert_int_equal(p->match_limit, 1000);
	assert_non_null(p->reading.label.code);
	assert_int_equal(p->reading.label_max, 24);
	assert_int_equal(p->reading.mark_max, 80);
	policy_free(p);
	free(text);
}

static void
test_malformed_yaml(void **state)
{
	char *text = make_policy(BASE_RULES, "", "  countries: [USA, GBR, FRA]\n",
	    "  countries: [USA, GBR, FRA\n");
	char err[POLICY_ERRLEN] = "";
	struct policy *p;

	(void)state;
	p = policy_load(text, strlen(text), "t.yaml", err, sizeof(err));
	assert_null(p);
	/* "t.yaml:LINE:" with a line at or after the damage (line 18). */
	assert_true(strncmp(err, "t.yaml:", 7) == 0);
	assert_true(atoi(err + 7) >= 18);
	free(text);

	assert_refused("name: [unclosed\n", "t.yaml:");
	assert_refused("", "t.yaml");
	assert_refused("\tname: tab\n", "t.yaml:1");
}

static void
test_unknown_keys(void **state)
{
	char *text;

	(void)state;
	text = make_policy(BASE_RULES, "", "name: mini\n", "name: mini\nbogus: 1\n");
	assert_refused(text, "unknown key \"bogus\"");
	assert_refused(text, "t.yaml:2:");
	free(text);
	text = make_policy(BASE_RULES, "  colours: [red]\n", NULL, NULL);
	assert_refused(text, "unknown key \"colours\"");
	free(text);
	text = make_policy(BASE_RULES, "", "      kind: noforn\n",
	    "      kind: noforn\n      colour: red\n");
	assert_refused(text, "unknown key \"colour\"");
	free(text);
	text = make_policy(BASE_RULES, "", "    match: 1000\n", "    matches: 1000\n");
	assert_refused(text, "unknown key \"matches\"");
	free(text);
	text = make_policy(BASE_RULES "      colour: red\n", "", NULL, NULL);
	assert_refused(text, "unknown key \"colour\"");
	free(text);
}

static void
test_unknown_values(void **state)
{
	char *text;

	(void)state;
	text = make_policy("    - role: banana\n      pattern: 'x'\n", "", NULL, NULL);
	assert_refused(text, "unknown role \"banana\"");
	free(text);
	text = make_policy(BASE_RULES "    - role: page\n      pattern: 'x'\n      scope: somewhere\n",
	    "", NULL, NULL);
	assert_refused(text, "unknown scope \"somewhere\"");
	free(text);
	text = make_policy(BASE_RULES, "", "      kind: handling\n", "      kind: sticky\n");
	assert_refused(text, "unknown kind \"sticky\"");
	free(text);
	text = make_policy(BASE_RULES, "", "      release: [us]\n", "      release: [martians]\n");
	assert_refused(text, "unknown audience \"martians\"");
	free(text);
	text = make_policy(BASE_RULES, "", "    match: 1000\n", "    match: lots\n");
	assert_refused(text, "positive whole number");
	free(text);
}

static void
test_bad_pattern(void **state)
{
	char *text;

	(void)state;
	text = make_policy(BASE_RULES "    - role: page\n      pattern: 'abc(def'\n", "", NULL, NULL);
	assert_refused(text, "at offset 7");
	assert_refused(text, "page pattern");
	free(text);
	text = make_policy(BASE_RULES "    - role: page\n      pattern: '[z-a]'\n", "", NULL, NULL);
	assert_refused(text, "at offset");
	free(text);
}

static void
test_missing_group(void **state)
{
	char *text;

	(void)state;
	/* The label pattern must say what kind of label it read. */
	text = make_policy(BASE_RULES, "", "(?<bare>", "(?<other>");
	assert_refused(text, "label pattern lacks a named group");
	free(text);
	/* Portion marks and captions are read by tearline, not by rules of the policy. */
	text = make_policy(BASE_RULES "    - role: portion\n      pattern: '^\\((?<mark>[A-Z]+)\\)'\n",
	    "", NULL, NULL);
	assert_refused(text, "layout.reading.label");
	free(text);
	text = make_policy(BASE_RULES "    - role: caption\n      pattern: '^(?<controls>[A-Z]+)$'\n",
	    "", NULL, NULL);
	assert_refused(text, "captions come from the controls");
	free(text);
	text = make_policy(BASE_RULES, "", "  reading:\n    label:", "  rules_:\n    label:");
	assert_refused(text, "unknown key");
	free(text);
	text = make_policy(BASE_RULES, "", "  reading:\n    label: ", "  reading:\n    labels: ");
	assert_refused(text, "unknown key \"labels\"");
	free(text);
	text = make_policy(BASE_RULES, "", "  reading:\n", "  reading:\n    mark_max: 4\n");
	assert_refused(text, "mark_max 8 to 200");
	free(text);
	/* No word of the scheme is longer than POLICY_WORD_MAX: banners are built from them. */
	text = make_policy(BASE_RULES, "", "      banner: [SECRET]\n", "      banner: [SECRET, "
	    "SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRET]\n");
	assert_refused(text, "longer than 63 bytes");
	free(text);
	text = make_policy("    - role: banner\n      pattern: '^SECRET$'\n", "", NULL, NULL);
	assert_refused(text, "banner pattern lacks a named group");
	free(text);
	text = make_policy(BASE_RULES "    - role: declass\n      pattern: '^(?<prefix>E.O.)'\n", "",
	    NULL, NULL);
	assert_refused(text, "declass pattern lacks a named group");
	free(text);
}

static void
test_duplicates(void **state)
{
	char *text;

	(void)state;
	text = make_policy(BASE_RULES, "", "    - name: FOUO\n",
	    "    - name: NOFORN\n      kind: noforn\n    - name: FOUO\n");
	assert_refused(text, "control NOFORN is defined twice");
	free(text);
	/* An alias that names a control already defined. */
	text = make_policy(BASE_RULES, "", "      release: [us]\n",
	    "      release: [us]\n      aliases: [NF]\n");
	assert_refused(text, "alias NF names two controls");
	free(text);
	text = make_policy(BASE_RULES, "", "  countries: [USA, GBR, FRA]\n",
	    "  countries: [USA, GBR, FRA, GBR]\n");
	assert_refused(text, "\"GBR\" is too long or listed twice");
	free(text);
	text = make_policy(BASE_RULES, "", "  countries: [USA, GBR, FRA]\n",
	    "  countries: [USA, GBR, FRA, gbr]\n");
	assert_refused(text, "\"gbr\" is too long or listed twice");
	free(text);
	text = make_policy(BASE_RULES, "", "    TWO: [USA, GBR]\n",
	    "    TWO: [USA, GBR]\n    TWO: [USA]\n");
	assert_refused(text, "group TWO is listed twice");
	free(text);
	/* The same group among those of unknown membership (this message once named freed memory). */
	text = make_policy(BASE_RULES, "", "    TWO: [USA, GBR]\n",
	    "    TWO: [USA, GBR]\n    unknown_membership: [TWO]\n");
	assert_refused(text, "group TWO is listed twice");
	free(text);
}

static void
test_group_unknown_country(void **state)
{
	char *text;

	(void)state;
	text = make_policy(BASE_RULES, "", "    TWO: [USA, GBR]\n", "    TWO: [USA, GBR, XQZ]\n");
	assert_refused(text, "group TWO: unknown country \"XQZ\"");
	assert_refused(text, "t.yaml:20:");
	free(text);
	text = make_policy(BASE_RULES, "  country_aliases:\n    UK: GBX\n", NULL, NULL);
	assert_refused(text, "alias UK: unknown country \"GBX\"");
	free(text);
}

static void
test_match_limit(void **state)
{
	char *text = make_policy(BASE_RULES "    - role: page\n      pattern: '^(a+)+$'\n", "", NULL,
	    NULL);
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load(text, strlen(text), "t.yaml", err, sizeof(err));
	struct policy_matcher *md;
	char line[4096];
	size_t k;
	int rc;

	(void)state;
	if (p == NULL)
		fail_msg("%s", err);
	md = policy_matcher_new(p);
	assert_non_null(md);
	for (k = 0; k < p->nrules && p->rules[k].role != ROLE_PAGE; k++)
		;
	assert_true(k < p->nrules);

	/* A short subject matches and misses as it should. */
	assert_int_equal(policy_match(p, &p->rules[k], "aaaa", 4, md, err, sizeof(err)), 1);
	assert_int_equal(policy_match(p, &p->rules[k], "aab", 3, md, err, sizeof(err)), 0);

	/* A long line of a's and a b: catastrophic backtracking hits the limit, an error. */
	memset(line, 'a', sizeof(line) - 2);
	line[sizeof(line) - 2] = 'b';
	line[sizeof(line) - 1] = '\0';
	err[0] = '\0';
	rc = policy_match(p, &p->rules[k], line, strlen(line), md, err, sizeof(err));
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "limit"));
	assert_non_null(strstr(err, "page pattern"));

	/* The limit holds for a subject of 30 characters, which would take 2^30 steps. */
	rc = policy_match(p, &p->rules[k], line + sizeof(line) - 32, 31, md, err, sizeof(err));
	assert_int_equal(rc, -1);

	policy_matcher_free(md);
	policy_free(p);
	free(text);
}

/* Reads every quoted token of the RELAX NG list into a NUL-separated array. */
static char *
read_rnc(size_t *count)
{
	const char *path = getenv("TEARLINE_ISM_RELTO") != NULL ? getenv("TEARLINE_ISM_RELTO") :
	    RELTO_RNC;
	FILE *fp = fopen(path, "rb");
	char *text, *out;
	size_t len = 0, n = 0, i;

	if (fp == NULL)
		fail_msg("%s: cannot open (run from the repository root)", path);
	text = malloc(1 << 20);
	assert_non_null(text);
	len = fread(text, 1, (1 << 20) - 1, fp);
	fclose(fp);
	text[len] = '\0';
	out = malloc(len + 1);
	assert_non_null(out);
	*count = 0;
	for (i = 0; i < len; i++) {
		size_t j;

		if (text[i] != '"')
			continue;
		for (j = i + 1; j < len && text[j] != '"' && text[j] != '\n'; j++)
			;
		if (j >= len || text[j] != '"')
			break;
		memcpy(out + n, text + i + 1, j - i - 1);
		n += j - i - 1;
		out[n++] = '\0';
		(*count)++;
		i = j;
	}
	free(text);
	return out;
}

static bool
rnc_has(const char *list, size_t count, const char *token)
{
	size_t i;

	for (i = 0; i < count; i++) {
		if (strcmp(list, token) == 0)
			return true;
		list += strlen(list) + 1;
	}
	return false;
}

static void
test_vocabulary_in_ism(void **state)
{
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load_default(err, sizeof(err));
	size_t count, i;
	char *list = read_rnc(&count);

	(void)state;
	assert_non_null(p);
	/* The file is the ISM list: the namespace's tokens, not something else with quotes. */
	assert_true(count > 300);
	assert_true(rnc_has(list, count, "USA"));
	assert_true(rnc_has(list, count, "FVEY"));
	assert_false(rnc_has(list, count, "XQZQ"));
	for (i = 0; i < p->ncountries; i++)
		if (!rnc_has(list, count, p->countries[i]))
			fail_msg("country %s is not in CVEnumISMCATRelTo", p->countries[i]);
	for (i = 0; i < p->ngroups; i++)
		if (!rnc_has(list, count, p->groups[i].name))
			fail_msg("group %s is not in CVEnumISMCATRelTo", p->groups[i].name);
	/*
	 * Every member of a known group is a country of the policy; a group of unknown
	 * membership has one bit of its own, after the countries.
	 */
	for (i = 0; i < p->ngroups; i++) {
		size_t c, members = 0;

		for (c = 0; c < POLICY_MAX_COUNTRIES; c++)
			if ((p->groups[i].members.bits[c / 64] >> (c % 64)) & 1) {
				if (p->groups[i].known)
					assert_true(c < p->ncountries);
				else
					assert_int_equal(c, p->groups[i].slot);
				members++;
			}
		if (p->groups[i].known && members == 0)
			fail_msg("group %s is known but has no members", p->groups[i].name);
		if (!p->groups[i].known && members != 1)
			fail_msg("group %s has unknown membership but members", p->groups[i].name);
	}
	free(list);
	policy_free(p);
}

/*
 * Whether a and b are at most one slip apart (a letter replaced, dropped, added, or two
 * neighbours swapped), by the definition: an edit distance table, as plainly as it can be written.
 */
static bool
within_one_slip(const char *a, size_t na, const char *b, size_t nb)
{
	int d[66][66];
	size_t i, j;

	for (i = 0; i <= na; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= nb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			int v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[na][nb] <= 1;
}

/*
 * policy_near_terms against a pass over every term: every term a word is, or is one slip from,
 * is among the few it gives, in the vocabulary's order, once each; without slips, every term that
 * is the word. Words: each term, each term damaged once in every way at every place, and random
 * words, under every shipped policy's vocabulary (the built-in one here).
 */
static void
check_near(const struct policy *p, const char *t, size_t n)
{
	uint32_t idx[POLICY_NEAR_MAX], exact[POLICY_NEAR_MAX];
	size_t c = policy_near_terms(p, t, n, true, idx), e, i, k;

	e = policy_near_terms(p, t, n, false, exact);
	if (c == SIZE_MAX || e == SIZE_MAX)
		return;		/* the caller compares with every term then */
	for (k = 1; k < c; k++)
		assert_true(idx[k - 1] < idx[k]);
	for (i = 0; i < p->nterms; i++) {
		const struct policy_term *pt = &p->terms[i];
		bool in = false, in_exact = false;

		for (k = 0; k < c; k++)
			in = in || idx[k] == i;
		for (k = 0; k < e; k++)
			in_exact = in_exact || exact[k] == i;
		if (within_one_slip(pt->text, pt->len, t, n) && !in)
			fail_msg("term %s is one slip from %.*s but not given", pt->text, (int)n, t);
		if (pt->len == n && memcmp(pt->text, t, n) == 0 && !in_exact)
			fail_msg("term %s is %.*s but not given without slips", pt->text, (int)n, t);
	}
}

static void
test_near_terms(void **state)
{
	char err[POLICY_ERRLEN] = "";
	struct policy *p = policy_load_default(err, sizeof(err));
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	char t[POLICY_WORD_MAX + 2];
	size_t i, k, n;
	unsigned seed = 12345;

	(void)state;
	assert_non_null(p);
	assert_true(p->nterms > 100);
	for (i = 0; i < p->nterms; i++) {
		const struct policy_term *pt = &p->terms[i];

		n = pt->len;
		check_near(p, pt->text, n);
		for (k = 0; k < n; k++) {
			/* Dropped, replaced, doubled, swapped with the next. */
			memcpy(t, pt->text, k);
			memcpy(t + k, pt->text + k + 1, n - k - 1);
			check_near(p, t, n - 1);
			memcpy(t, pt->text, n);
			t[k] = letters[(k * 7 + i) % 36];
			check_near(p, t, n);
			if (n < POLICY_WORD_MAX) {
				memcpy(t, pt->text, k + 1);
				memcpy(t + k + 1, pt->text + k, n - k);
				check_near(p, t, n + 1);
			}
			if (k + 1 < n) {
				memcpy(t, pt->text, n);
				t[k] = pt->text[k + 1];
				t[k + 1] = pt->text[k];
				check_near(p, t, n);
			}
		}
	}
	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		n = 1 + (seed >> 16) % 10;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			t[k] = letters[(seed >> 16) % 26];
		}
		check_near(p, t, n);
	}
	policy_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads),
		cmocka_unit_test(test_builtin_by_name),
		cmocka_unit_test(test_mini_loads),
		cmocka_unit_test(test_malformed_yaml),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_unknown_values),
		cmocka_unit_test(test_bad_pattern),
		cmocka_unit_test(test_missing_group),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_group_unknown_country),
		cmocka_unit_test(test_match_limit),
		cmocka_unit_test(test_vocabulary_in_ism),
		cmocka_unit_test(test_near_terms),
	};

	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
