/* SPDX-License-Identifier: ISC */
/*
 * textio: whole-document input and all-or-nothing output.
 */
#include "textio.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The temporary files of outputs not yet finished, for text_out_remove_temporaries to remove
 * from a signal handler. A slot holds the path's pointer while its file exists; slots are
 * claimed and read atomically, so that threads may open outputs and a handler may run at any
 * time. A run has at most a release, an audit and a report open at once; a batch holds more,
 * and one past the last slot goes unrecorded (the batch removes its own files when it is
 * stopped).
 */
#define TMP_SLOTS 64
static char *_Atomic tmp_slots[TMP_SLOTS];

static void
tmp_hold(char *path)
{
	size_t i;

	for (i = 0; i < TMP_SLOTS; i++) {
		char *empty = NULL;

		if (atomic_compare_exchange_strong(&tmp_slots[i], &empty, path))
			return;
	}
}

static void
tmp_release(char *path)
{
	size_t i;

	for (i = 0; i < TMP_SLOTS; i++) {
		char *held = path;

		if (atomic_compare_exchange_strong(&tmp_slots[i], &held, NULL))
			return;
	}
}

void
text_out_remove_temporaries(void)
{
	size_t i;

	for (i = 0; i < TMP_SLOTS; i++) {
		char *path = atomic_load(&tmp_slots[i]);

		if (path != NULL)
			unlink(path);
	}
}

int
text_open_input(const char *path, int *fd, char *err, size_t errlen)
{
	if (strcmp(path, "-") == 0) {
		*fd = STDIN_FILENO;
		return 0;
	}
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int
text_read_fd(int fd, const char *name, size_t max, struct text_buffer *buf, int *errnum,
    char *err, size_t errlen)
{
	size_t cap = 65536, len = 0;
	char *data;
	struct stat st;

	buf->data = NULL;
	buf->len = 0;
	*errnum = 0;
	/*
	 * A regular file says how large it is: one buffer of that size and a byte to spare, so that
	 * the read that finds its end needs no more room; grown only if the file grows meanwhile.
	 */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (unsigned long long)st.st_size < max)
		cap = (size_t)st.st_size + 1;
	if ((data = malloc(cap + TEXT_PAD)) == NULL)
		goto nomem;
	for (;;) {
		ssize_t n;

		if (len == cap) {
			char *bigger;

			if (cap > max)
				goto toolarge;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			if ((bigger = realloc(data, cap + TEXT_PAD)) == NULL)
				goto nomem;
			data = bigger;
		}
		n = read(fd, data + len, cap - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*errnum = errno;
			snprintf(err, errlen, "%s: read error", name);
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max)
			goto toolarge;
	}
	memset(data + len, 0, TEXT_PAD);
	buf->data = data;
	buf->len = len;
	return 0;
toolarge:
	snprintf(err, errlen, "%s: document larger than the limit of %zu bytes (--max-document)",
	    name, max);
	goto fail;
nomem:
	snprintf(err, errlen, "%s: out of memory", name);
fail:
	free(data);
	return -1;
}

int
text_read_file(const char *path, size_t max, struct text_buffer *buf, char *err, size_t errlen)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd, errnum, rc;

	buf->data = NULL;
	buf->len = 0;
	if (text_open_input(path, &fd, err, errlen) != 0)
		return -1;
	rc = text_read_fd(fd, is_stdin ? "(standard input)" : path, max, buf, &errnum, err,
	    errlen);
	if (rc != 0 && errnum != 0) {
		size_t n = strlen(err);

		snprintf(err + n, errlen - n, ": %s", strerror(errnum));
	}
	if (!is_stdin)
		close(fd);
	return rc;
}

void
text_buffer_free(struct text_buffer *buf)
{
	if (buf == NULL)
		return;
	free(buf->data);
	buf->data = NULL;
	buf->len = 0;
}

