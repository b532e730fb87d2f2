#!/bin/sh
# SPDX-License-Identifier: ISC
# tearline ledger merge and tearline verify --checkpoint, end to end: three batches with three
# ledgers (two signed by one office key, one by another) are merged into one signed checkpoint;
# Python's hashlib recomputes, independently, the RFC 6962 test vectors the unit test holds, the
# checkpoint's root from the ledgers' lines and its key hash; one run is proven in the tree; and
# every tampering (the ledgers' order, a ledger left out, the root, the size, the origin, the
# signature, a ledger entry, the audit, another key) makes verify exit 1.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
if ! command -v python3 > /dev/null 2>&1; then
	echo "FAIL python3 is needed (scripts/deps.sh test installs it)"
	exit 1
fi

says() {
	if grep -F -q -e "$1" "$tmp/stderr" "$tmp/stdout"; then ok "$2"; else
		bad "$2: the output lacks: $1"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
	fi
}

# The unit test's RFC 6962 vectors, recomputed here from the reference leaves.
python3 - tests/unit/test_checkpoint.c > "$tmp/vectors" <<'EOF'
import hashlib, re, sys
leaves = [bytes.fromhex(x) for x in
          ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
           "606162636465666768696a6b6c6d6e6f"]]
def mth(d):
    if not d:
        return hashlib.sha256(b"").digest()
    if len(d) == 1:
        return hashlib.sha256(b"\x00" + d[0]).digest()
    k = 1
    while k * 2 < len(d):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(d[:k]) + mth(d[k:])).digest()
