/*
 * document: lines, their roles, and portions.
 */
#include "document.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The longest label kept in front of a placeholder; a longer one could carry text. */
#define LABEL_MAX 24

/* The longest line that can be a structure line (banner, caption, routing...). */
#define STRUCTURE_MAX 1024

/* The longest portion mark between its parentheses. */
#define MARK_MAX 80

/* Returns whether data[0..len) is well-formed UTF-8 (no overlongs or surrogates checked). */
static bool
utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;

		/* Eight ASCII bytes at a time: most documents are mostly ASCII. */
		if (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3;
		else
			return false;
		for (k = 1; k <= n; k++)
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return false;
		i += n + 1;
	}
	return true;
}

/* Splits the document into lines at "\n", "\r\n" and a lone "\r". */
static int
split_lines(struct document *d, char *err, size_t errlen)
{
	size_t cap = 256, pos = 0, next_nl = 0, next_cr = 0;
	bool first = true, first_cr = true;

	if ((d->lines = malloc(cap * sizeof(*d->lines))) == NULL)
		goto nomem;
	/* A byte order mark is not part of the first line: patterns anchor at its start. */
	if (d->len >= 3 && memcmp(d->data, "\xEF\xBB\xBF", 3) == 0) {
		d->bom = 3;
		pos = 3;
	}
	while (pos < d->len) {
		const char *start = d->data + pos;
		const char *nl, *cr;
		size_t end;
		struct doc_line *ln;

		/* The next "\n" is found once and reused while CR-only lines are split before it. */
		if (first || pos > next_nl) {
			first = false;
			nl = memchr(start, '\n', d->len - pos);
			next_nl = nl != NULL ? (size_t)(nl - d->data) : d->len;
		}
		end = next_nl;
		nl = end < d->len ? d->data + end : NULL;
		/* So is the next "\r", which most documents have none of, or one a line. */
		if (first_cr || pos > next_cr) {
			first_cr = false;
			cr = memchr(start, '\r', d->len - pos);
			next_cr = cr != NULL ? (size_t)(cr - d->data) : d->len;
		}
		cr = next_cr < end ? d->data + next_cr : NULL;
		if (d->nlines == cap) {
			struct doc_line *bigger;

			cap *= 2;
			if ((bigger = realloc(d->lines, cap * sizeof(*d->lines))) == NULL)
				goto nomem;
			d->lines = bigger;
		}
		ln = &d->lines[d->nlines++];
		memset(ln, 0, sizeof(*ln));
		ln->off = pos;
		ln->portion = DOC_NONE;
		if (cr != NULL && (size_t)(cr - d->data) + 1 < end) {
			/* A carriage return inside the line: a CR-only line end. */
			ln->len = (size_t)(cr - start);
			ln->eol = 1;
		} else if (cr != NULL && nl != NULL) {
			ln->len = (size_t)(cr - start);
			ln->eol = 2;
		} else if (cr != NULL) {
			/* "\r" as the very last byte. */
			ln->len = (size_t)(cr - start);
			ln->eol = 1;
		} else {
			ln->len = end - pos;
			ln->eol = nl != NULL ? 1 : 0;
		}
		pos = ln->off + ln->len + ln->eol;
	}
	return 0;
nomem:
	snprintf(err, errlen, "out of memory splitting lines");
	return -1;
}

static bool
is_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\v')
			return false;
	return true;
}

/* Whether a line ends a sentence, so that a mark on the next line may start a new portion. */
static bool
ends_sentence(const char *s, size_t len)
{
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return true;
	if (s[len - 1] != '\0' && strchr(".:;!?\"')]", s[len - 1]) != NULL)
		return true;
	/* A right double or single quotation mark in UTF-8. */
	if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
	    ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99))
		return true;
	return false;
}

/* Whether a and b are the same marking, field by field. */
static bool
marking_same(const struct marking *a, const struct marking *b)
{
	return a->level == b->level && a->controls == b->controls && a->fd == b->fd &&
	    a->rel_partial == b->rel_partial && a->fd_conflict == b->fd_conflict &&
	    a->unknown == b->unknown && memcmp(&a->rel, &b->rel, sizeof(a->rel)) == 0 &&
	    strcmp(a->unknown_token, b->unknown_token) == 0;
}

