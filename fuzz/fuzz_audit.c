/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the audit reader, with a property. The input is read as an audit and as a
 * ledger (canonical lines, chain, kinds, counts, key id, signature). Besides never crashing,
 * leaking or reading out of bounds, the reader must accept under the fixed key exactly one audit:
 * the one that key signed here, byte for byte. Anything else it accepts would be a forgery.
 * Seed: fuzz/seeds/audit/synthetic.jsonl, that same audit (write it again with
 * `fuzz/build/fuzz_audit -runs=0` and TEARLINE_FUZZ_WRITE_SEED=FILE set).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "audit.h"
#include "keys.h"
#include "verify.h"

static struct keys_secret *signer;
static struct keys_public signer_pub;
static struct audit_log signed_audit;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A synthetic run that does not depend on the policy or the filter, so that it never changes. */
static void
build_signed_audit(void)
{
	static const char in[] = "SECRET\n(S) The plan is to meet at dawn.\n(U) Fine.\n";
	static const char out[] = "UNCLASSIFIED\n(U) [WITHHELD (b)(1)]\n(U) Fine.\n";
	unsigned char seed[32], digest[AUDIT_HASH_BYTES];
	struct audit_record ch[2];
	struct audit_params ap;
	char err[512];
	size_t i;

	for (i = 0; i < sizeof(seed); i++)
		seed[i] = (unsigned char)(1 + i);
	for (i = 0; i < sizeof(digest); i++)
		digest[i] = (unsigned char)i;
	if ((signer = keys_secret_from_seed(KEYS_SIGN, seed)) == NULL)
		abort();
	keys_public_of(signer, &signer_pub);
	memset(ch, 0, sizeof(ch));
	ch[0].kind = AUDIT_REMARKED;
	ch[0].line_first = ch[0].line_last = 1;
	ch[0].in_end = 7;
	ch[0].out_end = 13;
	strcpy(ch[0].marking, "UNCLASSIFIED");
	strcpy(ch[0].rule, "rollup");
	ch[1].kind = AUDIT_WITHHELD;
	ch[1].line_first = ch[1].line_last = 2;
	ch[1].in_start = 7;
	ch[1].in_end = 40;
	ch[1].out_start = 13;
	ch[1].out_end = 35;
	strcpy(ch[1].marking, "SECRET//NOFORN");
	strcpy(ch[1].rule, "level");
	strcpy(ch[1].exemption, "(b)(1)");
	memset(&ap, 0, sizeof(ap));
	ap.tool = "tearline fuzz";
	ap.policy_name = "fuzz-policy";
	ap.policy_digest = digest;
	ap.target = "UNCLASSIFIED";
	ap.mode = MODE_MASK;
	ap.time = 1195568580;
	ap.signer = signer;
	ap.test_seed = "fuzz";
	if (audit_build(&ap, ch, 2, 1, 1, in, strlen(in), out, strlen(out), &signed_audit, err,
	    sizeof(err)) != 0) {
		fprintf(stderr, "fuzz_audit: %s\n", err);
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *seed_file = getenv("TEARLINE_FUZZ_WRITE_SEED");

	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	build_signed_audit();
	if (seed_file != NULL) {
		FILE *fp = fopen(seed_file, "wb");

		if (fp == NULL || fwrite(signed_audit.text, 1, signed_audit.len, fp) !=
		    signed_audit.len || fclose(fp) != 0)
			abort();
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct audit_log log;
	char err[1024];
	enum verify_status st;

	err[0] = '\0';
	st = verify_audit_data("fuzz", (const char *)data, size, &signer_pub, &log, err,
	    sizeof(err));
	if (st == VERIFY_OK) {
		if (size != signed_audit.len || memcmp(data, signed_audit.text, size) != 0) {
			fprintf(stderr, "fuzz_audit: an audit the key never signed verified\n");
			abort();
		}
		if (log.nrecs != signed_audit.nrecs)
			abort();
	} else if (err[0] == '\0') {
		/* Every refusal says why. */
		abort();
	}
	audit_log_free(&log);
	if (verify_ledger_data("fuzz", (const char *)data, size, &signer_pub, &log, err,
	    sizeof(err)) == VERIFY_OK)
		abort();	/* the key signed no ledger entry here */
	audit_log_free(&log);
	return 0;
}
