/* SPDX-License-Identifier: ISC */
/*
 * policy: loading a YAML policy (libyaml's document API) and compiling its patterns (PCRE2).
 */
#include "policy.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sodium.h>
#include <yaml.h>

#include "textio.h"

#ifndef TEARLINE_BIN_DIR
#define TEARLINE_BIN_DIR "/usr/local/bin"
#endif
#ifndef TEARLINE_POLICY_DIR
#define TEARLINE_POLICY_DIR "/usr/local/share/tearline/policies"
#endif

static const char *const role_names[ROLE_COUNT] = {
	"routing", "routing_class", "banner", "page", "authority", "authority_tail", "declass",
	"tags", "subject", "label"
};

/* Where a load is: the parsed document, the policy being filled, and the error buffer. */
struct loader {
	yaml_document_t *doc;
	struct policy *p;
	const char *origin;
	char *err;
	size_t errlen;
};

static int
fail(struct loader *l, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[POLICY_ERRLEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n != NULL)
		snprintf(l->err, l->errlen, "%s:%lu: %s", l->origin,
		    (unsigned long)n->start_mark.line + 1, msg);
	else
		snprintf(l->err, l->errlen, "%s: %s", l->origin, msg);
	return -1;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

/* Returns the value node of `key` in mapping m, or NULL. */
static yaml_node_t *
map_get(yaml_document_t *doc, yaml_node_t *m, const char *key)
{
	yaml_node_pair_t *pair;

	if (m == NULL || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (pair = m->data.mapping.pairs.start; pair < m->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(doc, pair->key);

		if (k != NULL && k->type == YAML_SCALAR_NODE &&
		    strcmp((const char *)k->data.scalar.value, key) == 0)
			return yaml_document_get_node(doc, pair->value);
	}
	return NULL;
}

/* Checks that every key of mapping m is one of the NULL-terminated `allowed`. */
static int
map_check_keys(struct loader *l, yaml_node_t *m, const char *what, const char *const *allowed)
{
	yaml_node_pair_t *pair;

	if (m == NULL || m->type != YAML_MAPPING_NODE)
		return fail(l, m, "%s must be a mapping", what);
	for (pair = m->data.mapping.pairs.start; pair < m->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = yaml_document_get_node(l->doc, pair->key);
		const char *const *a;

		if (k == NULL || k->type != YAML_SCALAR_NODE)
			return fail(l, k, "%s: keys must be plain words", what);
		for (a = allowed; *a != NULL; a++)
			if (strcmp(*a, (const char *)k->data.scalar.value) == 0)
				break;
		if (*a == NULL)
			return fail(l, k, "%s: unknown key \"%s\"", what, k->data.scalar.value);
	}
	return 0;
}

/* Returns a scalar's text, or NULL with an error when n is not a scalar. */
static const char *
scalar(struct loader *l, yaml_node_t *n, const char *what)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE) {
		fail(l, n, "%s must be a string", what);
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

static int
dup_scalar(struct loader *l, yaml_node_t *n, const char *what, char **out)
{
	const char *s = scalar(l, n, what);

	if (s == NULL)
		return -1;
	if ((*out = xstrdup(s)) == NULL)
		return fail(l, n, "out of memory");
	return 0;
}

static int
get_bool(struct loader *l, yaml_node_t *n, const char *what, bool *out)
{
	const char *s;

	if (n == NULL)
		return 0;
	if ((s = scalar(l, n, what)) == NULL)
		return -1;
	if (strcmp(s, "true") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0)
		*out = false;
	else
		return fail(l, n, "%s must be true or false, not \"%s\"", what, s);
	return 0;
}

static int
get_uint(struct loader *l, yaml_node_t *n, const char *what, uint32_t *out)
{
	const char *s;
	char *end;
	unsigned long v;

	if (n == NULL)
		return 0;
	if ((s = scalar(l, n, what)) == NULL)
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v == 0 || v > UINT32_MAX)
		return fail(l, n, "%s must be a positive whole number, not \"%s\"", what, s);
	*out = (uint32_t)v;
	return 0;
}

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Copies a sequence of scalars into a new array of strings. An absent node gives none. */
static int
get_strings(struct loader *l, yaml_node_t *n, const char *what, char ***out, size_t *count)
{
	yaml_node_item_t *it;
	size_t i = 0, total;

	*out = NULL;
	*count = 0;
	if (n == NULL)
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return fail(l, n, "%s must be a list", what);
	total = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	if (total == 0)
		return 0;
	if ((*out = calloc(total, sizeof(**out))) == NULL)
		return fail(l, n, "out of memory");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		if (dup_scalar(l, yaml_document_get_node(l->doc, *it), what, &(*out)[i]) != 0) {
			free_strings(*out, i);
			*out = NULL;
			return -1;
		}
		i++;
	}
	*count = i;
	return 0;
}

static bool
token_eq(const char *a, const char *b, size_t blen)
{
	return strlen(a) == blen && strncasecmp(a, b, blen) == 0;
}

bool
policy_not_mark(const struct policy *p, const char *token, size_t len)
{
	size_t i;

	/* A token no symbol begins with is none (an empty symbol's first byte is its NUL). */
	if (!p->not_mark_first[len > 0 ? (unsigned char)token[0] : 0])
		return false;
	/*
	 * Byte by byte up to the first that differs (most words differ at their first or second
	 * byte, and all the symbols begin alike), then the symbol's end: its strlen is len.
	 */
	for (i = 0; i < p->nnot_marks; i++) {
		const char *w = p->not_marks[i];
		size_t k;

		for (k = 0; k < len && w[k] != '\0' && w[k] == token[k]; k++)
			continue;
		if (k == len && w[k] == '\0')
			return true;
	}
	return false;
}

int
policy_control_find(const struct policy *p, const char *token, size_t len)
{
	size_t i, j;

	if (p->words != NULL) {
		if (len == 0 || (p->word_lengths[tolower((unsigned char)token[0])] &
		    ((uint64_t)1 << (len < 63 ? len : 63))) == 0)
			return -1;
		/* Length and first letter first: most look-ups are of words that are no control. */
		for (i = 0; i < p->nwords; i++)
			if (p->words[i].len == len && len > 0 &&
			    tolower((unsigned char)p->words[i].text[0]) ==
			    tolower((unsigned char)token[0]) &&
			    strncasecmp(p->words[i].text, token, len) == 0)
				return p->words[i].control;
		return -1;
	}
	for (i = 0; i < p->ncontrols; i++) {
		const struct policy_control *c = &p->controls[i];

		if (token_eq(c->name, token, len))
			return (int)i;
		for (j = 0; j < c->naliases; j++)
			if (token_eq(c->aliases[j], token, len))
				return (int)i;
	}
	return -1;
}

/*
 * Where the English country name token[0..len) ("GERMANY", "New Zealand") stands in
 * policy_country_names, by binary search, or -1.
 */
static long
country_name_at(const char *token, size_t len)
{
	size_t lo = 0, hi = policy_country_nnames;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *name = policy_country_names[mid].name;
		size_t nlen = strlen(name);
		int c = strncasecmp(name, token, nlen < len ? nlen : len);

		/* A token with a NUL byte in it compares to none (strncasecmp stops there). */
		if (c == 0 && memchr(token, '\0', len) != NULL)
			return -1;
		if (c == 0)
			c = (nlen > len) - (nlen < len);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool
policy_country_name(const char *token, size_t len)
{
	return country_name_at(token, len) >= 0;
}

/*
 * Looks up an English country name in policy_country_names (country_name_at). Returns the number
 * of the country it stands for, or -1 when it names none or one that p does not list.
 */
int
policy_country_by_name(const struct policy *p, const char *token, size_t len)
{
	long at = country_name_at(token, len);
	size_t i;

	if (at < 0)
		return -1;
	for (i = 0; i < p->ncountries; i++)
		if (strcmp(p->countries[i], policy_country_names[at].code) == 0)
			return (int)i;
	return -1;
}

/*
 * a[0..an) against b[0..bn), byte by byte with ASCII letters folded to capitals, then by length:
 * zero only when they are equal as token_eq has them (a NUL byte compares as itself).
 */
static int
folded_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i, n = an < bn ? an : bn;

	for (i = 0; i < n; i++) {
		int x = toupper((unsigned char)a[i]), y = toupper((unsigned char)b[i]);

		if (x != y)
			return x - y;
	}
	return (an > bn) - (an < bn);
}

