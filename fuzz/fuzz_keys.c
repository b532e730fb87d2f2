/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the key-file parsers (keys_parse_public, keys_parse_secret), on any text, as
 * both kinds of key. Properties: a key that parses has the id derived from its public key; a
 * secret key's halves belong together (its public key is derived again); and a message never
 * holds 16 hex digits of the text after "secret-key: ", so that no error echoes a secret.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "keys.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	return 0;
}

/* Whether text[0..16) is 16 hex digits, the shape of any part of a secret key. */
static int
hex16(const char *text)
{
	size_t i;

	for (i = 0; i < 16; i++)
		if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f') ||
		    (text[i] >= 'A' && text[i] <= 'F')))
			return 0;
	return 1;
}

/* Aborts when err holds 16 hex digits of the value of a "secret-key: " line of text. */
static void
check_quiet(const char *text, size_t n, const char *err)
{
	static const char tag[] = "secret-key: ";
	const char *at = memmem(text, n, tag, strlen(tag));
	size_t off, k;

	if (at == NULL)
		return;
	off = (size_t)(at - text) + strlen(tag);
	for (k = off; k + 16 <= n && text[k] != '\n'; k++)
		if (hex16(text + k) && memmem(err, strlen(err), text + k, 16) != NULL)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	char err[512];
	int kind;

	for (kind = KEYS_SIGN; kind <= KEYS_BOX; kind++) {
		struct keys_public pub;
		struct keys_secret *sec;
		unsigned char id[KEYS_ID_BYTES], pk[KEYS_PUBLIC_BYTES];

		err[0] = '\0';
		if (keys_parse_public("fuzz", text, size, (enum keys_kind)kind, &pub, err,
		    sizeof(err)) == 0) {
			keys_id_of((enum keys_kind)kind, pub.pk, id);
			if (memcmp(id, pub.id, KEYS_ID_BYTES) != 0)
				abort();
		} else if (err[0] == '\0') {
			abort();
		}
		check_quiet(text, size, err);
		err[0] = '\0';
		if ((sec = keys_parse_secret("fuzz", text, size, (enum keys_kind)kind, err,
		    sizeof(err))) != NULL) {
			keys_id_of((enum keys_kind)kind, sec->pk, id);
			if (memcmp(id, sec->id, KEYS_ID_BYTES) != 0)
				abort();
			if (kind == KEYS_BOX)
				crypto_scalarmult_base(pk, sec->sk);
			else
				memcpy(pk, sec->sk + crypto_sign_SEEDBYTES, sizeof(pk));
			if (memcmp(pk, sec->pk, sizeof(pk)) != 0)
				abort();
			keys_secret_free(sec);
		} else if (err[0] == '\0') {
			abort();
		}
		check_quiet(text, size, err);
	}
	return 0;
}
