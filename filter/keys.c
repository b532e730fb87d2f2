/* SPDX-License-Identifier: ISC */
/*
 * keys: making, writing and reading key files.
 */
#include "keys.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

/* A key file is a few hundred bytes; anything much larger is not one. */
#define KEYS_FILE_MAX 4096

const char *
keys_algorithm(enum keys_kind kind)
{
	return kind == KEYS_SIGN ? "Ed25519" : "X25519";
}

/* The bytes of the secret half that a key file holds. */
static size_t
secret_len(enum keys_kind kind)
{
	return kind == KEYS_SIGN ? crypto_sign_SECRETKEYBYTES : crypto_box_SECRETKEYBYTES;
}

void
keys_id_of(enum keys_kind kind, const unsigned char pk[KEYS_PUBLIC_BYTES],
    unsigned char id[KEYS_ID_BYTES])
{
	static const char domain[] = "tearline key id v1";
	crypto_generichash_state st;
	const char *alg = keys_algorithm(kind);

	/* The domain and the algorithm's name, each with its NUL, then the public key. */
	crypto_generichash_init(&st, NULL, 0, KEYS_ID_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)domain, sizeof(domain));
	crypto_generichash_update(&st, (const unsigned char *)alg, strlen(alg) + 1);
	crypto_generichash_update(&st, pk, KEYS_PUBLIC_BYTES);
	crypto_generichash_final(&st, id, KEYS_ID_BYTES);
}

void
keys_id_hex(const unsigned char id[KEYS_ID_BYTES], char hex[KEYS_ID_HEX])
{
	sodium_bin2hex(hex, KEYS_ID_HEX, id, KEYS_ID_BYTES);
}

int
keys_hex_decode(const char *hex, size_t hexlen, unsigned char *bin, size_t binlen)
{
	size_t i, got;

	if (hexlen != 2 * binlen)
		return -1;
	for (i = 0; i < hexlen; i++) {
		char c = hex[i];

		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return -1;
	}
	/* sodium_hex2bin runs in constant time, which matters for secret keys. */
	if (sodium_hex2bin(bin, binlen, hex, hexlen, NULL, &got, NULL) != 0 || got != binlen)
		return -1;
	return 0;
}

static struct keys_secret *
secret_new(enum keys_kind kind)
{
	struct keys_secret *sec;

	if ((sec = sodium_malloc(sizeof(*sec))) == NULL)
		return NULL;
	memset(sec, 0, sizeof(*sec));
	sec->kind = kind;
	return sec;
}

void
keys_secret_free(struct keys_secret *sec)
{
	/* sodium_free makes the memory writable again, wipes it and unmaps it. */
	sodium_free(sec);
}

void
keys_public_of(const struct keys_secret *sec, struct keys_public *pub)
{
	pub->kind = sec->kind;
	memcpy(pub->id, sec->id, sizeof(pub->id));
	memcpy(pub->pk, sec->pk, sizeof(pub->pk));
}

struct keys_secret *
keys_secret_from_seed(enum keys_kind kind, const unsigned char seed[32])
{
	struct keys_secret *sec;

	if ((sec = secret_new(kind)) == NULL)
		return NULL;
	if (kind == KEYS_SIGN)
		crypto_sign_seed_keypair(sec->pk, sec->sk, seed);
	else
		crypto_box_seed_keypair(sec->pk, sec->sk, seed);
	keys_id_of(kind, sec->pk, sec->id);
	return sec;
}

/*
 * Writes a key file's text: comment, algorithm, key id, public key and, when `secret`, the secret
 * key. Returns the length written into buf, or -1 if buf is too small.
 */
static int
format_key(const struct keys_secret *sec, bool secret, char *buf, size_t buflen)
{
	char id[KEYS_ID_HEX], pk[2 * KEYS_PUBLIC_BYTES + 1];
	char *sk = NULL;
	size_t sklen = secret_len(sec->kind);
	int n;

	keys_id_hex(sec->id, id);
	sodium_bin2hex(pk, sizeof(pk), sec->pk, sizeof(sec->pk));
	if (!secret) {
		n = snprintf(buf, buflen,
		    "# tearline %s %s public key, key id %s\n"
		    "algorithm: %s\nkey-id: %s\npublic-key: %s\n",
		    keys_algorithm(sec->kind), sec->kind == KEYS_SIGN ? "signing" : "auditor", id,
		    keys_algorithm(sec->kind), id, pk);
		return n < 0 || (size_t)n >= buflen ? -1 : n;
	}
	if ((sk = sodium_malloc(2 * sklen + 1)) == NULL)
		return -1;
	sodium_bin2hex(sk, 2 * sklen + 1, sec->sk, sklen);
	n = snprintf(buf, buflen,
	    "# tearline %s %s secret key, key id %s: keep this file private\n"
	    "algorithm: %s\nkey-id: %s\npublic-key: %s\nsecret-key: %s\n",
	    keys_algorithm(sec->kind), sec->kind == KEYS_SIGN ? "signing" : "auditor", id,
	    keys_algorithm(sec->kind), id, pk, sk);
	sodium_free(sk);
	return n < 0 || (size_t)n >= buflen ? -1 : n;
}

