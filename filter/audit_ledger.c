/* SPDX-License-Identifier: ISC */
/*
 * audit_ledger: the office ledger of runs: opened and locked, a signed entry appended, the last
 * one taken back.
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
	e.version = 1;
	e.seq = l->nentries;
	memcpy(e.prev, l->head, AUDIT_HASH_BYTES);
	memcpy(e.run, begin->run, AUDIT_RUN_BYTES);
	memcpy(e.time, begin->time, sizeof(e.time));
	memcpy(e.audit_head, end->hash, AUDIT_HASH_BYTES);
	memcpy(e.output_digest, end->output_digest, AUDIT_HASH_BYTES);
	memcpy(e.key_id, signer->id, KEYS_ID_BYTES);
	if (audit_seal_record(&e, signer, NULL, line, &len, err, errlen) != 0)
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