static uint64_t
marking_hash(const struct marking *m)
{
	uint64_t h = 1469598103934665603ull;
	size_t k;

	h = (h ^ (uint64_t)(m->level + 1)) * 1099511628211ull;
	h = (h ^ m->controls) * 1099511628211ull;
	h = (h ^ (uint64_t)m->fd ^ ((uint64_t)m->unknown << 8) ^ ((uint64_t)m->rel_partial << 9) ^
	    ((uint64_t)m->fd_conflict << 10)) * 1099511628211ull;
	for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
		h = (h ^ m->rel.bits[k]) * 1099511628211ull;
	return h;
}

/*
 * The document's copy of marking m: one per distinct marking, so that portions share them.
 * Returns it, or NULL (out of memory).
 */
static const struct marking *
intern(struct document *d, const struct marking *m)
{
	size_t i, mask;
	struct marking *copy;

	if (d->ninterned * 2 >= d->interned_cap) {
		size_t ncap = d->interned_cap == 0 ? 64 : d->interned_cap * 2, k;
		struct marking **slots = calloc(ncap, sizeof(*slots));

		if (slots == NULL)
			return NULL;
		for (k = 0; k < d->interned_cap; k++) {
			if (d->interned[k] == NULL)
				continue;
			for (i = marking_hash(d->interned[k]) & (ncap - 1); slots[i] != NULL;
			    i = (i + 1) & (ncap - 1))
				;
			slots[i] = d->interned[k];
		}
		free(d->interned);
		d->interned = slots;
		d->interned_cap = ncap;
	}
	mask = d->interned_cap - 1;
	for (i = marking_hash(m) & mask; d->interned[i] != NULL; i = (i + 1) & mask)
		if (marking_same(d->interned[i], m))
			return d->interned[i];
	if ((copy = malloc(sizeof(*copy))) == NULL)
		return NULL;
	*copy = *m;
	d->interned[i] = copy;
	d->ninterned++;
	return copy;
}

/*
 * Starts a portion at line `line`: marked with *mark (interned), or unmarked when mark is NULL.
 * Returns its index, or DOC_NONE with err (out of memory).
 */
static size_t
open_portion(struct document *d, size_t *cap, size_t line, const struct marking *mark, char *err,
    size_t errlen)
{
	struct doc_portion *pt;

	if (d->nportions == *cap) {
		struct doc_portion *bigger;
		size_t ncap = *cap == 0 ? 64 : *cap * 2;

		if ((bigger = realloc(d->portions, ncap * sizeof(*bigger))) == NULL) {
			snprintf(err, errlen, "out of memory");
			return DOC_NONE;
		}
		d->portions = bigger;
		*cap = ncap;
	}
	pt = &d->portions[d->nportions++];
	memset(pt, 0, sizeof(*pt));
	pt->first = pt->last = pt->last_text = line;
	if (mark != NULL) {
		pt->marked = true;
		if ((pt->mark = intern(d, mark)) == NULL) {
			snprintf(err, errlen, "out of memory");
			return DOC_NONE;
		}
	}
	return d->nportions - 1;
}

