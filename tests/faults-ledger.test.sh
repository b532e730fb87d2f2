#!/bin/sh
# SPDX-License-Identifier: ISC
# Found by the hardening tests and fixed: a failed redact run must leave the office ledger as
# it was. tearline redact --audit --ledger enters the run in the ledger (write and fsync) before
# it finishes the audit and the release (a last flush and sync, close, rename). When one of those
# later calls fails, the run exits 2 and removes the audit and the release, but the ledger keeps
# an entry for a run that has neither; when standard output fails to close at the very end, the
# audit stays too. The ledger then names a release that does not exist.
#
# Smallest reproducer (the release's rename fails):
#   ./tearline keygen -q --secret-key k --public-key k.pub
#   FAULT_CALL=rename FAULT_AFTER=1 LD_PRELOAD=build/faultinject.so ./tearline -q -r U \
#       -o out.txt --audit a.jsonl --secret-key k --ledger l.jsonl samples/07MUSCAT1065.txt
#   echo $?; wc -l l.jsonl      # 2, and the ledger holds one entry; no out.txt, no a.jsonl
#
# Fixed in filter/main.c (outputs_commit) and filter/audit.c (audit_ledger_undo): the ledger's
# size is remembered and it is truncated back (it is still locked) when anything after the
# append fails.
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
shim=$(pwd)/${BUILD:-build}/faultinject.so
[ -x "$T" ] && [ -f "$shim" ] || { echo "FAIL build tearline and the shim (make unit)"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
seed=samples/07MUSCAT1065.txt
strict_ledger=1
# shellcheck source=tests/lib/faults.sh
. tests/lib/faults.sh
faults_setup || { echo "FAIL cannot set up keys and a ledger"; exit 1; }
for scenario in o-audit stdout-audit; do
	sweep "$scenario" write ENOSPC
	sweep "$scenario" fsync EIO
	sweep "$scenario" rename EROFS
done
exit $fail
