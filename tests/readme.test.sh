#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every command the README shows (an indented line that begins `./tearline` or
# `$ ./tearline`, with its continuation lines), in order, in a fresh directory that holds a copy
# of samples/, the seed cable as cable.txt and the samples' cables in cables/, as the README's
# reader would. Each must exit 0 (check, which finds the seed cable not releasable as it stands,
# 1), and each line of output the README shows under a `$` command must be printed by it, in
# that order: `...` alone stands for lines left out, and `20ed...0c50f` in a line for any hex
# (a run's identifier, a key's); spaces at a line's end, which Markdown cannot show, are not
# compared.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
bin=$(cd "$(dirname "$T")" && pwd)/$(basename "$T")
mkdir "$tmp/work" "$tmp/work/cables"
cp -r samples "$tmp/work/samples"
cp samples/07MUSCAT1065.txt "$tmp/work/cable.txt"
cp samples/07MUSCAT1065.txt samples/08BEIJING3067.txt samples/07BOGOTA1232.txt \
    "$tmp/work/cables/"
ln -s "$bin" "$tmp/work/tearline"

# Each command as one line "N<TAB>COMMAND" (N its line in the README); the lines shown under a
# `$` command into $tmp/shown.N.
awk -v dir="$tmp" '
	function flush() { if (shown != "") close(shown); shown = "" }
	/^    (\$ )?\.\/tearline / {
		flush()
		n = NR
		c = $0
		while (c ~ /\\$/ && (getline next_line) > 0) {
			sub(/\\$/, "", c)
			sub(/^ +/, " ", next_line)
			c = c next_line
		}
		dollar = c ~ /^    \$ /
		sub(/^    (\$ )?/, "", c)
		sub(/ +# .*$/, "", c)
		print n "\t" c
		if (dollar)
			shown = dir "/shown." n
		next
	}
	shown != "" && /^    / && !/^    \$ / { sub(/^    /, ""); print > shown; next }
	shown != "" && /^$/ { print "" > shown; next }
	{ flush() }
' README.md > "$tmp/commands"
count=$(wc -l < "$tmp/commands")
[ "$count" -ge 10 ] || bad "only $count commands found in README.md"

while IFS="$(printf '\t')" read -r n cmd; do
	want=0
	case $cmd in "./tearline check "*) want=1 ;; esac
	(cd "$tmp/work" && sh -c "$cmd" > "$tmp/out" 2> "$tmp/err" < /dev/null)
	rc=$?
	if [ "$rc" -ne "$want" ]; then
		bad "README.md:$n: $cmd: exit $rc, wanted $want: $(head -n 1 "$tmp/err")"
		continue
	fi
	if [ ! -f "$tmp/shown.$n" ]; then
		ok "README.md:$n: $cmd"
		continue
	fi
	# The shown lines, trailing blank lines dropped, each a pattern to find after the last.
	sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/shown.$n" > "$tmp/shown"
	missing=$(awk -v out="$tmp/out" '
		BEGIN { while ((getline l < out) > 0) { sub(/[ \t\r]+$/, "", l); got[++ng] = l }; at = 0 }
		$0 == "..." { gap = 1; next }
		{
			pat = $0
			gsub(/[][\\^$.|?*+(){}]/, "\\\\&", pat)
			gsub(/[0-9a-f]+\\\.\\\.\\\.[0-9a-f]+/, "[0-9a-f]+", pat)
			for (i = at + 1; i <= ng; i++)
				if (got[i] ~ ("^" pat "$"))
					break
			if (i > ng || (!gap && i != at + 1 && at > 0)) { print $0; exit }
			at = i
			gap = 0
		}' "$tmp/shown")
	if [ -z "$missing" ]; then
		ok "README.md:$n: $cmd ($(grep -c -v '^\.\.\.$' "$tmp/shown") lines shown)"
	else
		bad "README.md:$n: $cmd: does not print, in its place: $missing"
	fi
done < "$tmp/commands"
exit $fail
