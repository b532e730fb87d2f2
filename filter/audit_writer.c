/* SPDX-License-Identifier: ISC */
/*
 * audit_writer: one run's audit a record at a time (begin, a record a change with its
 * commitment, the signed end), with a helper thread for large documents; audit_build for tests.
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
	if (c->portion < d->facts.n)
		eff = doc_fact_eff(d, c->portion);
	if (eff == NULL)
		r->marking[0] = '\0';
	else if (eff != *last &&
	    marking_format(p, eff, NULL, true, r->marking, sizeof(r->marking)) < 0) {
		snprintf(err, errlen, "line %zu: the portion's marking is too long for the audit",
		    c->line_first);
		return -1;
	}
	*last = eff;
	if (audit_copy_str(r->rule, sizeof(r->rule), marking_rule_name(c->rule), "rule", err,
	    errlen) != 0 ||
	    audit_copy_str(r->exemption, sizeof(r->exemption),
	    c->exemption != NULL ? c->exemption : "",
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

/* The effective marking of a withheld change's portion, or NULL. */
static const struct marking *
change_marking(const struct document *d, const struct redact_change *c)
{
	return c->portion < d->facts.n ? doc_fact_eff(d, c->portion) : NULL;
}

/*
 * Whether change b, after change a, is part of a's record: two portions withheld one after the
 * other, under one marking, rule and exemption, with nothing but blank lines between them in[]
 * (a paragraph of a withheld section, the next). Anything else between them (a kept line, a
 * re-marked banner, another marking) is a record of its own, and so parts them.
 */
static bool
change_joins(const struct document *d, const char *in, const struct redact_change *a,
    const struct redact_change *b)
{
	const struct marking *ma, *mb;
	size_t k;

	if (a->kind != CHANGE_WITHHELD || b->kind != CHANGE_WITHHELD || a->rule != b->rule ||
	    a->in_end > b->in_start || a->out_end > b->out_start || a->line_last >= b->line_first)
		return false;
	if ((a->exemption == NULL) != (b->exemption == NULL) ||
	    (a->exemption != NULL && strcmp(a->exemption, b->exemption) != 0))
		return false;
	ma = change_marking(d, a);
	mb = change_marking(d, b);
	if (ma != mb && (ma == NULL || mb == NULL || !marking_identical(ma, mb)))
		return false;
	for (k = a->in_end; k < b->in_start; k++)
		if (in[k] != '\n' && in[k] != '\r' && in[k] != ' ' && in[k] != '\t')
			return false;
	return true;
}

/* Change a with change b joined to it: from a's first line and bytes to b's last. */
static void
change_join(struct redact_change *a, const struct redact_change *b)
{
	a->line_last = b->line_last;
	a->in_end = b->in_end;
	a->out_end = b->out_end;
}

/*
 * How many changes of res, from the it->next'th on, make its next record, and that record's
 * change (joined) in *c.
 */
static size_t
change_run(const struct document *d, const struct redact_result *res,
    const struct audit_change_iter *it, struct redact_change *c)
{
	size_t k = it->next;

	*c = res->changes[k];
	while (k + 1 < res->nchanges && change_joins(d, it->in, &res->changes[k],
	    &res->changes[k + 1]))
		change_join(c, &res->changes[++k]);
	return k + 1 - it->next;
}

size_t
audit_change_records(const struct document *d, const struct redact_result *res, const char *in)
{
	struct audit_change_iter it;
	struct redact_change c;
	size_t n = 0;

	if (in == NULL)
		return res->nchanges;
	memset(&it, 0, sizeof(it));
	it.in = in;
	for (; it.next < res->nchanges; n++)
		it.next += change_run(d, res, &it, &c);
	return n;
}

/* Turns change c, the it->next'th of the redaction, into rec (audit_change_next). */
static int
change_turn(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_change_iter *it, const struct redact_change *c,
    struct audit_record *rec, char *err, size_t errlen)
{
	if (it->next == 0) {
		it->last = NULL;
		if (rollup_text(p, res, it->rollup, sizeof(it->rollup), err, errlen) != 0)
			return -1;
	}
	/* A marking formatted before is still in rec only if rec is the same record as then. */
	if (rec != it->rec)
		it->last = NULL;
	it->rec = rec;
	return change_record(p, d, c, it->rollup, &it->last, rec, err, errlen);
}

