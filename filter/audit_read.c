/* SPDX-License-Identifier: ISC */
/*
 * audit_read: reading audits and ledgers a record at a time, as a stream or from memory;
 * signatures, commitments and the sealed run secret checked.
 */
#include "audit_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "marking.h"
#include "sandbox.h"
#include "textio.h"

int
audit_record_parse(const char *line, size_t len, bool ledger, struct audit_record *rec,
    char *err, size_t errlen)
{
	return audit_parse_record(line, len, ledger, true, 2, rec, err, errlen);
}

void
audit_log_free(struct audit_log *log)
{
	if (log == NULL)
		return;
	free(log->recs);
	free(log->text);
	memset(log, 0, sizeof(*log));
}

/* The state of reading an audit or ledger line by line, from a buffer or a file. */
struct line_reader {
	const char *name;
	bool ledger, again;
	int version;			/* the audit's format, once its begin record is read */
	unsigned char prev[AUDIT_HASH_BYTES];
	size_t lineno;
	struct audit_record *rec;
	int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
	    size_t errlen);
	void *ctx;
};

static int
line_reader_init(struct line_reader *lr, const char *name, bool ledger, bool again,
    int (*fn)(void *, const struct audit_record *, size_t, char *, size_t), void *ctx,
    char *err, size_t errlen)
{
	memset(lr, 0, sizeof(*lr));
	lr->name = name;
	lr->ledger = ledger;
	lr->again = again;
	lr->fn = fn;
	lr->ctx = ctx;
	/* One record's room, reused: an audit of any length is read in constant memory. */
	if ((lr->rec = malloc(sizeof(*lr->rec))) == NULL) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	return 0;
}

/* One line s[0..n) (without its "\n") at offset off: parsed, chained, given to fn. */
static int
line_reader_line(struct line_reader *lr, const char *s, size_t n, size_t off, char *err,
    size_t errlen)
{
	struct audit_record *rec = lr->rec;
	char msg[512];
	size_t lineno = ++lr->lineno;

	if (audit_parse_record(s, n, lr->ledger, !lr->again, lineno == 1 ? 0 : lr->version, rec,
	    msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s:%zu: %s", lr->name, lineno, msg);
		return -1;
	}
	rec->line_off = off;
	rec->line_len = n;
	rec->line = s;
	if (rec->seq != lineno - 1) {
		snprintf(err, errlen, "%s:%zu: field \"seq\": %llu where %zu was due", lr->name,
		    lineno, (unsigned long long)rec->seq, lineno - 1);
		return -1;
	}
	if (lineno == 1)
		lr->version = rec->version;
	else if (rec->kind == AUDIT_BEGIN && rec->version != lr->version) {
		snprintf(err, errlen, "%s:%zu: field \"format\": not the audit's", lr->name,
		    lineno);
		return -1;
	}
	if (rec->version == 2) {
		/* The chain is not written: each record's hash follows from its line. */
		if (rec->kind == AUDIT_END && sodium_memcmp(rec->head, lr->prev,
		    AUDIT_HASH_BYTES) != 0) {
			snprintf(err, errlen, "%s:%zu: field \"head\": does not match the records "
			    "before it: one was changed, added, removed or moved", lr->name, lineno);
			return -1;
		}
		audit_chain(lr->prev, s, n, rec->hash);
	} else if (sodium_memcmp(rec->prev, lr->prev, AUDIT_HASH_BYTES) != 0) {
		if (lineno == 1)
			snprintf(err, errlen,
			    "%s:%zu: field \"prev\": not zero in the first record",
			    lr->name, lineno);
		else
			snprintf(err, errlen, "%s:%zu: field \"prev\": does not match the hash of "
			    "record %zu", lr->name, lineno, lineno - 1);
		return -1;
	}
	memcpy(lr->prev, rec->hash, AUDIT_HASH_BYTES);
	return lr->fn(lr->ctx, rec, lineno, err, errlen);
}

int
audit_read_each(const char *name, const char *data, size_t len, bool ledger, bool again,
    int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen), void *ctx, char *err, size_t errlen)
{
	struct line_reader lr;
	size_t pos = 0;
	int rc = -1;

	if (len == 0) {
		snprintf(err, errlen, "%s: empty", name);
		return -1;
	}
	if (line_reader_init(&lr, name, ledger, again, fn, ctx, err, errlen) != 0)
		return -1;
	while (pos < len) {
		const char *s = data + pos, *nl = memchr(s, '\n', len - pos);
		size_t n;

		if (nl == NULL) {
			snprintf(err, errlen, "%s:%zu: no line end: the file is cut short or has "
			    "bytes appended", name, lr.lineno + 1);
			goto done;
		}
		n = (size_t)(nl - s);
		if (line_reader_line(&lr, s, n, pos, err, errlen) != 0)
			goto done;
		pos += n + 1;
	}
	rc = 0;
done:
	free(lr.rec);
	return rc;
}

/* What audit_read_fd reads at a time: many lines, and always at least one whole one. */
#define READ_CHUNK (64 * 1024)

