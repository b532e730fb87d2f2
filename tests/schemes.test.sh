#!/bin/sh
# SPDX-License-Identifier: ISC
# The marking schemes: every shipped policy's own examples, the scheme policies' vocabularies
# against the ISM lists they cite, and every scheme sample (samples/schemes/releases.tsv) released
# byte for byte as kept, with no 8-word shingle of a withheld portion and none of the named
# secret words in the release, in every mode.
#
# The shingle check is independent of the filter: a small Python reader below finds the portions
# of the original by itself and takes the decisions from the manifest, where they were written by
# hand; it shares no code or pattern with filter/ or policies/.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
fail=0
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -x ./tearline ]; then
	echo "FAIL ./tearline is not built (run make)"
	exit 1
fi

# (a) Every policy's examples, with `tearline policy test` when the command line has it, else
# with a small harness linked against the built modules.
if ./tearline --help 2>&1 | grep -q 'policy test'; then
	run_examples() { ./tearline policy test "$1"; }
else
	cat > "$tmp/pt.c" <<'EOF'
#include <stdio.h>
#include "policy.h"
#include "policy_test.h"
int
main(int argc, char **argv)
{
	char err[512];
	size_t total;
	int f;
	struct policy *p = policy_open(argv[1], err, sizeof(err));

	if (argc < 2 || p == NULL) {
		puts(err);
		return 2;
	}
	f = policy_test_run(p, argv[1], stdout, 0, &total, err, sizeof(err));
	printf("%d failures of %zu examples\n", f, total);
	policy_free(p);
	return f != 0;
}
EOF
	objs=$(ls build/*.o 2>/dev/null | grep -v '/main\.o$')
	# shellcheck disable=SC2086
	if [ -z "$objs" ] || ! ${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -Ifilter \
	    $(pkg-config --cflags libpcre2-8 2>/dev/null) -o "$tmp/pt" "$tmp/pt.c" $objs \
	    $(pkg-config --libs libpcre2-8 libsodium yaml-0.1 jansson libseccomp) 2> "$tmp/cc.err"
	then
		echo "FAIL cannot build the policy example harness against build/*.o:"
		head -5 "$tmp/cc.err"
		exit 1
	fi
	run_examples() { "$tmp/pt" "$1"; }
fi
for p in policies/*.yaml; do
	if run_examples "$p" > "$tmp/ex.out" 2>&1; then
		echo "ok   examples of $p: $(tail -n 1 "$tmp/ex.out")"
	else
		echo "FAIL examples of $p:"
		sed 's/^/     /' "$tmp/ex.out" | head -20
		fail=1
	fi
done

# Each scheme policy carries at least 20 examples.
for p in policies/uk.yaml policies/nato.yaml policies/cui.yaml policies/us-intel.yaml; do
	n=$(grep -Ec '^  - \{(mark|line):' "$p")
	if [ "$n" -ge 20 ]; then
		echo "ok   $p has $n examples"
	else
		echo "FAIL $p has $n examples, fewer than 20"
		fail=1
	fi
done

# The vocabularies: every CUI category and dissemination control, every us-intel control and
# every REL TO code of the scheme policies is in the ISM lists the policies cite.
cat > "$tmp/vocab.py" <<'EOF'
import csv, re, sys

D = "tests/data/ism-cve/"

def values(name):
    """The values and the descriptions of an ISM list, in capitals."""
    with open(D + name, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return {r["Value"].upper() for r in rows} | \
        {" ".join(r["Description"].upper().split()) for r in rows}

def controls(path):
    """[name, aliases...] of every control in a policy, read by shape, not by a YAML library."""
    text = open(path, encoding="utf-8").read()
    block = text[text.index("\n  controls:\n"):text.index("\n  countries:")]
    out = []
    for line in block.splitlines():
        if line.startswith("    - "):
            out.append([re.search(r"name: ([^,}#]+)", line).group(1).strip()])
        m = re.search(r"aliases: \[([^\]]*)\]", line)
        if m and out:
            out[-1] += [a.strip() for a in m.group(1).split(",")]
    return out

def codes(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"\n  countries: \[(.*?)\]", text, re.S)
    found = [c.strip() for c in m.group(1).split(",") if c.strip()] if m else []
    if not found:
        # A policy that names no country lists the codes as groups of unknown membership.
        m = re.search(r"unknown_membership: \[(.*?)\]", text, re.S)
        found = [c.strip() for c in m.group(1).split(",") if re.fullmatch(r"\s*[A-Z0-9]{3}\s*", c)]
    return found

bad = 0
basic, spec = values("CVEnumISMCUIBasic.csv"), values("CVEnumISMCUISpecified.csv")
cuidissem = values("CVEnumISMDissemCui.csv")
for names in controls("policies/cui.yaml"):
    n = names[0]
    ok = (n.startswith("SP-") and n[3:] in spec) or n in basic or \
        any(a.upper() in cuidissem for a in names)
    if not ok:
        print("FAIL policies/cui.yaml: %s is in no ISM CUI list" % n); bad = 1
intel = values("CVEnumISMDissem.csv") | values("CVEnumISMSCIControls.csv") | \
    values("CVEnumISMNonIC.csv")
for names in controls("policies/us-intel.yaml"):
    if names[0] == "FGI":
        continue  # a CAPCO marking that ISM carries as attributes, not as a vocabulary value
    if not any(a.upper() in intel for a in names):
        print("FAIL policies/us-intel.yaml: %s is in no ISM list" % names[0]); bad = 1
relto = set(re.findall(r'"([A-Z0-9]{3})"', open(D + "CVEnumISMCATRelTo.rnc").read()))
for p in ("policies/uk.yaml", "policies/nato.yaml", "policies/cui.yaml", "policies/us-intel.yaml"):
    c = codes(p)
    unknown = [x for x in c if x not in relto]
    if unknown or len(c) < 250:
        print("FAIL %s: %d codes, not in CVEnumISMCATRelTo: %s" % (p, len(c), unknown)); bad = 1
    else:
        print("ok   %s: %d REL TO codes, all in CVEnumISMCATRelTo" % (p, len(c)))
sys.exit(bad)
EOF
if python3 "$tmp/vocab.py" 2>&1; then
	echo "ok   CUI categories and controls, us-intel controls: all in the ISM lists"
else
	echo "FAIL the vocabulary check"
	fail=1
fi

# (c) The independent leak checker.
cat > "$tmp/shingles.py" <<'EOF'
"""shingles.py ALLOWED ORIGINAL RELEASE: prints leaked and kept shingle counts.

ALLOWED is the marks the target may see, "|"-separated, as written between the parentheses;
"-" is unmarked text. A portion starts at a mark in parentheses at the start of a line (after
an optional label or "SUBJECT:") and runs to the next; a subject ends at a blank line, and
unmarked text follows it. Lines of capitals (banners, captions, references), page numbers and
authority or designation lines are structure: they count on neither side. Exit status 1 when
any shingle of a withheld portion is in the release, or any shingle of a released one is not.
"""
import re, sys

N = 8
MARK = re.compile(r"^\s*(?P<subj>(?i:subj(?:ect)?)\s*:\s*)?"
                  r"(?:\d{1,3}(?:\.\d{1,3})*\s*[.)]?|[A-Za-z][.)]|\([0-9a-z]{1,3}\)|--?|[*\u2022])?"
                  r"\s*\((?P<mark>[A-Z/][^()]{0,79})\)")
SUBJ = re.compile(r"^\s*(?i:subj(?:ect)?)\s*:")
AUTH = re.compile(r"^\s*(?:Classified By|Derived From|Declassify On|Reason|Controlled by|"
                  r"CUI Categor(?:y|ies)|LDC|POC)\s*:")
PAGE = re.compile(r"^\s*(?:Page \d+ of \d+|- ?\d+ ?-)\s*$", re.I)

def words(s):
    return re.findall(r"[a-z0-9]+", s.lower())

def shingles(ws):
    return {tuple(ws[i:i + N]) for i in range(len(ws) - N + 1)}

allowed = {" ".join(a.split()) for a in sys.argv[1].split("|")}
lines = open(sys.argv[2], encoding="utf-8", errors="replace").read().splitlines()
portions, structure = [], []          # portions: [mark, words]
cur, in_subject = None, False
for ln in lines:
    m = MARK.match(ln)
    if not ln.strip():
        if in_subject:
            cur, in_subject = None, False
        continue
    if m is None and (not re.search(r"[a-z]", ln) or AUTH.match(ln) or PAGE.match(ln)):
        structure += words(ln)
        continue
    if m is not None:
        cur = [" ".join(m.group("mark").split()), words(ln[m.end():])]
        portions.append(cur)
        in_subject = m.group("subj") is not None
        continue
    if SUBJ.match(ln):
        cur = ["-", words(ln)]
        portions.append(cur)
        in_subject = True
        continue
    if cur is None:
        cur = ["-", []]
        portions.append(cur)
    cur[1] += words(ln)

kept, withheld = set(), set()
for mark, ws in portions:
    (kept if mark in allowed else withheld).update(shingles(ws))
withheld -= kept | shingles(structure)
release = shingles(words(open(sys.argv[3], encoding="utf-8", errors="replace").read()))
leaked, lost = withheld & release, kept - release
print("%d withheld portions, %d withheld shingles, %d leaked; %d kept shingles, %d missing" % (
    sum(1 for m, _ in portions if m not in allowed), len(withheld), len(leaked), len(kept),
    len(lost)))
for s in sorted(leaked)[:5]:
    print("  leaked: " + " ".join(s))
for s in sorted(lost)[:5]:
    print("  missing: " + " ".join(s))
sys.exit(1 if leaked or lost else 0)
EOF

# (b), (c), (d) over every release in the manifest.
tab=$(printf '\t')
while IFS="$tab" read -r policy src target release allowed secrets; do
	case $policy in ''|'#'*) continue ;; esac
	orig=samples/schemes/$src
	want=samples/schemes/$release
	name="$release ($target)"
	if ./tearline -q --policy "policies/$policy.yaml" -r "$target" "$orig" > "$tmp/mask.out" &&
	    cmp -s "$tmp/mask.out" "$want"; then
		echo "ok   $name is byte for byte as kept"
	else
		echo "FAIL $name differs from: tearline --policy policies/$policy.yaml -r \"$target\" $orig"
		diff "$want" "$tmp/mask.out" | head -20
		fail=1
	fi
	for mode in mask strip blackout; do
		if ! ./tearline -q --policy "policies/$policy.yaml" -r "$target" --mode "$mode" \
		    "$orig" > "$tmp/out" 2> "$tmp/err"; then
			echo "FAIL $name --mode $mode: exit status $?: $(head -n 1 "$tmp/err")"
			fail=1
			continue
		fi
		if python3 "$tmp/shingles.py" "$allowed" "$orig" "$tmp/out" > "$tmp/sh.out"; then
			echo "ok   $name --mode $mode: $(head -n 1 "$tmp/sh.out")"
		else
			echo "FAIL $name --mode $mode: $(cat "$tmp/sh.out")"
			fail=1
		fi
		old_ifs=$IFS
		IFS='|'
		for w in $secrets; do
			[ -n "$w" ] || continue
			if ! grep -F -q -e "$w" "$orig"; then
				echo "FAIL $name: the secret \"$w\" is not in $orig: the check proves nothing"
				fail=1
			elif grep -F -q -e "$w" "$tmp/out"; then
				echo "FAIL $name --mode $mode: LEAK \"$w\""
				fail=1
			fi
		done
		IFS=$old_ifs
	done
done < samples/schemes/releases.tsv

# The UK policy's foreign targets (see policies/uk.yaml; home GBR). A REL TO list that names GBR
# alone is a UK national; GBR in a foreign target's list changes nothing; a group of unknown
# membership cannot be a target. Each check compares with a release kept in samples/schemes.
uk=samples/schemes/uk-partner-trial
for pair in "SECRET//REL TO GBR:$uk.S.txt" "SECRET//REL TO UK:$uk.S.txt" \
    "SECRET//REL TO USA:$uk.S-REL-USA.txt" "SECRET//REL TO US, GBR:$uk.S-REL-USA.txt"; do
	target=${pair%%:*}
	if ./tearline -q --policy policies/uk.yaml -r "$target" "$uk.txt" > "$tmp/out" &&
	    cmp -s "$tmp/out" "${pair#*:}"; then
		echo "ok   uk: $target is released as ${pair#*:}"
	else
		echo "FAIL uk: $target is not released as ${pair#*:}"
		fail=1
	fi
done
if ./tearline -q --policy policies/uk.yaml -r "SECRET//REL TO CMFC" "$uk.txt" > "$tmp/out" \
    2> "$tmp/err"; then
	echo "FAIL uk: a target of unknown membership was accepted"
	fail=1
elif [ -s "$tmp/out" ]; then
	echo "FAIL uk: a refused target wrote output"
	fail=1
else
	echo "ok   uk: a target of unknown membership is refused: $(head -n 1 "$tmp/err")"
fi

# Every UK sample at foreign targets, read on its own: each kept portion is PUBLIC or names all
# the target's countries in its REL TO list (directly or through a group listed below), none is
# UK EYES ONLY, and a banner names no country but GBR that a kept classified portion does not.
cat > "$tmp/ukrel.py" <<'EOF'
import re, sys
GROUPS = {"FVEY": "USA AUS CAN GBR NZL", "ACGU": "USA AUS CAN GBR", "TEYE": "USA AUS GBR",
          "NATO": "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE "
                  "NLD MKD NOR POL PRT ROU SVK SVN ESP SWE TUR GBR USA"}

def countries(rel):
    out = set()
    for c in re.split(r"[ ,]+", rel.strip()):
        out |= set(GROUPS[c].split()) if c in GROUPS else {c}
    return out

want, bad, lists = set(sys.argv[1].split(",")), [], []
text = open(sys.argv[2], encoding="utf-8").read()
for mark in re.findall(r"(?m)^\s*(?:\d{1,3}\.\s*)?\(([A-Z][^()]*)\)", text):
    rel = re.search(r"REL TO (.*)", mark)
    if mark == "PUBLIC":
        continue
    if "UKEO" in mark or "UK EYES" in mark or rel is None or not want <= countries(rel.group(1)):
        bad.append("kept (%s)" % mark)
    else:
        lists.append(countries(rel.group(1)))
for line in text.splitlines():
    m = re.fullmatch(r"\s*(?:TOP SECRET|SECRET|OFFICIAL-SENSITIVE|OFFICIAL|PUBLIC)(.*)", line)
    if m is None or re.search(r"[a-z(]", line):
        continue
    rel = re.search(r"REL TO (.*)", m.group(1))
    named = countries(rel.group(1)) - {"GBR"} if rel else set()
    if "UK EYES" in line or "UKEO" in line or any(not named <= l for l in lists) or \
            (lists and rel is None):
        bad.append("banner " + line)
print("; ".join(bad) if bad else "%d REL TO portions kept, banners agree" % len(lists))
sys.exit(1 if bad else 0)
EOF
for orig in samples/schemes/uk-*.txt; do
	case $orig in *.*.txt) continue ;; esac
	for target in USA AUS FRA NZL DEU "GBR, USA" FVEY; do
		want=$(echo "$target" | sed 's/FVEY/USA,AUS,CAN,NZL/; s/GBR, //')
		if ! ./tearline -q --policy policies/uk.yaml -r "SECRET//REL TO $target" "$orig" \
		    > "$tmp/out" 2> "$tmp/err"; then
			echo "FAIL uk: $orig at SECRET//REL TO $target: $(head -n 1 "$tmp/err")"
			fail=1
		elif python3 "$tmp/ukrel.py" "$want" "$tmp/out" > "$tmp/rel.out"; then
			echo "ok   uk: $orig at SECRET//REL TO $target: $(cat "$tmp/rel.out")"
		else
			echo "FAIL uk: $orig at SECRET//REL TO $target: $(cat "$tmp/rel.out")"
			fail=1
		fi
	done
done
exit $fail
