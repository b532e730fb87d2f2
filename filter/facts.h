/* SPDX-License-Identifier: ISC */
/*
 * facts: a 32-bit value for each of a growing sequence (what the reader keeps of every portion),
 * held in blocks of FACTS_BLOCK values. A block of at most two distinct values, as nearly every
 * block of a document is (a run of portions that read alike), takes 24 bytes; one of more keeps
 * each value. So a document of a million tiny portions keeps them in a few hundred KiB.
 */
#ifndef TEARLINE_FACTS_H
#define TEARLINE_FACTS_H

#include <stddef.h>
#include <stdint.h>

#define FACTS_BLOCK 64

struct facts_block {
	uint64_t pick;		/* while `all` is NULL: bit j set when value j is v[1] */
	uint32_t v[2];		/* ... the block's values (the same twice when it has one) */
	uint32_t *all;		/* with more than two: every value of the block, else NULL */
};

struct facts {
	struct facts_block *blocks;
	size_t n;		/* values held */
	size_t cap;		/* blocks allocated */
	size_t expanded;	/* blocks that keep every value (`all`) */
};

/* Value k (k < f->n). */
uint32_t facts_get(const struct facts *f, size_t k);

/*
 * Sets value k to v: k < f->n replaces one, k == f->n appends. Returns 0, or -1 (out of memory,
 * f unchanged).
 */
int facts_set(struct facts *f, size_t k, uint32_t v);

/* The bytes f holds, with its allocations (tests). */
size_t facts_bytes(const struct facts *f);

/* Frees what f holds and empties it; f itself is the caller's. Accepts NULL. */
void facts_free(struct facts *f);

#endif
