/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the checkpoint and signed-note readers (checkpoint_open,
 * checkpoint_note_open). Each input is read twice: as a note as it stands, which must not crash
 * and, when it opens, must carry a checkpoint that signs back to a note that opens the same; and
 * as the makings of a valid checkpoint (origin, size and root taken from its bytes), signed,
 * opened again and compared, then opened with one byte of the note changed, which must fail.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "checkpoint.h"
#include "keys.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct keys_secret *key;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	unsigned char seed[32];
	size_t i;

	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	for (i = 0; i < sizeof(seed); i++)
		seed[i] = (unsigned char)(0x40 + i);
	if ((key = keys_secret_from_seed(KEYS_SIGN, seed)) == NULL)
		abort();
	return 0;
}

static int
same(const struct checkpoint *a, const struct checkpoint *b)
{
	return strcmp(a->origin, b->origin) == 0 && a->size == b->size &&
	    memcmp(a->root, b->root, sizeof(a->root)) == 0;
}

/* Signs cp and opens the note again: it must open to cp, and fail with a byte changed. */
static void
round_trip(const struct checkpoint *cp, size_t flip)
{
	struct checkpoint back;
	char err[512], *note;
	size_t len;

	if (checkpoint_sign(cp, key, &note, &len, err, sizeof(err)) != 0)
		return;
	if (checkpoint_open(note, len, key->pk, &back, err, sizeof(err)) != 0 || !same(cp, &back))
		abort();
	note[flip % len] ^= 0x01;
	if (checkpoint_open(note, len, key->pk, &back, err, sizeof(err)) == 0 && !same(cp, &back))
		abort();	/* a changed note may open only if it says the same (a comment) */
	free(note);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checkpoint cp;
	char err[512];
	size_t text_len, n, i;

	memset(&cp, 0, sizeof(cp));
	err[0] = '\0';
	if (checkpoint_open((const char *)data, size, key->pk, &cp, err, sizeof(err)) == 0)
		round_trip(&cp, size);
	else if (err[0] == '\0')
		abort();	/* a failure must say why */
	(void)checkpoint_note_open((const char *)data, size, "example.org/log", key->pk,
	    &text_len, err, sizeof(err));
	/* A checkpoint made of the input's bytes: the origin of its printable ones. */
	if (size < 1 + 8 + CHECKPOINT_HASH_BYTES)
		return 0;
	memset(&cp, 0, sizeof(cp));
	memcpy(&cp.size, data, sizeof(cp.size));
	memcpy(cp.root, data + 8, CHECKPOINT_HASH_BYTES);
	for (i = 8 + CHECKPOINT_HASH_BYTES, n = 0; i < size && n < CHECKPOINT_ORIGIN_MAX; i++)
		if (data[i] > ' ' && data[i] < 0x7f && data[i] != '+')
			cp.origin[n++] = (char)data[i];
	if (n == 0 || !checkpoint_origin_ok(cp.origin))
		return 0;
	round_trip(&cp, data[0] * 7u + size);
	return 0;
}
