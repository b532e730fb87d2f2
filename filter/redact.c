/* SPDX-License-Identifier: ISC */
/*
 * redact: decisions, rendering and the change list.
 */
#include "redact.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The release being written: a growing buffer or a sink, and the change list. */
struct writer {
	struct redact_result *res;
	const struct redact_sink *sink;	/* NULL: the release is kept in res->out */
	char *sbuf;		/* what goes to the sink, gathered into larger writes */
	size_t slen;
	size_t cap;
	size_t ccap;
	bool record;		/* keep the changes in res->changes */
	struct redact_change scratch;	/* where a change goes that is not kept */
	bool nomem;
	bool failed;		/* the sink refused a write */
	size_t unwritable;	/* line number of a banner that cannot be re-marked, or 0 */
	bool blank;		/* nothing written yet, or the last line written was blank */
	size_t removed_at;	/* output length when a line was last removed */
	bool removed;		/* a line was removed and nothing written since */
	bool lead;		/* a caption was written before line 1: the change of line 1
				 * holds it (redact_stream) */
	size_t *line_out;	/* where each line's release begins (redact_run_lines), or NULL */
	bool unowned;		/* a text line of no portion was met (a defect) */
	const struct redact_change_sink *cs;	/* or NULL: changes are kept (or dropped) */
	bool pending;		/* scratch holds a change cs has not had */
	bool cs_failed;		/* ... and cs refused one (cs_err) */
	char cs_err[256];
	size_t next_portion;	/* the first portion not yet passed (note_unproven) */
	bool list_unproven;
	size_t ucap;
	bool has_banner;	/* the document's first banner, as the whole reading found it */
	struct marking banner;
};

#define SINK_BUFFER ((size_t)64 << 10)

/* Gives the sink what has gathered. */
static void
sink_flush(struct writer *w)
{
	if (w->slen > 0 && !w->failed && w->sink->write(w->sink->ctx, w->sbuf, w->slen) != 0)
		w->failed = true;
	w->slen = 0;
}

static void
put(struct writer *w, const void *p, size_t n)
{
	struct redact_result *r = w->res;

	if (w->nomem || w->failed || n == 0)
		return;
	if (w->sink != NULL) {
		/* Lines and placeholders are short: one write to the sink per 64 KiB. */
		if (w->slen + n > SINK_BUFFER)
			sink_flush(w);
		if (n >= SINK_BUFFER) {
			if (!w->failed && w->sink->write(w->sink->ctx, p, n) != 0)
				w->failed = true;
		} else {
			memcpy(w->sbuf + w->slen, p, n);
			w->slen += n;
		}
		r->out_len += n;
		return;
	}
	if (r->out_len + n > w->cap) {
		size_t ncap = w->cap == 0 ? 4096 : w->cap;
		char *bigger;

		while (ncap < r->out_len + n) {
			if (ncap > ((size_t)-1) / 2) {
				w->nomem = true;
				return;
			}
			ncap *= 2;
		}
		if ((bigger = realloc(r->out, ncap)) == NULL) {
			w->nomem = true;
			return;
		}
		r->out = bigger;
		w->cap = ncap;
	}
	memcpy(r->out + r->out_len, p, n);
	r->out_len += n;
}

static void
puts_w(struct writer *w, const char *s)
{
	put(w, s, strlen(s));
}

/* Hands the change in scratch to the change sink. Returns 0, or -1 (w->cs_failed). */
static int
give_change(struct writer *w)
{
	w->pending = false;
	if (w->cs_failed || w->cs->change(w->cs->ctx, w->res, &w->scratch, w->cs_err,
	    sizeof(w->cs_err)) != 0) {
		w->cs_failed = true;
		w->failed = true;
		return -1;
	}
	return 0;
}

static struct redact_change *
add_change_span(struct writer *w, enum change_kind kind, size_t first, size_t last,
    size_t in_start, size_t in_end, size_t out_start)
{
	struct redact_result *r = w->res;
	struct redact_change *c;

	if (w->nomem)
		return NULL;
	if (w->record && r->nchanges == w->ccap) {
		size_t ncap = w->ccap == 0 ? 32 : w->ccap * 2;
		struct redact_change *bigger = realloc(r->changes, ncap * sizeof(*bigger));

		if (bigger == NULL) {
			w->nomem = true;
			return NULL;
		}
		r->changes = bigger;
		w->ccap = ncap;
	}
	/* The change before is whole once another begins: it goes to the change sink. */
	if (w->pending && give_change(w) != 0)
		return NULL;
	c = w->record ? &r->changes[r->nchanges++] : &w->scratch;
	w->pending = w->cs != NULL;
	memset(c, 0, sizeof(*c));
	if (w->lead && first == 0) {
		out_start = 0;
		w->lead = false;
	}
	c->kind = kind;
	c->line_first = first + 1;
	c->line_last = last + 1;
	c->in_start = in_start;
	c->in_end = in_end;
	c->out_start = out_start;
	c->out_end = r->out_len;
	c->portion = DOC_NONE;
	/* A change that wrote nothing removed its lines: a blank line after it may double up. */
	if (c->out_end == c->out_start) {
		w->removed = true;
		w->removed_at = r->out_len;
	}
	return c;
}

