#!/bin/sh
# SPDX-License-Identifier: ISC
# Fail-closed reading: every shape that issue 11 found text leaking through, written the way real
# documents are, each asserting in mask, strip and blackout mode that the words after the shape
# never reach a release they may not, and that the releasable words do. Each of these documents
# leaked on the reader this project had before the reading rules of docs/reading.md (commit
# 08bba3b); run with TEARLINE=<that build> to see every one fail. Sections 11 and after were found
# by red-teaming that reading: 32 of their cases leak on f7c7776, and the others are neighbours
# of those, written so that a rule that fits one example only fails them.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
# shellcheck source=tests/lib/adversarial.sh
. tests/lib/adversarial.sh

# A (U) paragraph, then LINE, then text that the line says is classified, then a (U) paragraph.
around='UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n%b\nThe walrus source is in the capital.\n\n2. (U) The gannet count was normal.\n'
after() {
	# shellcheck disable=SC2059
	printf "$around" "$1" > "$tmp/doc"
}

# The documents of a red-team round, tests/data/DIR/*.txt: each line of DIR/targets names one, the
# target it is released to, the words ("|"-separated) that must not reach that release, and the
# policy when it is not the default.
redteam() {
	while IFS='|' read -r _doc _target _words _policy; do
		canary_in "$1" "$_doc" "$_words"
		ADV_ARGS=${_policy:+-p policies/$_policy.yaml}
		adv "$1-$_doc" "$_target" "tests/data/$1/$_doc" "$_words"
	done < "tests/data/$1/targets"
	ADV_ARGS=
}
# canary_in DIR DOC WORD: a target's or kept file's word that its document holds in another case
# fails (adv compares bytes: such a word could never be found, and the test would prove nothing).
canary_in() {
	if grep -F -q -i -e "$3" "tests/data/$1/$2" && ! grep -F -q -e "$3" "tests/data/$1/$2"; then
		echo "FAIL $1-$2: its word \"$3\" is in the document in another case"
		fail=1
	fi
}
# quiet DIR: no word listed for a document of tests/data/DIR/messages (FILE|TARGET|WORD|...|POLICY,
# the last field the policy or empty) reaches redact -v's messages or check's reports.
quiet() {
	while IFS= read -r _line; do
		_doc=${_line%%|*} _rest=${_line#*|}
		_target=${_rest%%|*} _rest=${_rest#*|}
		_policy=${_rest##*|} _words=${_rest%|*}
		ADV_ARGS=${_policy:+-p policies/$_policy.yaml}
		: > "$tmp/quiet.out"
		# shellcheck disable=SC2086
		"$T" redact $ADV_ARGS -v -r "$_target" "tests/data/$1/$_doc" 2>> "$tmp/quiet.out" \
		    > /dev/null
		for _format in text json sarif; do
			# shellcheck disable=SC2086
			"$T" check $ADV_ARGS -r "$_target" --format "$_format" --notes \
			    "tests/data/$1/$_doc" >> "$tmp/quiet.out" 2>&1
		done
		_why=
		_old_ifs=$IFS
		IFS='|'
		for _w in $_words; do
			grep -F -q -i -e "$_w" "$tmp/quiet.out" && _why="$_why \"$_w\""
		done
		IFS=$_old_ifs
		if [ -n "$_why" ]; then
			bad "$1-messages-$_doc ($_target): messages quote$_why"
		else
			ok "$1-messages-$_doc ($_target): no message quotes its withheld words"
		fi
	done < "tests/data/$1/messages"
	ADV_ARGS=
}
# kept DIR: every document listed in tests/data/DIR/kept keeps its words at its target.
kept() {
	while IFS='|' read -r _doc _target _words _policy; do
		canary_in "$1" "$_doc" "$_words"
		ADV_ARGS=${_policy:+-p policies/$_policy.yaml}
		adv "$1-kept-$_doc" "$_target" "tests/data/$1/$_doc" '' "$_words"
	done < "tests/data/$1/kept"
	ADV_ARGS=
}

# 1. A classification line in the body that is not in the banner grammar, in any case and
#    spelling: the text after it is at least its level, never the (U) of the paragraph before.
variants classification-line UNCLASSIFIED 'walrus' 'puffin|gannet' "$around" \
    'SECRET/REL YEMEN' 'SECRET/NOFORN' 'SECRET NOFORN' 'Secret' 'SECRET:' \
    'CLASSIFICATION: SECRET' 'Classification - Confidential' 'Secret//Noforn' 'secret' \
    'SS E C R E T' 'T O P  S E C R E T' 'SECRTE//NOFORN' 'SECRET ORCN' \
    '## TOP SECRET // SI / TK // REL TO USA AUS CAN GBR NZL' '**CONFIDENTIAL**' \
    'SECRET//NOFORN The source said so.'
# Its level, not more: at its level the text goes out ("SECRET NOFORN" to US readers at SECRET).
after 'SECRET NOFORN'
adv classification-line-at-its-level SECRET "$tmp/doc" '' 'walrus|puffin|gannet'
adv classification-line-noforn "SECRET//REL TO USA, GBR" "$tmp/doc" 'walrus' 'puffin'
# Prose that begins with a level word is prose.
after 'Secret talks began in May, the minister said.'
adv classification-word-in-prose UNCLASSIFIED "$tmp/doc" '' 'walrus|Secret talks'

# 2. Marks at the head of a paragraph (after a blank line, a label, a bullet, a heading mark or a
#    table bar) in a form the reader cannot prove: mixed case, invisible or odd characters inside,
#    OCR damage, a lost parenthesis, full-width brackets. Withheld, never text of the (U) paragraph
#    before them.
n=0
for mark in '(Secret)' '(Top Secret)' '(Confidential)' '(Secret/Noforn)' '(\302\240S)' \
    '(\342\200\213S)' '(TSI/NF)' '(SI/NF)' '(TSMSUNNF)' '(S/|S|/|' '(SBUMF)' '(T S)' '(Ts)' \
    '(S (NF))' '(S//NF The detail (see above)' '\357\274\210S\357\274\211' '(\320\241)' \
    '(S\302\255)' '[S//NF]'; do
	for label in '' '2. ' '- ' '## ' '| ' '\302\2663. '; do
		n=$((n + 1))
		printf 'UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n%b%b The walrus source is in the capital.\n\n2. (U) The gannet count was normal.\n' "$label" "$mark" > "$tmp/head$n"
		adv "head-mark-$n [$label$mark]" UNCLASSIFIED "$tmp/head$n" 'walrus' 'puffin|gannet'
	done
done
# The same in a Latin-1 cable with CRLF: NBSP is byte 0xA0, the paragraph sign 0xB6.
printf 'UNCLASSIFIED\r\n\r\n\2661. (U) The puffin count was normal.\r\n\r\n\2662. (\240S) The walrus source is in the capital.\r\n\r\n\2663. (U) The gannet count was normal.\r\n' > "$tmp/latin1"
adv head-mark-latin1-nbsp UNCLASSIFIED "$tmp/latin1" 'walrus' 'puffin|gannet'
# A mark in a table cell: the row is a head, and its mark decides it.
printf 'UNCLASSIFIED\n\n| (U) The puffin count | normal |\n| (SBUMF) The walrus source | the capital |\n' > "$tmp/table"
adv head-mark-table-cell UNCLASSIFIED "$tmp/table" 'walrus' 'puffin'
# A mark that proves its level is read, in any case: "(Secret)" goes out at SECRET.
printf 'SECRET\n\n1. (U) The puffin count was normal.\n\n(Secret) The walrus source is in the capital.\n' > "$tmp/proven"
adv head-mark-mixed-case-proven SECRET "$tmp/proven" '' 'walrus|puffin'
adv head-mark-mixed-case-proven CONFIDENTIAL "$tmp/proven" 'walrus' 'puffin'

# 3. Captions in any case and spacing: SBU text does not go to the public, NOFORN text does not
#    go to a partner.
n=0
for caption in 'Sensitive' 'sensitive' 'For Official Use Only' 'F O U O' 'fouo' \
    'Limited Official Use' 'Sensitive but Unclassified'; do
	n=$((n + 1))
	printf 'UNCLASSIFIED\n%s\n\nThe walrus source is in the capital.\n' "$caption" > "$tmp/sbu$n"
	adv "caption-sbu-$n [$caption]" UNCLASSIFIED "$tmp/sbu$n" 'walrus'
	adv "caption-sbu-$n [$caption]" "UNCLASSIFIED//FOUO" "$tmp/sbu$n" '' 'walrus'
done
printf 'UNCLASSIFIED\n\nThe walrus source is in the capital.\n' > "$tmp/nocaption"
adv caption-none-released UNCLASSIFIED "$tmp/nocaption" '' 'walrus'
n=0
for caption in 'Noforn' 'noforn' '(NOFORN)' '//NOFORN' 'NO FORN' 'N O F O R N' \
    'Not Releasable to Foreign Nationals'; do
	n=$((n + 1))
	printf 'SECRET//REL TO USA, GBR\n%s\n\n1. (S//REL TO USA, GBR) The walrus source is in the capital.\n' "$caption" > "$tmp/nf$n"
	adv "caption-noforn-$n [$caption]" "SECRET//REL TO USA, GBR" "$tmp/nf$n" 'walrus'
	adv "caption-noforn-$n [$caption]" "SECRET//NOFORN" "$tmp/nf$n" '' 'walrus'
	# In the body, it applies all the same (to every classified portion), and raises what
	# follows it: the (U) before it goes to a partner, the unmarked text after it does not.
	# In brackets right under the text, it may be that text's mark, damaged: the (U) before
	# it is withheld too (section 76).
	printf 'SECRET//REL TO USA, GBR\n\n1. (U) The puffin count.\n%s\nThe walrus source is in the capital.\n' "$caption" > "$tmp/nfbody$n"
	case $caption in
	'('*) adv "caption-noforn-body-$n [$caption]" "SECRET//REL TO USA, GBR" "$tmp/nfbody$n" 'walrus|puffin' ;;
	*) adv "caption-noforn-body-$n [$caption]" "SECRET//REL TO USA, GBR" "$tmp/nfbody$n" 'walrus' 'puffin' ;;
	esac
done

# 4. Upper-case list items inside a SECRET paragraph: "(C)" is the next item, not a CONFIDENTIAL
#    portion; it can only raise the paragraph it is in.
printf 'SECRET\n\n1. (S) The options are: (A) the zebra route, (B) the narwhal route,\n(C) the walrus route.\n\n2. (C) The puffin count was normal.\n' > "$tmp/abc"
adv list-items-upper-inline CONFIDENTIAL "$tmp/abc" 'walrus|zebra|narwhal' 'puffin'
printf 'SECRET\n\n1. (S) The options are:\n(A) the zebra route.\n(B) the narwhal route.\n(C) the walrus route.\n\n2. (C) The puffin count was normal.\n' > "$tmp/abc2"
adv list-items-upper-lines CONFIDENTIAL "$tmp/abc2" 'walrus|zebra|narwhal' 'puffin'

# 5. A numbered paragraph with no mark and no blank line before it is unmarked text, not the (U)
#    paragraph before it; a bare number on a wrapped line is a word of the sentence, and the mark
#    after it joins that sentence.
printf 'SECRET\n\n1. (U) The puffin count was normal.\n2. The walrus source is in the capital.\n' > "$tmp/numbered"
adv numbered-no-blank UNCLASSIFIED "$tmp/numbered" 'walrus' 'puffin'
printf 'SECRET\n\n1. (S) The walrus source named in reftel para\n2 (U) is in fact the zebra courier.\n\n3. (U) The puffin count was normal.\n' > "$tmp/bare"
adv bare-number-wrapped UNCLASSIFIED "$tmp/bare" 'walrus|zebra' 'puffin'

# 6. REL TO twice in one mark is malformed, never a union; so is NOFORN with REL TO.
printf 'SECRET\n\n1. (S//REL TO USA//REL TO USA, FRA) The walrus source is in the capital.\n\n2. (S//REL TO USA, FRA) The puffin count was normal.\n' > "$tmp/rel2"
adv rel-to-twice "SECRET//REL TO USA, FRA" "$tmp/rel2" 'walrus' 'puffin'
adv rel-to-twice "TOP SECRET" "$tmp/rel2" 'walrus' 'puffin'
printf 'SECRET\n\n1. (S//NF//REL TO USA, FRA) The walrus source is in the capital.\n\n2. (S) The puffin count was normal.\n' > "$tmp/nfrel"
adv noforn-with-rel-to "TOP SECRET" "$tmp/nfrel" 'walrus' 'puffin'

# 7. The declassification line keeps a date or an exemption, never free text.
printf 'SECRET\n\nE.O. 12958: DECL: WALRUS SOURCE IS ALI\nTAGS: PREL\n\n1. (C) The puffin count was normal.\n' > "$tmp/decl"
adv decl-free-text CONFIDENTIAL "$tmp/decl" 'WALRUS|ALI' 'puffin'
printf 'SECRET\n\nE.O. 12958: DECL: 11/06/2017\n\n1. (C) The puffin count was normal.\n' > "$tmp/decl-date"
adv decl-date-kept CONFIDENTIAL "$tmp/decl-date" '' 'DECL: 11/06/2017|puffin'

# 8. A page header or TAGS line inside a withheld portion goes with it: its grammar admits words.
printf 'SECRET\n\n1. (S) The plan covers the\nWALRUS SOURCE ALI 00001065 002 OF 004\nnorthern depot.\n\n2. (U) The puffin count was normal.\n' > "$tmp/page"
adv page-header-in-withheld-portion UNCLASSIFIED "$tmp/page" 'WALRUS|ALI|northern' 'puffin'

# 9. Text after a banner in the body is never lower than the banner (08STATE116943's appendix
#    note after SECRET//FGI//NOFORN//MR), like the first banner or not.
printf 'SECRET//NOFORN\n\n1. (SBU) The puffin count was normal.\n\nSECRET//NOFORN\nThe walrus appendix is available on request.\n' > "$tmp/banner-body"
adv banner-in-body-raises CONFIDENTIAL "$tmp/banner-body" 'walrus' 'puffin'

# 11. A paragraph ends where a sentence does: unmarked text after a finished sentence and a blank
#     line, or after a page header, dash-rule heading or caption that hides the break, is a
#     paragraph of its own at the document's marking, not the (U) paragraph before it.
printf 'SECRET\n\n1. (U) The puffin count was normal.\n\nThe walrus source is in the capital.\n' > "$tmp/para"
adv unmarked-paragraph-after-sentence UNCLASSIFIED "$tmp/para" 'walrus' 'puffin'
variants numbered-after-hidden-break UNCLASSIFIED 'walrus' 'puffin' \
    'S E C R E T SECTION 01 OF 04 MUSCAT 001065\n\n1. (U) The delegation included Ambassador Grappo\n\n%b\n\n2. Sayyid Badr said the walrus sanctions were failing.\n\n3. (U) The puffin count was normal.\n' \
    'MUSCAT 00001065 002 OF 004' '-----\nDIFFERING VIEWS\n-----' 'SIPDIS' 'EXDIS' \
    'NOT FOR INTERNET DISTRIBUTION'
# A period followed by a no-break space still ends the sentence.
printf 'SECRET\n\n1. (U) The puffin count was normal.\302\240\n\n2. The walrus source is in the capital.\n' > "$tmp/nbsp-end"
adv numbered-after-nbsp-sentence UNCLASSIFIED "$tmp/nbsp-end" 'walrus' 'puffin'

# 12. A subject's second line, an unmarked heading and a signature take the document's marking.
printf 'SECRET\n\nSUBJECT: (U) PUFFIN COUNTS AND THE\nWALRUS SOURCE IN THE CAPITAL\n\n1. (U) The puffin count was normal.\n' > "$tmp/subject"
adv subject-second-line UNCLASSIFIED "$tmp/subject" 'WALRUS' 'puffin|PUFFIN'
printf 'SECRET\n\n1. (U) The puffin count was normal.\n\n-----\nWALRUS SOURCE IN THE CAPITAL\n-----\n\n2. (U) The gannet count was normal.\n\nWALRUSSON\n' > "$tmp/heading"
adv heading-and-signature UNCLASSIFIED "$tmp/heading" 'WALRUS' 'puffin|gannet|-----'

# 13. Classification lines in more forms: named among other words, letter-spaced with any
#     separator, glued to a control, decorated, long, as a second cable's banner.
n=0
for line in 'ANNEX A -- SECRET//NOFORN' 'SECRET ANNEX' 'BEGIN SECRET' 'S-E-C-R-E-T' 'S.E.C.R.E.T.' \
    'SECRETNOFORN' '*** SECRET ***' '/SECRET/' 'S E C R E T MUSCAT 001066' \
    'SECRET SECTION 01 OF 02 THE SOURCE IS IN THE CAPITAL 123456' 'S\320\225CRET' \
    'SEC?ET' 'SECRET MEETING ON JUNE 12'; do
	n=$((n + 1))
	after "$line"
	cp "$tmp/doc" "$tmp/more-class$n"
	adv "classification-line-more-$n [$line]" UNCLASSIFIED "$tmp/more-class$n" 'walrus' 'puffin|gannet'
done
# A control glued to the level still says NOFORN.
after 'SECRETNOFORN'
adv classification-line-glued-control "SECRET//REL TO USA, GBR" "$tmp/doc" 'walrus' 'puffin'

# 14. What follows a head mark and what stands near a level word: a control after the mark
#     ("(U)FOUO)", "(U)//SBU") raises; a word a slip or two from a level is an unknown mark;
#     a mark with a space inside that may have lost a letter proves nothing.
headed='SECRET\n\n1. (U) The puffin count was normal.\n\n%b The walrus source is in the capital.\n'
variants mark-tail UNCLASSIFIED 'walrus' 'puffin' "$headed" \
    '(U)FOUO)' '(U)//SBU' '(U).FOUO)' '(U) SBU:' '(U)//NF'
variants near-level CONFIDENTIAL 'walrus' 'puffin' "$headed" \
    '(Secrte)' '(CONFIDENTAL)' '(SECRE)' '(Classified)' '( S)' '(S )' '(S.)'

# A bracketed group after a head mark hides nothing of how the sentence goes on: "(U) (xyz) and
# more" after an unfinished sentence continues it, as "(U) and more" does (found by the
# properties under cui, where "(sbu)" and "(Top Secret)" are no marks).
variants group-after-mark CONFIDENTIAL 'zebra|walrus' '' \
    'SECRET\n\n1. (S) The zebra route runs past the\n\n(U) %b and the walrus onward.\n' \
    '(xyz)' '(sbu)' '(Top Secret)' '[note]' '(open'
# A mark that never closes before another bracket opens may run to the line's end: the paragraph
# after it may be under it, as after a damaged mark alone.
variants unclosed-mark-nested CONFIDENTIAL 'walrus|puffin' '' \
    'SECRET\n\n(S//NF %b The walrus detail.\n\n(U) The puffin count.\n' '(s//nf)' '(see above)'

# 15. An unmarked list item after a marked bulleted item goes with that item, not the (U) before.
printf 'SECRET\n\n1. (U) The puffin count was normal. The options:\n- (S) the zebra route;\n- the walrus route.\n\n2. (U) The gannet count was normal.\n' > "$tmp/bullets"
adv bullet-after-marked-bullet CONFIDENTIAL "$tmp/bullets" 'walrus|zebra' 'puffin|gannet'

# 16. Text decoded twice or encoded oddly reads as a reader sees it: "Â¶2. (S)" (UTF-8 read as
#     Latin-1 once too often); an overlong UTF-8 bracket; an overlong letter proves nothing; a
#     Cyrillic letter in a caption.
printf 'SECRET\n\n\303\202\302\2661. (U) The puffin count was normal.\n\n\303\202\302\2662. (S) The walrus source is in the capital.\n' > "$tmp/mojibake"
adv mojibake-paragraph-sign UNCLASSIFIED "$tmp/mojibake" 'walrus' 'puffin'
printf 'UNCLASSIFIED\n\n(U) The puffin count. \340\200\250S\340\200\251 The walrus source is in the capital.\n' > "$tmp/overlong"
adv overlong-bracket-in-mid-line UNCLASSIFIED "$tmp/overlong" 'walrus'
printf 'UNCLASSIFIED\n\n(\301\225) The walrus source is in the capital.\n' > "$tmp/overlong-u"
adv overlong-letter-proves-nothing UNCLASSIFIED "$tmp/overlong-u" 'walrus'
printf 'SECRET//REL TO USA, GBR\nN\320\236FORN\n\n1. (S//REL TO USA, GBR) The walrus source is in the capital.\n' > "$tmp/cyr-caption"
adv caption-cyrillic-letter "SECRET//REL TO USA, GBR" "$tmp/cyr-caption" 'walrus'
printf 'SECRET//REL TO USA, GBR\nNO FOREIGN DISSEM\n\n1. (S//REL TO USA, GBR) The walrus source is in the capital.\n' > "$tmp/nfd"
adv caption-no-foreign-dissem "SECRET//REL TO USA, GBR" "$tmp/nfd" 'walrus'

# 17. Structure lines keep nothing they cannot prove: a banner or page header in the body must
#     name the post and cable number of the banner at the top; the security line of the routing
#     header holds only its codes; caption words inside a withheld portion are withheld with it.
printf 'UNCLASSIFIED\n\n(U) The puffin count.\n\n(S) The source said\nSECRET SECTION 01 OF 02 THE WALRUS IS AMB SMITH 123456\nthat the plan works.\n' > "$tmp/banner-post"
adv banner-post-not-the-documents UNCLASSIFIED "$tmp/banner-post" 'WALRUS' 'puffin'
printf 'SECRET\nTHE WALRUS IS AMB SMITH 00001065 002 OF 004\n\n(U) The puffin count.\n' > "$tmp/page-post"
adv page-header-post-not-the-documents UNCLASSIFIED "$tmp/page-post" 'WALRUS' 'puffin'
printf 'VZCZCXRO4411\nZNY SSSSS ZZH walrus source name\nSECRET\n\n(U) The puffin count.\n' > "$tmp/zny"
adv routing-security-line-rest UNCLASSIFIED "$tmp/zny" 'walrus'
# The routing header: each line is the grammar of one kind of routing line, each part bounded
# in words, so a sentence in capitals after FM, TO or INFO, after a post, before WASHDC, after a
# routing indicator or among office codes makes the opening block unmarked text. The real forms
# around them are kept (the first case keeps every line of its header).
routing() {
	printf '%s\nS E C R E T SECTION 01 OF 04 MUSCAT 001065\n\n1. (U) The puffin count.\n' "$1" \
	    > "$tmp/routing"
	adv "routing-$2" UNCLASSIFIED "$tmp/routing" "$3" "${4:-puffin}"
}
routing 'R 121212Z JUN 07
FM AMEMBASSY MUSCAT
TO RUEHC/SECSTATE WASHDC PRIORITY 8191
INFO RHMFISS/CDR USCENTCOM MACDILL AFB FL
RUEKJCS/JOINT STAFF WASHDC//J-3/J-5//
RUEHZL/EUROPEAN POLITICAL COLLECTIVE
AMCONSUL HO CHI MINH CITY IMMEDIATE
TO PAGE 02 STATE 015113 182333Z
ORIGIN DS-00
INFO LOG-00 NEA-00 MED-07
      SAS-00 /002R
BT' real-header '' 'FM AMEMBASSY MUSCAT|CDR USCENTCOM MACDILL|J-3/J-5|HO CHI MINH|TO PAGE 02|MED-07|/002R|puffin'
routing 'FM SECRETARY AGREES THE WALRUS STRIKE GOES AHEAD AT DAWN' fm-sentence WALRUS
routing 'FM AMEMBASSY MUSCAT
TO THE MINISTER WHO AGREED THAT THE WALRUS GOES' to-sentence 'WALRUS|FM AMEMBASSY'
routing 'AMEMBASSY WALRUS STRIKE GOES AHEAD AT DAWN' post-words WALRUS
routing 'THE WALRUS STRIKE GOES AHEAD AT DAWN WASHDC' washdc-words WALRUS
routing 'RHMFISS/THE WALRUS STRIKE GOES AHEAD AT DAWN' indicator-words WALRUS
routing 'RUEKJCS/JOINT STAFF WASHDC//THE WALRUS STRIKE GOES AT DAWN//' office-words WALRUS
routing 'INFO LOG-00 NEA-00 WALRUS STRIKE' codes-words WALRUS
routing 'ACTION NEA-00 THE WALRUS' action-words WALRUS
routing 'RETREAT RAIDS WALRUS' r-words WALRUS
routing 'FM AMEMBASSY MUSCAT
WALRUS SOURCE NAMED' unknown-line 'WALRUS|FM AMEMBASSY'
printf 'S E C R E T MUSCAT 001065\n\n1. (S) The Sultan asked that the walrus memo be given\nExclusive Distribution\nand kept close.\n\n2. (U) The puffin count.\n' > "$tmp/exdis"
adv caption-words-in-withheld-portion UNCLASSIFIED "$tmp/exdis" 'walrus|Exclusive' 'puffin'

# 18. A second red-team round, documents kept in tests/data/redteam/ (19 of the 20 leak on
#     7a8a033; the tag characters are no marker word, and are checked below): a paragraph in lower
#     case after a finished sentence; a colon's block that never ended; a wide heading read as a
#     wrapped line; a damaged mark right after a heading; marks with no brackets and
#     classification labels as lines; controls of several words after a mark; a body banner's
#     free words; a list item under a marked item; text spelt in tag characters on a blank line; a
#     subject with a space before its colon; a classification line in lower case; a line that
#     names a control among other words. Every word "qz..." is withheld at the target.
redteam redteam
# The tag characters themselves (U+E0000..U+E007F, bytes F3 A0 80..81 ..) must not be copied.
for mode in mask strip blackout; do
	"$T" -q -r UNCLASSIFIED --mode "$mode" tests/data/redteam/09-tag-chars-blank-line.txt > "$tmp/tags"
	if LC_ALL=C grep -q "$(printf '\363\240')" "$tmp/tags"; then
		bad "tag characters of a withheld blank line are copied ($mode)"
	else
		ok "tag characters of a withheld blank line are not copied ($mode)"
	fi
done

# 19. Found by the property tests on generated documents: a dotted level in a mark is no
#     abbreviation; after a blank line, a mark followed by lower case goes on with a sentence the
#     text before did not end, and a mark after a line of marks alone may be under it.
printf 'SECRET\n\n1. (U) The puffin count was normal.\n\n-- (T.S//SI//NF) The walrus source.\n' > "$tmp/dotted"
adv dotted-level-in-mark SECRET "$tmp/dotted" 'walrus' 'puffin'
printf 'SECRET\n\n1. (S) The walrus convoy will sail from the\n\n(U) northern zebra depot at dawn.\n\n2. (U) The puffin count.\n' > "$tmp/lower-after-blank"
adv lower-case-after-blank-goes-on UNCLASSIFIED "$tmp/lower-after-blank" 'walrus|zebra' 'puffin'
printf 'SECRET\n\n1. (U) The puffin count.\n\n(S/NF)\n\n(SBU) The walrus source is in the capital.\n' > "$tmp/marks-alone"
# (Blank lines around the line of marks alone: which way it stands is not known, and the puffin
# paragraph before it is raised by it too; round 37.)
adv mark-after-marks-alone CONFIDENTIAL "$tmp/marks-alone" 'walrus'
# And by make fuzz: a damaged first word before a capitalised one is no note; a mark alone that
# lost a bracket ("SBU/NF)", "(SBBU/NF)") is a mark alone all the same, never a caption.
printf 'SECRET\n\n1. (U) The puffin count.\n\n(SSBU Gnmre) The walrus source is in the capital.\n' > "$tmp/ssbu"
adv damaged-first-word-no-prose SECRET "$tmp/ssbu" 'walrus' 'puffin'
for alone in 'SBU/NF)' '(SBBU/NF)'; do
	printf 'SECRET\n\n1. (U) The puffin count.\n\n%s\n\n(U) The walrus source is in the capital.\n' "$alone" > "$tmp/alone"
	adv "damaged-mark-alone [$alone]" UNCLASSIFIED "$tmp/alone" 'walrus'
done

# 20. A third red-team round, documents kept in tests/data/redteam3/ (each leaks on 48e8088): a
#     list item, a line in lower case or one that opens with a quotation mark or other punctuation
#     right under a short heading; a short line that ends in '?', ')', ':' or '.'; a wide heading
#     in capitals or in markdown; a blank line of U+2800; a FOIA stamp taken for a page break;
#     classification and control labels ("CLASSIFICATION: S", "Dissem: NOFORN"); blocks after a
#     colon that ran on. Every word "qz..." is withheld at the target.
redteam redteam3

# 21. A fourth red-team round, documents kept in tests/data/redteam4/ (each leaks on fd0e621): a
#     line that ends in a mark above text; a heading in capitals with a letter in lower case; a
#     lower-case paragraph after a heading that ends in ':' or is written as a title; a
#     salutation or sign-off ending in ',' or '--'; paragraphs on one line each, or opening with
#     an indent, with no blank line between; paragraphs after a colon; classification labels of
#     many shapes. Every word "qz..." is withheld at the target.
redteam redteam4

# 22. A fifth red-team round, documents kept in tests/data/redteam5/ (found on 689f99e): a
#     reply quoted with "> " read as a bulleted list; a classification in a table's later cells;
#     damaged marks after labels such as "2.a.", "A.1." or "1/"; SBU or FOUO named in an e-mail's
#     subject line or at a paragraph's head with a colon; CP1252's ellipsis (byte 0x85) taken for
#     a line end. Every word "qz..." above the target is withheld.
redteam redteam5

# 23. A sixth red-team round, tests/data/redteam6/ (found on 1cc50fd): a heading that names a
#     level with a REL TO list of two countries or more, or in mixed case with "//"; controls of
#     several words in brackets; a bracketed caption in a cable header; nested or punctuated
#     groups after a head mark; a control after a single dash, an em dash or first in an e-mail
#     subject; table cells of controls alone; control words or REL TO in a cable banner's post.
redteam redteam6

# 24. A seventh round, tests/data/redteam7/ (the neighbours of round six's rules, found on
#     299640b): headings in mixed case with the level in capitals, with a spaced "//", long ones
#     before "//", a level's abbreviation before "//" (us-intel), other schemes' levels (nato,
#     uk); a control after a trailing space or as the last word; a group of controls in brackets
#     in any case; controls in a table cell with other words; quotes, numbers, ellipses and stray
#     brackets after a head mark that continues a sentence; a mark alone after a bullet, in
#     emphasis or doubled brackets, or with punctuation after it.
redteam redteam7

# 25. Found by red-teaming issue 12's rules: a classification line whose words after the level are
#     no post and cable number may name a compartment no policy lists; it is unknown, withheld
#     from a reader at its level. A post and number after it (a second banner) says the level.
variants class-line-codeword "TOP SECRET" 'walrus' 'puffin|gannet' "$around" \
    'TOP SECRET UMBRA' 'SECRET SPOKE' 'TOP SECRET STRAP1' 'TOP SECRET UMBRA NOFORN' \
    'SECRET OPERATION WALRUS 2024' 'SECRET MEETING ON JUNE 12' 'UK TOP SECRET STRAP1'
variants class-line-banner "TOP SECRET" '' 'walrus|puffin|gannet' "$around" \
    'S E C R E T MUSCAT 001066' 'SECRET SECTION 01 OF 02 MUSCAT 001066' \
    'SECRET SECTION 1 OF 2 TEHRAN 2069' 'SECRET NOFORN'
# Distribution limits are for US readers: never the public, not a partner either.
dist='UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n2. %b The walrus route.\n'
variants distribution-limit UNCLASSIFIED 'walrus' 'puffin' "$dist" \
    '(U//LIMDIS)' '(U//EXDIS)' '(U//NODIS)' '(U//DS)' '(U//XD)' '(U//ND)' \
    '(U//NOT FOR INTERNET DISTRIBUTION)'
variants distribution-limit-partner "SECRET//REL TO USA, GBR" 'walrus' 'puffin' "$dist" \
    '(U//NODIS)' '(C//EXDIS)'
variants distribution-limit-us CONFIDENTIAL '' 'walrus|puffin' "$dist" '(U//NODIS)' '(C//EXDIS)'
# An office written with a bracket ("D(S)") is no control, nor "(S//SI)" SSI.
variants office-in-brackets UNCLASSIFIED '' 'puffin|walrus' "$dist" '(U) D(S)' '(U) Cleared: D(S)GRana ok'

# 26. An eighth round, tests/data/redteam8/ (found on 98d5c4f against issue 12's retention rules):
#     groups read as prose in a sentence, lower-case banners, quoted level words, a level among
#     other words or after another scheme's name, control letters parted by punctuation, texts
#     closed by the author's own "Thank you.", margin codes and semicolons.
redteam redteam8

# 27. A ninth round, tests/data/redteam9/ (found on 1e21afe, the neighbours of round eight's fixes).
redteam redteam9

# 28. A tenth round, tests/data/redteam10/ (found on e04e685; what still leaks of it is in
#     tests/data/redteam10-open, a known limit each).
redteam redteam10

# 29. An eleventh round, tests/data/redteam11/ (found on af95f75): marks with no brackets at a
#     line's head in more forms, and trailing marks with a footnote or quotation mark after them.
redteam redteam11

# 30. A fuzz find, tests/data/fuzzfinds/ (on 69cd506): a paragraph numbered with digits ends the
#     header whatever its mark, so a SUBJECT line after it is body text.
redteam fuzzfinds

# 31. A twelfth round, tests/data/redteam12/ (found on db79a17): the SUBJECT line read more
#     loosely than a paragraph's head, a title taken for a banner with a post and number, and
#     marks where a sentence begins in mid-line (damaged, bare, or with a control after them).
redteam redteam12

# 32. A thirteenth round, tests/data/redteam13/ (found on 3f90c9a): other sentence ends, a second
#     mark after a paragraph's own, lost controls, subjects, trailing bare marks, titles.
redteam redteam13

# 33. A word written as a mark raises its portion wherever in a line it stands, not only where a
#     sentence begins (round 13's open shapes, in tests/data/redteam13 now, and their neighbours):
#     after a colon, an inline list item, a dash, in lower case, with a look-alike letter, with
#     one separator of any kind, without separators, a level before a word in capitals.
midline='SECRET//NOFORN\n\n1. (U) The puffin count was normal and the minister spoke on June 12 %b The walrus source\nsays no.\n\n2. (U) The gannet count was normal.\n'
variants word-mark UNCLASSIFIED 'walrus' 'gannet' "$midline" \
    'Comment: S//NF' '(2) S//NF' 's//nf' 'S//NF\342\200\224' '\320\205//NF' 'S/NF' 'S|NF' \
    'S.NF' 'SECRET NOFORN' 'S NF' 'TOP SECRET NOFORN' 'and SECRET' 'but TOP SECRET' \
    'S//REL TO USA, GBR:' 'C//NF' 'TS//SI//NF' '\342\200\223 (SOC)The' 'Note: S\\NF' \
    'TS/SI' 'https://example.org/a S//NF'
# At its level, and no lower: "SECRET NOFORN" goes to US readers at SECRET, never to a partner;
# "TOP SECRET NOFORN" not even to SECRET.
printf "$midline" 'SECRET NOFORN' > "$tmp/word"
adv word-mark-at-its-level SECRET "$tmp/word" '' 'walrus|gannet'
adv word-mark-noforn "SECRET//REL TO USA, GBR" "$tmp/word" 'walrus' 'gannet'
printf "$midline" 'TOP SECRET NOFORN' > "$tmp/word"
adv word-mark-top-secret SECRET "$tmp/word" 'walrus' 'gannet'
# What prose writes is no mark: a level word quoted, an initial, an acronym glued to lower case,
# a FOIA stamp's field, a URL, a level word in lower case, an office symbol.
variants word-not-a-mark UNCLASSIFIED '' 'walrus|gannet' "$midline" \
    'the "SECRET" Stuff' 'near the U. S. Capitol' 'the Initiative (CFDI)to' \
    'Class: CONFIDENTIAL \342\200\224 Reason:' 'see https://www.state.gov/a/b' \
    'the secret' 'with S/P' 'and/or' 'the NF-kB pathway' \
    'THIS CABLE IS SENSITIVE BUT UNCLASSIFIED. The' 'MR. DONALD' 'per 1.4(C) and B1' \
    'the C-130 and CI/KR' 'near S/CT'
# A title at the top whose number is a date, not a zero-padded cable number: no banner, so its
# words are not kept under a re-marked level; a post named above proves a bare number.
printf 'SECRET//NOFORN\n\nSECRET OPERATION WALRUS SITREP 240612\n\n1. (U) The gannet count was normal.\n' > "$tmp/title"
adv title-date-number UNCLASSIFIED "$tmp/title" 'WALRUS' 'gannet'
printf 'P 031812Z NOV 08\nFM SECSTATE WASHDC\n\nS E C R E T STATE 116943\n\n1. (U) The gannet count was normal.\n' > "$tmp/title"
adv title-post-above UNCLASSIFIED "$tmp/title" '' 'STATE 116943|gannet'

# 34. A fourteenth round, tests/data/redteam14/ (found on the word rule of section 33): other
#     separators, mixed case, OCR damage, controls without a level, a mark at a line's end,
#     titles at the top, the subject.
redteam redteam14
# Their neighbours, at a sentence's end and in mid-sentence.
for pre in 'June 12.' 'per DATT'; do
	variants "word-mark-$(echo "$pre" | tr -dc 'a-zA-Z0-9')" UNCLASSIFIED 'walrus' 'gannet' \
	    "SECRET//NOFORN\n\n1. (U) The talks on $pre %b The walrus source\nsays no.\n\n2. (U) The gannet count was normal.\n" \
	    'S;NF' 'S~NF' 'S\302\267NF' 'S\342\200\226NF' 'S..NF' 'C,REL' 'TS_SI_NF' 'SECRET;NOFORN' \
	    'S\342\200\223NF' 'S:NF' 'S-REL TO USA' 'Secret-Noforn' 'S/' 'Secret Noforn' \
	    'Confidential Noforn' 'Secret Rel to USA, GBR' 'SECERT' 'S3CRET' 'TOP 5ECRET' 'S1/NF' \
	    'SlINF' 'NF/OC' 'U NF' 'SECRET  NOFORN'
done
# 35. A fifteenth round, tests/data/redteam15/ (found on round 14's fixes; what is left is in
#     tests/data/redteam15-open): a level glued by punctuation, TOP SECRET in capitals, a mark at
#     a line's end, a level before lower case, spaced slashes, control names in title case, a
#     mark across a fold of a long line.
redteam redteam15
# What the word rule must keep: a word in lower case after a control's abbreviation, a level's
# word before lower case in mid-sentence, a stamp's field value at the line's end.
variants word-rule-keeps UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal. They met on Monday. %b the walrus left.\n' \
    'DS agents escorted' 'LES staff met and' 'SBU training was held and' \
    'ORCON policy was reviewed and' 'Holders of SECRET clearances met and' \
    'Class: CONFIDENTIAL \342\200\224\nReason: 1.4(D) and' 'The U.S. only wants a deal and'

# 36. A sixteenth round, tests/data/redteam16/ (found on round 15's fixes): a paragraph break
#     written inside one line (HTML, an export's escapes) before unmarked text, and a long word
#     before a fold's cut. A proven mark after such a break keeps what it marks.
redteam redteam16
printf 'UNCLASSIFIED\n\n1. (U) The puffin count.<br><br>(U) The gannet count.\n\n<p>2. (U) Done.</p>\n' > "$tmp/br"
adv inline-break-marked UNCLASSIFIED "$tmp/br" '' 'puffin|gannet|Done'

# 37. A seventeenth round, tests/data/redteam17/ (found on round 16's fixes, under the uk, nato,
#     cui and us-intel policies; what is left is in tests/data/redteam17-open): terms of several
#     words or joined parts in mid-line, other schemes' levels a policy lists.
redteam redteam17

# 38. An eighteenth round, tests/data/redteam18/ (found on b2d2576; what is left is in
#     tests/data/redteam18-open): paragraphs that markup or an export parts ("<p>" on each line,
#     "&#x000A;&#x000A;", "</div><div>", U+2029, a form feed), a classification column in a table
#     parted by tabs or spaces, marks written as words in a list item of a marked list, "TS/SCI",
#     a level or control hyphenated across a line break or written across one, "\u00a9" for
#     "(C)", marks written as character references; and round 15 and 17's open shapes it closes.
redteam redteam18
# A break inside a line withholds the line's portion; one at a line's end, what follows it.
variants markup-break UNCLASSIFIED 'walrus' '' \
    'SECRET//NOFORN\n\n1. (U) The puffin count was normal.%bThe walrus route is open.\n' \
    '&#x000A;&#x000A;' '&#xd;&#xa;&#xd;&#xa;' '&#10;&#10;' '&NewLine;&NewLine;' '%0A%0A' \
    '&#60;br&#62;&#60;br&#62;' '</li><li>' '<hr/>' '<h3 class="x">Notes</h3>' '</td><td>' \
    '&#8233;' '\342\200\251' '\f' '<br>\n' '</p>\n' '\n<p>' '</div>\n<div>'
variants markup-line-kept UNCLASSIFIED '' 'puffin|gannet' \
    'SECRET//NOFORN\n\n1. (U) The puffin count was normal.%bThe gannet count was low.\n\n2. (S) The walrus.\n' \
    '&#x000A;' '&#13;&#10;' '<br>' '<b>' '&amp;'
variants list-item-words UNCLASSIFIED 'walrus' 'puffin' \
    'TOP SECRET//SI//NOFORN\n\n(U) Highlights:\n\n* (U) The puffin team deployed.\n%b\n\n(U) More next week.\n' \
    '* The team met. SECRET//NOFORN The walrus route.' '* TS/SCI The walrus route.' \
    '- Met. TOP SECRET The walrus route.' '* Met. S/NF The walrus route.' \
    '* (5) the walrus route.' '* Met. NOFORN The walrus route.'
variants across-lines UNCLASSIFIED 'walrus' '' \
    'SECRET//NOFORN\n\n1. (U) The puffin count was normal and the minister spoke. %b The walrus route is open.\n\n2. (U) Done.\n' \
    'SE-\nCRET' 'CONFI-\nDENTIAL' 'NO-\nFORN' 'TOP SE-\nCRET' 'SECRET\n//NOFORN' 'NO FOREIGN\nDISSEM'
variants class-column UNCLASSIFIED 'walrus' 'puffin' \
    'SECRET//NOFORN\n\n2. (U) Summary:\n-- ALPHA\tpuffin on time\tU\n-- BRAVO%bthe walrus channel\n' \
    '\tS\t' '\tC\t' '\tTS\t' '\tSecret\t' '\tS//NF\t' '   S   '
variants coded-mark UNCLASSIFIED 'walrus' '' \
    'SECRET//NOFORN\n\n1. (U) The puffin count was normal. %b The walrus route is open.\n' \
    '&#x28;S&#x29;' '&#40;S//NF&#41;' 'S&#x2F;&#x2F;NF' '\302\251' '\302\256'
# The neighbours that stay: an address with OCR's "\u00a9" for "@", a column of (U), a
# stamp's class in a column.
printf 'UNCLASSIFIED\n\nFrom: Doe, Jane <DoeJ\302\251state.gov>\n\n1. (U) The puffin count.\n-- ALPHA\tpuffin on time\tU\n' > "$tmp/keep18"
adv round18-neighbours-kept UNCLASSIFIED "$tmp/keep18" '' 'DoeJ|ALPHA'

# 39. A nineteenth round, tests/data/redteam19/ (found on round 18's rules; what is left is in
#     tests/data/redteam19-open): inline tags between two breaks ("<br></font><br>"), coded spaces
#     between them, bold classification lines ("<b>SECRET</b>"), named character references
#     ("&copy;"), a paragraph's sign in mid-line ("\u00b62. The"), bar tables with no outer bars.
#     And what round 18's rules withheld that they must not: a state's code in a spaced column
#     ("ND", read as NODIS), the copyright and registered signs in prose, a break in an
#     UNCLASSIFIED e-mail (unmarked text after it takes the document's marking, and raises
#     nothing), a status column ("S" for standby: that row alone, never the document). A third
#     pass: a table or a heading after "(U) ...:" is no item of the list the colon opened;
#     NOFORN's misspelt legend and caveats ("US EYES ONLY") and HCS written out are aliases.
redteam redteam19
ADV_DIR=tests/data/redteam19
adv round19-state-code UNCLASSIFIED $ADV_DIR/keep-O1.txt '' 'BORDER CROSSING|Pembina|Consular Section'
adv round19-copyright UNCLASSIFIED $ADV_DIR/keep-O4.txt '' 'Press reaction|talks went well|Reuters'
adv round19-html-mail UNCLASSIFIED $ADV_DIR/keep-O5.txt '' 'Visit logistics|Hi all|arrives on Tuesday'
adv round19-registered UNCLASSIFIED $ADV_DIR/keep-O7.txt '' 'Microsoft'
adv round19-break-unclassified UNCLASSIFIED $ADV_DIR/keep-O9.txt '' 'Thanks, John'
adv round19-status-column UNCLASSIFIED $ADV_DIR/keep-O2.txt 'SMITH, John|BROWN, Peter' \
    'COUNTRY CLEARANCE|Hotel reservations|Control officer'
variants break-between UNCLASSIFIED 'walrus' '' \
    'SECRET//NOFORN\n\n1. (U) The puffin count was normal.%bThe walrus route is open.\n' \
    '<br></span><br>' '<br><!-- x --><br>' '<br><o:p></o:p><br>' '&#10;&#9;&#10;' \
    '<br>&#160;<br>' ' \302\2662. ' '</main>'
# OCR's "//" read as "I" between a level and a chain of controls; prose words stay prose.
variants glued-chain UNCLASSIFIED 'walrus' 'puffin' \
    'UNCLASSIFIED\n\n(U) The puffin count.\n\n%b\n\nThe walrus selector is approved.\n' \
    'TOP SECRETISIINOFORN' 'SECRETIISIIINOFORN' 'TOP SECRETISIITKIINOFORN' \
    'CONFIDENTIALINOFORN' 'TOPSECRETIISIIINOFORN'
printf 'UNCLASSIFIED\n\n1. (U) THE UN SECRETARIAT AND THE SECRETARIES MET ON CONFIDENTIALITY.\n' \
    > "$tmp/secretariat"
adv glued-chain-prose UNCLASSIFIED "$tmp/secretariat" '' 'SECRETARIAT|CONFIDENTIALITY'
variants bold-class UNCLASSIFIED 'walrus' 'puffin' \
    'UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n%b\n\nThe walrus route is open.\n' \
    '<b>SECRET</b>' '<p style="text-align:center"><b>SECRET</b></p>' 'SE<b></b>CRET' \
    '<font color=red>TOP SECRET</font>'

# 40. A twentieth round, tests/data/redteam20/ (structure lines kept as they are, found on the
#     routing grammar of 4bc71b5): a caption after a label of free words ("Caveat for the source
#     channel: SIPDIS") was copied with its label; a routing address before "PASS TO" a second
#     one, an office of long hyphenated codes, a correction notice of long codes on the security
#     line, glued VZCZC serials, words that begin RU read as routing indicators, office-code
#     lists of any length, a post of many words on a banner at the top; a declassification line
#     inside a withheld paragraph (its exemption word kept at CONFIDENTIAL); characters that print
#     as nothing (tag characters) on a blank line between portions and after a caption.
redteam redteam20
ADV_DIR=tests/data/redteam20
for doc in F5a F5b; do
	for mode in mask strip blackout; do
		"$T" -q -r UNCLASSIFIED -m $mode "$ADV_DIR/$doc.txt" > "$tmp/tags.out"
		# U+E0000..U+E007F are F3 A0 80 80 .. F3 A0 81 BF in UTF-8.
		if od -An -tx1 -v "$tmp/tags.out" | tr -d '\n' | grep -q 'f3 a0 8[01]'; then
			bad "round20-$doc-$mode: tag characters in the release"
		else
			ok "round20-$doc-$mode: no tag characters in the release"
		fi
	done
done
# What the round's rules must keep: a caption of control names alone (SIPDIS, NOFORN), the
# seed cable's routing header (a hyphenated command, "RUEASRB/COMUSARCENT-CDRUSATHIRD FT
# MCPHERSON GA"), the header's declassification line after its distribution lines (N/A in a
# release marked UNCLASSIFIED).
adv round20-seed-header UNCLASSIFIED ../shared/seed/07MUSCAT1065.txt '' \
    'COMUSARCENT-CDRUSATHIRD|SIPDIS|TAGS: PARM|E.O. 12958: N/A|RHBVAKS/COMUSNAVCENT'
printf 'VZCZCXRO1193\nZNY SSSSS ZZH (CCY AD3230EB MSI1033-695)\nP 201423Z NOV 07\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 5580\nAMEMBASSY BRASILIA PASS TO AMCONSUL RECIFE\n\nS E C R E T PARIS 000264\n\nUSDOE FOR GEORGE PERSON\nEO 12958 DECL: 02/04/2029\n\n1. (U) The puffin count.\n' > "$tmp/keep20"
adv round20-neighbours-kept CONFIDENTIAL "$tmp/keep20" 'GEORGE PERSON' \
    '(CCY AD3230EB MSI1033-695)|PASS TO AMCONSUL RECIFE|EO 12958 N/A|puffin'

# 41. A twenty-first round, tests/data/redteam21/ (found on round 20's fixes): a declassification
#     line in the header whose exemption was a free word ("25X1-" and a name); tag characters on
#     a blank line of a released portion; a caption copied as it is while its bytes held what the
#     fold drops (character references of tag characters, an HTML tag whose attribute held text);
#     a withheld paragraph's label copied with markup in it ('<a name="...">2.</a>').
redteam redteam21
for mode in mask strip blackout; do
	"$T" -q -r UNCLASSIFIED -m $mode tests/data/redteam21/L2.txt > "$tmp/tags.out"
	if od -An -tx1 -v "$tmp/tags.out" | tr -d '\n' | grep -q 'f3 a0 8[01]'; then
		bad "round21-L2-$mode: tag characters in the release"
	else
		ok "round21-L2-$mode: no tag characters in the release"
	fi
done
# Neighbours kept: the exemption 25X1-human, plain labels with their signs before a placeholder.
printf 'S E C R E T MUSCAT 001065\n\nE.O. 12958: DECL: 25X1-human\n\n\302\2661. (U) The puffin count.\n\n\302\2662. (S) The walrus.\n\n\342\200\242 (S) The walrus again.\n\n3. (C) The gannet count.\n' > "$tmp/keep21"
adv round21-neighbours-kept CONFIDENTIAL "$tmp/keep21" 'walrus' 'DECL: 25X1-human|puffin|gannet'
"$T" -q -r CONFIDENTIAL "$tmp/keep21" > "$tmp/keep21.out"
if grep -q "^$(printf '\302\266')2. (U) \[WITHHELD" "$tmp/keep21.out" &&
    grep -q "^$(printf '\342\200\242') (U) \[WITHHELD" "$tmp/keep21.out"; then
	ok "round21-labels-kept: a paragraph sign and a bullet stay before their placeholders"
else
	bad "round21-labels-kept: a paragraph sign or a bullet was lost before its placeholder"
fi

# 42. A twenty-second round, tests/data/redteam22/ (the other policies' structure lines): the
#     legacy markings written out in full ("SENSITIVE BUT UNCLASSIFIED", "SENSITIVE SECURITY
#     INFORMATION", "LAW ENFORCEMENT SENSITIVE") as a heading or after a (U) mark, under the cui
#     and us-intel policies, which listed only their short forms: the text under them went out.
redteam redteam22

# 43. From round 22's near-misses, tests/data/redteam23/: a mark inside a line of the authority block
#     that the banner does not cover ("Reason: 1.4(c) (TS//SI)" under SECRET, "POC: ... (S//NF)"
#     under CUI) left the block and the unmarked text at the banner's level; labels strung on
#     ("W. A. L. R. U. S.") were copied before the placeholder; "RESTREINT UE" alone was a
#     heading of text to every policy but nato's.
redteam redteam23

# 44. A twenty-fourth round, tests/data/redteam24/ (on round 23's fixes): digits and signs before
#     a withheld mark copied as its label (a phone number, an address, "123-45-6789"); a level
#     line with an accent ("TRÈS SECRET": the fold left the accent apart and the line unread) or
#     of a national scheme ("GEHEIM", "DIFFUSION RESTREINTE") over unmarked text; a restrictive
#     control named in capitals among other words ("Caveat: NOFORN (per originator)", "the
#     Director as ORCON material").
redteam redteam24

# 45. A twenty-fifth round, tests/data/redteam25/ (on round 24's fixes; what is left is in
#     tests/data/redteam25-open): a level's abbreviation or another scheme's level where a list
#     item's text begins ("- TS The", "(a) TS The", "* GEHEIM The"); NOFORN's aliases named in
#     capitals among other words or in brackets with prose ("Handling: US ONLY, per originator",
#     "(NOFORN per originator)"); a label with an en dash ("B–52").
redteam redteam25

# 46. A twenty-sixth round, tests/data/redteam26/ (on round 25's fixes): a level after other list
#     labels ("o TS The", "1.b) TS The", "[2] TS The", "| 2 | TS The", "§ 3 GEHEIM The"); NOFORN
#     in title or lower case, and its aliases of three words in any case ("No Foreign Dissem");
#     the first words of an unmarked withheld paragraph copied as its label ("12", "K. G.",
#     "3.5", "14 30": a label now ends in ".", ")" or ":" and has one run of letters).
redteam redteam26

# 47. A twenty-seventh round, tests/data/redteam27/ (on round 26's fixes): a level or a control
#     after a label that holds a digit and no closing sign ("2.3 TS The", "1.2: TS", "2b TS",
#     "#2 TS", "No. 2 CTS", "2b NF The", "2b ORCON The").
redteam redteam27

# 48. A twenty-eighth set, tests/data/redteam28/ (rounds 17 and 24 to 27's open cases, closed, and
#     their neighbours): NOFORN with look-alike letters in prose or a caveat ("NОFОRN", "Nоfоrn"),
#     inflected ("NOFORNed", "NOFORNing"); a level's abbreviation after a label of a word ("Item 2:
#     TS The", "Note: TS The"); national levels in their own mixed case as a heading or where a
#     paragraph's text begins ("VS-NfD", "Protected B", "Stg. Geheim", "Official-Sensitive").
redteam redteam28
# Their neighbours in prose stay: a heading of another scheme's level word and a word of prose,
# and a label of a word before prose or an office's letters.
variants heading-keeps UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal.\n\n%b\n\nThe walrus left.\n' \
    'Official visit' 'Restricted area' 'Protected sites'
variants word-label-keeps UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal. Points:\n\n%b the walrus left.\n' \
    'Note: The' 'Item 2: The' 'Note: US officials said' 'Note: TSA officials said' \
    'Item 3: CIA analysts said' 'Para 2: UK officials said'

# 49. A twenty-ninth round, tests/data/redteam29/ (a helper on round 28's fixes): NOFORN with more
#     look-alike letters than a wildcard may stand for (Greek and Cyrillic: "ΝΟFΟRΝ", "Nоt
#     rеlеаsаblе to fоrеign nаtiоnаls", "UЅ ОNLҮ"), inflected in any case ("NOFORNED", "Noforned",
#     "NoFORNed", "NОFОRNed") or numbered by a footnote ("NOFORN²"); a level's abbreviation after
#     labels of other shapes ("Item (2):", "Note 1.2:", "Action item:", "Item No. 2:", "Para. 3:",
#     "Item 2)") or before a sign ("TS:", "TS,", "TS."); national levels in mixed case after
#     "Classification:" and after a label ("Item 2: VS-NfD The").
redteam redteam29
variants heading-keeps-29 UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal.\n\n%b\n\nThe walrus left.\n' \
    'Official Day' 'Official Car' 'Protected Bay' 'Official Use' 'Restricted Air'
variants word-label-keeps-29 UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal. Points:\n\n%b the walrus left.\n' \
    'Note: S. Korea said' 'Action item: CIA analysts said' 'Note (see below): UK officials said'

# 50. A thirtieth round, tests/data/redteam30/ (a helper on round 29's fixes): a label after a
#     paragraph's number ("2. Note: S The", "¶2. Item 2: TS"), of up to five words, with
#     apostrophes, brackets, quotes, commas or a subject's fields ("Note to the file:",
#     "Ambassador's note:", "[Note]:", "Subject: RE: S The"), ending in "::", "=>", "->", "=", ">"
#     or a letter's ")"; look-alike letters of more scripts (Latin small capitals, Lisu, Coptic,
#     Armenian, Cherokee) in controls, captions and levels ("(U) ЅЕСRЕТ: The", "2. ТЅ The"),
#     read a second time through their skeleton; NOFORN held in a longer word ("NOFORNization",
#     "reNOFORNed", "SecretNoforn"), hyphenated ("not-releasable-to-foreign-nationals"), or with
#     OCR's digits ("N0F0RN").
redteam redteam30
variants label-letter-keeps-30 UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal.\n\n2. (U) %b the walrus left.\n' \
    'Correct answer: C - the' 'Overall rating: C, and' 'T-shirt size: S, and'

# 51. A thirty-first round, tests/data/redteam31/ (a helper on round 30's fixes): labels of six
#     words or more, after a sentence in mid-line ("... Tuesday. Comment: TS The"), with accents
#     ("Résumé:", "Überblick:"), emphasis or arrows ("*Note* TS", "Note→ TS"), after other
#     paragraph numbers and bullets ("(2) Note:", "§ 2 Note:", "• Note:"); a level before a word
#     whose first letter is a capital after a quotation mark or bracket ("TS “The", "TS (The");
#     a caveat label read on a line with accents, look-alikes or over 100 bytes ("Café ...
#     Caveat: NF", "Dissem: ΝF"), and with OCR's digits in brackets ("(US 0NLY)"); combining
#     underlines on ASCII letters ("S̲E̲C̲R̲E̲T̲ The"); Armenian "Ս" for "U".
redteam redteam31
# A word of another script is not read as look-alikes ("С Новым годом" is Russian, not "C").
variants other-script-keeps UNCLASSIFIED '' 'walrus|gannet' \
    'UNCLASSIFIED\n\n1. (U) The gannet count was normal.\n\n2. (U) %b walrus left.\n' \
    'The greeting read: \320\241 \320\235\320\276\320\262\321\213\320\274 \320\263\320\276\320\264\320\276\320\274! The'

# 52. A thirty-second round, tests/data/redteam32/ (a helper on round 31's fixes): labels with any
#     sign in their words ("P5+1", "2+2", "(50% quota)"), of up to twelve words after a portion's
#     mark, after a sentence that ends in a quotation mark, a bracket or a dash ("soon.”
#     Comment: TS The"); footnotes glued to a level or control ("TS¹ The", "NF¹", "(NOFORN1)",
#     "(NOFORN 2)", "TS· The", "TS• The", "US ONLY²"), read a second time without them; enclosing
#     marks on letters ("S⃞E⃞C⃞R⃞E⃞T⃞") and negative squared letters ("🆃🆂 The").
redteam redteam32

# 53. A thirty-third round, tests/data/redteam33/ (a helper attacking the reader broadly): marks
#     that stand after their text on a line of their own ("... next year." / "(S)"), in briefing
#     notes, bullets, right margins, under every policy. A line of marks alone right after text
#     raises the portion above it. Where marks stand before their text with blank lines between
#     paragraphs, nothing changes.
redteam redteam33
variants leading-marks-keep UNCLASSIFIED '' 'gannet|puffin' \
    'UNCLASSIFIED\n\n%b\n\nUNCLASSIFIED\n' \
    '(U)\nThe gannet count was normal.\n(U)\nThe puffin count was normal.'
# With a line above the target among them, marks on lines of their own are read both ways (round
# 45): the paragraph before it may be its text, and what follows the last takes the document's
# marking, which the line raises.
variants leading-marks-both-ways UNCLASSIFIED 'walrus|gannet|puffin' '' \
    'UNCLASSIFIED\n\n%b\n\nUNCLASSIFIED\n' \
    '(U)\nThe gannet count was normal.\n\n(S)\nThe walrus count.\n\n(U)\nThe puffin count was normal.'

# 54. A thirty-fourth round, tests/data/redteam34/ (round 33's open cases and fuzz_reading's finds
#     around them): a damaged trailing mark ("S)"), a classification line or a banner between a
#     paragraph and its trailing mark, U+2029 in a Latin-1 line, a line of marks that are not all
#     proven before a marked paragraph.
redteam redteam34
# A line of marks alone under a figure, or with blank lines around it, leaves unproven which way
# marks stand: read both ways, the paragraphs after the last one take the document's marking,
# and those before it what it is raised to (rounds 37, 38). Nothing is kept.
variants leading-marks-34 UNCLASSIFIED 'walrus|puffin|gannet' '' \
    'SECRET\n\n(U) The gannet count was normal.\n\n%b\n\nSECRET\n' \
    '(S) The walrus count.\n(U)\n![figure](fig.png)\n(U) The puffin count was normal.' \
    '(S) The walrus count.\n\n(U)\n\nThe puffin count was normal.'
# Where they stand after it, a paragraph is under its own trailing mark, not the next one's.
variants trailing-marks-keep UNCLASSIFIED 'walrus' 'puffin' \
    'SECRET\n\nThe gannet count was normal.\n(U)\n\nThe puffin count was normal.\n%b\n\nSECRET\n' \
    '(U)\n\nThe walrus count.\n(S)' '(U)\n\nThe walrus count.\nSECRET\n(S)'

# 55. A thirty-fifth round, tests/data/redteam35/ (a helper on round 34's rules): where marks stand
#     after their paragraphs, a paragraph's own mark after a blank line, a page break, a form
#     feed, marked lines or another line of marks; and every line a viewer shows as empty.
redteam redteam35
variants trailing-mark-separator UNCLASSIFIED 'walrus' '' \
    'SECRET\n\nThe ambassador met the minister on Tuesday.\n(U)\n\nThe minister said walrus will be funded.\n%b\n(S)\n\nSECRET\n' \
    '' '   ' '\t' '\302\240' '\342\200\213' '-----' '* * *' '\342\200\251' '>' '\r\r' '\f' \
    'SECRET\n\fSECRET\nPage 2 of 2'

# 56. A thirty-sixth round, tests/data/redteam36/ (a helper on round 35's rules): marks after their
#     paragraphs with a blank line, a rule or double spacing on both sides of every line of
#     marks; a line of marks alone inside a sentence (a figure's caption and its mark).
redteam redteam36
# The last line of marks damaged (fuzz_reading, property b): what may be a mark alone is a line
# of marks alone, with its own mark unknown.
variants trailing-mark-damaged-last UNCLASSIFIED 'walrus' '' \
    'SECRET\n\nThe ambassador met the minister on Tuesday.\n\n(U)\n\nThe minister said walrus will be funded.\n\n%b\n\nSECRET\n' \
    '(AS)' '(SS)' '(Sl)'
# Damaged past reading, or no mark at all: unless a line of marks alone has its text on the next
# line, which way marks stand is not known, and they are read both ways.
variants trailing-mark-damaged-unread UNCLASSIFIED 'walrus' '' \
    'SECRET\n\nThe ambassador met the minister on Tuesday.\n\n(U)\n\nThe minister said walrus will be funded.\n\n%b\n\nSECRET\n' \
    '(S' '(S//' '[S]' '(5)' 'S)' 'S' '{S}' '<S>' 'S//NF' '(S)(' '( S' '(SECRET' '' \
    '-----' '(U' '(S)\n(U)'
# Marks on lines of their own are read both ways, whatever stands before the first and under
# each (round 45: every proof that they stand before their text was forged by a line inserted or
# damaged): the (U) paragraph before the (S) line may be its text; the one before a (U) line
# goes out.
variants marks-before-both-ways UNCLASSIFIED 'walrus|puffin' 'gannet' \
    'SECRET\n\nFrom: Harlan, Deborah K\nTo: Pol-Mil Section\nSUBJECT: (U) Counts\n\n(U)\nThe gannet count was normal.\n\n(U)\nThe puffin count was normal.\n\n%b\n\nSECRET\n' \
    '(S)\nThe walrus count.' '(S\nThe walrus count.' '[S]\nThe walrus count.' \
    '(S)\n(U) The walrus count.'
# Not where unmarked prose, or a title, stands before the first line of marks alone, or where one
# has no text on the next line: the puffin paragraph may be under the mark after it.
variants marks-before-unproven UNCLASSIFIED 'walrus|puffin' 'gannet' \
    'SECRET\n\n%b\n(U)\nThe gannet count was normal.\n\n(U)\nThe puffin count was normal.\n\n(S)\nThe walrus count.\n\nSECRET\n' \
    'The ambassador met the minister on Tuesday.\n' 'Port Security Assessment\n' \
    'Construction has begun.1\n'
# A line of marks alone inside a sentence, a classification line between it and the sentence's
# next line (fuzz_reading, property c): still joined, and the raise runs past it.
variants trailing-mark-class-line-in-sentence UNCLASSIFIED 'WALRUS' '' \
    'SECRET\n\nThe ambassador met the minister on Tuesday.\n(U)\nThe minister said WALRUS will be funded next year from the\nFigure 1: The reserve depot at Kamal\n(U)\n%b\nreserve account, and that the army will not be told.\n(S)\n\nSECRET\n' \
    'CLASSIFICATION: SECRET' 'SECRET' 'Secret//Noforn'

# 57. A thirty-seventh round, tests/data/redteam37/ (a helper on which way marks stand): a line
#     under a trailing mark taken for its text, a paragraph marked at its head taken as evidence,
#     and a line of marks alone after a blank line that raised only a portion of its own kind.
redteam redteam37

# 58. A thirty-eighth round, tests/data/redteam38/ (a helper on round 37's rules): a title, a
#     footnote number, a mark at a paragraph's end or an image's mark before the first line of
#     marks alone; a page break, head-marked bullets or a heading between a paragraph and the
#     line of marks alone after it.
redteam redteam38
# A line of marks alone before any text (a dropped image's mark) proves nothing once text comes
# under it after a blank line; with none under it ("(NOFORN DISSEM)" under a banner) it changes
# nothing.
variants top-mark-alone UNCLASSIFIED 'walrus' '' \
    'SECRET\n\n%b\n\nThe walrus plan is set.\n\n(S)\nThe count was normal.\n\n(U)\nPage 1 of 1\n\nSECRET\n' \
    '(U)' '![img-0.jpeg](img-0.jpeg)\n(U)' '(U//FOUO)'

# 59. A thirty-ninth round, tests/data/redteam39/ (a helper on round 38's rules): prose under a
#     label that passed for a header's field, and a title marked at its head that runs on into
#     the first paragraph.
redteam redteam39
# 60. A fortieth round, tests/data/redteam40/ (a helper on the header's fields): a subject, a
#     reference, an instruction or a salutation that the first line of marks alone marks.
redteam redteam40
# 61. A forty-first round, tests/data/redteam41/ (a helper on round 40's rules): a title marked at
#     its head running on into a paragraph that begins in a quote, a number, a capital outside
#     ASCII or a name in lower case.
redteam redteam41
# 62. A forty-second round, tests/data/redteam42/ (a helper on round 41's rules): a title marked
#     at its head that ends as a wrapped sentence does and runs on into a paragraph.
redteam redteam42
# Address fields, and a subject marked at its head, before the first line of marks alone: the
# same.
variants header-fields-both-ways UNCLASSIFIED 'walrus|puffin' 'gannet' \
    'SECRET\n\n%b\n\n(U)\nThe gannet count was normal.\n\n(U)\nThe puffin count was normal.\n\n(S)\nThe walrus count.\n\nSECRET\n' \
    'From: Harlan, Deborah K\nSent: Monday, March 14, 2011 4:52 PM\nTo: Pol-Mil Section' \
    'SUBJECT: (U) Counts of the year' \
    'Classification: UNCLASSIFIED\n\nFrom: Okafor, Robert MAJ (US)\nTo: Brandt, Thomas COL (US) <brandt@example.mil>'
# A subject, a salutation, any other label may be what the first line of marks alone marks, and
# so may a field whose value ends a sentence.
variants labelled-prose UNCLASSIFIED 'walrus|puffin' 'gannet' \
    'SECRET\n\n%b\n\n(U)\nThe gannet count was normal.\n\n(U)\nThe puffin count was normal.\n\n(S)\nThe walrus count.\n\nSECRET\n' \
    'BLUF: the ambassador met the minister on Tuesday.' 'Summary: the ambassador met the minister' \
    'Subject: the ambassador met the minister.' 'Oman: Expansion of the Duqm Naval Facility' \
    'Sir, the ambassador met the minister.' 'From: the ambassador, who met the minister.' \
    'Subject: Varna port visit' 'Sir,' 'MEMORANDUM FOR THE RECORD' 'To: the team\342\200\246'


# 63. A group right after the mark at a paragraph's head that may be a mark and proves nothing:
#     read as it would be at the head, where it is withheld ("(SX)" may be "(S)" damaged, and a
#     second mark after the first stands for the paragraph too). "(U) (SX) The walrus" went out
#     under its "(U)" on 0153b48. Groups that prove they are no mark (an item, prose, an
#     abbreviation) stay text.
n=0
for mark in '(U)' '(U//FOUO)' 'U)' '(U).' '(U):'; do
	for group in '(SX)' '(TSX)' '(SOC)' '(Ss)' '(EU)' '(S-X)' '(5NF)' '(TS/X)' '(T5NF)' '(5NF'; do
		for label in '' '2. ' '- '; do
			n=$((n + 1))
			printf 'UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n%s%s %s The walrus source is in the capital.\n\n3. (U) The gannet count was normal.\n' "$label" "$mark" "$group" > "$tmp/second$n"
			adv "group-after-head-mark-$n [$label$mark $group]" UNCLASSIFIED//FOUO \
			    "$tmp/second$n" 'walrus' 'puffin|gannet'
		done
	done
done
# 64. A forty-third round, tests/data/redteam43/ (a helper on section 63's first rule): groups
#     after the mark parted by any punctuation, a third group, a level letter or OCR's (5) after
#     the mark, "(Snf)" and "(S.N.F.)", a damaged group right under a line of marks alone,
#     "2. (5)" after a paragraph number.
redteam redteam43
# 65. A forty-fourth round, tests/data/redteam44/ (a helper on round 43's rules): bullets,
#     symbols, specks, arrows and footnote digits between a head's mark and a damaged group,
#     exemption codes before it, "( 5 )" after a mark or a label, under every policy.
redteam redteam44
# Where a sentence begins in mid-line, the groups after a mark, and a level damaged as OCR
# damages one alone; a reference there stays text.
variants midline-groups-after-mark UNCLASSIFIED 'walrus' 'puffin' \
    'SECRET\n\n1. (U) The puffin count was normal on 1 July. %b A directorate official said the walrus network will stay.\n\n2. (U) The puffin count was normal.\n\nSECRET\n' \
    '(U) (5NF)' '(U) (SX)' '(U) -- (5ECRET)' '(U) (s)' '(U//FOUO) • (T5)' '(5NF)' '(5ECRET)' \
    '(U) Comment: (5NF)' '(U) Note: (SX)'
# A paragraph that opens with groups and no mark, with one among them that may be a mark; a
# mark that lost its '(' among the groups after a mark (fuzz_reading's property (b) on round
# 44's exemption codes; redteam31-open's "Note: TS)The").
variants groups-no-mark SECRET 'walrus' 'puffin' \
    'SECRET\n\n1. (U) The puffin count was normal.\n\n%b The walrus source is in the capital.\n\n3. (U) The puffin count was normal.\n' \
    '2. U) (b)(1) (b)(3) (5NF)' '2. (U) (b)(1) (b)(3) 5NF)' '(b)(1) (b)(3) (SX)' '(a) (5NF)' \
    '2. (U) Note: TS)'
variants midline-reference-keep SECRET 'never-there' 'walrus|puffin' \
    'SECRET\n\n1. (S) The puffin count was normal on 1 July. %b A directorate official said the walrus network will stay.\n' \
    '(RSO)' '(REFTEL A)' '(SOC)' '(NATO)' '(SCA)' '(CSI)' '(UPR)'
# Where a sentence begins in mid-line, a level's abbreviation and a control at a group's end
# with what OCR made of "//" between, four bytes or more, is a damaged mark (stop 49): "(SHOC)"
# is "(S//OC)", an ORCON portion no SECRET reader may see.
variants midline-level-control SECRET 'walrus' '' \
    'SECRET\n\n1. (S) The puffin count was normal on 1 July. %b A directorate official said the walrus network will stay.\n' \
    '(SHOC)' '(S1IOC)' '(SIIOC)'
# The same groups at the head, with the digits OCR makes of letters ("(5NF)" is "(SNF)").
variants head-mark-ocr-digits UNCLASSIFIED//FOUO 'walrus' 'puffin' \
    'UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n%b The walrus source is in the capital.\n' \
    '(5NF)' '(T5NF)' '(5EC)' '(5NF' '2. (5NF)' '- (T5NF)'
variants group-after-head-mark-keep UNCLASSIFIED 'never-there' 'walrus|puffin' \
    'UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n2. (U) %b The walrus source is in the capital.\n' \
    '(a)' '(1)' '(4)' '(AP)' '(DOD)' '(see below)' '(U.S.)' '(Comment)' '(B52)' 'Comment: (a)'

# 66. A forty-fifth round, tests/data/redteam45/ (fuzz_reading, property c, its neighbours, and
#     two helpers' rounds): a line of marks alone inserted under a marked title, above it or
#     under the banner, a classification line or damaged mark under the last one, a title run
#     into a banner, stacked lines after a paragraph: each completed the proof that marks stand
#     before their text, or raised a paragraph by one line of a stack. No proof is made now.
redteam redteam45
redteam redteam46
redteam redteam47
redteam redteam48
# A line that may be no text between two lines of marks alone: they are a stack.
variants stack-over-no-text UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\nSUBJECT: Port visit\n\n(U)\nBoth port authorities have completed the fencing.\n\n%b\nThe host officer said the WALRUS network has two employees.\n\n(U)\nThe team recommends a visit.\n\nSECRET//NOFORN\n' \
    '(S//NF)\nPage 3\n(U)' '(S//NF)\n\nPage 2 of 3\n\n(U)' '(S//NF)\n12 March 2024\n(U)' \
    '(S//NF)\nFigure 2\n(U)' '(S//NF)\nSECRET NOFORN\nPage 3\n(U)' '(S//NF)\n\fPage 3\n(U)' \
    '(S//NF\n12 March 2024\n(U)' '(S//NF\nPage 3\n(U)' \
    '(S//NF)\nTop Secret\n\nPage 3\nSECRET NOFORN\n\n(U)' '(S//NF)\n\n\n\n\n\nPage 3\n\n\n\n(U)'
# A one-line paragraph that ends a sentence between two lines of marks alone is text.
variants stack-one-line-keep UNCLASSIFIED 'WALRUS' 'gannet' \
    'UNCLASSIFIED\n\n(U)\nThe gannet count was normal.\n%b\n(U)\nThe puffin count was normal.\n\n(S//NF)\nThe WALRUS count.\n\nUNCLASSIFIED\n' \
    '' '\n'
# A heading that names countries under its mark is no line of marks alone (fuzz_reading,
# property b: "(U) USA, GBR" read so withheld the title above it, and "U) USA, GBR" did not).
variants country-heading-keep UNCLASSIFIED 'okapi' 'Port visit' \
    'SECRET\n\n(U) Port visit --\n\nThe T\n\n%b\n\n1. (S//REL TO USA, GBR) The okapi count was normal.\n' \
    '(U) USA, GBR' 'U) USA, GBR' '(U) USA' '(U) REL TO USA'
# What comes under a stack of marks is under them together, whatever stands before the second.
variants stack-over-text UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\nSUBJECT: Port visit\n\n(U)\nBoth port authorities have completed the fencing.\n\n%b\nThe host officer said the WALRUS network has two employees.\n\n(U)\nThe team recommends a visit.\n\nSECRET//NOFORN\n' \
    '(S//NF)\n(U)' '(S//NF)\n\n(U)' '(S//NF)\n* (U)' '(S//NF)\n\n* (U)' '(S//NF)\n- (U)' \
    '(S//NF)\n\n  * (U)' '(S//NF)\n-- (U)' '(S//NF)\n\342\200\242 (U)' '(S//NF)\n(U) UNCLASSIFIED'
# Whatever stands where a proof would look (the first line of marks alone, a title or a subject
# marked at its head, a field's value that ends in a mark) proves nothing: the WALRUS paragraph
# may be under the mark after it.
variants above-floor-proves-nothing UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\n%b\n\n(U)\nThe WALRUS network has placed two employees in the harbor office.\n\n(S//NF)\nThe team recommends a follow-up visit.\n\nSECRET//NOFORN\n' \
    '(S//NF)\nBoth port authorities have completed the fencing.' \
    '(C)\nBoth port authorities have completed the fencing.' \
    '(U//FOUO)\nBoth port authorities have completed the fencing.' \
    '(U) Port Security --\n(S//NF)\nBoth port authorities have completed the fencing.' \
    '(U) Port Security --\n\n(s//nf)\nBoth port authorities have completed the fencing.' \
    '(U) Port Security --\n(U)\nboth port authorities have completed the fencing.' \
    'SUBJECT: (C) Port security\n\n(U)\nBoth port authorities have completed the fencing.' \
    '(C) Both port authorities have completed the fencing.\n\n(U)\nThe fences are new.' \
    'To: Pol-Mil Section, who said the fencing is done. (S)\n\n(U)\nThe fences are new.' \
    '(U) Port Security (S)\n\n(U)\nThe fences are new.'
# A (U) first line of marks alone, and (U) titles and fields before it, prove nothing either.
variants floor-both-ways UNCLASSIFIED 'walrus|puffin' 'gannet' \
    'SECRET//NOFORN\n\n%b\n\n(U)\nThe gannet count was normal.\n\n(U)\nThe puffin count was normal.\n\n(S//NF)\nThe walrus count.\n\nSECRET//NOFORN\n' \
    '(U) Port Security' 'SUBJECT: (U) Port security' 'To: Pol-Mil Section (US)' \
    'From: Harlan, Deborah K\nSent: Monday, March 14, 2011 4:52 PM'
# What stands under the last line of marks alone, or beside it, that is no prose (a classification
# line, a banner, a damaged mark, a marking's words) is no text of its: it got none, and marks may
# stand after their paragraphs (the helper of round 45, and its fuzzer).
variants last-mark-no-prose UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\n(U) Black Sea Port Security Assessment\n\n(U)\nBoth port authorities have completed the fencing.\n\n(U)\nThe host officer said the WALRUS network has two employees there.\n\n%b\n\nSECRET//NOFORN\n' \
    '(S//NF)\nClassification: SECRET//NOFORN' '(S//NF)\nSECRET NOFORN' '(S//NF)\nS)' \
    '(S//NF)\nS' '(S//NF)\n(S' '(S//NF)\n[S]' '(S//NF)\nS//NF' '(S//NF)\n(U) SECRET' \
    '(S//NF)\nSECRET (U)' '(S//NF) SECRET' '(S//NF) NOFORN' '(S//NF) TOP SECRET' \
    '(S//NF) //NF' '(S//NF) SECRET//NOFORN'
# A title run into a banner or a field before the first line of marks alone is text all the same.
variants title-in-header-line UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\n%b\n\n(U)\nThe host officer said the WALRUS network has two employees there.\n\n(S//NF)\nThe team recommends a visit.\n\nSECRET//NOFORN\n' \
    'SECRET//NOFORN  Black Sea Port Security Assessment' \
    'Classification: SECRET//NOFORN Black Sea Port Security Assessment' \
    'From: Okafor, Ruth MAJ\nClassification: SECRET//NOFORN Subject: Varna port visit'
# Lines of marks alone one under another after a paragraph: their marks together.
variants stacked-marks-after UNCLASSIFIED 'WALRUS' '' \
    'SECRET//NOFORN\n\n(U) Black Sea Port Security Assessment --\nBoth port authorities have completed the fencing.\n\n(U)\nThe host officer said the WALRUS network has placed two\n%b\nThe team recommends a visit.\n\nSECRET//NOFORN\n' \
    '\n(U)\n(S//NF)' '\n(U)\n(U)\n(S//NF)' '(U)\n(S//NF)' '\n(U)\n(S)\nemployees in the office.\n'
# A line of marks alone that lost its '(', with punctuation, emphasis or a bullet around it
# (fuzz_reading, property b: "(SBU/NF))." damaged to "SBU/NF)).") is one all the same: the
# marked paragraph after it may be under it. So is one that lost it alone on its line ("U)"
# above "(5NF) A directorate official ...", fuzz_reading, property b): it is read as a line of
# marks alone, as "(U)" is, and the marks are read both ways.
variants lost-open-alone-dressed UNCLASSIFIED 'walrus' '' \
    'UNCLASSIFIED\n\n1. (U) The puffin count.\n\n%b\n\n(U) The walrus names are attached.\n\n2. (U) The gannet count.\n' \
    'SBU/NF)).' 'SBU/NF).' 'SBU/NF):' 'SBU/NF)**' '**SBU/NF)**' 'S//NF);' 'TS//SI).' \
    '- SBU/NF).' '* SBU/NF)' '\342\200\242 SBU/NF).'
variants lost-open-alone-line UNCLASSIFIED 'walrus|Port Authority' '' \
    'UNCLASSIFIED\n\nSUBJECT: (U) Port Authority Reorganization\n\n1. (U) The port authority announced a reorganization of its\nsecurity directorate effective 1 July.\n\n%b\n(5NF) A directorate official said the walrus network will keep\nits people.\n\n2. (U) Post will report.\n' \
    '(U)' 'U)' 'S)' 'U).' '- U)'

# Marks on lines of their own before their paragraphs, with blank lines around them: which way
# they stand is not known (round 37), and the WALRUS paragraph is withheld either way.
variants own-line-marks UNCLASSIFIED 'walrus' '' \
    'SECRET\n\n(U)\n\nThe gannet count was normal.\n\n%b\n\n(U)\n\nThe puffin count was normal.\n\nSECRET\n' \
    '(S)\n\nThe walrus count.' '(S)\n\nThe walrus count\n(U)\nwas high.'

# 67. A release redacted again, to a lower target (a pipeline that narrows in steps): a portion
#     kept under a raise that lines the release withholds carry (a line of marks alone after it
#     whose own portion is unknown, a classification line run into a header) is written with
#     what it carries as its mark, so that the release read again withholds it where its source
#     is withheld (fuzz_reading, property g; tests/data/release-again).
for doc in tests/data/redteam45/email-classification-merged-with-subject.txt \
    tests/data/redteam46/new-email-damaged-u-above-headers.txt; do
	for first in SECRET CONFIDENTIAL; do
		adv2 "release-again-$(basename "$doc" .txt)" "$first" UNCLASSIFIED "$doc" 'WALRUS'
	done
done
adv2 release-again-two-step-g CONFIDENTIAL UNCLASSIFIED tests/data/release-again/two-step-g.txt \
    'wncument'
adv2 release-again-two-step-g SECRET UNCLASSIFIED tests/data/release-again/two-step-g.txt \
    'wncument'
email='Classification: SECRET//NOFORN\n\nFrom: Okafor, Ruth MAJ\nTo: Brandt, Paul LTC\nSent: Tuesday, March 4, 2025 9:12 AM\n%s\n\n(U)\nSir, the host liaison officer told us that the WALRUS network has two people in the\nharbor master'"'"'s office. He asked that the port police not be told.\n\n(S//NF)\nWe recommend a follow-up visit in the spring.\n\nClassification: SECRET//NOFORN\n'
n=0
for line in 'CLASSIFICATION: SECRET//NOFORN SUBJECT: VARNA PORT VISIT' \
    'Classification: SECRET//NOFORN; Subject: Varna port visit' \
    'Classification: SECRET//NOFORN//WXYZ' 'Caveat: SECRET//NOFORN//WXYZ' \
    'Subject: (S//WXYZ) Varna port visit' 'Subject: Varna port visit Classification: SECRET//NOFORN'; do
	n=$((n + 1))
	# shellcheck disable=SC2059
	printf "$email" "$line" > "$tmp/again$n"
	adv2 "release-again-email-$n [$line]" SECRET UNCLASSIFIED "$tmp/again$n" 'WALRUS'
	adv2 "release-again-email-$n [$line]" SECRET CONFIDENTIAL "$tmp/again$n" 'WALRUS'
done

# 68. A mark that never closes over the words of its line ("(TS//SI The walrus source ...") is
#     no mark alone: the line is as wide as it is written (line_width), so the mark on the next
#     line goes on with its sentence, joined, and the lines under a title with such a mark are
#     not read under a short heading (build/props, property b: the marks of redteam9's
#     R7a-prose-date and redteam45's inserted-u-under-plain-title with their ')' dropped).
variants unclosed-head-width UNCLASSIFIED 'walrus' '' \
    'TOP SECRET//SI\n\n%b The walrus source handed our officer the report dated 07/07/2004\n(U) Zebra Field Manual, which names the walrus unit commanders.\n' \
    '(TS//SI' '(TS/SI' '(S//NF' '[TS//SI' '(TS//SI//NF' '(TS' '(TS//SI,'
variants unclosed-title-width UNCLASSIFIED 'fencing|WALRUS|camera' '' \
    'SECRET//NOFORN\n\n%b Black Sea Port Security Assessment, Third Quarter\n(U)\nBoth port authorities have completed the fencing projects funded last year, and\naccess control at the main gates has improved since the spring visit.\n\n(U)\nThe host liaison officer told the team that the WALRUS network has placed two\nemployees in the Varna harbor master'"'"'s office.\n\n(S//NF)\nThe team recommends a follow-up visit to review the new camera\ncoverage at the container terminal.\n\nSECRET//NOFORN\n' \
    '(U' '(S' '(U//FOUO'

# 69. A letter label that is a level letter ("2. U) The": "(U)" that lost its '(') raises its
#     line with the groups after it, read as after a mark at a head: a damaged mark past a label
#     of one word and a colon ("2. U) Comment: (5NF) The") is unknown (build/props, property b:
#     redteam43's label-then-second-group and redteam31-open's label_TS_paren_glued with the '('
#     of their head marks dropped).
variants letter-label-groups UNCLASSIFIED 'walrus' 'delegation|meeting ended' \
    'UNCLASSIFIED\n\n1. (U) The delegation met on Tuesday.\n\n%b The walrus network has a contact.\n\n3. (U) The meeting ended.\n' \
    '2. U) Comment: (5NF)' 'U) Comment: (5NF)' '2. U) Note: TS)' '- U) Note: (TSI/NF)' \
    '2. U) (S//NF)' 'U) -- (5ECRET)' '2. U) Comment: (S//NF)' '2. U)//SBU Comment: (5NF)'

# 70. A forty-ninth round, tests/data/redteam49/ (a helper on section 67's re-marking): text with
#     no mark of its own after a withheld portion (a table row with a level in a column parted
#     by spaces, REF rows that end the header) was read, in the release, as going on with the
#     text before the row or with its placeholder; it is now written with what it carries as its
#     mark. A table row marked at its head is raised by a classification cell too.
redteam redteam49
for doc in table-row-interrupts-sentence status-table-lowercase-paragraph \
    cable-ref-list-classification-column; do
	for first in SECRET "TOP SECRET"; do
		adv2 "redteam49-again-$doc" "$first" UNCLASSIFIED "tests/data/redteam49/$doc.txt" \
		    'walrus|WALRUS'
		ADV_ARGS="-p policies/us-intel.yaml"
		adv2 "redteam49-again-$doc, us-intel" "$first" UNCLASSIFIED \
		    "tests/data/redteam49/$doc.txt" 'walrus|WALRUS'
		ADV_ARGS=
	done
done
row='SECRET\n\nSUBJECT: (U) Harbor security status\n\n1. (U) The port office reported that the status of the harbor units had not\nchanged since the last report, and the liaison officer added that the\n\n%b\n\nwalrus network has two people in the harbor master'"'"'s office.\n\n2. (U) The next report is due on Friday.\n\nSECRET\n'
n=0
for line in '   BRAVO        North pier         S' 'BRAVO\tNorth pier\tTS' \
    '   CHARLIE      South pier         C' '(S//WXYZ) Bravo pier status.' \
    '(Secret) Bravo pier status.' '   BRAVO        North pier         S//NF'; do
	n=$((n + 1))
	# shellcheck disable=SC2059
	printf "$row" "$line" > "$tmp/row$n"
	adv "unmarked-after-withheld-$n [$line]" UNCLASSIFIED "$tmp/row$n" 'walrus' 'next report'
	adv2 "unmarked-after-withheld-$n [$line]" SECRET UNCLASSIFIED "$tmp/row$n" 'walrus'
	adv2 "unmarked-after-withheld-$n [$line]" SECRET CONFIDENTIAL "$tmp/row$n" 'walrus'
done

# 71. build/props over the red-team folders with more draws (-t 16, seeds 100 and 200), and a
#     long fuzz_reading run: one damage or insertion that released a line, each closed with its
#     neighbours.
# A mark whose level is gone is no caption ("(//NF)"): a line of marks alone, in its stack.
for ins in '(//NF)' '( // NF)' '[//NOFORN]' '(/NF)' '(///NF)'; do
	sed "11s|.*|$ins|" tests/data/redteam48/memo-nf-page-sno-u.txt > "$tmp/gone"
	adv "level-gone-no-caption [$ins]" UNCLASSIFIED "$tmp/gone" 'WALRUS'
	sed "8s|.*|$ins|" tests/data/redteam47/slide-nf-stack-over-dash-u-bullet.txt > "$tmp/gone"
	adv "level-gone-no-caption, stack [$ins]" UNCLASSIFIED "$tmp/gone" 'WALRUS|Fencing'
done
# A level letter alone on its line, in lower case ("(u)", "(c)"): a line of marks alone too.
for ins in '(u)' '(s)' '(c)' '(U)' 'u)'; do
	sed "8s|.*|$ins|" tests/data/redteam43/marks-alone-then-damaged.txt > "$tmp/lower"
	adv "level-letter-alone [$ins]" UNCLASSIFIED "$tmp/lower" 'walrus|Port Authority|port authority'
done
# The words of a line between two lines of marks alone are counted without its marks: a mark
# inserted there ("(Top Secret) Comment:") makes it no more text than it was.
for ins in '(Top Secret) ' '(Top Secret)' '(TS) ' '(S//NF) ' '(SECRET) ' '(U) (TS) '; do
	sed "12s|^|$ins|" tests/data/redteam48/iir-nf-comment-label-u.txt > "$tmp/words"
	adv "between-stack-words [$ins]" UNCLASSIFIED "$tmp/words" 'WALRUS'
done
# Marks in brackets before a mark with none at a paragraph's end are of it ('... resign." (TS)
# S//NF'): the paragraph is raised by it still.
for ins in '(TS)' '(TS) ' '(Top Secret)' '(Top Secret) ' '(S)(TS)' '(S//NF) (TS) '; do
	sed "6s|^\(.\{9\}\)|\1$ins|" tests/data/redteam13/F-trailing-quote.txt > "$tmp/tail"
	adv "marks-before-bare-end [$ins]" UNCLASSIFIED "$tmp/tail" 'walrus'
	adv "marks-before-bare-end [$ins]" CONFIDENTIAL "$tmp/tail" 'walrus'
done
# A line that begins with a mark and goes on in lower case ("(S//NF)reserve account") under a
# line of marks alone: that line is inside the sentence, joined.
for ins in '(S//NF)' '(S//NF) ' '(TS) ' '(C)'; do
	sed "10s|^|$ins|" tests/data/redteam36/trailing-mark-figure-caption-own-mark.txt > "$tmp/glued"
	adv "mark-then-lower-under-alone [$ins]" CONFIDENTIAL "$tmp/glued" 'WALRUS'
done
# A line of marks alone raises the text above it across a classification line between them
# (fuzz_reading, property c: "Secret" inserted between a title and a damaged mark).
for ins in '' 'Secret\n' 'SECRET\n' 'Top Secret\n' 'SECRET//NOFORN\n'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n(U) Background walrus\n${ins}(SIIcapital.\n" > "$tmp/across"
	adv "alone-raises-across-class-line [$ins]" CONFIDENTIAL "$tmp/across" 'walrus'
done

# A mark with no letter or digit beside it ("(S) ]]]]", "(S) --") is a line of marks alone, as the
# damaged line it may be was (fuzz_reading, property c: "(S)" inserted before "]]]]").
variants mark-beside-nothing UNCLASSIFIED 'walrus' '' \
    'UNCLASSIFIED\n\n1. (U) The walrus count was high this year\n\n%b\n\nThe puffin count was normal.\n' \
    '(S) ]]]]]]]]' '(S) --' '(S) ...' '(TS) ***' '(S//NF) --' '(S) ]]]]\v\v'

# 72. A fiftieth round, tests/data/redteam50/ (a helper on sections 67 to 71): table rows marked
#     at their head with a classification cell (footnotes, no outer bars, tabs), marks and
#     markings after a paragraph's last sentence with separators or spelled out, footnotes after
#     a mark, a level letter in lower case alone in emphasis or braces.
redteam redteam50
for tail in '(TS); S//NF' '(TS), S//NF' '(TS) / S//NF' 'TOP SECRET' 'SECRET' '-- S//NF' \
    'TS S//NF' '(TS) S' '(S//NF)\302\271' '(TS) S//NF\342\201\264'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) The Ambassador met the minister on June 12.\n\n2. (U) The walrus source says the minister told him \"I will\nresign.\" $tail\n\n3. (U) Embassy will follow up.\n" > "$tmp/tail"
	adv "paragraph-end-marking [$tail]" UNCLASSIFIED "$tmp/tail" 'walrus' 'Embassy will'
	adv "paragraph-end-marking [$tail]" CONFIDENTIAL "$tmp/tail" 'walrus'
done
for row in '- (U) | WALRUS intercepts | TS |' '(U) | WALRUS intercepts | TS\302\262' \
    '* (U) | WALRUS intercepts | S |' '| (U) | WALRUS intercepts | TS [2] |' \
    '(U)\tWALRUS intercepts\tTS' '(U)   WALRUS intercepts   S'; do
	# shellcheck disable=SC2059
	printf "TOP SECRET//SI\n\n(U) Programs\n\n$row\n\n(U) Questions to the manager.\n" > "$tmp/row"
	adv "head-marked-row-cell [$row]" UNCLASSIFIED "$tmp/row" 'WALRUS' 'Questions'
done
for m in '**(s)**' '{c}' '{s}' '- [s]' '_(c)_'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n(U) The embassy met the deputy minister on Tuesday.\n\n(U) The harbor master said the walrus account was closed in May.\n$m\n\n(U) The next meeting is set for Friday.\n" > "$tmp/letter"
	adv "letter-alone-dressed [$m]" UNCLASSIFIED "$tmp/letter" 'walrus'
done

# A mark that lost its '(' alone on its line, with groups in brackets before it: a line of marks
# alone still (fuzz_reading, property c: "(Top Secret)" inserted before "SOURCE)").
for l in '+ (Top Secret) SOURCE)' '- (S) SBU/NF)' '(TS) (S) NF)' '+ (Secret) S//NF).' '(TS) U)'; do
	printf 'SECRET\n\n2. (U) The walrus delivered the report\n%s\n\n3. (U) The end.\n' "$l" > "$tmp/lost"
	adv "lost-open-after-groups [$l]" UNCLASSIFIED "$tmp/lost" 'walrus'
done

# 73. A damaged mark with a footnote after it, alone on its line, is a line of marks alone
#     whose reading is unknown: the footnote gives it no width (build/props, property b: '9'
#     inserted in redteam50's "(S//NF)\302\271").
for m in '(9S//NF)\302\271' '(SX//NF)1' '(S//NX) [2]' '(5//NF)*' '(S//NQ)\342\200\240' '(S//NF)\302\271'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) The embassy met the minister.\n\n2. (U) The walrus account was closed\nin May.\n$m\n\n3. (U) The next meeting is Friday.\n" > "$tmp/fn"
	adv "damaged-mark-footnote-alone [$m]" UNCLASSIFIED "$tmp/fn" 'walrus'
done

# 74. Marks whose last group lost its ')' ("(S) (UET", "(U) (S//NF") are a line of marks alone,
#     as the group alone ("(UET") was: read both ways, they raise the text before them and after
#     (fuzz_reading, property c: "(S/NF) " inserted before "(UET" released the (U) heading above).
variants marks-then-open-group CONFIDENTIAL 'walrus' '' \
    'SECRET\n\n(U) The walrus heading\n\n%b\n\n1. (U) The delegation met.\n' \
    '(S/NF) (UET' '(S) (UET' '(S)(UET' '(U) (SX' '(S//NF) (C//' '(U) (S//NF' '(UET'

# 75. A fifty-first round, tests/data/redteam51/ (a helper on section 73): footnotes in any form
#     after a line of marks alone, proven or damaged, in round or square brackets.
redteam redteam51
for m in '(S//NF)[1,2]' '(S//NF)<sup>1</sup>' '(S//NF)[^2]' '(S/NF) 1/' '(S//NF)\302\271.' \
    '(S//NF)\302\260' '[S]\302\271' '[S//NF] [1]' '(9S//NF)\302\271,\302\262' '(S//NX)(1)' \
    '(S//NF [1]' 'S) [1]' 'S)[1]' '(S//NF)\342\201\275\302\271\342\201\276' '(S//NF) {1}' '(S//NF)^1' \
    '(S//NF) (i)' '(S//NF) [a]' '(S//NF)\302\247'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) The delegation met the harbor master and\ndiscussed the walrus colony near the pier.\n$m\n\n2. (U) The visit ended.\n" > "$tmp/fnote"
	adv "footnote-after-marks-alone [$m]" CONFIDENTIAL "$tmp/fnote" 'walrus'
done
# Retained: a (U) line of figures under a paragraph is a table's or a list's, not footnotes after
# a mark (round 52: "(U) 2,450", a telephone line, a time, a sum), and turns nothing on.
for fig in '(U) 2,450' '(U) 202-555-0100 / 202-555-0101' '(U) 10:00-11:30' '(U) 45%' '(U) $4,500' \
    '(U) 12/05/2010' '(U) | 12 | 14 |'; do
	printf 'SECRET\n\n1. (U) The puffin count was normal\nthis year.\n%s\n\n2. (U) The seal count too.\n' "$fig" > "$tmp/figs"
	adv "figures-under-text [$fig]" UNCLASSIFIED "$tmp/figs" '' 'puffin|seal count'
done
# Retained: an exemption code in a margin before a level letter ("1.5(c)") is no mark alone.
printf 'CONFIDENTIAL\n\n(U) The puffin count was normal.\n1.5(c)\n\n(U) End.\n' > "$tmp/margin"
adv "margin-exemption-code" CONFIDENTIAL "$tmp/margin" '' 'puffin'

# 76. Round 51 too: a level and a control parted by '.', ':' or '_' ("(S.NF)", "(TS:SI)") are
#     a mark that a slip made; what may be a mark, closing a line after a sentence ("(T5)",
#     "(TSllSl)"), marks the text before it; a caption in brackets right under a paragraph's
#     text ("(SI/NF)", "($//NF)") may be its mark, damaged: it raises the paragraph to unknown,
#     across a banner or classification line inserted in it.
for m in '(SI/NF)' '($//NF)' '(SI//NF)' '(SI-NF)' '(HCS/NF)' '(NOFORN)' '[SI/NF]' \
    'Secret\n(SI/NF)' 'T O P S E C R E T\nthrough it.\n(SI/NF)'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The source said the walrus moves Friday\nthrough the gate.\n$m\n\n3. (U) End.\n" > "$tmp/capmark"
	adv "caption-under-text [$m]" CONFIDENTIAL "$tmp/capmark" 'walrus' 'Background|End'
done
for m in 'Friday. (S.NF)' 'Friday. (S:NF)' 'Friday. (S_NF)' 'Friday. (TS.SI)' 'Friday. (T5)' \
    'Friday. (TSllSl)' 'Friday. (T5)\302\271' 'brief. (S:NF) The walrus moves' 'brief. (C.NF) Then'; do
	# shellcheck disable=SC2059
	printf "TOP SECRET//SI//NOFORN\n\n(U) Background.\n\n(U) The source said the walrus moves $m\n\n(U) End.\n" > "$tmp/tailmark"
	adv "damaged-mark-after-sentence [$m]" CONFIDENTIAL "$tmp/tailmark" 'walrus'
done
# Retained: an abbreviation, a reference and a caption at the top are no marks.
printf 'SECRET\n\n(U) The U.S. (U.S.) team met the puffin group (REFTEL A).\n\n(U) End.\n' > "$tmp/abbr"
adv "abbreviation-at-end" UNCLASSIFIED "$tmp/abbr" '' 'puffin'

# 77. Round 52, tests/data/redteam52/: a mark right under a paragraph's text with no word of
#     prose after it (a footnote with a letter, OCR's "l" for "1", one cut short) raises the
#     paragraph above with its marking as read (short_under_text); a footnote with a letter,
#     a tag or an entity after a mark at a paragraph's end is read past (trim_note); a group at
#     a line's end after text that is a mark damaged past doubt raises its paragraph back
#     (damaged_at_end); a level glued to more of a marking's words is a mark (level_glued).
redteam redteam52
for m in '(S//NF) [FN2]' '(S//NF)<sup>b</sup>' '(S//NF) &dagger;' '(S//NF) ^b' '(S//NF) {b}' \
    '(S/NF) I/' '(TS) l.' '(S//NF) [ii]' '(S//NF) [a,b]' '(S//NF) &#185;' 'S) [b]' '(SECRET' \
    '(S//NF [a]' '(U) (TS' '(U) (C' '(U) T5NF' '(S//REL TO USA, FRA' '(U) (TOP SECRET'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) The delegation met the harbor master and\ndiscussed the walrus colony near the pier.\n$m\n\n2. (U) The visit ended.\n" > "$tmp/fnl"
	adv "mark-under-text-no-prose [$m]" CONFIDENTIAL "$tmp/fnl" 'walrus'
