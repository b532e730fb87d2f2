/* SPDX-License-Identifier: ISC */
/*
 * marking: the marking grammar and the dominance rules.
 */
#include "marking.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define MARKING_MAXLEN 256

/* The most country groups a REL TO list is written with. */
#define MAX_PICKED 16

static void
set_add(struct country_set *s, int c)
{
	s->bits[c / 64] |= (uint64_t)1 << (c % 64);
}

static bool
set_has(const struct country_set *s, int c)
{
	return (s->bits[c / 64] >> (c % 64)) & 1;
}

void
marking_deny(const struct policy *p, struct marking *m, const char *up, size_t n)
{
	int c = policy_country_find(p, up, n), g;
	size_t k;

	if (c >= 0 && c != p->home) {
		set_add(&m->denied, c);
	} else if (c < 0 && (g = policy_group_find(p, up, n)) >= 0 && p->groups[g].known) {
		for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
			m->denied.bits[k] |= p->groups[g].members.bits[k];
	} else if (c < 0) {
		m->denied_foreign = true;
	}
}

void
marking_deny_country(struct marking *m, int c)
{
	set_add(&m->denied, c);
}

void
marking_deny_others(const struct policy *p, struct marking *m, const struct marking *named)
{
	size_t c;

	for (c = 0; c < p->ncountries; c++)
		if ((int)c != p->home && !set_has(&named->denied, (int)c))
			set_add(&m->denied, (int)c);
}

bool
marking_denies_readers(const struct marking *m)
{
	size_t k;

	for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
		if (m->denied.bits[k] != 0)
			return true;
	return m->denied_foreign;
}

bool
marking_denies(const struct marking *m)
{
	return marking_denies_readers(m) || m->denied_public;
}

bool
marking_quotable(const char *s, size_t n)
{
	size_t i, run = 0, words = 0;
	bool lower = false, letter = false;

	if (n == 0 || n > 24)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c > 0x7E)
			return false;
		if (isalpha(c)) {
			/* Four short words or more are a phrase ("NF;KIM;TO;DIE"). */
			if (run++ == 0 && ++words > 3)
				return false;
			letter = true;
			lower = lower || islower(c);
			/* A word of three letters with one in lower case may be prose. */
			if (run >= 3 && lower)
				return false;
			/*
			 * A word of four letters or more may be a name: a program's or a
			 * compartment's (itself classified: "SAR-ZEBRAQUILL"), a person's, or a
			 * word of the text glued to the mark ("NF:KESTREL").
			 */
			if (run == 4)
				return false;
		} else {
			run = 0;
			lower = false;
		}
	}
	/* Figures alone are no mark's token: a number of the text ("(S//1234567)"). */
	return letter;
}

/*
 * Notes that m carries an unknown token. The token is kept for messages only when it may be
 * quoted (marking_quotable): a mark misread from prose must not carry the prose into a message.
 */
static void
note_unknown(struct marking *m, const char *tok, size_t len)
{
	if (m->unknown)
		return;
	m->unknown = true;
	if (!marking_quotable(tok, len))
		len = 0;
	memcpy(m->unknown_token, tok, len);
	m->unknown_token[len] = '\0';
}

void
marking_init(struct marking *m)
{
	memset(m, 0, sizeof(*m));
	m->fd = FD_NONE;
}

void
marking_unknown(struct marking *m, const char *why)
{
	marking_init(m);
	m->unknown = true;
	snprintf(m->unknown_token, sizeof(m->unknown_token), "%s", why);
}

static bool
prefix_eq(const char *s, size_t slen, const char *word, bool caseless)
{
	size_t n = strlen(word);

	if (n == 0 || n > slen)
		return false;
	return caseless ? strncasecmp(s, word, n) == 0 : strncmp(s, word, n) == 0;
}

/* Whether word could begin s: its first byte, the cheap test before any other. */
static bool
first_eq(const char *s, size_t slen, const char *word, bool caseless)
{
	if (slen == 0 || word[0] == '\0')
		return false;
	return caseless ? tolower((unsigned char)s[0]) == tolower((unsigned char)word[0]) :
	    s[0] == word[0];
}

/* A level token ends at the end, a separator, or a space. */
static bool
boundary(const char *s, size_t slen, size_t at)
{
	return at == slen || s[at] == '/' || s[at] == '-' || s[at] == ' ';
}

/*
 * Whether s, in a portion mark, begins with a level's abbreviation in lower case before a
 * separator and more ("(s//nf)", "(u/fouo)"; "(c)" alone is a list item), or, when punct, run
 * into a character that is neither a letter nor a separator ("(S,NF)", "(S.)", "(S1)",
 * "(TS|SCI)"). Such a mark is misspelt, not a word in parentheses, and must be withheld, not read
 * as text.
 */