/* Records a change of lines first..last (0-based), which are in the window. */
static struct redact_change *
add_change(struct writer *w, enum change_kind kind, const struct document *d, size_t first,
    size_t last, size_t out_start)
{
	const struct doc_line *a = doc_line(d, first), *b = doc_line(d, last);

	return add_change_span(w, kind, first, last, a->off, b->off + b->len + b->eol, out_start);
}

/* Whether the release so far ends with a blank line, so that another would double it. */
static bool
ends_blank(const struct writer *w)
{
	return w->blank;
}

/* Ends a line that tearline wrote itself (a placeholder, a re-marked line): never blank. */
static void
put_eol(struct writer *w, const struct document *d, const struct doc_line *ln)
{
	put(w, d->data + ln->off + ln->len, ln->eol);
	w->blank = false;
}

/* Copies a line of the original, line end included. */
static void
put_line(struct writer *w, const struct document *d, const struct doc_line *ln)
{
	put(w, d->data + ln->off, ln->len + ln->eol);
	w->blank = ln->kind == LINE_BLANK && !ln->rule;
}

/*
 * Copies a blank line (of a released portion, between portions, or of a withheld one): as it is
 * when it holds only spaces, tabs, a quote's '>' or rule characters; else its line end alone,
 * since characters a reader does not see (zero-width ones, tag characters) may spell withheld
 * text, and no mark stands over a line that shows nothing.
 */
static void
put_blank(struct writer *w, const struct document *d, const struct doc_line *ln)
{
	const char *s = d->data + ln->off;
	size_t k;

	for (k = 0; k < ln->len; k++)
		if (s[k] != ' ' && s[k] != '\t' && s[k] != '>' &&
		    !(ln->rule && memchr("-=_*~", s[k], 5) != NULL))
			break;
	if (k == ln->len) {
		put_line(w, d, ln);
		return;
	}
	put(w, s + ln->len, ln->eol);
	w->blank = true;
}

/* Copies a kept text line as it is, and a kept blank line as put_blank does. */
static void
put_kept(struct writer *w, const struct document *d, const struct doc_line *ln)
{
	if (ln->kind == LINE_BLANK)
		put_blank(w, d, ln);
	else
		put_line(w, d, ln);
}

const char *
redact_mode_name(enum redact_mode mode)
{
	return mode == MODE_STRIP ? "strip" : mode == MODE_BLACKOUT ? "blackout" : "mask";
}

int
redact_mode_parse(const char *s, enum redact_mode *mode)
{
	if (strcmp(s, "mask") == 0)
		*mode = MODE_MASK;
	else if (strcmp(s, "strip") == 0)
		*mode = MODE_STRIP;
	else if (strcmp(s, "blackout") == 0)
		*mode = MODE_BLACKOUT;
	else
		return -1;
	return 0;
}

/*
 * The key of a portion's verdict, from its facts f: its effective marking's index plus one, or
 * 0 for none.
 */
static size_t
mark_key(uint32_t f)
{
	return (f & FACT_EFF_KNOWN) ? f >> FACT_MARK_SHIFT : 0;
}

int
redact_decide(const struct policy *p, const struct document *d, const struct marking *target,
    struct redact_result *res, char *err, size_t errlen)
{
	size_t k;
	bool first = true;

	memset(res, 0, sizeof(*res));
	marking_init(&res->rollup);
	if (d->has_banner) {
		char why[160];
		const char *ex;

		res->docmark_released = marking_decide(p, &d->docmark, target, why, sizeof(why),
		    &ex) == RULE_RELEASED;
	}
	if (d->facts.n == 0)
		return 0;
	/*
	 * Every effective marking is one of the document's interned ones, or none (unmarked): a
	 * verdict per marking, in the order the portions first carry them.
	 */
	if ((res->by_mark = calloc(d->nmarks + 1, sizeof(*res->by_mark))) == NULL ||
	    (res->verdicts = calloc(d->nmarks + 1, sizeof(*res->verdicts))) == NULL) {
		redact_result_free(res);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (k = 0; k < d->facts.n; k++) {
		uint32_t f = facts_get(&d->facts, k);
		const struct marking *eff = doc_fact_eff(d, k);
		size_t m = mark_key(f);
		struct redact_decision *dc;

		/* by_mark holds an index into verdicts plus one; 0 is none yet. */
		if (res->by_mark[m] == 0) {
			dc = &res->verdicts[res->nverdicts];
			res->by_mark[m] = (uint32_t)++res->nverdicts;
			if (eff == NULL) {
				dc->rule = RULE_UNMARKED;
				dc->exemption = p->default_exemption;
				snprintf(dc->why, sizeof(dc->why), "unmarked text, and no banner line "
				    "gives it a marking");
			} else {
				dc->rule = marking_decide(p, eff, target, dc->why, sizeof(dc->why),
				    &dc->exemption);
			}
		}
		dc = &res->verdicts[res->by_mark[m] - 1];
		res->any_marked = res->any_marked || (f & FACT_MARKED) != 0;
		if (dc->rule == RULE_RELEASED) {
			res->released++;
			marking_rollup_add(p, &res->rollup, &first, eff);
		} else {
			res->withheld++;
		}
	}
	return 0;
}

const struct redact_decision *
redact_decision(const struct redact_result *res, const struct document *d, size_t k)
{
	return &res->verdicts[res->by_mark[mark_key(facts_get(&d->facts, k))] - 1];
}

/* Whether a caption control is still needed by what was released. */
static bool
caption_needed(const struct policy *p, int c, const struct marking *rollup)
{
	switch (p->controls[c].kind) {
	case CONTROL_DISTRIBUTION:
		return true;
	case CONTROL_NOFORN:
		return rollup->fd == FD_NOFORN;
	case CONTROL_HANDLING:
	default:
		return (rollup->controls >> c) & 1;
	}
}

/* The banner styles a cable or document uses for its level word. */
enum banner_style {
	STYLE_FULL,	/* SECRET */
	STYLE_SPACED	/* S E C R E T, or UNCLAS: the cable forms */
};

static enum banner_style
banner_style(const struct policy *p, const char *s, size_t len)
{
	size_t i;

	if (len >= 3 && s[1] == ' ')
		return STYLE_SPACED;
	for (i = 0; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];

		if (lv->spaced != NULL && strlen(lv->spaced) == len &&
		    strncasecmp(lv->spaced, s, len) == 0)
			return STYLE_SPACED;
	}
	return STYLE_FULL;
}

