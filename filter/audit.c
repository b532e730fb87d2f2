/* SPDX-License-Identifier: ISC */
/*
 * audit: the audit's records: their format, canonical JSON, hashing, sealing and checking.
 * audit_read.c reads audits, audit_writer.c writes them, audit_ledger.c keeps the ledger.
 *
 * One table per record kind gives its fields in order. The reader parses a line with jansson,
 * fills the struct through the table and serialises it again with jansson: a line is canonical
 * exactly when the bytes come out the same. So there is one definition of the format. The writer
 * goes through the same table; it writes records of printable ASCII by hand (dump_ascii, the bulk
 * of a large audit) and any other through jansson, and every test that reads back what it wrote
 * holds the two to the same bytes.
 *
 * struct audit_writer makes one run's audit a record at a time: begin (once the keyed input
 * digest is ready), one record a change with its commitment, the signed end. For a large document
 * a helper thread computes the input digest while the caller parses, hashes the release in
 * blocks as it is written, and shares the commitments; the chain itself is made in order by the
 * caller.
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

enum field_type {
	F_KIND,		/* the name of the record's kind */
	F_UINT,		/* a non-negative integer (uint64_t, at most 2^63 - 1) */
	F_STR,		/* a string of printable characters (char[size]) */
	F_HEX,		/* bytes as lower-case hex (unsigned char[size]) */
	F_SEALED	/* like F_HEX when the record is `sealed`, else "" */
};

struct field {
	const char *name;
	enum field_type type;
	size_t off;
	size_t size;
};

#define FIELD(member, type) { #member, type, offsetof(struct audit_record, member), \
	sizeof(((struct audit_record *)NULL)->member) }

/* The fields of each kind, in the order they are written. "hash" is always last. */
static const struct field begin_fields[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND), FIELD(prev, F_HEX),
	FIELD(format, F_STR), FIELD(tool, F_STR), FIELD(run, F_HEX), FIELD(time, F_STR),
	FIELD(policy, F_STR), FIELD(policy_digest, F_HEX), FIELD(target, F_STR),
	FIELD(mode, F_STR), FIELD(input_length, F_UINT), FIELD(input_digest, F_HEX),
	FIELD(run_secret, F_STR), FIELD(auditor_key_id, F_SEALED),
	FIELD(sealed_secret, F_SEALED), FIELD(ledger_prev, F_HEX),
	FIELD(hash, F_HEX)
};

static const struct field change_fields[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND), FIELD(prev, F_HEX),
	FIELD(line_first, F_UINT), FIELD(line_last, F_UINT), FIELD(in_start, F_UINT),
	FIELD(in_end, F_UINT), FIELD(out_start, F_UINT), FIELD(out_end, F_UINT),
	FIELD(marking, F_STR), FIELD(rule, F_STR), FIELD(exemption, F_STR),
	FIELD(commitment, F_HEX),
	FIELD(hash, F_HEX)
};

/* A signed kind: "signature" comes just before "hash". */
static const struct field end_fields[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND), FIELD(prev, F_HEX),
	FIELD(changes, F_UINT), FIELD(withheld, F_UINT), FIELD(remarked, F_UINT),
	FIELD(captions, F_UINT), FIELD(authority, F_UINT), FIELD(portions_released, F_UINT),
	FIELD(portions_withheld, F_UINT), FIELD(output_length, F_UINT),
	FIELD(output_digest, F_HEX), FIELD(key_id, F_HEX), FIELD(signature, F_HEX),
	FIELD(hash, F_HEX)
};

/*
 * Format 2: no "prev" and no "hash" in a line, as the chain implies them (audit_chain); the end
 * record names the chain's head before it, and its signature comes last.
 */
static const struct field begin_fields_2[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND),
	FIELD(format, F_STR), FIELD(tool, F_STR), FIELD(run, F_HEX), FIELD(time, F_STR),
	FIELD(policy, F_STR), FIELD(policy_digest, F_HEX), FIELD(target, F_STR),
	FIELD(mode, F_STR), FIELD(input_length, F_UINT), FIELD(input_digest, F_HEX),
	FIELD(run_secret, F_STR), FIELD(auditor_key_id, F_SEALED),
	FIELD(sealed_secret, F_SEALED), FIELD(ledger_prev, F_HEX)
};