/* Where the code token[0..len) is, or would go, in p->country_order; *found when it is there. */
static size_t
country_slot(const struct policy *p, const char *token, size_t len, bool *found)
{
	size_t lo = 0, hi = p->ncountries;

	*found = false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *code = p->countries[p->country_order[mid]];
		int c = folded_cmp(code, strlen(code), token, len);

		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
policy_country_find(const struct policy *p, const char *token, size_t len)
{
	size_t i;
	bool found;

	i = country_slot(p, token, len, &found);
	if (found)
		return (int)p->country_order[i];
	for (i = 0; i < p->naliases; i++)
		if (token_eq(p->aliases[i].name, token, len))
			return p->aliases[i].country;
	return p->country_names ? policy_country_by_name(p, token, len) : -1;
}

int
policy_group_find(const struct policy *p, const char *token, size_t len)
{
	size_t i;

	for (i = 0; i < p->ngroups; i++)
		if (token_eq(p->groups[i].name, token, len))
			return (int)i;
	return -1;
}

static int
level_find(const struct policy *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nlevels; i++)
		if (strcasecmp(p->levels[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
load_levels(struct loader *l, yaml_node_t *seq)
{
	static const char *const keys[] = { "name", "portion", "banner", "spaced", "routing",
		"exemption", NULL };
	struct policy *p = l->p;
	yaml_node_item_t *it;

	if (seq == NULL || seq->type != YAML_SEQUENCE_NODE)
		return fail(l, seq, "scheme.levels must be a list of levels, lowest first");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(l->doc, *it);
		struct policy_level *lv;

		if (p->nlevels == POLICY_MAX_LEVELS)
			return fail(l, m, "more than %d levels", POLICY_MAX_LEVELS);
		if (map_check_keys(l, m, "a level", keys) != 0)
			return -1;
		lv = &p->levels[p->nlevels++];
		if (dup_scalar(l, map_get(l->doc, m, "name"), "level name", &lv->name) != 0 ||
		    get_strings(l, map_get(l->doc, m, "portion"), "level portion", &lv->portion,
		    &lv->nportion) != 0 ||
		    get_strings(l, map_get(l->doc, m, "banner"), "level banner", &lv->banner,
		    &lv->nbanner) != 0)
			return -1;
		if (lv->nbanner == 0)
			return fail(l, m, "level %s has no banner words", lv->name);
		if (map_get(l->doc, m, "spaced") != NULL &&
		    dup_scalar(l, map_get(l->doc, m, "spaced"), "level spaced", &lv->spaced) != 0)
			return -1;
		if (map_get(l->doc, m, "routing") != NULL &&
		    dup_scalar(l, map_get(l->doc, m, "routing"), "level routing", &lv->routing) != 0)
			return -1;
		if (map_get(l->doc, m, "exemption") != NULL &&
		    dup_scalar(l, map_get(l->doc, m, "exemption"), "level exemption",
		    &lv->exemption) != 0)
			return -1;
	}
	if (p->nlevels < 2)
		return fail(l, seq, "a scheme needs at least two levels");
	return 0;
}

/*
 * Reads a control's audiences (`release` or `holders`). The public is none of them: a public
 * release carries no control at all, and a control the public may read is a distribution caption.
 */
static int
parse_audiences(struct loader *l, yaml_node_t *n, const char *what, unsigned *out)
{
	char **v;
	size_t nv, i;
	int rc = 0;

	*out = 0;
	if (get_strings(l, n, what, &v, &nv) != 0)
		return -1;
	for (i = 0; i < nv && rc == 0; i++) {
		if (strcmp(v[i], "public") == 0)
			rc = fail(l, n, "%s: a handling control never reaches the public (a public "
			    "release carries no control); a caption the public may read is of kind "
			    "distribution", what);
		else if (strcmp(v[i], "us") == 0)
			*out |= AUDIENCE_US;
		else if (strcmp(v[i], "foreign") == 0)
			*out |= AUDIENCE_FOREIGN;
		else
			rc = fail(l, n, "%s: unknown audience \"%s\" (us or foreign)", what, v[i]);
	}
	free_strings(v, nv);
	return rc;
}

static int
load_controls(struct loader *l, yaml_node_t *seq)
{
	static const char *const keys[] = { "name", "kind", "release", "holders", "aliases",
		"level", "unclassified_only", "countries", "exemption", "stated", NULL };
	struct policy *p = l->p;
	yaml_node_item_t *it;

	p->noforn = -1;
	if (seq == NULL || seq->type != YAML_SEQUENCE_NODE)
		return fail(l, seq, "scheme.controls must be a list");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(l->doc, *it);
		struct policy_control *c;
		const char *kind, *lvname;
		size_t j;

		if (p->ncontrols == POLICY_MAX_CONTROLS)
			return fail(l, m, "more than %d controls", POLICY_MAX_CONTROLS);
		if (map_check_keys(l, m, "a control", keys) != 0)
			return -1;
		c = &p->controls[p->ncontrols++];
		c->level = -1;
		if (dup_scalar(l, map_get(l->doc, m, "name"), "control name", &c->name) != 0 ||
		    (kind = scalar(l, map_get(l->doc, m, "kind"), "control kind")) == NULL ||
		    get_strings(l, map_get(l->doc, m, "aliases"), "control aliases", &c->aliases,
		    &c->naliases) != 0 ||
		    parse_audiences(l, map_get(l->doc, m, "release"), "release", &c->release) != 0 ||
		    get_bool(l, map_get(l->doc, m, "unclassified_only"), "unclassified_only",
		    &c->unclassified_only) != 0 ||
		    get_bool(l, map_get(l->doc, m, "countries"), "countries", &c->countries) != 0 ||
		    get_bool(l, map_get(l->doc, m, "stated"), "stated", &c->stated) != 0)
			return -1;
		if (strcmp(kind, "noforn") == 0)
			c->kind = CONTROL_NOFORN;
		else if (strcmp(kind, "handling") == 0)
			c->kind = CONTROL_HANDLING;
		else if (strcmp(kind, "distribution") == 0)
			c->kind = CONTROL_DISTRIBUTION;
		else
			return fail(l, m, "control %s: unknown kind \"%s\" (noforn, handling or "
			    "distribution)", c->name, kind);
		/* Who may hold it: US and foreign readers unless the policy says fewer. */
		c->holders = AUDIENCE_US | AUDIENCE_FOREIGN;
		if (map_get(l->doc, m, "holders") != NULL &&
		    parse_audiences(l, map_get(l->doc, m, "holders"), "holders", &c->holders) != 0)
			return -1;
		if (c->kind == CONTROL_NOFORN) {
			c->holders = AUDIENCE_US;
			if (p->noforn < 0)
				p->noforn = (int)(p->ncontrols - 1);
		}
		if (c->kind == CONTROL_HANDLING) {
			p->handling |= (uint64_t)1 << (p->ncontrols - 1);
			if (!(c->holders & AUDIENCE_FOREIGN))
				p->us_only |= (uint64_t)1 << (p->ncontrols - 1);
		}
		if (map_get(l->doc, m, "level") != NULL) {
			if ((lvname = scalar(l, map_get(l->doc, m, "level"), "control level")) == NULL)
				return -1;
			if ((c->level = level_find(p, lvname)) < 0)
				return fail(l, m, "control %s: unknown level \"%s\"", c->name, lvname);
		}
		if (map_get(l->doc, m, "exemption") != NULL &&
		    dup_scalar(l, map_get(l->doc, m, "exemption"), "control exemption",
		    &c->exemption) != 0)
			return -1;
		/* A token must name one control only, or a mark could mean two things. */
		if (policy_control_find(p, c->name, strlen(c->name)) != (int)(p->ncontrols - 1))
			return fail(l, m, "control %s is defined twice", c->name);
		for (j = 0; j < c->naliases; j++)
			if (policy_control_find(p, c->aliases[j], strlen(c->aliases[j])) !=
			    (int)(p->ncontrols - 1))
				return fail(l, m, "alias %s names two controls", c->aliases[j]);
	}
	return 0;
}

/*
 * The home country: its people are the scheme's own audience (NOFORN means "none but them") and
 * every REL TO list names it first. scheme.home, or USA when the countries list it.
 */
static int
load_home(struct loader *l, yaml_node_t *scheme)
{
	struct policy *p = l->p;
	yaml_node_t *n = map_get(l->doc, scheme, "home");
	const char *code = "USA";

	p->home = -1;
	if (n != NULL && (code = scalar(l, n, "scheme.home")) == NULL)
		return -1;
	p->home = policy_country_find(p, code, strlen(code));
	if (p->home < 0 && n != NULL)
		return fail(l, n, "scheme.home: unknown country \"%s\"", code);
	return 0;
}

/* Adds a country group; `members` (country codes) only when `known`. */
static int
add_group(struct loader *l, yaml_node_t *at, const char *name, bool known, char **members,
    size_t nmembers)
{
	struct policy *p = l->p;
	struct policy_group *gr, *bigger;
	size_t j;

	if (policy_group_find(p, name, strlen(name)) >= 0)
		return fail(l, at, "group %s is listed twice", name);
	if ((bigger = realloc(p->groups, (p->ngroups + 1) * sizeof(*bigger))) == NULL)
		return fail(l, at, "out of memory");
	p->groups = bigger;
	gr = &p->groups[p->ngroups];
	memset(gr, 0, sizeof(*gr));
	if ((gr->name = xstrdup(name)) == NULL)
		return fail(l, at, "out of memory");
	p->ngroups++;
	gr->known = known;
	gr->slot = -1;
	if (!known) {
		if (p->nslots >= POLICY_MAX_COUNTRIES)
			return fail(l, at, "more than %d countries and groups of unknown membership",
			    POLICY_MAX_COUNTRIES);
		gr->slot = (int)p->nslots++;
		gr->members.bits[gr->slot / 64] |= (uint64_t)1 << (gr->slot % 64);
	}
	for (j = 0; j < nmembers; j++) {
		int c = policy_country_find(p, members[j], strlen(members[j]));

		if (c < 0)
			return fail(l, at, "group %s: unknown country \"%s\"", name, members[j]);
		gr->members.bits[c / 64] |= (uint64_t)1 << (c % 64);
	}
	return 0;
}

static int
load_countries(struct loader *l, yaml_node_t *scheme)
{
	struct policy *p = l->p;
	yaml_node_t *n = map_get(l->doc, scheme, "countries"), *g, *a;
	char **v;
	size_t nv, i;
	yaml_node_pair_t *pair;

	if (get_strings(l, n, "scheme.countries", &v, &nv) != 0)
		return -1;
	if (nv > POLICY_MAX_COUNTRIES) {
		free_strings(v, nv);
		return fail(l, n, "more than %d countries", POLICY_MAX_COUNTRIES);
	}
	p->home = -1;
	if (nv > 0 && ((p->countries = calloc(nv, sizeof(*p->countries))) == NULL ||
	    (p->country_order = calloc(nv, sizeof(*p->country_order))) == NULL)) {
		free_strings(v, nv);
		return fail(l, n, "out of memory");
	}
	for (i = 0; i < nv; i++) {
		size_t at;
		bool found;

		if (strlen(v[i]) >= sizeof(p->countries[0]) ||
		    policy_country_find(p, v[i], strlen(v[i])) >= 0) {
			fail(l, n, "country code \"%s\" is too long or listed twice", v[i]);
			free_strings(v, nv);
			return -1;
		}
		memcpy(p->countries[i], v[i], strlen(v[i]) + 1);
		at = country_slot(p, v[i], strlen(v[i]), &found);
		memmove(&p->country_order[at + 1], &p->country_order[at],
		    (i - at) * sizeof(*p->country_order));
		p->country_order[at] = (uint16_t)i;
		p->ncountries = i + 1;
	}
	free_strings(v, nv);
	p->nslots = p->ncountries;

	g = map_get(l->doc, scheme, "groups");
	if (g != NULL) {
		if (g->type != YAML_MAPPING_NODE)
			return fail(l, g, "scheme.groups must be a mapping of group to members");
		for (pair = g->data.mapping.pairs.start; pair < g->data.mapping.pairs.top; pair++) {
			yaml_node_t *k = yaml_document_get_node(l->doc, pair->key);
			yaml_node_t *val = yaml_document_get_node(l->doc, pair->value);
			const char *name = scalar(l, k, "group name");
			int rc = 0;

			if (name == NULL || get_strings(l, val, "group members", &v, &nv) != 0)
				return -1;
			if (strcmp(name, "unknown_membership") == 0) {
				/* Known tokens whose members the policy does not list. */
				for (i = 0; i < nv && rc == 0; i++)
					rc = add_group(l, k, v[i], false, NULL, 0);
			} else {
				rc = add_group(l, k, name, true, v, nv);
			}
			free_strings(v, nv);
			if (rc != 0)
				return -1;
		}
	}

	a = map_get(l->doc, scheme, "country_aliases");
	if (a != NULL) {
		size_t cap;

		if (a->type != YAML_MAPPING_NODE)
			return fail(l, a, "scheme.country_aliases must be a mapping");
		cap = (size_t)(a->data.mapping.pairs.top - a->data.mapping.pairs.start);
		if (cap > 0 && (p->aliases = calloc(cap, sizeof(*p->aliases))) == NULL)
			return fail(l, a, "out of memory");
		for (pair = a->data.mapping.pairs.start; pair < a->data.mapping.pairs.top; pair++) {
			const char *name = scalar(l, yaml_document_get_node(l->doc, pair->key),
			    "alias");
			const char *code = scalar(l, yaml_document_get_node(l->doc, pair->value),
			    "alias code");
			int c;

			if (name == NULL || code == NULL)
				return -1;
			if ((c = policy_country_find(p, code, strlen(code))) < 0)
				return fail(l, yaml_document_get_node(l->doc, pair->value),
				    "alias %s: unknown country \"%s\"", name, code);
			if ((p->aliases[p->naliases].name = xstrdup(name)) == NULL)
				return fail(l, a, "out of memory");
			p->aliases[p->naliases++].country = c;
		}
	}
	return 0;
}

static int
group_number(const pcre2_code *code, const char *name)
{
	int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);

	return n > 0 ? n : -1;
}

/*
 * Asks PCRE2 what every match of r starts with and how long it is at least (the same facts its
 * own start-up optimisations rest on), so that lines that cannot match skip the rule.
 */
static void
learn_first(struct policy_rule *r)
{
	const uint8_t *bitmap = NULL;
	uint32_t type = 0, unit = 0, minlen = 0;

	r->first_known = false;
	r->minlen = 0;
	r->required = -1;
	if (pcre2_pattern_info(r->code, PCRE2_INFO_MINLENGTH, &minlen) == 0)
		r->minlen = minlen;
	/* A byte that every match must contain; its case may not matter, so both are tried. */
	if (pcre2_pattern_info(r->code, PCRE2_INFO_LASTCODETYPE, &type) == 0 && type == 1 &&
	    pcre2_pattern_info(r->code, PCRE2_INFO_LASTCODEUNIT, &unit) == 0 && unit < 256)
		r->required = (int)unit;
	if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0)
		return;
	if (type == 1 && pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODEUNIT, &unit) == 0 &&
	    unit < 256) {
		/* Both cases: the pattern may be caseless there. */
		memset(r->first, 0, sizeof(r->first));
		r->first[unit / 8] |= (uint8_t)(1u << (unit % 8));
		r->first[toupper((int)unit) / 8] |= (uint8_t)(1u << (toupper((int)unit) % 8));
		r->first[tolower((int)unit) / 8] |= (uint8_t)(1u << (tolower((int)unit) % 8));
		r->first_known = true;
	} else if (type == 0 && pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 &&
	    bitmap != NULL && minlen > 0) {
		memcpy(r->first, bitmap, sizeof(r->first));
		r->first_known = true;
	}
}

