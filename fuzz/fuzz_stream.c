/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the streamed reader against the whole one. The input is a document (its
 * first byte picks the release target). It is read whole (document_parse) and released, then
 * read in two passes through a window of 64 lines (document_read past a budget of one byte,
 * TEARLINE_TEST_WINDOW) and released as it is read again. The property: when the streamed
 * reading kept to its window, the two releases, their changes, their counts and their markings
 * are the same byte for byte, in every mode, and so are the two checks' findings (check_document
 * and check_stream_read); when it did not, the document was read whole.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

static struct policy *pol;
static struct marking targets[3];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const names[3] = { "UNCLASSIFIED", "SECRET", "SECRET//REL TO USA, GBR" };
	char err[512];
	int k;

	(void)argc;
	(void)argv;
	if (setenv("TEARLINE_TEST_WINDOW", "64", 1) != 0 ||
	    (pol = policy_load_default(err, sizeof(err))) == NULL)
		abort();
	for (k = 0; k < 3; k++)
		if (marking_parse_target(pol, names[k], &targets[k], err, sizeof(err)) != 0)
			abort();
	return 0;
}

struct buffer {
	char *data;
	size_t len, cap;
};

static int
buffer_write(void *ctx, const void *p, size_t n)
{
	struct buffer *b = ctx;

	if (b->len + n > b->cap) {
		while (b->len + n > b->cap)
			b->cap = b->cap == 0 ? 4096 : 2 * b->cap;
		if ((b->data = realloc(b->data, b->cap)) == NULL)
			abort();
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

static void
differ(const char *what, const char *doc, size_t len)
{
	fprintf(stderr, "streamed and whole readings differ: %s\n%.*s\n", what, (int)len, doc);
	abort();
}

/* A check's findings, as a sink is handed them: rule, lines, columns and message, one a line. */
static int
finding_write(void *ctx, const struct check_finding *f)
{
	char line[1024];
	int n = snprintf(line, sizeof(line), "%s %zu-%zu:%zu/%zu %s %s\n", f->rule, f->line,
	    f->end_line, f->column, f->char_column, f->marking, f->message);

	return buffer_write(ctx, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

/* The document checked whole and read in two passes: the same findings, counts and roll-up. */
static void
check_both(const char *doc, size_t len, const struct marking *target)
{
	struct document whole, streamed;
	struct check_result a, b;
	struct buffer x = { NULL, 0, 0 }, y = { NULL, 0, 0 };
	struct check_sink sx = { finding_write, &x, NULL }, sy = { finding_write, &y, NULL };
	char err[512];

	if (document_parse(pol, doc, len, "fuzz", &whole, err, sizeof(err)) != 0)
		return;
	if (check_document(pol, &whole, target, &sx, &a, err, sizeof(err)) != 0) {
		document_free(&whole);
		return;
	}
	if (document_read(pol, NULL, doc, len, "fuzz", 1, 100, &streamed, err, sizeof(err)) != 0 ||
	    check_stream_read(pol, NULL, &streamed, "fuzz", target, &sy, &b, err,
	    sizeof(err)) != 0)
		differ("the streamed check failed", doc, len);
	if (x.len != y.len || (x.len > 0 && memcmp(x.data, y.data, x.len) != 0))
		differ("the check's findings", doc, len);
	if (a.errors != b.errors || a.warnings != b.warnings || a.kept != b.kept ||
	    a.withheld != b.withheld || !marking_identical(&a.rollup, &b.rollup))
		differ("the check's counts or roll-up", doc, len);
	free(x.data);
	free(y.data);
	check_result_free(&a);
	check_result_free(&b);
	document_free(&whole);
	document_free(&streamed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct marking *target;
	char *doc, err[512];
	size_t len, k;
	int mode;

	if (size < 2)
		return 0;
	target = &targets[data[0] % 3];
	len = size - 1;
	/* What textio gives the reader: the document and zero bytes after it. */
	if ((doc = calloc(1, len + 64)) == NULL)
		abort();
	memcpy(doc, data + 1, len);
	for (mode = MODE_MASK; mode <= MODE_BLACKOUT; mode++) {
		struct document whole, streamed;
		struct redact_result a, b;
		struct buffer out = { NULL, 0, 0 };
		struct redact_sink sink = { buffer_write, &out };

		if (document_parse(pol, doc, len, "fuzz", &whole, err, sizeof(err)) != 0)
			break;
		if (redact_run(pol, &whole, target, (enum redact_mode)mode, &a, err,
		    sizeof(err)) != 0) {
			document_free(&whole);
			break;
		}
		if (document_read(pol, NULL, doc, len, "fuzz", 1, 100, &streamed, err,
		    sizeof(err)) != 0)
			differ("the streamed reading failed", doc, len);
		if (redact_stream_read(pol, NULL, &streamed, "fuzz", target, (enum redact_mode)mode,
		    &sink, REDACT_CHANGES, NULL, &b, err, sizeof(err)) != 0)
			differ("the streamed release failed", doc, len);
		if (streamed.read_as == READ_WHOLE)
			differ("a budget of one byte, and read whole", doc, len);
		if (out.len != a.out_len || (out.len > 0 && memcmp(out.data, a.out, out.len) != 0))
			differ("the releases", doc, len);
		if (b.nchanges != a.nchanges || (a.nchanges > 0 && memcmp(b.changes, a.changes,
		    a.nchanges * sizeof(*a.changes)) != 0))
			differ("the changes", doc, len);
		if (b.released != a.released || b.withheld != a.withheld ||
		    b.unproven != a.unproven || b.unproven_first != a.unproven_first ||
		    !marking_identical(&a.rollup, &b.rollup))
			differ("the counts or the roll-up", doc, len);
		if (streamed.facts.n != whole.facts.n)
			differ("the portions", doc, len);
		for (k = 0; k < whole.facts.n; k++) {
			const struct marking *x = doc_fact_eff(&whole, k), *y = doc_fact_eff(&streamed, k);

			if ((x == NULL) != (y == NULL) || (x != NULL && !marking_identical(x, y)))
				differ("a portion's marking", doc, len);
		}
		free(out.data);
		redact_result_free(&a);
		redact_result_free(&b);
		document_free(&whole);
		document_free(&streamed);
	}
	check_both(doc, len, target);
	free(doc);
	return 0;
}
