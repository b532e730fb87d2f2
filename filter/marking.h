/* SPDX-License-Identifier: ISC */
/*
 * marking: the marking grammar. Parses portion marks ("S//REL TO USA, GBR"), banner markings
 * ("SECRET//NOFORN") and release targets into struct marking under a policy's vocabulary, decides
 * whether a target may see a marking, and combines markings (join, roll-up).
 */
#ifndef TEARLINE_MARKING_H
#define TEARLINE_MARKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"

/* Foreign disclosure: none written, NOFORN, or REL TO a list. */
enum marking_fd {
	FD_NONE,
	FD_NOFORN,
	FD_REL
};

struct marking {
	int level;			/* index into policy levels */
	uint64_t controls;		/* bit per policy control (handling and distribution) */
	enum marking_fd fd;
	struct country_set rel;		/* with FD_REL: countries the portion may go to */
	bool rel_partial;		/* the REL TO list names a group of unknown membership, or none:
					 * it proves less than it says (for messages; such a group is
					 * a bit of rel of its own, policy_group.slot) */
	bool fd_conflict;		/* NOFORN and REL TO were both written, or REL TO twice:
					 * malformed, never released */
	/*
	 * Readers a sentence in it denies, or leaves out of those it limits it to ("Do not share
	 * with AUS.", "For US eyes only."; reading_readers_doubt), and foreign readers at large
	 * ("Not for foreign partners."): a target that holds one of them is not proven.
	 */
	struct country_set denied;
	bool denied_foreign;
	bool denied_document;		/* ... said of the document or a part it names
					 * ("Paragraph 2 is not releasable to AUS."): every
					 * classified portion's (document.c) */
	bool denied_public;		/* ... said as an order ("Do not share with AUS."):
					 * the public, among whom every reader is, is not either */
	bool unknown;			/* an unknown token: never releasable */
	char unknown_token[40];		/* the first unknown token, for messages: empty when it
					 * may not be quoted (marking_quotable) */
};

enum marking_syntax {
	MARKING_PORTION,	/* level tokens case-sensitive: "(c)" is no mark */
	MARKING_START,		/* at the start of a line: as MARKING_PORTION, and a level's
				 * abbreviation in lower case before a separator and more
				 * ("(s//nf)") is a misspelt mark, of an unknown token */
	MARKING_HEAD,		/* at the head of a paragraph or after a label: as MARKING_START,
				 * and a level's abbreviation run into a digit or punctuation
				 * ("(S,NF)", "(S1)") is a misspelt mark too */
	MARKING_BANNER		/* level words case-insensitive, letter spacing removed */
};

/*
 * Parses text[0..len) as a marking. Returns 1 when it is a marking (m filled; m->unknown set if a
 * token is not in the policy), 0 when it is not a marking at all (it does not begin with a level or
 * a stand-alone control, like "(PRC)" or "(c)").
 */
int marking_parse(const struct policy *p, const char *text, size_t len,
    enum marking_syntax syntax, struct marking *m);

/*
 * Whether s[0..n), a token or a mark as written, may be quoted in a message: one word of at most
 * 24 printable bytes, with a letter, no three letters one of which is in lower case (prose), no
 * run of four letters or more (a name: a program's or a compartment's, itself classified, a
 * person's, a word of the text glued to the mark) and three runs of letters at most (a phrase of
 * short words, however parted). What a reader misread as a mark may be withheld text, and
 * messages never carry that: "(TSI/NF)", "(S/WCI)" and "(S,NF)" are quoted; "(SBUMF)",
 * "(S//SAR-WALRUS)", "(S//NF:KESTREL)", "(SECRET WALRUS PLANS)", "(S//NF;KIM;TO;DIE)" and
 * "1234567" are described.
 */
bool marking_quotable(const char *s, size_t n);
bool marking_token_quoted(const struct marking *m);

/*
 * Adds controls (bits of policy controls) to m, as a caption line does; a NOFORN-type control
 * makes m NOFORN.
 */
void marking_add_controls(const struct policy *p, struct marking *m, uint64_t controls);

/* Sets m to the lowest level with no controls: the marking of nothing. */
void marking_init(struct marking *m);

/*
 * Adds the readers up[0..n) names (a country's code or name, or a group's code, in capitals) to
 * those m denies; readers it cannot name deny every foreign reader. The home country is none.
 */
void marking_deny(const struct policy *p, struct marking *m, const char *up, size_t n);

