/* SPDX-License-Identifier: ISC */
/*
 * audit: the signed hash chain that records a redaction run, and the office ledger of runs.
 *
 * An audit is a file of JSON Lines: a begin record, one record per change the filter made, in
 * document order (a run of withheld portions under one marking, rule and exemption, with only
 * blank lines between them, is one change), and an end record signed with Ed25519. Each line is
 * the canonical JSON of one record: its fields in the fixed order of its kind (see the field
 * tables in audit.c and docs/audit-format.md), compact, integers only, hex in lower case, no
 * duplicate keys. Every record carries its sequence number. The records are chained without
 * writing the chain: record k's hash is BLAKE2b-256 of a domain-separation prefix, record k-1's
 * hash and record k's line; the end record names the hash of the record before it ("head"), and
 * its own hash is the run's head. (The first format, tearline-audit-1, which verify still reads,
 * wrote every record's "prev" and "hash" in its line, and a record a portion.)
 *
 * Nothing withheld is written in the clear or hashed without a key: each change record commits to
 * the removed bytes with BLAKE2b-256 keyed by a subkey (crypto_kdf, context "tlaudit1", subkey id
 * the record's seq) of a per-run secret. The secret is sealed to an auditor's X25519 key when one
 * is given, and wiped at the end of the run in every case.
 *
 * A ledger is a file of the same form whose records (kind "run") each name a run's signed head;
 * every run's begin record names the ledger's head before it.
 */
#ifndef TEARLINE_AUDIT_H
#define TEARLINE_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "document.h"
#include "keys.h"
#include "policy.h"
#include "redact.h"

#define AUDIT_FORMAT "tearline-audit-2"	/* what the writer writes */
#define AUDIT_FORMAT_1 "tearline-audit-1"	/* read by verify still */
#define AUDIT_HASH_BYTES 32
#define AUDIT_RUN_BYTES 16
#define AUDIT_SECRET_BYTES 32
#define AUDIT_SEALED_BYTES (AUDIT_SECRET_BYTES + 48)	/* crypto_box_SEALBYTES */
#define AUDIT_SIGNATURE_BYTES 64
#define AUDIT_LINE_MAX 8192		/* no canonical record comes near this */
#define AUDIT_KDF_CONTEXT "tlaudit1"

enum audit_kind {
	AUDIT_BEGIN,
	AUDIT_WITHHELD,		/* a portion was withheld */
	AUDIT_REMARKED,		/* a banner, routing line or kept portion's mark was re-marked */
	AUDIT_CAPTION,		/* a caption line was removed or rewritten */
	AUDIT_AUTHORITY,	/* an authority or declassification line was removed or rewritten */
	AUDIT_END,
	AUDIT_RUN		/* a ledger entry */
};

/*
 * One record of an audit or a ledger. Which fields a record has depends on its kind; the others
 * stay zero. Strings are NUL-terminated; hex fields are held as bytes.
 */
struct audit_record {
	enum audit_kind kind;
	int version;		/* of the audit's format: 1 or 2 (a ledger entry: 1) */
	uint64_t seq;
	unsigned char prev[AUDIT_HASH_BYTES];	/* format 1 and ledger entries */

	/* begin */
	char format[32];
	char tool[64];
	unsigned char run[AUDIT_RUN_BYTES];
	char time[32];				/* "2007-11-20T14:23:00Z" */
	char policy[128];
	unsigned char policy_digest[AUDIT_HASH_BYTES];
	char target[256];
	char mode[16];
	uint64_t input_length;
	unsigned char input_digest[AUDIT_HASH_BYTES];	/* keyed with subkey 0 */
	char run_secret[16];			/* "random", or "test-seed" (not secret) */
	bool sealed;				/* the next two are present */
	unsigned char auditor_key_id[KEYS_ID_BYTES];
	unsigned char sealed_secret[AUDIT_SEALED_BYTES];
	unsigned char ledger_prev[AUDIT_HASH_BYTES];

	/* withheld, remarked, caption, authority */
	uint64_t line_first, line_last;		/* 1-based source lines */
	uint64_t in_start, in_end;		/* bytes of the original */
	uint64_t out_start, out_end;		/* bytes of the release */
	char marking[1024];
	char rule[32];
	char exemption[64];
	unsigned char commitment[AUDIT_HASH_BYTES];

