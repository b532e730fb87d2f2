/* SPDX-License-Identifier: ISC */
/*
 * keys: the key files of the audit. A signing key pair (Ed25519) signs audits and ledger entries;
 * an auditor key pair (X25519, for libsodium sealed boxes) lets an auditor open a run's secret.
 *
 * A key file is a few lines of text that a person can read, minisign-fashion: comment lines that
 * begin with "#", then "algorithm:", "key-id:", "public-key:" and, in a secret key file,
 * "secret-key:", each followed by one space and a value, keys in lower-case hex. The key id is the
 * first 8 bytes of a BLAKE2b hash of the algorithm and the public key; it names the pair in
 * audits, and a file whose key-id line is not its key's is refused, so that no key pair can be
 * labelled with another's id. A secret key file is
 * created with mode 0600 and refused when its group or others have any access to it; its key lives
 * in sodium_malloc memory and is wiped when freed.
 */
#ifndef TEARLINE_KEYS_H
#define TEARLINE_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#define KEYS_ID_BYTES 8
#define KEYS_ID_HEX (2 * KEYS_ID_BYTES + 1)	/* with the NUL */
#define KEYS_PUBLIC_BYTES 32
#define KEYS_SECRET_BYTES 64			/* Ed25519: seed and public key; X25519: 32 used */

enum keys_kind {
	KEYS_SIGN,	/* Ed25519 (crypto_sign): signs audits and ledger entries */
	KEYS_BOX	/* X25519 (crypto_box_seal): the auditor's key pair */
};

struct keys_public {
	enum keys_kind kind;
	unsigned char id[KEYS_ID_BYTES];
	unsigned char pk[KEYS_PUBLIC_BYTES];
};

/* Always allocated with sodium_malloc by this module; freed with keys_secret_free. */
struct keys_secret {
	enum keys_kind kind;
	unsigned char id[KEYS_ID_BYTES];
	unsigned char pk[KEYS_PUBLIC_BYTES];
	unsigned char sk[KEYS_SECRET_BYTES];
};

/* "Ed25519" or "X25519". */
const char *keys_algorithm(enum keys_kind kind);

/* The key id of a public key: BLAKE2b-64 of a domain string, the algorithm's name and the key. */
void keys_id_of(enum keys_kind kind, const unsigned char pk[KEYS_PUBLIC_BYTES],
    unsigned char id[KEYS_ID_BYTES]);

/* Writes the key id as 16 lower-case hex digits into hex. */
void keys_id_hex(const unsigned char id[KEYS_ID_BYTES], char hex[KEYS_ID_HEX]);

/*
 * Decodes exactly 2 * binlen lower-case hex digits from hex[0..hexlen) into bin. Returns 0, or -1
 * when the length is wrong or a character is not one of 0-9a-f (upper case is refused, so that
 * every value has one spelling). The one hex reader of the key files and the audit.
 */
int keys_hex_decode(const char *hex, size_t hexlen, unsigned char *bin, size_t binlen);

/*
 * Makes a new key pair of the given kind and writes it to secret_path (mode
 * 0600) and public_path. Neither file may exist. Returns 0 with the public half in *pub, or -1
 * with a message in err, having created neither file.
 */
int keys_generate(enum keys_kind kind, const char *secret_path, const char *public_path,
    struct keys_public *pub, char *err, size_t errlen);

/*
 * Makes a key pair from a 32-byte seed, without touching a file (for tests and golden vectors).
 * Returns a key the caller frees with keys_secret_free, or NULL (out of memory).
 */
struct keys_secret *keys_secret_from_seed(enum keys_kind kind, const unsigned char seed[32]);

/*
 * Reads a secret key file of the given kind. Refuses a file that its group or others may access,
 * and a key whose secret and public halves do not belong together. Returns a key the caller frees
 * with keys_secret_free, or NULL with a located message in err.
 */
struct keys_secret *keys_read_secret(const char *path, enum keys_kind kind, char *err,
    size_t errlen);

/* Reads a public key file of the given kind into *pub. Returns 0, or -1 with a message in err. */
int keys_read_public(const char *path, enum keys_kind kind, struct keys_public *pub, char *err,
    size_t errlen);

/*
 * The parsers under the two readers above, on a key file's text[0..n) already read (named `name`
 * in messages): what the fuzz target exercises. The text need not be NUL-terminated.
 */
int keys_parse_public(const char *name, const char *text, size_t n, enum keys_kind kind,
    struct keys_public *pub, char *err, size_t errlen);
struct keys_secret *keys_parse_secret(const char *name, const char *text, size_t n,
    enum keys_kind kind, char *err, size_t errlen);

/* The public half of a secret key. */
void keys_public_of(const struct keys_secret *sec, struct keys_public *pub);

/* Wipes and frees a secret key; accepts NULL. */
void keys_secret_free(struct keys_secret *sec);

#endif