static bool
misspelt_level(const struct policy *p, const char *s, size_t slen, bool punct)
{
	size_t i, j;

	for (i = 0; i < p->nlevels; i++)
		for (j = 0; j < p->levels[i].nportion; j++) {
			const char *w = p->levels[i].portion[j];
			size_t n;

			/* Either prefix_eq below needs the first byte, in any case (first_eq). */
			if (!first_eq(s, slen, w, true))
				continue;
			n = strlen(w);
			/* "(U.S.)", "(U.N. forces" are abbreviations, not misspelt marks. */
			if (punct && prefix_eq(s, slen, w, false) && n < slen &&
			    !isalpha((unsigned char)s[n]) && !boundary(s, slen, n) &&
			    !(s[n] == '.' && n + 1 < slen && isupper((unsigned char)s[n + 1])))
				return true;
			if (prefix_eq(s, slen, w, true) && n + 1 < slen &&
			    (s[n] == '/' || s[n] == '-'))
				return true;
		}
	return false;
}

/*
 * Finds the longest level or stand-alone control token at the start of s. Sets *level and
 * *control (-1 when none) and returns the token's length, or 0 when s starts with neither.
 */
static size_t
leading_token(const struct policy *p, const char *s, size_t slen, enum marking_syntax syntax,
    int *level, int *control)
{
	bool caseless = syntax == MARKING_BANNER;
	size_t best = 0, i, j;

	*level = -1;
	*control = -1;
	for (i = 0; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];
		const char *words[64];
		size_t nw = 0;

		for (j = 0; j < lv->nportion && nw < 60; j++)
			words[nw++] = lv->portion[j];
		for (j = 0; j < lv->nbanner && nw < 62; j++)
			words[nw++] = lv->banner[j];
		words[nw++] = lv->name;
		if (caseless && lv->spaced != NULL)
			words[nw++] = lv->spaced;
		for (j = 0; j < nw; j++) {
			size_t n;

			if (!first_eq(s, slen, words[j], caseless))
				continue;
			n = strlen(words[j]);
			if (n > best && prefix_eq(s, slen, words[j], caseless) &&
			    boundary(s, slen, n)) {
				best = n;
				*level = (int)i;
				*control = -1;
			}
		}
	}
	for (i = 0; i < p->ncontrols; i++) {
		const struct policy_control *c = &p->controls[i];

		if (c->level < 0)
			continue;
		for (j = 0; j <= c->naliases; j++) {
			const char *w = j == 0 ? c->name : c->aliases[j - 1];
			size_t n;

			if (!first_eq(s, slen, w, caseless))
				continue;
			n = strlen(w);
			if (n > best && prefix_eq(s, slen, w, caseless) && boundary(s, slen, n)) {
				best = n;
				*level = c->level;
				*control = (int)i;
			}
		}
	}
	return best;
}

static void
add_control(const struct policy *p, struct marking *m, int c)
{
	if (p->controls[c].kind == CONTROL_NOFORN) {
		if (m->fd == FD_REL)
			m->fd_conflict = true;
		m->fd = FD_NOFORN;
	} else {
		m->controls |= (uint64_t)1 << c;
	}
}

/* Adds one REL TO item: a country code, a country alias, or a group. */
static void
add_rel_item(const struct policy *p, struct marking *m, const char *tok, size_t len)
{
	int c, g;
	size_t k;

	if ((c = policy_country_find(p, tok, len)) >= 0) {
		set_add(&m->rel, c);
		return;
	}
	if ((g = policy_group_find(p, tok, len)) >= 0) {
		if (!p->groups[g].known)
			m->rel_partial = true;
		for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
			m->rel.bits[k] |= p->groups[g].members.bits[k];
		return;
	}
	note_unknown(m, tok, len);
}

/*
 * Splits s into REL TO items and returns how many there were. Items are parted by commas
 * ("USA, GBR"), or by spaces in a list with no comma at all ("USA AUS CAN GBR NZL", the IC's
 * informal form). An item with a space in a list with commas must be one name as a whole ("USA,
 * AND GBR" is no list: read as Andorra, "AND" would add a country the author never named), and
 * in a list parted by spaces the word "and" is no country: both are unknown tokens.
 */
static size_t
parse_rel_list(const struct policy *p, struct marking *m, const char *s, size_t len)
{
	size_t i = 0, items = 0;
	bool commas = memchr(s, ',', len) != NULL;
	char sep = commas ? ',' : ' ';

	while (i < len) {
		size_t start, end;

		while (i < len && (s[i] == sep || s[i] == ' '))
			i++;
		start = i;
		while (i < len && s[i] != sep)
			i++;
		end = i;
		while (end > start && s[end - 1] == ' ')
			end--;
		if (end == start)
			continue;
		items++;
		if (!commas && end - start == 3 && strncasecmp(s + start, "AND", 3) == 0)
			note_unknown(m, s + start, 3);
		else
			add_rel_item(p, m, s + start, end - start);
	}
	return items;
}

/* The most controls one category parted by spaces may name ("STRAP1 COMINT"). */
#define MARKING_WORDS 8

