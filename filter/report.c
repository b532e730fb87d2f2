/* SPDX-License-Identifier: ISC */
/*
 * report: text, JSON (jansson), SARIF 2.1.0 (jansson) and HTML writers for check findings.
 */
#include "report.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sodium.h>

#include "textio.h"

static const char *const severity_names[] = { "note", "warning", "error" };

int
report_format_parse(const char *s, enum report_format *f)
{
	if (strcmp(s, "text") == 0)
		*f = FORMAT_TEXT;
	else if (strcmp(s, "json") == 0)
		*f = FORMAT_JSON;
	else if (strcmp(s, "sarif") == 0)
		*f = FORMAT_SARIF;
	else if (strcmp(s, "html") == 0)
		*f = FORMAT_HTML;
	else
		return -1;
	return 0;
}

static bool
doc_passes(const struct report_doc *d, const struct report_options *o)
{
	return check_passes(d->res, o->strict);
}

static void
rollup_text(const struct report_options *o, const struct check_result *r, char *buf,
    size_t len)
{
	if (marking_format(o->policy, &r->rollup, NULL, true, buf, len) < 0)
		snprintf(buf, len, "%s", o->policy->levels[r->rollup.level].name);
}

/* A JSON string of s, with any byte that is not well-formed UTF-8 turned into '?'. */
static json_t *
jstr(const char *s)
{
	size_t n = strlen(s), i = 0, k = 0;
	char *copy = malloc(n + 1);
	json_t *j;

	if (copy == NULL)
		return NULL;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 :
		    (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
		size_t t;
		bool ok = len > 0 && i + len <= n;

		for (t = 1; ok && t < len; t++)
			ok = ((unsigned char)s[i + t] & 0xC0) == 0x80;
		if (!ok) {
			copy[k++] = '?';
			i++;
			continue;
		}
		memcpy(copy + k, s + i, len);
		k += len;
		i += len;
	}
	copy[k] = '\0';
	j = json_string(copy);
	free(copy);
	return j != NULL ? j : json_string("?");
}

/*
 * Sets o[k] = v (stealing v), and clears *ok when that fails: v is NULL because building it ran
 * out of memory, or the set itself did. A report that lost a finding is no report.
 */
static void
put(json_t *o, const char *k, json_t *v, bool *ok)
{
	if (json_object_set_new(o, k, v) != 0)
		*ok = false;
}

/* Appends v to a (stealing v), and clears *ok when that fails. */
static void
push(json_t *a, json_t *v, bool *ok)
{
	if (json_array_append_new(a, v) != 0)
		*ok = false;
}

static json_t *
text_obj(const char *s)
{
	return json_pack("{s:o}", "text", jstr(s));
}

/*
 * A file name as a URI reference: every byte but unreserved ones and '/' percent-encoded, and an
 * absolute path as a file: URI. The caller frees the result.
 */
static char *
file_uri(const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(name), i, k = 0;
	char *u;

	if (n > (SIZE_MAX - 16) / 3 || (u = malloc(3 * n + 16)) == NULL)
		return NULL;
	if (name[0] == '/') {
		memcpy(u, "file://", 7);
		k = 7;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			u[k++] = (char)c;
		} else {
			u[k++] = '%';
			u[k++] = hex[c >> 4];
			u[k++] = hex[c & 15];
		}
	}
	u[k] = '\0';
	return u;
}

/*
 * A finding's fingerprint, stable from one run to the next while the document's marks stand
 * (SARIF partialFingerprints): BLAKE2b-128 of the file's name, the rule, the marking and the
 * finding's ordinal among those of its rule and marking. No text of the document goes in it, so
 * it confirms nothing about withheld text. Into print[33], in hex.
 */
static void
fingerprint(const char *name, const struct check_finding *f, uint64_t ordinal, char print[33])
{
	crypto_generichash_state st;
	unsigned char h[16], le[8];
	size_t j;

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)"tearline finding v1", 20);
	crypto_generichash_update(&st, (const unsigned char *)name, strlen(name) + 1);
	crypto_generichash_update(&st, (const unsigned char *)f->rule, strlen(f->rule) + 1);
	crypto_generichash_update(&st, (const unsigned char *)f->marking,
	    strlen(f->marking) + 1);
	for (j = 0; j < sizeof(le); j++)
		le[j] = (unsigned char)(ordinal >> (8 * j));
	crypto_generichash_update(&st, le, sizeof(le));
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(print, 33, h, sizeof(h));
}

/*
 * Finding f's ordinal among those of its rule and marking before it, counted in `seen` (a
 * JSON object of counts, by rule and marking), so that a report is counted once. Returns 0, or
 * -1 (out of memory).
 */