/*
 * Whether a banner must spell out the roll-up's controls: it had a controls group of its own, or
 * the release carries a control (NOFORN, SBU...) that no kept caption line states.
 */
static bool
banner_needs_controls(const struct policy *p, const struct doc_line *ln,
    const struct marking *rollup, uint64_t captioned)
{
	size_t c;

	if (ln->has_controls)
		return true;
	for (c = 0; c < p->ncontrols; c++) {
		const struct policy_control *pc = &p->controls[c];
		bool carried = pc->kind == CONTROL_NOFORN ? rollup->fd == FD_NOFORN :
		    marking_writes_control(p, rollup, c);

		if (carried && !((captioned >> c) & 1))
			return true;
	}
	return rollup->fd == FD_REL;
}

/*
 * Writes a caption line of the controls in bits, by name ("NOFORN"), with the line end of line
 * i: what a caption line the release withheld stated, and the roll-up still needs.
 */
static void
put_caption(struct writer *w, const struct policy *p, const struct document *d, size_t i,
    uint64_t bits)
{
	size_t c;
	bool any = false;

	for (c = 0; c < p->ncontrols; c++) {
		if (!((bits >> c) & 1))
			continue;
		if (any)
			puts_w(w, "//");
		puts_w(w, p->controls[c].name);
		any = true;
	}
	put_eol(w, d, doc_line(d, i));
}

static void
render_banner(struct writer *w, const struct policy *p, const struct document *d, size_t i,
    const struct marking *rollup, uint64_t captioned, uint64_t lost)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	const struct policy_level *lv = &p->levels[rollup->level];
	enum banner_style style = banner_style(p, s + ln->span_start, ln->span_mid - ln->span_start);
	const char *word = style == STYLE_SPACED && lv->spaced != NULL ? lv->spaced : lv->banner[0];
	char buf[1024];
	size_t out_start = w->res->out_len;
	int n;

	/* A banner that already says what the release carries stays as it is. */
	if (marking_states(p, d->banners[ln->aux], rollup)) {
		put_line(w, d, ln);
		if (lost != 0) {
			put_caption(w, p, d, i, lost);
			add_change(w, CHANGE_CAPTION, d, i, i, out_start);
		}
		return;
	}
	n = marking_format(p, rollup, word, banner_needs_controls(p, ln, rollup, captioned), buf,
	    sizeof(buf));

	if (n < 0) {
		/*
		 * Too long to write. Any shorter banner would leave out a control or a
		 * country some reader needs to be told of: write nothing.
		 */
		w->unwritable = i + 1;
		w->failed = true;
		return;
	}
	put(w, s, ln->span_start);
	put(w, buf, (size_t)n);
	put(w, s + ln->span_end, ln->len - ln->span_end);
	put_eol(w, d, ln);
	if (lost != 0)
		put_caption(w, p, d, i, lost);
	if (lost != 0 || (size_t)(ln->span_end - ln->span_start) != (size_t)n ||
	    memcmp(s + ln->span_start, buf, (size_t)n) != 0)
		add_change(w, lost != 0 ? CHANGE_CAPTION : CHANGE_REMARKED, d, i, i, out_start);
}

static void
render_routing_class(struct writer *w, const struct policy *p, const struct document *d,
    size_t i, const struct marking *rollup)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	const char *cls = p->levels[rollup->level].routing;
	size_t out_start = w->res->out_len;

	/* The line is right as it is when the release keeps the document's level. */
	if (cls == NULL || (w->has_banner && !w->banner.unknown &&
	    w->banner.level == rollup->level)) {
		put_line(w, d, ln);
		return;
	}
	put(w, s, ln->span_start);
	puts_w(w, cls);
	put(w, s + ln->span_end, ln->len - ln->span_end);
	put_eol(w, d, ln);
	if ((size_t)(ln->span_end - ln->span_start) != strlen(cls) ||
	    memcmp(s + ln->span_start, cls, strlen(cls)) != 0)
		add_change(w, CHANGE_REMARKED, d, i, i, out_start);
}

/*
 * Whether s[0..n), a label or a caption the reading proved on the line's folded form, may be
 * copied as it is: printable ASCII and tabs, with no markup ('<') and no character reference
 * ('&'), and in a label (`signs`) the signs paragraph numbers and bullets are written with
 * ("\302\266", "\342\200\242"). The fold drops markup, references and characters a reader
 * does not see, so bytes of those prove nothing: they may spell withheld text.
 */
