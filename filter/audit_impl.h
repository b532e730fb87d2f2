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
static const char ds_entry[] = "tearline-ledger-v1\0entry";
static const char ds_entry_signature[] = "tearline-ledger-v1\0signature";
static const char ds_seed_secret[] = "tearline-test-seed\0secret";
static const char ds_seed_run[] = "tearline-test-seed\0run";

/* Every line ends in ',"hash":"<64 hex>"}'; a signed record's body is followed by this. */
#define HASH_TAIL (sizeof(",\"hash\":\"") - 1 + 2 * AUDIT_HASH_BYTES + 2)
#define SIGNATURE_TAIL (sizeof(",\"signature\":\"") - 1 + 2 * AUDIT_SIGNATURE_BYTES + 1)

/* Copies the string src into dst[size] for field `what`; -1 with err when it does not fit. */
int audit_copy_str(char *dst, size_t size, const char *src, const char *what, char *err,
    size_t errlen);

/* Chains, hashes (and with a signer signs) rec, its line written into buf; -1 with err. */
int audit_seal_record(struct audit_record *rec, const struct keys_secret *signer, char *buf,
    size_t *len, char *err, size_t errlen);

/* Whether every string field of rec is printable ASCII; -1 with err. */
int audit_strings_ok(const struct audit_record *rec, char *err, size_t errlen);

/* Parses one line into rec, checking it is canonical (with `bytes`); -1 with err. */
int audit_parse_record(const char *line, size_t len, bool ledger, bool bytes,
    struct audit_record *rec, char *err, size_t errlen);

/* Whether records of this kind carry a signature. */
bool audit_is_signed(enum audit_kind kind);

/* The message a signed record's signature is over, into msg; returns its length. */
size_t audit_signature_message(enum audit_kind kind, const char *body, size_t len,
    unsigned char *msg);

/* Whether s is a time as the audit writes it (YYYY-MM-DDTHH:MM:SSZ). */
bool audit_time_ok(const char *s);

/* Whether rec's values are what its kind allows; -1 with err. */
int audit_check_values(const struct audit_record *rec, char *err, size_t errlen);

#endif
