#!/bin/sh
# SPDX-License-Identifier: ISC
# The audit end to end, through the command line: keygen; redact with --audit; verify, with the
# original and the auditor's key; then every kind of tampering, each of which must exit 1 (not
# verified) and never 0 or 2: a record deleted, duplicated or swapped, the tail cut, garbage
# appended, a record spliced from another run, a wrong key, a key of the same name with another
# id, a record edited and the chain hashed again without the secret key, non-canonical JSON
# (spaces, reordered keys, upper-case hex, duplicate keys), single-bit flips of a small audit and
# of its release; the ledger; reproducible audits from a test seed; and leakcheck over the audit.
# (Every single-bit flip, exhaustively, is in build/test_verify, where it takes a second.)
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
n=0

# expect CODE NAME COMMAND...: runs COMMAND and checks its exit status.
expect() {
	want=$1
	name=$2
	shift 2
	n=$((n + 1))
	"$@" > "$tmp/stdout" 2> "$tmp/stderr"
	got=$?
	if [ "$got" = "$want" ]; then
		echo "ok   $name"
	else
		echo "FAIL $name: exit $got, wanted $want"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
		fail=1
	fi
}

# says TEXT NAME: the last command's standard error holds TEXT.
says() {
	n=$((n + 1))
	if grep -F -q -e "$1" "$tmp/stderr"; then
		echo "ok   $2"
	else
		echo "FAIL $2: standard error lacks: $1"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
		fail=1
	fi
}