bool
policy_rule_may_match(const struct policy_rule *r, const char *s, size_t len)
{
	unsigned char c = (unsigned char)s[0];

	if (len < r->minlen || (r->first_known && !((r->first[c / 8] >> (c % 8)) & 1)))
		return false;
	if (r->required >= 0) {
		int up = toupper(r->required), low = tolower(r->required);

		if (memchr(s, up, len) == NULL && (low == up || memchr(s, low, len) == NULL))
			return false;
	}
	return true;
}

static int
compile_rule(struct loader *l, yaml_node_t *m, struct policy_rule *r)
{
	int errcode;
	PCRE2_SIZE erroff;

	r->code = pcre2_compile((PCRE2_SPTR)r->source, PCRE2_ZERO_TERMINATED, 0, &errcode,
	    &erroff, NULL);
	if (r->code == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		return fail(l, m, "%s pattern: %s at offset %lu", role_names[r->role],
		    (const char *)msg, (unsigned long)erroff);
	}
	/* The JIT is an optimisation: without it the interpreter gives the same answers. */
	(void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
	learn_first(r);
	r->g_label = group_number(r->code, "label");
	r->g_mark = group_number(r->code, "mark");
	r->g_level = group_number(r->code, "level");
	r->g_controls = group_number(r->code, "controls");
	r->g_rest = group_number(r->code, "rest");
	r->g_class = group_number(r->code, "class");
	r->g_prefix = group_number(r->code, "prefix");
	r->g_decl = group_number(r->code, "decl");
	r->g_number = group_number(r->code, "number");
	r->g_bullet = group_number(r->code, "bullet");
	r->g_bare = group_number(r->code, "bare");

	/* Each role needs its groups; a policy without them cannot be applied safely. */
	if ((r->role == ROLE_SUBJECT && r->g_label < 0) ||
	    (r->role == ROLE_BANNER && r->g_level < 0) ||
	    (r->role == ROLE_LABEL && (r->g_number < 0 || r->g_bullet < 0 || r->g_bare < 0)) ||
	    (r->role == ROLE_ROUTING_CLASS && r->g_class < 0) ||
	    (r->role == ROLE_DECLASS && (r->g_prefix < 0 || r->g_decl < 0)))
		return fail(l, m, "%s pattern lacks a named group it needs (see tearline(1))",
		    role_names[r->role]);
	return 0;
}

/*
 * Loads the reading section: the label pattern (required), the bytes that end a sentence, and
 * the limits of a label and a mark.
 */
static int
load_reading(struct loader *l, yaml_node_t *m)
{
	static const char *const keys[] = { "label", "sentence_end", "label_max", "mark_max",
		NULL };
	struct policy_reading *rd = &l->p->reading;
	yaml_node_t *n;
	const char *end = ".:;!?\"')]";

	rd->label_max = 24;
	rd->mark_max = 80;
	if (m == NULL)
		return fail(l, NULL, "layout.reading is missing (it holds the label pattern)");
	if (map_check_keys(l, m, "layout.reading", keys) != 0)
		return -1;
	if ((n = map_get(l->doc, m, "sentence_end")) != NULL &&
	    (end = scalar(l, n, "layout.reading.sentence_end")) == NULL)
		return -1;
	if (strlen(end) >= sizeof(rd->sentence_end))
		return fail(l, n, "layout.reading.sentence_end is longer than %zu bytes",
		    sizeof(rd->sentence_end) - 1);
	memcpy(rd->sentence_end, end, strlen(end) + 1);
	if (get_uint(l, map_get(l->doc, m, "label_max"), "label_max", &rd->label_max) != 0 ||
	    get_uint(l, map_get(l->doc, m, "mark_max"), "mark_max", &rd->mark_max) != 0)
		return -1;
	/* A placeholder keeps the label, and a message may name the mark: both stay short. */
	if (rd->label_max > 64 || rd->mark_max < 8 || rd->mark_max > 200)
		return fail(l, m, "layout.reading: label_max is at most 64, mark_max 8 to 200");
	rd->label.role = ROLE_LABEL;
	rd->label.scope = SCOPE_ANYWHERE;
	if (dup_scalar(l, map_get(l->doc, m, "label"), "layout.reading.label",
	    &rd->label.source) != 0)
		return -1;
	return compile_rule(l, m, &rd->label);
}

static int
load_layout(struct loader *l, yaml_node_t *layout)
{
	static const char *const keys[] = { "limits", "placeholder", "default_exemption", "rules",
		"reading", NULL };
	static const char *const lkeys[] = { "match", "depth", "heap_kib", NULL };
	static const char *const rkeys[] = { "role", "pattern", "scope", NULL };
	struct policy *p = l->p;
	yaml_node_t *lim, *rules;
	yaml_node_item_t *it;
	size_t total;

	if (map_check_keys(l, layout, "layout", keys) != 0)
		return -1;
	p->match_limit = 100000;
	p->depth_limit = 10000;
	p->heap_limit_kib = 4096;
	if ((lim = map_get(l->doc, layout, "limits")) != NULL) {
		if (map_check_keys(l, lim, "layout.limits", lkeys) != 0 ||
		    get_uint(l, map_get(l->doc, lim, "match"), "match", &p->match_limit) != 0 ||
		    get_uint(l, map_get(l->doc, lim, "depth"), "depth", &p->depth_limit) != 0 ||
		    get_uint(l, map_get(l->doc, lim, "heap_kib"), "heap_kib",
		    &p->heap_limit_kib) != 0)
			return -1;
	}
	if (dup_scalar(l, map_get(l->doc, layout, "placeholder"), "layout.placeholder",
	    &p->placeholder) != 0 ||
	    dup_scalar(l, map_get(l->doc, layout, "default_exemption"), "layout.default_exemption",
	    &p->default_exemption) != 0)
		return -1;

	rules = map_get(l->doc, layout, "rules");
	if (rules == NULL || rules->type != YAML_SEQUENCE_NODE)
		return fail(l, rules, "layout.rules must be a list");
	total = (size_t)(rules->data.sequence.items.top - rules->data.sequence.items.start);
	if (total == 0 || (p->rules = calloc(total, sizeof(*p->rules))) == NULL)
		return fail(l, rules, "layout.rules is empty or memory ran out");
	for (it = rules->data.sequence.items.start; it < rules->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(l->doc, *it);
		struct policy_rule *r = &p->rules[p->nrules++];
		const char *role, *scope;
		int i;

		if (map_check_keys(l, m, "a layout rule", rkeys) != 0 ||
		    (role = scalar(l, map_get(l->doc, m, "role"), "rule role")) == NULL)
			return -1;
		for (i = 0; i < ROLE_COUNT; i++)
			if (strcmp(role_names[i], role) == 0)
				break;
		if (strcmp(role, "portion") == 0 || strcmp(role, "caption") == 0)
			return fail(l, m, "role \"%s\" is read by tearline itself now: portion "
			    "labels are layout.reading.label, captions come from the controls", role);
		if (i == ROLE_COUNT || i == ROLE_LABEL)
			return fail(l, m, "unknown role \"%s\"", role);
		r->role = (enum layout_role)i;
		r->scope = SCOPE_ANYWHERE;
		if (map_get(l->doc, m, "scope") != NULL) {
			if ((scope = scalar(l, map_get(l->doc, m, "scope"), "rule scope")) == NULL)
				return -1;
			if (strcmp(scope, "anywhere") == 0)
				r->scope = SCOPE_ANYWHERE;
			else if (strcmp(scope, "top") == 0)
				r->scope = SCOPE_TOP;
			else if (strcmp(scope, "header") == 0)
				r->scope = SCOPE_HEADER;
			else
				return fail(l, m, "unknown scope \"%s\" (anywhere, top, header)",
				    scope);
		}
		if (dup_scalar(l, map_get(l->doc, m, "pattern"), "rule pattern", &r->source) != 0)
			return -1;
		if (compile_rule(l, m, r) != 0)
			return -1;
	}
	return load_reading(l, map_get(l->doc, layout, "reading"));
}

static int
load_tests(struct loader *l, yaml_node_t *seq)
{
	static const char *const keys[] = { "mark", "target", "line", "rollup", "expect", NULL };
	struct policy *p = l->p;
	yaml_node_item_t *it;
	size_t total;

	if (seq == NULL)
		return 0;
	if (seq->type != YAML_SEQUENCE_NODE)
		return fail(l, seq, "tests must be a list of examples");
	total = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	if (total == 0)
		return 0;
	if ((p->tests = calloc(total, sizeof(*p->tests))) == NULL)
		return fail(l, seq, "out of memory");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *m = yaml_document_get_node(l->doc, *it);
		struct policy_test *t = &p->tests[p->ntests++];
		static const char *const fields[] = { "mark", "target", "line", "expect" };
		char **dst[4];
		size_t i;

		dst[0] = &t->mark;
		dst[1] = &t->target;
		dst[2] = &t->line;
		dst[3] = &t->expect;
		if (map_check_keys(l, m, "a test", keys) != 0)
			return -1;
		t->at = (unsigned long)m->start_mark.line + 1;
		for (i = 0; i < 4; i++)
			if (map_get(l->doc, m, fields[i]) != NULL &&
			    dup_scalar(l, map_get(l->doc, m, fields[i]), fields[i], dst[i]) != 0)
				return -1;
		if (map_get(l->doc, m, "rollup") != NULL &&
		    get_strings(l, map_get(l->doc, m, "rollup"), "rollup", &t->rollup,
		    &t->nrollup) != 0)
			return -1;
		if (t->expect == NULL || (t->mark != NULL) + (t->line != NULL) +
		    (t->rollup != NULL) > 1 || (t->mark != NULL && t->target == NULL) ||
		    (t->mark == NULL && t->line == NULL && t->rollup == NULL && t->target == NULL))
			return fail(l, m, "a test has mark, target and expect; line and expect; "
			    "rollup and expect; or target and expect");
	}
	return 0;
}