	/* end */
	unsigned char head[AUDIT_HASH_BYTES];	/* format 2: the hash of the record before */
	uint64_t changes, withheld, remarked, captions, authority;
	uint64_t portions_released, portions_withheld;
	uint64_t output_length;
	unsigned char output_digest[AUDIT_HASH_BYTES];	/* unkeyed: the release is public */
	unsigned char key_id[KEYS_ID_BYTES];		/* also in a ledger entry */
	unsigned char signature[AUDIT_SIGNATURE_BYTES];	/* also in a ledger entry */

	/* ledger entry (run, time, output_digest, key_id and signature above) */
	unsigned char audit_head[AUDIT_HASH_BYTES];	/* the hash of the run's end record */

	/* Written in the line (format 1, ledger entries), or the chain's (format 2: see above). */
	unsigned char hash[AUDIT_HASH_BYTES];

	/* Where its line lies in the text it was read from or built into; what the signature covers. */
	size_t line_off, line_len, body_len;
	const char *line;	/* its line, while a reader's callback runs (then gone) */
};

/* A whole audit or ledger: its records and, when built here, its text. */
struct audit_log {
	struct audit_record *recs;
	size_t nrecs, cap;
	char *text;	/* every line with its "\n"; NULL for a log that was read */
	size_t len;
};

/*
 * Adds a copy of rec to log->recs, growing it. An audit_read_each callback (ctx is the log).
 * Returns 0, or -1 with err (out of memory).
 */
int audit_log_keep(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen);

/* What a run's begin record says, and who signs it. */
struct audit_params {
	const char *tool;			/* "tearline 0.1.0" */
	const char *policy_name;
	const unsigned char *policy_digest;	/* AUDIT_HASH_BYTES */
	const char *target;			/* as given on the command line */
	enum redact_mode mode;
	time_t time;
	const struct keys_secret *signer;	/* an Ed25519 key */
	const struct keys_public *auditor;	/* an X25519 key, or NULL */
	const unsigned char *ledger_prev;	/* the ledger's head, or NULL for none */
	/*
	 * For tests only: derive the run id and run secret from this string, so that audits are
	 * reproducible. The begin record then says run_secret "test-seed": nothing is hidden.
	 */
	const char *test_seed;
	/*
	 * Where the run secret is kept: AUDIT_SECRET_BYTES of the caller's sodium_malloc memory,
	 * which audit_writer_free wipes but does not free (a batch holds one region for a chunk's
	 * documents: sodium_malloc and sodium_free cost tens of microseconds each). NULL: the
	 * writer allocates its own.
	 */
	unsigned char *secret;
};

/*
 * Zeroes ap and fills what every run's begin record takes from its policy, target, mode and keys;
 * the caller adds the time and, as it has them, the ledger's head, a test seed, a secret's slot.
 */
void audit_params_init(struct audit_params *ap, const char *tool, const struct policy *p,
    const char *target, enum redact_mode mode, const struct keys_secret *signer,
    const struct keys_public *auditor);

/* "begin", "withheld", ... */
const char *audit_kind_name(enum audit_kind kind);

/* Where audit_change_next is in the changes of a redaction; zero it before the first call. */
struct audit_change_iter {
	/*
	 * The original, to join each run of withheld portions into one record as the writer
	 * does; NULL: a record a change.
	 */
	const char *in;
	size_t next;				/* the change to turn next */
	char rollup[1024];			/* the release's marking */
	const struct marking *last;		/* the marking whose text rec holds */
	const struct audit_record *rec;
};

/*
 * Turns the next change of a redaction (with it->in, the next run of changes that the writer
 * joins) into a change record in rec (kind, lines, spans, marking, rule, exemption; no seq,
 * prev, commitment or hash), one at a time: what audit_changes does for all at once, without
 * holding them. Returns 0, or -1 with err.
 */
int audit_change_next(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_change_iter *it, struct audit_record *rec,
    char *err, size_t errlen);

/*
 * How many change records the changes of a redaction make: with the original in[], as the
 * writer joins them; with NULL, one a change.
 */
size_t audit_change_records(const struct document *d, const struct redact_result *res,
    const char *in);

