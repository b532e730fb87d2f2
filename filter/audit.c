/* SPDX-License-Identifier: ISC */
/*
 * audit: building, writing and reading the audit chain, and the office ledger.
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
#include "audit.h"

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

#define JSON_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* A ledger grows by one short line a run; this is room for millions of runs. */
#define LEDGER_MAX ((size_t)1 << 30)

/*
 * Domain separation prefixes. Each array holds the text and its terminating NUL, and sizeof
 * counts both: ds_record is the 25 bytes "tearline-audit-v1\0record\0".
 */
static const char ds_record[] = "tearline-audit-v1\0record";
static const char ds_signature[] = "tearline-audit-v1\0signature";
static const char ds_entry[] = "tearline-ledger-v1\0entry";
static const char ds_entry_signature[] = "tearline-ledger-v1\0signature";
static const char ds_seed_secret[] = "tearline-test-seed\0secret";
static const char ds_seed_run[] = "tearline-test-seed\0run";

/* Every line ends in ',"hash":"<64 hex>"}'; a signed record's body is followed by this. */
#define HASH_TAIL (sizeof(",\"hash\":\"") - 1 + 2 * AUDIT_HASH_BYTES + 2)
#define SIGNATURE_TAIL (sizeof(",\"signature\":\"") - 1 + 2 * AUDIT_SIGNATURE_BYTES + 1)

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

static const struct field *
schema(enum audit_kind kind, size_t *n)
{
	switch (kind) {
	case AUDIT_BEGIN:
		*n = sizeof(begin_fields) / sizeof(begin_fields[0]);
		return begin_fields;
	case AUDIT_END:
		*n = sizeof(end_fields) / sizeof(end_fields[0]);
		return end_fields;
	case AUDIT_RUN:
		*n = sizeof(run_fields) / sizeof(run_fields[0]);
		return run_fields;
	case AUDIT_WITHHELD:
	case AUDIT_REMARKED:
	case AUDIT_CAPTION:
	case AUDIT_AUTHORITY:
	default:
		*n = sizeof(change_fields) / sizeof(change_fields[0]);
		return change_fields;
	}
}

static bool
is_signed(enum audit_kind kind)
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
static int
copy_str(char *dst, size_t size, const char *src, const char *what, char *err, size_t errlen)
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

/*
 * The signed message of a signed record: the kind's prefix and the line's bytes before
 * ',"signature":'. Written into msg (room for the prefix and AUDIT_LINE_MAX); returns its length.
 */
static size_t
signature_message(enum audit_kind kind, const char *body, size_t len, unsigned char *msg)
{
	const char *ds = kind == AUDIT_RUN ? ds_entry_signature : ds_signature;
	size_t dslen = kind == AUDIT_RUN ? sizeof(ds_entry_signature) : sizeof(ds_signature);

	memcpy(msg, ds, dslen);
	memcpy(msg + dslen, body, len);
	return dslen + len;
}

/*
 * Completes rec: signs it (end, run) with signer, then hashes it. Writes its line, without "\n",
 * into buf (AUDIT_LINE_MAX + 1 bytes). Returns 0 with the length in *len, or -1 with err.
 */
