#!/bin/sh
# SPDX-License-Identifier: ISC
# The lattice (docs/policies.md, "The audiences"): the executable specification in
# tests/lib/lattice.py, written apart from the C code from the policy files, decides generated
# (mark, target) pairs and roll-ups for every shipped policy and must agree with tearline on each;
# then documents, one per rule of issue 17, released as a reviewer would.
set -u
cd "$(dirname "$0")/.." || exit 2
. tests/lib/common.sh

# (a) The differential: 20,000 pairs and about 2,000 roll-ups per policy, fixed seed.
if python3 tests/lib/lattice.py -n 20000 -s 17 "$T" policies/us-cable.yaml policies/us-intel.yaml \
    policies/cui.yaml policies/uk.yaml policies/nato.yaml > "$tmp/diff" 2>&1; then
	while read -r line; do ok "differential: $line"; done < "$tmp/diff"
else
	bad "differential: tearline and the specification disagree"
	sed 's/^/     /' "$tmp/diff" | head -n 30
fi

# release POLICY TARGET: the release of standard input, in $tmp/out (a run that fails is a
# failure, and leaves $tmp/out empty).
release() {
	if ! "$T" redact -q -p "policies/$1.yaml" --release "$2" > "$tmp/out" 2> "$tmp/err"; then
		bad "release under $1 at $2: $(head -n 1 "$tmp/err")"
		: > "$tmp/out"
	fi
}
# has NAME TEXT / lacks NAME TEXT: whether the release holds a line with TEXT.
has() { if grep -qF -- "$2" "$tmp/out"; then ok "$1"; else bad "$1"; sed 's/^/     /' "$tmp/out"; fi; }
lacks() { if grep -qF -- "$2" "$tmp/out"; then bad "$1"; sed 's/^/     /' "$tmp/out"; else ok "$1"; fi; }

# (b) REL TO never reaches the public, in every scheme.
printf 'UNCLASSIFIED\n(U//REL TO USA) alpha walrus.\n\n(U) bravo.\nUNCLASSIFIED\n' |
    release us-cable UNCLASSIFIED
lacks "us-cable: (U//REL TO USA) is withheld from the public" "walrus"
[ "$(head -n 1 "$tmp/out")" = UNCLASSIFIED ] && [ "$(tail -n 1 "$tmp/out")" = UNCLASSIFIED ] &&
    ok "us-cable: the public release is marked UNCLASSIFIED, with no control" ||
    bad "us-cable: the public release is marked UNCLASSIFIED, with no control"
printf 'UNCLASSIFIED\n(U//REL TO USA, GBR) alpha walrus.\n' | release cui UNCLASSIFIED
lacks "cui: (U//REL TO USA, GBR) is withheld from the public" "walrus"
printf 'PUBLIC\n(PUBLIC//REL TO GBR, USA) alpha walrus.\n' | release uk PUBLIC
lacks "uk: (PUBLIC//REL TO GBR, USA) is withheld from the public" "walrus"
printf 'PUBLIC\n(PUBLIC//REL TO AUS) alpha walrus.\n' | release nato PUBLIC
lacks "nato: (PUBLIC//REL TO AUS) is withheld from the public" "walrus"

# (c) A CUI category on a (U) portion with no REL TO goes to US readers only.
printf 'CUI\n(U//SP-PRVCY) alpha walrus.\n' | release cui "CUI//REL TO USA, FRA"
lacks "cui: (U//SP-PRVCY) is withheld from CUI//REL TO USA, FRA" "walrus"
printf 'UNCLASSIFIED\n(U//FOUO) alpha walrus.\n' | release us-cable "UNCLASSIFIED//FOUO//REL TO USA, GBR"
lacks "us-cable: (U//FOUO) is withheld from a foreign target that names FOUO" "walrus"

# (d) A target may carry only controls its audience may hold.
expect 2 "us-cable: SECRET//REL TO USA, GBR//SBU-NF//LES-NF is refused" \
    "$T" redact -r "SECRET//REL TO USA, GBR//SBU-NF//LES-NF" samples/07MUSCAT1065.txt
grep -q "SBU-NF goes to US audiences only" "$tmp/stderr" &&
    ok "us-cable: the refusal names the control" || bad "us-cable: the refusal names the control"
expect 2 "cui: CUI//REL TO USA, GBR//SP-EXPT is refused" \
    "$T" redact -p policies/cui.yaml -r "CUI//REL TO USA, GBR//SP-EXPT" samples/07MUSCAT1065.txt
