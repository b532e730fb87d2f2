/* SPDX-License-Identifier: ISC */
/*
 * verify: the checks of `tearline verify`, in the order a reader would make them: the audit on
 * its own, then the release, then the original, then the commitments, then the ledger. The first
 * check that fails stops the run and names its file, line and field.
 */
#include "verify.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"
#include "textio.h"

/* Checks that an end record's count is the number of records of its kind. */
static int
check_count(const char *name, size_t lineno, const char *field, uint64_t said, size_t counted,
    const char *what, char *err, size_t errlen)
{
	if (said == counted)
		return 0;
	snprintf(err, errlen, "%s:%zu: field \"%s\": %llu, but the audit has %zu %s", name, lineno,
	    field, (unsigned long long)said, counted, what);
	return -1;
}

/* Checks a signed record's key id and signature under signer. */
static int
check_signed(const char *name, size_t lineno, const struct audit_record *rec, const char *line,
    const struct keys_public *signer, char *err, size_t errlen)
{
	char have[KEYS_ID_HEX], want[KEYS_ID_HEX];

	keys_id_hex(rec->key_id, have);
	keys_id_hex(signer->id, want);
	if (sodium_memcmp(rec->key_id, signer->id, KEYS_ID_BYTES) != 0) {
		snprintf(err, errlen, "%s:%zu: field \"key_id\": signed by key %s, not by the given "
		    "public key %s", name, lineno, have, want);
		return -1;
	}
	if (audit_verify_signature(rec, line, signer->pk) != 0) {
		snprintf(err, errlen, "%s:%zu: field \"signature\": does not verify under public key "
		    "%s", name, lineno, want);
		return -1;
	}
	return 0;
}

/*
 * Where an audit is read from: a regular file, read a chunk at a time however large it is, or
 * text in memory (standard input, a pipe, the unit tests). Every check reads it again from the
 * start, one record at a time.
 */
struct audit_src {
	const char *name;
	int fd;			/* or -1: data[0..len) */
	const char *data;
	size_t len;
};

/* Reads the audit's records in order into fn. `again`: a text in memory checked before. */
static int
src_each(const struct audit_src *src, bool again,
    int (*fn)(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen), void *ctx, char *err, size_t errlen)
{
	if (src->fd >= 0)
		return audit_read_fd(src->name, src->fd, false, fn, ctx, err, errlen);
	return audit_read_each(src->name, src->data, src->len, false, again, fn, ctx, err,
	    errlen);
}

/*
 * An audit checked on its own: its begin and end records and its number of records. The others
 * are not kept: what follows reads them again, one at a time.
 */
struct audit_summary {
	struct audit_record begin, end;
	size_t nrecs;
	unsigned char head[AUDIT_HASH_BYTES];	/* the last record's hash: the whole chain */
	char end_line[AUDIT_LINE_MAX + 1];	/* the end record's line: what its signature covers */
};

/* The first reading: every line, the chain, the begin and the (last) end record. */
struct first_pass {
	struct audit_summary *sum;
	struct audit_log *keep;		/* or NULL: where whole records are kept too */
};

static int
first_record(void *ctx, const struct audit_record *rec, size_t lineno, char *err, size_t errlen)
{
	struct first_pass *fp = ctx;
	struct audit_summary *sum = fp->sum;

	if (lineno == 1)
		sum->begin = *rec;
	if (rec->kind == AUDIT_END) {
		sum->end = *rec;
		memcpy(sum->end_line, rec->line, rec->line_len);
		sum->end_line[rec->line_len] = '\0';
	}
	sum->nrecs = lineno;
	memcpy(sum->head, rec->hash, AUDIT_HASH_BYTES);
	return fp->keep != NULL ? audit_log_keep(fp->keep, rec, lineno, err, errlen) : 0;
}

/*
 * The second reading: the kinds and their order, the spans against the lengths the begin and end
 * records state, and the counts. The first record whose out_end lies beyond the output is
 * remembered and reported after the others, as a reader checks the output's length last.
 */
