#!/bin/sh
# SPDX-License-Identifier: ISC
# Installs what tearline needs to build and test, from Debian's packages, when run as root;
# otherwise says what to install. Usage: scripts/deps.sh [build|test|dev|all]
# (dev: what make check-asan, check-valgrind and fuzz need besides the tests: clang, its
# sanitizer and libFuzzer runtimes, valgrind)
set -eu
what=${1:-all}
build="pkg-config libpcre2-dev libsodium-dev libyaml-dev libjansson-dev libseccomp-dev libutf8proc-dev"
test="libcmocka-dev pcre2-utils python3 python3-jsonschema time"
# What some tests use and skip without, saying so (the browser test, GNU parallel's batch test):
# installed when run as root, only named otherwise.
optional="chromium python3-pil poppler-utils parallel zsh"
dev="clang libclang-rt-14-dev valgrind"
case $what in
build) want=$build ;;
test) want="$build $test $optional" ;;
dev) want="$build $test $optional $dev" ;;
all) want="$build $test $optional $dev" ;;
*) echo "usage: scripts/deps.sh [build|test|dev|all]" >&2; exit 2 ;;
esac
missing=
for pkg in $want; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "tearline: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	needed=
	for pkg in $missing; do
		case " $optional " in
		*" $pkg "*) ;;
		*) needed="$needed $pkg" ;;
		esac
	done
	if [ -z "$needed" ]; then
		echo "tearline: not installed:$missing; the tests that use them skip" >&2
		exit 0
	fi
	echo "tearline: missing packages:$missing" >&2
	echo "tearline: install them with: sudo apt-get install$missing" >&2
	exit 1
fi
