/*
 * policy: the marking scheme and document layout that tearline applies.
 *
 * A policy is read from YAML (libyaml) into a struct policy that owns everything it points to.
 * Every layout pattern is compiled once, with the JIT when it is available, and matched under the
 * policy's match, depth and heap limits; hitting a limit is an error, never "no match".
 */
#ifndef TEARLINE_POLICY_H
#define TEARLINE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define POLICY_MAX_LEVELS 16
#define POLICY_MAX_CONTROLS 64
#define POLICY_MAX_COUNTRIES 512
#define POLICY_ERRLEN 512

/* Audiences a handling control may be released to (bits of policy_control.release). */
#define AUDIENCE_PUBLIC 1u
#define AUDIENCE_US 2u
#define AUDIENCE_FOREIGN 4u

enum control_kind {
	CONTROL_NOFORN,
	CONTROL_HANDLING,
	CONTROL_DISTRIBUTION
};

/*
 * The roles a layout rule can play; the order here is the order lines are tried in. ROLE_LABEL
 * is the reading section's label pattern, never a rule of the list.
 */
enum layout_role {
	ROLE_ROUTING,
	ROLE_ROUTING_CLASS,
	ROLE_BANNER,
	ROLE_PAGE,
	ROLE_AUTHORITY,
	ROLE_AUTHORITY_TAIL,
	ROLE_DECLASS,
	ROLE_TAGS,
	ROLE_SUBJECT,
	ROLE_LABEL,
	ROLE_COUNT
};

enum layout_scope {
	SCOPE_ANYWHERE,
	SCOPE_TOP,		/* only before the first text line: the top of a document */
	SCOPE_HEADER		/* only before the first marked portion */
};

struct country_set {
	uint64_t bits[POLICY_MAX_COUNTRIES / 64];
};

struct policy_level {
	char *name;		/* "SECRET" */
	char **portion;		/* portion abbreviations: "S" */
	size_t nportion;
	char **banner;		/* banner words, the first written when re-marking: "SECRET" */
	size_t nbanner;
	char *spaced;		/* letter-spaced cable form: "S E C R E T" */
	char *routing;		/* routing header security line: "ZNY SSSSS" */
	char *exemption;	/* FOIA exemption for portions withheld for their level */
};

struct policy_control {
	char *name;
	char **aliases;
	size_t naliases;
	enum control_kind kind;
	unsigned release;	/* AUDIENCE_* bits, for CONTROL_HANDLING: who may read it without
				 * holding it */
	unsigned holders;	/* AUDIENCE_* bits: who a target that names it may stand for
				 * (never the public); without AUDIENCE_FOREIGN it is NOFORN-type */
	int level;		/* level the token implies when it stands alone, or -1 */
	bool unclassified_only;
	bool countries;		/* may be followed by country codes */
	char *exemption;
};

struct policy_group {
	char *name;
	bool known;		/* membership listed in the policy */
	/*
	 * Its countries; for a group of unknown membership, one bit of its own after the
	 * countries (`slot`), so that REL TO lists that name it meet and compare as lists of
	 * countries do, and a banner names it only where every portion does.
	 */
	struct country_set members;
	int slot;		/* that bit, or -1 for a known group */
};

struct policy_alias {
	char *name;
	int country;
};

/* A word the marking grammar looks up: a control's name or alias, with its length. */
struct policy_word {
	const char *text;	/* points into the control */
	size_t len;
	int control;
};

struct policy_rule {
	enum layout_role role;
	enum layout_scope scope;
	char *source;
	pcre2_code *code;
	/*
	 * What PCRE2 knows of every match: its least length, and the bytes it can start with
	 * (when first_known). A line that fails either cannot match, so the rule is not run.
	 */
	uint32_t minlen;
	bool first_known;
	uint8_t first[32];
	int required;		/* a byte every match contains (either case), or -1 */
	/* Capture group numbers of the named groups, or -1 where the pattern has none. */
	int g_label, g_mark, g_level, g_controls, g_rest, g_class, g_prefix, g_decl;
	int g_number, g_bullet, g_bare;
};

