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

#endif