int
text_out_open(struct text_out *o, const char *path, char *err, size_t errlen)
{
	struct stat st;
	size_t n;
	int fd;

	memset(o, 0, sizeof(*o));
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	/*
	 * The output is renamed over path: a device, a pipe or a symbolic link there would be
	 * replaced by a regular file (-o /dev/null, run as root, would replace /dev/null itself).
	 */
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file, and an output file is written by "
		    "renaming a new one over it (write to standard output instead)", path);
		return -1;
	}
	n = strlen(path);
	if ((o->path = strdup(path)) == NULL || (o->tmp = malloc(n + 16)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	snprintf(o->tmp, n + 16, "%s.tmp.XXXXXX", path);
	/*
	 * Signals are blocked while the file is made and its name recorded, so that none lands
	 * between the two and leaves the file behind.
	 */
	{
		sigset_t all, old;

		sigfillset(&all);
		pthread_sigmask(SIG_BLOCK, &all, &old);
		if ((fd = mkstemp(o->tmp)) >= 0)
			tmp_hold(o->tmp);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path,
		    strerror(errno));
		goto fail;
	}
	{
		mode_t um = umask(0);

		umask(um);
		(void)fchmod(fd, 0666 & ~um);
	}
	if ((o->fp = fdopen(fd, "wb")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		tmp_release(o->tmp);
		goto fail;
	}
	return 0;
fail:
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	return -1;
}

void
text_out_write(struct text_out *o, const void *p, size_t n)
{
	if (o->err != 0 || n == 0)
		return;
	if (fwrite(p, 1, n, o->fp) != n)
		o->err = errno != 0 ? errno : EIO;
	else
		o->written += n;
}

int
text_out_sink(void *ctx, const void *buf, size_t n)
{
	struct text_out *o = ctx;

	text_out_write(o, buf, n);
	return o->err != 0 ? -1 : 0;
}

int
text_out_flush(struct text_out *o, char *err, size_t errlen)
{
	const char *name = o->path != NULL ? o->path : "(standard output)";

	if (o->fp == NULL)
		return 0;
	if (o->err == 0 && fflush(o->fp) != 0)
		o->err = errno != 0 ? errno : EIO;
	if (o->err == 0 && o->path != NULL && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
		o->err = errno;
	if (o->err != 0) {
		snprintf(err, errlen, "%s: write error: %s", name, strerror(o->err));
		return -1;
	}
	return 0;
}

int
text_out_close(struct text_out *o, bool ok, char *err, size_t errlen)
{
	const char *name = o->path != NULL ? o->path : "(standard output)";
	int rc = 0;

	if (o->fp == NULL)
		return 0;
	if (fflush(o->fp) != 0 && o->err == 0)
		o->err = errno != 0 ? errno : EIO;
	if (o->path != NULL) {
		if (ok && o->err == 0 && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
			o->err = errno;
		if (fclose(o->fp) != 0 && o->err == 0)
			o->err = errno != 0 ? errno : EIO;
		if (ok && o->err == 0 && rename(o->tmp, o->path) != 0)
			o->err = errno;
		if (!ok || o->err != 0)
			unlink(o->tmp);
		tmp_release(o->tmp);
	} else {
		if (ferror(o->fp) && o->err == 0)
			o->err = EIO;
		/* Standard output is closed too when the caller asks: its last error shows here. */
		if (o->close_stdout && fclose(o->fp) != 0 && o->err == 0)
			o->err = errno != 0 ? errno : EIO;
	}
	if (o->err != 0) {
		snprintf(err, errlen, "%s: write error: %s", name, strerror(o->err));
		rc = -1;
	}
	o->fp = NULL;
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	return rc;
}

int
text_spool_open(struct text_out *o, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd;

	memset(o, 0, sizeof(*o));
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	if ((size_t)snprintf(path, sizeof(path), "%s/tearline.XXXXXX", dir) >= sizeof(path)) {
		snprintf(err, errlen, "TMPDIR: too long");
		return -1;
	}
	if ((fd = mkstemp(path)) < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file for the release: %s", dir,
		    strerror(errno));
		return -1;
	}
	unlink(path);
	if ((o->fp = fdopen(fd, "w+b")) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

int
text_spool_copy(struct text_out *spool, struct text_out *out, char *err, size_t errlen)
{
	char buf[65536];
	size_t n;

	if (fflush(spool->fp) != 0 || fseek(spool->fp, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "the release's temporary file: %s", strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), spool->fp)) > 0)
		text_out_write(out, buf, n);
	if (ferror(spool->fp)) {
		snprintf(err, errlen, "the release's temporary file: read error");
		return -1;
	}
	return 0;
}

int
text_spool_reset(struct text_out *spool, char *err, size_t errlen)
{
	if (fflush(spool->fp) != 0 || ftruncate(fileno(spool->fp), 0) != 0 ||
	    fseek(spool->fp, 0, SEEK_SET) != 0) {
		snprintf(err, errlen, "a temporary file: %s", strerror(errno));
		return -1;
	}
	spool->written = 0;
	return 0;
}

void
text_spool_close(struct text_out *spool)
{
	if (spool->fp != NULL)
		fclose(spool->fp);
	spool->fp = NULL;
}