static int
seal_record(struct audit_record *rec, const struct keys_secret *signer, char *buf, size_t *len,
    char *err, size_t errlen)
{
	unsigned char msg[sizeof(ds_entry_signature) + AUDIT_LINE_MAX];
	const struct field *tab;
	size_t n, blen, plen;

	tab = schema(rec->kind, &n);
	if (is_signed(rec->kind)) {
		if (dump_ascii(rec, tab, n - 2, buf, AUDIT_LINE_MAX, &blen) != 0 &&
		    dump(rec, tab, n - 2, buf, AUDIT_LINE_MAX, &blen) != 0)
			goto fail;
		crypto_sign_detached(rec->signature, NULL, msg,
		    signature_message(rec->kind, buf, blen - 1, msg), signer->sk);
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
static bool
time_ok(const char *s)
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
static int
check_values(const struct audit_record *rec, char *err, size_t errlen)
{
	enum redact_mode mode;

	switch (rec->kind) {
	case AUDIT_BEGIN:
		if (strcmp(rec->format, AUDIT_FORMAT) != 0)
			return bad(err, errlen, "format", "not \"" AUDIT_FORMAT "\"");
		if (!time_ok(rec->time))
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
		if (!time_ok(rec->time))
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
static int
strings_ok(const struct audit_record *rec, char *err, size_t errlen)
{
	const struct field *tab;
	size_t n, i;

	tab = schema(rec->kind, &n);
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
		if (f->type == F_SEALED && f->off != offsetof(struct audit_record, auditor_key_id) &&
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
static int
parse_record(const char *line, size_t len, bool ledger, bool bytes, struct audit_record *rec,
    char *err, size_t errlen)
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
	tab = schema(rec->kind, &n);
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
	if (check_values(rec, err, errlen) != 0)
		goto done;
	if (!bytes) {
		if (is_signed(rec->kind))
			rec->body_len = len - HASH_TAIL - SIGNATURE_TAIL;
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
	{
		unsigned char h[AUDIT_HASH_BYTES];

		record_hash(rec->kind, line, len - HASH_TAIL, h);
		if (memcmp(h, rec->hash, sizeof(h)) != 0) {
			bad(err, errlen, "hash", "does not match the record");
			goto done;
		}
	}
	if (is_signed(rec->kind))
		rec->body_len = len - HASH_TAIL - SIGNATURE_TAIL;
	rc = 0;
done:
	json_decref(obj);
	return rc;
}

int
audit_record_parse(const char *line, size_t len, bool ledger, struct audit_record *rec,
    char *err, size_t errlen)
{
	return parse_record(line, len, ledger, true, rec, err, errlen);
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

	if (parse_record(s, n, lr->ledger, !lr->again, rec, msg, sizeof(msg)) != 0) {
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
	if (memcmp(rec->prev, lr->prev, AUDIT_HASH_BYTES) != 0) {
		if (lineno == 1)
			snprintf(err, errlen, "%s:%zu: field \"prev\": not zero in the first record",
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
			/* A line that does not end, or is longer than any record: as in a buffer. */
			if (eof)
				snprintf(err, errlen, "%s:%zu: no line end: the file is cut short or "
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

	if (!is_signed(rec->kind) || rec->body_len == 0 || rec->body_len > AUDIT_LINE_MAX)
		return -1;
	mlen = signature_message(rec->kind, line, rec->body_len, msg);
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
	if (memcmp(begin->auditor_key_id, auditor->id, KEYS_ID_BYTES) != 0) {
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

static enum audit_kind
change_kind(enum change_kind k)
{
	switch (k) {
	case CHANGE_WITHHELD:
		return AUDIT_WITHHELD;
	case CHANGE_REMARKED:
		return AUDIT_REMARKED;
	case CHANGE_CAPTION:
		return AUDIT_CAPTION;
	case CHANGE_AUTHORITY:
	default:
		return AUDIT_AUTHORITY;
	}
}

/*
 * Fills the change fields of r from change c of a redaction (not seq, prev, commitment or hash).
 * `rollup` is the marking of the release; `last` remembers the interned marking whose text r
 * holds already, so that a run of portions under one marking formats it once. Returns 0, or -1
 * with err.
 */
static int
change_record(const struct policy *p, const struct document *d, const struct redact_change *c,
    const char *rollup, const struct marking **last, struct audit_record *r, char *err,
    size_t errlen)
{
	const struct marking *eff = NULL;

	r->kind = change_kind(c->kind);
	r->line_first = c->line_first;
	r->line_last = c->line_last;
	r->in_start = c->in_start;
	r->in_end = c->in_end;
	r->out_start = c->out_start;
	r->out_end = c->out_end;
	if (c->kind != CHANGE_WITHHELD) {
		/* A re-marked or removed line follows what was released. */
		snprintf(r->marking, sizeof(r->marking), "%s", rollup);
		memcpy(r->rule, "rollup", sizeof("rollup"));
		r->exemption[0] = '\0';
		*last = NULL;
		return 0;
	}
	if (c->portion < d->nportions && d->portions[c->portion].eff_known)
		eff = d->portions[c->portion].eff;
	if (eff == NULL)
		r->marking[0] = '\0';
	else if (eff != *last &&
	    marking_format(p, eff, NULL, true, r->marking, sizeof(r->marking)) < 0) {
		snprintf(err, errlen, "line %zu: the portion's marking is too long for the audit",
		    c->line_first);
		return -1;
	}
	*last = eff;
	if (copy_str(r->rule, sizeof(r->rule), marking_rule_name(c->rule), "rule", err,
	    errlen) != 0 ||
	    copy_str(r->exemption, sizeof(r->exemption), c->exemption != NULL ? c->exemption : "",
	    "exemption", err, errlen) != 0)
		return -1;
	return 0;
}

/* The marking of a release, as re-marked and removed lines record it. Returns 0 or -1. */
static int
rollup_text(const struct policy *p, const struct redact_result *res, char *buf, size_t size,
    char *err, size_t errlen)
{
	if (marking_format(p, &res->rollup, NULL, true, buf, size) < 0) {
		snprintf(err, errlen, "the marking of the release is too long for the audit");
		return -1;
	}
	return 0;
}

int
audit_change_next(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_change_iter *it, struct audit_record *rec,
    char *err, size_t errlen)
{
	if (it->next >= res->nchanges) {
		snprintf(err, errlen, "no change left");
		return -1;
	}
	if (it->next == 0) {
		it->last = NULL;
		if (rollup_text(p, res, it->rollup, sizeof(it->rollup), err, errlen) != 0)
			return -1;
	}
	/* A marking formatted before is still in rec only if rec is the same record as then. */
	if (rec != it->rec)
		it->last = NULL;
	it->rec = rec;
	if (change_record(p, d, &res->changes[it->next], it->rollup, &it->last, rec, err,
	    errlen) != 0)
		return -1;
	it->next++;
	return 0;
}

int
audit_changes(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_record **out, size_t *n, char *err,
    size_t errlen)
{
	struct audit_change_iter it;
	struct audit_record *recs;
	size_t i;

	*out = NULL;
	*n = 0;
	if (res->nchanges == 0)
		return 0;
	if ((recs = calloc(res->nchanges, sizeof(*recs))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(&it, 0, sizeof(it));
	for (i = 0; i < res->nchanges; i++) {
		if (audit_change_next(p, d, res, &it, &recs[i], err, errlen) != 0) {
			free(recs);
			return -1;
		}
	}
	*out = recs;
	*n = res->nchanges;
	return 0;
}

/* Fills the run id and run secret: random, or derived from a test seed. */
static void
run_identity(const struct audit_params *ap, unsigned char run[AUDIT_RUN_BYTES],
    unsigned char *secret)
{
	crypto_generichash_state st;

	if (ap->test_seed == NULL) {
		randombytes_buf(run, AUDIT_RUN_BYTES);
		crypto_kdf_keygen(secret);
		return;
	}
	crypto_generichash_init(&st, NULL, 0, AUDIT_SECRET_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)ds_seed_secret,
	    sizeof(ds_seed_secret));
	crypto_generichash_update(&st, (const unsigned char *)ap->test_seed,
	    strlen(ap->test_seed));
	crypto_generichash_final(&st, secret, AUDIT_SECRET_BYTES);
	crypto_generichash_init(&st, NULL, 0, AUDIT_RUN_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)ds_seed_run, sizeof(ds_seed_run));
	crypto_generichash_update(&st, (const unsigned char *)ap->test_seed,
	    strlen(ap->test_seed));
	crypto_generichash_final(&st, run, AUDIT_RUN_BYTES);
}

/* Fills the begin record from the parameters, all but the input digest. Returns 0 or -1. */
static int
fill_begin(const struct audit_params *ap, const unsigned char *secret, size_t in_len,
    struct audit_record *b, char *err, size_t errlen)
{
	struct tm tm;

	b->kind = AUDIT_BEGIN;
	memcpy(b->format, AUDIT_FORMAT, sizeof(AUDIT_FORMAT));
	if (gmtime_r(&ap->time, &tm) == NULL ||
	    strftime(b->time, sizeof(b->time), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0 ||
	    !time_ok(b->time)) {
		snprintf(err, errlen, "the time of the run cannot be written as YYYY-MM-DDTHH:MM:SSZ");
		return -1;
	}
	if (copy_str(b->tool, sizeof(b->tool), ap->tool, "tool name", err, errlen) != 0 ||
	    copy_str(b->policy, sizeof(b->policy), ap->policy_name, "policy name", err,
	    errlen) != 0 ||
	    copy_str(b->target, sizeof(b->target), ap->target, "release target", err,
	    errlen) != 0 ||
	    copy_str(b->mode, sizeof(b->mode), redact_mode_name(ap->mode), "mode", err,
	    errlen) != 0 ||
	    copy_str(b->run_secret, sizeof(b->run_secret),
	    ap->test_seed != NULL ? "test-seed" : "random", "run secret", err, errlen) != 0)
		return -1;
	memcpy(b->policy_digest, ap->policy_digest, AUDIT_HASH_BYTES);
	b->input_length = in_len;
	if (ap->auditor != NULL) {
		b->sealed = true;
		memcpy(b->auditor_key_id, ap->auditor->id, KEYS_ID_BYTES);
		if (crypto_box_seal(b->sealed_secret, secret, AUDIT_SECRET_BYTES,
		    ap->auditor->pk) != 0) {
			snprintf(err, errlen, "cannot seal the run secret to the auditor's key");
			return -1;
		}
	}
	if (ap->ledger_prev != NULL)
		memcpy(b->ledger_prev, ap->ledger_prev, AUDIT_HASH_BYTES);
	return 0;
}

/*
 * The writer of one audit. Records are made, hashed, chained and written one at a time, so
 * that an audit of any length needs a few kilobytes besides one commitment per change. A helper
 * thread, when there is one, computes the keyed input digest while the caller parses, and later
 * shares the commitments with the caller, chunk by chunk; the chain itself is made in order by
 * the caller.
 */
#define COMMIT_CHUNK 128	/* changes a thread commits to at a time */
#define OUT_BLOCK ((size_t)1 << 20)	/* bytes of the release handed to the helper at a time */

struct audit_writer {
	const struct keys_secret *signer;
	const char *in;
	size_t in_len;
	unsigned char *secret;		/* sodium_malloc: wiped by audit_writer_free */
	bool own_secret;		/* allocated here, not given in audit_params */
	struct audit_record head[2];	/* begin, end */
	struct audit_record rec;	/* the change record being written */
	unsigned char prev[AUDIT_HASH_BYTES];
	uint64_t seq;
	size_t last_len;		/* the length of the line written last, without "\n" */
	struct redact_sink sink;
	crypto_generichash_state out_state;	/* the digest of the release, as it is written */
	char line[AUDIT_LINE_MAX + 2];

	bool prepared;			/* every commitment made by audit_writer_prepare */

	/* The helper thread and what it shares; the mutex guards the flags. */
	bool helper, sandbox;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool digest_done, job, quit;
	bool gone;			/* the helper serves no more blocks */
	char helper_err[256];		/* set when the helper could not enter the sandbox */
	char *blocks[2];		/* the release on its way to the helper, OUT_BLOCK each */
	int fill;			/* the block being filled */
	size_t fill_len;
	const char *pending;		/* a full block the helper is to hash, or NULL */
	size_t pending_len;
	const struct redact_change *changes;
	unsigned char (*commitments)[AUDIT_HASH_BYTES];
	atomic_uchar *chunk_claimed;	/* per chunk: a thread has taken it */
	atomic_uchar *chunk_done;	/* per chunk: its commitments are ready */
	size_t back;			/* the caller takes spare chunks from here down */
	atomic_bool stop;
	size_t nchunks, nchanges;
};

/* Commits to the removed bytes of change i under its subkey (seq i + 1). */
static void
commit_change(struct audit_writer *w, const struct redact_change *c, size_t i,
    unsigned char out[AUDIT_HASH_BYTES])
{
	audit_commitment(w->secret, (uint64_t)i + 1, w->in + c->in_start,
	    c->in_end - c->in_start, out);
}

static bool claim_chunk(struct audit_writer *w, size_t k);

/* Takes the chunks of the commitment job from the front until none is left or the writer stops. */
static void
commit_chunks(struct audit_writer *w)
{
	size_t k;

	for (k = 0; k < w->nchunks && !atomic_load(&w->stop); k++)
		claim_chunk(w, k);
}

static void *
helper_main(void *arg)
{
	struct audit_writer *w = arg;
	char msg[sizeof(w->helper_err)];
	bool job;

	if (w->sandbox && sandbox_enter(msg, sizeof(msg)) != 0) {
		pthread_mutex_lock(&w->mu);
		memcpy(w->helper_err, msg, sizeof(msg));
		w->digest_done = true;
		w->gone = true;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
		return NULL;
	}
	audit_commitment(w->secret, 0, w->in, w->in_len, w->head[0].input_digest);
	pthread_mutex_lock(&w->mu);
	w->digest_done = true;
	pthread_cond_broadcast(&w->cv);
	/* The release's blocks as they come, then the commitments: the caller posts them last. */
	for (;;) {
		while (w->pending == NULL && !w->job && !w->quit)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->pending == NULL || w->quit)
			break;
		pthread_mutex_unlock(&w->mu);
		crypto_generichash_update(&w->out_state, (const unsigned char *)w->pending,
		    w->pending_len);
		pthread_mutex_lock(&w->mu);
		w->pending = NULL;
		pthread_cond_broadcast(&w->cv);
	}
	job = w->job && !w->quit;
	w->gone = true;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	if (job)
		commit_chunks(w);
	return NULL;
}

int
audit_writer_new(struct audit_writer **wp, const struct audit_params *ap, const char *in,
    size_t in_len, const struct redact_sink *sink, bool helper, bool sandbox, char *err,
    size_t errlen)
{
	struct audit_writer *w;

	*wp = NULL;
	if (ap->signer == NULL || ap->signer->kind != KEYS_SIGN ||
	    (ap->auditor != NULL && ap->auditor->kind != KEYS_BOX)) {
		snprintf(err, errlen, "the audit needs an Ed25519 signing key and, if any, an X25519 "
		    "auditor key");
		return -1;
	}
	if ((w = calloc(1, sizeof(*w))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	w->own_secret = ap->secret == NULL;
	if ((w->secret = w->own_secret ? sodium_malloc(AUDIT_SECRET_BYTES) : ap->secret) == NULL) {
		free(w);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	w->signer = ap->signer;
	w->in = in;
	w->in_len = in_len;
	w->sink = *sink;
	crypto_generichash_init(&w->out_state, NULL, 0, AUDIT_HASH_BYTES);
	run_identity(ap, w->head[0].run, w->secret);
	if (fill_begin(ap, w->secret, in_len, &w->head[0], err, errlen) != 0) {
		audit_writer_free(w);
		return -1;
	}
	w->head[1].kind = AUDIT_END;
	memcpy(w->head[1].key_id, ap->signer->id, KEYS_ID_BYTES);
	if (helper) {
		w->sandbox = sandbox;
		if (pthread_mutex_init(&w->mu, NULL) != 0) {
			audit_writer_free(w);
			snprintf(err, errlen, "cannot start the audit's helper thread");
			return -1;
		}
		if (pthread_cond_init(&w->cv, NULL) != 0) {
			pthread_mutex_destroy(&w->mu);
			audit_writer_free(w);
			snprintf(err, errlen, "cannot start the audit's helper thread");
			return -1;
		}
		if (pthread_create(&w->thread, NULL, helper_main, w) != 0) {
			pthread_cond_destroy(&w->cv);
			pthread_mutex_destroy(&w->mu);
			audit_writer_free(w);
			snprintf(err, errlen, "cannot start the audit's helper thread");
			return -1;
		}
		w->helper = true;
		/* Without room for blocks, the release is hashed by the caller. */
		if ((w->blocks[0] = malloc(OUT_BLOCK)) == NULL ||
		    (w->blocks[1] = malloc(OUT_BLOCK)) == NULL) {
			free(w->blocks[0]);
			w->blocks[0] = NULL;
		}
	} else {
		audit_commitment(w->secret, 0, in, in_len, w->head[0].input_digest);
	}
	*wp = w;
	return 0;
}

/*
 * Hands the block being filled to the helper, once it has hashed the one before; hashes it here
 * when the helper is gone.
 */
static void
hand_block(struct audit_writer *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->pending != NULL && !w->gone)
		pthread_cond_wait(&w->cv, &w->mu);
	if (w->gone) {
		pthread_mutex_unlock(&w->mu);
		crypto_generichash_update(&w->out_state, (const unsigned char *)w->blocks[w->fill],
		    w->fill_len);
	} else {
		w->pending = w->blocks[w->fill];
		w->pending_len = w->fill_len;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
		w->fill ^= 1;
	}
	w->fill_len = 0;
}

void
audit_writer_output(struct audit_writer *w, const void *buf, size_t n)
{
	const char *b = buf;

	if (w->blocks[0] == NULL) {
		crypto_generichash_update(&w->out_state, buf, n);
		return;
	}
	while (n > 0) {
		size_t k = n < OUT_BLOCK - w->fill_len ? n : OUT_BLOCK - w->fill_len;

		memcpy(w->blocks[w->fill] + w->fill_len, b, k);
		w->fill_len += k;
		b += k;
		n -= k;
		if (w->fill_len == OUT_BLOCK)
			hand_block(w);
	}
}

/* Waits until every byte of the release given to audit_writer_output is in its digest. */
static void
output_settle(struct audit_writer *w)
{
	if (w->blocks[0] == NULL)
		return;
	if (w->fill_len > 0)
		hand_block(w);
	pthread_mutex_lock(&w->mu);
	while (w->pending != NULL && !w->gone)
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

/*
 * Gives rec its seq and prev, checks it as the reader will, seals it and writes its line to the
 * sink. Returns 0 with the line's length (without "\n") in *len, or -1 with err.
 */
static int
put_record(struct audit_writer *w, struct audit_record *rec, size_t *len, char *err,
    size_t errlen)
{
	char msg[256];

	rec->seq = w->seq;
	memcpy(rec->prev, w->prev, AUDIT_HASH_BYTES);
	/* What the reader would refuse is never written. */
	if (strings_ok(rec, msg, sizeof(msg)) != 0 || check_values(rec, msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s record %llu: %s", audit_kind_name(rec->kind),
		    (unsigned long long)rec->seq, msg);
		return -1;
	}
	if (seal_record(rec, w->signer, w->line, len, err, errlen) != 0)
		return -1;
	w->line[*len] = '\n';
	if (w->sink.write(w->sink.ctx, w->line, *len + 1) != 0) {
		snprintf(err, errlen, "cannot write the audit");
		return -1;
	}
	if (is_signed(rec->kind))
		rec->body_len = *len - HASH_TAIL - SIGNATURE_TAIL;
	memcpy(w->prev, rec->hash, AUDIT_HASH_BYTES);
	w->last_len = *len;
	w->seq++;
	return 0;
}

/* Writes the begin record, once its input digest is ready. Returns 0 or -1 with err. */
static int
put_begin(struct audit_writer *w, size_t *len, char *err, size_t errlen)
{
	if (w->helper) {
		pthread_mutex_lock(&w->mu);
		while (!w->digest_done)
			pthread_cond_wait(&w->cv, &w->mu);
		pthread_mutex_unlock(&w->mu);
		if (w->helper_err[0] != '\0') {
			snprintf(err, errlen, "%s", w->helper_err);
			return -1;
		}
	}
	return put_record(w, &w->head[0], len, err, errlen);
}

/* Counts a change record into the end record. */
static void
count_change(struct audit_writer *w, enum audit_kind kind)
{
	struct audit_record *end = &w->head[1];

	end->changes++;
	end->withheld += kind == AUDIT_WITHHELD;
	end->remarked += kind == AUDIT_REMARKED;
	end->captions += kind == AUDIT_CAPTION;
	end->authority += kind == AUDIT_AUTHORITY;
}

/*
 * Hands the commitments of res's changes to the helper, when there is one and enough of them
 * to share. Returns true when the job is posted (then w->commitments fills chunk by chunk).
 */
static bool
post_commitments(struct audit_writer *w, const struct redact_result *res)
{
	size_t nchunks = (res->nchanges + COMMIT_CHUNK - 1) / COMMIT_CHUNK;

	if (!w->helper || nchunks < 4)
		return false;
	if ((w->commitments = calloc(res->nchanges, sizeof(*w->commitments))) == NULL ||
	    (w->chunk_claimed = calloc(nchunks, sizeof(*w->chunk_claimed))) == NULL ||
	    (w->chunk_done = calloc(nchunks, sizeof(*w->chunk_done))) == NULL) {
		free(w->commitments);
		free(w->chunk_claimed);
		w->commitments = NULL;
		w->chunk_claimed = NULL;
		return false;	/* the caller commits alone */
	}
	w->changes = res->changes;
	w->nchanges = res->nchanges;
	w->nchunks = nchunks;
	w->back = nchunks;
	pthread_mutex_lock(&w->mu);
	w->job = true;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return true;
}

/*
 * Takes chunk k of a posted job unless another thread has, and commits to its changes. Returns
 * whether this thread took it.
 */
static bool
claim_chunk(struct audit_writer *w, size_t k)
{
	size_t i, last;

	if (atomic_exchange(&w->chunk_claimed[k], 1) != 0)
		return false;
	last = (k + 1) * COMMIT_CHUNK < w->nchanges ? (k + 1) * COMMIT_CHUNK : w->nchanges;
	for (i = k * COMMIT_CHUNK; i < last; i++)
		commit_change(w, &w->changes[i], i, w->commitments[i]);
	atomic_store_explicit(&w->chunk_done[k], 1, memory_order_release);
	return true;
}

/*
 * Waits for chunk k of a posted job, the next one the chain needs. The helper takes chunks from
 * the front and the caller chains behind it; while the chain waits, the caller takes chunks
 * from the back, so that both threads stay busy and finish together.
 */
static void
await_chunk(struct audit_writer *w, size_t k)
{
	if (claim_chunk(w, k))
		return;
	while (!atomic_load_explicit(&w->chunk_done[k], memory_order_acquire)) {
		if (w->back > k + 1)
			claim_chunk(w, --w->back);
	}
}

/* Checks that every change lies within the input. Returns 0, or -1 with err. */
static int
changes_inside(const struct audit_writer *w, const struct redact_result *res, char *err,
    size_t errlen)
{
	size_t i;

	for (i = 0; i < res->nchanges; i++)
		if (res->changes[i].in_end > w->in_len ||
		    res->changes[i].in_start > res->changes[i].in_end) {
			snprintf(err, errlen, "change %zu lies outside the input", i + 1);
			return -1;
		}
	return 0;
}

int
audit_writer_prepare(struct audit_writer *w, const struct redact_result *res, char *err,
    size_t errlen)
{
	size_t i;

	if (w->helper || w->prepared || w->seq != 0) {
		snprintf(err, errlen, "the audit cannot be prepared now");
		return -1;
	}
	if (changes_inside(w, res, err, errlen) != 0)
		return -1;
	if (res->nchanges > 0 &&
	    (w->commitments = calloc(res->nchanges, sizeof(*w->commitments))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < res->nchanges; i++)
		commit_change(w, &res->changes[i], i, w->commitments[i]);
	w->nchanges = res->nchanges;
	w->prepared = true;
	return 0;
}

int
audit_writer_ledger_prev(struct audit_writer *w, const unsigned char *head)
{
	if (w->seq != 0)
		return -1;
	memcpy(w->head[0].ledger_prev, head, AUDIT_HASH_BYTES);
	return 0;
}

int
audit_writer_changes(struct audit_writer *w, const struct policy *p, const struct document *d,
    const struct redact_result *res, char *err, size_t errlen)
{
	struct audit_change_iter it;
	bool shared;
	size_t i, len;

	if (w->seq != 0) {
		snprintf(err, errlen, "the audit's changes are written already");
		return -1;
	}
	if (w->prepared && w->nchanges != res->nchanges) {
		snprintf(err, errlen, "the audit was prepared for another redaction");
		return -1;
	}
	/* audit_writer_prepare checked the spans already. */
	if ((!w->prepared && changes_inside(w, res, err, errlen) != 0) ||
	    put_begin(w, &len, err, errlen) != 0)
		return -1;
	/* The release is written: its last block goes to the helper before the commitments. */
	output_settle(w);
	shared = !w->prepared && post_commitments(w, res);
	memset(&it, 0, sizeof(it));
	for (i = 0; i < res->nchanges; i++) {
		if (audit_change_next(p, d, res, &it, &w->rec, err, errlen) != 0)
			return -1;
		if (shared && i % COMMIT_CHUNK == 0)
			await_chunk(w, i / COMMIT_CHUNK);
		if (shared || w->prepared) {
			memcpy(w->rec.commitment, w->commitments[i], AUDIT_HASH_BYTES);
		} else {
			commit_change(w, &res->changes[i], i, w->rec.commitment);
		}
		count_change(w, w->rec.kind);
		if (put_record(w, &w->rec, &len, err, errlen) != 0)
			return -1;
	}
	return 0;
}

int
audit_writer_end(struct audit_writer *w, size_t portions_released, size_t portions_withheld,
    size_t out_len, char *err, size_t errlen)
{
	struct audit_record *end = &w->head[1];
	size_t len;

	if (w->seq == 0 && put_begin(w, &len, err, errlen) != 0)
		return -1;
	if (end->changes != w->seq - 1) {
		snprintf(err, errlen, "the audit's records are out of order");
		return -1;
	}
	end->portions_released = portions_released;
	end->portions_withheld = portions_withheld;
	end->output_length = out_len;
	output_settle(w);
	crypto_generichash_final(&w->out_state, end->output_digest, AUDIT_HASH_BYTES);
	return put_record(w, end, &len, err, errlen);
}

void
audit_writer_head(const struct audit_writer *w, struct audit_log *head)
{
	memset(head, 0, sizeof(*head));
	head->recs = (struct audit_record *)w->head;
	head->nrecs = 2;
}

void
audit_writer_free(struct audit_writer *w)
{
	if (w == NULL)
		return;
	if (w->helper) {
		atomic_store(&w->stop, true);
		pthread_mutex_lock(&w->mu);
		w->quit = true;
		pthread_cond_broadcast(&w->cv);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thread, NULL);
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
	}
	free(w->blocks[0]);
	free(w->blocks[1]);
	free(w->commitments);
	free(w->chunk_claimed);
	free(w->chunk_done);
	/* Wipes the run secret. */
	if (w->own_secret)
		sodium_free(w->secret);
	else
		sodium_memzero(w->secret, AUDIT_SECRET_BYTES);
	sodium_memzero(&w->out_state, sizeof(w->out_state));
	free(w);
}

/* Appends a line to a log's text; the sink of audit_build. */
struct log_sink {
	struct audit_log *log;
	size_t cap;
};

static int
log_write(void *ctx, const void *buf, size_t n)
{
	struct log_sink *ls = ctx;
	struct audit_log *log = ls->log;

	if (log->len + n > ls->cap) {
		size_t ncap = ls->cap == 0 ? 8192 : ls->cap;
		char *bigger;

		while (ncap < log->len + n) {
			if (ncap > SIZE_MAX / 2)
				return -1;
			ncap *= 2;
		}
		if ((bigger = realloc(log->text, ncap)) == NULL)
			return -1;
		log->text = bigger;
		ls->cap = ncap;
	}
	memcpy(log->text + log->len, buf, n);
	log->len += n;
	return 0;
}

/* Keeps a copy of the record just written, with where its line lies in the log's text. */
static void
log_keep(struct audit_log *log, const struct audit_writer *w, const struct audit_record *rec)
{
	struct audit_record *r = &log->recs[log->nrecs++];

	*r = *rec;
	r->line_len = w->last_len;
	r->line_off = log->len - w->last_len - 1;
}

int
audit_build(const struct audit_params *ap, const struct audit_record *changes,
    size_t nchanges, size_t portions_released, size_t portions_withheld, const char *in,
    size_t in_len, const char *out, size_t out_len, struct audit_log *log, char *err,
    size_t errlen)
{
	struct log_sink ls = { log, 0 };
	struct redact_sink sink = { log_write, &ls };
	struct audit_writer *w = NULL;
	size_t i, len;

	memset(log, 0, sizeof(*log));
	if (nchanges > SIZE_MAX / sizeof(*log->recs) - 2) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	log->cap = nchanges + 2;
	if ((log->recs = calloc(log->cap, sizeof(*log->recs))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (audit_writer_new(&w, ap, in, in_len, &sink, false, false, err, errlen) != 0 ||
	    put_begin(w, &len, err, errlen) != 0)
		goto fail;
	log_keep(log, w, &w->head[0]);
	for (i = 0; i < nchanges; i++) {
		const struct audit_record *c = &changes[i];
		struct audit_record *r = &w->rec;

		if (c->in_end > in_len || c->in_start > c->in_end) {
			snprintf(err, errlen, "change %zu lies outside the input", i + 1);
			goto fail;
		}
		*r = *c;	/* seq, prev and hash are the writer's to set */
		r->marking[sizeof(r->marking) - 1] = '\0';
		r->rule[sizeof(r->rule) - 1] = '\0';
		r->exemption[sizeof(r->exemption) - 1] = '\0';
		audit_commitment(w->secret, i + 1, in + c->in_start,
		    (size_t)(c->in_end - c->in_start), r->commitment);
		count_change(w, r->kind);
		if (put_record(w, r, &len, err, errlen) != 0)
			goto fail;
		log_keep(log, w, r);
	}
	audit_writer_output(w, out, out_len);
	if (audit_writer_end(w, portions_released, portions_withheld, out_len, err, errlen) != 0)
		goto fail;
	log_keep(log, w, &w->head[1]);
	audit_writer_free(w);
	return 0;
fail:
	audit_writer_free(w);
	audit_log_free(log);
	return -1;
}


int
audit_ledger_open(struct audit_ledger *l, const char *path, char *err, size_t errlen)
{
	struct text_buffer buf = { NULL, 0 };
	struct audit_log log;
	struct stat st;

	memset(l, 0, sizeof(*l));
	l->before = -1;
	/* Whether this run creates the ledger: a run that enters nothing removes it again. */
	if ((l->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644)) >= 0)
		l->created = true;
	else if (errno == EEXIST)
		l->fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC);
	if (l->fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* Held until close, so that two runs never name the same head. */
	while (flock(l->fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			snprintf(err, errlen, "%s: cannot lock: %s", path, strerror(errno));
			goto fail;
		}
	}
	if (fstat(l->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		goto fail;
	}
	/* Nobody else writes it while the lock is held, so reading it by name is safe. */
	if (st.st_size > 0) {
		if (text_read_file(path, LEDGER_MAX, &buf, err, errlen) != 0 ||
		    audit_read(path, buf.data, buf.len, true, &log, err, errlen) != 0)
			goto fail;
		memcpy(l->head, log.recs[log.nrecs - 1].hash, AUDIT_HASH_BYTES);
		l->nentries = log.nrecs;
		audit_log_free(&log);
	}
	if ((l->path = strdup(path)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	text_buffer_free(&buf);
	return 0;
fail:
	text_buffer_free(&buf);
	audit_ledger_close(l);
	return -1;
}

int
audit_ledger_append(struct audit_ledger *l, const struct keys_secret *signer,
    const struct audit_log *log, char *err, size_t errlen)
{
	char line[AUDIT_LINE_MAX + 2];
	struct audit_record e;
	const struct audit_record *begin, *end;
	size_t len, off = 0;
	off_t size = -1;

	if (log->nrecs < 2 || log->recs[0].kind != AUDIT_BEGIN ||
	    log->recs[log->nrecs - 1].kind != AUDIT_END) {
		snprintf(err, errlen, "%s: not a whole audit to enter", l->path);
		return -1;
	}
	begin = &log->recs[0];
	end = &log->recs[log->nrecs - 1];
	memset(&e, 0, sizeof(e));
	e.kind = AUDIT_RUN;
	e.seq = l->nentries;
	memcpy(e.prev, l->head, AUDIT_HASH_BYTES);
	memcpy(e.run, begin->run, AUDIT_RUN_BYTES);
	memcpy(e.time, begin->time, sizeof(e.time));
	memcpy(e.audit_head, end->hash, AUDIT_HASH_BYTES);
	memcpy(e.output_digest, end->output_digest, AUDIT_HASH_BYTES);
	memcpy(e.key_id, signer->id, KEYS_ID_BYTES);
	if (seal_record(&e, signer, line, &len, err, errlen) != 0)
		return -1;
	line[len++] = '\n';
	if ((size = lseek(l->fd, 0, SEEK_END)) < 0)
		goto fail;
	while (off < len) {
		ssize_t n = write(l->fd, line + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		off += (size_t)n;
	}
	if (fsync(l->fd) != 0 && errno != EINVAL)
		goto fail;
	l->before = (int64_t)size;
	memcpy(l->head_before, l->head, AUDIT_HASH_BYTES);
	memcpy(l->head, e.hash, AUDIT_HASH_BYTES);
	l->nentries++;
	return 0;
fail:
	snprintf(err, errlen, "%s: write error: %s", l->path, strerror(errno != 0 ? errno : EIO));
	/* A part of a line would damage the ledger for every later run. */
	if (size >= 0 && off > 0 && ftruncate(l->fd, size) != 0)
		snprintf(err, errlen, "%s: write error, and the ledger could not be restored: %s",
		    l->path, strerror(errno));
	return -1;
}

int
audit_ledger_undo(struct audit_ledger *l, char *err, size_t errlen)
{
	if (l->fd < 0 || l->before < 0)
		return 0;
	if (ftruncate(l->fd, (off_t)l->before) != 0 ||
	    (fsync(l->fd) != 0 && errno != EINVAL)) {
		snprintf(err, errlen, "%s: the run's entry could not be taken back: %s", l->path,
		    strerror(errno));
		return -1;
	}
	memcpy(l->head, l->head_before, AUDIT_HASH_BYTES);
	l->nentries--;
	l->before = -1;
	return 0;
}

void
audit_ledger_close(struct audit_ledger *l)
{
	if (l == NULL)
		return;
	/* A ledger this run created and entered nothing in is removed: no empty ledgers. */
	if (l->fd >= 0 && l->created && l->nentries == 0 && l->path != NULL)
		unlink(l->path);
	if (l->fd >= 0)
		close(l->fd);	/* releases the lock */
	free(l->path);
	l->fd = -1;
	l->path = NULL;
}