/* Parses one category (the text between slashes) after the level. */
static void
parse_category(const struct policy *p, struct marking *m, const char *s, size_t len)
{
	int c;
	size_t sp;

	if ((c = policy_control_find(p, s, len)) >= 0) {
		add_control(p, m, c);
		return;
	}
	/* "REL TO USA, GBR", "REL to Pakistan", "REL NATO", "REL" */
	if (len >= 3 && strncasecmp(s, "REL", 3) == 0 && (len == 3 || s[3] == ' ' || s[3] == ',')) {
		size_t i = 3;

		while (i < len && s[i] == ' ')
			i++;
		if (len - i >= 2 && strncasecmp(s + i, "TO", 2) == 0 &&
		    (len - i == 2 || s[i + 2] == ' '))
			i += 2;
		/*
		 * Two REL TO lists in one mark: which one the author meant nobody can know. Like
		 * NOFORN with REL TO, a contradiction: never released (marking_decide).
		 */
		if (m->fd == FD_REL) {
			m->fd_conflict = true;
			parse_rel_list(p, m, s + i, len - i);
			return;
		}
		if (m->fd == FD_NOFORN)
			m->fd_conflict = true;
		else
			m->fd = FD_REL;
		if (parse_rel_list(p, m, s + i, len - i) == 0)
			m->rel_partial = true;
		return;
	}
	/* A control that takes countries: "FGI GBR DEU". */
	for (sp = 0; sp < len && s[sp] != ' '; sp++)
		;
	if (sp < len && (c = policy_control_find(p, s, sp)) >= 0 && p->controls[c].countries) {
		struct marking scratch;

		add_control(p, m, c);
		marking_init(&scratch);
		parse_rel_list(p, &scratch, s + sp, len - sp);
		if (scratch.unknown)
			note_unknown(m, scratch.unknown_token, strlen(scratch.unknown_token));
		return;
	}
	/* Controls joined by hyphens: "NF-ORCON". Every piece must be known. */
	if (memchr(s, '-', len) != NULL) {
		size_t i = 0;

		while (i < len) {
			size_t start = i;

			while (i < len && s[i] != '-')
				i++;
			if (i == start || (c = policy_control_find(p, s + start, i - start)) < 0) {
				note_unknown(m, s, len);
				return;
			}
			add_control(p, m, c);
			i++;
		}
		return;
	}
	/*
	 * Controls parted by spaces: "STRAP1 COMINT", "UK EYES ONLY COMINT". The longest run of
	 * words that names a control is taken first; every word must be in one.
	 */
	if (memchr(s, ' ', len) != NULL) {
		size_t i = 0, found[MARKING_WORDS], nfound = 0, k;

		while (i < len && nfound < MARKING_WORDS) {
			size_t end = len;

			for (;;) {
				if ((c = policy_control_find(p, s + i, end - i)) >= 0)
					break;
				while (end > i && s[end - 1] != ' ')
					end--;
				while (end > i && s[end - 1] == ' ')
					end--;
				if (end == i)
					break;
			}
			if (c < 0)
				break;
			found[nfound++] = (size_t)c;
			i = end;
			while (i < len && s[i] == ' ')
				i++;
		}
		if (i == len) {
			for (k = 0; k < nfound; k++)
				add_control(p, m, (int)found[k]);
			return;
		}
	}
	note_unknown(m, s, len);
}

/* Copies s into out with runs of white space folded to one space and the ends trimmed. */
static size_t
fold_space(const char *s, size_t len, char *out, size_t outlen)
{
	size_t i, n = 0;
	bool space = false;

	for (i = 0; i < len && n + 1 < outlen; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
			space = n > 0;
			continue;
		}
		if (space) {
			out[n++] = ' ';
			space = false;
			if (n + 1 >= outlen)
				break;
		}
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return n;
}

/*
 * Puts m in the one form the lattice compares. A NOFORN-type control (one no foreign reader may
 * hold: SBU-NF, LES-NF, SP-EXPT) says NOFORN: the marking goes to US audiences only, whatever
 * REL TO list it also carries (a list can narrow what a control allows, never widen it).
 */
static void
settle(const struct policy *p, struct marking *m)
{
	/* Every REL TO list admits the home country's readers, written or not. */
	if (m->fd == FD_REL && p->home >= 0)
		set_add(&m->rel, p->home);
	if ((m->controls & p->us_only) == 0 || m->fd == FD_NOFORN)
		return;
	m->fd = FD_NOFORN;
	memset(&m->rel, 0, sizeof(m->rel));
	m->rel_partial = false;
}

void
marking_add_controls(const struct policy *p, struct marking *m, uint64_t controls)
{
	m->controls |= controls;
	settle(p, m);
}

bool
marking_is_level(const struct policy *p, const char *s, size_t len)
{
	size_t i, j;

	for (i = 0; i < p->nlevels; i++)
		for (j = 0; j < p->levels[i].nportion; j++)
			if (strlen(p->levels[i].portion[j]) == len &&
			    strncasecmp(p->levels[i].portion[j], s, len) == 0)
				return true;
	return false;
}

