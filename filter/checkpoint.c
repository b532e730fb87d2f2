/* SPDX-License-Identifier: ISC */
/*
 * checkpoint: RFC 6962 Merkle trees over ledger entries, and C2SP checkpoint notes.
 */
#include "checkpoint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

/* The em dash and space that begin a signed-note signature line. */
static const char sig_prefix[] = "\xe2\x80\x94 ";
#define SIG_PREFIX_LEN (sizeof(sig_prefix) - 1)
#define SIG_BYTES (CHECKPOINT_KEY_HASH_BYTES + crypto_sign_BYTES)
#define MAX_SIGNATURES 100	/* as Go's note.Open */
#define MAX_SIGNATURE_BYTES 1024	/* of any one signature line, decoded */

void
checkpoint_leaf_hash(const void *leaf, size_t len, unsigned char out[CHECKPOINT_HASH_BYTES])
{
	static const unsigned char prefix = 0x00;
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, &prefix, 1);
	crypto_hash_sha256_update(&st, leaf, len);
	crypto_hash_sha256_final(&st, out);
}

void
checkpoint_node_hash(const unsigned char left[CHECKPOINT_HASH_BYTES],
    const unsigned char right[CHECKPOINT_HASH_BYTES], unsigned char out[CHECKPOINT_HASH_BYTES])
{
	static const unsigned char prefix = 0x01;
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, &prefix, 1);
	crypto_hash_sha256_update(&st, left, CHECKPOINT_HASH_BYTES);
	crypto_hash_sha256_update(&st, right, CHECKPOINT_HASH_BYTES);
	crypto_hash_sha256_final(&st, out);
}

/* The largest power of two smaller than n (n >= 2): where RFC 6962 splits a tree. */
static size_t
split(size_t n)
{
	size_t k = 1;

	while (k < n - k)
		k <<= 1;
	return k;
}

/* MTH of n >= 1 leaf hashes. The recursion is as deep as the tree: at most 64 levels. */
static void
subtree(const unsigned char *leaves, size_t n, unsigned char out[CHECKPOINT_HASH_BYTES])
{
	unsigned char left[CHECKPOINT_HASH_BYTES], right[CHECKPOINT_HASH_BYTES];
	size_t k;

	if (n == 1) {
		memcpy(out, leaves, CHECKPOINT_HASH_BYTES);
		return;
	}
	k = split(n);
	subtree(leaves, k, left);
	subtree(leaves + k * CHECKPOINT_HASH_BYTES, n - k, right);
	checkpoint_node_hash(left, right, out);
}

void
checkpoint_root(const unsigned char *leaves, size_t n, unsigned char root[CHECKPOINT_HASH_BYTES])
{
	if (n == 0)
		crypto_hash_sha256(root, NULL, 0);
	else
		subtree(leaves, n, root);
}

size_t
checkpoint_proof(const unsigned char *leaves, size_t n, size_t index, unsigned char *proof)
{
	size_t k, len;

	if (n <= 1 || index >= n)
		return 0;
	k = split(n);
	if (index < k) {
		len = checkpoint_proof(leaves, k, index, proof);
		subtree(leaves + k * CHECKPOINT_HASH_BYTES, n - k,
		    proof + len * CHECKPOINT_HASH_BYTES);
	} else {
		len = checkpoint_proof(leaves + k * CHECKPOINT_HASH_BYTES, n - k, index - k, proof);
		subtree(leaves, k, proof + len * CHECKPOINT_HASH_BYTES);
	}
	return len + 1;
}

int
checkpoint_proof_verify(const unsigned char leaf[CHECKPOINT_HASH_BYTES], uint64_t index,
    uint64_t size, const unsigned char *proof, size_t len,
    const unsigned char root[CHECKPOINT_HASH_BYTES])
{
	unsigned char r[CHECKPOINT_HASH_BYTES];
	uint64_t fn = index, sn;
	size_t i;

	if (index >= size || len > CHECKPOINT_MAX_PROOF)
		return -1;
	sn = size - 1;
	memcpy(r, leaf, sizeof(r));
	for (i = 0; i < len; i++) {
		const unsigned char *p = proof + i * CHECKPOINT_HASH_BYTES;

		if (sn == 0)
			return -1;
		if ((fn & 1) == 1 || fn == sn) {
			checkpoint_node_hash(p, r, r);
			while ((fn & 1) == 0 && fn != 0) {
				fn >>= 1;
				sn >>= 1;
			}
		} else {
			checkpoint_node_hash(r, p, r);
		}
		fn >>= 1;
		sn >>= 1;
	}
	return sn == 0 && sodium_memcmp(r, root, sizeof(r)) == 0 ? 0 : -1;
}

