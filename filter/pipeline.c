/* SPDX-License-Identifier: ISC */
/*
 * pipeline: one document's redaction, parse to commit, for single runs and batches alike.
 */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A redact_sink that writes the release to its sink and into its audit's digest. */
struct audited_sink {
	const struct redact_sink *out;
	struct audit_writer *writer;
};

static int
audited_write(void *ctx, const void *buf, size_t n)
{
	struct audited_sink *as = ctx;

	audit_writer_output(as->writer, buf, n);
	return as->out->write(as->out->ctx, buf, n);
}

size_t
pipeline_record_budget(size_t len)
{
	const char *e = getenv("TEARLINE_TEST_BUDGET");

	if (e != NULL && *e != '\0')
		return (size_t)strtoull(e, NULL, 10) + 1;
	return len + ((size_t)10 << 20);
}

/* What a streamed release's changes go to: the audit, one record each (audit_writer_change). */
struct audit_changes {
	const struct pipeline *pl;
	const struct document *d;
};

static int
audit_change(void *ctx, const struct redact_result *res, const struct redact_change *c,
    char *err, size_t errlen)
{
	struct audit_changes *ac = ctx;

	return audit_writer_change(ac->pl->writer, ac->pl->p, ac->d, res, c, err, errlen);
}

/*
 * What a portion of a whole reading takes: its record and facts, and with an audit whose changes
 * are held until the end, its change and the change's commitment.
 */
static size_t
portion_cost(const struct pipeline *pl)
{
	return sizeof(struct doc_portion) + sizeof(uint32_t) +
	    (pl->writer != NULL && !pl->audit_as_made ?
	    sizeof(struct redact_change) + AUDIT_HASH_BYTES : 0);
}

int
pipeline_release(const struct pipeline *pl, const char *data, size_t len, const char *name,
    const struct redact_sink *out, struct document *d, struct redact_result *res, char *err,
    size_t errlen)
{
	struct audited_sink as = { out, pl->writer };
	struct redact_sink audited = { audited_write, &as };
	struct audit_changes ac = { pl, d };
	struct redact_change_sink changes = { audit_change, &ac };

	if (document_read(pl->p, pl->matcher, data, len, name, pipeline_record_budget(len),
	    portion_cost(pl), d, err, errlen) != 0)
		return -1;
	/*
	 * Where the audit's begin record needs nothing that comes later (audit_as_made), every
	 * change is written to it as it is made, read whole or streamed: no change is held, so a
	 * document's records fit its budget as they do with the audit off. Otherwise (a batch) they
	 * are kept, and their commitments shared with the helper.
	 */
	return redact_stream_read(pl->p, pl->matcher, d, name, pl->target, pl->mode,
	    pl->writer != NULL ? &audited : out, (pl->writer != NULL ? REDACT_CHANGES : 0) |
	    (pl->list_unproven ? REDACT_LIST_UNPROVEN : 0),
	    pl->writer != NULL && pl->audit_as_made ? &changes : NULL, res, err, errlen);
}

int
pipeline_audit(const struct pipeline *pl, const struct document *d,
    const struct redact_result *res, struct text_out *aud, const char *audit_path, char *err,
    size_t errlen)
{
	char msg[512];

	if ((res->changes_given ||
	    audit_writer_changes(pl->writer, pl->p, d, res, msg, sizeof(msg)) == 0) &&
	    audit_writer_end(pl->writer, res->released, res->withheld, res->out_len, msg,
	    sizeof(msg)) == 0)
		return 0;
	if (aud->err == 0 || text_out_flush(aud, err, errlen) == 0)
		snprintf(err, errlen, "%s: %s", audit_path, msg);
	return -1;
}

void
pipeline_abort(const struct pipeline_outputs *o)
{
	char scratch[512];

	if (o->aud != NULL)
		text_out_close(o->aud, false, scratch, sizeof(scratch));
	text_out_close(o->out, false, scratch, sizeof(scratch));
	if (o->spool != NULL)
		text_spool_close(o->spool);
}

/*
 * Takes the run's entry out of the ledger again. Returns 1 (the run failed), or -1 when the
 * entry could not be taken back (its message added to err).
 */
static int
ledger_undo(const struct pipeline_outputs *o, char *err, size_t errlen)
{
	char msg[512];
	size_t len;

	if (o->ledger == NULL || audit_ledger_undo(o->ledger, msg, sizeof(msg)) == 0)
		return 1;
	len = strlen(err);
	snprintf(err + len, errlen - len, "; %s", msg);
	return -1;
}

int
pipeline_commit(const struct pipeline_outputs *o, char *err, size_t errlen)
{
	char scratch[512];
	struct audit_log head;
	bool bad;

	if (o->aud == NULL) {
		if (o->spool != NULL)
			text_spool_close(o->spool);
		return text_out_close(o->out, true, err, errlen) != 0 ? 1 : 0;
	}
	audit_writer_head(o->writer, &head);
	if (text_out_flush(o->out, err, errlen) != 0 || text_out_flush(o->aud, err, errlen) != 0) {
		pipeline_abort(o);
		return 1;
	}
	if (o->ledger != NULL && audit_ledger_append(o->ledger, o->signer, &head, err,
	    errlen) != 0) {
		pipeline_abort(o);
		return -1;
	}
	if (o->spool != NULL) {
		o->out->close_stdout = true;
		bad = text_spool_copy(o->spool, o->out, err, errlen) != 0 ||
		    text_out_close(o->out, true, err, errlen) != 0;
		text_spool_close(o->spool);
		if (bad) {
			text_out_close(o->aud, false, scratch, sizeof(scratch));
			return ledger_undo(o, err, errlen);
		}
	}
	if (text_out_close(o->aud, true, err, errlen) != 0) {
		if (o->spool == NULL)
			text_out_close(o->out, false, scratch, sizeof(scratch));
		return ledger_undo(o, err, errlen);
	}
	if (o->spool == NULL && text_out_close(o->out, true, err, errlen) != 0) {
		/* No release, so no audit of one, and no ledger entry for it. */
		unlink(o->audit_path);
		return ledger_undo(o, err, errlen);
	}
	return 0;
}
