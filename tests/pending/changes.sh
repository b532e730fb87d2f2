#!/bin/sh
# Builds and runs the pending unit test tests/pending/test_redact_changes.c against the module
# objects that `make unit` built. Exits 1 while the bug is there.
set -u
cd "$(dirname "$0")/../.." || exit 2
make -s tearline unit || exit 2
objs=
for o in build/*.o; do
	[ "$o" = build/main.o ] || objs="$objs $o"
done
pkgs="libpcre2-8 libsodium yaml-0.1 jansson cmocka"
pkg-config --exists libseccomp 2> /dev/null && pkgs="$pkgs libseccomp"
# shellcheck disable=SC2046,SC2086
cc -std=c11 -D_DEFAULT_SOURCE -Ifilter $(pkg-config --cflags $pkgs) \
    -o build/pending_redact_changes tests/pending/test_redact_changes.c $objs \
    $(pkg-config --libs $pkgs) || exit 2
build/pending_redact_changes