grep -q "SP-EXPT goes to US audiences only" "$tmp/stderr" &&
    ok "cui: the refusal names the control" || bad "cui: the refusal names the control"

# (e) Two REL TO lists in one mark or banner are malformed: withheld, and check says so.
printf 'SECRET//REL TO USA, GBR//REL TO USA, FRA\nunmarked walrus text goes here.\n\n(S//REL TO USA, FRA) bravo.\n\n(S//REL TO USA, GBR//REL TO USA, FRA) charlie narwhal.\n' > "$tmp/twice.txt"
release us-cable "SECRET//REL TO USA, FRA" < "$tmp/twice.txt"
lacks "REL TO twice: unmarked text under the banner is withheld" "walrus"
lacks "REL TO twice: the portion is withheld" "narwhal"
has "REL TO twice: the banner is re-marked to what is kept" "SECRET//REL TO USA, FRA"
expect 1 "check: REL TO twice is an error" "$T" check -r "SECRET//REL TO USA, FRA" "$tmp/twice.txt"
[ "$(grep -c noforn-with-rel "$tmp/stdout")" = 2 ] &&
    ok "check: the banner and the mark are both named" ||
    bad "check: the banner and the mark are both named"

# (f) Banners never wider than their content.
printf 'SECRET//REL TO USA, GBR\n(S//REL TO USA, GBR) alpha.\n\n(SBU-NF) bravo.\nSECRET//REL TO USA, GBR\n' |
    release us-cable SECRET
has "SBU-NF forces NOFORN on the re-marked banner" "SECRET//SBU-NF//NOFORN"
head -n 1 "$tmp/out" | grep -q "REL TO" && bad "no REL TO on a banner over SBU-NF" ||
    ok "no REL TO on a banner over SBU-NF"
printf 'SECRET//REL TO USA, GBR\n(S//REL TO USA, GBR) alpha.\n\n(U//FOUO//REL TO USA, GBR) bravo.\n' |
    release us-cable SECRET
has "a REL TO banner over FOUO says FOUO" "SECRET//FOUO//REL TO USA, GBR"
printf 'SECRET//REL TO USA, GBR, ISAF\n(S//REL TO USA, GBR) alpha.\nSECRET//REL TO USA, GBR, ISAF\n' |
    release us-cable SECRET
lacks "a banner naming ISAF over portions that do not is re-marked" "ISAF"
printf 'SECRET//REL TO USA, GBR, ISAF\n(S//REL TO USA, GBR, ISAF) alpha.\nSECRET//REL TO USA, GBR, ISAF\n' |
    release us-cable SECRET
has "a banner naming ISAF over portions that all do stays" "SECRET//REL TO USA, GBR, ISAF"
printf 'SECRET//REL TO USA, GBR, ISAF\n(S//REL TO USA, GBR) alpha.\n' > "$tmp/isaf.txt"
expect 0 "check: a banner wider than its portions is named" "$T" check -r SECRET "$tmp/isaf.txt"
grep -q banner-mismatch "$tmp/stdout" && ok "check: banner-mismatch for ISAF" ||
    bad "check: banner-mismatch for ISAF"

# (g) Smaller: "AND" is no country; ATOMAL on a caption line reaches classified portions; nato
# writes a banner it reads back.
printf 'SECRET\n(S//REL TO USA, AND GBR) alpha walrus.\n' | release us-cable "SECRET//REL TO USA, AND"
lacks "(S//REL TO USA, AND GBR) is not for Andorra" "walrus"
printf 'NATO SECRET\nATOMAL\n(NS) alpha walrus.\nNATO SECRET\n' | release nato "NATO SECRET"
lacks "nato: an ATOMAL caption line reaches (NS)" "walrus"
printf 'NATO SECRET\nATOMAL\n(NS) alpha walrus.\nNATO SECRET\n' | release nato "NATO SECRET//ATOMAL"
has "nato: a target holding ATOMAL reads it" "walrus"
printf 'NATO SECRET\n(NS//REL TO AUS) alpha.\n\n(NS//REL TO NZL) bravo.\nNATO SECRET\n' |
    release nato "NATO SECRET"
lacks "nato: no NOFORN in a scheme that has none" "NOFORN"
has "nato: REL TO lists that meet in no partner are NATO only" "NATO SECRET//REL TO USA"
"$T" redact -q -p policies/nato.yaml --release "NATO SECRET" < "$tmp/out" > "$tmp/again" \
    2>/dev/null
