/* SPDX-License-Identifier: ISC */
/*
 * batch: chunks in child processes, a pool of worker threads in each, and one committer that
 * finishes the documents in input order.
 *
 * Why chunks in child processes: the seccomp sandbox forbids opening files, and a batch of
 * thousands of documents cannot hold every file open at once. So the parent, which never reads or
 * parses a document, opens what a chunk needs and forks a process for it, which confines itself
 * (every thread, with the single run's allow-list), reads, works and exits; meanwhile the parent
 * opens the next chunk. The ledger stays open and locked in the parent; each chunk's process
 * appends through the descriptor it inherits and sends the new head back through a pipe.
 *
 * Why one committer: a run's begin record names the ledger's head, which is the hash of the
 * previous run's entry, which covers the previous audit. So audits are built and entered one after
 * another, in input order, while workers read, parse, decide and write the releases of later
 * documents. Workers touch nothing but their own document: they never print, never call strerror
 * (a read or write error stays an errno until the committer reports it) and never use jansson.
 */
#include "batch.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>
#include <sodium.h>

#include "pipeline.h"
#include "sandbox.h"
#include "textio.h"

enum doc_state {
	DOC_READY,	/* opened, waiting for a worker */
	DOC_WORKING,	/* a worker has it */
	DOC_WORKED,	/* parsed, decided, release written and synced (not yet renamed) */
	DOC_FAILED	/* err says why; its outputs are removed when it is committed */
};

/* One document of a chunk, from its input to its committed outputs. */
struct batch_doc {
	const char *input;
	const char *release_path, *audit_path;
	int in_fd;			/* the input, opened by the parent and read by a worker */
	int read_errno;			/* a failed read's errno, for the committer to word */
	struct text_buffer in;
	struct text_out out, aud;
	struct document d;
	struct redact_result res;
	struct audit_writer *writer;	/* with a signing key: prepared by the worker */
	unsigned char *secret;		/* its run secret's slot in the chunk's secure region */
	enum doc_state state;
	char err[BATCH_ERRLEN];
};

/* A chunk in its process: the documents, the workers' queue, and how they meet the committer. */
struct chunk {
	const struct batch_options *o;
	struct batch_doc *docs;
	size_t n;
	size_t next;		/* the next document to take, by a worker or the committer */
	size_t waiting;		/* the document the committer sleeps on, or SIZE_MAX */
	unsigned ready;		/* workers that tried to enter the sandbox */
	bool go, stop;
	bool fatal;
	char why[BATCH_ERRLEN];
	struct policy_matcher *matcher;	/* the committer's, for the documents it works on */
	pthread_mutex_t mu;	/* guards the fields above and every document's state */
	pthread_cond_t cv;	/* the start, the stop, and the document the committer waits on */
};

/* What a chunk's process tells the parent when it is done. */
struct chunk_report {
	size_t released, failed;
	size_t reported;	/* documents reported through done(), from the chunk's first */
	unsigned char head[AUDIT_HASH_BYTES];
	uint64_t nentries;
	bool fatal;
	char why[BATCH_ERRLEN];
};

/* The part of a path after its last slash. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

/* Returns "DIR/NAMESUFFIX" in memory the caller frees, or NULL when out of memory. */
static char *
path_join(const char *dir, const char *name, const char *suffix)
{
	size_t dl = strlen(dir), nl = strlen(name), sl = strlen(suffix);
	size_t slash = dl > 0 && dir[dl - 1] != '/' ? 1 : 0;
	char *p;

	if ((p = malloc(dl + slash + nl + sl + 1)) == NULL)
		return NULL;
	memcpy(p, dir, dl);
	if (slash)
		p[dl] = '/';
	memcpy(p + dl + slash, name, nl);
	memcpy(p + dl + slash + nl, suffix, sl + 1);
	return p;
}

/*
 * An output's directory and base name and the input that makes it, for finding two outputs of
 * one name.
 */
struct out_name {
	const char *dir;	/* the output directory or the audits' */
	char *name;
	size_t input;		/* index of the input, or SIZE_MAX for the ledger */
};

static int
out_name_cmp(const void *a, const void *b)
{
	const struct out_name *x = a, *y = b;
	int c = strcmp(x->dir, y->dir);

	if (c == 0)
		c = strcmp(x->name, y->name);
	if (c != 0)
		return c;
	return x->input < y->input ? -1 : x->input > y->input;
}

/* The audits' directory: the output directory unless o names another. */
static const char *
audit_dir(const struct batch_options *o)
{
	return o->audit_dir != NULL ? o->audit_dir : o->output_dir;
}

/* Whether two paths name one directory, by device and inode. */
static bool
same_dir(const char *a, const char *b)
{
	struct stat x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
	    x.st_ino == y.st_ino;
}