struct second_pass {
	const char *name;
	const struct audit_summary *sum;
	size_t counts[AUDIT_RUN + 1];
	uint64_t last_line;		/* line_last of the change before, once there is one */
	bool have_last;
	enum audit_kind last_kind;
	size_t out_over;		/* the line of the first out_end beyond the output, or 0 */
	unsigned char head[AUDIT_HASH_BYTES];
};

static int
second_record(void *ctx, const struct audit_record *r, size_t lineno, char *err, size_t errlen)
{
	struct second_pass *sp = ctx;
	const struct audit_record *begin = &sp->sum->begin, *end = &sp->sum->end;
	const char *name = sp->name;

	memcpy(sp->head, r->hash, AUDIT_HASH_BYTES);
	sp->last_kind = r->kind;
	if (lineno == 1) {
		if (r->kind != AUDIT_BEGIN) {
			snprintf(err, errlen, "%s:1: field \"kind\": an audit starts with a begin "
			    "record", name);
			return -1;
		}
		return 0;
	}
	if (r->kind == AUDIT_BEGIN) {
		snprintf(err, errlen, "%s:%zu: field \"kind\": a second begin record", name,
		    lineno);
		return -1;
	}
	if (r->kind == AUDIT_END) {
		if (lineno != sp->sum->nrecs) {
			snprintf(err, errlen, "%s:%zu: field \"kind\": an end record before the "
			    "last line", name, lineno);
			return -1;
		}
		return 0;
	}
	sp->counts[r->kind]++;
	if (r->in_end > begin->input_length) {
		snprintf(err, errlen, "%s:%zu: field \"in_end\": beyond the input's %llu bytes",
		    name, lineno, (unsigned long long)begin->input_length);
		return -1;
	}
	if (sp->have_last && r->line_last <= sp->last_line) {
		snprintf(err, errlen, "%s:%zu: field \"line_last\": not after the change before it",
		    name, lineno);
		return -1;
	}
	sp->last_line = r->line_last;
	sp->have_last = true;
	if (sp->out_over == 0 && lineno < sp->sum->nrecs && r->out_end > end->output_length)
		sp->out_over = lineno;
	return 0;
}

/*
 * The audit's checks on its own (see verify_audit_data), reading it twice, keeping a summary of
 * the audit and, with keep, every record whole (freed by the caller, whatever the result).
 * Returns VERIFY_OK with sum filled, VERIFY_FAIL or VERIFY_ERROR with err.
 */
static enum verify_status
check_audit(const struct audit_src *src, const struct keys_public *signer,
    struct audit_summary *sum, struct audit_log *keep, char *err, size_t errlen)
{
	const char *name = src->name;
	const struct audit_record *end = &sum->end;
	struct first_pass fp;
	struct second_pass sp;
	size_t n;

	memset(sum, 0, sizeof(*sum));
	memset(&sp, 0, sizeof(sp));
	fp.sum = sum;
	fp.keep = keep;
	if (src_each(src, false, first_record, &fp, err, errlen) != 0)
		return VERIFY_FAIL;
	n = sum->nrecs;
	sp.name = name;
	sp.sum = sum;
	if (src_each(src, true, second_record, &sp, err, errlen) != 0)
		return VERIFY_FAIL;
	/* A file changed between the two readings is not the one the first reading checked. */
	if (sodium_memcmp(sp.head, sum->head, AUDIT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "%s: the audit changed while it was read", name);
		return VERIFY_ERROR;
	}
	if (n < 2 || sp.last_kind != AUDIT_END) {
		snprintf(err, errlen, "%s:%zu: the audit ends without an end record: it was cut "
		    "short", name, n);
		return VERIFY_FAIL;
	}
	if (sp.out_over != 0) {
		snprintf(err, errlen, "%s:%zu: field \"out_end\": beyond the output's %llu bytes",
		    name, sp.out_over, (unsigned long long)end->output_length);
		return VERIFY_FAIL;
	}
	if (check_count(name, n, "changes", end->changes, n - 2, "change records", err,
	    errlen) != 0 ||
	    check_count(name, n, "withheld", end->withheld, sp.counts[AUDIT_WITHHELD],
	    "withheld records", err, errlen) != 0 ||
	    check_count(name, n, "remarked", end->remarked, sp.counts[AUDIT_REMARKED],
	    "remarked records", err, errlen) != 0 ||
	    check_count(name, n, "captions", end->captions, sp.counts[AUDIT_CAPTION],
	    "caption records", err, errlen) != 0 ||
	    check_count(name, n, "authority", end->authority, sp.counts[AUDIT_AUTHORITY],
	    "authority records", err, errlen) != 0)
		return VERIFY_FAIL;
	if (check_signed(name, n, end, sum->end_line, signer, err, errlen) != 0)
		return VERIFY_FAIL;
	return VERIFY_OK;
}