static int
ordinal_of(json_t *seen, const struct check_finding *f, uint64_t *ordinal)
{
	size_t n = strlen(f->rule) + strlen(f->marking) + 2;
	char *key = malloc(n);
	int rc;

	if (key == NULL)
		return -1;
	snprintf(key, n, "%s\n%s", f->rule, f->marking);
	*ordinal = (uint64_t)json_integer_value(json_object_get(seen, key));
	rc = json_object_set_new(seen, key, json_integer((json_int_t)(*ordinal + 1)));
	free(key);
	return rc;
}

/*
 * The writers of text, JSON and SARIF, as a stream: documents are handed on one at a time, and
 * each finding is written as it is made. A document's part goes to a spool (`part`) until the
 * document is done, so that one given up half way leaves nothing; JSON's files go to another
 * (`files`) until every one is done, since the report's "passed" comes first. What is held is
 * one finding, the spools' buffers and, for SARIF, a count a rule and marking of the document.
 */
struct report_stream {
	FILE *fp;
	enum report_format format;
	const struct report_options *o;
	struct text_out part, files;
	const char *name;
	size_t nfiles, nitems, nheld;	/* files written; items written, and of this document */
	bool all, started;
	char *uri, *tail;		/* SARIF: the document's URI; the log after its results */
	json_t *seen;			/* SARIF: ordinals a rule and marking (ordinal_of) */
	char err[256];
	struct check_sink sink;
};

/* Writes s with `indent` spaces after each line break: a value dumped alone, moved in. */
static void
put_indented(FILE *fp, const char *s, size_t indent)
{
	const char *nl;

	while ((nl = strchr(s, '\n')) != NULL) {
		fwrite(s, 1, (size_t)(nl - s) + 1, fp);
		fprintf(fp, "%*s", (int)indent, "");
		s = nl + 1;
	}
	fputs(s, fp);
}

/*
 * Writes j as jansson writes it at `indent`, as an item of an array (after a comma but the
 * first). Returns 0, or -1 (j is NULL, or out of memory). Steals j.
 */
static int
put_item(FILE *fp, json_t *j, size_t indent, bool first)
{
	char *text = j != NULL ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_ENSURE_ASCII) : NULL;

	json_decref(j);
	if (text == NULL)
		return -1;
	fprintf(fp, "%s\n%*s", first ? "" : ",", (int)indent, "");
	put_indented(fp, text, indent);
	free(text);
	return 0;
}

/*
 * Dumps j and splits it where the empty array of key `key` is, for the items to go between: the
 * text returned (freed by the caller) ends with its '[', and *rest starts after its ']'. Returns
 * NULL when building j ran out of memory (`ok` false) or dumping it does. Steals j. A string of the document
 * cannot hold the key's quoted form, since jansson escapes every quote inside a string.
 */
static char *
split_at(json_t *j, bool ok, const char *key, char **rest)
{
	char *text = j != NULL && ok ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_ENSURE_ASCII) : NULL, pat[64], *at = NULL, *next;

	json_decref(j);
	if (text == NULL)
		return NULL;
	snprintf(pat, sizeof(pat), "\"%s\": []", key);
	for (next = text; (next = strstr(next, pat)) != NULL; next++)
		at = next;
	if (at == NULL) {
		free(text);
		return NULL;
	}
	at += strlen(pat) - 1;
	*at = '\0';
	*rest = at + 1;
	return text;
}

/* Closes the items of an array at `indent` (its key's), as jansson does: "]" alone when empty. */
static void
close_items(FILE *fp, size_t n, size_t indent)
{
	if (n > 0)
		fprintf(fp, "\n%*s", (int)indent, "");
	fputc(']', fp);
}

