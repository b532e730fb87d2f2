/* SPDX-License-Identifier: ISC */
/*
 * test_keys: key files. A pair is made with a secret key file of mode 0600 and read back; a key
 * file is never overwritten; a secret key file open to others is refused; a key of the wrong
 * kind, with upper-case hex, a missing or an extra line, or halves that do not belong together is
 * refused with a located message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "keys.h"
#include "policy.h"

#include "fixtures.h"

struct fixture {
	char dir[64];
	char sec[128], pub[128], asec[128], apub[128], tmp[128];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL || sodium_init() < 0)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/tearline-keys-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->sec, sizeof(f->sec), "%s/sign.key", f->dir);
	snprintf(f->pub, sizeof(f->pub), "%s/sign.pub", f->dir);
	snprintf(f->asec, sizeof(f->asec), "%s/auditor.key", f->dir);
	snprintf(f->apub, sizeof(f->apub), "%s/auditor.pub", f->dir);
	snprintf(f->tmp, sizeof(f->tmp), "%s/edited", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->sec);
	unlink(f->pub);
	unlink(f->asec);
	unlink(f->apub);
	unlink(f->tmp);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Reads a small file into buf, NUL-terminated. */
static size_t
slurp(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "r");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, size - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return n;
}

/* Writes text to path with the given mode. */
static void
spit(const char *path, const char *text, mode_t mode)
{
	FILE *fp;

	unlink(path);
	assert_non_null(fp = fopen(path, "w"));
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(chmod(path, mode), 0);
}

