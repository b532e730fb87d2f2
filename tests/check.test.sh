#!/bin/sh
# SPDX-License-Identifier: ISC
# tearline check, the pre-publication gate of issue 4: its exit status over the sample cables at
# several targets (0 passes, 1 does not, 2 could not run), every withheld paragraph of the seed
# listed with its line (checked against lines found here with grep, not by tearline), each lint
# giving its rule, warnings deciding only with --strict, colour only on a terminal and never with
# NO_COLOR, byte-identical reports from run to run, write errors as exit 2, and every JSON and
# SARIF report validated: JSON against docs/check-report.schema.json, SARIF against the SARIF
# 2.1.0 schema in tests/data (see tests/data/README.md), with python3-jsonschema.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
if [ ! -x ./tearline ]; then
	echo "FAIL ./tearline is not built (run make)"
	exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
seed=samples/07MUSCAT1065.txt

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# run CMD...: runs CMD with its output in $tmp/out and $tmp/err; $rc is its exit status.
run() {
	"$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
}

# expect WANT NAME: checks the last run's exit status.
expect() {
	if [ "$rc" -eq "$1" ]; then
		ok "$2 (exit $rc)"
	else
		bad "$2: exit $rc, wanted $1"
		sed 's/^/     /' "$tmp/err"
	fi
}

# has NAME PATTERN: the last run printed a line matching the extended regular expression.
has() {
	if grep -q -E -e "$2" "$tmp/out"; then
		ok "$1"
	else
		bad "$1: no line matches $2"
		sed 's/^/     /' "$tmp/out" | head -20
	fi
}

# hasnt NAME PATTERN: the last run printed no line matching it.
hasnt() {
	if grep -q -E -e "$2" "$tmp/out"; then
		bad "$1: a line matches $2"
		grep -E -e "$2" "$tmp/out" | sed 's/^/     /' | head -5
	else
		ok "$1"
	fi
}

# --- The seed cable at UNCLASSIFIED: exit 1, every withheld paragraph listed with its line. ---
run ./tearline check --release UNCLASSIFIED "$seed"
expect 1 "seed at UNCLASSIFIED is not releasable as it stands"
sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: error: portion-withheld: .*/\1/p' "$tmp/out" | sort -n \
    > "$tmp/withheld.got"