done
for m in 'pause (T5)' 'pause (5ECRET)' 'pause (S//NF' 'pause (TS' 'pause [S.NF]' "pause (T5)'" \
    'pause (T5),' 'pause (S=NF).' 'pause.(S+NF)' 'pause. (S//NF)<sup>a</sup>' 'pause. (S//NF)l' \
    'pause. (S//NF) [b]' 'pause. (S//NF)&sup2;' 'pause. (S//NF)^a' 'pause. (S)\342\200\235' \
    'pause (TS.SI.TK) and' 'pause (s.noforn) and' '{S.NF} pause' 'pause (Ts:Si) and' \
    'pause (C.REL) and'; do
	# shellcheck disable=SC2059
	printf "TOP SECRET//SI//NOFORN\n\n(U) Background.\n\n(U) The source said the walrus moves after a\ntwo-week $m\n\n(U) End.\n" > "$tmp/dmend"
	adv "damaged-mark-at-end [$m]" CONFIDENTIAL "$tmp/dmend" 'walrus' 'Background'
done
# Retained: what is no mark at a line's end, and a heading or a line of prose marked at its head
# right under a paragraph, at their own marks.
for m in 'the ministry (MFA)' 'the United States (USA)' 'the G8 (G8)' 'the team (E3)' \
    'the afternoon (p.m.)' 'the U.S. (U.S.)' 'care of (c/o)' 'and S&T (S&T)' 'the item (a)' \
    'the article [1]' 'the vote (2)'; do
	printf 'SECRET\n\n(U) The puffin count was normal this year, said\n%s\n\n(U) The seal count too.\n' "$m" > "$tmp/noend"
	adv "no-mark-at-end [$m]" UNCLASSIFIED "$tmp/noend" '' 'puffin|seal count'