/* marking_parse, before a NOFORN-type control settles the foreign disclosure (settle). */
static int
parse_marking(const struct policy *p, const char *text, size_t len, enum marking_syntax syntax,
    struct marking *m)
{
	char s[MARKING_MAXLEN];
	size_t n, tok, i;
	int level, control;

	marking_init(m);
	if (len >= sizeof(s)) {
		if (syntax != MARKING_BANNER)
			return 0;
		note_unknown(m, text, 16);
		return 1;
	}
	n = fold_space(text, len, s, sizeof(s));
	/*
	 * A marking begins with a byte some level or stand-alone token begins with: "(1994)" is no
	 * mark.
	 */
	if (n == 0 || !p->mark_first[(unsigned char)s[0]])
		return 0;
	if ((tok = leading_token(p, s, n, syntax, &level, &control)) == 0) {
		size_t j;

		/* A level of another scheme ("(R)", "(NS)") is a mark this policy cannot read. */
		for (j = 0; j < p->nother_levels; j++) {
			size_t w;

			if (!first_eq(s, n, p->other_levels[j], syntax == MARKING_BANNER))
				continue;
			w = strlen(p->other_levels[j]);
			if (prefix_eq(s, n, p->other_levels[j], syntax == MARKING_BANNER) &&
			    boundary(s, n, w)) {
				note_unknown(m, s, w);
				return 1;
			}
		}
		if ((syntax == MARKING_START || syntax == MARKING_HEAD) &&
		    misspelt_level(p, s, n, syntax == MARKING_HEAD)) {
			note_unknown(m, s, n);
			return 1;
		}
		return 0;
	}
	m->level = level;
	if (control >= 0)
		add_control(p, m, control);

	/*
	 * A marking that ends in a separator ("UNCLAS/", "S//NF//") was cut short: what stood
	 * after it is not known.
	 */
	if (n > tok && (s[n - 1] == '/' || s[n - 1] == '-')) {
		note_unknown(m, s + n - 1, 1);
		return 1;
	}
	/* The rest: categories separated by one or more slashes; a hyphen or space may lead. */
	i = tok;
	while (i < n && (s[i] == '/' || s[i] == '-' || s[i] == ' '))
		i++;
	while (i < n) {
		size_t start = i, end;

		while (i < n && s[i] != '/')
			i++;
		end = i;
		while (start < end && s[start] == ' ')
			start++;
		while (end > start && s[end - 1] == ' ')
			end--;
		if (end > start)
			parse_category(p, m, s + start, end - start);
		while (i < n && s[i] == '/')
			i++;
	}
	return 1;
}

int
marking_parse(const struct policy *p, const char *text, size_t len, enum marking_syntax syntax,
    struct marking *m)
{
	if (parse_marking(p, text, len, syntax, m) != 1)
		return 0;
	settle(p, m);
	return 1;
}

/*
 * Whether a release target writes REL without TO after it ("SECRET//REL USA, GBR"): a mark in a
 * document may (marks are read as written), a target is what a user typed, read strictly.
 */
static bool
rel_without_to(const char *text)
{
	size_t k, n = strlen(text);

	for (k = 0; k + 3 <= n; k++) {
		size_t j = k + 3;

		if (strncasecmp(text + k, "REL", 3) != 0 ||
		    (k > 0 && isalnum((unsigned char)text[k - 1])) ||
		    (j < n && isalnum((unsigned char)text[j])))
			continue;
		while (j < n && text[j] == ' ')
			j++;
		if (!(n - j >= 2 && strncasecmp(text + j, "TO", 2) == 0 &&
		    (n - j == 2 || !isalnum((unsigned char)text[j + 2]))))
			return true;
	}
	return false;
}

