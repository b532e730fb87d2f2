/* SPDX-License-Identifier: ISC */
/*
 * props: properties of the reading that need no oracle.
 */
#include "props.h"

#include <stdarg.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "marking.h"
#include "reading.h"
#include "redact.h"
#include "textio.h"

#define NTARGETS 4
#define NCHAIN 5
#define NPROBES 6
#define NAME_MAX_LEN 160

/*
 * The targets the properties are checked at, in the policy's own words (us-cable's shown):
 *   target  four levels from the lowest to the highest, for (a) to (d): UNCLASSIFIED,
 *           CONFIDENTIAL, SECRET, TOP SECRET;
 *   chain   targets ordered by audience, each admitting fewer readers than the one before or at
 *           a higher level, for (e): UNCLASSIFIED, CONFIDENTIAL//REL TO USA, GBR, FRA,
 *           SECRET//REL TO USA, GBR, FRA, SECRET//REL TO USA, GBR, SECRET;
 *   probe   readers a release's banner is tried against, for (f): UNCLASSIFIED,
 *           UNCLASSIFIED//FOUO, CONFIDENTIAL//REL TO USA, GBR, SECRET//REL TO USA, FVEY,
 *           TOP SECRET//REL TO USA, GBR, FRA, TOP SECRET.
 */
struct names {
	char target[NTARGETS][NAME_MAX_LEN];
	char chain[NCHAIN][NAME_MAX_LEN];
	char probe[NPROBES][NAME_MAX_LEN];
};

/* The k-th partner country of the policy: one of a few, in this order, that is not home. */
static const char *
partner(const struct policy *p, int k)
{
	static const char *const some[] = { "GBR", "FRA", "USA", "AUS", "CAN", "DEU" };
	size_t i;
	int c;

	for (i = 0; i < sizeof(some) / sizeof(some[0]); i++)
		if ((c = policy_country_find(p, some[i], 3)) >= 0 && c != p->home && k-- == 0)
			return some[i];
	return p->ncountries > 0 ? p->countries[0] : "GBR";
}

static void
names_for(const struct policy *p, struct names *nm)
{
	size_t n = p->nlevels, t, c = n > 1 ? 1 : 0, sc = n > 2 ? n - 2 : c, top = n - 1;
	const char *home = p->home >= 0 ? p->countries[p->home] : partner(p, 2);
	const char *x = partner(p, 0), *y = partner(p, 1), *g = x, *lv[3], *ctl = NULL;

	for (t = 0; t < p->ngroups && g == x; t++)
		if (p->groups[t].known)
			g = p->groups[t].name;
	for (t = 0; t < p->ncontrols && ctl == NULL; t++)
		if (p->controls[t].kind == CONTROL_HANDLING && (p->controls[t].release & AUDIENCE_US))
			ctl = p->controls[t].name;
	for (t = 0; t < NTARGETS; t++)
		snprintf(nm->target[t], NAME_MAX_LEN, "%s",
		    p->levels[t * (n - 1) / (NTARGETS - 1)].banner[0]);
	lv[0] = p->levels[0].banner[0];
	lv[1] = p->levels[c].banner[0];
	lv[2] = p->levels[sc].banner[0];
	snprintf(nm->chain[0], NAME_MAX_LEN, "%s", lv[0]);
	snprintf(nm->chain[1], NAME_MAX_LEN, "%s//REL TO %s, %s, %s", lv[1], home, x, y);
	snprintf(nm->chain[2], NAME_MAX_LEN, "%s//REL TO %s, %s, %s", lv[2], home, x, y);
	snprintf(nm->chain[3], NAME_MAX_LEN, "%s//REL TO %s, %s", lv[2], home, x);
	snprintf(nm->chain[4], NAME_MAX_LEN, "%s", lv[2]);
	snprintf(nm->probe[0], NAME_MAX_LEN, "%s", lv[0]);
	if (ctl != NULL)
		snprintf(nm->probe[1], NAME_MAX_LEN, "%s//%s", lv[0], ctl);
	else
		snprintf(nm->probe[1], NAME_MAX_LEN, "%s//REL TO %s, %s", lv[0], home, y);
	snprintf(nm->probe[2], NAME_MAX_LEN, "%s//REL TO %s, %s", lv[1], home, x);
	snprintf(nm->probe[3], NAME_MAX_LEN, "%s//REL TO %s, %s", lv[2], home, g);
	snprintf(nm->probe[4], NAME_MAX_LEN, "%s//REL TO %s, %s, %s",
	    p->levels[top].banner[0], home, x, y);
	snprintf(nm->probe[5], NAME_MAX_LEN, "%s", p->levels[top].banner[0]);
}

uint64_t
props_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static size_t
pick(uint64_t *rng, size_t n)
{
	return n == 0 ? 0 : (size_t)(props_next(rng) % n);
}

static bool
chance(uint64_t *rng, unsigned percent)
{
	return props_next(rng) % 100 < percent;
}

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
	bool nomem;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->nomem)
		return;
	if (b->len + n + TEXT_PAD + 1 > b->cap) {
		size_t cap = b->cap == 0 ? 4096 : b->cap;
		char *bigger;

		while (cap < b->len + n + TEXT_PAD + 1)
			cap *= 2;
		if ((bigger = realloc(b->s, cap)) == NULL) {
			b->nomem = true;
			return;
		}
		b->s = bigger;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	/* Documents are followed by TEXT_PAD zero bytes, as textio reads them. */
	memset(b->s + b->len, 0, TEXT_PAD);
}

