#!/bin/sh
# SPDX-License-Identifier: ISC
# Batch mode (tearline redact --output-dir DIR FILE...): a batch of real cables, in several
# chunks, with one worker and with several, gives byte for byte the releases, audits and ledger
# that one run per document gives in the same order (the same time from SOURCE_DATE_EPOCH, the
# same run secrets from TEARLINE_TEST_SEED), and the same messages in the same order. A document
# that fails leaves nothing and the batch goes on, exit 2; an interrupted batch leaves no
# temporary file and no release without its audit and ledger entry; what a batch refuses, it
# refuses before writing anything. TEARLINE_BATCH_DOCS sets the batch's size (default 120; the
# measurement in docs/batch.md used 1000).
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
docs=${TEARLINE_BATCH_DOCS:-120}


# says TEXT NAME: the last command's standard error holds TEXT.
says() {
	if grep -F -q -e "$1" "$tmp/stderr"; then ok "$2"; else
		bad "$2: standard error lacks: $1"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
	fi
}

# same A B NAME: directories A and B hold the same files, byte for byte.
same() {
	if diff -r "$1" "$2" > "$tmp/diff" 2>&1; then ok "$3"; else
		bad "$3: $(head -c 300 "$tmp/diff")"
	fi
}

# The batch: $docs cables, named NNNN-CABLE.txt, from the shared corpus or tests/corpus.
mkdir "$tmp/in"
copy_cables "$docs" "$tmp/in"
set -- "$tmp"/in/*
"$T" keygen -q --secret-key "$tmp/office.key" --public-key "$tmp/office.pub" || exit 2

# One run per document, in input order, into one ledger: the reference.
SOURCE_DATE_EPOCH=1195568580
TEARLINE_TEST_SEED=batch-test
export SOURCE_DATE_EPOCH TEARLINE_TEST_SEED
mkdir "$tmp/ref" "$tmp/plain"
: > "$tmp/ref.err"
for f in "$@"; do
	b=$(basename "$f")
	"$T" -r UNCLASSIFIED -o "$tmp/ref/$b" --audit "$tmp/ref/$b.audit" \
	    --secret-key "$tmp/office.key" --ledger "$tmp/ref/ledger.jsonl" "$f" \
	    2>> "$tmp/ref.err" || bad "reference run of $b"
	"$T" -q -r UNCLASSIFIED -o "$tmp/plain/$b" "$f" || bad "reference release of $b"
done
grep -v TEARLINE_TEST_SEED "$tmp/ref.err" > "$tmp/ref.warnings"

for jobs in 1 2 3; do
	expect 0 "batch of $docs with audits, --jobs $jobs" "$T" -r UNCLASSIFIED \
	    --output-dir "$tmp/out$jobs" --secret-key "$tmp/office.key" --jobs "$jobs" "$@"
	same "$tmp/out$jobs" "$tmp/ref" "--jobs $jobs: the releases, audits and ledger of one run each"
	grep -v TEARLINE_TEST_SEED "$tmp/stderr" > "$tmp/warnings"
	if cmp -s "$tmp/warnings" "$tmp/ref.warnings"; then
		ok "--jobs $jobs: the warnings of one run each, in input order"
	else
		bad "--jobs $jobs: warnings differ: $(diff "$tmp/ref.warnings" "$tmp/warnings" | head -n 3)"
	fi
done
# Few descriptors: chunks shrink to fit, and nothing else changes.
expect 0 "a batch under ulimit -n 40, --jobs 2" sh -c 'ulimit -n 40 && exec "$@"' sh "$T" -q \
    -r UNCLASSIFIED --output-dir "$tmp/fd" --secret-key "$tmp/office.key" --jobs 2 "$@"
same "$tmp/fd" "$tmp/ref" "ulimit -n 40: the releases, audits and ledger of one run each"
[ "$(grep -c TEARLINE_TEST_SEED "$tmp/stderr")" = 1 ] && ok "the test-seed warning, once" ||
	bad "the test-seed warning is not said once"
expect 0 "the batch's ledger verifies" "$T" verify -q --ledger "$tmp/out2/ledger.jsonl" \
	--public-key "$tmp/office.pub"
[ "$(wc -l < "$tmp/out2/ledger.jsonl")" -eq "$docs" ] && ok "one ledger entry per document" ||
	bad "the ledger has $(wc -l < "$tmp/out2/ledger.jsonl") entries for $docs documents"
k=0
for f in "$@"; do
	k=$((k + 1))
	[ $((k % 40)) -eq 1 ] || continue
	b=$(basename "$f")
	expect 0 "verify a batch's audit with its original: $b" "$T" verify -q \
	    --audit "$tmp/out2/$b.audit" --public-key "$tmp/office.pub" --output "$tmp/out2/$b" \
	    --original "$f"
done
expect 0 "the first run stands in its place in the batch's ledger" "$T" verify -q \
	--audit "$tmp/out2/$(basename "$1").audit" --public-key "$tmp/office.pub" \
	--output "$tmp/out2/$(basename "$1")" --ledger "$tmp/out2/ledger.jsonl"

# Sealed to an auditor: the workers seal each run's secret inside the sandbox, and every audit
# opens with the auditor's key (the sealed copies are random, so no byte comparison here).
"$T" keygen -q --auditor --secret-key "$tmp/auditor.key" --public-key "$tmp/auditor.pub" ||
	exit 2
expect 0 "a batch sealed to an auditor, --jobs 2" "$T" -q -r UNCLASSIFIED \
    --output-dir "$tmp/sealed" --secret-key "$tmp/office.key" --auditor-key "$tmp/auditor.pub" \
    --jobs 2 "$1" "$2" "$3" "$4"
for f in "$1" "$2" "$3" "$4"; do
	b=$(basename "$f")
	expect 0 "a sealed batch audit opens with the auditor's key: $b" "$T" verify -q \
	    --audit "$tmp/sealed/$b.audit" --public-key "$tmp/office.pub" \
	    --output "$tmp/sealed/$b" --original "$f" --auditor-secret-key "$tmp/auditor.key"
done

# Without a key: releases only, no audit and no ledger; another mode and target pass through.
unset SOURCE_DATE_EPOCH TEARLINE_TEST_SEED
expect 0 "batch of releases only, --jobs 2" "$T" -q -r UNCLASSIFIED --output-dir "$tmp/rel" \
	--jobs 2 "$@"
same "$tmp/rel" "$tmp/plain" "releases only: the releases of one run each, and nothing else"
if [ ! -s "$tmp/stderr" ]; then ok "-q, no terminal: nothing on standard error"; else
	bad "-q batch printed: $(head -n 2 "$tmp/stderr")"; fi
expect 0 "batch in strip mode at CONFIDENTIAL" "$T" redact -q --release C --mode strip \
	--output-dir "$tmp/strip" --jobs 2 "$1" "$2"
"$T" -q --release C --mode strip "$2" > "$tmp/strip.one"
cmp -s "$tmp/strip.one" "$tmp/strip/$(basename "$2")" && ok "mode and target as one run" ||
	bad "strip mode at C differs from one run"
expect 0 "--jobs 0: one worker per processor" "$T" -q -r U --output-dir "$tmp/j0" --jobs 0 "$1"
expect 0 "more workers than documents" "$T" -q -r U --output-dir "$tmp/j9" --jobs 9 "$1" "$2"
expect 0 "a batch into an existing directory, with a ledger elsewhere" "$T" -q -r U \
	--output-dir "$tmp/rel" --secret-key "$tmp/office.key" --ledger "$tmp/elsewhere.jsonl" "$1"
[ -f "$tmp/elsewhere.jsonl" ] && [ -f "$tmp/rel/$(basename "$1").audit" ] &&
	[ ! -e "$tmp/rel/ledger.jsonl" ] && ok "--ledger FILE replaces DIR/ledger.jsonl" ||
	bad "--ledger FILE was not used"

# --audit-dir: the audits and the default ledger in a directory of their own, so that the
# releases' directory can be published as it stands (SECURITY.md, "What the audit reveals").
expect 0 "a batch with its audits in another directory" "$T" -q -r U --output-dir "$tmp/pub" \
	--audit-dir "$tmp/papers" --secret-key "$tmp/office.key" "$1" "$2"
if [ "$(ls "$tmp/pub" | wc -l)" -eq 2 ] && [ -z "$(ls "$tmp/pub" | grep -e '\.audit$' \
    -e ledger)" ] && [ -f "$tmp/papers/$(basename "$1").audit" ] &&
    [ -f "$tmp/papers/$(basename "$2").audit" ] && [ -f "$tmp/papers/ledger.jsonl" ]; then
	ok "--audit-dir: the releases alone in DIR, the audits and ledger in the other"
else
	bad "--audit-dir: pub holds $(ls "$tmp/pub" | tr '\n' ' ')"
fi
expect 0 "--audit-dir: an audit verifies against its release" "$T" verify -q \
	--audit "$tmp/papers/$(basename "$1").audit" --public-key "$tmp/office.pub" \
	--output "$tmp/pub/$(basename "$1")" --original "$1"
expect 2 "--audit-dir without --output-dir is refused" "$T" -q -r U --audit-dir "$tmp/p2" \
	--secret-key "$tmp/office.key" "$1"
expect 2 "--audit-dir without --secret-key is refused" "$T" -q -r U --output-dir "$tmp/o3" \
	--audit-dir "$tmp/p3" "$1"
[ ! -e "$tmp/o3" ] && [ ! -e "$tmp/p3" ] && ok "a refused --audit-dir makes no directory" ||
	bad "a refused --audit-dir made a directory"
expect 2 "a ledger named as an audit in --audit-dir is refused" "$T" -q -r U \
	--output-dir "$tmp/o4" --audit-dir "$tmp/p4" --secret-key "$tmp/office.key" \
	--ledger "$tmp/p4/$(basename "$1").audit" "$1"
[ ! -e "$tmp/o4" ] && [ ! -e "$tmp/p4" ] && ok "... and writes nothing" ||
	bad "a refused batch with --audit-dir wrote $(ls "$tmp/o4" "$tmp/p4" 2>&1 | tr '\n' ' ')"

# A document that fails leaves no release of an earlier run under its name: a batch at SECRET,
# then one at UNCLASSIFIED where the first document is over the limit.
if [ "$(wc -c < "$1")" -gt "$(wc -c < "$2")" ]; then big=$1 small=$2; else big=$2 small=$1; fi
expect 0 "a batch at SECRET" "$T" -q -r S --output-dir "$tmp/stale" "$big" "$small"
expect 2 "the same batch at U, its larger document over the limit" "$T" -q -r U \
	--output-dir "$tmp/stale" --max-document "$(wc -c < "$small")" "$big" "$small"
says "removed 1 earlier release that this run did not replace" "the earlier release is named"
if [ ! -e "$tmp/stale/$(basename "$big")" ] && [ -f "$tmp/stale/$(basename "$small")" ]; then
	ok "no release of the SECRET batch stands under the failed document's name"
else
	bad "the failed document's earlier release is still there, or the other is missing"
fi

# Failures: a missing file (the parent cannot open it), a document over the limit and a
# directory (a worker cannot read them) fail, located; the others are written.
cp "$1" "$tmp/in-small.txt"
head -c 70000 /dev/zero | tr '\0' 'x' > "$tmp/big.txt"
mkdir "$tmp/adir"
expect 2 "a batch with three failing documents" "$T" -q -r U --output-dir "$tmp/partial" \
	--secret-key "$tmp/office.key" --max-document 64K --jobs 2 \
	"$tmp/in-small.txt" "$tmp/missing.txt" "$tmp/big.txt" "$tmp/adir" "$2"
says "missing.txt: No such file or directory" "a missing input is named"
says "big.txt: document larger than the limit" "an input over the limit is named"
says "adir: read error: Is a directory" "an input that cannot be read is named, with the error"
says "3 of 5 documents failed" "the batch says how many failed"
if [ -f "$tmp/partial/in-small.txt" ] && [ -f "$tmp/partial/$(basename "$2")" ] &&
    [ ! -e "$tmp/partial/missing.txt" ] && [ ! -e "$tmp/partial/big.txt" ] &&
    [ ! -e "$tmp/partial/big.txt.audit" ] && [ ! -e "$tmp/partial/adir" ] &&
    [ "$(ls "$tmp/partial" | wc -l)" -eq 5 ]; then
	ok "failed documents leave no release, no audit and no temporary file"
else
	bad "after failures the directory holds: $(ls "$tmp/partial" | tr '\n' ' ')"
fi
expect 0 "the ledger of a batch with failures verifies" "$T" verify --ledger \
	"$tmp/partial/ledger.jsonl" --public-key "$tmp/office.pub"
grep -q "2 runs" "$tmp/stdout" && ok "the ledger holds the two released documents" ||
	bad "ledger of a partial batch: $(cat "$tmp/stdout")"

# Interrupted (SIGTERM to tearline, as a supervisor would stop it): whenever it comes, no
# temporary file is left, and every release has its audit and its ledger entry.
mkdir "$tmp/many"
for k in 1 2 3 4 5 6 7 8; do
	for f in "$@"; do cp "$f" "$tmp/many/$k-$(basename "$f")"; done
done
"$T" -q -r U --output-dir "$tmp/int" --secret-key "$tmp/office.key" --jobs 2 "$tmp"/many/* \
    2> "$tmp/int.err" &
pid=$!
sleep 0.3
kill -TERM "$pid" 2> /dev/null
wait "$pid"
rc=$?
rels=$(find "$tmp/int" -type f ! -name '*.audit' ! -name ledger.jsonl ! -name '*.tmp.*' | wc -l)
auds=$(find "$tmp/int" -type f -name '*.audit' | wc -l)
tmps=$(find "$tmp/int" -name '*.tmp.*' | wc -l)
ents=$(wc -l < "$tmp/int/ledger.jsonl")
if { [ "$rc" -eq 2 ] && grep -q "interrupted" "$tmp/int.err"; } || [ "$rc" -eq 0 ]; then
	ok "interrupted: exit $rc after $rels of $(ls "$tmp/many" | wc -l) documents"
else
	bad "interrupted: exit $rc: $(head -n 2 "$tmp/int.err")"
fi
if [ "$tmps" -eq 0 ] && [ "$rels" -eq "$auds" ] && [ "$rels" -eq "$ents" ] &&
    "$T" verify -q --ledger "$tmp/int/ledger.jsonl" --public-key "$tmp/office.pub"; then
	ok "interrupted: no temporary file, every release with its audit and ledger entry"
else
	bad "interrupted: $tmps temporary files, $rels releases, $auds audits, $ents entries"
fi

# Refused before anything is written.
mkdir "$tmp/a" "$tmp/b"
cp "$1" "$tmp/a/same.txt"
cp "$2" "$tmp/b/same.txt"
expect 2 "two inputs with one base name" "$T" -r U --output-dir "$tmp/r1" "$tmp/a/same.txt" \
	"$tmp/b/same.txt"
says "would both write" "says which inputs clash"
[ ! -e "$tmp/r1" ] && ok "a refused batch leaves no directory" || bad "refused batch made $tmp/r1"
cp "$1" "$tmp/a/x"
cp "$2" "$tmp/a/x.audit"
expect 2 "an input named like another's audit" "$T" -r U --output-dir "$tmp/r2" \
	--secret-key "$tmp/office.key" "$tmp/a/x" "$tmp/a/x.audit"
cp "$1" "$tmp/a/ledger.jsonl"
expect 2 "an input named like the ledger" "$T" -r U --output-dir "$tmp/r3" \
	--secret-key "$tmp/office.key" "$tmp/a/ledger.jsonl"
says "would be the ledger" "says the ledger clashes"
expect 2 "a release that would replace its input" "$T" -r U --output-dir "$tmp/a" \
	"$tmp/a/same.txt"
cmp -s "$1" "$tmp/a/same.txt" && ok "the input is untouched" || bad "the input was replaced"
mkdir "$tmp/r4"
: > "$tmp/r4/$(basename "$1").audit"
expect 2 "an existing audit is never overwritten" "$T" -r U --output-dir "$tmp/r4" \
	--secret-key "$tmp/office.key" "$1" "$2"
[ "$(ls "$tmp/r4" | wc -l)" -eq 1 ] && ok "nothing written beside it" ||
	bad "a refused batch wrote: $(ls "$tmp/r4" | tr '\n' ' ')"
: > "$tmp/afile"
expect 2 "--output-dir is a file" "$T" -r U --output-dir "$tmp/afile" "$1"
expect 2 "standard input in a batch" "$T" -r U --output-dir "$tmp/r5" - < "$1"
expect 2 "-o with --output-dir" "$T" -r U --output-dir "$tmp/r5" -o "$tmp/x" "$1"
expect 2 "--audit with --output-dir" "$T" -r U --output-dir "$tmp/r5" --audit "$tmp/x" \
	--secret-key "$tmp/office.key" "$1"
expect 2 "--ledger without --secret-key" "$T" -r U --output-dir "$tmp/r5" --ledger "$tmp/l" "$1"
expect 2 "--jobs without --output-dir" "$T" -r U --jobs 2 "$1"
expect 2 "--jobs not a number" "$T" -r U --output-dir "$tmp/r5" --jobs two "$1"
expect 2 "--jobs too many" "$T" -r U --output-dir "$tmp/r5" --jobs 65 "$1"
expect 2 "a batch of no files" "$T" -r U --output-dir "$tmp/r5"
expect 2 "a batch without --release" "$T" --output-dir "$tmp/r5" "$1"
[ ! -e "$tmp/r5" ] && [ ! -e "$tmp/x" ] && ok "usage errors write nothing" ||
	bad "a usage error wrote files"

# The progress line: on a terminal (script(1) makes one), not with -q, never in the output.
if command -v script > /dev/null 2>&1; then
	script -qec "'$T' -r U --output-dir '$tmp/tty' --jobs 2 $(printf "'%s' " "$@")" \
	    /dev/null > "$tmp/tty.out" 2>&1
	grep -q "\] $docs/$docs" "$tmp/tty.out" && ok "a progress line on a terminal" ||
		bad "no progress line on a terminal: $(tail -c 200 "$tmp/tty.out")"
	script -qec "'$T' -q -r U --output-dir '$tmp/ttyq' --jobs 2 $(printf "'%s' " "$@")" \
	    /dev/null > "$tmp/ttyq.out" 2>&1
	grep -q "\] " "$tmp/ttyq.out" && bad "-q still draws the progress line" ||
		ok "no progress line with -q"
	same "$tmp/tty" "$tmp/plain" "the releases of a batch on a terminal"
else
	echo "skip progress line: script(1) is not installed"
fi

exit $fail
