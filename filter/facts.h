/* SPDX-License-Identifier: ISC */
/*
 * facts: a 32-bit value for each of a growing sequence (what the reader keeps of every portion),
 * held in blocks of FACTS_BLOCK values. A block of at most two distinct values, as nearly every
 * block of a document is (a run of portions that read alike), takes 32 bytes; one of three or
 * four (a list of short items: the paragraph, its marked items, the unmarked ones) 32 bytes more;
 * one of more keeps each value. So a document of a million tiny portions keeps them in a few
 * hundred KiB.
 */
#ifndef TEARLINE_FACTS_H
#define TEARLINE_FACTS_H

#include <stddef.h>
#include <stdint.h>

#define FACTS_BLOCK 64
#define FACTS_PALETTE 4

/* The values of a block of three or four, and the slot of each entry. */
struct facts_palette {
	uint32_t v[FACTS_PALETTE];
	uint64_t bit[2];	/* entry j's slot: bit j of bit[0], and twice bit j of bit[1] */
};

struct facts_block {
	uint64_t pick;		/* with neither below: bit j set when value j is v[1] */
	uint32_t v[2];		/* ... the block's values (the same twice when it has one) */
	struct facts_palette *pal;	/* with three or four values, else NULL */
	uint32_t *all;		/* with more: every value of the block, else NULL */
};

struct facts {
	struct facts_block *blocks;
	size_t n;		/* values held */
	size_t cap;		/* blocks allocated */
	size_t paletted;	/* blocks that keep a palette (`pal`) */
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
