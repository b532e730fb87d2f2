/* SPDX-License-Identifier: ISC */
/*
 * props: properties of the reading that need no oracle (docs/reading.md, "What the tests prove").
 * Shared by the unit test (tests/unit/test_props.c, fixed seeds, in make check), the runner
 * (build/props, many seeds and files) and the libFuzzer target (fuzz/fuzz_reading.c).
 *
 * For a document and a seed, at the targets UNCLASSIFIED, CONFIDENTIAL, SECRET and TOP SECRET:
 *   (a) what is released at each target is within what is released at the next;
 *   (b) damaging a mark (its case, a space, an invisible character, a character dropped, doubled
 *       or replaced, a lost parenthesis, a full-width bracket, a look-alike letter) never releases
 *       a line that was withheld;
 *   (c) inserting a classification signal above the target (a mark, a classification line, a
 *       caption, in many spellings, on a line of its own or inside one) never releases a line
 *       that was withheld;
 *   (d) mask, strip and blackout release the same lines.
 * And at targets ordered by audience (UNCLASSIFIED; REL TO USA, GBR, FRA at CONFIDENTIAL and at
 * SECRET; SECRET//REL TO USA, GBR; SECRET):
 *   (e) what each releases, the next releases too;
 *   (f) a release's banner reads back as itself, and admits none of six probe targets whom a
 *       portion the release keeps excludes;
 *   (g) a release redacted again to its target keeps every line it copied from its source,
 *       under a banner that says the same; redacted again to a target before it, it keeps no
 *       line its source withholds there.
 * A line is released when the release holds it as it was written.
 */
#ifndef TEARLINE_PROPS_H
#define TEARLINE_PROPS_H

#include <stddef.h>
#include <stdint.h>

#include "policy.h"

struct props_stats {
	size_t docs;		/* documents checked */
	size_t renders;		/* releases made and compared */
	size_t damaged;		/* marks damaged (b) */
	size_t inserted;	/* signals inserted (c) */
	size_t skipped;		/* damage that made another valid mark, not a damaged one */
	char *failed;		/* after a failure of (b) or (c): the changed document (the
				 * caller frees it), to look at */
	size_t failed_len;
};

/* A small random generator (splitmix64), so that every seed makes the same documents. */
uint64_t props_next(uint64_t *state);

/*
 * Writes a document made at random from seed: banners, captions, header lines, paragraphs with
 * labels and marks in many spellings (valid, misspelt, in lower or mixed case, unclosed,
 * damaged), wrapped lines, list items, page headers, classification lines; one in four in Latin-1
 * with CRLF. Returns it (freed by the caller) with its length in *len, or NULL (out of memory).
 */
char *props_generate(uint64_t seed, size_t *len);

/*
 * Checks every property on data[0..len) under p, with damage and insertions drawn from seed
 * (`tries` of each). Returns 0, or -1 with a message in err that names the property, the
 * target, the line and the change (never the document's text).
 */
int props_check(const struct policy *p, const char *data, size_t len, uint64_t seed,
    unsigned tries, struct props_stats *st, char *err, size_t errlen);

#endif