/*
 * Creates path (which must not exist) with the given mode and writes data to it, synced. Returns
 * 0, or -1 with a message in err and no file left behind.
 */
static int
write_new_file(const char *path, mode_t mode, const char *data, size_t len, char *err,
    size_t errlen)
{
	size_t off = 0;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)) < 0) {
		snprintf(err, errlen, "%s: %s%s", path, strerror(errno),
		    errno == EEXIST ? " (a key file is never overwritten)" : "");
		return -1;
	}
	if (fchmod(fd, mode) != 0)
		goto fail;
	while (off < len) {
		ssize_t n = write(fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fsync(fd) != 0 && errno != EINVAL)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	snprintf(err, errlen, "%s: write error: %s", path, strerror(errno != 0 ? errno : EIO));
	if (fd >= 0)
		close(fd);
	unlink(path);
	return -1;
}

int
keys_generate(enum keys_kind kind, const char *secret_path, const char *public_path,
    struct keys_public *pub, char *err, size_t errlen)
{
	struct keys_secret *sec;
	char *text = NULL;
	char pubtext[512];
	size_t textcap = 1024;
	int n, rc = -1;

	if (strcmp(secret_path, public_path) == 0) {
		snprintf(err, errlen, "%s: the secret and the public key need two files", secret_path);
		return -1;
	}
	if ((sec = secret_new(kind)) == NULL || (text = sodium_malloc(textcap)) == NULL) {
		snprintf(err, errlen, "out of secure memory");
		goto done;
	}
	if (kind == KEYS_SIGN)
		crypto_sign_keypair(sec->pk, sec->sk);
	else
		crypto_box_keypair(sec->pk, sec->sk);
	keys_id_of(kind, sec->pk, sec->id);
	if ((n = format_key(sec, true, text, textcap)) < 0 ||
	    format_key(sec, false, pubtext, sizeof(pubtext)) < 0) {
		snprintf(err, errlen, "out of secure memory");
		goto done;
	}
	if (write_new_file(secret_path, 0600, text, (size_t)n, err, errlen) != 0)
		goto done;
	if (write_new_file(public_path, 0644, pubtext, strlen(pubtext), err, errlen) != 0) {
		unlink(secret_path);
		goto done;
	}
	keys_public_of(sec, pub);
	rc = 0;
done:
	sodium_free(text);
	keys_secret_free(sec);
	return rc;
}

/*
 * Reads a key file into buf (at most KEYS_FILE_MAX bytes, NUL-terminated). With `secret`, the
 * file must be a regular file that neither its group nor others may access. Returns the length,
 * or -1 with a message in err.
 */
/* Whether one of the lines of buf[0..len) begins with `field`. */
static bool
has_line(const char *buf, size_t len, const char *field)
{
	size_t k = 0, n = strlen(field);

	while (k < len) {
		const char *nl = memchr(buf + k, '\n', len - k);

		if (len - k >= n && memcmp(buf + k, field, n) == 0)
			return true;
		if (nl == NULL)
			break;
		k = (size_t)(nl - buf) + 1;
	}
	return false;
}

static ssize_t
read_key_file(const char *path, bool secret, char *buf, char *err, size_t errlen)
{
	struct stat st;
	size_t len = 0;
	int fd;

	/*
	 * O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, before the
	 * check below could refuse it. On a regular file the flag changes nothing.
	 */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file: a key file must be one", path);
		goto fail;
	}
	for (;;) {
		ssize_t n = read(fd, buf + len, KEYS_FILE_MAX - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len == KEYS_FILE_MAX) {
			snprintf(err, errlen, "%s: too large for a key file", path);
			goto fail;
		}
	}
	close(fd);
	buf[len] = '\0';
	/* What the file is, when it is the other half of a pair: say so, before its mode. */
	if (secret != has_line(buf, len, "secret-key:") && has_line(buf, len, "public-key:")) {
		snprintf(err, errlen, secret ? "%s: a public key file, where the secret key file is "
		    "wanted (keygen wrote it beside this one, private)" : "%s: a secret key file, "
		    "where a public key file is wanted (keygen wrote it beside this one); keep the "
		    "secret one private", path);
		return -1;
	}
	if (secret && (st.st_mode & 077) != 0) {
		snprintf(err, errlen, "%s: the secret key file is open to others (mode %04o); "
		    "make it private with chmod 600", path, (unsigned)(st.st_mode & 07777));
		return -1;
	}
	return (ssize_t)len;
