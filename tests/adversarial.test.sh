#!/bin/sh
# SPDX-License-Identifier: ISC
# Adversarial documents: each is built to tempt the filter into releasing text it must withhold,
# and each asserts, in mask, strip and blackout mode, that named secret words never reach the
# output, and that the releasable words do. Cases that fail today live in tests/pending/.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
# shellcheck source=tests/lib/adversarial.sh
. tests/lib/adversarial.sh

# A hard-wrapped (S) paragraph whose continuation line starts with "(C) of the act": the
# mark is text that wrapped, so the rest of the sentence stays SECRET.
printf 'SECRET\n\n1. (S) The minister said the plan under section 4\n(C) of the act allows walrus transfers to the\nnorthern depot.\n\n2. (U) The weather was fine.\n' > "$tmp/wrap-c"
adv hardwrap-c-of-the-act CONFIDENTIAL "$tmp/wrap-c" 'walrus|northern depot|minister said' 'weather was fine'
adv hardwrap-c-of-the-act UNCLASSIFIED "$tmp/wrap-c" 'walrus|northern depot|minister said|SECRET' 'weather was fine'

# The same with "(U) and more".
printf 'SECRET\n\n1. (S) The envoy listed the zebra codes, the cipher keys\n(U) and more material that the quartermaster\nstored in vault seven.\n\n2. (U) The weather was fine.\n' > "$tmp/wrap-u"
adv hardwrap-u-and-more UNCLASSIFIED "$tmp/wrap-u" 'zebra|quartermaster|vault seven|cipher' 'weather was fine'
adv hardwrap-u-and-more CONFIDENTIAL "$tmp/wrap-u" 'zebra|quartermaster|vault seven|cipher' 'weather was fine'

# A wrapped continuation after a page header that cuts the paragraph mid-sentence.
printf 'SECRET\n\n1. (S) The walrus convoy will sail from the\nMUSCAT 00001065 002 OF 004\n(U) and more zebra escorts follow it.\n\n2. (U) The weather was fine.\n' > "$tmp/wrap-page"
adv hardwrap-across-page-header UNCLASSIFIED "$tmp/wrap-page" 'walrus|zebra|002 OF 004' 'weather was fine'

# A mark inside prose is not a portion mark.
printf 'SECRET\n\n1. (S) Under section 4 (C) of the act the walrus moves north.\n\n2. (C) The puffin count was normal.\n' > "$tmp/prose"
adv mark-in-prose CONFIDENTIAL "$tmp/prose" 'walrus|section 4' 'puffin count'

# Office symbols that look like marks at the start of a line: never releasable.
printf 'SECRET\n\n1. (S) The walrus plan was shown to the office.\n(U/S) Burns asked about the zebra convoy.\n(S/WCI) staff reviewed the narwhal budget.\n\n2. (U) The weather was fine.\n' > "$tmp/office"
adv office-symbols UNCLASSIFIED "$tmp/office" 'walrus|zebra|narwhal|Burns' 'weather was fine'
adv office-symbols "TOP SECRET" "$tmp/office" 'zebra|narwhal|Burns' 'walrus plan|weather was fine'

# REL TO lists that prove nothing about a foreign target: an unknown-membership group, an unknown
# token, a bare REL.
printf 'SECRET//REL TO USA, GBR\n\n1. (S//REL TO USA, ISAF) The isaf walrus route.\n2. (S//REL TO USA, XYZQ) The mystery zebra route.\n3. (S//REL) The bare narwhal route.\n4. (S//REL TO USA, GBR) The british puffin route.\n5. (C//REL NATO) The allied gannet route.\n' > "$tmp/rel"
adv rel-unknown-group "SECRET//REL TO USA, GBR" "$tmp/rel" 'walrus|zebra|narwhal' 'puffin|gannet'
adv rel-unknown-group "SECRET//REL TO USA, FRA" "$tmp/rel" 'walrus|zebra|narwhal|puffin' 'gannet'
adv rel-unknown-group "SECRET//REL TO USA, FVEY" "$tmp/rel" 'walrus|zebra|narwhal|puffin|gannet'

