#!/bin/sh
# SPDX-License-Identifier: ISC
# Shell completion (completion/tearline.bash, completion/_tearline): every long option of each
# subcommand's table in filter/main.c (as `tearline SUB --help` lists it) is offered for that
# subcommand by both, and nothing else is; the policy names are those in policies/; and both complete for real: bash through its
# completion function, zsh in an interactive shell on a pseudo-terminal (zsh/zpty) with compadd
# watched. zsh is optional: without it the zsh run is skipped, and under CI it fails.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh
bash_c=completion/tearline.bash
zsh_c=completion/_tearline

# The long options of each subcommand: its table in filter/main.c, as its --help lists it.
for sub in redact check keygen verify ledger policy; do
	"$T" $sub --help 2> /dev/null |
	    sed -n "s/^  \(-[a-zA-Z], \|    \)\(--[a-z][a-z-]*\).*/$sub \2/p"
done | sort -u > "$tmp/table"
for sub in redact check keygen verify ledger policy; do
	grep "^$sub " "$tmp/table" | cut -d' ' -f2 | sort -u > "$tmp/want"
	[ -s "$tmp/want" ] || bad "tearline $sub --help lists no options"
	# bash: the _tearline_opts_SUB list.
	awk -v v="_tearline_opts_$sub=" 'index($0, v) == 1 { on = 1; n = gsub(/"/, "&") }
	    on { print } on && /"$/ && (index($0, v) != 1 || n == 2) { exit }' "$bash_c" |
	    tr -s ' \t"=' '\n' |
	    grep '^--' | sort -u > "$tmp/bash"
	if cmp -s "$tmp/want" "$tmp/bash"; then ok "bash offers $sub's $(wc -l < "$tmp/want") options"
	else bad "bash's $sub options differ from main.c: $(diff "$tmp/want" "$tmp/bash" | grep '^[<>]' | tr '\n' ' ')"; fi
	# zsh: the long options named in _tearline_SUB and the specs it uses.
	sed -n "/^_tearline_$sub() {/,/^}/p" "$zsh_c" > "$tmp/zfn"
	grep -q '\$target_spec' "$tmp/zfn" && echo "--release" >> "$tmp/zfn"
	grep -q '\$policy_spec' "$tmp/zfn" && echo "--policy" >> "$tmp/zfn"
	grep -q '\$mode_spec' "$tmp/zfn" && echo "--mode" >> "$tmp/zfn"
	grep -o -E -e '--[a-z][a-z-]*' "$tmp/zfn" | sort -u > "$tmp/zsh"
	if cmp -s "$tmp/want" "$tmp/zsh"; then ok "zsh offers $sub's $(wc -l < "$tmp/want") options"
	else bad "zsh's $sub options differ from main.c: $(diff "$tmp/want" "$tmp/zsh" | grep '^[<>]' | tr '\n' ' ')"; fi
done
ls policies/*.yaml | sed 's|policies/||; s|\.yaml$||' | sort > "$tmp/want"
for f in "$bash_c" "$zsh_c"; do
	sed -n 's/^_tearline_policies="\(.*\)"/\1/p; s/^policies=(\(.*\))/\1/p' "$f" | tr ' ' '\n' |
	    sort > "$tmp/got"
	if cmp -s "$tmp/want" "$tmp/got"; then ok "$f names the policies in policies/"
	else bad "$f's policy names differ from policies/"; fi
done

# bash, for real.
if command -v bash > /dev/null 2>&1; then
	bash -c '
	. completion/tearline.bash
	c() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _tearline
		printf "%s\n" "${COMPREPLY[*]}"; }
	c tearline ch
	c tearline check --fo
	c tearline check --format ""
	c tearline check --color = a
	c tearline --mode b
	c tearline -r SECRET//
	c tearline policy ""
	c tearline ledger ""
	c tearline verify --checkpoint-k
	c tearline keygen --au
	' > "$tmp/bash.out" 2>&1
	cat > "$tmp/bash.want" <<'WANT'
check
--format
text json sarif html
auto always
blackout
SECRET//NOFORN
show test decide rollup
merge
--checkpoint-key
--auditor
WANT
	if cmp -s "$tmp/bash.want" "$tmp/bash.out"; then ok "bash completes subcommands, options and their values"
	else bad "bash completion: $(diff "$tmp/bash.want" "$tmp/bash.out" | grep '^[<>]' | head -n 4 | tr '\n' ' ')"; fi
fi

# zsh, for real: each command line is typed with a tab into an interactive zsh whose compadd
# writes what it is asked to add to a file.
if ! command -v zsh > /dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then bad "zsh is missing (.ci/run installs it)"
	else echo "skip the zsh completion run: zsh is missing (apt-get install zsh)"; fi
	exit $fail
fi
cat > "$tmp/drive.zsh" <<'DRIVE'
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "compadd() { builtin compadd -O __hits \"\$@\"; print -l -- \${__hits} >> $3; builtin compadd \"\$@\"; }"
zpty -w z "$2"$'\t'
for i in {1..40}; do [[ -s $3 ]] && break; sleep 0.1; done
sleep 0.3
zpty -d z
DRIVE
zc() {
	rm -f "$tmp/hits"
	HOME=$tmp zsh -f "$tmp/drive.zsh" "$PWD/completion" "$1" "$tmp/hits" > /dev/null 2>&1
	[ -f "$tmp/hits" ] && grep -v '^$' "$tmp/hits" | sort -u | tr '\n' ' '
}
for case in "tearline ch|check " "tearline check --fo|--format " \
    "tearline check --format |html json sarif text " "tearline -m |blackout mask strip " \
    "tearline policy |decide rollup show test " "tearline check --color=|always auto never " \
    "tearline verify --checkpoint-|--checkpoint-key " "tearline -p us-|us-cable us-intel "; do
	line=${case%%|*}
	want=${case#*|}
	got=$(zc "$line")
	if [ "$got" = "$want" ]; then ok "zsh completes '$line' with $want"
	else bad "zsh completes '$line' with '$got', wanted '$want'"; fi
done
exit $fail