/* Adds country c (a policy country's number) to those m denies. */
void marking_deny_country(struct marking *m, int c);

/* Adds every foreign country that `named` does not deny to those m denies. */
void marking_deny_others(const struct policy *p, struct marking *m,
    const struct marking *named);

/* Whether m denies a reader, or the public (struct marking's denied). */
bool marking_denies(const struct marking *m);

/* Whether m denies a reader by name or every foreign one (not the public alone). */
bool marking_denies_readers(const struct marking *m);

/* Sets *m to a marking not known, `why` its token (quoted in reports, never withheld text). */
void marking_unknown(struct marking *m, const char *why);

/* Whether s[0..len) is a level's portion abbreviation in any case ("c", "Ts"). */
bool marking_is_level(const struct policy *p, const char *s, size_t len);

/*
 * Parses a release target such as "UNCLASSIFIED", "U", "SECRET//REL TO USA, GBR". Returns 0, or
 * -1 with a message in err when the target is not a marking or carries an unknown token.
 */
int marking_parse_target(const struct policy *p, const char *text, struct marking *t,
    char *err, size_t errlen);

/* The audience a target stands for: AUDIENCE_PUBLIC, AUDIENCE_US or AUDIENCE_FOREIGN. */
unsigned marking_audience(const struct policy *p, const struct marking *target);

enum marking_rule {
	RULE_RELEASED,
	RULE_UNKNOWN_TOKEN,
	RULE_LEVEL,
	RULE_NOFORN,
	RULE_US_ONLY,
	RULE_REL_COUNTRY,
	RULE_REL_PARTIAL,
	RULE_HANDLING,
	RULE_UNMARKED
};

/* A short stable name for a rule ("level", "noforn", ...), for reports and the audit. */
const char *marking_rule_name(enum marking_rule rule);

/*
 * Decides whether `target` may see marking m. Returns RULE_RELEASED or the rule that withholds
 * it; writes a one-line reason into why (never naming a token above the target is needed, since
 * reasons go to reviewers, not into releases) and the FOIA exemption into *exemption.
 */
enum marking_rule marking_decide(const struct policy *p, const struct marking *m,
    const struct marking *target, char *why, size_t whylen, const char **exemption);

/*
 * The more restrictive combination of a and b (higher level; NOFORN beats REL TO; REL TO lists
 * intersect; controls unite; unknown stays unknown). Stored in out, which may alias a or b.
 */
void marking_join(const struct policy *p, const struct marking *a, const struct marking *b,
    struct marking *out);

/*
 * Adds a released marking to a banner roll-up (CAPCO: highest level, NOFORN if any, REL TO lists
 * intersected, none where any classified portion is US-only). `first` says acc is empty.
 */
void marking_rollup_add(const struct policy *p, struct marking *acc, bool *first,
    const struct marking *m);

/*
 * Whether a and b say the same in a banner: level, foreign disclosure (the REL TO list: its
 * countries and the groups of unknown membership it names), and the controls a banner of each writes
 * (marking_writes_control). A marking with an unknown token or a contradiction equals none.
 */
bool marking_equal(const struct policy *p, const struct marking *a, const struct marking *b);

/*
 * Whether a and b are the same marking, field by field, unknown tokens and contradictions
 * included (what interning compares; marking_equal equates no unknown).
 */
bool marking_identical(const struct marking *a, const struct marking *b);

/*
 * Whether a banner line's marking states m, a release's roll-up, so that it may stay as it is:
 * it says the same (marking_equal), or it says NOFORN where m goes to US readers only because it
 * has no REL TO list (a banner that says more of the same audience, never less).
 */
bool marking_states(const struct policy *p, const struct marking *banner,
    const struct marking *m);

/*
 * Whether a banner of m writes control c: m holds it, it is a handling control, and it is not
 * one that a classified banner leaves unsaid (`unclassified_only`) because every reader the
 * banner admits may read it.
 */
bool marking_writes_control(const struct policy *p, const struct marking *m, size_t c);

/*
 * Writes m in banner syntax ("SECRET//NOFORN", "SECRET//REL TO USA, GBR") into buf. With
 * `level_word` non-NULL, that word stands for the level. Returns the length, or -1 if buf is
 * too small.
 */
int marking_format(const struct policy *p, const struct marking *m, const char *level_word,
    bool with_controls, char *buf, size_t buflen);

#endif
