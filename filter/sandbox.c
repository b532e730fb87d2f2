/* SPDX-License-Identifier: ISC */
/*
 * sandbox: a seccomp allow-list with libseccomp.
 */
#include "sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/sched.h>
#include <seccomp.h>
#include <sys/ioctl.h>

/* Whether this is an AddressSanitizer build (check-asan, the fuzz targets): the compiler says. */
#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANDBOX_LSAN 1
#endif
#endif

/*
 * What the filter still needs after its files are open. Memory calls serve malloc, PCRE2 and
 * sodium_malloc (guard pages are set with mprotect); fsync, rename, unlink and fchmod finish or
 * remove an output file opened before; getrandom serves libsodium; clock_gettime the audit time.
 */
static const char *const allowed[] = {
	"read", "write", "readv", "writev", "pread64", "pwrite64", "lseek", "close",
	"fstat", "newfstatat", "fcntl",
	"brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mlock", "munlock",
	"fsync", "fdatasync", "rename", "renameat", "renameat2", "unlink", "unlinkat", "fchmod",
	"ftruncate", "flock",
	"getrandom", "clock_gettime", "gettimeofday", "time", "getpid",
	"rt_sigreturn", "rt_sigprocmask", "futex", "exit", "exit_group",
};

#ifdef SANDBOX_LSAN
/*
 * A sanitizer build only: LeakSanitizer checks for leaks at exit from a helper task that stops
 * the process's threads. It lists /proc/self/task with the legacy open and getdents calls, which
 * glibc's open and readdir never make on this platform; attaches with ptrace and waits with
 * wait4; names threads with gettid, watches its parent with getppid, and aborts with tgkill.
 * AddressSanitizer asks for the signal stack (sigaltstack) before a call that does not return.
 * The helper's clone is allowed only with the exact flags below, which are not fork's or
 * pthread_create's, so the refusals that tests/unit/test_sandbox.c checks (open, socket, exec,
 * fork) hold in this build too. A release build never has these: the compiler, not the
 * Makefile, says which build this is.
 */
static const char *const allowed_lsan[] = {
	"open", "getdents", "ptrace", "wait4", "gettid", "getppid", "tgkill", "sigaltstack",
};
#define SANDBOX_LSAN_CLONE (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_UNTRACED)
#endif

/* Allows each named call; returns 0, or -1 with a message in err. */
static int
allow_all(scmp_filter_ctx ctx, const char *const *names, size_t n, char *err, size_t errlen)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		int nr = seccomp_syscall_resolve_name(names[i]);

		/* A call this architecture does not have is simply not needed here. */
		if (nr == __NR_SCMP_ERROR)
			continue;
		if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0)) != 0) {
			snprintf(err, errlen, "sandbox: cannot allow %s: %s", names[i],
			    strerror(-rc));
			return -1;
		}
	}
	return 0;
}

int
sandbox_enter(char *err, size_t errlen)
{
	scmp_filter_ctx ctx;
	int rc;

	if ((ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM))) == NULL) {
		snprintf(err, errlen, "sandbox: seccomp_init failed");
		return -1;
	}
	if (allow_all(ctx, allowed, sizeof(allowed) / sizeof(allowed[0]), err, errlen) != 0) {
		seccomp_release(ctx);
		return -1;
	}
#ifdef SANDBOX_LSAN
	if (allow_all(ctx, allowed_lsan, sizeof(allowed_lsan) / sizeof(allowed_lsan[0]), err,
	    errlen) != 0) {
		seccomp_release(ctx);
		return -1;
	}
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
	    SCMP_A0(SCMP_CMP_EQ, SANDBOX_LSAN_CLONE, 0))) != 0) {
		snprintf(err, errlen, "sandbox: cannot allow clone: %s", strerror(-rc));
		seccomp_release(ctx);
		return -1;
	}
#endif
	/* stdio asks whether an output is a terminal; no other ioctl is allowed (no TIOCSTI). */
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1,
	    SCMP_A1(SCMP_CMP_EQ, TCGETS, 0))) != 0) {
		snprintf(err, errlen, "sandbox: cannot allow ioctl: %s", strerror(-rc));
		seccomp_release(ctx);
		return -1;
	}
	if ((rc = seccomp_load(ctx)) != 0) {
		snprintf(err, errlen, "sandbox: cannot load the seccomp filter: %s", strerror(-rc));
		seccomp_release(ctx);
		return -1;
	}
	seccomp_release(ctx);
	return 0;
}
