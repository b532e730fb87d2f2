#!/bin/sh
# SPDX-License-Identifier: ISC
# A batch spread by GNU parallel (Debian's `parallel`), as docs/batch.md tells it for many hosts,
# run here on this machine: once with -j 2, once through --sshlogin 2/: (":" is GNU parallel's
# name for this machine, reached without ssh). Each job is `tearline redact --output-dir` of a
# fixed slice of the inputs (-n) with its own ledger named after the job's number, so the releases,
# audits and ledgers must be byte for byte those of one run per document, slice by slice. The
# ledgers are then merged into one signed checkpoint, which verifies, and every run is proven in
# it. TEARLINE_PARALLEL_DOCS sets the size (default 50). Without GNU parallel the test is skipped,
# except under CI=true, where it is installed (scripts/deps.sh test) or the test fails.
set -u
cd "$(dirname "$0")/.." || exit 2
LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
T=$(cd "$(dirname "$T")" && pwd)/$(basename "$T")

gnu_parallel() {
	parallel --version 2> /dev/null | grep -q '^GNU parallel'
}
if ! gnu_parallel; then
	if [ "${CI:-}" = true ]; then
		sh scripts/deps.sh test > /dev/null 2>&1
		if ! gnu_parallel; then
			echo "FAIL GNU parallel is missing and could not be installed (apt-get install parallel)"
			exit 1
		fi
	else
		echo "skip GNU parallel is not installed (apt-get install parallel; CI=true installs it)"
		exit 0
	fi
fi

docs=${TEARLINE_PARALLEL_DOCS:-50}
per=10

mkdir "$tmp/in"
copy_cables "$docs" "$tmp/in"
"$T" keygen -q --secret-key "$tmp/office.key" --public-key "$tmp/office.pub" || exit 2
"$T" keygen -q --secret-key "$tmp/cp.key" --public-key "$tmp/cp.pub" || exit 2
cd "$tmp" || exit 2
# The same time everywhere, and run secrets from a seed per job: runs of the same cable at the same
# place in two jobs' ledgers would otherwise be the same entry, which merge refuses.
SOURCE_DATE_EPOCH=1195568580
export SOURCE_DATE_EPOCH

# The reference: one run per document, slice after slice, each slice with its own ledger.
mkdir ref ref/ledgers
set -- in/*
jobs=$(( (docs + per - 1) / per ))
k=0
while [ $# -gt 0 ]; do
	k=$((k + 1))
	job=$(printf "%0${#jobs}d" "$k")
	n=0
	while [ $# -gt 0 ] && [ "$n" -lt "$per" ]; do
		b=$(basename "$1")
		TEARLINE_TEST_SEED=job-$job "$T" -q -r UNCLASSIFIED -o "ref/$b" \
		    --audit "ref/$b.audit" --secret-key office.key \
		    --ledger "ref/ledgers/$job.jsonl" "$1" 2> /dev/null || bad "reference run of $b"
		shift
		n=$((n + 1))
	done
done

# run NAME PARALLEL-OPTIONS...: the batch through GNU parallel into out-NAME.
run() {
	name=$1
	shift
	mkdir "out-$name" "out-$name/ledgers"
	if parallel --will-cite --plus --halt now,fail=1 -n "$per" "$@" \
	    TEARLINE_TEST_SEED=job-{0#} "$T" -q -r UNCLASSIFIED --output-dir "out-$name" \
	    --secret-key office.key --ledger "out-$name/ledgers/{0#}.jsonl" {} ::: in/* \
	    2> "$name.err"; then
		ok "$name: $docs documents in $jobs jobs of $per"
	else
		bad "$name: GNU parallel failed: $(grep -v TEARLINE_TEST_SEED "$name.err" | head -n 3)"
	fi
	if diff -r ref "out-$name" > "$name.diff" 2>&1; then
		ok "$name: the releases, audits and ledgers of one run per document"
	else
		bad "$name: differs from one run per document: $(head -c 300 "$name.diff")"
	fi
}
run local -j 2
run sshlogin --sshlogin 2/:

# One checkpoint over the jobs' ledgers, in job order (the glob sorts the padded numbers).
if "$T" ledger merge -q --secret-key cp.key --public-key office.pub \
    --origin example.org/tearline/parallel-test -o checkpoint out-local/ledgers/*.jsonl; then
	ok "merge the $jobs ledgers into one checkpoint"
else
	bad "ledger merge failed"
fi
[ "$(sed -n 2p checkpoint)" = "$docs" ] && ok "the checkpoint counts $docs runs" ||
	bad "the checkpoint counts $(sed -n 2p checkpoint) runs"
set --
for l in out-sshlogin/ledgers/*.jsonl; do
	set -- "$@" --ledger "$l"
done
bad_runs=0
for a in out-local/*.audit; do
	"$T" verify -q --checkpoint checkpoint --checkpoint-key cp.pub --public-key office.pub \
	    "$@" --audit "$a" 2> verify.err || bad_runs=$((bad_runs + 1))
done
[ "$bad_runs" -eq 0 ] &&
	ok "every run is proven in the checkpoint (with the other run's identical ledgers)" ||
	bad "$bad_runs runs are not proven in the checkpoint: $(head -n 1 verify.err)"
k=0
bad_runs=0
for a in out-local/*.audit; do
	k=$((k + 1))
	[ $((k % 17)) -eq 1 ] || continue
	r=${a%.audit}
	"$T" verify -q --audit "$a" --public-key office.pub --output "$r" \
	    --original "in/$(basename "$r")" 2> verify.err || bad_runs=$((bad_runs + 1))
done
[ "$bad_runs" -eq 0 ] && ok "releases verify against their audits and originals" ||
	bad "$bad_runs releases do not verify: $(head -n 1 verify.err)"

exit $fail
