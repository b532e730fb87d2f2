/* SPDX-License-Identifier: ISC */
/*
 * props: the property tests (props.h) on many generated documents and on files.
 *
 *   props [-s SEED] [-n COUNT] [-t TRIES] [-p POLICY] [-d DIR] [FILE...]
 *
 * Checks COUNT documents generated from seeds SEED, SEED + 1, ... (default 1, 1000), then every
 * FILE with TRIES damages and insertions from each of five seeds. Prints a summary; exits 0 when
 * every property held, 1 when one did not (the message names the document, property and line),
 * 2 on an error. With -d, every generated document that broke a property is written into DIR
 * as SEED.txt, with what the change made of it as SEED.edit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "policy.h"
#include "props.h"
#include "textio.h"

/* Writes a document that broke a property, and what it became, into DIR as SEED.txt, SEED.edit. */
static void
save(const char *dir, unsigned long seed, const char *doc, size_t len, const char *edit,
    size_t edit_len)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%lu.txt", dir, seed);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(doc, 1, len, fp);
		fclose(fp);
	}
	snprintf(path, sizeof(path), "%s/%lu.edit", dir, seed);
	if (edit != NULL && (fp = fopen(path, "wb")) != NULL) {
		fwrite(edit, 1, edit_len, fp);
		fclose(fp);
	}
}

int
main(int argc, char **argv)
{
	struct props_stats st;
	struct policy *p;
	char err[1024];
	unsigned long seed = 1, count = 1000, tries = 8, i;
	const char *policy = NULL, *dump = NULL;
	int c, k, failures = 0;

	while ((c = getopt(argc, argv, "s:n:t:p:d:")) != -1) {
		switch (c) {
		case 's':
			seed = strtoul(optarg, NULL, 10);
			break;
		case 'n':
			count = strtoul(optarg, NULL, 10);
			break;
		case 't':
			tries = strtoul(optarg, NULL, 10);
			break;
		case 'p':
			policy = optarg;
			break;
		case 'd':
			dump = optarg;
			break;
		default:
			fprintf(stderr, "usage: props [-s SEED] [-n COUNT] [-t TRIES] [-p POLICY] "
			    "[FILE...]\n");
			return 2;
		}
	}
	p = policy != NULL ? policy_open(policy, err, sizeof(err)) :
	    policy_load_default(err, sizeof(err));
	if (p == NULL) {
		fprintf(stderr, "props: %s\n", err);
		return 2;
	}
	memset(&st, 0, sizeof(st));
	for (i = 0; i < count; i++) {
		size_t len;
		char *doc = props_generate(seed + i, &len);

		if (doc == NULL) {
			fprintf(stderr, "props: out of memory\n");
			return 2;
		}
		if (props_check(p, doc, len, seed + i, (unsigned)tries, &st, err, sizeof(err)) != 0) {
			printf("FAIL generated document %lu: %s\n", seed + i, err);
			failures++;
			if (dump != NULL)
				save(dump, seed + i, doc, len, st.failed, st.failed_len);
		}
		free(doc);
	}
	for (k = optind; k < argc; k++) {
		struct text_buffer buf;
		unsigned long s;

		if (text_read_file(argv[k], (size_t)1 << 28, &buf, err, sizeof(err)) != 0) {
			fprintf(stderr, "props: %s\n", err);
			return 2;
		}
		for (s = 0; s < 5; s++)
			if (props_check(p, buf.data, buf.len, seed * 7919 + s, (unsigned)tries, &st,
			    err, sizeof(err)) != 0) {
				printf("FAIL %s (seed %lu): %s\n", argv[k], seed * 7919 + s, err);
				failures++;
				if (dump != NULL)
					save(dump, seed * 7919 + s, buf.data, buf.len, st.failed,
					    st.failed_len);
				break;
			}
		text_buffer_free(&buf);
	}
	free(st.failed);
	printf("props: %zu document readings, %zu releases compared, %zu marks damaged (%zu "
	    "draws made another mark or none), %zu signals inserted: %d failed\n", st.docs,
	    st.renders, st.damaged, st.skipped, st.inserted, failures);
	policy_free(p);
	return failures > 0 ? 1 : 0;
}
