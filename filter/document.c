/* SPDX-License-Identifier: ISC */
/*
 * document: lines, their roles, and portions.
 */
#include "document.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "fold.h"
#include "reading.h"
#include "textio.h"

/* The longest line that can be a structure line (banner, caption, routing...). */
#define STRUCTURE_MAX 1024

/*
 * How much of a line the head, caption and classification-line rules read, folded: a head is a
 * label and a mark, the others are short lines.
 */
#define READ_MAX 512
/* How far ahead or back the reader looks for a paragraph's end or a bracket's opening. */
#define OPEN_LINES 16

/* Whether s[0..n) is printable ASCII: no line end but LF and CR can be in it. */
static bool
plain_line(const char *s, size_t n)
{
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, s + i, 8);
		/* A byte of 0x80 or more, or one below 0x20 (tabs included: they are rare). */
		if ((w & 0x8080808080808080ull) != 0 ||
		    ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) != 0)
			return false;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/*
 * The length of a line end other than LF and CR at s[0..n): a vertical tab, a form feed, and
 * NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (U+0085, U+2028, U+2029; not byte 0x85 in
 * Latin-1): Unicode's mandatory breaks, where a reader shows a new line. 0 when none is there.
 */
static size_t
other_line_end(const char *s, size_t n, bool latin1)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '\v' || u[0] == '\f')
		return 1;
	/*
	 * U+2028 and U+2029 in UTF-8 end a line in a Latin-1 line too ("\xA0(U) ... \xE2\x80\xA9
	 * The"): as Latin-1 their bytes are mojibake nobody writes, and a viewer that reads the
	 * line as UTF-8 where it can shows a new line there.
	 */
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	/* In a Latin-1 line 0x85 is as likely CP1252's ellipsis as NEL: no line end. */
	if (!latin1 && n >= 2 && u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	return 0;
}

/* How a document is being read (document_read). */
enum pass {
	PASS_WHOLE,	/* every line and portion kept, as long as the budget allows */
	PASS_STREAM,	/* a window of lines and portions; the facts of every portion */
	PASS_REPLAY	/* the streamed read again, each line handed on as it is read */
};

/*
 * A streamed read keeps the lines from LINE_BACK before the one it reads to LINE_AHEAD after
 * it, and the portions those lines and the reader name. A read outside that window (a rule that
 * looks further) is noted, and the document is read whole instead.
 */
#define LINE_WINDOW (1u << 16)
#define LINE_AHEAD (1u << 12)
#define LINE_BACK (1u << 14)
#define PORTION_WINDOW (1u << 12)
#define PORTION_RECENT 16u
#define TOP_LINES 64

/* The next line of a document, found by split_next. */
struct splitter {
	size_t pos, next_nl, next_cr;
	bool first, first_cr;
	bool pieces;		/* a line being cut at other line ends: */
	size_t ppos, plen, pat, pk;
	unsigned char peol;
	bool platin1;
};

/*
 * A document's reading state beside its records: what a read outside the window finds (a
 * blank line of no portion, an empty portion), and what a streamed read needs.
 */
struct doc_miss {
	struct doc_line line;
	struct doc_portion portion;
	bool missed;
	enum pass pass;
	size_t budget;		/* PASS_WHOLE: bytes of records allowed, or 0 for any */
	size_t portion_cost;	/* ... counted for a portion, and for a line that may be re-marked */
	size_t nstructure;	/* ... such lines: banner, caption, routing, page and block lines */
	bool over;		/* ... and they were passed */
	struct splitter sp;	/* where the window's lines are split from */
	size_t evict_at;
	size_t line_window, line_ahead, line_back, portion_window;
	doc_line_fn fn;		/* PASS_REPLAY: called with each line once read */
	void *ctx;
	size_t nportions, nbanners, ncaptions;	/* PASS_REPLAY: what the streamed read found */
	/*
	 * Lines some rules read from anywhere (the document's top, for its post; the first
	 * banner's line), kept as they were read.
	 */
	struct doc_line top[TOP_LINES];
	size_t ntop;
	struct doc_line banner;
	size_t banner_line;
	size_t missed_line, missed_at;	/* the first read outside the window, for messages */
};

struct doc_line *
doc_line_missed(const struct document *d, size_t i)
{
	struct doc_miss *m = d->miss;

	if (m == NULL)
		abort();
	if (i < m->ntop)
		return &m->top[i];
	if (i == m->banner_line && i != DOC_NONE)
		return &m->banner;
	if (!m->missed)
		m->missed_line = i;
	m->missed = true;
	memset(&m->line, 0, sizeof(m->line));
	m->line.kind = LINE_BLANK;
	m->line.portion = DOC_NONE;
	return &m->line;
}

struct doc_portion *
doc_portion_missed(const struct document *d, size_t k)
{
	struct doc_miss *m = d->miss;

	(void)k;
	if (m == NULL)
		abort();
	m->missed = true;
	memset(&m->portion, 0, sizeof(m->portion));
	m->portion.with = DOC_NONE;
	return &m->portion;
}

static void
set_line(struct doc_line *ln, size_t off, size_t len, unsigned char eol, bool latin1)
{
	memset(ln, 0, sizeof(*ln));
	ln->off = off;
	ln->len = len;
	ln->eol = eol;
	ln->latin1 = latin1;
	ln->portion = DOC_NONE;
}

static void
split_init(const struct document *d, struct splitter *sp)
{
	memset(sp, 0, sizeof(*sp));
	sp->first = sp->first_cr = true;
	sp->pos = d->bom;
}

/*
 * The next line of the document, into *ln; false at its end. Lines end at "\n", "\r\n" and a
 * lone "\r", and at the other line ends of other_line_end. Each line is read as UTF-8 when it is
 * that, strictly, and as Latin-1 otherwise: one stray byte does not make a whole document
 * Latin-1.
 */
static bool
split_next(struct document *d, struct splitter *sp, struct doc_line *ln)
{
	const char *start, *nl, *cr;
	size_t end, len, k;
	unsigned char eol;

	if (sp->pieces) {
		start = d->data + sp->ppos;
		for (k = sp->pk; k < sp->plen; k++) {
			size_t n = other_line_end(start + k, sp->plen - k, sp->platin1);

			if (n == 0)
				continue;
			set_line(ln, sp->ppos + sp->pat, k - sp->pat, (unsigned char)n, sp->platin1);
			sp->pat = sp->pk = k + n;
			return true;
		}
		set_line(ln, sp->ppos + sp->pat, sp->plen - sp->pat, sp->peol, sp->platin1);
		sp->pieces = false;
		return true;
	}
	if (sp->pos >= d->len)
		return false;
	start = d->data + sp->pos;
	/* The next "\n" is found once and reused while CR-only lines are split before it. */
	if (sp->first || sp->pos > sp->next_nl) {
		sp->first = false;
		nl = memchr(start, '\n', d->len - sp->pos);
		sp->next_nl = nl != NULL ? (size_t)(nl - d->data) : d->len;
	}
	end = sp->next_nl;
	nl = end < d->len ? d->data + end : NULL;
	/* So is the next "\r", which most documents have none of, or one a line. */
	if (sp->first_cr || sp->pos > sp->next_cr) {
		sp->first_cr = false;
		cr = memchr(start, '\r', d->len - sp->pos);
		sp->next_cr = cr != NULL ? (size_t)(cr - d->data) : d->len;
	}
	cr = sp->next_cr < end ? d->data + sp->next_cr : NULL;
	if (cr != NULL && (size_t)(cr - d->data) + 1 < end) {
		/* A carriage return inside the line: a CR-only line end. */
		len = (size_t)(cr - start);
		eol = 1;
	} else if (cr != NULL && nl != NULL) {
		len = (size_t)(cr - start);
		eol = 2;
	} else if (cr != NULL) {
		/* "\r" as the very last byte. */
		len = (size_t)(cr - start);
		eol = 1;
	} else {
		len = end - sp->pos;
		eol = nl != NULL ? 1 : 0;
	}
	/* Most lines are printable ASCII: nothing more to look for. */
	if (plain_line(start, len)) {
		set_line(ln, sp->pos, len, eol, false);
		sp->pos += len + eol;
		return true;
	}
	sp->pieces = true;
	sp->ppos = sp->pos;
	sp->plen = len;
	sp->peol = eol;
	sp->platin1 = !fold_utf8_valid(start, len);
	sp->pat = sp->pk = 0;
	d->utf8 = d->utf8 && !sp->platin1;
	sp->pos += len + eol;
	return split_next(d, sp, ln);
}

/*
 * Splits every line of the document into d->lines; with a budget, stops when the records would
 * pass it (d->miss->over). Returns 0, or -1 (out of memory).
 */
static int
split_lines(struct document *d, char *err, size_t errlen)
{
	struct doc_miss *m = d->miss;
	size_t cap = 256;

	if ((d->lines = malloc(cap * sizeof(*d->lines))) == NULL)
		goto nomem;
	split_init(d, &m->sp);
	for (;;) {
		if (d->nlines == cap) {
			struct doc_line *bigger;

			cap *= 2;
			if (m->budget != 0 && cap * sizeof(*d->lines) > m->budget) {
				m->over = true;
				return 0;
			}
			if ((bigger = realloc(d->lines, cap * sizeof(*d->lines))) == NULL)
				goto nomem;
			d->lines = bigger;
		}
		if (!split_next(d, &m->sp, &d->lines[d->nlines]))
			break;
		d->nlines++;
	}
	d->line_top = d->nlines;
	return 0;
nomem:
	snprintf(err, errlen, "out of memory splitting lines");
	return -1;
}

/*
 * The window's sizes; TEARLINE_TEST_WINDOW sets the lines it holds (at least 64; a quarter of
 * them before the line read, a sixteenth after it), for tests that let go of lines and
 * portions in small documents.
 */
static void
window_size(struct doc_miss *m)
{
	const char *e = getenv("TEARLINE_TEST_WINDOW");
	size_t n = e != NULL ? (size_t)strtoull(e, NULL, 10) : 0;

	m->line_window = LINE_WINDOW;
	m->line_ahead = LINE_AHEAD;
	m->line_back = LINE_BACK;
	m->portion_window = PORTION_WINDOW;
	if (n >= 64 && n < LINE_WINDOW) {
		m->line_window = n;
		m->line_back = n / 4;
		m->line_ahead = n / 16;
		m->portion_window = n / 16;
	}
}

/*
 * Counts the lines of the document (a streamed read knows how many there are before it reads
 * them) and opens its window. Returns 0, or -1 (out of memory).
 */
static int
window_open(struct document *d, char *err, size_t errlen)
{
	struct doc_miss *m = d->miss;
	struct doc_line scratch;

	split_init(d, &m->sp);
	d->nlines = 0;
	while (split_next(d, &m->sp, &scratch))
		d->nlines++;
	split_init(d, &m->sp);
	d->line_base = d->line_top = 0;
	d->nportions = d->portion_base = 0;
	window_size(m);
	m->evict_at = m->portion_window;
	if (d->lines == NULL && (d->lines = malloc(m->line_window * sizeof(*d->lines))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * Whether c is one of "([{", or NUL, as strchr finds it in that set: a test made for every
 * byte of a line, without a call.
 */
static bool
opening(char c)
{
	return c == '(' || c == '[' || c == '{' || c == '\0';
}

/* Whether w[0..n) is one of the n_list words of list. */
static bool
in_words(const char *const *list, size_t n_list, const char *w, size_t n)
{
	size_t l;

	if (n == 0)
		return false;
	for (l = 0; l < n_list; l++)
		if (list[l][0] == w[0] && strlen(list[l]) == n && memcmp(list[l], w, n) == 0)
			return true;
	return false;
}

/* Whether w[0..n) is one of the n_list words of list (lower case), in any case. */
static bool
in_words_any_case(const char *const *list, size_t n_list, const char *w, size_t n)
{
	size_t l;

	for (l = 0; l < n_list && n > 0; l++)
		if (strlen(list[l]) == n && strncasecmp(list[l], w, n) == 0)
			return true;
	return false;
}

/* Whether the last word of s[0..n), its letters, is one of the n_list words of list. */
static bool
last_word_in(const char *const *list, size_t n_list, const char *s, size_t n)
{
	size_t b = n;

	while (b > 0 && isalpha((unsigned char)s[b - 1]))
		b--;
	return in_words_any_case(list, n_list, s + b, n - b);
}

/* Whether c is one of ")]}", or NUL, as strchr finds it in that set. */
static bool
closing(char c)
{
	return c == ')' || c == ']' || c == '}' || c == '\0';
}

/*
 * Whether a line is a rule: three or more of one of "-=_*~", with spaces or tabs between and
 * nothing else. It holds no word, so a reader takes it as a blank line and a release may copy it.
 */
static bool
is_rule(const char *s, size_t len)
{
	size_t i, n = 0;
	char c = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			continue;
		if (c == 0 && strchr("-=_*~", s[i]) != NULL && s[i] != '\0')
			c = s[i];
		if (s[i] != c)
			return false;
		n++;
	}
	return n >= 3;
}

static bool
is_blank(const char *s, size_t len, bool latin1)
{
	struct fold f;
	size_t i;

	/* A quoted reply's empty line (">", "> >") is a blank line of the quote. */
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '>')
			break;
	if (i == len)
		return true;
	if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		return false;
	/*
	 * Spaces of every kind, characters that fold to nothing (zero-width ones, soft hyphens)
	 * and control characters: a line a reader sees as blank is one.
	 */
	fold_line(s, len, FOLD_MAX, latin1, &f);
	if (f.cut)
		return false;
	for (i = 0; i < f.len; i++)
		if (f.text[i] != ' ' && (unsigned char)f.text[i] != 0x80)
			return false;
	return true;
}

/*
 * The length of the character reference that ends s[0..len) where it shows as a space or as
 * nothing ("&nbsp;", "&shy;", "&#160;", "&#x200B;": fold_reference reads it), or 0.
 */
static size_t
blank_entity(const char *s, size_t len)
{
	size_t a;
	int32_t cp;

	for (a = len - 1; a > 0 && len - a < 32 && s[a] != '&'; a--)
		continue;
	if (s[a] != '&' || fold_reference(s + a, len - a, false, &cp) != len - a)
		return 0;
	return cp == 0xA0 || cp == 0xAD || (cp >= 0x2002 && cp <= 0x200F) || cp == 0x2060 ?
	    len - a : 0;
}

/*
 * The length of s[0..len) without the spaces it ends in: spaces and tabs, and in UTF-8 the no-break,
 * typographic, ideographic and zero-width spaces and the byte order mark; in Latin-1 the no-break
 * space.
 */
static size_t
trim_end(const char *s, size_t len, bool latin1)
{
	size_t k;

	for (;;) {
		const unsigned char *u = (const unsigned char *)s;

		if (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		else if (latin1 && len > 0 && (u[len - 1] == 0xA0 || u[len - 1] == 0xAD))
			len--;
		else if (!latin1 && len >= 2 && u[len - 2] == 0xC2 &&
		    (u[len - 1] == 0xA0 || u[len - 1] == 0xAD))
			len -= 2;
		else if (len >= 5 && s[len - 1] == ';' && (k = blank_entity(s, len)) > 0)
			len -= k;
		else if (!latin1 && len >= 3 && u[len - 3] == 0xE2 && u[len - 2] == 0x80 &&
		    (u[len - 1] <= 0x8B || u[len - 1] == 0xAF))
			len -= 3;
		else if (!latin1 && len >= 3 && ((u[len - 3] == 0xE3 && u[len - 2] == 0x80 &&
		    u[len - 1] == 0x80) || (u[len - 3] == 0xEF && u[len - 2] == 0xBB &&
		    u[len - 1] == 0xBF) || (u[len - 3] == 0xE2 && u[len - 2] == 0x81 &&
		    u[len - 1] == 0x9F)))
			len -= 3;
		else
			return len;
	}
}

/*
 * s[0..len) without the footnote references after its last mark or word, and the spaces around
 * them: digits and what parts or follows them ("(S//NF)1", "1/", "[1,2]", "¹⁻³", "¹.", "^1",
 * "{1}"), "*", daggers, superscript digits and the signs OCR makes of them ("°", "ª", "º"), "§",
 * "¶", in UTF-8, Latin-1 or Windows-1252.
 */
static size_t
trim_footnote(const char *s, size_t len, bool latin1)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t run = 0, digits = 0, k;
	bool figure = false;

	/* A figure at the end ("(U) 2,450", "10:00-11:30") is no footnote: nothing of it goes. */
	len = trim_end(s, len, latin1);
	for (k = len; k > 0 && (isdigit(u[k - 1]) || strchr(",;:./-", s[k - 1]) != NULL) &&
	    s[k - 1] != '\0'; k--) {
		if (isdigit(u[k - 1]) && (++run > 2 || ++digits > 4))
			return len;
		if (!isdigit(u[k - 1]))
			run = 0;
	}
	run = digits = 0;
	for (;;) {
		len = trim_end(s, len, latin1);
		/*
		 * Footnote references are short: no run of more than two digits, four in all
		 * ("[1,2]", "12"). What parts a longer number ("2,450", "202-555-0100",
		 * "10:00-11:30") is a figure's, and ends the trimming.
		 */
		if (len > 0 && isdigit(u[len - 1])) {
			figure = figure || ++run > 2 || ++digits > 4;
		} else {
			run = 0;
		}
		if (len > 0 && (isdigit(u[len - 1]) || strchr("[]{}*^", s[len - 1]) != NULL) &&
		    s[len - 1] != '\0')
			len--;
		/* What parts or ends footnotes ("1/", "1,2", "¹⁻³", "¹."), not a sentence: "16).". */
		else if (len > 1 && !figure && strchr(",;:./-", s[len - 1]) != NULL &&
		    s[len - 1] != '\0' && s[len - 2] != ')' && !isalpha(u[len - 2]))
			len--;
		else if (latin1 && len > 0 && (u[len - 1] == 0xB9 || u[len - 1] == 0xB2 ||
		    u[len - 1] == 0xB3 || u[len - 1] == 0xB0 || u[len - 1] == 0xAA ||
		    u[len - 1] == 0xBA || u[len - 1] == 0xA7 || u[len - 1] == 0xB6 ||
		    u[len - 1] == 0x86 || u[len - 1] == 0x87))
			len--;
		else if (!latin1 && len >= 2 && u[len - 2] == 0xC2 && (u[len - 1] == 0xB9 ||
		    u[len - 1] == 0xB2 || u[len - 1] == 0xB3 || u[len - 1] == 0xB0 ||
		    u[len - 1] == 0xAA || u[len - 1] == 0xBA || u[len - 1] == 0xA7 ||
		    u[len - 1] == 0xB6))
			len -= 2;
		else if (!latin1 && len >= 3 && u[len - 3] == 0xE2 && ((u[len - 2] == 0x81 &&
		    ((u[len - 1] >= 0xB0 && u[len - 1] <= 0xB9) || u[len - 1] == 0xBB)) ||
		    (u[len - 2] == 0x80 && (u[len - 1] == 0xA0 || u[len - 1] == 0xA1))))
			len -= 3;
		else
			return len;
	}
}

/*
 * The end of the tag in angle brackets ("<sup>", "</sup>") or the entity ("&sup1;", "&#185;")
 * that opens s[k..n), or k where none does.
 */
static size_t
tag_end(const char *s, size_t n, size_t k)
{
	size_t e, max = s[k] == '<' ? 32 : 10;

	for (e = k + 1; e < n && e - k <= max; e++) {
		if (s[k] == '<' ? s[e] == '>' : s[e] == ';')
			return e > k + 1 ? e + 1 : k;
		if (s[k] == '<' ? s[e] == '<' : !isalnum((unsigned char)s[e]) && s[e] != '#')
			return k;
	}
	return k;
}

/* s[0..n) without a sentence's sign right after a closing bracket ("(T5).", "(T5),"). */
static size_t
sign_after_bracket(const char *s, size_t n)
{
	if (n > 1 && s[n - 1] != '\0' && strchr(".!?,;", s[n - 1]) != NULL &&
	    (s[n - 2] == ')' || s[n - 2] == ']' || s[n - 2] == '}'))
		return n - 1;
	return n;
}

/*
 * Whether the group in brackets that closes at s[c] stands right after a word: "the Office of
 * the Secretary (S).", a reference, not a mark after its sentence ("pause. (T5).").
 */
static bool
after_word(const char *s, size_t c)
{
	size_t k;

	for (k = c; k > 0 && c - k < 64 && strchr("([{", s[k - 1]) == NULL; k--)
		continue;
	if (k == 0 || c - k >= 64)
		return false;
	for (k--; k > 0 && s[k - 1] == ' '; k--)
		continue;
	return k > 0 && isalpha((unsigned char)s[k - 1]);
}

/*
 * s[0..len) without what may follow a mark at a paragraph's end (ends_in_mark): footnote
 * references (trim_footnote); one in brackets right after a closing bracket with a letter or
 * two ("(S//NF)[a]", "[FN1]", "{a}"); a letter or two after '^' or in a tag ("^a",
 * "<sup>a</sup>"); a letter alone right after a closing bracket ("(S//NF)I", OCR's "l" for
 * "1"); tags and entities ("<sup>1</sup>", "&sup1;"); quotation marks, a sentence's sign after
 * a bracket where no word stands right before its group ("pause. (T5)."; not "the Secretary
 * (S)."), and the spaces around them.
 */
static size_t
trim_note(const char *s, size_t len, bool latin1)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t was, k, letters;
	bool footnoted = false;

	do {
		was = len = trim_end(s, len, latin1);
		if (len == 0)
			break;
		if (strchr("\"'", s[len - 1]) != NULL && s[len - 1] != '\0') {
			len--;
		} else if (!latin1 && len >= 3 && u[len - 3] == 0xE2 && u[len - 2] == 0x80 &&
		    (u[len - 1] == 0x9D || u[len - 1] == 0x99)) {
			len -= 3;	/* a closing quotation mark */
		} else if (sign_after_bracket(s, len) < len && !after_word(s, len - 2)) {
			len--;
		} else if (s[len - 1] == '>' || s[len - 1] == ';') {
			for (k = len - 1; k > 0 && len - k <= 32 && s[k] != (s[len - 1] == '>' ?
			    '<' : '&'); k--)
				continue;
			if (k < len - 2 && tag_end(s, len, k) == len)
				len = k;
		} else if (strchr("]}", s[len - 1]) != NULL && s[len - 1] != '\0') {
			for (k = len - 1, letters = 0; k > 0 && len - k <= 6 &&
			    (isalnum(u[k - 1]) || s[k - 1] == ','); k--)
				letters += isalpha(u[k - 1]) != 0;
			if (k > 0 && k < len - 1 && letters <= 3 && s[k - 1] == (s[len - 1] == ']' ?
			    '[' : '{') && (k = trim_end(s, k - 1, latin1)) > 0 &&
			    strchr(")]}", s[k - 1]) != NULL)
				len = k;
			else if (letters > 0)
				break;	/* what may be a mark ("[T5]") */
		} else if (isalpha(u[len - 1])) {
			for (k = len - 1; k > 0 && len - k < 2 && isalpha(u[k - 1]); k--)
				continue;
			if (k > 0 && s[k - 1] == '^')
				len = k - 1;
			else if (k > 0 && s[k - 1] == '>')
				len = k;	/* "<sup>a</sup>" */
			else if (len - k == 1 && k > 0 && strchr(")]}", s[k - 1]) != NULL)
				len = k;
		}
		/* Once: what parts a figure stops it ("2,450"), and must stop it again. */
		if (len == was && !footnoted) {
			len = trim_footnote(s, len, latin1);
			footnoted = true;
		}
	} while (len != was);
	return len;
}

/*
 * Whether line s[0..len) is a field of a header: a name of at most three words, the first in
 * capitals or capitalised, a colon, and a value ("FROM: SIGINT Communications", "Run Date:
 * 07/07/2004"). A field ends at its line's end, as a sentence does.
 */
static bool
field_line(const char *s, size_t len)
{
	size_t i = 0, start, words = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '#' || s[i] == '*'))
		i++;
	start = i;
	if (i == len || !(s[i] >= 'A' && s[i] <= 'Z'))
		return false;
	while (i < len && i - start <= 24) {
		if (!isalpha((unsigned char)s[i]))
			return false;
		while (i < len && isalpha((unsigned char)s[i]))
			i++;
		words++;
		if (i < len && s[i] == ':')
			break;
		if (words == 3 || i + 1 >= len || s[i] != ' ')
			return false;
		i++;
	}
	if (i >= len || s[i] != ':' || i - start > 24)
		return false;
	for (i++; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return true;
	return false;
}

/* How a line ends (line_end). */
enum line_end {
	END_OPEN,	/* in no sentence end */
	END_UNKNOWN,	/* in what may be a mark and proves nothing */
	END_SENTENCE,	/* in a byte of the policy's sentence_end, or a closing quotation mark */
	END_MARK,	/* in a proven mark after text ("Title of the article (U)") */
	END_MARKS	/* a line of proven marks alone ("(SBU/NF)"): its text follows it */
};

/*
 * Where s[0..len) ends with a markup's closing tags after a mark taken off ("(S)</b>" is "(S)",
 * "(S)}" "(S)", "(S)[/b]" "(S)"): len where none stands so.
 */
static size_t
markup_tail(const char *s, size_t len)
{
	size_t lt;

	if (len > 1 && s[len - 1] == '}' && s[len - 2] == ')')
		return len - 1;
	if (len < 4 || (s[len - 1] != '>' && s[len - 1] != ']'))
		return len;
	for (lt = len - 1; lt > 0 && s[lt] != (s[len - 1] == '>' ? '<' : '['); lt--)
		continue;
	if (lt == 0 || s[lt - 1] != ')' || s[lt + 1] != '/' ||
	    reading_markup_at(s, len, lt) != len - lt)
		return len;
	return lt;
}

/*
 * How line s[0..len) ends: in a sentence end (the policy's sentence_end), in a proven mark after
 * text, in what may be a mark and proves nothing, or in none of these. A line of marks alone
 * ("(S//NF)") ends in none.
 */
static enum line_end line_end_of(const struct policy *p, const char *s, size_t len, bool latin1);

static enum line_end
line_end(const struct policy *p, const char *s, size_t len, bool latin1)
{
	struct fold f;
	size_t n = len;

	size_t k;

	/*
	 * A line with a character the fold reads as ASCII, that ends in a bracket folded
	 * ("（SBU/NF）", "（SBU/NF）)", full width), is read folded, as the reader reads its mark;
	 * any other, as it is.
	 */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	for (k = 0; k < n && (unsigned char)s[k] < 0x80; k++)
		continue;
	if (k == n)
		return line_end_of(p, s, len, latin1);
	fold_line(s, n, FOLD_MAX, latin1, &f);
	if (f.cut || f.len == 0 || f.text[f.len - 1] != ')')
		return line_end_of(p, s, len, latin1);
	return line_end_of(p, f.text, f.len, false);
}

/*
 * Whether s[0..n), in any case, is an abbreviation a number follows ("No", "Art", "Vol", "Corp",
 * "Jan") or names, or cuts short a word that names, a part of a document ("encl", "annex").
 */
static bool
part_word(const char *s, size_t n)
{
	static const char *const words[] = { "para", "paras", "sect", "encl", "enclosure", "attach",
	    "attachment", "atch", "annex", "memo", "incl", "sched", "schedule", "item", "appendix",
	    "appx", "chap", "chapter", "page", "line", "part", "note", "table", "exhibit", "tab",
	    "volume", "figure", "section", "article", "clause", "point", "reftel", "cable", "nos",
	    "art", "arts", "vol", "vols", "fig", "figs", "corp", "inc", "ltd", "sec", "secs", "ref",
	    "refs", "rev", "doc", "docs", "att", "est", "approx", "jan", "feb", "mar", "apr", "jun",
	    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel", "ext", "ser", "pub" };

	return in_words_any_case(words, sizeof(words) / sizeof(words[0]), s, n);
}

/*
 * The bytes of the superscript digit, minus, star or dagger that ends s[0..j), or 0: "¹", "⁴",
 * "⁻", "*", "†", "‡", in UTF-8 or Latin-1.
 */
static size_t
note_sign_end(const unsigned char *u, size_t j, bool latin1)
{
	if (j >= 1 && u[j - 1] == '*')
		return 1;
	if (latin1)
		return j >= 1 && (u[j - 1] == 0xB9 || u[j - 1] == 0xB2 || u[j - 1] == 0xB3) ? 1 : 0;
	if (j >= 2 && u[j - 2] == 0xC2 && (u[j - 1] == 0xB9 || u[j - 1] == 0xB2 || u[j - 1] == 0xB3))
		return 2;
	if (j >= 3 && u[j - 3] == 0xE2 && ((u[j - 2] == 0x81 && (u[j - 1] == 0xB0 ||
	    (u[j - 1] >= 0xB4 && u[j - 1] <= 0xBB))) || (u[j - 2] == 0x80 && (u[j - 1] == 0xA0 ||
	    u[j - 1] == 0xA1))))
		return 3;
	return 0;
}

/*
 * Whether s[0..len) ends in a sentence's full stop, question or exclamation mark, closing quotes
 * after it or none, then a footnote's sign glued to it: superscript digits (a range too), stars,
 * daggers ("basis.\u00b9", "basis.**", "said?\u2020", "basis.\"\u00b9"); a number of two digits
 * at most, bare, before a slash or after a caret ("basis.12", "basis.1/", "basis.^1"); in square
 * brackets, a list too (a markup's "[^1]": "basis.[3]", "basis.[1,2]"). A bare number or star
 * counts after a word in lower case of four letters or more, not an abbreviation's ("Law No.12",
 * "Art.5", "para.3", "Corp.*" are none); the others after any word or a year.
 */
static bool
footnote_after_stop(const char *s, size_t len, bool latin1)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t j = len, digits = 0, g, signs = 0, w;
	bool bare = false;

	while ((g = note_sign_end(u, j, latin1)) > 0 && signs < 6) {
		bare = bare || (g == 1 && u[j - 1] == '*');
		j -= g;
		signs++;
	}
	if (signs > 1 || (signs == 1 && u[j] != '*'))
		bare = false;
	if (signs == 0 && j > 0 && s[j - 1] == ']') {
		for (j--; j > 0 && (isdigit(u[j - 1]) || u[j - 1] == ',') && ++digits <= 8; j--)
			continue;
		if (digits == 0 || digits > 8 || j < 2)
			return false;
		j -= s[j - 1] == '^';
		if (s[j - 1] != '[')
			return false;
		j--;
	} else if (signs == 0 && j >= 3 && s[j - 1] == ')' && isdigit(u[j - 2])) {
		/* "(1)" */
		for (j--; j > 0 && isdigit(u[j - 1]) && ++digits <= 2; j--)
			continue;
		if (digits > 2 || j == 0 || s[j - 1] != '(')
			return false;
		j--;
	} else if (signs == 0 && j >= 2 && s[j - 1] == '/' && islower(u[j - 2]) &&
	    (j < 3 || !isalpha(u[j - 3]))) {
		/* "a/", a letter's note */
		j -= 2;
		j -= j > 0 && s[j - 1] == ' ';
	} else if (signs == 0) {
		bool slash = j > 0 && s[j - 1] == '/';

		j -= slash;
		while (j > 0 && isdigit(u[j - 1]) && ++digits <= 2)
			j--;
		if (digits == 0 || digits > 2)
			return false;
		j -= j > 0 && s[j - 1] == '^';
		bare = s[j] != '^' && !slash;
		/* "month. 1/": a note's number after a space */
		j -= slash && j > 0 && s[j - 1] == ' ';
	}
	while (j > 0 && (s[j - 1] == '"' || s[j - 1] == '\''))
		j--;
	if (j < 2 || j == len || strchr(".?!", s[j - 1]) == NULL)
		return false;
	if (!bare)
		return isalnum(u[j - 2]);
	/*
	 * A bare number or star after a word of three letters or more that is no abbreviation and
	 * names no part of a document ("Baghdad.12", "May.4"; not "Law No.12", "see encl.1").
	 */
	for (w = j - 1; w > 0 && isalpha(u[w - 1]); w--)
		continue;
	return j - 1 - w >= 3 && !part_word(s + w, j - 1 - w);
}

static enum line_end
line_end_of(const struct policy *p, const char *s, size_t len, bool latin1)
{
	bool proven = false;

	for (;;) {
		struct group g;
		size_t open;
		bool exotic = false;

		size_t t;

		if ((len = trim_end(s, len, latin1)) == 0)
			return proven ? END_MARKS : END_OPEN;
		/* Punctuation and emphasis after a closing bracket: "(SBU/NF).", "**(S)**". */
		for (t = len; t > 0 && strchr(".:;*]", s[t - 1]) != NULL && s[t - 1] != '\0'; t--)
			continue;
		if (t > 0 && t < len && s[t - 1] == ')')
			len = t;
		/* A markup's closing tags after a mark: "(SBU/NF)</b>", "(S)}", "(S)[/b]". */
		if ((t = markup_tail(s, len)) < len) {
			len = t;
			continue;
		}
		if (s[len - 1] != ')')
			break;
		for (open = len - 1; open > 0 && len - open <= p->reading.mark_max + 1; open--)
			if (s[open - 1] == '(' || s[open - 1] == ')')
				break;
		/* A closing bracket doubled ("(SBU/NF))") closes nothing: read past it. */
		if (open > 0 && open == len - 1 && s[open - 1] == ')') {
			len--;
			continue;
		}
		if (open == 0 || s[open - 1] != '(')
			break;
		/*
		 * "1.4(D)": an exemption code in a margin (a letter from a to h), glued to its
		 * number. The line ends where the text before it does; "2.5(S)" is a mark.
		 */
		if (open >= 4 && s[open - 2] == '4' && s[open - 3] == '.' && s[open - 4] == '1' &&
		    (open == 4 || !isalnum((unsigned char)s[open - 5])) && len - open == 2 &&
		    strchr("abcdefghABCDEFGH", s[open]) != NULL) {
			len = open - 1;
			while (len > 0 && (isdigit((unsigned char)s[len - 1]) || s[len - 1] == '.'))
				len--;
			if (proven)
				break;
			continue;
		}
		for (size_t k = open; k < len - 1; k++)
			exotic = exotic || (unsigned char)s[k] >= 0x80;
		if (exotic) {
			/* Read as the reader reads it: folded ("(\u200bSBU/NF)" is "(SBU/NF)"). */
			struct fold f;

			fold_line(s + open - 1, len - open + 1, FOLD_MAX, latin1, &f);
			if (!reading_group_at(p, &f, 0, &g))
				break;
		} else {
			reading_group(p, s + open, len - 1 - open, true, false, &g);
		}
		if (g.kind != GROUP_MARK && g.kind != GROUP_UNKNOWN &&
		    !(g.kind == GROUP_ITEM && g.letter != 0 && g.item == ITEM_UPPER))
			break;
		if (g.kind == GROUP_UNKNOWN)
			return END_UNKNOWN;
		proven = true;
		len = open - 1;
	}
	if (proven) {
		size_t k, tag;

		/* Text before the marks, or marks alone (after a bullet, emphasis, a bracket). */
		while (len > 0 && strchr(" \t-*([", s[len - 1]) != NULL && s[len - 1] != '\0')
			len--;
		/* Or after a markup's tags alone ("<b>(S//NF)", "\\textbf{(S)}"). */
		for (k = 0; k < len; k += tag)
			if ((tag = s[k] == ' ' ? 1 : reading_markup_at(s, len, k)) == 0)
				break;
		return len > 0 && k < len ? END_MARK : END_MARKS;
	}
	if (s[len - 1] != '\0' && strchr(p->reading.sentence_end, s[len - 1]) != NULL)
		return END_SENTENCE;
	if (footnote_after_stop(s, len, latin1))
		return END_SENTENCE;
	if (field_line(s, len))
		return END_SENTENCE;
	/*
	 * A right double or single quotation mark in UTF-8; in a Latin-1 line, as Windows writes
	 * them (0x94, 0x92), or a right guillemet.
	 */
	if (!latin1 && len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
	    (unsigned char)s[len - 2] == 0x80 &&
	    ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99))
		return END_SENTENCE;
	if (latin1 && ((unsigned char)s[len - 1] == 0x94 || (unsigned char)s[len - 1] == 0x92 ||
	    (unsigned char)s[len - 1] == 0xBB))
		return END_SENTENCE;
	return END_OPEN;
}

/*
 * Whether a line ends a sentence, so that a mark on the next line may start a new portion: in a
 * sentence end or a proven mark after text. One that ends with what may be a mark and proves
 * nothing, or a line of marks alone, ends none: a mark after it joins and can only raise.
 */
static bool
ends_sentence(const struct policy *p, const char *s, size_t len, bool latin1)
{
	enum line_end e = line_end(p, s, len, latin1);

	return e == END_SENTENCE || e == END_MARK;
}

/*
 * The hash of marking m in the set of interned markings: of everything marking_identical
 * compares, keyed with the document's key (SipHash), so that no document can be written
 * whose markings all fall in one place of the set.
 */
static uint64_t
marking_hash(const struct document *d, const struct marking *m)
{
	unsigned char buf[16 + POLICY_MAX_COUNTRIES / 8 + sizeof(m->unknown_token)], h[8];
	size_t n = 0, words = POLICY_MAX_COUNTRIES / 64, t;
	uint64_t v;

	buf[n++] = (unsigned char)m->level;
	buf[n++] = (unsigned char)m->fd;
	buf[n++] = (unsigned char)(m->unknown | m->rel_partial << 1 | m->fd_conflict << 2 |
	    m->denied_foreign << 3 | m->denied_public << 4 | m->denied_document << 5);
	memcpy(buf + n, &m->controls, sizeof(m->controls));
	n += sizeof(m->controls);
	while (words > 0 && m->rel.bits[words - 1] == 0)
		words--;
	memcpy(buf + n, m->rel.bits, words * sizeof(m->rel.bits[0]));
	n += words * sizeof(m->rel.bits[0]);
	t = strnlen(m->unknown_token, sizeof(m->unknown_token));
	memcpy(buf + n, m->unknown_token, t);
	n += t;
	crypto_shorthash(h, buf, n, d->intern_key);
	memcpy(&v, h, sizeof(v));
	return v;
}

/* An interned marking and its place in document.marks. */
struct interned {
	struct marking m;	/* first: a pointer to it is one to the marking */
	uint32_t index;
};

/* What an interned marking costs, with its allocation, its slots in the set and in marks. */
#define MARK_COST (sizeof(struct interned) + 64)

/*
 * Whether a whole reading's records, with `more` portions or lines that may be re-marked to
 * come, pass its budget (each of those may become a change the audit holds until the end); if
 * so, says so in err and marks the reading over.
 */
static bool
records_over(struct document *d, size_t more, char *err, size_t errlen)
{
	struct doc_miss *m = d->miss;

	if (m->budget == 0 || (d->nportions + m->nstructure + more) * m->portion_cost +
	    d->nlines * sizeof(*d->lines) + d->nmarks * MARK_COST <= m->budget)
		return false;
	m->over = true;
	snprintf(err, errlen, "the document's records pass their budget");
	return true;
}

/*
 * Whether a whole reading that has read its first `read` lines, an eighth of them or more, is
 * bound to pass its budget: its records so far, taken at the same rate over the lines left, pass
 * it. It stops there and the document is streamed (document_read), rather than read whole up to
 * the budget and then twice more. A document whose records thin out further on may be streamed
 * where it would have fitted: the same reading, in two passes instead of one. It says so in err,
 * as records_over does.
 */
static bool
records_bound_over(struct document *d, size_t read, char *err, size_t errlen)
{
	struct doc_miss *m = d->miss;
	size_t fixed = d->nlines * sizeof(*d->lines), records;

	if (read < d->nlines / 8 || read >= d->nlines || fixed >= m->budget)
		return false;
	records = (d->nportions + m->nstructure) * m->portion_cost;
	if (records / read <= (m->budget - fixed) / d->nlines)
		return false;
	m->over = true;
	snprintf(err, errlen, "the document's records pass their budget");
	return true;
}

/* Grows *p (of n elements of `size` bytes) when n is 0 or a power of two. Returns 0 or -1. */
static int
grow(void *p, size_t n, size_t size)
{
	void **pp = p, *bigger;
	size_t ncap = n < 16 ? 16 : 2 * n;

	if (n >= 16 && (n & (n - 1)) != 0)
		return 0;
	if (n != 0 && n < 16)
		return 0;
	if (ncap > ((size_t)-1) / size || (bigger = realloc(*pp, ncap * size)) == NULL)
		return -1;
	*pp = bigger;
	return 0;
}

/* The index into document.marks of an interned marking, plus one; 0 for NULL. */
static uint32_t
mark_index(const struct marking *m)
{
	return m == NULL ? 0 : ((const struct interned *)(const void *)m)->index + 1;
}

/*
 * The document's copy of marking m: one per distinct marking, so that portions share them.
 * Returns it, or NULL (out of memory).
 */
static const struct marking *
intern(struct document *d, const struct marking *m)
{
	size_t i, mask;
	struct interned *copy;

	if (d->ninterned * 2 >= d->interned_cap) {
		size_t ncap = d->interned_cap == 0 ? 64 : d->interned_cap * 2, k;
		struct marking **slots = calloc(ncap, sizeof(*slots));

		if (slots == NULL)
			return NULL;
		for (k = 0; k < d->interned_cap; k++) {
			if (d->interned[k] == NULL)
				continue;
			for (i = marking_hash(d, d->interned[k]) & (ncap - 1); slots[i] != NULL;
			    i = (i + 1) & (ncap - 1))
				;
			slots[i] = d->interned[k];
		}
		free(d->interned);
		d->interned = slots;
		d->interned_cap = ncap;
	}
	mask = d->interned_cap - 1;
	for (i = marking_hash(d, m) & mask; d->interned[i] != NULL; i = (i + 1) & mask)
		if (marking_identical(d->interned[i], m))
			return d->interned[i];
	if (d->nmarks >= d->marks_max || d->nmarks >= FACT_MARKS_MAX) {
		d->marks_over = true;
		return NULL;
	}
	if (grow(&d->marks, d->nmarks, sizeof(*d->marks)) != 0 ||
	    (copy = malloc(sizeof(*copy))) == NULL)
		return NULL;
	copy->m = *m;
	copy->index = (uint32_t)d->nmarks;
	d->marks[d->nmarks++] = &copy->m;
	d->interned[i] = &copy->m;
	d->ninterned++;
	return &copy->m;
}

/* Says why intern failed, in err. */
static void
intern_failed(const struct document *d, char *err, size_t errlen)
{
	if (d->marks_over)
		snprintf(err, errlen, "more than %zu distinct markings in a document of %zu bytes: "
		    "refused (a limit)", d->marks_max, d->len);
	else
		snprintf(err, errlen, "out of memory");
}

/*
 * Starts a portion at line `line`: marked with *mark (interned), or unmarked when mark is NULL.
 * Returns its index, or DOC_NONE with err (out of memory).
 */
static size_t
open_portion(struct document *d, size_t *cap, size_t line, const struct marking *mark, char *err,
    size_t errlen)
{
	struct doc_portion *pt;

	if (d->nportions >= UINT32_MAX - 1) {
		snprintf(err, errlen, "more than %u portions: refused (a limit)", UINT32_MAX - 2);
		return DOC_NONE;
	}
	if (d->nportions - d->portion_base == *cap) {
		struct doc_portion *bigger;
		size_t ncap = *cap == 0 ? 64 : *cap * 2;

		if ((bigger = realloc(d->portions, ncap * sizeof(*bigger))) == NULL) {
			snprintf(err, errlen, "out of memory");
			return DOC_NONE;
		}
		d->portions = bigger;
		*cap = ncap;
	}
	if (records_over(d, 1, err, errlen))
		return DOC_NONE;
	pt = &d->portions[d->nportions++ - d->portion_base];
	memset(pt, 0, sizeof(*pt));
	pt->first = pt->last = pt->last_text = line;
	pt->with = DOC_NONE;
	if (mark != NULL) {
		pt->marked = true;
		if ((pt->mark = intern(d, mark)) == NULL) {
			intern_failed(d, err, errlen);
			return DOC_NONE;
		}
	}
	return d->nportions - 1;
}

/*
 * Notes a banner line's marking in document.banners, and a caption line's controls and portion
 * in the caption entries (doc_caption_bits); the line's aux is the entry's index, the last one. A line
 * that says what the entry before says (a banner or caption repeated on every page) shares it,
 * so that these grow with what changes, not with the lines. A replay finds the first reading's
 * entries again, in the same order. Return 0, or -1 with err.
 */
static int
add_banner(struct document *d, const struct marking *m, char *err, size_t errlen)
{
	const struct marking *in;

	if ((in = intern(d, m)) == NULL) {
		intern_failed(d, err, errlen);
		return -1;
	}
	if (d->nbanners > 0 && d->banners[d->nbanners - 1] == in)
		return 0;
	if (d->miss->pass == PASS_REPLAY) {
		if (d->nbanners >= d->miss->nbanners || d->banners[d->nbanners] != in) {
			snprintf(err, errlen, "a banner line the first reading did not find (a defect)");
			return -1;
		}
		d->nbanners++;
		return 0;
	}
	if (grow(&d->banners, d->nbanners, sizeof(*d->banners)) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->banners[d->nbanners++] = in;
	return 0;
}

static int
add_caption(struct document *d, uint64_t bits, size_t portion, char *err, size_t errlen)
{
	size_t n = d->ncaptions;

	/* A portion number is below UINT32_MAX - 1 (open_portion), so UINT32_MAX says none. */
	if (n > 0 && doc_caption_bits(d, n - 1) == bits && doc_caption_portion(d, n - 1) == portion)
		return 0;
	if (d->miss->pass == PASS_REPLAY) {
		if (n >= d->miss->ncaptions || doc_caption_bits(d, n) != bits ||
		    doc_caption_portion(d, n) != portion) {
			snprintf(err, errlen, "a caption line the first reading did not find (a defect)");
			return -1;
		}
		d->ncaptions++;
		return 0;
	}
	if (facts_set(&d->caption_lo, n, (uint32_t)bits) != 0 ||
	    facts_set(&d->caption_hi, n, (uint32_t)(bits >> 32)) != 0 ||
	    facts_set(&d->caption_at, n, portion == DOC_NONE ? UINT32_MAX : (uint32_t)portion) != 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	d->ncaptions++;
	return 0;
}

static bool
group_set(const PCRE2_SIZE *ov, int g)
{
	return g > 0 && ov[2 * g] != PCRE2_UNSET;
}

/* Whether a word of s[0..n) is a control's name or alias ("NOFORN", "SENSITIVE") or "REL". */
static bool
names_control(const struct policy *p, const char *s, size_t n)
{
	size_t k = 0;

	while (k < n) {
		char up[POLICY_WORD_MAX + 1];
		size_t un = 0;
		const struct policy_term *t;

		while (k < n && !isalnum((unsigned char)s[k]))
			k++;
		while (k < n && isalnum((unsigned char)s[k])) {
			if (un < POLICY_WORD_MAX)
				up[un++] = (char)toupper((unsigned char)s[k]);
			k++;
		}
		if (un == 0)
			continue;
		up[un] = '\0';
		if ((un == 3 && memcmp(up, "REL", 3) == 0) ||
		    ((t = policy_term_find(p, up, un)) != NULL && t->control >= 0))
			return true;
	}
	return false;
}

/*
 * How many bytes of s[0..n) its first words take that are controls, one word each (letters,
 * digits and '-': "NOFORN", "SBU-NF", "SENSITIVE"), up to the end of the last such word.
 */
static size_t
leading_controls(const struct policy *p, const char *s, size_t n)
{
	size_t k = 0, end = 0;

	for (;;) {
		char up[POLICY_WORD_MAX + 1];
		size_t un = 0, start;
		const struct policy_term *t;

		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		start = k;
		while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-')) {
			if (un < POLICY_WORD_MAX && isalnum((unsigned char)s[k]))
				up[un++] = (char)toupper((unsigned char)s[k]);
			k++;
		}
		if (k == start || un == 0 || (t = policy_term_find(p, up, un)) == NULL ||
		    t->control < 0)
			return end;
		end = k;
	}
}

/* Parses a banner match into ln and *m; returns whether the level is a marking. */
static bool
take_banner(const struct policy *p, const struct policy_rule *r, const char *s,
    const PCRE2_SIZE *ov, struct doc_line *ln, struct marking *m)
{
	char buf[512];
	size_t ls = ov[2 * r->g_level], le = ov[2 * r->g_level + 1];
	size_t cs = le, ce = le;
	size_t n;

	if (group_set(ov, r->g_controls)) {
		cs = ov[2 * r->g_controls];
		ce = ov[2 * r->g_controls + 1];
	}
	if ((le - ls) + (ce - cs) >= sizeof(buf))
		return false;
	memcpy(buf, s + ls, le - ls);
	memcpy(buf + (le - ls), s + cs, ce - cs);
	n = (le - ls) + (ce - cs);
	if (marking_parse(p, buf, n, MARKING_BANNER, m) != 1)
		return false;
	/*
	 * What follows the level is kept as written; a control named in it still says what the
	 * document is ("UNCLAS SENSITIVE MUSCAT 001065", "S E C R E T NOFORN MUSCAT 001065").
	 */
	ln->span_start = (uint16_t)ls;
	ln->span_mid = (uint16_t)le;
	ln->span_end = (uint16_t)(ce > cs ? ce : le);
	ln->has_controls = ce > cs;
	if (group_set(ov, r->g_rest)) {
		size_t rs = ov[2 * r->g_rest], re = ov[2 * r->g_rest + 1];
		uint64_t bits = reading_words_controls(p, s + rs, re - rs);
		size_t c, lead = leading_controls(p, s + rs, re - rs);

		for (c = 0; c < p->ncontrols; c++)
			if ((bits >> c) & 1) {
				if (p->controls[c].kind == CONTROL_NOFORN)
					m->fd = FD_NOFORN;
				else
					m->controls |= (uint64_t)1 << c;
			}
		/*
		 * Controls right after the level ("S E C R E T NOFORN PARIS 001234") are the
		 * banner's own, re-marked with it; a control or REL anywhere else among the words
		 * after them would go out as written: no banner.
		 */
		if (lead > 0) {
			ln->span_end = (uint16_t)(rs + lead);
			ln->has_controls = true;
		}
		if (names_control(p, s + rs + lead, re - rs - lead))
			return false;
	}
	return true;
}

/* Matches every banner rule that may apply against line ln; returns 1 if it is a banner. */
static int
match_banner(const struct policy *p, const struct document *d, struct policy_matcher *md,
    const struct doc_line *ln, bool top, struct doc_line *out, char *msg, size_t msglen)
{
	const char *s = d->data + ln->off;
	struct marking m;
	size_t k;

	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		int rc;

		if (r->role != ROLE_BANNER || (r->scope != SCOPE_ANYWHERE && !top))
			continue;
		if ((rc = policy_match(p, r, s, ln->len, md, msg, msglen)) < 0)
			return -1;
		if (rc == 1 && take_banner(p, r, s, policy_matcher_ovector(md), out, &m))
			return 1;
	}
	return 0;
}

/* Whether line ln matches a routing rule. Returns 1, 0, or -1 on a match error. */
static int
match_routing(const struct policy *p, const struct document *d, struct policy_matcher *md,
    const struct doc_line *ln, char *msg, size_t msglen)
{
	size_t k;

	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		int rc;

		if (r->role != ROLE_ROUTING && r->role != ROLE_ROUTING_CLASS)
			continue;
		rc = policy_match(p, r, d->data + ln->off, ln->len, md, msg, msglen);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * Finds the routing header: the block of routing and blank lines that opens the document, when
 * the line after it is a banner. Sets *end to the first line after the block (0 when there is no
 * routing header), so routing rules apply to lines before *end only.
 */
static int
routing_block(const struct policy *p, struct document *d, struct policy_matcher *md,
    const char *origin, size_t *end, char *err, size_t errlen)
{
	char msg[POLICY_ERRLEN];
	struct doc_line scratch, ln;
	struct splitter sp;
	size_t i;
	int rc;
	bool any = false;

	*end = 0;
	/* Its own pass over the lines: a streamed read has only a window of them. */
	split_init(d, &sp);
	for (i = 0; split_next(d, &sp, &ln); i++) {
		if (is_blank(d->data + ln.off, ln.len, ln.latin1))
			continue;
		if (ln.len > STRUCTURE_MAX)
			return 0;
		memset(&scratch, 0, sizeof(scratch));
		if ((rc = match_banner(p, d, md, &ln, true, &scratch, msg, sizeof(msg))) < 0)
			goto fail;
		if (rc == 1) {
			if (any)
				*end = i;
			return 0;
		}
		if ((rc = match_routing(p, d, md, &ln, msg, sizeof(msg))) < 0)
			goto fail;
		if (rc == 0)
			return 0;
		any = true;
	}
	return 0;
fail:
	snprintf(err, errlen, "%s:%zu: %s", origin, i + 1, msg);
	return -1;
}

/*
 * Unmarked text takes the banner's marking, raised to every other banner and every mark in the
 * document: a banner that is lower than a portion is wrong, and never lowers what it covers; nor
 * does the first banner lower a later one (an unclassified cover note before a SECRET attachment
 * whose text is unmarked). A classification line outside the banner grammar ("Secret",
 * "SECRET/NOFORN") says the same as a banner. Sets d->docmark, when a banner or a classification
 * line gives one.
 */
static void
document_marking(const struct policy *p, struct document *d, uint64_t caption_handling,
    bool caption_noforn)
{
	size_t k;

	if (!d->has_banner && !d->has_class)
		return;
	d->docmark = d->has_banner ? d->banner : d->classes;
	if (d->has_class)
		marking_join(p, &d->docmark, &d->classes, &d->docmark);
	for (k = 0; k < d->nbanners; k++)
		marking_join(p, &d->docmark, d->banners[k], &d->docmark);
	for (k = 0; k < d->facts.n; k++) {
		uint32_t f = facts_get(&d->facts, k);

		if (f & FACT_MARKED)
			marking_join(p, &d->docmark, d->marks[(f >> FACT_MARK_SHIFT) - 1],
			    &d->docmark);
	}
	/* Unmarked text is under every caption, whatever its level, and every REL TO named. */
	marking_add_controls(p, &d->docmark, caption_handling);
	if (d->has_named_rel)
		marking_join(p, &d->docmark, &d->named_rel, &d->docmark);
	/* ... and the readers a paragraph of its own denies, and a level said of every part. */
	marking_join(p, &d->docmark, &d->denied, &d->docmark);
	if (d->has_everywhere)
		marking_join(p, &d->docmark, &d->everywhere, &d->docmark);
	/*
	 * ... and the level the cable was sent at: a routing header's security line above the
	 * banner's ("ZNY SSSSS" over "UNCLAS") leaves the lower one unproven.
	 */
	if (d->has_routing)
		marking_join(p, &d->docmark, &d->routing, &d->docmark);
	if (caption_noforn)
		d->docmark.fd = FD_NOFORN;
}

/*
 * Keeps portion k's facts (document.facts, withs) from its record, once nothing
 * can change it: at the end of the read, or when a streamed read lets it go. Returns 0 or -1.
 */
static int
keep_facts(struct document *d, size_t k)
{
	const struct doc_portion *pt = doc_portion(d, k);
	uint32_t f = 0;

	f |= pt->marked ? FACT_MARKED : 0;
	f |= pt->joined ? FACT_JOINED : 0;
	f |= pt->raises_unmarked ? FACT_RAISES_UNMARKED : 0;
	f |= pt->raises_back ? FACT_RAISES_BACK : 0;
	f |= pt->raises_prev ? FACT_RAISES_PREV : 0;
	f |= pt->marks_alone ? FACT_MARKS_ALONE : 0;
	f |= pt->stacked ? FACT_STACKED : 0;
	f |= (pt->unread & UNREAD_BREAK) ? FACT_UNREAD_BREAK : 0;
	f |= (pt->unread & UNREAD_CELL) ? FACT_UNREAD_CELL : 0;
	f |= pt->reason == REASON_LIST ? FACT_LIST : 0;
	f |= pt->blank_before ? FACT_BLANK_BEFORE : 0;
	if (facts_set(&d->facts, k, mark_index(pt->mark) << FACT_MARK_SHIFT | f) != 0)
		return -1;
	if (pt->with != DOC_NONE) {
		struct doc_with *run = d->nwiths > 0 ? &d->withs[d->nwiths - 1] : NULL;

		if (run != NULL && run->with == pt->with && run->last + 1 == k) {
			run->last = (uint32_t)k;
			return 0;
		}
		if (grow(&d->withs, d->nwiths, sizeof(*d->withs)) != 0)
			return -1;
		d->withs[d->nwiths].portion = d->withs[d->nwiths].last = (uint32_t)k;
		d->withs[d->nwiths++].with = (uint32_t)pt->with;
	}
	return 0;
}

/* Portion k's effective marking as settled so far, and whether it is known. */
static const struct marking *
fact_eff(const struct document *d, size_t k, bool *known)
{
	uint32_t f = facts_get(&d->facts, k);

	*known = (f & FACT_EFF_KNOWN) != 0;
	return d->marks[(f >> FACT_MARK_SHIFT) - 1];
}

/* Sets portion k's effective marking. Returns 0, or -1 (out of memory). */
static int
set_eff(struct document *d, size_t k, const struct marking *eff, bool known)
{
	const struct marking *in = intern(d, eff);

	if (in == NULL)
		return -1;
	return facts_set(&d->facts, k, mark_index(in) << FACT_MARK_SHIFT |
	    (facts_get(&d->facts, k) & FACT_FLAGS & ~(uint32_t)FACT_EFF_KNOWN) |
	    (known ? FACT_EFF_KNOWN : 0));
}

/* Which controls of captions apply to every classified portion (settle_markings). */
static uint64_t
caption_classified(const struct policy *p, const struct document *d, bool *noforn)
{
	uint64_t classified = 0, caption_lines = d->caption_lines & p->handling;
	size_t c;

	*noforn = false;
	for (c = 0; c < p->ncontrols; c++) {
		if (((d->captions >> c) & 1) && p->controls[c].kind == CONTROL_NOFORN)
			*noforn = true;
		/*
		 * A caption line of a handling control ("ORCON", "ATOMAL") says what the
		 * classified text of the document carries, as NOFORN does; one of an unclassified
		 * control (FOUO, SBU), and a control named among other words (a classification
		 * line's "TOP SECRET // SI / TK", which rolls up the portions), only what its
		 * unmarked text does.
		 */
		if (((caption_lines >> c) & 1) && !p->controls[c].unclassified_only)
			classified |= (uint64_t)1 << c;
	}
	return classified;
}

/*
 * A caption NOFORN or ORCON applies to every classified portion, and so do the readers a
 * paragraph of its own denies.
 */
static void
captioned(const struct policy *p, const struct document *d, uint64_t classified,
    struct marking *m)
{
	size_t k;

	if (m->level > 0) {
		marking_add_controls(p, m, classified);
		if (d->caption_noforn)
			m->fd = FD_NOFORN;
		for (k = 0; k < POLICY_MAX_COUNTRIES / 64; k++)
			m->denied.bits[k] |= d->denied.denied.bits[k];
		m->denied_foreign |= d->denied.denied_foreign;
	}
}

bool
document_own_marking(const struct policy *p, const struct document *d,
    const struct doc_portion *pt, struct marking *m)
{
	if (pt->mark == NULL)
		return false;
	*m = *pt->mark;
	captioned(p, d, d->caption_classified, m);
	return true;
}

/*
 * The join of the settled markings of portions [with, end) and whether each is known: what an
 * unmarked list item is taken with. The next item of the same list adds the portions since,
 * so that a list is joined once however long it is.
 */
struct list_join {
	size_t with, end;
	struct marking eff;
	bool known;
};

/* Portion k's effective marking before any mark after it raises it back (settle_markings). */
static void
settle_one(const struct policy *p, const struct document *d, size_t k, uint64_t classified,
    size_t *w, struct list_join *list, struct marking *eff, bool *known)
{
	uint32_t f = facts_get(&d->facts, k);
	bool doc_known = d->has_banner || d->has_class, other;

	if (f & FACT_MARKED) {
		*eff = *d->marks[(f >> FACT_MARK_SHIFT) - 1];
		*known = true;
		captioned(p, d, classified, eff);
		/*
		 * "The plan says (U) the route is open" as the first text of a SECRET document is
		 * unmarked text: the mark can only raise what it would be.
		 */
		if (f & FACT_RAISES_UNMARKED) {
			if (doc_known)
				marking_join(p, &d->docmark, eff, eff);
			*known = doc_known;
		}
	} else if (f & FACT_LIST) {
		/* An unmarked item of a list: the items before it and the paragraph. */
		marking_init(eff);
		*known = true;
	} else {
		*eff = d->docmark;
		*known = doc_known;
	}
	if ((f & FACT_JOINED) && k > 0) {
		marking_join(p, fact_eff(d, k - 1, &other), eff, eff);
		*known = *known && other;
	}
	/*
	 * An unmarked list item is taken with the paragraph the list is in and with every item
	 * since: which item it belongs under ("- (S) x" / "-- (U) y" / "- z") is not known.
	 */
	while (*w < d->nwiths && d->withs[*w].last < k)
		(*w)++;
	if (*w < d->nwiths && d->withs[*w].portion <= k && d->withs[*w].with < k) {
		size_t j = d->withs[*w].with;

		if (list->with != j) {
			list->with = list->end = j;
			list->known = true;
		}
		for (j = list->end; j < k; j++) {
			if (j == list->with)
				list->eff = *fact_eff(d, j, &other);
			else
				marking_join(p, &list->eff, fact_eff(d, j, &other), &list->eff);
			list->known = list->known && other;
		}
		list->end = k;
		marking_join(p, eff, &list->eff, eff);
		*known = *known && list->known;
	}
	/*
	 * What no mark proves: unmarked text after a break takes the document's marking too, a
	 * column parted by spaces is unknown. Neither raises another portion.
	 */
	if (f & FACT_UNREAD_BREAK) {
		if (doc_known)
			marking_join(p, &d->docmark, eff, eff);
		*known = *known && doc_known;
	}
	if (f & FACT_UNREAD_CELL)
		eff->unknown = true;
}

/*
 * Computes the document marking and every portion's effective marking, from the portions' facts.
 * Returns 0, or -1 (out of memory).
 */
static int settle_after(const struct policy *p, struct document *d, bool trailing);

static int
settle_markings(const struct policy *p, struct document *d)
{
	size_t k, w = 0;
	uint64_t classified = d->caption_classified = caption_classified(p, d,
	    &d->caption_noforn);
	struct list_join list = { DOC_NONE, DOC_NONE, { 0 }, true };

	document_marking(p, d, d->captions & p->handling, d->caption_noforn);
	for (k = 0; k < d->facts.n; k++) {
		struct marking eff;
		bool known;

		settle_one(p, d, k, classified, &w, &list, &eff, &known);
		/* A level said of a part no reader can place: every portion's. */
		if (d->has_everywhere)
			marking_join(p, &eff, &d->everywhere, &eff);
		if (set_eff(d, k, &eff, known) != 0)
			return -1;
	}
	/*
	 * A line of marks alone may be the mark of the text before it or of the text after it:
	 * where the document has one, marks are read both ways. No document proves which way they
	 * stand: whatever would prove it (what stands before the first line, under each) a line
	 * inserted or damaged can forge, and a signal of classification must only raise.
	 */
	return settle_after(p, d, d->has_alone);
}

/*
 * The raises that run from a portion back to those before it (settle_markings), from the end
 * of the document back:
 * - a mark that ends its paragraph marks the text before it: it raises every portion of the
 *   paragraph back to a blank line ("(U) The walrus source ..." / "... walk out. (S)"); `top`
 *   is what the marks after a portion in its paragraph raise it to, each to what it has been
 *   raised to itself, so that a paragraph is raised once however many of its portions end in
 *   a mark;
 * - a line of marks alone right after text raises the portion above it with its own mark, as it
 *   was read, and with those of the lines of marks alone right under it (`prev`, `stack`);
 * - where marks stand after their paragraphs (`trailing`), the mark a line of marks alone
 *   opens a portion with may be the text's above it, and the text's own is the next line of
 *   marks alone, wherever it stands: such a portion is raised by every portion after it up to
 *   that line's own mark, or, with none after it, to the end and the document's marking
 *   (`after`); any other portion, whatever opened it (a mark at its head or in mid-line, a list
 *   item), by what the next line of marks alone is raised to (its own mark and `after`: so a
 *   portion is kept only where that line is, and a release read again is read the same), or,
 *   with none after it, by the document's marking (`next`).
 */
static int
settle_after(const struct policy *p, struct document *d, bool trailing)
{
	struct marking top, prev, after = d->docmark, stack, next = d->docmark;
	bool top_known = false, raising = false, prev_known = false, raise_prev = false;
	bool after_known = true, stack_known = false, stacking = false, next_known = true;
	size_t k;

	for (k = d->facts.n; k-- > 0;) {
		uint32_t f = facts_get(&d->facts, k);	/* its flags; raising changes none */
		struct marking own, eff;
		bool own_known = false, known;

		if (f & (FACT_MARKS_ALONE | FACT_RAISES_PREV))
			own = *fact_eff(d, k, &own_known);
		if (raising) {
			marking_join(p, fact_eff(d, k, &known), &top, &eff);
			if (set_eff(d, k, &eff, known && top_known) != 0)
				return -1;
		}
		/* Joined farthest first, as each raised it in turn. */
		if (f & FACT_RAISES_BACK) {
			if (raising)
				marking_join(p, &top, fact_eff(d, k, &top_known), &top);
			else
				top = *fact_eff(d, k, &top_known);
			raising = true;
		}
		if (f & FACT_BLANK_BEFORE)
			raising = false;
		/*
		 * The portion right before a line of marks alone after text: raised by it, and so
		 * is the one before that where this one goes on with it with no blank line between
		 * (a classification line, a mark in mid-sentence: "(U) Background" / "Secret" /
		 * "(S//NF)").
		 */
		if (raise_prev) {
			marking_join(p, fact_eff(d, k, &known), &prev, &eff);
			if (set_eff(d, k, &eff, known && prev_known) != 0)
				return -1;
			raise_prev = (f & FACT_JOINED) && !(f & FACT_BLANK_BEFORE);
		}
		if (trailing && (f & FACT_MARKS_ALONE)) {
			marking_join(p, fact_eff(d, k, &known), &after, &eff);
			if (set_eff(d, k, &eff, known && after_known) != 0)
				return -1;
		} else if (trailing) {
			marking_join(p, fact_eff(d, k, &known), &next, &eff);
			if (set_eff(d, k, &eff, known && next_known) != 0)
				return -1;
		}
		if ((f & FACT_RAISES_PREV) && !(f & FACT_BLANK_BEFORE)) {
			prev = own;
			prev_known = own_known;
			if (stacking) {
				marking_join(p, &prev, &stack, &prev);
				prev_known = prev_known && stack_known;
			}
			raise_prev = true;
		}
		/* Lines of marks alone one under another ("(U)" / "(S)"): their marks together. */
		stacking = (f & FACT_STACKED) != 0;
		if (stacking) {
			stack = prev;
			stack_known = prev_known;
		}
		/*
		 * What follows portion k - 1, for `trailing`; a line of marks alone inside a
		 * sentence ("... from the" / "(U)" / "reserve account"), joined with it, only
		 * raises, and the text goes on past it. Kept only where it is used.
		 */
		if (!trailing) {
			continue;
		} else if ((f & (FACT_MARKS_ALONE | FACT_JOINED)) == FACT_MARKS_ALONE) {
			after = own;
			after_known = own_known;
			/* What it is raised to, so that what it raises is kept only where it is. */
			next = *fact_eff(d, k, &next_known);
		} else {
			marking_join(p, &after, fact_eff(d, k, &known), &after);
			after_known = after_known && known;
			/* One joined with what it interrupts adds its mark to the next one's. */
			if (f & FACT_MARKS_ALONE) {
				marking_join(p, &next, &own, &next);
				next_known = next_known && own_known;
			}
		}
	}
	return 0;
}

/* The longest post name a banner or page header is compared by ("RIO DE JANEIRO"). */
#define POST_MAX 32

/*
 * The end of the numbering that opens s[i..n): "TO PAGE 02", "SECTION 01 OF 04", and the spaces
 * around it.
 */
static size_t
skip_numbering(const char *s, size_t n, size_t i)
{
	static const char *const skip[] = { "TO ", "PAGE ", "SECTION ", "OF " };
	size_t k, was;

	do {
		was = i;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || isdigit((unsigned char)s[i])))
			i++;
		for (k = 0; k < sizeof(skip) / sizeof(skip[0]); k++)
			if (n - i >= strlen(skip[k]) &&
			    strncasecmp(s + i, skip[k], strlen(skip[k])) == 0) {
				i += strlen(skip[k]);
				break;
			}
	} while (i != was);
	return i;
}

/*
 * The post and cable number that line s[0..n) names after its level ("SECTION 01 OF 04 MUSCAT
 * 001065", "MUSCAT 00001065 002 OF 004", "PAGE 02 STATE 015113 182333Z"): the words in capitals
 * before the first number, spaces made one, into post[POST_MAX], and that number. Returns whether
 * the line names both.
 */
static bool
post_number(const char *s, size_t n, char *post, size_t *plen, unsigned long *number)
{
	size_t i = 0, len = 0, k;
	bool lower = true;

	*plen = 0;
	i = skip_numbering(s, n, i);
	for (k = i; k < n && !isdigit((unsigned char)s[k]); k++)
		lower = lower && !isupper((unsigned char)s[k]);
	while (i < n && !isdigit((unsigned char)s[i])) {
		char c = s[i++];

		if (c == '\t')
			c = ' ';
		/* A banner in lower case ("ankara 000348") names its post so too. */
		if (lower)
			c = (char)toupper((unsigned char)c);
		if (!(isupper((unsigned char)c) || strchr(" .'-", c) != NULL))
			return false;
		if (c == ' ' && (len == 0 || post[len - 1] == ' '))
			continue;
		/* Longer than any post: words, which the caller may not take for one. */
		if (len + 1 >= POST_MAX) {
			*plen = POST_MAX;
			return false;
		}
		post[len++] = c;
	}
	while (len > 0 && post[len - 1] == ' ')
		len--;
	if (len < 2 || i == n)
		return false;
	*plen = len;
	*number = 0;
	for (k = i; k < n && isdigit((unsigned char)s[k]); k++)
		if (*number < 100000000UL)
			*number = *number * 10 + (unsigned long)(s[k] - '0');
	/* A cable number has four digits or more ("B1" is an exemption, not a post). */
	return k - i >= 4;
}

/*
 * The reading of one document: what the rules remember from one line to the next.
 */
struct reader {
	/* The last table's header that named a paragraph's column, until a blank line. */
	struct table_head table;
	bool in_table;
	const struct policy *p;
	struct policy_matcher *md;
	struct document *d;
	const char *origin;
	char *err;
	size_t errlen;
	size_t pcap;
	size_t last_blank;	/* the last blank line read, or DOC_NONE */
	size_t break_line;	/* the last banner or classification line in the body, or DOC_NONE */
	size_t break_blank;	/* last_blank when break_line was read */
	/*
	 * The last line read that is not one a look back crosses (blank, page, banner, caption and
	 * classification lines: `solid`; and page-like lines too: `solid_text`), and the last
	 * page, banner, caption or page-like line: what a look back from the line being read finds,
	 * however many lines it would cross (note_solid).
	 */
	size_t solid, solid_text, crossing;
	size_t page;		/* the last line that is a page break (page_break), or DOC_NONE */
	/* marked_until_blank: from mub_from, the first blank or marked line is mub_at. */
	size_t mub_from, mub_at;
	bool mub_marked;
	bool solid_is_text, solid_breaks, solid_text_is_text;
	size_t tail_text;	/* the last text line of the newest portion */
	bool tail_lower;	/* whether a sentence goes on at that line's end (goes_on_at_end) */
	bool tail_open;		/* the same, in anything but a sentence's end */
	bool tail_cut;		/* ... or in a semicolon, a colon or a dash */
	bool tail_capital;	/* ... or in a word not all in lower case, in a line with lower
				 * case: open unless the line is a title (note_open) */
	size_t cur;		/* the portion text goes on in, or DOC_NONE */
	/*
	 * What the portions that left a sentence open when the next one began were marked (one
	 * unmarked: `open_unmarked`), since the last that ended one: text that goes on across a
	 * blank line or a page break after a portion that cut such a sentence (a footnote, a
	 * caption) may end it, and is raised to it (open_raise).
	 */
	bool open_set, open_unmarked;
	struct marking open_mark;
	size_t routing_end;	/* the routing header's lines are those before this */
	bool header;		/* before the first portion mark: header rules apply */
	bool top;		/* before the first text line */
	enum line_kind prev_kind;	/* of the last line that is not blank */
	size_t last_text;	/* the last text line, or DOC_NONE */
	size_t alone_at;	/* a line of marks alone opened this portion, and no text line
				 * but a classification line followed yet, or DOC_NONE */
	size_t alone_line;	/* the last line of marks alone, or DOC_NONE */
	size_t alone_portion;	/* the portion it opened */
	unsigned alone_prose;	/* lines of prose since, up to two (note_between) */
	size_t top_portion;	/* the portion the last line of marks alone before any text opened,
				 * or DOC_NONE: marks are read both ways once text comes in it */
	unsigned items[ITEM_KINDS];	/* the last list item of each kind at a line's head */
	uint32_t seen;		/* every letter seen as an item ("(b)", "(B)"), in either case */
	uint32_t seen_para;	/* ... in the paragraph after blank line seen_blank only */
	uint32_t labels_para;	/* the letters' labels ("B) ") of a list in its sentence */
	bool labels_end;	/* a sentence ended after the last of them */
	size_t seen_blank;
	size_t block;		/* the portion a list that a colon opened goes on in (goes_on), or
				 * DOC_NONE: its items go on in it */
	size_t text_end;	/* the line that closes a text a marked paragraph announced
				 * (announced_text): up to it, unmarked lines go on; or DOC_NONE */
	bool bulleted;		/* the current portion opened at a list item with a mark */
	size_t para;		/* ... and the portion of the paragraph that list is in */
	unsigned char unread;	/* what the next portion start opens holds that no mark proves */
	bool pending;		/* a banner or caption in the body raises the text after it */
	enum portion_reason pending_reason;
	struct marking raise;	/* ... to this */
	size_t banner_line;	/* the first banner's line, when a rule of the top read it, or
				 * DOC_NONE */
	char post[POST_MAX];	/* the post and cable number of the first banner that names them */
	size_t post_len;
	unsigned long number;	/* ... ("MUSCAT", 1065), or post_len 0 */
	/*
	 * A level stated of what follows (read_level_stated): the portions of the next
	 * `ahead_next` paragraphs after the statement's portion `ahead_from` and of the
	 * paragraphs it names by number (`ahead_paras`) are raised to ahead_mark as they open;
	 * `ahead_in` while one is being read.
	 */
	bool ahead_set, ahead_in;
	size_t ahead_next;
	uint64_t ahead_paras;
	struct marking ahead_mark;
	size_t ahead_from;
	/*
	 * A paragraph named by number is raised with what stands under it up to a paragraph of a
	 * higher number (`ahead_at`: its number, while one is read), its lettered subparagraphs
	 * and items among them. `paras_named` are those statements named (to the join
	 * `named_mark`), `paras_found` those the reader found above or below: one never found
	 * is no part the reader can place (read_all).
	 */
	size_t ahead_at;
	unsigned ahead_form;		/* ... how its number is written (number_form) */
	bool ahead_heading;		/* ... and a heading stood under it (under_paragraph) */
	uint64_t paras_named, paras_found;
	struct marking named_mark;
	size_t level_may;	/* the last text line that may state a level, or DOC_NONE */
	size_t level_said;	/* ... that states one by itself, or DOC_NONE */
	size_t level_open;	/* the last text line that ends no sentence, or DOC_NONE */
};

/* How a portion's marking relates to what is around it. */
enum relation {
	REL_OWN,	/* its own: a mark, an unknown mark, unmarked text */
	REL_JOINED,	/* raise-only: joined with the portion it interrupts (and with a pending
			 * raise of a banner or caption in the body) */
	REL_DOCUMENT	/* raise-only, with no portion before: it raises the document's marking */
};

/* The relation of a raise-only portion opened now. */
static enum relation
raising(const struct reader *rd)
{
	return rd->cur != DOC_NONE ? REL_JOINED : REL_DOCUMENT;
}

static bool goes_on_at_end(const struct document *d, size_t i, bool open);

static bool title(const struct document *d, size_t i);

/*
 * The last character of text line i that is not a blank ('\0' where it has none): its sentence
 * is left open in a semicolon, a colon or a dash ("couriers:", "Sohar;": note_tail).
 */
static char
last_char(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	size_t n = trim_end(d->data + ln->off, ln->len, ln->latin1);

	return n > 0 ? d->data[ln->off + n - 1] : '\0';
}

/* Line i is the newest portion's last text line (tail_text), and how a sentence ends there. */
static void
note_tail(struct reader *rd, size_t i)
{
	char c;

	rd->tail_text = i;
	rd->tail_lower = goes_on_at_end(rd->d, i, false);
	rd->tail_open = goes_on_at_end(rd->d, i, true);
	c = last_char(rd->d, i);
	rd->tail_cut = rd->tail_lower || (c != '\0' && strchr(";:-", c) != NULL);
	rd->tail_capital = !rd->tail_cut && rd->tail_open && isalpha((unsigned char)c);
}

/*
 * Portion k no longer has a blank line before it: in its record, or in its facts once its record
 * is let go (a replay's facts are the first pass's). Returns 0, or -1 with rd->err.
 */
static int
no_blank_before(struct reader *rd, size_t k)
{
	struct document *d = rd->d;

	if (k >= d->portion_base)
		doc_portion(d, k)->blank_before = false;
	else if (d->miss->pass != PASS_REPLAY && facts_set(&d->facts, k,
	    facts_get(&d->facts, k) & ~(uint32_t)FACT_BLANK_BEFORE) != 0) {
		snprintf(rd->err, rd->errlen, "out of memory");
		return -1;
	}
	return 0;
}

/*
 * Line i is text of the current portion: a portion after it no longer has a blank line between
 * it and the last text of this one. Returns 0, or -1 with rd->err.
 */
static int
note_text(struct reader *rd, size_t i)
{
	size_t next = rd->cur + 1;

	if (next == rd->d->nportions) {
		note_tail(rd, i);
		return 0;
	}
	return no_blank_before(rd, next);
}

/*
 * A streamed reading notes a byte of what each portion opens with; its replay checks it, so
 * that a second reading that went otherwise than the first stops before the line that portion
 * opens on is written (a defect; the run fails and leaves no release). Returns 0 or -1.
 */
static int
note_opened(struct reader *rd, const struct doc_portion *pt)
{
	struct document *d = rd->d;
	uint64_t h = (uint64_t)pt->first * 0x9E3779B97F4A7C15ull ^
	    (uint64_t)mark_index(pt->mark) * 0xC2B2AE3D27D4EB4Full ^
	    ((uint64_t)pt->reason << 8 | pt->label_end << 16 | pt->unread);
	uint8_t b = (uint8_t)(h >> 56 ^ h >> 24 ^ h);

	if (d->miss->pass == PASS_REPLAY) {
		if (rd->cur < d->nopened && d->opened[rd->cur] == b)
			return 0;
		snprintf(rd->err, rd->errlen, "%s:%zu: the second reading differs from the first "
		    "(a defect: please report it)", rd->origin, pt->first + 1);
		return -1;
	}
	if (grow(&d->opened, d->nopened, sizeof(*d->opened)) != 0) {
		snprintf(rd->err, rd->errlen, "out of memory");
		return -1;
	}
	d->opened[d->nopened++] = b;
	return 0;
}

/*
 * Notes where the current portion's mark stands in its first line, [at, end): where a release
 * writes what the portion carries, if more.
 */
static void
note_head_mark(struct reader *rd, size_t at, size_t end)
{
	struct doc_portion *pt = doc_portion(rd->d, rd->cur);

	if (end > at && end <= UINT16_MAX) {
		pt->mark_at = (uint16_t)at;
		pt->mark_len = (uint16_t)(end - at);
	}
}


static bool goes_on_lower(const struct document *d, size_t i, bool marked);
static size_t text_above(const struct policy *p, const struct document *d, size_t i);
static bool runs_through(const struct reader *rd, size_t i, bool adjacent);
static bool letter_is_text(const struct reader *rd, size_t i, const struct fold *f);
static bool left_open_above(const struct policy *p, const struct document *d, size_t i);
static size_t ends_sentence_above(const struct policy *p, const struct document *d, size_t i,
    const struct fold *line);
static int raise_across(struct reader *rd, size_t j);
static size_t rest_past_marks(const char *s, size_t n, size_t k);
static bool mark_in_wrapped_sentence(const struct policy *p, const struct document *d, size_t i,
    const struct fold *f, const struct head *h);
static bool item_before(const struct fold *f, size_t k, uint32_t seen);
static bool level_in_prose(const struct policy *p, const struct document *d, size_t i,
    struct marking *m, bool *split);
static void banner_split(const struct policy *p, const struct document *d, size_t i,
    struct marking *m);
static bool pairs_in_line(const struct policy *p, const char *s, size_t n, bool latin1,
    struct marking *m);

/*
 * Notes, as a portion begins, whether the portion before it (old) left its sentence open at its
 * last text line (tail_cut; tail_capital where that line is no title: "... his cousin, Sheikh",
 * not "Board Will Consider Application of COAs"): its marking joins those open since the last
 * sentence ended; a sentence ended clears them. Where the window no longer holds that portion
 * or line, the sentence counts as open, and what goes on raises to the document's marking.
 */
static void
note_open(struct reader *rd, size_t old)
{
	const struct doc_portion *pt;
	bool open;

	if (old == DOC_NONE || rd->tail_text == DOC_NONE) {
		rd->open_set = false;
		return;
	}
	if (old < rd->d->portion_base) {
		rd->open_set = rd->open_unmarked = true;
		return;
	}
	pt = doc_portion(rd->d, old);
	/*
	 * A classification line or a line of marks alone, with no text after it yet, ends no
	 * sentence and begins none: what was open stays open across it (a signal can only raise).
	 */
	if ((pt->reason == REASON_CLASS || pt->marks_alone) && rd->tail_text == pt->first)
		return;
	open = rd->tail_cut || (rd->tail_capital && (rd->tail_text < rd->d->line_base ||
	    !title(rd->d, rd->tail_text)));
	if (!open) {
		rd->open_set = false;
		return;
	}
	if (!rd->open_set) {
		rd->open_set = true;
		rd->open_unmarked = pt->mark == NULL;
		if (pt->mark != NULL)
			rd->open_mark = *pt->mark;
		return;
	}
	if (pt->mark != NULL)
		marking_join(rd->p, &rd->open_mark, pt->mark, &rd->open_mark);
	rd->open_unmarked = rd->open_unmarked || pt->mark == NULL;
}

/* Opens a portion at line i (see open_portion) and makes it the current one. */
static int
start(struct reader *rd, size_t i, const struct marking *mark, enum portion_reason reason,
    size_t label_end, enum relation rel)
{
	struct doc_portion *pt;
	struct marking m;
	size_t blank, old = rd->cur;

	note_open(rd, old);
	/* What a banner or caption in the body raised, a raise-only portion keeps. */
	if (rel == REL_JOINED && rd->pending && mark != NULL) {
		marking_join(rd->p, mark, &rd->raise, &m);
		mark = &m;
	}
	if ((rd->cur = open_portion(rd->d, &rd->pcap, i, mark, rd->err, rd->errlen)) == DOC_NONE)
		return -1;
	pt = doc_portion(rd->d, rd->cur);
	pt->reason = reason;
	pt->label_end = label_end <= rd->p->reading.label_max ? label_end : 0;
	pt->joined = rel == REL_JOINED;
	pt->raises_unmarked = rel == REL_DOCUMENT;
	pt->unread = rd->unread;
	/*
	 * Whether a blank line stands between the portion before and this one (settle_markings):
	 * not where this one is a line that goes on with that one across it, opened by a mark in
	 * mid-line (one inserted there must not part them), nor one after a banner or classification line
	 * that stands right under that portion's text ("... w26" / "TOP SECRET" / "" / "w27
	 * ..."): one inserted there must not part what it follows from what follows it.
	 */
	blank = rd->last_blank;
	if (blank != DOC_NONE && rd->break_line != DOC_NONE && blank > rd->break_line &&
	    (rd->tail_text == DOC_NONE || rd->break_line >= rd->tail_text))
		blank = rd->break_blank;
	pt->blank_before = rd->cur > 0 && !(rel == REL_JOINED && reason == REASON_MIDLINE) &&
	    blank != DOC_NONE && (rd->tail_text == DOC_NONE || blank > rd->tail_text);
	/*
	 * Nor where the text before the blank line ended in a word in lower case or a comma and
	 * this line goes on in lower case, after what may be a mark or not ("... cleared by the
	 * ministry" / "" / "S) with the police"): a sentence that a blank line or a page's break
	 * cut, which what this portion raises back raises across it.
	 */
	if (pt->blank_before && rd->tail_text != DOC_NONE && (rd->tail_lower || (rd->tail_open &&
	    rd->crossing != DOC_NONE && rd->crossing > rd->tail_text)) &&
	    goes_on_lower(rd->d, i, false))
		pt->blank_before = false;
	note_tail(rd, i);
	rd->unread = 0;
	if (rd->d->miss->pass != PASS_WHOLE && note_opened(rd, pt) != 0)
		return -1;
	rd->pending = false;
	rd->bulleted = false;
	rd->block = DOC_NONE;
	return 0;
}

/*
 * Notes the level a routing header's security line s[0..n) names, joined with any read before:
 * the level whose `routing` ends in a run of the same letter as the line's ("ZNY SSSS" and "ZNY
 * SSSSS" are SECRET's), E's EFTO's where the policy has it; one that names none is unknown.
 * document_marking raises unmarked text to it.
 */
static void
routing_level(const struct policy *p, struct document *d, const char *s, size_t n)
{
	struct marking m;
	size_t l, a, len;
	bool run;
	int c;

	marking_init(&m);
	m.unknown = true;
	/* The run of one letter the line ends in, four at least, after a space. */
	for (a = n; a > 0 && s[a - 1] == s[n - 1]; a--)
		continue;
	run = n > 0 && n - a >= 4 && a > 0 && s[a - 1] == ' ';
	for (l = 0; run && l < p->nlevels && m.unknown; l++) {
		const char *r = p->levels[l].routing;

		if (r == NULL || (len = strlen(r)) < 4 || r[len - 1] != s[n - 1] ||
		    r[len - 4] != s[n - 1])
			continue;
		m.unknown = false;
		m.level = (int)l;
	}
	/* "ZNY EEEEE": an unclassified cable encrypted for transmission only (EFTO). */
	if (m.unknown && run && s[n - 1] == 'E' && (c = policy_control_find(p, "EFTO", 4)) >= 0) {
		marking_init(&m);
		marking_add_controls(p, &m, (uint64_t)1 << c);
	}
	if (d->has_routing)
		marking_join(p, &d->routing, &m, &d->routing);
	else
		d->routing = m;
	d->has_routing = true;
}

/*
 * Whether authority line s[0..n) says the text was classified: CLASSIFIED BY, CLASSIFICATION
 * AUTHORITY, or a reason of 1.4 or 1.5 ("Reason: 1.4(d)"), with no CLASS: field (a FOIA
 * review's stamp) and no DECLASSIF. (DERIVED FROM names its sources, which may name their
 * marks: "Derived From: SECRET ... tk // orcon", a line a classified release keeps.)
 */
static bool
authority_classified(const char *s, size_t n)
{
	struct authority_scan a;

	reading_authority_scan(s, n, &a);
	return !a.class_field && !a.declassif && (a.classified_by || (a.reason && a.four));
}

/* The most blanks (spaces, tabs, no-break spaces) past s[k], in s[0..n). */
static size_t
skip_blanks(const char *s, size_t n, size_t k)
{
	for (;;) {
		if (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		else if (k + 1 < n && (unsigned char)s[k] == 0xC2 &&
		    (unsigned char)s[k + 1] == 0xA0)
			k += 2;
		else if (k < n && (unsigned char)s[k] == 0xA0)
			k++;
		else
			return k;
	}
}

/*
 * A cable's security line wherever it stands in the document's first SECURITY_LINES lines,
 * whether or not the routing header around it reads (routing_block): ZNR or ZNY, in any case,
 * blanks of any kind, a run of four or five of one letter, and anything after a blank ("zny
 * sssss", "ZNY SSSSS ZOC"). Its level raises unmarked text (routing_level); a line it does not
 * prove is a header's is still the cable's word on its level.
 */
#define SECURITY_LINES 64

static void
security_lines(const struct policy *p, struct document *d)
{
	struct splitter sp;
	struct doc_line ln;
	size_t i;

	split_init(d, &sp);
	for (i = 0; i < SECURITY_LINES && split_next(d, &sp, &ln); i++) {
		const char *s = d->data + ln.off;
		char cls[10];
		size_t k = skip_blanks(s, ln.len, 0), b, run;

		if (ln.len - k < 8 || toupper((unsigned char)s[k]) != 'Z' ||
		    toupper((unsigned char)s[k + 1]) != 'N' ||
		    (toupper((unsigned char)s[k + 2]) != 'R' &&
		    toupper((unsigned char)s[k + 2]) != 'Y'))
			continue;
		b = skip_blanks(s, ln.len, k + 3);
		if (b == k + 3 || b >= ln.len || !isalpha((unsigned char)s[b]))
			continue;
		for (run = 1; b + run < ln.len && toupper((unsigned char)s[b + run]) ==
		    toupper((unsigned char)s[b]); run++)
			continue;
		if (run < 4 || run > 5 || (b + run < ln.len && isalnum((unsigned char)s[b + run])))
			continue;
		cls[0] = 'Z';
		cls[1] = 'N';
		cls[2] = (char)toupper((unsigned char)s[k + 2]);
		cls[3] = ' ';
		memset(cls + 4, toupper((unsigned char)s[b]), run);
		routing_level(p, d, cls, 4 + run);
	}
}

/*
 * Rule: the routing header (structure kept, its security line re-marked). Lines of the block that
 * opens a document before its banner, matched by the policy's routing rules only. Returns 1 when
 * line i is one, 0, or -1 on a match error.
 */
static int
read_routing(struct reader *rd, size_t i)
{
	const struct policy *p = rd->p;
	struct doc_line *ln = doc_line(rd->d, i);
	const char *s = rd->d->data + ln->off;
	char msg[POLICY_ERRLEN];
	size_t k, pass;

	/* The security line is tried before any other routing rule, whatever the policy's order. */
	for (pass = 0; pass < 2; pass++)
		for (k = 0; k < p->nrules; k++) {
			const struct policy_rule *r = &p->rules[k];
			int m;

			if (r->role != (pass == 0 ? ROLE_ROUTING_CLASS : ROLE_ROUTING) ||
			    ln->len > STRUCTURE_MAX || !policy_rule_may_match(r, s, ln->len))
				continue;
			if ((m = policy_match(p, r, s, ln->len, rd->md, msg, sizeof(msg))) < 0) {
				snprintf(rd->err, rd->errlen, "%s:%zu: %s", rd->origin, i + 1, msg);
				return -1;
			}
			/* A class rule whose class group took no part in the match does not match. */
			if (m == 0 || (pass == 0 &&
			    policy_matcher_ovector(rd->md)[2 * r->g_class] == PCRE2_UNSET))
				continue;
			ln->kind = pass == 0 ? LINE_ROUTING_CLASS : LINE_ROUTING;
			if (pass == 0) {
				const PCRE2_SIZE *ov = policy_matcher_ovector(rd->md);

				ln->span_start = (uint16_t)ov[2 * r->g_class];
				ln->span_end = (uint16_t)ov[2 * r->g_class + 1];
				routing_level(p, rd->d, s + ln->span_start,
				    (size_t)(ln->span_end - ln->span_start));
			}
			return 1;
		}
	return 0;
}

/* In the body, a banner or caption raises what goes on after it to m. */
static void
raise_after(struct reader *rd, const struct marking *m, enum portion_reason reason)
{
	if (rd->pending)
		marking_join(rd->p, &rd->raise, m, &rd->raise);
	else
		rd->raise = *m;
	rd->pending = true;
	rd->pending_reason = reason;
}

/* How many blanks (spaces, tabs, form feeds) line i begins with. */
static size_t
lead_blank(const struct document *d, const struct doc_line *ln)
{
	const char *s = d->data + ln->off;
	size_t k = 0;

	while (k < ln->len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\f'))
		k++;
	return k;
}

/* Whether lines a and b hold the same words, spaces around them and a form feed aside. */
static bool
same_line(const struct document *d, size_t a, size_t b)
{
	const struct doc_line *x = doc_line(d, a), *y = doc_line(d, b);
	size_t la = lead_blank(d, x), lb = lead_blank(d, y);
	const char *s = d->data + x->off + la, *t = d->data + y->off + lb;
	size_t n = x->len - la, m = y->len - lb;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == '\t'))
		m--;
	return n > 0 && n == m && memcmp(s, t, n) == 0;
}

/* The lines at a document's top where a routing header names its post. */
#define POST_LINES 64

/*
 * Whether the first post and cable number a banner names ("MUSCAT 001065") are shown to be a
 * post and a number, not the words of a title ("TOP SECRET OPERATION WALRUS OPLAN 5027"). After a
 * level written as cables write it (`cable`: letter-spaced, "S E C R E T", or the lowest): the
 * number is zero-padded to six digits ("001065"; a time, "0600", is four; a date, "240612", is
 * not padded), or section numbering stands before the post ("SECTION 1 OF 2 TEHRAN 2069"). After
 * a level written as a word, both ("CONFIDENTIAL SECTION 01 OF 03 KUALA LUMPUR 001446"). Or else
 * a line before this one, among the document's first
 * POST_LINES, names the post after its first word, as a word or a word's end ("FM AMEMBASSY
 * TEHRAN" above "UNCLASSIFIED TEHRAN 5055", "FM SECSTATE WASHDC" above "S E C R E T STATE
 * 116943").
 */
static bool
post_shown(const struct reader *rd, const char *s, size_t n, const char *post, size_t len,
    bool cable)
{
	const struct document *d = rd->d;
	size_t k = 0, digits = 0, i;
	bool section;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	/* Section numbering, not "TO" or "OF" alone ("SECRET TO JTF WALRUS OPORD 5027"). */
	section = n - k > 8 && strncasecmp(s + k, "SECTION ", 8) == 0 &&
	    skip_numbering(s, n, 0) > k + 8;
	if (section)
		k = skip_numbering(s, n, 0);
	while (k < n && !isdigit((unsigned char)s[k]))
		k++;
	while (k + digits < n && isdigit((unsigned char)s[k + digits]))
		digits++;
	/*
	 * Zero-padded (a date, "SITREP 240612", is not), or section numbering: either proves it
	 * after a level written as a cable's banner writes it; a level written as a word needs
	 * both ("SECRET OPERATION WALRUS SITREP 090612", "SECRET SECTION 1 OF 2 WALRUS 2406").
	 */
	if (cable ? section || (digits >= 6 && s[k] == '0') :
	    section && digits >= 6 && s[k] == '0')
		return true;
	/*
	 * A routing header's lines: the first POST_LINES of the document, so that a document of
	 * many title lines is not read again for each.
	 */
	for (i = 0; i < d->nlines && i < POST_LINES; i++) {
		const char *t = d->data + doc_line(d, i)->off;
		size_t tl = doc_line(d, i)->len, j;

		if (t <= s && s <= t + tl)
			break;	/* this line: only the lines before it count */
		for (j = 1; j + len <= tl; j++)
			if ((t[j - 1] == ' ' || isupper((unsigned char)t[j - 1])) &&
			    memcmp(t + j, post, len) == 0 &&
			    (j + len == tl || !isalnum((unsigned char)t[j + len])))
				return true;
	}
	return false;
}

/*
 * Whether the level a banner rule matched in line s is written as a cable's banner writes it,
 * letter-spaced ("S E C R E T", "C o n f i d e n t i a l"), or is the lowest ("UNCLAS",
 * "UNCLASSIFIED": words copied after it are releasable wherever it is).
 */
static bool
cable_level(const char *s, const PCRE2_SIZE *ov, const struct policy_rule *r)
{
	size_t ls, le;

	if (!group_set(ov, r->g_level))
		return false;
	ls = ov[2 * r->g_level];
	le = ov[2 * r->g_level + 1];
	return (le - ls >= 3 && s[ls + 1] == ' ') ||
	    (le - ls >= 6 && strncasecmp(s + ls, "UNCLAS", 6) == 0);
}

/* Whether s[0..n), letters in capitals, is a control's term. */
static bool
post_control(const struct policy *p, const char *s, size_t n)
{
	const struct policy_term *t = policy_term_find(p, s, n);

	return t != NULL && t->control >= 0;
}

/*
 * Whether the words of a post s[0..n) hold a control's term: a word ("UNCLAS EFTO ROME"), or
 * single letters spaced or dotted out ("UNCLAS E F T O ROME", "E.F.T.O."): a control, not a post.
 * (A level's, spaced out as a cable writes it, is the banner's own: "S E C R E T PARIS".)
 */
static bool
post_holds_term(const struct policy *p, const char *s, size_t n)
{
	char run[POLICY_WORD_MAX + 1];
	size_t k = 0, e, r = 0;

	while (k <= n) {
		for (e = k; e < n && isupper((unsigned char)s[e]); e++)
			continue;
		if (e - k == 1 && r < POLICY_WORD_MAX) {
			run[r++] = s[k];
		} else {
			if (r >= 2 && post_control(p, run, r))
				return true;
			r = 0;
			if (e - k >= 2 && post_control(p, s + k, e - k))
				return true;
		}
		k = e + 1;
	}
	return r >= 2 && post_control(p, run, r);
}

/*
 * Whether the post and cable number that s[0..n) names, if any, are the document's: those of
 * the first banner that names them, which this one is when `first` (a banner at the top, or the
 * first banner of all after a note that opens the document, before any mark). A page
 * header may cut the post short ("KUALA LUMP 00001446" for KUALA LUMPUR 001446). Words in
 * capitals before a number that are not the document's post may be free text: a line holding
 * them is no structure line.
 */
static bool
proven_post(struct reader *rd, const char *s, size_t n, bool first, bool cable)
{
	char post[POST_MAX];
	size_t len;
	unsigned long number;

	/* "SECTION 01 OF 04" alone names none. */
	if (skip_numbering(s, n, 0) == n)
		return true;
	/*
	 * Other words are what the policy's grammar for the line proves them; but words too long
	 * for a post ("COVERS THE WALRUS DEPOT AT GRID 443210") are text.
	 */
	if (!post_number(s, n, post, &len, &number))
		return len < POST_MAX;
	if (post_holds_term(rd->p, post, len))
		return false;
	if (rd->post_len == 0 && first) {
		if (!post_shown(rd, s, n, post, len, cable))
			return false;
		memcpy(rd->post, post, len);
		rd->post_len = len;
		rd->number = number;
		return true;
	}
	return rd->post_len > 0 && number == rd->number && len >= 3 && len <= rd->post_len &&
	    memcmp(post, rd->post, len) == 0;
}

static void pend_controls(struct reader *rd, uint64_t bits);

/*
 * Rule: structure lines of the policy's layout (banner, page header, authority block,
 * declassification line, TAGS). Kept or re-marked only where their grammar proves they hold no
 * text; inside a withheld portion the renderer withholds all but banners (document-wide
 * markings). A banner in the body raises the text that goes on after it. Returns 1 when line i is
 * one, 0, or -1 on a match error.
 */
/*
 * The first banner's line again, word for word, at line i inside a portion (read_structure): a
 * page header that holds nothing the first did not, withheld with a withheld portion; it raises
 * what follows as a banner does.
 */
static void
read_banner_copy(struct reader *rd, size_t i)
{
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	const struct doc_line *first = doc_line(d, rd->banner_line);
	size_t a = lead_blank(d, first), b = lead_blank(d, ln);

	ln->kind = LINE_PAGE;
	ln->portion = rd->cur;
	/* The same words, maybe indented otherwise: the first's spans, moved. */
	if (first->span_start >= a && first->span_end - a + b <= ln->len) {
		ln->banner_copy = true;
		ln->aux = first->aux;
		ln->span_start = (uint16_t)(first->span_start - a + b);
		ln->span_mid = (uint16_t)(first->span_mid - a + b);
		ln->span_end = (uint16_t)(first->span_end - a + b);
		ln->has_controls = first->has_controls;
	}
	raise_after(rd, &d->banner, REASON_BANNER);
}

/*
 * Line i, matched by banner rule r (ov its groups), as a banner. Returns 1 when it is one, 0
 * when it is not (the next rule is tried), -1 (out of memory).
 */
static int
read_banner(struct reader *rd, size_t i, const struct policy_rule *r, const PCRE2_SIZE *ov)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct marking bm;

	if (!take_banner(p, r, s, ov, ln, &bm))
		return 0;
	/* A banner's token stands at no portion's head: never quoted (SECURITY.md, rule 5). */
	bm.unknown_token[0] = '\0';
	/*
	 * What follows the level is copied as written: in the body, only the
	 * post and cable number of the banner at the top, proven so (controls
	 * before it are the banner's: take_banner).
	 */
	if (group_set(ov, r->g_rest) && !proven_post(rd, s + ln->span_end,
	    ov[2 * r->g_rest + 1] - ln->span_end,
	    rd->top || (rd->header && !d->has_banner), cable_level(s, ov, r)))
		return 0;
	/*
	 * In the body, a level's name that the text line above began counts too, as with a
	 * classification line ("... THE MINISTRY TOP" / "" / "SECRET//REL TO USA, GBR"): what goes
	 * on after the banner is read at the whole name (banner_split).
	 */
	if (!rd->top)
		banner_split(p, d, i, &bm);
	if (add_banner(d, &bm, rd->err, rd->errlen) != 0)
		return -1;
	ln->kind = LINE_BANNER;
	ln->aux = (uint32_t)(d->nbanners - 1);
	if (!d->has_banner) {
		d->has_banner = true;
		d->banner = bm;
		if (r->scope == SCOPE_TOP)
			rd->banner_line = i;
	}
	/*
	 * In the body, a banner (a page's, or another document's after a cover
	 * note) raises what goes on after it: that is the page's text, or the
	 * portion before it, never lower than either.
	 */
	if (!rd->top)
		raise_after(rd, &bm, REASON_BANNER);
	return 1;
}

static bool text_marks(const struct policy *p, const char *s, size_t n, size_t from,
    bool latin1, bool head, struct marking *m, bool *broke);

/* Whether the document's banner (one was read) covers marking m: joined with it, m adds nothing. */
static bool
banner_covers(const struct policy *p, const struct document *d, const struct marking *m)
{
	struct marking j;

	if (!d->has_banner)
		return false;
	marking_join(p, &d->banner, m, &j);
	return marking_equal(p, &j, &d->banner);
}

static int
read_structure(struct reader *rd, size_t i)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	char msg[POLICY_ERRLEN];
	size_t k;

	if (ln->len > STRUCTURE_MAX)
		return 0;
	/*
	 * The first banner's line again, word for word, where its form is one of the top only (a
	 * FOIA release's page header on every page), inside a portion: a page header that holds
	 * nothing the first did not, withheld with a withheld portion; it raises what follows as a
	 * banner does. Between portions it is text, as any line of a form the body does not know.
	 */
	if (!rd->top && rd->cur != DOC_NONE && rd->banner_line != DOC_NONE &&
	    same_line(d, rd->banner_line, i)) {
		read_banner_copy(rd, i);
		return 1;
	}
	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		const PCRE2_SIZE *ov;
		int m;

		if (r->role == ROLE_ROUTING || r->role == ROLE_ROUTING_CLASS ||
		    r->role == ROLE_SUBJECT)
			continue;
		if ((r->scope == SCOPE_HEADER && !rd->header) || (r->scope == SCOPE_TOP && !rd->top))
			continue;
		if (r->role == ROLE_AUTHORITY_TAIL && rd->prev_kind != LINE_AUTHORITY)
			continue;
		if (!policy_rule_may_match(r, s, ln->len))
			continue;
		if ((m = policy_match(p, r, s, ln->len, rd->md, msg, sizeof(msg))) < 0) {
			snprintf(rd->err, rd->errlen, "%s:%zu: %s", rd->origin, i + 1, msg);
			return -1;
		}
		if (m == 0)
			continue;
		ov = policy_matcher_ovector(rd->md);
		switch (r->role) {
		case ROLE_BANNER:
			if ((m = read_banner(rd, i, r, ov)) == 0)
				continue;
			return m;
		case ROLE_PAGE:
			/*
			 * One whose words are a level's or a caveat's, damaged or in pieces, is a
			 * classification line ("SEC RET KINGSTON 00000382  002 OF 002").
			 */
			if (reading_page_marked(p, s, ln->len))
				continue;
			/*
			 * A page header names the post and number of the banner at the top.
			 * One that names others may hold free words: it is text at the
			 * banner's marking (unknown with no banner), read as a page break.
			 */
			if (!proven_post(rd, s, ln->len, false, false)) {
				struct marking pm = d->banner;

				if (!d->has_banner) {
					marking_init(&pm);
					pm.unknown = true;
				}
				ln->kind = LINE_TEXT;
				ln->page_like = true;
				if (start(rd, i, &pm, REASON_CLASS, 0, raising(rd)) != 0)
					return -1;
				ln->portion = rd->cur;
				return 1;
			}
			ln->kind = LINE_PAGE;
			break;
		case ROLE_AUTHORITY:
		case ROLE_AUTHORITY_TAIL: {
			struct marking am;

			/*
			 * A line of the block that holds a mark the banner does not cover
			 * ("Reason: 1.4(c) (TS//SI)" under SECRET, "POC: J. Smith (S//NF)"
			 * under CUI) says more of the document than the banner: it is text,
			 * read with its marks, which raise it and the document. A mark the
			 * banner covers ("REASONS 1.4 (B), (C) and (D)" under SECRET) adds
			 * nothing to it.
			 */
			marking_init(&am);
			if (text_marks(p, s, ln->len, 0, ln->latin1, false, &am, NULL) &&
			    !banner_covers(p, d, &am))
				return 0;
			/*
			 * Controls its field names apply to unmarked text, as a banner's do, and
			 * to what goes on after it ("Limited Dissemination Control: FEDCON", "LDC:
			 * NOCON"); the block sums up the portions' marks, and says nothing more of
			 * them (its NOFORN is no caption's, which would take every portion).
			 */
			{
				struct fold af;
				uint64_t bits = 0;

				fold_line(s, ln->len, FOLD_MAX, ln->latin1, &af);
				if (reading_caption(p, &af, &bits, NULL) && bits != 0) {
					d->captions |= bits & p->handling;
					pend_controls(rd, bits);
				}
			}
			/*
			 * "Classified By: DCM William Grant for reasons 1.4 (b) and (d)": the
			 * text was classified; unmarked text under an UNCLAS banner is not proven
			 * unclassified, and takes the lowest classified level, as under a routing
			 * line's (not a FOIA review's stamp, "Classified by ... Class:
			 * CONFIDENTIAL", which names the level it reviewed).
			 */
			if (r->role == ROLE_AUTHORITY && p->nlevels > 1 &&
			    authority_classified(s, ln->len)) {
				marking_init(&am);
				am.level = 1;
				if (d->has_routing)
					marking_join(p, &d->routing, &am, &d->routing);
				else
					d->routing = am;
				d->has_routing = true;
			}
			ln->kind = LINE_AUTHORITY;
			break;
		}
		case ROLE_DECLASS:
			ln->kind = LINE_DECLASS;
			ln->span_start = (uint16_t)ov[2 * r->g_decl];
			ln->span_end = (uint16_t)ov[2 * r->g_decl + 1];
			break;
		case ROLE_TAGS:
			ln->kind = LINE_TAGS;
			break;
		default:
			continue;
		}
		/*
		 * Inside a portion, the line goes with it: withheld when it is. So does a
		 * declassification line in the body (its grammar admits a date or an exemption,
		 * "25X1-human", that may be the text's own); the header's stands between
		 * portions.
		 */
		if (ln->kind != LINE_DECLASS || !rd->header)
			ln->portion = rd->cur;
		return 1;
	}
	return 0;
}

/*
 * Rule: caption lines (structure; raise). A line of nothing but control names, in any case and
 * spacing ("NOFORN", "Noforn", "F O U O", "(NOFORN)"), applies its controls to the document: a
 * caption NOFORN to every classified portion, handling controls to unmarked text. In the body it
 * also raises the text that goes on after it. A line in capitals that names restrictive controls
 * among other words is text, but what it names applies all the same. A caption line inside a
 * portion is withheld with it.
 */

/*
 * Whether line i is short, with no digit and a letter: a caption's shape in any case, or with
 * `capitals` in capitals only; *lower is set where it has a letter in lower case.
 */
static bool
short_line(const struct document *d, size_t i, bool capitals, bool *lower)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t k, letters = 0;

	if (doc_line(d, i)->len == 0 || doc_line(d, i)->len > 60)
		return false;
	for (k = 0; k < doc_line(d, i)->len; k++) {
		if (isdigit((unsigned char)s[k]) || (capitals && islower((unsigned char)s[k])))
			return false;
		*lower = *lower || islower((unsigned char)s[k]);
		letters += isalpha((unsigned char)s[k]) != 0;
	}
	return letters > 0;
}

/* Whether line i is short, in capitals, with no digit: a caption's shape. */
static bool
caption_shaped(const struct document *d, size_t i)
{
	bool lower = false;

	return short_line(d, i, true, &lower);
}

/* What fold_across joins: the last 60 bytes of a line, a space, the first 60 of the next. */
#define ACROSS_MAX (2 * 60 + 1 + TEXT_PAD)

/*
 * Folds into *f the last 60 bytes of line a, a space and the first 60 of line b, joined in
 * both[ACROSS_MAX] (fold_across; level_across, where a page's lines may stand between).
 */
static void
fold_pair(const struct document *d, size_t a, size_t b, char *both, struct fold *f)
{
	const struct doc_line *la = doc_line(d, a), *lb = doc_line(d, b);
	size_t an = la->len < 60 ? la->len : 60, bn = lb->len < 60 ? lb->len : 60;

	memset(both, 0, ACROSS_MAX);
	memcpy(both, d->data + la->off + la->len - an, an);
	both[an] = ' ';
	memcpy(both + an + 1, d->data + lb->off, bn);
	fold_line(both, an + 1 + bn, READ_MAX, la->latin1 && lb->latin1, f);
}

/*
 * Folds into *f the last 60 bytes of line i, a space and the first 60 of line i + 1, joined in
 * both[ACROSS_MAX]: what runs on from one line to the next (controls_across, stated_across).
 */
static void
fold_across(const struct document *d, size_t i, char *both, struct fold *f)
{
	fold_pair(d, i, i + 1, both, f);
}

/*
 * The controls that line i and the next name only together, where a control's words run on
 * from one line to the other ("NOT RELEASABLE TO" / "FOREIGN NATIONALS"); `alone` is what line i
 * names by itself. *caption, where not NULL, says whether the two are one caption that the
 * next line alone is not ("WARNING NOTICE - INTELLIGENCE SOURCES" / "OR METHODS INVOLVED").
 */
static uint64_t
controls_across(const struct policy *p, const struct document *d, size_t i, uint64_t alone,
    bool *caption)
{
	const struct doc_line *b;
	char both[ACROSS_MAX];
	struct fold f;
	uint64_t bits = 0, next = 0;
	bool whole;

	if (caption != NULL)
		*caption = false;
	if (i + 1 >= d->nlines || !caption_shaped(d, i) || !caption_shaped(d, i + 1))
		return 0;
	b = doc_line(d, i + 1);
	fold_line(d->data + b->off, b->len, READ_MAX, b->latin1, &f);
	if (!reading_caption(p, &f, &next, NULL))
		next = reading_named_controls(p, &f);
	fold_across(d, i, both, &f);
	if (!(whole = reading_caption(p, &f, &bits, NULL)))
		bits = reading_named_controls(p, &f);
	if (caption != NULL)
		*caption = whole && bits != 0 && next == 0;
	return bits & ~alone & ~next;
}

/*
 * A REL TO list named at a line's end after a separator ("Source details -- REL TO USA",
 * "ROSTER (REL TO USA, GBR)"): into *m at the lowest level. Returns whether there is one.
 */
static bool
named_rel(const struct policy *p, const struct fold *f, struct marking *m)
{
	const char *s = f->text;
	size_t k, e = f->len;
	char buf[FOLD_MAX + 64];

	for (k = 0; k + 7 <= f->len; k++)
		if ((s[k] == 'R' || s[k] == 'r') && strncasecmp(s + k, "REL TO ", 7) == 0 &&
		    (k == 0 || strchr(" -:/(|", s[k - 1])))
			break;
	if (k + 7 > f->len || (k > 0 && s[k - 1] == ' ' && (k < 2 || isalnum((unsigned char)s[k - 2]))))
		return false;
	while (e > k && strchr(" .;)]", s[e - 1]) != NULL)
		e--;
	snprintf(buf, sizeof(buf), "%s//%.*s", p->levels[0].banner[0], (int)(e - k), s + k);
	return marking_parse(p, buf, strlen(buf), MARKING_BANNER, m) == 1 && !m->unknown &&
	    m->fd == FD_REL;
}

/*
 * A caption in brackets right under a line of text ("(SI/NF)", OCR's "(S//NF)"; "($//NF)") may
 * be the paragraph's mark, after it, damaged or with its level gone: the portion of that line
 * is raised to unknown and raises its paragraph back to a blank line, as a mark at a
 * paragraph's end does (ends_in_mark). The caption still applies to what follows. Returns 0, or
 * -1 with rd->err.
 */
static int
caption_under_text(struct reader *rd, size_t i, const struct fold *f)
{
	struct document *d = rd->d;
	struct doc_portion *pt;
	struct marking m;
	size_t k;

	for (k = 0; k < f->len && f->text[k] == ' '; k++)
		continue;
	if (k == f->len || (f->text[k] != '(' && f->text[k] != '[') || rd->cur == DOC_NONE ||
	    rd->last_text == DOC_NONE || rd->last_text >= i)
		return 0;
	/* Banner lines between are read past ("... text" / "S E C R E T" / "(NF)"). */
	for (k = rd->last_text + 1; k < i; k++)
		if (doc_line(d, k)->kind != LINE_BANNER)
			return 0;
	if (doc_line(d, rd->last_text)->portion != rd->cur)
		return 0;
	pt = doc_portion(d, rd->cur);
	if (pt->mark != NULL)
		m = *pt->mark;
	else
		marking_init(&m);
	m.unknown = true;
	if ((pt->mark = intern(d, &m)) == NULL) {
		intern_failed(d, rd->err, rd->errlen);
		return -1;
	}
	pt->raises_back = true;
	return 0;
}

/*
 * Raises the portion read now to m as well: a mark the line's own readers did not count
 * (mark_in_sentence); not unmarked text, whose marking is the document's. Returns 0, or -1 with
 * rd->err.
 */
static int
raise_portion(struct reader *rd, const struct marking *m)
{
	struct doc_portion *pt = doc_portion(rd->d, rd->cur);
	struct marking joined;

	if (pt->mark == NULL) {
		/*
		 * Unmarked text takes the document's marking; what it names raises that as a mark
		 * that only raises does ("... the ministry TOP" / "" / "SECRET with").
		 */
		if (m->level == 0 && !m->unknown && m->controls == 0 && m->fd == FD_NONE &&
		    !marking_denies(m))
			return 0;
		pt->marked = true;
		pt->raises_unmarked = true;
		if ((pt->mark = intern(rd->d, m)) == NULL) {
			intern_failed(rd->d, rd->err, rd->errlen);
			return -1;
		}
		return 0;
	}
	marking_join(rd->p, pt->mark, m, &joined);
	if ((pt->mark = intern(rd->d, &joined)) == NULL) {
		intern_failed(rd->d, rd->err, rd->errlen);
		return -1;
	}
	return 0;
}

/*
 * As raise_portion, and the portion raises its paragraph back to a blank line: m may be a mark
 * that stands after the text it marks. Returns 0, or -1 with rd->err.
 */
static int
raise_back(struct reader *rd, const struct marking *m)
{
	if (raise_portion(rd, m) != 0)
		return -1;
	doc_portion(rd->d, rd->cur)->raises_back = true;
	return 0;
}

/*
 * Text line j above the current portion's line ends a sentence that the current portion goes on:
 * no portion after j's, the current one too, has a blank line before it any more, so that what
 * the current one raises back runs across the blank lines and a page's lines between to j's
 * paragraph ("... held" / "" / "MUSCAT 00001065 002 OF 004" / "" / "SECRET."). Only raises.
 * Returns 0, or -1 with rd->err.
 */
static int
raise_across(struct reader *rd, size_t j)
{
	size_t q = doc_line(rd->d, j)->portion, k;

	if (q == DOC_NONE)
		return 0;
	for (k = q + 1; k <= rd->cur; k++)
		if (no_blank_before(rd, k) != 0)
			return -1;
	return 0;
}

/*
 * Line i begins with the rest of a level's name that a text line above began (level_split): the
 * portion that opened at line i raises back past the blank lines between as well ("... cleared
 * by the ministry TOP" / "" / "SECRET with the police"), and past a page's lines there, since
 * the name marks both. Returns 0, or -1 with rd->err.
 */
static int
split_back(struct reader *rd, size_t i)
{
	struct doc_portion *pt = doc_portion(rd->d, rd->cur);
	size_t up = text_above(rd->p, rd->d, i);

	pt->raises_back = true;
	if (pt->first == i)
		pt->blank_before = false;
	return up != DOC_NONE ? raise_across(rd, up) : 0;
}

/*
 * Whether line i, no caption by itself, and the next are one caption wrapped over two lines
 * ("HANDLE VIA BYEMAN" / "CONTROL SYSTEM ONLY"); *bits is what line i names, alone or with the
 * next (controls_across), and the caption has no label.
 */
static bool
wrapped_caption(const struct policy *p, const struct document *d, size_t i, const struct fold *f,
    uint64_t *bits, bool *labelled)
{
	uint64_t named = reading_named_controls(p, f);
	bool whole;

	*bits = named | controls_across(p, d, i, named, &whole);
	*labelled = false;
	return whole;
}

static bool names_readers(const struct policy *p, const char *s, size_t n);

/*
 * Whether line i and the next, each short with no digit (short_line), are a caveat in words
 * wrapped over two lines ("US/UK" / "EYES ONLY", "NOT RELEASABLE TO" / "AUS, CAN, NZL", "US/UK"
 * / "Eyes Only"): reading_caveat_line of the two joined, into *m.
 */
static bool
caveat_across(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	char both[ACROSS_MAX];
	struct fold f;
	bool lower = false;

	if (i + 1 >= d->nlines || !short_line(d, i, false, &lower) ||
	    !short_line(d, i + 1, false, &lower))
		return false;
	fold_across(d, i, both, &f);
	/* Not in capitals, only one that names readers ("US/UK" / "Eyes Only"). */
	if (!reading_caveat_line(p, &f, false, m))
		return false;
	return !lower || m->fd == FD_REL || names_readers(p, f.text, f.len);
}

/*
 * The stated controls whose name runs on from line i to the next in a wrapped sentence ("This
 * cable is sensitive but" / "unclassified."), read on the two joined (fold_across).
 */
static uint64_t
stated_across(const struct policy *p, const struct document *d, size_t i)
{
	char both[ACROSS_MAX];
	struct fold f;

	if (i + 1 >= d->nlines || doc_line(d, i)->len == 0 || doc_line(d, i + 1)->len == 0)
		return 0;
	fold_across(d, i, both, &f);
	return reading_stated_controls(p, &f);
}

/*
 * A caveat stated in a sentence of unmarked text, on line i or running on to the next ("This
 * cable is sensitive but unclassified."): it applies to the document and to what goes on after
 * it, as a caption does. A portion's own mark says what its text is: "(U) THIS CABLE IS
 * SENSITIVE BUT UNCLASSIFIED" is a (U) portion, and "the vehicles are for official use only"
 * in one is prose.
 */
static void
read_stated(struct reader *rd, size_t i, const struct fold *f)
{
	uint64_t bits;

	if (rd->cur == DOC_NONE || doc_portion(rd->d, rd->cur)->marked)
		return;
	bits = reading_stated_controls(rd->p, f) | stated_across(rd->p, rd->d, i);
	if (bits != 0) {
		rd->d->captions |= bits;
		pend_controls(rd, bits);
	}
}

/*
 * The number of the paragraph line i opens with ("2. The", "2. (C) The" after a paragraph sign,
 * "(2) The", "PARA 2. (C) THE"), or 0.
 */
static size_t
paragraph_number(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0, v = 0, w;

	while (k < ln->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	/* The paragraph sign, in UTF-8 or Latin-1. */
	if (k + 1 < ln->len && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xB6)
		k += 2;
	else if (k < ln->len && (unsigned char)s[k] == 0xB6)
		k++;
	else if (ln->len - k > 5 && strncasecmp(s + k, "PARA ", 5) == 0)
		k += 5;
	else if (ln->len - k > 10 && strncasecmp(s + k, "PARAGRAPH ", 10) == 0)
		k += 10;
	if (k < ln->len && s[k] == '(')
		k++;
	for (w = k; k < ln->len && k - w < 3 && isdigit((unsigned char)s[k]); k++)
		v = v * 10 + (size_t)(s[k] - '0');
	return k > w && k < ln->len && (s[k] == '.' || s[k] == ')') ? v : 0;
}

/*
 * How line i's paragraph number is written (paragraph_number): NUMBER_BRACKETED in brackets
 * ("(1)"), else plain ("4.", "4)"); with NUMBER_SUB where a number follows its stop ("3.1").
 */
#define NUMBER_BRACKETED	1
#define NUMBER_SUB		2

static unsigned
number_form(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0;
	unsigned form = 0;

	while (k < ln->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k < ln->len && s[k] == '(')
		form |= NUMBER_BRACKETED;
	while (k < ln->len && !isdigit((unsigned char)s[k]) && k < 12)
		k++;
	while (k < ln->len && isdigit((unsigned char)s[k]))
		k++;
	if (k + 1 < ln->len && s[k] == '.' && isdigit((unsigned char)s[k + 1]))
		form |= NUMBER_SUB;
	return form;
}

/*
 * Whether line i, numbered w (paragraph_number), stands under paragraph v written as `form`:
 * unnumbered, numbered in another form ("(1)" to "(9)" under "3."), a number of its own ("3.1"
 * under "3."), or one of v's form no higher than v where no heading stood between (`heading`:
 * an unmarked paragraph with no number; "3. ... three cases:" / "1." / "2."); not a higher one,
 * nor a numbering begun again under a heading ("TAB A: SCHEDULE" / "1." under "4.").
 */
static bool
under_paragraph(const struct document *d, size_t i, size_t w, size_t v, unsigned form,
    bool heading)
{
	unsigned f;

	if (w == 0)
		return true;
	f = number_form(d, i);
	if (f & NUMBER_SUB)
		return w == v;
	if ((f & NUMBER_BRACKETED) != (form & NUMBER_BRACKETED))
		return true;
	return w <= v && !heading;
}

/*
 * The most of the line above that a statement run on from it is read with: the sentence that
 * named the paragraph an order after it is said of ("Para 2 was described to us by the SSIS
 * deputy director in confidence." / "Please handle it as SECRET").
 */
#define ABOVE_MAX 240

/* Whether a line from a to b ends in a form feed: a page's break. */
static bool
paged(const struct document *d, size_t a, size_t b)
{
	size_t j;

	for (j = a; j < b; j++)
		if (doc_line(d, j)->eol == 1 && d->data[doc_line(d, j)->off + doc_line(d, j)->len] ==
		    '\f')
			return true;
	return false;
}

/*
 * A statement of a level that runs on from the line above to line i ("This paragraph is" /
 * "classified Secret.", "PARAS 2 AND 3 ARE" / "CLASSIFIED."), into *out: reading_level_statement
 * of the two joined, where the line above is text that ends no sentence, states nothing by
 * itself, and either may state one (`may`: line i does). *crossed says it ran across a page's
 * break.
 */
static int
level_across(struct reader *rd, size_t i, bool may, struct stated *out, bool *crossed)
{
	const struct document *d = rd->d;
	const struct doc_line *up, *ln = doc_line(d, i);
	char both[ABOVE_MAX + 1 + READ_MAX + TEXT_PAD], c;
	struct fold g;
	size_t n, a, j;
	int r;
	bool back;

	*crossed = false;
	if (i == 0 || ln->len == 0)
		return 0;
	a = i - 1;
	/*
	 * Across a page's break ("This paragraph is" / "" / "MUSCAT 00001180 002 OF 002" / "" /
	 * "classified Secret."): the text line above past blank and page lines, with one of
	 * those between.
	 */
	if (doc_line(d, a)->kind != LINE_TEXT || doc_line(d, a)->len == 0) {
		/*
		 * Only where the last text line left its sentence open, and this line or one
		 * just above may state one: most lines do neither.
		 */
		if (rd->level_open == DOC_NONE || rd->level_open != rd->last_text ||
		    i - rd->level_open > 16 ||
		    !(may || (rd->level_may != DOC_NONE && i - rd->level_may <= 16)))
			return 0;
		/*
		 * A blank line after text is a paragraph's break, which ends a statement; a page's
		 * break is none ("Please note that para 3 is" / form feed / "SECRET.").
		 */
		for (j = i; j > 0 && doc_line(d, j - 1)->kind == LINE_BLANK; j--)
			continue;
		if (j == 0 || (j == rd->level_open + 1 && !paged(d, rd->level_open, i)) ||
		    (a = text_above(rd->p, d, i)) == DOC_NONE)
			return 0;
		for (j = a + 1; j < i && doc_line(d, j)->kind == LINE_BLANK; j++)
			continue;
		if (j == i && !paged(d, a, i))
			return 0;
		*crossed = true;
	}
	if (!(may || rd->level_may == a) || doc_line(d, a)->len == 0)
		return 0;
	up = doc_line(d, a);
	n = trim_end(d->data + up->off, up->len, up->latin1);
	/* A stop inside a quote or a bracket ends the sentence too ("... (DL sid_comms)."). */
	while (n > 1 && strchr("\"')]", d->data[up->off + n - 1]) != NULL)
		n--;
	c = n > 0 ? d->data[up->off + n - 1] : '.';
	/*
	 * A sentence that ends there ends the statement, unless this line opens with an order
	 * or a pronoun said of a paragraph the one above named ("... in paragraph 2 came from
	 * liaison." / "Please handle it as SECRET."): then only what it says of paragraphs by
	 * number counts.
	 */
	back = (c == '.' || c == '!' || c == '?' || c == ';');
	if (back && !reading_refers_back(d->data + ln->off, ln->len))
		return 0;
	/*
	 * The last 60 bytes of the line above and this line to READ_MAX, so that what this line
	 * says after the statement is read with it ("The latter is SECRET, he said,"); a word a
	 * hyphen broke across the two ("Para-" / "graph 3 is SECRET") whole again.
	 */
	{
		size_t an = n < ABOVE_MAX ? n : ABOVE_MAX;
		size_t bn = ln->len < READ_MAX ? ln->len : READ_MAX;
		bool mend = n >= 2 && c == '-' &&
		    isalpha((unsigned char)d->data[up->off + n - 2]) &&
		    islower((unsigned char)d->data[ln->off]) && up->len == n;

		memset(both, 0, sizeof(both));
		memcpy(both, d->data + up->off + n - an, an - mend);
		if (!mend)
			both[an] = ' ';
		memcpy(both + an + !mend - mend, d->data + ln->off, bn);
		fold_line(both, an + !mend - mend + bn, READ_MAX + 64, up->latin1 && ln->latin1,
		    &g);
	}
	r = reading_level_statement(rd->p, g.text, g.len, out);
	if (back)
		return r != 0 && !(r & STATED_VAGUE) && out->paras != 0 ? STATED_HERE |
		    STATED_AHEAD : 0;
	/*
	 * What the line above stated by itself it stated of its own portion; joined, only a part
	 * no reader can place says more ("... as marked; the rest are" / "SECRET because").
	 */
	return rd->level_said == a && !(r & STATED_UNPLACED) ? 0 : r;
}

/*
 * The footnote's sign line i opens with ("[1] This paragraph is classified Secret.", "* ...",
 * "[^1]: ...", "1/ ...", "¹ ...", a dagger), into sign[8], or 0 bytes.
 */
static size_t
footnote_sign(const struct document *d, size_t i, char *sign)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0, e, d0;

	while (k < ln->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k < ln->len && s[k] == '[') {
		/* "[^1]:", as Markdown writes a footnote. */
		d0 = k + 1 < ln->len && s[k + 1] == '^' ? k + 2 : k + 1;
		for (e = d0; e < ln->len && e - k < 6 && isdigit((unsigned char)s[e]); e++)
			continue;
		if (e > d0 && e < ln->len && s[e] == ']') {
			memcpy(sign, s + k, e + 1 - k);
			return e + 1 - k;
		}
		return 0;
	}
	/* "1/ This paragraph is ...", as older cables number their notes. */
	if (k < ln->len && isdigit((unsigned char)s[k])) {
		for (e = k; e < ln->len && e - k < 3 && isdigit((unsigned char)s[e]); e++)
			continue;
		if (e < ln->len && s[e] == '/' && e + 1 < ln->len && s[e + 1] == ' ') {
			memcpy(sign, s + k, e + 1 - k);
			return e + 1 - k;
		}
		return 0;
	}
	/* The dagger and the double dagger in UTF-8. */
	if (k + 2 < ln->len && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
	    ((unsigned char)s[k + 2] == 0xA0 || (unsigned char)s[k + 2] == 0xA1)) {
		memcpy(sign, s + k, 3);
		return 3;
	}
	if (k < ln->len && s[k] == '*') {
		for (e = k; e < ln->len && e - k < 4 && s[e] == '*'; e++)
			sign[e - k] = '*';
		return e - k;
	}
	/* Superscript one, two, three and U+2070 to U+2079 in UTF-8. */
	if (k + 1 < ln->len && (unsigned char)s[k] == 0xC2 && ((unsigned char)s[k + 1] == 0xB9 ||
	    (unsigned char)s[k + 1] == 0xB2 || (unsigned char)s[k + 1] == 0xB3)) {
		memcpy(sign, s + k, 2);
		return 2;
	}
	if (k + 2 < ln->len && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x81 &&
	    (unsigned char)s[k + 2] >= 0xB0 && (unsigned char)s[k + 2] <= 0xB9) {
		memcpy(sign, s + k, 3);
		return 3;
	}
	return 0;
}

/* Raises portion k and those after it in its paragraph, up to the current one, to m. */
static int
raise_paragraph_from(struct reader *rd, size_t k, const struct marking *m)
{
	struct document *d = rd->d;
	size_t j;

	for (j = k; j < rd->cur; j++) {
		struct doc_portion *q = doc_portion(d, j);
		struct marking joined;

		if (j > k && q->blank_before)
			break;
		if (q->mark == NULL) {
			q->marked = true;
			q->raises_unmarked = true;
			joined = *m;
		} else {
			marking_join(rd->p, q->mark, m, &joined);
		}
		if ((q->mark = intern(d, &joined)) == NULL) {
			intern_failed(d, rd->err, rd->errlen);
			return -1;
		}
	}
	return 0;
}

/* Whether s[1..n) holds sign[0..k): a footnote's sign after the line's first byte. */
static bool
holds_sign(const char *s, size_t n, const char *sign, size_t k)
{
	size_t j;

	for (j = 1; j + k <= n; j++)
		if (s[j] == sign[0] && memcmp(s + j, sign, k) == 0)
			return true;
	return false;
}

/*
 * A footnote that states a level ("[1] This paragraph is classified Secret.") on line i: the
 * paragraphs above whose text holds its sign ("... before dawn.[1]") are raised to m, those the
 * reader still holds (256 portions back at most). Returns 0, or -1 with rd->err.
 */
static int
raise_footnoted(struct reader *rd, size_t i, const struct marking *m)
{
	struct document *d = rd->d;
	char sign[8];
	size_t n, k, l;

	if ((n = footnote_sign(d, i, sign)) == 0)
		return 0;
	for (k = rd->cur; k-- > d->portion_base && rd->cur - k <= 256;) {
		struct doc_portion *pt = doc_portion(d, k);

		for (l = pt->first; l <= pt->last && l < i; l++) {
			const struct doc_line *ln = doc_line(d, l);

			if (ln->kind == LINE_TEXT &&
			    holds_sign(d->data + ln->off, ln->len, sign, n))
				break;
		}
		if (l <= pt->last && l < i && raise_paragraph_from(rd, k, m) != 0)
			return -1;
	}
	return 0;
}

/*
 * A statement names paragraphs by number (`paras`, bit n for paragraph n) that stand above it
 * ("NOTE: PARA 2 IS SECRET." under "2. (C) ..."): every portion of each, from the one its
 * number opens to the next blank line, is raised to m. Only those the reader still holds (a
 * streamed read lets older ones go); those below are raised as they open (ahead_open).
 * Returns 0, or -1 with rd->err.
 */
static int
raise_numbered(struct reader *rd, uint64_t paras, const struct marking *m)
{
	struct document *d = rd->d;
	size_t k, v;

	for (k = rd->cur; k-- > d->portion_base && rd->cur - k <= 256;) {
		size_t j, w;
		unsigned form;
		bool heading;

		if ((v = paragraph_number(d, doc_portion(d, k)->first)) == 0 || v >= 64 ||
		    !((paras >> v) & 1))
			continue;
		rd->paras_found |= (uint64_t)1 << v;
		if (raise_paragraph_from(rd, k, m) != 0)
			return -1;
		/* What stands under it up to the next paragraph: its subparagraphs. */
		form = number_form(d, doc_portion(d, k)->first);
		heading = false;
		for (j = k + 1; j < rd->cur; j++) {
			struct doc_portion *q = doc_portion(d, j);

			w = paragraph_number(d, q->first);
			if (!under_paragraph(d, q->first, w, v, form, heading))
				break;
			heading = heading || (w == 0 && q->mark == NULL);
			if (q->blank_before && raise_paragraph_from(rd, j, m) != 0)
				return -1;
		}
	}
	return 0;
}

/*
 * The portion read now opened at line i: where a statement above said a level of what follows
 * ("The following paragraph is Secret.", "PARAS 2 AND 3 ARE CLASSIFIED." above paragraph 2),
 * the next paragraph after the statement's and each it named by number are raised to it, every
 * portion of them, marked or not. Only raises. Returns 0, or -1 with rd->err.
 */
static int
ahead_open(struct reader *rd, size_t i)
{
	struct doc_portion *pt = doc_portion(rd->d, rd->cur);
	size_t v;

	if (!rd->ahead_set || pt->first != i || rd->cur == rd->ahead_from)
		return 0;
	/*
	 * A classification line is no paragraph ("The next paragraph is classified" /
	 * "Secret.").
	 */
	if (pt->reason == REASON_CLASS)
		return 0;
	v = paragraph_number(rd->d, i);
	if (rd->ahead_in && rd->ahead_at != 0 &&
	    under_paragraph(rd->d, i, v, rd->ahead_at, rd->ahead_form, rd->ahead_heading)) {
		/* Under a paragraph named by number: its subparagraphs ("B. (C)", "(1)"). */
		rd->ahead_heading = rd->ahead_heading || (v == 0 && pt->mark == NULL);
	} else if (pt->blank_before || v != 0) {
		rd->ahead_in = false;
		rd->ahead_at = 0;
		/* A paragraph of the next ones the statement pointed at. */
		if (rd->ahead_next > 0) {
			rd->ahead_in = true;
			rd->ahead_next--;
		}
	} else if (rd->ahead_next > 0 && !rd->ahead_in) {
		/* The first portion after the statement's, with no blank line between. */
		rd->ahead_in = true;
		rd->ahead_next--;
	}
	if (v != 0 && v < 64 && ((rd->ahead_paras >> v) & 1) && v > rd->ahead_at) {
		rd->ahead_in = true;
		rd->ahead_at = v;
		rd->ahead_form = number_form(rd->d, i);
		rd->ahead_heading = false;
		rd->paras_found |= (uint64_t)1 << v;
	}
	return rd->ahead_in ? raise_portion(rd, &rd->ahead_mark) : 0;
}

/*
 * A level said of a part no reader can place ("Part III is classified SECRET.", "The final
 * paragraph of this cable is SECRET."): every portion of the document is raised to m
 * (settle_markings), since none can be proven not to be the one.
 */
static void
said_everywhere(const struct policy *p, struct document *d, const struct marking *m)
{
	if (d->has_everywhere)
		marking_join(p, &d->everywhere, m, &d->everywhere);
	else
		d->everywhere = *m;
	d->has_everywhere = true;
}

/* Notes what a statement says of what follows (`next` paragraphs after it), for ahead_open. */
static void
ahead_note(struct reader *rd, const struct marking *m, uint64_t paras, size_t next)
{
	if (rd->ahead_set)
		marking_join(rd->p, &rd->ahead_mark, m, &rd->ahead_mark);
	else
		rd->ahead_mark = *m;
	rd->ahead_set = true;
	rd->ahead_paras |= paras;
	if (next > rd->ahead_next)
		rd->ahead_next = next;
	rd->ahead_from = rd->cur;
	rd->ahead_in = false;
	rd->ahead_at = 0;
	if (paras != 0) {
		if (rd->paras_named != 0)
			marking_join(rd->p, &rd->named_mark, m, &rd->named_mark);
		else
			rd->named_mark = *m;
		rd->paras_named |= paras;
	}
}

static size_t fold_limit(const struct fold *f, size_t *next);

/* Joins b (what reading_level_statement returned: rb) into a (ra); returns the two joined. */
static int
stated_join(const struct policy *p, struct stated *a, int ra, const struct stated *b, int rb)
{
	if (rb == 0)
		return ra;
	if (ra == 0) {
		*a = *b;
		return rb;
	}
	/* Of no part only where each is. */
	if ((ra & STATED_VAGUE) && !(rb & STATED_VAGUE)) {
		*a = *b;
		return rb;
	}
	if ((rb & STATED_VAGUE) && !(ra & STATED_VAGUE))
		return ra;
	marking_join(p, &a->m, &b->m, &a->m);
	a->paras |= b->paras;
	if (b->next > a->next)
		a->next = b->next;
	return ra | rb;
}

/* The longest line read as a table's row. */
#define TABLE_LINE_MAX 512

/*
 * Line s[0..n) as a table's cells, *t: a markup's tags as bars ("<tr><td>3</td><td>SECRET</td>
 * </tr>"), its emphasis dropped ("| **Para** |"), written into out (TABLE_LINE_MAX bytes); the
 * line itself where it has no markup or is longer. Returns the cells' length.
 */
static size_t
table_line(const char *s, size_t n, char *out, const char **t)
{
	size_t k, m = 0, e;

	*t = s;
	if (n > TABLE_LINE_MAX || (memchr(s, '<', n) == NULL && memchr(s, '*', n) == NULL &&
	    memchr(s, '`', n) == NULL))
		return n;
	*t = out;
	for (k = 0; k < n; k++) {
		if (s[k] == '*' || s[k] == '`')
			continue;
		if (s[k] == '<') {
			for (e = k + 1; e < n && e - k < 24 && s[e] != '>' && s[e] != '<'; e++)
				continue;
			if (e < n && s[e] == '>') {
				out[m++] = '|';
				k = e;
				continue;
			}
		}
		out[m++] = s[k];
	}
	return m;
}

/*
 * Whether line i, cells[0..n) as table_line gives it, ends a table's header that the line above
 * began ("| Para |" / "Classification |"), or a line of prose ends with one in brackets
 * ("Paragraph classification (para, class):"): into rd->table.
 */
static bool
table_head_above(struct reader *rd, size_t i, const char *cells, size_t n)
{
	const struct doc_line *up;
	char both[2 * 64 + 2], buf[TABLE_LINE_MAX];
	const char *t;
	size_t an, k, b;

	/* In brackets at the line's end, with a colon after them or none. */
	for (k = n; k > 0 && (cells[k - 1] == ' ' || cells[k - 1] == ':'); k--)
		continue;
	if (k > 2 && cells[k - 1] == ')') {
		for (b = k - 1; b > 0 && k - b < 64 && cells[b - 1] != '('; b--)
			continue;
		if (b > 0 && cells[b - 1] == '(' && reading_table_head(cells + b, k - 1 - b,
		    &rd->table))
			return true;
	}
	if (i == 0 || n > 64 || memchr(cells, '|', n) == NULL)
		return false;
	up = doc_line(rd->d, i - 1);
	if (up->len == 0 || up->len > 64 || memchr(rd->d->data + up->off, '|', up->len) == NULL)
		return false;
	an = table_line(rd->d->data + up->off, up->len, buf, &t);
	memcpy(both, t, an);
	both[an++] = ' ';
	memcpy(both + an, cells, n);
	return reading_table_head(both, an + n, &rd->table);
}

/*
 * What line i states of a level by itself (reading_level_statement), into *st: the whole line,
 * read in folds that overlap where it is longer than f, the fold the other rules read (a
 * statement at the end of a paragraph written on one long line). *may says whether any fold
 * may state one.
 */
static int
level_in_line(struct reader *rd, size_t i, const struct fold *f, struct stated *st, bool *may)
{
	const struct doc_line *ln = doc_line(rd->d, i);
	const char *s = rd->d->data + ln->off;
	char buf[TABLE_LINE_MAX];
	const char *cells;
	struct stated more;
	struct fold g;
	size_t pos, next, n;
	int said = 0, r;

	if ((*may = reading_level_may(rd->p, f->text, f->len)))
		said = reading_level_said(rd->p, f->text, f->len, st);
	/*
	 * A table's rows under a header that names a paragraph's column, read on the raw line
	 * (the fold makes tabs spaces), a markup's cells as bars; the header itself is no row.
	 */
	n = table_line(s, ln->len, buf, &cells);
	if (reading_table_head(cells, n, &rd->table) || table_head_above(rd, i, cells, n)) {
		rd->in_table = true;
	} else if (rd->in_table && (r = reading_table_row(rd->p, cells, n, &rd->table,
	    &more)) != 0) {
		said = said == 0 ? (*st = more, r) : stated_join(rd->p, st, said, &more, r);
		*may = true;
	}
	if (!f->cut)
		return said;
	(void)fold_limit(f, &next);
	for (pos = next; pos < ln->len && next > 0; pos += next) {
		fold_line(s + pos, ln->len - pos, FOLD_MAX, ln->latin1, &g);
		(void)fold_limit(&g, &next);
		if (!reading_level_may(rd->p, g.text, g.len))
			continue;
		*may = true;
		said = stated_join(rd->p, st, said, &more,
		    reading_level_said(rd->p, g.text, g.len, &more));
	}
	return said;
}

/*
 * A level said in words of a part of the document on line i, or run on to it from the line
 * above (reading_level_statement: "This paragraph is classified Secret.", "(This bullet is
 * classified.)", "The following paragraph is Secret.", "The information herein is classified
 * Secret."): it raises its own paragraph back, as a mark at the paragraph's end does; one said
 * of another part (what follows, the rest, paragraphs by number, an annex) raises the
 * document's marking too, as a classification line does, and so the unmarked text it points
 * at, and the next paragraph and those it names by number, marked or not. A statement that is
 * a paragraph by itself ("This paragraph is Secret." between two) raises the paragraphs on
 * both sides; a footnote's, the paragraph that holds its sign. A level said of no part ("The
 * information is classified Secret.") raises unmarked text only: a portion's own mark says what
 * it gives; and CLASSIFIED said of no part ("The details are classified.") nothing. Only
 * raises. Returns 0, or -1 with rd->err.
 */
static int
read_level_stated(struct reader *rd, size_t i, const struct fold *f)
{
	struct document *d = rd->d;
	struct doc_portion *pt;
	struct stated st, across;
	struct marking *m = &st.m;
	size_t e;
	int said, r, joined;
	bool may, alone, crossed;

	if (rd->cur == DOC_NONE)
		return 0;
	said = level_in_line(rd, i, f, &st, &may);
	/*
	 * What line i states by itself it states of its own portion; what it says of no part it
	 * names ("classified Secret.") may run on from a part named above ("This paragraph is").
	 */
	r = 0;
	if (!(said & (STATED_THIS | STATED_BACK | STATED_AHEAD | STATED_NEXT))) {
		/* The joined reading where it says more: of a part named above. */
		if ((r = level_across(rd, i, may, &across, &crossed)) != 0 && said != 0 &&
		    ((r & STATED_VAGUE) || !(r & (STATED_THIS | STATED_BACK | STATED_AHEAD |
		    STATED_NEXT | STATED_UNPLACED))))
			r = 0;
		if (r != 0) {
			said = r;
			st = across;
		}
		/* Across a page's break: the paragraph above it too. */
		if (r != 0 && crossed && split_back(rd, i) != 0)
			return -1;
	} else if (st.paras == 0 && !(said & STATED_UNPLACED) &&
	    (joined = level_across(rd, i, may, &across, &crossed)) != 0 &&
	    !(joined & STATED_VAGUE) && (across.paras != 0 || (joined & STATED_UNPLACED) ||
	    ((joined & STATED_NEXT) && across.next > st.next))) {
		/*
		 * What follows, pointed at here, may be a part named above by its label
		 * ("Subparagraph" / "3.B below is SECRET."), or more of it ("Post comment" /
		 * "below is SECRET."): the two readings, each only raising.
		 */
		said = stated_join(rd->p, &st, said, &across, joined);
		if (crossed && split_back(rd, i) != 0)
			return -1;
	}
	if (may)
		rd->level_may = i;
	for (e = f->len; e > 0 && strchr(" \"')]", f->text[e - 1]) != NULL; e--)
		continue;
	if (e > 0 && strchr(".!?;", f->text[e - 1]) == NULL)
		rd->level_open = i;
	if (said == 0)
		return 0;
	if (r == 0)
		rd->level_said = i;
	pt = doc_portion(d, rd->cur);
	/*
	 * Said of no part of the document ("The report was classified Secret.", "The dossier's
	 * drafts were classified secret until 2009."): of something the text tells of, not of
	 * the text.
	 */
	if (said & STATED_VAGUE)
		return 0;
	if (said & STATED_UNPLACED)
		said_everywhere(rd->p, d, m);
	if (st.paras != 0 && raise_numbered(rd, st.paras, m) != 0)
		return -1;
	/*
	 * A statement that names its own part alone in its paragraph, after a blank line and
	 * before one ("This paragraph is Secret."): of its neighbours, the one above (a
	 * footnote's, the one its sign marks) and the one below.
	 */
	alone = pt->first == i && pt->blank_before && (pt->mark == NULL || pt->raises_unmarked ||
	    pt->reason == REASON_CLASS) &&
	    (i + 1 >= d->nlines || doc_line(d, i + 1)->len == 0 ||
	    is_blank(d->data + doc_line(d, i + 1)->off, doc_line(d, i + 1)->len,
	    doc_line(d, i + 1)->latin1)) && (said & STATED_PART) &&
	    !(said & (STATED_AHEAD | STATED_BACK));
	/*
	 * A classification line is read as one ("CLASSIFICATION: SECRET", "SECRET ANNEX" mark
	 * what follows them), unless it names the part it marks ("This paragraph is classified
	 * Top Secret." under its paragraph, "The above is classified Secret.", "... that \xc2\xb6
	 * 3(b) is SECRET//NOFORN" at a line's end, "Subsequent paragraphs are SECRET." on a
	 * paragraph's second line) or goes on a paragraph with no blank line
	 * between and says it of its part ("... before dawn." / "The entire paragraph is
	 * classified Secret."; not "CLASSIFICATION: SECRET", which marks what follows, nor
	 * "HIGHEST POSSIBLE CLASSIFICATION IS TOP SECRET", a page's).
	 */
	if (pt->reason == REASON_CLASS && pt->first == i && !(said & (STATED_THIS | STATED_BACK |
	    STATED_NEXT)) && r == 0 && (pt->blank_before || !(said & STATED_PART)) && !alone &&
	    st.paras == 0)
		return 0;
	/* A footnote's, wherever it stands ("Footnotes:" / "[1] This paragraph is ..."). */
	if ((said & STATED_PART) && footnote_sign(d, i, (char[8]){ 0 }) > 0) {
		if (raise_footnoted(rd, i, m) != 0)
			return -1;
		alone = false;
	}
	if (alone)
		said |= STATED_BACK;
	/*
	 * "The above is classified Secret." under its paragraph, a blank line between: the
	 * paragraph above is raised with this one (no blank line parts them any more).
	 */
	if (said & STATED_BACK) {
		size_t k = rd->cur;

		while (k > d->portion_base && !doc_portion(d, k)->blank_before)
			k--;
		if (k > 0 && doc_portion(d, k)->blank_before && no_blank_before(rd, k) != 0)
			return -1;
	}
	if (said & STATED_AHEAD) {
		if (d->has_class)
			marking_join(rd->p, &d->classes, m, &d->classes);
		else
			d->classes = *m;
		d->has_class = true;
	}
	if ((said & STATED_NEXT) || alone || st.paras != 0)
		ahead_note(rd, m, st.paras, alone ? 1 : (said & STATED_NEXT) ? st.next : 0);
	return (said & STATED_HERE) ? raise_back(rd, m) : 0;
}

/*
 * Whether the words of f from folded offset k on explain how to handle what a caption names: in
 * capitals, with a word of handling whole (HANDLE, DISSEMINATION, CONTROLLED, RELEASE,
 * ORIGINATOR, CONFIDENCE, PROPRIETARY, EMPLOYEES, PER, ...: "PER CIA", "FEDERAL EMPLOYEES AND
 * CONTRACTORS"), ONLY last ("FOR ADDRESSEE ONLY"; not "ONLY THREE BIDS RECEIVED") or three
 * words at most ("FBI INFORMATION", "SEE PARA 2"); in a sentence's case, ten words at most
 * that open as a legend does ("not to be shared with bidders", "access limited to briefed
 * personnel", "limited to principals", in brackets "(proprietary information involved)"; not
 * "shareholder agreement", "released tender results", "not to exceed", "access road contract
 * awarded", "derived from the staff survey").
 * In brackets (`bracket`), they end the line ("NODIS (no distribution) messages were" is none).
 */
static bool
legend_words(const struct fold *f, size_t k, bool bracket)
{
	static const char *const words[] = { "HANDLE", "HANDLING", "DISSEM", "DISSEMINATION",
	    "CONTROLLED", "CONTROLS", "RELEASE", "RELEASABLE", "FORWARD", "ADDRESSEE",
	    "ACCORDINGLY", "CHANNELS", "ORIGINATOR", "PRIVILEGED", "BRIEFED", "CONFIDENCE",
	    "PROPRIETARY", "RESTRICTED", "EMPLOYEES", "CONTRACTORS", "PERSONNEL", "PRINCIPALS",
	    "DISTRIBUTION", "SENSITIVE", "DERIVED", "EQUITIES", "PER" };
	static const char *const heads[] = { "not to be ", "not for release", "not releasable",
	    "not for onward", "do not forward", "do not copy", "do not share", "do not release",
	    "do not disseminate", "do not pass", "do not discuss", "do not distribute",
	    "no further", "for addressee", "addressee only", "access limited", "access restricted",
	    "need to know", "handle via", "originator", "federal employees", "limited to principals",
	    "limited to addressee", "limited to named", "limited to recipients", "(proprietary",
	    "(per ", "(limited to" };
	size_t e = f->len, j, m, w, n = 0, last = 0, last_len = 0, first = 0, first_len = 0;
	bool lower = false, handling = false;

	if (bracket) {
		while (e > k && f->text[e - 1] == ' ')
			e--;
		if (e == k || f->text[e - 1] != ')')
			return false;
	}
	for (j = k; j < e; j++)
		lower = lower || islower((unsigned char)f->text[j]);
	if (lower) {
		for (j = k; j < e && !isalpha((unsigned char)f->text[j]); j++)
			continue;
		for (w = j; w < e; w++)
			n += isalpha((unsigned char)f->text[w]) && (w == j ||
			    !isalpha((unsigned char)f->text[w - 1]));
		/* Heads with '(' gloss a caption in brackets only ("PROPIN (proprietary ...)"). */
		for (m = 0; m < sizeof(heads) / sizeof(heads[0]); m++) {
			const char *h = heads[m] + (heads[m][0] == '(');

			if ((heads[m][0] != '(' || bracket) && e - j >= strlen(h) &&
			    strncasecmp(f->text + j, h, strlen(h)) == 0)
				return n <= 10;
		}
		return false;
	}
	for (j = k; j < e; j = w) {
		while (j < e && !isalpha((unsigned char)f->text[j]))
			j++;
		for (w = j; w < e && isalpha((unsigned char)f->text[w]); w++)
			continue;
		if (w == j)
			break;
		for (m = 0; m < sizeof(words) / sizeof(words[0]); m++)
			if (strlen(words[m]) == w - j && memcmp(f->text + j, words[m], w - j) == 0)
				handling = true;
		if (n++ == 0) {
			first = j;
			first_len = w - j;
		}
		last = j;
		last_len = w - j;
	}
	/* Or three words at most, a legend's ("FBI INFORMATION", "SEE PARA 2", "HR CASE"). */
	return handling || (last_len == 4 && memcmp(f->text + last, "ONLY", 4) == 0) ||
	    (n <= 3 && !(first_len == 4 && memcmp(f->text + first, "ONLY", 4) == 0));
}

/*
 * Whether line f opens with a caption in capitals, a field's label before it or none, that a
 * dash, a colon or a bracket parts from words that explain it ("ORCON - DISSEMINATION
 * CONTROLLED BY ORIGINATOR", "PERSONAL - FOR ADDRESSEE ONLY", "COMMERCIAL: not to be shared",
 * "Special handling: ATOMAL - access limited", "FEDCON (federal employees and contractors)"):
 * the caption's controls in *bits, where those words explain how to handle it (legend_words:
 * not "FISA - Section 702 reauthorization was discussed"). Names of four letters or more only
 * ("PR - the press office" is none).
 */
static bool
explained_caption(const struct policy *p, const struct fold *f, uint64_t *bits, bool *labelled)
{
	static const char *const seps[] = { " - ", " -- ", " (", ": " };
	struct fold h;
	size_t k, cut, j, run, at[4] = { 0, 0, 0, 0 };
	uint64_t b;
	bool lab;

	if (f->cut || f->len < 6)
		return false;
	/* Where each separator first stands in the first 80 bytes (0: nowhere), in one pass. */
	for (j = 4; j + 2 < f->len && j < 80; j++) {
		const char *t = f->text + j;

		if (t[0] == ' ' && t[1] == '-' && t[2] == ' ' && at[0] == 0)
			at[0] = j;
		else if (t[0] == ' ' && t[1] == '-' && t[2] == '-' && j + 3 < f->len &&
		    t[3] == ' ' && at[1] == 0)
			at[1] = j;
		else if (t[0] == ' ' && t[1] == '(' && at[2] == 0)
			at[2] = j;
		else if (t[0] == ':' && t[1] == ' ' && at[3] == 0)
			at[3] = j;
	}
	for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		if ((cut = at[k]) == 0)
			continue;
		/* The name before the separator in capitals, a label's words before it aside. */
		for (j = cut, run = 0; j > 0 && f->text[j - 1] != ':' && f->text[j - 1] != ' '; j--)
			run += isupper((unsigned char)f->text[j - 1]) != 0;
		if (run < 4 || islower((unsigned char)f->text[cut - 1]))
			continue;
		if (!legend_words(f, cut + strlen(seps[k]), k == 2))
			continue;
		fold_line(f->text, cut, FOLD_MAX, false, &h);
		if (reading_caption(p, &h, &b, &lab) && b != 0) {
			*bits = b;
			*labelled = lab;
			return true;
		}
	}
	return false;
}

/*
 * Whether line f is a legend that names controls: "HANDLE VIA" names, then CHANNELS or CONTROL
 * SYSTEM(S), ONLY or JOINTLY after or none, in any case ("HANDLE VIA COMINT CHANNELS ONLY",
 * "HANDLE VIA TALENT-KEYHOLE-COMINT CONTROL SYSTEMS JOINTLY", "HANDLE VIA SPECIAL INTELLIGENCE
 * CHANNELS"): each name a control's (in a hyphen's pieces or whole), their controls in *bits.
 */
static bool
handle_via_caption(const struct policy *p, const struct fold *f, uint64_t *bits, bool *labelled)
{
	static const char *const tails[] = { " CHANNELS", " CONTROL SYSTEMS", " CONTROL SYSTEM" };
	char up[FOLD_MAX];
	struct fold h;
	size_t n = f->len, k, a, t;
	uint64_t b = 0, one;
	bool lab;

	if (n < 20 || n > 120 || strncasecmp(f->text, "HANDLE VIA ", 11) != 0)
		return false;
	for (k = 0; k < n; k++)
		up[k] = (char)toupper((unsigned char)f->text[k]);
	while (n > 0 && strchr(" .", up[n - 1]) != NULL)
		n--;
	if (n > 5 && memcmp(up + n - 5, " ONLY", 5) == 0)
		n -= 5;
	else if (n > 8 && memcmp(up + n - 8, " JOINTLY", 8) == 0)
		n -= 8;
	for (t = 0; t < sizeof(tails) / sizeof(tails[0]); t++)
		if (n > strlen(tails[t]) && memcmp(up + n - strlen(tails[t]), tails[t],
		    strlen(tails[t])) == 0)
			break;
	if (t == sizeof(tails) / sizeof(tails[0]))
		return false;
	n -= strlen(tails[t]);
	/* The names, whole or in a hyphen's pieces ("TALENT-KEYHOLE-COMINT"). */
	for (a = 11; a < n; a = k + 1) {
		for (k = a; k < n && up[k] != '-' && up[k] != '/'; k++)
			continue;
		fold_line(up + a, k - a, FOLD_MAX, false, &h);
		if (!reading_caption(p, &h, &one, &lab) || one == 0) {
			/* Two pieces may be one name ("TALENT-KEYHOLE"). */
			size_t e = k + 1;

			while (e < n && up[e] != '-' && up[e] != '/')
				e++;
			if (k >= n)
				return false;
			up[k] = ' ';
			fold_line(up + a, e - a, FOLD_MAX, false, &h);
			if (!reading_caption(p, &h, &one, &lab) || one == 0)
				return false;
			k = e;
		}
		b |= one;
	}
	*bits = b;
	*labelled = false;
	return b != 0;
}

static int
read_caption(struct reader *rd, size_t i, const struct fold *f)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	uint64_t bits;
	bool labelled;

	/*
	 * A caption wrapped over two lines is one ("WARNING NOTICE - ..." / "OR METHODS ..."), and
	 * so is one that words explain after it ("ORCON - DISSEMINATION CONTROLLED BY ORIGINATOR").
	 */
	if (!reading_caption(p, f, &bits, &labelled) &&
	    !wrapped_caption(p, d, i, f, &bits, &labelled) &&
	    !explained_caption(p, f, &bits, &labelled) &&
	    !handle_via_caption(p, f, &bits, &labelled)) {
		struct marking rel;

		/*
		 * "SENSITIVE BUT UNCLASSIFIED -- NOT FOR PUBLIC RELEASE": the line is text, and
		 * what it names applies to the document and to what goes on after it; so does
		 * what it names with the next line ("NOT RELEASABLE TO" / "FOREIGN NATIONALS").
		 */
		d->captions |= bits;
		if (bits != 0)
			pend_controls(rd, bits);
		/* "Source details -- REL TO USA": a REL TO list named after a separator. */
		if (named_rel(p, f, &rel)) {
			if (d->has_named_rel)
				marking_join(p, &d->named_rel, &rel, &d->named_rel);
			else
				d->named_rel = rel;
			d->has_named_rel = true;
			if (!rd->top)
				raise_after(rd, &rel, REASON_CAPTION);
		}
		return 0;
	}
	if (caption_under_text(rd, i, f) != 0 ||
	    add_caption(d, bits, rd->cur, rd->err, rd->errlen) != 0)
		return -1;
	d->captions |= bits;
	d->caption_lines |= bits;
	ln->kind = LINE_CAPTION;
	ln->aux = (uint32_t)(d->ncaptions - 1);
	ln->labelled = labelled;
	/* Inside a portion, the line goes with it: words of a wrapped sentence may read as one. */
	ln->portion = rd->cur;
	pend_controls(rd, bits);
	return 1;
}

/*
 * In the body, the restrictive controls among bits raise the text that goes on after a caption
 * or a line that names them.
 */
static void
pend_controls(struct reader *rd, uint64_t bits)
{
	const struct policy *p = rd->p;
	uint64_t restricting = 0;
	size_t c;

	for (c = 0; c < p->ncontrols; c++)
		if (((bits >> c) & 1) && p->controls[c].kind != CONTROL_DISTRIBUTION)
			restricting |= (uint64_t)1 << c;
	if (!rd->top && restricting != 0) {
		struct marking m;

		marking_init(&m);
		for (c = 0; c < p->ncontrols; c++)
			if (((restricting >> c) & 1) && p->controls[c].kind == CONTROL_NOFORN)
				m.fd = FD_NOFORN;
		marking_add_controls(p, &m, restricting & p->handling);
		raise_after(rd, &m, REASON_CAPTION);
	}
}

/*
 * Whether text line i is a signal that can only raise and holds no text of its own: a
 * classification line (read_class), or a line of marks alone that joined what it follows.
 */
static bool
class_line(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const struct doc_portion *pt;

	if (ln->kind != LINE_TEXT || ln->portion == DOC_NONE)
		return false;
	pt = doc_portion(d, ln->portion);
	return pt->first == i && (pt->reason == REASON_CLASS || (pt->joined &&
	    line_end(p, d->data + ln->off, ln->len, ln->latin1) == END_MARKS));
}

/*
 * The line whose end decides whether a mark on the line being read continues a sentence: the
 * last text line before it, looking across page, banner and caption lines and the blank lines
 * around them, and past classification lines (signals that only raise: they change nothing of
 * how a line after them is read); none when only blank lines stand between (a new paragraph).
 * The reader keeps what this finds as it goes (note_solid), so that no run of such lines,
 * however long, is read back over.
 */
static size_t
previous_text(const struct reader *rd)
{
	bool crossed = rd->crossing != DOC_NONE && (rd->solid_text == DOC_NONE ||
	    rd->crossing > rd->solid_text);

	if (rd->solid_text == DOC_NONE || !rd->solid_text_is_text)
		return DOC_NONE;
	/* With nothing crossed, only blank and classification lines stand between. */
	if (!crossed && rd->last_blank != DOC_NONE && rd->last_blank > rd->solid_text)
		return DOC_NONE;
	return rd->solid_text;
}

/* Whether a blank line stands between line a and the line being read. */
static bool
blank_since(const struct reader *rd, size_t a)
{
	return rd->last_blank != DOC_NONE && rd->last_blank > a;
}

/* Whether a page break (page_break) stands between line a and the line being read. */
static bool
page_since(const struct reader *rd, size_t a)
{
	return rd->page != DOC_NONE && rd->page > a;
}

/*
 * The kind of the markup tag at s[0..n), and its length in *len: TAG_BREAK for a line break
 * ("<br>", "<br/>"), TAG_BLOCK for a tag that opens or closes a block ("<p>", "</div>", "<li>",
 * "<td>", "<h2>", "<hr>", "<blockquote>": a paragraph ends there), else TAG_NONE.
 */
enum tag_kind { TAG_NONE, TAG_BREAK, TAG_BLOCK };


static enum tag_kind
tag_at(const char *s, size_t n, size_t *len)
{
	static const char *const block[] = { "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td",
	    "th", "tr", "table", "tbody", "thead", "tfoot", "caption", "h1", "h2", "h3", "h4",
	    "h5", "h6", "hr", "blockquote", "pre", "section", "article", "header", "footer",
	    "center", "body", "html", "title", "address", "figure", "w:p", "main", "nav", "aside",
	    "fieldset", "details", "summary", "form", "legend", "figcaption" };
	size_t name_end, i;

	if ((*len = fold_tag(s, n, &name_end)) == 0)
		return TAG_NONE;
	if (fold_tag_is(s, name_end, "br"))
		return TAG_BREAK;
	for (i = 0; i < sizeof(block) / sizeof(block[0]); i++)
		if (fold_tag_is(s, name_end, block[i]))
			return TAG_BLOCK;
	return TAG_NONE;
}

/*
 * Whether markup parts text line b from line a right above it: a block's tag ends a or opens b
 * ("<p>(U) The plan.</p>" / "<p>The walrus"), or two line breaks stand between them ("<br>" /
 * "<br>The walrus"). What a page of markup writes as paragraphs is read as paragraphs.
 */
static bool
markup_parts(const struct document *d, size_t a, size_t b)
{
	const char *s = d->data + doc_line(d, a)->off, *t = d->data + doc_line(d, b)->off;
	size_t n = doc_line(d, a)->len, m = doc_line(d, b)->len, k, j, len, breaks = 0;
	enum tag_kind kind;

	/* Back over the tags at a's end. */
	for (k = n; k > 0;) {
		while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
			k--;
		if (k == 0 || s[k - 1] != '>')
			break;
		for (j = k - 1; j > 0 && k - j < FOLD_TAG_MAX && s[j] != '<'; j--)
			continue;
		if (s[j] != '<' || (kind = tag_at(s + j, k - j, &len)) == TAG_NONE || j + len != k)
			break;
		if (kind == TAG_BLOCK || ++breaks >= 2)
			return true;
		k = j;
	}
	/* Forth over the tags at b's head. */
	for (k = 0; k < m;) {
		while (k < m && (t[k] == ' ' || t[k] == '\t'))
			k++;
		if ((kind = tag_at(t + k, m - k, &len)) == TAG_NONE)
			break;
		if (kind == TAG_BLOCK || ++breaks >= 2)
			return true;
		k += len;
	}
	return false;
}

/*
 * Whether line i ends in a form feed (a page break) or U+2029, the paragraph separator: the line
 * after it is parted from it as by a blank line.
 */
static bool
breaking_end(const struct document *d, size_t i)
{
	const struct doc_line *at = doc_line(d, i);
	const unsigned char *e = (const unsigned char *)d->data + at->off + at->len;

	if (at->eol == 1 && e[0] == '\f')
		return true;
	return at->eol == 3 && e[0] == 0xE2 && e[1] == 0x80 && e[2] == 0xA9;
}

/*
 * Whether line i is parted from the text before it: by a blank line, a page, banner or caption
 * line, or another structure line (authority, declassification, TAGS) or none at all. Sets *prev to
 * the last text line before i when the lines between are blank, page, banner or caption lines
 * (the sentence may go on across them), else DOC_NONE.
 */
static bool
parted(const struct reader *rd, size_t i, size_t *prev)
{
	*prev = DOC_NONE;
	if (rd->solid == DOC_NONE || !rd->solid_is_text)
		return true;
	*prev = rd->solid;
	return rd->solid + 1 < i || rd->solid_breaks;
}

/*
 * The width (text_width) from which a line that ends in no sentence is one that a page break cut.
 */
#define WRAPPED_WIDTH 45

/*
 * The same in letters and digits (line_width), which damage to spacing and punctuation cannot
 * change: about 45 characters of prose.
 */
#define WRAPPED_LETTERS 34

/* The most words of four letters or more in a title. */
#define TITLE_WORDS 10

/* The bytes from which a line that ends a sentence is a paragraph on one line, not a wrapped one. */
#define PARAGRAPH_LINE 160

/*
 * The width of line ln as a reader sees it: the characters of its folded form, not counting what
 * stands in brackets that close (a mark is no part of how wide the text runs). What follows a
 * bracket that never closes counts: a mark that lost its ')' must not make its line narrower.
 */
static size_t
text_width(const struct document *d, const struct doc_line *ln)
{
	struct fold f;
	size_t k, w = 0, open[8];
	int depth = 0;

	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	for (k = 0; k < f.len; k++) {
		char c = f.text[k];

		if (c == '(' || c == '[' || c == '{') {
			if (depth < 8)
				open[depth] = w;
			depth++;
		} else if (c == ')' || c == ']' || c == '}') {
			/* A group that closes is not counted; one that never does is text. */
			if (depth > 0 && --depth < 8)
				w = open[depth];
		} else if (((unsigned char)c & 0xC0) != 0x80) {
			w++;
		}
	}
	return w;
}

/* How text after a break goes on from the text line before it (goes_on). */
enum going {
	GO_NOT,		/* a paragraph of its own */
	GO_SENTENCE,	/* the sentence a page break or a blank line cut */
	GO_BLOCK	/* the block a colon opens: a list, a statement quoted in full */
};

/*
 * How line i, parted from the text line prev by a blank line or a page break (parted), goes on
 * from it. It goes on when prev is a line of marks alone ("(SBU/NF)": its text follows). It does
 * not when prev ends in a proven mark or a full stop, '!' or '?' (before closing quotation marks
 * and brackets), even where it begins in lower case ("al-Qaida leaders"). Else it goes on with the
 * sentence when it begins in lower case ("working with the" / "international community"), when
 * prev ends in ',' or '-', or when prev is as wide as a line that wraps and a page break stands
 * between. A colon or a semicolon at prev's end opens a block (a list, a
 * statement quoted in full) before a list item (`item`), or where prev is no line standing alone
 * (a wrapped line of its paragraph, or a wide one): the paragraphs of that block go on in the
 * portion. A short line that ends in none of these is a heading ("(U) BACKGROUND", "(U)
 * BACKGROUND:", "End Summary"): what follows it is a paragraph of its own.
 */
static bool short_open(const struct policy *p, const struct document *d, size_t i);
static bool note_or_quote(const struct document *d, size_t a, size_t b);
static bool ends_colon(const struct document *d, size_t i);
static size_t indent(const struct document *d, size_t i);
static bool heading_over(const struct document *d, size_t a, size_t b);
static size_t line_width(const struct policy *p, const struct document *d, size_t i);
static size_t width_to(const struct policy *p, const struct document *d, size_t i, size_t len);
static bool page_number(const struct document *d, size_t i);

/* Whether s[0..n) ends in a word that another must follow ("the", "of", "and", "with"). */
static bool
open_word(const char *s, size_t n)
{
	static const char *const words[] = { "the", "a", "an", "of", "to", "and", "or", "for",
	    "in", "on", "with", "by", "from", "at", "as", "his", "her", "its", "their", "that" };

	return last_word_in(words, sizeof(words) / sizeof(words[0]), s, n);
}

/* Whether s[0..n) leaves a bracket or a quotation open ("(U) The FM (and his deputy"). */
static bool
left_open(const char *s, size_t n)
{
	size_t k, quotes = 0, singles = 0;
	long depth = 0;

	for (k = 0; k < n; k++) {
		depth += s[k] == '(' || s[k] == '[' ? 1 : s[k] == ')' || s[k] == ']' ? -1 : 0;
		quotes += s[k] == '"';
		/* A single quote that opens a word, and one that closes it (not "don't"). */
		if (s[k] == '\'' && (k == 0 || s[k - 1] == ' ') && k + 1 < n &&
		    isalpha((unsigned char)s[k + 1]))
			singles++;
		else if (s[k] == '\'' && k > 0 && isalpha((unsigned char)s[k - 1]) &&
		    (k + 1 == n || !isalpha((unsigned char)s[k + 1])) && singles > 0)
			singles--;
	}
	return depth > 0 || quotes % 2 == 1 || singles > 0;
}

/* Whether line i stands alone: the first line, or one below a blank line. */
static bool
line_alone(const struct document *d, size_t i)
{
	const struct doc_line *ln;

	if (i == 0)
		return true;
	ln = doc_line(d, i - 1);
	return is_blank(d->data + ln->off, ln->len, ln->latin1);
}

static enum going
goes_on(const struct reader *rd, size_t prev, size_t i, bool item)
{
	const struct policy *p = rd->p;
	const struct document *d = rd->d;
	const struct doc_line *a = doc_line(d, prev), *b = doc_line(d, i);
	const char *s = d->data + a->off;
	const unsigned char *u = (const unsigned char *)s;
	size_t len = trim_end(s, a->len, a->latin1), k;
	bool wide = text_width(d, a) >= WRAPPED_WIDTH, lower;
	struct fold f;
	char c;

	if (len == 0)
		return GO_NOT;
	switch (line_end(p, s, len, a->latin1)) {
	case END_MARK:
		return GO_NOT;
	case END_MARKS:
		/* "(SBU/NF)" on a line of its own, then its text after blank lines. */
		return GO_SENTENCE;
	default:
		break;
	}
	/* A footnote's sign after the sentence's end ("... last month.12", "month.[3]"). */
	if (footnote_after_stop(s, len, a->latin1))
		return GO_NOT;
	fold_line(d->data + b->off, b->len, 64, b->latin1, &f);
	for (k = 0; k < f.len && f.text[k] == ' '; k++)
		continue;
	lower = k < f.len && f.text[k] >= 'a' && f.text[k] <= 'z';
	/* Closing quotation marks and brackets: '"', '\'', ')', ']', '’', '”', '»'. */
	for (;;) {
		if (len > 0 && strchr("\"')]}", s[len - 1]) != NULL)
			len--;
		else if (!a->latin1 && len >= 3 && u[len - 3] == 0xE2 && u[len - 2] == 0x80 &&
		    (u[len - 1] == 0x99 || u[len - 1] == 0x9D))
			len -= 3;
		else if (!a->latin1 && len >= 2 && u[len - 2] == 0xC2 && u[len - 1] == 0xBB)
			len -= 2;
		else if (a->latin1 && len > 0 && (u[len - 1] == 0x92 || u[len - 1] == 0x94 ||
		    u[len - 1] == 0xBB))
			len--;
		else
			break;
		len = trim_end(s, len, a->latin1);
	}
	if (len == 0)
		return GO_NOT;
	c = s[len - 1];
	if (c == '.' || c == '!' || c == '?')
		return GO_NOT;
	/*
	 * Lower case goes on, but after a title (a heading: "(U) Background:" / "al-Qaida"), or
	 * after a short line alone that ends in a word leaving nothing open, a heading in a
	 * sentence's case ("(U) Northern militia and al-Qaida links" / "bin Laden's courier",
	 * "according to a source"): no reader can tell it from a sentence a blank line cut.
	 */
	if (lower)
		return (title(d, prev) || heading_over(d, prev, i) || (!wide &&
		    isalnum(u[len - 1]) && !open_word(s, len) && line_alone(d, prev) &&
		    !left_open(s, len))) && !strchr(",-;", c) && !page_since(rd, prev) ?
		    GO_NOT : GO_SENTENCE;
	/*
	 * After ';' or ':' only an item goes on, as the list the colon opened: a paragraph after a
	 * colon may be the text it announces or a paragraph of its own, and no reader can tell.
	 */
	if (c == ';' || c == ':')
		return item ? GO_BLOCK : GO_NOT;
	/* After ',' or '-' a sentence goes on from a wide line ("Madam Secretary," is none). */
	if (c == ',' || c == '-')
		return wide ? GO_SENTENCE : GO_NOT;
	/*
	 * A wide line that ends in no punctuation was cut by a page break, where one stands
	 * between; after a blank line alone it is a heading, however long.
	 */
	return wide && page_since(rd, prev) ? GO_SENTENCE : GO_NOT;
}

/*
 * Whether page line i holds a number of four digits or more (a cable's number, a page header):
 * a margin stamp ("B1", "1.4(D)") marks no page break.
 */
static bool
page_number(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t k, run = 0;

	for (k = 0; k < doc_line(d, i)->len; k++) {
		run = isdigit((unsigned char)s[k]) ? run + 1 : 0;
		if (run >= 4)
			return true;
	}
	return false;
}

/*
 * Whether line k, once read, is a page break where a sentence may be cut: a page header that
 * holds a number, a banner, a caption, a page-like line or a classification line.
 */
static bool
page_break(const struct document *d, size_t k)
{
	const struct doc_line *ln = doc_line(d, k);

	return (ln->kind == LINE_PAGE && page_number(d, k)) || ln->kind == LINE_BANNER ||
	    ln->kind == LINE_CAPTION || ln->page_like || (ln->kind == LINE_TEXT &&
	    ln->portion != DOC_NONE && doc_portion(d, ln->portion)->first == k &&
	    doc_portion(d, ln->portion)->reason == REASON_CLASS);
}

/* Whether line `prev` holds the list item before g ("(b)" before "(c)"), as in "(a) x, (b) y,". */
static bool
item_before_in(const struct document *d, size_t prev, const struct group *g)
{
	char want[3];
	const struct doc_line *ln;
	size_t k;

	if (prev == DOC_NONE || g->letter == 0 || g->value < 2)
		return false;
	ln = doc_line(d, prev);
	want[0] = '(';
	want[1] = (char)(g->letter - 1);
	want[2] = ')';
	for (k = 0; k + 3 <= ln->len; k++)
		if (memcmp(d->data + ln->off + k, want, 3) == 0)
			return true;
	return false;
}

/*
 * The items seen in the paragraph the current line is in: those of lines since the last blank
 * line. A list that a paragraph's sentence runs through ("(A) registration, (B) reporting" /
 * "(C) audits") is that paragraph's; a reference line's "(A) ... (B)" makes no "(C)" further
 * down an item.
 */
static uint32_t
seen_in_paragraph(const struct reader *rd)
{
	return rd->seen_blank == rd->last_blank ? rd->seen_para | rd->labels_para : 0;
}

/*
 * Notes every one-letter item, "(b)" or "(B)", that line s[0..n) holds, in rd->seen and in the
 * paragraph's set, and the letters' labels of a list in the sentence (labels_para).
 */
static void
note_items(struct reader *rd, const char *s, size_t n)
{
	const char *at = s, *end = s + n;
	uint32_t bit;
	long depth;

	if (rd->seen_blank != rd->last_blank || rd->labels_end)
		rd->labels_para = 0;
	if (rd->seen_blank != rd->last_blank)
		rd->seen_para = 0;
	rd->seen_blank = rd->last_blank;
	rd->labels_end = false;
	/*
	 * A letter's label ("B) "), for the sentence only, where it goes on a list: "A)", or the
	 * letter after one seen ("A) registration," / "B) reporting"; "A) the tour, B) lunch, and"
	 * / "C) a call"; not "(see Ref" / "B) cleared"), where no bracket it would close is open
	 * in the line ("(REF A)", "(see Annex A)", "(para 4 a) and b) above)"). A sentence's end
	 * ends the list ("A) re-export or B) storage. They said" / "the ministry C) with"), for the
	 * labels after it, and one after the line's last label for the lines after it (the line's
	 * own items are read with it: "C) audits by the ministry.").
	 */
	for (depth = 0; at < end; at++) {
		if (*at == '(' || (*at == ')' && depth > 0)) {
			depth += *at == '(' ? 1 : -1;
			continue;
		}
		if (depth == 0 && (*at == '.' || *at == '!' || *at == '?') &&
		    (end - at == 1 || at[1] == ' ' || at[1] == '\r')) {
			rd->labels_end = true;
			continue;
		}
		if (depth > 0 || end - at < 2 || at[1] != ')' || !isalpha((unsigned char)at[0]) ||
		    (unsigned char)at[0] >= 0x80 || (at != s && isalnum((unsigned char)at[-1])))
			continue;
		if (rd->labels_end)
			rd->labels_para = 0;
		rd->labels_end = false;
		bit = (uint32_t)1 << (toupper((unsigned char)at[0]) - 'A');
		if ((end - at == 2 || at[2] == ' ' || at[2] == '\r') &&
		    (bit == 1 || (rd->labels_para & (bit >> 1)) != 0))
			rd->labels_para |= bit;
	}
	at = s;
	while (end - at >= 3 && (at = memchr(at, '(', (size_t)(end - at - 2))) != NULL) {
		bit = 0;
		if (at[2] == ')' && at[1] >= 'a' && at[1] <= 'z')
			bit = (uint32_t)1 << (at[1] - 'a');
		else if (at[2] == ')' && at[1] >= 'A' && at[1] <= 'Z')
			bit = (uint32_t)1 << (at[1] - 'A');
		rd->seen |= bit;
		rd->seen_para |= bit;
		at++;
	}
}

/*
 * The marking of a level letter ("c", "S"), in either case, or none. Sets *other for a letter of
 * another scheme's level ("R"): that is a mark this policy cannot read.
 */
static bool
letter_marking(const struct policy *p, char letter, struct marking *m, bool *other)
{
	char up = (char)toupper((unsigned char)letter);

	*other = false;
	if (marking_parse(p, &up, 1, MARKING_PORTION, m) != 1)
		return false;
	*other = m->unknown;
	return true;
}

/*
 * Whether a mark follows the first group of head h, proven or one that a level begins ("(C) (TS)
 * w81"; not "(U) (as reported in ref (A)) northern").
 */
static bool
mark_after_first(const struct head *h)
{
	size_t k;

	if (h->second.kind == GROUP_MARK ||
	    (h->second.kind == GROUP_UNKNOWN && h->second.has_level))
		return true;
	for (k = 0; k < h->nafter; k++)
		if (h->after[k].kind == GROUP_MARK ||
		    (h->after[k].kind == GROUP_UNKNOWN && h->after[k].has_level))
			return true;
	return false;
}

/* What the head of a line decides: a portion to open, and how its marking relates. */
struct opening {
	struct marking mark;
	enum portion_reason reason;
	bool joined;		/* raise-only: joined with the portion it interrupts */
};

/*
 * A line that continues an unfinished sentence, with no label: no portion begins there. A mark it
 * opens with ("(U/S) Burns", "(s//nf) walrus") or a level letter ("(s) zebra", "(C) of the act")
 * joins the sentence and can only raise it; so does what may be a mark ("(S1) the") right after
 * a blank line, where a page break may have ended the paragraph after all. Elsewhere a word in
 * parentheses that wrapped ("(CSA) while") is text. Returns whether a portion opens.
 */
static bool
decide_wrapped(const struct reader *rd, size_t i, const struct fold *f, const struct group *g,
    struct opening *o)
{
	const struct document *d = rd->d;
	bool after_blank = i > 0 && doc_line(d, i - 1)->kind == LINE_BLANK, other, under_marks;

	/* "Sen. John Doe" / "(R-TN) and staff": a party and state in the sentence. */
	if (reading_in_sentence(f, g, !after_blank))
		return false;
	/* Right under a line of marks alone, a group stands where its text begins ("(U)" / "(5NF)"). */
	under_marks = i > 0 && doc_line(d, i - 1)->kind == LINE_TEXT &&
	    line_width(rd->p, d, i - 1) == 0;
	if (g->kind == GROUP_MARK || (g->kind == GROUP_UNKNOWN && (g->has_level || after_blank ||
	    under_marks || reading_damaged_level(rd->p, f, g)))) {
		o->mark = g->mark;
		o->mark.unknown = o->mark.unknown || g->kind == GROUP_UNKNOWN;
		o->reason = REASON_MIDLINE;
	} else if (g->kind == GROUP_ITEM && g->letter != 0 &&
	    letter_marking(rd->p, g->letter, &o->mark, &other) && !other) {
		o->reason = REASON_ITEM;
	} else {
		return false;
	}
	o->joined = true;
	return true;
}

static bool word_after(const struct fold *f, size_t e);

/*
 * Whether t[0..n) is a caveat in words no policy lists (reading_caveat_line: "U.S. PERSONNEL
 * ONLY", "AMERICAN EYES ONLY", "NOT FOR FOREIGN NATIONALS"), or one word in any case that is a
 * country's "eyes only" ("AUSTEO", "NZEO", "austeo"); not "NOTE", "BACKGROUND", "ACTION
 * REQUEST". `bracketed`: where a mark stands in brackets, ONLY after any reader ("U.S.
 * PERSONNEL ONLY"; reading_caveat_line). caveat_group reads one in brackets, closed ("(AUSTEO)").
 */
static bool
caveat_words(const struct policy *p, const char *t, size_t n, bool bracketed, struct marking *m)
{
	static const char *const eyes[] = { "AUST", "NZ", "UK", "US", "CAN", "AUS", "NZL", "GBR" };
	struct fold gf;
	size_t k;

	if (n > 2 && toupper((unsigned char)t[n - 2]) == 'E' && toupper((unsigned char)t[n - 1]) == 'O')
		for (k = 0; k < sizeof(eyes) / sizeof(eyes[0]); k++)
			if (strlen(eyes[k]) == n - 2 && strncasecmp(t, eyes[k], n - 2) == 0) {
				marking_unknown(m, "a caveat no policy lists");
				return true;
			}
	fold_line(t, n, FOLD_MAX, false, &gf);
	return reading_caveat_line(p, &gf, bracketed, m);
}

static bool
caveat_group(const struct policy *p, const struct fold *f, const struct group *g)
{
	struct marking m;

	if (!g->closed || g->end < g->start + 4)
		return false;
	return caveat_words(p, f->text + g->start + 1, g->end - g->start - 2, true, &m);
}

/* The folded offset of f's first byte from k on that is no space. */
static size_t
skip_spaces(const struct fold *f, size_t k)
{
	while (k < f->len && f->text[k] == ' ')
		k++;
	return k;
}

/* Whether a dash that parts a label from its text stands at folded offset e of f (" -- ", " - ",
 * an em dash). */
static bool
label_dash(const struct fold *f, size_t e)
{
	const char *t = f->text;

	if (t[e] != '-' || e == 0 || e + 1 >= f->len)
		return false;
	/* " - ", " -- ", and an em dash glued ("AUSTEO--The", "AUSTEO-The"). */
	if (t[e - 1] == ' ')
		return t[e + 1] == ' ' || (t[e + 1] == '-' && e + 2 < f->len && t[e + 2] == ' ');
	return t[e + 1] == '-' || t[e + 1] == ' ' || (e + 2 < f->len &&
	    isupper((unsigned char)t[e + 1]) && islower((unsigned char)t[e + 2]));
}

/*
 * Whether what stands at folded offset k of f, where a paragraph's text begins, is a caveat in
 * words (caveat_words, as on a line of its own), in emphasis or not, before a colon, a dash (an
 * em dash too) or a full stop, ten words at most ("2. USA/AUS EYES ONLY: The", "2. USA, AUS
 * EYES ONLY: The", "2. US/UK Eyes Only: The", "4. AUSTEO -- THE", "(2) AUSTEO:", "2.
 * AUSTEO—The", "2. **AUSTEO:**"; not "US CITIZENS ONLY:", a heading): the paragraph's mark
 * written as a label. Not in capitals, only what caveat_words reads in any case is one (EYES
 * ONLY after readers, NOFOREIGN).
 */
static bool caveat_label_to(const struct policy *p, const struct fold *f, size_t k, bool mid,
    struct marking *m);

static bool
caveat_label(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	return caveat_label_to(p, f, k, false, m);
}

/*
 * caveat_label where a sentence begins in mid-line ("... tasking. USA/GBR EYES ONLY: The"):
 * before a colon, a dash or a full stop after ONLY, as a sentence's own first words end in a
 * full stop.
 */
static bool
caveat_label_mid(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	return caveat_label_to(p, f, k, true, m);
}

/*
 * Whether the sentence at folded offset k of f, to its full stop at `stop`, opens with a denial
 * or a release (NOT, DO, NO, NEVER, WITHHOLD, a word that begins as RELEASAB or EXCL does, in
 * any case) and says it as a caveat does: passive ("Not to be shared with Australia.", "Not for
 * release to"), or ending in a reader's code ("Do not forward to AUS.", "Releasable only to USA
 * and GBR."; not "Do not send to Mexico.", a consul's advice).
 */
static bool
denial_head(const struct fold *f, size_t k, size_t stop)
{
	static const char *const heads[] = { "not", "do", "no", "never", "withhold" };
	size_t e, j, b;
	bool head = false;

	for (e = k; e < f->len && isalpha((unsigned char)f->text[e]); e++)
		continue;
	for (j = 0; j < sizeof(heads) / sizeof(heads[0]); j++)
		if (strlen(heads[j]) == e - k && strncasecmp(f->text + k, heads[j], e - k) == 0)
			head = true;
	head = head || (e - k >= 8 && strncasecmp(f->text + k, "releasab", 8) == 0) ||
	    (e - k >= 4 && strncasecmp(f->text + k, "excl", 4) == 0);
	if (!head)
		return false;
	if (stop - k > 10 && (strncasecmp(f->text + k, "not to be ", 10) == 0 ||
	    strncasecmp(f->text + k, "not for ", 8) == 0))
		return true;
	for (b = stop; b > k && isupper((unsigned char)f->text[b - 1]); b--)
		continue;
	return stop - b >= 2 && stop - b <= 4 && strchr(" /,", f->text[b - 1]) != NULL;
}

/* Whether a word of s[0..n) names readers (reading_reader_word), in any case. */
static bool
names_readers(const struct policy *p, const char *s, size_t n)
{
	char up[POLICY_WORD_MAX];
	size_t k = 0, e, j;

	/* The group of five in words ("Five Eyes only"). */
	for (j = 0; j + 9 <= n; j++)
		if (strncasecmp(s + j, "five eyes", 9) == 0)
			return true;
	while (k < n) {
		while (k < n && !isalpha((unsigned char)s[k]))
			k++;
		for (e = k; e < n && isalpha((unsigned char)s[e]); e++)
			continue;
		if (e > k && e - k <= POLICY_WORD_MAX) {
			for (j = k; j < e; j++)
				up[j - k] = (char)toupper((unsigned char)s[j]);
			if (reading_reader_word(p, up, e - k))
				return true;
		}
		k = e;
	}
	return false;
}

/* Whether s[0..n) ends in a word that another must follow: TO, AND, OF, FOR, or a comma. */
static bool
dangles(const char *s, size_t n)
{
	static const char *const words[] = { "to", "and", "of", "for", "or" };

	return (n > 0 && s[n - 1] == ',') || last_word_in(words, sizeof(words) / sizeof(words[0]),
	    s, n);
}

/*
 * Whether t[0..n), a label before a colon or a dash, restricts its text to readers or from them
 * in words of any case, six at most: readers named (reading_reader_word: "UK", "HMG",
 * "Australia"), a word that restricts (NOT, NO, EYES, KEEP, LESS, MINUS, EXCEPT, PROTECT,
 * WITHHOLD; or ONLY, after codes or a word of release) and nothing but words of such a label
 * ("Not for UK:", "AUS ONLY:", "US readers only:", "For US personnel only:", "Keep
 * in US channels:", "FVEY less UK:", "No UK release:", "Cleared for release to Australia only:");
 * the peoples of the Five Eyes and readers abroad are readers ("Americans only:", "Not for the
 * British:", "Not for partner release:").
 */
static bool
readers_label(const struct policy *p, const char *t, size_t n)
{
	static const char *const restrict_words[] = { "not", "no", "eyes", "keep", "less",
	    "minus", "except", "protect", "withhold" };
	static const char *const label_words[] = { "for", "the", "or", "and", "in", "of",
	    "readers", "personnel", "channels", "use", "access", "officials",
	    "government", "nationals", "distribution", "dissemination", "to", "with",
	    "be", "ok", "do", "from", "hold", "back" };
	/* The peoples of the readers that labels name most ("Americans only:"), and readers
	 * abroad ("Not for foreign partners:"). */
	static const char *const peoples[] = { "american", "americans", "british", "brits",
	    "australian", "australians", "canadian", "canadians", "kiwis", "zealanders", "partner",
	    "partners", "foreign", "allies", "allied", "coalition" };
	static const char *const release_words[] = { "shareable", "sharable", "releasable",
	    "disclosable", "cleared", "release", "share", "shared", "pass", "passed", "approved",
	    "authorized" };
	char up[POLICY_WORD_MAX];
	size_t k = 0, e, j, words = 0, readers = 0, restricts = 0, names = 0;
	bool only = false, release = false;

	while (k < n) {
		while (k < n && (t[k] == ' ' || t[k] == '/' || t[k] == ',' || t[k] == '-'))
			k++;
		for (e = k; e < n && isalpha((unsigned char)t[e]); e++)
			continue;
		if (e == k)
			break;
		if (++words > 6 || e - k > POLICY_WORD_MAX)
			return false;
		for (j = k; j < e; j++)
			up[j - k] = (char)toupper((unsigned char)t[j]);
		if (e - k == 4 && strncasecmp(t + k, "only", 4) == 0) {
			only = true;
		} else if (in_words_any_case(restrict_words, sizeof(restrict_words) /
		    sizeof(restrict_words[0]), t + k, e - k)) {
			restricts++;
		} else if (in_words_any_case(release_words, sizeof(release_words) /
		    sizeof(release_words[0]), t + k, e - k)) {
			release = true;
		} else if (in_words_any_case(peoples, sizeof(peoples) / sizeof(peoples[0]), t + k,
		    e - k)) {
			readers++;
		} else if (reading_reader_word(p, up, e - k)) {
			readers++;
			/* A country's name, not its code ("Canada and Mexico only:", a topic). */
			names += e - k > 4 || !isupper((unsigned char)t[k + 1]);
		} else if (!in_words_any_case(label_words, sizeof(label_words) /
		    sizeof(label_words[0]), t + k, e - k)) {
			return false;
		}
		k = e;
	}
	/*
	 * ONLY after names alone is a topic's ("Canada and Mexico only:"); after codes or a
	 * release, a caveat ("AUS ONLY:", "US readers only:", "Shareable with Australia only:").
	 */
	return k >= n && readers > 0 && (restricts > 0 || (only && (names < readers || release)));
}

static bool
caveat_label_to(const struct policy *p, const struct fold *f, size_t k, bool mid,
    struct marking *m)
{
	size_t e, j, words = 0, sep;
	bool lower = false;

	/* Emphasis about it ("**AUSTEO:**"). */
	while (k < f->len && (f->text[k] == '*' || f->text[k] == '_'))
		k++;
	for (e = k; e < f->len && e - k < 60 && f->text[e] != ':' && !label_dash(f, e) &&
	    !(f->text[e] == '.' && e + 1 < f->len && f->text[e + 1] == ' ') &&
	    (unsigned char)f->text[e] < 0x80 && f->text[e] != '*'; e++)
		words += f->text[e] != ' ' && (e == k || f->text[e - 1] == ' ');
	sep = e;
	/*
	 * In mid-line, a full stop only after ONLY ("... May. USA/GBR EYES ONLY. The"), or after a
	 * sentence that opens with a denial or a release ("... May. Do not forward to AUS. The",
	 * "Not to be shared with Australia.", "Releasable only to USA and GBR.").
	 */
	if (mid && e < f->len && f->text[e] == '.' && !(e >= k + 4 &&
	    strncasecmp(f->text + e - 4, "ONLY", 4) == 0) && !denial_head(f, k, e))
		return false;
	while (e > k && f->text[e - 1] == ' ')
		e--;
	/*
	 * Where a paragraph begins, the line's end ends a label too ("2. USA/GBR EYES ONLY"), but
	 * not one that goes on into the next line ("NOT RELEASABLE TO", "USA, AUS,":
	 * head_caveat_across reads those).
	 */
	if (e == f->len && (mid || dangles(f->text + k, e - k)))
		return false;
	/*
	 * Not in capitals, a caveat that names no readers is a person's ("Ambassador's eyes
	 * only:"), not a classification's.
	 */
	if (e > k + 3 && words <= 10 && caveat_words(p, f->text + k, e - k, false, m)) {
		for (j = k; j < e; j++)
			lower = lower || islower((unsigned char)f->text[j]);
		if (!lower || m->fd == FD_REL || names_readers(p, f->text + k, e - k))
			return true;
	}
	/*
	 * A label before a colon or a dash that names readers in a sentence's case ("Not for
	 * UK:", "For American eyes only:", "Do not pass to the British --").
	 */
	if (sep < f->len && (f->text[sep] == ':' || label_dash(f, sep)) && e > k + 3 &&
	    readers_label(p, f->text + k, e - k)) {
		marking_unknown(m, "a caveat no policy lists");
		return true;
	}
	return false;
}

/*
 * A line where a portion can begin: after a blank line, after a label, or after a finished
 * sentence. A proven mark begins a portion at its marking; what may be a mark and proves nothing
 * begins an unknown one. A list item that is a level letter is a mark where it can only be one
 * (upper case out of sequence at a paragraph's head or after a label; "(u)" after a number), and
 * elsewhere raises ("(c)" after "(b)", a lone "(c)"); another letter out of sequence may be a mark
 * whose level is gone. Prose, abbreviations, numbers and items in sequence are text. Returns
 * whether a portion opens.
 */
static bool
decide_head(struct reader *rd, const struct fold *f, const struct group *g, enum label_kind label,
    bool in_sequence, struct opening *o)
{
	bool level, other = false;

	o->reason = REASON_MARK;
	o->joined = false;
	switch (g->kind) {
	case GROUP_MARK:
		o->mark = g->mark;
		return true;
	case GROUP_TEXT:
		/*
		 * A caveat in words where a mark stands, after a paragraph's number or a bullet or
		 * before its text ("2. (AUSTEO)", "(AMERICAN EYES ONLY) The", "(U.S. PERSONNEL
		 * ONLY) The", "-- (not releasable to partners) the"): a control no policy lists; it
		 * proves nothing.
		 */
		if (!(label == LABEL_NUMBER || label == LABEL_BULLET || word_after(f, g->end)) ||
		    !caveat_group(rd->p, f, g))
			return false;
		marking_init(&o->mark);
		o->mark.unknown = true;
		o->reason = REASON_UNREADABLE;
		return true;
	case GROUP_UNKNOWN:
		/* A mark with an unknown token ("(S/WCI)"), or something that may be a mark. */
		o->mark = g->mark;
		o->mark.unknown = true;
		o->reason = g->has_level && g->closed ? REASON_MARK : REASON_UNREADABLE;
		return true;
	case GROUP_ITEM:
		break;
	default:
		return false;
	}
	level = g->letter != 0 && letter_marking(rd->p, g->letter, &o->mark, &other);
	if (!level) {
		/*
		 * After a paragraph number or a bullet, "(5)" stands where a mark does: OCR's
		 * "(S)", not proven ("¶2. (5) The", "-- ( 5 ) The").
		 */
		if (label != LABEL_NONE && g->item == ITEM_NUMBER && g->value == 5) {
			marking_init(&o->mark);
			o->mark.unknown = true;
			o->reason = REASON_UNREADABLE;
			return true;
		}
		/* "(d)" after "(c)"; never "(T ~)", which is no list item but a damaged mark. */
		if ((in_sequence && g->bare) || g->item == ITEM_NUMBER || g->item == ITEM_ROMAN)
			return false;
		marking_init(&o->mark);
		o->mark.unknown = true;
		o->reason = REASON_UNREADABLE;
		return true;
	}
	if (other) {
		/* "(r)" after "(q)" is an item; "(R)" alone a level of another scheme. */
		if (in_sequence && label == LABEL_NONE)
			return false;
		o->reason = REASON_UNREADABLE;
		return true;
	}
	/*
	 * After a paragraph number the letter stands where a mark does ("¶2. (C)", "¶2. (u)");
	 * after a bullet, so does one in capitals. With no label, one that follows its list
	 * ("(c)" after "(b)") or is in lower case is an item or a mark: it can only raise.
	 */
	if ((label == LABEL_NONE && in_sequence) || (g->item == ITEM_LOWER &&
	    label != LABEL_NUMBER)) {
		o->reason = REASON_ITEM;
		o->joined = true;
	} else if (!g->bare) {
		/* "(U.)": a level letter with something beside it is no proven mark. */
		o->mark.unknown = true;
		o->reason = REASON_UNREADABLE;
	}
	return true;
}

/*
 * The end of the group in brackets at byte k of f when it reads as a mark, an item or what may be
 * a damaged mark, closed or alone, or k (line_width, line_words).
 */
static size_t
mark_group_end(const struct policy *p, const struct fold *f, size_t k)
{
	struct group g;

	/*
	 * A group that never closes over words ("(TS//SI The walrus source ...") is the line's
	 * text as much as a mark: it counts, so that the line is as wide as it is written.
	 */
	if ((f->text[k] == '(' || f->text[k] == '[') && reading_group_at(p, f, k, &g) &&
	    g.kind != GROUP_TEXT && g.kind != GROUP_NONE && g.end > k &&
	    (g.closed || memchr(f->text + k, ' ', g.end - k) == NULL))
		return g.end;
	return k;
}

/*
 * The width of line i as a reader sees it, in letters and digits: spacing and punctuation, which
 * damage changes, do not count, nor does a group in brackets that reads as a mark, an item or
 * what may be a damaged mark ("(T S)", "(C//rEL TO USA, GBR)"); prose in brackets counts
 * ("Kouchner (of Doctors Without Borders fame) as Foreign" is as wide as the page).
 */
static size_t
line_width(const struct policy *p, const struct document *d, size_t i)
{
	return width_to(p, d, i, doc_line(d, i)->len);
}

/* line_width of the first len bytes of line i. */
static size_t
width_to(const struct policy *p, const struct document *d, size_t i, size_t len)
{
	const struct doc_line *ln = doc_line(d, i);
	struct fold f;
	size_t k, e, w = 0;

	fold_line(d->data + ln->off, len, FOLD_MAX, ln->latin1, &f);
	for (k = 0; k < f.len; k++) {
		if ((e = mark_group_end(p, &f, k)) != k) {
			k = e - 1;
			continue;
		}
		if (isalnum((unsigned char)f.text[k]) || ((unsigned char)f.text[k] >= 0xC0))
			w++;
	}
	return w;
}

/* Whether w[0..n) is, in any case, one of the words of `phrase` ("TOP" of "TOP SECRET"). */
static bool
word_in(const char *phrase, const char *w, size_t n)
{
	const char *a = phrase, *e;

	for (;;) {
		e = strchr(a, ' ');
		if (e == NULL)
			e = a + strlen(a);
		if ((size_t)(e - a) == n && strncasecmp(a, w, n) == 0)
			return true;
		if (*e == '\0')
			return false;
		a = e + 1;
	}
}

/*
 * Whether word w[0..n) is one a marking is written with: 2 for a level's (or a word of one:
 * "TOP") or a control's, 1 for a country's, "REL" or "TO" (a heading may name a country), else 0.
 */
static int
marking_word(const struct policy *p, const char *w, size_t n)
{
	struct marking m;
	size_t l, k;

	for (l = 0; l < p->nlevels; l++)
		for (k = 0; k < p->levels[l].nbanner; k++)
			if (word_in(p->levels[l].banner[k], w, n))
				return 2;
	if ((marking_parse(p, w, n, MARKING_BANNER, &m) == 1 && !m.unknown) ||
	    policy_control_find(p, w, n) >= 0)
		return 2;
	return policy_country_find(p, w, n) >= 0 || (n == 3 && strncasecmp(w, "REL", 3) == 0) ||
	    (n == 2 && strncasecmp(w, "TO", 2) == 0);
}

/*
 * The words of line i as a reader sees them (line_width): whether it holds a word of prose, two
 * letters or digits or more, outside a group in brackets that reads as a mark, an item or what
 * may be a damaged mark, that no marking is written with ("SECRET", "NOFORN", "NF", "TS") and
 * that is not "Classification"; and whether it holds a level's or a control's word before the
 * first such word. A line of neither (a damaged mark, "S)", "[S]", a rule) carries no text
 * either.
 */
static void
line_words(const struct policy *p, const struct document *d, size_t i, bool *prose, bool *marking)
{
	const struct doc_line *ln = doc_line(d, i);
	struct fold f;
	size_t k, e, w;
	int mw;

	*marking = false;
	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	for (k = 0; k < f.len; k++) {
		if ((e = mark_group_end(p, &f, k)) != k) {
			k = e - 1;
			continue;
		}
		for (w = k; w < f.len && (isalnum((unsigned char)f.text[w]) ||
		    (unsigned char)f.text[w] >= 0xC0); w++)
			continue;
		if (w == k)
			continue;
		if ((mw = marking_word(p, f.text + k, w - k)) > 0)
			*marking = *marking || mw == 2;
		else if (w - k >= 2 && !(w - k == 14 && strncasecmp(f.text + k, "classification",
		    14) == 0))
			break;
		k = w - 1;
	}
	*prose = k < f.len;
}

/* Whether line i holds a word of prose (line_words). */
static bool
line_prose(const struct policy *p, const struct document *d, size_t i)
{
	bool prose, marking;

	line_words(p, d, i, &prose, &marking);
	return prose;
}

/*
 * Whether text line i is short and ends in no ',', '-' or ';' nor in a line of marks alone: a
 * heading, a title, a name, a date, a question. Its width counts all but a mark at its head
 * (line_width).
 */
static bool
short_open(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t len = trim_end(s, ln->len, ln->latin1);

	if (len == 0 || strchr(",-;", s[len - 1]) != NULL ||
	    line_end(p, s, ln->len, ln->latin1) == END_MARKS)
		return false;
	return line_width(p, d, i) < WRAPPED_LETTERS;
}

/*
 * Whether line i ends in a field whose value is a date written with slashes ("Run Date:
 * 07/07/2004"), which ends no sentence that wraps; "dated 07/07/2004" may.
 */
static bool
ends_date(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1), k = n, slashes = 0;
	size_t digits = 0;

	while (k > 0 && (isdigit((unsigned char)s[k - 1]) || s[k - 1] == '/')) {
		slashes += s[k - 1] == '/';
		digits += s[k - 1] != '/';
		k--;
	}
	if (!(slashes == 2 && digits >= 4 && digits <= 8 && n > k && s[k] != '/' &&
	    s[n - 1] != '/' && k > 0 && !isalnum((unsigned char)s[k - 1])))
		return false;
	/* A field's value: a label's colon right before it ("Run Date: 07/07/2004"). */
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	return k > 0 && s[k - 1] == ':';
}

/*
 * Whether a heading stands on line a: a markdown heading ("## ..."), or a line in capitals over
 * one (b) that is not.
 */
static bool
heading_over(const struct document *d, size_t a, size_t b)
{
	const char *s = d->data + doc_line(d, a)->off, *t = d->data + doc_line(d, b)->off;
	size_t k, n = doc_line(d, a)->len, m = doc_line(d, b)->len, letters = 0, lower_a = 0;
	bool lower_b = false;

	for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
		continue;
	if (k < n && s[k] == '#')
		return true;
	for (k = 0; k < n; k++) {
		letters += isalpha((unsigned char)s[k]) != 0;
		lower_a += islower((unsigned char)s[k]) != 0;
	}
	for (k = 0; k < m && !lower_b; k++)
		lower_b = islower((unsigned char)t[k]);
	/* In capitals but a letter in ten ("CODEL McCAIN MEETS ..."). */
	return letters > 0 && lower_a * 10 < letters && lower_b;
}

/*
 * Whether up[0..n) (in capitals) is a level's word or abbreviation, then any of the bytes of
 * `seps` (what OCR makes of "//": "I", "L", "1"), then a term: a control ("SNF", "SIINF"), or
 * with `control_only` false any term. A level above the lowest, with control_only.
 */
static bool
level_then(const struct policy *p, const char *up, size_t n, const char *seps, bool control_only)
{
	size_t a, b;

	for (a = 1; a < n; a++) {
		const struct policy_term *lv = policy_term_find(p, up, a), *t;

		if (lv == NULL || lv->level < (control_only ? 1 : 0) || lv->control >= 0)
			continue;
		for (b = a; b < n && strchr(seps, up[b]) != NULL; b++)
			continue;
		if (b < n && (t = policy_term_find(p, up + b, n - b)) != NULL &&
		    (!control_only || t->control >= 0))
			return true;
	}
	return false;
}

/*
 * Whether word w[0..n) (folded, no spaces) may be a mark written with no brackets: a word of a
 * marking ("S/NF", "SECRET.", "S|NF"), two capitals or fewer, a level and a control glued or
 * parted by what OCR makes of "//" ("SNF", "SIINF", "SlNF", "TSIISI", "UIIFOUO"), or a level's
 * word with a digit for a letter ("5/NF", "5ECRET").
 */
static bool
bare_word(const struct policy *p, const char *w, size_t n)
{
	char up[POLICY_WORD_MAX + 1];
	size_t e, a;
	bool caps = true;
	struct marking m;

	for (e = 0; e < n && e < POLICY_WORD_MAX && (isalnum((unsigned char)w[e]) ||
	    strchr("/|\\_.", w[e]) != NULL); e++) {
		char c = w[e] == '5' ? 'S' : w[e] == '0' ? 'O' : w[e];

		up[e] = (char)toupper((unsigned char)c);
		/* In capitals; an "l" after the first letter is OCR's "I". */
		caps = caps && (!islower((unsigned char)w[e]) || (w[e] == 'l' && e > 0));
	}
	while (e > 0 && strchr("/|\\_.", up[e - 1]) != NULL)
		e--;
	if (e == 0)
		return false;
	for (a = 0; a < e && isalpha((unsigned char)up[a]); a++)
		continue;
	if (caps && a == e && e <= 2)
		return true;
	if (policy_term_find(p, up, a) != NULL && (a == e || !isalpha((unsigned char)w[a])))
		return true;
	if (marking_parse(p, up, e, MARKING_PORTION, &m) == 1)
		return true;
	/* A level's abbreviation, what "//" became, a control or a level. */
	return caps && level_then(p, up, e, "IL1/|\\_.", false);
}

/*
 * Whether line i opens, or ends, with what may be a mark written with no brackets (bare_word),
 * read folded ("\u00a0S/NF", a full-width S); or opens with a level of two words ("TOP SECRET
 * the").
 */
static bool
opens_marking(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	struct fold f;
	char s[FOLD_MAX + 1];
	size_t n, k = 0, e, b;

	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	n = fold_ascii(&f, s);
	while (k < n && s[k] == ' ')
		k++;
	for (e = k; e < n && s[e] != ' '; e++)
		continue;
	if (e > k && bare_word(p, s + k, e - k))
		return true;
	/* "TOP SECRET the walrus": a level of two words. */
	if (e < n) {
		size_t e2 = e + 1;
		char up[POLICY_WORD_MAX + 1], *q = up;

		while (e2 < n && s[e2] != ' ')
			e2++;
		if (e2 - k <= POLICY_WORD_MAX) {
			for (b = k; b < e2; b++)
				*q++ = (char)toupper((unsigned char)s[b]);
			if (policy_term_find(p, up, e2 - k) != NULL)
				return true;
		}
	}
	/* "... walk out. S/NF": a trailing one. */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (b = n; b > k && s[b - 1] != ' '; b--)
		continue;
	if (b <= k || n - b < 2 || !bare_word(p, s + b, n - b))
		return false;
	/* At the end only a mark's shape counts ("S/NF", "SECRET"), not a word such as "US". */
	for (e = b; e < n; e++)
		if (s[e] == '/' || s[e] == '|')
			return true;
	return n - b >= 6;
}

static bool placeholder_line(const struct policy *p, const char *s, size_t n);

/*
 * The most lines marked_until_blank looks ahead: a paragraph that goes on further (from the
 * first of its lines asked about) is taken as marked, so that no line runs into the text
 * above it on a semicolon, and the look ahead stays inside a streamed reading's window.
 */
#define MARKED_AHEAD 1024

/* Whether a mark stands anywhere from line i to the next blank line (a paragraph's marks). */
static bool
marked_until_blank(struct reader *rd, size_t i)
{
	const struct policy *p = rd->p;
	const struct document *d = rd->d;
	struct marking m;
	size_t k;

	/*
	 * Lines are asked in order: what a scan found (the first blank or marked line from
	 * mub_from) answers every line up to it, so that a paragraph is scanned once.
	 */
	if (rd->mub_from != DOC_NONE && i >= rd->mub_from && i <= rd->mub_at)
		return rd->mub_marked;
	rd->mub_marked = false;
	for (k = i; k < d->nlines; k++) {
		const struct doc_line *ln;

		/* Past MARKED_AHEAD lines, the paragraph is taken as marked: it runs into none. */
		if (k - i == MARKED_AHEAD) {
			rd->mub_marked = true;
			break;
		}
		ln = doc_line(d, k);
		if (is_blank(d->data + ln->off, ln->len, ln->latin1))
			break;
		/* tearline's own placeholder is read as its source was: it counts for nothing. */
		if (!placeholder_line(p, d->data + ln->off, ln->len) &&
		    reading_marks(p, d->data + ln->off, ln->len, 0, ln->latin1, &m)) {
			rd->mub_marked = true;
			break;
		}
	}
	rd->mub_from = i;
	rd->mub_at = k;
	return rd->mub_marked;
}

/*
 * Whether line b, right below line a with no blank line, goes on with a's sentence or list (lower:
 * b's text opens in lower case, after its labels): a
 * ends in ',', '-' or ';' (its sentence goes on), or in a line of marks alone (its text
 * follows), or after ':' with an item; or a is as wide as a line that wraps and is no heading
 * over b. Below a short line (a heading, a title, a name, a date, a question, a short sentence)
 * it is a paragraph of its own, in whatever case it begins: a sentence that wrapped runs to
 * the width of the page.
 */
static bool
runs_into(struct reader *rd, size_t a, size_t b, bool item, bool lower)
{
	const struct policy *p = rd->p;
	const struct document *d = rd->d;
	const char *s = d->data + doc_line(d, a)->off;
	size_t len = trim_end(s, doc_line(d, a)->len, doc_line(d, a)->latin1), w;
	enum line_end e = line_end(p, s, doc_line(d, a)->len, doc_line(d, a)->latin1);

	if (len == 0)
		return false;
	if (e == END_MARKS)
		return true;
	/* A line that ends in a mark ends its portion ("... format (U)"). */
	if (e == END_MARK)
		return false;
	if (s[len - 1] == ':')
		return item || lower;
	if (heading_over(d, a, b))
		return false;
	/*
	 * A semicolon ends no sentence: a wide line goes on after one as after a comma, into a line
	 * that opens with no word of a marking ("S/NF The", "S: The") and a paragraph with no mark.
	 */
	if (s[len - 1] == ';')
		return item || lower || (line_width(p, d, a) >= WRAPPED_LETTERS &&
		    !opens_marking(p, d, b) && !marked_until_blank(rd, b) && !title(d, b) &&
		    (line_width(p, d, b) >= WRAPPED_LETTERS || (b + 1 < d->nlines &&
		    !is_blank(d->data + doc_line(d, b + 1)->off, doc_line(d, b + 1)->len,
		    doc_line(d, b + 1)->latin1))));
	/* A paragraph on one line ("... at the click of a mouse." / "The tool ..."). */
	if (e != END_OPEN && doc_line(d, a)->len > PARAGRAPH_LINE)
		return false;
	/* A paragraph's first line, indented below one that ended a sentence. */
	if (e != END_OPEN && indent(d, b) >= indent(d, a) + 2)
		return false;
	/* A footnote or a quoted message below one that ended a sentence ("¹ A source", "> Our"). */
	if (e == END_SENTENCE && note_or_quote(d, a, b))
		return false;
	w = line_width(p, d, a);
	if (s[len - 1] == ',' || s[len - 1] == '-')
		return lower || w >= WRAPPED_LETTERS;
	/* A sentence in lower case goes on from a line that ends none and is no title. */
	if (e == END_OPEN && lower && !title(d, a))
		return true;
	return w >= WRAPPED_LETTERS;
}

/*
 * Whether line b, right under line a, opens after spaces with a footnote's sign and a space, or
 * with a quoted message's '>' or quote bar: superscript digits or daggers ("¹ A source said",
 * "‡ The"), a markup's "[^1]:" or "^1", and a star or a number where line a ends in the same
 * after its sentence ("month.*" / "* The", "month.1" / "1 A source": stars and numbers open
 * lists too); "> Our source", "| Our source" (not a table's row). Not where a mark follows the
 * sign ("¹ (U) Press reporting"): the mark says what the note is.
 */
static bool
note_or_quote(const struct document *d, size_t a, size_t b)
{
	const unsigned char *s = (const unsigned char *)d->data + doc_line(d, b)->off;
	const unsigned char *t = (const unsigned char *)d->data + doc_line(d, a)->off;
	size_t k = 0, n = doc_line(d, b)->len, g, e, tn, m;
	bool latin1 = doc_line(d, b)->latin1;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k >= n)
		return false;
	e = k;
	if (s[k] == '>' || (s[k] == '|' && memchr(s + k + 1, '|', n - k - 1) == NULL)) {
		for (e = k + 1; e < n && (s[e] == '>' || (s[e] == ' ' && e + 1 < n &&
		    s[e + 1] == '>')); e++)
			continue;
	} else if (s[k] == '[' && k + 1 < n && s[k + 1] == '^') {
		for (e = k + 2; e < n && isdigit(s[e]); e++)
			continue;
		if (e == k + 2 || e + 1 >= n || s[e] != ']' || s[e + 1] != ':')
			return false;
		e += 2;
	} else if (s[k] == '^') {
		for (e = k + 1; e < n && isdigit(s[e]); e++)
			continue;
		if (e == k + 1)
			return false;
	} else if (s[k] == '*' || isdigit(s[k]) || (islower(s[k]) && k + 1 < n && s[k + 1] == '/')) {
		/* The same star, number or letter's note ends line a's sentence ("a/"). */
		for (e = k; e < n && s[e] == s[k] && s[k] == '*'; e++)
			continue;
		for (; e < n && isdigit(s[e]) && e - k < 2; e++)
			continue;
		e += e == k ? 2 : e < n && s[e] == '/';
		tn = trim_end((const char *)t, doc_line(d, a)->len, doc_line(d, a)->latin1);
		m = e - k;
		if (tn <= m || memcmp(t + tn - m, s + k, m) != 0 || !strchr(".?!", t[tn - m - 1]) ||
		    (isdigit(s[k]) && isdigit(t[tn - m - 1])))
			return false;
	} else {
		/* Superscripts and daggers: note_sign_end read from the front. */
		for (e = k; e < n; e += g) {
			for (g = 1; g <= 3 && e + g <= n; g++)
				if (note_sign_end(s, e + g, latin1) == g)
					break;
			if (g > 3 || e + g > n || s[e] == '*')
				break;
		}
		if (e == k)
			return false;
	}
	if (e >= n || s[e] != ' ')
		return false;
	while (e < n && s[e] == ' ')
		e++;
	return e < n && s[e] != '(';
}

/* The columns of spaces and tabs (a tab as eight) that open line i. */
static size_t
indent(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t k, w = 0;

	for (k = 0; k < doc_line(d, i)->len && (s[k] == ' ' || s[k] == '\t'); k++)
		w += s[k] == '\t' ? 8 : 1;
	return w;
}

/*
 * Whether line i is written as a title: six in ten of its words of four letters or more, outside
 * brackets, begin with a capital ("(U) Background", "Key Judgments", "Meeting with the Foreign
 * Minister"), and it is not in capitals throughout nor leaves a bracket open.
 */
static bool
title(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t k = 0, n = doc_line(d, i)->len, w, words = 0, capital = 0;
	int depth = 0;
	bool lower = false;

	while (k < n) {
		if (s[k] == '(' || s[k] == '[')
			depth++;
		else if ((s[k] == ')' || s[k] == ']') && depth > 0)
			depth--;
		if (!isalpha((unsigned char)s[k]) || depth > 0) {
			k++;
			continue;
		}
		for (w = k; w < n && isalpha((unsigned char)s[w]); w++)
			continue;
		if (w - k >= 4) {
			words++;
			capital += isupper((unsigned char)s[k]) != 0;
		}
		for (; k < w; k++)
			if (islower((unsigned char)s[k]))
				lower = true;
	}
	/*
	 * In capitals throughout (a cable of old), a line says nothing of being a title; nor
	 * does one longer than a title is (a paragraph full of names).
	 */
	return lower && depth == 0 && words > 0 && words <= TITLE_WORDS &&
	    capital * 10 >= words * 6;
}

/* Whether line i ends in a colon. */
static bool
ends_colon(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t len = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1);

	return len > 0 && s[len - 1] == ':';
}

/*
 * Whether line i is one token that ends in ')' and holds no '(': a mark alone that lost it. What
 * stands before or after the token that is no letter, digit or bracket (a bullet, emphasis,
 * punctuation: "- SBU/NF).", "**SBU/NF)**"), a footnote after it ("S) [1]"), and groups in
 * brackets before it, are read past.
 */
static bool
lost_open_alone(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t a = 0, e = trim_note(s, doc_line(d, i)->len, doc_line(d, i)->latin1), k;

	while (a < e && !isalnum((unsigned char)s[a]) && s[a] != '(')
		a++;
	while (e > a && !isalnum((unsigned char)s[e - 1]) && s[e - 1] != '(' && s[e - 1] != ')')
		e--;
	if (e <= a + 1 || s[e - 1] != ')')
		return false;
	/* Groups in brackets before it are read past too ("+ (Top Secret) SOURCE)"). */
	while (a < e && s[a] == '(') {
		const char *close = memchr(s + a, ')', e - a - 1), *open;

		if (close == NULL || ((open = memchr(s + a + 1, '(', (size_t)(close - s) - a - 1)) !=
		    NULL))
			return false;
		for (a = (size_t)(close - s) + 1; a < e && !isalnum((unsigned char)s[a]) &&
		    s[a] != '('; a++)
			continue;
	}
	if (e <= a + 1)
		return false;
	for (k = a; k < e; k++)
		if (s[k] == '(' || s[k] == ' ' || s[k] == '\t')
			return false;
	return true;
}

/*
 * Whether line i is a level letter in brackets, in any case, alone ("**(s)**", "{c}", "- [u]"):
 * what stands around it that is no letter, digit or bracket is read past, as lost_open_alone
 * does.
 */
static bool
letter_alone(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t a = 0, e = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1);
	bool other;

	while (a < e && !isalnum((unsigned char)s[a]) && strchr("([{", s[a]) == NULL)
		a++;
	while (e > a && !isalnum((unsigned char)s[e - 1]) && strchr(")]}", s[e - 1]) == NULL)
		e--;
	return e == a + 3 && strchr("([{", s[a]) != NULL && strchr(")]}", s[a + 2]) != NULL &&
	    isalpha((unsigned char)s[a + 1]) && letter_marking(p, s[a + 1], m, &other);
}

/*
 * Whether line i's first bracket opens a group that never closes before another opens or the line
 * ends ("(S//NF (s//nf) The detail."): where that mark ends, and so whether any of the line is
 * text, no reader can tell.
 */
static bool
unclosed_first(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off, *open = memchr(s, '(', doc_line(d, i)->len);
	size_t k;

	if (open == NULL)
		return false;
	for (k = (size_t)(open - s) + 1; k < doc_line(d, i)->len; k++) {
		if (s[k] == ')')
			return false;
		if (s[k] == '(')
			return true;
	}
	return true;
}

/* Whether the first character after byte k of f's text, past spaces, is a lower-case letter. */
static bool
lower_after(const struct fold *f, size_t k)
{
	while (k < f->len && f->text[k] == ' ')
		k++;
	return k < f->len && islower((unsigned char)f->text[k]);
}

/*
 * lower_after past whole bracketed groups (nested ones in them) and the punctuation around them,
 * for the text after a mark: "(U) (sbu) and more", "(U) (Top Secret) and more", "(U) (see ref
 * (A)), and more" go on with a sentence as "(U) and more" does, whatever the group
 * says (what it says is read apart, and can only raise). Only where going on joins a mark, which
 * can only raise: an unmarked line that goes on takes the marking of what it continues.
 */
static bool
lower_after_groups(const struct fold *f, size_t k)
{
	const char *s = f->text;

	for (;;) {
		size_t j, depth = 0;

		/*
		 * Punctuation, quotation marks (ASCII and typographic, in UTF-8), an ellipsis,
		 * stray closing brackets and a number: "(U) \u201cnorthern\u201d", "(U) ...
		 * northern", "(U) 4 northern", "(U) (see ref A)) northern".
		 */
		while (k < f->len) {
			unsigned char ch = (unsigned char)s[k];

			if (strchr(" ,;:-.\"')]}", s[k]) != NULL || isdigit(ch))
				k++;
			else if (ch == 0xE2 && k + 2 < f->len && (unsigned char)s[k + 1] == 0x80 &&
			    strchr("\x98\x99\x9C\x9D\xA6", s[k + 2]) != NULL)
				k += 3;
			else
				break;
		}
		if (k >= f->len || strchr("([{", s[k]) == NULL)
			return k < f->len && islower((unsigned char)s[k]);
		/* The group, nested ones in it; an unclosed one: what it opens is read after. */
		for (j = k; j < f->len; j++) {
			if (strchr("([{", s[j]) != NULL)
				depth++;
			else if (strchr(")]}", s[j]) != NULL && --depth == 0)
				break;
		}
		k = j < f->len ? j + 1 : k + 1;
	}
}

/*
 * The last text line before the line being read, across blank, page, banner, caption and
 * classification lines (note_solid); DOC_NONE when a structure line of another kind, or none,
 * stands first.
 */
static size_t
text_before(const struct reader *rd)
{
	return rd->solid_text != DOC_NONE && rd->solid_text_is_text ? rd->solid_text : DOC_NONE;
}

/*
 * Whether s[0..n), past spaces, is the policy's placeholder as redact writes it: the template
 * with a short exemption for "{exemption}" ("(U) [WITHHELD (b)(1)]").
 */
static bool
placeholder_line(const struct policy *p, const char *s, size_t n)
{
	const char *ph = p->placeholder, *at = strstr(ph, "{exemption}");
	size_t pre = at != NULL ? (size_t)(at - ph) : strlen(ph);
	const char *post = at != NULL ? at + strlen("{exemption}") : "";
	size_t npost = strlen(post), k;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n < pre + npost || memcmp(s, ph, pre) != 0 || memcmp(s + n - npost, post, npost) != 0)
		return false;
	if (at == NULL)
		return n == pre;
	if (n - pre - npost > 64)
		return false;
	for (k = pre; k < n - npost; k++)
		if (s[k] == '[' || s[k] == ']' || s[k] == '{' || s[k] == '}')
			return false;
	return true;
}

/*
 * The letter of a letter label that ends at folded offset `end` of f ("B. ", after a paragraph
 * sign or not), in capitals, or 0: an item after it that repeats it ("B. (B)") is a list's,
 * unless a mark may begin with that letter ("T. (T)" may be "(TS)" that lost its S).
 */
static char
label_letter(const struct fold *f, size_t end)
{
	while (end > 0 && strchr(" .)", f->text[end - 1]) != NULL)
		end--;
	if (end == 0 || !isalpha((unsigned char)f->text[end - 1]) ||
	    (end >= 2 && isalnum((unsigned char)f->text[end - 2])))
		return 0;
	return (char)toupper((unsigned char)f->text[end - 1]);
}

/*
 * Rule: the head of a line (start at a proven mark; unknown mark; raise). Reads the labels and
 * the group that stands first after them, and decides by where the line stands (decide_head,
 * decide_wrapped). Returns 1 when it started a portion, 0 when the line is text (its head is then
 * in *h), -1 on error.
 */
/*
 * Whether the group at the head of line i goes on with the sentence before it rather than
 * standing at a head (read_head): prev is the last text line before i, paragraph whether a blank
 * line and a finished sentence stand between them.
 */
static bool
head_runs_on(const struct reader *rd, size_t i, const struct fold *f, const struct head *h,
    size_t prev, bool paragraph)
{
	const struct policy *p = rd->p;
	const struct document *d = rd->d;
	bool runs_on = !paragraph && !ends_sentence(p, d->data + doc_line(d, prev)->off,
	    doc_line(d, prev)->len, doc_line(d, prev)->latin1), other = false;
	struct marking more;
	size_t before;

	/*
	 * A group right after a short line (a date, a name, a title: "Friday, April 4, 2003" /
	 * "(U) Yesterday, ..."; "(U) Background" / "(SIINF) The"), with no more than
	 * classification lines between, stands at a head: a sentence
	 * that wrapped runs to the width of a page. A proven mark with lower case after it still
	 * goes on with the sentence ("2 (U) is in fact"), joined; what may be a damaged mark or a
	 * number does not.
	 */
	if (runs_on && (prev + 1 == i || !blank_since(rd, prev)) && h->group.kind != GROUP_NONE &&
	    h->group.kind != GROUP_TEXT && h->label == LABEL_NONE &&
	    h->group.start == h->after_label && (short_open(p, d, prev) || ends_date(d, prev)) &&
	    (!lower_after_groups(f, h->group.end) || h->group.kind == GROUP_UNKNOWN ||
	    (h->group.kind == GROUP_ITEM && h->group.letter == 0)))
		runs_on = false;
	/*
	 * After a blank line, a mark with text in lower case after it, where the text before the
	 * blank ended no sentence ("... will sail from the" / "(U) and more escorts"), goes on
	 * with that sentence; a mark after a line of marks alone ("(S/NF)" / "(SBU) The") may be
	 * under it. Joined, it can only raise.
	 */
	if (!runs_on && paragraph && (h->group.kind == GROUP_MARK ||
	    (h->group.kind == GROUP_ITEM && h->group.letter != 0 &&
	    letter_marking(p, h->group.letter, &more, &other))) && h->label != LABEL_NUMBER &&
	    h->label != LABEL_BULLET && (before = text_before(rd)) != DOC_NONE) {
		enum line_end e = line_end(p, d->data + doc_line(d, before)->off,
		    doc_line(d, before)->len, doc_line(d, before)->latin1);
		size_t bp = doc_line(d, before)->portion;

		/*
		 * A line of marks and what may be damaged marks alone ("(SBBU/NF)",
		 * "(TS)((SBU/NF))") is one too, and so is one whose unknown mark never closes.
		 */
		runs_on = e == END_MARKS || (e == END_OPEN && lower_after_groups(f, h->group.end)) ||
		    (bp != DOC_NONE && doc_portion(d, bp)->marked &&
		    (line_width(p, d, before) == 0 || (doc_portion(d, bp)->mark->unknown &&
		    (lost_open_alone(d, before) || unclosed_first(d, before)))));
	}
	return runs_on;
}

/*
 * Whether the item at the head of line i (h->group) follows the list before it, so that it
 * is an item and no mark (read_head); prev is the last text line before i.
 */
static bool
item_in_sequence(const struct reader *rd, const struct fold *f, const struct head *h,
    size_t prev)
{
	const struct policy *p = rd->p;
	const struct group *g = &h->group;
	struct marking m;
	bool other;

	/*
	 * A level letter follows its list when the letter before it stood as an item anywhere
	 * before ("(b)" at a line's head or in a sentence): a set that only grows, so that
	 * nothing added to a document can make such an item a mark. Other letters follow the item
	 * just before them.
	 */
	if (g->letter != 0 && letter_marking(p, g->letter, &m, &other) && g->item <= ITEM_UPPER &&
	    g->value <= 26)
		return g->value == 1 || ((rd->seen >> (g->value - 2)) & 1);
	return g->value == 1 || g->value == rd->items[g->item] + 1 ||
	    item_before_in(rd->d, prev, g) || (h->label == LABEL_NUMBER &&
	    label_letter(f, h->after_label) == toupper((unsigned char)g->letter) &&
	    !p->mark_first[(unsigned char)g->letter]);
}

/*
 * Joins into *m what the groups after a mark (after[0..nafter), those past folded offset `from`)
 * say, each read as it would be at a head: one that may be a mark and proves nothing makes it unknown ("(U) (SX) The",
 * "(U) -- (5ECRET)", "(b) (U) (5NF)"); a level letter alone in either case, or the digit OCR
 * makes of S, raises by its level ("(U) (s)", "(U) (5)"); a mark joins. Items of other letters,
 * numbers, prose and abbreviations are text. Returns whether any joined.
 */
static bool
groups_after(const struct policy *p, const struct group *after, size_t nafter, size_t from,
    struct marking *m)
{
	struct marking more;
	bool other, any = false;
	size_t j;

	for (j = 0; j < nafter; j++) {
		const struct group *a = &after[j];

		if (a->start <= from)
			continue;
		marking_init(&more);
		if (a->kind == GROUP_UNKNOWN) {
			marking_unknown(&more, "a group after the mark");
		} else if (a->kind == GROUP_MARK) {
			more = a->mark;
		} else if (a->kind != GROUP_ITEM ||
		    !((a->letter != 0 && a->bare && letter_marking(p, a->letter, &more, &other)) ||
		    (a->item == ITEM_NUMBER && a->value == 5 &&
		    letter_marking(p, 'S', &more, &other)))) {
			continue;
		}
		marking_join(p, m, &more, m);
		any = true;
	}
	return any;
}

/*
 * What a letter label that is a level letter ("S) The": "(S)" that lost its '(') raises its line
 * to, in *m: its level, what stands right after it as after a mark ("U)//SBU", "U){x}"), and
 * the groups after it, read as those after a mark at a head are ("2. U) Comment: (5NF) The",
 * "U) Note: TS)The"). Returns false where the line has no such label.
 */
static bool
letter_raise(const struct reader *rd, const struct fold *f, const struct head *h,
    struct marking *m)
{
	struct group after[HEAD_AFTER];
	struct marking tail;
	bool other;

	if (h->letter == 0 || !letter_marking(rd->p, h->letter, m, &other))
		return false;
	if (reading_mark_tail(rd->p, f, h->after_label, &tail) == 1)
		marking_join(rd->p, m, &tail, m);
	(void)groups_after(rd->p, after, reading_groups_after(rd->p, f, h->after_label, after,
	    HEAD_AFTER), 0, m);
	return true;
}

/* Whether a group after the first at a head may be a mark and proves nothing (h->after). */
static bool
chain_unknown(const struct head *h)
{
	size_t j;

	for (j = 0; j < h->nafter; j++)
		if (h->after[j].kind == GROUP_UNKNOWN)
			return true;
	return false;
}

static bool table_marks(const struct policy *p, const struct document *d, size_t i,
    struct marking *m, bool *spaced);

/* The bars ('|') of s[0..n). */
static size_t
bars(const char *s, size_t n)
{
	size_t k, c = 0;

	for (k = 0; k < n; k++)
		c += s[k] == '|';
	return c;
}

static int
read_head(struct reader *rd, size_t i, const struct fold *f, struct head *h)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	const char *s = d->data + doc_line(d, i)->off;
	size_t prev = previous_text(rd), label_end, para, up;
	bool paragraph = prev == DOC_NONE || (blank_since(rd, prev) &&
	    ends_sentence(p, d->data + doc_line(d, prev)->off, doc_line(d, prev)->len,
	    doc_line(d, prev)->latin1)), other = false, opens, in_sequence = false, ours;
	bool runs_on, broke = false, spaced = false;
	const struct group *g;
	enum label_kind label;
	struct opening o;
	struct marking more;

	if (reading_head(p, rd->md, f, paragraph, h, rd->err, rd->errlen) != 0) {
		char msg[POLICY_ERRLEN];

		snprintf(msg, sizeof(msg), "%s", rd->err);
		snprintf(rd->err, rd->errlen, "%s:%zu: %s", rd->origin, i + 1, msg);
		return -1;
	}
	runs_on = head_runs_on(rd, i, f, h, prev, paragraph);
	h->at_head = !runs_on;
	g = &h->group;
	label = h->label;
	/*
	 * "(2) (S//NF)", "(1) (C)": an item numbers the paragraph its mark begins, as a label. An
	 * item that is a level letter ("(S) (U)") is a mark, joined with the one after it.
	 */
	if (g->kind == GROUP_ITEM && h->second.kind != GROUP_NONE &&
	    h->second.kind != GROUP_TEXT &&
	    !(g->letter != 0 && letter_marking(p, g->letter, &o.mark, &other))) {
		g = &h->second;
		label = LABEL_NUMBER;
	}
	/*
	 * Items are counted wherever a line opens with one, so that "(c)" after "(b)" is seen; a
	 * letter after an item that numbers the paragraph ("(B) (C)") is in a mark's place.
	 */
	if (g->kind == GROUP_ITEM && g == &h->group)
		in_sequence = item_in_sequence(rd, f, h, prev);
	o.joined = false;
	if (runs_on && label != LABEL_NUMBER && label != LABEL_BULLET)
		opens = decide_wrapped(rd, i, f, g, &o);
	else
		opens = decide_head(rd, f, g, label, in_sequence, &o);
	/*
	 * Items are counted where they stand as items, with no label before them (after a label a
	 * letter stands where a mark does: "3.1. (U)"); letters in either case ("(C)" damaged to
	 * "(c)" is the same item).
	 */
	if (g->kind == GROUP_ITEM && g == &h->group && h->label == LABEL_NONE &&
	    (!(g->letter != 0 && letter_marking(p, g->letter, &more, &other)) || in_sequence)) {
		/*
		 * A level letter counts only as the next item of a list it follows ("(c)" after
		 * "(b)"); alone ("(U)") it may be a mark, and the list goes on past it.
		 */
		rd->items[g->item] = g->value;
		if (g->item == ITEM_LOWER || g->item == ITEM_UPPER)
			rd->items[ITEM_LOWER] = rd->items[ITEM_UPPER] = g->value;
	}
	/*
	 * A paragraph that opens with groups and no mark ("(b)(1) (b)(3) (5NF) The", "U) (b)(1)
	 * (5NF) The"): one among them that may be a mark stands at the head too, and it is unknown.
	 */
	if (!opens && !runs_on && h->group.kind == GROUP_ITEM && chain_unknown(h)) {
		marking_init(&o.mark);
		o.mark.unknown = true;
		o.reason = REASON_UNREADABLE;
		opens = true;
	}
	if (!opens)
		return 0;
	/* Every mark further on in the line counts too: the line cannot be cut. */
	if (text_marks(p, s, doc_line(d, i)->len, fold_source(f, g->end), doc_line(d, i)->latin1,
	    g->kind == GROUP_MARK || g->kind == GROUP_ITEM, &more, &broke)) {
		marking_join(p, &o.mark, &more, &o.mark);
		/* Readers an order denies are denied every classified portion. */
		if (marking_denies(&more) && (more.denied_public || more.denied_document))
			marking_join(p, &d->denied, &more, &d->denied);
	}
	/* So does a control after a mark at the head ("(U)//SBU", "(U) FOUO:", "(U)NF)"). */
	if ((g->kind == GROUP_MARK || g->kind == GROUP_ITEM) &&
	    reading_mark_tail(p, f, g->end, &more))
		marking_join(p, &o.mark, &more, &o.mark);
	/* The label is what stands before the group. */
	label_end = fold_source(f, g->start);
	while (label_end > 0 && (s[label_end - 1] == ' ' || s[label_end - 1] == '\t'))
		label_end--;
	ours = placeholder_line(p, s + label_end, doc_line(d, i)->len - label_end);
	/*
	 * So does a cell of a table row that is a classification or controls alone ("| (U) |
	 * WALRUS intercepts | TS |"): a column of the row's classification; not a bar alone in
	 * its prose, which OCR makes of an apostrophe ("it|'s"). One parted by tabs or runs of
	 * spaces is unknown, as it is in a row with no mark (table_marks).
	 */
	if (!ours && bars(s, doc_line(d, i)->len) != 1 && table_marks(p, d, i, &more, &spaced))
		marking_join(p, &o.mark, &more, &o.mark);
	/*
	 * So do the groups after the mark at the head, or after an item that is a level letter
	 * ("(u) (SBUMF) The"); not the placeholder tearline wrote.
	 */
	if ((o.reason == REASON_MARK || o.reason == REASON_ITEM) && !ours)
		(void)groups_after(p, h->after, h->nafter, g->start, &o.mark);
	/*
	 * So does a letter label that is a level letter ("S) (U)": "(S)" that lost its '('); not
	 * the label a placeholder kept ("C) (U) [WITHHELD (b)(1)]", the third item of a list).
	 */
	if (h->letter != 0 && !ours && letter_marking(p, h->letter, &more, &other))
		marking_join(p, &o.mark, &more, &o.mark);
	/* A list item with a mark of its own: the paragraph before it is the list's. */
	para = rd->bulleted ? rd->para : rd->cur;
	rd->unread = (broke ? UNREAD_BREAK : 0) | (spaced && !ours ? UNREAD_CELL : 0);
	if (start(rd, i, &o.mark, o.reason, label_end, o.joined ? raising(rd) : REL_OWN) != 0)
		return -1;
	/*
	 * A mark at the head of a line that a sentence wraps to, the sentence going on in lower
	 * case after it ("... according to the ministry" / "(S//NF) with access"), with no blank
	 * line between, stands in mid-sentence: it raises its paragraph back, as one in mid-line
	 * does (mark_in_sentence). Before a capital a paragraph may begin where no blank line
	 * parts paragraphs ("- (U) First Initiative: ... and below" / "(C//REL) The standard").
	 */
	if (runs_on && !paragraph && o.joined && prev != DOC_NONE && !blank_since(rd, prev) &&
	    lower_after_groups(f, g->end))
		doc_portion(d, rd->cur)->raises_back = true;
	/*
	 * So does a mark joined with the sentence it continues, another mark after it, where the
	 * text above left its sentence open and the line goes on in lower case ("... w80," / "" /
	 * "(C) (TS) w81"): without the first, the second stands in the sentence and raises it.
	 */
	if (o.joined && mark_after_first(h) && lower_after_groups(f, g->end) &&
	    (up = text_above(p, d, i)) != DOC_NONE && goes_on_at_end(d, up, true) &&
	    split_back(rd, i) != 0)
		return -1;
	/*
	 * So does any mark, proven or not, that a sentence runs through in lower case, a blank
	 * line before it or not (runs_through: "... according to the ministry" / "TOP SECRET)
	 * with the police"); not the next item of a list ("(B) a survey; and" / "" / "(C) a
	 * campaign").
	 */
	if (!in_sequence && runs_through(rd, i, false))
		doc_portion(d, rd->cur)->raises_back = true;
	/*
	 * So does a mark in words after it in the sentence that the text line above left open
	 * ("... be held" / "(S) SECRET, he said."): a mark at the head must not hide it.
	 */
	else if (!in_sequence && !ours && mark_in_wrapped_sentence(p, d, i, f, h))
		doc_portion(d, rd->cur)->raises_back = true;
	/* And a level's name with a full stop after it ("... be held" / "" / "(S)SECRET."). */
	if (!ours && (up = ends_sentence_above(p, d, i, f)) != DOC_NONE) {
		doc_portion(d, rd->cur)->raises_back = true;
		if (raise_across(rd, up) != 0)
			return -1;
	}
	if (!ours && (g->kind == GROUP_MARK || g->kind == GROUP_ITEM))
		note_head_mark(rd, fold_source(f, g->start), fold_source(f, g->end));
	if (h->bullet || g == &h->second) {
		rd->bulleted = true;
		rd->para = para;
	}
	/*
	 * A mark at a line's head, even one that only raises, ends the header; not a placeholder
	 * tearline wrote, so that a release is read as its original was.
	 */
	if (!ours)
		rd->header = false;
	return 1;
}

/*
 * Whether a structure line (authority, declassification, TAGS, routing) stands between the line
 * being read and the last text line before it, with only blank lines, page, banner and caption
 * lines besides (note_solid).
 */
static bool
after_structure(const struct reader *rd)
{
	return rd->solid != DOC_NONE && !rd->solid_is_text;
}

/*
 * Whether line i (text) is a field of a memo's or an e-mail's header: "FROM: ...", "To: ...",
 * "DATE: ...", "Sent: ...", "MEMORANDUM FOR ...", "INFORMATION MEMO FOR ...": a label of the
 * list, in any case, before a colon, or a memo's opening words.
 */
static bool
header_field(const struct document *d, size_t i)
{
	/* ("MEMORANDUM FOR:" is one of opens.) */
	static const char *const labels[] = { "from", "to", "date", "sent", "cc", "bcc",
	    "through", "thru", "info", "action", "attn", "attention", "importance", "memo for",
	    "memo to", "note for", "for", "drafted", "cleared", "approved", "attachments", "tel",
	    "phone" };
	static const char *const opens[] = { "memorandum for", "memorandum to",
	    "information memo", "action memo", "memorandum of conversation" };
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t n = ln->len, k = 0, w, e;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	for (w = 0; w < sizeof(opens) / sizeof(opens[0]); w++) {
		size_t l = strlen(opens[w]);

		if (n - k >= l && strncasecmp(s + k, opens[w], l) == 0)
			return true;
	}
	for (e = k; e < n && s[e] != ':'; e++)
		continue;
	if (e == n || e == k)
		return false;
	while (e > k && s[e - 1] == ' ')
		e--;
	for (w = 0; w < sizeof(labels) / sizeof(labels[0]); w++)
		if (strlen(labels[w]) == e - k && strncasecmp(s + k, labels[w], e - k) == 0)
			return true;
	return false;
}

/*
 * Whether the text lines between the last line that is not text and line i are all fields of a
 * memo's or an e-mail's header (header_field), one at least: a subject under them is the
 * header's, as one under E.O. and TAGS lines is.
 */
static bool
after_header_fields(const struct document *d, size_t i)
{
	size_t k = i, fields = 0;

	/* As far back as text_above looks, in the lines a streamed read still holds. */
	while (k > d->line_base && i - k < 16) {
		const struct doc_line *ln = doc_line(d, --k);

		if (ln->kind == LINE_BLANK)
			continue;
		if (ln->kind != LINE_TEXT)
			return fields > 0;
		if (!header_field(d, k))
			return false;
		fields++;
	}
	return fields > 0 && k == 0;
}

/*
 * Rule: the subject line (start at a proven mark; unknown mark; raise). A SUBJECT line in the
 * header is a portion of its own, ended by the blank line after it; its mark is read as a head's
 * is. One after unmarked text is not the document's subject: it can only raise that text.
 * Returns 1 when line i is one, 0, or -1 on a match error.
 */
static int
read_subject(struct reader *rd, size_t i)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	char msg[POLICY_ERRLEN];
	struct marking mk, more;
	struct fold f;
	struct group g;
	size_t k, label_end = 0, at = 0;
	bool has_mark = false, g_mark = false, lower = false;
	enum relation rel;

	for (k = 0; k < p->nrules; k++) {
		const struct policy_rule *r = &p->rules[k];
		int m;

		if (r->role != ROLE_SUBJECT || !rd->header || !policy_rule_may_match(r, s, ln->len))
			continue;
		if ((m = policy_match(p, r, s, ln->len, rd->md, msg, sizeof(msg))) < 0) {
			snprintf(rd->err, rd->errlen, "%s:%zu: %s", rd->origin, i + 1, msg);
			return -1;
		}
		/* A rule whose label group took no part in the match does not match. */
		if (m == 1 && policy_matcher_ovector(rd->md)[2 * r->g_label] != PCRE2_UNSET) {
			label_end = policy_matcher_ovector(rd->md)[2 * r->g_label + 1];
			break;
		}
	}
	if (k == p->nrules)
		return 0;
	fold_line(s + label_end, ln->len - label_end, READ_MAX, ln->latin1, &f);
	while (at < f.len && f.text[at] == ' ')
		at++;
	if (reading_group_at(p, &f, at, &g)) {
		bool other;

		if (g.kind == GROUP_MARK || g.kind == GROUP_UNKNOWN) {
			mk = g.mark;
			mk.unknown = mk.unknown || g.kind == GROUP_UNKNOWN;
			has_mark = g_mark = true;
		} else if (g.kind == GROUP_ITEM && g.letter != 0 &&
		    letter_marking(p, g.letter, &mk, &other)) {
			/* "SUBJECT: (C)" is a mark; "(c)" may be one in lower case: it raises. */
			has_mark = g_mark = true;
			lower = g.item == ITEM_LOWER;
			/* "(U.)", "(U:)": a level letter with something beside it proves nothing. */
			if (!g.bare || other)
				mk.unknown = true;
		}
		/*
		 * What stands right after the mark belongs to it, as at a paragraph's head
		 * ("(U)//SBU", "(U) FOUO", "(U) //NF"): it only raises.
		 */
		if (has_mark && reading_mark_tail(p, &f, g.end, &more))
			marking_join(p, &mk, &more, &mk);
	}
	if (text_marks(p, s, ln->len, has_mark ? label_end + fold_source(&f, g.end) : label_end,
	    ln->latin1, has_mark, &more, NULL)) {
		/* Readers the subject denies are denied every classified portion. */
		if (marking_denies(&more))
			marking_join(p, &d->denied, &more, &d->denied);
		if (has_mark)
			marking_join(p, &mk, &more, &mk);
		else
			mk = more;
		/* A subject with no mark of its own is unmarked: a mark in it only raises. */
		lower = lower || !has_mark;
		has_mark = true;
	}
	/*
	 * A raise joins what stands before the subject, or raises the document. A subject right
	 * after unmarked text is not the document's: its mark may not lower that text either. One
	 * that a structure line (E.O., TAGS) parts from it is the header's (an unmarked "STATE FOR
	 * ..." line above them is a portion of its own).
	 */
	/*
	 * After a classification line, at the top too, the subject is at least its marking: such
	 * a line raises what follows it (a fuzz find: "TOP SECRET" added above a damaged banner
	 * made the subject after it its own).
	 */
	rel = d->nportions > 0 && (lower || (!rd->top && !after_structure(rd) &&
	    !after_header_fields(d, i)) ||
	    (rd->cur != DOC_NONE && doc_portion(d, rd->cur)->reason == REASON_CLASS)) ? REL_JOINED :
	    lower ? REL_DOCUMENT : REL_OWN;
	if (start(rd, i, has_mark ? &mk : NULL, REASON_SUBJECT, label_end, rel) != 0)
		return -1;
	if (g_mark)
		note_head_mark(rd, label_end + fold_source(&f, g.start), label_end + fold_source(&f, g.end));
	doc_portion(d, rd->cur)->subject = true;
	ln->kind = LINE_TEXT;
	ln->portion = rd->cur;
	return 1;
}

/* The most lines a subject wraps onto after its own. */
#define SUBJECT_WRAP 2

/*
 * Whether line i goes on with the subject that is the current portion: it stands right after a
 * line of the subject, which ends in no sentence, at most SUBJECT_WRAP lines after the SUBJECT
 * line, and begins with no field ("REF: A. MUSCAT 984", "Classified By: ..."), number, bracket
 * or dash. Else the subject has ended, and what follows is not under its mark.
 */
static bool
subject_goes_on(const struct reader *rd, size_t i)
{
	const struct document *d = rd->d;
	const struct doc_portion *pt = doc_portion(d, rd->cur);
	const struct doc_line *prev = doc_line(d, i - 1), *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0;

	if (i == 0 || prev->kind != LINE_TEXT || prev->portion != rd->cur ||
	    i - pt->first > SUBJECT_WRAP ||
	    ends_sentence(rd->p, d->data + prev->off, prev->len, prev->latin1) ||
	    field_line(s, ln->len))
		return false;
	while (k < ln->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	return k < ln->len && !isdigit((unsigned char)s[k]) && strchr("([{-*", s[k]) == NULL &&
	    (unsigned char)s[k] < 0x80;
}

static bool leads_phrase(const struct fold *f, size_t a, size_t b);
static bool leads_phrase_any(const struct fold *f, size_t a, size_t b);
static bool word_lowered(const struct fold *f, size_t a, size_t b, char *buf, size_t cap);
static bool page_footer(const struct document *d, size_t i);
static size_t outside_groups(const char *s, size_t n, char *out, size_t cap, bool *lower);
static bool fold_in_capitals(const struct fold *f);

/*
 * The text line above line i (text_above: past blank, banner, caption and page lines) whose
 * sentence line i ends, or DOC_NONE. Line i, past marks at its head, is a marking in capitals,
 * or one with its controls or slashes in any case, and ends in a sentence's end; that line ends
 * in a word in lower case or a comma ("... asked that the offer be held" / "SECRET."), as the
 * same sentence on one line would be read (level_in_prose at a line's end; "... kept" /
 * "secret." is prose), or, in capitals throughout, in a word before a marking with controls or
 * slashes. A banner ends in no full stop.
 */
static size_t
ends_sentence_above(const struct policy *p, const struct document *d, size_t i,
    const struct fold *line)
{
	const struct doc_line *ln = doc_line(d, i);
	size_t n, k, e, up, head, words = 0;
	struct marking mk;
	struct fold own, fu;
	const struct fold *fl = line;
	bool caps, slash, lower = false;

	/*
	 * Read folded: entities, curly quotation marks and an ellipsis as what they show; past
	 * marks at its head ("(S)SECRET.": one inserted there must not hide it). The reader's fold
	 * of the line serves where it holds the whole line.
	 */
	if (line->cut) {
		fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &own);
		if (own.cut)
			return DOC_NONE;
		fl = &own;
	}
	for (n = fl->len; n > 0 && fl->text[n - 1] == ' '; n--)
		continue;
	for (head = 0; head < n && fl->text[head] == ' '; head++)
		continue;
	head = rest_past_marks(fl->text, n, head);
	for (k = head; k < n; k++) {
		lower = lower || islower((unsigned char)fl->text[k]);
		words += fl->text[k] != ' ' && (k == head || fl->text[k - 1] == ' ');
	}
	while (n > 0 && strchr("\"')]", fl->text[n - 1]) != NULL)
		n--;
	/* A stop, a colon or a semicolon ends it ("SECRET.", "SECRET...", "SECRET&period;"). */
	for (e = n; e > 0 && strchr(".!?:;", fl->text[e - 1]) != NULL; e--)
		continue;
	if (e == n)
		return DOC_NONE;
	/*
	 * A marking and no more, above the lowest level ("SECRET.", "S/NF.", "S E C R E T."; not
	 * "SECRET SERVICE.", "TRADE SECRETS.", "UNCLAS.").
	 */
	for (k = head; k < e && fl->text[k] == ' '; k++)
		continue;
	marking_init(&mk);
	if (e <= k || marking_parse(p, fl->text + k, e - k, MARKING_BANNER, &mk) != 1)
		return DOC_NONE;
	/* A marking's shape with a token no policy lists ("CONFIDENTIAL//X.") is one too. */
	slash = memchr(fl->text + k, '/', e - k) != NULL;
	if ((mk.unknown && !slash) ||
	    (!mk.unknown && mk.level <= 0 && mk.controls == 0 && mk.fd == FD_NONE))
		return DOC_NONE;
	/*
	 * In lower case a level's words alone are prose's ("... kept" / "secret.", as on one
	 * line); with controls or slashes a marking ("... was marked" / "" / "secret / noforn.").
	 */
	if (lower && !slash && mk.controls == 0 && mk.fd == FD_NONE)
		return DOC_NONE;
	/*
	 * The text line of prose above (text_above): past classification, banner, caption and
	 * page lines, which only raise ("held" / "TOP SECRET" / "SECRET."), lines of no prose, and
	 * blank lines, as a page's break or double spacing puts them ("held" / "" / "MUSCAT
	 * 00001065 002 OF 004" / "" / "SECRET.", "Page 2 of 3").
	 */
	if ((up = text_above(p, d, i)) == DOC_NONE)
		return DOC_NONE;
	ln = doc_line(d, up);
	e = ln->len > 128 ? ln->len - 128 : 0;	/* the line's last words */
	fold_line(d->data + ln->off + e, ln->len - e, FOLD_MAX, ln->latin1, &fu);
	/*
	 * The line above goes on: it ends in a word in lower case or a comma, or, a text line in
	 * capitals (a cable's), in a word ("... MUST BE HELD" / "SECRET.").
	 */
	for (e = fu.len; e > 0 && fu.text[e - 1] == ' '; e--)
		continue;
	/*
	 * In capitals a level's words alone say nothing: "... MUST BE HELD" / "SECRET." is a
	 * sentence of prose, "... STRICTLY" / "CONFIDENTIAL." too. A marking with its controls or
	 * slashes is no prose's ("... BE HELD" / "SECRET//NOFORN.").
	 */
	caps = !goes_on_at_end(d, up, false);
	if (caps && !(ln->kind == LINE_TEXT && fold_in_capitals(&fu) && e > 0 &&
	    (isalpha((unsigned char)fu.text[e - 1]) || fu.text[e - 1] == ',') &&
	    (slash || mk.controls != 0 || mk.fd != FD_NONE)))
		return DOC_NONE;
	/*
	 * A level's word after a word that leads a phrase is a sentence's ("... the site is" /
	 * "SECRET.", "... THE SITE IS" / "SECRET."); a marking with its controls or slashes is
	 * not, as on one line ("... was classified" / "SECRET//NOFORN.").
	 */
	if (words > 1 || slash || mk.controls != 0 || mk.fd != FD_NONE)
		return up;
	for (e = fu.len; e > 0 && (fu.text[e - 1] == ' ' || fu.text[e - 1] == ','); e--)
		continue;
	for (k = e; k > 0 && fu.text[k - 1] != ' '; k--)
		continue;
	return e > k && !(caps ? leads_phrase_any(&fu, k, e) : leads_phrase(&fu, k, e)) ? up :
	    DOC_NONE;
}

/* Whether a slash or a bar stands in the first `words` words of f. */
static bool
slash_in_words(const struct fold *f, size_t words)
{
	size_t k, n = 0;

	for (k = 0; k < f->len && n <= words; k++) {
		if (f->text[k] == '/' || f->text[k] == '|')
			return true;
		n += f->text[k] == ' ' && k > 0 && f->text[k - 1] != ' ';
	}
	return false;
}

/* Whether a paragraph's text begins after h's labels, with no group before it. */
static bool
text_at_head(const struct head *h)
{
	return (h->label != LABEL_NONE || h->at_head) && h->group.kind == GROUP_NONE;
}

/*
 * Whether the text of line f, after head h's labels, opens with a caveat as a label
 * (caveat_label), where a paragraph begins or after a number, in brackets or not ("2. USA/AUS
 * EYES ONLY: The", "(2) AUSTEO:").
 */
static bool
head_caveat_label(const struct policy *p, const struct fold *f, const struct head *h,
    struct marking *m)
{
	if (text_at_head(h))
		return caveat_label(p, f, h->after_label, m);
	return h->group.kind == GROUP_ITEM && h->group.item == ITEM_NUMBER &&
	    h->group.start == h->after_label && caveat_label(p, f, skip_spaces(f, h->group.end), m);
}

/*
 * Whether the caveat label that would open line i's text (head_caveat_label) runs on into the
 * next line ("2. USA/GBR EYES" / "ONLY: The", "2. NOT RELEASABLE TO AUS," / "CAN, NZL:"): the
 * line's text after its label in capitals or signs to its end, read with the next line joined
 * (fold_across).
 */
static bool
head_caveat_across(const struct policy *p, const struct document *d, size_t i,
    const struct fold *f, const struct head *h, struct marking *m)
{
	char both[ACROSS_MAX];
	struct fold g;
	size_t k = h->after_label, src, len = doc_line(d, i)->len, an = len < 60 ? len : 60;

	if (i + 1 >= d->nlines || doc_line(d, i + 1)->len == 0 || f->cut || !text_at_head(h) ||
	    k >= f->len)
		return false;
	for (src = k; src < f->len; src++)
		if (islower((unsigned char)f->text[src]) || strchr(":.", f->text[src]) != NULL ||
		    (unsigned char)f->text[src] >= 0x80)
			return false;
	if ((src = fold_source(f, k)) < len - an)
		return false;
	fold_across(d, i, both, &g);
	/* The label's folded offset in the join: where the join's source is where the line's was. */
	for (k = 0; k < g.len && fold_source(&g, k) < src - (len - an); k++)
		continue;
	return k < g.len && fold_source(&g, k) == src - (len - an) && caveat_label(p, &g, k, m);
}

/* Whether the folded line f denies readers (reading_denials), into *m. */
static bool
line_denial(const struct policy *p, const struct fold *f, struct marking *m)
{
	marking_init(m);
	return reading_denials(p, f->text, f->len, m);
}

/*
 * Rule: classification lines (raise). A line that is a classification in any case or spelling
 * and not in the banner grammar ("Secret", "SECRET/NOFORN", "CLASSIFICATION: SECRET",
 * "TOP SECRET // SI / TK // REL TO USA AUS") ends the portion before it and starts one at its
 * marking, joined with what it interrupts: never lower. Returns 1 when line i is one.
 */
static int
read_class(struct reader *rd, size_t i, const struct fold *f, const struct head *h)
{
	struct document *d = rd->d;
	struct marking m;

	struct marking more;
	const struct doc_line *ln = doc_line(d, i);
	bool split = false, alone = false;
	size_t up;

	/*
	 * A caveat in words no policy lists, where the line names no control (nor with the next
	 * line: "NOT RELEASABLE TO" / "FOREIGN NATIONALS" is NOFORN), is such a line too; so is a
	 * paragraph whose text a caveat opens as a label ("2. USA/AUS EYES ONLY: The").
	 */
	/*
	 * A classification authority's line in the text ("Classified By: DATT Col. R. Smith,
	 * Reasons 1.4 (a) and (c)" heading a quoted message): the lowest classified level.
	 */
	if (rd->p->nlevels > 1 && reading_authority_line(f->text, f->len)) {
		marking_init(&m);
		m.level = 1;
	} else if (!reading_class_line(rd->p, f, !h->at_head, &m) && !(alone = h->at_head &&
	    (reading_caveat_line(rd->p, f, false, &m) || caveat_across(rd->p, d, i, &m)) &&
	    (reading_named_controls(rd->p, f) | controls_across(rd->p, d, i, 0, NULL)) == 0)) {
		struct fold spaced;

		/*
		 * A caveat label's marking is unknown, or a release to readers named (REL TO
		 * them). Else the line is read again with a zero-width space as a space
		 * ("SECRET\u200bANNEX").
		 */
		if (!head_caveat_label(rd->p, f, h, &m) &&
		    !head_caveat_across(rd->p, d, i, f, h, &m)) {
			if (!f->hidden)
				return 0;
			fold_line_spaced(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &spaced);
			if (!reading_class_line(rd->p, &spaced, !h->at_head, &m))
				return 0;
		}
	}
	/*
	 * A mark in the line counts too ("TOP (TS//SI) SECRET"), and a level and controls read by
	 * their letters ("Derived From: SECRET ... tk // orcon", a field's line that the block gave
	 * up for what pair_by_letters read in it).
	 */
	if (reading_marks(rd->p, d->data + ln->off, ln->len, 0, ln->latin1, &more))
		marking_join(rd->p, &m, &more, &m);
	if (pairs_in_line(rd->p, d->data + ln->off, ln->len, ln->latin1, &more))
		marking_join(rd->p, &m, &more, &m);
	/* So does a level's name the line above began ("ministry TOP" / "" / "SECRET with"). */
	if (level_in_prose(rd->p, d, i, &more, &split))
		marking_join(rd->p, &m, &more, &m);
	if (start(rd, i, &m, REASON_CLASS, 0, raising(rd)) != 0)
		return -1;
	if (split && split_back(rd, i) != 0)
		return -1;
	/*
	 * One that a sentence runs through, in lower case on both sides ("... cleared by the
	 * ministry" / "S//NF with the police", a blank line between or not), marks the text
	 * before it as well: it raises its paragraph back.
	 */
	if (runs_through(rd, i, false))
		doc_portion(d, rd->cur)->raises_back = true;
	/*
	 * One with its controls or slashes, in any case, where the text line right above left a
	 * sentence open ("... was" / "secret // nf and would not", "... was marked" / "secret /
	 * noforn."): the sentence's mark, as on one line.
	 */
	if (left_open_above(rd->p, d, i) && (m.controls != 0 || m.fd != FD_NONE ||
	    slash_in_words(f, 3)))
		doc_portion(d, rd->cur)->raises_back = true;
	/* Across a page's break too: what stands between is raised with it. */
	if ((up = ends_sentence_above(rd->p, d, i, f)) != DOC_NONE) {
		doc_portion(d, rd->cur)->raises_back = true;
		if (raise_across(rd, up) != 0)
			return -1;
	}
	/*
	 * A caveat in words alone, not a level, under text past blank lines ("... from May." / ""
	 * / "Please do not share with AUS.", "DO NOT RELEASE TO AUS"): who may read what it
	 * follows too. It raises the paragraph above.
	 */
	if (alone && line_denial(rd->p, f, &more))
		marking_join(rd->p, &d->denied, &more, &d->denied);
	if (alone && (up = text_above(rd->p, d, i)) != DOC_NONE &&
	    doc_line(d, up)->portion != DOC_NONE) {
		doc_portion(d, rd->cur)->raises_back = true;
		if (raise_across(rd, up) != 0)
			return -1;
	}
	if (d->has_class)
		marking_join(rd->p, &d->classes, &m, &d->classes);
	else
		d->classes = m;
	d->has_class = true;
	return 1;
}

/*
 * A table cell of controls alone ("| NOFORN |", "| ORCON |") or a REL TO list alone ("| REL TO
 * USA |"): into *m at the lowest level, with them. Returns whether the cell is one.
 */
static bool
cell_controls(const struct policy *p, const struct fold *f, struct marking *m)
{
	char buf[FOLD_MAX + 64];
	uint64_t bits;
	size_t c;

	if (f->len >= 3 && strncasecmp(f->text, "REL", 3) == 0 && f->len < FOLD_MAX) {
		snprintf(buf, sizeof(buf), "%s//%.*s", p->levels[0].banner[0], (int)f->len, f->text);
		return marking_parse(p, buf, strlen(buf), MARKING_BANNER, m) == 1 &&
		    m->fd != FD_NONE;
	}
	/* "| NOFORN |"; "| source -- NOFORN |", "| NOFORN [1] |" name it too. */
	if (!reading_caption(p, f, &bits, NULL) && (bits = reading_named_controls(p, f)) == 0)
		return false;
	marking_init(m);
	for (c = 0; c < p->ncontrols; c++)
		if (((bits >> c) & 1) && p->controls[c].kind == CONTROL_NOFORN)
			m->fd = FD_NOFORN;
	marking_add_controls(p, m, bits & p->handling);
	return m->fd != FD_NONE || m->controls != 0;
}

/* Whether s[0..n) holds the string t. */
static bool
strstr_n(const char *s, size_t n, const char *t)
{
	size_t k, m = strlen(t);

	for (k = 0; k + m <= n; k++)
		if (memcmp(s + k, t, m) == 0)
			return true;
	return false;
}

/*
 * Narrows the field s[*b..*e) of a record to its value where its name says a class
 * ("classification": "S", class=S, "level": "SECRET"}): the name's words in quotes or not,
 * then ':' or '=', then the value, braces and brackets after it dropped.
 */
static void
class_field(const char *s, size_t *b, size_t *e)
{
	static const char *const names[] = { "classification", "class", "classif", "level",
	    "security", "marking", "clas", "sec_class", "security_class" };
	size_t k, nb, ne, w;

	for (k = *b; k < *e && s[k] != ':' && s[k] != '='; k++)
		continue;
	if (k == *e)
		return;
	for (nb = *b; nb < k && strchr(" {[\"'", s[nb]) != NULL; nb++)
		continue;
	for (ne = k; ne > nb && strchr(" \"'", s[ne - 1]) != NULL; ne--)
		continue;
	for (w = 0; w < sizeof(names) / sizeof(names[0]); w++)
		if (strlen(names[w]) == ne - nb && strncasecmp(s + nb, names[w], ne - nb) == 0)
			break;
	if (w == sizeof(names) / sizeof(names[0]))
		return;
	for (k++; k < *e && s[k] == ' '; k++)
		continue;
	*b = k;
	while (*e > *b && strchr(" }]", s[*e - 1]) != NULL)
		(*e)--;
}

/*
 * What the cells of a table row say (line i opens with '|'): a cell that is a classification on
 * its own ("| Bravo | active | SECRET |", "| S//NF |", "| C |"), or controls alone ("| NOFORN
 * |", "| REL TO USA |"), raises the row. Returns whether one does, with their join in *m. In a
 * row whose cells are parted by tabs or runs of spaces, a cell that is a level alone
 * ("BRAVO\tactive\tS"), or by commas ("Seeb airfield,expanding,S", two at least), sets
 * *spaced: such a column may say something else ("Status:  S" for standby), so the row is
 * unknown (UNREAD_CELL) and raises nothing else.
 */
static bool
table_marks(const struct policy *p, const struct document *d, size_t i, struct marking *m,
    bool *spaced)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = doc_line(d, i)->len, k = 0, a, commas, semis;
	bool found = false, bars, csv;
	char sep;

	*spaced = false;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	/* Rows of any length: a cell past the fold's bytes says its row's level too. */
	if (k >= n)
		return false;
	/*
	 * Cells between bars, with the outer ones or without ("Report | TS"), or between tabs and
	 * runs of spaces ("BRAVO\tactive\tS").
	 */
	bars = memchr(s + k, '|', n - k) != NULL;
	/*
	 * A record's fields between commas or semicolons ("Site,Status,Class" / "Seeb
	 * airfield,open,S", "site=Seeb; status=open; class=S").
	 */
	for (a = k, commas = semis = 0; a < n; a++) {
		commas += s[a] == ',';
		semis += s[a] == ';';
	}
	sep = commas >= 2 ? ',' : ';';
	csv = !bars && (commas >= 2 || semis >= 2) && memchr(s + k, '\t', n - k) == NULL &&
	    !strstr_n(s + k, n - k, "  ");
	if (!bars && !csv && memchr(s + k, '\t', n - k) == NULL && !strstr_n(s + k, n - k, "  "))
		return false;
	for (a = s[k] == '|' ? k + 1 : k; a <= n; a = k + 1) {
		struct fold f;
		struct marking one;
		size_t b, e;

		k = a;
		if (bars)
			while (k < n && s[k] != '|')
				k++;
		else if (csv)
			while (k < n && s[k] != sep)
				k++;
		else
			while (k < n && s[k] != '\t' && !(s[k] == ' ' && k + 1 < n && s[k + 1] == ' '))
				k++;
		for (b = a; b < k && (s[b] == ' ' || s[b] == '\t'); b++)
			continue;
		for (e = k; e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'); e--)
			continue;
		/* A record's field named for its class ("classification": "S", class=S). */
		if (csv)
			class_field(s, &b, &e);
		/* A field in quotes ("S"). */
		if (csv && e - b >= 2 && s[b] == '"' && s[e - 1] == '"') {
			b++;
			e--;
		}
		/* A footnote after it ("TS¹", "TS [1]", "TS*"): not its digits alone ("S1"). */
		if (e > b && !isdigit((unsigned char)s[e - 1]))
			e = b + trim_footnote(s + b, e - b, doc_line(d, i)->latin1);
		if (e == b || e - b > 60 || (!bars && a == 0 && k >= n))
			continue;
		fold_line(s + b, e - b, FOLD_MAX, doc_line(d, i)->latin1, &f);
		/*
		 * Between spaces, a cell is a classification only as a marking alone ("S",
		 * "Secret", "S//NF"): a stamp's "Class: CONFIDENTIAL" in a column is no cell's.
		 */
		if (!bars) {
			/* A field in lower case is prose's ("al-Shabaab,s gains": an apostrophe). */
			if (csv && !reading_capitals(s + b, e - b))
				continue;
			if ((marking_parse(p, f.text, f.len, MARKING_BANNER, &one) == 1 &&
			    !one.unknown && one.level > 0) || (e - b <= 2 &&
			    marking_parse(p, s + b, e - b, MARKING_PORTION, &one) == 1 &&
			    !one.unknown && one.level > 0))
				*spaced = true;
			continue;
		}
		if (bars && !reading_class_line(p, &f, false, &one) && !(e - b <= 2 &&
		    marking_parse(p, s + b, e - b, MARKING_PORTION, &one) == 1 &&
		    (one.level > 0 || one.controls != 0 || one.fd != FD_NONE)) &&
		    !cell_controls(p, &f, &one))
			continue;
		if (found)
			marking_join(p, m, &one, m);
		else
			*m = one;
		found = true;
	}
	return found;
}

static bool broken_term(const struct policy *p, const struct document *d, size_t i, bool *back,
    size_t *up);
static bool glued_chain(const struct policy *p, const char *s, size_t n);

/* The longest word glued_chain reads. */
#define CHAIN_MAX 64

/* The most bytes of each line that across_marks reads. */
#define JOIN_MAX 160

/* The most bytes of signs between a level and a control that pair_by_letters reads. */
#define PAIR_GAP 32

/*
 * How far into the line below a break a level may begin for wrapped_mark: a control before it
 * that a hyphen broke ("no-" / "forn / secret") or signs first ("noforn" / "¦ secret").
 */
#define HEAD_LEVEL 48

/* Whether the word s[0..n) may be part of a mark: capitals, a slash, "to" or no ASCII. */
static bool
markish_word(const char *s, size_t n)
{
	size_t k;

	if (n == 2 && strncasecmp(s, "to", 2) == 0)
		return true;
	for (k = 0; k < n; k++)
		if (isupper((unsigned char)s[k]) || s[k] == '/' || (unsigned char)s[k] >= 0x80)
			return true;
	return false;
}

/* Whether s[0..n) holds a bracket: a group is read where it stands, never across a break. */
static bool
bracketed(const char *s, size_t n)
{
	return memchr(s, '(', n) != NULL || memchr(s, ')', n) != NULL;
}

/*
 * The marks that text line i - 1 and line i make read as one line, after a word in their case
 * (so that the first opens no sentence), that neither makes alone, into *m. buf holds the words
 * read: tail bytes of the line above, `sep` spaces (0 or 1), then head bytes of line i.
 */
static bool
joined_adds(const struct policy *p, char *buf, size_t tail, size_t sep, size_t head, bool latin1,
    struct marking *m)
{
	struct marking one, two;
	bool found1, found2;

	if (!text_marks(p, buf, 2 + tail + sep + head, 0, latin1, false, m, NULL))
		return false;
	found1 = text_marks(p, buf, 2 + tail, 0, latin1, false, &one, NULL);
	memmove(buf + 2, buf + 2 + tail + sep, head);
	found2 = text_marks(p, buf, 2 + head, 0, latin1, false, &two, NULL);
	if (found1 && found2)
		marking_join(p, &one, &two, &one);
	else if (found2)
		one = two;
	return !((found1 || found2) && marking_identical(&one, m));
}

/* Whether c is an ASCII letter or digit. */
static inline bool
ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether c joins the pieces of a word broken apart ("top-secret", "s e c r e t", "no.forn"). */
static bool
piece_join(char c)
{
	return c == ' ' || c == '-' || c == '_' || c == '.';
}

/*
 * Where the last words of s[0..k) that across_marks reads begin, four at most: words that may be
 * part of a mark (markish_word), none before a field's name, and k where a field's value of one
 * word ends the line ("Class: CONFIDENTIAL", a FOIA stamp's); or with `any` eight words in any
 * case (a level and a control's name of five words). None in brackets.
 */
static size_t
tail_words(const char *s, size_t k, bool any)
{
	size_t j, e, w, words;

	for (j = k, words = 0; words < (any ? 8 : 4); words++) {
		for (w = j; w > 0 && (s[w - 1] == ' ' || s[w - 1] == '\t'); w--)
			continue;
		for (e = w; e > 0 && s[e - 1] != ' ' && s[e - 1] != '\t'; e--)
			continue;
		if (e == w || k - e > JOIN_MAX || (!any && !markish_word(s + e, w - e)) ||
		    bracketed(s + e, w - e))
			break;
		if (s[w - 1] == ':' && !any)
			return words == 1 ? k : j;
		j = e;
	}
	return j;
}

static inline bool level_may_begin(const struct policy *p, const struct fold *f, size_t k);

static bool has_lower(const char *s, size_t n);

/*
 * The word that stands before the words across_marks joins, so that the first opens no sentence:
 * one in lower case where line u or line i has a letter in lower case, else in capitals.
 */
static char
case_before(const struct document *d, size_t u, size_t i)
{
	const struct doc_line *a = doc_line(d, u), *b = doc_line(d, i);

	return has_lower(d->data + a->off, a->len) || has_lower(d->data + b->off, b->len) ?
	    'x' : 'X';
}

/* The words across the break between text line i - 1 and line i that a reading joins. */
struct break_words {
	char buf[2 + 2 * JOIN_MAX + 1];	/* two bytes for a word before, the tail, sep, the head */
	size_t tail;			/* bytes of the words that end line i - 1 */
	size_t sep;			/* spaces between: 0 where a hyphen broke a word */
	size_t head;			/* bytes of the first five words of line i */
	size_t above;			/* the text line above line i (at_break) */
	size_t start;			/* where the tail begins in it */
	bool latin1;			/* either line is read as Latin-1, which ASCII is too */
};

static bool class_line(const struct policy *p, const struct document *d, size_t i);

static bool page_header_like(const struct document *d, size_t i);
static bool page_footer(const struct document *d, size_t i);

/*
 * Whether text line i is a page's number or header whatever the policy's layout ("MUSCAT
 * 00001065  002 OF 004", "Page 2 of 4"): it ends in a figure, which most lines do not.
 */
static bool
page_number_line(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	size_t n = ln->len;

	while (n > 0 && (d->data[ln->off + n - 1] == ' ' || d->data[ln->off + n - 1] == '\t' ||
	    d->data[ln->off + n - 1] == '\r'))
		n--;
	return n > 0 && isdigit((unsigned char)d->data[ln->off + n - 1]) &&
	    (page_header_like(d, i) || page_footer(d, i));
}

/*
 * Whether s[0..n) is one word in capitals alone, a caption's shape whatever the policy calls it
 * ("SIPDIS", "EXDIS"): what stands between the lines of a sentence and only raises.
 */
static bool
caps_word_line(const char *s, size_t n)
{
	size_t k, a = 0, letters = 0;

	while (a < n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n - a < 2 || n - a > 32)
		return false;
	for (k = a; k < n; k++) {
		if (s[k] == ' ' || s[k] == '\t' || islower((unsigned char)s[k]))
			return false;
		letters += isupper((unsigned char)s[k]) != 0;
	}
	return letters >= 2;
}

/*
 * Whether line i ends in a word that a hyphen broke ("SECRET NO-", "SE-"): the line below goes
 * on with the word, whatever else the line is.
 */
static bool
word_broken(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = doc_line(d, i)->len;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n >= 2 && s[n - 1] == '-' && isalpha((unsigned char)s[n - 2]);
}

/*
 * Where the words of s[0..n) begin past blanks and a group in brackets at its head, of 32 bytes
 * at most ("(S) DENTIAL and"): a mark that stands between the halves of a word, or of a
 * sentence, that a line's break cut, which only raises.
 */
static size_t
past_group(const char *s, size_t n)
{
	const char *q;
	size_t a = 0;

	while (a < n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	if (a < n && s[a] == '(' && (q = memchr(s + a, ')', n - a < 32 ? n - a : 32)) != NULL)
		for (a = (size_t)(q - s) + 1; a < n && (s[a] == ' ' || s[a] == '\t'); a++)
			continue;
	return a;
}

/*
 * The text line above line i, past banner, caption and page lines, a page's number or header
 * (page_number_line), classification lines and a word in capitals alone (caps_word_line; both
 * noted in doc_line.crossed as each line is read) between, which only raise ("... the ministry
 * SE-" / "CONFIDENTIAL" / "CRET with"), and past blank lines where line i goes on in lower case,
 * at once or after a word in capitals, a sentence that the line above left open ("... was
 * secret //" / "" / "MUSCAT 00001065 002 OF 004" / "" / "noforn and", "... was NOFORN" / "" /
 * "SECRET and"), in *s, up to its trailing blanks (*k), and line i in *t (*tn bytes): where a
 * word, a sentence or a mark that a line's break cut goes on. Past blank lines and text lines
 * (a page's, a classification line, a word in capitals alone) only with `far`: across_marks,
 * whose words in capitals read many a heading as a sentence's head, reads the text line right
 * above ("Secret" / "/ klamath", under the intel policy); never past a line that ends in a word
 * a hyphen broke (word_broken: "SECRET NO-" / "FORN", "SE-" / "CRET"). Returns the line above,
 * or DOC_NONE.
 */
static size_t
at_break(const struct policy *p, const struct document *d, size_t i, bool far, const char **s,
    size_t *k, const char **t, size_t *tn)
{
	const struct doc_line *a, *b = doc_line(d, i);
	size_t u, e;
	bool blank = false, lower;

	/*
	 * Line i goes on a sentence in lower case, past signs ("noforn and", "// nf and"), or after
	 * a word in capitals ("SECRET and").
	 */
	*t = d->data + b->off;
	e = past_group(*t, b->len);
	for (; e < b->len && e < PAIR_GAP && !isalnum((unsigned char)(*t)[e]) &&
	    (unsigned char)(*t)[e] < 0x80; e++)
		continue;
	lower = e < b->len && islower((unsigned char)(*t)[e]);
	if (!lower && e < b->len && isupper((unsigned char)(*t)[e])) {
		size_t w = e;

		while (w < b->len && (isupper((unsigned char)(*t)[w]) || (*t)[w] == '/'))
			w++;
		lower = w - e >= 2 && w + 1 < b->len && (*t)[w] == ' ' &&
		    islower((unsigned char)(*t)[w + 1]);
	}
	for (u = i; u > 0 && i - u < 8; u--) {
		a = doc_line(d, u - 1);
		if (a->kind == LINE_TEXT && (!far || word_broken(d, u - 1) || (!a->page_like &&
		    !a->crossed && !class_line(p, d, u - 1))))
			break;
		blank = blank || a->kind == LINE_BLANK;
		if (a->kind != LINE_BANNER && a->kind != LINE_CAPTION && a->kind != LINE_PAGE &&
		    a->kind != LINE_TEXT && !(a->kind == LINE_BLANK && (a->rule || (far && lower))))
			return DOC_NONE;
	}
	if (u == 0 || i - u >= 8)
		return DOC_NONE;
	u--;
	a = doc_line(d, u);
	*s = d->data + a->off;
	*tn = b->len;
	for (*k = a->len; *k > 0 && ((*s)[*k - 1] == ' ' || (*s)[*k - 1] == '\t'); (*k)--)
		continue;
	/* Across a blank line, only a sentence that the line above left open. */
	if (blank && (*k == 0 || strchr(".!?:;", (*s)[*k - 1]) != NULL))
		return DOC_NONE;
	return u;
}

/*
 * The words that the text line above line i ends with (at_break; tail_words: with `any`, in
 * any case) and the first five of line i (with `any`, sixteen: a control's name of words after
 * signs, letters spaced), none in brackets, into *w; with `any`, a word that a hyphen broke
 * ("no-" / "forn") is joined again. Returns false where there are none.
 */
static bool
words_across(const struct policy *p, const struct document *d, size_t i, bool any,
    struct break_words *w)
{
	const char *s, *t;
	size_t j, k, e, n, x, tn, words;

	if ((w->above = at_break(p, d, i, any, &s, &k, &t, &tn)) == DOC_NONE ||
	    (j = tail_words(s, k, any)) == k)
		return false;
	for (e = 0; e < tn && (t[e] == ' ' || t[e] == '\t'); e++)
		continue;
	for (n = e, words = 0; n < tn && words < (any ? 16 : 5); words++) {
		for (x = n; x < tn && (t[x] == ' ' || t[x] == '\t'); x++)
			continue;
		while (x < tn && t[x] != ' ' && t[x] != '\t')
			x++;
		if (x - e > JOIN_MAX || bracketed(t + n, x - n))
			break;
		n = x;
	}
	if (n == e)
		return false;
	w->start = j;
	w->tail = k - j;
	w->head = n - e;
	w->latin1 = doc_line(d, w->above)->latin1 || doc_line(d, i)->latin1;
	w->sep = any && k - j >= 2 && s[k - 1] == '-' && isalpha((unsigned char)s[k - 2]) &&
	    isalpha((unsigned char)t[e]) ? 0 : 1;
	w->buf[1] = ' ';
	memcpy(w->buf + 2, s + j, w->tail);
	w->buf[2 + w->tail] = ' ';
	memcpy(w->buf + 2 + w->tail + w->sep, t + e, w->head);
	return true;
}

/*
 * The marks that words written across the line break between text line i - 1 and line i make
 * ("... in June. FED" / "ONLY The walrus", "TALENT" / "KEYHOLE The"), into *m: the words that
 * may be part of a mark at the end of the line above (four at most, none in brackets) and the
 * first five of line i, read as one line is. What stands on one line alone was read there.
 */
static bool
across_marks(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	struct break_words w;
	const char *h;
	size_t e;

	if (!words_across(p, d, i, false, &w))
		return false;
	h = w.buf + 2 + w.tail + w.sep;
	for (e = 0; e < w.head && h[e] != ' ' && h[e] != '\t'; e++)
		continue;
	if (!markish_word(h, e))
		return false;
	w.buf[0] = case_before(d, w.above, i);
	return joined_adds(p, w.buf, w.tail, w.sep, w.head, w.latin1, m);
}

/*
 * Whether a sentence ends right before folded offset k of f, after a word of two letters or more
 * ("... schedule. USA/GBR"; not a paragraph's number, "2. USA/GBR").
 */
static bool
after_sentence(const struct fold *f, size_t k)
{
	size_t j = k;

	while (j > 0 && f->text[j - 1] == ' ')
		j--;
	return j < k && j >= 3 && strchr(".?!;", f->text[j - 1]) != NULL &&
	    isalpha((unsigned char)f->text[j - 2]) && isalpha((unsigned char)f->text[j - 3]);
}

/*
 * A caveat in words as a label that line i - 1 begins, after a portion's mark or where a
 * sentence begins in mid-line, and line i ends ("(S//REL TO USA, AUS) USA/GBR" / "EYES ONLY:
 * The", "... schedule. USA/GBR" / "EYES ONLY: The"): caveat_label_mid on the two joined
 * (fold_across), into *m. Where a paragraph begins without a mark, head_caveat_across reads it.
 */
static bool
label_across(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const struct doc_line *a, *b;
	char both[ACROSS_MAX];
	struct fold g;
	size_t an, end, k, bnd, words = 0;
	const char *s;

	if (i == 0 || (a = doc_line(d, i - 1))->len == 0 || (b = doc_line(d, i))->len == 0)
		return false;
	s = d->data + a->off;
	end = trim_end(s, a->len, a->latin1);
	if (end == 0 || !(isalpha((unsigned char)s[end - 1]) || s[end - 1] == ',' ||
	    s[end - 1] == '/'))
		return false;
	/*
	 * The label ends in line i, before a colon, a dash or a full stop, in ONLY or in a reader's
	 * name ("ONLY: The", "AUS, CAN, NZL: The").
	 */
	s = d->data + b->off;
	for (k = 0; k < b->len && k < 60 && s[k] != ':' && s[k] != '-' && s[k] != '.'; k++)
		continue;
	if (k == b->len || k == 60)
		return false;
	for (end = k; end > 0 && isalpha((unsigned char)s[end - 1]); end--)
		continue;
	if (!(k - end == 4 && strncasecmp(s + end, "only", 4) == 0) && !(k - end >= 2 &&
	    k - end <= 4 && isupper((unsigned char)s[end]) && isupper((unsigned char)s[k - 1]) &&
	    reading_reader_word(p, s + end, k - end)))
		return false;
	an = a->len < 60 ? a->len : 60;
	fold_across(d, i - 1, both, &g);
	for (bnd = 0; bnd < g.len && fold_source(&g, bnd) < an; bnd++)
		continue;
	/* Back from the break over seven words at most, none ending the label on line i - 1. */
	for (k = bnd; k > 0 && words <= 7; k--) {
		char c = g.text[k - 1];

		if (c == ':' || c == '.' || c == ')' || (c == '-' && label_dash(&g, k - 1)))
			break;
		words += c == ' ' && k < bnd && g.text[k] != ' ';
	}
	for (; k < bnd; k++)
		if (k >= 2 && g.text[k - 1] == ' ' && g.text[k] != ' ' &&
		    (g.text[k - 2] == ')' || after_sentence(&g, k)) && caveat_label_mid(p, &g, k, m))
			return true;
	return false;
}

/*
 * A line's break that pair_by_letters reads across: the words before it end at `tail` of the
 * fold, those after it begin at `head`.
 */
struct pair_span {
	size_t tail, head;
	const struct fold *alone;	/* the words before the break alone */
	size_t from;			/* where what ran across the break begins */
};

static bool pair_by_letters(const struct policy *p, const struct fold *f, size_t k,
    struct marking *m, struct pair_span *sp);
static void add_found(const struct policy *p, struct marking *m, bool *found,
    const struct marking *one);

static bool abbreviation_dot(const struct fold *f, size_t k);

/*
 * Whether the sentence on line u goes into what begins at byte j of it, a mark read across the
 * break below, unless proven not: a full stop after a word of three letters or more in lower
 * case that ends no abbreviation ("... the minister spoke. SE-" / "CRET The walrus" marks what
 * follows), or '!' or '?', closing quotation marks or brackets after them or not. A colon
 * introduces what follows ("was marked:" / "SE-" / "CRET"), and "Govt.", "Oct.", "C." or "1998."
 * may end no sentence: the mark is the sentence's above. At the line's head, the text line right
 * above it says, if any.
 */
static bool
goes_into(const struct document *d, size_t u, size_t j)
{
	const char *s = d->data + doc_line(d, u)->off;
	struct fold f;
	size_t a, w;

	while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	/* At the line's head, the text line right above says ("... spoke." / "SE-" / "CRET"). */
	if (j == 0 && u > 0 && doc_line(d, u - 1)->kind == LINE_TEXT) {
		s = d->data + doc_line(d, --u)->off;
		for (j = doc_line(d, u)->len; j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' ||
		    s[j - 1] == '\r'); j--)
			continue;
	}
	while (j > 1 && strchr("\"')]", s[j - 1]) != NULL && strchr(".!?", s[j - 2]) != NULL)
		j--;
	if (j == 0 || strchr(".!?", s[j - 1]) == NULL)
		return true;
	if (s[j - 1] != '.')
		return false;
	for (w = j - 1; w > 0 && islower((unsigned char)s[w - 1]); w--)
		continue;
	if (j - 1 - w < 3 || (w > 0 && isalnum((unsigned char)s[w - 1])))
		return true;
	/* "... met the u.s." / "SE-": an abbreviation's dot ends no sentence. */
	a = j > 16 ? j - 16 : 0;
	fold_line(s + a, j - a, FOLD_MAX, doc_line(d, u)->latin1, &f);
	return f.len > 0 && abbreviation_dot(&f, f.len - 1);
}

/*
 * Whether s[0..n) begins with a level's name above the lowest, or as much of it as there is, in
 * any case and with OCR's letters (policy_letter_class), its letters parted or not by what parts
 * a word in pieces; a byte not ASCII may be any letter. A look at the bytes before any folding.
 */
static bool
level_raw(const struct policy *p, const char *s, size_t n)
{
	size_t l, c, j;

	for (l = 1; l < p->nlevels; l++) {
		const char *name = p->levels[l].name;

		if (policy_letter_class(s[0]) != policy_letter_class(name[0]) &&
		    (unsigned char)s[0] < 0x80)
			continue;	/* as most words are */
		for (c = 0, j = 0; name[c] != '\0' && j < n; c++) {
			if (!ascii_alnum(name[c]))
				continue;
			while (c > 0 && j < n && piece_join(s[j]))
				j++;
			if (j == n || (unsigned char)s[j] >= 0x80)
				return true;
			if (policy_letter_class(s[j]) != policy_letter_class(name[c]))
				break;
			j++;
		}
		if (name[c] == '\0' || j == n)
			return true;
	}
	return false;
}

/* Whether s[0..n) is a table's row: a bar first, after blanks ("| Site | Status |"). */
static bool
table_row(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	return k < n && s[k] == '|';
}

/*
 * Whether a level's name may begin (level_raw) in the last eight words of the text line above
 * line i (at_break), or in the first HEAD_LEVEL bytes of line i: where wrapped_mark reads. Most
 * lines have none there.
 */
static bool
level_near_break(const struct policy *p, const struct document *d, size_t i)
{
	const char *s, *t;
	size_t j, k, e, tn, words = 0;

	/* A table's rows are read cell by cell (table_marks), not as a sentence. */
	if (at_break(p, d, i, true, &s, &k, &t, &tn) == DOC_NONE || table_row(s, k) ||
	    table_row(t, tn))
		return false;
	/* One pass back over the words (tail_words reads them again where one may begin). */
	for (j = k; j > 0 && k - j <= JOIN_MAX; j--) {
		unsigned char c = (unsigned char)s[j - 1];

		if (c == ' ' || c == '\t') {
			if (s[j] != ' ' && s[j] != '\t' && ++words == 8)
				break;
			continue;
		}
		if ((p->level_first[c] || c >= 0x80) && (j == 1 || !ascii_alnum(s[j - 2])) &&
		    level_raw(p, s + j - 1, k - j + 1))
			return true;
	}
	for (e = 0; e < tn && e < HEAD_LEVEL; e++)
		if ((p->level_first[(unsigned char)t[e]] || (unsigned char)t[e] >= 0x80) &&
		    (e == 0 || !ascii_alnum(t[e - 1])) && level_raw(p, t + e, tn - e))
			return true;
	return false;
}

/*
 * The marks that a level and a control read by their letters (pair_by_letters) make across the
 * line break between text line i - 1 and line i, in any case, into *m: "... marked top" /
 * "secret ¦ noforn", "secret ¦" / "noforn", "secret ¦ no-" / "forn", "noforn ¦" / "secret". A
 * level's name begins in the last eight words above or the first HEAD_LEVEL bytes below; most
 * lines hold no byte one begins with there, and are turned away by a table's look-up before any
 * folding. *back is set where the sentence above goes into what they read (goes_into): the line
 * above (*up) is under it too.
 */
static bool
wrapped_mark(const struct policy *p, const struct document *d, size_t i, struct marking *m,
    bool *back, size_t *up)
{
	struct break_words w;
	struct pair_span sp;
	struct fold f, alone;
	const char *b;
	size_t k, n, limit;
	bool found = false;

	*back = false;
	sp.from = 0;
	if (!level_near_break(p, d, i) || !words_across(p, d, i, true, &w))
		return false;
	*up = w.above;
	b = w.buf + 2;
	n = w.tail + w.sep + w.head;
	limit = w.tail + w.sep + HEAD_LEVEL < n ? w.tail + w.sep + HEAD_LEVEL : n;
	fold_line(b, n, FOLD_MAX, w.latin1, &f);
	for (sp.tail = 0; sp.tail < f.len && fold_source(&f, sp.tail) < w.tail; sp.tail++)
		continue;
	for (sp.head = sp.tail; sp.head < f.len && fold_source(&f, sp.head) < w.tail + w.sep;
	    sp.head++)
		continue;
	/* The same fold cut at the break: text and map stay f's. */
	alone = f;
	alone.len = sp.tail;
	sp.alone = &alone;
	for (k = 0; k < f.len && fold_source(&f, k) < limit; k++) {
		struct marking one;

		if (level_may_begin(p, &f, k) && pair_by_letters(p, &f, k, &one, &sp)) {
			add_found(p, m, &found, &one);
			*back = *back || goes_into(d, w.above, w.start + fold_source(&f, sp.from));
		}
	}
	return found;
}

/*
 * Whether a release denied to readers runs on from line i - 1 to line i ("Keep this" / "from
 * NZL."; reading_denial_line of the two joined), into *m.
 */
static bool
denial_across(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const struct doc_line *up;
	char both[ACROSS_MAX], c;
	struct fold g;
	size_t n;

	if (i == 0 || doc_line(d, i - 1)->len == 0 || doc_line(d, i)->len == 0)
		return false;
	/* A line above that ends its sentence runs on into no sentence of this one. */
	up = doc_line(d, i - 1);
	n = trim_end(d->data + up->off, up->len, up->latin1);
	c = n > 0 ? d->data[up->off + n - 1] : '.';
	if (c == '.' || c == '!' || c == '?' || c == ';')
		return false;
	fold_across(d, i - 1, both, &g);
	marking_init(m);
	return reading_denials(p, g.text, g.len, m);
}

/*
 * What the marks of line i from byte `from` say, in mid-line and in its table cells, joined, into
 * *m; a mark that a hyphen broke across the line break before it (broken_term) is unknown, and
 * one written across it (across_marks), a caveat's label or a denial wrapped across it
 * (label_across, denial_across) count. *unread says what the line holds that no mark
 * proves (UNREAD_BREAK, UNREAD_CELL): for the portion it is read in, never the document's
 * marking.
 */
static bool
line_marks(const struct policy *p, const struct document *d, size_t i, size_t from,
    struct marking *m, unsigned char *unread)
{
	struct marking more;
	bool found, spaced, broke = false;

	found = text_marks(p, d->data + doc_line(d, i)->off, doc_line(d, i)->len, from,
	    doc_line(d, i)->latin1, false, m, &broke);
	if (across_marks(p, d, i, &more)) {
		if (found)
			marking_join(p, m, &more, m);
		else
			*m = more;
		found = true;
	}
	if (label_across(p, d, i, &more) || denial_across(p, d, i, &more)) {
		if (found)
			marking_join(p, m, &more, m);
		else
			*m = more;
		found = true;
	}
	if (broken_term(p, d, i, NULL, NULL)) {
		marking_unknown(&more, "a mark broken across lines");
		if (found)
			marking_join(p, m, &more, m);
		else
			*m = more;
		found = true;
	}
	if (table_marks(p, d, i, &more, &spaced)) {
		if (found)
			marking_join(p, m, &more, m);
		else
			*m = more;
		found = true;
	}
	*unread = (broke ? UNREAD_BREAK : 0) | (spaced ? UNREAD_CELL : 0);
	if (found)
		m->unknown_token[0] = '\0';	/* as text_marks says */
	return found;
}

/*
 * Whether the sentence on line i runs on across the blank lines after it (a page break in a
 * statement): it ends in a letter, a digit or a comma, and is wide.
 */
static bool
runs_across(const struct document *d, size_t i)
{
	const char *s;
	size_t n;

	if (i == DOC_NONE)
		return false;
	s = d->data + doc_line(d, i)->off;
	n = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1);
	return n > 0 && (isalnum((unsigned char)s[n - 1]) || s[n - 1] == ',') &&
	    text_width(d, doc_line(d, i)) >= WRAPPED_WIDTH;
}

/* Whether line i is the author's comment: "COMMENT:", "Embassy comment.", "END COMMENT". */
static bool
comment_line(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = doc_line(d, i)->len, k;

	for (k = 0; k + 7 <= n; k++)
		if (strncasecmp(s + k, "comment", 7) == 0 && (k == 0 || !isalpha((unsigned char)s[k - 1])) &&
		    (k + 7 == n || !isalpha((unsigned char)s[k + 7])))
			return true;
	return false;
}

/* The most lines a text announced by a marked paragraph runs to (announced_text). */
#define ANNOUNCED_MAX 400

/* How a line closes an announced text (closes_text). */
enum text_close {
	CLOSE_NONE,
	CLOSE_END,	/* "END TEXT", "End of text.", "END QUOTE", "[END TEXT OF LIST]" */
	CLOSE_THANKS	/* a statement's "Thank you.", "Thank you, Madame Chair." */
};

/*
 * Whether line i closes a text that a paragraph announced: "END TEXT", "End of text.", "END
 * QUOTE", "End statement." (in brackets or not), or a statement's "Thank you." (with at most a
 * few words more: "Thank you, Madame Chair.").
 */
static enum text_close
closes_text(const struct document *d, size_t i)
{
	static const char *const ends[] = { "END TEXT", "END OF TEXT", "END QUOTE",
		"END STATEMENT", "END OF STATEMENT", "END NON-PAPER", "END OF NON-PAPER" };
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1), k = 0, e, words = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '['))
		k++;
	for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
		size_t w = strlen(ends[e]);

		if (n - k >= w && strncasecmp(s + k, ends[e], w) == 0 &&
		    (n - k == w || !isalnum((unsigned char)s[k + w]))) {
			size_t r = k + w, words2 = 0;

			/*
			 * The line says no more than that ("END TEXT.", "[END TEXT OF LIST]"):
			 * "END TEXT. EMBASSY COMMENT: ...", "END QUOTE, HE SAID." are text. Only
			 * "OF" and two words may follow, and a full stop or a bracket.
			 */
			while (r < n && s[r] == ' ')
				r++;
			if (r < n && strncasecmp(s + r, "OF ", 3) == 0)
				for (r += 3; r < n && (isalpha((unsigned char)s[r]) || s[r] == ' ' ||
				    s[r] == '-'); r++)
					words2 += isalpha((unsigned char)s[r]) &&
					    !isalpha((unsigned char)s[r - 1]);
			while (r < n && strchr(".]", s[r]) != NULL)
				r++;
			return r == n && words2 <= 2 ? CLOSE_END : CLOSE_NONE;
		}
	}
	/* "Thank you." or "Thank you, Madame Chair.": one full stop, at the end. */
	if (n - k < 10 || strncasecmp(s + k, "thank you", 9) != 0 || s[n - 1] != '.' ||
	    memchr(s + k, '.', n - k - 1) != NULL || (s[k + 9] != '.' && s[k + 9] != ','))
		return CLOSE_NONE;
	for (e = k; e < n; e++)
		words += s[e] == ' ' && e > k && s[e - 1] != ' ';
	return words < 5 ? CLOSE_THANKS : CLOSE_NONE;
}

/* Whether line i is a salutation: a few words that end in a comma ("Madame Chair,"). */
static bool
salutation(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1), k, words = 0;

	if (n == 0 || s[n - 1] != ',')
		return false;
	for (k = 0; k < n; k++)
		words += s[k] != ' ' && s[k] != '\t' && (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t');
	return words <= 4;
}

/*
 * A text that the marked paragraph on line prev announces, whose first line is i: prev ends in a
 * colon or says BEGIN TEXT in capitals ("Below is the text of the statement as delivered:"), the
 * lines from i on hold no mark, no classification, caption or rule line and no numbered
 * paragraph, and a line closes them within ANNOUNCED_MAX lines: an END line that says no more
 * (closes_text), or a statement's "Thank you." where the text opens with a salutation ("Madame
 * Chair,") and each of its paragraphs is set off, its first line indented. Quoted so, the text is the
 * paragraph's, marked by its mark; with no closing line it may be anything, and is not. Returns
 * the closing line, or DOC_NONE.
 */
static size_t
announced_text(const struct reader *rd, size_t prev, size_t i)
{
	const struct document *d = rd->d;
	const struct doc_portion *pt;
	const char *s;
	size_t n, j, k, first = DOC_NONE, last = DOC_NONE;
	bool begin = false, set_off = true;

	if (rd->cur == DOC_NONE || prev == DOC_NONE)
		return DOC_NONE;
	s = d->data + doc_line(d, prev)->off;
	n = trim_end(s, doc_line(d, prev)->len, doc_line(d, prev)->latin1);
	pt = doc_portion(d, rd->cur);
	if (!pt->marked || pt->mark->unknown || pt->reason != REASON_MARK)
		return DOC_NONE;
	for (k = 0; k + 10 <= n && !begin; k++)
		begin = memcmp(s + k, "BEGIN TEXT", 10) == 0;
	if (!begin && (n == 0 || s[n - 1] != ':'))
		return DOC_NONE;
	for (j = i; j < d->nlines && j - i < ANNOUNCED_MAX; j++) {
		const struct doc_line *ln = doc_line(d, j);
		const char *t = d->data + ln->off;
		struct marking m;
		struct fold f;
		uint64_t bits;
		enum text_close c;

		if (is_blank(t, ln->len, ln->latin1))
			continue;
		/*
		 * An END line closes any; "Thank you." only a statement that opens with a
		 * salutation ("Madame Chair,"), not a text BEGIN TEXT opened.
		 */
		if ((c = closes_text(d, j)) == CLOSE_END || (c == CLOSE_THANKS && !begin && j > i &&
		    salutation(d, first) && set_off))
			return j;
		if (j == i || first == DOC_NONE)
			first = j;
		/*
		 * A statement's paragraphs are set off, their first lines (after a blank line and
		 * a finished sentence) indented: the author's own paragraph between them is not.
		 */
		else if (is_blank(d->data + doc_line(d, j - 1)->off, doc_line(d, j - 1)->len,
		    doc_line(d, j - 1)->latin1) && !runs_across(d, last) &&
		    indent(d, j) < indent(d, prev) + 2)
			set_off = false;
		last = j;
		/* What may be a mark with no brackets, or the author's comment ("COMMENT: ..."). */
		if (opens_marking(rd->p, d, j) || comment_line(d, j))
			return DOC_NONE;
		if (is_rule(t, ln->len) || reading_marks(rd->p, t, ln->len, 0, ln->latin1, &m))
			return DOC_NONE;
		for (k = 0; k < ln->len && (t[k] == ' ' || t[k] == '\t'); k++)
			continue;
		/* A numbered paragraph ("2.", after a paragraph sign or not): the text ends. */
		if (k < ln->len && (isdigit((unsigned char)t[k]) || (unsigned char)t[k] >= 0x80))
			return DOC_NONE;
		fold_line(t, ln->len, FOLD_MAX, ln->latin1, &f);
		if (reading_class_line(rd->p, &f, false, &m) || reading_caption(rd->p, &f, &bits, NULL))
			return DOC_NONE;
	}
	return DOC_NONE;
}

/* Whether buf[0..n), a separator or space at its end aside, is a proven mark with a level. */
static bool
proven_level(const struct policy *p, const char *buf, size_t n)
{
	struct marking m;

	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '/'))
		n--;
	if (n < 1)
		return false;
	return (marking_parse(p, buf, n, MARKING_PORTION, &m) == 1 && !m.unknown && m.level >= 0) ||
	    (marking_parse(p, buf, n, MARKING_BANNER, &m) == 1 && !m.unknown && m.level >= 0);
}

/*
 * Whether the text of f from `at` opens with a mark of two words or with spaces in it, read as
 * one ("S / NF", "S // NF", "TOP SECRET//SI", "TOP SECRET:", "SECRET NOFORN:"): its first two or
 * three words, their spaces dropped around separators, proven, with a level, and a separator or
 * a colon after them.
 */
static bool
spaced_mark(const struct policy *p, const struct fold *f, size_t at)
{
	const char *s = f->text;
	char buf[POLICY_WORD_MAX + 1];
	size_t k, n = 0, words = 0;
	bool sep = false;

	for (k = at; k <= f->len && n < POLICY_WORD_MAX; k++) {
		if (k == f->len || s[k] == ' ' || s[k] == ':') {
			/* At each word's end: is what was read so far a mark? */
			if (k > at && s[k - 1] != ' ' && (sep || (k < f->len && s[k] == ':')) &&
			    proven_level(p, buf, n))
				return true;
			if (k == f->len || s[k] == ':' || (k > at && s[k - 1] != ' ' && ++words >= 3))
				break;
			continue;
		}
		if (s[k] == '/' || s[k] == '|' || s[k] == '\\' || (s[k] == '-' && n > 0 &&
		    isalpha((unsigned char)buf[n - 1]))) {
			sep = true;
			buf[n++] = '/';
			continue;
		}
		if (!isalnum((unsigned char)s[k]))
			break;
		/* A word after the first: a space, kept unless a separator stands beside it. */
		if (k > at && s[k - 1] == ' ' && n > 0 && buf[n - 1] != '/')
			buf[n++] = ' ';
		/* OCR: "5" for S ("5//NF", "T5/SI"); "I", "1", "7" or "l" where "//" stood ("S/INF"). */
		if (s[k] == '5' && (n == 0 || isalpha((unsigned char)buf[n - 1])))
			buf[n++] = 'S';
		else if (n > 0 && buf[n - 1] == '/' && strchr("I17l", s[k]) != NULL &&
		    k + 1 < f->len && isalpha((unsigned char)s[k + 1]))
			continue;
		else
			buf[n++] = (char)toupper((unsigned char)s[k]);
	}
	return false;
}

/* Whether folded line f opens with "/s/" or "/S/", a signed original's mark, alone or not. */
static bool
signed_mark(const struct fold *f)
{
	const char *s = f->text;
	size_t at = 0;

	while (at < f->len && s[at] == ' ')
		at++;
	return f->len - at >= 3 && s[at] == '/' && (s[at + 1] == 's' || s[at + 1] == 'S') &&
	    s[at + 2] == '/' && (at + 3 == f->len || s[at + 3] == ' ');
}

/*
 * Whether the text of folded line f from `at` opens with a mark written with no brackets, a word
 * that can be nothing else: a level and a separator ("S/NF", "TS/SI", "S|NF", "<S/NF>"), a level's
 * abbreviation before a colon ("S:", "TS:"), or what OCR makes of "//" between them ("SIINF",
 * "SNF"). Office symbols the policy lists ("S/P") are none.
 */
static bool
bare_head(const struct policy *p, const struct fold *f, size_t at)
{
	const char *s = f->text;
	size_t e, b, k;
	bool sep = false;
	struct marking m;
	char up[POLICY_WORD_MAX + 1];

	/*
	 * "/s/" and "/S/", a signed original's mark, alone or before the signer's name: no level
	 * stands between two slashes.
	 */
	if (signed_mark(f))
		return false;
	/* Bullets of any kind, emphasis, a number glued to it ("► S/NF", "**S/NF**", "2.S//NF"). */
	while (at < f->len && !isalnum((unsigned char)s[at]) && s[at] != '(' && s[at] != '[')
		at++;
	for (e = at; e < f->len && isdigit((unsigned char)s[e]); e++)
		continue;
	if (e > at && e + 1 < f->len && (s[e] == '.' || s[e] == ')') && isalpha((unsigned char)s[e + 1]))
		at = e + 1;
	if (spaced_mark(p, f, at))
		return true;
	for (e = at; e < f->len && s[e] != ' '; e++)
		continue;
	b = e;
	while (b > at && strchr(":>.,*", s[b - 1]) != NULL)
		b--;
	if (b == at || b - at > 40)
		return false;
	for (k = at; k < b; k++)
		sep = sep || s[k] == '/' || s[k] == '|' || s[k] == '\\';
	if (policy_not_mark(p, s + at, b - at))
		return false;
	/*
	 * A proven mark, "|" and "\\" read as "/" and a first "5" as "S" ("S/PELacey", an office
	 * and a name, proves nothing).
	 */
	if (sep && b - at <= POLICY_WORD_MAX && isalnum((unsigned char)s[at])) {
		for (k = at; k < b; k++)
			up[k - at] = s[k] == '|' || s[k] == '\\' ? '/' : k == at && s[k] == '5' ? 'S' :
			    s[k];
		if (marking_parse(p, up, b - at, MARKING_PORTION, &m) == 1 && !m.unknown &&
		    m.level >= 0)
			return true;
	}
	/*
	 * "2. NOFORN The ...", "2. Noforn The", "2. NF The": a NOFORN-type control alone where a
	 * mark stands (one of two letters in capitals).
	 */
	if (b - at <= POLICY_WORD_MAX) {
		const struct policy_term *c;

		for (k = at; k < b; k++)
			up[k - at] = (char)toupper((unsigned char)s[k]);
		c = policy_term_find(p, up, b - at);
		if (c != NULL && c->control >= 0 && p->controls[c->control].kind == CONTROL_NOFORN &&
		    (b - at >= 4 || reading_capitals(s + at, b - at)))
			return true;
	}
	/* "S:", "TS:": a level's abbreviation and a colon. */
	if (b < e && s[b] == ':' && b - at <= 3) {
		const struct policy_term *lv;

		for (k = at; k < b && k - at < POLICY_WORD_MAX; k++)
			up[k - at] = s[k];
		lv = policy_term_find(p, up, b - at);
		if (lv != NULL && lv->level > 0 && lv->control < 0 && isupper((unsigned char)s[at]))
			return true;
	}
	/*
	 * OCR's forms, in capitals: "SIINF", "SNF", "T5NF": a level's abbreviation, then a
	 * control, OCR's "5", "0" and "8" read as the letters they stand for.
	 */
	if (sep || b - at < 3 || b - at > POLICY_WORD_MAX)
		return false;
	for (k = at; k < b; k++) {
		if (!isupper((unsigned char)s[k]) && strchr("1058", s[k]) == NULL)
			return false;
		up[k - at] = s[k] == '5' ? 'S' : s[k] == '0' ? 'O' : s[k] == '8' ? 'B' : s[k];
	}
	return level_then(p, up, b - at, "IL1", true);
}

/*
 * Whether c parts the words of a mark that OCR or a slip made of "//" ("S.NF", "S=NF", "S^NF",
 * "TS.SI.NF", "TS!"): any sign of ASCII but a bracket or a quotation mark (`marked "Secret."` names
 * a level); with `ocr`, also OCR's "I", "L" and "1" for a slash ("SIINF").
 */
static inline bool
glue_sep(char c, bool ocr)
{
	if (ocr && (c == 'I' || c == 'L' || c == '1'))
		return true;
	return (unsigned char)c < 0x80 && ispunct((unsigned char)c) &&
	    strchr("()[]{}<>\"`", c) == NULL;
}

/*
 * Where the words of a mark glued at up[k] go on past what parts them (up to m): signs; where
 * none stands and `ocr`, OCR's "I", "L" and "1" for "//" and signs after them ("SIINF", "S1^LES").
 * Not signs and OCR's letters mixed, which would eat a control's first letter ("S#IMC").
 */
static size_t
glue_skip(const char *up, size_t k, size_t m, bool ocr)
{
	size_t b = k;

	while (b < m && glue_sep(up[b], false))
		b++;
	if (b > k || !ocr)
		return b;
	while (b < m && (up[b] == 'I' || up[b] == 'L' || up[b] == '1'))
		b++;
	while (b > k && b < m && glue_sep(up[b], false))
		b++;
	return b;
}

/*
 * How many controls up[b..m), in capitals, is, each the longest the policy knows at its place,
 * parted by what OCR or a slip makes of "//" or by nothing ("SIIINF": SI, NF; "SINF"), the last
 * maybe a release list, its words run together ("SIIREL TO USA, GBR": "RELTOUSA,GBR"); 0 where
 * it holds anything else.
 */
static size_t
ocr_controls(const struct policy *p, const char *up, size_t b, size_t m)
{
	const struct policy_term *t;
	size_t e, n = 0;

	while (b < m) {
		if (m - b > 5 && memcmp(up + b, "RELTO", 5) == 0)
			return n + 1;
		for (e = m - b > 8 ? b + 8 : m; e > b; e--)
			if ((t = policy_term_find(p, up + b, e - b)) != NULL && t->control >= 0)
				break;
		if (e == b)
			return 0;
		n++;
		/* Signs, or where none stands OCR's letters for "//" ("SIIINF"; not "S#IMC"). */
		b = glue_skip(up, e, m, true);
	}
	return n;
}

/*
 * Whether s[0..n), capitals alone, four or more, is a level above the lowest and one control or
 * more glued ("TSSI": TS and SI; not "STK", "CSI", as often acronyms), where level_glued asks
 * two controls or more: a mark that lost its "//", read wherever a sentence begins (after a full
 * stop, level_then_control also reads what OCR made of "//" between).
 */
static bool
level_and_controls(const struct policy *p, const char *s, size_t n)
{
	const struct policy_term *lv;
	size_t a;

	if (n < 4 || n > POLICY_WORD_MAX || !reading_capitals(s, n))
		return false;
	for (a = 1; a + 1 < n; a++)
		if ((lv = policy_term_find(p, s, a)) != NULL && lv->level > 0 && lv->control < 0 &&
		    ocr_controls(p, s, a, n) >= 1)
			return true;
	return false;
}

/*
 * Whether up[b..m), in capitals, after a level up[0..a) and what parts them, is the rest of a
 * mark: nothing (a level of two letters or more cut short: "TS."), a control, controls that
 * OCR's "II" parts, or words of a marking, the first a control or "REL" (level_glued).
 */
static bool
glued_rest(const struct policy *p, const char *up, size_t a, size_t b, size_t m, bool lower)
{
	const struct policy_term *t;
	size_t e;

	if (b == m)
		return a >= 2;
	if (!lower && (t = policy_term_find(p, up + b, m - b)) != NULL && t->control >= 0)
		return true;
	/* In capitals, controls that OCR's "II" parts as well ("TSIISIIINF", "TS11SI11NF"). */
	if (!lower && ocr_controls(p, up, b, m) > 0)
		return true;
	/* Words of a marking after it, the first a control or "REL". */
	for (e = b; e < m && !glue_sep(up[e], false); e++)
		continue;
	if (!(((t = policy_term_find(p, up + b, e - b)) != NULL && t->control >= 0) ||
	    (e - b == 3 && memcmp(up + b, "REL", 3) == 0)))
		return false;
	for (;;) {
		if (e - b < 2 && lower)
			return false;
		if (marking_word(p, up + b, e - b) <= 0)
			return false;
		while (e < m && glue_sep(up[e], false))
			e++;
		if (e == m)
			return true;
		for (b = e; e < m && !glue_sep(up[e], false); e++)
			continue;
	}
}

/*
 * Whether s[0..n) (a group's text, its closing bracket maybe with it) is a level above the
 * lowest and a control, parted by what OCR or a slip makes of "//" ("S,NF", "SIINF", "S-NF",
 * "S.NF", "TS:SI", "S_NF", "S=NF"), with more of a marking's words after it ("TS.SI.NF",
 * "C.REL"), or a level of two letters or more cut short by one ("TS."); in lower case only
 * where punctuation parts them ("s.nf"); not glued ("SOC", the Serbian Orthodox Church), nor
 * "U/S" (an Under Secretary).
 */
/*
 * The term that up[0..n), in capitals, names with OCR's figures and '$' read as the letters they
 * stand for ("5ECRET", "C0NFIDENTIAL", "$ECRET", "S3CRET", "SECRE7", "CONF|DENTIAL"), where it
 * holds one; else NULL.
 */
static const struct policy_term *
ocr_name(const struct policy *p, const char *up, size_t n)
{
	char t[POLICY_WORD_MAX + 1];
	size_t k;
	bool slip = false;

	if (n > POLICY_WORD_MAX)
		return NULL;
	for (k = 0; k < n; k++) {
		/* Besides reading_ocr_letter's: '3', '7', '|' and '!' beside a level's letters. */
		t[k] = up[k] == '3' || up[k] == '7' || up[k] == '|' || up[k] == '!' ?
		    reading_ocr_sign_letter((unsigned char)up[k], up[k]) : reading_ocr_letter(up[k]);
		slip = slip || t[k] != up[k];
	}
	return slip ? policy_term_find(p, t, n) : NULL;
}

static bool
level_glued(const struct policy *p, const char *s, size_t n)
{
	char up[POLICY_WORD_MAX + 1], ell[POLICY_WORD_MAX + 1];
	size_t k, m = 0, a, b, e;
	bool lower = false, ells = false;

	for (k = 0; k < n && m < POLICY_WORD_MAX; k++) {
		if (closing(s[k]))
			break;
		/* OCR's "l" for "I" after the first is no lower case ("SlNF"). */
		lower = lower || (islower((unsigned char)s[k]) && !(s[k] == 'l' && k > 0));
		if (s[k] == ' ')
			continue;
		/* In a level's name that "l" is an "I" ("CONFIDENTlAL,"): '|' to ocr_name. */
		ell[m] = s[k] == 'l' && k > 0 ? '|' : (char)toupper((unsigned char)s[k]);
		ells = ells || ell[m] == '|';
		up[m++] = (char)toupper((unsigned char)s[k]);
	}
	if (k < n && strchr(")]}", s[k]) == NULL)
		return false;	/* longer than any mark */
	for (a = 1; a < m; a++) {
		const struct policy_term *lv = policy_term_find(p, up, a);

		/* A level's name of four letters or more with OCR's figures ("5ECRET,", "$ECRET."). */
		if (lv == NULL && a >= 4 && !lower)
			lv = ocr_name(p, up, a);
		if (lv == NULL && a >= 4 && !lower && ells)
			lv = ocr_name(p, ell, a);
		if (lv == NULL || lv->level < 1 || lv->control >= 0)
			continue;
		/*
		 * Signs, or where none stands OCR's letters for "//" in capitals and signs after them
		 * ("SIINF", "S1^LES"); else signs and OCR's letters together ("S/lNF").
		 */
		b = glue_skip(up, a, m, !lower);
		/* Glued to a chain of two controls or more, in capitals ("TSSINF": TS, SI, NF). */
		if (b == a && !lower && ocr_controls(p, up, b, m) >= 2)
			return true;
		if (b == a)
			continue;
		if (glued_rest(p, up, a, b, m, lower))
			return true;
		for (e = a; !lower && e < m && glue_sep(up[e], true); e++)
			continue;
		if (e != b && e > a && glued_rest(p, up, a, e, m, lower))
			return true;
	}
	return false;
}

static bool double_slash(const char *s, size_t n);
static bool initials_before(const struct fold *f, const struct group *g);
static bool in_sentence_at(const struct policy *p, const struct fold *f, size_t k, size_t e);

/*
 * Whether group g of f, one that may be a mark, is one damaged past doubt: "//" in it, a level
 * glued to controls (level_glued), OCR's digits in a level ("(T5)"), a level misspelt
 * ("(SECRFT)"), a level's abbreviation glued to a control ("(SNF)"), a mark in OCR's signs
 * ("(S!NF)": reading_ocr_mark).
 */
static bool
damaged_group(const struct policy *p, const struct fold *f, const struct group *g)
{
	return (g->kind == GROUP_UNKNOWN && (double_slash(f->text + g->start, g->end - g->start) ||
	    level_glued(p, f->text + g->start + 1, g->end - g->start - 1) ||
	    reading_ocr_level(p, f, g) || reading_damaged_level(p, f, g) ||
	    reading_glued_mark(p, f, g))) ||
	    /* In prose, "($)" is the dollar's sign: one sign alone is read at a head only. */
	    (g->end - g->start > 3 && reading_ocr_mark(p, f, g));
}

/* Whether s[0..n) holds a letter in lower case, but OCR's "l" for "I" after the first. */
static bool
lower_inside(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (islower((unsigned char)s[k]) && !(s[k] == 'l' && k > 1))
			return true;
	return false;
}

/* Whether s[0..n) holds "//". */
static bool
double_slash(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k + 1 < n; k++)
		if (s[k] == '/' && s[k + 1] == '/')
			return true;
	return false;
}

/*
 * Whether s[0..j) is nothing but labels where a line's text begins: bullets, signs and spaces,
 * and at most three words that are a list's label ("- ", "o ", "(a) ", "1.b) ", "[2] ", "| 2 | ",
 * "§ 3 ", "b: ", "2.3 ", "2b ", "#2 ", "No. 2 "): words of three letters and digits at most that
 * hold a digit, or that a label's sign closes (". ) ] |", or ":" after one letter) or opens ("(
 * [ | { < # §"). A word of prose before ("a SOC Bishop") is none, nor a field's name ("Class:
 * SECRET --" of a FOIA release's stamp, "LDC: NOFORN"). What follows is where the line's text
 * begins.
 */
static bool
after_label(const char *s, size_t j)
{
	size_t i = 0, words = 0, run, start, after;
	bool digit;

	for (;;) {
		while (i < j && !isalnum((unsigned char)s[i]))
			i++;
		if (i == j)
			return true;
		start = i;
		/* "1.b)", "4.a.": a label's parts glued by a dot or a bracket are one word. */
		for (run = 0, digit = false; i < j; i++) {
			if (!isalnum((unsigned char)s[i]) && !(strchr(".()", s[i]) != NULL &&
			    i + 1 < j && isalnum((unsigned char)s[i + 1]) && run > 0))
				break;
			if (isalnum((unsigned char)s[i])) {
				run++;
				digit = digit || isdigit((unsigned char)s[i]);
			}
		}
		for (after = i; after < j && s[after] == ' '; after++)
			continue;
		while (start > 0 && s[start - 1] == ' ')
			start--;
		if (++words > 3 || run > 3 ||
		    !((after < j && strchr(".)]|", s[after]) != NULL) ||
		    (run == 1 && after < j && s[after] == ':') ||
		    (start > 0 && strchr("([|{<#\xa7", s[start - 1]) != NULL) ||
		    (run == 1 && s[i - 1] == 'o') || digit))
			return false;
	}
}

/*
 * Whether the text of f before byte j is a label of words before a sign, from where its sentence
 * begins (the line's start, or after a sentence's end): after bullets and a paragraph's number or
 * nothing ("2. ", "¶2. ", "(2) ", "§ 2 ", "• ") and a portion's mark, one to twelve words of
 * anything but spaces, the first with a letter,
 * ending in ':', '=', '>', '*', '~' or a symbol ("Item 2:", "Note to the file:",
 * "Ambassador's note:", "[Note]:", "Résumé:", "Item 2::", "Item 2 =>", "*Note*", "Note→"), or in
 * ')' after a number or a letter or two ("Item 2)", "Item iv)"); 32 bytes at most a word ("P5+1",
 * "2+2", "(50%)"). A table's bar ends none: "| J. Walrus | REL TO USA |" is cells.
 * *subject says whether its first word names a subject's field ("Subject:", "RE:").
 */
static bool label_words(const struct fold *f, size_t i, size_t j, char end, bool *subject);
static size_t sentence_start(const char *s, size_t j);

static bool
word_label(const struct fold *f, size_t j, bool *subject)
{
	const char *s = f->text;
	size_t i;
	char end;

	*subject = false;
	if (j == 0)
		return false;
	if (strchr(":=>)*~", s[j - 1]) == NULL) {
		/* A symbol: its UTF-8 begins after the last ASCII byte. */
		for (i = j; i > 0 && (unsigned char)s[i - 1] >= 0x80 && j - i < 4; i--)
			if ((unsigned char)s[i - 1] >= 0xC0)
				break;
		if (i == 0 || i == j || !fold_symbol_at(f, i - 1))
			return false;
		j = i - 1;
		end = '>';
	} else {
		end = s[--j];
		/* "=>", "->", " >": an arrow; "<br>", "<p>" are a tag's ends. */
		if (end == '>' && (j == 0 || strchr("=- ", s[j - 1]) == NULL))
			return false;
	}
	while (end != ')' && j > 0 && strchr(":=->*~", s[j - 1]) != NULL)
		j--;
	while (j > 0 && s[j - 1] == ' ')
		j--;
	/*
	 * From the line's start ("Para. 3:", whose dot ends no sentence), else from where the
	 * sentence begins: after the last ". ", "? ", "! " or "; " before it.
	 */
	if (label_words(f, 0, j, end, subject))
		return true;
	return (i = sentence_start(s, j)) > 0 && label_words(f, i, j, end, subject);
}

/*
 * Where the last sentence before byte j of s begins: after a sentence's end and its closing
 * quotation marks and brackets (". ", ".\" ", ".” ", ".) ", ".» "), or after a dash of two
 * ("soon -- Comment:"); 0 for none.
 */
static size_t
sentence_start(const char *s, size_t j)
{
	size_t i, e;

	for (i = j; i > 1; i--) {
		if (s[i - 1] != ' ')
			continue;
		if (i >= 3 && s[i - 2] == '-' && s[i - 3] == '-')
			return i;
		/* Closing quotation marks and brackets, in ASCII and in UTF-8 (", ’, »). */
		for (e = i - 1; e > 0 && (strchr("\"')]}", s[e - 1]) != NULL ||
		    ((unsigned char)s[e - 1] >= 0x80 && i - e < 8)); e--)
			continue;
		if (e > 0 && strchr(".?!;", s[e - 1]) != NULL)
			return i;
	}
	return 0;
}

/* Whether f's text from byte i to j is a label's words (word_label), `end` the sign it ends in. */
static bool
label_words(const struct fold *f, size_t i, size_t j, char end, bool *subject)
{
	const char *s = f->text;
	size_t w = 0, run = 0, first, tokens;
	bool letter = false;

	/* Bullets, and up to two tokens of a paragraph's number: "2.", "(2)", "§ 2", "#2", "2 -". */
	for (tokens = 0; i < j; ) {
		size_t k = i;
		bool alpha = false;

		while (i < j && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < j && fold_symbol_at(f, i)) {
			while (++i < j && (unsigned char)s[i] >= 0x80 && (unsigned char)s[i] < 0xC0)
				continue;
			continue;
		}
		for (k = i; k < j && s[k] != ' '; k++)
			alpha = alpha || isalpha((unsigned char)s[k]) ||
			    (unsigned char)s[k] >= 0xC0;
		/* A portion's mark before it is no word of it: "(U) Comment on ...:". */
		if (alpha && k - i <= 12 && s[i] == '(' && s[k - 1] == ')' && tokens < 3) {
			tokens++;
			i = k;
			continue;
		}
		if (alpha || k == i || tokens == 3)
			break;
		tokens++;
		i = k;
	}
	first = i;
	while (i < j) {
		for (run = 0; i < j && s[i] != ' ' && s[i] != '\t'; i++, run++)
			letter = letter || (w == 0 && (isalpha((unsigned char)s[i]) ||
			    (unsigned char)s[i] >= 0xC0));
		if (run == 0 || ++w > 12 || run > 32)
			return false;
		while (i < j && s[i] == ' ')
			i++;
	}
	if (w == 0 || !letter)
		return false;
	/* "Item 2)", "Item iv)": a bracket closes a number; "(see below)" is no label. */
	if (end == ')' && (w < 2 || run > 4 || s[j - 1] == ')'))
		return false;
	for (i = first; i < j && isalnum((unsigned char)s[i]); i++)
		continue;
	*subject = reading_subject_word(s + first, i - first);
	return true;
}

/* Whether s[k] begins a quotation mark: ASCII, or a curly one ("\u201c", "\u2018"). */
static size_t
quote_at(const char *s, size_t n, size_t k)
{
	if (k < n && strchr("\"'*_", s[k]) != NULL)
		return 1;
	if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
	    (unsigned char)s[k + 2] >= 0x98 && (unsigned char)s[k + 2] <= 0x9D)
		return 3;
	return 0;
}

/*
 * Whether s[0..n) begins with a word of one to three letters (in quotes or emphasis, or not),
 * then a space, the end, a dash, a closing sign or a sentence's punctuation ("TS The", "TS:
 * The", "“TS” The", "TS) The"; "TS." but not an initial's "S."). A letter alone must be followed
 * by a capital ("S The"; not "C - the", "Terminal: S"). After a subject's field, a word before
 * ':' is another field ("Subject: SBU: ..."), which control_label reads.
 */
static bool
short_word(const char *s, size_t n, bool subject)
{
	size_t k = 0, a, q;

	while ((q = quote_at(s, n, k)) > 0)
		k += q;
	for (a = k; k < n && isalpha((unsigned char)s[k]); k++)
		continue;
	if (k - a < 1 || k - a > 3)
		return false;
	if (subject && k < n && s[k] == ':')
		return false;
	if (k < n && s[k] == '.' && k - a < 2)
		return false;
	while (k < n && ((q = quote_at(s, n, k)) > 0 || strchr(":,;.)?!", s[k]) != NULL))
		k += q > 0 ? q : 1;
	if (k < n && s[k] != ' ' && s[k] != '-' && (unsigned char)s[k] < 0x80)
		return false;
	if (k - a > 1 || a > 0)
		return true;
	/* A letter alone: a capital (or a quotation mark) after spaces and dashes. */
	while (k < n && (s[k] == ' ' || s[k] == '-' || (unsigned char)s[k] >= 0x80) &&
	    quote_at(s, n, k) == 0)
		k++;
	return k < n && (isupper((unsigned char)s[k]) || quote_at(s, n, k) > 0);
}

/* Whether a colon stands before f->text[k], spaces between or not ("Muscat: (S!NF) He"). */
static bool
after_colon(const struct fold *f, size_t k)
{
	while (k > 0 && f->text[k - 1] == ' ')
		k--;
	return k > 0 && f->text[k - 1] == ':';
}

/*
 * Whether a word in capitals follows f->text[e..) after spaces: a sentence a mark stands before
 * ("($) He said"; not "($) 2009: 450" nor "($) denotes U.S. dollars", the dollar's sign).
 */
static bool
word_after(const struct fold *f, size_t e)
{
	while (e < f->len && f->text[e] == ' ')
		e++;
	return e < f->len && isupper((unsigned char)f->text[e]);
}

/* Whether c may end a sentence or a clause that a mark is glued to (glued_head). */
static inline bool
glue_sign(char c)
{
	switch (c) {
	case '.': case '?': case '!': case ':': case ';': case ',': case '"': case '\'':
		return true;
	default:
		return false;
	}
}

/*
 * Whether f->text[k] begins what OCR glued to a sentence's end or a clause's, its space lost: a
 * capital right after a full stop, a comma or such that ends a word in lower case, a quotation or
 * an aside, and a closing bracket before the next space or right after it, with no bracket opened
 * in the word ("in Muscat.S/NF) Oman", "Muscat?S) Oman", "Muscat.S} Oman", "Muscat.S/NF ) Oman",
 * "(reftel).S) Oman": a mark that lost its '(' and its space), or a bracket glued there
 * ("Muscat.(S!NF) Oman"). Not "U.S.)", "www.Example", "(main.C)", "(see reftel).The".
 */
static bool
glued_head(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t j;
	int depth;

	if (k < 2 || (!glue_sign(s[k - 1]) || ((s[k - 1] == '"' || s[k - 1] == '\'') &&
	    strchr(".?!", s[k - 2]) == NULL)) ||
	    (!islower((unsigned char)s[k - 2]) && strchr("\"'.?!)]", s[k - 2]) == NULL) ||
	    (!isupper((unsigned char)s[k]) && s[k] != '(' && s[k] != '[' && s[k] != '$' &&
	    !(s[k] == '5' && k + 1 < f->len && (isupper((unsigned char)s[k + 1]) ||
	    s[k + 1] == '/'))))
		return false;
	/*
	 * Not in brackets opened before it on the line: a file's name or a unit there ("(see
	 * head.S)", "(main.C)", "(49 deg.C)") closes them.
	 */
	for (j = k - 1, depth = 0; j > 0; j--)
		if (s[j - 1] == ')' || s[j - 1] == ']')
			depth--;
		else if ((s[j - 1] == '(' || s[j - 1] == '[') && ++depth > 0)
			return false;
	/* A bracket glued so opens a group that head_mark reads ("Muscat.(S!NF) Oman"). */
	if (s[k] == '(' || s[k] == '[')
		return true;
	for (j = k + 1; j < f->len && j < k + 40 && s[j] != ' '; j++) {
		if (s[j] == '(' || s[j] == '[')
			return false;
		if (s[j] == ')' || s[j] == ']' || s[j] == '}' || s[j] == '|')
			return true;
	}
	/* One that a space parts from its word ("Muscat.S/NF ) Oman"). */
	return j + 1 < f->len && s[j] == ' ' && strchr(")]}", s[j + 1]) != NULL &&
	    (j + 2 == f->len || s[j + 2] == ' ');
}

/*
 * Whether what stands at k of f is a bracket that OCR read as another glyph, before a level's
 * letters that stand before a closing bracket ("|S) The", "lS) The", "¦TS) The", "!C)", "|5)"):
 * at a word's start, one of "|!/<l" or a broken bar, then one or two capitals (OCR's "5" among
 * them) and ')', ']' or '}'. Returns the glyph's length, 0 where there is none. Not "I" nor
 * "1", which begin acronyms and outline numbers as often ("IC) The", "1C) The").
 */
static size_t
ocr_open(const struct fold *f, size_t k)
{
	char c = k + 2 < f->len ? f->text[k] : '\0';
	size_t e, g;

	/* Most words begin with none of these: the glyph first, and a capital after it. */
	if (c == '|' || c == 'l' || c == '!' || c == '/' || c == '<')
		g = 1;
	else if ((unsigned char)c == 0xC2 && (unsigned char)f->text[k + 1] == 0xA6)
		g = 2;
	else
		return 0;
	if (k + g >= f->len || !(isupper((unsigned char)f->text[k + g]) || f->text[k + g] == '5') ||
	    (k > 0 && f->text[k - 1] != ' ' && f->text[k - 1] != '\t'))
		return 0;
	for (e = k + g; e < f->len && e - k - g < 3 && (isupper((unsigned char)f->text[e]) ||
	    f->text[e] == '5'); e++)
		continue;
	return e - k - g <= 2 && e < f->len && f->text[e] != '\0' && closing(f->text[e]) ? g : 0;
}

/*
 * Whether a word in lower case begins at folded offset k of f after a sentence's end ("... on 3
 * May. us/uk eyes only: The"): sentence_head reads capitals only.
 */
static bool
lower_head(const struct fold *f, size_t k)
{
	size_t j = k;

	if (k < 2 || f->text[k - 1] != ' ' || !islower((unsigned char)f->text[k]))
		return false;
	while (j > 0 && f->text[j - 1] == ' ')
		j--;
	return j > 0 && strchr(".?!;", f->text[j - 1]) != NULL;
}

static bool
sentence_head(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t j = k, glyph;
	bool subject;

	/*
	 * A word in capitals, a bracket, emphasis or quotes, OCR's "5/" for "S/", a bracket OCR
	 * read as another glyph: not a number ("Nov. 2003 to"), nor lower case.
	 */
	if (k == 0 || s[k - 1] != ' ' || !(isupper((unsigned char)s[k]) ||
	    strchr("([{*_\"'</", s[k]) != NULL ||
	    (s[k] == '5' && k + 1 < f->len && s[k + 1] == '/') || ocr_open(f, k) > 0))
		return false;
	while (j > 0 && s[j - 1] == ' ')
		j--;
	/* The first word of the line's text, after its bullets or a list's label ("- TS The"). */
	if (after_label(s, j))
		return true;
	/*
	 * An abbreviation after a label of a word ("Item 2: TS The", "Note: S The"); not a
	 * level's word after a field's name ("Class: SECRET --", a FOIA release's stamp).
	 */
	if (word_label(f, j, &subject)) {
		glyph = ocr_open(f, k);
		if (short_word(s + k + glyph, f->len - k - glyph, subject))
			return true;
	}
	/*
	 * Closing quotes and brackets after the sentence's end ('." S//NF', ".) (S,NF)"), and a
	 * footnote's number in square brackets (".[2] (CNFD)").
	 */
	while (j > 0 && strchr("\"')]}", s[j - 1]) != NULL) {
		size_t b = j - 1;

		if (s[b] == ']')
			while (b > 0 && isdigit((unsigned char)s[b - 1]))
				b--;
		j = s[j - 1] == ']' && b < j - 1 && b > 0 && s[b - 1] == '[' ? b - 1 : j - 1;
	}
	return j >= 2 && strchr(".?!;-", s[j - 1]) != NULL;
}

/* Whether byte c of folded text is a letter, or part of a character with no ASCII form. */
static bool
letterish(char c)
{
	return isalpha((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* Whether s[0..n) holds a letter in lower case. */
static bool
has_lower(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (islower((unsigned char)s[k]))
			return true;
	return false;
}

/* Whether s[a..b), a word that ends at e trimmed of its punctuation, stands in quotation marks. */
static bool
quoted(const char *s, size_t a, size_t b, size_t e)
{
	return (a > 0 && (s[a - 1] == '"' || s[a - 1] == '\'')) ||
	    (b < e && (s[b] == '"' || s[b] == '\''));
}

/* Whether a word begins at folded offset k of f: after a space, or at the line's start. */
static bool
word_start(const struct fold *f, size_t k)
{
	return f->text[k] != ' ' && (k == 0 || f->text[k - 1] == ' ');
}

/*
 * Whether c is punctuation or a bracket that may stand before a word of folded text: one of
 * "([{<*_\"'`" (or NUL, as strchr finds it in that set): a markdown's code span's too.
 */
static bool
word_lead(char c)
{
	switch (c) {
	case '(': case '[': case '{': case '<': case '*': case '_': case '"': case '\'': case '`':
	case '\0':
		return true;
	default:
		return false;
	}
}

/* Whether c may stand after a word: one of ")]}>*_\"'`.,;:!?-" (or NUL, as strchr has it). */
static bool
word_trail(char c)
{
	switch (c) {
	case ')': case ']': case '}': case '>': case '*': case '_': case '"': case '\'': case '`':
	case '.': case ',': case ';': case ':': case '!': case '?': case '-': case '\0':
		return true;
	default:
		return false;
	}
}

/* Trims punctuation and brackets from both ends of s[*a..*b), a word of folded text. */
static void
trim_word(const char *s, size_t *a, size_t *b)
{
	while (*a < *b && word_lead(s[*a]))
		(*a)++;
	while (*b > *a && word_trail(s[*b - 1]))
		(*b)--;
}

/*
 * The marking that the words of f from `at` on prove, for up to MARK_WORDS words ("S//NF",
 * "S//REL TO USA, GBR"): the longest span that parses as a proven marking with a level, in
 * capitals. Returns whether there is one, in *m.
 */
#define MARK_WORDS 12

static bool
words_mark(const struct policy *p, const struct fold *f, size_t at, struct marking *m)
{
	const char *s = f->text;
	size_t e = at, words = 0;
	bool found = false;

	while (e < f->len && words < MARK_WORDS) {
		size_t a = at, b;
		struct marking one;

		while (e < f->len && s[e] != ' ')
			e++;
		words++;
		b = e;
		trim_word(s, &a, &b);
		/* A footnote glued to it ("(S//NF)1", "(S//NF)[1]"). */
		if (b > a && (e = trim_footnote(s, b, false)) > a && e < b) {
			b = e;
			trim_word(s, &a, &b);
		}
		e = b;
		while (e < f->len && s[e] != ' ')
			e++;
		if (b > a && b - a <= POLICY_WORD_MAX * 4 && !lower_inside(s + a, b - a) &&
		    marking_parse(p, s + a, b - a, MARKING_BANNER, &one) == 1 && !one.unknown &&
		    one.level >= 0) {
			*m = one;
			found = true;
		}
		while (e < f->len && s[e] == ' ')
			e++;
	}
	return found;
}

/* How much of a fold the next one reads again (sentence_marks). */
#define FOLD_OVERLAP 256

/* The most bytes of words in capitals read for the controls they name (word_mark). */
#define RUN_BYTES 64

/* What a word of a line names, for word_mark. */
enum word_kind {
	WORD_NONE,
	WORD_LEVEL,		/* a level above the lowest */
	WORD_LOWEST,		/* the lowest level */
	WORD_CONTROL,		/* a control */
	WORD_NOFORN,		/* a control of NOFORN's kind */
	WORD_DISTRIBUTION,	/* a control of distribution ("SIPDIS") */
	WORD_OTHER		/* another scheme's level the policy lists ("RESTRICTED" in uk) */
};

/*
 * What s[0..n), letters and digits, names: in capitals, a term or what OCR or a slip makes of one
 * ("5ECRET", "SECRFT", "NFORN", "S1"); in any other case, a term of four letters or more as
 * written ("Secret", "Noforn").
 */
static enum word_kind
word_kind(const struct policy *p, const char *s, size_t n)
{
	const struct policy_term *t;
	size_t k, lower = 0, ell = 0;

	for (k = 0; k < n; k++) {
		lower += islower((unsigned char)s[k]) != 0;
		ell += s[k] == 'l';
	}
	/* "CONFlDENTIAL": OCR's "l" for "I" among capitals is a capital. */
	if (lower > 0 && !(lower == ell && k > 1 && isupper((unsigned char)s[0])))
		t = n >= 4 ? reading_word_term(p, s, n, false) : NULL;
	else
		t = reading_word_term(p, s, n, true);
	/* "REL" of "REL TO": the control that a list of countries follows. */
	if (t == NULL && n == 3 && strncasecmp(s, "REL", 3) == 0)
		return WORD_CONTROL;
	if (t == NULL)
		return WORD_NONE;
	if (t->control >= 0)
		return p->controls[t->control].kind == CONTROL_NOFORN ? WORD_NOFORN :
		    p->controls[t->control].kind == CONTROL_DISTRIBUTION ? WORD_DISTRIBUTION :
		    WORD_CONTROL;
	if (t->level > 0)
		return WORD_LEVEL;
	return t->level == 0 ? WORD_LOWEST : WORD_OTHER;
}

/* The end of the word of f that begins at k, and the start of the next one (or f->len). */
static size_t
word_end(const struct fold *f, size_t k, size_t *next)
{
	size_t e = k;

	while (e < f->len && f->text[e] != ' ')
		e++;
	for (*next = e; *next < f->len && f->text[*next] == ' '; (*next)++)
		continue;
	return e;
}

/* The kind of the short word s[0..n) (n < 4) read as in capitals ("nf" as "NF", "tk"). */
static enum word_kind
short_kind(const struct policy *p, const char *s, size_t n)
{
	char up[4];
	size_t k;

	for (k = 0; k < n && k < sizeof(up); k++)
		up[k] = (char)toupper((unsigned char)s[k]);
	return word_kind(p, up, k);
}

/*
 * Whether the word s[a..b) holds a level and a control, or two controls, or a control of
 * NOFORN's kind and anything, parted by punctuation ("S/NF", "S,NF", "S_NF", "S--NF", "C-NF",
 * "S.NF", "SI/NF", "NF/OC", "$/NF", "S/NFORN"), in capitals, or a level and a control in words in
 * any case ("Secret/NoForn", "secret/noforn"): not "U.S.", "S/CT" (an office), "CI/KR", "C-130",
 * "secret/confidential". *proper says the parts are parted by '/' or '|' alone, as marks are
 * written.
 */
/*
 * Whether s[a..b) is a level's letters and controls', in lower case or mixed, parted by one or
 * two slashes or a hyphen ("s/nf", "c/noforn", "ts/si/nf", "u/fouo", "s-nf", "s/NF", "U/fouo",
 * "ts/sci", "ts/si-g/nf"): a mark as a word not in capitals is written (not "c/o", "s/he", "s/ct", "u/s", whose
 * second part is no control). In capitals throughout, parted_mark reads it.
 */
static bool
small_parted(const struct policy *p, const char *s, size_t a, size_t b)
{
	char up[POLICY_WORD_MAX];
	size_t k = a, e, j, parts;
	enum word_kind w;
	bool lower = false;

	for (; k < b && isalpha((unsigned char)s[k]); k++)
		lower = lower || islower((unsigned char)s[k]);
	if (k == a || k - a > 2 || ((w = short_kind(p, s + a, k - a)) != WORD_LEVEL &&
	    w != WORD_LOWEST))
		return false;
	for (parts = 1; k < b; parts++) {
		for (e = k; e < b && (s[e] == '/' || s[e] == '-'); e++)
			continue;
		if (e == k || e - k > 2 || (e - k == 2 && s[k] != s[k + 1]) ||
		    (s[k] == '-' && e - k > 1))
			return false;
		if (e == b)
			break;	/* "s/nf/": a slash after the last part */
		for (k = e; e < b && isalpha((unsigned char)s[e]); e++)
			lower = lower || islower((unsigned char)s[e]);
		/* A compartment's letter after a control and a hyphen ("ts/si-g/nf"). */
		if (e - k == 1 && parts > 1 && s[k - 1] == '-' && (e == b || s[e] == '/')) {
			k = e;
			continue;
		}
		if (e - k < 2 || e - k > sizeof(up) || (e < b && s[e] != '/' && s[e] != '-'))
			return false;
		for (j = k; j < e; j++)
			up[j - k] = (char)toupper((unsigned char)s[j]);
		w = word_kind(p, up, e - k);
		/* SCI, the compartments' name no policy lists, right after the level. */
		if (w == WORD_NONE && parts == 1 && e - k == 3 && memcmp(up, "SCI", 3) == 0)
			w = WORD_CONTROL;
		if (w != WORD_CONTROL && w != WORD_NOFORN && w != WORD_DISTRIBUTION)
			return false;
		k = e;
	}
	return parts > 1 && lower;
}

/*
 * Whether the words of f from `a` on, with the spaces about their slashes taken out, are a mark
 * in lower case (small_parted): "s / nf", "ts /si/ nf". Prose parts its words so ("his / her"),
 * not a level's letter from a control's.
 */
static bool
spaced_small(const struct policy *p, const struct fold *f, size_t a)
{
	char buf[32];
	size_t n = 0, j = a, k;
	bool spaced = false;

	while (j < f->len && n < sizeof(buf)) {
		char c = f->text[j];

		if (c == ' ') {
			for (k = j; k < f->len && f->text[k] == ' '; k++)
				continue;
			if (!((n > 0 && (buf[n - 1] == '/' || buf[n - 1] == '-')) || (k < f->len &&
			    (f->text[k] == '/' || f->text[k] == '|' || f->text[k] == '-'))))
				break;
			spaced = true;
			j = k;
			continue;
		}
		if (!isalpha((unsigned char)c) && c != '/' && c != '-' && c != '|')
			break;
		/* OCR's or a table's '|' for the slash ("s | nf"). */
		buf[n++] = c == '|' ? '/' : c;
		j++;
	}
	return spaced && n < sizeof(buf) && (memchr(buf, '/', n) != NULL ||
	    memchr(buf, '-', n) != NULL) && small_parted(p, buf, 0, n);
}

static bool
parted_mark(const struct policy *p, const char *s, size_t a, size_t b, bool *proper)
{
	size_t k = a, parts = 0, controls = 0, others = 0, seps = 0, j, word_len = 0;
	bool level = false, noforn = false, small = false;

	*proper = true;
	/* A word of letters and digits alone has no parts: its words need not be read. */
	for (j = a; j < b && isalnum((unsigned char)s[j]); j++)
		continue;
	if (j == b)
		return false;
	if (j - a <= 2 && small_parted(p, s, a, b))
		return true;
	while (k < b) {
		size_t e = k;
		enum word_kind w;

		while (e < b && isalnum((unsigned char)s[e]))
			e++;
		if (e == k) {
			/* Any punctuation, a symbol no rule can read too ("S\u00b7NF", "S\u2016NF"). */
			*proper = *proper && (s[k] == '/' || s[k] == '|');
			seps++;
			k++;
			continue;
		}
		w = word_kind(p, s + k, e - k);
		/* After a level's word in lower case, a short part is read as in capitals. */
		if (w == WORD_NONE && small && level && e - k < 4)
			w = short_kind(p, s + k, e - k);
		/*
		 * In lower case, only a term as a word is written ("Secret-Noforn"; not "NF-kB"),
		 * all in lower case only with a level and a control ("secret/noforn", and after
		 * the level's word a short control, "secret/nf").
		 */
		/* SCI, the compartments' name that no policy lists, after a level's word. */
		if (w == WORD_NONE && level && parts == 1 && e - k == 3 &&
		    strncasecmp(s + k, "SCI", 3) == 0)
			w = WORD_OTHER;
		for (j = k; j < e; j++)
			if (islower((unsigned char)s[j]) && s[j] != 'l' && (w == WORD_NONE ||
			    (e - k < 4 && !(small && level) && w != WORD_OTHER)))
				return false;
		small = small || islower((unsigned char)s[k]);
		if (parts == 0 && w == WORD_LEVEL) {
			level = true;
			word_len = e - k;
		}
		controls += w == WORD_CONTROL || w == WORD_NOFORN || w == WORD_DISTRIBUTION;
		others += w == WORD_OTHER;
		noforn = noforn || w == WORD_NOFORN;
		parts++;
		k = e;
	}
	if (seps == 0)
		return false;
	/*
	 * A level and a separator with nothing after it: a mark cut short ("S/"). In lower case
	 * ("kept secret/" / "hidden") only before a control on the next line (slash_wrapped).
	 */
	if (parts == 1 && level && (s[b - 1] == '/' || s[b - 1] == '|') && !small)
		return true;
	if (small)
		return (level && controls + others > 0) || noforn;
	/*
	 * A level's word or an abbreviation of two letters or more, before anything ("SECRET/SCI",
	 * "TS/SCI"); one letter is as often an office ("S/CT", "C/O").
	 */
	if (level && parts >= 2 && word_len >= 2)
		return true;
	return (level && controls > 0) || controls >= 2 || noforn;
}

/*
 * Whether from f's offset `next` on, past words of dashes and symbols only and exemptions in
 * brackets ("--", a bullet, "(b)(1)"), a word begins in a capital and is no field's name
 * ("Reason:"); or, with `at_end`, the line ends.
 */
static bool
level_before_capital(const struct fold *f, size_t next, bool at_end)
{
	const char *s = f->text;
	size_t e, after, j;

	for (;;) {
		if (next >= f->len)
			return at_end;
		e = word_end(f, next, &after);
		/* Dashes and symbols ("--", a bullet), an exemption in brackets ("(b)(1)", "[B1]"). */
		for (j = next; j < e && !isalnum((unsigned char)s[j]); j++)
			continue;
		if (j < e && !(strchr("([", s[next]) != NULL && strchr(")]", s[e - 1]) != NULL))
			break;
		next = after;
	}
	/* The word's first letter, after a quotation mark or a bracket ("TS “The", "TS (The"). */
	return isupper((unsigned char)s[j]) && s[e - 1] != ':';
}

/*
 * Whether s[0..n) is all controls of the policy and what OCR makes of "//" between them ("I",
 * "l", "1", "/", "|"), with at least one control: "ISIINOFORN", "IISIITKIINOFORN".
 */
static bool
controls_chain(const struct policy *p, const char *s, size_t n)
{
	bool reach[CHAIN_MAX + 1], control[CHAIN_MAX + 1];
	const struct policy_term *t;
	size_t i, j;

	if (n == 0 || n > CHAIN_MAX)
		return false;
	memset(reach, 0, sizeof(reach));
	memset(control, 0, sizeof(control));
	reach[0] = true;
	for (i = 0; i < n; i++) {
		if (!reach[i])
			continue;
		if (strchr("Il1/|", s[i]) != NULL && s[i] != '\0') {
			reach[i + 1] = true;
			control[i + 1] = control[i + 1] || control[i];
		}
		for (j = i + 2; j <= n && j - i <= POLICY_WORD_MAX; j++)
			if ((t = policy_term_find(p, s + i, j - i)) != NULL && t->control >= 0 &&
			    t->level < 0) {
				reach[j] = true;
				control[j] = true;
			}
	}
	return reach[n] && control[n];
}

/*
 * Whether the word s[0..n), in capitals, is a level's word glued to a chain of controls through
 * what OCR makes of "//" ("SECRETISIINOFORN", "TOPSECRETIISIIINOFORN", from "SECRET//SI//NOFORN"):
 * no word of prose ("SECRETARIAT", "CONFIDENTIALITY") is one. The word proves nothing: unknown.
 */
static bool
glued_chain(const struct policy *p, const char *s, size_t n)
{
	static const size_t lengths[] = { 6, 9, 12 };	/* SECRET, TOPSECRET, CONFIDENTIAL */
	size_t i;

	if (n < 8 || n > CHAIN_MAX || !reading_capitals(s, n))
		return false;
	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++)
		if (lengths[i] + 2 <= n && word_kind(p, s, lengths[i]) == WORD_LEVEL &&
		    controls_chain(p, s + lengths[i], n - lengths[i]))
			return true;
	return false;
}

/*
 * Whether s[0..n), in capitals, is a level above the lowest glued to a control of NOFORN's kind,
 * through what OCR makes of "//" ("SIINF", "SlINF"), or with `parted` false directly too ("SNF",
 * "TSNF"; not "SOC", the Serbian Orthodox Church).
 */
static bool
noforn_glued(const struct policy *p, const char *s, size_t n, bool parted)
{
	size_t a, b;

	for (a = 0; a < n; a++)
		if (!isupper((unsigned char)s[a]) && s[a] != '1' && s[a] != 'l')
			return false;
	for (a = 1; a + 2 <= n; a++) {
		const struct policy_term *lv = policy_term_find(p, s, a), *c;

		if (lv == NULL || lv->level < 1 || lv->control >= 0)
			continue;
		for (b = a; b < n && strchr("IL1l", s[b]) != NULL; b++)
			continue;
		if ((b > a || !parted) && b < n &&
		    (c = policy_term_find(p, s + b, n - b)) != NULL && c->control >= 0 &&
		    p->controls[c->control].kind == CONTROL_NOFORN)
			return true;
	}
	return false;
}

/* How many of the first n bytes of s are '/' or '|'. */
static size_t
strspn_slash(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && (s[k] == '/' || s[k] == '|' || s[k] == '\\'))
		k++;
	return k;
}

/*
 * Whether s[a..b), between two words, holds spaces alone, a comma or a dash among them (", ",
 * " - ", " -- "), as a list of words or a marking parts them: no sentence's end.
 */
static bool
gap_plain(const char *s, size_t a, size_t b)
{
	size_t k, signs = 0;

	for (k = a; k < b; k++) {
		if (s[k] == ',' || s[k] == '-')
			signs++;
		else if (s[k] != ' ' && s[k] != '\t')
			return false;
	}
	return signs <= 2;
}

/*
 * The control word of f at `next`, past a dash spaced out before it ("- NOFORN") and slashes, a
 * bar or a backslash spaced out or glued before it ("// NOFORN", "/tk"; *sep says some stood
 * there): its bounds in *a2 and *b2, the next word's start in *after, its kind (WORD_NONE for
 * none; a short one in lower case is read as in capitals, "// nf", "nf"). SCI, the name of
 * compartments that no policy lists, is WORD_OTHER.
 */
static enum word_kind
control_at(const struct policy *p, const struct fold *f, size_t next, size_t *a2, size_t *b2,
    size_t *after, bool *sep)
{
	const char *s = f->text;
	enum word_kind w2;
	size_t k, n2;

	if (next >= f->len)
		return WORD_NONE;
	*b2 = word_end(f, next, after);
	/* A dash spaced out between ("secret - noforn"): a separator of words, not of a mark. */
	for (k = next; k < *b2 && s[k] == '-'; k++)
		continue;
	if (k == *b2 && k - next <= 2 && *after < f->len) {
		next = *after;
		*b2 = word_end(f, next, after);
	}
	if (strspn_slash(s + next, *b2 - next) == *b2 - next) {
		if (*after >= f->len)
			return WORD_NONE;
		next = *after;
		*b2 = word_end(f, next, after);
		*sep = true;
	}
	*a2 = next;
	trim_word(s, a2, b2);
	k = strspn_slash(s + *a2, *b2 - *a2);
	*sep = *sep || k > 0;
	*a2 += k;
	n2 = *b2 > *a2 ? *b2 - *a2 : 0;
	if (n2 < 2 || n2 > POLICY_WORD_MAX)
		return WORD_NONE;
	if (n2 == 3 && strncasecmp(s + *a2, "SCI", 3) == 0)
		return WORD_OTHER;
	w2 = word_kind(p, s + *a2, n2);
	if (w2 == WORD_NONE && n2 < 4)
		w2 = short_kind(p, s + *a2, n2);
	return w2 == WORD_CONTROL || w2 == WORD_NOFORN || w2 == WORD_DISTRIBUTION ? w2 :
	    WORD_NONE;
}

/*
 * Whether the word s[0..n), in lower case, names a control as a mark writes it in lower case: one
 * of NOFORN's kind ("noforn", "nf"), or a control's own name, not an alias that is a word of
 * prose too ("sensitive", SBU's) nor a short name of distribution ("mr").
 */
static bool
small_control(const struct policy *p, const char *s, size_t n)
{
	const struct policy_term *t;
	const struct policy_control *c;

	if ((t = reading_word_term(p, s, n, false)) == NULL || t->control < 0)
		return false;
	c = &p->controls[t->control];
	if (c->kind == CONTROL_NOFORN)
		return true;
	return (c->kind != CONTROL_DISTRIBUTION || n >= 4) && strlen(c->name) == n &&
	    strncasecmp(c->name, s, n) == 0;
}

/*
 * Whether two to six words of f from `next` on, past a comma, a dash or slashes, name a control
 * that is not of distribution, in any case ("secret, no foreign dissem", "secret / originator
 * controlled"), after the level's word s[a..b): true with *m the level and that control.
 */
static bool
spelled_control(const struct policy *p, const struct fold *f, size_t a, size_t b, size_t next,
    struct marking *m)
{
	const char *s = f->text;
	const struct policy_term *t = NULL;
	const struct policy_control *c;
	char buf[2 * POLICY_WORD_MAX + 3];
	size_t k = next, words = 0, e, n;

	for (n = b; n < next; n++)
		if (strchr(" \t,-/|", s[n]) == NULL || s[n] == '\0')
			return false;	/* "secret. no foreign dissem": a sentence's end */
	while (k < f->len && (s[k] == '/' || s[k] == '|' || s[k] == '-' || s[k] == ' '))
		k++;
	if (k == f->len || !isalpha((unsigned char)s[k]))
		return false;
	for (e = k; e < f->len && words < 6; ) {
		while (e < f->len && isalpha((unsigned char)s[e]))
			e++;
		if (++words >= 2 && (t = policy_term_find(p, s + k, e - k)) != NULL &&
		    t->control >= 0 && !t->single)
			break;
		t = NULL;
		if (e >= f->len || s[e] != ' ')
			break;
		while (e < f->len && s[e] == ' ')
			e++;
	}
	if (t == NULL)
		return false;
	c = &p->controls[t->control];
	if (c->kind == CONTROL_DISTRIBUTION || b - a + 2 + strlen(c->name) > sizeof(buf))
		return false;
	memcpy(buf, s + a, b - a);
	memcpy(buf + (b - a), "//", 2);
	n = strlen(c->name);
	memcpy(buf + (b - a) + 2, c->name, n);
	if (!(marking_parse(p, buf, (b - a) + 2 + n, MARKING_BANNER, m) == 1 && !m->unknown &&
	    m->level >= 0)) {
		marking_init(m);
		m->unknown = true;
	}
	return true;
}

/*
 * Whether the word s[a..b) of f, a level (w, its kind), and the word at `next` are a level and a
 * control side by side: in capitals ("SECRET NOFORN", "S NF", "U NF"), or in any case as words of
 * four letters or more ("Secret Noforn", "Top Secret SI"); all in lower case, a level's word of
 * four letters or more before a control of NOFORN's kind, SCI, or a control by its own name of
 * four letters or more, with spaces, a comma or a dash between ("secret noforn", "secret nf",
 * "secret, noforn", "secret orcon"), or before a control with slashes, a bar or a backslash
 * between (small_control: "secret / noforn", "secret // nf", "secret /orcon", "top secret /
 * sci", "secret / oc"), which no prose writes. A dash between proves no marking (unknown). The
 * controls after the first are read with it ("secret / noforn / orcon", "secret noforn orcon"),
 * and "Top" before the level in any case; a control's name in words too (spelled_control:
 * "secret, no foreign dissem"). *m is the marking they prove, or unknown.
 */
static bool
side_by_side(const struct policy *p, const struct fold *f, size_t a, size_t b, size_t next,
    enum word_kind w, struct marking *m)
{
	const char *s = f->text;
	size_t a2, b2, n2, after, top = 0, len, n, more;
	enum word_kind w2, w3;
	bool rel_to, sep = false, small, plain, dashed;
	char buf[4 + POLICY_WORD_MAX + 5 * (POLICY_WORD_MAX + 2)];

	if (next >= f->len)
		return false;
	for (n = b; n < next; n++)
		sep = sep || s[n] == '/' || s[n] == '|' || s[n] == '\\';
	if ((w2 = control_at(p, f, next, &a2, &b2, &after, &sep)) == WORD_NONE)
		return b - a >= 4 && w == WORD_LEVEL && spelled_control(p, f, a, b, next, m);
	n2 = b2 - a2;
	/* "Rel to": REL in any case before "to" ("Secret Rel to USA"). */
	rel_to = n2 == 3 && strncasecmp(s + a2, "REL", 3) == 0 && after + 2 <= f->len &&
	    strncasecmp(s + after, "TO", 2) == 0 && b - a >= 4;
	/*
	 * All in lower case, with spaces alone, a comma or a dash between (not "secret. noforn"):
	 * "secret noforn", "secret nf", "secret, noforn", "top secret sci", or a control by its
	 * own name of four letters or more ("secret orcon", "secret propin"; not "secret
	 * sensitive"); with slashes or a bar between, any control by its own name or a short alias
	 * not of distribution ("secret / orcon", "secret / oc"; not "secret / mr.").
	 */
	plain = gap_plain(s, b, a2);
	dashed = memchr(s + b, '-', a2 - b) != NULL;
	/*
	 * After a dash only a control of NOFORN's kind or one by its own name of four letters or
	 * more: "KEPT SECRET - MR. SMITH", "confidential -- LES were", "secret - DS agents" are
	 * prose's.
	 */
	if (dashed && !sep && w2 != WORD_NOFORN && !(n2 >= 4 && small_control(p, s + a2, n2)))
		return false;
	small = b - a >= 4 && w == WORD_LEVEL && ((plain && (w2 == WORD_NOFORN ||
	    w2 == WORD_OTHER || (n2 >= 4 && small_control(p, s + a2, n2)))) ||
	    (sep && (w2 == WORD_OTHER || small_control(p, s + a2, n2) ||
	    (n2 <= 3 && w2 == WORD_CONTROL))));
	if (w2 == WORD_OTHER && !small && !sep)
		return false;
	if (!rel_to && (reading_capitals(s + a2, n2) ? !reading_capitals(s + a, b - a) &&
	    !(b - a >= 4 && w == WORD_LEVEL) : !(n2 >= 4 && b - a >= 4 && w == WORD_LEVEL &&
	    isupper((unsigned char)s[a])) && !small))
		return false;
	/* "Top secret noforn": the level is the two words'. */
	for (n = a; n > 0 && s[n - 1] == ' '; n--)
		continue;
	if (n < a && n >= 3 && strncasecmp(s + n - 3, "TOP", 3) == 0 &&
	    (n == 3 || !isalnum((unsigned char)s[n - 4]))) {
		memcpy(buf, "TOP ", 4);
		top = 4;
	}
	memcpy(buf + top, s + a, b - a);
	memcpy(buf + top + (b - a), "//", 2);
	memcpy(buf + top + (b - a) + 2, s + a2, n2);
	len = top + (b - a) + 2 + n2;
	/* More controls parted so ("/ orcon", "// tk"), up to five in all. */
	for (more = 0; more < 4 && after < f->len; more++) {
		bool sep2 = b2 < f->len && (s[b2] == '/' || s[b2] == ',');
		size_t was = b2;

		if ((w3 = control_at(p, f, after, &a2, &b2, &after, &sep2)) == WORD_NONE)
			break;
		/* With spaces alone between, in lower case as the first ("secret noforn orcon"). */
		if (!sep2 && !(small && gap_plain(s, was, a2) && (w3 == WORD_NOFORN ||
		    (b2 - a2 >= 4 && small_control(p, s + a2, b2 - a2)))) &&
		    !(reading_capitals(s + a2, b2 - a2) && reading_capitals(s + a, b - a)))
			break;
		buf[len++] = '/';
		memcpy(buf + len, s + a2, b2 - a2);
		len += b2 - a2;
	}
	/* A dash between proves no marking ("SECRET - NOFORN"): unknown, as a damaged mark is. */
	if (w2 == WORD_OTHER || dashed || !(marking_parse(p, buf, len, MARKING_BANNER, m) == 1 &&
	    !m->unknown && m->level >= 0)) {
		marking_init(m);
		m->unknown = true;
	}
	return true;
}

/*
 * The level above the lowest whose name is the word a[0..na), a space, and b[0..nb), in any case
 * ("TOP" and "SECRET" for TOP SECRET), or -1.
 */
static int
two_word_level(const struct policy *p, const char *a, size_t na, const char *b, size_t nb)
{
	size_t l;

	for (l = 1; l < p->nlevels; l++) {
		const char *name = p->levels[l].name, *sp = strchr(name, ' ');

		if (sp != NULL && (size_t)(sp - name) == na && strncasecmp(name, a, na) == 0 &&
		    strlen(sp + 1) == nb && strncasecmp(sp + 1, b, nb) == 0)
			return (int)l;
	}
	return -1;
}

/*
 * Whether a level's name may begin at k of f, for pair_by_letters: a byte a level's name begins
 * with (policy.level_first, a table look-up that turns most bytes away) after none of a word.
 */
static inline bool
level_may_begin(const struct policy *p, const struct fold *f, size_t k)
{
	return p->level_first[(unsigned char)f->text[k]] && (k == 0 || !ascii_alnum(f->text[k - 1]));
}

/* Whether c is what OCR makes of a slash: "l", "I", "1" or "|". */
static inline bool
ocr_slash(char c)
{
	return c == 'l' || c == 'I' || c == '1' || c == '|';
}

/*
 * How many bytes at k of f are what OCR makes of "//" between the words of a mark: two or three
 * of "l", "I", "1" and "|" before a byte that is no letter of them ("SECRET ll NOFORN",
 * "Secret11Noforn"); 0 where they are not.
 */
static size_t
ocr_slashes(const struct fold *f, size_t k)
{
	size_t e;

	for (e = k; e < f->len && e - k < 4 && ocr_slash(f->text[e]); e++)
		continue;
	return e - k >= 2 && e - k <= 3 && (e == f->len || !ocr_slash(f->text[e])) ? e - k : 0;
}

/*
 * The level above the lowest whose name the letters of f from k spell, with a word's end after
 * it (a footnote's figure or OCR's "ll" for "//" glued after it aside): as the name writes it
 * ("secret", "Top Secret"), or, *odd set, with OCR's letters
 * ("5ecret"), its words joined ("top-secret", "topsecret"), or, *pieced set, its letters parted
 * by a space, a dash or a dot ("s e c r e t", "sec ret"). Returns the level, its end in *end, or
 * -1.
 */
static int
level_letters(const struct policy *p, const struct fold *f, size_t k, size_t *end, bool *odd,
    bool *pieced)
{
	const char *s = f->text;
	size_t i, j, c, letters, best = 0;
	bool slip, parts;
	int found = -1;

	for (i = 1; i < p->nlevels; i++) {
		const char *name = p->levels[i].name;

		if (policy_letter_class(s[k]) != policy_letter_class(name[0]))
			continue;	/* as most words are */
		slip = parts = false;
		for (c = 0, j = k, letters = 0; name[c] != '\0'; c++) {
			if (!isalnum((unsigned char)name[c])) {
				/* Between its words: a space as written, a dash, or nothing. */
				if (j + 1 < f->len && s[j] != '.' && piece_join(s[j]) &&
				    isalnum((unsigned char)s[j + 1])) {
					slip = slip || s[j] != name[c];
					j++;
				} else {
					slip = true;
				}
				continue;
			}
			if (letters > 0 && name[c - 1] != ' ' && j + 1 < f->len &&
			    piece_join(s[j]) && isalnum((unsigned char)s[j + 1])) {
				parts = true;
				j++;
			}
			if (j >= f->len || policy_letter_class(s[j]) != policy_letter_class(name[c]))
				break;
			slip = slip || toupper((unsigned char)s[j]) != name[c];
			letters++;
			j++;
		}
		if (name[c] != '\0' || letters < 6 || j - k <= best)
			continue;
		/* A footnote's figure glued after it ("secret1 ¦"), or OCR's "ll" for "//". */
		for (c = j; c < f->len && c - j < 2 && isdigit((unsigned char)s[c]); c++)
			continue;
		if (c < f->len && isalnum((unsigned char)s[c]) && ocr_slashes(f, j) == 0)
			continue;
		best = j - k;
		found = (int)i;
		*end = c < f->len && isalnum((unsigned char)s[c]) ? j : c;
		*odd = slip;
		*pieced = parts;
	}
	return found;
}

/*
 * The control term of the policy that the letters of f from k spell, with a word's end after it:
 * the longest of its parts joined by a dash or '_' ("si-g", "no-forn"; *odd set), with `pieces`
 * also by a space or a dot ("no forn", "n o f o r n"). Each is looked up as written, or, *odd
 * set, with OCR's slips (reading_word_term: "n0forn", "nofon"; only a term of six letters or
 * more) or its "m" for "rn" ("nofom"). Returns the term and its end in *end, or NULL.
 */
static const struct policy_term *
letters_control(const struct policy *p, const struct fold *f, size_t k, bool pieces,
    size_t *end, bool *odd)
{
	const char *s = f->text;
	const struct policy_term *t, *best = NULL;
	char up[POLICY_WORD_MAX + 1], rn[POLICY_WORD_MAX + 2];
	const char *em;
	size_t j = k, n = 0, parts;
	bool slip, spaced = false;

	for (parts = 1; parts <= 12; parts++) {
		while (j < f->len && isalnum((unsigned char)s[j]) && n < POLICY_WORD_MAX)
			up[n++] = (char)toupper((unsigned char)s[j++]);
		if (j < f->len && isalnum((unsigned char)s[j]))
			break;
		slip = false;
		if ((t = policy_term_find(p, up, n)) == NULL && n >= 5 &&
		    (t = reading_word_term(p, up, n, true)) != NULL) {
			slip = true;
			if (t->len < 6)
				t = NULL;
		}
		if (t == NULL && n >= 4 && (em = memchr(up, 'M', n)) != NULL) {
			size_t at = (size_t)(em - up);

			memcpy(rn, up, at);
			memcpy(rn + at, "RN", 2);
			memcpy(rn + at + 2, em + 1, n - at - 1);
			t = policy_term_find(p, rn, n + 1);
			slip = true;
		}
		/* A slip in words in pieces is no control ("no form of"). */
		if (t != NULL && t->control >= 0 && !(slip && spaced)) {
			best = t;
			*end = j;
			*odd = slip || parts > 1;
		}
		if (!(j + 1 < f->len && isalnum((unsigned char)s[j + 1]) &&
		    (s[j] == '-' || s[j] == '_' || (pieces && piece_join(s[j])))))
			break;
		spaced = spaced || s[j] == ' ' || s[j] == '.';
		j++;
	}
	return best;
}

/* Whether term t is control c's own name, its letters and digits alone ("ORCONUSGOV"). */
static bool
own_name(const struct policy_term *t, const struct policy_control *c)
{
	size_t k, n = 0;

	for (k = 0; c->name[k] != '\0'; k++)
		if (isalnum((unsigned char)c->name[k]) &&
		    (n >= t->len || t->text[n++] != toupper((unsigned char)c->name[k])))
			return false;
	return n == t->len;
}


/* The most controls after the first that pair_by_letters reads; one more makes it unknown. */
#define MORE_CONTROLS 5

/* What stands between two words of a mark read by their letters (sign_gap). */
struct sign_gap {
	size_t end;		/* where the next word begins */
	size_t slashes;		/* '/', and OCR's "ll" for "//" as two */
	bool any;		/* a sign stood there, not spaces alone */
	bool plain;		/* spaces alone, one comma, or a dash or two */
	bool slash;		/* spaces and one '/' alone ("confidential / sensitive") */
	bool prose;		/* signs that prose writes between words: a comma, a colon, a
				 * semicolon, quotation marks, brackets, dots; or one sign that
				 * joins the parts of a name, a path or an address ("secret_si.pdf",
				 * "secret@les", "/top-secret/les") */
};

/*
 * The signs of f from k to the next word, up to PAIR_GAP bytes, into *g: false where a
 * sentence ends among them ("never secret. noforn"; not an ellipsis, "secret ... noforn"), the
 * line ends, or they run longer.
 */
static bool
sign_gap(const struct fold *f, size_t k, struct sign_gap *g)
{
	const char *s = f->text;
	size_t j, o, commas = 0, dashes = 0;

	memset(g, 0, sizeof(*g));
	g->plain = g->prose = true;
	for (j = k; j < f->len && j - k <= PAIR_GAP; ) {
		if (ascii_alnum(s[j]) || s[j] == '$') {
			if ((o = ocr_slashes(f, j)) == 0)
				break;
			g->slashes += 2;
			g->any = true;
			g->plain = g->prose = false;
			j += o;
			continue;
		}
		if ((s[j] == '.' && !(j + 1 < f->len && s[j + 1] == '.') && (j == 0 ||
		    s[j - 1] != '.') && (j + 1 == f->len || s[j + 1] == ' ')) || s[j] == '!' ||
		    s[j] == '?')
			return false;
		g->slashes += s[j] == '/';
		commas += s[j] == ',';
		dashes += s[j] == '-';
		g->any = g->any || s[j] != ' ';
		g->plain = g->plain && (s[j] == ' ' || s[j] == ',' || s[j] == '-');
		g->prose = g->prose && strchr(" ,-:;\"'().", s[j]) != NULL;
		j++;
	}
	if (j >= f->len || j - k > PAIR_GAP)
		return false;
	g->end = j;
	g->plain = g->plain && commas + (dashes > 0) <= 1 && dashes <= 2;
	g->slash = g->slashes == 1 && j - k == 1 + (size_t)(s[k] == ' ') + (size_t)(s[j - 1] == ' ');
	/* One sign, no space: a name's, a path's or an address's parts. */
	if (j - k == 1 && strchr("_@/.", s[k]) != NULL)
		g->prose = true;
	return true;
}

/*
 * Whether the word of f before k, past up to three signs, is the first word
 * of a level's name of two words whose second is level `level` ("top" before "secret", "top." or
 * "top /"): the name of two words, where it begins in *at, or -1.
 */
static int
level_before(const struct policy *p, const struct fold *f, size_t k, int level, size_t *at)
{
	const char *s = f->text, *name = p->levels[level].name;
	size_t j = k, e;

	while (j > 0 && k - j < 4 && !ascii_alnum(s[j - 1]))
		j--;
	for (e = j; j > 0 && ascii_alnum(s[j - 1]); j--)
		continue;
	*at = j;
	return e == j ? -1 : two_word_level(p, s + j, e - j, name, strlen(name));
}

/*
 * Whether "rel to" stands at k of f (in any case) before codes of countries or groups the policy
 * knows, parted by spaces or commas ("REL TO USA AUS CAN GBR NZL"): appended to buf (of size
 * `size`, *len used) as a marking writes them ("//REL TO USA, AUS, ..."), *end where the list
 * ends.
 */
static bool
rel_list(const struct policy *p, const struct fold *f, size_t k, char *buf, size_t size,
    size_t *len, size_t *end)
{
	const char *s = f->text;
	size_t j = k + 6, e, n = *len, codes = 0, last = j;

	if (k + 6 > f->len || strncasecmp(s + k, "rel to", 6) != 0)
		return false;
	n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "//REL TO");
	for (;;) {
		while (j < f->len && (s[j] == ' ' || s[j] == ','))
			j++;
		for (e = j; e < f->len && isalpha((unsigned char)s[e]); e++)
			continue;
		if (e == j || e - j > 8 || (policy_country_find(p, s + j, e - j) < 0 &&
		    policy_group_find(p, s + j, e - j) < 0))
			break;
		n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s %.*s",
		    codes == 0 ? "" : ",", (int)(e - j), s + j);
		codes++;
		j = last = e;
	}
	if (codes == 0 || n >= size)
		return false;
	*len = n;
	*end = last;
	return true;
}

/*
 * Whether a word stands after k of f past signs no prose writes, or a control past signs
 * ("// ORCON", ", orcon" after a REL TO list): more of a mark that was not read.
 */
static bool
more_after(const struct policy *p, const struct fold *f, size_t k)
{
	struct sign_gap g;
	size_t end;
	bool odd;

	return sign_gap(f, k, &g) && g.any && (!g.prose ||
	    letters_control(p, f, g.end, false, &end, &odd) != NULL);
}

/*
 * Whether a control, read by its letters (letters_control), is the word before k of f, past
 * signs that end no sentence (sign_gap) and no bracket: a control written before its level
 * ("noforn ¦ secret", "ORCON / TOP SECRET", "NOFORN SECRET"), which no mark's grammar writes.
 * Of NOFORN's kind or by its own name, of five letters or more, or one of fewer or an alias of
 * one word where no prose writes the signs and no slash alone stands ("nf ¦ secret"); after
 * prose's signs but a comma or a dash, of NOFORN's kind alone. Not one in a group ("(S//NF)
 * Secret talks"), nor an alias in prose ("a sensitive secret", "the DS secret agents", "comint
 * / secret"). Where the control begins in *at.
 */
static bool
control_before(const struct policy *p, const struct fold *f, size_t k, size_t *at)
{
	const char *s = f->text;
	const struct policy_term *t;
	const struct policy_control *c;
	struct sign_gap g;
	size_t we, ws, cend;
	bool odd;

	for (we = k; we > 0 && k - we <= PAIR_GAP && !ascii_alnum(s[we - 1]); we--)
		if (s[we - 1] == ')' || s[we - 1] == ']')
			return false;
	for (ws = we; ws > 0 && (ascii_alnum(s[ws - 1]) || ((s[ws - 1] == '-' ||
	    s[ws - 1] == '_') && ws > 1 && ascii_alnum(s[ws - 2]))); ws--)
		continue;
	if (ws == we || we == k || (ws > 0 && strchr("/([", s[ws - 1]) != NULL) ||
	    !sign_gap(f, we, &g) || g.end != k ||
	    (t = letters_control(p, f, ws, false, &cend, &odd)) == NULL || cend != we)
		return false;
	c = &p->controls[t->control];
	*at = ws;
	if (t->len < 5 || (c->kind != CONTROL_NOFORN && !own_name(t, c)))
		return !g.prose && !g.plain && !g.slash && (own_name(t, c) ||
		    c->kind == CONTROL_NOFORN || t->single);
	return !(g.prose && !g.plain && c->kind != CONTROL_NOFORN);
}

/*
 * Whether what pair_by_letters read, f[from..to), runs across sp's break (noted in sp->from);
 * true where sp is NULL.
 */
static bool
spanned(struct pair_span *sp, size_t from, size_t to)
{
	if (sp == NULL)
		return true;
	sp->from = from;
	return from < sp->tail && sp->head < to;
}

/*
 * Whether a level and a control stand side by side at k in f, read by their letters whatever
 * signs part them but a sentence's end: "secret ¦ noforn", "secret + noforn", "secret: noforn",
 * "secret \"noforn\"", "secret ,, noforn", "SECRET ll NOFORN" (sign_gap); the level's words
 * joined ("top-secret noforn"), a footnote's figure after it ("secret1 ¦"); OCR's letters
 * ("5ecret / noforn", "$ECRET", "secret / n0forn", "secret nofom"); words in pieces
 * ("s e c r e t noforn", after signs "secret / no forn"); "top secret" before a control's own
 * name of three letters in capitals ("top secret SI"). The controls after the first, parted by
 * signs, are read with it ("secret ¦ noforn ¦ orcon"); a word after "//" that is no control, or
 * after another sign no prose writes, or "rel to", makes it unknown ("top secret // si-g").
 * With spaces, a comma or a dash between, a level and a control as written are side_by_side's
 * to read ("secret - DS agents" is prose). After signs, a control is one by its own name, of
 * NOFORN's kind, or by a name of words ("secret ¦ originator controlled"), or a short alias where
 * no prose writes the signs ("secret ¦ oc"), or an alias of one word where no prose writes them
 * and no slash alone stands ("top secret ¦ comint"; "confidential / sensitive" is prose). One
 * read with slips or in pieces, or after prose's signs or a level so read, has five letters or
 * more, or is of NOFORN's kind ("secret: les autres", "secret_si.pdf"). A control before the
 * level (control_before) makes it unknown. *m is the marking they prove: unknown where anything
 * was read with a slip, joined or in pieces. With sp, only what runs across its line's break is
 * read, and there a level and a control with spaces between are read here too.
 */
static bool
pair_by_letters(const struct policy *p, const struct fold *f, size_t k, struct marking *m,
    struct pair_span *sp)
{
	const char *s = f->text;
	const struct policy_term *t;
	const struct policy_control *c;
	struct sign_gap g;
	size_t end = 0, cend = 0, len, more, from = k;
	bool odd = false, odd2 = false, pieced = false, strong, own, known;
	char buf[4 * POLICY_WORD_MAX + 8];
	struct marking one;
	int level, two;

	if ((level = level_letters(p, f, k, &end, &odd, &pieced)) < 0)
		return false;
	if (control_before(p, f, k, &from)) {
		marking_init(m);
		m->unknown = true;
		return spanned(sp, from, end);
	}
	if (!sign_gap(f, end, &g))
		return false;
	/* "top.secret ¦ noforn": the word before makes a higher level's name. */
	if ((two = level_before(p, f, k, level, &from)) >= 0)
		level = two;
	else
		from = k;
	/*
	 * Across a line's break, which no line's reading reads, what side_by_side reads, as it
	 * would on one line ("secret" / "no foreign dissem", "top secret" / "/ sci").
	 */
	if (sp != NULL && !odd && !pieced && (two < 0 || s[k - 1] == ' ') && from < sp->tail) {
		size_t word;		/* where the level's last word begins */
		enum word_kind kind;

		for (word = end; word > k && ascii_alnum(s[word - 1]); word--)
			continue;
		kind = word_kind(p, s + word, end - word);
		/*
		 * It runs across the break where what follows the level begins after it, or where
		 * the words above alone read otherwise ("secret, limited" / "distribution").
		 */
		if (side_by_side(p, f, word, end, g.end, kind, m) && (g.end >= sp->head ||
		    !side_by_side(p, sp->alone, word, end, g.end, kind, &one) ||
		    !marking_identical(&one, m))) {
			sp->from = from;
			return true;
		}
	}
	marking_init(m);
	m->unknown = true;
	t = letters_control(p, f, g.end, !g.plain, &cend, &odd2);
	c = t != NULL ? &p->controls[t->control] : NULL;
	if (c == NULL && (!g.prose || (sp != NULL && !g.any)) && g.end + 6 <= f->len &&
	    strncasecmp(s + g.end, "rel to", 6) == 0) {
		/*
		 * "secret / rel to usa, gbr": its list read whole, or unknown; across a line's
		 * break, with spaces alone between too ("secret" / "rel to usa"; not "secret --" /
		 * "rel to", which one line does not read either).
		 */
		len = (size_t)snprintf(buf, sizeof(buf), "%s", p->levels[level].name);
		cend = g.end + 6;
		if (!odd && !pieced && rel_list(p, f, g.end, buf, sizeof(buf), &len, &cend) &&
		    !more_after(p, f, cend) && marking_parse(p, buf, len, MARKING_BANNER, &one) == 1 &&
		    !one.unknown && one.level >= 0)
			*m = one;
		return spanned(sp, from, cend);
	}
	/* "// x": a mark's grammar, whatever word follows. */
	if (c == NULL && g.slashes >= 2) {
		if (two >= 0 || !words_mark(p, f, k, m)) {
			marking_init(m);
			m->unknown = true;
		}
		for (cend = g.end; cend < f->len && ascii_alnum(s[cend]); cend++)
			continue;
		return spanned(sp, from, cend);
	}
	if (c == NULL)
		return false;
	own = own_name(t, c);
	strong = c->kind == CONTROL_NOFORN || t->len >= 5;
	if (g.slashes < 2) {
		/*
		 * By its own name, of NOFORN's kind or by a name of words; a short alias where no
		 * prose writes the signs, as after a slash ("oc").
		 */
		if (c->kind != CONTROL_NOFORN && !own && t->single && (g.prose ||
		    (t->len > 3 && g.slash)))
			return false;
		if (c->kind == CONTROL_DISTRIBUTION && t->len < 4)
			return false;
		/*
		 * After prose's signs, no control of distribution, and a name of words only of
		 * NOFORN's kind ("secret: no foreign dissem"; "secret; limited distribution of",
		 * "confidential: manual review", "confidential; risk sensitive issues" are prose).
		 */
		if (g.prose && !g.plain && (c->kind == CONTROL_DISTRIBUTION ||
		    (!t->single && c->kind != CONTROL_NOFORN)))
			return false;
		if ((odd || odd2 || pieced || (g.prose && !g.plain)) && !strong)
			return false;	/* "secret: les autres", "secret_si.pdf" */
		if (g.plain && !odd && !odd2 && !pieced && (two < 0 || s[k - 1] == ' ') &&
		    !(strchr(p->levels[level].name, ' ') != NULL && own && t->len <= 3 &&
		    reading_capitals(s + g.end, cend - g.end)))
			return false;	/* side_by_side's; "top secret SI", not "top secret si" */
	}
	known = !odd && !odd2 && !pieced;
	len = (size_t)snprintf(buf, sizeof(buf), "%s//%s", p->levels[level].name, c->name);
	/*
	 * The controls after it, parted by signs or spaces ("¦ noforn ¦ orcon", ": noforn, orcon",
	 * "¦ noforn orcon"), up to MORE_CONTROLS; a compartment glued to one by a dash
	 * ("si-abcd") or more than that makes it unknown.
	 */
	for (more = 0; known && len < sizeof(buf); more++) {
		bool odd3 = false;

		if (cend + 1 < f->len && (s[cend] == '-' || s[cend] == '_') &&
		    ascii_alnum(s[cend + 1]))
			known = false;	/* "si-abcd" */
		if (!known || !sign_gap(f, cend, &g))
			break;
		if ((t = letters_control(p, f, g.end, !g.prose, &cend, &odd3)) == NULL) {
			/* "// REL TO USA, GBR": its list, read whole or unknown. */
			if (g.any && !g.prose && rel_list(p, f, g.end, buf, sizeof(buf), &len,
			    &cend)) {
				known = !more_after(p, f, cend);
				break;
			}
			if (g.any && (!g.prose || g.slashes > 0)) {
				known = false;	/* "secret ¦ noforn // x" */
				cend = g.end + 1;
			}
			break;
		}
		if (more == MORE_CONTROLS) {
			known = false;
			break;
		}
		known = !odd3;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "/%s",
		    p->controls[t->control].name);
	}
	if (known && len < sizeof(buf) && marking_parse(p, buf, len, MARKING_BANNER, &one) == 1 &&
	    !one.unknown && one.level >= 0)
		*m = one;
	return spanned(sp, from, cend);
}


/*
 * Every level and control of line s[0..n) that pair_by_letters reads, joined into *m, in folds
 * that overlap as sentence_marks reads them. Returns whether it read one.
 */
static bool
pairs_in_line(const struct policy *p, const char *s, size_t n, bool latin1, struct marking *m)
{
	size_t pos = 0, k, next, limit;
	bool found = false;

	while (pos < n) {
		struct fold f;
		struct marking one;

		fold_line(s + pos, n - pos, FOLD_MAX, latin1, &f);
		limit = fold_limit(&f, &next);
		for (k = 0; k < limit; k++)
			if (level_may_begin(p, &f, k) && pair_by_letters(p, &f, k, &one, NULL))
				add_found(p, m, &found, &one);
		if (next == 0)
			break;
		pos += next;
	}
	return found;
}

/*
 * Whether the words of f from `a` on, in capitals or with a capital first ("to" aside; up to
 * RUN_BYTES), the first of them among them, name restrictive controls ("NO FOREIGN DISSEM", "Not
 * Releasable to Foreign Nationals", "N O F O R N", "ORCON"), and stand before the line's end, a
 * colon or a word with a capital first (not "LES staff", "SBU training"); in a line in capitals,
 * where that says nothing, a name of four letters or more, or of words ("LES STAFF" is none).
 * *m is the lowest level with them.
 */
static bool
control_words(const struct policy *p, const struct fold *f, size_t a, bool lower,
    struct marking *m)
{
	const char *s = f->text;
	char run[RUN_BYTES + 1];
	size_t r = a, n = 0, e, j, next, words = 0, w, first = 0;
	size_t ends[RUN_BYTES / 2], after[RUN_BYTES / 2];
	bool colon[RUN_BYTES / 2];
	uint64_t bits = 0;

	while (r < f->len && words < RUN_BYTES / 2) {
		e = word_end(f, r, &next);
		if (!(isupper((unsigned char)s[r]) || (e - r == 2 && strncmp(s + r, "to", 2) == 0)))
			break;
		for (j = r; j < e && isalpha((unsigned char)s[j]); j++)
			continue;
		/* A word of letters, a comma or a colon after it. */
		if ((j < e && !(j + 1 == e && (s[j] == ',' || s[j] == ':'))) ||
		    n + (j - r) + 1 > RUN_BYTES)
			break;
		for (; r < j; r++)
			run[n++] = (char)toupper((unsigned char)s[r]);
		run[n++] = ' ';
		ends[words] = n;
		after[words] = next;
		colon[words++] = j < e;
		r = next;
		if (j < e)
			break;
	}
	/* The fewest words from the first that name a control, the first of them among them. */
	for (w = 0; w < words && bits == 0; w++)
		if ((bits = reading_words_controls(p, run, ends[w])) != 0)
			break;
	if (bits == 0)
		return false;
	first = ends[0];
	if (w > 0 && reading_words_controls(p, run + first, ends[w] - first) == bits)
		return false;	/* "THIS CABLE IS SENSITIVE BUT UNCLASSIFIED" says what it is */
	/* What stands after them: the line's end, a colon, a word with a capital first. */
	if (!colon[w] && after[w] < f->len && lower && !isupper((unsigned char)s[after[w]]))
		return false;
	if (!lower && w == 0 && first - 1 < 4)
		return false;	/* "LES STAFF" in a line in capitals */
	marking_init(m);
	if (p->noforn >= 0 && ((bits >> p->noforn) & 1))
		m->fd = FD_NOFORN;
	marking_add_controls(p, m, bits & p->handling);
	return true;
}

/*
 * Whether the word before offset k of f is a field's name ("Class:"): a level at the end of the
 * line after it is the field's value, as a FOIA release's stamp writes ("Class: CONFIDENTIAL --").
 */
static bool
after_field(const struct fold *f, size_t k)
{
	size_t pe = k;

	while (pe > 0 && f->text[pe - 1] == ' ')
		pe--;
	return pe > 1 && f->text[pe - 1] == ':' && isalpha((unsigned char)f->text[pe - 2]);
}

/* Whether s[0..n) has a capital after a lower-case letter ("NfD"; not "Secret"). */
static bool
upper_after_lower(const char *s, size_t n)
{
	size_t k;
	bool lower = false;

	for (k = 0; k < n; k++) {
		if (lower && isupper((unsigned char)s[k]))
			return true;
		lower = lower || islower((unsigned char)s[k]);
	}
	return false;
}

/* Whether s[0..n) is in capitals, OCR's "l" for "I" among them ("CONFlDENTIAL") too. */
static bool
ocr_capitals(const char *s, size_t n)
{
	size_t k, upper = 0;

	for (k = 0; k < n; k++) {
		if (islower((unsigned char)s[k]) && (s[k] != 'l' || upper == 0))
			return false;	/* not "Controlled": an "l" counts after a capital */
		upper += isupper((unsigned char)s[k]) != 0;
	}
	return upper > 0;
}

/*
 * Whether line i opens with the rest of a word in capitals that the text line right above it
 * broke with a hyphen, and the two halves make a level or a control ("SE-" / "CRET The", "NO-" /
 * "FORN"): OCR's and a typist's hyphenation of a mark across a line break. Letter spacing, "l"
 * for "I" and the like are word_kind's. With back, *back says whether the sentence above goes
 * into it (goes_into), and *up which line that is.
 */
static bool
broken_term(const struct policy *p, const struct document *d, size_t i, bool *back, size_t *up)
{
	char word[POLICY_WORD_MAX + 1];
	const char *s, *t;
	size_t k, j, a, e, n, tn, u;
	enum word_kind w;

	if ((u = at_break(p, d, i, true, &s, &k, &t, &tn)) == DOC_NONE || k < 2 ||
	    s[k - 1] != '-')
		return false;
	for (j = --k; j > 0 && isalpha((unsigned char)s[j - 1]); j--)
		continue;
	a = past_group(t, tn);
	for (e = a; e < tn && isalpha((unsigned char)t[e]); e++)
		continue;
	n = (k - j) + (e - a);
	if (j == k || e == a || n > POLICY_WORD_MAX || (j > 0 && isalnum((unsigned char)s[j - 1])))
		return false;
	memcpy(word, s + j, k - j);
	memcpy(word + (k - j), t + a, e - a);
	word[n] = '\0';
	if (!isupper((unsigned char)word[0]) || !ocr_capitals(word, n))
		return false;
	w = word_kind(p, word, n);
	if (w != WORD_LEVEL && w != WORD_OTHER && w != WORD_CONTROL && w != WORD_NOFORN)
		return false;
	if (back != NULL) {
		*back = goes_into(d, u, j);
		*up = u;
	}
	return true;
}

/*
 * Whether the level s[a..b) of f (its word ends at e, the next begins at `next`), where a sentence
 * begins, is a mark before whatever follows: it is two words ("TOP SECRET the walrus"), or
 * punctuation stands after it ("SECRET, walrus", "SECRET -- the walrus"); a level's word right
 * before a word in lower case is prose ("CUI material follows", "SECRET documents").
 */
static bool
before_any(const struct fold *f, size_t a, size_t b, size_t e, size_t next)
{
	const char *s = f->text;
	size_t j;

	if (b - a < 2)
		return false;
	if (memchr(s + a, ' ', b - a) != NULL || b < e || next >= f->len)
		return true;
	for (j = next; j < f->len && s[j] != ' '; j++)
		if (isalnum((unsigned char)s[j]))
			return isupper((unsigned char)s[j]) != 0;
	return true;
}

/* Whether the word before offset k of f is a word in capitals ("IS" before "SENSITIVE"). */
static bool
word_in_capitals_before(const struct fold *f, size_t k)
{
	size_t pe = k, ps;

	while (pe > 0 && f->text[pe - 1] == ' ')
		pe--;
	if (pe == 0 || pe == k)
		return false;
	if (!isalpha((unsigned char)f->text[pe - 1]))
		return false;	/* "CUI, FED ONLY": punctuation parts them */
	for (ps = pe; ps > 0 && f->text[ps - 1] != ' '; ps--)
		continue;
	return reading_capitals(f->text + ps, pe - ps);
}

/*
 * Whether the words of f from k on, two to TERM_WORDS of them, or one word of parts joined by
 * '-' or '_', spell a term of the policy that marks (a level above the lowest, another scheme's
 * level, a control that is not of distribution): "NATO SECRET", "COSMIC TOP SECRET", "UK EYES
 * ONLY", "SI-G", "SP-PRVCY", "FED_ONLY", "ORCON-USGOV"; in capitals, or, a level, of two words
 * or more each with a capital first ("Official Sensitive", "Nato Secret"). *m is the marking they
 * prove, or unknown. Terms of one plain word are word_mark's other rules'. `lower`: the fold has
 * lower case.
 */
#define TERM_WORDS 4

/* Whether s[0..n) is digits alone. */
static bool
all_digits(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!isdigit((unsigned char)s[k]))
			return false;
	return n > 0;
}

static bool
term_run(const struct policy *p, const struct fold *f, size_t k, bool sentence, bool lower,
    struct marking *m)
{
	const char *s = f->text;
	size_t ends[TERM_WORDS], nexts[TERM_WORDS], nw = 0, j = k, w, a, b;
	bool caps = true, title = true, joined = false;
	bool caps_to[TERM_WORDS], title_to[TERM_WORDS];

	while (nw < TERM_WORDS && j < f->len) {
		size_t e = j, after;

		e = word_end(f, j, &after);
		a = j;
		b = e;
		trim_word(s, &a, &b);
		/* A number goes on a term ("STRAP 2"), never begins one. */
		if (b <= a || !(isalpha((unsigned char)s[a]) ||
		    (nw > 0 && all_digits(s + a, b - a))))
			break;
		if (isalpha((unsigned char)s[a])) {
			caps = caps && reading_capitals(s + a, b - a);
			title = title && isupper((unsigned char)s[a]);
		}
		/* Parts joined by punctuation: "SI-G", "FED_ONLY", "NATO/SECRET", "U.K". */
		if (nw == 0)
			for (w = a; w < b; w++)
				joined = joined || (!isalnum((unsigned char)s[w]) &&
				    strchr("-_/.|\\", s[w]) != NULL && w > a &&
				    w + 1 < b && isalnum((unsigned char)s[w - 1]) &&
				    isalnum((unsigned char)s[w + 1]));
		nexts[nw] = after;
		caps_to[nw] = caps;
		title_to[nw] = title;
		ends[nw++] = b;
		/* Punctuation ends the run ("NATO SECRET, the"), but an initial's period ("U.K."). */
		if (b < e && s[b] != '-' && !(s[b] == '.' && b + 1 == e && b >= a + 2 &&
		    s[b - 2] == '.'))
			break;
		j = after;
	}
	for (w = nw; w > 0; w--) {
		const struct policy_term *t;
		size_t n = ends[w - 1] - k, lead = 0;
		struct marking one;

		if (w == 1 && !joined)
			break;
		/* In a line in capitals, words are in capitals anyway: a run counts where a sentence
		 * begins only. */
		if (!(caps_to[w - 1] || (title_to[w - 1] && w >= 2)) || (w >= 2 && !lower && !sentence))
			continue;
		while (lead < n && word_lead(s[k + lead]))
			lead++;
		if (n - lead > POLICY_WORD_MAX * 2 || (t = policy_term_find(p, s + k + lead, n - lead)) ==
		    NULL)
			continue;
		if (!(t->level > 0 || (t->level < 0 && t->control < 0) || (t->control >= 0 &&
		    p->controls[t->control].kind != CONTROL_DISTRIBUTION)))
			continue;
		/* In title case, only a level ("Official Sensitive"; "Special Intelligence
		 * Facility" names a place). */
		if (!caps_to[w - 1] && !(t->control < 0))
			continue;
		/* A level, as a level's word is: before a capital, at the end, where a sentence
		 * begins ("a TOP SECRET clearance" is prose). */
		if (t->level > 0 && t->control < 0 && !sentence &&
		    !level_before_capital(f, nexts[w - 1], lower))
			continue;
		/*
		 * Words of a control inside a stretch of capitals say what something is ("THIS
		 * CABLE IS SENSITIVE BUT UNCLASSIFIED"): the run must begin the stretch, or a
		 * sentence.
		 */
		if (w >= 2 && t->control >= 0 && !sentence && word_in_capitals_before(f, k))
			continue;
		marking_init(m);
		if (t->level < 0 && t->control < 0)
			m->unknown = true;
		else if (t->control >= 0 && t->level < 0) {
			if (p->controls[t->control].kind == CONTROL_NOFORN)
				m->fd = FD_NOFORN;
			else
				marking_add_controls(p, m, ((uint64_t)1 << t->control) & p->handling);
			if (p->controls[t->control].kind != CONTROL_NOFORN &&
			    (((uint64_t)1 << t->control) & p->handling) == 0)
				m->unknown = true;	/* a compartment: no bit says who may read */
		} else if (marking_parse(p, s + k + lead, n - lead, MARKING_BANNER, &one) == 1 &&
		    !one.unknown && one.level >= 0)
			*m = one;
		else
			m->unknown = true;
		return true;
	}
	return false;
}

/*
 * Whether the word of folded line f that begins at k (after a space, or the line's start) is
 * written as a mark, wherever it stands in a line: marks are not only where a sentence begins.
 * `sentence` says one begins there (after its end, or at the line's start). Each shape is what
 * no line of prose writes:
 * - "//" beside a letter, or a character no rule can read, on either side, not in a URL, from
 *   its scheme's "://" on ("Comment: S//NF The", "(2) S//NF", "s//nf", a Cyrillic S in "S//NF");
 * - a level and a control, or two controls, or a control of NOFORN's kind and anything, parted by
 *   punctuation in one word ("S/NF", "S,NF", "C-NF", "S.NF", "SI/NF", "NF/OC"; parted_mark), or a
 *   separator in capitals with a character no rule can read;
 * - a level or the lowest level and a control side by side: in capitals, or in any case as words
 *   of four letters or more ("SECRET NOFORN", "S NF", "U NF", "Secret Noforn", "Top Secret SI");
 * - a level in capitals, past dashes, before a word that begins in a capital (or the line's end,
 *   where a sentence begins): a level's word anywhere in a line with lower case ("Comment:
 *   SECRET -- The", and "the SECRET Ballot Act": a signal; not 'The "SECRET" Stuff', quoted,
 *   nor "Class: CONFIDENTIAL -- Reason:", a field), an abbreviation or a line in capitals where
 *   a sentence begins ("TS The", "S -- THE"; not an initial, "U. S. Capitol");
 * - where a sentence begins, before a word in capitals or the line's end: a control alone
 *   ("ORCON The", "SBU The"), words in capitals that name a restrictive control ("NO FOREIGN
 *   DISSEM The"), "REL TO", a level glued to a control ("SNF");
 * - a group in brackets in capitals glued to a word in capitals after it ("(SOC)The"; not
 *   "(CFDI)to").
 * *m is the marking the words prove, or unknown. Only raises.
 */
/*
 * Whether the word s[k..e) holds "//" beside a letter (or a character no rule can read) on either
 * side, before any URL's "://" (whose path after it is no mark).
 */
static bool
slashes_in(const char *s, size_t k, size_t e)
{
	size_t j, r;

	for (j = k; j + 1 < e; j++) {
		if (s[j] != '/' || s[j + 1] != '/' || (j > k && s[j - 1] == '/'))
			continue;
		for (r = j; r < e && s[r] == '/'; r++)
			continue;
		if (j > k && s[j - 1] == ':')
			return false;	/* a URL: "https://", "file:///", and its path after */
		if ((j > k && letterish(s[j - 1])) || (r < e && letterish(s[r])))
			return true;
	}
	return false;
}

/*
 * The word s[a..b) as a mark in parts ("S/NF", "TS|SI"), or with separators, a capital and a
 * character no rule can read: true with m (unknown unless the parts parse as a proven mark).
 */
static bool
parted_word(const struct policy *p, const char *s, size_t a, size_t b, struct marking *m)
{
	bool sep = false, exotic = false, capital = false, proper;
	char buf[2 * POLICY_WORD_MAX + 3];
	size_t j;

	for (j = a; j < b; j++) {
		sep = sep || s[j] == '/' || s[j] == '|' || s[j] == '\\';
		exotic = exotic || (unsigned char)s[j] >= 0x80;
		capital = capital || isupper((unsigned char)s[j]);
	}
	if (sep && capital && exotic)
		return true;
	if (!parted_mark(p, s, a, b, &proper))
		return false;
	for (j = a; j < b; j++)
		buf[j - a] = s[j] == '|' ? '/' : s[j];
	if (proper && marking_parse(p, buf, b - a, MARKING_PORTION, m) == 1 && !m->unknown &&
	    m->level >= 0)
		return true;
	marking_init(m);
	m->unknown = true;
	return true;
}

/*
 * A group in capitals glued to a word after it, in the word s[k..e) of f: true with m (the
 * group's mark, or unknown).
 */
static bool
glued_group(const struct policy *p, const struct fold *f, size_t k, size_t e, struct marking *m)
{
	const char *s = f->text;
	struct group g;
	size_t j;

	for (j = k; j < e; j++)
		if (s[j] == '(' && (j == k || !isalnum((unsigned char)s[j - 1])) &&
		    reading_group_at(p, f, j, &g) && g.closed && g.end < f->len &&
		    (isupper((unsigned char)s[g.end]) || (unsigned char)s[g.end] >= 0x80) &&
		    g.kind != GROUP_ITEM && g.end - g.start > 2 &&
		    reading_capitals(s + g.start + 1, g.end - g.start - 2)) {
			if (g.kind == GROUP_MARK) {
				*m = g.mark;
			} else {
				marking_init(m);
				m->unknown = true;
			}
			return true;
		}
	return false;
}

/*
 * Whether the word s[a..b) is a level's word in capitals glued by punctuation to a word with a
 * capital first ("SECRET\u2014The", "SECRET...The", "SECRET/The").
 */
static bool
level_glued_to_word(const struct policy *p, const char *s, size_t a, size_t b)
{
	size_t lead = a, g;

	while (lead < b && isupper((unsigned char)s[lead]))
		lead++;
	for (g = lead; g < b && !isalnum((unsigned char)s[g]); g++)
		continue;
	return lead - a >= 3 && g > lead && g < b && isupper((unsigned char)s[g]) &&
	    word_kind(p, s + a, lead - a) == WORD_LEVEL;
}

/* How level_then_control reads: LTC_WEAK, a level and consonants too; LTC_STRICT, between a
 * level and its control only what OCR makes of "//" (I, 1, l, signs). */
#define LTC_WEAK	1u
#define LTC_STRICT	2u
#define LTC_DIGIT	4u	/* set by level_then_control: a digit among the first two bytes */

static bool level_then_control(const struct policy *p, const char *s, size_t n, unsigned how);

/* Whether the word of f at k, a comma after it or none, is TO, a country or a group of them. */
static bool
reader_at(const struct policy *p, const struct fold *f, size_t k)
{
	size_t e = k;

	while (e < f->len && f->text[e] != ' ' && f->text[e] != ',' && f->text[e] != ':')
		e++;
	return (e - k == 2 && memcmp(f->text + k, "TO", 2) == 0) ||
	    reading_reader_word(p, f->text + k, e - k);
}

static bool
word_mark(const struct policy *p, const struct fold *f, size_t k, bool sentence, bool lower,
    struct marking *m)
{
	const char *s = f->text;
	const struct policy_term *t;
	size_t e, next, a = k, b, j;
	enum word_kind w;
	bool capitals;

	e = word_end(f, k, &next);
	marking_init(m);
	m->unknown = true;
	b = e;
	trim_word(s, &a, &b);
	/* A small mark with spaces about its slash ("s / nf", "\"ts/ nf\""): unknown. */
	if (b > a && b - a <= 3 && e - k <= 5 && spaced_small(p, f, a))
		return true;
	if (slashes_in(s, k, e)) {
		if (!words_mark(p, f, k, m))
			m->unknown = true;
		return true;
	}
	if (b <= a || b - a > POLICY_WORD_MAX)
		return false;
	/* A term of the policy written in words or parts ("NATO SECRET", "SI-G", "FED_ONLY"). */
	if (term_run(p, f, k, sentence, lower, m))
		return true;
	/* A group in brackets is read as a group ("(SBU) Over"); but "(SNF) The". */
	if (a > k && strchr("([{", s[a - 1]) != NULL && b < e && strchr(")]}", s[b]) != NULL) {
		if (noforn_glued(p, s + a, b - a, !sentence))
			return true;
		goto group;
	}
	if (!policy_not_mark(p, s + a, b - a) && parted_word(p, s, a, b, m))
		return true;
	/* OCR's "SIINF" anywhere; and a level's word glued to controls ("SECRETISIINOFORN"). */
	if (noforn_glued(p, s + a, b - a, true) || glued_chain(p, s + a, b - a))
		return true;
	/*
	 * Where a sentence begins, a level in its scheme's own mixed case ("VS-NfD The"), which
	 * prose does not write: a capital after lower case, parts and all.
	 */
	if (sentence && upper_after_lower(s + a, b - a) &&
	    (t = policy_term_find(p, s + a, b - a)) != NULL && t->control < 0 && t->level != 0) {
		if (t->level > 0)
			m->level = t->level;
		return true;
	}
	w = word_kind(p, s + a, b - a);
	/* "TOP SECRET" is one level: read from "TOP" as from "SECRET". */
	if (w == WORD_NONE && b - a == 3 && memcmp(s + a, "TOP", 3) == 0 && next < f->len) {
		size_t a2 = next, b2 = word_end(f, next, &j), n2;

		trim_word(s, &a2, &b2);
		n2 = b2 > a2 ? b2 - a2 : 0;
		if (n2 >= 3 && reading_capitals(s + a2, n2) &&
		    word_kind(p, s + a2, n2) == WORD_LEVEL) {
			e = word_end(f, next, &next);
			b = b2;
			w = WORD_LEVEL;
		}
	}
	/* A level glued to a word, in a line with lower case or where a sentence begins. */
	if (w == WORD_NONE && (sentence || lower) && level_glued_to_word(p, s, a, b))
		return true;
	/* A level's word with the slash after it ("secret/ noforn"). */
	for (j = b; w == WORD_NONE && j > a && (s[j - 1] == '/' || s[j - 1] == '|'); j--)
		continue;
	if (j < b && j > a && word_kind(p, s + a, j - a) == WORD_LEVEL &&
	    side_by_side(p, f, a, j, next, WORD_LEVEL, m))
		return true;
	if (w == WORD_NONE && !sentence)
		goto group;
	if ((w == WORD_LEVEL || w == WORD_LOWEST) && side_by_side(p, f, a, b, next, w, m))
		return true;
	capitals = ocr_capitals(s + a, b - a);
	/*
	 * A level in capitals before a word in capitals, or where a sentence begins before any
	 * word ("SECRET -- the walrus"; an abbreviation, "S the", only before a capital).
	 */
	if ((w == WORD_LEVEL || (w == WORD_OTHER && sentence)) && capitals &&
	    !quoted(s, a, b, e) && (b - a > 1 || b == e) &&
	    (sentence || (b - a >= 3 && lower)) &&
	    ((sentence && before_any(f, a, b, e, next)) ||
	    level_before_capital(f, next, (sentence || lower) &&
	    !(after_field(f, k) && b - a > 3)))) {
		if (!words_mark(p, f, k, m)) {
			marking_init(m);
			m->unknown = true;
		}
		return true;
	}
	if (!sentence)
		goto group;
	/*
	 * Where a sentence begins: words that name a restrictive control ("NO FOREIGN DISSEM The",
	 * "Not Releasable to Foreign Nationals The", "ORCON The", "SBU The"), at that control.
	 */
	if (control_words(p, f, a, lower, m))
		return true;
	marking_init(m);
	m->unknown = true;
	/* "REL TO" ("RELTO"), whatever follows. */
	if (capitals && ((b - a == 3 && memcmp(s + a, "REL", 3) == 0 && next + 2 <= f->len &&
	    strncasecmp(s + next, "TO", 2) == 0) || (b - a == 5 && memcmp(s + a, "RELTO", 5) == 0)))
		return true;
	/* A level glued to REL before TO or a reader ("2. SREL GBR The", "TSREL TO USA"). */
	if (capitals && b - a >= 4 && memcmp(s + b - 3, "REL", 3) == 0 && next < f->len &&
	    reader_at(p, f, next) && level_then_control(p, s + a, b - a, LTC_STRICT))
		return true;
	/*
	 * Or, before a word in capitals or the line's end (in a line with lower case: in capitals
	 * throughout, each word is), or before a colon, a control alone that is no abbreviation
	 * ("MR."), unknown; a level glued to NOFORN ("SNF"). A control of distribution alone
	 * ("SIPDIS") restricts no reader.
	 */
	if (capitals && b - a >= 2 && ((b + 1 == e && s[b] == ':') ||
	    ((next >= f->len || isupper((unsigned char)s[next])) && (lower || b - a >= 4)))) {
		if ((w == WORD_CONTROL || w == WORD_NOFORN) && (b == e || s[b] == ':'))
			return true;
		if (noforn_glued(p, s + a, b - a, false))
			return true;
	}
group:
	return glued_group(p, f, k, e, m);
}

/*
 * Joins into *m the marking that the words of f from the word before offset k on prove, when
 * that word is in capitals ("TOP" before "SECRET NOFORN"): only raises.
 */
static void
word_before(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	struct marking more;
	size_t a = k;

	while (a > 0 && f->text[a - 1] == ' ')
		a--;
	if (a == 0 || a == k)
		return;
	while (a > 0 && f->text[a - 1] != ' ')
		a--;
	if (reading_capitals(f->text + a, k - a) && words_mark(p, f, a, &more))
		marking_join(p, m, &more, m);
}

/* The length of `token` (lower case) at folded offset k of f, in any case, or 0. */
static size_t
token_at(const struct fold *f, size_t k, const char *token)
{
	size_t n = strlen(token);

	if (f->len - k < n || strncasecmp(f->text + k, token, n) != 0)
		return 0;
	return n;
}

/*
 * The character that s[0..n) writes coded, and the bytes it takes in *len, or -1: a character
 * reference (fold_reference, breaks included: "&#10;", "&#x000A;", "&lt;", "&NewLine;"), an
 * escape ("\n", "\u000a", "\x0a") or a URL's ("%0A").
 */
static long
coded_char(const char *s, size_t n, size_t *len)
{
	static const struct { const char *name; long c; } named[] = { { "\\n", '\n' },
	    { "\\r", '\r' }, { "\\f", '\f' }, { "\\v", '\v' } };
	size_t i, k, start, max;
	long c = 0;
	int32_t cp;

	if (s[0] == '&') {
		if ((*len = fold_reference(s, n, true, &cp)) == 0)
			return -1;
		return cp;
	}
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (n >= strlen(named[i].name) &&
		    strncasecmp(s, named[i].name, strlen(named[i].name)) == 0) {
			*len = strlen(named[i].name);
			return named[i].c;
		}
	/* "\u000a", "\x0a", "%0A": hex digits, as many as the form has. */
	if (n >= 6 && s[0] == '\\' && (s[1] == 'u' || s[1] == 'U')) {
		start = 2;
		max = 6;
	} else if (n >= 4 && s[0] == '\\' && (s[1] == 'x' || s[1] == 'X')) {
		start = 2;
		max = 4;
	} else if (n >= 3 && s[0] == '%') {
		start = 1;
		max = 3;
	} else {
		return -1;
	}
	for (k = start; k < max && isxdigit((unsigned char)s[k]); k++)
		c = c * 16 + (isdigit((unsigned char)s[k]) ? s[k] - '0' :
		    tolower((unsigned char)s[k]) - 'a' + 10);
	if (k != max)
		return -1;
	*len = k;
	return c;
}

/* Whether s[0..n) opens with a space or tab written coded ("&#9;", "&#x20;"), its length in *len. */
static bool
coded_space(const char *s, size_t n, size_t *len)
{
	long c = coded_char(s, n, len);

	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x200B || c == 0x200C || c == 0xFEFF;
}

/*
 * The length of a tag that parts no paragraph at s[0..n) ("</font>", "<span class=x>", "<img
 * src=x>", "<!-- note -->"), or 0.
 */
static size_t
inline_tag(const char *s, size_t n)
{
	size_t k;

	if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
		for (k = 4; k + 2 < n && k < FOLD_TAG_MAX; k++)
			if (memcmp(s + k, "-->", 3) == 0)
				return k + 3;
		return 0;
	}
	return fold_tag(s, n, &k);
}

/*
 * How much of a paragraph break a token at folded offset j of f (src its source) is, in *weight
 * (1: a line break; 2: a paragraph's end by itself), and its length; 0 when none is there: a
 * tag ("<br>", "</p>", "<li>", "<h2>"), one written with coded brackets ("&lt;br&gt;",
 * "&#60;br&#62;"), a line end written coded ("&#10;", "&#x000A;", "\n", "%0A"; a carriage return
 * and a line feed together are one; a form feed or U+2029 is a paragraph's end), or a carriage
 * return in a file whose lines end otherwise.
 */
static size_t
break_token(const struct fold *f, const char *src, size_t j, int *weight)
{
	const char *s = f->text;
	size_t len, len2, k;
	enum tag_kind kind;
	long c;

	*weight = 1;
	/* A paragraph's sign before its number ("... Monday. \u00b62. The"): a paragraph begins. */
	if ((unsigned char)s[j] == 0xC2 && j + 1 < f->len && (unsigned char)s[j + 1] == 0xB6) {
		for (k = j + 2; k < f->len && s[k] == ' '; k++)
			continue;
		if (k >= f->len || !isdigit((unsigned char)s[k]))
			return 0;
		/* Its number is its label: what follows it may be a mark. */
		while (k < f->len && isdigit((unsigned char)s[k]))
			k++;
		if (k < f->len && (s[k] == '.' || s[k] == ')'))
			k++;
		*weight = 2;
		return k - j;
	}
	if (s[j] == '<') {
		kind = tag_at(s + j, f->len - j, &len);
		*weight = kind == TAG_BLOCK ? 2 : 1;
		return kind == TAG_NONE ? 0 : len;
	}
	if (src[fold_source(f, j)] == '\r')
		return 1;
	if ((c = coded_char(s + j, f->len - j, &len)) < 0)
		return 0;
	if (c == '<') {
		char tag[FOLD_TAG_MAX + 2];
		size_t t = 1;

		/* The tag's name and what stands up to its coded or plain '>'. */
		tag[0] = '<';
		for (k = j + len; k < f->len && t < FOLD_TAG_MAX; k++) {
			if (s[k] == '>' || ((c = coded_char(s + k, f->len - k, &len2)) == '>')) {
				tag[t++] = '>';
				if ((kind = tag_at(tag, t, &len)) == TAG_NONE)
					return 0;
				*weight = kind == TAG_BLOCK ? 2 : 1;
				return (s[k] == '>' ? k + 1 : k + len2) - j;
			}
			tag[t++] = s[k];
		}
		return 0;
	}
	if (c == '\f' || c == 0x2029)
		*weight = 2;
	else if (c != '\n' && c != '\r' && c != '\v' && c != 0x85 && c != 0x2028)
		return 0;
	if (c == '\r' && j + len < f->len &&
	    coded_char(s + j + len, f->len - j - len, &len2) == '\n')
		len += len2;
	return len;
}

/*
 * The end of a paragraph break written inside a line at folded offset k of f (src its source):
 * two line breaks of markup or of an export ("<br><br>", "<br/>&nbsp;<br>", "&lt;br&gt;&lt;br&gt;",
 * "&#13;&#10;&#13;&#10;", "&#x000A;&#x000A;", a "\n\n" written out), a block's tag ("</p><p>",
 * "</div><div>", "<hr>"), a form feed or a paragraph separator written coded, or two carriage
 * returns in a file whose lines end otherwise. Returns the folded offset past it, or 0.
 */
static size_t
break_at(const struct fold *f, const char *src, size_t k)
{
	const char *s = f->text;
	size_t j, t;
	int count = 0, weight;

	for (j = k; j < f->len && (t = break_token(f, src, j, &weight)) > 0;) {
		j += t;
		count += weight;
		/* Between two: spaces, "&nbsp;", and tags that part nothing ("</font>", "<!-- -->"). */
		for (;;) {
			size_t len;

			if (j < f->len && (s[j] == ' ' || s[j] == '\t'))
				j++;
			else if ((t = token_at(f, j, "&nbsp;")) > 0 || (t = token_at(f, j, "&zwnj;")) > 0)
				j += t;
			else if (j < f->len && s[j] == '&' && coded_space(s + j, f->len - j, &t))
				j += t;
			else if (j < f->len && s[j] == '<' &&
			    tag_at(s + j, f->len - j, &len) == TAG_NONE && (t = inline_tag(s + j,
			    f->len - j)) > 0)
				j += t;
			else
				break;
		}
	}
	return count >= 2 ? j : 0;
}

/*
 * Whether a paragraph break inside the line at folded offset k of f (src its source) is followed
 * by text that no proven mark opens: unmarked text, whose level is unknown ("(U) The plan.<br><br>
 * The walrus", "</p><p>The walrus"). A proven mark after it is read where it stands, as marks in
 * mid-line are.
 */
static bool
inline_break(const struct policy *p, const struct fold *f, const char *src, size_t k)
{
	const char *s = f->text;
	size_t j;
	struct group g;
	struct marking m;
	bool other;

	if (k == 0 || (s[k] != '<' && s[k] != '&' && s[k] != '\\' && s[k] != '%' &&
	    (unsigned char)s[k] != 0xC2 && src[fold_source(f, k)] != '\r'))
		return false;
	if ((j = break_at(f, src, k)) == 0)
		return false;
	/* Past more tags and spaces: text, or the line's end. */
	for (;;) {
		size_t t;

		if (j < f->len && s[j] == ' ')
			j++;
		else if (j < f->len && s[j] == '<') {
			for (t = j; t < f->len && s[t] != '>'; t++)
				continue;
			if (t == f->len)
				break;
			j = t + 1;
		} else if ((t = token_at(f, j, "&nbsp;")) > 0)
			j += t;
		else
			break;
	}
	if (j >= f->len)
		return false;
	if (s[j] != '(' || !reading_group_at(p, f, j, &g))
		return true;
	/* "(S//NF)", and a level's letter alone ("(U)", also a list's item). */
	return !(g.kind == GROUP_MARK || (g.kind == GROUP_ITEM && g.letter != 0 && g.bare &&
	    letter_marking(p, g.letter, &m, &other) && !other));
}

/*
 * Marks where a sentence begins in mid-line ("... on June 12. S//NF The", "... June 12. (S,NF)
 * The", "... June 12. C) The", "... went well. (U)//FOUO The"): read as at a paragraph's head,
 * where what may be a mark and proves nothing is unknown, a level letter that lost its '(' is
 * its level, and the controls right after a proven mark are its own. Proven marks there are
 * reading_marks' to find. Only raises. Returns whether one was found, joined into *m.
 */
/*
 * How much of fold f a pass reads, and (*next) where the next fold begins. A line longer than one
 * fold is read in folds that overlap by FOLD_OVERLAP bytes, cut at a space (or at the last space,
 * after a longer word): a word across the cut, and the words after it that a rule reads with
 * it, are read whole in the next fold.
 */
static size_t
fold_limit(const struct fold *f, size_t *next)
{
	size_t back;

	*next = f->consumed;
	if (!f->cut || f->len <= 1)
		return f->len;
	back = f->len > FOLD_OVERLAP ? f->len - FOLD_OVERLAP : f->len - 1;
	while (back > 0 && f->text[back] != ' ')
		back--;
	/* A word longer than the overlap: cut at the last space, if any. */
	for (back = back > 0 ? back : f->len - 1; back > 0 && f->text[back] != ' ';)
		back--;
	if (back > 0 && fold_source(f, back) > 0) {
		*next = fold_source(f, back);
		return back;
	}
	return f->len;
}

/* Joins one into *m, or makes it *m when it is the first (*found). */
static void
add_found(const struct policy *p, struct marking *m, bool *found, const struct marking *one)
{
	if (*found)
		marking_join(p, m, one, m);
	else
		*m = *one;
	*found = true;
}

/*
 * Whether f holds nothing after byte k but what may follow a mark at a paragraph's end
 * (trim_note): a group at a line's end.
 */
static bool
nothing_after(const struct fold *f, size_t k)
{
	/* A sentence's sign right after the group, a word before it or not ("pause (T5),"). */
	return sign_after_bracket(f->text, trim_note(f->text, f->len, false)) <= k;
}

/*
 * Whether group g of f never closes and ends the line with one word of capitals, digits and
 * slashes that is a mark cut short: one that a level leads or that holds "//" ("(TS", "(S//NF",
 * "(SBU"), OCR's digits in a level ("(T5"), or, at a head (`head`: after a mark, "(U) (T"), any
 * such word. Not a word that goes on on the next line, after text: "(97" / "percent)", "(RSO"
 * / "comment)", "(FORMER" / "MAYOR)".
 */
static bool
open_at_end(const struct policy *p, const struct fold *f, const struct group *g, bool head)
{
	size_t k, n = f->len;

	while (n > g->start && f->text[n - 1] == ' ')
		n--;
	if (g->closed || g->end < n || n - g->start < 2 || n - g->start > 13)
		return false;
	for (k = g->start + 1; k < n; k++)
		if (!isupper((unsigned char)f->text[k]) && !isdigit((unsigned char)f->text[k]) &&
		    f->text[k] != '/')
			return false;
	return head || (g->kind == GROUP_UNKNOWN && (g->has_level ||
	    double_slash(f->text + g->start, n - g->start) || reading_ocr_level(p, f, g)));
}

/*
 * Whether the one or two capitals at k of f before a closing bracket, OCR's "5" read as "S",
 * name a level above the lowest ("5)", "T5)" after ocr_open's glyph): *m is it, unknown.
 */
static bool
ocr_five(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	char up[2];
	size_t n;

	for (n = 0; n < 2 && k + n < f->len && (isupper((unsigned char)f->text[k + n]) ||
	    f->text[k + n] == '5'); n++)
		up[n] = f->text[k + n] == '5' ? 'S' : f->text[k + n];
	if (n == 0 || k + n >= f->len || !closing(f->text[k + n]) || f->text[k + n] == '\0' ||
	    marking_parse(p, up, n, MARKING_PORTION, m) != 1 || m->level <= 0)
		return false;
	m->unknown = true;
	return true;
}

/*
 * Whether at k of f a bracket opens a level's letters that OCR closed with another glyph, before
 * a sentence's word ("(S' The", "(S; The", "(S» The", "(S’ The", "(C1 The", "(Sl The", "(S'The"):
 * an unknown mark at that level in *m. Not a comma ("(S, M and L"), nor "(S. " (an initial),
 * nor before a word in lower case or a capital alone ("(C; see", "(C, B and A"), nor one its
 * line closes.
 */
static bool
sign_closed(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	const unsigned char *t = (const unsigned char *)f->text;
	size_t e, c, n;

	if (k + 4 >= f->len || !(t[k] == '(' || t[k] == '[' || t[k] == '{'))
		return false;
	for (e = k + 1; e < f->len && e - k <= 3 && isupper(t[e]); e++)
		continue;
	if (e == k + 1 || e - k > 3 || e >= f->len)
		return false;
	n = e - k - 1;
	if (t[e] != '\0' && strchr("':;!>1l|`", t[e]) != NULL)
		c = e + 1;
	else if (e + 1 < f->len && t[e] == 0xC2 && (t[e + 1] == 0xBB || t[e + 1] == 0xAB))
		c = e + 2;
	else if (e + 2 < f->len && t[e] == 0xE2 && t[e + 1] == 0x80 && (t[e + 2] == 0x99 ||
	    t[e + 2] == 0x9D))
		c = e + 3;
	else
		return false;
	if (c < f->len && t[c] == ' ')
		c++;
	if (c + 1 >= f->len || !isupper(t[c]) || !islower(t[c + 1]))
		return false;
	/* Not closed further on its line ("(S: The plan)"). */
	for (e = c; e < f->len; e++)
		if (t[e] != '\0' && closing((char)t[e]))
			return false;
	if (marking_parse(p, f->text + k + 1, n, MARKING_PORTION, m) != 1 ||
	    (m->level <= 0 && m->controls == 0))
		return false;
	m->unknown = true;
	return true;
}

/*
 * Whether the full stop before folded offset k of f (spaces between) ends an abbreviation: a word
 * with a stop inside ("U.S."), a capital and one to four small letters ("Co.", "Corp.", "Mr."),
 * two or three small letters ("etc.").
 */
static bool
abbreviation_stop(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t j = k, b, e;

	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j < 2 || s[j - 1] != '.')
		return false;
	for (b = j - 1; b > 0 && (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '.'); b--)
		continue;
	if (memchr(s + b, '.', j - 1 - b) != NULL)
		return true;
	/* A capital and one to four small letters ("Co.", "Corp.", "Dept."), or two or three small
	 * letters ("etc.", "cf."). */
	for (e = b + 1; e < j - 1 && islower((unsigned char)s[e]); e++)
		continue;
	return e == j - 1 && ((isupper((unsigned char)s[b]) && e - b >= 2 && e - b <= 5) ||
	    (islower((unsigned char)s[b]) && e - b >= 2 && e - b <= 3));
}

/*
 * Whether a bracket at folded offset k of f follows a full stop, question or exclamation mark
 * with no space, after a word of two letters or more ("ROUTINE.(TSSI) THE"): a sentence begins
 * there as after a space.
 */
static inline bool
glued_stop(const struct fold *f, size_t k)
{
	const char *s = f->text;

	return k >= 3 && opening(s[k]) && strchr(".?!", s[k - 1]) != NULL &&
	    isalpha((unsigned char)s[k - 2]) && isalpha((unsigned char)s[k - 3]);
}

/*
 * Whether folded offset k of f follows a sentence's full stop, question or exclamation mark in
 * mid-line, closing quotes or brackets and a footnote's sign after it or none ("event. (X)",
 * "basis.* (X)", "said.\" (X)").
 */
static bool
after_full_stop(const struct fold *f, size_t k)
{
	const char *s = f->text;
	size_t j = k;

	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j == k)
		return glued_stop(f, k);
	while (j > 0 && (strchr("\"')]}*[", s[j - 1]) != NULL || isdigit((unsigned char)s[j - 1])))
		j--;
	return j >= 2 && s[j - 1] != '\0' && strchr(".?!", s[j - 1]) != NULL &&
	    (isalnum((unsigned char)s[j - 2]) ||
	    (s[j - 2] != '\0' && strchr(")]\"'", s[j - 2]) != NULL));
}

/*
 * Whether up[0..n) (upper case, OCR's digits read as letters) is a level's abbreviation and the
 * rest of a mark (level_then_control).
 */
static bool
level_then_rest(const struct policy *p, const char *up, size_t n, unsigned how)
{
	const struct policy_term *t;
	size_t a, b, k;

	/* A level's consonants, cut short or not, a consonant or two after ("CNFD", "CNFDL"); its
	 * word cut short ("CONFID", "SECR"). */
	for (k = n; k >= 4 && k + 2 >= n; k--) {
		for (b = k; b < n && isupper((unsigned char)up[b]) &&
		    strchr("AEIOUY", up[b]) == NULL; b++)
			continue;
		if (b == n && reading_level_consonants(p, up, k))
			return true;
	}
	if (reading_level_cut_short(p, up, n, (how & LTC_DIGIT) != 0))
		return true;
	/* A level's word cut short and a control glued ("CONFIDNF"). */
	for (a = 4; a + 2 <= n; a++)
		if (reading_level_cut_short(p, up, a, (how & LTC_DIGIT) != 0) &&
		    (t = policy_term_find(p, up + a, n - a)) != NULL && t->control >= 0)
			return true;
	for (a = 1; a <= 3 && a + 2 <= n; a++) {
		if ((t = policy_term_find(p, up, a)) == NULL || t->level < 0 ||
		    (t->control >= 0 && a < 3))
			continue;
		for (b = a; b + 2 <= n && b - a <= 4; b++) {
			if (b > a && (how & LTC_STRICT) && (up[b - 1] == '\0' ||
			    strchr("/|\\I!.,:-", up[b - 1]) == NULL))
				break;
			if (((t = policy_term_find(p, up + b, n - b)) != NULL && t->control >= 0) ||
			    (n - b >= 3 && memcmp(up + b, "REL", 3) == 0) ||
			    (n - b == 4 && memcmp(up + b, "EYES", 4) == 0) ||
			    policy_group_find(p, up + b, n - b) >= 0)
				return true;
		}
		/*
		 * After a level that a digit of OCR's damaged or a control that stands as a level,
		 * two or three consonants ("T5NP", "SBUMF"; not "TSDB", "TSMC", acronyms).
		 */
		if ((how & LTC_WEAK) && a >= 2 && (a == 3 || (how & LTC_DIGIT)) && n - a >= 2 &&
		    n - a <= 3) {
			for (k = a; k < n && isupper((unsigned char)up[k]) &&
			    strchr("AEIOUY", up[k]) == NULL; k++)
				continue;
			if (k == n)
				return true;
		}
	}
	return false;
}

/*
 * Whether s[0..n), letters, digits and signs alone, is a level's abbreviation (OCR's digits read
 * as letters, its "l" as "I" or "L", in any case) and a control, REL or EYES at its end, with four
 * bytes at most between that OCR made of "//" ("SREL", "TSMSUNNF", "SHNF", "UIIFOUO", "U/IFOUO",
 * "SORCON", "TSTK", "tssi", "TsSl", "SEYES"), a level of two letters or more and two or three
 * consonants ("T5NP", "SBUMF"), or a level's consonants ("CNFD"); four bytes or more (not "RSO",
 * "NATO", "SCA", nor three letters: "CSI", "SOC"): where a sentence begins in mid-line, the shape
 * of a damaged mark. The level and consonants only with LTC_WEAK (not after an abbreviation's
 * stop: "Co. (TSMC) Chairman", "U.S. (TSWG) Program"); with LTC_STRICT, nothing but what OCR
 * makes of "//" between a level and its control ("(CNOOC) told" is C, "NO" and OC).
 */
static bool
level_then_control(const struct policy *p, const char *s, size_t n, unsigned how)
{
	char up[POLICY_WORD_MAX + 1];
	size_t k;
	bool ell = false;

	/* Three letters are an acronym as often ("(CSI)", "(UPR)", "(SOC)"): four or more. */
	if (n < 4 || n > POLICY_WORD_MAX)
		return false;
	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];

		if (c == ' ' || c >= 0x80)
			return false;
		ell = ell || c == 'l';
		up[k] = isdigit(c) ? reading_ocr_letter((char)c) : c == 'l' ? 'I' :
		    (char)toupper(c);
	}
	up[n] = '\0';
	if (isdigit((unsigned char)s[0]) || isdigit((unsigned char)s[1]))
		how |= LTC_DIGIT;
	if (level_then_rest(p, up, n, how))
		return true;
	if (!ell)
		return false;
	for (k = 0; k < n; k++)
		if (s[k] == 'l')
			up[k] = 'L';
	return level_then_rest(p, up, n, how);
}

/*
 * Whether group g, opening at k in f where a sentence begins in mid-line (after_full_stop), is a
 * damaged mark (level_then_control): before a word in capitals ("event. (TSSI) In", "(tssi)"); a
 * shape other than a level and consonants, nothing but OCR's "//" between a level and its
 * control, before one in lower case and not after an abbreviation ("(TSSI) the"; not "Corp.
 * (CNOOC) told"); or its first word, the group not closed, before a word in capitals ("(TSSI
 * The").
 */
/*
 * Whether s[0..n) is a level glued to REL (level_then_control) and then readers, TO and AND
 * between them aside ("SREL GBR", "TSREL TO USA, FVEY", "CREL GBR AND AUS"): a damaged REL TO
 * mark.
 */
static bool
glued_rel_list(const struct policy *p, const char *s, size_t n)
{
	size_t w = 0, a, b, readers = 0;

	while (w < n && s[w] != ' ')
		w++;
	if (w == n || w < 4 || memcmp(s + w - 3, "REL", 3) != 0 ||
	    !level_then_control(p, s, w, LTC_STRICT))
		return false;
	for (a = w; a < n; a = b) {
		while (a < n && (s[a] == ' ' || s[a] == ','))
			a++;
		for (b = a; b < n && s[b] != ' ' && s[b] != ','; b++)
			continue;
		if (b == a)
			break;
		if (reading_reader_word(p, s + a, b - a))
			readers++;
		else if (!((b - a == 2 && memcmp(s + a, "TO", 2) == 0) ||
		    (b - a == 3 && memcmp(s + a, "AND", 3) == 0)))
			return false;
	}
	return readers > 0;
}

static bool
damaged_after_stop(const struct policy *p, const struct fold *f, size_t k, const struct group *g)
{
	const char *t = f->text + g->start + 1;
	size_t n;
	bool abbreviation;

	if (!after_full_stop(f, k))
		return false;
	if (!g->closed) {
		for (n = 0; g->start + 1 + n < f->len && t[n] != ' '; n++)
			continue;
		return g->start + 1 + n < f->len && word_after(f, g->start + 1 + n) &&
		    level_then_control(p, t, n, LTC_STRICT);
	}
	n = g->end - g->start - 2;
	abbreviation = abbreviation_stop(f, k);
	if (word_after(f, g->end) && glued_rel_list(p, t, n))
		return true;
	if (word_after(f, g->end))
		return level_then_control(p, t, n, abbreviation ? 0 : LTC_WEAK);
	return !abbreviation && g->end + 1 < f->len && f->text[g->end] == ' ' &&
	    islower((unsigned char)f->text[g->end + 1]) && level_then_control(p, t, n, LTC_STRICT);
}

/* The letters OCR's glyph c may stand for in a level's abbreviation, at most two, in *a. */
static size_t
ocr_level_letters(char c, char a[2])
{
	switch (c) {
	case '5': case '$': case '8':
		a[0] = 'S';
		return 1;
	case 'G':
		a[0] = 'C';
		return 1;
	case '0': case 'Q':
		a[0] = 'O';
		return 1;
	case 'I': case '1': case '7': case 'l': case '|':
		a[0] = 'T';
		a[1] = 'I';
		return 2;
	default:
		a[0] = c;
		return isupper((unsigned char)c) ? 1 : 0;
	}
}

/*
 * Whether t[0..n), with one or more of OCR's glyphs read as the letters they stand for
 * (ocr_level_letters), is a level's term above the lowest ("5", "G", "IS", "1S", "T8", "NG",
 * "CUl"); `slipped`: one was read already (the bracket's "J").
 */
static bool
ocr_level_term(const struct policy *p, const char *t, size_t n, bool slipped)
{
	char opt[4][2], c[4];
	size_t cnt[4], k, combo, total = 1;
	const struct policy_term *pt;

	for (k = 0; k < n; k++) {
		if ((cnt[k] = ocr_level_letters(t[k], opt[k])) == 0)
			return false;
		total *= cnt[k];
	}
	for (combo = 0; combo < total; combo++) {
		size_t r = combo;
		bool slip = slipped;

		for (k = 0; k < n; k++) {
			c[k] = opt[k][r % cnt[k]];
			r /= cnt[k];
			slip = slip || c[k] != t[k];
		}
		if (slip && (pt = policy_term_find(p, c, n)) != NULL && pt->level > 0 &&
		    pt->control < 0)
			return true;
	}
	return false;
}

static bool named_reference(const struct fold *f, size_t j);

/*
 * Whether the sentence before the group t[0..n) at folded offset k of f ends in it: as its last
 * word or in brackets ("Lot 5. (5) The", "graded A to G. (G) The", "552(b)(5). (5) The"), or, of
 * two letters or more, by the initials of its last words in capitals ("claimed by Islamic
 * State. (IS) The"; not "in Syria. (IS) The").
 */
static bool
named_before(const struct fold *f, size_t k, const char *t, size_t n)
{
	size_t b, w, i;

	/* The sentence's last word, or the group in brackets, before its stop. */
	for (b = k; b > 0 && (f->text[b - 1] == ' ' || strchr(".;", f->text[b - 1]) != NULL); b--)
		continue;
	if (b >= n + 2 && f->text[b - 1] == ')' && f->text[b - n - 2] == '(' &&
	    strncmp(f->text + b - n - 1, t, n) == 0)
		return true;
	for (w = b; w > 0 && isalnum((unsigned char)f->text[w - 1]); w--)
		continue;
	if (b - w == n && strncmp(f->text + w, t, n) == 0)
		return true;
	if (n < 2)
		return false;
	/* Initials of the words before the stop, each in capitals ("Islamic State."). */
	for (i = n; i > 0; i--) {
		for (w = b; w > 0 && isalpha((unsigned char)f->text[w - 1]); w--)
			continue;
		if (w == b || f->text[w] != toupper((unsigned char)t[i - 1]))
			return false;
		for (b = w; b > 0 && f->text[b - 1] == ' '; b--)
			continue;
	}
	return true;
}

/*
 * Whether the group at folded offset j of f stands as an item of a list: at the line's head,
 * after a sentence's or a clause's sign (". (4)", "; (4)", ": (4)", ", (4)"), after "and",
 * "or", "through" or "to" ("(A) through (F)", "(PG) or (G)"), or after a word that names what
 * it numbers where the reference ends there ("subsection (4). (5) The"); not a citation's
 * ("(b)(4)", "B(4)", "1.4(4)") nor a count's ("all (4) ports", "Station (4) officers", "under
 * item (4) of the agreement").
 */
static bool
list_item_at(const struct fold *f, size_t j)
{
	static const char *const joins[] = { "and", "or", "through", "to" };
	size_t b = j;

	if (b == 0)
		return true;
	if (f->text[b - 1] != ' ')
		return false;
	while (b > 0 && f->text[b - 1] == ' ')
		b--;
	if (b == 0 || strchr(".;:,", f->text[b - 1]) != NULL ||
	    last_word_in(joins, sizeof(joins) / sizeof(joins[0]), f->text, b))
		return true;
	return named_reference(f, j) && j + 3 < f->len && strchr(".;,", f->text[j + 3]) != NULL;
}

/*
 * Whether the group at folded offset j of f follows a word that names what it numbers ("item
 * (4)", "paragraph (4)", "section (4)"): a reference, not an item of a list.
 */
static bool
named_reference(const struct fold *f, size_t j)
{
	static const char *const nouns[] = { "item", "items", "para", "paragraph", "paragraphs",
	    "section", "sections", "subsection", "clause", "article", "point", "points", "annex",
	    "tab", "ref", "reftel", "footnote", "note", "page", "line", "rule", "option", "step",
	    "part", "chapter", "subparagraph", "subpara" };

	while (j > 0 && f->text[j - 1] == ' ')
		j--;
	return last_word_in(nouns, sizeof(nouns) / sizeof(nouns[0]), f->text, j);
}

/*
 * Whether what the line holds around the group t[0..n) at folded offset k of f (its text ends
 * at `end`) says it is no mark: an item of a list, or a thing the line names (ocr_head_group).
 */
static bool
ocr_group_explained(const struct fold *f, size_t k, const char *t, size_t n, size_t end)
{
	size_t j;

	/*
	 * An item after the one before it in the line ("(4) The ... (5) The", "(4) security; (5)
	 * Kosovo", "(A) through (F). (G) The", "subsection (4). (5) The"), or one the line names
	 * before ("rated (PG) or (G). (G) The"), each where a list's item stands (list_item_at;
	 * not "under item (4) of the agreement. (5) The", "exemption (b)(4) of the Act. (5) The").
	 */
	for (j = 0; n == 1 && j + 2 < k; j++)
		if (f->text[j] == '(' && f->text[j + 2] == ')' && ((f->text[j + 1] == t[0] - 1 &&
		    list_item_at(f, j)) || f->text[j + 1] == t[0]))
			return true;
	/*
	 * What the line names before it, as a word ("Exemption 5. (5) The", "graded A to G. (G)
	 * The") or by the initials of the words before its stop ("Islamic State. (IS) The"); a
	 * number glued to the stop is a footnote's ("documented.(5) The").
	 */
	if (named_before(f, k, t, n) || (isdigit((unsigned char)t[0]) && f->text[k - 1] != ' '))
		return true;
	/* The item after it later in the line ("(5) Courts. (6) The"). */
	for (j = end; n == 1 && j + 3 < f->len; j++)
		if (f->text[j] == '(' && f->text[j + 1] == t[0] + 1 && f->text[j + 2] == ')' &&
		    list_item_at(f, j) && isalpha((unsigned char)f->text[skip_spaces(f, j + 3)]))
			return true;
	return false;
}

/*
 * Whether a group of one to four glyphs in capitals or OCR's digits and signs stands after a
 * sentence's end or a semicolon in mid-line, at folded offset k of f ('('), before a word in
 * capitals, that OCR made of a level's mark ("... in April. (5) The", "(G) He", "(IS) The", "(CJ
 * He", "(TSJ The", "(CUl) The", "(SS) The", "(5) \"The"; 'J' or 'I' for the closing bracket, a
 * letter doubled): unknown. Not a number ("(15) The"), nor an item of a list that goes on in the
 * line ("(4) The ... (5) The"), nor what the line names before it (ocr_group_explained).
 */
static bool
ocr_head_group(const struct policy *p, const struct fold *f, size_t k, struct marking *one)
{
	const char *t;
	const struct policy_term *pt;
	size_t n = 0, end, j, at = k + 1;
	bool jay = false;

	if (f->text[k] != '(' || !(after_full_stop(f, k) || (k >= 2 && f->text[k - 1] == ' ' &&
	    f->text[k - 2] == ';')))
		return false;
	/* Spaces inside ("( 5 )"), and a closing bracket of another kind ("(5}", "(5]"). */
	while (at < f->len && f->text[at] == ' ')
		at++;
	t = f->text + at;
	while (at + n < f->len && n < 5 && strchr(")]} ", t[n]) == NULL)
		n++;
	if (at + n >= f->len || n == 0 || n > 4)
		return false;
	for (end = at + n; end < f->len && f->text[end] == ' '; end++)
		continue;
	if (end < f->len && strchr(")]}", f->text[end]) != NULL) {
		end++;
	} else {
		/* OCR's 'J' or 'I' for the bracket: "(CJ He", "(CI He". */
		if (t[n] != ' ' || strchr("JIl1|", t[n - 1]) == NULL || --n == 0)
			return false;
		jay = true;
	}
	/* "(8)" alone is an item, a figure's panel: OCR makes S of '5' and '$' alone. */
	if (n == 1 && t[0] == '8')
		return false;
	/* A number of two digits or more is one ("(15) The"). */
	for (j = 0; j < n && isdigit((unsigned char)t[j]); j++)
		continue;
	if (j == n && n > 1)
		return false;
	/* Before a word in capitals, quotes before it or none ("(5) \"The pilot,\" he"). */
	while (end < f->len && f->text[end] == ' ')
		end++;
	if (end < f->len && (f->text[end] == '"' || f->text[end] == '\''))
		end++;
	if (!word_after(f, end))
		return false;
	/* A level's term with its last letter doubled ("(SS) The", "(TSS) The"; not "(ISS)"). */
	if (!ocr_level_term(p, t, n, jay) && !(n >= 2 && t[n - 1] == t[n - 2] &&
	    (pt = policy_term_find(p, t, n - 1)) != NULL && pt->level > 0 && pt->control < 0))
		return false;
	if (ocr_group_explained(f, k, t, n, end))
		return false;
	marking_init(one);
	marking_unknown(one, "a mark OCR damaged");
	return true;
}

/*
 * Where a sentence begins, at k in f: a group that may be a mark, a letter that lost its '(',
 * a mark that lost its bracket or one bare at the head. Returns true with one.
 */
static bool
head_mark(const struct policy *p, const struct fold *f, size_t k, struct marking *one)
{
	struct marking tail;
	struct group g, lost;
	size_t b, g5;
	bool other, hit = false, grouped;

	marking_init(one);
	one->unknown = true;
	grouped = strchr("([{", f->text[k]) != NULL && reading_group_at(p, f, k, &g);
	for (b = k; b > 0 && f->text[b - 1] == ' '; b--)
		continue;
	/* One cut short at the line's head or right after a mark ("(U) (T"). */
	if (grouped && open_at_end(p, f, &g, b == 0 || strchr(")]}", f->text[b - 1]) != NULL)) {
		hit = true;
	} else if (grouped && g.kind != GROUP_MARK && after_full_stop(f, k) && word_after(f, g.end) &&
	    caveat_group(p, f, &g)) {
		/* "... routine. (UK EYES ONLY) The": a caveat in words where a sentence begins. */
		hit = true;
	} else if (grouped && g.kind != GROUP_MARK && g.kind != GROUP_ITEM &&
	    damaged_after_stop(p, f, k, &g)) {
		/* "... routine. (tssi) The", "(TSSI) the", "(TSSI The": a damaged mark. */
		if (g.kind == GROUP_UNKNOWN)
			*one = g.mark;
		one->unknown = true;
		hit = true;
	} else if (grouped && !lower_inside(f->text + g.start, g.end - g.start)) {
		/*
		 * One that a level leads ("(S,NF)", "(SIINF)"), that holds "//", or that ends its
		 * line ("... a two-week pause. (T5)", "(TSllSl)": after its text, as marks stand at
		 * a paragraph's end): not a reference ("(REFTEL A) Further", "(NATO) The").
		 */
		if ((g.kind == GROUP_UNKNOWN && (double_slash(f->text + g.start, g.end - g.start) ||
		    level_glued(p, f->text + g.start + 1, g.end - g.start - 1) ||
		    level_and_controls(p, f->text + g.start + 1, g.end - g.start - 2) ||
		    reading_damaged_level(p, f, &g) || (g.closed && nothing_after(f, g.end)))) ||
		    (reading_ocr_mark(p, f, &g) && (g.end - g.start > 3 || word_after(f, g.end)))) {
			*one = g.mark;
			one->unknown = true;
			hit = true;
		} else if (g.kind == GROUP_ITEM && g.letter != 0 &&
		    letter_marking(p, g.letter, one, &other)) {
			/* "(S1)", "(U.)": no proven mark. "(U)//FOUO": its tail. */
			if (!g.bare || other) {
				one->unknown = true;
				hit = true;
			} else if (reading_mark_tail(p, f, g.end, &tail) == 1) {
				marking_join(p, one, &tail, one);
				hit = true;
			}
		} else if (g.kind == GROUP_MARK) {
			/* A sentence's head is no citation ("June 12. (S,NF) The"). */
			*one = g.mark;
			hit = g.mark.unknown;
			if (reading_mark_tail(p, f, g.end, &tail) == 1) {
				marking_join(p, one, &tail, one);
				hit = true;
			}
		}
	} else if (grouped && g.closed && nothing_after(f, g.end) && damaged_group(p, f, &g)) {
		/* In lower case, ending its line: "Dubai. (s.nf)", "(t5)", "(snf)". */
		hit = true;
	} else if (isupper((unsigned char)f->text[k]) && k + 1 < f->len &&
	    strchr(")]}", f->text[k + 1]) != NULL && letter_marking(p, f->text[k], &tail, &other)) {
		/* "C) The": "(C)" that lost its '('. */
		*one = tail;
		one->unknown = one->unknown || other;
		hit = true;
	} else if (reading_lost_open(p, f, k, &lost) || bare_head(p, f, k)) {
		hit = true;
	} else if (sign_closed(p, f, k, &tail)) {
		/* "(S' The": its ')' read as another glyph. */
		*one = tail;
		hit = true;
	} else if ((g5 = ocr_open(f, k)) > 0 && (head_mark(p, f, k + g5, &tail) ||
	    ocr_five(p, f, k + g5, &tail))) {
		/* "|S) The": its '(' read as another glyph. */
		*one = tail;
		one->unknown = true;
		hit = true;
	}
	/* The groups after a mark there are read as after a head's ("1 July. (U) (5NF) A"). */
	if (grouped && (g.kind == GROUP_MARK || (g.kind == GROUP_ITEM && g.letter != 0 && g.bare &&
	    letter_marking(p, g.letter, &tail, &other)))) {
		struct group after[HEAD_AFTER];
		size_t n = reading_groups_after(p, f, g.end, after, HEAD_AFTER);

		marking_init(&tail);
		if (groups_after(p, after, n, g.start, &tail)) {
			if (hit)
				marking_join(p, one, &tail, one);
			else
				*one = tail;
			hit = true;
		}
	}
	return hit;
}

/*
 * Whether the group at folded offset k of f, in mid-line where no sentence begins, is a level
 * glued to a control by what OCR or a slip makes of "//" ("(S,NF)", "(SIINF)"), one cut short,
 * or a damaged mark that ends the line, follows a colon or stands in a sentence; *m is its mark,
 * unknown. Such a group is no prose.
 */
static bool
glued_anywhere(const struct policy *p, const struct fold *f, size_t k, struct marking *m)
{
	struct group g;

	if (!opening(f->text[k]) || !reading_group_at(p, f, k, &g) ||
	    !(open_at_end(p, f, &g, false) || (g.kind == GROUP_UNKNOWN &&
	    (level_glued(p, f->text + g.start + 1, g.end - g.start - 1) ||
	    (g.closed && damaged_group(p, f, &g) && (nothing_after(f, g.end) ||
	    after_colon(f, k) || (in_sentence_at(p, f, k, g.end) && !initials_before(f, &g))))))))
		return false;
	*m = g.mark;
	m->unknown = true;
	return true;
}

/* Whether t[0..n) holds `w` (lower case) at a word's start, in any case ("rel" in "RELEASABLE"). */
static bool
has_word_ci(const char *t, size_t n, const char *w)
{
	size_t l = strlen(w), k;

	for (k = 0; k + l <= n; k++)
		if ((k == 0 || !isalpha((unsigned char)t[k - 1])) && strncasecmp(t + k, w, l) == 0)
			return true;
	return false;
}

/*
 * Whether the sentence that begins in capitals at folded offset k of f, up to its stop or
 * `limit`, is a caveat in words and nothing more (caveat_words: "... from May. US/GBR EYES
 * ONLY.", "... tasking. NOT RELEASABLE TO AUS").
 */
static bool
sentence_caveat(const struct policy *p, const struct fold *f, size_t k, size_t limit,
    struct marking *m)
{
	size_t e;

	if (!isupper((unsigned char)f->text[k]))
		return false;
	for (e = k; e < limit && e - k <= 80; e++)
		if (strchr(".!?;", f->text[e]) != NULL &&
		    (e + 1 == limit || f->text[e + 1] == ' ') && !(e >= 2 &&
		    f->text[e - 2] == '.' && isupper((unsigned char)f->text[e - 1])))
			break;
	if (e - k > 80 || !(has_word_ci(f->text + k, e - k, "only") ||
	    has_word_ci(f->text + k, e - k, "rel") || has_word_ci(f->text + k, e - k, "eyes") ||
	    has_word_ci(f->text + k, e - k, "foreign")))
		return false;
	/* One it cannot read is left to the readings of denials (reading_readers_doubt). */
	if (!caveat_words(p, f->text + k, e - k, false, m) || m->unknown)
		return false;
	/*
	 * A release to readers named ("US/GBR EYES ONLY") denies every other reader, the
	 * public among them: the paragraph's, wherever it stands (read_text).
	 */
	if (m->fd == FD_REL && m->level == 0 && m->controls == 0) {
		struct marking named;

		marking_init(&named);
		named.denied = m->rel;
		marking_init(m);
		marking_deny_others(p, m, &named);
		m->denied_public = true;
	}
	return true;
}

static bool
sentence_marks(const struct policy *p, const char *s, size_t n, size_t from, bool latin1,
    bool head, struct marking *m, bool *broke)
{
	size_t pos = from, first;
	bool found = false;

	while (pos < n) {
		struct fold f;
		size_t k, next, limit;
		uint64_t bits;
		bool lower;

		fold_line(s + pos, n - pos, FOLD_MAX, latin1, &f);
		limit = fold_limit(&f, &next);
		/* Whether the fold has lower case: word_mark reads words in capitals by it. */
		lower = has_lower(f.text, f.len);
		/* With `head`, what stands first (after a mark at the line's head) is at a head too. */
		for (first = 0; first < f.len && f.text[first] == ' '; first++)
			continue;
		/* A control of NOFORN's kind named in capitals anywhere (reading_capital_controls). */
		if ((bits = reading_fold_controls(p, &f, limit)) != 0) {
			struct marking one;

			marking_init(&one);
			marking_add_controls(p, &one, bits);
			add_found(p, m, &found, &one);
		}
		/* A release denied to readers in a sentence, anywhere ("Please do not share with
		 * AUS."). */
		{
			struct marking one;

			marking_init(&one);
			if (reading_denials(p, f.text, limit, &one))
				add_found(p, m, &found, &one);
		}
		for (k = 0; k < limit; k++) {
			struct marking one;
			bool hit;

			/* Unmarked text after a paragraph break inside the line ("<br><br>"). */
			if (inline_break(p, &f, s + pos, k)) {
				if (broke != NULL) {
					*broke = true;
					continue;
				}
				marking_init(&one);
				one.unknown = true;
				add_found(p, m, &found, &one);
				continue;
			}
			/* A level and a control by their letters, whatever signs part them. */
			if (level_may_begin(p, &f, k) && pair_by_letters(p, &f, k, &one, NULL))
				add_found(p, m, &found, &one);
			/*
			 * After a byte other than a space (so not at `first`), no sentence and no word
			 * begins (sentence_head, word_start): only a bracket there is read below.
			 */
			if (k > 1 && glue_sign(f.text[k - 1]) && glued_head(&f, k) &&
			    !glued_stop(&f, k)) {
				if (head_mark(p, &f, k, &one))
					add_found(p, m, &found, &one);
				continue;
			}
			if (k > 0 && f.text[k - 1] != ' ' && !opening(f.text[k]))
				continue;
			/* A statute's clauses ("212(a)(6)(C)(i)", "101(a)(15)(S)"): no mark. */
			if (reading_citation_chain(&f, k))
				continue;
			if (!(head && pos == from && k == first) && !sentence_head(&f, k) &&
			    !glued_stop(&f, k)) {
				/* A word anywhere in the line written as a mark. */
				if (word_start(&f, k) &&
				    word_mark(p, &f, k, pos == from && k == first, lower, &one)) {
					/* A word in capitals before it may be its own ("TOP SECRET
					 * NOFORN"). */
					word_before(p, &f, k, &one);
					add_found(p, m, &found, &one);
					continue;
				}
				if (glued_anywhere(p, &f, k, &one) || (lower_head(&f, k) &&
				    caveat_label_mid(p, &f, k, &one)))
					add_found(p, m, &found, &one);
				continue;
			}
			hit = head_mark(p, &f, k, &one) ||
			    (k > first && ocr_head_group(p, &f, k, &one));
			if (!hit && (word_start(&f, k) || glued_stop(&f, k)) &&
			    word_mark(p, &f, k, true, lower, &one)) {
				word_before(p, &f, k, &one);
				hit = true;
			}
			/*
			 * A caveat in words as a label where a sentence begins in mid-line, or
			 * right after the mark at the line's head ("(S//REL TO USA, FVEY) USA/GBR
			 * EYES ONLY: The").
			 */
			if (!hit && (k > first || (head && pos == from)) &&
			    (isupper((unsigned char)f.text[k]) || f.text[k] == '*' ||
			    f.text[k] == '_') && (k > first ? caveat_label_mid(p, &f, k, &one) :
			    caveat_label(p, &f, k, &one)))
				hit = true;
			/* A sentence in mid-line, a caveat alone ("May. US/GBR EYES ONLY."). */
			if (!hit && k > first && after_full_stop(&f, k) &&
			    sentence_caveat(p, &f, k, limit, &one))
				hit = true;
			if (hit)
				add_found(p, m, &found, &one);
		}
		if (next == 0)
			break;
		pos += next;
	}
	return found;
}

/*
 * Every mark of line s[0..n) from byte `from` on, joined into *m: the groups that raise in
 * mid-line (reading_marks) and what stands where a sentence begins (sentence_marks; with `head`,
 * also what stands first, right after a mark at the line's head). Returns whether one was found.
 */
static bool alike_marks(const struct policy *p, const char *s, size_t n, size_t from,
    bool latin1, bool head, struct marking *m);

static bool
text_marks(const struct policy *p, const char *s, size_t n, size_t from, bool latin1, bool head,
    struct marking *m, bool *broke)
{
	struct marking more;
	bool found = reading_marks(p, s, n, from, latin1, m);

	if (sentence_marks(p, s, n, from, latin1, head, &more, broke))
		add_found(p, m, &found, &more);
	if (alike_marks(p, s, n, from, latin1, head, &more))
		add_found(p, m, &found, &more);
	/* A mark in mid-line stands at no portion's head: its token is never quoted. */
	if (found)
		m->unknown_token[0] = '\0';
	return found;
}

/* Whether s[0..n) may hold what a second reading reads: a byte not ASCII, a capital and a digit. */
static bool
second_reading(const char *s, size_t n)
{
	size_t k;

	for (k = 1; k < n; k++)
		if ((unsigned char)s[k] >= 0x80 || (s[k] >= '0' && s[k] <= '9' &&
		    ((s[k - 1] >= 'A' && s[k - 1] <= 'Z') || s[k - 1] == ' ')) ||
		    (s[k] == '*' && s[k - 1] >= 'A' && s[k - 1] <= 'Z'))
			return true;
	return false;
}

/*
 * The marks of s[from..n) read a second time as its look-alike letters make it read
 * (fold_skeleton: "(U) ЅЕСRЕТ: The", "ɴᴏꜰᴏʀɴ", "2. ТЅ The" in Cyrillic), where it holds such a
 * letter, and without footnotes glued to words in capitals ("TS¹ The", "(NOFORN1)"): what these
 * readings find only raises. Returns whether they found a mark.
 */
static bool
alike_marks(const struct policy *p, const char *s, size_t n, size_t from, bool latin1, bool head,
    struct marking *m)
{
	size_t pos = from, next;
	bool found = false;

	if (!second_reading(s + from, n - from))
		return false;
	while (pos < n) {
		struct fold f;
		struct marking one;
		char skel[FOLD_MAX + 1], bare[FOLD_MAX + 1];
		const char *t = NULL;
		size_t len = 0, blen;
		bool alike = false, broke = false, at_head = head && pos == from;

		fold_line(s + pos, n - pos, FOLD_MAX, latin1, &f);
		(void)fold_limit(&f, &next);
		for (len = 0; len < f.len && (unsigned char)f.text[len] < 0x80; len++)
			continue;
		if (len < f.len)
			len = fold_skeleton(&f, skel, &alike);
		if (alike && text_marks(p, skel, len, 0, false, at_head, &one, &broke))
			add_found(p, m, &found, &one);
		t = alike ? skel : f.text;
		if ((blen = reading_drop_footnotes(t, alike ? len : f.len, bare)) > 0 &&
		    text_marks(p, bare, blen, 0, false, at_head, &one, &broke))
			add_found(p, m, &found, &one);
		if (next == 0)
			break;
		pos += next;
	}
	return found;
}

static bool damaged_at_end(const struct policy *p, const char *s, size_t n, bool latin1);

/*
 * Whether f[0..b) is a list's label alone at the line's head, as OCR reads one or not: one short
 * word ("a (S//REL) Contact", "iv (S) The"; not a word's end in lower case that a hyphen wrapped,
 * "minis-" / "try (S//NF) liaison", a roman number aside), or up to eight bytes that end in a
 * sign or a bullet not in ASCII, with no word of more than four letters ("1) (C)", "G - J)
 * (S//NF)", "1.b) NS", "1/ (S)", "- (S)", "► S/NF"): what follows it is at a head, not in
 * mid-sentence.
 */
static bool
label_before(const struct fold *f, size_t b)
{
	size_t k = 0, j, run;
	bool sign;

	while (k < b && f->text[k] == ' ')
		k++;
	while (b > k && f->text[b - 1] == ' ')
		b--;
	sign = b > k && ((unsigned char)f->text[b - 1] >= 0x80 ||
	    strchr(".)]:-*#>|/", f->text[b - 1]) != NULL);
	if (b - k > (sign ? 8 : 3))
		return false;
	if (!sign && b - k > 1) {
		static const char *const roman[] = { "ii", "iii", "iv", "vi", "vii", "ix", "xi",
		    "xii", "xiv", "xv", "xvi", "xix", "xx" };
		bool lower = true;

		for (j = k; j < b; j++)
			lower = lower && islower((unsigned char)f->text[j]);
		if (lower && !in_words(roman, sizeof(roman) / sizeof(roman[0]), f->text + k, b - k))
			return false;
	}
	for (j = k, run = 0; j < b; j++) {
		run = isalpha((unsigned char)f->text[j]) ? run + 1 : 0;
		if (sign ? run > 4 : !isalnum((unsigned char)f->text[j]))
			return false;
	}
	return true;
}

/*
 * Whether the letters of group g of f are the initials of the words right before it, each with a
 * capital ("Tropical Storm (TS)", "(T.S.)"), or of those after it past a dash or colon ("(CSI) -
 * Called Subscriber ID"): an abbreviation's definition, which only raises its own line.
 */
static bool
initials_before(const struct fold *f, const struct group *g)
{
	char letters[8];
	size_t n = 0, k, w = g->start, i;

	for (k = g->start + 1; k + 1 < g->end; k++) {
		if (isalpha((unsigned char)f->text[k])) {
			if (n == sizeof(letters))
				return false;
			letters[n++] = (char)toupper((unsigned char)f->text[k]);
		} else if (f->text[k] != '.') {
			return false;
		}
	}
	if (n < 2)
		return false;
	/* After it: "(CSI) - Called Subscriber ID". */
	for (k = g->end; k < f->len && strchr(" -:=", f->text[k]) != NULL; k++)
		continue;
	for (i = 0; i < n && k < f->len && f->text[k] == letters[i]; i++) {
		while (k < f->len && isalpha((unsigned char)f->text[k]))
			k++;
		while (k < f->len && f->text[k] == ' ')
			k++;
	}
	if (i == n)
		return true;
	return reading_initials_before(f, w, letters, n, false);
}

/* lower_after past closing signs too: "(S//NF)) with", "**(S//NF)** with". */
static bool
lower_past_signs(const struct fold *f, size_t e)
{
	while (e < f->len && f->text[e] != '\0' && strchr(" )]}>*\"'", f->text[e]) != NULL)
		e++;
	return e < f->len && islower((unsigned char)f->text[e]);
}

/* Whether f->text[from..to) is all capital letters. */
static bool
upper_run(const struct fold *f, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!isupper((unsigned char)f->text[from]))
			return false;
	return true;
}

/*
 * Whether the word f->text[w..e) and the word right before it, both in capitals or both in title
 * case, name a level together ("TOP SECRET", "Top Secret"): *m is its marking.
 */
static bool
lost_two(const struct policy *p, const struct fold *f, size_t w, size_t e, struct marking *m)
{
	char buf[40];
	size_t b, k, n = 0;
	bool caps = true, title = true;

	if (w < 3 || f->text[w - 1] != ' ')
		return false;
	for (b = w - 1; b > 0 && isalpha((unsigned char)f->text[b - 1]); b--)
		continue;
	if (b == w - 1 || e - b >= sizeof(buf))
		return false;
	for (k = b; k < e; k++) {
		if (k == w - 1) {
			buf[n++] = ' ';
			continue;
		}
		if (!isalpha((unsigned char)f->text[k]))
			return false;
		caps = caps && isupper((unsigned char)f->text[k]);
		title = title && (isupper((unsigned char)f->text[k]) != 0) == (k == b || k == w);
		buf[n++] = (char)toupper((unsigned char)f->text[k]);
	}
	return (caps || title) && marking_parse(p, buf, n, MARKING_BANNER, m) == 1 && m->level > 0;
}

/*
 * Whether a dash ends at t of f, after two letters or more of a word that begins at w: "--", "-",
 * an en or em dash ("ministry-S)", "ministry—S)").
 */
static bool
glued_dash(const struct fold *f, size_t w, size_t t)
{
	size_t a = t;

	if (f->text[t - 1] == '-')
		a = t - 1 - (f->text[t - 2] == '-');
	else if (t >= w + 3 && (unsigned char)f->text[t - 3] == 0xE2 &&
	    (unsigned char)f->text[t - 2] == 0x80 && ((unsigned char)f->text[t - 1] == 0x93 ||
	    (unsigned char)f->text[t - 1] == 0x94))
		a = t - 3;
	return a < t && a >= w + 2 && isalpha((unsigned char)f->text[a - 1]) &&
	    isalpha((unsigned char)f->text[a - 2]);
}

/*
 * Where a closing bracket stands after a space or up to three at e of f ("S )", "S\t)"): its
 * offset, or 0 where none does.
 */
static size_t
closer_after(const struct fold *f, size_t e)
{
	size_t c;

	for (c = e; c < f->len && c - e <= 3 && (f->text[c] == ' ' || f->text[c] == '\t'); c++)
		continue;
	return c > e && c - e <= 3 && c < f->len && f->text[c] != '\0' && closing(f->text[c]) ?
	    c : 0;
}

/* Whether c is a sign that may stand glued after a mark's bracket ("S).", "**S)**", "S)'"). */
static bool
trailing_sign(char c)
{
	return c != '\0' && strchr("*_.,;:!?\"'", c) != NULL;
}

/*
 * A mark that lost its '(' and was damaged besides, at the word f->text[w..e) of a sentence: a
 * closing bracket of another kind ("S}"), one that spaces part from a mark with a slash ("S/NF
 * )"), signs inside or around it ("S.)", "**S)**", "S')"), OCR's digits among its letters
 * ("T5)", "5ECRET)", "5//NF)"), look-alike letters ("Ѕ)"), a level's full name in title case
 * ("Secret)"; not a control's or an abbreviation's, "Les)", "Si)", "Rs)"). *end is where it
 * ends, past its bracket and the signs after it. *m is its marking, unknown where a control's
 * name alone is read ("NF.)"). Not a word in lower case (a list's "c)"), nor digits alone
 * ("5)": an item's number), nor one that a bracket opens.
 */
static bool
lost_damaged(const struct policy *p, const struct fold *f, size_t w, size_t e, size_t *end,
    struct marking *m)
{
	const struct policy_term *ctl;
	struct fold g;
	struct marking two;
	char skel[4 * 24 + 1], buf[24];
	size_t c, k, b, n = 0, len;
	bool alike, letters = false, upper = false, lower = false, digits = false, spaced;

	for (c = w; c < e && (f->text[c] == '\0' || !closing(f->text[c])); c++)
		continue;
	if ((spaced = c == e) == false) {
		b = c;
		for (k = c + 1; k < e; k++)
			if (!trailing_sign(f->text[k]))
				return false;
		*end = e;
	} else {
		/* One a space or two part from the word ("S )", "S\t)"). */
		if ((c = closer_after(f, e)) == 0)
			return false;
		/* Signs after the bracket aside ("S ).", "**S )**"). */
		for (k = c + 1; k < f->len && trailing_sign(f->text[k]); k++)
			continue;
		if (k < f->len && f->text[k] != ' ')
			return false;
		b = e;
		*end = k;
	}
	if (b == w || b - w > 20)
		return false;
	fold_line(f->text + w, b - w, FOLD_MAX, false, &g);
	if (g.len > 24)
		return false;
	len = fold_skeleton(&g, skel, &alike);
	for (k = 0; k < len && n < sizeof(buf); k++) {
		unsigned char ch = (unsigned char)skel[k];

		if (strchr("([{", ch) != NULL || ch >= 0x80 || ch == '?')
			return false;
		if (isalpha(ch)) {
			letters = true;
			upper = upper || isupper(ch);
			lower = lower || islower(ch);
			buf[n++] = (char)toupper(ch);
		} else if (ch == '0' || ch == '1' || ch == '5' || ch == '$') {
			/* A capital as OCR reads it ("5ecret)"). */
			digits = upper = true;
			buf[n++] = ch == '0' ? 'O' : ch == '1' ? 'I' : 'S';
		} else if (isdigit(ch)) {
			return false;
		} else if (strchr(".*_\"'", ch) == NULL) {
			buf[n++] = (char)ch;
		}
	}
	if (k < len || n == 0 || !(letters || memchr(buf, '/', n) != NULL) || (lower && !upper))
		return false;
	/*
	 * A space before the bracket only in a mark with a slash ("S/NF )"): Cablegate writes a
	 * dash as " ) " after any word ("Area C ) the", "marked Confidential ) the").
	 */
	if (spaced && memchr(buf, '/', n) == NULL)
		return false;
	/*
	 * An unknown token only after "//": after one slash it is an office's symbol as often
	 * ("Counterterrorism, S/CT) will", "S/P)", "S/ES)").
	 */
	if ((marking_parse(p, buf, n, MARKING_PORTION, m) == 1 ||
	    marking_parse(p, buf, n, MARKING_BANNER, m) == 1) && (m->level > 0 ||
	    m->controls != 0 || m->fd != FD_NONE) && (!m->unknown || double_slash(buf, n)) &&
	    (!lower || (m->level > 0 && m->controls == 0 && m->fd == FD_NONE && n >= 6))) {
		/* With the word before it where both name a level ("Top Secret )"). */
		if (lost_two(p, f, w, b, &two) && two.level > m->level)
			*m = two;
		return true;
	}
	if (!digits && !lower && n > 1 && (ctl = policy_term_find(p, buf, n)) != NULL &&
	    ctl->control >= 0) {
		marking_unknown(m, "a control that lost its bracket");
		return true;
	}
	return false;
}

/* Whether nothing but spaces stands before k in f: k is where the line's text begins. */
static bool
blank_before(const struct fold *f, size_t k)
{
	while (k > 0 && f->text[k - 1] == ' ')
		k--;
	return k == 0;
}

/* Whether nothing but signs that end a sentence or a clause stands from e of f to its end. */
static bool
blank_past(const struct fold *f, size_t e)
{
	while (e < f->len && f->text[e] != '\0' && strchr(" .,;:", f->text[e]) != NULL)
		e++;
	return e == f->len;
}

/* As lower_past_signs, dashes, colons and semicolons read past too ("S) -- with"). */
static bool
lower_past_dashes(const struct fold *f, size_t e)
{
	while (e < f->len && f->text[e] != '\0' && strchr(" -:;", f->text[e]) != NULL)
		e++;
	return lower_past_signs(f, e);
}

/*
 * Whether the full stop at k of f ends no sentence: an ellipsis ("ministry... (S//NF)"), or
 * one that ends an abbreviation ("U.S.", "i.e.", "Mr.", "St.", "approx.", "etc."; not a letter
 * alone: "see ref B.").
 */
static bool
abbreviation_dot(const struct fold *f, size_t k)
{
	static const char *const abbr[] = { "MR", "MRS", "MS", "DR", "ST", "CO", "NO", "NOS",
	    "APPROX", "ETC", "VS", "JR", "SR", "GEN", "COL", "LT", "AMB", "SEN", "REP", "INC",
	    "LTD", "CORP", "DEPT", "GOV", "PROF", "FIG", "VOL", "ART", "PARA", "REF" };
	char up[8];
	size_t b, i;

	if (f->text[k] != '.')
		return false;
	if (k > 0 && f->text[k - 1] == '.')
		return true;
	for (b = k; b > 0 && isalpha((unsigned char)f->text[b - 1]); b--)
		continue;
	if (k - b == 1 && b > 0 && f->text[b - 1] == '.')
		return true;	/* the last of "U.S.", "i.e." (not "ref B.") */
	if (k - b == 0 || k - b >= sizeof(up))
		return false;
	for (i = b; i < k; i++)
		up[i - b] = (char)toupper((unsigned char)f->text[i]);
	up[k - b] = '\0';
	for (i = 0; i < sizeof(abbr) / sizeof(abbr[0]); i++)
		if (strcmp(up, abbr[i]) == 0)
			return true;
	return false;
}

/*
 * Whether what stands from k to e in f, a mark, stands in mid-sentence: not at the line's head
 * nor after a list's label alone (label_before), past the marking's own words before it ("is TOP
 * SECRET//SI") and signs glued to it ("**(S//NF)**", "((S//NF))", "<S//NF>"); and either with a
 * word in lower case after it ("ministry: (S//NF) with", "ministry(S//NF)with"), or after
 * anything but a sentence's end, a colon or a dash, and apart from the word before it
 * ("ministry) (S//NF) The", not "Fighters: (S//NF) The", "ANNEX A -- SECRET//NOFORN" nor
 * "Tropical Storm(TS)").
 */
static bool
in_sentence_at(const struct policy *p, const struct fold *f, size_t k, size_t e)
{
	size_t b = k, w;
	bool glued;

	while (b > 0 && f->text[b - 1] != '\0' && strchr("*<([{\"'", f->text[b - 1]) != NULL)
		b--;
	glued = b > 0 && isalnum((unsigned char)f->text[b - 1]);
	for (;;) {
		for (w = b; w > 0 && f->text[w - 1] == ' '; w--)
			continue;
		for (b = w; b > 0 && isalnum((unsigned char)f->text[b - 1]); b--)
			continue;
		if (b == w || marking_word(p, f->text + b, w - b) <= 0) {
			b = w;
			break;
		}
	}
	if (b == 0 || label_before(f, b))
		return false;
	if (lower_past_signs(f, e))
		return true;
	/* A sentence's end, inside closing quotation marks or brackets or not ("final.\""). */
	for (w = b; w > 1 && strchr(")]}\"'", f->text[w - 1]) != NULL; w--)
		continue;
	return !glued && (strchr(".!?:-", f->text[w - 1]) == NULL || abbreviation_dot(f, w - 1));
}

/*
 * Whether group g of f, where it stands in mid-sentence, is no prose: a mark, one damaged past
 * doubt, a level letter in capitals before more text on its line ("(S) with", "(S.) with",
 * "(S), with", "(S) The", "(S)1"; the office symbol that ends "the Office of the Secretary
 * (S)." is ends_in_mark's to read; not the next item of a list whose letter before it stood as
 * an item, `seen`: "(A) registration, (B) reporting" / "(C) audits"), or a short one in
 * capitals that holds a byte no rule reads ("(S•NF)").
 */
static bool
sentence_group(const struct policy *p, const struct fold *f, const struct group *g,
    uint32_t seen)
{
	struct marking m;
	size_t k;
	bool other, high = false, upper = false;

	if (g->kind == GROUP_MARK || damaged_group(p, f, g))
		return true;
	if (g->kind == GROUP_ITEM) {
		for (k = g->end; k < f->len && !isalnum((unsigned char)f->text[k]); k++)
			continue;
		/* The next item of a list whose letter before it stood as an item: "(B) ... (C)". */
		if (g->value >= 2 && g->value <= 26 && ((seen >> (g->value - 2)) & 1))
			return false;
		return g->letter != 0 && isupper((unsigned char)g->letter) &&
		    letter_marking(p, g->letter, &m, &other) && k < f->len;
	}
	if (g->kind != GROUP_UNKNOWN || g->end - g->start > 14)
		return false;
	for (k = g->start + 1; k + 1 < g->end; k++) {
		if (f->text[k] == ' ' || islower((unsigned char)f->text[k]))
			return false;
		high = high || (unsigned char)f->text[k] >= 0x80;
		upper = upper || isupper((unsigned char)f->text[k]);
	}
	return high && upper;
}

/*
 * Whether the next line after line i with a letter in lower case in it (past captions, banners,
 * classification lines and blank lines, eight lines at most) begins with one: a sentence that a
 * mark at line i's end, after a tab, goes on from ("ministry<TAB>S)" / "with the help"), which
 * no table's row does.
 */
static bool
next_lower(const struct document *d, size_t i)
{
	const struct doc_line *ln;
	const char *s;
	size_t j, k, c;

	/* Past lines with no letter in lower case: captions, banners, classification lines. */
	for (j = i + 1; j < d->nlines && j <= i + 8; j++) {
		ln = doc_line(d, j);
		s = d->data + ln->off;
		for (k = 0; k < ln->len && (s[k] == ' ' || s[k] == '\t'); k++)
			continue;
		for (c = k; c < ln->len && !islower((unsigned char)s[c]); c++)
			continue;
		if (c < ln->len)
			return c == k;
	}
	return false;
}

/*
 * in_sentence_at, where a line may be a table's row (`table`: parted by tabs or runs of spaces,
 * which table_marks reads) only between words in lower case, as a sentence that goes on past
 * it: "ministry\t(S//NF)\twith", not "-- BRAVO\tS//NF\tthe walrus channel".
 */
static bool
in_row_sentence(const struct policy *p, const struct fold *f, size_t k, size_t e, bool table)
{
	size_t b = k;

	if (!in_sentence_at(p, f, k, e))
		return false;
	if (!table)
		return true;
	while (b > 0 && !isalpha((unsigned char)f->text[b - 1]))
		b--;
	return b > 0 && islower((unsigned char)f->text[b - 1]) && lower_past_signs(f, e);
}

/*
 * Whether line j is the first of a portion of its own: a paragraph's head, not a mark joined
 * with the sentence it continues.
 */
static bool
paragraph_head(const struct document *d, size_t j)
{
	const struct doc_line *ln = doc_line(d, j);
	const struct doc_portion *pt;

	if (ln->portion == DOC_NONE || ln->portion < d->portion_base)
		return false;
	pt = doc_portion(d, ln->portion);
	return pt->first == j && !pt->joined;
}

/*
 * What the byte at k of s[0..n) adds to the depth of asides: 1 for a '(' before a letter and not
 * glued to a word or sign before it ("(HIV", not "count(selector", ":-( " or "(0.75"), -1 for
 * a closing bracket of any kind (OCR and typists mismatch them: "(the third this year] was"), 0
 * for any other.
 */
static int
aside_step(const char *s, size_t n, size_t k)
{
	if (s[k] == ')' || s[k] == ']' || s[k] == '}')
		return -1;
	if (s[k] != '(' || k + 1 >= n || !isalpha((unsigned char)s[k + 1]))
		return 0;
	return k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '"' ? 1 : 0;
}

/*
 * The most words an aside open_above reads may hold before the mark's ')'; before a letter that
 * a noun designates ("Annex C)", "Area C)", "Tab C)": designated), ASIDE_LONG.
 */
#define ASIDE_WORDS 8
#define ASIDE_LONG 32

/*
 * Whether the word before w in f is a noun that designates the letter at w ("Annex C)", "Area
 * C)", "Tab C)"), in title case or in lower case.
 */
static bool
designated(const struct fold *f, size_t w)
{
	static const char *const nouns[] = { "annex", "area", "tab", "appendix", "attachment",
	    "enclosure", "exhibit", "schedule", "section", "part", "article", "chapter", "plan",
	    "phase", "stage", "option", "zone", "sector", "block", "class", "group", "grade",
	    "category", "type", "level", "team", "unit", "camp", "building", "gate", "route",
	    "line", "wing", "hall", "room", "site", "list", "table", "figure", "box", "size",
	    "vitamin", "hepatitis" };
	char low[16];
	size_t b = w, a, k;

	while (b > 0 && f->text[b - 1] == ' ')
		b--;
	for (a = b; a > 0 && isalpha((unsigned char)f->text[a - 1]); a--)
		continue;
	if (b - a < 2 || b - a >= sizeof(low) || (a > 0 && f->text[a - 1] != ' ' &&
	    f->text[a - 1] != '('))
		return false;
	for (k = a; k < b; k++)
		low[k - a] = (char)tolower((unsigned char)f->text[k]);
	return in_words(nouns, sizeof(nouns) / sizeof(nouns[0]), low, b - a);
}

/* What open_above reads of an aside: its words, its quotation marks, a sentence's end in it. */
struct aside {
	size_t words;
	size_t quotes;
	bool stop;
	bool in_word;
	int after_stop;		/* 1 after a sentence's end, 2 after the spaces past it */
};

/*
 * Reads s[0..n) on into a. Words are parted by spaces, signs, no-break spaces and dashes
 * ("customs,port", "port—police"); quotation marks are straight or curly; a sentence's end is a
 * full stop, '!' or '?' before a capital, or at the aside's end (aside_end).
 */
static void
aside_read(struct aside *a, const char *s, size_t n)
{
	size_t k;
	unsigned char c;

	for (k = 0; k < n; k++) {
		c = (unsigned char)s[k];
		if (c == 0xE2 && k + 2 < n && (unsigned char)s[k + 1] == 0x80 &&
		    (unsigned char)s[k + 2] >= 0x93 && (unsigned char)s[k + 2] <= 0x9D) {
			/* A dash, or a curly quotation mark. */
			a->quotes += (unsigned char)s[k + 2] >= 0x9C;
			a->in_word = false;
			a->after_stop = 0;
			k += 2;
			continue;
		}
		if (c == 0xC2 && k + 1 < n && (unsigned char)s[k + 1] == 0xA0)
			k++;	/* a no-break space */
		if (isalnum(c) || (c >= 0x80 && c != 0xA0 && c != 0xC2)) {
			a->words += !a->in_word;
			a->in_word = true;
			a->stop = a->stop || (a->after_stop == 2 && isupper(c));
			a->after_stop = 0;
			continue;
		}
		a->in_word = a->in_word && (c == '\'' || c == '-');
		a->quotes += c == '"';
		if (c == '.' || c == '!' || c == '?')
			a->after_stop = 1;
		else if (c == ' ' || c == '\t' || c == 0xA0 || c == 0xC2)
			a->after_stop = a->after_stop > 0 ? 2 : 0;
		else
			a->after_stop = 0;
	}
}

/* Whether the aside a read ends in a sentence's end, right before the mark's letters. */
static bool
aside_end(const struct aside *a)
{
	return a->stop || a->after_stop > 0;
}

/*
 * Whether s[0..n), read on from *depth open round brackets (updated), holds a ')' that none of
 * them opened.
 */
static bool
closes_unopened(const char *s, size_t n, long *depth)
{
	size_t k;

	for (k = 0; k < n; k++)
		if ((*depth += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0) < 0)
			return true;
	return false;
}

/*
 * Whether a round bracket is open at w of f, line i's fold, that the ')' at e - 1 may close: read
 * back from w, through line i and the line right above it if that is text of the same paragraph
 * (not a paragraph's head: paragraph_head), an aside's '(' before a letter, not glued to a word
 * ("(HIV and" / "hepatitis C) with"; not "(which, as reported in Ref A) ... S) with", closed
 * before it, nor "count(selector" or ":-( "), and no ')' after e in the paragraph that closes it
 * instead ("(as reported" / "to us, cleared by the ministry S) with the police) is"). A '('
 * further up is too far to be sure of, and a mark's ')' after it is read as the mark's.
 */
static bool
open_above(const struct document *d, size_t i, const struct fold *f, size_t w, size_t e)
{
	const struct doc_line *up;
	const char *t;
	size_t k, j;
	long depth = 0;
	bool open = false;
	struct aside a = { 0, 0, false, false, 0 };

	for (k = w; k-- > 0 && !open;)
		open = (depth += aside_step(f->text, f->len, k)) > 0;
	if (open) {
		aside_read(&a, f->text + (k + 2), w - (k + 2));	/* k may have wrapped past 0 */
	} else if (!paragraph_head(d, i) && i > 0 && (up = doc_line(d, i - 1))->kind == LINE_TEXT) {
		t = d->data + up->off;
		for (k = up->len; k-- > 0 && !open;)
			open = (depth += aside_step(t, up->len, k)) > 0;
		if (open) {
			aside_read(&a, t + (k + 2), up->len - (k + 2));
			aside_read(&a, " ", 1);
			aside_read(&a, f->text, w);
		}
	}
	/*
	 * An aside of a few words, with no sentence's end and no quotation left open in it ("(HIV
	 * and" / "hepatitis C)"; not "(the third this year. The cargo was cleared by the" /
	 * "ministry S)", nor "read \"BERTH 4 (CLOSED\" and ... S)").
	 */
	if (!open || aside_end(&a) || a.quotes % 2 != 0 ||
	    a.words > (designated(f, w) ? ASIDE_LONG : ASIDE_WORDS))
		return false;
	/* Forward, to the paragraph's end: a ')' that no '(' after e opened. */
	depth = 0;
	if (closes_unopened(f->text + e, f->len - e, &depth))
		return false;
	for (j = i + 1; j < d->nlines && j - i <= OPEN_LINES; j++) {
		up = doc_line(d, j);
		t = d->data + up->off;
		if (is_blank(t, up->len, up->latin1))
			break;
		if (closes_unopened(t, up->len, &depth))
			return false;
	}
	return true;
}

/* Whether a citation's section number stands right before k in f: "1.4(C)", "12.3(b)". */
static bool
citation_before(const struct fold *f, size_t k)
{
	size_t j = k;

	while (j > 0 && isdigit((unsigned char)f->text[j - 1]))
		j--;
	return j < k && j >= 2 && f->text[j - 1] == '.' && isdigit((unsigned char)f->text[j - 2]);
}

/* Whether s[0..n) holds a tab or a run of three spaces past its indent: a table's row may. */
static bool
spaced_cells(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (memchr(s + k, '\t', n - k) != NULL)
		return true;
	for (; k + 2 < n; k++)
		if (s[k] == ' ' && s[k + 1] == ' ' && s[k + 2] == ' ')
			return true;
	return false;
}

/*
 * The line above line i, past banner, caption and page lines, rules and lines of no prose between
 * ("... through the" / "TOP SECRET" / "exchange house\t(S//NF) The", "... the approval of the" /
 * "SIPDIS" / "S) and"; what is inserted there can only raise), or DOC_NONE.
 */
static size_t
line_above(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *up;

	while (i > 0 && ((up = doc_line(d, i - 1))->kind == LINE_BANNER ||
	    up->kind == LINE_CAPTION || up->kind == LINE_PAGE ||
	    (up->kind == LINE_BLANK && up->rule) ||
	    (up->kind == LINE_TEXT && !line_prose(p, d, i - 1))))
		i--;
	return i == 0 ? DOC_NONE : i - 1;
}

/*
 * Whether line i is where a sentence of prose wraps to: the line above it is text with no cells
 * (spaced_cells) that ends in a word in lower case, a comma or a word's hyphen ("minis-" /
 * "try\t(S//NF)\tliaison"; "... through the Gulf" /
 * "exchange house ... according to the ministry\t(S//NF) The desk"). A table's row stands
 * after a blank line, a heading or another row.
 */
static bool
wraps_prose(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *up;
	const char *t;
	size_t n;

	if ((i = line_above(p, d, i)) == DOC_NONE)
		return false;
	up = doc_line(d, i);
	t = d->data + up->off;
	n = trim_end(t, up->len, up->latin1);
	return up->kind == LINE_TEXT && n > 0 && !spaced_cells(t, n) &&
	    (islower((unsigned char)t[n - 1]) || t[n - 1] == ',' || (t[n - 1] == '-' && n > 1 &&
	    islower((unsigned char)t[n - 2])));
}

/*
 * Whether line i ends where a sentence goes on: in a word all in lower case or a comma ("... the
 * ministry", not "... Sen. John Doe"), or, where `open`, in anything but a sentence's end or a
 * colon in a line of prose ("... by the MFA", "... in 2007", "... ministère", "... (MFA)",
 * "... ministry;"; not "... the ministry.").
 */
static bool
goes_on_at_end(const struct document *d, size_t i, bool open)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t n = trim_end(s, ln->len, ln->latin1), k;

	if (n == 0 || strchr(".!?:", s[n - 1]) != NULL)
		return false;
	if (open) {
		for (k = 0; k < n && !islower((unsigned char)s[k]); k++)
			continue;
		return k < n;
	}
	if (s[n - 1] == ',')
		return true;
	for (k = n; k > 0 && (islower((unsigned char)s[k - 1]) || s[k - 1] == '\'' ||
	    s[k - 1] == '-'); k--)
		continue;
	return k < n && (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t');
}

/* The articles, prepositions, conjunctions and determiners that lead or join a phrase. */
static const char *const joins[] = { "a", "an", "the", "to", "of", "at", "for", "in", "on",
    "into", "from", "by", "with", "and", "or", "but", "than", "as", "any", "all", "no", "its",
    "their", "our", "his", "her", "this", "that", "these", "those", "which", "who", "after",
    "before", "under", "via", "through", "during", "while", "when", "since", "until",
    "according", "was", "were", "is", "are", "had", "has", "have" };

/* The words that go on a sentence after a mark in it: joins, and these. */
static bool
goes_on_word(const char *w, size_t n)
{
	static const char *const more[] = { "because", "about", "within", "without", "despite",
	    "although", "though", "whereas", "if", "so", "yet", "not", "nor", "whose", "where",
	    "whom", "upon", "between", "among", "against", "toward", "towards", "per", "also",
	    "then", "be", "being", "been", "would", "will", "could", "should", "can", "may",
	    "must", "did", "do", "does", "said", "says" };

	return in_words(joins, sizeof(joins) / sizeof(joins[0]), w, n) ||
	    in_words(more, sizeof(more) / sizeof(more[0]), w, n);
}

/*
 * Whether line i goes on with a sentence: a word that joins a sentence on (goes_on_word: "with",
 * "and", "according") at its head (unless `marked`), or after up to four words that may be marks,
 * each with a sign in it, or in brackets still open, or in capitals before any such ("S) with",
 * "(S//NF) with", "S/NF with", "SECRET with", "TOP SECRET) with", "(TS//SI) (C) with",
 * "(S//REL TO USA, FVEY) with"; not "(S//REL) NSA has", nor "(S) al-Busaidi said", where a
 * paragraph begins), quotation marks and dashes before it aside.
 */
static bool
goes_on_lower(const struct document *d, size_t i, bool marked)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0, w, words = 0;
	long depth = 0;
	bool sign, caps, prose, after_sign = false;

	/* A mark that lost its '(' and holds words in capitals ("S//REL TO USA, FVEY) with"). */
	for (w = 0; w < ln->len && w < 64 && !islower((unsigned char)s[w]) && depth >= 0; w++)
		depth += s[w] == '(' || s[w] == '[' ? 1 : s[w] == ')' || s[w] == ']' ? -1 : 0;
	if (depth < 0) {
		k = w;
		words = 1;
		after_sign = true;
	}
	for (depth = 0; words <= 8; words++) {
		while (k < ln->len && (s[k] == ' ' || s[k] == '\t' || s[k] == '"' ||
		    (s[k] == '-' && k + 1 < ln->len && (s[k + 1] == '-' || s[k + 1] == ' '))))
			k++;
		if (k < ln->len && islower((unsigned char)s[k]) && depth <= 0) {
			for (w = k; k < ln->len && isalpha((unsigned char)s[k]); k++)
				continue;
			/* A word, not an article glued to a name ("as-Sahab", "an-Nusrah"). */
			return (words > 0 || !marked) && (k == ln->len || s[k] != '-') &&
			    goes_on_word(s + w, k - w);
		}
		for (w = k, sign = false, prose = false; k < ln->len && k - w < 24 && s[k] != ' ' &&
		    s[k] != '\t'; k++) {
			sign = sign || strchr("()[]{}/", s[k]) != NULL;
			depth += s[k] == '(' || s[k] == '[' ? 1 :
			    s[k] == ')' || s[k] == ']' ? -1 : 0;
			prose = prose || (k > w && islower((unsigned char)s[k]) &&
			    islower((unsigned char)s[k - 1]));
		}
		/* Words in lower case in a bracket still open are prose ("(Tab C) and"). */
		if (prose && depth > 0)
			return false;
		if (k == w)
			return false;
		for (caps = k - w >= 2 && isupper((unsigned char)s[w]); caps && w < k; w++)
			caps = isupper((unsigned char)s[w]) || isdigit((unsigned char)s[w]);
		/* Capitals only before any sign: "(S//REL) NSA has" is a sentence's head. */
		if (!sign && depth <= 0 && (!caps || after_sign))
			return false;
		after_sign = after_sign || sign;
	}
	return false;
}

/*
 * Whether line i is a page's number and no more: "Page 2 of 3", "PAGE 2", "- 2 -", "2/3", "p. 2",
 * "[Page 2]", "END PAGE 1", "SECTION 02 OF 04", which a page's break puts between the halves of
 * a sentence.
 */
static bool
page_footer(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *src = d->data + ln->off;
	size_t len = trim_end(src, ln->len, ln->latin1), k = 0, digits, parts = 0, n;
	char s[32];
	bool lower;

	if (ln->kind != LINE_TEXT)
		return false;
	/*
	 * Marks in brackets aside ("Page 2 of (TS)3"): what is inserted there only raises. A page's
	 * number in square brackets is one ("[Page 2]").
	 */
	while (k < len && (src[k] == ' ' || src[k] == '\t'))
		k++;
	if (k + 1 < len && src[k] == '[' && src[len - 1] == ']') {
		src += k + 1;
		len -= k + 2;
	}
	if ((n = outside_groups(src, len, s, sizeof(s), &lower)) > sizeof(s))
		return false;
	k = 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '-'))
		k++;
	if (n - k >= 4 && strncasecmp(s + k, "END ", 4) == 0)
		for (k += 4; k < n && s[k] == ' '; k++)
			continue;
	if (n - k >= 4 && strncasecmp(s + k, "PAGE", 4) == 0)
		k += 4;
	else if (n - k >= 7 && strncasecmp(s + k, "SECTION", 7) == 0)
		k += 7;
	else if (n - k >= 2 && (strncasecmp(s + k, "PG", 2) == 0 || strncasecmp(s + k, "P.", 2) == 0))
		k += 2;
	for (;;) {
		while (k < n && (s[k] == ' ' || s[k] == '.'))
			k++;
		for (digits = 0; k < n && isdigit((unsigned char)s[k]); k++)
			digits++;
		if (digits == 0 || digits > 4)
			return false;
		parts++;
		while (k < n && s[k] == ' ')
			k++;
		if (parts == 1 && n - k >= 2 && strncasecmp(s + k, "OF", 2) == 0 &&
		    (n - k == 2 || s[k + 2] == ' '))
			k += 2;
		else if (parts == 1 && k < n && s[k] == '/')
			k++;
		else
			break;
	}
	while (k < n && (s[k] == ' ' || s[k] == '-'))
		k++;
	return k == n;
}

/*
 * Whether text line i is shaped as a cable's page header whatever stands at its head: short, no
 * letter in lower case outside brackets, a number of four figures or more in it and one at its
 * end ("(TS)MUSCAT 00001065 002 OF 004", a mark glued to it). No sentence goes on from it.
 */
static bool
page_header_like(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	char out[64];
	size_t n = trim_end(d->data + ln->off, ln->len, ln->latin1);
	bool lower;

	if (n == 0 || n > 64 || !page_number(d, i))
		return false;
	/* Its end past marks glued to it ("MUSCAT 00001065 002 OF 004 (S)"). */
	n = outside_groups(d->data + ln->off, n, out, sizeof(out), &lower);
	while (n > 0 && out[n - 1] == ' ')
		n--;
	return !lower && n > 0 && isdigit((unsigned char)out[n - 1]);
}

/*
 * Whether a sentence runs on to line i across blank lines: the text line above it, past blank,
 * banner, caption and page lines and lines of no prose (16 lines at most), ends where a sentence
 * goes on (goes_on_at_end: "... cleared by the ministry" / "" / "S) with"), in anything but a
 * sentence's end where a banner, caption or page line stands between, as a page's break puts it
 * ("... cleared by the MFA" / "" / "SIPDIS" / "" / "S) with").
 */
static bool
wraps_across(const struct policy *p, const struct document *d, size_t i)
{
	size_t j = text_above(p, d, i), k;
	bool crossed = false;

	if (j == DOC_NONE)
		return false;
	for (k = j + 1; k < i && !crossed; k++)
		crossed = (doc_line(d, k)->kind != LINE_BLANK &&
		    doc_line(d, k)->kind != LINE_TEXT) || page_footer(d, k);
	return goes_on_at_end(d, j, crossed);
}

/*
 * The text line of prose above line i past blank, banner, caption and page lines, classification
 * lines (class_line: what is inserted there only raises) and lines of no prose, 16 lines up at
 * most, or DOC_NONE.
 */
static size_t
text_above(const struct policy *p, const struct document *d, size_t i)
{
	size_t j;
	const struct doc_line *up;

	for (j = i; j > 0 && i - j < 16; j--) {
		up = doc_line(d, j - 1);
		if (up->kind == LINE_TEXT && line_prose(p, d, j - 1) && !class_line(p, d, j - 1) &&
		    !page_footer(d, j - 1) && !page_header_like(d, j - 1))
			return j - 1;
		if (up->kind != LINE_BLANK && up->kind != LINE_BANNER && up->kind != LINE_CAPTION &&
		    up->kind != LINE_PAGE && up->kind != LINE_TEXT)
			return DOC_NONE;
	}
	return DOC_NONE;
}

/* Whether line i begins with a list's label: up to three letters or figures and ')' or '.'. */
static bool
label_first(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t k = 0, w;

	while (k < ln->len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	for (w = k; k < ln->len && k - w < 4 && isalnum((unsigned char)s[k]); k++)
		continue;
	return k > w && k - w <= 3 && k < ln->len && (s[k] == ')' || s[k] == '.');
}

static bool runs_on_above(const struct policy *p, const struct document *d, size_t i);

/*
 * Whether the letter label at the head of line i (fold f) is text: it may close an aside
 * (open_above), or is the next item of a list in its paragraph (item_before: "A) the tour, B)
 * lunch, and" / "C) a call").
 */
static bool
letter_is_text(const struct reader *rd, size_t i, const struct fold *f)
{
	size_t w;

	for (w = 0; w < f->len && f->text[w] == ' '; w++)
		continue;
	return w + 1 < f->len && f->text[w + 1] == ')' && (open_above(rd->d, i, f, w, w + 2) ||
	    item_before(f, w, seen_in_paragraph(rd)));
}

/*
 * Whether a sentence runs through what may be marks at the head of line i, the portion read now:
 * a word that joins a sentence on follows them (goes_on_lower), and the text line above, a blank
 * line between or not, ended where a sentence goes on (wraps_prose, runs_on_above, wraps_across:
 * "... the ministry" / "" / "S//NF with the police"), or, where `adjacent` (a level's letter that
 * lost its '('), any text line that ends in no colon stands right above, past banner, caption
 * and page lines (line_above: "(cleared by the ministry." / "S) with"; not a list's items under
 * its lead: "... as follows:" / "(S) the"). Such a portion raises its paragraph back.
 */
static bool
runs_through(const struct reader *rd, size_t i, bool adjacent)
{
	const struct doc_line *ln = doc_line(rd->d, i);
	const char *s = rd->d->data + ln->off;
	size_t k, up;

	for (k = 0; k < ln->len && (s[k] == ' ' || s[k] == '\t'); k++)
		continue;
	/* Not a bullet's item or a table's row ("-- BRAVO<TAB>S//NF<TAB>the channel"). */
	if (k == ln->len || s[k] == '|' || (unsigned char)s[k] >= 0x80 ||
	    ((s[k] == '-' || s[k] == '*') && k + 1 < ln->len && strchr(" \t-", s[k + 1]) != NULL) ||
	    spaced_cells(s, ln->len))
		return false;
	return goes_on_lower(rd->d, i, true) && ((adjacent &&
	    (up = line_above(rd->p, rd->d, i)) != DOC_NONE &&
	    doc_line(rd->d, up)->kind == LINE_TEXT && !ends_colon(rd->d, up)) ||
	    wraps_prose(rd->p, rd->d, i) || runs_on_above(rd->p, rd->d, i) ||
	    wraps_across(rd->p, rd->d, i));
}

/*
 * Whether the line above line i (line_above) is prose that ends in no sentence's end, in a
 * capital, a figure, a closing quotation mark or bracket, or a dash ("... the approval of the
 * MFA", "... on November 12", "... called \"walrus\"", "... (see Ref A)", "... the port --"): a
 * sentence that may go on on line i.
 */
static bool
runs_on_above(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *up;
	const char *t;
	size_t n, k;

	if ((i = line_above(p, d, i)) == DOC_NONE || (up = doc_line(d, i))->kind != LINE_TEXT)
		return false;
	t = d->data + up->off;
	n = trim_end(t, up->len, up->latin1);
	for (k = 0; k < n && !islower((unsigned char)t[k]); k++)
		continue;
	return k < n && (isupper((unsigned char)t[n - 1]) || isdigit((unsigned char)t[n - 1]) ||
	    strchr("\"')-", t[n - 1]) != NULL);
}


/*
 * Whether the letter at k of f, a label's ("C)"), is the next item of a list: its letter's
 * predecessor stood as an item in brackets before (`seen`) or as a label earlier in the line
 * that is "A)" or itself such an item ("A) registration, B) reporting, C) audits"; not "(see
 * Ref" / "B) with ... C) with").
 */
static bool
item_before(const struct fold *f, size_t k, uint32_t seen)
{
	char up = (char)toupper((unsigned char)f->text[k]);
	size_t j;
	long depth;

	if (up <= 'A' || up > 'Z')
		return false;
	if ((seen >> (up - 'A' - 1)) & 1)
		return true;
	for (j = 0, depth = 0; j + 1 < k; j++) {
		if (f->text[j] == '(' || (f->text[j] == ')' && depth > 0)) {
			depth += f->text[j] == '(' ? 1 : -1;
			continue;
		}
		/* Not one that closes a bracket ("(REF B)"). */
		if (depth == 0 && toupper((unsigned char)f->text[j]) == up - 1 &&
		    f->text[j + 1] == f->text[k + 1] &&
		    (j == 0 || !isalnum((unsigned char)f->text[j - 1])) &&
		    (up - 1 == 'A' || item_before(f, j, seen)))
			return true;
	}
	return false;
}

/* Whether c parts a level's words or letters ("Top Secret", "TOP-SECRET", "S. E. C. R. E. T."). */
static bool
level_sep(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '_';
}

/*
 * Whether f->text[a..b) names a level of p above the lowest, its words parted by spaces, tabs,
 * hyphens or full stops: in capitals ("SECRET", "TOP-SECRET"), in OCR's mixed case ("SeCRET",
 * "sEcReT", "TopSecret"), with OCR's digits ("T0P SECRET", "5ecret"), letter-spaced in either
 * case ("S E C R E T", "S. E. C. R. E. T.", "S e c r e t"), or with two words or more each in
 * capitals or title case ("Top Secret", "TOP Secret"). A name of six letters or more may have
 * one slip where a word is not in title case (OCR's "SECRE7", "$ECRET", "SFCRET",
 * "CONFIDENTlAL"). Not a word in lower case ("Top secret"), nor one word in title case
 * ("Secret": prose's too). *m is its marking.
 */
static bool
level_words(const struct policy *p, const struct fold *f, size_t a, size_t b,
    struct marking *m)
{
	char up[32], name[32];
	size_t k = a, n = 0, l, w, c, j, words = 0, singles = 0, miss;
	size_t upper, lower, other;
	bool strong = false, first_upper = false;
	unsigned char ch;

	/* A name's first and last letters stand at the range's ends ("- SECRET" is no name). */
	if (b <= a || (!isalnum((unsigned char)f->text[a]) && f->text[a] != '$') ||
	    !isalnum((unsigned char)f->text[b - 1]))
		return false;
	while (k < b) {
		while (k < b && level_sep(f->text[k]))
			k++;
		if (k == b)
			break;
		if (words == 0)
			first_upper = isupper((unsigned char)f->text[k]) != 0;
		for (j = k, upper = lower = other = 0; k < b && !level_sep(f->text[k]); k++) {
			ch = (unsigned char)f->text[k];
			if (n + 1 >= sizeof(up))
				return false;
			if (isalpha(ch)) {
				up[n++] = (char)toupper(ch);
				upper += isupper(ch) != 0;
				lower += islower(ch) != 0;
			} else {
				up[n++] = ch == '0' ? 'O' : ch == '1' ? 'I' : ch == '5' ? 'S' : '?';
				other++;
			}
		}
		words++;
		singles += k - j == 1;
		/* Capitals past a word's first letter, a figure or a sign in it: no prose's. */
		if (other > 0 || upper > 1 || (upper == 1 && !isupper((unsigned char)f->text[j])))
			strong = true;
		else if (upper == 0 && k - j > 1)
			return false;	/* a word in lower case */
	}
	if (words == 0)
		return false;
	if (singles == words && n >= 4 && first_upper)
		strong = true;	/* letter-spaced */
	else if (singles == words || (words == 1 && !strong))
		return false;
	for (l = 0; l < p->nlevels; l++)
		for (w = 0; w < p->levels[l].nbanner; w++) {
			const char *bn = p->levels[l].banner[w];

			for (c = 0; *bn != '\0' && c + 1 < sizeof(name); bn++)
				if (*bn != ' ')
					name[c++] = *bn;
			if (c != n)
				continue;
			for (j = 0, miss = 0; j < n && miss < 2; j++)
				miss += name[j] != up[j];
			if (miss > 1 || (miss == 1 && (!strong || n < 6)))
				continue;
			return marking_parse(p, p->levels[l].banner[w],
			    strlen(p->levels[l].banner[w]), MARKING_BANNER, m) == 1 &&
			    (m->level > 0 || m->unknown);
		}
	return false;
}

/* Whether f->text[a..b) is one of joins, in lower case. */
static bool
joins_phrase(const struct fold *f, size_t a, size_t b)
{
	return in_words(joins, sizeof(joins) / sizeof(joins[0]), f->text + a, b - a);
}

/*
 * Whether f->text[a..b) is a word that leads a noun phrase, one of joins ("improvements to SECRET
 * reporting", "at the TOP SECRET level"), a participle that names what a level is ("documents
 * marked SECRET that", "labeled CONFIDENTIAL by", "folders stamped TOP SECRET in"), or a verb or
 * adverb the level completes ("remained SECRET until", "once TOP SECRET in").
 */
static bool
leads_phrase(const struct fold *f, size_t a, size_t b)
{
	static const char *const named[] = { "marked", "labeled", "labelled", "stamped",
	    "classified", "classed", "upgraded", "downgraded", "designated", "graded", "rated",
	    "deemed", "called", "named", "termed", "declared", "considered", "kept", "remained",
	    "remain", "remains", "stay", "stays", "stayed", "became", "become", "becomes", "went",
	    "go", "goes", "still", "once", "be", "been", "being" };

	return joins_phrase(f, a, b) ||
	    in_words(named, sizeof(named) / sizeof(named[0]), f->text + a, b - a);
}

/*
 * Reads s[0..n) with what stands in brackets taken out ("(u) THE", "Page 2 of (TS)3", "wit(TS)h"):
 * copies up to `cap` of the bytes outside brackets into out (NULL: none), and says in *lower
 * whether a letter in lower case stands outside them. Returns how many bytes stand outside.
 */
static size_t
outside_groups(const char *s, size_t n, char *out, size_t cap, bool *lower)
{
	size_t k, m = 0;
	long depth = 0;

	*lower = false;
	for (k = 0; k < n; k++) {
		if (s[k] == '(' || s[k] == '[' || s[k] == '{') {
			depth++;
		} else if ((s[k] == ')' || s[k] == ']' || s[k] == '}') && depth > 0) {
			depth--;
		} else if (depth == 0) {
			*lower = *lower || islower((unsigned char)s[k]);
			if (out != NULL && m < cap)
				out[m] = s[k];
			m++;
		}
	}
	return m;
}

/*
 * Whether f->text[a..b), in lower case, is a word that leads a phrase (leads_phrase): for a line
 * in capitals ("HAS A" / "TOP").
 */
static bool
leads_phrase_any(const struct fold *f, size_t a, size_t b)
{
	struct fold low;
	char buf[16];

	if (!word_lowered(f, a, b, buf, sizeof(buf)))
		return false;
	low.text = buf;
	low.len = b - a;
	return leads_phrase(&low, 0, b - a);
}

/*
 * Copies f->text[a..b) in lower case into buf[0..cap); returns false where it does not fit (no
 * word the lists compare it with is so long).
 */
static bool
word_lowered(const struct fold *f, size_t a, size_t b, char *buf, size_t cap)
{
	size_t k;

	if (b - a >= cap)
		return false;
	for (k = a; k < b; k++)
		buf[k - a] = (char)tolower((unsigned char)f->text[k]);
	return true;
}

/*
 * Whether f->text[0..n) holds a letter and none in lower case but in brackets: a line in
 * capitals ("2. (u) THE MINISTER (sic) SAID": a mark in any case, an aside).
 */
static bool
fold_in_capitals(const struct fold *f)
{
	size_t k;
	bool lower;

	(void)outside_groups(f->text, f->len, NULL, 0, &lower);
	for (k = 0; k < f->len && !lower; k++)
		if (isupper((unsigned char)f->text[k]))
			return true;
	return false;
}

/* Whether w[0..n) is, in any case, the first word of a level's name of two words or more. */
static bool
name_head(const struct policy *p, const char *w, size_t n)
{
	size_t l, b;

	for (l = 0; l < p->nlevels; l++)
		for (b = 0; b < p->levels[l].nbanner; b++) {
			const char *bn = p->levels[l].banner[b];

			if (strlen(bn) > n && bn[n] == ' ' && strncasecmp(bn, w, n) == 0)
				return true;
		}
	return false;
}

/*
 * Whether s[0..n) may hold what level_in_prose reads (its first test, on the raw bytes): a letter
 * in lower case, and two capitals in a row (or with OCR's digit between), capitals parted by a
 * space alone ("T O P"), a byte the fold may change, a figure OCR reads as a letter before three
 * letters ("5ecret"), a word in title case that begins a name of p's of two words before a
 * capital ("Top Secret", "Nato Secret"), or two words that begin in capitals at the line's end.
 */
static bool
prose_level_candidate(const struct policy *p, const char *s, size_t n)
{
	size_t k, last = 0, words = 0;
	bool lower = false, pair = false;

	for (k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k], nx = k + 1 < n ? (unsigned char)s[k + 1] : 0;
		size_t e;

		if (c >= 0x80)
			return true;
		lower = lower || islower(c);
		pair = pair || (isupper(c) && (isupper(nx) || isdigit(nx) || (nx == ' ' &&
		    k + 2 < n && isupper((unsigned char)s[k + 2])))) ||
		    (isdigit(c) && isupper(nx)) || (islower(c) && isupper(nx));
		if (pair || (k > 0 && isalnum((unsigned char)s[k - 1])))
			continue;
		if ((c == '0' || c == '1' || c == '5') && k + 3 < n && isalpha(nx) &&
		    isalpha((unsigned char)s[k + 2]) && isalpha((unsigned char)s[k + 3]))
			pair = true;
		/* A capital alone before a letter alone, a sign between or not ("S. E.", "S e"). */
		if (isupper(c) && (nx == ' ' || nx == '.' || nx == '-')) {
			size_t q = k + 2;

			if (nx == '.' && q < n && s[q] == ' ')
				q++;
			pair = q < n && isalpha((unsigned char)s[q]) &&
			    (q + 1 >= n || !isalpha((unsigned char)s[q + 1]));
		}
		if (isupper(c) && ((p->name_heads >> (c - 'A')) & 1) && islower(nx)) {
			size_t q;

			for (e = k + 1; e < n && islower((unsigned char)s[e]); e++)
				continue;
			for (q = e; q < n && (s[q] == ' ' || s[q] == '\t' || s[q] == '-'); q++)
				continue;
			pair = q > e && q < n && isupper((unsigned char)s[q]) &&
			    name_head(p, s + k, e - k);
		}
	}
	if (!lower)
		return false;
	if (pair)
		return true;
	/* The last two words, each beginning in a capital. */
	for (k = n; k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\r' || s[k - 1] == '\t'); k--)
		continue;
	for (; k > 0 && words < 2; k--) {
		if (s[k - 1] == ' ' && k < n && s[k] != ' ') {
			words += isupper((unsigned char)s[k]) != 0;
			if (!isupper((unsigned char)s[k]))
				return false;
		}
		last = k - 1;
	}
	return words == 2 || (words == 1 && last == 0 && isupper((unsigned char)s[0]));
}

/*
 * Whether s[0..n), a line from its first word on, may begin with the rest of a level's name that
 * the line above began (level_split): two letters alone in capitals ("R E T"), or a word that,
 * in any case, is one of a name's words after its first ("SECRET", "Secret" of "TOP SECRET").
 */
static bool
split_head(const struct policy *p, const char *s, size_t n)
{
	size_t e, l, b, k;

	if (n >= 3 && isupper((unsigned char)s[0]) && s[1] == ' ' && isupper((unsigned char)s[2]) &&
	    (n == 3 || s[3] == ' ' || s[3] == '.'))
		return true;
	for (e = 0; e < n && isalpha((unsigned char)s[e]); e++)
		continue;
	if (e < 2 || !isupper((unsigned char)s[0]))
		return false;
	for (l = 0; l < p->nlevels; l++)
		for (b = 0; b < p->levels[l].nbanner; b++) {
			const char *bn = p->levels[l].banner[b];

			for (k = 0; bn[k] != '\0'; k++)
				if (bn[k] == ' ' && strncasecmp(bn + k + 1, s, e) == 0 &&
				    (bn[k + 1 + e] == '\0' || bn[k + 1 + e] == ' '))
					return true;
		}
	return false;
}

/*
 * Where the text of s[0..n) goes on past the marks at k, up to four: groups in brackets, apart or
 * glued ("(S//NF) SECRET", "(S//NF)SECRET"), or words that a ')' closes where none begins in lower
 * case (a mark that lost its '(': "Top Secret) SECRET"). Returns k where none stands there.
 */
static size_t
rest_past_marks(const char *s, size_t n, size_t k)
{
	size_t e, w;

	for (w = 0; w < 4 && k < n; w++) {
		for (e = k; e < n && e < k + 40 && s[e] != ')' && (s[k] == '(' || (s[e] != '(' &&
		    (s[e] != ' ' || (e + 1 < n && !islower((unsigned char)s[e + 1]))))); e++)
			continue;
		if (e == n || s[e] != ')')
			break;
		for (k = e + 1; k < n && s[k] == ' '; k++)
			continue;
	}
	return k;
}

/*
 * Whether line i may begin with the rest of a level's name the text line above began
 * (level_split, past the lines text_above reads past), on the raw bytes: it begins so
 * (split_head), and that line's last word begins in a capital or a figure.
 */
static bool
split_candidate(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i), *up;
	const char *s = d->data + ln->off, *t;
	size_t k, n;

	for (k = 0; k < ln->len && s[k] == ' '; k++)
		continue;
	k = rest_past_marks(s, ln->len, k);
	if (k == ln->len || !split_head(p, s + k, ln->len - k) ||
	    (i = text_above(p, d, i)) == DOC_NONE)
		return false;
	up = doc_line(d, i);
	t = d->data + up->off;
	n = trim_end(t, up->len, up->latin1);
	for (k = n; k > 0 && t[k - 1] != ' ' && t[k - 1] != '\t'; k--)
		continue;
	return k < n && k > 0 && (isupper((unsigned char)t[k]) || isdigit((unsigned char)t[k]));
}

/*
 * Whether f->text[a..b) may be a level's word as capitals, OCR or look-alike letters write it:
 * two capitals or figures in it ("SECRET", "SeCRET", "sECRET", "T0P"), or a figure OCR reads as a
 * letter before a letter ("5ecret").
 */
static bool
capital_word(const struct fold *f, size_t a, size_t b)
{
	size_t k, caps = 0;

	if (b - a < 2)
		return false;
	if ((f->text[a] == '0' || f->text[a] == '1' || f->text[a] == '5') &&
	    isalpha((unsigned char)f->text[a + 1]))
		return true;
	for (k = a; k < b && caps < 2; k++)
		caps += isupper((unsigned char)f->text[k]) || isdigit((unsigned char)f->text[k]);
	return caps == 2;
}

/* Whether f->text[a..b) is a word in title case ("Top", "Secret"). */
static bool
title_word(const struct fold *f, size_t a, size_t b)
{
	size_t k;

	if (b - a < 2 || !isupper((unsigned char)f->text[a]))
		return false;
	for (k = a + 1; k < b && islower((unsigned char)f->text[k]); k++)
		continue;
	return k == b;
}

/*
 * Whether f->text[a..b) is one letter or figure, with one or two signs after it or not ("S",
 * "T.", "T!", "T.)").
 */
static bool
lone_letter(const struct fold *f, size_t a, size_t b)
{
	size_t k;

	if (!isalnum((unsigned char)f->text[a]) || b - a > 3)
		return false;
	for (k = a + 1; k < b && strchr(".,;:!?)", f->text[k]) != NULL; k++)
		continue;
	return k == b;
}

/*
 * Whether f->text[a..b) is a word that opens a sentence in title case: an article, a determiner,
 * a pronoun ("The", "This", "It", "They").
 */
static bool
opens_sentence(const struct fold *f, size_t a, size_t b)
{
	static const char *const opens[] = { "The", "A", "An", "This", "That", "These", "Those",
	    "It", "He", "She", "They", "We", "Its", "Their", "His", "Her", "Our", "There" };

	return in_words(opens, sizeof(opens) / sizeof(opens[0]), f->text + a, b - a);
}

/*
 * Whether f->text[a..b), a group in brackets inside it taken out, is a word that joins a sentence
 * on ("wit(TS)h": a mark inserted in a word only raises, and must not hide the word).
 */
static bool
goes_on_past_group(const struct fold *f, size_t a, size_t b)
{
	char buf[24];
	size_t n;
	bool lower;

	n = outside_groups(f->text + a, b - a, buf, sizeof(buf), &lower);
	return n < b - a && n > 0 && n <= sizeof(buf) && goes_on_word(buf, n);
}

/*
 * Whether the words of f (nw of them, their bounds in at) after word r go on as a sentence goes
 * on after a mark: a word that joins the sentence on ("with", "according", "because":
 * goes_on_word), one that opens the next ("SECRET The port"), a bracket ("SECRET (with"), a
 * figure, dashes, a colon or semicolon glued to word r ("port SECRET: with"), or a full stop and
 * a capital ("port SECRET. The"). *end is where the words up to r end, before such a sign.
 */
static bool
goes_on_after(const struct fold *f, const size_t *at, size_t nw, size_t r, size_t *end)
{
	size_t next = r + 1;

	*end = at[2 * r + 1];
	if (next >= nw)
		return false;
	if (strchr(":;", f->text[*end - 1]) != NULL && *end - 1 > at[2 * r]) {
		(*end)--;
		return true;
	}
	/* A full stop, and the next sentence ("ministry SECRET. The police"). */
	if (f->text[*end - 1] == '.' && *end - 1 > at[2 * r] &&
	    isupper((unsigned char)f->text[at[2 * next]])) {
		(*end)--;
		return true;
	}
	if (f->text[at[2 * next]] == '-' && at[2 * next + 1] - at[2 * next] <= 2 && next + 1 < nw)
		return true;
	return isdigit((unsigned char)f->text[at[2 * next]]) || f->text[at[2 * next]] == '(' ||
	    f->text[at[2 * next]] == '[' ||
	    goes_on_word(f->text + at[2 * next], at[2 * next + 1] - at[2 * next]) ||
	    opens_sentence(f, at[2 * next], at[2 * next + 1]) || at[2 * next] - *end > 1 ||
	    goes_on_past_group(f, at[2 * next], at[2 * next + 1]);
}

/* Whether word w of f (bounds in at), in capitals, joins a sentence on ("WITH", "ACCORDING"). */
static bool
goes_on_capitals(const struct fold *f, const size_t *at, size_t w)
{
	char buf[16];
	size_t a = at[2 * w], b = at[2 * w + 1];

	return word_lowered(f, a, b, buf, sizeof(buf)) && goes_on_word(buf, b - a);
}

/*
 * The text line above line i (text_above), folded into *fu, and the bounds of its last word in
 * *ua and *ub. Returns false where there is none.
 */
static bool
last_word_above(const struct policy *p, const struct document *d, size_t i, struct fold *fu,
    size_t *ua, size_t *ub)
{
	const struct doc_line *up;
	size_t u;

	if ((u = text_above(p, d, i)) == DOC_NONE)
		return false;
	up = doc_line(d, u);
	fold_line(d->data + up->off, up->len, FOLD_MAX, up->latin1, fu);
	for (*ub = fu->len; *ub > 0 && fu->text[*ub - 1] == ' '; (*ub)--)
		continue;
	for (*ua = *ub; *ua > 0 && fu->text[*ua - 1] != ' '; (*ua)--)
		continue;
	return true;
}

/*
 * Whether a level's name is split between the last word of the text line above line i
 * (text_above: blank, banner, caption and page lines between or not) and the first words of line
 * i, f (nw words, their bounds in at), in prose: after a word in lower case, a figure or a comma
 * that leads no phrase, and with the line's end, or words that go on as a sentence
 * (goes_on_after), after it ("according to the ministry TOP" / "SECRET with", "... ministry Top"
 * / "Secret with", "... ministry S E C" / "R E T with", "... TOP" / "" / "SECRET, with"). *m is
 * the level.
 */
static bool
level_split(const struct policy *p, const struct document *d, size_t i, const struct fold *f,
    const size_t *at, size_t nw, struct marking *m)
{
	struct fold fu, two;
	char buf[96];
	size_t ua, ub, pa, pb, r, end, len, lone, k;
	bool spaced, caps;

	if (!last_word_above(p, d, i, &fu, &ua, &ub))
		return false;
	/* Letter-spaced, the run of letters alone ("ministry S E C" / "R E T with"). */
	for (spaced = ub - ua == 1 && isupper((unsigned char)fu.text[ua]);
	    spaced && ua >= 2 && fu.text[ua - 1] == ' ' &&
	    isalpha((unsigned char)fu.text[ua - 2]) && (ua == 2 || fu.text[ua - 3] == ' '); ua -= 2)
		continue;
	for (pb = ua; pb > 0 && fu.text[pb - 1] == ' '; pb--)
		continue;
	for (pa = pb; pa > 0 && fu.text[pa - 1] != ' '; pa--)
		continue;
	/*
	 * In a cable in capitals, both lines so, a word in capitals before the first part
	 * ("... MINISTRY TOP" / "" / "SECRET WITH"), read in lower case for a phrase's lead.
	 */
	caps = fold_in_capitals(&fu) && fold_in_capitals(f);
	if (pb == 0 || ub - ua > 32 || (!spaced && !capital_word(&fu, ua, ub) &&
	    !title_word(&fu, ua, ub)) || (!islower((unsigned char)fu.text[pb - 1]) &&
	    !isdigit((unsigned char)fu.text[pb - 1]) && fu.text[pb - 1] != ',' &&
	    !(caps && isupper((unsigned char)fu.text[pb - 1]))) ||
	    (caps ? leads_phrase_any(&fu, pa, pb) : leads_phrase(&fu, pa, pb)))
		return false;
	memcpy(buf, fu.text + ua, ub - ua);
	buf[ub - ua] = ' ';
	two.text = buf;
	for (lone = 0; lone < nw && lone_letter(f, at[2 * lone], at[2 * lone + 1]); lone++)
		continue;
	for (r = 0; (r < 3 || r < lone) && r < nw; r++) {
		end = at[2 * r + 1];
		if (r + 1 < nw && !goes_on_after(f, at, nw, r, &end) &&
		    !(caps && goes_on_capitals(f, at, r + 1)))
			continue;
		if (f->text[end - 1] == ',')
			end--;	/* "TOP" / "SECRET, with" */
		/* "TOP" / "SECRET//NOFORN with": the level's word, before its controls. */
		for (k = at[2 * r]; k < end && f->text[k] != '/'; k++)
			continue;
		if (k > at[2 * r])
			end = k;
		if ((len = ub - ua + 1 + end - at[0]) > sizeof(buf))
			return false;
		memcpy(buf + (ub - ua) + 1, f->text + at[0], end - at[0]);
		two.len = len;
		if (level_words(p, &two, 0, len, m))
			return true;
	}
	return false;
}

/*
 * A banner in the body, line i, whose level's name the last word of the text line above began
 * ("... THE MINISTRY TOP" / "" / "SECRET//REL TO USA, GBR", any controls after it): *m, its
 * marking, takes the whole name's level. The word is in capitals or has a capital first.
 */
static void
banner_split(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const char *name;
	struct fold fu;
	size_t ua, ub;
	int l;

	if (m->level < 0 || m->level >= (int)p->nlevels ||
	    !last_word_above(p, d, i, &fu, &ua, &ub) || ub == ua ||
	    !(capital_word(&fu, ua, ub) || title_word(&fu, ua, ub)))
		return;
	name = p->levels[m->level].name;
	if ((l = two_word_level(p, fu.text + ua, ub - ua, name, strlen(name))) > m->level)
		m->level = l;
}

/*
 * Whether f, line i folded, names a level in its prose where no sentence about it would
 * (level_in_prose); `head` whether f begins where the line does, `tail` whether it ends where
 * the line does (a long line is read in folds).
 */
static bool
prose_levels(const struct policy *p, const struct document *d, size_t i, const struct fold *f,
    bool head, bool tail, struct marking *m, bool *split)
{
	size_t at[FOLD_MAX + 2], nw = 0, k, e, j, r, q, end, h, first, pos;
	bool stop, rest;

	for (k = 0; k < f->len && nw < FOLD_MAX / 2 + 1; k = e) {
		while (k < f->len && f->text[k] == ' ')
			k++;
		for (e = k; e < f->len && f->text[e] != ' '; e++)
			continue;
		if (e > k) {
			at[2 * nw] = k;
			at[2 * nw + 1] = e;
			nw++;
		}
	}
	if (nw == 0)
		return false;
#define W_FIRST(x) ((unsigned char)f->text[at[2 * (x)]])
#define W_LAST(x) ((unsigned char)f->text[at[2 * (x) + 1] - 1])
	/*
	 * A name the line's end split, read with the line above ("ministry TOP" / "SECRET"),
	 * past marks before its rest ("(S//NF) SECRET with", "(S//NF)SECRET with":
	 * rest_past_marks).
	 * Word h holds where the rest begins, which may be inside it (a glued mark).
	 */
	if (head) {
		pos = rest_past_marks(f->text, f->len, at[0]);
		for (h = 0; h < nw && at[2 * h + 1] <= pos; h++)
			continue;
		if (h == nw)
			h = 0;
		first = at[2 * h];
		if (pos > first && pos < at[2 * h + 1])
			at[2 * h] = pos;
		rest = split_head(p, f->text + at[2 * h], f->len - at[2 * h]) &&
		    level_split(p, d, i, f, at + 2 * h, nw - h, m);
		at[2 * h] = first;
		if (rest) {
			*split = true;
			return true;
		}
	}
	if (nw < 2)
		return false;	/* one word: the rest of a split, or no level in prose */
	/*
	 * Letter-spaced anywhere in the line, a sign after its last letter or not ("ministry S E C
	 * R E T with", "the port S E C R E T."): no sentence spells a level so.
	 */
	for (j = 0; j < nw; j = q) {
		for (q = j; q < nw && lone_letter(f, at[2 * q], at[2 * q + 1]); q++)
			continue;
		if (q - j >= 4 && level_words(p, f, at[2 * j], at[2 * (q - 1)] + 1, m))
			return true;
		if (q == j)
			q++;
	}
	/*
	 * In capitals in a sentence, one to three words, where a mark would stand: after a word in
	 * lower case, a figure, a comma, a closing bracket or quotation mark ("port SECRET with",
	 * "late 2007 SECRET with", "(the main port) SECRET with"), or at the head of a line a
	 * sentence wraps to ("ministry" / "SECRET with"), before a word that joins the
	 * sentence on or a figure, a colon or semicolon, or dashes ("port SECRET: with", "port
	 * SECRET -- with", "port TOP SECRET 12 trucks"), or apart from its words as in a table's
	 * cell ("open    SECRET    ministry"). Capitals here are OCR's too ("SeCRET", "5ecret"),
	 * and a name of two words in title case ("ministry Top Secret with"). Not after a word
	 * that leads a noun phrase, where the level is the phrase's word ("improvements to SECRET
	 * reporting", "at the TOP SECRET level", "documents marked SECRET that"), nor before a noun
	 * it qualifies ("law makes SECRET documents", "the ministry's SECRET registry").
	 */
	for (j = 0; j + 1 < nw; j++) {
		/*
		 * A word in capitals, OCR's aside ("T0P", "SeCRET"), two in title case, or a
		 * capital alone before another word in capitals ("S E CRET") first: most are none.
		 */
		if (!capital_word(f, at[2 * j], at[2 * j + 1]) &&
		    (!title_word(f, at[2 * j], at[2 * j + 1]) ||
		    !title_word(f, at[2 * j + 2], at[2 * j + 3])) &&
		    (at[2 * j + 1] - at[2 * j] != 1 || !isupper(W_FIRST(j)) ||
		    !isupper(W_FIRST(j + 1))))
			continue;
		if (j > 0 && ((!islower(W_LAST(j - 1)) && !isdigit(W_LAST(j - 1)) &&
		    strchr(",)\"'", W_LAST(j - 1)) == NULL) ||
		    leads_phrase(f, at[2 * (j - 1)], at[2 * (j - 1) + 1])))
			continue;
		for (r = j; r < j + 3 && r + 1 < nw; r++)
			if ((goes_on_after(f, at, nw, r, &end) ||
			    (j > 0 && at[2 * j] - at[2 * j - 1] > 1)) &&
			    level_words(p, f, at[2 * j], end, m) &&
			    /* At the line's head, where a sentence wraps to it. */
			    (j > 0 || (head && (wraps_prose(p, d, i) || wraps_across(p, d, i)))))
				return true;
	}
	/*
	 * At the line's end: its last one to three words, a sentence's end or a bracket after them
	 * or not ("ministry Top Secret.", "ministry SECRET!", "ministry SECRET.)"; with one, not
	 * after a word that leads a phrase: "was SECRET.").
	 */
	if (!tail)
		return false;
	for (e = at[2 * (nw - 1) + 1]; e > at[2 * (nw - 1)] + 1 && e + 3 > at[2 * (nw - 1) + 1] &&
	    strchr(".!?:)", f->text[e - 1]) != NULL; e--)
		continue;
	stop = e < at[2 * (nw - 1) + 1];
	for (j = nw - 1; j > 0 && j + 3 >= nw; j--)
		if ((islower(W_LAST(j - 1)) || W_LAST(j - 1) == ',') &&
		    (!stop || !leads_phrase(f, at[2 * (j - 1)], at[2 * (j - 1) + 1])) &&
		    level_words(p, f, at[2 * j], e, m))
			return true;
#undef W_FIRST
#undef W_LAST
	return false;
}

/*
 * Whether line i names a level in its prose, where no sentence about it would: at the line's
 * end after a word in lower case ("... according to the ministry Top Secret", "... ministry
 * T0P SECRET", "... ministry T O P S E C R E T"), in capitals between words in lower case ("at
 * the port SECRET with"), letter-spaced anywhere, or split by the line's end; read again with
 * look-alike letters as the Latin ones they pass for ("ministry SЕCRET with", a Cyrillic Е). It
 * only raises: the level as read, into *m; *split is set where the name's first part stands on a
 * text line above (level_split).
 */
static bool
level_in_prose(const struct policy *p, const struct document *d, size_t i, struct marking *m,
    bool *split)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct fold f;
	size_t k, pos, next;

	*split = false;
	/*
	 * Most lines hold no two capitals in a row (or with OCR's digit between), none parted by a
	 * space alone ("T O P"), no letter in lower case, or no byte the fold may change, and end
	 * in no two words that begin in capitals ("Top Secret").
	 */
	if (!prose_level_candidate(p, s, ln->len) && !split_candidate(p, d, i))
		return false;
	/* A line longer than a fold is read in folds that overlap (fold_limit). */
	for (pos = 0; pos < ln->len; pos += next) {
		fold_line(s + pos, ln->len - pos, FOLD_MAX, ln->latin1, &f);
		(void)fold_limit(&f, &next);
		if (prose_levels(p, d, i, &f, pos == 0, !f.cut, m, split))
			return true;
		for (k = 0; k < f.len && (unsigned char)f.text[k] < 0x80; k++)
			continue;
		if (k < f.len) {
			char skel[FOLD_MAX + 1];
			struct fold sk;
			bool alike;

			sk.len = fold_skeleton(&f, skel, &alike);
			sk.text = skel;
			if (alike && prose_levels(p, d, i, &sk, pos == 0, !f.cut, m, split))
				return true;
		}
		if (next == 0)
			break;
	}
	return false;
}

/*
 * Whether f[0..k) is a list's label alone at the line's head: a letter, a roman number in lower
 * case or a number, with a full stop or a bracket after it or not ("vi", "b.", "3)"); not a word
 * ("Tab C) and").
 */
static bool
item_label(const struct fold *f, size_t k)
{
	size_t a = 0, b;

	while (a < k && f->text[a] == ' ')
		a++;
	for (b = k; b > a && f->text[b - 1] == ' '; b--)
		continue;
	if (b > a && (f->text[b - 1] == '.' || f->text[b - 1] == ')'))
		b--;
	if (b == a || b - a > 4)
		return false;
	return b - a == 1 ? isalnum((unsigned char)f->text[a]) != 0 :
	    strspn(f->text + a, "ivxlc") >= b - a || strspn(f->text + a, "0123456789") >= b - a;
}

/* Whether line ln is one a page's break puts inside a paragraph: a page, banner or caption line. */
static bool
page_like(const struct doc_line *ln)
{
	return ln->kind == LINE_PAGE || ln->kind == LINE_BANNER || ln->kind == LINE_CAPTION;
}

/*
 * What the byte at k of s[0..n) adds to the depth of asides, read back for open_in_paragraph: as
 * aside_step, a '[' before a letter opening one too ("[see the tables of" / "... Annex C) 12").
 * A list's item inside an aside ("(the ministry wants 1) a new pier and 2) more") closes it as
 * any bracket does: where the letter after it is read as a mark, the paragraph is withheld.
 */
static int
paragraph_step(const char *s, size_t n, size_t k)
{
	size_t e;

	if (s[k] != '(' && s[k] != '[')
		return aside_step(s, n, k);
	/* Not a mark that never closes ("(U Embassy", "(S//NF The"): one or two capitals first. */
	for (e = k + 1; e < n && e - k <= 3 && isupper((unsigned char)s[e]); e++)
		continue;
	if (e > k + 1 && e - k <= 3 && (e == n || s[e] == ' ' || s[e] == '/' || s[e] == '\t'))
		return 0;
	if (s[k] == '[' && k + 1 < n && isalpha((unsigned char)s[k + 1]) &&
	    (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t'))
		return 1;
	return aside_step(s, n, k);
}

static bool opens_marked(const struct policy *p, const struct document *d, size_t j);

/*
 * Whether an aside is open at w of f, line i's fold, however far up its paragraph it opened and
 * however long it is ("(managed by the Office of" / "the Coordinator for Counterterrorism, S/CT)
 * will", "(see the tables of" / "... and Annex C) 12 ports"): read back through line i and the
 * lines above it to the paragraph's head (line i may begin a portion of its own at a mark in
 * it), past page, banner and caption lines and the blank lines next to them that a page's
 * break puts inside it (never one a paragraph's head stands under), and never above a line
 * that opens with a mark, forty lines at most; no '(' of a mark that never closes counts.
 */
static bool
open_in_paragraph(const struct policy *p, const struct document *d, size_t i, const struct fold *f,
    size_t w)
{
	const struct doc_line *up;
	size_t k, j, n;
	long depth = 0;

	for (k = w; k-- > 0;)
		if ((depth += paragraph_step(f->text, f->len, k)) > 0)
			return true;
	for (j = i, n = 0; j > 0 && n < 40 && (j == i || !paragraph_head(d, j)); n++) {
		/* Not above a line that opens with a mark: what it opens is another portion. */
		if (doc_line(d, j)->kind == LINE_TEXT && opens_marked(p, d, j))
			return false;
		up = doc_line(d, --j);
		/*
		 * Past a blank line only where a page's break stands next to it: a blank line
		 * parts paragraphs, however a damaged mark joined them.
		 */
		if (up->kind == LINE_BLANK && (paragraph_head(d, j + 1) ||
		    (!(j > 0 && page_like(doc_line(d, j - 1))) &&
		    !(j + 1 < i && page_like(doc_line(d, j + 1))))))
			return false;
		if (up->kind == LINE_BLANK || page_like(up))
			continue;
		if (up->kind != LINE_TEXT)
			return false;
		for (k = up->len; k-- > 0;)
			if ((depth += paragraph_step(d->data + up->off, up->len, k)) > 0)
				return true;
	}
	return false;
}

/*
 * Whether line i holds a mark in mid-sentence (in_sentence_at: not where a sentence or the line
 * begins): a group that is no prose (sentence_group: a mark, one damaged past doubt, a level
 * letter before a word in lower case), one that never closes with a level or "//" in it, or a
 * word with "//" or a level glued to controls ("ministry S//NF with", "ministry S.NF with"), or
 * a level's letters that lost their '(' ("ministry S) with"). Not a letter glued to a number, a
 * citation's ("per 1.4(C) and"). Not in a table's row that bars part; in one that tabs or runs
 * of spaces may part (table_marks reads it), only between words in lower case, unless a
 * sentence of prose wraps to it (wraps_prose). It reads the line alone, whatever else a reader
 * found in it, so that no mark added to it can turn it off. *m is what it found, every such mark
 * joined (a lower one before cannot hide a higher one after it: "(C) with ... S) with"): the mark
 * or the letter's level as read, unknown where it proves nothing.
 */
/*
 * Whether f may hold a letter that looks like a Latin one (fold_skeleton): a character of the
 * blocks such letters are in (Latin-1's letters and on, IPA, Greek, Cyrillic, Armenian, Cherokee,
 * small capitals, Coptic, Lisu), not only punctuation, spaces and symbols ("¶", '“', '—', '│').
 */
static bool
alike_candidate(const struct fold *f)
{
	const unsigned char *u = (const unsigned char *)f->text;
	size_t k;

	for (k = 0; k < f->len; k++)
		if (u[k] >= 0xC3 && (u[k] < 0xE2 || u[k] == 0xEA || u[k] >= 0xF0 ||
		    (u[k] == 0xE2 && k + 1 < f->len && (u[k + 1] == 0xB2 || u[k + 1] == 0xB3))))
			return true;
	return false;
}

/* mark_in_sentence's reading of line i as f folds it; `table` as it says. */
static bool
in_sentence_marks(const struct policy *p, const struct document *d, size_t i, uint32_t seen,
    const struct fold *f, bool table, struct marking *m)
{
	struct group g;
	const struct policy_term *ctl;
	struct marking unknown, one, two, dmg;
	size_t k, e, t;
	bool other, caps, words, damaged, found = false;

	marking_unknown(&unknown, "a mark in mid-sentence");
	*m = unknown;
	for (k = 0; k < f->len; k = e) {
		e = k + 1;
		if (f->text[k] == ' ')
			continue;
		if (strchr("([{", f->text[k]) != NULL && reading_group_at(p, f, k, &g) &&
		    g.closed) {
			/*
			 * A group, read whole: what stands inside it is no sentence's, but for a
			 * group in it ("((S//NF))").
			 */
			if (!reading_in_sentence(f, &g, false) && sentence_group(p, f, &g, seen) &&
			    in_row_sentence(p, f, k, g.end, table) && !initials_before(f, &g) &&
			    !(g.kind == GROUP_ITEM && citation_before(f, k)) &&
			    !reading_citation_chain(f, k)) {
				one = unknown;
				if (g.kind == GROUP_MARK)
					one = g.mark;
				else if (g.kind == GROUP_ITEM)
					(void)letter_marking(p, g.letter, &one, &other);
				add_found(p, m, &found, &one);
			}
			if (g.kind == GROUP_MARK || k + 1 >= f->len ||
			    strchr("([{", f->text[k + 1]) == NULL)
				e = g.end;
		} else if (strchr("([{", f->text[k]) != NULL) {
			/*
			 * One that never closes: a level or "//" in it, the mark its marking's words
			 * ("ministry -- (S//NF  with", "(S//REL TO USA, GBR  with"), or its words one
			 * by one.
			 */
			for (e = k + 1; e < g.end;) {
				size_t w = e;

				while (w < g.end && !isalnum((unsigned char)f->text[w]))
					w++;
				for (t = w; t < g.end && isalnum((unsigned char)f->text[t]); t++)
					continue;
				if (t == w || (marking_word(p, f->text + w, t - w) <= 0 && e > k + 1))
					break;
				e = t;
			}
			if (g.kind == GROUP_UNKNOWN && g.end > k && (g.has_level ||
			    double_slash(f->text + g.start, g.end - g.start)) &&
			    in_row_sentence(p, f, k, e, table))
				add_found(p, m, &found, &unknown);
			e = k + 1;
		} else {
			/*
			 * A word, to the next space or bracket, past signs glued before it: with "//"
			 * or a level glued to controls ("S.NF", "SIINF", "TS.SI.NF"), also at the
			 * head of a line a sentence wraps to, before lower case ("ministry" / "S/NF
			 * with").
			 */
			size_t w = k;

			for (e = k + 1; e < f->len && f->text[e] != ' ' && !opening(f->text[e]); e++)
				continue;
			while (w < e && strchr("*<\"'", f->text[w]) != NULL)
				w++;
			/* OCR's figure for a level's first letter counts as a capital ("5ECRET,"). */
			if (w < e && (isalpha((unsigned char)f->text[w]) || (w + 1 < e &&
			    strchr("015$", f->text[w]) != NULL && isupper((unsigned char)f->text[w + 1]))) &&
			    (k == 0 || f->text[k - 1] == ' ') && (double_slash(f->text + w, e - w) ||
			    (!islower((unsigned char)f->text[w]) && level_glued(p, f->text + w, e - w))) &&
			    (k > 0 || (lower_after_groups(f, e) && (wraps_prose(p, d, i) ||
			    wraps_across(p, d, i)))) && memchr(f->text + w, ':', e - w) == NULL &&
			    in_row_sentence(p, f, w, e, table)) {
				size_t cut = e;

				/* Read as written, a sign after it aside ("SECRET,"). */
				while (cut > w && glue_sep(f->text[cut - 1], false))
					cut--;
				if (marking_parse(p, f->text + w, cut - w, MARKING_BANNER, &one) != 1)
					one = unknown;
				add_found(p, m, &found, &one);
			}
			/*
			 * A level's letters or word that lost their '(' ("ministry S) with",
			 * "ministry, TS) with", "S): with", "S) -- with", "port SECRET) with", "the
			 * ministry S).", "port S) 12"), damaged besides or not (lost_damaged: "S
			 * )", "T5)", "Secret)"), after text or at the head of a line a sentence
			 * wraps to, indented or after a list's label or not, blank lines between
			 * or not (wraps_prose, runs_on_above, wraps_across: "the approval of the
			 * MFA" / "S) and"), there before a word in lower case; not the next item of
			 * a list ("A) ... B) ... C) with", "(B) ..." / "C) with"), nor the end of an
			 * aside still open (open_above: "(HIV and" / "hepatitis C) with"; before
			 * anything but a word in lower case, or damaged, one opened anywhere up
			 * the paragraph: open_in_paragraph), nor before a capital a letter that a
			 * noun designates ("Option C) The"). Most words hold no closing bracket and
			 * none stands right after them.
			 */
			for (t = w; t < e && (f->text[t] == '\0' || !closing(f->text[t])); t++)
				continue;
			if (t == e && !closer_after(f, e))
				continue;
			/*
			 * After a dash glued to the word before it ("ministry--S) with",
			 * "ministry-S) with", "ministry—S) with").
			 */
			for (t = e; t > w + 2 && !glued_dash(f, w, t); t--)
				continue;
			if (t > w + 2 && t < e && isalpha((unsigned char)f->text[t]))
				w = t;
			t = e;
			/* A colon, semicolon or comma after it, and dashes before the word, aside. */
			while (t > w + 2 && strchr(":;,.", f->text[t - 1]) != NULL)
				t--;
			caps = words = damaged = false;
			if (t - w >= 2 && t - w <= 13 && strchr(")]", f->text[t - 1]) != NULL) {
				caps = upper_run(f, w, t - 1);
				words = lost_two(p, f, w, t - 1, &two);
			}
			if (!caps && !words && (damaged = lost_damaged(p, f, w, e, &t, &dmg)))
				e = t;
			if (!caps && !words && !damaged)
				continue;
			/* Not the next item of a list, nor the end of an aside still open. */
			if (((t - w == 2 || (damaged && w + 1 < f->len &&
			    !isalnum((unsigned char)f->text[w + 1]))) && item_before(f, w, seen)) ||
			    open_above(d, i, f, w, t))
				continue;
			/* A damaged one is read past an aside open anywhere up the paragraph. */
			if (damaged && open_in_paragraph(p, d, i, f, w))
				continue;
			/*
			 * In mid-line (before anything but a word in lower case, past such an aside
			 * too, or a noun that designates the letter), or at the head of a line a
			 * sentence wraps to.
			 */
			if (!(k > 0 && f->text[k - 1] == ' ' && !blank_before(f, k) &&
			    (lower_past_dashes(f, e) || blank_past(f, t) ||
			    !((!damaged && open_in_paragraph(p, d, i, f, w)) ||
			    (t - w <= 3 && designated(f, w)))) &&
			    in_row_sentence(p, f, w, t, table && !(blank_past(f, t) &&
			    next_lower(d, i)))) &&
			    !((blank_before(f, k) || item_label(f, k)) && (wraps_prose(p, d, i) ||
			    runs_on_above(p, d, i) || wraps_across(p, d, i)) &&
			    (lower_past_dashes(f, e) || lower_after_groups(f, e))))
				continue;
			/*
			 * With the word before it where both name a level ("TOP SECRET)"); a
			 * control alone is unknown ("port NF) with", "NOFORN) with").
			 */
			if (caps && marking_parse(p, f->text + w, t - w - 1, MARKING_PORTION,
			    &one) == 1)
				add_found(p, m, &found, &one);
			else if (caps && t - w > 2 &&
			    (ctl = policy_term_find(p, f->text + w, t - w - 1)) != NULL &&
			    ctl->control >= 0)
				add_found(p, m, &found, &unknown);
			if (words)
				add_found(p, m, &found, &two);
			if (damaged)
				add_found(p, m, &found, &dmg);
		}
	}
	return found;
}

static bool
mark_in_sentence(const struct policy *p, const struct document *d, size_t i, uint32_t seen,
    struct marking *m)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct fold f, sk;
	struct marking more;
	char skel[FOLD_MAX + 1];
	size_t k;
	bool table, found, alike = false;

	marking_unknown(m, "a mark in mid-sentence");
	/*
	 * Most lines hold no bracket, no slash, no byte the fold may make one of, and no capital
	 * before another or a sign ("S.NF", "SIINF").
	 */
	for (k = 0; k < ln->len; k++)
		if (strchr("([{/)]}", s[k]) != NULL || (unsigned char)s[k] >= 0x80 ||
		    (isupper((unsigned char)s[k]) && k + 1 < ln->len && s[k + 1] != '\0' &&
		    (isupper((unsigned char)s[k + 1]) || glue_sep(s[k + 1], false) ||
		    s[k + 1] == ')' || s[k + 1] == ']')))
			break;
	if (k == ln->len)
		return false;
	for (k = 0; k < ln->len && s[k] == ' '; k++)
		continue;
	if (k < ln->len && s[k] == '|')
		return false;
	table = spaced_cells(s, ln->len) && !wraps_prose(p, d, i);
	fold_line(s, ln->len, FOLD_MAX, ln->latin1, &f);
	found = in_sentence_marks(p, d, i, seen, &f, table, m);
	/*
	 * Read again as its look-alike letters make it read ("classified ЅЕСRЕТ, says" in
	 * Cyrillic): what this reading finds only raises.
	 */
	if (alike_candidate(&f)) {
		memset(&sk, 0, sizeof(sk));
		sk.len = fold_skeleton(&f, skel, &alike);
		sk.text = skel;
		if (alike && in_sentence_marks(p, d, i, seen, &sk, table, &more))
			add_found(p, m, &found, &more);
	}
	return found;
}


/* Whether line j opens, after labels alone (after_label), with what may be a mark. */
static bool
opens_marked(const struct policy *p, const struct document *d, size_t j)
{
	const struct doc_line *ln = doc_line(d, j);
	struct fold f;
	struct group g;
	size_t k;

	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	/*
	 * At each word or bracket that labels alone stand before ("3. ", "(a) "), damaged or
	 * not: "(U) The", "3. (U The", "3. U) The".
	 */
	for (k = 0; k < f.len && k < 16; k++) {
		if (f.text[k] == ' ' || !(k == 0 || f.text[k - 1] == ' ' || f.text[k] == '(' ||
		    f.text[k] == '['))
			continue;
		if (!after_label(f.text, k))
			break;
		if (mark_group_end(p, &f, k) > k || (strchr("([", f.text[k]) != NULL &&
		    reading_group_at(p, &f, k, &g) && g.kind == GROUP_UNKNOWN) ||
		    reading_lost_open(p, &f, k, &g) || (isupper((unsigned char)f.text[k]) &&
		    k + 1 < f.len && f.text[k + 1] == ')'))
			return true;
	}
	return false;
}

/*
 * Whether s[0..n) is a release's stamp, which a FOIA office prints across its pages and which
 * holds no prose of the document: "Approved for Release: 2014/09/10 C06122345", "Approved For
 * Release 2002/08/21 : CIA-RDP80B01676R0031", "Doc ID: 4165255", "DOCID: 4165255", with a
 * number of four digits or more.
 */
static bool
stamp_line(const char *s, size_t n)
{
	static const char *const lead[] = { "approved for release", "doc id", "docid",
	    "declassified and approved for release" };
	size_t k, l, digits = 0, most = 0;

	for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t'); k++)
		continue;
	for (l = 0; l < sizeof(lead) / sizeof(lead[0]); l++)
		if (n - k >= strlen(lead[l]) && strncasecmp(s + k, lead[l], strlen(lead[l])) == 0)
			break;
	if (l == sizeof(lead) / sizeof(lead[0]))
		return false;
	for (k += strlen(lead[l]); k < n; k++) {
		digits = isdigit((unsigned char)s[k]) ? digits + 1 : 0;
		most = digits > most ? digits : most;
	}
	return most >= 4;
}

/*
 * Whether line i is its paragraph's last: the document ends after it, or a blank line or a rule
 * follows it, past lines of no prose (line_prose: a banner, a caption, a classification line,
 * a line of marks, in any case: what is inserted there can only raise), or the next line opens
 * with what may be a mark (`marked`, opens_marked). Words that end a paragraph there go on to no
 * line ("Fighters: (S//NF) The October" / "31 kidnapping" does).
 */
static bool
paragraph_last(const struct policy *p, const struct document *d, size_t i, bool marked)
{
	size_t j;

	for (j = i + 1; j < d->nlines && j - i <= OPEN_LINES; j++) {
		const struct doc_line *nx = doc_line(d, j);
		const char *t = d->data + nx->off;

		if (is_blank(t, nx->len, nx->latin1) || is_rule(t, nx->len) ||
		    (marked && opens_marked(p, d, j)))
			return true;
		if (line_prose(p, d, j) && !stamp_line(t, nx->len))
			return false;
	}
	return true;
}

/*
 * Whether line i is prose, no table's row (or a row a sentence wraps to), on its paragraph's
 * last line (paragraph_last, a next line that opens with a mark ending the paragraph too).
 */
static bool
prose_ends_paragraph(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t n = ln->len;

	/* Blanks at the line's end part no cells ("... (NOT FOR FOREIGN RELEASE)   "). */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return (!spaced_cells(s, n) || wraps_prose(p, d, i)) && paragraph_last(p, d, i, true);
}

static bool bare_at_end(const struct policy *p, const char *s, size_t n, bool latin1);
static bool marking_tail(const struct policy *p, const char *s, size_t n, bool latin1);
static bool note_after_mark(const struct policy *p, const struct document *d, size_t i,
    size_t n);
/* What note_only allows after a mark. */
enum note_kind {
	NOTE_ALONE,	/* a line of marks alone: no word at all */
	NOTE_UNDER,	/* on the line under a paragraph: a note's two words, not a heading's */
	NOTE_AFTER,	/* after a mark that ends a line of text: two words at most */
	NOTE_BREAK,	/* under a paragraph past a break: as NOTE_UNDER, a number, a bracket
			 * or words of four letters at most, not a heading's words */
	NOTE_LAST	/* as NOTE_UNDER or NOTE_AFTER, on a paragraph's last line: two words at
			 * most, in any case ("Ref A", "J. Smith", "-- more --", "Leadership"),
			 * not ending in a colon */
};

static bool note_only(const struct policy *p, const struct fold *f, size_t k,
    enum note_kind kind);
static bool note_tokens(const struct policy *p, const struct fold *f, size_t k, bool *marked,
    size_t *words, size_t *first);
static bool closes(const struct fold *f, size_t from);

/*
 * Whether a note of `words` words, the first at `from` of f, is short: two, or three that a
 * closing word leads ("See Ref A"; closes).
 */
static bool
short_note(const struct fold *f, size_t words, size_t from)
{
	return words <= 2 || (words == 3 && closes(f, from));
}

/*
 * Whether line i ends in a mark after text ("... will walk out. (S)"): in a document marked at
 * the end of each paragraph it marks what stands before it, so it raises the lines of its
 * paragraph before it too (settle_markings). In one marked at the head it may mark what
 * follows; raised, the text before it is only withheld more.
 */
static bool
ends_in_mark(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t full = trim_end(s, ln->len, ln->latin1), n, m;
	bool digit;

	/* A footnote or closing quotation mark after it ("(S//NF)1", "(S//NF) [1]", "(S)\""). */
	n = trim_note(s, full, ln->latin1);
	/*
	 * A number of any length after a mark, a footnote's, a date or a time ("(S//NF)123",
	 * "(S//NF) 12/01/2008", "(S//NF) 0930"): read past here, where it can only raise.
	 */
	for (m = n, digit = false; m > 0 && (isdigit((unsigned char)s[m - 1]) ||
	    (s[m - 1] != '\0' && strchr(",;:./- ", s[m - 1]) != NULL)); m--)
		digit = digit || isdigit((unsigned char)s[m - 1]);
	if (digit && m > 0 && (s[m - 1] == ')' || s[m - 1] == ']' || s[m - 1] == '}'))
		n = trim_note(s, m, ln->latin1);
	if (n > 0 && s[n - 1] == ')' && line_end(p, s, n, ln->latin1) == END_MARK)
		return true;
	/* A line of marks alone in tags has no text before them ("<b>(S//NF)</b>"). */
	for (m = 0; m < n && s[m] == ' '; m++)
		continue;
	if (m < n && (s[m] == '<' || s[m] == '\\' || s[m] == '[') &&
	    line_end(p, s, full, ln->latin1) == END_MARKS)
		return false;
	return bare_at_end(p, s, n, ln->latin1) || marking_tail(p, s, n, ln->latin1) ||
	    damaged_at_end(p, s, n, ln->latin1) ||
	    note_after_mark(p, d, i, full);
}

/*
 * Whether group g of f, opening with a letter past quotation marks or emphasis ("(\"TS\")",
 * "(*TS!)", "(ts!)"), is a level run into what follows it with no "//":
 * a sign but a slash ("(TS!)", "(Ts!)", "(T5!)", "(TS#SI)"; not a number after a dash, "(C-130)")
 * or controls, OCR's "ll" for "//" before them or not ("(TSSI-G)", "(TSllSl)", "(TS ll Sl)").
 */
static bool
level_led(const struct policy *p, const struct fold *f, const struct group *g)
{
	const struct policy_term *t;
	char up[POLICY_WORD_MAX + 1];
	size_t k, m = 0, a, b;

	/*
	 * In capitals but for OCR's "l" for "I", or after a capital in any case ("(Ts!)"); OCR's
	 * "5" for "S" after a capital ("(T5!)") and its spaces ("(TS ll Sl)") read past.
	 */
	for (k = g->start + 1; k + 1 < g->end && f->text[k] != '\0' &&
	    strchr("\"'*", f->text[k]) != NULL; k++)
		continue;
	if (k + 1 >= g->end || !isalpha((unsigned char)f->text[k]))
		return false;
	for (; k + 1 < g->end && m < POLICY_WORD_MAX; k++) {
		char c = f->text[k];

		if (c == ' ')
			continue;
		if (c == '5' && m > 0 && isupper((unsigned char)up[m - 1]))
			c = 'S';
		up[m++] = c == 'l' ? 'I' : (char)toupper((unsigned char)c);
	}
	if (!g->closed || k + 1 < g->end || m < 2)
		return false;
	for (a = m - 1; a > 0; a--)
		if ((t = policy_term_find(p, up, a)) != NULL && t->level > 0 && t->control < 0)
			break;
	if (a == 0)
		return false;
	if (!isalnum((unsigned char)up[a]) && up[a] != '/')
		return a + 1 == m || !isdigit((unsigned char)up[a + 1]);
	for (b = a; b < m && (up[b] == 'I' || up[b] == '1'); b++)
		continue;
	/* Controls, maybe with more after them ("SI-G" where the policy knows SI only). */
	for (k = m; k > b + 1; k--)
		if (ocr_controls(p, up, b, k) > 0)
			return true;
	return false;
}

/*
 * Whether line i ends, after a word of text, in a group that level_led reads, not the initials
 * of the words before it ("Sensitive Security Information (SSI)"): a mark at its paragraph's
 * end, damaged, that proves nothing.
 */
static bool
led_at_end(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t n = sign_after_bracket(s, trim_end(s, ln->len, ln->latin1)), k;
	struct fold f;
	struct group g;

	/* A sentence's end after it ("(TSSCI)."). */
	while (n > 0 && strchr(".,;", s[n - 1]) != NULL)
		n--;
	if (n < 4 || n > FOLD_MAX || strchr(")]}", s[n - 1]) == NULL)
		return false;
	fold_line(s, n, FOLD_MAX, ln->latin1, &f);
	for (k = f.len; k > 0 && strchr("([{", f.text[k - 1]) == NULL; k--)
		continue;
	if (k < 2 || !reading_group_at(p, &f, k - 1, &g) || g.end != f.len ||
	    g.kind == GROUP_MARK)
		return false;
	for (k -= 1; k > 0 && f.text[k - 1] == ' '; k--)
		continue;
	return k > 0 && isalpha((unsigned char)f.text[k - 1]) && level_led(p, &f, &g) &&
	    !initials_before(&f, &g);
}

/*
 * Whether line i ends, after a word of text, in a bracket that never closes before its paragraph
 * does, over a short word in capitals, digits and signs ("... the ministry (SNF", "(S.", "(T5",
 * "(TS."): a mark at the paragraph's end, cut short, that proves nothing. Not a bracket that a
 * later line of the paragraph closes ("(FORMER" / "DIRECTOR ... INCE)", "(RSO" / "Spot
 * Report)"); past OPEN_LINES lines it is taken as never closed.
 */
static bool
open_to_paragraph_end(const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	size_t n = trim_end(s, ln->len, ln->latin1), k, j, upper = 0;

	for (k = n; k > 0 && n - k <= 13 && s[k - 1] != '(' && s[k - 1] != '['; k--) {
		if (isupper((unsigned char)s[k - 1]))
			upper++;
		else if (!isdigit((unsigned char)s[k - 1]) && strchr("/.,-&", s[k - 1]) == NULL)
			return false;
	}
	if (k < 2 || k == n || n - k > 13 || upper == 0 || (s[k - 2] != ' ' && s[k - 2] != '\t'))
		return false;
	/* After text on its line, a sign or a quotation mark between or not ("ministry -- (SNF"). */
	for (j = k - 2; j > 0 && !isalnum((unsigned char)s[j - 1]); j--)
		continue;
	if (j == 0)
		return false;
	for (j = i + 1; j < d->nlines && j - i <= OPEN_LINES; j++) {
		const struct doc_line *nx = doc_line(d, j);
		const char *t = d->data + nx->off;

		if (is_blank(t, nx->len, nx->latin1))
			return true;
		/* Not a list's label ("a) volume, b) routing"): a letter or digit alone before it. */
		for (k = 0; k < nx->len && t[k] != '(' && t[k] != '['; k++)
			if ((t[k] == ')' || t[k] == ']') && !(k > 0 && isalnum((unsigned char)t[k - 1]) &&
			    (k == 1 || !isalnum((unsigned char)t[k - 2]))))
				return false;
		if (k < nx->len)
			return true;
	}
	return true;
}

/*
 * Whether a word of three letters in a row stands before k in f outside brackets: prose, not
 * another mark ("(Top Secret)(U//FOUO)").
 */
static bool
prose_before(const struct fold *f, size_t k)
{
	size_t j, run = 0;
	long depth = 0;

	for (j = 0; j < k && run < 3; j++) {
		if (f->text[j] == '(' || f->text[j] == '[' || f->text[j] == '{')
			depth++;
		else if ((f->text[j] == ')' || f->text[j] == ']' || f->text[j] == '}') && depth > 0)
			depth--;
		run = depth == 0 && isalpha((unsigned char)f->text[j]) ? run + 1 : 0;
	}
	return run >= 3;
}

/*
 * Whether a colon or a dash stands right before k in f, spaces aside ("Fighters: (S//NF) The",
 * "the warden -- (S//NF) The"): what follows is announced, a heading's or a field's.
 */
static bool
colon_before(const struct fold *f, size_t k)
{
	while (k > 0 && f->text[k - 1] == ' ')
		k--;
	return k > 0 && (f->text[k - 1] == ':' || f->text[k - 1] == '-');
}

/*
 * Whether s[0..n) holds, in its last 64 bytes, a proven mark after a word of text with nothing
 * but a note after it (note_only: "Dubai. (S//NF) EOM", "(S//NF) [Note 1]", "(S//NF) ^(1)",
 * "(S//NF) (END)", "(S//NF) I/"): a mark at its paragraph's end. On the paragraph's last line,
 * anywhere in the line, whatever follows it ("month. (S//NF) Ref A", "month. (S//NF) See Ref
 * A", "said the warden (see ref B.) (S//NF) The walrus ..."): where marks stand after their
 * paragraphs it is this one's, and what follows it on the line a note. Not after a colon or
 * a dash, which announce what follows ("Fighters: (S//NF) The October").
 */
static bool
note_after_mark(const struct policy *p, const struct document *d, size_t i, size_t n)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	bool latin1 = ln->latin1, last, para = false, asked = false, marked;
	struct fold f;
	struct group g;
	size_t c, k, words, first;

	for (c = n > 64 ? n - 64 : 0; c < n && s[c] != '(' && s[c] != '['; c++)
		continue;
	if (c == n)
		return false;
	if (n <= FOLD_MAX)
		c = 0;
	fold_line(s + c, n - c, FOLD_MAX, latin1, &f);
	for (k = 0; k < f.len; k++) {
		if ((f.text[k] != '(' && f.text[k] != '[') || !reading_group_at(p, &f, k, &g) ||
		    g.kind != GROUP_MARK)
			continue;
		if (!asked) {
			para = prose_ends_paragraph(p, d, i);
			asked = true;
		}
		last = para && note_tokens(p, &f, k, &marked, &words, &first) &&
		    short_note(&f, words, first);
		if ((note_only(p, &f, k, NOTE_AFTER) || (last && note_only(p, &f, k, NOTE_LAST)) ||
		    (para && !colon_before(&f, k))) && prose_before(&f, k))
			return true;
	}
	return false;
}

/*
 * Whether line i, its paragraph's last, holds after a word of text what may be a mark and proves
 * nothing, or a proven one the source spells with no '(' ("（TS//SI//NF）", "&#40;TS//SI//NF&#41;"),
 * whatever follows it: a group with "//" in it ("(TS//SI//NP) Ref A"), one with a level that
 * never closes ("(TS//SI//NF Ref A"), or a word in capitals with "//" that lost its '('
 * ("TS//SI//NF) Ref A"), or a caveat in words in brackets after a sentence's end ("... the
 * exercise. (NOT FOR FOREIGN RELEASE)": caveat_group; not "marked Australian Eyes Only
 * (AUSTEO)."). Not an office's symbol or an acronym ("Shaun Coughlin (S/WCI) also
 * participated.", "1 July. (SOC) A directorate official"), nor after a colon or a dash
 * (colon_before). Where marks stand after their paragraphs it is this one's, as
 * note_after_mark reads a proven one; *m is what it proves: the mark, or unknown.
 */
static bool
mark_on_last(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct fold f;
	struct group g;
	size_t k, e, j, run;
	bool text = false;

	for (k = 0; k < ln->len && strchr("([{/&", s[k]) == NULL && (unsigned char)s[k] < 0x80;
	    k++)
		continue;
	if (k == ln->len || ln->len > FOLD_MAX)
		return false;
	fold_line(s, ln->len, FOLD_MAX, ln->latin1, &f);
	/* Groups, and words to the next space; text is a word of three letters in a row before. */
	for (k = 0; k < f.len; k = e) {
		e = k + 1;
		if (f.text[k] == ' ')
			continue;
		if (strchr("([{", f.text[k]) != NULL && f.text[k] != '\0' &&
		    reading_group_at(p, &f, k, &g)) {
			e = g.end > k ? g.end : k + 1;
			if (!text || (g.kind == GROUP_MARK && strchr("([", s[fold_source(&f, k)]) !=
			    NULL))
				continue;
			if (g.kind != GROUP_MARK && !(g.kind == GROUP_UNKNOWN && ((g.has_level &&
			    !g.closed) || double_slash(f.text + g.start, g.end - g.start))) &&
			    !(after_full_stop(&f, k) && caveat_group(p, &f, &g)))
				continue;
		} else {
			for (e = k + 1; e < f.len && f.text[e] != ' '; e++)
				continue;
			if (!text || !isupper((unsigned char)f.text[k]) || k == 0 ||
			    f.text[k - 1] != ' ' || strchr(")]", f.text[e - 1]) == NULL ||
			    !double_slash(f.text + k, e - k) ||
			    memchr(f.text + k, ':', e - k) != NULL) {
				for (j = k, run = 0; j < e && run < 3; j++)
					run = isalpha((unsigned char)f.text[j]) ? run + 1 : 0;
				text = text || run >= 3;
				continue;
			}
			g.kind = GROUP_UNKNOWN;
		}
		if (colon_before(&f, k) || !prose_ends_paragraph(p, d, i))
			continue;
		if (g.kind == GROUP_MARK)
			*m = g.mark;
		else if (g.kind == GROUP_UNKNOWN)
			marking_unknown(m, "a damaged mark at a paragraph's end");
		else
			marking_unknown(m, "a caveat no policy lists");
		return true;
	}
	return false;
}

/*
 * Whether s[0..n) ends in a group after text that is a mark damaged past doubt: "//" in
 * it, a level glued to a control (level_glued), OCR's digits in a level ("pause (T5)",
 * "[T5]"), a level misspelt ("(SECRTE)"), or one cut short that never closes ("(TS",
 * "(S//NF": open_at_end).
 */
static bool
damaged_at_end(const struct policy *p, const char *s, size_t n, bool latin1)
{
	struct marking m;
	struct fold f;
	struct group g;
	size_t k, j;

	/* A sentence's sign after it, a word before it or not ("pause (T5),"). */
	n = sign_after_bracket(s, n);
	for (k = n; k > 0 && n - k <= 64 && s[k - 1] != '(' && s[k - 1] != '[' && s[k - 1] != '{';
	    k--)
		if (k < n && (s[k - 1] == ')' || s[k - 1] == ']' || s[k - 1] == '}'))
			return false;	/* only the last group */
	if (k == 0 || n - k > 64)
		return false;
	/* After text: a line of marks alone, or a group after a mark, is read as one. */
	for (j = trim_end(s, k - 1, latin1); j > 0 && !isalnum((unsigned char)s[j - 1]); j--)
		if (strchr(")]}", s[j - 1]) != NULL)
			return false;
	if (j == 0)
		return false;
	fold_line(s + k - 1, n - k + 1, FOLD_MAX, latin1, &f);
	if (!reading_group_at(p, &f, 0, &g))
		return false;
	if (open_at_end(p, &f, &g, false) || (g.closed && g.end == f.len &&
	    damaged_group(p, &f, &g)))
		return true;
	/*
	 * Or one in capitals that, read alone, raises as a mark in mid-line does ("(TS/SCI)",
	 * "(TS SCI)", "(T/S)", "(5/NF)"): not a letter alone (the office symbol that ends "the
	 * Office of the Secretary (S)"), nor an abbreviation defined before it ("Transportation
	 * Security Administration (TSA)").
	 */
	for (j = 1; j + 1 < f.len && !islower((unsigned char)f.text[j]); j++)
		continue;
	if (!g.closed || g.end != f.len || j + 1 < f.len)
		return false;
	fold_line(s, n, FOLD_MAX, latin1, &f);
	for (j = f.len; j > 0 && f.text[j - 1] != '(' && f.text[j - 1] != '[' &&
	    f.text[j - 1] != '{'; j--)
		continue;
	return j > 0 && reading_group_at(p, &f, j - 1, &g) && g.kind != GROUP_ITEM &&
	    !initials_before(&f, &g) && text_marks(p, s + k - 1, n - k + 1, 0, latin1, false, &m,
	    NULL);
}

/*
 * Whether s[0..n), after its last sentence's end, holds a classification and nothing else but
 * separators: marks in brackets, a marking abbreviated or spelled out, and dashes, semicolons,
 * commas or bars between ('resign." (TS) -- S//NF', 'resign." TOP SECRET//NOFORN').
 */
static bool
marking_tail(const struct policy *p, const char *s, size_t n, bool latin1)
{
	struct fold f;
	struct marking m;
	char buf[128];
	size_t j, k, e, len = 0;
	bool mark = false, run_on = false;

	/*
	 * Most lines end in a word in lower case, or in the sentence's end: no tail. After a word
	 * in lower case with no sentence's end, only a level's word or "//" is one ("... according
	 * to the ministry SECRET", "... ministry SECRET NOFORN"): not a letter or an acronym.
	 */
	for (j = n; j > 0 && strchr(".?!", s[j - 1]) == NULL; j--)
		if (islower((unsigned char)s[j - 1]))
			break;
	if (j == 0 || j == n || n > FOLD_MAX)
		return false;
	fold_line(s, n, FOLD_MAX, latin1, &f);
	for (j = f.len; j > 0 && strchr(".?!", f.text[j - 1]) == NULL; j--)
		if (islower((unsigned char)f.text[j - 1])) {
			run_on = true;
			break;
		}
	if (j == 0 || j == f.len || (run_on && isalnum((unsigned char)f.text[j])))
		return false;
	for (k = j; k < f.len && strchr(" \"')]}", f.text[k]) != NULL; k++)
		continue;
	/*
	 * Not a field's value: after a colon or a table's bar ("Class: SECRET", "| Classification
	 * | SECRET |"), or after dashes and a space where three words at most stand before them
	 * ("Security classification - SECRET", "Classification --- SECRET"; not "... the ministry
	 * -- TOP SECRET").
	 */
	if (run_on && k < f.len && (f.text[k] == ':' || f.text[k] == '|'))
		return false;
	if (run_on && k < f.len && f.text[k] == '-') {
		size_t dash = k, words = 0;

		while (dash < f.len && f.text[dash] == '-')
			dash++;
		for (j = 0; j < k; j++)
			words += f.text[j] != ' ' && (j == 0 || f.text[j - 1] == ' ');
		if (dash < f.len && f.text[dash] == ' ' && words <= 3)
			return false;
	}
	while (k < f.len) {
		if ((e = mark_group_end(p, &f, k)) != k) {
			mark = true;
			k = e;
		} else if (strchr(" -;,:|", f.text[k]) != NULL || (len == 0 && f.text[k] == '/')) {
			/* A separator; a slash too before the marking ("(TS) / S//NF"). */
			if (len > 0 && buf[len - 1] != ' ')
				buf[len++] = ' ';
			k++;
		} else if (len + 2 < sizeof(buf)) {
			buf[len++] = f.text[k++];
		} else {
			return false;
		}
	}
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	if (len == 0)
		return mark && !run_on;
	if (run_on) {
		/*
		 * The words after the last in lower case, or their last ones ("the MFA TOP SECRET",
		 * "in 2009 TOP SECRET"), with four letters or more ("T O P S E C R E T").
		 */
		if (double_slash(buf, len))
			return true;
		for (j = 0; j < len; j++) {
			size_t letters = 0, c;

			if (j > 0 && buf[j - 1] != ' ')
				continue;
			for (c = j; c < len; c++)
				letters += isalpha((unsigned char)buf[c]) != 0;
			if (letters >= 4 && marking_parse(p, buf + j, len - j, MARKING_BANNER,
			    &m) == 1 && m.level > 0)
				return true;
		}
		return false;
	}
	return marking_parse(p, buf, len, MARKING_BANNER, &m) == 1 ||
	    marking_parse(p, buf, len, MARKING_PORTION, &m) == 1;
}

/*
 * Whether s[0..n) ends in a mark with no brackets where a sentence begins ('... resign." S//NF',
 * "... resign. S//NF."), or in marks in brackets glued to it or to each other ("(TS)S//NF"): its
 * last word, past a sentence's end.
 */
static bool
bare_at_end(const struct policy *p, const char *s, size_t n, bool latin1)
{
	struct fold f;
	size_t k, j, e, end;

	if (n > FOLD_MAX)
		return false;
	fold_line(s, n, FOLD_MAX, latin1, &f);
	k = f.len;
	while (k > 0 && strchr(". ", f.text[k - 1]) != NULL)
		k--;
	end = k;
	while (k > 0 && f.text[k - 1] != ' ')
		k--;
	/*
	 * Marks in brackets before it, glued or not, are of it ('... resign." (TS)S//NF', '(TS)
	 * S//NF', "(Top Secret)S//NF"): the tail begins at the first of them.
	 */
	for (;;) {
		size_t b = k;

		for (j = k; j > 0 && k - j < 64; j--)
			if ((f.text[j - 1] == '(' || f.text[j - 1] == '[') &&
			    mark_group_end(p, &f, j - 1) > k)
				break;
		if (j > 0 && k - j < 64) {
			k = j - 1;
			continue;
		}
		while (b > 0 && f.text[b - 1] == ' ')
			b--;
		if (b == k || b == 0 || (f.text[b - 1] != ')' && f.text[b - 1] != ']'))
			break;
		for (j = b - 1; j > 0 && b - j < 64; j--)
			if ((f.text[j - 1] == '(' || f.text[j - 1] == '[') &&
			    mark_group_end(p, &f, j - 1) == b)
				break;
		if (j == 0 || b - j >= 64)
			break;
		k = j - 1;
	}
	if (k == 0 || k >= end || !sentence_head(&f, k))
		return false;
	/* Marks in brackets and spaces, then a mark with none, or nothing. */
	for (e = k; e < end;) {
		size_t g = f.text[e] == ' ' ? e + 1 : mark_group_end(p, &f, e);

		if (g == e)
			break;
		e = g;
	}
	if (!(e == k ? bare_head(p, &f, k) : e >= end || bare_head(p, &f, e)))
		return false;
	/* After a sentence's end, not a dash: "ANNEX A -- SECRET//NOFORN" is a heading. */
	for (j = k; j > 0 && strchr(" \"')]}", f.text[j - 1]) != NULL; j--)
		continue;
	return j > 0 && strchr(".?!", f.text[j - 1]) != NULL;
}

/*
 * Whether line s[0..n) is a table's row or a markdown heading: '|' or '#' first, in a reply
 * quoted with '>' too ("> | Site |"), or a rule of a table drawn in box-drawing characters or
 * bars not in ASCII ("│ Site │", "¦", "‖").
 */
static bool
table_or_heading(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = 0;

	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '>'))
		k++;
	if (k < n && (s[k] == '|' || s[k] == '#'))
		return true;
	return (k + 1 < n && u[k] == 0xC2 && u[k + 1] == 0xA6) || (k + 2 < n && u[k] == 0xE2 &&
	    ((u[k + 1] == 0x80 && u[k + 2] == 0x96) || u[k + 1] == 0x94 || u[k + 1] == 0x95));
}

/* Whether a line's label begins with a digit, after blanks and a pilcrow ("  ¶2."). */
static bool
digit_label(const char *s, size_t len)
{
	size_t k = 0;

	while (k < len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (k + 1 < len && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xB6)
		k += 2;
	else if (k < len && (unsigned char)s[k] == 0xB6)
		k++;
	return k < len && isdigit((unsigned char)s[k]);
}

/*
 * Rule: text (continue; unmarked; raise). A line that begins no portion goes on with the current
 * one, as a wrapped line or a sentence that a page break or a blank line cut (goes_on), but:
 * a numbered paragraph with no mark ("2. The detail", "(2) The detail") is unmarked text of its
 * own, wherever it stands; so is text after a blank line, a page break or a structure line that
 * does not go on with the sentence before it (a new paragraph, or text after a heading); a list
 * item with no mark after one with a mark is taken with that item and with the paragraph the
 * list is in; text after a banner or caption in the body is raised to it; and a mark anywhere in
 * the line raises the text from there on (first text of all: it raises the document's marking).
 */
static bool sibling_unit(const struct reader *rd, size_t prev, size_t i, const struct fold *f,
    size_t at);

/*
 * Whether text line i begins a paragraph of its own (read_text), rather than going on with the
 * portion before it; *list when it is an item of the list the paragraph before it holds. item and
 * numbered are read_text's.
 */
static bool
text_fresh(struct reader *rd, size_t i, const struct fold *f, const struct head *h, bool item,
    bool numbered, bool *list)
{
	struct document *d = rd->d;
	size_t prev;
	enum going go;
	bool fresh;

	if (rd->cur == DOC_NONE || numbered)
		return true;
	/* A paragraph's end in markup ("</p>" / "<p>The"). */
	if (i > 0 && doc_line(d, i - 1)->kind == LINE_TEXT && markup_parts(d, i - 1, i))
		return true;
	if (item && rd->bulleted) {
		/*
		 * "-- (U) One." then "-- Two.": two is of the paragraph the list is in. But a group
		 * where the items' marks stand ("-- (5) Two", OCR's "(S)") is no item with no mark:
		 * its text is unmarked text of its own.
		 */
		if (h->group.kind != GROUP_NONE && h->group.start == h->after_label)
			return true;
		*list = rd->para != DOC_NONE;
		return !*list;
	}
	if (!parted(rd, i, &prev)) {
		bool runs = prev != DOC_NONE && prev + 1 == i && runs_into(rd, prev, i, item,
		    lower_after(f, h->after_label)) &&
		    !sibling_unit(rd, prev, i, f, h->after_label);

		/* An item right after a colon opens a list; its next items go on in it. */
		if (runs && item && ends_colon(d, prev))
			rd->block = rd->cur;
		return prev != DOC_NONE && !runs && !(item && rd->block == rd->cur);
	}
	/* The items of a list a colon opened; its other paragraphs are read as any. */
	if (rd->block == rd->cur && item)
		return false;
	/* The text a marked paragraph announced, up to the line that closes it. */
	if (rd->text_end != DOC_NONE && i <= rd->text_end)
		return false;
	go = prev == DOC_NONE ? GO_NOT : goes_on(rd, prev, i, item);
	fresh = go == GO_NOT;
	if (go == GO_BLOCK)
		rd->block = rd->cur;
	if (fresh && (rd->text_end = announced_text(rd, prev, i)) != DOC_NONE)
		fresh = false;
	return fresh;
}

/*
 * How the text of f from `at` opens as a unit of its own that no sentence wraps to: a time
 * ("[10:41:02] jsmith:", "0947Z", "10:42": 1), a quoted reply's '>' (2), or a speaker's label
 * of one to three words in capitals or title case before a colon ("Secretary General:", "Q:",
 * "AMB:": 3); 0 where it does not.
 */
static int
unit_head(const struct fold *f, size_t at)
{
	const char *s = f->text;
	size_t n = f->len, k = at, d, words = 0;

	if (k < n && s[k] == '[')
		k++;
	for (d = k; d < n && isdigit((unsigned char)s[d]); d++)
		continue;
	if (d - k >= 1 && d - k <= 2 && d + 2 < n && s[d] == ':' &&
	    isdigit((unsigned char)s[d + 1]) && isdigit((unsigned char)s[d + 2]))
		return 1;
	if (d - k == 4 && d < n && s[d] == 'Z' && (d + 1 == n || s[d + 1] == ' '))
		return 1;
	k = at;
	if (k < n && s[k] == '>')
		return 2;
	while (k < n && isupper((unsigned char)s[k]) && words < 3) {
		while (k < n && (isalpha((unsigned char)s[k]) || s[k] == '.' || s[k] == '-'))
			k++;
		words++;
		if (k < n && s[k] == ':')
			return k + 1 < n && s[k + 1] == ' ' ? 3 : 0;
		if (k < n && s[k] == ' ')
			k++;
	}
	return 0;
}

/*
 * Whether line i opens as a unit of its own (unit_head) in the same way as line prev does after
 * the mark at its head: the lines of a chat log, a transcript or a watch log, each a message
 * marked on its own ("(S) [10:41] jsmith: ..." / "[10:42] mjones: ..."). Joined with the line
 * above, an unmarked one took that line's mark (round 130); opened so, it is unmarked text of
 * its own, which can only go up, to the document's marking.
 */
static bool
sibling_unit(const struct reader *rd, size_t prev, size_t i, const struct fold *f, size_t at)
{
	const struct document *d = rd->d;
	const struct doc_line *ln = doc_line(d, prev);
	const struct doc_portion *pt;
	struct fold g;
	size_t k;
	int kind = unit_head(f, at);

	/* A memo's header field under a title ("FROM: ...") is no speaker's turn. */
	if (kind == 0 || (kind == 3 && header_field(d, i)) || ln->portion == DOC_NONE ||
	    ln->portion < d->portion_base)
		return false;
	pt = doc_portion(d, ln->portion);
	/* The line above opened its portion with a mark at its head. */
	if (!pt->marked || pt->first != prev)
		return false;
	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &g);
	for (k = 0; k < g.len && g.text[k] == ' '; k++)
		continue;
	if (k >= g.len || !opening(g.text[k]))
		return false;
	while (k < g.len && !closing(g.text[k]))
		k++;
	for (k++; k < g.len && g.text[k] == ' '; k++)
		continue;
	return k < g.len && unit_head(&g, k) == kind;
}

/* Whether m is what the weaker reading of a denial gives, and nothing more. */
static bool
weak_denial(const struct marking *m)
{
	return marking_denies(m) && !m->denied_public && m->level == 0 && m->controls == 0 &&
	    m->fd == FD_NONE && !m->unknown;
}

/*
 * Line i as an item with no mark of its own in a list whose items have marks: taken with the
 * paragraph the list is in and the items since (REASON_LIST), or raised by a mark in it. Returns
 * 0, or -1 (out of memory).
 */
static int
start_list_item(struct reader *rd, size_t i, size_t label_end)
{
	struct document *d = rd->d;
	size_t para = rd->para;
	struct marking raised;
	unsigned char unread;
	bool found;

	/* Every mark in it counts, in brackets or written as words ("- Met. SECRET The"). */
	found = line_marks(rd->p, d, i, 0, &raised, &unread);
	rd->unread = unread;
	if (start(rd, i, found ? &raised : rd->pending ? &rd->raise : NULL,
	    found ? REASON_MIDLINE : REASON_LIST, label_end, REL_JOINED) != 0)
		return -1;
	doc_portion(d, rd->cur)->reason = doc_portion(d, rd->cur)->marked &&
	    doc_portion(d, rd->cur)->reason == REASON_MIDLINE ? REASON_MIDLINE : REASON_LIST;
	doc_portion(d, rd->cur)->with = para;
	/* Who may read, said in an item ("-- do not share with AUS."), is its paragraph's too. */
	if (found && marking_denies(&raised)) {
		doc_portion(d, rd->cur)->raises_back = true;
		if (raised.denied_public || raised.denied_document)
			marking_join(rd->p, &d->denied, &raised, &d->denied);
	}
	rd->bulleted = true;
	rd->para = para;
	return 0;
}

/*
 * Whether the text line right above line i ends in a level's word and slashes or a bar, glued or
 * apart, and line i begins with a control after them, in any case ("... was secret /" /
 * "noforn and", "secret//" / "nf."): a mark that the line's end cut. *m is unknown.
 */
static bool
slash_wrapped(const struct policy *p, const struct document *d, size_t i, struct marking *m)
{
	const struct doc_line *up;
	struct fold fu, f;
	size_t e, k, a2, b2, after, j;
	bool sep = true;

	/* Past classification, banner, caption and page lines between, which only raise. */
	for (j = i; j > 0 && i - j < 8 && (class_line(p, d, j - 1) ||
	    doc_line(d, j - 1)->kind == LINE_BANNER || doc_line(d, j - 1)->kind == LINE_CAPTION ||
	    doc_line(d, j - 1)->kind == LINE_PAGE); j--)
		continue;
	if (j == 0 || (up = doc_line(d, j - 1))->kind != LINE_TEXT)
		return false;
	/* Most lines end in no slash or bar, nor in a byte the fold may make one. */
	for (e = up->len; e > 0 && (d->data[up->off + e - 1] == ' ' ||
	    d->data[up->off + e - 1] == '\t'); e--)
		continue;
	if (e == 0 || (d->data[up->off + e - 1] != '/' && d->data[up->off + e - 1] != '|' &&
	    (unsigned char)d->data[up->off + e - 1] < 0x80 && d->data[up->off + e - 1] != ';'))
		return false;
	e = up->len > 64 ? up->len - 64 : 0;
	fold_line(d->data + up->off + e, up->len - e, FOLD_MAX, up->latin1, &fu);
	for (e = fu.len; e > 0 && fu.text[e - 1] == ' '; e--)
		continue;
	if (e == 0 || (fu.text[e - 1] != '/' && fu.text[e - 1] != '|'))
		return false;
	for (k = e; k > 0 && (fu.text[k - 1] == '/' || fu.text[k - 1] == '|'); k--)
		continue;
	for (e = k; e > 0 && fu.text[e - 1] == ' '; e--)
		continue;
	for (k = e; k > 0 && fu.text[k - 1] != ' '; k--)
		continue;
	if (e - k < 4 || word_kind(p, fu.text + k, e - k) != WORD_LEVEL)
		return false;
	fold_line(d->data + doc_line(d, i)->off, doc_line(d, i)->len, READ_MAX,
	    doc_line(d, i)->latin1, &f);
	for (k = 0; k < f.len && f.text[k] == ' '; k++)
		continue;
	switch (control_at(p, &f, k, &a2, &b2, &after, &sep)) {
	case WORD_NOFORN:
	case WORD_OTHER:
		break;
	case WORD_CONTROL:
	case WORD_DISTRIBUTION:
		if (!reading_capitals(f.text + a2, b2 - a2) && !small_control(p, f.text + a2, b2 - a2))
			return false;
		break;
	default:
		return false;
	}
	marking_unknown(m, "a mark that the line's end cut");
	return true;
}

/*
 * Whether the last word of line u and the first word of line i, a space between, are a level's
 * name of two words ("... was marked TOP" / "SECRET ¦ NOFORN by"): the sentence goes on across
 * the break, whatever case the word above is in.
 */
static bool
name_across(const struct policy *p, const struct document *d, size_t u, size_t i)
{
	const struct doc_line *up = doc_line(d, u), *ln = doc_line(d, i);
	const char *a = d->data + up->off, *b = d->data + ln->off;
	size_t ue, ua, ib = 0, ie;

	for (ue = up->len; ue > 0 && (a[ue - 1] == ' ' || a[ue - 1] == '\t'); ue--)
		continue;
	for (ua = ue; ua > 0 && isalpha((unsigned char)a[ua - 1]); ua--)
		continue;
	while (ib < ln->len && (b[ib] == ' ' || b[ib] == '\t'))
		ib++;
	for (ie = ib; ie < ln->len && isalpha((unsigned char)b[ie]); ie++)
		continue;
	return ua < ue && ie > ib && (ua == 0 || !isalnum((unsigned char)a[ua - 1])) &&
	    two_word_level(p, a + ua, ue - ua, b + ib, ie - ib) >= 0;
}

/*
 * Whether the text line right above line i, past classification, banner, caption and page lines
 * (which only raise) but no blank line, ends where a sentence goes on: in a word in lower case or
 * a comma (goes_on_at_end).
 */
static bool
left_open_above(const struct policy *p, const struct document *d, size_t i)
{
	size_t j;

	for (j = i; j > 0 && i - j < 8; j--) {
		const struct doc_line *up = doc_line(d, j - 1);

		if (up->kind == LINE_TEXT && !class_line(p, d, j - 1) && !up->page_like)
			return goes_on_at_end(d, j - 1, false) || name_across(p, d, j - 1, i);
		if (up->kind != LINE_BANNER && up->kind != LINE_CAPTION && up->kind != LINE_PAGE &&
		    up->kind != LINE_TEXT)
			return false;
	}
	return false;
}

/*
 * Whether line i goes on the sentence that the text line right above it left open (it ends in a
 * word in lower case or a comma: goes_on_at_end) and a mark in words stands in that sentence's
 * part of line i, past a group at its head ("... the walrus file was" / "secret / noforn and
 * would", "Secret Noforn and"): the mark is the sentence's, whose beginning is above, as a mark
 * in mid-sentence on one line is. Groups in brackets there are mark_in_sentence's (a list's
 * "(C)" after "(B)" is an item). A mark after the sentence's end on line i marks what follows
 * it.
 */
static bool
mark_in_wrapped_sentence(const struct policy *p, const struct document *d, size_t i,
    const struct fold *f, const struct head *h)
{
	const struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct marking m;
	size_t from = 0, q;

	if (!left_open_above(p, d, i))
		return false;
	if (h->group.kind != GROUP_NONE && h->group.start == h->after_label)
		from = fold_source(f, h->group.end);
	/*
	 * A mark in brackets or slashes where the line's words begin, past quotation marks and
	 * emphasis, opens a portion ("(U//FOUO) For ... contact at" / "\"(U//FOUO) SIDtoday"):
	 * runs_through reads it where a sentence runs through it.
	 */
	while (from < ln->len && strchr(" \t\"'*_-", s[from]) != NULL)
		from++;
	for (q = from; q < ln->len && s[q] != ' ' && s[q] != '\t'; q++)
		if (s[q] == '(' || s[q] == '[' || s[q] == '/') {
			while (q < ln->len && s[q] != ' ' && s[q] != '\t')
				q++;
			from = q;
			break;
		}
	/*
	 * The sentence's or clause's end, closing quotation marks after it or not ("never.\" S"),
	 * or a dash ("the warden -- (S//NF) The").
	 */
	for (q = from; q < ln->len; q++) {
		size_t r = q + 1;

		if ((s[q] == '-' && r < ln->len && (s[r] == '-' || (s[r] == ' ' && q > 0 &&
		    s[q - 1] == ' '))) || ((unsigned char)s[q] == 0xE2 && r + 1 < ln->len &&
		    (unsigned char)s[r] == 0x80 && ((unsigned char)s[r + 1] == 0x93 ||
		    (unsigned char)s[r + 1] == 0x94)))
			break;
		if (strchr(".!?;:", s[q]) == NULL)
			continue;
		while (r < ln->len && strchr("\"')]", s[r]) != NULL)
			r++;
		if (r == ln->len || s[r] == ' ' || s[r] == '\t' || (unsigned char)s[r] >= 0x80)
			break;
	}
	return q > from && sentence_marks(p, s, q, from, ln->latin1, false, &m, NULL);
}

/*
 * Whether text line i, going on with the current portion, goes on across a blank line or a page
 * break (parted) after a portion that began while a sentence was left open (note_open), and the
 * open sentence's marking would raise it: the current portion is marked (unmarked text takes the
 * document's marking, which every mark raises), and not unknown (never released), nor a list its
 * colon opened, whose items go on in it.
 */
static bool
open_raise(const struct reader *rd, size_t i)
{
	const struct doc_portion *pt;
	struct marking both;
	size_t prev;

	if (!rd->open_set || rd->cur == DOC_NONE || rd->cur < rd->d->portion_base ||
	    rd->block == rd->cur || !parted(rd, i, &prev))
		return false;
	pt = doc_portion(rd->d, rd->cur);
	if (pt->mark == NULL || pt->mark->unknown)
		return false;
	if (rd->open_unmarked)
		return true;
	marking_join(rd->p, pt->mark, &rd->open_mark, &both);
	return !marking_identical(&both, pt->mark);
}

/*
 * Whether the symbol at f's head is a bullet: not the '>' of a reply quoted so ("> (U) Steps:" /
 * ">" / "> The"), but one after it ("> - The"); not emphasis glued to a word ("**Walrus**
 * remains", "*Walrus*", "~~old~~", "_Note_"), which a bullet is parted from by a space.
 */
static bool
bullet_symbol(const struct fold *f)
{
	size_t k = 0;
	bool quoted = false;

	for (;;) {
		while (k < f->len && f->text[k] == ' ')
			k++;
		if (k == f->len || f->text[k] != '>')
			break;
		quoted = true;
		k++;
	}
	if (k < f->len && strchr("*_~", f->text[k]) != NULL) {
		size_t e = k;

		while (e < f->len && f->text[e] == f->text[k])
			e++;
		if (e < f->len && f->text[e] != ' ')
			return false;
	}
	return !quoted || fold_symbol_at(f, k);
}

static int
read_text(struct reader *rd, size_t i, const struct fold *f, const struct head *h)
{
	struct document *d = rd->d;
	const char *s = d->data + doc_line(d, i)->off;
	struct marking raised;
	size_t len = doc_line(d, i)->len;
	/*
	 * A table's row or a heading ("| Site |", "# Collection") is the page's own: never an item
	 * of a list that a paragraph's colon opened, which would take that paragraph's mark. Nor
	 * is a reply quoted with '>': its '>' is no bullet ("> (U) Steps:" / ">" / "> The").
	 */
	bool item = !table_or_heading(f->text, f->len) && (h->label == LABEL_BULLET ||
	    (h->label == LABEL_NONE && ((h->symbol && bullet_symbol(f)) ||
	    (h->group.kind == GROUP_ITEM &&
	    h->group.start == h->after_label &&
	    (h->group.item == ITEM_LOWER || h->group.item == ITEM_UPPER)))));
	/*
	 * "2. The", wherever it stands; not "3. of the year", a sentence that wrapped after a
	 * number, nor "1.4(D)", an exemption written in a margin.
	 */
	bool numbered = (h->label == LABEL_NUMBER && (h->at_head || (h->label_end < len &&
	    (s[h->label_end] == ' ' || s[h->label_end] == '\t') &&
	    !(h->after_label < f->len && islower((unsigned char)f->text[h->after_label]))))) ||
	    (h->label == LABEL_BARE && h->at_head) ||
	    (h->label == LABEL_NONE && h->at_head && h->group.kind == GROUP_ITEM &&
	    h->group.start == h->after_label &&
	    (h->group.item == ITEM_NUMBER || h->group.item == ITEM_ROMAN));
	bool fresh, list = false, found, glyph = false;
	unsigned char unread;
	size_t label_end = numbered || item ? h->label_end : 0;

	/*
	 * "/s/", a signed original's mark (bare_head): the signature block it opens is unmarked
	 * text of its own, never the paragraph above going on.
	 */
	if (signed_mark(f)) {
		if (start(rd, i, NULL, REASON_UNMARKED, 0, REL_OWN) != 0)
			return -1;
		doc_line(d, i)->portion = rd->cur;
		return 1;
	}
	/*
	 * A level letter in brackets alone, in any case ("**(s)**", "{c}"): a portion of its own,
	 * a line of marks alone that only raises (read_line), not words of the sentence above.
	 */
	if (letter_alone(rd->p, d, i, &raised)) {
		if (start(rd, i, &raised, REASON_ITEM, 0, raising(rd)) != 0)
			return -1;
		doc_line(d, i)->portion = rd->cur;
		return 1;
	}

	/*
	 * "-- S/NF The walrus", "S: The walrus": a mark with no brackets where a line's text
	 * begins. What it proves is unknown: the line is withheld wherever it stands, and the
	 * paragraph above with it where a sentence runs through it in lower case.
	 */
	if ((h->group.kind == GROUP_NONE && bare_head(rd->p, f, h->after_label)) ||
	    (h->group.kind == GROUP_ITEM && h->group.start == h->after_label &&
	    h->second.kind == GROUP_NONE && bare_head(rd->p, f, h->group.end))) {
		struct marking unknown;

		marking_unknown(&unknown, "a mark with no brackets");
		rd->header = false;
		if (start(rd, i, &unknown, REASON_UNREADABLE, h->label_end, REL_OWN) != 0)
			return -1;
		doc_line(d, i)->portion = rd->cur;
		/*
		 * A sentence may run through it ("... the ministry" / "S/NF with the police",
		 * "... the file was" / "secret / noforn and").
		 */
		if (runs_through(rd, i, false) || (h->after_label < f->len &&
		    islower((unsigned char)f->text[h->after_label]) &&
		    left_open_above(rd->p, d, i)))
			doc_portion(d, rd->cur)->raises_back = true;
		return 1;
	}
	/*
	 * A paragraph numbered with digits ("1. The", "2. U) The", "3 The") is the body, marked or
	 * not: it ends the header, as a mark at a line's head does. A SUBJECT line after it is
	 * text, where its mark only raises; were the header to go on, damage to the paragraph's
	 * mark would read a later line as a subject with a mark of its own.
	 */
	if (numbered && digit_label(s, len))
		rd->header = false;
	fresh = text_fresh(rd, i, f, h, item, numbered, &list);
	if (list) {
		if (start_list_item(rd, i, label_end) != 0)
			return -1;
	} else if ((found = line_marks(rd->p, d, i, !fresh && h->label == LABEL_NONE &&
	    h->group.start == h->after_label && reading_in_sentence(f, &h->group, true) ?
	    fold_source(f, h->group.end) : 0, &raised, &unread)) || unread) {
		struct marking lm;

		if (!found)
			marking_init(&raised);
		/* A letter label that may be a mark counts too, with what stands after it. */
		if (letter_raise(rd, f, h, &lm))
			marking_join(rd->p, &raised, &lm, &raised);
		/*
		 * Who may read, said in words in a line its paragraph goes on in (a caveat, a
		 * release denied), is the paragraph's, as in mid-line of its first line ("...
		 * from May. US/GBR EYES ONLY.", "Please do not share with AUS." at its end): the
		 * line goes on in its portion, which it raises back to the paragraph's head. A
		 * mark with a level marks what follows it ("... Council: (S//NF) The").
		 */
		/*
		 * Readers an order denies anywhere, or a paragraph of its own, are denied every
		 * classified portion (document.denied).
		 */
		if (marking_denies(&raised) && (fresh || raised.denied_public ||
		    raised.denied_document))
			marking_join(rd->p, &d->denied, &raised, &d->denied);
		if (!fresh && !unread && rd->cur != DOC_NONE && marking_denies(&raised)) {
			rd->header = false;
			/* Unmarked text takes the document's marking, which takes the denial. */
			if (doc_portion(d, rd->cur)->mark == NULL) {
				marking_join(rd->p, &d->denied, &raised, &d->denied);
				return 0;
			}
			return raise_back(rd, &raised);
		}
		/*
		 * A weaker reading of a denial alone (reading_readers_doubt) in a paragraph of its
		 * own is the document's, and the paragraph unmarked text as it was ("Oman is not
		 * interested" as a heading).
		 */
		if (fresh && !unread && weak_denial(&raised))
			return start(rd, i, NULL, REASON_UNMARKED, label_end, REL_OWN);
		rd->unread = unread;
		if (start(rd, i, &raised, REASON_MIDLINE, 0, fresh ? REL_DOCUMENT : REL_JOINED) != 0)
			return -1;
		/*
		 * One at the line's head that a sentence runs through ("ministry" / "(SNF)
		 * with"); not a list's label before a mark ("B) reporting and (C) audits").
		 */
		if (!label_first(d, i) && (runs_through(rd, i, false) ||
		    mark_in_wrapped_sentence(rd->p, d, i, f, h)))
			doc_portion(d, rd->cur)->raises_back = true;
		/*
		 * A mark anywhere in a line of text ends the header too, as one at its head does:
		 * were it to go on, a mark added in mid-line would keep a later SUBJECT line a
		 * subject with a mark of its own, and release it (a fuzz find).
		 */
		rd->header = false;
	} else if (letter_raise(rd, f, h, &raised) || (glyph = ocr_open(f, h->after_label) > 0 &&
	    head_mark(rd->p, f, h->after_label, &raised)) ||
	    sign_closed(rd->p, f, h->after_label, &raised)) {
		/*
		 * "S) The walrus": a letter label that is a level letter may be "(S)" that lost its
		 * '(': the text is raised to that level, a numbered paragraph's from the
		 * document's marking. So may one whose '(' or ')' OCR read as another glyph ("|S)
		 * The", "lTS) The", "(S' The"), unknown.
		 */
		if (glyph)
			raised.unknown = true;
		if (start(rd, i, &raised, REASON_ITEM, label_end, fresh ? REL_DOCUMENT : REL_JOINED) != 0)
			return -1;
		/*
		 * And its paragraph back, where a sentence runs through it ("ministry." / "S)
		 * with"); not the end of an aside the line above opened ("(part two, and
		 * appendix" / "C) with": open_above).
		 */
		if (runs_through(rd, i, true) && !letter_is_text(rd, i, f))
			doc_portion(d, rd->cur)->raises_back = true;
		rd->header = false;
	} else if (fresh) {
		if (start(rd, i, NULL, REASON_UNMARKED, label_end, REL_OWN) != 0)
			return -1;
	} else if (open_raise(rd, i)) {
		/*
		 * Text that goes on across a blank line or a page break after a portion that cut
		 * a sentence left open (a footnote, a caption: "... and that" / "(U) 1 See Reftel
		 * A" / "the courier would"): it may end that sentence, and takes its marking too;
		 * unmarked text of its own where that portion was unmarked.
		 */
		if (rd->open_unmarked) {
			if (start(rd, i, NULL, REASON_UNMARKED, 0, REL_OWN) != 0)
				return -1;
		} else {
			/* A copy: start() notes the open sentences anew before it reads mark. */
			struct marking m = rd->open_mark;

			if (start(rd, i, &m, REASON_OPEN, 0, REL_JOINED) != 0)
				return -1;
		}
	} else if (rd->pending) {
		struct marking m = rd->raise;

		if (start(rd, i, &m, rd->pending_reason, 0, REL_JOINED) != 0)
			return -1;
	}
	return 0;
}

/* Notes line i, once read, in what a look back from a later line finds (struct reader). */
static void
note_solid(struct reader *rd, size_t i)
{
	const struct document *d = rd->d;
	const struct doc_line *ln = doc_line(d, i);
	bool crossing = ln->kind == LINE_PAGE || ln->kind == LINE_BANNER ||
	    ln->kind == LINE_CAPTION;

	if (crossing || ln->page_like)
		rd->crossing = i;
	if (page_break(d, i))
		rd->page = i;
	if (crossing || ln->kind == LINE_BLANK || class_line(rd->p, d, i))
		return;
	rd->solid = i;
	rd->solid_is_text = ln->kind == LINE_TEXT;
	rd->solid_breaks = breaking_end(d, i);
	if (ln->page_like)
		return;
	rd->solid_text = i;
	rd->solid_text_is_text = ln->kind == LINE_TEXT;
}

/* Where footnote_byte is in the bytes after a mark: the digits of the run and in all. */
struct footnote_scan {
	size_t run, digits;
};

/*
 * Whether byte s[*k] of s[0..n), after a mark, may be a footnote's: no letter, no figure (a run
 * of more than two digits or more than four in all, "$", "%", "|", "="); a tag in angle brackets
 * ("<sup>") is read past, *k left at its '>'. `high_letters`: what the fold makes of other
 * scripts (bytes from 0xC0) counts as a letter too. A NUL is no footnote's either.
 */
static bool
footnote_byte(const char *s, size_t n, size_t *k, bool high_letters, struct footnote_scan *fs)
{
	unsigned char c = (unsigned char)s[*k];
	const char *gt;

	if (c == '<' && (gt = memchr(s + *k, '>', n - *k)) != NULL) {
		*k = (size_t)(gt - s);
		return true;
	}
	if (isalpha(c) || (high_letters && c >= 0xC0) || c == '\0' || strchr("$%|=", c) != NULL)
		return false;	/* a word, or a figure ("(U) 2,450", "(U) 45%") */
	if (!isdigit(c)) {
		fs->run = 0;
		return true;
	}
	return ++fs->run <= 2 && ++fs->digits <= 4;
}

/*
 * Whether s[0..n) holds nothing but the mark at s[at..at + len): no letter or digit before it
 * but a markup's tags, and after it only what a footnote may hold (footnote_byte).
 */
static bool
mark_alone_in(const char *s, size_t n, size_t at, size_t len)
{
	struct footnote_scan fs = { 0, 0 };
	size_t k, tag;

	for (k = 0; k < n; k++) {
		if (k == at)
			k += len - 1;
		else if (k < at && (tag = reading_markup_at(s, at, k)) > 0)
			k += tag - 1;	/* a markup's tags before it ("<b>(S//NF)</b>") */
		else if (k < at ? isalnum((unsigned char)s[k]) || (unsigned char)s[k] >= 0x80 :
		    !footnote_byte(s, n, &k, false, &fs))
			return false;
	}
	return true;
}

/*
 * The end of the word at k of f that lost its '(' and is read as a mark ("U)", "S//NF)"), one
 * short word with no space in it; or k.
 */
static size_t
lost_open_end(const struct policy *p, const struct fold *f, size_t k)
{
	struct group g;

	return k < f->len && reading_lost_open(p, f, k, &g) && g.end > k && g.end - k <= 16 &&
	    memchr(f->text + k, ' ', g.end - k) == NULL ? g.end : k;
}

/*
 * Whether line i, which opens a portion with a mark at its head, holds no word but its marks:
 * no letter or digit before the first group a mark may be, and no letter after it outside such
 * groups and tags in angle brackets. What stood beside a line of marks alone, damaged ("(S)
 * ]]]]", "(U) --"), or a footnote after it in any form ("(S//NF)[1,2]", "(S/NF) 1/",
 * "(S//NF)<sup>1</sup>", "[S]¹", "(S//NF) (i)", a dagger in any code page). "(C/Q1) x" is text.
 */
static bool
no_word_but_mark(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	const struct doc_portion *pt = doc_portion(d, ln->portion);
	struct footnote_scan fs = { 0, 0 };
	struct fold f;
	struct group lost;
	size_t k, e, n, at = pt->mark_at, len = pt->mark_len;
	bool group = false;

	/* The head mark as the reader found it ("{c}"), and every group a mark may be. */
	if (len > 0 && at + len <= ln->len && mark_alone_in(d->data + ln->off, ln->len, at, len))
		return true;
	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	/* A mark at its head, one that lost its '(' or not, and no word after it ("(S//NF) n.1"). */
	for (k = 0; k < f.len && f.text[k] == ' '; k++)
		continue;
	if (k < f.len && (mark_group_end(p, &f, k) != k || lost_open_end(p, &f, k) != k) &&
	    note_only(p, &f, k, NOTE_ALONE))
		return true;
	/*
	 * Or one that never closes, over a marking's words only, and nothing after it but marks
	 * and notes ("(S//REL TO USA, GBR", "(S//NF (s//nf)[1]").
	 */
	if (k < f.len && reading_group_at(p, &f, k, &lost) && !lost.closed &&
	    lost.kind == GROUP_UNKNOWN && (lost.has_level ||
	    double_slash(f.text + k, lost.end - k))) {
		for (k++; k < f.len; k = e) {
			if (k >= lost.end && (e = mark_group_end(p, &f, k)) != k)
				continue;
			for (e = k; e < f.len && isalnum((unsigned char)f.text[e]); e++)
				continue;
			if (e == k)
				e++;
			else if (marking_word(p, f.text + k, e - k) <= 0)
				return false;
		}
		return true;
	}
	/* What may follow a mark at the end ("(S)[a]", "S) (S)^b"): trim_note. */
	n = trim_note(f.text, f.len, false);
	for (k = 0; k < n; k++) {
		if ((e = mark_group_end(p, &f, k)) != k) {
			k = e - 1;
			group = true;
		} else if (!group && isalpha((unsigned char)f.text[k]) &&
		    (e = lost_open_end(p, &f, k)) != k) {
			/* One word that lost its '(' ("S) (S)[a]"). */
			k = e - 1;
			group = true;
		} else if (!group ? isalnum((unsigned char)f.text[k]) ||
		    (unsigned char)f.text[k] >= 0x80 : !footnote_byte(f.text, n, &k, true, &fs)) {
			return false;	/* "1.5(c)": a footnote follows its mark */
		}
	}
	return group;
}

/*
 * Where the marks at k of f and the spaces after them end, the first one that lost its '(' or
 * not ("S//NF) (cont'd)"); *last is where the last of them ends (k where none stands).
 */
static size_t
past_marks(const struct policy *p, const struct fold *f, size_t k, size_t *last)
{
	size_t e;

	*last = k;
	if (k < f->len && mark_group_end(p, f, k) == k && (e = lost_open_end(p, f, k)) != k)
		for (*last = k = e; k < f->len && f->text[k] == ' '; k++)
			continue;
	while (k < f->len && (e = mark_group_end(p, f, k)) != k)
		for (*last = k = e; k < f->len && f->text[k] == ' '; k++)
			continue;
	return k;
}

/*
 * Whether f[k..), what follows the marks at k ("(S//NF) Note 1"), holds no prose, as a note
 * after a mark writes it: no word of three letters or more but a marking's, glued marks
 * ("SIINF"), tags, entities and figures ("I/", "n.1", "123"); or two at most, in capitals, in
 * brackets, glued to the mark, after a caret or beside a number ("END TEXT", "(emphasis
 * added)", "[Source: DAO]", "(S//NF)<sup>note</sup>", "^(1)", "Note 1", "fn1"); after a mark
 * that ends a line of text (NOTE_AFTER), two at most in any case that end a sentence ("End
 * comment.", "Ibid."; not "Fighters: (S//NF) The October", which goes on). On the line under a
 * paragraph (NOTE_UNDER), not a heading nor a sentence ("(U) Financial Support", "(S)
 * Agreed.") with text under it; on a paragraph's last line (NOTE_LAST), under it or after its
 * last sentence, two words in any case, what ends a paragraph reading as much as a note as a
 * heading, but a heading a colon ends ("(U//FOUO) Notes:"); past a break (NOTE_BREAK), where a
 * heading in capitals may stand ("(S) BACKGROUND"), only a number, a bracket or words of four
 * letters at most ("FN1", "(cont'd)", "EOM", "END TEXT"). For a line of marks alone
 * (NOTE_ALONE), no word: every
 * word of two letters or digits counts, a marking's too, and a letter alone, but figures glued
 * to the mark and a letter before a sign ("(S//NF)123", "(S) a/", "(S//NF) n.1"; not "(U) USA,
 * GBR", "(U) 45%", "(S) to be" nor "(C) x").
 */
static bool
note_only(const struct policy *p, const struct fold *f, size_t k, enum note_kind kind)
{
	size_t e, w, words = 0, glued, most = kind == NOTE_ALONE ? 0 : 2;
	bool lower, cased = false, digit = false, bracket, strict = kind == NOTE_ALONE, longer = false;

	k = past_marks(p, f, k, &w);
	glued = k == w && k > 0 && strchr(")]}", f->text[k - 1]) != NULL ? k : f->len;
	bracket = k < f->len && (glued == k || strchr("([{<^", f->text[k]) != NULL);
	for (; k < f->len; k++) {
		if ((e = mark_group_end(p, f, k)) != k) {
			k = e - 1;
			continue;
		}
		if ((f->text[k] == '<' || f->text[k] == '&') &&
		    (e = tag_end(f->text, f->len, k)) != k) {
			k = e - 1;
			continue;
		}
		for (w = k, lower = false; w < f->len && (isalnum((unsigned char)f->text[w]) ||
		    (unsigned char)f->text[w] >= 0xC0); w++)
			lower = lower || islower((unsigned char)f->text[w]);
		if (w == k)
			continue;
		for (e = k; e < w && !isalpha((unsigned char)f->text[e]); e++)
			continue;
		if ((strict ? (w - k >= 2 || (e < w && (w == f->len || f->text[w] == ' '))) &&
		    (e < w || k != glued) :
		    e < w && w - k >= 3 && marking_word(p, f->text + k, w - k) <= 0) &&
		    !level_glued(p, f->text + k, w - k)) {
			if (++words > most)
				return false;
			cased = cased || lower;
			longer = longer || w - k > 4;
		}
		for (; k < w; k++)
			digit = digit || isdigit((unsigned char)f->text[k]);
		k = w - 1;
	}
	/* After a mark that ends a line of text, a sentence of two words ("End comment."). */
	for (w = f->len; w > 0 && strchr(" )]}\"'", f->text[w - 1]) != NULL; w--)
		continue;
	if (kind == NOTE_BREAK)
		return digit || bracket || (!cased && !longer);
	/* Not a heading that a colon ends: it opens what follows ("(U//FOUO) Notes:"). */
	if (kind == NOTE_LAST)
		return w == 0 || f->text[w - 1] != ':';
	return !cased || digit || bracket || (kind == NOTE_AFTER && w > 0 &&
	    strchr(".!?", f->text[w - 1]) != NULL);
}

/*
 * Whether f, from the note's first word at `from`, reads as a note that closes text, not as a
 * heading nor a sentence: one word with a sign inside it or around it, in any case ("Cont'd",
 * "-more-"), words in capitals that end in a full stop ("END COMMENT.", "END QUOTE."), or words
 * that the first of a note's words leads, in any case, with a sign or none ("ENDNOTE", "REFTEL",
 * "CONTINUED", "Source: DAO", "Ref A", "End Comment.", "Ibid."). "(S) A plan.", "bravo." and
 * "(S) BACKGROUND" read as sentences or headings of their own.
 */
static bool
closes(const struct fold *f, size_t from)
{
	static const char *const lead[] = { "END", "ENDNOTE", "ENDNOTES", "REF", "REFS", "REFTEL",
	    "REFTELS", "SEE", "SOURCE", "SOURCES", "IBID", "CONTINUED", "CONT", "CONTD", "NOTE",
	    "NOTES", "FN", "FOOTNOTE", "EOM", "EOT", "MORE", "DRAFTED", "CLEARED", "APPROVED",
	    "ENDQUOTE", "UNQUOTE", "ENDTEXT" };
	char up[12];
	size_t n = f->len, k, b, w;
	bool lower = false;

	while (n > 0 && f->text[n - 1] == ' ')
		n--;
	for (b = from; b < n && f->text[b] == ' '; b++)
		continue;
	if (b == n)
		return false;
	if (memchr(f->text + b, ' ', n - b) == NULL)
		for (k = b; k < n; k++)
			if (!isalnum((unsigned char)f->text[k]) && !(k + 1 == n && f->text[k] == '.'))
				return true;
	/* The first word, its letters in capitals, a sign after it aside ("Source:", "Ibid."). */
	for (k = b, w = 0; k < n && isalpha((unsigned char)f->text[k]) && w + 1 < sizeof(up); k++)
		up[w++] = (char)toupper((unsigned char)f->text[k]);
	if ((k == n || !isalpha((unsigned char)f->text[k])) &&
	    in_words(lead, sizeof(lead) / sizeof(lead[0]), up, w))
		return true;
	for (k = b; k < n; k++)
		lower = lower || islower((unsigned char)f->text[k]);
	return !lower && f->text[n - 1] == '.';
}

/*
 * How many words f holds after the marks at k (*marked: whether any stood there), counting
 * every word with a letter or a digit, however short, but the words of a mark that never closes
 * ("(TS//SI//NF FN1": one; "(S) -- more --": one), and where the first of them begins (*first).
 * Returns *marked.
 */
static bool
note_tokens(const struct policy *p, const struct fold *f, size_t k, bool *marked,
    size_t *words, size_t *first)
{
	size_t e, last;

	*words = 0;
	*first = f->len;
	e = past_marks(p, f, k, &last);
	*marked = e > k;
	for (; e < f->len; e++) {
		size_t w, c;

		if (f->text[e] == ' ' || (e > 0 && f->text[e - 1] != ' '))
			continue;
		for (w = e; w < f->len && f->text[w] != ' '; w++)
			continue;
		for (c = e; c < w && strchr("([{", f->text[c]) != NULL; c++)
			continue;
		if (*words == 0 && (double_slash(f->text + c, w - c) ||
		    marking_word(p, f->text + c, w - c) > 0)) {
			*marked = true;
			continue;
		}
		if (*words == 0)
			*first = e;
		/* Signs alone are no word ("-- more --": one). */
		for (; c < w && !isalnum((unsigned char)f->text[c]); c++)
			continue;
		*words += c < w;
	}
	return *marked;
}

/*
 * Line i opens a portion with a mark at its head right under a line of text, and holds no word
 * of prose after it, only a note (note_only: "(S//NF) [FN1]", "(S/NF) l/",
 * "(S//NF)<sup>a</sup>", "&sup1;", "(S//REL TO USA, GBR", "(U) SIINF", "(S//NF) Note 1"); on
 * its paragraph's last line, two words in any case ("(S//NF) Ref A", NOTE_LAST), or three that
 * a closing word leads ("(S//NF) See Ref A"; closes). Past a break (blank lines, rules, form
 * feeds and banner lines between) a note is a number, a bracket or words of four letters at
 * most ("(S//NF) FN1", "(S//NF) EOM", NOTE_BREAK), or up to three words that end their
 * paragraph and read as a closing note ("(S//NF) Ref A", "(S//NF) ENDNOTE", "(S) End
 * Comment.", "(S) End of comment."), not a heading ("(S) BACKGROUND") or a sentence ("(S) A
 * plan."). After a bullet ("-- (S//NF) FN1") only a closing note counts: a list's item is its
 * own portion. Such a line may be the paragraph's mark after it, with a footnote or damaged,
 * as much as a portion of its own: the portion above it is raised by the line's marking as
 * read, and raises its paragraph back to a blank line, as a mark at a paragraph's end does; no
 * reading of marks both ways is turned on. A classification line is the text's under it, a
 * mark in mid-line only raises its own line (where none stands at its head), and a numbered
 * paragraph ("¶3. (SBU) XXXXXXXXXXXX") is one of its own; after a label, a level letter that
 * lost its '(' or what may be a mark is one ("U) SIINF"). Returns 0, or -1 with rd->err.
 */
static int
short_under_text(struct reader *rd, size_t i)
{
	struct document *d = rd->d;
	const struct doc_portion *pt = doc_portion(d, rd->cur);
	struct doc_portion *above;
	struct marking m;
	struct fold f;
	size_t k, bp, words, first;
	bool broke, last, marked, tokens, bullet = pt->label_end > 0 &&
	    pt->reason == REASON_MARK;

	if (pt->first != i || pt->mark == NULL || (pt->reason != REASON_MARK &&
	    pt->reason != REASON_UNREADABLE && pt->reason != REASON_ITEM &&
	    pt->reason != REASON_MIDLINE) ||
	    rd->last_text == DOC_NONE || rd->last_text < d->line_base ||
	    (bp = doc_line(d, rd->last_text)->portion) == rd->cur || bp == DOC_NONE ||
	    bp < d->portion_base)
		return 0;
	/*
	 * Past a break: blank lines, rules, form feeds, banner, caption and page lines between
	 * (what is inserted there can only raise).
	 */
	if ((broke = rd->last_blank != DOC_NONE && rd->last_blank > rd->last_text))
		for (k = rd->last_text + 1; k < i; k++)
			if (doc_line(d, k)->kind != LINE_BLANK && doc_line(d, k)->kind != LINE_BANNER &&
			    doc_line(d, k)->kind != LINE_CAPTION && doc_line(d, k)->kind != LINE_PAGE)
				return 0;
	fold_line(d->data + doc_line(d, i)->off, doc_line(d, i)->len, FOLD_MAX,
	    doc_line(d, i)->latin1, &f);
	/*
	 * Marks found in mid-line count only where one stands at its head ("(TS//SI) (U) (S)"),
	 * emphasis before it aside ("**(TS//SI//NF)** Ref A").
	 */
	for (k = 0; k < f.len && f.text[k] == ' '; k++)
		continue;
	while (pt->reason == REASON_MIDLINE && k < f.len && (f.text[k] == '*' || f.text[k] == '_'))
		k++;
	if (pt->reason == REASON_MIDLINE && mark_group_end(rd->p, &f, k) == k)
		return 0;
	/*
	 * After a bullet ("-- (S//NF) FN1", "* (S//NF) Ref A", "**(S//NF)** Ref A"), only a note
	 * that closes text (closes): a list's item under a paragraph is its own portion ("- (S)
	 * Budget"), and a numbered paragraph one of its own.
	 */
	if (bullet) {
		while (k < f.len && f.text[k] != '\0' && strchr(" -*#>", f.text[k]) != NULL)
			k++;
		if (k == 0 || mark_group_end(rd->p, &f, k) == k)
			return 0;
	}
	/*
	 * Past a break, a note of one word or two after the marks, however short ("(S) It is so."
	 * is none), or three that a closing word leads ("(S) End of comment."): a line of marks
	 * alone there is read both ways elsewhere (no_word_but_mark). On a paragraph's last line,
	 * after a mark at the head, damaged or not, two at most ("(S) The secret part." is a
	 * sentence of its own), or three that a closing word leads ("(S) See Ref A"), in any case.
	 */
	tokens = note_tokens(rd->p, &f, k, &marked, &words, &first);
	if (broke && (!tokens || words == 0 || !short_note(&f, words, first)))
		return 0;
	last = tokens && short_note(&f, words, first) && paragraph_last(rd->p, d, i, false) &&
	    !spaced_cells(d->data + doc_line(d, i)->off, doc_line(d, i)->len);
	if (broke ? !note_only(rd->p, &f, k, NOTE_BREAK) && !(last &&
	    note_only(rd->p, &f, k, NOTE_LAST) && closes(&f, first)) :
	    !note_only(rd->p, &f, k, NOTE_UNDER) && !(last && note_only(rd->p, &f, k, NOTE_LAST)))
		return 0;
	if (bullet && !(tokens && words > 0 && closes(&f, first)))
		return 0;
	/* A note's plain (U) raises nothing, and spreads nothing back ("(U) End."). */
	marking_init(&m);
	if (marking_equal(rd->p, pt->mark, &m))
		return 0;
	above = doc_portion(d, bp);
	if (above->mark != NULL)
		marking_join(rd->p, above->mark, pt->mark, &m);
	else
		m = *pt->mark;
	if ((above->mark = intern(d, &m)) == NULL) {
		intern_failed(d, rd->err, rd->errlen);
		return -1;
	}
	above->raises_back = true;
	return 0;
}

/*
 * Whether line i begins, after spaces and the marks in brackets at its head ("(S//NF)reserve
 * account"), with a letter in lower case.
 */
static bool
starts_lower(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	struct fold f;
	size_t k = 0, e;

	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	for (;;) {
		while (k < f.len && f.text[k] == ' ')
			k++;
		if (k >= f.len || (e = mark_group_end(p, &f, k)) == k)
			break;
		k = e;
	}
	return k < f.len && islower((unsigned char)f.text[k]);
}

/*
 * Whether the last '(' of line i opens a group that never closes and holds a word after a space
 * (two letters in a row: "(U) (5NF The walrus", not "(S//NF [1]").
 */
static bool
open_group_words(const struct document *d, size_t i)
{
	const char *s = d->data + doc_line(d, i)->off;
	size_t n = trim_end(s, doc_line(d, i)->len, doc_line(d, i)->latin1), k, open = n;
	bool spaced = false;

	for (k = 0; k < n; k++)
		if (s[k] == '(')
			open = k;
		else if (s[k] == ')')
			open = n;
	for (k = open; k < n; k++) {
		spaced = spaced || s[k] == ' ' || s[k] == '\t';
		if (spaced && k + 1 < n && isalpha((unsigned char)s[k]) &&
		    isalpha((unsigned char)s[k + 1]))
			return true;
	}
	return false;
}

/*
 * The words of line i: runs of bytes parted by spaces and tabs, a group in brackets that reads
 * as a mark, an item or what may be a damaged mark not counted (line_width), so that a mark
 * inserted into a line makes it no more text than it was.
 */
static size_t
line_word_count(const struct policy *p, const struct document *d, size_t i)
{
	const struct doc_line *ln = doc_line(d, i);
	struct fold f;
	size_t k, e, words = 0;
	bool in_word = false;

	fold_line(d->data + ln->off, ln->len, FOLD_MAX, ln->latin1, &f);
	for (k = 0; k < f.len; k++) {
		if ((e = mark_group_end(p, &f, k)) != k) {
			k = e - 1;
			in_word = false;
			continue;
		}
		if (f.text[k] == ' ' || f.text[k] == '\t') {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words;
}

/*
 * Whether line i, which opens a portion with a mark, at its head or in mid-line, or with what
 * may be a damaged one, and no label before it (a numbered paragraph is one), holds no word of
 * prose but a marking's, or nothing but marks ("(S//NF" that lost its bracket). A
 * classification line is no line of marks alone: it marks the text after it.
 */
static bool
marks_only(const struct reader *rd, size_t i)
{
	const struct doc_portion *pt = doc_portion(rd->d, rd->cur);
	bool prose, marking;

	if ((pt->reason != REASON_MARK && pt->reason != REASON_MIDLINE &&
	    pt->reason != REASON_UNREADABLE) || pt->mark == NULL || pt->label_end > 0)
		return false;
	/*
	 * A bracket that never closes may swallow a sentence ("(U) (5NF The walrus"): only a
	 * group of one word that lost its bracket ("(S//NF") is one mark alone.
	 */
	if (open_group_words(rd->d, i))
		return false;
	line_words(rd->p, rd->d, i, &prose, &marking);
	return !prose && (marking || line_width(rd->p, rd->d, i) == 0);
}

/*
 * Text line i, not a line of marks alone, read after the last one: counted in rd->alone_prose,
 * up to two, where it holds prose (no_text_between). One short line that ends no sentence, or
 * holds two words at most ("Page 3", a date, a name, a caption, a heading, a label,
 * "(Continued)") counts one; any other two. Blank, page, banner and classification lines count
 * none, however many stand there.
 */
static void
note_between(struct reader *rd, size_t i)
{
	const struct document *d = rd->d;
	const struct doc_line *ln = doc_line(d, i);

	if (rd->alone_line == DOC_NONE || rd->alone_prose >= 2 || !line_prose(rd->p, d, i))
		return;
	if (rd->alone_prose == 0 && line_width(rd->p, d, i) < WRAPPED_LETTERS &&
	    (!ends_sentence(rd->p, d->data + ln->off, ln->len, ln->latin1) ||
	    line_word_count(rd->p, d, i) <= 2))
		rd->alone_prose = 1;
	else
		rd->alone_prose = 2;
}

/*
 * Whether what stands between the last line of marks alone and the next may be no text: no
 * prose but one short line (note_between).
 */
static bool
no_text_between(const struct reader *rd)
{
	return rd->alone_line != DOC_NONE && rd->alone_prose < 2 &&
	    rd->alone_portion >= rd->d->portion_base;
}

/*
 * Lines of marks alone `before` and `pt`, one under the other, with a line between that may be
 * no text: a stack. The first is joined with what follows (a paragraph above it is raised past
 * it, to the next), and what comes under the second is under both marks. Returns 0, or -1 with
 * rd->err.
 */
static int
stack_over(struct reader *rd, struct doc_portion *before, struct doc_portion *pt)
{
	struct marking m;

	before->joined = true;
	if (before->mark == NULL || pt->mark == NULL)
		return 0;
	marking_join(rd->p, pt->mark, before->mark, &m);
	if ((pt->mark = intern(rd->d, &m)) == NULL) {
		intern_failed(rd->d, rd->err, rd->errlen);
		return -1;
	}
	return 0;
}

/*
 * Line i, a line of marks alone, opens the current portion. After a line of text with no blank
 * line between, it raises the portion above it; right under another line of marks alone that
 * is all of its portion, it stands after the same text as that one.
 */
static int
marks_alone(struct reader *rd, size_t i)
{
	struct document *d = rd->d;
	struct doc_portion *pt = doc_portion(d, rd->cur), *before;
	size_t bp;

	pt->marks_alone = true;
	/* Whether it is inside a sentence is known at the next text line (read_line). */
	rd->alone_at = rd->cur;
	/* One before any text counts once text comes under it (a bracketed caption has none). */
	if (rd->last_text == DOC_NONE)
		rd->top_portion = rd->cur;
	else
		d->has_alone = true;
	if (no_text_between(rd) && stack_over(rd, doc_portion(d, rd->alone_portion), pt) != 0)
		return -1;
	rd->alone_line = i;
	rd->alone_portion = rd->cur;
	rd->alone_prose = 0;
	if (rd->last_text == DOC_NONE || (rd->last_blank != DOC_NONE &&
	    rd->last_blank > rd->last_text))
		return 0;
	pt->raises_prev = true;
	if (i > 0 && doc_line(d, i - 1)->kind == LINE_TEXT &&
	    (bp = doc_line(d, i - 1)->portion) != DOC_NONE && bp != rd->cur) {
		before = doc_portion(d, bp);
		pt->stacked = before->marks_alone && before->first == i - 1 &&
		    before->last_text == i - 1;
	}
	return 0;
}

/*
 * Reads line i: the rules, in order; the first that reads the line has it. Returns 0, or -1 with
 * rd->err.
 */
static int
read_line(struct reader *rd, size_t i)
{
	const struct policy *p = rd->p;
	struct document *d = rd->d;
	struct doc_line *ln = doc_line(d, i);
	const char *s = d->data + ln->off;
	struct fold f;
	struct head h;
	struct doc_portion *pt;
	struct marking mid;
	enum line_end e, ft = END_OPEN;
	size_t tl = 0, up;
	bool weak = false, placeholder, split, back;
	int r;

	if (is_blank(s, ln->len, ln->latin1) || (ln->rule = is_rule(s, ln->len))) {
		ln->kind = LINE_BLANK;
		rd->last_blank = i;
		rd->in_table = false;
		ln->portion = rd->cur;
		if (rd->cur != DOC_NONE) {
			doc_portion(d, rd->cur)->last = i;
			/* A subject is one paragraph: what follows it is not under its mark. */
			if (doc_portion(d, rd->cur)->subject)
				rd->cur = DOC_NONE;
		}
		note_solid(rd, i);
		return 0;
	}
	/* A subject goes on only on the lines right after it (subject_goes_on). */
	if (rd->cur != DOC_NONE && doc_portion(d, rd->cur)->subject && !subject_goes_on(rd, i))
		rd->cur = DOC_NONE;
	if (i < rd->routing_end)
		r = read_routing(rd, i);
	else
		r = read_structure(rd, i);
	/*
	 * A line a subject that ends open wraps to, read as a structure line ("SUBJECT: ... -
	 * PARA 3 IS" / "         SECRET"): what the two say of a part is read too.
	 */
	if (r > 0 && i > 0 && rd->level_open == i - 1 && rd->cur == DOC_NONE &&
	    doc_line(d, i - 1)->portion != DOC_NONE &&
	    doc_portion(d, doc_line(d, i - 1)->portion)->subject) {
		rd->cur = doc_line(d, i - 1)->portion;
		fold_line(s, ln->len, READ_MAX, ln->latin1, &f);
		r = read_level_stated(rd, i, &f) < 0 ? -1 : r;
		rd->cur = DOC_NONE;
		if (r < 0)
			return -1;
	}
	if (r == 0) {
		fold_line(s, ln->len, READ_MAX, ln->latin1, &f);
		if ((r = read_caption(rd, i, &f)) == 0 && (r = read_subject(rd, i)) == 0) {
			ln->kind = LINE_TEXT;
			if ((r = read_head(rd, i, &f, &h)) == 0 &&
			    (r = read_class(rd, i, &f, &h)) == 0)
				r = read_text(rd, i, &f, &h);
			ln->portion = rd->cur;
			if (r >= 0 && ln->kind == LINE_TEXT) {
				read_stated(rd, i, &f);
				if ((r = read_level_stated(rd, i, &f)) == 0)
					r = ahead_open(rd, i);
			}
		} else if (r > 0 && rd->cur != DOC_NONE && doc_portion(d, rd->cur)->subject &&
		    doc_portion(d, rd->cur)->first <= i) {
			/*
			 * A subject may say a part's level ("SUBJECT: CORRECTED COPY - PARA 3 IS
			 * SECRET"), on the lines it wraps to too: read as any line's words.
			 */
			r = read_level_stated(rd, i, &f) < 0 ? -1 : r;
		}
	}
	if (r < 0)
		return -1;
	if (ln->kind == LINE_TEXT) {
		ln->crossed = caps_word_line(s, ln->len) || page_number_line(d, i);
		if (rd->cur != DOC_NONE && rd->cur == rd->top_portion)
			d->has_alone = true;
		doc_portion(d, rd->cur)->last = i;
		doc_portion(d, rd->cur)->last_text = i;
		if (note_text(rd, i) != 0)
			return -1;
		/*
		 * tearline's own placeholder counts for nothing: its exemption ("(b)(1)") is no
		 * item of a list, the label it kept is; nor is it a line of marks alone
		 * ("(PUBLIC) [WITHHELD s.24]").
		 */
		pt = doc_portion(d, rd->cur);
		placeholder = pt->first == i && placeholder_line(rd->p, s + pt->label_end,
		    ln->len - pt->label_end);
		note_items(rd, s, placeholder ? pt->label_end : ln->len);
		/*
		 * However the line was read, a mark at its end raises back. A line of marks alone
		 * after a line of text with no blank line between ("... funded next year." / "(S)",
		 * or with a banner or caption line between) raises the portion above it: where
		 * marks stand after their paragraphs, it marks that text, as well as what follows it
		 * where they stand before.
		 */
		pt = doc_portion(d, rd->cur);
		/*
		 * A line of marks alone that got no text, a line of no prose right under it that
		 * is another portion's ("(U)" / "SECRET NOFORN" / "(S//NF)", "(U)" / "(S//NF)
		 * SECRET", "(S//NF)" / "- (U)"): what stands between a paragraph and its text,
		 * read together. Joined, it only raises, the raise runs on to the next one, and
		 * its mark is that one's too.
		 */
		if (rd->alone_at != DOC_NONE && rd->cur != rd->alone_at && !line_prose(p, d, i)) {
			if (pt->first != i)
				doc_portion(d, rd->alone_at)->joined = true;
			else if (stack_over(rd, doc_portion(d, rd->alone_at), pt) != 0)
				return -1;
		}
		if (rd->alone_at != DOC_NONE && !(pt->reason == REASON_CLASS && pt->first == i)) {
			/*
			 * A line of marks alone inside a sentence ("... from the" / "Figure 1:
			 * The depot" / "(U)" / "reserve account, and", a classification line
			 * between or not): joined with what it interrupts, it can only raise.
			 */
			if (starts_lower(p, d, i))
				doc_portion(d, rd->alone_at)->joined = true;
			rd->alone_at = DOC_NONE;
		}
		/*
		 * A mark in mid-sentence may stand after the text before it, as one at a
		 * paragraph's end does ("The walrus ..." / "... ministry (S//NF) with access"),
		 * whatever stands at the line's head: it raises its paragraph back to a blank
		 * line. Where a sentence begins it is read as the text's after it.
		 */
		if (mark_in_sentence(p, d, i, seen_in_paragraph(rd), &mid) &&
		    raise_back(rd, &mid) != 0)
			return -1;
		if (slash_wrapped(p, d, i, &mid) && raise_back(rd, &mid) != 0)
			return -1;
		/*
		 * A mark across the break, or a word of one that a hyphen broke: the sentence's
		 * above too where it goes into it ("cleared by the ministry SE-" / "CRET with"),
		 * what follows where one ended before it ("The minister spoke. SE-" / "CRET The").
		 */
		if (wrapped_mark(p, d, i, &mid, &back, &up) && ((back ? raise_back(rd, &mid) :
		    raise_portion(rd, &mid)) != 0 || (back && raise_across(rd, up) != 0)))
			return -1;
		if (broken_term(p, d, i, &back, &up)) {
			marking_unknown(&mid, "a mark broken across lines");
			if ((back ? raise_back(rd, &mid) : raise_portion(rd, &mid)) != 0 ||
			    (back && raise_across(rd, up) != 0))
				return -1;
		}
		if (level_in_prose(p, d, i, &mid, &split)) {
			if (raise_back(rd, &mid) != 0)
				return -1;
			if (split && split_back(rd, i) != 0)
				return -1;
		} else if (mark_on_last(p, d, i, &mid) && raise_back(rd, &mid) != 0)
			return -1;
		if (open_to_paragraph_end(d, i) || led_at_end(p, d, i)) {
			marking_unknown(&mid, "a damaged mark at a paragraph's end");
			if (raise_back(rd, &mid) != 0)
				return -1;
		}
		if (ends_in_mark(p, d, i)) {
			/*
			 * A mark at the line's end raises back to a blank line; the line may be a
			 * note under the paragraph above as well ("**(S//NF)** END (S)COMMENT").
			 */
			doc_portion(d, rd->cur)->raises_back = true;
			if (!placeholder && short_under_text(rd, i) != 0)
				return -1;
			note_between(rd, i);
		} else if (doc_portion(d, rd->cur)->first == i && !placeholder &&
		    ((e = line_end(p, s, ln->len, ln->latin1)) == END_MARKS ||
		    (ft = line_end(p, s, (tl = trim_footnote(s, ln->len, ln->latin1)),
		    ln->latin1)) == END_MARKS ||
		    ((e == END_UNKNOWN || ft == END_UNKNOWN) && width_to(p, d, i, tl) == 0) ||
		    (weak = marks_only(rd, i) || (doc_portion(d, rd->cur)->mark != NULL &&
		    (lost_open_alone(d, i) || (doc_portion(d, rd->cur)->reason == REASON_ITEM &&
		    width_to(p, d, i, tl) == 0) || no_word_but_mark(p, d, i)))))) {
			/*
			 * Proven marks, or what may be damaged ones ("(AS)", "(S//"); or marks
			 * and a marking's words ("(S//NF) SECRET NOFORN"), one that lost its
			 * bracket ("U)"), a level letter that may be a list's item ("(u)",
			 * "(c)"), or a mark with no letter or digit beside it ("(S) ]]]]"),
			 * which only raise: the raise of a line after them runs on past them, as
			 * they may be no paragraph's own mark.
			 */
			if (marks_alone(rd, i) != 0)
				return -1;
			if (weak)
				doc_portion(d, rd->cur)->joined = true;
		} else {
			if (!placeholder && short_under_text(rd, i) != 0)
				return -1;
			note_between(rd, i);
		}
	}
	/* A caption that ends a mark the line above cut ("... was secret/" / "noforn."). */
	if (ln->kind == LINE_CAPTION && rd->cur != DOC_NONE && (slash_wrapped(p, d, i, &mid) ||
	    wrapped_mark(p, d, i, &mid, &back, &up)) && raise_back(rd, &mid) != 0)
		return -1;
	/*
	 * A banner in the body that a sentence runs into and on from ("... was marked" /
	 * "SECRET//NOFORN and asked", "... marked TOP" / "SECRET//NOFORN and"): prose in lower
	 * case after it, the line above left open. It marks the sentence above too, the portion
	 * that line is in.
	 */
	if (ln->kind == LINE_BANNER && rd->cur != DOC_NONE && has_lower(s, ln->len) &&
	    left_open_above(p, d, i) && raise_portion(rd, d->banners[ln->aux]) != 0)
		return -1;
	if (ln->kind == LINE_BANNER && d->first_banner == DOC_NONE)
		d->first_banner = i;
	if (ln->kind == LINE_BANNER || (ln->kind == LINE_TEXT && rd->cur != DOC_NONE &&
	    doc_portion(d, rd->cur)->reason == REASON_CLASS && doc_portion(d, rd->cur)->first == i)) {
		rd->break_line = i;
		rd->break_blank = rd->last_blank;
	}
	if (ln->kind != LINE_ROUTING && ln->kind != LINE_ROUTING_CLASS)
		rd->top = rd->top && ln->kind != LINE_TEXT;
	rd->prev_kind = ln->kind;
	if (ln->kind == LINE_TEXT)
		rd->last_text = i;
	note_solid(rd, i);
	return 0;
}

/*
 * Lets go of the portions before the first one that a line of the window, the current portion
 * or the last few portions name, keeping their facts. Returns 0, or -1 (out of memory).
 */
static int
evict_portions(struct reader *rd, size_t i)
{
	struct document *d = rd->d;
	struct doc_miss *m = d->miss;
	size_t keep = d->nportions > PORTION_RECENT ? d->nportions - PORTION_RECENT : 0, k;

	/*
	 * The list a colon opened (rd->block) and the paragraph a list is in (rd->para) are
	 * named by number only: their records may go. So may the portions of lines further back
	 * than a rule may read (LINE_BACK), though the lines' records stay until the line window
	 * moves.
	 */
	if (rd->cur < keep)
		keep = rd->cur;
	for (k = i - d->line_base > m->line_back ? i - m->line_back : d->line_base;
	    k < i && keep > d->portion_base; k++) {
		size_t q = d->lines[k - d->line_base].portion;

		if (q < keep)
			keep = q;
	}
	if (keep <= d->portion_base)
		keep = d->portion_base;
	for (k = d->portion_base; m->pass == PASS_STREAM && k < keep; k++)
		if (keep_facts(d, k) != 0) {
			snprintf(rd->err, rd->errlen, "out of memory");
			return -1;
		}
	memmove(d->portions, d->portions + (keep - d->portion_base),
	    (d->nportions - keep) * sizeof(*d->portions));
	d->portion_base = keep;
	m->evict_at = 2 * (d->nportions - keep) > m->portion_window ?
	    2 * (d->nportions - keep) : m->portion_window;
	return 0;
}

/*
 * Moves a streamed read's window to line i: lines split up to LINE_AHEAD after it, lines let go
 * from LINE_BACK before it, portions let go that nothing names. Returns 0 or -1.
 */
static int
window_at(struct reader *rd, size_t i)
{
	struct document *d = rd->d;
	struct doc_miss *m = d->miss;
	size_t want = d->nlines - i > m->line_ahead ? i + m->line_ahead + 1 : d->nlines;

	while (d->line_top < want) {
		if (d->line_top - d->line_base == m->line_window) {
			size_t keep = i - m->line_back;

			memmove(d->lines, d->lines + (keep - d->line_base),
			    (d->line_top - keep) * sizeof(*d->lines));
			d->line_base = keep;
		}
		if (!split_next(d, &m->sp, &d->lines[d->line_top - d->line_base])) {
			snprintf(rd->err, rd->errlen, "the document changed while it was read");
			return -1;
		}
		d->line_top++;
	}
	if (d->nportions - d->portion_base >= m->evict_at)
		return evict_portions(rd, i);
	return 0;
}

/* What a pass of the reader ended with. */
enum pass_end {
	PASS_DONE,
	PASS_FAILED,	/* rd->err says why */
	PASS_OVER,	/* PASS_WHOLE: the records passed the budget */
	PASS_MISSED	/* PASS_STREAM: a rule read outside the window */
};

/* Reads every line of the document in the pass d->miss->pass is. */
static enum pass_end
read_lines(struct reader *rd)
{
	struct document *d = rd->d;
	struct doc_miss *m = d->miss;
	size_t i;

	for (i = 0; i < d->nlines; i++) {
		if (m->pass != PASS_WHOLE && window_at(rd, i) != 0)
			return PASS_FAILED;
		if (read_line(rd, i) != 0) {
			if (d->marks_over) {
				char msg[POLICY_ERRLEN];

				intern_failed(d, msg, sizeof(msg));
				snprintf(rd->err, rd->errlen, "%s:%zu: %s", rd->origin, i + 1, msg);
			}
			return m->over ? PASS_OVER : PASS_FAILED;
		}
		if (m->missed) {
			m->missed_at = i;
			return PASS_MISSED;
		}
		if (m->pass == PASS_WHOLE && m->budget != 0 && doc_line(d, i)->kind != LINE_TEXT &&
		    doc_line(d, i)->kind != LINE_BLANK) {
			m->nstructure++;
			if (records_over(d, 0, rd->err, rd->errlen))
				return PASS_OVER;
		}
		if (m->pass == PASS_WHOLE && m->budget != 0 && (i & 4095) == 4095 &&
		    records_bound_over(d, i + 1, rd->err, rd->errlen))
			return PASS_OVER;
		if (i < TOP_LINES && m->pass != PASS_WHOLE)
			m->top[m->ntop++] = *doc_line(d, i);
		if (i == rd->banner_line && m->pass != PASS_WHOLE) {
			m->banner = *doc_line(d, i);
			m->banner_line = i;
		}
		if (m->pass == PASS_REPLAY && m->fn(m->ctx, d, i, rd->err, rd->errlen) != 0)
			return PASS_FAILED;
	}
	return PASS_DONE;
}

static void
reader_init(struct reader *rd, const struct policy *p, struct policy_matcher *md,
    struct document *d, const char *origin, char *err, size_t errlen)
{
	memset(rd, 0, sizeof(*rd));
	rd->p = p;
	rd->d = d;
	rd->origin = origin;
	rd->err = err;
	rd->errlen = errlen;
	rd->cur = rd->block = rd->para = rd->banner_line = rd->text_end = DOC_NONE;
	rd->last_blank = rd->tail_text = rd->last_text = rd->alone_at = DOC_NONE;
	rd->break_line = rd->break_blank = DOC_NONE;
	rd->top_portion = rd->alone_line = rd->alone_portion = DOC_NONE;
	rd->solid = rd->solid_text = rd->crossing = rd->page = rd->mub_from = DOC_NONE;
	rd->ahead_from = rd->level_may = rd->level_said = rd->level_open = DOC_NONE;
	rd->header = rd->top = true;
	rd->prev_kind = LINE_BLANK;
	rd->md = md;
}

/* Sets what the reader finds out as it goes to what it is before the first line. */
static void
reading_reset(struct document *d)
{
	d->has_banner = false;
	d->has_alone = false;
	marking_init(&d->banner);
	d->nbanners = d->ncaptions = 0;
	d->captions = d->caption_lines = 0;
	d->has_named_rel = false;
	marking_init(&d->named_rel);
	d->has_class = false;
	marking_init(&d->classes);
	d->has_routing = false;
	marking_init(&d->routing);
	d->first_banner = DOC_NONE;
	d->nportions = d->portion_base = 0;
	d->line_base = d->line_top = 0;
}

/*
 * Reads every line with rd, the routing block first, in the pass d->miss names; rd's matcher is
 * made when it has none (the caller frees one it did not give). Returns the pass's end.
 */
static enum pass_end
read_all(struct reader *rd)
{
	struct document *d = rd->d;
	enum pass_end end;

	if (rd->md == NULL && (rd->md = policy_matcher_new(rd->p)) == NULL) {
		snprintf(rd->err, rd->errlen, "out of memory");
		return PASS_FAILED;
	}
	if (routing_block(rd->p, d, rd->md, rd->origin, &rd->routing_end, rd->err,
	    rd->errlen) != 0)
		return PASS_FAILED;
	security_lines(rd->p, d);
	if ((end = read_lines(rd)) != PASS_DONE)
		return end;
	/* A paragraph a statement named by number that the document does not have where it
	 * looked ("PARA 3 IS SECRET." where no paragraph is numbered so). */
	if (rd->paras_named & ~rd->paras_found)
		said_everywhere(rd->p, d, &rd->named_mark);
	return PASS_DONE;
}

/*
 * One reading of the document in the given pass: PASS_WHOLE within `budget` bytes of records (0:
 * any), or PASS_STREAM. Settles every portion's marking.
 */
static enum pass_end
read_document(const struct policy *p, struct policy_matcher *matcher, const char *data,
    size_t len, const char *origin, enum pass pass, size_t budget, size_t portion_cost,
    struct document *d, char *err, size_t errlen)
{
	struct reader rd;
	enum pass_end end = PASS_FAILED;
	size_t k;

	memset(d, 0, sizeof(*d));
	if (sodium_init() < 0) {
		snprintf(err, errlen, "cannot initialise libsodium");
		return PASS_FAILED;
	}
	crypto_shorthash_keygen(d->intern_key);
	d->marks_max = DOC_MARKS_MIN + len / DOC_MARKS_PER;
	d->data = data;
	d->len = len;
	d->utf8 = true;
	/* A byte order mark is not part of the first line: patterns anchor at its start. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		d->bom = 3;
	marking_init(&d->docmark);
	marking_init(&d->denied);
	reading_reset(d);
	if ((d->miss = calloc(1, sizeof(*d->miss))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return PASS_FAILED;
	}
	d->miss->pass = pass;
	d->miss->budget = pass == PASS_WHOLE ? budget : 0;
	d->miss->nstructure = 0;
	d->miss->portion_cost = portion_cost;
	d->miss->banner_line = DOC_NONE;
	reader_init(&rd, p, matcher, d, origin, err, errlen);
	if ((pass == PASS_WHOLE ? split_lines(d, err, errlen) : window_open(d, err, errlen)) != 0)
		goto done;
	if (d->miss->over) {
		end = PASS_OVER;
		goto done;
	}
	if ((end = read_all(&rd)) != PASS_DONE)
		goto done;
	end = PASS_FAILED;
	for (k = d->facts.n; k < d->nportions; k++)
		if (keep_facts(d, k) != 0)
			break;
	if (k < d->nportions || settle_markings(p, d) != 0) {
		char msg[POLICY_ERRLEN];

		intern_failed(d, msg, sizeof(msg));
		snprintf(err, errlen, "%s: %s", origin, msg);
		goto done;
	}
	for (k = d->portion_base; k < d->nportions; k++) {
		struct doc_portion *pt = doc_portion(d, k);

		pt->eff = fact_eff(d, k, &pt->eff_known);
	}
	d->streamed = pass == PASS_STREAM;
	d->read_as = d->streamed ? READ_STREAMED : READ_WHOLE;
	end = PASS_DONE;
done:
	if (rd.md != matcher)
		policy_matcher_free(rd.md);
	if (end == PASS_MISSED && pass == PASS_WHOLE) {
		snprintf(err, errlen, "%s: line %zu: a rule read line %zu, which is no line of the "
		    "document (a defect: please report it)", origin, d->miss->missed_at + 1,
		    d->miss->missed_line + 1);
		end = PASS_FAILED;
	}
	if (end != PASS_DONE)
		document_free(d);
	return end;
}

int
document_parse(const struct policy *p, const char *data, size_t len, const char *origin,
    struct document *d, char *err, size_t errlen)
{
	return document_parse_with(p, NULL, data, len, origin, d, err, errlen);
}

int
document_parse_with(const struct policy *p, struct policy_matcher *matcher, const char *data,
    size_t len, const char *origin, struct document *d, char *err, size_t errlen)
{
	return read_document(p, matcher, data, len, origin, PASS_WHOLE, 0, 0, d, err, errlen) ==
	    PASS_DONE ? 0 : -1;
}

/* The line feeds in data[0..len): no fewer lines than that. */
static size_t
line_feeds(const char *data, size_t len)
{
	const char *at = data, *end = data + len;
	size_t n = 0;

	while (at < end && (at = memchr(at, '\n', (size_t)(end - at))) != NULL) {
		n++;
		at++;
	}
	return n;
}

int
document_read(const struct policy *p, struct policy_matcher *matcher, const char *data,
    size_t len, const char *origin, size_t budget, size_t portion_cost, struct document *d,
    char *err, size_t errlen)
{
	enum pass_end end = PASS_OVER;

	/* Whole, unless its lines alone would pass the budget. */
	if (budget == 0 || line_feeds(data, len) <= budget / sizeof(struct doc_line))
		end = read_document(p, matcher, data, len, origin, PASS_WHOLE, budget,
		    portion_cost, d, err, errlen);
	if (end == PASS_OVER)
		end = read_document(p, matcher, data, len, origin, PASS_STREAM, 0, 0, d, err,
		    errlen);
	/* A rule looked outside the window: read the document whole, whatever it takes. */
	if (end == PASS_MISSED) {
		end = read_document(p, matcher, data, len, origin, PASS_WHOLE, 0, 0, d, err,
		    errlen);
		d->read_as = READ_WHOLE_MISSED;
	}
	return end == PASS_DONE ? 0 : -1;
}

int
document_replay(const struct policy *p, struct policy_matcher *matcher, struct document *d,
    const char *origin, doc_line_fn fn, void *ctx, char *err, size_t errlen)
{
	struct doc_miss *m = d->miss;
	struct reader rd;
	enum pass_end end = PASS_FAILED;

	if (!d->streamed) {
		snprintf(err, errlen, "only a streamed document is replayed");
		return -1;
	}
	m->pass = PASS_REPLAY;
	m->fn = fn;
	m->ctx = ctx;
	m->nportions = d->nportions;
	m->nbanners = d->nbanners;
	m->ncaptions = d->ncaptions;
	m->ntop = 0;
	m->banner_line = DOC_NONE;
	m->evict_at = m->portion_window;
	split_init(d, &m->sp);
	reading_reset(d);
	free(d->portions);
	d->portions = NULL;
	reader_init(&rd, p, matcher, d, origin, err, errlen);
	if ((end = read_all(&rd)) != PASS_DONE)
		goto done;
	end = PASS_FAILED;
	if (d->nportions != m->nportions || d->nbanners != m->nbanners ||
	    d->ncaptions != m->ncaptions) {
		snprintf(err, errlen, "%s: the second reading differs from the first (a defect: "
		    "please report it)", origin);
		goto done;
	}
	end = PASS_DONE;
done:
	if (end == PASS_MISSED)
		snprintf(err, errlen, "%s: line %zu: the second reading looked outside its window "
		    "(a defect: please report it)", origin, m->missed_at + 1);
	if (rd.md != matcher)
		policy_matcher_free(rd.md);
	return end == PASS_DONE ? 0 : -1;
}

void
document_free(struct document *d)
{
	size_t i;

	if (d == NULL)
		return;
	free(d->lines);
	free(d->portions);
	free(d->banners);
	facts_free(&d->caption_lo);
	facts_free(&d->caption_hi);
	facts_free(&d->caption_at);
	facts_free(&d->facts);
	free(d->withs);
	free(d->opened);
	free(d->marks);
	free(d->miss);
	for (i = 0; i < d->interned_cap; i++)
		free(d->interned[i]);
	free(d->interned);
	d->interned = NULL;
	d->ninterned = d->interned_cap = 0;
	memset(d, 0, sizeof(*d));
}
