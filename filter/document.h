/* SPDX-License-Identifier: ISC */
/*
 * document: the document model. Splits a document into lines, recognises each line's role under
 * the policy's layout (routing header, banner, page header, caption, authority block, subject,
 * portion start, text) and groups text into portions with the reading rules (reading.h): a
 * portion runs from a proven mark to the next; what may be a mark and proves nothing starts an
 * unknown portion; every other signal can only raise. docs/reading.md is the whole account.
 */
#ifndef TEARLINE_DOCUMENT_H
#define TEARLINE_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "marking.h"
#include "policy.h"

#define DOC_NONE ((size_t)-1)

enum line_kind {
	LINE_TEXT,
	LINE_BLANK,
	LINE_ROUTING,
	LINE_ROUTING_CLASS,
	LINE_BANNER,
	LINE_PAGE,
	LINE_CAPTION,
	LINE_AUTHORITY,
	LINE_DECLASS,
	LINE_TAGS
};

struct doc_line {
	size_t off;		/* offset of the line in the document */
	size_t len;		/* length without the line end */
	size_t portion;		/* the portion a text or blank line belongs to, or DOC_NONE */
	uint32_t aux;		/* a banner line's index into document.banners, a caption line's
				 * into the caption entries (doc_caption_bits) */
	/*
	 * Spans inside a structure line (never longer than a kilobyte), by kind: a banner's
	 * level..controls (rewritten), the end of its level; a routing line's class; a
	 * declassification line's decl part.
	 */
	uint16_t span_start, span_mid, span_end;
	unsigned char eol;	/* bytes of line end: 0, 1 ("\n", "\r", "\v", "\f"), 2 ("\r\n", NEL)
				 * or 3 (U+2028, U+2029) */
	unsigned char kind;	/* enum line_kind */
	/* Flags, a bit each: a line's record is 40 bytes. */
	bool has_controls : 1;	/* a banner line had a controls group */
	bool latin1 : 1;	/* the line is no UTF-8: it is read as Latin-1 */
	bool page_like : 1;	/* a LINE_TEXT shaped as a page header that names no post of the
				 * document's: a classification line at the banner's marking, crossed
				 * as a page break is when a sentence goes on after it */
	bool banner_copy : 1;	/* a LINE_PAGE that is the first banner's line again, word for
				 * word (aux and spans are that banner's): re-marked as it is */
	bool rule : 1;		/* a LINE_BLANK drawn with rule characters ("-----", "* * *"): read
				 * as a blank line, copied as it is even inside a withheld portion */
	bool labelled : 1;	/* a LINE_CAPTION whose controls follow a label ("Dissem:"):
				 * written from its controls' names, never copied */
	bool crossed : 1;	/* a LINE_TEXT that the readings across a line's break look past,
				 * as they do a page line: a page's number or header whatever the
				 * policy's layout, a word in capitals alone ("SIPDIS") */
};

/* What a portion holds that no mark proves (doc_portion.unread). */
#define UNREAD_BREAK 1
#define UNREAD_CELL 2

/* Why a portion begins where it does: what its reviewer is told (check), nothing else. */
enum portion_reason {
	REASON_MARK,		/* a mark at its head */
	REASON_UNMARKED,	/* text with no mark, or a numbered paragraph with none */
	REASON_SUBJECT,		/* a SUBJECT line */
	REASON_UNREADABLE,	/* something at its head that may be a mark and proves nothing */
	REASON_ITEM,		/* a list item that is a level letter: it can only raise */
	REASON_MIDLINE,		/* a mark in mid-line: it can only raise */
	REASON_CLASS,		/* a classification line outside the banner grammar */
	REASON_BANNER,		/* text after a banner line in the body: raised to it */
	REASON_CAPTION,		/* text after a caption line in the body: raised to it */
	REASON_LIST,		/* a list item with no mark after one with a mark: taken with
				 * that item and the paragraph the list is in */
	REASON_OPEN		/* text that goes on after a portion that cut a sentence
				 * an earlier one left open: raised to it too (open_raise) */
};