/* Notes the first byte of a token in a table of first bytes, in both cases. */
static void
note_first(bool *first, const char *token)
{
	unsigned char c = (unsigned char)token[0];

	first[c] = true;
	first[toupper(c)] = true;
	first[tolower(c)] = true;
}

/* The words of name, parted by spaces. */
static size_t
name_words(const char *name)
{
	size_t n = 0;

	for (; *name != '\0'; name++)
		n += *name != ' ' && (name[1] == ' ' || name[1] == '\0');
	return n;
}

/* Keeps name, of control c, in p->noforn_words when it is one word of five letters or more. */
static void
note_noforn_word(struct policy *p, const char *name, int c)
{
	size_t len = strlen(name);

	if (len < 5 || strchr(name, ' ') != NULL)
		return;
	if (p->nnoforn_words == POLICY_NOFORN_WORDS) {
		p->noforn_words_all = false;
		return;
	}
	p->noforn_words[p->nnoforn_words].text = name;
	p->noforn_words[p->nnoforn_words].len = len;
	p->noforn_words[p->nnoforn_words++].control = c;
}

/* Keeps the first word of name, a stated control's, in p->stated_words (upper case, once). */
static void
note_stated_word(struct policy *p, const char *name)
{
	size_t len = strcspn(name, " "), k;

	if (len > POLICY_WORD_MAX)
		len = POLICY_WORD_MAX;
	for (k = 0; k < p->nstated_words; k++)
		if (p->stated_words[k].len == len &&
		    strncasecmp(p->stated_words[k].text, name, len) == 0)
			return;
	if (p->nstated_words == POLICY_STATED_WORDS) {
		p->stated_words_all = false;
		return;
	}
	for (k = 0; k < len; k++)
		p->stated_words[p->nstated_words].text[k] = (char)toupper((unsigned char)name[k]);
	p->stated_words[p->nstated_words].text[len] = '\0';
	p->stated_words[p->nstated_words++].len = len;
}

