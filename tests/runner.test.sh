#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/run.sh counts what the scripts skip, and fails the run on a skip where nothing may skip
# (TEARLINE_REQUIRE_SHARED, as in CI); a failing script fails the run whatever it prints; scripts
# run side by side, each shown whole and in the order given.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh

printf 'echo "skip: a tool is missing"\necho "ok   one"\nexit 0\n' > "$tmp/skips.test.sh"
printf 'echo "ok   one"\nexit 1\n' > "$tmp/fails.test.sh"
unset TEARLINE_REQUIRE_SHARED
sh tests/run.sh "$tmp/skips.test.sh" > "$tmp/out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && grep -q '^skipped: 1 check(s), in ' "$tmp/out" &&
    [ "$(tail -n 1 "$tmp/out")" = "1 passed, 0 failed" ]; then
	ok "a skip is counted, and passes where skips are allowed"
else
	bad "a skip: exit $rc: $(tail -n 2 "$tmp/out")"
fi
TEARLINE_REQUIRE_SHARED=1 sh tests/run.sh "$tmp/skips.test.sh" > "$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && [ "$(tail -n 1 "$tmp/out")" = "1 passed, 1 failed" ]; then
	ok "a skip fails the run under TEARLINE_REQUIRE_SHARED"
else
	bad "a skip under TEARLINE_REQUIRE_SHARED: exit $rc: $(tail -n 1 "$tmp/out")"
fi
sh tests/run.sh "$tmp/fails.test.sh" > "$tmp/out" 2>&1
rc=$?
if [ "$rc" -ne 0 ] && [ "$(tail -n 1 "$tmp/out")" = "0 passed, 1 failed" ]; then
	ok "a script's exit status, not its lines, decides"
else
	bad "a failing script: exit $rc: $(tail -n 1 "$tmp/out")"
fi
# Side by side: the first script finishes last, yet the output is in the order given, each
# script's lines together under its header.
printf 'echo "ok   slow one"\nsleep 1\necho "ok   slow two"\n' > "$tmp/a-slow.test.sh"
printf 'echo "ok   fast one"\n' > "$tmp/b-fast.test.sh"
TEARLINE_TEST_JOBS=2 sh tests/run.sh "$tmp/a-slow.test.sh" "$tmp/b-fast.test.sh" "$tmp/fails.test.sh" \
    > "$tmp/out" 2>&1
rc=$?
sed -e 's/ ([0-9?]* s)$//' -e "s|$tmp/||" "$tmp/out" | grep -v '^failed:' > "$tmp/shown"
printf '%s\n' "== a-slow.test.sh" "ok   slow one" "ok   slow two" "== b-fast.test.sh" \
    "ok   fast one" "== fails.test.sh" "ok   one" "2 passed, 1 failed" > "$tmp/want"
if [ "$rc" -ne 0 ] && cmp -s "$tmp/want" "$tmp/shown"; then
	ok "scripts run side by side are shown whole, in the order given, and counted"
else
	bad "side by side: exit $rc: $(diff "$tmp/want" "$tmp/shown" | head -n 4 | tr '\n' ' ')"
fi
exit $fail