static const struct field change_fields_2[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND),
	FIELD(line_first, F_UINT), FIELD(line_last, F_UINT), FIELD(in_start, F_UINT),
	FIELD(in_end, F_UINT), FIELD(out_start, F_UINT), FIELD(out_end, F_UINT),
	FIELD(marking, F_STR), FIELD(rule, F_STR), FIELD(exemption, F_STR),
	FIELD(commitment, F_HEX)
};

static const struct field end_fields_2[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND), FIELD(head, F_HEX),
	FIELD(changes, F_UINT), FIELD(withheld, F_UINT), FIELD(remarked, F_UINT),
	FIELD(captions, F_UINT), FIELD(authority, F_UINT), FIELD(portions_released, F_UINT),
	FIELD(portions_withheld, F_UINT), FIELD(output_length, F_UINT),
	FIELD(output_digest, F_HEX), FIELD(key_id, F_HEX), FIELD(signature, F_HEX)
};

static const struct field run_fields[] = {
	FIELD(seq, F_UINT), FIELD(kind, F_KIND), FIELD(prev, F_HEX),
	FIELD(run, F_HEX), FIELD(time, F_STR), FIELD(audit_head, F_HEX),
	FIELD(output_digest, F_HEX), FIELD(key_id, F_HEX), FIELD(signature, F_HEX),
	FIELD(hash, F_HEX)
};

static const char *const kind_names[] = {
	"begin", "withheld", "remarked", "caption", "authority", "end", "run"
};

#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))

void
audit_params_init(struct audit_params *ap, const char *tool, const struct policy *p,
    const char *target, enum redact_mode mode, const struct keys_secret *signer,
    const struct keys_public *auditor)
{
	memset(ap, 0, sizeof(*ap));
	ap->tool = tool;
	ap->policy_name = p->name;
	ap->policy_digest = p->digest;
	ap->target = target;
	ap->mode = mode;
	ap->signer = signer;
	ap->auditor = auditor;
}

const char *
audit_kind_name(enum audit_kind kind)
{
	return (size_t)kind < NKINDS ? kind_names[kind] : "?";
}

#define TABLE(t) (*n = sizeof(t) / sizeof((t)[0]), (t))

/* The fields of a record of this kind in this version of the format. */
static const struct field *
schema(enum audit_kind kind, int version, size_t *n)
{
	switch (kind) {
	case AUDIT_BEGIN:
		return version == 1 ? TABLE(begin_fields) : TABLE(begin_fields_2);
	case AUDIT_END:
		return version == 1 ? TABLE(end_fields) : TABLE(end_fields_2);
	case AUDIT_RUN:
		return TABLE(run_fields);
	case AUDIT_WITHHELD:
	case AUDIT_REMARKED:
	case AUDIT_CAPTION:
	case AUDIT_AUTHORITY:
	default:
		return version == 1 ? TABLE(change_fields) : TABLE(change_fields_2);
	}
}

/* Whether a record of this kind and version writes its hash in its line (format 1, ledgers). */
static bool
hash_written(enum audit_kind kind, int version)
{
	return kind == AUDIT_RUN || version == 1;
}

bool
audit_is_signed(enum audit_kind kind)
{
	return kind == AUDIT_END || kind == AUDIT_RUN;
}

/* Whether s holds only printable characters: no C0 control and no DEL. */
static bool
printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

/* Copies a string that the audit will hold, refusing what does not fit or will not print. */
int
audit_copy_str(char *dst, size_t size, const char *src, const char *what, char *err, size_t errlen)
{
	size_t n = strlen(src);

	if (n >= size) {
		snprintf(err, errlen, "the audit cannot hold a %s of %zu bytes (the limit is %zu)",
		    what, n, size - 1);
		return -1;
	}
	if (!printable(src)) {
		snprintf(err, errlen, "the audit cannot hold a %s with a control character", what);
		return -1;
	}
	memcpy(dst, src, n + 1);
	return 0;
}

