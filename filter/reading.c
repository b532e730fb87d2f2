/* SPDX-License-Identifier: ISC */
/*
 * reading: the reading rules, on folded text.
 */
#include "reading.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* What a classification line's words beside its level are called in messages: never quoted. */
#define WORDS_BESIDE "words beside a level"

/* The most words a caption or a multi-word name is matched over. */
#define RUN_WORDS 8

static bool
is_open(char c)
{
	return c == '(' || c == '[' || c == '{';
}

static bool
is_close(char c)
{
	return c == ')' || c == ']' || c == '}';
}

static bool
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static bool
is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/* c in upper case: toupper in the C locale the program runs in, without a call. */
static char
to_upper(char c)
{
	return is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

/* A word: a run of ASCII letters and digits, or of bytes with no ASCII form. */
struct word {
	size_t start, end;
	size_t letters;
	bool lower;		/* has a lower-case letter */
	bool inner_upper;	/* has an upper-case letter after its first byte ("CxNOFORN") */
	bool digit;		/* has a digit */
	bool exotic;		/* has a byte with no ASCII form */
};

/* Where the next word of s[0..n) begins at or after k: a letter, a digit or a byte past ASCII. */
static size_t
word_from(const char *s, size_t n, size_t k)
{
	while (k < n && !is_alnum(s[k]) && (unsigned char)s[k] < 0x80)
		k++;
	return k;
}

/* Reads the next word of s[0..n) at or after *i; returns false at the end. */
static bool
next_word(const char *s, size_t n, size_t *i, struct word *w)
{
	size_t k = word_from(s, n, *i);

	if (k == n)
		return false;
	memset(w, 0, sizeof(*w));
	w->start = k;
	/* Each byte is tested once for what it is: every word of a line is read many times. */
	for (; k < n; k++) {
		if ((unsigned char)s[k] >= 0x80) {
			w->exotic = true;
		} else if (is_lower(s[k])) {
			w->letters++;
			w->lower = true;
		} else if (s[k] >= 'A' && s[k] <= 'Z') {
			w->letters++;
			w->inner_upper = w->inner_upper || k > w->start;
		} else if (s[k] >= '0' && s[k] <= '9') {
			w->digit = true;
		} else {
			break;
		}
	}
	w->end = k;
	*i = k;
	return true;
}

/*
 * As next_word, where only the word's bounds are wanted: its start and end into w, the rest of
 * it left as it is.
 */
static bool
next_span(const char *s, size_t n, size_t *i, struct word *w)
{
	size_t k = word_from(s, n, *i);

	if (k == n)
		return false;
	w->start = k;
	while (k < n && (is_alnum(s[k]) || (unsigned char)s[k] >= 0x80))
		k++;
	w->end = k;
	*i = k;
	return true;
}

/* Optimal string alignment distance of a and b (both upper case), or 3 when it is more than 2. */
static int
osa(const char *a, size_t na, const char *b, size_t nb)
{
	int d[POLICY_WORD_MAX + 2][POLICY_WORD_MAX + 2];
	size_t i, j;

	if (na > POLICY_WORD_MAX || nb > POLICY_WORD_MAX || (na > nb ? na - nb : nb - na) > 2)
		return 3;
	for (i = 0; i <= na; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= nb; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= na; i++) {
		int best = 3;

		for (j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < best)
				best = v;
		}
		if (best > 2)
			return 3;
	}
	return d[na][nb] > 2 ? 3 : d[na][nb];
}

/*
 * Whether a and b are at most one slip apart, as osa(a, na, b, nb) <= 1 says, in one pass: one
 * letter replaced, dropped, added, or two neighbours swapped. It is what most callers ask, once
 * for every word against every term, and osa's table is the cost of reading a cable in capitals.
 */
static bool
one_slip(const char *a, size_t na, const char *b, size_t nb)
{
	size_t p = 0, n = na < nb ? na : nb;

	if (na > POLICY_WORD_MAX || nb > POLICY_WORD_MAX || (na > nb ? na - nb : nb - na) > 1)
		return false;
	/* As osa has it: nothing is no slip of a letter, though a letter is one of nothing. */
	if (nb == 0)
		return na == 0;
	while (p < n && a[p] == b[p])
		p++;
	if (na == nb) {
		if (p == na || memcmp(a + p + 1, b + p + 1, na - p - 1) == 0)
			return true;
		return p + 1 < na && a[p] == b[p + 1] && a[p + 1] == b[p] &&
		    memcmp(a + p + 2, b + p + 2, na - p - 2) == 0;
	}
	if (na > nb)
		return memcmp(a + p + 1, b + p, nb - p) == 0;
	return memcmp(a + p, b + p + 1, na - p) == 0;
}

/*
 * The terms a word is compared with for its own text or a slip: the few the policy's index gives
 * (policy_near_terms), in the vocabulary's order; or every term, where a letter that cannot be
 * read stands in the word ('?', 0x80) or the index cannot say.
 */
struct near_set {
	uint32_t idx[POLICY_NEAR_MAX];
	size_t n;
	bool all;
};

static void
near_set(const struct policy *p, const char *t, size_t n, bool slips, struct near_set *c)
{
	c->all = memchr(t, '?', n) != NULL || memchr(t, 0x80, n) != NULL ||
	    (c->n = policy_near_terms(p, t, n, slips, c->idx)) == SIZE_MAX;
	if (c->all)
		c->n = p->nterms;
}

/* The i-th term of c. */
static const struct policy_term *
near_term_at(const struct policy *p, const struct near_set *c, size_t i)
{
	return &p->terms[c->all ? i : c->idx[i]];
}

/* The letters and digits of s[0..n), upper case, into t (at most POLICY_WORD_MAX). */
static size_t
upper_form(const char *s, size_t n, char *t)
{
	size_t i, k = 0;

	for (i = 0; i < n && k < POLICY_WORD_MAX; i++)
		if (is_alnum(s[i]))
			t[k++] = (char)toupper((unsigned char)s[i]);
	t[k] = '\0';
	return k;
}

/*
 * The vocabulary term that t[0..n) (upper case, letters and digits) is, or is one slip from: the
 * term itself; for five letters or more, one letter dropped, doubled, replaced or two swapped
 * ("NOFRON", "SECRT", "SSECRET"). Terms of fewer than five letters must match exactly: "NOTE" is
 * no slip of "NODIS". With `starts`, only terms a mark may begin with.
 */
static const struct policy_term *near_term_as(const struct policy *p, const char *t, size_t n,
    bool starts);

/*
 * As near_term_as, and where t holds 'M' or "RN", also for t with OCR's "rn" read as 'm' undone,
 * or done ("NOFOM" is "NOFORN"): the term of the first form that is one.
 */
static const struct policy_term *
near_term(const struct policy *p, const char *t, size_t n, bool starts)
{
	const struct policy_term *pt;
	char o[POLICY_WORD_MAX + 2];
	size_t i, k;

	if ((pt = near_term_as(p, t, n, starts)) != NULL || n > POLICY_WORD_MAX)
		return pt;
	for (i = 0, k = 0; i < n && k < POLICY_WORD_MAX; i++) {
		if (t[i] == 'M') {
			o[k++] = 'R';
			o[k++] = 'N';
		} else {
			o[k++] = t[i];
		}
	}
	if (i == n && k != n && (pt = near_term_as(p, o, k, starts)) != NULL)
		return pt;
	for (i = 0, k = 0; i < n; i++) {
		if (i + 1 < n && t[i] == 'R' && t[i + 1] == 'N') {
			o[k++] = 'M';
			i++;
		} else {
			o[k++] = t[i];
		}
	}
	return k != n ? near_term_as(p, o, k, starts) : NULL;
}

static const struct policy_term *
near_term_as(const struct policy *p, const char *t, size_t n, bool starts)
{
	const struct policy_term *best = NULL;
	struct near_set c;
	size_t i;

	if (n == 0)
		return NULL;
	near_set(p, t, n, n >= 5, &c);
	for (i = 0; i < c.n; i++) {
		const struct policy_term *pt = near_term_at(p, &c, i);

		if (starts && !pt->starts)
			continue;
		if (pt->len == n && memcmp(pt->text, t, n) == 0)
			return pt;
		if (best == NULL && n >= 5 && pt->len >= 5 && one_slip(pt->text, pt->len, t, n))
			best = pt;
	}
	return best;
}

/*
 * Whether up[0..n) (in upper case) is a level's abbreviation of one or two letters glued to a
 * control ("SNF", "TSNOFORN", "UFOUO"), or parted from it by OCR's "II" ("SIINF"): a mark
 * written as one word, in any case or with dots. A level above the lowest glued to a word of
 * every mark's grammar counts too: the head of a release's list ("SREL"), and after a level of
 * two letters the name of compartmented information ("TSSCI"; not "SSCI", a Senate committee,
 * nor "CSCI").
 */
static bool
level_and_control(const struct policy *p, const char *up, size_t n)
{
	const struct policy_term *lv, *c;
	size_t a, b;

	for (a = 1; a <= 2 && a < n; a++) {
		if ((lv = policy_term_find(p, up, a)) == NULL || lv->level < 0 || lv->control >= 0)
			continue;
		/* Glued, or parted by OCR's "II" for "//" ("SIINF", "siinf"). */
		for (b = a; b == a || (b == a + 2 && b < n && (memcmp(up + a, "II", 2) == 0 ||
		    memcmp(up + a, "LL", 2) == 0)); b += 2)
			if (((c = policy_term_find(p, up + b, n - b)) != NULL && c->control >= 0) ||
			    (b == a && n - b == 3 && lv->level > 0 &&
			    (memcmp(up + b, "REL", 3) == 0 || (a == 2 &&
			    memcmp(up + b, "SCI", 3) == 0))))
				return true;
	}
	return false;
}

/*
 * Whether word w of s is prose: three letters or more, one of them lower case, all ASCII, and no
 * vocabulary term nor a slip of one ("Comment", "Sam", "Secretary"; not "Secret", "Noforn").
 */
static bool
prose_word(const struct policy *p, const char *s, const struct word *w)
{
	char t[POLICY_WORD_MAX + 1];
	size_t n;

	/* Prose is written in lower case, or with a capital first: "comment", "Comment". */
	if (w->exotic || w->digit || w->letters < 3 || !w->lower || w->inner_upper)
		return false;
	n = upper_form(s + w->start, w->end - w->start, t);
	/* "Snf": a level glued to a control, in prose's case. */
	if (level_and_control(p, t, n))
		return false;
	/* A plural in lower case ("Officials", "Secrets") is a word, not a slip of the level. */
	if (s[w->end - 1] == 's' && n > 1 && policy_term_find(p, t, n - 1) != NULL)
		return true;
	return near_term(p, t, n, false) == NULL;
}

/* Whether t[0..n), of four letters, is one slip from a term of five ("ORCN", "NFRN"). */
static bool
loose_term(const struct policy *p, const char *t, size_t n)
{
	struct near_set c;
	size_t i;

	near_set(p, t, n, true, &c);
	for (i = 0; i < c.n; i++)
		if (near_term_at(p, &c, i)->len == 5 && one_slip(near_term_at(p, &c, i)->text, 5, t, n))
			return true;
	return false;
}

/*
 * Whether the words of s[0..n) (up to RUN_WORDS) begin with a vocabulary term or a slip of one:
 * "Noforn", "Top Secrte", "For Official Use Only", "Secret".
 */
static bool
starts_with_term(const struct policy *p, const char *s, size_t n)
{
	char t[POLICY_WORD_MAX + 1];
	size_t i = 0, k = 0, w;
	struct word wd;

	for (w = 0; w < RUN_WORDS && next_word(s, n, &i, &wd); w++) {
		size_t j;

		if (wd.exotic)
			return false;
		for (j = wd.start; j < wd.end && k < POLICY_WORD_MAX; j++)
			t[k++] = (char)toupper((unsigned char)s[j]);
		/* A word of prose alone is no term ("Officials"); with the next it may be one. */
		if ((w > 0 || !prose_word(p, s, &wd)) && near_term(p, t, k, false) != NULL)
			return true;
		if (k >= POLICY_WORD_MAX)
			break;
	}
	return false;
}

/*
 * An abbreviation made of single letters and dots at the start of s, up to a space or the end:
 * "U.S.", "U.N. forces", "a.k.a.". "S.NF" and "T.S//SI" are not.
 */
static bool
abbreviation(const char *s, size_t n)
{
	size_t i;

	if (n < 3 || !is_alpha(s[0]) || s[1] != '.' || !is_alpha(s[2]) ||
	    (n > 3 && is_alpha(s[3])))
		return false;
	for (i = 0; i < n && s[i] != ' '; i++)
		if (!is_alpha(s[i]) && s[i] != '.')
			return false;
	return true;
}

/* Reads a roman number of up to five letters, all of one case. Returns its value, or 0. */
static unsigned
roman(const char *s, size_t n)
{
	unsigned v = 0, prev = 0;
	size_t i;
	bool upper = isupper((unsigned char)s[0]);

	if (n < 2 || n > 5)
		return 0;
	for (i = n; i > 0; i--) {
		char c = (char)tolower((unsigned char)s[i - 1]);
		unsigned d = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : 0;

		if (d == 0 || (isupper((unsigned char)s[i - 1]) != 0) != upper)
			return 0;
		if (d < prev)
			v -= d;
		else
			v += d;
		prev = d;
	}
	return v;
}

/* Whether s[0..n) is single letters, each followed by one space ("T S", "S E C R E T"). */
static bool
letter_spaced(const char *s, size_t n)
{
	size_t i;

	if (n < 3)
		return false;
	for (i = 0; i < n; i += 2)
		if (!is_alpha(s[i]) || (i + 1 < n && s[i + 1] != ' '))
			return false;
	return true;
}

/*
 * Marks g unknown, keeping what was written as its token when it may be quoted (it is the mark
 * itself, and not prose).
 */
static void
unknown(struct group *g, const char *t, size_t m)
{
	g->kind = GROUP_UNKNOWN;
	if (!g->mark.unknown && marking_quotable(t, m))
		snprintf(g->mark.unknown_token, sizeof(g->mark.unknown_token), "%.*s", (int)m, t);
	g->mark.unknown = true;
}

/*
 * Whether the level token that t[0..m) begins with may have lost a letter where a space stands
 * beside it (`front`: before it; `back`: after it, when the token is all there is): whether a
 * letter there makes a higher level of the policy ("( S)" may be "(TS)"; "( C)" is no level lost).
 */
static bool
letter_lost(const struct policy *p, const char *t, size_t m, bool front, bool back)
{
	char tok[POLICY_WORD_MAX + 1];
	size_t n = 0, k;
	const struct policy_term *own;

	while (n < m && n < POLICY_WORD_MAX - 1 && is_alpha(t[n])) {
		tok[n] = (char)toupper((unsigned char)t[n]);
		n++;
	}
	if (n == 0 || (own = policy_term_find(p, tok, n)) == NULL || own->level < 0)
		return false;
	back = back && n == m;
	for (k = 0; k < p->nterms; k++) {
		const struct policy_term *pt = &p->terms[k];

		if (pt->level <= own->level || pt->control >= 0 || pt->len != n + 1)
			continue;
		if ((front && memcmp(pt->text + 1, tok, n) == 0) ||
		    (back && memcmp(pt->text, tok, n) == 0))
			return true;
	}
	return false;
}

/* t[0..n) (upper case) without its vowels, into out; returns its length. */
static size_t
consonants(const char *t, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (t[i] != 'A' && t[i] != 'E' && t[i] != 'I' && t[i] != 'O' && t[i] != 'U' &&
		    t[i] != '\0')
			out[k++] = t[i];
	return k;
}

/*
 * Whether t[0..n) (upper case, four letters or more) is the consonants of a level's word above the
 * lowest, of one word, or their first four or more ("CNFD", "CNFDNTL", "SCRT"): an abbreviation
 * of a level.
 */
bool
reading_level_consonants(const struct policy *p, const char *t, size_t n)
{
	char cp[POLICY_WORD_MAX + 1];
	size_t k;

	if (n < 4 || n > POLICY_WORD_MAX || consonants(t, n, cp) != n)
		return false;
	for (k = 0; k < p->nterms; k++) {
		const struct policy_term *pt = &p->terms[k];

		if (pt->level >= 1 && pt->control < 0 && pt->single &&
		    consonants(pt->text, pt->len, cp) >= n && memcmp(cp, t, n) == 0)
			return true;
	}
	return false;
}

/*
 * Whether word t[0..n) (upper case, three letters or more) is a level word of the policy of one
 * word of six letters or more, written out, cut short or misspelt: its first letters ("CONF",
 * "SEC"); its consonants ("CNFDNTL"); two slips from it, in a word of eight letters or more
 * ("COFIDENTAIL"), with OCR's "l" for "I" read back or not ("CONFLDENTLAI"). With `raises`, only
 * a level above the lowest, and not cut short.
 */
static bool
level_word_near(const struct policy *p, const char *t, size_t n, bool raises)
{
	char ct[POLICY_WORD_MAX + 1], cp[POLICY_WORD_MAX + 1], li[POLICY_WORD_MAX + 1];
	size_t k, cn;

	if (n < 3 || n > POLICY_WORD_MAX)
		return false;
	/* OCR's "l" for "I" ("Confldentlai"), for the two slips of a long word. */
	for (k = 0; k < n; k++)
		li[k] = t[k] == 'L' ? 'I' : t[k];
	cn = consonants(t, n, ct);
	for (k = 0; k < p->nterms; k++) {
		const struct policy_term *pt = &p->terms[k];

		if (pt->level < (raises ? 1 : 0) || pt->control >= 0 || !pt->single || pt->len < 6)
			continue;
		/* Cut short only where no word of English is ("CONFIDE", "CONFIDENT" are). */
		if (!raises && n <= pt->len && memcmp(pt->text, t, n) == 0)
			return true;
		if (cn >= 4 && consonants(pt->text, pt->len, cp) == cn && memcmp(cp, ct, cn) == 0)
			return true;
		if (n >= 8 && pt->len >= 8 && (osa(pt->text, pt->len, t, n) <= 2 ||
		    osa(pt->text, pt->len, li, n) <= 2))
			return true;
	}
	return false;
}

/*
 * Whether word t[0..n) (upper case) speaks of a classification as a mark would, written out, cut
 * short or misspelt: a level word (level_word_near: "Conf", "Sec", "Cnfdntl", "Cofidentail"); a
 * word of "classif..." ("Classified", "Declassified"); REL.
 */
static bool
class_word(const struct policy *p, const char *t, size_t n)
{
	size_t k;

	if (n == 3 && memcmp(t, "REL", 3) == 0)
		return true;
	for (k = 0; k + 7 <= n; k++)
		if (memcmp(t + k, "CLASSIF", 7) == 0)
			return true;
	return level_word_near(p, t, n, false);
}

/*
 * Whether the first two words of a group (before a colon) speak of a classification (class_word):
 * "(Conf)", "(Sec/NF)", "(Strictly Confidential)", "(Classified Secret)", "(Rel to UK)". Such a
 * group at a head may be a mark, and proves nothing.
 */
static bool
names_class(const struct policy *p, const char *t, size_t m)
{
	size_t i = 0, w;
	struct word wd;

	for (w = 0; w < 2 && next_word(t, m, &i, &wd); w++) {
		char up[POLICY_WORD_MAX + 1];
		size_t un;

		if (memchr(t, ':', wd.start) != NULL || wd.exotic || wd.digit)
			return false;
		un = upper_form(t + wd.start, wd.end - wd.start, up);
		if (class_word(p, up, un))
			return true;
	}
	return false;
}

/*
 * Where the mark ends in s[0..n) when it ends in the words ENTIRE TEXT after a dash, slash, comma
 * or space ("C - ENTIRE TEXT", "LOU-ENTIRE TEXT"), or 0.
 */
static size_t
entire_text(const char *s, size_t n)
{
	static const char words[] = "ENTIRE TEXT";
	size_t k = sizeof(words) - 1;

	while (n > 0 && s[n - 1] == '.')
		n--;
	if (n <= k || strncasecmp(s + n - k, words, k) != 0)
		return 0;
	n -= k;
	if (strchr(" -/,", s[n - 1]) == NULL)
		return 0;
	while (n > 0 && strchr(" -/,", s[n - 1]) != NULL)
		n--;
	return n;
}

/* Classifies the content of a group (see reading.h); reading_group wraps it. */
static void
classify(const struct policy *p, const char *s, size_t n, bool closed, bool exotic,
    struct group *g);

void
reading_group(const struct policy *p, const char *s, size_t n, bool closed, bool exotic,
    struct group *g)
{
	classify(p, s, n, closed, exotic, g);
	/*
	 * A token of a group that may not be quoted whole is not quoted alone either ("JOHN" of
	 * "(S//JOHN / SMITH)", "WALRUS" of "(TS//WALRUS//PUFFIN//NF)").
	 */
	if (g->mark.unknown && !marking_quotable(s, n))
		g->mark.unknown_token[0] = '\0';
	if (g->kind == GROUP_UNKNOWN) {
		while (n > 0 && s[0] == ' ') {
			s++;
			n--;
		}
		while (n > 0 && s[n - 1] == ' ')
			n--;
		unknown(g, s, exotic ? 0 : n);
	}
}

static bool ocr_words(const char *s, size_t n, char *t);

/*
 * Whether the word up[0..n) (in upper case) begins as a mark does (a term a mark begins with is
 * its start: "SOC", "TSMSUNNF", "SBUMF"), or is of two letters and one slip from any term of two
 * or more, or of three or four and one slip from a term a mark begins with ("HTS", "Sk", "ISI").
 */
static bool
mark_shaped(const struct policy *p, const char *up, size_t n)
{
	size_t w;

	for (w = 0; w < p->nterms; w++) {
		const struct policy_term *pt = &p->terms[w];

		if (!pt->single)
			continue;
		if (pt->starts && pt->len <= n && memcmp(pt->text, up, pt->len) == 0)
			return true;
		if (n >= 2 && n <= 4 && pt->len >= 2 && (n == 2 || pt->starts) &&
		    one_slip(pt->text, pt->len, up, n))
			return true;
	}
	return false;
}

/*
 * What a group that parses as no marking is: GROUP_UNKNOWN when it may be a mark that lost its
 * level or was damaged (a word of a marking, one slip from a term, a separator), GROUP_TEXT when
 * it is prose, a note or a name. t[0..m) is its content, trimmed; closed, whether it closes.
 */
static enum group_kind
unparsed_kind(const struct policy *p, const char *t, size_t m, bool closed)
{
	size_t i, w;
	struct word wd;

	/* "(/Rel UK)", "(|S)": a mark whose level is gone. */
	if (strchr("/|\\-", t[0]) != NULL)
		return GROUP_UNKNOWN;
	if (starts_with_term(p, t, m) || names_class(p, t, m))
		return GROUP_UNKNOWN;
	i = 0;
	if (!next_word(t, m, &i, &wd))
		return GROUP_UNKNOWN;
	if (prose_word(p, t, &wd))
		return GROUP_TEXT;
	if (wd.exotic)
		return GROUP_UNKNOWN;
	/* A first word one slip from a term of three letters or more ("(SSBU Gnmre)"): damaged. */
	{
		char up[POLICY_WORD_MAX + 1];
		size_t n_up = upper_form(t + wd.start, wd.end - wd.start, up);
		struct near_set c;

		near_set(p, up, n_up, true, &c);
		for (w = 0; w < c.n; w++) {
			const struct policy_term *pt = near_term_at(p, &c, w);

			if (pt->single && pt->len >= 3 && one_slip(pt->text, pt->len, up, n_up))
				return GROUP_UNKNOWN;
		}
	}
	/*
	 * A closed group with prose after its first word is a note or a name ("(SIMAS Event:
	 * Taipei-00194-2008)", "(CIA officials)"): marks hold no prose. Not so an unclosed one,
	 * whose text may follow a mark that lost its parenthesis.
	 */
	if (closed) {
		struct word later;
		size_t j = i;

		while (next_word(t, m, &j, &later))
			if (prose_word(p, t, &later))
				return GROUP_TEXT;
	}
	/* A word of a marking after the first ("(a//NF)", "(x ORCON)"): a mark that lost its level. */
	{
		struct word later;
		size_t j = i;

		while (next_word(t, m, &j, &later)) {
			char up[POLICY_WORD_MAX + 1];
			size_t n_up = upper_form(t + later.start, later.end - later.start, up);

			if (later.exotic || near_term(p, up, n_up, false) != NULL)
				return GROUP_UNKNOWN;
		}
	}
	/*
	 * A word that is no prose (in capitals, "CxNOFORN", or too short: "Cl") and begins as a
	 * mark does ("SOC", "TSMSUNNF", "SBUMF", "CIA"); or a short word, or two short ones
	 * together ("T SS"), one slip from a term of two letters or more ("HTS", "Sk", "ISI").
	 */
	{
		char up[POLICY_WORD_MAX + 1], two[POLICY_WORD_MAX + 1], ocr[POLICY_WORD_MAX + 1];
		size_t n_up = upper_form(t + wd.start, wd.end - wd.start, up), n_two = 0;
		struct word next;
		size_t j = i;

		if (n_up <= 2 && next_word(t, m, &j, &next) && next.end - next.start <= 2) {
			n_two = upper_form(t + wd.start, next.end - wd.start, two);
		}
		if (mark_shaped(p, up, n_up) || (n_two > 0 && mark_shaped(p, two, n_two)))
			return GROUP_UNKNOWN;
		/* So with the digits OCR makes of letters read as those letters ("5NF", "T5NF"). */
		if (ocr_words(up, n_up, ocr) && mark_shaped(p, ocr, n_up))
			return GROUP_UNKNOWN;
	}
	/* Separators between words ("AF/PD", "S|S", "Sz/WCI"): the first word is no prose. */
	for (i = 0; i < m; i++)
		if (t[i] == '/' || t[i] == '|' || t[i] == '\\')
			return GROUP_UNKNOWN;
	return GROUP_TEXT;
}

static void
classify(const struct policy *p, const char *s, size_t n, bool closed, bool exotic,
    struct group *g)
{
	char buf[256];
	const char *t = s;
	size_t m = n, i, k;
	int parsed;

	memset(&g->mark, 0, sizeof(g->mark));
	marking_init(&g->mark);
	g->kind = GROUP_UNKNOWN;
	g->has_level = false;
	g->value = 0;
	g->letter = 0;
	while (m > 0 && t[0] == ' ') {
		t++;
		m--;
	}
	while (m > 0 && t[m - 1] == ' ')
		m--;
	g->padded = m > 0 && m < n && letter_lost(p, t, m, t > s, m + (size_t)(t - s) < n);
	/* Nothing, or a character no rule can read: it may have been a mark. */
	if (m == 0 || exotic)
		return;
	/*
	 * One letter, with punctuation or spaces at most ("(T.)", "(T ~)"): an item, but one
	 * that proves no mark (g->bare false).
	 */
	g->bare = m == 1;
	if (closed && m > 1 && is_alpha(t[0]) && !is_alnum(t[1])) {
		for (i = 1; i < m && !is_alnum(t[i]) && (unsigned char)t[i] < 0x80; i++)
			continue;
		if (i == m)
			m = 1;
	}
	if (closed && m == 1 && is_alpha(t[0])) {
		char up = (char)toupper((unsigned char)t[0]);

		/* "( S)", "(S )": a level letter with room for a letter lost beside it. */
		if (g->padded && marking_parse(p, &up, 1, MARKING_PORTION, &g->mark) == 1 &&
		    !g->mark.unknown) {
			g->has_level = true;
			return;
		}
		marking_init(&g->mark);
		g->kind = GROUP_ITEM;
		g->item = is_lower(t[0]) ? ITEM_LOWER : ITEM_UPPER;
		g->value = (unsigned)(tolower((unsigned char)t[0]) - 'a' + 1);
		g->letter = t[0];
		return;
	}
	if (closed && m <= 3 && strspn(t, "0123456789") >= m) {
		g->kind = GROUP_ITEM;
		g->item = ITEM_NUMBER;
		for (i = 0; i < m; i++)
			g->value = g->value * 10 + (unsigned)(t[i] - '0');
		return;
	}
	if (closed && (g->value = roman(t, m)) != 0) {
		g->kind = GROUP_ITEM;
		g->item = ITEM_ROMAN;
		return;
	}
	g->value = 0;
	/* "(U.S.)" is an abbreviation; "(T.S)" spells a level, and may be a damaged mark. */
	if (abbreviation(t, m)) {
		char up[POLICY_WORD_MAX + 1];
		size_t k2 = 0;

		for (i = 0; i < m && t[i] != ' ' && k2 < POLICY_WORD_MAX; i++)
			if (is_alpha(t[i]))
				up[k2++] = (char)toupper((unsigned char)t[i]);
		/* "(S.N.F.)" spells a level glued to a control. */
		if (level_and_control(p, up, k2)) {
			g->kind = GROUP_UNKNOWN;
			return;
		}
		if (policy_term_find(p, up, k2) == NULL) {
			g->kind = GROUP_TEXT;
			return;
		}
	}
	/* "(T S)" is "(TS)": letter spacing is no word break in a mark. */
	if (m < sizeof(buf) && letter_spaced(t, m)) {
		for (i = 0, k = 0; i < m; i += 2)
			buf[k++] = t[i];
		t = buf;
		m = k;
	}
	/* "(C - ENTIRE TEXT)": an old cable's mark for the whole of its text, read as the mark. */
	if (closed && !g->padded && (i = entire_text(t, m)) > 0 &&
	    marking_parse(p, t, i, MARKING_BANNER, &g->mark) == 1 && !g->mark.unknown) {
		g->has_level = true;
		g->kind = GROUP_MARK;
		return;
	}
	marking_init(&g->mark);
	parsed = marking_parse(p, t, m, MARKING_BANNER, &g->mark);
	if (parsed == 1) {
		g->has_level = true;
		/*
		 * NOFORN with REL TO is read, and withheld as malformed (marking_decide). A mark
		 * with spaces inside its brackets ("( S//NF)") proves nothing.
		 */
		if (closed && !g->mark.unknown && !g->padded)
			g->kind = GROUP_MARK;
		return;
	}
	marking_init(&g->mark);
	g->kind = unparsed_kind(p, t, m, closed);
}

bool
reading_damaged_level(const struct policy *p, const struct fold *f, const struct group *g)
{
	const char *t = f->text + g->start + 1;
	size_t m = g->end - g->start - 1 - (g->closed ? 1 : 0), i = 0, n, k, words = 0;
	char up[POLICY_WORD_MAX + 1], ocr[POLICY_WORD_MAX + 1];
	const struct policy_term *pt;
	struct word wd;
	bool capitals = true;

	if (g->kind != GROUP_UNKNOWN || g->end <= g->start + 1)
		return false;
	for (k = 0; k < m; k++)
		capitals = capitals && !is_lower(t[k]);
	/* In capitals, any of its first four words ("(T0P SECRET)", "(TOP SECRFT)"). */
	while (words++ < (capitals ? 4 : 1) && next_word(t, m, &i, &wd)) {
		if (wd.end - wd.start > POLICY_WORD_MAX)
			return false;
		n = upper_form(t + wd.start, wd.end - wd.start, up);
		/* Glued to a control only with OCR's digit in it: "(SOC)" is a church, "(5NF)" no word. */
		if (ocr_words(up, n, ocr)) {
			memcpy(up, ocr, n);
			if (words == 1 && level_and_control(p, up, n))
				return true;
		}
		if ((pt = near_term(p, up, n, false)) != NULL && pt->level > 0 && pt->control < 0 &&
		    n >= 5)
			return true;
	}
	return false;
}


/*
 * The text of group g in capitals, OCR's digits read as letters, into up[POLICY_WORD_MAX + 1]:
 * its length, or 0 where it holds anything but letters and those digits or is longer than a
 * term. *digit: whether it held such a digit.
 */
static size_t
group_upper(const struct fold *f, const struct group *g, char *up, bool *digit)
{
	const char *t = f->text + g->start + 1;
	size_t m = g->end - g->start - 1 - (g->closed ? 1 : 0), k;

	*digit = false;
	if (g->kind != GROUP_UNKNOWN || g->end <= g->start + 1 || m < 2 || m > POLICY_WORD_MAX)
		return 0;
	for (k = 0; k < m; k++) {
		if (t[k] == '0' || t[k] == '1' || t[k] == '5' || t[k] == '8') {
			up[k] = reading_ocr_letter(t[k]);
			*digit = true;
		} else if (is_alpha(t[k])) {
			up[k] = (char)toupper((unsigned char)t[k]);
		} else {
			return 0;
		}
	}
	return m;
}

bool
reading_ocr_level(const struct policy *p, const struct fold *f, const struct group *g)
{
	char up[POLICY_WORD_MAX + 1];
	const struct policy_term *pt;
	size_t m;
	bool digit;

	if ((m = group_upper(f, g, up, &digit)) == 0 || !digit)
		return false;
	return ((pt = policy_term_find(p, up, m)) != NULL && pt->level > 0 && pt->control < 0) ||
	    level_and_control(p, up, m);
}

bool
reading_ocr_mark(const struct policy *p, const struct fold *f, const struct group *g)
{
	const char *t = f->text + g->start + 1;
	size_t m = g->end - g->start - 1 - (g->closed ? 1 : 0), k;
	char buf[32];
	struct marking mk;
	bool slip = false, letter = false;

	/* Of any kind but a mark where no letter is in lower case: "(T$)" reads as a word. */
	if (g->kind == GROUP_MARK || !g->closed || m == 0 || m >= sizeof(buf))
		return false;
	for (k = 0; k < m; k++) {
		if (is_lower(t[k]))
			return false;
		if (t[k] >= '0' && t[k] <= '9') {
			if ((buf[k] = reading_ocr_letter(t[k])) == t[k])
				return false;
			slip = true;
		} else if (t[k] == '$') {
			buf[k] = 'S';
			slip = letter = true;
		} else if (t[k] == '!' || t[k] == '|') {
			buf[k] = '/';
			slip = true;
		} else if (is_alpha(t[k])) {
			buf[k] = (char)toupper((unsigned char)t[k]);
			letter = true;
		} else if (t[k] == '/' || t[k] == ' ' || t[k] == ',') {
			buf[k] = t[k];
		} else {
			return false;
		}
	}
	marking_init(&mk);
	return slip && letter && marking_parse(p, buf, m, MARKING_BANNER, &mk) == 1 &&
	    !mk.unknown && (mk.level > 0 || mk.controls != 0 || mk.fd != FD_NONE);
}

bool
reading_glued_mark(const struct policy *p, const struct fold *f, const struct group *g)
{
	char up[POLICY_WORD_MAX + 1];
	size_t m;
	bool digit;

	return (m = group_upper(f, g, up, &digit)) != 0 && level_and_control(p, up, m);
}

/* Reads the group whose bracket stands at `at`, whatever bracket it is (reading_group_at). */
static void
group_from(const struct policy *p, const struct fold *f, size_t at, struct group *g)
{
	const char *s = f->text;
	size_t j, limit = at + 1 + p->reading.mark_max;
	bool exotic = false;

	memset(g, 0, sizeof(*g));
	if (limit > f->len)
		limit = f->len;
	for (j = at + 1; j < limit; j++) {
		if (is_close(s[j]) || is_open(s[j]))
			break;
		if ((unsigned char)s[j] >= 0x80)
			exotic = true;
	}
	g->start = at;
	g->closed = j < f->len && is_close(s[j]);
	/* A group cut by the end of what was read may close beyond it: it proves nothing. */
	if (!g->closed && j == f->len && f->cut)
		exotic = true;
	reading_group(p, s + at + 1, j - at - 1, g->closed, exotic, g);
	g->start = at;
	g->end = g->closed ? j + 1 : j;
}

bool
reading_group_at(const struct policy *p, const struct fold *f, size_t at, struct group *g)
{
	memset(g, 0, sizeof(*g));
	g->kind = GROUP_NONE;
	if (at >= f->len || !is_open(f->text[at]))
		return false;
	group_from(p, f, at, g);
	return true;
}

/*
 * Whether s[0..b), the text before a group, ends in a citation's word and a number of three
 * digits at most ("section 4", "para 12", "Article 51"): what a capital after it cites.
 */
static bool
citation_before(const char *s, size_t b)
{
	static const char *const words[] = { "section", "sec", "subsection", "paragraph", "para",
		"subparagraph", "clause", "article", "title", "part", "chapter", "rule" };
	size_t k = b, w;

	while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	if (k == b || b - k > 3 || k == 0 || s[k - 1] != ' ')
		return false;
	k--;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k > 0 && s[k - 1] == '.')
		k--;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		size_t n = strlen(words[w]);

		if (k >= n && strncasecmp(s + k - n, words[w], n) == 0 &&
		    (k == n || !is_alpha(s[k - n - 1])))
			return true;
	}
	return false;
}

/* Whether t[0..2) is the postal code of a US state or territory ("TN", "DC"). */
static bool
us_state(const char *t)
{
	static const char codes[] = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME "
	    "MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA "
	    "WV WI WY AS GU MP PR VI";
	size_t k;

	for (k = 0; k + 2 <= sizeof(codes) - 1; k += 3)
		if (codes[k] == t[0] && codes[k + 1] == t[1])
			return true;
	return false;
}

/*
 * Whether the one-letter group at k in fold f ("(C)") goes on a list of letters that begins at
 * "(A)" earlier in the line, its item's words after it: the nearest group before it is the
 * letter before its own, and so on back to "(A)", each parted from the next by words of letters
 * and commas alone, and "(A)" after a word or a colon ("items (A), (B) and (C) on"). Not after a
 * sentence's or clause's end or a figure between ("(A) and (B) only. (C) The", "(A) and (B); (C)
 * The", "(A) and (B) 3 (C) The"), out of order ("(A), (B), (C) and (D) ... (C) The"), after a
 * citation's letters ("1.4 (A) and (B) (C)") or with groups between ("(A)(1) and (B)(2) (C)").
 */
static bool
letter_list(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t n = f->len, j, e, words;
	char want;

	if (k + 3 > n || s[k] != '(' || s[k + 2] != ')')
		return false;
	want = (char)(s[k + 1] - 1);
	if (want < 'A' || want > 'Y')
		return false;
	/*
	 * Its item's words after it, after a colon or not: two words of letters a to z as the
	 * source writes them ("(C) audits every", "(C): regional security"), or one before a
	 * comma, a semicolon or the line's end. A letter with none, at a line's end or before a
	 * capital, a comma, a dash, a name ("(C) bin Walrus", "(C) al-Walrus") or a letter the
	 * fold made plain ("(C) ˢWALRUS") may be a mark.
	 */
	for (j = k + 3; j < n && s[j] == ' '; j++)
		continue;
	if (j < n && s[j] == ':')
		for (j++; j < n && s[j] == ' '; j++)
			continue;
	for (words = 0; words < 2; words++) {
		for (e = j; e < n && s[e] >= 'a' && s[e] <= 'z' && (f->at == NULL ||
		    (unsigned char)f->src[f->at[e]] == (unsigned char)s[e]); e++)
			continue;
		if (e == j)
			return false;
		if (e == n || s[e] == ',' || s[e] == ';')
			break;
		if (s[e] != ' ')
			return false;
		for (j = e; j < n && s[j] == ' '; j++)
			continue;
	}
	j = k;
	for (;;) {
		/* Back over words of letters and commas to the group before. */
		for (words = 0; j > 0 && s[j - 1] != ')'; j--) {
			char c = s[j - 1];

			if (!is_alpha(c) && c != ' ' && c != ',')
				return false;
			words += c == ',' || (is_alpha(c) && (j < 2 || !is_alpha(s[j - 2])));
		}
		if (words == 0 || j < 3 || s[j - 3] != '(' || s[j - 2] != want)
			return false;
		j -= 3;
		if (want-- == 'A')
			break;
	}
	/* "(A)" after a word or a colon, not a figure or a bracket ("1.4 (A)", "(1)(A)"). */
	while (j > 0 && s[j - 1] == ' ')
		j--;
	return j > 0 && (is_alpha(s[j - 1]) || s[j - 1] == ':');
}

bool
reading_in_sentence(const struct fold *f, const struct group *g, bool wrapped)
{
	const char *s = f->text, *t;
	size_t k = g->start, c = g->end - 1, n, b = k, a = g->end, i, digits = 0, run = 0, seps = 0;
	bool hyphen = false, other = false, word_before, lower_after;

	if (!g->closed || g->end == 0 || c >= f->len || c <= k)
		return false;
	t = s + k + 1;
	n = c - k - 1;
	while (b > 0 && s[b - 1] == ' ')
		b--;
	while (a < f->len && s[a] == ' ')
		a++;
	word_before = b > 0 ? is_alnum(s[b - 1]) || s[b - 1] == ',' : wrapped;
	lower_after = a < f->len && is_lower(s[a]);
	if (g->kind == GROUP_ITEM)
		return g->bare && g->letter != 0 && !is_lower(g->letter) && b < k &&
		    ((citation_before(s, b) && lower_after) ||
		    (n == 1 && k > 0 && !f->hidden && letter_list(f, k)));
	if (g->kind != GROUP_UNKNOWN || !g->has_level || g->padded)
		return false;
	for (i = 0; i < n; i++) {
		if (t[i] >= '0' && t[i] <= '9') {
			if (++run > digits)
				digits = run;
			continue;
		}
		run = 0;
		if (t[i] == '-' || t[i] == '/') {
			hyphen = hyphen || t[i] == '-';
			seps++;
		} else if (!is_alpha(t[i])) {
			other = true;
		}
	}
	if (other || (i > 0 && t[i - 1] == '/') || !word_before)
		return false;
	if (hyphen && memchr(t, '/', n) == NULL && digits >= 3)
		return a == f->len || lower_after || strchr(".,;:)", s[a]) != NULL;
	/* One letter before the separator: an office ("S/"), a party ("R-"); never "TS-". */
	if (seps != 1 || digits != 0 || !lower_after || n < 3 || (t[1] != '/' && t[1] != '-'))
		return false;
	/* A party and a state ("R-TN", "D-OR", "I-VT"). */
	if (t[1] == '-' && n == 4 && strchr("DRI", toupper((unsigned char)t[0])) != NULL &&
	    is_alpha(t[2]) && is_alpha(t[3])) {
		char st[2] = { (char)toupper((unsigned char)t[2]), (char)toupper((unsigned char)t[3]) };

		if (us_state(st))
			return true;
	}
	/*
	 * An office symbol ("S/GC", "S/SEMEP") is prose only where the policy lists it (not_marks,
	 * read before this): an unlisted one may be a control no policy lists ("S/WNINTEL").
	 */
	return false;
}

/* Whether the first token of t[0..n), up to a separator, is a level of this policy. */
static bool
own_level(const struct policy *p, const char *t, size_t n)
{
	struct marking m;
	size_t k = 0;

	while (k < n && t[k] == ' ')
		k++;
	t += k;
	n -= k;
	for (k = 0; k < n && strchr("/-| ", t[k]) == NULL; k++)
		continue;
	return k > 0 && marking_parse(p, t, k, MARKING_PORTION, &m) == 1 && !m.unknown;
}

/*
 * A label of a shape the policy's pattern does not list, at byte `at` of f: one word of at most
 * max bytes of digits, punctuation, symbols and a few letters (a roman number, or one letter
 * beside digits or punctuation: "3a.", "A.1", "III-A."), then spaces and an opening bracket. Returns where the
 * bracket stands, or `at` when there is no such label.
 */
static size_t
odd_label(const struct fold *f, size_t at, size_t max)
{
	const char *s = f->text;
	size_t j, letters = 0, run = 0;
	bool roman = true;

	for (j = at; j < f->len && j - at <= max && s[j] != ' '; j++) {
		char c = s[j];

		if (is_open(c))
			break;
		if (is_alpha(c)) {
			run++;
			roman = roman && strchr("IVXivx", c) != NULL;
			/* Two letters together are a word, unless they make a roman number. */
			if (run > 1 && !roman)
				return at;
			letters++;
			continue;
		}
		if (run > 1 && !roman)
			return at;
		run = 0;
		roman = true;
		if (c == '"' || c == '\'' || c == ',' || c == ';' || c == '!' || c == '?')
			return at;
	}
	if (j == at || j - at > max || letters > 5)
		return at;
	/* One word of it: "w14 w15 (U)" is text before a mark, not a label. */
	while (j < f->len && s[j] == ' ')
		j++;
	if (j >= f->len || !is_open(s[j]) || s[j - 1] != ' ')
		return at;
	return j;
}

/*
 * Whether the group at byte k of f may be a damaged mark: one that is no proven mark, item or
 * prose ("(5NF)", "(SBUMF)"), or a mark or an item's letter with a word glued after it
 * ("(U)FOUO)").
 */
static bool
damaged_at(const struct policy *p, const struct fold *f, size_t k)
{
	struct group g;

	memset(&g, 0, sizeof(g));
	if (!reading_group_at(p, f, k, &g))
		return false;
	return g.kind == GROUP_UNKNOWN || ((g.kind == GROUP_MARK || g.kind == GROUP_ITEM) &&
	    g.closed && g.end < f->len && is_alnum(f->text[g.end]));
}

/*
 * The length of a markup's tag or command at byte j of f, or 0: HTML's or XML's ("<p>", "</b>",
 * "<span class=\"x\">", "<!-- note -->"), TeX's with its arguments ("\\textbf{", "\\section*{",
 * "\\item[]", "\\textcolor{red}{", "\\textbf{2.}"), a forum's ("[b]", "[/i]", "[color=red]",
 * "[*]"). What a tag holds is no text, so a mark after it stands where a line's head does.
 */
size_t
reading_markup_at(const char *s, size_t n, size_t j)
{
	size_t k, word, o, image = j + 1 < n && s[j] == '!' && s[j + 1] == '[';
	char quote = 0;

	/* A markdown link or image: "[text](url)", "![p2](img-2.jpeg)", an address with no space. */
	if (s[j + image] == '[') {
		for (o = k = j + image + 1; o < n && o - k < 80 && s[o] != ']' && s[o] != '[' &&
		    s[o] != '('; o++)
			continue;
		if (o > k && o + 1 < n && s[o] == ']' && s[o + 1] == '(') {
			bool address = false, small = false;

			/* An address has a '.', ':' or '#', and a small letter or a digit: no mark. */
			for (o += 2; o < n && o - k < 400 && s[o] != ')' && s[o] != ' ' && s[o] != '(';
			    o++) {
				address = address || s[o] == '.' || s[o] == ':' || s[o] == '#';
				small = small || is_lower(s[o]) || (s[o] >= '0' && s[o] <= '9');
			}
			if (o < n && s[o] == ')' && address && small)
				return o + 1 - j;
		}
	}
	k = j + 1;
	if (j + 2 >= n || (s[j] != '<' && s[j] != '\\' && s[j] != '['))
		return 0;
	if (s[j] == '<' && (s[k] == '!' || s[k] == '?')) {
		/* A comment, a declaration, an instruction, up to its '>'. */
		while (k < n && k - j < 480 && s[k] != '>')
			k++;
		return k < n && s[k] == '>' ? k + 1 - j : 0;
	}
	if (s[j] == '[' && s[k] == '*' && k + 1 < n && s[k + 1] == ']')
		return 3;
	if (s[j] != '\\' && s[k] == '/')
		k++;
	for (word = k; k < n && k - word < 16 && is_alnum(s[k]); k++)
		continue;
	if (k == word || !is_alpha(s[word]))
		return 0;
	/* "<S>", "[U]", "<TS>": a mark in angle or square brackets, no tag. */
	if (s[j] != '\\' && (k - word == 1 ? strchr("UuCcSsRr", s[word]) != NULL :
	    k - word == 2 && strchr("Tt", s[word]) != NULL && strchr("Ss", s[word + 1]) != NULL))
		return 0;
	if (s[j] == '[') {
		/* "[color=red]": a value after '=', no bracket in it. */
		if (k < n && s[k] == '=')
			for (o = k; k < n && k - o < 40 && s[k] != ']' && !is_open(s[k]); k++)
				continue;
		return k < n && s[k] == ']' ? k + 1 - j : 0;
	}
	if (s[j] == '<') {
		/* Its attributes up to its '>', which may stand in a quoted value. */
		for (; k < n && k - j < 480; k++) {
			if (quote != 0) {
				quote = s[k] == quote ? 0 : quote;
				continue;
			}
			if (s[k] == '"' || s[k] == '\'')
				quote = s[k];
			else if (s[k] == '>' || s[k] == '<')
				break;
		}
		return k < n && s[k] == '>' ? k + 1 - j : 0;
	}
	if (k < n && s[k] == '*')
		k++;
	/* Its arguments with no bracket in them ("[]", "{red}", "{2.}"), and a '{' that opens. */
	while (k < n && (s[k] == '[' || s[k] == '{')) {
		char close = s[k] == '[' ? ']' : '}';

		for (o = k++; k < n && k - o < 40 && s[k] != close && s[k] != '(' &&
		    s[k] != '[' && s[k] != '{'; k++)
			continue;
		if (k < n && s[k] == close) {
			k++;
			continue;
		}
		/* An argument that holds the text: only its '{'. */
		k = s[o] == '{' ? o + 1 : o;
		break;
	}
	return k - j;
}

static size_t
markup_at(const struct fold *f, size_t j)
{
	return reading_markup_at(f->text, f->len, j);
}

/*
 * A paragraph's label at byte j of f, of one or more parts ("2.", "3.1.", "1.a.", "2A.", "2:"),
 * the last one bare where `bare` ("No. 2"), then dashes, spaces and a markup's tags, before a
 * bracket ("<li>2. (SBUMF)", "<p>2.(SBUMF)", "<td>2.</td><td>(SBUMF)", "\\textbf{2. (SBUMF)}",
 * "2. -- (5NF)"). Returns where the bracket stands, or j.
 */
static size_t
label_run(const struct fold *f, size_t j, bool bare)
{
	const char *s = f->text;
	size_t k = j, t, len, parts = 0, dashes = 0;

	while (k < f->len && parts < 4) {
		for (t = k; t < f->len && t - k < 4 && is_alnum(s[t]); t++)
			continue;
		if (t == k || t - k > 3 || t >= f->len)
			break;
		if (s[t] == '.' || s[t] == ':' || s[t] == ')') {
			k = t + 1;
			parts++;
			continue;
		}
		if (bare && s[t] == ' ') {
			k = t;
			parts++;
		}
		break;
	}
	if (parts == 0)
		return j;
	for (; k < f->len; k += len)
		if ((len = s[k] == ' ' ? 1 : s[k] == '-' && ++dashes <= 3 ? 1 : markup_at(f, k)) == 0)
			break;
	return k < f->len && is_open(s[k]) ? k : j;
}

/*
 * A word that names a paragraph, then its label ("Para 2.", "Section 2.", "Item 2.", "Annex A.",
 * "Enclosure 1:", "No. 2"), at byte j of f, before a bracket. Returns where the bracket stands,
 * or j.
 */
static size_t
word_label(const struct fold *f, size_t j)
{
	const char *s = f->text;
	size_t k = j, e;
	bool abbreviated;

	while (k < f->len && k - j <= 12 && is_alpha(s[k]))
		k++;
	if (k == j || k - j > 12 || k >= f->len)
		return j;
	/* A bare number after an abbreviation alone ("No. 2", not "Chapter 7 (UN)"). */
	abbreviated = s[k] == '.';
	if (abbreviated)
		k++;
	if (k >= f->len || s[k] != ' ')
		return j;
	while (k < f->len && s[k] == ' ')
		k++;
	/* A label there, not the word's own text ("Agency (ACA) and"). */
	return (e = label_run(f, k, abbreviated)) > k ? e : j;
}

/*
 * A label of up to three words at byte j of f, the first with a capital, 24 letters at most,
 * before a colon or a dash ("BEGIN TEXT:", "Summary and Comment:", "NOTE -", "NOTE --"):
 * where it ends, or j.
 */
static size_t
words_label(const struct fold *f, size_t j)
{
	const char *s = f->text;
	size_t k = j, words = 0, letters = 0, a;

	if (s[j] < 'A' || s[j] > 'Z')
		return j;
	while (k < f->len && words < 3) {
		for (a = k; k < f->len && is_alpha(s[k]); k++)
			continue;
		if (k == a || (letters += k - a) > 24)
			return j;
		words++;
		if (k < f->len && s[k] == ':')
			return k + 1;
		if (k + 1 < f->len && s[k] == ' ' && s[k + 1] == '-') {
			for (k++; k < f->len && s[k] == '-' && k - a < 40; k++)
				continue;
			return k < f->len && s[k] == ' ' ? k : j;
		}
		if (k >= f->len || s[k] != ' ')
			return j;
		k++;
	}
	return j;
}

/*
 * Signs before a bracket, glued to it or not, at byte `at` of f: emphasis, quotation marks,
 * guillemets, a reply's '>', a slash, a pilcrow, any punctuation or symbol ("**(5NF)**",
 * "\"(U)FOUO)", "> > (SBUMF)", "‹(5NF)›", "¶ **(5NF)"), up to 16 bytes in all, with a word's
 * label ending in a colon among them or not ("NOTE: **(5NF)", "## SERIES: \"(TSMSUNNF)"), a
 * footnote's ("[^0]: *(TSMSUNNF)") and a label of the text after a '>' ("> 1. (SBUMF)", "> -
 * (5NF)"), where the group after them may be a damaged mark (damaged_at), which is then withheld
 * as it is written plain. A proven mark there is read in mid-line, as before, and only raises: a
 * reply's lines, a quotation and emphasis are not read as a page's heads are (whether a line of
 * marks in bold stands alone, whether the text before a quotation ends). Returns where the
 * bracket stands, or `at`.
 */
static size_t
sign_prefix(const struct policy *p, const struct fold *f, size_t at, size_t max, bool *plain)
{
	const char *s = f->text;
	size_t j = at, k, len, signs = 0, words = 0, markup = 0, items;

	while (j < f->len && j - at <= 16 + max + markup) {
		if (s[j] == ' ') {
			j++;
			continue;
		}
		/* A footnote's label: "[^0]:". */
		if (s[j] == '[' && j + 1 < f->len && s[j + 1] == '^') {
			for (k = j + 2; k < f->len && k - j <= 8 && is_alnum(s[k]); k++)
				continue;
			if (k + 1 < f->len && s[k] == ']' && s[k + 1] == ':') {
				j = k + 2;
				signs++;
				continue;
			}
			break;
		}
		/*
		 * A word's label: "NOTE:", "SERIES:", one word of up to twelve letters, or up to
		 * three words with a capital first, before a colon or a dash ("BEGIN TEXT:",
		 * "Summary and Comment:", "NOTE -").
		 */
		if (is_alpha(s[j]) && words == 0) {
			for (k = j; k < f->len && k - j <= 12 && is_alpha(s[k]); k++)
				continue;
			if (k < f->len && s[k] == ':' && k - j <= 12) {
				j = k + 1;
				words++;
				continue;
			}
			if ((k = words_label(f, j)) > j) {
				j = k;
				words++;
				continue;
			}
			break;
		}
		/* A markup's tags ("<p>", "\\textbf{", "[b]"), which take up to 512 bytes more. */
		if ((len = markup_at(f, j)) > 0 && markup + len <= 512) {
			j += len;
			markup += len;
			signs++;
			continue;
		}
		if ((len = fold_sign_at(f, j)) == 0)
			break;
		j += len;
		signs++;
	}
	if (j >= f->len || j - at > 16 + max + markup)
		return at;
	/*
	 * A word that names a paragraph, and its label, with no sign before ("Para 2. (SBUMF)").
	 * Where a sentence may wrap to the line, the group is read as plain there (reading_head):
	 * "... on" / "June 12. (SIINF)" names no paragraph (and label_kept keeps no such label);
	 * so is the group after tags or a word's label, and only after signs alone is it a head's.
	 */
	*plain = signs == 0 || markup > 0 || words > 0;
	if (signs == 0 && words == 0) {
		k = word_label(f, j);
		return k > j && damaged_at(p, f, k) ? k : at;
	}
	/*
	 * Or a label of the quoted text between ("> 1. (SBUMF)", "> - (5NF)"), or of the text
	 * after tags or a word's label ("<li>2. (SBUMF)", "<li>3.1. -- (SBUMF)", "NOTE: 2.
	 * (SBUMF)").
	 */
	k = j;
	if (!is_open(s[j]) && (markup > 0 || words > 0))
		k = label_run(f, j, false);
	if (k == j && !is_open(s[j]) && (s[j - 1] != ' ' || (k = odd_label(f, j, max)) == j))
		return at;
	if (damaged_at(p, f, k))
		return k;
	/* Items after tags, then what may be a damaged mark ("<p>(b) (SBUMF)", "<li>(a) (b)"). */
	for (items = 0; markup > 0 && items < 3; items++) {
		struct group g;

		memset(&g, 0, sizeof(g));
		if (!reading_group_at(p, f, k, &g) || g.kind != GROUP_ITEM || !g.closed)
			break;
		for (k = g.end; k < f->len && s[k] == ' '; k++)
			continue;
		if (k < f->len && damaged_at(p, f, k))
			return k;
	}
	return at;
}

/*
 * A mark that lost its opening bracket: "S//NF) The detail", "TS) The". Text up to a closing
 * bracket, with no opening one before it, that may be a mark (not prose, nor a number, nor an
 * abbreviation): an unknown group, never proven. Returns whether there is one at `at`.
 */
bool
reading_lost_open(const struct policy *p, const struct fold *f, size_t at, struct group *g)
{
	const char *s = f->text;
	size_t j, limit = at + p->reading.mark_max;

	if (limit > f->len)
		limit = f->len;
	if (at >= f->len || is_open(s[at]) || s[at] == ' ')
		return false;
	/* A mark holds no colon ("REF: A) BRASILIA 1377" is a reference list). */
	for (j = at; j < limit && !is_close(s[j]); j++)
		if (is_open(s[j]) || s[j] == ':')
			return false;
	if (j == limit || j == at)
		return false;
	memset(g, 0, sizeof(*g));
	reading_group(p, s + at, j - at, false, memchr(s + at, 0x80, j - at) != NULL, g);
	if (g->kind != GROUP_UNKNOWN)
		return false;
	g->start = at;
	g->end = j + 1;
	g->closed = false;
	return true;
}

int
reading_head(const struct policy *p, struct policy_matcher *md, const struct fold *f,
    bool paragraph, struct head *h, char *err, size_t errlen)
{
	const struct policy_rule *r = &p->reading.label;
	const char *s = f->text;
	size_t pos = 0, labels;
	bool footnote;	/* a footnote's definition: "[^0]:" */

	memset(h, 0, sizeof(*h));
	h->group.kind = GROUP_NONE;
	h->second.kind = GROUP_NONE;
	while (pos < f->len && s[pos] == ' ')
		pos++;
	h->symbol = fold_symbol_at(f, pos);
	for (labels = 0; labels < 8 && pos < f->len; labels++) {
		const PCRE2_SIZE *ov;
		enum label_kind kind;
		size_t end;
		int rc, g;

		if (!policy_rule_may_match(r, s + pos, f->len - pos))
			break;
		if ((rc = policy_match(p, r, s + pos, f->len - pos, md, err, errlen)) < 0)
			return -1;
		if (rc == 0)
			break;
		ov = policy_matcher_ovector(md);
		if (ov[2 * r->g_number] != PCRE2_UNSET) {
			g = r->g_number;
			kind = LABEL_NUMBER;
		} else if (ov[2 * r->g_bare] != PCRE2_UNSET) {
			/* "13 (U)" only at a paragraph's head: in a sentence, a number is a word. */
			if (!paragraph)
				break;
			g = r->g_bare;
			kind = LABEL_BARE;
		} else if (ov[2 * r->g_bullet] != PCRE2_UNSET) {
			g = r->g_bullet;
			kind = LABEL_BULLET;
			h->bullet = true;
		} else {
			break;	/* no group of the three took part: no label */
		}
		end = pos + ov[2 * g + 1];
		if (ov[1] == 0 || fold_source(f, end) > p->reading.label_max)
			break;
		/* "C)", "S)": a letter label that may be a mark that lost its '('. */
		if (kind == LABEL_NUMBER && end - pos == 2 && s[pos + 1] == ')' &&
		    is_alpha(s[pos]))
			h->letter = s[pos];
		if (kind > h->label)
			h->label = kind;
		/* Where the label's last character ends, not what folded to nothing after it. */
		h->label_end = fold_source_end(f, end - 1);
		pos += ov[1];
		while (pos < f->len && s[pos] == ' ')
			pos++;
	}
	/*
	 * A label of a shape the policy does not list ("3a.", "A.1", "III-A.", "►", a sixth
	 * "--"): a few bytes with no word in them before a bracket, at a paragraph's head. The
	 * bracket after them stands where a mark does, so it is read as a head's group is. After a
	 * sentence with no blank line between ("** (U)" of a footnote), what such a label stands
	 * for cannot be known: the group is read in mid-line, where a mark only raises.
	 */
	/*
	 * Or signs before what may be a damaged mark, at any line's head ("**(5NF)**", "\"(U)FOUO)",
	 * "> > (SBUMF)", "[^0]:    *(TSMSUNNF)"): it is read as written plain, and withheld.
	 */
	footnote = pos + 2 < f->len && s[pos] == '[' && s[pos + 1] == '^';
	if (pos < f->len && (footnote || !is_open(s[pos]) || markup_at(f, pos) > 0) &&
	    !is_close(s[pos])) {
		size_t j = paragraph ? odd_label(f, pos, p->reading.label_max) : pos;
		bool plain = false;

		if (j == pos)
			j = sign_prefix(p, f, pos, p->reading.label_max, &plain);
		if (j > pos) {
			size_t last = j;

			while (last > pos && s[last - 1] == ' ')
				last--;
			/*
			 * Tags or a word's label at a line a sentence may wrap to are no label: the
			 * group after them is read as it is written plain there ("<li>(CSA) while"
			 * is text, "<li>(SBUMF) the" is not).
			 */
			if (h->label < LABEL_NUMBER && (paragraph || !plain))
				h->label = LABEL_NUMBER;
			h->label_end = fold_source_end(f, last - 1);
			pos = j;
		}
	}
	h->after_label = pos;
	if (reading_lost_open(p, f, pos, &h->group))
		return 0;
	/*
	 * A mark in angle brackets ("<S> The", "<C>The", "<TS>", "<S/NF>"): no tag (markup_at
	 * reads none so), and what it says is not proven: unknown.
	 */
	if (pos + 2 < f->len && s[pos] == '<' && s[pos + 1] >= 'A' && s[pos + 1] <= 'Z') {
		size_t e = pos + 1;

		while (e < f->len && e - pos <= 24 && s[e] != '>' && s[e] != '<' && s[e] != ' ' &&
		    !is_lower(s[e]))
			e++;
		/* Written so, not a guillemet the fold made one ("‹Secret›"). */
		if (e < f->len && s[e] == '>' && f->src[fold_source(f, pos)] == '<') {
			struct group g;
			struct marking lm;

			memset(&g, 0, sizeof(g));
			reading_group(p, s + pos + 1, e - pos - 1, true, false, &g);
			if (g.kind == GROUP_MARK || (g.kind == GROUP_UNKNOWN && g.has_level) ||
			    (g.kind == GROUP_ITEM && g.letter != 0 &&
			    marking_parse(p, &g.letter, 1, MARKING_PORTION, &lm) == 1)) {
				memset(&h->group, 0, sizeof(h->group));
				marking_init(&h->group.mark);
				h->group.kind = GROUP_UNKNOWN;
				h->group.start = pos;
				h->group.end = e + 1;
				h->group.closed = true;
				return 0;
			}
		}
	}
	/* A closing bracket where a mark opens ("﴾S﴿" folds to ")S(") opens one all the same. */
	if (pos < f->len && is_close(s[pos]) && pos + 1 < f->len && s[pos + 1] != ' ') {
		group_from(p, f, pos, &h->group);
		return 0;
	}
	if (reading_group_at(p, f, pos, &h->group) && h->group.kind == GROUP_ITEM) {
		/* "(2) (S//NF)": an item, then the mark of what it numbers. */
		pos = h->group.end;
		while (pos < f->len && s[pos] == ' ')
			pos++;
		if (!reading_lost_open(p, f, pos, &h->second))
			reading_group_at(p, f, pos, &h->second);
	}
	/* The groups after a mark or an item, up to the text (reading_groups_after). */
	if (h->group.kind == GROUP_ITEM || h->group.kind == GROUP_MARK)
		h->nafter = reading_groups_after(p, f, h->group.end, h->after, HEAD_AFTER);
	return 0;
}

/*
 * Whether the byte at pos of f stands between groups: no opening bracket, and no letter or digit
 * of a word or glued to a bracket (a letter or digit alone is: "(U)¹ (5NF)", "(U) a. (5NF)").
 */
static bool
between_groups(const struct fold *f, size_t pos)
{
	const char *s = f->text;

	if (is_open(s[pos]))
		return false;
	if (!is_alnum(s[pos]))
		return true;
	return (pos == 0 || !is_alnum(s[pos - 1])) &&
	    (pos + 1 >= f->len || (!is_alnum(s[pos + 1]) && !is_open(s[pos + 1])));
}

size_t
reading_groups_after(const struct policy *p, const struct fold *f, size_t pos, struct group *out,
    size_t max)
{
	const char *s = f->text;
	size_t n = 0;

	while (n < max) {
		size_t w;

		for (;;) {
			while (pos < f->len && between_groups(f, pos))
				pos++;
			/* A label of one word and a colon ("(U) Comment: (5NF)", "Note:"). */
			for (w = pos; w < f->len && w - pos <= 12 && is_alpha(s[w]); w++)
				continue;
			if (w == pos || w - pos > 12 || w >= f->len || s[w] != ':' ||
			    (pos > 0 && is_alnum(s[pos - 1])))
				break;
			pos = w + 1;
		}
		/* A mark that lost its opening bracket ends them ("(U) (b)(1) 5NF) The"). */
		if (pos < f->len && !is_open(s[pos]) && (pos == 0 || !is_alnum(s[pos - 1]))) {
			if (reading_lost_open(p, f, pos, &out[n]))
				n++;
			break;
		}
		/* Not a bracket glued to a word: an office ("D(S)"), a plural ("officer(s)"). */
		if (pos >= f->len || !is_open(s[pos]) || (pos > 0 && is_alnum(s[pos - 1])) ||
		    !reading_group_at(p, f, pos, &out[n]))
			break;
		pos = out[n++].end;
	}
	return n;
}

static bool word_listed_ci(const char *const *list, size_t n_list, const char *s, size_t n);

/* Whether s[0..n) is a label's word before a letter or a number ("Annex A", "para 4"). */
static bool
label_word(const char *s, size_t n)
{
	static const char *const words[] = { "ANNEX", "APPENDIX", "TAB", "ENCLOSURE", "ENCL",
	    "PARA", "PARAGRAPH", "SECTION", "PART", "ITEM", "ATTACHMENT", "EXHIBIT", "FIGURE",
	    "TABLE", "ANNEXE", "SCHEDULE", "ARTICLE", "CHAPTER", "REF", "REFTEL", "REFERENCE" };

	return n >= 3 && n <= 10 && word_listed_ci(words, sizeof(words) / sizeof(words[0]), s, n);
}

/*
 * Whether s[0..n), glued before a bracket, has a paragraph's label's shape: a letter, a roman
 * number, a letter twice ("AA"), a roman number and a letter ("IVa"), or up to four letters and
 * figures with a figure among them ("4a", "12b").
 */
static bool
label_shape(const char *s, size_t n)
{
	size_t k;
	bool figure = false;

	for (k = 0; k < n; k++)
		figure |= !is_alpha(s[k]);
	if (figure)
		return n <= 4;
	return n == 1 || roman(s, n) != 0 || (n == 2 && s[0] == s[1]) ||
	    (n >= 3 && n <= 4 && islower((unsigned char)s[n - 1]) && roman(s, n - 1) != 0) ||
	    (n == 2 && islower((unsigned char)s[1]) && strchr("ivxIVX", s[0]) != NULL);
}

/*
 * Whether the word glued before the bracket "(S)" at byte k of f's text takes a plural's "(s)"
 * ("officer(s)") or names an office ("D(S)GRana"): a word that ends in a letter ("2009(S)" is a
 * mark). A paragraph's label (label_shape) is none where a label stands: at the line's head
 * (`head`: f's text opens the line), after a sentence's end or after a label's word ("A(S) The",
 * "agenda. A(S) The", "Annex A(S) The"). There the bracket is a mark when a space, a colon, the
 * line's end or a word in a sentence's case follows it ("A(S)The"; not initials and a name,
 * "D(S)GRana").
 */
static bool
plural_word(const struct fold *f, size_t k, bool head)
{
	const char *s = f->text;
	size_t j = k, i, e = k + 3, w;

	if (k == 0 || !is_alpha(s[k - 1]))
		return false;
	while (j > 0 && is_alnum(s[j - 1]))
		j--;
	if (!label_shape(s + j, k - j) || e > f->len)
		return true;
	if (e < f->len && s[e] != ' ' && s[e] != ':' && !(isupper((unsigned char)s[e]) &&
	    e + 1 < f->len && islower((unsigned char)s[e + 1])))
		return true;
	/* A label's parts before it, parted by '-', '/' or '.' ("4-A(S)", "4/A(S)", "4.a(S)"). */
	while (j > 1 && strchr("-/.", s[j - 1]) != NULL && is_alnum(s[j - 2]) && k - j < 8) {
		for (j--; j > 0 && is_alnum(s[j - 1]) && k - j < 8; j--)
			continue;
	}
	for (i = j; i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'); i--)
		continue;
	if (i == 0)
		return !head;
	if (i < j && strchr(".;:!?", s[i - 1]) != NULL)
		return false;
	for (w = i; w > 0 && is_alpha(s[w - 1]); w--)
		continue;
	return i == j || !label_word(s + w, i - w);
}

/*
 * Whether the group that opens at byte k of f's text stands at the head of a table cell (after
 * '|' or "<br>", and spaces): a cell is read as a paragraph's head is.
 */
static bool
cell_head(const struct fold *f, size_t k)
{
	const char *s = f->text;

	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k > 0 && s[k - 1] == '|')
		return true;
	if (k >= 4 && s[k - 1] == '>' && (s[k - 2] == 'r' || s[k - 2] == 'R' || s[k - 2] == '/')) {
		size_t j = k - 2;

		while (j > 0 && (s[j] == '/' || s[j] == ' '))
			j--;
		return j >= 2 && (s[j] | 0x20) == 'r' && (s[j - 1] | 0x20) == 'b' && s[j - 2] == '<';
	}
	return false;
}

/*
 * What a group in mid-line says, as marking *m: 1 when it raises the text (a proven mark; a level
 * letter in capitals; controls alone; a marking that cannot be read, whole, where it holds a
 * double slash, a separator with a marking word, a character no rule can read, or lost its
 * closing bracket at the line's end), 0 when it is text. In mid-line an unknown token after a
 * level counts for its level only: office symbols and reference codes are written so
 * ("(C-RE9-02730)"). At the head of a table cell, the group is read as at a paragraph's head.
 */
static int
midline_group(const struct policy *p, const char *t, size_t n, const struct group *g,
    bool cell, struct marking *m)
{
	struct word wd;
	size_t i, words = 0, controls = 0;
	bool sep = false, vocab = false, space = false, high = false, dslash = false;
	bool level = false, lower = false;

	marking_init(m);
	switch (g->kind) {
	case GROUP_MARK:
		*m = g->mark;
		return 1;
	case GROUP_ITEM: {
		char up = (char)toupper((unsigned char)g->letter);

		/*
		 * "section 4 (C) of the act" may be a mark, and "(S.)" a damaged one (it proves
		 * nothing); "(c)" is a list item.
		 */
		if (g->letter == 0 || (!cell && is_lower(g->letter)))
			return 0;
		if (marking_parse(p, &up, 1, MARKING_PORTION, m) != 1)
			return 0;
		m->unknown = m->unknown || (!cell && !g->bare);
		return 1;
	}
	case GROUP_UNKNOWN:
		break;
	default:
		return 0;
	}
	for (i = 0; i < n; i++) {
		sep = sep || t[i] == '/' || t[i] == '|' || t[i] == '\\';
		space = space || t[i] == ' ';
		high = high || (unsigned char)t[i] >= 0x80;
		dslash = dslash || (t[i] == '/' && i + 1 < n && t[i + 1] == '/');
	}
	i = 0;
	if (cell || dslash || (g->padded && g->has_level)) {
		*m = g->mark;
		m->unknown = true;
		return 1;
	}
	if (g->has_level && g->closed) {
		/* Its level only, where it is this policy's: "(R-TN)" begins with another's. */
		if (g->mark.unknown && !own_level(p, t, n))
			*m = g->mark;
		else
			m->level = g->mark.level;
		return 1;
	}
	while (next_word(t, n, &i, &wd)) {
		char up[POLICY_WORD_MAX + 1];
		size_t un = upper_form(t + wd.start, wd.end - wd.start, up);
		const struct policy_term *pt;

		words++;
		if (wd.exotic) {
			vocab = true;
			continue;
		}
		lower = lower || wd.lower;
		pt = policy_term_find(p, up, un);
		level = level || (un >= 3 && pt != NULL && pt->level >= 0 && pt->control < 0);
		if (pt != NULL && pt->control >= 0 && pt->level < 0) {
			controls++;
			if (p->controls[pt->control].kind == CONTROL_NOFORN)
				m->fd = FD_NOFORN;
			else
				m->controls |= (uint64_t)1 << pt->control;
		}
		if (near_term(p, up, un, false) != NULL)
			vocab = true;
	}
	/* "(NF)", "(SI)", "(FOUO)": controls alone raise by them. */
	if (words > 0 && controls == words)
		return 1;
	/* "(T-S)", "(N.F)": single letters parted by punctuation that spell a term. */
	{
		char up[POLICY_WORD_MAX + 1];
		size_t un = 0, j;

		for (j = 0; j < n && un < POLICY_WORD_MAX; j++) {
			if (is_alpha(t[j])) {
				if ((j > 0 && is_alpha(t[j - 1])) || (j + 1 < n && is_alpha(t[j + 1])))
					break;
				up[un++] = (char)toupper((unsigned char)t[j]);
			} else if (strchr(" -./|\\", t[j]) == NULL) {
				break;
			}
		}
		if (j == n && un >= 2 && policy_term_find(p, up, un) != NULL) {
			marking_init(m);
			m->unknown = true;
			return 1;
		}
	}
	marking_init(m);
	m->unknown = true;
	/*
	 * "(TSI/NF)"; "(Ѕ)", "(S\0)" (a character no rule can read, in a short group); "(S//NF" or
	 * "(S" that the line ends in; a level's word among other words in capitals ("(T0P
	 * SECRET)", "(XYZ SECRET)"): no level alone.
	 */
	if ((sep && vocab) || (high && !space && n <= 12) || (level && !lower && words > 1) ||
	    (!g->closed && (g->has_level || (sep && vocab))))
		return 1;
	return 0;
}

static bool word_listed(const char *const *list, size_t n_list, const char *s, size_t n);

bool
reading_initials_before(const struct fold *f, size_t w, const char *letters, size_t n,
    bool loose)
{
	static const char *const skip[] = { "of", "in", "and", "for", "the", "on", "to", "de" };
	const char *s = f->text;
	size_t i, b;

	for (i = n; i > 0; w = b) {
		while (w > 0 && s[w - 1] == ' ')
			w--;
		for (b = w; b > 0 && is_alpha(s[b - 1]); b--)
			continue;
		if (b == w || (b > 0 && s[b - 1] != ' '))
			return false;
		if ((loose ? to_upper(s[b]) : s[b]) == letters[i - 1])
			i--;
		else if (!loose || i == n || !word_listed(skip, sizeof(skip) / sizeof(skip[0]),
		    s + b, w - b))
			return false;
	}
	return true;
}

/*
 * Whether the bracket at k of f goes on a chain of bracketed clauses glued to a figure or a
 * word ("under 212(a)(6)(C)(i)", "101(a)(15)(S)"): a bracket right after ')' whose group opens,
 * with no space, after a letter or a figure, or after another such group, with words before
 * the chain on the line.
 */
bool
reading_citation_chain(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t j = k, e;
	int groups = 0;

	if (k == 0 || s[k] != '(' || s[k - 1] != ')')
		return false;
	while (j > 0 && s[j - 1] == ')') {
		/* Back over one group of letters and figures ("(a)", "(15)"). */
		for (j--; j > 0 && isalnum((unsigned char)s[j - 1]); j--)
			continue;
		if (j == 0 || s[j - 1] != '(' || ++groups > 6)
			return false;
		j--;
	}
	if (j == 0 || !isalnum((unsigned char)s[j - 1]))
		return false;
	/*
	 * Words stand before the clause's number, or it has three figures ("212(a)(3)(C)"): at
	 * a line's head a short one is a paragraph's label ("4(a)(S) The", "II(A)(S) The"), and
	 * the bracket after it a mark.
	 */
	for (e = j; j > 0 && (isalnum((unsigned char)s[j - 1]) || s[j - 1] == '.'); j--)
		continue;
	if (e - j >= 3 && isdigit((unsigned char)s[j]) && isdigit((unsigned char)s[e - 1]))
		return true;
	while (j > 0 && !isalpha((unsigned char)s[j - 1]))
		j--;
	return j > 0;
}

/*
 * Whether the group of f from k to its close at c, two to eight capitals, defines an abbreviation
 * in a sentence that goes on after it: its letters are the first letters of the words right
 * before it, in any case, with OF, IN, AND, FOR, THE, ON, TO, DE between not counted ("Tropical
 * Storm (TS) Alma will", "locally employed staff (LES) who", "officer in charge (OC) and";
 * reading_initials_before), and a word follows on the line, in lower case or a name (not a
 * sentence's first word: "... Straits (TS) The ships" is a mark that lost its full stop).
 */
static bool
definition_group(const struct fold *f, size_t k, size_t c)
{
	static const char *const heads[] = { "The", "A", "An", "This", "That", "These", "Those",
	    "He", "She", "It", "They", "We", "I", "In", "On", "At", "As", "But", "And", "Post",
	    "There", "His", "Her", "Its", "Their", "Our", "If", "When", "While", "After", "Before" };
	const char *s = f->text;
	size_t n = c - k - 1, a, e, i;

	if (n < 2 || n > 8 || c + 1 >= f->len || s[c + 1] != ' ' || k < 2 || s[k - 1] != ' ')
		return false;
	for (i = k + 1; i < c; i++)
		if (!isupper((unsigned char)s[i]))
			return false;
	for (a = c + 1; a < f->len && s[a] == ' '; a++)
		continue;
	for (e = a; e < f->len && is_alpha(s[e]); e++)
		continue;
	if (e == a || (!is_lower(s[a]) && (!isupper((unsigned char)s[a]) ||
	    word_listed(heads, sizeof(heads) / sizeof(heads[0]), s + a, e - a))))
		return false;
	return reading_initials_before(f, k - 1, s + k + 1, n, true);
}

bool
reading_marks(const struct policy *p, const char *s, size_t n, size_t from, bool latin1,
    struct marking *m)
{
	size_t pos = from;
	bool found = false;

	while (pos < n) {
		struct fold f;
		size_t k, next;

		fold_line(s + pos, n - pos, FOLD_MAX, latin1, &f);
		next = f.consumed;
		for (k = 0; k < f.len; k++) {
			struct group g;
			struct marking one;
			const char *t;
			size_t c, limit;
			int r;

			if (!is_open(f.text[k]))
				continue;
			limit = k + 1 + p->reading.mark_max;
			for (c = k + 1; c < f.len && c < limit; c++)
				if (is_close(f.text[c]) || is_open(f.text[c]))
					break;
			/* A group cut by the end of this piece is read again from its start. */
			if (c == f.len && f.cut && k > 0) {
				next = fold_source(&f, k);
				break;
			}
			t = f.text + k + 1;
			/*
			 * "OFFICER(S)" is a plural, not a mark: an S glued to a word ("OFFICER(C)" is
			 * a mark); so is an exemption code's letter ("1.4(C)", "1 4(C)" as OCR reads
			 * it, a to h). "2009(S)", "2.5(C)" are marks.
			 */
			if (k > 0 && (((t[0] == 'S' || t[0] == 's') &&
			    plural_word(&f, k, pos == 0)) ||
			    (k >= 3 && f.text[k - 1] == '4' && (f.text[k - 2] == '.' ||
			    f.text[k - 2] == ' ') && f.text[k - 3] == '1' &&
			    (k == 3 || !is_alnum(f.text[k - 4])) &&
			    strchr("abcdefghABCDEFGH", t[0]) != NULL)) && c == k + 2 && is_alpha(t[0]) &&
			    c < f.len && is_close(f.text[c]))
				continue;
			if (policy_not_mark(p, t, c - k - 1) || reading_citation_chain(&f, k))
				continue;
			if (c < f.len && f.text[c] == ')' && definition_group(&f, k, c))
				continue;
			reading_group_at(p, &f, k, &g);
			if (reading_in_sentence(&f, &g, false))
				continue;
			if ((r = midline_group(p, t, c - k - 1, &g, cell_head(&f, k), &one)) <= 0)
				continue;
			if (found)
				marking_join(p, m, &one, m);
			else
				*m = one;
			found = true;
		}
		if (next == 0)
			break;
		pos += next;
	}
	return found;
}

/*
 * A control written in single letters spaced or dotted out at s[k..n), spaces before it or none
 * ("E F T O ROME", "E.F.T.O. ROME", "N O F O R N"): its term, *end after it; else NULL.
 */
static const struct policy_term *
spaced_control(const struct policy *p, const char *s, size_t n, size_t k, size_t *end)
{
	char t[POLICY_WORD_MAX + 1];
	const struct policy_term *pt;
	size_t tn = 0;

	while (k < n && s[k] == ' ')
		k++;
	while (k < n && tn < POLICY_WORD_MAX && is_alpha(s[k]) &&
	    (k + 1 == n || s[k + 1] == ' ' || s[k + 1] == '.')) {
		t[tn++] = to_upper(s[k]);
		*end = ++k;
		while (k < n && (s[k] == ' ' || s[k] == '.') && k - *end < 2)
			k++;
		if (k < n && s[k - 1] == '.')
			*end = k;
	}
	if (tn < 2 || (pt = policy_term_find(p, t, tn)) == NULL || pt->control < 0)
		return NULL;
	return pt;
}

static bool post_and_number(const struct policy *p, const char *s, size_t n);

/* Joins control term t into *m at m's level (NOFORN's kind as fd). */
static void
join_term_control(const struct policy *p, const struct policy_term *t, struct marking *m)
{
	struct marking one;

	marking_init(&one);
	if (p->controls[t->control].kind == CONTROL_NOFORN)
		one.fd = FD_NOFORN;
	else
		one.controls = (uint64_t)1 << t->control;
	one.level = m->level;
	marking_join(p, m, &one, m);
}

/*
 * Reads the words after a classification line's level into m: controls, REL TO lists, the
 * section and cable number of a banner. A word that is none of these makes m unknown.
 */
static void
class_rest(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	size_t i = 0;

	while (i < n) {
		size_t start, end, k;

		while (i < n && strchr(" /|,;:-", s[i]) != NULL)
			i++;
		if (i == n)
			break;
		start = i;
		while (i < n && strchr("/|;", s[i]) == NULL)
			i++;
		end = i;
		while (end > start && strchr(" ,:-", s[end - 1]) != NULL)
			end--;
		/* A category as written ("REL TO USA, GBR", "NOFORN", "FGI DEU"). */
		{
			char buf[160];
			struct marking one;
			int len;

			len = snprintf(buf, sizeof(buf), "%s//%.*s", p->levels[0].name,
			    (int)(end - start), s + start);
			if (len > 0 && (size_t)len < sizeof(buf) &&
			    marking_parse(p, buf, (size_t)len, MARKING_BANNER, &one) == 1 &&
			    !one.unknown) {
				one.level = m->level;
				marking_join(p, m, &one, m);
				continue;
			}
		}
		/* Else word by word: "NOFORN ORCON", "SECTION 1 OF 2", "E F T O". */
		for (k = start; k < end;) {
			struct word wd;
			char up[POLICY_WORD_MAX + 1];
			const struct policy_term *t;
			size_t un, after;

			if ((t = spaced_control(p, s, end, k, &after)) != NULL) {
				join_term_control(p, t, m);
				k = after;
				continue;
			}
			if (!next_word(s, end, &k, &wd))
				break;
			un = upper_form(s + wd.start, wd.end - wd.start, up);
			if (!wd.lower && !wd.exotic && (strcmp(up, "SECTION") == 0 ||
			    strcmp(up, "OF") == 0 || (wd.letters == 0 && un <= 6)))
				continue;
			if ((t = near_term(p, up, un, false)) != NULL && t->control >= 0 &&
			    strcmp(t->text, up) == 0) {
				join_term_control(p, t, m);
				continue;
			}
			/* A cable's post and number after its controls ("E F T O ROME 001234"). */
			if (post_and_number(p, s + wd.start, end - wd.start))
				break;
			/* A word of the line, not of a mark: never quoted (it may be prose). */
			if (!m->unknown) {
				m->unknown = true;
				m->unknown_token[0] = '\0';
			}
		}
	}
}

/*
 * Whether every word of s[0..n) is a word a marking is made of: a vocabulary term or a slip of
 * one, REL, TO, a country or group, SECTION, OF, a number. "talks began in May" is not.
 */
static bool
marking_words(const struct policy *p, const char *s, size_t n)
{
	size_t i = 0;
	struct word wd;

	while (next_word(s, n, &i, &wd)) {
		char up[POLICY_WORD_MAX + 1];
		size_t un;

		if (wd.exotic)
			return false;
		un = upper_form(s + wd.start, wd.end - wd.start, up);
		if (wd.letters == 0 || strcmp(up, "REL") == 0 || strcmp(up, "TO") == 0 ||
		    strcmp(up, "SECTION") == 0 || strcmp(up, "OF") == 0 ||
		    near_term(p, up, un, false) != NULL ||
		    policy_country_find(p, up, un) >= 0 || policy_group_find(p, up, un) >= 0)
			continue;
		return false;
	}
	return true;
}

/*
 * Whether t[0..n) (upper case; '?' for a letter that cannot be read) is term pt with at most a
 * third of its letters unreadable, from four letters on. Adds the unreadable ones to *wild.
 */
static bool
wild_equal(const struct policy_term *pt, const char *t, size_t n, size_t *wild)
{
	size_t k, w = 0;

	if (pt->len != n)
		return false;
	for (k = 0; k < n; k++) {
		if (t[k] == '?' || (unsigned char)t[k] == 0x80)
			w++;
		else if (t[k] != pt->text[k])
			return false;
	}
	if (w > 0 && (n < 4 || 3 * w > n))
		return false;
	*wild += w;
	return true;
}

/*
 * Whether t[0..n) (upper case) is a level word of the policy, or another scheme's, or (unless
 * `exact`) a slip of one from six letters on. '?' in t is a letter that cannot be read (fold_ascii):
 * it matches any, up to a third of the word, and counts in *wild.
 */
static const struct policy_term *
level_term(const struct policy *p, const char *t, size_t n, bool exact, size_t *wild)
{
	const struct policy_term *slip = NULL;
	struct near_set c;
	size_t m;

	/*
	 * With no slip allowed (exact, or under six letters) and no letter that cannot be read,
	 * only a term of t's own text matches (wild_equal): none where no term of t's first
	 * letter has its length.
	 */
	if ((exact || n < 6) && n <= p->term_max &&
	    (p->term_lengths[(unsigned char)t[0]] & ((uint64_t)1 << n)) == 0 &&
	    memchr(t, '?', n) == NULL && memchr(t, 0x80, n) == NULL)
		return NULL;
	near_set(p, t, n, !exact && n >= 6, &c);
	for (m = 0; m < c.n; m++) {
		const struct policy_term *pt = near_term_at(p, &c, m);
		bool level, other;

		/* Neither the word nor a slip of it: a length more than one apart. */
		if (pt->len + 1 < n || pt->len > n + 1)
			continue;
		level = pt->level >= 0 && pt->control < 0 && pt->len >= 4;
		other = pt->level < 0 && pt->control < 0 && pt->len >= 6;
		if (!level && !other)
			continue;
		if (wild_equal(pt, t, n, wild))
			return pt;
		if (!exact && slip == NULL && n >= 6 && pt->len >= 6 &&
		    one_slip(pt->text, pt->len, t, n))
			slip = pt;
	}
	return slip;
}

/* A letter of a level word as written: a letter, one that cannot be read, or a digit misread. */
static bool
is_letterish(char c)
{
	return is_alnum(c) || c == '?' || c == '$';
}

char
reading_ocr_letter(char c)
{
	switch (c) {
	case '0': case '1': case '5': case '$': case '8':
		return reading_ocr_sign_letter((unsigned char)c, c);
	default:
		return (char)toupper((unsigned char)c);
	}
}

/*
 * The level word that begins at s[*i..n): one word, two ("TOP SECRET"), or letters spaced out
 * ("S E C R E T", "S-E-C-R-E-T", "S*E*C*R*E*T", "S - E - C", "S..E..C": one sign after each
 * letter or two alike; and "SS E C R E T" with a letter doubled); digits in a word of letters
 * are read as the letters OCR mistakes them for ("5ECRET"). Compared with the
 * policy's level words of four letters or more and other schemes' levels of six or more, allowing
 * one slip from six letters on unless `exact`. A level glued to a control ("SECRETNOFORN") is read
 * too, its control in *glued (else -1). Returns the term (level -1 for another scheme's) and moves
 * *i past what it read, or returns NULL. *wild counts letters that could not be read.
 */
static const struct policy_term *
class_level(const struct policy *p, const char *s, size_t n, size_t *i, bool exact, int *glued,
    size_t *wild)
{
	size_t starts[16], ends[16], nt = 0, k = *i, c, best_wild = 0;
	const struct policy_term *best = NULL;
	size_t best_end = 0, best_len = 0;
	bool best_exact = false;

	*glued = -1;
	/* Words of letters separated by spaces (or single letters by one sign), up to 16. */
	while (nt < 16 && k < n && is_letterish(s[k])) {
		size_t sp;

		starts[nt] = k;
		while (k < n && is_letterish(s[k]))
			k++;
		ends[nt++] = k;
		sp = k;
		while (sp < n && s[sp] == ' ')
			sp++;
		/* A single letter's sign after it, or two alike, spaces or none about them ("S*E*C",
		 * "S - E", "S..E"). */
		if (k - starts[nt - 1] == 1 && sp < n && ispunct((unsigned char)s[sp]) &&
		    s[sp] != '?') {
			if (sp + 1 < n && s[sp + 1] == s[sp])
				sp++;
			for (sp++; sp < n && s[sp] == ' '; sp++)
				continue;
		}
		if (sp > k && sp < n && is_letterish(s[sp]))
			k = sp;
		else
			break;
	}
	/* Candidates: the first word, the first two, and every run of short (spaced) words. */
	for (c = 1; c <= nt; c++) {
		char t[POLICY_WORD_MAX + 1];
		size_t tn = 0, w, j, wild_here = 0;
		const struct policy_term *pt;

		if (c > 2) {
			bool spaced = true;

			for (w = 0; w < c; w++)
				spaced = spaced && ends[w] - starts[w] <= 2;
			if (!spaced)
				break;
		}
		for (w = 0; w < c; w++)
			for (j = starts[w]; j < ends[w] && tn < POLICY_WORD_MAX; j++)
				t[tn++] = reading_ocr_letter(s[j]);
		t[tn] = '\0';
		/*
		 * The longest reading, but a slip never takes a word more from an exact one
		 * ("UNCLAS E F T O": UNCLAS, not "UNCLASE" one slip from it).
		 */
		if ((pt = level_term(p, t, tn, exact, &wild_here)) != NULL && tn >= best_len &&
		    !(best_exact && (pt->len != tn || memcmp(pt->text, t, tn) != 0))) {
			best = pt;
			best_end = ends[c - 1];
			best_len = tn;
			best_wild = wild_here;
			best_exact = pt->len == tn && memcmp(pt->text, t, tn) == 0;
		}
	}
	/* "SECRETNOFORN": a level of six letters or more, and a control glued to it. */
	if (best == NULL && nt > 0) {
		char t[POLICY_WORD_MAX + 1];
		size_t tn = 0, j, len;
		uint32_t first = UINT32_MAX;

		for (j = starts[0]; j < ends[0] && tn < POLICY_WORD_MAX; j++)
			t[tn++] = reading_ocr_letter(s[j]);
		/* The first term in the vocabulary's order that the word begins with: by its length. */
		for (len = 6; len + 2 <= tn; len++) {
			struct near_set ns;
			size_t m;

			/* Only a term of t[0..len)'s own text is taken: none has a length no term of
			 * its first letter has. */
			if ((p->term_lengths[(unsigned char)t[0]] & ((uint64_t)1 << len)) == 0)
				continue;
			near_set(p, t, len, false, &ns);
			for (m = 0; m < ns.n; m++) {
				const struct policy_term *pt = near_term_at(p, &ns, m), *rest;
				uint32_t at = (uint32_t)(pt - p->terms);

				if (at >= first || pt->level < 0 || pt->control >= 0 || pt->len != len ||
				    memcmp(pt->text, t, len) != 0)
					continue;
				if ((rest = policy_term_find(p, t + len, tn - len)) != NULL &&
				    rest->control >= 0 && rest->level < 0) {
					first = at;
					*glued = rest->control;
				}
			}
		}
		if (first != UINT32_MAX) {
			best = &p->terms[first];
			best_end = ends[0];
		}
	}
	if (best != NULL) {
		*i = best_end;
		*wild += best_wild;
	}
	return best;
}

/*
 * A level's portion abbreviation at s[*i], in any case, followed at once by "//" ("S//NF The
 * plan", a mark written with no brackets). Returns its term and moves *i past it, or NULL.
 * (One slash is an office symbol's: "S/CT".)
 */
static const struct policy_term *
abbreviated_level(const struct policy *p, const char *s, size_t n, size_t *i)
{
	size_t k = *i, m;

	while (k < n && is_alpha(s[k]))
		k++;
	if (k == *i || k - *i > 4 || k + 1 >= n || s[k] != '/' || s[k + 1] != '/')
		return NULL;
	for (m = 0; m < p->nterms; m++) {
		const struct policy_term *pt = &p->terms[m];

		if (pt->level >= 0 && pt->len == k - *i &&
		    strncasecmp(pt->text, s + *i, pt->len) == 0) {
			*i = k;
			return pt;
		}
	}
	return NULL;
}

/* Joins control c into m, as a classification line or caption names it. */
static void
join_control(const struct policy *p, int c, struct marking *m)
{
	if (p->controls[c].kind == CONTROL_NOFORN)
		m->fd = FD_NOFORN;
	else
		m->controls |= (uint64_t)1 << c;
}

/* The number of words (runs of letters, digits and unreadable letters) in s[0..n). */
static size_t
count_words(const char *s, size_t n)
{
	size_t k, words = 0;

	for (k = 0; k < n; k++)
		if (is_letterish(s[k]) && (k == 0 || !is_letterish(s[k - 1])))
			words++;
	return words;
}

static size_t abbreviation_at(const struct policy *p, const char *s, size_t n, size_t j,
    size_t *at);

/* The most words of a line in capitals that names a level among others ("ANNEX A -- SECRET"). */
#define CLASS_WORDS 6

/*
 * Whether the word before s[j] (across spaces, dashes, slashes and colons) names a country other
 * than the home one, a group or another scheme, in capitals ("NATO - SECRET", "UK Secret",
 * "COSMIC TOP SECRET"): the level after it is that scheme's, not this policy's.
 */
static bool
scheme_before(const struct policy *p, const char *s, size_t j)
{
	const struct policy_term *pt;
	size_t e = j, b;
	int c;

	while (e > 0 && strchr(" -/:", s[e - 1]) != NULL)
		e--;
	for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	if (b == e || e - b > POLICY_WORD_MAX || !reading_capitals(s + b, e - b))
		return false;
	if ((c = policy_country_find(p, s + b, e - b)) >= 0)
		return c != p->home;
	if (policy_group_find(p, s + b, e - b) >= 0)
		return true;
	return (pt = policy_term_find(p, s + b, e - b)) != NULL && pt->level < 0 &&
	    pt->control < 0;
}

/*
 * Whether a dash or a colon stands before s[j], across spaces ("PLAN -- TOP SECRET", "PLAN: TOP
 * SECRET"); not a FOIA stamp's "Class: CONFIDENTIAL --".
 */
static bool
dash_before(const char *s, size_t j)
{
	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j > 0 && s[j - 1] == ':')
		return !(j >= 6 && strncasecmp(s + j - 6, "class", 5) == 0 &&
		    (j == 6 || !isalpha((unsigned char)s[j - 7])));
	return j > 0 && s[j - 1] == '-';
}

/*
 * The level that the word before s[j..at) and it name together when a dash, slash or underscore
 * joins them ("TOP-SECRET", "TOP/SECRET", "TOP_SECRET", "TOP - SECRET"), or NULL.
 */
static const struct policy_term *
joined_level(const struct policy *p, const char *s, size_t j, size_t at)
{
	char two[POLICY_WORD_MAX + 1];
	size_t e = j, b, k, n = 0;

	while (e > 0 && strchr(" -/_", s[e - 1]) != NULL)
		e--;
	if (e == j || e == 0)
		return NULL;
	for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	if (b == e || (e - b) + 1 + (at - j) > POLICY_WORD_MAX)
		return NULL;
	for (k = b; k < e; k++)
		two[n++] = (char)toupper((unsigned char)s[k]);
	two[n++] = ' ';
	for (k = j; k < at; k++)
		two[n++] = (char)toupper((unsigned char)s[k]);
	return policy_term_find(p, two, n);
}

/*
 * A short line in capitals that names a level of the policy above the lowest among other words,
 * exactly: "ANNEX A -- SECRET//NOFORN", "ENTIRE TEXT SECRET", "BEGIN SECRET", "TAB A: SECRET//REL
 * TO USA, AUS" (short before its first separator). Not a sentence (it ends in no '.' or ',').
 * In a line with lower case (`lower`), only a level a banner's "//" follows names one ("Annex
 * A -- Secret//Rel to USA, AUS"). Sets *m to the highest such level, with what a separator
 * after it says.
 */
static bool
named_level(const struct policy *p, const char *s, size_t n, bool lower, struct marking *m)
{
	size_t j, cut = 0, words;
	bool found = false;

	/* The words of a marking after a separator ("//REL TO USA, GBR, AUS") are not counted. */
	while (cut < n && s[cut] != '/' && s[cut] != '|')
		cut++;
	words = count_words(s, cut);
	/* "ANNEX B -- TOP SECRET.": a full stop ends a line in capitals, not a sentence. */
	if (!lower)
		while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
			n--;
	if (n == 0 || s[n - 1] == '.' || s[n - 1] == ',')
		return false;
	for (j = 0; j < n; j++) {
		const struct policy_term *lv;
		size_t at = j, wild = 0, k, lvl;
		int glued;
		bool banner, marked, scheme, last;

		if (!is_letterish(s[j]) || (j > 0 && is_letterish(s[j - 1])))
			continue;
		lv = class_level(p, s, n, &at, true, &glued, &wild);
		if (lv != NULL && ((at < n && is_letterish(s[at])) || wild > 0 || lv->level == 0))
			continue;
		/*
		 * Another scheme's level ("EU RESTRICTED", "NATO SECRET" where NATO's levels are
		 * other_levels), in capitals in a short line: a classification, unknown here.
		 */
		if (lv != NULL && lv->level < 0) {
			if (lower || words > CLASS_WORDS || !reading_capitals(s + j, at - j))
				continue;
			if (!found) {
				marking_init(m);
				m->level = 0;
			}
			m->unknown = true;
			snprintf(m->unknown_token, sizeof(m->unknown_token), "%.39s", lv->text);
			found = true;
			continue;
		}
		if (lv == NULL) {
			/* A level's abbreviation before "//" ("Appendix: TS//SI//REL TO USA"). */
			if ((lvl = abbreviation_at(p, s, n, j, &at)) == 0)
				continue;
			glued = -1;
		} else {
			lvl = (size_t)lv->level;
		}
		/* "TOP-SECRET", "TOP/SECRET": the word before joins the level's. */
		{
			const struct policy_term *two = joined_level(p, s, j, at);

			if (two != NULL && two->level > (int)lvl)
				lvl = (size_t)two->level;
		}
		banner = at + 1 < n && s[at] == '/' && s[at + 1] == '/';
		for (k = at; k < n && s[k] == ' '; k++)
			continue;
		/* What follows the level is a marking's ("SECRET REL TO GBR, USA", "// REL TO"). */
		marked = k < n && (s[k] == '/' || marking_words(p, s + k, n - k));
		/*
		 * Not prose: a level a banner's "//" follows, however many words before it; one
		 * with a marking after it, six words before it at most; else six words in all. In a
		 * line with lower case, only a level written in capitals, or one before "//".
		 */
		scheme = scheme_before(p, s, j);
		/* "ANNEX B TO THE JOINT PLAN -- TOP SECRET": the level ends a line in capitals. */
		last = (reading_capitals(s + j, at - j) || strspn(s + k, " .:;*_~=-") >= n - k) &&
		    (strspn(s + k, " .:;*_~=-") >= n - k || marked) && dash_before(s, j);
		if (!banner && !scheme && !last &&
		    (marked ? count_words(s, j) >= CLASS_WORDS : words > CLASS_WORDS))
			continue;
		if (lower && !banner && !scheme && !last && !reading_capitals(s + j, at - j))
			continue;
		if (!found || lvl > (size_t)m->level) {
			marking_init(m);
			m->level = (int)lvl;
		}
		/* "NATO - SECRET", "UK Secret": another scheme's level, whatever follows. */
		if (scheme)
			m->unknown = true;
		/*
		 * In capitals, other words beside the level with no marking's after it ("UK TOP
		 * SECRET STRAP1", "NATO SECRET", "TOP SECRET UMBRA"): a scheme or a compartment
		 * no policy lists may be named. The level is known, what else is not. A label
		 * before it is none ("2004CARACA02200 - CONFIDENTIAL").
		 */
		if (!banner && !marked && !lower && (k < cut || (j >= 2 && s[j - 1] == ' ' &&
		    is_alpha(s[j - 2]))))
			m->unknown = true;
		found = true;
		if (glued >= 0)
			join_control(p, glued, m);
		/* "SECRET//NOFORN", "SECRET REL TO GBR": what follows is read as a banner's. */
		if (marked) {
			struct marking rest;

			marking_init(&rest);
			rest.level = (int)lvl;
			class_rest(p, s + k, n - k, &rest);
			marking_join(p, m, &rest, m);
		}
	}
	return found;
}

/*
 * A level's portion abbreviation in capitals at s[j] with "//" right after it ("TS//SI"):
 * returns the level (0 for none, or the lowest) and sets *at past the abbreviation.
 */
static size_t
abbreviation_at(const struct policy *p, const char *s, size_t n, size_t j, size_t *at)
{
	size_t l, a;

	for (l = 1; l < p->nlevels; l++)
		for (a = 0; a < p->levels[l].nportion; a++) {
			size_t w = strlen(p->levels[l].portion[a]);

			if (j + w + 2 <= n && memcmp(s + j, p->levels[l].portion[a], w) == 0 &&
			    s[j + w] == '/' && s[j + w + 1] == '/') {
				*at = j + w;
				return l;
			}
		}
	return 0;
}

/*
 * The start of what follows a label that speaks of a classification or of controls, in s[i..*n);
 * or i. A label is up to six words before a separator (one or more ':', a '|' of a table, a dash
 * of two or more, or " - "), one of which begins as "clas", "dissem", "handling", "caveat",
 * "control", "marking", "grading" or "security" does or is "LDC", in any case, among letters,
 * spaces and "./-()*_'\"" (not "level": "English level: C"):
 * "Protective Marking: OFFICIAL-SENSITIVE", "LDC: FEDCON", "Security Classification:
 * SECRET", "Classification of this e-mail: SECRET", "**Classification:** SECRET", "| Class |
 * SECRET |", "Sec. Class: SECRET", "Clasification: SECRET", "Dissem: NOFORN". With no separator,
 * the words up to the last such one ("Security Classification Secret"). Decoration after the
 * separator and at the line's end ("**SECRET**", "\"SECRET\"", "SECRET |") is dropped from *n.
 */
static size_t
reading_label(const char *s, size_t *n, size_t i)
{
	static const char *const stems[] = { "clas", "dissem", "handling", "caveat", "control",
	    "marking", "ldc", "grading", "security" };
	size_t k, words = 0, last = i, m, w, end = *n;
	bool label = false;

	for (k = i; k < end && k - i < 60; k++) {
		if (s[k] == ':' || s[k] == '|' || (s[k] == '-' && k + 1 < end &&
		    (s[k + 1] == '-' || (k > i && s[k - 1] == ' ' && s[k + 1] == ' '))))
			break;
		if (is_alpha(s[k]) && (k == i || !is_alpha(s[k - 1]))) {
			bool stem = false;

			words++;
			for (w = k; w < end && is_alpha(s[w]); w++)
				continue;
			/* s[k] is a letter and the stems are in lower case: only its own may match. */
			for (m = 0; m < sizeof(stems) / sizeof(stems[0]); m++)
				if ((s[k] | 0x20) == stems[m][0] && w - k >= strlen(stems[m]) &&
				    strncasecmp(s + k, stems[m], strlen(stems[m])) == 0)
					stem = true;
			if (stem)
				last = k;
			label = label || stem;
		} else if (!is_alpha(s[k]) && strchr(" ./-()*_'\"", s[k]) == NULL) {
			return i;
		}
	}
	if (!label || words > 6)
		return i;
	if (k < end && k - i < 60) {
		/* The separator, and what decorates the value after it. */
		while (k < end && strchr(":|-*_'\" ", s[k]) != NULL)
			k++;
	} else {
		/* No separator: the label is the words up to the last that spoke of one. */
		for (k = last; k < end && is_alpha(s[k]); k++)
			continue;
		if (k == end)
			return i;
		while (k < end && s[k] == ' ')
			k++;
	}
	while (end > k && strchr("|*_'\" ", s[end - 1]) != NULL)
		end--;
	if (k >= end)
		return i;
	*n = end;
	return k;
}

/*
 * A mark written alone on a line, with no brackets: what it says when read as a group ("S/NF",
 * "TS/SI/NF", "S//NF"). One that proves a marking above the lowest says it; one that begins with
 * a level and holds a double slash but proves nothing is unknown ("S//NFF"); with one slash it is
 * an office symbol ("S/CT", "S/P"). Not a single letter.
 */
static bool
bare_mark(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	struct group g;
	size_t k;

	/* Punctuation, emphasis, quotation marks and heading marks after it ("TS\"", "TS ##"). */
	while (n > 0 && strchr(" .:;,*_~=-\"'#", s[n - 1]) != NULL)
		n--;
	if (n < 2 || n > 40 || !is_alpha(s[0]))
		return false;
	memset(&g, 0, sizeof(g));
	classify(p, s, n, true, false, &g);
	if (g.kind == GROUP_MARK && (g.mark.level > 0 || g.mark.fd != FD_NONE ||
	    g.mark.controls != 0)) {
		*m = g.mark;
		return true;
	}
	for (k = 0; k + 1 < n && !(s[k] == '/' && s[k + 1] == '/'); k++)
		continue;
	if (g.kind == GROUP_UNKNOWN && g.has_level && k + 1 < n) {
		*m = g.mark;
		m->unknown = true;
		m->unknown_token[0] = '\0';
		return true;
	}
	return false;
}

/*
 * Whether s[0..n) speaks as a classification authority or declassification stamp does ("Class:
 * SECRET -- Reason: 1.4(C) -- Declassify on: 10/12/2027", "Classified by DAS, A/GIS, DoS on
 * 11/30/2015 -- Class: CONFIDENTIAL" in a FOIA release): it names what the original was, not
 * what the text after it is.
 */
static bool
authority_words(const char *s, size_t n)
{
	size_t k;

	/* The first letter, in either case, before any compare: a test of every byte of a line. */
	for (k = 0; k + 7 <= n; k++)
		if (((s[k] | 0x20) == 'r' || (s[k] | 0x20) == 'd' || (s[k] | 0x20) == 'c') &&
		    (strncasecmp(s + k, "reason", 6) == 0 ||
		    strncasecmp(s + k, "declass", 7) == 0 ||
		    (k + 13 <= n && strncasecmp(s + k, "classified by", 13) == 0)))
			return true;
	return false;
}

/*
 * Drops from s[0..n) every closed group in brackets that reads as a mark or may be one ("CLASSI-
 * FICATION: (TS) SECRET"): a mark in a classification line raises it (read_class reads it), and
 * does not make it text. Returns the new length.
 */
static size_t
drop_marks(const struct policy *p, char *s, size_t n, bool *unknown)
{
	size_t k = 0, c, out = 0;

	while (k < n) {
		if (s[k] == '(') {
			for (c = k + 1; c < n && c - k <= 82 && s[c] != ')' && s[c] != '('; c++)
				continue;
			if (c < n && s[c] == ')') {
				struct group g;

				memset(&g, 0, sizeof(g));
				classify(p, s + k + 1, c - k - 1, true, false, &g);
				if (g.kind != GROUP_TEXT) {
					/* "TOP SECRET (UMBRA)": what proves nothing makes it unknown. */
					if (g.kind == GROUP_UNKNOWN || (g.kind == GROUP_MARK &&
					    g.mark.unknown))
						*unknown = true;
					k = c + 1;
					continue;
				}
			}
		}
		s[out++] = s[k++];
	}
	return out;
}

/*
 * Whether s[0..n) is what follows the level on a banner: a post and a cable number of six digits,
 * or of four that are not a year ("MUSCAT 001066", "TEHRAN 5055"), or of four after a section
 * ("SECTION 1 OF 2 TEHRAN 2069").
 */
static bool
post_and_number(const struct policy *p, const char *s, size_t n)
{
	size_t k = n, digits, words = 0, i = 0;

	bool section = n >= 8 && strncasecmp(s, "SECTION ", 8) == 0;

	while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9')
		k--;
	digits = n - k;
	/* After a section any number of four digits is the cable's ("SECTION 1 OF 2 X 2071"). */
	if (!(digits == 6 || (digits == 4 && (section || (!(s[k] == '1' && s[k + 1] == '9') &&
	    !(s[k] == '2' && s[k + 1] == '0'))))) || k == 0 || s[k - 1] != ' ')
		return false;
	n = k - 1;
	if (section) {
		i = 8;
		while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ' '))
			i++;
		if (i + 3 > n || strncasecmp(s + i, "OF ", 3) != 0)
			return false;
		i += 3;
		while (i < n && (isdigit((unsigned char)s[i]) || s[i] == ' '))
			i++;
	}
	/* "TO" or "OF" first is no post's ("SECRET TO JTF WALRUS OPORD 5027"). */
	if (i >= n || (n - i > 3 && (strncmp(s + i, "TO ", 3) == 0 || strncmp(s + i, "OF ", 3) == 0)))
		return false;
	for (k = i; k < n; k++) {
		if (s[k] == ' ' && k > i && s[k - 1] != ' ')
			words++;
		else if (!isupper((unsigned char)s[k]) && strchr(" .'-", s[k]) == NULL)
			return false;
	}
	if (words >= 4)
		return false;
	/* A word of a marking, a country or a group is no post ("SECRET NATO 123456"). */
	for (k = i; k < n; k++) {
		size_t e;

		if (!isupper((unsigned char)s[k]) || (k > i && isupper((unsigned char)s[k - 1])))
			continue;
		for (e = k; e < n && isupper((unsigned char)s[e]); e++)
			continue;
		if (policy_term_find(p, s + k, e - k) != NULL ||
		    policy_country_find(p, s + k, e - k) >= 0 || policy_group_find(p, s + k, e - k) >= 0)
			return false;
	}
	return true;
}

/* The most words a line of a level and a name may hold (short_level_line). */
#define SHORT_LEVEL_WORDS 4

/*
 * A line of four words at most, standing as a line of its own (not a wrapped sentence's), that
 * holds a level word of this policy or of another scheme, in any case and decoration ("Top
 * Secret Umbra", "Nato Secret", "Restricted", "TS UMBRA", "TS/UMBRA", "<Secret>"): a classification
 * line the rules above do not read. The level alone says itself; with another word, or another
 * scheme's level, the marking is unknown.
 */
/*
 * Whether every word of s[0..n) outside s[a..b) is a grade, an abbreviation or a number beside a
 * level ("Protected B", "Stg. Geheim", "Restricted 2"): two letters or digits at most, or three
 * before a '.', with a capital or a digit first; or a word of "classif..." ("Classification:
 * Protected B"). Not prose ("Official visit", "Official Day", "Restricted area").
 */
static bool
short_words_beside(const char *s, size_t n, size_t a, size_t b)
{
	size_t j, e;

	for (j = 0; j < n; j = e) {
		if (!is_alnum(s[j]) || (j >= a && j < b)) {
			e = j + 1;
			continue;
		}
		for (e = j; e < n && is_alnum(s[e]); e++)
			continue;
		if (e - j >= 7 && strncasecmp(s + j, "classif", 7) == 0)
			continue;
		if (is_lower(s[j]) || e - j > 3 || (e - j == 3 && (e == n || s[e] != '.')))
			return false;
	}
	return true;
}

static bool
short_level_line(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	const struct policy_term *lv;
	size_t j, words = 0, levels = 0, alnum_words;
	int best = -1;
	bool other = false, all_caps = true;

	for (j = 0; j < n; j++) {
		if ((is_alnum(s[j]) && (j == 0 || !is_alnum(s[j - 1])) &&
		    ++words > SHORT_LEVEL_WORDS) || is_open(s[j]) || is_close(s[j]))
			return false;
		all_caps = all_caps && !is_lower(s[j]);
	}
	alnum_words = words;
	words = 0;
	/* The line one term of several words, in any case and spelling ("VS-NfD", "Nato-Secret"). */
	if (alnum_words >= 2 && (lv = policy_term_find(p, s, n)) != NULL && lv->control < 0 &&
	    lv->level != 0) {
		marking_init(m);
		m->level = lv->level > 0 ? lv->level : 0;
		if ((m->unknown = lv->level < 0))
			snprintf(m->unknown_token, sizeof(m->unknown_token), "%.39s",
			    "another scheme's level");
		return true;
	}
	for (j = 0; j < n; j++) {
		size_t at = j, wild = 0, e;
		int glued;

		if (!is_alnum(s[j]) || (j > 0 && is_alnum(s[j - 1])))
			continue;
		words++;
		for (e = j; e < n && is_alnum(s[e]); e++)
			continue;
		lv = class_level(p, s, n, &at, true, &glued, &wild);
		if (lv == NULL || wild > 0 || (at < n && is_alnum(s[at]))) {
			/* A level's abbreviation in capitals ("TS UMBRA", "TS/UMBRA"). */
			char up[POLICY_WORD_MAX + 1];
			size_t un = e - j, k;

			lv = NULL;
			if (un >= 2 && un <= 3 && reading_capitals(s + j, un)) {
				for (k = 0; k < un; k++)
					up[k] = s[j + k];
				lv = policy_term_find(p, up, un);
				if (lv != NULL && lv->control >= 0)
					lv = NULL;
			}
			if (lv == NULL)
				continue;
			at = e;
		}
		/*
		 * A short level word (an abbreviation, "CUI") only in a line in capitals ("TS
		 * UMBRA"; "CUI material follows" is prose); another scheme's level only in
		 * capitals or alone ("Restricted"; "Official visit" is prose).
		 */
		if ((lv->len < 6 && !all_caps) || (lv->level < 0 && !reading_capitals(s + j, at - j) &&
		    alnum_words > count_words(s + j, at - j) && !short_words_beside(s, n, j, at))) {
			j = at - 1;
			continue;
		}
		levels++;
		/* A level of two words was counted once, at its first word. */
		if (lv->level < 0)
			other = true;
		else if (lv->level > best)
			best = lv->level;
		j = at - 1;
	}
	if (levels == 0 || (best <= 0 && !other))
		return false;
	marking_init(m);
	m->level = best > 0 ? best : 0;
	m->unknown = other || words > levels;
	if (m->unknown)
		snprintf(m->unknown_token, sizeof(m->unknown_token), "%s", WORDS_BESIDE);
	return true;
}

static bool class_line(const struct policy *p, const struct fold *f, bool wrapped,
    struct marking *m);

char
reading_ocr_sign_letter(unsigned char c, int32_t cp)
{
	switch (c < 0x80 ? c : 0) {
	case '0':
		return 'O';
	case '3':
		return 'E';
	case '5': case '$':
		return 'S';
	case '7': case '+':
		return 'T';
	case '8':
		return 'B';
	case '(': case '<':
		return 'C';
	case '@':
		return 'A';
	case 0:
		/* The euro's and the pound's signs, the section sign, the cent's. */
		return cp == 0x20AC || cp == 0xA3 ? 'E' : cp == 0xA7 ? 'S' : cp == 0xA2 ? 'C' : 'I';
	default:
		return 'I';	/* "1", "l", "|", "!", "[", "]", "{", "}" and the rest */
	}
}

/* What ocr_capitals_line counts in a word: its capitals, small letters but "l", letters, signs. */
struct ocr_counts {
	size_t upper, lower, letters, signs, chars;
	bool ell;
};

/* Counts f's text [i..e), spaces left out (a letter-spaced line is read as one word). */
static void
ocr_count(const struct fold *f, size_t i, size_t e, struct ocr_counts *c)
{
	size_t len;
	int32_t cp;

	memset(c, 0, sizeof(*c));
	for (; i < e; i += len) {
		unsigned char b = (unsigned char)f->text[i];

		len = b < 0x80 ? 1 : fold_utf8_char(f->text + i, f->len - i, &cp);
		if (b == ' ')
			continue;
		c->chars++;
		c->upper += isupper(b) != 0;
		c->lower += islower(b) != 0 && b != 'l';
		c->ell = c->ell || b == 'l';
		c->letters += isalpha(b) != 0;
		c->signs += !isalnum(b);
	}
}

/*
 * Whether f's text is letter-spaced, each word one character ("S 3 C R 3 T"), four or more:
 * such a line's words are read together.
 */
static bool
ocr_spaced(const struct fold *f)
{
	size_t i = 0, len, words = 0;
	int32_t cp;

	while (i < f->len) {
		unsigned char b = (unsigned char)f->text[i];

		if (b == ' ') {
			i++;
			continue;
		}
		len = b < 0x80 ? 1 : fold_utf8_char(f->text + i, f->len - i, &cp);
		if (i + len < f->len && f->text[i + len] != ' ')
			return false;
		words++;
		i += len;
	}
	return words >= 4;
}

/*
 * A copy into out of f's text with the letters OCR misread in a level's word read as the letters
 * they stand for: in a word of three letters or more, a sign among its letters ("CONF|DENT|AL",
 * "S€cr€t", "Se(ret", "§ECRET", "SECRE+"), and a slash between two letters ("CONF/DENTIAL");
 * in a word in capitals, its digits and an "l" ("S3CR3T", "SECR37", "CONFlDENTIAL"); in a line of
 * three words or fewer, the same in small letters ("confldentlal", "s3cr3t"). A letter-spaced
 * line is one word ("S 3 C R 3 T"). A word's own signs ('/' elsewhere, '-', '.', '_', ',', an
 * apostrophe, '&', ':') are none. Returns the copy's length, or 0 where nothing was read so.
 */
static size_t
ocr_capitals_line(const struct fold *f, char *out)
{
	const char *s = f->text;
	size_t i = 0, k = 0, fixed = 0, words = 0;
	struct ocr_counts c;
	bool spaced = ocr_spaced(f), small;

	for (i = 0; i < f->len; i++)
		words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	small = words <= 3 || spaced;
	if (spaced)
		ocr_count(f, 0, f->len, &c);
	i = 0;
	while (i < f->len && k < FOLD_MAX) {
		size_t e = i, len;
		int32_t cp;

		if (s[i] == ' ') {
			out[k++] = s[i++];
			continue;
		}
		while (e < f->len && s[e] != ' ')
			e++;
		if (!spaced)
			ocr_count(f, i, e, &c);
		/* Small letters are read so only in a short line, and with an "l" or a digit. */
		if (c.letters < 3 || (c.signs == 0 && c.lower > 0 &&
		    (!small || (!c.ell && c.letters == c.chars)))) {
			while (i < e && k < FOLD_MAX)
				out[k++] = s[i++];
			continue;
		}
		for (; i < e && k < FOLD_MAX; i += len) {
			unsigned char b = (unsigned char)s[i];
			bool sign;

			cp = b;
			len = b < 0x80 ? 1 : fold_utf8_char(s + i, f->len - i, &cp);
			if (b == '/')
				sign = i > 0 && isalpha((unsigned char)s[i - 1]) && i + 1 < f->len &&
				    isalpha((unsigned char)s[i + 1]);
			else if (b < 0x80)
				sign = ispunct(b) && strchr("/-.,_'&:\"", b) == NULL;
			else
				sign = fold_sign_at(f, i) > 0;
			if ((sign && c.letters >= 4) || ((c.lower == 0 || small) && c.upper + c.lower >= 3 &&
			    (isdigit(b) || b == 'l'))) {
				b = (unsigned char)reading_ocr_sign_letter(b, cp);
				out[k++] = c.lower > 0 ? (char)tolower(b) : (char)b;
				fixed++;
				continue;
			}
			memcpy(out + k, s + i, len <= FOLD_MAX - k ? len : FOLD_MAX - k);
			k += len <= FOLD_MAX - k ? len : FOLD_MAX - k;
		}
	}
	return fixed > 0 && i >= f->len ? k : 0;
}

/* The words of English a level's word begins with: alone on a line, prose ("CONFIDENT"). */
static const char *const level_head_words[] = { "CONFIDE", "CONFIDENT", "RESTRICT" };

bool
reading_level_cut_short(const struct policy *p, const char *t, size_t n, bool ocr)
{
	char c[POLICY_WORD_MAX + 1];
	size_t k, cn = 0;

	if (n < 4 || n > POLICY_WORD_MAX)
		return false;
	for (k = n; k > 0 && t[k - 1] != ' '; k--)
		continue;
	/* Four letters of its word, or three of a second word ("TOP SEC"). */
	if (n - k < (k > 0 ? 3 : 4))
		return false;
	for (k = 0; k < sizeof(level_head_words) / sizeof(level_head_words[0]) && !ocr; k++)
		if (strlen(level_head_words[k]) == n && memcmp(level_head_words[k], t, n) == 0)
			return false;
	/* A term's text has no spaces ("TOPSECRET"): one word is cut from a term of one ("TOPS"
	 * is a word). */
	for (k = 0; k < n; k++)
		if (t[k] != ' ')
			c[cn++] = t[k];
	for (k = 0; k < p->nterms; k++) {
		const struct policy_term *pt = &p->terms[k];

		if (pt->level >= 1 && pt->control < 0 && pt->single == (cn == n) && cn < pt->len &&
		    memcmp(pt->text, c, cn) == 0)
			return true;
	}
	return false;
}

/*
 * Whether f is one word in capitals of four letters or more, signs about it or none, that is a
 * level's consonants or two slips from it (level_word_near: "CNFDNTL", "SCRT", "CONFDNTAL"): a
 * classification line in a spelling no rule reads, of a level not known (a level cut short is
 * cut_level_line's).
 */
static bool
misspelt_level_line(const struct policy *p, const struct fold *f, struct marking *m)
{
	size_t a = 0, b = f->len, k;

	while (a < b && ispunct((unsigned char)f->text[a]))
		a++;
	while (b > a && ispunct((unsigned char)f->text[b - 1]))
		b--;
	if (b - a < 4 || b - a > POLICY_WORD_MAX)
		return false;
	for (k = a; k < b; k++)
		if (!isupper((unsigned char)f->text[k]))
			return false;
	if (!level_word_near(p, f->text + a, b - a, true))
		return false;
	marking_unknown(m, "a level's word misspelt or cut short");
	return true;
}

/*
 * Whether the words s[a..a+an) and s[b..b+bn), one space between them, are a country's name
 * ("UNITED KINGDOM", "NEW ZEALAND").
 */
static bool
country_pair(const struct policy *p, const char *s, size_t a, size_t an, size_t b, size_t bn)
{
	char t[2 * POLICY_WORD_MAX + 2];

	if (an == 0 || bn == 0 || an > POLICY_WORD_MAX || bn > POLICY_WORD_MAX)
		return false;
	memcpy(t, s + a, an);
	t[an] = ' ';
	memcpy(t + an + 1, s + b, bn);
	return policy_country_find(p, t, an + 1 + bn) >= 0;
}

/*
 * Whether s[0..n) (capitals) is one of the n_list words of list: compared byte by byte, which
 * stops at the first that differs (most words differ in their first or second).
 */
static bool
word_listed(const char *const *list, size_t n_list, const char *s, size_t n)
{
	size_t k, j;

	if (n == 0 || s[0] == '\0')
		return false;
	for (k = 0; k < n_list; k++) {
		if (list[k][0] != s[0])
			continue;
		for (j = 1; j < n && list[k][j] == s[j] && s[j] != '\0'; j++)
			continue;
		if (j == n && list[k][n] == '\0')
			return true;
	}
	return false;
}

/* Whether s[0..n), in any case, is one of the n_list words (in capitals) of list. */
static bool
word_listed_ci(const char *const *list, size_t n_list, const char *s, size_t n)
{
	size_t k, j;
	char c;

	if (n == 0 || s[0] == '\0')
		return false;
	c = to_upper(s[0]);
	for (k = 0; k < n_list; k++) {
		if (list[k][0] != c)
			continue;
		for (j = 1; j < n && list[k][j] == to_upper(s[j]) && s[j] != '\0'; j++)
			continue;
		if (j == n && list[k][n] == '\0')
			return true;
	}
	return false;
}

/*
 * Whether the word s[0..n) (capitals) joins a list of readers or says who among them reads,
 * and changes nothing of whom it names ("AND", "ONLY", "OF", "GOVERNMENT", "NATIONALS").
 */
static bool
list_word(const char *s, size_t n)
{
	static const char *const words[] = { "AND", "OR", "ONLY", "THE", "OF", "FOR", "TO", "REL",
	    "EYES", "EYESONLY", "GOVERNMENT", "GOVERNMENTS", "GOVT", "AUTHORITIES", "OFFICIALS",
	    "NATIONALS", "PERSONNEL", "FORCES", "MILITARY", "MINISTRY", "EMBASSY", "CITIZENS",
	    "LIAISON" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), s, n);
}

/*
 * The marking of s[0..n), "RELEASABLE TO" and readers in capitals ("RELEASABLE TO USA AND GBR
 * ONLY", "RELEASABLE TO GOVERNMENT OF JAMAICA"): the lowest level, REL TO the home country and
 * the readers named. Words that join them or say who among them reads are left out (list_word);
 * with any other word the list is not read. Returns whether it parses, the marking in *m.
 */
static bool
release_list(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	char buf[FOLD_MAX + 64];
	size_t k = 0, len, b, out;
	int home = p->home;

	/* The words after TO ("RELEASABLE TO", "RELEASABLE ONLY TO"), or all ("REL USA, GBR"). */
	while (k + 3 < n && memcmp(s + k, " TO ", 4) != 0)
		k++;
	k = k + 3 < n ? k + 4 : 0;
	out = (size_t)snprintf(buf, sizeof(buf), "%s//REL TO %s", p->levels[0].banner[0],
	    home >= 0 ? p->countries[home] : "");
	for (; k < n; k = b) {
		while (k < n && !isupper((unsigned char)s[k]))
			k++;
		for (b = k; b < n && isupper((unsigned char)s[b]); b++)
			continue;
		len = b - k;
		/* A country's name in two words ("UNITED KINGDOM"), read as one. */
		if (len > 0 && !reading_reader_word(p, s + k, len)) {
			size_t c = b, d;

			while (c < n && s[c] == ' ')
				c++;
			for (d = c; d < n && isupper((unsigned char)s[d]); d++)
				continue;
			if (d > c && country_pair(p, s, k, len, c, d - c)) {
				len = d - k;
				b = d;
			}
		}
		/*
		 * Words that join readers or say who among them are left out ("OF", "GOVERNMENT");
		 * any other may change what the list means ("EXCEPT AUS", "LESS AUS"): none.
		 */
		if (len == 0)
			continue;
		if (!(reading_reader_word(p, s + k, len) || memchr(s + k, ' ', len))) {
			if (!list_word(s + k, len))
				return false;
			continue;
		}
		if (out + len + 3 >= sizeof(buf))
			return false;
		out += (size_t)snprintf(buf + out, sizeof(buf) - out, "%s%.*s",
		    out > 0 && buf[out - 1] != ' ' ? ", " : "", (int)len, s + k);
	}
	return marking_parse(p, buf, out, MARKING_BANNER, m) == 1 && !m->unknown &&
	    m->fd == FD_REL;
}

/* Sets *m to a caveat's: a marking not known. Returns true. */
static bool
caveat_unknown(struct marking *m)
{
	marking_unknown(m, "a caveat no policy lists");
	return true;
}

/* Whether the word s[a..a+n) is `w` (upper case). */
static bool
word_is(const char *s, size_t a, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s + a, w, n) == 0;
}

/* Whether word s[0..n) begins with `stem` (upper case). */
static bool
word_stem(const char *s, size_t n, const char *stem)
{
	size_t l = strlen(stem);

	return n >= l && memcmp(s, stem, l) == 0;
}

/* The word at s[e] (after spaces) in capitals into up[16], its length, or 0. */
static size_t
next_upper(const char *s, size_t n, size_t *e, char up[16])
{
	size_t b, j;

	while (*e < n && s[*e] == ' ')
		(*e)++;
	for (b = *e; *e < n && is_alpha(s[*e]); (*e)++)
		continue;
	if (*e == b || *e - b >= 16)
		return 0;
	for (j = b; j < *e; j++)
		up[j - b] = to_upper(s[j]);
	return *e - b;
}

/* Whether up[0..n) (capitals) is a negation contracted ("DON'T", "CAN'T", "ISN'T"). */
static bool
contracted_not(const char *up, size_t n)
{
	return n >= 4 && memcmp(up + n - 3, "N'T", 3) == 0;
}

/* Where the word at s[k] ends in s[0..n): letters, and apostrophes between them ("don't"). */
static size_t
word_end(const char *s, size_t n, size_t k)
{
	while (k < n && (is_alpha(s[k]) || (s[k] == '\'' && k + 1 < n && is_alpha(s[k + 1]))))
		k++;
	return k;
}

/* Whether the word s[0..n) (capitals) begins with one of the stems listed. */
static bool
stem_listed(const char *const *stems, size_t n_stems, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n_stems; k++)
		if (word_stem(s, n, stems[k]))
			return true;
	return false;
}

bool
reading_reader_word(const struct policy *p, const char *s, size_t n)
{
	/* "AND" joins readers: Andorra's code is no reader in words. */
	if (n == 3 && memcmp(s, "AND", 3) == 0)
		return false;
	return (n == 2 && (memcmp(s, "US", 2) == 0 || memcmp(s, "UK", 2) == 0)) ||
	    (n == 3 && (memcmp(s, "USG", 3) == 0 || memcmp(s, "HMG", 3) == 0)) ||
	    policy_country_find(p, s, n) >= 0 || policy_group_find(p, s, n) >= 0;
}

/*
 * A short line that restricts who may read what follows in words no policy lists (reading.h):
 * ten words at most (a full stop after them or none), that end in EYES ONLY ("US/UK EYES
 * ONLY", in any case), in ONLY after readers alone parted by signs ("US/UK ONLY", "USA-GBR
 * ONLY"; not "US CITIZENS ONLY", "BARBADOS ONLY") or after "HANDLE VIA"; in capitals, that
 * open with NOT and name a release, its dissemination or distribution or FOREIGN ("NOT FOR
 * PUBLIC RELEASE", "NOT FOR FOREIGN NATIONALS"; not "NOT FOR ATTRIBUTION", "NOT RELEASED",
 * "NOT DISTRIBUTED"); "NO FOREIGN" alone or before a dissemination; FOREIGN before a
 * dissemination, or before a release that is prohibited or not authorized ("FOREIGN
 * DISSEMINATION PROHIBITED", "FOREIGN RELEASE NOT AUTHORIZED"; not "FOREIGN RELEASE OF
 * FUNDS"); NOFOREIGN in any case. `bracketed` (a group where a mark stands) reads ONLY after
 * any reader too. The marking is unknown.
 */
/*
 * What OCR misreads a letter as, by the letter it stands for: '0' for O, '1', '|' and L for I,
 * '3' and F for E, '8' for B, V for Y, M for N.
 */
static char
ocr_letter_class(unsigned char c)
{
	/* More than policy_letter_class reads ('0', '1', L, '3', '5', '$'). */
	switch (toupper(c)) {
	case 'Q':
		return 'O';
	case '|': case '!':
		return 'I';
	case 'F':
		return 'E';
	case '8':
		return 'B';
	case 'V':
		return 'Y';
	case 'M':
		return 'N';
	default:
		return policy_letter_class((char)c);
	}
}

/*
 * Writes into out the word t[0..n) in capitals with a digit in it read as the letter OCR made it
 * of, where it then names readers ("G8R", "U5A", "6BR"); else leaves out as it is.
 */
static void
ocr_reader(const struct policy *p, const char *t, size_t n, char *out)
{
	char up[4];
	size_t k;
	bool digit = false, letter = false;

	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)t[k];

		if (isdigit(c)) {
			digit = true;
			up[k] = c == '6' ? 'G' : reading_ocr_sign_letter(c, c);
		} else if (isupper(c)) {
			letter = true;
			up[k] = (char)c;
		} else {
			return;
		}
	}
	if (digit && letter && reading_reader_word(p, up, n))
		memcpy(out, up, n);
}

/* Whether c parts the words of a caveat in words. */
static inline bool
caveat_sep(char c)
{
	return c == ' ' || c == ',' || c == '/' || c == ':' || c == ';' || c == '-' || c == '.';
}

/*
 * Copies t[0..n) into out with a word that OCR misread from a caveat's word (EYES, ONLY, NOT, REL,
 * RELEASABLE, TO) read as that word, in the case of its letters ("EYES ONIY", "N0T RELEASABLE",
 * "EYE5 ONLY", "T0 GBR"): no word of English reads so.
 */
static void
caveat_ocr(const struct policy *p, const char *t, size_t n, char *out)
{
	static const char *const words[] = { "EYES", "ONLY", "NOT", "RELEASABLE", "REL", "TO" };
	static const unsigned char lens[] = { 4, 4, 3, 10, 3, 2 };
	size_t k = 0, e, w, j;

	memcpy(out, t, n);
	while (k < n) {
		while (k < n && caveat_sep(t[k]))
			k++;
		for (e = k; e < n && !caveat_sep(t[e]); e++)
			continue;
		for (w = 0; w < sizeof(words) / sizeof(words[0]) && e > k; w++) {
			bool lower = false;

			if (lens[w] != e - k || ocr_letter_class((unsigned char)t[k]) != words[w][0] ||
			    strncasecmp(t + k, words[w], e - k) == 0)
				continue;
			/* REL's last letter is L or a sign: "REI", "RFI" are abbreviations. */
			if (lens[w] == 3 && words[w][0] == 'R' && isalpha((unsigned char)t[e - 1]) &&
			    toupper((unsigned char)t[e - 1]) != 'L')
				continue;
			for (j = k; j < e && ocr_letter_class((unsigned char)t[j]) ==
			    ocr_letter_class((unsigned char)words[w][j - k]); j++)
				lower = lower || islower((unsigned char)t[j]);
			if (j < e)
				continue;
			for (j = k; j < e; j++)
				out[j] = lower ? (char)tolower((unsigned char)words[w][j - k]) :
				    words[w][j - k];
			break;
		}
		/* A reader's code with OCR's digits ("G8R", "U5A"). */
		if (w == sizeof(words) / sizeof(words[0]) && e - k >= 2 && e - k <= 4)
			ocr_reader(p, t + k, e - k, out + k);
		k = e;
	}
}

/*
 * The words of s[0..n) (capitals, spaces and signs between) that name readers (a country's name
 * in two words one), returned, and in *others those that neither name readers nor are words of
 * a list of them (list_word: "REL USA, GBR", "USA/GBR EYES ONLY" name two, no other).
 */
static size_t
readers_alone(const struct policy *p, const char *s, size_t n, size_t *others)
{
	size_t k, a, b, len, prev = 0, prev_len = 0, named = 0;

	*others = 0;
	for (k = 0; k < n; k = b) {
		for (a = k; a < n && !isupper((unsigned char)s[a]); a++)
			continue;
		for (b = a; b < n && isupper((unsigned char)s[b]); b++)
			continue;
		if ((len = b - a) == 0)
			break;
		if (reading_reader_word(p, s + a, len)) {
			named++;
		} else if (country_pair(p, s, prev, prev_len, a, len)) {
			named++;
			*others -= *others > 0;
		} else if (!list_word(s + a, len)) {
			(*others)++;
		}
		prev = a;
		prev_len = len;
	}
	return named;
}

/*
 * Whether the word s[0..n) (capitals) takes readers out ("EXCEPT", "EXCLUDING", "LESS",
 * "WITHHOLD").
 */
static bool
except_word(const char *s, size_t n)
{
	if (n < 3 || !(s[0] == 'E' || s[0] == 'W' || s[0] == 'L' || s[0] == 'M' || s[0] == 'B'))
		return false;
	return word_stem(s, n, "EXCEPT") || word_stem(s, n, "EXCL") ||
	    (n == 8 && memcmp(s, "WITHHOLD", 8) == 0) || (n == 4 && memcmp(s, "LESS", 4) == 0) ||
	    (n == 5 && memcmp(s, "MINUS", 5) == 0) || (n == 3 && memcmp(s, "BUT", 3) == 0);
}

/* Whether the word s[0..n) (capitals) is an auxiliary between a negation and its verb. */
static bool
auxiliary(const char *s, size_t n)
{
	static const char *const words[] = { "DO", "TO", "BE", "FOR", "MUST", "SHOULD", "BEEN",
	    "IS", "ARE", "BEING", "MAY", "CAN", "WILL", "PLEASE" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), s, n);
}

/*
 * Whether the word s[0..n) (capitals) is a verb of release or its noun ("RELEASE", "SHARED",
 * "REL").
 */
static bool
release_verb(const char *s, size_t n)
{
	static const char *const stems[] = { "RELEAS", "RELAY", "PASS", "DISSEM", "SHARE",
	    "DISCLOS", "PROVID", "FORWARD", "FURNISH", "SHOW", "GIVE", "GIVEN", "DISTRIBUT", "SEND",
	    "BRIEF", "DISCUSS", "TRANSMIT" };
	/* Verbs of telling, by their forms ("INFORMATION" is no verb). */
	static const char *const telling[] = { "TELL", "TOLD", "INFORM", "INFORMED", "RAISE",
	    "RAISED" };

	if (n < 3 || !(s[0] == 'R' || s[0] == 'P' || s[0] == 'D' || s[0] == 'S' || s[0] == 'F' ||
	    s[0] == 'G' || s[0] == 'B' || s[0] == 'T' || s[0] == 'I'))
		return false;
	if ((n == 3 && memcmp(s, "REL", 3) == 0) || (n == 4 && memcmp(s, "SENT", 4) == 0) ||
	    word_listed(telling, sizeof(telling) / sizeof(telling[0]), s, n))
		return true;
	return stem_listed(stems, sizeof(stems) / sizeof(stems[0]), s, n);
}

/* Whether the word s[0..n) (capitals) says to whom after a verb of release: TO, WITH, FROM. */
static bool
deny_to(const char *s, size_t n)
{
	return (n == 2 && memcmp(s, "TO", 2) == 0) || (n == 4 && (memcmp(s, "WITH", 4) == 0 ||
	    memcmp(s, "FROM", 4) == 0)) || word_stem(s, n, "EXCEPT") || word_stem(s, n, "EXCLUD");
}

static bool
caveat_text(const struct policy *p, const char *text, size_t n, bool bracketed, bool labelled,
    struct marking *m)
{
	char s[FOLD_MAX + 1], t[81];
	size_t k, words = 0, readers = 0, a, b, prev = 0, prev_len = 0, rd_words = 0, others = 0;
	bool not_first = false, no_first = false, lower = false, handle = false;
	bool eyes_only = false, noforeign = false, release = false;
	bool foreign_dissem = false, foreign_release = false, forbids = false, dissem = false;
	bool foreign_second = false, foreign = false, ends_only, commas, release_to = false;
	bool verb_to = false, rel_first = false, verb = false, denies = false, denied = false;
	bool negation, neg_run = false, lead_ok = true, prev_verb = false;
	bool withhold = false, rv, ex, aux, to, last_ex = false;
	bool eyes_word = false, only_word = false;
	size_t named = 0, verb_named = 0, verb_others = 0;

	while (n > 0 && strchr(" *_:-", text[n - 1]) != NULL)
		n--;
	if (n > 0 && text[n - 1] == '.')
		n--;
	if (n == 0 || n > 80)
		return false;
	caveat_ocr(p, text, n, t);
	/*
	 * Readers listed with commas before EYES ONLY ("USA, AUS EYES ONLY") or after a release to
	 * them or not ("NOT RELEASABLE TO AUS, CAN, NZL").
	 */
	commas = labelled || (n >= 9 && strncasecmp(t + n - 9, "EYES ONLY", 9) == 0) ||
	    (n > 7 && strncasecmp(t, "DO NOT ", 7) == 0) || (n > 6 && strncasecmp(t, "NEVER ", 6) == 0) ||
	    (n > 10 && strncasecmp(t, "EYES ONLY ", 10) == 0) ||
	    (n > 14 && strncasecmp(t, "RELEASABLE TO ", 14) == 0) ||
	    (n > 4 && strncasecmp(t, "REL", 3) == 0 && (t[3] == ' ' || t[3] == '-')) ||
	    (n > 18 && strncasecmp(t, "NOT RELEASABLE TO ", 18) == 0);
	/* Upper case, dots dropped ("U.S. PERSONNEL ONLY" names US). */
	for (k = 0, a = 0; k < n; k++) {
		unsigned char c = (unsigned char)t[k];

		if (c == ',' && commas) {
			s[a++] = ' ';
			continue;
		}
		/* OCR's zero for O beside a capital in any word ("N0FOREIGN", "F0REIGN"). */
		if (c == '0' && ((k > 0 && isupper((unsigned char)t[k - 1])) ||
		    (k + 1 < n && isupper((unsigned char)t[k + 1])))) {
			s[a++] = 'O';
			continue;
		}
		if (c >= 0x80 || isdigit(c) || strchr("?!,;", c) != NULL)
			return false;
		lower = lower || islower(c);
		if (c != '.')
			s[a++] = (char)toupper(c);
	}
	n = a;
	/* Readers count only before ONLY at the end: most lines need no lookup. */
	ends_only = n >= 4 && memcmp(s + n - 4, "ONLY", 4) == 0 &&
	    (n == 4 || !isupper((unsigned char)s[n - 5]));
	for (k = 0; k < n; k = b) {
		size_t len;

		for (a = k; a < n && !isupper((unsigned char)s[a]); a++)
			continue;
		for (b = a; b < n && isupper((unsigned char)s[b]); b++)
			continue;
		if (b == a)
			break;
		if (++words > 10)
			return false;
		len = b - a;
		if (words == 1) {
			not_first = len == 3 && memcmp(s + a, "NOT", 3) == 0;
			no_first = len == 2 && memcmp(s + a, "NO", 2) == 0;
			rel_first = len == 3 && memcmp(s + a, "REL", 3) == 0;
		}
		if (len == 8 && memcmp(s + a, "EYESONLY", 8) == 0) {
			eyes_word = only_word = true;
		} else if (len == 4 && memcmp(s + a, "EYES", 4) == 0) {
			eyes_word = true;
		} else if (len == 4 && memcmp(s + a, "ONLY", 4) == 0) {
			only_word = true;
		}
		handle = handle || (words == 2 && len == 3 && memcmp(s + a, "VIA", 3) == 0 &&
		    prev_len == 6 && memcmp(s + prev, "HANDLE", 6) == 0);
		foreign = foreign || (len == 7 && memcmp(s + a, "FOREIGN", 7) == 0);
		foreign_second = foreign_second || (words == 2 && len == 7 &&
		    memcmp(s + a, "FOREIGN", 7) == 0);
		/*
		 * The last word is ONLY (ends_only): EYES before it is the last but one; or the
		 * two glued ("USA/GBR EYESONLY").
		 */
		eyes_only = (ends_only && b == n && prev_len == 4 &&
		    memcmp(s + prev, "EYES", 4) == 0) || (b == n && len == 8 &&
		    memcmp(s + a, "EYESONLY", 8) == 0 && words >= 2);
		readers += ends_only && reading_reader_word(p, s + a, len);
		noforeign = noforeign || word_stem(s + a, len, "NOFOREIGN");
		dissem = word_stem(s + a, len, "DISSEM");
		/* RELEASE, RELEASABLE, RELEASEABLE, DISTRIBUTION; not RELEASED, DISTRIBUTED. */
		release = release || dissem || (len == 7 && memcmp(s + a, "RELEASE", 7) == 0) ||
		    word_stem(s + a, len, "RELEASAB") || word_stem(s + a, len, "RELEASEAB") ||
		    (len == 12 && memcmp(s + a, "DISTRIBUTION", 12) == 0);
		if (prev_len == 7 && memcmp(s + prev, "FOREIGN", 7) == 0) {
			foreign_dissem = foreign_dissem || dissem;
			foreign_release = foreign_release || (len == 7 && memcmp(s + a, "RELEASE", 7) == 0);
		}
		forbids = forbids || word_stem(s + a, len, "PROHIBIT") || (len == 3 &&
		    memcmp(s + a, "NOT", 3) == 0 && words > 1);
		/*
		 * "RELEASABLE TO USA AND GBR ONLY", "RELEASABLE ONLY TO USA", "REL TO USA, GBR",
		 * "NOT RELEASABLE TO AUS": a release to readers named; not an act of release
		 * ("RELEASED TO THE MEDIA", "DO NOT RELEASE TO PRESS BEFORE DELIVERY").
		 */
		named += release_to && (reading_reader_word(p, s + a, len) ||
		    country_pair(p, s, prev, prev_len, a, len));
		/*
		 * The readers a verb of release speaks of ("DO NOT RELEASE TO AUS, NZL", "DO NOT
		 * SHARE WITH AUS", "NOT REL AUS", "REL TO FVEY EXCEPT AUS"): every word after its
		 * last TO, WITH, FROM or EXCEPT names one or joins them; a country's name in two
		 * words counts once.
		 */
		rv = release_verb(s + a, len);
		ex = except_word(s + a, len);
		last_ex = ex;
		/* A reader with a minus sign before it is taken out ("REL TO FVEY -AUS"). */
		if (a > 0 && s[a - 1] == '-' && (a == 1 || s[a - 2] == ' ') &&
		    reading_reader_word(p, s + a, len))
			denied = denies = true;
		aux = auxiliary(s + a, len);
		to = deny_to(s + a, len);
		if (verb_to && !to) {
			if (reading_reader_word(p, s + a, len))
				verb_named++;
			else if (country_pair(p, s, prev, prev_len, a, len)) {
				verb_named++;
				verb_others -= verb_others > 0;
			} else if (!(len == 3 && memcmp(s + a, "AND", 3) == 0) &&
			    !(len == 2 && memcmp(s + a, "OR", 2) == 0) &&
			    !(len == 3 && memcmp(s + a, "NOR", 3) == 0) &&
			    !(len == 4 && memcmp(s + a, "ONLY", 4) == 0))
				verb_others++;
		}
		negation = (len == 3 && memcmp(s + a, "NOT", 3) == 0) || (len == 2 &&
		    memcmp(s + a, "NO", 2) == 0) || (len == 5 && memcmp(s + a, "NEVER", 5) == 0);
		denies = denies || negation || ex;
		/*
		 * A verb denied: a negation before it with nothing but auxiliaries between ("DO NOT
		 * RELEASE", "NOT TO BE RELEASED", "NO RELEASE", "NEVER SHARE") or right after it
		 * ("RELEASE NOT AUTHORIZED"), or one that takes readers out ("WITHHOLD FROM",
		 * "EXCEPT", "EXCLUDING", "LESS"); not "NO OBJECTION TO RELEASE TO UK".
		 */
		if (rv || ex) {
			denied = denied || ex || neg_run;
			verb = true;
		} else if (negation && verb && prev_verb) {
			denied = true;
		}
		if (negation)
			neg_run = true;
		else if (!aux)
			neg_run = false;
		/* Nothing but negations and auxiliaries before the verb: it has no subject. */
		lead_ok = lead_ok && (negation || aux || verb);
		prev_verb = rv;
		/*
		 * The readers count from the verb on, or from its last TO, WITH, FROM or EXCEPT
		 * ("DO NOT BRIEF AUS", "REL TO FVEY EXCEPT AUS", "EXCLUDING AUS").
		 */
		if (rv || ex || (verb && to && !(len == 4 && memcmp(s + a, "FROM", 4) == 0 &&
		    !withhold))) {
			verb_to = true;
			verb_named = verb_others = 0;
		}
		withhold = withhold || word_stem(s + a, len, "WITHH");
		release_to = release_to || (words <= 4 && len == 2 && memcmp(s + a, "TO", 2) == 0 &&
		    (word_stem(s + prev, prev_len, "RELEASAB") ||
		    word_stem(s + prev, prev_len, "RELEASEAB") || (prev_len == 3 &&
		    memcmp(s + prev, "REL", 3) == 0) || (prev_len == 4 &&
		    memcmp(s + prev, "ONLY", 4) == 0 && release)));
		prev = a;
		prev_len = len;
	}
	/* Readers alone are counted only where they may be all a line names (most lines: none). */
	if (labelled || rel_first || (eyes_word && only_word && !noforeign) || not_first ||
	    no_first || last_ex)
		rd_words = readers_alone(p, s, n, &others);
	/*
	 * Readers denied in capitals with nothing else but FOR ("NOT FOR AUS", "NO AUS"), or taken
	 * out after them ("AUS EXCLUDED"): unknown. In a sentence's case it is prose ("No USA.").
	 */
	if (!lower && rd_words > 0 && others == 1 && (not_first || no_first ||
	    (last_ex && words >= 2)))
		return caveat_unknown(m);
	/*
	 * Readers named alone before EYES ONLY, after it or between ("USA/GBR EYES ONLY", "EYES
	 * ONLY FOR USA AND GBR", "FOR THE EYES OF USA AND GBR ONLY"): REL TO them.
	 */
	if (eyes_word && only_word && !noforeign && rd_words > 0 && others == 0)
		return release_list(p, s, n, m) || caveat_unknown(m);
	if (noforeign || (eyes_only && words >= 2))
		return caveat_unknown(m);
	/*
	 * A release to readers, in any case ("Releasable to USA and GBR only"): REL TO them; one
	 * that is denied ("NOT RELEASABLE TO AUS", "(not releasable to partners)") is unknown.
	 * One to FOREIGN readers is NOFORN's family, read below and by its names; one whose
	 * readers the next line names ("Handling: NOT RELEASABLE TO") and one that names none
	 * ("RELEASABLE TO THE PRESS") are read as the rules below read them.
	 */
	/*
	 * The verb denied to readers named, and nothing else ("DO NOT RELEASE TO AUS"): unknown.
	 * Acts of release ("DO NOT RELEASE TO PRESS BEFORE DELIVERY") are read as before.
	 */
	if (verb_to && verb_named > 0 && verb_others == 0 && denied && lead_ok)
		return caveat_unknown(m);
	/*
	 * Readers alone after REL ("REL USA, GBR, CAN, NZL") or as a handling field's value
	 * ("Releasability: USA", "Dissem: USA/GBR ONLY"): REL TO them.
	 */
	if (rd_words > 0 && others == 0 && (labelled || rel_first))
		return release_list(p, s, n, m) || caveat_unknown(m);
	if (release_to && !foreign && !(prev_len == 2 && memcmp(s + prev, "TO", 2) == 0)) {
		if (not_first || forbids || no_first || denies)
			return caveat_unknown(m);
		if (named > 0)
			return release_list(p, s, n, m) || caveat_unknown(m);
	}
	if (lower)
		return false;
	/*
	 * ONLY after readers alone ("US/UK ONLY": two or more) or after HANDLE VIA; in brackets
	 * where a mark stands, after any reader ("(U.S. PERSONNEL ONLY)").
	 */
	if (ends_only && ((readers >= 2 && readers + 1 == words) || handle ||
	    (bracketed && readers > 0)))
		return caveat_unknown(m);
	/* "HANDLE VIA ... CONTROL SYSTEMS JOINTLY", "HANDLE VIA ... CHANNELS": names not listed. */
	if (handle && (word_is(s, prev, prev_len, "CHANNELS") || word_is(s, prev, prev_len,
	    "SYSTEM") || word_is(s, prev, prev_len, "SYSTEMS") || word_is(s, prev, prev_len,
	    "JOINTLY")))
		return caveat_unknown(m);
	if ((not_first && (release || foreign)) ||
	    (no_first && foreign_second && (words == 2 || foreign_dissem)) || foreign_dissem ||
	    (foreign_release && forbids))
		return caveat_unknown(m);
	return false;
}

/* What a word is to a release denied in a sentence (reading_denial_line). */
enum denial_word {
	DW_OTHER,
	DW_NEG,		/* NOT, NO, NEVER, CANNOT, DON'T */
	DW_VERB,	/* a verb of release (release_verb) */
	DW_KEEP,	/* a verb that keeps from: WITHHOLD, KEEP, HOLD */
	DW_TO,		/* TO, WITH */
	DW_FROM,
	DW_FOR,
	DW_ORDER,	/* what an order opens with: PLEASE, DO, UNDER, ENSURE */
	DW_UNDO		/* a word that makes a negation no denial: ONLY, OBJECTION */
};

/* The kind of the word up[0..n) (capitals, an apostrophe kept) to reading_denial_line. */
static enum denial_word
denial_word(const char *up, size_t n)
{
	static const char *const neg[] = { "NOT", "NO", "NEVER", "CANNOT", "DONT", "NOR" };
	static const char *const order[] = { "PLEASE", "DO", "UNDER", "ENSURE", "KINDLY" };
	static const char *const undo[] = { "ONLY", "JUST", "MERELY", "OBJECTION", "OBJECTIONS",
	    "PROBLEM", "REASON", "DOUBT", "SURE", "NEED", "HESITATE", "LONGER", "DELAY", "FORGET" };

	if (word_listed(neg, sizeof(neg) / sizeof(neg[0]), up, n) || contracted_not(up, n))
		return DW_NEG;
	if ((n == 2 && memcmp(up, "TO", 2) == 0) || (n == 4 && memcmp(up, "WITH", 4) == 0))
		return DW_TO;
	if (n == 4 && memcmp(up, "FROM", 4) == 0)
		return DW_FROM;
	if (n == 3 && memcmp(up, "FOR", 3) == 0)
		return DW_FOR;
	if ((n == 8 && (memcmp(up, "WITHHOLD", 8) == 0 || memcmp(up, "WITHHELD", 8) == 0)) ||
	    (n == 4 && (memcmp(up, "KEEP", 4) == 0 ||
	    memcmp(up, "HOLD", 4) == 0 || memcmp(up, "KEPT", 4) == 0)))
		return DW_KEEP;
	if (word_listed(order, sizeof(order) / sizeof(order[0]), up, n))
		return DW_ORDER;
	if (word_listed(undo, sizeof(undo) / sizeof(undo[0]), up, n))
		return DW_UNDO;
	return release_verb(up, n) ? DW_VERB : DW_OTHER;
}

/* Whether up[0..n) (capitals) is EU, UN or NATO: readers that prose names as often as marks do. */
static bool
prose_readers(const char *up, size_t n)
{
	return (n == 2 && (memcmp(up, "EU", 2) == 0 || memcmp(up, "UN", 2) == 0)) ||
	    (n == 4 && memcmp(up, "NATO", 4) == 0);
}

static int people_country(const struct policy *p, const char *up, size_t n);

/*
 * The country that the words at s[k..e) and the next one name together ("United Kingdom",
 * "NEW ZEALAND", "United States"), -1 where they name none; *end is past the second word.
 */
static int
two_word_country(const struct policy *p, const char *s, size_t n, size_t k, size_t e,
    size_t *end)
{
	char both[2 * 16 + 1];
	size_t b, j, len = 0;

	if (e - k < 3 || e - k > 7 || e + 1 >= n || s[e] != ' ')
		return -1;
	for (b = e + 1; b < n && isalpha((unsigned char)s[b]); b++)
		continue;
	if (b == e + 1 || b - e - 1 > 16)
		return -1;
	for (j = k; j < b; j++)
		both[len++] = (char)toupper((unsigned char)s[j]);
	*end = b;
	return policy_country_by_name(p, both, len);
}

/* Whether the home country of p is the United States ("US", "USG" and "Americans" name it). */
static bool
us_home(const struct policy *p)
{
	return p->home >= 0 && policy_country_find(p, "USA", 3) == p->home;
}

/*
 * Whether the word s[0..n) names readers other than the home country's: a code in capitals of
 * four letters at most (not EU, UN or NATO, which prose names as often); in an order (`order`),
 * a code in lower case too ("aus", not "Ben"); in an order to release, disclose, disseminate,
 * share or discuss (`names`), a reader in words too ("Not authorized for release to Australia",
 * "Please do not share with the Australians"; not "Do not send to Mexico.", a consul's advice).
 */
static bool
denied_reader(const struct policy *p, const char *s, size_t n, bool order, bool names)
{
	char up[POLICY_WORD_MAX];
	size_t k;
	bool caps = true, lower = true;
	int c;

	if (n < 2 || n > POLICY_WORD_MAX)
		return false;
	for (k = 0; k < n; k++) {
		caps = caps && isupper((unsigned char)s[k]);
		lower = lower && islower((unsigned char)s[k]);
		up[k] = (char)toupper((unsigned char)s[k]);
	}
	if (n > 4 && !names)
		return false;
	if (((n == 2 && memcmp(up, "US", 2) == 0) || (n == 3 && memcmp(up, "USG", 3) == 0)) &&
	    us_home(p))
		return false;
	if (prose_readers(up, n))
		return false;
	/* A people's name ("the Australians"), a service's or a capital's, in an order. */
	if (names && (c = people_country(p, up, n)) >= 0)
		return c != p->home;
	if (!reading_reader_word(p, up, n))
		return false;
	c = policy_country_find(p, up, n);
	if (c >= 0 && c == p->home)
		return false;
	/* A country's name ("IRAN", "Peru") is a code in no case; a name, in an order. */
	if (policy_country_name(up, n))
		return names;
	/* A code in a name's case is a name ("don't forward to Ben"). */
	return caps || (order && lower);
}

/* Whether c ends a sentence in s[0..n) at k: a full stop, '!', '?' or ';' before a space. */
static bool
denial_stop(const char *s, size_t n, size_t k)
{
	if (strchr(".!?;", s[k]) == NULL || (k + 1 < n && s[k + 1] != ' '))
		return false;
	/* "U.S. officials": a letter alone before the full stop is an abbreviation's. */
	return s[k] != '.' || k < 2 || !is_alpha(s[k - 1]) || is_alpha(s[k - 2]);
}

/* Whether s[0..n) from e on goes on with EYES or RELEASE, or ends the sentence there. */
static bool
eyes_after(const char *s, size_t n, size_t e)
{
	static const char *const conditions[] = { "UNLESS", "WITHOUT", "UNTIL", "PENDING",
	    "BEFORE", "EXCEPT" };
	size_t k;

	if (e >= n || denial_stop(s, n, e))
		return true;
	if (s[e] != ' ')
		return false;
	if ((n - e > 4 && strncasecmp(s + e + 1, "eyes", 4) == 0) ||
	    (n - e > 7 && strncasecmp(s + e + 1, "release", 7) == 0))
		return true;
	/* A condition ("Not for AUS unless the originator approves"): denied until it is met. */
	for (k = e + 1; k < n && is_alpha(s[k]); k++)
		continue;
	return word_listed_ci(conditions, sizeof(conditions) / sizeof(conditions[0]), s + e + 1,
	    k - e - 1);
}

/*
 * Whether s[0..n) from e on goes on with the press or the public ("DO NOT RELEASE TO UK PRESS
 * BEFORE DELIVERY"): a reader so named is the press's country, not a reader of the text.
 */
static bool
press_after(const char *s, size_t n, size_t e)
{
	static const char *const words[] = { "press", "media", "public", "news", "newspapers",
	    "journalists", "reporters", "outlets", "television" };
	/* Nouns after a reader's code that keep it a reader ("UK officials", "AUS eyes"). */
	static const char *const readers[] = { "officials", "official", "personnel", "partners",
	    "partner", "liaison", "counterparts", "government", "authorities", "services",
	    "service", "eyes", "readers", "nationals", "delegation", "embassy", "mission",
	    "colleagues", "contacts", "officers", "agencies", "intelligence", "military",
	    "forces", "release", "side", "team", "representatives", "analysts", "and", "or",
	    "nor", "without", "until", "before", "at", "in", "on", "under", "for", "unless",
	    "yet", "either", "as", "if", "this", "these", "that", "the", "any", "this" };
	size_t k, w;

	if (e >= n || s[e] != ' ')
		return false;
	for (k = e + 1; k < n && is_alpha(s[k]); k++)
		continue;
	for (w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if (strlen(words[w]) == k - e - 1 &&
		    strncasecmp(s + e + 1, words[w], k - e - 1) == 0)
			return true;
	/*
	 * A noun after it in lower case, or a name's word, makes the code a thing's ("to UK
	 * addresses", "to the UK Border Agency"): no reader. Readers' nouns and words that go
	 * on with the sentence keep it one.
	 */
	if (k == e + 1 || isupper((unsigned char)s[k - 1]))
		return false;
	for (w = 0; w < sizeof(readers) / sizeof(readers[0]); w++)
		if (strlen(readers[w]) == k - e - 1 &&
		    strncasecmp(s + e + 1, readers[w], k - e - 1) == 0)
			return false;
	return true;
}

/*
 * Whether the word t[0..n) may be a negation or a verb that keeps from (denial_word's DW_NEG,
 * DW_KEEP), by its first letter and length: what a denial starts with.
 */
static bool
may_start_denial(const char *t, size_t n)
{
	if (n >= 4 && t[n - 2] == '\'' && (t[n - 1] == 't' || t[n - 1] == 'T'))
		return true;
	switch (t[0]) {
	case 'N': case 'n':
		return n == 2 || n == 3 || n == 5;
	case 'C': case 'c':
		return n == 6;
	case 'D': case 'd':
	case 'K': case 'k':
	case 'H': case 'h':
		return n == 4;
	case 'W': case 'w':
		return n == 8;
	default:
		return false;
	}
}

/*
 * Whether the negation up[0..len) at s[k] tells what was done, not what is to be ("The minister
 * did not share the intercept with ISAF", "would not give it to the EU", "didn't"): no denial.
 */
static bool
told_negation(const char *s, size_t k, const char *up, size_t len)
{
	/* ... and "need not", which permits. */
	static const char *const told[] = { "DID", "DOES", "WOULD", "COULD", "NEED" };
	static const char *const told_nt[] = { "DIDN'T", "DOESN'T", "WOULDN'T", "COULDN'T" };
	char before[8];
	size_t b = k, w, j;

	if (word_listed(told_nt, sizeof(told_nt) / sizeof(told_nt[0]), up, len))
		return true;
	while (b > 0 && s[b - 1] == ' ')
		b--;
	for (w = b; w > 0 && is_alpha(s[w - 1]); w--)
		continue;
	if (b - w == 0 || b - w >= sizeof(before))
		return false;
	for (j = w; j < b; j++)
		before[j - w] = (char)toupper((unsigned char)s[j]);
	return word_listed(told, sizeof(told) / sizeof(told[0]), before, b - w);
}

/*
 * Whether the word that ends at s[e] is a title before a person's name, in a sentence's case
 * ("with COL Smith", "to SEN. Kennedy", "to Dr Rao"): a rank, not a reader.
 */
static bool
titled_name(const char *s, size_t n, size_t e)
{
	static const char *const titles[] = { "COL", "CPT", "SEN", "GEN", "MAJ", "CDR", "ADM",
	    "REP", "GOV", "AMB", "DR", "MR", "MRS", "MS", "LT", "SGT", "CAPT", "GENERAL",
	    "COLONEL", "SENATOR", "MINISTER", "AMBASSADOR" };
	char up[12];
	size_t b = e, j;

	while (b > 0 && is_alpha(s[b - 1]))
		b--;
	if (e - b == 0 || e - b >= sizeof(up))
		return false;
	for (j = b; j < e; j++)
		up[j - b] = (char)toupper((unsigned char)s[j]);
	if (!word_listed(titles, sizeof(titles) / sizeof(titles[0]), up, e - b))
		return false;
	if (e < n && s[e] == '.')
		e++;
	return e + 2 < n && s[e] == ' ' && isupper((unsigned char)s[e + 1]) &&
	    islower((unsigned char)s[e + 2]);
}


/*
 * The readers a denial names from s[k] on (reading_denial_line), joined by THE, AND, OR, NOR and
 * commas ("with AUS, NZL or CAN"), into m's denied readers (marking_deny).
 */
static void
deny_readers(const struct policy *p, const char *s, size_t n, size_t k, bool order, bool names,
    struct marking *m)
{
	static const char *const joins[] = { "THE", "AND", "OR", "NOR" };

	marking_init(m);
	while (k < n) {
		char up[POLICY_WORD_MAX + 1];
		size_t e, j;
		int c;

		if (s[k] == ' ' || s[k] == ',' || s[k] == '/') {
			k++;
			continue;
		}
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		if (e == k || e - k > POLICY_WORD_MAX)
			return;
		for (j = k; j < e; j++)
			up[j - k] = (char)toupper((unsigned char)s[j]);
		/* A name ("Australia", "the British") is its country's; a code, its own. */
		if ((c = policy_country_by_name(p, up, e - k)) >= 0 ||
		    (c = people_country(p, up, e - k)) >= 0) {
			if (c != p->home)
				marking_deny_country(m, c);
		} else if (denied_reader(p, s + k, e - k, order, names)) {
			marking_deny(p, m, up, e - k);
		} else if (!word_listed(joins, sizeof(joins) / sizeof(joins[0]), up, e - k)) {
			/* More readers named some other way ("TO UK OR AUSTRALIAN LIAISON"). */
			if (isupper((unsigned char)s[k]))
				m->denied_foreign = true;
			return;
		}
		k = e;
	}
}

/* Whether the word s[0..n), a sentence's first, opens an order (reading_denial_line). */
static bool
opens_order(const char *s, size_t n)
{
	char up[POLICY_WORD_MAX + 1];
	enum denial_word w;
	size_t j;

	if (n == 0 || n > POLICY_WORD_MAX)
		return false;
	for (j = 0; j < n; j++)
		up[j] = (char)toupper((unsigned char)s[j]);
	w = denial_word(up, n);
	return w == DW_NEG || w == DW_ORDER || w == DW_KEEP || w == DW_VERB;
}

/* Whether the word s[0..n) (any case) names the public: the press, the media, journalists. */
static bool
public_reader(const char *s, size_t n)
{
	static const char *const words[] = { "PUBLIC", "PRESS", "MEDIA", "JOURNALISTS",
	    "REPORTERS", "NEWSPAPERS", "PUBLICLY" };

	return n >= 5 && n <= 11 && word_listed_ci(words, sizeof(words) / sizeof(words[0]), s, n);
}

/* Whether s[0..n) (any case) says a time a denial lasts until ("before", "until", "yet"). */
static bool
embargo_word(const char *s, size_t n)
{
	static const char *const words[] = { "BEFORE", "UNTIL", "TILL", "PRIOR", "YET",
	    "BEFOREHAND", "HOURS", "DAYS", "WEEKS", "WEEK", "AHEAD", "ADVANCE", "FIRST", "EARLIER",
	    "TOMORROW" };

	return n >= 3 && n <= 10 && word_listed_ci(words, sizeof(words) / sizeof(words[0]), s, n);
}

/*
 * Whether the word after s[e] undoes a denial before it ("no objection", "not sure", "no
 * need"; denial_word's DW_UNDO but ONLY, JUST and MERELY).
 */
static bool
undone_after(const char *s, size_t n, size_t e)
{
	static const char *const words[] = { "OBJECTION", "OBJECTIONS", "PROBLEM", "REASON",
	    "DOUBT", "SURE", "NEED", "HESITATE", "LONGER", "DELAY", "FORGET" };
	size_t b;

	while (e < n && s[e] == ' ')
		e++;
	for (b = e; e < n && is_alpha(s[e]); e++)
		continue;
	return e - b >= 4 && word_listed_ci(words, sizeof(words) / sizeof(words[0]), s + b, e - b);
}

/* Whether the word after s[e] leaves a time with no end ("until further notice", "told"). */
static bool
open_ended(const char *s, size_t n, size_t e)
{
	return (n - e >= 8 && strncasecmp(s + e, " further", 8) == 0) ||
	    (n - e >= 5 && strncasecmp(s + e, " told", 5) == 0) ||
	    (n - e >= 10 && strncasecmp(s + e, " otherwise", 10) == 0);
}

/*
 * Whether the sentence goes on from s[e] with a time the denial lasts until ("DO NOT RELEASE TO
 * UK PRESS BEFORE DELIVERY", "until the speech", "yet"): an embargo, which keeps nothing from
 * the public for good.
 */
static bool
embargo_after(const char *s, size_t n, size_t e)
{
	size_t b;

	while (e < n) {
		if (!is_alpha(s[e])) {
			if (strchr(".!?;", s[e]) != NULL && denial_stop(s, n, e))
				return false;
			e++;
			continue;
		}
		for (b = e; e < n && is_alpha(s[e]); e++)
			continue;
		/* "until further notice", "until told otherwise": open-ended, no embargo. */
		if (embargo_word(s + b, e - b) && !open_ended(s, n, e))
			return true;
	}
	return false;
}

/*
 * Whether a negation that ends at s[e] is in an order's mood: BE or TO BE after it ("this not
 * be released", "Not to be shared with"), where a report would say "has not been".
 */
static bool
order_mood(const char *s, size_t n, size_t e)
{
	while (e < n && s[e] == ' ')
		e++;
	if (n - e >= 3 && strncasecmp(s + e, "to ", 3) == 0)
		e += 3;
	return n - e >= 2 && strncasecmp(s + e, "be", 2) == 0 &&
	    (n - e == 2 || !is_alpha(s[e + 2]));
}

/*
 * Whether the word s[k..e) after TO or WITH in an order to share or release names some reader
 * by a name no table holds ("with GOA", "with Smith"): a word in capitals or title case that
 * joins nothing and is not the home's. Whoever it is, the public holds them.
 */
static bool
named_reader(const struct policy *p, const char *s, size_t n, size_t k, size_t e)
{
	static const char *const joins[] = { "THE", "AND", "OR", "NOR", "ANY", "THIS", "THAT",
	    "THESE", "THEM", "IT", "ITS" };
	char up[POLICY_WORD_MAX + 1];
	size_t j, len = e - k;
	int c;

	if (len == 0 || len > POLICY_WORD_MAX || !isupper((unsigned char)s[k]))
		return false;
	for (j = 0; j < len; j++)
		up[j] = (char)toupper((unsigned char)s[k + j]);
	if (word_listed(joins, sizeof(joins) / sizeof(joins[0]), up, len))
		return false;
	if ((len == 2 && memcmp(up, "US", 2) == 0) || (len == 3 && memcmp(up, "USG", 3) == 0))
		return !us_home(p);
	/* "U.S.": a letter alone before a full stop. */
	if (len == 1 && e < n && s[e] == '.')
		return false;
	c = policy_country_find(p, up, len);
	if (c < 0)
		c = policy_country_by_name(p, up, len);
	if (c < 0)
		c = people_country(p, up, len);
	return c < 0 || c != p->home;
}

/*
 * Whether the words of s[b..e), between a verb of release and its TO or WITH, name a thing that
 * is not the text ("release funds to", "share offices with"): a word other than a pronoun, an
 * article or a name of information ("this report", "the details", "it").
 */
static bool
thing_between(const char *s, size_t b, size_t e)
{
	static const char *const words[] = { "THIS", "THAT", "THESE", "THOSE", "IT", "THEM",
	    "THE", "ANY", "ALL", "ITS", "OUR", "A", "AN", "REPORT", "REPORTS", "CABLE", "CABLES",
	    "MESSAGE", "MESSAGES", "INFORMATION", "INFO", "TEXT", "PARAGRAPH", "PARA", "PARAS",
	    "DOCUMENT", "DOCUMENTS", "DETAILS", "DETAIL", "CONTENT", "CONTENTS", "MATERIAL",
	    "MATERIALS", "EMAIL", "MAIL", "MEMO", "PAPER", "PAPERS", "ASSESSMENT", "DATA",
	    "ANALYSIS", "PRODUCT", "REPORTING", "INTELLIGENCE", "INTEL", "SUMMARY", "NOTE", "NOTES",
	    "LETTER", "ITEM", "FURTHER", "WIDELY", "NEWS", "PLAN", "PLANS", "FINDINGS", "RESULTS",
	    "DRAFT", "LIST", "SCHEDULE", "STORY", "COPY", "COPIES", "FILE", "FILES", "RECORD",
	    "READOUT", "TRANSCRIPT", "VERSION", "BRIEFING", "SUBSTANCE", "SPECIFICS", "NAMES",
	    "IDENTITY", "CONCLUSIONS", "VIEWS", "POSITION", "THREAD", "ATTACHMENT", "ABOVE",
	    "PLEASE", "YET", "OUTSIDE" };
	size_t w;

	while (b < e) {
		if (!is_alpha(s[b])) {
			b++;
			continue;
		}
		for (w = b; b < e && is_alpha(s[b]); b++)
			continue;
		if (!word_listed_ci(words, sizeof(words) / sizeof(words[0]), s + w, b - w))
			return true;
	}
	return false;
}

/*
 * Whether a sentence of idx words ends in the verb of release its negation denies at word
 * `verb`, in an order (`order`: "DO NOT RELEASE", "Please do not disseminate."): a release
 * denied to everyone, the public among them.
 */
static bool
release_ends(size_t verb, size_t idx, bool handling, bool order)
{
	return verb != SIZE_MAX && handling && verb + 1 == idx && order;
}

/*
 * Whether up[0..n) (capitals) is a verb of sharing that names what it gives away (RELEASE,
 * DISCLOSE, DISSEMINATE, SHARE and their forms): one whose readers may be named in words.
 */
static bool
sharing_verb(const char *up, size_t n)
{
	return word_stem(up, n, "RELEAS") || word_stem(up, n, "DISCLOS") ||
	    word_stem(up, n, "DISSEM") || word_stem(up, n, "SHAR");
}

/* The longest word, and one byte more, that public_order reads as the word it is. */
#define PUBLIC_WORD_MAX 16

/*
 * What a word says to public_order: a reader among the public ("press", "journalists",
 * "website"), a verb that publishes ("publish", "post", "leak"), a verb that hands text on or
 * tells of it ("share", "tell", "give", "raise"), or nothing.
 */
enum public_kind {
	PK_OTHER,
	PK_PUBLIC,
	PK_PUBLISH,
	PK_HAND
};

/*
 * The kind of up[0..n) (capitals) to public_order; `named`: only whether it names the public or
 * publishing (PK_HAND is not looked for).
 */
static enum public_kind
word_kind(const char *up, size_t n, bool named)
{
	static const char *const publics[] = { "PUBLIC", "PUBLICLY", "PRESS", "MEDIA",
	    "JOURNALIST", "JOURNALISTS", "JOURNOS", "REPORTER", "REPORTERS", "NEWSPAPER",
	    "NEWSPAPERS", "WEBSITE", "WEBSITES", "INTERNET", "PUBLICATION", "NONPUBLIC",
	    "CORRESPONDENT", "CORRESPONDENTS", "TELEVISION", "TV", "RADIO", "BLOGGER", "BLOGGERS",
	    "WIRES", "FACEBOOK", "TWITTER", "BROADCASTERS", "EDITORS" };
	static const char *const publish[] = { "PUBLISH", "POST", "LEAK", "BROADCAST", "TWEET",
	    "PUBLICIZ", "PUBLICIS" };
	/* Stems of four letters or more, and the forms of shorter verbs whole. */
	static const char *const hand[] = { "SHAR", "RELEAS", "DISCLOS", "DISSEM", "DISCUSS",
	    "TELL", "INFORM", "RAIS", "GIVE", "GIVING", "PASS", "SHOW", "PROVID", "BRIEF",
	    "MENTION", "LEARN", "KNOW", "REVEAL", "MAKE", "MAKING", "QUOT", "ATTRIBUT",
	    "CIRCULAT", "FORWARD", "DISTRIBUT", "COMMENT", "SPEAK", "SPOK", "TALK", "DIVULG",
	    "EXPOS", "ALERT", "NOTIF", "UPLOAD", "RELAY", "ENGAG", "HEAR", "RECEIV", "REACH",
	    "ANNOUNC", "CONFIRM", "APPEAR", "ENTER", "BECOM", "BECAME", "INCLUD", "PRINT",
	    "BLOG", "FEED" };
	static const char *const forms[] = { "TOLD", "GAVE", "GIVEN", "GIVES", "SEND", "SENDS",
	    "SENDING", "SENT", "MADE", "MAKES", "LET", "LETS", "LETTING", "CITE", "CITED", "CITES",
	    "CITING", "HAND", "HANDS", "HANDED", "HANDING", "GO", "GOES", "GOING", "GONE", "GET",
	    "GETS", "GETTING", "GOT", "SEE", "SEES", "SEEN", "SEEING", "MEET", "MET", "TELLS",
	    "PUT", "PUTS", "PUTTING", "TAKE", "TAKES", "TAKING", "TAKEN", "TOOK", "TIP", "TIPS",
	    "TIPPED", "USE", "USED", "USES", "USING", "SAY", "SAYS", "SAID", "FED" };
	size_t k, l;

	if (word_listed(publics, sizeof(publics) / sizeof(publics[0]), up, n))
		return PK_PUBLIC;
	for (k = 0; k < sizeof(publish) / sizeof(publish[0]); k++)
		if (publish[k][0] == up[0] && word_stem(up, n, publish[k]) &&
		    n <= (l = strlen(publish[k])) + 3 && (n == l || strchr("EISD", up[l]) != NULL))
			return PK_PUBLISH;
	if (named)
		return PK_OTHER;
	for (k = 0; k < sizeof(hand) / sizeof(hand[0]); k++)
		if (hand[k][0] == up[0] && word_stem(up, n, hand[k]) && n <= strlen(hand[k]) + 4)
			return PK_HAND;
	return word_listed(forms, sizeof(forms) / sizeof(forms[0]), up, n) ? PK_HAND : PK_OTHER;
}

/*
 * Whether up[0..n) (capitals) names a release as a noun ("release", "distribution", "posting",
 * "circulation"): what "not for" and "objects to" deny (release_denied).
 */
static bool
release_noun(const char *up, size_t n)
{
	static const char *const stems[] = { "RELEAS", "DISTRIBUT", "DISTRO", "CIRCULAT",
	    "DISSEMINAT", "POSTING", "PUBLICATION", "SHARING", "FORWARDING", "DISCLOSURE" };

	return n >= 6 && n <= 14 && stem_listed(stems, sizeof(stems) / sizeof(stems[0]), up, n);
}

/*
 * Whether the word s[0..n) (any case) names the public or publishing (word_kind's PK_PUBLIC,
 * PK_PUBLISH, but "Post", the embassy), a release (release_noun), the papers or the news: what
 * makes a line worth public_order's reading.
 */
static bool
public_named(const char *s, size_t n)
{
	char up[PUBLIC_WORD_MAX];
	size_t j;
	enum public_kind pk;

	if (n < 2 || n >= sizeof(up) || !is_alpha(s[0]))
		return false;
	for (j = 0; j < n; j++)
		up[j] = (char)toupper((unsigned char)s[j]);
	pk = word_kind(up, n, true);
	/* "Post" in a sentence's case is the embassy; "post" and "POST" may publish. */
	if (pk == PK_PUBLISH && n == 4 && memcmp(s, "Post", 4) == 0)
		return false;
	return pk == PK_PUBLIC || pk == PK_PUBLISH || release_noun(up, n) ||
	    (n == 6 && memcmp(up, "PAPERS", 6) == 0) || (n == 4 && memcmp(up, "NEWS", 4) == 0);
}

static uint64_t stated_controls(const struct policy *p, const char *s, size_t n);

/* The most words of a sentence public_order reads at once, and how many a next window keeps. */
#define PUBLIC_WORDS 64
#define PUBLIC_OVERLAP 16

/*
 * Whether the double quote at s[k] opens or closes a quotation: not an inch's or a second's
 * sign after a figure ("6'2\"", "12\" pipe").
 */
static bool
quote_mark(const char *s, size_t k)
{
	return s[k] == '"' && !(k > 0 && isdigit((unsigned char)s[k - 1]));
}

/*
 * Whether the quotation marks of s[0..n) pair up: where one is left unpaired, none is read as
 * a quotation, and no words pass for someone else's.
 */
static bool
quotes_paired(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		c += quote_mark(s, k);
	return c % 2 == 0;
}

/* One word of a sentence, in capitals, to public_order. */
struct public_word {
	char up[PUBLIC_WORD_MAX];
	size_t len;
	bool parted;	/* punctuation stands between it and the word before ("..., do not") */
	bool quoted;	/* it stands in double quotes: someone else's words */
	enum public_kind kind;	/* word_kind's */
};

/* Whether w is the word word (capitals). */
static bool
is_word(const struct public_word *w, const char *word)
{
	return strlen(word) == w->len && memcmp(w->up, word, w->len) == 0;
}

/*
 * Whether w names the text or information, which an order may keep from the public ("this",
 * "it", "the remarks", "the readout", "the plan"): what a denial said of a subject or an object
 * is about, where the public is not the one denied by name.
 */
static bool
text_word(const struct public_word *w)
{
	static const char *const words[] = { "THIS", "IT", "THESE", "THAT", "THOSE", "THEM",
	    "REMARKS", "COMMENTS", "DETAILS", "DETAIL", "INFORMATION", "INFO", "FIGURES",
	    "FIGURE", "NUMBERS", "CONTENTS", "CONTENT", "DATA", "READOUT", "REPORT", "REPORTING",
	    "FINDINGS", "RESULTS", "TERMS", "NAMES", "PLANS", "PLAN", "DOCUMENT", "CABLE",
	    "MESSAGE", "EMAIL", "MEMO", "PARAGRAPH", "PARA", "SECTION", "VIEWS", "TEXT",
	    "DISCUSSIONS", "DISCUSSION", "CONVERSATION", "ASSESSMENT", "ANALYSIS", "SUMMARY",
	    "DRAFT", "SCHEDULE", "LIST", "DATE", "DATES", "SPECIFICATIONS", "MATERIAL", "ABOVE",
	    "FOREGOING", "AGENDA", "PROPOSAL", "OFFER", "PACKAGE", "POSITION", "INTELLIGENCE",
	    "PAPER", "NOTE", "NOTES", "TRANSCRIPT", "RECORD", "BRIEFING", "MAP", "FILE",
	    "ATTACHMENT", "ANNEX", "STORY" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), w->up, w->len);
}

/*
 * Whether the public's word at w[i] names readers, not a thing of theirs that follows it ("press
 * reports", "media coverage", "press guidance", "the press conference").
 */
static bool
public_readers(const struct public_word *w, size_t nw, size_t i)
{
	static const char *const things[] = { "REPORTS", "REPORT", "REPORTING", "COVERAGE",
	    "RELEASE", "RELEASES", "CONFERENCE", "CONFERENCES", "BRIEFING", "BRIEFINGS",
	    "STATEMENT", "STATEMENTS", "STORY", "STORIES", "ARTICLE", "ARTICLES", "ACCOUNT",
	    "ACCOUNTS", "LAW", "LAWS", "FREEDOM", "OFFICE", "OFFICER", "LINE", "LINES", "GUIDANCE",
	    "INTEREST", "ATTENTION", "SPECULATION", "ACCREDITATION", "CREDENTIALS", "VISAS",
	    "EVENT", "EVENTS", "AVAILABILITY", "QUESTIONS", "INQUIRIES", "QUERIES", "POINTS",
	    "CAMPAIGN", "STRATEGY", "PLAN", "SECTION", "ATTACHE", "CENTER", "CENTRE", "ROOM",
	    "KIT", "KITS", "CLIPS", "SUMMARY", "ACCESS", "BUS", "VAN", "AREA", "ENTRANCE", "PASS",
	    "PASSES", "TENT", "FILING", "SEATS", "SEATING", "BADGES", "RISER", "STAKEOUT",
	    "OPPORTUNITY", "SPRAY", "ADVISORY", "CARD", "CARDS", "SCRUM" };

	return i + 1 >= nw || w[i + 1].parted ||
	    !word_listed(things, sizeof(things) / sizeof(things[0]), w[i + 1].up, w[i + 1].len);
}

/* Whether a word of w[a..b) names the text (text_word). */
static bool
text_between(const struct public_word *w, size_t a, size_t b)
{
	for (; a < b; a++)
		if (text_word(&w[a]))
			return true;
	return false;
}

/* Whether w[k] is a pronoun that names the text ("this", "it", "them"). */
static bool
pronoun_at(const struct public_word *w, size_t nw, size_t k)
{
	static const char *const pronouns[] = { "THIS", "IT", "THESE", "THAT", "THEM", "THOSE" };

	return k < nw && word_listed(pronouns, sizeof(pronouns) / sizeof(pronouns[0]), w[k].up,
	    w[k].len);
}

/*
 * Whether the words from w[k] on name the text as an object within three words: a pronoun
 * ("this", "it", "of it") or a determiner before a word of the text ("the plan", "these
 * figures"); not "criticism of the Sultan", "material that harms public order".
 */
static bool
text_object(const struct public_word *w, size_t nw, size_t k)
{
	static const char *const determiners[] = { "THE", "ANY", "OUR", "ITS", "SUCH", "YOUR" };
	size_t e = k + 3 < nw ? k + 3 : nw;

	for (; k < e; k++) {
		if (pronoun_at(w, nw, k))
			return true;
		if (word_listed(determiners, sizeof(determiners) / sizeof(determiners[0]),
		    w[k].up, w[k].len) && k + 1 < nw && text_word(&w[k + 1]))
			return true;
	}
	return false;
}

/*
 * Whether the OUT, OFF or FROM at w[o] ("out of the press") is an order's: a verb that keeps
 * (KEEP, STAY, REMAIN, HOLD, PROTECT, SHIELD, HIDE, WITHHOLD) within four words before it, where
 * a sentence or a clause opens or after a modal ("Keep this out of", "must stay out of"; not
 * "has been kept out of the papers for years").
 */
static bool
kept_out(const struct public_word *w, size_t o)
{
	static const char *const modals[] = { "MUST", "SHOULD", "SHALL", "PLEASE", "PLS",
	    "KINDLY", "TO", "AND" };
	static const char *const verbs[] = { "KEEP", "STAY", "REMAIN", "HOLD", "PROTECT",
	    "SHIELD", "HIDE", "WITHHOLD", "KEPT" };
	size_t k, v;

	for (k = o; k > 0 && o - k < 6; k--) {
		if (!word_listed(verbs, sizeof(verbs) / sizeof(verbs[0]), w[k - 1].up,
		    w[k - 1].len))
			continue;
		v = k - 1;
		/* "must be kept out of the media": the passive after a modal. */
		if (is_word(&w[v], "KEPT"))
			return v >= 2 && is_word(&w[v - 1], "BE") && word_listed(modals, 3,
			    w[v - 2].up, w[v - 2].len);
		return v == 0 || w[v].parted || word_listed(modals,
		    sizeof(modals) / sizeof(modals[0]), w[v - 1].up, w[v - 1].len);
	}
	return false;
}

/* Whether w is a noun a public act takes ("reference", "mention", "release", "comment"). */
static bool
public_noun(const struct public_word *w)
{
	static const char *const nouns[] = { "REFERENCE", "MENTION", "ACKNOWLEDGMENT",
	    "ACKNOWLEDGEMENT", "COMMENT", "RELEASE", "STATEMENT", "DISCUSSION", "DISCLOSURE",
	    "ANNOUNCEMENT", "USE", "CONFIRMATION", "REFERENCES", "COMMENTS" };

	return word_listed(nouns, sizeof(nouns) / sizeof(nouns[0]), w->up, w->len);
}

/*
 * Whether the sentence's words w[0..nw) say its text is kept from the public in so many words
 * at w[i], the public's word: "non-public", "not public" (not "was not public", a report), "not
 * for publication", "out of the press", "no press." at the sentence's end.
 */
static bool
public_denied_outright(const struct public_word *w, size_t nw, size_t i)
{
	/* The phrase before the public's word begins at b ("not for [the] press"). */
	size_t b = i >= 2 && is_word(&w[i - 1], "THE") ? i - 1 : i;

	if (is_word(&w[i], "NONPUBLIC"))
		return true;
	/* "Press: no.", "Public release: NO.": a label and its answer. */
	if (i == 0 && nw <= 3 && is_word(&w[nw - 1], "NO") && w[nw - 1].parted)
		return true;
	if (i == 0)
		return false;
	if (is_word(&w[b - 1], "NON") || (b >= 2 && is_word(&w[b - 1], "FOR") &&
	    is_word(&w[b - 2], "NOT")))
		return true;
	/*
	 * "There should be no public reference to this", "Post requests no public release",
	 * "avoid any public mention" (not "There was no public comment": a report).
	 */
	if (is_word(&w[i], "PUBLIC") && i + 1 < nw && public_noun(&w[i + 1]) &&
	    (is_word(&w[i - 1], "NO") || (i >= 2 && is_word(&w[i - 1], "ANY") &&
	    is_word(&w[i - 2], "AVOID"))) && !(i >= 2 && (is_word(&w[i - 2], "WAS") ||
	    is_word(&w[i - 2], "WERE"))) && !(i >= 3 && (is_word(&w[i - 3], "WAS") ||
	    is_word(&w[i - 3], "WERE"))))
		return true;
	/* "No readout to the press." */
	if (b >= 3 && (is_word(&w[b - 1], "TO") || is_word(&w[b - 1], "FOR")) &&
	    text_word(&w[b - 2]) && is_word(&w[b - 3], "NO"))
		return true;
	/* "no press.", "No press on this pls" (not "there was no press coverage"). */
	if (is_word(&w[i - 1], "NO") && (i + 1 == nw || w[i + 1].parted ||
	    ((is_word(&w[i + 1], "ON") || is_word(&w[i + 1], "ABOUT") ||
	    is_word(&w[i + 1], "RE")) && text_object(w, nw, i + 2))))
		return true;
	/* "The remarks are not public" (not "Court hearings are not public", "was not public"). */
	if (is_word(&w[i - 1], "NOT"))
		return !(i >= 2 && (is_word(&w[i - 2], "WAS") || is_word(&w[i - 2], "WERE"))) &&
		    text_between(w, 0, i - 1);
	/*
	 * "Keep this out of the press", "must stay out of the public domain", "hold this away
	 * from the press", "Keep this off the website", "PROTECT FROM PRESS".
	 */
	if (b >= 3 && is_word(&w[b - 1], "OF") && is_word(&w[b - 2], "OUT"))
		return kept_out(w, b - 2);
	if (is_word(&w[b - 1], "OFF") || is_word(&w[b - 1], "FROM"))
		return kept_out(w, b - 1);
	return false;
}

/* Whether BE or TO BE stands at w[k] ("not be released", "not to be shared"). */
static bool
be_after(const struct public_word *w, size_t nw, size_t k)
{
	return k < nw && (is_word(&w[k], "BE") || (k + 1 < nw && is_word(&w[k], "TO") &&
	    is_word(&w[k + 1], "BE")));
}

/*
 * Whether a modal's negation orders the text's readers (the modal at w[m], the word after the
 * negation at w[after]): in the passive ("may not be published"), or said to the writer's side,
 * to the text or to the public ("we", "you", "Post", "this", "the press must not"); not a rule of
 * others reported ("referees must not discuss their decisions with the media").
 */
static bool
modal_subject(const struct public_word *w, size_t nw, size_t m, size_t after)
{
	static const char *const ours[] = { "WE", "YOU", "I", "POST", "EMBASSY", "MISSION",
	    "DEPARTMENT", "ADDRESSEES", "RECIPIENTS", "READERS", "THIS", "IT", "THESE", "THAT",
	    "INFORMATION", "REPORT", "CABLE", "MESSAGE", "TEXT", "CONTENTS", "DETAILS",
	    "READOUT", "EMAIL", "MEMO", "DOCUMENT", "ANYONE", "NOBODY", "ONE" };

	if (be_after(w, nw, after))
		return true;
	if (m == 0 || w[m].parted)
		return true;
	return word_listed(ours, sizeof(ours) / sizeof(ours[0]), w[m - 1].up, w[m - 1].len) ||
	    w[m - 1].kind == PK_PUBLIC;
}

/*
 * Whether w[i] is a negation in an order's mood (public_order): after a modal or one itself
 * ("must not", "mustn't", "cannot"), "Do not", "Don't" or "Never" where a sentence or a clause
 * opens ("..., so do not"), after the public ("the public not learn"), before BE ("not be
 * released", "not to be shared"); or an order that denies by its words ("Refrain", "Avoid",
 * "Hold off", "Under no circumstances", "In no case", "On no account").
 */
static bool
order_negation(const struct public_word *w, size_t nw, size_t i)
{
	static const char *const modals[] = { "MUST", "SHOULD", "MAY", "SHALL", "CAN", "OUGHT" };
	static const char *const negated[] = { "MUSTN'T", "SHOULDN'T", "SHAN'T", "CANNOT",
	    "CAN'T" };
	static const char *const joins[] = { "PLEASE", "KINDLY", "SO", "AND", "BUT", "THEN",
	    "THEREFORE", "THUS", "ALSO", "JUST", "SIMPLY", "OR", "HENCE", "AGAIN", "PLS", "PLZ",
	    "ACCORDINGLY", "NOW", "STILL" };
	/*
	 * The writer's side: the first three say what they will not do ("We won't share"), all
	 * may be told not to ("asked us not to").
	 */
	static const char *const ours[] = { "WE", "POST", "EMBASSY", "US", "ME", "YOU" };
	/* What an order's passive follows ("that this not be"; not "could not be reached"). */
	static const char *const asked[] = { "THIS", "IT", "THAT", "THESE", "IS", "ARE", "PLEASE",
	    "AND", "BUT", "OR", "SO" };
	bool plain = is_word(&w[i], "NOT") || is_word(&w[i], "NEVER") || is_word(&w[i], "DONT");
	size_t d;

	/* "Nothing in this may be shared", "None of this", "No part of it may": the text denied. */
	if ((is_word(&w[i], "NOTHING") || is_word(&w[i], "NONE") || (is_word(&w[i], "NO") &&
	    i + 1 < nw && is_word(&w[i + 1], "PART"))) && (i == 0 || w[i].parted)) {
		/* ... with a modal after it: not "Nothing was shared with the press", a report. */
		for (d = i + 1; d < nw && d <= i + 6; d++)
			if (word_listed(modals, sizeof(modals) / sizeof(modals[0]), w[d].up,
			    w[d].len))
				return true;
		return false;
	}
	/* "Refrain from", "Avoid", "Prevent", "Hold off", "Under no circumstances", "At no time" */
	if (is_word(&w[i], "REFRAIN") || is_word(&w[i], "AVOID") || (is_word(&w[i], "PREVENT") &&
	    (i == 0 || w[i].parted)) || (is_word(&w[i], "OFF") && i > 0 &&
	    is_word(&w[i - 1], "HOLD")) || (is_word(&w[i], "NO") && i > 0 &&
	    (is_word(&w[i - 1], "UNDER") || is_word(&w[i - 1], "IN") || is_word(&w[i - 1], "ON") ||
	    is_word(&w[i - 1], "AT") || is_word(&w[i - 1], "BY"))))
		return true;
	if (word_listed(negated, sizeof(negated) / sizeof(negated[0]), w[i].up, w[i].len))
		return modal_subject(w, nw, i, i + 1);
	/* "We won't share this", "We will not share": what the writer's side will not do. */
	if ((is_word(&w[i], "WON'T") && i >= 1 && word_listed(ours, 3, w[i - 1].up,
	    w[i - 1].len)) || (is_word(&w[i], "NOT") && i >= 2 && is_word(&w[i - 1], "WILL") &&
	    word_listed(ours, 3, w[i - 2].up, w[i - 2].len)))
		return true;
	if (!plain && !contracted_not(w[i].up, w[i].len))
		return false;
	/*
	 * "Please ensure this does not leak", "make sure it isn't shared" (not "We are not sure
	 * whether it was not leaked": SURE after MAKE or BE only).
	 */
	for (d = i >= 4 ? i - 4 : 0; d < i; d++)
		if (is_word(&w[d], "ENSURE") || (is_word(&w[d], "SURE") && d > 0 &&
		    (is_word(&w[d - 1], "MAKE") || is_word(&w[d - 1], "BE"))))
			return true;
	if (!plain && !is_word(&w[i], "DON'T"))
		return false;
	if (i > 0 && word_listed(modals, sizeof(modals) / sizeof(modals[0]), w[i - 1].up,
	    w[i - 1].len))
		return modal_subject(w, nw, i - 1, i + 1);
	/* "the public not learn" (not "warned newspapers not to publish": others told). */
	if (is_word(&w[i], "NOT") && i > 0 && w[i - 1].kind == PK_PUBLIC &&
	    !(i + 1 < nw && is_word(&w[i + 1], "TO")))
		return true;
	/*
	 * "not be released", "not to be shared", "asked us not to publicize", "take care not to",
	 * "This is not to go to the press" (not "ordered the parties not to discuss", "took care
	 * not to", "Hospital policy is not to release": others told, or told of).
	 */
	if (be_after(w, nw, i + 1) && (i == 0 || w[i].parted ||
	    word_listed(asked, sizeof(asked) / sizeof(asked[0]), w[i - 1].up, w[i - 1].len)))
		return true;
	if (i + 1 < nw && is_word(&w[i + 1], "TO") && (i == 0 || w[i].parted ||
	    word_listed(ours, sizeof(ours) / sizeof(ours[0]), w[i - 1].up, w[i - 1].len) ||
	    ((is_word(&w[i - 1], "IS") || is_word(&w[i - 1], "ARE")) && i >= 2 &&
	    text_word(&w[i - 2])) ||
	    (i >= 2 && is_word(&w[i - 1], "CARE") && is_word(&w[i - 2], "TAKE"))))
		return true;
	/* "Do not", "Don't", "Never" where a sentence or a clause opens. */
	d = i;
	if (is_word(&w[i], "NOT")) {
		if (i == 0 || !is_word(&w[i - 1], "DO"))
			return false;
		d = i - 1;
	}
	return d == 0 || w[d].parted ||
	    word_listed(joins, sizeof(joins) / sizeof(joins[0]), w[d - 1].up, w[d - 1].len);
}

/*
 * Whether a denial of the public at w[neg], its verb at w[verb], lasts only until a time: an
 * embargo word after the verb ("until Friday", "BEFORE DELIVERY"), and no condition or open end
 * after the negation ("until further notice", "before the host government consents", "ahead of
 * or after the visit", "and beyond").
 */
static bool
public_embargo(const struct public_word *w, size_t nw, size_t neg, size_t verb)
{
	static const char *const voids[] = { "FURTHER", "TOLD", "OTHERWISE", "THEREAFTER",
	    "BEYOND", "INDEFINITELY", "NEVER", "UNLESS", "GUIDANCE", "NOTICE", "PERMISSION",
	    "EVER", "FOREVER", "PERMANENTLY", "SAYS", "SAY" };
	static const char *const stems[] = { "CONSENT", "AGREE", "APPROV", "DECI", "CLEAR",
	    "AUTHORI", "PERMIT" };
	bool embargo = false;
	size_t j;

	/*
	 * A time the denial lasts until, in its own clause ("for 24 hours", "in advance of the
	 * signing"; not "..., who have not yet been charged", "...: he gave us the text in
	 * advance").
	 */
	for (j = verb + 1; j < nw && !w[j].parted; j++)
		embargo = embargo || embargo_word(w[j].up, w[j].len);
	if (!embargo)
		return false;
	for (j = neg + 1; j < nw; j++)
		if (word_listed(voids, sizeof(voids) / sizeof(voids[0]), w[j].up, w[j].len) ||
		    stem_listed(stems, sizeof(stems) / sizeof(stems[0]), w[j].up, w[j].len) ||
		    (is_word(&w[j], "AFTER") && (is_word(&w[j - 1], "OR") ||
		    is_word(&w[j - 1], "AND"))))
			return false;
	return true;
}

/*
 * Whether w names a thing that is not text, which an order may keep from the press ("cars",
 * "seats", "funds"): what the order hands on is then no text of the document.
 */
static bool
public_thing(const struct public_word *w)
{
	static const char *const things[] = { "CAR", "CARS", "VEHICLE", "VEHICLES", "BUS",
	    "BUSES", "VAN", "VANS", "SEAT", "SEATS", "ROOM", "ROOMS", "OFFICE", "OFFICES", "SPACE",
	    "DESK", "DESKS", "FUNDS", "MONEY", "FOOD", "MEALS", "TRANSPORT", "TRANSPORTATION",
	    "EQUIPMENT", "FACILITIES", "TENT", "TENTS", "BADGE", "BADGES", "PASSES", "TICKETS",
	    "PARKING", "PHONE", "PHONES", "WIFI", "ACCOMMODATION", "LODGING", "HOTEL", "SUPPLIES" };

	return word_listed(things, sizeof(things) / sizeof(things[0]), w->up, w->len);
}

/* Whether a release or the public is named in w[k..nw) ("cleared for public release"). */
static bool
release_after(const struct public_word *w, size_t nw, size_t k)
{
	for (; k < nw; k++)
		if (release_noun(w[k].up, w[k].len) ||
		    w[k].kind == PK_PUBLIC)
			return true;
	return false;
}

/*
 * Whether w[i] begins a release denied in a noun's words, to no reader named (release_noun):
 * "Not for release", "Not for wider distribution", "not for posting on the internet", "has not
 * yet been cleared for public release", "Post objects to release", "Post does not concur in
 * public release"; *r is the noun's or the verb's place. A reader named after it ("Not for
 * release to AUS") is the other readings'.
 */
static bool
release_denied(const struct public_word *w, size_t nw, size_t i, size_t *r)
{
	static const char *const fillers[] = { "THE", "ANY", "WIDER", "EXTERNAL", "PUBLIC",
	    "GENERAL", "FURTHER", "OUTSIDE", "ONWARD", "ONWARDS", "BROADER", "BROAD", "WIDE" };
	static const char *const cleared[] = { "CLEARED", "APPROVED", "AUTHORIZED", "AUTHORISED",
	    "RELEASABLE", "RELEASEABLE", "CONCUR" };
	size_t j = i + 1;

	if (is_word(&w[i], "OBJECT") || is_word(&w[i], "OBJECTS") || is_word(&w[i], "OBJECTED")) {
		if (j < nw && is_word(&w[j], "TO"))
			j++;
		if (j < nw && is_word(&w[j], "THE"))
			j++;
		if (j >= nw || !release_noun(w[j].up, w[j].len))
			return false;
		/* "release of this information", not "the release of the detained journalists". */
		if (j + 1 < nw && is_word(&w[j + 1], "OF") &&
		    !text_between(w, j + 2, j + 5 < nw ? j + 5 : nw))
			return false;
	} else if (is_word(&w[i], "NOT") || contracted_not(w[i].up, w[i].len)) {
		if (j < nw && is_word(&w[j], "FOR")) {
			for (j++; j < nw && j <= i + 4 && word_listed(fillers,
			    sizeof(fillers) / sizeof(fillers[0]), w[j].up, w[j].len); j++)
				continue;
			if (j >= nw || !release_noun(w[j].up, w[j].len))
				return false;
		} else {
			for (; j < nw && j <= i + 3 && (is_word(&w[j], "YET") ||
			    is_word(&w[j], "BEEN") || is_word(&w[j], "BE")); j++)
				continue;
			/*
			 * "This paragraph has not been cleared for public release", "Post does not
			 * concur in public release of this paragraph" (not "the prisoners were not
			 * cleared for release", "the law has not been approved").
			 */
			if (j >= nw || !word_listed(cleared, sizeof(cleared) / sizeof(cleared[0]),
			    w[j].up, w[j].len) || !text_between(w, 0, nw) ||
			    !release_after(w, nw, j + 1))
				return false;
		}
	} else {
		return false;
	}
	*r = j;
	for (j = *r + 1; j < nw && j <= *r + 3; j++)
		if ((is_word(&w[j], "TO") || is_word(&w[j], "WITH")) && j + 1 < nw &&
		    w[j + 1].kind != PK_PUBLIC &&
		    !(is_word(&w[j + 1], "THE") && j + 2 < nw &&
		    w[j + 2].kind == PK_PUBLIC))
			return false;
	return true;
}

/*
 * Whether w is a verb of learning of something ("learn", "know", "see", "hear", "get", "find
 * out", "read"): what the public as a subject may be denied ("The public must not learn of it").
 */
static bool
learning_verb(const struct public_word *w)
{
	static const char *const stems[] = { "LEARN", "KNOW", "SEE", "HEAR", "GET", "GOT", "READ",
	    "RECEIV", "FIND", "FOUND", "OBTAIN", "ACCESS" };

	return w->len <= 9 && stem_listed(stems, sizeof(stems) / sizeof(stems[0]), w->up, w->len);
}

/*
 * The place of the verb a negation in an order's mood at w[i] denies (public_order): the first
 * word after it that is not an auxiliary, an adverb or a filler ("Do not give", "must not be
 * published", "Refrain from briefing", "Hold off on any briefing", "not to publicize") when it
 * hands text on, tells of it or publishes; within six words after "Under no circumstances"
 * ("... should this be shared"). SIZE_MAX where it denies no such verb ("Do not miss the chance
 * to brief the press", "Do not expect the press to publish").
 */
static size_t
denied_verb(const struct public_word *w, size_t nw, size_t i)
{
	static const char *const skip[] = { "BE", "BEEN", "TO", "EVER", "EVEN", "YET", "FURTHER",
	    "PUBLICLY", "PLEASE", "FROM", "ON", "ANY", "ALSO", "WIDELY", "OPENLY", "DIRECTLY",
	    "IN", "REPEAT", "AT", "ALL", "EITHER", "OFF", "THE", "A", "AN", "SO", "MUCH", "AS",
	    "IT", "THIS", "INDEPENDENTLY", "OFFICIALLY", "FORMALLY" };
	size_t v, last = i + 6 < nw ? i + 6 : nw - 1;
	bool window = is_word(&w[i], "NO") || is_word(&w[i], "NOTHING") ||
	    is_word(&w[i], "NONE") || (is_word(&w[i], "NOT") && i + 1 < nw &&
	    is_word(&w[i + 1], "UNDER"));

	for (v = i + 1; v <= last && v < nw; v++) {
		enum public_kind vk = w[v].kind;

		/* POST as a verb right after the negation ("do not post"), not "Post". */
		if ((vk == PK_PUBLISH && (!word_stem(w[v].up, w[v].len, "POST") || v == i + 1 ||
		    is_word(&w[v - 1], "BE"))) || vk == PK_HAND || learning_verb(&w[v]))
			return v;
		if (!window && !word_listed(skip, sizeof(skip) / sizeof(skip[0]), w[v].up,
		    w[v].len))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* Whether the sentence w[0..nw) keeps its text from the public (public_order). */
static bool
public_sentence(const struct public_word *w, size_t nw)
{
	size_t i, j, verb;
	bool publish, subject;

	for (i = 0; i < nw; i++) {
		if (w[i].kind == PK_PUBLIC) {
			if (!w[i].quoted && public_denied_outright(w, nw, i))
				return true;
			continue;
		}
		/* "Keep this out of the papers", "out of the news". */
		if ((is_word(&w[i], "PAPERS") || is_word(&w[i], "NEWS")) && i >= 3 &&
		    is_word(&w[i - 1], "THE") && is_word(&w[i - 2], "OF") &&
		    is_word(&w[i - 3], "OUT") && kept_out(w, i - 3))
			return true;
		/* Someone else's words, or a negation undone ("do not hesitate to share"). */
		if (w[i].quoted || (i + 1 < nw &&
		    denial_word(w[i + 1].up, w[i + 1].len) == DW_UNDO))
			continue;
		if (release_denied(w, nw, i, &verb) && !public_embargo(w, nw, i, verb))
			return true;
		if (!order_negation(w, nw, i) || (verb = denied_verb(w, nw, i)) == SIZE_MAX)
			continue;
		subject = (i >= 1 && w[i - 1].kind == PK_PUBLIC) ||
		    (i >= 2 && w[i - 2].kind == PK_PUBLIC);
		publish = !subject && w[verb].kind == PK_PUBLISH;
		/* The public named after the negation, as readers ("to the press", "reporters"). */
		for (j = i + 1; j < nw && !publish; j++) {
			enum public_kind pk = w[j].kind;

			/* "do not share cars with the press": a thing, not the text. */
			if (public_thing(&w[j]))
				break;
			publish = (pk == PK_PUBLIC && public_readers(w, nw, j)) ||
			    (pk == PK_PUBLISH && !subject && j > verb &&
			    !word_stem(w[j].up, w[j].len, "POST"));
		}
		/*
		 * Or as its subject, told or learning of the text ("The press must not be told.",
		 * "The public must not learn of it."; not "newspapers may not publish criticism",
		 * "Reporters cannot access the prison": the press's own doings).
		 */
		if (!publish && subject)
			publish = (i + 1 < nw && is_word(&w[i + 1], "BE")) ||
			    (learning_verb(&w[verb]) && text_object(w, nw, verb + 1)) ||
			    (w[verb].kind == PK_PUBLISH && pronoun_at(w, nw, verb + 1));
		if (publish && !public_embargo(w, nw, i, verb))
			return true;
	}
	return false;
}

/*
 * Whether a sentence of s[0..n) keeps its text from the public in an order, however it words it
 * (reading_denial_line reads the orders its shapes name; this reads the rest by the kinds of
 * their words): a negation in an order's mood (order_negation) whose verb (denied_verb) hands
 * text on or tells of it, and the public named after the negation or as its subject ("Do not
 * give this readout to the media.", "Don't let the media know.", "The public must not learn of
 * it."), or publishes ("must not be published", "do not post"); or the public denied in so many
 * words (public_denied_outright); or a release denied as a noun (release_denied). An embargo
 * keeps the text (public_embargo). The caller reads only a line that names the public,
 * publishing or a release (public_named).
 */
static bool
public_order(const struct policy *p, const char *s, size_t n)
{
	struct public_word w[PUBLIC_WORDS];
	size_t nw = 0, k = 0, e, j, from = 0;
	bool parted = false, quoted = false, quotes = quotes_paired(s, n);

	for (;;) {
		if (k == n || denial_stop(s, n, k)) {
			/* A legend the policy names ("NOT FOR INTERNET DISTRIBUTION"): its own. */
			if (nw > 0 && public_sentence(w, nw) &&
			    stated_controls(p, s + from, k - from) == 0)
				return true;
			if (k == n)
				return false;
			nw = 0;
			parted = false;
			from = ++k;
			continue;
		}
		if (!is_alpha(s[k])) {
			quoted = quoted != (quotes && quote_mark(s, k));
			/* Punctuation parts words; figures and a hyphen inside a word do not. */
			parted = parted || (s[k] != ' ' && s[k] != '\t' && s[k] != '\'' &&
			    !isdigit((unsigned char)s[k]) && !(s[k] == '-' && k > 0 &&
			    is_alpha(s[k - 1]) && k + 1 < n && is_alpha(s[k + 1])));
			k++;
			continue;
		}
		/*
		 * A sentence longer than the words read at once is read in windows that overlap
		 * by PUBLIC_OVERLAP words: no order in it goes unread.
		 */
		if (nw == PUBLIC_WORDS) {
			if (public_sentence(w, nw) && stated_controls(p, s + from, k - from) == 0)
				return true;
			memmove(w, w + nw - PUBLIC_OVERLAP, PUBLIC_OVERLAP * sizeof(w[0]));
			nw = PUBLIC_OVERLAP;
		}
		e = word_end(s, n, k);
		w[nw].len = e - k < sizeof(w[0].up) ? e - k : sizeof(w[0].up) - 1;
		for (j = 0; j < w[nw].len; j++)
			w[nw].up[j] = (char)toupper((unsigned char)s[k + j]);
		w[nw].parted = parted;
		w[nw].quoted = quoted;
		w[nw].kind = e - k < sizeof(w[0].up) ? word_kind(w[nw].up, w[nw].len, false) :
		    PK_OTHER;
		/* "the papers", "news outlets": the public in two words. */
		if (nw > 0 && ((is_word(&w[nw], "PAPERS") && is_word(&w[nw - 1], "THE")) ||
		    (is_word(&w[nw - 1], "NEWS") && (is_word(&w[nw], "OUTLETS") ||
		    is_word(&w[nw], "AGENCIES") || is_word(&w[nw], "ORGANIZATIONS")))))
			w[nw - is_word(&w[nw - 1], "NEWS")].kind = PK_PUBLIC;
		nw++;
		parted = false;
		k = e;
	}
}

bool
reading_denial_line(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	/* Word counts since the last negation, denied verb and TO (SIZE_MAX: none). */
	size_t k = 0, e, idx = 0, neg = SIZE_MAX, verb = SIZE_MAX, keep = SIZE_MAX;
	size_t want = SIZE_MAX, readers_left = 0, publicly = SIZE_MAX, verb_end = 0;
	bool for_eyes = false, handling = false, keeping = false, mood = false, public = false;
	/* Whether the sentence's first word opens an order (opens_order). */
	bool bare = false, thing = false, opens = false;
	/* Whether a word names the public or publishing (public_order reads the line then). */
	bool named = false;

	while (k < n) {
		char up[POLICY_WORD_MAX + 1];
		enum denial_word w;
		size_t len, j;

		if (!is_alpha(s[k])) {
			if ((s[k] == '.' || s[k] == ';' || s[k] == '!' || s[k] == '?') &&
			    denial_stop(s, n, k)) {
				public = public || release_ends(verb, idx,
				    handling && (bare || mood), opens || mood);
				idx = 0;
				neg = verb = keep = want = publicly = SIZE_MAX;
				handling = keeping = mood = thing = false;
			}
			k++;
			continue;
		}
		e = word_end(s, n, k);
		len = e - k;
		if (idx == 0)
			opens = opens_order(s + k, len);
		named = named || public_named(s + k, len);
		/*
		 * The public named in an order where a release is denied ("Please do not share with
		 * the press.", "this not be released publicly"): the public is denied.
		 */
		if (public_reader(s + k, len)) {
			bool order = opens || mood;

			if (((want != SIZE_MAX && readers_left > 0 && !thing) || (order &&
			    verb != SIZE_MAX && handling && idx - verb <= 3) || (mood &&
			    neg != SIZE_MAX && idx - neg <= 4)) && !embargo_after(s, n, e))
				public = true;
			publicly = idx;
		}
		/* With no denial begun, most words are passed over by their first letter. */
		if (neg == SIZE_MAX && keep == SIZE_MAX && want == SIZE_MAX &&
		    !may_start_denial(s + k, len)) {
			idx++;
			k = e;
			continue;
		}
		if (want != SIZE_MAX && readers_left > 0) {
			bool order = opens || mood;

			/* A reader after TO, WITH or FROM (THE, AND, OR, the home's between). */
			size_t e2;
			int c2;

			if (denied_reader(p, s + k, len, order, order && (handling || keeping) &&
			    !thing) &&
			    !titled_name(s, n, e) &&
			    (for_eyes ? eyes_after(s, n, e) : !press_after(s, n, e))) {
				deny_readers(p, s, n, k, order,
				    order && (handling || keeping) && !thing, m);
				m->denied_public = true;
				return true;
			}
			/* A country's name in two words in an order ("the United Kingdom"). */
			if (order && (c2 = two_word_country(p, s, n, k, e, &e2)) >= 0 &&
			    c2 != p->home && (for_eyes ? eyes_after(s, n, e2) :
			    !press_after(s, n, e2))) {
				marking_init(m);
				marking_deny_country(m, c2);
				m->denied_public = true;
				return true;
			}
			/* Any other reader named in an order to share ("with GOA"): the public. */
			if (order && handling && !thing && named_reader(p, s, n, k, e) &&
			    !titled_name(s, n, e) && !embargo_after(s, n, e))
				public = true;
			readers_left--;
		}
		if (len > POLICY_WORD_MAX) {
			k = e;
			idx++;
			continue;
		}
		for (j = 0; j < len; j++)
			up[j] = (char)toupper((unsigned char)s[k + j]);
		w = denial_word(up, len);
		switch (w) {
		case DW_NEG:
			if (!told_negation(s, k, up, len)) {
				bool be = order_mood(s, n, e);

				neg = idx;
				mood = mood || be;
				/* "The press must not be told.": the public named before it. */
				if (be && publicly != SIZE_MAX && idx - publicly <= 3 &&
				    !embargo_after(s, n, e))
					public = true;
			}
			break;
		case DW_UNDO:
			neg = SIZE_MAX;
			break;
		case DW_VERB:
			if (neg != SIZE_MAX && idx - neg <= 4) {
				verb = idx;
				verb_end = e;
				/* "NOT RELEASED" says what was done; "DO NOT RELEASE" orders. */
				bare = !(len > 2 && memcmp(up + len - 2, "ED", 2) == 0) &&
				    !(len > 3 && memcmp(up + len - 3, "ING", 3) == 0);
				handling = sharing_verb(up, len) ||
				    word_stem(up, len, "DISCUSS") || word_stem(up, len, "TELL") ||
				    word_stem(up, len, "TOLD") ||
				    (len <= 8 && word_stem(up, len, "INFORM")) ||
				    word_stem(up, len, "RAISE");
				/* "Please do not publicly release it." */
				if (handling && publicly != SIZE_MAX && idx - publicly <= 2 &&
				    (opens || mood) && !embargo_after(s, n, e))
					public = true;
			}
			break;
		case DW_KEEP:
			/* "Keep this away from the Australians": readers in words too. */
			keep = idx;
			keeping = true;
			break;
		case DW_TO:
		case DW_FROM:
			/* TO or WITH after a verb of release, FROM after one that keeps from. */
			j = w == DW_TO ? verb : keep;
			if (j != SIZE_MAX && idx - j <= 3) {
				want = idx;
				readers_left = 4;
				for_eyes = false;
				/* "release funds to GOA": a thing, not the text, goes to them. */
				thing = j == verb && thing_between(s, verb_end, k);
			}
			break;
		case DW_FOR:
			/* "Not for AUS eyes": a reader's eyes or release after NOT FOR. */
			if (neg != SIZE_MAX && idx - neg == 1) {
				want = idx;
				readers_left = 1;
				for_eyes = true;
			}
			break;
		default:
			/* Only THE, AND, OR and readers stand between TO and the reader named. */
			if (want != SIZE_MAX && !(len == 3 && memcmp(up, "THE", 3) == 0) &&
			    !(len == 3 && memcmp(up, "AND", 3) == 0) &&
			    !(len == 2 && memcmp(up, "OR", 2) == 0) &&
			    !reading_reader_word(p, up, len))
				readers_left = 0;
			break;
		}
		idx++;
		k = e;
	}
	public = public || release_ends(verb, idx, handling && (bare || mood), opens || mood) ||
	    (named && public_order(p, s, n));
	if (public) {
		marking_init(m);
		m->denied_public = true;
	}
	return public;
}

/* What a word says to reading_readers_doubt. */
enum doubt_word {
	DOUBT_OTHER,
	DOUBT_DENY,	/* NOT, NO, NEVER, WITHOUT, PROHIBITED, ... */
	DOUBT_KEEP,	/* KEEP, EXCEPT, EXCLUDED, ...: readers taken out, or the home's kept to */
	DOUBT_LIMIT,	/* ONLY, SOLELY, LIMITED, RESTRICTED, OUTSIDE, WITHIN: readers kept to */
	DOUBT_RELEASE,	/* SHARE, RELEASE, PASS, SEE, ACCESS, EYES, READERS, ... */
	DOUBT_FOREIGN	/* PARTNERS, FOREIGN, ALLIES, COALITION, LIAISON, ... */
};

/* The kind of the word up[0..n) (capitals, an apostrophe kept) to reading_readers_doubt. */
static enum doubt_word
doubt_word(const char *up, size_t n)
{
	static const char *const deny[] = { "NOT", "NO", "NEVER", "NOR", "NEITHER", "WITHOUT",
	    "CANNOT", "MINUS", "HOLD",
	    "PROHIBITED", "PROHIBIT", "PROHIBITS", "FORBIDDEN", "FORBID", "BARRED", "BANNED",
	    "UNAUTHORIZED", "UNAUTHORISED", "REFUSED", "REFUSE", "DENY", "DENIED", "EMBARGO",
	    "EMBARGOED", "WITHHOLD", "WITHHELD", "AVOID", "REFRAIN", "ORIGINATOR", "ORIGINATORS",
	    "ORIGINATOR'S" };
	/* Words that take readers out: the home's alone doubt foreign readers. */
	static const char *const keep[] = { "KEEP", "KEPT", "EXCEPT", "EXCEPTING", "EXCLUDING",
	    "EXCLUDED", "EXCLUDE", "PROTECT", "PROTECTED", "SAVE", "APART", "EXCEPTION",
	    "OMITTING", "OMIT", "DECLINED", "DECLINES", "OBJECTS", "PENDING", "UNLESS", "SANS",
	    "BARRING", "EXCL", "EXCEPTED", "HIDE", "HIDDEN" };
	static const char *const limit[] = { "ONLY", "SOLELY", "EXCLUSIVELY", "EXCLUSIVE",
	    "LIMIT", "LIMITED", "LIMITS", "RESTRICT", "RESTRICTED", "RESTRICTS", "RESTRICTION",
	    "RESTRICTIONS", "OUTSIDE", "BEYOND", "WITHIN" };
	/* Words of a release by their stems, and by their forms where a stem says more. */
	static const char *const release[] = { "SHAR", "RELEAS", "DISCLOS", "DISSEM",
	    "FORWARD", "PROVID", "NOTIF", "RECEIV", "DISTRIBUT", "TRANSMIT", "REVEAL",
	    "AUTHORI", "BRIEF" };
	static const char *const forms[] = { "PASS", "PASSED", "PASSING", "SEND", "SENT",
	    "GIVE", "GIVEN", "GAVE", "SHOW", "SHOWN", "TELL", "INFORM", "COPY",
	    "COPIED", "CC", "SEE", "SEEN", "ACCESS", "READ", "READER", "READERS", "EYES", "DISTRO",
	    "FWD", "HAND", "MENTION", "CLEARED", "LOOP", "THREAD", "CHANNEL", "CHANNELS", "VIEW",
	    "RELAY", "DISPLAY", "REACH" };
	static const char *const foreign[] = { "PARTNER", "PARTNERS", "ALLIES", "ALLIED",
	    "ALLY", "COALITION", "LIAISON", "COMMONWEALTH", "FVEY", "ALLIANCE", "AUSCANNZUKUS",
	    "AUSCANUKUS", "CANUKUS", "FORN" };

	if (word_listed(keep, sizeof(keep) / sizeof(keep[0]), up, n))
		return DOUBT_KEEP;
	if (word_listed(deny, sizeof(deny) / sizeof(deny[0]), up, n) || contracted_not(up, n))
		return DOUBT_DENY;
	if (word_listed(limit, sizeof(limit) / sizeof(limit[0]), up, n))
		return DOUBT_LIMIT;
	if (word_listed(foreign, sizeof(foreign) / sizeof(foreign[0]), up, n))
		return DOUBT_FOREIGN;
	if (word_listed(forms, sizeof(forms) / sizeof(forms[0]), up, n) ||
	    stem_listed(release, sizeof(release) / sizeof(release[0]), up, n))
		return DOUBT_RELEASE;
	return DOUBT_OTHER;
}

/*
 * The country a people's name in capitals stands for ("BRITISH", "AUSTRALIANS"), by the code
 * of a partner's or an ally's, or the home's ("AMERICANS"), or -1.
 */
static int
people_country(const struct policy *p, const char *up, size_t n)
{
	static const struct { const char *people, *code; } peoples[] = {
		{ "BRITISH", "GBR" }, { "BRITS", "GBR" }, { "BRIT", "GBR" }, { "BRITONS", "GBR" },
		{ "ENGLISH", "GBR" }, { "AUSTRALIAN", "AUS" }, { "AUSTRALIANS", "AUS" },
		{ "AUSSIES", "AUS" }, { "CANADIAN", "CAN" }, { "CANADIANS", "CAN" },
		{ "KIWIS", "NZL" }, { "ZEALANDERS", "NZL" }, { "FRENCH", "FRA" },
		{ "GERMAN", "DEU" }, { "GERMANS", "DEU" }, { "DUTCH", "NLD" },
		{ "ITALIAN", "ITA" }, { "ITALIANS", "ITA" }, { "SPANISH", "ESP" },
		{ "JAPANESE", "JPN" }, { "KOREAN", "KOR" }, { "KOREANS", "KOR" },
		{ "ISRAELI", "ISR" }, { "ISRAELIS", "ISR" }, { "DANISH", "DNK" },
		{ "NORWEGIAN", "NOR" }, { "NORWEGIANS", "NOR" }, { "TURKISH", "TUR" },
		{ "BRITAIN", "GBR" }, { "ENGLAND", "GBR" }, { "MAJESTY'S", "GBR" },
		/* Capitals, codes and services that stand for their governments. */
		{ "LONDON", "GBR" }, { "WHITEHALL", "GBR" }, { "GCHQ", "GBR" }, { "UKG", "GBR" },
		{ "GB", "GBR" }, { "SIS", "GBR" }, { "FCO", "GBR" }, { "FCDO", "GBR" },
		{ "CANBERRA", "AUS" }, { "AU", "AUS" }, { "ASIS", "AUS" }, { "ASIO", "AUS" },
		{ "ASD", "AUS" }, { "DIO", "AUS" }, { "ADF", "AUS" }, { "DFAT", "AUS" },
		{ "OTTAWA", "CAN" }, { "CA", "CAN" }, { "CSIS", "CAN" }, { "CSE", "CAN" },
		{ "CSEC", "CAN" }, { "GOC", "CAN" }, { "DND", "CAN" }, { "RCMP", "CAN" },
		{ "CDN", "CAN" }, { "WELLINGTON", "NZL" }, { "NZ", "NZL" }, { "GCSB", "NZL" },
		{ "NZSIS", "NZL" }, { "WASHINGTON", "USA" }, { "CIA", "USA" }, { "NSA", "USA" },
		{ "DIA", "USA" }, { "PENTAGON", "USA" }, { "YANKS", "USA" }, { "AMERICAN", "USA" },
		{ "AMERICANS", "USA" }
	};
	size_t k;

	for (k = 0; k < sizeof(peoples) / sizeof(peoples[0]); k++)
		if (strlen(peoples[k].people) == n && memcmp(up, peoples[k].people, n) == 0)
			return policy_country_find(p, peoples[k].code, 3);
	return -1;
}

/*
 * Whether the word after s[e] names readers, after FOREIGN ("foreign partners", "foreign
 * release"; not "the Foreign Minister", "foreign investment").
 */
static bool
foreign_readers(const char *s, size_t n, size_t e)
{
	static const char *const nouns[] = { "PARTNER", "PARTNERS", "GOVERNMENT", "GOVERNMENTS",
	    "NATIONALS", "RELEASE", "DISSEMINATION", "DISCLOSURE", "READERS", "EYES", "LIAISON",
	    "SERVICE", "SERVICES", "AGENCIES", "RECIPIENTS", "COUNTERPARTS", "PERSONNEL" };
	char up[16];
	size_t len = next_upper(s, n, &e, up);

	return len > 0 && word_listed(nouns, sizeof(nouns) / sizeof(nouns[0]), up, len);
}

/*
 * The most words a denial, a release and a reader stand within (reading_readers_doubt), the
 * release and the reader within eight.
 */
#define DOUBT_SPAN 12

/* What a sentence holds to reading_readers_doubt. */
struct doubt {
	size_t words;
	bool deny, keep, limit, release, home, foreign;
	/* The words (counted from 1) of the last denial, release and reader; whether the three
	 * stood within DOUBT_SPAN words */
	size_t at_deny, at_release, at_reader, at_limit;
	bool near;
	bool limit_near;		/* a limit three words from a reader ("US readers only") */
	bool order;			/* it opens as an order ("Not", "Please", "Do", "Keep") */
	bool handling;			/* a word of sharing, release, disclosure, dissemination */
	bool undone;			/* a denial undone ("no objection", "not sure") */
	bool embargo;			/* a time it lasts until ("before", "until", "yet") */
	bool taken;			/* readers taken out by name ("bar AUS", "ex-AUS") */
	bool mood;			/* an order's mood: a modal ("should", "must", "may") or BE
					 * after a negation ("not to be told") */
	bool public_named;		/* the public, the press or the media, in an order or after
					 * NOT FOR ("Not for public release.") */
	bool code;			/* a reader named by a code in capitals */
	bool part;			/* the document or a part of it named ("paragraph 2", "this
					 * cable", "the above") */
	bool contain;			/* KEEP or KEPT: the home's readers kept to ("Keep in US
					 * channels") */
	bool gov;			/* the home's government's use or readers ("USG use",
					 * "US readers", "US channels") */
	bool releasable;		/* it opens with RELEASABLE or RELEASABILITY ("Releasable
					 * to: USA.") */
	/* Its clause in brackets, dashes or commas ("(not for AUS)", "-- not for AUS --") */
	size_t clause_words;
	bool clause_deny, clause_limit, clause_release, clause_reader, short_clause;
	struct marking named;		/* the readers named, as denied readers */
	bool any;			/* a foreign reader named */
	/*
	 * The readers named within three words after a negation ("releasable to AUS only, not
	 * GBR"), and the word it was: denied whatever the sentence keeps to.
	 */
	struct marking negated;
	size_t at_neg;
	/*
	 * The word a copula was (IS, ARE, WAS, WERE, BE), and whether RELEASABLE or FOR came right
	 * after it, NOT between or none: the limit is said of the clause's subject ("the source
	 * description is releasable to USA, AUS only", "paragraph 4 is for US personnel only"),
	 * a part of the document no reader places, every classified portion's.
	 */
	size_t at_copula;
	bool predicated;
	size_t at_for;			/* the word FOR was, or 0 */
};

/*
 * Notes country c, named by a word of sentence t (in capitals: `caps`), as its reader: the
 * home's, or one it denies.
 */
static void
doubt_reader(const struct policy *p, struct doubt *t, int c, bool caps)
{
	t->at_reader = t->words;
	if (c == p->home) {
		t->home = true;
		return;
	}
	marking_deny_country(&t->named, c);
	if (t->at_neg > 0 && t->words - t->at_neg <= 3)
		marking_deny_country(&t->negated, c);
	t->any = t->clause_reader = true;
	t->code = t->code || caps;
}

/* How many words the last denial, release and reader of t stand within. */
static size_t
doubt_span(const struct doubt *t)
{
	size_t lo = t->at_deny, hi = t->at_deny;

	lo = t->at_release < lo ? t->at_release : lo;
	lo = t->at_reader < lo ? t->at_reader : lo;
	hi = t->at_release > hi ? t->at_release : hi;
	hi = t->at_reader > hi ? t->at_reader : hi;
	return hi - lo + 1;
}

/* Sets *m to what sentence t says (struct doubt), and resets t. Returns whether it doubts. */
static bool
doubt_end(const struct policy *p, struct doubt *t, struct marking *m)
{
	bool doubts = ((t->near || (t->words <= 5 && (t->code || t->foreign || t->home)) ||
	    t->short_clause) &&
	    (((t->any || t->foreign) && (t->deny || t->keep || t->limit_near)) ||
	    (t->home && (t->contain || t->limit_near)))) ||
	    /* A releasability alone that names the home's readers only ("Releasable to: USA."). */
	    (t->releasable && t->words <= 4 && t->home && !t->any && !t->foreign && !t->deny) ||
	    /* The home's government's own readers kept to ("for US personnel only"). */
	    (t->home && t->gov && (t->contain || t->limit_near) && !t->undone);
	/*
	 * An order that keeps text from the public ("Not for public release.", "Do not share with
	 * the press."), or to the home's government ("For USG use only.", "US readers only."):
	 * the public is denied.
	 */
	bool public = (t->public_named && (t->deny || t->keep) && !t->undone) ||
	    (t->home && t->gov && (t->contain || t->limit_near)) ||
	    (doubts && t->order && t->deny && !t->undone && !t->embargo &&
	    (t->foreign || (t->any && t->handling)));

	if (public && !doubts) {
		marking_init(m);
		m->denied_public = public;
		memset(t, 0, sizeof(*t));
		marking_init(&t->named);
		marking_init(&t->negated);
		return true;
	}

	if (doubts) {
		size_t j;

		marking_init(m);
		/*
		 * Readers named and kept to ("USA/GBR EYES ONLY: The", "Do not release outside
		 * NATO"): every other foreign reader; readers named and denied: them.
		 */
		if (t->taken && t->any && !t->deny)
			*m = t->named;
		else if (t->limit_near && t->any && !t->foreign)
			marking_deny_others(p, m, &t->named);
		else if (t->limit_near || t->foreign || !t->any)
			m->denied_foreign = true;
		else
			*m = t->named;
		for (j = 0; j < POLICY_MAX_COUNTRIES / 64; j++)
			m->denied.bits[j] |= t->negated.denied.bits[j];
		m->denied_foreign = m->denied_foreign || t->negated.denied_foreign;
		m->denied_public = public;
		m->denied_document = t->part || (t->predicated && (t->limit_near || t->deny));
	}
	memset(t, 0, sizeof(*t));
	marking_init(&t->named);
	marking_init(&t->negated);
	return doubts;
}

/*
 * Whether EYES ending at s[e] ends its clause, or ONLY follows ("is for American eyes.", "for
 * US eyes only"; not "for American eyes as much as for Turkish readers").
 */
static bool
eyes_end(const char *s, size_t n, size_t e)
{
	char up[16];
	size_t len;

	while (e < n && s[e] == ' ')
		e++;
	if (e == n || !is_alpha(s[e]))
		return true;
	len = next_upper(s, n, &e, up);
	return len == 4 && memcmp(up, "ONLY", 4) == 0;
}

/*
 * Whether up[0..n) (capitals) names the public: PUBLIC (not the press: "DO NOT RELEASE TO UK
 * PRESS BEFORE DELIVERY" times a release).
 */
static bool
public_word(const char *up, size_t n)
{
	static const char *const words[] = { "PUBLIC" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), up, n);
}

/* Whether up[0..n) (capitals) names the document or a part of it ("paragraph", "cable"). */
static bool
part_word(const char *up, size_t n)
{
	static const char *const words[] = { "PARAGRAPH", "PARAGRAPHS", "PARA", "PARAS", "ABOVE",
	    "BELOW", "CABLE", "MESSAGE", "REPORT", "DOCUMENT", "MEMO", "MEMORANDUM", "EMAIL",
	    "ATTACHMENT", "ENCLOSURE", "ANNEX", "FOREGOING", "FOLLOWING", "TELEGRAM" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), up, n);
}

/* Whether up[0..n) (capitals) says a government's own use or readers (USE, READERS, EYES). */
static bool
gov_word(const char *up, size_t n)
{
	static const char *const words[] = { "USE", "READERS", "EYES", "PERSONNEL", "CHANNELS",
	    "OFFICIALS", "EMPLOYEES", "AGENCIES" };

	return word_listed(words, sizeof(words) / sizeof(words[0]), up, n);
}

/* Whether up[0..n) (capitals) is a modal verb of an order ("should", "must", "may", "prefer"). */
static bool
modal_word(const char *up, size_t n)
{
	static const char *const words[] = { "SHOULD", "MUST", "SHALL", "MAY", "PREFER",
	    "PREFERS" };

	return n >= 3 && n <= 7 && word_listed(words, sizeof(words) / sizeof(words[0]), up, n);
}

/*
 * Whether up[0..n) (capitals), the word at s[k], is ASIDE after a reader's code in capitals
 * ("partners, AUS aside") or a people's or a country's name ("the British aside"): the reader
 * taken out. Not "Aside from the British", which tells.
 */
static bool
aside_reader(const struct policy *p, const char *s, size_t k, const char *up, size_t n)
{
	char name[POLICY_WORD_MAX + 1];
	size_t e = k, b, j;
	int c;

	if (n != 5 || memcmp(up, "ASIDE", 5) != 0)
		return false;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	for (b = e; b > 0 && isupper((unsigned char)s[b - 1]); b--)
		continue;
	if (e - b >= 2 && e - b <= 4 && (b == 0 || !is_alpha(s[b - 1]))) {
		c = policy_country_find(p, s + b, e - b);
		return c >= 0 ? c != p->home : policy_group_find(p, s + b, e - b) >= 0;
	}
	/* A people's or a country's name in any case ("the British aside", "Australia aside"). */
	for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	if (e - b < 2 || e - b > POLICY_WORD_MAX)
		return false;
	for (j = b; j < e; j++)
		name[j - b] = (char)toupper((unsigned char)s[j]);
	if ((c = people_country(p, name, e - b)) < 0)
		c = policy_country_by_name(p, name, e - b);
	return c >= 0 && c != p->home;
}

/*
 * Whether the word t[k..e) takes out the reader in capitals after it ("partners bar AUS",
 * "FVEY less AUS", "partners but AUS") or after OTHER THAN ("other than AUS"): with p, a
 * country's or a group's code other than the home's; with none (doubt_trigger), any word of
 * two to four capitals.
 */
static bool
taking_out(const struct policy *p, const char *t, size_t n, size_t k, size_t e)
{
	size_t b;
	int c;

	if (e - k == 5 && strncasecmp(t + k, "other", 5) == 0) {
		if (n - e < 6 || strncasecmp(t + e, " than ", 6) != 0)
			return false;
		e += 5;
	} else if (!(e - k == 3 && (strncasecmp(t + k, "bar", 3) == 0 ||
	    strncasecmp(t + k, "but", 3) == 0)) && !(e - k == 4 &&
	    strncasecmp(t + k, "less", 4) == 0)) {
		return false;
	}
	if (e >= n || t[e] != ' ')
		return false;
	for (b = ++e; e < n && isupper((unsigned char)t[e]); e++)
		continue;
	if (e - b < 2 || e - b > 4 || (e < n && is_alpha(t[e])))
		return false;
	if (p == NULL)
		return true;
	c = policy_country_find(p, t + b, e - b);
	return c >= 0 ? c != p->home : policy_group_find(p, t + b, e - b) >= 0;
}

/*
 * Whether IS or ARE follows within three words of s[j] ("the British is prohibited"; not "the
 * British sector was prohibited from 24 June 1948", a report).
 */
static bool
present_after(const char *s, size_t n, size_t j)
{
	size_t w, b;

	for (w = 0; w < 4 && j < n; w++) {
		while (j < n && s[j] == ' ')
			j++;
		for (b = j; j < n && is_alpha(s[j]); j++)
			continue;
		if (j == b)
			return false;
		if ((j - b == 2 && strncasecmp(s + b, "is", 2) == 0) || (j - b == 3 &&
		    strncasecmp(s + b, "are", 3) == 0))
			return true;
	}
	return false;
}

/*
 * What the word up[0..n) (capitals), at s[k..e), says to reading_readers_doubt where the words
 * beside it change it: ONLY before a condition ("only if", "only when") in an order's mood
 * (`mood`) and REQUIRE before an approval within three words ("requires originator approval")
 * deny until it is met; LACK denies before a need; verbs of telling release in an order's mood
 * or after "need to". (Readers taken out, "bar AUS", are the caller's: taking_out.)
 */
static enum doubt_word
doubt_word_at(const char *s, size_t n, size_t k, size_t e, const char *up, size_t len,
    bool mood)
{
	/* Verbs of telling, in an order's mood only ("should not be informed"). */
	static const char *const telling[] = { "TOLD", "INFORMED", "LEARN", "RAISE", "RAISED",
	    "RAISING", "AWARE", "KNOW" };
	static const char *const conditions[] = { "IF", "WHEN", "AFTER", "UPON", "ONCE" };
	static const char *const approvals[] = { "APPROVAL", "CONSENT", "PERMISSION",
	    "CONCURRENCE", "CLEARANCE", "AUTHORIZATION", "AUTHORISATION" };
	static const char *const passing[] = { "PASSAGE", "TRANSMISSION", "TRANSMITTAL",
	    "COMMUNICATION", "CONVEYANCE" };
	static const char *const verbs[] = { "WAS", "WERE", "IS", "ARE", "HAS", "HAVE", "HAD",
	    "WILL", "WOULD", "COULD", "CAN", "MAY", "MIGHT", "SHOULD", "BECAME", "SEEMED" };
	char next[16];
	size_t b, i, j, w;

	/*
	 * Nouns of passing on, as a handling line writes them, after FOR or NO and before TO ("Not
	 * for passage to the British", "No onward transmission to AUS"); not a ship's passage, nor
	 * talks ("no communication with London").
	 */
	if (word_listed(passing, sizeof(passing) / sizeof(passing[0]), up, len)) {
		for (b = k; b > 0 && s[b - 1] == ' '; b--)
			continue;
		if (b >= 7 && (strncasecmp(s + b - 7, " onward", 7) == 0 ||
		    strncasecmp(s + b - 7, "further", 7) == 0))
			for (b -= 7; b > 0 && s[b - 1] == ' '; b--)
				continue;
		/*
		 * TO within eight words, past what the passing is of and how ("No passage of this
		 * report to the Australians", "Not for passage, in any form, to", "Not for
		 * passage (even orally) to", "Not for passage to, or discussion with, the").
		 */
		for (j = e, w = 0; j < n && w <= 8; w++) {
			while (j < n && !is_alpha(s[j]) && strchr(".;?!", s[j]) == NULL)
				j++;
			if (j >= n || !is_alpha(s[j]) || (n - j >= 3 &&
			    strncasecmp(s + j, "to", 2) == 0 && !is_alpha(s[j + 2])))
				break;
			j = word_end(s, n, j);
		}
		if (j >= n || n - j < 3 || strncasecmp(s + j, "to", 2) != 0 || is_alpha(s[j + 2]))
			return DOUBT_OTHER;
		j += 2;
		/* "to, or discussion with, the British": the readers come after the clause. */
		if (j < n && s[j] == ',') {
			for (j++; j < n && s[j] != ','; j++)
				continue;
			if (j < n)
				j++;
		}
		/* Passing on to the press is the public's reading's. */
		for (; j < n && s[j] == ' '; j++)
			continue;
		if (n - j >= 4 && strncasecmp(s + j, "the ", 4) == 0)
			j += 4;
		if (n - j >= 5 && (strncasecmp(s + j, "press", 5) == 0 ||
		    strncasecmp(s + j, "media", 5) == 0 || strncasecmp(s + j, "public", 5) == 0))
			return DOUBT_OTHER;
		if (b >= 3 && strncasecmp(s + b - 3, "for", 3) == 0 &&
		    (b == 3 || !is_alpha(s[b - 4])))
			return DOUBT_RELEASE;
		/*
		 * After NO, a handling line names its readers and ends ("No passage to the
		 * British."); a report goes on with a verb ("No transmission to the British ships
		 * was possible"). Otherwise a passing on, which the sentence may deny ("Passage to
		 * the British is prohibited.").
		 */
		if (!(b >= 2 && strncasecmp(s + b - 2, "no", 2) == 0 && (b == 2 ||
		    !is_alpha(s[b - 3]))))
			return present_after(s, n, j) ? DOUBT_RELEASE : DOUBT_OTHER;
		for (w = 0; j < n && w < 4; w++) {
			for (b = j; j < n && is_alpha(s[j]); j++)
				continue;
			if (j - b >= 2 && j - b < sizeof(next)) {
				for (i = b; i < j; i++)
					next[i - b] = to_upper(s[i]);
				if (word_listed(verbs, sizeof(verbs) / sizeof(verbs[0]), next,
				    j - b))
					return DOUBT_OTHER;
			}
			while (j < n && !is_alpha(s[j]))
				j++;
		}
		return DOUBT_RELEASE;
	}
	/* "This report is not for the Australians": FOR after NOT gives to no one. */
	if (len == 3 && memcmp(up, "FOR", 3) == 0 && k >= 4 &&
	    strncasecmp(s + k - 4, "not ", 4) == 0)
		return DOUBT_RELEASE;
	/* "Non-releasable to the UK": NON glued to a word of release denies it. */
	if (len == 3 && memcmp(up, "NON", 3) == 0 && e + 1 < n && s[e] == '-' &&
	    (strncasecmp(s + e + 1, "releas", 6) == 0 || strncasecmp(s + e + 1, "disclos", 7) == 0 ||
	    strncasecmp(s + e + 1, "dissem", 6) == 0 || strncasecmp(s + e + 1, "shar", 4) == 0))
		return DOUBT_DENY;
	/*
	 * "Foreign disclosure: none.", "Foreign Disclosure -- None.": NONE as a field's value,
	 * the sentence's last word, denies (not "Foreign disclosure: none of the officers").
	 */
	if (len == 4 && memcmp(up, "NONE", 4) == 0) {
		for (b = k; b > 0 && s[b - 1] == ' '; b--)
			continue;
		for (j = e; j < n && (s[j] == ' ' || s[j] == ')'); j++)
			continue;
		return b > 0 && (s[b - 1] == ':' || s[b - 1] == '-' || s[b - 1] == '(') &&
		    (j == n || strchr(".;!", s[j]) != NULL) ? DOUBT_DENY : doubt_word(up, len);
	}
	/* "AUS lacks a need to know": a lack of a reader's need denies. */
	if ((len == 4 && memcmp(up, "LACK", 4) == 0) || (len == 5 && memcmp(up, "LACKS", 5) == 0))
		return n - e >= 7 && (strncasecmp(s + e, " a need", 7) == 0 ||
		    strncasecmp(s + e, " need ", 6) == 0) ? DOUBT_DENY : DOUBT_OTHER;
	if (word_listed(telling, sizeof(telling) / sizeof(telling[0]), up, len))
		/* "no need to know", "lacks a need to know": a reader's need, in any mood. */
		return mood || (len == 4 && k >= 8 && strncasecmp(s + k - 8, "need to ", 8) == 0) ?
		    DOUBT_RELEASE : DOUBT_OTHER;
	if (!(len == 4 && memcmp(up, "ONLY", 4) == 0 && mood) && !word_stem(up, len, "REQUIR"))
		return doubt_word(up, len);
	for (w = 0; w < (up[0] == 'O' ? 1u : 3u); w++) {
		while (e < n && s[e] == ' ')
			e++;
		for (b = e; e < n && is_alpha(s[e]); e++)
			continue;
		if (e == b || e - b >= sizeof(next))
			break;
		for (j = b; j < e; j++)
			next[j - b] = (char)toupper((unsigned char)s[j]);
		if (up[0] == 'O' ? word_listed(conditions, sizeof(conditions) /
		    sizeof(conditions[0]), next, e - b) : word_listed(approvals,
		    sizeof(approvals) / sizeof(approvals[0]), next, e - b))
			return DOUBT_DENY;
	}
	return doubt_word(up, len);
}

/*
 * Whether the word at s[k] is a reader's code written after EX- or NON- ("FVEY ex-AUS",
 * "non-AUS partners"): taken out.
 */
static bool
taken_out_by_prefix(const char *s, size_t k)
{
	return (k >= 3 && s[k - 1] == '-' && strncasecmp(s + k - 3, "ex", 2) == 0 &&
	    (k == 3 || !is_alpha(s[k - 4]))) || (k >= 4 && s[k - 1] == '-' &&
	    strncasecmp(s + k - 4, "non", 3) == 0 && (k == 4 || !is_alpha(s[k - 5])));
}

/*
 * Whether the word before s[k] is a party's ordinal: SECOND, THIRD, 2ND, 3RD, 2D, 3D ("2nd or 3rd
 * party", "2ND/3RD PARTIES", "third-party", "No 2d party release").
 */
static bool
party_ordinal(const char *s, size_t k)
{
	static const char *const ordinals[] = { "SECOND", "THIRD", "2ND", "3RD", "2D", "3D" };
	char up[8];
	size_t b, j;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '-'))
		k--;
	for (b = k; b > 0 && is_alnum(s[b - 1]); b--)
		continue;
	if (k - b < 2 || k - b > 6)
		return false;
	for (j = b; j < k; j++)
		up[j - b] = to_upper(s[j]);
	return word_listed(ordinals, sizeof(ordinals) / sizeof(ordinals[0]), up, k - b);
}

/*
 * Whether the sentence s[k..n) (s[0..k) what stands before it, read for "Five Eyes") doubts
 * foreign readers (reading_readers_doubt), into *m.
 */
static bool
doubt_sentence(const struct policy *p, const char *s, size_t k, size_t n, struct marking *m)
{
	struct doubt t;
	size_t e;

	memset(&t, 0, sizeof(t));
	marking_init(&t.named);
	marking_init(&t.negated);
	while (k < n) {
		char up[POLICY_WORD_MAX + 1];
		size_t len, j;
		bool caps = true, title, out;
		int c;

		if (!is_alpha(s[k])) {
			/*
			 * A clause of five words at most that denies a reader it names, or keeps
			 * a release to one ("(not for AUS)", "U.S. readers only:").
			 */
			if (strchr("(),:-", s[k]) != NULL) {
				if (t.clause_words > 0 && t.clause_words <= 5 && t.clause_reader &&
				    (t.clause_deny || (t.clause_limit && t.clause_release)))
					t.short_clause = true;
				t.clause_words = 0;
				t.clause_deny = t.clause_limit = t.clause_release = false;
				t.clause_reader = false;
			}
			k++;
			continue;
		}
		e = word_end(s, n, k);
		len = e - k;
		t.words++;
		t.clause_words++;
		if (len > POLICY_WORD_MAX) {
			k = e;
			continue;
		}
		for (j = 0; j < len; j++) {
			caps = caps && !islower((unsigned char)s[k + j]);
			up[j] = (char)toupper((unsigned char)s[k + j]);
		}
		/* Two letters with full stops ("U.S.", "U.K."): one word. */
		if (len == 1 && e + 1 < n && s[e] == '.' && isupper((unsigned char)s[e + 1]) &&
		    isupper((unsigned char)s[k]) && (e + 2 == n || !is_alpha(s[e + 2]))) {
			up[len++] = s[e + 1];
			e += e + 2 < n && s[e + 2] == '.' ? 3 : 2;
		}
		title = isupper((unsigned char)s[k]);
		/* "Releasable to: USA.", "Release to: USA.", "REL TO: USA." */
		if (t.words == 1)
			t.releasable = word_stem(up, len, "RELEASAB") || (((len == 7 &&
			    memcmp(up, "RELEASE", 7) == 0) || (len == 3 &&
			    memcmp(up, "REL", 3) == 0)) && n - e >= 3 &&
			    strncasecmp(s + e, " to", 3) == 0 &&
			    (n - e == 3 || !is_alpha(s[e + 3])));
		/*
		 * "Release to: USA, AUS.": a field that keeps a release to the readers it names
		 * (not "Release to GBR is prohibited.", a sentence).
		 */
		if (t.words == 1 && t.releasable && n - e >= 4 && s[e + 3] == ':') {
			t.limit = t.clause_limit = true;
			t.at_limit = t.at_deny = t.words;
		}
		if (t.words == 1)
			t.order = opens_order(s + k, len) || (len == 7 &&
			    memcmp(up, "PROTECT", 7) == 0);
		if (public_word(up, len) && (t.order || (k >= 8 &&
		    strncasecmp(s + k - 8, "not for ", 8) == 0))) {
			t.public_named = true;
			t.at_reader = t.words;
		}
		if (gov_word(up, len))
			t.gov = true;
		if (embargo_word(up, len) && t.deny)
			t.embargo = true;
		if (part_word(up, len))
			t.part = true;
		out = taking_out(p, s, n, k, e) || aside_reader(p, s, k, up, len);
		t.taken = t.taken || out;
		if (modal_word(up, len))
			t.mood = true;
		if (len == 3 && memcmp(up, "FOR", 3) == 0)
			t.at_for = t.words;
		if ((len == 2 && (memcmp(up, "IS", 2) == 0 || memcmp(up, "BE", 2) == 0)) ||
		    (len == 3 && (memcmp(up, "ARE", 3) == 0 || memcmp(up, "WAS", 3) == 0)) ||
		    (len == 4 && memcmp(up, "WERE", 4) == 0))
			t.at_copula = t.words;
		else if (t.at_copula > 0 && (t.words == t.at_copula + 1 ||
		    (t.words == t.at_copula + 2 && t.at_neg == t.at_copula + 1)) &&
		    ((len == 3 && memcmp(up, "FOR", 3) == 0) || word_stem(up, len, "RELEASAB")))
			t.predicated = true;
		switch (out ? DOUBT_KEEP : doubt_word_at(s, n, k, e, up, len, t.order || t.mood)) {
		case DOUBT_DENY:
			/* What was done is no order ("did not share", "would not give"). */
			if (told_negation(s, k, up, len))
				break;
			t.deny = t.clause_deny = true;
			t.at_deny = t.at_neg = t.words;
			t.undone = t.undone || undone_after(s, n, e);
			t.mood = t.mood || order_mood(s, n, e);
			break;
		case DOUBT_KEEP:
			t.keep = t.clause_deny = true;
			t.contain = t.contain || (len == 4 && (memcmp(up, "KEEP", 4) == 0 ||
			    memcmp(up, "KEPT", 4) == 0));
			t.at_deny = t.words;
			break;
		case DOUBT_LIMIT:
			/* "Restricted from AUS" takes readers out; "restricted to" keeps to them. */
			for (j = e; j < n && s[j] == ' '; j++)
				continue;
			if (n - j >= 4 && strncasecmp(s + j, "from", 4) == 0 &&
			    (n - j == 4 || !is_alpha(s[j + 4])))
				t.deny = t.clause_deny = true;
			else
				t.limit = t.clause_limit = true;
			t.at_deny = t.words;
			if (t.limit)
				t.at_limit = t.words;
			break;
		case DOUBT_RELEASE:
			t.release = t.clause_release = true;
			t.at_release = t.words;
			t.handling = t.handling || sharing_verb(up, len);
			/* "Five Eyes": readers, foreign ones. */
			if (len == 4 && memcmp(up, "EYES", 4) == 0 && k >= 5 &&
			    strncasecmp(s + k - 5, "five ", 5) == 0) {
				t.foreign = t.clause_reader = true;
				t.at_reader = t.words;
			} else if (len == 4 && memcmp(up, "EYES", 4) == 0 && t.at_reader > 0 &&
			    t.at_reader + 1 == t.words && t.at_for > 0 && t.at_for < t.at_reader &&
			    t.at_reader - t.at_for <= 4 && (t.at_for == 1 ||
			    t.at_for == t.at_copula + 1) && eyes_end(s, n, e)) {
				/* "is for American eyes", "For US and UK eyes": kept to them, ONLY
				 * or not (not "in American eyes", "written for American eyes"). */
				t.limit = t.clause_limit = t.limit_near = true;
				t.at_limit = t.at_deny = t.words;
			}
			break;
		case DOUBT_FOREIGN:
			t.foreign = t.clause_reader = true;
			t.at_reader = t.words;
			break;
		default:
			/* Foreign readers ("foreign partners", "foreign release"). */
			/* "Dissem: No Foreign.": FOREIGN after NO, the sentence's last word. */
			for (j = e; j < n && s[j] == ' '; j++)
				continue;
			if (len == 7 && memcmp(up, "FOREIGN", 7) == 0 && (foreign_readers(s, n, e) ||
			    (j >= n && k >= 3 && strncasecmp(s + k - 3, "no ", 3) == 0 &&
			    (k == 3 || !is_alpha(s[k - 4]))))) {
				t.foreign = t.clause_reader = true;
				t.at_reader = t.words;
				break;
			}
			/*
			 * The IC's Second Parties, the partners, and Third Parties, every other
			 * foreign reader ("No Second Party release", "No 2nd or 3rd party
			 * release", "NOT RELEASABLE TO 2ND/3RD PARTIES").
			 */
			if (((len == 7 && memcmp(up, "PARTIES", 7) == 0) ||
			    (len == 5 && memcmp(up, "PARTY", 5) == 0)) && party_ordinal(s, k)) {
				t.foreign = t.clause_reader = true;
				t.at_reader = t.words;
				break;
			}
			/* A reader: a code in capitals, a country's or a people's name. */
			if (!title)
				break;
			if ((c = two_word_country(p, s, n, k, e, &j)) >= 0) {
				doubt_reader(p, &t, c, caps);
				e = j;
				break;
			}
			if (caps && ((len == 2 && memcmp(up, "US", 2) == 0) ||
			    (len == 3 && memcmp(up, "USG", 3) == 0))) {
				/* "Keep within USG": the home's government. */
				t.gov = t.gov || len == 3;
				memcpy(up, "USA", 3);
				len = 3;
			}
			if (caps && len >= 2 && len <= 4 && !(len == 2 &&
			    (memcmp(up, "EU", 2) == 0 || memcmp(up, "UN", 2) == 0)) &&
			    reading_reader_word(p, up, len)) {
				c = policy_country_find(p, up, len);
				t.at_reader = t.words;
				if (c >= 0 && c == p->home) {
					t.home = true;
					break;
				}
				marking_deny(p, &t.named, up, len);
				if (t.at_neg > 0 && t.words - t.at_neg <= 3)
					marking_deny(p, &t.negated, up, len);
				t.any = t.clause_reader = t.code = true;
				if (c >= 0 && taken_out_by_prefix(s, k)) {
					t.keep = t.clause_deny = t.taken = true;
					t.at_deny = t.words;
				}
				break;
			}
			if ((c = policy_country_by_name(p, up, len)) >= 0 ||
			    (c = people_country(p, up, len)) >= 0)
				doubt_reader(p, &t, c, caps);
			break;
		}
		t.limit_near = t.limit_near || (t.at_limit > 0 && t.at_reader > 0 &&
		    (t.at_limit > t.at_reader ? t.at_limit - t.at_reader :
		    t.at_reader - t.at_limit) <= 3);
		t.near = t.near || (t.at_deny > 0 && t.at_release > 0 && t.at_reader > 0 &&
		    doubt_span(&t) <= DOUBT_SPAN && (t.at_release > t.at_reader ?
		    t.at_release - t.at_reader : t.at_reader - t.at_release) <= 8);
		k = e;
	}
	return doubt_end(p, &t, m);
}

/*
 * Whether t[0..n) holds a word that denies or limits (doubt_word's DOUBT_DENY, DOUBT_KEEP,
 * DOUBT_LIMIT), by a cheap look at each word: a sentence with none doubts nothing. Every word
 * doubt_word's deny, keep and limit lists hold must pass here (as itself or by a stem), or
 * doubt_word never sees it.
 */
static bool
doubt_trigger(const char *t, size_t n)
{
	/* By first letter: '=' before a word it must be, else what it begins (case aside). */
	static const char *const by_letter[26] = {
		['A' - 'A'] = "=AVOID =APART =ASIDE", ['B' - 'A'] = "BARRED BANNED BEYOND BARRING",
		['C' - 'A'] = "=CANNOT", ['D' - 'A'] = "=DENY =DENIED DECLINE",
		['E' - 'A'] = "EMBARGO EXCEPT EXCLU =EX =EXCL =EYES", ['F' - 'A'] = "FORBID",
		['H' - 'A'] = "=HOLD =HIDE =HIDDEN",
		['K' - 'A'] = "=KEEP =KEPT", ['L' - 'A'] = "LIMIT =LACK =LACKS",
		['M' - 'A'] = "=MINUS", ['N' - 'A'] = "=NOT =NO NEVER =NOR NEITHER =NON =NONE",
		['O' - 'A'] = "=ONLY OUTSIDE OMIT OBJECT ORIGINATOR",
		['P' - 'A'] = "PROHIBIT PROTECT =PENDING",
		['R' - 'A'] = "REFUS REFRAIN RESTRICT REQUIR RELEASAB =RELEASE =REL",
		['S' - 'A'] = "SOLELY =SAVE =SANS", ['U' - 'A'] = "UNAUTHORI =UNLESS",
		['W' - 'A'] = "WITHOUT WITHH WITHIN"
	};
	size_t k = 0, e, len;

	while (k < n) {
		const char *w;
		int c;

		if (!is_alpha(t[k])) {
			k++;
			continue;
		}
		for (e = k; e < n && (is_alpha(t[e]) || t[e] == '\''); e++)
			continue;
		len = e - k;
		c = toupper((unsigned char)t[k]);
		if (len >= 4 && t[e - 2] == '\'' && (t[e - 1] == 't' || t[e - 1] == 'T'))
			return true;
		if (taking_out(NULL, t, n, k, e))
			return true;
		if (c >= 'A' && c <= 'Z' && (w = by_letter[c - 'A']) != NULL && len >= 2) {
			while (*w != '\0') {
				bool exact = *w == '=';
				size_t l;

				w += exact;
				for (l = 0; w[l] != '\0' && w[l] != ' '; l++)
					continue;
				if ((exact ? len == l : len >= l) && strncasecmp(t + k, w, l) == 0)
					return true;
				w += l;
				while (*w == ' ')
					w++;
			}
		}
		k = e;
	}
	return false;
}

bool
reading_readers_doubt(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	size_t a = 0, k;

	for (k = 0; k <= n; k++) {
		if (k < n && !((s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == ';') &&
		    denial_stop(s, n, k)))
			continue;
		if (k > a && doubt_trigger(s + a, k - a) && doubt_sentence(p, s, a, k, m))
			return true;
		a = k + 1;
	}
	return false;
}

/*
 * Where the value of a handling field begins in s[0..*n), a table's row or not ("Dissem: USA/GBR
 * ONLY", "Releasability - USA/GBR", "| Caveat | US/UK ONLY |"): a name of three words at most,
 * one of which begins as "releasab", "foreign" (*names: its value may name readers in words),
 * "dissem", "caveat" or "handling" does, before a colon, a '|' or a dash between spaces; or as
 * "release", "distribution", "control", "shar", "disclos" or "access" does (*weak: trade's
 * fields are named so too, "Release: US only" of a film, "Distribution: US and Canada",
 * "Export controls: US, EU"). *n loses the row's closing '|'. Returns 0 where there is none.
 */
static size_t
caveat_field(const char *s, size_t *n, bool *weak, bool *names)
{
	static const char *const stems[] = { "releasab", "foreign", "dissem", "caveat", "handling",
	    "release", "distribution", "control", "shar", "disclos", "access" };
	size_t k = 0, e, words = 0, j, strong = 5, best = sizeof(stems) / sizeof(stems[0]);
	bool named = false;

	while (k < *n && (s[k] == '|' || s[k] == ' ' || s[k] == '*'))
		k++;
	for (e = k; e < *n && e - k < 40 && s[e] != ':' && s[e] != '|' && !(s[e] == '-' &&
	    e > k && s[e - 1] == ' ' && e + 1 < *n && s[e + 1] == ' '); e++) {
		if (!is_alpha(s[e]) && s[e] != ' ' && s[e] != '*')
			return 0;
		if (is_alpha(s[e]) && (e == k || !is_alpha(s[e - 1]))) {
			if (++words > 3)
				return 0;
			for (j = 0; j < sizeof(stems) / sizeof(stems[0]); j++)
				if (strncasecmp(s + e, stems[j], strlen(stems[j])) == 0) {
					named = true;
					best = j < best ? j : best;
				}
		}
	}
	if (!named || e >= *n || (s[e] != ':' && s[e] != '|' && s[e] != '-'))
		return 0;
	while (e < *n && strchr(":|*- ", s[e]) != NULL)
		e++;
	while (*n > e && strchr("|* ", s[*n - 1]) != NULL)
		(*n)--;
	*weak = best >= strong;
	/* "Releasability:", "Releasable to:", "Foreign disclosure:"; not "Releasable markets:". */
	*names = best < 2 && (words == 1 || best == 1 || (e >= k + 3 && (strncasecmp(s + e - 3,
	    " to", 3) == 0 || strncasecmp(s + e - 3, " TO", 3) == 0)));
	return e < *n ? e : 0;
}

/*
 * The words of s[0..n) that name readers, each written as a code in capitals of four letters at
 * most ("USA", "GBR", "FVEY", "US/UK"); 0 where one is written otherwise ("Canada", "usa").
 */
static size_t
reader_codes(const struct policy *p, const char *s, size_t n)
{
	char up[POLICY_WORD_MAX];
	size_t k = 0, e, j, count = 0;

	while (k < n) {
		while (k < n && !is_alpha(s[k]))
			k++;
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		if (e > k && e - k <= POLICY_WORD_MAX) {
			bool caps = true;

			for (j = k; j < e; j++) {
				up[j - k] = (char)toupper((unsigned char)s[j]);
				caps = caps && isupper((unsigned char)s[j]);
			}
			if (reading_reader_word(p, up, e - k)) {
				/* Bodies prose names as often: a grant's "Dissemination: US, EU". */
				if (!caps || e - k > 4 || prose_readers(up, e - k))
					return 0;
				count++;
			}
		}
		k = e;
	}
	return count;
}

/* Whether a word of s[0..n) names the home country's readers, in any case ("USA", "US"). */
static bool
names_home(const struct policy *p, const char *s, size_t n)
{
	char up[4];
	size_t k = 0, e, j;

	while (k < n) {
		while (k < n && !is_alpha(s[k]))
			k++;
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		if (e - k >= 2 && e - k <= 3) {
			for (j = k; j < e; j++)
				up[j - k] = (char)toupper((unsigned char)s[j]);
			if ((e - k == 2 && memcmp(up, "US", 2) == 0) || (e - k == 3 &&
			    memcmp(up, "USG", 3) == 0) || (p->home >= 0 &&
			    policy_country_find(p, up, e - k) == p->home))
				return true;
		}
		k = e;
	}
	return false;
}

bool
reading_caveat_line(const struct policy *p, const struct fold *f, bool bracketed,
    struct marking *m)
{
	char up[FOLD_MAX + 1];
	size_t n = f->len, v, count, k, others;
	bool weak, names;

	if (caveat_text(p, f->text, f->len, bracketed, false, m))
		return true;
	v = caveat_field(f->text, &n, &weak, &names);
	/*
	 * A field's value names its readers by their codes ("USA, GBR"; a trade's or a grant's
	 * names them in words: "Dissemination: USA, Canada, Mexico"), but a releasability's, in
	 * any words ("Releasability: USA, UK, Canada", "USA, NATO"); a weak field's ends in ONLY
	 * and names the home country and another ("Release: USA/GBR ONLY").
	 */
	if (v == 0 || (count = names ? 1 : reader_codes(p, f->text + v, n - v)) == 0 || (weak &&
	    !(count >= 2 && n - v >= 4 && strncasecmp(f->text + n - 4, "only", 4) == 0 &&
	    names_home(p, f->text + v, n - v))))
		return false;
	if (caveat_text(p, f->text + v, n - v, bracketed, true, m))
		return true;
	/* A releasability's value that names readers among words no list is made of: unknown. */
	if (names && n - v < sizeof(up)) {
		for (k = v; k < n; k++)
			up[k - v] = (char)toupper((unsigned char)f->text[k]);
		if (readers_alone(p, up, n - v, &others) > 0)
			return caveat_unknown(m);
	}
	return false;
}

static size_t section_len(const char *s, size_t n, bool any_case);

/*
 * A level term of this policy's whose letters, spaces dropped, are t[0..n) ("TOPSECRET" is "TOP
 * SECRET"): a level's name of six letters or more, or NULL.
 */
static const struct policy_term *
level_name_letters(const struct policy *p, const char *t, size_t n)
{
	size_t k, j, c;

	for (k = 0; k < p->nterms; k++) {
		const struct policy_term *pt = &p->terms[k];

		if (pt->level < 1 || pt->control >= 0 || pt->len < 6 || pt->len < n)
			continue;
		for (j = c = 0; j < pt->len && c <= n; j++)
			if (pt->text[j] != ' ' && (c == n || pt->text[j] != t[c++]))
				break;
		if (j == pt->len && c == n)
			return pt;
	}
	return NULL;
}

/*
 * s[0..n) with each letter-spaced run joined as the word it spells ("QUOTE S E C R E T STATE
 * 116943" is "QUOTE SECRET STATE 116943"; "T O P  S E C R E T" is "TOP SECRET"): three capitals
 * or more, each alone, one or two spaces apart. Into out (FOLD_MAX bytes), and where the first
 * run joined begins and ends in out into *from and *to (both 0 where none is). Returns out's
 * length.
 */
static size_t
join_spaced(const struct policy *p, const char *s, size_t n, char *out, size_t *from, size_t *to)
{
	size_t k = 0, o = 0;

	*from = *to = 0;
	while (k < n && o < FOLD_MAX) {
		char run[POLICY_WORD_MAX + 1];
		size_t e = k, r = 0;
		const struct policy_term *pt;

		/* A capital alone: a space or the line's end on each side. */
		while (e < n && r < POLICY_WORD_MAX && isupper((unsigned char)s[e]) &&
		    (e == 0 || s[e - 1] == ' ') && (e + 1 == n || s[e + 1] == ' ')) {
			run[r++] = s[e];
			if (e + 2 < n && s[e + 2] != ' ')
				e += 2;
			else if (e + 3 < n && s[e + 2] == ' ' && s[e + 3] != ' ')
				e += 3;
			else {
				e++;
				break;
			}
		}
		if (r < 3) {
			out[o++] = s[k++];
			continue;
		}
		/* The run ends at its last letter: what follows is copied as it stands. */
		while (e > k && s[e - 1] == ' ')
			e--;
		pt = level_name_letters(p, run, r);
		if (*to == 0)
			*from = o;
		if (pt != NULL && o + pt->len <= FOLD_MAX) {
			memcpy(out + o, pt->text, pt->len);
			o += pt->len;
		} else if (o + r <= FOLD_MAX) {
			memcpy(out + o, run, r);
			o += r;
		}
		if (*to == 0)
			*to = o;
		k = e;
	}
	return o;
}

/*
 * Whether s[0..n), in any case, is a post and a cable's number of three digits or more, a
 * section, controls or signs after it or not ("State 116943 (Section 1 of 2)", "Muscat 1065",
 * "USNATO 453", "Rio de Janeiro 171", "State 116943 Noforn"): what follows a level written with
 * a capital on a quoted banner's line.
 */
static bool
title_post(const struct policy *p, const char *s, size_t n)
{
	static const char *const leads[] = { "FOLLOWS", "FOLLOW", "BEGINS", "BEGIN", "QUOTE",
	    "ENDS" };
	const struct policy_term *pt;
	char up[FOLD_MAX + 8];
	size_t k, e, d;

	if (n >= FOLD_MAX)
		return false;
	for (k = 0; k < n; k++)
		up[k] = to_upper(s[k]);
	/* The section after the number, in brackets or not. */
	for (k = n; k > 0; k--)
		if (up[k - 1] == ' ' || up[k - 1] == '(')
			if ((e = section_len(up + k, n - k, false)) > 0) {
				while (e + k < n && (up[e + k] == ')' || up[e + k] == ' '))
					e++;
				if (e + k == n) {
					n = k - 1;
					while (n > 0 && (up[n - 1] == ' ' || up[n - 1] == '('))
						n--;
					break;
				}
			}
	/*
	 * Signs, controls and what a lead-in says after the number ("116943:", "116943 NOFORN",
	 * "116943 follows:").
	 */
	for (;;) {
		while (n > 0 && strchr(" :.,;-", up[n - 1]) != NULL)
			n--;
		for (e = n; e > 0 && isupper((unsigned char)up[e - 1]); e--)
			continue;
		if (e == n || e == 0 || up[e - 1] != ' ' || !(((pt = policy_term_find(p, up + e,
		    n - e)) != NULL && pt->control >= 0) || word_listed(leads, sizeof(leads) /
		    sizeof(leads[0]), up + e, n - e)))
			break;
		n = e - 1;
	}
	/*
	 * A cable's number of three digits or more, written with six ("00116943" as a page's
	 * header writes it); not a year ("Secret Santa 2010").
	 */
	for (e = n; e > 0 && isdigit((unsigned char)up[e - 1]); e--)
		continue;
	while (n - e > 6 && up[e] == '0')
		e++;
	d = n - e;
	if (d < 3 || d > 6 || e == 0 || (d == 4 && ((up[e] == '1' && up[e + 1] == '9') ||
	    (up[e] == '2' && up[e + 1] == '0'))))
		return false;
	if (up[e - 1] == '0') {
		while (e > 0 && up[e - 1] == '0')
			e--;
		if (e == 0 || up[e - 1] != ' ')
			return false;
		memmove(up + e, up + n - d, d);
		n = e + d;
	}
	if (d < 6) {
		memmove(up + e + 6 - d, up + e, d);
		memset(up + e, '0', 6 - d);
		n = e + 6;
	}
	return post_and_number(p, up, n);
}

/*
 * Whether the line f says a level's name as a banner does past words before it, as a cable that
 * repeats another writes that one's banner on its lead-in's line ("QUOTE S E C R E T STATE
 * 116943", "FOLLOWING IS TEXT OF REFTEL: SECRET STATE 116943", "BEGIN QUOTE C O N F I D E N T I
 * A L SECTION 01 OF 02"): a level's name letter-spaced anywhere, which prose never is, one in
 * capitals with a banner's rest after it (a post and a cable's number, a section), or one with a
 * capital and a post and number after it in any case ("Begin text of reftel: Secret State
 * 116943", "Quote: Secret State 116943 (Section 1 of 2)"). *m is what
 * the line read from the level on says, and at least that level. Only raises.
 */
static bool
quoted_banner(const struct policy *p, const struct fold *f, struct marking *m)
{
	char s[FOLD_MAX];
	const char *t = f->text;
	size_t n = f->len, k, e, a, from = 0, to = 0;
	const struct policy_term *pt;
	struct fold g;
	bool title;

	/* Most lines have no capital alone before another ("S E"): read them as they stand. */
	for (k = 0; k + 2 < n; k++)
		if (isupper((unsigned char)t[k]) && t[k + 1] == ' ' &&
		    (k == 0 || t[k - 1] == ' ') && isupper((unsigned char)t[k + 2]) &&
		    (k + 3 == n || t[k + 3] == ' '))
			break;
	if (k + 2 < n) {
		n = join_spaced(p, f->text, f->len, s, &from, &to);
		t = s;
	}
	for (k = 0; k < n; k = e) {
		if (!isupper((unsigned char)t[k]) || (k > 0 && t[k - 1] != ' ')) {
			e = k + 1;
			continue;
		}
		for (e = k; e < n && isupper((unsigned char)t[e]); e++)
			continue;
		/* "Secret State 116943": with a capital, a post and a number after it. */
		title = e == k + 1 && e < n && is_lower(t[e]);
		while (title && e < n && is_lower(t[e]))
			e++;
		if (e < n && t[e] != ' ' && t[e] != '/' && t[e] != ':' && t[e] != '.')
			continue;
		/* "TOP SECRET" is two words. */
		a = e;
		if (e + 1 < n && t[e] == ' ' && isupper((unsigned char)t[e + 1]))
			for (a = e + 1; a < n && isupper((unsigned char)t[a]); a++)
				continue;
		if (!title && a > e && (a == n || t[a] == ' ' || t[a] == '/') &&
		    (pt = policy_term_find(p, t + k, a - k)) != NULL && pt->level >= 1 &&
		    pt->control < 0)
			e = a;
		if ((pt = policy_term_find(p, t + k, e - k)) == NULL || pt->level < 1 ||
		    pt->control >= 0 || pt->len < 6)
			continue;
		for (a = e; a < n && t[a] == ' '; a++)
			continue;
		if (title ? !(a > e && a < n && title_post(p, t + a, n - a)) :
		    !(to > from && k >= from && e <= to) && !(a > e && a < n &&
		    (post_and_number(p, t + a, n - a) || section_len(t + a, n - a, false) > 0)))
			continue;
		fold_line(t + k, n - k, FOLD_MAX, false, &g);
		if (!class_line(p, &g, false, m)) {
			marking_init(m);
			m->level = pt->level;
		} else if (!m->unknown && m->level < pt->level) {
			m->level = pt->level;
		}
		return true;
	}
	return false;
}

bool
reading_class_line(const struct policy *p, const struct fold *f, bool wrapped, struct marking *m)
{
	char s[FOLD_MAX + 1];
	size_t n, k, words = 0;
	bool unreadable;

	if (class_line(p, f, wrapped, m))
		return true;
	if (quoted_banner(p, f, m))
		return true;
	if (wrapped || f->cut)
		return false;
	/*
	 * A line with letters OCR misread ("CONF|DENTIAL SECTION 01 OF 02", "S€CRET", "S3CR3T"),
	 * read again with them as the letters they stand for (ocr_capitals_line); only to raise.
	 */
	if ((n = ocr_capitals_line(f, s)) > 0) {
		struct fold g;

		fold_line(s, n, FOLD_MAX, false, &g);
		if (class_line(p, &g, wrapped, m) && (m->level > 0 || m->unknown))
			return true;
	}
	if (misspelt_level_line(p, f, m))
		return true;
	/* Most lines have more words than a short level line: count them before copying. */
	for (k = 0; k < f->len; k++)
		if (is_alnum(f->text[k]) && (k == 0 || !is_alnum(f->text[k - 1])) &&
		    ++words > SHORT_LEVEL_WORDS)
			return false;
	/*
	 * A line with a letter that cannot be read is read with accents dropped ("TRÈS SECRET",
	 * "ÉTAT-MAJOR SECRET") and look-alike letters as the Latin ones they pass for ("ѕесгеt"
	 * in Cyrillic), but only to raise: one that would read as the lowest level with nothing
	 * unknown ("ÛNCLASSIFIED") is not read so.
	 */
	n = fold_ascii(f, s);
	if ((unreadable = memchr(s, '?', n) != NULL)) {
		/*
		 * A short line in a script no rule reads, with no Latin letter ("ΑΠΟΡΡΗΤΟ", "秘",
		 * "סודי"; three words and 24 letters at most): a level of another scheme it may be;
		 * unknown.
		 */
		size_t runs = 0;

		for (k = 0; k < n && !isalpha((unsigned char)s[k]); k++)
			if (s[k] != ' ' && (k == 0 || s[k - 1] == ' '))
				runs++;
		if (k == n && runs <= 3 && n <= 24) {
			marking_init(m);
			m->unknown = true;
			return true;
		}
		n = fold_ascii_skeleton(f, s);
	}
	if (n == 0 || n > 80 || authority_words(s, n) || !short_level_line(p, s, n, m))
		return false;
	return !unreadable || m->level > 0 || m->unknown;
}

static bool class_line_read(const struct policy *p, const struct fold *f, bool wrapped,
    struct marking *m, bool *dropped_unknown);

/* A classification line (class_line_read); a group in it that proves nothing makes it unknown. */
static bool
class_line(const struct policy *p, const struct fold *f, bool wrapped, struct marking *m)
{
	bool dropped_unknown = false;

	if (!class_line_read(p, f, wrapped, m, &dropped_unknown))
		return false;
	if (dropped_unknown && !m->unknown) {
		m->unknown = true;
		snprintf(m->unknown_token, sizeof(m->unknown_token), "%s", "a group in brackets");
	}
	return true;
}

/* After a classification label, s[0..n) (two bytes at most): a level's letter alone. */
static bool
labelled_letter(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	struct group g;
	char up;

	memset(&g, 0, sizeof(g));
	classify(p, s, n, true, false, &g);
	if (!((g.kind == GROUP_ITEM && g.letter != 0) || g.kind == GROUP_MARK))
		return false;
	up = (char)toupper((unsigned char)s[0]);
	return marking_parse(p, s, n, MARKING_PORTION, m) == 1 ||
	    marking_parse(p, &up, 1, MARKING_PORTION, m) == 1;
}

/*
 * The words after a level on a line that names it (class_line_read): s[k..n) follows the level
 * s[word..i) of term lv, with no separator. Returns 1 when the line is a classification (m says
 * what is known of it), -1 when it is no classification line, 0 when a marking's words follow
 * (class_rest reads them).
 */
static int
words_after_level(const struct policy *p, const char *s, size_t n, size_t k, size_t word,
    size_t i, bool lower, const struct policy_term *lv, struct marking *m)
{
	struct word wd;
	size_t j = k;
	char up[POLICY_WORD_MAX + 1];
	size_t un;

	if (lower) {
		if (!marking_words(p, s + k, n - k)) {
			struct word nx;
			size_t j2 = k;
			bool caps_next = next_word(s, n, &j2, &nx) && !nx.lower &&
			    nx.letters >= 3;

			/*
			 * A short line whose level is in capitals, or whose next word is
			 * ("TOP SECRET Umbra", "Top Secret UMBRA"): a level and a name
			 * no policy lists. Prose has no such line.
			 */
			if (!(reading_capitals(s + word, i - word) || caps_next) ||
			    count_words(s, n) > CLASS_WORDS || s[n - 1] == '.' ||
			    s[n - 1] == ',' || lv->level < 0)
				return -1;
			/* The name is the line's word: never quoted (SECURITY.md, rule 5). */
			m->unknown = true;
			snprintf(m->unknown_token, sizeof(m->unknown_token), "%s", WORDS_BESIDE);
			return 1;
		}
	} else {
		if (!next_word(s, n, &j, &wd))
			return -1;
		un = upper_form(s + wd.start, wd.end - wd.start, up);
		if (strcmp(up, "REL") != 0 && near_term(p, up, un, false) == NULL &&
		    !(un == 4 && loose_term(p, up, un)) && spaced_control(p, s, n, k, &j) == NULL) {
			/*
			 * A line in capitals that opens with a level and goes on with
			 * other words ("S E C R E T MUSCAT 001066", "SECRET ANNEX",
			 * "SECRET MEETING ON JUNE 12", a banner with free words after
			 * its section): a second document's banner, a heading or a
			 * title. It says the level, and the text after it is at that
			 * level at least, however long it is; a sentence ("SECRET TALKS
			 * BEGAN.") is not one.
			 */
			/*
			 * A sentence in capitals ("SECRET TALKS BEGAN IN MAY.") is text; a
			 * short line is not one ("TOP SECRET UMBRA.").
			 */
			if ((s[n - 1] == '.' || s[n - 1] == ',') && count_words(s, n) > 4)
				return -1;
			/*
			 * Only a post and cable number after it proves it a banner; other
			 * words may name a compartment no policy lists ("TOP SECRET UMBRA",
			 * "SECRET SPOKE"): the level is known, what else is not.
			 */
			if (!post_and_number(p, s + k, n - k)) {
				m->unknown = true;
				snprintf(m->unknown_token, sizeof(m->unknown_token), "%s",
				    WORDS_BESIDE);
			}
			return 1;
		}
	}
	return 0;
}

/*
 * Whether s[0..n) is what a cable's page header or banner holds after its level, a cable's
 * number, a page's or a date-time group among them: a post of three words at most, numbers,
 * "OF", "SECTION" ("MUSCAT 00001065  002 OF 003", "002.2 OF 002", "191558Z MAR 07", "SECTION 2 OF
 * 2").
 */
static bool
header_rest(const char *s, size_t n)
{
	size_t k = 0, e, d, words = 0;
	bool number = false;

	while (k < n) {
		for (e = k; e < n && s[e] != ' '; e++)
			continue;
		for (d = k; d < e && (isdigit((unsigned char)s[d]) || (d > k && s[d] == '.')); d++)
			continue;
		if (d == e) {
			/* A cable's number, or a page's ("002 OF 003", "002.2 OF 002"). */
			number = number || e - k >= 4 || (e < n && strncmp(s + e, " OF ", 4) == 0);
		} else if (d > k && d + 1 == e && s[d] == 'Z' && d - k == 6) {
			/* A date-time group ("191558Z MAR 07"). */
			number = true;
		} else if (d == k && (e - k != 2 || strncmp(s + k, "OF", 2) != 0) &&
		    (e - k != 7 || strncmp(s + k, "SECTION", 7) != 0)) {
			for (d = k; d < e && isupper((unsigned char)s[d]); d++)
				continue;
			if (d < e || ++words > 3)
				return false;
		} else if (d != k) {
			return false;
		}
		for (k = e; k < n && s[k] == ' '; k++)
			continue;
	}
	return number;
}

/*
 * Whether s[i..n) (ASCII) is a level's word cut short in capitals, OCR's digits read as letters,
 * and nothing after it but signs, or a banner's section, post and number (reading_level_cut_short:
 * "CONFID", "CONF.", "C0NFID", "TOP SECR", "CONFID SECTION 02 OF 02 MUSCAT 001065"): a
 * classification line of a level not known.
 */
static bool
cut_level_line(const struct policy *p, const char *s, size_t n, size_t i)
{
	char t[POLICY_WORD_MAX + 1];
	size_t k = i, tn = 0, words = 0, j, e;
	bool ocr = false, lower = false, rest;

	while (k < n && words < 2) {
		for (j = k; j < n && (isupper((unsigned char)s[j]) ||
		    isdigit((unsigned char)s[j]) || (j > k && islower((unsigned char)s[j]))); j++) {
			ocr = ocr || isdigit((unsigned char)s[j]);
			lower = lower || islower((unsigned char)s[j]);
			if (tn < POLICY_WORD_MAX)
				t[tn++] = (char)toupper((unsigned char)reading_ocr_letter(s[j]));
		}
		if (j == k || (j < n && s[j] != ' ' && !ispunct((unsigned char)s[j])))
			return false;
		words++;
		k = j;
		/* "TOP SECR": a second word only after the first word of a level of two. */
		if (words == 1 && k + 1 < n && s[k] == ' ' && isupper((unsigned char)s[k + 1]) &&
		    tn == 3 && memcmp(t, "TOP", 3) == 0 && tn < POLICY_WORD_MAX) {
			t[tn++] = ' ';
			k++;
			continue;
		}
		break;
	}
	if (tn == 0 || !isalpha((unsigned char)t[0]))
		return false;
	/* Signs after it that stand for no letter OCR misread ("SECRE+" is SECRET's). */
	for (e = k; e < n && strchr(" .,:;*-_~\"'", s[e]) != NULL; e++)
		continue;
	/*
	 * Before a banner's section, post and number, in title case too, and a word of English
	 * as well ("Secr SECTION 02 OF 02", "CONFIDENT SECTION 02 OF 02 KINGSTON 000382").
	 */
	rest = e < n && (post_and_number(p, s + e, n - e) ||
	    header_rest(s + e, n - e));
	return (rest || (e == n && !lower)) && reading_level_cut_short(p, t, tn, ocr || rest);
}

/*
 * Whether t[0..n), letters in upper case, is the first letters of a level's term (1), or all of it
 * (2), or neither (0).
 */
static int
level_letters(const struct policy *p, const char *t, size_t n)
{
	size_t k;
	int r = 0;

	for (k = 0; k < p->nterms && r < 2; k++)
		if (p->terms[k].level >= 1 && p->terms[k].control < 0 && n <= p->terms[k].len &&
		    memcmp(p->terms[k].text, t, n) == 0)
			r = n == p->terms[k].len ? 2 : 1;
	return r;
}

/*
 * The length of the section that opens s[0..n), "SECTION 02 OF 02" (OCR's "0F" too; in any case
 * with any_case), or 0.
 */
static size_t
section_len(const char *s, size_t n, bool any_case)
{
	size_t k = 8;

	if (n < 12 || (any_case ? strncasecmp(s, "SECTION ", 8) : strncmp(s, "SECTION ", 8)) != 0)
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	if (k == n || !isdigit((unsigned char)s[k]))
		return 0;
	while (k < n && isdigit((unsigned char)s[k]))
		k++;
	while (k < n && s[k] == ' ')
		k++;
	if (k + 2 > n || (s[k] != 'O' && s[k] != '0' && !(any_case && s[k] == 'o')) ||
	    (s[k + 1] != 'F' && !(any_case && s[k + 1] == 'f')))
		return 0;
	for (k += 2; k < n && s[k] == ' '; k++)
		continue;
	if (k == n || !isdigit((unsigned char)s[k]))
		return 0;
	while (k < n && isdigit((unsigned char)s[k]))
		k++;
	return k;
}

/*
 * Whether s[0..n) is a banner's section in capitals ("SECTION 02 OF 02") and after it nothing in
 * lower case nor a sentence's signs: a post and a number, cut short ("SECTION 02 OF 02
 * KINGSTON"), of a page's eight digits, run on into the next line's words ("... 000382 E.O.
 * 12958"), or none.
 */
static bool
section_rest(const char *s, size_t n)
{
	size_t k = section_len(s, n, false), e, dots;

	if (k == 0)
		return false;
	/* No lower case, and no word that a sentence's sign ends ("BELOW.", "012345,"): prose. */
	while (k < n) {
		while (k < n && s[k] == ' ')
			k++;
		for (e = k, dots = 0; e < n && s[e] != ' '; e++) {
			if (islower((unsigned char)s[e]))
				return false;
			dots += s[e] == '.';
		}
		if (e > k && (strchr(",;:!?", s[e - 1]) != NULL || (s[e - 1] == '.' && dots == 1)))
			return false;
		k = e;
	}
	return true;
}

/*
 * Whether s[0..n) is a post of three words at most and a cable's number, blanks before them: in
 * capitals and of four to eight digits ("  KINGSTON 000382", "  KINGSTON 00000382"), or with
 * `any_case` in any case and of four digits or more ("  Kingston 000382").
 */
static bool
post_number(const char *s, size_t n, bool any_case)
{
	size_t k = 0, words = 0, d;

	for (;;) {
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			return false;
		for (d = k; d < n && isdigit((unsigned char)s[d]); d++)
			continue;
		if (d > k)
			return d == n && d - k >= 4 && (any_case || d - k <= 8) && words > 0;
		if (++words > 3)
			return false;
		for (; k < n && s[k] != ' '; k++)
			if (!(any_case ? isalpha((unsigned char)s[k]) || strchr(".-", s[k]) != NULL :
			    isupper((unsigned char)s[k]) || strchr(".'-", s[k]) != NULL))
				return false;
	}
}

/*
 * Whether s[0..n) is a banner's section in any case and nothing after it, or a post and a number
 * (post_number: "Section 02 of 02 Kingston 000382"): what a banner holds after its level. *other
 * says a section stands first with other words after it ("Section 1 of 2 Umbra"), which may name
 * what no policy lists.
 */
static bool
section_banner_rest(const char *s, size_t n, bool *other)
{
	size_t k = section_len(s, n, true);

	*other = false;
	if (k == 0)
		return false;
	while (k < n && s[k] == ' ')
		k++;
	if (k == n)
		return true;
	*other = !post_number(s + k, n - k, true);
	return !*other;
}


/*
 * Whether the section s[0..n) (section_len) numbers as cables do, two digits or more with a zero
 * first ("SECTION 02 OF 02"; not "SECTION 12 OF 14", "SECTION 2 OF 3" of a law).
 */
static bool
padded_section(const char *s, size_t n)
{
	size_t k = 8;

	while (k < n && s[k] == ' ')
		k++;
	if (k + 1 >= n || s[k] != '0' || !isdigit((unsigned char)s[k + 1]))
		return false;
	while (k < n && (isdigit((unsigned char)s[k]) || s[k] == ' '))
		k++;
	for (k += 2; k < n && s[k] == ' '; k++)
		continue;
	return k + 1 < n && s[k] == '0' && isdigit((unsigned char)s[k + 1]);
}

/*
 * Whether s[i..n) (ASCII) is a banner whose level no rule reads: words in capitals, none a term a
 * policy knows, before a section, a post and a number ("XYZZY SECTION 02 OF 02 KINGSTON 000382":
 * a banner says its level there, and one not read is not known); a level's first letters, a
 * level's word damaged, or one word before a section numbered as cables are, with nothing after
 * it but a post cut short or none ("TOP SE SECTION 02 OF 02", "SFCRFT SECTION 02 OF 02"); the
 * first letters of a level's word in pieces before a banner's rest ("SEC RET KINGSTON 00000382
 * 002 OF 002"), and a page's header whose words are a level's (reading_page_marked). A page's
 * header of a post alone ("BEIJING 00003067  002 OF 005") is none, nor prose that names a section
 * ("UNDER SECTION 2 OF 3 OF THE LAW"). A level's word whole in OCR's digits ("S3CR3T SECTION 02
 * OF 04") is left to the reading of OCR's letters, which reads it.
 */
static bool
unread_banner(const struct policy *p, const char *s, size_t n, size_t i)
{
	char t[POLICY_WORD_MAX + 1], w[POLICY_WORD_MAX + 1];
	const struct policy_term *pt;
	size_t k = i, j, words = 0, tn = 0, joined = 0, after = 0, wn, sl;
	bool prefix = true, digits = false, whole = false, known = false, near = false;

	while (k < n && words < 4) {
		size_t tn0 = tn;
		bool digit = false;
		int r;

		for (j = k, wn = 0; j < n && (isupper((unsigned char)s[j]) ||
		    isdigit((unsigned char)s[j])); j++) {
			digit = digit || isdigit((unsigned char)s[j]);
			if (wn < POLICY_WORD_MAX)
				w[wn++] = isdigit((unsigned char)s[j]) ?
				    reading_ocr_sign_letter((unsigned char)s[j], s[j]) : s[j];
		}
		if (j == k || (j < n && s[j] != ' '))
			return false;
		words++;
		/* A word a policy knows ("QUOTE UNCLAS SECTION"): the line is read by its rules. */
		known = known || ((pt = policy_term_find(p, s + k, j - k)) != NULL &&
		    (pt->level >= 0 || pt->control >= 0));
		/* A level's word one or two slips or OCR's from one ("SFCRET", "CNFDNTL"). */
		near = near || (wn >= 4 && (level_word_near(p, w, wn, true) ||
		    ((pt = reading_word_term(p, w, wn, true)) != NULL && pt->level >= 1)));
		/* The words' letters joined, while they are a level's first letters. */
		if (tn + wn <= POLICY_WORD_MAX) {
			memcpy(t + tn, w, wn);
			tn += wn;
		}
		if (prefix && (prefix = (r = level_letters(p, t, tn)) > 0)) {
			joined = tn;
			after = j;
			digits = digits || digit;
			whole = r == 2;
		}
		tn = prefix ? tn : tn0;
		while (j < n && s[j] == ' ')
			j++;
		/* A sign between the words and the section ("SFCRFT - SECTION 02 OF 02"). */
		for (k = j; k < n && strchr("-:/|*", s[k]) != NULL; k++)
			continue;
		if (k > j && k < n && s[k] == ' ') {
			while (k < n && s[k] == ' ')
				k++;
		} else {
			k = j;
		}
		/*
		 * Words before a section, a post and a number ("XYZZY SECTION 02 OF 02 KINGSTON
		 * 000382"); a level's first letters or a level damaged before a section and what
		 * a banner has after it, cut short or none ("SFCRFT SECTION 02 OF 02"). Not prose
		 * in capitals ("UNDER SECTION 2 OF 3 OF THE LAW", "TITLE IV SECTION 12 OF 14").
		 */
		if ((sl = section_len(s + k, n - k, false)) > 0) {
			if ((post_number(s + k + sl, n - k - sl, false) && !known) ||
			    (section_rest(s + k, n - k) && (joined >= 3 || near ||
			    (padded_section(s + k, sl) && words == 1 && !known))))
				return !(prefix && whole && digits);
			break;
		}
		k = j;
	}
	if (reading_page_marked(p, s + i, n - i) && !(whole && digits))
		return true;
	if (joined < 3 || after == 0 || (whole && digits))
		return false;
	while (after < n && s[after] == ' ')
		after++;
	return after < n && (post_and_number(p, s + after, n - after) ||
	    header_rest(s + after, n - after));
}

/* The most words before a page header's number that reading_page_marked reads. */
#define PAGE_WORDS 6

bool
reading_page_marked(const struct policy *p, const char *s, size_t n)
{
	char t[POLICY_WORD_MAX + 1];
	size_t starts[PAGE_WORDS], ends[PAGE_WORDS], nw = 0, k = 0, j, w, e, tn;
	const struct policy_term *pt;

	/* The words up to a number of five to eight digits; a page's number and OF after it. */
	for (;;) {
		while (k < n && s[k] == ' ')
			k++;
		for (e = k; e < n && s[e] != ' '; e++)
			continue;
		if (e == k)
			return false;
		for (j = k; j < e && isdigit((unsigned char)s[j]); j++)
			continue;
		if (j == e && e - k >= 5 && e - k <= 8)
			break;
		if (nw == PAGE_WORDS)
			return false;
		starts[nw] = k;
		ends[nw++] = e;
		k = e;
	}
	if (nw == 0 || e == n || !header_rest(s + e, n - e))
		return false;
	for (w = 0; w < nw; w++) {
		/* Each word and the words after it joined, hyphens and dots dropped. */
		for (j = w, tn = 0; j < nw; j++) {
			for (k = starts[j]; k < ends[j]; k++) {
				if (s[k] == '-' || s[k] == '.' || s[k] == '\'')
					continue;
				if (!isupper((unsigned char)s[k]) && !isdigit((unsigned char)s[k]))
					break;
				if (tn == POLICY_WORD_MAX)
					break;
				t[tn++] = isdigit((unsigned char)s[k]) ?
				    reading_ocr_sign_letter((unsigned char)s[k], s[k]) : s[k];
			}
			if (k < ends[j])
				break;
			/* A level's first letters from the first word on ("SEC RET", "TOP SE"). */
			if (w == 0 && tn >= 3 && level_letters(p, t, tn) > 0)
				return true;
			if ((pt = policy_term_find(p, t, tn)) != NULL && (pt->level >= 1 ||
			    pt->control >= 0))
				return true;
			/* One word as OCR or a slip makes a level's or a control's ("SFCRET"). */
			if (j == w && tn >= 5 && (pt = reading_word_term(p, t, tn, true)) != NULL &&
			    (pt->level >= 1 || pt->control >= 0))
				return true;
		}
	}
	return false;
}

static bool
class_line_read(const struct policy *p, const struct fold *f, bool wrapped, struct marking *m,
    bool *dropped_unknown)
{
	char s[FOLD_MAX + 1];
	size_t n, i = 0, k, word, wild = 0;
	const struct policy_term *lv;
	bool lower = false, unreadable, labelled;
	int glued = -1;

	if (f->cut)
		return false;
	n = fold_ascii(f, s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 200)
		return false;
	if ((n = drop_marks(p, s, n, dropped_unknown)) == 0)
		return false;
	unreadable = memchr(s, '?', n) != NULL;
	for (k = 0; k < n; k++)
		lower = lower || is_lower(s[k]);
	/* Decoration before the level: markdown, emphasis, quotation marks ("\"Secret\""). */
	while (i < n && strchr(" #*>|_=~-/.\"'", s[i]) != NULL)
		i++;
	/*
	 * "CLASSIFICATION: SECRET", "Classification - Confidential", "Security Classification:
	 * SECRET", "Classification Level: SECRET", "Classified: Secret". ("Class: SECRET" in a
	 * FOIA release's declassification stamp names what the original was, not this text.)
	 */
	{
		size_t ln = n, li = reading_label(s, &ln, i);

		labelled = li != i && !authority_words(s, n);
		if (labelled) {
			i = li;
			n = ln;
		}
	}
	/* "CLASSIFICATION: S": after a label, a level's letter alone says it. */
	if (labelled && n - i <= 2 && labelled_letter(p, s + i, n - i, m))
		return true;
	/* "CLASSIFIED" alone: a level that is not said. */
	if (n - i >= 10 && strncasecmp(s + i, "classified", 10) == 0 &&
	    strspn(s + i + 10, " .:;,*_~=-/\"'") >= n - i - 10 && !(wrapped && is_lower(s[i]))) {
		marking_init(m);
		m->unknown = true;
		return true;
	}
	/* A mark written alone on a line with no brackets ("S/NF", "TS/SI/NF", "C//REL TO GBR"). */
	if (bare_mark(p, s + i, n - i, m))
		return true;
	word = i;
	lv = class_level(p, s, n, &i, false, &glued, &wild);
	if (lv == NULL)
		lv = abbreviated_level(p, s, n, &i);
	/*
	 * No level, or one that a word's letters go on from ("SECRETARY" is a word of its own):
	 * a level cut short ("CONFID", "TOP SECR"), or else words that name controls.
	 */
	if (lv == NULL || (i < n && is_letterish(s[i]))) {
		if (!wrapped && cut_level_line(p, s, n, word)) {
			marking_unknown(m, "a level's word cut short");
			return true;
		}
		if (!wrapped && unread_banner(p, s, n, word)) {
			marking_unknown(m, "a banner whose level is not read");
			return true;
		}
		goto named;
	}
	/*
	 * "Officials", "Secrets": a plural in lower case is a word. Another scheme's level is one
	 * only in capitals ("official, a turf war" is prose); so is ours in a sentence that wraps
	 * onto the line ("kept\nconfidential, he said").
	 */
	for (k = word; k < i; k++)
		if (is_lower(s[k]))
			break;
	if (k < i && ((s[i - 1] == 's' && policy_term_find(p, lv->text, lv->len) == lv &&
	    i - word > lv->len) || lv->level < 0 || (wrapped && is_lower(s[word]) &&
	    !(i + 1 < n && s[i] == '/' && s[i + 1] == '/'))))
		return false;
	marking_init(m);
	if (lv->level >= 0) {
		m->level = lv->level;
	} else {
		m->unknown = true;
		snprintf(m->unknown_token, sizeof(m->unknown_token), "%.39s", lv->text);
	}
	if (glued >= 0)
		join_control(p, glued, m);
	/* A letter that cannot be read: the line says a level, and nothing more is known. */
	m->unknown = m->unknown || unreadable;
	k = i;
	while (k < n && s[k] == ' ')
		k++;
	/* The level alone, or with punctuation only: "Secret", "SECRET:", "SECRET." */
	if (k == n || strspn(s + k, " .:;,*_~=-/\"'#") >= n - k)
		return true;
	/*
	 * A banner's section after it, in any case ("Secret Section 02 of 02 Kingston 000382"), or
	 * a section and other words ("Secret Section 1 of 2 Umbra"): the level is known, what else
	 * is not.
	 */
	{
		bool other;

		if (section_banner_rest(s + k, n - k, &other))
			return true;
		if (other) {
			m->unknown = true;
			snprintf(m->unknown_token, sizeof(m->unknown_token), "%s", WORDS_BESIDE);
			return true;
		}
	}
	/*
	 * Words after the level: a marking's words ("SECRET NOFORN", "Secret//Noforn",
	 * "SECRET/REL YEMEN"); in capitals, a marking word first is enough ("SECRET NOFORN
	 * SOURCES" is read, and its unknown words make it unknown). A separator says the same.
	 */
	if (strchr("/|:-", s[k]) == NULL) {
		int r = words_after_level(p, s, n, k, word, i, lower, lv, m);

		if (r != 0)
			return r > 0;
	}
	/*
	 * A level and a separator ("SECRET//NOFORN The source", "Confidential: the plan") is a
	 * classification whatever follows; words that are no marking's make it unknown.
	 */
	class_rest(p, s + k, n - k, m);
	return true;
named:
	/* A declassification stamp names what the original was ("Classified by ... Class: C"). */
	if (unreadable || authority_words(s, n))
		return false;
	return named_level(p, s, n, lower, m);
}

/*
 * Matches the words from s[*i..n) against control names, longest run first, their letters
 * compared alone ("NO FORN", "F O U O", "Noforn"); a byte 0x80 is a letter that cannot be read
 * (wild_equal). Returns the control and moves *i past the run, or returns -1.
 */
/* Whether s[0..n) is all ASCII. */
static bool
all_ascii(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((unsigned char)s[k] >= 0x80)
			return false;
	return true;
}

/*
 * Whether the words control_run reads from s[k..n), where a word begins at k, are all ASCII: the
 * bytes up to the first bracket after them, or up to the start of the word after RUN_WORDS of
 * them, or the end. A byte not in ASCII is part of a word (next_word).
 */
static bool
ascii_run(const char *s, size_t n, size_t k)
{
	size_t words = 0, start = k;

	for (; k < n; k++) {
		if ((unsigned char)s[k] >= 0x80)
			return false;
		if (is_open(s[k]) || is_close(s[k]))
			return true;
		if (is_alnum(s[k]) && (k == start || !is_alnum(s[k - 1])) && ++words > RUN_WORDS)
			return true;
	}
	return true;
}

static int
control_run(const struct policy *p, const char *s, size_t n, size_t *i)
{
	struct word words[RUN_WORDS];
	char t[POLICY_WORD_MAX + 1];
	size_t nw = 0, k = *i, run, ends[RUN_WORDS], tn = 0, w, j;
	bool ascii;

	/*
	 * The test below on the first letter, made before the words are read where they are all
	 * ASCII: most words begin with a letter no term does.
	 */
	k = word_from(s, n, k);
	if (k == n || ((unsigned char)s[k] < 0x80 && !p->term_first[(unsigned char)to_upper(s[k])] &&
	    ascii_run(s, n, k)))
		return -1;
	k = *i;
	/*
	 * The words of one name may be parted by anything but a bracket ("NO FORN", "F.O.U.O",
	 * "N/F", "NO|FORN"): "D(S)", an office, is no "DS".
	 */
	while (nw < RUN_WORDS && next_span(s, n, &k, &words[nw])) {
		if (nw > 0)
			for (j = words[nw - 1].end; j < words[nw].start; j++)
				if (is_open(s[j]) || is_close(s[j]))
					break;
		if (nw > 0 && j < words[nw].start)
			break;
		nw++;
	}
	/*
	 * Every run begins with the first word's first letter: where no term begins so and every
	 * byte is ASCII (none unreadable, none that a term's form drops), no run is a term.
	 */
	ascii = nw > 0 && all_ascii(s + words[0].start, words[nw - 1].end - words[0].start);
	if (ascii && !p->term_first[(unsigned char)to_upper(s[words[0].start])])
		return -1;
	/*
	 * Each run's text is the words' letters in upper case, up to POLICY_WORD_MAX: a shorter
	 * run's is the first bytes of a longer one's, so they are written once.
	 */
	for (w = 0; w < nw; w++) {
		for (j = words[w].start; j < words[w].end && tn < POLICY_WORD_MAX; j++)
			t[tn++] = to_upper(s[j]);
		ends[w] = tn;
	}
	for (run = nw; run > 0; run--) {
		size_t wild = 0;
		const struct policy_term *pt;

		tn = ends[run - 1];
		/*
		 * All ASCII, the text is letters and digits in upper case: a term's form as it
		 * is, and none that is longer than any term, nor one with unreadable letters.
		 */
		if (ascii && tn > p->term_max)
			continue;
		if ((pt = ascii ? policy_term_find_form(p, t, tn) : policy_term_find(p, t, tn)) != NULL &&
		    pt->control >= 0) {
			*i = words[run - 1].end;
			return pt->control;
		}
		/* A letter that cannot be read (0x80) matches any: none in ASCII. */
		if (ascii || memchr(t, 0x80, tn) == NULL)
			continue;
		for (j = 0; j < p->nterms; j++)
			if (p->terms[j].control >= 0 && wild_equal(&p->terms[j], t, tn, &wild)) {
				*i = words[run - 1].end;
				return p->terms[j].control;
			}
	}
	return -1;
}

/*
 * Whether s[0..n), words of capitals and signs with OCR's digits, "l" or "|" among them or one
 * slip in a word alone, names controls when those are read as the letters OCR mistakes them for
 * ("0RCON", "WNlNTEL", "WN|NTEL", "NOFORN/0RCON", "-- 0RCON --", "HANDLE VlA BYEMAN CONTROL
 * SYSTEM", "ORCQN", "WNINTFL"): the caption of those controls, their bits in *bits.
 */
static bool
ocr_caption(const struct policy *p, const char *s, size_t n, uint64_t *bits)
{
	char t[FOLD_MAX + 1];
	const struct policy_term *pt;
	size_t k, upper = 0, slips = 0, words = 0, a = 0, b = 0;
	struct word wd;

	if (n > FOLD_MAX)
		return false;
	/* Most lines have none of OCR's letters and more than one word: nothing to read again. */
	for (k = 0; k < n && !(s[k] == 'l' || s[k] == '|' || isdigit((unsigned char)s[k])); k++)
		words += s[k] == ' ' && k > 0 && s[k - 1] != ' ' && k + 1 < n && is_alnum(s[k + 1]);
	if (k == n && words > 0)
		return false;
	words = 0;
	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c >= 0x80 || is_open(s[k]) || is_close(s[k]) || (is_lower(s[k]) && c != 'l'))
			return false;
		if (c == 'l' || c == '|' || isdigit(c))
			slips++;
		else if (isupper(c))
			upper++;
		t[k] = c == 'l' || c == '|' ? 'I' : reading_ocr_letter(s[k]);
	}
	/* Most of each name in capitals: "1968" and "B1" are no controls'. */
	if (upper < 3 || slips > upper)
		return false;
	*bits = 0;
	k = 0;
	while (next_word(t, n, &k, &wd)) {
		size_t at = wd.start;
		int c = control_run(p, t, n, &at);

		if (words++ == 0)
			a = wd.start;
		b = wd.end;
		if (c < 0) {
			*bits = 0;
			break;
		}
		*bits |= (uint64_t)1 << c;
		k = at;
	}
	/* With none of OCR's letters, the caption is the plain reading's to read. */
	if (*bits != 0 && slips > 0)
		return true;
	*bits = 0;
	/* One word of five letters or more, one slip from a control's name ("ORCQN"). */
	if (words == 1 && b - a >= 5 && (pt = reading_word_term(p, t + a, b - a, true)) != NULL &&
	    pt->control >= 0) {
		*bits = (uint64_t)1 << pt->control;
		return true;
	}
	*bits = 0;
	return false;
}

bool
reading_caption(const struct policy *p, const struct fold *f, uint64_t *bits, bool *labelled)
{
	char s[FOLD_MAX + 1];
	size_t n, i = 0, k, start;
	struct word wd;

	*bits = 0;
	if (f->cut)
		return false;
	/*
	 * A look-alike letter is the Latin one it passes for ("ɴᴏꜰᴏʀɴ"); any other letter that
	 * cannot be read ("NОFORN" with a letter no table knows) is a wildcard: 0x80.
	 */
	n = fold_ascii_skeleton(f, s);
	for (k = 0; k < n; k++)
		if (s[k] == '?')
			s[k] = (char)0x80;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	/*
	 * "Dissem: NOFORN", "Handling: NOFORN": the controls after a label; not a control's name
	 * that holds a label's word ("HANDLE VIA BYEMAN CONTROL SYSTEM").
	 */
	start = i;
	k = n;
	i = reading_label(s, &k, i);
	/* "HANDLE VlA BYEMAN CONTROL SYSTEM": OCR's letters in a name that holds a label's word. */
	if (i != start && ocr_caption(p, s + start, n - start, bits)) {
		if (labelled != NULL)
			*labelled = false;
		return true;
	}
	if (i != start) {
		size_t at = start, end = n;

		/* "HANDLE VIA BYEMAN CONTROL SYSTEM ONLY.": a sentence's stop after the name. */
		while (end > start && strchr(".:;,", s[end - 1]) != NULL)
			end--;
		if (control_run(p, s, n, &at) >= 0 && at >= end)
			i = start;
		else
			n = k;
	}
	if (labelled != NULL)
		*labelled = i != start;
	if (i == n || n - i > 100)
		return false;
	/* "SBU/NF)": a mark that lost a bracket is one, not a caption. */
	{
		size_t open = 0, close = 0;

		for (k = i; k < n; k++) {
			open += is_open(s[k]);
			close += is_close(s[k]);
		}
		if (open != close)
			return false;
	}
	for (k = i; k < n; k++)
		if ((s[k] >= '0' && s[k] <= '9'))
			return ocr_caption(p, s + i, n - i, bits);
	if (ocr_caption(p, s + i, n - i, bits))
		return true;
	/*
	 * "(SBU)" on a line of its own is a mark: a portion starts there; so is one after a
	 * bullet, in emphasis or in a second bracket ("- (SBU/NF)", "**(SBU/NF)**", "((SBU/NF))"),
	 * and one whose level is gone ("(//NF)").
	 */
	for (k = i; k < n; k++) {
		struct group g;
		size_t j = k + 1;

		if (is_open(s[k]) && reading_group_at(p, f, k, &g) &&
		    (g.kind == GROUP_MARK || g.has_level))
			return false;
		/* "(//NF)", "( / NOFORN)": a mark whose level is gone, not a caption. */
		while (j < n && s[j] == ' ')
			j++;
		if (is_open(s[k]) && j < n && s[j] == '/')
			return false;
	}
	/* Letter-spaced, every word one letter ("L I M I T E D  O F F I C I A L  U S E"). */
	{
		char t[POLICY_WORD_MAX + 1];
		const struct policy_term *pt;
		size_t tn = 0;

		for (k = i; k < n && tn < POLICY_WORD_MAX; k++) {
			if (s[k] == ' ')
				continue;
			if (!is_alpha(s[k]) || (k + 1 < n && s[k + 1] != ' '))
				break;
			t[tn++] = to_upper(s[k]);
		}
		if (k == n && tn > RUN_WORDS && (pt = policy_term_find(p, t, tn)) != NULL &&
		    pt->control >= 0) {
			*bits = (uint64_t)1 << pt->control;
			return true;
		}
	}
	k = i;
	while (next_word(s, n, &k, &wd)) {
		size_t at = wd.start;
		int c = control_run(p, s, n, &at);

		if (c < 0)
			return false;
		*bits |= (uint64_t)1 << c;
		k = at;
	}
	return *bits != 0;
}

/*
 * A control named as a label, in any case: at the head of a line or of a subject, after "RE:",
 * "FW:" and the like, before ':' or a dash ("Subject: FW: SBU: Haiti", "SBU: The list", "Sbu -
 * the list") or, in capitals, before words or any separator ("SBU Haiti list", "SBU//Haiti");
 * after a dash at the line's end ("Haiti evacuation list -- SBU"), or in capitals as the last
 * words ("Haiti list - SBU", "Haiti list: NOFORN", "list SBU", en and em dashes), spaces and a
 * sentence's punctuation after them aside. Returns its bit, or 0.
 */
/* Whether s[0..n) has letters and none of them in lower case. */
bool
reading_capitals(const char *s, size_t n)
{
	size_t k;
	bool any = false;

	for (k = 0; k < n; k++) {
		if (is_lower(s[k]))
			return false;
		any = any || is_alpha(s[k]);
	}
	return any;
}

/* The names of a subject's fields that a control may follow ("Subject: FW: SBU: Haiti"). */
static const char *const subject_words[] = { "subject", "subj", "re", "fw", "fwd", "aw", "wg" };

bool
reading_subject_word(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof(subject_words) / sizeof(subject_words[0]); k++)
		if (strlen(subject_words[k]) == n && strncasecmp(s, subject_words[k], n) == 0)
			return true;
	return false;
}

static uint64_t
control_label(const struct policy *p, const char *s, size_t n)
{
	size_t i = 0, k, at, e, w;
	int c;

	/* Spaces and a sentence's punctuation at the end say nothing ("... - SBU. "). */
	while (n > 0 && strchr(" \t.,;:", s[n - 1]) != NULL)
		n--;
	for (;;) {
		while (i < n && s[i] == ' ')
			i++;
		for (k = 0; k < sizeof(subject_words) / sizeof(subject_words[0]); k++) {
			size_t l = strlen(subject_words[k]);

			if (n - i > l && strncasecmp(s + i, subject_words[k], l) == 0 && s[i + l] == ':')
				break;
		}
		if (k == sizeof(subject_words) / sizeof(subject_words[0]))
			break;
		i += strlen(subject_words[k]) + 1;
	}
	at = i;
	if ((c = control_run(p, s, n, &at)) >= 0 && p->controls[c].kind != CONTROL_DISTRIBUTION) {
		size_t end = at;

		while (at < n && s[at] == ' ')
			at++;
		/*
		 * "SBU: The list", "SBU - the list"; in capitals, before words or any separator
		 * ("SBU Haiti evacuation list", "SBU//Haiti", "SBU_Haiti_list.xlsx").
		 */
		if (at >= n || s[at] == ':' || s[at] == '-' ||
		    (reading_capitals(s + i, end - i) && (at > end || !is_alnum(s[at]))))
			return (uint64_t)1 << c;
	}
	/* "... -- SBU": the last words after a dash, in any case. */
	for (e = n; e > 0 && s[e - 1] != '-'; e--)
		continue;
	if (e > 1 && e < n && s[e - 2] == '-') {
		at = e;
		if ((c = control_run(p, s, n, &at)) >= 0 && at >= n &&
		    p->controls[c].kind != CONTROL_DISTRIBUTION)
			return (uint64_t)1 << c;
	}
	/*
	 * The last words, in capitals, after anything that parts words: "Haiti list - SBU",
	 * "Haiti list: NOFORN", "Haiti list / FOUO", "list, SBU", "list SBU", en and em dashes,
	 * "... LIMITED OFFICIAL USE".
	 */
	for (w = 0, e = n; w < RUN_WORDS && e > 0; w++) {
		while (e > 0 && !is_alnum(s[e - 1]))
			e--;
		while (e > 0 && (is_alnum(s[e - 1]) || s[e - 1] == '-'))
			e--;
		at = e;
		if (reading_capitals(s + e, n - e) && (c = control_run(p, s, n, &at)) >= 0 && at >= n &&
		    p->controls[c].kind != CONTROL_DISTRIBUTION)
			return (uint64_t)1 << c;
	}
	return 0;
}

/* Whether the bracket s[at] opens holds prose (a letter in lower case) before it closes. */
static bool
prose_in_brackets(const char *s, size_t n, size_t at)
{
	size_t k;

	for (k = at + 1; k < n && !is_close(s[k]) && !is_open(s[k]); k++)
		if (is_lower(s[k]))
			return true;
	return false;
}

/*
 * Whether s[0..n) is name, in any case, a letter that cannot be read (0x80) matching any
 * ("Nоforn" with a Cyrillic o).
 */
static bool
name_equal(const char *s, size_t n, const char *name)
{
	size_t k;

	for (k = 0; k < n && name[k] != '\0'; k++)
		if ((unsigned char)s[k] != 0x80 &&
		    toupper((unsigned char)s[k]) != toupper((unsigned char)name[k]))
			return false;
	return k == n && name[k] == '\0';
}

/*
 * Whether s[0..n) begins with word, in any case, a letter that cannot be read (0x80) matching
 * any, up to a third of them.
 */
static bool
begins_with_name(const char *s, size_t n, const char *word)
{
	size_t k, wild = 0;

	for (k = 0; word[k] != '\0'; k++) {
		if (k == n)
			return false;
		if ((unsigned char)s[k] == 0x80)
			wild++;
		else if (toupper((unsigned char)s[k]) != toupper((unsigned char)word[k]))
			return false;
	}
	return 3 * wild <= k;
}

/* Whether s[0..n) holds word (begins_with_name) anywhere. */
static bool
holds_name(const char *s, size_t n, const char *word)
{
	size_t len = strlen(word), o;

	for (o = 0; o + len <= n; o++)
		if (begins_with_name(s + o, n - o, word))
			return true;
	return false;
}

/* The words of s[a..b), parted by spaces or dashes: "U.S. only" is two ("The U.S. only wants"). */
static size_t
run_words(const char *s, size_t a, size_t b)
{
	size_t e, words = 0;

	for (e = a; e < b; e++)
		words += s[e] != ' ' && s[e] != '-' &&
		    (e == a || s[e - 1] == ' ' || s[e - 1] == '-');
	return words;
}

/*
 * The control of NOFORN's kind whose name (or alias of one word), of five letters or more, word
 * wd of s holds with more letters or digits, in any case: inflected, prefixed, numbered by a
 * footnote or glued to another word ("NOFORNed", "NOFORNization", "reNOFORNed", "NOFORN2",
 * "SecretNoforn"). No word of prose holds one. -1, or the control.
 */
static int
inflected_control(const struct policy *p, const char *s, const struct word *wd)
{
	size_t n = wd->end - wd->start, c, a;

	if (p->noforn_words_all) {
		for (c = 0; c < p->nnoforn_words; c++)
			if (n > p->noforn_words[c].len &&
			    holds_name(s + wd->start, n, p->noforn_words[c].text))
				return p->noforn_words[c].control;
		return -1;
	}
	for (c = 0; c < p->ncontrols; c++) {
		const struct policy_control *pc = &p->controls[c];
		size_t len = strlen(pc->name);

		if (pc->kind != CONTROL_NOFORN)
			continue;
		if (len >= 5 && n > len && holds_name(s + wd->start, n, pc->name))
			return (int)c;
		for (a = 0; a < pc->naliases; a++) {
			len = strlen(pc->aliases[a]);
			if (len >= 5 && n > len && strchr(pc->aliases[a], ' ') == NULL &&
			    holds_name(s + wd->start, n, pc->aliases[a]))
				return (int)c;
		}
	}
	return -1;
}

/* Whether s[0..n), in any case, is an alias of control pc of one word of six letters or more. */
static bool
word_alias(const struct policy_control *pc, const char *s, size_t n)
{
	size_t a;

	for (a = 0; a < pc->naliases; a++)
		if (strlen(pc->aliases[a]) >= 6 && strchr(pc->aliases[a], ' ') == NULL &&
		    name_equal(s, n, pc->aliases[a]))
			return true;
	return false;
}

/*
 * Whether the sentence s[k] stands in opens by saying it of the whole document ("THIS CABLE IS
 * SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET DISTRIBUTION", "This message is FOUO"): the
 * document's marking, which a caption line gives; a portion's own mark still says what the
 * portion gives.
 */
static bool
whole_said(const char *s, size_t k)
{
	static const char *const wholes[] = { "CABLE", "MESSAGE", "DOCUMENT", "TELEGRAM", "EMAIL",
	    "MEMO", "MEMORANDUM", "REPORT" };
	size_t b = k, e, w;
	char up[16];

	/* Right before it ("... June 12 THIS CABLE IS SENSITIVE BUT UNCLASSIFIED."). */
	for (e = k; e > 0 && s[e - 1] == ' '; e--)
		continue;
	if (e >= 3 && (strncasecmp(s + e - 3, " IS", 3) == 0 || (e >= 4 &&
	    strncasecmp(s + e - 4, " ARE", 4) == 0))) {
		for (e -= s[e - 3] == ' ' ? 3 : 4; e > 0 && s[e - 1] == ' '; e--)
			continue;
		for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
			continue;
		if (e > b && e - b < sizeof(up)) {
			upper_form(s + b, e - b, up);
			if (word_listed(wholes, sizeof(wholes) / sizeof(wholes[0]), up, e - b))
				return true;
		}
	}
	/* Or its sentence opens so ("THIS CABLE IS SENSITIVE ... AND NOT FOR INTERNET ..."). */
	b = k;
	while (b > 0 && s[b - 1] != '.' && s[b - 1] != ';' && s[b - 1] != ':' && s[b - 1] != ')')
		b--;
	for (w = 0; w < 3 && b < k; w++) {
		while (b < k && s[b] == ' ')
			b++;
		for (e = b; e < k && is_alpha(s[e]); e++)
			continue;
		if (e == b || e - b >= sizeof(up))
			return false;
		upper_form(s + b, e - b, up);
		if (w == 0 && ((e - b == 4 && memcmp(up, "THIS", 4) == 0) || (e - b == 3 &&
		    memcmp(up, "THE", 3) == 0))) {
			b = e;
			continue;
		}
		if (!word_listed(wholes, sizeof(wholes) / sizeof(wholes[0]), up, e - b))
			return false;
		for (b = e; b < k && s[b] == ' '; b++)
			continue;
		for (e = b; e < k && is_alpha(s[e]); e++)
			continue;
		upper_form(s + b, e - b < sizeof(up) ? e - b : 0, up);
		return (e - b == 2 && memcmp(up, "IS", 2) == 0) || (e - b == 3 &&
		    memcmp(up, "ARE", 3) == 0);
	}
	return false;
}

static bool stated_word(const struct policy *p, const char *s, const struct word *wd);

/*
 * Whether s[k] follows a field of CUI's designation block that names categories ("CUI Category:
 * PRVCY"): the banner's, which names them already.
 */
static bool
category_field(const char *s, size_t k)
{
	size_t e = k, b;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e == 0 || s[e - 1] != ':')
		return false;
	for (b = --e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	return (e - b == 8 && strncasecmp(s + b, "category", 8) == 0) || (e - b == 10 &&
	    strncasecmp(s + b, "categories", 10) == 0);
}

/* Whether "//" or "--" stands right before s[k], past spaces: a mark's sign ("// SBU"). */
static bool
mark_sign_before(const char *s, size_t k)
{
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return k >= 2 && ((s[k - 1] == '/' && s[k - 2] == '/') || (s[k - 1] == '-' &&
	    s[k - 2] == '-'));
}

/* Whether a word in lower case follows s[..e): a noun a name qualifies ("ORCON policy"). */
static bool
noun_after(const char *s, size_t n, size_t e)
{
	while (e < n && s[e] == ' ')
		e++;
	return e < n && is_lower(s[e]);
}

/* Whether word wd of s (capitals) is a handling control's own name: the cheap look before a run. */
static bool
handling_word(const struct policy *p, const char *s, const struct word *wd)
{
	char up[POLICY_WORD_MAX + 1];
	const struct policy_term *t;
	size_t len = wd->end - wd->start;

	if (len > POLICY_WORD_MAX)
		return false;
	memcpy(up, s + wd->start, len);
	return (t = policy_term_find(p, up, len)) != NULL && t->control >= 0 &&
	    p->controls[t->control].kind == CONTROL_HANDLING;
}

uint64_t
reading_capital_controls(const struct policy *p, const char *s, size_t n)
{
	uint64_t bits = 0;
	size_t k = 0, j = 0, letters, words, e;
	int depth = 0;
	bool prose = false;
	struct word wd;

	while (next_word(s, n, &k, &wd)) {
		size_t at = wd.start;
		int c;

		/*
		 * Outside brackets, or in brackets that hold prose ("(NOFORN per originator)"): a
		 * mark's controls ("(C/NOFORN)") are its portion's.
		 */
		for (; j < wd.start; j++) {
			if (is_open(s[j]) && depth++ == 0)
				prose = prose_in_brackets(s, n, j);
			else if (is_close(s[j]) && depth > 0)
				depth--;
		}
		if (depth > 0 && !prose)
			continue;
		/*
		 * A handling control's name in capitals, a word of its own ("-- FOUO.", "// SBU",
		 * "This item is ORCON.", "LIMITED OFFICIAL USE"; not before a word in lower case,
		 * "ORCON policy was reviewed"): every signal raises. Of one the
		 * policy says documents state, its own name or an alias of several words (not
		 * "SENSITIVE", a word); of another, its own name of one word of five letters or more
		 * ("ORCON", "PROPIN"; not "FISA", a law's, nor "COMINT channels", a discipline's);
		 * four letters or more (not "LES", the Embassy's locally employed staff), or three
		 * after a mark's sign ("// SBU", "-- LOU.").
		 */
		if (isupper((unsigned char)s[wd.start]) &&
		    p->term_first[(unsigned char)s[wd.start]] && wd.end - wd.start >= 2 && reading_capitals(s + wd.start, wd.end - wd.start) &&
		    (handling_word(p, s, &wd) || stated_word(p, s, &wd)) &&
		    (c = control_run(p, s, n, &at)) >= 0 && c < 64 &&
		    p->controls[c].kind == CONTROL_HANDLING && (at == n || !is_alnum(s[at])) &&
		    (wd.start == 0 || !is_alnum(s[wd.start - 1])) &&
		    (at - wd.start >= 4 || (at - wd.start == 3 && mark_sign_before(s, wd.start))) &&
		    reading_capitals(s + wd.start, at - wd.start) &&
		    (name_equal(s + wd.start, at - wd.start, p->controls[c].name) ||
		    (p->controls[c].stated && memchr(s + wd.start, ' ', at - wd.start) != NULL)) &&
		    (p->controls[c].stated || (at - wd.start >= 5 &&
		    strchr(p->controls[c].name, ' ') == NULL)) && !whole_said(s, wd.start) &&
		    !noun_after(s, n, at) && !category_field(s, wd.start)) {
			bits |= (uint64_t)1 << c;
			k = at;
			continue;
		}
		at = wd.start;
		/* A word of six letters or more may hold a name within it ("reNOFORNed"). */
		if (!p->noforn_first[(unsigned char)s[wd.start]]) {
			if (wd.end - wd.start >= 6 && (c = inflected_control(p, s, &wd)) >= 0) {
				bits |= (uint64_t)1 << c;
				k = wd.end;
			}
			continue;
		}
		if ((c = control_run(p, s, n, &at)) < 0 || p->controls[c].kind != CONTROL_NOFORN) {
			/* "NOFORNed", "NOFORN2": the word begins with its name. */
			if ((c = inflected_control(p, s, &wd)) >= 0) {
				bits |= (uint64_t)1 << c;
				k = wd.end;
			}
			continue;
		}
		/*
		 * The run whole, of five letters or more ("US ONLY"; not "NF"): in capitals; or, in
		 * any case, the control's own name ("Noforn"), an alias of one word of six letters
		 * or more ("Noforeign") or three words or more ("No Foreign Dissem", "not
		 * releasable to foreign nationals"), which prose says of nothing else.
		 */
		for (e = wd.start, letters = 0; e < at; e++)
			letters += is_alpha(s[e]) || (unsigned char)s[e] == 0x80;
		words = run_words(s, wd.start, at);
		while (at > wd.start && s[at - 1] == ' ')
			at--;
		if (letters < 5 || (at < n && is_alnum(s[at])) ||
		    !(reading_capitals(s + wd.start, at - wd.start) || words >= 3 ||
		    name_equal(s + wd.start, at - wd.start, p->controls[c].name) ||
		    word_alias(&p->controls[c], s + wd.start, at - wd.start)))
			continue;
		bits |= (uint64_t)1 << c;
		k = at;
	}
	return bits;
}

/*
 * s[0..n) into t with the digits OCR makes of letters inside a word of letters as those letters
 * ("NOF0RN", "N0F0RN" are "NOFORN"); returns whether one was.
 */
static bool
ocr_words(const char *s, size_t n, char *t)
{
	size_t k;
	bool any = false;

	for (k = 0; k < n; k++) {
		t[k] = s[k];
		/*
		 * Between letters, first in a word before two, last after two ("N0F0RN", "0RCON",
		 * "UKE0"; not "F-16s", "MUSCAT1065").
		 */
		if ((s[k] == '0' || s[k] == '1' || s[k] == '5' || s[k] == '8') &&
		    (((k + 1 < n && is_alpha(s[k + 1])) && ((k > 0 && is_alpha(s[k - 1])) ||
		    ((k == 0 || !is_alnum(s[k - 1])) && k + 2 < n && is_alpha(s[k + 2])))) ||
		    (k >= 2 && is_alpha(s[k - 1]) && is_alpha(s[k - 2]) &&
		    (k + 1 == n || !is_alnum(s[k + 1]))))) {
			t[k] = reading_ocr_letter(s[k]);
			any = true;
		}
	}
	return any;
}

/*
 * Whether s[0..n) has, after two capitals, a digit, a space before a digit, '*' or the first
 * byte of a sign not in ASCII: where reading_drop_footnotes drops nothing else, nothing.
 */
static bool
footnote_after_capitals(const char *s, size_t n)
{
	size_t k;

	for (k = 2; k < n; k++)
		if (s[k - 1] >= 'A' && s[k - 1] <= 'Z' && s[k - 2] >= 'A' && s[k - 2] <= 'Z' &&
		    ((s[k] >= '0' && s[k] <= '9') || s[k] == '*' || (unsigned char)s[k] == 0xC2 ||
		    (unsigned char)s[k] == 0xE2 ||
		    (s[k] == ' ' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9')))
			return true;
	return false;
}

size_t
reading_drop_footnotes(const char *s, size_t n, char *out)
{
	size_t k = 0, m = 0, e, caps;
	bool dropped = false;

	/*
	 * Up to the first footnote dropped, out is s: the first is after two capitals of s, and
	 * is one of these.
	 */
	if (!footnote_after_capitals(s, n))
		return 0;
	while (k < n) {
		/* The capitals just before: a word's, two at least. */
		for (caps = 0; caps < m && out[m - 1 - caps] >= 'A' && out[m - 1 - caps] <= 'Z'; caps++)
			continue;
		if (caps >= 2 && (m == caps || !is_alnum(out[m - 1 - caps]))) {
			/* "TS1 The", "(NOFORN1)": one or two digits glued on. */
			for (e = k; e < n && e - k < 3 && s[e] >= '0' && s[e] <= '9'; e++)
				continue;
			if (e > k && e - k <= 2 && (e == n || !is_alnum(s[e]))) {
				k = e;
				dropped = true;
				continue;
			}
			/* "(NOFORN 2)": a number apart before the bracket closes. */
			if (s[k] == ' ' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9') {
				for (e = k + 1; e < n && s[e] >= '0' && s[e] <= '9'; e++)
					continue;
				if (e - k <= 3 && e < n && is_close(s[e])) {
					k = e;
					dropped = true;
					continue;
				}
			}
			/* "TS· The", "TS• The", "NF† ": a sign glued on, then a space or the end. */
			e = k;
			if (s[k] == '*')
				e = k + 1;
			else if (k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xB7)
				e = k + 2;
			else if (k + 2 < n && (unsigned char)s[k] == 0xE2 &&
			    (unsigned char)s[k + 1] == 0x80 && ((unsigned char)s[k + 2] == 0xA0 ||
			    (unsigned char)s[k + 2] == 0xA1 || (unsigned char)s[k + 2] == 0xA2))
				e = k + 3;
			if (e > k && (e == n || s[e] == ' ')) {
				k = e;
				dropped = true;
				continue;
			}
		}
		out[m++] = s[k++];
	}
	out[m] = '\0';
	return dropped ? m : 0;
}

uint64_t
reading_fold_controls(const struct policy *p, const struct fold *f, size_t limit)
{
	char s[FOLD_MAX + 1];
	uint64_t bits = reading_capital_controls(p, f->text, limit);
	size_t n, k;

	/* Read again with OCR's digits for letters in words ("NOF0RN"). */
	if (ocr_words(f->text, limit, s))
		bits |= reading_capital_controls(p, s, limit);
	if (!f->exotic)
		return bits;
	/*
	 * Read again with look-alike letters as the Latin ones they pass for ("NОFОRN" with
	 * Cyrillic O), accents dropped, and any other letter that cannot be read a wildcard.
	 */
	n = fold_ascii_skeleton(f, s);
	for (k = 0; k < n; k++)
		if (s[k] == '?')
			s[k] = (char)0x80;
	return bits | reading_capital_controls(p, s, n);
}

static uint64_t named_controls(const struct policy *p, const struct fold *f, bool again);
/* Whether word wd of s may begin a stated control's name (p->stated_words). */
static bool
stated_word(const struct policy *p, const char *s, const struct word *wd)
{
	size_t k, len = wd->end - wd->start;

	if (!p->stated_words_all)
		return true;
	for (k = 0; k < p->nstated_words; k++)
		if (p->stated_words[k].len == len &&
		    strncasecmp(p->stated_words[k].text, s + wd->start, len) == 0)
			return true;
	return false;
}

/*
 * The stated handling controls (the policy's `stated`) whose name of three words or more s[0..n)
 * holds, in any case ("This cable is sensitive but unclassified.", "1. Limited Official Use -
 * entire text."): a caveat stated in a sentence.
 */
static uint64_t
stated_controls(const struct policy *p, const char *s, size_t n)
{
	uint64_t bits = 0;
	size_t k = 0, at;
	struct word wd;
	int c;

	while (next_word(s, n, &k, &wd)) {
		if (!p->words_first[(unsigned char)s[wd.start]] || !stated_word(p, s, &wd))
			continue;
		at = wd.start;
		if ((c = control_run(p, s, n, &at)) >= 0 && p->controls[c].stated &&
		    run_words(s, wd.start, at) >= 3 && !(at < n && is_alnum(s[at]))) {
			bits |= (uint64_t)1 << c;
			k = at;
		}
	}
	return bits;
}

uint64_t
reading_stated_controls(const struct policy *p, const struct fold *f)
{
	char t[FOLD_MAX + 1];
	size_t k;
	bool ell = false;

	if (f->exotic)
		return 0;
	/* And with OCR's "l" for "I" between capitals read back ("SENSlTIVE BUT UNCLASSIFIED"). */
	for (k = 1; k + 1 < f->len && !ell; k++)
		ell = f->text[k] == 'l' && isupper((unsigned char)f->text[k - 1]) &&
		    isupper((unsigned char)f->text[k + 1]);
	if (!ell)
		return stated_controls(p, f->text, f->len);
	for (k = 0; k < f->len; k++)
		t[k] = f->text[k] == 'l' && k > 0 && k + 1 < f->len &&
		    isupper((unsigned char)f->text[k - 1]) &&
		    isupper((unsigned char)f->text[k + 1]) ? 'I' : f->text[k];
	return stated_controls(p, f->text, f->len) | stated_controls(p, t, f->len);
}


/*
 * named_controls of text t[0..n) (a second reading of a line: its skeleton, or its words with
 * OCR's digits as letters), folded again, and read no third time.
 */
static uint64_t
named_controls_again(const struct policy *p, const char *t, size_t n)
{
	struct fold g;

	fold_line(t, n, FOLD_MAX, false, &g);
	return named_controls(p, &g, false);
}

uint64_t
reading_named_controls(const struct policy *p, const struct fold *f)
{
	return named_controls(p, f, true);
}

static uint64_t
named_controls(const struct policy *p, const struct fold *f, bool again)
{
	const char *s = f->text;
	size_t n = f->len, k, depth = 0;
	uint64_t bits = reading_fold_controls(p, f, n), label;
	struct word wd;
	char plain[FOLD_MAX + 1];
	bool alike;

	/*
	 * Read again as its look-alike letters and accents make it read ("Dissem: ΝF", "Café
	 * ... Caveat: NF"), and with OCR's digits as letters ("(US 0NLY)"): these only raise.
	 */
	if (again && f->exotic && !f->cut) {
		size_t m = fold_skeleton(f, plain, &alike);

		bits |= named_controls_again(p, plain, m);
		if (ocr_words(plain, m, plain))
			bits |= named_controls_again(p, plain, m);
	} else if (again && ocr_words(s, n, plain)) {
		bits |= named_controls_again(p, plain, n);
	}
	/* And with a footnote's number or sign glued to a word dropped ("(NOFORN1)", "NF¹"). */
	if (again && (k = reading_drop_footnotes(s, n, plain)) > 0)
		bits |= named_controls_again(p, plain, k);
	if (n > 100 || f->exotic)
		return bits;
	if ((label = control_label(p, s, n)) != 0)
		return bits | label;
	/*
	 * A group in brackets that is nothing but controls, in any case, names them wherever it
	 * stands ("Unclassified (For Official Use Only)", "Source details (NOFORN DISSEM)").
	 */
	for (k = 0; k < n; k++) {
		size_t e, at;
		int c;

		if (s[k] != '(' && s[k] != '[')
			continue;
		for (e = k + 1; e < n && !is_close(s[e]) && !is_open(s[e]); e++)
			continue;
		at = k + 1;
		if (e < n && is_close(s[e]) && (c = control_run(p, s, e, &at)) >= 0 &&
		    p->controls[c].kind != CONTROL_DISTRIBUTION) {
			while (at < e && s[at] == ' ')
				at++;
			if (at == e)
				bits |= (uint64_t)1 << c;
		}
	}
	/*
	 * Brackets part words as spaces do ("UNCLASSIFIED (FOR OFFICIAL USE ONLY)"), and what is
	 * in them does not make the line prose: a mark in the line ("TOP SECRET (TS//SI) // SI",
	 * "NOFORN (s)") does not stop it naming a control.
	 */
	for (k = 0; k < n; k++) {
		if (is_open(s[k]))
			depth++;
		if (depth == 0 && (is_lower(s[k]) || (s[k] >= '0' && s[k] <= '9')))
			return bits;
		plain[k] = is_open(s[k]) || is_close(s[k]) ? ' ' : s[k];
		if (is_close(s[k]) && depth > 0)
			depth--;
	}
	s = plain;
	k = 0;
	while (next_word(s, n, &k, &wd)) {
		size_t at = wd.start;
		int c = control_run(p, s, n, &at);

		if (c >= 0 && p->controls[c].kind != CONTROL_DISTRIBUTION) {
			bits |= (uint64_t)1 << c;
			k = at;
		}
	}
	return bits;
}

/* Whether s[0..n) holds a slash or a dash (what stood between a mark and its control). */
static bool
slash_or_dash(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (s[k] == '/' || s[k] == '-')
			return true;
	return false;
}

/* Whether s[0..n) is slashes and spaces, with a slash. */
static bool
slash_only(const char *s, size_t n)
{
	size_t k;
	bool slash = false;

	for (k = 0; k < n; k++) {
		if (s[k] != '/' && s[k] != ' ')
			return false;
		slash = slash || s[k] == '/';
	}
	return slash;
}

int
reading_mark_tail(const struct policy *p, const struct fold *f, size_t at, struct marking *m)
{
	const char *s = f->text;
	size_t k = at, w, n = f->len;
	bool glued = at < n && s[at] != ' ', sep = false;
	char up[POLICY_WORD_MAX + 1];
	const struct policy_term *t;
	size_t un;

	marking_init(m);
	while (k < n && (unsigned char)s[k] < 0x80 && !is_alnum(s[k]) && !is_close(s[k])) {
		/* "(U). (S) The": a group of its own, which the line's reading reads as one. */
		if (is_open(s[k]))
			return 0;
		sep = sep || s[k] != ' ';
		k++;
	}
	for (w = k; w < n && is_alnum(s[w]); w++)
		continue;
	/*
	 * "(U)//", "(U) /" then no word: a mark whose control was cut off proves nothing of what
	 * follows.
	 */
	if (sep && w == k && (k == n || s[k - 1] == ' ' || s[k - 1] == '/' || s[k - 1] == '-') &&
	    (k == n || !is_close(s[k])) && slash_or_dash(s + at, k - at)) {
		m->unknown = true;
		return 1;
	}
	/* "(U)// The": slashes, then a word that is no control: the control was lost. */
	if (k > at && s[k - 1] == ' ' && slash_only(s + at, k - at) && w > k) {
		un = upper_form(s + k, w - k, up);
		if ((t = policy_term_find(p, up, un)) == NULL || t->control < 0) {
			m->unknown = true;
			return 1;
		}
	}
	if (w == k)
		return 0;
	un = upper_form(s + k, w - k, up);
	/*
	 * A control of two letters after a space counts before a word in capitals or a capital
	 * ("(U) NF The", "(C) OC The"), not before lower case ("(U) PR firm").
	 */
	if (memcmp(up, s + k, un) == 0 && (t = policy_term_find(p, up, un)) != NULL &&
	    t->control >= 0 &&
	    (glued || sep || un >= 3 || (w < n && s[w] != ' ') ||
	    (w + 1 < n && s[w] == ' ' && isupper((unsigned char)s[w + 1])))) {
		join_control(p, t->control, m);
		return 1;
	}
	/*
	 * A control of several words, in capitals ("(U) LIMITED OFFICIAL USE --", "(U)//FOR
	 * OFFICIAL USE ONLY", "(U)F O U O", "(S//REL TO USA, GBR) NOT RELEASABLE TO FOREIGN
	 * NATIONALS:"). A distribution control names no audience.
	 */
	if (memcmp(up, s + k, un) == 0) {
		size_t end = k;
		int c = control_run(p, s, n, &end);

		if (c >= 0 && end > w && p->controls[c].kind != CONTROL_DISTRIBUTION) {
			join_control(p, c, m);
			return 1;
		}
	}
	/*
	 * In any case, a control's name or alias of several words, or of one of six letters or
	 * more, as a label before a colon or a dash ("(U) Law enforcement sensitive: The", "(S)
	 * Originator controlled: The", "(S) Proprietary -- The").
	 */
	{
		size_t end = k, e;
		int c = control_run(p, s, n, &end);

		for (e = end; e < n && s[e] == ' '; e++)
			continue;
		if (c >= 0 && p->controls[c].kind != CONTROL_DISTRIBUTION && (end > w ||
		    end - k >= 6) && e < n && (s[e] == ':' || (s[e] == '-' && e > end))) {
			join_control(p, c, m);
			return 1;
		}
	}
	/*
	 * "(U)-CUI The", "(O)-SENSITIVE": a word in capitals glued to the mark by punctuation and
	 * no control is a mark written otherwise, or damaged: it proves nothing.
	 */
	if (glued && sep && k - at <= 2 && w - k >= 2 && reading_capitals(s + k, w - k)) {
		m->unknown = true;
		return 1;
	}
	/* "(U)XX)": a word glued to the mark that a bracket closes is of the mark. */
	if (glued) {
		for (; w < n && s[w] != ' '; w++)
			if (is_close(s[w])) {
				m->unknown = true;
				return 1;
			}
	}
	return 0;
}

uint64_t
reading_words_controls(const struct policy *p, const char *s, size_t n)
{
	uint64_t bits = 0;
	size_t k = 0;
	struct word wd;

	while (next_word(s, n, &k, &wd)) {
		size_t at = wd.start;
		int c;

		if (wd.lower || wd.exotic)
			continue;
		if ((c = control_run(p, s, n, &at)) >= 0 &&
		    p->controls[c].kind != CONTROL_DISTRIBUTION) {
			bits |= (uint64_t)1 << c;
			k = at;
		}
	}
	return bits;
}

const struct policy_term *
reading_word_term(const struct policy *p, const char *s, size_t n, bool slips)
{
	char t[POLICY_WORD_MAX + 1];
	const struct policy_term *pt;
	size_t i, k = 0, wild = 0;
	bool letters = false;

	for (i = 0; i < n; i++)
		letters = letters || is_alpha(s[i]);
	if (!letters || n > POLICY_WORD_MAX)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!is_alnum(s[i]) && !(slips && s[i] == '$'))
			return NULL;
		/*
		 * OCR's digits and '$' for letters ("5ECRET", "S1", "$ECRET"), and its "l" for
		 * "I" in capitals.
		 */
		t[k++] = slips && s[i] == 'l' ? 'I' : slips ? reading_ocr_letter(s[i]) :
		    (char)toupper((unsigned char)s[i]);
	}
	if ((pt = policy_term_find(p, t, k)) != NULL || !slips)
		return pt;
	if ((pt = level_term(p, t, k, false, &wild)) != NULL && pt->level >= 0)
		return pt;
	return near_term(p, t, k, false);
}

bool
reading_denials(const struct policy *p, const char *s, size_t n, struct marking *m)
{
	struct marking weak, strict;
	bool read;

	marking_init(&strict);
	read = reading_denial_line(p, s, n, &strict);
	/* Readers named by the stricter reading: the weaker one adds nothing it would not. */
	if (read && marking_denies_readers(&strict)) {
		*m = strict;
		return true;
	}
	marking_init(&weak);
	if (!reading_readers_doubt(p, s, n, &weak)) {
		if (read)
			*m = strict;
		return read;
	}
	weak.denied_public = weak.denied_public || (read && strict.denied_public);
	*m = weak;
	return true;
}

/* What a clause that states a level says of (reading_level_statement). */
struct statement {
	size_t words;
	int level;		/* the highest level predicated, or -1 */
	bool classified;	/* CLASSIFIED predicated, with no level */
	bool named;		/* a level or CLASSIFIED named anywhere in the clause */
	bool classified_named;	/* ... CLASSIFIED: "[classified]" alone is no level's mark */
	bool here;		/* of its own part, named so: "this paragraph", "this bullet" */
	bool ahead;		/* of another: "the following paragraph", "paras 2 and 3" */
	bool flow;		/* what follows: "... FOLLOWS", "BEGIN ...", "remainder of cable" */
	bool back;		/* of what stands above: "the above", "the preceding paragraph" */
	uint64_t paras;		/* the paragraphs named by number ("para 2": bit 2), 1 to 63 */
	size_t last_para;	/* the last number named, and where a range began */
	size_t range_from;
	bool back_before;	/* the word before was ABOVE, PRECEDING, PREVIOUS, FOREGOING */
	bool handle;		/* "handle as", "treat ... as", "protect at" */
	bool field;		/* "Classification:", "Overall classification:" */
	bool field_word;	/* CLASSIFICATION among the first three words: a colon after it
				 * makes a field */
	bool field_last;	/* ... the word before was CLASSIFICATION */
	bool field_colon;	/* ... and a colon right after it */
	bool heading;		/* a part's word: "CLASSIFIED ANNEX" as a heading */
	bool opened;		/* the clause opened with a bracket */
	bool first;		/* ... or at the line's start */
	bool copula;		/* IS, ARE, BE, AS, AT, CONTAINS, ...: what follows is predicated */
	bool begin;		/* BEGIN or START said */
	bool doubt;		/* a negation, a question, a report or a quote: no statement */
	bool this_before;	/* the word before was THIS or THESE */
	bool point_before;	/* ... FOLLOWING, NEXT, BELOW, SUBSEQUENT, REMAINING */
	size_t rest;		/* the word REMAINDER or REST was, counted from 1, or 0 */
	bool handle_before;	/* ... HANDLE, TREAT, PROTECT, MARK, CONSIDER */
	bool classified_before;	/* ... CLASSIFIED */
	bool part_before;	/* ... a paragraph's word (a number after it points) */
	bool part_seen;		/* a part's word was said */
	bool part_here;		/* ... after THIS: "this paragraph" (not "this cable") */
	bool plural;		/* ... in the plural: "the paragraphs that follow" */
	bool seq_before;	/* the word before was SEQ ("et seq."): its stop ends nothing */
	bool this_first;	/* the clause opened with THIS or THESE ("This information is") */
	bool copula_last;	/* the word before was a copula: "this paragraph is secret" */
	bool generic_before;	/* the word before was A, AN, ANY, EACH, EVERY, NO */
	bool elsewhere;		/* another document named: its parts are not this one's */
	bool subject;		/* ... a paragraph's or a portion's, before a copula: "The entire
				 * paragraph is", "Para classification:" */
	bool opens_classified;	/* the clause opens with CLASSIFIED: "Classified Secret in its
				 * entirety." */
	bool sep;		/* a comma, AND or BUT after a level was predicated */
	size_t level_at;	/* the word the last level predicated was, counted from 1 */
	size_t level_first;	/* ... the first, or 0 */
	size_t copula_at;	/* the word the first copula was, or 0 */
	bool part_subject;	/* a part's word before it: the clause's subject */
	size_t part_at;		/* the word the last part's word was, or 0 */
	bool doc_named;		/* another document's noun said ("The GAO report has four
				 * tables"): a part the next clause names no reader places is its */
	bool so_first;		/* SO opens the clause ("; so is para 4"): the level before */
	bool unit;		/* the last part's word is a paragraph's unit ("paragraph") */
	bool except_open;	/* ... in the exception's phrase: what it names is not raised */
	bool all_said;		/* ALL or EVERYTHING before the copula ("All that follows") */
	uint64_t controls;	/* controls said of a part ("This paragraph is Limited Official
				 * Use.") */
	struct marking mark;	/* a mark predicated ("Para 3 is S/NF."), where `marked` */
	bool marked;
	size_t count;		/* how many parts after it ("the next two paragraphs"), or 0 */
	int said;		/* the highest level named, predicated or not, or -1 */
	bool other;		/* another scheme's level said of the text: unknown here */
	/*
	 * A part of this document named so that no reader can place it: by a label not read as
	 * a paragraph's number ("Part III", "Section 2", "bullets 3 and 4", "Subparagraph B",
	 * "para 70") or by its rank ("The final paragraph", "the second section").
	 */
	bool unplaced;
	int label_due;		/* the word before was a part's word: LABEL_PARA ("para"),
				 * LABEL_SUB ("subparagraph"), LABEL_OTHER ("part"), or 0 */
	bool rank_before;	/* ... a rank: FIRST, LAST, FINAL, "2nd" */
	bool sep_part;		/* a part named after `sep`: what denies a level is its */
	bool doubt_unclass;	/* UNCLASSIFIED said: no statement, unless a part named after
				 * BUT, AND, WHILE or a comma ("Para 2 is unclassified but para
				 * 3 is SECRET") opens another */
	bool conj_before;	/* the word before was BUT, AND, WHILE, WHEREAS, or a comma */
	bool the_before;	/* ... THE */
	bool num_last;		/* ... a paragraph's number: a mark right after it is said of
				 * it ("Paras 4-5 SECRET//NOFORN.") */
	bool quote_level;	/* a quote opened right after a copula round a level ("para 3 is
				 * \"SECRET\""): the level's, no one's words */
	bool annex_seen;	/* an annex's word ("Annex B"): OF or TO after it names another
				 * document's */
	bool whole_subject;	/* this document named before the copula ("this cable is") */
	bool whole_level;	/* ... a level predicated of it */
	bool except;		/* EXCEPT, EXCLUDING: with whole_level, said of every part but
				 * one ("Except for paragraph 2, this cable is SECRET.") */
	bool all_before;	/* the word before was EVERYTHING or ALL */
	bool below_all;		/* "Everything below paragraph 2": each from it on */
	bool pronoun_part;	/* IT or THEY opens the clause after one that named a part */
	bool other_before;	/* the word before was OTHER ("other than") */
	bool other_doc;		/* another document named after a part (OF, IN, ON, TO) */
	bool generic_part;	/* a part's word after A, ANY, EACH, EVERY, NO */
	bool to_before;		/* the word before was TO, THROUGH or THRU */
	bool latter;		/* THE LATTER, THE FORMER: a modal doubts it ("would be") */
	bool reported;		/* ACCORDING TO: a comma does not end the report */
	size_t det_at;		/* ITS, THEIR, HIS or HER was word det_at (from 1), or 0 */
	int said_caps;		/* the highest level in capitals named, said or not, or -1 */
	uint64_t controls_caps;	/* controls named in capitals, of four letters or more */
	bool caps_marked;	/* ... one in quotes or brackets, before a slash, or in title
				 * case before a noun of handling */
	bool lower;		/* a letter in lower case in the clause */
	bool class_word;	/* a word of classification or handling ("classification",
				 * "upgraded", "handling", "protection") */
	bool quoted_title;	/* a level opened a quoted title ("\"TOP SECRET: THE NETWORK
				 * EXPOSED\"") */
	int said_lower;		/* the highest level in lower case said (pred_last, or before a
				 * noun of handling), or -1: a paragraph named takes it beside
				 * a word of classification ("para 3 was upgraded from
				 * confidential to secret") */
	bool caps_unknown;	/* a mark's form beside a paragraph named has a token unknown
				 * ("draws on TS/SCI reporting") */
	bool instruction;	/* an order of handling opens the clause ("Handle as secret.",
				 * "Please treat it as SECRET") */
	bool pronoun;		/* IT, THEY, THIS, THESE or THOSE opens the clause */
	bool pred_last;		/* the word before predicates what follows (IS, AS, AT, TO, FROM;
				 * IT or THEM after an order): a level in lower case after it is
				 * said ("It is secret.", not "It is no secret", "a secret
				 * meeting") */
	bool relative;		/* THAT, WHICH, WHO after a part named: what follows may be said
				 * of something else ("a report that is not for public release") */
	bool report;		/* a word of report or doubt but a negation ("the MFA said") */
	uint64_t controls_lower;	/* controls named in lower case after a copula ("that is for
				 * official use only"): a paragraph named takes them */
	bool lower_firm;	/* said_lower ends its phrase or stands before a noun of handling
				 * ("raised to secret at", "at the secret level") */
	bool extraposed;	/* a level before THAT ("It is secret that the ministry plans") */
	bool pred_held;		/* pred_last before a comma, held over an aside to the next */
	/*
	 * A part named by what it holds or a sign ("The list of detainees' names", "Items marked
	 * with an asterisk", "Paragraph 2 of the attachment"): as `unplaced` where a level this
	 * policy knows is said of it (not "is protected by the Privacy Act").
	 */
	bool unplaced_desc;
};

/* What the word before a label was (struct statement's label_due). */
#define LABEL_PARA	1
#define LABEL_SUB	2
#define LABEL_OTHER	3

/* Whether term pt is a level a statement may say: this policy's above its lowest, or another's. */
static bool
statement_level(const struct policy_term *pt)
{
	return pt->control < 0 && (pt->level >= 1 || (pt->level < 0 && pt->starts));
}

/*
 * Whether the word after s[e] lets a level's word before it be said of the text: the clause's
 * end, a sign, a control ("Secret Noforn"), a word of a part, a level or its telling
 * ("SECRET ANNEX", "classified at a higher level", "Secret//Noforn"), or a conjunction that
 * gives a reason or a condition ("SECRET because it discusses"); not a noun it qualifies
 * in prose ("secret talks", "the Secret Service", "classified documents"), nor a name
 * ("Confidential Information", "the Classified Information Procedures Act") where the level
 * has a capital and lower case.
 */
static bool
level_said(const struct policy *p, const char *s, size_t n, size_t k, size_t e)
{
	static const char *const after[] = { "ANNEX", "TEXT", "PORTION", "PORTIONS",
	    "INFORMATION", "INFO", "MATERIAL", "PARAGRAPH", "PARAGRAPHS", "PARA", "PARAS",
	    "SECTION", "PART", "LEVEL", "ATTACHMENT", "ADDENDUM", "APPENDIX", "FOLLOWS", "FOLLOW",
	    "BELOW", "AT", "AND", "OR", "NOFORN", "PER", "BY", "IN", "RELEASABLE", "UNTIL",
	    "CLASSIFICATION", "BECAUSE", "SINCE", "AS", "BUT", "WHILE", "WHEREAS", "SO", "DUE",
	    "GIVEN", "UNLESS", "THOUGH", "ALTHOUGH", "PENDING", "ONCE", "EXCEPT", "EXCLUDING",
	    "APART", "SAVE", "OTHER", "WITH", "WHEN", "WHENEVER", "IF", "WHERE" };
	const struct policy_term *pt;
	char up[16];
	size_t b, j;
	bool caps = e > k && reading_capitals(s + k, e - k);

	while (e < n && s[e] == ' ')
		e++;
	if (e == n || !is_alpha(s[e]))
		return true;
	for (b = e; e < n && is_alpha(s[e]); e++)
		continue;
	/* "Protected B": a grade of the level. */
	if (e - b == 1 && isupper((unsigned char)s[b]))
		return true;
	/* "Secret Noforn", "SECRET NOFORN": a control goes on the level's marking. */
	if (e - b >= 2 && isupper((unsigned char)s[b]) &&
	    (pt = policy_term_find(p, s + b, e - b)) != NULL && pt->control >= 0)
		return true;
	if (isupper((unsigned char)s[b]) && k + 1 < n && is_lower(s[k + 1]))
		return false;
	if (e - b >= sizeof(up))
		return false;
	for (j = b; j < e; j++)
		up[j - b] = to_upper(s[j]);
	/*
	 * AND or OR before a level, a control or a part ("Secret and Noforn", "Secret or
	 * above"), or a level in capitals before a verb or a word in lower case ("SECRET and
	 * should be protected", "SECRET and comes from"); not before another word ("Confidential
	 * and Proprietary", "Confidential and may contain privileged information": a firm's
	 * legend).
	 */
	if ((e - b == 3 && memcmp(up, "AND", 3) == 0) || (e - b == 2 && memcmp(up, "OR", 2) == 0)) {
		static const char *const verbs[] = { "IS", "ARE", "SHOULD", "MUST", "WILL", "HAS",
		    "HAVE", "CANNOT", "NEEDS", "REQUIRES", "MAY", "SHALL" };

		size_t len = next_upper(s, n, &e, up);

		if (len == 0)
			return false;
		return ((pt = policy_term_find(p, up, len)) != NULL && (pt->control >= 0 ||
		    pt->level >= 0)) || word_listed(after, sizeof(after) / sizeof(after[0]), up,
		    len) || (caps && (is_lower(s[e - len]) || word_listed(verbs, sizeof(verbs) /
		    sizeof(verbs[0]), up, len)));
	}
	return word_listed(after, sizeof(after) / sizeof(after[0]), up, e - b);
}

/*
 * Ends clause t of a level statement (`closed` by a bracket, `own` a sentence of its own in
 * brackets, `last` where nothing but a stop follows it on the line, `colon` where a colon ends
 * it): 0 where it states no level, else what
 * reading_level_statement returns of it, the level joined into *m. Unknown unless proven: a
 * level predicated of anything, or named in a clause that names its own part or is a field, is
 * said of the text; only a negation, a question, a report, a definition or a quote says it is
 * not.
 */
static int
statement_said(const struct policy *p, const struct statement *t, struct marking *m, bool closed,
    bool last, bool colon, bool own)
{
	/* A field ends its line: "(Classification: Secret) field on the form" names one. */
	bool field = t->field && last, pred, ahead;
	/*
	 * Its own part: named so, or a paragraph named with nothing that points elsewhere ("The
	 * entire paragraph is classified Secret."), or nothing named before CLASSIFIED.
	 */
	bool part = t->here || t->handle || field || t->opens_classified || (t->subject &&
	    !t->ahead && !t->back && t->paras == 0);
	int level = t->level;

	/* A long clause only where its first level is said within its first sixteen words. */
	if (t->doubt || t->doubt_unclass || (t->words > 16 && (t->level_first == 0 ||
	    t->level_first > 16)) || !t->named)
		return 0;
	/* "This paragraph carries a Secret classification.", "This paragraph: SECRET." */
	if (part && t->said > level)
		level = t->said;
	if (t->marked && !t->mark.unknown && t->mark.level > level)
		level = t->mark.level;
	pred = level >= 1 || t->classified || t->other || t->controls != 0 || t->marked;
	/*
	 * "... assessment, classified Secret: Iranian officers": said of what the colon opens,
	 * right after the level.
	 */
	part = part || (colon && pred && t->level_at > 0 && t->words - t->level_at <= 1);
	/*
	 * Of what follows: pointed at and predicated, said to follow or begin, a field
	 * ("Overall classification: Secret."), or a clause that a colon ends the line with
	 * ("Here is the reftel, classified Secret:").
	 */
	ahead = (t->ahead && pred) || t->flow || (t->heading && t->first && last &&
	    t->words <= 3) || (field && pred) || (colon && last && pred);
	if (!pred && !ahead && !(t->opened && closed && t->words == 1 && t->classified_named))
		return 0;
	if (level >= 1 && level > m->level)
		m->level = level;
	if (t->controls != 0) {
		size_t c;

		for (c = 0; c < p->ncontrols && c < 64; c++)
			if ((t->controls >> c) & 1)
				join_control(p, (int)c, m);
	} else if (level < 1 && !(t->marked && t->mark.level == 0 && !t->mark.unknown &&
	    (t->mark.fd == FD_REL || marking_denies_readers(&t->mark)))) {
		m->unknown = true;
	}
	if (t->other)
		m->unknown = true;
	if (t->marked)
		marking_join(p, m, &t->mark, m);
	/* Of what stands above: "The above is classified Secret.", "Para 2 above is Secret." */
	if (t->back)
		return STATED_HERE | STATED_BACK | (ahead ? STATED_AHEAD : 0) |
		    (t->ahead && pred && t->paras == 0 ? STATED_NEXT : 0);
	/*
	 * Said of no part ("The details of the deal are classified.", "The conference's
	 * classification level is TOP SECRET."): of something the text names, which a
	 * portion's own mark may still say it does not give.
	 */
	if (!part && !ahead && !(t->opened && own && t->words <= 2))
		return STATED_HERE | STATED_VAGUE;
	/*
	 * Pointed at the parts after it ("The following paragraph is Secret."): STATED_NEXT; of
	 * those parts alone where it names no part of its own ("This article is unclassified,
	 * but the next one is classified."): not its own paragraph, nor the unmarked text after
	 * it as a classification line's.
	 */
	if (ahead && !part && (t->part_seen || t->count > 0) && !t->flow && !colon && !t->here &&
	    t->ahead && pred && t->paras == 0 && !t->back)
		return STATED_NEXT;
	return (ahead ? STATED_AHEAD : 0) | STATED_HERE | (t->here ? STATED_THIS : 0) |
	    (t->ahead && pred && t->paras == 0 ? STATED_NEXT : 0) |
	    (t->here || t->handle || t->subject || t->opens_classified ? STATED_PART : 0);
}

/*
 * Ends clause t as statement_said does; a level said of a part no reader can place ("Part III is
 * classified SECRET.", "The final paragraph of this cable is SECRET."), of the whole but a part
 * ("Except for paragraph 2, this cable is SECRET."), of a pronoun after a clause that named a
 * part ("Para 3 was mismarked in the draft; it is SECRET."), or of a part that is the clause's
 * subject with no label or pointer that places it, the level right after its copula ("Embassy
 * comment is SECRET.") is said of every part:
 * STATED_UNPLACED, of its own part too, and of no part in particular that follows.
 */
static int
statement_end(const struct policy *p, const struct statement *t, struct marking *m, bool closed,
    bool last, bool colon, bool own)
{
	int r = statement_said(p, t, m, closed, last, colon, own);

	if (r != 0 && (t->unplaced || (t->unplaced_desc && (t->level >= 1 || (t->marked &&
	    !t->mark.unknown && t->mark.level >= 1))) || (t->except && (t->whole_level ||
	    t->all_said)) ||
	    ((r & STATED_VAGUE) &&
	    (t->pronoun_part || t->all_said || (t->part_subject && !t->elsewhere && !t->other_doc &&
	    !t->generic_part && t->level_first != 0 && t->level_first <= t->copula_at + 2 &&
	    t->copula_at <= t->part_at + 3)))))
		r = (r & ~(STATED_VAGUE | STATED_NEXT)) | STATED_HERE | STATED_UNPLACED;
	return r;
}

/*
 * Whether the word after s[..e) describes the part named before it: a participle or a relative
 * with no comma before it ("Items marked with an asterisk", "paragraphs that name", "entries
 * flagged", "bullets bearing a star").
 */
static bool
described(const char *s, size_t n, size_t e)
{
	static const char *const words[] = { "MARKED", "FLAGGED", "BEARING", "SHOWN", "LISTED",
	    "INDICATED", "DENOTED", "HIGHLIGHTED", "CONTAINING", "STARRED", "UNDERLINED",
	    "BRACKETED", "THAT", "WHICH", "WITH", "NOTED", "IDENTIFIED", "SHADED", "LABELED",
	    "LABELLED", "TAGGED" };
	/* "The paragraphs that follow": where they stand, which a pointer reads. */
	static const char *const where[] = { "FOLLOW", "FOLLOWS", "PRECEDE", "PRECEDES", "COME",
	    "COMES" };
	char up[16];
	size_t len;

	if (e < n && s[e] != ' ')
		return false;
	len = next_upper(s, n, &e, up);
	if (len == 0 || !word_listed(words, sizeof(words) / sizeof(words[0]), up, len))
		return false;
	if ((len == 4 && memcmp(up, "THAT", 4) == 0) || (len == 5 && memcmp(up, "WHICH", 5) == 0)) {
		len = next_upper(s, n, &e, up);
		return !word_listed(where, sizeof(where) / sizeof(where[0]), up, len);
	}
	return true;
}

/* Whether the word before s[k] is LIST or LISTS, a space between. */
static bool
list_before(const char *s, size_t k)
{
	size_t b;

	if (k < 2 || s[k - 1] != ' ')
		return false;
	for (b = k - 1; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	return (k - 1 - b == 4 && strncasecmp(s + b, "list", 4) == 0) || (k - 1 - b == 5 &&
	    strncasecmp(s + b, "lists", 5) == 0);
}

/*
 * Whether s[e..n) goes on with THE or THIS and an attachment's word that nothing after names
 * another's ("of the attachment is", not "of the annex to the treaty"): this document's own
 * attachment, whose parts no reader places.
 */
static bool
own_attachment(const char *s, size_t n, size_t e)
{
	static const char *const words[] = { "ATTACHMENT", "ATTACHMENTS", "ENCLOSURE",
	    "ENCLOSURES", "ANNEX", "ANNEXES", "APPENDIX", "ADDENDUM", "TAB", "ENCL" };
	static const char *const after[] = { "OF", "TO", "IN", "ON", "FROM", "BY", "FOR" };
	char up[16];
	size_t len;

	len = next_upper(s, n, &e, up);
	if (!(len == 3 && memcmp(up, "THE", 3) == 0) && !(len == 4 && memcmp(up, "THIS", 4) == 0))
		return false;
	len = next_upper(s, n, &e, up);
	if (len == 0 || !word_listed(words, sizeof(words) / sizeof(words[0]), up, len) ||
	    (e < n && s[e] == '\''))
		return false;
	len = next_upper(s, n, &e, up);
	return len == 0 || !word_listed(after, sizeof(after) / sizeof(after[0]), up, len);
}

/*
 * Whether what stands right before s[k] is a paragraph's label, with marks in brackets after it
 * or none, at a line's start or after a space (where a reading joined the line above): "¶12. ",
 * "3. ", "(2) ", "¶3. (U) "; or marks alone from the line's start (k == 0 too). The label ends
 * in a full stop or a bracket: "see ¶3 (S)" is prose.
 */
static bool
head_label(const char *s, size_t k)
{
	size_t j = k, d;

	for (;;) {
		while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
			j--;
		if (j == 0 || s[j - 1] != ')' || (j >= 2 && isdigit((unsigned char)s[j - 2])))
			break;
		/* A mark in brackets before it ("(U) (S)"). */
		for (d = j - 1; d > 0 && s[d - 1] != '('; d--)
			continue;
		if (d == 0)
			return false;
		j = d - 1;
	}
	/* Marks alone from the line's start ("(C) w27 ... ¶3."): the line's own portion's. */
	if (j == 0)
		return true;
	if (s[j - 1] != '.' && s[j - 1] != ')')
		return false;
	j--;
	if (j == 0 || !isdigit((unsigned char)s[j - 1]))
		return false;
	while (j > 0 && isdigit((unsigned char)s[j - 1]))
		j--;
	if (j >= 2 && (unsigned char)s[j - 2] == 0xC2 && (unsigned char)s[j - 1] == 0xB6)
		j -= 2;
	else if (j > 0 && s[j - 1] == '(')
		j--;
	return j == 0 || s[j - 1] == ' ' || s[j - 1] == '\t';
}

/* Whether up[0..n) (capitals) is a roman numeral of I, V and X ("III", "IV", "XII"). */
static bool
roman_word(const char *up, size_t n)
{
	size_t j;

	for (j = 0; j < n && n <= 5; j++)
		if (up[j] != 'I' && up[j] != 'V' && up[j] != 'X')
			return false;
	return n > 0 && n <= 5;
}

/*
 * Whether up[0..n) (capitals) ranks a part among its like: "FIRST" to "TENTH", "LAST", "FINAL",
 * "PENULTIMATE", "CONCLUDING", "CLOSING", "OPENING", "INITIAL", "LATTER", "FORMER", "MIDDLE",
 * "BOTTOM", "TOP", "LEAD".
 */
static bool
rank_word(const char *up, size_t n)
{
	static const char *const ranks[] = { "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH",
	    "SIXTH", "SEVENTH", "EIGHTH", "NINTH", "TENTH", "LAST", "FINAL", "PENULTIMATE",
	    "CONCLUDING", "CLOSING", "OPENING", "INITIAL", "LATTER", "FORMER", "MIDDLE", "BOTTOM",
	    "TOP", "LEAD", "LEADING", "ENDING" };

	return word_listed(ranks, sizeof(ranks) / sizeof(ranks[0]), up, n);
}

/*
 * Whether the word s[0..n) (capitals) is written as a rank in figures: "1st", "2nd", "3d",
 * "4th".
 */
static bool
rank_figures(const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < n && isdigit((unsigned char)s[j]); j++)
		continue;
	if (j == 0 || n - j < 1 || n - j > 2)
		return false;
	if (n - j == 1)
		return s[j] == 'd' || s[j] == 'D';
	return strncasecmp(s + j, "st", 2) == 0 || strncasecmp(s + j, "nd", 2) == 0 ||
	    strncasecmp(s + j, "rd", 2) == 0 || strncasecmp(s + j, "th", 2) == 0;
}

/*
 * Whether the words after OF at s[e] name this document: THIS, THESE, or THE before a word of the
 * whole (`whole`: "of the cable").
 */
static bool
of_this(const char *s, size_t n, size_t e, const char *const *whole, size_t nwhole)
{
	char up[16];
	size_t len = next_upper(s, n, &e, up);

	if ((len == 4 && memcmp(up, "THIS", 4) == 0) || (len == 5 && memcmp(up, "THESE", 5) == 0))
		return true;
	if (!(len == 3 && memcmp(up, "THE", 3) == 0))
		return false;
	len = next_upper(s, n, &e, up);
	return len > 0 && word_listed(whole, nwhole, up, len);
}

/*
 * Orders of handling among a clause's first six words, and pronouns among its first three ("We
 * ask that you handle it as", "Its contents are"): what a paragraph named in the clause before
 * takes a level from (struct statement's instruction and pronoun, reading_refers_back).
 */
#define ORDER_WORDS 6
#define PRONOUN_WORDS 4
#define BACK_ORDER 1
#define BACK_PRONOUN 2

/*
 * What the word up[0..len) (capitals), word `w` of its clause from 1, after the word prev[0..plen)
 * and before s[e..n), says of a paragraph the clause before named: BACK_ORDER, an order of
 * handling that opens the clause or follows PLEASE, YOU or a modal ("Kindly restrict it",
 * "Addressees should handle it"; not "pledged to treat them"), or in the passive after BE ("asked
 * that it be handled as secret"); BACK_PRONOUN, a pronoun among its
 * first words, or a determiner before the text's noun ("Its contents", "Such information", "The
 * information"; not "Its two northern lanes", "Both sides"); else 0.
 */
static int
back_word(const char *up, size_t len, size_t w, const char *prev, size_t plen, const char *s,
    size_t n, size_t e)
{
	static const char *const orders[] = { "HANDLE", "TREAT", "PROTECT", "MARK", "CONSIDER",
	    "CLASSIFY", "SAFEGUARD", "KEEP", "REGARD", "RESTRICT", "UPGRADE", "CONTROL" };
	static const char *const done[] = { "HANDLED", "TREATED", "PROTECTED", "MARKED",
	    "CONSIDERED", "CLASSIFIED", "SAFEGUARDED", "KEPT", "RESTRICTED", "CONTROLLED",
	    "REGARDED", "UPGRADED" };
	static const char *const openers[] = { "PLEASE", "KINDLY", "YOU", "WE", "SHOULD", "MUST",
	    "SHALL", "ALSO", "THEREFORE", "ALWAYS" };
	static const char *const pronouns[] = { "IT", "THEY", "THEM", "THIS", "THESE", "THOSE",
	    "WHICH", "EACH" };
	static const char *const determiners[] = { "ITS", "THEIR", "SUCH", "BOTH" };
	static const char *const nouns[] = { "CONTENTS", "CONTENT", "TEXT", "SUBSTANCE", "DETAILS",
	    "INFORMATION", "INFO", "MATERIAL", "SOURCE", "SOURCING", "REPORTING", "ARE", "IS",
	    "WERE", "WAS", "SHOULD", "MUST", "REMAIN", "REMAINS" };
	char next[16];
	size_t nl;

	if (word_listed(orders, sizeof(orders) / sizeof(orders[0]), up, len))
		return w == 1 || (w <= ORDER_WORDS && plen > 0 && word_listed(openers,
		    sizeof(openers) / sizeof(openers[0]), prev, plen)) || (plen == 6 &&
		    memcmp(prev, "PLEASE", 6) == 0) ? BACK_ORDER : 0;
	/* "asked that it be handled as secret": an order in the passive. */
	if (plen == 2 && memcmp(prev, "BE", 2) == 0 && word_listed(done, sizeof(done) /
	    sizeof(done[0]), up, len))
		return BACK_ORDER;
	if (w > PRONOUN_WORDS)
		return 0;
	if (word_listed(pronouns, sizeof(pronouns) / sizeof(pronouns[0]), up, len))
		return BACK_PRONOUN;
	if (!word_listed(determiners, sizeof(determiners) / sizeof(determiners[0]), up, len) &&
	    !(w == 1 && ((len == 3 && memcmp(up, "THE", 3) == 0) || (len == 4 &&
	    memcmp(up, "THAT", 4) == 0))))
		return 0;
	nl = next_upper(s, n, &e, next);
	return nl > 0 && word_listed(nouns, sizeof(nouns) / sizeof(nouns[0]) - (len == 4 &&
	    memcmp(up, "BOTH", 4) == 0 ? 0 : 8), next, nl) ? BACK_PRONOUN : 0;
}

bool
reading_refers_back(const char *s, size_t n)
{
	char up[16], prev[16];
	size_t k = 0, e, w, j, plen = 0;

	for (w = 1; w <= ORDER_WORDS; w++) {
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '"' || s[k] == '(' ||
		    s[k] == ','))
			k++;
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		if (e == k || e - k >= sizeof(up))
			return false;
		for (j = k; j < e; j++)
			up[j - k] = to_upper(s[j]);
		if (back_word(up, e - k, w, prev, plen, s, n, e) != 0)
			return true;
		/* The clause ends. */
		if (e < n && s[e] != ' ' && s[e] != '\'' && s[e] != ',')
			return false;
		memcpy(prev, up, e - k);
		plen = e - k;
		k = e;
	}
	return false;
}

/* Whether s[0..n) holds "//". */
static bool
double_slash(const char *s, size_t n)
{
	size_t k;

	for (k = 1; k < n; k++)
		if (s[k] == '/' && s[k - 1] == '/')
			return true;
	return false;
}

/*
 * Whether the token at s[k] (to a space, or a stop before one) reads as a mark ("S/NF",
 * "C//REL TO USA, GBR" to the clause's end), into *m, *end past it: with a slash, of capitals,
 * slashes and commas, a level of the policy first.
 */
static bool
statement_mark(const struct policy *p, const char *s, size_t n, size_t k, struct marking *m,
    size_t *end)
{
	size_t e, slash = 0;

	for (e = k; e < n && s[e] != ' ' && !(strchr(".;:!?)]", s[e]) != NULL &&
	    (e + 1 == n || s[e + 1] == ' ')); e++) {
		if (s[e] == '/')
			slash++;
		else if (!isupper((unsigned char)s[e]) && !isdigit((unsigned char)s[e]) &&
		    s[e] != '-' && s[e] != ',')
			return false;
	}
	if (slash == 0 || e - k > 40)
		return false;
	/*
	 * An office's symbol that reads as a mark with a token it does not know ("S/CT"); not
	 * after a level of two letters or more, nor with a double slash ("TS/SCI", "S//XYZ"):
	 * a mark with a token unknown.
	 */
	if (marking_parse(p, s + k, e - k, MARKING_PORTION, m) != 1 || m->level < 1 ||
	    (m->unknown && s[k + 1] == '/' && !double_slash(s + k, e - k)))
		return false;
	*end = e;
	return true;
}

/*
 * Whether s[k] opens readers in capitals after REL TO ("REL TO USA, AUS", to the clause's end):
 * into *m at the lowest level, *end past them.
 */
static bool
statement_rel(const struct policy *p, const char *s, size_t n, size_t k, struct marking *m,
    size_t *end)
{
	char buf[POLICY_ERRLEN];
	size_t e, w, b;
	int len;

	if (n - k >= 8 && memcmp(s + k, "REL TO ", 7) == 0) {
		for (e = k + 7; e < n && e - k <= 60 && (isupper((unsigned char)s[e]) ||
		    s[e] == ',' || s[e] == ' ' || s[e] == '/'); e++)
			continue;
		while (e > k && (s[e - 1] == ' ' || s[e - 1] == ','))
			e--;
		len = snprintf(buf, sizeof(buf), "%s//%.*s", p->levels[0].name, (int)(e - k),
		    s + k);
	} else if (n - k >= 15 && strncasecmp(s + k, "releasable to ", 14) == 0) {
		/* "releasable to USA and AUS only": readers in capitals, AND, ONLY. */
		len = snprintf(buf, sizeof(buf), "%s//REL TO ", p->levels[0].name);
		for (e = w = k + 14; e < n && e - k <= 80; e = w) {
			while (w < n && (s[w] == ' ' || s[w] == ','))
				w++;
			for (b = w; w < n && is_alpha(s[w]); w++)
				continue;
			if (w == b)
				break;
			if ((w - b == 3 && strncasecmp(s + b, "and", 3) == 0) || (w - b == 4 &&
			    strncasecmp(s + b, "only", 4) == 0))
				continue;
			if (w - b > 4 || !reading_capitals(s + b, w - b) || len < 0 ||
			    (size_t)len + 8 >= sizeof(buf))
				break;
			len += snprintf(buf + len, sizeof(buf) - (size_t)len, "%s%.*s",
			    buf[len - 1] == ' ' ? "" : ", ", (int)(w - b), s + b);
		}
		if (len < 0 || buf[len - 1] == ' ')
			return false;
	} else {
		return false;
	}
	if (len < 0 || (size_t)len >= sizeof(buf) ||
	    marking_parse(p, buf, (size_t)len, MARKING_PORTION, m) != 1 || m->unknown ||
	    m->fd != FD_REL)
		return false;
	*end = e;
	return true;
}

/*
 * Whether s[k] opens a mark in brackets ("(S)", "(S//NF)") that reads with a level: into *m, *end
 * past the closing bracket.
 */
static bool
statement_mark_bracketed(const struct policy *p, const char *s, size_t n, size_t k,
    struct marking *m, size_t *end)
{
	size_t e;

	for (e = k + 1; e < n && e - k <= 40 && s[e] != ')'; e++)
		if (!isupper((unsigned char)s[e]) && s[e] != '/' && s[e] != ',' && s[e] != ' ' &&
		    s[e] != '-')
			return false;
	if (e >= n || s[e] != ')' || e == k + 1)
		return false;
	if (marking_parse(p, s + k + 1, e - k - 1, MARKING_PORTION, m) != 1 || m->level < 1 ||
	    m->unknown)
		return false;
	*end = e + 1;
	return true;
}

/*
 * Where words in brackets at s[k] end (past the closing bracket), when they name no level, no
 * control and no classification, and end no sentence ("(and their subparas)"), else 0.
 */
static size_t
bracket_plain(const struct policy *p, const char *s, size_t n, size_t k)
{
	size_t e, b, j;
	char up[POLICY_WORD_MAX + 1];

	for (e = k + 1; e < n && e - k <= 60 && s[e] != ')'; e++)
		if (s[e] == '(' || s[e] == '.' || s[e] == ';' || s[e] == ':' || s[e] == '/' ||
		    (unsigned char)s[e] >= 0x80)
			return 0;
	if (e >= n || s[e] != ')')
		return 0;
	for (b = k + 1; b < e; b = j) {
		if (!is_alpha(s[b])) {
			j = b + 1;
			continue;
		}
		for (j = b; j < e && is_alpha(s[j]); j++)
			up[j - b < POLICY_WORD_MAX ? j - b : 0] = to_upper(s[j]);
		if (j - b > POLICY_WORD_MAX)
			continue;
		if (policy_term_find(p, up, j - b) != NULL || word_stem(up, j - b, "CLASSIF") ||
		    word_stem(up, j - b, "UNCLASS"))
			return 0;
	}
	return e + 1;
}

/*
 * Whether the word before s[k] is the writer's own voice, as a cable names itself: POST,
 * EMBASSY, MISSION, WE ("Post notes that", "We note that").
 */
static bool
own_voice(const char *s, size_t k)
{
	static const char *const selves[] = { "POST", "EMBASSY", "MISSION", "WE", "CONSULATE",
	    "USDEL", "DEPARTMENT" };
	size_t b, e;

	for (e = k; e > 0 && s[e - 1] == ' '; e--)
		continue;
	for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	return e > b && word_listed_ci(selves, sizeof(selves) / sizeof(selves[0]), s + b, e - b);
}

/* Whether the figures at s[e] end a word ("Q3 is", "Q3:"; not "K11a", "A320-200"). */
static bool
label_end(const char *s, size_t n, size_t e)
{
	while (e < n && isdigit((unsigned char)s[e]))
		e++;
	return e == n || s[e] == ' ' || s[e] == ':' || s[e] == ',' || s[e] == ')' ||
	    (s[e] == '.' && (e + 1 == n || s[e + 1] == ' '));
}

/* Whether up[0..n) (capitals) is a paragraph's word: PARA, PARAS, PARAGRAPH(S), PGPH, PAR. */
static bool
para_word(const char *up, size_t n)
{
	return (n >= 4 && memcmp(up, "PARA", 4) == 0) || (n >= 4 && memcmp(up, "PGPH", 4) == 0) ||
	    (n == 3 && memcmp(up, "PAR", 3) == 0) || (n == 4 && memcmp(up, "PARS", 4) == 0);
}

/* Whether up[0..n) (capitals) is a determiner: THE, A, AN, ITS, THEIR, HIS, HER, OUR. */
static bool
determiner(const char *up, size_t n)
{
	static const char *const dets[] = { "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "OUR" };

	return word_listed(dets, sizeof(dets) / sizeof(dets[0]), up, n);
}

/* Whether up[0..n) (capitals) is another document's noun ("agreement", "report", "reply"). */
static bool
document_noun(const char *up, size_t n)
{
	static const char *const docs[] = { "AGREEMENT", "TREATY", "ACT", "LAW", "BILL", "DRAFT",
	    "REPLY", "RESPONSE", "REPORT", "PAPER", "PLAN", "PROPOSAL", "CONSTITUTION", "CHARTER",
	    "CONVENTION", "MOU", "ACCORD", "AGENDA", "STATUTE", "DECREE", "CODE", "STUDY",
	    "BUDGET", "CONTRACT", "PROTOCOL", "ARRANGEMENT", "RESOLUTION", "NONPAPER", "VERSION",
	    "TRANSLATION", "EDITION", "SPEECH", "COMMUNIQUE", "INDICTMENT", "JUDGMENT", "RULING",
	    "DECLARATION", "BOOK", "ARTICLE", "LETTER" };

	return word_listed(docs, sizeof(docs) / sizeof(docs[0]), up, n);
}

/* Whether the word at s[e] is ON, ONWARD or ONWARDS ("from here on"). */
static bool
here_on(const char *s, size_t n, size_t e)
{
	char up[16];
	size_t len = next_upper(s, n, &e, up);

	return (len == 2 && memcmp(up, "ON", 2) == 0) || (len >= 6 && len <= 7 &&
	    memcmp(up, "ONWARD", 6) == 0);
}

/*
 * Whether the words at s[e] name another document: a determiner, then within three words a
 * document's noun ("the amended law", "the Omani paper", "the GCC agenda", "their reply").
 */
static bool
document_after(const char *s, size_t n, size_t e)
{
	static const char *const whole[] = { "CABLE", "MESSAGE", "DOCUMENT", "MEMO", "MEMORANDUM",
	    "TELEGRAM", "EMAIL", "LETTER", "NOTE" };
	char up[16];
	size_t len, w, b;
	bool the;

	while (e < n && s[e] == ' ')
		e++;
	b = e;
	if ((len = next_upper(s, n, &e, up)) == 0)
		return false;
	/*
	 * After THE a document's noun; after A, ITS, THEIR or a possessive ("yesterday's
	 * cable") one of this document's kind too.
	 */
	the = len == 3 && memcmp(up, "THE", 3) == 0;
	if (!determiner(up, len)) {
		/* A possessive in lower case ("yesterday's"; not "Post's", the writer's). */
		if (!(e + 1 < n && s[e] == '\'' && (s[e + 1] == 's' || s[e + 1] == 'S') &&
		    is_lower(s[b])))
			return false;
		e += 2;
	}
	for (w = 0; w < 3; w++) {
		if ((len = next_upper(s, n, &e, up)) == 0)
			return false;
		if (document_noun(up, len) || (!the &&
		    word_listed(whole, sizeof(whole) / sizeof(whole[0]), up, len)))
			return true;
		/* "the Minister's letter" */
		if (e + 1 < n && s[e] == '\'' && (s[e + 1] == 's' || s[e + 1] == 'S')) {
			e += 2;
			the = false;
		}
	}
	return false;
}

/*
 * Whether the word after OF at s[e] begins what a part holds, not another document: a word in
 * lower case that is no determiner ("The list of detainees' names", "the text of remarks").
 */
static bool
of_content(const char *s, size_t n, size_t e)
{
	char up[16];
	size_t len, b;

	while (e < n && s[e] == ' ')
		e++;
	b = e;
	if ((len = next_upper(s, n, &e, up)) == 0)
		return false;
	return is_lower(s[b]) && !determiner(up, len) && !(len == 4 &&
	    memcmp(up, "THIS", 4) == 0);
}

/* Whether REST, REMAINDER or BALANCE before s[e] stands alone: no OF after it ("the rest are"). */
static bool
rest_alone(const char *s, size_t n, size_t e)
{
	char up[16];
	size_t len = next_upper(s, n, &e, up);

	return !(len == 2 && memcmp(up, "OF", 2) == 0);
}

/*
 * Whether a possessive stands right before s[k], of another than the writer ("the agreement's
 * paragraph 3", "the talking points' bullets"; not "Post's comment", nor a number's, "Para 3's
 * subparagraph B").
 */
static bool
possessed(const char *s, size_t k)
{
	size_t e, b;

	if (k < 4 || s[k - 1] != ' ')
		return false;
	e = k - 1;
	if (s[e - 1] == '\'' && (s[e - 2] == 's' || s[e - 2] == 'S'))
		e--;
	else if ((s[e - 1] == 's' || s[e - 1] == 'S') && s[e - 2] == '\'')
		e -= 2;
	else if ((s[e - 1] == 's' || s[e - 1] == 'S') && e >= 5 &&
	    memcmp(s + e - 4, "\xe2\x80\x99", 3) == 0)
		e -= 4;
	else
		return false;
	for (b = e; b > 0 && is_alpha(s[b - 1]); b--)
		continue;
	return b < e && !own_voice(s, e);
}

/*
 * Whether the next word after s[e] is in lower case: after CLASSIFIED a level goes on into the
 * sentence ("classified SECRET and is for the Ambassador only"), not into a name.
 */
static bool
lower_next(const char *s, size_t n, size_t e)
{
	while (e < n && (s[e] == ' ' || s[e] == ','))
		e++;
	return e < n && is_lower(s[e]);
}

/* The number a word names, one to twelve ("TWO"), or 0. */
static size_t
number_word(const char *up, size_t n)
{
	static const char *const numbers[] = { "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
	    "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE" };
	/* As radio operators say them, in cables ("PARA TREE"): 3, 4, 5, 8, 9. */
	static const char *const spoken[] = { "TREE", "FOWER", "FIFE", "AIT", "NINER" };
	static const size_t said[] = { 3, 4, 5, 8, 9 };
	size_t k;

	for (k = 0; k < sizeof(numbers) / sizeof(numbers[0]); k++)
		if (strlen(numbers[k]) == n && memcmp(numbers[k], up, n) == 0)
			return k + 1;
	for (k = 0; k < sizeof(spoken) / sizeof(spoken[0]); k++)
		if (strlen(spoken[k]) == n && memcmp(spoken[k], up, n) == 0)
			return said[k];
	return 0;
}

/* Paragraph v named in clause t ("paras 2 and 3", "paras 4-6", "paras two and three"). */
static void
statement_para(struct statement *t, size_t v)
{
	size_t lo = v;

	/*
	 * "Apart from paragraph 2, the Italian non-paper is": not said of paragraph 2; but "This
	 * message is UNCLASSIFIED except for paragraph 5, which is CONFIDENTIAL" is.
	 */
	if (t->except_open && !t->doubt_unclass) {
		t->range_from = 0;
		t->part_before = false;
		return;
	}

	if (v >= 1 && v < 64) {
		/* A range from the number before ("4-6", "4 through 6"). */
		if (t->range_from >= 1 && t->range_from < v)
			lo = t->range_from;
		for (; lo <= v; lo++)
			t->paras |= (uint64_t)1 << lo;
		t->last_para = v;
	} else if (v >= 64) {
		/* Past what the reader counts: no part it can place. */
		t->unplaced = true;
	}
	/* "Everything below paragraph 2": every one from it on. */
	if (t->below_all && v >= 1 && v < 64)
		t->paras |= ~(((uint64_t)1 << v) - 1);
	t->range_from = 0;
	t->ahead = true;
	/* "paragraph 4. Because": the stop after the number ends the sentence. */
	t->part_before = false;
}

/*
 * Reads the figures at s[k] of clause t where they rank a part ("2nd") or label one after a
 * part's word (t->label_due): a paragraph's number is left to the caller; another part's
 * ("Section 2", "bullets 3 and 4") makes the clause unplaced; a subparagraph's names its
 * paragraph where a letter or a number follows ("3.B", "3(b)", "3b"), else none placed. Returns
 * whether it read them, *e past them.
 */
static bool
statement_label(struct statement *t, const char *s, size_t n, size_t k, size_t *e)
{
	size_t d, w, v = 0;
	int due = t->label_due;

	for (d = k; d < n && isdigit((unsigned char)s[d]); d++)
		v = v < 1000 ? v * 10 + (size_t)(s[d] - '0') : v;
	for (w = d; w < n && is_alpha(s[w]); w++)
		continue;
	if (w > d && rank_figures(s + k, w - k)) {
		t->rank_before = true;
		t->label_due = 0;
		*e = w;
		return true;
	}
	t->label_due = 0;
	if (due == LABEL_OTHER) {
		t->unplaced = true;
	} else if (due == LABEL_SUB) {
		if (d < n && (s[d] == '(' || is_alpha(s[d]) || (s[d] == '.' && d + 1 < n &&
		    is_alnum(s[d + 1]))))
			statement_para(t, v);
		else
			t->unplaced = true;
		*e = d;
		return true;
	}
	return false;
}

/*
 * Whether clause s[0..n), which names a part no reader can place or a paragraph by number,
 * limits its readers as a sentence does (reading_denials: "Section 2 is releasable to USA only",
 * "Tab A is not releasable to GBR", "paragraph 4 below is for US personnel only", "Para 2 is not
 * for public release", with public_ok), into *m (no
 * level; an order, denying the public too, so that it holds of unclassified text).
 */
static bool
part_limited(const struct policy *p, const char *s, size_t n, bool public_ok, struct marking *m)
{
	marking_init(m);
	/*
	 * Readers named, or with `public_ok` the public ("Para 2 is not for public release.";
	 * not "Para 2 describes a report that is not for public release, the MFA said").
	 */
	if (!reading_denials(p, s, n, m) || !(marking_denies_readers(m) || (public_ok &&
	    (m->denied_public || m->denied_document))))
		return false;
	/* The writer's own limit on a part is an order, whatever the part's level. */
	m->denied_public = true;
	return true;
}

static bool table_row(const struct policy *p, const char *s, size_t n,
    const struct table_head *h, char *out, size_t *len);

bool
reading_level_may(const struct policy *p, const char *s, size_t n)
{
	static const char *const part_words[] = { "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS",
	    "PORTION", "PORTIONS", "SUBPARA", "SUBPARAGRAPH" };
	/* Other parts' words, and words of a release, which together may limit a part's
	 * readers ("Section 2 is releasable to USA only."). */
	static const char *const parts_more[] = { "SECTION", "SECTIONS", "PART", "PARTS", "ITEM",
	    "ITEMS", "BULLET", "BULLETS", "TAB", "TABS", "TABLE", "ANNEX", "APPENDIX",
	    "ATTACHMENT", "ENCLOSURE", "FOOTNOTE", "SLIDE", "ROW", "CHAPTER", "EXHIBIT", "FIGURE",
	    "ENTRY", "POINT", "POINTS", "REST", "REMAINDER", "BALANCE" };
	const struct policy_term *pt;
	char row[64];
	size_t k = 0, e, len, i, rowlen;
	bool part = false, release = false;
	int c;

	if (!p->level_keys_all)
		return true;
	/* A table's row by paragraph number ("| 3 | GID source | S |"). */
	if (memchr(s, '|', n) != NULL && table_row(p, s, n, NULL, row, &rowlen))
		return true;
	while (k < n) {
		if (!is_alpha(s[k])) {
			k++;
			continue;
		}
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		len = e - k;
		c = to_upper(s[k]) - 'A';
		if (len < 64 && ((p->level_key_lengths[c] >> len) & 1))
			for (i = 0; i < p->nlevel_keys; i++)
				if (p->level_keys[i].len == len &&
				    strncasecmp(s + k, p->level_keys[i].text, len) == 0)
					return true;
		/* CLASSIFIED, CLASSIFICATION, CLASSIFYING. */
		if (c == 'C' - 'A' && len >= 10 && strncasecmp(s + k, "classif", 7) == 0)
			return true;
		/* A part's word: "This paragraph is CUI.", "Para 2 is S." */
		if ((c == 'P' - 'A' || c == 'S' - 'A') && len >= 4 && len <= 12 &&
		    word_listed_ci(part_words, sizeof(part_words) / sizeof(part_words[0]), s + k,
		    len))
			return true;
		/* A mark's level before a slash ("Para 3 is S/NF."). */
		if (e < n && s[e] == '/' && len <= 4 && reading_capitals(s + k, len) &&
		    (pt = policy_term_find(p, s + k, len)) != NULL && pt->level >= 1)
			return true;
		release = release || (len >= 6 && (c == 'R' - 'A' || c == 'F' - 'A' ||
		    c == 'N' - 'A') && (strncasecmp(s + k, "releas", 6) == 0 ||
		    strncasecmp(s + k, "foreign", len < 7 ? len : 7) == 0 ||
		    strncasecmp(s + k, "noforn", 6) == 0));
		k = e;
	}
	/* With a word of a release, a part's word anywhere in the line. */
	for (k = 0; release && !part && k < n; k = e) {
		if (!is_alpha(s[k])) {
			e = k + 1;
			continue;
		}
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		part = e - k >= 3 && e - k <= 10 && word_listed_ci(parts_more,
		    sizeof(parts_more) / sizeof(parts_more[0]), s + k, e - k);
	}
	return part;
}

int
reading_level_statement(const struct policy *p, const char *s, size_t n, struct stated *out)
{
	/* A cheap look first: most lines name no level and say nothing classified. */
	if (!reading_level_may(p, s, n))
		return 0;
	return reading_level_said(p, s, n, out);
}

/*
 * The end of a table's cell that begins at s[k]: a bar, a tab, three spaces, a comma with no
 * space after it (a CSV line's), or the line's end.
 */
static size_t
cell_end(const char *s, size_t n, size_t k)
{
	for (; k < n && s[k] != '|' && s[k] != '\t'; k++)
		if ((n - k >= 3 && memcmp(s + k, "   ", 3) == 0) || (s[k] == ',' && k + 1 < n &&
		    s[k + 1] != ' '))
			break;
	return k;
}

/*
 * The paragraph's number that cell s[0..n) is ("3", "3.", "Para 3", "3.a", "3(a)", "II" where
 * `roman`), 1 to 63, or 0.
 */
static size_t
cell_para(const char *s, size_t n, bool roman)
{
	static const char *const romans[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
	    "IX", "X", "XI", "XII", "XIII", "XIV", "XV" };
	char up[POLICY_WORD_MAX + 1];
	size_t k = 0, e, b, num = 0;

	if (k < n && (s[k] == 'P' || s[k] == 'p')) {
		for (e = k; e < n && is_alpha(s[e]); e++)
			continue;
		if (e - k > 12 || (upper_form(s + k, e - k, up), !para_word(up, e - k)))
			return 0;
		for (k = e; k < n && (s[k] == ' ' || s[k] == '.'); k++)
			continue;
	}
	if (roman && k < n && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X')) {
		for (e = k; e < n && (s[e] == 'I' || s[e] == 'V' || s[e] == 'X'); e++)
			continue;
		for (b = 0; b < sizeof(romans) / sizeof(romans[0]); b++)
			if (strlen(romans[b]) == e - k && memcmp(romans[b], s + k, e - k) == 0)
				num = b + 1;
		k = e;
	} else {
		for (b = k; k < n && isdigit((unsigned char)s[k]) && k - b < 2; k++)
			num = num * 10 + (size_t)(s[k] - '0');
		if (k == b)
			return 0;
	}
	/* "3.", "3.a", "3(a)", "3.a.": a subparagraph names its paragraph. */
	if (k < n && s[k] == '.')
		k++;
	if (k < n && s[k] == '(' && k + 2 < n && is_lower(s[k + 1]) && s[k + 2] == ')')
		k += 3;
	else if (k < n && is_lower(s[k]) && (k + 1 == n || s[k + 1] == '.' || s[k + 1] == ')'))
		k += k + 1 < n ? 2 : 1;
	return k == n && num >= 1 && num <= 63 ? num : 0;
}

/* Whether cell s[0..n) is a mark or a level alone: into *m; *banner if read as a banner. */
static bool
cell_level(const struct policy *p, const char *s, size_t n, bool short_ok, struct marking *m,
    bool *banner)
{
	/* A mark in brackets: "(S//NF)". */
	if (n > 2 && s[0] == '(' && s[n - 1] == ')') {
		s++;
		n -= 2;
	}
	/* Apart by spaces or tabs, "S" alone may say something else ("S" for standby). */
	if (n == 0 || n > 40 || (!short_ok && n < 3 && memchr(s, '/', n) == NULL))
		return false;
	*banner = marking_parse(p, s, n, MARKING_BANNER, m) == 1;
	return (*banner || marking_parse(p, s, n, MARKING_PORTION, m) == 1) && m->level >= 0;
}

/* The most cells of a table's row read, and the longest header row. */
#define TABLE_CELLS 16
#define TABLE_HEAD_MAX 240

/*
 * The cells of s[0..n) as a table's row, into at[][2] (start and end, trimmed); commas part
 * cells only with no space after them, or with `csv` any, and semicolons. Returns how many.
 */
static size_t
table_cells(const char *s, size_t n, bool csv, size_t at[TABLE_CELLS][2])
{
	size_t k = 0, e, b, cells = 0;

	while (k < n && cells < TABLE_CELLS) {
		while (k < n && (s[k] == ' ' || s[k] == '|' || s[k] == '\t' || s[k] == ',' ||
		    (csv && s[k] == ';')))
			k++;
		if (k == n)
			break;
		e = cell_end(s, n, k);
		if (csv)
			for (e = k; e < n && s[e] != ',' && s[e] != ';' && s[e] != '|' &&
			    s[e] != '\t'; e++)
				continue;
		for (b = e; b > k && s[b - 1] == ' '; b--)
			continue;
		at[cells][0] = k;
		at[cells++][1] = b;
		k = e;
	}
	return cells;
}

bool
reading_table_head(const char *s, size_t n, struct table_head *out)
{
	/*
	 * In English, and in the languages of allies' tables (their accents as written: to_upper
	 * leaves them).
	 */
	static const char *const paras[] = { "PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "PGPH",
	    "PORTION", "PORTIONS", "PARA NO", "PARA #", "PARAGRAPH NO", "PARRAFO",
	    "P\xc3\xa1RRAFO", "PARAGRAPHE", "PARAGRAFO", "PAR\xc3\xa1GRAFO", "ABSATZ", "ALINEA",
	    /* Words of other things too: only beside a strong word of the other column. */
	    "SECTION", "PUNTO" };
	static const char *const levels[] = { "CLASSIFICATION", "CLASSIFICATION LEVEL",
	    "SECURITY CLASSIFICATION", "MARKING", "PORTION MARKING", "CLAS", "CLASSIF", "GRADING",
	    "HANDLING", "CLASIFICACION", "CLASIFICACI\xc3\xb3N", "CLASSIFICACAO",
	    "CLASSIFICA\xc3\xa7\xc3\xa3O", "EINSTUFUNG", "RUBRICERING",
	    /* A school's class, a course's level: only beside a strong paragraph's word. */
	    "CLASS", "LEVEL", "MARK", "NIVEAU", "NIVEL" };
	const size_t weak_paras = 2, weak_levels = 5;
	bool strong = false;
	size_t at[TABLE_CELLS][2], cells, c, len, j, w;
	char up[24];
	bool csv = (memchr(s, ',', n) != NULL || memchr(s, ';', n) != NULL) &&
	    memchr(s, '|', n) == NULL &&
	    memchr(s, '\t', n) == NULL;
	struct table_head one, *h = &one;
	bool word = false;

	/*
	 * A cheap look first: a header is a short line (a paragraph's text on one line is not),
	 * with a paragraph's word ("Para", "Pgph", "Portion", "Section", "¶").
	 */
	if (n > TABLE_HEAD_MAX)
		return false;
	for (j = 0; j + 2 < n && !word; j++)
		word = ((s[j] | 0x20) == 'p' && (((s[j + 1] | 0x20) == 'a' && (s[j + 2] | 0x20) ==
		    'r') || ((s[j + 1] | 0x20) == 'g' && (s[j + 2] | 0x20) == 'p') ||
		    ((s[j + 1] | 0x20) == 'o' && (s[j + 2] | 0x20) == 'r') ||
		    ((s[j + 1] | 0x20) == 'u' && (s[j + 2] | 0x20) == 'n') ||
		    (unsigned char)s[j + 1] == 0xC3)) ||
		    ((s[j] | 0x20) == 'a' && (((s[j + 1] | 0x20) == 'b' && (s[j + 2] | 0x20) ==
		    's') || ((s[j + 1] | 0x20) == 'l' && (s[j + 2] | 0x20) == 'i'))) ||
		    ((s[j] | 0x20) == 's' && (s[j + 1] | 0x20) == 'e' && (s[j + 2] | 0x20) == 'c') ||
		    ((unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xB6);
	if (!word)
		return false;
	h->para = h->level = -1;
	h->csv = csv;
	cells = table_cells(s, n, csv, at);
	if (cells < 2)
		return false;
	for (c = 0; c < cells; c++) {
		len = at[c][1] - at[c][0];
		if (len == 0 || len >= sizeof(up))
			continue;
		/* "Para.", "¶": a paragraph's column. */
		if ((len == 2 && (unsigned char)s[at[c][0]] == 0xC2 &&
		    (unsigned char)s[at[c][0] + 1] == 0xB6)) {
			h->para = (int)c;
			strong = true;
			continue;
		}
		for (j = w = 0; j < len; j++)
			if (s[at[c][0] + j] != '.' && s[at[c][0] + j] != ':')
				up[w++] = to_upper(s[at[c][0] + j]);
		/* Not "No.": a row's number, whatever the rows are. */
		if (word_listed(paras, sizeof(paras) / sizeof(paras[0]), up, w) && h->para < 0) {
			h->para = (int)c;
			strong = strong || word_listed(paras, sizeof(paras) / sizeof(paras[0]) -
			    weak_paras, up, w);
		} else if (word_listed(levels, sizeof(levels) / sizeof(levels[0]), up, w)) {
			h->level = (int)c;
			strong = strong || word_listed(levels, sizeof(levels) / sizeof(levels[0]) -
			    weak_levels, up, w);
		}
	}
	/*
	 * A classification's column too ("| Section | Topic | Clearance |" is an agenda's), and
	 * one of the two a word only a marking's table uses ("| Section | Class |" is a school's).
	 */
	if (h->para < 0 || h->level < 0 || !strong)
		return false;
	*out = one;
	return true;
}

/*
 * Whether s[0..n) is a table's row that says a paragraph's level, read as "Para 3: SECRET" into
 * out[0..*len). Under a header that names a paragraph's column (`h`, reading_table_head), that
 * column's number and the level's column, or else any cell that is a level alone ("| 3 | GID
 * source | SECRET |", "3<TAB>GID source<TAB>SECRET", "2, Border posts, SECRET"). With no header,
 * a first or last cell that names itself a paragraph's ("| Para 3 | GID | S//NF |") and a level
 * alone at the other end: a table of numbers and levels may be anything else (a conference's
 * sessions, a team's clearances).
 */
static bool
table_row(const struct policy *p, const char *s, size_t n, const struct table_head *h,
    char *out, size_t *len)
{
	struct marking m;
	size_t at[TABLE_CELLS][2], cells, num = 0, b, e, c, pc;
	bool bars = memchr(s, '|', n) != NULL, banner = false, found = false;
	int w;

	cells = table_cells(s, n, h != NULL && h->csv, at);
	if (cells < 2)
		return false;
	if (h != NULL) {
		if ((size_t)h->para >= cells)
			return false;
		pc = (size_t)h->para;
		num = cell_para(s + at[pc][0], at[pc][1] - at[pc][0], bars);
		for (c = 0; num != 0 && c < cells && !found; c++)
			if (c != pc && (h->level < 0 || (size_t)h->level == c) &&
			    cell_level(p, s + at[c][0], at[c][1] - at[c][0], bars || h->level >= 0,
			    &m, &banner)) {
				b = at[c][0];
				e = at[c][1];
				found = true;
			}
	} else {
		for (c = 0; c < 2 && !found; c++) {
			pc = c == 0 ? 0 : cells - 1;
			b = at[pc][0];
			if (!(s[b] == 'P' || s[b] == 'p'))
				continue;
			num = cell_para(s + b, at[pc][1] - b, bars);
			pc = c == 0 ? cells - 1 : 0;
			if (num != 0 && cell_level(p, s + at[pc][0], at[pc][1] - at[pc][0], bars,
			    &m, &banner)) {
				b = at[pc][0];
				e = at[pc][1];
				found = true;
			}
		}
	}
	if (!found)
		return false;
	if (e - b > 2 && s[b] == '(' && s[e - 1] == ')') {
		b++;
		e--;
	}
	/* A portion's form as a mark in brackets: "Para 3: (S)". */
	w = snprintf(out, 64, banner && e - b > 2 ? "Para %zu: %.*s" : "Para %zu: (%.*s)", num,
	    (int)(e - b), s + b);
	if (w < 0 || w >= 64)
		return false;
	*len = (size_t)w;
	return true;
}

static int level_said_line(const struct policy *p, const char *s, size_t n, struct stated *out);

/*
 * The control that up[0..len) (capitals, the word that ends at s[e]) names, alone or with the
 * word in capitals after it ("NOFORN", "TALENT KEYHOLE"), or NULL.
 */
static const struct policy_term *word_pair(const struct policy *p, const char *s, size_t n,
    size_t e, const char *up, size_t len, bool apart, char *two, size_t *end);

static const struct policy_term *
capitals_control(const struct policy *p, const char *s, size_t n, size_t e, const char *up,
    size_t len)
{
	const struct policy_term *pt = policy_term_find(p, up, len);
	char two[POLICY_WORD_MAX + 1];
	size_t e2;

	/* Two words in capitals ("TALENT KEYHOLE"; not "Dissent Channel", a program's name). */
	if (pt == NULL)
		pt = word_pair(p, s, n, e, up, len, false, two, &e2);
	return pt != NULL && pt->control >= 0 && pt->control < 64 ? pt : NULL;
}

/*
 * The term that the word up[0..len) (capitals, ending at s[e]) and the next make, or NULL: the
 * two in capitals with a space between into two (POLICY_WORD_MAX + 1 bytes, NUL-terminated),
 * *end past the next. With `apart`, the next stands past up to three spaces or
 * dashes ("TOP SECRET", "OFFICIAL - SENSITIVE"); else past one space and in capitals ("TALENT
 * KEYHOLE").
 */
static const struct policy_term *
word_pair(const struct policy *p, const char *s, size_t n, size_t e, const char *up, size_t len,
    bool apart, char *two, size_t *end)
{
	size_t j, e2, v;

	if (apart) {
		for (j = e; j < n && j - e < 3 && (s[j] == ' ' || s[j] == '-'); j++)
			continue;
		if (j == e || j >= n || !is_alpha(s[j]))
			return NULL;
	} else {
		if (e >= n || s[e] != ' ' || (j = e + 1) >= n || !isupper((unsigned char)s[j]))
			return NULL;
	}
	e2 = word_end(s, n, j);
	if ((!apart && !reading_capitals(s + j, e2 - j)) || len + 1 + (e2 - j) > POLICY_WORD_MAX)
		return NULL;
	memcpy(two, up, len);
	two[len] = ' ';
	for (v = j; v < e2; v++)
		two[len + 1 + v - j] = to_upper(s[v]);
	two[len + 1 + (e2 - j)] = '\0';
	*end = e2;
	return policy_term_find(p, two, len + 1 + (e2 - j));
}

/* Whether the word after s[..e) is a noun of handling ("Secret handling", "Secret treatment"). */
static bool
handling_after(const char *s, size_t n, size_t e)
{
	static const char *const nouns[] = { "HANDLING", "TREATMENT", "PROTECTION", "CHANNELS",
	    "CLASSIFICATION", "SAFEGUARDS", "CONTROLS", "CONTROL", "LEVEL" };
	char up[16];
	size_t len;

	if (e >= n || s[e] != ' ')
		return false;
	len = next_upper(s, n, &e, up);
	return len > 0 && word_listed(nouns, sizeof(nouns) / sizeof(nouns[0]), up, len);
}

/*
 * Whether the level s[k..e) opens a quotation that goes on with more words (a headline's
 * "TOP SECRET: THE NETWORK EXPOSED"): its title's, not the text's.
 */
static bool
quoted_title(const char *s, size_t n, size_t k, size_t e)
{
	size_t j;

	if (!(k > 0 && s[k - 1] == '"') && !(k >= 3 && (unsigned char)s[k - 3] == 0xE2 &&
	    (unsigned char)s[k - 2] == 0x80 && (unsigned char)s[k - 1] == 0x9C))
		return false;
	for (j = e; j < n && j - e < 80 && s[j] != '"' && (unsigned char)s[j] != 0xE2; j++)
		if (is_alpha(s[j]))
			return true;
	return false;
}

/*
 * The originator's control (ORCON) where clause s[0..n) says that a release or dissemination
 * needs someone's concurrence, approval, permission or consent ("Further dissemination of para
 * 2 requires CIA concurrence"), as a bit of this policy's controls; 0 where it says none or the
 * policy has no such control.
 */
static uint64_t
originator_control(const struct policy *p, const char *s, size_t n)
{
	static const char *const handling[] = { "DISSEMINATION", "DISSEM", "RELEASE",
	    "DISTRIBUTION", "DISCLOSURE", "USE", "SHARING", "PASSED", "PASS", "SHARED", "SHARE",
	    "DISSEMINATED", "RELEASED", "DISCLOSED", "FORWARDED", "PROVIDED", "ORIGINATOR",
	    "ORIGINATORS", "ORIGINATOR'S" };
	static const char *const needs[] = { "CONCURRENCE", "APPROVAL", "PERMISSION", "CONSENT",
	    "AUTHORIZATION", "AUTHORISATION", "CLEARANCE" };
	char up[POLICY_WORD_MAX + 1];
	size_t k = 0, e, len;
	bool hand = false;
	int c;

	while (k < n) {
		if (!is_alpha(s[k])) {
			k++;
			continue;
		}
		e = word_end(s, n, k);
		len = e - k;
		if (len <= 15) {
			upper_form(s + k, len, up);
			hand = hand || word_listed(handling, sizeof(handling) / sizeof(handling[0]),
			    up, len);
			if (hand && word_listed(needs, sizeof(needs) / sizeof(needs[0]), up, len)) {
				c = policy_control_find(p, "ORCON", 5);
				return c >= 0 && c < 64 ? (uint64_t)1 << c : 0;
			}
		}
		k = e;
	}
	return 0;
}

bool
reading_authority_line(const char *s, size_t n)
{
	struct authority_scan a;
	size_t k = 0, j = 0;
	bool colon;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (n - k < 12 || strncasecmp(s + k, "classified", 10) != 0 || (s[k + 10] != ' ' &&
	    s[k + 10] != '\t'))
		return false;
	for (k += 10; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
		continue;
	if (n - k < 2 || strncasecmp(s + k, "by", 2) != 0 || (k + 2 < n && is_alpha(s[k + 2])))
		return false;
	for (k += 2; k < n && s[k] == ' '; k++)
		continue;
	/*
	 * "Classified By:" and a name or a title (its reason may stand on the next line), or a
	 * reason after it; not prose ("Classified By: the analyst who wrote this, because").
	 */
	colon = k < n && s[k] == ':';
	for (j = k + 1; colon && j < n && s[j] == ' '; j++)
		continue;
	colon = colon && j < n && isupper((unsigned char)s[j]);
	reading_authority_scan(s + k, n - k, &a);
	return !a.class_field && (colon || a.reason || a.four_dot);
}

void
reading_authority_scan(const char *s, size_t n, struct authority_scan *a)
{
	size_t k;

	memset(a, 0, sizeof(*a));
	for (k = 0; k < n; k++) {
		a->class_field = a->class_field || (n - k >= 6 &&
		    strncasecmp(s + k, "class:", 6) == 0);
		a->declassif = a->declassif || (n - k >= 9 && strncasecmp(s + k, "declassif", 9) == 0);
		a->classified_by = a->classified_by || (n - k >= 13 &&
		    strncasecmp(s + k, "classified by", 13) == 0) || (n - k >= 24 &&
		    strncasecmp(s + k, "classification authority", 24) == 0);
		a->reason = a->reason || (n - k >= 6 && strncasecmp(s + k, "reason", 6) == 0);
		if (n - k >= 3 && s[k] == '1' && (s[k + 2] == '4' || s[k + 2] == '5')) {
			a->four_dot = a->four_dot || s[k + 1] == '.';
			a->four = a->four || s[k + 1] == '.' || s[k + 1] == '/';
		}
	}
}

int
reading_table_row(const struct policy *p, const char *s, size_t n, const struct table_head *h,
    struct stated *out)
{
	char row[64];
	size_t len;

	if (!table_row(p, s, n, h, row, &len))
		return 0;
	return level_said_line(p, row, len, out);
}

int
reading_level_said(const struct policy *p, const char *s, size_t n, struct stated *out)
{

	int r;

	if ((r = reading_table_row(p, s, n, NULL, out)) != 0)
		return r;
	return level_said_line(p, s, n, out);
}

static int
level_said_line(const struct policy *p, const char *s, size_t n, struct stated *out)
{
	static const char *const parts[] = { "PARAGRAPH", "PARAGRAPHS", "PARA", "PARAS", "BULLET",
	    "BULLETS", "ITEM", "ITEMS", "PORTION", "PORTIONS", "SECTION", "SECTIONS", "SENTENCE",
	    "SENTENCES", "SUBPARA", "SUBPARAS", "SUBPARAGRAPH", "SUBPARAGRAPHS", "SUBSECTION",
	    "SUBSECTIONS", "POINT", "POINTS", "ENTRY", "ENTRIES", "PASSAGE", "PASSAGES", "TEXT",
	    "PART", "PARTS", "ROW", "ROWS", "LINE", "LINES", "CHAPTER", "CHAPTERS", "TAB", "TABS",
	    "TABLE", "TABLES", "FOOTNOTE", "FOOTNOTES", "ENDNOTE", "ENDNOTES", "SLIDE", "SLIDES",
	    "FIGURE", "FIGURES", "CLAUSE", "CLAUSES", "COLUMN", "COLUMNS", "CELL", "CELLS",
	    "EXHIBIT", "EXHIBITS", "HEADING", "COMMENT", "COMMENTS", "HALF", "BODY", "PGPH",
	    "PGPHS", "PAR" };
	static const char *const whole[] = { "CABLE", "MESSAGE", "DOCUMENT", "MEMO", "MEMORANDUM",
	    "TELEGRAM", "EMAIL", "PAGE", "LETTER", "TEXT" };
	static const char *const annexes[] = { "ANNEX", "ATTACHMENT", "ENCLOSURE", "ADDENDUM",
	    "ENCL", "ENCLS", "ATCH", "ATTACH", "APPENDIX", "PORTION", "SECTION", "TEXT", "PART" };
	/* Words that say the part stands beside this text ("the annexed note", "the attached
	 * report"). */
	static const char *const beside[] = { "ANNEXED", "ATTACHED", "ENCLOSED", "APPENDED" };
	/* Words that except a part from what is said of the whole. */
	static const char *const excepts[] = { "EXCEPT", "EXCEPTING", "EXCLUDING", "APART", "ASIDE",
	    "SAVE", "EXCEPTION", "BESIDES", "BARRING" };
	static const char *const copulas[] = { "IS", "ARE", "BE", "BEEN", "AS", "AT", "REMAINS",
	    "WARRANTS", "WARRANT", "MERITS", "MERIT", "REQUIRES", "REQUIRE", "DESERVES", "CARRIES",
	    "CARRY", "BEARS", "BEAR",
	    "REMAIN", "CONTAINS", "CONTAIN", "WAS", "WERE" };
	/* What makes a clause no statement: a negation, a question, a report of others. */
	/* "The following is", "The above is": what a pointer is said to be. */
	static const char *const linking[] = { "IS", "ARE", "BE" };
	static const char *const negations[] = { "NOT", "NO", "NOTHING", "NONE", "NEVER",
	    "NEITHER", "NOR", "WITHOUT" };
	static const char *const doubts[] = { "UNCLASSIFIED", "DECLASSIFIED", "WHETHER", "IF",
	    "SAID", "SAYS", "SAY", "TOLD", "ASKED", "ASKS", "NOTES", "NOTED", "REPORTED",
	    "REPORTS", "ACCORDING", "CLAIMED", "CLAIMS", "STATED", "ANNOUNCED", "WRITE", "WRITES",
	    "WROTE", "TERM", "MEANS", "MEANING", "DEFINED", "WHY", "WHAT", "REMINDED", "ADDED",
	    "EXPLAINED", "INSISTED", "ARGUED", "ASSERTED", "STRESSED", "DECLARED", "RECALLED",
	    "SUGGESTED", "ALLEGED", "ACKNOWLEDGED", "ADMITTED", "OBSERVED", "REMARKED",
	    "REVEALED", "DISCLOSED", "OFTEN", "USUALLY", "SOMETIMES", "TYPICALLY", "GENERALLY",
	    "NORMALLY", "OCCASIONALLY", "FREQUENTLY" };
	static const char *const handles[] = { "HANDLE", "HANDLED", "TREAT", "TREATED", "PROTECT",
	    "PROTECTED", "MARK", "MARKED", "CONSIDER", "CONSIDERED" };
	static const char *const adverbs[] = { "NOW", "STILL", "ALSO", "INDEED", "IN", "FACT",
	    "THUS", "THEREFORE" };
	/* What a level in lower case is said after (struct statement's pred_last). */
	static const char *const preds[] = { "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "REMAINS",
	    "REMAIN", "AS", "AT", "TO", "FROM", "VICE", "INTO", "STAYS", "STAY", "DEEMED",
	    "RATED", "GRADED" };
	static const char *const pointers[] = { "FOLLOWING", "NEXT", "BELOW", "SUBSEQUENT",
	    "REMAINING", "SUCCEEDING", "ENSUING", "FOLLOWS", "LATER" };
	/* Another document, whose parts these are not: "reftel paras 3 and 4", "in ref A". */
	static const char *const others[] = { "REFTEL", "REFTELS", "REF", "REFS", "REFERENCE",
	    "REFERENCED", "DRAFT", "SEPTEL", "SEPTELS" };
	static const char *const herein[] = { "HEREIN", "HEREWITH", "HEREUNDER" };
	/* Words of classification or handling: a level's letter beside them says it. */
	static const char *const class_stems[] = { "CLASSIF", "RECLASSIF", "UPGRAD", "DOWNGRAD",
	    "HANDL", "PROTECT", "MARKING", "MARKED", "SAFEGUARD", "CLAS" };
	static const char *const generic[] = { "A", "AN", "ANY", "EACH", "EVERY", "NO" };
	static const char *const relatives[] = { "THAT", "WHICH", "WHO", "WHOSE", "WHOM" };
	static const char *const onward[] = { "FOLLOWING", "ONWARD", "ONWARDS", "BEYOND",
	    "THEREAFTER", "HIGHER", "UP", "LATER", "SUBSEQUENT" };
	/* Words no classification is: "Classified By:", "classified At the ...". */
	static const char *const function_words[] = { "BY", "AS", "AT", "IN", "ON", "FOR", "TO",
	    "AND", "OR", "UNDER", "PER", "FROM", "WITH", "THE", "A", "AN", "OF", "UNTIL", "SINCE",
	    "IT", "THIS", "THAT", "THESE", "THOSE", "WHEN", "IF", "ONLY", "INFORMATION", "INFO",
	    "MATERIAL", "DOCUMENTS", "DOCUMENT", "TEXT", "ANNEX" };
	static const char *const backs[] = { "ABOVE", "PRECEDING", "PREVIOUS", "FOREGOING",
	    "PRIOR" };
	/* Words a part's number may follow ("Paragraph number three", "Para No. 3"). */
	static const char *const numbers[] = { "NUMBER", "NUMBERS", "NO", "NOS", "NR", "NUM",
	    "NUMBERED" };
	/* Words that name a part by its topic ("the paragraph on Iranian contacts"). */
	static const char *const topics[] = { "ON", "ABOUT", "CONCERNING", "REGARDING",
	    "COVERING", "DEALING", "DESCRIBING", "DISCUSSING", "ADDRESSING", "WHERE", "IN",
	    "WITH" };
	/* Where a part stands, named by no label ("at the end of this cable"). */
	static const char *const ends[] = { "END", "BOTTOM", "FOOT", "CLOSE", "TAIL" };
	struct statement t;
	struct marking *m = &out->m, one, vague_m;
	bool dash_end, conj, own_part, vague = false, label_word, unclass, prev_part = false;
	bool prev_doc = false, colon_else = false;
	struct marking prev_m;
	int said = 0, r, brackets = 0, prev_said = 0, prev_lone = -1, level_named;
	/* The paragraphs the clause before named by number and said nothing of. */
	uint64_t prev_paras = 0, controls;
	size_t k, e, j, v, from = 0, last_len = 0;
	char up[POLICY_WORD_MAX + 1], last_up[16];

	for (k = n; k > 0 && s[k - 1] == ' '; k--)
		continue;
	dash_end = k > 0 && s[k - 1] == '-';
	marking_init(m);
	m->level = 0;
	marking_init(&vague_m);
	vague_m.level = 0;
	marking_init(&prev_m);
	out->paras = 0;
	out->next = 0;
	memset(&t, 0, sizeof(t));
	t.level = t.said = t.said_caps = t.said_lower = -1;
	t.first = true;
	for (k = 0; k <= n; k = e) {
		const struct policy_term *pt;
		size_t len;
		bool handled = false;

		/*
		 * "Paragraphs (3) and (4)": a number in brackets after a paragraph's word; after
		 * another part's ("Part (3)", "subparagraph (3)"), a label no reader places.
		 */
		if (k < n && s[k] == '(' && (t.part_before || t.paras != 0 || t.label_due != 0) &&
		    k + 2 < n && isdigit((unsigned char)s[k + 1])) {
			for (v = 0, j = k + 1; j < n && isdigit((unsigned char)s[j]) && v < 64; j++)
				v = v * 10 + (size_t)(s[j] - '0');
			if (j < n && s[j] == ')') {
				if (t.label_due == LABEL_OTHER || t.label_due == LABEL_SUB)
					t.unplaced = true;
				else
					statement_para(&t, v);
				t.label_due = 0;
				e = j + 1;
				continue;
			}
		}
		/*
		 * "Para 3 should have been marked (S).", "classified (S//NF)": a mark in brackets
		 * predicated.
		 */
		if (k < n && s[k] == '(' && (t.copula_last || t.handle_before ||
		    t.classified_before) && k + 1 < n && isupper((unsigned char)s[k + 1]) &&
		    statement_mark_bracketed(p, s, n, k, &t.mark, &j)) {
			t.marked = t.named = true;
			t.level_at = t.words;
			t.level_first = t.level_first != 0 ? t.level_first : t.words;
			t.copula = true;
			e = j;
			continue;
		}
		/*
		 * "Paras 3 and 4 (and their subparas) are SECRET": words in brackets after a part
		 * that name no level go on the clause.
		 */
		if (k < n && s[k] == '(' && (t.part_seen || t.paras != 0) && !t.named &&
		    (j = bracket_plain(p, s, n, k)) != 0) {
			e = j;
			continue;
		}
		/* "Para 3 (below) is Secret.": a word in brackets goes on the clause. */
		if (k < n && s[k] == '(' && t.words > 0 && k + 2 < n && is_alpha(s[k + 1]) &&
		    (j = word_end(s, n, k + 1)) < n && s[j] == ')' && j - k - 1 <= 10 &&
		    !reading_level_may(p, s + k + 1, j - k - 1)) {
			e = k + 1;
			brackets++;
			continue;
		}
		if (k < n && s[k] == ')' && brackets > 0) {
			brackets--;
			e = k + 1;
			continue;
		}
		if (k == n || (s[k] != '\0' && strchr(".!?;:()[]", s[k]) != NULL)) {
			bool closed = k < n && (s[k] == ')' || s[k] == ']'), last, own;

			/*
			 * "Classification: Secret", "This paragraph: SECRET.", "PARA 2: SECRET": a
			 * field, or a part named, with no level yet goes on past its colon, and
			 * what follows the colon is said of it.
			 */
			for (j = k + 1; j < n && s[j] == ' '; j++)
				continue;
			if (k < n && s[k] == ':' && j < n && !t.named && (t.field_word || t.here ||
			    t.ahead || t.back)) {
				t.field = t.field || t.field_word;
				/* "Classification: Protected B" (not "Classification Corner:"). */
				t.field_colon = t.field_last;
				t.copula = true;
				e = k + 1;
				continue;
			}
			/*
			 * A full stop inside a word or a figure ("U.S.", "2.3"), or after a
			 * paragraph's word cut short ("para. 2"), ends nothing.
			 */
			if (k < n && s[k] == '.' && ((k + 1 < n && s[k + 1] != ' ') ||
			    t.part_before || t.seq_before)) {
				e = k + 1;
				continue;
			}
			t.doubt = t.doubt || (k < n && s[k] == '?');
			for (j = k + 1; j < n && strchr(" .)]", s[j]) != NULL; j++)
				continue;
			last = j >= n;
			/* "(Classified Secret.)": a sentence of its own in brackets. */
			own = closed && (last || (k > 0 && s[k - 1] == '.') || (j < n &&
			    j > k + 1 && s[j - 1] == '.'));
			/*
			 * Parts named beside another document are its ("Reftel paras 3 and 4 are
			 * Secret.", "The following paragraph summarizes reftel, which is
			 * classified Secret."); "this paragraph" stays this one.
			 */
			if (t.elsewhere) {
				t.paras = 0;
				t.ahead = t.subject = t.unplaced = t.unplaced_desc = false;
			}
			/*
			 * "The GAO report has four tables; Table 1 is SECRET.": a part no reader
			 * places after a clause that named another document is that one's.
			 */
			if (prev_doc && (t.unplaced || t.unplaced_desc) && t.paras == 0 &&
			    !t.pronoun_part) {
				t.unplaced = t.unplaced_desc = false;
				t.elsewhere = t.other_doc = true;
			}
			/* "paras 2 and 3 are SECRET; so is para 4.": the level before. */
			if (t.so_first && !t.named && prev_said != 0 && (t.paras != 0 ||
			    t.unplaced || t.part_seen)) {
				t.mark = prev_m;
				t.marked = t.named = t.copula = true;
				t.level_first = t.level_at = t.copula_at = t.words;
			}
			/* A colon, or a dash that ends the line ("classified Secret --"). */
			marking_init(&one);
			one.level = 0;
			r = statement_end(p, &t, &one, closed, last, (k < n && s[k] == ':') ||
			    (k == n && dash_end), own);
			if (r != 0 && !(r & STATED_VAGUE)) {
				prev_m = one;
				prev_said = r;
			}
			/*
			 * A part no reader can place whose readers the clause limits ("Section 2
			 * is releasable to USA only"): every part's readers are.
			 */
			if (r == 0 && (t.unplaced || t.paras != 0 || t.part_here) && !t.elsewhere &&
			    k > from && part_limited(p, s + from, k - from, !t.report && !t.relative,
			    &one)) {
				marking_join(p, m, &one, m);
				/* ... or a paragraph's ("paragraph 3 is REL TO USA, AUS"), or its own
				 * ("This paragraph is NOT RELEASABLE TO FOREIGN NATIONALS."). */
				said |= STATED_HERE | (t.unplaced ? STATED_UNPLACED : t.paras != 0 ?
				    STATED_AHEAD : STATED_THIS | STATED_PART);
				out->paras |= t.unplaced ? 0 : t.paras;
			}
			/*
			 * A paragraph of this one named by number beside a level above the lowest,
			 * in a clause the rules above did not read as a statement ("Para 2
			 * classification raised to SECRET", "Para 2 retains its SECRET
			 * classification", "afford paragraph 2 SECRET protection", "reminded that
			 * para 2 is SECRET"): unknown unless proven, the paragraph takes the level.
			 * Another document named, or a part of any, proves it is not this one's.
			 */
			level_named = t.said > t.said_caps ? t.said : t.said_caps;
			/*
			 * In a clause all in capitals a level is a word like any ("AN OPEN SECRET",
			 * "A CAREER SECRET POLICE OFFICER"): it counts said right after a copula, in
			 * a mark's form, or beside a word of classification.
			 */
			if ((!t.lower && !t.class_word && !t.caps_marked && !(t.level >= 1 &&
			    t.level_first != 0 && t.level_first <= t.copula_at + 2)) ||
			    (t.quoted_title && r == 0))
				level_named = -1;
			/*
			 * In lower case beside a word of classification ("para 3 has been upgraded
			 * from confidential to secret").
			 */
			if ((t.class_word || t.lower_firm) && t.said_lower > level_named)
				level_named = t.said_lower;
			/*
			 * ... or a level alone in the clause next to it ("para 2 (SECRET)",
			 * "SECRET: para 2").
			 */
			if (t.paras != 0 && level_named < 1 && prev_lone >= 1 && r == 0)
				level_named = prev_lone;
			/*
			 * The paragraphs the clause before named and said nothing of take a level
			 * an order of handling or a pronoun says next, in any case ("Para 3 names a
			 * source; handle as secret.", "... in paragraph 2. Please handle it as
			 * SECRET.", "Para 3 concerns a source. It is secret.").
			 */
			if (t.paras == 0 && prev_paras != 0 && (t.instruction || t.pronoun) &&
			    !t.elsewhere && !t.other_doc && !t.report && !t.extraposed) {
				/* Said after a copula, in capitals, or predicated in lower case;
				 * not in title case, which a line's end may cut from its noun ("the
				 * Secret" / "Service detail"). */
				int l = t.level;

				l = t.said_caps > l ? t.said_caps : l;
				l = t.lower_firm && t.said_lower > l ? t.said_lower : l;
				/* ... or a control ("It is for official use only."), or a limit on
				 * readers ("It must not be published."). */
				if (l < 1 && t.controls == 0 && k > from && !t.report &&
				    part_limited(p, s + from, k - from, true, &one)) {
					marking_join(p, m, &one, m);
					said |= STATED_HERE | STATED_AHEAD;
					out->paras |= prev_paras;
				} else if (l >= 1 || t.controls != 0) {
					marking_init(&one);
					one.level = l > 0 ? l : 0;
					one.unknown = t.caps_unknown;
					for (v = 0; v < p->ncontrols && v < 64; v++)
						if ((t.controls >> v) & 1)
							join_control(p, (int)v, &one);
					marking_join(p, m, &one, m);
					said |= STATED_HERE | STATED_AHEAD;
					out->paras |= prev_paras;
				}
			}
			if (t.paras == 0 && prev_paras != 0 && t.words <= 2 && t.said_caps >= 1 &&
			    (r == 0 || (r & STATED_VAGUE)) && !t.elsewhere) {
				marking_init(&one);
				one.level = t.said_caps;
				marking_join(p, m, &one, m);
				said |= STATED_HERE | STATED_AHEAD;
				out->paras |= prev_paras;
			}
			prev_lone = t.paras == 0 && t.words <= 2 && !t.part_seen ? t.said_caps : -1;
			/* An aside of three words or fewer keeps it ("Para 3 (formerly
			 * CONFIDENTIAL) is SECRET."). */
			if (t.paras != 0 || t.words > 3)
				prev_paras = 0;
			/*
			 * ... and a control named in capitals ("Paragraph 2 includes TALENT KEYHOLE
			 * imagery"), or in words an originator's control ("Further dissemination
			 * of para 2 requires CIA concurrence": ORCON).
			 */
			controls = t.paras != 0 && k > from ? t.controls_caps | t.controls_lower |
			    originator_control(p, s + from, k - from) : 0;
			if (t.paras != 0 && (level_named >= 1 || controls != 0) && !t.elsewhere &&
			    !t.other_doc && !t.generic_part) {
				if (r != 0 && !(r & STATED_VAGUE)) {
					/* Every level named beside it raises: "should read SECRET
					 * vice CONFIDENTIAL". */
					if (level_named > one.level)
						one.level = level_named;
				} else {
					marking_init(&one);
					one.level = level_named > 0 ? level_named : 0;
					said |= STATED_HERE | STATED_AHEAD;
					out->paras |= t.paras;
				}
				one.unknown = one.unknown || t.caps_unknown;
				for (v = 0; v < p->ncontrols && v < 64; v++)
					if ((controls >> v) & 1)
						join_control(p, (int)v, &one);
				if (r == 0 || (r & STATED_VAGUE))
					marking_join(p, m, &one, m);
			} else if (r == 0 && t.paras != 0 && !t.elsewhere && !t.other_doc) {
				prev_paras = t.paras;
			}
			/* A clause said of no part is kept apart: another may say more. */
			if (r & STATED_VAGUE) {
				marking_join(p, &vague_m, &one, &vague_m);
				vague = true;
			} else if (r != 0) {
				marking_join(p, m, &one, m);
				said |= r;
				out->paras |= t.paras;
				if (r & STATED_NEXT)
					out->next = t.count > out->next ? t.count : out->next > 0 ?
					    out->next : 1;
			}
			/*
			 * What the next clause may take from this one: a part named that it said
			 * nothing of ("Para 3 was mismarked; it is SECRET"), another document
			 * named, one that a colon ends ("Correction to reftel: para 3 is").
			 */
			prev_part = (t.part_seen || t.annex_seen) && !t.other_doc && r == 0;
			prev_doc = t.doc_named;
			colon_else = t.elsewhere && k < n && s[k] == ':';
			from = k + 1;
			last_len = 0;
			memset(&t, 0, sizeof(t));
			t.level = t.said = t.said_caps = t.said_lower = -1;
			t.elsewhere = colon_else;
			t.opened = k < n && (s[k] == '(' || s[k] == '[');
			e = k + 1;
			continue;
		}
		if (!is_alpha(s[k])) {
			/*
			 * A number after a paragraph's word points at it ("paras 2 and 3", "paras
			 * 4-6"), and so do the numbers after it in the clause.
			 */
			/* The paragraph sign as a paragraph's word ("¶¶5-6 below are SECRET"). */
			if (((unsigned char)s[k] == 0xC2 && k + 1 < n &&
			    (unsigned char)s[k + 1] == 0xB6) || (unsigned char)s[k] == 0xB6) {
				t.part_before = t.part_seen = true;
				t.label_due = LABEL_PARA;
				e = k + ((unsigned char)s[k] == 0xC2 ? 2 : 1);
				continue;
			}
			/* The section sign ("\xc2\xa73 below is SECRET"): a label follows. */
			if (((unsigned char)s[k] == 0xC2 && k + 1 < n &&
			    (unsigned char)s[k + 1] == 0xA7) || (unsigned char)s[k] == 0xA7) {
				t.part_seen = true;
				t.label_due = LABEL_OTHER;
				e = k + ((unsigned char)s[k] == 0xC2 ? 2 : 1);
				continue;
			}
			/*
			 * A rank in figures ("the 2nd paragraph"); a label after a part's word
			 * that is no paragraph's number ("Part 3", "bullets 3 and 4"), or a
			 * subparagraph's, which names its paragraph ("Subparagraph 3.B").
			 */
			if (isdigit((unsigned char)s[k]) && statement_label(&t, s, n, k, &e))
				continue;
			/* "The next 2 paragraphs": how many. */
			if (isdigit((unsigned char)s[k]) && t.point_before && !t.part_before &&
			    t.paras == 0) {
				for (v = 0, e = k; e < n && isdigit((unsigned char)s[e]) && v < 64;
				    e++)
					v = v * 10 + (size_t)(s[e] - '0');
				t.count = v;
				continue;
			}
			if (isdigit((unsigned char)s[k]) && (t.part_before || t.paras != 0)) {
				for (v = 0, e = k; e < n && isdigit((unsigned char)s[e]) && v < 64;
				    e++)
					v = v * 10 + (size_t)(s[e] - '0');
				statement_para(&t, v);
				t.num_last = true;
				/* "Paras 3+": each from it on. */
				if (e < n && s[e] == '+' && t.last_para > 0) {
					for (v = t.last_para; v < 64; v++)
						t.paras |= (uint64_t)1 << v;
					e++;
				}
				continue;
			}
			if (s[k] == '-' && t.last_para > 0)
				t.range_from = t.last_para;
			if (isdigit((unsigned char)s[k]) && t.part_before)
				t.ahead = true;
			/*
			 * A quote: what it holds is someone's words, or a word named; but not a
			 * level quoted right after its copula ("para 3 is \"SECRET//NOFORN\"").
			 */
			if (s[k] == '"' || (s[k] == '\'' && (k == 0 || s[k - 1] == ' ')) ||
			    ((unsigned char)s[k] == 0xE2 && k + 2 < n &&
			    (unsigned char)s[k + 1] == 0x80 && (unsigned char)s[k + 2] >= 0x98 &&
			    (unsigned char)s[k + 2] <= 0x9F)) {
				size_t q = k + ((unsigned char)s[k] == 0xE2 ? 3 : 1);

				if (t.copula_last && !t.quote_level && q < n &&
				    isupper((unsigned char)s[q]))
					t.quote_level = true;
				else if (t.quote_level)
					t.quote_level = false;
				else
					t.doubt = true;
				if (q > k + 1) {
					e = q;
					continue;
				}
			}
			if (s[k] == ',')
				t.conj_before = true;
			/*
			 * An aside between commas after a copula keeps what it predicates ("It is,
			 * at the service's request, secret.").
			 */
			if (s[k] == ',' && t.pred_held) {
				t.pred_last = true;
				t.pred_held = false;
			} else if (s[k] == ',' && t.pred_last) {
				t.pred_held = true;
			}
			/* A comma ends an exception's phrase ("Except for paragraph 2, this"), and
			 * a possessive's reach ("At Fidan's request, para 3 is"). */
			if (s[k] == ',') {
				t.except_open = false;
				t.det_at = 0;
			}
			if (s[k] != ' ' && s[k] != ',')
				t.this_before = t.point_before = t.handle_before = false;
			if (s[k] == ',' && (t.level >= 1 || t.classified || t.marked))
				t.sep = true;
			/*
			 * Before any level, a comma parts what a doubt was of from what follows, a
			 * clause of its own ("Because it draws on reporting from a service that
			 * asked not to be named, the information in paragraph 3 is classified
			 * SECRET"); not before WHICH said of a part ("Please do not pass
			 * paragraph 4, which is SECRET").
			 */
			/*
			 * The paragraphs named before it stay named ("Para 3, though marked
			 * unclassified, is confidential").
			 */
			if (s[k] == ',' && !t.named && (t.doubt || t.doubt_unclass) &&
			    !t.reported && !(t.part_seen && n - k > 7 &&
			    strncasecmp(s + k + 1, " which ", 7) == 0)) {
				uint64_t named = t.paras;

				memset(&t, 0, sizeof(t));
				t.level = t.said = t.said_caps = t.said_lower = -1;
				t.paras = named;
			}
			e = k + 1;
			continue;
		}
		e = word_end(s, n, k);
		len = e - k;
		t.words++;
		if (len > POLICY_WORD_MAX) {
			t.this_before = t.point_before = t.handle_before = t.part_before = false;
			continue;
		}
		/* "Para 3 is S/NF.", "classified C//REL": a mark predicated, as a mark reads; and
		 * readers alone ("paragraph 3 is REL TO USA, AUS"), at the lowest level. */
		if ((t.copula_last || t.classified_before || t.field || t.num_last) &&
		    ((isupper((unsigned char)s[k]) && statement_mark(p, s, n, k, &t.mark, &j)) ||
		    statement_rel(p, s, n, k, &t.mark, &j))) {
			t.marked = t.named = true;
			t.level_at = t.words;
			t.level_first = t.level_first != 0 ? t.level_first : t.words;
			t.whole_level = t.whole_level || (t.copula && t.whole_subject);
			e = j;
			continue;
		}
		for (j = 0; j < len; j++)
			up[j] = to_upper(s[k + j]);
		/* A question's or an item's label ("Q3 is SECRET", "A2"): a part no one places. */
		if (len == 1 && isupper((unsigned char)s[k]) && e < n &&
		    isdigit((unsigned char)s[e]) && !t.copula && t.words <= 3 && (k == 0 ||
		    s[k - 1] == ' ' || s[k - 1] == '(') && label_end(s, n, e))
			t.part_seen = t.unplaced = true;
		/* A label of letters after a part's word ("Part III", "Annex B", "Para C"). */
		label_word = t.label_due != 0 && word_listed(numbers, sizeof(numbers) /
		    sizeof(numbers[0]), up, len);
		if (t.label_due != 0 && (roman_word(up, len) || len == 1))
			t.unplaced = true;
		/* A part named by its topic ("The paragraph on Iranian contacts"). */
		if (t.label_due != 0 && !t.part_here && word_listed(topics, sizeof(topics) /
		    sizeof(topics[0]), up, len))
			t.unplaced = true;
		/* "The latter is SECRET", "at the end of this cable": no part that is placed. */
		if (t.the_before && t.last_para == 0 && ((t.part_seen && word_listed(ends,
		    sizeof(ends) / sizeof(ends[0]), up, len)) || (len == 6 && (memcmp(up, "LATTER",
		    6) == 0 || memcmp(up, "FORMER", 6) == 0))))
			t.unplaced = true;
		t.latter = t.latter || (t.the_before && len == 6 && (memcmp(up, "LATTER", 6) == 0 ||
		    memcmp(up, "FORMER", 6) == 0));
		if (!label_word)
			t.label_due = 0;
		/*
		 * A negation after the level, past a comma, AND or BUT, is of something else:
		 * "classified Secret, not Confidential", "... Secret and must not be shared"; a
		 * report is not ("... classified secret, al-Raisi said").
		 */
		/*
		 * "What follows is Secret." asks nothing; "Post notes that paragraphs 4 and 5
		 * are" is the writer's own word.
		 */
		/*
		 * A level denied past a comma, AND or BUT is another part's ("Paragraph 3 is
		 * SECRET and paragraph 4 is unclassified.").
		 */
		unclass = word_stem(up, len, "UNCLASSIF") || word_stem(up, len, "DECLASSIF");
		/* A request is no report ("The service asked that it be handled as secret"). */
		t.report = t.report || (!unclass && word_listed(doubts, sizeof(doubts) /
		    sizeof(doubts[0]), up, len) && !own_voice(s, k) && !(len >= 4 &&
		    memcmp(up, "ASK", 3) == 0));
		if (word_listed(doubts, sizeof(doubts) / sizeof(doubts[0]), up, len) && unclass &&
		    !t.sep_part)
			t.doubt_unclass = true;
		else if ((word_listed(doubts, sizeof(doubts) / sizeof(doubts[0]), up, len) &&
		    !(len == 4 && memcmp(up, "WHAT", 4) == 0 && n - e > 8 &&
		    strncasecmp(s + e, " follow", 7) == 0) && !own_voice(s, k) && !unclass) ||
		    ((word_listed(negations, sizeof(negations) / sizeof(negations[0]), up, len) ||
		    contracted_not(up, len)) && !t.sep && !label_word))
			t.doubt = true;
		/* "According to Reuters, Annex B is Secret": the comma does not end the report. */
		if (len == 9 && memcmp(up, "ACCORDING", 9) == 0)
			t.reported = true;
		if ((t.level >= 1 || t.classified || t.marked) && ((len == 3 &&
		    memcmp(up, "AND", 3) == 0) || (len == 3 && memcmp(up, "BUT", 3) == 0)))
			t.sep = true;
		/*
		 * "Handle as secret.", "Please treat it as SECRET.", "It is secret.": an order of
		 * handling or a pronoun that opens the clause, what a paragraph named in the
		 * clause before takes (prev_paras).
		 */
		{
			int b = back_word(up, len, t.words, last_up, last_len, s, n, e);

			t.instruction = t.instruction || b == BACK_ORDER;
			t.pronoun = t.pronoun || b == BACK_PRONOUN;
		}
		/*
		 * "Para 3 was mismarked in the draft; it is SECRET//NOFORN.": a pronoun that
		 * opens a clause after one that named a part is said of a part.
		 */
		if (t.words == 1 && prev_part && ((len == 2 && memcmp(up, "IT", 2) == 0) ||
		    (len == 4 && memcmp(up, "THEY", 4) == 0)))
			t.pronoun_part = true;
		/* "PARAS TWO AND THREE": numbers in words point as figures do. */
		if ((t.part_before || t.paras != 0) && (v = number_word(up, len)) != 0)
			statement_para(&t, v);
		/* "Paragraphs 3 and following", "paras 3 et seq.", "paras 3, 4, etc.": every one
		 * from it on. */
		if (t.last_para > 0 && (word_listed(onward, sizeof(onward) / sizeof(onward[0]), up,
		    len) || (len == 3 && memcmp(up, "SEQ", 3) == 0) || (len == 2 &&
		    memcmp(up, "FF", 2) == 0) || (len == 3 && memcmp(up, "ETC", 3) == 0)))
			for (v = t.last_para; v < 64; v++)
				t.paras |= (uint64_t)1 << v;
		/* "The next two paragraphs": how many. */
		if (t.point_before && ((v = number_word(up, len)) != 0)) {
			t.count = v;
			t.words--;
			continue;
		}
		/* "TOP SECRET", "OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE": two words. */
		{
			char two[POLICY_WORD_MAX + 1];
			size_t e2;

			if ((pt = word_pair(p, s, n, e, up, len, true, two, &e2)) != NULL &&
			    statement_level(pt)) {
				len = strlen(two);
				memcpy(up, two, len);
				e = e2;
			}
		}
		/*
		 * A level's name with a capital, as drafters write it ("secret" is a word), or
		 * after CLASSIFIED ("classified secret"). Another scheme's ("classified
		 * Restricted") is unknown here: said after CLASSIFIED, in a field or of a part.
		 */
		/*
		 * In lower case too where said of the part the clause opens with, right after
		 * its copula ("(Note: this paragraph is secret.)"; not "In this section the
		 * court treated the names as confidential."). A portion's form of a level ("Para
		 * 2 is S.", "This paragraph: C."), in capitals where said of a part, at the
		 * clause's end.
		 */
		/*
		 * A level in capitals, said or not ("SECRET protection", "a SECRET source"), or a
		 * portion's form of it in quotes or brackets ("'S'", "(S)"): what a paragraph
		 * named by number in the clause takes where no rule reads it (said_caps).
		 */
		{
			/* Not a paragraph's own mark after its label ("¶12. (C) A U.S."). */
			bool caps = reading_capitals(s + k, e - k), quoted = (k > 0 && e < n &&
			    strchr("'\"(", s[k - 1]) != NULL && strchr("'\")", s[e]) != NULL &&
			    !(s[k - 1] == '(' && head_label(s, k - 1))) ||
			    /* "Para 3 - S.", "Para 3: S": after a colon or a dash, alone. */
			    (k >= 2 && s[k - 1] == ' ' && (s[k - 2] == ':' || s[k - 2] == '-') &&
			    (e == n || strchr(".;,)", s[e]) != NULL));
			/*
			 * "warrants Secret handling", "at the secret level": a level's name before a
			 * noun of handling.
			 */
			bool titled = !caps && len >= 6 && handling_after(s, n, e);

			handled = titled;

			for (j = k; j < e && !t.lower; j++)
				t.lower = is_lower(s[j]);
			t.class_word = t.class_word || stem_listed(class_stems, sizeof(class_stems) /
			    sizeof(class_stems[0]), up, len);
			/* A portion's form needs a word of classification beside it ("should read S
			 * vice C"); a quoted title's level is its title's ("TOP SECRET: THE NETWORK
			 * EXPOSED"). */
			bool title = quoted_title(s, n, k, e);

			t.quoted_title = t.quoted_title || title;
			if (((caps && (len >= 4 || quoted || t.class_word)) || titled) && !title &&
			    (pt = policy_term_find(p, up, len)) != NULL &&
			    pt->level > t.said_caps && pt->control < 0) {
				t.said_caps = pt->level;
				t.caps_marked = t.caps_marked || quoted || titled || (e < n &&
				    s[e] == '/');
			}
			if (!caps && len >= 6 && !title && (t.pred_last || titled) &&
			    (pt = policy_term_find(p, up, len)) != NULL &&
			    pt->level > t.said_lower && pt->control < 0) {
				t.said_lower = pt->level;
				/* "has been raised to secret at", "is actually secret." */
				if ((titled || level_said(p, s, n, k, e)) && !t.relative)
					t.lower_firm = true;
				/* "It is secret that the ministry plans": the level's, no one's. */
				t.extraposed = t.extraposed || (n - e > 6 &&
				    strncasecmp(s + e, " that ", 6) == 0);
			}
			/* A mark's form ("draws on TS/SCI reporting"), its tokens known or not. */
			if (caps && len <= 3 && e + 1 < n && (s[e] == '/' || s[e] == '-') &&
			    isupper((unsigned char)s[e + 1]) && t.paras != 0) {
				struct marking mk;
				char form[64];
				size_t me, f;

				/* A hyphen for a slash ("TS-SCI", "S-NF"). */
				for (f = 0; k + f < n && f + 1 < sizeof(form) && s[k + f] != ' ';
				    f++)
					form[f] = s[k + f] == '-' ? '/' : s[k + f];
				/* Not an office's symbol ("cleared by S/CT"). */
				if (statement_mark(p, form, f, 0, &mk, &me) &&
				    mk.level > t.said_caps) {
					t.said_caps = mk.level;
					t.caps_marked = true;
					t.caps_unknown = t.caps_unknown || mk.unknown;
				}
			}
			/* One word of five letters or more, or two: "FISA" is a law's name too. */
			if (len >= 4 && caps && (pt = capitals_control(p, s, n, e, up, len)) != NULL &&
			    (len >= 5 || !pt->single))
				t.controls_caps |= (uint64_t)1 << pt->control;
		}
		own_part = t.copula && ((t.part_here && t.this_first) || t.subject ||
		    t.paras != 0 || t.ahead || t.back);
		/* "should be handled at the secret level": before a noun of handling, after a
		 * copula. */
		handled = handled && t.copula;
		pt = (len >= 6 && (isupper((unsigned char)s[k]) || t.classified_before ||
		    (own_part && t.copula_last) || handled)) || (own_part && t.copula_last &&
		    len <= 3 && reading_capitals(s + k, len) && (k == 0 || s[k - 1] == ' ') &&
		    level_said(p, s, n, k, e) && (e == n || s[e] == '.' || s[e] == ' ')) ?
		    policy_term_find(p, up, len) : NULL;
		if (pt != NULL && pt->level >= 1 && pt->control < 0 && (level_said(p, s, n, k, e) ||
		    handled || (t.classified_before && lower_next(s, n, e)))) {
			t.named = true;
			if (pt->level > t.said)
				t.said = pt->level;
			if ((t.copula || t.begin || t.field || t.num_last) && pt->level > t.level)
				t.level = pt->level;
			/* "This cable is SECRET": a level of the whole. */
			if (t.copula && t.whole_subject)
				t.whole_level = true;
			if (t.copula || t.begin || t.field) {
				t.level_at = t.words;
				t.level_first = t.level_first != 0 ? t.level_first : t.words;
			}
			t.flow = t.flow || t.begin;
		} else if (pt != NULL && statement_level(pt) && level_said(p, s, n, k, e)) {
			if (t.classified_before || t.field || (t.copula && (t.here || t.handle ||
			    t.ahead))) {
				t.named = true;
				t.other = true;
			}
		} else if (word_stem(up, len, "CLASSIF") && len >= 10 &&
		    (up[7] == 'I' || up[7] == 'Y')) {
			/* CLASSIFIED, CLASSIFICATION; not UNCLASSIFIED, nor "classifies". */
			if (len == 14 && memcmp(up + 7, "ICATION", 7) == 0) {
				/*
				 * A field: "(Classification: Secret)", "Overall classification:
				 * Secret.", "Classification of this paragraph: Secret."
				 */
				t.field_word = t.field_word || t.words <= 3;
			} else {
				t.opens_classified = t.opens_classified || t.words == 1;
				/*
				 * Of a part, whatever follows ("This paragraph is classified one
				 * level higher than the rest of the cable.").
				 */
				if (level_said(p, s, n, k, e) || t.part_here || t.subject) {
					t.named = t.classified_named = true;
					t.classified = t.classified || t.copula || t.begin;
					t.flow = t.flow || t.begin;
				}
				/* "classified Secret": the level after it is predicated. */
				t.copula = true;
			}
		} else if (len >= 2 && is_lower(s[k]) && (t.copula || t.relative) &&
		    (t.part_here || t.subject || t.paras != 0 || t.unplaced || ((t.pronoun ||
		    t.instruction) && prev_paras != 0))) {
			/*
			 * A control's name of several words in lower case, said of a part ("Para 2
			 * is for official use only.", "... is law enforcement sensitive").
			 */
			size_t at = k;
			int c = control_run(p, s, n, &at);

			if (c >= 0 && c < 64 && p->controls[c].kind != CONTROL_DISTRIBUTION &&
			    at > e) {
				t.controls |= (uint64_t)1 << c;
				t.controls_lower |= (uint64_t)1 << c;
				t.named = true;
				e = at;
			}
		} else if (len >= 2 && isupper((unsigned char)s[k]) && (t.classified_before ||
		    t.field || (t.copula && (t.part_here || t.handle || t.subject ||
		    t.paras != 0 || t.unplaced || t.count > 0)))) {
			size_t at = k;
			int c = control_run(p, s, n, &at);

			/*
			 * Said of a part, after CLASSIFIED or in a field: a control ("This paragraph
			 * is Limited Official Use."), another scheme's level of any length ("This
			 * paragraph is CUI."); in a field, or after CLASSIFIED said of a part, a word
			 * with a capital no policy knows ("This paragraph is classified Protected
			 * B."; not "the Embassy's Classified Website"): unknown.
			 */
			/* ... or of a part named ("Para 3 is NOT RELEASABLE TO FOREIGN NATIONALS.",
			 * "The rest of the cable is NOFORN."). */
			if (c >= 0 && c < 64 && p->controls[c].kind != CONTROL_DISTRIBUTION &&
			    (t.field || t.part_here || t.handle || t.subject || t.paras != 0 ||
			    t.unplaced || t.count > 0)) {
				t.controls |= (uint64_t)1 << c;
				t.named = true;
				if (at > e)
					e = at;
			} else if (((pt = policy_term_find(p, up, len)) != NULL &&
			    pt->level < 0 && statement_level(pt) && level_said(p, s, n, k, e)) ||
			    ((t.field_colon || (t.classified_before && (t.here || t.handle ||
			    t.subject))) && pt == NULL && !word_listed(function_words, sizeof(function_words) /
			    sizeof(function_words[0]), up, len))) {
				t.named = t.other = true;
			}
		}
		/*
		 * "The following details are SECRET", "the following names": whatever a pointer
		 * names before the copula is what follows, a part of its own each.
		 */
		if (t.point_before && !t.copula && len >= 3 && t.count == 0 && !t.part_seen &&
		    is_lower(s[k]) && !word_listed(parts, sizeof(parts) / sizeof(parts[0]), up,
		    len) && !word_listed(whole, sizeof(whole) / sizeof(whole[0]), up, len) &&
		    policy_term_find(p, up, len) == NULL) {
			t.ahead = true;
			t.count = up[len - 1] == 'S' ? 63 : 1;
		}
		if (word_listed(parts, sizeof(parts) / sizeof(parts[0]), up, len)) {
			if (t.this_before)
				t.here = t.part_here = true;
			if (t.point_before)
				t.ahead = true;
			/* "The following paragraphs": all of them, unless counted. */
			if (t.point_before && up[len - 1] == 'S' && t.count == 0)
				t.count = 63;
			if (t.back_before) {
				t.back = true;
				/* "The preceding two paragraphs": how many, no reader knows. */
				t.unplaced = t.unplaced || up[len - 1] == 'S';
			}
			t.plural = up[len - 1] == 'S';
			/*
			 * "Items marked with an asterisk", "the paragraphs that name the source",
			 * "Entries flagged below": parts by a sign or a description no reader
			 * places.
			 */
			if (!t.copula && !t.this_before && t.paras == 0 && described(s, n, e))
				t.unplaced_desc = true;
			/* "The agreement's paragraph 3": another document's. */
			if (possessed(s, k))
				t.elsewhere = t.other_doc = true;
			/*
			 * "Para 2 is unclassified but para 3 is SECRET": what UNCLASSIFIED denied
			 * was the part before.
			 */
			if (t.doubt_unclass && t.conj_before) {
				t.doubt_unclass = false;
				t.paras = 0;
			}
			if (t.copula)
				t.whole_subject = false;
			t.part_seen = true;
			t.subject = t.subject || (!t.copula && !t.classified_before &&
			    !t.generic_before &&
			    (word_stem(up, len, "PARA") || word_stem(up, len, "SUBPARA") ||
			    word_stem(up, len, "PORTION") || word_stem(up, len, "BULLET")));
			/* Another part named past a comma, AND or BUT. */
			t.sep_part = t.sep_part || t.sep;
			/* A paragraph's unit: "the paragraph below" is one. */
			t.unit = para_word(up, len) || word_stem(up, len, "SUBPARA") ||
			    word_stem(up, len, "BULLET") || word_stem(up, len, "ITEM") ||
			    word_stem(up, len, "ENTR") || word_stem(up, len, "ROW") ||
			    word_stem(up, len, "LINE") || word_stem(up, len, "POINT") ||
			    word_stem(up, len, "SENTENCE");
			t.part_subject = t.part_subject || !t.copula;
			t.part_at = t.words;
			/* "The final paragraph", "the second section": a part by its rank. */
			if (t.rank_before)
				t.unplaced = true;
			t.label_due = para_word(up, len) ? LABEL_PARA :
			    word_stem(up, len, "SUBPARA") ? LABEL_SUB : LABEL_OTHER;
			/* "its last paragraph", "their para 3": another's. */
			if (t.det_at > 0 && t.words - t.det_at <= 2 && t.paras == 0 && !t.ahead)
				t.elsewhere = t.other_doc = true;
			t.generic_part = t.generic_part || t.generic_before;
		}
		/*
		 * "Paragraph 3 of the draft", "para 2 of reftel": another document's part, not
		 * this one's ("of this cable", "of the message" are this one's).
		 */
		/*
		 * ... and IN or ON another document named ("Table 1 in the Omani paper", "Item 3
		 * on the GCC agenda"); not OF what the part holds ("The list of detainees' names").
		 */
		/* "Paragraph 2 of the attachment": this one's, which no reader places. */
		if (t.part_seen && len == 2 && !t.copula && memcmp(up, "OF", 2) == 0 &&
		    own_attachment(s, n, e)) {
			t.unplaced_desc = true;
		} else if ((t.part_seen || t.annex_seen) && len == 2 && !t.field_last &&
		    ((!t.copula && memcmp(up, "OF", 2) == 0 && !of_this(s, n, e, whole,
		    sizeof(whole) / sizeof(whole[0])) && !of_content(s, n, e)) || (!t.copula &&
		    memcmp(up, "TO", 2) == 0 && t.annex_seen) || ((memcmp(up, "IN", 2) == 0 ||
		    memcmp(up, "ON", 2) == 0) && t.paras == 0 && document_after(s, n, e)))) {
			t.paras = 0;
			t.here = t.ahead = t.back = t.subject = t.part_here = t.unplaced = false;
			t.unplaced_desc = false;
			t.other_doc = true;
		}
		/*
		 * "The list of detainees' names", "The paragraph of names": a part of this one by
		 * what it holds. A list, bare, is no part's word: "Please note the list in its
		 * entirety is classified S/NF" (09STATE15113) names one that a clause before named.
		 */
		if (len == 2 && memcmp(up, "OF", 2) == 0 && !t.copula && ((t.part_seen &&
		    t.part_at + 1 == t.words) || list_before(s, k)) && t.paras == 0 &&
		    of_content(s, n, e)) {
			size_t e2 = e;
			char nx[16];
			size_t nl = next_upper(s, n, &e2, nx);

			t.unplaced_desc = !word_listed(parts, sizeof(parts) / sizeof(parts[0]), nx,
			    nl);
		}
		/* "The body of this cable", "the text of this message": a part no one places. */
		if (len == 2 && memcmp(up, "OF", 2) == 0 && !t.copula && t.part_seen && !t.unit &&
		    t.paras == 0 && of_this(s, n, e, whole, sizeof(whole) / sizeof(whole[0])))
			t.unplaced = true;
		/* "The GID information in this cable is SECRET": a part of this one, by topic. */
		if (len == 2 && memcmp(up, "IN", 2) == 0 && !t.copula && t.words > 1 &&
		    t.paras == 0 && of_this(s, n, e, whole, sizeof(whole) / sizeof(whole[0])))
			t.unplaced = true;
		/* "Under the amended law, Section 2 is", "In their reply, para 3 is". */
		if (t.words == 1 && ((len == 5 && memcmp(up, "UNDER", 5) == 0) || (len == 2 &&
		    memcmp(up, "IN", 2) == 0) || (len == 3 && memcmp(up, "PER", 3) == 0)) &&
		    document_after(s, n, e))
			t.elsewhere = true;
		/* "From para 3 on", "Para 3 to end", "paras 3 through the end": each from it on. */
		if (t.last_para > 0 && ((t.num_last && len == 2 && memcmp(up, "ON", 2) == 0) ||
		    ((t.to_before || t.range_from > 0) && len == 3 && memcmp(up, "END", 3) == 0)))
			for (v = t.last_para; v < 64; v++)
				t.paras |= (uint64_t)1 << v;
		/* "The rest are SECRET", "the balance of this cable": what is not named. */
		if (((len == 4 && memcmp(up, "REST", 4) == 0) || (len == 9 &&
		    memcmp(up, "REMAINDER", 9) == 0) || (len == 7 &&
		    memcmp(up, "BALANCE", 7) == 0)) && t.the_before && !t.copula &&
		    rest_alone(s, n, e))
			t.unplaced = true;
		/* "page 2 of this note": a page's number is no paragraph's. */
		if (len >= 4 && len <= 5 && memcmp(up, "PAGE", 4) == 0 && !t.this_before) {
			t.label_due = LABEL_OTHER;
			t.annex_seen = true;
		}
		/* "The latter would be SECRET": a thing named, not a part. */
		if (t.latter && ((len == 5 && memcmp(up, "WOULD", 5) == 0) || (len == 5 &&
		    memcmp(up, "COULD", 5) == 0) || (len == 5 && memcmp(up, "MIGHT", 5) == 0)))
			t.doubt = true;
		if (t.this_before && word_listed(whole, sizeof(whole) / sizeof(whole[0]), up,
		    len)) {
			t.ahead = true;
			t.whole_subject = t.whole_subject || !t.copula;
		}
		if (word_listed(excepts, sizeof(excepts) / sizeof(excepts[0]), up, len) ||
		    (len == 4 && memcmp(up, "THAN", 4) == 0 && t.other_before))
			t.except = t.except_open = true;
		/* "the annexed note", "the attached report": a part beside the text. */
		if (t.the_before && word_listed(beside, sizeof(beside) / sizeof(beside[0]), up,
		    len))
			t.unplaced = t.annex_seen = true;
		/* "When the rest of a message is SECRET, the banner must": a rule, not a part. */
		if (t.words == 1 && ((len == 4 && memcmp(up, "WHEN", 4) == 0) || (len == 8 &&
		    memcmp(up, "WHENEVER", 8) == 0)))
			t.doubt = true;
		t.doc_named = t.doc_named || (document_noun(up, len) && !t.this_before);
		/* "What follows is SECRET": all of it. */
		if (len == 4 && memcmp(up, "WHAT", 4) == 0 && t.words == 1)
			t.all_said = true;
		/* "The other paragraphs", "all others SECRET": every part but those named. */
		if ((t.other_before && word_listed(parts, sizeof(parts) / sizeof(parts[0]), up,
		    len)) || (len == 6 && memcmp(up, "OTHERS", 6) == 0)) {
			t.unplaced = t.part_seen = true;
			t.paras = 0;
		}
		/* "All but para 2", "All paragraphs but the first two": an exception. */
		if (len == 3 && memcmp(up, "BUT", 3) == 0 && !t.copula && (t.all_before ||
		    t.all_said))
			t.except = t.except_open = true;
		/* "Beginning with paragraph 3", "Starting with para 3": each from it on. */
		if (!t.copula && (word_stem(up, len, "BEGINNING") ||
		    word_stem(up, len, "STARTING")))
			t.below_all = true;
		/* "so is para 4": the level of the clause before. */
		t.so_first = t.so_first || (t.words == 1 && len == 2 && memcmp(up, "SO", 2) == 0);
		/* "Everything from here on", "from this point on": all that follows. */
		if (len == 4 && memcmp(up, "HERE", 4) == 0 && here_on(s, n, e)) {
			t.ahead = true;
			t.count = 63;
			t.part_seen = true;
		}
		/* "All that follows is SECRET", "Everything below": every part after it. */
		t.all_said = t.all_said || (!t.copula && ((len == 3 && memcmp(up, "ALL", 3) == 0) ||
		    (len == 10 && memcmp(up, "EVERYTHING", 10) == 0) || (len == 8 &&
		    memcmp(up, "ANYTHING", 8) == 0)));
		if (t.all_said && !t.copula && ((word_stem(up, len, "FOLLOW") && len <= 9) ||
		    (len == 5 && memcmp(up, "BELOW", 5) == 0) || (len == 5 &&
		    memcmp(up, "AFTER", 5) == 0))) {
			t.count = 63;
			t.ahead = t.part_seen = true;
		}
		/* "Para 3 and everything after it": each from it on. */
		if (t.all_before && t.last_para > 0 && (word_stem(up, len, "AFTER") ||
		    word_stem(up, len, "BELOW") || word_stem(up, len, "FOLLOWING")))
			for (v = t.last_para; v < 64; v++)
				t.paras |= (uint64_t)1 << v;
		/* "Everything below paragraph 2": every paragraph from it on. */
		if (t.all_before && (word_stem(up, len, "BELOW") || word_stem(up, len, "AFTER")))
			t.below_all = true;
		/*
		 * "This information is classified Secret.", "The information herein is Secret.":
		 * what the text itself gives.
		 */
		if (t.this_first || word_listed(herein, sizeof(herein) / sizeof(herein[0]), up,
		    len))
			t.here = true;
		/* "REMAINDER OF CABLE", "the rest of this message". */
		/* Its subject, before the copula ("higher than the rest of the cable" is not). */
		if (t.rest > 0 && t.words - t.rest <= 3 && !t.copula && t.det_at + 1 != t.words &&
		    !t.generic_before && (word_listed(whole,
		    sizeof(whole) / sizeof(whole[0]), up, len) || (len == 4 &&
		    memcmp(up, "THIS", 4) == 0))) {
			t.ahead = true;
			t.count = 63;
		}
		/* "The paragraphs that follow are", "The talking points below are": a pointer
		 * after the part. */
		if (t.part_seen && t.copula_at == 0 && !t.elsewhere && ((word_stem(up, len,
		    "FOLLOW") && len <= 7) || (len == 5 && memcmp(up, "BELOW", 5) == 0 &&
		    t.paras == 0))) {
			t.ahead = true;
			/* All of them, unless one paragraph's unit ("the paragraph below"). */
			if ((t.plural || !t.unit) && t.count == 0)
				t.count = 63;
		} else if (!t.part_seen && !t.copula && !t.elsewhere && t.words >= 2 && len == 5 &&
		    memcmp(up, "BELOW", 5) == 0 && t.paras == 0) {
			/* "The details below are SECRET", "The reporting below": all after. */
			t.ahead = t.part_seen = true;
			t.count = 63;
		}
		if ((len == 9 && memcmp(up, "REMAINDER", 9) == 0) || (len == 4 &&
		    memcmp(up, "REST", 4) == 0) || (len == 7 && memcmp(up, "BALANCE", 7) == 0))
			t.rest = t.words;
		/* "CLASSIFIED PORTION FOLLOWS", "SECRET TEXT BEGINS". */
		if (t.named && (word_stem(up, len, "FOLLOW") || word_stem(up, len, "BEGIN")) &&
		    len <= 7 && !(len == 9))
			t.flow = true;
		if (word_listed(annexes, sizeof(annexes) / sizeof(annexes[0]), up, len)) {
			t.heading = true;
			/* "Annex B", "the final appendix": as a part's label and rank. */
			if (t.label_due == 0) {
				t.label_due = LABEL_OTHER;
				t.unplaced = t.unplaced || t.rank_before;
			}
			t.annex_seen = true;
			/* "The treaty's Annex B": another document's. */
			if (possessed(s, k))
				t.elsewhere = t.other_doc = true;
		}
		/* "The following is Secret:", "The above is classified Secret." */
		if (t.point_before && word_listed(linking, sizeof(linking) / sizeof(linking[0]), up,
		    len))
			t.ahead = true;
		if (t.back_before && word_listed(linking, sizeof(linking) / sizeof(linking[0]), up,
		    len))
			t.back = true;
		/* "Para 2 above": a part named, then where it stands. */
		if (t.ahead && !t.this_before && word_listed(backs, sizeof(backs) / sizeof(backs[0]),
		    up, len))
			t.back = true;
		/* "carries a classification of SECRET": what follows is predicated. */
		if (t.field_last && len == 2 && memcmp(up, "OF", 2) == 0)
			t.copula = true;
		if (word_listed(copulas, sizeof(copulas) / sizeof(copulas[0]), up, len)) {
			t.copula = true;
			t.except_open = false;
			t.copula_at = t.copula_at != 0 ? t.copula_at : t.words;
			/* "Handle as Secret", "treated at the Secret level". */
			if (len == 2 && (up[0] == 'A') && t.handle_before)
				t.handle = true;
		}
		if ((len == 5 && memcmp(up, "BEGIN", 5) == 0) || (len == 5 &&
		    memcmp(up, "START", 5) == 0))
			t.begin = true;
		t.handle_before = word_listed(handles, sizeof(handles) / sizeof(handles[0]), up,
		    len) || (t.handle_before && !t.copula && len <= 8);
		t.this_before = (len == 4 && (memcmp(up, "THIS", 4) == 0)) ||
		    (len == 5 && memcmp(up, "THESE", 5) == 0);
		t.this_first = t.this_before && t.words == 1;
		/* "The preceding and following paragraphs": pointers joined go on together. */
		conj = (len == 3 && memcmp(up, "AND", 3) == 0) || (len == 2 &&
		    memcmp(up, "OR", 2) == 0);
		t.point_before = word_listed(pointers, sizeof(pointers) / sizeof(pointers[0]), up,
		    len) || (t.point_before && conj) || (t.point_before && t.back_before);
		t.back_before = word_listed(backs, sizeof(backs) / sizeof(backs[0]), up, len) ||
		    (t.back_before && (conj || number_word(up, len) != 0 ||
		    word_listed(pointers, sizeof(pointers) / sizeof(pointers[0]), up, len)));
		t.conj_before = (len == 3 && (memcmp(up, "BUT", 3) == 0 || memcmp(up, "AND", 3) ==
		    0)) || (len == 5 && memcmp(up, "WHILE", 5) == 0) || (len == 7 &&
		    memcmp(up, "WHEREAS", 7) == 0);
		t.the_before = len == 3 && memcmp(up, "THE", 3) == 0;
		/* "PARA 3 ET SEQ SECRET.", "REST OF CABLE SECRET.": a mark right after. */
		t.num_last = (t.last_para > 0 && ((len == 3 && memcmp(up, "SEQ", 3) == 0) ||
		    (len == 2 && memcmp(up, "FF", 2) == 0))) || (t.rest > 0 && t.count == 63 &&
		    reading_capitals(s + k, len)) || (len == 6 && memcmp(up, "OTHERS", 6) == 0);
		/* "Everything below", "All paragraphs after", "Anything after". */
		t.all_before = (len == 10 && memcmp(up, "EVERYTHING", 10) == 0) || (len == 3 &&
		    memcmp(up, "ALL", 3) == 0) || (len == 8 && memcmp(up, "ANYTHING", 8) == 0) ||
		    (t.all_before && word_listed(parts,
		    sizeof(parts) / sizeof(parts[0]), up, len));
		t.other_before = len == 5 && memcmp(up, "OTHER", 5) == 0;
		t.to_before = (len == 2 && memcmp(up, "TO", 2) == 0) || (len == 7 &&
		    memcmp(up, "THROUGH", 7) == 0) || (len == 4 && memcmp(up, "THRU", 4) == 0) ||
		    (t.to_before && len == 3 && memcmp(up, "THE", 3) == 0);
		/* ITS, THEIR, WHOSE, or another's possessive ("The communique's final
		 * paragraph"; not the writer's, "Post's comment"). */
		if ((len == 3 && (memcmp(up, "ITS", 3) == 0 || memcmp(up, "HIS", 3) == 0 ||
		    memcmp(up, "HER", 3) == 0)) || (len == 5 && (memcmp(up, "THEIR", 5) == 0 ||
		    memcmp(up, "WHOSE", 5) == 0)) || (len > 2 && up[len - 2] == '\'' &&
		    up[len - 1] == 'S' && !own_voice(s, e - 2)) || (e < n && s[e] == '\'' &&
		    up[len - 1] == 'S' && (e + 1 == n || s[e + 1] == ' ')))
			t.det_at = t.words;
		t.generic_before = word_listed(generic, sizeof(generic) / sizeof(generic[0]), up,
		    len);
		/* "The first two paragraphs": a rank goes on past a number. */
		t.rank_before = rank_word(up, len) || (t.rank_before && number_word(up, len) != 0);
		/* "a course history that is classified secret": said of what THAT stands for. */
		if ((t.here || t.subject || t.part_here || t.ahead || t.part_subject) &&
		    t.level < 1 && !t.classified && word_listed(relatives, sizeof(relatives) /
		    sizeof(relatives[0]), up, len) && !(k > 0 && s[k - 1] == ',') &&
		    !(k > 1 && s[k - 2] == ',') && !(t.unplaced_desc && t.part_at + 1 == t.words)) {
			t.here = t.subject = t.part_here = t.ahead = t.unplaced = false;
			t.unplaced_desc = false;
			t.part_subject = false;
		}
		/*
		 * "Please do not pass paragraph 4, which is SECRET", "UNCLASSIFIED except for
		 * paragraph 5, which is CONFIDENTIAL": what WHICH says of the part is its own.
		 */
		if (t.part_seen && len == 5 && memcmp(up, "WHICH", 5) == 0 && ((k > 0 &&
		    s[k - 1] == ',') || (k > 1 && s[k - 2] == ',')))
			t.doubt = t.doubt_unclass = false;
		/* "Reftel paras 3 and 4", "the draft's paragraph 3": another document's. */
		if (word_listed(others, sizeof(others) / sizeof(others[0]), up, len))
			t.elsewhere = true;
		t.classified_before = (len == 10 && memcmp(up, "CLASSIFIED", 10) == 0) ||
		    (len == 4 && memcmp(up, "CLAS", 4) == 0 && isupper((unsigned char)s[k]));
		/* "PARA 3 CLAS SECRET.": as CLASSIFIED, the level after it is predicated. */
		if (len == 4 && memcmp(up, "CLAS", 4) == 0 && isupper((unsigned char)s[k]))
			t.copula = true;
		t.copula_last = word_listed(copulas, sizeof(copulas) / sizeof(copulas[0]), up,
		    len);
		memcpy(last_up, up, len < sizeof(last_up) ? len : sizeof(last_up));
		last_len = len < sizeof(last_up) ? len : 0;
		t.relative = t.relative || ((t.part_seen || t.paras != 0) && word_listed(relatives,
		    sizeof(relatives) / sizeof(relatives[0]), up, len));
		/* An adverb after it keeps it ("is actually secret", "is now confidential"). */
		t.pred_last = word_listed(preds, sizeof(preds) / sizeof(preds[0]), up, len) ||
		    (t.pred_last && ((len >= 5 && up[len - 2] == 'L' && up[len - 1] == 'Y') ||
		    word_listed(adverbs, sizeof(adverbs) / sizeof(adverbs[0]), up, len))) ||
		    (t.instruction && ((len == 2 && memcmp(up, "IT", 2) == 0) || (len == 4 &&
		    memcmp(up, "THEM", 4) == 0)));
		t.field_last = len == 14 && memcmp(up, "CLASSIFICATION", 14) == 0;
		/* "et seq.", "ff.", "etc.", a subparagraph's letter ("PARA 3.B. IS"). */
		t.seq_before = (len == 3 && memcmp(up, "SEQ", 3) == 0) || (len == 2 &&
		    memcmp(up, "FF", 2) == 0) || (len == 3 && memcmp(up, "ETC", 3) == 0) ||
		    (len == 1 && k >= 2 && s[k - 1] == '.' && isdigit((unsigned char)s[k - 2]));
		/* "Paragraph number three", "Para No. 3": the label still follows. */
		t.part_before = para_word(up, len) || (label_word && t.part_before);
		if (t.last_para > 0 && ((len == 4 && memcmp(up, "THRU", 4) == 0) ||
		    (len == 7 && memcmp(up, "THROUGH", 7) == 0) || (len == 2 &&
		    memcmp(up, "TO", 2) == 0)))
			t.range_from = t.last_para;
	}
	if (said == 0 && vague) {
		*m = vague_m;
		return STATED_HERE | STATED_VAGUE;
	}
	return said;
}
