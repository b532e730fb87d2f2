/* SPDX-License-Identifier: ISC */
/*
 * faultinject: an LD_PRELOAD shim that makes chosen I/O calls fail, for tests/faults.test.sh.
 *
 *   FAULT_CALL    the family of calls to fail: open, read, write, fsync or rename (unset: none)
 *   FAULT_AFTER   how many calls of the family succeed before the first failure (default 0)
 *   FAULT_TIMES   how many calls fail from then on (default: every one, like a disk that stays
 *                 full)
 *   FAULT_ERRNO   the error: a name (EIO, ENOSPC, EACCES, EROFS, EPIPE, EINTR, ...) or a number
 *                 (default EIO); or "stall": the call never returns, it waits (in read on a
 *                 pipe of its own, which the sandbox allows) until a signal ends the process
 *   FAULT_PATH    only calls on a file whose name contains this string count and fail: the path
 *                 of open and rename, and for a call on a descriptor the path it was opened with
 *                 (standard input, output and error are named by what they were at start)
 *   FAULT_REPORT  a file to which a line is appended for every failure injected, so that a test
 *                 knows whether its fault happened
 *
 * The families: open is open, openat, fopen and mkstemp; read is read and fread; write is
 * write, fwrite, fflush and fclose; fsync is fsync and fdatasync; rename is rename and renameat.
 * glibc's stdio writes through an internal write that no shim can wrap, which is why fwrite,
 * fflush and fclose are wrapped themselves; a failed fwrite first writes half of its bytes, as
 * a real one that fails mid-way does. Writes to standard error never fail: that is where the
 * error must be reported.
 *
 * Everything the shim needs is set up when it is loaded, before tearline enters its sandbox:
 * afterwards it only makes the calls it wraps, and write on the report's descriptor.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum family { F_NONE, F_OPEN, F_READ, F_WRITE, F_FSYNC, F_RENAME };

static const char *const family_names[] = { "", "open", "read", "write", "fsync", "rename" };

#define MAX_FDS 1024

static struct {
	enum family family;
	unsigned long after, times, count, failed;
	int err;
	const char *path;
	int report;
	int stall[2];		/* with FAULT_ERRNO=stall: a pipe no one ever writes to */
	char *names[MAX_FDS];	/* the path each descriptor was opened with */
} fi = { F_NONE, 0, ULONG_MAX, 0, 0, EIO, NULL, -1, { -1, -1 }, { NULL } };

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_open_2)(const char *, int);
static FILE *(*real_fopen)(const char *, const char *);
static FILE *(*real_fopen64)(const char *, const char *);
static int (*real_mkstemp)(char *);
static int (*real_mkostemp)(char *, int);
static ssize_t (*real_read)(int, void *, size_t);
static size_t (*real_fread)(void *, size_t, size_t, FILE *);
static ssize_t (*real_write)(int, const void *, size_t);
static size_t (*real_fwrite)(const void *, size_t, size_t, FILE *);
static int (*real_fflush)(FILE *);
static int (*real_fclose)(FILE *);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_close)(int);

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EIO", EIO }, { "ENOSPC", ENOSPC }, { "EDQUOT", EDQUOT }, { "EACCES", EACCES },
	{ "EPERM", EPERM }, { "EROFS", EROFS }, { "EPIPE", EPIPE }, { "EINTR", EINTR },
	{ "ENOENT", ENOENT }, { "EXDEV", EXDEV }, { "EMFILE", EMFILE }, { "ENOMEM", ENOMEM },
	{ "EFBIG", EFBIG }, { "EBADF", EBADF }, { "EAGAIN", EAGAIN },
};

static void *
next(const char *name)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (p == NULL) {
		fprintf(stderr, "faultinject: no %s to wrap\n", name);
		abort();
	}
	return p;
}

static void
set_name(int fd, const char *path)
{
	if (fd < 0 || fd >= MAX_FDS)
		return;
	free(fi.names[fd]);
	fi.names[fd] = path != NULL ? strdup(path) : NULL;
}

