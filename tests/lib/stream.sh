# SPDX-License-Identifier: ISC
# shellcheck shell=sh
# What the stream tests share (tests/stream.test.sh, tests/stream-memory.test.sh): releases of a
# set of documents read whole and streamed, compared.

whole=100000000000

# Releases of a folder's documents as one batch, whole and streamed; their outputs, messages
# and exit status must agree. $1 a name, $2 the target, $3 the mode, $4 the window, the rest
# the documents.
both() {
	_name=$1 _target=$2 _mode=$3 _window=$4
	shift 4
	rm -rf "$tmp/w" "$tmp/s"
	mkdir "$tmp/w" "$tmp/s"
	TEARLINE_TEST_BUDGET=$whole "$T" redact -v -r "$_target" -m "$_mode" --output-dir "$tmp/w" \
	    "$@" > "$tmp/w.out" 2> "$tmp/w.err"
	_wrc=$?
	TEARLINE_TEST_BUDGET=0 TEARLINE_TEST_WINDOW=$_window "$T" redact -v -r "$_target" \
	    -m "$_mode" --output-dir "$tmp/s" "$@" > "$tmp/s.out" 2> "$tmp/s.all"
	_src=$?
	grep -v ': test: ' "$tmp/s.all" > "$tmp/s.err"
	_streamed=$(grep -c ': read in two passes$' "$tmp/s.all")
	if [ "$_wrc" != "$_src" ]; then
		bad "$_name: exit $_src streamed, $_wrc whole"
	elif ! diff -r "$tmp/w" "$tmp/s" > /dev/null; then
		bad "$_name: the releases differ"
		diff -r "$tmp/w" "$tmp/s" | head -n 5 | sed 's/^/     /'
	elif ! cmp -s "$tmp/w.err" "$tmp/s.err" || ! cmp -s "$tmp/w.out" "$tmp/s.out"; then
		bad "$_name: the messages differ"
		diff "$tmp/w.err" "$tmp/s.err" | head -n 5 | sed 's/^/     /'
	elif [ "$_streamed" -eq 0 ]; then
		bad "$_name: no document was streamed"
	else
		ok "$_name: $# documents, $_streamed streamed, the same releases and messages"
	fi
}

