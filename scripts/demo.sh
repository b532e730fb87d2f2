#!/bin/sh
# SPDX-License-Identifier: ISC
# make demo: releases the seed cable to the public with a signed audit, then verifies the audit,
# the release, the original and the ledger. Everything it writes goes under build/demo/.
set -eu
cd "$(dirname "$0")/.."
T=./tearline
doc=samples/07MUSCAT1065.txt
[ -f "$doc" ] || doc=../shared/seed/07MUSCAT1065.txt
d=build/demo
rm -rf "$d"
mkdir -p "$d"

step() {
	printf '\n$ %s\n' "$*"
	"$@"
}

step $T keygen --secret-key $d/office.key --public-key $d/office.pub
step $T keygen --auditor --secret-key $d/auditor.key --public-key $d/auditor.pub
step $T redact --release UNCLASSIFIED --output $d/release.txt --audit $d/audit.jsonl \
	--secret-key $d/office.key --auditor-key $d/auditor.pub --ledger $d/ledger.jsonl "$doc"
printf '\nThe audit (%s records; long values cut at 40 characters):\n' "$(wc -l < $d/audit.jsonl)"
sed -e 's/\("[a-z_]*":"[^"]\{40\}\)[^"]*"/\1..."/g' $d/audit.jsonl | sed -n '1,3p;$p'
step $T verify --audit $d/audit.jsonl --public-key $d/office.pub --output $d/release.txt \
	--original "$doc" --auditor-secret-key $d/auditor.key
step $T verify --ledger $d/ledger.jsonl --public-key $d/office.pub
printf '\nA release with one byte changed does not verify (exit 1):\n'
sed 's/UNCLAS/UNCLAZ/' $d/release.txt > $d/changed.txt
printf '$ %s\n' "$T verify --audit $d/audit.jsonl --public-key $d/office.pub --output $d/changed.txt"
if $T verify --audit $d/audit.jsonl --public-key $d/office.pub --output $d/changed.txt; then
	echo "demo: a changed release verified" >&2
	exit 1
fi
printf '\nThe files are in %s/.\n' "$d"
