/* SPDX-License-Identifier: ISC */
/*
 * check: decisions and marking lints, located.
 */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const check_rules[] = {
	"portion-kept", "portion-withheld", "unknown-token", "unmarked-text", "unmarked-subject",
	"banner-mismatch", "noforn-with-rel", "rel-without-usa", "rel-order",
	"caption-contradiction", "classification-line", NULL
};

/* Each rule: its description, what to do about it, and the level its findings usually have. */
static const struct {
	const char *rule, *text, *help, *level;
} rule_docs[] = {
	{ "portion-kept", "The portion's marking is dominated by the release target.",
	    "Nothing to do: a release to this target keeps the portion.", "note" },
	{ "portion-withheld", "The portion's marking is above the release target: it would be "
	    "withheld.", "Re-mark the portion if its mark is wrong, or release to a target that "
	    "may read it; redact withholds it.", "error" },
	{ "unknown-token", "The mark carries a token the policy does not know, or cannot be read "
	    "at all: never released.", "Correct the mark to one the policy knows (tearline policy "
	    "show lists its vocabulary), or add the token to the policy.", "error" },
	{ "unmarked-text", "Text with no portion mark takes the document's marking: its banner's, "
	    "raised to every mark, caption and classification line in it.", "Mark the "
	    "portion: until then it is withheld wherever that marking is above the target.",
	    "warning" },
	{ "unmarked-subject", "The subject has no portion mark and takes the document's marking.",
	    "Mark the subject line (SUBJECT: (U) ...).", "warning" },
	{ "banner-mismatch", "The banner disagrees with the roll-up of the portion marks.",
	    "Correct the banner or the portion marks; a release re-marks its banners to what it "
	    "keeps.", "warning" },
	{ "noforn-with-rel", "A mark carries NOFORN with REL TO, or REL TO twice: malformed, never "
	    "released.", "Keep one foreign-disclosure control in the mark.", "error" },
	{ "classification-line", "A line in the body states a classification outside the banner "
	    "grammar: the text after it takes at least that marking.", "Mark the text after it "
	    "with portion marks, or remove the line if it is not a marking.", "warning" },
	{ "rel-without-usa", "A REL TO list does not name USA.", "Write USA first in the REL TO "
	    "list (REL TO USA, GBR).", "warning" },
	{ "rel-order", "A REL TO list is not in CAPCO order: USA, then countries, then groups, "
	    "each alphabetical.", "Reorder the list: USA, countries alphabetically, then groups.",
	    "warning" },
	{ "caption-contradiction", "A caption line contradicts a portion mark.", "Correct the "
	    "caption or the mark; the stricter of the two applies until then.", "warning" },
};

static size_t
rule_doc(const char *rule)
{
	size_t i;

	for (i = 0; i < sizeof(rule_docs) / sizeof(rule_docs[0]); i++)
		if (strcmp(rule_docs[i].rule, rule) == 0)
			return i;
	return (size_t)-1;
}

const char *
check_rule_description(const char *rule)
{
	size_t i = rule_doc(rule);

	return i == (size_t)-1 ? "" : rule_docs[i].text;
}

const char *
check_rule_help(const char *rule)
{
	size_t i = rule_doc(rule);

	return i == (size_t)-1 ? "" : rule_docs[i].help;
}

const char *
check_rule_level(const char *rule)
{
	size_t i = rule_doc(rule);

	return i == (size_t)-1 ? "warning" : rule_docs[i].level;
}

/*
 * Where findings go as they are made: into res->findings, and with a sink on to it once each is
 * whole (flush), which is when its portion is done, since the decision spans the portion's lines
 * and a streamed document's are known only once read. `d` is the document as the check sees it;
 * `spans` are the findings of the open portion whose end_line is its last text line's.
 */
struct adder {
	struct check_result *res;
	const struct document *d;
	const struct check_sink *sink;
	size_t cap;
	size_t spans[4], nspans;
	bool nomem, stopped;
};

/*
 * A finding's byte column as a column in Unicode code points: a UTF-8 document counts the bytes
 * that start a character; any other is read as Latin-1, a byte each. The line is in the window
 * when its findings are made (a streamed document's banner: lint_banner gives it).
 */
