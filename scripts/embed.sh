#!/bin/sh
# SPDX-License-Identifier: ISC
# Writes a C file that holds FILE's bytes as policy_builtin_text. Usage: embed.sh FILE
set -eu
printf '/* Generated from %s by scripts/embed.sh; do not edit. */\n' "$1"
printf '#include <stddef.h>\n\nconst unsigned char policy_builtin_text[] = {\n'
od -An -v -tx1 "$1" | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/\t/'
printf '\t0x00\n};\nconst size_t policy_builtin_len = sizeof(policy_builtin_text) - 1;\n'