enum verify_status
verify_audit_data(const char *name, const char *data, size_t len,
    const struct keys_public *signer, struct audit_log *log, char *err, size_t errlen)
{
	struct audit_src src = { name, -1, data, len };
	struct audit_summary *sum;
	enum verify_status st;

	memset(log, 0, sizeof(*log));
	if ((sum = malloc(sizeof(*sum))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return VERIFY_ERROR;
	}
	if ((st = check_audit(&src, signer, sum, log, err, errlen)) != VERIFY_OK)
		audit_log_free(log);
	free(sum);
	return st;
}

enum verify_status
verify_ledger_data(const char *name, const char *data, size_t len,
    const struct keys_public *signer, struct audit_log *log, char *err, size_t errlen)
{
	size_t i;

	if (audit_read(name, data, len, true, log, err, errlen) != 0)
		return VERIFY_FAIL;
	for (i = 0; i < log->nrecs; i++) {
		if (check_signed(name, i + 1, &log->recs[i], data + log->recs[i].line_off, signer,
		    err, errlen) != 0) {
			audit_log_free(log);
			return VERIFY_FAIL;
		}
	}
	return VERIFY_OK;
}

/* Compares a change record of the audit with the one a second redaction makes. */
static int
compare_change(const char *name, size_t lineno, const struct audit_record *a,
    const struct audit_record *b, char *err, size_t errlen)
{
	const char *field = NULL;

	if (a->kind != b->kind)
		field = "kind";
	else if (a->line_first != b->line_first)
		field = "line_first";
	else if (a->line_last != b->line_last)
		field = "line_last";
	else if (a->in_start != b->in_start)
		field = "in_start";
	else if (a->in_end != b->in_end)
		field = "in_end";
	else if (a->out_start != b->out_start)
		field = "out_start";
	else if (a->out_end != b->out_end)
		field = "out_end";
	else if (strcmp(a->marking, b->marking) != 0)
		field = "marking";
	else if (strcmp(a->rule, b->rule) != 0)
		field = "rule";
	else if (strcmp(a->exemption, b->exemption) != 0)
		field = "exemption";
	if (field == NULL)
		return 0;
	snprintf(err, errlen, "%s:%zu: field \"%s\": not what the original gives when redacted "
	    "again (a %s change at line %llu)", name, lineno, field, audit_kind_name(b->kind),
	    (unsigned long long)b->line_first);
	return -1;
}

/* The second redaction's change records, compared with the audit's as they are read. */
struct compare_ctx {
	const char *name;
	size_t nrecs;
	const struct policy *p;
	const struct document *d;
	const struct redact_result *res;
	struct audit_change_iter it;
	struct audit_record *change;
	enum verify_status st;		/* VERIFY_ERROR when a record could not be made */
	unsigned char head[AUDIT_HASH_BYTES];	/* the hash of the last record read */
};

static int
compare_each(void *ctx, const struct audit_record *rec, size_t lineno, char *err,
    size_t errlen)
{
	struct compare_ctx *cc = ctx;

	memcpy(cc->head, rec->hash, AUDIT_HASH_BYTES);
	if (lineno == 1 || lineno == cc->nrecs)
		return 0;
	if (audit_change_next(cc->p, cc->d, cc->res, &cc->it, cc->change, err, errlen) != 0) {
		cc->st = VERIFY_ERROR;
		return -1;
	}
	return compare_change(cc->name, lineno, rec, cc->change, err, errlen);
}

/*
 * Redacts the original again under the audit's policy, target and mode, and compares the release
 * and the change records, read again one at a time from the audit's text. Returns VERIFY_OK,
 * VERIFY_FAIL or VERIFY_ERROR with err.
 */
static enum verify_status
check_original(const struct verify_request *rq, const struct audit_summary *sum,
    const struct audit_src *audit, const struct text_buffer *orig,
    const struct text_buffer *out, char *err, size_t errlen)
{
	const struct audit_record *begin = &sum->begin, *end = &sum->end;
	struct policy *p;
	struct marking target;
	struct document d;
	struct redact_result res;
	struct compare_ctx cc;
	enum redact_mode mode;
	unsigned char digest[AUDIT_HASH_BYTES];
	char msg[512];
	enum verify_status st = VERIFY_ERROR;
	size_t nrecords;

	memset(&d, 0, sizeof(d));
	memset(&res, 0, sizeof(res));
	memset(&cc, 0, sizeof(cc));
	if (orig->len != begin->input_length) {
		snprintf(err, errlen, "%s:1: field \"input_length\": %llu, but the original %s has "
		    "%zu bytes", rq->audit, (unsigned long long)begin->input_length, rq->original,
		    orig->len);
		return VERIFY_FAIL;
	}
	if ((p = policy_open(rq->policy != NULL ? rq->policy : begin->policy, msg,
	    sizeof(msg))) == NULL) {
		snprintf(err, errlen, "%s (the audit's policy is \"%s\"; name its file with "
		    "--policy)", msg, begin->policy);
		return VERIFY_ERROR;
	}
	if (sodium_memcmp(p->digest, begin->policy_digest, AUDIT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "%s:1: field \"policy_digest\": the policy \"%s\" at hand is "
		    "not the one the run used", rq->audit, rq->policy != NULL ? rq->policy :
		    begin->policy);
		st = VERIFY_FAIL;
		goto done;
	}
	if (marking_parse_target(p, begin->target, &target, msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s:1: field \"target\": %s", rq->audit, msg);
		st = VERIFY_FAIL;
		goto done;
	}
	(void)redact_mode_parse(begin->mode, &mode);	/* checked when read */
	if (document_parse(p, orig->data, orig->len, rq->original, &d, err, errlen) != 0 ||
	    redact_run(p, &d, &target, mode, &res, err, errlen) != 0)
		goto done;
	if ((cc.change = malloc(sizeof(*cc.change))) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto done;
	}
	st = VERIFY_FAIL;
	crypto_generichash(digest, sizeof(digest), (const unsigned char *)res.out, res.out_len,
	    NULL, 0);
	if (res.out_len != out->len || memcmp(res.out, out->data, out->len) != 0 ||
	    sodium_memcmp(digest, end->output_digest, sizeof(digest)) != 0) {
		size_t at = 0;

		while (at < res.out_len && at < out->len && res.out[at] == out->data[at])
			at++;
		snprintf(err, errlen, "%s: the original, redacted again, gives a different release "
		    "(from byte %zu)", rq->output, at + 1);
		goto done;
	}
	/* Format 2 joins each run of withheld portions into one record; format 1 did not. */
	if (begin->version != 1)
		cc.it.in = orig->data;
	if ((nrecords = audit_change_records(&d, &res, cc.it.in)) != sum->nrecs - 2) {
		snprintf(err, errlen, "%s:%zu: field \"changes\": %zu, but the original, redacted "
		    "again, makes %zu changes", rq->audit, sum->nrecs, sum->nrecs - 2, nrecords);
		goto done;
	}
	/* One change record at a time, each made as the audit's is read again. */
	cc.name = rq->audit;
	cc.nrecs = sum->nrecs;
	cc.p = p;
	cc.d = &d;
	cc.res = &res;
	cc.st = VERIFY_FAIL;
	if (src_each(audit, true, compare_each, &cc, err, errlen) != 0) {
		st = cc.st;
		goto done;
	}
	if (sodium_memcmp(cc.head, sum->head, AUDIT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "%s: the audit changed while it was read", rq->audit);
		st = VERIFY_ERROR;
		goto done;
	}
	if (end->portions_released != res.released || end->portions_withheld != res.withheld) {
		snprintf(err, errlen, "%s:%zu: field \"%s\": not what the original gives when "
		    "redacted again", rq->audit, sum->nrecs,
		    end->portions_released != res.released ? "portions_released" :
		    "portions_withheld");
		goto done;
	}
	st = VERIFY_OK;
done:
	free(cc.change);
	redact_result_free(&res);
	document_free(&d);
	policy_free(p);
	return st;
}

/* The commitments, checked against the original as the audit is read again. */
struct commit_ctx {
	const char *name;
	size_t nrecs;
	const unsigned char *secret;
	const struct text_buffer *orig;
	unsigned char head[AUDIT_HASH_BYTES];	/* the hash of the last record read */
};

static int
commitment_each(void *ctx, const struct audit_record *r, size_t lineno, char *err,
    size_t errlen)
{
	struct commit_ctx *cm = ctx;
	unsigned char h[AUDIT_HASH_BYTES];

	memcpy(cm->head, r->hash, AUDIT_HASH_BYTES);
	if (lineno == 1 || lineno == cm->nrecs)
		return 0;
	/* The spans lie inside the input: checked against input_length, = orig->len. */
	audit_commitment(cm->secret, r->seq, cm->orig->data + r->in_start,
	    (size_t)(r->in_end - r->in_start), h);
	if (sodium_memcmp(h, r->commitment, sizeof(h)) != 0) {
		snprintf(err, errlen, "%s:%zu: field \"commitment\": does not match bytes %llu to "
		    "%llu of the original", cm->name, lineno, (unsigned long long)r->in_start,
		    (unsigned long long)r->in_end);
		return -1;
	}
	return 0;
}

/* Opens the sealed run secret and checks the input digest and every commitment. */
static enum verify_status
check_commitments(const struct verify_request *rq, const struct audit_summary *sum,
    const struct audit_src *audit, const struct text_buffer *orig, char *err, size_t errlen)
{
	const struct audit_record *begin = &sum->begin;
	unsigned char *secret, h[AUDIT_HASH_BYTES];
	char msg[512];
	struct commit_ctx cm;
	enum verify_status st = VERIFY_FAIL;

	if ((secret = sodium_malloc(AUDIT_SECRET_BYTES)) == NULL) {
		snprintf(err, errlen, "out of secure memory");
		return VERIFY_ERROR;
	}
	if (audit_open_secret(begin, rq->auditor, secret, msg, sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s:1: %s", rq->audit, msg);
		goto done;
	}
	audit_commitment(secret, 0, orig->data, orig->len, h);
	if (sodium_memcmp(h, begin->input_digest, sizeof(h)) != 0) {
		snprintf(err, errlen, "%s:1: field \"input_digest\": does not match the original %s",
		    rq->audit, rq->original);
		goto done;
	}
	cm.name = rq->audit;
	cm.nrecs = sum->nrecs;
	cm.secret = secret;
	cm.orig = orig;
	if (src_each(audit, true, commitment_each, &cm, err, errlen) != 0)
		goto done;
	if (sodium_memcmp(cm.head, sum->head, AUDIT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "%s: the audit changed while it was read", rq->audit);
		st = VERIFY_ERROR;
		goto done;
	}
	st = VERIFY_OK;
done:
	sodium_free(secret);
	return st;
}

/* Finds the audit's run in the ledger and checks that it stands in its place. */
static enum verify_status
check_in_ledger(const struct verify_request *rq, const struct audit_summary *sum,
    const struct audit_log *ledger, char *err, size_t errlen)
{
	static const unsigned char zero[AUDIT_HASH_BYTES];
	const struct audit_record *begin = &sum->begin, *end = &sum->end;
	char run[2 * AUDIT_RUN_BYTES + 1];
	size_t k;

	sodium_bin2hex(run, sizeof(run), begin->run, AUDIT_RUN_BYTES);
	/*
	 * The run's entry is the one with its head; runs with one test seed share a run id, so
	 * the id alone is only used to say that an entry for the run exists but is not this one.
	 */
	for (k = 0; k < ledger->nrecs; k++)
		if (sodium_memcmp(ledger->recs[k].run, begin->run, AUDIT_RUN_BYTES) == 0 &&
		    sodium_memcmp(ledger->recs[k].audit_head, end->hash, AUDIT_HASH_BYTES) == 0)
			break;
	if (k == ledger->nrecs)
		for (k = 0; k < ledger->nrecs; k++)
			if (sodium_memcmp(ledger->recs[k].run, begin->run, AUDIT_RUN_BYTES) == 0)
				break;
	if (k == ledger->nrecs) {
		snprintf(err, errlen, "%s: no entry for run %s of %s: the run was left out or its "
		    "entry removed", rq->ledger, run, rq->audit);
		return VERIFY_FAIL;
	}
	if (sodium_memcmp(ledger->recs[k].audit_head, end->hash, AUDIT_HASH_BYTES) != 0 ||
	    sodium_memcmp(ledger->recs[k].output_digest, end->output_digest,
	    AUDIT_HASH_BYTES) != 0 || strcmp(ledger->recs[k].time, begin->time) != 0) {
		snprintf(err, errlen, "%s:%zu: field \"audit_head\": not the head of %s", rq->ledger,
		    k + 1, rq->audit);
		return VERIFY_FAIL;
	}
	if (sodium_memcmp(begin->ledger_prev, k == 0 ? zero : ledger->recs[k - 1].hash,
	    AUDIT_HASH_BYTES) != 0) {
		snprintf(err, errlen, "%s:1: field \"ledger_prev\": does not name the ledger entry "
		    "before run %s (%s:%zu): entries were removed or reordered", rq->audit, run,
		    rq->ledger, k + 1);
		return VERIFY_FAIL;
	}
	return VERIFY_OK;
}

/*
 * Opens the audit: a regular file is read a chunk at a time, however large (an audit that is
 * not the one signed is "not verified", whatever its size); anything else (standard input, a
 * pipe) is read whole into buf, within --max-document.
 */
static int
open_audit(const struct verify_request *rq, struct audit_src *src, struct text_buffer *buf,
    char *err, size_t errlen)
{
	struct stat st;
	int fd;

	src->name = rq->audit;
	src->fd = -1;
	if (strcmp(rq->audit, "-") != 0) {
		if ((fd = open(rq->audit, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)) < 0) {
			snprintf(err, errlen, "%s: %s", rq->audit, strerror(errno));
			return -1;
		}
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) == 0) {
			src->fd = fd;
			return 0;
		}
		close(fd);
	}
	if (text_read_file(rq->audit, rq->max_document, buf, err, errlen) != 0)
		return -1;
	src->data = buf->data;
	src->len = buf->len;
	return 0;
}

