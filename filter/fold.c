/* SPDX-License-Identifier: ISC */
/*
 * fold: compatibility forms for the reading rules.
 */
#include "fold.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

size_t
fold_reference(const char *s, size_t n, bool breaks, int32_t *cp)
{
	static const struct { const char *name; int32_t cp; } named[] = { { "&lt;", '<' },
	    { "&gt;", '>' }, { "&amp;", '&' }, { "&quot;", '"' }, { "&apos;", '\'' },
	    { "&lpar;", '(' }, { "&rpar;", ')' }, { "&sol;", '/' }, { "&nbsp;", 0xA0 },
	    { "&copy;", 0xA9 }, { "&reg;", 0xAE }, { "&newline;", '\n' },
	    /* What shows as nothing or as a space, which a fold drops or reads as one. */
	    { "&shy;", 0xAD }, { "&zwnj;", 0x200C }, { "&zwj;", 0x200D },
	    { "&ZeroWidthSpace;", 0x200B }, { "&NoBreak;", 0x2060 }, { "&ensp;", 0x2002 },
	    { "&emsp;", 0x2003 }, { "&thinsp;", 0x2009 }, { "&NonBreakingSpace;", 0xA0 },
	    /* Brackets and signs a mark is written with. */
	    { "&lsqb;", '[' }, { "&rsqb;", ']' }, { "&lbrack;", '[' }, { "&rbrack;", ']' },
	    { "&lcub;", '{' }, { "&rcub;", '}' }, { "&verbar;", '|' }, { "&vert;", '|' },
	    { "&comma;", ',' }, { "&period;", '.' }, { "&colon;", ':' }, { "&semi;", ';' },
	    { "&hyphen;", 0x2010 }, { "&dash;", 0x2010 }, { "&ndash;", 0x2013 },
	    { "&mdash;", 0x2014 }, { "&frasl;", 0x2044 },
	    /* Marks of direction, invisible operators and the rest of the spaces. */
	    { "&lrm;", 0x200E }, { "&rlm;", 0x200F }, { "&InvisibleTimes;", 0x2062 },
	    { "&it;", 0x2062 }, { "&InvisibleComma;", 0x2063 }, { "&ic;", 0x2063 },
	    { "&ApplyFunction;", 0x2061 }, { "&af;", 0x2061 },
	    { "&NegativeVeryThinSpace;", 0x200B }, { "&NegativeThinSpace;", 0x200B },
	    { "&NegativeMediumSpace;", 0x200B }, { "&NegativeThickSpace;", 0x200B },
	    { "&hairsp;", 0x200A }, { "&VeryThinSpace;", 0x200A }, { "&ThinSpace;", 0x2009 },
	    { "&MediumSpace;", 0x205F }, { "&numsp;", 0x2007 }, { "&puncsp;", 0x2008 },
	    { "&emsp13;", 0x2004 }, { "&emsp14;", 0x2005 },
	    /* Quotation marks and signs as word processors export them. */
	    { "&rsquo;", 0x2019 }, { "&lsquo;", 0x2018 }, { "&rdquo;", 0x201D },
	    { "&ldquo;", 0x201C }, { "&sbquo;", 0x201A }, { "&bdquo;", 0x201E },
	    { "&lbrace;", '{' }, { "&rbrace;", '}' }, { "&dollar;", '$' }, { "&mid;", '|' },
	    { "&hellip;", 0x2026 }, { "&bull;", 0x2022 }, { "&middot;", 0xB7 },
	    { "&ast;", '*' }, { "&num;", '#' }, { "&percnt;", '%' }, { "&excl;", '!' },
	    { "&quest;", '?' }, { "&plus;", '+' }, { "&equals;", '=' }, { "&lowbar;", '_' },
	    { "&bsol;", '\\' }, { "&laquo;", 0xAB }, { "&raquo;", 0xBB },
	    /* A footnote's number. */
	    { "&sup1;", 0xB9 }, { "&sup2;", 0xB2 }, { "&sup3;", 0xB3 } };
	size_t i, k;
	int32_t c = 0;
	bool hex;

	if (n < 4 || s[0] != '&')
		return 0;
	if (s[1] != '#') {
		for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
			if (strlen(named[i].name) <= n &&
			    strncasecmp(s, named[i].name, strlen(named[i].name)) == 0) {
				c = named[i].cp;
				k = strlen(named[i].name) - 1;
				break;
			}
		if (i == sizeof(named) / sizeof(named[0]))
			return 0;
	} else {
		hex = s[2] == 'x' || s[2] == 'X';
		for (k = hex ? 3 : 2; k < n && k < 12 && (hex ? isxdigit((unsigned char)s[k]) :
		    isdigit((unsigned char)s[k])); k++)
			c = c * (hex ? 16 : 10) + (isdigit((unsigned char)s[k]) ? s[k] - '0' :
			    tolower((unsigned char)s[k]) - 'a' + 10);
		if (k == (hex ? 3u : 2u) || k >= n || s[k] != ';' || c > 0x10FFFF ||
		    (c >= 0xD800 && c <= 0xDFFF))
			return 0;
	}
	/* White space that breaks a line, for a reader of breaks alone. */
	if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85 ||
	    c == 0x2028 || c == 0x2029) {
		if (!breaks)
			return 0;
	} else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
		return 0;
	}
	*cp = c;
	return k + 1;
}

