#!/bin/sh
# SPDX-License-Identifier: ISC
# The Makefile's conventions, as a packager relies on them: CPPFLAGS, CFLAGS and LDFLAGS reach
# the compiler and the linker; a missing library is named before anything is compiled; `make
# install DESTDIR=... ` puts the program, the manual, the policies and the bash and zsh
# completions in place with their modes, and `make uninstall` with the same arguments takes every
# one of them away again. The build's own PREFIX is kept, so that nothing is compiled again.
set -u
cd "$(dirname "$0")/.." || exit 2
# shellcheck source=tests/lib/common.sh
. tests/lib/common.sh

flags=$(make -s -n -B build/keys.o tearline CPPFLAGS=-DSEEN_CPPFLAGS CFLAGS='-O1 -DSEEN_CFLAGS' \
    LDFLAGS=-Wl,-zSEEN_LDFLAGS 2> /dev/null)
for f in SEEN_CPPFLAGS SEEN_CFLAGS SEEN_LDFLAGS; do
	if printf '%s\n' "$flags" | grep -q -- "$f"; then ok "make passes $f on"
	else bad "make drops ${f#SEEN_}"; fi
done

make -s -B build/libraries PKG_CONFIG=false > "$tmp/out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "a library is missing" "$tmp/out"; then
	ok "a missing library is named before anything is compiled"
else
	bad "make with no libraries: exit $rc: $(head -n 3 "$tmp/out")"
fi

d=$tmp/dest
if make -s install DESTDIR="$d" > "$tmp/out" 2>&1; then ok "make install DESTDIR"
else bad "make install DESTDIR: $(tail -n 3 "$tmp/out")"; fi
prefix=$(sed -n 's/^PREFIX ?= //p' Makefile)
for f in "bin/tearline 755" "share/man/man1/tearline.1 644" \
    "share/tearline/policies/us-cable.yaml 644" "share/tearline/policies/uk.yaml 644" \
    "share/bash-completion/completions/tearline 644" "share/zsh/vendor-completions/_tearline 644"; do
	set -- $f
	mode=$(stat -c %a "$d$prefix/$1" 2> /dev/null)
	if [ "$mode" = "$2" ]; then ok "installed $1, mode $2"
	else bad "installed $1: mode '${mode:-absent}', wanted $2"; fi
done
if "$d$prefix/bin/tearline" --version > /dev/null 2>&1; then ok "the installed program runs"
else bad "the installed program does not run"; fi
if make -s uninstall DESTDIR="$d" > "$tmp/out" 2>&1; then ok "make uninstall DESTDIR"
else bad "make uninstall DESTDIR: $(tail -n 3 "$tmp/out")"; fi
left=$(find "$d" -type f | wc -l)
if [ "$left" -eq 0 ]; then ok "uninstall leaves no file behind"
else bad "uninstall leaves $left files: $(find "$d" -type f | head -n 3)"; fi
exit $fail
