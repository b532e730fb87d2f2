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
				 * into document.caption_bits */
	/*
	 * Spans inside a structure line (never longer than a kilobyte), by kind: a banner's
	 * level..controls (rewritten), the end of its level; a routing line's class; a
	 * declassification line's decl part.
	 */
	uint16_t span_start, span_mid, span_end;
	unsigned char eol;	/* bytes of line end: 0, 1 ("\n", "\r", "\v", "\f"), 2 ("\r\n", NEL)
				 * or 3 (U+2028, U+2029) */
	unsigned char kind;	/* enum line_kind */
	bool has_controls;	/* a banner line had a controls group */
	bool latin1;		/* the line is no UTF-8: it is read as Latin-1 */
	bool page_like;		/* a LINE_TEXT shaped as a page header that names no post of the
				 * document's: a classification line at the banner's marking, crossed
				 * as a page break is when a sentence goes on after it */
	bool banner_copy;	/* a LINE_PAGE that is the first banner's line again, word for
				 * word (aux and spans are that banner's): re-marked as it is */
	bool rule;		/* a LINE_BLANK drawn with rule characters ("-----", "* * *"): read
				 * as a blank line, copied as it is even inside a withheld portion */
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
	REASON_LIST		/* a list item with no mark after one with a mark: taken with that
				 * item and the paragraph the list is in */
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
	unsigned char unread;	/* UNREAD_BREAK: text after a paragraph break inside a line
				 * ("<br><br>The"), unmarked text: it takes the document's
				 * marking besides its mark; UNREAD_CELL: a row whose
				 * classification column is parted by spaces ("Status:  S" may
				 * be standby): unknown. Neither raises any other portion. */
	size_t label_end;	/* bytes of the first line kept as label in mask mode */
	size_t with;		/* REASON_LIST: the paragraph the list is in (its marking joins
				 * this one's with the item's before it), or DOC_NONE */
	/*
	 * Markings are interned: a document has few distinct ones, and many portions share them.
	 * They point into the document and live as long as it does.
	 */
	const struct marking *mark;	/* the mark as written (NULL when unmarked) */
	const struct marking *eff;	/* what decides: mark plus captions, or the document's */
	bool eff_known;		/* false for unmarked text in a document with no banner */
};

struct document {
	const char *data;
	size_t len;
	struct doc_line *lines;
	size_t nlines;
	struct doc_portion *portions;
	size_t nportions;
	bool has_banner;
	struct marking banner;		/* the first banner line's marking */
	struct marking *banners;	/* the marking of every banner line */
	size_t nbanners;
	uint64_t *caption_bits;		/* every caption line's controls, a bit per policy control */
	size_t ncaptions;
	struct marking **interned;	/* an open-addressed set of every distinct marking */
	size_t ninterned, interned_cap;
	uint64_t captions;		/* controls of every caption line, and of lines that name
					 * controls among other words */
	uint64_t caption_lines;		/* controls of lines of nothing but control names */
	bool caption_noforn;
	bool has_named_rel;		/* a line named a REL TO list among other words */
	struct marking named_rel;	/* the join of those lists, at the lowest level */
	bool has_class;			/* a classification line was read (reading_class_line) */
	struct marking classes;		/* the join of every classification line's marking */
	struct marking docmark;		/* what unmarked text takes */
	bool utf8;			/* every line is UTF-8 (strictly: no overlong forms) */
	size_t bom;			/* bytes of a UTF-8 byte order mark before line 1 */
};

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

/* Frees what document_parse allocated; accepts a zeroed document. */
void document_free(struct document *d);

#endif