/* Whether the ledger lies in directory dir (same_dir). */
static bool
ledger_in_dir(const char *ledger, const char *dir)
{
	char *copy, *slash;
	bool in;

	if ((copy = strdup(ledger)) == NULL)
		return true;	/* assume the worst: a clash is then checked by name */
	slash = strrchr(copy, '/');
	if (slash == NULL)
		in = same_dir(".", dir);
	else if (slash == copy)
		in = same_dir("/", dir);
	else {
		*slash = '\0';
		in = same_dir(copy, dir);
	}
	free(copy);
	return in;
}

/*
 * Makes an output directory when it is missing (*made says so). Returns 0, or -1 with err.
 */
static int
output_dir_ready(const char *dir, bool *made, char *err, size_t errlen)
{
	struct stat st;

	*made = false;
	if (stat(dir, &st) != 0) {
		if (errno != ENOENT || mkdir(dir, 0777) != 0) {
			snprintf(err, errlen, "%s: %s", dir, strerror(errno));
			return -1;
		}
		*made = true;
		return 0;
	}
	if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: not a directory (--output-dir)", dir);
		return -1;
	}
	return 0;
}

/*
 * Checks that no two outputs share a name in one directory (the audits' may be the output
 * directory under another name). Returns 0, or -1 with err naming both inputs.
 */
