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
		const struct doc_line *ln = &d.lines[i];

		if (ln->kind == LINE_TEXT && ln->portion != DOC_NONE) {
			const struct doc_portion *pt = &d.portions[ln->portion];

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

int
policy_test_run(const struct policy *p, const char *origin, FILE *fp, int verbose,
    size_t *total, char *err, size_t errlen)
{
	size_t i;
	int failures = 0;

	*total = p->ntests;
	for (i = 0; i < p->ntests; i++) {
		const struct policy_test *t = &p->tests[i];
		char got[64], why[160], msg[POLICY_ERRLEN];

		if (t->mark != NULL) {
			struct marking m, target;
			struct group g;
			const char *ex;
			const char *s = t->mark;
			size_t n = strlen(s);

			if (marking_parse_target(p, t->target, &target, msg, sizeof(msg)) != 0) {
				fprintf(fp, "%s:%lu: %s\n", origin, t->at, msg);
				failures++;
				continue;
			}
			/*
			 * "(S//NF)" and "S//NF" are both accepted, and read as a group at the head
			 * of a paragraph is: a list item ("(c)") is no mark there, but an upper-case
			 * level letter ("(C)") is one; what may be a mark is withheld.
			 */
			if (n >= 2 && s[0] == '(' && s[n - 1] == ')') {
				s++;
				n -= 2;
			}
			reading_group(p, s, n, true, false, &g);
			m = g.mark;
			if (g.kind == GROUP_ITEM && isupper((unsigned char)g.letter)) {
				char up = g.letter;

				if (marking_parse(p, &up, 1, MARKING_PORTION, &m) != 1)
					g.kind = GROUP_TEXT;
				else
					g.kind = g.bare && !m.unknown ? GROUP_MARK : GROUP_UNKNOWN;
			}
			if (g.kind == GROUP_UNKNOWN)
				snprintf(got, sizeof(got), "withheld");
			else if (g.kind != GROUP_MARK)
				snprintf(got, sizeof(got), "not-a-mark");
			else if (marking_decide(p, &m, &target, why, sizeof(why), &ex) ==
			    RULE_RELEASED)
				snprintf(got, sizeof(got), "released");
			else
				snprintf(got, sizeof(got), "withheld");
		} else if (line_role(p, t->line, got, sizeof(got), err, errlen) != 0) {
			return -1;
		}
		if (strcmp(got, t->expect) != 0) {
			fprintf(fp, "%s:%lu: %s%s%s%s: expected %s, got %s\n", origin, t->at,
			    t->mark != NULL ? "mark " : "line ", t->mark != NULL ? t->mark : t->line,
			    t->mark != NULL ? " to " : "", t->mark != NULL ? t->target : "", t->expect,
			    got);
			failures++;
		} else if (verbose) {
			fprintf(fp, "%s:%lu: ok: %s%s%s -> %s\n", origin, t->at,
			    t->mark != NULL ? t->mark : t->line, t->mark != NULL ? " to " : "",
			    t->mark != NULL ? t->target : "", got);
		}
	}
	return failures;
}