done
# In mid-sentence on a line that goes on with a paragraph, a mark raises its paragraph back; where
# a sentence begins, it is the text's after it.
for m in 'ministry (S//NF) with' 'ministry S//NF with' 'ministry (S,NF) with' 'ministry, (TS) said' \
    'ministry 12 (S//NF) said'; do
	printf 'SECRET//NOFORN\n\n(U) Background.\n\n(U) The walrus courier route now runs through the\nport, according to the %s access.\n\n(U) End.\n' "$m" > "$tmp/msent"
	adv "mark-in-mid-sentence [$m]" CONFIDENTIAL "$tmp/msent" 'walrus' 'Background|End'
done
printf 'SECRET//NOFORN\n\n(U) AF - Cameroon - An examination of the puffin\ncolony and the gannets: (S//NF) The October\ncount rose.\n\n(U) End.\n' > "$tmp/msent"
adv "mark-at-sentence-head-midline" UNCLASSIFIED "$tmp/msent" 'October' 'puffin|End'
for m in '(U) Leadership' '(U) The seal count too, the survey found.' '(S) The walrus colony moved north this year.' \
    '(U//FOUO) Notes:' '(U) 2,450'; do
	printf 'SECRET\n\n(U) The puffin count was normal\nthis year.\n%s\n\n(U) The gannet count too.\n' "$m" > "$tmp/under"
	adv "marked-line-under-text [$m]" UNCLASSIFIED "$tmp/under" 'walrus' 'puffin|gannet'