int
marking_parse_target(const struct policy *p, const char *text, struct marking *t, char *err,
    size_t errlen)
{
	size_t c;
	unsigned audience;

	if (parse_marking(p, text, strlen(text), MARKING_BANNER, t) != 1) {
		snprintf(err, errlen, "release target \"%s\" is not a marking (try UNCLASSIFIED, "
		    "CONFIDENTIAL, SECRET//NOFORN or \"SECRET//REL TO USA, GBR\")", text);
		return -1;
	}
	if (t->unknown) {
		char levels[256] = "";
		size_t k, n = 0;

		/* The levels this policy knows, when the level is what it does not know. */
		for (k = 0; k < p->nlevels && n + 1 < sizeof(levels); k++)
			n += (size_t)snprintf(levels + n, sizeof(levels) - n, "%s%s", k ? ", " : "",
			    p->levels[k].name);
		if (n >= sizeof(levels))
			levels[sizeof(levels) - 1] = '\0';
		if (t->unknown_token[0] == '\0')
			snprintf(err, errlen, "release target \"%s\" is no marking this policy knows "
			    "(this policy's levels: %s)", text, levels);
		else if (strncasecmp(text, t->unknown_token, strlen(t->unknown_token)) == 0)
			snprintf(err, errlen, "release target \"%s\": unknown level \"%s\" (this "
			    "policy's levels: %s)", text, t->unknown_token, levels);
		else
			snprintf(err, errlen, "release target \"%s\": unknown token \"%s\"", text,
			    t->unknown_token);
		return -1;
	}
	if (rel_without_to(text)) {
		snprintf(err, errlen, "release target \"%s\": write the countries after \"REL TO\" "
		    "(\"SECRET//REL TO USA, GBR\")", text);
		return -1;
	}
	if (t->fd_conflict) {
		snprintf(err, errlen, "release target \"%s\" has both NOFORN and REL TO", text);
		return -1;
	}
	if (t->fd == FD_REL && t->rel_partial) {
		snprintf(err, errlen, "release target \"%s\": REL TO needs countries, or groups "
		    "whose members the policy lists", text);
		return -1;
	}
	/*
	 * A target may carry only controls its audience may hold (read before settle, which
	 * would make a NOFORN-type control with a REL TO list a US target).
	 */
	audience = marking_audience(p, t);
	for (c = 0; c < p->ncontrols; c++) {
		const struct policy_control *pc = &p->controls[c];

		if (!((t->controls >> c) & 1) || pc->kind != CONTROL_HANDLING ||
		    (pc->holders & audience))
			continue;
		if (audience == AUDIENCE_FOREIGN && (pc->holders & AUDIENCE_US))
			snprintf(err, errlen, "release target \"%s\": %s goes to US audiences "
			    "only, and the target has a REL TO list", text, pc->name);
		else
			snprintf(err, errlen, "release target \"%s\": no reader it stands for may "
			    "hold %s", text, pc->name);
		return -1;
	}
	settle(p, t);
	return 0;
}

/*
 * The lattice (docs/policies.md, "The audiences"). A target stands for readers:
 *   public   everyone, every foreign national among them: a target at the lowest level with no
 *            control and no foreign disclosure ("UNCLASSIFIED");
 *   foreign  US readers and the nationals of the countries of its REL TO list
 *            ("SECRET//REL TO USA, GBR");
 *   us       US readers only: every other target ("SECRET", "UNCLASSIFIED//FOUO",
 *            "SECRET//NOFORN").
 * Readers of a target hold its level and its controls, and no more. A marking admits the readers
 * cleared to its level who hold, or may read without holding (`release`), each of its handling
 * controls, and: under NOFORN or a NOFORN-type control, US readers only; under REL TO, US readers
 * and the nationals its list names; with neither, everyone when it is at the lowest level with no
 * handling control, else US readers only. A portion goes to a target when every reader the target
 * stands for is one the marking admits.
 */
/*
 * Whether a REL TO set names anyone but the home country: a country, or a group of unknown
 * membership (a target never names one: marking_parse_target refuses it).
 */
static bool
beyond_home(const struct policy *p, const struct country_set *rel)
{
	size_t k;

	for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
		if ((rel->bits[k] & ~(p->home >= 0 && (size_t)p->home / 64 == k ?
		    (uint64_t)1 << (p->home % 64) : 0)) != 0)
			return true;
	return false;
}

unsigned
marking_audience(const struct policy *p, const struct marking *t)
{
	if (t->fd == FD_REL && beyond_home(p, &t->rel))
		return AUDIENCE_FOREIGN;
	if (t->level > 0 || t->fd != FD_NONE || (t->controls & p->handling) != 0)
		return AUDIENCE_US;
	return AUDIENCE_PUBLIC;
}

/*
 * m's foreign disclosure as a banner says it: a REL TO list of the home country alone is NOFORN
 * where the policy has a NOFORN control (marking_format writes it so).
 */
static enum marking_fd
fd_said(const struct policy *p, const struct marking *m)
{
	if (m->fd != FD_REL || p->noforn < 0 || beyond_home(p, &m->rel))
		return m->fd;
	return FD_NOFORN;
}

/* Whether m admits US readers only, by its foreign disclosure or by having none (see above). */
static bool
us_only(const struct policy *p, const struct marking *m)
{
	return m->fd == FD_NOFORN ||
	    (m->fd == FD_NONE && (m->level > 0 || (m->controls & p->handling) != 0));
}

/* The first handling control of m, or NULL. */
static const struct policy_control *
first_handling(const struct policy *p, uint64_t bits)
{
	size_t c;

	for (c = 0; c < p->ncontrols; c++)
		if (((bits >> c) & 1) && p->controls[c].kind == CONTROL_HANDLING)
			return &p->controls[c];
	return NULL;
}

const char *
marking_rule_name(enum marking_rule rule)
{
	static const char *const names[] = {
		"released", "unknown-token", "level", "noforn", "us-only", "rel-country",
		"rel-unproven", "handling", "unmarked"
	};

	return names[rule];
}