static json_t *
finding_json(const struct check_finding *f)
{
	json_t *j = json_object();
	bool ok = true;

	put(j, "line", json_integer((json_int_t)f->line), &ok);
	put(j, "column", json_integer((json_int_t)f->column), &ok);
	put(j, "end_line", json_integer((json_int_t)f->end_line), &ok);
	put(j, "severity", json_string(severity_names[f->severity]), &ok);
	put(j, "rule", json_string(f->rule), &ok);
	put(j, "decision", f->decision != NULL ? json_string(f->decision) : json_null(), &ok);
	put(j, "marking", jstr(f->marking), &ok);
	put(j, "message", jstr(f->message), &ok);
	if (!ok) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* SARIF: a finding as a result: kind "pass" (level "none") for a kept portion. */
static json_t *
result_json(struct report_stream *rs, const struct check_finding *f)
{
	bool pass = f->severity == SEVERITY_NOTE;
	size_t idx;
	json_t *loc;
	char print[33];
	uint64_t ordinal;

	for (idx = 0; check_rules[idx] != NULL; idx++)
		if (strcmp(check_rules[idx], f->rule) == 0)
			break;
	if (ordinal_of(rs->seen, f, &ordinal) != 0)
		return NULL;
	fingerprint(rs->name, f, ordinal, print);
	loc = json_pack("{s:{s:{s:s}, s:{s:I, s:I, s:I}}}", "physicalLocation",
	    "artifactLocation", "uri", rs->uri, "region",
	    "startLine", (json_int_t)f->line,
	    "startColumn", (json_int_t)f->char_column,
	    "endLine", (json_int_t)f->end_line);
	return json_pack("{s:s, s:I, s:s, s:s, s:o, s:[o], s:{s:s}, s:{s:s?, s:o}}",
	    "ruleId", f->rule, "ruleIndex", (json_int_t)idx,
	    "kind", pass ? "pass" : "fail",
	    "level", pass ? "none" : severity_names[f->severity],
	    "message", text_obj(f->message), "locations", loc,
	    "partialFingerprints", "tearlineFinding/v1", print,
	    "properties", "decision", f->decision, "marking", jstr(f->marking));
}

/*
 * Text: one line a finding, "FILE:LINE:COL: severity: rule: message [marking] (lines A-B)"; kept
 * portions only with `notes`.
 */
static void
finding_text(struct report_stream *rs, const struct check_finding *f)
{
	static const char *const colour[] = { "\033[32m", "\033[33m", "\033[1;31m" };
	const struct report_options *o = rs->o;
	FILE *fp = rs->part.fp;

	if (f->severity == SEVERITY_NOTE && !o->notes)
		return;
	fprintf(fp, "%s:%zu:%zu: %s%s%s: %s: %s", rs->name, f->line, f->column,
	    o->colour ? colour[f->severity] : "", severity_names[f->severity],
	    o->colour ? "\033[0m" : "", f->rule, f->message);
	if (f->marking[0] != '\0' && f->decision != NULL)
		fprintf(fp, " [%s]", f->marking);
	if (f->decision != NULL && f->end_line > f->line)
		fprintf(fp, " (lines %zu-%zu)", f->line, f->end_line);
	fputc('\n', fp);
}

/* The check_sink of a stream: a finding into the document's part. */
static int
stream_finding(void *ctx, const struct check_finding *f)
{
	struct report_stream *rs = ctx;
	int rc = 0;

	switch (rs->format) {
	case FORMAT_JSON:
		rc = put_item(rs->part.fp, finding_json(f), 8, rs->nheld == 0);
		rs->nheld++;
		break;
	case FORMAT_SARIF:
		rc = put_item(rs->part.fp, result_json(rs, f), 8, rs->nitems + rs->nheld == 0);
		rs->nheld++;
		break;
	default:
		finding_text(rs, f);
		break;
	}
	if (rc != 0)
		snprintf(rs->err, sizeof(rs->err), "out of memory writing the report");
	else if (ferror(rs->part.fp))
		snprintf(rs->err, sizeof(rs->err), "a temporary file: write error");
	return rc != 0 || ferror(rs->part.fp) ? -1 : 0;
}

/* SARIF: the log with no results, split where they go (rs->tail is the rest). */
static char *
sarif_head(const struct report_options *o, char **tail)
{
	json_t *rules = json_array(), *driver, *run, *log;
	bool ok = true;
	size_t i;
	char *head, *rest;

	for (i = 0; check_rules[i] != NULL; i++) {
		char full[1024];

		snprintf(full, sizeof(full), "%s %s", check_rule_description(check_rules[i]),
		    check_rule_help(check_rules[i]));
		push(rules, json_pack("{s:s, s:o, s:o, s:o, s:{s:s}}", "id", check_rules[i],
		    "shortDescription", text_obj(check_rule_description(check_rules[i])),
		    "fullDescription", text_obj(full),
		    "help", text_obj(check_rule_help(check_rules[i])),
		    "defaultConfiguration", "level", check_rule_level(check_rules[i])), &ok);
	}
	driver = json_pack("{s:s, s:o, s:o}", "name", "tearline", "version", jstr(o->version),
	    "rules", rules);
	run = json_pack("{s:{s:o}, s:s, s:[], s:{s:o, s:o, s:b}}", "tool", "driver", driver,
	    "columnKind", "unicodeCodePoints", "results", "properties",
	    "target", jstr(o->target), "policy", jstr(o->policy->name), "strict", o->strict);
	log = json_pack("{s:s, s:s, s:[o]}", "$schema",
	    "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", run);
	if ((head = split_at(log, ok, "results", &rest)) == NULL)
		return NULL;
	if ((*tail = strdup(rest)) == NULL) {
		free(head);
		return NULL;
	}
	return head;
}

struct report_stream *
report_begin(FILE *fp, enum report_format f, const struct report_options *o, char *err,
    size_t errlen)
{
	struct report_stream *rs = calloc(1, sizeof(*rs));

	if (rs == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	rs->fp = fp;
	rs->format = f;
	rs->o = o;
	rs->all = true;
	rs->sink.finding = stream_finding;
	rs->sink.ctx = rs;
	rs->sink.err = rs->err;
	if (text_spool_open(&rs->part, err, errlen) != 0 ||
	    (f == FORMAT_JSON && text_spool_open(&rs->files, err, errlen) != 0)) {
		report_stream_free(rs);
		return NULL;
	}
	return rs;
}

int
report_doc_begin(struct report_stream *rs, const char *name, char *err, size_t errlen)
{
	rs->name = name;
	rs->nheld = 0;
	rs->err[0] = '\0';
	if (text_spool_reset(&rs->part, err, errlen) != 0)
		return -1;
	if (rs->format == FORMAT_SARIF) {
		free(rs->uri);
		json_decref(rs->seen);
		rs->seen = json_object();
		if ((rs->uri = file_uri(name)) == NULL || rs->seen == NULL) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

const struct check_sink *
report_sink(struct report_stream *rs)
{
	return &rs->sink;
}

/* Copies the document's part into out (a spool or the report). Returns 0, or -1 with err. */
static int
copy_part(struct report_stream *rs, FILE *out, char *err, size_t errlen)
{
	struct text_out to = { .fp = out };

	if (text_spool_copy(&rs->part, &to, err, errlen) != 0)
		return -1;
	if (to.err != 0) {
		snprintf(err, errlen, "cannot write the report: %s", strerror(to.err));
		return -1;
	}
	return 0;
}

/* JSON: the file's object, its findings from the part, into the files' spool. */
static int
json_file(struct report_stream *rs, const struct check_result *r, bool passed, const char *roll,
    char *err, size_t errlen)
{
	json_t *jf = json_object();
	bool ok = true;
	char *head, *rest;
	FILE *fp = rs->files.fp;

	put(jf, "file", jstr(rs->name), &ok);
	put(jf, "passed", json_boolean(passed), &ok);
	put(jf, "kept", json_integer((json_int_t)r->kept), &ok);
	put(jf, "withheld", json_integer((json_int_t)r->withheld), &ok);
	put(jf, "errors", json_integer((json_int_t)r->errors), &ok);
	put(jf, "warnings", json_integer((json_int_t)r->warnings), &ok);
	put(jf, "release_marking", jstr(roll), &ok);
	put(jf, "findings", json_array(), &ok);
	if ((head = split_at(jf, ok, "findings", &rest)) == NULL) {
		snprintf(err, errlen, "out of memory writing the report");
		return -1;
	}
	fprintf(fp, "%s\n    ", rs->nfiles == 0 ? "" : ",");
	put_indented(fp, head, 4);
	if (copy_part(rs, fp, err, errlen) != 0) {
		free(head);
		return -1;
	}
	close_items(fp, rs->nheld, 6);
	put_indented(fp, rest, 4);
	free(head);
	return 0;
}

int
report_doc_end(struct report_stream *rs, const struct check_result *r, char *err, size_t errlen)
{
	const struct report_options *o = rs->o;
	bool passed = check_passes(r, o->strict);
	char roll[160];

	rs->all = rs->all && passed;
	rollup_text(o, r, roll, sizeof(roll));
	switch (rs->format) {
	case FORMAT_JSON:
		if (json_file(rs, r, passed, roll, err, errlen) != 0)
			return -1;
		break;
	case FORMAT_SARIF:
		if (!rs->started) {
			char *head = sarif_head(o, &rs->tail);

			if (head == NULL) {
				snprintf(err, errlen, "out of memory writing the report");
				return -1;
			}
			fputs(head, rs->fp);
			free(head);
			rs->started = true;
		}
		if (copy_part(rs, rs->fp, err, errlen) != 0)
			return -1;
		rs->nitems += rs->nheld;
		break;
	default:
		fprintf(rs->part.fp, "%s: %zu kept, %zu withheld, %zu error%s, %zu warning%s: %s %s "
		    "(a release would be marked %s)\n", rs->name, r->kept, r->withheld,
		    r->errors, r->errors == 1 ? "" : "s", r->warnings, r->warnings == 1 ? "" : "s",
		    passed ? "releasable to" : "not releasable as it stands to", o->target, roll);
		if (copy_part(rs, rs->fp, err, errlen) != 0)
			return -1;
		break;
	}
	rs->nfiles++;
	return 0;
}

/* JSON: the report's head, "passed" and the files' spool. Returns 0, or -1 with err. */
static int
json_end(struct report_stream *rs, char *err, size_t errlen)
{
	const struct report_options *o = rs->o;
	json_t *root = json_object();
	bool ok = true;
	char *head, *rest;
	struct text_out to = { .fp = rs->fp };

	put(root, "tool", json_string("tearline"), &ok);
	put(root, "version", jstr(o->version), &ok);
	put(root, "schema", json_integer(REPORT_SCHEMA_VERSION), &ok);
	put(root, "target", jstr(o->target), &ok);
	put(root, "policy", jstr(o->policy->name), &ok);
	put(root, "strict", json_boolean(o->strict), &ok);
	put(root, "passed", json_boolean(rs->all), &ok);
	put(root, "files", json_array(), &ok);
	if ((head = split_at(root, ok, "files", &rest)) == NULL) {
		snprintf(err, errlen, "out of memory writing the report");
		return -1;
	}
	fputs(head, rs->fp);
	if (text_spool_copy(&rs->files, &to, err, errlen) != 0) {
		free(head);
		return -1;
	}
	close_items(rs->fp, rs->nfiles, 2);
	fputs(rest, rs->fp);
	fputc('\n', rs->fp);
	free(head);
	return 0;
}

int
report_end(struct report_stream *rs, char *err, size_t errlen)
{
	if (rs->format == FORMAT_JSON && json_end(rs, err, errlen) != 0)
		return -1;
	if (rs->format == FORMAT_SARIF && rs->started) {
		close_items(rs->fp, rs->nitems, 6);
		fputs(rs->tail, rs->fp);
		fputc('\n', rs->fp);
	}
	/*
	 * A report cut short is no report, whatever the documents' verdict: the caller must exit
	 * with an error, not with "did not pass", so the write is checked here.
	 */
	if (fflush(rs->fp) != 0 || ferror(rs->fp)) {
		snprintf(err, errlen, "cannot write the report: %s", strerror(errno));
		return -1;
	}
	return 0;
}

void
report_stream_free(struct report_stream *rs)
{
	if (rs == NULL)
		return;
	text_spool_close(&rs->part);
	text_spool_close(&rs->files);
	free(rs->uri);
	free(rs->tail);
	json_decref(rs->seen);
	free(rs);
}

static void
html_escape(FILE *fp, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		case '\r':
			break;
		default:
			if (c < 0x20 && c != '\t')
				fputs("\xEF\xBF\xBD", fp);	/* U+FFFD for control bytes */
			else
				fputc(c, fp);
		}
	}
}

/*
 * Writes s[0..n) of document d as UTF-8: Latin-1 bytes are converted when the document is not
 * UTF-8, so the page shows the paragraph sign and not a replacement character.
 */
static void
html_text(FILE *fp, const struct document *d, const char *s, size_t n)
{
	size_t i, start = 0;

	if (d->utf8) {
		html_escape(fp, s, n);
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			continue;
		html_escape(fp, s + start, i - start);
		fputc(0xC0 | (c >> 6), fp);
		fputc(0x80 | (c & 0x3F), fp);
		start = i + 1;
	}
	html_escape(fp, s + start, n - start);
}

static void
html_str(FILE *fp, const char *s)
{
	html_escape(fp, s, strlen(s));
}

/*
 * The page's style. Every text colour meets WCAG AA (4.5:1) on every background it is shown on
 * (tests/html.test.sh computes each pair). In print the decision colours print, the banners
 * stand at the top and the end of the text, and html_print_banner puts the banner in the margin
 * of every sheet.
 */
static const char html_style[] =
    "body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}"
    ".banner{background:#c8102e;color:#fff;text-align:center;font-weight:bold;padding:6px;"
    "letter-spacing:.1em;position:sticky;z-index:1}#banner-top{top:0}#banner-bottom{bottom:0}"
    "main{padding:16px 24px}h1{font-size:1.3em}h2{font-size:1.1em;margin-top:2em}"
    "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #bbb;padding:4px 8px;"
    "text-align:left;vertical-align:top}th{background:#eee}a{color:#0b57d0}"
    "table.doc{table-layout:fixed;width:100%;font-size:13px;background:#fff}"
    "table.doc td,table.doc th{border:0;border-bottom:1px solid #e4e4e4;padding:1px 6px}"
    "table.doc thead th{border-bottom:1px solid #999;font-family:system-ui,sans-serif}"
    "col.n{width:4.5em}col.why{width:22em}"
    ".text{font-family:monospace;white-space:pre-wrap;overflow-wrap:anywhere}"
    ".rel{border-left:1px solid #ccc}table.doc tbody th{color:#595959;background:none;font-weight:normal;"
    "text-align:right;font-family:monospace;scroll-margin-top:3em}"
    ".findings td:nth-child(-n+3){white-space:nowrap}"
    ".why{font-size:12px;border-left:1px solid #ddd}"
    ".why p{margin:0 0 2px}.decision{font-weight:600}"
    ".step{scroll-margin-top:3em;font-size:12px}.step a{margin-right:1em}"
    ".kept{background:#e3f4e1}.withheld{background:#fbe0e0}.structure{background:#f1f1f1;"
    "color:#555}.pass{color:#17692e;font-weight:bold}.fail{color:#b00020;font-weight:bold}"
    ".sev-error{color:#b00020}.sev-warning{color:#7a5200}.sev-note{color:#17692e}"
    ".legend span{display:inline-block;padding:2px 8px;margin-right:8px;border:1px solid #ccc}"
    "@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "body{background:#fff}.banner{position:static}main{padding:8px 0}"
    ".step{display:none}a{color:inherit;text-decoration:none}}";

/*
 * The banner of the original, for the top and bottom of the page that holds its text: the
 * roll-up of every banner and portion. Text whose marking nobody knows (an unknown token, unmarked
 * text that no banner marks) could be anything, so then the page is marked at the policy's
 * highest level, and says why.
 */
static void
html_banner_text(const struct report_doc *docs, size_t n, const struct report_options *o,
    char *buf, size_t len)
{
	const struct policy *p = o->policy;
	struct marking top;
	bool first = true, unknown = false;
	size_t i, k;

	marking_init(&top);
	for (i = 0; i < n; i++) {
		const struct document *d = docs[i].doc;

		if (d->has_banner && d->banner.unknown)
			unknown = true;
		else if (d->has_banner)
			marking_rollup_add(p, &top, &first, &d->banner);
		for (k = 0; k < d->nportions; k++) {
			if (!doc_portion(d, k)->eff_known || doc_portion(d, k)->eff->unknown)
				unknown = true;
			else
				marking_rollup_add(p, &top, &first, doc_portion(d, k)->eff);
		}
	}
	if (unknown) {
		snprintf(buf, len, "%s (UNKNOWN MARKINGS: HANDLED AS THE HIGHEST LEVEL)",
		    p->levels[p->nlevels - 1].name);
		return;
	}
	if (marking_format(p, &top, NULL, true, buf, len) < 0)
		snprintf(buf, len, "%s", p->levels[top.level].name);
}

/*
 * The release of one line as it will go out (line_out from redact_run_lines), its line ends
 * shown as line breaks and the last one dropped.
 */
static void
html_release(FILE *fp, const struct document *d, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\n' && s[i] != '\r' && s[i] != '\v' && s[i] != '\f')
			continue;
		html_text(fp, d, s + start, i - start);
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
			i++;
		if (i + 1 < n)
			fputc('\n', fp);
		start = i + 1;
	}
	html_text(fp, d, s + start, n - start);
}

/* Whether portion k of r's document is withheld. */
static bool
withheld_portion(const struct check_result *r, const struct document *d, size_t k)
{
	return redact_decision(&r->decisions, d, k)->rule != RULE_RELEASED;
}

/*
 * Links from withheld portion w (of nw, 0-based) of document docno to the one before and the one
 * after it, and the anchor they and the summary point at: stepping through what is withheld
 * needs no script.
 */
static void
html_step(FILE *fp, size_t docno, size_t w, size_t nw)
{
	fprintf(fp, "<p class=\"step\" id=\"d%zu-w%zu\">withheld %zu of %zu ", docno, w + 1,
	    w + 1, nw);
	if (w > 0)
		fprintf(fp, "<a href=\"#d%zu-w%zu\">previous</a>", docno, w);
	if (w + 1 < nw)
		fprintf(fp, "<a href=\"#d%zu-w%zu\">next</a>", docno, w + 2);
	fputs("</p>", fp);
}

/*
 * A document as a table, a line a row: its number, the original text, the release of that line
 * as it will go out, and the decision on its portion with every finding located on it
 * (findings are in line order). The row is coloured by the decision on its portion. Returns 0,
 * or -1 (out of memory).
 */
static int
html_doc_table(FILE *fp, const struct report_doc *rd, size_t docno,
    const struct report_options *o)
{
	const struct document *d = rd->doc;
	const struct check_result *r = rd->res;
	struct redact_result rel;
	size_t *line_out, i, k = 0, pk = 0, w = 0, nw = 0;
	char err[256];

	memset(&rel, 0, sizeof(rel));
	if ((line_out = calloc(d->nlines + 1, sizeof(*line_out))) == NULL)
		return -1;
	if (redact_run_lines(o->policy, d, o->release, o->mode, line_out, &rel, err,
	    sizeof(err)) != 0) {
		free(line_out);
		return -1;
	}
	for (i = 0; i < d->nportions; i++)
		nw += withheld_portion(r, d, i);
	fprintf(fp, "<table class=\"doc\"><caption>Line by line: the original, and its release "
	    "in %s mode</caption><colgroup><col class=\"n\"><col><col><col class=\"why\"></colgroup>"
	    "<thead><tr><th scope=\"col\">Line"
	    "</th><th scope=\"col\">Original</th><th scope=\"col\">Release</th>"
	    "<th scope=\"col\">Decision and findings</th></tr></thead>"
	    "<tbody>", redact_mode_name(o->mode));
	for (i = 0; i < d->nlines; i++) {
		const struct doc_line *ln = doc_line(d, i);
		const char *cls = "structure";

		if ((ln->kind == LINE_TEXT || ln->kind == LINE_BLANK) && ln->portion != DOC_NONE)
			cls = withheld_portion(r, d, ln->portion) ? "withheld" : "kept";
		fprintf(fp, "<tr class=\"%s\"><th scope=\"row\" id=\"d%zu-L%zu\">%zu</th>"
		    "<td class=\"text\">", cls, docno, i + 1, i + 1);
		html_text(fp, d, d->data + ln->off, ln->len);
		fprintf(fp, "</td><td class=\"text rel%s\">",
		    line_out[i] == line_out[i + 1] ? " gone" : "");
		html_release(fp, d, rel.out + line_out[i], line_out[i + 1] - line_out[i]);
		fputs("</td><td class=\"why\">", fp);
		/* Portions in the order they begin: a step link for each withheld one. */
		for (; pk < d->nportions && doc_portion(d, pk)->first <= i; pk++)
			if (withheld_portion(r, d, pk))
				html_step(fp, docno, w++, nw);
		for (; k < r->nfindings && r->findings[k].line <= i + 1; k++) {
			const struct check_finding *f = &r->findings[k];

			if (f->decision != NULL) {
				fputs("<p class=\"decision\">", fp);
			} else {
				fprintf(fp, "<p class=\"lint\"><span class=\"sev-%s\">%s:</span> ",
				    severity_names[f->severity], severity_names[f->severity]);
			}
			html_str(fp, f->message);
			fputs("</p>", fp);
		}
		fputs("</td></tr>", fp);
	}
	fputs("</tbody></table>", fp);
	redact_result_free(&rel);
	free(line_out);
	return 0;
}

/*
 * The banner at the head and the foot of every printed sheet, in the page's margin boxes: a CSS
 * string, every character that could end it or the style element written as an escape.
 */
static void
html_print_banner(FILE *fp, const char *banner)
{
	static const char *const box[] = { "top-center", "bottom-center" };
	const unsigned char *c;
	size_t k;

	fputs("<style>@page{margin:16mm 10mm;", fp);
	for (k = 0; k < 2; k++) {
		fprintf(fp, "@%s{content:\"", box[k]);
		for (c = (const unsigned char *)banner; *c != '\0'; c++)
			if (*c < 0x20 || *c == '"' || *c == '\\' || *c == '<' || *c == '>' ||
			    *c == '&')
				fprintf(fp, "\\%x ", *c);
			else
				fputc(*c, fp);
		fputs("\";background:#c8102e;color:#fff;font:bold 11pt system-ui,sans-serif;"
		    "letter-spacing:.1em;width:100%;text-align:center}", fp);
	}
	fputs("}</style>", fp);
}

static int
write_html_doc(FILE *fp, const struct report_doc *rd, size_t docno, const struct report_options *o)
{
	const struct check_result *r = rd->res;
	size_t k;
	char roll[160];

	fputs("<section class=\"file\"><h2>", fp);
	html_str(fp, rd->name);
	fprintf(fp, "</h2><p class=\"%s\">", doc_passes(rd, o) ? "pass" : "fail");
	fputs(doc_passes(rd, o) ? "Releasable to " : "Not releasable as it stands to ", fp);
	html_str(fp, o->target);
	rollup_text(o, r, roll, sizeof(roll));
	fputs("</p><table class=\"summary\"><tr><th scope=\"col\">Portions kept</th>"
	    "<th scope=\"col\">Portions withheld</th><th scope=\"col\">Errors</th>"
	    "<th scope=\"col\">Warnings</th><th scope=\"col\">Release would be marked</th></tr>", fp);
	fprintf(fp, "<tr><td>%zu</td><td>", r->kept);
	if (r->withheld > 0)
		fprintf(fp, "<a href=\"#d%zu-w1\">%zu</a>", docno, r->withheld);
	else
		fputs("0", fp);
	fprintf(fp, "</td><td>%zu</td><td>%zu</td><td>", r->errors, r->warnings);
	html_str(fp, roll);
	fputs("</td></tr></table>", fp);

	/* The findings: errors and warnings, and kept portions too with `notes`, as in text. */
	fputs("<table class=\"findings\"><tr><th scope=\"col\">Line</th>"
	    "<th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Message"
	    "</th><th scope=\"col\">Marking</th></tr>", fp);
	for (k = 0; k < r->nfindings; k++) {
		const struct check_finding *f = &r->findings[k];

		if (f->severity == SEVERITY_NOTE && !o->notes)
			continue;
		fprintf(fp, "<tr class=\"finding %s\"><td><a href=\"#d%zu-L%zu\">%zu</a></td>"
		    "<td class=\"sev-%s\">%s</td><td>", f->decision != NULL ? f->decision : "lint",
		    docno, f->line, f->line, severity_names[f->severity],
		    severity_names[f->severity]);
		html_str(fp, f->rule);
		fputs("</td><td>", fp);
		html_str(fp, f->message);
		fputs("</td><td>", fp);
		html_str(fp, f->marking);
		fputs("</td></tr>", fp);
	}
	fputs("</table>", fp);
	if (html_doc_table(fp, rd, docno, o) != 0)
		return -1;
	fputs("</section>", fp);
	return 0;
}

static int
write_html(FILE *fp, const struct report_doc *docs, size_t n, const struct report_options *o)
{
	char banner[160];
	size_t i;

	html_banner_text(docs, n, o, banner, sizeof(banner));
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'\"><title>tearline review: ", fp);
	html_str(fp, o->target);
	fprintf(fp, "</title><style>%s</style>", html_style);
	html_print_banner(fp, banner);
	fputs("</head><body>", fp);
	fputs("<div class=\"banner\" id=\"banner-top\">", fp);
	html_str(fp, banner);
	fputs("</div><main><h1>tearline review for release to ", fp);
	html_str(fp, o->target);
	fputs("</h1><p>This page holds the original text and is marked as the original is. "
	    "Each line of a document is shown with its release as it will go out (", fp);
	html_str(fp, redact_mode_name(o->mode));
	fputs(" mode: placeholders, re-marked banners) and why. Policy: ", fp);
	html_str(fp, o->policy->name);
	fputs(".</p><p class=\"legend\"><span class=\"kept\">kept</span>"
	    "<span class=\"withheld\">withheld</span><span class=\"structure\">structure "
	    "(banners, captions, headers: re-marked in a release)</span></p>", fp);
	fputs("<table class=\"summary\" id=\"summary\"><tr><th scope=\"col\">File</th>"
	    "<th scope=\"col\">Result</th><th scope=\"col\">Kept</th><th scope=\"col\">Withheld"
	    "</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th></tr>", fp);
	for (i = 0; i < n; i++) {
		const struct check_result *r = docs[i].res;

		fputs("<tr><td>", fp);
		html_str(fp, docs[i].name);
		fprintf(fp, "</td><td class=\"%s\">%s</td><td>%zu</td><td>%zu</td><td>%zu</td>"
		    "<td>%zu</td></tr>", doc_passes(&docs[i], o) ? "pass" : "fail",
		    doc_passes(&docs[i], o) ? "releasable" : "not releasable", r->kept, r->withheld,
		    r->errors, r->warnings);
	}
	fputs("</table>", fp);
	for (i = 0; i < n; i++)
		if (write_html_doc(fp, &docs[i], i, o) != 0)
			return -1;
	fputs("</main><div class=\"banner\" id=\"banner-bottom\">", fp);
	html_str(fp, banner);
	fputs("</div></body></html>\n", fp);
	return 0;
}

/* Hands a stored result's findings to a stream, as check_document hands them. */
static int
replay_findings(struct report_stream *rs, const struct report_doc *doc, char *err,
    size_t errlen)
{
	size_t k;

	if (report_doc_begin(rs, doc->name, err, errlen) != 0)
		return -1;
	for (k = 0; k < doc->res->nfindings; k++)
		if (stream_finding(rs, &doc->res->findings[k]) != 0) {
			snprintf(err, errlen, "%s", rs->err);
			return -1;
		}
	return report_doc_end(rs, doc->res, err, errlen);
}

int
report_write(FILE *fp, enum report_format f, const struct report_doc *docs, size_t n,
    const struct report_options *o, char *err, size_t errlen)
{
	struct report_stream *rs;
	size_t i;
	int rc = 0;

	if (f == FORMAT_HTML) {
		if (write_html(fp, docs, n, o) != 0) {
			snprintf(err, errlen, "out of memory writing the review page");
			return -1;
		}
		if (fflush(fp) != 0 || ferror(fp)) {
			snprintf(err, errlen, "cannot write the report: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((rs = report_begin(fp, f, o, err, errlen)) == NULL)
		return -1;
	for (i = 0; i < n && rc == 0; i++)
		rc = replay_findings(rs, &docs[i], err, errlen);
	if (rc == 0)
		rc = report_end(rs, err, errlen);
	report_stream_free(rs);
	return rc;
}