done

# Retained: a footnote glued to a proven mark at a paragraph's end is read past in the words
# that hold "//" (round 52: "(S//NF)1" was unknown at SECRET), and a quoted mark with one too.
for m in '(S//NF)1' '(S//NF)[1]' '(S//NF)\302\271' '(S//NF)12'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. The source said the minister will walk out. $m\n\n3. (U) End.\n" > "$tmp/fnsec"
	adv "footnote-glued-to-mark [$m]" SECRET "$tmp/fnsec" '' 'walk out|Background|End'
done
printf 'UNCLASSIFIED//FOUO\n\nFrom: desk officer\nSubject: RE: visit\n\n(U) Thanks, see below.\n\n> (U) The puffin count was normal.\n> (S//NF)[1]\n\n(U) End.\n' > "$tmp/quoted"
adv "quoted-mark-footnote" SECRET "$tmp/quoted" '' 'Thanks|puffin|End'
# Withheld still: what no footnote is ("(S//NF)l", "(S//NF)123").
for m in '(S//NF)l' '(S//NF)123'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. The walrus will walk out. %s\n\n3. (U) End.\n' "$m" > "$tmp/fnsec"
	adv "glued-not-footnote [$m]" SECRET "$tmp/fnsec" 'walrus' 'Background|End'