/* Keeps word w[0..n) (any case) among p->level_keys, once. */
static void
note_level_key(struct policy *p, const char *w, size_t n)
{
	size_t i;
	char up[POLICY_WORD_MAX + 1];

	if (n == 0 || n > POLICY_WORD_MAX || n >= 64)
		return;
	for (i = 0; i < n; i++) {
		if (!isalpha((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80) {
			/* A word of other letters or digits: no key can stand for it. */
			p->level_keys_all = false;
			return;
		}
		up[i] = (char)toupper((unsigned char)w[i]);
	}
	for (i = 0; i < p->nlevel_keys; i++)
		if (p->level_keys[i].len == n && memcmp(p->level_keys[i].text, up, n) == 0)
			return;
	if (p->nlevel_keys == POLICY_LEVEL_KEYS) {
		p->level_keys_all = false;
		return;
	}
	memcpy(p->level_keys[p->nlevel_keys].text, up, n);
	p->level_keys[p->nlevel_keys].text[n] = '\0';
	p->level_keys[p->nlevel_keys++].len = n;
	p->level_key_lengths[up[0] - 'A'] |= (uint64_t)1 << n;
}

/* Whether term t is a level a statement may say: this policy's above its lowest, or another's. */
static bool
level_term(const struct policy_term *t)
{
	return t != NULL && t->control < 0 && (t->level >= 1 || (t->level < 0 && t->starts));
}

/*
 * Notes the key of a level's name (index_level_keys): the name itself where it is one word of six
 * letters or more; where it is several, none if one of them is such a word and a level, else its
 * longest.
 */
static void
level_key(struct policy *p, const char *name)
{
	size_t k = 0, e, best = 0, best_len = 0, words = 0;
	bool covered = false;

	while (name[k] != '\0') {
		if (!isalnum((unsigned char)name[k])) {
			k++;
			continue;
		}
		for (e = k; isalnum((unsigned char)name[e]); e++)
			continue;
		words++;
		/* A word that is a level by itself has its own key, from its own name. */
		covered = covered || (e - k >= 6 &&
		    level_term(policy_term_find(p, name + k, e - k)));
		if (e - k > best_len) {
			best = k;
			best_len = e - k;
		}
		k = e;
	}
	/* One word of fewer than six letters: no statement reads it ("TS"). */
	if ((words == 1 && best_len < 6) || (words > 1 && covered))
		return;
	note_level_key(p, name + best, best_len);
}

/* The words a line must hold one of to state a level (reading_level_may). */
static void
index_level_keys(struct policy *p)
{
	size_t i, j;

	p->nlevel_keys = 0;
	p->level_keys_all = true;
	memset(p->level_key_lengths, 0, sizeof(p->level_key_lengths));
	for (i = 1; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];

		level_key(p, lv->name);
		for (j = 0; j < lv->nportion; j++)
			level_key(p, lv->portion[j]);
		for (j = 0; j < lv->nbanner; j++)
			level_key(p, lv->banner[j]);
	}
	for (i = 0; i < p->nother_levels; i++)
		level_key(p, p->other_levels[i]);
}

/* Every byte a marking can begin with: levels, their spaced forms, stand-alone controls. */
static void
index_first(struct policy *p)
{
	size_t i, j;

	for (i = 0; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];

		note_first(p->mark_first, lv->name);
		for (j = 0; j < lv->nportion; j++)
			note_first(p->mark_first, lv->portion[j]);
		for (j = 0; j < lv->nbanner; j++)
			note_first(p->mark_first, lv->banner[j]);
		if (lv->spaced != NULL)
			note_first(p->mark_first, lv->spaced);
		for (j = 0; i > 0 && j < 256; j++)
			if ((isalnum((int)j) || j == '$') &&
			    policy_letter_class((char)j) == policy_letter_class(lv->name[0]))
				p->level_first[j] = true;
	}
	p->noforn_words_all = true;
	p->nnoforn_words = 0;
	p->stated_words_all = true;
	p->nstated_words = 0;
	for (i = 0; i < p->ncontrols; i++) {
		if (p->controls[i].kind == CONTROL_NOFORN) {
			note_first(p->noforn_first, p->controls[i].name);
			note_noforn_word(p, p->controls[i].name, (int)i);
			for (j = 0; j < p->controls[i].naliases; j++) {
				note_first(p->noforn_first, p->controls[i].aliases[j]);
				note_noforn_word(p, p->controls[i].aliases[j], (int)i);
			}
		}
		if (p->controls[i].kind == CONTROL_HANDLING && p->controls[i].stated)
			for (j = 0; j <= p->controls[i].naliases; j++) {
				const char *name = j == 0 ? p->controls[i].name :
				    p->controls[i].aliases[j - 1];

				if (name_words(name) >= 3) {
					note_first(p->words_first, name);
					note_stated_word(p, name);
				}
			}
		if (p->controls[i].level < 0)
			continue;
		note_first(p->mark_first, p->controls[i].name);
		for (j = 0; j < p->controls[i].naliases; j++)
			note_first(p->mark_first, p->controls[i].aliases[j]);
	}
	for (i = 0; i < p->nother_levels; i++)
		note_first(p->mark_first, p->other_levels[i]);
	p->mark_first[0] = false;
	for (i = 0; i < p->nnot_marks; i++)
		p->not_mark_first[(unsigned char)p->not_marks[i][0]] = true;
}

