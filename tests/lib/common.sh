# SPDX-License-Identifier: ISC
# shellcheck shell=sh
# What the test scripts start with; sourced from the top of the tree, after `cd`:
#   $T     the program under test: $TEARLINE, or ./tearline (the script stops if it is not built)
#   $tmp   a scratch directory, removed when the script exits
#   $fail  0, and 1 once a check has failed
#   ok NAME, bad NAME: a result line (bad also sets fail)
#   expect CODE NAME COMMAND...: runs COMMAND (its output in $tmp/stdout and $tmp/stderr) and
#       checks that it exits with CODE
#   need_shared PATH: returns when PATH (under ../shared) exists; else fails the script when
#       TEARLINE_REQUIRE_SHARED is set (CI), or says it skips and exits 0
#   copy_cables N DIR: N cables into DIR, named NNNN-CABLE.txt, from the shared corpus (or
#       tests/corpus without it), round and round
T=${TEARLINE:-./tearline}
if [ ! -x "$T" ]; then
	echo "FAIL $T is not built (run make)"
	exit 1
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

expect() {
	want=$1
	name=$2
	shift 2
	"$@" > "$tmp/stdout" 2> "$tmp/stderr"
	got=$?
	if [ "$got" = "$want" ]; then
		ok "$name"
	else
		bad "$name: exit $got, wanted $want"
		sed 's/^/     stderr: /' "$tmp/stderr" | head -n 5
	fi
}

copy_cables() {
	_n=$1 _dir=$2 _i=0
	set -- ../shared/corpus/cablegate*/*.txt
	[ -f "$1" ] || set -- tests/corpus/*.txt
	while [ "$_i" -lt "$_n" ]; do
		for _f in "$@"; do
			[ "$_i" -lt "$_n" ] || break
			cp "$_f" "$_dir/$(printf %04d "$_i")-$(basename "$_f")"
			_i=$((_i + 1))
		done
	done
}

need_shared() {
	[ -e "$1" ] && return 0
	if [ -n "${TEARLINE_REQUIRE_SHARED:-}" ]; then
		echo "FAIL $1 is absent, and TEARLINE_REQUIRE_SHARED is set"
		exit 1
	fi
	echo "skip: $1 is absent (CI, with TEARLINE_REQUIRE_SHARED, fails here)"
	exit 0
}
