/* SPDX-License-Identifier: ISC */
/*
 * redact: the redaction engine. Decides every portion of a parsed document against a release
 * target, writes the release in one of three modes, re-marks banner, routing, caption and
 * authority lines to what was released, and records every change it made for the audit.
 */
#ifndef TEARLINE_REDACT_H
#define TEARLINE_REDACT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "marking.h"
#include "policy.h"

enum redact_mode {
	MODE_MASK,	/* a withheld portion becomes one placeholder line */
	MODE_STRIP,	/* a withheld portion vanishes */
	MODE_BLACKOUT	/* every non-space character of withheld text becomes X */
};

enum change_kind {
	CHANGE_WITHHELD,	/* a portion was withheld */
	CHANGE_REMARKED,	/* a banner, routing line or kept portion's mark was re-marked */
	CHANGE_CAPTION,		/* a caption line was removed or rewritten */
	CHANGE_AUTHORITY	/* an authority or declassification line was removed or rewritten */
};

/* One change, in document order. Spans are byte ranges [start, end). */
struct redact_change {
	enum change_kind kind;
	size_t line_first, line_last;	/* 1-based source lines */
	size_t in_start, in_end;	/* bytes of the original */
	size_t out_start, out_end;	/* bytes of the release */
	size_t portion;			/* for CHANGE_WITHHELD: the portion, else DOC_NONE */
	enum marking_rule rule;		/* why (CHANGE_WITHHELD); the reason is the decision's */
	const char *exemption;
};

/* The decision for one portion. */
struct redact_decision {
	enum marking_rule rule;		/* RULE_RELEASED or why it was withheld */
	char why[128];
	const char *exemption;
};

struct redact_result {
	char *out;			/* the release (owned; freed by redact_result_free) */
	size_t out_len;
	/*
	 * A portion's decision follows from its effective marking alone, and a document has few
	 * distinct markings: one verdict per marking decided (redact_decision finds a portion's).
	 */
	uint32_t *by_mark;		/* by document.marks index plus one (0: none): an index
					 * into verdicts plus one */
	struct redact_decision *verdicts;
	size_t nverdicts;
	struct redact_change *changes;
	size_t nchanges;
	struct marking rollup;		/* the marking of what was released */
	size_t released, withheld;	/* portions */
	bool docmark_released;		/* the target may see what unmarked text is marked */
	/*
	 * Portions withheld because nothing could be proven of them (an unknown token, unmarked
	 * text with no banner, a REL TO group of unknown membership): how many, the first line of
	 * the first, and with REDACT_LIST_UNPROVEN each one's first line and decision.
	 */
	size_t unproven, unproven_first;
	struct redact_unproven *unproven_list;
	bool any_marked;		/* some portion carries a mark of its own */
	bool changes_given;		/* the changes went to a change sink, not into changes */
};

struct redact_unproven {
	size_t line;			/* 1-based */
	const struct redact_decision *dc;
};

/* redact_stream_read's flags. */
#define REDACT_CHANGES 1u		/* keep the changes (an audit needs them) */
#define REDACT_LIST_UNPROVEN 2u		/* keep redact_result.unproven_list */

const char *redact_mode_name(enum redact_mode mode);

/* Parses "mask", "strip" or "blackout". Returns 0 or -1. */
int redact_mode_parse(const char *s, enum redact_mode *mode);

/*
 * Decides every portion of d against target (no output). Fills res->verdicts, res->rollup and
 * the counts. Returns 0 or -1 with err (out of memory).
 */
int redact_decide(const struct policy *p, const struct document *d, const struct marking *target,
    struct redact_result *res, char *err, size_t errlen);

/* Portion k's decision, once redact_decide has made them. */
const struct redact_decision *redact_decision(const struct redact_result *res,
    const struct document *d, size_t k);

/*
 * The mark a release writes at the head of kept portion pt, whose effective marking is eff, into
 * buf: in place of its own ("(S//NOFORN)" for "(U)") where its mark and the document's captions
 * say less than it carries (raised by a line of marks alone after it, the document's marking, a
 * mark further on); before its text where it has none and follows a withheld portion
 * (after_withheld), which the release may leave out or write as a placeholder that its text
 * would read as going on with. So that the release, read again, keeps no more than it did,
 * though the lines that raised or parted it are placeholders there, or gone. Returns its length,
 * or 0 where the release writes the line as it is: no raise, no mark at the head of its first
 * line, or a marking that no mark of the policy's reads back as.
 */
int redact_portion_mark(const struct policy *p, const struct document *d,
    const struct doc_portion *pt, const struct marking *eff, bool after_withheld, char *buf,
    size_t len);

/*
 * Decides and writes the release of d into res->out in the given mode, with the changes it made.
 * Returns 0, or -1 with err (out of memory). Nothing is partial: on error res is freed.
 */
int redact_run(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, struct redact_result *res, char *err, size_t errlen);

/*
 * As redact_run, and fills line_out[0..d->nlines] (the caller's array of d->nlines + 1): what the
 * release writes for line i (1-based i + 1) is res->out[line_out[i]..line_out[i + 1]), empty for
 * a line it removed; what it writes before line 1 (a caption line) counts as line 1's. The review
 * page shows the release beside the original with it.
 */
int redact_run_lines(const struct policy *p, const struct document *d,
    const struct marking *target, enum redact_mode mode, size_t *line_out,
    struct redact_result *res, char *err, size_t errlen);

/* Where redact_stream writes the release as it renders it. */
struct redact_sink {
	/* Writes n bytes; returns 0, or -1 when they could not be written. */
	int (*write)(void *ctx, const void *buf, size_t n);
	void *ctx;
};

/*
 * As redact_run, but writes the release to sink as it goes (res->out stays NULL; res->out_len
 * counts the bytes), so that it is never held in memory. Every decision is made before the first
 * byte is written; a failed write ends the run with -1. With sink NULL, it is redact_run. With
 * `changes` false, the changes are not kept (res->nchanges stays 0): only an audit needs them.
 */
int redact_stream(const struct policy *p, const struct document *d,
    const struct marking *target, enum redact_mode mode, const struct redact_sink *sink,
    bool changes, struct redact_result *res, char *err, size_t errlen);

/* Where a release's changes go one at a time, each once it is whole (redact_stream_read). */
struct redact_change_sink {
	/* Takes change c of res; returns 0, or -1 with err: the release fails. */
	int (*change)(void *ctx, const struct redact_result *res, const struct redact_change *c,
	    char *err, size_t errlen);
	void *ctx;
};

/*
 * As redact_stream, for a document read by document_read (named origin, its matcher or NULL):
 * a streamed one is decided from its facts and rendered as it is read again. With changes (and
 * REDACT_CHANGES), each change goes to it as it is made instead of into res->changes
 * (res->changes_given).
 */
int redact_stream_read(const struct policy *p, struct policy_matcher *matcher,
    struct document *d, const char *origin, const struct marking *target,
    enum redact_mode mode, const struct redact_sink *sink, unsigned flags,
    const struct redact_change_sink *changes, struct redact_result *res, char *err,
    size_t errlen);

/* Frees a result's allocations; accepts a zeroed result. */
void redact_result_free(struct redact_result *res);

#endif