/* Lists every control name and alias with its length, once the controls are loaded. */
static int
index_words(struct loader *l)
{
	struct policy *p = l->p;
	size_t i, j, n = 0;

	for (i = 0; i < p->ncontrols; i++)
		n += 1 + p->controls[i].naliases;
	if ((p->words = calloc(n, sizeof(*p->words))) == NULL)
		return fail(l, NULL, "out of memory");
	for (i = 0; i < p->ncontrols; i++) {
		for (j = 0; j <= p->controls[i].naliases; j++) {
			struct policy_word *w = &p->words[p->nwords++];

			w->text = j == 0 ? p->controls[i].name : p->controls[i].aliases[j - 1];
			w->len = strlen(w->text);
			w->control = (int)i;
			if (w->len > 0) {
				size_t first = 0;

				while (first < w->len && !policy_word_sep(w->text[first]))
					first++;
				p->word_lengths[tolower((unsigned char)w->text[0])] |=
				    (uint64_t)1 << (w->len < 63 ? w->len : 63);
				/* The caption reader folds with | 0x20, as tolower does letters. */
				p->first_word_lengths[(unsigned char)(w->text[0] | 0x20)] |=
				    (uint64_t)1 << (first < 63 ? first : 63);
			}
		}
	}
	return 0;
}

/*
 * Whether c is an ASCII letter or digit: isalnum in the C locale the program runs in, without a
 * call for every byte of every word looked up.
 */
static bool
term_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Letter or digit c (term_char) in upper case. */
static char
term_upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/*
 * Writes the letters and digits of s, upper case, into t; returns false when they are more than
 * max (at most POLICY_WORD_MAX).
 */
static bool
term_form(const char *s, size_t len, size_t max, char *t, size_t *tlen)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (!term_char(s[i]))
			continue;
		if (n == max)
			return false;
		t[n++] = term_upper(s[i]);
	}
	t[n] = '\0';
	*tlen = n;
	return true;
}

/* FNV-1a of t[0..n): where a term's text goes in the policy's term index. */
static uint32_t
term_hash(const char *t, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)t[i]) * 16777619u;
	return h;
}

/*
 * The keys' hash: sum of t[i] * B^(n-1-i), mod 2^32, over the letters kept. It is polynomial so
 * that the hashes of a word with each letter left out come from its prefix hashes in one pass.
 */
#define KEY_BASE 0x01000193u

/* The bit of policy.near_bits that key hash h sets. */
static size_t
near_bit(uint32_t h)
{
	return (h ^ (h >> 16)) & (POLICY_NEAR_BITS - 1);
}

/* The key hash of t[0..n) without its letter `del` (none when del >= n). */
static uint32_t
key_hash(const char *t, size_t n, size_t del)
{
	uint32_t h = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (i != del)
			h = h * KEY_BASE + (unsigned char)t[i];
	return h;
}

/*
 * Indexes every term under its text and each text one letter short of it, so that the terms one
 * slip from a word are found by a few probes (policy_near_terms): two words one slip apart share
 * such a text, as a letter replaced, dropped, added or two swapped leave one.
 */
static int
index_near_slots(struct loader *l)
{
	struct policy *p = l->p;
	size_t keys = 0, n = 16, i, d, k;

	for (i = 0; i < p->nterms; i++)
		keys += p->terms[i].len + 1;
	while (n < 2 * keys + 2)
		n *= 2;
	if ((p->near_slots = calloc(n, sizeof(*p->near_slots))) == NULL)
		return fail(l, NULL, "out of memory");
	p->nnear_slots = n;
	for (i = 0; i < p->nterms; i++) {
		const struct policy_term *t = &p->terms[i];

		for (d = 0; d <= t->len; d++) {
			uint32_t h = key_hash(t->text, t->len, d);

			p->near_bits[near_bit(h) / 64] |= (uint64_t)1 << (near_bit(h) % 64);
			for (k = h & (n - 1); p->near_slots[k].term != 0; k = (k + 1) & (n - 1))
				continue;
			p->near_slots[k].hash = h;
			p->near_slots[k].term = (uint32_t)(i + 1);
			p->near_slots[k].del = (uint32_t)d;
		}
	}
	return 0;
}

/* Whether key slot s holds text t[0..n): its term with its letter left out. */
static bool
key_equal(const struct policy *p, const struct policy_near_slot *s, const char *t, size_t n)
{
	const struct policy_term *pt = &p->terms[s->term - 1];
	size_t del = s->del;

	if (del == pt->len)
		return pt->len == n && memcmp(pt->text, t, n) == 0;
	return pt->len == n + 1 && memcmp(pt->text, t, del) == 0 &&
	    memcmp(pt->text + del + 1, t + del, n - del) == 0;
}

size_t
policy_near_terms(const struct policy *p, const char *t, size_t n, bool slips,
    uint32_t out[POLICY_NEAR_MAX])
{
	char key[POLICY_WORD_MAX + 1];
	uint32_t pre[POLICY_WORD_MAX + 1], pw[POLICY_WORD_MAX + 1];
	size_t count = 0, d, k, kn, j;

	if (n > POLICY_WORD_MAX)
		return SIZE_MAX;
	/* Prefix hashes and powers of the base: each key's hash in a step. */
	pre[0] = 0;
	pw[0] = 1;
	for (d = 0; d < n; d++) {
		pre[d + 1] = pre[d] * KEY_BASE + (unsigned char)t[d];
		pw[d + 1] = pw[d] * KEY_BASE;
	}
	/* The text itself (d == n), and with slips the text with each letter left out. */
	for (d = slips ? 0 : n; d <= n; d++) {
		uint32_t h;

		/* pre[d] * B^(n-1-d) + (the hash of t[d+1..n)). */
		h = d == n ? pre[n] : pre[d] * pw[n - 1 - d] + (pre[n] - pre[d + 1] * pw[n - 1 - d]);
		/* No key has this hash: no slot holds it. */
		if ((p->near_bits[near_bit(h) / 64] & ((uint64_t)1 << (near_bit(h) % 64))) == 0)
			continue;
		if (d == n) {
			memcpy(key, t, n);
			kn = n;
		} else {
			memcpy(key, t, d);
			memcpy(key + d, t + d + 1, n - d - 1);
			kn = n - 1;
		}
		for (k = h & (p->nnear_slots - 1); p->near_slots[k].term != 0;
		    k = (k + 1) & (p->nnear_slots - 1)) {
			const struct policy_near_slot *s = &p->near_slots[k];
			uint32_t term = s->term - 1;

			if (s->hash != h || !key_equal(p, s, key, kn))
				continue;
			/* In order, once each: an insertion into the sorted few. */
			for (j = count; j > 0 && out[j - 1] > term; j--)
				continue;
			if (j > 0 && out[j - 1] == term)
				continue;
			if (count == POLICY_NEAR_MAX)
				return SIZE_MAX;
			memmove(out + j + 1, out + j, (count - j) * sizeof(*out));
			out[j] = term;
			count++;
		}
	}
	return count;
}