static int
add_banner(struct document *d, size_t *cap, const struct marking *m, char *err, size_t errlen)
{
	if (d->nbanners == *cap) {
		size_t ncap = *cap == 0 ? 16 : *cap * 2;
		struct marking *bigger = realloc(d->banners, ncap * sizeof(*bigger));

		if (bigger == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		d->banners = bigger;
		*cap = ncap;
	}
	d->banners[d->nbanners++] = *m;
	return 0;
}

static int
add_caption(struct document *d, size_t *cap, uint64_t bits, char *err, size_t errlen)
{
	if (d->ncaptions == *cap) {
		size_t ncap = *cap == 0 ? 16 : *cap * 2;
		uint64_t *bigger = realloc(d->caption_bits, ncap * sizeof(*bigger));

		if (bigger == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		d->caption_bits = bigger;
		*cap = ncap;
	}
	d->caption_bits[d->ncaptions++] = bits;
	return 0;
}

static bool
group_set(const PCRE2_SIZE *ov, int g)
{
	return g > 0 && ov[2 * g] != PCRE2_UNSET;
}

/* Parses a banner match into ln and *m; returns whether the level is a marking. */
static bool
take_banner(const struct policy *p, const struct policy_rule *r, const char *s,
    const PCRE2_SIZE *ov, struct doc_line *ln, struct marking *m)
{
	char buf[512];
	size_t ls = ov[2 * r->g_level], le = ov[2 * r->g_level + 1];
	size_t cs = le, ce = le;
	size_t n;

	if (group_set(ov, r->g_controls)) {
		cs = ov[2 * r->g_controls];
		ce = ov[2 * r->g_controls + 1];
	}
	if ((le - ls) + (ce - cs) >= sizeof(buf))
		return false;
	memcpy(buf, s + ls, le - ls);
	memcpy(buf + (le - ls), s + cs, ce - cs);
	n = (le - ls) + (ce - cs);
	if (marking_parse(p, buf, n, MARKING_BANNER, m) != 1)
		return false;
	ln->span_start = (uint16_t)ls;
	ln->span_mid = (uint16_t)le;
	ln->span_end = (uint16_t)(ce > cs ? ce : le);
	ln->has_controls = ce > cs;
	return true;
}

/*
 * Reads the controls named on a caption-shaped line, word by word, longest name first
 * ("NOFORN, NOT FOR INTERNET DISTRIBUTION", "NOFORN SIPDIS", "NOFORN."). Sets *bits to every
 * control found and returns whether every word was part of a control name.
 */
static bool
take_caption(const struct policy *p, const char *s, size_t len, uint64_t *bits)
{
	size_t i = 0;
	bool all = true;

	*bits = 0;
	while (i < len) {
		size_t best = 0, end, words;
		int found = -1;

		while (i < len && policy_word_sep(s[i]))
			i++;
		if (i == len)
			break;
		/* Most words of prose begin no control's name: skip them at once. */
		for (end = i; end < len && !policy_word_sep(s[end]); end++)
			continue;
		if (!policy_may_begin_control(p, s + i, end - i)) {
			all = false;
			i = end;
			continue;
		}
		/* Try the longest run of up to six words that names a control. */
		for (end = i, words = 0; end < len && words < 6; words++) {
			int c;

			while (end < len && !policy_word_sep(s[end]))
				end++;
			if ((c = policy_control_find(p, s + i, end - i)) >= 0) {
				best = end;
				found = c;
			}
			while (end < len && (s[end] == ' ' || s[end] == '\t'))
				end++;
			if (end < len && policy_word_sep(s[end]))
				break;
		}
		if (found >= 0) {
			*bits |= (uint64_t)1 << found;
			i = best;
			continue;
		}
		all = false;
		while (i < len && !policy_word_sep(s[i]))
			i++;
	}
	return all && *bits != 0;
}

/* Whether s[0..len) has no lower-case letter. */
static bool
capitals(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return false;
	return true;
}

/* The restrictive controls (NOFORN and handling) of a policy, as control bits. */
static uint64_t
restrictive(const struct policy *p)
{
	uint64_t r = 0;
	size_t c;

	for (c = 0; c < p->ncontrols; c++)
		if (p->controls[c].kind != CONTROL_DISTRIBUTION)
			r |= (uint64_t)1 << c;
	return r;
}

/* Matches every banner rule that may apply against line i; returns 1 if it is a banner. */
static int
match_banner(const struct policy *p, struct document *d, struct policy_matcher *md, size_t i,
    bool top, struct doc_line *out, char *msg, size_t msglen)
{
	const char *s = d->data + d->lines[i].off;
	struct marking m;
	size_t k;

	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		int rc;

		if (r->role != ROLE_BANNER || (r->scope != SCOPE_ANYWHERE && !top))
			continue;
		if ((rc = policy_match(p, r, s, d->lines[i].len, md, msg, msglen)) < 0)
			return -1;
		if (rc == 1 && take_banner(p, r, s, policy_matcher_ovector(md), out, &m))
			return 1;
	}
	return 0;
}

/* Whether line i matches a routing rule. Returns 1, 0, or -1 on a match error. */
static int
match_routing(const struct policy *p, struct document *d, struct policy_matcher *md, size_t i,
    char *msg, size_t msglen)
{
	size_t k;

	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		int rc;

		if (r->role != ROLE_ROUTING && r->role != ROLE_ROUTING_CLASS)
			continue;
		rc = policy_match(p, r, d->data + d->lines[i].off, d->lines[i].len, md, msg, msglen);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * Finds the routing header: the block of routing and blank lines that opens the document, when
 * the line after it is a banner. Sets *end to the first line after the block (0 when there is no
 * routing header), so routing rules apply to lines before *end only.
 */
static int
routing_block(const struct policy *p, struct document *d, struct policy_matcher *md,
    const char *origin, size_t *end, char *err, size_t errlen)
{
	char msg[POLICY_ERRLEN];
	struct doc_line scratch;
	size_t i;
	int rc;
	bool any = false;

	*end = 0;
	for (i = 0; i < d->nlines; i++) {
		const struct doc_line *ln = &d->lines[i];

		if (is_blank(d->data + ln->off, ln->len))
			continue;
		if (ln->len > STRUCTURE_MAX)
			return 0;
		memset(&scratch, 0, sizeof(scratch));
		if ((rc = match_banner(p, d, md, i, true, &scratch, msg, sizeof(msg))) < 0)
			goto fail;
		if (rc == 1) {
			if (any)
				*end = i;
			return 0;
		}
		if ((rc = match_routing(p, d, md, i, msg, sizeof(msg))) < 0)
			goto fail;
		if (rc == 0)
			return 0;
		any = true;
	}
	return 0;
fail:
	snprintf(err, errlen, "%s:%zu: %s", origin, i + 1, msg);
	return -1;
}

/*
 * The line whose end decides whether a mark on line i continues a sentence: the last text line
 * before i, looking across page, banner and caption lines and the blank lines around them; none
 * when only blank lines stand between (a new paragraph).
 */
static size_t
previous_text(const struct document *d, size_t i)
{
	bool crossed = false;

	while (i > 0) {
		const struct doc_line *ln = &d->lines[--i];

		if (ln->kind == LINE_PAGE || ln->kind == LINE_BANNER || ln->kind == LINE_CAPTION) {
			crossed = true;
			continue;
		}
		if (ln->kind == LINE_BLANK)
			continue;
		if (ln->kind != LINE_TEXT)
			return DOC_NONE;
		if (!crossed && i + 1 < d->nlines && d->lines[i + 1].kind == LINE_BLANK)
			return DOC_NONE;
		return i;
	}
	return DOC_NONE;
}

static bool
roman_digit(char c)
{
	return c == 'i' || c == 'v' || c == 'x' || c == 'I' || c == 'V' || c == 'X';
}

/*
 * The length of the paragraph number that opens line s[0..n) and is followed by text: "2. ",
 * "12) ", "(3) ", "¶4. ", "A. ", "iv. "; 0 when there is none. Bullets ("--", "*") are not
 * numbers: they go on with the paragraph they are in.
 */
static size_t
para_label(const char *s, size_t n)
{
	size_t i = 0, k, end;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if ((i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xB6) ||
	    (i < n && (unsigned char)s[i] == 0xB6)) {
		i += (unsigned char)s[i] == 0xC2 ? 2 : 1;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		for (k = i; i < n && i - k < 3 && s[i] >= '0' && s[i] <= '9'; i++)
			continue;
		if (i == k)
			return 0;
		if (i < n && s[i] == '.')
			i++;
	} else if (i < n && s[i] == '(') {
		/* "(1) ", "(12) " */
		for (k = ++i; i < n && i - k < 3 && s[i] >= '0' && s[i] <= '9'; i++)
			continue;
		if (i == k || i >= n || s[i] != ')')
			return 0;
		i++;
	} else {
		for (k = i; i < n && i - k < 3 && s[i] >= '0' && s[i] <= '9'; i++)
			continue;
		/* Else a roman number of up to four letters, or one letter. */
		if (i == k)
			while (i < n && i - k < 4 && roman_digit(s[i]))
				i++;
		if (i == k && i < n && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
			i++;
		if (i == k || i >= n || (s[i] != '.' && s[i] != ')'))
			return 0;
		i++;
	}
	end = i;
	if (i >= n || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n ? end : 0;
}

/* Whether line i opens a paragraph or a sentence: no unfinished sentence runs on into it. */
static bool
opens_sentence(const struct document *d, size_t i)
{
	size_t before = previous_text(d, i);

	return before == DOC_NONE ||
	    ends_sentence(d->data + d->lines[before].off, d->lines[before].len);
}

/*
 * A mark with no closing parenthesis at the head of line s[0..n), after an optional paragraph
 * number: "2. (S//NF The detail.", "(C//REL TO USA, GBR". Read as far as the line goes, so what
 * follows the mark is an unknown token. Returns whether there is one, with the marking in *m and
 * the length of the number in *label.
 */
static bool
unclosed_mark(const struct policy *p, const char *s, size_t n, struct marking *m, size_t *label)
{
	size_t i = 0, k;

	/*
	 * Most lines have no '(' where a mark could open, after a number of at most LABEL_MAX
	 * bytes and a few blanks: nothing to read.
	 */
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (memchr(s + i, '(', n - i < LABEL_MAX + 8 ? n - i : LABEL_MAX + 8) == NULL)
		return false;
	i = para_label(s, n);
	*label = i;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != '(' || memchr(s + i, ')', n - i) != NULL)
		return false;
	k = n - i - 1 < MARK_MAX ? n - i - 1 : MARK_MAX;
	return marking_parse(p, s + i + 1, k, MARKING_HEAD, m) == 1;
}

/* Whether s[0..n) could be a label of some shape: short, and no word longer than a few letters. */
static bool
label_like(const char *s, size_t n)
{
	size_t i, word = 0;

	if (n > LABEL_MAX)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			if (++word > 4)
				return false;
		} else {
			word = 0;
		}
	}
	return true;
}

/*
 * Finds the marks anywhere in a text line, joined into *m: parenthesised tokens, not glued to a
 * word before them, that the grammar reads as markings. A mark in prose is no portion mark, but
 * the text it stands in may be marked higher than the portion around it, so it can raise. Near
 * the start of the line, after something label-like ("G - J) (S//NF)"), a mark with an unknown
 * token counts whole; further in, only its level does, and an office symbol the policy names
 * (scheme.not_marks) not at all.
 */
static bool
find_mark_anywhere(const struct policy *p, const char *s, size_t len, struct marking *m)
{
	const char *open = s, *end = s + len;
	struct marking one;
	bool found = false;

	while ((open = memchr(open, '(', (size_t)(end - open))) != NULL) {
		size_t i = (size_t)(open - s), n;
		const char *close;

		open++;
		if (i > 0 && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
		    (s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= '0' && s[i - 1] <= '9')))
			continue;	/* "OFFICER(S)" is a plural, not a mark */
		n = len - i - 1 < MARK_MAX + 1 ? len - i - 1 : MARK_MAX + 1;
		if ((close = memchr(s + i + 1, ')', n)) == NULL)
			continue;
		if (memchr(s + i + 1, '(', (size_t)(close - s) - i - 1) != NULL)
			continue;
		/* "Coughlin (S/WCI) attended": an office symbol the policy names. */
		if (policy_not_mark(p, s + i + 1, (size_t)(close - s) - i - 1))
			continue;
		if (marking_parse(p, s + i + 1, (size_t)(close - s) - i - 1, MARKING_PORTION,
		    &one) != 1)
			continue;
		if (one.unknown && !label_like(s, i)) {
			/*
			 * In mid-line a mark with an unknown token may be an office symbol or a
			 * reference ("(C-RE9-02730)"), so it does not make the text unknown; but it
			 * may be a mark, so its level raises the text all the same.
			 */
			int level = one.level;

			marking_init(&one);
			one.level = level;
		}
		/* Every mark in the line counts: "(U) ... (S)" is SECRET from here on. */
		if (found)
			marking_join(p, m, &one, m);
		else
			*m = one;
		found = true;
	}
	return found;
}

