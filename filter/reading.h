/* SPDX-License-Identifier: ISC */
/*
 * reading: the rules that read what a line says about classification, on its folded form (fold.h).
 *
 * Each rule answers one question and is labelled by what its answer may do to the text (see
 * docs/reading.md): a mark proven at a portion's head starts a portion at that marking; anything
 * else at a head that may be a mark is an unknown mark, withheld everywhere; marks elsewhere in a
 * line, list items that are level letters, classification lines and caption lines can only raise.
 * Nothing here lowers a marking, and nothing here is written to a release.
 */
#ifndef TEARLINE_READING_H
#define TEARLINE_READING_H

#include <stdbool.h>
#include <stddef.h>

#include "fold.h"
#include "marking.h"
#include "policy.h"

/* What a group in brackets is: "(S//NF)", "(c)", "(Comment: ...)", "(TSMSUNNF)". */
enum group_kind {
	GROUP_NONE,	/* no group where one was looked for */
	GROUP_MARK,	/* a mark, every token known: proven */
	GROUP_ITEM,	/* a list item: one letter, a number, a roman number */
	GROUP_TEXT,	/* proven no mark: prose, an abbreviation, a number, an office symbol */
	GROUP_UNKNOWN	/* may be a mark, and proves nothing: withheld everywhere */
};

/* The kinds of list item, each counted on its own ("(a)", "(A)", "(1)", "(ii)"). */
enum item_kind {
	ITEM_LOWER,
	ITEM_UPPER,
	ITEM_NUMBER,
	ITEM_ROMAN,
	ITEM_KINDS
};

struct group {
	enum group_kind kind;
	size_t start, end;	/* folded offsets: its opening bracket, and past its closing one
				 * (or past what was read of an unclosed group) */
	bool closed;
	struct marking mark;	/* GROUP_MARK; GROUP_UNKNOWN with the level it begins with, if any */
	bool has_level;		/* GROUP_UNKNOWN: mark.level was read from a level token */
	enum item_kind item;	/* GROUP_ITEM */
	unsigned value;		/* GROUP_ITEM: 1 for "a", "A", "1", "i"; 2 for "b", ... */
	char letter;		/* GROUP_ITEM of a letter: the letter as written */
	bool bare;		/* GROUP_ITEM: the letter alone, nothing else in the brackets */
	bool padded;		/* a space inside its brackets where a letter may have been lost
				 * that makes a higher level: "( S)" may be "(TS)" */
};

/* What a label at a line's head is. */
enum label_kind {
	LABEL_NONE,
	LABEL_BULLET,		/* "--", "-", "*", "#", "|", ">": the paragraph goes on */
	LABEL_NUMBER,		/* "4.", "¶4.", "A.", "ii)", "3.1.": a numbered paragraph */
	LABEL_BARE		/* "13": a number, a label only at a paragraph's head */
};

/* At most this many groups after the first at a head are read (struct head.after). */
#define HEAD_AFTER 6

/* The head of a line: its labels, then the group that stands first after them. */
struct head {
	enum label_kind label;	/* the strongest label read (a number beats a bullet) */
	size_t label_end;	/* source bytes up to the end of the labels (their blanks not) */
	size_t after_label;	/* folded offset just after the labels and their blanks */
	struct group group;	/* the first group after the labels, or GROUP_NONE */
	struct group second;	/* a group right after an item group ("(2) (S)"), or GROUP_NONE */
	/*
	 * After a first group that is a mark or an item, the groups that follow it before the text
	 * ("(U) -- (5ECRET)", "(b) (U) (5NF)", "(U)) (SX)", "(U) • (5)"), in order.
	 */
	struct group after[HEAD_AFTER];
	size_t nafter;
	bool at_head;		/* the line opens a paragraph or follows a finished sentence (set
				 * by the document reader) */
	bool bullet;		/* a bullet label was read, whatever label is the strongest */
	bool symbol;		/* the line begins with a symbol that may be a bullet, glued to the
				 * text or not ("–Erdogan's character", "► The") */
	char letter;		/* a letter label before ')' ("C)"): it may be a mark that lost its
				 * '(' ("(S) The" as "S) The"); 0 for none */
};

/*
 * Classifies the content s[0..n) of a group; closed says its bracket closed, exotic that it holds
 * a character with no ASCII form. Fills g (kind, mark, item); g's offsets are the caller's.
 */