struct doc_portion {
	size_t first, last;	/* line numbers (0-based) of its first and last lines */
	size_t last_text;	/* its last text line */
	enum portion_reason reason;
	bool marked;		/* carries a mark of its own */
	bool subject;		/* a SUBJECT line */
	bool joined;		/* a mark in mid-sentence, joined with the portion before it */
	bool raises_unmarked;	/* a mark in mid-line where unmarked text begins: it raises the
				 * document's marking, and never stands for it */
	bool raises_back;	/* a mark that ends its paragraph ("... walk out. (S)"): it marks
				 * the text before it, and raises the portions of the paragraph */
	bool raises_prev;	/* a line of marks alone right after text ("... next year." /
				 * "(S)"): it raises the portion before it */
	bool marks_alone;	/* it opens at a line of marks alone */
	bool stacked;		/* ... right under another that is all of its portion ("(U)" /
				 * "(S)"): the two stand after the same text */
	unsigned char unread;	/* UNREAD_BREAK: text after a paragraph break inside a line
				 * ("<br><br>The"), unmarked text: it takes the document's
				 * marking besides its mark; UNREAD_CELL: a row whose
				 * classification column is parted by spaces ("Status:  S" may
				 * be standby): unknown. Neither raises any other portion. */
	size_t label_end;	/* bytes of the first line kept as label in mask mode */
	/*
	 * Its mark as written at the head of its first line, in that line's bytes ("(U)" of
	 * "1. (U) The"), where a release that keeps the portion writes the marking it carries
	 * (redact.c); mark_len 0 where it has none there.
	 */
	uint16_t mark_at, mark_len;
	size_t with;		/* REASON_LIST: the paragraph the list is in (its marking joins
				 * this one's with the item's before it), or DOC_NONE */
	/*
	 * Markings are interned: a document has few distinct ones, and many portions share them.
	 * They point into the document and live as long as it does.
	 */
	const struct marking *mark;	/* the mark as written (NULL when unmarked) */
	const struct marking *eff;	/* what decides: mark plus captions, or the document's */
	bool eff_known;		/* false for unmarked text in a document with no banner */
	bool blank_before;	/* FACT_BLANK_BEFORE */
};

/*
 * What is kept of every portion, however the document is read: the facts its effective marking
 * is settled from (settle_markings), then that marking, in 32 bits: the FACT_ flags below
 * FACT_MARK_SHIFT, and above them its mark, then its effective marking, as an index into
 * document.marks plus one (0: none). A streamed document keeps no more of a portion than this,
 * and a `with` entry for an unmarked list item.
 */
#define FACT_MARK_SHIFT		12
#define FACT_FLAGS		0x0fffu
#define FACT_MARKS_MAX		((1u << (32 - FACT_MARK_SHIFT)) - 2)
/*
 * A document holds at most DOC_MARKS_MIN distinct markings, and one more for every
 * DOC_MARKS_PER bytes: a real one holds tens; one that holds more is refused (where and why
 * said), so that its markings take no more memory than a small share of its size.
 */
#define DOC_MARKS_MIN		4096
#define DOC_MARKS_PER		1024
#define FACT_MARKED		0x0001	/* doc_portion.marked */
#define FACT_JOINED		0x0002
#define FACT_RAISES_UNMARKED	0x0004
#define FACT_RAISES_BACK	0x0008
#define FACT_UNREAD_BREAK	0x0010
#define FACT_UNREAD_CELL	0x0020
#define FACT_LIST		0x0040	/* reason REASON_LIST */
#define FACT_BLANK_BEFORE	0x0080	/* a blank line between the last text line of the portion
					 * before and this one's first line */
#define FACT_EFF_KNOWN		0x0100	/* doc_portion.eff_known, once settled */
#define FACT_RAISES_PREV	0x0200	/* doc_portion.raises_prev */
#define FACT_MARKS_ALONE	0x0400	/* doc_portion.marks_alone */
#define FACT_STACKED		0x0800	/* doc_portion.stacked */

/*
 * Unmarked list items portion..last (a run of them, in one list) and the paragraph their list
 * is in: portion numbers, which stay below UINT32_MAX (open_portion refuses more).
 */