bool
checkpoint_origin_ok(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (s[n] <= ' ' || s[n] > '~' || s[n] == '+')
			return false;
	return n > 0 && n <= CHECKPOINT_ORIGIN_MAX;
}

void
checkpoint_key_hash(const char *name, const unsigned char pk[KEYS_PUBLIC_BYTES],
    unsigned char out[CHECKPOINT_KEY_HASH_BYTES])
{
	static const unsigned char sep[2] = { '\n', CHECKPOINT_SIG_ED25519 };
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)name, strlen(name));
	crypto_hash_sha256_update(&st, sep, sizeof(sep));
	crypto_hash_sha256_update(&st, pk, KEYS_PUBLIC_BYTES);
	crypto_hash_sha256_final(&st, h);
	memcpy(out, h, CHECKPOINT_KEY_HASH_BYTES);
}

int
checkpoint_vkey(const char *name, const unsigned char pk[KEYS_PUBLIC_BYTES], char *out,
    size_t outlen)
{
	unsigned char hash[CHECKPOINT_KEY_HASH_BYTES], typed[1 + KEYS_PUBLIC_BYTES];
	char hex[2 * CHECKPOINT_KEY_HASH_BYTES + 1];
	char b64[sodium_base64_ENCODED_LEN(1 + KEYS_PUBLIC_BYTES,
	    sodium_base64_VARIANT_ORIGINAL)];
	int k;

	checkpoint_key_hash(name, pk, hash);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	typed[0] = CHECKPOINT_SIG_ED25519;
	memcpy(typed + 1, pk, KEYS_PUBLIC_BYTES);
	sodium_bin2base64(b64, sizeof(b64), typed, sizeof(typed), sodium_base64_VARIANT_ORIGINAL);
	k = snprintf(out, outlen, "%s+%s+%s", name, hex, b64);
	return k < 0 || (size_t)k >= outlen ? -1 : 0;
}

/*
 * Whether text[0..len) can be a note's text: non-empty lines, each ending in "\n", with no
 * control character but the newlines (so no blank line, which would end the text).
 */
static bool
note_text_ok(const char *text, size_t len)
{
	size_t i;

	if (len == 0 || text[0] == '\n' || text[len - 1] != '\n')
		return false;
	for (i = 0; i < len; i++) {
		if ((unsigned char)text[i] < 0x20 && text[i] != '\n')
			return false;
		if (text[i] == '\n' && i + 1 < len && text[i + 1] == '\n')
			return false;
	}
	return true;
}

