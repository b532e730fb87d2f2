/* SPDX-License-Identifier: ISC */
/*
 * check: the pre-publication review. Decides every portion of a document against a release
 * target, as redact does, and lints its markings. Each finding is located (line, column) and
 * says what was decided and why, for kept portions too.
 */
#ifndef TEARLINE_CHECK_H
#define TEARLINE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

enum check_severity {
	SEVERITY_NOTE,		/* a portion kept: nothing to do */
	SEVERITY_WARNING,	/* reported; decides the exit code only with --strict */
	SEVERITY_ERROR		/* not releasable as it stands */
};

struct check_finding {
	size_t line, column;		/* 1-based; column counts bytes */
	size_t char_column;		/* ... and in Unicode code points (SARIF's columnKind) */
	size_t end_line;		/* the portion's last line, or line */
	enum check_severity severity;
	const char *rule;		/* a stable identifier: "portion-kept", "unknown-token", ... */
	char marking[160];		/* the marking concerned, in banner syntax, or "" */
	const char *decision;		/* "kept", "withheld", or NULL for a lint */
	char message[512];
	size_t portion;			/* index of the portion, or DOC_NONE */
};

struct check_result {
	struct check_finding *findings;	/* in document order (when check_document had no sink) */
	size_t nfindings;
	size_t errors, warnings, kept, withheld;
	struct marking rollup;		/* what a release would carry */
	struct redact_result decisions;	/* the decisions, as redact_decide makes them */
};

/* The stable identifiers of every rule check can report, NULL-terminated, for SARIF. */
extern const char *const check_rules[];

/* A one-sentence description of a rule identifier, for SARIF and the HTML legend. */
const char *check_rule_description(const char *rule);

/* What a reviewer does about a finding of a rule, for SARIF's help. */
const char *check_rule_help(const char *rule);

/* The SARIF level a rule's findings usually have: "error", "warning" or "note". */
const char *check_rule_level(const char *rule);

/*
 * Where check_document hands each finding, whole and in line order, as it is made: `finding`
 * returns 0, or -1 to stop the check, having said why in `err` (a buffer of the sink's own).
 */
struct check_sink {
	int (*finding)(void *ctx, const struct check_finding *f);
	void *ctx;
	const char *err;
};

/*
 * Checks d against target under p. Returns 0 with the counts, roll-up and decisions in res
 * (freed with check_result_free), and the findings handed to sink in order or, with sink NULL,
 * kept in res; or -1 with a message in err.
 */
int check_document(const struct policy *p, const struct document *d,
    const struct marking *target, const struct check_sink *sink, struct check_result *res,
    char *err, size_t errlen);

/*
 * As check_document, for a document read by document_read (named origin, its matcher or NULL): a
 * streamed one is checked as document_replay reads it again, each portion's findings handed on
 * once its lines are read; another as check_document does.
 */
int check_stream_read(const struct policy *p, struct policy_matcher *matcher,
    struct document *d, const char *origin, const struct marking *target,
    const struct check_sink *sink, struct check_result *res, char *err, size_t errlen);

/* Frees a result; accepts a zeroed one. */
void check_result_free(struct check_result *res);

/* Whether the document passes: no errors, and with `strict` no warnings either. */
bool check_passes(const struct check_result *res, bool strict);

#endif
