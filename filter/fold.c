/*
 * fold: compatibility forms for the reading rules.
 */
#include "fold.h"

#include <string.h>
#include <utf8proc.h>

/* Whether s[0..n) is printable ASCII and tabs, which fold to themselves (tabs to spaces). */
static bool
plain(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c >= 0x7F)
			return false;
	}
	return true;
}

/*
 * Decodes the character at s[0..n) (n > 0). Returns its length in bytes and sets *cp, or
 * *cp = -1 for a byte that begins no character.
 */
static size_t
decode(const unsigned char *s, size_t n, bool latin1, int32_t *cp)
{
	size_t len, k;
	int32_t c;

	if (latin1 || s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[k] & 0x3F);
	}
	*cp = c;
	return len;
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
 * Appends one code point of a decomposition. Other brackets read as parentheses and other spaces
 * as spaces; a letter or digit with no ASCII form (or a code point that is unassigned or private)
 * makes the text exotic. Other symbols (the paragraph sign, a bullet) are kept as they are.
 */
static bool
put_folded(struct fold *f, int32_t cp, size_t src)
{
	if (cp < 0x80)
		return put(f, cp == '\t' ? ' ' : (char)cp, src);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_PS:
		return put(f, '(', src);
	case UTF8PROC_CATEGORY_PE:
		return put(f, ')', src);
	case UTF8PROC_CATEGORY_ZS:
		return put(f, ' ', src);
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CS:
		f->exotic = true;
		break;
	default:
		break;
	}
	return put_utf8(f, cp, src);
}

void
fold_line(const char *s, size_t n, size_t limit, bool latin1, struct fold *f)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	if (limit > n)
		limit = n;
	f->len = 0;
	f->exotic = false;
	f->cut = false;
	/* Most lines are printable ASCII: the text is the line itself. */
	if (limit <= 0xFFFF && plain(s, limit)) {
		f->text = s;
		f->len = limit;
		f->at = NULL;
		f->consumed = limit;
		f->cut = limit < n;
		return;
	}
	f->text = f->buf;
	f->at = f->map;
	while (i < limit && i <= 0xFFFF) {
		int32_t cp, out[8];
		utf8proc_ssize_t k, m;
		size_t len = decode(u + i, limit - i, latin1, &cp);
		bool ok = true;

		if (cp == '\t' || cp == '\f' || cp == '\v') {
			ok = put(f, ' ', i);
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp < 0) {
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
			    UTF8PROC_LUMP | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, &boundclass);
			if (m < 0 || m > 8) {
				f->exotic = true;
				ok = put_utf8(f, cp, i);
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