# A NOFORN caption covers a paragraph that says REL TO.
printf 'SECRET\nNOFORN\n\n1. (S//REL TO USA, GBR) The caption walrus plan.\n2. (U) The weather was fine.\n' > "$tmp/caption"
adv noforn-caption-rel "SECRET//REL TO USA, GBR" "$tmp/caption" 'walrus|NOFORN' 'weather was fine'
adv noforn-caption-rel "SECRET//NOFORN" "$tmp/caption" '' 'walrus|weather was fine|NOFORN'

# NOFORN and handling controls at foreign and public targets.
printf 'SECRET//NOFORN\n\n1. (S//NF) The walrus source.\n2. (SBU) The zebra venue.\n3. (U//FOUO) The narwhal roster.\n4. (C/NOFORN) The puffin note.\n5. (U) The weather was fine.\n' > "$tmp/controls"
adv controls-foreign "SECRET//REL TO USA, GBR" "$tmp/controls" 'walrus|zebra|narwhal|puffin|NOFORN' 'weather was fine'
adv controls-public UNCLASSIFIED "$tmp/controls" 'walrus|zebra|narwhal|puffin|NOFORN|SECRET' 'weather was fine'
adv controls-us CONFIDENTIAL "$tmp/controls" 'walrus' 'zebra|narwhal|puffin|weather was fine'

# A banner lower than a portion: unmarked text takes the higher marking.
printf 'CONFIDENTIAL\n\nThe unmarked walrus summary.\n\n1. (S) The secret zebra detail.\n2. (C) The confidential puffin detail.\n' > "$tmp/lowbanner"
adv banner-lower-than-portion CONFIDENTIAL "$tmp/lowbanner" 'walrus|zebra' 'puffin'

# Two banners that disagree: an unclassified cover note, then a SECRET attachment whose text is
# unmarked. The first banner must not lower the second: unmarked text takes the higher.
printf 'UNCLASSIFIED\n\nThe unmarked walrus cover note.\n\nSECRET\n\nThe attached zebra plan.\n' > "$tmp/twobanners"
adv banners-disagree UNCLASSIFIED "$tmp/twobanners" 'walrus|zebra|SECRET'
adv banners-disagree CONFIDENTIAL "$tmp/twobanners" 'walrus|zebra|SECRET'
adv banners-disagree SECRET "$tmp/twobanners" '' 'walrus|zebra'
printf 'UNCLASSIFIED\n\n1. (U) The cover puffin note.\n\nSECRET\n\nThe attached zebra plan.\n\nUNCLASSIFIED\n' > "$tmp/cover"
adv banners-cover-note UNCLASSIFIED "$tmp/cover" 'zebra|SECRET' 'puffin'

# A mark in mid-line in the first unmarked text of a SECRET document: the text is unmarked, taken
# as SECRET, and the mark can only raise it (a lower one must not stand for the paragraph).
printf 'SECRET\n\nThe walrus plan says (U) the zebra route is open.\n\n1. (S) The narwhal detail.\n\n2. (U) The puffin count.\n' > "$tmp/midline-first"
adv midline-mark-first-text UNCLASSIFIED "$tmp/midline-first" 'walrus|zebra|narwhal' 'puffin'
adv midline-mark-first-text SECRET "$tmp/midline-first" '' 'walrus|zebra|narwhal|puffin'
printf 'The walrus plan, per the memo (U), is open.\n\n1. (U) The puffin count.\n' > "$tmp/midline-nobanner"
adv midline-mark-no-banner "TOP SECRET" "$tmp/midline-nobanner" 'walrus' 'puffin'

