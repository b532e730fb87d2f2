/* SPDX-License-Identifier: ISC */
/*
 * test_textio: reading under a size cap, and all-or-nothing output. A file is written under a
 * temporary name and renamed only on success; a failure leaves no file; a write error (to
 * /dev/full) is reported at close.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "textio.h"

struct fixture {
	char dir[64];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (f == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/tearline-textio-XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	DIR *dp = opendir(f->dir);
	struct dirent *e;
	char path[512];

	while (dp != NULL && (e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", f->dir, e->d_name);
		unlink(path);
	}
	if (dp != NULL)
		closedir(dp);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* How many entries the directory holds, not counting "." and "..". */
static size_t
entries(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dp);
	return n;
}

static void
write_file(const char *path, const void *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
}

static void
test_read(void **state)
{
	struct fixture *f = *state;
	struct text_buffer buf;
	char path[256], err[512];
	static const char data[] = "SECRET\r\n\0NUL\xB6\n";

	snprintf(path, sizeof(path), "%s/in.txt", f->dir);
	write_file(path, data, sizeof(data) - 1);
	assert_int_equal(text_read_file(path, 1 << 20, &buf, err, sizeof(err)), 0);
	assert_int_equal(buf.len, sizeof(data) - 1);
	assert_memory_equal(buf.data, data, sizeof(data) - 1);
	assert_int_equal(buf.data[buf.len], '\0');
	text_buffer_free(&buf);
	assert_null(buf.data);
	assert_int_equal(buf.len, 0);
	text_buffer_free(&buf);

	/* An empty file is a document of no bytes. */
	snprintf(path, sizeof(path), "%s/empty.txt", f->dir);
	write_file(path, "", 0);
	assert_int_equal(text_read_file(path, 10, &buf, err, sizeof(err)), 0);
	assert_int_equal(buf.len, 0);
	assert_non_null(buf.data);
	text_buffer_free(&buf);
}

static void
test_read_limit(void **state)
{
	struct fixture *f = *state;
	struct text_buffer buf;
	char path[256], err[512];
	size_t n = 200000;
	char *data = malloc(n);

	assert_non_null(data);
	memset(data, 'x', n);
	snprintf(path, sizeof(path), "%s/big.txt", f->dir);
	write_file(path, data, n);

	/* Exactly the limit is allowed; one byte over is refused. */
	assert_int_equal(text_read_file(path, n, &buf, err, sizeof(err)), 0);
	assert_int_equal(buf.len, n);
	text_buffer_free(&buf);
	err[0] = '\0';
	assert_int_equal(text_read_file(path, n - 1, &buf, err, sizeof(err)), -1);
	assert_null(buf.data);
	assert_non_null(strstr(err, "--max-document"));
	assert_non_null(strstr(err, path));
	/* A small limit below the first read's size. */
	assert_int_equal(text_read_file(path, 100, &buf, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "limit of 100 bytes"));
	free(data);
}

static void
test_read_missing(void **state)
{
	struct fixture *f = *state;
	struct text_buffer buf;
	char path[256], err[512] = "";

	snprintf(path, sizeof(path), "%s/no-such-file", f->dir);
	assert_int_equal(text_read_file(path, 1 << 20, &buf, err, sizeof(err)), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "No such file"));
	/* A directory cannot be read as a document. */
	assert_int_equal(text_read_file(f->dir, 1 << 20, &buf, err, sizeof(err)), -1);
	assert_non_null(strstr(err, f->dir));
}

/*
 * text_read_fd, as a batch's worker reads: the descriptor stays open, and a failed read leaves
 * its errno for the caller to word (the message names the document but not the error).
 */
static void
test_read_fd(void **state)
{
	struct fixture *f = *state;
	struct text_buffer buf;
	char path[256], err[512] = "";
	int fd, errnum = -1;

	snprintf(path, sizeof(path), "%s/in.txt", f->dir);
	write_file(path, "(U) Text.\n", 10);
	assert_int_equal(text_open_input(path, &fd, err, sizeof(err)), 0);
	assert_int_equal(text_read_fd(fd, "doc", 1 << 20, &buf, &errnum, err, sizeof(err)), 0);
	assert_int_equal(errnum, 0);
	assert_int_equal(buf.len, 10);
	assert_memory_equal(buf.data, "(U) Text.\n", 10);
	text_buffer_free(&buf);
	assert_int_not_equal(fcntl(fd, F_GETFD), -1);	/* still open */
	close(fd);

	/* Over the limit: a whole message, no errno. */
	assert_int_equal(text_open_input(path, &fd, err, sizeof(err)), 0);
	assert_int_equal(text_read_fd(fd, "doc", 9, &buf, &errnum, err, sizeof(err)), -1);
	assert_int_equal(errnum, 0);
	assert_null(buf.data);
	assert_string_equal(err, "doc: document larger than the limit of 9 bytes (--max-document)");
	close(fd);

	/* A directory opens but cannot be read: EISDIR, for the caller. */
	assert_int_equal(text_open_input(f->dir, &fd, err, sizeof(err)), 0);
	assert_int_equal(text_read_fd(fd, "dir", 1 << 20, &buf, &errnum, err, sizeof(err)), -1);
	assert_int_equal(errnum, EISDIR);
	assert_string_equal(err, "dir: read error");
	assert_null(buf.data);
	close(fd);
	/* text_read_file words it itself. */
	assert_int_equal(text_read_file(f->dir, 1 << 20, &buf, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ": read error: "));
	assert_non_null(strstr(err, strerror(EISDIR)));

	/* A missing file fails at the open, with its error. */
	snprintf(path, sizeof(path), "%s/no-such-file", f->dir);
	assert_int_equal(text_open_input(path, &fd, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "No such file"));
}

