/*
 * policy_test: runs the examples a policy carries (its `tests:` list) against the policy itself,
 * so that every shipped policy proves its own marks, targets and layout.
 */
#ifndef TEARLINE_POLICY_TEST_H
#define TEARLINE_POLICY_TEST_H

#include <stddef.h>
#include <stdio.h>

#include "policy.h"

/*
 * Runs every example of p. Writes one line per failing example to fp ("ORIGIN:LINE: ..."), or
 * with `verbose` one per example. Returns the number of failures, or -1 with err (out of memory).
 * Sets *total to the number of examples.
 */
int policy_test_run(const struct policy *p, const char *origin, FILE *fp, int verbose,
    size_t *total, char *err, size_t errlen);

#endif