struct doc_with {
	uint32_t portion, last, with;
};

struct doc_miss;
struct document;

/* How document_read read a document. */
enum read_as {
	READ_WHOLE,		/* every line and portion kept */
	READ_STREAMED,		/* in two passes, through a window */
	READ_WHOLE_MISSED	/* whole, after a rule read outside the window */
};

/* What a replayed read hands each line to once it is read (document_replay). */
typedef int (*doc_line_fn)(void *ctx, const struct document *d, size_t i, char *err,
    size_t errlen);

struct document {
	const char *data;
	size_t len;
	/*
	 * Lines line_base .. line_top - 1 are in lines[], portions portion_base .. nportions - 1
	 * in portions[]: every one of them, unless the document is streamed (document_read), when
	 * only a window of each is. Read them with doc_line and doc_portion.
	 */
	struct doc_line *lines;
	size_t nlines;			/* every line of the document */
	size_t line_base, line_top;
	struct doc_portion *portions;
	size_t nportions, portion_base;
	struct facts facts;		/* what every portion keeps, by portion number (facts.n) */
	uint8_t *opened;		/* streamed: a byte of what each portion opened with (its
					 * line, reason and mark), which the replay checks */
	size_t nopened;
	struct doc_with *withs;		/* by portion, ascending, a run of items each */
	size_t nwiths;
	const struct marking **marks;	/* the interned markings, in the order first seen */
	size_t nmarks;
	bool streamed;			/* read in two passes: see document_read */
	enum read_as read_as;		/* ... and how, for tests */
	size_t first_banner;		/* the first banner line, or DOC_NONE */
	bool has_banner;
	struct marking banner;		/* the first banner line's marking */
	const struct marking **banners;	/* the marking of every banner line (interned) */
	size_t nbanners;
	/*
	 * Every caption line's controls (a bit per policy control, in two halves) and the
	 * portion it stands in (UINT32_MAX for none), kept as facts so that lines that alternate
	 * take a few bits each: read them with doc_caption_bits and doc_caption_portion.
	 */
	struct facts caption_lo, caption_hi, caption_at;
	size_t ncaptions;		/* entries read (in a replay, so far) */
	struct marking **interned;	/* an open-addressed set of every distinct marking */
	size_t ninterned, interned_cap;
	unsigned char intern_key[16];	/* its hash's key, drawn for each document */
	size_t marks_max;		/* the most distinct markings a document of its size
					 * may hold (DOC_MARKS_PER, DOC_MARKS_MIN) */
	bool marks_over;		/* a marking was refused for passing it */
	uint64_t captions;		/* controls of every caption line, and of lines that name
					 * controls among other words */
	uint64_t caption_lines;		/* controls of lines of nothing but control names */
	bool caption_noforn;
	uint64_t caption_classified;	/* controls of caption lines that every classified
					 * portion carries (settle_markings) */
	bool has_named_rel;		/* a line named a REL TO list among other words */
	struct marking named_rel;	/* the join of those lists, at the lowest level */
	bool has_class;			/* a classification line was read (reading_class_line) */
	struct marking classes;		/* the join of every classification line's marking */
	bool has_routing;		/* a routing header's security line was read */
	struct marking routing;		/* its level ("ZNY SSSSS"), unknown where none is its */
	struct marking docmark;		/* what unmarked text takes */
	bool utf8;			/* every line is UTF-8 (strictly: no overlong forms) */
	bool has_alone;			/* a line of marks alone stood after text, or text came
					 * under one before any: marks are read both ways
					 * (settle_after) */
	size_t bom;			/* bytes of a UTF-8 byte order mark before line 1 */
	struct marking denied;		/* readers a paragraph of its own denies ("Please do not
					 * share with AUS." alone): every classified portion's */
	bool has_everywhere;		/* a level was said of a part no reader can place ("Part
					 * III is classified SECRET."): */
	struct marking everywhere;	/* ... the join of them, every portion's */
	struct doc_miss *miss;		/* what a read outside the window returns */
};

