#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs each libFuzzer target for SECONDS with its seeds. Usage: fuzz/run.sh SECONDS BINARY...
# Fails when a target finds a crash, a leak or a property violation.
#
# Every target is seeded from samples/ and tests/ as well as from fuzz/seeds/:
#   fuzz_marking  fuzz/seeds/marking, and every portion mark and banner line of the documents
#                 in samples/ and tests/ (one seed each, extracted into fuzz/work/seeds-marking)
#                 and tests/data/
#   fuzz_policy   policies/, and every policy file under samples/ and tests/
#   fuzz_audit    fuzz/seeds/audit, and audits and a ledger that ./tearline (when built) makes
#                 of the documents in samples/ (fuzz/work/seeds-audit)
#   fuzz_keys     fuzz/seeds/keys, and a key pair of each kind that ./tearline (when built)
#                 makes (fuzz/work/seeds-keys)
#   fuzz_checkpoint  fuzz/seeds/checkpoint (notes signed by the target's own key)
#   fuzz_redact   the documents in samples/, tests/corpus/, tests/cases/ and the red-team
#                 rounds' directories of tests/data/ (redteam*, stop*)
#   fuzz_reading  the same documents
#   fuzz_stream   the same documents
set -u
cd "$(dirname "$0")/.." || exit 2
seconds=$1
shift
fail=0
mkdir -p fuzz/work

# The documents of samples/ and tests/.
documents() {
	find samples tests/corpus tests/cases tests/data -type f \( -name '*.txt' -o -name input \) \
	    2> /dev/null
}

# One seed file per distinct line given on standard input, in directory $1.
one_per_line() {
	rm -rf "$1"
	mkdir -p "$1"
	sort -u | while IFS= read -r line; do
		[ -n "$line" ] || continue
		printf '%s' "$line" > "$1/$(printf '%s' "$line" | cksum | cut -d ' ' -f 1)"
	done
}

seeds_marking() {
	documents | while IFS= read -r f; do
		# Portion marks, and lines that are only capitals, digits and marking punctuation.
		grep -a -o '^[^(]\{0,8\}([A-Za-z][A-Za-z0-9/ ,.-]\{0,78\})' "$f" | sed 's/^[^(]*//'
		grep -a -x '[A-Z][A-Z0-9/ ,-]\{2,120\}' "$f"
	done | tr -d '\r' | one_per_line fuzz/work/seeds-marking
	echo fuzz/seeds/marking fuzz/work/seeds-marking
}

seeds_policy() {
	rm -rf fuzz/work/seeds-policy
	mkdir -p fuzz/work/seeds-policy
	find samples tests -type f \( -name '*.yaml' -o -name '*.yml' \) 2> /dev/null |
	    while IFS= read -r f; do
		cp "$f" "fuzz/work/seeds-policy/$(printf '%s' "$f" | tr '/' '_')"
	done
	echo policies fuzz/work/seeds-policy
}

seeds_audit() {
	d=fuzz/work/seeds-audit
	rm -rf "$d"
	mkdir -p "$d"
	if [ -x ./tearline ] && ./tearline keygen -q --secret-key "$d/key" \
	    --public-key "$d/key.pub" 2> /dev/null; then
		for f in samples/*.txt; do
			n=$(basename "$f" .txt)
			./tearline -q -r U -o "$d/$n.release" --audit "$d/$n.jsonl" \
			    --secret-key "$d/key" --ledger "$d/ledger.jsonl" "$f" 2> /dev/null
		done
		rm -f "$d"/key "$d"/key.pub "$d"/*.release
	else
		echo "note: ./tearline is not built: fuzz_audit has only fuzz/seeds/audit" >&2
	fi
	echo fuzz/seeds/audit "$d"
}

seeds_keys() {
	d=fuzz/work/seeds-keys
	rm -rf "$d"
	mkdir -p "$d"
	if [ -x ./tearline ]; then
		./tearline keygen -q --secret-key "$d/sign.key" --public-key "$d/sign.pub" &&
		    ./tearline keygen -q --auditor --secret-key "$d/box.key" \
		    --public-key "$d/box.pub" 2> /dev/null
	fi
	echo fuzz/seeds/keys "$d"
}

for bin in "$@"; do
	name=$(basename "$bin")
	work=fuzz/work/$name
	mkdir -p "$work"
	case $name in
	fuzz_marking) seeds=$(seeds_marking) ;;
	fuzz_policy) seeds=$(seeds_policy) ;;
	fuzz_audit) seeds=$(seeds_audit) ;;
	fuzz_keys) seeds=$(seeds_keys) ;;
	fuzz_checkpoint) seeds=fuzz/seeds/checkpoint ;;
	*) seeds="samples tests/corpus tests/cases $(find tests/data -maxdepth 1 -type d \
	    \( -name 'redteam*' -o -name 'stop*' \) | sort)" ;;
	esac
	existing=
	count=0
	for s in $seeds; do
		[ -d "$s" ] || continue
		existing="$existing $s"
		count=$((count + $(find "$s" -type f | wc -l)))
	done
	echo "== $name for ${seconds}s ($count seed files:$existing)"
	# shellcheck disable=SC2086
	if "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$work/" "$work" $existing > "$work/log" 2>&1; then
		tail -n 1 "$work/log"
	else
		echo "FAIL $name: see $work/log"
		tail -n 30 "$work/log"
		fail=1
	fi
done
exit $fail