void reading_group(const struct policy *p, const char *s, size_t n, bool closed, bool exotic,
    struct group *g);

/*
 * The groups of f from folded offset pos on, up to the text, into out (at most max): what stands
 * between them is read past unless it is a word of two letters or digits or more, or a bracket
 * glued to a word ("D(S)"); blanks, punctuation, symbols, bullets, a footnote's digit, a letter
 * alone and a label of one word and a colon are ("(U) • (5NF)", "(U)¹ (5NF)",
 * "(U) (b)(1) (b)(3) (5NF)", "(U) Comment: (5NF)"). Returns how many.
 */
size_t reading_groups_after(const struct policy *p, const struct fold *f, size_t pos,
    struct group *out, size_t max);

/*
 * Whether g, an unknown group of f, is a level damaged as OCR and slips damage it: its first word
 * (any of its first four where it is in capitals: "(T0P SECRET)", "(TOP SECRFT)"), with OCR's
 * digits read as letters, is a level word above the lowest or one slip from one ("(5ECRET)",
 * "(SECRTE)"), or its first holds such a digit and is a level's abbreviation glued to a
 * control ("(5NF)"). Not a reference that merely may be a mark ("(RSO)", "(SOC)", "(REFTEL A)").
 */
bool reading_damaged_level(const struct policy *p, const struct fold *f, const struct group *g);
/*
 * Whether group g, one that may be a mark, is a level above the lowest, or one glued to a
 * control, in capitals with OCR's digits for letters ("(T5)", "(5NF)"): no abbreviation.
 */
bool reading_ocr_level(const struct policy *p, const struct fold *f, const struct group *g);

/*
 * Whether group g, one that may be a mark, is a level's abbreviation glued to a control, in any
 * case, OCR's digits read as letters ("(SNF)", "(TSSI)", "(snf)"): no prose's abbreviation
 * ("(SOC)", the Serbian Orthodox Church, is one too: a group at a paragraph's end only raises).
 */
bool reading_glued_mark(const struct policy *p, const struct fold *f, const struct group *g);
/*
 * Whether closed group g, one no reader proved, is a mark that says more than the lowest level as
 * OCR misreads one: a figure for a letter ("(T5)"), "$" for "S" ("($)"), "!" or "|" for "/"
 * ("(S!NF)", "(U!FOUO)"). Not figures alone ("(5)", a list's item).
 */
bool reading_ocr_mark(const struct policy *p, const struct fold *f, const struct group *g);

/*
 * Whether t[0..n) (upper case, four letters or more) is a level's consonants, or their first four
 * or more ("CNFD", "SCRT"): a level above the lowest abbreviated.
 */
bool reading_level_consonants(const struct policy *p, const char *t, size_t n);

/*
 * Whether t[0..n) (upper case) is a level's word above the lowest cut short, four letters or more
 * of its last word ("CONF", "CONFID", "SECR", "TOP SECR"), and no word of English ("CONFIDE",
 * "CONFIDENT") unless `ocr` (OCR's digits were read as letters: "C0NFIDENT").
 */
bool reading_level_cut_short(const struct policy *p, const char *t, size_t n, bool ocr);

/*
 * Whether s[0..n), in capitals, names readers: US, UK, USG, HMG, a country's code or name, a
 * group of countries ("GBR", "PAKISTAN", "FVEY").
 */
bool reading_reader_word(const struct policy *p, const char *s, size_t n);

/*
 * Whether s[0..n) is shaped as a cable's page header, words and a number of five to eight digits
 * and its page ("KINGSTON 00000382  002 OF 002"), and its words are a level's or a caveat's, whole,
 * in pieces or as OCR or a slip makes them ("SEC RET", "TOP SE", "SFCRET", "SE-CRET", "LIMITED
 * OFFICIAL USE"): a classification line, never a page's.
 */
bool reading_page_marked(const struct policy *p, const char *s, size_t n);

/*
 * Reads the group that opens at folded offset at of f (a '(', '[' or '{'), up to the policy's
 * mark_max. Returns false when no group opens there.
 */
bool reading_group_at(const struct policy *p, const struct fold *f, size_t at, struct group *g);

/*
 * The letter a digit or '$' stands for in a word that OCR misread ("5ECRET", "T0P", "$ECRET"),
 * in upper case; any other character upper-cased.
 */