int
audit_change_next(const struct policy *p, const struct document *d,
    const struct redact_result *res, struct audit_change_iter *it, struct audit_record *rec,
    char *err, size_t errlen)
{
	struct redact_change c;
	size_t n;

	if (it->next >= res->nchanges) {
		snprintf(err, errlen, "no change left");
		return -1;
	}
	if (it->in != NULL) {
		n = change_run(d, res, it, &c);
	} else {
		c = res->changes[it->next];
		n = 1;
	}
	if (change_turn(p, d, res, it, &c, rec, err, errlen) != 0)
		return -1;
	it->next += n;
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
	    !audit_time_ok(b->time)) {
		snprintf(err, errlen,
		    "the time of the run cannot be written as YYYY-MM-DDTHH:MM:SSZ");
		return -1;
	}
	if (audit_copy_str(b->tool, sizeof(b->tool), ap->tool, "tool name", err, errlen) != 0 ||
	    audit_copy_str(b->policy, sizeof(b->policy), ap->policy_name, "policy name", err,
	    errlen) != 0 ||
	    audit_copy_str(b->target, sizeof(b->target), ap->target, "release target", err,
	    errlen) != 0 ||
	    audit_copy_str(b->mode, sizeof(b->mode), redact_mode_name(ap->mode), "mode", err,
	    errlen) != 0 ||
	    audit_copy_str(b->run_secret, sizeof(b->run_secret),
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
	/*
	 * The redaction's changes, and where each record's begin: record k + 1 (seq) is changes
	 * [runs[k], runs[k + 1]), nrecords of them; nchanges is how many changes there are.
	 */
	const struct redact_change *changes;
	size_t *runs, nrecords;
	unsigned char (*commitments)[AUDIT_HASH_BYTES];	/* a record */
	/*
	 * audit_writer_change's record, while changes may join it: its change (joined) in pend,
	 * what it records but the spans already in rec.
	 */
	struct redact_change pend;
	bool have_pend;
	struct audit_change_iter stream;	/* audit_writer_change's place */
	atomic_uchar *chunk_claimed;	/* per chunk: a thread has taken it */
	atomic_uchar *chunk_done;	/* per chunk: its commitments are ready */
	size_t back;			/* the caller takes spare chunks from here down */
	atomic_bool stop;
	size_t nchunks, nchanges;
};

/* Commits to the removed bytes of change c, of the record of this seq, under its subkey. */
static void
commit_change(struct audit_writer *w, const struct redact_change *c, uint64_t seq,
    unsigned char out[AUDIT_HASH_BYTES])
{
	audit_commitment(w->secret, seq, w->in + c->in_start, c->in_end - c->in_start, out);
}

/* The change of record k + 1: its run of changes joined. */
static void
record_change(const struct audit_writer *w, size_t k, struct redact_change *c)
{
	*c = w->changes[w->runs[k]];
	if (w->runs[k + 1] - 1 > w->runs[k])
		change_join(c, &w->changes[w->runs[k + 1] - 1]);
}

/* Commits to the removed bytes of record k + 1. */
static void
commit_record(struct audit_writer *w, size_t k, unsigned char out[AUDIT_HASH_BYTES])
{
	struct redact_change c;

	record_change(w, k, &c);
	commit_change(w, &c, (uint64_t)k + 1, out);
}

/*
 * Finds the records that res's changes make (w->changes, runs, nrecords, nchanges). Returns 0,
 * or -1 with err (out of memory).
 */
static int
find_runs(struct audit_writer *w, const struct document *d, const struct redact_result *res,
    char *err, size_t errlen)
{
	struct audit_change_iter it;
	struct redact_change c;
	size_t n = 0;

	free(w->runs);
	if ((w->runs = malloc((res->nchanges + 1) * sizeof(*w->runs))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memset(&it, 0, sizeof(it));
	it.in = w->in;
	while (it.next < res->nchanges) {
		w->runs[n++] = it.next;
		it.next += change_run(d, res, &it, &c);
	}
	w->runs[n] = res->nchanges;
	w->changes = res->changes;
	w->nchanges = res->nchanges;
	w->nrecords = n;
	return 0;
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
 * Gives rec its seq (and an end record the chain's head), checks it as the reader will, seals it
 * and writes its line to the sink. Returns 0 with the line's length (without "\n") in *len, or
 * -1 with err.
 */
static int
put_record(struct audit_writer *w, struct audit_record *rec, size_t *len, char *err,
    size_t errlen)
{
	char msg[256];

	rec->seq = w->seq;
	rec->version = 2;
	if (rec->kind == AUDIT_END)
		memcpy(rec->head, w->prev, AUDIT_HASH_BYTES);
	/* What the reader would refuse is never written. */
	if (audit_strings_ok(rec, msg, sizeof(msg)) != 0 || audit_check_values(rec, msg,
	    sizeof(msg)) != 0) {
		snprintf(err, errlen, "%s record %llu: %s", audit_kind_name(rec->kind),
		    (unsigned long long)rec->seq, msg);
		return -1;
	}
	if (audit_seal_record(rec, w->signer, w->prev, w->line, len, err, errlen) != 0)
		return -1;
	w->line[*len] = '\n';
	if (w->sink.write(w->sink.ctx, w->line, *len + 1) != 0) {
		snprintf(err, errlen, "cannot write the audit");
		return -1;
	}
	if (audit_is_signed(rec->kind))
		rec->body_len = audit_body_len(rec, *len);
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
post_commitments(struct audit_writer *w)
{
	size_t nchunks = (w->nrecords + COMMIT_CHUNK - 1) / COMMIT_CHUNK;

	if (!w->helper || nchunks < 4)
		return false;
	if ((w->commitments = calloc(w->nrecords, sizeof(*w->commitments))) == NULL ||
	    (w->chunk_claimed = calloc(nchunks, sizeof(*w->chunk_claimed))) == NULL ||
	    (w->chunk_done = calloc(nchunks, sizeof(*w->chunk_done))) == NULL) {
		free(w->commitments);
		free(w->chunk_claimed);
		w->commitments = NULL;
		w->chunk_claimed = NULL;
		return false;	/* the caller commits alone */
	}
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
	last = (k + 1) * COMMIT_CHUNK < w->nrecords ? (k + 1) * COMMIT_CHUNK : w->nrecords;
	for (i = k * COMMIT_CHUNK; i < last; i++)
		commit_record(w, i, w->commitments[i]);
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
audit_writer_prepare(struct audit_writer *w, const struct document *d,
    const struct redact_result *res, char *err, size_t errlen)
{
	size_t k;

	if (w->helper || w->prepared || w->seq != 0) {
		snprintf(err, errlen, "the audit cannot be prepared now");
		return -1;
	}
	if (changes_inside(w, res, err, errlen) != 0 || find_runs(w, d, res, err, errlen) != 0)
		return -1;
	if (w->nrecords > 0 &&
	    (w->commitments = calloc(w->nrecords, sizeof(*w->commitments))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (k = 0; k < w->nrecords; k++)
		commit_record(w, k, w->commitments[k]);
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
	struct redact_change c;
	bool shared;
	size_t k, len;

	if (w->seq != 0) {
		snprintf(err, errlen, "the audit's changes are written already");
		return -1;
	}
	if (w->prepared && (w->nchanges != res->nchanges || w->changes != res->changes)) {
		snprintf(err, errlen, "the audit was prepared for another redaction");
		return -1;
	}
	/* audit_writer_prepare checked the spans and found the records already. */
	if ((!w->prepared && (changes_inside(w, res, err, errlen) != 0 ||
	    find_runs(w, d, res, err, errlen) != 0)) ||
	    put_begin(w, &len, err, errlen) != 0)
		return -1;
	/* The release is written: its last block goes to the helper before the commitments. */
	output_settle(w);
	shared = !w->prepared && post_commitments(w);
	memset(&it, 0, sizeof(it));
	for (k = 0; k < w->nrecords; k++) {
		record_change(w, k, &c);
		if (change_turn(p, d, res, &it, &c, &w->rec, err, errlen) != 0)
			return -1;
		it.next = w->runs[k + 1];
		if (shared && k % COMMIT_CHUNK == 0)
			await_chunk(w, k / COMMIT_CHUNK);
		if (shared || w->prepared)
			memcpy(w->rec.commitment, w->commitments[k], AUDIT_HASH_BYTES);
		else
			commit_record(w, k, w->rec.commitment);
		count_change(w, w->rec.kind);
		if (put_record(w, &w->rec, &len, err, errlen) != 0)
			return -1;
	}
	return 0;
}

/* Writes the record audit_writer_change holds, if any. Returns 0, or -1 with err. */
static int
put_pending(struct audit_writer *w, char *err, size_t errlen)
{
	size_t len;

	if (!w->have_pend)
		return 0;
	w->have_pend = false;
	w->rec.line_last = w->pend.line_last;
	w->rec.in_end = w->pend.in_end;
	w->rec.out_end = w->pend.out_end;
	w->stream.next++;
	commit_change(w, &w->pend, w->seq, w->rec.commitment);
	count_change(w, w->rec.kind);
	return put_record(w, &w->rec, &len, err, errlen);
}

int
audit_writer_change(struct audit_writer *w, const struct policy *p, const struct document *d,
    const struct redact_result *res, const struct redact_change *c, char *err, size_t errlen)
{
	size_t len;

	if (w->prepared || (w->seq != 0 && w->stream.next == 0 && !w->have_pend)) {
		snprintf(err, errlen, "the audit's changes are written already");
		return -1;
	}
	if (c->in_end > w->in_len || c->in_start > c->in_end) {
		snprintf(err, errlen, "change %zu lies outside the input", w->stream.next + 1);
		return -1;
	}
	if (w->seq == 0 && put_begin(w, &len, err, errlen) != 0)
		return -1;
	/* A change that joins the record held goes into it; any other writes it first. */
	if (w->have_pend && change_joins(d, w->in, &w->pend, c)) {
		change_join(&w->pend, c);
		return 0;
	}
	if (put_pending(w, err, errlen) != 0 ||
	    change_turn(p, d, res, &w->stream, c, &w->rec, err, errlen) != 0)
		return -1;
	w->pend = *c;
	w->have_pend = true;
	return 0;
}

int
audit_writer_end(struct audit_writer *w, size_t portions_released, size_t portions_withheld,
    size_t out_len, char *err, size_t errlen)
{
	struct audit_record *end = &w->head[1];
	size_t len;

	if ((w->seq == 0 && put_begin(w, &len, err, errlen) != 0) ||
	    put_pending(w, err, errlen) != 0)
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
	free(w->runs);
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
