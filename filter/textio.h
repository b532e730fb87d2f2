/* SPDX-License-Identifier: ISC */
/*
 * textio: reading whole documents under a size cap, and writing releases safely.
 *
 * A document is read into one buffer (tearline buffers one document at a time). Output goes
 * through a struct text_out, which remembers the first write error so that the caller checks once
 * at the end; an output file is written under a temporary name and renamed only on success, so a
 * failed run never leaves a release that looks complete.
 */
#ifndef TEARLINE_TEXTIO_H
#define TEARLINE_TEXTIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Zero bytes after the end of every document read: a NUL terminator, and room for the word-wide
 * reads that PCRE2's JIT makes past the end of a subject (harmless to its result, but reads of
 * bytes never written, which valgrind reports).
 */
#define TEXT_PAD 64

struct text_buffer {
	char *data;	/* followed by TEXT_PAD zero bytes; may contain NUL bytes */
	size_t len;
};

/*
 * Reads all of `path` ("-" for standard input) into buf, refusing more than `max` bytes. Returns
 * 0, or -1 with a message in err. The caller frees buf with text_buffer_free.
 */
int text_read_file(const char *path, size_t max, struct text_buffer *buf, char *err,
    size_t errlen);

/*
 * Opens `path` ("-" for standard input) to be read by text_read_fd. Returns 0 with the descriptor
 * in *fd, or -1 with a message in err.
 */
int text_open_input(const char *path, int *fd, char *err, size_t errlen);

/*
 * Reads all of descriptor fd (named `name` in messages) into buf, refusing more than `max` bytes;
 * fd stays open. Returns 0, or -1 with a message in err; after a failed read(2), *errnum is its
 * errno and err says only "NAME: read error", for the caller to add strerror(*errnum) (a worker
 * thread of a batch does not call strerror). Otherwise *errnum is 0.
 */
int text_read_fd(int fd, const char *name, size_t max, struct text_buffer *buf, int *errnum,
    char *err, size_t errlen);

/* Frees a buffer's data; accepts a zeroed buffer. */
void text_buffer_free(struct text_buffer *buf);

struct text_out {
	FILE *fp;
	char *path;		/* the final path, or NULL for standard output */
	char *tmp;		/* the temporary path being written */
	int err;		/* first errno seen, 0 if none */
	bool close_stdout;	/* text_out_close closes standard output too */
	size_t written;
};

/*
 * Opens output: `path` NULL or "-" means standard output; otherwise a temporary file beside path
 * (mode 0644 less the umask), renamed over path by text_out_close. Returns 0 or -1 with err.
 */
int text_out_open(struct text_out *o, const char *path, char *err, size_t errlen);

/* Writes n bytes; errors are remembered in o->err. */
void text_out_write(struct text_out *o, const void *p, size_t n);

/*
 * text_out_write in the shape of a redact_sink's write (ctx is the struct text_out): returns 0,
 * or -1 once the output has had an error.
 */
int text_out_sink(void *ctx, const void *buf, size_t n);

/*
 * Flushes and syncs output without finishing it, so that a caller writing two files learns that
 * both are complete before either is renamed into place. Returns 0, or -1 with a message in err
 * (the output is still open: finish it with text_out_close).
 */
int text_out_flush(struct text_out *o, char *err, size_t errlen);

/*
 * Finishes output. With ok true, flushes, syncs and closes, then renames the temporary file into
 * place; with ok false, or on any error, removes the temporary file. Standard output is only
 * flushed, unless close_stdout is set: then it is closed (fclose), so that its last error shows
 * before the caller commits anything that depends on it. Returns 0 when the output
 * was written completely, -1 with a message in err otherwise.
 */
int text_out_close(struct text_out *o, bool ok, char *err, size_t errlen);

/*
 * Removes the temporary files of every output not yet finished (renamed or removed). Only
 * unlink is called: safe in a signal handler, which is what it is for.
 */
void text_out_remove_temporaries(void);

/*
 * Opens o as a spool: an unnamed temporary file in $TMPDIR (or /tmp), unlinked as soon as it is
 * made so that it never outlives the run; written with text_out_write, copied out with
 * text_spool_copy, closed with text_spool_close. Returns 0, or -1 with err.
 */
int text_spool_open(struct text_out *o, char *err, size_t errlen);

/*
 * Copies everything written to spool into out. Returns 0, or -1 with err (the spool could not be
 * read back); a write error stays in out->err, for text_out_close to report.
 */
int text_spool_copy(struct text_out *spool, struct text_out *out, char *err, size_t errlen);

/* Empties a spool, to be written again from its start. Returns 0, or -1 with err. */
int text_spool_reset(struct text_out *spool, char *err, size_t errlen);

/* Closes a spool; accepts one never opened or closed already. */
void text_spool_close(struct text_out *spool);

#endif
