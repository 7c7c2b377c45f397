// The shell code `ksim completion bash|zsh` prints. Both scripts only collect the words of the line
// and ask `ksim __complete WORD...` for candidates (one per line, then `:<directive>`, see complete.cts).

/** bash: `source <(ksim completion bash)`. */
export function bashScript(bin: string): string {
  const fn = `_${bin.replaceAll(/[^A-Za-z0-9_]/g, '_')}`
  return `# bash completion for ${bin}
#   source <(${bin} completion bash)
# or, for every new shell:
#   ${bin} completion bash > ~/.local/share/bash-completion/completions/${bin}

${fn}() {
  local line=\${COMP_LINE:0:COMP_POINT} words=() word i
  # bash splits words at = and : (COMP_WORDBREAKS); ${bin} wants --namespace=kube-system whole
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    if ((i > 0)) && [[ $line != [[:space:]]* ]]; then
      words[\${#words[@]}-1]+=$word
    else
      line=\${line#"\${line%%[![:space:]]*}"}
      words+=("$word")
    fi
    line=\${line#"$word"}
  done
  local cmd=\${words[0]} out directive candidate
  type -P "$cmd" >/dev/null || cmd=${bin}
  out=$("$cmd" __complete "\${words[@]:1}" 2>/dev/null) || return 0
  directive=\${out##*:}
  [[ $directive == [0-9]* ]] || return 0
  # candidates hold the whole word; bash replaces only the part after its last word break
  word=\${words[\${#words[@]}-1]}
  local lead=\${word%"\${word##*[\${COMP_WORDBREAKS:-=:}]}"}
  COMPREPLY=()
  while IFS= read -r candidate; do
    [[ -n $candidate ]] && COMPREPLY+=("\${candidate#"$lead"}")
  done <<< "\${out%:*}"
  if ((directive & 1)); then compopt -o nospace 2>/dev/null; fi
  if ((directive & 2)); then compopt -o default 2>/dev/null; fi
  return 0
}

complete -F ${fn} ${bin}
`
}

/** zsh: `source <(ksim completion zsh)` after compinit, or saved as `_ksim` in a directory on $fpath. */
export function zshScript(bin: string): string {
  const fn = `_${bin.replaceAll(/[^A-Za-z0-9_]/g, '_')}`
  return `#compdef ${bin}
# zsh completion for ${bin} (needs compinit: autoload -Uz compinit && compinit)
#   source <(${bin} completion zsh)
# or, for every new shell, save it as _${bin} in a directory on $fpath:
#   ${bin} completion zsh > "\${fpath[1]}/_${bin}"

${fn}() {
  local cmd=$words[1] out directive c
  local -a candidates values displays opts
  [[ -n $commands[$cmd] || -x $cmd ]] || cmd=${bin}
  out=$(KSIM_COMPLETE_DESCRIPTIONS=1 "$cmd" __complete "\${(@)words[2,CURRENT-1]}" "$PREFIX" 2>/dev/null) || return 1
  directive=\${out##*:}
  [[ $directive == <-> ]] || return 1
  candidates=(\${(f)out%:*})
  # a candidate may come with a description after a tab: shown beside it, one candidate a line
  for c in $candidates; do
    values+=("\${c%%$'\t'*}")
    if [[ $c == *$'\t'* ]]; then displays+=("\${c%%$'\t'*}  -- \${c#*$'\t'}"); else displays+=("$c"); fi
  done
  ((directive & 1)) && opts+=(-S '')
  [[ $out == *$'\t'* ]] && opts+=(-l -d displays)
  if ((directive & 2)); then
    compset -P '*='
    _files
  else
    compadd "\${opts[@]}" -- "\${values[@]}"
  fi
}

if [[ $funcstack[1] == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${bin}
fi
`
}