/* The longest word of a level, control or country a policy may name. */
#define POLICY_WORD_MAX 63

/*
 * A word of the scheme's vocabulary, as the reading rules compare it: upper case, letters and
 * digits only ("TOP SECRET" is "TOPSECRET", "SBU-NF" is "SBUNF").
 */
struct policy_term {
	char text[POLICY_WORD_MAX + 1];
	size_t len;
	int level;		/* the level it names, or -1 */
	int control;		/* the control it names, or -1 */
	bool starts;		/* a mark may begin with it: a level, a stand-alone control, a
				 * level of another scheme */
	bool single;		/* written as one word */
};

/*
 * How lines are read (the reading section): the grammar of labels, where a sentence ends, and the
 * limits of a label and a mark. The rules themselves are in reading.c, and docs/reading.md says
 * what each may do.
 */
struct policy_reading {
	struct policy_rule label;	/* one label at a line's head: named groups number, bullet,
					 * bare (see tearline(1)) */
	char sentence_end[32];		/* the bytes that end a sentence */
	uint32_t label_max;		/* the longest label kept before a placeholder */
	uint32_t mark_max;		/* the longest mark read between its brackets */
};

/*
 * An example a policy carries about itself, as gitleaks rules carry true and false positives:
 * a mark with a target and the expected decision ("released", "withheld"); a line with the role
 * the layout should give it ("banner", "portion", "text", ...); a target alone, "accepted" or
 * "refused"; or the marks of the portions a release keeps, with the banner it is re-marked to.
 */
struct policy_test {
	char *mark;
	char *target;		/* with mark: whom it goes to; alone: a target to accept or refuse */
	char *line;
	char **rollup;		/* marks of kept portions, whose banner is `expect` */
	size_t nrollup;
	char *expect;
	unsigned long at;	/* line of the example in the policy file */
};

struct policy {
	char *name;
	char *description;
	unsigned char digest[32];	/* BLAKE2b-256 of the policy source bytes */

	struct policy_level levels[POLICY_MAX_LEVELS];
	size_t nlevels;
	struct policy_control controls[POLICY_MAX_CONTROLS];
	size_t ncontrols;
	struct policy_word *words;	/* every control name and alias, for fast look-ups */
	size_t nwords;
	/*
	 * For each first byte, folded to lower case: bit n set when some word of length n (n < 63)
	 * starts with it; bit 63 for any longer word. Most look-ups are of words that are no
	 * control, and this turns them away before any comparison.
	 */
	uint64_t word_lengths[256];
	/* The same for the first word of each name, up to a policy_word_sep byte. */
	uint64_t first_word_lengths[256];
	char (*countries)[8];	/* country codes, indexed by country number */
	size_t ncountries;
	int home;		/* the home country (scheme.home, USA by default), or -1 */
	uint64_t handling;	/* bit per CONTROL_HANDLING control */
	uint64_t us_only;	/* bit per handling control no foreign reader may hold (SBU-NF) */
	int noforn;		/* the first control of kind noforn, or -1 */
	struct policy_group *groups;
	size_t ngroups;
	size_t nslots;		/* ncountries and the groups of unknown membership */
	struct policy_alias *aliases;
	size_t naliases;
	char **other_levels;	/* levels of other schemes: a mark that starts with one is unknown */
	size_t nother_levels;
	char **not_marks;	/* office symbols that read as marks ("S/WCI"): no mark in mid-line */
	size_t nnot_marks;
	bool mark_first[256];	/* bytes (both cases) a level, stand-alone control or other level begins with */

	struct policy_term *terms;	/* the vocabulary (see struct policy_term) */
	size_t nterms;

	struct policy_rule *rules;
	size_t nrules;
	struct policy_reading reading;
	struct policy_test *tests;
	size_t ntests;
	char *placeholder;
	char *default_exemption;

	uint32_t match_limit, depth_limit, heap_limit_kib;
};

