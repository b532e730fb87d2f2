/* SPDX-License-Identifier: ISC */
/*
 * report: writers for the findings of `tearline check`, one per format: text for terminals,
 * JSON with a stable schema, SARIF 2.1.0 for code-scanning tools, and one self-contained HTML
 * review page.
 */
#ifndef TEARLINE_REPORT_H
#define TEARLINE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "check.h"
#include "document.h"
#include "policy.h"
#include "redact.h"

#define REPORT_SCHEMA_VERSION 1

enum report_format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_SARIF,
	FORMAT_HTML
};

/* One checked document. */
struct report_doc {
	const char *name;
	const struct document *doc;
	const struct check_result *res;
};

struct report_options {
	const struct policy *policy;
	const char *target;	/* the release target as given */
	const struct marking *release;	/* that target, parsed: the HTML page's release view */
	enum redact_mode mode;	/* the mode the HTML page's release view is written in */
	const char *version;	/* the tool's version */
	bool colour;		/* text: ANSI colours */
	bool strict;		/* warnings decide "passed" too */
	bool notes;		/* text, HTML: list kept portions among the findings too */
};

/* Parses "text", "json", "sarif" or "html". Returns 0 or -1. */
int report_format_parse(const char *s, enum report_format *f);

/*
 * Writes the report for n documents to fp and flushes it. Returns 0, or -1 with a message in err
 * (out of memory, or a write error, which is checked after a flush); the caller still checks the
 * fclose of a file it opened.
 */
int report_write(FILE *fp, enum report_format f, const struct report_doc *docs, size_t n,
    const struct report_options *o, char *err, size_t errlen);

/*
 * A report written as documents are checked (text, JSON or SARIF; not HTML, whose page shows the
 * documents themselves): report_begin; for each document report_doc_begin, check_document with
 * report_sink (or check_stream_read), and report_doc_end (or, when the check failed, nothing more: the next
 * report_doc_begin forgets what it wrote); then report_end, and report_stream_free. A document's
 * findings are written as they are made, to a temporary file until the document is done, so a
 * report holds no more than one finding, whatever the number and size of the documents. Each
 * returns 0 (report_begin the stream), or -1 (NULL) with a message in err.
 */
struct report_stream;

struct report_stream *report_begin(FILE *fp, enum report_format f,
    const struct report_options *o, char *err, size_t errlen);
int report_doc_begin(struct report_stream *rs, const char *name, char *err, size_t errlen);
const struct check_sink *report_sink(struct report_stream *rs);
int report_doc_end(struct report_stream *rs, const struct check_result *res, char *err,
    size_t errlen);

/* Finishes the report and flushes it; a write error is reported here, as report_write does. */
int report_end(struct report_stream *rs, char *err, size_t errlen);

/* Frees a stream; accepts NULL. */
void report_stream_free(struct report_stream *rs);

#endif