__attribute__((constructor)) static void
faultinject_init(void)
{
	const char *s;
	size_t i;
	int fd;

	real_open = next("open");
	real_open64 = next("open64");
	real_openat = next("openat");
	real_openat64 = next("openat64");
	real_open_2 = next("__open_2");
	real_fopen = next("fopen");
	real_fopen64 = next("fopen64");
	real_mkstemp = next("mkstemp");
	real_mkostemp = next("mkostemp");
	real_read = next("read");
	real_fread = next("fread");
	real_write = next("write");
	real_fwrite = next("fwrite");
	real_fflush = next("fflush");
	real_fclose = next("fclose");
	real_fsync = next("fsync");
	real_fdatasync = next("fdatasync");
	real_rename = next("rename");
	real_renameat = next("renameat");
	real_close = next("close");
	if ((s = getenv("FAULT_CALL")) != NULL)
		for (i = 1; i < sizeof(family_names) / sizeof(family_names[0]); i++)
			if (strcmp(s, family_names[i]) == 0)
				fi.family = (enum family)i;
	if (s != NULL && fi.family == F_NONE) {
		fprintf(stderr, "faultinject: FAULT_CALL=%s is not open, read, write, fsync or "
		    "rename\n", s);
		abort();
	}
	if ((s = getenv("FAULT_AFTER")) != NULL)
		fi.after = strtoul(s, NULL, 10);
	if ((s = getenv("FAULT_TIMES")) != NULL)
		fi.times = strtoul(s, NULL, 10);
	if ((s = getenv("FAULT_ERRNO")) != NULL && strcmp(s, "stall") == 0) {
		if (pipe(fi.stall) != 0) {
			fprintf(stderr, "faultinject: pipe: %s\n", strerror(errno));
			abort();
		}
	} else if (s != NULL) {
		fi.err = atoi(s);
		for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
			if (strcmp(s, errnos[i].name) == 0)
				fi.err = errnos[i].value;
		if (fi.err <= 0) {
			fprintf(stderr, "faultinject: FAULT_ERRNO=%s is not an errno\n", s);
			abort();
		}
	}
	if ((s = getenv("FAULT_PATH")) != NULL && s[0] != '\0')
		fi.path = s;
	if ((s = getenv("FAULT_REPORT")) != NULL &&
	    (fi.report = real_open(s, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644)) < 0) {
		fprintf(stderr, "faultinject: %s: %s\n", s, strerror(errno));
		abort();
	}
	/* Name the standard descriptors by what they are now (no /proc in the sandbox later). */
	for (fd = 0; fd <= 2; fd++) {
		char link[64], target[PATH_MAX];
		ssize_t n;

		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		if ((n = readlink(link, target, sizeof(target) - 1)) > 0) {
			target[n] = '\0';
			set_name(fd, target);
		}
	}
}

/*
 * Whether this call, of family f on the file `name`, is to fail: counts the calls that match and
 * fails those after the first FAULT_AFTER, FAULT_TIMES of them. On failure sets errno and writes
 * the report line.
 */
static int
inject(enum family f, const char *call, const char *name)
{
	char line[512];
	int n;

	if (f != fi.family)
		return 0;
	if (fi.path != NULL && (name == NULL || strstr(name, fi.path) == NULL))
		return 0;
	if (fi.count++ < fi.after || fi.failed >= fi.times)
		return 0;
	fi.failed++;
	if (fi.stall[0] >= 0) {
		char c;

		if (fi.report >= 0) {
			n = snprintf(line, sizeof(line), "faultinject: %s #%lu on %s: stalled\n",
			    call, fi.count, name != NULL ? name : "(unnamed)");
			if (n > 0 && (size_t)n < sizeof(line))
				(void)!real_write(fi.report, line, (size_t)n);
		}
		for (;;)
			(void)!real_read(fi.stall[0], &c, 1);
	}
	if (fi.report >= 0) {
		n = snprintf(line, sizeof(line), "faultinject: %s #%lu on %s: %s\n", call, fi.count,
		    name != NULL ? name : "(unnamed)", strerror(fi.err));
		if (n > 0)
			(void)!real_write(fi.report, line, (size_t)n < sizeof(line) ? (size_t)n :
			    sizeof(line) - 1);
	}
	errno = fi.err;
	return 1;
}

static const char *
fd_name(int fd)
{
	return fd >= 0 && fd < MAX_FDS ? fi.names[fd] : NULL;
}

static const char *
fp_name(FILE *fp)
{
	return fp != NULL ? fd_name(fileno(fp)) : NULL;
}