fail:
	close(fd);
	return -1;
}

/* A cursor over a key file's lines. */
struct key_reader {
	const char *path;
	const char *text;
	size_t len, pos, line;
	char *err;
	size_t errlen;
};

/* Starts reading the n bytes of a key file's text. */
static void
reader_init(struct key_reader *r, const char *path, const char *text, size_t n, char *err,
    size_t errlen)
{
	memset(r, 0, sizeof(*r));
	r->path = path;
	r->text = text;
	r->len = n;
	r->err = err;
	r->errlen = errlen;
}

/*
 * Reads the next "NAME: VALUE" line, skipping comment lines, and checks its name. Returns 0 with
 * the value in *val, *vallen, or -1 with a located message.
 */
static int
next_field(struct key_reader *r, const char *name, const char **val, size_t *vallen)
{
	size_t nlen = strlen(name);

	for (;;) {
		const char *s = r->text + r->pos, *nl;
		size_t len;

		if (r->pos >= r->len) {
			snprintf(r->err, r->errlen, "%s: ends before its \"%s:\" line", r->path, name);
			return -1;
		}
		nl = memchr(s, '\n', r->len - r->pos);
		len = nl != NULL ? (size_t)(nl - s) : r->len - r->pos;
		r->pos += len + (nl != NULL);
		r->line++;
		if (len > 0 && s[0] == '#')
			continue;
		if (len < nlen + 2 || memcmp(s, name, nlen) != 0 || s[nlen] != ':' ||
		    s[nlen + 1] != ' ') {
			snprintf(r->err, r->errlen, "%s:%zu: expected \"%s: \"", r->path, r->line,
			    name);
			return -1;
		}
		*val = s + nlen + 2;
		*vallen = len - nlen - 2;
		return 0;
	}
}

/* Reads a hex field of exactly n bytes. */
static int
hex_field(struct key_reader *r, const char *name, unsigned char *out, size_t n)
{
	const char *val;
	size_t vallen;

	if (next_field(r, name, &val, &vallen) != 0)
		return -1;
	if (keys_hex_decode(val, vallen, out, n) != 0) {
		snprintf(r->err, r->errlen, "%s:%zu: %s is not %zu lower-case hex digits", r->path,
		    r->line, name, 2 * n);
		return -1;
	}
	return 0;
}

/* Reads the fields common to both key files: algorithm, key id and public key. */
static int
read_public_part(struct key_reader *r, enum keys_kind kind, unsigned char *id, unsigned char *pk)
{
	const char *val, *want = keys_algorithm(kind);
	size_t vallen;

	if (next_field(r, "algorithm", &val, &vallen) != 0)
		return -1;
	/* The value is not quoted: in a damaged secret key file it could be the secret. */
	if (vallen != strlen(want) || memcmp(val, want, vallen) != 0) {
		const char *other = kind == KEYS_SIGN ? "X25519" : "Ed25519";

		/* The other kind of key names itself: a signing key is no auditor key. */
		if (vallen == strlen(other) && memcmp(val, other, vallen) == 0)
			snprintf(r->err, r->errlen, "%s: an %s key, where an %s %s key is wanted "
			    "(keygen%s makes one)", r->path, kind == KEYS_SIGN ?
			    "X25519 auditor" : "Ed25519 signing", want,
			    kind == KEYS_SIGN ? "signing" : "auditor",
			    kind == KEYS_SIGN ? "" : " --auditor");
		else
			snprintf(r->err, r->errlen, "%s:%zu: the algorithm is not %s: expected an "
			    "%s %s key", r->path, r->line, want, want,
			    kind == KEYS_SIGN ? "signing" : "auditor");
		return -1;
	}
	unsigned char derived[KEYS_ID_BYTES];
	size_t idline;

	if (hex_field(r, "key-id", id, KEYS_ID_BYTES) != 0)
		return -1;
	idline = r->line;
	if (hex_field(r, "public-key", pk, KEYS_PUBLIC_BYTES) != 0)
		return -1;
	/* A key id is derived from the key: a relabelled key file would sign under another's id. */
	keys_id_of(kind, pk, derived);
	if (sodium_memcmp(derived, id, KEYS_ID_BYTES) != 0) {
		snprintf(r->err, r->errlen, "%s:%zu: the key id is not this public key's "
		    "(an id is derived from its key; this file was relabelled or damaged)", r->path,
		    idline);
		return -1;
	}
	return 0;
}