/*
 * Turns all the changes of a redaction into change records at once, through audit_change_next
 * (which the writer and verify use one at a time). For tests, which look at the records: returns
 * 0 with an array the caller frees with free(), or -1 with err.
 */
int audit_changes(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_record **out, size_t *n, char *err,
    size_t errlen);

/*
 * Builds the audit of one run in memory through a writer without a helper: begin, the nchanges
 * change records, end; commits to the removed bytes of in[], digests out[], chains and signs.
 * For tests and the fuzzer, which need the records and the text (tearline itself writes with
 * audit_writer_*). Returns 0 with log filled (the caller frees it with audit_log_free), or -1
 * with err. The run secret is wiped before return.
 */
int audit_build(const struct audit_params *ap, const struct audit_record *changes,
    size_t nchanges, size_t portions_released, size_t portions_withheld, const char *in,
    size_t in_len, const char *out, size_t out_len, struct audit_log *log, char *err,
    size_t errlen);

/*
 * The writer of one run's audit: records made, chained and written to a sink one at a time, so
 * that writing an audit needs a few kilobytes besides 32 bytes a change.
 */
struct audit_writer;

/*
 * Starts the audit of a run over in[0..in_len) (which must outlive the writer), its lines to go
 * to sink. Makes the run id and secret and the begin record. With `helper`, a second thread
 * computes the keyed input digest at once, while the caller parses, and later shares the
 * commitments; it enters the sandbox itself when `sandbox` is set, so call this before the
 * calling thread does. Returns 0 with *w (free with audit_writer_free), or -1 with err.
 */
int audit_writer_new(struct audit_writer **w, const struct audit_params *ap, const char *in,
    size_t in_len, const struct redact_sink *sink, bool helper, bool sandbox, char *err,
    size_t errlen);

/* Adds n bytes of the release, in order, to the output digest of the end record. */
void audit_writer_output(struct audit_writer *w, const void *buf, size_t n);

/*
 * Makes every commitment of res's changes now, in the calling thread, for audit_writer_changes
 * to use: a batch's worker prepares its document's audit, and the committer, which must chain
 * the audits one after another, is left only the chain and the signature. Not with a helper.
 * Returns 0, or -1 with err.
 */
int audit_writer_prepare(struct audit_writer *w, const struct document *d,
    const struct redact_result *res, char *err, size_t errlen);

/*
 * Sets the ledger head the begin record names, when it is known only after the writer was made
 * (a batch's committer). Returns 0, or -1 when the begin record is written already.
 */
int audit_writer_ledger_prev(struct audit_writer *w, const unsigned char *head);

/*
 * Writes the begin record and one record for each change of res, in order, with its commitment.
 * Returns 0, or -1 with err (a record the reader would refuse, or the sink failed).
 */
int audit_writer_changes(struct audit_writer *w, const struct policy *p, const struct document *d,
    const struct redact_result *res, char *err, size_t errlen);

/*
 * Writes the record of change c of res as the renderer makes it (after the begin record, for
 * the first), instead of audit_writer_changes: for a release whose changes are not kept
 * (redact_stream_read with a change sink). The changes come in order; nothing may be prepared.
 * Returns 0, or -1 with err.
 */
int audit_writer_change(struct audit_writer *w, const struct policy *p, const struct document *d,
    const struct redact_result *res, const struct redact_change *c, char *err, size_t errlen);

/*
 * Writes the signed end record over a release of out_len bytes (given to audit_writer_output).
 * Returns 0, or -1 with err.
 */
int audit_writer_end(struct audit_writer *w, size_t portions_released, size_t portions_withheld,
    size_t out_len, char *err, size_t errlen);

/*
 * The begin and end records of a finished audit, as a two-record log for audit_ledger_append;
 * it points into w, and is not freed.
 */
void audit_writer_head(const struct audit_writer *w, struct audit_log *head);

/* Stops the helper, wipes the run secret and frees the writer; accepts NULL. */
void audit_writer_free(struct audit_writer *w);

/*
 * Parses one line (without its "\n") as a record of an audit (ledger false) or a ledger: checks
 * that it is canonical, that its values are well-formed and that its hash field is its hash.
 * Returns 0 with rec filled, or -1 with a message naming the field in err.
 */