char reading_ocr_letter(char c);

/*
 * The letter OCR's sign or digit c stands for in a level's word (cp: the character, where c
 * begins one outside ASCII): '0' 'O', '3' 'E', '5' and '$' 'S', '7' and '+' 'T', '8' 'B', '(' and
 * '<' 'C', '@' 'A', the euro's and the pound's signs 'E', the section sign 'S', the cent's 'C';
 * '1', 'l', '|', '!', brackets and any other 'I'.
 */
char reading_ocr_sign_letter(unsigned char c, int32_t cp);

/*
 * Reads the head of folded line f: labels (layout.reading.label, as many as stand in a row), then
 * the group after them. `paragraph` says the line opens a paragraph, where a bare number is a
 * label and so is one word of a shape the pattern does not list before a bracket ("3a.", "►"). Returns 0, or -1 with a message in err (a label pattern hit its
 * match limit).
 */
int reading_head(const struct policy *p, struct policy_matcher *md, const struct fold *f,
    bool paragraph, struct head *h, char *err, size_t errlen);

/*
 * The length of a markup's tag or command at byte j of s[0..n) ("<p>", "</b>", "\\textbf{",
 * "[b]", "<!-- x -->"), or 0.
 */
size_t reading_markup_at(const char *s, size_t n, size_t j);

/*
 * A mark that lost its opening bracket at folded offset `at` of f: "S//NF) The detail", "TS)
 * The". Text up to a closing bracket, with no opening one before it, that may be a mark (not
 * prose, nor a number, nor an abbreviation): an unknown group in *g, never proven.
 */
bool reading_lost_open(const struct policy *p, const struct fold *f, size_t at, struct group *g);

/*
 * Finds marks in line s[0..n) from byte `from` on, joined into *m: groups in parentheses, not
 * glued to a word before them, that prove a mark (in any case, folded); or whose unknown tokens
 * follow a level (only the level counts: in mid-line an office symbol or a reference code is
 * likely; the policy's not_marks are none). A lone upper-case level letter counts ("section 4
 * (C) of"); a lower-case one is a list item. Only raises. Returns whether one was found.
 */
bool reading_marks(const struct policy *p, const char *s, size_t n, size_t from, bool latin1,
    struct marking *m);

/*
 * What stands right after a proven mark at a line's head, at folded offset `at` of f, that belongs
 * to the mark: a control of the policy in capitals as the first word after it, past spaces,
 * punctuation and brackets ("(U)FOUO)", "(U)//SBU", "(U).FOUO)", "(U)-FOUO", "(U) -- FOUO",
 * "(U) [FOUO]", "(U) SBU:", "(U) NOFORN"; a control of two letters only glued, after a separator,
 * or before punctuation: "(U) PR firm" is text); or a word glued to the mark that a bracket
 * closes ("(U)XX)"): part of a mark, unknown. Returns 1 with that in *m (only raises), else 0.
 */
int reading_mark_tail(const struct policy *p, const struct fold *f, size_t at, struct marking *m);

/*
 * Whether folded line f is a classification line, in any case and spelling: a level word
 * (letter-spaced, with one letter doubled, dropped or swapped; after "Classification:" and
 * markdown or table marks) that stands alone, or before a separator ("/", "|", ":", "-") and
 * anything, or before marking words. *m is its marking, unknown where a word after the level is
 * not the policy's. "Secret talks began" is prose, not one; nor is a plural in lower case, another
 * scheme's level in lower case, or, where the line continues a sentence (wrapped), a level word in
 * lower case.
 */
bool reading_class_line(const struct policy *p, const struct fold *f, bool wrapped,
    struct marking *m);

/*
 * Whether folded line f is a caption: nothing but control names and aliases, in any case, with
 * any spacing, brackets or slashes ("NOFORN", "Noforn", "F O U O", "//NOFORN", "(NOFORN)",
 * "NO FORN", "NOFORN, NOT FOR INTERNET DISTRIBUTION"), after a label or not ("Dissem: NOFORN";
 * *labelled says so, unless labelled is NULL). *bits gets every control named. A line whose
 * bracket holds a mark with a level ("(SBU)") is a mark, not a caption.
 */
bool reading_caption(const struct policy *p, const struct fold *f, uint64_t *bits,
    bool *labelled);

