/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the marking grammar. Parses the input as a portion mark and as a banner
 * marking, decides it against fixed targets, and formats it; checks that an unknown marking is
 * never released.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "marking.h"
#include "policy.h"

static struct policy *pol;
static struct marking targets[4];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const names[4] = { "UNCLASSIFIED", "CONFIDENTIAL", "TOP SECRET//SI",
		"SECRET//REL TO USA, GBR" };
	char err[512];
	int i;

	(void)argc;
	(void)argv;
	if ((pol = policy_load_default(err, sizeof(err))) == NULL)
		abort();
	for (i = 0; i < 4; i++)
		if (marking_parse_target(pol, names[i], &targets[i], err, sizeof(err)) != 0)
			abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum marking_syntax syn;

	for (syn = MARKING_PORTION; syn <= MARKING_BANNER; syn++) {
		struct marking m, j;
		char why[160], buf[1024];
		const char *ex;
		int i;

		if (marking_parse(pol, (const char *)data, size, syn, &m) != 1)
			continue;
		for (i = 0; i < 4; i++) {
			enum marking_rule r = marking_decide(pol, &m, &targets[i], why, sizeof(why),
			    &ex);

			if (m.unknown && r == RULE_RELEASED)
				abort();
			if (m.level > targets[i].level && r == RULE_RELEASED)
				abort();
		}
		marking_join(pol, &m, &targets[1], &j);
		if (j.level < m.level)
			abort();
		if (!m.unknown)
			(void)marking_format(pol, &m, NULL, true, buf, sizeof(buf));
	}
	return 0;
}