/*
 * Whether the sign at s[i..i + len) ("\u00a9", "\u00ae"), what a word processor makes of "(C)"
 * and "(R)" as they are typed, stands where a mark does: at the line's head or after a
 * sentence's end, a colon or a bullet ("... security. \u00a9 The", "-- \u00a9 the"), before a
 * space and a letter. Not in "Copyright \u00a9 2009", "Microsoft\u00ae Office" or an address
 * ("DoeJ\u00a9state.gov", OCR's "@").
 */
static bool
sign_as_mark(const char *s, size_t n, size_t i, size_t len)
{
	size_t k = i, j = i + len;

	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	if (k > 0 && strchr(".!?:;-*", s[k - 1]) == NULL && (unsigned char)s[k - 1] < 0x80)
		return false;
	if (k > 0 && k == i)
		return false;	/* glued to what stands before it ("reserved.\u00a9 Used") */
	if (j >= n || (s[j] != ' ' && s[j] != '\t'))
		return false;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	return j < n && isalpha((unsigned char)s[j]);
}

size_t
fold_tag(const char *s, size_t n, size_t *name_end)
{
	size_t k = 1, e;

	if (n < 3 || s[0] != '<')
		return 0;
	if (s[k] == '/')
		k++;
	if (!isalpha((unsigned char)s[k]))
		return 0;
	while (k < n && (isalnum((unsigned char)s[k]) || s[k] == ':'))
		k++;
	for (e = k; e < n && e < FOLD_TAG_MAX && s[e] != '>' && s[e] != '<'; e++)
		continue;
	if (e >= n || s[e] != '>' || (k < e && s[k] != ' ' && s[k] != '/' && s[k] != '\t'))
		return 0;
	*name_end = k;
	return e + 1;
}

bool
fold_tag_is(const char *s, size_t name_end, const char *name)
{
	size_t a = s[1] == '/' ? 2 : 1, m = strlen(name);

	return name_end - a == m && strncasecmp(s + a, name, m) == 0;
}

/*
 * The length of a tag of inline markup at s[0..n) ("<b>", "</span>", "<font size=2>", "<o:p>"),
 * which a page shows as nothing: the words on either side are read as the page shows them
 * ("<b>SECRET</b>", "SE<b></b>CRET"). Tags that part lines or paragraphs, "<s>" (which a
 * mark in angle brackets may be) and tags whose attributes may hold a mark are not these.
 * Returns 0 when none is there.
 */
static size_t
inline_markup(const char *s, size_t n)
{
	static const char *const names[] = { "b", "i", "u", "em", "strong", "span", "font", "a",
	    "small", "big", "sup", "sub", "mark", "code", "tt", "o:p", "wbr", "img", "abbr",
	    "cite", "q", "label", "ins", "del" };
	size_t name_end, len = fold_tag(s, n, &name_end), i;

	for (i = 0; len > 0 && i < sizeof(names) / sizeof(names[0]); i++)
		if (fold_tag_is(s, name_end, names[i]))
			break;
	if (len == 0 || i == sizeof(names) / sizeof(names[0]))
		return 0;
	/*
	 * Not one whose attributes may hold a mark: a bracket, or two capitals together
	 * ("<abbr title=\"(S//NF) ...\">", "title=\"SECRET\""). It stands as text, and is read.
	 */
	for (i = name_end; i + 1 < len; i++)
		if (s[i] == '(' || s[i] == '[' || (isupper((unsigned char)s[i]) &&
		    isupper((unsigned char)s[i + 1])))
			return 0;
	return len;
}

/*
 * The length of the named character reference that begins s[0..n) ("&" a letter, up to 31
 * letters or digits, ";"), known or not, or 0.
 */
static size_t
named_reference(const char *s, size_t n)
{
	size_t k;

	if (n < 4 || s[0] != '&' || !isalpha((unsigned char)s[1]))
		return 0;
	for (k = 2; k < n && k < 33 && isalnum((unsigned char)s[k]); k++)
		continue;
	return k < n && s[k] == ';' ? k + 1 : 0;
}