/*
 * The controls of NOFORN's kind whose names or aliases, of five letters or more, stand in s[0..n)
 * (folded text) as words of their own, in any line, outside brackets or in brackets that hold
 * prose ("Caveat: NOFORN (per originator)", "Handling: US ONLY, per originator", "(NOT
 * RELEASABLE TO FOREIGN NATIONALS per originator)"): in capitals, or in any case the control's
 * own name ("Noforn") or an alias of three words or more ("No Foreign Dissem"), which prose says
 * of nothing else. It bars foreign readers only, so prose about it costs little. A handling
 * control in prose ("ORCON policy was reviewed") is left to the word rule. A bit per policy
 * control.
 */
uint64_t reading_capital_controls(const struct policy *p, const char *s, size_t n);

/*
 * reading_capital_controls over fold f's text up to `limit`; where the fold holds a letter with
 * no ASCII form, read again with every such letter a wildcard ("NОFОRN" with Cyrillic O), as a
 * caption line is read.
 */
uint64_t reading_fold_controls(const struct policy *p, const struct fold *f, size_t limit);

/*
 * s[0..n) into out (n + 1 bytes) without the footnotes glued to a word in capitals: one or two
 * digits ("TS1", "(NOFORN1)", the fold's "¹"), a number apart before a closing bracket
 * ("(NOFORN 2)"), a sign ("TS·", "TS•", "NF†", "NF*") before a space. Returns out's length, or 0
 * when there was none (and out may be left unwritten). For a second reading that may only raise.
 */
size_t reading_drop_footnotes(const char *s, size_t n, char *out);

/*
 * The restrictive controls (NOFORN and handling ones) a line in capitals names among other words
 * ("NOFORN SIPDIS ADDRESSEES"): they apply all the same. Returns them as control bits.
 */
uint64_t reading_named_controls(const struct policy *p, const struct fold *f);

/*
 * The stated handling controls (the policy's `stated`) whose name of three words or more f holds
 * in any case ("This cable is sensitive but unclassified.").
 */
uint64_t reading_stated_controls(const struct policy *p, const struct fold *f);

/*
 * Whether s[0..n) names a subject's field that a control may follow ("Subject", "RE", "FW"), in
 * any case: control_label reads what follows it.
 */
bool reading_subject_word(const char *s, size_t n);

/*
 * The restrictive controls (NOFORN and handling ones) that words in capitals of s[0..n) name,
 * alone or in a run ("SENSITIVE", "NO FORN"), whatever stands between them: what a banner's post
 * and number leave ("UNCLAS SENSITIVE MUSCAT 001065"). Returns them as control bits.
 */
uint64_t reading_words_controls(const struct policy *p, const char *s, size_t n);

/*
 * Whether g, a group of f that begins with a level, is prose inside a sentence rather than a mark.
 * A mark begins a sentence: it stands after a sentence's end, or before a capital. So, after a
 * word: a reference code, its tokens joined by hyphens, one of them three digits or more, before
 * the line's end, punctuation or lower case ("reporting (C-AB1-01234)", "the (C-130) landed");
 * before lower case, a party and a US state ("Sen. Doe (R-TN) and"); a lone capital after a
 * citation's word and number ("section 4 (C) of the act"), or the next of a list of letters on
 * the line from "(A)", words and commas alone between, its item's words in lower case after it
 * ("items (A), (B) and (C): regional security"). An office symbol ("(S/GC)") is prose only where
 * the policy lists it (not_marks). Proven marks are never prose. `wrapped`: g opens a line that
 * goes on with an unfinished sentence (a word stands before it).
 */
bool reading_in_sentence(const struct fold *f, const struct group *g, bool wrapped);

/*
 * Whether letters[0..n) (capitals) are the first letters of the words of f that end before offset
 * w, the last letter the last word's, each word with a capital ("Tropical Storm (TS)"); with
 * `loose`, in any case and with OF, IN, AND, FOR, THE, ON, TO, DE between not counted ("officer
 * in charge (OC)"): an abbreviation's definition.
 */
bool reading_initials_before(const struct fold *f, size_t w, const char *letters, size_t n,
    bool loose);

