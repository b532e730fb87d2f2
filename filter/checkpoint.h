/* SPDX-License-Identifier: ISC */
/*
 * checkpoint: one signed Merkle tree over the runs of many ledgers.
 *
 * A batch spread over several processes or hosts writes several ledgers. `tearline ledger merge`
 * checks each ledger (chain and signatures), takes every entry as a leaf, ledger after ledger in
 * the order given and each ledger's entries in order, and signs the root of their RFC 6962 Merkle
 * tree as a C2SP checkpoint (https://c2sp.org/tlog-checkpoint), a C2SP signed note
 * (https://c2sp.org/signed-note) with one Ed25519 signature:
 *
 *     ORIGIN\n
 *     TREE SIZE (decimal)\n
 *     BASE64(ROOT HASH)\n
 *     \n
 *     — ORIGIN BASE64(KEY HASH || SIGNATURE)\n
 *
 * The leaf of an entry is its canonical ledger line without the "\n"; the leaf hash is
 * SHA-256(0x00 || line), an inner node SHA-256(0x01 || left || right), and the empty tree's hash
 * SHA-256 of nothing (RFC 6962, section 2.1). The key name is the origin; the key hash is the
 * first 4 bytes of SHA-256(name || 0x0A || 0x01 || Ed25519 public key), and the signature covers
 * the note's text, its first three lines with their newlines. `tearline verify --checkpoint`
 * checks the signature, rebuilds the tree from the same ledgers and proves one audited run's
 * inclusion with its RFC 6962 audit path.
 */
#ifndef TEARLINE_CHECKPOINT_H
#define TEARLINE_CHECKPOINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "audit.h"
#include "keys.h"
#include "textio.h"
#include "verify.h"

#define CHECKPOINT_HASH_BYTES 32
#define CHECKPOINT_MAX_PROOF 64			/* hashes in an audit path of up to 2^64 leaves */
#define CHECKPOINT_ORIGIN_MAX 255
#define CHECKPOINT_NOTE_MAX 65536		/* a checkpoint file is refused above this */
#define CHECKPOINT_LEDGER_MAX ((size_t)1 << 30)	/* as audit.c reads a ledger */
#define CHECKPOINT_KEY_HASH_BYTES 4
#define CHECKPOINT_SIG_ED25519 0x01		/* the signed-note signature type of Ed25519 */

/* What a checkpoint says. */
struct checkpoint {
	char origin[CHECKPOINT_ORIGIN_MAX + 1];
	uint64_t size;
	unsigned char root[CHECKPOINT_HASH_BYTES];
};

/* RFC 6962 leaf hash: SHA-256(0x00 || leaf[0..len)). */
void checkpoint_leaf_hash(const void *leaf, size_t len, unsigned char out[CHECKPOINT_HASH_BYTES]);

/* RFC 6962 inner node hash: SHA-256(0x01 || left || right). */
void checkpoint_node_hash(const unsigned char left[CHECKPOINT_HASH_BYTES],
    const unsigned char right[CHECKPOINT_HASH_BYTES], unsigned char out[CHECKPOINT_HASH_BYTES]);

/*
 * MTH(D[n]) of n leaf hashes, leaves[0..n * CHECKPOINT_HASH_BYTES); SHA-256 of nothing when n
 * is 0.
 */
void checkpoint_root(const unsigned char *leaves, size_t n,
    unsigned char root[CHECKPOINT_HASH_BYTES]);

/*
 * PATH(index, D[n]) of RFC 6962 section 2.1.1: the audit path of leaf `index` (< n) among n leaf
 * hashes, the leaf's sibling first. Writes at most CHECKPOINT_MAX_PROOF hashes into proof (room
 * for CHECKPOINT_MAX_PROOF * CHECKPOINT_HASH_BYTES bytes); returns how many.
 */
size_t checkpoint_proof(const unsigned char *leaves, size_t n, size_t index,
    unsigned char *proof);

/*
 * Verifies an audit path as RFC 9162 section 2.1.3.2 does: the leaf hash at `index` of a tree of
 * `size` leaves, with proof[0..len), gives root. Returns 0 when it does, -1 otherwise.
 */
int checkpoint_proof_verify(const unsigned char leaf[CHECKPOINT_HASH_BYTES], uint64_t index,
    uint64_t size, const unsigned char *proof, size_t len,
    const unsigned char root[CHECKPOINT_HASH_BYTES]);

/*
 * Whether s can be an origin, which is also the signing key's name: 1 to CHECKPOINT_ORIGIN_MAX
 * printable ASCII characters, no space and no "+" (signed-note key names hold neither).
 */
bool checkpoint_origin_ok(const char *s);

/* The signed-note key hash of an Ed25519 key named `name`. */
void checkpoint_key_hash(const char *name, const unsigned char pk[KEYS_PUBLIC_BYTES],
    unsigned char out[CHECKPOINT_KEY_HASH_BYTES]);