/* The JSON object of the first n fields of rec, in table order; NULL when out of memory. */
static json_t *
to_json(const struct audit_record *rec, const struct field *tab, size_t n)
{
	json_t *obj;
	size_t i;

	if ((obj = json_object()) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		const struct field *f = &tab[i];
		const char *base = (const char *)rec + f->off;
		char hex[2 * AUDIT_SEALED_BYTES + 1];
		json_t *v = NULL;
		uint64_t u;

		switch (f->type) {
		case F_KIND:
			v = json_string(audit_kind_name(rec->kind));
			break;
		case F_UINT:
			memcpy(&u, base, sizeof(u));
			if (u <= (uint64_t)INT64_MAX)
				v = json_integer((json_int_t)u);
			break;
		case F_STR:
			v = json_string(base);	/* NULL unless valid UTF-8 */
			break;
		case F_SEALED:
			if (!rec->sealed) {
				v = json_string("");
				break;
			}
			/* FALLTHROUGH */
		case F_HEX:
			sodium_bin2hex(hex, sizeof(hex), (const unsigned char *)base, f->size);
			v = json_string(hex);
			break;
		}
		if (v == NULL || json_object_set_new(obj, f->name, v) != 0) {
			json_decref(obj);
			return NULL;
		}
	}
	return obj;
}

/*
 * Writes the canonical JSON of the first n fields of rec into buf (NUL-terminated). Returns 0 with
 * its length in *len, or -1 when it cannot be written (too long, not UTF-8, out of memory).
 */
static int
dump(const struct audit_record *rec, const struct field *tab, size_t n, char *buf, size_t cap,
    size_t *len)
{
	json_t *obj;
	size_t size;

	if ((obj = to_json(rec, tab, n)) == NULL)
		return -1;
	size = json_dumpb(obj, buf, cap, JSON_FLAGS);
	json_decref(obj);
	if (size == 0 || size >= cap)
		return -1;
	buf[size] = '\0';
	*len = size;
	return 0;
}

/* A line being written by hand: bytes go in while they fit; `full` says one did not. */
struct line_buf {
	char *buf;
	size_t cap, at;
	bool full;
};

static void
line_put(struct line_buf *lb, const char *s, size_t n)
{
	if (lb->full || n >= lb->cap - lb->at) {
		lb->full = true;
		return;
	}
	memcpy(lb->buf + lb->at, s, n);
	lb->at += n;
}

/*
 * Writes the first n fields of rec as dump() does, without jansson, for the common record: every
 * string printable ASCII. Returns 0 with the length in *len (buf NUL-terminated), or -1 when a
 * string holds any other byte, an integer is above 2^63 - 1 or the line does not fit; the caller
 * then asks dump(), which is the definition. The reader checks every line it reads against
 * dump(), so every audit a test writes and reads back compares the two byte for byte.
 */
static int
dump_ascii(const struct audit_record *rec, const struct field *tab, size_t n, char *buf,
    size_t cap, size_t *len)
{
	struct line_buf lb = { buf, cap, 0, false };
	size_t i;

	line_put(&lb, "{", 1);
	for (i = 0; i < n; i++) {
		const struct field *f = &tab[i];
		const char *base = (const char *)rec + f->off, *s;
		char num[24], hex[2 * AUDIT_SEALED_BYTES + 1];
		size_t k;
		uint64_t u;

		if (i > 0)
			line_put(&lb, ",", 1);
		line_put(&lb, "\"", 1);
		line_put(&lb, f->name, strlen(f->name));
		line_put(&lb, "\":", 2);
		switch (f->type) {
		case F_KIND:
			s = audit_kind_name(rec->kind);
			line_put(&lb, "\"", 1);
			line_put(&lb, s, strlen(s));
			line_put(&lb, "\"", 1);
			break;
		case F_UINT:
			memcpy(&u, base, sizeof(u));
			if (u > (uint64_t)INT64_MAX)
				return -1;
			k = sizeof(num);
			do {
				num[--k] = (char)('0' + u % 10);
				u /= 10;
			} while (u != 0);
			line_put(&lb, num + k, sizeof(num) - k);
			break;
		case F_STR:
			line_put(&lb, "\"", 1);
			for (s = base; *s != '\0'; s++) {
				if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
					return -1;
				if (*s == '"' || *s == '\\')
					line_put(&lb, "\\", 1);
				line_put(&lb, s, 1);
			}
			line_put(&lb, "\"", 1);
			break;
		case F_SEALED:
			if (!rec->sealed) {
				line_put(&lb, "\"\"", 2);
				break;
			}
			/* FALLTHROUGH */
		case F_HEX:
			sodium_bin2hex(hex, sizeof(hex), (const unsigned char *)base, f->size);
			line_put(&lb, "\"", 1);
			line_put(&lb, hex, 2 * f->size);
			line_put(&lb, "\"", 1);
			break;
		}
	}
	line_put(&lb, "}", 1);
	if (lb.full)
		return -1;
	buf[lb.at] = '\0';
	*len = lb.at;
	return 0;
}