static int
check_clashes(const struct batch_options *o, char *const *inputs, size_t n, char *err,
    size_t errlen)
{
	struct out_name *names;
	size_t per = o->signer != NULL ? 2 : 1, m = 0, i;
	const char *audits = same_dir(audit_dir(o), o->output_dir) ? o->output_dir : audit_dir(o);
	int rc = -1;

	if (n > (SIZE_MAX - 1) / 2 / sizeof(*names) ||
	    (names = calloc(per * n + 1, sizeof(*names))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const char *base = base_name(inputs[i]);

		names[m].dir = o->output_dir;
		if ((names[m].name = strdup(base)) == NULL)
			goto nomem;
		names[m++].input = i;
		if (o->signer != NULL) {
			names[m].dir = audits;
			if ((names[m].name = path_join("", base, BATCH_AUDIT_SUFFIX)) == NULL)
				goto nomem;
			names[m++].input = i;
		}
	}
	if (o->signer != NULL && (names[m].dir = ledger_in_dir(o->ledger_path, o->output_dir) ?
	    o->output_dir : ledger_in_dir(o->ledger_path, audits) ? audits : NULL) != NULL) {
		if ((names[m].name = strdup(base_name(o->ledger_path))) == NULL)
			goto nomem;
		names[m++].input = SIZE_MAX;
	}
	qsort(names, m, sizeof(*names), out_name_cmp);
	for (i = 1; i < m; i++) {
		if (names[i - 1].dir != names[i].dir ||
		    strcmp(names[i - 1].name, names[i].name) != 0)
			continue;
		if (names[i].input == SIZE_MAX)
			snprintf(err, errlen, "%s: its output %s/%s would be the ledger %s",
			    inputs[names[i - 1].input], names[i].dir, names[i].name, o->ledger_path);
		else if (names[i - 1].input == names[i].input)
			snprintf(err, errlen, "%s: its release and its audit would both be %s/%s",
			    inputs[names[i].input], names[i].dir, names[i].name);
		else
			snprintf(err, errlen, "%s and %s would both write %s/%s (inputs of a batch "
			    "need different base names)", inputs[names[i - 1].input],
			    inputs[names[i].input], names[i].dir, names[i].name);
		goto done;
	}
	rc = 0;
	goto done;
nomem:
	snprintf(err, errlen, "out of memory");
done:
	for (i = 0; i < m; i++)
		free(names[i].name);
	free(names);
	return rc;
}

int
batch_prepare(const struct batch_options *o, char *const *inputs, size_t n,
    struct batch_names *names, char *err, size_t errlen)
{
	size_t i;
	bool made = false, made_audits = false;

	memset(names, 0, sizeof(*names));
	for (i = 0; i < n; i++) {
		const char *base = base_name(inputs[i]);

		if (strcmp(inputs[i], "-") == 0) {
			snprintf(err, errlen, "a batch reads files, not standard input (\"-\")");
			return -1;
		}
		if (base[0] == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
			snprintf(err, errlen, "%s: not a file name (a release is named after its "
			    "input)", inputs[i]);
			return -1;
		}
	}
	/* The directories first: whether the ledger lies in one is known only once it exists. */
	if (output_dir_ready(o->output_dir, &made, err, errlen) != 0)
		return -1;
	if (o->signer != NULL && output_dir_ready(audit_dir(o), &made_audits, err, errlen) != 0)
		goto fail;
	if (check_clashes(o, inputs, n, err, errlen) != 0)
		goto fail;
	if ((names->release = calloc(n, sizeof(*names->release))) == NULL ||
	    (names->audit = calloc(n, sizeof(*names->audit))) == NULL ||
	    (names->earlier = calloc(n, sizeof(*names->earlier))) == NULL)
		goto nomem;
	names->n = n;
	for (i = 0; i < n; i++) {
		const char *base = base_name(inputs[i]);
		struct stat a, b;

		if ((names->release[i] = path_join(o->output_dir, base, "")) == NULL ||
		    (o->signer != NULL &&
		    (names->audit[i] = path_join(audit_dir(o), base, BATCH_AUDIT_SUFFIX)) == NULL))
			goto nomem;
		if (stat(names->release[i], &b) == 0) {
			names->earlier[i].existed = true;
			names->earlier[i].dev = b.st_dev;
			names->earlier[i].ino = b.st_ino;
		}
		if (stat(inputs[i], &a) == 0 && names->earlier[i].existed &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			snprintf(err, errlen, "%s: its release %s would replace it", inputs[i],
			    names->release[i]);
			goto fail;
		}
		/* An audit is the record of a release: it is never replaced by the next run's. */
		if (names->audit[i] != NULL && access(names->audit[i], F_OK) == 0) {
			snprintf(err, errlen, "%s: exists; an audit is never overwritten",
			    names->audit[i]);
			goto fail;
		}
	}
	return 0;
nomem:
	snprintf(err, errlen, "out of memory");
fail:
	batch_names_free(names);
	/* A refused batch writes nothing. */
	if (made_audits)
		rmdir(audit_dir(o));
	if (made)
		rmdir(o->output_dir);
	return -1;
}

size_t
batch_remove_earlier(const struct batch_names *names, const char **first)
{
	struct stat st;
	size_t i, removed = 0;

	*first = NULL;
	for (i = 0; i < names->n; i++) {
		if (!names->earlier[i].existed || stat(names->release[i], &st) != 0 ||
		    st.st_dev != names->earlier[i].dev || st.st_ino != names->earlier[i].ino ||
		    unlink(names->release[i]) != 0)
			continue;
		if (removed++ == 0)
			*first = names->release[i];
	}
	return removed;
}

void
batch_names_free(struct batch_names *names)
{
	size_t i;

	if (names == NULL)
		return;
	for (i = 0; i < names->n; i++) {
		if (names->release != NULL)
			free(names->release[i]);
		if (names->audit != NULL)
			free(names->audit[i]);
	}
	free(names->release);
	free(names->audit);
	free(names->earlier);
	memset(names, 0, sizeof(*names));
}

/* Closes a document's input, if it is open. */
static void
doc_close_input(struct batch_doc *d)
{
	if (d->in_fd >= 0)
		close(d->in_fd);
	d->in_fd = -1;
}

/*
 * Opens a document and its outputs as temporary files, before the sandbox; a worker reads it
 * (the parent reads nothing, so the work of reading is shared as the rest is, and the chunk's
 * process inherits descriptors rather than copies of every document). On failure the document is
 * DOC_FAILED with err, and nothing of it stays open.
 */
static void
doc_open(const struct batch_options *o, struct batch_doc *d)
{
	char scratch[BATCH_ERRLEN];

	d->state = DOC_FAILED;
	if (text_open_input(d->input, &d->in_fd, d->err, sizeof(d->err)) != 0)
		return;
	if (text_out_open(&d->out, d->release_path, d->err, sizeof(d->err)) != 0) {
		doc_close_input(d);
		return;
	}
	if (o->signer != NULL && text_out_open(&d->aud, d->audit_path, d->err,
	    sizeof(d->err)) != 0) {
		text_out_close(&d->out, false, scratch, sizeof(scratch));
		doc_close_input(d);
		return;
	}
	d->state = DOC_READY;
}

/* Removes a document's temporary files (closing what is not open does nothing). */
static void
doc_abort(struct batch_doc *d)
{
	char scratch[BATCH_ERRLEN];

	text_out_close(&d->aud, false, scratch, sizeof(scratch));
	text_out_close(&d->out, false, scratch, sizeof(scratch));
}

/* Frees what a document holds in memory, and closes its input. */
static void
doc_free(struct batch_doc *d)
{
	doc_close_input(d);
	document_free(&d->d);
	redact_result_free(&d->res);
	audit_writer_free(d->writer);
	d->writer = NULL;
	text_buffer_free(&d->in);
}

/*
 * With a signing key, the writer of a document's audit, made before its release is rendered so
 * that the release goes into its digest. Returns 0, or -1 with d->err.
 */
static int
doc_audit_writer(const struct batch_options *o, struct batch_doc *d)
{
	struct audit_params ap;
	struct redact_sink sink = { text_out_sink, &d->aud };
	char msg[512];

	audit_params_init(&ap, o->tool, o->policy, o->release, o->mode, o->signer, o->auditor);
	ap.time = o->fixed_time ? o->time : time(NULL);
	ap.test_seed = o->test_seed;
	ap.secret = d->secret;
	if (audit_writer_new(&d->writer, &ap, d->in.data, d->in.len, &sink, false, false, msg,
	    sizeof(msg)) != 0) {
		snprintf(d->err, sizeof(d->err), "%s: %s", d->audit_path, msg);
		return -1;
	}
	return 0;
}

/*
 * A worker's part, for one document: read, parse, decide, write the release to its temporary
 * file as it is rendered and sync it, and prepare the audit (its commitments). Returns true, or
 * false with d->err. A read error's errno is left in d->read_errno, a write error's in
 * d->out.err, for the committer to word.
 */
static bool
doc_work(const struct batch_options *o, struct policy_matcher *m, struct batch_doc *d)
{
	struct redact_sink sink = { text_out_sink, &d->out };
	struct pipeline pl = { o->policy, m, o->target, o->mode, NULL, o->list_unproven, false };
	char msg[512];
	int rc = text_read_fd(d->in_fd, d->input, o->max_document, &d->in, &d->read_errno, d->err,
	    sizeof(d->err));

	doc_close_input(d);
	if (rc != 0 || (o->signer != NULL && doc_audit_writer(o, d) != 0))
		return false;
	pl.writer = d->writer;
	if (pipeline_release(&pl, d->in.data, d->in.len, d->input, &sink, &d->d, &d->res, d->err,
	    sizeof(d->err)) != 0) {
		/* A write error is the committer's to word (d->out.err). */
		return d->out.err != 0;
	}
	if (d->writer != NULL && audit_writer_prepare(d->writer, &d->d, &d->res, msg, sizeof(msg)) != 0) {
		snprintf(d->err, sizeof(d->err), "%s: %s", d->audit_path, msg);
		return false;
	}
	/* text_out_flush, without its message: a worker does not call strerror. */
	if (d->out.err == 0 && fflush(d->out.fp) != 0)
		d->out.err = errno != 0 ? errno : EIO;
	if (d->out.err == 0 && fsync(fileno(d->out.fp)) != 0 && errno != EINVAL)
		d->out.err = errno;
	return true;
}

/*
 * The committer's part, for one document, in input order: with a signing key, name the ledger's
 * head in the audit, write its records and sign it; then commit the audit, the ledger entry and
 * the release as a single run does (pipeline_commit). Returns 0 when the release is written, 1
 * when the document failed (d->err), or -1 when the ledger could not be written or restored and
 * the batch must stop (d->err).
 */
static int
doc_commit(const struct batch_options *o, struct batch_doc *d)
{
	struct pipeline pl = { o->policy, NULL, o->target, o->mode, d->writer, o->list_unproven, false };
	struct pipeline_outputs po = { &d->out, NULL, o->signer != NULL ? &d->aud : NULL,
	    d->audit_path, o->ledger, o->signer, d->writer };
	int rc;

	if (d->state == DOC_FAILED) {
		if (d->read_errno != 0) {
			size_t len = strlen(d->err);

			snprintf(d->err + len, sizeof(d->err) - len, ": %s", strerror(d->read_errno));
		}
		goto failed;
	}
	if (d->out.err != 0) {
		(void)text_out_flush(&d->out, d->err, sizeof(d->err));	/* says which error */
		goto failed;
	}
	if (o->signer != NULL) {
		if (o->ledger != NULL &&
		    audit_writer_ledger_prev(d->writer, o->ledger->head) != 0) {
			snprintf(d->err, sizeof(d->err), "%s: written before its ledger head was "
			    "known", d->audit_path);
			goto failed;
		}
		if (pipeline_audit(&pl, &d->d, &d->res, &d->aud, d->audit_path, d->err,
		    sizeof(d->err)) != 0)
			goto failed;
	}
	if ((rc = pipeline_commit(&po, d->err, sizeof(d->err))) != 0)
		doc_abort(d);
	return rc;
failed:
	doc_abort(d);
	return 1;
}

/* Records the first reason the chunk must stop; the caller holds c->mu. */
static void
chunk_fail(struct chunk *c, const char *why)
{
	if (!c->fatal) {
		c->fatal = true;
		snprintf(c->why, sizeof(c->why), "%s", why);
	}
	c->stop = true;
	pthread_cond_broadcast(&c->cv);
}

/*
 * Takes the next document and works on it, if one is left; the caller holds c->mu, which is
 * released while the document is worked on. Returns whether there was one.
 */
static bool
chunk_work_next(struct chunk *c, struct policy_matcher *m)
{
	struct batch_doc *d;
	size_t i;
	bool ok;

	if (c->stop || c->next == c->n)
		return false;
	i = c->next++;
	d = &c->docs[i];
	if (d->state != DOC_READY)
		return true;	/* it could not be opened: it fails when committed */
	d->state = DOC_WORKING;
	pthread_mutex_unlock(&c->mu);
	ok = doc_work(c->o, m, d);
	pthread_mutex_lock(&c->mu);
	d->state = ok ? DOC_WORKED : DOC_FAILED;
	/* Only the committer ever sleeps on a document, and only on the one it commits next. */
	if (c->waiting == i)
		pthread_cond_broadcast(&c->cv);
	return true;
}

/* A worker: enter the sandbox, wait for the go, then take documents until none are left. */
static void *
worker_main(void *arg)
{
	struct chunk *c = arg;
	char msg[BATCH_ERRLEN];
	/* The thread's own matcher: one JIT stack for all its documents (NULL: one each). */
	struct policy_matcher *m = policy_matcher_new(c->o->policy);

	pthread_mutex_lock(&c->mu);
	/* One at a time, under the lock: sandbox_enter's messages use strerror. */
	if (c->o->sandbox && sandbox_enter(msg, sizeof(msg)) != 0)
		chunk_fail(c, msg);
	c->ready++;
	pthread_cond_broadcast(&c->cv);
	while (!c->go && !c->stop)
		pthread_cond_wait(&c->cv, &c->mu);
	while (chunk_work_next(c, m))
		continue;
	pthread_mutex_unlock(&c->mu);
	policy_matcher_free(m);
	return NULL;
}

/*
 * The committer's wait for document i: while it is not done, it works on the next document
 * itself if one is left, and otherwise sleeps until a worker finishes document i.
 */
static void
chunk_wait_doc(struct chunk *c, size_t i)
{
	pthread_mutex_lock(&c->mu);
	while (c->docs[i].state == DOC_READY || c->docs[i].state == DOC_WORKING) {
		if (chunk_work_next(c, c->matcher))
			continue;
		c->waiting = i;
		pthread_cond_wait(&c->cv, &c->mu);
		c->waiting = SIZE_MAX;
	}
	pthread_mutex_unlock(&c->mu);
}

/* Tells the caller about one document. */
static void
chunk_report_doc(const struct batch_options *o, const struct batch_doc *d, size_t index,
    size_t total, bool ok, size_t released, size_t failed)
{
	struct batch_event ev;

	if (o->done == NULL)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.index = index;
	ev.total = total;
	ev.input = d->input;
	ev.release_path = d->release_path;
	ev.audit_path = d->audit_path;
	ev.ok = ok;
	ev.err = ok ? NULL : d->err;
	ev.doc = ok ? &d->d : NULL;
	ev.res = ok ? &d->res : NULL;
	ev.released = released;
	ev.failed = failed;
	o->done(o->ctx, &ev);
}

/*
 * Runs a chunk's documents, opened by the parent, in this process (the chunk's child): starts the
 * workers, enters the sandbox, commits in input order. `first` is the batch index of docs[0];
 * released and failed count the documents before it. Fills cr.
 */
static void
chunk_run(const struct batch_options *o, struct batch_doc *docs, size_t n, size_t first,
    size_t total, size_t released, size_t failed, struct chunk_report *cr)
{
	struct chunk c;
	pthread_t tids[BATCH_MAX_JOBS];
	unsigned nthreads = 0, t, want;
	unsigned char *secrets = NULL;
	size_t i;
	char msg[BATCH_ERRLEN];
	int rc;

	memset(cr, 0, sizeof(*cr));
	memset(&c, 0, sizeof(c));
	/* One secure region for the run secrets of the chunk's documents, each its slot. */
	if (o->signer != NULL && n > 0 &&
	    (secrets = sodium_malloc(n * AUDIT_SECRET_BYTES)) != NULL)
		for (i = 0; i < n; i++)
			docs[i].secret = secrets + i * AUDIT_SECRET_BYTES;
	c.o = o;
	c.docs = docs;
	c.n = n;
	c.waiting = SIZE_MAX;
	c.matcher = policy_matcher_new(o->policy);
	pthread_mutex_init(&c.mu, NULL);
	pthread_cond_init(&c.cv, NULL);
	/* The committer works too: --jobs N is N threads, N - 1 of them workers. */
	want = o->jobs - 1 < n ? o->jobs - 1 : (unsigned)n;
	for (t = 0; t < want; t++) {
		if ((rc = pthread_create(&tids[t], NULL, worker_main, &c)) != 0) {
			snprintf(msg, sizeof(msg), "cannot start a worker thread: %s", strerror(rc));
			pthread_mutex_lock(&c.mu);
			chunk_fail(&c, msg);
			pthread_mutex_unlock(&c.mu);
			break;
		}
		nthreads++;
	}
	pthread_mutex_lock(&c.mu);
	while (c.ready < nthreads)
		pthread_cond_wait(&c.cv, &c.mu);
	/* Every thread is confined, or the chunk stops, before any document is parsed. */
	if (!c.fatal && o->sandbox && sandbox_enter(msg, sizeof(msg)) != 0)
		chunk_fail(&c, msg);
	c.go = true;
	pthread_cond_broadcast(&c.cv);
	pthread_mutex_unlock(&c.mu);
	for (i = 0; i < n && !c.fatal; i++) {
		struct batch_doc *d = &docs[i];

		/*
		 * Interrupted (the handler is inherited): stop between two documents, so that every
		 * ledger entry has its audit and release.
		 */
		if (o->interrupted != NULL && *o->interrupted) {
			pthread_mutex_lock(&c.mu);
			chunk_fail(&c, "interrupted");
			pthread_mutex_unlock(&c.mu);
			break;
		}
		chunk_wait_doc(&c, i);
		rc = doc_commit(o, d);
		if (rc < 0) {
			pthread_mutex_lock(&c.mu);
			chunk_fail(&c, d->err);
			pthread_mutex_unlock(&c.mu);
		} else {
			if (rc == 0) {
				released++;
				cr->released++;
			} else {
				failed++;
				cr->failed++;
			}
			chunk_report_doc(o, d, first + i, total, rc == 0, released, failed);
			cr->reported++;
		}
		doc_free(d);
	}
	pthread_mutex_lock(&c.mu);
	c.stop = true;
	pthread_cond_broadcast(&c.cv);
	pthread_mutex_unlock(&c.mu);
	for (t = 0; t < nthreads; t++)
		pthread_join(tids[t], NULL);
	for (; i < n; i++) {
		doc_abort(&docs[i]);
		doc_free(&docs[i]);
	}
	if (o->ledger != NULL) {
		memcpy(cr->head, o->ledger->head, AUDIT_HASH_BYTES);
		cr->nentries = o->ledger->nentries;
	}
	cr->fatal = c.fatal;
	memcpy(cr->why, c.why, sizeof(cr->why));
	pthread_cond_destroy(&c.cv);
	pthread_mutex_destroy(&c.mu);
	policy_matcher_free(c.matcher);
	sodium_free(secrets);	/* every slot was wiped when its document was freed */
}

/*
 * The end of the chunk that starts at `start`: at most max_docs documents and BATCH_CHUNK_BYTES
 * bytes of input (by the sizes the files have now), and at least one document.
 */
static size_t
chunk_end(char *const *inputs, size_t n, size_t start, size_t max_docs)
{
	size_t end = start, bytes = 0;

	while (end < n && end - start < max_docs) {
		struct stat st;
		size_t size = 0;

		/* A file that cannot be read fails when its chunk reads it. */
		if (stat(inputs[end], &st) == 0 && S_ISREG(st.st_mode))
			size = (uintmax_t)st.st_size > SIZE_MAX ? SIZE_MAX : (size_t)st.st_size;
		if (end > start && size > BATCH_CHUNK_BYTES - bytes)
			break;
		bytes = size > BATCH_CHUNK_BYTES - bytes ? BATCH_CHUNK_BYTES : bytes + size;
		end++;
	}
	return end;
}

/*
 * A chunk's documents as the parent opened them: batch indexes [start, start + n). Once its child
 * runs, the parent keeps only the names of the temporary files (tmps), to remove what is left of
 * them should the child die.
 */
struct chunk_docs {
	struct batch_doc *docs;
	size_t start, n;
	char **tmps;
	size_t ntmps;
};

/*
 * Opens the documents [start, end) and their outputs as temporary files, in the parent.
 * A document that cannot be read or opened is DOC_FAILED and fails in its turn. Returns 0, or -1
 * (out of memory).
 */
static int
chunk_open(const struct batch_options *o, char *const *inputs, const struct batch_names *names,
    size_t start, size_t end, struct chunk_docs *cd)
{
	size_t i;

	cd->start = start;
	cd->n = end - start;
	cd->ntmps = 0;
	if ((cd->tmps = calloc(2 * cd->n, sizeof(*cd->tmps))) == NULL)
		return -1;
	if ((cd->docs = calloc(cd->n, sizeof(*cd->docs))) == NULL) {
		free(cd->tmps);
		cd->tmps = NULL;
		return -1;
	}
	for (i = 0; i < cd->n; i++)
		cd->docs[i].in_fd = -1;
	for (i = 0; i < cd->n; i++) {
		/* Interrupted: the chunk ends here, and is given up. */
		if (o->interrupted != NULL && *o->interrupted) {
			cd->n = i;
			break;
		}
		cd->docs[i].input = inputs[start + i];
		cd->docs[i].release_path = names->release[start + i];
		cd->docs[i].audit_path = names->audit[start + i];
		doc_open(o, &cd->docs[i]);
	}
	return 0;
}

/*
 * The parent lets go of a chunk that its child now owns, while the child works: it closes its
 * own descriptors of the temporary files and frees its copies, removing nothing, and keeps the
 * temporary files' names.
 */
static void
chunk_forget(struct chunk_docs *cd)
{
	size_t i;

	for (i = 0; i < cd->n; i++) {
		struct text_out *outs[2] = { &cd->docs[i].out, &cd->docs[i].aud };
		size_t k;

		for (k = 0; k < 2; k++) {
			if (outs[k]->fp != NULL)
				fclose(outs[k]->fp);	/* nothing was written: nothing to flush */
			if (outs[k]->tmp != NULL)
				cd->tmps[cd->ntmps++] = outs[k]->tmp;
			free(outs[k]->path);
			memset(outs[k], 0, sizeof(*outs[k]));
		}
		doc_free(&cd->docs[i]);
	}
	free(cd->docs);
	cd->docs = NULL;
}

/*
 * Once a chunk's child is gone: frees the names of its temporary files and, when the child died,
 * removes the files first (those the child renamed into place are gone already).
 */
static void
chunk_done(struct chunk_docs *cd, bool died)
{
	size_t i;

	for (i = 0; i < cd->ntmps; i++) {
		if (died)
			unlink(cd->tmps[i]);
		free(cd->tmps[i]);
	}
	free(cd->tmps);
	cd->tmps = NULL;
	cd->ntmps = 0;
	cd->n = 0;
}

/* The parent gives up a chunk it opened but will not run: its temporary files are removed. */
static void
chunk_abort(struct chunk_docs *cd)
{
	size_t i;

	for (i = 0; cd->docs != NULL && i < cd->n; i++) {
		doc_abort(&cd->docs[i]);
		doc_free(&cd->docs[i]);
	}
	free(cd->docs);
	cd->docs = NULL;
	chunk_done(cd, false);
}

/* Writes exactly len bytes to a pipe. Returns 0, or -1. */
static int
pipe_write(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	size_t off = 0;

	while (off < len) {
		ssize_t k = write(fd, p + off, len - off);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		off += (size_t)k;
	}
	return 0;
}

/*
 * Starts the child process that runs chunk cd. Returns the child's pid with the read end of its
 * report pipe in *fd, or -1 with err (the chunk is then aborted).
 */
static pid_t
chunk_start(const struct batch_options *o, struct chunk_docs *cd, size_t total,
    const struct batch_result *r, int *fd, char *err, size_t errlen)
{
	struct chunk_report cr;
	int fds[2];
	pid_t pid;

	if (pipe(fds) != 0) {
		snprintf(err, errlen, "cannot make a pipe: %s", strerror(errno));
		chunk_abort(cd);
		return -1;
	}
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "cannot start a process for documents %zu to %zu: %s",
		    cd->start + 1, cd->start + cd->n, strerror(errno));
		close(fds[0]);
		close(fds[1]);
		chunk_abort(cd);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		chunk_run(o, cd->docs, cd->n, cd->start, total, r->released, r->failed, &cr);
		free(cd->docs);
		/* exit, not _exit: a sanitizer build checks the child for leaks too. */
		exit(pipe_write(fds[1], &cr, sizeof(cr)) == 0 ? 0 : 2);
	}
	close(fds[1]);
	chunk_forget(cd);
	*fd = fds[0];
	return pid;
}