static bool
plain_bytes(const char *s, size_t n, bool latin1, bool signs)
{
	static const char *const utf8_signs[] = { "\302\266", "\302\267", "\342\200\242",
	    "\342\200\243", "\342\201\203", "\342\226\252", "\342\226\272", "\342\227\246",
	    "\342\200\223", "\342\200\224" };
	size_t i = 0, k, len = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 0x20 && c < 0x7F && c != '<' && c != '&') || c == '\t') {
			i++;
			continue;
		}
		if (!signs)
			return false;
		if (latin1) {
			if (c != 0xB6 && c != 0xB7)
				return false;
			i++;
			continue;
		}
		for (k = 0; k < sizeof(utf8_signs) / sizeof(utf8_signs[0]); k++)
			if (n - i >= (len = strlen(utf8_signs[k])) &&
			    memcmp(s + i, utf8_signs[k], len) == 0)
				break;
		if (k == sizeof(utf8_signs) / sizeof(utf8_signs[0]))
			return false;
		i += len;
	}
	return true;
}

/*
 * How much of a withheld portion's first line is copied before its placeholder: its label, when
 * it is plain (plain_bytes) and is written as paragraph numbers, letters, bullets and headings
 * are: at most two runs of digits, the first of at most three and the second of at most two,
 * and one run of letters of at most four ("4.a.", "¶11.", "ii)", "3.12.", "- "), or the
 * subject's label (`subject`: "SUBJECT:"); parted only by ". ( )" and spaces, with no sign but
 * those of labels (". ( ) : * | # >" and "-", bullets and the paragraph sign); and ending as a
 * label does, in ".", ")" or ":", unless it is signs alone ("- ", "| "). The reader takes more
 * as labels, to find the mark after them ("W. A. L. R. U. S.", "7 495 123 4567", "10.44.7.19",
 * "123-45-6789", "B–52", "14:30", "12" of "12 of 40 agents", "K. G." of "K. G. Ivanov"), but
 * those say what no paragraph number does, or are the withheld text's first words, and are
 * left out.
 */
static size_t
label_kept(const struct policy *p, const struct document *d, const struct doc_portion *pt)
{
	const struct doc_line *ln = doc_line(d, pt->first), *up;
	const char *s = d->data + ln->off;
	size_t i, run = 0, runs = 0, digit_runs = 0, letter_runs = 0, end = pt->label_end, n;
	bool digits = false, parted = false, subject = pt->subject;

	if (!plain_bytes(s, pt->label_end, ln->latin1, true))
		return 0;
	/*
	 * Not under a line of text that ends in no sentence's end: a sentence may wrap to this
	 * line, and what stands before the mark be its words ("... planned for June" / "17.
	 * (SIINF) at the base", "... the code word is" / "Tusk: (5NF) and").
	 */
	if (pt->first > 0 && (up = doc_line(d, pt->first - 1))->kind == LINE_TEXT &&
	    (n = up->len) > 0) {
		const char *u = d->data + up->off;

		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t' || u[n - 1] == '\r'))
			n--;
		if (n > 0 && strchr(p->reading.sentence_end, u[n - 1]) == NULL &&
		    strchr(")]\"':", u[n - 1]) == NULL && (unsigned char)u[n - 1] < 0x80)
			return 0;
	}
	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	for (i = 0; i <= end; i++) {
		unsigned char c = i < end ? (unsigned char)s[i] : ' ';
		bool alnum = isalnum(c) != 0;

		if (run > 0 && (!alnum || (isdigit(c) != 0) != digits)) {
			/* A run ends. */
			if (digits ? run > (digit_runs == 0 ? 3u : 2u) || ++digit_runs > 2 :
			    run > (subject ? 7u : 4u) || ++letter_runs > 1)
				return 0;
			if (++runs > 3)
				return 0;
			run = 0;
			parted = false;
		}
		if (alnum) {
			/* What parts it from the run before: spaces, ". ( )" and nothing else. */
			if (runs > 0 && parted)
				return 0;
			digits = isdigit(c) != 0;
			run++;
		} else if (c < 0x80 && c != ' ' && c != '\t' && strchr(".():*|#>-", c) == NULL) {
			return 0;
		} else if (c >= 0x80 || (c != ' ' && c != '\t' && strchr(".()", c) == NULL)) {
			parted = true;
		}
	}
	if (runs > 0 && strchr(".):", s[end - 1]) == NULL)
		return 0;
	return pt->label_end;
}