/* What doc_line and doc_portion return outside the window (document.c). */
struct doc_line *doc_line_missed(const struct document *d, size_t i);
struct doc_portion *doc_portion_missed(const struct document *d, size_t k);

/* Line i (0-based). */
static inline struct doc_line *
doc_line(const struct document *d, size_t i)
{
	if (i - d->line_base < d->line_top - d->line_base)
		return &d->lines[i - d->line_base];
	return doc_line_missed(d, i);
}

/* Portion k. */
static inline struct doc_portion *
doc_portion(const struct document *d, size_t k)
{
	if (k - d->portion_base < d->nportions - d->portion_base)
		return &d->portions[k - d->portion_base];
	return doc_portion_missed(d, k);
}

/* Caption entry i's controls, a bit per policy control. */
static inline uint64_t
doc_caption_bits(const struct document *d, size_t i)
{
	return (uint64_t)facts_get(&d->caption_hi, i) << 32 | facts_get(&d->caption_lo, i);
}

/* Caption entry i's portion, or DOC_NONE. */
static inline size_t
doc_caption_portion(const struct document *d, size_t i)
{
	uint32_t at = facts_get(&d->caption_at, i);

	return at == UINT32_MAX ? DOC_NONE : at;
}

/* Portion k's effective marking once settled (NULL when unknown or none), from its facts. */
static inline const struct marking *
doc_fact_eff(const struct document *d, size_t k)
{
	uint32_t f = facts_get(&d->facts, k);

	if (!(f & FACT_EFF_KNOWN) || (f >> FACT_MARK_SHIFT) == 0)
		return NULL;
	return d->marks[(f >> FACT_MARK_SHIFT) - 1];
}

/*
 * What portion pt's own mark says of it with the document's captions (a caption NOFORN applies
 * to every classified portion): what a release that keeps its mark and the captions still
 * says of it, in *m. Returns false when pt has no mark of its own.
 */
bool document_own_marking(const struct policy *p, const struct document *d,
    const struct doc_portion *pt, struct marking *m);

/*
 * Parses data[0..len) under policy p into d (which points into data; data must outlive d).
 * Returns 0, or -1 with "ORIGIN:LINE: message" in err (a pattern hit its match limit; out of
 * memory). The caller frees d with document_free. Documents read by textio are followed by
 * TEXT_PAD zero bytes, where PCRE2's JIT may read past the last line; other callers give the same
 * (policy_test does), or valgrind reports those reads.
 */
int document_parse(const struct policy *p, const char *data, size_t len, const char *origin,
    struct document *d, char *err, size_t errlen);

/*
 * As document_parse, with a caller's matcher (one per thread, made with policy_matcher_new),
 * so that many documents share one JIT stack; with matcher NULL it makes its own.
 */
int document_parse_with(const struct policy *p, struct policy_matcher *matcher,
    const char *data, size_t len, const char *origin, struct document *d, char *err,
    size_t errlen);

/*
 * As document_parse_with, within `budget` bytes of records where it can (a line's record, and
 * `portion_cost` bytes a portion: its record and what the caller keeps of it): a document whose
 * records would pass it is read in two passes instead (d->streamed). The first
 * keeps a window of lines and portions, and of every portion only its facts (facts), from
 * which it settles every portion's marking; document_replay reads it again,
 * handing on each line as it goes. A document a rule of which reads outside the window is read
 * whole, whatever its records take. Returns 0, or -1 with err.
 */
int document_read(const struct policy *p, struct policy_matcher *matcher, const char *data,
    size_t len, const char *origin, size_t budget, size_t portion_cost, struct document *d,
    char *err, size_t errlen);

/*
 * Reads a streamed document again, exactly as the first time, and calls fn with each line once
 * it is read (its kind and portion are known then, and its portion's record is in the window).
 * Returns 0, or -1 with err (fn's failure, or a second reading that differs from the first: a
 * defect).
 */
int document_replay(const struct policy *p, struct policy_matcher *matcher, struct document *d,
    const char *origin, doc_line_fn fn, void *ctx, char *err, size_t errlen);

/* Frees what document_parse allocated; accepts a zeroed document. */
void document_free(struct document *d);

#endif
