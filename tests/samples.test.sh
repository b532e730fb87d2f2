#!/bin/sh
# SPDX-License-Identifier: ISC
# Checks that tearline still writes exactly the releases kept in samples/ (see samples/README.md).
set -u
cd "$(dirname "$0")/.." || exit 2
T=${TEARLINE:-./tearline}
fail=0
check() {
	src=$1 target=$2 expected=$3
	if "$T" -q -r "$target" "samples/$src" | cmp -s - "samples/$expected"; then
		echo "ok   $expected"
	else
		echo "FAIL $expected differs from: tearline -r \"$target\" samples/$src"
		"$T" -q -r "$target" "samples/$src" | diff "samples/$expected" - | head -20
		fail=1
	fi
}
check 07MUSCAT1065.txt UNCLASSIFIED 07MUSCAT1065.U.txt
check 07MUSCAT1065.txt CONFIDENTIAL 07MUSCAT1065.C.txt
check 08BEIJING3067.txt UNCLASSIFIED 08BEIJING3067.U.txt
check 08BEIJING3067.txt "SECRET//REL TO USA, GBR" 08BEIJING3067.REL-GBR.txt
check 07BOGOTA1232.txt UNCLASSIFIED 07BOGOTA1232.U.txt
# The seed's public release keeps paragraph 19, the only (U) paragraph, and nothing marked above it.
grep -q '^¶119\. (U) This message has been cleared' samples/07MUSCAT1065.U.txt || { echo "FAIL ¶119 missing"; fail=1; }
if grep -Eq 'NOFORN|SECRET|S E C R E T|CONFIDENTIAL|\(S/NF\)|\(C\)|Classified By' samples/07MUSCAT1065.U.txt; then
	echo "FAIL the public release carries a marking above UNCLASSIFIED"; fail=1
fi
exit $fail