static void
render_caption(struct writer *w, const struct policy *p, const struct document *d, size_t i,
    const struct marking *rollup)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	uint64_t keep = 0, written = 0;
	size_t c, out_start = w->res->out_len, pos = 0, lead = 0;
	bool any = false;

	uint64_t bits = doc_caption_bits(d, ln->aux);

	for (c = 0; c < p->ncontrols; c++)
		if (((bits >> c) & 1) && caption_needed(p, (int)c, rollup))
			keep |= (uint64_t)1 << c;
	/*
	 * The line as it is, when it keeps every control and holds nothing but their names: no
	 * label ("Caveat for the source: SIPDIS"), no markup or reference and no byte that prints
	 * as nothing (plain_bytes). Otherwise it is written from the names.
	 */
	if (keep == bits && !ln->labelled && plain_bytes(s, ln->len, ln->latin1, false)) {
		put_line(w, d, ln);
		return;
	}
	if (keep == 0) {
		add_change(w, CHANGE_CAPTION, d, i, i, out_start);
		return;
	}
	/* Keep the pieces still needed, in their original spelling and order. */
	while (lead < ln->len && (s[lead] == ' ' || s[lead] == '\t'))
		lead++;
	put(w, s, lead);
	pos = lead;
	while (pos < ln->len) {
		size_t start, end;
		int ctl;

		while (pos < ln->len && (s[pos] == ',' || s[pos] == '/' || s[pos] == ' ' ||
		    s[pos] == '\t'))
			pos++;
		start = pos;
		while (pos < ln->len && s[pos] != ',' && s[pos] != '/')
			pos++;
		end = pos;
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		if (end == start)
			continue;
		ctl = policy_control_find(p, s + start, end - start);
		if (ctl < 0 || !((keep >> ctl) & 1) || ((written >> ctl) & 1))
			continue;
		if (any)
			puts_w(w, ", ");
		put(w, s + start, end - start);
		written |= (uint64_t)1 << ctl;
		any = true;
	}
	/* A kept control the line spelled among other words ("NOFORN SIPDIS"): its name. */
	for (c = 0; c < p->ncontrols; c++) {
		if (!((keep >> c) & 1) || ((written >> c) & 1))
			continue;
		if (any)
			puts_w(w, ", ");
		puts_w(w, p->controls[c].name);
		any = true;
	}
	put_eol(w, d, ln);
	add_change(w, CHANGE_CAPTION, d, i, i, out_start);
}

static void
render_placeholder(struct writer *w, const struct policy *p, const struct document *d,
    const struct doc_portion *pt, const struct redact_decision *dc)
{
	const struct doc_line *ln = doc_line(d, pt->first);
	const char *ph = p->placeholder, *at;
	size_t label = label_kept(p, d, pt);

	put(w, d->data + ln->off, label);
	if (label > 0)
		puts_w(w, " ");
	while ((at = strstr(ph, "{exemption}")) != NULL) {
		put(w, ph, (size_t)(at - ph));
		puts_w(w, dc->exemption != NULL ? dc->exemption : "");
		ph = at + strlen("{exemption}");
	}
	puts_w(w, ph);
	put_eol(w, d, ln);
}

/* Writes a withheld line with every non-space character replaced by X. */
static void
render_blackout(struct writer *w, const struct document *d, const struct doc_line *ln,
    size_t keep)
{
	const unsigned char *s = (const unsigned char *)d->data + ln->off;
	char buf[512];
	size_t i, n = 0;

	put(w, s, keep);
	for (i = keep; i < ln->len; i++) {
		unsigned char ch = s[i];

		if (!ln->latin1 && (ch & 0xC0) == 0x80)
			continue;	/* a continuation byte: its character has its X */
		buf[n++] = ch == ' ' || ch == '\t' ? (char)ch : 'X';
		if (n == sizeof(buf)) {
			put(w, buf, n);
			n = 0;
		}
	}
	put(w, buf, n);
	put_eol(w, d, ln);
}

/*
 * A run of withheld lines: the lines of one withheld portion between the structure lines that
 * cut it (page headers, banners, captions), recorded as one change each, so that changes never
 * overlap and come in document order.
 */
struct run {
	size_t portion;		/* DOC_NONE when no run is open */
	size_t first, last;	/* its lines */
	size_t in_start, in_end;	/* ... and their bytes (its first line may be read no more) */
	size_t out;		/* where its output began */
};

static void
close_run(struct writer *w, const struct document *d, struct run *run)
{
	const struct redact_decision *dc;
	struct redact_change *c;

	if (run->portion == DOC_NONE)
		return;
	dc = redact_decision(w->res, d, run->portion);
	if ((c = add_change_span(w, CHANGE_WITHHELD, run->first, run->last, run->in_start,
	    run->in_end, run->out)) != NULL) {
		c->portion = run->portion;
		c->rule = dc->rule;
		c->exemption = dc->exemption;
	}
	run->portion = DOC_NONE;
}

int
redact_run(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, struct redact_result *res, char *err, size_t errlen)
{
	return redact_stream(p, d, target, mode, NULL, true, res, err, errlen);
}

/* What a streamed document is read again with (document_replay). */
struct replay {
	struct policy_matcher *matcher;
	struct document *d;
	const char *origin;
};

static int render(const struct policy *p, const struct document *d,
    const struct marking *target, enum redact_mode mode, const struct redact_sink *sink,
    bool changes, size_t *line_out, struct redact_result *res, const struct replay *replay,
    unsigned flags, const struct redact_change_sink *cs, char *err, size_t errlen);

int
redact_run_lines(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, size_t *line_out, struct redact_result *res, char *err, size_t errlen)
{
	return render(p, d, target, mode, NULL, true, line_out, res, NULL, 0, NULL, err, errlen);
}

int
redact_stream(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, const struct redact_sink *sink, bool changes,
    struct redact_result *res, char *err, size_t errlen)
{
	return render(p, d, target, mode, sink, changes, NULL, res, NULL, 0, NULL, err, errlen);
}

/* What the caption lines of a release state, and what it must state again (render). */
struct captions {
	uint64_t captioned;	/* controls that kept caption lines state */
	uint64_t lost;		/* controls the first banner states again on a line of its own */
	size_t first_banner;	/* that banner's line, or DOC_NONE */
};

static void
caption_facts(const struct policy *p, const struct document *d, const struct redact_result *res,
    struct captions *c)
{
	size_t i, ctl;