# The page header of a State FOIA release is the document's banner only at the top, only whole,
# and only for its own level; it never lowers a mark or a later banner.
foia='UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05767364 Date: 08/31/2015'
printf '      %s\n\nThe walrus memo.\n\n(S) The zebra detail.\n\n(U) The puffin note.\n' "$foia" > "$tmp/foia-s"
adv foia-header-with-secret-portion UNCLASSIFIED "$tmp/foia-s" 'walrus|zebra' "puffin|$foia"
printf 'The walrus memo begins here.\n      %s\n\nThe zebra memo.\n' "$foia" > "$tmp/foia-late"
adv foia-header-not-at-top "TOP SECRET" "$tmp/foia-late" 'walrus|zebra'
printf '      %s walrus\n\nThe zebra memo.\n' "$foia" > "$tmp/foia-more"
adv foia-header-with-more-words "TOP SECRET" "$tmp/foia-more" 'walrus|zebra'
printf '      SECRET U.S. Department of State Case No. F-2014-1 Doc No. C1 Date: 08/31/2015\n\nThe walrus memo.\n' > "$tmp/foia-secret"
adv foia-header-secret CONFIDENTIAL "$tmp/foia-secret" 'walrus'
adv foia-header-secret SECRET "$tmp/foia-secret" '' 'walrus'
printf '      %s\n\nThe puffin memo.\n\nSECRET\n\nThe zebra annex.\n' "$foia" > "$tmp/foia-annex"
adv foia-header-then-secret-banner UNCLASSIFIED "$tmp/foia-annex" 'puffin|zebra'
printf '      %s\n\nThe puffin memo, released in part.\n' "$foia" > "$tmp/foia-u"
adv foia-header-unmarked UNCLASSIFIED "$tmp/foia-u" '' "puffin memo|$foia"

# Lines of capitals before the banner are a routing header (kept as structure) only when each is
# the shape of a routing line: a title, a sentence after TO, or a word and a slash are not.
printf 'THE WALRUS CODES ARE 1234\nSECRET\n\n1. (S) The zebra detail.\n2. (U) The puffin count.\n' > "$tmp/route-title"
adv routing-title-before-banner UNCLASSIFIED "$tmp/route-title" 'WALRUS|zebra' 'puffin'
printf 'VZCZCXYZ0000\nTO THE MINISTER: WALRUS CODES 1234\nSECRET\n\n1. (U) The puffin count.\n' > "$tmp/route-to"
adv routing-to-sentence UNCLASSIFIED "$tmp/route-to" 'WALRUS|MINISTER' 'puffin'
printf 'VZCZCXYZ0000\nSECRET/NOFORN WALRUS ROUTE\nSECRET\n\n1. (U) The puffin count.\n' > "$tmp/route-slash"
adv routing-word-slash UNCLASSIFIED "$tmp/route-slash" 'WALRUS' 'puffin'
printf 'VZCZCXYZ0000\nPP RUEHWEB\nDE RUEHBO #1232/01 0522331\nZNY CCCCC ZZH\nP 212331Z FEB 07\nFM AMEMBASSY BOGOTA\nTO RUEHC/SECSTATE WASHDC PRIORITY 2866\nINFO RUEHCV/AMEMBASSY CARACAS 8714\nCIA WASHDC PRIORITY\nC O N F I D E N T I A L BOGOTA 001232\n\n1. (C) The zebra detail.\n2. (U) The puffin count.\n' > "$tmp/route-real"
adv routing-real-header UNCLASSIFIED "$tmp/route-real" 'zebra|CCCCC|C O N F' 'puffin|FM AMEMBASSY BOGOTA|CIA WASHDC PRIORITY|ZNR UUUUU'