/*
 * Indexes the terms by text, so that policy_term_find is one probe and not a pass over the
 * vocabulary for every word read. The first term of a text wins, as a pass in order finds it.
 */
static int
index_term_slots(struct loader *l)
{
	struct policy *p = l->p;
	size_t n = 16, i, k;

	while (n < 2 * p->nterms + 2)
		n *= 2;
	if ((p->term_slots = calloc(n, sizeof(*p->term_slots))) == NULL)
		return fail(l, NULL, "out of memory");
	p->nterm_slots = n;
	for (i = 0; i < p->nterms; i++) {
		const struct policy_term *t = &p->terms[i];

		for (k = term_hash(t->text, t->len) & (n - 1); p->term_slots[k] != 0;
		    k = (k + 1) & (n - 1)) {
			const struct policy_term *o = &p->terms[p->term_slots[k] - 1];

			if (o->len == t->len && memcmp(o->text, t->text, t->len) == 0)
				break;
		}
		if (p->term_slots[k] == 0)
			p->term_slots[k] = (uint32_t)(i + 1);
		p->term_first[(unsigned char)t->text[0]] = true;
		p->term_lengths[(unsigned char)t->text[0]] |= (uint64_t)1 << t->len;
		if (t->len > p->term_max)
			p->term_max = t->len;
	}
	return 0;
}

/* Adds one vocabulary term. */
static int
add_term(struct loader *l, size_t *cap, const char *word, int level, int control, bool starts)
{
	struct policy *p = l->p;
	struct policy_term *t;

	if (strlen(word) > POLICY_WORD_MAX)
		return fail(l, NULL, "\"%.20s...\" is longer than %d bytes", word, POLICY_WORD_MAX);
	if (p->nterms == *cap) {
		size_t ncap = *cap == 0 ? 64 : *cap * 2;
		struct policy_term *bigger = realloc(p->terms, ncap * sizeof(*bigger));

		if (bigger == NULL)
			return fail(l, NULL, "out of memory");
		p->terms = bigger;
		*cap = ncap;
	}
	t = &p->terms[p->nterms];
	memset(t, 0, sizeof(*t));
	if (!term_form(word, strlen(word), POLICY_WORD_MAX, t->text, &t->len) || t->len == 0)
		return 0;
	t->level = level;
	t->control = control;
	t->starts = starts;
	t->single = strchr(word, ' ') == NULL;
	p->nterms++;
	return 0;
}

/*
 * The vocabulary the reading rules compare words with: every level's abbreviations, banner
 * words, name and spaced form; every control's name and aliases; the levels of other schemes.
 * Also checks that no word is longer than POLICY_WORD_MAX, so that nothing built from them
 * (a banner, a message) can outgrow its buffer.
 */
static int
index_terms(struct loader *l)
{
	struct policy *p = l->p;
	size_t i, j, cap = 0;

	for (i = 0; i < p->nlevels; i++) {
		const struct policy_level *lv = &p->levels[i];

		if (add_term(l, &cap, lv->name, (int)i, -1, true) != 0 ||
		    (lv->spaced != NULL && add_term(l, &cap, lv->spaced, (int)i, -1, true) != 0))
			return -1;
		for (j = 0; j < lv->nportion; j++)
			if (add_term(l, &cap, lv->portion[j], (int)i, -1, true) != 0)
				return -1;
		for (j = 0; j < lv->nbanner; j++) {
			if (add_term(l, &cap, lv->banner[j], (int)i, -1, true) != 0)
				return -1;
			if (strchr(lv->banner[j], ' ') != NULL &&
			    lv->banner[j][0] >= 'A' && lv->banner[j][0] <= 'Z')
				p->name_heads |= (uint32_t)1 << (lv->banner[j][0] - 'A');
		}
	}
	for (i = 0; i < p->ncontrols; i++) {
		const struct policy_control *c = &p->controls[i];

		for (j = 0; j <= c->naliases; j++)
			if (add_term(l, &cap, j == 0 ? c->name : c->aliases[j - 1], c->level,
			    (int)i, c->level >= 0) != 0)
				return -1;
		if (c->exemption != NULL && strlen(c->exemption) > POLICY_WORD_MAX)
			return fail(l, NULL, "control %s: exemption longer than %d bytes", c->name,
			    POLICY_WORD_MAX);
	}
	for (i = 0; i < p->nother_levels; i++)
		if (add_term(l, &cap, p->other_levels[i], -1, -1, true) != 0)
			return -1;
	for (i = 0; i < p->nlevels; i++)
		if ((p->levels[i].routing != NULL &&
		    strlen(p->levels[i].routing) > POLICY_WORD_MAX) ||
		    (p->levels[i].exemption != NULL &&
		    strlen(p->levels[i].exemption) > POLICY_WORD_MAX))
			return fail(l, NULL, "level %s: a word longer than %d bytes",
			    p->levels[i].name, POLICY_WORD_MAX);
	return index_term_slots(l) != 0 ? -1 : index_near_slots(l);
}

const struct policy_term *
policy_term_find(const struct policy *p, const char *s, size_t len)
{
	char t[POLICY_WORD_MAX + 1];
	size_t n, i;

	/* Most words begin with a character no term does: they need no more. */
	for (i = 0; i < len && !term_char(s[i]); i++)
		continue;
	if (i == len || !p->term_first[(unsigned char)term_upper(s[i])])
		return NULL;
	/* A text longer than every term is none. */
	if (!term_form(s + i, len - i, p->term_max, t, &n) || n == 0)
		return NULL;
	return policy_term_find_form(p, t, n);
}

const struct policy_term *
policy_term_find_form(const struct policy *p, const char *t, size_t n)
{
	size_t i;

	/* A text of a length no term of its first letter has is none: most need no hash. */
	if (n == 0 || n > p->term_max ||
	    (p->term_lengths[(unsigned char)t[0]] & ((uint64_t)1 << n)) == 0)
		return NULL;
	/* Every loaded policy has its index (index_term_slots): one probe, not a pass. */
	for (i = term_hash(t, n) & (p->nterm_slots - 1); p->term_slots[i] != 0;
	    i = (i + 1) & (p->nterm_slots - 1)) {
		const struct policy_term *pt = &p->terms[p->term_slots[i] - 1];

		if (pt->len == n && memcmp(pt->text, t, n) == 0)
			return pt;
	}
	return NULL;
}

struct policy_matcher *
policy_matcher_new(const struct policy *p)
{
	struct policy_matcher *m = calloc(1, sizeof(*m));

	if (m == NULL || (m->md = pcre2_match_data_create(32, NULL)) == NULL ||
	    (m->mctx = pcre2_match_context_create(NULL)) == NULL ||
	    (m->stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL)) == NULL) {
		policy_matcher_free(m);
		return NULL;
	}
	pcre2_set_match_limit(m->mctx, p->match_limit);
	pcre2_set_depth_limit(m->mctx, p->depth_limit);
	pcre2_set_heap_limit(m->mctx, p->heap_limit_kib);
	pcre2_jit_stack_assign(m->mctx, NULL, m->stack);
	return m;
}

void
policy_matcher_free(struct policy_matcher *m)
{
	if (m == NULL)
		return;
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mctx);
	pcre2_jit_stack_free(m->stack);
	free(m);
}

