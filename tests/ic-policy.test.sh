#!/bin/sh
# SPDX-License-Identifier: ISC
# One default reading covers cables, FOIA releases and IC documents (issue 12): over
# ../shared/corpus/ic-ocr/, at each target both policies accept, the default policy keeps every
# line policies/us-intel.yaml keeps (it reads them at least as well) and withholds every line it
# withholds (it releases nothing more), line by line from `check --format json`.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
dir=../shared/corpus/ic-ocr
need_shared "$dir"
n=$(ls "$dir"/*.txt | wc -l)
for target in UNCLASSIFIED CONFIDENTIAL SECRET "TOP SECRET" "SECRET//NOFORN" \
    "TOP SECRET//SI/TK//NOFORN" "SECRET//REL TO USA, GBR" "TOP SECRET//SI//REL TO USA, AUS, CAN, GBR, NZL"; do
	"$T" check -r "$target" --format json "$dir"/*.txt > "$tmp/default.json" 2> /dev/null
	"$T" check -r "$target" -p policies/us-intel.yaml --format json "$dir"/*.txt \
	    > "$tmp/intel.json" 2> /dev/null
	if python3 tests/lib/decisions.py "$tmp/default.json" "$tmp/intel.json" > "$tmp/diff"; then
		ok "$n IC documents at $target: the default policy keeps and withholds what us-intel does"
	else
		bad "$n IC documents at $target: the default policy and us-intel differ"
		head -n 5 "$tmp/diff" | sed 's/^/     /'
	fi
done
exit $fail
