#!/bin/sh
# SPDX-License-Identifier: ISC
# A run stopped by SIGINT, SIGTERM or SIGHUP leaves nothing behind: the release, the audit and a
# check report are written to temporary files beside their names, and those are removed before
# the signal takes its course. So that the signal always lands while the files exist, the fault
# shim (tests/faults/faultinject.c, FAULT_ERRNO=stall) holds the run in a chosen call until it
# comes; with and without the sandbox.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
seed=samples/07MUSCAT1065.txt
shim=$(pwd)/${BUILD:-build}/faultinject.so
if [ ! -f "$shim" ]; then
	echo "FAIL $shim is not built (run make unit)"
	exit 1
fi

"$T" keygen -q --secret-key "$tmp/sign.key" --public-key "$tmp/sign.pub" ||
    { echo "FAIL keygen"; exit 1; }

# stopped SIG CALL PATH NAME COMMAND...: runs COMMAND (in $dir, made empty) held in its first
# CALL on a file named PATH, sends SIG once it is held, and checks the exit status and that
# $dir is empty again.
stopped() {
	sig=$1 call=$2 path=$3 name=$4
	shift 4
	rm -rf "$dir" "$tmp/report"
	mkdir "$dir"
	# env --default-signal: a shell's background job would otherwise ignore SIGINT.
	LD_PRELOAD=$shim FAULT_CALL=$call FAULT_PATH=$path FAULT_ERRNO=stall \
	    FAULT_REPORT="$tmp/report" env --default-signal=INT "$@" > /dev/null \
	    2> "$tmp/stderr" &
	pid=$!
	i=0
	while ! grep -q stalled "$tmp/report" 2> /dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ $i -ge 300 ]; then
		bad "$name: the run was never held"
		kill -KILL "$pid" 2> /dev/null
		return
	fi
	held=$(find "$dir" -name '*.tmp.*' | wc -l)
	kill "-$sig" "$pid"
	wait "$pid"
	rc=$?
	left=$(find "$dir" -type f | wc -l)
	if [ "$held" -eq 0 ]; then
		bad "$name: no temporary file when the signal came"
	elif [ "$left" -eq 0 ] && [ "$rc" -gt 128 ]; then
		ok "$name: $held temporary files, exit $rc, nothing left behind"
	else
		bad "$name: exit $rc, $left files left: $(ls "$dir" | tr '\n' ' ')"
	fi
}

dir=$tmp/out
redact() {
	echo "$T" redact -q --release U -o "$dir/rel.txt" --audit "$dir/rel.jsonl" \
	    --secret-key "$tmp/sign.key" "$@" "$seed"
}
# Held at the first rename, when the release and the audit are both written.
# shellcheck disable=SC2046
{
	stopped TERM rename rel "SIGTERM before the rename" $(redact)
	stopped INT rename rel "SIGINT before the rename" $(redact)
	stopped HUP rename rel "SIGHUP before the rename" $(redact)
	stopped TERM rename rel "SIGTERM before the rename, no sandbox" $(redact --no-sandbox)
	stopped INT write rel.txt.tmp "SIGINT while the release is written" $(redact)
	stopped TERM write rel.jsonl.tmp "SIGTERM while the audit is written" $(redact)
	stopped INT fsync rel.txt.tmp "SIGINT while the release is synced" $(redact --no-sandbox)
	stopped TERM rename report "SIGTERM before a check report's rename" \
	    "$T" check --release U -o "$dir/report.txt" "$seed"
}

# Without a signal, the same run writes both files and nothing else.
rm -rf "$dir" && mkdir "$dir"
# shellcheck disable=SC2046
expect 0 "the same run, not stopped" $(redact)
if [ "$(ls "$dir" | tr '\n' ' ')" = "rel.jsonl rel.txt " ]; then
	ok "the run's two files, and no other"
else
	bad "the run left: $(ls "$dir" | tr '\n' ' ')"
fi
exit $fail