	c->captioned = c->lost = 0;
	c->first_banner = DOC_NONE;
	/*
	 * The controls that kept caption lines state, so banners need not repeat them. A caption
	 * line inside a withheld portion goes with it, and states nothing.
	 */
	for (i = 0; i < d->ncaptions; i++) {
		size_t at = doc_caption_portion(d, i);
		uint64_t bits = doc_caption_bits(d, i);

		if (at == DOC_NONE || redact_decision(res, d, at)->rule == RULE_RELEASED)
			for (ctl = 0; ctl < p->ncontrols; ctl++)
				if (((bits >> ctl) & 1) && caption_needed(p, (int)ctl, &res->rollup))
					c->captioned |= (uint64_t)1 << ctl;
	}
	/*
	 * A caption that applies to the whole document (NOFORN, ORCON) and that the release keeps
	 * on no line of its own, because every line that stated it went with a withheld portion:
	 * the first banner line states it again on a caption line of its own, so that the release
	 * says what its kept portions carry, and reads so again; with no banner, a caption line
	 * before the first line does, in the change of that line.
	 */
	for (ctl = 0; ctl < p->ncontrols && res->released > 0; ctl++) {
		uint64_t said = p->controls[ctl].kind == CONTROL_NOFORN ? d->captions :
		    d->caption_lines & p->handling;

		if (((said & ~c->captioned) >> ctl) & 1 &&
		    caption_needed(p, (int)ctl, &res->rollup))
			c->lost |= (uint64_t)1 << ctl;
	}
	if (c->lost != 0)
		c->first_banner = d->first_banner;
}

int
redact_portion_mark(const struct policy *p, const struct document *d,
    const struct doc_portion *pt, const struct marking *eff, bool after_withheld, char *buf,
    size_t len)
{
	const struct policy_level *lv;
	struct marking own, back;
	int n;

	if (eff == NULL || len < 3)
		return 0;
	if (pt->mark == NULL && !after_withheld)
		return 0;
	/*
	 * Text raised by a sentence an earlier portion left open (REASON_OPEN) has no mark of its
	 * own to rewrite: it is marked with what it carries, which a release that withholds that
	 * sentence could not tell again.
	 */
	if (pt->mark != NULL && pt->reason != REASON_OPEN && (pt->mark_len == 0 ||
	    !document_own_marking(p, d, pt, &own) || marking_equal(p, &own, eff)))
		return 0;
	lv = &p->levels[eff->level];
	buf[0] = '(';
	n = marking_format(p, eff, lv->nportion > 0 ? lv->portion[0] : lv->banner[0], true,
	    buf + 1, len - 2);
	if (n < 0 || marking_parse(p, buf + 1, (size_t)n, MARKING_PORTION, &back) != 1 ||
	    !marking_equal(p, &back, eff))
		return 0;
	buf[n + 1] = ')';
	buf[n + 2] = '\0';
	return n + 2;
}

/*
 * The first line of a kept portion, marked as what it carries where its mark says less, or
 * where it has none and follows a withheld portion (redact_portion_mark). Returns false where it
 * wrote nothing.
 */
static bool
render_remarked(struct writer *w, const struct policy *p, const struct document *d, size_t i,
    size_t out_start)
{
	const struct doc_line *ln = doc_line(d, i);
	const struct doc_portion *pt = doc_portion(d, ln->portion);
	const char *s = d->data + ln->off;
	char buf[1024];
	size_t at = pt->mark_at, end = (size_t)pt->mark_at + pt->mark_len;
	bool after = false, bare = pt->mark == NULL || pt->reason == REASON_OPEN;
	int n;

	if (bare) {
		/* Unmarked: the mark goes after its label ("2. (S) The"), or first. */
		at = end = pt->label_end <= ln->len ? pt->label_end : 0;
		after = ln->portion > 0 &&
		    redact_decision(w->res, d, ln->portion - 1)->rule != RULE_RELEASED;
	}
	if (end > ln->len || (n = redact_portion_mark(p, d, pt, doc_fact_eff(d, ln->portion),
	    after, buf, sizeof(buf))) == 0)
		return false;
	put(w, s, at);
	if (bare && at > 0)
		puts_w(w, " ");
	put(w, buf, (size_t)n);
	if (bare && at == 0)
		puts_w(w, " ");
	put(w, s + end, ln->len - end);
	put_eol(w, d, ln);
	add_change(w, CHANGE_REMARKED, d, i, i, out_start);
	return true;
}

/* A line of a withheld portion: its part of the placeholder, its Xs, or nothing. */
static void
render_withheld(struct writer *w, const struct policy *p, const struct document *d,
    enum redact_mode mode, size_t i, enum line_kind kind, struct run *run, size_t out_start)
{
	const struct doc_line *ln = doc_line(d, i);
	const struct doc_portion *pt = doc_portion(d, ln->portion);
	const struct redact_decision *dc = redact_decision(w->res, d, ln->portion);

	if (run->portion == DOC_NONE) {
		run->portion = ln->portion;
		run->first = i;
		run->in_start = ln->off;
		run->out = out_start;
	}
	run->last = i;
	run->in_end = ln->off + ln->len + ln->eol;
	if (mode == MODE_MASK) {
		if (i == pt->first)
			render_placeholder(w, p, d, pt, dc);
		else if (ln->kind == LINE_BLANK && (ln->rule || !ends_blank(w)))
			put_blank(w, d, ln);
	} else if (mode == MODE_BLACKOUT) {
		if (kind == LINE_BLANK)
			put_blank(w, d, ln);
		else
			render_blackout(w, d, ln,
			    i == pt->first ? label_kept(p, d, pt) : 0);
	}
}

