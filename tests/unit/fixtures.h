/* SPDX-License-Identifier: ISC */
/*
 * fixtures: what several unit tests share. Static inline, so that a test that uses only part of
 * it gets no warning for the rest. Include it after cmocka.h and the modules' headers it needs
 * (policy.h; keys.h for the keys; audit.h for the redaction and audit parts).
 */
#ifndef TEARLINE_TEST_FIXTURES_H
#define TEARLINE_TEST_FIXTURES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The project's seed cable, from the top of the tree (where tests run). */
#define FIXTURE_SEED "samples/07MUSCAT1065.txt"

/* A small cable: a spaced banner, a caption, one SECRET//NOFORN portion, one released one. */
#define FIXTURE_CABLE \
    "S E C R E T SECTION 01 OF 01 MUSCAT 001065\n" \
    "\n" \
    "NOFORN\n" \
    "\n" \
    "SUBJECT: (U) TALKS\n" \
    "\n" \
    "1. (S/NF) The plan is to meet at the old harbour at dawn.\n" \
    "\n" \
    "2. (U) The weather was fine.\n" \
    "\n" \
    "S E C R E T\n"

/* cmocka setup: the compiled-in policy in *state. */
static inline int
fixture_policy_setup(void **state)
{
	char err[POLICY_ERRLEN];
	struct policy *p = policy_load_default(err, sizeof(err));

	if (p == NULL) {
		fprintf(stderr, "policy_load_default: %s\n", err);
		return -1;
	}
	*state = p;
	return 0;
}

/* cmocka teardown of fixture_policy_setup. */
static inline int
fixture_policy_teardown(void **state)
{
	policy_free(*state);
	return 0;
}

#ifdef TEARLINE_KEYS_H
/*
 * A key pair made from a fixed seed (bytes first, first + 1, ...): the same key, and so the
 * same key id, in every run, so that audits are golden.
 */
static inline struct keys_secret *
fixture_key(enum keys_kind kind, unsigned char first)
{
	unsigned char seed[32];
	size_t i;

	for (i = 0; i < sizeof(seed); i++)
		seed[i] = (unsigned char)(first + i);
	return keys_secret_from_seed(kind, seed);
}
#endif

#ifdef TEARLINE_AUDIT_H
/*
 * Redacts text to UNCLASSIFIED in mask mode under the compiled-in policy and turns its changes
 * into change records: what the audit tests build audits of. Free with fixture_redact_free.
 * Returns 0, or -1 having said why.
 */
static inline int
fixture_redact(const char *text, struct policy **p, struct document *d,
    struct redact_result *res, struct audit_record **changes, size_t *nchanges)
{
	struct marking target;
	char err[512];

	if ((*p = policy_load_default(err, sizeof(err))) == NULL ||
	    marking_parse_target(*p, "UNCLASSIFIED", &target, err, sizeof(err)) != 0 ||
	    document_parse(*p, text, strlen(text), "doc", d, err, sizeof(err)) != 0 ||
	    redact_run(*p, d, &target, MODE_MASK, res, err, sizeof(err)) != 0 ||
	    audit_changes(*p, d, res, changes, nchanges, err, sizeof(err)) != 0) {
		fprintf(stderr, "fixture_redact: %s\n", err);
		return -1;
	}
	return 0;
}

/* Frees what fixture_redact made; accepts what it left half made. */
static inline void
fixture_redact_free(struct policy *p, struct document *d, struct redact_result *res,
    struct audit_record *changes)
{
	free(changes);
	redact_result_free(res);
	document_free(d);
	policy_free(p);
}

/* The parameters of a test audit of such a run: tool "tearline test", 2007-11-20T14:23:00Z. */
static inline void
fixture_params(struct audit_params *ap, const struct policy *p, const struct keys_secret *signer,
    const struct keys_public *auditor)
{
	audit_params_init(ap, "tearline test", p, "UNCLASSIFIED", MODE_MASK, signer, auditor);
	ap->time = 1195568580;
}
#endif

#endif
