/* SPDX-License-Identifier: ISC */
/*
 * policy_test: a policy's own examples.
 */
#include "policy_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ctype.h>

#include "document.h"
#include "marking.h"
#include "reading.h"
#include "textio.h"

static const char *const kind_names[] = {
	"text", "blank", "routing", "routing_class", "banner", "page", "caption", "authority",
	"declass", "tags"
};

/*
 * The role a line gets at the top of a document; of its last line when it holds several (a
 * banner, then a page header that must name the banner's post).
 */
static int
line_role(const struct policy *p, const char *line, char *role, size_t rolelen, char *err,
    size_t errlen)
{
	struct document d;
	size_t i, n = strlen(line);
	char *padded;
	int rc;

	/* Read as a document is: followed by TEXT_PAD zero bytes (see textio.h). */
	if ((padded = calloc(1, n + TEXT_PAD)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	memcpy(padded, line, n);
	rc = document_parse(p, padded, n, "example", &d, err, errlen);
	if (rc != 0) {
		free(padded);
		return -1;
	}
	snprintf(role, rolelen, "none");
	for (i = d.nlines; i-- > 0;) {
		const struct doc_line *ln = doc_line(&d, i);

		if (ln->kind == LINE_TEXT && ln->portion != DOC_NONE) {
			const struct doc_portion *pt = doc_portion(&d, ln->portion);

			snprintf(role, rolelen, "%s", pt->subject ? "subject" :
			    pt->reason == REASON_CLASS ? "classification" :
			    pt->reason == REASON_UNREADABLE ? "unknown-mark" : pt->marked ?
			    (pt->joined ? "portion-raise" : "portion") : "text");
		} else {
			snprintf(role, rolelen, "%s", kind_names[ln->kind]);
		}
		break;
	}
	document_free(&d);
	free(padded);
	return 0;
}

/*
 * Reads an example's mark as the head of a paragraph reads it. "(S//NF)" and "S//NF" are both
 * accepted: a list item ("(c)") is no mark there, but an upper-case level letter ("(C)") is one.
 * Returns GROUP_MARK with m filled, GROUP_UNKNOWN (what may be a mark: withheld), or another
 * kind (no mark).
 */
static enum group_kind
example_mark(const struct policy *p, const char *s, struct marking *m)
{
	struct group g;
	size_t n = strlen(s);

	if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
		s++;
		n -= 2;
	}
	reading_group(p, s, n, true, false, &g);
	*m = g.mark;
	if (g.kind == GROUP_ITEM && isupper((unsigned char)g.letter)) {
		char up = g.letter;

		if (marking_parse(p, &up, 1, MARKING_PORTION, m) != 1)
			g.kind = GROUP_TEXT;
		else
			g.kind = g.bare && !m->unknown ? GROUP_MARK : GROUP_UNKNOWN;
	}
	return g.kind;
}

/*
 * The banner a release that keeps portions of these marks is re-marked to, into got; "unreadable"
 * when one of them is no mark that could be released, "unwritable" when the banner is too long,
 * and "not read back" when the policy reads the banner as another marking.
 */
void
policy_rollup(const struct policy *p, char *const *marks, size_t n, char *got, size_t gotlen)
{
	struct marking acc, m, back;
	bool first = true;
	size_t i;

	marking_init(&acc);
	for (i = 0; i < n; i++) {
		if (example_mark(p, marks[i], &m) != GROUP_MARK || m.unknown || m.fd_conflict) {
			snprintf(got, gotlen, "unreadable");
			return;
		}
		marking_rollup_add(p, &acc, &first, &m);
	}
	if (marking_format(p, &acc, NULL, true, got, gotlen) < 0)
		snprintf(got, gotlen, "unwritable");
	else if (marking_parse(p, got, strlen(got), MARKING_BANNER, &back) != 1 ||
	    !marking_equal(p, &back, &acc))
		snprintf(got + strlen(got), gotlen - strlen(got), " (not read back)");
}

void
policy_decide(const struct policy *p, const char *target, const char *mark, char *out,
    size_t outlen)
{
	struct marking t, m;
	char why[160], msg[POLICY_ERRLEN], read[256];
	const char *ex;
	enum group_kind kind;
	enum marking_rule rule;

	if (marking_parse_target(p, target, &t, msg, sizeof(msg)) != 0) {
		snprintf(out, outlen, "refused\ttarget\t%s", msg);
		return;
	}
	kind = example_mark(p, mark, &m);
	if (kind != GROUP_MARK && kind != GROUP_UNKNOWN) {
		snprintf(out, outlen, "not-a-mark\t-\t-");
		return;
	}
	if (kind == GROUP_UNKNOWN && !m.unknown) {
		snprintf(out, outlen, "withheld\tunknown-token\t-");
		return;
	}
	rule = marking_decide(p, &m, &t, why, sizeof(why), &ex);
	if (m.unknown || m.fd_conflict ||
	    marking_format(p, &m, NULL, true, read, sizeof(read)) < 0)
		snprintf(read, sizeof(read), "-");
	snprintf(out, outlen, "%s\t%s\t%s", rule == RULE_RELEASED ? "released" : "withheld",
	    marking_rule_name(rule), read);
}

/* What an example is about, for messages: "mark (S) to SECRET", "rollup (S), (U)". */
static void
describe(const struct policy_test *t, char *buf, size_t len)
{
	size_t i, n;

	if (t->mark != NULL) {
		snprintf(buf, len, "mark %s to %s", t->mark, t->target);
	} else if (t->line != NULL) {
		snprintf(buf, len, "line %s", t->line);
	} else if (t->rollup != NULL) {
		n = (size_t)snprintf(buf, len, "rollup");
		for (i = 0; i < t->nrollup && n < len; i++)
			n += (size_t)snprintf(buf + n, len - n, "%s %s", i > 0 ? "," : "",
			    t->rollup[i]);
	} else {
		snprintf(buf, len, "target %s", t->target);
	}
}

int
policy_test_run(const struct policy *p, const char *origin, FILE *fp, int verbose,
    size_t *total, char *err, size_t errlen)
{
	size_t i;
	int failures = 0;

	*total = p->ntests;
	for (i = 0; i < p->ntests; i++) {
		const struct policy_test *t = &p->tests[i];
		char got[POLICY_ERRLEN + 32], msg[POLICY_ERRLEN], what[512];

		if (t->mark != NULL) {
			/* The decision is policy_decide's first field; a refusal is a failure. */
			policy_decide(p, t->target, t->mark, got, sizeof(got));
			if (strncmp(got, "refused\t", 8) == 0) {
				fprintf(fp, "%s:%lu: %s\n", origin, t->at, strrchr(got, '\t') + 1);
				failures++;
				continue;
			}
			got[strcspn(got, "\t")] = '\0';
		} else if (t->rollup != NULL) {
			policy_rollup(p, t->rollup, t->nrollup, got, sizeof(got));
		} else if (t->line == NULL) {
			struct marking target;

			snprintf(got, sizeof(got), "%s", marking_parse_target(p, t->target, &target,
			    msg, sizeof(msg)) == 0 ? "accepted" : "refused");
		} else if (line_role(p, t->line, got, sizeof(got), err, errlen) != 0) {
			return -1;
		}
		describe(t, what, sizeof(what));
		if (strcmp(got, t->expect) != 0) {
			fprintf(fp, "%s:%lu: %s: expected %s, got %s\n", origin, t->at, what,
			    t->expect, got);
			failures++;
		} else if (verbose) {
			fprintf(fp, "%s:%lu: ok: %s -> %s\n", origin, t->at, what, got);
		}
	}
	return failures;
}