/*
 * Writes line i of the release (or nothing, for a line it removes), recording its changes.
 * Returns 0, or -1 with err for a text line that belongs to no portion (a defect).
 */
static int
render_line(struct writer *w, const struct policy *p, const struct document *d,
    enum redact_mode mode, const struct captions *c, size_t i, struct run *run, char *err,
    size_t errlen)
{
	const struct doc_line *ln = doc_line(d, i);
	const struct redact_result *res = w->res;
	const struct marking *rollup = &res->rollup;
	enum line_kind kind = (enum line_kind)ln->kind;
	size_t out_start;

	/* A withheld run ends at any line that is not its portion's own. */
	if (run->portion != DOC_NONE && ln->portion != run->portion)
		close_run(w, d, run);
	out_start = res->out_len;
	/* What was written before line 1 (a caption, a byte order mark) is line 1's. */
	if (w->line_out != NULL)
		w->line_out[i] = i == 0 ? 0 : out_start;
	/*
	 * A page header, caption, authority, declassification or TAGS line inside a withheld
	 * portion goes with it: its grammar may hold words of the text around it.
	 */
	if ((kind == LINE_PAGE || kind == LINE_CAPTION || kind == LINE_TAGS ||
	    kind == LINE_DECLASS || kind == LINE_AUTHORITY) && ln->portion != DOC_NONE &&
	    redact_decision(res, d, ln->portion)->rule != RULE_RELEASED)
		kind = LINE_TEXT;
	/* Every text line has a decided portion: copying one that has none is a defect. */
	if (kind == LINE_TEXT && ln->portion == DOC_NONE) {
		snprintf(err, errlen, "line %zu: text that belongs to no portion; nothing was written "
		    "(a defect: please report it)", i + 1);
		w->failed = true;
		w->unowned = true;
		return -1;
	}
	switch (kind) {
	case LINE_BANNER:
		render_banner(w, p, d, i, rollup, c->captioned, i == c->first_banner ? c->lost : 0);
		break;
	case LINE_ROUTING_CLASS:
		render_routing_class(w, p, d, i, rollup);
		break;
	case LINE_CAPTION:
		render_caption(w, p, d, i, rollup);
		break;
	case LINE_AUTHORITY:
		/*
		 * The authority block goes with an unclassified release, and with any release that
		 * may not see the document's own marking: its lines are free text, so they are
		 * shown only to those who may see the header.
		 */
		if (rollup->level == 0 || !res->docmark_released)
			add_change(w, CHANGE_AUTHORITY, d, i, i, out_start);
		else
			put_line(w, d, ln);
		break;
	case LINE_DECLASS:
		if (rollup->level == 0 && !(ln->span_end - ln->span_start >= 3 &&
		    strncasecmp(d->data + ln->off + ln->span_start, "N/A", 3) == 0)) {
			put(w, d->data + ln->off, ln->span_start);
			puts_w(w, "N/A");
			put_eol(w, d, ln);
			add_change(w, CHANGE_AUTHORITY, d, i, i, out_start);
		} else {
			put_line(w, d, ln);
		}
		break;
	case LINE_PAGE:
		/* The first banner again, on a later page: it says what the first says. */
		if (ln->banner_copy)
			render_banner(w, p, d, i, rollup, c->captioned, 0);
		else
			put_line(w, d, ln);
		break;
	case LINE_ROUTING:
	case LINE_TAGS:
		put_line(w, d, ln);
		break;
	case LINE_TEXT:
	case LINE_BLANK:
		if (ln->portion == DOC_NONE) {
			/* A blank line between portions. Where a removed line stood between two
			 * blank lines, keep one. */
			if (!(ln->kind == LINE_BLANK && !ln->rule && w->removed &&
			    w->removed_at == res->out_len && ends_blank(w)))
				put_kept(w, d, ln);
		} else if (redact_decision(res, d, ln->portion)->rule == RULE_RELEASED) {
			if (!(kind == LINE_TEXT && doc_portion(d, ln->portion)->first == i &&
			    render_remarked(w, p, d, i, out_start)))
				put_kept(w, d, ln);
		} else {
			render_withheld(w, p, d, mode, i, kind, run, out_start);
		}
		break;
	}
	/* Line 1 in no change of its own, nor in a withheld run: the caption's change. */
	if (w->lead && i == 0 && run->portion == DOC_NONE)
		add_change(w, CHANGE_CAPTION, d, 0, 0, 0);
	return 0;
}

/*
 * Notes the portions that begin on line i and were withheld because nothing could be proven of
 * them (redact_result.unproven). Portions begin in line order, and those that begin on line i
 * are still in a streamed reading's window.
 */
