/* SPDX-License-Identifier: ISC */
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

/*
 * What p decides for one mark and one target, as one line without its newline:
 * "released|withheld RULE READ" (tab-separated; READ is the mark in banner syntax as the policy
 * reads it, or "-" when it cannot be read), "not-a-mark - -", or "refused target MESSAGE" when
 * the target is refused.
 */
void policy_decide(const struct policy *p, const char *target, const char *mark, char *out,
    size_t outlen);

/*
 * The banner of a release that keeps portions of marks[0..n): as policy examples write it
 * (`rollup:`), "unreadable" when a mark is none that could be kept, "unwritable", or the banner
 * followed by " (not read back)" when the policy reads it as another marking.
 */
void policy_rollup(const struct policy *p, char *const *marks, size_t n, char *out,
    size_t outlen);

#endif
