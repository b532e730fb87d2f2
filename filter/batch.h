/* SPDX-License-Identifier: ISC */
/*
 * batch: many documents through one policy, a pool of threads and one ledger.
 *
 * `tearline redact --output-dir DIR FILE...` writes DIR/NAME for each input FILE (NAME is its
 * base name) and, when a signing key is given, DIR/NAME.audit and one ledger entry per document,
 * in input order. The releases, audits and ledger are byte for byte what one `tearline redact`
 * run per document, in the same order, would write with the same ledger (given the same time
 * and, for tests, the same TEARLINE_TEST_SEED).
 *
 * Documents go in chunks of at most BATCH_CHUNK_DOCS documents (fewer when the limit on open
 * descriptors is low) and BATCH_CHUNK_BYTES bytes of input. The parent, which never reads or
 * parses a document, opens a chunk's inputs and its outputs as temporary files, then forks a
 * child process for it, which starts its worker threads and only then confines itself, every
 * thread, to the same seccomp allow-list as a single run: no file is opened once a document is
 * read. While a child works, the parent opens the next chunk. Workers read, parse, decide and
 * write releases in parallel; the child's main thread, the committer, takes the documents in
 * input order, builds and signs each audit (its begin record names the ledger's head, so audits
 * are built one after another), enters it in the ledger and renames the files into place. A
 * document that fails leaves no release and no audit; the others go on.
 */
#ifndef TEARLINE_BATCH_H
#define TEARLINE_BATCH_H

#include <signal.h>
#include <stdbool.h>
#include <sys/types.h>
#include <stddef.h>
#include <time.h>

#include "audit.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

#define BATCH_MAX_JOBS 64
#define BATCH_FIRST_CHUNK_DOCS 32		/* chunks grow fourfold from this size... */
#define BATCH_CHUNK_DOCS 1024			/* ...to this, as the descriptor limit allows */
#define BATCH_CHUNK_BYTES ((size_t)64 << 20)	/* of input held in memory at once */
#define BATCH_ERRLEN 1024
#define BATCH_AUDIT_SUFFIX ".audit"
#define BATCH_LEDGER_NAME "ledger.jsonl"	/* DIR/ledger.jsonl unless a ledger is named */

/* One document finished, successfully or not: what the caller hears, in input order. */
struct batch_event {
	size_t index;			/* 0-based, in input order */
	size_t total;
	const char *input;		/* as given */
	const char *release_path;	/* DIR/NAME */
	const char *audit_path;		/* DIR/NAME.audit, or NULL without audits */
	bool ok;
	const char *err;		/* why it failed, when !ok: "FILE:LINE: message" */
	const struct document *doc;	/* when ok */
	const struct redact_result *res;
	size_t released, failed;	/* documents so far, this one included */
};

/* What a batch does and with what. Read-only while the batch runs. */
struct batch_options {
	const struct policy *policy;
	const struct marking *target;
	const char *release;			/* the target as given: the audit records it */
	enum redact_mode mode;
	size_t max_document;
	const char *output_dir;
	const char *audit_dir;			/* the audits' directory, or NULL: output_dir */
	unsigned jobs;				/* 1 to BATCH_MAX_JOBS worker threads */
	bool sandbox;				/* enter the seccomp sandbox (sandbox.h) */
	bool list_unproven;			/* keep redact_result.unproven_list */

	/* Audits: signer NULL for none. */
	const struct keys_secret *signer;	/* Ed25519 */
	const struct keys_public *auditor;	/* X25519, or NULL */
	const char *ledger_path;		/* with a signer: the ledger (batch_prepare) */
	struct audit_ledger *ledger;		/* open and locked, by the caller */
	const char *tool;			/* "tearline 0.1.0" */
	bool fixed_time;			/* every audit records `time` (SOURCE_DATE_EPOCH) */
	time_t time;
	const char *test_seed;			/* TEARLINE_TEST_SEED, or NULL */

	/*
	 * Called once for each document, in input order, from one thread at a time (in a child
	 * process: it may print, but what it changes in memory the caller never sees).
	 */
	void (*done)(void *ctx, const struct batch_event *ev);
	void *ctx;

	/*
	 * Or NULL. Set by the caller's handler of SIGINT, SIGTERM or SIGHUP (installed without
	 * SA_RESTART), which chunk processes inherit: the batch stops between two documents (the
	 * parent passes SIGTERM on to the running chunk's process), and removes every temporary
	 * file; every release written has its audit and ledger entry.
	 */
	volatile sig_atomic_t *interrupted;
};

/* The output paths of a batch, one pair per input; made by batch_prepare. */
struct batch_names {
	char **release;
	char **audit;		/* NULL entries without audits */
	struct batch_earlier *earlier;	/* a release of the same name before the batch */
	size_t n;
};

/* A file at a release's path before the batch: its device and inode. */
struct batch_earlier {
	bool existed;
	dev_t dev;
	ino_t ino;
};

struct batch_result {
	size_t released;	/* documents written */
	size_t failed;		/* documents that failed, each reported through done() */
	size_t skipped;		/* documents not reached because the batch stopped */
	size_t unknown;		/* documents of a chunk whose process died: some may be written */
};

/*
 * Checks a batch before anything is written and names its outputs: every input has a base name
 * (not standard input, not a directory's "." or ".."), no two outputs (releases, audits, the
 * ledger) have the same name, no audit exists already (an audit is never overwritten), and no
 * release would replace its own input. Creates the output directory when it is missing (one
 * level). Returns 0 with names filled (free with batch_names_free), or -1 with err.
 */
int batch_prepare(const struct batch_options *o, char *const *inputs, size_t n,
    struct batch_names *names, char *err, size_t errlen);

/* Frees what batch_prepare made; accepts a zeroed struct. */
void batch_names_free(struct batch_names *names);

/*
 * After a batch that did not release every document: removes each release that an earlier run
 * left at a path this batch did not write (the same file as before it), so that no release of
 * another run, to another target maybe, stands under this run's names. Returns how many, the
 * first's path in first.
 */
size_t batch_remove_earlier(const struct batch_names *names, const char **first);

/*
 * Runs the batch over inputs[0..n) with the names from batch_prepare. Every document is reported
 * through o->done. Returns 0 when every document was released, 1 when some failed, or -1 when the
 * batch had to stop (the sandbox could not be entered, a thread could not start, the ledger could
 * not be written, a chunk's process died): err says why, r->skipped counts the documents not
 * reached and r->unknown those of a chunk whose process died. r is filled in every case. On
 * return o->ledger holds the ledger's new head, except after a chunk's process died (the ledger
 * must then be read again).
 */
int batch_run(const struct batch_options *o, char *const *inputs, size_t n,
    const struct batch_names *names, struct batch_result *r, char *err, size_t errlen);

#endif