static void
note_unproven(struct writer *w, const struct document *d, size_t i)
{
	struct redact_result *r = w->res;

	for (; w->next_portion < d->nportions && doc_portion(d, w->next_portion)->first <= i;
	    w->next_portion++) {
		const struct redact_decision *dc = redact_decision(r, d, w->next_portion);
		size_t line = doc_portion(d, w->next_portion)->first + 1;

		if (dc->rule != RULE_UNKNOWN_TOKEN && dc->rule != RULE_UNMARKED &&
		    dc->rule != RULE_REL_PARTIAL)
			continue;
		if (r->unproven++ == 0)
			r->unproven_first = line;
		if (!w->list_unproven)
			continue;
		if (r->unproven == w->ucap || w->ucap == 0) {
			size_t ncap = w->ucap == 0 ? 16 : 2 * w->ucap;
			struct redact_unproven *bigger = realloc(r->unproven_list,
			    ncap * sizeof(*bigger));

			if (bigger == NULL) {
				w->nomem = true;
				return;
			}
			r->unproven_list = bigger;
			w->ucap = ncap;
		}
		r->unproven_list[r->unproven - 1].line = line;
		r->unproven_list[r->unproven - 1].dc = dc;
	}
}

/* What a replayed reading renders each line with (render_each). */
struct render_state {
	struct writer *w;
	const struct policy *p;
	enum redact_mode mode;
	const struct captions *c;
	struct run *run;
};

/* Renders line i of a streamed document as its second reading passes it. */
static int
render_each(void *ctx, const struct document *d, size_t i, char *err, size_t errlen)
{
	struct render_state *rs = ctx;

	if (render_line(rs->w, rs->p, d, rs->mode, rs->c, i, rs->run, err, errlen) != 0)
		return -1;
	note_unproven(rs->w, d, i);
	return rs->w->nomem || rs->w->unwritable != 0 ? -1 : 0;
}

/*
 * Decides and renders d. A streamed document (replay, with its matcher and name) is rendered
 * line by line as document_replay reads it again; any other from its lines.
 */
static int
render(const struct policy *p, const struct document *d, const struct marking *target,
    enum redact_mode mode, const struct redact_sink *sink, bool changes, size_t *line_out,
    struct redact_result *res, const struct replay *replay, unsigned flags,
    const struct redact_change_sink *cs, char *err, size_t errlen)
{
	struct writer w;
	struct run run = { DOC_NONE, 0, 0, 0, 0, 0 };
	struct captions c;
	size_t i;
	bool replay_failed = false;

	if (d->streamed && replay == NULL) {
		snprintf(err, errlen, "a streamed document is rendered only as it is read again");
		return -1;
	}
	if (redact_decide(p, d, target, res, err, errlen) != 0)
		return -1;
	caption_facts(p, d, res, &c);
	memset(&w, 0, sizeof(w));
	w.res = res;
	w.record = changes && cs == NULL;
	w.cs = changes ? cs : NULL;
	res->changes_given = w.cs != NULL;
	w.sink = sink;
	w.line_out = line_out;
	w.list_unproven = (flags & REDACT_LIST_UNPROVEN) != 0;
	w.has_banner = d->has_banner;
	w.banner = d->banner;
	if (sink != NULL && (w.sbuf = malloc(SINK_BUFFER)) == NULL) {
		snprintf(err, errlen, "out of memory writing the release");
		redact_result_free(res);
		return -1;
	}
	if (c.lost != 0 && c.first_banner == DOC_NONE) {
		put_caption(&w, p, d, 0, c.lost);
		w.lead = true;
	}
	w.blank = d->bom == 0;
	put(&w, d->data, d->bom);
	if (d->streamed) {
		struct render_state rs = { &w, p, mode, &c, &run };

		replay_failed = document_replay(p, replay->matcher, replay->d, replay->origin,
		    render_each, &rs, err, errlen) != 0 && !w.nomem && !w.failed;
	} else {
		for (i = 0; i < d->nlines && !w.nomem && w.unwritable == 0; i++) {
			if (render_line(&w, p, d, mode, &c, i, &run, err, errlen) != 0)
				break;
			note_unproven(&w, d, i);
		}
	}
	close_run(&w, d, &run);
	if (w.pending && !w.nomem && !w.failed)
		give_change(&w);
	if (w.line_out != NULL)
		w.line_out[d->nlines] = res->out_len;
	if (w.sink != NULL) {
		sink_flush(&w);
		free(w.sbuf);
	}
	if (replay_failed || w.nomem || w.failed) {
		if (w.cs_failed)
			snprintf(err, errlen, "%s", w.cs_err);
		else if (replay_failed)
			;	/* err says why */
		else if (w.unwritable != 0)
			snprintf(err, errlen, "line %zu: the re-marked banner is too long to write; "
			    "nothing was written", w.unwritable);
		else if (!w.unowned)
			snprintf(err, errlen, "%s", w.failed ? "the release could not be written" :
			    "out of memory writing the release");
		redact_result_free(res);
		return -1;
	}
	return 0;
}

int
redact_stream_read(const struct policy *p, struct policy_matcher *matcher, struct document *d,
    const char *origin, const struct marking *target, enum redact_mode mode,
    const struct redact_sink *sink, unsigned flags, const struct redact_change_sink *changes,
    struct redact_result *res, char *err, size_t errlen)
{
	struct replay replay = { matcher, d, origin };

	return render(p, d, target, mode, sink, (flags & REDACT_CHANGES) != 0, NULL, res, &replay,
	    flags, changes, err, errlen);
}

void
redact_result_free(struct redact_result *res)
{
	if (res == NULL)
		return;
	free(res->out);
	free(res->by_mark);
	free(res->unproven_list);
	free(res->verdicts);
	free(res->changes);
	memset(res, 0, sizeof(*res));
}