/* The record hash: BLAKE2b-256 of the kind's prefix and the line's bytes before ',"hash":'. */
static void
record_hash(enum audit_kind kind, const char *prefix, size_t len,
    unsigned char out[AUDIT_HASH_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	if (kind == AUDIT_RUN)
		crypto_generichash_update(&st, (const unsigned char *)ds_entry, sizeof(ds_entry));
	else
		crypto_generichash_update(&st, (const unsigned char *)ds_record, sizeof(ds_record));
	crypto_generichash_update(&st, (const unsigned char *)prefix, len);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
}

void
audit_chain(const unsigned char prev[AUDIT_HASH_BYTES], const char *line, size_t len,
    unsigned char out[AUDIT_HASH_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)ds_record_2, sizeof(ds_record_2));
	crypto_generichash_update(&st, prev, AUDIT_HASH_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)line, len);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
}

size_t
audit_body_len(const struct audit_record *rec, size_t len)
{
	return len - SIGNATURE_TAIL - (hash_written(rec->kind, rec->version) ? HASH_TAIL : 1);
}

/*
 * The signed message of a signed record: the kind's prefix and the line's bytes before
 * ',"signature":'. Written into msg (room for the prefix and AUDIT_LINE_MAX); returns its length.
 */
size_t
audit_signature_message(const struct audit_record *rec, const char *body, size_t len,
    unsigned char *msg)
{
	const char *ds = rec->kind == AUDIT_RUN ? ds_entry_signature :
	    rec->version == 1 ? ds_signature : ds_signature_2;
	size_t dslen = rec->kind == AUDIT_RUN ? sizeof(ds_entry_signature) :
	    rec->version == 1 ? sizeof(ds_signature) : sizeof(ds_signature_2);

	memcpy(msg, ds, dslen);
	memcpy(msg + dslen, body, len);
	return dslen + len;
}

/*
 * Completes rec: signs it (end, run) with signer, then hashes it: in its line (format 1, a
 * ledger entry), or after `prev` in the chain (format 2). Writes its line, without "\n", into
 * buf (AUDIT_LINE_MAX + 1 bytes). Returns 0 with the length in *len, or -1 with err.
 */