/*
 * Whether s[0..n) is printable ASCII and tabs, which fold to themselves (tabs to spaces), with no
 * character reference.
 */
static bool
plain(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		unsigned char c;

		/*
		 * Eight bytes at a time where none is below a space, 0x7F or above, '&' or '<'.
		 * Each test is exact: a byte that is one sets its high bit, and where none is no
		 * borrow nor carry sets another.
		 */
		if (i + 8 <= n) {
			uint64_t w, amp, lt;

			memcpy(&w, s + i, 8);
			amp = w ^ (ones * '&');
			lt = w ^ (ones * '<');
			if (((((w - ones * ' ') & ~w) | (w + ones) | w | ((amp - ones) & ~amp) |
			    ((lt - ones) & ~lt)) & highs) == 0) {
				i += 8;
				continue;
			}
		}
		c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7F || (c == '&' && (fold_reference(s + i, n - i, false,
		    &cp) > 0 || named_reference(s + i, n - i) > 0)) ||
		    (c == '<' && inline_markup(s + i, n - i) > 0))
			return false;
		i++;
	}
	return true;
}

/* Whether s[0..n) holds a run of eight spaces or more. */
static bool
space_run(const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++)
		if ((run = s[i] == ' ' ? run + 1 : 0) >= 8)
			return true;
	return false;
}

size_t
fold_utf8_char(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len, k;
	int32_t c, min;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
		min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
		min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (k = 1; k < len; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (u[k] & 0x3F);
	}
	/* An overlong form, a surrogate or a code point past U+10FFFF is no character. */
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return len;
}

bool
fold_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int32_t cp;

		/* Eight ASCII bytes at a time: most text is mostly ASCII. */
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += fold_utf8_char(s + i, n - i, &cp);
		if (cp < 0)
			return false;
	}
	return true;
}

/* What CP1252 writes with the bytes 0x80..0x9F, which Latin-1 leaves to controls (0: none). */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/*
 * Decodes the character at s[0..n) (n > 0) as UTF-8 or Latin-1; *cp = -1 for no character. A
 * byte Latin-1 leaves to a control (0x80..0x9F) is CP1252's character where it has one: text
 * that is not UTF-8 is written in CP1252 far more often than with C1 controls ("don\x92t").
 */
static size_t
decode(const char *s, size_t n, bool latin1, int32_t *cp)
{
	if (latin1) {
		unsigned char b = (unsigned char)s[0];

		*cp = b >= 0x80 && b <= 0x9F && cp1252[b - 0x80] != 0 ? cp1252[b - 0x80] : b;
		return 1;
	}
	return fold_utf8_char(s, n, cp);
}

/*
 * The byte that code point cp stood for when UTF-8 was misread as Latin-1 or CP1252 (0x80..0xFF),
 * or -1.
 */
static int
misread_byte(int32_t cp)
{
	int b;

	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	for (b = 0; b < 32; b++)
		if (cp1252[b] != 0 && cp1252[b] == cp)
			return 0x80 + b;
	return -1;
}

/*
 * UTF-8 that was read as Latin-1 or CP1252 and written out again ("Â¶" for "¶", "â€™" for "’"):
 * when the character at s[0..n) and those after it are the bytes of one UTF-8 character, returns
 * the source bytes they take and sets *cp to that character; else returns 0.
 */
static size_t
misread_utf8(const char *s, size_t n, bool latin1, int32_t first, int32_t *cp)
{
	char bytes[4];
	size_t used, k, len, want;
	int32_t c, one;

	if (first < 0xC2 || first > 0xF4)
		return 0;
	want = first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4;
	bytes[0] = (char)first;
	used = decode(s, n, latin1, &one);
	for (k = 1; k < want; k++) {
		int b;

		if (used >= n)
			return 0;
		len = decode(s + used, n - used, latin1, &c);
		if ((b = misread_byte(c)) < 0 || (b & 0xC0) != 0x80)
			return 0;
		bytes[k] = (char)b;
		used += len;
	}
	if (fold_utf8_char(bytes, want, &c) != want || c < 0)
		return 0;
	*cp = c;
	return used;
}

/*
 * An overlong UTF-8 form at s[0..n) ("\xC0\xA8" or "\xE0\x80\xA8" for "("), which makes its line
 * no UTF-8, so that it is read as Latin-1: a lenient decoder shows the character all the same, so
 * it is read as that character. Returns the bytes it takes and sets *cp, or returns 0.
 */
