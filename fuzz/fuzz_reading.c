/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the reading's properties (tests/props/props.h) on the fuzzer's document. The
 * input is the document itself; the damage and insertions are drawn from a seed made of its
 * bytes. A document that breaks a property ((a) nested releases by target, (b) damage to a mark,
 * (c) an inserted signal, (d) the three modes) aborts, with the property and line named.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "props.h"
#include "textio.h"

static struct policy *pol;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];

	(void)argc;
	(void)argv;
	if ((pol = policy_load_default(err, sizeof(err))) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct props_stats st;
	char err[1024], *doc;
	uint64_t seed = 1469598103934665603ull;
	size_t i;

	if (size > 16384)
		return 0;
	for (i = 0; i < size; i++)
		seed = (seed ^ data[i]) * 1099511628211ull;
	/* Documents are followed by TEXT_PAD zero bytes, as textio reads them. */
	if ((doc = calloc(1, size + TEXT_PAD)) == NULL)
		abort();
	memcpy(doc, data, size);
	memset(&st, 0, sizeof(st));
	if (props_check(pol, doc, size, seed, 4, &st, err, sizeof(err)) != 0 &&
	    strstr(err, "out of memory") == NULL) {
		fprintf(stderr, "property broken: %s\n", err);
		abort();
	}
	free(st.failed);
	free(doc);
	return 0;
}
