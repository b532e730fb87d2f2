/* SPDX-License-Identifier: ISC */
/*
 * audit_impl: what the audit's files share, and no other module sees: the domain separation
 * prefixes, the record format's helpers (audit.c) that the reader (audit_read.c), the writer
 * (audit_writer.c) and the ledger (audit_ledger.c) call.
 */
#ifndef TEARLINE_AUDIT_IMPL_H
#define TEARLINE_AUDIT_IMPL_H

#include "audit.h"

#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* A ledger grows by one short line a run; this is room for millions of runs. */
#define LEDGER_MAX ((size_t)1 << 30)

/*
 * Domain separation prefixes. Each array holds the text and its terminating NUL, and sizeof
 * counts both: ds_record is the 25 bytes "tearline-audit-v1\0record\0".
 */
static const char ds_record[] = "tearline-audit-v1\0record";
static const char ds_signature[] = "tearline-audit-v1\0signature";
static const char ds_record_2[] = "tearline-audit-v2\0record";
static const char ds_signature_2[] = "tearline-audit-v2\0signature";
static const char ds_entry[] = "tearline-ledger-v1\0entry";
static const char ds_entry_signature[] = "tearline-ledger-v1\0signature";
static const char ds_seed_secret[] = "tearline-test-seed\0secret";
static const char ds_seed_run[] = "tearline-test-seed\0run";

/*
 * Every line of format 1 and of a ledger ends in ',"hash":"<64 hex>"}'; a signed record's body
 * is followed by this (and in format 2 by "}" alone).
 */
#define HASH_TAIL (sizeof(",\"hash\":\"") - 1 + 2 * AUDIT_HASH_BYTES + 2)
#define SIGNATURE_TAIL (sizeof(",\"signature\":\"") - 1 + 2 * AUDIT_SIGNATURE_BYTES + 1)

/* Copies the string src into dst[size] for field `what`; -1 with err when it does not fit. */
int audit_copy_str(char *dst, size_t size, const char *src, const char *what, char *err,
    size_t errlen);

/*
 * Signs (with a signer) and hashes rec, after the record whose hash is prev in format 2's chain,
 * its line written into buf; -1 with err.
 */
int audit_seal_record(struct audit_record *rec, const struct keys_secret *signer,
    const unsigned char *prev, char *buf, size_t *len, char *err, size_t errlen);

/* Whether every string field of rec is printable ASCII; -1 with err. */
int audit_strings_ok(const struct audit_record *rec, char *err, size_t errlen);

/*
 * Parses one line into rec, checking it is canonical (with `bytes`); -1 with err. A begin
 * record's format gives its version; any other record is read as of `version` (0: none is
 * known, as before an audit's first record).
 */
int audit_parse_record(const char *line, size_t len, bool ledger, bool bytes, int version,
    struct audit_record *rec, char *err, size_t errlen);

/* Format 2's chain: the hash of a record's line after the record whose hash is prev. */
void audit_chain(const unsigned char prev[AUDIT_HASH_BYTES], const char *line, size_t len,
    unsigned char out[AUDIT_HASH_BYTES]);

/* The length of a signed record's body: its line's bytes before ',"signature":'. */
size_t audit_body_len(const struct audit_record *rec, size_t len);

/* Whether records of this kind carry a signature. */
bool audit_is_signed(enum audit_kind kind);

/* The message a signed record's signature is over, into msg; returns its length. */
size_t audit_signature_message(const struct audit_record *rec, const char *body, size_t len,
    unsigned char *msg);

/* Whether s is a time as the audit writes it (YYYY-MM-DDTHH:MM:SSZ). */
bool audit_time_ok(const char *s);

/* Whether rec's values are what its kind allows; -1 with err. */
int audit_check_values(const struct audit_record *rec, char *err, size_t errlen);

#endif