/*
 * Waits for a chunk's child and reads its report; when the batch is interrupted meanwhile, tells
 * the child to stop (it does so between two documents). Returns 0 with cr filled, or -1 with err
 * when the process died or said nothing.
 */
static int
chunk_wait(const struct batch_options *o, pid_t pid, int fd, size_t start, size_t end,
    struct chunk_report *cr, char *err, size_t errlen)
{
	char *p = (char *)cr;
	size_t off = 0;
	bool told = false;
	int status = 0, got = 0;

	while (off < sizeof(*cr)) {
		ssize_t k;

		if (!told && o->interrupted != NULL && *o->interrupted) {
			kill(pid, SIGTERM);
			told = true;
		}
		if ((k = read(fd, p + off, sizeof(*cr) - off)) < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			got = -1;
			break;
		}
		off += (size_t)k;
	}
	close(fd);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			snprintf(err, errlen, "documents %zu to %zu: cannot wait for their process: %s",
			    start + 1, end, strerror(errno));
			return -1;
		}
	}
	if (got == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		snprintf(err, errlen, "documents %zu to %zu: their process was killed by signal %d; "
		    "those it finished are written and entered, the others' temporary files removed",
		    start + 1, end, WTERMSIG(status));
	else
		snprintf(err, errlen, "documents %zu to %zu: their process failed; those it finished "
		    "are written and entered, the others' temporary files removed", start + 1, end);
	return -1;
}