static void
puts_b(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
printf_b(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* What documents are made of: the shapes real ones have, valid and damaged. */
static const char *const top_banners[] = {
	"SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "SECRET//NOFORN", "TOP SECRET",
	"S E C R E T SECTION 01 OF 02 MUSCAT 001065", "UNCLAS SECTION 01 OF 02 MUSCAT 001065",
	"C O N F I D E N T I A L MUSCAT 001065", "TOP SECRET//SI//REL TO USA, FVEY",
	"UNCLASSIFIED//FOUO", "SECRET//REL TO USA, GBR",
	"UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05767364 "
	"Date: 08/31/2015", "Secret", "CLASSIFICATION: CONFIDENTIAL", ""
};
static const char *const marks[] = {
	"(U)", "(U)", "(U)", "(U)", "(C)", "(C)", "(S)", "(S//NF)", "(S/NF)", "(SBU)", "(U//FOUO)",
	"(C//REL TO USA, GBR)", "(TS)", "(S-NF)", "( C)", "(TS//SI//NF)", "(S//REL TO USA, FVEY)",
	"(SBU/NF)", "(C/NOFORN)", "(s//nf)", "(u)", "(Secret)", "(Confidential)", "(U//FOUO)",
	"(S,NF)", "(S1)", "(TS|SCI)", "(S//NF", "(SBUMF)", "(TSI/NF)", "(T S)", "(c)", "(s)",
	"(PRC)", "(1994)", "(Comment: w0)", "(U/S)", "(S/WCI)", "(U) (S)", "(S) (U)", "(CIA)",
	"(S//REL TO USA//REL TO USA, FRA)", "(U.S.)", "(a)", "(ii)", "(R)", "(NATO)"
};
static const char *const labels[] = {
	"", "", "", "1. ", "2. ", "\xC2\xB6" "3. ", "A. ", "-- ", "- ", "(1) ", "iv) ", "12) ",
	"## ", "| ", "* ", "\xC2\xB6" "A. ", "3.1. ", "b) ", "13 "
};
static const char *const extras[] = {
	"NOFORN", "SIPDIS", "SENSITIVE", "Noforn", "F O U O", "(NOFORN)", "//NOFORN",
	"Classified By: w0 for Reasons 1.4 (b, d)", "E.O. 12958: DECL: 11/06/2017",
	"TAGS: PREL PGOV", "MUSCAT 00001065 002 OF 004", "SECRET", "Secret", "SECRET/NOFORN",
	"CLASSIFICATION: SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "TOP SECRET // SI / TK",
	"SUBJECT: (U) w0 w0", "REF: A. STATE 1234", "-----"
};

/* Appends k words, each unique ("w17"), some with a comma or a full stop. */
static void
words(struct buf *b, uint64_t *rng, unsigned *next, size_t k)
{
	static const char *const ends[] = { "", "", "", ",", "." };
	size_t i;

	for (i = 0; i < k; i++)
		printf_b(b, "%sw%u%s", i > 0 ? " " : "", ++*next, ends[pick(rng, 5)]);
}

/* One paragraph: a label, a mark (or none), words, wrapped lines, items, extras in between. */
static void
paragraph(struct buf *b, uint64_t *rng, unsigned *next)
{
	size_t lines = 1 + pick(rng, 4), i;

	puts_b(b, labels[pick(rng, sizeof(labels) / sizeof(labels[0]))]);
	if (chance(rng, 80)) {
		puts_b(b, marks[pick(rng, sizeof(marks) / sizeof(marks[0]))]);
		puts_b(b, " ");
	}
	words(b, rng, next, 3 + pick(rng, 8));
	for (i = 1; i < lines; i++) {
		puts_b(b, "\n");
		switch (pick(rng, 10)) {
		case 0:
			puts_b(b, extras[pick(rng, sizeof(extras) / sizeof(extras[0]))]);
			puts_b(b, "\n");
			break;
		case 1:
			puts_b(b, marks[pick(rng, sizeof(marks) / sizeof(marks[0]))]);
			puts_b(b, " ");
			break;
		case 2:
			printf_b(b, "(%c) ", "abcABC"[pick(rng, 6)]);
			break;
		case 3:
			words(b, rng, next, 2);
			printf_b(b, " %s ", marks[pick(rng, sizeof(marks) / sizeof(marks[0]))]);
			break;
		default:
			break;
		}
		words(b, rng, next, 2 + pick(rng, 8));
	}
	puts_b(b, "\n");
}

/* Rewrites b in Latin-1 with CRLF line ends: "\xC2\xB6" becomes 0xB6, "\n" becomes "\r\n". */
static void
latin1_crlf(struct buf *b)
{
	struct buf o = { NULL, 0, 0, false };
	size_t i;

	for (i = 0; i < b->len; i++) {
		if ((unsigned char)b->s[i] == 0xC2 && i + 1 < b->len) {
			put(&o, b->s + i + 1, 1);
			i++;
		} else if (b->s[i] == '\n') {
			put(&o, "\r\n", 2);
		} else {
			put(&o, b->s + i, 1);
		}
	}
	free(b->s);
	*b = o;
}

char *
props_generate(uint64_t seed, size_t *len)
{
	struct buf b = { NULL, 0, 0, false };
	uint64_t rng = seed;
	unsigned next = 0;
	size_t n = 2 + pick(&rng, 7), i;
	const char *banner = top_banners[pick(&rng, sizeof(top_banners) / sizeof(top_banners[0]))];

	if (banner[0] != '\0')
		printf_b(&b, "%s\n", banner);
	if (chance(&rng, 30))
		printf_b(&b, "%s\n", extras[pick(&rng, 7)]);
	puts_b(&b, "\n");
	for (i = 0; i < n; i++) {
		paragraph(&b, &rng, &next);
		if (chance(&rng, 85))
			puts_b(&b, "\n");
		if (chance(&rng, 10))
			printf_b(&b, "%s\n\n",
			    extras[pick(&rng, sizeof(extras) / sizeof(extras[0]))]);
	}
	if (banner[0] != '\0' && chance(&rng, 50))
		printf_b(&b, "%s\n", banner);
	if (chance(&rng, 25))
		latin1_crlf(&b);
	if (b.nomem) {
		free(b.s);
		return NULL;
	}
	*len = b.len;
	return b.s;
}

/* The line states (line_states) of release res of d. */
static void
states_of(const struct document *d, const struct redact_result *res, char *state)
{
	size_t i, k, l;

	for (i = 0; i < d->nlines; i++)
		state[i] = d->lines[i].kind == LINE_BLANK ? 0 : 'R';
	for (k = 0; k < res->nchanges; k++)
		for (l = res->changes[k].line_first; l <= res->changes[k].line_last; l++)
			if (state[l - 1] != 0 && !(res->changes[k].kind == CHANGE_REMARKED &&
			    d->lines[l - 1].kind == LINE_TEXT))
				state[l - 1] = res->changes[k].kind == CHANGE_WITHHELD ? 'W' : 'C';
}

/*
 * What a release does with each line: 'R' written as it was, or with its mark re-marked to
 * what its portion carries (its text as it was), 'W' withheld, 'C' rewritten (a banner
 * re-marked, a caption rewritten), 0 blank. Text lines of the source only when text_only.
 */
static int
line_states(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, char *state, char *err, size_t errlen)
{
	struct redact_result res;

	if (redact_run(p, d, target, mode, &res, err, errlen) != 0)
		return -1;
	states_of(d, &res, state);
	redact_result_free(&res);
	return 0;
}

/* The parsed document and its line states at every target, in mask mode. */
struct reading {
	struct document d;
	char *state[NTARGETS];
	bool parsed;
};

static void
reading_free(struct reading *r)
{
	size_t t;

	if (r->parsed)
		document_free(&r->d);
	for (t = 0; t < NTARGETS; t++)
		free(r->state[t]);
	memset(r, 0, sizeof(*r));
}

/* Parses data and releases it at the targets in `which` (bits). Returns 0 or -1 with err. */
static int
read_at(const struct policy *p, const struct marking *targets, const char *data, size_t len,
    unsigned which, struct reading *r, char *err, size_t errlen)
{
	size_t t;

	memset(r, 0, sizeof(*r));
	if (document_parse(p, data, len, "props", &r->d, err, errlen) != 0)
		return -1;
	r->parsed = true;
	for (t = 0; t < NTARGETS; t++) {
		if (!((which >> t) & 1))
			continue;
		if ((r->state[t] = calloc(r->d.nlines + 1, 1)) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		if (line_states(p, &r->d, &targets[t], MODE_MASK, r->state[t], err, errlen) != 0)
			return -1;
	}
	return 0;
}

/*
 * Whether a change kept every line that `before` withheld at target t withheld in `after`: line
 * i of before is line i of after, or i + 1 from `inserted` on (a line was inserted there;
 * (size_t)-1 for none).
 */
static bool mark_alone(const struct document *d, size_t i);

static bool
still_withheld(const struct reading *before, const struct reading *after, size_t t,
    size_t inserted, size_t *line)
{
	size_t i;

	for (i = 0; i < before->d.nlines; i++) {
		size_t j = inserted != (size_t)-1 && i >= inserted ? i + 1 : i;

		if (before->state[t][i] != 'W')
			continue;
		/*
		 * A line that a change made a routing line (a banner inserted below an opening
		 * block) or a caption line (nothing but control names) holds no text by its
		 * grammar: keeping it releases nothing.
		 */
		if (j < after->d.nlines && (after->d.lines[j].kind == LINE_ROUTING ||
		    after->d.lines[j].kind == LINE_ROUTING_CLASS ||
		    after->d.lines[j].kind == LINE_CAPTION))
			continue;
		/* Nor does a line of a mark alone ("(U)"), kept as its own portion. */
		if (j < after->d.nlines && mark_alone(&after->d, j))
			continue;
		if (j >= after->d.nlines || after->state[t][j] == 'R') {
			*line = i + 1;
			return false;
		}
	}
	return true;
}

/* Damage to a mark: what it does, and a copy of the document with it done. */
struct edit {
	char *data;
	size_t len;
	char what[96];
	size_t inserted;	/* the line inserted, or (size_t)-1 */
};

/* Makes e the document data[0..len) with bytes [at, at + cut) replaced by ins[0..n). */
static int
splice(struct edit *e, const char *data, size_t len, size_t at, size_t cut, const char *ins,
    size_t n)
{
	if ((e->data = malloc(len - cut + n + TEXT_PAD)) == NULL)
		return -1;
	memcpy(e->data, data, at);
	memcpy(e->data + at, ins, n);
	memcpy(e->data + at + n, data + at + cut, len - at - cut);
	e->len = len - cut + n;
	memset(e->data + e->len, 0, TEXT_PAD);
	return 0;
}

/*
 * Damages the mark that opens portion k of d (its bracket at [open, close]). Returns 1 with the
 * damaged document in e, 0 when the damage drawn would leave no letter of the mark (a different
 * group, not a damaged mark), -1 when out of memory.
 */
static int
damage(const struct document *d, size_t open, size_t close, uint64_t *rng, struct edit *e)
{
	static const char *const invisible_utf8[] = { "\xE2\x80\x8B", "\xC2\xA0", "\xC2\xAD",
		"\xE2\x80\x8C", "\xEF\xBB\xBF", "\xE2\x81\xA0" };
	static const char *const invisible_latin1[] = { "\xA0", "\xAD" };
	const char *data = d->data;
	size_t len = d->len, at = open + 1 + pick(rng, close - open), letters = 0, i;
	char c = data[at], tmp[8];

	for (i = open + 1; i < close; i++)
		letters += ((data[i] | 0x20) >= 'a' && (data[i] | 0x20) <= 'z');
	e->inserted = (size_t)-1;
	switch (pick(rng, 10)) {
	case 0:		/* case */
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 0;
		tmp[0] = (char)(c ^ 0x20);
		snprintf(e->what, sizeof(e->what), "case of byte %zu", at - open);
		return splice(e, data, len, at, 1, tmp, 1) == 0 ? 1 : -1;
	case 1:		/* a space */
		snprintf(e->what, sizeof(e->what), "a space before byte %zu", at - open);
		return splice(e, data, len, at, 0, " ", 1) == 0 ? 1 : -1;
	case 2: {	/* an invisible character */
		const char *inv = d->utf8 ? invisible_utf8[pick(rng, 6)] : invisible_latin1[pick(rng,
		    2)];

		snprintf(e->what, sizeof(e->what), "an invisible character before byte %zu",
		    at - open);
		return splice(e, data, len, at, 0, inv, strlen(inv)) == 0 ? 1 : -1;
	}
	case 3:		/* a character dropped */
		if (at == close || (letters <= 1 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			return 0;
		snprintf(e->what, sizeof(e->what), "byte %zu dropped", at - open);
		return splice(e, data, len, at, 1, "", 0) == 0 ? 1 : -1;
	case 4:		/* a character doubled */
		snprintf(e->what, sizeof(e->what), "byte %zu doubled", at - open);
		return splice(e, data, len, at, 0, data + at, 1) == 0 ? 1 : -1;
	case 5:		/* a character replaced */
		if (at == close || (letters <= 1 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			return 0;
		tmp[0] = (char)(0x21 + pick(rng, 0x5E));
		if (tmp[0] == '(' || tmp[0] == ')' || tmp[0] == '[' || tmp[0] == ']' ||
		    tmp[0] == '{' || tmp[0] == '}')
			return 0;
		snprintf(e->what, sizeof(e->what), "byte %zu replaced by '%c'", at - open, tmp[0]);
		return splice(e, data, len, at, 1, tmp, 1) == 0 ? 1 : -1;
	case 6:		/* the opening parenthesis lost */
		snprintf(e->what, sizeof(e->what), "'(' dropped");
		return splice(e, data, len, open, 1, "", 0) == 0 ? 1 : -1;
	case 7:		/* the closing parenthesis lost */
		snprintf(e->what, sizeof(e->what), "')' dropped");
		return splice(e, data, len, close, 1, "", 0) == 0 ? 1 : -1;
	case 8: {	/* full-width brackets, or a look-alike letter */
		if (!d->utf8)
			return 0;
		if (chance(rng, 50)) {
			struct edit first;
			int rc;

			if (splice(&first, data, len, close, 1, "\xEF\xBC\x89", 3) != 0)
				return -1;
			rc = splice(e, first.data, first.len, open, 1, "\xEF\xBC\x88", 3);
			free(first.data);
			snprintf(e->what, sizeof(e->what), "full-width brackets");
			return rc == 0 ? 1 : -1;
		}
		/* Cyrillic ES for C, DZE for S, U for U: letters that look the same. */
		if (c == 'C' || c == 'S' || c == 'U' || c == 'T') {
			const char *look = c == 'C' ? "\xD0\xA1" : c == 'S' ? "\xD0\x85" :
			    c == 'T' ? "\xD0\xA2" : "\xD5\x8D";

			snprintf(e->what, sizeof(e->what), "byte %zu a look-alike", at - open);
			return splice(e, data, len, at, 1, look, 2) == 0 ? 1 : -1;
		}
		return 0;
	}
	default: {	/* a character inserted */
		tmp[0] = (char)(0x21 + pick(rng, 0x5E));
		if (tmp[0] == '(' || tmp[0] == ')' || tmp[0] == '[' || tmp[0] == ']' ||
		    tmp[0] == '{' || tmp[0] == '}')
			return 0;
		snprintf(e->what, sizeof(e->what), "'%c' inserted before byte %zu", tmp[0],
		    at - open);
		return splice(e, data, len, at, 0, tmp, 1) == 0 ? 1 : -1;
	}
	}
}

/*
 * Signals above each target: a mark in many spellings, anywhere; a classification line or a
 * caption, as a line of its own (inside a sentence, "Top Secret" is prose).
 */
static const struct {
	const char *text;
	int above;	/* the signal is above targets 0..above */
} signals[] = {
	{ "(C)", 0 }, { "(Confidential)", 0 }, { "CONFIDENTIAL", 0 }, { "Confidential", 0 },
	{ "(C//NF)", 0 }, { "(U//FOUO)", 0 }, { "(SBU)", 0 }, { "SENSITIVE", 0 }, { "(sbu)", 0 },
	{ "FOUO", 0 }, { "(S)", 1 }, { "(S//NF)", 1 }, { "(s//nf)", 1 }, { "(Secret)", 1 },
	{ "SECRET", 1 }, { "Secret", 1 }, { "SECRET/NOFORN", 1 }, { "SECRET NOFORN", 1 },
	{ "CLASSIFICATION: SECRET", 1 }, { "S E C R E T", 1 }, { "(S/NF)", 1 },
	{ "(TS)", 2 }, { "(TS//SI)", 2 }, { "TOP SECRET", 2 }, { "Top Secret", 2 },
	{ "(Top Secret)", 2 }, { "T O P S E C R E T", 2 },
};

/*
 * Inserts a signal above target t into d, at a text line: inside it at a word's start (a mark),
 * or on a line of its own right after it, so that no paragraph is ended or begun by the line
 * itself. Returns 0, or -1 when out of memory.
 */
static int
insert(const struct document *d, size_t t, uint64_t *rng, struct edit *e)
{
	size_t n = sizeof(signals) / sizeof(signals[0]), s, line = 0, at, tries;
	const char *sig;
	char tmp[64];

	do
		s = pick(rng, n);
	while (signals[s].above < (int)t);
	sig = signals[s].text;
	for (tries = 0; tries < 64 && d->nlines > 0; tries++)
		if (d->lines[line = pick(rng, d->nlines)].kind == LINE_TEXT)
			break;
	if (d->nlines == 0 || d->lines[line].kind != LINE_TEXT) {
		/* No text line: at the end, on a line of its own. */
		snprintf(tmp, sizeof(tmp), "%s%s%s", d->len > 0 && d->data[d->len - 1] != '\n' ?
		    "\n" : "", sig, "\n");
		e->inserted = d->nlines;
		snprintf(e->what, sizeof(e->what), "\"%s\" appended", sig);
		return splice(e, d->data, d->len, d->len, 0, tmp, strlen(tmp));
	}
	if (sig[0] != '(' || chance(rng, 50)) {
		const struct doc_line *ln = &d->lines[line];

		at = ln->off + ln->len + ln->eol;
		snprintf(tmp, sizeof(tmp), "%s%s%s", ln->eol == 0 ? (d->utf8 ? "\n" : "\r\n") : "",
		    sig, ln->eol == 0 ? "" : d->utf8 ? "\n" : "\r\n");
		e->inserted = line + 1;
		snprintf(e->what, sizeof(e->what), "\"%s\" inserted as line %zu", sig, line + 2);
	} else {
		const struct doc_line *ln = &d->lines[line];
		size_t k, choices = 1, want;

		/* A word's start: the line's start, or after a space. */
		for (k = 1; k < ln->len; k++)
			choices += d->data[ln->off + k - 1] == ' ' && d->data[ln->off + k] != ' ';
		want = pick(rng, choices);
		for (k = 0; k < ln->len && want > 0; k++)
			if (k > 0 && d->data[ln->off + k - 1] == ' ' && d->data[ln->off + k] != ' ')
				if (--want == 0)
					break;
		at = ln->off + (want == 0 ? k : 0);
		snprintf(tmp, sizeof(tmp), "%s ", sig);
		e->inserted = (size_t)-1;
		snprintf(e->what, sizeof(e->what), "\"%s\" inserted in line %zu at byte %zu", sig,
		    line + 1, at - ln->off);
	}
	return splice(e, d->data, d->len, at, 0, tmp, strlen(tmp));
}

/* Finds the bracket of the mark that opens portion pt: [*open, *close]. */
static bool
mark_span(const struct document *d, const struct doc_portion *pt, size_t *open, size_t *close)
{
	const struct doc_line *ln = &d->lines[pt->first];
	size_t i, j;

	for (i = pt->label_end; i < ln->len; i++) {
		if (d->data[ln->off + i] != '(')
			continue;
		for (j = i + 1; j < ln->len && j - i < 90; j++)
			if (d->data[ln->off + j] == ')') {
				*open = ln->off + i;
				*close = ln->off + j;
				return true;
			}
		return false;
	}
	return false;
}

/*
 * Whether line i is the head of a portion and holds its label and its mark and nothing more
 * ("(U)", "2. (C)"), or holds a letter or two in brackets and nothing more ("(u)").
 */
static bool
mark_alone(const struct document *d, size_t i)
{
	const struct doc_line *ln = &d->lines[i];
	const struct doc_portion *pt;
	size_t open, close, k;

	if (ln->kind != LINE_TEXT || ln->portion >= d->nportions)
		return false;
	/* A group in brackets alone, of a letter or two ("(u)", an item or a damaged mark). */
	for (open = ln->off; open < ln->off + ln->len && (d->data[open] == ' ' ||
	    d->data[open] == '\t'); open++)
		continue;
	for (close = ln->off + ln->len; close > open && (d->data[close - 1] == ' ' ||
	    d->data[close - 1] == '\t' || d->data[close - 1] == '\r'); close--)
		continue;
	if (close - open >= 3 && close - open <= 4 && d->data[open] == '(' &&
	    d->data[close - 1] == ')' && isalpha((unsigned char)d->data[open + 1]) &&
	    isalpha((unsigned char)d->data[close - 2]))
		return true;
	pt = &d->portions[ln->portion];
	if (pt->reason != REASON_MARK || pt->first != i || !mark_span(d, pt, &open, &close))
		return false;
	for (k = ln->off + pt->label_end; k < open; k++)
		if (d->data[k] != ' ' && d->data[k] != '\t')
			return false;
	for (k = close + 1; k < ln->off + ln->len; k++)
		if (d->data[k] != ' ' && d->data[k] != '\t' && d->data[k] != '\r')
			return false;
	return true;
}

/* Keeps a changed document that broke a property for the caller to look at. */
static void
keep_failed(struct props_stats *st, struct edit *e)
{
	free(st->failed);
	st->failed = e->data;
	st->failed_len = e->len;
	e->data = NULL;
}

/*
 * Whether damage made the mark at [open, close] another valid mark: in e, its brackets still
 * stand, and what they hold proves a marking other than `was` (a mark, or a level letter), or is
 * a letter alone where more stood.
 */
static bool
other_mark(const struct policy *p, size_t close, const struct edit *e, size_t open,
    const struct marking *was)
{
	size_t end;
	struct group g;
	struct marking m;

	/* Where the closing bracket went: the first ')' after the opening one. */
	if (open >= e->len || e->data[open] != '(')
		return false;
	for (end = open + 1; end < e->len && end - open < 100 && e->data[end] != ')'; end++)
		if (e->data[end] == '\n' || e->data[end] == '(')
			return false;
	if (end >= e->len || e->data[end] != ')')
		return false;
	reading_group(p, e->data + open + 1, end - open - 1, true, false, &g);
	if (g.kind == GROUP_MARK)
		return !marking_equal(p, &g.mark, was);
	/*
	 * A letter alone ("(TS)" with its S dropped is "(T)") is a list item's shape as much as a
	 * mark's: what it was, no reader can know (docs/reading.md).
	 */
	if (g.kind == GROUP_ITEM && g.letter != 0 && g.bare && close - open - 1 > 1)
		return true;
	if (g.kind == GROUP_ITEM && g.letter != 0) {
		char up = (char)(g.letter & ~0x20);

		return marking_parse(p, &up, 1, MARKING_PORTION, &m) == 1 &&
		    !marking_equal(p, &m, was);
	}
	return false;
}

/*
 * (g) below a target: the release of d at tname (line_out: where each line of d begins in it),
 * read as d2 and redacted again to a target below it, keeps no text line that d's own release
 * there withholds (its line states, src). Returns 0, or -1 with err.
 */
static int
again_below(const struct policy *p, const struct document *d, const struct redact_result *res,
    const size_t *line_out, const struct document *d2, const struct marking *below,
    const char *src, const char *tname, const char *bname, char *err, size_t errlen)
{
	struct redact_result r2;
	char *st;
	size_t k, i = 0, c = 0;
	int rc = 0;

	if ((st = calloc(d2->nlines + 1, 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (redact_run(p, d2, below, MODE_MASK, &r2, err, errlen) != 0) {
		free(st);
		return -1;
	}
	states_of(d2, &r2, st);
	for (k = 0; k < d2->nlines && rc == 0; k++) {
		size_t off = d2->lines[k].off;

		if (d2->lines[k].kind != LINE_TEXT || st[k] != 'R')
			continue;
		/* Not what tearline wrote (a placeholder), but a line whose mark it wrote. */
		while (c < res->nchanges && res->changes[c].out_end <= off)
			c++;
		if (c < res->nchanges && res->changes[c].out_start <= off &&
		    res->changes[c].kind != CHANGE_REMARKED)
			continue;
		/* The line of d whose output begins there and is not empty. */
		while (i < d->nlines && (line_out[i] < off ||
		    (line_out[i] == off && line_out[i + 1] == off)))
			i++;
		if (i < d->nlines && line_out[i] == off && d->lines[i].kind == LINE_TEXT &&
		    src[i] != 'R') {
			snprintf(err, errlen, "(g) the release at %s, redacted again to %s, keeps "
			    "its line %zu, which its source (line %zu) withholds there", tname,
			    bname, k + 1, i + 1);
			rc = -1;
		}
	}
	redact_result_free(&r2);
	free(st);
	return rc;
}

/*
 * (f) and (g) at target t of the chain: the release's banner, read back, admits no reader that a
 * portion it keeps excludes; the release, redacted again to the same target, keeps every line it
 * copied from its source, and rolls up to the same marking; and redacted again to a target below
 * it (whose line states are below[0..t)), keeps no line its source withholds there. Fills
 * `lines` with the release's line states (line_states) for (e).
 */
static int
lattice_at(const struct policy *p, const struct document *d, const struct marking *chain,
    size_t t, char *const *below, const struct marking *probes, const struct names *nm,
    char *lines, char *err, size_t errlen)
{
	const struct marking *target = &chain[t];
	const char *tname = nm->chain[t];
	struct redact_result res, again;
	struct document d2;
	struct marking banner;
	char text[1024] = "", why[160], *state;
	const char *ex;
	size_t k, q, c, *line_out;
	int rc = -1;

	if ((line_out = calloc(d->nlines + 1, sizeof(*line_out))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (redact_run_lines(p, d, target, MODE_MASK, line_out, &res, err, errlen) != 0) {
		free(line_out);
		return -1;
	}
	states_of(d, &res, lines);
	if (res.released > 0) {
		if (marking_format(p, &res.rollup, NULL, true, text, sizeof(text)) < 0 ||
		    marking_parse(p, text, strlen(text), MARKING_BANNER, &banner) != 1 ||
		    !marking_equal(p, &banner, &res.rollup)) {
			snprintf(err, errlen, "(f) the release at %s has a banner its policy does "
			    "not read back", tname);
			goto done;
		}
		for (q = 0; q < NPROBES; q++) {
			if (marking_decide(p, &banner, &probes[q], why, sizeof(why), &ex) !=
			    RULE_RELEASED)
				continue;
			for (k = 0; k < d->nportions; k++)
				if (redact_decision(&res, d, k)->rule == RULE_RELEASED &&
				    marking_decide(p, d->portions[k].eff, &probes[q], why,
				    sizeof(why), &ex) != RULE_RELEASED) {
					snprintf(err, errlen, "(f) the release at %s is marked %s, "
					    "which %s may read, but it keeps line %zu, which %s may "
					    "not", tname, text, nm->probe[q],
					    d->portions[k].first + 1, nm->probe[q]);
					goto done;
				}
		}
	}
	if (document_parse(p, res.out, res.out_len, "release", &d2, err, errlen) != 0)
		goto done;
	if ((state = calloc(d2.nlines + 1, 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		document_free(&d2);
		goto done;
	}
	if (redact_run(p, &d2, target, MODE_MASK, &again, err, errlen) != 0) {
		free(state);
		document_free(&d2);
		goto done;
	}
	states_of(&d2, &again, state);
	/* Every line the release copied from its source is kept again, under the same banner. */
	for (k = 0, c = 0; k < d2.nlines; k++) {
		const struct doc_line *ln = &d2.lines[k];

		while (c < res.nchanges && res.changes[c].out_end <= ln->off)
			c++;
		/* A line whose mark the release wrote as what it carries is kept again too. */
		if (ln->kind != LINE_TEXT || state[k] == 'R' ||
		    (c < res.nchanges && res.changes[c].out_start <= ln->off &&
		    res.changes[c].kind != CHANGE_REMARKED))
			continue;
		snprintf(err, errlen, "(g) the release at %s, redacted again to it, withholds its "
		    "line %zu, which it copied from its source", tname, k + 1);
		break;
	}
	if (k == d2.nlines && again.released > 0 && res.released > 0 &&
	    !marking_states(p, &res.rollup, &again.rollup) &&
	    !marking_states(p, &again.rollup, &res.rollup)) {
		char twice[1024];

		if (marking_format(p, &again.rollup, NULL, true, twice, sizeof(twice)) < 0)
			snprintf(twice, sizeof(twice), "a banner too long to write");
		snprintf(err, errlen, "(g) the release at %s is marked %s, and %s when redacted "
		    "again to it", tname, text, twice);
	} else if (k == d2.nlines) {
		rc = 0;
	}
	for (q = 0; rc == 0 && q < t; q++)
		rc = again_below(p, d, &res, line_out, &d2, &chain[q], below[q], tname,
		    nm->chain[q], err, errlen);
	free(state);
	redact_result_free(&again);
	document_free(&d2);
done:
	redact_result_free(&res);
	free(line_out);
	return rc;
}

/* (e) along the chain of targets, then (f) and (g) at each of them. */
static int
lattice_props(const struct policy *p, const struct document *d, const struct names *nm,
    struct props_stats *st, char *err, size_t errlen)
{
	struct marking chain[NCHAIN], probes[NPROBES];
	char *state[NCHAIN] = { NULL };
	size_t t, i;
	int rc = -1;

	for (t = 0; t < NCHAIN; t++)
		if (marking_parse_target(p, nm->chain[t], &chain[t], err, errlen) != 0)
			return -1;
	for (t = 0; t < NPROBES; t++)
		if (marking_parse_target(p, nm->probe[t], &probes[t], err, errlen) != 0)
			return -1;
	for (t = 0; t < NCHAIN; t++) {
		if ((state[t] = calloc(d->nlines + 1, 1)) == NULL) {
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		if (lattice_at(p, d, chain, t, state, probes, nm, state[t], err, errlen) != 0)
			goto done;
		st->renders += 2;
	}
	for (t = 0; t + 1 < NCHAIN; t++)
		for (i = 0; i < d->nlines; i++)
			if (d->lines[i].kind == LINE_TEXT && state[t][i] == 'R' &&
			    state[t + 1][i] != 'R') {
				snprintf(err, errlen, "(e) line %zu is released at %s but not at %s",
				    i + 1, nm->chain[t], nm->chain[t + 1]);
				goto done;
			}
	rc = 0;
done:
	for (t = 0; t < NCHAIN; t++)
		free(state[t]);
	return rc;
}

int
props_check(const struct policy *p, const char *data, size_t len, uint64_t seed,
    unsigned tries, struct props_stats *st, char *err, size_t errlen)
{
	struct marking targets[NTARGETS];
	struct names nm;
	struct reading base, mode;
	uint64_t rng = seed;
	size_t t, i, k, line;
	unsigned n;
	int rc = -1;
	char *state = NULL;

	memset(&base, 0, sizeof(base));
	memset(&mode, 0, sizeof(mode));
	names_for(p, &nm);
	for (t = 0; t < NTARGETS; t++)
		if (marking_parse_target(p, nm.target[t], &targets[t], err, errlen) != 0)
			return -1;
	if (read_at(p, targets, data, len, 0xF, &base, err, errlen) != 0)
		goto done;
	st->docs++;
	st->renders += NTARGETS;

	/* (a) what each target releases, the next releases too. */
	for (t = 0; t + 1 < NTARGETS; t++)
		for (i = 0; i < base.d.nlines; i++)
			if (base.d.lines[i].kind == LINE_TEXT && base.state[t][i] == 'R' &&
			    base.state[t + 1][i] != 'R') {
				snprintf(err, errlen, "(a) line %zu is released at %s but not at %s",
				    i + 1, nm.target[t], nm.target[t + 1]);
				goto done;
			}

	/* (e), (f), (g): the lattice and the release read again (lattice_at). */
	if (lattice_props(p, &base.d, &nm, st, err, errlen) != 0)
		goto done;

	/* (d) strip and blackout release the lines that mask does. */
	if ((state = calloc(base.d.nlines + 1, 1)) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	for (t = 0; t < NTARGETS; t++)
		for (k = 1; k < 3; k++) {
			enum redact_mode m = k == 1 ? MODE_STRIP : MODE_BLACKOUT;

			if (line_states(p, &base.d, &targets[t], m, state, err, errlen) != 0)
				goto done;
			st->renders++;
			for (i = 0; i < base.d.nlines; i++)
				if ((state[i] == 'R') != (base.state[t][i] == 'R')) {
					snprintf(err, errlen, "(d) line %zu is %s in %s mode and %s in "
					    "mask mode at %s", i + 1, state[i] == 'R' ? "released" :
					    "not released", redact_mode_name(m),
					    base.state[t][i] == 'R' ? "released" : "not", nm.target[t]);
					goto done;
				}
		}

	/* (b) damage to a mark releases nothing that was withheld. */
	for (n = 0; n < tries && base.d.nportions > 0; n++) {
		const struct doc_portion *pt = &base.d.portions[pick(&rng, base.d.nportions)];
		struct reading after;
		struct edit e;
		size_t open, close;
		int got;

		if (pt->reason != REASON_MARK || !mark_span(&base.d, pt, &open, &close))
			continue;
		memset(&e, 0, sizeof(e));
		if ((got = damage(&base.d, open, close, &rng, &e)) < 0) {
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		if (got == 0) {
			st->skipped++;
			continue;
		}
		if (read_at(p, targets, e.data, e.len, 0xF, &after, err, errlen) != 0) {
			free(e.data);
			reading_free(&after);
			goto done;
		}
		/*
		 * Damage that makes another valid mark ("(TS)" to "(S)") is a different mark, not
		 * a damaged one: it says what it says.
		 */
		if (other_mark(p, close, &e, open, pt->mark)) {
			st->skipped++;
			free(e.data);
			reading_free(&after);
			continue;
		}
		st->damaged++;
		st->renders += NTARGETS;
		for (t = 0; t < NTARGETS; t++)
			if (!still_withheld(&base, &after, t, (size_t)-1, &line)) {
				snprintf(err, errlen, "(b) the mark of line %zu damaged (%s): line %zu, "
				    "withheld before, is released at %s", pt->first + 1, e.what, line,
				    nm.target[t]);
				keep_failed(st, &e);
				reading_free(&after);
				goto done;
			}
		free(e.data);
		reading_free(&after);
	}

	/* (c) a signal above the target, inserted anywhere, releases nothing that was withheld. */
	for (n = 0; n < tries; n++) {
		struct reading after;
		struct edit e;

		t = pick(&rng, NTARGETS - 1);
		memset(&e, 0, sizeof(e));
		if (insert(&base.d, t, &rng, &e) != 0) {
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		if (read_at(p, targets, e.data, e.len, 1u << t, &after, err, errlen) != 0) {
			free(e.data);
			reading_free(&after);
			goto done;
		}
		st->inserted++;
		st->renders++;
		if (!still_withheld(&base, &after, t, e.inserted, &line)) {
			snprintf(err, errlen, "(c) %s: line %zu, withheld before, is released at %s",
			    e.what, line, nm.target[t]);
			keep_failed(st, &e);
			reading_free(&after);
			goto done;
		}
		free(e.data);
		reading_free(&after);
	}
	rc = 0;
done:
	free(state);
	reading_free(&base);
	reading_free(&mode);
	return rc;
}