/*
 * Writes the key's signed-note verifier key, "NAME+KEYHASH+BASE64(0x01 || public key)", as Go's
 * golang.org/x/mod/sumdb/note and other note verifiers read it. Returns 0, or -1 when it does not
 * fit in outlen.
 */
int checkpoint_vkey(const char *name, const unsigned char pk[KEYS_PUBLIC_BYTES], char *out,
    size_t outlen);

/*
 * Signs text[0..len) (non-empty lines, each ending in "\n") as a C2SP signed note with one
 * Ed25519 signature under the key name `name`. Returns 0 with the note in *note (NUL-terminated;
 * the caller frees it with free()) and its length in *notelen, or -1 with err.
 */
int checkpoint_note_sign(const char *text, size_t len, const char *name,
    const struct keys_secret *signer, char **note, size_t *notelen, char *err, size_t errlen);

/*
 * Opens a C2SP signed note: the text ends at the last blank line, and the first signature line
 * under `name` whose key hash is pk's must verify; other signatures (another key's, a witness's
 * cosignature) are passed over. Returns 0 with the text's length (up to and with its last "\n")
 * in *text_len, or -1 with err (malformed, no such signature, or a bad one).
 */
int checkpoint_note_open(const char *note, size_t len, const char *name,
    const unsigned char pk[KEYS_PUBLIC_BYTES], size_t *text_len, char *err, size_t errlen);

/*
 * Signs cp as a checkpoint note with an Ed25519 key (named after cp->origin). Returns 0 with the
 * note in *note (NUL-terminated; the caller frees it with free()) and its length in *len, or -1
 * with err.
 */
int checkpoint_sign(const struct checkpoint *cp, const struct keys_secret *signer, char **note,
    size_t *len, char *err, size_t errlen);

/*
 * Parses a checkpoint note and checks its signature: the first signature line whose name is the
 * origin and whose key hash is pk's decides; other signatures (a witness's cosignature) are
 * ignored. Returns 0 with cp filled, or -1 with err (malformed, or not signed by pk).
 */
int checkpoint_open(const char *note, size_t len, const unsigned char pk[KEYS_PUBLIC_BYTES],
    struct checkpoint *cp, char *err, size_t errlen);

/* Ledgers read, checked and hashed into leaves. */
struct checkpoint_tree {
	char *const *paths;
	size_t nledgers;
	struct text_buffer *texts;	/* each ledger's bytes */
	struct audit_log *logs;		/* each ledger's entries */
	unsigned char *leaves;		/* nleaves hashes of CHECKPOINT_HASH_BYTES */
	size_t nleaves;
};

/*
 * Reads the ledgers at paths[0..n), checks each one's lines, chain and signatures under the key
 * of keys[0..nkeys) whose id signs its first entry, refuses an entry that appears twice, and
 * hashes every entry into a leaf. Returns VERIFY_OK with t filled (free with
 * checkpoint_tree_free), VERIFY_FAIL when a ledger does not verify, or VERIFY_ERROR when one
 * cannot be read; err says why.
 */
enum verify_status checkpoint_tree_read(char *const *paths, size_t n,
    const struct keys_public *keys, size_t nkeys, struct checkpoint_tree *t, char *err,
    size_t errlen);

/* Frees a tree; accepts a zeroed one. */
void checkpoint_tree_free(struct checkpoint_tree *t);

/* What `tearline verify --checkpoint` is asked to check. */
struct checkpoint_request {
	const char *checkpoint;			/* the checkpoint note */
	const struct keys_public *note_key;	/* the key that signed it */
	char *const *ledgers;			/* in the order they were merged */
	size_t nledgers;
	const struct keys_public *keys;		/* the keys that sign the ledgers and audits */
	size_t nkeys;
	const char *audit;			/* or NULL: only the tree */
	size_t max_document;			/* the size limit of the audit */
};

/* What was proven, for the caller's report. */
struct checkpoint_result {
	struct checkpoint cp;
	bool included;				/* the audit's run is proven in the tree */
	uint64_t index;				/* its leaf */
	size_t proof_len;
	char run[2 * AUDIT_RUN_BYTES + 1];
	const char *ledger;			/* its ledger and line */
	size_t line;
};

/*
 * Checks the checkpoint's signature, that the ledgers (checked as checkpoint_tree_read does)
 * make its tree, size and root, and, with an audit, the audit (as verify does on its own), that a
 * ledger entry names its head in its place, and that the audit path of that entry leads to the
 * signed root. Returns VERIFY_OK with res filled, or VERIFY_FAIL or VERIFY_ERROR with err.
 */
enum verify_status checkpoint_verify(const struct checkpoint_request *rq,
    struct checkpoint_result *res, char *err, size_t errlen);

#endif
