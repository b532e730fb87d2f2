/* SPDX-License-Identifier: ISC */
/*
 * facts: a 32-bit value for each of a growing sequence, in blocks that keep few values small.
 *
 * A block has one of three forms, the smallest that holds its values: compact (two values and a
 * bit an entry), a palette (four values and two bits an entry) or every value. A value that the
 * form cannot take moves the block to a larger one; a block rewritten end to end, as settling
 * rewrites, is made as small as its values allow again.
 */
#include "facts.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Entry j's slot in palette q. */
static unsigned
slot(const struct facts_palette *q, size_t j)
{
	return (unsigned)((q->bit[0] >> j) & 1) | (unsigned)((q->bit[1] >> j) & 1) << 1;
}

static void
set_slot(struct facts_palette *q, size_t j, unsigned s)
{
	uint64_t bit = (uint64_t)1 << j;

	q->bit[0] = (s & 1) ? q->bit[0] | bit : q->bit[0] & ~bit;
	q->bit[1] = (s & 2) ? q->bit[1] | bit : q->bit[1] & ~bit;
}

/* The entries of palette q in slot s, as a mask. */
static uint64_t
in_slot(const struct facts_palette *q, unsigned s)
{
	return ((s & 1) ? q->bit[0] : ~q->bit[0]) & ((s & 2) ? q->bit[1] : ~q->bit[1]);
}

static uint32_t
block_get(const struct facts_block *b, size_t j)
{
	if (b->all != NULL)
		return b->all[j];
	if (b->pal != NULL)
		return b->pal->v[slot(b->pal, j)];
	return b->v[(b->pick >> j) & 1];
}

/* Every value of block b, into vals. */
static void
unpack(const struct facts_block *b, uint32_t vals[FACTS_BLOCK])
{
	size_t j;

	for (j = 0; j < FACTS_BLOCK; j++)
		vals[j] = block_get(b, j);
}

uint32_t
facts_get(const struct facts *f, size_t k)
{
	return block_get(&f->blocks[k / FACTS_BLOCK], k % FACTS_BLOCK);
}

/* The entries of block nb that hold a value, as a mask. */
static uint64_t
held(const struct facts *f, size_t nb)
{
	size_t m = f->n - nb * FACTS_BLOCK;

	return m >= FACTS_BLOCK ? ~(uint64_t)0 : ((uint64_t)1 << m) - 1;
}

/*
 * Makes block b hold vals[j] at each entry of `mask` (the others are not held), in the smallest
 * form that takes them. Returns 0, or -1 (out of memory, b unchanged).
 */
static int
rebuild(struct facts *f, struct facts_block *b, const uint32_t *vals, uint64_t mask)
{
	uint32_t distinct[FACTS_PALETTE];
	struct facts_palette *pal = NULL;
	uint32_t *all = NULL;
	size_t nd = 0, j, s;

	for (j = 0; j < FACTS_BLOCK; j++) {
		if (!((mask >> j) & 1))
			continue;
		for (s = 0; s < nd && distinct[s] != vals[j]; s++)
			;
		if (s < nd)
			continue;
		if (nd == FACTS_PALETTE) {
			nd++;
			break;
		}
		distinct[nd++] = vals[j];
	}
	/* The block's own array or palette serves again when it keeps its form. */
	if (nd > FACTS_PALETTE) {
		if ((all = b->all) == NULL && (all = malloc(FACTS_BLOCK * sizeof(*all))) == NULL)
			return -1;
		memmove(all, vals, FACTS_BLOCK * sizeof(*all));
	} else if (nd > 2) {
		if ((pal = b->pal) == NULL && (pal = malloc(sizeof(*pal))) == NULL)
			return -1;
		memset(pal, 0, sizeof(*pal));
		memcpy(pal->v, distinct, nd * sizeof(*distinct));
		for (j = 0; j < FACTS_BLOCK; j++) {
			if (!((mask >> j) & 1))
				continue;
			for (s = 0; distinct[s] != vals[j]; s++)
				;
			set_slot(pal, j, (unsigned)s);
		}
	} else {
		b->v[0] = nd > 0 ? distinct[0] : 0;
		b->v[1] = nd > 1 ? distinct[1] : b->v[0];
		b->pick = 0;
		for (j = 0; j < FACTS_BLOCK; j++)
			if ((mask >> j) & 1 && vals[j] != b->v[0])
				b->pick |= (uint64_t)1 << j;
	}
	f->expanded -= b->all != NULL;
	f->paletted -= b->pal != NULL;
	if (b->all != all)
		free(b->all);
	if (b->pal != pal)
		free(b->pal);
	b->all = all;
	b->pal = pal;
	f->expanded += all != NULL;
	f->paletted += pal != NULL;
	return 0;
}

/*
 * Block b takes value v at entry j, where `others` are the other entries that hold a value: in a
 * slot its value has, or in one no other entry uses; else the block moves to a larger form.
 * Returns 0, or -1 (out of memory, b unchanged).
 */
static int
put(struct facts *f, struct facts_block *b, size_t j, uint64_t others, uint32_t v)
{
	uint64_t bit = (uint64_t)1 << j;
	uint32_t vals[FACTS_BLOCK];
	unsigned s;

	if (b->all != NULL) {
		b->all[j] = v;
		return 0;
	}
	if (b->pal != NULL) {
		for (s = 0; s < FACTS_PALETTE && b->pal->v[s] != v; s++)
			;
		if (s == FACTS_PALETTE)
			for (s = 0; s < FACTS_PALETTE && (in_slot(b->pal, s) & others) != 0; s++)
				;
		if (s < FACTS_PALETTE) {
			b->pal->v[s] = v;
			set_slot(b->pal, j, s);
			return 0;
		}
	} else if (v == b->v[0]) {
		b->pick &= ~bit;
		return 0;
	} else if (v == b->v[1]) {
		b->pick |= bit;
		return 0;
	} else if ((b->pick & others) == 0) {
		b->v[1] = v;
		b->pick |= bit;
		return 0;
	} else if ((~b->pick & others) == 0) {
		b->v[0] = v;
		b->pick &= ~bit;
		return 0;
	}
	unpack(b, vals);
	vals[j] = v;
	return rebuild(f, b, vals, others | bit);
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
		memset(b, 0, sizeof(*b));
		b->v[0] = b->v[1] = v;
		f->n++;
		return 0;
	}
	b = &f->blocks[nb];
	if (put(f, b, j, held(f, nb) & ~((uint64_t)1 << j), v) != 0)
		return -1;
	if (append)
		f->n++;
	/*
	 * A block that was rewritten end to end (settle_markings) may fit a smaller form again:
	 * it is made as small as it can be (when that fails for memory, it stays as it is).
	 */
	if ((b->all != NULL || b->pal != NULL) &&
	    (j == 0 || j == FACTS_BLOCK - 1 || (!append && k + 1 == f->n))) {
		uint32_t vals[FACTS_BLOCK];

		unpack(b, vals);
		(void)rebuild(f, b, vals, held(f, nb));
	}
	return 0;
}

size_t
facts_bytes(const struct facts *f)
{
	return f->cap * sizeof(*f->blocks) + f->paletted * sizeof(struct facts_palette) +
	    f->expanded * FACTS_BLOCK * sizeof(uint32_t);
}

void
facts_free(struct facts *f)
{
	size_t nb;

	if (f == NULL)
		return;
	for (nb = 0; nb * FACTS_BLOCK < f->n; nb++) {
		free(f->blocks[nb].all);
		free(f->blocks[nb].pal);
	}
	free(f->blocks);
	memset(f, 0, sizeof(*f));
}