static size_t
overlong(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *b = (const unsigned char *)s;
	size_t want, k;
	int32_t c;

	if (n >= 2 && (b[0] == 0xC0 || b[0] == 0xC1))
		want = 2, c = b[0] & 0x1F;
	else if (n >= 3 && b[0] == 0xE0 && b[1] >= 0x80 && b[1] <= 0x9F)
		want = 3, c = b[0] & 0x0F;
	else if (n >= 4 && b[0] == 0xF0 && b[1] >= 0x80 && b[1] <= 0x8F)
		want = 4, c = b[0] & 0x07;
	else
		return 0;
	for (k = 1; k < want; k++) {
		if ((b[k] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (b[k] & 0x3F);
	}
	*cp = c;
	return want;
}

/* Appends byte c, from source offset src, unless the text is full. */
static bool
put(struct fold *f, char c, size_t src)
{
	if (f->len >= FOLD_MAX)
		return false;
	f->buf[f->len] = c;
	f->map[f->len] = (uint16_t)src;
	f->len++;
	return true;
}

/* Appends code point cp in UTF-8, all or nothing. */
static bool
put_utf8(struct fold *f, int32_t cp, size_t src)
{
	unsigned char b[4];
	size_t n, k;

	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (f->len + n > FOLD_MAX)
		return false;
	for (k = 0; k < n; k++)
		put(f, (char)b[k], src);
	return true;
}

/*
 * Appends one code point of a decomposition. Other brackets read as parentheses, other quotation
 * marks as ASCII ones and other spaces as spaces; a letter or digit with no ASCII form, a combining mark (an accent or a stroke on a
 * letter: "(U\u0336)" is no "(U)"), or a code point that is unassigned or private makes the text
 * exotic. Other symbols (the paragraph sign, a bullet) are kept as they are.
 */
static bool
put_folded(struct fold *f, int32_t cp, size_t src)
{
	if (cp == ' ' || cp == '\t')
		return f->len > 0 && f->buf[f->len - 1] == ' ' ? true : put(f, ' ', src);
	if (cp < 0x80)
		return put(f, (char)cp, src);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
		/* Quotation marks, curly or angled, as ASCII ones: a curly-quoted ("COAs") is text. */
		return put(f, cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2039 ||
		    cp == 0x203A ? '\'' : '"', src);
	case UTF8PROC_CATEGORY_PS:
		return put(f, '(', src);
	case UTF8PROC_CATEGORY_PE:
		return put(f, ')', src);
	case UTF8PROC_CATEGORY_ZS:
		return f->len > 0 && f->buf[f->len - 1] == ' ' ? true : put(f, ' ', src);
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		f->exotic = true;
		break;
	default:
		break;
	}
	return put_utf8(f, cp, src);
}

static void fold_with(const char *s, size_t n, size_t limit, bool latin1, bool spaced,
    struct fold *f);

void
fold_line(const char *s, size_t n, size_t limit, bool latin1, struct fold *f)
{
	fold_with(s, n, limit, latin1, false, f);
}

void
fold_line_spaced(const char *s, size_t n, size_t limit, bool latin1, struct fold *f)
{
	fold_with(s, n, limit, latin1, true, f);
}

static void
fold_with(const char *s, size_t n, size_t limit, bool latin1, bool spaced, struct fold *f)
{
	size_t i = 0, scan = n < FOLD_SCAN ? n : FOLD_SCAN;

	if (limit > FOLD_MAX)
		limit = FOLD_MAX;
	f->src = s;
	f->latin1 = latin1;
	f->len = 0;
	f->exotic = false;
	f->hidden = false;
	f->cut = false;
	/*
	 * Most lines are printable ASCII: the text is the line itself, unless it is cut where a
	 * long run of spaces would have been one (an indented mark past `limit`).
	 */
	if (plain(s, n < limit ? n : limit) && (n <= limit || !space_run(s, limit))) {
		f->text = s;
		f->len = n < limit ? n : limit;
		f->at = NULL;
		f->consumed = f->len;
		f->cut = f->len < n;
		return;
	}
	f->text = f->buf;
	f->at = f->map;
	/* Up to `limit` bytes of folded text, from at most FOLD_SCAN bytes of the line. */
	while (i < scan && f->len < limit) {
		int32_t cp, out[8], unread;
		utf8proc_ssize_t k, m;
		size_t len, fixed;
		bool ok = true;

		/*
		 * Printable ASCII other than a space and what may begin a reference or markup is
		 * itself in either encoding, as the steps below would find: most bytes of a line
		 * that needs folding are such.
		 */
		if (s[i] > ' ' && s[i] < 0x7F && s[i] != '&' && s[i] != '<') {
			/* A run of them at once, up to `limit` (at most FOLD_MAX: put cannot fail). */
			size_t end = scan - i < limit - f->len ? scan : i + (limit - f->len);

			do {
				f->buf[f->len] = s[i];
				f->map[f->len++] = (uint16_t)i;
				i++;
			} while (i < end && s[i] > ' ' && s[i] < 0x7F && s[i] != '&' && s[i] != '<');
			continue;
		}
		/* A space is one in either encoding too, and a run of spaces is one (as below). */
		if (s[i] == ' ') {
			if ((f->len == 0 || f->buf[f->len - 1] != ' ') && !put(f, ' ', i)) {
				f->cut = true;
				break;
			}
			i++;
			continue;
		}
		len = decode(s + i, scan - i, latin1, &cp);

		/*
		 * "&#x28;S&#x2f;&#x2f;NF&#x29;" is what a page shows: "(S//NF)". A named one
		 * this table does not hold shows something no rule can read ("(&rsquo;S)"): it
		 * stands where it is as such.
		 */
		if (cp == '&' && (fixed = fold_reference(s + i, scan - i, false, &cp)) > 0) {
			len = fixed;
		} else if (cp == '&' && (fixed = named_reference(s + i, scan - i)) > 0 &&
		    fold_reference(s + i, scan - i, true, &unread) == 0) {
			/* Not a break the break reader reads in the text ("&NewLine;"). */
			len = fixed;
			cp = 0x80;
		}
		/* Inline markup shows as nothing. */
		if (cp == '<' && (fixed = inline_markup(s + i, scan - i)) > 0) {
			i += fixed;
			continue;
		}

		/* "Â¶2." is "¶2." read as Latin-1 once too often: it is read as it was written. */
		if (cp >= 0xC2 && (fixed = misread_utf8(s + i, scan - i, latin1, cp, &cp)) > 0)
			len = fixed;
		else if (latin1 && cp >= 0xC0 && (fixed = overlong(s + i, scan - i, &cp)) > 0) {
			/*
			 * A bracket so written is one (it can only open a group, which raises);
			 * a letter or digit so written proves nothing: no rule can read it.
			 */
			len = fixed;
			if (cp < 0x80 && isalnum((unsigned char)cp))
				cp = 0x80;
		}

		/* "\u00a9" and "\u00ae" where a mark stands: read as "(C)" and "(R)". */
		if ((cp == 0xA9 || cp == 0xAE) && sign_as_mark(s, n, i, len)) {
			ok = put(f, '(', i) && put(f, cp == 0xA9 ? 'C' : 'R', i) && put(f, ')', i);
		} else if (cp == '\t' || cp == '\f' || cp == '\v' || cp == ' ') {
			/* A run of spaces is one. */
			if (f->len == 0 || f->buf[f->len - 1] != ' ')
				ok = put(f, ' ', i);
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
			/*
			 * A control character (NUL, C1) or a byte that begins no character: no rule
			 * can read it, and it stands where it is, so that "(U\0)" is no "(U)".
			 */
			f->exotic = true;
			ok = put(f, (char)0x80, i);
		} else if (cp < 0x7F) {
			ok = put(f, (char)cp, i);
		} else {
			int boundclass = 0;

			m = utf8proc_decompose_char(cp, out, 8, UTF8PROC_COMPAT | UTF8PROC_IGNORE |
			    UTF8PROC_LUMP | UTF8PROC_DECOMPOSE, &boundclass);
			if (m < 0 || m > 8) {
				f->exotic = true;
				ok = put_utf8(f, cp, i);
			}
			/*
			 * A zero-width space parts words where it stands ("SECRET\u200bANNEX"); a
			 * soft hyphen or a joiner stands inside one ("SECRET\u00adARY").
			 */
			if (m == 0 && cp == 0x200B) {
				f->hidden = true;
				if (spaced && f->len > 0 && f->buf[f->len - 1] != ' ')
					ok = put(f, ' ', i);
			}
			for (k = 0; ok && m >= 0 && m <= 8 && k < m; k++)
				ok = put_folded(f, out[k], i);
		}
		if (!ok) {
			f->cut = true;
			break;
		}
		i += len;
	}
	f->consumed = i;
	if (i < n)
		f->cut = true;
	f->map[f->len] = (uint16_t)i;
}

size_t
fold_source_end(const struct fold *f, size_t k)
{
	size_t at = fold_source(f, k);
	int32_t cp;

	if (f->at == NULL || k >= f->len)
		return at + (k < f->len ? 1 : 0);
	return at + decode(f->src + at, f->consumed - at, f->latin1, &cp);
}

/*
 * The ASCII letter that letter cp is written on with accents (its canonical decomposition's
 * first character), in its case; or 0.
 */
static char
ascii_base(int32_t cp)
{
	utf8proc_int32_t out[8];
	utf8proc_ssize_t m;
	int bc = 0;

	if (cp < 0xC0 || cp > 0x24F)
		return 0;
	m = utf8proc_decompose_char(cp, out, 8, UTF8PROC_DECOMPOSE, &bc);
	if (m < 2 || out[0] >= 0x80 || !isalpha((int)out[0]))
		return 0;
	return (char)out[0];
}

/*
 * The Latin letter that letter cp is made to look like: the letters of Greek, Cyrillic, Armenian,
 * Cherokee, Coptic and Lisu, Latin small capitals, and a few Latin letters no accent makes, whose
 * skeleton in Unicode's confusables (UTS #39) is one ASCII letter; or 0. (NFKC, in the fold,
 * has made full-width, mathematical and enclosed letters ASCII already.)
 */
static char
look_alike(int32_t cp)
{
	static const struct {
		int32_t cp;
		char c;
	} map[] = {
		{ 0x00D8, 'O' }, { 0x00F8, 'o' }, { 0x0110, 'D' }, { 0x0131, 'i' }, { 0x0141, 'L' },
		{ 0x0142, 'l' }, { 0x0192, 'f' }, { 0x0262, 'G' }, { 0x026A, 'I' }, { 0x0274, 'N' },
		{ 0x0280, 'R' }, { 0x028F, 'Y' }, { 0x0299, 'B' }, { 0x029C, 'H' }, { 0x029F, 'L' },
		{ 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' }, { 0x0397, 'H' },
		{ 0x0399, 'I' }, { 0x039A, 'K' }, { 0x039C, 'M' }, { 0x039D, 'N' }, { 0x039F, 'O' },
		{ 0x03A1, 'P' }, { 0x03A4, 'T' }, { 0x03A5, 'Y' }, { 0x03A7, 'X' }, { 0x03B1, 'a' },
		{ 0x03B3, 'y' }, { 0x03B9, 'i' }, { 0x03BA, 'k' }, { 0x03BD, 'v' }, { 0x03BF, 'o' },
		{ 0x03C1, 'p' }, { 0x03C5, 'u' }, { 0x03C7, 'x' }, { 0x03DC, 'F' }, { 0x03F2, 'c' },
		{ 0x03F9, 'C' }, { 0x0405, 'S' }, { 0x0406, 'I' }, { 0x0408, 'J' }, { 0x0410, 'A' },
		{ 0x0412, 'B' }, { 0x0415, 'E' }, { 0x041A, 'K' }, { 0x041C, 'M' }, { 0x041D, 'H' },
		{ 0x041E, 'O' }, { 0x0420, 'P' }, { 0x0421, 'C' }, { 0x0422, 'T' }, { 0x0423, 'Y' },
		{ 0x0425, 'X' }, { 0x0430, 'a' }, { 0x0432, 'B' }, { 0x0433, 'r' }, { 0x0435, 'e' },
		{ 0x043A, 'K' }, { 0x043C, 'M' }, { 0x043D, 'H' }, { 0x043E, 'o' }, { 0x0440, 'p' },
		{ 0x0441, 'c' }, { 0x0442, 'T' }, { 0x0443, 'y' }, { 0x0445, 'x' }, { 0x0455, 's' },
		{ 0x0456, 'i' }, { 0x0458, 'j' }, { 0x04AE, 'Y' }, { 0x04AF, 'y' }, { 0x04BB, 'h' },
		{ 0x04C0, 'I' }, { 0x0501, 'd' }, { 0x051A, 'Q' }, { 0x051B, 'q' }, { 0x051C, 'W' },
		{ 0x051D, 'w' }, { 0x054D, 'U' }, { 0x054F, 'S' }, { 0x0555, 'O' }, { 0x0570, 'h' },
		{ 0x0578, 'n' }, { 0x057D, 'u' }, { 0x0585, 'o' }, { 0x13A1, 'R' }, { 0x13A2, 'T' },
		{ 0x13AA, 'A' }, { 0x13AB, 'J' }, { 0x13AC, 'E' }, { 0x13B3, 'W' }, { 0x13B7, 'M' },
		{ 0x13BB, 'H' }, { 0x13C0, 'G' }, { 0x13C3, 'Z' }, { 0x13D9, 'V' }, { 0x13DA, 'S' },
		{ 0x13DE, 'L' }, { 0x13DF, 'C' }, { 0x13E2, 'P' }, { 0x13E6, 'K' }, { 0x13F4, 'B' },
		{ 0x1D00, 'A' }, { 0x1D04, 'C' }, { 0x1D05, 'D' }, { 0x1D07, 'E' }, { 0x1D0A, 'J' },
		{ 0x1D0B, 'K' }, { 0x1D0D, 'M' }, { 0x1D0F, 'O' }, { 0x1D18, 'P' }, { 0x1D1B, 'T' },
		{ 0x1D1C, 'U' }, { 0x1D20, 'V' }, { 0x1D21, 'W' }, { 0x1D22, 'Z' }, { 0x2C80, 'A' },
		{ 0x2C82, 'B' }, { 0x2C88, 'E' }, { 0x2C8E, 'H' }, { 0x2C92, 'I' }, { 0x2C94, 'K' },
		{ 0x2C98, 'M' }, { 0x2C9A, 'N' }, { 0x2C9E, 'O' }, { 0x2C9F, 'o' }, { 0x2CA2, 'P' },
		{ 0x2CA4, 'C' }, { 0x2CA6, 'T' }, { 0x2CAC, 'X' }, { 0xA4D0, 'B' }, { 0xA4D1, 'P' },
		{ 0xA4D3, 'D' }, { 0xA4D4, 'T' }, { 0xA4D6, 'G' }, { 0xA4D7, 'K' }, { 0xA4D9, 'J' },
		{ 0xA4DA, 'C' }, { 0xA4DC, 'Z' }, { 0xA4DD, 'F' }, { 0xA4DF, 'M' }, { 0xA4E0, 'N' },
		{ 0xA4E1, 'L' }, { 0xA4E2, 'S' }, { 0xA4E3, 'R' }, { 0xA4E6, 'V' }, { 0xA4E7, 'H' },
		{ 0xA4EA, 'W' }, { 0xA4EB, 'X' }, { 0xA4EC, 'Y' }, { 0xA4EE, 'A' }, { 0xA4F0, 'E' },
		{ 0xA4F2, 'I' }, { 0xA4F3, 'O' }, { 0xA4F4, 'U' }, { 0xA730, 'F' }, { 0xA731, 'S' },
	};
	size_t lo = 0, hi = sizeof(map) / sizeof(map[0]);

	/* Negative circled and negative squared capitals ("🆃🆂"), which NFKC leaves as symbols. */
	if (cp >= 0x1F150 && cp <= 0x1F169)
		return (char)('A' + (cp - 0x1F150));
	if (cp >= 0x1F170 && cp <= 0x1F189)
		return (char)('A' + (cp - 0x1F170));
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (map[mid].cp == cp)
			return map[mid].c;
		if (map[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* fold_ascii; with `bare` fold_ascii_bare; with `skeleton` too, fold_ascii_skeleton. */
static size_t
ascii_of(const struct fold *f, char *out, bool bare, bool skeleton)
{
	size_t i = 0, k = 0;

	while (i < f->len) {
		unsigned char c = (unsigned char)f->text[i];
		int32_t cp;
		size_t len;
		char base;

		if (c < 0x80) {
			out[k++] = (char)c;
			i++;
			continue;
		}
		len = fold_utf8_char(f->text + i, f->len - i, &cp);
		if (cp < 0) {
			out[k++] = '?';
			i += len;
			continue;
		}
		/*
		 * Bare: a Latin letter with an accent is its letter ("TRÈS" is "TRES", "Ś" is
		 * "S"), composed or followed by the accent (which the fold's NFKC leaves apart).
		 */
		if ((bare && (base = ascii_base(cp)) != 0) ||
		    (skeleton && (base = look_alike(cp)) != 0)) {
			out[k++] = base;
			i += len;
			continue;
		}
		if (bare && k > 0 && isalpha((unsigned char)out[k - 1]) &&
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_MN) {
			i += len;
			continue;
		}
		switch (utf8proc_category(cp)) {
		case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
		case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
		case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CO:
		case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS: case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
			out[k++] = '?';
			break;
		default:
			out[k++] = '~';
			break;
		}
		i += len;
	}
	out[k] = '\0';
	return k;
}

size_t
fold_ascii(const struct fold *f, char *out)
{
	return ascii_of(f, out, false, false);
}

size_t
fold_ascii_bare(const struct fold *f, char *out)
{
	return ascii_of(f, out, true, false);
}

size_t
fold_ascii_skeleton(const struct fold *f, char *out)
{
	return ascii_of(f, out, true, true);
}

/*
 * Whether cp writes nothing a reader sees in a word: a mark on a letter (an accent, an underline,
 * an enclosing square), a modifier letter ("ʼ"), a Hangul filler.
 */
static bool
invisible_in_word(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME ||
	    c == UTF8PROC_CATEGORY_LM || cp == 0x115F || cp == 0x1160 || cp == 0x3164 ||
	    cp == 0xFFA0;
}

/* Whether the word of f's text at byte i has a letter with no ASCII form and no look-alike. */
static bool
foreign_word(const struct fold *f, size_t i)
{
	size_t a = i, len;
	int32_t cp;

	/* Back to the word's start, then on to its end. */
	while (a > 0 && ((unsigned char)f->text[a - 1] >= 0x80 || isalnum((unsigned char)f->text[a - 1])))
		a--;
	for (i = a; i < f->len; i += len) {
		if ((unsigned char)f->text[i] < 0x80) {
			if (!isalnum((unsigned char)f->text[i]))
				break;
			len = 1;
			continue;
		}
		len = fold_utf8_char(f->text + i, f->len - i, &cp);
		if (cp < 0)
			return true;
		if ((utf8proc_category(cp) > UTF8PROC_CATEGORY_NO &&
		    utf8proc_category(cp) < UTF8PROC_CATEGORY_CC) || cp == 0x115F || cp == 0x1160 ||
		    cp == 0x3164 || cp == 0xFFA0)
			break;
		if (look_alike(cp) == 0 && ascii_base(cp) == 0 && !invisible_in_word(cp))
			return true;
	}
	return false;
}

size_t
fold_skeleton(const struct fold *f, char *out, bool *alike)
{
	size_t i = 0, k = 0;
	bool foreign = false;

	*alike = false;
	while (i < f->len) {
		unsigned char c = (unsigned char)f->text[i];
		int32_t cp;
		size_t len;
		char base;

		if (c < 0x80) {
			out[k++] = (char)c;
			/* A word's start: whether it is a word of another script ("Новым"). */
			if (isalnum(c) && (i == 0 || !isalnum((unsigned char)f->text[i - 1])))
				foreign = false;
			if (!isalnum(c))
				foreign = false;
			i++;
			continue;
		}
		len = fold_utf8_char(f->text + i, f->len - i, &cp);
		/* A Hangul filler stands for a space ("ТЅㅤThe"). */
		if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0) {
			out[k++] = ' ';
			*alike = true;
			foreign = false;
			i += len;
			continue;
		}
		if (cp >= 0 && utf8proc_category(cp) <= UTF8PROC_CATEGORY_NO &&
		    (i == 0 || !(isalnum((unsigned char)f->text[i - 1]) ||
		    (unsigned char)f->text[i - 1] >= 0x80)))
			foreign = foreign_word(f, i);
		if (cp >= 0 && !foreign && (base = look_alike(cp)) != 0) {
			/* A look-alike in a word all of whose letters pass for Latin ones. */
			out[k++] = base;
			*alike = true;
		} else if (cp >= 0 && (base = ascii_base(cp)) != 0) {
			out[k++] = base;
		} else if (cp >= 0 && k > 0 && isalpha((unsigned char)out[k - 1]) &&
		    invisible_in_word(cp)) {
			/*
			 * A mark on its letter (an accent, an underline, a stroke, a square: "S̲",
			 * "S⃞"), a modifier letter or a filler after it ("SECRETʼ").
			 */
			*alike = true;
		} else if (cp < 0 || utf8proc_category(cp) <= UTF8PROC_CATEGORY_NO ||
		    utf8proc_category(cp) >= UTF8PROC_CATEGORY_CC) {
			out[k++] = '?';
		} else {
			memcpy(out + k, f->text + i, len);
			k += len;
			foreign = false;
		}
		i += len;
	}
	out[k] = '\0';
	return k;
}

/*
 * Whether cp is a dash, other punctuation or a symbol; with `paired`, brackets, quotation marks
 * and connectors too.
 */
static bool
sign_category(int32_t cp, bool paired)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
		return true;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
		return paired;
	default:
		return false;
	}
}

bool
fold_symbol_at(const struct fold *f, size_t k)
{
	int32_t cp;

	if (k >= f->len)
		return false;
	if ((unsigned char)f->text[k] < 0x80)
		return f->text[k] == '-' || f->text[k] == '*' || f->text[k] == '+' ||
		    f->text[k] == '~' || f->text[k] == '=' || f->text[k] == '>';
	fold_utf8_char(f->text + k, f->len - k, &cp);
	return cp >= 0 && sign_category(cp, false);
}

size_t
fold_sign_at(const struct fold *f, size_t k)
{
	int32_t cp;
	size_t len;

	if (k >= f->len)
		return 0;
	if ((unsigned char)f->text[k] < 0x80)
		return ispunct((unsigned char)f->text[k]) && strchr("([{", f->text[k]) == NULL ? 1 :
		    0;
	len = fold_utf8_char(f->text + k, f->len - k, &cp);
	return cp >= 0 && sign_category(cp, true) ? len : 0;
}