/*
 * How many documents a chunk may hold: each keeps its input and one or two temporary files open
 * (in the parent, then in the chunk's child). Raises the soft limit on descriptors towards the
 * hard one when BATCH_CHUNK_DOCS needs it; keeps 16 descriptors for everything else (standard
 * streams, the ledger, pipes).
 */
static size_t
chunk_docs_max(const struct batch_options *o)
{
	size_t per = o->signer != NULL ? 3 : 2, want = BATCH_CHUNK_DOCS * per + 16;
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 16;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want &&
	    (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > rl.rlim_cur)) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
		(void)getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return BATCH_CHUNK_DOCS;
	return rl.rlim_cur > 16 + per ? (size_t)(rl.rlim_cur - 16) / per : 1;
}

int
batch_run(const struct batch_options *o, char *const *inputs, size_t n,
    const struct batch_names *names, struct batch_result *r, char *err, size_t errlen)
{
	struct chunk_docs cur, next;
	size_t max_docs = BATCH_FIRST_CHUNK_DOCS, most, end;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	memset(&cur, 0, sizeof(cur));
	memset(&next, 0, sizeof(next));
	r->skipped = n;
	if (o->jobs < 1 || o->jobs > BATCH_MAX_JOBS || names->n != n ||
	    (o->signer != NULL && o->ledger == NULL)) {
		snprintf(err, errlen, "batch: bad options");
		return -1;
	}
	/*
	 * What would open a file inside the sandbox is done now, once, and inherited: the time
	 * zone and jansson's hash seed (before any thread uses jansson).
	 */
	tzset();
	json_object_seed(0);
	if (n == 0)
		return 0;
	if ((most = chunk_docs_max(o)) < max_docs)
		max_docs = most;
	if (chunk_open(o, inputs, names, 0, chunk_end(inputs, n, 0, max_docs), &cur) != 0)
		goto nomem;
	for (;;) {
		struct chunk_report cr;
		size_t start = cur.start, stop = cur.start + cur.n;
		bool opened;
		int fd;
		pid_t pid;

		if ((pid = chunk_start(o, &cur, n, r, &fd, err, errlen)) < 0)
			goto done;
		/*
		 * While the child works, the parent reads and opens the next chunk, with workers to
		 * spare (one worker runs alone). Chunks grow, so that the first, whose opening nothing
		 * overlaps, is small, and that there are few: each costs a process and its threads.
		 */
		max_docs = max_docs > most / 4 ? most : max_docs * 4;
		end = stop < n ? chunk_end(inputs, n, stop, max_docs) : n;
		opened = o->jobs <= 1 || stop == n ||
		    chunk_open(o, inputs, names, stop, end, &next) == 0;
		if (chunk_wait(o, pid, fd, start, stop, &cr, err, errlen) != 0) {
			/* Whatever the child left as temporary files is removed. */
			chunk_done(&cur, true);
			if (o->interrupted != NULL && *o->interrupted)
				snprintf(err, errlen, "interrupted");
			r->skipped = n - stop;
			r->unknown = stop - start;
			goto done;
		}
		chunk_done(&cur, false);
		r->released += cr.released;
		r->failed += cr.failed;
		r->skipped = n - start - cr.reported;
		if (o->ledger != NULL) {
			memcpy(o->ledger->head, cr.head, AUDIT_HASH_BYTES);
			o->ledger->nentries = cr.nentries;
		}
		if (cr.fatal) {
			snprintf(err, errlen, "%s", cr.why);
			goto done;
		}
		if (stop == n)
			break;
		if (!opened || (o->jobs <= 1 && chunk_open(o, inputs, names, stop, end, &next) != 0))
			goto nomem;
		if (o->interrupted != NULL && *o->interrupted) {
			snprintf(err, errlen, "interrupted");
			goto done;
		}
		cur = next;
		memset(&next, 0, sizeof(next));
	}
	rc = r->failed == 0 ? 0 : 1;
	goto done;
nomem:
	snprintf(err, errlen, "out of memory");
done:
	chunk_abort(&next);
	return rc;
}