int
audit_seal_record(struct audit_record *rec, const struct keys_secret *signer,
    const unsigned char *prev, char *buf, size_t *len, char *err, size_t errlen)
{
	unsigned char msg[sizeof(ds_entry_signature) + AUDIT_LINE_MAX];
	const struct field *tab;
	size_t n, blen, plen;
	bool written = hash_written(rec->kind, rec->version);

	tab = schema(rec->kind, rec->version, &n);
	if (audit_is_signed(rec->kind)) {
		size_t body = written ? n - 2 : n - 1;

		if (dump_ascii(rec, tab, body, buf, AUDIT_LINE_MAX, &blen) != 0 &&
		    dump(rec, tab, body, buf, AUDIT_LINE_MAX, &blen) != 0)
			goto fail;
		crypto_sign_detached(rec->signature, NULL, msg,
		    audit_signature_message(rec, buf, blen - 1, msg), signer->sk);
	}
	if (!written) {
		if (dump_ascii(rec, tab, n, buf, AUDIT_LINE_MAX, &plen) != 0 &&
		    dump(rec, tab, n, buf, AUDIT_LINE_MAX, &plen) != 0)
			goto fail;
		audit_chain(prev, buf, plen, rec->hash);
		*len = plen;
		return 0;
	}
	if ((dump_ascii(rec, tab, n - 1, buf, AUDIT_LINE_MAX, &plen) != 0 &&
	    dump(rec, tab, n - 1, buf, AUDIT_LINE_MAX, &plen) != 0) ||
	    plen - 1 + HASH_TAIL > AUDIT_LINE_MAX)
		goto fail;
	record_hash(rec->kind, buf, plen - 1, rec->hash);
	plen--;
	memcpy(buf + plen, ",\"hash\":\"", 9);
	sodium_bin2hex(buf + plen + 9, 2 * AUDIT_HASH_BYTES + 1, rec->hash, AUDIT_HASH_BYTES);
	memcpy(buf + plen + 9 + 2 * AUDIT_HASH_BYTES, "\"}", 3);
	*len = plen + HASH_TAIL;
	return 0;
fail:
	snprintf(err, errlen, "cannot write the %s record %llu: a value is too long or not UTF-8",
	    audit_kind_name(rec->kind), (unsigned long long)rec->seq);
	return -1;
}

/* Writes "field NAME: MESSAGE" into err; returns -1. */
static int
bad(char *err, size_t errlen, const char *field, const char *msg)
{
	snprintf(err, errlen, "field \"%s\": %s", field, msg);
	return -1;
}

/* A time written as "2007-11-20T14:23:00Z". */
bool
audit_time_ok(const char *s)
{
	static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
	size_t i;

	if (strlen(s) != sizeof(pattern) - 1)
		return false;
	for (i = 0; pattern[i] != '\0'; i++) {
		if (pattern[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != pattern[i])
			return false;
	}
	return true;
}

/* A rule name: lower-case letters, digits and hyphens. */
static bool
rule_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Checks the values of one record, by kind, as the writer promises them. */
int
audit_check_values(const struct audit_record *rec, char *err, size_t errlen)
{
	enum redact_mode mode;

	switch (rec->kind) {
	case AUDIT_BEGIN:
		if (strcmp(rec->format, rec->version == 1 ? AUDIT_FORMAT_1 : AUDIT_FORMAT) != 0)
			return bad(err, errlen, "format", "not \"" AUDIT_FORMAT "\" or \""
			    AUDIT_FORMAT_1 "\"");
		if (!audit_time_ok(rec->time))
			return bad(err, errlen, "time", "not a UTC time like 2007-11-20T14:23:00Z");
		if (rec->policy[0] == '\0')
			return bad(err, errlen, "policy", "empty");
		if (rec->target[0] == '\0')
			return bad(err, errlen, "target", "empty");
		if (redact_mode_parse(rec->mode, &mode) != 0)
			return bad(err, errlen, "mode", "not mask, strip or blackout");
		if (strcmp(rec->run_secret, "random") != 0 &&
		    strcmp(rec->run_secret, "test-seed") != 0)
			return bad(err, errlen, "run_secret", "not \"random\" or \"test-seed\"");
		return 0;
	case AUDIT_END:
		return 0;
	case AUDIT_RUN:
		if (!audit_time_ok(rec->time))
			return bad(err, errlen, "time", "not a UTC time like 2007-11-20T14:23:00Z");
		return 0;
	case AUDIT_WITHHELD:
	case AUDIT_REMARKED:
	case AUDIT_CAPTION:
	case AUDIT_AUTHORITY:
	default:
		if (rec->line_first == 0)
			return bad(err, errlen, "line_first", "lines count from 1");
		if (rec->line_last < rec->line_first)
			return bad(err, errlen, "line_last", "before line_first");
		if (rec->in_end < rec->in_start)
			return bad(err, errlen, "in_end", "before in_start");
		if (rec->out_end < rec->out_start)
			return bad(err, errlen, "out_end", "before out_start");
		if (rec->kind == AUDIT_WITHHELD) {
			if (!rule_ok(rec->rule) || strcmp(rec->rule, "released") == 0)
				return bad(err, errlen, "rule", "not a rule that withholds");
		} else {
			if (strcmp(rec->rule, "rollup") != 0)
				return bad(err, errlen, "rule", "not \"rollup\"");
			if (rec->exemption[0] != '\0')
				return bad(err, errlen, "exemption", "not empty");
		}
		return 0;
	}
}

/* Checks that every string field of rec will print: the reader refuses control characters. */
int
audit_strings_ok(const struct audit_record *rec, char *err, size_t errlen)
{
	const struct field *tab;
	size_t n, i;

	tab = schema(rec->kind, rec->version, &n);
	for (i = 0; i < n; i++)
		if (tab[i].type == F_STR && !printable((const char *)rec + tab[i].off))
			return bad(err, errlen, tab[i].name, "holds a control character");
	return 0;
}

/* Copies a key into buf for a message: printable ASCII only, at most 32 characters. */
static const char *
shown(const char *s, char *buf, size_t buflen)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < buflen && i < 32; i++)
		buf[i] = s[i] >= 0x20 && s[i] < 0x7f && s[i] != '"' ? s[i] : '?';
	buf[i] = '\0';
	return buf;
}

