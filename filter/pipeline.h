/* SPDX-License-Identifier: ISC */
/*
 * pipeline: one document's redaction in the order every run takes it: parse, decide and render
 * the release into its sink (and into the audit's digest), write the audit's records, then
 * commit the outputs (flush them, enter the run in the ledger, rename them into place) or take
 * them back. A single run (main.c) and each document of a batch (batch.c) both go through it, so
 * that a change to the order of these steps is made once.
 */
#ifndef TEARLINE_PIPELINE_H
#define TEARLINE_PIPELINE_H

#include <stddef.h>

#include "audit.h"
#include "document.h"
#include "keys.h"
#include "redact.h"
#include "textio.h"

struct pipeline {
	const struct policy *p;
	struct policy_matcher *matcher;	/* or NULL: the parse makes its own */
	const struct marking *target;
	enum redact_mode mode;
	struct audit_writer *writer;	/* or NULL: no audit */
	bool list_unproven;		/* keep redact_result.unproven_list */
	bool audit_as_made;		/* the audit's records are written as the changes are
					 * made, none held (a single run: its begin record needs
					 * nothing that comes later) */
};

/*
 * Parses data[0..len) (named `name` in messages) into d, decides every portion and writes the
 * release to out as it renders it, and into the audit's digest with a writer. Every decision is
 * made before the first byte is written. Returns 0, or -1 with err (the caller words a failed
 * write from its sink's own error).
 */
int pipeline_release(const struct pipeline *pl, const char *data, size_t len, const char *name,
    const struct redact_sink *out, struct document *d, struct redact_result *res, char *err,
    size_t errlen);

/*
 * Writes the audit's records of a release made by pipeline_release: the begin record, a record
 * per change, the signed end record, to aud (named audit_path). Returns 0, or -1 with err.
 */
int pipeline_audit(const struct pipeline *pl, const struct document *d,
    const struct redact_result *res, struct text_out *aud, const char *audit_path, char *err,
    size_t errlen);

/* Where a run's outputs wait to be committed. */
struct pipeline_outputs {
	struct text_out *out;		/* the release: a temporary file, or standard output */
	struct text_out *spool;		/* or NULL: with an audit and standard output, the release
					 * waits here and goes out once the audit is complete */
	struct text_out *aud;		/* or NULL: no audit */
	const char *audit_path;
	struct audit_ledger *ledger;	/* or NULL */
	const struct keys_secret *signer;
	struct audit_writer *writer;
};

/*
 * Commits a run's outputs: both flushed and synced, the run entered in the ledger, and only then
 * renamed into place. The release goes first when it goes to standard output (it cannot be taken
 * back, so the audit is kept only if it went out whole); the audit first when the release is a
 * file (a release without its audit is removed again, with its ledger entry). Returns 0; 1 when
 * the run failed and left nothing behind (err); -1 when the ledger could not be written or its
 * entry taken back (err): a batch must stop.
 */
int pipeline_commit(const struct pipeline_outputs *o, char *err, size_t errlen);

/* Removes a run's temporary outputs: a failed run leaves nothing behind. */
void pipeline_abort(const struct pipeline_outputs *o);

/*
 * What a document's records may take before it is read in two passes instead (document_read):
 * its size and 10 MiB, so that a run's memory (the document, its records, a few MiB besides)
 * stays within twice the document and 16 MiB whatever its shape. TEARLINE_TEST_BUDGET sets it,
 * in bytes, for tests.
 */
size_t pipeline_record_budget(size_t len);

#endif
