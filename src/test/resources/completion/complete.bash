# bash --norc --noprofile complete.bash LINE…: loads reg's completion as the README says, then completes
# each LINE (cursor at its end) as bash's programmable completion would: COMP_WORDS split at blanks
# and at '=' (as COMP_WORDBREAKS does), COMP_CWORD, COMP_LINE, COMP_POINT set, and the function that
# 'complete -p reg' names called with the command, the current and the previous word.
# Prints one line per LINE: LINE, a tab, the candidates (COMPREPLY) separated by spaces.
source <(reg completion bash) || exit 1
fn=$(complete -p reg | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
[[ -n $fn ]] || { echo "no completion function registered for reg: $(complete -p reg 2>&1)" >&2; exit 1; }
for line in "$@"; do
  COMP_WORDS=()
  for token in $line; do
    while [[ $token == *=* ]]; do
      [[ -n ${token%%=*} ]] && COMP_WORDS+=("${token%%=*}")
      COMP_WORDS+=("=")
      token=${token#*=}
    done
    [[ -n $token ]] && COMP_WORDS+=("$token")
  done
  [[ $line == *' ' ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMP_LINE=$line
  COMP_POINT=${#line}
  COMPREPLY=()
  "$fn" reg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\t%s\n' "$line" "${COMPREPLY[*]}"
done