/*
 * Whether m's unknown token is a token as written, to be quoted, rather than the reader's
 * words for what it found ("words beside a level"), which are no mark's.
 */
bool
marking_token_quoted(const struct marking *m)
{
	return m->unknown_token[0] != '\0' &&
	    marking_quotable(m->unknown_token, strlen(m->unknown_token));
}

enum marking_rule
marking_decide(const struct policy *p, const struct marking *m, const struct marking *t,
    char *why, size_t whylen, const char **exemption)
{
	unsigned audience = marking_audience(p, t);
	size_t i;

	*exemption = p->default_exemption;
	if (m->unknown) {
		/*
		 * Its token quoted, where it is one, else what the reader found ("a mark it cannot
		 * read: words beside a level").
		 */
		if (marking_token_quoted(m))
			snprintf(why, whylen, "unknown token \"%s\"", m->unknown_token);
		else if (m->unknown_token[0] != '\0')
			snprintf(why, whylen, "a mark it cannot read: %s", m->unknown_token);
		else
			snprintf(why, whylen, "a mark it cannot read");
		return RULE_UNKNOWN_TOKEN;
	}
	/*
	 * NOFORN with REL TO, or two REL TO lists, in one marking contradict each other: malformed,
	 * never released.
	 */
	if (m->fd_conflict) {
		snprintf(why, whylen, "NOFORN with REL TO, or REL TO twice, in one mark");
		return RULE_UNKNOWN_TOKEN;
	}
	if (m->level > t->level) {
		if (p->levels[m->level].exemption != NULL)
			*exemption = p->levels[m->level].exemption;
		snprintf(why, whylen, "%s is above the target's %s", p->levels[m->level].name,
		    p->levels[t->level].name);
		return RULE_LEVEL;
	}
	if (m->level > 0 && p->levels[m->level].exemption != NULL)
		*exemption = p->levels[m->level].exemption;
	if (m->fd == FD_NOFORN && audience != AUDIENCE_US) {
		const struct policy_control *hc = first_handling(p, m->controls & p->us_only);

		if (hc != NULL && hc->exemption != NULL && m->level == 0)
			*exemption = hc->exemption;
		snprintf(why, whylen, "%s goes to US audiences only", hc != NULL ? hc->name :
		    "NOFORN");
		return RULE_NOFORN;
	}
	/* The public holds no control, and every foreign national is among it. */
	if (audience == AUDIENCE_PUBLIC && (m->controls & p->handling) != 0) {
		const struct policy_control *hc = first_handling(p, m->controls);

		if (hc->exemption != NULL && m->level == 0)
			*exemption = hc->exemption;
		snprintf(why, whylen, "%s is not released to the public", hc->name);
		return RULE_HANDLING;
	}
	/* An order that denies readers a release denies it to the public, among whom they are. */
	if (audience == AUDIENCE_PUBLIC && m->denied_public) {
		snprintf(why, whylen, "a sentence in it denies its release to readers among the "
		    "public");
		return RULE_REL_COUNTRY;
	}
	/* A REL TO list names who may read: the public is never among them. */
	if (m->fd == FD_REL && audience == AUDIENCE_PUBLIC) {
		snprintf(why, whylen, "REL TO names who may read it: the public is not among them");
		return RULE_REL_COUNTRY;
	}
	if (audience == AUDIENCE_FOREIGN) {
		/* With no REL TO, classified or controlled text goes to US audiences only. */
		if (us_only(p, m)) {
			const struct policy_control *hc = first_handling(p, m->controls);

			if (m->level == 0 && hc != NULL && hc->exemption != NULL)
				*exemption = hc->exemption;
			snprintf(why, whylen, "%s with no REL TO: US audiences only",
			    m->level > 0 ? "classified" : "controlled");
			return RULE_US_ONLY;
		}
		if (m->fd == FD_REL) {
			for (i = 0; i < p->ncountries; i++) {
				if ((int)i == p->home || !set_has(&t->rel, (int)i) ||
				    set_has(&m->rel, (int)i))
					continue;
				if (m->rel_partial) {
					snprintf(why, whylen, "REL TO list does not prove release to "
					    "%s", p->countries[i]);
					return RULE_REL_PARTIAL;
				}
				snprintf(why, whylen, "REL TO list does not include %s",
				    p->countries[i]);
				return RULE_REL_COUNTRY;
			}
		}
		/*
		 * A sentence in it denies the target's readers, or foreign readers at large: an
		 * order does wherever it stands, a weaker reading (reading_readers_doubt) where a
		 * REL TO list says who may read, which the public never may.
		 */
		for (i = 0; i < p->ncountries && (m->denied_public || m->fd == FD_REL); i++) {
			if ((int)i == p->home || !set_has(&t->rel, (int)i) ||
			    !(m->denied_foreign || set_has(&m->denied, (int)i)))
				continue;
			snprintf(why, whylen, "a sentence in it denies or limits its release: %s is "
			    "not proven among its readers", p->countries[i]);
			return RULE_REL_PARTIAL;
		}
	}
	for (i = 0; i < p->ncontrols; i++) {
		const struct policy_control *c = &p->controls[i];

		if (!((m->controls >> i) & 1) || c->kind != CONTROL_HANDLING)
			continue;
		if (((t->controls >> i) & 1) || (c->release & audience))
			continue;
		if (c->exemption != NULL)
			*exemption = c->exemption;
		snprintf(why, whylen, "%s is not released to this audience", c->name);
		return RULE_HANDLING;
	}
	snprintf(why, whylen, "%s%s is dominated by the target", p->levels[m->level].name,
	    m->controls != 0 || m->fd != FD_NONE ? " with its controls" : "");
	return RULE_RELEASED;
}

