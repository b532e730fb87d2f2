/*
 * libFuzzer target: the policy loader. Any input either loads into a policy whose every rule
 * compiled, or fails with a message; nothing crashes or leaks.
 */
#include <stdint.h>
#include <stdlib.h>

#include "policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[POLICY_ERRLEN];
	struct policy *p = policy_load((const char *)data, size, "fuzz", err, sizeof(err));
	size_t i;

	if (p != NULL) {
		for (i = 0; i < p->nrules; i++)
			if (p->rules[i].code == NULL)
				abort();
	} else if (err[0] == '\0') {
		abort();	/* a failure must say why */
	}
	policy_free(p);
	return 0;
}
