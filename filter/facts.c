/* SPDX-License-Identifier: ISC */
/*
 * facts: a 32-bit value for each of a growing sequence, in blocks that keep few values small.
 */
#include "facts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

uint32_t
facts_get(const struct facts *f, size_t k)
{
	const struct facts_block *b = &f->blocks[k / FACTS_BLOCK];
	size_t j = k % FACTS_BLOCK;

	if (b->all != NULL)
		return b->all[j];
	return b->v[(b->pick >> j) & 1];
}

/* The entries of block nb that hold a value, as a mask. */
static uint64_t
held(const struct facts *f, size_t nb)
{
	size_t m = f->n - nb * FACTS_BLOCK;

	return m >= FACTS_BLOCK ? ~(uint64_t)0 : ((uint64_t)1 << m) - 1;
}

/* Makes block b, which keeps every value, compact again when its entries `mask` hold two. */
static void
compact(struct facts *f, struct facts_block *b, uint64_t mask)
{
	uint32_t v0 = b->all[0], v1 = b->all[0];
	uint64_t pick = 0;
	bool two = false;
	size_t j;

	for (j = 1; j < FACTS_BLOCK; j++) {
		if (!((mask >> j) & 1) || b->all[j] == v0)
			continue;
		if (two && b->all[j] != v1)
			return;
		v1 = b->all[j];
		two = true;
		pick |= (uint64_t)1 << j;
	}
	free(b->all);
	b->all = NULL;
	b->v[0] = v0;
	b->v[1] = v1;
	b->pick = pick;
	f->expanded--;
}

/*
 * A compact block (at most two values, v[0] and v[1], the same twice when there is one, and
 * then pick is 0) takes a value v at entry j: in a slot its value has, or in one no other entry
 * uses; else the block keeps every value. Returns 0, or -1 (out of memory, b unchanged).
 */
static int
put(struct facts *f, struct facts_block *b, size_t j, uint64_t others, uint32_t v)
{
	uint64_t bit = (uint64_t)1 << j;
	uint32_t *all;
	size_t i;

	if (v == b->v[0]) {
		b->pick &= ~bit;
	} else if (v == b->v[1]) {
		b->pick |= bit;
	} else if ((b->pick & others) == 0) {
		b->v[1] = v;
		b->pick |= bit;
	} else if ((~b->pick & others) == 0) {
		b->v[0] = v;
		b->pick &= ~bit;
	} else {
		if ((all = malloc(FACTS_BLOCK * sizeof(*all))) == NULL)
			return -1;
		for (i = 0; i < FACTS_BLOCK; i++)
			all[i] = b->v[(b->pick >> i) & 1];
		all[j] = v;
		b->all = all;
		f->expanded++;
	}
	return 0;
}

int
facts_set(struct facts *f, size_t k, uint32_t v)
{
	size_t nb = k / FACTS_BLOCK, j = k % FACTS_BLOCK;
	struct facts_block *b;
	bool append = k == f->n;

	if (k > f->n)
		return -1;
	if (append && j == 0) {
		if (nb == f->cap) {
			size_t ncap = f->cap == 0 ? 16 : 2 * f->cap;
			struct facts_block *bigger;

			if ((bigger = realloc(f->blocks, ncap * sizeof(*bigger))) == NULL)
				return -1;
			f->blocks = bigger;
			f->cap = ncap;
		}
		b = &f->blocks[nb];
		b->pick = 0;
		b->v[0] = b->v[1] = v;
		b->all = NULL;
		f->n++;
		return 0;
	}
	b = &f->blocks[nb];
	if (b->all != NULL) {
		b->all[j] = v;
	} else if (put(f, b, j, held(f, nb) & ~((uint64_t)1 << j), v) != 0) {
		return -1;
	}
	if (append)
		f->n++;
	/* A block that was rewritten end to end (settle_markings) may hold two values again. */
	if (b->all != NULL && (j == 0 || j == FACTS_BLOCK - 1 || (!append && k + 1 == f->n)))
		compact(f, b, held(f, nb));
	return 0;
}

size_t
facts_bytes(const struct facts *f)
{
	return f->cap * sizeof(*f->blocks) + f->expanded * FACTS_BLOCK * sizeof(uint32_t);
}

void
facts_free(struct facts *f)
{
	size_t nb;

	if (f == NULL)
		return;
	for (nb = 0; nb * FACTS_BLOCK < f->n; nb++)
		free(f->blocks[nb].all);
	free(f->blocks);
	memset(f, 0, sizeof(*f));
}