done

# 78. Round 53, tests/data/redteam53/: a number of any length after a mark at a paragraph's end
#     (stop 37's regression), a damaged mark at a line's end with no full stop before it, a
#     glued mark in lower case ending its line, a backslash or an apostrophe between a level and
#     a control. Retained: an abbreviation's definition and an office symbol.
redteam redteam53
adv "abbreviation-defined [Tropical Storm (TS)]" UNCLASSIFIED \
    tests/data/redteam53/ow-tropical-storm-TS-midsentence.txt '' 'Relief flights into Gonaives'
adv "abbreviation-defined [(T.S.)]" UNCLASSIFIED tests/data/redteam53/ow-tropical-storm-TS-dotted.txt \
    '' 'World Food Programme'
adv "office-symbol-at-end [Secretary (S).]" UNCLASSIFIED \
    tests/data/redteam53/ow-secretary-S-officesymbol.txt '' 'The Embassy requests'
for m in '(S//NF)456' '(S//NF) 2008-12-01' '(TS)1234' 'Dubai (SNF)' 'Dubai (SECRTE)' 'Dubai (T5),' \
    'Dubai. (s.nf)' 'Dubai. (snf)' 'Dubai. (t5)' 'Dubai (S\\NF) and' 'Dubai (TSIISIIINF)' \
    'Dubai (S11NF)' 'Dubai (TSllSIllTK)'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai. %s\n\n3. (U) End.\n' "$m" > "$tmp/r53"
	adv "round53-neighbour [$m]" CONFIDENTIAL "$tmp/r53" 'walrus' 'Background|End'