cmp -s "$tmp/out" "$tmp/again" && ok "nato: the release redacted again is unchanged" ||
    bad "nato: the release redacted again is unchanged"

# (h) A NOFORN caption the release withholds with its portion is said again under the banner.
printf 'SECRET//REL TO USA, GBR\n(S//REL TO USA, GBR) alpha.\n\n(TS) walrus words on\nNOFORN\nand more.\n' |
    release us-cable SECRET
[ "$(sed -n 2p "$tmp/out")" = NOFORN ] && ok "a withheld NOFORN caption is stated again" ||
    bad "a withheld NOFORN caption is stated again"
"$T" redact -q --release SECRET < "$tmp/out" > "$tmp/again" 2>/dev/null
cmp -s "$tmp/out" "$tmp/again" && ok "and the release redacted again is unchanged" ||
    bad "and the release redacted again is unchanged"

# (h2) A kept portion whose mark says less than it carries is written with what it carries: the
# lines that raised it may be placeholders in the release, which must read as its source did.
# Here a line of marks alone after the (U) paragraph raises it (marks are read both ways), and
# that line's own portion is unknown and withheld.
printf 'Classification: SECRET//NOFORN\nSubject: (S//WXYZ) Port visit\n\n(U)\nThe walrus count.\n\n(S//NF)\nThe puffin count.\n\nClassification: SECRET//NOFORN//WXYZ\n' |
    release us-cable SECRET
has "a raised portion is written with what it carries" "(S//NOFORN)"
grep -qx '(U)' "$tmp/out" && bad "and not with its own mark" || ok "and not with its own mark"
"$T" redact -q --release SECRET < "$tmp/out" > "$tmp/again" 2>/dev/null
cmp -s "$tmp/out" "$tmp/again" && ok "a re-marked release redacted again is unchanged" ||
    bad "a re-marked release redacted again is unchanged"
"$T" redact -q --release UNCLASSIFIED < "$tmp/out" > "$tmp/again" 2>/dev/null
grep -q walrus "$tmp/again" && bad "a re-marked release redacted to U withholds the paragraph" ||
    ok "a re-marked release redacted to U withholds the paragraph"
# tearline's own placeholder counts for nothing read again: its "(b)(1)" is no list's item, so the
# "(C)" after it is a mark still, not the third item of a list joined with the paragraph before.
printf 'SECRET\n(TS) The walrus.\n(S) The puffin count.\n(C) The gannet count.\nSECRET\n' |
    release us-cable SECRET
has "(C) after a placeholder: kept as it is" "(C) The gannet count."
"$T" redact -q --release SECRET < "$tmp/out" > "$tmp/again" 2>/dev/null
cmp -s "$tmp/out" "$tmp/again" && ok "and the release redacted again is unchanged" ||
    bad "(C) after a placeholder: the release redacted again is unchanged"

# (i) Idempotence on real documents: every release of the shared corpus, tests/corpus and the
# samples at UNCLASSIFIED, CONFIDENTIAL, SECRET and SECRET//REL TO USA, GBR, redacted again to
# its target, is the same bytes, and check passes it there (the properties check the weaker form
# on generated documents).
set -- samples/*.txt tests/corpus/*.txt
if [ -d ../shared/corpus ]; then
	set -- "$@" ../shared/corpus/*/*.txt
elif [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
	bad "../shared/corpus is absent, and TEARLINE_REQUIRE_SHARED is set"
fi
n=0 changed=0 failing=0
for f in "$@"; do
	for target in UNCLASSIFIED CONFIDENTIAL SECRET "SECRET//REL TO USA, GBR"; do
		n=$((n + 1))
		"$T" redact -q --release "$target" "$f" > "$tmp/once" 2>/dev/null
		"$T" redact -q --release "$target" "$tmp/once" > "$tmp/twice" 2>/dev/null
		if ! cmp -s "$tmp/once" "$tmp/twice"; then
			changed=$((changed + 1))
			[ "$changed" -le 5 ] && echo "     changed: $f at $target"
		fi
		if ! "$T" check --release "$target" "$tmp/once" > /dev/null 2>&1; then
			failing=$((failing + 1))
			[ "$failing" -le 5 ] && echo "     check fails: $f at $target"
		fi
	done
done
[ "$changed" = 0 ] && ok "$n releases redacted again to their targets are unchanged" ||
    bad "$changed of $n releases change when redacted again to their targets"
[ "$failing" = 0 ] && ok "check passes all $n releases at their targets" ||
    bad "check fails $failing of $n releases at their targets"

exit $fail