int audit_record_parse(const char *line, size_t len, bool ledger, struct audit_record *rec,
    char *err, size_t errlen);

/*
 * Reads a whole audit or ledger from data[0..len): every line canonical and newline-terminated,
 * seq counting from 0, every prev the hash of the record before (zero for the first). `name`
 * prefixes messages ("audit.jsonl:3: field ..."). Returns 0 with log->recs filled (free with
 * audit_log_free), or -1 with err. Says nothing about kinds, counts or signatures.
 */
int audit_read(const char *name, const char *data, size_t len, bool ledger,
    struct audit_log *log, char *err, size_t errlen);

/*
 * Reads an audit or ledger as audit_read does (every line canonical and newline-terminated, seq
 * counting from 0, every prev the hash of the record before), without keeping the records: each,
 * with its line number, goes to fn as it is read, which returns 0 to go on, or -1 with err to
 * stop. With `again`, for a text read and checked before in the same buffer, the lines' bytes
 * (canonical form, hash) are not checked a second time; the chain still is. Returns 0, or -1
 * with err.
 */
int audit_read_each(const char *name, const char *data, size_t len, bool ledger, bool again,
    int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen), void *ctx, char *err, size_t errlen);

/*
 * As audit_read_each, from the start of the regular file open at fd, a chunk at a time: memory
 * is a few chunks whatever the file's size. Every line's bytes are checked on every read (the
 * file may have changed since the last). A line longer than AUDIT_LINE_MAX is no record.
 */
int audit_read_fd(const char *name, int fd, bool ledger,
    int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen), void *ctx, char *err, size_t errlen);

/*
 * Checks a signed record's signature (an end record or a ledger entry) under pk, given the line
 * it was read from. Returns 0 when it verifies, -1 otherwise.
 */
int audit_verify_signature(const struct audit_record *rec, const char *line,
    const unsigned char pk[KEYS_PUBLIC_BYTES]);

/*
 * Opens the run secret sealed in a begin record with the auditor's X25519 key, into secret
 * (AUDIT_SECRET_BYTES, which the caller should hold in sodium_malloc memory). Returns 0, or -1
 * with err.
 */
int audit_open_secret(const struct audit_record *begin, const struct keys_secret *auditor,
    unsigned char *secret, char *err, size_t errlen);

/*
 * The keyed digest that record `seq` makes of data[0..len) under a run secret: BLAKE2b-256 keyed
 * with crypto_kdf subkey `seq` (context AUDIT_KDF_CONTEXT). Seq 0 is the begin record's input
 * digest; seq k >= 1 the commitment of change record k.
 */
void audit_commitment(const unsigned char *secret, uint64_t seq, const char *data, size_t len,
    unsigned char out[AUDIT_HASH_BYTES]);

/* Frees a log's records and text; accepts a zeroed log. */
void audit_log_free(struct audit_log *log);

/* An office ledger opened for one run: locked from open to close. */
struct audit_ledger {
	int fd;
	char *path;
	unsigned char head[AUDIT_HASH_BYTES];	/* the last entry's hash, zero when empty */
	uint64_t nentries;
	bool created;		/* this run created the file */
	int64_t before;		/* its size before the last append, or -1 */
	unsigned char head_before[AUDIT_HASH_BYTES];
};

/*
 * Takes back the last append, when what it recorded did not happen after all (a release that
 * could not be renamed into place). Returns 0, or -1 with err.
 */
int audit_ledger_undo(struct audit_ledger *l, char *err, size_t errlen);

/*
 * Opens (creating it if need be) and locks the ledger at path, reads it and checks its chain.
 * Returns 0, or -1 with err (the ledger cannot be read, or is damaged). Close with
 * audit_ledger_close.
 */
int audit_ledger_open(struct audit_ledger *l, const char *path, char *err, size_t errlen);

/*
 * Appends the signed head of the run in log to the ledger, synced. Returns 0, or -1 with err and
 * the ledger as it was.
 */
int audit_ledger_append(struct audit_ledger *l, const struct keys_secret *signer,
    const struct audit_log *log, char *err, size_t errlen);

/* Unlocks and closes a ledger; accepts a ledger that failed to open. */
void audit_ledger_close(struct audit_ledger *l);

#endif