/*
 * The vocabulary term that the word s[0..n) (letters and digits, folded) is, in any case; with
 * `slips`, also what OCR or a slip makes of one: digits for letters and "l" for "I" ("5ECRET",
 * "S1", "CONFlDENTIAL"), one letter dropped, doubled, replaced or two swapped from five letters
 * on ("SECRFT", "NFORN"). NULL when it is none.
 */
const struct policy_term *reading_word_term(const struct policy *p, const char *s, size_t n,
    bool slips);

/* Whether s[0..n) has letters and none of them in lower case. */
bool reading_capitals(const char *s, size_t n);

/*
 * Whether f, a line standing by itself, restricts who may read what follows in words no policy
 * lists ("US/UK EYES ONLY", "FOREIGN DISSEMINATION PROHIBITED", "NOT FOR FOREIGN RELEASE",
 * "NOFOREIGN"): then *m is unknown. Read only where no control is named. p's countries and
 * groups are readers ("GBR/USA ONLY"); `bracketed` says f is a group where a mark stands.
 */
bool reading_caveat_line(const struct policy *p, const struct fold *f, bool bracketed,
    struct marking *m);

/*
 * Whether a sentence of s[0..n) (a folded line) denies a release to readers named, in any case
 * and with words around it ("Please do not share with AUS.", "This report may not be shared
 * with AUS.", "Keep from AUS.", "Not for AUS eyes."; in an order, readers in any case: "Not
 * authorized for release to Australia."): then *m denies them, and the public among whom they
 * are (struct marking's denied).
 */
bool reading_denial_line(const struct policy *p, const char *s, size_t n, struct marking *m);

/*
 * Whether the bracket at k of f goes on a chain of bracketed clauses glued to a figure or a
 * word ("212(a)(6)(C)(i)", "101(a)(15)(S)"): a statute's clauses, no mark.
 */
bool reading_citation_chain(const struct fold *f, size_t k);

/*
 * Both readings of denials of s[0..n) joined: reading_denial_line where it names readers, else
 * reading_readers_doubt with the public reading_denial_line denies ("Please do not share with
 * the press.", "with GOA", "this not be released publicly"; not an embargo: "DO NOT RELEASE TO
 * UK PRESS BEFORE DELIVERY"). Returns whether either denies.
 */
bool reading_denials(const struct policy *p, const char *s, size_t n, struct marking *m);

/*
 * Whether s[0..n) may state a level (reading_level_statement): a word of CLASSIFIED's or
 * CLASSIFICATION's, or a level of this policy above its lowest or of another scheme, by the words
 * of its names (policy.level_keys: "SECRET", "OFFICIAL", "SPECIAL" of SPECIAL FRANCE). A cheap
 * look that most lines fail.
 */
bool reading_level_may(const struct policy *p, const char *s, size_t n);

/*
 * Whether a sentence or a clause in brackets of s[0..n) says the level of a part of the document
 * ("This paragraph is classified Secret.", "Handle as Secret.", "(Classification: Secret)",
 * "(This bullet is classified.)", "The following paragraph is Secret.", "BEGIN CLASSIFIED TEXT.",
 * "REMAINDER OF CABLE IS CLASSIFIED.", "PARAS 2 AND 3 ARE CLASSIFIED."): 0 where none does,
 * else STATED_HERE where one says it of its own part (its paragraph; with STATED_THIS where it
 * names the part, "this paragraph"; with STATED_BACK where it says it of the part above too:
 * "The above is classified Secret."), STATED_AHEAD of another (what follows, the rest, a
 * paragraph by number, an annex; with STATED_NEXT where it points at the part after it: "The
 * following paragraph is Secret."); with STATED_PART where it names its own part ("this
 * paragraph", "The entire paragraph is", "Handle as"); with STATED_VAGUE where a level is said
 * of no part ("The report was classified Secret."); with STATED_UNPLACED where it names a part
 * of this document that no reader can place ("Part III is classified SECRET.", "The final
 * paragraph of this cable is SECRET.", "bullets 3 and 4 are SECRET"): of every part, since
 * no part can be proven not to be the one. out->m is the level said, unknown where only
 * CLASSIFIED or another scheme's level is, out->paras the paragraphs it names by number ("PARA 2
 * IS SECRET.": bit 2), out->next how many parts after it.
 */
