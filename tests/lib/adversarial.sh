# SPDX-License-Identifier: ISC
# Helpers for adversarial tests: sourced by tests/adversarial.test.sh and tests/pending/*.sh.
# Runs from the repository root; needs $tmp (a scratch directory) and sets $fail on failure.
# Runs the tearline that $TEARLINE names (./tearline by default).
# shellcheck disable=SC2154,SC2034
#
# adv NAME RELEASE FILE WITHHELD [KEPT] [EXITS]
#   Runs tearline -q --release RELEASE in mask, strip and blackout mode on FILE and fails when
#   any of WITHHELD (fixed strings separated by "|") appears on standard output, when one of KEPT
#   does not, or when the exit status is not one of EXITS (default "0"). An exit status of 2 must
#   come with nothing on standard output. $ADV_ARGS, when set, goes before the options (a policy:
#   "-p policies/uk.yaml").

LC_ALL=C
export LC_ALL

adv() {
	_name=$1 _release=$2 _file=$3 _withheld=$4 _kept=${5:-} _exits=${6:-0}
	_why=
	for _mode in mask strip blackout; do
		# shellcheck disable=SC2086
		"${TEARLINE:-./tearline}" ${ADV_ARGS:-} -q --release "$_release" --mode "$_mode" \
		    "$_file" > "$tmp/adv.out" 2> "$tmp/adv.err"
		_rc=$?
		case " $_exits " in
		*" $_rc "*) ;;
		*) _why="$_why [$_mode: exit $_rc, wanted $_exits: $(head -n 1 "$tmp/adv.err")]" ;;
		esac
		if [ "$_rc" -ne 0 ] && [ -s "$tmp/adv.out" ]; then
			_why="$_why [$_mode: exit $_rc with output]"
		fi
		_old_ifs=$IFS
		IFS='|'
		for _w in $_withheld; do
			[ -n "$_w" ] || continue
			if grep -F -q -e "$_w" "$tmp/adv.out"; then
				_why="$_why [$_mode: LEAK \"$_w\"]"
			fi
		done
		if [ "$_rc" -eq 0 ]; then
			for _w in $_kept; do
				[ -n "$_w" ] || continue
				grep -F -q -e "$_w" "$tmp/adv.out" ||
				    _why="$_why [$_mode: lost \"$_w\"]"
			done
		fi
		IFS=$_old_ifs
	done
	if [ -z "$_why" ]; then
		echo "ok   $_name ($_release)"
	else
		echo "FAIL $_name ($_release):$_why"
		fail=1
	fi
}

# variants NAME RELEASE WITHHELD KEPT TEMPLATE ITEM...: adv on the document TEMPLATE (a printf
# format whose one %b takes the item, escapes read) makes of each ITEM, named "NAME-N [ITEM]".
variants() {
	_vname=$1 _vrelease=$2 _vwithheld=$3 _vkept=$4 _vtemplate=$5 _vn=0
	shift 5
	for _vitem in "$@"; do
		_vn=$((_vn + 1))
		# shellcheck disable=SC2059
		printf "$_vtemplate" "$_vitem" > "$tmp/$_vname$_vn"
		adv "$_vname-$_vn [$_vitem]" "$_vrelease" "$tmp/$_vname$_vn" "$_vwithheld" "$_vkept"
	done
}

# adv2 NAME FIRST SECOND FILE WITHHELD: releases FILE to FIRST in mask, strip and blackout mode,
# then runs adv on each release at SECOND: a release redacted again to a lower target (a
# pipeline that narrows in steps) keeps none of WITHHELD either.
adv2() {
	for _m2 in mask strip blackout; do
		# shellcheck disable=SC2086
		"${TEARLINE:-./tearline}" ${ADV_ARGS:-} -q --release "$2" --mode "$_m2" "$4" \
		    > "$tmp/adv2.$_m2" 2>/dev/null
		adv "$1 [$_m2 at $2]" "$3" "$tmp/adv2.$_m2" "$5"
	done
}

# breaks NAME RELEASE WITHHELD KEPT TEMPLATE PHRASE...: adv on the document TEMPLATE (a printf
# format whose one %s takes the text) makes of each PHRASE on one line, then broken across two at
# each of its spaces in turn ("a b c", "a" / "b c", "a b" / "c"), named "NAME-N [PHRASE]": a
# line's break reads as the space it stands for.
breaks() {
	_bname=$1 _brelease=$2 _bwithheld=$3 _bkept=$4 _btemplate=$5
	shift 5
	for _bphrase in "$@"; do
		_bn=0
		while _bitem=$(printf '%s\n' "$_bphrase" | awk -v n="$_bn" '
		    { if (n > 0 && n >= NF) exit 1
		      for (i = 1; i <= NF; i++) printf "%s%s", $i, i == NF ? "" : i == n ? "\n" : " " }')
		do
			# shellcheck disable=SC2059
			printf "$_btemplate" "$_bitem" > "$tmp/$_bname"
			adv "$_bname-$_bn [$_bphrase]" "$_brelease" "$tmp/$_bname" "$_bwithheld" "$_bkept"
			_bn=$((_bn + 1))
		done
	done
}