void
marking_join(const struct policy *p, const struct marking *a, const struct marking *b,
    struct marking *out)
{
	struct marking r = *a;
	size_t k;

	if (b->level > r.level)
		r.level = b->level;
	r.controls |= b->controls;
	r.fd_conflict |= b->fd_conflict;
	for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
		r.denied.bits[k] |= b->denied.bits[k];
	r.denied_foreign |= b->denied_foreign;
	r.denied_public |= b->denied_public;
	r.denied_document |= b->denied_document;
	if (b->unknown && !r.unknown) {
		r.unknown = true;
		memcpy(r.unknown_token, b->unknown_token, sizeof(r.unknown_token));
	}
	/* The readers both admit: NOFORN beats all; US-only beats REL TO; REL TO lists meet. */
	if (a->fd == FD_NOFORN || b->fd == FD_NOFORN) {
		r.fd = FD_NOFORN;
		memset(&r.rel, 0, sizeof(r.rel));
		r.rel_partial = false;
	} else if (us_only(p, a) || us_only(p, b)) {
		r.fd = FD_NONE;
		memset(&r.rel, 0, sizeof(r.rel));
		r.rel_partial = false;
	} else if (a->fd == FD_REL && b->fd == FD_REL) {
		for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
			r.rel.bits[k] = a->rel.bits[k] & b->rel.bits[k];
		r.rel_partial = a->rel_partial || b->rel_partial;
	} else if (b->fd == FD_REL) {
		r.fd = FD_REL;
		r.rel = b->rel;
		r.rel_partial = b->rel_partial;
	}
	settle(p, &r);
	*out = r;
}

void
marking_rollup_add(const struct policy *p, struct marking *acc, bool *first,
    const struct marking *m)
{
	if (*first) {
		*acc = *m;
		*first = false;
		return;
	}
	marking_join(p, acc, m, acc);
}

bool
marking_identical(const struct marking *a, const struct marking *b)
{
	return a->level == b->level && a->controls == b->controls && a->fd == b->fd &&
	    a->rel_partial == b->rel_partial && a->fd_conflict == b->fd_conflict &&
	    a->unknown == b->unknown && memcmp(&a->rel, &b->rel, sizeof(a->rel)) == 0 &&
	    a->denied_foreign == b->denied_foreign && a->denied_public == b->denied_public &&
	    a->denied_document == b->denied_document &&
	    memcmp(&a->denied, &b->denied, sizeof(a->denied)) == 0 &&
	    strcmp(a->unknown_token, b->unknown_token) == 0;
}

bool
marking_equal(const struct policy *p, const struct marking *a, const struct marking *b)
{
	size_t c;
	enum marking_fd fa = fd_said(p, a), fb = fd_said(p, b);

	if (a->unknown || b->unknown || a->fd_conflict || b->fd_conflict ||
	    a->level != b->level || fa != fb)
		return false;
	for (c = 0; c < p->ncontrols; c++)
		if (marking_writes_control(p, a, c) != marking_writes_control(p, b, c))
			return false;
	return fa != FD_REL || memcmp(&a->rel, &b->rel, sizeof(a->rel)) == 0;
}

bool
marking_states(const struct policy *p, const struct marking *banner, const struct marking *m)
{
	struct marking said = *banner;

	/* "SECRET//NOFORN" over what goes to US readers only for want of a REL TO list. */
	if (fd_said(p, banner) == FD_NOFORN && m->fd == FD_NONE && us_only(p, m) &&
	    !banner->fd_conflict) {
		said.fd = FD_NONE;
		memset(&said.rel, 0, sizeof(said.rel));
	}
	return marking_equal(p, &said, m);
}

static int
append(char *buf, size_t buflen, size_t *n, const char *s)
{
	size_t len = strlen(s);

	if (*n + len >= buflen)
		return -1;
	memcpy(buf + *n, s, len + 1);
	*n += len;
	return 0;
}

/*
 * Appends "US readers only" as the policy writes it: its NOFORN control ("//NOFORN", "//UK EYES
 * ONLY"), or, in a scheme with none (nato), a REL TO list of the home country alone, which it
 * reads back as the same audience. -1 when the policy can say neither, or buf is too small.
 */
