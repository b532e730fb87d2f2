/* SPDX-License-Identifier: ISC */
/*
 * test_checkpoint: the RFC 6962 tree, its audit paths and the C2SP checkpoint note.
 *
 * The tree is checked against the test vectors of RFC 6962's reference implementation (the empty
 * tree, the roots of the first 1 to 8 of its eight leaves, some audit paths; tests/checkpoint.test.sh
 * recomputes them with Python's hashlib), against an independent implementation written here
 * (roots folded from the right, as a compact range does), and every audit path of every tree up
 * to 70 leaves is verified, then broken: any bit of the leaf, the path or the root, the index, the
 * size, a hash left out or added. The note is checked against the example of Go's
 * golang.org/x/mod/sumdb/note, byte for byte, and every part of a checkpoint is tampered with.
 * Last, ledgers written by the audit module are merged and one run is proven in the tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "audit.h"
#include "checkpoint.h"
#include "document.h"
#include "keys.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"
#include "verify.h"

#include "fixtures.h"

#define H CHECKPOINT_HASH_BYTES

/* The leaves of RFC 6962's reference tests (certificate-transparency, merkle_tree_test). */
static const char *const ct_leaves[] = {
	"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
	"606162636465666768696a6b6c6d6e6f"
};

static const char *const ct_roots[] = {
	"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
	"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
	"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
	"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
	"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
	"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
	"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
	"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
};

