/* SPDX-License-Identifier: ISC */
/*
 * Tests for the sandbox: in a child process, after sandbox_enter, the calls the filter needs
 * still work and the ones it does not need fail with EPERM.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "sandbox.h"

/* Runs fn in a sandboxed child and returns its exit status (0 means every check held). */
static int
in_sandbox(int (*fn)(void))
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		char err[256];

		if (sandbox_enter(err, sizeof(err)) != 0)
			_exit(100);
		_exit(fn());
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static int
child_open_refused(void)
{
	int fd = open("/dev/null", O_RDONLY);

	return fd < 0 && errno == EPERM ? 0 : 1;
}

static int
child_socket_refused(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	return fd < 0 && errno == EPERM ? 0 : 1;
}

static int
child_exec_refused(void)
{
	char *argv[] = { "true", NULL };

	execv("/bin/true", argv);
	return errno == EPERM ? 0 : 1;
}

/* fork is refused too: a sanitizer build allows only LeakSanitizer's own clone flags. */
static int
child_fork_refused(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	return pid < 0 && errno == EPERM ? 0 : 1;
}

static int
child_memory_and_write_work(void)
{
	size_t n = (size_t)64 << 20;	/* large enough that malloc maps it */
	char *p = malloc(n);

	if (p == NULL)
		return 1;
	memset(p, 'x', n);
	free(p);
	/* Writing to a descriptor opened before the sandbox still works. */
	if (write(STDERR_FILENO, "", 0) != 0)
		return 2;
	return 0;
}

static void
test_open_is_refused(void **state)
{
	(void)state;
	assert_int_equal(in_sandbox(child_open_refused), 0);
}

static void
test_socket_is_refused(void **state)
{
	(void)state;
	assert_int_equal(in_sandbox(child_socket_refused), 0);
}

static void
test_exec_is_refused(void **state)
{
	(void)state;
	assert_int_equal(in_sandbox(child_exec_refused), 0);
}

static void
test_fork_is_refused(void **state)
{
	(void)state;
	assert_int_equal(in_sandbox(child_fork_refused), 0);
}

static void
test_needed_calls_work(void **state)
{
	(void)state;
	assert_int_equal(in_sandbox(child_memory_and_write_work), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_is_refused),
		cmocka_unit_test(test_socket_is_refused),
		cmocka_unit_test(test_exec_is_refused),
		cmocka_unit_test(test_fork_is_refused),
		cmocka_unit_test(test_needed_calls_work),
	};

	return cmocka_run_group_tests_name("sandbox", tests, NULL, NULL);
}
