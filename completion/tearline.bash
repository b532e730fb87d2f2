# SPDX-License-Identifier: ISC
# bash completion for tearline(1). `make install` puts it where bash-completion finds it; to try
# it from the tree: . completion/tearline.bash
#
# The options of each subcommand are those of its table in filter/main.c
# (tests/completion.test.sh checks that every one is here).

_tearline_opts_redact="--release --policy --mode --output --max-document --quiet --verbose
	--audit --secret-key --auditor-key --ledger --no-sandbox --output-dir --audit-dir --jobs --help
	--version"
_tearline_opts_check="--release --policy --format --mode --strict --notes --color
	--max-document --output --help"
_tearline_opts_keygen="--auditor --secret-key --public-key --quiet --help"
_tearline_opts_verify="--audit --public-key --output --original --auditor-secret-key --policy
	--ledger --checkpoint --checkpoint-key --max-document --quiet --help"
_tearline_opts_ledger="--secret-key --public-key --origin --output --quiet --help"
_tearline_opts_policy="--policy --release --verbose --help"
_tearline_policies="us-cable us-intel uk nato cui"
_tearline_targets="UNCLASSIFIED CONFIDENTIAL SECRET TS U C S UNCLASSIFIED//FOUO SECRET//NOFORN"

_tearline()
{
	local cur prev sub opts
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	# --opt=VALUE: bash splits it at the '=' (COMP_WORDBREAKS).
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
	fi

	# The subcommand is the first word, or redact when it is none.
	sub=redact
	if [[ $COMP_CWORD -ge 2 ]]; then
		case ${COMP_WORDS[1]} in
		redact | check | keygen | verify | ledger | policy) sub=${COMP_WORDS[1]} ;;
		esac
	fi

	# An option's value.
	case $prev in
	-r | --release)
		COMPREPLY=($(compgen -W "$_tearline_targets" -- "$cur"))
		return
		;;
	-p | --policy)
		COMPREPLY=($(compgen -W "$_tearline_policies" -- "$cur") $(compgen -f -- "$cur"))
		return
		;;
	-m | --mode)
		COMPREPLY=($(compgen -W "mask strip blackout" -- "$cur"))
		return
		;;
	-f | --format)
		COMPREPLY=($(compgen -W "text json sarif html" -- "$cur"))
		return
		;;
	--color)
		COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
		return
		;;
	--output-dir | --audit-dir)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	-j | --jobs | --max-document | --origin)
		return
		;;
	-o | --output | --audit | --secret-key | --public-key | --auditor-key | \
	--auditor-secret-key | --ledger | --original | --checkpoint | --checkpoint-key)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	esac

	# The subcommand itself, or what a subcommand takes first.
	if [[ $COMP_CWORD -eq 1 && $cur != -* ]]; then
		COMPREPLY=($(compgen -W "redact check keygen verify ledger policy" -- "$cur")
		    $(compgen -f -- "$cur"))
		return
	fi
	if [[ $COMP_CWORD -eq 2 && $sub == policy ]]; then
		COMPREPLY=($(compgen -W "show test decide rollup" -- "$cur"))
		return
	fi
	if [[ $COMP_CWORD -eq 2 && $sub == ledger ]]; then
		COMPREPLY=($(compgen -W "merge" -- "$cur"))
		return
	fi

	if [[ $cur == -* ]]; then
		case $sub in
		redact) opts=$_tearline_opts_redact ;;
		check) opts=$_tearline_opts_check ;;
		keygen) opts=$_tearline_opts_keygen ;;
		verify) opts=$_tearline_opts_verify ;;
		ledger) opts=$_tearline_opts_ledger ;;
		policy) opts=$_tearline_opts_policy ;;
		esac
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	if [[ $sub == policy ]]; then
		COMPREPLY=($(compgen -W "$_tearline_policies" -- "$cur") $(compgen -f -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _tearline -o filenames tearline
