/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: the policy loader, and everything a policy's words reach. Any input either
 * loads into a policy whose every rule compiled, or fails with a message. A policy that loads is
 * then used: a document is written in its own words (a banner of its highest level and every
 * control, letter-spaced and full, portion marks of every level, a caption line of every
 * control), parsed, and released at every level of the policy in every mode, so that the
 * renderer writes banners, captions and placeholders from the policy's words. Nothing may crash
 * or leak, and a release may hold no line marked above its target.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "marking.h"
#include "policy.h"
#include "redact.h"

#define SECRET "ZQXSECRET"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct gen {
	char *buf;
	size_t len, cap;
};

static void
adds(struct gen *g, const char *s)
{
	size_t n = strlen(s);

	if (g->len + n + 1 > g->cap) {
		while (g->len + n + 1 > g->cap)
			g->cap = g->cap == 0 ? 4096 : g->cap * 2;
		if ((g->buf = realloc(g->buf, g->cap)) == NULL)
			abort();
	}
	memcpy(g->buf + g->len, s, n + 1);
	g->len += n;
}

/* A document in the policy's words: see the comment at the top. */
static void
document_of(const struct policy *p, struct gen *g)
{
	const struct policy_level *top = &p->levels[p->nlevels - 1];
	char line[256];
	size_t i, c;

	for (i = 0; i < 2; i++) {
		adds(g, i == 0 || top->spaced == NULL ? top->banner[0] : top->spaced);
		for (c = 0; c < p->ncontrols; c++) {
			adds(g, "//");
			adds(g, p->controls[c].name);
		}
		adds(g, "\n\n");
	}
	for (i = 0; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];

		if (lv->nportion == 0)
			continue;
		/* Only the lowest level's text may show at the lowest target. */
		snprintf(line, sizeof(line), "%zu. (%s) %s %zu was said at this level.\n\n", i + 1,
		    lv->portion[0], i == 0 ? "Plain" : SECRET, i);
		adds(g, line);
	}
	for (c = 0; c < p->ncontrols; c++) {
		adds(g, p->controls[c].name);
		adds(g, "\n");
	}
	adds(g, "\n");
	adds(g, top->banner[0]);
	adds(g, "\n");
}

static void
release_all(const struct policy *p, const struct gen *g)
{
	struct document d;
	struct redact_result res;
	struct marking target;
	char err[POLICY_ERRLEN];
	size_t i;
	int mode;

	if (document_parse(p, g->buf, g->len, "fuzz", &d, err, sizeof(err)) != 0)
		return;
	for (i = 0; i < p->nlevels; i++) {
		if (marking_parse_target(p, p->levels[i].name, &target, err, sizeof(err)) != 0)
			continue;
		for (mode = MODE_MASK; mode <= MODE_BLACKOUT; mode++) {
			if (redact_run(p, &d, &target, (enum redact_mode)mode, &res, err,
			    sizeof(err)) != 0)
				continue;
			/* At the lowest level, no line of a higher level's portion shows. */
			if (i == 0 && res.out_len > 0 &&
			    memmem(res.out, res.out_len, SECRET, strlen(SECRET)) != NULL) {
				fprintf(stderr, "leak at %s in mode %d:\n%.*s\n", p->levels[i].name,
				    mode, (int)g->len, g->buf);
				abort();
			}
			redact_result_free(&res);
		}
	}
	document_free(&d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[POLICY_ERRLEN];
	struct policy *p = policy_load((const char *)data, size, "fuzz", err, sizeof(err));
	struct gen g = { NULL, 0, 0 };
	size_t i;

	if (p == NULL) {
		if (err[0] == '\0')
			abort();	/* a failure must say why */
		return 0;
	}
	for (i = 0; i < p->nrules; i++)
		if (p->rules[i].code == NULL)
			abort();
	/* The secret word in the policy itself (a placeholder that says it) proves nothing. */
	if (p->nlevels > 0 && p->levels[p->nlevels - 1].nbanner > 0 &&
	    memmem(data, size, SECRET, strlen(SECRET)) == NULL) {
		document_of(p, &g);
		release_all(p, &g);
		free(g.buf);
	}
	policy_free(p);
	return 0;
}
