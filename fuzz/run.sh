#!/bin/sh
# Runs each libFuzzer target for SECONDS with its seeds. Usage: fuzz/run.sh SECONDS BINARY...
# Fails when a target finds a crash, a leak or a property violation.
set -u
cd "$(dirname "$0")/.." || exit 2
seconds=$1
shift
fail=0
for bin in "$@"; do
	name=$(basename "$bin")
	work=fuzz/work/$name
	mkdir -p "$work"
	case $name in
	fuzz_marking) seeds="fuzz/seeds/marking" ;;
	fuzz_policy) seeds="policies" ;;
	fuzz_audit) seeds="fuzz/seeds/audit" ;;
	*) seeds="samples tests/corpus" ;;
	esac
	existing=
	for s in $seeds; do [ -d "$s" ] && existing="$existing $s"; done
	echo "== $name for ${seconds}s"
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