/*
 * Loads a policy from YAML text of `len` bytes; `origin` names it in messages. Returns a policy
 * that the caller frees with policy_free, or NULL with a located message in err.
 */
struct policy *policy_load(const char *text, size_t len, const char *origin, char *err,
    size_t errlen);

/* Loads the built-in default policy (policies/us-cable.yaml compiled into the binary). */
struct policy *policy_load_default(char *err, size_t errlen);

/*
 * Finds the file of a policy: a path as it is, or a NAME in $TEARLINE_POLICY_DIR, beside the
 * program, or in the install directory. Writes it into path; returns 0, or -1 with err.
 */
int policy_path(const char *name_or_path, char *path, size_t pathlen, char *err, size_t errlen);

/*
 * Finds a policy by NAME ("us-cable" is built in) or reads it from a file path. Returns as
 * policy_load does.
 */
struct policy *policy_open(const char *name_or_path, char *err, size_t errlen);

/* Frees a policy; accepts NULL. */
void policy_free(struct policy *p);

/*
 * What one thread needs to match a policy's rules: match data, a match context with the
 * policy's limits, and a JIT stack. The policy itself is only read, so threads may share it.
 */
struct policy_matcher {
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *stack;
};

/* Makes a matcher for p. Returns it (freed with policy_matcher_free), or NULL. */
struct policy_matcher *policy_matcher_new(const struct policy *p);

/* Frees a matcher; accepts NULL. */
void policy_matcher_free(struct policy_matcher *m);

/* Whether byte c separates the words of a caption line, and of a control's name in one. */
static inline bool
policy_word_sep(char c)
{
	return c == ' ' || c == '\t' || c == ',' || c == '/' || c == '.' || c == '-' || c == ';' ||
	    c == ':';
}

/*
 * Whether some control's name or alias could begin with the word s[0..len): the caption reader
 * tries longer runs of words only after such a first word.
 */
static inline bool
policy_may_begin_control(const struct policy *p, const char *s, size_t len)
{
	return len > 0 && (p->first_word_lengths[(unsigned char)(s[0] | 0x20)] &
	    ((uint64_t)1 << (len < 63 ? len : 63))) != 0;
}

/* The offsets of the last match. */
static inline const PCRE2_SIZE *
policy_matcher_ovector(const struct policy_matcher *m)
{
	return pcre2_get_ovector_pointer(m->md);
}

/*
 * Matches rule r against subject[0..len). Returns 1 on a match (offsets from
 * policy_matcher_ovector), 0 on no match, -1 on an error such as a match limit (message in err).
 */
int policy_match(const struct policy *p, const struct policy_rule *r, const char *subject,
    size_t len, struct policy_matcher *m, char *err, size_t errlen);

/* Whether rule r can match the line s[0..len) (len > 0), by what PCRE2 knows of its matches. */
bool policy_rule_may_match(const struct policy_rule *r, const char *s, size_t len);

/* Looks up a control by name or alias (case-insensitive). Returns its index or -1. */
int policy_control_find(const struct policy *p, const char *token, size_t len);

/*
 * Whether token[0..len) is one of the policy's office symbols (scheme.not_marks, exact case):
 * in parentheses in mid-line, it is no mark.
 */
bool policy_not_mark(const struct policy *p, const char *token, size_t len);

/*
 * Looks up the vocabulary term whose letters and digits are those of s[0..len), in any case
 * (other bytes of s are skipped: "No-Forn" is NOFORN). Returns it, or NULL.
 */
const struct policy_term *policy_term_find(const struct policy *p, const char *s, size_t len);

/* Looks up a country code or country alias. Returns its number or -1. */
int policy_country_find(const struct policy *p, const char *token, size_t len);

/* Looks up a country group (tetragraph). Returns its index or -1. */
int policy_group_find(const struct policy *p, const char *token, size_t len);

/* The built-in policy's source text, for `tearline policy show`. */
extern const unsigned char policy_builtin_text[];
extern const size_t policy_builtin_len;

#endif