/*
 * Computes the document marking and every portion's effective marking. Returns 0, or -1 (out of
 * memory).
 */
static int
settle_markings(const struct policy *p, struct document *d)
{
	size_t k, c;
	bool caption_noforn = false;

	for (c = 0; c < p->ncontrols; c++)
		if (((d->captions >> c) & 1) && p->controls[c].kind == CONTROL_NOFORN)
			caption_noforn = true;
	d->caption_noforn = caption_noforn;

	/*
	 * Unmarked text takes the banner's marking, raised to every other banner and every mark in
	 * the document: a banner that is lower than a portion is wrong, and never lowers what it
	 * covers; nor does the first banner lower a later one (an unclassified cover note before a
	 * SECRET attachment whose text is unmarked).
	 */
	if (d->has_banner) {
		d->docmark = d->banner;
		for (k = 0; k < d->nbanners; k++)
			marking_join(p, &d->docmark, &d->banners[k], &d->docmark);
		for (k = 0; k < d->nportions; k++)
			if (d->portions[k].marked)
				marking_join(p, &d->docmark, d->portions[k].mark, &d->docmark);
		for (c = 0; c < p->ncontrols; c++)
			if (((d->captions >> c) & 1) && p->controls[c].kind == CONTROL_HANDLING)
				d->docmark.controls |= (uint64_t)1 << c;
		/* Unmarked text is under every caption, whatever its level. */
		if (caption_noforn)
			d->docmark.fd = FD_NOFORN;
	}
	for (k = 0; k < d->nportions; k++) {
		struct doc_portion *pt = &d->portions[k];
		struct marking eff;

		if (pt->marked) {
			eff = *pt->mark;
			pt->eff_known = true;
			/* A caption NOFORN applies to every classified portion. */
			if (caption_noforn && eff.level > 0)
				eff.fd = FD_NOFORN;
			/*
			 * "The plan says (U) the route is open" as the first text of a SECRET
			 * document is unmarked text: the mark can only raise what it would be.
			 */
			if (pt->raises_unmarked) {
				if (d->has_banner)
					marking_join(p, &d->docmark, &eff, &eff);
				pt->eff_known = d->has_banner;
			}
		} else {
			eff = d->docmark;
			pt->eff_known = d->has_banner;
		}
		if (pt->joined && k > 0) {
			marking_join(p, d->portions[k - 1].eff, &eff, &eff);
			pt->eff_known = pt->eff_known && d->portions[k - 1].eff_known;
		}
		if ((pt->eff = intern(d, &eff)) == NULL)
			return -1;
	}
	return 0;
}