int
audit_read_fd(const char *name, int fd, bool ledger,
    int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen), void *ctx, char *err, size_t errlen)
{
	struct line_reader lr;
	char *buf;
	size_t have = 0, off = 0, cap = READ_CHUNK + AUDIT_LINE_MAX + 1;
	bool eof = false;
	int rc = -1;

	if (lseek(fd, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "%s: %s", name, strerror(errno));
		return -1;
	}
	if ((buf = malloc(cap)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	if (line_reader_init(&lr, name, ledger, false, fn, ctx, err, errlen) != 0) {
		free(buf);
		return -1;
	}
	for (;;) {
		size_t pos = 0;

		while (!eof && have < cap) {
			ssize_t got = read(fd, buf + have, cap - have);

			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0) {
				snprintf(err, errlen, "%s: read error: %s", name, strerror(errno));
				goto done;
			}
			if (got == 0)
				eof = true;
			have += (size_t)got;
		}
		if (have == 0 && off == 0) {
			snprintf(err, errlen, "%s: empty", name);
			goto done;
		}
		while (pos < have) {
			const char *s = buf + pos, *nl = memchr(s, '\n', have - pos);
			size_t n;

			if (nl == NULL)
				break;
			n = (size_t)(nl - s);
			if (line_reader_line(&lr, s, n, off + pos, err, errlen) != 0)
				goto done;
			pos += n + 1;
		}
		if (pos == have && eof)
			break;
		if (pos < have && (eof || have - pos > AUDIT_LINE_MAX)) {
			/* A line that does not end,
			    or is longer than any record: as in a buffer. */
			if (eof)
				snprintf(err, errlen,
				    "%s:%zu: no line end: the file is cut short or "
				    "has bytes appended", name, lr.lineno + 1);
			else
				snprintf(err, errlen, "%s:%zu: longer than %d bytes: not a record",
				    name, lr.lineno + 1, AUDIT_LINE_MAX);
			goto done;
		}
		memmove(buf, buf + pos, have - pos);
		off += pos;
		have -= pos;
	}
	rc = 0;
done:
	free(lr.rec);
	free(buf);
	return rc;
}

int
audit_log_keep(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen)
{
	struct audit_log *log = ctx;

	(void)lineno;
	if (log->nrecs == log->cap) {
		size_t ncap = log->cap == 0 ? 16 : log->cap * 2;
		struct audit_record *bigger;

		if (ncap > SIZE_MAX / sizeof(*bigger) ||
		    (bigger = realloc(log->recs, ncap * sizeof(*bigger))) == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		log->recs = bigger;
		log->cap = ncap;
	}
	log->recs[log->nrecs++] = *rec;
	return 0;
}

int
audit_read(const char *name, const char *data, size_t len, bool ledger, struct audit_log *log,
    char *err, size_t errlen)
{
	memset(log, 0, sizeof(*log));
	if (audit_read_each(name, data, len, ledger, false, audit_log_keep, log, err,
	    errlen) != 0) {
		audit_log_free(log);
		return -1;
	}
	return 0;
}

int
audit_verify_signature(const struct audit_record *rec, const char *line,
    const unsigned char pk[KEYS_PUBLIC_BYTES])
{
	unsigned char msg[sizeof(ds_entry_signature) + AUDIT_LINE_MAX];
	size_t mlen;

	if (!audit_is_signed(rec->kind) || rec->body_len == 0 || rec->body_len > AUDIT_LINE_MAX)
		return -1;
	mlen = audit_signature_message(rec, line, rec->body_len, msg);
	return crypto_sign_verify_detached(rec->signature, msg, mlen, pk) == 0 ? 0 : -1;
}

void
audit_commitment(const unsigned char *secret, uint64_t seq, const char *data, size_t len,
    unsigned char out[AUDIT_HASH_BYTES])
{
	unsigned char subkey[crypto_generichash_KEYBYTES];

	crypto_kdf_derive_from_key(subkey, sizeof(subkey), seq, AUDIT_KDF_CONTEXT, secret);
	crypto_generichash(out, AUDIT_HASH_BYTES, (const unsigned char *)data, len, subkey,
	    sizeof(subkey));
	sodium_memzero(subkey, sizeof(subkey));
}

int
audit_open_secret(const struct audit_record *begin, const struct keys_secret *auditor,
    unsigned char *secret, char *err, size_t errlen)
{
	char want[KEYS_ID_HEX], have[KEYS_ID_HEX];

	if (!begin->sealed) {
		snprintf(err, errlen, "field \"sealed_secret\": empty: the run was audited without "
		    "--auditor-key, and its secret is gone");
		return -1;
	}
	if (sodium_memcmp(begin->auditor_key_id, auditor->id, KEYS_ID_BYTES) != 0) {
		keys_id_hex(begin->auditor_key_id, want);
		keys_id_hex(auditor->id, have);
		snprintf(err, errlen, "field \"auditor_key_id\": sealed to auditor key %s, not to "
		    "the given key %s", want, have);
		return -1;
	}
	if (crypto_box_seal_open(secret, begin->sealed_secret, AUDIT_SEALED_BYTES, auditor->pk,
	    auditor->sk) != 0) {
		keys_id_hex(auditor->id, have);
		snprintf(err, errlen, "field \"sealed_secret\": does not open with auditor key %s",
		    have);
		return -1;
	}
	return 0;
}