/* The error flag that a real failed stdio call leaves on the stream. */
static void
set_error(FILE *fp)
{
	fp->_flags |= _IO_ERR_SEEN;
}

static int
after_open(int fd, const char *path)
{
	if (fd >= 0)
		set_name(fd, path);
	return fd;
}

int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (inject(F_OPEN, "open", path))
		return -1;
	return after_open(real_open(path, flags, mode), path);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (inject(F_OPEN, "open", path))
		return -1;
	return after_open(real_open64(path, flags, mode), path);
}

int
__open_2(const char *path, int flags)
{
	if (inject(F_OPEN, "open", path))
		return -1;
	return after_open(real_open_2(path, flags), path);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (inject(F_OPEN, "openat", path))
		return -1;
	return after_open(real_openat(dirfd, path, flags, mode), path);
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (inject(F_OPEN, "openat", path))
		return -1;
	return after_open(real_openat64(dirfd, path, flags, mode), path);
}

FILE *
fopen(const char *path, const char *mode)
{
	FILE *fp;

	if (inject(F_OPEN, "fopen", path))
		return NULL;
	if ((fp = real_fopen(path, mode)) != NULL)
		set_name(fileno(fp), path);
	return fp;
}

FILE *
fopen64(const char *path, const char *mode)
{
	FILE *fp;

	if (inject(F_OPEN, "fopen", path))
		return NULL;
	if ((fp = real_fopen64(path, mode)) != NULL)
		set_name(fileno(fp), path);
	return fp;
}

int
mkstemp(char *template)
{
	if (inject(F_OPEN, "mkstemp", template))
		return -1;
	return after_open(real_mkstemp(template), template);
}

int
mkostemp(char *template, int flags)
{
	if (inject(F_OPEN, "mkostemp", template))
		return -1;
	return after_open(real_mkostemp(template, flags), template);
}

ssize_t
read(int fd, void *buf, size_t n)
{
	if (inject(F_READ, "read", fd_name(fd)))
		return -1;
	return real_read(fd, buf, n);
}

size_t
fread(void *buf, size_t size, size_t n, FILE *fp)
{
	if (inject(F_READ, "fread", fp_name(fp))) {
		set_error(fp);
		return 0;
	}
	return real_fread(buf, size, n, fp);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (fd != STDERR_FILENO && inject(F_WRITE, "write", fd_name(fd)))
		return -1;
	return real_write(fd, buf, n);
}

size_t
fwrite(const void *buf, size_t size, size_t n, FILE *fp)
{
	size_t half;
	int err;

	if (fileno(fp) == STDERR_FILENO || !inject(F_WRITE, "fwrite", fp_name(fp)))
		return real_fwrite(buf, size, n, fp);
	/* Half the items reach the file, as when a disk fills up in the middle of a write. */
	err = errno;
	half = real_fwrite(buf, size, n / 2, fp);
	real_fflush(fp);
	set_error(fp);
	errno = err;
	return half;
}

int
fflush(FILE *fp)
{
	if (fp == NULL || fileno(fp) == STDERR_FILENO || !inject(F_WRITE, "fflush", fp_name(fp)))
		return real_fflush(fp);
	set_error(fp);
	return EOF;
}

int
fclose(FILE *fp)
{
	int fd = fileno(fp), err;

	if (fd == STDERR_FILENO || !inject(F_WRITE, "fclose", fd_name(fd))) {
		set_name(fd, NULL);
		return real_fclose(fp);
	}
	/* The stream is closed all the same, as a real fclose that fails closes it. */
	err = errno;
	set_name(fd, NULL);
	real_fclose(fp);
	errno = err;
	return EOF;
}

/* Closing forgets the name, so that a descriptor opened again by libc itself has none. */
int
close(int fd)
{
	set_name(fd, NULL);
	return real_close(fd);
}

int
fsync(int fd)
{
	if (inject(F_FSYNC, "fsync", fd_name(fd)))
		return -1;
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	if (inject(F_FSYNC, "fdatasync", fd_name(fd)))
		return -1;
	return real_fdatasync(fd);
}

int
rename(const char *from, const char *to)
{
	if (inject(F_RENAME, "rename", to))
		return -1;
	return real_rename(from, to);
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	if (inject(F_RENAME, "renameat", to))
		return -1;
	return real_renameat(fromfd, from, tofd, to);
}
