#!/bin/sh
# SPDX-License-Identifier: ISC
# Found by red-teaming the messages and the audit (round 136) and fixed: a standard stream the
# caller closed ("2>&-", ">&-": cron jobs, daemons, some CI wrappers) took the number of the
# first file tearline opened for writing. With standard error closed, the messages were written
# into the release (-o), the audit or the office ledger, exit 0; with standard output closed, a
# release for it went into the ledger, exit 0. filter/main.c (open_standard_streams) opens
# /dev/null on a closed stream before anything else, standard output for reading only, so that a
# release or report written to it fails as a write error (exit 2) and leaves no ledger entry.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh

seed=samples/07MUSCAT1065.txt
"$T" keygen -q --secret-key "$tmp/k" --public-key "$tmp/k.pub" || { bad "keygen"; exit 1; }

# Standard error closed: the release holds the release only, the audit verifies, and the
# ledger's runs verify.
"$T" redact -v -r UNCLASSIFIED -o "$tmp/rel.txt" --audit "$tmp/a.audit" --secret-key "$tmp/k" \
    --ledger "$tmp/L.jsonl" "$seed" 2>&-
rc=$?
"$T" redact -q -r UNCLASSIFIED "$seed" > "$tmp/want.txt" 2>/dev/null
if [ "$rc" = 0 ] && cmp -s "$tmp/rel.txt" "$tmp/want.txt"; then
	ok "standard error closed: exit 0, the release is the release alone"
else
	bad "standard error closed: exit $rc, or the release holds more than the release"
fi
if grep -q 'tearline:' "$tmp/rel.txt" "$tmp/a.audit" "$tmp/L.jsonl"; then
	bad "standard error closed: a message was written into the release, the audit or the ledger"
else
	ok "standard error closed: no message in the release, the audit or the ledger"
fi
expect 0 "standard error closed: the audit verifies" "$T" verify --audit "$tmp/a.audit" \
    --public-key "$tmp/k.pub" --output "$tmp/rel.txt"
expect 0 "standard error closed: the ledger verifies" "$T" verify --ledger "$tmp/L.jsonl" \
    --public-key "$tmp/k.pub"

# Standard output closed: a release for it is a write error, and the ledger keeps no entry.
runs=$(wc -l < "$tmp/L.jsonl")
"$T" redact -r UNCLASSIFIED --audit "$tmp/b.audit" --secret-key "$tmp/k" --ledger "$tmp/L.jsonl" \
    "$seed" >&- 2> "$tmp/err"
rc=$?
if [ "$rc" = 2 ] && grep -q 'standard output' "$tmp/err"; then
	ok "standard output closed: the release is a write error, exit 2"
else
	bad "standard output closed: exit $rc (wanted 2, a write error)"
fi
if [ "$(wc -l < "$tmp/L.jsonl")" = "$runs" ] && [ ! -e "$tmp/b.audit" ]; then
	ok "standard output closed: no ledger entry and no audit for the release that went nowhere"
else
	bad "standard output closed: the ledger or the audit names a release that went nowhere"
fi
expect 0 "standard output closed: the ledger still verifies" "$T" verify --ledger "$tmp/L.jsonl" \
    --public-key "$tmp/k.pub"
"$T" check -r UNCLASSIFIED "$seed" >&- 2>/dev/null
rc=$?
[ "$rc" = 2 ] && ok "standard output closed: check's report is a write error, exit 2" ||
    bad "standard output closed: check exited $rc (wanted 2)"

# Standard output closed, the release to a file: written, and exit 0.
"$T" redact -q -r UNCLASSIFIED -o "$tmp/c.txt" "$seed" >&-
rc=$?
if [ "$rc" = 0 ] && cmp -s "$tmp/c.txt" "$tmp/want.txt"; then
	ok "standard output closed, -o FILE: the release is written, exit 0"
else
	bad "standard output closed, -o FILE: exit $rc"
fi
# Standard input closed: no document, an error, nothing released.
"$T" redact -q -r UNCLASSIFIED <&- > "$tmp/d.txt" 2>/dev/null
rc=$?
[ "$rc" != 0 ] || [ ! -s "$tmp/d.txt" ] && ok "standard input closed: nothing released" ||
    bad "standard input closed: exit $rc with a release"
exit $fail
