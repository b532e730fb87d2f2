#!/bin/sh
# SPDX-License-Identifier: ISC
# Retention (issue 12): each reading rule that lets a line the author marked at or below the
# target go out, tested on shapes written the way real cables are, beside the neighbours it must
# not release; and the ambiguous shapes that stay withheld whatever the rules above read. The
# documents of ../shared/retention/ are the golden cases tests/cases/retention-*.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
# shellcheck source=tests/lib/adversarial.sh
. tests/lib/adversarial.sh

# 1. A group inside a sentence is prose, not a mark: an office symbol or a party and state
#    between a word and lower case, a reference code after a word, a capital after a number in a
#    citation. The (C) paragraph goes out at CONFIDENTIAL; nothing of it at UNCLASSIFIED.
inside='CONFIDENTIAL\n\n1. (C) The envoy for ferry safety %b the harbour master on Friday.\n\n2. (U) The gannet count was normal.\n'
variants in-sentence CONFIDENTIAL '' 'harbour master|gannet' "$inside" \
    '(S/GC) met' '(S/CT) and' '(S/SEMEP) met' '(R-TN) and' '(D-OR), with' \
    'under section 4 (C) of' 'in para. 12 (S) of' 'code (C-AB1-01234) and' 'code (S-RE9-02730), then' \
    '(C-130) landing near'
variants in-sentence-public UNCLASSIFIED 'harbour master|envoy' 'gannet' "$inside" \
    '(S/GC) met' '(R-TN) and' 'code (C-AB1-01234) and'
# In a subject, and at the head of a wrapped line, as in mid-line.
printf 'CONFIDENTIAL\n\nSUBJECT: (U) THANKS FOR HARBOUR REPORTING (C-AB1-01234)\n\n1. (C) The walrus detail.\n\n2. (U) The delegation (Sen. Jane Roe (D-OR), Sen. John Doe\n(R-TN) and staff) toured the terminal.\n' > "$tmp/subject"
adv in-sentence-subject UNCLASSIFIED "$tmp/subject" 'walrus' 'HARBOUR REPORTING|and staff) toured'

# Neighbours: where a mark may begin a sentence (after a sentence's end, before a capital, at a
# paragraph's head, after a blank line) the same groups are marks, and a group with a double
# slash, a proven mark, or other punctuation is never prose.
beside='CONFIDENTIAL\n\n1. (C) The envoy met the master%b walrus detail follows.\n\n2. (U) The gannet count was normal.\n'
variants in-sentence-neighbour CONFIDENTIAL 'walrus' 'gannet' "$beside" \
    '. (S/GCX) The' '. (S/NE) The' ' (S/NE) The' ' (S//NF) the' ' (S/NF) the' ' (S//GC) the' \
    ' (S/GX) the' ' (S/OC) the' ' (S/NOFRN) the' ' (S/NP) the' ' (S-NE) the' ' (T-S) the' \
    ' (R-TK) the' ' (R-XQ) the' ' (S/ORCN) the' ', (S/NFF) the' ' (S/GCX) met' \
    ' (S/WNINTEL) and' ' (S/FVEY) the' ' (S/NFRN) the' ' (S/NORFON) the' \
    ' (TS-XX) the' '. (S-AB1-01234) The' ' (S-AB1-01234) The' ' (S/G.C) the' ' (S/GC2) the' \
    ' 4 (S) The' '. (R-TN) The' ' (TS/GC) The' ' 4 (S) the' ' in June 2009 (S) the' \
    ' in June 12 (S) the' ' section 4 (S) "the'
headed='CONFIDENTIAL\n\n1. (U) The puffin count was normal.\n\n%b walrus detail follows.\n\n2. (U) The gannet count was normal.\n'
variants in-sentence-head CONFIDENTIAL 'walrus' 'puffin|gannet' "$headed" \
    '(S/GC) the' '(S-AB1-01234) the' '(R-TN) and the' '2. (S/GC) the' '- (S-130) the'
# After a blank line, a group that opened a wrapped line may begin a paragraph.
printf 'CONFIDENTIAL\n\n1. (U) The delegation met Sen. John Doe\n\n(S/GC) and the walrus detail follows.\n' > "$tmp/blank"
adv in-sentence-after-blank CONFIDENTIAL "$tmp/blank" 'walrus' 'Sen. John Doe'