/* Fills one field of rec from its JSON value. Returns 0, or -1 with err. */
static int
read_field(const struct field *f, json_t *v, struct audit_record *rec, char *err, size_t errlen)
{
	char *base = (char *)rec + f->off;
	const char *s;
	size_t len;

	switch (f->type) {
	case F_KIND:
		return 0;	/* read first, by the caller */
	case F_UINT: {
		json_int_t i;
		uint64_t u;

		if (!json_is_integer(v) || (i = json_integer_value(v)) < 0)
			return bad(err, errlen, f->name, "not a non-negative integer");
		u = (uint64_t)i;
		memcpy(base, &u, sizeof(u));
		return 0;
	}
	case F_STR:
		if (!json_is_string(v))
			return bad(err, errlen, f->name, "not a string");
		s = json_string_value(v);
		len = json_string_length(v);
		if (len >= f->size || strlen(s) != len)
			return bad(err, errlen, f->name, "too long, or holds a NUL");
		if (!printable(s))
			return bad(err, errlen, f->name, "holds a control character");
		memcpy(base, s, len + 1);
		return 0;
	case F_SEALED:
	case F_HEX:
		if (!json_is_string(v))
			return bad(err, errlen, f->name, "not a string");
		s = json_string_value(v);
		len = json_string_length(v);
		if (f->type == F_SEALED && len == 0) {
			if (rec->sealed)
				return bad(err, errlen, f->name, "empty, but auditor_key_id is not");
			return 0;
		}
		if (f->type == F_SEALED && f->off != offsetof(struct audit_record,
		    auditor_key_id) &&
		    !rec->sealed)
			return bad(err, errlen, f->name, "present, but auditor_key_id is empty");
		if (keys_hex_decode(s, len, (unsigned char *)base, f->size) != 0) {
			char msg[64];

			snprintf(msg, sizeof(msg), "not %zu lower-case hex digits", 2 * f->size);
			return bad(err, errlen, f->name, msg);
		}
		if (f->type == F_SEALED)
			rec->sealed = true;
		return 0;
	}
	return bad(err, errlen, f->name, "unknown field type");
}

/*
 * Names the field whose bytes in the canonical line `canon` include offset `at`: the last field
 * that starts at or before it.
 */
static const char *
field_at(const char *canon, size_t at, const struct field *tab, size_t n)
{
	const char *name = tab[0].name;
	char key[48];
	size_t i;

	for (i = 0; i < n; i++) {
		const char *p;

		snprintf(key, sizeof(key), "\"%s\":", tab[i].name);
		if ((p = strstr(canon, key)) != NULL && (size_t)(p - canon) <= at)
			name = tab[i].name;
	}
	return name;
}

/*
 * audit_record_parse, with the check of the line's bytes (canonical form and hash) left out when
 * `bytes` is false: for a line read and checked before, in the same buffer.
 */