# A misspelt mark at the head of a paragraph is a mark of an unknown token, withheld everywhere,
# not text that continues the paragraph before it.
printf 'SECRET\n\n1. (U) The puffin count.\n\n2. (S,NF) The walrus detail.\n\n3. (U) The gannet count.\n\n(S1) The zebra detail.\n\n(TS|SCI) The narwhal detail.\n' > "$tmp/misspelt"
adv misspelt-marks UNCLASSIFIED "$tmp/misspelt" 'walrus|zebra|narwhal' 'puffin|gannet'
adv misspelt-marks "TOP SECRET" "$tmp/misspelt" 'walrus|zebra|narwhal' 'puffin|gannet'
# So is a mark that lost its closing parenthesis; a mark in lower case is read as the mark it
# spells ("(s//nf)" is S//NF). A lone "(c)" at the head of a paragraph may be a lower-case mark: it
# raises the text to CONFIDENTIAL; so does "(c)" after "(a)" and "(b)", as a list item can only
# raise the text it is in.
printf 'SECRET\n\n1. (U) The puffin count.\n\n(s//nf) The walrus detail.\n\n3. (U) The gannet count.\n\n4. (S//NF The zebra detail.\n\n5. (U) The tern count.\n\n(C//REL TO USA, GBR The narwhal detail.\n\n6. (U) The auk count:\n\n(c) the skua count.\n\n7. (U) The loon count:\n\n(a) the first;\n\n(b) the second;\n\n(c) the grebe count.\n' > "$tmp/misspelt2"
adv misspelt-case-and-paren UNCLASSIFIED "$tmp/misspelt2" 'walrus|zebra|narwhal|skua|grebe' 'puffin|gannet|tern|auk|loon'
adv misspelt-case-and-paren CONFIDENTIAL "$tmp/misspelt2" 'walrus|zebra|narwhal' 'puffin|gannet|tern|auk|skua|loon|grebe'
adv misspelt-case-and-paren "TOP SECRET" "$tmp/misspelt2" 'zebra|narwhal' 'walrus|puffin|gannet|tern|auk|skua|loon|grebe'
# A mark in lower case is no word: where a sentence wraps onto it, it joins and raises.
printf 'SECRET\n\n1. (U) The puffin count rose in the\n(s//nf) walrus sector, near the zebra\nbase.\n' > "$tmp/lower-wrap"
adv lower-case-mark-in-sentence UNCLASSIFIED "$tmp/lower-wrap" 'walrus|zebra'
adv lower-case-mark-in-sentence CONFIDENTIAL "$tmp/lower-wrap" 'walrus|zebra'
adv lower-case-mark-in-sentence "SECRET//REL TO USA, GBR" "$tmp/lower-wrap" 'walrus|zebra'
adv lower-case-mark-in-sentence "TOP SECRET" "$tmp/lower-wrap" '' 'walrus|zebra'
# ...and so is an abbreviation in parentheses at the head of a paragraph.
printf 'UNCLASSIFIED\n\n1. (U) The puffin count.\n\n(U.S. officials said the gannet\ncount rose.)\n' > "$tmp/abbrev"
adv abbreviation-at-head UNCLASSIFIED "$tmp/abbrev" '' 'puffin|gannet'
# ...but an acronym that a sentence wrapped onto the next line is text.
printf 'UNCLASSIFIED\n\n1. (U) The intruders install command-and-control\n(C&C) utilities on the puffin servers.\n' > "$tmp/wrapped-acronym"
adv wrapped-acronym UNCLASSIFIED "$tmp/wrapped-acronym" '' 'puffin servers'

# A numbered paragraph with no mark is a portion of its own, unmarked, taken at the document's
# marking; it does not go on with the (U) paragraph before it. A bullet does.
printf 'SECRET\n\n1. (U) The puffin count rose:\n\n-- in the north, by gannet;\n\n2. The walrus detail.\n\n¶3. The zebra detail.\n\nB) The narwhal detail.\n\n4. (U) The tern count.\n\niv) The skua detail.\n' > "$tmp/numbered"
adv numbered-unmarked UNCLASSIFIED "$tmp/numbered" 'walrus|zebra|narwhal|skua' 'puffin|gannet|tern'
adv numbered-unmarked SECRET "$tmp/numbered" '' 'walrus|zebra|narwhal|puffin|gannet|tern|skua'