static void
test_generate_and_read(void **state)
{
	struct fixture *f = *state;
	struct keys_public pub, back;
	struct keys_secret *sec;
	struct stat st;
	char err[512], id[KEYS_ID_HEX], text[4096];

	assert_int_equal(keys_generate(KEYS_SIGN, f->sec, f->pub, &pub, err, sizeof(err)), 0);
	assert_int_equal(stat(f->sec, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	keys_id_hex(pub.id, id);
	slurp(f->pub, text, sizeof(text));
	/* A person can read it: the key id is written out. */
	assert_non_null(strstr(text, "key-id: "));
	assert_non_null(strstr(text, id));
	assert_int_equal(keys_read_public(f->pub, KEYS_SIGN, &back, err, sizeof(err)), 0);
	assert_memory_equal(back.id, pub.id, KEYS_ID_BYTES);
	assert_memory_equal(back.pk, pub.pk, KEYS_PUBLIC_BYTES);
	assert_non_null(sec = keys_read_secret(f->sec, KEYS_SIGN, err, sizeof(err)));
	assert_memory_equal(sec->pk, pub.pk, KEYS_PUBLIC_BYTES);
	{
		unsigned char sig[crypto_sign_BYTES];

		crypto_sign_detached(sig, NULL, (const unsigned char *)"m", 1, sec->sk);
		assert_int_equal(crypto_sign_verify_detached(sig, (const unsigned char *)"m", 1,
		    back.pk), 0);
	}
	keys_secret_free(sec);
	keys_secret_free(NULL);

	/* Never overwritten; and nothing is left of a pair that could not be written. */
	assert_int_equal(keys_generate(KEYS_SIGN, f->sec, f->tmp, &pub, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "never overwritten"));
	assert_int_equal(access(f->tmp, F_OK), -1);
	assert_int_equal(keys_generate(KEYS_SIGN, f->tmp, f->pub, &pub, err, sizeof(err)), -1);
	assert_int_equal(access(f->tmp, F_OK), -1);

	/* The auditor's pair is a box key pair, and the kinds do not mix. */
	assert_int_equal(keys_generate(KEYS_BOX, f->asec, f->apub, &pub, err, sizeof(err)), 0);
	assert_non_null(sec = keys_read_secret(f->asec, KEYS_BOX, err, sizeof(err)));
	keys_secret_free(sec);
	assert_int_equal(keys_read_public(f->apub, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "an X25519 auditor key, where an Ed25519 signing key is wanted"));
	assert_null(keys_read_secret(f->sec, KEYS_BOX, err, sizeof(err)));
	assert_non_null(strstr(err, "an Ed25519 signing key, where an X25519 auditor key is wanted"));
	/* The other half of a pair says what it is. */
	assert_null(keys_read_secret(f->pub, KEYS_SIGN, err, sizeof(err)));
	assert_non_null(strstr(err, "a public key file, where the secret key file is wanted"));
	assert_int_equal(keys_read_public(f->sec, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "a secret key file, where a public key file is wanted"));
}

static void
test_secret_file_mode(void **state)
{
	struct fixture *f = *state;
	struct keys_public pub;
	char err[512];

	assert_int_equal(keys_generate(KEYS_SIGN, f->sec, f->pub, &pub, err, sizeof(err)), 0);
	assert_int_equal(chmod(f->sec, 0644), 0);
	assert_null(keys_read_secret(f->sec, KEYS_SIGN, err, sizeof(err)));
	assert_non_null(strstr(err, "open to others"));
	assert_int_equal(chmod(f->sec, 0640), 0);
	assert_null(keys_read_secret(f->sec, KEYS_SIGN, err, sizeof(err)));
	assert_int_equal(chmod(f->sec, 0400), 0);
	assert_non_null(keys_read_secret(f->sec, KEYS_SIGN, err, sizeof(err)));
}

/* Replaces the first `from` in the text of `src` and writes it to f->tmp. */
static void
edit(struct fixture *f, const char *src, const char *from, const char *to, mode_t mode)
{
	char text[4096], out[4096], *at;

	slurp(src, text, sizeof(text));
	assert_non_null(at = strstr(text, from));
	snprintf(out, sizeof(out), "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	spit(f->tmp, out, mode);
}

static void
test_malformed(void **state)
{
	struct fixture *f = *state;
	struct keys_public pub, back;
	char err[512], text[4096], *line;
	struct keys_secret *other;
	unsigned char seed[32] = { 7 };

	assert_int_equal(keys_generate(KEYS_SIGN, f->sec, f->pub, &pub, err, sizeof(err)), 0);
	/* Upper-case hex: one spelling per key. */
	slurp(f->pub, text, sizeof(text));
	line = strstr(text, "public-key: ") + strlen("public-key: ");
	while (!(*line >= 'a' && *line <= 'f'))
		line++;
	*line = (char)(*line - 'a' + 'A');
	spit(f->tmp, text, 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":4: public-key is not 64 lower-case hex digits"));
	/* A missing line, an extra line, a short key id. */
	edit(f, f->pub, "key-id: ", "key_id: ", 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":3: expected \"key-id: \""));
	edit(f, f->pub, "algorithm:", "extra: 1\nalgorithm:", 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	slurp(f->pub, text, sizeof(text));
	strcat(text, "trailing: line\n");
	spit(f->tmp, text, 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unexpected line"));
	edit(f, f->pub, "key-id: ", "key-id: 0", 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	/* A secret key whose public half was swapped for another key's. */
	assert_non_null(other = keys_secret_from_seed(KEYS_SIGN, seed));
	{
		char hex[2 * KEYS_PUBLIC_BYTES + 1], mine[2 * KEYS_PUBLIC_BYTES + 1];
		char oid[KEYS_ID_HEX], myid[KEYS_ID_HEX], from[128], to[128];

		sodium_bin2hex(hex, sizeof(hex), other->pk, KEYS_PUBLIC_BYTES);
		sodium_bin2hex(mine, sizeof(mine), pub.pk, KEYS_PUBLIC_BYTES);
		keys_id_hex(other->id, oid);
		keys_id_hex(pub.id, myid);
		/* Both lines, so that the id still matches the public key it now names. */
		snprintf(from, sizeof(from), "key-id: %s\npublic-key: %s", myid, mine);
		snprintf(to, sizeof(to), "key-id: %s\npublic-key: %s", oid, hex);
		edit(f, f->sec, from, to, 0600);
	}
	keys_secret_free(other);
	assert_null(keys_read_secret(f->tmp, KEYS_SIGN, err, sizeof(err)));
	assert_non_null(strstr(err, "does not match its public key"));
	assert_int_equal(keys_read_public("/nonexistent/key", KEYS_SIGN, &back, err, sizeof(err)),
	    -1);
}

/*
 * The key id is derived from the key. The vectors are BLAKE2b-64 of "tearline key id v1\0",
 * the algorithm's name with its NUL, and the public key, computed with Python's hashlib for the
 * keys of seeds 1, 2, ..., 32 (Ed25519) and 2, 3, ..., 33 (X25519).
 */
static void
test_key_id(void **state)
{
	struct fixture *f = *state;
	struct keys_secret *sign = fixture_key(KEYS_SIGN, 1), *box = fixture_key(KEYS_BOX, 2);
	struct keys_public pub, back;
	char err[512], id[KEYS_ID_HEX], from[64], to[64];

	assert_non_null(sign);
	assert_non_null(box);
	keys_id_hex(sign->id, id);
	assert_string_equal(id, "24624dfa2c43a786");
	keys_id_hex(box->id, id);
	assert_string_equal(id, "ff9d15b436d75ad3");
	/* A key file relabelled with another key's id is refused, public or secret. */
	assert_int_equal(keys_generate(KEYS_SIGN, f->sec, f->pub, &pub, err, sizeof(err)), 0);
	keys_id_hex(pub.id, id);
	snprintf(from, sizeof(from), "key-id: %s", id);
	snprintf(to, sizeof(to), "key-id: 24624dfa2c43a786");
	edit(f, f->pub, from, to, 0644);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":3: the key id is not this public key's"));
	edit(f, f->sec, from, to, 0600);
	assert_null(keys_read_secret(f->tmp, KEYS_SIGN, err, sizeof(err)));
	assert_non_null(strstr(err, ":3: the key id is not this public key's"));
	/* The same key under the other algorithm's name has another id. */
	keys_id_of(KEYS_BOX, pub.pk, back.id);
	assert_memory_not_equal(back.id, pub.id, KEYS_ID_BYTES);
	keys_secret_free(sign);
	keys_secret_free(box);
}

/* A FIFO (or any file that is not regular) is refused at once, never waited on. */
static void
test_not_regular(void **state)
{
	struct fixture *f = *state;
	struct keys_public back;
	char err[512];

	assert_int_equal(mkfifo(f->tmp, 0600), 0);
	assert_int_equal(keys_read_public(f->tmp, KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a regular file"));
	assert_null(keys_read_secret(f->tmp, KEYS_SIGN, err, sizeof(err)));
	assert_non_null(strstr(err, "not a regular file"));
	assert_int_equal(keys_read_public("/dev/null", KEYS_SIGN, &back, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a regular file"));
}

static void
test_hex_decode(void **state)
{
	unsigned char b[2];

	(void)state;
	assert_int_equal(keys_hex_decode("0aff", 4, b, 2), 0);
	assert_int_equal(b[0], 0x0a);
	assert_int_equal(b[1], 0xff);
	assert_int_equal(keys_hex_decode("0AFF", 4, b, 2), -1);
	assert_int_equal(keys_hex_decode("0af", 3, b, 2), -1);
	assert_int_equal(keys_hex_decode("0afff", 5, b, 2), -1);
	assert_int_equal(keys_hex_decode("0a:f", 4, b, 2), -1);
	assert_int_equal(keys_hex_decode("0a f", 4, b, 2), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_generate_and_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_secret_file_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_key_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_regular, setup, teardown),
		cmocka_unit_test(test_hex_decode),
	};

	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