enum verify_status
verify_run(const struct verify_request *rq, struct verify_result *vr, char *err, size_t errlen)
{
	struct text_buffer audit = { NULL, 0 }, out = { NULL, 0 }, orig = { NULL, 0 };
	struct text_buffer ledger = { NULL, 0 };
	struct audit_src src = { NULL, -1, NULL, 0 };
	struct audit_summary *sum = NULL;
	struct audit_log lg;
	enum verify_status st = VERIFY_ERROR;

	memset(vr, 0, sizeof(*vr));
	memset(&lg, 0, sizeof(lg));
	if ((rq->audit == NULL && rq->ledger == NULL) || (rq->audit != NULL && rq->output == NULL) ||
	    (rq->auditor != NULL && rq->original == NULL) || rq->signer == NULL) {
		snprintf(err, errlen, "verify needs an audit and its output, or a ledger, and a "
		    "public key; an auditor key needs the original");
		return VERIFY_ERROR;
	}
	keys_id_hex(rq->signer->id, vr->key_id);
	if (rq->audit != NULL) {
		const struct audit_record *end;
		unsigned char digest[AUDIT_HASH_BYTES];

		if (open_audit(rq, &src, &audit, err, errlen) != 0 ||
		    text_read_file(rq->output, rq->max_document, &out, err, errlen) != 0 ||
		    (rq->original != NULL &&
		    text_read_file(rq->original, rq->max_document, &orig, err, errlen) != 0))
			goto done;
		if ((sum = malloc(sizeof(*sum))) == NULL) {
			snprintf(err, errlen, "out of memory");
			goto done;
		}
		if ((st = check_audit(&src, rq->signer, sum, NULL, err, errlen)) != VERIFY_OK)
			goto done;
		st = VERIFY_FAIL;
		end = &sum->end;
		sodium_bin2hex(vr->run, sizeof(vr->run), sum->begin.run, AUDIT_RUN_BYTES);
		vr->changes = sum->nrecs - 2;
		vr->withheld = (size_t)end->withheld;
		vr->test_seed = strcmp(sum->begin.run_secret, "test-seed") == 0;
		if (out.len != end->output_length) {
			snprintf(err, errlen, "%s:%zu: field \"output_length\": %llu, but %s has %zu "
			    "bytes", rq->audit, sum->nrecs, (unsigned long long)end->output_length,
			    rq->output, out.len);
			goto done;
		}
		crypto_generichash(digest, sizeof(digest), (const unsigned char *)out.data, out.len,
		    NULL, 0);
		if (sodium_memcmp(digest, end->output_digest, sizeof(digest)) != 0) {
			snprintf(err, errlen, "%s:%zu: field \"output_digest\": does not match %s",
			    rq->audit, sum->nrecs, rq->output);
			goto done;
		}
		if (rq->original != NULL) {
			if ((st = check_original(rq, sum, &src, &orig, &out, err, errlen)) !=
			    VERIFY_OK)
				goto done;
			vr->original = true;
		}
		if (rq->auditor != NULL) {
			if ((st = check_commitments(rq, sum, &src, &orig, err, errlen)) != VERIFY_OK)
				goto done;
			vr->commitments = true;
		}
	}
	if (rq->ledger != NULL) {
		st = VERIFY_ERROR;
		if (text_read_file(rq->ledger, rq->max_document, &ledger, err, errlen) != 0)
			goto done;
		if ((st = verify_ledger_data(rq->ledger, ledger.data, ledger.len, rq->signer, &lg, err,
		    errlen)) != VERIFY_OK)
			goto done;
		vr->ledger_entries = lg.nrecs;
		if (rq->audit != NULL) {
			if ((st = check_in_ledger(rq, sum, &lg, err, errlen)) != VERIFY_OK)
				goto done;
			vr->in_ledger = true;
		}
	}
	st = VERIFY_OK;
done:
	free(sum);
	audit_log_free(&lg);
	if (src.fd >= 0)
		close(src.fd);
	text_buffer_free(&audit);
	text_buffer_free(&out);
	text_buffer_free(&orig);
	text_buffer_free(&ledger);
	return st;
}