# A mark with an unknown token in mid-line (an office symbol, or a mark this policy cannot read)
# does not make the text unknown, but its level raises it.
printf 'SECRET\n\n1. (U) The puffin count was given by (S//XYZ) the walrus source.\n\n2. (U) The gannet count.\n' > "$tmp/midline-unknown"
adv midline-unknown-mark UNCLASSIFIED "$tmp/midline-unknown" 'walrus' 'gannet'
adv midline-unknown-mark CONFIDENTIAL "$tmp/midline-unknown" 'walrus' 'gannet'
# ...but an office symbol the policy names is no mark there.
printf 'SECRET\n\n1. (U) The puffin count was given by (S/WCI) the gannet office.\n' > "$tmp/office-midline"
adv office-symbol-midline UNCLASSIFIED "$tmp/office-midline" '' 'puffin|gannet office'
# Every mark in a line counts, not only the first: "(U) (S)" in mid-line is SECRET from there.
printf 'SECRET\n\n1. (U) The puffin count rose, per (U) (S) the walrus source.\n\n2. (U) The gannet count.\n' > "$tmp/two-midline"
adv two-marks-midline UNCLASSIFIED "$tmp/two-midline" 'walrus' 'gannet'
# A lower-case "(s)" at the start of a wrapped line, or in a subject, raises: the wrapped
# line, and the sentence it goes on with (a mark in mid-sentence).
printf 'SECRET\n\nSUBJECT: (s) WALRUS ROUTES\n\n1. (U) The puffin count rose in the\n(s) zebra sector.\n\n2. (U) The gannet count.\n' > "$tmp/lower-s"
adv lower-case-s UNCLASSIFIED "$tmp/lower-s" 'WALRUS|zebra|puffin' 'gannet'
adv lower-case-s CONFIDENTIAL "$tmp/lower-s" 'WALRUS|zebra|puffin' 'gannet'

# A paragraph number in parentheses, and a number after a page's banner, open a paragraph too.
printf 'SECRET\n\n1. (U) The puffin count rose,\nSECRET\n\n(2) The walrus detail.\n\n3. (U) The gannet count,\nSECRET\n\niv) The zebra detail.\n' > "$tmp/numbered2"
adv numbered-in-parens UNCLASSIFIED "$tmp/numbered2" 'walrus|zebra' 'puffin|gannet'

# A title after the level, at the top, is not a cable's post and number (which a banner keeps).
printf 'SECRET OPERATION WALRUS 2024\n\n1. (S) The zebra detail.\n2. (U) The puffin count.\n' > "$tmp/title-banner"
adv title-on-banner-line UNCLASSIFIED "$tmp/title-banner" 'WALRUS|zebra' 'puffin'

# Unmarked text and no banner: nothing proves it releasable.
printf 'The unmarked walrus memo.\n\n1. (U) The public puffin note.\n' > "$tmp/nobanner"
adv unmarked-no-banner "TOP SECRET" "$tmp/nobanner" 'walrus' 'puffin'

# Neither banner nor marks: the whole document is withheld.
printf 'The walrus memo.\nThe zebra annex.\n' > "$tmp/neither"
adv no-banner-no-marks "TOP SECRET" "$tmp/neither" 'walrus|zebra'

# NUL bytes and invalid UTF-8 inside a secret paragraph.
printf 'SECRET\n\n1. (S) The wal\000rus plan \377\376 zebra\000 convoy and narwhal \300\200 escort.\n\n2. (U) The weather was fine.\n' > "$tmp/bytes"
adv nul-and-invalid-utf8 UNCLASSIFIED "$tmp/bytes" 'zebra|narwhal|convoy|escort|SECRET' 'weather was fine'