/* Nothing may follow the last field but comment lines. */
static int
expect_end(struct key_reader *r)
{
	while (r->pos < r->len) {
		const char *s = r->text + r->pos, *nl = memchr(s, '\n', r->len - r->pos);
		size_t len = nl != NULL ? (size_t)(nl - s) : r->len - r->pos;

		r->line++;
		if (len == 0 || s[0] != '#') {
			snprintf(r->err, r->errlen, "%s:%zu: unexpected line after the key", r->path,
			    r->line);
			return -1;
		}
		r->pos += len + (nl != NULL);
	}
	return 0;
}

int
keys_parse_public(const char *name, const char *text, size_t n, enum keys_kind kind,
    struct keys_public *pub, char *err, size_t errlen)
{
	struct key_reader r;

	reader_init(&r, name, text, n, err, errlen);
	pub->kind = kind;
	if (read_public_part(&r, kind, pub->id, pub->pk) != 0 || expect_end(&r) != 0)
		return -1;
	return 0;
}

int
keys_read_public(const char *path, enum keys_kind kind, struct keys_public *pub, char *err,
    size_t errlen)
{
	char buf[KEYS_FILE_MAX + 1];
	ssize_t n;

	int rc;

	if ((n = read_key_file(path, false, buf, err, errlen)) < 0) {
		sodium_memzero(buf, sizeof(buf));	/* a secret key file given for a public one */
		return -1;
	}
	rc = keys_parse_public(path, buf, (size_t)n, kind, pub, err, errlen);
	sodium_memzero(buf, sizeof(buf));
	return rc;
}

struct keys_secret *
keys_parse_secret(const char *path, const char *text, size_t n, enum keys_kind kind, char *err,
    size_t errlen)
{
	struct keys_secret *sec = NULL;
	struct key_reader r;
	unsigned char pk[crypto_box_PUBLICKEYBYTES];
	bool ok = false;

	if ((sec = secret_new(kind)) == NULL) {
		snprintf(err, errlen, "out of secure memory");
		return NULL;
	}
	reader_init(&r, path, text, n, err, errlen);
	if (read_public_part(&r, kind, sec->id, sec->pk) != 0 ||
	    hex_field(&r, "secret-key", sec->sk, secret_len(kind)) != 0 || expect_end(&r) != 0)
		goto done;
	/*
	 * The halves must belong together, or a signature would not verify under the key id. An
	 * Ed25519 secret key holds its seed and a copy of the public key: the public key is derived
	 * again from the seed, so that a damaged seed is caught, not only a damaged copy.
	 */
	if (kind == KEYS_SIGN) {
		unsigned char seed[crypto_sign_SEEDBYTES], *derived;

		if ((derived = sodium_malloc(crypto_sign_SECRETKEYBYTES)) == NULL) {
			snprintf(err, errlen, "out of secure memory");
			goto done;
		}
		crypto_sign_ed25519_sk_to_seed(seed, sec->sk);
		crypto_sign_seed_keypair(pk, derived, seed);
		sodium_memzero(seed, sizeof(seed));
		sodium_free(derived);
		if (sodium_memcmp(pk, sec->sk + crypto_sign_SEEDBYTES, sizeof(pk)) != 0) {
			snprintf(err, errlen, "%s: the secret key is damaged", path);
			goto done;
		}
	} else
		crypto_scalarmult_base(pk, sec->sk);
	if (sodium_memcmp(pk, sec->pk, sizeof(pk)) != 0) {
		snprintf(err, errlen, "%s: the secret key does not match its public key", path);
		goto done;
	}
	sodium_mprotect_readonly(sec);
	ok = true;
done:
	if (!ok) {
		keys_secret_free(sec);
		return NULL;
	}
	return sec;
}

struct keys_secret *
keys_read_secret(const char *path, enum keys_kind kind, char *err, size_t errlen)
{
	struct keys_secret *sec = NULL;
	char *buf;
	ssize_t n;

	if ((buf = sodium_malloc(KEYS_FILE_MAX + 1)) == NULL) {
		snprintf(err, errlen, "out of secure memory");
		return NULL;
	}
	if ((n = read_key_file(path, true, buf, err, errlen)) >= 0)
		sec = keys_parse_secret(path, buf, (size_t)n, kind, err, errlen);
	sodium_free(buf);
	return sec;
}
