/* SPDX-License-Identifier: ISC */
/*
 * fold: what the reading rules compare, never what is written.
 *
 * A line, in UTF-8 or Latin-1, is mapped character by character to its compatibility form with
 * libutf8proc: full-width letters and brackets, NBSP and the other spaces, dashes, fraction and
 * division slashes and the like become their ASCII forms; default-ignorable characters (zero-width
 * spaces and joiners, soft hyphens, byte order marks) are dropped; tabs, form feeds, vertical tabs
 * and every Unicode space are spaces, and in text that needed folding a run of spaces is one;
 * other brackets read as parentheses; UTF-8 that was misread as Latin-1 or CP1252 and written out
 * again ("Â¶" for "¶", "â€™" for "’") is read as what it was. Case is kept: each rule says where it ignores it. A letter
 * or digit with no ASCII form (a Cyrillic letter that looks like a Latin one) and a combining mark
 * (an accent, a stroke: "(U\u0336)" is no "(U)") are kept as they are, in UTF-8, and a control
 * character (NUL, C1) or a byte that begins no character is kept as the byte 0x80: any of these
 * makes the text exotic, and a rule proves nothing of text it cannot read. An overlong UTF-8 form
 * (which makes its line Latin-1) is read as a lenient decoder shows it where it is a bracket or
 * other punctuation (a group it opens can only raise), and as 0x80 where it is a letter or digit. Symbols (the paragraph sign, a bullet) are kept as they are.
 *
 * The fold remembers where in the line each byte it wrote came from, so that a rule's finding
 * (where a label ends, where a mark stands) is located in the original; the original alone is
 * ever written to a release.
 */
#ifndef TEARLINE_FOLD_H
#define TEARLINE_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most bytes of folded text kept; what lies beyond is cut (fold.cut). */
#define FOLD_MAX 1024

/*
 * The most bytes of a line read to make them: characters that fold to nothing (zero-width ones)
 * cost a fold no output, so a line of them is read this far and no further.
 */
#define FOLD_SCAN 65535

struct fold {
	const char *text;	/* the folded text: the source itself when it needed no folding */
	size_t len;
	const uint16_t *at;	/* where each byte of text came from; NULL when text is the source */
	size_t consumed;	/* source bytes read to make text */
	bool exotic;		/* text holds a character no rule can read */
	bool hidden;		/* a zero-width space was dropped */
	bool cut;		/* the source went on past what text holds */
	const char *src;	/* the source */
	bool latin1;		/* the source was read as Latin-1 */
	char buf[FOLD_MAX];
	uint16_t map[FOLD_MAX + 1];
};

/*
 * Folds the first bytes of s[0..n) into at most `limit` bytes of folded text; latin1 says the
 * bytes are Latin-1, else UTF-8 (a byte that begins no character is read as a control
 * character: exotic). f points into s, and must not outlive it.
 */
void fold_line(const char *s, size_t n, size_t limit, bool latin1, struct fold *f);

/*
 * As fold_line, but a zero-width space is a space, as it parts words where it stands
 * ("SECRET\u200bANNEX" is "SECRET ANNEX"): a second reading of a line whose fold is hidden.
 */
void fold_line_spaced(const char *s, size_t n, size_t limit, bool latin1, struct fold *f);

/*
 * Decodes one UTF-8 character at s[0..n) (n > 0), strictly: overlong forms, surrogates and code
 * points past U+10FFFF are none. Returns its length and sets *cp, or returns 1 with *cp = -1.
 */
size_t fold_utf8_char(const char *s, size_t n, int32_t *cp);

/* Whether s[0..n) is UTF-8, strictly (fold_utf8_char). */
bool fold_utf8_valid(const char *s, size_t n);

/*
 * f's text in ASCII, into out (at least f->len + 1 bytes): a letter, digit or mark with no ASCII
 * form, or a byte no rule can read, is '?' (a letter that cannot be read); another symbol ("¶",
 * "•") is '~'. Returns its length.
 */
size_t fold_ascii(const struct fold *f, char *out);

/*
 * As fold_ascii, with a Latin letter with accents written as its letter ("TRÈS" is "TRES", "Ś"
 * is "S"): a reading that may only raise (a level word in another language) reads it so; one
 * that could lower ("(Û)" is no proven "(U)") must not.
 */
size_t fold_ascii_bare(const struct fold *f, char *out);

/*
 * As fold_ascii_bare, with a Greek or Cyrillic letter that looks like a Latin one written as that
 * letter ("ΝΟFΟRΝ", "Nоt rеlеаsаblе" are "NOFORN", "Not releasable"; Unicode's confusables): for
 * readings that may only raise.
 */
size_t fold_ascii_skeleton(const struct fold *f, char *out);

/*
 * f's text as its look-alike letters make it read (fold_ascii_skeleton), with punctuation and
 * symbols left as they are (in UTF-8), into out (at least f->len + 1 bytes); a letter, digit or
 * mark with no ASCII form, or a byte no rule can read, is '?'. *alike says whether a look-alike
 * letter was written so. Returns its length. For a second reading that may only raise.
 */
size_t fold_skeleton(const struct fold *f, char *out, bool *alike);

/*
 * Whether byte k of f's text begins a symbol that may stand as a bullet: a dash, '*', '+', '~',
 * '=', '>', or a character that is punctuation or a symbol and no letter, digit, bracket or
 * quotation mark ("•", "►", "■", "§").
 */
bool fold_symbol_at(const struct fold *f, size_t k);

/*
 * The length of the sign at byte k of f: a byte of ASCII punctuation, or a character of
 * Unicode's punctuation or symbols ("‹", "″", "¶", "〈"); 0 for a letter, a digit, a space or
 * a bracket that may open a mark ("(", "[", "{").
 */
size_t fold_sign_at(const struct fold *f, size_t k);

/*
 * A character reference of markup at s[0..n) ("&#40;", "&#x28;", "&lt;", "&copy;", "&NewLine;"),
 * as a page shows it: returns its length and sets *cp, or returns 0. Control characters are
 * none; white space that breaks a line (tab, LF, VT, FF, CR, NEL, U+2028, U+2029) is one only
 * with `breaks`: a reader of breaks inside a line needs it, the fold of a line's words keeps it
 * as written.
 */
size_t fold_reference(const char *s, size_t n, bool breaks, int32_t *cp);

/* The most bytes of a markup tag, from '<' to '>'. */
#define FOLD_TAG_MAX 256

/*
 * The length of the markup tag at s[0..n) ("<p>", "</div>", "<font size=2>", "<o:p>"), or 0;
 * *name_end is where its name ends (it begins after "<" or "</").
 */
size_t fold_tag(const char *s, size_t n, size_t *name_end);

/* Whether the tag at s, its name ending at name_end (fold_tag), is named `name`, in any case. */
bool fold_tag_is(const char *s, size_t name_end, const char *name);

/* The offset in the source just past the character that made byte k of f's text (k < len). */
size_t fold_source_end(const struct fold *f, size_t k);

/* The offset in the source of byte k of f's text (k may be f->len: the end of what was read). */
static inline size_t
fold_source(const struct fold *f, size_t k)
{
	if (f->at == NULL)
		return k;
	return k < f->len ? f->at[k] : f->consumed;
}

#endif