done

# Retained: a line of prose that ends in a word that lost its '(' is text, not a line of marks
# alone (fuzz_reading, property c, on 0262d61: no_word_but_mark read "The walrus ... opn)" as one
# lost-open group, which turned on reading marks both ways and withheld the (U) line above).
printf 'UNCLASSIFIED\n\n(U) Okapi notes follow.\n\nSECRET.\342\200\235\235\n\nThe walrus \001\000\000\000\000\000\000@ opn) \n' > "$tmp/fz"
adv "prose-ending-in-lost-open-word" SECRET "$tmp/fz" 'walrus' 'Okapi notes'

# 79. Round 53, the rest (tests/data/redteam53, the files moved from redteam53-open): a mark in
#     mid-sentence after any sign, or in mid-line glued, damaged or bare, raises its paragraph
#     back; a damaged mark ending a line with no full stop before it; a note after a mark at a
#     paragraph's end; a mark and a note on the line under a paragraph or after a blank line.
#     Neighbours of each, in other marks and notes.
for m in ': (S//NF) with' ' -- (TS//SI) with' '; (S//NF) with' "'s (S//NF) own" '(S//NF)with' \
    ' ((TS)) with' ' **(S//NF)** with' ' <S//NF> with' ' [[S//NF]] with' ' \t(S//NF)\twith' \
    ' (S) with' ' SIINF with' ' S.NF with' ' TS.SI.NF with' ' (SNF) with' ' (TSSI) with' \
    ' (S,) with' ' (S\342\200\242NF) with' ' (TOPSECRET) with' ' (S;NF) with' ' "(S//NF)" with' \
    ') (S//NF) The'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies,\naccording to the ministry$m access to the bank.\n\n3. (U) End.\n" > "$tmp/r53m"
	adv "mid-sentence-any-sign [$m]" CONFIDENTIAL "$tmp/r53m" 'walrus' 'Background|End'
done
printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies,\naccording to the ministry (C) with access to the bank.\n\n3. (U) End.\n' > "$tmp/r53c"
adv "mid-sentence-letter [(C)]" UNCLASSIFIED "$tmp/r53c" 'walrus' 'Background|End'
for m in '(T0P SECRET)' '(TOP SECRFT)' '(TSSINF)' '(SIIREL TO USA, GBR)' \
    '(TSIISIIREL TO USA, FVEY)' '(XYZ SECRET)' '(5ECRET NOFORN)' '(SSINF)'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies\nin the second half of the month %s\n\n3. (U) End.\n' "$m" > "$tmp/r53d"
	adv "damaged-end-no-stop [$m]" CONFIDENTIAL "$tmp/r53d" 'walrus' 'Background|End'
done
for m in 'EOM' '(END)' '#' '[Note 2]' '[emphasis added]' 'FN3' '^(2)' '2b' 'I/' 'NOTE 1' \
    '<sup>456</sup>' '(ENDS)' '[^3]' '(cont.)'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies\nin Dubai. (S//NF) %s\n\n3. (U) End.\n' "$m" > "$tmp/r53e"
	adv "note-after-end-mark [$m]" CONFIDENTIAL "$tmp/r53e" 'walrus' 'Background|End'
done
for m in '(S//NF) Note 2' '(S//NF) fn2' '(S//NF) FN2 FN3' '(S//NF) [Source: DAO]' \
    '(TS//SI) (emphasis added)' "(S//NF) (cont'd)" '(S//NF) END TEXT' '(S//NF) Footnote 4' \
    '(TS//SI) [^fn2]' '(S//NF) [Note 3]' '(S//NF)<sup>note</sup>' '(S) SOURCE: DAO'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies\nin Dubai.\n%s\n\n3. (U) End.\n' "$m" > "$tmp/r53a"
	adv "note-under-text [$m]" CONFIDENTIAL "$tmp/r53a" 'walrus' 'Background'
done
for m in '(S//NF) l/' '(S//NF) I/' '(TS) a/' '(S//NF) n.2' '(S//NF)<sup>456</sup>' 'U) SIINF' \
    '(U) SIINF' '(S//REL TO USA, GBR' '(U) TSIISI'; do
	# Read both ways, as a line of marks alone is: what stands before it may be withheld too.
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies\nin Dubai.\n\n$m\n\n3. (U) End.\n" > "$tmp/r53b"
	adv "note-after-blank [$m]" CONFIDENTIAL "$tmp/r53b" 'walrus'
done
# Retained: a heading or a sentence under a paragraph, a sign where a sentence begins, a list's
# label before a mark, an abbreviation defined after it, figures and countries under a mark.
for m in '(S) Force Protection:' '(U//FOUO) Notes:'; do
	printf 'SECRET\n\n(U) The puffin count was normal this year.\n%s\n\n(U) The seal count too.\n' "$m" > "$tmp/r53h"
	adv "heading-under-text [$m]" UNCLASSIFIED "$tmp/r53h" '' 'puffin|seal count'
done
# ... but for a heading or a sentence of two words at most that ends the paragraph (a blank line
# under it): as much a note after the paragraph's mark as a heading, it raises the paragraph
# (stop 39; these were kept before, and read as the headings they may be).
for m in '(S) Financial Support' '(S//NF) Leadership' '(C) Agreed.'; do
	printf 'SECRET\n\n(U) The puffin count was normal this year.\n%s\n\n(U) The seal count too.\n' "$m" > "$tmp/r53h"
	adv "heading-under-text-last [$m]" UNCLASSIFIED "$tmp/r53h" 'puffin' 'seal count'
done
for m in '(S) Financial Support' '(S//NF) Leadership' '(C) Agreed.'; do
	printf 'SECRET\n\n(U) The puffin count was normal this year.\n%s\n(U) The seal count too.\n' "$m" > "$tmp/r53h"
	adv "heading-under-text-before-text [$m]" UNCLASSIFIED "$tmp/r53h" '' 'puffin|seal count'
done
for m in 'the warden: (S//NF) The walrus' 'the warden -- (S//NF) The walrus'; do
	printf 'SECRET\n\n(U) The puffin count was normal this year, said\n%s source is in the capital.\n\n(U) The seal count too.\n' "$m" > "$tmp/r53s"
	adv "mark-where-sentence-begins [$m]" UNCLASSIFIED "$tmp/r53s" 'walrus' 'puffin|seal count'
done
for m in 'G - J) (S//NF)' '1.b) NS' 'iv) (S)' '10.A.1) (S//NF)'; do
	printf 'SECRET\n\nA) (U) The puffin count was normal.\n%s The walrus source is in the capital.\n\n(U) The seal count too.\n' "$m" > "$tmp/r53l"
	adv "label-before-mark [$m]" UNCLASSIFIED "$tmp/r53l" 'walrus' 'puffin|seal count'
done
printf 'UNCLASSIFIED\n\n(U) Glossary of the puffin survey:\nCALLED FAX (CSI) - Called Subscriber ID\nDURATION - Length of Call\n' > "$tmp/r53g"
adv "abbreviation-defined-after [(CSI) - Called Subscriber ID]" UNCLASSIFIED "$tmp/r53g" '' \
    'puffin survey|Called Subscriber ID'

# 80. Round 54 (tests/data/redteam54): a mark at the head of a line that a sentence wraps to,
#     the sentence going on in lower case; a full stop that ends no sentence (an ellipsis, an
#     initial, an abbreviation) before a mark in mid-sentence; a level letter in mid-sentence
#     before more text; a group in capitals ending a line that read alone is a mark; a mark
#     that ends a line of text before a note of two words that end a sentence; a mark that
#     never closes in mid-sentence, a word in lower case after its first. Neighbours.
redteam redteam54
for m in '(TS) with' '(S//NF), with' '(S) and' '(TS//SI)1 with' '(S//REL TO USA, GBR) with' \
    '(T0P SECRET) with'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies, according\nto the ministry of finance and the central bank officials at the\n%s access to the foreign exchange desk.\n\n3. (U) End.\n' "$m" > "$tmp/r54w"
	adv "mark-at-wrapped-head [$m]" CONFIDENTIAL "$tmp/r54w" 'walrus' 'Background|End'
done
for m in 'Dr.' 'Gen.' 'Amb.' 'Inc.' 'e.g.' 'U.K.' '....' 'Nos.'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies,\naccording to %s (S//NF) The desk has access to the bank.\n\n3. (U) End.\n' "$m" > "$tmp/r54a"
	adv "abbreviation-before-mark [$m]" CONFIDENTIAL "$tmp/r54a" 'walrus' 'Background|End'
done
for m in '(S) The' '(S)3 with' '[S], and' '(TS); the' '(S) -- with' '(S). The desk'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies,\naccording to the ministry %s has access.\n\n3. (U) End.\n' "$m" > "$tmp/r54l"
	adv "level-letter-mid-sentence [$m]" CONFIDENTIAL "$tmp/r54l" 'walrus' 'Background|End'
done
for m in '(TS/SCI)' '(TS SCI)' '(TS-NF)' '(T/S)' '(S/NF/X)' '(5/NF)' '{S/NF}'; do
	printf 'TOP SECRET//SI//NOFORN\n\n(U) Background.\n\n(U) Analysts found that the walrus selector was active on the network\nand that traffic volumes rose sharply in the month %s\n\n(U) End.\n' "$m" > "$tmp/r54e"
	adv "capitals-group-at-end [$m]" CONFIDENTIAL "$tmp/r54e" 'walrus' 'Background|End'
done
for m in ' -- (S//NF  with' '... (TS//SI  with' ': (S//REL TO USA, GBR  with'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies,\naccording to the ministry$m access to the bank.\n\n3. (U) End.\n" > "$tmp/r54u"
	adv "unclosed-mark-mid-sentence [$m]" CONFIDENTIAL "$tmp/r54u" 'walrus' 'Background'
done
for m in 'End comment.' 'End text.' 'Ibid.' 'Note 4' 'See note 2' 'Page 3' 'END SUMMARY.'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies\nin Dubai. (S//NF) %s\n\n3. (U) End.\n' "$m" > "$tmp/r54n"
	adv "note-after-end-mark-words [$m]" CONFIDENTIAL "$tmp/r54n" 'walrus' 'Background|End'
done
# Retained: before a capital, a paragraph may begin where no blank line parts paragraphs; a
# letter alone ending a line is an office symbol's; an abbreviation defined after words whose
# initials it is; a mark before words that go on to the next line.
printf 'SECRET\n\n- (U) First Initiative: Effect improvements to puffin counting at the division level\n(S//REL) The walrus standard information system is used at these echelons.\n' > "$tmp/r54r1"
adv "paragraph-without-blank-before-capital" UNCLASSIFIED "$tmp/r54r1" 'walrus' 'puffin counting'
printf 'SECRET\n\n(U) The puffin count was reviewed by the Transportation Security Administration (TSA)\n\n(U) The seal count too.\n' > "$tmp/r54r2"
adv "abbreviation-at-end [(TSA)]" UNCLASSIFIED "$tmp/r54r2" '' 'puffin count|seal count'
printf 'SECRET\n\n(U) The puffin count was normal this year, and the Bakassi Freedom\nFighters: (S//NF) The walrus October\n31 kidnapping was not.\n\n(U) The seal count too.\n' > "$tmp/r54r3"
adv "mark-before-words-that-go-on" UNCLASSIFIED "$tmp/r54r3" 'walrus' 'puffin count|seal count'
# ... and the line above the next item of a list in mid-sentence, its letter's predecessor seen
# as an item (the item's own line is raised, as it always was).
adv "list-item-across-lines" UNCLASSIFIED tests/data/redteam54/ow-list-across.txt '' \
    'four conditions'
adv "list-item-across-lines-semicolon" UNCLASSIFIED \
    tests/data/redteam54/ow-list-across-semicolon.txt '' 'three conditions'
adv "list-item-sections" UNCLASSIFIED tests/data/redteam54/ow-sections.txt '' 'sent sections'
printf 'SECRET\n\n(U) The puffin rules are (a) counts and (b) dates, and in the\nministry (S) the walrus rules.\n\n(U) The seal count too.\n' > "$tmp/r54r4"
adv "level-letter-after-other-items" UNCLASSIFIED "$tmp/r54r4" 'walrus|puffin rules' 'seal count'

# 81. Round 54, stop 39 (tests/data/redteam54, tests/data/redteam53): a classification written
#     out ending a line after a word in lower case; a bracket after text that its paragraph never
#     closes; a level run into a sign or controls ending a line; a level's letters that lost
#     their '(' in mid-sentence; a mark in mid-sentence that no other rule reads raises its own
#     line; a line that a sentence wraps to is no table's row; a mark with a note on a
#     paragraph's last line, or past a break with a footnote's note. Neighbours, and what stays
#     kept.
for m in ' SECRET' ' TOP SECRET//SI' ' SECRET NOFORN' ' S//NF' ' SECRET//REL TO USA, GBR' \
    ' (SNF' ' (S.' ' (T5' ' (TS.' ' (XQ' ' (TS!)' ' (TS#SI)' ' (TSSI-G)' ' (TSllSl)' \
    ' S) with the bank' ', S) with the bank' ' -- TS) with the bank' '(S)with the bank' \
    '[S]with the bank' \
    '	(S//NF) The desk' '	S//NF	The desk' '   (S//NF) The desk'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies, according\nto the ministry%s\n\n3. (U) End.\n' "$m" > "$tmp/r81"
	adv "stop39-end-and-mid [$m]" CONFIDENTIAL "$tmp/r81" 'walrus' 'Background|End'
done
# A bracket that never closes, a line of the paragraph after it that does not close it either.
printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to the ministry (SNF\nand on to the central bank.\n\n3. (U) End.\n' > "$tmp/r81o"
adv "never-closed-over-lines" CONFIDENTIAL "$tmp/r81o" 'walrus|central bank' 'Background|End'
# Kept: a bracket a later line of the paragraph closes; a number after a dash; an inline list's
# next item; a letter or an acronym after a word; a table's row after a heading or a row.
for m in ' (RSO\nSpot Report) puffin' ' the Hercules aircraft (C-130)' \
    ' A) the bank, B) the desk, C) with puffin' \
    ' in Annex C' ' NATO' ' TSA' ' (FORMER\nDIRECTOR OF THE SERVICE, AND THE\nCURRENT DIRECTOR) puffin'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly to front companies, according\nto the ministry$m\n\n3. (U) End.\n" > "$tmp/r81k"
	adv "stop39-kept [$m]" UNCLASSIFIED "$tmp/r81k" '' 'puffin funds|Background|End'
done
# A mark with a note on the paragraph's last line, under it or after its last sentence; or past
# a break (blank lines, a rule, a form feed, a banner line), with a footnote's note.
for m in '\n(S//NF) Ref A' '\n(S//NF) Ibid.' '\n(S//NF) End comment.' '\n(S//NF) -- more --' \
    '\n(S//NF) J. Smith' '\n(S//NF) Source: DAO' ' (S//NF) Ref A' ' (S//NF) Reftel' \
    ' (S//NF) Drafted: jsmith' '\n\n(S//NF) FN1' '\n\n(S//NF) EOM' '\n\n(S//NF) Note 3' \
    "\n\n(S//NF) (cont'd)" '\n\n(S//NF) END TEXT' '\n\n(S//NF) (emphasis added)' \
    '\n-----\n(S//NF) FN1' '\n\f(S//NF) EOM' '\n\nSECRET//NOFORN\n\n(S//NF) FN1'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the ministry.$m\n\n3. (U) End.\n" > "$tmp/r81n"
	adv "stop39-note [$m]" CONFIDENTIAL "$tmp/r81n" 'walrus' 'Background|End'
done
# Kept: a heading past a break; a heading under a paragraph with its text under it.
printf 'SECRET\n\n1. (U) The puffin count was normal this year.\n\n(S) BACKGROUND\n\n(S) The walrus count was not.\n\n(U) End.\n' > "$tmp/r81h"
adv "heading-past-break" UNCLASSIFIED "$tmp/r81h" 'walrus' 'puffin count|End'
printf 'SECRET\n\n1. (U) The puffin count was normal this year.\n(S) Financial Support\n(S) The walrus count was not.\n\n(U) End.\n' > "$tmp/r81u"
adv "heading-under-text" UNCLASSIFIED "$tmp/r81u" 'walrus' 'puffin count|End'
printf 'SECRET\n\n1. (U) The puffin count was normal.\n\n2. (U) Summary:\n-- ALPHA\tpuffin on time\tU\n-- BRAVO\tS//NF\tthe walrus channel\n\n3. (U) End.\n' > "$tmp/r81t"
adv "table-row-after-row" UNCLASSIFIED "$tmp/r81t" 'walrus' 'puffin count|puffin on time|End'

# 82. Round 55 (tests/data/redteam55): a note ending in a colon on a paragraph's last line; a
#     letter glued to a number in mid-sentence; a paragraph that the next one's mark ends with
#     no blank line; a closing note past a break; a classification at a line's end after an
#     acronym, a year or a sign; a bracket never closed after a sign; a higher mark after a
#     lower one in mid-sentence. Neighbours, and what stays kept.
redteam redteam55
for m in ' (S//NF) FN1:' ' (S//NF) EOM:' '\n(S//NF) END:' '\n(S//NF) Note 2:'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the ministry.$m\n\n3. (U) End.\n" > "$tmp/r82c"
	adv "stop39-note-colon [$m]" CONFIDENTIAL "$tmp/r82c" 'walrus' 'Background|End'
done
for m in 'port1(S) with' 'berth 4(S) with' 'in 2009(S) and' 'ministry, TOP SECRET' \
    'MFA TOP SECRET' 'ministry; SECRET//NOFORN' 'ministry--SECRET' '"ministry" SECRET' \
    'ministry (see below) SECRET' 'ministry -- (SNF' 'ministry (TS&SI' 'port S): with' \
    'port TS) -- with' 'port S); with' \
    'ministry (C) with the bank S) with'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies, according\nto the %s\n\n3. (U) End.\n' "$m" > "$tmp/r82m"
	adv "stop39-round55 [$m]" CONFIDENTIAL "$tmp/r82m" 'walrus' 'Background|End'
done
for m in '(S//NF) Ref A' '(S//NF) EOM'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the ministry. %s\n3. (U) The seal count was normal.\n\n4. (U) End.\n' "$m" > "$tmp/r82n"
	adv "note-before-next-mark [$m]" CONFIDENTIAL "$tmp/r82n" 'walrus' 'Background|seal count|End'
done
for m in 'END COMMENT.' 'END QUOTE.' "Cont'd" '-more-' 'ENDS.'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the ministry.\n\n(S//NF) %s\n\n3. (U) End.\n' "$m" > "$tmp/r82b"
	adv "closing-note-past-break [$m]" CONFIDENTIAL "$tmp/r82b" 'walrus' 'Background|End'
done
# Kept: a citation's section before a letter; a field's value after a colon or a spaced dash;
# a bracket the line above opened; a list's label on the next line after a closed bracket.
for m in 'per 1.4(C) and B1 the puffin' 'Security classification - SECRET' \
    'Classification --- SECRET' \
    'the puffin class: SECRET' 'the puffin (HIV and\nhepatitis C) with support'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly to front companies, according\nto $m\n\n3. (U) End.\n" > "$tmp/r82k"
	adv "stop39-round55-kept [$m]" UNCLASSIFIED "$tmp/r82k" '' 'puffin funds|Background|End'
done
adv "lost-paren-closes-above" UNCLASSIFIED tests/data/redteam55/ow-lostparen-hepatitis-c.txt '' \
    'hepatitis'
# ... and a paragraph of a short sentence past a break, which reads as a sentence, not a note;
# nor a heading that no note's word leads (closes).
for m in '(S) A plan.' '(S//NF) bravo.' '(S) BACKGROUND' '(S) Endgame' '(S) Referral' \
    '(S) Sees all.'; do
	printf 'SECRET\n\n1. (U) The puffin count was normal.\n\n%s\n\n2. (U) End.\n' "$m" > "$tmp/r82s"
	adv "short-sentence-past-break [$m]" UNCLASSIFIED "$tmp/r82s" 'plan|bravo|BACKGROUND|Endgame|Referral|Sees' 'puffin count|End'
done

# 83. Round 55's open cases, stop 40 (tests/data/redteam55, tests/data/redteam54): a level's
#     letters or word that lost their '(' at a line's end or a wrapped line's head; a list's
#     items seen in another paragraph; a level named in prose in title case, with OCR's digits,
#     letter-spaced, or in capitals between words in lower case; a level run into a sign in
#     mixed case or with OCR's digits and spaces; a mark after text on a paragraph's last line
#     whatever follows it, and one damaged or spelt with no '(' there; two words past a break;
#     a mark after a hyphen's wrapped word. Neighbours, and what stays kept.
for m in 'ministry S)' 'ministry S).' 'ministry TS);' 'port SECRET) with support' \
    'port TOP SECRET) with support' 'port and\nS) with support' 'port and\nTS): with support' \
    'port Top Secret' 'port T0P SECRET' 'port T O P S E C R E T' 'port SECRET with support' \
    'port, TOP SECRET for the' 'ministry (Ts!)' 'ministry (T5!)' 'ministry (TS ll Sl)' \
    'ministry. (S//NF) See Ref A' 'ministry. (S//NF) The source is in the capital.' \
    'ministry. (S//NP) Ref A' 'ministry. (S//NF Ref A' 'ministry. S//NF) Ref A' \
    'ministry. &#40;S//NF&#41; Ref A' 'ministry. （S//NF） Ref A' 'minis-\ntry (S//NF) office' \
    'minis-\ntry\t(S//NF)\toffice'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m\n\n3. (U) End.\n" > "$tmp/r83"
	adv "stop40-round55 [$m]" CONFIDENTIAL "$tmp/r83" 'walrus' 'Background|End'
done
for m in 'ministry C0NFIDENTIAL' 'port CONFIDENTIAL with support' 'ministry C)'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m\n\n3. (U) End.\n" > "$tmp/r83u"
	adv "stop40-round55-u [$m]" UNCLASSIFIED "$tmp/r83u" 'walrus' 'Background|End'
done
for m in '(S//NF) ENDNOTE' '(S//NF) REFTEL' '(S//NF) CONTINUED' '(S//NF) Ibid.' \
    '(S//NF) End Comment.' '(S//NF) SOURCE: DAO' '(S//NF) Ref A' '(S//NF) See ref' \
    '(S//NF) end note' '(S//NF) Continued'; do
	printf 'SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly.\n\n%s\n\n3. (U) End.\n' "$m" > "$tmp/r83b"
	adv "stop40-note-past-break [$m]" CONFIDENTIAL "$tmp/r83b" 'walrus' 'Background|End'
done
# A list's items count in their own paragraph: a reference line's "(A) ... (B)" makes no "(C)"
# further down an item.
for m in 'port (C) with support' 'port C) with support'; do
	printf 'SECRET\n\nREF: (A) STATE 1234 (B) STATE 5678\n\n1. (U) The walrus funds moved weekly through the\n%s.\n\n2. (U) End.\n' "$m" > "$tmp/r83r"
	adv "stop40-item-seen-elsewhere [$m]" UNCLASSIFIED "$tmp/r83r" 'walrus' 'End'
done
# Kept: a list's items in one paragraph; a bracket that a line above opened; a level word that
# a noun phrase leads, or one in title case that wraps; a word that a wrapped line ends in lower
# case; an office's symbol in a sentence; a word with a sign that no level leads.
for m in 'parties agreed to (A) registration, (B) reporting\nand (C) audits' \
    'parties agreed on these steps:\nA) registration,\nB) reporting and (C) audits' \
    'annex (part two, and appendix\nC) with the parties' 'improvements to SECRET reporting' \
    'the TOP SECRET level and' 'U.S. Secret\nService agents' 'talks secret\nfrom the press' \
    'parties. Shaun Coughlin (S/WCI) also attended' 'parties (Sic!)'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly to front companies, said the $m.\n\n3. (U) End.\n" > "$tmp/r83k"
	adv "stop40-round55-kept [$m]" UNCLASSIFIED "$tmp/r83k" '' 'puffin funds|Background|End'
done

# 84. Round 56 (tests/data/redteam56): a bracket closed on the mark's own line before it; a
#     letter's label at a line's head that goes on no list; a level in brackets past quotation
#     marks or emphasis; two words of a level that lost its '('; a control alone that lost it.
#     Neighbours, and what stays kept.
redteam redteam56
for m in 'ministry (as reported
in Ref A) S) with support' 'port TOP SECRET) with support' \
    'port Top Secret) with support' 'port (which, in
the end, was closed) TS) with support' \
    'ministry ("TS")' 'ministry (*TS!)'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m\n\n3. (U) End.\n" > "$tmp/r84"
	adv "stop40-round56 [$m]" CONFIDENTIAL "$tmp/r84" 'walrus' 'Background|End'
