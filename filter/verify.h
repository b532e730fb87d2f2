/* SPDX-License-Identifier: ISC */
/*
 * verify: checking an audit, the release it speaks of, the original it came from, and the office
 * ledger. Every check that fails names the file, the line (the record) and the field.
 */
#ifndef TEARLINE_VERIFY_H
#define TEARLINE_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "audit.h"
#include "keys.h"

enum verify_status {
	VERIFY_OK = 0,		/* everything asked for was checked and holds */
	VERIFY_FAIL = 1,	/* something does not verify */
	VERIFY_ERROR = 2	/* a check could not be made: a file cannot be read, no policy */
};

struct verify_request {
	const char *audit;			/* the audit, or NULL to check only a ledger */
	const char *output;			/* the release the audit speaks of (with audit) */
	const char *original;			/* or NULL: redact it again and compare */
	const char *policy;			/* or NULL: the policy the audit names */
	const char *ledger;			/* or NULL */
	const struct keys_public *signer;	/* Ed25519 */
	const struct keys_secret *auditor;	/* X25519, or NULL; needs original */
	size_t max_document;			/* the size limit of every file read */
};

/* What was checked, for the caller's report. */
struct verify_result {
	char run[2 * AUDIT_RUN_BYTES + 1];
	char key_id[KEYS_ID_HEX];
	size_t changes, withheld;
	bool original;		/* the original was redacted again and matched */
	bool commitments;	/* the input digest and every commitment were opened and matched */
	bool test_seed;		/* the run secret came from a test seed: it hides nothing */
	size_t ledger_entries;
	bool in_ledger;		/* the audit's run is in the ledger, in its place */
};

/*
 * Runs every check that rq asks for: the audit's chain, signature and counts; the output's length
 * and digest; with an original, a second redaction that must give the same release and the same
 * changes; with an auditor key, the input digest and every commitment; with a ledger, its chain
 * and signatures, and the audit's place in it. Returns VERIFY_OK with vr filled, or VERIFY_FAIL
 * or VERIFY_ERROR with the first failure in err.
 */
enum verify_status verify_run(const struct verify_request *rq, struct verify_result *vr,
    char *err, size_t errlen);

/*
 * The audit reader's checks on data[0..len) alone: canonical lines, chain, record kinds in order,
 * counts and spans, key id and signature under signer. Returns VERIFY_OK with the records in log
 * (the caller frees it with audit_log_free), or VERIFY_FAIL with err and log empty.
 */
enum verify_status verify_audit_data(const char *name, const char *data, size_t len,
    const struct keys_public *signer, struct audit_log *log, char *err, size_t errlen);

/*
 * The same for a ledger: canonical lines, chain, and every entry's key id and signature. Returns
 * as verify_audit_data does.
 */
enum verify_status verify_ledger_data(const char *name, const char *data, size_t len,
    const struct keys_public *signer, struct audit_log *log, char *err, size_t errlen);

#endif