static void
test_output_renamed_on_success(void **state)
{
	struct fixture *f = *state;
	struct text_out o;
	struct text_buffer buf;
	struct stat st;
	char path[256], err[512];
	mode_t old = umask(022);

	snprintf(path, sizeof(path), "%s/release.txt", f->dir);
	assert_int_equal(text_out_open(&o, path, err, sizeof(err)), 0);
	assert_non_null(o.tmp);
	/* While it is written, only the temporary file exists, beside the final path. */
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(stat(o.tmp, &st), 0);
	assert_int_equal(strncmp(o.tmp, path, strlen(path)), 0);
	assert_int_equal(entries(f->dir), 1);
	text_out_write(&o, "UNCLASSIFIED\n", 13);
	text_out_write(&o, "1. (U) Public.\n", strlen("1. (U) Public.\n"));
	assert_int_equal(o.written, 28);
	assert_int_equal(text_out_close(&o, true, err, sizeof(err)), 0);
	umask(old);

	/* After: the final file, with everything, mode 0644 under umask 022, and nothing else. */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(entries(f->dir), 1);
	assert_int_equal(text_read_file(path, 1 << 20, &buf, err, sizeof(err)), 0);
	assert_int_equal(buf.len, 28);
	assert_memory_equal(buf.data, "UNCLASSIFIED\n1. (U) Public.\n", 28);
	text_buffer_free(&buf);
	assert_null(o.tmp);
	assert_null(o.path);
}

static void
test_output_replaces_only_on_success(void **state)
{
	struct fixture *f = *state;
	struct text_out o;
	struct text_buffer buf;
	char path[256], err[512];

	snprintf(path, sizeof(path), "%s/release.txt", f->dir);
	write_file(path, "old release\n", 12);
	assert_int_equal(text_out_open(&o, path, err, sizeof(err)), 0);
	text_out_write(&o, "half a rel", strlen("half a rel"));
	/* A failed run (ok false) leaves the old file as it was and no temporary file. */
	assert_int_equal(text_out_close(&o, false, err, sizeof(err)), 0);
	assert_int_equal(entries(f->dir), 1);
	assert_int_equal(text_read_file(path, 1 << 20, &buf, err, sizeof(err)), 0);
	assert_int_equal(buf.len, 12);
	assert_memory_equal(buf.data, "old release\n", 12);
	text_buffer_free(&buf);
}

static void
test_output_failure_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct text_out o;
	struct stat st;
	char path[256], err[512];

	snprintf(path, sizeof(path), "%s/never.txt", f->dir);
	assert_int_equal(text_out_open(&o, path, err, sizeof(err)), 0);
	text_out_write(&o, "UNCLASSIFIED\n", strlen("UNCLASSIFIED\n"));
	assert_int_equal(text_out_close(&o, false, err, sizeof(err)), 0);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(entries(f->dir), 0);

	/* A write error remembered before close: no file either, and an error. */
	assert_int_equal(text_out_open(&o, path, err, sizeof(err)), 0);
	text_out_write(&o, "UNCLASSIFIED\n", strlen("UNCLASSIFIED\n"));
	o.err = ENOSPC;	/* as a failed fwrite records it */
	text_out_write(&o, "more", strlen("more"));
	assert_int_equal(o.written, 13);
	err[0] = '\0';
	assert_int_equal(text_out_close(&o, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "write error"));
	assert_non_null(strstr(err, path));
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(entries(f->dir), 0);

	/* A directory that does not exist: open fails and creates nothing. */
	snprintf(path, sizeof(path), "%s/no/such/dir/out.txt", f->dir);
	err[0] = '\0';
	assert_int_equal(text_out_open(&o, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, path));
	assert_int_equal(entries(f->dir), 0);
}

static void
test_output_dev_full(void **state)
{
	struct text_out o;
	char err[512] = "", block[4096];
	FILE *fp = fopen("/dev/full", "w");
	size_t i;

	(void)state;
	if (fp == NULL)
		skip();
	/* Standard output pointed at a full device: the error shows at flush, and is reported. */
	assert_int_equal(text_out_open(&o, "-", err, sizeof(err)), 0);
	assert_null(o.path);
	o.fp = fp;
	memset(block, 'x', sizeof(block));
	for (i = 0; i < 64; i++)
		text_out_write(&o, block, sizeof(block));
	assert_int_equal(text_out_close(&o, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "(standard output): write error"));
	assert_non_null(strstr(err, "No space"));
	fclose(fp);

	/* A single short write, which stays in the buffer until close. */
	fp = fopen("/dev/full", "w");
	assert_non_null(fp);
	assert_int_equal(text_out_open(&o, NULL, err, sizeof(err)), 0);
	o.fp = fp;
	text_out_write(&o, "UNCLASSIFIED\n", strlen("UNCLASSIFIED\n"));
	err[0] = '\0';
	assert_int_equal(text_out_close(&o, true, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "write error"));
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_fd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_output_renamed_on_success, setup, teardown),
		cmocka_unit_test_setup_teardown(test_output_replaces_only_on_success, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_output_failure_leaves_nothing, setup, teardown),
		cmocka_unit_test(test_output_dev_full),
	};

	return cmocka_run_group_tests_name("textio", tests, NULL, NULL);
}