int
audit_parse_record(const char *line, size_t len, bool ledger, bool bytes, int version,
    struct audit_record *rec, char *err, size_t errlen)
{
	char canon[AUDIT_LINE_MAX + 1], shownbuf[40];
	const struct field *tab;
	json_error_t je;
	json_t *obj, *v;
	const char *key;
	size_t n, i, clen;
	int rc = -1;

	memset(rec, 0, sizeof(*rec));
	if (len > AUDIT_LINE_MAX) {
		snprintf(err, errlen, "longer than %d bytes: not a record", AUDIT_LINE_MAX);
		return -1;
	}
	if ((obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &je)) == NULL) {
		snprintf(err, errlen, "not canonical JSON at byte %d: %s", je.position, je.text);
		return -1;
	}
	if (!json_is_object(obj)) {
		snprintf(err, errlen, "not a JSON object");
		goto done;
	}
	if (!json_is_string(v = json_object_get(obj, "kind"))) {
		bad(err, errlen, "kind", "missing or not a string");
		goto done;
	}
	for (i = 0; i < NKINDS; i++)
		if (strcmp(json_string_value(v), kind_names[i]) == 0)
			break;
	if (i == NKINDS || (ledger != (i == AUDIT_RUN))) {
		bad(err, errlen, "kind", ledger ? "not a ledger entry (\"run\")" :
		    "not a kind of audit record");
		goto done;
	}
	rec->kind = (enum audit_kind)i;
	/* A begin record says its format; the others are read as of their audit's. */
	if (rec->kind == AUDIT_BEGIN) {
		const char *fmt = json_string_value(json_object_get(obj, "format"));

		version = fmt != NULL && strcmp(fmt, AUDIT_FORMAT_1) == 0 ? 1 : 2;
	} else if (rec->kind == AUDIT_RUN) {
		version = 1;
	} else if (version == 0) {
		bad(err, errlen, "kind", "an audit starts with a begin record");
		goto done;
	}
	rec->version = version;
	tab = schema(rec->kind, version, &n);
	/* Every field present, in order, and no other. */
	i = 0;
	json_object_foreach(obj, key, v) {
		size_t k;

		for (k = 0; k < n; k++)
			if (strcmp(key, tab[k].name) == 0)
				break;
		if (k == n) {
			snprintf(err, errlen, "field \"%s\": not a field of a %s record",
			    shown(key, shownbuf, sizeof(shownbuf)), kind_names[rec->kind]);
			goto done;
		}
		/* Duplicates were refused, so i < n here. */
		if (k != i) {
			bad(err, errlen, tab[i].name, json_object_get(obj, tab[i].name) == NULL ?
			    "missing" : "out of order");
			goto done;
		}
		if (read_field(&tab[i], v, rec, err, errlen) != 0)
			goto done;
		i++;
	}
	if (i < n) {
		bad(err, errlen, tab[i].name, "missing");
		goto done;
	}
	if (audit_check_values(rec, err, errlen) != 0)
		goto done;
	if (audit_is_signed(rec->kind))
		rec->body_len = audit_body_len(rec, len);
	if (!bytes) {
		rc = 0;
		goto done;
	}
	/* The values are right; now the bytes: spacing, escapes and number forms. */
	if (dump(rec, tab, n, canon, sizeof(canon), &clen) != 0) {
		snprintf(err, errlen, "cannot be written again: not a record");
		goto done;
	}
	if (clen != len || memcmp(canon, line, len) != 0) {
		size_t at = 0;

		while (at < len && at < clen && canon[at] == line[at])
			at++;
		snprintf(err, errlen, "field \"%s\": not in canonical form (byte %zu)",
		    field_at(canon, at, tab, n), at + 1);
		goto done;
	}
	if (hash_written(rec->kind, version)) {
		unsigned char h[AUDIT_HASH_BYTES];

		record_hash(rec->kind, line, len - HASH_TAIL, h);
		if (sodium_memcmp(h, rec->hash, sizeof(h)) != 0) {
			bad(err, errlen, "hash", "does not match the record");
			goto done;
		}
	}
	rc = 0;
done:
	json_decref(obj);
	return rc;
}
