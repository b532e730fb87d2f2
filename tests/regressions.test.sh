#!/bin/sh
# SPDX-License-Identifier: ISC
# Regressions: leaks the test suite once found in the filter, each fixed, each kept here in the
# form of tests/adversarial.test.sh (secret words that must never reach the output).
set -u
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0
# shellcheck source=tests/lib/adversarial.sh
. tests/lib/adversarial.sh

# 1. A mark after a label of an unexpected shape ("G - J)") is read as text of the portion before.
#    Real: tests/corpus/08RANGOON749.txt line 34 "G - J) (S//NF) Subject identified himself as ..."
#    is released at "SECRET//REL TO USA, GBR" inside the (S//REL to USA, ACGU) paragraph E).
printf 'SECRET//NOFORN\n(S//REL TO USA, GBR) Releasable text.\nG - J) (S//NF) The walrus source.\n' > "$tmp/label-range"
adv label-range-g-j "SECRET//REL TO USA, GBR" "$tmp/label-range" 'walrus' 'Releasable text'
adv corpus-08RANGOON749 "SECRET//REL TO USA, GBR" tests/corpus/08RANGOON749.txt 'Subject identified himself'

# 2. Lettered and roman labels in parentheses: "(a) (S)", "(A) (S)", "(i) (S)" are not portion
#    starts, so the SECRET sub-paragraph inherits the marking of the paragraph before it.
printf 'SECRET\n\n1. (U) Public text:\n(a) (S) The walrus source.\n(ii) (S) The zebra source.\n(B) (S) The narwhal source.\n' > "$tmp/letter-labels"
adv letter-labels UNCLASSIFIED "$tmp/letter-labels" 'walrus|zebra|narwhal' 'Public text'
printf 'SECRET\n\n1. (C) The embassy proposes three steps:\n\n(A) (S) Ask the walrus source for the zebra ledger.\n\n(B) (C) Brief the host government.\n' > "$tmp/letter-labels-c"
adv letter-labels CONFIDENTIAL "$tmp/letter-labels-c" 'walrus|zebra' 'host government'

# 3. The SUBJECT line's mark covers the unmarked text after it (to the first body mark), so a
#    (U) subject releases the unmarked body of a SECRET document.
printf 'SECRET\n\nSUBJECT: (U) Lunch\n\nThe walrus plan is secret.\n' > "$tmp/subject"
adv subject-mark-covers-body UNCLASSIFIED "$tmp/subject" 'walrus' 'Lunch'
printf 'SECRET\n\nThe walrus plan is secret.\nSUBJECT: (U) forwarded note\nThe zebra ledger is secret too.\n' > "$tmp/subject-body"
adv subject-line-in-unmarked-body UNCLASSIFIED "$tmp/subject-body" 'walrus|zebra'

# 4. A page break laid out as in the seed cable (blank line, page header, blank line) hides the
#    unfinished sentence before it: a label-less "(U)" after it starts a new UNCLASSIFIED portion.
printf 'SECRET\n\n1. (S) The walrus convoy will sail from the\n\nMUSCAT 00001065 002 OF 004\n\n(U) and more zebra escorts follow it.\n' > "$tmp/page-break"
adv continuation-across-page-break UNCLASSIFIED "$tmp/page-break" 'walrus|zebra'

# 5. Body lines shaped like banners are kept verbatim (re-marked): "UNCLAS <words> <number>" inside
#    a SECRET paragraph anywhere, and "SECRET <words> <number>" in a document with no portion marks.
printf 'SECRET\n\n1. (S) The walrus notes list\nUNCLAS ZEBRA HARBOUR 123456\nand more.\n' > "$tmp/banner-body"
adv banner-shaped-body-line UNCLASSIFIED "$tmp/banner-body" 'walrus|ZEBRA HARBOUR'
printf 'SECRET\n\nThe walrus plan.\nSECRET ZEBRA HARBOUR 123456\n' > "$tmp/banner-body-unmarked"
adv banner-shaped-line-unmarked-doc UNCLASSIFIED "$tmp/banner-body-unmarked" 'walrus|ZEBRA HARBOUR'

# 6. With a routing header and no banner before the body (none at all, or only at the end), the
#    routing rules apply to every body line: "TO ...", "INFO ...", "WORD/..." lines of a SECRET
#    paragraph are copied as routing.
printf 'VZCZCXRO1193\nFM AMEMBASSY MUSCAT\n\n1. (S) The walrus plan was handed over\nTO THE MINISTER WITH THE ZEBRA CODES.\nINFO ON THE NARWHAL DEPOT FOLLOWS.\n2. (U) The weather was fine.\n' > "$tmp/routing"
adv routing-rules-in-body UNCLASSIFIED "$tmp/routing" 'walrus|ZEBRA|NARWHAL'
printf 'VZCZCXRO1193\nFM AMEMBASSY MUSCAT\n\n1. (S) The walrus plan was handed over\nTO THE MINISTER WITH THE ZEBRA CODES.\n2. (U) The weather was fine.\nSECRET\n' > "$tmp/routing-end"
adv routing-rules-before-last-banner UNCLASSIFIED "$tmp/routing-end" 'walrus|ZEBRA'

# 7. A NOFORN caption with anything else on its line ("NOFORN SIPDIS", "NOFORN.") is not a caption
#    and its NOFORN is lost: a REL TO paragraph goes to the foreign target.
for caption in 'NOFORN SIPDIS' 'NOFORN.' 'SIPDIS NOFORN' 'NOFORN -- NOT RELEASABLE'; do
	printf 'SECRET\n%s\n\n1. (S//REL TO USA, GBR) The walrus plan.\n2. (U) Fine.\n' "$caption" > "$tmp/caption"
	adv "noforn-caption-\"$caption\"" "SECRET//REL TO USA, GBR" "$tmp/caption" 'walrus'
done

# 8. Header lines taken for the authority block are copied at a classified target even when the
#    text around them is withheld: "Reason 1.4 ..." with anything after it.
printf 'SECRET\nSUBJECT: Talks\n\nReason 1.4 (b): the walrus ledger names the zebra source.\n\n1. (C) Fine.\n' > "$tmp/authority"
adv authority-shaped-header-line CONFIDENTIAL "$tmp/authority" 'walrus|zebra' 'Fine'

# 9. A mark in mid-line on a line that starts a portion was not read: the whole line went out
#    under the (U) at its head. Found while writing the scheme policies.
printf 'SECRET//NOFORN\n1. (U) The service marked (S//NF) that the walrus fleet would sail.\n2. (U) Fine.\n' > "$tmp/midline"
adv midline-mark-on-portion-line UNCLASSIFIED "$tmp/midline" 'walrus' 'Fine'

# 10. A NOFORN caption under a banner at the lowest level did not reach the unmarked text, so a
#     foreign partner got it.
printf 'UNCLASSIFIED\nNOFORN\nSome walrus text for US eyes.\n' > "$tmp/u-noforn"
adv noforn-caption-unclassified-doc "UNCLASSIFIED//REL TO USA, GBR" "$tmp/u-noforn" 'walrus|NOFORN'

# 11. A caption that spells its controls among each other ("NOFORN SIPDIS") is re-written with
#     the controls still needed: SIPDIS stays, NOFORN goes from a public release.
printf 'SECRET\nNOFORN SIPDIS\n\n1. (U) Public walrus-free text.\n' > "$tmp/caption-words"
adv caption-words-rewritten UNCLASSIFIED "$tmp/caption-words" 'NOFORN' 'SIPDIS|Public'

exit $fail