struct policy *
policy_load(const char *text, size_t len, const char *origin, char *err, size_t errlen)
{
	static const char *const keys[] = { "name", "description", "scheme", "layout", "tests",
		NULL };
	static const char *const skeys[] = { "levels", "controls", "countries", "groups",
		"country_aliases", "country_names", "other_levels", "not_marks", "home", NULL };
	yaml_parser_t parser;
	yaml_document_t doc;
	struct loader l;
	struct policy *p;
	yaml_node_t *root, *scheme;
	int rc = -1;

	if ((p = calloc(1, sizeof(*p))) == NULL) {
		snprintf(err, errlen, "%s: out of memory", origin);
		return NULL;
	}
	crypto_generichash(p->digest, sizeof(p->digest), (const unsigned char *)text, len, NULL, 0);
	l.doc = &doc;
	l.p = p;
	l.origin = origin;
	l.err = err;
	l.errlen = errlen;

	if (!yaml_parser_initialize(&parser)) {
		snprintf(err, errlen, "%s: out of memory", origin);
		free(p);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		snprintf(err, errlen, "%s:%lu:%lu: %s", origin,
		    (unsigned long)parser.problem_mark.line + 1,
		    (unsigned long)parser.problem_mark.column + 1,
		    parser.problem != NULL ? parser.problem : "YAML error");
		yaml_parser_delete(&parser);
		free(p);
		return NULL;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL) {
		fail(&l, NULL, "the policy is empty");
		goto done;
	}
	if (map_check_keys(&l, root, "the policy", keys) != 0 ||
	    dup_scalar(&l, map_get(&doc, root, "name"), "name", &p->name) != 0)
		goto done;
	if (map_get(&doc, root, "description") != NULL &&
	    dup_scalar(&l, map_get(&doc, root, "description"), "description",
	    &p->description) != 0)
		goto done;
	scheme = map_get(&doc, root, "scheme");
	if (map_check_keys(&l, scheme, "scheme", skeys) != 0 ||
	    load_levels(&l, map_get(&doc, scheme, "levels")) != 0 ||
	    load_controls(&l, map_get(&doc, scheme, "controls")) != 0 ||
	    load_countries(&l, scheme) != 0 ||
	    get_strings(&l, map_get(&doc, scheme, "other_levels"), "scheme.other_levels",
	    &p->other_levels, &p->nother_levels) != 0 ||
	    get_strings(&l, map_get(&doc, scheme, "not_marks"), "scheme.not_marks",
	    &p->not_marks, &p->nnot_marks) != 0 ||
	    load_home(&l, scheme) != 0 ||
	    get_bool(&l, map_get(&doc, scheme, "country_names"), "scheme.country_names",
	    &p->country_names) != 0 ||
	    load_layout(&l, map_get(&doc, root, "layout")) != 0 ||
	    load_tests(&l, map_get(&doc, root, "tests")) != 0 ||
	    index_words(&l) != 0 || index_terms(&l) != 0)
		goto done;
	index_first(p);
	index_level_keys(p);
	rc = 0;
done:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	if (rc != 0) {
		policy_free(p);
		return NULL;
	}
	return p;
}

struct policy *
policy_load_default(char *err, size_t errlen)
{
	return policy_load((const char *)policy_builtin_text, policy_builtin_len,
	    "builtin:us-cable", err, errlen);
}

/* Whether path names a readable file. */
static bool
readable(const char *path)
{
	FILE *fp = fopen(path, "rb");

	if (fp == NULL)
		return false;
	fclose(fp);
	return true;
}

int
policy_path(const char *name_or_path, char *path, size_t pathlen, char *err, size_t errlen)
{
	const char *dirs[3];
	char exe[4096];
	size_t i, ndirs = 0;
	ssize_t n;

	/* Anything with a slash or a dot is a file name, used as it is. */
	if (strchr(name_or_path, '/') != NULL || strchr(name_or_path, '.') != NULL) {
		if ((size_t)snprintf(path, pathlen, "%s", name_or_path) >= pathlen) {
			snprintf(err, errlen, "%s: policy path too long", name_or_path);
			return -1;
		}
		return 0;
	}
	/*
	 * A name is looked up in $TEARLINE_POLICY_DIR, then beside the program (policies/ in a
	 * build tree; never beside an installed program, in its bin directory), then where `make
	 * install` puts them. The working directory is never searched: a document's folder must
	 * not be able to supply its own policy.
	 */
	if (getenv("TEARLINE_POLICY_DIR") != NULL && getenv("TEARLINE_POLICY_DIR")[0] != '\0')
		dirs[ndirs++] = getenv("TEARLINE_POLICY_DIR");
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 16)) > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL &&
		    !((size_t)(slash - exe) == strlen(TEARLINE_BIN_DIR) &&
		    memcmp(exe, TEARLINE_BIN_DIR, strlen(TEARLINE_BIN_DIR)) == 0)) {
			memcpy(slash + 1, "policies", sizeof("policies"));
			dirs[ndirs++] = exe;
		}
	}
	dirs[ndirs++] = TEARLINE_POLICY_DIR;
	for (i = 0; i < ndirs; i++) {
		int w = snprintf(path, pathlen, "%s/%s.yaml", dirs[i], name_or_path);

		if (w > 0 && (size_t)w < pathlen && readable(path))
			return 0;
	}
	snprintf(err, errlen, "%s: no such policy (looked in $TEARLINE_POLICY_DIR, beside the "
	    "program and in %s)", name_or_path, TEARLINE_POLICY_DIR);
	return -1;
}

struct policy *
policy_open(const char *name_or_path, char *err, size_t errlen)
{
	char path[4096];
	struct text_buffer buf;
	struct policy *p;

	if (strcmp(name_or_path, "us-cable") == 0)
		return policy_load_default(err, errlen);
	if (policy_path(name_or_path, path, sizeof(path), err, errlen) != 0 ||
	    text_read_file(path, 1 << 20, &buf, err, errlen) != 0)
		return NULL;
	p = policy_load(buf.data, buf.len, path, err, errlen);
	text_buffer_free(&buf);
	return p;
}

void
policy_free(struct policy *p)
{
	size_t i;

	if (p == NULL)
		return;
	free(p->name);
	free(p->description);
	for (i = 0; i < p->nlevels; i++) {
		free(p->levels[i].name);
		free_strings(p->levels[i].portion, p->levels[i].nportion);
		free_strings(p->levels[i].banner, p->levels[i].nbanner);
		free(p->levels[i].spaced);
		free(p->levels[i].routing);
		free(p->levels[i].exemption);
	}
	for (i = 0; i < p->ncontrols; i++) {
		free(p->controls[i].name);
		free_strings(p->controls[i].aliases, p->controls[i].naliases);
		free(p->controls[i].exemption);
	}
	free(p->words);
	free(p->term_slots);
	free(p->near_slots);
	free(p->countries);
	free(p->country_order);
	free_strings(p->other_levels, p->nother_levels);
	free_strings(p->not_marks, p->nnot_marks);
	for (i = 0; i < p->ngroups; i++)
		free(p->groups[i].name);
	free(p->groups);
	for (i = 0; i < p->naliases; i++)
		free(p->aliases[i].name);
	free(p->aliases);
	for (i = 0; i < p->nrules; i++) {
		free(p->rules[i].source);
		pcre2_code_free(p->rules[i].code);
	}
	free(p->rules);
	free(p->reading.label.source);
	pcre2_code_free(p->reading.label.code);
	free(p->terms);
	for (i = 0; i < p->ntests; i++) {
		free(p->tests[i].mark);
		free(p->tests[i].target);
		free(p->tests[i].line);
		free(p->tests[i].expect);
		free_strings(p->tests[i].rollup, p->tests[i].nrollup);
	}
	free(p->tests);
	free(p->placeholder);
	free(p->default_exemption);
	free(p);
}

int
policy_match(const struct policy *p, const struct policy_rule *r, const char *subject, size_t len,
    struct policy_matcher *m, char *err, size_t errlen)
{
	int rc = pcre2_match(r->code, (PCRE2_SPTR)subject, len, 0, 0, m->md, m->mctx);

	(void)p;
	if (rc >= 0)
		return 1;
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	{
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(rc, msg, sizeof(msg));
		snprintf(err, errlen, "%s pattern failed: %s", role_names[r->role],
		    (const char *)msg);
	}
	return -1;
}