int
document_parse(const struct policy *p, const char *data, size_t len, const char *origin,
    struct document *d, char *err, size_t errlen)
{
	return document_parse_with(p, NULL, data, len, origin, d, err, errlen);
}

int
document_parse_with(const struct policy *p, struct policy_matcher *matcher, const char *data,
    size_t len, const char *origin, struct document *d, char *err, size_t errlen)
{
	struct policy_matcher *md = matcher;
	char msg[POLICY_ERRLEN];
	size_t i, k, pcap = 0, bcap = 0, ccap = 0, routing_end, cur = DOC_NONE;
	bool header = true, top = true;
	enum line_kind prev_kind = LINE_BLANK;
	char list_prev = 0;	/* the letter of the last list item "(a)" at a line's head */
	uint64_t restricting = restrictive(p);
	int rc = -1;

	memset(d, 0, sizeof(*d));
	d->data = data;
	d->len = len;
	d->utf8 = utf8_valid((const unsigned char *)data, len);
	marking_init(&d->banner);
	marking_init(&d->docmark);
	if (split_lines(d, err, errlen) != 0)
		return -1;
	if (md == NULL && (md = policy_matcher_new(p)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	if (routing_block(p, d, md, origin, &routing_end, err, errlen) != 0)
		goto done;

	for (i = 0; i < d->nlines; i++) {
		struct doc_line *ln = &d->lines[i];
		const char *s = data + ln->off;
		bool matched = false;
		struct marking raised;

		if (is_blank(s, ln->len)) {
			ln->kind = LINE_BLANK;
			ln->portion = cur;
			if (cur != DOC_NONE) {
				d->portions[cur].last = i;
				/* A subject is one paragraph: what follows it is not under its mark. */
				if (d->portions[cur].subject)
					cur = DOC_NONE;
			}
			continue;
		}
		/* Two passes over the rules in the routing block (see below), one elsewhere. */
		for (k = 0; k < (i < routing_end ? 2 : 1) * p->nrules && !matched; k++) {
			/*
			 * In the routing header, the security line (routing_class) is tried before
			 * any other routing rule, whatever the policy's order, so that a broad
			 * routing pattern can never keep "ZNY SSSSS ZZH" as it is.
			 */
			const struct policy_rule *r = &p->rules[k < p->nrules ? k : k - p->nrules];
			const PCRE2_SIZE *ov;
			int m;

			if (i < routing_end) {
				if (r->role != (k < p->nrules ? ROLE_ROUTING_CLASS : ROLE_ROUTING))
					continue;
			} else if (k >= p->nrules || r->role == ROLE_ROUTING ||
			    r->role == ROLE_ROUTING_CLASS) {
				continue;
			}
			if (r->scope == SCOPE_HEADER && !header)
				continue;
			if (r->scope == SCOPE_TOP && !top)
				continue;
			if (r->role == ROLE_AUTHORITY_TAIL && prev_kind != LINE_AUTHORITY)
				continue;
			/* No structure line is this long; long lines can only be portion text. */
			if (ln->len > STRUCTURE_MAX && r->role != ROLE_PORTION &&
			    r->role != ROLE_SUBJECT)
				continue;
			if (!policy_rule_may_match(r, s, ln->len))
				continue;
			if ((m = policy_match(p, r, s, ln->len, md, msg, sizeof(msg))) < 0) {
				snprintf(err, errlen, "%s:%zu: %s", origin, i + 1, msg);
				goto done;
			}
			if (m == 0)
				continue;
			ov = policy_matcher_ovector(md);
			matched = true;
			switch (r->role) {
			case ROLE_ROUTING:
				ln->kind = LINE_ROUTING;
				break;
			case ROLE_ROUTING_CLASS:
				ln->kind = LINE_ROUTING_CLASS;
				ln->span_start = (uint16_t)ov[2 * r->g_class];
				ln->span_end = (uint16_t)ov[2 * r->g_class + 1];
				break;
			case ROLE_BANNER: {
				struct marking bm;

				if (!take_banner(p, r, s, ov, ln, &bm)) {
					matched = false;
					break;
				}
				if (add_banner(d, &bcap, &bm, err, errlen) != 0)
					goto done;
				ln->kind = LINE_BANNER;
				ln->aux = (uint32_t)(d->nbanners - 1);
				if (!d->has_banner) {
					d->has_banner = true;
					d->banner = bm;
				} else if (!marking_same(&bm, &d->banner)) {
					/*
					 * A banner unlike the first starts another document (a
					 * SECRET attachment after an unclassified cover note):
					 * unmarked text after it continues no portion before it.
					 */
					cur = DOC_NONE;
				}
				break;
			}
			case ROLE_PAGE:
				ln->kind = LINE_PAGE;
				break;
			case ROLE_CAPTION: {
				const char *cs = s + ov[2 * r->g_controls];
				size_t cl = ov[2 * r->g_controls + 1] - ov[2 * r->g_controls];
				uint64_t bits = 0;
				bool whole = false;

				/* Captions are written in capitals: prose is not read word by word. */
				if (capitals(cs, cl))
					whole = take_caption(p, cs, cl, &bits);

				/*
				 * A line in capitals that names NOFORN or a handling control among
				 * words that are not controls is text, but what it names applies.
				 */
				d->captions |= whole ? bits : bits & restricting;
				if (!whole) {
					matched = false;
					break;
				}
				if (add_caption(d, &ccap, bits, err, errlen) != 0)
					goto done;
				ln->kind = LINE_CAPTION;
				ln->aux = (uint32_t)(d->ncaptions - 1);
				break;
			}
			case ROLE_AUTHORITY:
			case ROLE_AUTHORITY_TAIL:
				ln->kind = LINE_AUTHORITY;
				break;
			case ROLE_DECLASS:
				ln->kind = LINE_DECLASS;
				ln->span_start = (uint16_t)ov[2 * r->g_decl];
				ln->span_end = (uint16_t)ov[2 * r->g_decl + 1];
				break;
			case ROLE_TAGS:
				ln->kind = LINE_TAGS;
				break;
			case ROLE_SUBJECT:
			case ROLE_PORTION: {
				struct marking mk, lm;
				bool has_label = group_set(ov, r->g_label) &&
				    ov[2 * r->g_label + 1] > ov[2 * r->g_label];
				/*
				 * A misspelt mark ("(S,NF)", "(S1)") is one where a portion can
				 * begin: after a label, or at the head of a paragraph or sentence.
				 * Where a sentence wraps ("command-and-control / (C&C) utilities")
				 * it is text, but for a mark in lower case ("(s//nf)"), which is
				 * no word: it joins the sentence, and can only raise it.
				 */
				size_t label_end, prev = previous_text(d, i);
				/* An unfinished sentence runs on into this line. */
				bool runs_on = prev != DOC_NONE &&
				    !ends_sentence(data + d->lines[prev].off, d->lines[prev].len);
				bool head = has_label || !runs_on, lower_item = false;
				bool has_mark = group_set(ov, r->g_mark) &&
				    marking_parse(p, s + ov[2 * r->g_mark],
				    ov[2 * r->g_mark + 1] - ov[2 * r->g_mark],
				    head ? MARKING_HEAD : MARKING_START, &mk) == 1;
				struct doc_portion *pt;

				/*
				 * "(c)" after "(b)" is a list item. Anywhere else at a line's start, or
				 * in a subject, it may be a mark in lower case: it can only raise the
				 * text (to CONFIDENTIAL, or what is before it).
				 */
				if (!has_mark && group_set(ov, r->g_mark) &&
				    ov[2 * r->g_mark + 1] - ov[2 * r->g_mark] == 1 &&
				    islower((unsigned char)s[ov[2 * r->g_mark]])) {
					char c = s[ov[2 * r->g_mark]], up = (char)toupper((unsigned char)c);

					if (list_prev != c - 1 && marking_is_level(p, &c, 1) &&
					    marking_parse(p, &up, 1, MARKING_PORTION, &mk) == 1) {
						has_mark = true;
						lower_item = true;
					} else {
						list_prev = c;
					}
				}
				if (r->role == ROLE_PORTION && !has_mark) {
					matched = false;
					break;
				}
				/* A label that is itself a mark ("(S) (U)") raises the mark after it. */
				if (has_mark && has_label && find_mark_anywhere(p, s + ov[2 * r->g_label],
				    ov[2 * r->g_label + 1] - ov[2 * r->g_label], &lm))
					marking_join(p, &mk, &lm, &mk);
				/*
				 * So does a mark further on in the line ("(U) ... marked (S//NF) that
				 * ..."): the line cannot be cut, so all of it takes the higher marking.
				 */
				if (has_mark && find_mark_anywhere(p, s + ov[2 * r->g_mark + 1] + 1,
				    ln->len - ov[2 * r->g_mark + 1] - 1, &lm))
					marking_join(p, &mk, &lm, &mk);
				if ((cur = open_portion(d, &pcap, i, has_mark ? &mk : NULL, err,
				    errlen)) == DOC_NONE)
					goto done;
				pt = &d->portions[cur];
				pt->subject = r->role == ROLE_SUBJECT;
				/* The label is what stands before the mark (or ends the label group). */
				if (has_mark)
					label_end = ov[2 * r->g_mark] - 1;
				else
					label_end = has_label ? ov[2 * r->g_label + 1] : 0;
				while (label_end > 0 && (s[label_end - 1] == ' ' ||
				    s[label_end - 1] == '\t'))
					label_end--;
				pt->label_end = label_end <= LABEL_MAX ? label_end : 0;
				/*
				 * A mark with no label on a line that continues an unfinished
				 * sentence may be text that wrapped: it can only raise.
				 */
				if (r->role == ROLE_PORTION && !has_label && cur > 0 && runs_on &&
				    d->lines[prev].portion == cur - 1)
					pt->joined = true;
				if (lower_item) {
					pt->joined = cur > 0;
					pt->raises_unmarked = cur == 0;
				}
				/*
				 * A subject after unmarked text is not the document's subject line:
				 * its mark may not lower the text around it.
				 */
				if (r->role == ROLE_SUBJECT && !top && cur > 0)
					pt->joined = true;
				if (r->role == ROLE_PORTION)
					header = false;
				ln->kind = LINE_TEXT;
				ln->portion = cur;
				break;
			}
			default:
				matched = false;
				break;
			}
		}
		if (!matched) {
			/*
			 * A numbered paragraph with no mark ("2. The detail.") is a portion of its
			 * own, unmarked: it does not go on with the paragraph before it.
			 */
			size_t unclosed_label;
			size_t numbered = i > 0 && d->lines[i - 1].kind == LINE_BLANK ?
			    para_label(s, ln->len) : 0;
			bool fresh = cur == DOC_NONE || numbered > 0;

			ln->kind = LINE_TEXT;
			if (unclosed_mark(p, s, ln->len, &raised, &unclosed_label) &&
			    opens_sentence(d, i)) {
				/* A mark that lost its parenthesis is a mark, not text. */
				if ((cur = open_portion(d, &pcap, i, &raised, err, errlen)) == DOC_NONE)
					goto done;
				d->portions[cur].label_end = unclosed_label <= LABEL_MAX ?
				    unclosed_label : 0;
			} else if (find_mark_anywhere(p, s, ln->len, &raised)) {
				/* A mark elsewhere in the line can only raise the text from here on. */
				if ((cur = open_portion(d, &pcap, i, &raised, err, errlen)) == DOC_NONE)
					goto done;
				d->portions[cur].joined = !fresh;
				d->portions[cur].raises_unmarked = fresh;
			} else if (fresh) {
				if ((cur = open_portion(d, &pcap, i, NULL, err, errlen)) == DOC_NONE)
					goto done;
				d->portions[cur].label_end = numbered <= LABEL_MAX ? numbered : 0;
			}
			ln->portion = cur;
		}
		if (ln->kind == LINE_TEXT) {
			d->portions[cur].last = i;
			d->portions[cur].last_text = i;
		}
		if (ln->kind != LINE_ROUTING && ln->kind != LINE_ROUTING_CLASS)
			top = top && ln->kind != LINE_TEXT;
		prev_kind = ln->kind;
	}
	if (settle_markings(p, d) != 0) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	rc = 0;
done:
	if (md != matcher)
		policy_matcher_free(md);
	if (rc != 0)
		document_free(d);
	return rc;
}

void
document_free(struct document *d)
{
	size_t i;

	if (d == NULL)
		return;
	free(d->lines);
	free(d->portions);
	free(d->banners);
	free(d->caption_bits);
	for (i = 0; i < d->interned_cap; i++)
		free(d->interned[i]);
	free(d->interned);
	d->interned = NULL;
	d->ninterned = d->interned_cap = 0;
	d->lines = NULL;
	d->portions = NULL;
	d->banners = NULL;
	d->caption_bits = NULL;
	d->nlines = d->nportions = d->nbanners = d->ncaptions = 0;
}