static size_t
char_column(const struct document *d, size_t line, size_t column)
{
	const char *s;
	size_t i, c = 1;

	if (!d->utf8 || line == 0 || line > d->nlines ||
	    line - 1 - d->line_base >= d->line_top - d->line_base)
		return column;
	s = d->data + doc_line(d, line - 1)->off;
	for (i = 0; i + 1 < column && i < doc_line(d, line - 1)->len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

static struct check_finding *
add(struct adder *a, enum check_severity sev, const char *rule, size_t line, size_t column)
{
	struct check_result *r = a->res;
	struct check_finding *f;

	if (a->nomem || a->stopped)
		return NULL;
	if (r->nfindings == a->cap) {
		size_t ncap = a->cap == 0 ? 32 : a->cap * 2;
		struct check_finding *bigger = realloc(r->findings, ncap * sizeof(*bigger));

		if (bigger == NULL) {
			a->nomem = true;
			return NULL;
		}
		r->findings = bigger;
		a->cap = ncap;
	}
	f = &r->findings[r->nfindings++];
	memset(f, 0, sizeof(*f));
	f->severity = sev;
	f->rule = rule;
	f->line = f->end_line = line;
	f->column = column;
	f->char_column = char_column(a->d, line, column);
	f->portion = DOC_NONE;
	if (sev == SEVERITY_ERROR)
		r->errors++;
	else if (sev == SEVERITY_WARNING)
		r->warnings++;
	return f;
}

/* Finding f (just added) ends where its portion's text does (flush sets it). */
static void
spans(struct adder *a, const struct check_finding *f)
{
	if (a->nspans < sizeof(a->spans) / sizeof(a->spans[0]))
		a->spans[a->nspans++] = (size_t)(f - a->res->findings);
}

/*
 * The findings made so far are whole: those that span their portion end at its last text line
 * (0-based `last`; DOC_NONE with none open). With a sink they are handed on and forgotten.
 * Returns 0, or -1 when the sink stopped the check.
 */
static int
flush(struct adder *a, size_t last)
{
	struct check_result *r = a->res;
	size_t k;

	for (k = 0; k < a->nspans; k++)
		r->findings[a->spans[k]].end_line = last + 1;
	a->nspans = 0;
	if (a->sink == NULL || a->stopped)
		return a->stopped ? -1 : 0;
	for (k = 0; k < r->nfindings; k++)
		if (a->sink->finding(a->sink->ctx, &r->findings[k]) != 0) {
			a->stopped = true;
			break;
		}
	r->nfindings = 0;
	return a->stopped ? -1 : 0;
}

/*
 * Finds the mark "(...)" of a marked portion's first line: start and length, with parens. A mark
 * that lost its closing parenthesis ("(S//NF The detail.") is the rest of the line, as the parse
 * read it.
 */
static bool
find_mark(const struct document *d, const struct doc_portion *pt, size_t *start, size_t *len)
{
	const struct doc_line *ln = doc_line(d, pt->first);
	const char *s = d->data + ln->off;
	size_t i = pt->label_end, j;

	/*
	 * The mark stands right after the label, in ASCII brackets; one in other brackets is not
	 * quoted, and a bracket further on is text.
	 */
	while (i < ln->len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= ln->len || s[i] != '(')
		return false;
	for (j = i + 1; j < ln->len && j - i <= 82 && s[j] != ')'; j++)
		;
	*start = i;
	if (j < ln->len && s[j] == ')') {
		*len = j - i + 1;
		return true;
	}
	if (memchr(s + i, ')', ln->len - i) != NULL)
		return false;
	*len = j - i;
	return true;
}

/* Copies at most n bytes of s into buf as printable text. */
static void
copy_printable(char *buf, size_t buflen, const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < buflen; i++)
		buf[k++] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	buf[k] = '\0';
}

static int
code_rank(const struct policy *p, const char *tok, size_t len)
{
	if (len == 3 && strncasecmp(tok, "USA", 3) == 0)
		return 0;
	if (policy_country_find(p, tok, len) >= 0)
		return 1;
	return 2;
}

/*
 * Lints a mark's REL TO list: USA present and first, then countries, then groups, sorted. mark is
 * the text between the parentheses; written is the whole mark, for messages.
 */
static void
lint_rel(struct adder *a, const struct policy *p, const char *mark, size_t len,
    const char *written, size_t line, size_t column)
{
	const char *rel = NULL, *end = mark + len, *prev = NULL;
	size_t i, prevlen = 0;
	int prevrank = -1;
	bool usa = false, ordered = true;
	struct check_finding *f;

	for (i = 0; i + 3 <= len; i++)
		if (strncasecmp(mark + i, "REL", 3) == 0 && (i == 0 || mark[i - 1] == '/') &&
		    (i + 3 == len || mark[i + 3] == ' ')) {
			rel = mark + i + 3;
			break;
		}
	if (rel == NULL)
		return;
	while (rel < end && *rel == ' ')
		rel++;
	if (end - rel >= 2 && strncasecmp(rel, "TO", 2) == 0)
		rel += 2;
	while (rel < end && *rel != '/' && *rel != ')') {
		const char *tok;
		size_t n;
		int rank;

		while (rel < end && (*rel == ' ' || *rel == ','))
			rel++;
		tok = rel;
		while (rel < end && *rel != ' ' && *rel != ',' && *rel != '/' && *rel != ')')
			rel++;
		if ((n = (size_t)(rel - tok)) == 0)
			continue;
		rank = code_rank(p, tok, n);
		if (rank == 0)
			usa = true;
		if (prev != NULL && (rank < prevrank || (rank == prevrank &&
		    strncasecmp(prev, tok, n < prevlen ? n : prevlen) > 0)))
			ordered = false;
		if (prev == NULL && rank != 0)
			ordered = false;
		prev = tok;
		prevlen = n;
		prevrank = rank;
	}
	if (prev == NULL)
		return;
	if (!usa && (f = add(a, SEVERITY_WARNING, "rel-without-usa", line, column)) != NULL) {
		snprintf(f->marking, sizeof(f->marking), "%s", written);
		snprintf(f->message, sizeof(f->message), "REL TO list in %s does not name USA",
		    f->marking);
	} else if (usa && !ordered &&
	    (f = add(a, SEVERITY_WARNING, "rel-order", line, column)) != NULL) {
		snprintf(f->marking, sizeof(f->marking), "%s", written);
		snprintf(f->message, sizeof(f->message), "REL TO list in %s is out of order (USA, "
		    "then countries, then groups, each alphabetical)", f->marking);
	}
}

static void
format_marking(const struct policy *p, const struct marking *m, char *buf, size_t buflen)
{
	if (m->unknown) {
		if (marking_token_quoted(m))
			snprintf(buf, buflen, "unknown (\"%s\")", m->unknown_token);
		else if (m->unknown_token[0] != '\0')
			snprintf(buf, buflen, "unknown (%s)", m->unknown_token);
		else
			snprintf(buf, buflen, "unknown");
		return;
	}
	if (m->fd_conflict) {
		snprintf(buf, buflen, "malformed (NOFORN with REL TO, or REL TO twice)");
		return;
	}
	if (marking_format(p, m, NULL, true, buf, buflen) < 0)
		snprintf(buf, buflen, "%s", p->levels[m->level].name);
}

/* Where the first banner stands: its line (DOC_NONE: none), its column in bytes and code points. */
struct banner_at {
	size_t line, column, char_column;
};


/*
 * The first banner, with a NOFORN caption, against the roll-up of every portion: any difference
 * that re-marking the banner would make (level, controls, foreign disclosure, REL TO list); and a
 * banner that is malformed. `none` when no portion has a known marking; `unknown` when some
 * portion carries an unknown token, whose roll-up nobody can know (that portion is an error
 * already).
 */
static void
lint_banner(struct adder *a, const struct policy *p, const struct document *d,
    const struct banner_at *at, const struct marking *all, bool none, bool unknown)
{
	struct check_finding *f;
	struct marking bm;
	char b[160], r[160];
	bool captioned;

	if (at->line == DOC_NONE || d->banner.unknown)
		return;
	if (d->banner.fd_conflict) {
		if ((f = add(a, SEVERITY_ERROR, "noforn-with-rel", at->line + 1, at->column)) == NULL)
			return;
		f->char_column = at->char_column;
		snprintf(f->message, sizeof(f->message), "the banner carries NOFORN with REL TO, "
		    "or REL TO twice: malformed, and the unmarked text under it is withheld "
		    "everywhere");
		return;
	}
	if (none || unknown)
		return;
	bm = d->banner;
	captioned = d->caption_noforn && bm.level > 0 && bm.fd != FD_NOFORN;
	if (captioned)
		bm.fd = FD_NOFORN;
	if (marking_states(p, &bm, all))
		return;
	if ((f = add(a, SEVERITY_WARNING, "banner-mismatch", at->line + 1, at->column)) == NULL)
		return;
	f->char_column = at->char_column;
	format_marking(p, &bm, b, sizeof(b));
	format_marking(p, all, r, sizeof(r));
	snprintf(f->marking, sizeof(f->marking), "%s", b);
	snprintf(f->message, sizeof(f->message), "the banner%s says %s but the portions roll up "
	    "to %s", captioned ? " with its NOFORN caption" : "", b, r);
}

/*
 * Writes a portion's decision as a reviewer reads it: what was decided, about which mark, and
 * why, as in "kept: (C) is not above CONFIDENTIAL" or "withheld: (S/NF) is above UNCLASSIFIED".
 * written is the mark as written ("" for unmarked text).
 */
static void
decision_message(const struct policy *p, const struct document *d,
    const struct doc_portion *pt, const struct redact_decision *dc, const struct marking *target,
    const char *written, bool after_withheld, char *buf, size_t len)
{
	const char *tlevel = p->levels[target->level].name;
	char what[320], eff[160];
	const char *controls;

	if (!pt->eff_known) {
		snprintf(buf, len, "withheld: unmarked text that no banner line gives a marking");
		return;
	}
	format_marking(p, pt->eff, eff, sizeof(eff));
	if (!pt->marked)
		snprintf(what, sizeof(what), "%s, taken as %s,", pt->subject ?
		    "the unmarked subject" : "unmarked text", eff);
	else if (pt->reason == REASON_CLASS)
		snprintf(what, sizeof(what), "a classification line, taken with what it follows as "
		    "%s,", eff);
	else if (pt->reason == REASON_BANNER || pt->reason == REASON_CAPTION)
		snprintf(what, sizeof(what), "text after a %s in the body, raised to %s,",
		    pt->reason == REASON_BANNER ? "banner" : "caption", eff);
	else if (pt->reason == REASON_MIDLINE)
		snprintf(what, sizeof(what), "text with a mark in mid-line, taken as %s,", eff);
	else if (pt->reason == REASON_OPEN)
		snprintf(what, sizeof(what), "text that may end a sentence a portion above left "
		    "open, taken with it as %s,", eff);
	else if (pt->reason == REASON_UNREADABLE && dc->rule == RULE_UNKNOWN_TOKEN) {
		snprintf(buf, len, "withheld: %s where a portion begins may be a mark, and proves "
		    "nothing", written);
		return;
	}
	else if (pt->joined)
		snprintf(what, sizeof(what), "%s, joined with the sentence it continues,", written);
	else if (pt->raises_unmarked)
		snprintf(what, sizeof(what), "%s in mid-line in unmarked text, taken as %s,", written,
		    eff);
	else
		snprintf(what, sizeof(what), "%s", written);

	if (dc->rule == RULE_RELEASED) {
		char mark[160];
		size_t n;

		controls = strstr(eff, "//");
		snprintf(buf, len, "kept: %s is not above %s%s%s%s", what, tlevel,
		    controls != NULL ? ", and the target may see its controls (" : "",
		    controls != NULL ? controls + 2 : "", controls != NULL ? ")" : "");
		/* A raised portion is written with what it carries (redact_portion_mark). */
		if (redact_portion_mark(p, d, pt, pt->eff, after_withheld, mark, sizeof(mark)) > 0 &&
		    (n = strlen(buf)) < len)
			snprintf(buf + n, len - n, "; the release marks it %s, %s", mark,
			    pt->mark == NULL ? "as it follows a withheld portion" :
			    "what it was raised to");
	} else if (dc->rule == RULE_LEVEL) {
		snprintf(buf, len, "withheld: %s is above %s", what, tlevel);
	} else {
		/* "unmarked text, taken as X," before a reason of its own loses its comma. */
		size_t n = strlen(what);

		if (n > 0 && what[n - 1] == ',')
			what[n - 1] = '\0';
		snprintf(buf, len, "withheld: %s: %s", what, dc->why);
	}
}

/* Whether the document's first banner says marking m, word for word as a reviewer reads it. */
static bool
banner_says(const struct policy *p, const struct document *d, const struct marking *m)
{
	char a[160], b[160];

	if (!d->has_banner || m->unknown || d->banner.unknown)
		return false;
	format_marking(p, &d->banner, a, sizeof(a));
	format_marking(p, m, b, sizeof(b));
	return strcmp(a, b) == 0;
}

/* Whether s[0..n) parses as a marking every token of which is known. */
static bool
proven_word(const struct policy *p, const char *s, size_t n)
{
	struct marking m;

	return marking_parse(p, s, n, MARKING_PORTION, &m) == 1 && !m.unknown;
}

/*
 * The mark of portion pt as a reviewer is told of it, into written (len bytes), and where it
 * stands (*ms, *ml: its bytes in the first line, when found at the portion's head): quoted when
 * every token of it is known, or when it cannot be prose (marking_quotable); otherwise
 * described, since what was misread as a mark may be withheld text.
 */
static void
written_mark(const struct policy *p, const struct document *d, const struct doc_portion *pt,
    size_t *ms, size_t *ml, char *written, size_t len)
{
	bool at_head = pt->marked && (pt->reason == REASON_MARK ||
	    pt->reason == REASON_UNREADABLE || pt->reason == REASON_ITEM ||
	    pt->reason == REASON_SUBJECT);

	written[0] = '\0';
	if (at_head && find_mark(d, pt, ms, ml)) {
		const char *at = d->data + doc_line(d, pt->first)->off + *ms;
		size_t word = 0;

		while (word < *ml && at[word] != ' ' && at[word] != '\t')
			word++;
		/* A mark that holds a token it may not quote is not quoted either ("(S//1234567)"). */
		if ((!pt->mark->unknown && pt->reason != REASON_UNREADABLE) ||
		    (marking_quotable(at, *ml) && marking_token_quoted(pt->mark))) {
			copy_printable(written, len, at, *ml);
		} else if (word < *ml && word > 1 && marking_quotable(at, word) &&
		    proven_word(p, at + 1, word - 1)) {
			/*
			 * "(S//NF The detail": the mark's first word, never the text, and only a
			 * proven marking ("(S/|WALRUS PUFFIN" is described).
			 */
			copy_printable(written, len, at, word);
			snprintf(written + strlen(written), len - strlen(written), " ...");
		} else {
			snprintf(written, len, "a mark it cannot read");
		}
	} else if (at_head) {
		snprintf(written, len, "%s", pt->mark->unknown || pt->reason == REASON_UNREADABLE ?
		    "a mark it cannot read" : "its mark");
	} else if (pt->marked) {
		snprintf(written, len, "%s", pt->reason == REASON_CLASS ? "a classification line" :
		    "a raised marking");
	}
}

/* The warning for unmarked text (or an unmarked subject): what marking it takes, and why. */
static void
lint_unmarked(struct adder *a, const struct policy *p, const struct document *d,
    const struct doc_portion *pt, size_t k)
{
	struct check_finding *f;
	bool banner;

	f = add(a, SEVERITY_WARNING, pt->subject ? "unmarked-subject" : "unmarked-text",
	    pt->first + 1, 1);
	if (f == NULL)
		return;
	spans(a, f);
	f->portion = k;
	if (pt->eff_known)
		format_marking(p, pt->eff, f->marking, sizeof(f->marking));
	if (pt->reason == REASON_LIST) {
		snprintf(f->message, sizeof(f->message), "a list item has no portion mark and is "
		    "taken with the items before it and the paragraph the list is in%s%s",
		    pt->eff_known ? ": " : "", pt->eff_known ? f->marking : "");
		return;
	}
	banner = pt->eff_known && banner_says(p, d, pt->eff);
	snprintf(f->message, sizeof(f->message), "%s has no portion mark%s%s%s",
	    pt->subject ? "the subject" : "text",
	    !pt->eff_known ? " and no banner gives it a marking" :
	    banner ? " and takes the banner's marking " : " and takes the document's marking ",
	    pt->eff_known ? f->marking : "",
	    pt->eff_known && pt->eff->unknown ? ", since a mark in the document cannot be read" :
	    pt->eff_known && !banner ? " (its banner raised to the marks and captions in it)" : "");
}

/*
 * The lints of portion k's own mark (written, at column, ms and ml as written_mark found them):
 * an unknown token, NOFORN with REL TO, a classification line, REL TO lists, a caption that
 * contradicts it.
 */
static void
lint_mark(struct adder *a, const struct policy *p, const struct document *d,
    const struct doc_portion *pt, size_t k, const char *written, size_t column, size_t ms,
    size_t ml)
{
	struct check_finding *f;

	if (pt->mark->unknown &&
	    (f = add(a, SEVERITY_ERROR, "unknown-token", pt->first + 1, column)) != NULL) {
		f->portion = k;
		snprintf(f->marking, sizeof(f->marking), "%s", written);
		if (marking_token_quoted(pt->mark))
			snprintf(f->message, sizeof(f->message), "unknown token \"%s\" in %s",
			    pt->mark->unknown_token, written);
		else if (pt->reason == REASON_UNREADABLE)
			snprintf(f->message, sizeof(f->message), "%s where a portion begins: it may be "
			    "a mark (damaged, misspelt or of another scheme), and is withheld "
			    "everywhere", written);
		else
			snprintf(f->message, sizeof(f->message), "a token the policy does not know in "
			    "%s", written);
	}
	if (pt->mark->fd_conflict &&
	    (f = add(a, SEVERITY_ERROR, "noforn-with-rel", pt->first + 1, column)) != NULL) {
		snprintf(f->marking, sizeof(f->marking), "%s", written);
		snprintf(f->message, sizeof(f->message), "%s carries NOFORN with REL TO, or REL TO "
		    "twice: malformed, withheld everywhere", written);
	}
	if (pt->reason == REASON_CLASS &&
	    (f = add(a, SEVERITY_WARNING, "classification-line", pt->first + 1, 1)) != NULL) {
		f->portion = k;
		format_marking(p, pt->mark, f->marking, sizeof(f->marking));
		snprintf(f->message, sizeof(f->message), "a classification line outside the banner "
		    "grammar: the text after it is at least %s", f->marking);
	}
	if (ml > 2 && pt->reason == REASON_MARK)
		lint_rel(a, p, d->data + doc_line(d, pt->first)->off + ms + 1, ml - 2, written,
		    pt->first + 1, column);
	if (pt->reason == REASON_MARK && d->caption_noforn && pt->mark->fd == FD_REL &&
	    (f = add(a, SEVERITY_WARNING, "caption-contradiction", pt->first + 1,
	    column)) != NULL) {
		snprintf(f->marking, sizeof(f->marking), "%s", written);
		snprintf(f->message, sizeof(f->message), "the NOFORN caption contradicts REL TO in "
		    "%s; NOFORN wins", written);
	}
}

/*
 * A check under way: what it needs of the whole document before its first portion (the roll-up
 * of every portion's marking, from their facts; the first banner), and, for a streamed
 * document, the portion whose lines the replay is passing.
 */
struct checker {
	struct adder a;
	const struct policy *p;
	const struct marking *target;
	struct document view;		/* the document's marking, banner and captions as settled */
	struct marking all;
	bool none, unknown, banner_done;
	struct banner_at banner;
	size_t open, open_last;		/* a streamed document's open portion and its last text line */
};

static void
checker_init(struct checker *c, const struct policy *p, const struct document *d,
    const struct marking *target, const struct check_sink *sink, struct check_result *res)
{
	size_t k;

	memset(c, 0, sizeof(*c));
	c->p = p;
	c->target = target;
	/* Its lines and portions are the caller's: a streamed reading's move as it is replayed. */
	c->view = *d;
	c->view.lines = NULL;
	c->view.portions = NULL;
	c->view.line_base = c->view.line_top = 0;
	c->a.res = res;
	c->a.d = &c->view;
	c->a.sink = sink;
	marking_init(&c->all);
	c->none = true;
	for (k = 0; k < d->nportions; k++) {
		uint32_t f = facts_get(&d->facts, k);
		const struct marking *eff = doc_fact_eff(d, k);

		if ((f & FACT_EFF_KNOWN) && eff != NULL && eff->unknown)
			c->unknown = true;
		else if ((f & FACT_EFF_KNOWN) && eff != NULL)
			marking_rollup_add(p, &c->all, &c->none, eff);
	}
	c->banner.line = d->has_banner ? d->first_banner : DOC_NONE;
	c->banner_done = c->banner.line == DOC_NONE;
	c->open = DOC_NONE;
}

/* The banner's finding, once: it goes where its line is, so that findings stay in line order. */
static int
check_banner(struct checker *c)
{
	if (c->banner_done)
		return 0;
	c->banner_done = true;
	lint_banner(&c->a, c->p, &c->view, &c->banner, &c->all, c->none, c->unknown);
	return flush(&c->a, DOC_NONE);
}

/*
 * Portion k's findings, made when its first line is read (d: the document as read so far, its
 * record and first line in the window): its lints and its decision, which end where its text
 * does (flush).
 */
static int
check_portion(struct checker *c, const struct document *d, size_t k)
{
	const struct policy *p = c->p;
	const struct redact_decision *dc = redact_decision(&c->a.res->decisions, d, k);
	bool kept = dc->rule == RULE_RELEASED;
	size_t ms = 0, ml = 0, column, idx;
	struct check_finding *f;
	struct document v = *d;
	struct doc_portion record = *doc_portion(d, k), *pt = &record;
	uint32_t facts = facts_get(&d->facts, k);
	char written[100];

	/* Its marking as settled, from its facts (a replay's records are read anew). */
	idx = facts >> FACT_MARK_SHIFT;
	pt->eff_known = (facts & FACT_EFF_KNOWN) != 0;
	pt->eff = idx > 0 ? d->marks[idx - 1] : NULL;
	if (c->banner.line < pt->first && check_banner(c) != 0)
		return -1;
	/* The lines as read, the banner and captions as settled (a replay reads them anew). */
	v.has_banner = c->view.has_banner;
	v.banner = c->view.banner;
	v.caption_noforn = c->view.caption_noforn;
	d = &v;
	c->a.d = d;
	written_mark(p, d, pt, &ms, &ml, written, sizeof(written));
	column = ml > 0 ? ms + 1 : 1;
	if (!pt->marked)
		lint_unmarked(&c->a, p, d, pt, k);
	else
		lint_mark(&c->a, p, d, pt, k, written, column, ms, ml);
	/* The decision itself: an error when withheld, a note when kept. */
	f = add(&c->a, kept ? SEVERITY_NOTE : SEVERITY_ERROR,
	    kept ? "portion-kept" : "portion-withheld", pt->first + 1, column);
	if (f != NULL) {
		spans(&c->a, f);
		f->portion = k;
		f->decision = kept ? "kept" : "withheld";
		if (pt->eff_known)
			format_marking(p, pt->eff, f->marking, sizeof(f->marking));
		else
			snprintf(f->marking, sizeof(f->marking), "unmarked");
		decision_message(p, d, pt, dc, c->target, written, k > 0 &&
		    redact_decision(&c->a.res->decisions, d, k - 1)->rule != RULE_RELEASED,
		    f->message, sizeof(f->message));
	}
	c->a.d = &c->view;
	return c->a.nomem || c->a.stopped ? -1 : 0;
}

/* Ends a check: the banner's finding if it stands after every portion; err says why not. */
static int
checker_end(struct checker *c, int rc, char *err, size_t errlen)
{
	if (rc == 0)
		rc = check_banner(c);
	if (rc == 0 && !c->a.nomem && !c->a.stopped)
		return 0;
	if (c->a.stopped)
		snprintf(err, errlen, "%s", c->a.sink->err != NULL && c->a.sink->err[0] != '\0' ?
		    c->a.sink->err : "the report failed");
	else if (c->a.nomem)
		snprintf(err, errlen, "out of memory");
	check_result_free(c->a.res);
	return -1;
}

/* Decides d and sets res's counts and roll-up, as check_document and check_stream_read begin. */
static int
check_decide(const struct policy *p, const struct document *d, const struct marking *target,
    struct check_result *res, char *err, size_t errlen)
{
	memset(res, 0, sizeof(*res));
	if (redact_decide(p, d, target, &res->decisions, err, errlen) != 0)
		return -1;
	res->rollup = res->decisions.rollup;
	res->kept = res->decisions.released;
	res->withheld = res->decisions.withheld;
	return 0;
}

int
check_document(const struct policy *p, const struct document *d, const struct marking *target,
    const struct check_sink *sink, struct check_result *res, char *err, size_t errlen)
{
	struct checker c;
	size_t k;
	int rc = 0;

	if (d->streamed) {
		snprintf(err, errlen, "a streamed document is checked only as it is read again");
		return -1;
	}
	if (check_decide(p, d, target, res, err, errlen) != 0)
		return -1;
	checker_init(&c, p, d, target, sink, res);
	if (c.banner.line != DOC_NONE) {
		c.banner.column = doc_line(d, c.banner.line)->span_start + 1u;
		c.banner.char_column = char_column(d, c.banner.line + 1, c.banner.column);
	}
	for (k = 0; k < d->nportions && rc == 0; k++)
		if ((rc = check_portion(&c, d, k)) == 0)
			rc = flush(&c.a, doc_portion(d, k)->last_text);
	return checker_end(&c, rc, err, errlen);
}

/*
 * Line i of a streamed document as the replay passes it: the banner's columns on its line;
 * a portion's findings on its first line; its text lines extend it. A portion is whole when the
 * next begins (or the document ends).
 */
static int
check_each(void *ctx, const struct document *d, size_t i, char *err, size_t errlen)
{
	struct checker *c = ctx;
	const struct doc_line *ln = doc_line(d, i);

	if (i == c->banner.line) {
		c->banner.column = ln->span_start + 1u;
		c->banner.char_column = char_column(d, i + 1, c->banner.column);
	}
	if (ln->portion == DOC_NONE)
		return 0;
	if (ln->portion != c->open) {
		if (c->open != DOC_NONE && ln->portion != c->open + 1) {
			snprintf(err, errlen, "line %zu: portion %zu after %zu (a defect: please report "
			    "it)", i + 1, ln->portion, c->open);
			return -1;
		}
		if (c->open != DOC_NONE && flush(&c->a, c->open_last) != 0)
			return -1;
		c->open = ln->portion;
		c->open_last = doc_portion(d, ln->portion)->first;
		if (check_portion(c, d, ln->portion) != 0)
			return -1;
	}
	if (ln->kind == LINE_TEXT)
		c->open_last = i;
	return 0;
}

int
check_stream_read(const struct policy *p, struct policy_matcher *matcher, struct document *d,
    const char *origin, const struct marking *target, const struct check_sink *sink,
    struct check_result *res, char *err, size_t errlen)
{
	struct checker c;
	char msg[512];
	int rc;

	if (!d->streamed)
		return check_document(p, d, target, sink, res, err, errlen);
	if (check_decide(p, d, target, res, err, errlen) != 0)
		return -1;
	checker_init(&c, p, d, target, sink, res);
	msg[0] = '\0';
	rc = document_replay(p, matcher, d, origin, check_each, &c, msg, sizeof(msg));
	if (rc == 0 && c.open != DOC_NONE)
		rc = flush(&c.a, c.open_last);
	if (rc != 0 && !c.a.nomem && !c.a.stopped) {
		snprintf(err, errlen, "%s", msg);
		check_result_free(res);
		return -1;
	}
	return checker_end(&c, rc, err, errlen);
}

void
check_result_free(struct check_result *res)
{
	if (res == NULL)
		return;
	free(res->findings);
	redact_result_free(&res->decisions);
	memset(res, 0, sizeof(*res));
}

bool
check_passes(const struct check_result *res, bool strict)
{
	return res->errors == 0 && (!strict || res->warnings == 0);
}