int
checkpoint_note_sign(const char *text, size_t len, const char *name,
    const struct keys_secret *signer, char **note, size_t *notelen, char *err, size_t errlen)
{
	char sig64[sodium_base64_ENCODED_LEN(SIG_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	unsigned char sig[SIG_BYTES];
	size_t nlen = strlen(name), cap;
	char *buf;

	*note = NULL;
	*notelen = 0;
	if (signer == NULL || signer->kind != KEYS_SIGN) {
		snprintf(err, errlen, "a note is signed with an Ed25519 signing key");
		return -1;
	}
	if (!checkpoint_origin_ok(name) || !note_text_ok(text, len) ||
	    len > CHECKPOINT_NOTE_MAX) {
		snprintf(err, errlen, "cannot sign: not a key name, or not a note's text");
		return -1;
	}
	checkpoint_key_hash(name, signer->pk, sig);
	crypto_sign_detached(sig + CHECKPOINT_KEY_HASH_BYTES, NULL, (const unsigned char *)text,
	    len, signer->sk);
	sodium_bin2base64(sig64, sizeof(sig64), sig, sizeof(sig), sodium_base64_VARIANT_ORIGINAL);
	/* text, "\n", "— ", name, " ", signature, "\n", NUL */
	cap = len + 1 + SIG_PREFIX_LEN + nlen + 1 + strlen(sig64) + 2;
	if ((buf = malloc(cap)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(buf, text, len);
	snprintf(buf + len, cap - len, "\n%s%s %s\n", sig_prefix, name, sig64);
	*note = buf;
	*notelen = cap - 1;
	return 0;
}

int
checkpoint_sign(const struct checkpoint *cp, const struct keys_secret *signer, char **note,
    size_t *len, char *err, size_t errlen)
{
	char root[sodium_base64_ENCODED_LEN(CHECKPOINT_HASH_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	char text[CHECKPOINT_ORIGIN_MAX + sizeof(root) + 32];
	int k;

	*note = NULL;
	*len = 0;
	if (!checkpoint_origin_ok(cp->origin)) {
		snprintf(err, errlen, "origin \"%s\": 1 to %d printable characters, no space and no "
		    "\"+\"", cp->origin, CHECKPOINT_ORIGIN_MAX);
		return -1;
	}
	sodium_bin2base64(root, sizeof(root), cp->root, CHECKPOINT_HASH_BYTES,
	    sodium_base64_VARIANT_ORIGINAL);
	k = snprintf(text, sizeof(text), "%s\n%llu\n%s\n", cp->origin,
	    (unsigned long long)cp->size, root);
	if (k < 0 || (size_t)k >= sizeof(text)) {
		snprintf(err, errlen, "the checkpoint's text does not fit");
		return -1;
	}
	return checkpoint_note_sign(text, (size_t)k, cp->origin, signer, note, len, err, errlen);
}

/*
 * Decodes exactly `want` bytes of canonical standard base64 (with padding) from s[0..len).
 * Returns 0, or -1 (wrong length, a stray character, or a spelling that does not re-encode the
 * same).
 */
static int
base64_exact(const char *s, size_t len, unsigned char *out, size_t want)
{
	char again[sodium_base64_ENCODED_LEN(SIG_BYTES, sodium_base64_VARIANT_ORIGINAL)];
	const char *end;
	size_t got;

	if (want > SIG_BYTES ||
	    len != sodium_base64_ENCODED_LEN(want, sodium_base64_VARIANT_ORIGINAL) - 1 ||
	    sodium_base642bin(out, want, s, len, NULL, &got, &end,
	    sodium_base64_VARIANT_ORIGINAL) != 0 || got != want || end != s + len)
		return -1;
	sodium_bin2base64(again, sizeof(again), out, want, sodium_base64_VARIANT_ORIGINAL);
	return memcmp(again, s, len) == 0 ? 0 : -1;
}

/* Parses a tree size: decimal, no sign, no leading zero. Returns 0, or -1. */
static int
parse_size(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (len == 0 || (len > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9' || v > (UINT64_MAX - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* The next line of s[*pos..len) without its "\n"; -1 when no "\n" ends it. */
static int
next_line(const char *s, size_t len, size_t *pos, const char **line, size_t *n)
{
	const char *nl;

	if (*pos >= len || (nl = memchr(s + *pos, '\n', len - *pos)) == NULL)
		return -1;
	*line = s + *pos;
	*n = (size_t)(nl - *line);
	*pos += *n + 1;
	return 0;
}

int
checkpoint_note_open(const char *note, size_t len, const char *name,
    const unsigned char pk[KEYS_PUBLIC_BYTES], size_t *text_len, char *err, size_t errlen)
{
	unsigned char want[CHECKPOINT_KEY_HASH_BYTES], sig[SIG_BYTES];
	char hex[2 * CHECKPOINT_KEY_HASH_BYTES + 1];
	const char *line, *found = NULL;
	size_t tlen = 0, pos, n, i, nsigs = 0, nlen = strlen(name);

	*text_len = 0;
	if (len == 0 || len > CHECKPOINT_NOTE_MAX || memchr(note, '\0', len) != NULL ||
	    note[len - 1] != '\n') {
		snprintf(err, errlen, "not a signed note: empty, too long, holds a NUL or does not "
		    "end with a newline");
		return -1;
	}
	/* The text ends at the last blank line, as Go's note.Open splits a note. */
	for (i = len - 1; i > 0; i--)
		if (note[i] == '\n' && note[i - 1] == '\n') {
			tlen = i;
			break;
		}
	if (tlen == 0 || !note_text_ok(note, tlen)) {
		snprintf(err, errlen, "not a signed note: no text of non-empty lines before a blank "
		    "line, or a control character in it");
		return -1;
	}
	/*
	 * The signatures: every line well-formed, as Go's note.Open requires; the first under this
	 * name with this key's hash decides.
	 */
	checkpoint_key_hash(name, pk, want);
	pos = tlen + 1;
	while (pos < len) {
		unsigned char raw[MAX_SIGNATURE_BYTES];
		const char *who, *space, *b64;
		size_t rawlen = 0;

		if (++nsigs > MAX_SIGNATURES || next_line(note, len, &pos, &line, &n) != 0 ||
		    n < SIG_PREFIX_LEN || memcmp(line, sig_prefix, SIG_PREFIX_LEN) != 0 ||
		    (space = memchr(line + SIG_PREFIX_LEN, ' ', n - SIG_PREFIX_LEN)) == NULL ||
		    space == line + SIG_PREFIX_LEN ||
		    sodium_base642bin(raw, sizeof(raw), space + 1, n - (size_t)(space + 1 - line),
		    NULL, &rawlen, &b64, sodium_base64_VARIANT_ORIGINAL) != 0 ||
		    b64 != line + n || rawlen < CHECKPOINT_KEY_HASH_BYTES + 1) {
			snprintf(err, errlen, "signature %zu: not a signature line (\"— NAME "
			    "BASE64\")", nsigs);
			return -1;
		}
		who = line + SIG_PREFIX_LEN;
		if (found != NULL || (size_t)(space - who) != nlen || memcmp(who, name, nlen) != 0 ||
		    base64_exact(space + 1, n - (size_t)(space + 1 - line), sig, SIG_BYTES) != 0 ||
		    sodium_memcmp(sig, want, CHECKPOINT_KEY_HASH_BYTES) != 0)
			continue;	/* another key's, or another kind of signature */
		if (crypto_sign_verify_detached(sig + CHECKPOINT_KEY_HASH_BYTES,
		    (const unsigned char *)note, tlen, pk) != 0) {
			snprintf(err, errlen, "signature %zu: does not verify under the given key",
			    nsigs);
			return -1;
		}
		found = line;
	}
	if (found == NULL) {
		sodium_bin2hex(hex, sizeof(hex), want, sizeof(want));
		snprintf(err, errlen, "no signature by the given key (named \"%s\", key hash %s)",
		    name, hex);
		return -1;
	}
	*text_len = tlen;
	return 0;
}

int
checkpoint_open(const char *note, size_t len, const unsigned char pk[KEYS_PUBLIC_BYTES],
    struct checkpoint *cp, char *err, size_t errlen)
{
	const char *line, *nl;
	size_t pos = 0, n, tlen;

	memset(cp, 0, sizeof(*cp));
	/* The key's name is the origin, the first line. */
	if ((nl = memchr(note, '\n', len)) == NULL ||
	    (size_t)(nl - note) > CHECKPOINT_ORIGIN_MAX) {
		snprintf(err, errlen, "line 1: not an origin");
		return -1;
	}
	memcpy(cp->origin, note, (size_t)(nl - note));
	cp->origin[nl - note] = '\0';
	if (!checkpoint_origin_ok(cp->origin)) {
		snprintf(err, errlen, "line 1: origin: 1 to %d printable characters, no space and "
		    "no \"+\"", CHECKPOINT_ORIGIN_MAX);
		return -1;
	}
	if (checkpoint_note_open(note, len, cp->origin, pk, &tlen, err, errlen) != 0)
		return -1;
	/* The text: origin, size, root, and nothing else. */
	pos = (size_t)(nl - note) + 1;
	if (next_line(note, tlen, &pos, &line, &n) != 0 || parse_size(line, n, &cp->size) != 0) {
		snprintf(err, errlen, "line 2: not a tree size (a decimal number)");
		return -1;
	}
	if (next_line(note, tlen, &pos, &line, &n) != 0 ||
	    base64_exact(line, n, cp->root, CHECKPOINT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "line 3: not a root hash (32 bytes in base64)");
		return -1;
	}
	if (pos != tlen) {
		snprintf(err, errlen, "line 4: a tearline checkpoint has three lines before the "
		    "blank line");
		return -1;
	}
	return 0;
}

/* The key of keys[0..n) whose id is id, or NULL. */
static const struct keys_public *
key_by_id(const struct keys_public *keys, size_t n, const unsigned char id[KEYS_ID_BYTES])
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sodium_memcmp(keys[i].id, id, KEYS_ID_BYTES) == 0)
			return &keys[i];
	return NULL;
}

/*
 * Checks a signed log (a ledger, or an audit when `ledger` is false) under the given key that
 * signs its first signed record. Returns as verify_ledger_data and verify_audit_data do.
 */
static enum verify_status
check_signed_log(const char *name, const struct text_buffer *text, bool ledger,
    const struct keys_public *keys, size_t nkeys, struct audit_log *log, char *err,
    size_t errlen)
{
	const struct keys_public *key = nkeys > 0 ? &keys[0] : NULL;
	struct audit_log probe;
	size_t at = 0;

	memset(log, 0, sizeof(*log));
	if (audit_read(name, text->data, text->len, ledger, &probe, err, errlen) != 0)
		return VERIFY_FAIL;
	if (probe.nrecs > 0) {
		/* A ledger's entries are all signed; an audit's end record is its last. */
		at = ledger ? 0 : probe.nrecs - 1;
		if ((key = key_by_id(keys, nkeys, probe.recs[at].key_id)) == NULL) {
			char id[KEYS_ID_HEX];

			keys_id_hex(probe.recs[at].key_id, id);
			snprintf(err, errlen, "%s:%zu: field \"key_id\": signed by key %s, which is "
			    "none of the given public keys", name, at + 1, id);
			audit_log_free(&probe);
			return VERIFY_FAIL;
		}
	}
	audit_log_free(&probe);
	if (key == NULL) {
		snprintf(err, errlen, "no public key to check %s with", name);
		return VERIFY_ERROR;
	}
	return ledger ? verify_ledger_data(name, text->data, text->len, key, log, err, errlen) :
	    verify_audit_data(name, text->data, text->len, key, log, err, errlen);
}

/* Which ledger and line leaf k of the tree comes from. */
static void
leaf_where(const struct checkpoint_tree *t, size_t k, size_t *ledger, size_t *line)
{
	size_t i;

	for (i = 0; i < t->nledgers && k >= t->logs[i].nrecs; i++)
		k -= t->logs[i].nrecs;
	*ledger = i;
	*line = k + 1;
}

/* A leaf's hash and number, sorted to find an entry given twice. */
struct leaf_ref {
	unsigned char hash[CHECKPOINT_HASH_BYTES];
	size_t index;
};

static int
leaf_ref_cmp(const void *a, const void *b)
{
	const struct leaf_ref *x = a, *y = b;
	int c = memcmp(x->hash, y->hash, CHECKPOINT_HASH_BYTES);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Refuses a tree in which one entry appears twice. Returns VERIFY_OK, or another with err. */
static enum verify_status
check_unique(const struct checkpoint_tree *t, char *err, size_t errlen)
{
	struct leaf_ref *refs;
	size_t i;
	enum verify_status st = VERIFY_OK;

	if (t->nleaves < 2)
		return VERIFY_OK;
	if ((refs = calloc(t->nleaves, sizeof(*refs))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return VERIFY_ERROR;
	}
	for (i = 0; i < t->nleaves; i++) {
		memcpy(refs[i].hash, t->leaves + i * CHECKPOINT_HASH_BYTES, CHECKPOINT_HASH_BYTES);
		refs[i].index = i;
	}
	qsort(refs, t->nleaves, sizeof(*refs), leaf_ref_cmp);
	for (i = 1; i < t->nleaves; i++) {
		size_t la, na, lb, nb;

		if (sodium_memcmp(refs[i - 1].hash, refs[i].hash, CHECKPOINT_HASH_BYTES) != 0)
			continue;
		leaf_where(t, refs[i - 1].index, &la, &na);
		leaf_where(t, refs[i].index, &lb, &nb);
		snprintf(err, errlen, "%s:%zu: the same entry as %s:%zu (a ledger given twice?)",
		    t->paths[lb], nb, t->paths[la], na);
		st = VERIFY_FAIL;
		break;
	}
	free(refs);
	return st;
}

enum verify_status
checkpoint_tree_read(char *const *paths, size_t n, const struct keys_public *keys,
    size_t nkeys, struct checkpoint_tree *t, char *err, size_t errlen)
{
	enum verify_status st = VERIFY_ERROR;
	size_t i, k, total = 0;

	memset(t, 0, sizeof(*t));
	t->paths = paths;
	if ((t->texts = calloc(n + 1, sizeof(*t->texts))) == NULL ||
	    (t->logs = calloc(n + 1, sizeof(*t->logs))) == NULL)
		goto nomem;
	t->nledgers = n;
	for (i = 0; i < n; i++) {
		if (text_read_file(paths[i], CHECKPOINT_LEDGER_MAX, &t->texts[i], err, errlen) != 0) {
			st = VERIFY_ERROR;
			goto fail;
		}
		if ((st = check_signed_log(paths[i], &t->texts[i], true, keys, nkeys, &t->logs[i],
		    err, errlen)) != VERIFY_OK)
			goto fail;
		if (t->logs[i].nrecs > SIZE_MAX / CHECKPOINT_HASH_BYTES - total)
			goto nomem;
		total += t->logs[i].nrecs;
	}
	if ((t->leaves = malloc(total > 0 ? total * CHECKPOINT_HASH_BYTES : 1)) == NULL)
		goto nomem;
	for (i = 0; i < n; i++)
		for (k = 0; k < t->logs[i].nrecs; k++) {
			const struct audit_record *r = &t->logs[i].recs[k];

			checkpoint_leaf_hash(t->texts[i].data + r->line_off, r->line_len,
			    t->leaves + t->nleaves++ * CHECKPOINT_HASH_BYTES);
		}
	if ((st = check_unique(t, err, errlen)) != VERIFY_OK)
		goto fail;
	return VERIFY_OK;
nomem:
	snprintf(err, errlen, "out of memory");
	st = VERIFY_ERROR;
fail:
	checkpoint_tree_free(t);
	return st;
}

void
checkpoint_tree_free(struct checkpoint_tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nledgers; i++) {
		if (t->texts != NULL)
			text_buffer_free(&t->texts[i]);
		if (t->logs != NULL)
			audit_log_free(&t->logs[i]);
	}
	free(t->texts);
	free(t->logs);
	free(t->leaves);
	memset(t, 0, sizeof(*t));
}

/*
 * Finds the entry that names the audit's head and checks it stands in its place: the same run,
 * time and output digest, and the audit's ledger_prev the hash of the entry before it. Returns
 * VERIFY_OK with its leaf number, or VERIFY_FAIL with err.
 */
static enum verify_status
find_run(const struct checkpoint_tree *t, const char *audit, const struct audit_log *log,
    struct checkpoint_result *res, char *err, size_t errlen)
{
	static const unsigned char zero[AUDIT_HASH_BYTES];
	const struct audit_record *begin = &log->recs[0], *end = &log->recs[log->nrecs - 1];
	size_t i, k, base = 0;

	sodium_bin2hex(res->run, sizeof(res->run), begin->run, AUDIT_RUN_BYTES);
	for (i = 0; i < t->nledgers; i++) {
		const struct audit_log *lg = &t->logs[i];

		for (k = 0; k < lg->nrecs; k++) {
			const struct audit_record *e = &lg->recs[k];

			if (sodium_memcmp(e->audit_head, end->hash, AUDIT_HASH_BYTES) != 0)
				continue;
			if (sodium_memcmp(e->run, begin->run, AUDIT_RUN_BYTES) != 0 ||
			    sodium_memcmp(e->output_digest, end->output_digest,
			    AUDIT_HASH_BYTES) != 0 || strcmp(e->time, begin->time) != 0) {
				snprintf(err, errlen, "%s:%zu: names the head of %s with another run, "
				    "time or output digest", t->paths[i], k + 1, audit);
				return VERIFY_FAIL;
			}
			if (sodium_memcmp(begin->ledger_prev, k == 0 ? zero : lg->recs[k - 1].hash,
			    AUDIT_HASH_BYTES) != 0) {
				snprintf(err, errlen, "%s:1: field \"ledger_prev\": does not name the "
				    "entry before run %s (%s:%zu)", audit, res->run, t->paths[i],
				    k + 1);
				return VERIFY_FAIL;
			}
			res->index = base + k;
			res->ledger = t->paths[i];
			res->line = k + 1;
			return VERIFY_OK;
		}
		base += lg->nrecs;
	}
	snprintf(err, errlen, "%s: no entry of the ledgers given names the head of run %s",
	    audit, res->run);
	return VERIFY_FAIL;
}

enum verify_status
checkpoint_verify(const struct checkpoint_request *rq, struct checkpoint_result *res,
    char *err, size_t errlen)
{
	struct text_buffer note = { NULL, 0 }, audit = { NULL, 0 };
	struct checkpoint_tree t;
	struct audit_log log;
	unsigned char root[CHECKPOINT_HASH_BYTES];
	unsigned char proof[CHECKPOINT_MAX_PROOF * CHECKPOINT_HASH_BYTES];
	enum verify_status st = VERIFY_ERROR;
	char msg[512];

	memset(res, 0, sizeof(*res));
	memset(&t, 0, sizeof(t));
	memset(&log, 0, sizeof(log));
	if (text_read_file(rq->checkpoint, CHECKPOINT_NOTE_MAX, &note, err, errlen) != 0)
		return VERIFY_ERROR;
	if (checkpoint_open(note.data, note.len, rq->note_key->pk, &res->cp, msg,
	    sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s: %s", rq->checkpoint, msg);
		st = VERIFY_FAIL;
		goto done;
	}
	if ((st = checkpoint_tree_read(rq->ledgers, rq->nledgers, rq->keys, rq->nkeys, &t, err,
	    errlen)) != VERIFY_OK)
		goto done;
	st = VERIFY_FAIL;
	if (t.nleaves != res->cp.size) {
		snprintf(err, errlen, "%s: the checkpoint's tree has %llu runs, but the ledgers "
		    "given hold %zu", rq->checkpoint, (unsigned long long)res->cp.size, t.nleaves);
		goto done;
	}
	checkpoint_root(t.leaves, t.nleaves, root);
	if (sodium_memcmp(root, res->cp.root, sizeof(root)) != 0) {
		snprintf(err, errlen, "%s: the ledgers given, in this order, do not make the "
		    "checkpoint's root hash: an entry was changed, or the ledgers are not in the "
		    "order they were merged", rq->checkpoint);
		goto done;
	}
	if (rq->audit != NULL) {
		st = VERIFY_ERROR;
		if (text_read_file(rq->audit, rq->max_document, &audit, err, errlen) != 0)
			goto done;
		if ((st = check_signed_log(rq->audit, &audit, false, rq->keys, rq->nkeys, &log, err,
		    errlen)) != VERIFY_OK ||
		    (st = find_run(&t, rq->audit, &log, res, err, errlen)) != VERIFY_OK)
			goto done;
		res->proof_len = checkpoint_proof(t.leaves, t.nleaves, res->index, proof);
		if (checkpoint_proof_verify(t.leaves + res->index * CHECKPOINT_HASH_BYTES, res->index,
		    t.nleaves, proof, res->proof_len, res->cp.root) != 0) {
			snprintf(err, errlen, "%s: the audit path of run %s does not lead to the "
			    "checkpoint's root", rq->audit, res->run);
			st = VERIFY_FAIL;
			goto done;
		}
		res->included = true;
	}
	st = VERIFY_OK;
done:
	audit_log_free(&log);
	checkpoint_tree_free(&t);
	text_buffer_free(&note);
	text_buffer_free(&audit);
	return st;
}