# Independently: a paragraph above UNCLASSIFIED starts a line, after an optional label such as
# "¶11." or "2.", with a mark whose level is C, S or TS; the unmarked subject and the reference
# line before the first mark take the banner's SECRET. So do the unmarked paragraphs: a heading
# under a dash rule, a paragraph that starts after a finished sentence and a blank line, and the
# signature on the last line.
para=$(printf '\302\266')
{
	grep -n -E "^((${para})?[0-9]+\. )?\((C|S|TS)(/[^)]*)?\)" "$seed" | cut -d: -f1
	grep -n -E '^(SUBJECT|REF):' "$seed" | cut -d: -f1
	awk -v para="$para" '
	/^-+ *\r?$/ { rule = 1; next }
	{ line = $0; sub(/[ \t\r]+$/, "", line) }
	line == "" { blank = 1; rule = 0; next }
	{
		if (rule && line !~ /^\(/ && index(line, para) != 1)
			print NR
		else if (blank && line ~ /^[A-Z][a-z]/ && prev ~ /[.!?]"?$/)
			print NR
		rule = 0; blank = 0; prev = line; last = NR
	}
	END { print last }' "$seed"
} | sort -n > "$tmp/withheld.want"
if [ "$(wc -l < "$tmp/withheld.want")" -ge 25 ] && cmp -s "$tmp/withheld.got" "$tmp/withheld.want"
then
	ok "seed at UNCLASSIFIED lists the line of each of the $(wc -l < "$tmp/withheld.want") withheld paragraphs"
else
	bad "seed at UNCLASSIFIED: withheld lines differ from the paragraphs above UNCLASSIFIED"
	diff "$tmp/withheld.want" "$tmp/withheld.got" | sed 's/^/     /'
fi
has "a withheld portion's extent is given" \
    '^samples/07MUSCAT1065\.txt:47:[0-9]+: error: portion-withheld: withheld: \(C\) is above UNCLASSIFIED \[CONFIDENTIAL//NOFORN\] \(lines 47-[0-9]+\)$'
has "the summary counts what is withheld" \
    '^samples/07MUSCAT1065\.txt: 1 kept, 30 withheld, 30 errors, 12 warnings: not releasable'
hasnt "kept portions are not listed without --notes" ': note: '
kept_line=$(grep -n -E "^(${para})?[0-9]+\. \(U\)" "$seed" | cut -d: -f1)
run ./tearline check --release UNCLASSIFIED --notes "$seed"
has "--notes lists the kept (U) paragraph with its reason" \
    "^samples/07MUSCAT1065\.txt:${kept_line}:[0-9]+: note: portion-kept: kept: \(U\) is not above UNCLASSIFIED \[UNCLASSIFIED\]"

# --- The seed at other targets. ---
run ./tearline check --release "SECRET//NOFORN" "$seed"
expect 0 "seed at SECRET//NOFORN passes"
hasnt "seed at SECRET//NOFORN has no error" ': error: '
has "seed at SECRET//NOFORN: nothing withheld" ': 31 kept, 0 withheld, 0 errors, 12 warnings: releasable to SECRET//NOFORN'
run ./tearline check --release "SECRET//NOFORN" --strict "$seed"
expect 1 "seed at SECRET//NOFORN with --strict fails on its unmarked subject"
run ./tearline check --release CONFIDENTIAL --notes "$seed"
expect 1 "seed at CONFIDENTIAL is not releasable as it stands"
nc=$(grep -c -E "^((${para})?[0-9]+\. )?\(C\)" "$seed")
nk=$(grep -c -E ': note: portion-kept: kept: \(C\) is not above CONFIDENTIAL(,| \[)' "$tmp/out")
if [ "$nc" -ge 10 ] && [ "$nc" -eq "$nk" ]; then
	ok "each of the $nc (C) paragraphs is kept with \"kept: (C) is not above CONFIDENTIAL\""
else
	bad "$nc (C) paragraphs, $nk kept with \"kept: (C) is not above CONFIDENTIAL\""
fi
has "(S/NF) is withheld at CONFIDENTIAL with its reason" \
    ': error: portion-withheld: withheld: \(S/NF\) is above CONFIDENTIAL \[SECRET//NOFORN\]'
run ./tearline check --release "SECRET//REL TO USA, GBR" "$seed"
expect 1 "seed (NOFORN caption) to a foreign partner"
has "NOFORN is the reason at a foreign target" \
    ': error: portion-withheld: withheld: \(C\): NOFORN goes to US audiences only'

# --- Every sample: the originals fail at UNCLASSIFIED and pass at TOP SECRET; each release that
# --- tearline wrote passes, even with --strict, at the target it was written for. ---
for f in samples/*.txt; do
	case $f in
	*.U.txt) target=UNCLASSIFIED ;;
	*.C.txt) target=CONFIDENTIAL ;;
	*.REL-GBR.txt) target="SECRET//REL TO USA, GBR" ;;
	*)
		run ./tearline check -r UNCLASSIFIED "$f"
		expect 1 "$f at UNCLASSIFIED"
		run ./tearline check -r TS "$f"
		expect 0 "$f at TOP SECRET"
		continue ;;
	esac
	run ./tearline check --strict -r "$target" "$f"
	expect 0 "$f, a release, at $target with --strict"
done

# --- Lints: each gives its rule, located; errors decide the exit status, warnings only with
# --- --strict. ---
printf 'SECRET\n\n1. (S/WCI) Secret stuff here.\n\n2. (U) Plain.\n\nSECRET\n' > "$tmp/unknown.txt"
printf 'CONFIDENTIAL\n\n1. (U) Plain.\n\n2. (U) More plain.\n\nCONFIDENTIAL\n' > "$tmp/banner.txt"
printf '%s\n' 'SECRET//NOFORN' '' '1. (S//REL TO USA, GBR//NF) Both.' '' \
    '2. (S//REL TO GBR, AUS) No USA.' '' '3. (S//REL TO USA, GBR, AUS) Out of order.' '' \
    '4. (S//REL TO USA, AUS, GBR) In order.' '' 'SECRET//NOFORN' > "$tmp/rel.txt"
printf 'SECRET\n\nNOFORN\n\n1. (S//REL TO USA, GBR) Partner text.\n\n2. (U) Plain.\n\nSECRET\n' \
    > "$tmp/caption.txt"
cd "$tmp" || exit 2
T=$OLDPWD/tearline

run "$T" check -r "SECRET//NOFORN" unknown.txt
expect 1 "an unknown token fails the check even at a target above its level"
has "unknown token: error, located" '^unknown\.txt:3:4: error: unknown-token: unknown token "WCI" in \(S/WCI\)$'
has "unknown token: the portion is withheld" '^unknown\.txt:3:4: error: portion-withheld: withheld: \(S/WCI\): unknown token "WCI"'
hasnt "unknown token: no banner warning from a roll-up nobody can know" 'banner-mismatch'

# Misspelt marks, and a mark that lost its closing parenthesis, are located as marks.
printf 'SECRET\n\n1. (U) Plain.\n\n2. (S,NF) Secret stuff.\n\n3. (S//NF Secret too.\n' \
    > misspelt.txt
run "$T" check -r UNCLASSIFIED misspelt.txt
expect 1 "misspelt marks fail the check"
has "a misspelt mark is an unknown token, located" \
    '^misspelt\.txt:5:4: error: unknown-token: unknown token "S,NF" in \(S,NF\)$'
has "an unclosed mark is an unreadable mark, located, its text not quoted" \
    '^misspelt\.txt:7:4: error: unknown-token: \(S//NF \.\.\. where a portion begins: it may be a mark'
hasnt "no message quotes the text after an unclosed mark" 'Secret too'
hasnt "no message quotes the text after a misspelt mark" 'Secret stuff'

# A token of a word of four letters or more may be a name, a program's or a compartment's
# itself classified, or a word of the text glued to the mark; a phrase of short words may be
# text: neither is quoted, in any format, nor by redact -v (round 136).
printf 'SECRET\n\n1. (U) Plain.\n\n2. (TS//SAR-ZEBRAQUILL//NF) The plan.\n\n3. (S//NF:KESTREL) More.\n\n4. (S//NF;KIM;TO;DIE;MON) Yet more.\n\n5. (SZEBRAQUILL) Last.\n' \
    > names.txt
for format in text json sarif; do
	run "$T" check -r UNCLASSIFIED --format "$format" --notes names.txt
	hasnt "a program's name in an unknown mark is not quoted ($format)" 'ZEBRAQUILL'
	hasnt "a word glued to a mark is not quoted ($format)" 'KESTREL'
	hasnt "a phrase of short words in a mark is not quoted ($format)" 'KIM;TO'
done
run "$T" redact -v -r UNCLASSIFIED names.txt
cat "$tmp/err" >> "$tmp/out"
hasnt "redact -v quotes no name of an unknown mark" 'ZEBRAQUILL|KESTREL|KIM;TO'

run "$T" check -r UNCLASSIFIED banner.txt
expect 0 "a banner disagreement alone passes"
has "banner disagreement: warning on the banner line" \
    '^banner\.txt:1:1: warning: banner-mismatch: the banner says CONFIDENTIAL but the portions roll up to UNCLASSIFIED$'
run "$T" check --strict -r UNCLASSIFIED banner.txt
expect 1 "a banner disagreement fails with --strict"

run "$T" check -r "SECRET//NOFORN" rel.txt
expect 1 "REL TO beside NOFORN in one mark fails: the mark is malformed"
has "NOFORN beside REL TO: malformed, an error" '^rel\.txt:3:4: error: noforn-with-rel: \(S//REL TO USA, GBR//NF\) carries NOFORN with REL TO, or REL TO twice: malformed, withheld everywhere'
has "REL TO without USA" '^rel\.txt:5:4: warning: rel-without-usa: REL TO list in \(S//REL TO GBR, AUS\) does not name USA$'
has "REL TO out of order" '^rel\.txt:7:4: warning: rel-order: REL TO list in \(S//REL TO USA, GBR, AUS\) is out of order'
hasnt "a REL TO list in order is no problem" '^rel\.txt:9:'
run "$T" check --strict -r "SECRET//NOFORN" rel.txt
expect 1 "REL TO problems fail with --strict"

run "$T" check -r "SECRET//NOFORN" caption.txt
expect 0 "a caption contradiction alone passes"
has "a NOFORN caption contradicts REL TO" \
    '^caption\.txt:5:4: warning: caption-contradiction: the NOFORN caption contradicts REL TO in \(S//REL TO USA, GBR\)'
run "$T" check -r "SECRET//REL TO USA, GBR" caption.txt
expect 1 "the caption's NOFORN withholds the REL TO portion from the partner"
cd "$OLDPWD" || exit 2

run ./tearline check -r UNCLASSIFIED "$seed"
has "unmarked subject" '^samples/07MUSCAT1065\.txt:28:1: warning: unmarked-subject: '
has "unmarked text" '^samples/07MUSCAT1065\.txt:30:1: warning: unmarked-text: '

# Several files: one that fails fails the run; standard input is "-".
run ./tearline check -r C samples/07MUSCAT1065.C.txt "$seed"
expect 1 "a passing and a failing file"
run ./tearline check -r C samples/07MUSCAT1065.C.txt - < samples/07MUSCAT1065.C.txt
expect 0 "a file and standard input, both passing"
has "standard input is named" '^\(standard input\): 31 kept, 0 withheld'
# With no FILE, as grep does, check reads standard input.
run ./tearline check -r C < samples/07MUSCAT1065.C.txt
expect 0 "check with no FILE reads standard input"
has "with no FILE, standard input is named" '^\(standard input\): 31 kept, 0 withheld'
run ./tearline check -r U < "$seed"
expect 1 "check with no FILE: standard input that fails"
has "with no FILE, standard input's findings" '^\(standard input\):28:1: warning: unmarked-subject'

# What unmarked text takes, named as it is: the banner's marking where the banner says it, the
# document's where marks raise it, unknown where a mark cannot be read (and then the withheld
# message has no stray comma before its reason).
printf 'SECRET\n\n1. (S) The plan.\n\n2. Unmarked words here.\n\nSECRET\n' > "$tmp/same.txt"
printf 'CONFIDENTIAL\n\n1. (S) The plan.\n\n2. Unmarked words here.\n' > "$tmp/raised.txt"
printf 'SECRET//NOFORN\n\n1. (S//ZZ) The plan.\n\n2. Unmarked words here.\n' > "$tmp/zz.txt"
run ./tearline check -r U "$tmp/same.txt"
has "unmarked text under a banner that says its marking: the banner's" \
    ':5:1: warning: unmarked-text: text has no portion mark and takes the banner.s marking SECRET$'
run ./tearline check -r U "$tmp/raised.txt"
has "unmarked text under a banner a mark raises: the document's, and why" \
    ":5:1: warning: unmarked-text: text has no portion mark and takes the document.s marking SECRET \\(its banner raised to the marks and captions in it\\)$"
run ./tearline check -r U "$tmp/zz.txt"
has "unmarked text where a mark cannot be read: unknown, and why" \
    ':5:1: warning: unmarked-text: .* takes the document.s marking unknown \("ZZ"\), since a mark in the document cannot be read$'
has "its withheld message: no comma before the reason" \
    ':5:1: error: portion-withheld: withheld: unmarked text, taken as unknown \("ZZ"\): unknown token "ZZ"'
if grep -q ',:' "$tmp/out"; then bad "a check message has ',:'"; else ok "no check message has ',:'"; fi

# --- Could not run: exit 2, and no report. ---
for args in "-r U /nonexistent/cable.txt" "-r BOGUS $seed" "-r U --format xml $seed" \
    "-r U --color=sometimes $seed" "-r U --mode erase --format html $seed" "$seed" "-r U --policy /nonexistent/policy.yaml $seed" "-r U -o /nonexistent/dir/report.txt $seed"; do
	# shellcheck disable=SC2086
	run ./tearline check $args < /dev/null
	if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && [ -s "$tmp/err" ]; then
		ok "check $args: exit 2 with a message and no report"
	else
		bad "check $args: exit $rc, $(wc -c < "$tmp/out") bytes of report, wanted exit 2 and none"
	fi
done
# A file that cannot be read is named and left out; the others are still reported, exit 2.
cp "$seed" "$tmp/b.txt"
run ./tearline check -r U "$seed" "$tmp/missing.txt" "$tmp/b.txt"
expect 2 "check A MISSING B"
has "check A MISSING B: A is reported" "^$seed"
has "check A MISSING B: B is reported" "^$tmp/b.txt"
if grep -q "missing.txt: No such file" "$tmp/err"; then ok "check A MISSING B: MISSING is named"
else bad "check A MISSING B: standard error does not name the missing file"; fi
run ./tearline check -r U --format json -o "$tmp/ab.json" "$tmp/missing.txt" "$tmp/b.txt"
expect 2 "check MISSING B -o FILE"
if [ -s "$tmp/ab.json" ] && grep -q "b.txt" "$tmp/ab.json" && ! grep -q missing "$tmp/ab.json"
then ok "check MISSING B -o FILE: the report holds B"; else bad "check MISSING B -o FILE: report"; fi
run ./tearline check -r U -o "$tmp/none.txt" "$tmp/missing.txt"
expect 2 "check MISSING -o FILE"
if [ -e "$tmp/none.txt" ]; then bad "check MISSING -o FILE: a report was written"
else ok "check MISSING -o FILE: no report file"; fi
if ls "$tmp" | grep -q '\.tmp\.'; then bad "check left a temporary file"
else ok "check left no temporary file"; fi

for fmt in text json sarif html; do
	run ./tearline check -r U --format "$fmt" -o /dev/full "$seed"
	expect 2 "$fmt report to a full disk with -o"
	./tearline check -r U --format "$fmt" "$seed" > /dev/full 2> "$tmp/err"
	rc=$?
	expect 2 "$fmt report to a full standard output"
done

# --- Colour: only on a terminal, never with NO_COLOR, never in a file. ---
esc=$(printf '\033')
if command -v script > /dev/null 2>&1; then
	script -qec "./tearline check -r U $seed" /dev/null < /dev/null > "$tmp/tty" 2>&1
	if grep -q "$esc\[1;31merror$esc\[0m: portion-withheld" "$tmp/tty"; then
		ok "colour on a terminal"
	else
		bad "no colour on a terminal"
	fi
	NO_COLOR=1 script -qec "./tearline check -r U $seed" /dev/null < /dev/null > "$tmp/tty" 2>&1
	if grep -q "portion-withheld" "$tmp/tty" && ! grep -q "$esc" "$tmp/tty"; then
		ok "no colour on a terminal with NO_COLOR"
	else
		bad "colour with NO_COLOR set"
	fi
	script -qec "./tearline check -r U -o $tmp/file.txt $seed" /dev/null < /dev/null \
	    > /dev/null 2>&1
	if grep -q "portion-withheld" "$tmp/file.txt" && ! grep -q "$esc" "$tmp/file.txt"; then
		ok "no colour in a file written with -o from a terminal"
	else
		bad "colour in a file written with -o"
	fi
else
	bad "script(1) from bsdutils is missing: cannot test colour on a terminal"
fi
./tearline check -r U "$seed" > "$tmp/pipe" 2>&1
if grep -q "portion-withheld" "$tmp/pipe" && ! grep -q "$esc" "$tmp/pipe"; then
	ok "no colour into a pipe"
else
	bad "colour into a pipe"
fi
# --color: always and its bare form colour a pipe and a file, even with NO_COLOR; never does not
# on a terminal; auto is the default.
for c in --color --color=always; do
	NO_COLOR=1 ./tearline check -r U "$c" "$seed" > "$tmp/pipe" 2>&1
	./tearline check -r U "$c" -o "$tmp/file.txt" "$seed" 2> /dev/null
	if grep -q "$esc\[1;31merror$esc\[0m: portion-withheld" "$tmp/pipe" &&
	    grep -q "$esc\[33mwarning$esc\[0m: unmarked-text" "$tmp/file.txt"; then
		ok "$c colours a pipe (even with NO_COLOR) and a file"
	else
		bad "$c does not colour a pipe or a file"
	fi
done
./tearline check -r U --color=always --format json "$seed" > "$tmp/pipe" 2> /dev/null
if ! grep -q "$esc" "$tmp/pipe"; then ok "--color=always leaves a JSON report plain"
else bad "--color=always put colour into JSON"; fi
if command -v script > /dev/null 2>&1; then
	script -qec "./tearline check -r U --color=never $seed" /dev/null < /dev/null \
	    > "$tmp/tty" 2>&1
	script -qec "./tearline check -r U --color=auto $seed" /dev/null < /dev/null \
	    > "$tmp/tty2" 2>&1
	if grep -q "portion-withheld" "$tmp/tty" && ! grep -q "$esc" "$tmp/tty" &&
	    grep -q "$esc" "$tmp/tty2"; then
		ok "--color=never: no colour on a terminal; --color=auto: colour there"
	else
		bad "--color=never or auto on a terminal"
	fi
fi
# --mode chooses the release the HTML page shows: strip writes no placeholder.
./tearline check -r U --format html "$seed" > "$tmp/mask.html" 2> /dev/null
./tearline check -r U --mode strip --format html "$seed" > "$tmp/strip.html" 2> /dev/null
if grep -q 'release in mask mode' "$tmp/mask.html" && grep -q '\[WITHHELD' "$tmp/mask.html" &&
    grep -q 'release in strip mode' "$tmp/strip.html" && ! grep -q '\[WITHHELD' "$tmp/strip.html"
then ok "--mode: the HTML page's release column is in that mode"
else bad "--mode does not choose the HTML page's release"; fi

# --- The HTML page, without a browser (tests/html.test.sh renders it): marked as the original
# --- at top and bottom, at the highest level when some text's marking is unknown, one findings
# --- row per error and warning, and per kept portion too with --notes. ---
./tearline check -r U --format html -o "$tmp/seed.html" "$seed" 2> /dev/null
if [ "$(grep -o -E 'id="banner-(top|bottom)">[^<]*' "$tmp/seed.html" | tr '\n' ' ')" = \
    'id="banner-top">SECRET//NOFORN id="banner-bottom">SECRET//NOFORN ' ]; then
	ok "the HTML page is marked SECRET//NOFORN at top and bottom"
else
	bad "the HTML page's banners are not SECRET//NOFORN"
fi
./tearline check -r U --format html "$tmp/banner.txt" "$tmp/unknown.txt" > "$tmp/unknown.html" \
    2> /dev/null
if [ "$(grep -o -E 'id="banner-(top|bottom)">TOP SECRET \(UNKNOWN MARKINGS' \
    "$tmp/unknown.html" | wc -l)" -eq 2 ]; then
	ok "a page with text of an unknown marking is marked at the highest level"
else
	bad "a page with text of an unknown marking is not marked at the highest level"
fi
for notes in "" --notes; do
	# shellcheck disable=SC2086
	./tearline check -r C $notes --format html "$seed" > "$tmp/rows.html" 2> /dev/null
	# shellcheck disable=SC2086
	./tearline check -r C $notes "$seed" > "$tmp/rows.txt" 2> /dev/null
	rows=$(grep -o '<tr class="finding ' "$tmp/rows.html" | wc -l)
	lines=$(grep -c -E '^[^:]+:[0-9]+:[0-9]+: ' "$tmp/rows.txt")
	if [ "$rows" -gt 0 ] && [ "$rows" -eq "$lines" ]; then
		ok "HTML ${notes:-without --notes}: one findings row per line of the text report ($rows)"
	else
		bad "HTML ${notes:-without --notes}: $rows findings rows, $lines text findings"
	fi
done

# --- Reports are the same bytes from run to run. ---
for fmt in text json sarif html; do
	./tearline check -r C --notes --format "$fmt" "$seed" samples/08BEIJING3067.txt \
	    > "$tmp/a.$fmt" 2> /dev/null
	./tearline check -r C --notes --format "$fmt" "$seed" samples/08BEIJING3067.txt \
	    > "$tmp/b.$fmt" 2> /dev/null
	if [ -s "$tmp/a.$fmt" ] && cmp -s "$tmp/a.$fmt" "$tmp/b.$fmt"; then
		ok "$fmt report is deterministic"
	else
		bad "$fmt report differs between two runs"
	fi
done

# --- JSON and SARIF reports, validated against their schemas. ---
mkdir "$tmp/reports"
n=0
for target in UNCLASSIFIED CONFIDENTIAL "SECRET//NOFORN" "SECRET//REL TO USA, GBR"; do
	for strict in "" --strict; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		./tearline check -r "$target" $strict --format json samples/*.txt \
		    "$tmp/unknown.txt" "$tmp/banner.txt" "$tmp/rel.txt" "$tmp/caption.txt" \
		    > "$tmp/reports/$n.json" 2> /dev/null
		echo $? > "$tmp/reports/$n.json.rc"
		# shellcheck disable=SC2086
		./tearline check -r "$target" $strict --format sarif samples/*.txt \
		    "$tmp/unknown.txt" "$tmp/banner.txt" "$tmp/rel.txt" "$tmp/caption.txt" \
		    > "$tmp/reports/$n.sarif" 2> /dev/null
	done
done
./tearline check -r U --format json - < "$seed" > "$tmp/reports/stdin.json" 2> /dev/null
echo $? > "$tmp/reports/stdin.json.rc"
./tearline check -r U --format sarif - < "$seed" > "$tmp/reports/stdin.sarif" 2> /dev/null
{ printf '\n\n\n'; cat "$seed"; } | ./tearline check -r U --format sarif - \
    > "$tmp/reports/shifted.sarif.txt" 2> /dev/null

# Debian's python3-jsonschema: under /usr/bin/python3 when another python3 comes first in PATH.
py=
for p in /usr/bin/python3 python3; do
	if command -v "$p" > /dev/null 2>&1 && "$p" -c 'import jsonschema' 2> /dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	if [ "${CI:-}" = true ]; then
		bad "python3-jsonschema is missing: cannot validate the JSON and SARIF reports"
	else
		echo "skip JSON and SARIF validation (install python3-jsonschema)"
	fi
elif ! "$py" - docs/check-report.schema.json tests/data/sarif-schema-2.1.0.json \
    "$tmp/reports" <<'EOF'
import copy, glob, json, os, sys
import jsonschema

report_schema, sarif_schema, folder = sys.argv[1:4]
failed = False

def say(good, what):
    global failed
    print(("ok   " if good else "FAIL ") + what)
    failed = failed or not good

def validator(path):
    with open(path) as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)

jv = validator(report_schema)
sv = validator(sarif_schema)
jsons = sorted(glob.glob(os.path.join(folder, "*.json")))
say(len(jsons) >= 9, "%d JSON reports to validate" % len(jsons))
for path in jsons:
    name = os.path.basename(path)
    with open(path) as f:
        j = json.load(f)
    with open(path + ".rc") as f:
        rc = int(f.read())
    errors = [e.message for e in jv.iter_errors(j)]
    say(not errors, "%s is valid against check-report.schema.json%s" %
        (name, " %s" % errors[:2] if errors else ""))
    # What a schema cannot say: counts agree with the findings, findings are in line order,
    # every portion has one decision, and the exit status is the verdict.
    for fl in j["files"]:
        fs = fl["findings"]
        sev = [f["severity"] for f in fs]
        agree = (fl["errors"] == sev.count("error") and fl["warnings"] == sev.count("warning") and
                 fl["kept"] == sum(f["rule"] == "portion-kept" for f in fs) and
                 fl["withheld"] == sum(f["rule"] == "portion-withheld" for f in fs) and
                 fl["passed"] == (fl["errors"] == 0 and (not j["strict"] or fl["warnings"] == 0)))
        ordered = all(a["line"] <= b["line"] for a, b in zip(fs, fs[1:]))
        spans = all(f["end_line"] >= f["line"] for f in fs)
        if not (agree and ordered and spans):
            say(False, "%s: %s: counts %s, line order %s, spans %s" %
                (name, fl["file"], agree, ordered, spans))
    say(j["passed"] == all(fl["passed"] for fl in j["files"]) and rc == (0 if j["passed"] else 1),
        "%s: passed is every file's verdict and the exit status (%d)" % (name, rc))

# The validator can fail: a kept portion reported as an error, a missing member, an unknown rule.
with open(jsons[0]) as f:
    j = json.load(f)
bad = []
for mutate in ("severity", "member", "rule"):
    m = copy.deepcopy(j)
    f = next(f for fl in m["files"] for f in fl["findings"] if f["rule"] == "portion-kept")
    if mutate == "severity":
        f["severity"] = "error"
    elif mutate == "member":
        del f["end_line"]
    else:
        f["rule"] = "portion-maybe"
    bad.append(jv.is_valid(m))
say(not any(bad), "the report schema rejects three broken reports")

sarifs = sorted(glob.glob(os.path.join(folder, "*.sarif")))
say(len(sarifs) == len(jsons), "%d SARIF reports to validate" % len(sarifs))
for path in sarifs:
    name = os.path.basename(path)
    with open(path) as f:
        s = json.load(f)
    errors = [e.message for e in sv.iter_errors(s)]
    say(not errors, "%s is valid SARIF 2.1.0%s" % (name, " %s" % errors[:2] if errors else ""))
    with open(path[:-len(".sarif")] + ".json") as f:
        j = json.load(f)
    run = s["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    findings = [f for fl in j["files"] for f in fl["findings"]]
    same = len(results) == len(findings) and all(
        r["ruleId"] == f["rule"] and rules[r["ruleIndex"]] == r["ruleId"] and
        r["message"]["text"] == f["message"] and
        r["locations"][0]["physicalLocation"]["region"]["startLine"] == f["line"] and
        (r["kind"], r["level"]) == (("pass", "none") if f["severity"] == "note" else
                                    ("fail", f["severity"]))
        for r, f in zip(results, findings))
    say(same, "%s has one result per finding of the JSON report, rule, level and line" % name)
    described = all(r.get("fullDescription", {}).get("text") and r.get("help", {}).get("text") and
                    r.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note")
                    for r in run["tool"]["driver"]["rules"])
    prints = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r.get("partialFingerprints", {}).get("tearlineFinding/v1")) for r in results]
    say(described and all(p[1] and len(p[1]) == 32 for p in prints) and
        len(set(prints)) == len(prints),
        "%s: rules carry full description, help and default level; results unique fingerprints"
        % name)

# Columns: SARIF counts code points, the JSON report bytes; "¶11. (S/NF)" has a 2-byte "¶".
with open(os.path.join(folder, "stdin.sarif")) as f:
    s = json.load(f)
with open(os.path.join(folder, "stdin.json")) as f:
    j = json.load(f)
r = next(r for r in s["runs"][0]["results"]
         if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 38)
f = next(f for f in j["files"][0]["findings"] if f["line"] == 38)
say(f["column"] == 7 and r["locations"][0]["physicalLocation"]["region"]["startColumn"] == 6 and
    s["runs"][0]["columnKind"] == "unicodeCodePoints",
    "SARIF columns are code points (6), JSON columns bytes (7), for the mark after \"\u00b611. \"")
uri = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
say(uri == "%28standard%20input%29", "SARIF names standard input as a URI reference (%s)" % uri)

# Fingerprints stand while the marks do: lines added above every finding change no fingerprint.
with open(os.path.join(folder, "shifted.sarif.txt")) as f:
    shifted = json.load(f)
before = [r["partialFingerprints"]["tearlineFinding/v1"] for r in s["runs"][0]["results"]]
after = [r["partialFingerprints"]["tearlineFinding/v1"] for r in shifted["runs"][0]["results"]]
lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"]
         for r in shifted["runs"][0]["results"]]
say(before == after and lines[0] == s["runs"][0]["results"][0]["locations"][0][
    "physicalLocation"]["region"]["startLine"] + 3,
    "fingerprints stand when lines are added above the findings (%d)" % len(after))

m = copy.deepcopy(s)
m["runs"][0]["results"][0]["level"] = "fatal"
say(not sv.is_valid(m), "the SARIF schema rejects a result of level \"fatal\"")
sys.exit(1 if failed else 0)
EOF
then
	fail=1
fi

# Every line of the seed's text is in a portion that check decided: from the subject line on,
# each line that is not blank, a dash rule, a page header, a caption or the authority line lies in the
# extent of a decision, and only the (U) paragraph and what follows it is kept.
./tearline check -r U --format json "$seed" > "$tmp/seed.json" 2> /dev/null
if python3 - "$seed" "$tmp/seed.json" <<'EOF'
import json, re, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").split("\n")
report = json.load(open(sys.argv[2]))
spans = [(f["line"], f["end_line"], f["decision"]) for f in report["files"][0]["findings"]
         if f["decision"] is not None]
subject = next(i for i, l in enumerate(lines, 1) if l.startswith("SUBJECT:"))
structure = re.compile(r"^(MUSCAT 0000\d+ [\d.]+ OF \d+|SIPDIS|NOFORN|Classified By:|-{3,}$)")
lost = []
for n, text in enumerate(lines, 1):
    if n < subject or not text.strip() or structure.match(text.strip()):
        continue
    got = [d for a, b, d in spans if a <= n <= b]
    if len(got) != 1:
        lost.append((n, got))
kept = [(a, b) for a, b, d in spans if d == "kept"]
first_u = next(i for i, l in enumerate(lines, 1) if re.match("^\u00b6\\d+\\. \\(U\\)", l))
ok = not lost and kept == [(first_u, kept[0][1])] if kept else False
print(("ok   " if ok else "FAIL ") + "every text line of the seed is in exactly one decided "
      "portion, and only the (U) paragraph is kept" + (" %s" % lost[:5] if lost else ""))
sys.exit(0 if ok else 1)
EOF
then
	:
else
	fail=1
fi

# A document read in two passes through a window (a budget of one byte: every document is) is
# checked as it is read again: its reports, in every format, are byte for byte those of a whole
# reading, on the samples and the red-team documents.
n=0
for f in samples/*.txt tests/data/redteam2*/*.txt; do
	case $f in */targets) continue ;; esac
	for format in text json sarif; do
		./tearline check --notes -r CONFIDENTIAL --format "$format" "$f" > "$tmp/whole" 2>&1
		a=$?
		TEARLINE_TEST_BUDGET=0 ./tearline check --notes -r CONFIDENTIAL --format "$format" \
		    "$f" > "$tmp/streamed" 2>&1
		b=$?
		if [ "$a" != "$b" ] || ! cmp -s "$tmp/whole" "$tmp/streamed"; then
			bad "check of $f ($format) read in two passes differs from a whole reading"
			n=-1
			break 2
		fi
		n=$((n + 1))
	done
done
[ "$n" -gt 0 ] && ok "$n reports of documents read in two passes are those of a whole reading"

exit $fail
