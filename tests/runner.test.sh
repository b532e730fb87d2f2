#!/bin/sh
# SPDX-License-Identifier: ISC
# tests/run.sh counts what the scripts skip, and fails the run on a skip where nothing may skip
# (TEARLINE_REQUIRE_SHARED, as in CI); a failing script fails the run whatever it prints.
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
exit $fail