done
for m in 'port NF) with support' 'port NOFORN) with support'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (S//REL TO USA, GBR) The walrus funds moved weekly to front companies\nin Dubai, according to the $m\n\n3. (U) End.\n" > "$tmp/r84r"
	adv "stop40-round56-rel [$m]" "SECRET//REL TO USA, GBR" "$tmp/r84r" 'walrus' 'Background|End'
done
printf 'SECRET\n\n1. (U) The walrus funds moved weekly, as agreed (see Ref\nB) with the ministry, and the port C) with support.\n\n2. (U) End.\n' > "$tmp/r84l"
adv "stop40-label-on-no-list" UNCLASSIFIED "$tmp/r84l" 'walrus' 'End'
# Kept: a level a participle names; a list of labels at line heads.
for m in 'documents marked SECRET that were found' 'a report labeled CONFIDENTIAL by them' \
    'folders stamped TOP SECRET in red ink'; do
	printf 'SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly, said the police: %s.\n\n3. (U) End.\n' "$m" > "$tmp/r84k"
	adv "stop40-round56-kept [$m]" CONFIDENTIAL "$tmp/r84k" '' 'puffin funds|Background|End'
done
printf 'SECRET\n\n1. (U) The puffin parties agreed on these steps:\nA) registration of the vessels,\nB) reporting of the catch, and\nC) audits by the ministry.\n\n2. (U) End.\n' > "$tmp/r84a"
adv "stop40-lettered-list-kept" UNCLASSIFIED "$tmp/r84a" '' 'puffin parties|End'

# Under a paragraph: three words that a closing word leads; a bullet or emphasis before the mark
# where a closing word leads the note; a FOIA office's stamp between the text and its end.
for m in '\n(S//NF) See Ref A' '\n\n(S//NF) End of comment.' '\n-- (S//NF) FN1' '\n* (S//NF) Ref A' \
    '\n**(S//NF)** Ref A' ' (S//NF) Ref A\nApproved for Release: 2014/09/10 C06122345' \
    ' (S//NF) Ref A\nDoc ID: 4165255'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the ministry.$m\n\n3. (U) End.\n" > "$tmp/r84n"
	adv "stop40-note-under [$m]" CONFIDENTIAL "$tmp/r84n" 'walrus' 'Background|End'
done
# A lost '(' at a wrapped line's head under a capital, a figure or a quotation mark, indented or
# not; a level in capitals after a figure, a bracket or a quotation mark, before a colon,
# dashes or a figure.
for m in 'approval of the MFA\nS) and the police' 'help on November 12\n   S) with the police' \
    'port called "Sohar"\n\tS) with the police' 'port in 2007 SECRET with the police' \
    'port (Sohar) SECRET with the police' 'port SECRET: with the police' \
    'port SECRET -- with the police' 'port TOP SECRET 12 trucks left' 'port and\nill S) with the police' \
    'approval of the MFA\nTOP SECRET\nS) and the police'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies, with the\n$m.\n\n3. (U) End.\n" > "$tmp/r84w"
	adv "stop40-round56-more [$m]" CONFIDENTIAL "$tmp/r84w" 'walrus' 'Background|End'
done
# A bracket that a paragraph before opened, with no blank line between, is no bracket open at
# the mark (a damaged "(U" above: build/props property b on redteam56).
printf 'SECRET\n\n1. (U Officials raised it (and the police) on 18 November.\n2. (U) The walrus shipment (see Ref A, para\n4) was cleared by the ministry S) with the police.\n\n3. (U) End.\n' > "$tmp/r84p"
adv "stop40-bracket-of-paragraph-before" CONFIDENTIAL "$tmp/r84p" 'walrus' 'End'
# Kept: a list's item with a mark under a paragraph; a longer sentence that a closing word leads;
# a roman number's label.
printf 'SECRET\n\n1. (U) The puffin parties agreed on these steps:\n- (S) Budget\n- (S) Staffing\n\n2. (U) End.\n' > "$tmp/r84b"
adv "stop40-bullet-items-kept" UNCLASSIFIED "$tmp/r84b" 'Budget|Staffing' 'puffin parties|End'
printf 'SECRET\n\n1. (U) The puffin count was normal this year.\n(S) See the walrus annex for the figures and sources.\n\n2. (U) End.\n' > "$tmp/r84s"
adv "stop40-see-sentence-kept" UNCLASSIFIED "$tmp/r84s" 'walrus' 'puffin count|End'
printf 'SECRET\n\n1. (U) The puffin parties agreed:\nii (S) The walrus source is in the capital.\n\n2. (U) End.\n' > "$tmp/r84i"
adv "stop40-roman-label" UNCLASSIFIED "$tmp/r84i" 'walrus' 'puffin parties|End'
# 85. Round 57 (tests/data/redteam57): a lost '(' inside an aside that closes after it; a level
#     in capitals after a name or a verb that ends in "ed"; what stays kept: a level before a
#     noun it qualifies, lettered lists that wrap.
redteam redteam57
for m in 'ministry (as they told us, the cargo\nwas cleared by the ministry S) with the help of the police) with support' \
    'ministry, Sayyid Mohammed SECRET with support' 'port, cleared SECRET: with support' \
    'port (see Ref A)\nS) with support' 'port --\nS) with support' 'ministry (ts!)'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m.\n\n3. (U) End.\n" > "$tmp/r85"
	adv "stop40-round57 [$m]" CONFIDENTIAL "$tmp/r85" 'walrus' 'Background|End'
done
for m in 'the law makes SECRET documents public after 25 years' \
    "the ministry's SECRET registry for 2006" 'the archive keeps CONFIDENTIAL files for years' \
    'plan covers A) the port tour, B) lunch, and\nC) a call on the minister' \
    'ministry (sic!)'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly, and $m.\n\n3. (U) End.\n" > "$tmp/r85k"
	adv "stop40-round57-kept [$m]" UNCLASSIFIED "$tmp/r85k" '' 'puffin funds|Background|End'
done

# 86. Rounds 58 and 59 (tests/data/redteam58, redteam59): a '(' far up, or one that is no aside,
#     opens nothing for a lost '(' mark; a letter that closes a bracket starts no list, and a
#     sentence's end ends one; captions, page lines and rules between a wrapped line and its
#     lost mark; a level's word at a wrapped line's head. What stays kept: a level a verb
#     completes.
redteam redteam58
redteam redteam59
for m in 'ministry (see the REF A cable\nand the notes, and\nthe ministry S) with support' \
    'ministry :-( and\nthe ministry S) with support' 'approval of the\nSIPDIS\nS) and the police' \
    'port and the ministry\nSECRET with support'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m.\n\n3. (U) End.\n" > "$tmp/r86"
	adv "stop40-round58 [$m]" CONFIDENTIAL "$tmp/r86" 'walrus' 'Background|End'
done
printf 'SECRET\n\n1. (U) The walrus funds moved weekly through the port (REF A) and (REF B)\non C) with support.\n\n2. (U) End.\n' > "$tmp/r86r"
adv "stop40-ref-letters-no-list" UNCLASSIFIED "$tmp/r86r" 'walrus' 'End'
for m in 'files remained SECRET until 2005' 'the figures went TOP SECRET after the war' \
    'steps: A) reopening; B) new rules; and C)\ntraining for staff'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly, and $m.\n\n3. (U) End.\n" > "$tmp/r86k"
	adv "stop40-round58-kept [$m]" UNCLASSIFIED "$tmp/r86k" '' 'puffin funds|Background|End'
done

# 87. Round 58's and 56's open cases, stop 41: a level named in prose in OCR's mixed case or
#     digits, in look-alike letters, letter-spaced or in title case in mid-line, split by the
#     line's end, before a bracket or a sentence's next word, or in title case at a line's end;
#     a sentence that runs through a mark at a line's head, a blank line or captions between
#     or not; an aside with a sentence's end, a quotation left open or a closing bracket of
#     another kind opens nothing for a lost '(' mark. What stays kept: a name the next line
#     goes on with, a level a phrase leads, a list's label before a mark in the line, a line
#     that ends in a name before a mark after a blank line.
for m in 'ministry SeCRET with support' 'ministry SEcret with support' \
    'ministry 5ecret with support' 'ministry SЕCRET with support' \
    'ministry S E C R E T with support' 'ministry Top Secret with support' \
    'ministry TOP\nSECRET with support' 'ministry Top\nSecret with support' \
    'ministry S E C\nR E T with support' 'ministry SECRET (with support)' \
    'ministry SECRET The police helped' 'ministry Top Secret' \
    'port S E C R E T' 'ministry\n\nS) with support' 'ministry\n\nSIPDIS\n\nS) with support' \
    'ministry\n-----\nS) with support' 'ministry\nS//NF with support' \
    'ministry\nS/NF with support' 'ministry\n(SNF) with support' \
    'ministry\n**(S//NF)** with support' 'ministry\nTOP SECRET) with support' \
    'ministry\n\n(S//NF) with support' 'ministry\n\nSECRET with support' \
    'ministry (the third this year. The cargo\nwas cleared by the ministry S) with support' \
    'ministry (the third this year] and the cargo\nwas cleared by the ministry S) with support' \
    'ministry; a sign read "BERTH 4 (CLOSED" and\nthe ministry S) with support' \
    'ministry (the third this year, which the port said\nwas cleared by the ministry S) with support'; do
	# shellcheck disable=SC2059
	printf "SECRET//NOFORN\n\n1. (U) Background.\n\n2. (U) The walrus funds moved weekly to front companies in\nDubai, according to the $m.\n\n3. (U) End.\n" > "$tmp/r87"
	adv "stop41-prose [$m]" CONFIDENTIAL "$tmp/r87" 'walrus' 'Background|End'
done
printf 'SECRET\n\n1. (U) Background.\n\n2. (U) The walrus selector was active and traffic rose according to the ministry TOP\nSECRET with the help of a second source.\n\n3. (U) End.\n' > "$tmp/r87t"
adv "stop41-split-top-secret" SECRET "$tmp/r87t" 'walrus' 'Background|End'
for m in 'the U.S. Secret\nService' 'agents of the Secret\nService' \
    'parties agreed on these steps:\nA) registration,\nB) reporting and (C) audits' \
    'officers cleared at TOP SECRET level' 'the (HIV and\nhepatitis C) with support' \
    'ministry Secret Police'; do
	# shellcheck disable=SC2059
	printf "SECRET\n\n1. (U) Background.\n\n2. (U) The puffin funds moved weekly, said the $m.\n\n3. (U) End.\n" > "$tmp/r87k"
	adv "stop41-kept [$m]" UNCLASSIFIED "$tmp/r87k" '' 'puffin funds|Background|End'
done
printf 'SECRET\n\n1. (U) The puffin delegation met Sen. John Doe\n\n(S//NF) and the walrus detail follows.\n\n2. (U) End.\n' > "$tmp/r87n"
adv "stop41-name-before-blank" UNCLASSIFIED "$tmp/r87n" 'walrus' 'puffin delegation|End'

# 88. Round 60 (tests/data/redteam60): a level named in prose with one OCR slip, in any
#     mixed case, with signs between its letters or words, on a long line, split across a blank
#     line; a sentence that runs through a mark after a line that ends in an acronym, a figure or
#     a bracket, or that a mark with REL TO opens; an aside parted by no-break spaces, dashes or
#     commas, with curly quotation marks or a sentence's end before the mark. What stays kept
#     (redteam60/kept, redteam61/kept): a marked paragraph that begins in lower case with a name
#     after a heading with no full stop (`(S) al-Busaidi said`, `as-Sahab`), brand names in title
#     case at a line's end, a list's items under a colon, the next item after a blank line, prose
#     in brackets at a line's head (`(Tab C) and`), a long aside that closes on `Annex C)`.
redteam redteam60
kept redteam60
kept redteam61

# 89. Stop 42 (tests/data/stop42): a level's name split across blank lines raises the paragraph
#     its first part ends as well as the one its rest begins, in capitals, title case or letter
#     spaced; a paragraph that ends in an acronym or a title before one that begins `Secret
#     talks` stays released.
redteam stop42
kept stop42

# 90. Round 62 (tests/data/redteam62): a mark in OCR's signs or digits at a sentence's head in
#     mid-line, one glued to a sentence's end with its space and '(' lost, a level and a control
#     as one slash word in lower case, HTML's named entities, a level alone with a full stop on a
#     paragraph's last line. What stays kept: the dollar's sign `($)`, a numbered point, a
#     wrapped paragraph's plain end, `secret/confidential`, `(a gift from the U.S.) Oman`.
redteam redteam62
kept redteam62

# 91. Round 63 (tests/data/redteam63): marks glued after `?`, a quotation or a bracket, a damaged
#     mark after a colon, `(U!FOUO)`, `secret/nf`, more named entities, a split level that
#     carries its controls. What stays kept: `secret.` on a wrapped line, `($) 2009: 450`,
#     `(main.C)`.
redteam redteam63
kept redteam63

# 92. Round 64 (tests/data/redteam64): a head mark with an entity the fold does not know
#     (`(&zqx;S)`) or did not decode (`(&rsquo;S)`, `&lbrace;S&rbrace;`), entities in OCR's
#     marks and in a wrapped `SECRET&period;`. What stays kept: a file's name or a unit in
#     brackets (`(see head.S)`, `(49 deg.C)`), `($) denotes`, a wrapped `SECRET SERVICE.`,
#     `TRADE SECRETS.`, `is` / `RESTRICTED.`, `UNCLAS.`.
redteam redteam64
kept redteam64

# 93. Round 65 (tests/data/redteam65): a classification line glued by a zero-width space
#     (`SECRET&ZeroWidthSpace;ANNEX`), `(T$)` in mid-line, `Muscat.$/NF)`. Round 66
#     (tests/data/redteam66): what stays kept: `reserved.© Used`, `Inc.® The`, headings parted
#     by a soft hyphen (`SECRET&shy;ARY OF STATE`).
redteam redteam65
kept redteam66

# 94. Stop 43 (tests/data/stop43): a level and a control side by side in lower case (`secret /
#     noforn`, `secret noforn`, `secret // nf`, `top secret/sci`), `top secret / noforn` as TOP
#     SECRET; in a cable in capitals, a level's name split across a paragraph break and a wrapped
#     `CONFIDENTIAL.` raise the paragraph above; so do both across blank lines and a page's
#     number or header. What stays kept: `and/or`, `secret/sacred`, `HOLDS A TOP` / `` /
#     `SECRET CLEARANCE`, `... WAS` / `SECRET.`, `rose to` / `Page 2 of 3` / `12 this year`.
redteam stop43
kept stop43

# 95. Round 67 (tests/data/redteam67): a level and controls in lower case on a wrapped line (at its
#     head, cut after the slash), the controls after the first (`secret / noforn / orcon`), a
#     slash glued before the control, `top secret / sci`, a wrapped `CONFIDENTIAL//X.`. What
#     stays kept: `secret/key`, `confidential / sensitive`, `... STRICTLY` / `CONFIDENTIAL.` in
#     a cable in capitals.
redteam redteam67
kept redteam67

# 96. Round 68 (tests/data/redteam68): a list's letter that is not the next one, or after a
#     clause's end, a figure, a citation or other brackets, stays a mark; a wrapped marking
#     with controls after a phrase's word; a class line with controls in lower case under an
#     open sentence; `secret nf`, `top secret sci`; a split across `SECTION 02 OF 04`, `[Page
#     2]`, `END PAGE 1`. What stays kept: `kept secret/` / `hidden`, `never secret. noforn`.
redteam redteam68
kept redteam68

# 97. Round 69 (tests/data/redteam69): a list's last letter with no item's words after it, or
#     before a capital, is a mark (`and (C),` / `` / `walrus said.`, `&#40;C&#41;`); in lower
#     case `secret orcon`, `secret, noforn`, `secret - noforn`, `secret / oc`, `secret noforn
#     orcon`.
redteam redteam69

# 98. Round 70 (tests/data/redteam70): a real `(C)` after a list's letters, before a name's
#     particle (`(C) bin Walrus`), one word and capitals (`(C) de WALRUS IS`), a letter the fold
#     made plain (`(C) ˢWALRUS`), is a mark; `secret, no foreign dissem`. What stays kept: a
#     dash before a short control name in prose (`secret - DS agents`, `confidential -- LES`).
redteam redteam70
kept redteam70

# 99. Stop 44 (tests/data/stop44): a level and a control read by their letters, whatever signs
#     part them but a sentence's end (`secret ¦ noforn`, `secret: noforn`, `secret ,, noforn`),
#     the level's words joined (`top-secret / noforn`), OCR's letters (`5ecret`, `n0forn`,
#     `nofom`), words in pieces after a sign (`s e c r e t / noforn`), any word after `//`, `top
#     secret si`. What stays kept: `secret: les`, `secret / orion`, `secret or con`, a sentence's
#     end between.
redteam stop44
kept stop44

# 100. Round 72 (tests/data/redteam72): the controls after the first (`secret ¦ noforn ¦
#      orcon`), `top` before the level on the line or the line above (`top.secret ¦ noforn`),
#      OCR's `ll` for `//`, `$ECRET`, a footnote's figure, a control's name of words, `rel to`,
#      long signs, `s e c r e t noforn`; authority lines that became text. What stays kept: a
#      short word after `top secret` in lower case, paths, addresses and file names, `secret...`.
redteam redteam72
kept redteam72

# 101. Round 73 (tests/data/redteam73): a control beginning with I or L glued by a sign in
#      brackets (`(S%LES%NF)`), controls after the first past five or parted by spaces, what
#      follows a REL TO list, `si-abcd`, `top.secret noforn`, a banner split with spaces. What
#      stays kept: a control of distribution or a name of words after prose's signs.
redteam redteam73
kept redteam73

# 102. Round 74 (tests/data/redteam74): a glued group in mid-sentence of a level, OCR's letter
#      for a slash, a sign and a control that begins with I or L (`(S1^LES)`, `(TSI?IMCON)`).
redteam redteam74

# 103. Stop 45: a level and a control across a line's break, in any case, read as on one line
#      (`... marked secret ¦` / `noforn`, `top` / `secret ¦ noforn`, `secret` / `rel to usa`,
#      `secret ¦ no-` / `forn`), a control before its level (`noforn ¦ secret`, on one line or
#      two), an alias of one word after signs no prose writes (`top secret ¦ comint`). What stays
#      kept: prose on one line or two (`the secret` / `police file`, `a sensitive secret`, `the
#      FISA secret court`), a table's rows (tests/data/redteam5/B6-table-ic-ts, section 32).
wrap='UNCLASSIFIED\n\n1. (U) The puffin count was normal.\n\n2. (U) The walrus file that the'
wrap="$wrap"' ministry sent was marked %s by the desk officer.\n\n3. (U) The gannet count was normal.\n'
breaks across UNCLASSIFIED 'walrus' 'puffin|gannet' "$wrap" \
    'secret ¦ noforn' 'top secret ¦ noforn' 'Secret Noforn' 'secret // noforn' 'secret : noforn' \
    'secret rel to usa, gbr' 'confidential ¦ rel to usa, gbr' 'secret, limited distribution' \
    'secret, not releasable to foreign nationals' 'top secret / sci' '5ecret / noforn' \
    'SECRET ll NOFORN' 'secret ¦ noforn ¦ orcon' 'top secret ¦ comint' 'noforn ¦ secret' \
    'NOFORN SECRET' 'orcon ¦ top secret' 'nf ¦ secret' 'Noforn, Secret' 'noforn // secret'
breaks across-ts SECRET//NOFORN 'walrus' 'puffin|gannet' "$wrap" \
    'top secret ¦ noforn' 'top secret noforn' 'Top Secret // SI' 'top.secret ¦ noforn'
breaks across-prose UNCLASSIFIED '' 'walrus|puffin|gannet' "$wrap" \
    'the secret police file' 'a sensitive secret' 'the secret of success' 'top secret clearance' \
    'confidential / sensitive' 'the secret service' 'the FISA secret court' 'the DS secret agents' \
    'the comint secret' 'secret: les Miserables' 'a Secret Service agent'
# A word that a hyphen broke across the line's break.
wrap=$(printf '%s' "$wrap" | sed 's/%s/%b/')
for word in 'secret ¦ no-\nforn' 'sec-\nret ¦ noforn' 'top-\nsecret ¦ noforn' \
    'secret ¦ noforn ¦ or-\ncon'; do
	# shellcheck disable=SC2059
	printf "$wrap" "$word" > "$tmp/hyphen"
	adv "across-hyphen [$word]" UNCLASSIFIED "$tmp/hyphen" 'walrus' 'puffin|gannet'
done
# shellcheck disable=SC2059
printf "$wrap" 'well-\nknown and the secret po-\nlice' > "$tmp/hyphen"
adv "across-hyphen-prose" UNCLASSIFIED "$tmp/hyphen" '' 'walrus|puffin|gannet'

# 104. Stop 45 (tests/data/stop45): a word, a mark or a sentence that a page's break cut, a
#      banner, a classification line or a page's number between (`SE-` / `CONFIDENTIAL` / `CRET`,
#      `(cleared by the ministry.` / `CONFIDENTIAL` / `S) with`); a control before its level and
#      a control's name of words across a break.
redteam stop45

# 105. Round 75 (tests/data/redteam75): a mark across a break in Latin-1 under a `¶` line, a
#      control's name of many words or letters spaced below the break, a banner in the body that a
#      sentence runs through, a control that a hyphen broke before its level, a sentence across a
#      blank line and a caption. What stays kept: `secret --` / `rel to usa partners`.
redteam redteam75
kept redteam75

# 106. Round 76 (tests/data/redteam76): half of a word that a hyphen broke alone on its line
#      (`SE-` / `CRET walrus`), or on a classification line (`SECRET NO-` / `FORN`).
redteam redteam76

# 107. Round 77 (tests/data/redteam77): a caption between a level's word and the rest of the
#      sentence (`... marked secret` / `NOFORN` / `and`). What stays kept: the sentence before a
#      broken word alone on its line after a sentence's end.
redteam redteam77
kept redteam77

# 108. Round 78 (tests/data/redteam78): a mark split at a line's head after a colon or an
#      abbreviation on the line above (`was marked:` / `SE-` / `CRET`, `the Govt.` / `SE-`).
redteam redteam78

# 109. Stop 46 (tests/data/stop46): a mark that lost its '(' in mid-sentence and was damaged
#      besides (`S.)`, `S}`, `**S)**`, `T5)`, `5ECRET)`, `5//NF)`, `Ѕ)`, `Secret)`), before
#      a digit, a capital or a bracket, after a list's label at a wrapped line's head, glued to a
#      sentence's end with a space before its bracket (`Muscat.S/NF ) Oman`) or to a word by a
#      dash; a level glued to REL or SCI (`(SREL)`, `(TSSCI)`); a mark whose `(` or `)` OCR read
#      as another glyph (`|S) The`, `|T5)`, `(S' The`). What stays kept: `Plan B) The`, `5) With`,
#      `U.S.)` and `C)` in an aside, a list's `C)`, `c)`, office symbols (`S/CT)`), `(SSCI)`,
#      Cablegate's dash written ` ) ` (`Area C ) the`), `(S. Korean`, `(C1 and C2 berths)`.
redteam stop46
kept stop46

# 110. Stop 47 (tests/data/stop47): a reply quoted with '>' after a line that ends in a colon
#      (its '>' is no list's bullet), a mark in lower case with one slash or a hyphen (`s/nf`,
#      `ts/si/nf`, `u/fouo`, `s-nf`), and messages: a classification line's words (`TOP SECRET
#      WALRUS`, `SECRET walrus`, `SECRET JOHN SMITH`), a banner's unknown compartment and a mark's
#      token in mid-sentence are never quoted; OCR's `$` for `S` and figures in a level glued to a
#      sign (`$ECRET`, `classified 5ECRET, says`); a damaged mark after emphasis, quotation marks
#      or a reply's `>` where a paragraph opens (`**(5NF)**`, `> - (SBUMF)`, `PARA 2. (SBUMF)`);
#      a table's row after an invisible character, or a paragraph in bold, below a colon; round
#      86's (more signs and labels, OCR's `3`, `7`, `8`, mixed case, look-alike letters in
#      mid-sentence, box-drawn tables). What stays kept: a quoted list's items after a colon
#      (`> - puffin arrival`), `c/o`, `s/he`, `s/ct`, `u/s`, `$5 million`, `US$`, `$ECRETARY`.
redteam stop47
kept stop47
quiet stop47

# 111. Stop 48 (tests/data/stop48): a damaged mark after a markup's tags where a line opens
#      (`<p>(5NF)`, `\textbf{(5NF)}`, `[b](5NF)`), a short classification line with a symbol
#      OCR put for one letter of its level (`S€CRET`, `CONF|DENTIAL`), OCR's `l` for `I` in a
#      level glued to a sign in mid-sentence (`CONFIDENTlAL,`), a mark in lower case with spaces
#      about its slash (`s / nf`). What stays kept: `his / her`, `s / he`, `c / o`, `u / s`,
#      `<p>(U) ...</p>`, `AT&T R&D` on a line of its own.
redteam stop48
kept stop48

# 112. Stop 49 (tests/data/stop49): classification lines in spellings OCR and typists make
#      (`confldentlal`, `S 3 C R 3 T`, `CONF/DENTIAL SECTION 01`, `S*E*C*R*E*T`, `CNFDNTL`,
#      `CONFID`), a telegram's `UNCLAS E F T O TEHRAN 5055` and letter-spaced captions, a damaged
#      mark where a sentence begins in mid-line (`event. (TSSI) In`) or under a line that ends in
#      a sentence and a footnote's sign (`basis.*`), caveats in words no policy lists on a line of
#      their own (`US/UK EYES ONLY`, `FOREIGN DISSEMINATION PROHIBITED`, `NOT FOR PUBLIC
#      RELEASE`) or in capitals where a mark stands (`2. (AUSTEO)`, `(U.S. PERSONNEL ONLY) The`).
#      What stays kept: `(NATO) In` and `(REFTEL A) Further` in mid-line, `(GLOBAL)` alone, `NOT
#      RELEASABLE TO` / `FOREIGN NATIONALS` at a US target, `DECLASSIFIED`, `UNCL`, `SECTOR`,
#      `FOREIGN MINISTER VISITS` on lines of their own, `UNCLAS E F T O` at CONFIDENTIAL.
redteam stop49
kept stop49

# 113. Stop 50 (tests/data/stop50): a level's word cut short alone on a line (`CONFID`, `SECR`,
#      `CONF.`), controls of earlier decades no policy listed (`WNINTEL`, `HVSACO`, `BYEMAN`), a
#      damaged mark where a sentence begins in mid-line in lower or mixed case (`(tssi)`), glued
#      to its full stop (`ROUTINE.(TSSI)`), a level's consonants (`(CNFD)`), a level and EYES
#      (`(SEYES)`), a level and two consonants (`(T5NP)`). What stays kept: stop49's `CONFIDE`,
#      `CONFIDENT`, `(CSI)`, `(SOC)`, `(NATO)` and the rest of its kept files.
redteam stop50
kept stop50

# 114. Stop 51 (tests/data/stop51): a banner whose level no rule reads (`XYZZY SECTION 02 OF 02
#      KINGSTON 000382`, `TOP SE SECTION ...`, a page's header a level's letters open in pieces,
#      `SEC RET KINGSTON 00000382  002 OF 002`), a caption of a control in OCR's digits or `l`
#      (`WNlNTEL`, `0RCON`), caveats in words as a label with commas, in title case or where a
#      sentence begins in mid-line (`USA, AUS EYES ONLY:`, `US/UK Eyes Only:`, `... May.
#      AUSTEO:`), a release to readers named in words (`RELEASABLE TO USA AND GBR ONLY`, `NOT
#      RELEASABLE TO AUS, CAN, NZL`). What stays kept: page headers of posts alone (`KUALA LUMP
#      00000382  002 OF 002`, `CONAKRY ...`), `UNCLAS SECTION ...`, captions with digits that
#      name no control (`ANNEX B1`, `1968`), labels that are no caveat (`Background:`, `The
#      Ambassador, the DCM and the PolOff:`, `... May. SUMMARY:`).
redteam stop51
kept stop51

# 115. Stop 52 (tests/data/stop52): a mark OCR damaged after a sentence's end in mid-line (`(5)
#      The`, `(G) He`, `(IS) The`, `(CJ He`, `(TSJ The`, `(CUl) The`, `(SS) The`), a caveat
#      label wrapped after a mark or in mid-line (`(S//REL TO USA, AUS) USA/GBR` / `EYES ONLY:
#      The`), in lower case in mid-line (`... May. us/uk eyes only: The`), OCR's letters in a
#      caveat's words (`EYES ONIY`, `N0T RELEASABLE TO AUS, CAN`, `REI TO`), a denial by the verb
#      (`DO NOT RELEASE TO AUS`), readers after REL alone or as a handling field's value (`REL
#      USA, GBR`, `Releasability: USA`, `| Caveat | US/UK ONLY |`). What stays kept: readers'
#      own targets (`USA/GBR EYES ONLY:` at REL TO USA, GBR and at SECRET//NOFORN), an act of
#      release (`DO NOT RELEASE TO UK PRESS BEFORE DELIVERY`), items in order (`(4) ... (5) The`),
#      `(AP) The`, fields that name no readers (`Distribution: All posts`).
redteam stop52
kept stop52

# 116. Stop 53 (tests/data/stop53): a release denied to readers in a sentence anywhere, in any
#      case, with a subject or words around, or wrapped over two lines (`Please do not share with
#      AUS.`, `This report may not be shared with AUS.`, `Keep this` / `from NZL.`, `Not for AUS
#      eyes.`), a label that names readers in a sentence's case (`Not for UK:`, `US readers
#      only:`, `Americans only:`, `Do not pass to the British --`), a mark that lost its full stop
#      before a sentence (`Straits (TS) The`). What stays kept: abbreviations defined in brackets
#      (`Tropical Storm (TS) Alma`, `Nancy Fields (NF) said`), the home's readers and countries'
#      names in prose (`would not share the data with the US`, `will not release the report to
#      Canada`), `Canada and Mexico only:`.
redteam stop53
kept stop53

# 117. Stop 54 (tests/data/stop54): who may read, said in words anywhere in a sentence, denies
#      the readers it names at their targets: an order (`Please do not share with AUS.`) the
#      public too, a weaker reading (a reader, a word that denies or limits, a release within
#      a few words: `Release to AUS is prohibited.`, `AUS may not see this.`, `For AUS only.`,
#      `(not for AUS)`) a REL TO list's foreign readers only; at a paragraph's end, on a line of
#      its own under it or in an item, for the whole paragraph. What stays kept: the same
#      portions at US targets, readers the target is not (`Do not forward to BEN` at REL TO
#      USA, GBR), reports of what was done (`did not share the intercept with ISAF`), ranks and
#      names (`with COL Smith`, `forward to Ben`).
redteam stop54
kept stop54

# 118. Stop 55 (tests/data/stop55): an order names the public it keeps text from (`Please do not
#      share with the press.`, `this not be released publicly`, `NOT FOR PRESS`), a reader no
#      table holds (`with GOA`: the public), a country's or a people's name after share or
#      discuss (`with Australia`, `with the Australians`), an order's mood after a negation (`not
#      to be released to the British`), a weaker reading in an order to share (`Please do not
#      share with foreign partners.`, `Please keep within USG.`): the public too. What stays
#      kept: embargoes (`until the Minister speaks`, `BEFORE DELIVERY`, `yet`), reports (`did
#      not share ... with the press`, `has not been released publicly`), undone denials (`No
#      objection to release`, `Not sure we should share`), a consul's advice (`Do not send money
#      to Nigeria.`). Readers taken out by name (`bar AUS`, `ex-AUS`, `other than AUS`) and
#      conditions (`only if`, `requires originator approval`) at partners' targets; a routing
#      header's security line above the banner (`ZNY SSSSS` over `UNCLAS`); channel captions,
#      legends of unclassified papers and special programs (`MED CHANNEL`, `DISTRIBUTION
#      STATEMENT D`, `SPECIAL ACCESS REQUIRED`); other schemes' levels (`GIZLI`, `ΑΠΟΡΡΗΤΟ`).
redteam stop55
kept stop55

# 119. Stop 56 (tests/data/stop56): a label glued to its mark at a wrapped line's head (`A(S) The`,
#      `4a(S) The`; not a plural's `officer(s)`, nor the office `D(S)`); orders that keep text
#      from the public however they word it (`Do not give this readout to the media.`, `Don't
#      let the media know.`, `must not be published`, `non-public`, `Not for release until
#      further notice`), an embargo only with an end; reports, others' rules, undone denials,
#      things and quotes kept; text that goes on after a footnote or caption that cut a
#      sentence left open takes that sentence's marking too (round 132).
redteam stop56
kept stop56
# A release read again: text raised by a sentence an earlier portion left open (a generated
# document of the property tester's, seed 143965) carries that marking in the release, which
# withholds the open sentence; redacted again to a lower target it keeps no line its source
# withholds there.
"$T" redact -q -r SECRET tests/data/stop56/s56-props-143965.txt > "$tmp/open-release" 2>/dev/null
if "$T" redact -q -r UNCLASSIFIED "$tmp/open-release" 2>/dev/null | grep -q 'w123'; then
	bad "open-release: the release at SECRET, redacted again to UNCLASSIFIED, keeps w123"
else
	ok "open-release: the release at SECRET, redacted again to UNCLASSIFIED, keeps no w123"
fi

# 120. Stop 57 (tests/data/stop57, round 135): a repeated cable's banner on its lead-in's line
#      (`QUOTE S E C R E T STATE 116943`, `FOLLOWING IS TEXT OF REFTEL: SECRET STATE 116943`):
#      a level letter-spaced anywhere, or one with a banner's rest after it; a level said in
#      words of a part (`This paragraph is classified Secret.`, `Handle as Secret.`,
#      `(Classification: Secret)`, `(This bullet is classified.)`) raises its paragraph back,
#      and one said of what follows (`The following paragraph is Secret.`, `BEGIN CLASSIFIED
#      TEXT.`, `PARAS 2 AND 3 ARE CLASSIFIED.`) the document's marking; partners denied with a
#      noun of passing on (`Not for passage to the British.`), the IC's Second Parties, `No
#      Forn`, `Releasable to: USA.` Kept: a ship's passage, talks with London, levels' words
#      in prose (`the secret talks`, `the Secret Service`, `classified ads`), negations.
redteam stop57
kept stop57

# 121. Stop 58 (tests/data/stop58, round 137's leaks and their neighbours): a level said in words
#      is unknown unless proven: predicated of anything it raises unmarked text, and said of a
#      part however the clause names it (`This paragraph carries a Secret classification.`,
#      `Classification of this paragraph: Secret.`, `The information herein is classified
#      Secret`, `Overall classification: Secret.`, `(Classified Secret.)`, another scheme's
#      `classified Restricted`) its paragraph; a statement run on across two lines; paragraphs
#      named below it (`PARAS TWO AND THREE`), the next paragraph after `The following paragraph
#      is Secret.` though it is marked lower; a statement alone between paragraphs, a footnote's
#      (the paragraph that holds its sign); quoted banners in mixed case (`Quote: Secret State
#      116943 (Section 1 of 2)`); partners denied with words between the noun of passing and TO,
#      2nd and 3rd parties, `Release to: USA.`, `REL TO: USA.`, `Noforeign`. Kept: CLASSIFIED
#      said of no part, a level said of no part in a portion marked lower, a ship's passage,
#      release to the press, third-party vendors.
redteam stop58
kept stop58

# 122. Stop 59 (tests/data/stop59, round 140's leaks and their neighbours): a level said of a part
#      no reader can place (`Part III is classified SECRET`, `SECTION 2 IS SECRET NOFORN`,
#      `bullets 3 and 4 are SECRET`, `Annex B below is SECRET`, `The final paragraph of this
#      cable`, `The penultimate paragraph`) raises every portion; a paragraph named by number
#      raises what stands under it (lettered subparagraphs, `(1)` items) above or below the
#      statement, `Subparagraph` / `3.B below` split across lines; one the document does not
#      have raises every portion; `Paragraph 3 is SECRET and paragraph 4 is unclassified.`
#      raises paragraph 3. Kept: another document's parts (`Part III of the draft law`, `Paras
#      3 and 4 of reftel`).
redteam stop59
kept stop59

# 123. Stop 60 (tests/data/stop60, round 145's leaks, stop 59's open ones and their neighbours):
#      a paragraph named by number beside a level or a control in capitals takes it with no
#      verb of statement (`upgraded to SECRET`, `SECRET handling`, `para 2 (SECRET)`, `NOFORN:
#      para 3`, `TALENT KEYHOLE`), or ORCON said in words (`requires CIA concurrence`); a
#      table's row by paragraph number (bars, tabs, spaces); parts no reader places by what they
#      hold or a sign (`The list of detainees' names`, `Items marked with an asterisk`,
#      `Paragraph 2 of the attachment`) raise every portion; `the following details are SECRET
#      when taken together:` raises the items after it; limits in words (`for American eyes`,
#      `releasable to the Australians only, not the British`, `for US personnel only`, `the
#      source description is releasable to USA, AUS only`); a subject that states a paragraph's
#      level; `Security Level: S`; `Classified By` under an UNCLAS banner or in a quoted message;
#      transliterated foreign levels. Kept: `In American eyes`, an annex of a treaty, a duty
#      roster's `S`, `The following day`.
redteam stop60
kept stop60

# 124. Stop 61 (tests/data/stop61, stop 60's open leaks and their neighbours): an order of
#      handling or a pronoun in the clause after one that named a paragraph gives it its level
#      (`Para 4 is sensitive; handle as secret.`, `... paragraph 2 ... Please handle it as
#      SECRET.`, `It is confidential.`); a level in lower case beside a word of classification
#      or a noun of handling (`upgraded from confidential to secret`, `at the secret level`);
#      an aside's UNCLASSIFIED keeps the paragraph named; a statement across a form feed or a
#      wrapped subject; `contains TS/SCI` unknown; the public denied a paragraph named (`not for
#      public release`); `for official use only` in lower case; tables in markup, wrapped, in
#      brackets, in allies' languages; rounds 149 to 151 (the clause after in more words, a
#      handling control's name near a portion's mark: `-- FOUO.`, `// ORCON`). Kept: `the
#      secret police`, a pronoun with no level, an office's symbol `S/CT`, `It is no secret`, a
#      school's `Section | Class` table, rounds 149 to 151's prose.
redteam stop61
kept stop61

# 10. Messages never carry withheld text: not on standard error, not in check's reports.
printf 'SECRET\n\n1. (U) The puffin count.\n\n2. (Secret walrus plans here.\n\n3. (S//NF The zebra detail.\n\n4. (WALRUS) narwhal\n\n[S] The source (walrus lives in Oslo) said.\n\n(SECRET WALRUS PLANS) FOLLOW.\n\nSECRET - ZEBRA DEFECTS\nTHE DETAILS.\n\nSECRET//NOFORN WALRUS SOURCE\nThe details.\n\n(S//NF WALRUS IS BOB\n' > "$tmp/msg"
for cmd in "redact -r UNCLASSIFIED" "check -r UNCLASSIFIED" "check -r UNCLASSIFIED --format json" \
    "check -r UNCLASSIFIED --format sarif" "redact -r TOP SECRET --audit $tmp/a.audit"; do
	# shellcheck disable=SC2086
	"$T" $cmd "$tmp/msg" > "$tmp/msg.out" 2> "$tmp/msg.err"
	if [ -f "$tmp/a.audit" ]; then
		cat "$tmp/a.audit" >> "$tmp/msg.err"
		rm -f "$tmp/a.audit"
	fi
	case $cmd in redact*) out="$tmp/msg.err" ;; *) out="$tmp/msg.out $tmp/msg.err" ;; esac
	# shellcheck disable=SC2086
	if grep -q -i -e 'walrus' -e 'zebra' -e 'plans here' $out; then
		bad "messages of '$cmd' quote withheld text: $(grep -i -h -e walrus -e zebra $out | head -n 1)"
	else
		ok "messages of '$cmd' quote no withheld text"
	fi
done

exit $fail