# A 1 MB single line: marked SECRET, and as an unmarked continuation of a SECRET paragraph.
# (A long line may hit a pattern's match limit: then tearline refuses, exit 2, printing nothing.)
words='walrus zebra narwhal walrus zebra narwhal walrus zebra narwhal walrus zebra narwhal '
words="$words$words$words$words$words$words$words$words"	# 672 bytes
long_line() {
	i=0
	while [ $i -lt 1561 ]; do	# 1561 * 672 = 1049 KB
		printf '%s' "$words"
		i=$((i + 1))
	done
}
{ printf 'SECRET\n\n1. (S) '; long_line; printf '\n\n2. (U) The weather was fine.\n'; } > "$tmp/long-marked"
adv one-megabyte-line-marked UNCLASSIFIED "$tmp/long-marked" 'walrus|zebra|narwhal' 'weather was fine'
{
	printf 'SECRET\n\n1. (S) The plan reads as follows and\n'
	long_line
	printf '\n\n2. (U) The weather was fine.\n'
} > "$tmp/long-cont"
adv one-megabyte-line-continued UNCLASSIFIED "$tmp/long-cont" 'walrus|zebra|narwhal|plan reads' '' '0 2'

# CR-only line ends.
printf 'SECRET\r\r1. (S) The walrus plan covers the\rnorthern zebra depot.\r\r2. (U) The weather was fine.\r' > "$tmp/cr"
adv cr-only-line-ends UNCLASSIFIED "$tmp/cr" 'walrus|zebra|SECRET' 'weather was fine|UNCLASSIFIED'

# A byte order mark before the banner: the banner still governs and is re-marked.
printf '\357\273\277SECRET\n\nThe unmarked walrus summary.\n\n1. (U) The weather was fine.\nSECRET\n' > "$tmp/bom"
adv bom-before-banner UNCLASSIFIED "$tmp/bom" 'walrus|SECRET' 'weather was fine|UNCLASSIFIED'

# Body lines that look like header lines, inside a SECRET paragraph.
printf 'SECRET\n\n1. (S) The walrus meeting notes follow\nSECRET MEETING 123456\nand the zebra attendees.\n\n2. (U) The weather was fine.\n' > "$tmp/bannerish"
adv banner-like-body-line UNCLASSIFIED "$tmp/bannerish" 'walrus|MEETING 123456|zebra|SECRET' 'weather was fine'
printf 'SECRET\n\nSUBJECT: (C) Quarterly review\n\n1. (S) The walrus review covered\nTAGS: PGOV ZEBRA\nClassified By: narwhal officer for reasons 1.4\nand the puffin budget.\n\n2. (C) The confidential gannet detail.\n' > "$tmp/headerish"
adv tags-and-authority-in-body CONFIDENTIAL "$tmp/headerish" 'walrus|ZEBRA|narwhal|puffin' 'gannet|Quarterly review'
printf 'SECRET\n\n1. (S) The walrus decision is recorded as\nE.O. 12958: DECL: 11/06/2017 ZEBRA\nin the narwhal file.\n\n2. (U) The weather was fine.\n' > "$tmp/eo"
adv eo-line-in-body UNCLASSIFIED "$tmp/eo" 'walrus|ZEBRA|DECL|11/06/2017|narwhal' 'weather was fine'
adv eo-line-in-body CONFIDENTIAL "$tmp/eo" 'walrus|ZEBRA|DECL|narwhal' 'weather was fine'

# The seed cable: nothing of its SECRET//NOFORN paragraphs, and no classified marking, in public.
adv seed-public UNCLASSIFIED samples/07MUSCAT1065.txt \
    'ATACMS|600-700|HIMARS|Shi'"'"'a|S E C R E T|SECRET|NOFORN|S/NF|(C)|Classified By|DECL:|Annapolis|REF: MUSCAT' \
    'This message has been cleared|UNCLAS SECTION 01 OF 04|ZNR UUUUU|E.O. 12958: N/A'
# The authority block belongs to the SECRET//NOFORN header, which a CONFIDENTIAL reader may not
# see: it goes too (its lines are free text).
adv seed-confidential CONFIDENTIAL samples/07MUSCAT1065.txt \
    'ATACMS|600-700|HIMARS|Shi'"'"'a|S E C R E T|SECRET|S/NF|ZNY SSSS|Classified By|REF: MUSCAT' \
    'Annapolis|C O N F I D E N T I A L SECTION 01|ZNY CCCCC|This message has been cleared'

exit $fail