#define STATED_HERE	1
#define STATED_AHEAD	2
#define STATED_THIS	4
#define STATED_BACK	8
#define STATED_VAGUE	16
#define STATED_NEXT	32
#define STATED_PART	64
#define STATED_UNPLACED	128
/* What reading_level_statement reads of a line besides the parts it returns. */
struct stated {
	struct marking m;	/* the level said, and the controls and mark */
	uint64_t paras;		/* the paragraphs named by number, bit n for n, 1 to 63 */
	size_t next;		/* how many parts after it it points at ("the next two
				 * paragraphs": 2), at least 1 with STATED_NEXT */
};
int reading_level_statement(const struct policy *p, const char *s, size_t n,
    struct stated *out);
/*
 * Whether s[0..n) opens with a clause that may say a level of a paragraph the sentence before
 * named: an order of handling among its first six words or a pronoun among its first three
 * ("Please handle it as SECRET.", "It is for official use only."): a line that does is read
 * joined with the one above even where that one ends its sentence.
 */
bool reading_refers_back(const char *s, size_t n);
/* A table's header row that names a paragraph's column (reading_table_head). */
struct table_head {
	int para;	/* the paragraph's column, from 0 */
	int level;	/* the classification's column, or -1 */
	bool csv;	/* cells apart by commas */
};
/*
 * Whether s[0..n) is a table's header row ("| Para | Topic | Classification |", "Para<TAB>
 * Topic<TAB>Class", "para,topic,classification"): cells apart by bars, tabs, three spaces or
 * commas, one a paragraph's word alone (PARA, PARAGRAPH, PORTION, the sign). Into *h; *h
 * unchanged where it is not.
 */
bool reading_table_head(const char *s, size_t n, struct table_head *h);
/*
 * What s[0..n) says as a table's row that names a paragraph's level, as reading_level_statement's
 * "Para 3: SECRET": under header h, the number in its paragraph's column and a mark or a level
 * alone in its classification's column, or any cell where it names none ("| 3 | GID source |
 * SECRET |", "3<TAB>GID source<TAB>SECRET"); with h NULL, only a first or last cell that names
 * itself a paragraph's ("| Para 3 | GID | S//NF |"). 0 for any other line. The raw line, where
 * the fold made its tabs spaces.
 */
int reading_table_row(const struct policy *p, const char *s, size_t n, const struct table_head *h,
    struct stated *out);
/*
 * Whether s[0..n) opens as a classification authority's line, "Classified By: DATT Col. R.
 * Smith, Reasons 1.4 (a) and (c)", with a colon after BY or a reason: read outside the header
 * where the policy reads one (a message quoted in the text), what follows it was classified,
 * at the lowest classified level at least. Not a FOIA review's stamp ("Class: CONFIDENTIAL").
 */
bool reading_authority_line(const char *s, size_t n);
/* What an authority's line s[0..n) holds (reading_authority_scan), in any case. */
struct authority_scan {
	bool class_field;	/* "Class:", a FOIA review's stamp's field */
	bool declassif;		/* "Declassify", "declassified" */
	bool classified_by;	/* "Classified by", "Classification authority" */
	bool reason;		/* "Reason", "Reasons" */
	bool four_dot;		/* a reason's number: "1.4", "1.5" */
	bool four;		/* ... or written "1/4", "1/5" */
};
void reading_authority_scan(const char *s, size_t n, struct authority_scan *a);
/* As reading_level_statement, where the caller has made its cheap look (reading_level_may). */
int reading_level_said(const struct policy *p, const char *s, size_t n, struct stated *out);

/*
 * Whether a sentence of s[0..n) (a folded line) doubts foreign readers: it names one (a code in
 * capitals, a country's or a people's name, partners, allies, foreign readers) with words that
 * deny or limit ("not", "never", "prohibited", "excluded", "only") and, in more than five words,
 * a release or a reading ("share", "release", "see", "access", "eyes"), or names the home's
 * readers with words that keep within them ("Keep in US channels.", "US readers only."). *m
 * then denies those readers (foreign readers at large where it limits, or names none): a weak
 * reading, for partners' targets only (struct marking's denied). An order that keeps text from
 * the public ("Not for public release.", "For USG use only.") denies the public alone; one that
 * names the document or a part of it ("Release of paragraph 2 to AUS is prohibited.") is every
 * classified portion's (denied_document).
 */
bool reading_readers_doubt(const struct policy *p, const char *s, size_t n, struct marking *m);

#endif