/* Audit paths of the same tree: leaf, tree size, path. */
static const struct {
	size_t index, size;
	const char *path[3];
} ct_paths[] = {
	{ 0, 1, { NULL } },
	{ 0, 8, { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
	    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" } },
	{ 5, 8, { "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
	    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
	    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" } },
	{ 2, 3, { "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" } },
	{ 1, 5, { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
	    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
	    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" } },
};

/* The example of golang.org/x/mod/sumdb/note: its signer key's seed, verifier key and note. */
static const char go_seed[] =
    "810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173";
static const char go_vkey[] = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
static const char go_text[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
static const char go_note[] =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xe2\x80\x94 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

static void
unhex(const char *hex, unsigned char *out, size_t len)
{
	size_t got = 0;

	assert_int_equal(sodium_hex2bin(out, len, hex, strlen(hex), NULL, &got, NULL), 0);
	assert_int_equal(got, len);
}

/* The leaf hashes of the first n reference leaves. */
static void
ct_leaf_hashes(size_t n, unsigned char *leaves)
{
	unsigned char raw[16];
	size_t i, got;

	for (i = 0; i < n; i++) {
		assert_int_equal(sodium_hex2bin(raw, sizeof(raw), ct_leaves[i], strlen(ct_leaves[i]),
		    NULL, &got, NULL), 0);
		checkpoint_leaf_hash(raw, got, leaves + i * H);
	}
}

static void
test_empty_tree(void **state)
{
	unsigned char root[H], want[H];

	(void)state;
	unhex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", want, H);
	checkpoint_root(NULL, 0, root);
	assert_memory_equal(root, want, H);
}

static void
test_reference_roots(void **state)
{
	unsigned char leaves[8 * H], root[H], want[H];
	size_t n;

	(void)state;
	ct_leaf_hashes(8, leaves);
	for (n = 1; n <= 8; n++) {
		unhex(ct_roots[n - 1], want, H);
		checkpoint_root(leaves, n, root);
		assert_memory_equal(root, want, H);
	}
}

static void
test_reference_paths(void **state)
{
	unsigned char leaves[8 * H], proof[CHECKPOINT_MAX_PROOF * H], want[H], root[H];
	size_t i, k, len;

	(void)state;
	ct_leaf_hashes(8, leaves);
	for (i = 0; i < sizeof(ct_paths) / sizeof(ct_paths[0]); i++) {
		len = checkpoint_proof(leaves, ct_paths[i].size, ct_paths[i].index, proof);
		for (k = 0; k < 3 && ct_paths[i].path[k] != NULL; k++) {
			unhex(ct_paths[i].path[k], want, H);
			assert_memory_equal(proof + k * H, want, H);
		}
		assert_int_equal(len, k);
		checkpoint_root(leaves, ct_paths[i].size, root);
		assert_int_equal(checkpoint_proof_verify(leaves + ct_paths[i].index * H,
		    ct_paths[i].index, ct_paths[i].size, proof, len, root), 0);
	}
}

/*
 * The root of n leaf hashes computed another way: each leaf is pushed onto a stack of perfect
 * subtrees, merging while the count says a subtree is complete; what is left is folded from the
 * right. Shares nothing with checkpoint.c but the node hash, which is checked by the vectors.
 */
static void
stack_root(const unsigned char *leaves, size_t n, unsigned char root[H])
{
	unsigned char stack[64][H];
	size_t depth = 0, i, count;

	if (n == 0) {
		crypto_hash_sha256(root, NULL, 0);
		return;
	}
	for (i = 0; i < n; i++) {
		memcpy(stack[depth++], leaves + i * H, H);
		for (count = i + 1; (count & 1) == 0; count >>= 1) {
			checkpoint_node_hash(stack[depth - 2], stack[depth - 1], stack[depth - 2]);
			depth--;
		}
	}
	while (depth > 1) {
		checkpoint_node_hash(stack[depth - 2], stack[depth - 1], stack[depth - 2]);
		depth--;
	}
	memcpy(root, stack[0], H);
}

/* Whether a proof still verifies after one change: it must not. */
static void
assert_rejected(const unsigned char *leaf, uint64_t index, uint64_t size,
    const unsigned char *proof, size_t len, const unsigned char *root)
{
	assert_int_not_equal(checkpoint_proof_verify(leaf, index, size, proof, len, root), 0);
}

static void
test_every_path(void **state)
{
	enum { MAXN = 70 };
	unsigned char *leaves = malloc(MAXN * H);
	unsigned char proof[CHECKPOINT_MAX_PROOF * H], root[H], other[H], leaf[H], bad[H];
	unsigned char longer[(CHECKPOINT_MAX_PROOF + 1) * H];
	size_t n, i, len, b;

	(void)state;
	assert_non_null(leaves);
	for (i = 0; i < MAXN; i++)
		crypto_hash_sha256(leaves + i * H, (const unsigned char *)&i, sizeof(i));
	for (n = 1; n <= MAXN; n++) {
		checkpoint_root(leaves, n, root);
		stack_root(leaves, n, other);
		assert_memory_equal(root, other, H);
		for (i = 0; i < n; i++) {
			len = checkpoint_proof(leaves, n, i, proof);
			assert_int_equal(checkpoint_proof_verify(leaves + i * H, i, n, proof, len, root),
			    0);
			/*
			 * Another index, an index past the end, a hash short or a hash more. (Not
			 * another size: a path can fit trees of two sizes with the same root, as the
			 * path of leaf 0 of 3 fits a tree of 4 whose right half hashes to leaf 2. The
			 * size is what the signed checkpoint says.)
			 */
			if (n > 1)
				assert_rejected(leaves + i * H, (i + 1) % n, n, proof, len, root);
			assert_rejected(leaves + i * H, n, n, proof, len, root);
			if (len > 0)
				assert_rejected(leaves + i * H, i, n, proof, len - 1, root);
			memcpy(longer, proof, len * H);
			memcpy(longer + len * H, root, H);
			assert_rejected(leaves + i * H, i, n, longer, len + 1, root);
			/* Every bit of the leaf, of the path and of the root, in trees up to 9. */
			if (n > 9)
				continue;
			for (b = 0; b < 8 * H; b++) {
				memcpy(leaf, leaves + i * H, H);
				leaf[b / 8] ^= (unsigned char)(1u << (b % 8));
				assert_rejected(leaf, i, n, proof, len, root);
				memcpy(bad, root, H);
				bad[b / 8] ^= (unsigned char)(1u << (b % 8));
				assert_rejected(leaves + i * H, i, n, proof, len, bad);
			}
			for (b = 0; b < 8 * H * len; b++) {
				proof[b / 8] ^= (unsigned char)(1u << (b % 8));
				assert_rejected(leaves + i * H, i, n, proof, len, root);
				proof[b / 8] ^= (unsigned char)(1u << (b % 8));
			}
		}
	}
	free(leaves);
}

static struct keys_secret *
go_key(void)
{
	unsigned char seed[32];

	unhex(go_seed, seed, sizeof(seed));
	return keys_secret_from_seed(KEYS_SIGN, seed);
}

static void
test_note_go_vector(void **state)
{
	struct keys_secret *k = go_key();
	unsigned char hash[CHECKPOINT_KEY_HASH_BYTES], want[CHECKPOINT_KEY_HASH_BYTES];
	char vkey[256], err[256];
	char *note = NULL;
	size_t len, tlen;

	(void)state;
	assert_non_null(k);
	checkpoint_key_hash("PeterNeumann", k->pk, hash);
	unhex("c74f20a3", want, sizeof(want));
	assert_memory_equal(hash, want, sizeof(want));
	assert_int_equal(checkpoint_vkey("PeterNeumann", k->pk, vkey, sizeof(vkey)), 0);
	assert_string_equal(vkey, go_vkey);
	assert_int_equal(checkpoint_vkey("PeterNeumann", k->pk, vkey, 10), -1);
	/* Ed25519 is deterministic: the same key signs the same note as Go's note.Sign. */
	assert_int_equal(checkpoint_note_sign(go_text, strlen(go_text), "PeterNeumann", k, &note,
	    &len, err, sizeof(err)), 0);
	assert_int_equal(len, strlen(go_note));
	assert_string_equal(note, go_note);
	free(note);
	assert_int_equal(checkpoint_note_open(go_note, strlen(go_note), "PeterNeumann", k->pk, &tlen,
	    err, sizeof(err)), 0);
	assert_int_equal(tlen, strlen(go_text));
	keys_secret_free(k);
}

/* Opens text as a note of the Go key; returns 0 or -1. */
static int
open_go(const char *text)
{
	struct keys_secret *k = go_key();
	char err[256];
	size_t tlen;
	int rc;

	assert_non_null(k);
	rc = checkpoint_note_open(text, strlen(text), "PeterNeumann", k->pk, &tlen, err,
	    sizeof(err));
	keys_secret_free(k);
	return rc;
}

static void
test_note_tampered(void **state)
{
	char buf[sizeof(go_note) + 256];
	size_t i, sig_at = strlen(go_text) + 1 + 3 + strlen("PeterNeumann "), len = strlen(go_note);

	(void)state;
	/* Every byte of the text, and every character of the signature. */
	for (i = 0; i < len - 1; i++) {
		if (i >= strlen(go_text) && i < sig_at)
			continue;	/* the blank line, the dash, the name: other tests */
		memcpy(buf, go_note, sizeof(go_note));
		buf[i] = buf[i] == 'A' ? 'B' : 'A';
		assert_int_equal(open_go(buf), -1);
	}
	/* Another name, no blank line, no final newline, a line that is no signature. */
	assert_int_equal(open_go(
	    "If you think cryptography is the answer to your problem,\n"
	    "then you don't know what your problem is.\n\n"
	    "\xe2\x80\x94 PeterNeumanm x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"),
	    -1);
	memcpy(buf, go_note, sizeof(go_note));
	buf[len - 1] = '\0';
	assert_int_equal(open_go(buf), -1);
	snprintf(buf, sizeof(buf), "%s-- PeterNeumann x\n", go_note);
	assert_int_equal(open_go(buf), -1);
	snprintf(buf, sizeof(buf), "%s\xe2\x80\x94 other.example QUJDRA==\n", go_note);
	assert_int_equal(open_go(buf), -1);	/* 4 bytes: no key hash and signature */
	snprintf(buf, sizeof(buf), "%s", go_text);
	assert_int_equal(open_go(buf), -1);
	/* Signatures by others, before and after, change nothing. */
	snprintf(buf, sizeof(buf), "%s\xe2\x80\x94 witness.example AAAAAAAA\n%s",
	    go_note, "\xe2\x80\x94 other.example/log QUJDREU=\n");
	assert_int_equal(open_go(buf), 0);
	snprintf(buf, sizeof(buf), "%s\n\xe2\x80\x94 witness.example AAAAAAAA\n%s", go_text,
	    go_note + strlen(go_text) + 1);
	assert_int_equal(open_go(buf), 0);
}

/* A checkpoint of the 8 reference leaves, signed with a seeded key. */
static char *
reference_checkpoint(const struct keys_secret *k, struct checkpoint *cp, size_t *len)
{
	unsigned char leaves[8 * H];
	char err[256];
	char *note = NULL;

	memset(cp, 0, sizeof(*cp));
	snprintf(cp->origin, sizeof(cp->origin), "example.org/tearline/test");
	cp->size = 8;
	ct_leaf_hashes(8, leaves);
	checkpoint_root(leaves, 8, cp->root);
	assert_int_equal(checkpoint_sign(cp, k, &note, len, err, sizeof(err)), 0);
	return note;
}

/* Signs text as a note under the checkpoint's name and tries to open it as a checkpoint. */
static int
resigned(const struct keys_secret *k, const char *text)
{
	struct checkpoint cp;
	char err[256];
	char *note = NULL;
	size_t len;
	int rc;

	assert_int_equal(checkpoint_note_sign(text, strlen(text), "example.org/tearline/test", k,
	    &note, &len, err, sizeof(err)), 0);
	rc = checkpoint_open(note, len, k->pk, &cp, err, sizeof(err));
	free(note);
	return rc;
}

static void
test_checkpoint_note(void **state)
{
	struct keys_secret *k = fixture_key(KEYS_SIGN, 1), *other = fixture_key(KEYS_SIGN, 2);
	struct checkpoint cp, got;
	char err[256], text[512];
	char *note;
	size_t len, i, tlen;

	(void)state;
	assert_non_null(k);
	assert_non_null(other);
	note = reference_checkpoint(k, &cp, &len);
	assert_int_equal(strncmp(note, "example.org/tearline/test\n8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n\xe2\x80\x94 example.org/tearline/test ",
	    strlen("example.org/tearline/test\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg="
	    "\n\n\xe2\x80\x94 example.org/tearline/test ")), 0);
	assert_int_equal(checkpoint_open(note, len, k->pk, &got, err, sizeof(err)), 0);
	assert_string_equal(got.origin, cp.origin);
	assert_int_equal(got.size, 8);
	assert_memory_equal(got.root, cp.root, H);
	/* The same note is a signed note to any reader of the format. */
	assert_int_equal(checkpoint_note_open(note, len, cp.origin, k->pk, &tlen, err,
	    sizeof(err)), 0);
	/* Another key; any byte changed. */
	assert_int_equal(checkpoint_open(note, len, other->pk, &got, err, sizeof(err)), -1);
	for (i = 0; i + 1 < len; i++) {
		char save = note[i];

		note[i] = save == '1' ? '2' : '1';
		assert_int_equal(checkpoint_open(note, len, k->pk, &got, err, sizeof(err)), -1);
		note[i] = save;
	}
	free(note);
	/* Well signed, but not a tearline checkpoint. */
	assert_int_equal(resigned(k, "example.org/tearline/test\n8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"), 0);
	assert_int_equal(resigned(k, "example.org/tearline/test\n08\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"), -1);
	assert_int_equal(resigned(k, "example.org/tearline/test\n-8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"), -1);
	assert_int_equal(resigned(k, "example.org/tearline/test\n18446744073709551616\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"), -1);
	assert_int_equal(resigned(k, "example.org/tearline/test\n8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyh=\n"), -1);	/* not canonical */
	assert_int_equal(resigned(k, "example.org/tearline/test\n8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQy==\n"), -1);
	assert_int_equal(resigned(k, "example.org/tearline/test\n8\n"
	    "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension\n"), -1);
	assert_int_equal(resigned(k, "example.org/tearline/test\n8\n"), -1);
	/* Origins are key names. */
	snprintf(text, sizeof(text), "example.org log");
	assert_false(checkpoint_origin_ok(text));
	assert_false(checkpoint_origin_ok("a+b"));
	assert_false(checkpoint_origin_ok(""));
	assert_true(checkpoint_origin_ok("example.org/tearline/2026-05"));
	memset(&cp, 0, sizeof(cp));
	snprintf(cp.origin, sizeof(cp.origin), "a+b");
	assert_int_equal(checkpoint_sign(&cp, k, &note, &len, err, sizeof(err)), -1);
	keys_secret_free(k);
	keys_secret_free(other);
}

/* Ledgers and audits written by the audit module, in a scratch directory. */
struct fixture {
	struct policy *p;
	struct keys_secret *signer, *stranger;
	struct keys_public signer_pub, stranger_pub;
	struct document d;
	struct redact_result res;
	struct audit_record *changes;
	size_t nchanges;
	char dir[64];
	char ledger[2][128], audit[128], lonely[128], cp[128];
};

static const char doc_text[] =
    "S E C R E T SECTION 01 OF 01 MUSCAT 001065\n"
    "\n"
    "SUBJECT: (U) TALKS\n"
    "\n"
    "1. (S) The plan is to meet at the old harbour at dawn.\n"
    "\n"
    "2. (U) The weather was fine.\n"
    "\n"
    "S E C R E T\n";

static void
spit(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

/* Builds the audit of one run of doc_text from a seed, naming the ledger's head. */
static void
build(struct fixture *f, const char *seed, struct audit_ledger *l, struct audit_log *log)
{
	struct audit_params ap;
	char err[512];

	fixture_params(&ap, f->p, f->signer, NULL);
	ap.ledger_prev = l != NULL ? l->head : NULL;
	ap.test_seed = seed;
	if (audit_build(&ap, f->changes, f->nchanges, f->res.released, f->res.withheld, doc_text,
	    strlen(doc_text), f->res.out, f->res.out_len, log, err, sizeof(err)) != 0)
		fail_msg("audit_build: %s", err);
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct audit_ledger l;
	struct audit_log log;
	char err[512], seed[32];
	size_t i, k;

	if (f == NULL || sodium_init() < 0)
		return -1;
	if (fixture_redact(doc_text, &f->p, &f->d, &f->res, &f->changes, &f->nchanges) != 0 ||
	    (f->signer = fixture_key(KEYS_SIGN, 3)) == NULL ||
	    (f->stranger = fixture_key(KEYS_SIGN, 4)) == NULL)
		return -1;
	keys_public_of(f->signer, &f->signer_pub);
	keys_public_of(f->stranger, &f->stranger_pub);
	snprintf(f->dir, sizeof(f->dir), "/tmp/tearline-checkpoint-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	for (i = 0; i < 2; i++)
		snprintf(f->ledger[i], sizeof(f->ledger[i]), "%s/ledger-%zu.jsonl", f->dir, i + 1);
	snprintf(f->audit, sizeof(f->audit), "%s/run-1-1.audit", f->dir);
	snprintf(f->lonely, sizeof(f->lonely), "%s/lonely.audit", f->dir);
	snprintf(f->cp, sizeof(f->cp), "%s/checkpoint", f->dir);
	/* Ledger 1 holds three runs, ledger 2 two; the audit of ledger 2's second run is kept. */
	for (i = 0; i < 2; i++) {
		if (audit_ledger_open(&l, f->ledger[i], err, sizeof(err)) != 0)
			return -1;
		for (k = 0; k < 3 - i; k++) {
			snprintf(seed, sizeof(seed), "run-%zu-%zu", i, k);
			build(f, seed, &l, &log);
			if (audit_ledger_append(&l, f->signer, &log, err, sizeof(err)) != 0)
				return -1;
			if (i == 1 && k == 1)
				spit(f->audit, log.text, log.len);
			audit_log_free(&log);
		}
		audit_ledger_close(&l);
	}
	/* A run that was never entered. */
	build(f, "lonely", NULL, &log);
	spit(f->lonely, log.text, log.len);
	audit_log_free(&log);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->ledger[0]);
	unlink(f->ledger[1]);
	unlink(f->audit);
	unlink(f->lonely);
	unlink(f->cp);
	rmdir(f->dir);
	fixture_redact_free(f->p, &f->d, &f->res, f->changes);
	keys_secret_free(f->signer);
	keys_secret_free(f->stranger);
	free(f);
	return 0;
}

static void
test_tree_from_ledgers(void **state)
{
	struct fixture *f = *state;
	struct checkpoint_tree t;
	struct text_buffer buf;
	char err[1024], *paths[3] = { f->ledger[0], f->ledger[1], f->ledger[0] };
	char missing[160];
	unsigned char leaf[H];
	size_t i, k = 0, off;

	assert_int_equal(checkpoint_tree_read(paths, 2, &f->signer_pub, 1, &t, err, sizeof(err)),
	    VERIFY_OK);
	assert_int_equal(t.nleaves, 5);
	/* Each leaf is SHA-256(0x00 || the entry's line without "\n"). */
	for (i = 0; i < 2; i++) {
		assert_int_equal(text_read_file(paths[i], 1 << 20, &buf, err, sizeof(err)), 0);
		for (off = 0; off < buf.len; k++) {
			const char *nl = memchr(buf.data + off, '\n', buf.len - off);

			assert_non_null(nl);
			checkpoint_leaf_hash(buf.data + off, (size_t)(nl - buf.data) - off, leaf);
			assert_memory_equal(leaf, t.leaves + k * H, H);
			off = (size_t)(nl - buf.data) + 1;
		}
		text_buffer_free(&buf);
	}
	assert_int_equal(k, 5);
	checkpoint_tree_free(&t);
	/* A ledger given twice; a key that signed none; a ledger that is not there. */
	assert_int_equal(checkpoint_tree_read(paths, 3, &f->signer_pub, 1, &t, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_non_null(strstr(err, "the same entry"));
	assert_int_equal(checkpoint_tree_read(paths, 2, &f->stranger_pub, 1, &t, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_non_null(strstr(err, "none of the given public keys"));
	snprintf(missing, sizeof(missing), "%s/none.jsonl", f->dir);
	paths[2] = missing;
	assert_int_equal(checkpoint_tree_read(paths + 2, 1, &f->signer_pub, 1, &t, err,
	    sizeof(err)), VERIFY_ERROR);
}

/* Writes a checkpoint of size and root over the fixture's ledgers, signed by k. */
static void
write_checkpoint(struct fixture *f, const struct keys_secret *k, uint64_t size, bool swap)
{
	struct checkpoint_tree t;
	struct checkpoint cp;
	char err[1024], *note = NULL;
	char *paths[2] = { f->ledger[swap ? 1 : 0], f->ledger[swap ? 0 : 1] };
	size_t len;

	assert_int_equal(checkpoint_tree_read(paths, 2, &f->signer_pub, 1, &t, err, sizeof(err)),
	    VERIFY_OK);
	memset(&cp, 0, sizeof(cp));
	snprintf(cp.origin, sizeof(cp.origin), "example.org/tearline/office");
	cp.size = size;
	checkpoint_root(t.leaves, t.nleaves, cp.root);
	assert_int_equal(checkpoint_sign(&cp, k, &note, &len, err, sizeof(err)), 0);
	spit(f->cp, note, len);
	free(note);
	checkpoint_tree_free(&t);
}

/* Checks the fixture's checkpoint against the ledgers in the given order, with an audit. */
static enum verify_status
check(struct fixture *f, const struct keys_public *note_key, bool swap, size_t nledgers,
    const char *audit, struct checkpoint_result *res, char *err, size_t errlen)
{
	struct checkpoint_request rq;
	char *paths[2] = { f->ledger[swap ? 1 : 0], f->ledger[swap ? 0 : 1] };

	memset(&rq, 0, sizeof(rq));
	rq.checkpoint = f->cp;
	rq.note_key = note_key;
	rq.ledgers = paths;
	rq.nledgers = nledgers;
	rq.keys = &f->signer_pub;
	rq.nkeys = 1;
	rq.audit = audit;
	rq.max_document = 1 << 20;
	err[0] = '\0';
	return checkpoint_verify(&rq, res, err, errlen);
}

static void
test_inclusion(void **state)
{
	struct fixture *f = *state;
	struct checkpoint_result res;
	struct text_buffer buf;
	char err[1024];

	write_checkpoint(f, f->signer, 5, false);
	assert_int_equal(check(f, &f->signer_pub, false, 2, NULL, &res, err, sizeof(err)),
	    VERIFY_OK);
	assert_false(res.included);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_OK);
	assert_true(res.included);
	assert_int_equal(res.index, 4);		/* ledger 1 holds 3, this is ledger 2's second */
	assert_int_equal(res.line, 2);
	assert_int_equal(res.proof_len, 1);	/* in a tree of 5, leaf 4 has one sibling: MTH(0..3) */
	assert_string_equal(res.ledger, f->ledger[1]);
	/* The ledgers in another order; one left out; another key; a run never entered. */
	assert_int_equal(check(f, &f->signer_pub, true, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_non_null(strstr(err, "root hash"));
	assert_int_equal(check(f, &f->signer_pub, false, 1, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_non_null(strstr(err, "tree has 5 runs"));
	assert_int_equal(check(f, &f->stranger_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->lonely, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_non_null(strstr(err, "no entry"));
	/* A checkpoint that lies about the size, or signed by a stranger. */
	write_checkpoint(f, f->signer, 6, false);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	write_checkpoint(f, f->stranger, 5, false);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	assert_int_equal(check(f, &f->stranger_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_OK);
	/* A ledger entry changed after the checkpoint: its signature breaks first. */
	write_checkpoint(f, f->signer, 5, false);
	assert_int_equal(text_read_file(f->ledger[0], 1 << 20, &buf, err, sizeof(err)), 0);
	buf.data[strlen("{\"seq\":0,\"kind\":\"run\",\"prev\":\"") + 70] ^= 1;
	spit(f->ledger[0], buf.data, buf.len);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_FAIL);
	buf.data[strlen("{\"seq\":0,\"kind\":\"run\",\"prev\":\"") + 70] ^= 1;
	spit(f->ledger[0], buf.data, buf.len);
	text_buffer_free(&buf);
	assert_int_equal(check(f, &f->signer_pub, false, 2, f->audit, &res, err, sizeof(err)),
	    VERIFY_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_tree),
		cmocka_unit_test(test_reference_roots),
		cmocka_unit_test(test_reference_paths),
		cmocka_unit_test(test_every_path),
		cmocka_unit_test(test_note_go_vector),
		cmocka_unit_test(test_note_tampered),
		cmocka_unit_test(test_checkpoint_note),
		cmocka_unit_test(test_tree_from_ledgers),
		cmocka_unit_test(test_inclusion),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests_name("checkpoint", tests, setup, teardown);
}