src = open(sys.argv[1]).read()
block = src[src.index("ct_roots[] = {"):src.index("};", src.index("ct_roots[] = {"))]
held = re.findall(r'"([0-9a-f]{64})"', block)
made = [mth(leaves[:n]).hex() for n in range(1, 9)]
print("same" if held == made and mth([]).hex() ==
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" else "differ")
EOF
[ "$(cat "$tmp/vectors")" = same ] && ok "the unit test's RFC 6962 roots, recomputed in Python" ||
	bad "the unit test's RFC 6962 roots differ from Python's"

# Three batches, three ledgers; the third office has its own key.
set -- tests/corpus/*.txt
"$T" keygen -q --secret-key "$tmp/a.key" --public-key "$tmp/a.pub" || exit 2
"$T" keygen -q --secret-key "$tmp/b.key" --public-key "$tmp/b.pub" || exit 2
"$T" keygen -q --secret-key "$tmp/cp.key" --public-key "$tmp/cp.pub" || exit 2
"$T" -q -r U --output-dir "$tmp/one" --secret-key "$tmp/a.key" --jobs 2 "$1" "$2" "$3" "$4" ||
	bad "batch one"
"$T" -q -r C --output-dir "$tmp/two" --secret-key "$tmp/a.key" "$5" "$6" "$7" || bad "batch two"
"$T" -q -r U --mode strip --output-dir "$tmp/three" --secret-key "$tmp/b.key" "$8" "$9" ||
	bad "batch three"
L1=$tmp/one/ledger.jsonl
L2=$tmp/two/ledger.jsonl
L3=$tmp/three/ledger.jsonl
CP=$tmp/checkpoint
O=example.org/tearline/test

expect 0 "merge three ledgers under two keys" "$T" ledger merge --secret-key "$tmp/cp.key" \
	--origin "$O" --public-key "$tmp/a.pub" --public-key "$tmp/b.pub" -o "$CP" "$L1" "$L2" "$L3"
says "checkpoint of 9 runs from 3 ledgers" "merge says what it signed"
python3 - "$CP" "$tmp/cp.pub" "$O" "$L1" "$L2" "$L3" > "$tmp/py" <<'EOF'
import base64, hashlib, sys
note = open(sys.argv[1], "rb").read()
pk = bytes.fromhex([l.split()[1] for l in open(sys.argv[2]) if l.startswith("public-key:")][0])
origin = sys.argv[3].encode()
lines = [l.rstrip(b"\n") for f in sys.argv[4:] for l in open(f, "rb")]
def mth(d):
    if len(d) == 1:
        return hashlib.sha256(b"\x00" + d[0]).digest()
    k = 1
    while k * 2 < len(d):
        k *= 2
    return hashlib.sha256(b"\x01" + mth(d[:k]) + mth(d[k:])).digest()
text, sigs = note.split(b"\n\n")
body = text.split(b"\n")
sig = sigs.rstrip(b"\n").split(b" ")
blob = base64.b64decode(sig[2])
keyhash = hashlib.sha256(origin + b"\n\x01" + pk).digest()[:4]
checks = [
    ("three lines", len(body) == 3),
    ("origin", body[0] == origin),
    ("size", body[1] == str(len(lines)).encode()),
    ("root", body[2] == base64.b64encode(mth(lines))),
    ("one signature line", sigs.count(b"\n") == 1 and sigs.endswith(b"\n")),
    ("em dash and key name", sig[0] == "\u2014".encode() and sig[1] == origin),
    ("key hash", blob[:4] == keyhash and len(blob) == 68),
]
print(" ".join(name for name, good in checks if not good) or "good")
EOF
[ "$(cat "$tmp/py")" = good ] &&
	ok "Python finds the C2SP form, the RFC 6962 root of the ledgers' lines and the key hash" ||
	bad "the checkpoint, read by Python: wrong $(cat "$tmp/py")"

V="$T verify --checkpoint $CP --checkpoint-key $tmp/cp.pub --public-key $tmp/a.pub --public-key $tmp/b.pub"
b=$(basename "$6")
expect 0 "verify the checkpoint with its ledgers" $V --ledger "$L1" --ledger "$L2" --ledger "$L3"
says "9 runs from 3 ledgers" "verify says what it checked"
expect 0 "prove one run's inclusion" $V --ledger "$L1" --ledger "$L2" --ledger "$L3" \
	--audit "$tmp/two/$b.audit"
says "is leaf 5 of the tree" "verify names the run's leaf"
expect 0 "prove a run of the other key" $V --ledger "$L1" --ledger "$L2" --ledger "$L3" \
	--audit "$tmp/three/$(basename "$9").audit"
expect 0 "the release still verifies against its audit" "$T" verify -q \
	--audit "$tmp/two/$b.audit" --public-key "$tmp/a.pub" --output "$tmp/two/$b" --original "$6"

# Tampering.
expect 1 "the ledgers in another order" $V --ledger "$L2" --ledger "$L1" --ledger "$L3"
says "not in the order they were merged" "says the order may be wrong"
expect 1 "a ledger left out" $V --ledger "$L1" --ledger "$L2" --audit "$tmp/two/$b.audit"
says "the checkpoint's tree has 9 runs" "says the sizes differ"
expect 1 "the checkpoint under another key" "$T" verify --checkpoint "$CP" \
	--checkpoint-key "$tmp/a.pub" --public-key "$tmp/a.pub" --public-key "$tmp/b.pub" \
	--ledger "$L1" --ledger "$L2" --ledger "$L3"
expect 1 "a ledger's key not given" "$T" verify --checkpoint "$CP" \
	--checkpoint-key "$tmp/cp.pub" --public-key "$tmp/a.pub" \
	--ledger "$L1" --ledger "$L2" --ledger "$L3"
# edit SCRIPT NAME: a copy of the checkpoint edited by the sed SCRIPT does not verify.
edit() {
	if ! sed "$1" "$CP" > "$tmp/bad.cp" || cmp -s "$CP" "$tmp/bad.cp"; then
		bad "$2: the edit failed or changed nothing"
		return
	fi
	expect 1 "$2" "$T" verify --checkpoint "$tmp/bad.cp" --checkpoint-key "$tmp/cp.pub" \
	    --public-key "$tmp/a.pub" --public-key "$tmp/b.pub" \
	    --ledger "$L1" --ledger "$L2" --ledger "$L3"
}
# One byte of the root, or of the signature (byte 51 of its line), becomes another.
edit '1s/test$/tesT/' "the origin changed"
edit '2s/9/10/' "the size changed"
edit '2s/9/09/' "the size spelled with a leading zero"
edit '3s/^\(.\{10\}\)A/\1B/;t;3s/^\(.\{10\}\)./\1A/' "the root changed"
edit '5s/^\(.\{50\}\)A/\1B/;t;5s/^\(.\{50\}\)./\1A/' "the signature changed"
says "does not verify under the given key" "says the signature does not verify"
edit '3s/$/\nextra/' "a line added to the text"
printf '\342\200\224 witness.example/w QUJDREVGR0g=\n' | cat "$CP" - > "$tmp/cosigned.cp"
expect 0 "another signature beside it changes nothing" "$T" verify \
	--checkpoint "$tmp/cosigned.cp" --checkpoint-key "$tmp/cp.pub" --public-key "$tmp/a.pub" \
	--public-key "$tmp/b.pub" --ledger "$L1" --ledger "$L2" --ledger "$L3"
cp "$L2" "$tmp/l2.saved"
sed '2s/"time":"20/"time":"19/' "$tmp/l2.saved" > "$L2"
expect 1 "a ledger entry changed after the merge" $V --ledger "$L1" --ledger "$L2" --ledger "$L3"
cp "$tmp/l2.saved" "$L2"
sed '1s/"mode":"mask"/"mode":"strip"/' "$tmp/two/$b.audit" > "$tmp/bad.audit"
expect 1 "an audit changed" $V --ledger "$L1" --ledger "$L2" --ledger "$L3" \
	--audit "$tmp/bad.audit"
"$T" -q -r U --output-dir "$tmp/four" --secret-key "$tmp/a.key" "$1" || bad "batch four"
expect 1 "a run that is not in the tree" $V --ledger "$L1" --ledger "$L2" --ledger "$L3" \
	--audit "$tmp/four/$(basename "$1").audit"
says "no entry of the ledgers given" "says the run is not in the tree"

# What merge refuses: it writes nothing then.
rm -f "$tmp/new.cp"
expect 1 "merge: the same ledger twice" "$T" ledger merge --secret-key "$tmp/cp.key" \
	--origin "$O" --public-key "$tmp/a.pub" -o "$tmp/new.cp" "$L1" "$L1"
says "the same entry" "says an entry appears twice"
expect 1 "merge: a ledger signed by a key not given" "$T" ledger merge \
	--secret-key "$tmp/cp.key" --origin "$O" --public-key "$tmp/a.pub" -o "$tmp/new.cp" \
	"$L1" "$L3"
expect 1 "merge: no public key, and the ledgers are not the signer's" "$T" ledger merge \
	--secret-key "$tmp/cp.key" --origin "$O" -o "$tmp/new.cp" "$L1"
sed '1s/"seq":0/"seq":1/' "$L1" > "$tmp/damaged.jsonl"
expect 1 "merge: a damaged ledger" "$T" ledger merge --secret-key "$tmp/a.key" --origin "$O" \
	-o "$tmp/new.cp" "$tmp/damaged.jsonl"
expect 2 "merge: an origin with a space" "$T" ledger merge --secret-key "$tmp/a.key" \
	--origin "example org" -o "$tmp/new.cp" "$L1"
expect 2 "merge: an origin with a plus" "$T" ledger merge --secret-key "$tmp/a.key" \
	--origin "a+b" -o "$tmp/new.cp" "$L1"
expect 2 "merge: a ledger that is not there" "$T" ledger merge --secret-key "$tmp/a.key" \
	--origin "$O" -o "$tmp/new.cp" "$tmp/none.jsonl"
expect 2 "merge: no ledger" "$T" ledger merge --secret-key "$tmp/a.key" --origin "$O" \
	-o "$tmp/new.cp"
expect 2 "merge: no origin" "$T" ledger merge --secret-key "$tmp/a.key" -o "$tmp/new.cp" "$L1"
expect 2 "ledger: an unknown subcommand" "$T" ledger mix "$L1"
[ ! -e "$tmp/new.cp" ] && ok "refused merges write nothing" || bad "a refused merge wrote"
expect 0 "merge with the office's own key, to standard output" "$T" ledger merge \
	--secret-key "$tmp/a.key" --origin "$O" -o - "$L1" "$L2"
head -n 2 "$tmp/stdout" | tr '\n' ' ' | grep -q "^$O 7 $" && ok "the note on standard output" ||
	bad "merge -o -: $(head -n 2 "$tmp/stdout")"
expect 2 "verify --checkpoint without a ledger" "$T" verify --checkpoint "$CP" \
	--public-key "$tmp/a.pub"

exit $fail
