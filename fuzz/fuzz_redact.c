/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the whole redact pipeline, with a property. The input drives a generator of
 * cable-like documents: banners, captions, page headers, labels, marks of every spelling, text
 * with the fuzzer's bytes, and secret lines. A secret line is "(S) ZQXSECRET <n> ..." or another
 * mark above UNCLASSIFIED, with the secret word on the mark's own line. The property: at an
 * UNCLASSIFIED release, in every mode, no secret word reaches the output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

#define SECRET "ZQXSECRET"

static struct policy *pol;
static struct marking target;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];

	(void)argc;
	(void)argv;
	if ((pol = policy_load_default(err, sizeof(err))) == NULL ||
	    marking_parse_target(pol, "UNCLASSIFIED", &target, err, sizeof(err)) != 0)
		abort();
	return 0;
}

struct gen {
	char *buf;
	size_t len, cap;
};

static void
add(struct gen *g, const void *p, size_t n)
{
	if (n == 0)
		return;
	if (g->len + n > g->cap) {
		while (g->len + n > g->cap)
			g->cap = g->cap == 0 ? 4096 : g->cap * 2;
		if ((g->buf = realloc(g->buf, g->cap)) == NULL)
			abort();
	}
	memcpy(g->buf + g->len, p, n);
	g->len += n;
}

static void
adds(struct gen *g, const char *s)
{
	add(g, s, strlen(s));
}

/* Fuzzer bytes as text, with every letter of the secret word's alphabet kept out. */
static void
add_text(struct gen *g, const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		uint8_t c = d[i];

		if (c == 'Z' || c == 'z')
			c = '.';
		add(g, &c, 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const lines[] = {
		"SECRET//NOFORN\n", "S E C R E T SECTION 01 OF 02 MUSCAT 001065\n", "UNCLASSIFIED\n",
		"NOFORN\n", "SIPDIS\n", "SENSITIVE\n", "MUSCAT 00001065 002 OF 004\n", "\n", "\r\n",
		"-----\n", "SUBJECT: (U) A SUBJECT\n", "SUBJECT: TITLE\n", "E.O. 12958: DECL: 1/1/2030\n",
		"Classified By: A for reasons 1.4 (b)\n", "TAGS: PREL\n", "(U) Plain text.\n",
		"¶3. (U) Plain text\n", "(SBU) sensitive\n", "VZCZCXYZ0001\n", "ZNY SSSSS ZZH\n",
	};
	static const char *const secret_marks[] = {
		"(S)", "(S/NF)", "(S//NF)", "(C)", "(TS)", "(S//REL TO USA, GBR)", "(C/NF)", "(S-NF)",
		"( C)", "(SBU)", "(U//FOUO)", "(S/WCI)", "(R)", "(S//REL)", "(C//REL ISAF)",
		"(SBU/NF)", "(LOU)",
	};
	static const char *const labels[] = { "", "¶1. ", "12. ", "A. ", "(2) ", "-- ", "  ",
		"\xb6" "4. ", "ii. ", "o " };
	struct gen g = { NULL, 0, 0 };
	struct document d;
	struct redact_result res;
	char err[512];
	size_t i = 0, nsecret = 0;
	int mode;

	while (i < size) {
		uint8_t op = data[i++];
		size_t n;

		switch (op % 4) {
		case 0:
			adds(&g, lines[(op / 4) % (sizeof(lines) / sizeof(lines[0]))]);
			break;
		case 1: {
			char word[64];

			adds(&g, labels[(op / 4) % (sizeof(labels) / sizeof(labels[0]))]);
			adds(&g, secret_marks[(op / 16) % (sizeof(secret_marks) /
			    sizeof(secret_marks[0]))]);
			snprintf(word, sizeof(word), " " SECRET "%zu words\n", nsecret++);
			adds(&g, word);
			break;
		}
		default:
			/* Text from the input, up to the next byte below 4, as one line or more. */
			n = 0;
			while (i + n < size && data[i + n] >= 4 && n < 200)
				n++;
			add_text(&g, data + i, n);
			adds(&g, op % 4 == 2 ? "\n" : ".\n");
			i += n;
			break;
		}
	}
	if (g.len == 0) {
		free(g.buf);
		return 0;
	}
	if (document_parse(pol, g.buf, g.len, "fuzz", &d, err, sizeof(err)) != 0) {
		free(g.buf);
		return 0;
	}
	for (mode = MODE_MASK; mode <= MODE_BLACKOUT; mode++) {
		if (redact_run(pol, &d, &target, (enum redact_mode)mode, &res, err,
		    sizeof(err)) != 0)
			continue;
		if (res.out_len >= strlen(SECRET)) {
			size_t k;

			for (k = 0; k + strlen(SECRET) <= res.out_len; k++)
				if (memcmp(res.out + k, SECRET, strlen(SECRET)) == 0) {
					fprintf(stderr, "leak in mode %d:\n%.*s\n", mode,
					    (int)g.len, g.buf);
					abort();
				}
		}
		redact_result_free(&res);
	}
	document_free(&d);
	free(g.buf);
	return 0;
}