# tampered NAME FILE [SAYS]: FILE, as an audit of the release, does not verify.
tampered() {
	expect 1 "$1" $T verify --audit "$2" --public-key "$tmp/sign.pub" --output "$tmp/rel.txt"
	[ $# -ge 3 ] && says "$3" "$1: names the failure"
}

orig=samples/07MUSCAT1065.txt
[ -f $orig ] || cp ../shared/seed/07MUSCAT1065.txt $orig

# Keys.
expect 0 "keygen: signing key pair" $T keygen -q --secret-key "$tmp/sign.key" \
	--public-key "$tmp/sign.pub"
expect 0 "keygen: auditor key pair" $T keygen -q --auditor --secret-key "$tmp/auditor.key" \
	--public-key "$tmp/auditor.pub"
n=$((n + 1))
mode=$(stat -c %a "$tmp/sign.key")
if [ "$mode" = 600 ]; then echo "ok   keygen: secret key file is 0600"; else
	echo "FAIL keygen: secret key file is $mode"; fail=1; fi
expect 2 "keygen: never overwrites" $T keygen -q --secret-key "$tmp/sign.key" \
	--public-key "$tmp/other.pub"
expect 2 "keygen: needs both files" $T keygen --secret-key "$tmp/x.key"
mkdir "$tmp/elsewhere"
expect 0 "keygen: a key of the same name elsewhere" $T keygen -q \
	--secret-key "$tmp/elsewhere/sign.key" --public-key "$tmp/elsewhere/sign.pub"

# Usage errors.
expect 2 "redact: --audit without --secret-key" $T redact --release U -o "$tmp/x" \
	--audit "$tmp/x.jsonl" $orig
expect 2 "redact: --ledger without --audit" $T redact --release U -o "$tmp/x" \
	--ledger "$tmp/l" $orig
expect 2 "verify: no public key" $T verify --audit "$tmp/a" --output "$tmp/x"
expect 2 "verify: auditor key without original" $T verify --audit "$tmp/a" \
	--public-key "$tmp/sign.pub" --output "$tmp/x" --auditor-secret-key "$tmp/auditor.key"

# A release with its audit, verified three ways.
expect 0 "redact with --audit" $T redact -q --release UNCLASSIFIED -o "$tmp/rel.txt" \
	--audit "$tmp/audit.jsonl" --secret-key "$tmp/sign.key" \
	--auditor-key "$tmp/auditor.pub" $orig
expect 0 "verify" $T verify --audit "$tmp/audit.jsonl" --public-key "$tmp/sign.pub" \
	--output "$tmp/rel.txt"
expect 0 "verify --original" $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/rel.txt" --original $orig
expect 0 "verify --original --auditor-secret-key" $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/rel.txt" --original $orig \
	--auditor-secret-key "$tmp/auditor.key"
# A key file that is a FIFO is refused at once: opening it must not wait for a writer.
mkfifo "$tmp/fifo"
expect 2 "redact: a FIFO as --secret-key" timeout 30 $T redact -q --release U \
	-o "$tmp/fifo-rel.txt" --audit "$tmp/fifo.jsonl" --secret-key "$tmp/fifo" $orig
says "not a regular file" "redact: FIFO key: named"
expect 2 "redact: a FIFO as --auditor-key" timeout 30 $T redact -q --release U \
	-o "$tmp/fifo-rel.txt" --audit "$tmp/fifo.jsonl" --secret-key "$tmp/sign.key" \
	--auditor-key "$tmp/fifo" $orig
expect 2 "verify: a FIFO as --public-key" timeout 30 $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/fifo" --output "$tmp/rel.txt"
says "not a regular file" "verify: FIFO key: named"
expect 2 "verify: a FIFO as --auditor-secret-key" timeout 30 $T verify \
	--audit "$tmp/audit.jsonl" --public-key "$tmp/sign.pub" --output "$tmp/rel.txt" \
	--original $orig --auditor-secret-key "$tmp/fifo"
expect 0 "redact: audit to a file, release to stdout" $T redact -q --release C \
	--mode strip --audit "$tmp/stdout.jsonl" --secret-key "$tmp/sign.key" $orig
cp "$tmp/stdout" "$tmp/stdout-rel.txt"
expect 0 "verify: release from stdout, strip mode, C" $T verify --audit "$tmp/stdout.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/stdout-rel.txt" --original $orig

# What the run refuses, it refuses before writing anything.
expect 2 "redact: an audit is never overwritten" $T redact -q --release U \
	-o "$tmp/new.txt" --audit "$tmp/audit.jsonl" --secret-key "$tmp/sign.key" $orig
n=$((n + 1))
if [ -e "$tmp/new.txt" ]; then echo "FAIL refused run wrote a release"; fail=1; else
	echo "ok   refused run wrote no release"; fi
chmod 644 "$tmp/sign.key"
expect 2 "redact: a secret key open to others is refused" $T redact -q --release U \
	-o "$tmp/new.txt" --audit "$tmp/new.jsonl" --secret-key "$tmp/sign.key" $orig
says "open to others" "redact: says why the key is refused"
chmod 600 "$tmp/sign.key"
expect 2 "redact: an auditor key is no signing key" $T redact -q --release U \
	-o "$tmp/new.txt" --audit "$tmp/new.jsonl" --secret-key "$tmp/auditor.key" $orig
says "an X25519 auditor key, where an Ed25519 signing key is wanted" \
    "redact: says what the key given is"
# The other half of a pair: each says what it is, before any word on its mode.
expect 2 "redact: a public key as --secret-key" $T redact -q --release U \
	-o "$tmp/new.txt" --audit "$tmp/new.jsonl" --secret-key "$tmp/sign.pub" $orig
says "sign.pub: a public key file, where the secret key file is wanted" \
    "redact: says it is the public key"
expect 2 "verify: a secret key as --public-key" $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/sign.key" --output "$tmp/rel.txt"
says "sign.key: a secret key file, where a public key file is wanted" \
    "verify: says it is the secret key"
n=$((n + 1))
if [ -e "$tmp/new.txt" ] || [ -e "$tmp/new.jsonl" ]; then echo "FAIL refused runs wrote files"
	fail=1; else echo "ok   refused runs wrote nothing"; fi

# Keys that are not the signer's.
expect 1 "verify: another key" $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/elsewhere/sign.pub" --output "$tmp/rel.txt"
says 'field "key_id": signed by key' "verify: another key: names key_id"
sed "s/^key-id: .*/$(grep '^key-id: ' "$tmp/sign.pub")/" "$tmp/elsewhere/sign.pub" \
	> "$tmp/same-id.pub"
# A key id is derived from its key: another key relabelled with the signer's id is no key file.
expect 2 "verify: another key under the signer's id" $T verify --audit "$tmp/audit.jsonl" \
	--public-key "$tmp/same-id.pub" --output "$tmp/rel.txt"
says "the key id is not this public key's" "verify: same id: the relabelling is named"

# Records moved.
a="$tmp/audit.jsonl"
lines=$(wc -l < "$a")
sed '5d' "$a" > "$tmp/t"; tampered "a record deleted" "$tmp/t" 'field "seq"'
sed '1d' "$a" > "$tmp/t"; tampered "the begin record deleted" "$tmp/t"
sed '5p' "$a" > "$tmp/t"; tampered "a record duplicated" "$tmp/t" 'field "seq"'
{ sed -n '1,4p' "$a"; sed -n '6p' "$a"; sed -n '5p' "$a"; sed -n '7,$p' "$a"; } > "$tmp/t"
tampered "two records swapped" "$tmp/t"
sed '$d' "$a" > "$tmp/t"; tampered "the end record cut off" "$tmp/t" "without an end record"
head -n 3 "$a" > "$tmp/t"; tampered "the tail cut off" "$tmp/t" "without an end record"
head -c $(($(wc -c < "$a") - 10)) "$a" > "$tmp/t"; tampered "the last line cut short" "$tmp/t" \
	"no line end"
{ cat "$a"; echo '{"seq":99}'; } > "$tmp/t"; tampered "a line appended" "$tmp/t"
{ cat "$a"; printf 'x'; } > "$tmp/t"; tampered "a byte appended" "$tmp/t"
{ cat "$a"; tail -n 1 "$a"; } > "$tmp/t"; tampered "the end record twice" "$tmp/t"
: > "$tmp/t"; tampered "an empty audit" "$tmp/t"

# A record from another run of the same document.
expect 0 "a second run" $T redact -q --release UNCLASSIFIED -o "$tmp/rel2.txt" \
	--audit "$tmp/audit2.jsonl" --secret-key "$tmp/sign.key" $orig
{ sed -n '1,4p' "$a"; sed -n '5p' "$tmp/audit2.jsonl"; sed -n '6,$p' "$a"; } > "$tmp/t"
tampered "a record spliced from another run" "$tmp/t" 'field "head": does not match the records'
# One edited, and one taken out and the seq numbers made again: the chain gives both away.
sed '3s/"marking":"/"marking":"X/' "$a" > "$tmp/t"
tampered "a record edited" "$tmp/t" 'field "head": does not match the records'
sed '5d' "$a" | awk 'BEGIN { FS = OFS = "" } { sub(/^\{"seq":[0-9]*/, "{\"seq\":" NR - 1); print }' \
    > "$tmp/t"
tampered "a record deleted and the rest numbered again" "$tmp/t" 'field "head"'

# Non-canonical JSON: each line below differs from the canonical one only in form.
sed '3s/"seq":2,/"seq": 2,/' "$a" > "$tmp/t"; tampered "a space" "$tmp/t" "not in canonical form"
sed '3s/{"seq":2,"kind":"\([a-z]*\)"/{"kind":"\1","seq":2/' "$a" > "$tmp/t"
tampered "keys reordered" "$tmp/t" "out of order"
sed '3s/"commitment":"\([0-9]*\)\([a-f]\)/"commitment":"\1\U\2/' "$a" > "$tmp/t"
tampered "upper-case hex" "$tmp/t" "lower-case hex"
sed '3s/"seq":2,/"seq":2,"seq":2,/' "$a" > "$tmp/t"; tampered "a duplicate key" "$tmp/t" \
	"duplicate"
sed '3s/"seq":2,/"seq":2.0,/' "$a" > "$tmp/t"; tampered "a float" "$tmp/t" "integer"
sed '3s/$/\r/' "$a" > "$tmp/t"; tampered "a CRLF line end" "$tmp/t"
sed '3s/"rule":"rollup"/"rule":"rollu\\u0070"/' "$a" > "$tmp/t"
tampered "an escaped letter" "$tmp/t" "not in canonical form"

# A record edited and the whole chain made again by someone without the secret key (format 2:
# each record's hash is BLAKE2b-256 of the prefix, the hash before and the line; the end record
# names the last): the head holds, and only the signature can tell.
if command -v python3 > /dev/null 2>&1; then
	python3 - "$a" "$tmp/t" <<'EOF'
import hashlib, sys
lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
i = next(k for k, l in enumerate(lines) if b'"kind":"withheld"' in l)
lines[i] = lines[i].replace(b'"exemption":"(b)(1)"', b'"exemption":"(b)(3)"')
h = bytes(32)
for k, l in enumerate(lines):
    if k == len(lines) - 1:
        at = l.index(b'"head":"') + 8
        lines[k] = l = l[:at] + h.hex().encode() + l[at + 64:]
    h = hashlib.blake2b(b"tearline-audit-v2\0record\0" + h + l, digest_size=32).digest()
open(sys.argv[2], "wb").write(b"\n".join(lines) + b"\n")
EOF
	tampered "a record edited and the chain hashed again" "$tmp/t" 'field "signature"'
else
	echo "skip re-hashed chain (no python3)"
fi

# The release and the original.
printf 'x' >> "$tmp/rel.txt"
tampered "a byte added to the release" "$a" 'field "output_length"'
head -c -1 "$tmp/rel.txt" > "$tmp/t" && mv "$tmp/t" "$tmp/rel.txt"
sed 's/policy/POLICY/' $orig > "$tmp/orig2.txt"
expect 1 "verify: another original" $T verify --audit "$a" --public-key "$tmp/sign.pub" \
	--output "$tmp/rel.txt" --original "$tmp/orig2.txt" --auditor-secret-key "$tmp/auditor.key"
{ policy_text=$($T policy show); printf '%s\n# edited\n' "$policy_text"; } > "$tmp/policy.yaml"
expect 1 "verify: another policy" $T verify --audit "$a" --public-key "$tmp/sign.pub" \
	--output "$tmp/rel.txt" --original $orig --policy "$tmp/policy.yaml"
says 'field "policy_digest"' "verify: another policy: names policy_digest"
expect 2 "verify: a missing release is an error" $T verify --audit "$a" \
	--public-key "$tmp/sign.pub" --output "$tmp/none.txt"

# Single-bit flips through the command line, of a small audit and its release.
printf 'S E C R E T SECTION 01 OF 01 MUSCAT 001065\n\nNOFORN\n\nSUBJECT: (U) TALKS\n\n1. (S/NF) The plan is to meet at the old harbour at dawn.\n\n2. (U) The weather was fine.\n\nS E C R E T\n' > "$tmp/small.txt"
expect 0 "redact a small cable" $T redact -q --release UNCLASSIFIED -o "$tmp/small.rel" \
	--audit "$tmp/small.jsonl" --secret-key "$tmp/sign.key" "$tmp/small.txt"
if command -v python3 > /dev/null 2>&1; then
	n=$((n + 1))
	if python3 - "$T" "$tmp" <<'EOF'
import subprocess, sys
T, tmp = sys.argv[1], sys.argv[2]
audit = open(tmp + "/small.jsonl", "rb").read()
rel = open(tmp + "/small.rel", "rb").read()
def verify(a, r):
    open(tmp + "/flip.jsonl", "wb").write(a)
    open(tmp + "/flip.rel", "wb").write(r)
    return subprocess.run([T, "verify", "-q", "--audit", tmp + "/flip.jsonl", "--public-key",
        tmp + "/sign.pub", "--output", tmp + "/flip.rel"], stderr=subprocess.DEVNULL).returncode
bad = []
assert verify(audit, rel) == 0
# Every 7th byte of the audit (each bit in turn) and every byte of the release.
for i in range(0, len(audit), 7):
    a = bytearray(audit); a[i] ^= 1 << (i % 8)
    if verify(bytes(a), rel) != 1: bad.append(("audit", i))
for i in range(len(rel)):
    r = bytearray(rel); r[i] ^= 1 << (i % 8)
    if verify(audit, bytes(r)) != 1: bad.append(("release", i))
if bad:
    print("undetected flips:", bad[:10]); sys.exit(1)
EOF
	then echo "ok   single-bit flips of a small audit and its release"
	else echo "FAIL single-bit flips"; fail=1; fi
fi

# The ledger: three runs, each naming the head before it.
for i in 1 2 3; do
	expect 0 "redact with --ledger ($i)" $T redact -q --release UNCLASSIFIED \
		-o "$tmp/l$i.txt" --audit "$tmp/l$i.jsonl" --secret-key "$tmp/sign.key" \
		--ledger "$tmp/ledger.jsonl" $orig
done
expect 0 "verify --ledger" $T verify --ledger "$tmp/ledger.jsonl" --public-key "$tmp/sign.pub"
expect 0 "verify --audit --ledger" $T verify --audit "$tmp/l2.jsonl" --output "$tmp/l2.txt" \
	--ledger "$tmp/ledger.jsonl" --public-key "$tmp/sign.pub"
sed '2d' "$tmp/ledger.jsonl" > "$tmp/t"
expect 1 "ledger: a run removed" $T verify --ledger "$tmp/t" --public-key "$tmp/sign.pub"
{ sed -n '2p' "$tmp/ledger.jsonl"; sed -n '1p;3p' "$tmp/ledger.jsonl"; } > "$tmp/t"
expect 1 "ledger: runs reordered" $T verify --ledger "$tmp/t" --public-key "$tmp/sign.pub"
sed '3d' "$tmp/ledger.jsonl" > "$tmp/t"
expect 1 "ledger: the last run removed, seen from its audit" $T verify --audit "$tmp/l3.jsonl" \
	--output "$tmp/l3.txt" --ledger "$tmp/t" --public-key "$tmp/sign.pub"
expect 1 "ledger: another key" $T verify --ledger "$tmp/ledger.jsonl" \
	--public-key "$tmp/elsewhere/sign.pub"

# Reproducible audits for tests: a fixed seed and time give the same bytes, and say so.
for i in 1 2; do
	expect 0 "redact with TEARLINE_TEST_SEED ($i)" env TEARLINE_TEST_SEED=fixed \
		SOURCE_DATE_EPOCH=1195568580 $T redact -q --release UNCLASSIFIED \
		-o "$tmp/s$i.txt" --audit "$tmp/s$i.jsonl" --secret-key "$tmp/sign.key" $orig
	says "TEARLINE_TEST_SEED is set" "the test seed is never silent ($i)"
done
n=$((n + 1))
if cmp -s "$tmp/s1.jsonl" "$tmp/s2.jsonl" && grep -q '"time":"2007-11-20T14:23:00Z"' \
	"$tmp/s1.jsonl" && grep -q '"run_secret":"test-seed"' "$tmp/s1.jsonl"; then
	echo "ok   the same seed, key and time give the same audit"
else
	echo "FAIL audits from the same seed differ"; fail=1
fi
expect 0 "verify a test-seed audit" $T verify --audit "$tmp/s1.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/s1.txt"
says "hide nothing" "verify warns of a test-seed audit"
expect 2 "SOURCE_DATE_EPOCH must be a number" env SOURCE_DATE_EPOCH=yesterday $T redact -q \
	--release U -o "$tmp/x.txt" --audit "$tmp/x.jsonl" --secret-key "$tmp/sign.key" $orig

# A document of a megabyte or more has its audit's hashing shared with a helper thread (the input
# digest while the document is parsed, then the commitments): the audit must be the very bytes
# that one thread writes (a batch run writes each audit alone), and verify in full.
big="$tmp/big.txt"
: > "$big"
i=0
while [ $i -lt 70 ]; do cat samples/07MUSCAT1065.txt samples/07BOGOTA1232.txt \
	samples/08BEIJING3067.txt >> "$big"; i=$((i + 1)); done
# The auditor's sealed copy of the run secret is random, so the byte-for-byte comparisons run
# without one, and the full verification with one.
for where in file stdout; do
	if [ $where = file ]; then set -- -o "$tmp/big-$where.txt"; else set -- ; fi
	n=$((n + 1))
	if env TEARLINE_TEST_SEED=big SOURCE_DATE_EPOCH=1195568580 $T redact -q \
		--release UNCLASSIFIED --audit "$tmp/big-$where.jsonl" --secret-key "$tmp/sign.key" \
		"$@" "$big" > "$tmp/big-stdout.txt" 2> /dev/null; then
		echo "ok   a $(wc -c < "$big")-byte document audited, the release to $where"
	else
		echo "FAIL a large document audited, the release to $where"; fail=1
	fi
done
cmp -s "$tmp/big-file.txt" "$tmp/big-stdout.txt" && cmp -s "$tmp/big-file.jsonl" \
	"$tmp/big-stdout.jsonl"
expect 0 "a large document: the same release and audit through a file and standard output" \
	test $? = 0
mkdir "$tmp/big-batch"
cp "$big" "$tmp/big-batch/big.txt"
expect 0 "a large document through the batch path" env TEARLINE_TEST_SEED=big \
	SOURCE_DATE_EPOCH=1195568580 $T redact -q --release UNCLASSIFIED \
	--secret-key "$tmp/sign.key" --output-dir "$tmp/big-out" "$tmp/big-batch/big.txt"
expect 0 "a large document: the batch path, one thread, writes the same audit" \
	cmp "$tmp/big-file.jsonl" "$tmp/big-out/big.txt.audit"
n=$((n + 1))
if [ "$(grep -c '"kind":"withheld"' "$tmp/big-file.jsonl")" -ge 1000 ]; then
	echo "ok   a large document: enough changes for the helper to share the commitments"
else
	echo "FAIL a large document: too few changes to test the shared commitments"; fail=1
fi
# At SECRET//NOFORN the release is nearly the whole document: more than one block of it goes
# through the helper for its digest.
expect 0 "a large document released at SECRET//NOFORN" env TEARLINE_TEST_SEED=big \
	SOURCE_DATE_EPOCH=1195568580 $T redact -q --release SECRET//NOFORN \
	--audit "$tmp/big-s.jsonl" --secret-key "$tmp/sign.key" -o "$tmp/big-s.txt" "$big"
n=$((n + 1))
if [ "$(wc -c < "$tmp/big-s.txt")" -gt 2097152 ]; then
	echo "ok   a large document at SECRET//NOFORN: a release of more than two blocks"
else
	echo "FAIL a large document at SECRET//NOFORN: the release is too small to test"; fail=1
fi
expect 0 "a large document at SECRET//NOFORN through the batch path" env \
	TEARLINE_TEST_SEED=big SOURCE_DATE_EPOCH=1195568580 $T redact -q --release SECRET//NOFORN \
	--secret-key "$tmp/sign.key" --output-dir "$tmp/big-out-s" "$tmp/big-batch/big.txt"
expect 0 "a large document at SECRET//NOFORN: the batch path writes the same audit" \
	cmp "$tmp/big-s.jsonl" "$tmp/big-out-s/big.txt.audit"
expect 0 "a large document with an auditor key" $T redact -q --release UNCLASSIFIED \
	--auditor-key "$tmp/auditor.pub" --audit "$tmp/big-a.jsonl" --secret-key "$tmp/sign.key" \
	-o "$tmp/big-a.txt" "$big"
expect 0 "a large document: the audit verifies with the original and the auditor's key" \
	$T verify --audit "$tmp/big-a.jsonl" --public-key "$tmp/sign.pub" \
	--output "$tmp/big-a.txt" --original "$big" --auditor-secret-key "$tmp/auditor.key"

# With --audit, a release to standard output waits in an unnamed file in $TMPDIR until the audit
# is complete: nothing is left there, and without a usable $TMPDIR the run is refused whole.
mkdir "$tmp/spool"
expect 0 "an audited release to standard output" env TMPDIR="$tmp/spool" $T redact -q \
	--release UNCLASSIFIED --audit "$tmp/sp.jsonl" --secret-key "$tmp/sign.key" "$orig"
cp "$tmp/stdout" "$tmp/sp.txt"
expect 0 "the audited release to standard output verifies" $T verify --audit "$tmp/sp.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/sp.txt" --original "$orig"
expect 0 "nothing is left in TMPDIR" test -z "$(ls -A "$tmp/spool")"
expect 2 "no usable TMPDIR: refused" env TMPDIR="$tmp/none" $T redact -q \
	--release UNCLASSIFIED --audit "$tmp/sp2.jsonl" --secret-key "$tmp/sign.key" "$orig"
says "cannot create a temporary file for the release" "no usable TMPDIR: says why"
n=$((n + 1))
if [ ! -s "$tmp/stdout" ] && [ ! -e "$tmp/sp2.jsonl" ]; then
	echo "ok   no usable TMPDIR: no release and no audit"
else
	echo "FAIL no usable TMPDIR: something was written"; fail=1
fi

# Nothing withheld is in the audit (the leak oracle reads it as if it were a release).
if [ -x ../shared/tools/leakcheck ] && command -v python3 > /dev/null 2>&1; then
	n=$((n + 1))
	if ../shared/tools/leakcheck --release U $orig "$a" > "$tmp/leak" 2>&1 &&
		grep -q 'leaked_shingles=0' "$tmp/leak"; then
		echo "ok   leakcheck finds nothing in the audit"
	else
		echo "FAIL leakcheck over the audit:"; sed 's/^/     /' "$tmp/leak"; fail=1
	fi
fi

# The audit is read as a stream, whatever its size: --max-document bounds the documents, not
# the audit. An audit larger than the limit verifies; one grown far past it (a record appended,
# then 64 MB of junk) is "not verified", exit 1, without being read whole.
i=0
{ echo SECRET; echo; while [ $i -lt 300 ]; do printf '(S) A plan.\n\n(U) A reply.\n\n'
	i=$((i + 1)); done; echo SECRET; } > "$tmp/many.txt"
expect 0 "redact: a document of 600 portions" $T redact -q --release U -o "$tmp/many.rel" \
	--audit "$tmp/many.jsonl" --secret-key "$tmp/sign.key" "$tmp/many.txt"
alen=$(wc -c < "$tmp/many.jsonl")
lim=$(wc -c < "$tmp/many.txt")
rlen=$(wc -c < "$tmp/many.rel")
[ "$rlen" -gt "$lim" ] && lim=$rlen
if [ "$alen" -gt $((2 * lim)) ]; then
	expect 0 "verify: an audit larger than --max-document" $T verify -q \
		--audit "$tmp/many.jsonl" --public-key "$tmp/sign.pub" --output "$tmp/many.rel" \
		--original "$tmp/many.txt" --max-document "$lim"
else
	n=$((n + 1)); echo "FAIL the audit ($alen bytes) is not larger than its document"; fail=1
fi
cp "$tmp/audit.jsonl" "$tmp/grown.jsonl"
head -c 67108864 /dev/zero | tr '\0' 'x' >> "$tmp/grown.jsonl"
expect 1 "verify: an audit grown by 64 MB" $T verify -q --audit "$tmp/grown.jsonl" \
	--public-key "$tmp/sign.pub" --output "$tmp/rel.txt" --max-document 1M
says "longer than 8192 bytes: not a record" "verify: grown audit: the line is named"
# Standard input is still read whole, within the limit.
expect 0 "verify: the audit on standard input" sh -c "$T verify -q --audit - \
	--public-key '$tmp/sign.pub' --output '$tmp/rel.txt' < '$tmp/audit.jsonl'"

# Runs of withheld portions: one record for portions withheld one after the other under one
# marking, rule and exemption with only blank lines between them; a kept portion, another marking
# or a re-marked line between them parts them. Whole and streamed alike, and verified against the
# original.
# records FILE KIND: the number of KIND records in audit FILE.
records() {
	grep -c "\"kind\":\"$2\"" "$1"
}
# joined NAME WANT TEXT: TEXT redacted at UNCLASSIFIED makes WANT withheld records, whole and
# streamed, and verifies.
joined() {
	printf "$3" > "$tmp/runs.txt"
	for budget in '' 0; do
		rm -f "$tmp/runs.jsonl"
		TEARLINE_TEST_BUDGET=$budget $T redact -q --release UNCLASSIFIED -o "$tmp/runs.rel" \
		    --audit "$tmp/runs.jsonl" --secret-key "$tmp/sign.key" \
		    --auditor-key "$tmp/auditor.pub" "$tmp/runs.txt"
		n=$((n + 1))
		got=$(records "$tmp/runs.jsonl" withheld)
		if [ "$got" = "$2" ]; then
			echo "ok   runs: $1 (budget '$budget')"
		else
			echo "FAIL runs: $1 (budget '$budget'): $got withheld records, wanted $2"
			fail=1
		fi
		expect 0 "runs: $1 (budget '$budget'): verifies" $T verify -q \
		    --audit "$tmp/runs.jsonl" --public-key "$tmp/sign.pub" --output "$tmp/runs.rel" \
		    --original "$tmp/runs.txt" --auditor-secret-key "$tmp/auditor.key"
	done
}
joined "three in a row" 1 'SECRET\n\n1. (S) The walrus.\n\n2. (S) The puffin.\n\n\n3. (S) The seal.\n\nSECRET\n'
joined "a kept one between" 2 'SECRET\n\n1. (S) The walrus.\n\n2. (U) The puffin.\n\n3. (S) The seal.\n\nSECRET\n'
joined "another marking between" 3 'SECRET\n\n1. (S) The walrus.\n\n2. (C) The puffin.\n\n3. (S) The seal.\n\nSECRET\n'
joined "another rule" 2 'SECRET\n\n1. (S) The walrus.\n\n2. (S//NF) The puffin.\n\nSECRET\n'
joined "a paragraph of two lines" 1 'SECRET\n\n1. (S) The walrus\nswims.\n\n2. (S) The puffin.\n\nSECRET\n'
# The record of a run spans its portions and the blank lines between them, and commits to those
# bytes (computed here from the documented construction, with a test seed's known secret).
printf 'SECRET\n\n1. (S) The walrus.\n\n2. (S) The puffin.\n\nSECRET\n' > "$tmp/runs.txt"
rm -f "$tmp/runs.jsonl"
TEARLINE_TEST_SEED=runs $T redact -q --release UNCLASSIFIED -o "$tmp/runs.rel" \
    --audit "$tmp/runs.jsonl" --secret-key "$tmp/sign.key" "$tmp/runs.txt" 2> /dev/null
n=$((n + 1))
if grep -q '"line_first":3,"line_last":6,"in_start":8,"in_end":48,' "$tmp/runs.jsonl"; then
	echo "ok   runs: the record spans both portions and the blank lines after them"
else
	echo "FAIL runs: the record does not span both portions"; fail=1
fi
if command -v python3 > /dev/null 2>&1; then
	n=$((n + 1))
	if python3 - "$tmp/runs.jsonl" "$tmp/runs.txt" <<'EOF'
import hashlib, json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
orig = open(sys.argv[2], "rb").read()
secret = hashlib.blake2b(b"tearline-test-seed\0secret\0runs", digest_size=32).digest()
for r in recs[1:-1]:
    # crypto_kdf_derive_from_key: BLAKE2b keyed with the secret, salt the subkey id (seq).
    sub = hashlib.blake2b(b"", key=secret, digest_size=32,
        salt=r["seq"].to_bytes(8, "little") + bytes(8), person=b"tlaudit1" + bytes(8)).digest()
    want = hashlib.blake2b(orig[r["in_start"]:r["in_end"]], key=sub, digest_size=32).hexdigest()
    if want != r["commitment"]:
        sys.exit("record %d: commitment %s, wanted %s" % (r["seq"], r["commitment"], want))
EOF
	then
		echo "ok   runs: each record commits to its span of the original"
	else
		echo "FAIL runs: a commitment is not over its span"; fail=1
	fi
fi

# An audit in the first format, made by an earlier tearline (tests/data/audit-v1), still
# verifies in full; a record of it edited does not.
v1=tests/data/audit-v1
cp $v1/auditor.key "$tmp/v1-auditor.key"
chmod 600 "$tmp/v1-auditor.key"
expect 0 "format 1: verifies in full" $T verify --audit $v1/release.audit \
    --public-key $v1/office.pub --output $v1/release.txt --original $v1/original.txt \
    --auditor-secret-key "$tmp/v1-auditor.key" --policy $v1/us-cable.yaml \
    --ledger $v1/office.ledger
n=$((n + 1))
if grep -q "every commitment opens" "$tmp/stdout"; then
	echo "ok   format 1: the commitments open"
else
	echo "FAIL format 1: the commitments do not open"; fail=1
fi
sed '3s/"marking":"/"marking":"X/' $v1/release.audit > "$tmp/t"
expect 1 "format 1: a record edited" $T verify --audit "$tmp/t" --public-key $v1/office.pub \
    --output $v1/release.txt
says 'field "hash": does not match the record' "format 1: the record's hash is named"
sed '1s/tearline-audit-1/tearline-audit-2/' $v1/release.audit > "$tmp/t"
expect 1 "format 1: its begin record said to be format 2" $T verify --audit "$tmp/t" \
    --public-key $v1/office.pub --output $v1/release.txt

echo "$n checks"
exit $fail
