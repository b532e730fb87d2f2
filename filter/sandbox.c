/*
 * sandbox: a seccomp allow-list with libseccomp.
 */
#include "sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <seccomp.h>
#include <sys/ioctl.h>

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

int
sandbox_enter(char *err, size_t errlen)
{
	scmp_filter_ctx ctx;
	size_t i;
	int rc;

	if ((ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM))) == NULL) {
		snprintf(err, errlen, "sandbox: seccomp_init failed");
		return -1;
	}
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		int nr = seccomp_syscall_resolve_name(allowed[i]);

		/* A call this architecture does not have is simply not needed here. */
		if (nr == __NR_SCMP_ERROR)
			continue;
		if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0)) != 0) {
			snprintf(err, errlen, "sandbox: cannot allow %s: %s", allowed[i],
			    strerror(-rc));
			seccomp_release(ctx);
			return -1;
		}
	}
	/* stdio asks whether an output is a terminal; no other ioctl is allowed (no TIOCSTI). */
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ioctl), 1,
	    SCMP_A1(SCMP_CMP_EQ, TCGETS))) != 0) {
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