# 2. "(C - ENTIRE TEXT)": an old cable's mark for the whole text. The unmarked text under it is
#    at the mark joined with the banner, never lower than either.
old='R 010101Z MAR 79\nFM AMEMBASSY PORTVILLE\nTO SECSTATE WASHDC 0001\n\n%b\n\nE.O. 12065: GDS 01/01/85\nTAGS: PINT XX\nSUBJECT: HARBOUR BOARD ELECTION\n\n%b\n\n1. THE WALRUS BOARD ELECTED A NEW CHAIRMAN.\n\n2. THE VOTE WAS CLOSE.\n'
# two NAME TEMPLATE A B RELEASE WITHHELD KEPT: adv on TEMPLATE (two %b) filled with A and B.
two() {
	# shellcheck disable=SC2059
	printf "$2" "$3" "$4" > "$tmp/two"
	adv "$1 [$3 / $4]" "$5" "$tmp/two" "$6" "$7"
}
entire() { two entire-text "$old" "$@"; }
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(C - ENTIRE TEXT)' CONFIDENTIAL '' 'WALRUS BOARD|VOTE WAS CLOSE|HARBOUR BOARD'
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(C-ENTIRE TEXT)' CONFIDENTIAL '' 'WALRUS BOARD'
entire 'C O N F I D E N T I A L PORTVILLE 000129' '1. (C - ENTIRE TEXT)' CONFIDENTIAL '' 'WALRUS BOARD'
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(C - ENTIRE TEXT)' UNCLASSIFIED 'WALRUS|VOTE|HARBOUR BOARD' ''
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(S - ENTIRE TEXT)' CONFIDENTIAL 'WALRUS|VOTE|HARBOUR BOARD' ''
entire 'S E C R E T PORTVILLE 000129' '(C - ENTIRE TEXT)' CONFIDENTIAL 'WALRUS|VOTE|HARBOUR BOARD' ''
entire 'UNCLAS PORTVILLE 000129' '(C - ENTIRE TEXT)' UNCLASSIFIED 'WALRUS|VOTE' ''
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(C/XQ - ENTIRE TEXT)' CONFIDENTIAL 'WALRUS|VOTE' ''
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(C - ENTIRE TEXT' CONFIDENTIAL 'WALRUS|VOTE' ''
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(ENTIRE TEXT)' CONFIDENTIAL '' 'WALRUS BOARD'
entire 'C O N F I D E N T I A L PORTVILLE 000129' '(ENTIRE TEXT)' UNCLASSIFIED 'WALRUS|VOTE' ''

# 3. A country written out in a REL TO list is its code; a name of two countries is none.
rel='CONFIDENTIAL\n\n1. %b The walrus plan was shared.\n\n2. (U) The gannet count was normal.\n'
variants rel-name CONFIDENTIAL '' 'walrus|gannet' "$rel" \
    '(C/REL GERMANY)' '(C//REL TO USA, GERMANY)' '(C//REL TO USA, NEW ZEALAND)' '(C/REL JAPAN)' \
    '(C//REL TO USA, United Kingdom)'
variants rel-name-partner "CONFIDENTIAL//REL TO USA, DEU" '' 'walrus|gannet' "$rel" \
    '(C/REL GERMANY)' '(C//REL TO USA, GERMANY, JAPAN)'
variants rel-name-not-partner "CONFIDENTIAL//REL TO USA, DEU" 'walrus' 'gannet' "$rel" \
    '(C/REL JAPAN)' '(C//REL TO USA, KOREA)' '(C//REL TO USA, CONGO)' '(C//REL TO USA, GERMANIA)' \
    '(C//REL TO USA, NEW ZEALAND)'
variants rel-name-unknown CONFIDENTIAL 'walrus' 'gannet' "$rel" \
    '(C//REL TO USA, KOREA)' '(C/REL NEW ZEALAND AND GERMANY)' '(C//REL TO USA, GERMANIA)'

# 4. A subject parted from an unmarked line above it by the E.O. and TAGS lines is the header's:
#    its own mark stands. Right below unmarked text, it is joined and can only raise.
printf 'S E C R E T SECTION 01 OF 01 PORTVILLE 000125\n\nSTATE FOR OFFICE OF WALRUS PLANNING\nE.O. 12958: DECL: 01/01/2030\nTAGS: PREL ECON\nSUBJECT: (U) VISIT OF THE FERRY DELEGATION\n\n1. (U) The puffin delegation will arrive.\n' > "$tmp/subj"
adv subject-after-structure UNCLASSIFIED "$tmp/subj" 'WALRUS' 'VISIT OF THE FERRY|puffin'
printf 'S E C R E T SECTION 01 OF 01 PORTVILLE 000125\n\nSTATE FOR OFFICE OF WALRUS PLANNING\nSUBJECT: (U) VISIT OF THE ZEBRA DELEGATION\n\n1. (U) The puffin delegation will arrive.\n' > "$tmp/subj2"
adv subject-after-text UNCLASSIFIED "$tmp/subj2" 'WALRUS|ZEBRA' 'puffin'

# 5. Ambiguous shapes, withheld below the banner whatever the rules above read: an unmarked REF
#    block, subject continuation and trailer; an unmarked numbered paragraph; a mark with no level
#    or no closing parenthesis; two paragraphs on one line with a higher mark in mid-line.
printf 'S E C R E T SECTION 01 OF 01 PORTVILLE 000140\n\nE.O. 12958: DECL: 01/01/2030\nTAGS: PREL ECON\nSUBJECT: (U) FERRY TALKS: THE WALRUS\nCONTINUATION OF THE SUBJECT\n\nREF: A. STATE 12345 ZEBRA\n     B. PORTVILLE 0099\n\n1. (U) The puffin count was normal.\n\n2. The narwhal plan is unmarked.\n\n3. (C XXXX The okapi detail.\n\n4. (/Rel UK) The quokka detail.\n\n5. (U) The gannet count. (S) The kiwi source said so.\n\nROE\n' > "$tmp/ambiguous"
adv ambiguous-shapes UNCLASSIFIED "$tmp/ambiguous" 'CONTINUATION|ZEBRA|PORTVILLE 0099|narwhal|okapi|quokka|kiwi|ROE' 'puffin'
adv ambiguous-shapes-c CONFIDENTIAL "$tmp/ambiguous" 'CONTINUATION|ZEBRA|narwhal|okapi|quokka|kiwi|ROE' 'puffin'

# 6. The older declassification schedules are the declassification line, not text.
printf 'C O N F I D E N T I A L PORTVILLE 000129\n\nE.O. 12065: GDS 01/01/85\nTAGS: PINT XX\nSUBJECT: (U) FERRIES\n\n1. (U) The puffin count.\n' > "$tmp/gds"
adv declass-gds UNCLASSIFIED "$tmp/gds" '' 'E.O. 12065: N/A|puffin'
printf 'C O N F I D E N T I A L PORTVILLE 000129\n\nE.O. 12065: RDS-3 05/09/99 (WALRUS, JOHN) OR-M\nTAGS: PINT XX\nSUBJECT: (U) FERRIES\n\n1. (U) The puffin count.\n' > "$tmp/rds"
adv declass-rds-words UNCLASSIFIED "$tmp/rds" 'WALRUS' 'puffin'

# 7. A text a marked paragraph announces ("... as delivered:", "BEGIN TEXT") and a line closes
#    ("Thank you.", "END TEXT") is that paragraph's, under its mark. With no closing line, a mark
#    or a numbered paragraph inside, the lines after the colon are unmarked text as before.
said='S E C R E T SECTION 01 OF 01 PORTVILLE 000150\n\nE.O. 12958: DECL: 01/01/2030\nTAGS: PREL\nSUBJECT: (U) STATEMENT\n\n1. (S) The walrus envoy met the board.\n\n2. %b\n\nMadame Chair,\n\n     The puffin stocks are of serious concern to all members.\n\n%b\n\n3. (U) The gannet count was normal.\n'
announced() { two announced-text "$said" "$@"; }
announced '(U) Below is the text of the statement as delivered:' 'Thank you.' UNCLASSIFIED 'walrus' 'puffin stocks|Madame Chair|gannet'
announced '(U) BEGIN TEXT:' 'END TEXT.' UNCLASSIFIED 'walrus' 'puffin stocks|gannet'
announced '(U) The text follows:' 'Thank you, Madame Chair.' UNCLASSIFIED 'walrus' 'puffin stocks|gannet'
announced '(C) Below is the text as delivered:' 'Thank you.' UNCLASSIFIED 'walrus|puffin|Madame' 'gannet'
announced '(C) Below is the text as delivered:' 'Thank you.' CONFIDENTIAL 'walrus' 'puffin stocks|gannet'
announced '(U) Below is the text as delivered:' 'The source doubts it.' UNCLASSIFIED 'walrus|puffin|Madame|source doubts' 'gannet'
announced '(U) Below is the text as delivered:' '(S) The source doubts it. Thank you.' UNCLASSIFIED 'walrus|puffin|Madame|source doubts' 'gannet'
announced '(U) Below is the text as delivered:' 'SECRET\n\nThank you.' UNCLASSIFIED 'walrus|puffin|Madame' 'gannet'
announced '(U) Below is the text as delivered:' '4. The source doubts it.\n\nThank you.' UNCLASSIFIED 'walrus|puffin|Madame|source doubts' 'gannet'
announced '(U) Below is the text as delivered' 'Thank you.' UNCLASSIFIED 'walrus|puffin|Madame' 'gannet'
announced '(XQ) Below is the text as delivered:' 'Thank you.' SECRET 'puffin|Madame' 'walrus|gannet'
announced 'Below is the text as delivered:' 'Thank you.' UNCLASSIFIED 'walrus|puffin|Madame' 'gannet'

# 8. An exemption code in a margin at a line's end ("1.4(D)", "B1") ends no sentence; nor does a
#    semicolon at the end of a wide line. A mark at a line's end does, and a short line ending in
#    a semicolon is not wrapped.
margin='UNCLASSIFIED\n\n(U) The minister described the situation for participants and explained that the %b\nwalrus route is closed for the winter, and the puffin count is low this year.\n\n(U) The gannet count was normal.\n'
variants margin-code UNCLASSIFIED '' 'walrus|puffin|gannet' "$margin" \
    'ferry    1.4(D)' 'ferry       B1' 'ferry    1.4(B),1.4(D)' 'ferry    (b)(1)'
variants margin-mark UNCLASSIFIED 'walrus' 'gannet' "$margin" 'ferry    (S)' 'ferry (C)' 'ferry (S//NF)'
printf 'UNCLASSIFIED\n\n(U) The minister described the situation for all of the participants and said that the talks will continue;\nGOI responsibility for the puffin count was noted.\n\n(U) The gannet count.\n' > "$tmp/semi"
adv semicolon-wide UNCLASSIFIED "$tmp/semi" '' 'GOI responsibility|gannet'
printf 'SECRET\n\n(U) The talks will continue;\nWalrus detail is here.\n\n(U) The gannet count.\n' > "$tmp/semi2"
adv semicolon-short UNCLASSIFIED "$tmp/semi2" 'Walrus' 'talks will continue|gannet'

# 9. A line that ends in a date with slashes ("Run Date: 07/07/2004") ends no sentence that
#    wraps: a proven mark and a capital on the next line begin a paragraph. With lower case
#    after the mark, or no mark, the line goes on.
printf 'SECRET\n\n(U) FROM: the Walrus Division Run Date: 07/07/2004\n(U) In mid June the puffin count rose.\n\n(U) The gannet count.\n' > "$tmp/date"
adv date-field UNCLASSIFIED "$tmp/date" '' 'In mid June|gannet'
printf 'SECRET\n\n(S) The walrus ships will sail on 07/07/2004\n(U) In mid June the puffin count rose.\n' > "$tmp/date2"
adv date-field-after-s UNCLASSIFIED "$tmp/date2" 'walrus' 'In mid June'
printf 'SECRET\n\n(U) The ships will sail on 07/07/2004\n(S) and the walrus escorts follow.\n\n(U) The gannet count.\n' > "$tmp/date3"
adv date-field-lower UNCLASSIFIED "$tmp/date3" 'walrus|ships will sail' 'gannet'

# 10. A mark at the end of a line after text marks the text before it, back to a blank line and
#     no further: the paragraphs before the blank line keep their own marks.
printf 'SECRET\n\n(U) The puffin count was normal.\n\n(U) The gannet count.\n\n(U) The walrus delegation,\nthe source says, will walk out. (S)\n' > "$tmp/trail"
adv trailing-mark UNCLASSIFIED "$tmp/trail" 'walrus' 'puffin|gannet'

exit $fail
