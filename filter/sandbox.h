/* SPDX-License-Identifier: ISC */
/*
 * sandbox: least privilege. Once tearline has opened every file it needs, it confines itself
 * with a seccomp allow-list (libseccomp) to what it still does: read, write, memory, time,
 * randomness, finishing an output file (fsync, rename, unlink) and exit. Any other system call
 * fails with EPERM.
 */
#ifndef TEARLINE_SANDBOX_H
#define TEARLINE_SANDBOX_H

#include <stddef.h>

/*
 * Enters the sandbox for the rest of the process. Returns 0, or -1 with a message in err (the
 * kernel or libseccomp refused the filter: the caller decides whether to go on without it).
 */
int sandbox_enter(char *err, size_t errlen);

#endif
