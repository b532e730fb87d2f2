# SPDX-License-Identifier: ISC
# Helpers for fault-injection tests: sourced by tests/faults.test.sh and
# tests/faults-ledger.test.sh. Runs from the repository root; needs $T (the
# program), $shim (build/faultinject.so), $tmp (a scratch directory) and $seed (a document), and
# sets $fail on failure.
# shellcheck disable=SC2154,SC2034
#
# faults_setup
#   Makes keys and a ledger that already holds one run, in $tmp/ref, and the expected release.
# sweep SCENARIO CALL ERRNO
#   Fails the first, second, ... call of the kind CALL (open, read, write, fsync, rename) that
#   the scenario's run makes on a file in its work directory, until a run makes fewer calls than
#   that. A run whose fault happened must exit 2, name the file and the error on standard error,
#   and leave no release, no temporary file and no audit, an existing release as it was and the
#   ledger unchanged. The run without a fault must succeed with the expected release (and, with
#   an audit, one that verifies). Prints one line.
#   With strict_ledger=0, a fault after the run's ledger entry is written (a later flush, sync,
#   close or rename) may leave that entry, and then the audit too. The default, 1, requires the
#   ledger as it was (the defect that once left the entry is fixed).
#
# Scenarios: o (-o, a document by name), stdout, stdin-o (standard input, -o over an existing
# release), o-audit (-o, --audit, --auditor-key, --ledger), stdout-audit (--audit, --ledger).

LC_ALL=C
export LC_ALL
unset TEARLINE_TEST_SEED SOURCE_DATE_EPOCH FAULT_CALL FAULT_AFTER FAULT_TIMES FAULT_ERRNO \
    FAULT_PATH FAULT_REPORT
strict_ledger=${strict_ledger:-1}

faults_setup() {
	ref=$tmp/ref
	w=$tmp/w
	mkdir "$ref" || return 1
	"$T" keygen -q --secret-key "$ref/sign.key" --public-key "$ref/sign.pub" &&
	    "$T" keygen -q --auditor --secret-key "$ref/auditor.key" \
	    --public-key "$ref/auditor.pub" &&
	    "$T" -q -r U -o "$ref/first.txt" --audit "$ref/first.jsonl" \
	    --secret-key "$ref/sign.key" --ledger "$ref/ledger.jsonl" "$seed" &&
	    "$T" -q -r U "$seed" > "$ref/release.txt"
}

# A fresh work directory: the document, the keys and the ledger.
fresh() {
	rm -rf "$w"
	mkdir "$w"
	cp "$seed" "$w/in.txt"
	cp "$ref/sign.key" "$ref/auditor.pub" "$ref/ledger.jsonl" "$w/"
	chmod 600 "$w/sign.key"
}

# run SCENARIO: runs tearline for the scenario in $w, with whatever FAULT_* are exported.
run() {
	case $1 in
	o) "$T" -q -r U -o "$w/out.txt" "$w/in.txt" ;;
	stdout) "$T" -q -r U "$w/in.txt" > "$w/stdout" ;;
	stdin-o)
		printf 'old release\n' > "$w/out.txt"
		"$T" -q -r U -o "$w/out.txt" < "$w/in.txt" ;;
	o-audit) "$T" -q -r U -o "$w/out.txt" --audit "$w/audit.jsonl" \
		--secret-key "$w/sign.key" --auditor-key "$w/auditor.pub" \
		--ledger "$w/ledger.jsonl" "$w/in.txt" ;;
	stdout-audit) "$T" -q -r U --audit "$w/audit.jsonl" --secret-key "$w/sign.key" \
		--ledger "$w/ledger.jsonl" "$w/in.txt" > "$w/stdout" ;;
	esac 2> "$tmp/err"
}

# Prints what a failed run left in $w besides what fresh() put there and its standard output:
# a temporary file, an audit, a release (other than the old one of stdin-o).
leftovers() {
	ls -A "$w" | grep -v -x -e in.txt -e sign.key -e auditor.pub -e ledger.jsonl -e stdout \
	    -e out.txt
	if [ -e "$w/out.txt" ] && [ "$(cat "$w/out.txt")" != "old release" ]; then
		echo "out.txt (a release)"
	fi
}

# Whether $w/ledger.jsonl is the reference ledger with one more entry.
ledger_grew() {
	[ "$(wc -l < "$w/ledger.jsonl")" -eq $(($(wc -l < "$ref/ledger.jsonl") + 1)) ] &&
	    head -n "$(wc -l < "$ref/ledger.jsonl")" "$w/ledger.jsonl" | cmp -s - "$ref/ledger.jsonl"
}

# The strerror text of each errno the tests inject.
message() {
	case $1 in
	EACCES) echo "Permission denied" ;;
	EIO) echo "Input/output error" ;;
	ENOSPC) echo "No space left on device" ;;
	EROFS) echo "Read-only file system" ;;
	esac
}

sweep() {
	scenario=$1 call=$2 errno=$3
	text=$(message "$errno")
	n=0
	known=0
	why=
	while [ $n -lt 100 ]; do
		fresh
		rm -f "$tmp/report"
		FAULT_CALL=$call FAULT_AFTER=$n FAULT_ERRNO=$errno FAULT_PATH=$w/ \
		    FAULT_REPORT=$tmp/report LD_PRELOAD=$shim run "$scenario"
		rc=$?
		if [ ! -s "$tmp/report" ]; then
			# No fault happened: the run made n such calls, and must have succeeded.
			[ "$rc" -eq 0 ] || why="$why [no fault, exit $rc: $(head -n 1 "$tmp/err")]"
			out=$w/out.txt
			case $scenario in stdout*) out=$w/stdout ;; esac
			cmp -s "$out" "$ref/release.txt" || why="$why [no fault: the release differs]"
			case $scenario in
			*audit) "$T" verify -q --audit "$w/audit.jsonl" --public-key "$ref/sign.pub" \
				--output "$out" --ledger "$w/ledger.jsonl" 2> /dev/null ||
				why="$why [no fault: the audit does not verify]" ;;
			esac
			break
		fi
		at="#$((n + 1)) $(sed 's/^faultinject: //; s/ #[0-9]* on / on /; s/: [^:]*$//; q' \
		    "$tmp/report")"
		[ "$rc" -eq 2 ] || why="$why [$at: exit $rc]"
		grep -q "^tearline: .*\\($w/\\|(standard output)\\|(standard input)\\).*$text" \
		    "$tmp/err" || why="$why [$at: no message naming the file and \"$text\": $(
		    head -n 1 "$tmp/err")]"
		left=$(leftovers)
		if ! cmp -s "$w/ledger.jsonl" "$ref/ledger.jsonl"; then
			if [ "$strict_ledger" = 0 ] && ledger_grew; then
				known=$((known + 1))
				left=$(printf '%s\n' "$left" | grep -v -x audit.jsonl)
			else
				why="$why [$at: the ledger changed]"
			fi
		fi
		[ -z "$left" ] || why="$why [$at: left behind: $(echo $left)]"
		n=$((n + 1))
	done
	if [ $n -eq 0 ]; then
		echo "ok   $scenario: no $call call (nothing to fail)"
	elif [ -n "$why" ]; then
		echo "FAIL $scenario: $call with $errno:$why"
		fail=1
	elif [ $known -gt 0 ]; then
		echo "ok   $scenario: each of $n $call calls failing with $errno: exit 2, no trace" \
		    "but the ledger entry that $known leave"
	else
		echo "ok   $scenario: each of $n $call calls failing with $errno: exit 2, no trace"
	fi
}