static int
append_home_only(const struct policy *p, char *buf, size_t buflen, size_t *n)
{
	if (p->noforn >= 0)
		return append(buf, buflen, n, "//") != 0 ||
		    append(buf, buflen, n, p->controls[p->noforn].name) != 0 ? -1 : 0;
	if (p->home < 0)
		return -1;
	return append(buf, buflen, n, "//REL TO ") != 0 ||
	    append(buf, buflen, n, p->countries[p->home]) != 0 ? -1 : 0;
}

/* Appends m's REL TO list: the home country, countries, then whole groups by name. */
static int
append_rel(const struct policy *p, const struct marking *m, char *buf, size_t buflen, size_t *n)
{
	struct country_set left = m->rel;
	size_t c, g, k, picked[MAX_PICKED], npicked = 0;
	const char *sep;

	if (!beyond_home(p, &m->rel))	/* REL TO no one but the home country is NOFORN. */
		return append_home_only(p, buf, buflen, n);
	if (p->home >= 0)
		left.bits[p->home / 64] &= ~((uint64_t)1 << (p->home % 64));
	/* Whole groups are written by their tetragraph: "REL TO USA, FVEY". */
	for (g = 0; g < p->ngroups && npicked < MAX_PICKED; g++) {
		const struct policy_group *gr = &p->groups[g];
		bool inside = gr->known, some = false;

		for (k = 0; inside && k < POLICY_MAX_COUNTRIES / 64; k++) {
			uint64_t members = gr->members.bits[k];

			if (p->home >= 0 && (size_t)p->home / 64 == k)
				members &= ~((uint64_t)1 << (p->home % 64));
			inside = (members & ~left.bits[k]) == 0;
			some = some || members != 0;
		}
		if (!inside || !some)
			continue;
		for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
			left.bits[k] &= ~gr->members.bits[k];
		picked[npicked++] = g;
	}
	/* The home country first, then countries, then groups (CAPCO order). */
	if (append(buf, buflen, n, "//REL TO ") != 0 ||
	    (p->home >= 0 && append(buf, buflen, n, p->countries[p->home]) != 0))
		return -1;
	sep = p->home >= 0 ? ", " : "";
	for (c = 0; c < p->ncountries; c++) {
		if (!set_has(&left, (int)c))
			continue;
		if (append(buf, buflen, n, sep) != 0 || append(buf, buflen, n, p->countries[c]) != 0)
			return -1;
		sep = ", ";
	}
	for (g = 0; g < npicked; g++) {
		if (append(buf, buflen, n, sep) != 0 ||
		    append(buf, buflen, n, p->groups[picked[g]].name) != 0)
			return -1;
		sep = ", ";
	}
	/* Groups of unknown membership last, each where every portion names it. */
	for (g = 0; g < p->ngroups; g++) {
		if (p->groups[g].slot < 0 || !set_has(&left, p->groups[g].slot))
			continue;
		if (append(buf, buflen, n, sep) != 0 ||
		    append(buf, buflen, n, p->groups[g].name) != 0)
			return -1;
		sep = ", ";
	}
	return 0;
}

bool
marking_writes_control(const struct policy *p, const struct marking *m, size_t c)
{
	const struct policy_control *pc = &p->controls[c];

	if (!((m->controls >> c) & 1) || pc->kind != CONTROL_HANDLING)
		return false;
	/*
	 * CAPCO drops FOUO and its kin from a classified banner, whose US readers may all read
	 * them; not from one with a REL TO list when foreign readers may not.
	 */
	return !(pc->unclassified_only && m->level > 0 && (pc->release & AUDIENCE_US) &&
	    (fd_said(p, m) != FD_REL || (pc->release & AUDIENCE_FOREIGN)));
}

int
marking_format(const struct policy *p, const struct marking *m, const char *level_word,
    bool with_controls, char *buf, size_t buflen)
{
	size_t n = 0, i;

	if (buflen == 0)
		return -1;
	buf[0] = '\0';
	if (append(buf, buflen, &n, level_word != NULL ? level_word :
	    p->levels[m->level].banner[0]) != 0)
		return -1;
	if (!with_controls)
		return (int)n;
	for (i = 0; i < p->ncontrols; i++) {
		if (!marking_writes_control(p, m, i))
			continue;
		if (append(buf, buflen, &n, "//") != 0 ||
		    append(buf, buflen, &n, p->controls[i].name) != 0)
			return -1;
	}
	if (m->fd == FD_REL) {
		size_t before = n;

		/* A list too long to write is written as the narrowest audience, US readers. */
		if (append_rel(p, m, buf, buflen, &n) != 0) {
			n = before;
			buf[n] = '\0';
			if (append_home_only(p, buf, buflen, &n) != 0)
				return -1;
		}
	} else if (m->fd == FD_NOFORN) {
		if (append_home_only(p, buf, buflen, &n) != 0)
			return -1;
	}
	return (int)n;
}
